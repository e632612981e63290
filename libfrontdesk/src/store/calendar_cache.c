/*
 * The store's calendars (R-CALL-9, R-CPL-2): the calendar a handle counts a
 * site's deadlines on — call replies, complaint targets — made in one place,
 * so that every module counts with the same holiday data, zone and calendar
 * policy, and data loaded later is added here for all of them.
 */
#include "store/store_internal.h"

#include <string.h>

fd_status fd__store_calendar(const fd_calendar **out, fd_store *s, const char *fn, int64_t site_id,
                             const fd_policy *policy)
{
    char zone[FD__ZONE_MAX + 1];
    fd_status rc = fd__store_site_zone(zone, s, fn, site_id);
    if (rc)
        return rc;
    int64_t beyond = fd__policy_value(policy, FD__POL_CAL_BEYOND_DATA);
    int64_t fallback = fd__policy_value(policy, FD__POL_CAL_FALLBACK_WEEKENDS);
    int64_t roll = fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS);
    if (s->cal.cal && s->cal.site_id == site_id && strcmp(s->cal.zone, zone) == 0 && s->cal.beyond == beyond &&
        s->cal.fallback == fallback && s->cal.roll == roll) {
        *out = s->cal.cal;
        return FD_OK;
    }
    fd_calendar_free(s->cal.cal);
    s->cal.cal = NULL;
    fd_calendar *cal = NULL;
    rc = fd_calendar_new(&cal);
    if (rc == FD_OK)
        rc = fd_calendar_set_time_zone(cal, zone);
    if (rc == FD_OK && policy)
        rc = fd_calendar_apply_policy(cal, policy);
    if (rc) {
        fd_calendar_free(cal);
        return fd__error_context(rc, "%s: the calendar of site %lld", fn, (long long)site_id);
    }
    s->cal.cal = cal;
    s->cal.site_id = site_id;
    fd__copy_fixed(s->cal.zone, sizeof s->cal.zone, zone);
    s->cal.beyond = beyond;
    s->cal.fallback = fallback;
    s->cal.roll = roll;
    *out = cal;
    return FD_OK;
}
