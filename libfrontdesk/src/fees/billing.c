/*
 * The fees module's billing rules (frontdesk/fees.h "billing"): what a line
 * costs in exact fen with one named rounding and its residue kept (R-FEE-8),
 * proration and custody (R-FEE-2, R-FEE-7), the days a period holds and when
 * it is due, late fees (R-FEE-2). No SQLite, no store: the store bills with
 * these, and a Java suite with its own database can too. No floating point.
 */
#include "internal.h"
#include "frontdesk/fees.h"

#include <string.h>

fd_status fd_fee_line_input_init(fd_fee_line_input *in, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_fee_line_input_init", "in", in);
    if (rc)
        return rc;
    if (version != FD_FEE_LINE_INPUT_VERSION)
        return fd__error(FD_EINVAL, "fd_fee_line_input_init: version: %u is not %u", version,
                         (unsigned)FD_FEE_LINE_INPUT_VERSION);
    fd_fee_line_input init = FD_FEE_LINE_INPUT_INIT;
    *in = init;
    return FD_OK;
}

/* FD_ERANGE naming in.<field> unless 0 <= v <= max. */
static fd_status in_range(const char *fn, const char *field, int64_t v, int64_t max, const char *what)
{
    if (v < 0)
        return fd__error(FD_ERANGE, "%s: in.%s: %lld is negative", fn, field, (long long)v);
    if (v > max)
        return fd__error(FD_ERANGE, "%s: in.%s: %lld is beyond %s (%lld)", fn, field, (long long)v, what,
                         (long long)max);
    return FD_OK;
}

/* R-FEE-8, R-FEE-2, R-FEE-7: exact = qty × price / 10^4 × (D − C + C × pct / 100) / M, rounded once. */
fd_status fd_fee_line_amount(int64_t *amount, int64_t *residue_e4, const fd_fee_line_input *in)
{
    static const char fn[] = "fd_fee_line_amount";
    fd_status rc = fd__check_ptr(fn, "amount", amount);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "residue_e4", residue_e4);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "in", in);
    if (rc)
        return rc;
    if (in->version != FD_FEE_LINE_INPUT_VERSION)
        return fd__error(FD_EINVAL, "%s: in.version: %u is not %u", fn, in->version,
                         (unsigned)FD_FEE_LINE_INPUT_VERSION);
    if (fd_fee_rounding_code(in->rounding) == NULL)
        return fd__error(FD_EINVAL, "%s: in.rounding: %d is not a rounding mode (0..5)", fn, in->rounding);
    int64_t big = INT64_MAX;
    if ((rc = in_range(fn, "qty_e2", in->qty_e2, big, "int64")) != FD_OK ||
        (rc = in_range(fn, "price_e4", in->price_e4, big, "int64")) != FD_OK ||
        (rc = in_range(fn, "month_days", in->month_days, 366, "a year's days")) != FD_OK ||
        (rc = in_range(fn, "days", in->days, in->month_days, "month_days")) != FD_OK ||
        (rc = in_range(fn, "custody_pct", in->custody_pct, 100, "100 %")) != FD_OK)
        return rc;
    int64_t m = in->month_days ? in->month_days : 1;
    int64_t d = in->month_days ? (in->days ? in->days : in->month_days) : 1;
    /* Custody days are some of the days charged; without proration all or none of the one "day". */
    int64_t c_max = in->custody_pct == 0 ? 0 : (in->month_days ? d : 0);
    if ((rc = in_range(fn, "custody_days", in->custody_days, c_max,
                       in->custody_pct == 0 ? "0 without custody_pct" : "the days charged")) != FD_OK)
        return rc;
    int64_t c = in->custody_pct == 0 ? 0 : (in->custody_days ? in->custody_days : d);
    int64_t base;
    if (__builtin_mul_overflow(in->qty_e2, in->price_e4, &base))
        return fd__error(FD_ERANGE, "%s: in.qty_e2: %lld × price_e4 %lld is beyond int64", fn, (long long)in->qty_e2,
                         (long long)in->price_e4);
    int64_t num = (d - c) * 100 + c * in->custody_pct; /* <= 366 × 100 */
    int64_t den = INT64_C(1000000) * m;                 /* 10^4 (price) × 100 (percent) × M */
    int64_t amt;
    rc = fd_money_mul_ratio(&amt, base, num, den, (fd_money_round)in->rounding);
    if (rc)
        return fd__error(FD_ERANGE, "%s: in.qty_e2: the amount is beyond int64 fen", fn);
    /* exact − amount = R / den with |R| < den: computed modulo 2^64, exact because R is small. */
    int64_t r = (int64_t)((uint64_t)base * (uint64_t)num - (uint64_t)amt * (uint64_t)den);
    int64_t res;
    if ((rc = fd_money_mul_ratio(&res, r, 10000, den, FD_MONEY_ROUND_HALF_EVEN)) != FD_OK)
        return rc;
    *amount = amt;
    *residue_e4 = res;
    return FD_OK;
}

/* --- periods ---------------------------------------------------------------- */

static int64_t day_number(fd_date d)
{
    return fd__days_from_civil(d.year, d.month, d.day);
}

