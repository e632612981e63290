/*
 * The working calendar: holiday data turned into per-day tables at load time,
 * so that the questions asked in hot loops (is this a working day, which day
 * is n working days on, how much business time lies before this instant) are
 * table look-ups instead of day-by-day walks:
 *   type[i]       the day's type and flags,
 *   wd_prefix[i]  working days before day i, wd_pos[k] the k-th working day,
 *   midnight[i]   the UTC instant of local 00:00 (from ICU, DST-aware),
 *   bprefix[i]    business seconds before day i.
 * The tables span the data's years plus years around them, five before and
 * ten after; past the data they hold a provisional year (the statutory
 * holidays by law) or weekends only, as calendar.beyond_data says.
 */
#include "calendar/cal_internal.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#define DEFAULT_ZONE "Asia/Shanghai"
#define DEFAULT_BUSINESS "08:30-12:00,13:30-17:30"
#define DEFAULT_QUIET "00:00-08:00,12:00-14:00,20:00-24:00"
#define MAX_FILE_BYTES (16u << 20)

/* --- small helpers --------------------------------------------------- */

/* Monday = 0 ... Sunday = 6; 1970-01-01 was a Thursday. */
static int weekday(int64_t day)
{
    int64_t w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static void day_text(int64_t day, char out[16])
{
    fd_date d = fd__civil_from_days(day);
    snprintf(out, 16, "%04d-%02d-%02d", (int)d.year % 10000, (int)d.month, (int)d.day);
}

fd_status fd__cal_uncovered(const fd_calendar *cal, const char *fn, int64_t day)
{
    char d[16], lo[16], hi[16];
    day_text(day, d);
    day_text(cal->cov_lo, lo);
    day_text(cal->cov_hi, hi);
    int year = (int)fd__civil_from_days(day).year;
    if (day < cal->cov_lo)
        return fd__error(FD_EDATA,
                         "%s: date: %s is before the holiday data %s (covers %s..%s): no data for the year %d; "
                         "load a data file for %d",
                         fn, d, cal->version, lo, hi, year, year);
    return fd__error(FD_EDATA,
                     "%s: date: %s is past the holiday data %s (covers %s..%s) and calendar.beyond_data refuses "
                     "such days: the official %d schedule is not loaded; load it (docs/modules/calendar.md) or set "
                     "calendar.beyond_data to 0 for a provisional %d (the statutory holidays by law)",
                     fn, d, cal->version, lo, hi, year, year);
}

static fd_status out_of_table(const fd_calendar *cal, const char *fn, int64_t day)
{
    char d[16], lo[16], hi[16];
    day_text(day, d);
    day_text(cal->t0, lo);
    day_text(cal->t0 + cal->n - 1, hi);
    return fd__error(FD_ERANGE, "%s: date: %s is beyond the days this calendar computes (%s..%s)", fn, d, lo, hi);
}

int fd__cal_policy_mode(const fd_policy *policy)
{
    if (fd__policy_value(policy, FD__POL_CAL_FALLBACK_WEEKENDS))
        return FD_CALENDAR_BEYOND_WEEKENDS; /* the deprecated key, set by a site before calendar.beyond_data */
    return (int)fd__policy_value(policy, FD__POL_CAL_BEYOND_DATA);
}

int fd__cal_mode(const fd_calendar *cal, const fd_policy *policy)
{
    return policy ? fd__cal_policy_mode(policy) : cal->mode;
}

fd_status fd__cal_index(int32_t *out, const fd_calendar *cal, const char *fn, fd_date date, int mode)
{
    /* Fast path for a valid date inside the table: two reads of the month table. */
    uint32_t y = (uint32_t)(date.year - cal->y0), m = (uint32_t)(date.month - 1);
    if (y < (uint32_t)cal->ny && m < 12u) {
        const int32_t *s = cal->ym + y * 12 + m;
        if (date.day >= 1 && date.day <= s[1] - s[0]) {
            int32_t i = s[0] + date.day - 1;
            if (fd__cal_allowed(cal, mode, cal->t0 + i)) {
                *out = i;
                return FD_OK;
            }
        }
    }
    fd_status rc = fd__check_date(fn, "date", date);
    if (rc)
        return rc;
    int64_t d = fd__days_from_civil(date.year, date.month, date.day);
    if (d >= cal->t0 && d < cal->t0 + cal->n && !fd__cal_allowed(cal, mode, d))
        return fd__cal_uncovered(cal, fn, d);
    if (d < cal->t0 || d >= cal->t0 + cal->n)
        return d < cal->cov_lo && cal->mode != FD_CALENDAR_BEYOND_WEEKENDS ? fd__cal_uncovered(cal, fn, d)
                                                                         : out_of_table(cal, fn, d);
    *out = (int32_t)(d - cal->t0);
    return FD_OK;
}

/* Table index of the day holding @at, or -1 outside the table. */
static int32_t find_day(const fd_calendar *cal, int64_t at)
{
    const int64_t *m = cal->midnight;
    if (at < m[0] || at >= m[cal->n])
        return -1;
    int64_t est = (at - m[0]) / 86400;
    if (est >= cal->n)
        est = cal->n - 1;
    while (est > 0 && at < m[est])
        est--;
    while (est < cal->n - 1 && at >= m[est + 1])
        est++;
    return (int32_t)est;
}

void fd__cal_when(const fd_calendar *cal, int64_t at, char out[48])
{
    int32_t i = cal->midnight ? find_day(cal, at) : -1;
    fd_local_time t;
    if (i >= 0) {
        int32_t local = fd__cal_local(cal, i, at);
        t.date = fd__civil_from_days(cal->t0 + i);
        t.hour = local / 3600;
        t.minute = local / 60 % 60;
        t.second = local % 60;
        t.utc_offset_s = (int32_t)((cal->t0 + i) * 86400 + local - at);
    } else {
        /* Outside the table (an error path): ask ICU, or show the number when even that fails. */
        fd__saved_error saved;
        fd__error_save(&saved);
        fd__zone *zone = fd__zone_open("fd__cal_when", "time_zone", cal->tz);
        fd_status rc = zone ? fd__zone_local(zone, "fd__cal_when", at, &t) : FD_EINVAL;
        fd__zone_close(zone);
        fd__error_restore(&saved);
        if (rc) {
            snprintf(out, 48, "%lld (UTC seconds)", (long long)at);
            return;
        }
    }
    int off = t.utc_offset_s < 0 ? -t.utc_offset_s : t.utc_offset_s;
    char sec[8] = "";
    if (t.second)
        snprintf(sec, sizeof sec, ":%02d", (int)t.second);
    snprintf(out, 48, "%04d-%02d-%02d %02d:%02d%s %c%02d:%02d", (int)t.date.year % 10000, (int)t.date.month,
             (int)t.date.day, (int)t.hour, (int)t.minute, sec, t.utc_offset_s < 0 ? '-' : '+', off / 3600,
             off / 60 % 60);
}

fd_status fd__cal_answer_version(fd_buf *out, int *provisional, const fd_calendar *cal, int64_t lo, int64_t hi)
{
    int64_t a = INT64_MAX, b = INT64_MIN; /* the days of lo..hi outside the data */
    if (lo < cal->cov_lo) {
        a = lo;
        b = hi < cal->cov_lo - 1 ? hi : cal->cov_lo - 1;
    }
    if (hi > cal->cov_hi) {
        if (a == INT64_MAX)
            a = lo > cal->cov_hi + 1 ? lo : cal->cov_hi + 1;
        b = hi;
    }
    fd__buf_clear(out);
    *provisional = a <= b;
    if (a > b)
        return fd__buf_puts(out, cal->version);
    int ya = (int)fd__civil_from_days(a).year, yb = (int)fd__civil_from_days(b).year;
    const char *what = cal->mode == FD_CALENDAR_BEYOND_WEEKENDS ? "weekends" : "provisional";
    return ya == yb ? fd__buf_printf(out, "%s+%s-%d", cal->version, what, ya)
                    : fd__buf_printf(out, "%s+%s-%d-%d", cal->version, what, ya, yb);
}

fd_status fd__cal_index_of_instant(int32_t *out, const fd_calendar *cal, const char *fn, int64_t at)
{
    int32_t i = find_day(cal, at);
    if (i < 0) {
        char w[48], lo[48], hi[48];
        fd__cal_when(cal, at, w);
        fd__cal_when(cal, cal->midnight[0], lo);
        fd__cal_when(cal, cal->midnight[cal->n] - 1, hi);
        return fd__error(FD_ERANGE, "%s: at: %s is outside the years this calendar computes (%s..%s)", fn, w, lo, hi);
    }
    *out = i;
    return FD_OK;
}

int64_t fd__cal_utc(const fd_calendar *cal, int32_t i, int32_t local)
{
    int64_t e = local;
    if (local >= cal->dst_at[i]) {
        e = local + cal->dst_delta[i];
        if (e < cal->dst_at[i]) /* a local time skipped by a spring-forward transition */
            e = cal->dst_at[i];
    }
    int64_t u = cal->midnight[i] + e;
    return u > cal->midnight[i + 1] ? cal->midnight[i + 1] : u;
}

int32_t fd__cal_local(const fd_calendar *cal, int32_t i, int64_t at)
{
    int64_t e = at - cal->midnight[i];
    if (e >= cal->dst_at[i])
        e -= cal->dst_delta[i];
    return (int32_t)e;
}

int64_t fd__cal_business_at(const fd_calendar *cal, int32_t i, int64_t at)
{
    int64_t b = cal->bprefix[i];
    if (!fd__cal_is_work_type(cal->type[i]))
        return b;
    for (int k = 0; k < cal->nbiz; k++) {
        int64_t ua = fd__cal_utc(cal, i, cal->biz[k].a), ub = fd__cal_utc(cal, i, cal->biz[k].b);
        if (at >= ub)
            b += ub - ua;
        else if (at > ua)
            b += at - ua;
    }
    return b;
}

fd_status fd__cal_add_wd(int32_t *out, const fd_calendar *cal, const char *fn, int32_t i, int64_t n, int mode)
{
    if (n == 0) {
        *out = i;
        return FD_OK;
    }
    int64_t k = n > 0 ? (int64_t)cal->wd_prefix[i + 1] + n : (int64_t)cal->wd_prefix[i] + n + 1;
    if (k < 1 || k > cal->wd_count) {
        int64_t edge = n > 0 ? cal->cov_hi + 1 : cal->cov_lo - 1;
        if (!fd__cal_allowed(cal, mode, edge))
            return fd__cal_uncovered(cal, fn, edge);
        return fd__error(FD_ERANGE, "%s: n: %lld working days from there leave the days this calendar computes", fn,
                         (long long)n);
    }
    int32_t j = cal->wd_pos[k - 1];
    if (!fd__cal_allowed(cal, mode, cal->t0 + j))
        return fd__cal_uncovered(cal, fn, cal->t0 + j);
    *out = j;
    return FD_OK;
}

/* --- building the tables --------------------------------------------- */

/* Frees the data part of @c (everything before `lunar`). */
static void free_tables(fd_calendar *c)
{
    free(c->type);
    free(c->name);
    free(c->wd_prefix);
    free(c->wd_pos);
    free(c->ym);
    free(c->entries);
    free(c->midnight);
    free(c->dst_at);
    free(c->dst_delta);
    free(c->bprefix);
    free(c->national);
    free(c->layers);
}

/* The type a national day line gives its day. */
static uint8_t national_type(const fd__cal_entry *e)
{
    int weekend = weekday(e->day) >= 5;
    uint8_t t = FD_CALENDAR_DAY_HOLIDAY;
    if (e->kind == FD__CAL_KIND_WORKDAY)
        t = weekend ? FD_CALENDAR_DAY_MAKEUP_WORKDAY : FD_CALENDAR_DAY_WORKDAY;
    else if (e->kind == FD__CAL_KIND_CLOSED)
        t = FD_CALENDAR_DAY_CLOSED;
    return (uint8_t)(t | e->flags);
}

/*
 * The type a site's layer line gives a day of type @cur: a holiday line makes
 * it a holiday, a workday line a working day; a closure closes a working day
 * and leaves a rest day as it is (a national holiday keeps its name and flags).
 * Returns 0 with *@named 0 when the line changes nothing.
 */
static uint8_t layer_type(uint8_t cur, const fd__cal_entry *e, int *named)
{
    *named = 1;
    if (e->kind == FD__CAL_KIND_CLOSED) {
        if (fd__cal_is_work_type(cur))
            return FD_CALENDAR_DAY_CLOSED;
        *named = 0;
        return cur;
    }
    return national_type(e);
}

/*
 * Day types: the week, then the national day lines, then (unless the calendar
 * answers weekends only past the data) the provisional years' statutory
 * holidays after the data, then the layers in order. @lunar is ICU's Chinese
 * calendar for the provisional years.
 */
static fd_status build_days(fd_calendar *c, const char *fn, void *lunar)
{
    int32_t n = c->n;
    int provisional = c->mode != FD_CALENDAR_BEYOND_WEEKENDS;
    int32_t first = fd__civil_from_days(c->cov_hi).year, last = c->y0 + c->ny - 1;
    size_t cap = c->national_count + c->layer_count + 1;
    if (provisional)
        cap += (size_t)(last - first + 1) * FD__CAL_STATUTORY_MAX;
    c->type = malloc((size_t)n);
    c->name = calloc((size_t)n, sizeof *c->name);
    c->wd_prefix = malloc(((size_t)n + 1) * sizeof *c->wd_prefix);
    c->wd_pos = malloc((size_t)n * sizeof *c->wd_pos);
    c->entries = malloc(cap * sizeof *c->entries);
    if (!c->type || !c->name || !c->wd_prefix || !c->wd_pos || !c->entries)
        return fd__oom(fn);
    for (int32_t i = 0; i < n; i++)
        c->type[i] = weekday(c->t0 + i) >= 5 ? FD_CALENDAR_DAY_WEEKEND : FD_CALENDAR_DAY_WORKDAY;
    size_t k = 0;
    for (size_t e = 0; e < c->national_count; e++) {
        const fd__cal_entry *x = &c->national[e];
        if (x->day < c->t0 || x->day >= c->t0 + n)
            continue;
        c->entries[k] = *x;
        c->type[x->day - c->t0] = national_type(x);
        c->name[x->day - c->t0] = (uint32_t)++k;
    }
    for (int32_t y = first; provisional && y <= last; y++) {
        fd__cal_entry law[FD__CAL_STATUTORY_MAX];
        int count = fd__cal_statutory_year(law, lunar, y);
        if (count < 0)
            return fd__error(FD_EINVAL, "%s: ICU cannot give the lunar dates of %d", fn, (int)y);
        for (int e = 0; e < count; e++) {
            if (law[e].day <= c->cov_hi || law[e].day >= c->t0 + n)
                continue;
            c->entries[k] = law[e];
            c->type[law[e].day - c->t0] = national_type(&law[e]);
            c->name[law[e].day - c->t0] = (uint32_t)++k;
        }
    }
    for (size_t e = 0; e < c->layer_count; e++) {
        const fd__cal_entry *x = &c->layers[e];
        if (x->day < c->t0 || x->day >= c->t0 + n)
            continue;
        int named;
        int32_t i = (int32_t)(x->day - c->t0);
        c->type[i] = layer_type(c->type[i], x, &named);
        if (named) {
            c->entries[k] = *x;
            c->name[i] = (uint32_t)++k;
        }
    }
    c->entry_count = k;
    int32_t count = 0;
    for (int32_t i = 0; i < n; i++) {
        c->wd_prefix[i] = count;
        if (fd__cal_is_work_type(c->type[i]))
            c->wd_pos[count++] = i;
    }
    c->wd_prefix[n] = count;
    c->wd_count = count;
    return FD_OK;
}

typedef struct time_tables {
    int64_t *midnight;
    int32_t *dst_at, *dst_delta;
    int64_t *bprefix;
} time_tables;

static void free_time(time_tables *t)
{
    free(t->midnight);
    free(t->dst_at);
    free(t->dst_delta);
    free(t->bprefix);
}

/*
 * Local midnights of every table day in @tz. ICU is asked once per month; only
 * a month whose length in seconds is not whole days (a DST change) is asked
 * day by day, and each DST day is asked for its transition instant.
 */
static fd_status build_time(time_tables *t, const fd_calendar *c, const char *fn, const char *tz)
{
    memset(t, 0, sizeof *t);
    fd__zone *zone = fd__zone_open(fn, "time_zone", tz);
    if (zone == NULL)
        return fd_error_last()->code;
    UCalendar *uc = (UCalendar *)zone;
    int32_t n = c->n;
    t->midnight = malloc(((size_t)n + 1) * sizeof *t->midnight);
    t->dst_at = malloc((size_t)n * sizeof *t->dst_at);
    t->dst_delta = malloc((size_t)n * sizeof *t->dst_delta);
    t->bprefix = malloc(((size_t)n + 1) * sizeof *t->bprefix);
    if (!t->midnight || !t->dst_at || !t->dst_delta || !t->bprefix) {
        fd__zone_close(zone);
        free_time(t);
        return fd__oom(fn);
    }
    UErrorCode err = U_ZERO_ERROR;
    int32_t s = 0;
    int64_t ms = fd__zone_midnight(zone, c->t0, &err);
    while (s < n && U_SUCCESS(err)) {
        fd_date d = fd__civil_from_days(c->t0 + s);
        int32_t e = s + fd__days_in_month(d.year, d.month);
        if (e > n)
            e = n;
        int64_t me = fd__zone_midnight(zone, c->t0 + e, &err);
        if (me - ms == (int64_t)(e - s) * 86400) {
            for (int32_t i = s; i < e; i++)
                t->midnight[i] = ms + (int64_t)(i - s) * 86400;
        } else {
            t->midnight[s] = ms;
            for (int32_t i = s + 1; i < e; i++)
                t->midnight[i] = fd__zone_midnight(zone, c->t0 + i, &err);
        }
        t->midnight[e] = me;
        ms = me;
        s = e;
    }
    for (int32_t i = 0; i < n && U_SUCCESS(err); i++) {
        int64_t len = t->midnight[i + 1] - t->midnight[i];
        t->dst_at[i] = INT32_MAX;
        t->dst_delta[i] = 0;
        if (len == 86400)
            continue;
        t->dst_delta[i] = (int32_t)(len - 86400);
        UDate tr = 0;
        ucal_setMillis(uc, (UDate)t->midnight[i] * 1000.0, &err);
        if (ucal_getTimeZoneTransitionDate(uc, UCAL_TZ_TRANSITION_NEXT, &tr, &err) && U_SUCCESS(err) &&
            tr / 1000.0 < (double)t->midnight[i + 1])
            t->dst_at[i] = (int32_t)(tr / 1000.0 - (double)t->midnight[i]);
        else
            t->dst_at[i] = 0;
    }
    fd__zone_close(zone);
    if (U_FAILURE(err)) {
        free_time(t);
        return fd__error(FD_EINVAL, "%s: time_zone: ICU cannot compute days in '%s': %s", fn, tz, u_errorName(err));
    }
    return FD_OK;
}

/* Business seconds per day from @biz (needs midnight/dst in @t and day types in @c). */
static void build_business(time_tables *t, const fd_calendar *c, const fd__cal_ivl *biz, int nbiz)
{
    fd_calendar view = *c; /* fd__cal_utc reads the tables through a calendar */
    view.midnight = t->midnight;
    view.dst_at = t->dst_at;
    view.dst_delta = t->dst_delta;
    int64_t sum = 0;
    for (int32_t i = 0; i < c->n; i++) {
        t->bprefix[i] = sum;
        if (fd__cal_is_work_type(c->type[i]))
            for (int k = 0; k < nbiz; k++)
                sum += fd__cal_utc(&view, i, biz[k].b) - fd__cal_utc(&view, i, biz[k].a);
    }
    t->bprefix[c->n] = sum;
}

static void install_time(fd_calendar *c, time_tables *t)
{
    free(c->midnight);
    free(c->dst_at);
    free(c->dst_delta);
    free(c->bprefix);
    c->midnight = t->midnight;
    c->dst_at = t->dst_at;
    c->dst_delta = t->dst_delta;
    c->bprefix = t->bprefix;
}

/* "HH:MM-HH:MM,..." into intervals; 24:00 only as an end. */
static fd_status parse_hours(fd__cal_ivl *ivl, int *count, const char *fn, const char *spec, int min_count)
{
    fd_status rc = fd__check_text(fn, "hours", spec, 256, false);
    if (rc)
        return rc;
    int n = 0;
    const char *p = spec;
    int32_t prev_end = 0;
    while (*p) {
        int h1, m1, h2, m2, used = 0;
        char item[32];
        size_t len = strcspn(p, ",");
        snprintf(item, sizeof item, "%.*s", (int)(len < 31 ? len : 31), p);
        if (len != 11 || sscanf(item, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &used) != 4 || used != 11 ||
            item[2] != ':' || item[5] != '-' || item[8] != ':')
            return fd__error(FD_EINVAL, "%s: hours: '%s' is not an interval HH:MM-HH:MM", fn, item);
        for (int k = 0; k < 11; k++)
            if (k != 2 && k != 5 && k != 8 && (item[k] < '0' || item[k] > '9'))
                return fd__error(FD_EINVAL, "%s: hours: '%s' is not an interval HH:MM-HH:MM", fn, item);
        int32_t a = h1 * 3600 + m1 * 60, b = h2 * 3600 + m2 * 60;
        if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || b > 86400)
            return fd__error(FD_EINVAL, "%s: hours: '%s' is not a time of day (00:00..24:00)", fn, item);
        if (b <= a)
            return fd__error(FD_EINVAL, "%s: hours: '%s' ends before it starts", fn, item);
        if (n > 0 && a < prev_end)
            return fd__error(FD_EINVAL, "%s: hours: '%s' overlaps or precedes the interval before it", fn, item);
        if (n == FD__CAL_MAX_IVL)
            return fd__error(FD_EINVAL, "%s: hours: more than %d intervals in '%s'", fn, FD__CAL_MAX_IVL, spec);
        ivl[n].a = a;
        ivl[n].b = b;
        prev_end = b;
        n++;
        p += len;
        if (*p == ',') {
            p++;
            if (*p == '\0')
                return fd__error(FD_EINVAL, "%s: hours: '%s' ends with a comma", fn, spec);
        }
    }
    if (n < min_count)
        return fd__error(FD_EINVAL, "%s: hours: '%s' has no interval; business hours need at least one", fn, spec);
    *count = n;
    return FD_OK;
}

