/*
 * The plans module's callbacks (issue 15 item 8): the "due now" lists over
 * 1,000,000 callbacks as a year of work leaves them (nine in ten done or
 * closed, the open ones due at any hour of 2026, members and not, varied
 * sources), written once through raw SQLite into a file of the library's
 * schema. Timed: the first page (64 rows) of fd_store_callbacks_due (overdue,
 * and due within 4 h) and fd_store_callbacks_now at 200 instants through the
 * year (some in quiet hours: an empty page), warm (one pass first): median,
 * p99. Beside it in the same run the baseline: the same rows read by a naive
 * scan in raw SQLite (NOT INDEXED, prepared once) over the same file.
 * Target < 20 ms; the ratio printed is baseline / library (higher is better).
 *
 * `--smoke` runs tiny sizes (the ctest checks that it runs, never how fast).
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define Y2026 1767196800 /* 2026-01-01 00:00 Asia/Shanghai */
#define DAY 86400
#define YEAR (365 * DAY)

static const char *const SOURCES[] = { "call", "call", "complaint", "member", "repair", "question" };
static const char *const SURNAMES[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        bench_die(sql, err ? err : "?");
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 1000000, 2000);
    long probes = bench_smoke(argc, argv) ? 10 : 200;
    const char *path = bench_path("plans-callbacks");
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = Y2026 - 30 * DAY;
    fd_site si = FD_SITE_INIT;
    si.code = "park", si.name = "某某产业园";
    int64_t site = 0, staff = 0;
    bench_check(fd_store_open(&s, path, NULL), "open");
    bench_check(fd_store_site_add(&site, s, &a, &si), "site");
    a.site_id = site;
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "王小丽", st.role = "clerk";
    bench_check(fd_store_staff_add(&staff, s, &a, &st), "staff");
    fd_store_close(s);

    /* a year of callbacks, written once */
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("raw open", path);
    exec(db, "BEGIN");
    sqlite3_stmt *ins = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO callbacks (site_id, staff_id, created_at, source, customer, number, member, "
                           "agreed_at, due_at, provisional, state, attempts, done_at, satisfaction) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, 0, ?9, ?10, ?11, ?12)",
                           -1, &ins, NULL) != SQLITE_OK)
        bench_die("prepare insert", sqlite3_errmsg(db));
    for (long i = 0; i < n; i++) {
        uint64_t r = mix((uint64_t)i);
        int64_t created = Y2026 + (int64_t)(r % YEAR);
        int64_t due = created + 3600 * (int64_t)(1 + (r >> 20) % 96);
        int open = (r >> 40) % 10 == 0;
        int closed = !open && (r >> 44) % 20 == 0;
        char name[16], number[16];
        snprintf(name, sizeof name, "%s先生", SURNAMES[(r >> 8) % 10]);
        snprintf(number, sizeof number, "139%08llu", (unsigned long long)((r >> 12) % 100000000ULL));
        sqlite3_bind_int64(ins, 1, site);
        sqlite3_bind_int64(ins, 2, staff);
        sqlite3_bind_int64(ins, 3, created);
        sqlite3_bind_text(ins, 4, SOURCES[(r >> 4) % 6], -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 5, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 6, number, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 7, (r >> 4) % 6 == 3);
        sqlite3_bind_int64(ins, 8, due);
        sqlite3_bind_text(ins, 9, open ? "open" : closed ? "closed" : "done", -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 10, (int)((r >> 50) % 3));
        sqlite3_bind_int64(ins, 11, open ? 0 : due - 1800);
        sqlite3_bind_text(ins, 12, open || closed ? NULL : "satisfied", -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            bench_die("insert", sqlite3_errmsg(db));
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    exec(db, "COMMIT");
    exec(db, "ANALYZE");

    sqlite3_stmt *naive = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT * FROM callbacks NOT INDEXED WHERE site_id = ?1 AND state = 'open' AND due_at <= ?2 "
                           "ORDER BY due_at, id LIMIT 64",
                           -1, &naive, NULL) != SQLITE_OK)
        bench_die("prepare naive", sqlite3_errmsg(db));

    bench_check(fd_store_open(&s, path, NULL), "open");
    double *lib = calloc((size_t)probes * 3, sizeof *lib), *raw = calloc((size_t)probes * 3, sizeof *raw);
    if (lib == NULL || raw == NULL)
        bench_die("calloc", "out of memory");
    long rows = 0;
    for (int pass = 0; pass < 2; pass++) { /* the first pass warms up */
        for (long p = 0; p < probes; p++) {
            fd_actor at = FD_ACTOR_INIT;
            at.site_id = site;
            at.staff_id = staff;
            at.at = Y2026 + (int64_t)(mix((uint64_t)p + 77) % YEAR);
            for (int k = 0; k < 3; k++) {
                fd_callback_iter *it = NULL;
                const fd_callback *c = NULL;
                double t0 = bench_now();
                if (k == 0)
                    bench_check(fd_store_callbacks_due(&it, s, &at, 1, 0, 0, 64), "due overdue");
                else if (k == 1)
                    bench_check(fd_store_callbacks_due(&it, s, &at, 0, 4 * 3600, 0, 64), "due within");
                else
                    bench_check(fd_store_callbacks_now(&it, s, &at, 0, 64), "now");
                long got = 0;
                while (fd_callback_iter_next(&c, it) == FD_OK && c)
                    got++;
                fd_callback_iter_free(it);
                double t1 = bench_now();
                sqlite3_bind_int64(naive, 1, site);
                sqlite3_bind_int64(naive, 2, k == 1 ? at.at + 4 * 3600 : at.at);
                long rgot = 0;
                while (sqlite3_step(naive) == SQLITE_ROW)
                    rgot++;
                sqlite3_reset(naive);
                double t2 = bench_now();
                if (pass == 1) {
                    lib[p * 3 + k] = (t1 - t0) * 1000;
                    raw[p * 3 + k] = (t2 - t1) * 1000;
                    rows += got;
                }
                (void)rgot;
            }
        }
    }
    long m = probes * 3;
    double lib_med = bench_pct(lib, m, 0.5), lib_p99 = bench_pct(lib, m, 0.99);
    double raw_med = bench_pct(raw, m, 0.5), raw_p99 = bench_pct(raw, m, 0.99);
    bench_figure("plans_callbacks", "callbacks", (double)n, "rows");
    bench_figure("plans_callbacks", "rows read per page (mean)", (double)rows / (double)m, "rows");
    bench_figure("plans_callbacks", "library due/now first page median", lib_med, "ms");
    bench_figure("plans_callbacks", "library due/now first page p99", lib_p99, "ms");
    bench_figure("plans_callbacks", "naive scan raw SQLite median", raw_med, "ms");
    bench_figure("plans_callbacks", "naive scan raw SQLite p99", raw_p99, "ms");
    bench_ratio("plans_callbacks", raw_med / (lib_med > 0 ? lib_med : 1e-6), 1.0);
    printf("plans_callbacks: target p99 < 20 ms: %s\n", lib_p99 < 20 ? "met" : "NOT MET");
    free(lib);
    free(raw);
    sqlite3_finalize(naive);
    sqlite3_close(db);
    fd_store_close(s);
    return 0;
}
