/*
 * Festivals and the phone greeting (R-CALL-2, R-CALL-10).
 *
 * Lunar festivals come from ICU's Chinese calendar ("zh@calendar=chinese"),
 * opened once per calendar handle and guarded by its mutex. ICU exposes no
 * solar terms, so 清明 (the sun at ecliptic longitude 15°) is computed here
 * with the low-precision solar position of Meeus, Astronomical Algorithms
 * ch. 25 (about 0.01°, i.e. a quarter of an hour), and dated in China time.
 */
#include "calendar/cal_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#define PI 3.14159265358979323846
#define MIN_YEAR 1900
#define MAX_YEAR 2100

fd_status fd__cal_lunar_open(fd_calendar *cal, const char *fn)
{
    UChar zone[32];
    u_uastrcpy(zone, "Asia/Shanghai");
    UErrorCode err = U_ZERO_ERROR;
    UCalendar *uc = ucal_open(zone, -1, "zh@calendar=chinese", UCAL_DEFAULT, &err);
    if (U_FAILURE(err))
        return fd__error(FD_EINVAL, "%s: ICU cannot open the Chinese calendar: %s", fn, u_errorName(err));
    cal->lunar = uc;
    return FD_OK;
}

void fd__cal_lunar_close(fd_calendar *cal)
{
    if (cal->lunar)
        ucal_close((UCalendar *)cal->lunar);
    cal->lunar = NULL;
}

typedef struct lunar_day {
    int month; /* 1..12 */
    int day;   /* 1..30 */
    int leap;  /* a leap month (闰月) */
} lunar_day;

static int icu_lunar_of(UCalendar *uc, int64_t day, lunar_day *out)
{
    UErrorCode err = U_ZERO_ERROR;
    ucal_setMillis(uc, ((double)day * 86400.0 + 4 * 3600.0) * 1000.0, &err);
    out->month = ucal_get(uc, UCAL_MONTH, &err) + 1;
    out->day = ucal_get(uc, UCAL_DATE, &err);
    out->leap = ucal_get(uc, UCAL_IS_LEAP_MONTH, &err);
    return U_SUCCESS(err);
}

/*
 * Lunar months whose first day ICU 72 puts a day off, because the new moon
 * falls within minutes of midnight China time and ICU's approximate lunar
 * theory lands on the other side (ICU-23274). The true first day is the Hong
 * Kong Observatory's: 春节 2027 is 6 February (new moon 23:56; ICU says the 7th)
 * and 春节 2030 is 3 February (new moon 00:07; ICU says the 2nd). A survey of
 * every month start 2025-2060 found no others.
 */
static const struct {
    int32_t true_start[3];
    int32_t icu_start[3];
} icu_off_months[] = {
    { { 2027, 2, 6 }, { 2027, 2, 7 } },
    { { 2030, 2, 3 }, { 2030, 2, 2 } },
};

/* The lunar date of civil day @day (days since 1970-01-01), taken at noon China time. */
static int lunar_of(UCalendar *uc, int64_t day, lunar_day *out)
{
    if (!icu_lunar_of(uc, day, out))
        return 0;
    for (size_t k = 0; k < sizeof icu_off_months / sizeof icu_off_months[0]; k++) {
        const int32_t *t = icu_off_months[k].true_start, *i = icu_off_months[k].icu_start;
        int64_t truth = fd__days_from_civil(t[0], t[1], t[2]), icu = fd__days_from_civil(i[0], i[1], i[2]);
        int64_t month_start = day - (out->day - 1);
        if (icu > truth) { /* ICU starts the month late */
            if (day == truth) {
                if (!icu_lunar_of(uc, day + 1, out))
                    return 0;
                out->day = 1;
            } else if (month_start == icu) {
                out->day++;
            }
        } else { /* ICU starts the month early: its first day ends the month before */
            if (day == icu) {
                if (!icu_lunar_of(uc, day - 1, out))
                    return 0;
                out->day++;
            } else if (month_start == icu) {
                out->day--;
            }
        }
    }
    return 1;
}

