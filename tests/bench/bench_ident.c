/*
 * Phones and ID numbers: each library call against a hand-written baseline
 * measured in the same run, ratio = baseline time / library time.
 *   phone   fd_phone_parse (full-width folding, +86, area-code table, messages)
 *           vs a loop that keeps the digits and checks an 11-digit mobile shape
 *   mask    fd_phone_mask into a reused fd_buf vs the same digit loop + memcpy
 *   idcard  fd_idcard_is_valid (shape, region, date, checksum) vs a bare ISO 7064
 *           MOD 11-2 checksum loop
 * The baselines check almost nothing, so the target is only that the library
 * stays within 20x of them (ratio >= 0.05); fd_idcard_is_valid formats no message.
 */
#include "bench.h"

#include <frontdesk/common.h>
#include <frontdesk/idcard.h>
#include <frontdesk/phone.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NITEMS 1024

static volatile long sink;

/* The baseline: digits only, then "is it 1[3-9] + 9 digits". */
static int naive_mobile(const char *s, char out[16])
{
    size_t n = 0;
    for (; *s; s++)
        if (*s >= '0' && *s <= '9') {
            if (n == 15)
                return 0;
            out[n++] = *s;
        }
    out[n] = '\0';
    return n == 11 && out[0] == '1' && out[1] >= '3';
}

static int naive_checksum(const char *s)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    if (strlen(s) != 18)
        return 0;
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (s[i] - '0') * w[i];
    char c = "10X98765432"[sum % 11];
    return c == (s[17] == 'x' ? 'X' : s[17]);
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 3000000, 10000);
    static char phones[NITEMS][32], ids[NITEMS][24];
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    unsigned x = 12345;
    for (int i = 0; i < NITEMS; i++) {
        x = x * 1103515245u + 12345u;
        snprintf(phones[i], sizeof phones[i], i % 2 ? "13%u %04u %04u" : "+86 13%u-%04u-%04u", 3 + x % 7,
                 (x >> 4) % 10000, (x >> 9) % 10000);
        snprintf(ids[i], sizeof ids[i], "110105%04u%02u%02u%03u", 1950 + x % 60, 1 + (x >> 3) % 12,
                 1 + (x >> 7) % 28, (x >> 11) % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++)
            sum += (ids[i][k] - '0') * w[k];
        ids[i][17] = "10X98765432"[sum % 11];
        ids[i][18] = '\0';
    }
    const fd_date today = { 2026, 11, 23 };

    double t0 = bench_now();
    for (long i = 0; i < n; i++) {
        fd_phone p;
        if (fd_phone_parse(&p, phones[i % NITEMS]) != FD_OK)
            abort();
        sink += p.national[10];
    }
    double lib = bench_now() - t0;
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        char d[16];
        sink += naive_mobile(phones[i % NITEMS], d);
    }
    double base = bench_now() - t0;
    bench_figure("phone_parse", "fd_phone_parse", n / lib / 1e6, "M numbers/s");
    bench_figure("phone_parse", "digit-loop baseline", n / base / 1e6, "M numbers/s");
    bench_ratio("phone_parse", base / lib, 0.05);

    fd_buf b = FD_BUF_INIT;
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        fd_phone_mask(&b, phones[i % NITEMS]);
        sink += b.ptr[0];
    }
    lib = bench_now() - t0;
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        char d[16], m[16];
        naive_mobile(phones[i % NITEMS], d);
        memcpy(m, d, 3);
        memcpy(m + 3, "****", 4);
        memcpy(m + 7, d + 7, 5);
        sink += m[10];
    }
    base = bench_now() - t0;
    bench_figure("phone_mask", "fd_phone_mask", n / lib / 1e6, "M numbers/s");
    bench_figure("phone_mask", "digit-loop baseline", n / base / 1e6, "M numbers/s");
    bench_ratio("phone_mask", base / lib, 0.05);

    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int v;
        fd_idcard_is_valid(&v, ids[i % NITEMS], today);
        sink += v;
    }
    lib = bench_now() - t0;
    t0 = bench_now();
    for (long i = 0; i < n; i++)
        sink += naive_checksum(ids[i % NITEMS]);
    base = bench_now() - t0;
    bench_figure("idcard_valid", "fd_idcard_is_valid", n / lib / 1e6, "M numbers/s");
    bench_figure("idcard_valid", "checksum-loop baseline", n / base / 1e6, "M numbers/s");
    bench_ratio("idcard_valid", base / lib, 0.05);
    fd_buf_dispose(&b);
    return 0;
}