static fd_status format_hours(fd_buf *out, const char *fn, const fd__cal_ivl *ivl, int n)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out);
    rc = fd__buf_puts(out, "");
    for (int k = 0; k < n && rc == FD_OK; k++)
        rc = fd__buf_printf(out, "%s%02d:%02d-%02d:%02d", k ? "," : "", (int)(ivl[k].a / 3600),
                            (int)(ivl[k].a / 60 % 60), (int)(ivl[k].b / 3600), (int)(ivl[k].b / 60 % 60));
    return rc;
}

/* Merges national data @add into @c's (the later file wins on a day both give). */
static fd_status merge_national(fd_calendar *c, const fd__cal_file *add, const char *fn, const char *origin)
{
    if (add->lo > c->cov_hi + 1 || add->hi < c->cov_lo - 1) {
        char a[16], b[16], x[16], y[16];
        day_text(add->lo, a);
        day_text(add->hi, b);
        day_text(c->cov_lo, x);
        day_text(c->cov_hi, y);
        return fd__error(FD_EDATA, "%s: %s line 0: covers %s..%s leaves a gap beside the national data %s..%s", fn,
                         origin, a, b, x, y);
    }
    if (add->region[0] && strcmp(add->region, c->region) != 0)
        return fd__error(FD_EDATA, "%s: %s line 0: national data of region %s cannot continue the data of %s", fn,
                         origin, add->region, c->region);
    size_t total = c->national_count + add->count;
    fd__cal_entry *all = malloc((total ? total : 1) * sizeof *all);
    if (all == NULL)
        return fd__oom(fn);
    size_t i = 0, j = 0, k = 0;
    const fd__cal_entry *base = c->national;
    while (i < c->national_count || j < add->count) {
        if (j == add->count || (i < c->national_count && base[i].day < add->entries[j].day)) {
            all[k++] = base[i++];
        } else {
            if (i < c->national_count && base[i].day == add->entries[j].day)
                i++;
            all[k++] = add->entries[j++];
        }
    }
    free(c->national);
    c->national = all;
    c->national_count = k;
    if (add->lo < c->cov_lo)
        c->cov_lo = add->lo;
    if (add->hi > c->cov_hi)
        c->cov_hi = add->hi;
    return FD_OK;
}

