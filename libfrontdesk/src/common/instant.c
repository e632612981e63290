/* Instants and site-local time (R-COM-1: local dates and times in the site's zone). */
#include "internal.h"

#include <stdio.h>
#include <unicode/ucal.h>

fd_status fd__check_instant(const char *fn, const char *field, int64_t at)
{
    if (at < FD_INSTANT_MIN || at > FD_INSTANT_MAX)
        return fd__error(FD_ERANGE, "%s: %s: %lld is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z", fn, field,
                         (long long)at);
    return FD_OK;
}

fd_status fd_instant_check(int64_t at)
{
    return fd__check_instant("fd_instant_check", "at", at);
}

fd_status fd__zone_local(fd__zone *zone, const char *fn, int64_t at, fd_local_time *out)
{
    UCalendar *cal = (UCalendar *)zone;
    UErrorCode err = U_ZERO_ERROR;
    ucal_setMillis(cal, (UDate)at * 1000.0, &err);
    fd_local_time t;
    t.date.year = ucal_get(cal, UCAL_EXTENDED_YEAR, &err);
    t.date.month = ucal_get(cal, UCAL_MONTH, &err) + 1;
    t.date.day = ucal_get(cal, UCAL_DATE, &err);
    t.hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &err);
    t.minute = ucal_get(cal, UCAL_MINUTE, &err);
    t.second = ucal_get(cal, UCAL_SECOND, &err);
    t.utc_offset_s = (ucal_get(cal, UCAL_ZONE_OFFSET, &err) + ucal_get(cal, UCAL_DST_OFFSET, &err)) / 1000;
    if (U_FAILURE(err))
        return fd__error(fd__icu_status(err, FD_EINVAL), "%s: at: ICU cannot convert %lld: %s", fn, (long long)at,
                         u_errorName(err));
    /* Near the ends of the instant range a zone's local date can leave the years an fd_date holds. */
    if (t.date.year < 1 || t.date.year > 9999)
        return fd__error(FD_ERANGE, "%s: at: %lld is in year %d there, outside 1..9999", fn, (long long)at,
                         (int)t.date.year);
    *out = t;
    return FD_OK;
}

/* The checks and conversion shared by fd_instant_to_local and fd_instant_format. */
static fd_status to_local(const char *fn, fd_local_time *out, const char *time_zone, int64_t at)
{
    fd_status rc = fd__check_text(fn, "time_zone", time_zone, FD_TZ_MAX, true);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "at", at);
    if (rc)
        return rc;
    fd__zone *zone = fd__zone_open(fn, "time_zone", time_zone);
    if (zone == NULL)
        return fd_error_last()->code;
    rc = fd__zone_local(zone, fn, at, out);
    fd__zone_close(zone);
    return rc;
}

fd_status fd_instant_to_local(fd_local_time *out, const char *time_zone, int64_t at)
{
    fd_status rc = fd__check_ptr("fd_instant_to_local", "out", out);
    return rc ? rc : to_local("fd_instant_to_local", out, time_zone, at);
}

fd_status fd_instant_from_local(int64_t *out, const char *time_zone, fd_local_time local)
{
    static const char fn[] = "fd_instant_from_local";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "time_zone", time_zone, FD_TZ_MAX, true);
    if (rc)
        return rc;
    if ((rc = fd__check_date(fn, "local.date", local.date)) != FD_OK)
        return rc;
    if (local.hour < 0 || local.hour > 23)
        return fd__error(FD_EINVAL, "%s: local.hour: %d is outside 0..23", fn, (int)local.hour);
    if (local.minute < 0 || local.minute > 59)
        return fd__error(FD_EINVAL, "%s: local.minute: %d is outside 0..59", fn, (int)local.minute);
    if (local.second < 0 || local.second > 59)
        return fd__error(FD_EINVAL, "%s: local.second: %d is outside 0..59", fn, (int)local.second);
    fd__zone *zone = fd__zone_open(fn, "time_zone", time_zone);
    if (zone == NULL)
        return fd_error_last()->code;
    rc = fd__zone_from_local(zone, fn, "local", local, out);
    fd__zone_close(zone);
    return rc;
}

fd_status fd__zone_from_local(fd__zone *zone, const char *fn, const char *field, fd_local_time local, int64_t *out)
{
    UCalendar *cal = (UCalendar *)zone;
    UErrorCode err = U_ZERO_ERROR;
    /* The documented rule for the skipped and the repeated hour. */
    ucal_setAttribute(cal, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_LAST);
    ucal_setAttribute(cal, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
    ucal_clear(cal);
    ucal_setDateTime(cal, local.date.year, local.date.month - 1, local.date.day, local.hour, local.minute,
                     local.second, &err);
    UDate ms = ucal_getMillis(cal, &err);
    if (U_FAILURE(err))
        return fd__error(fd__icu_status(err, FD_EINVAL), "%s: %s: ICU cannot place it in the zone: %s", fn, field,
                         u_errorName(err));
    int64_t s = (int64_t)(ms / 1000.0);
    if ((double)s * 1000.0 > ms)
        s--;
    fd_status rc = fd__check_instant(fn, field, s);
    if (rc == FD_OK)
        *out = s;
    return rc;
}

fd_status fd__format_local(fd_buf *out, const fd_local_time *t)
{
    int off = t->utc_offset_s, sign = off < 0 ? '-' : '+';
    if (off < 0)
        off = -off;
    fd__buf_clear(out);
    return fd__buf_printf(out, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", (int)t->date.year, (int)t->date.month,
                          (int)t->date.day, (int)t->hour, (int)t->minute, (int)t->second, sign, off / 3600,
                          off / 60 % 60);
}

fd_status fd_instant_format(fd_buf *out, const char *time_zone, int64_t at)
{
    static const char fn[] = "fd_instant_format";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out);
    fd_local_time t;
    rc = to_local(fn, &t, time_zone, at);
    return rc ? rc : fd__format_local(out, &t);
}

void fd__duration_words(char out[FD__DURATION_MAX], int64_t seconds)
{
    uint64_t s = seconds < 0 ? (uint64_t)0 - (uint64_t)seconds : (uint64_t)seconds;
    unsigned long long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
    if (s < 60)
        snprintf(out, FD__DURATION_MAX, "%llu s", (unsigned long long)s);
    else if (s < 3600)
        snprintf(out, FD__DURATION_MAX, "%llu min", m);
    else if (s < 86400 && m)
        snprintf(out, FD__DURATION_MAX, "%llu h %llu min", h, m);
    else if (s < 86400)
        snprintf(out, FD__DURATION_MAX, "%llu h", h);
    else if (h)
        snprintf(out, FD__DURATION_MAX, "%llu d %llu h", d, h);
    else
        snprintf(out, FD__DURATION_MAX, "%llu d", d);
}
