/*
 * The calendar's table look-ups against the naive day-by-day loops a caller
 * would otherwise write (issue #5): add_working_days and business-hours
 * deadlines over spans of 30 working days (target >= 10x the loop, more than
 * 5 million deadlines/s) and is_workday (more than 50 million/s).
 */
#include "bench.h"
#include "internal.h"

#include <frontdesk/calendar.h>
#include <stdio.h>
#include <stdlib.h>

static volatile int64_t sink;

/* Naive: step one day at a time, asking is_workday each time. */
static fd_date naive_add_working_days(const fd_calendar *cal, fd_date d, int n)
{
    int64_t day = fd__days_from_civil(d.year, d.month, d.day);
    while (n > 0) {
        day++;
        int w = 0;
        if (fd_calendar_is_workday(&w, cal, fd__civil_from_days(day)) != FD_OK)
            abort();
        n -= w;
    }
    return fd__civil_from_days(day);
}

/* Naive: walk the days from the start, taking each working day's intervals (08:30-12:00,
 * 13:30-17:30 at UTC+8) until the business seconds are used up. */
static int64_t naive_business_deadline(const fd_calendar *cal, int64_t start, int64_t secs)
{
    static const int32_t ivl[2][2] = { { 8 * 3600 + 1800, 12 * 3600 }, { 13 * 3600 + 1800, 17 * 3600 + 1800 } };
    int64_t day = (start + 8 * 3600) / 86400;
    for (;; day++) {
        int w = 0;
        if (fd_calendar_is_workday(&w, cal, fd__civil_from_days(day)) != FD_OK)
            abort();
        if (!w)
            continue;
        int64_t midnight = day * 86400 - 8 * 3600;
        for (int k = 0; k < 2; k++) {
            int64_t a = midnight + ivl[k][0], b = midnight + ivl[k][1];
            if (start > a)
                a = start < b ? start : b;
            if (b - a >= secs)
                return a + secs;
            secs -= b - a;
        }
    }
}

int main(int argc, char **argv)
{
    fd_calendar *cal;
    if (fd_calendar_new(&cal) != FD_OK) {
        fprintf(stderr, "%s\n", fd_error_last()->message);
        return 1;
    }
    long n = bench_n(argc, argv, 2000000, 2000);
    long days = 1096 - 60; /* start days 2024-01-01 .. 2026-10-31, so that +30 working days stays covered */
    int64_t first = fd__days_from_civil(2024, 1, 1);

    /* Check that both ways agree before timing them. */
    for (long i = 0; i < days; i += 7) {
        fd_date d = fd__civil_from_days(first + i), a, b = naive_add_working_days(cal, d, 30);
        int64_t t = (first + i) * 86400 + 3600 * (i % 24), x, y = naive_business_deadline(cal, t, 225 * 3600);
        if (fd_calendar_add_working_days(&a, cal, d, 30) != FD_OK || a.year != b.year || a.month != b.month ||
            a.day != b.day || fd_calendar_deadline(&x, cal, t, 225, FD_CALENDAR_UNIT_BUSINESS_HOURS, NULL) != FD_OK ||
            x != y) {
            fprintf(stderr, "mismatch at day %ld\n", i);
            return 1;
        }
    }

    /* is_workday, over the dates of 2024-2026 */
    static fd_date dates[1096];
    for (int i = 0; i < 1096; i++)
        dates[i] = fd__civil_from_days(first + i);
    double t0 = bench_now();
    int64_t acc = 0;
    for (long i = 0, k = 0; i < n * 10; i++, k = k == 1095 ? 0 : k + 1) {
        int w = 0;
        fd_calendar_is_workday(&w, cal, dates[k]);
        acc += w;
    }
    double t1 = bench_now();
    sink = acc;
    bench_figure("calendar", "is_workday", (double)n * 10 / (t1 - t0), "calls/s");
    bench_ratio("calendar.is_workday_per_s_vs_50M", (double)n * 10 / (t1 - t0) / 50e6, 1.0);

    /* add_working_days: table vs naive loop, spans of 30 working days */
    long loops = n / 10 > 0 ? n / 10 : 1;
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        fd_date out;
        fd_calendar_add_working_days(&out, cal, dates[i % days], 30);
        acc += out.day;
    }
    t1 = bench_now();
    double lib = (double)n / (t1 - t0);
    t0 = bench_now();
    for (long i = 0; i < loops; i++)
        acc += naive_add_working_days(cal, dates[i % days], 30).day;
    t1 = bench_now();
    double naive = (double)loops / (t1 - t0);
    sink = acc;
    bench_figure("calendar", "add_working_days(30)", lib, "calls/s");
    bench_figure("calendar", "naive day-by-day loop(30)", naive, "calls/s");
    bench_ratio("calendar.add_working_days_vs_naive", lib / naive, 10.0);

    /* business-hours deadline: 225 business hours = 30 working days */
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int64_t due;
        fd_calendar_deadline(&due, cal, (first + i % days) * 86400 + 37 * i % 86400, 225,
                             FD_CALENDAR_UNIT_BUSINESS_HOURS, NULL);
        acc += due;
    }
    t1 = bench_now();
    lib = (double)n / (t1 - t0);
    t0 = bench_now();
    for (long i = 0; i < loops; i++)
        acc += naive_business_deadline(cal, (first + i % days) * 86400 + 37 * i % 86400, 225 * 3600);
    t1 = bench_now();
    naive = (double)loops / (t1 - t0);
    sink = acc;
    bench_figure("calendar", "deadline(225 business hours)", lib, "calls/s");
    bench_figure("calendar", "naive day-by-day deadline", naive, "calls/s");
    bench_ratio("calendar.business_deadline_vs_naive", lib / naive, 10.0);
    bench_ratio("calendar.deadlines_per_s_vs_5M", lib / 5e6, 1.0);

    /* working-day deadline, for information */
    t0 = bench_now();
    for (long i = 0; i < n; i++) {
        int64_t due;
        fd_calendar_deadline(&due, cal, (first + i % days) * 86400 + 37 * i % 86400, 30,
                             FD_CALENDAR_UNIT_WORKING_DAYS, NULL);
        acc += due;
    }
    t1 = bench_now();
    sink = acc;
    bench_figure("calendar", "deadline(30 working days)", (double)n / (t1 - t0), "calls/s");
    fd_calendar_free(cal);
    return 0;
}
