/*
 * The complaints module (issue 13), against its targets:
 *
 * 1. Registering complaints: 1,000,000 varied complaints (severities,
 *    categories, channels, received at any hour of 2026, a few still causing
 *    harm, a minor one now and then with the customer's own deadline) through
 *    fd_store_complaint_add — each checked, its category and contact read,
 *    its targets computed on the site's working calendar, journaled — versus
 *    raw SQLite prepared INSERTs of the same rows (the complaint, its
 *    `register` event, its targets with the same dues, computed before
 *    the clock starts, and its journal row, unhashed) into a copy of the same file (same schema, indexes,
 *    triggers, the library's pragmas), in the same run, in one transaction
 *    per chunk, warm, alternating, best of two. Target >= 0.7.
 * 2. The breach queue over those complaints as a year of work leaves them
 *    (nine in ten resolved, some waiting for the customer, breaches recorded
 *    and half of them escalated): the first page (64 rows) of "due within
 *    4 h", "breached" and "to escalate" at instants through December, p99 of
 *    fd_store_complaint_queue, beside the same query prepared once on raw
 *    SQLite over the same file. Target < 20 ms.
 *
 * 3. The monthly statistics (R-CPL-6) over 100,000 complaints received in
 *    one month (October 2026, Asia/Shanghai), varied as a month leaves them:
 *    severities, categories, six departments and unassigned ones, invalid and
 *    unassessed ones, three in four valid ones resolved (most within their
 *    resolve target, some breached), reopened ones, follow-ups with each
 *    satisfaction, superseded targets. fd_store_complaint_stats warm (one run
 *    first), median of 7 runs; beside it the baseline: plain SQL GROUP BY
 *    counts (category, department, severity, validity) over the same range of
 *    the same index, prepared once, median of 7. Target < 500 ms. Then the
 *    month report (fd_report_complaints_month_new over the same month, rendered
 *    as JSON), median of 7. Target < 500 ms.
 *
 * `--smoke` runs tiny sizes (the ctest checks that it runs, never how fast);
 * `--stats` (last) runs the third alone.
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

static const char *const CATEGORIES[] = { "repair", "security", "cleaning", "fees", "attitude",
                                          "environment", "parking", "noise", "other" };
static const char *const CHANNELS[] = { "phone", "phone", "phone", "walk_in", "letter", "email", "sms", "other" };
static const char *const WHAT[] = { "电梯困人二十分钟无人处理", "楼道垃圾三天没人清理", "物业费多收了一个月",
                                    "保安态度恶劣", "地下车库漏水", "楼上装修噪音到深夜", "门禁卡失灵进不了门",
                                    "绿化带被占用停车" };
static const char *const SURNAMES[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };
static const char *const GIVEN[] = { "伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇" };

/* --- the site ------------------------------------------------------------------------------------------- */

typedef struct site {
    int64_t id, staff;
} site;

static void setup(const char *path, site *e)
{
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = Y2026 - 30 * DAY;
    fd_site si = FD_SITE_INIT;
    si.code = "park", si.name = "某某产业园";
    bench_check(fd_store_open(&s, path, NULL), "setup open");
    bench_check(fd_store_site_add(&e->id, s, &a, &si), "setup site");
    a.site_id = e->id;
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "王小丽", st.role = "clerk";
    bench_check(fd_store_staff_add(&e->staff, s, &a, &st), "setup staff");
    fd_store_close(s);
}

/* --- 1. registering ------------------------------------------------------------------------------------- */

/* One complaint's input and what the library stores for it (for the raw side). */
typedef struct row {
    int64_t received, at, customer_due;
    const char *channel, *category, *severity, *what;
    char customer[16], contact[16];
    int harm;
    size_t ntargets;
    struct {
        const char *target, *key, *unit;
        int64_t amount, due;
        int provisional;
        const char *version;
    } t[FD_COMPLAINT_TARGETS_MAX];
} row;

/* The few calendar versions dues are computed from, kept once ("CN-2026.1", "...+provisional-2027"). */
static const char *intern(const char *v)
{
    static char seen[8][64];
    static int n;
    for (int i = 0; i < n; i++)
        if (strcmp(seen[i], v) == 0)
            return seen[i];
    if (n == 8)
        bench_die("intern", v);
    snprintf(seen[n], sizeof seen[n], "%s", v);
    return seen[n++];
}

