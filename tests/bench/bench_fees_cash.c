/*
 * The cash desk (issue 14, item 9): 100,000 payments with their receipts
 * through fd_store_payment_add — each checked (method, amount, tendered,
 * reference), the account's revision compared (R-FEE-1), allocated line by
 * line oldest bill first, its receipt numbered from the series in the same
 * transaction with the amount in capital numerals (R-FEE-4), journaled twice
 * (payment, receipt) on the hash chain — versus raw SQLite prepared
 * statements writing the same rows (the account's revision, the payment, its
 * allocations, the lines' and bill's paid, the series' next number, the
 * receipt with the capital numerals computed before the clock starts, the
 * payment's receipt, two journal rows unhashed) into a copy of the same file
 * (same schema, indexes, triggers), in the same run. 10,000 units of a
 * estate, each with ten monthly bills of one or two lines (management fee
 * on 40-180 m² at ¥1.2345/m², parking on some); each payment clears a unit's
 * oldest open bill exactly, by cash (tendered rounded up to ¥100), WeChat,
 * Alipay or card with a reference. Chunks of 1,000 in one transaction each,
 * raw and library alternating, warm, best of two halves. Target >= 0.5.
 *
 * `--smoke` runs tiny sizes (the ctest checks that it runs, never how fast).
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1795395600 /* 2026-11-23 09:00 Asia/Shanghai */
#define ROUNDS 10

typedef struct estate {
    int64_t site, staff, series;
    long units;
    int64_t *unit;       /* [units] */
    int64_t *bill;       /* [units * ROUNDS] */
    int64_t *line;       /* [units * ROUNDS * 2]: 0 = none */
    int64_t *line_fen;   /* [units * ROUNDS * 2] */
} estate;

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
        bench_die(sql, err ? err : "?");
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
        bench_die(sql, sqlite3_errmsg(db));
    return st;
}

static void done(sqlite3 *db, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        bench_die("step", sqlite3_errmsg(db));
    sqlite3_reset(st);
}

