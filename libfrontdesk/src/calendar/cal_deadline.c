/*
 * Deadlines and SLA clocks (R-CPL-2, R-CALL-9, R-PLN-1, R-PLN-2, R-FEE-6).
 *
 * Every unit is counted on the calendar's tables: business time through the
 * prefix sums of business seconds (a galloping search from the start day, so
 * short spans touch a handful of entries), working days through the working
 * day index (O(1)). A deadline is the last on-time second.
 */
#include "calendar/cal_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_HOURS 1000000
#define MAX_DAYS 36600

static const char *const unit_names[] = { "",           "clock_hours",  "business_hours", "calendar_days",
                                          "working_days", "same_day", "clock_minutes", "business_minutes" };
#define UNIT_COUNT ((int)(sizeof unit_names / sizeof unit_names[0]))

const char *fd_calendar_unit_name(int unit)
{
    return unit > 0 && unit < UNIT_COUNT ? unit_names[unit] : "";
}

fd_status fd_calendar_unit_from_name(int *out, const char *name)
{
    fd_status rc = fd__check_ptr("fd_calendar_unit_from_name", "out", out);
    if (rc == FD_OK)
        rc = fd__check_text("fd_calendar_unit_from_name", "name", name, 64, true);
    if (rc)
        return rc;
    for (int u = 1; u < UNIT_COUNT; u++)
        if (strcmp(name, unit_names[u]) == 0) {
            *out = u;
            return FD_OK;
        }
    return fd__error(FD_EINVAL,
                     "fd_calendar_unit_from_name: name: '%s' is not a unit (clock_hours, business_hours, "
                     "calendar_days, working_days, same_day, clock_minutes, business_minutes)",
                     name);
}

static int is_business_unit(int unit)
{
    return unit == FD_CALENDAR_UNIT_BUSINESS_HOURS || unit == FD_CALENDAR_UNIT_BUSINESS_MINUTES;
}

static int is_clock_unit(int unit)
{
    return unit == FD_CALENDAR_UNIT_CLOCK_HOURS || unit == FD_CALENDAR_UNIT_CLOCK_MINUTES;
}

/* The amount in the unit's base: seconds for hour and minute units, days otherwise. */
static fd_status base_amount(int64_t *out, const char *fn, int64_t amount, int unit)
{
    if (unit < 1 || unit >= UNIT_COUNT)
        return fd__error(FD_EINVAL, "%s: unit: %d is not an FD_CALENDAR_UNIT_* value", fn, unit);
    if (unit == FD_CALENDAR_UNIT_SAME_DAY && amount != 0)
        return fd__error(FD_ERANGE, "%s: amount: same_day takes amount 0, not %lld", fn, (long long)amount);
    int64_t max = unit == FD_CALENDAR_UNIT_CLOCK_HOURS || unit == FD_CALENDAR_UNIT_BUSINESS_HOURS ? MAX_HOURS
                  : is_clock_unit(unit) || is_business_unit(unit)                            ? MAX_HOURS * 60LL
                                                                                                 : MAX_DAYS;
    if (amount < 0 || amount > max)
        return fd__error(FD_ERANGE, "%s: amount: %lld %s is outside 0..%lld", fn, (long long)amount,
                         unit_names[unit], (long long)max);
    if (unit == FD_CALENDAR_UNIT_CLOCK_HOURS || unit == FD_CALENDAR_UNIT_BUSINESS_HOURS)
        *out = amount * 3600;
    else if (is_clock_unit(unit) || is_business_unit(unit))
        *out = amount * 60;
    else
        *out = amount;
    return FD_OK;
}

static fd_status covered(const fd_calendar *cal, const char *fn, int32_t i, int fallback)
{
    int64_t d = cal->t0 + i;
    if (!fallback && (d < cal->cov_lo || d > cal->cov_hi))
        return fd__cal_uncovered(cal, fn, d);
    return FD_OK;
}

static int64_t end_of_business(const fd_calendar *cal, int32_t i)
{
    return fd__cal_utc(cal, i, cal->biz[cal->nbiz - 1].b);
}

