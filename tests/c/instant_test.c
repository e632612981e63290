/* Instants and site-local time (R-COM-1: local times in the site's zone). */
#include "fd_test.h"

static fd_local_time lt(int y, int mo, int d, int h, int mi, int s)
{
    fd_local_time t = { { y, mo, d }, h, mi, s, 0 };
    return t;
}

Test(instant, shanghai_round_trip_R_COM_1)
{
    int64_t at = 0;
    fd_assert_ok(fd_instant_from_local(&at, "Asia/Shanghai", lt(2026, 11, 20, 8, 41, 0)));
    cr_assert_eq(at, 1795135260);
    fd_local_time t;
    fd_assert_ok(fd_instant_to_local(&t, "Asia/Shanghai", at));
    cr_assert(t.date.year == 2026 && t.date.month == 11 && t.date.day == 20 && t.hour == 8 && t.minute == 41);
    cr_assert_eq(t.utc_offset_s, 8 * 3600);
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_instant_format(&b, "Asia/Shanghai", at));
    cr_assert_str_eq(b.ptr, "2026-11-20T08:41:00+08:00");
    fd_assert_ok(fd_instant_format(&b, "America/New_York", at));
    cr_assert_str_eq(b.ptr, "2026-11-19T19:41:00-05:00");
    fd_assert_ok(fd_instant_format(&b, "Asia/Kolkata", 0));
    cr_assert_str_eq(b.ptr, "1970-01-01T05:30:00+05:30");
    fd_buf_dispose(&b);
}

Test(instant, skipped_hour_moves_forward_and_repeated_hour_takes_the_first)
{
    int64_t at = 0;
    /* 2026-03-08 02:30 does not exist in New York: read as 03:30 EDT. */
    fd_assert_ok(fd_instant_from_local(&at, "America/New_York", lt(2026, 3, 8, 2, 30, 0)));
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_instant_format(&b, "America/New_York", at));
    cr_assert_str_eq(b.ptr, "2026-03-08T03:30:00-04:00");
    /* 2026-11-01 01:30 happens twice: the first (EDT). */
    fd_assert_ok(fd_instant_from_local(&at, "America/New_York", lt(2026, 11, 1, 1, 30, 0)));
    fd_assert_ok(fd_instant_format(&b, "America/New_York", at));
    cr_assert_str_eq(b.ptr, "2026-11-01T01:30:00-04:00");
    fd_buf_dispose(&b);
}

Test(instant, range_and_bad_input_are_refused_naming_the_field)
{
    int64_t at = 0;
    fd_local_time t;
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_instant_check(FD_INSTANT_MIN));
    fd_assert_ok(fd_instant_check(FD_INSTANT_MAX));
    fd_assert_error(fd_instant_check(FD_INSTANT_MAX + 1), FD_ERANGE, "9999-12-31T23:59:59Z");
    fd_assert_error(fd_instant_check(INT64_MIN), FD_ERANGE, "at");
    fd_assert_error(fd_instant_to_local(&t, "Asia/Shanghai", INT64_MAX), FD_ERANGE, "at");
    fd_assert_ok(fd_instant_format(&b, "UTC", FD_INSTANT_MAX));
    cr_assert_str_eq(b.ptr, "9999-12-31T23:59:59+00:00");
    fd_assert_ok(fd_instant_format(&b, "UTC", FD_INSTANT_MIN));
    cr_assert_str_eq(b.ptr, "0001-01-01T00:00:00+00:00");
    fd_assert_error(fd_instant_format(&b, "Mars/Olympus", 0), FD_EINVAL, "time_zone");
    cr_assert_str_eq(b.ptr, "", "a failed call leaves the buffer empty");
    fd_assert_error(fd_instant_from_local(&at, "Asia/Shanghai", lt(2026, 2, 30, 0, 0, 0)), FD_EINVAL, "local.date");
    fd_assert_error(fd_instant_from_local(&at, "Asia/Shanghai", lt(2026, 2, 3, 24, 0, 0)), FD_EINVAL, "local.hour");
    fd_assert_error(fd_instant_from_local(&at, "Asia/Shanghai", lt(2026, 2, 3, 1, 60, 0)), FD_EINVAL, "local.minute");
    fd_assert_error(fd_instant_from_local(&at, "Asia/Shanghai", lt(2026, 2, 3, 1, 0, -1)), FD_EINVAL, "local.second");
    fd_assert_error(fd_instant_from_local(&at, NULL, lt(2026, 2, 3, 1, 0, 0)), FD_EINVAL, "time_zone");
    fd_assert_error(fd_instant_from_local(NULL, "UTC", lt(2026, 2, 3, 1, 0, 0)), FD_EINVAL, "out");
    fd_assert_error(fd_instant_to_local(NULL, "UTC", 0), FD_EINVAL, "out");
    fd_buf_dispose(&b);
}

/* Found by fuzz_names: near the ends a zone's local date left the years an fd_date holds (year 0, 10000). */
Test(instant, a_local_date_outside_1_to_9999_is_out_of_range)
{
    fd_local_time t = { { 7, 7, 7 }, 7, 7, 7, 7 };
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_instant_to_local(&t, "Etc/GMT+12", FD_INSTANT_MIN), FD_ERANGE, "year 0");
    cr_assert_eq(t.date.year, 7, "outputs are written only on success");
    fd_assert_error(fd_instant_format(&b, "Etc/GMT-14", FD_INSTANT_MAX), FD_ERANGE, "year 10000");
    cr_assert(b.ptr == NULL || b.ptr[0] == '\0');
    fd_assert_ok(fd_instant_to_local(&t, "Etc/GMT-14", FD_INSTANT_MIN));
    cr_assert_eq(t.date.year, 1);
    cr_assert_eq(t.hour, 14);
    fd_assert_ok(fd_instant_format(&b, "Etc/GMT+12", FD_INSTANT_MAX));
    cr_assert_str_eq(b.ptr, "9999-12-31T11:59:59-12:00");
    fd_buf_dispose(&b);
}
