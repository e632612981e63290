/*
 * Deadlines and SLA clocks (R-CPL-2, R-CALL-9, R-PLN-1, R-PLN-2, R-FEE-6).
 *
 * Every unit is counted on the calendar's tables: business time through the
 * prefix sums of business seconds (a galloping search from the start day, so
 * short spans touch a handful of entries), working days through the working
 * day index (O(1)). A deadline is the last on-time second.
 */
#include "calendar/cal_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HOURS 1000000
#define MAX_DAYS 36600

const char *fd_calendar_unit_name(int unit)
{
    return fd__unit_name(unit);
}

fd_status fd_calendar_unit_from_name(int *out, const char *name)
{
    fd_status rc = fd__check_ptr("fd_calendar_unit_from_name", "out", out);
    if (rc == FD_OK)
        rc = fd__check_text("fd_calendar_unit_from_name", "name", name, 64, true);
    if (rc)
        return rc;
    int u = fd__unit_from_name(name);
    if (u) {
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
    if (unit < 1 || unit >= FD__UNIT_COUNT)
        return fd__error(FD_EINVAL, "%s: unit: %d is not an FD_CALENDAR_UNIT_* value", fn, unit);
    if (unit == FD_CALENDAR_UNIT_SAME_DAY && amount != 0)
        return fd__error(FD_ERANGE, "%s: amount: same_day takes amount 0, not %lld", fn, (long long)amount);
    int64_t max = unit == FD_CALENDAR_UNIT_CLOCK_HOURS || unit == FD_CALENDAR_UNIT_BUSINESS_HOURS ? MAX_HOURS
                  : is_clock_unit(unit) || is_business_unit(unit)                            ? MAX_HOURS * 60LL
                                                                                                 : MAX_DAYS;
    if (amount < 0 || amount > max)
        return fd__error(FD_ERANGE, "%s: amount: %lld %s is outside 0..%lld", fn, (long long)amount,
                         fd__unit_name(unit), (long long)max);
    if (unit == FD_CALENDAR_UNIT_CLOCK_HOURS || unit == FD_CALENDAR_UNIT_BUSINESS_HOURS)
        *out = amount * 3600;
    else if (is_clock_unit(unit) || is_business_unit(unit))
        *out = amount * 60;
    else
        *out = amount;
    return FD_OK;
}

static fd_status covered(const fd_calendar *cal, const char *fn, int32_t i, int mode)
{
    int64_t d = cal->t0 + i;
    return fd__cal_allowed(cal, mode, d) ? FD_OK : fd__cal_uncovered(cal, fn, d);
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

/*
 * The deadline for @amount in the unit's base (see base_amount) and @ext more
 * of it earned by a clock's pauses. Units that add up take @amount + @ext.
 * Calendar days with @roll add @ext to the deadline as it stands after rolling
 * past rest days, then roll again: a day waited while the deadline sat rolled
 * to the end of a holiday is not lost in the holiday (R-CPL-2).
 */
static fd_status deadline_core(int64_t *out, const fd_calendar *cal, const char *fn, int64_t start, int unit,
                               int64_t amount, int64_t ext, int mode, int roll)
{
    if (unit != FD_CALENDAR_UNIT_CALENDAR_DAYS || !roll) {
        amount += ext;
        ext = 0;
    }
    fd_status rc = fd__check_instant(fn, "start", start);
    if (rc)
        return rc;
    if (is_clock_unit(unit)) {
        if (start + amount > FD_INSTANT_MAX) {
            char w[48];
            fd__cal_when(cal, start, w);
            return fd__error(FD_ERANGE, "%s: amount: %s plus the amount passes 9999-12-31", fn, w);
        }
        *out = start + amount;
        return FD_OK;
    }
    int32_t i, j;
    rc = fd__cal_index_of_instant(&i, cal, fn, start);
    if (rc)
        return rc;
    if (is_business_unit(unit)) {
        if ((rc = covered(cal, fn, i, mode)) != FD_OK)
            return rc;
        if (amount == 0) {
            *out = start;
            return FD_OK;
        }
        int64_t target = fd__cal_business_at(cal, i, start) + amount;
        j = find_business_day(cal, i, target);
        if (j < 0)
            return fd__cal_allowed(cal, mode, cal->cov_hi + 1)
                       ? fd__error(FD_ERANGE, "%s: amount: the deadline falls beyond the days this calendar computes",
                                   fn)
                       : fd__cal_uncovered(cal, fn, cal->cov_hi + 1);
        if ((rc = covered(cal, fn, j, mode)) != FD_OK)
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
        for (int pass = 0; roll && pass < (ext > 0 ? 2 : 1); pass++) {
            if (pass == 1) {
                if (j + ext >= cal->n)
                    return fd__error(FD_ERANGE, "%s: amount: %lld days waited leave the days this calendar computes",
                                     fn, (long long)ext);
                j = (int32_t)(j + ext);
            }
            if ((rc = covered(cal, fn, j, mode)) != FD_OK)
                return rc;
            if (!fd__cal_is_work_type(cal->type[j]) && (rc = fd__cal_add_wd(&j, cal, fn, j, 1, mode)) != FD_OK)
                return rc;
        }
        *out = cal->midnight[j + 1] - 1;
        return FD_OK;
    }
    if ((rc = covered(cal, fn, i, mode)) != FD_OK)
        return rc;
    if (unit == FD_CALENDAR_UNIT_WORKING_DAYS && amount > 0) {
        rc = fd__cal_add_wd(&j, cal, fn, i, amount, mode);
    } else {
        /* same_day (and 0 working days): today if received before closing on a working day. */
        j = i;
        if (!fd__cal_is_work_type(cal->type[i]) || start >= end_of_business(cal, i))
            rc = fd__cal_add_wd(&j, cal, fn, i, 1, mode);
        if (rc == FD_OK && amount > 0)
            rc = fd__cal_add_wd(&j, cal, fn, j, amount, mode);
    }
    if (rc)
        return rc;
    *out = end_of_business(cal, j);
    return FD_OK;
}

/*
 * The data version a deadline @due for something received at @start depends
 * on (every day from the receipt day to @last, at least the due day): clock
 * units and calendar days without rolling depend on no holiday data.
 */
static fd_status due_version(fd_buf *out, int *provisional, const fd_calendar *cal, int unit, int roll, int64_t start,
                             int64_t last)
{
    int32_t i, j;
    if (is_clock_unit(unit) || (unit == FD_CALENDAR_UNIT_CALENDAR_DAYS && !roll) ||
        fd__cal_index_of_instant(&i, cal, "fd_calendar_deadline_info", start) != FD_OK ||
        fd__cal_index_of_instant(&j, cal, "fd_calendar_deadline_info", last) != FD_OK) {
        *provisional = 0;
        fd__buf_clear(out);
        return fd__buf_puts(out, cal->version);
    }
    return fd__cal_answer_version(out, provisional, cal, cal->t0 + i, cal->t0 + j);
}

/* The checks and the deadline of fd_calendar_deadline and fd_calendar_deadline_info. */
static fd_status deadline_of(int64_t *out, int *roll, const char *fn, const fd_calendar *cal, int64_t start,
                             int64_t amount, int unit, const fd_policy *policy)
{
    fd_status rc = fd__check_ptr(fn, "cal", cal);
    int64_t base = 0;
    if (rc == FD_OK)
        rc = base_amount(&base, fn, amount, unit);
    if (rc)
        return rc;
    *roll = policy ? (int)fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS) : cal->roll;
    return deadline_core(out, cal, fn, start, unit, base, 0, fd__cal_mode(cal, policy), *roll);
}

/* R-CPL-2, R-CALL-9, R-PLN-1: deadlines in the standards' units. */
fd_status fd_calendar_deadline(int64_t *out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                               const fd_policy *policy)
{
    const char *fn = "fd_calendar_deadline";
    int roll;
    fd_status rc = fd__check_ptr(fn, "out", out);
    return rc ? rc : deadline_of(out, &roll, fn, cal, start, amount, unit, policy);
}

fd_status fd_calendar_deadline_info(int64_t *due, int *provisional, fd_buf *out, const fd_calendar *cal,
                                    int64_t start, int64_t amount, int unit, const fd_policy *policy)
{
    const char *fn = "fd_calendar_deadline_info";
    fd_status rc = fd__check_ptr(fn, "due", due);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "provisional", provisional);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out);
    int64_t d = 0;
    int roll = 0, p = 0;
    rc = deadline_of(&d, &roll, fn, cal, start, amount, unit, policy);
    if (rc == FD_OK)
        rc = due_version(out, &p, cal, unit, roll, start, d);
    if (rc) {
        fd__buf_clear(out);
        return rc;
    }
    *due = d;
    *provisional = p;
    return FD_OK;
}