/* Smallest j >= i with bprefix[j + 1] >= target, galloping then bisecting; -1 if none. */
static int32_t find_business_day(const fd_calendar *cal, int32_t i, int64_t target)
{
    const int64_t *b = cal->bprefix;
    int32_t n = cal->n;
    if (b[n] < target)
        return -1;
    int32_t lo = i, hi = i, step = 1;
    while (b[hi + 1] < target) {
        lo = hi + 1;
        hi = hi + step >= n - 1 ? n - 1 : hi + step;
        step <<= 1;
    }
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (b[mid + 1] >= target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The deadline for @amount in the unit's base (see base_amount), plus @extra working days for same_day. */
static fd_status deadline_core(int64_t *out, const fd_calendar *cal, const char *fn, int64_t start, int unit,
                               int64_t amount, int fallback, int roll)
{
    if (is_clock_unit(unit)) {
        if (start > INT64_MAX - amount)
            return fd__error(FD_ERANGE, "%s: start: %lld plus the amount overflows", fn, (long long)start);
        *out = start + amount;
        return FD_OK;
    }
    int32_t i, j;
    fd_status rc = fd__cal_index_of_instant(&i, cal, fn, start);
    if (rc)
        return rc;
    if (is_business_unit(unit)) {
        if ((rc = covered(cal, fn, i, fallback)) != FD_OK)
            return rc;
        if (amount == 0) {
            *out = start;
            return FD_OK;
        }
        int64_t target = fd__cal_business_at(cal, i, start) + amount;
        j = find_business_day(cal, i, target);
        if (j < 0)
            return fallback ? fd__error(FD_ERANGE, "%s: amount: the deadline falls beyond the days this calendar "
                                                   "computes", fn)
                            : fd__cal_uncovered(cal, fn, cal->cov_hi + 1);
        if ((rc = covered(cal, fn, j, fallback)) != FD_OK)
            return rc;
        int64_t r = target - cal->bprefix[j];
        for (int k = 0; k < cal->nbiz; k++) {
            int64_t ua = fd__cal_utc(cal, j, cal->biz[k].a), len = fd__cal_utc(cal, j, cal->biz[k].b) - ua;
            if (r <= len) {
                *out = ua + r;
                return FD_OK;
            }
            r -= len;
        }
        *out = end_of_business(cal, j); /* not reached: bprefix says day j holds the rest */
        return FD_OK;
    }
    if (unit == FD_CALENDAR_UNIT_CALENDAR_DAYS) {
        if (i + amount >= cal->n)
            return fd__error(FD_ERANGE, "%s: amount: %lld days leave the days this calendar computes", fn,
                             (long long)amount);
        j = (int32_t)(i + amount);
        if (roll) {
            if ((rc = covered(cal, fn, j, fallback)) != FD_OK)
                return rc;
            if (!fd__cal_is_work_type(cal->type[j]) && (rc = fd__cal_add_wd(&j, cal, fn, j, 1, fallback)) != FD_OK)
                return rc;
        }
        *out = cal->midnight[j + 1] - 1;
        return FD_OK;
    }
    if ((rc = covered(cal, fn, i, fallback)) != FD_OK)
        return rc;
    if (unit == FD_CALENDAR_UNIT_WORKING_DAYS && amount > 0) {
        rc = fd__cal_add_wd(&j, cal, fn, i, amount, fallback);
    } else {
        /* same_day (and 0 working days): today if received before closing on a working day. */
        j = i;
        if (!fd__cal_is_work_type(cal->type[i]) || start >= end_of_business(cal, i))
            rc = fd__cal_add_wd(&j, cal, fn, i, 1, fallback);
        if (rc == FD_OK && amount > 0)
            rc = fd__cal_add_wd(&j, cal, fn, j, amount, fallback);
    }
    if (rc)
        return rc;
    *out = end_of_business(cal, j);
    return FD_OK;
}

/* R-CPL-2, R-CALL-9, R-PLN-1: deadlines in the standards' units. */
fd_status fd_calendar_deadline(int64_t *out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                               const fd_policy *policy)
{
    const char *fn = "fd_calendar_deadline";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    int64_t base = 0;
    if (rc == FD_OK)
        rc = base_amount(&base, fn, amount, unit);
    if (rc)
        return rc;
    int fallback = policy ? (int)fd__policy_value(policy, FD__POL_CAL_FALLBACK_WEEKENDS) : cal->fallback;
    int roll = policy ? (int)fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS) : cal->roll;
    return deadline_core(out, cal, fn, start, unit, base, fallback, roll);
}

/* --- SLA clocks ------------------------------------------------------- */

struct fd_sla {
    const fd_calendar *cal;
    int64_t start;
    int unit;
    int64_t amount; /* in the unit's base */
    int64_t ext;    /* extension from pauses, same base */
    int fallback, roll;
    int paused;
    int64_t paused_at;
    int64_t last_resume;
    int64_t due;
};

fd_status fd_sla_new(fd_sla **out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                     const fd_policy *policy)
{
    const char *fn = "fd_sla_new";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    int64_t base = 0;
    if (rc == FD_OK)
        rc = base_amount(&base, fn, amount, unit);
    if (rc)
        return rc;
    fd_sla s;
    memset(&s, 0, sizeof s);
    s.cal = cal;
    s.start = s.last_resume = start;
    s.unit = unit;
    s.amount = base;
    s.fallback = policy ? (int)fd__policy_value(policy, FD__POL_CAL_FALLBACK_WEEKENDS) : cal->fallback;
    s.roll = policy ? (int)fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS) : cal->roll;
    rc = deadline_core(&s.due, cal, fn, start, unit, base, s.fallback, s.roll);
    if (rc)
        return rc;
    fd_sla *p = malloc(sizeof *p);
    if (p == NULL)
        return fd__oom(fn);
    *p = s;
    *out = p;
    return FD_OK;
}