/* Appends a site's layer @add to @c's layers. */
static fd_status add_layer(fd_calendar *c, const fd__cal_file *add, const char *fn)
{
    fd__cal_entry *all = realloc(c->layers, (c->layer_count + add->count + 1) * sizeof *all);
    if (all == NULL)
        return fd__oom(fn);
    if (add->count)
        memcpy(all + c->layer_count, add->entries, add->count * sizeof *all);
    c->layers = all;
    c->layer_count += add->count;
    return FD_OK;
}

/* A file's business and quiet hours, FD_EDATA with its line when malformed. */
static fd_status file_hours(fd_calendar *c, const fd__cal_file *f, const char *fn, const char *origin)
{
    fd_status rc = FD_OK;
    if (f->business_hours[0] && parse_hours(c->biz, &c->nbiz, fn, f->business_hours, 1) != FD_OK)
        rc = fd__error_context(FD_EDATA, "%s: %s line %d", fn, origin, (int)f->business_line);
    if (rc == FD_OK && f->has_quiet && parse_hours(c->quiet, &c->nquiet, fn, f->quiet_hours, 0) != FD_OK)
        rc = fd__error_context(FD_EDATA, "%s: %s line %d", fn, origin, (int)f->quiet_line);
    return rc;
}

/* Adds parsed file @f to the sources and settings of @c (national data or a layer). */
static fd_status add_parsed(fd_calendar *c, const fd__cal_file *f, const char *fn, const char *origin)
{
    size_t len = strlen(c->version);
    if (len + 1 + strlen(f->version) >= sizeof c->version)
        return fd__error(FD_ERANGE, "%s: %s: the version '%s+%s' would be longer than %zu bytes", fn, origin,
                         c->version, f->version, sizeof c->version - 1);
    fd_status rc = f->scope == FD__CAL_SCOPE_NATIONAL ? merge_national(c, f, fn, origin) : add_layer(c, f, fn);
    if (rc == FD_OK)
        rc = file_hours(c, f, fn, origin);
    if (rc == FD_OK)
        snprintf(c->version + len, sizeof c->version - len, "+%s", f->version);
    return rc;
}

