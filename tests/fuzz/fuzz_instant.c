/*
 * Dates and instants on arbitrary fields and int64 (built with UBSan):
 * fd_date_check accepts exactly the real days of 0001..9999 (proleptic
 * Gregorian), fd_date_format writes them as YYYY-MM-DD that fd_date_parse
 * reads back, and refuses the rest with an empty buffer; fd_instant_check
 * accepts exactly FD_INSTANT_MIN..FD_INSTANT_MAX, and fd_instant_to_local /
 * fd_instant_format / fd_instant_from_local agree with it and with each
 * other in fixed-offset zones (where local time is exact arithmetic).
 */
#include "fuzz.h"

#include <stdio.h>

static bool leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool real_day(int64_t y, int64_t m, int64_t d)
{
    static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= dim[m - 1] + (m == 2 && leap(y));
}

/* Days from 1970-01-01 (H. Hinnant's algorithm, written again here as the oracle). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void check_date(fd_date d)
{
    bool real = real_day(d.year, d.month, d.day);
    fd_status rc = fd_date_check(d);
    fz_status(rc);
    CHECK((rc == FD_OK) == real);
    fd_buf b = FD_BUF_INIT;
    fz_stale(&b);
    rc = fd_date_format(&b, d);
    fz_after(rc, &b);
    CHECK((rc == FD_OK) == real);
    if (real) {
        char want[16];
        snprintf(want, sizeof want, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
        CHECK(strcmp(b.ptr, want) == 0);
        fd_date back = { 0, 0, 0 };
        CHECK(fd_date_parse(&back, b.ptr) == FD_OK && back.year == d.year && back.month == d.month &&
              back.day == d.day);
    }
    fd_buf_dispose(&b);
}

/* Fixed-offset zones: local time is the instant plus the offset, exactly. */
static const struct {
    const char *zone;
    int offset;
} ZONES[] = { { "UTC", 0 }, { "Etc/GMT-8", 8 * 3600 }, { "Etc/GMT+12", -12 * 3600 }, { "Etc/GMT-14", 14 * 3600 } };

static void check_instant(int64_t at, int z)
{
    bool in_range = at >= FD_INSTANT_MIN && at <= FD_INSTANT_MAX;
    fd_status rc = fd_instant_check(at);
    fz_status(rc);
    CHECK(rc == (in_range ? FD_OK : FD_ERANGE));
    /* The local date must be one an fd_date holds too (common.h). */
    in_range = in_range && at + ZONES[z].offset >= FD_INSTANT_MIN && at + ZONES[z].offset <= FD_INSTANT_MAX;
    const char *zone = ZONES[z].zone;
    fd_local_time t = { { -1, -1, -1 }, -1, -1, -1, -1 };
    rc = fd_instant_to_local(&t, zone, at);
    fz_status(rc);
    CHECK(rc == (in_range ? FD_OK : FD_ERANGE));
    fd_buf b = FD_BUF_INIT;
    fz_stale(&b);
    fd_status frc = fd_instant_format(&b, zone, at);
    fz_after(frc, &b);
    CHECK((frc == FD_OK) == in_range);
    if (!in_range) {
        CHECK(t.hour == -1);
        fd_buf_dispose(&b);
        return;
    }
    /* The oracle: the civil date and time of at + offset. */
    int64_t local = at + ZONES[z].offset, days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    int64_t secs = local - days * 86400;
    CHECK(t.utc_offset_s == ZONES[z].offset);
    CHECK(t.hour == secs / 3600 && t.minute == secs / 60 % 60 && t.second == secs % 60);
    CHECK(days_from_civil(t.date.year, t.date.month, t.date.day) == days);
    int off = ZONES[z].offset < 0 ? -ZONES[z].offset : ZONES[z].offset;
    char want[40];
    snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", (int)t.date.year, (int)t.date.month,
             (int)t.date.day, (int)t.hour, (int)t.minute, (int)t.second, ZONES[z].offset < 0 ? '-' : '+',
             off / 3600, off / 60 % 60);
    CHECK(strcmp(b.ptr, want) == 0);
    int64_t back = 0;
    rc = fd_instant_from_local(&back, zone, t);
    fz_status(rc);
    CHECK(rc == FD_OK && back == at);
    fd_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = { data, size };
    for (int step = 0; step < 8 && f.n > 0; step++) {
        uint8_t sel = fz_u8(&f);
        fd_date d;
        if (sel & 1) { /* any fields */
            d.year = fz_i32(&f);
            d.month = fz_i32(&f);
            d.day = fz_i32(&f);
        } else { /* near real days */
            d.year = (int32_t)(fz_u64(&f, 2) % 10002);
            d.month = (int32_t)(fz_u8(&f) % 14);
            d.day = (int32_t)(fz_u8(&f) % 33);
        }
        check_date(d);
        /* Any int64, or one in the range give or take 2 s (the edges matter). */
        uint64_t span = (uint64_t)(FD_INSTANT_MAX - FD_INSTANT_MIN) + 5;
        int64_t at = sel & 2 ? fz_i64(&f) : FD_INSTANT_MIN - 2 + (int64_t)(fz_u64(&f, 8) % span);
        check_instant(at, (sel >> 2) % 4);
    }
    return 0;
}
