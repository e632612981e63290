/*
 * Money on arbitrary int64 (built with UBSan): fd_money_add / sub against the
 * compiler's overflow builtins, fd_money_mul_ratio and fd_money_round_to
 * against 128-bit arithmetic and the rounding rules of money.h in every mode
 * (and unknown modes, den 0, unit <= 0 refused), fd_money_format against a
 * reference rendering for every option, and fd_money_format / fd_money_upper
 * parsed back to the same amount. A refusal writes nothing and leaves the
 * buffer empty.
 *
 * The input is read as int64 amounts and small selectors (fuzz.h).
 */
#include <frontdesk/money.h>

#include "fuzz.h"

#include <stdio.h>

typedef __int128 i128;
typedef unsigned __int128 u128;

/* Rounds |p / d| (as magnitude q + r/d, with sign @neg) in @mode; money.h's rules. */
static u128 round_mag(u128 q, u128 r, u128 d, bool neg, int mode)
{
    bool up = false;
    switch (mode) {
    case FD_MONEY_ROUND_HALF_UP: up = 2 * r >= d && r > 0; break;
    case FD_MONEY_ROUND_HALF_EVEN: up = 2 * r > d || (2 * r == d && r > 0 && (q & 1)); break;
    case FD_MONEY_ROUND_DOWN: up = false; break;
    case FD_MONEY_ROUND_UP: up = r > 0; break;
    case FD_MONEY_ROUND_FLOOR: up = r > 0 && neg; break;
    case FD_MONEY_ROUND_CEILING: up = r > 0 && !neg; break;
    }
    return q + up;
}

/* The signed value of magnitude @m: false when it leaves int64. */
static bool to_i64(int64_t *out, u128 m, bool neg)
{
    if (neg ? m > (u128)INT64_MAX + 1 : m > (u128)INT64_MAX)
        return false;
    *out = neg ? (int64_t)(-(i128)m) : (int64_t)m;
    return true;
}

static u128 mag(i128 v)
{
    return v < 0 ? (u128)(-v) : (u128)v;
}

static void check_mul_ratio(int64_t fen, int64_t num, int64_t den, int mode)
{
    int64_t got = 0x5A5A, want = 0;
    fd_status rc = fd_money_mul_ratio(&got, fen, num, den, (fd_money_round)mode);
    fz_status(rc);
    if (den == 0 || mode < 0 || mode > 5) {
        CHECK(rc == FD_EINVAL && got == 0x5A5A);
        return;
    }
    i128 p = (i128)fen * num;
    bool neg = (p < 0) != (den < 0);
    u128 d = mag(den), q = mag(p) / d, r = mag(p) % d;
    bool fits = to_i64(&want, round_mag(q, r, d, neg && p != 0, mode), neg && p != 0);
    CHECK(rc == (fits ? FD_OK : FD_ERANGE));
    CHECK(fits ? got == want : got == 0x5A5A);
}

static void check_round_to(int64_t fen, int64_t unit, int mode)
{
    int64_t got = 0x5A5A, want = 0;
    fd_status rc = fd_money_round_to(&got, fen, unit, (fd_money_round)mode);
    fz_status(rc);
    if (unit <= 0 || mode < 0 || mode > 5) {
        CHECK(rc == FD_EINVAL && got == 0x5A5A);
        return;
    }
    bool neg = fen < 0;
    u128 d = (u128)unit, q = mag(fen) / d, r = mag(fen) % d;
    bool fits = to_i64(&want, round_mag(q, r, d, neg, mode) * d, neg);
    CHECK(rc == (fits ? FD_OK : FD_ERANGE));
    CHECK(fits ? got == want : got == 0x5A5A);
}

/* The reference rendering of money.h: [-][¥]digits grouped by 3 with ",".2 decimals. */
static void reference(char *out, size_t cap, int64_t fen, bool symbol, bool grouping)
{
    u128 m = mag(fen);
    unsigned long long yuan = (unsigned long long)(m / 100), cents = (unsigned long long)(m % 100);
    char digits[32], grouped[48];
    snprintf(digits, sizeof digits, "%llu", yuan);
    size_t n = strlen(digits), k = 0;
    for (size_t i = 0; i < n; i++) {
        if (grouping && i > 0 && (n - i) % 3 == 0)
            grouped[k++] = ',';
        grouped[k++] = digits[i];
    }
    grouped[k] = '\0';
    snprintf(out, cap, "%s%s%s.%02llu", fen < 0 ? "-" : "", symbol ? "\xC2\xA5" : "", grouped, cents);
}

static void check_format(int64_t fen, uint8_t sel, uint32_t version)
{
    fd_buf b = FD_BUF_INIT;
    fd_money_format_options o = FD_MONEY_FORMAT_OPTIONS_INIT;
    o.symbol = sel & 1 ? (int)(sel >> 4) - 8 : 1; /* any int: non-zero means yes */
    o.grouping = sel & 2 ? (int)(sel >> 2 & 3) : 1;
    if (sel & 0x80)
        o.version = version;
    fz_stale(&b);
    fd_status rc = fd_money_format(&b, fen, &o);
    fz_after(rc, &b);
    if (o.version != FD_MONEY_FORMAT_OPTIONS_VERSION) {
        CHECK(rc == FD_EINVAL);
    } else {
        char want[64];
        reference(want, sizeof want, fen, o.symbol != 0, o.grouping != 0);
        CHECK(rc == FD_OK && strcmp(b.ptr, want) == 0);
        int64_t back = 0;
        CHECK(fd_money_parse(&back, b.ptr) == FD_OK && back == fen);
    }
    fz_stale(&b);
    CHECK(fd_money_upper(&b, fen) == FD_OK && fz_valid(b.ptr));
    int64_t back = 0;
    CHECK(fd_money_parse(&back, b.ptr) == FD_OK && back == fen);
    fd_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = { data, size };
    for (int step = 0; step < 8 && f.n > 0; step++) {
        int64_t a = fz_num(&f), b = fz_num(&f), c = fz_num(&f);
        uint8_t sel = fz_u8(&f);
        int mode = sel & 0x40 ? (int)(int8_t)fz_u8(&f) : sel % 6;
        int64_t sum = 0x77, got = 0x77;
        bool over = __builtin_add_overflow(a, b, &sum);
        fd_status rc = fd_money_add(&got, a, b);
        fz_status(rc);
        CHECK(rc == (over ? FD_ERANGE : FD_OK) && got == (over ? 0x77 : sum));
        got = 0x77;
        over = __builtin_sub_overflow(a, b, &sum);
        rc = fd_money_sub(&got, a, b);
        fz_status(rc);
        CHECK(rc == (over ? FD_ERANGE : FD_OK) && got == (over ? 0x77 : sum));
        check_mul_ratio(a, b, c, mode);
        check_round_to(a, c, mode);
        check_format(a, sel, (uint32_t)b);
    }
    return 0;
}