/* The day and time tables of @c from its sources and settings. */
static fd_status build_tables(fd_calendar *c, const char *fn, void *lunar)
{
    int32_t y0 = fd__civil_from_days(c->cov_lo).year - FD__CAL_YEARS_BEFORE;
    int32_t y1 = fd__civil_from_days(c->cov_hi).year + FD__CAL_YEARS_AFTER;
    c->t0 = fd__days_from_civil(y0, 1, 1);
    c->n = (int32_t)(fd__days_from_civil(y1 + 1, 1, 1) - c->t0);
    c->y0 = y0;
    c->ny = y1 - y0 + 1;
    c->ym = malloc(((size_t)c->ny * 12 + 1) * sizeof *c->ym);
    if (c->ym == NULL)
        return fd__oom(fn);
    for (int32_t k = 0; k <= c->ny * 12; k++)
        c->ym[k] = (int32_t)(fd__days_from_civil(y0 + k / 12, k % 12 + 1, 1) - c->t0);
    fd_status rc = build_days(c, fn, lunar);
    time_tables t;
    if (rc == FD_OK)
        rc = build_time(&t, c, fn, c->tz);
    if (rc == FD_OK) {
        build_business(&t, c, c->biz, c->nbiz);
        install_time(c, &t);
    }
    return rc;
}