/* Row @i's random bits: the same whichever side and round makes it. */
static uint64_t bits(long i)
{
    uint64_t x = (uint64_t)i * 0x9E3779B97F4A7C15ull + 88172645463325252ull;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return x;
}

static void make_row(row *r, long i, long n, const fd_calendar *cal)
{
    memset(r, 0, sizeof *r);
    uint64_t x = bits(i);
    r->received = Y2026 + (int64_t)((double)i * (double)(YEAR - 2 * DAY) / (double)n) + (int64_t)(x % 600);
    r->at = r->received + 120; /* registered two minutes later */
    unsigned sev = (unsigned)(x >> 10) % 100;
    r->severity = sev < 5 ? "major" : sev < 30 ? "important" : "minor";
    r->category = CATEGORIES[(x >> 17) % 9];
    r->channel = CHANNELS[(x >> 21) % 8];
    r->what = WHAT[(x >> 24) % 8];
    snprintf(r->customer, sizeof r->customer, "%s%s", SURNAMES[(x >> 28) % 10], GIVEN[(x >> 32) % 12]);
    snprintf(r->contact, sizeof r->contact, "13%01u%08u", 5 + (unsigned)(x >> 36) % 5, (unsigned)(x >> 40) % 100000000u);
    r->harm = (x >> 60) % 100 == 0;
    if (sev >= 30 && (x >> 50) % 10 == 0)
        r->customer_due = r->received + DAY;
    /* The targets as the library computes them (R-CPL-2): the severity's plan on the site's calendar. */
    fd_complaint_target_plan plan[FD_COMPLAINT_TARGETS_MAX];
    bench_check(fd_complaint_target_plan_of(plan, &r->ntargets, r->severity, NULL), "plan");
    fd_buf version = FD_BUF_INIT;
    for (size_t k = 0; k < r->ntargets; k++) {
        r->t[k].target = plan[k].target;
        r->t[k].key = plan[k].policy_key;
        r->t[k].unit = fd_calendar_unit_name(plan[k].unit);
        r->t[k].amount = plan[k].amount;
        if (strcmp(plan[k].start_step, "register") != 0)
            continue; /* the reply starts with the department's report */
        bench_check(fd_calendar_deadline_info(&r->t[k].due, &r->t[k].provisional, &version, cal, r->received,
                                        plan[k].amount, plan[k].unit, NULL), "deadline");
        r->t[k].version = intern(version.ptr);
        if (r->customer_due && strcmp(r->t[k].key, "complaint.minor.resolve_days") == 0 &&
            r->customer_due < r->t[k].due)
            r->t[k].due = r->customer_due;
    }
    fd_buf_dispose(&version);
}

static double register_library(fd_store *s, const row *rows, long from, long n, const site *e)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = e->id;
    a.staff_id = e->staff;
    double t0 = bench_now();
    bench_check(fd_store_begin(s), "begin");
    for (long i = from; i < from + n; i++) {
        const row *r = &rows[i];
        fd_complaint c = FD_COMPLAINT_INIT;
        c.received_at = r->received;
        c.channel = r->channel;
        c.category = r->category;
        c.severity = r->severity;
        c.what = r->what;
        c.customer = r->customer;
        c.contact = r->contact;
        c.customer_due = r->customer_due;
        c.harm = r->harm;
        a.at = r->at;
        int64_t id;
        bench_check(fd_store_complaint_add(&id, s, &a, &c), "register");
    }
    bench_check(fd_store_commit(s), "commit");
    return bench_now() - t0;
}

typedef struct raw {
    sqlite3 *db;
    sqlite3_stmt *complaint, *event, *target, *journal;
    int64_t journal_id; /* the journal's last id: the raw side numbers its rows as the library's chain does */
} raw;

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        bench_die("raw prepare", sqlite3_errmsg(db));
    return st;
}

