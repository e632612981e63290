/*
 * Benchmark of the repairs' follow-up "due now" list (issue 15, item 8; R-PLN-1).
 *
 * 1,000,000 work orders of one site over 2026, each with its follow-up: the
 * older ones followed up (or superseded by a rework), the last weeks' still
 * open, dues spread as the desk's are (working-day ends, 17:30). The list a
 * desk opens every morning — fd_store_followups_due, the open follow-ups due
 * within a day of now, first page of 64, through the partial index
 * followups_site_due — against the naive scan in raw SQLite on the same file
 * (the same terms, NOT INDEXED: every follow-up read), alternating, at varied
 * instants through December. Three runs; each run's median per query, then
 * the median and range of the three. Target: < 20 ms.
 * `--smoke` runs tiny sizes (the ctest checks that it runs, never how fast).
 */
#include "bench.h"

#include <frontdesk.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400
#define Y2026 1767196800 /* 2026-01-01 00:00 Asia/Shanghai */
#define YEAR (365 * DAY)
#define RUNS 3

static const char *const CATEGORIES[] = { "leak", "plumbing", "electrical", "safety", "other", "plumbing" };
static const char *const KEYS[] = { "followup.leak_repair_days", "followup.other_repair_days",
                                    "followup.other_repair_days", "followup.safety_repair_days",
                                    "followup.other_repair_days", "followup.other_repair_days" };
static const char *const WHAT[] = { "卫生间漏水到楼下", "水龙头关不紧", "楼道灯不亮", "消防栓箱门坏了", "门禁刷卡没反应" };

static uint64_t bits(long i)
{
    uint64_t x = (uint64_t)i * 0x9E3779B97F4A7C15ULL;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    return x ^ (x >> 29);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        bench_die("prepare", sqlite3_errmsg(db));
    return st;
}

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        bench_die(sql, err ? err : "?");
}

