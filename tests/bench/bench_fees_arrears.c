/*
 * Arrears over 100,000 units (issue 14 item 9: < 100 ms): fd_store_arrears()
 * — age buckets, the last demand, the next dunning step and the limitation
 * end of every unit — against the baseline measured in the same run, a naive
 * raw-SQLite GROUP BY over the same bills table that ignores the partial
 * index (NOT INDEXED) and computes the buckets only.
 *
 * Data: 100,000 units; each has 12 monthly bills of 2026 with amounts from
 * ¥0.01 to ¥9,999.99; about a third are paid up, a third owe the last months,
 * a third owe from a random month on; one unit in ten has had a reminder, one
 * in three has an occupant. Warmed up once; the median of several runs.
 * `--smoke` runs 500 units.
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define T0 1795140000 /* 2026-11-20 10:00 +08:00 */

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        bench_die(sql, err);
}

static void fill(const char *path, long units)
{
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "open");
    fd_actor boot = FD_ACTOR_INIT;
    boot.at = T0;
    fd_site site = FD_SITE_INIT;
    site.code = "estate";
    site.name = "阳光花园";
    int64_t site_id, bid;
    bench_check(fd_store_site_add(&site_id, s, &boot, &site), "site");
    fd_actor sys = FD_ACTOR_INIT;
    sys.site_id = site_id;
    sys.at = T0;
    fd_building b = FD_BUILDING_INIT;
    b.code = "1";
    b.name = "1号楼";
    bench_check(fd_store_building_add(&bid, s, &sys, &b), "building");
    fd_store_close(s);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("open", sqlite3_errmsg(db));
    exec(db, "BEGIN");
    sqlite3_stmt *u, *bl, *o, *d;
    sqlite3_prepare_v2(db, "INSERT INTO units (site_id, created_at, building_id, number, use, area_m2x100) "
                           "VALUES (?1, 0, ?2, ?3, 'residential', 8888)", -1, &u, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO bills (site_id, created_at, unit_id, period, period_start, period_end, due_on, "
                           "amount, paid, adjusted, state, limitation_on) VALUES (?1, 0, ?2, 'month', ?3, ?4, ?5, ?6, "
                           "?7, 0, ?8, ?9)", -1, &bl, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO occupants (site_id, created_at, unit_id, name, role, move_in) "
                       "VALUES (?1, 0, ?2, '业主', 'owner', '2020-01-01')", -1, &o, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO dunning_steps (site_id, created_at, unit_id, step, channel, happened_on, owed) "
                       "VALUES (?1, 0, ?2, 'reminder', 'phone', '2026-10-20', 1)", -1, &d, NULL);
    for (long i = 0; i < units; i++) {
        char num[32];
        snprintf(num, sizeof num, "1-%ld", 101 + i);
        sqlite3_bind_int64(u, 1, site_id);
        sqlite3_bind_int64(u, 2, bid);
        sqlite3_bind_text(u, 3, num, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(u) != SQLITE_DONE)
            bench_die("unit", sqlite3_errmsg(db));
        sqlite3_reset(u);
        int64_t unit = sqlite3_last_insert_rowid(db);
        int kind = (int)(next() % 3);
        int owe_from = kind == 0 ? 13 : kind == 1 ? 10 : 1 + (int)(next() % 12);
        for (int m = 1; m <= 12; m++) {
            char start[11], end[11], due[11], lim[11];
            snprintf(start, sizeof start, "2026-%02d-01", m);
            snprintf(end, sizeof end, m == 12 ? "2027-01-01" : "2026-%02d-01", m + 1);
            snprintf(due, sizeof due, "2026-%02d-15", m);
            snprintf(lim, sizeof lim, "2029-%02d-15", m);
            int64_t amount = 1 + (int64_t)(next() % 999999);
            int64_t paid = m < owe_from ? amount : (next() % 5 == 0 ? amount / 2 : 0);
            sqlite3_bind_int64(bl, 1, site_id);
            sqlite3_bind_int64(bl, 2, unit);
            sqlite3_bind_text(bl, 3, start, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(bl, 4, end, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(bl, 5, due, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(bl, 6, amount);
            sqlite3_bind_int64(bl, 7, paid);
            sqlite3_bind_text(bl, 8, paid == amount ? "paid" : paid ? "partial" : "open", -1, SQLITE_STATIC);
            sqlite3_bind_text(bl, 9, lim, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(bl) != SQLITE_DONE)
                bench_die("bill", sqlite3_errmsg(db));
            sqlite3_reset(bl);
        }
        if (i % 3 == 0) {
            sqlite3_bind_int64(o, 1, site_id);
            sqlite3_bind_int64(o, 2, unit);
            if (sqlite3_step(o) != SQLITE_DONE)
                bench_die("occupant", sqlite3_errmsg(db));
            sqlite3_reset(o);
        }
        if (i % 10 == 0) {
            sqlite3_bind_int64(d, 1, site_id);
            sqlite3_bind_int64(d, 2, unit);
            if (sqlite3_step(d) != SQLITE_DONE)
                bench_die("dunning", sqlite3_errmsg(db));
            sqlite3_reset(d);
        }
    }
    sqlite3_finalize(u);
    sqlite3_finalize(bl);
    sqlite3_finalize(o);
    sqlite3_finalize(d);
    exec(db, "COMMIT");
    exec(db, "ANALYZE");
    sqlite3_close(db);
}

/* The process's CPU time in seconds: the machine may be shared, and the wall time then counts the others' work. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    return t[n / 2];
}

int main(int argc, char **argv)
{
    long units = bench_n(argc, argv, 100000, 500);
    int runs = bench_smoke(argc, argv) ? 2 : 7;
    char path[4096];
    snprintf(path, sizeof path, "%s", bench_path("fees-arrears"));
    fill(path, units);

    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "open");
    fd_actor clerk = FD_ACTOR_INIT;
    clerk.site_id = 1;
    clerk.at = T0;
    fd_date day = { 2026, 11, 20 };
    double lib[16], raw[16], lib_cpu[16], raw_cpu[16];
    size_t rows = 0;
    int64_t total = 0;
    for (int r = 0; r <= runs; r++) { /* run 0 warms up */
        fd_arrears *a = NULL;
        double c = cpu_now(), t = bench_now();
        bench_check(fd_store_arrears(&a, s, &clerk, day), "arrears");
        t = bench_now() - t;
        c = cpu_now() - c;
        rows = fd_arrears_count(a);
        fd_arrears_row tot;
        bench_check(fd_arrears_total(&tot, a), "total");
        total = tot.outstanding;
        fd_arrears_free(a);
        if (r) {
            lib[r - 1] = t;
            lib_cpu[r - 1] = c;
        }
    }
    fd_store_close(s);

    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        bench_die("open raw", sqlite3_errmsg(db));
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT unit_id, count(*), sum(amount + adjusted - paid), "
                           "sum(CASE WHEN julianday(?2) - julianday(due_on) <= 30 THEN amount + adjusted - paid END), "
                           "sum(CASE WHEN julianday(?2) - julianday(due_on) BETWEEN 31 AND 90 THEN amount + adjusted - paid END), "
                           "sum(CASE WHEN julianday(?2) - julianday(due_on) BETWEEN 91 AND 180 THEN amount + adjusted - paid END), "
                           "sum(CASE WHEN julianday(?2) - julianday(due_on) BETWEEN 181 AND 365 THEN amount + adjusted - paid END), "
                           "sum(CASE WHEN julianday(?2) - julianday(due_on) > 365 THEN amount + adjusted - paid END), "
                           "min(due_on), max(last_demand_on), min(limitation_on) "
                           "FROM bills NOT INDEXED WHERE site_id = ?1 AND state <> 'paid' AND due_on < ?2 GROUP BY unit_id",
                           -1, &st, NULL) != SQLITE_OK)
        bench_die("prepare raw", sqlite3_errmsg(db));
    long raw_rows = 0;
    for (int r = 0; r <= runs; r++) {
        double c = cpu_now(), t = bench_now();
        sqlite3_bind_int64(st, 1, 1);
        sqlite3_bind_text(st, 2, "2026-11-20", -1, SQLITE_STATIC);
        raw_rows = 0;
        while (sqlite3_step(st) == SQLITE_ROW)
            raw_rows++;
        sqlite3_reset(st);
        t = bench_now() - t;
        c = cpu_now() - c;
        if (r) {
            raw[r - 1] = t;
            raw_cpu[r - 1] = c;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!getenv("FD_BENCH_KEEP"))
        remove(path);

    double l = median(lib, runs), w = median(raw, runs), lc = median(lib_cpu, runs), wc = median(raw_cpu, runs);
    printf("arrears: %ld units, %zu in arrears (raw: %ld), total %lld fen\n", units, rows, raw_rows, (long long)total);
    bench_figure("fees_arrears", "fd_store_arrears (median)", l * 1000, "ms");
    bench_figure("fees_arrears", "raw GROUP BY without the partial index (median)", w * 1000, "ms");
    bench_figure("fees_arrears", "fd_store_arrears CPU time (median)", lc * 1000, "ms");
    bench_figure("fees_arrears", "raw GROUP BY CPU time (median)", wc * 1000, "ms");
    printf("target: < 100 ms for 100,000 units: %s (wall), %s (CPU)\n", l < 0.1 ? "ok" : "over", lc < 0.1 ? "ok" : "over");
    bench_ratio("fees_arrears (raw time / library time)", w / l, 1.0);
    return 0;
}