/*
 * The civil day of lunar month @month, day @day (not a leap month) of the
 * Chinese year that begins in Gregorian @year: ICU's estimate from its
 * fields, then confirmed (or moved by a day or two) with lunar_of(), which
 * carries the corrections above. -1 when ICU fails or the day is not found.
 */
static int64_t lunar_to_day(UCalendar *uc, int32_t year, int month, int day)
{
    UErrorCode err = U_ZERO_ERROR;
    /* 1 March is always in the Chinese year that began in the same Gregorian year. */
    ucal_setMillis(uc, ((double)fd__days_from_civil(year, 3, 1) * 86400.0 + 4 * 3600.0) * 1000.0, &err);
    ucal_set(uc, UCAL_IS_LEAP_MONTH, 0);
    ucal_set(uc, UCAL_MONTH, month - 1);
    ucal_set(uc, UCAL_DATE, day);
    UDate ms = ucal_getMillis(uc, &err);
    if (U_FAILURE(err))
        return -1;
    int64_t guess = (int64_t)floor((ms / 1000.0 + 8 * 3600.0) / 86400.0);
    static const int step[] = { 0, -1, 1, -2, 2 };
    for (size_t k = 0; k < sizeof step / sizeof step[0]; k++) {
        lunar_day l;
        if (!lunar_of(uc, guess + step[k], &l))
            return -1;
        if (!l.leap && l.month == month && l.day == day)
            return guess + step[k];
    }
    return -1;
}

static void law_day(fd__cal_entry *e, int64_t day, const char *name)
{
    memset(e, 0, sizeof *e);
    e->day = day;
    e->kind = FD__CAL_KIND_HOLIDAY;
    e->flags = FD__CAL_F_STATUTORY;
    snprintf(e->name, sizeof e->name, "%s", name);
}

static int cmp_day(const void *a, const void *b)
{
    const fd__cal_entry *x = a, *y = b;
    return x->day < y->day ? -1 : x->day > y->day;
}

int fd__cal_statutory_year(fd__cal_entry *out, void *lunar, int32_t year)
{
    UCalendar *uc = lunar;
    int64_t spring = lunar_to_day(uc, year, 1, 1), dragon = lunar_to_day(uc, year, 5, 5);
    int64_t moon = lunar_to_day(uc, year, 8, 15);
    if (spring < 0 || dragon < 0 || moon < 0)
        return -1;
    int64_t oct1 = fd__days_from_civil(year, 10, 1);
    /* 中秋 inside the 国庆 days: one day, one period named for both (as the notices do). */
    int together = moon >= oct1 && moon <= oct1 + 2;
    const char *national = together ? "国庆节、中秋节" : "国庆节";
    int n = 0;
    law_day(&out[n++], fd__days_from_civil(year, 1, 1), "元旦");
    for (int k = -1; k <= 2; k++)
        law_day(&out[n++], spring + k, "春节"); /* 除夕, 初一 to 初三 */
    law_day(&out[n++], fd__cal_qingming(year), "清明节");
    law_day(&out[n++], fd__days_from_civil(year, 5, 1), "劳动节");
    law_day(&out[n++], fd__days_from_civil(year, 5, 2), "劳动节");
    law_day(&out[n++], dragon, "端午节");
    if (!together)
        law_day(&out[n++], moon, "中秋节");
    for (int k = 0; k < 3; k++)
        law_day(&out[n++], oct1 + k, national);
    fd__qsort(out, (size_t)n, sizeof *out, cmp_day);
    return n;
}