static void raw_open(raw *w, const char *path)
{
    if (sqlite3_open(path, &w->db) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(w->db));
    /* The library's pragmas (store.c). */
    sqlite3_exec(w->db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
    w->complaint = prepare(w->db, "INSERT INTO complaints (site_id, staff_id, created_at, received_at, channel, "
                                  "category, severity, what, customer, contact, customer_due, harm, state) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'registered')");
    w->event = prepare(w->db, "INSERT INTO complaint_events (site_id, staff_id, created_at, complaint_id, kind, "
                              "to_state, detail, happened_at) VALUES (?1, ?2, ?3, ?4, 'register', 'registered', ?5, ?6)");
    w->target = prepare(w->db, "INSERT INTO complaint_targets (site_id, staff_id, created_at, complaint_id, target, "
                               "severity, policy_key, amount, unit, start_at, due_at, data_version, provisional, "
                               "harm) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    /* The registration's journal row, as the library writes it; its hash is not computed here (a fixed 32 bytes:
     * hashing is under 1% of the library's time in a profile), the row and its two indexes are the cost. */
    w->journal = prepare(w->db, "INSERT INTO journal (id, at, site_id, staff_id, entity, entity_id, action, detail, "
                                "hash) VALUES (?1, ?2, ?3, ?4, 'complaint', ?5, 'register', ?6, zeroblob(32))");
    sqlite3_stmt *last = prepare(w->db, "SELECT coalesce(max(id), 0) FROM journal");
    if (sqlite3_step(last) != SQLITE_ROW)
        bench_die("raw journal", sqlite3_errmsg(w->db));
    w->journal_id = sqlite3_column_int64(last, 0);
    sqlite3_finalize(last);
}

static void raw_close(raw *w)
{
    sqlite3_finalize(w->complaint);
    sqlite3_finalize(w->event);
    sqlite3_finalize(w->target);
    sqlite3_finalize(w->journal);
    sqlite3_close(w->db);
}

static void step_done(sqlite3 *db, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        bench_die("raw insert", sqlite3_errmsg(db));
    sqlite3_reset(st);
}

static double register_raw(raw *w, const row *rows, long from, long n, const site *e)
{
    double t0 = bench_now();
    sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    for (long i = from; i < from + n; i++) {
        const row *r = &rows[i];
        sqlite3_stmt *st = w->complaint;
        sqlite3_bind_int64(st, 1, e->id);
        sqlite3_bind_int64(st, 2, e->staff);
        sqlite3_bind_int64(st, 3, r->at);
        sqlite3_bind_int64(st, 4, r->received);
        sqlite3_bind_text(st, 5, r->channel, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, r->category, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, r->severity, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, r->what, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, r->customer, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, r->contact, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 11, r->customer_due);
        sqlite3_bind_int(st, 12, r->harm);
        step_done(w->db, st);
        int64_t id = sqlite3_last_insert_rowid(w->db);
        st = w->event;
        sqlite3_bind_int64(st, 1, e->id);
        sqlite3_bind_int64(st, 2, e->staff);
        sqlite3_bind_int64(st, 3, r->at);
        sqlite3_bind_int64(st, 4, id);
        sqlite3_bind_text(st, 5, r->severity, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, r->received);
        step_done(w->db, st);
        st = w->target;
        for (size_t k = 0; k < r->ntargets; k++) {
            sqlite3_bind_int64(st, 1, e->id);
            sqlite3_bind_int64(st, 2, e->staff);
            sqlite3_bind_int64(st, 3, r->at);
            sqlite3_bind_int64(st, 4, id);
            sqlite3_bind_text(st, 5, r->t[k].target, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 6, r->severity, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 7, r->t[k].key, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 8, r->t[k].amount);
            sqlite3_bind_text(st, 9, r->t[k].unit, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 10, r->t[k].due ? r->received : 0);
            sqlite3_bind_int64(st, 11, r->t[k].due);
            if (r->t[k].due)
                sqlite3_bind_text(st, 12, r->t[k].version, -1, SQLITE_STATIC);
            else
                sqlite3_bind_null(st, 12);
            sqlite3_bind_int(st, 13, r->t[k].provisional);
            sqlite3_bind_int(st, 14, r->harm);
            step_done(w->db, st);
        }
        st = w->journal;
        sqlite3_bind_int64(st, 1, ++w->journal_id);
        sqlite3_bind_int64(st, 2, r->at);
        sqlite3_bind_int64(st, 3, e->id);
        sqlite3_bind_int64(st, 4, e->staff);
        sqlite3_bind_int64(st, 5, id);
        sqlite3_bind_text(st, 6, r->severity, -1, SQLITE_STATIC);
        step_done(w->db, st);
    }
    sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL);
    return bench_now() - t0;
}

/* One figure of a file, to see that both sides stored the same targets. */
static int64_t file_figure(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
        bench_die("figure", sqlite3_errmsg(db));
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* Rows [@from, @from + @n) made (untimed), then registered by each side in turn: raw first, then the library. */
static void chunk(fd_store *s, raw *w, row *rows, long from, long n, long total, const fd_calendar *cal,
                  const site *e, double *lib, double *rw)
{
    for (long i = 0; i < n; i++)
        make_row(&rows[i], from + i, total, cal);
    *rw += register_raw(w, rows, 0, n, e);
    *lib += register_library(s, rows, 0, n, e);
}

/* Alternating library and raw chunk by chunk (both warm), best of two rounds of n/2. */
static void bench_register(const char *lib_path, const char *raw_path, long n, const site *e)
{
    fd_calendar *cal = NULL;
    bench_check(fd_calendar_new(&cal), "calendar");
    enum { CHUNK = 10000 };
    row *rows = malloc(sizeof *rows * CHUNK);
    if (rows == NULL)
        bench_die("rows", "out of memory");
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, lib_path, NULL), "open");
    raw w;
    raw_open(&w, raw_path);
    long warm = n / 100 ? n / 100 : 1, half = (n - warm) / 2;
    double lib = 0, rw = 0, best_lib = 1e9, best_raw = 1e9;
    for (long i = 0; i < warm; i += CHUNK)
        chunk(s, &w, rows, i, warm - i < CHUNK ? warm - i : CHUNK, n, cal, e, &lib, &rw);
    for (int round = 0; round < 2; round++) {
        long from = warm + round * half, count = round ? n - from : half;
        lib = rw = 0;
        for (long i = 0; i < count; i += CHUNK)
            chunk(s, &w, rows, from + i, count - i < CHUNK ? count - i : CHUNK, n, cal, e, &lib, &rw);
        best_lib = lib / (double)count < best_lib ? lib / (double)count : best_lib;
        best_raw = rw / (double)count < best_raw ? rw / (double)count : best_raw;
    }
    raw_close(&w);
    fd_store_close(s);
    fd_calendar_free(cal);
    free(rows);
    static const char same[] = "SELECT count(*) * 1000003 + sum(due_at % 1000003) + sum(provisional) "
                               "FROM complaint_targets";
    if (file_figure(lib_path, same) != file_figure(raw_path, same))
        bench_die("register", "the raw side did not store the library's targets");
    static const char journaled[] = "SELECT count(*) FROM journal WHERE entity = 'complaint' AND action = 'register'";
    if (file_figure(lib_path, journaled) != file_figure(raw_path, journaled))
        bench_die("register", "the raw side did not write the library's journal rows");
    bench_figure("complaints", "complaints registered (each side)", (double)n, "complaints");
    bench_figure("complaints", "library fd_store_complaint_add", 1.0 / best_lib, "complaints/s");
    bench_figure("complaints", "raw sqlite INSERT (complaint, event, targets, journal row)", 1.0 / best_raw, "complaints/s");
    bench_ratio("complaints", best_raw / best_lib, 0.7);
}