/*
 * Rebuilds the data of @cal with file @add added (may be NULL) and days past
 * the data answered as @mode; on error @cal is unchanged. Needs exclusive use.
 */
static fd_status rebuild(fd_calendar *cal, const char *fn, const char *origin, const fd__cal_file *add, int mode)
{
    fd_calendar *c = calloc(1, sizeof *c);
    if (c == NULL)
        return fd__oom(fn);
    memcpy(c->version, cal->version, sizeof c->version);
    memcpy(c->region, cal->region, sizeof c->region);
    memcpy(c->tz, cal->tz, sizeof c->tz);
    c->cov_lo = cal->cov_lo;
    c->cov_hi = cal->cov_hi;
    c->mode = mode;
    c->roll = cal->roll;
    memcpy(c->biz, cal->biz, sizeof c->biz);
    c->nbiz = cal->nbiz;
    memcpy(c->quiet, cal->quiet, sizeof c->quiet);
    c->nquiet = cal->nquiet;
    c->national = malloc((cal->national_count + 1) * sizeof *c->national);
    c->layers = malloc((cal->layer_count + 1) * sizeof *c->layers);
    fd_status rc = c->national && c->layers ? FD_OK : fd__oom(fn);
    if (rc == FD_OK && cal->national_count)
        memcpy(c->national, cal->national, cal->national_count * sizeof *c->national);
    if (rc == FD_OK && cal->layer_count)
        memcpy(c->layers, cal->layers, cal->layer_count * sizeof *c->layers);
    if (rc == FD_OK) {
        c->national_count = cal->national_count;
        c->layer_count = cal->layer_count;
    }
    if (rc == FD_OK && add)
        rc = add_parsed(c, add, fn, origin);
    if (rc == FD_OK)
        rc = build_tables(c, fn, cal->lunar);
    if (rc == FD_OK) { /* swap the data parts; the handle part (lunar, lock, refs) stays */
        fd_calendar old;
        size_t data = offsetof(fd_calendar, lunar);
        memcpy(&old, cal, data);
        memcpy(cal, c, data);
        memcpy(c, &old, data);
    }
    free_tables(c);
    free(c);
    return rc;
}

static fd_status from_text(fd_calendar **out, const char *fn, const char *origin, const char *text, size_t len)
{
    fd__cal_file f;
    fd_status rc = fd__cal_parse(&f, fn, origin, text, len);
    if (rc)
        return rc;
    fd_calendar *c = calloc(1, sizeof *c);
    if (c == NULL) {
        fd__cal_file_dispose(&f);
        return fd__oom(fn);
    }
    snprintf(c->tz, sizeof c->tz, "%s", DEFAULT_ZONE);
    c->mode = fd__cal_policy_mode(NULL);
    c->roll = (int)fd__policy_value(NULL, FD__POL_DEADLINE_ROLL_REST_DAYS);
    rc = parse_hours(c->biz, &c->nbiz, fn, DEFAULT_BUSINESS, 1);
    if (rc == FD_OK)
        rc = parse_hours(c->quiet, &c->nquiet, fn, DEFAULT_QUIET, 0);
    fd__cal_file base;
    const fd__cal_file *national = &f;
    memset(&base, 0, sizeof base);
    if (rc == FD_OK && f.extends) {
        rc = fd__cal_parse(&base, fn, "builtin", fd__calendar_builtin, fd__calendar_builtin_size);
        national = &base;
    }
    if (rc == FD_OK) {
        snprintf(c->version, sizeof c->version, "%s", national->version);
        snprintf(c->region, sizeof c->region, "%s", national->region[0] ? national->region : "-");
        c->cov_lo = national->lo;
        c->cov_hi = national->hi;
        c->national = national->entries;
        c->national_count = national->count;
        if (national == &base)
            base.entries = NULL;
        else
            f.entries = NULL, f.count = 0;
        rc = f.extends ? add_parsed(c, &f, fn, origin) : file_hours(c, &f, fn, origin);
    }
    fd__cal_file_dispose(&base);
    fd__cal_file_dispose(&f);
    if (rc == FD_OK)
        rc = fd__cal_lunar_open(c, fn);
    if (rc == FD_OK)
        rc = build_tables(c, fn, c->lunar);
    if (rc == FD_OK && pthread_mutex_init(&c->lock, NULL) != 0)
        rc = fd__oom(fn);
    if (rc) {
        fd__cal_lunar_close(c);
        free_tables(c);
        free(c);
        return rc;
    }
    atomic_init(&c->refs, 1);
    *out = c;
    return FD_OK;
}

/* Reads the file at @path (files are small; a pipe or /proc file has no size). */
static fd_status read_file(char **data, size_t *size, const char *fn, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return fd__error(FD_EIO, "%s: path: cannot open '%s'", fn, path);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int failed = 0;
    while (!failed && len <= MAX_FILE_BYTES) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 16384;
            char *p = realloc(buf, ncap);
            if (p == NULL) {
                free(buf);
                fclose(fp);
                return fd__oom(fn);
            }
            buf = p;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0) {
            failed = ferror(fp);
            break;
        }
    }
    fclose(fp);
    fd_status rc = FD_OK;
    if (failed)
        rc = fd__error(FD_EIO, "%s: path: cannot read '%s'", fn, path);
    else if (len > MAX_FILE_BYTES)
        rc = fd__error(FD_EDATA, "%s: path: '%s' is larger than %u bytes", fn, path, MAX_FILE_BYTES);
    if (rc) {
        free(buf);
        return rc;
    }
    *data = buf;
    *size = len;
    return FD_OK;
}

