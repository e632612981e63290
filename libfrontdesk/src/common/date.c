/* Civil dates, and the few time-zone questions the store asks ICU. */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

int fd__days_in_month(int32_t y, int32_t m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

int64_t fd__days_from_civil(int32_t y, int32_t m, int32_t d)
{
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

fd_date fd__civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    fd_date out = { (int32_t)(yoe + era * 400 + (m <= 2)), (int32_t)m, (int32_t)d };
    return out;
}

fd_status fd__check_date(const char *fn, const char *field, fd_date date)
{
    if (date.year < 1 || date.year > 9999)
        return fd__error(FD_EINVAL, "%s: %s: year %d is outside 1..9999", fn, field, (int)date.year);
    if (date.month < 1 || date.month > 12)
        return fd__error(FD_EINVAL, "%s: %s: month %d is outside 1..12", fn, field, (int)date.month);
    int dim = fd__days_in_month(date.year, date.month);
    if (date.day < 1 || date.day > dim)
        return fd__error(FD_EINVAL, "%s: %s: %04d-%02d has no day %d", fn, field, (int)date.year,
                         (int)date.month, (int)date.day);
    return FD_OK;
}

fd_status fd_date_check(fd_date date)
{
    return fd__check_date("fd_date_check", "date", date);
}

fd_status fd_date_parse(fd_date *out, const char *text)
{
    fd_status rc = fd__check_ptr("fd_date_parse", "out", out);
    if (rc == FD_OK)
        rc = fd__check_text("fd_date_parse", "text", text, 0, false);
    if (rc)
        return rc;
    static const char shape[] = "dddd-dd-dd";
    bool ok = strlen(text) == 10;
    for (int i = 0; ok && i < 10; i++)
        ok = shape[i] == '-' ? text[i] == '-' : (text[i] >= '0' && text[i] <= '9');
    if (!ok)
        return fd__error(FD_EINVAL, "fd_date_parse: text: '%s' is not a date of the form YYYY-MM-DD",
                         text);
    fd_date d = { (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0'),
                  (text[5] - '0') * 10 + (text[6] - '0'), (text[8] - '0') * 10 + (text[9] - '0') };
    rc = fd__check_date("fd_date_parse", "text", d);
    if (rc)
        return rc;
    *out = d;
    return FD_OK;
}

fd_status fd_date_format(fd_buf *out, fd_date date)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = fd__check_ptr("fd_date_format", "out", out);
    if (rc == FD_OK)
        rc = fd__check_date("fd_date_format", "date", date);
    if (rc)
        return rc;
    fd__buf_clear(out);
    return fd__buf_printf(out, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
}

int64_t fd__now(void)
{
    return (int64_t)time(NULL);
}

/* An fd__zone is an ICU calendar; the struct type exists only for type safety. */
fd__zone *fd__zone_open(const char *fn, const char *field, const char *tz)
{
    UChar zone[128];
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(zone, (int32_t)(sizeof zone / sizeof zone[0]), &len, tz, -1, &err);
    if (U_FAILURE(err) || len == 0) {
        fd__error(FD_EINVAL, "%s: %s: '%s' is not a time zone name", fn, field, tz);
        return NULL;
    }
    UChar canonical[128];
    UBool system = 0;
    ucal_getCanonicalTimeZoneID(zone, len, canonical, 128, &system, &err);
    if (err == U_MEMORY_ALLOCATION_ERROR) {
        fd__oom(fn);
        return NULL;
    }
    if (U_FAILURE(err) || !system) {
        fd__error(FD_EINVAL, "%s: %s: '%s' is not a time zone ICU knows (use an IANA name such as Asia/Shanghai)",
                  fn, field, tz);
        return NULL;
    }
    UCalendar *cal = ucal_open(zone, len, "en_US_POSIX", UCAL_GREGORIAN, &err);
    if (U_FAILURE(err)) {
        fd__error(fd__icu_status(err, FD_EINVAL), "%s: %s: ICU cannot open zone '%s': %s", fn, field, tz,
                  u_errorName(err));
        return NULL;
    }
    /* ICU's TimeZone::createTimeZone answers a zone it could not build for want of memory with
     * "Etc/Unknown" (UTC) and no error: that calendar would count site time as UTC (found by
     * c.fault_alloc_once: an escalation run deferred as if outside business hours). */
    UChar got[128];
    static const UChar unknown[] = { 'E', 't', 'c', '/', 'U', 'n', 'k', 'n', 'o', 'w', 'n', 0 };
    int32_t glen = ucal_getTimeZoneID(cal, got, 128, &err);
    bool fell_back = glen == 11 && u_strncmp(got, unknown, 11) == 0 && !(len == 11 && u_strncmp(zone, unknown, 11) == 0);
    if (U_FAILURE(err) || fell_back) {
        ucal_close(cal);
        fd__oom(fn);
        return NULL;
    }
    /* Pure Gregorian calendar for all dates: no Julian switch in 1582. */
    ucal_setGregorianChange(cal, -1e300, &err);
    return (fd__zone *)cal;
}

void fd__zone_close(fd__zone *zone)
{
    if (zone)
        ucal_close((UCalendar *)zone);
}

fd_status fd__check_time_zone(const char *fn, const char *field, const char *tz)
{
    fd__zone *z = fd__zone_open(fn, field, tz);
    if (z == NULL)
        return fd_error_last()->code;
    fd__zone_close(z);
    return FD_OK;
}

int64_t fd__zone_midnight(fd__zone *zone, int64_t days, UErrorCode *e)
{
    UCalendar *cal = (UCalendar *)zone;
    fd_date d = fd__civil_from_days(days);
    ucal_clear(cal);
    ucal_setDateTime(cal, d.year, d.month - 1, d.day, 0, 0, 0, e);
    UDate ms = ucal_getMillis(cal, e);
    int64_t s = (int64_t)(ms / 1000.0);
    return (double)s * 1000.0 > ms ? s - 1 : s; /* floor, also before 1970 */
}

fd_status fd__zone_day_bounds(fd__zone *zone, const char *fn, fd_date date, int64_t *start, int64_t *end)
{
    UErrorCode err = U_ZERO_ERROR;
    int64_t day = fd__days_from_civil(date.year, date.month, date.day);
    int64_t a = fd__zone_midnight(zone, day, &err);
    int64_t b = fd__zone_midnight(zone, day + 1, &err);
    if (U_FAILURE(err))
        return fd__error(fd__icu_status(err, FD_EINVAL), "%s: date: ICU cannot place %04d-%02d-%02d: %s", fn,
                         (int)date.year, (int)date.month, (int)date.day, u_errorName(err));
    *start = a;
    *end = b;
    return FD_OK;
}

fd_status fd__zone_format(fd__zone *zone, const char *fn, int64_t at, char out[32])
{
    UCalendar *cal = (UCalendar *)zone;
    UErrorCode err = U_ZERO_ERROR;
    ucal_setMillis(cal, (UDate)at * 1000.0, &err);
    int y = ucal_get(cal, UCAL_EXTENDED_YEAR, &err), mo = ucal_get(cal, UCAL_MONTH, &err) + 1,
        d = ucal_get(cal, UCAL_DATE, &err), h = ucal_get(cal, UCAL_HOUR_OF_DAY, &err),
        mi = ucal_get(cal, UCAL_MINUTE, &err);
    if (U_FAILURE(err))
        return fd__error(fd__icu_status(err, FD_EINVAL), "%s: at: ICU cannot convert %lld: %s", fn, (long long)at,
                         u_errorName(err));
    snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", y % 10000, mo, d, h, mi);
    return FD_OK;
}

int fd__date_cmp(fd_date a, fd_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return a.day < b.day ? -1 : a.day > b.day;
}