/* --- SLA clocks ------------------------------------------------------- */

struct fd_sla {
    const fd_calendar *cal; /* a reference, dropped by fd_sla_free */
    int64_t start;
    int unit;
    int64_t given;  /* the amount as given */
    int64_t amount; /* in the unit's base */
    int64_t ext;    /* extension from pauses, same base */
    int mode, roll; /* the policy values it counts with */
    int paused;
    int64_t paused_at;
    int64_t last_resume;
    int64_t due;
    int64_t *pauses; /* 2 * npause instants: from, to (FD_SLA_OPEN while paused) */
    size_t npause, cap;
};

/* A clock without pauses, its first deadline computed; takes a reference to @cal. */
static fd_status sla_start(fd_sla **out, const char *fn, const fd_calendar *cal, int64_t start, int64_t amount,
                           int unit, int mode, int roll)
{
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
    s.given = amount;
    s.amount = base;
    s.mode = mode;
    s.roll = roll;
    rc = deadline_core(&s.due, cal, fn, start, unit, base, 0, s.mode, s.roll);
    if (rc)
        return rc;
    fd_sla *p = malloc(sizeof *p);
    if (p == NULL)
        return fd__oom(fn);
    *p = s;
    fd__cal_retain(cal);
    *out = p;
    return FD_OK;
}