fd_status fd_fee_period_end(fd_date *out, fd_date start, const char *period)
{
    static const char fn[] = "fd_fee_period_end";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "start", start);
    if (rc)
        return rc;
    int months;
    if (period && strcmp(period, "month") == 0)
        months = 1;
    else if (period && strcmp(period, "quarter") == 0)
        months = 3;
    else if (period && strcmp(period, "year") == 0)
        months = 12;
    else if (period && strcmp(period, "once") == 0)
        months = 0;
    else
        return fd__error(FD_EINVAL, "%s: period: \"%s\" is not month, quarter, year or once", fn,
                         period ? period : "(null)");
    fd_date e;
    if (months == 0) {
        e = fd__civil_from_days(day_number(start) + 1);
    } else {
        int64_t mi = (int64_t)start.year * 12 + (start.month - 1) + months;
        e.year = (int32_t)(mi / 12);
        e.month = (int32_t)(mi % 12) + 1;
        e.day = start.day;
        /* Civil Code art. 202: no such day in the end month → its last day is the period's last. */
        if (e.day > fd__days_in_month(e.year, e.month)) {
            e.day = 1;
            if (++e.month > 12) {
                e.month = 1;
                e.year++;
            }
        }
    }
    if (e.year > 9999)
        return fd__error(FD_ERANGE, "%s: start: a %s from %04d-%02d-%02d ends after 9999-12-31", fn, period,
                         (int)start.year, (int)start.month, (int)start.day);
    *out = e;
    return FD_OK;
}

fd_status fd_fee_days_in(int64_t *days, int64_t *month_days, fd_date month_start, fd_date month_end, fd_date from,
                         fd_date to)
{
    static const char fn[] = "fd_fee_days_in";
    fd_status rc = fd__check_ptr(fn, "days", days);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "month_days", month_days);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "month_start", month_start);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "month_end", month_end);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "from", from);
    if (rc == FD_OK && to.year != 0)
        rc = fd__check_date(fn, "to", to);
    if (rc)
        return rc;
    int64_t a = day_number(month_start), b = day_number(month_end);
    if (b <= a)
        return fd__error(FD_EINVAL, "%s: month_end: not after month_start", fn);
    int64_t f = day_number(from), t = to.year == 0 ? b : day_number(to);
    int64_t lo = f > a ? f : a, hi = t < b ? t : b;
    *days = hi > lo ? hi - lo : 0;
    *month_days = b - a;
    return FD_OK;
}

fd_status fd_fee_due_on(fd_date *out, fd_date period_start, fd_date period_end, const fd_policy *policy)
{
    static const char fn[] = "fd_fee_due_on";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "period_start", period_start);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "period_end", period_end);
    if (rc)
        return rc;
    int64_t a = day_number(period_start), b = day_number(period_end);
    if (b <= a)
        return fd__error(FD_EINVAL, "%s: period_end: not after period_start", fn);
    int64_t due = a + fd__policy_value(policy, FD__POL_FEE_DUE_DAYS) - 1;
    *out = fd__civil_from_days(due < b ? due : b - 1);
    return FD_OK;
}

/* --- late fees ---------------------------------------------------------------- */

/* The checks both late fee functions make: @out given, both days real. */
static fd_status late_checks(const char *fn, const void *out, fd_date due_on, fd_date as_of)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "due_on", due_on);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "as_of", as_of);
    return rc;
}

/* The late fee's days as of @as_of: from the day after due_on and the grace days, inclusive. */
static int64_t late_days(fd_date due_on, fd_date as_of, const fd_policy *policy, int64_t *from)
{
    *from = day_number(due_on) + fd__policy_value(policy, FD__POL_FEE_LATE_GRACE_DAYS) + 1;
    int64_t n = day_number(as_of) - *from + 1;
    return n > 0 ? n : 0;
}

/* R-FEE-2: principal × per_day_e4 × days / 10^4, capped at cap_pct, one rounding, never compounding. */
fd_status fd_fee_late_fee(int64_t *out, int64_t principal, fd_date due_on, fd_date as_of, const fd_policy *policy)
{
    static const char fn[] = "fd_fee_late_fee";
    fd_status rc = late_checks(fn, out, due_on, as_of);
    if (rc)
        return rc;
    int64_t from, days = late_days(due_on, as_of, policy, &from);
    int64_t per_day = fd__policy_value(policy, FD__POL_FEE_LATE_PER_DAY_E4);
    if (principal <= 0 || days == 0 || per_day == 0) {
        *out = 0;
        return FD_OK;
    }
    int64_t ratio = per_day * days; /* <= 10^4 × 3.7 × 10^6 */
    int64_t cap = fd__policy_value(policy, FD__POL_FEE_LATE_CAP_PCT) * 100;
    if (ratio > cap)
        ratio = cap;
    int64_t fee;
    rc = fd_money_mul_ratio(&fee, principal, ratio, 10000,
                            (fd_money_round)fd__policy_value(policy, FD__POL_FEE_ROUNDING));
    if (rc)
        return fd__error(FD_ERANGE, "%s: principal: the late fee of %lld fen is beyond int64", fn,
                         (long long)principal);
    *out = fee;
    return FD_OK;
}

fd_status fd_fee_late_fee_terms(fd_buf *out, fd_date due_on, fd_date as_of, const fd_policy *policy)
{
    static const char fn[] = "fd_fee_late_fee_terms";
    fd__buf_clear(out);
    fd_status rc = late_checks(fn, out, due_on, as_of);
    if (rc)
        return rc;
    int64_t per_day = fd__policy_value(policy, FD__POL_FEE_LATE_PER_DAY_E4);
    if (per_day == 0)
        return fd__buf_puts(out, "fee.late_fee.per_day_e4=0: none");
    int64_t from, days = late_days(due_on, as_of, policy, &from);
    fd_date f = fd__civil_from_days(from);
    return fd__buf_printf(out, "fee.late_fee.per_day_e4=%lld from %04d-%02d-%02d, %lld days; cap %lld %%",
                          (long long)per_day, (int)f.year, (int)f.month, (int)f.day, (long long)days,
                          (long long)fd__policy_value(policy, FD__POL_FEE_LATE_CAP_PCT));
}
