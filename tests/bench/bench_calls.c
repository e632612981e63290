/*
 * The calls module (issue 11), four figures, each against its target:
 *
 * 1. Logging calls: 1,000,000 varied calls (numbers, names, categories,
 *    dispositions, ring times, late answers with and without the apology)
 *    through fd_store_call_add in one transaction (each call checked, assessed
 *    with the site's policy, its number normalised) versus raw SQLite prepared
 *    INSERTs of the same final rows into the same schema (same indexes, same
 *    pragmas), in the same run, alternating, best of two. Target >= 0.7.
 * 2. CDR import: an Asterisk Master.csv of varied calls (one to three legs
 *    each) through fd_store_cdr_import in lines/s, versus raw SQLite INSERTs of
 *    the same legs, parsed beforehand, into cdr_legs. Shown, no target.
 * 3. The daily report over the million calls: fd_report_daily_new + text
 *    rendering of one day, median of 5 after a warm-up. Target < 200 ms.
 * 4. Directory lookup over 100,000 entries: fd_store_dir_find with 2,000
 *    varied queries (full names, pinyin and initials prefixes, Traditional
 *    input, single letters that match thousands, extensions, misses), p99
 *    after a warm-up pass. Target < 10 ms.
 *
 * `--smoke` runs tiny sizes (the ctest checks that it runs, never how fast).
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1767225600 /* 2026-01-01 00:00 UTC */

static const char *const SURNAMES[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                        "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马", "诸葛", "𠮷" };
static const char *const GIVEN[] = { "小丽", "建国", "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
                                     "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英",
                                     "長沙", "國強", "曉明" };
static const char *const DEPTS[] = { "行政部", "工程部", "客服中心", "财务部", "保安部", "保洁部", "招商部",
                                     "总经理办公室", "人力资源部", "信息中心" };
static const char *const CATEGORIES[] = { "inquiry", "inquiry", "inquiry", "repair", "repair", "complaint",
                                          "suggestion", "praise", "fault", "business", "business", "private",
                                          "wrong_number" };
static const char *const MATTERS[] = { "咨询物业费缴纳方式", "3-1201 卫生间漏水，已复述", "电梯异响，请派人查看",
                                       "投诉夜间装修噪音", "表扬保安王师傅", "快递放在前台", "停车卡续费",
                                       "空调不制冷", "访客预约登记", "门禁卡失效" };

/* A deterministic pseudo-random sequence (xorshift), so runs compare. */
static uint64_t rng_state = 88172645463325252ull;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* One call's input and the row the library stores for it (for the raw side). */
typedef struct row {
    char number[16];
    char name[32];
    const char *category, *disposition, *matter, *apology;
    int64_t ring_at, answer_at, end_at, rings;
    int late, over_limit, read_back;
} row;

static void make_row(row *r, long i, long per_day)
{
    memset(r, 0, sizeof *r);
    uint64_t x = rnd();
    if (x % 5 == 0)
        snprintf(r->number, sizeof r->number, "0755%08u", 20000000u + (unsigned)(x >> 8) % 70000000u);
    else
        snprintf(r->number, sizeof r->number, "1%u%09u", 3 + (unsigned)(x >> 4) % 7, (unsigned)(x >> 12) % 1000000000u);
    snprintf(r->name, sizeof r->name, "%s%s", SURNAMES[(x >> 20) % 24], GIVEN[(x >> 28) % 28]);
    r->category = CATEGORIES[(x >> 36) % 13];
    r->matter = strcmp(r->category, "wrong_number") == 0 ? NULL : MATTERS[(x >> 40) % 10];
    /* per_day calls a day, between 08:00 and 20:00 Beijing time */
    r->ring_at = T0 + (i / per_day) * 86400 + (i % per_day) * (43200 / per_day) + (int64_t)((x >> 44) % 30);
    unsigned d = (unsigned)(x >> 50) % 20;
    r->disposition = d < 16 ? "answered" : d < 18 ? "no_answer" : d < 19 ? "busy" : "cancelled";
    if (strcmp(r->disposition, "answered") == 0) {
        int64_t wait = (int64_t)((x >> 54) % 24); /* 0..23 s: 1..5 rings */
        r->answer_at = r->ring_at + wait;
        r->end_at = r->answer_at + 20 + (int64_t)((x >> 3) % 400);
        r->rings = wait <= 0 ? 1 : (wait + 4) / 5; /* R-CALL-1: a started ring counts */
        r->late = r->rings > 3;
        r->apology = r->late ? ((x & 1) ? "given" : "omitted") : NULL;
        r->over_limit = strcmp(r->category, "private") == 0 && r->end_at - r->answer_at > 180;
        r->read_back = 1;
    } else {
        r->end_at = r->ring_at + 30;
        r->category = NULL;
        r->matter = NULL;
    }
}

