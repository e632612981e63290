/*
 * The monthly summary (issue 15 item 8; R-PLN-5): fd_store_plan_summary over
 * 100,000 tasks due in one month (visits, callbacks of every source with
 * members among them, follow-ups, in varied states), target < 500 ms. The
 * baseline, measured in the same run, is raw SQLite reading the same rows
 * over the same schema and counting them in a plain loop; the ratio is
 * raw / library (higher is better). Warmed up; the median of 3 runs. `--smoke`: 1,000 tasks.
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400
#define APR1 1774972800LL /* 2026-04-01 00:00 Asia/Shanghai */

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        bench_die(sql, err ? err : "?");
}

static void fill(const char *path, long n, int64_t *site)
{
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = APR1 - 30 * DAY;
    fd_site si = FD_SITE_INIT;
    si.code = "park", si.name = "某某产业园";
    bench_check(fd_store_open(&s, path, NULL), "open");
    bench_check(fd_store_site_add(site, s, &a, &si), "site");
    a.site_id = *site;
    fd_staff sf = FD_STAFF_INIT;
    sf.code = "F001", sf.name = "王小丽", sf.role = "clerk";
    int64_t staff = 0;
    bench_check(fd_store_staff_add(&staff, s, &a, &sf), "staff");
    fd_store_close(s);
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(db));
    exec(db, "BEGIN");
    char sql[512];
    snprintf(sql, sizeof sql, "INSERT INTO visit_plans (id, site_id, staff_id, created_at, purpose, recurrence, "
             "\"interval\", first_at, assigned_to) VALUES (1, %lld, %lld, %lld, '走访', 'once', 0, %lld, %lld)",
             (long long)*site, (long long)staff, APR1 - DAY, APR1, (long long)staff);
    exec(db, sql);
    snprintf(sql, sizeof sql, "INSERT INTO repairs (id, site_id, created_at, received_at, channel, category, address, what, "
             "state) VALUES (1, %lld, %lld, %lld, 'phone', 'leak', '3号楼', '漏水', 'done')", (long long)*site, APR1 - DAY,
             APR1 - DAY);
    exec(db, sql);
    sqlite3_stmt *v, *c, *f;
    sqlite3_prepare_v2(db, "INSERT INTO planned_visits (site_id, created_at, plan_id, due_at, assigned_to, state, "
                       "done_at) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6)", -1, &v, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO callbacks (site_id, created_at, source, member, due_at, provisional, state, "
                       "done_at, satisfaction) VALUES (?1, ?2, 'call', ?3, ?4, 0, ?5, ?6, ?7)", -1, &c, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO followups (site_id, created_at, repair_id, policy_key, start_at, due_at, "
                       "provisional, state, done_at, result, satisfaction) VALUES (?1, ?2, 1, "
                       "'followup.leak_repair_days', ?2, ?3, 0, ?4, ?5, ?6, ?7)", -1, &f, NULL);
    static const char *const SAT[] = { "satisfied", "satisfied", "average", "unsatisfied" };
    unsigned x = 12345;
    for (long i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        sqlite3_stmt *st = i % 10 < 4 ? v : i % 10 < 7 ? c : f;
        /* a visit's appointment is one per plan and instant: distinct, spread over the month */
        int64_t due = st == v ? APR1 + (int64_t)i * 25 % (30 * DAY) : APR1 + (int64_t)(x % (30u * DAY));
        int done = (x >> 8) % 4 != 0;
        int64_t done_at = done ? due - 3600 + (int64_t)((x >> 12) % 7200) : 0;
        const char *sat = done ? SAT[(x >> 16) % 4] : NULL;
        sqlite3_bind_int64(st, 1, *site);
        sqlite3_bind_int64(st, 2, due - 2 * DAY);
        if (st == v) {
            sqlite3_bind_int64(st, 3, due);
            sqlite3_bind_int64(st, 4, staff);
            sqlite3_bind_text(st, 5, done ? "done" : (x >> 20) % 9 == 0 ? "cancelled" : "planned", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 6, done_at);
        } else if (st == c) {
            sqlite3_bind_int(st, 3, (x >> 24) % 5 == 0);
            sqlite3_bind_int64(st, 4, due);
            sqlite3_bind_text(st, 5, done ? "done" : (x >> 20) % 7 == 0 ? "closed" : "open", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 6, done_at);
            sqlite3_bind_text(st, 7, sat, -1, SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(st, 3, due);
            sqlite3_bind_text(st, 4, done ? "done" : "open", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 5, done_at);
            sqlite3_bind_text(st, 6, done ? ((x >> 20) % 10 ? "fixed" : "not_fixed") : NULL, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 7, sat, -1, SQLITE_STATIC);
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            bench_die("raw insert", sqlite3_errmsg(db));
        sqlite3_reset(st);
    }
    sqlite3_finalize(v);
    sqlite3_finalize(c);
    sqlite3_finalize(f);
    exec(db, "COMMIT");
    exec(db, "ANALYZE");
    sqlite3_close(db);
}

/* The baseline: the same rows read raw and counted in a plain loop (due, done, in time, satisfied). */
static double raw_month(sqlite3 *db, int64_t site, int64_t *count)
{
    static const char *const SQL[] = {
        "SELECT due_at, state, done_at FROM planned_visits WHERE site_id = ?1 AND due_at >= ?2 AND due_at < ?3",
        "SELECT due_at, state, done_at, member, satisfaction FROM callbacks WHERE site_id = ?1 AND due_at >= ?2 "
        "AND due_at < ?3",
        "SELECT due_at, state, done_at, result, satisfaction FROM followups WHERE site_id = ?1 AND due_at >= ?2 "
        "AND due_at < ?3",
    };
    double t0 = bench_now();
    int64_t due = 0, done = 0, in_time = 0;
    for (size_t k = 0; k < 3; k++) {
        sqlite3_stmt *st = NULL;
        sqlite3_prepare_v2(db, SQL[k], -1, &st, NULL);
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_int64(st, 2, APR1);
        sqlite3_bind_int64(st, 3, APR1 + 30 * DAY);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *state = sqlite3_column_text(st, 1);
            int64_t d = sqlite3_column_int64(st, 0), at = sqlite3_column_int64(st, 2);
            due++;
            if (state && strcmp((const char *)state, "done") == 0) {
                done++;
                in_time += at <= d;
            }
        }
        sqlite3_finalize(st);
    }
    *count = due;
    if (done < in_time)
        bench_die("raw", "more in time than done");
    return bench_now() - t0;
}

static double lib_month(fd_store *s, const fd_actor *a, int64_t *count)
{
    double t0 = bench_now();
    fd_plan_summary *sum = NULL;
    bench_check(fd_store_plan_summary(&sum, s, a, 2026, 4), "summary");
    fd_plan_summary_totals t;
    bench_check(fd_plan_summary_get(&t, sum), "totals");
    fd_plan_summary_free(sum);
    *count = t.visits.due + t.visits_cancelled + t.callbacks.due + t.followups.due;
    return bench_now() - t0;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 100000, 1000);
    const char *path = bench_path("plans_month");
    remove(path);
    int64_t site = 0;
    fill(path, n, &site);
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "open");
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.at = APR1 + 20 * DAY;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(db));
    int64_t lc = 0, rcnt = 0;
    lib_month(s, &a, &lc); /* warm up both */
    raw_month(db, site, &rcnt);
    double lt[3], rt[3];
    for (int i = 0; i < 3; i++) {
        lt[i] = lib_month(s, &a, &lc);
        rt[i] = raw_month(db, site, &rcnt);
    }
    if (lc != n || rcnt != n)
        bench_die("counts", "the summary did not count every task");
    qsort(lt, 3, sizeof *lt, cmp);
    qsort(rt, 3, sizeof *rt, cmp);
    printf("plans_month: %ld tasks; summary median %.1f ms (range %.1f..%.1f), raw %.1f ms (range %.1f..%.1f)\n", n,
           lt[1] * 1e3, lt[0] * 1e3, lt[2] * 1e3, rt[1] * 1e3, rt[0] * 1e3, rt[2] * 1e3);
    bench_figure("plans_month", "summary_ms", lt[1] * 1e3, "ms");
    bench_ratio("plans_month", rt[1] / lt[1], 0); /* raw / library: 1 = as fast as a bare read */
    sqlite3_close(db);
    fd_store_close(s);
    return bench_smoke(argc, argv) || lt[1] < 0.5 ? 0 : 1;
}