fd_status fd_sla_new(fd_sla **out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                     const fd_policy *policy)
{
    const char *fn = "fd_sla_new";
    if (cal == NULL)
        return fd__check_ptr(fn, "cal", cal);
    return sla_start(out, fn, cal, start, amount, unit, fd__cal_mode(cal, policy),
                     policy ? (int)fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS) : cal->roll);
}

void fd_sla_free(fd_sla *sla)
{
    if (sla == NULL)
        return;
    fd_calendar_free((fd_calendar *)sla->cal);
    free(sla->pauses);
    free(sla);
}

/* Pauses @sla at @at; @field names @at in messages ("at", "pauses[2]"). */
static fd_status do_pause(fd_sla *sla, const char *fn, const char *field, int64_t at)
{
    char w[48], x[48];
    fd_status rc = fd__check_instant(fn, field, at);
    if (rc)
        return rc;
    if (sla->paused) {
        fd__cal_when(sla->cal, sla->paused_at, w);
        return fd__error(FD_ESTATE, "%s: sla: the clock is already paused (since %s)", fn, w);
    }
    if (at < sla->last_resume) {
        fd__cal_when(sla->cal, at, w);
        fd__cal_when(sla->cal, sla->last_resume, x);
        return fd__error(FD_ERANGE, "%s: %s: %s is before the clock last ran from %s", fn, field, w, x);
    }
    if (sla->npause * 2 + 2 > sla->cap) {
        size_t cap = sla->cap ? sla->cap * 2 : 8;
        int64_t *p = realloc(sla->pauses, cap * sizeof *p);
        if (p == NULL)
            return fd__oom(fn);
        sla->pauses = p;
        sla->cap = cap;
    }
    sla->pauses[sla->npause * 2] = at;
    sla->pauses[sla->npause * 2 + 1] = FD_SLA_OPEN;
    sla->npause++;
    sla->paused = 1;
    sla->paused_at = at;
    return FD_OK;
}

fd_status fd_sla_pause(fd_sla *sla, int64_t at)
{
    fd_status rc = fd__check_ptr("fd_sla_pause", "sla", sla);
    return rc ? rc : do_pause(sla, "fd_sla_pause", "at", at);
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
    if ((rc = covered(cal, fn, i, sla->mode)) != FD_OK || (rc = covered(cal, fn, j, sla->mode)) != FD_OK)
        return rc;
    if (is_business_unit(sla->unit))
        *out = fd__cal_business_at(cal, j, b) - fd__cal_business_at(cal, i, a);
    else
        *out = (int64_t)cal->wd_prefix[j + 1] - cal->wd_prefix[i + 1];
    return FD_OK;
}