/* Apparent geocentric longitude of the sun in degrees at Julian ephemeris day @jde. */
static double sun_longitude(double jde)
{
    double t = (jde - 2451545.0) / 36525.0;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * PI / 180.0;
    double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m) +
               0.000289 * sin(3 * m);
    double omega = (125.04 - 1934.136 * t) * PI / 180.0;
    double lambda = fmod(l0 + c - 0.00569 - 0.00478 * sin(omega), 360.0);
    return lambda < 0 ? lambda + 360.0 : lambda;
}

int64_t fd__cal_qingming(int32_t year)
{
    /* Start at noon UTC on 4 April and move by the sun's mean motion until it stands at 15°. */
    double jde = (double)fd__days_from_civil(year, 4, 4) + 2440588.0;
    for (int k = 0; k < 8; k++) {
        double diff = 15.0 - sun_longitude(jde);
        if (diff > 180)
            diff -= 360;
        if (diff < -180)
            diff += 360;
        jde += diff * 365.2422 / 360.0;
    }
    /* Terrestrial to universal time (ΔT, Espenak & Meeus polynomial for 2005-2050, fine around it). */
    double y = year - 2000.0;
    double delta_t = 62.92 + 0.32217 * y + 0.005589 * y * y;
    double unix_s = (jde - 2440587.5) * 86400.0 - delta_t;
    return (int64_t)floor((unix_s + 8 * 3600.0) / 86400.0);
}

static fd_status add_name(fd_buf *out, const char *name, int *count)
{
    fd_status rc = fd__buf_puts(out, *count ? "、" : "");
    if (rc == FD_OK)
        rc = fd__buf_puts(out, name);
    (*count)++;
    return rc;
}

fd_status fd__cal_festival(const fd_calendar *cal, const char *fn, int64_t day, fd_buf *out)
{
    fd_date d = fd__civil_from_days(day);
    int count = 0;
    fd_status rc = FD_OK;
    if (d.month == 1 && d.day == 1)
        rc = add_name(out, "元旦", &count);
    if (rc == FD_OK && d.month == 4 && fd__cal_qingming(d.year) == day)
        rc = add_name(out, "清明", &count);
    if (rc == FD_OK && d.month == 5 && d.day == 1)
        rc = add_name(out, "劳动节", &count);
    if (rc == FD_OK && d.month == 10 && d.day == 1)
        rc = add_name(out, "国庆节", &count);
    if (rc)
        return rc;
    lunar_day l, next;
    pthread_mutex_t *lock = (pthread_mutex_t *)&cal->lock;
    pthread_mutex_lock(lock);
    int ok = lunar_of((UCalendar *)cal->lunar, day, &l) && lunar_of((UCalendar *)cal->lunar, day + 1, &next);
    pthread_mutex_unlock(lock);
    if (!ok)
        return fd__error(FD_EINVAL, "%s: date: ICU cannot give the lunar date of %04d-%02d-%02d", fn, (int)d.year,
                         (int)d.month, (int)d.day);
    if (!next.leap && next.month == 1 && next.day == 1)
        rc = add_name(out, "除夕", &count); /* the last day of the 12th month, 29th or 30th */
    if (l.leap)
        return rc; /* no festival falls in a leap month */
    static const struct {
        int month, day;
        const char *name;
    } lunar_festivals[] = {
        { 1, 1, "春节" }, { 1, 15, "元宵节" }, { 5, 5, "端午节" }, { 7, 7, "七夕" }, { 8, 15, "中秋节" }, { 9, 9, "重阳节" },
    };
    for (size_t k = 0; rc == FD_OK && k < sizeof lunar_festivals / sizeof lunar_festivals[0]; k++)
        if (l.month == lunar_festivals[k].month && l.day == lunar_festivals[k].day)
            rc = add_name(out, lunar_festivals[k].name, &count);
    return rc;
}

