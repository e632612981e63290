/*
 * The store's calendars (R-CALL-9, R-CPL-2): the calendar a handle counts a
 * site's deadlines on — call replies, complaint targets — made in one place,
 * so that every module counts with the same holiday data, zone and calendar
 * policy, and data loaded later is added here for all of them.
 */
#include "store/store_internal.h"

#include <string.h>

/* The last row of calendar_data (0: none loaded): whether the handle's calendar holds every text. */
static const char SQL_DATA_LAST[] = "SELECT coalesce(max(id), 0) FROM calendar_data";
/* Holiday data loaded after the library was built, in load order: each extends what came before. */
static const char SQL_DATA_ALL[] = "SELECT version, data FROM calendar_data ORDER BY id";

/* Adds every text of calendar_data to @cal (R-CPL-2: newer holiday data counts from when it is loaded). */
static fd_status add_loaded_data(fd_calendar *cal, fd_store *s, const char *fn)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DATA_ALL);
    if (st == NULL)
        return fd_error_last()->code;
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *data = (const char *)sqlite3_column_text(st, 1);
        if (data == NULL && sqlite3_errcode(s->db) == SQLITE_NOMEM)
            rc = fd__oom(fn);
        else if ((rc = fd_calendar_add_data(cal, data ? data : "")) != FD_OK)
            rc = fd__error_context(rc == FD_ENOMEM ? FD_ENOMEM : FD_EDATA, "%s: holiday data '%.64s' in the database",
                                   fn, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the loaded holiday data");
    return rc;
}

fd_status fd__store_calendar_new(fd_calendar **out, fd_store *s, const char *fn, int64_t site_id,
                                 const fd_policy *policy)
{
    char zone[FD__ZONE_MAX + 1];
    fd_status rc = fd__store_site_zone(zone, s, fn, site_id);
    if (rc)
        return rc;
    fd_calendar *cal = NULL;
    rc = fd_calendar_new(&cal);
    if (rc == FD_OK)
        rc = fd_calendar_set_time_zone(cal, zone);
    if (rc == FD_OK && policy)
        rc = fd_calendar_apply_policy(cal, policy);
    if (rc == FD_OK)
        rc = add_loaded_data(cal, s, fn);
    if (rc) {
        fd_calendar_free(cal);
        return fd__error_context(rc, "%s: the calendar of site %lld", fn, (long long)site_id);
    }
    *out = cal;
    return FD_OK;
}

void fd__store_calendar_forget(fd_store *s)
{
    fd_calendar_free(s->cal.cal);
    s->cal.cal = NULL;
}

/* Whether the cached calendar holds every loaded text: asked again only after another connection committed. */
static fd_status data_current(bool *current, fd_store *s, const char *fn, int64_t *last)
{
    unsigned int dv = fd__store_data_version(s);
    *last = s->cal.data_id;
    if (dv != 0 && dv == s->cal.data_version) {
        *current = true;
        return FD_OK;
    }
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DATA_LAST);
    if (st == NULL)
        return fd_error_last()->code;
    fd_status rc = fd__stmt_int(s, fn, st, "reading the loaded holiday data", last);
    if (rc)
        return rc;
    *current = *last == s->cal.data_id;
    if (*current)
        s->cal.data_version = dv;
    return FD_OK;
}

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
    bool current = false;
    int64_t last = 0;
    if (s->cal.cal && s->cal.site_id == site_id && strcmp(s->cal.zone, zone) == 0 && s->cal.beyond == beyond &&
        s->cal.fallback == fallback && s->cal.roll == roll && (rc = data_current(&current, s, fn, &last)) != FD_OK)
        return rc;
    if (current) {
        *out = s->cal.cal;
        return FD_OK;
    }
    fd__store_calendar_forget(s);
    unsigned int dv = fd__store_data_version(s);
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DATA_LAST);
    if (st == NULL)
        return fd_error_last()->code;
    if ((rc = fd__stmt_int(s, fn, st, "reading the loaded holiday data", &last)) != FD_OK)
        return rc;
    fd_calendar *cal = NULL;
    if ((rc = fd__store_calendar_new(&cal, s, fn, site_id, policy)) != FD_OK)
        return rc;
    s->cal.cal = cal;
    s->cal.site_id = site_id;
    fd__copy_fixed(s->cal.zone, sizeof s->cal.zone, zone);
    s->cal.beyond = beyond;
    s->cal.fallback = fallback;
    s->cal.roll = roll;
    s->cal.data_id = last;
    s->cal.data_version = dv;
    *out = cal;
    return FD_OK;
}
