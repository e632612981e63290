/*
 * When an escalation may fire (R-CPL-2; issue 13 item 4): escalations go to
 * people — a department supervisor, the director — so they fire in the
 * site's business hours on its working days (make-up working Saturdays, 调休,
 * included; holidays not), unless the site's policy says they may fire at
 * any time (`complaint.escalate_after_hours`). Helpdesks that ignore this
 * page a supervisor at midnight; a breach found at night waits for the
 * opening instead.
 */
#include "internal.h"
#include "frontdesk/complaints.h"

fd_status fd_complaint_may_escalate(int *out, int64_t *next, const fd_calendar *cal, const fd_policy *policy,
                                    int64_t now)
{
    static const char fn[] = "fd_complaint_may_escalate";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "next", next);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc)
        return rc;
    int open = fd__policy_value(policy, FD__POL_CPL_ESCALATE_AFTER_HOURS) == 1;
    if (!open && (rc = fd_calendar_is_business_time(&open, cal, now)) != FD_OK)
        return fd__error_rename(rc, fn, "now");
    int64_t at = 0;
    if (!open) {
        /* The next opening: one business minute counted from now ends a minute after it
         * (the calendar counts business time from the next business instant at or after now). */
        rc = fd_calendar_deadline(&at, cal, now, 1, FD_CALENDAR_UNIT_BUSINESS_MINUTES, policy);
        if (rc)
            return fd__error_context(rc, "%s: the next opening after now", fn);
        at -= 60;
    }
    *out = open;
    *next = at;
    return FD_OK;
}