/* --- public: creating ------------------------------------------------ */

fd_status fd_calendar_new(fd_calendar **out)
{
    fd_status rc = fd__check_ptr("fd_calendar_new", "out", out);
    if (rc)
        return rc;
    return from_text(out, "fd_calendar_new", "builtin", fd__calendar_builtin, fd__calendar_builtin_size);
}

fd_status fd_calendar_load_data(fd_calendar **out, const char *text)
{
    fd_status rc = fd__check_ptr("fd_calendar_load_data", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_calendar_load_data", "text", text);
    if (rc)
        return rc;
    return from_text(out, "fd_calendar_load_data", "data", text, strlen(text));
}

/* What fd_calendar_load and fd_calendar_add_file do with a file's text. */
typedef fd_status (*use_text)(void *target, const char *fn, const char *origin, const char *text, size_t len);

/* Checks @target and @path (@what names the target), reads the file, hands its text to @use. */
static fd_status with_file(void *target, const char *what, const char *fn, const char *path, use_text use)
{
    fd_status rc = fd__check_ptr(fn, what, target);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "path", path, 4096, true);
    char *data = NULL;
    size_t len = 0;
    if (rc == FD_OK)
        rc = read_file(&data, &len, fn, path);
    if (rc == FD_OK)
        rc = use(target, fn, path, data ? data : "", len);
    free(data);
    return rc;
}

static fd_status load_text(void *out, const char *fn, const char *origin, const char *text, size_t len)
{
    return from_text(out, fn, origin, text, len);
}

fd_status fd_calendar_load(fd_calendar **out, const char *path)
{
    return with_file(out, "out", "fd_calendar_load", path, load_text);
}

/* Adds the data file @text (@origin names it) to calendar @target. */
static fd_status add_text(void *target, const char *fn, const char *origin, const char *text, size_t len)
{
    fd_calendar *cal = target;
    fd__cal_file f;
    fd_status rc = fd__cal_parse(&f, fn, origin, text, len);
    if (rc == FD_OK && !f.extends)
        rc = fd__error(FD_EDATA,
                       "%s: %s: a file added to a calendar says 'extends builtin' (it adds to the calendar's data); "
                       "a file that stands alone is loaded with fd_calendar_load",
                       fn, origin);
    if (rc == FD_OK)
        rc = rebuild(cal, fn, origin, &f, cal->mode);
    fd__cal_file_dispose(&f);
    return rc;
}

fd_status fd_calendar_add_data(fd_calendar *cal, const char *text)
{
    const char *fn = "fd_calendar_add_data";
    fd_status rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "text", text);
    return rc ? rc : add_text(cal, fn, "data", text, strlen(text));
}

fd_status fd_calendar_add_file(fd_calendar *cal, const char *path)
{
    return with_file(cal, "cal", "fd_calendar_add_file", path, add_text);
}

void fd__cal_retain(const fd_calendar *cal)
{
    atomic_fetch_add(&((fd_calendar *)cal)->refs, 1);
}

void fd_calendar_free(fd_calendar *cal)
{
    if (cal == NULL || atomic_fetch_sub(&cal->refs, 1) != 1)
        return;
    fd__cal_lunar_close(cal);
    pthread_mutex_destroy(&cal->lock);
    free_tables(cal);
    free(cal);
}

/* --- public: what the data is ------------------------------------------ */

static fd_status check_out(const char *fn, const void *out, const fd_calendar *cal)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    return rc;
}

static fd_status put_text(fd_buf *out, const char *fn, const fd_calendar *cal, const char *text)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    fd__buf_clear(out);
    return fd__buf_puts(out, text);
}

fd_status fd_calendar_version(fd_buf *out, const fd_calendar *cal)
{
    return put_text(out, "fd_calendar_version", cal, cal ? cal->version : "");
}

fd_status fd_calendar_region(fd_buf *out, const fd_calendar *cal)
{
    return put_text(out, "fd_calendar_region", cal, cal ? cal->region : "");
}

fd_status fd_calendar_time_zone(fd_buf *out, const fd_calendar *cal)
{
    return put_text(out, "fd_calendar_time_zone", cal, cal ? cal->tz : "");
}

fd_status fd_calendar_coverage_start(fd_date *out, const fd_calendar *cal)
{
    fd_status rc = check_out("fd_calendar_coverage_start", out, cal);
    if (rc)
        return rc;
    *out = fd__civil_from_days(cal->cov_lo);
    return FD_OK;
}

fd_status fd_calendar_coverage_end(fd_date *out, const fd_calendar *cal)
{
    fd_status rc = check_out("fd_calendar_coverage_end", out, cal);
    if (rc)
        return rc;
    *out = fd__civil_from_days(cal->cov_hi);
    return FD_OK;
}

fd_status fd_calendar_provisional_until(fd_date *out, const fd_calendar *cal)
{
    const char *fn = "fd_calendar_provisional_until";
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    if (cal->mode == FD_CALENDAR_BEYOND_ERROR)
        return fd__error(FD_ENOTFOUND, "%s: cal: calendar.beyond_data is 2: days past the data are refused", fn);
    *out = fd__civil_from_days(cal->t0 + cal->n - 1);
    return FD_OK;
}

/* The checks of a call answering about @date whatever the data: @out, @cal and the date; its day number. */
static fd_status checked_day(int64_t *d, const char *fn, const void *out, const fd_calendar *cal, fd_date date)
{
    fd_status rc = check_out(fn, out, cal);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "date", date);
    if (rc == FD_OK)
        *d = fd__days_from_civil(date.year, date.month, date.day);
    return rc;
}

fd_status fd_calendar_is_provisional(int *out, const fd_calendar *cal, fd_date date)
{
    int64_t d = 0;
    fd_status rc = checked_day(&d, "fd_calendar_is_provisional", out, cal, date);
    if (rc)
        return rc;
    *out = d < cal->cov_lo || d > cal->cov_hi;
    return FD_OK;
}

#define WARN_DAYS 60