static fd_status do_resume(fd_sla *sla, const char *fn, const char *field, int64_t at)
{
    char w[48], x[48];
    fd_status rc = fd__check_instant(fn, field, at);
    if (rc)
        return rc;
    if (!sla->paused)
        return fd__error(FD_ESTATE, "%s: sla: the clock is running, not paused", fn);
    if (at < sla->paused_at) {
        fd__cal_when(sla->cal, at, w);
        fd__cal_when(sla->cal, sla->paused_at, x);
        return fd__error(FD_ERANGE, "%s: %s: %s is before the pause at %s", fn, field, w, x);
    }
    int64_t add = 0, due = 0;
    rc = pause_extension(&add, sla, fn, sla->paused_at, at);
    if (rc == FD_OK)
        rc = deadline_core(&due, sla->cal, fn, sla->start, sla->unit, sla->amount, sla->ext + add, sla->mode,
                           sla->roll);
    if (rc)
        return rc;
    sla->ext += add;
    sla->due = due;
    sla->paused = 0;
    sla->last_resume = at;
    sla->pauses[sla->npause * 2 - 1] = at;
    return FD_OK;
}

fd_status fd_sla_resume(fd_sla *sla, int64_t at)
{
    fd_status rc = fd__check_ptr("fd_sla_resume", "sla", sla);
    return rc ? rc : do_resume(sla, "fd_sla_resume", "at", at);
}

/* Replays @pauses (instant pairs) on a fresh clock; the fields named pauses[i]. */
static fd_status replay(fd_sla *sla, const char *fn, const int64_t *pauses, size_t len)
{
    char field[32];
    fd_status rc = FD_OK;
    for (size_t k = 0; k < len && rc == FD_OK; k++) {
        snprintf(field, sizeof field, "pauses[%zu]", k);
        if (k % 2 == 0)
            rc = do_pause(sla, fn, field, pauses[k]);
        else if (pauses[k] != FD_SLA_OPEN)
            rc = do_resume(sla, fn, field, pauses[k]);
        else if (k + 1 < len)
            rc = fd__error(FD_ERANGE, "%s: %s: only the last pause may be open (FD_SLA_OPEN)", fn, field);
    }
    return rc;
}

fd_status fd_sla_restore(fd_sla **out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                         const fd_policy *policy, const int64_t *pauses, size_t pauses_len)
{
    const char *fn = "fd_sla_restore";
    fd_status rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK && pauses_len > 0)
        rc = fd__check_ptr(fn, "pauses", pauses);
    if (rc == FD_OK && pauses_len % 2)
        rc = fd__error(FD_EINVAL, "%s: pauses_len: %zu instants are not pairs (from, to)", fn, pauses_len);
    fd_sla *s = NULL;
    if (rc == FD_OK)
        rc = sla_start(&s, fn, cal, start, amount, unit, fd__cal_mode(cal, policy),
                       policy ? (int)fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS) : cal->roll);
    if (rc == FD_OK)
        rc = replay(s, fn, pauses, pauses_len);
    if (rc) {
        fd_sla_free(s);
        return rc;
    }
    *out = s;
    return FD_OK;
}

static fd_status check_sla(const char *fn, const void *out, const fd_sla *sla)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    return rc ? rc : fd__check_ptr(fn, "sla", sla);
}

fd_status fd_sla_terms(int64_t *start, int64_t *amount, int *unit, const fd_sla *sla)
{
    const char *fn = "fd_sla_terms";
    fd_status rc = fd__check_ptr(fn, "start", start);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "amount", amount);
    if (rc == FD_OK)
        rc = check_sla(fn, unit, sla);
    if (rc)
        return rc;
    *start = sla->start;
    *amount = sla->given;
    *unit = sla->unit;
    return FD_OK;
}

fd_status fd_sla_pause_count(size_t *out, const fd_sla *sla)
{
    fd_status rc = check_sla("fd_sla_pause_count", out, sla);
    if (rc == FD_OK)
        *out = sla->npause;
    return rc;
}

fd_status fd_sla_pause_get(int64_t *from, int64_t *to, const fd_sla *sla, size_t index)
{
    const char *fn = "fd_sla_pause_get";
    fd_status rc = fd__check_ptr(fn, "from", from);
    if (rc == FD_OK)
        rc = check_sla(fn, to, sla);
    if (rc == FD_OK && index >= sla->npause)
        rc = fd__error(FD_ERANGE, "%s: index: %zu, the clock has %zu pauses", fn, index, sla->npause);
    if (rc)
        return rc;
    *from = sla->pauses[index * 2];
    *to = sla->pauses[index * 2 + 1];
    return FD_OK;
}