void fd_sla_free(fd_sla *sla)
{
    free(sla);
}

fd_status fd_sla_pause(fd_sla *sla, int64_t at)
{
    fd_status rc = fd__check_ptr("fd_sla_pause", "sla", sla);
    if (rc)
        return rc;
    if (sla->paused)
        return fd__error(FD_ESTATE, "fd_sla_pause: sla: the clock is already paused (since %lld)",
                         (long long)sla->paused_at);
    if (at < sla->last_resume)
        return fd__error(FD_ERANGE, "fd_sla_pause: at: %lld is before the clock last ran from %lld", (long long)at,
                         (long long)sla->last_resume);
    sla->paused = 1;
    sla->paused_at = at;
    return FD_OK;
}

/* The extension that a pause from @a to @b earns, in the unit's own terms. */
static fd_status pause_extension(int64_t *out, const fd_sla *sla, const char *fn, int64_t a, int64_t b)
{
    const fd_calendar *cal = sla->cal;
    if (is_clock_unit(sla->unit)) {
        *out = b - a;
        return FD_OK;
    }
    int32_t i, j;
    fd_status rc = fd__cal_index_of_instant(&i, cal, fn, a);
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&j, cal, fn, b);
    if (rc)
        return rc;
    if (sla->unit == FD_CALENDAR_UNIT_CALENDAR_DAYS) {
        *out = j - i;
        return FD_OK;
    }
    if ((rc = covered(cal, fn, i, sla->fallback)) != FD_OK || (rc = covered(cal, fn, j, sla->fallback)) != FD_OK)
        return rc;
    if (is_business_unit(sla->unit))
        *out = fd__cal_business_at(cal, j, b) - fd__cal_business_at(cal, i, a);
    else
        *out = (int64_t)cal->wd_prefix[j + 1] - cal->wd_prefix[i + 1];
    return FD_OK;
}

fd_status fd_sla_resume(fd_sla *sla, int64_t at)
{
    const char *fn = "fd_sla_resume";
    fd_status rc = fd__check_ptr(fn, "sla", sla);
    if (rc)
        return rc;
    if (!sla->paused)
        return fd__error(FD_ESTATE, "fd_sla_resume: sla: the clock is running, not paused");
    if (at < sla->paused_at)
        return fd__error(FD_ERANGE, "fd_sla_resume: at: %lld is before the pause at %lld", (long long)at,
                         (long long)sla->paused_at);
    int64_t add = 0, due = 0;
    rc = pause_extension(&add, sla, fn, sla->paused_at, at);
    if (rc == FD_OK)
        rc = deadline_core(&due, sla->cal, fn, sla->start, sla->unit, sla->amount + sla->ext + add, sla->fallback,
                           sla->roll);
    if (rc)
        return rc;
    sla->ext += add;
    sla->due = due;
    sla->paused = 0;
    sla->last_resume = at;
    return FD_OK;
}

fd_status fd_sla_is_paused(int *out, const fd_sla *sla)
{
    fd_status rc = fd__check_ptr("fd_sla_is_paused", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_sla_is_paused", "sla", sla);
    if (rc)
        return rc;
    *out = sla->paused;
    return FD_OK;
}

fd_status fd_sla_due(int64_t *out, const fd_sla *sla)
{
    fd_status rc = fd__check_ptr("fd_sla_due", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_sla_due", "sla", sla);
    if (rc)
        return rc;
    if (sla->paused)
        return fd__error(FD_ESTATE, "fd_sla_due: sla: the clock is paused since %lld; the deadline is known on resume",
                         (long long)sla->paused_at);
    *out = sla->due;
    return FD_OK;
}

fd_status fd_sla_remaining(int64_t *out, const fd_sla *sla, int64_t now)
{
    const char *fn = "fd_sla_remaining";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "sla", sla);
    if (rc)
        return rc;
    int64_t t = sla->paused ? sla->paused_at : now;
    if (!is_business_unit(sla->unit)) {
        *out = sla->due - t;
        return FD_OK;
    }
    int32_t i, j;
    rc = fd__cal_index_of_instant(&i, sla->cal, fn, t);
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&j, sla->cal, fn, sla->due);
    if (rc)
        return rc;
    *out = fd__cal_business_at(sla->cal, j, sla->due) - fd__cal_business_at(sla->cal, i, t);
    return FD_OK;
}

fd_status fd_sla_breached(int *out, const fd_sla *sla, int64_t now)
{
    fd_status rc = fd__check_ptr("fd_sla_breached", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_sla_breached", "sla", sla);
    if (rc)
        return rc;
    *out = (sla->paused ? sla->paused_at : now) > sla->due;
    return FD_OK;
}

fd_status fd_sla_extension(int64_t *out, const fd_sla *sla)
{
    fd_status rc = fd__check_ptr("fd_sla_extension", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_sla_extension", "sla", sla);
    if (rc)
        return rc;
    *out = sla->ext;
    return FD_OK;
}