fd_status fd_calendar_coverage_warning(fd_buf *out, const fd_calendar *cal, fd_date today)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    const char *fn = "fd_calendar_coverage_warning";
    fd_status rc = check_out(fn, out, cal);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "today", today);
    if (rc)
        return rc;
    fd__buf_clear(out);
    int64_t left = cal->cov_hi - fd__days_from_civil(today.year, today.month, today.day);
    rc = fd__buf_puts(out, "");
    if (left > WARN_DAYS || rc)
        return rc;
    char end[16];
    day_text(cal->cov_hi, end);
    int next = (int)fd__civil_from_days(cal->cov_hi + 1).year;
    const char *then = cal->mode == FD_CALENDAR_BEYOND_PROVISIONAL
                           ? "are provisional (the statutory holidays by law, no 调休) and to be recomputed"
                       : cal->mode == FD_CALENDAR_BEYOND_WEEKENDS
                           ? "count Monday to Friday as working days (calendar.beyond_data = 1) and are to be recomputed"
                           : "are refused (calendar.beyond_data = 2)";
    if (left >= 0)
        rc = fd__buf_printf(out,
                            "holiday data %s ends %s, in %lld day%s: load the official %d schedule "
                            "(国务院办公厅 notice; docs/modules/calendar.md); until then answers about %d %s",
                            cal->version, end, (long long)left, left == 1 ? "" : "s", next, next, then);
    else
        rc = fd__buf_printf(out,
                            "holiday data %s ended %s, %lld day%s ago: load the official %d schedule "
                            "(国务院办公厅 notice; docs/modules/calendar.md); until then answers about %d %s",
                            cal->version, end, (long long)-left, left == -1 ? "" : "s", next, next, then);
    if (rc)
        fd__buf_clear(out);
    return rc;
}

/* --- public: settings ------------------------------------------------- */

fd_status fd_calendar_set_time_zone(fd_calendar *cal, const char *time_zone)
{
    const char *fn = "fd_calendar_set_time_zone";
    fd_status rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "time_zone", time_zone, sizeof cal->tz - 1, true);
    if (rc)
        return rc;
    time_tables t;
    rc = build_time(&t, cal, fn, time_zone);
    if (rc)
        return rc;
    build_business(&t, cal, cal->biz, cal->nbiz);
    install_time(cal, &t);
    snprintf(cal->tz, sizeof cal->tz, "%s", time_zone);
    return FD_OK;
}

fd_status fd_calendar_set_business_hours(fd_calendar *cal, const char *hours)
{
    const char *fn = "fd_calendar_set_business_hours";
    fd_status rc = fd__check_ptr(fn, "cal", cal);
    if (rc)
        return rc;
    fd__cal_ivl ivl[FD__CAL_MAX_IVL];
    int n = 0;
    rc = parse_hours(ivl, &n, fn, hours, 1);
    if (rc)
        return rc;
    time_tables t = { cal->midnight, cal->dst_at, cal->dst_delta, cal->bprefix };
    build_business(&t, cal, ivl, n);
    memcpy(cal->biz, ivl, sizeof ivl);
    cal->nbiz = n;
    return FD_OK;
}

fd_status fd_calendar_business_hours(fd_buf *out, const fd_calendar *cal)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = fd__check_ptr("fd_calendar_business_hours", "cal", cal);
    return rc ? rc : format_hours(out, "fd_calendar_business_hours", cal->biz, cal->nbiz);
}

fd_status fd_calendar_set_quiet_hours(fd_calendar *cal, const char *hours)
{
    const char *fn = "fd_calendar_set_quiet_hours";
    fd_status rc = fd__check_ptr(fn, "cal", cal);
    if (rc)
        return rc;
    fd__cal_ivl ivl[FD__CAL_MAX_IVL];
    int n = 0;
    rc = parse_hours(ivl, &n, fn, hours, 0);
    if (rc)
        return rc;
    memcpy(cal->quiet, ivl, sizeof ivl);
    cal->nquiet = n;
    return FD_OK;
}

fd_status fd_calendar_quiet_hours(fd_buf *out, const fd_calendar *cal)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = fd__check_ptr("fd_calendar_quiet_hours", "cal", cal);
    return rc ? rc : format_hours(out, "fd_calendar_quiet_hours", cal->quiet, cal->nquiet);
}

fd_status fd_calendar_apply_policy(fd_calendar *cal, const fd_policy *policy)
{
    fd_status rc = fd__check_ptr("fd_calendar_apply_policy", "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_calendar_apply_policy", "policy", policy);
    if (rc)
        return rc;
    int mode = fd__cal_mode(cal, policy);
    /* Provisional and refused days share tables; weekends only needs others. */
    if ((mode == FD_CALENDAR_BEYOND_WEEKENDS) != (cal->mode == FD_CALENDAR_BEYOND_WEEKENDS))
        rc = rebuild(cal, "fd_calendar_apply_policy", "policy", NULL, mode);
    if (rc)
        return rc;
    cal->mode = mode;
    cal->roll = (int)fd__policy_value(policy, FD__POL_DEADLINE_ROLL_REST_DAYS);
    return FD_OK;
}

/* --- public: days ------------------------------------------------------- */

static fd_status day_flags(uint8_t *t, int *out, const fd_calendar *cal, const char *fn, fd_date date)
{
    fd_status rc = out && cal ? FD_OK : check_out(fn, out, cal);
    if (rc)
        return rc;
    int32_t i;
    rc = fd__cal_index(&i, cal, fn, date, cal->mode);
    if (rc)
        return rc;
    *t = cal->type[i];
    return FD_OK;
}

fd_status fd_calendar_day_type(int *out, const fd_calendar *cal, fd_date date)
{
    uint8_t t;
    fd_status rc = day_flags(&t, out, cal, "fd_calendar_day_type", date);
    if (rc == FD_OK)
        *out = t & FD__CAL_TYPE_MASK;
    return rc;
}

/* Hot path: no more than the index check and one table read. */
fd_status fd_calendar_is_workday(int *out, const fd_calendar *cal, fd_date date)
{
    uint8_t t;
    fd_status rc = day_flags(&t, out, cal, "fd_calendar_is_workday", date);
    if (rc == FD_OK)
        *out = fd__cal_is_work_type(t);
    return rc;
}

fd_status fd_calendar_is_holiday(int *out, const fd_calendar *cal, fd_date date)
{
    uint8_t t;
    fd_status rc = day_flags(&t, out, cal, "fd_calendar_is_holiday", date);
    if (rc == FD_OK)
        *out = (t & FD__CAL_TYPE_MASK) == FD_CALENDAR_DAY_HOLIDAY;
    return rc;
}

fd_status fd_calendar_is_in_lieu(int *out, const fd_calendar *cal, fd_date date)
{
    uint8_t t;
    fd_status rc = day_flags(&t, out, cal, "fd_calendar_is_in_lieu", date);
    if (rc == FD_OK)
        *out = (t & FD__CAL_F_IN_LIEU) != 0;
    return rc;
}

fd_status fd_calendar_is_statutory(int *out, const fd_calendar *cal, fd_date date)
{
    uint8_t t;
    fd_status rc = day_flags(&t, out, cal, "fd_calendar_is_statutory", date);
    if (rc == FD_OK)
        *out = (t & FD__CAL_F_STATUTORY) != 0;
    return rc;
}

