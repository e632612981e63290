/* The error model, buffers and dates (design.md: C conventions). */
#include "fd_test.h"
#include "internal.h"

#include <pthread.h>

Test(common, status_names_cover_every_code)
{
    cr_assert_str_eq(fd_status_name(FD_OK), "FD_OK");
    cr_assert_str_eq(fd_status_name(FD_EINVAL), "FD_EINVAL");
    cr_assert_str_eq(fd_status_name(FD_EDATA), "FD_EDATA");
    cr_assert_str_eq(fd_status_name(42), "FD_UNKNOWN");
    for (int c = FD_EDATA; c <= FD_OK; c++)
        cr_assert_str_neq(fd_status_name(c), "FD_UNKNOWN", "code %d has no name", c);
}

Test(common, error_last_names_field_and_value)
{
    fd_error_clear();
    cr_assert_eq(fd_error_last()->code, FD_OK);
    cr_assert_str_eq(fd_error_last()->message, "");
    fd_date d;
    fd_assert_error(fd_date_parse(&d, "2026-13-01"), FD_EINVAL, "month");
    fd_assert_error(fd_date_parse(&d, "2026-02-29"), FD_EINVAL, "2026-02 has no day 29");
    /* each message names the public function that was called */
    fd_assert_error(fd_date_parse(&d, "2026-13-01"), FD_EINVAL, "fd_date_parse: text: month 13 is outside 1..12");
    fd_assert_error(fd_date_check((fd_date){ 0, 1, 1 }), FD_EINVAL, "fd_date_check: date: year 0 is outside 1..9999");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_date_format(&b, (fd_date){ 2025, 2, 29 }), FD_EINVAL, "fd_date_format: date: 2025-02 has no day 29");
    fd_buf_dispose(&b);
    fd_assert_error(fd_date_parse(&d, "26-2-1"), FD_EINVAL, "'26-2-1'");
    fd_assert_error(fd_date_parse(NULL, "2026-01-01"), FD_EINVAL, "out");
    fd_assert_error(fd_date_parse(&d, NULL), FD_EINVAL, "text: must not be NULL");
    fd_error_clear();
    cr_assert_eq(fd_error_last()->code, FD_OK);
}

Test(common, error_message_is_valid_utf8_even_for_bad_input)
{
    fd_date d;
    fd_assert_error(fd_date_parse(&d, "20\xff\xfe-01-01"), FD_EINVAL, "not valid UTF-8");
    const char *m = fd_error_last()->message;
    cr_assert(fd__utf8_valid(m, strlen(m)), "message is not UTF-8: %s", m);
    cr_assert(strstr(m, "\\xFF\\xFE") != NULL, "bad bytes are shown escaped: %s", m);
}

static void *other_thread(void *arg)
{
    (void)arg;
    fd_date d;
    fd_date_parse(&d, "bad");
    return (void *)(intptr_t)fd_error_last()->code;
}

Test(common, error_is_thread_local)
{
    fd_error_clear();
    pthread_t t;
    pthread_create(&t, NULL, other_thread, NULL);
    void *code;
    pthread_join(t, &code);
    cr_assert_eq((intptr_t)code, FD_EINVAL);
    cr_assert_eq(fd_error_last()->code, FD_OK, "another thread's error leaked into this one");
}

Test(common, long_message_is_cut_at_a_character_boundary)
{
    char big[3000];
    size_t n = 0;
    while (n + 3 < sizeof big - 1) {
        memcpy(big + n, "长", 3);
        n += 3;
    }
    big[n] = '\0';
    fd__error(FD_EINVAL, "x: %s", big);
    const char *m = fd_error_last()->message;
    cr_assert_lt(strlen(m), 1024);
    cr_assert(fd__utf8_valid(m, strlen(m)));
}

Test(common, utf8_validator_rejects_overlong_surrogate_and_out_of_range)
{
    cr_assert(fd__utf8_valid("长沙𠮷", strlen("长沙𠮷")));
    cr_assert(!fd__utf8_valid("\xc0\xaf", 2));         /* overlong '/' */
    cr_assert(!fd__utf8_valid("\xed\xa0\x80", 3));     /* U+D800 */
    cr_assert(!fd__utf8_valid("\xf4\x90\x80\x80", 4)); /* U+110000 */
    cr_assert(!fd__utf8_valid("\xe9\x95", 2));         /* truncated */
    cr_assert(!fd__utf8_valid("\x80", 1));
}

/* One folding table for the number parsers (money, phone, idcard). */
Test(common, fold_char_folds_only_what_is_asked)
{
    const unsigned all = FD__FOLD_WIDTH | FD__FOLD_SPACE | FD__FOLD_DASH;
    cr_assert_eq(fd__fold_char(0xFF11, FD__FOLD_WIDTH), '1');    /* １ */
    cr_assert_eq(fd__fold_char(0xFF58, FD__FOLD_WIDTH), 'x');    /* ｘ */
    cr_assert_eq(fd__fold_char(0xFF0D, FD__FOLD_WIDTH), '-');    /* － */
    cr_assert_eq(fd__fold_char(0xFFE5, FD__FOLD_WIDTH), 0xA5);   /* ￥ → ¥ */
    cr_assert_eq(fd__fold_char(0x3000, FD__FOLD_SPACE), ' ');
    cr_assert_eq(fd__fold_char(0xA0, FD__FOLD_SPACE), ' ');
    cr_assert_eq(fd__fold_char('\t', FD__FOLD_SPACE), ' ');
    cr_assert_eq(fd__fold_char(0x2212, FD__FOLD_MINUS), '-');
    cr_assert_eq(fd__fold_char(0x2014, FD__FOLD_MINUS), 0x2014); /* a dash is no minus sign */
    cr_assert_eq(fd__fold_char(0x2014, FD__FOLD_DASH), '-');
    cr_assert_eq(fd__fold_char(0x30FC, FD__FOLD_DASH), '-');
    /* nothing asked, nothing folded; other characters pass through */
    cr_assert_eq(fd__fold_char(0xFF11, FD__FOLD_SPACE), 0xFF11);
    cr_assert_eq(fd__fold_char(0x3000, FD__FOLD_WIDTH), 0x3000);
    cr_assert_eq(fd__fold_char(0x4E2D, all), 0x4E2D);
    cr_assert_eq(fd__fold_char('7', all), '7');
}

