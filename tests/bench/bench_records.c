/*
 * Reading records: 100,000 journal entries of one site through
 * fd_store_journal_query (the record engine: paged keyset reads, the actor
 * checked once, every detail scanned and masked for phone and ID numbers,
 * R-COM-2) versus a raw SQLite SELECT of the same columns stepped to the end
 * without masking, in the same run, same file, both warmed up. The raw side
 * is a lower bound: it discloses the numbers the library masks. Target ratio
 * >= 0.3 (library rows/s divided by raw rows/s).
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_records: %s: %s\n", what, msg);
    exit(1);
}

/* Realistic, varied details: a third carry a mobile or an ID number. */
static void detail(char *out, size_t cap, long i)
{
    static const char *const what[] = { "来电咨询会议室预订，已转行政部", "访客登记，已电话确认，发访客卡",
                                        "收取物业管理费，收据已开", "来电报修卫生间漏水，已派工",
                                        "投诉电梯异响，已通知工程部", "回访维修结果，客户满意" };
    static const char *const who[] = { "张先生", "李女士", "欧阳先生", "王小姐", "陈总", "单先生" };
    switch (i % 3) {
    case 0:
        snprintf(out, cap, "%s %s %ld 号楼", who[i % 6], what[(i / 3) % 6], i % 40 + 1);
        break;
    case 1:
        snprintf(out, cap, "%s 来电 1%02ld%08ld %s", who[(i / 7) % 6], 30 + i % 70, i * 7919 % 100000000,
                 what[i % 6]);
        break;
    default:
        snprintf(out, cap, "%s 身份证 4301021985%02ld%02ld%03ldX 登记，%s", who[i % 6], i % 12 + 1, i % 28 + 1,
                 i % 1000, what[(i / 5) % 6]);
    }
}

static int64_t setup(const char *path, long n)
{
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = 1795363200;
    fd_site si = FD_SITE_INIT;
    si.code = "park", si.name = "某某产业园";
    int64_t site = 0;
    if (fd_store_open(&s, path, NULL) || fd_store_site_add(&site, s, &a, &si) || fd_store_begin(s))
        die("setup", fd_error_last()->message);
    a.site_id = site;
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.action = "log";
    char text[256];
    for (long i = 0; i < n; i++) {
        detail(text, sizeof text, i);
        a.at = 1795363200 + i;
        e.entity_id = i + 1;
        e.detail = text;
        if (fd_store_journal_add(NULL, s, &a, &e))
            die("add", fd_error_last()->message);
    }
    if (fd_store_commit(s))
        die("commit", fd_error_last()->message);
    fd_store_close(s);
    return site;
}

static double run_library(fd_store *s, int64_t site, long *rows, size_t *bytes)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.at = 1795363200;
    double t0 = bench_now();
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    if (fd_store_journal_query(&it, s, &a, NULL))
        die("query", fd_error_last()->message);
    *rows = 0;
    *bytes = 0;
    while (fd_journal_iter_next(&e, it) == FD_OK && e) {
        (*rows)++;
        *bytes += strlen(e->detail);
    }
    fd_journal_iter_free(it);
    return bench_now() - t0;
}

static double run_raw(sqlite3 *db, int64_t site, long *rows, size_t *bytes)
{
    sqlite3_stmt *st = NULL;
    double t0 = bench_now();
    sqlite3_prepare_v2(db,
                       "SELECT id, at, site_id, staff_id, entity, entity_id, action, detail FROM journal "
                       "WHERE site_id = ?1 ORDER BY id",
                       -1, &st, NULL);
    sqlite3_bind_int64(st, 1, site);
    *rows = 0;
    *bytes = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        (*rows)++;
        sqlite3_column_int64(st, 1);
        sqlite3_column_text(st, 4);
        sqlite3_column_text(st, 6);
        *bytes += (size_t)sqlite3_column_bytes(st, 7);
        (void)sqlite3_column_text(st, 7);
    }
    sqlite3_finalize(st);
    return bench_now() - t0;
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 100000, 500);
    char path[4096];
    strcpy(path, bench_path("records"));
    int64_t site = setup(path, n);
    fd_store *s = NULL;
    sqlite3 *db = NULL;
    if (fd_store_open(&s, path, NULL))
        die("open", fd_error_last()->message);
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die("raw open", sqlite3_errmsg(db));
    long lrows = 0, rrows = 0;
    size_t lbytes = 0, rbytes = 0;
    run_library(s, site, &lrows, &lbytes); /* warm-up of both sides */
    run_raw(db, site, &rrows, &rbytes);
    double lib = 1e9, raw = 1e9;
    for (int round = 0; round < 3; round++) {
        double r = run_raw(db, site, &rrows, &rbytes), l = run_library(s, site, &lrows, &lbytes);
        raw = r < raw ? r : raw;
        lib = l < lib ? l : lib;
    }
    /* n entries plus the one journaling the site's creation. */
    if (lrows != n + 1 || rrows != n + 1)
        die("rows", "library and raw read a different number of rows");
    bench_figure("records", "journal rows read", (double)n, "rows");
    bench_figure("records", "library (masked)", (double)n / lib, "rows/s");
    bench_figure("records", "raw sqlite (unmasked)", (double)n / raw, "rows/s");
    bench_ratio("records", raw / lib, 0.3);
    sqlite3_close(db);
    fd_store_close(s);
    return 0;
}