/* --- 2. the breach queue ------------------------------------------------------------------------------- */

/* A year of work on the file, as the store's steps would have left it (untimed set-up). */
static void age(const char *path, int64_t end)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("age open", sqlite3_errmsg(db));
    char sql[1024];
    /* nine in ten resolved (every clock met) a day or two after they came in, except the last fortnight's */
    snprintf(sql, sizeof sql,
             "BEGIN; "
             "UPDATE complaint_targets SET met_at = start_at + 86400 + complaint_id %% 86400 "
             "WHERE complaint_id %% 10 <> 0 AND start_at > 0 AND start_at < %lld; "
             "UPDATE complaints SET state = 'closed', closed_at = received_at + 2 * 86400 "
             "WHERE id %% 10 <> 0 AND received_at < %lld; "
             /* one in fifty of the rest waits for the customer */
             "UPDATE complaint_targets SET paused = 1, due_at = 0 WHERE complaint_id %% 50 = 20 AND met_at = 0 "
             "AND target = 'resolve'; "
             /* the breaches an escalation run recorded, half of them escalated */
             "UPDATE complaint_targets SET breached_at = due_at + 60 WHERE met_at = 0 AND due_at > 0 AND due_at < %lld "
             "AND breached_at = 0; "
             "UPDATE complaint_targets SET escalated_at = due_at + 3600 WHERE breached_at > 0 AND id %% 2 = 0; "
             "COMMIT;",
             (long long)(end - 14 * DAY), (long long)(end - 14 * DAY), (long long)(end - 30 * DAY));
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        bench_die("age", err);
    sqlite3_close(db);
}