static void setup(const char *path, estate *e, long units)
{
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = T0 - 30 * 86400;
    fd_site si = FD_SITE_INIT;
    si.code = "garden", si.name = "阳光花园";
    bench_check(fd_store_open(&s, path, NULL), "setup open");
    bench_check(fd_store_site_add(&e->site, s, &a, &si), "setup site");
    a.site_id = e->site;
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "王小丽", st.role = "clerk";
    bench_check(fd_store_staff_add(&e->staff, s, &a, &st), "setup staff");
    fd_receipt_series rs = FD_RECEIPT_SERIES_INIT;
    rs.code = "E2026", rs.kind = "electronic", rs.first_no = 1;
    bench_check(fd_store_receipt_series_add(&e->series, s, &a, &rs), "setup series");
    e->units = units;
    e->unit = calloc((size_t)units, sizeof *e->unit);
    e->bill = calloc((size_t)units * ROUNDS, sizeof *e->bill);
    e->line = calloc((size_t)units * ROUNDS * 2, sizeof *e->line);
    e->line_fen = calloc((size_t)units * ROUNDS * 2, sizeof *e->line_fen);
    if (!e->unit || !e->bill || !e->line || !e->line_fen)
        bench_die("setup", "out of memory");
    bench_check(fd_store_begin(s), "begin");
    for (int b = 0; b < 20; b++) {
        fd_building bl = FD_BUILDING_INIT;
        char code[8], name[32];
        snprintf(code, sizeof code, "%d", b + 1);
        snprintf(name, sizeof name, "%d号楼", b + 1);
        bl.code = code, bl.name = name;
        int64_t bid = 0;
        bench_check(fd_store_building_add(&bid, s, &a, &bl), "building");
        for (long k = b; k < units; k += 20) {
            fd_unit u = FD_UNIT_INIT;
            char num[48];
            snprintf(num, sizeof num, "%ld%02ld", 1 + (k / 20) / 4, 1 + (k / 20) % 4); /* floor, room */
            u.building_id = bid, u.number = num, u.use = "residential";
            u.area_m2x100 = 4000 + (k * 7919) % 14000;
            bench_check(fd_store_unit_add(&e->unit[k], s, &a, &u), "unit");
        }
    }
    bench_check(fd_store_commit(s), "commit");
    fd_store_close(s);
    /* the bills as billing writes them (untimed; raw for speed) */
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("open", sqlite3_errmsg(db));
    exec(db, "BEGIN");
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO fee_items (id, site_id, created_at, code, name, kind, custody, retired) VALUES "
             "(1, %lld, 0, 'mgmt', '物业管理费', 'area', 1, 0), (2, %lld, 0, 'parking', '停车费', 'fixed', 0, 0)",
             (long long)e->site, (long long)e->site);
    exec(db, sql);
    sqlite3_stmt *acc = prep(db, "INSERT INTO unit_accounts (site_id, created_at, unit_id, balance, rev) "
                                 "VALUES (?1, 0, ?2, 0, 0)");
    sqlite3_stmt *bill = prep(db, "INSERT INTO bills (site_id, created_at, unit_id, period, period_start, period_end, "
                                  "due_on, amount, paid, adjusted, state) VALUES (?1, 0, ?2, 'month', ?3, ?4, ?5, ?6, 0, "
                                  "0, 'open')");
    sqlite3_stmt *line = prep(db, "INSERT INTO bill_lines (site_id, created_at, bill_id, unit_id, item_id, kind, "
                                  "month_start, qty_e2, price_e4, rounding, amount) VALUES (?1, 0, ?2, ?3, ?4, 'charge', "
                                  "?5, ?6, ?7, 'half_up', ?8)");
    for (long k = 0; k < units; k++) {
        sqlite3_bind_int64(acc, 1, e->site);
        sqlite3_bind_int64(acc, 2, e->unit[k]);
        done(db, acc);
        int64_t area = 4000 + (k * 7919) % 14000;
        for (int r = 0; r < ROUNDS; r++) {
            char start[11], end[11], due[11];
            int y = 2025 + (r + 1) / 12, m = (r + 1) % 12 + 1, ny = 2025 + (r + 2) / 12, nm = (r + 2) % 12 + 1;
            snprintf(start, sizeof start, "%04d-%02d-01", y, m);
            snprintf(end, sizeof end, "%04d-%02d-01", ny, nm);
            snprintf(due, sizeof due, "%04d-%02d-15", y, m);
            int64_t mgmt = (area * 12345 + 5000) / 10000; /* qty_e2 × price_e4 / 10^4 fen, half up */
            int64_t park = k % 3 == 0 ? 30000 : 0;
            size_t at = (size_t)(k * ROUNDS + r);
            sqlite3_bind_int64(bill, 1, e->site);
            sqlite3_bind_int64(bill, 2, e->unit[k]);
            sqlite3_bind_text(bill, 3, start, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(bill, 4, end, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(bill, 5, due, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(bill, 6, mgmt + park);
            done(db, bill);
            e->bill[at] = sqlite3_last_insert_rowid(db);
            for (int li = 0; li < (park ? 2 : 1); li++) {
                sqlite3_bind_int64(line, 1, e->site);
                sqlite3_bind_int64(line, 2, e->bill[at]);
                sqlite3_bind_int64(line, 3, e->unit[k]);
                sqlite3_bind_int64(line, 4, li + 1);
                sqlite3_bind_text(line, 5, start, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int64(line, 6, li ? 100 : area);
                sqlite3_bind_int64(line, 7, li ? 3000000 : 12345);
                sqlite3_bind_int64(line, 8, li ? park : mgmt);
                done(db, line);
                e->line[at * 2 + (size_t)li] = sqlite3_last_insert_rowid(db);
                e->line_fen[at * 2 + (size_t)li] = li ? park : mgmt;
            }
        }
    }
    sqlite3_finalize(acc);
    sqlite3_finalize(bill);
    sqlite3_finalize(line);
    exec(db, "COMMIT");
    sqlite3_close(db);
}

/* Payment @i: unit i % units clears its bill of round i / units. */
typedef struct pay_row {
    long unit;
    size_t at;
    int64_t amount, tendered, rev;
    const char *method;
    char reference[32], upper[64];
} pay_row;

static void make_row(pay_row *p, const estate *e, long i)
{
    static const char *const METHODS[] = { "cash", "cash", "wechat", "alipay", "card", "wechat", "cash" };
    p->unit = i % e->units;
    p->rev = i / e->units;
    p->at = (size_t)(p->unit * ROUNDS + p->rev);
    p->amount = e->line_fen[p->at * 2] + e->line_fen[p->at * 2 + 1];
    p->method = METHODS[(i * 31) % 7];
    p->tendered = strcmp(p->method, "cash") == 0 ? (p->amount + 9999) / 10000 * 10000 : 0;
    snprintf(p->reference, sizeof p->reference, "4200%012ld", i);
    fd_buf b = FD_BUF_INIT;
    bench_check(fd_money_upper(&b, p->amount), "upper");
    snprintf(p->upper, sizeof p->upper, "%s", b.ptr);
    fd_buf_dispose(&b);
}

static double pay_library(fd_store *s, const estate *e, const pay_row *rows, long n, int64_t at)
{
    double t0 = bench_now();
    bench_check(fd_store_begin(s), "begin");
    for (long i = 0; i < n; i++) {
        const pay_row *r = &rows[i];
        fd_payment p = FD_PAYMENT_INIT;
        p.unit_id = e->unit[r->unit];
        p.method = r->method;
        p.amount = r->amount;
        p.tendered = r->tendered;
        p.reference = r->tendered ? NULL : r->reference;
        p.expect_rev = r->rev;
        p.payer = "王小丽";
        fd_actor a = FD_ACTOR_INIT;
        a.site_id = e->site, a.staff_id = e->staff, a.at = at + i;
        fd_payment_result res;
        bench_check(fd_store_payment_add(&res, s, &a, &p, e->series, NULL, 0), "payment");
    }
    bench_check(fd_store_commit(s), "commit");
    return bench_now() - t0;
}

typedef struct raw {
    sqlite3 *db;
    sqlite3_stmt *rev, *pay, *alloc, *line, *bill, *series, *receipt, *link, *journal;
    int64_t journal_id;
} raw;

static void raw_open(raw *w, const char *path)
{
    if (sqlite3_open(path, &w->db) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(w->db));
    exec(w->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    w->rev = prep(w->db, "UPDATE unit_accounts SET rev = rev + 1, balance = balance + 0 WHERE unit_id = ?1 "
                         "AND rev = ?2 RETURNING rev");
    w->pay = prep(w->db, "INSERT INTO payments (site_id, staff_id, created_at, unit_id, payer, method, amount, "
                         "tendered, change, reference, expect_rev, to_balance, paid_on, state) VALUES (?1, ?2, ?3, ?4, "
                         "'王小丽', ?5, ?6, ?7, ?8, ?9, ?10, 0, '2026-11-23', 'valid')");
    w->alloc = prep(w->db, "INSERT INTO allocations (site_id, staff_id, created_at, payment_id, bill_id, bill_line_id, "
                           "amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    w->line = prep(w->db, "UPDATE bill_lines SET paid = paid + ?2 WHERE id = ?1");
    w->bill = prep(w->db, "UPDATE bills SET paid = paid + ?2, state = 'paid' WHERE id = ?1");
    w->series = prep(w->db, "UPDATE receipt_series SET next_no = next_no + 1 WHERE id = ?1 AND closed = 0 "
                            "RETURNING next_no - 1");
    w->receipt = prep(w->db, "INSERT INTO receipts (site_id, staff_id, created_at, series_id, number, unit_id, "
                             "payment_id, amount, amount_upper, payer, state, issued_on) VALUES (?1, ?2, ?3, ?4, ?5, "
                             "?6, ?7, ?8, ?9, '王小丽', 'issued', '2026-11-23')");
    w->link = prep(w->db, "UPDATE payments SET receipt_id = ?2 WHERE id = ?1");
    w->journal = prep(w->db, "INSERT INTO journal (id, at, site_id, staff_id, entity, entity_id, action, detail) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    sqlite3_stmt *j = prep(w->db, "SELECT coalesce(max(id), 0) FROM journal");
    sqlite3_step(j);
    w->journal_id = sqlite3_column_int64(j, 0);
    sqlite3_finalize(j);
}

static void raw_close(raw *w)
{
    sqlite3_stmt *all[] = { w->rev, w->pay, w->alloc, w->line, w->bill, w->series, w->receipt, w->link, w->journal };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    sqlite3_close(w->db);
}

static void journal(raw *w, const estate *e, int64_t at, const char *entity, int64_t id, const char *action,
                    const char *detail)
{
    sqlite3_stmt *st = w->journal;
    sqlite3_bind_int64(st, 1, ++w->journal_id);
    sqlite3_bind_int64(st, 2, at);
    sqlite3_bind_int64(st, 3, e->site);
    sqlite3_bind_int64(st, 4, e->staff);
    sqlite3_bind_text(st, 5, entity, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, id);
    sqlite3_bind_text(st, 7, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, detail, -1, SQLITE_TRANSIENT);
    done(w->db, st);
}

static double pay_raw(raw *w, const estate *e, const pay_row *rows, long n, int64_t at)
{
    double t0 = bench_now();
    exec(w->db, "BEGIN IMMEDIATE");
    for (long i = 0; i < n; i++) {
        const pay_row *r = &rows[i];
        int64_t t = at + i, unit = e->unit[r->unit];
        sqlite3_bind_int64(w->rev, 1, unit);
        sqlite3_bind_int64(w->rev, 2, r->rev);
        if (sqlite3_step(w->rev) != SQLITE_ROW)
            bench_die("raw rev", sqlite3_errmsg(w->db));
        sqlite3_reset(w->rev);
        sqlite3_stmt *st = w->pay;
        sqlite3_bind_int64(st, 1, e->site);
        sqlite3_bind_int64(st, 2, e->staff);
        sqlite3_bind_int64(st, 3, t);
        sqlite3_bind_int64(st, 4, unit);
        sqlite3_bind_text(st, 5, r->method, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, r->amount);
        sqlite3_bind_int64(st, 7, r->tendered);
        sqlite3_bind_int64(st, 8, r->tendered ? r->tendered - r->amount : 0);
        if (r->tendered)
            sqlite3_bind_null(st, 9);
        else
            sqlite3_bind_text(st, 9, r->reference, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, r->rev);
        done(w->db, st);
        int64_t pid = sqlite3_last_insert_rowid(w->db);
        for (int li = 0; li < 2; li++) {
            int64_t line = e->line[r->at * 2 + (size_t)li], fen = e->line_fen[r->at * 2 + (size_t)li];
            if (line == 0)
                continue;
            sqlite3_bind_int64(w->alloc, 1, e->site);
            sqlite3_bind_int64(w->alloc, 2, e->staff);
            sqlite3_bind_int64(w->alloc, 3, t);
            sqlite3_bind_int64(w->alloc, 4, pid);
            sqlite3_bind_int64(w->alloc, 5, e->bill[r->at]);
            sqlite3_bind_int64(w->alloc, 6, line);
            sqlite3_bind_int64(w->alloc, 7, fen);
            done(w->db, w->alloc);
            sqlite3_bind_int64(w->line, 1, line);
            sqlite3_bind_int64(w->line, 2, fen);
            done(w->db, w->line);
        }
        sqlite3_bind_int64(w->bill, 1, e->bill[r->at]);
        sqlite3_bind_int64(w->bill, 2, r->amount);
        done(w->db, w->bill);
        sqlite3_bind_int64(w->series, 1, e->series);
        if (sqlite3_step(w->series) != SQLITE_ROW)
            bench_die("raw series", sqlite3_errmsg(w->db));
        int64_t number = sqlite3_column_int64(w->series, 0);
        sqlite3_reset(w->series);
        st = w->receipt;
        sqlite3_bind_int64(st, 1, e->site);
        sqlite3_bind_int64(st, 2, e->staff);
        sqlite3_bind_int64(st, 3, t);
        sqlite3_bind_int64(st, 4, e->series);
        sqlite3_bind_int64(st, 5, number);
        sqlite3_bind_int64(st, 6, unit);
        sqlite3_bind_int64(st, 7, pid);
        sqlite3_bind_int64(st, 8, r->amount);
        sqlite3_bind_text(st, 9, r->upper, -1, SQLITE_STATIC);
        done(w->db, st);
        int64_t rid = sqlite3_last_insert_rowid(w->db);
        sqlite3_bind_int64(w->link, 1, pid);
        sqlite3_bind_int64(w->link, 2, rid);
        done(w->db, w->link);
        char detail[96];
        snprintf(detail, sizeof detail, "amount %lld.%02lld %s receipt %lld", (long long)(r->amount / 100),
                 (long long)(r->amount % 100), r->method, (long long)number);
        journal(w, e, t, "payment", pid, "add", detail);
        journal(w, e, t, "receipt", rid, "issue", detail);
    }
    exec(w->db, "COMMIT");
    return bench_now() - t0;
}

static int64_t figure(const char *path, const char *sql)
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

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 100000, 2000);
    long units = n / ROUNDS;
    char lib_path[4096], raw_path[4096];
    snprintf(lib_path, sizeof lib_path, "%s", bench_path("fees-cash-lib"));
    snprintf(raw_path, sizeof raw_path, "%s", bench_path("fees-cash-raw"));
    estate e;
    memset(&e, 0, sizeof e);
    double t0 = bench_now();
    setup(lib_path, &e, units);
    bench_figure("fees_cash", "setup (units, 10 bills each)", bench_now() - t0, "s");
    bench_copy_file(lib_path, raw_path);
    enum { CHUNK = 1000 };
    pay_row *rows = malloc(sizeof *rows * CHUNK);
    if (rows == NULL)
        bench_die("rows", "out of memory");
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, lib_path, NULL), "open");
    raw w;
    raw_open(&w, raw_path);
    long warm = n / 20 ? n / 20 : 1, half = (n - warm) / 2;
    double best_lib = 1e9, best_raw = 1e9;
    for (long from = 0, round = -1; from < n; round++) {
        long count = round < 0 ? warm : round == 0 ? half : n - from;
        double lib = 0, rw = 0;
        for (long i = 0; i < count; i += CHUNK) {
            long k = count - i < CHUNK ? count - i : CHUNK;
            for (long j = 0; j < k; j++)
                make_row(&rows[j], &e, from + i + j);
            rw += pay_raw(&w, &e, rows, k, T0 + from + i);
            lib += pay_library(s, &e, rows, k, T0 + from + i);
        }
        if (round >= 0) {
            best_lib = lib / (double)count < best_lib ? lib / (double)count : best_lib;
            best_raw = rw / (double)count < best_raw ? rw / (double)count : best_raw;
        }
        from += count;
    }
    fd_store_close(s);
    raw_close(&w);
    /* both sides stored the same money and numbers */
    const char *const checks[] = { "SELECT sum(amount) FROM payments", "SELECT count(*) FROM allocations",
                                   "SELECT max(number) FROM receipts", "SELECT count(*) FROM bills WHERE state = 'paid'",
                                   "SELECT sum(paid) FROM bill_lines" };
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++)
        if (figure(lib_path, checks[i]) != figure(raw_path, checks[i]))
            bench_die(checks[i], "the library and the raw side differ");
    bench_figure("fees_cash", "payments", (double)n, "payments");
    bench_figure("fees_cash", "library fd_store_payment_add (with receipt)", 1.0 / best_lib, "payments/s");
    bench_figure("fees_cash", "raw sqlite (payment, allocations, paid, series, receipt, journal)", 1.0 / best_raw,
                 "payments/s");
    bench_ratio("fees_cash", best_raw / best_lib, 0.5);
    free(rows);
    free(e.unit);
    free(e.bill);
    free(e.line);
    free(e.line_fen);
    remove(raw_path);
    remove(lib_path);
    return 0;
}