/* The site and a clerk through the library; @n orders and their follow-ups written as raw rows. */
static void fill(const char *path, long n, int64_t *site_id, int64_t *staff_id)
{
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = Y2026 - 30 * DAY;
    fd_site si = FD_SITE_INIT;
    si.code = "garden", si.name = "阳光花园";
    bench_check(fd_store_open(&s, path, NULL), "open");
    bench_check(fd_store_site_add(site_id, s, &a, &si), "site");
    a.site_id = *site_id;
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "王小丽", st.role = "clerk";
    bench_check(fd_store_staff_add(staff_id, s, &a, &st), "staff");
    fd_store_close(s);
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(db));
    exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN");
    sqlite3_stmt *r = prepare(db, "INSERT INTO repairs (id, site_id, staff_id, created_at, received_at, channel, "
                                  "category, address, what, state, handler_id, dispatched_at, accepted_at, done_at, "
                                  "leak_tested_at, closed_at) VALUES (?1, ?2, ?3, ?4, ?4, 'phone', ?5, '3号楼1201', "
                                  "?6, ?7, ?3, ?4 + 3600, ?4 + 7200, ?8, ?9, ?10)");
    sqlite3_stmt *f = prepare(db, "INSERT INTO followups (site_id, staff_id, created_at, repair_id, policy_key, "
                                  "start_at, due_at, state, done_at, done_by, method, result, satisfaction) VALUES "
                                  "(?1, ?2, ?3, ?4, ?5, ?3, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    for (long i = 1; i <= n; i++) {
        uint64_t b = bits(i);
        int64_t received = Y2026 + (int64_t)((double)(i - 1) / (double)n * (double)(YEAR - 3 * DAY));
        int64_t done = received + 2 * 3600 + (int64_t)(b % (2 * DAY));
        int64_t day_end = done - (done - Y2026) % DAY + 17 * 3600 + 1800; /* the day's end of business */
        int64_t due = day_end + (int64_t)(2 + b % 3) * DAY;
        size_t c = (size_t)(b >> 8) % 6;
        /* the last five weeks' follow-ups are mostly still open; older ones are done, a few superseded */
        bool recent = received > Y2026 + YEAR - 35 * DAY;
        const char *state = recent && (b >> 20) % 10 < 8 ? "open" : (b >> 24) % 50 == 0 ? "superseded" : "done";
        bool open = strcmp(state, "open") == 0;
        sqlite3_bind_int64(r, 1, i);
        sqlite3_bind_int64(r, 2, *site_id);
        sqlite3_bind_int64(r, 3, *staff_id);
        sqlite3_bind_int64(r, 4, received);
        sqlite3_bind_text(r, 5, CATEGORIES[c], -1, SQLITE_STATIC);
        sqlite3_bind_text(r, 6, WHAT[b % 5], -1, SQLITE_STATIC);
        sqlite3_bind_text(r, 7, open ? "done" : "closed", -1, SQLITE_STATIC);
        sqlite3_bind_int64(r, 8, done);
        sqlite3_bind_int64(r, 9, c == 0 ? done + 1800 : 0);
        sqlite3_bind_int64(r, 10, open ? 0 : due);
        if (sqlite3_step(r) != SQLITE_DONE)
            bench_die("insert repair", sqlite3_errmsg(db));
        sqlite3_reset(r);
        sqlite3_bind_int64(f, 1, *site_id);
        sqlite3_bind_int64(f, 2, *staff_id);
        sqlite3_bind_int64(f, 3, done);
        sqlite3_bind_int64(f, 4, i);
        sqlite3_bind_text(f, 5, KEYS[c], -1, SQLITE_STATIC);
        sqlite3_bind_int64(f, 6, due);
        sqlite3_bind_text(f, 7, state, -1, SQLITE_STATIC);
        sqlite3_bind_int64(f, 8, open ? 0 : due - 3600);
        if (open) {
            for (int k = 9; k <= 12; k++)
                sqlite3_bind_null(f, k);
        } else {
            sqlite3_bind_int64(f, 9, *staff_id);
            sqlite3_bind_text(f, 10, "phone", -1, SQLITE_STATIC);
            sqlite3_bind_text(f, 11, "fixed", -1, SQLITE_STATIC);
            sqlite3_bind_text(f, 12, "satisfied", -1, SQLITE_STATIC);
        }
        if (sqlite3_step(f) != SQLITE_DONE)
            bench_die("insert follow-up", sqlite3_errmsg(db));
        sqlite3_reset(f);
    }
    sqlite3_finalize(r);
    sqlite3_finalize(f);
    exec(db, "COMMIT; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 1000000, 3000);
    long queries = bench_n(argc, argv, 50, 10);
    char path[4096];
    snprintf(path, sizeof path, "%s", bench_path("plans-repairs"));
    int64_t site_id = 0, staff_id = 0;
    double t0 = bench_now();
    fill(path, n, &site_id, &staff_id);
    bench_figure("due", "filling (raw rows)", bench_now() - t0, "s");
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "open");
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(db));
    /* the naive scan: the same terms and order, no index (every follow-up read) */
    sqlite3_stmt *naive = prepare(db, "SELECT * FROM followups NOT INDEXED WHERE site_id = ?1 AND state = 'open' "
                                      "AND due_at <= ?2 ORDER BY due_at, id LIMIT 64");
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site_id;
    a.staff_id = staff_id;
    double *lib = malloc(sizeof *lib * (size_t)queries), *raw = malloc(sizeof *raw * (size_t)queries);
    double lib_med[RUNS], raw_med[RUNS];
    long rows = 0;
    for (int run = -1; run < RUNS; run++) { /* run -1 warms the caches up */
        for (long q = 0; q < queries; q++) {
            a.at = Y2026 + YEAR - 31 * DAY + (int64_t)(bits(-1 - q - run * queries) % (31 * DAY));
            double t = bench_now();
            sqlite3_bind_int64(naive, 1, site_id);
            sqlite3_bind_int64(naive, 2, a.at + DAY);
            while (sqlite3_step(naive) == SQLITE_ROW)
                rows += sqlite3_column_int64(naive, 0) > 0;
            sqlite3_reset(naive);
            raw[q] = bench_now() - t;
            t = bench_now();
            fd_followup_iter *it = NULL;
            bench_check(fd_store_followups_due(&it, s, &a, 0, DAY, 0, 64), "due");
            const fd_followup *f = NULL;
            while (fd_followup_iter_next(&f, it) == FD_OK && f)
                rows -= f->id > 0;
            fd_followup_iter_free(it);
            lib[q] = bench_now() - t;
        }
        if (run >= 0) {
            lib_med[run] = bench_pct(lib, queries, 0.5);
            raw_med[run] = bench_pct(raw, queries, 0.5);
        }
    }
    if (rows != 0)
        bench_die("due", "the library's pages and the naive scan's differ in length");
    qsort(lib_med, RUNS, sizeof *lib_med, cmp);
    qsort(raw_med, RUNS, sizeof *raw_med, cmp);
    bench_figure("due", "work orders", (double)n, "orders");
    bench_figure("due", "fd_store_followups_due (a day ahead, 64) median of 3 run medians", lib_med[1] * 1e3, "ms");
    printf("due: fd_store_followups_due run medians range %.3f .. %.3f ms\n", lib_med[0] * 1e3, lib_med[2] * 1e3);
    bench_figure("due", "naive scan, raw sqlite, median of 3 run medians", raw_med[1] * 1e3, "ms");
    printf("due: naive scan run medians range %.3f .. %.3f ms\n", raw_med[0] * 1e3, raw_med[2] * 1e3);
    bench_ratio("due", raw_med[1] / lib_med[1], 1.0);
    printf("target due now: median < 20 ms %s\n", lib_med[1] < 0.020 ? "ok" : "over target");
    free(lib);
    free(raw);
    sqlite3_finalize(naive);
    sqlite3_close(db);
    fd_store_close(s);
    remove(path);
    return 0;
}