static void bench_queue(const char *path, const site *e, long queries)
{
    int64_t end = Y2026 + YEAR;
    age(path, end);
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "open");
    raw w;
    if (sqlite3_open_v2(path, &w.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(w.db));
    /* the library's page as a raw query: the index's terms, the kind's range, harm first */
    static const char *const raw_sql[3] = {
        "SELECT * FROM complaint_targets WHERE site_id = ?1 AND harm IN (1, 0) AND due_at <= ?2 AND met_at = 0 "
        "AND superseded_at = 0 AND paused = 0 AND due_at > 0 ORDER BY harm DESC, due_at, id LIMIT 64",
        "SELECT * FROM complaint_targets WHERE site_id = ?1 AND harm IN (1, 0) AND due_at <= ?2 AND met_at = 0 "
        "AND superseded_at = 0 AND paused = 0 AND due_at > 0 ORDER BY harm DESC, due_at, id LIMIT 64",
        "SELECT * FROM complaint_targets WHERE site_id = ?1 AND harm IN (1, 0) AND due_at <= ?2 AND met_at = 0 "
        "AND superseded_at = 0 AND paused = 0 AND due_at > 0 AND escalated_at = 0 ORDER BY harm DESC, due_at, id "
        "LIMIT 64",
    };
    static const char *const names[3] = { "due within 4 h", "breached", "to escalate" };
    double *lib = malloc(sizeof *lib * (size_t)queries * 3), *rw = malloc(sizeof *rw * (size_t)queries * 3);
    long rows = 0;
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = e->id;
    a.staff_id = e->staff;
    for (int kind = 0; kind < 3; kind++) {
        sqlite3_stmt *st = prepare(w.db, raw_sql[kind]);
        for (long q = 0; q < queries; q++) {
            /* instants through December, alternating the two sides */
            a.at = end - 31 * DAY + (int64_t)(bits(-1 - q) % (31 * DAY));
            int64_t last = kind == 0 ? a.at + 4 * 3600 : a.at - 1;
            double t0 = bench_now();
            sqlite3_bind_int64(st, 1, e->id);
            sqlite3_bind_int64(st, 2, last);
            while (sqlite3_step(st) == SQLITE_ROW)
                rows += sqlite3_column_int64(st, 0) > 0;
            sqlite3_reset(st);
            rw[kind * queries + q] = bench_now() - t0;
            t0 = bench_now();
            fd_complaint_target_iter *it = NULL;
            bench_check(fd_store_complaint_queue(&it, s, &a, kind + 1, 4 * 3600, 0, 64), "queue");
            const fd_complaint_target *t = NULL;
            while (fd_complaint_target_iter_next(&t, it) == FD_OK && t)
                rows -= t->id > 0;
            fd_complaint_target_iter_free(it);
            lib[kind * queries + q] = bench_now() - t0;
        }
        sqlite3_finalize(st);
        char what[96];
        snprintf(what, sizeof what, "fd_store_complaint_queue %s p99", names[kind]);
        bench_figure("queue", what, bench_pct(lib + kind * queries, queries, 0.99) * 1e3, "ms");
        snprintf(what, sizeof what, "raw sqlite %s p99", names[kind]);
        bench_figure("queue", what, bench_pct(rw + kind * queries, queries, 0.99) * 1e3, "ms");
    }
    if (rows != 0)
        bench_die("queue", "the library's pages and the raw ones differ in length");
    bench_figure("queue", "complaints", (double)file_figure(path, "SELECT count(*) FROM complaints"), "complaints");
    bench_figure("queue", "open targets in the queue's index",
                 (double)file_figure(path, "SELECT count(*) FROM complaint_targets WHERE met_at = 0 AND "
                                           "superseded_at = 0 AND paused = 0 AND due_at > 0"), "targets");
    double p99 = bench_pct(lib, queries * 3, 0.99);
    bench_figure("queue", "fd_store_complaint_queue p99 (all three)", p99 * 1e3, "ms");
    bench_figure("queue", "raw sqlite p99 (all three)", bench_pct(rw, queries * 3, 0.99) * 1e3, "ms");
    printf("target queue: p99 < 20 ms %s\n", p99 < 0.020 ? "ok" : "over target");
    free(lib);
    free(rw);
    sqlite3_close(w.db);
    fd_store_close(s);
}