fd_status fd_sla_version(fd_buf *out, int *provisional, const fd_sla *sla)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    const char *fn = "fd_sla_version";
    fd_status rc = fd__check_ptr(fn, "provisional", provisional);
    if (rc == FD_OK)
        rc = check_sla(fn, out, sla);
    if (rc)
        return rc;
    int p = 0;
    rc = due_version(out, &p, sla->cal, sla->unit, sla->roll, sla->start,
                     sla->due > sla->last_resume ? sla->due : sla->last_resume);
    if (rc) {
        fd__buf_clear(out);
        return rc;
    }
    *provisional = p;
    return FD_OK;
}

#define STATE_MAGIC "fd-sla 1"

fd_status fd_sla_save(fd_buf *out, const fd_sla *sla)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    const char *fn = "fd_sla_save";
    fd_status rc = check_sla(fn, out, sla);
    if (rc)
        return rc;
    fd_buf version = FD_BUF_INIT;
    int provisional = 0;
    fd__buf_clear(out);
    rc = fd__buf_printf(out, STATE_MAGIC " start=%lld amount=%lld unit=%s roll=%d beyond=%d pauses=",
                        (long long)sla->start, (long long)sla->given, fd__unit_name(sla->unit), sla->roll, sla->mode);
    for (size_t k = 0; rc == FD_OK && k < sla->npause; k++) {
        int64_t to = sla->pauses[k * 2 + 1];
        rc = to == FD_SLA_OPEN ? fd__buf_printf(out, "%s%lld..open", k ? "," : "", (long long)sla->pauses[k * 2])
                               : fd__buf_printf(out, "%s%lld..%lld", k ? "," : "", (long long)sla->pauses[k * 2],
                                                (long long)to);
    }
    if (rc == FD_OK)
        rc = fd_sla_version(&version, &provisional, sla);
    if (rc == FD_OK)
        rc = fd__buf_printf(out, " version=%s", version.ptr);
    fd_buf_dispose(&version);
    if (rc)
        fd__buf_clear(out);
    return rc;
}

/* Reads the integer @s up to @end (exclusive); 0 when it is not one. */
static int read_int(int64_t *out, const char *s, const char *end)
{
    if (s == end || end - s > 20)
        return 0;
    char tmp[24], *stop;
    memcpy(tmp, s, (size_t)(end - s));
    tmp[end - s] = '\0';
    errno = 0;
    long long v = strtoll(tmp, &stop, 10);
    if (*stop || errno || (tmp[0] != '-' && (tmp[0] < '0' || tmp[0] > '9')))
        return 0;
    *out = v;
    return 1;
}

/* The pauses of "a..b,c..open" into @p (2 per pause); the count of instants, or -1. */
static long read_pauses(int64_t **p, const char *s, const char *end)
{
    size_t n = 0, cap = 0;
    *p = NULL;
    while (s < end) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *stop = comma ? comma : end;
        const char *dots = NULL;
        for (const char *q = s + 1; q + 1 < stop && !dots; q++)
            if (q[0] == '.' && q[1] == '.')
                dots = q;
        if (n + 2 > cap) {
            cap = cap ? cap * 2 : 8;
            int64_t *np = realloc(*p, cap * sizeof *np);
            if (np == NULL)
                return -2;
            *p = np;
        }
        if (!dots || !read_int(&(*p)[n], s, dots))
            return -1;
        if ((size_t)(stop - dots - 2) == 4 && memcmp(dots + 2, "open", 4) == 0)
            (*p)[n + 1] = FD_SLA_OPEN;
        else if (!read_int(&(*p)[n + 1], dots + 2, stop))
            return -1;
        n += 2;
        s = comma ? comma + 1 : end;
    }
    return (long)n;
}

