/*
 * Arrears, dunning and the limitation clock of the fees module
 * (frontdesk/fees.h, issue 14 item 5; R-FEE-2, R-FEE-6): the age bucket of a
 * debt, the end of its three-year limitation period (Civil Code art. 188,
 * 195, 201-203), the dunning state machine (reminder → letter → visit →
 * legal) and its refusals (art. 944), and the payment and dunning notices
 * rendered from a template. No SQLite, no store: a Java suite with its own
 * database calls these over values, and the store calls the same functions.
 */
#include "internal.h"
#include "frontdesk/fees.h"

#include <stdio.h>
#include <string.h>

static bool date_unset(fd_date d)
{
    return d.year == 0 && d.month == 0 && d.day == 0;
}

/* --- limitation (Civil Code art. 188, 195, 201-203) ----------------------- */

fd_status fd_fee_limitation_end(fd_date *out, fd_date due_on, fd_date last_demand_on, const fd_calendar *cal)
{
    static const char fn[] = "fd_fee_limitation_end";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "due_on", due_on);
    if (rc == FD_OK && !date_unset(last_demand_on))
        rc = fd__check_date(fn, "last_demand_on", last_demand_on);
    if (rc)
        return rc;
    /* art. 195: a demand interrupts the period, which runs anew from it; a
     * "demand" before the debt was due interrupts nothing */
    fd_date from = due_on;
    if (!date_unset(last_demand_on) && fd__date_cmp(last_demand_on, due_on) > 0)
        from = last_demand_on;
    /* art. 201: the day it starts is not counted; art. 202: three years end on
     * the corresponding day, or the month's last day when there is none (29 Feb) */
    if (from.year > 9999 - 3)
        return fd__error(FD_ERANGE, "%s: due_on: the limitation of a debt from %04d would end after 9999", fn,
                         (int)from.year);
    fd_date end = { from.year + 3, from.month, from.day };
    int dim = fd__days_in_month(end.year, end.month);
    if (end.day > dim)
        end.day = dim;
    /* art. 203: a last day on a statutory day of rest (a holiday or a weekend
     * not made a working day) moves to the day after the rest ends */
    int work = 0;
    if ((rc = fd_calendar_is_workday(&work, cal, end)) != FD_OK)
        return fd__error_rename(rc, fn, "cal");
    if (!work && (rc = fd_calendar_next_workday(&end, cal, end)) != FD_OK)
        return fd__error_rename(rc, fn, "cal");
    *out = end;
    return FD_OK;
}