fd_status fd_calendar_holiday_name(fd_buf *out, const fd_calendar *cal, fd_date date)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    const char *fn = "fd_calendar_holiday_name";
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    int32_t i;
    rc = fd__cal_index(&i, cal, fn, date, cal->mode);
    if (rc)
        return rc;
    fd__buf_clear(out);
    return fd__buf_puts(out, cal->name[i] ? cal->entries[cal->name[i] - 1].name : "");
}

fd_status fd_calendar_add_working_days(fd_date *out, const fd_calendar *cal, fd_date date, int64_t n)
{
    const char *fn = "fd_calendar_add_working_days";
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    int32_t i, j;
    rc = fd__cal_index(&i, cal, fn, date, cal->mode);
    if (rc == FD_OK && (n > INT32_MAX || n < -(int64_t)INT32_MAX))
        rc = fd__error(FD_ERANGE, "fd_calendar_add_working_days: n: %lld is too large", (long long)n);
    if (rc == FD_OK)
        rc = fd__cal_add_wd(&j, cal, fn, i, n, cal->mode);
    if (rc)
        return rc;
    *out = fd__civil_from_days(cal->t0 + j);
    return FD_OK;
}

fd_status fd_calendar_working_days_between(int64_t *out, const fd_calendar *cal, fd_date a, fd_date b)
{
    const char *fn = "fd_calendar_working_days_between";
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    int32_t ia, ib;
    rc = fd__cal_index(&ia, cal, fn, a, cal->mode);
    if (rc == FD_OK)
        rc = fd__cal_index(&ib, cal, fn, b, cal->mode);
    if (rc)
        return rc;
    /* (a, b] forward, [b, a) backward: add_working_days(a, result) == b for a working day b. */
    *out = ib >= ia ? (int64_t)cal->wd_prefix[ib + 1] - cal->wd_prefix[ia + 1]
                    : (int64_t)cal->wd_prefix[ib] - cal->wd_prefix[ia];
    return FD_OK;
}

fd_status fd_calendar_next_workday(fd_date *out, const fd_calendar *cal, fd_date date)
{
    const char *fn = "fd_calendar_next_workday";
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    int32_t i, j;
    rc = fd__cal_index(&i, cal, fn, date, cal->mode);
    if (rc == FD_OK)
        rc = fd__cal_add_wd(&j, cal, fn, i, 1, cal->mode);
    if (rc)
        return rc;
    *out = fd__civil_from_days(cal->t0 + j);
    return FD_OK;
}

/* --- public: instants --------------------------------------------------- */

fd_status fd_calendar_local_date(fd_date *out, const fd_calendar *cal, int64_t at)
{
    const char *fn = "fd_calendar_local_date";
    fd_status rc = check_out(fn, out, cal);
    int32_t i;
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&i, cal, fn, at);
    if (rc)
        return rc;
    *out = fd__civil_from_days(cal->t0 + i);
    return FD_OK;
}

fd_status fd_calendar_day_start(int64_t *out, const fd_calendar *cal, fd_date date)
{
    const char *fn = "fd_calendar_day_start";
    int64_t d = 0;
    fd_status rc = checked_day(&d, fn, out, cal, date);
    if (rc)
        return rc;
    if (d < cal->t0 || d >= cal->t0 + cal->n)
        return out_of_table(cal, fn, d);
    *out = cal->midnight[d - cal->t0];
    return FD_OK;
}

fd_status fd_calendar_working_seconds_between(int64_t *out, const fd_calendar *cal, int64_t from, int64_t to)
{
    const char *fn = "fd_calendar_working_seconds_between";
    fd_status rc = check_out(fn, out, cal);
    int32_t i, j;
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&i, cal, fn, from);
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&j, cal, fn, to);
    if (rc == FD_OK && !fd__cal_allowed(cal, cal->mode, cal->t0 + i))
        rc = fd__cal_uncovered(cal, fn, cal->t0 + i);
    if (rc == FD_OK && !fd__cal_allowed(cal, cal->mode, cal->t0 + j))
        rc = fd__cal_uncovered(cal, fn, cal->t0 + j);
    if (rc)
        return rc;
    /* The days between lie between two allowed days: the table answers for them. */
    *out = fd__cal_business_at(cal, j, to) - fd__cal_business_at(cal, i, from);
    return FD_OK;
}

fd_status fd_calendar_is_business_time(int *out, const fd_calendar *cal, int64_t at)
{
    const char *fn = "fd_calendar_is_business_time";
    fd_status rc = check_out(fn, out, cal);
    int32_t i;
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&i, cal, fn, at);
    if (rc == FD_OK && !fd__cal_allowed(cal, cal->mode, cal->t0 + i))
        rc = fd__cal_uncovered(cal, fn, cal->t0 + i);
    if (rc)
        return rc;
    int in = 0;
    if (fd__cal_is_work_type(cal->type[i]))
        for (int k = 0; k < cal->nbiz && !in; k++)
            in = at >= fd__cal_utc(cal, i, cal->biz[k].a) && at < fd__cal_utc(cal, i, cal->biz[k].b);
    *out = in;
    return FD_OK;
}

/* The quiet interval holding local time @local, or -1. */
static int quiet_at(const fd_calendar *cal, int32_t local)
{
    for (int k = 0; k < cal->nquiet; k++)
        if (local >= cal->quiet[k].a && local < cal->quiet[k].b)
            return k;
    return -1;
}

/* R-PLN-2: callbacks avoid the customer's rest time. */
fd_status fd_calendar_is_quiet_time(int *out, const fd_calendar *cal, int64_t at)
{
    const char *fn = "fd_calendar_is_quiet_time";
    fd_status rc = check_out(fn, out, cal);
    int32_t i;
    if (rc == FD_OK)
        rc = fd__cal_index_of_instant(&i, cal, fn, at);
    if (rc)
        return rc;
    *out = quiet_at(cal, fd__cal_local(cal, i, at)) >= 0;
    return FD_OK;
}

/* R-PLN-2: the first moment a customer may be called. */
fd_status fd_calendar_next_call_time(int64_t *out, const fd_calendar *cal, int64_t at)
{
    const char *fn = "fd_calendar_next_call_time";
    fd_status rc = check_out(fn, out, cal);
    if (rc)
        return rc;
    int64_t t = at;
    for (int step = 0; step <= 2 * FD__CAL_MAX_IVL + 2; step++) {
        int32_t i;
        rc = fd__cal_index_of_instant(&i, cal, fn, t);
        if (rc)
            return rc;
        int k = quiet_at(cal, fd__cal_local(cal, i, t));
        if (k < 0) {
            *out = t;
            return FD_OK;
        }
        t = cal->quiet[k].b >= 86400 ? cal->midnight[i + 1] : fd__cal_utc(cal, i, cal->quiet[k].b);
    }
    return fd__error(FD_EINVAL, "%s: quiet hours cover the whole day; no time to call", fn);
}