/* R-COM-2: how messages quote a number that may be personal data. */
Test(common, redact_shows_length_and_at_most_3_plus_2_characters)
{
    char out[FD__REDACT_MAX];
    fd__redact(out, "13812345678");
    cr_assert_str_eq(out, "'138****78' (11 characters)");
    fd__redact(out, "11010519491231002X11010519491231002X");
    cr_assert_str_eq(out, "'110****2X' (36 characters)");
    fd__redact(out, "１３８１２３");
    cr_assert_str_eq(out, "'１３****３' (6 characters)");
    fd__redact(out, "1234");
    cr_assert_str_eq(out, "'1****4' (4 characters)");
    fd__redact(out, "12");
    cr_assert_str_eq(out, "'****' (2 characters)");
    fd__redact(out, "x");
    cr_assert_str_eq(out, "'****' (1 character)");
    fd__redact(out, "");
    cr_assert_str_eq(out, "'' (0 characters)");
    fd__redact(out, "1381234\xff");
    cr_assert_str_eq(out, "'13****4\xff' (8 bytes)");
    fd_assert_error(fd__check_text_redacted("fd_x", "text", "13812345678\xff"), FD_EINVAL,
                    "fd_x: text: not valid UTF-8: '138****8\\xFF' (12 bytes)");
    fd_assert_error(fd__check_text_redacted("fd_x", "text", NULL), FD_EINVAL, "fd_x: text: must not be NULL");
    cr_assert_eq(fd__check_text_redacted("fd_x", "text", "13812345678"), FD_OK);
}

Test(common, version_matches_macros)
{
    cr_assert_str_eq(fd_version(), FD_VERSION_STRING);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", FD_VERSION_MAJOR, FD_VERSION_MINOR, FD_VERSION_PATCH);
    cr_assert_str_eq(fd_version(), want);
}

Test(common, buf_grows_and_is_reused)
{
    fd_buf b = FD_BUF_INIT;
    fd_date d = { 2026, 2, 14 };
    fd_assert_ok(fd_date_format(&b, d));
    cr_assert_str_eq(b.ptr, "2026-02-14");
    cr_assert_eq(b.size, 10);
    char *first = b.ptr;
    fd_assert_ok(fd_date_format(&b, (fd_date){ 1, 1, 1 }));
    cr_assert_str_eq(b.ptr, "0001-01-01");
    cr_assert_eq(b.ptr, first, "a second call reallocated a big enough buffer");
    fd_assert_error(fd_date_format(&b, (fd_date){ 2026, 2, 30 }), FD_EINVAL, "day");
    fd_buf_dispose(&b);
    cr_assert_null(b.ptr);
    fd_buf_dispose(&b);
    fd_buf_dispose(NULL);
}

Test(common, days_from_civil_round_trips)
{
    cr_assert_eq(fd__days_from_civil(1970, 1, 1), 0);
    cr_assert_eq(fd__days_from_civil(2026, 2, 14), 20498);
    for (int64_t z = fd__days_from_civil(1, 1, 1); z < fd__days_from_civil(9999, 12, 31); z += 97) {
        fd_date d = fd__civil_from_days(z);
        cr_assert_eq(fd_date_check(d), FD_OK);
        cr_assert_eq(fd__days_from_civil(d.year, d.month, d.day), z);
    }
}

Test(common, local_day_bounds_follow_the_zone)
{
    int64_t a, b;
    fd__zone *sh = fd__zone_open("t", "tz", "Asia/Shanghai");
    cr_assert_not_null(sh);
    fd_assert_ok(fd__zone_day_bounds(sh, "t", (fd_date){ 2026, 11, 23 }, &a, &b));
    cr_assert_eq(a, 1795363200); /* 2026-11-22T16:00:00Z */
    cr_assert_eq(b - a, 86400);
    char local[32];
    fd_assert_ok(fd__zone_format(sh, "t", a + 17 * 3600 + 55 * 60, local));
    cr_assert_str_eq(local, "2026-11-23 17:55");
    fd__zone_close(sh);
    /* New York on the day DST ends has 25 hours. */
    fd__zone *ny = fd__zone_open("t", "tz", "America/New_York");
    fd_assert_ok(fd__zone_day_bounds(ny, "t", (fd_date){ 2026, 11, 1 }, &a, &b));
    cr_assert_eq(b - a, 90000);
    fd__zone_close(ny);
    cr_assert_null(fd__zone_open("t", "tz", "Mars/Olympus"));
    cr_assert_eq(fd_error_last()->code, FD_EINVAL);
    cr_assert(strstr(fd_error_last()->message, "Mars/Olympus") != NULL);
    fd__zone_close(NULL);
}