static void setup(char *path, const char *stem, int64_t *site, int64_t *staff)
{
    strcpy(path, bench_path(stem));
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = T0 - 86400;
    fd_site si = FD_SITE_INIT;
    si.code = "park", si.name = "某某产业园";
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "王小丽", st.role = "clerk";
    bench_check(fd_store_open(&s, path, NULL), "setup open");
    bench_check(fd_store_site_add(site, s, &a, &si), "setup site");
    a.site_id = *site;
    bench_check(fd_store_staff_add(staff, s, &a, &st), "setup staff");
    bench_check(fd_store_grant_set(s, &a, "clerk", FD_GRANT_MANAGE, 1), "setup grant");
    fd_store_close(s);
}

static double log_library(fd_store *s, const row *rows, long from, long n, int64_t site, int64_t staff)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    double t0 = bench_now();
    bench_check(fd_store_begin(s), "begin");
    for (long i = from; i < from + n; i++) {
        const row *r = &rows[i];
        fd_call k = FD_CALL_INIT;
        k.direction = "in";
        k.caller_number = r->number;
        k.caller_name = r->name;
        k.ring_at = r->ring_at;
        k.answer_at = r->answer_at;
        k.end_at = r->end_at;
        k.disposition = r->disposition;
        k.category = r->category;
        k.matter = r->matter;
        k.apology = r->apology;
        k.read_back = r->read_back;
        a.at = r->end_at + 5;
        int64_t id = 0;
        bench_check(fd_store_call_add(&id, s, &a, &k), "call add");
    }
    bench_check(fd_store_commit(s), "commit");
    return bench_now() - t0;
}

static double log_raw(sqlite3 *db, const row *rows, long from, long n, int64_t site, int64_t staff)
{
    sqlite3_stmt *st = NULL;
    double t0 = bench_now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO calls (site_id, staff_id, logged_at, direction, caller_number, caller_name, "
                           "ring_at, answer_at, end_at, disposition, category, matter, read_back, rings, late, "
                           "apology, over_limit, unresolved, legs) VALUES (?1, ?2, ?3, 'in', ?4, ?5, ?6, ?7, ?8, ?9, "
                           "?10, ?11, ?12, ?13, ?14, ?15, ?16, 0, 0)",
                           -1, &st, NULL) != SQLITE_OK)
        bench_die("raw prepare", sqlite3_errmsg(db));
    for (long i = from; i < from + n; i++) {
        const row *r = &rows[i];
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_int64(st, 2, staff);
        sqlite3_bind_int64(st, 3, r->end_at + 5);
        sqlite3_bind_text(st, 4, r->number, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, r->name, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, r->ring_at);
        sqlite3_bind_int64(st, 7, r->answer_at);
        sqlite3_bind_int64(st, 8, r->end_at);
        sqlite3_bind_text(st, 9, r->disposition, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, r->category, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 11, r->matter, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 12, r->read_back);
        sqlite3_bind_int64(st, 13, r->rings);
        sqlite3_bind_int(st, 14, r->late);
        sqlite3_bind_text(st, 15, r->apology, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 16, r->over_limit);
        if (sqlite3_step(st) != SQLITE_DONE)
            bench_die("raw insert", sqlite3_errmsg(db));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    return bench_now() - t0;
}

static sqlite3 *raw_open(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        bench_die("raw open", sqlite3_errmsg(db));
    /* The library's pragmas (store.c): a statement that fires a trigger keeps a statement journal, in memory. */
    sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                 "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
    return db;
}