fd_status fd_sla_load(fd_sla **out, const fd_calendar *cal, const char *state)
{
    const char *fn = "fd_sla_load";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "state", state, 1 << 20, true);
    if (rc)
        return rc;
    if (strncmp(state, STATE_MAGIC " ", sizeof STATE_MAGIC) != 0)
        return fd__error(FD_EINVAL, "%s: state: does not start with '" STATE_MAGIC "' (a text of fd_sla_save)", fn);
    static const char *const keys[] = { "start", "amount", "unit", "roll", "beyond", "pauses", "version" };
    const char *val[7] = { 0 }, *vend[7] = { 0 };
    const char *p = state + sizeof STATE_MAGIC;
    for (int k = 0; k < 7; k++) {
        size_t kl = strlen(keys[k]);
        if (strncmp(p, keys[k], kl) != 0 || p[kl] != '=')
            return fd__error(FD_EINVAL, "%s: state: expected '%s=' at byte %zu", fn, keys[k], (size_t)(p - state));
        val[k] = p + kl + 1;
        vend[k] = strchr(val[k], ' ');
        if (vend[k] == NULL)
            vend[k] = val[k] + strlen(val[k]);
        p = *vend[k] ? vend[k] + 1 : vend[k];
    }
    int64_t start = 0, amount = 0, roll = 0, mode = 0;
    char unit_name[24] = "";
    if ((size_t)(vend[2] - val[2]) < sizeof unit_name)
        memcpy(unit_name, val[2], (size_t)(vend[2] - val[2]));
    int unit = fd__unit_from_name(unit_name);
    if (!read_int(&start, val[0], vend[0]) || !read_int(&amount, val[1], vend[1]))
        return fd__error(FD_EINVAL, "%s: state: start and amount are whole numbers", fn);
    if (!unit)
        return fd__error(FD_EINVAL, "%s: state: unit '%s' is not a deadline unit", fn, unit_name);
    if (!read_int(&roll, val[3], vend[3]) || roll < 0 || roll > 1 || !read_int(&mode, val[4], vend[4]) || mode < 0 ||
        mode > 2)
        return fd__error(FD_EINVAL, "%s: state: roll is 0 or 1 and beyond 0, 1 or 2", fn);
    int64_t *pauses = NULL;
    long n = read_pauses(&pauses, val[5], vend[5]);
    if (n == -2)
        rc = fd__oom(fn);
    else if (n < 0)
        rc = fd__error(FD_EINVAL, "%s: state: pauses are FROM..TO (or FROM..open), separated by commas", fn);
    fd_sla *s = NULL;
    if (rc == FD_OK)
        rc = sla_start(&s, fn, cal, start, amount, unit, (int)mode, (int)roll);
    if (rc == FD_OK)
        rc = replay(s, fn, pauses, (size_t)n);
    free(pauses);
    if (rc) {
        fd_sla_free(s);
        return rc;
    }
    *out = s;
    return FD_OK;
}

fd_status fd_sla_is_paused(int *out, const fd_sla *sla)
{
    fd_status rc = check_sla("fd_sla_is_paused", out, sla);
    if (rc == FD_OK)
        *out = sla->paused;
    return rc;
}

fd_status fd_sla_due(int64_t *out, const fd_sla *sla)
{
    fd_status rc = check_sla("fd_sla_due", out, sla);
    if (rc)
        return rc;
    if (sla->paused) {
        char w[48];
        fd__cal_when(sla->cal, sla->paused_at, w);
        return fd__error(FD_ESTATE, "fd_sla_due: sla: the clock is paused since %s; the deadline is known on resume",
                         w);
    }
    *out = sla->due;
    return FD_OK;
}

fd_status fd_sla_remaining(int64_t *out, const fd_sla *sla, int64_t now)
{
    const char *fn = "fd_sla_remaining";
    fd_status rc = check_sla(fn, out, sla);
    if (rc)
        return rc;
    int64_t t = sla->paused ? sla->paused_at : now;
    if ((rc = fd__check_instant(fn, "now", now)) != FD_OK)
        return rc;
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
    fd_status rc = check_sla("fd_sla_breached", out, sla);
    if (rc == FD_OK)
        rc = fd__check_instant("fd_sla_breached", "now", now);
    if (rc)
        return rc;
    *out = (sla->paused ? sla->paused_at : now) > sla->due;
    return FD_OK;
}

fd_status fd_sla_extension(int64_t *out, const fd_sla *sla)
{
    fd_status rc = check_sla("fd_sla_extension", out, sla);
    if (rc == FD_OK)
        *out = sla->ext;
    return rc;
}