static fd_status check_festival_date(const char *fn, fd_date date, int64_t *day)
{
    fd_status rc = fd__check_date(fn, "date", date);
    if (rc)
        return rc;
    if (date.year < MIN_YEAR || date.year > MAX_YEAR)
        return fd__error(FD_ERANGE, "%s: date: year %d is outside %d..%d", fn, (int)date.year, MIN_YEAR, MAX_YEAR);
    *day = fd__days_from_civil(date.year, date.month, date.day);
    return FD_OK;
}

fd_status fd_calendar_festival(fd_buf *out, const fd_calendar *cal, fd_date date)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    const char *fn = "fd_calendar_festival";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    int64_t day = 0;
    if (rc == FD_OK)
        rc = check_festival_date(fn, date, &day);
    if (rc)
        return rc;
    fd__buf_clear(out);
    rc = fd__buf_puts(out, "");
    if (rc == FD_OK)
        rc = fd__cal_festival(cal, fn, day, out);
    if (rc)
        fd__buf_clear(out);
    return rc;
}

/* The season's wishes for a festival or holiday name (R-CALL-10). */
static const char *wish_for(const char *name)
{
    static const struct {
        const char *name, *wish;
    } wishes[] = {
        { "春节", "新春快乐" },     { "除夕", "新春快乐" },     { "元宵节", "元宵节快乐" }, { "元旦", "元旦快乐" },
        { "清明", "清明安康" },     { "清明节", "清明安康" },   { "劳动节", "劳动节快乐" }, { "端午节", "端午安康" },
        { "七夕", "七夕快乐" },     { "中秋节", "中秋快乐" },   { "重阳节", "重阳安康" },   { "国庆节", "国庆快乐" },
    };
    if (strstr(name, "、") != NULL)
        return "双节快乐"; /* 国庆节、中秋节 on one day or in one holiday period */
    for (size_t k = 0; k < sizeof wishes / sizeof wishes[0]; k++)
        if (strcmp(name, wishes[k].name) == 0)
            return wishes[k].wish;
    return NULL;
}

/* R-CALL-2 (greeting names the organisation), R-CALL-10 (wishes on weekends and holidays). */
fd_status fd_calendar_greeting(fd_buf *out, const fd_calendar *cal, fd_date date, const char *org)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    const char *fn = "fd_calendar_greeting";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "org", org, 200, true);
    if (rc)
        return rc;
    int32_t i;
    rc = fd__cal_index(&i, cal, fn, date, cal->mode);
    if (rc)
        return rc;
    uint8_t type = cal->type[i] & FD__CAL_TYPE_MASK;
    const char *wish = NULL;
    char custom[FD__CAL_NAME_MAX + 16];
    fd_buf fest = FD_BUF_INIT;
    if (type == FD_CALENDAR_DAY_HOLIDAY || type == FD_CALENDAR_DAY_WEEKEND ||
        (type == FD_CALENDAR_DAY_CLOSED && (cal->t0 + i + 3) % 7 >= 5)) {
        rc = fd__buf_puts(&fest, "");
        if (rc == FD_OK && date.year >= MIN_YEAR && date.year <= MAX_YEAR)
            rc = fd__cal_festival(cal, fn, cal->t0 + i, &fest);
        if (rc) {
            fd_buf_dispose(&fest);
            return rc;
        }
        if (fest.size > 0)
            wish = wish_for(fest.ptr);
        if (wish == NULL && type == FD_CALENDAR_DAY_HOLIDAY && cal->name[i]) {
            const char *name = cal->entries[cal->name[i] - 1].name;
            wish = wish_for(name);
            if (wish == NULL) {
                snprintf(custom, sizeof custom, "%s快乐", name);
                wish = custom;
            }
        }
        if (wish == NULL)
            wish = "周末愉快";
    }
    fd__buf_clear(out);
    if (wish)
        rc = fd__buf_printf(out, "您好，%s，%s！请问有什么可以帮您？", org, wish);
    else
        rc = fd__buf_printf(out, "您好，%s，请问有什么可以帮您？", org);
    fd_buf_dispose(&fest);
    return rc;
}