/* 1. logging: alternating library and raw in chunks (both warm), best of two rounds of n/2. */
static void bench_log(const char *lib_path, const char *raw_path, const row *rows, long n, int64_t site,
                      int64_t staff)
{
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, lib_path, NULL), "open");
    sqlite3 *db = raw_open(raw_path);
    /* warm-up: 1% on each side, not counted */
    long warm = n / 100 ? n / 100 : 1;
    log_library(s, rows, 0, warm, site, staff);
    log_raw(db, rows, 0, warm, site, staff);
    double lib = 1e9, raw = 1e9;
    long half = (n - warm) / 2;
    for (int round = 0; round < 2; round++) {
        double r = log_raw(db, rows, warm + round * half, half, site, staff);
        double l = log_library(s, rows, warm + round * half, half, site, staff);
        raw = r < raw ? r : raw;
        lib = l < lib ? l : lib;
    }
    sqlite3_close(db);
    fd_store_close(s);
    bench_figure("calls", "calls logged (per run)", (double)half, "calls");
    bench_figure("calls", "library fd_store_call_add", (double)half / lib, "calls/s");
    bench_figure("calls", "raw sqlite INSERT", (double)half / raw, "calls/s");
    bench_ratio("calls", raw / lib, 0.7);
}

/* 2. CDR import: Master.csv text of about n lines; library import vs raw inserts of the parsed legs. */
static void bench_cdr(long n)
{
    char lib_path[4096], raw_path[4096];
    int64_t site, staff;
    setup(lib_path, "cdr-lib", &site, &staff);
    setup(raw_path, "cdr-raw", &site, &staff);
    size_t cap = (size_t)n * 400 + 1024, len = 0;
    char *text = malloc(cap);
    if (text == NULL)
        bench_die("cdr", "out of memory");
    long lines = 0;
    for (long call = 0; lines < n; call++) {
        uint64_t x = rnd();
        int legs = 1 + (int)(x % 3);
        int64_t start = T0 + call * 40;
        char src[16];
        snprintf(src, sizeof src, "13%09u", (unsigned)(x >> 8) % 1000000000u);
        for (int k = 0; k < legs && lines < n; k++, lines++) {
            int64_t s0 = start + k * 25, ans = s0 + 3 + (int64_t)((x >> (10 + k)) % 15), end = ans + 60;
            char b[3][64];
            for (int t = 0; t < 3; t++) {
                int64_t v = t == 0 ? s0 : t == 1 ? ans : end;
                int64_t local = v + 8 * 3600;
                int64_t days = local / 86400, sec = local % 86400;
                /* civil date from days since 1970 (Howard Hinnant's algorithm) */
                int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
                int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
                int64_t mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1, mm = mp < 10 ? mp + 3 : mp - 9;
                int64_t yy = yoe + era * 400 + (mm <= 2);
                snprintf(b[t], sizeof b[t], "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", (long long)yy, (long long)mm,
                         (long long)dd, (long long)(sec / 3600), (long long)(sec / 60 % 60), (long long)(sec % 60));
            }
            len += (size_t)snprintf(text + len, cap - len,
                                    "\"\",\"%s\",\"80%02d\",\"from-trunk\",\"\"\"%s%s\"\" <%s>\",\"SIP/trunk-%08lx\","
                                    "\"SIP/80%02d-%08lx\",\"Dial\",\"SIP/80%02d,30\",\"%s\",\"%s\",\"%s\",%d,60,"
                                    "\"ANSWERED\",\"DOCUMENTATION\",\"%ld.%d\",\"\",\"\",\"%ld.0\",%d\n",
                                    src, k + 1, SURNAMES[(x >> 20) % 23], GIVEN[(x >> 28) % 25], src,
                                    (unsigned long)call, k + 1, (unsigned long)call * 3 + (unsigned long)k, k + 1,
                                    b[0], b[1], b[2], (int)(end - s0), call, k, call, k);
        }
    }
    /* library */
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, lib_path, NULL), "cdr open");
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    a.at = T0 + 86400 * 400;
    fd_cdr_options o = { FD_CDR_OPTIONS_VERSION, "asterisk_csv", "pbx1", "Asia/Shanghai", NULL };
    fd_cdr_import_summary sum = { FD_CDR_IMPORT_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0 };
    fd_buf rejects = FD_BUF_INIT;
    double t0 = bench_now();
    bench_check(fd_store_cdr_import(&sum, &rejects, s, &a, &o, text), "cdr import");
    double lib = bench_now() - t0;
    if (sum.rejected)
        bench_die("cdr import rejected lines", rejects.ptr);
    fd_buf_dispose(&rejects);
    fd_store_close(s);
    /* raw: the same legs, parsed beforehand (not timed) */
    fd_cdr_parser *p = NULL;
    bench_check(fd_cdr_parser_new(&p, FD_CDR_ASTERISK_CSV, "pbx1", "Asia/Shanghai", NULL), "parser");
    fd_cdr_leg **legs = calloc((size_t)lines, sizeof *legs);
    long nl = 0;
    for (char *line = text; *line; nl++) {
        char *eol = strchr(line, '\n');
        *eol = '\0';
        bench_check(fd_cdr_parse_line(&legs[nl], p, line), "parse");
        line = eol + 1;
    }
    fd_cdr_parser_free(p);
    sqlite3 *db = raw_open(raw_path);
    sqlite3_stmt *st = NULL;
    t0 = bench_now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO cdr_legs (site_id, staff_id, imported_at, source, dialect, uniqueid, sequence, "
                           "linkedid, src, dst, clid, channel, dstchannel, lastapp, start_at, answer_at, end_at, "
                           "duration, billsec, disposition) VALUES (?1, ?2, ?3, 'pbx1', 'asterisk_csv', ?4, ?5, ?6, "
                           "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                           -1, &st, NULL) != SQLITE_OK)
        bench_die("raw prepare", sqlite3_errmsg(db));
    for (long i = 0; i < nl; i++) {
        const fd_cdr_leg *l = legs[i];
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_int64(st, 2, staff);
        sqlite3_bind_int64(st, 3, a.at);
        sqlite3_bind_text(st, 4, l->uniqueid, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, l->sequence);
        sqlite3_bind_text(st, 6, l->linkedid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, l->src, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, l->dst, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, l->clid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, l->channel, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 11, l->dstchannel, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 12, l->lastapp, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 13, l->start_at);
        sqlite3_bind_int64(st, 14, l->answer_at);
        sqlite3_bind_int64(st, 15, l->end_at);
        sqlite3_bind_int64(st, 16, l->duration);
        sqlite3_bind_int64(st, 17, l->billsec);
        sqlite3_bind_text(st, 18, l->disposition, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            bench_die("raw insert", sqlite3_errmsg(db));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    double raw = bench_now() - t0;
    sqlite3_close(db);
    for (long i = 0; i < nl; i++)
        fd_cdr_leg_free(legs[i]);
    free(legs);
    free(text);
    bench_figure("cdr", "lines", (double)nl, "lines");
    bench_figure("cdr", "library fd_store_cdr_import (parse, keys, assemble, assess)", (double)nl / lib, "lines/s");
    bench_figure("cdr", "raw sqlite INSERT of the parsed legs", (double)nl / raw, "lines/s");
    bench_figure("cdr", "ratio (shown, no target: the library also parses and assembles calls)", raw / lib, "x");
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* 3. the daily report over the logged calls: median of 5 after a warm-up. */
static void bench_report(const char *lib_path, int64_t site, int64_t staff, long days)
{
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, lib_path, NULL), "report open");
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    a.at = T0 + 86400 * (days + 1);
    double t[6];
    for (int i = 0; i < 6; i++) {
        fd_date d = { 2026, 1, (int32_t)(2 + i % 3) };
        fd_report *r = NULL;
        fd_buf out = FD_BUF_INIT;
        double t0 = bench_now();
        bench_check(fd_report_daily_new(&r, s, &a, d, "zh"), "report");
        bench_check(fd_report_render(&out, r, FD_REPORT_TEXT), "render");
        t[i] = bench_now() - t0;
        fd_buf_dispose(&out);
        fd_report_free(r);
    }
    fd_store_close(s);
    qsort(t + 1, 5, sizeof *t, cmp_double); /* t[0] was the warm-up */
    bench_figure("report", "daily report with the calls section (median of 5)", t[3] * 1000, "ms");
    printf("target report: < 200 ms %s\n", t[3] < 0.2 ? "ok" : "over target");
}

/* 4. directory lookups over @n entries: p99 of varied queries after a warm-up pass. */
static void bench_dir(long n, long queries)
{
    char path[4096];
    int64_t site, staff;
    setup(path, "dir", &site, &staff);
    fd_store *s = NULL;
    bench_check(fd_store_open(&s, path, NULL), "dir open");
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    a.at = T0;
    a.grants = FD_GRANT_MANAGE;
    double t0 = bench_now();
    bench_check(fd_store_begin(s), "begin");
    for (long i = 0; i < n; i++) {
        uint64_t x = rnd();
        char name[48], ext[24];
        fd_dir_entry e = FD_DIR_ENTRY_INIT;
        snprintf(name, sizeof name, "%s%s", SURNAMES[x % 24], GIVEN[(x >> 8) % 28]);
        snprintf(ext, sizeof ext, "%ld", 100000 + i);
        e.kind = "person";
        e.name = name;
        e.department = DEPTS[(x >> 16) % 10];
        e.extension = ext;
        e.confidential = (x >> 24) % 50 == 0;
        int64_t id = 0;
        bench_check(fd_store_dir_add(&id, s, &a, &e), "dir add");
    }
    bench_check(fd_store_commit(s), "commit");
    bench_figure("dir", "entries added", (double)n / (bench_now() - t0), "entries/s");
    a.grants = 0;
    static const char *const fixed[] = { "w", "z", "l", "wang", "zhang", "wxl", "zjg", "王", "王小", "长沙", "長沙",
                                         "ouyang", "司马", "𠮷", "ｗａｎｇ", "qqq", "行政" };
    double *t = malloc(sizeof *t * (size_t)queries);
    for (int pass = 0; pass < 2; pass++) {
        rng_state = 42;
        for (long q = 0; q < queries; q++) {
            uint64_t x = rnd();
            char query[48];
            if (q % 4 == 0)
                snprintf(query, sizeof query, "%s", fixed[x % 17]);
            else if (q % 4 == 1)
                snprintf(query, sizeof query, "%s%s", SURNAMES[x % 24], GIVEN[(x >> 8) % 28]);
            else if (q % 4 == 2)
                snprintf(query, sizeof query, "%ld", 100000 + (long)(x % (uint64_t)n));
            else
                snprintf(query, sizeof query, "%s", fixed[(x >> 8) % 4]);
            fd_dir_entry_iter *it = NULL;
            const fd_dir_entry *e = NULL;
            double q0 = bench_now();
            bench_check(fd_store_dir_find(&it, s, &a, query, 20), "dir find");
            long got = 0;
            while (fd_dir_entry_iter_next(&e, it) == FD_OK && e)
                got++;
            fd_dir_entry_iter_free(it);
            t[q] = bench_now() - q0;
        }
    }
    fd_store_close(s);
    qsort(t, (size_t)queries, sizeof *t, cmp_double);
    double p50 = t[queries / 2], p99 = t[queries * 99 / 100];
    bench_figure("dir", "lookup p50", p50 * 1000, "ms");
    bench_figure("dir", "lookup p99", p99 * 1000, "ms");
    printf("target dir: p99 < 10 ms %s\n", p99 < 0.010 ? "ok" : "over target");
    free(t);
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 1000000, 3000);
    long per_day = 2740; /* a million calls is a year of a busy switchboard */
    char lib_path[4096], raw_path[4096];
    int64_t site, staff;
    setup(lib_path, "lib", &site, &staff);
    setup(raw_path, "raw", &site, &staff);
    row *rows = malloc(sizeof *rows * (size_t)n);
    if (rows == NULL)
        bench_die("rows", "out of memory");
    for (long i = 0; i < n; i++)
        make_row(&rows[i], i, per_day);
    bench_log(lib_path, raw_path, rows, n, site, staff);
    free(rows);
    bench_report(lib_path, site, staff, n / per_day);
    bench_cdr(bench_n(argc, argv, 200000, 500));
    bench_dir(bench_n(argc, argv, 100000, 500), bench_n(argc, argv, 2000, 50));
    return 0;
}
