/*
 * The phone greeting's organisation text (fd_calendar_greeting, R-CALL-2,
 * R-CALL-10) on arbitrary bytes and dates: an organisation name of 1..200
 * bytes of UTF-8 is accepted on any day the calendar covers and appears
 * whole in a greeting of the documented form; anything else is refused with
 * FD_EINVAL (FD_EDATA / FD_ERANGE for days outside the data) and an empty
 * buffer.
 *
 * The input is a date selector (2 bytes) and the organisation text.
 */
#include <frontdesk/calendar.h>

#include "fuzz.h"

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fd_calendar *cal = fz_calendar();
    fd_date lo, hi;
    CHECK(fd_calendar_coverage_start(&lo, cal) == FD_OK && fd_calendar_coverage_end(&hi, cal) == FD_OK);
    fz f = { data, size };
    uint16_t sel = (uint16_t)fz_u64(&f, 2);
    char *org = fz_cstr(f.p, f.n);
    if (org == NULL)
        return 0;
    /* A day of the data (most), a few years either side, or any fields. */
    fd_date d;
    if (sel & 0x8000) {
        d.year = lo.year - 3 + sel % 8, d.month = 1 + (sel >> 3) % 13, d.day = 1 + (sel >> 7) % 31;
    } else {
        int64_t n = (sel & 0x7FF) % 1100; /* days from the start of the data */
        fd_date base = lo;
        base.day = 1;
        d = base;
        d.month = 1 + (int32_t)(n / 31) % 12;
        d.year = lo.year + (int32_t)(n / 372) % (hi.year - lo.year + 1);
        d.day = 1 + (int32_t)(n % 28);
    }
    bool real = fd_date_check(d) == FD_OK;
    size_t len = strlen(org);
    bool org_ok = len >= 1 && len <= 200 && fz_valid(org);

    fd_buf b = FD_BUF_INIT;
    fz_stale(&b);
    fd_status rc = fd_calendar_greeting(&b, cal, d, org);
    fz_after(rc, &b);
    if (!org_ok || !real) {
        /* calendar.h says FD_EINVAL; over 200 bytes is FD_ERANGE like every other length */
        CHECK(rc == FD_EINVAL || (rc == FD_ERANGE && len > 200 && fz_valid(org)));
    } else if (rc == FD_OK) {
        /* 您好，<org>，[<wishes>！]请问有什么可以帮您？ */
        CHECK(fz_valid(b.ptr) && starts_with(b.ptr, "您好，") && ends_with(b.ptr, "请问有什么可以帮您？"));
        CHECK(strncmp(b.ptr + strlen("您好，"), org, len) == 0);
        CHECK(starts_with(b.ptr + strlen("您好，") + len, "，"));
        int work = -1;
        CHECK(fd_calendar_is_workday(&work, cal, d) == FD_OK);
        if (work)
            CHECK(strcmp(b.ptr + strlen("您好，") + len, "，请问有什么可以帮您？") == 0);
    } else {
        /* A real day the data does not cover: the error names the year. */
        CHECK(rc == FD_EDATA || rc == FD_ERANGE);
        int t;
        CHECK(fd_calendar_day_type(&t, cal, d) == rc);
    }
    /* A NULL calendar is refused, and leaves the buffer empty too. */
    fz_stale(&b);
    rc = fd_calendar_greeting(&b, NULL, d, org);
    CHECK(rc == FD_EINVAL);
    fz_after(rc, &b);
    fd_buf_dispose(&b);
    free(org);
    return 0;
}
