/*
 * Journal inserts: 200,000 rows through fd_store_journal_add (one
 * transaction, a member of staff as the actor: each write checks the actor and
 * validates the record) versus raw SQLite prepared INSERTs of the same rows
 * into the same schema with the same pragmas, in the same run. Target ratio
 * >= 0.7 (library rows/s divided by raw rows/s).
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const details[] = { "来电咨询，已复述并转行政部", "访客登记，已电话确认", "收取物业管理费" };

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_store: %s: %s\n", what, msg);
    exit(1);
}

/* A fresh store with one site and one member of staff; returns the file name. */
static void setup(char *path, const char *stem, int64_t *site, int64_t *staff)
{
    strcpy(path, bench_path(stem));
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = 1795363200;
    fd_site si = FD_SITE_INIT;
    si.code = "park", si.name = "某某产业园";
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "王小丽", st.role = "clerk";
    if (fd_store_open(&s, path, NULL) || fd_store_site_add(site, s, &a, &si))
        die("setup", fd_error_last()->message);
    a.site_id = *site;
    if (fd_store_staff_add(staff, s, &a, &st))
        die("setup", fd_error_last()->message);
    fd_store_close(s);
}

static double run_library(const char *path, long n, int64_t site, int64_t staff)
{
    fd_store *s = NULL;
    if (fd_store_open(&s, path, NULL))
        die("open", fd_error_last()->message);
    double t0 = bench_now();
    if (fd_store_begin(s))
        die("begin", fd_error_last()->message);
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call";
    e.action = "log";
    for (long i = 0; i < n; i++) {
        a.at = 1795363200 + i;
        e.entity_id = i + 1;
        e.detail = details[i % 3];
        if (fd_store_journal_add(NULL, s, &a, &e))
            die("append", fd_error_last()->message);
    }
    if (fd_store_commit(s))
        die("commit", fd_error_last()->message);
    double t = bench_now() - t0;
    fd_store_close(s);
    return t;
}

static double run_raw(const char *path, long n, int64_t site, int64_t staff)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die("raw open", sqlite3_errmsg(db));
    sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL,
                 NULL, NULL);
    double t0 = bench_now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    sqlite3_prepare_v2(db,
                       "INSERT INTO journal (at, site_id, staff_id, entity, entity_id, action, detail) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                       -1, &st, NULL);
    for (long i = 0; i < n; i++) {
        sqlite3_bind_int64(st, 1, 1795363200 + i);
        sqlite3_bind_int64(st, 2, site);
        sqlite3_bind_int64(st, 3, staff);
        sqlite3_bind_text(st, 4, "call", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, i + 1);
        sqlite3_bind_text(st, 6, "log", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, details[i % 3], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            die("raw insert", sqlite3_errmsg(db));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    double t = bench_now() - t0;
    sqlite3_close(db);
    return t;
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 200000, 2000);
    char lib_path[4096], raw_path[4096];
    int64_t site, staff;
    setup(lib_path, "lib", &site, &staff);
    setup(raw_path, "raw", &site, &staff);
    /* Alternate twice and keep the best of each, to damp machine noise. */
    double lib = 1e9, raw = 1e9;
    for (int round = 0; round < 2; round++) {
        double r = run_raw(raw_path, n / 2, site, staff), l = run_library(lib_path, n / 2, site, staff);
        raw = r < raw ? r : raw;
        lib = l < lib ? l : lib;
    }
    bench_figure("store", "journal rows (per run)", (double)(n / 2), "rows");
    bench_figure("store", "library", (double)(n / 2) / lib, "rows/s");
    bench_figure("store", "raw sqlite", (double)(n / 2) / raw, "rows/s");
    bench_ratio("store", raw / lib, 0.7);
    return 0;
}