/* --- 3. the monthly statistics --------------------------------------------------------------------------- */

#define OCT2026 1790784000 /* 2026-10-01 00:00 Asia/Shanghai */
#define STATS_RUNS 7

/* @n complaints of October 2026 with their resolve targets, written as raw rows into the site's file. */
static void stats_fill(const char *path, const site *e, const int64_t dept[6], long n)
{
    raw w;
    if (sqlite3_open(path, &w.db) != SQLITE_OK)
        bench_die("stats open", sqlite3_errmsg(w.db));
    sqlite3_exec(w.db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL,
                 NULL, NULL);
    sqlite3_stmt *c = prepare(w.db, "INSERT INTO complaints (site_id, staff_id, created_at, received_at, channel, "
                                    "category, severity, what, state, validity, department_id, satisfaction, "
                                    "reopened, accepted_at, closed_at) VALUES (?1, ?2, ?3, ?3, 'phone', ?4, ?5, "
                                    "'电梯困人', ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    sqlite3_stmt *t = prepare(w.db, "INSERT INTO complaint_targets (site_id, staff_id, created_at, complaint_id, "
                                    "target, severity, policy_key, amount, unit, start_at, due_at, met_at, "
                                    "breached_at, superseded_at) VALUES (?1, ?2, ?3, ?4, 'resolve', ?5, "
                                    "'complaint.minor.resolve_days', 2, 'working_days', ?3, ?6, ?7, ?8, ?9)");
    static const char *const sats[] = { "satisfied", "satisfied", "satisfied", "average", "unsatisfied" };
    sqlite3_exec(w.db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    for (long i = 0; i < n; i++) {
        uint64_t x = bits(7 * i + 3);
        int64_t received = OCT2026 + (int64_t)((double)i * (31.0 * DAY - 60) / (double)n);
        unsigned sev = (unsigned)(x >> 10) % 100, v = (unsigned)(x >> 20) % 100, r = (unsigned)(x >> 30) % 100;
        const char *severity = sev < 5 ? "major" : sev < 30 ? "important" : "minor";
        const char *validity = v < 5 ? NULL : v < 13 ? "invalid" : "valid";
        const char *state = v < 5 ? "registered" : v < 13 ? "closed" : "assigned";
        int64_t department = v < 13 || (x >> 40) % 10 == 0 ? 0 : dept[(x >> 44) % 6];
        int64_t accepted = 0, closed = v >= 5 && v < 13 ? received + 3600 : 0, reopened = 0;
        const char *sat = NULL;
        if (v >= 13 && r < 75) {
            accepted = received + 3600 + (int64_t)((x >> 48) % (10 * DAY));
            state = "implemented";
            if (r < 45) {
                sat = sats[(x >> 52) % 5];
                state = r < 25 ? "closed" : "followed_up";
                closed = r < 25 ? accepted + DAY : 0;
            }
        } else if (v >= 13 && r < 80) {
            reopened = 1 + (int64_t)((x >> 56) % 2);
            sat = "unsatisfied";
        }
        sqlite3_bind_int64(c, 1, e->id);
        sqlite3_bind_int64(c, 2, e->staff);
        sqlite3_bind_int64(c, 3, received);
        sqlite3_bind_text(c, 4, CATEGORIES[(x >> 17) % 9], -1, SQLITE_STATIC);
        sqlite3_bind_text(c, 5, severity, -1, SQLITE_STATIC);
        sqlite3_bind_text(c, 6, state, -1, SQLITE_STATIC);
        sqlite3_bind_text(c, 7, validity, -1, SQLITE_STATIC);
        if (department)
            sqlite3_bind_int64(c, 8, department);
        else
            sqlite3_bind_null(c, 8);
        sqlite3_bind_text(c, 9, sat, -1, SQLITE_STATIC);
        sqlite3_bind_int64(c, 10, reopened);
        sqlite3_bind_int64(c, 11, accepted);
        sqlite3_bind_int64(c, 12, closed);
        step_done(w.db, c);
        int64_t id = sqlite3_last_insert_rowid(w.db);
        int64_t due = received + 3 * DAY;
        for (int k = (x >> 60) % 50 == 0 ? 0 : 1; k < 2; k++) { /* one in fifty has a superseded target first */
            sqlite3_bind_int64(t, 1, e->id);
            sqlite3_bind_int64(t, 2, e->staff);
            sqlite3_bind_int64(t, 3, received);
            sqlite3_bind_int64(t, 4, id);
            sqlite3_bind_text(t, 5, severity, -1, SQLITE_STATIC);
            sqlite3_bind_int64(t, 6, due);
            sqlite3_bind_int64(t, 7, k == 1 ? accepted : 0);
            sqlite3_bind_int64(t, 8, k == 1 && accepted > due ? accepted : 0);
            sqlite3_bind_int64(t, 9, k == 0 ? received + 600 : 0);
            step_done(w.db, t);
        }
    }
    sqlite3_exec(w.db, "COMMIT", NULL, NULL, NULL);
    sqlite3_finalize(c);
    sqlite3_finalize(t);
    sqlite3_close(w.db);
}

static void bench_stats(const char *path, long n)
{
    site e;
    setup(path, &e);
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "open");
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = e.id;
    a.at = OCT2026 - DAY;
    fd_organisation org = FD_ORGANISATION_INIT;
    org.name = "某某物业服务中心";
    int64_t oid = 0, dept[6];
    bench_check(fd_store_organisation_add(&oid, s, &a, &org), "organisation");
    static const char *const names[6] = { "工程部", "客服部", "安保部", "保洁部", "财务部", "绿化部" };
    for (int i = 0; i < 6; i++) {
        fd_department d = FD_DEPARTMENT_INIT;
        d.organisation_id = oid;
        d.name = names[i];
        bench_check(fd_store_department_add(&dept[i], s, &a, &d), "department");
    }
    fd_store_close(s);
    stats_fill(path, &e, dept, n);
    bench_check(fd_store_open(&s, path, NULL), "open");
    a.staff_id = e.staff;
    a.at = OCT2026 + 40 * DAY;
    double lib[STATS_RUNS], base[STATS_RUNS];
    fd_complaint_stats_totals t = FD_COMPLAINT_STATS_TOTALS_INIT;
    for (int run = -1; run < STATS_RUNS; run++) { /* run -1 warms up */
        double t0 = bench_now();
        fd_complaint_stats *st = NULL;
        bench_check(fd_store_complaint_stats(&st, s, &a, 2026, 10), "stats");
        bench_check(fd_complaint_stats_get(&t, st), "stats get");
        fd_complaint_stats_row r = FD_COMPLAINT_STATS_ROW_INIT;
        for (int g = FD_COMPLAINT_STATS_CATEGORY; g <= FD_COMPLAINT_STATS_VALIDITY; g++)
            for (size_t k = 0; k < fd_complaint_stats_row_count(st, g); k++)
                bench_check(fd_complaint_stats_row_get(&r, st, g, k), "stats row");
        fd_complaint_stats_free(st);
        if (run >= 0)
            lib[run] = bench_now() - t0;
    }
    if (t.received != n)
        bench_die("stats", "the month's count is not the rows written");
    /* The month report (R-CPL-6): the same statistics built into the model, rendered as JSON. */
    double rep[STATS_RUNS];
    size_t json_bytes = 0;
    for (int run = -1; run < STATS_RUNS; run++) {
        double t0 = bench_now();
        fd_report *r = NULL;
        fd_buf out = FD_BUF_INIT;
        bench_check(fd_report_complaints_month_new(&r, s, &a, 2026, 10, "zh"), "month report");
        bench_check(fd_report_render(&out, r, FD_REPORT_JSON), "month report json");
        json_bytes = out.size;
        fd_buf_dispose(&out);
        fd_report_free(r);
        if (run >= 0)
            rep[run] = bench_now() - t0;
    }
    /* The baseline: the four counts by plain GROUP BY over the same range of the same index. */
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(db));
    static const char *const groups[4] = { "category", "department_id", "severity", "validity" };
    sqlite3_stmt *q[4];
    for (int g = 0; g < 4; g++) {
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT %s, count(*) FROM complaints INDEXED BY complaints_site_received WHERE "
                 "site_id = ?1 AND received_at >= ?2 AND received_at < ?3 GROUP BY 1", groups[g]);
        q[g] = prepare(db, sql);
    }
    int64_t counted = 0;
    for (int run = -1; run < STATS_RUNS; run++) {
        double t0 = bench_now();
        for (int g = 0; g < 4; g++) {
            sqlite3_bind_int64(q[g], 1, e.id);
            sqlite3_bind_int64(q[g], 2, OCT2026);
            sqlite3_bind_int64(q[g], 3, OCT2026 + 31 * DAY);
            while (sqlite3_step(q[g]) == SQLITE_ROW)
                counted += sqlite3_column_int64(q[g], 1);
            sqlite3_reset(q[g]);
        }
        if (run >= 0)
            base[run] = bench_now() - t0;
    }
    for (int g = 0; g < 4; g++)
        sqlite3_finalize(q[g]);
    sqlite3_close(db);
    if (counted != 4 * (int64_t)n * (STATS_RUNS + 1))
        bench_die("stats", "the baseline's counts are not the rows written");
    double ml = bench_pct(lib, STATS_RUNS, 0.5), mb = bench_pct(base, STATS_RUNS, 0.5);
    bench_figure("stats", "complaints in the month", (double)n, "complaints");
    bench_figure("stats", "resolved", (double)t.resolved, "complaints");
    bench_figure("stats", "reopened", (double)t.reopened, "complaints");
    bench_figure("stats", "followed up", (double)t.followed_up, "complaints");
    bench_figure("stats", "fd_store_complaint_stats median", ml * 1e3, "ms");
    bench_figure("stats", "raw sqlite GROUP BY x4 (counts only) median", mb * 1e3, "ms");
    bench_figure("stats", "library / baseline", ml / mb, "x");
    printf("target stats: median < 500 ms %s\n", ml < 0.5 ? "ok" : "over target");
    double mr = bench_pct(rep, STATS_RUNS, 0.5);
    bench_figure("stats", "month report (build + JSON) median", mr * 1e3, "ms");
    bench_figure("stats", "month report JSON", (double)json_bytes, "bytes");
    printf("target month report: median < 500 ms %s\n", mr < 0.5 ? "ok" : "over target");
    fd_store_close(s);
}

int main(int argc, char **argv)
{
    /* `--stats` runs the monthly statistics only (the first two take minutes at full size). */
    bool stats_only = argc > 1 && strcmp(argv[argc - 1], "--stats") == 0;
    long n = bench_n(argc, argv, 1000000, 2000);
    long queries = bench_n(argc, argv, 1000, 20);
    char lib_path[4096], raw_path[4096];
    snprintf(lib_path, sizeof lib_path, "%s", bench_path("complaints-lib"));
    snprintf(raw_path, sizeof raw_path, "%s", bench_path("complaints-raw"));
    if (!stats_only) {
        site e;
        setup(lib_path, &e);
        bench_copy_file(lib_path, raw_path);
        bench_register(lib_path, raw_path, n, &e);
        remove(raw_path);
        bench_queue(lib_path, &e, queries);
        remove(lib_path);
    }
    char stats_path[4096];
    snprintf(stats_path, sizeof stats_path, "%s", bench_path("complaints-stats"));
    bench_stats(stats_path, bench_n(argc, argv, 100000, 500));
    remove(stats_path);
    return 0;
}
