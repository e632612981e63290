/*
 * Money: each library call against the obvious hand-written baseline measured
 * in the same run, ratio = baseline time / library time (higher is better).
 *   parse   fd_money_parse ("¥1,234.50", grouping, checks) vs strtod + llround
 *           on the same amounts without symbol or grouping (which gets
 *           0.29 wrong half the time and accepts "1.234": it is only a speed bar)
 *   upper   fd_money_upper (capital numerals) vs snprintf("%lld.%02lld")
 *   format  fd_money_format ("¥1,234.50") vs snprintf("¥%lld.%02lld")
 *   ratio   fd_money_mul_ratio (exact, half-up) vs llround(fen * 0.7)
 * All with one reused fd_buf, so the loops allocate nothing.
 */
#include "bench.h"

#include <frontdesk/common.h>
#include <frontdesk/money.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMOUNTS 4096

static volatile int64_t sink;

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 4000000, 20000);
    static int64_t amounts[NAMOUNTS];
    static char text[NAMOUNTS][40], plain[NAMOUNTS][40];
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < NAMOUNTS; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        /* amounts a front desk sees: mostly 1 fen .. 100,000 yuan, a few large */
        int64_t v = (int64_t)(x % (i % 16 == 0 ? 9999999999u : 10000000u));
        amounts[i] = v;
    }
    fd_buf b = FD_BUF_INIT;
    for (int i = 0; i < NAMOUNTS; i++) {
        fd_money_format(&b, amounts[i], NULL);
        snprintf(text[i], sizeof text[i], "%s", b.ptr);
        snprintf(plain[i], sizeof plain[i], "%lld.%02lld", (long long)(amounts[i] / 100),
                 (long long)(amounts[i] % 100));
    }

    /* parse */
    double t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int64_t v;
        if (fd_money_parse(&v, text[i % NAMOUNTS]) != FD_OK)
            abort();
        sink += v;
    }
    double lib = bench_now() - t0;
    t0 = bench_now();
    for (long i = 0; i < n; i++)
        sink += llround(strtod(plain[i % NAMOUNTS], NULL) * 100.0);
    double base = bench_now() - t0;
    bench_figure("money_parse", "fd_money_parse", n / lib / 1e6, "M amounts/s");
    bench_figure("money_parse", "strtod baseline", n / base / 1e6, "M amounts/s");
    bench_ratio("money_parse", base / lib, 0.5);

    /* upper */
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        fd_money_upper(&b, amounts[i % NAMOUNTS]);
        sink += (int64_t)b.size;
    }
    lib = bench_now() - t0;
    char out[64];
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int64_t v = amounts[i % NAMOUNTS];
        sink += snprintf(out, sizeof out, "%lld.%02lld", (long long)(v / 100), (long long)(v % 100));
    }
    base = bench_now() - t0;
    bench_figure("money_upper", "fd_money_upper", n / lib / 1e6, "M amounts/s");
    bench_figure("money_upper", "snprintf baseline", n / base / 1e6, "M amounts/s");
    bench_ratio("money_upper", base / lib, 0.5);

    /* format */
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        fd_money_format(&b, amounts[i % NAMOUNTS], NULL);
        sink += (int64_t)b.size;
    }
    lib = bench_now() - t0;
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int64_t v = amounts[i % NAMOUNTS];
        sink += snprintf(out, sizeof out, "\xC2\xA5%lld.%02lld", (long long)(v / 100), (long long)(v % 100));
    }
    base = bench_now() - t0;
    bench_figure("money_format", "fd_money_format", n / lib / 1e6, "M amounts/s");
    bench_figure("money_format", "snprintf baseline", n / base / 1e6, "M amounts/s");
    bench_ratio("money_format", base / lib, 1.0);

    /* mul_ratio (R-FEE-7: 70 %) */
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int64_t v;
        fd_money_mul_ratio(&v, amounts[i % NAMOUNTS], 70, 100, FD_MONEY_ROUND_HALF_UP);
        sink += v;
    }
    lib = bench_now() - t0;
    t0 = bench_now();
    for (long i = 0; i < n; i++)
        sink += llround((double)amounts[i % NAMOUNTS] * 0.7);
    base = bench_now() - t0;
    bench_figure("money_mul_ratio", "fd_money_mul_ratio", n / lib / 1e6, "M calls/s");
    bench_figure("money_mul_ratio", "double baseline", n / base / 1e6, "M calls/s");
    /* The baseline is one multiply (and wrong beyond 2^53 fen); exact division costs more. */
    bench_ratio("money_mul_ratio", base / lib, 0.25);

    fd_buf_dispose(&b);
    return 0;
}
