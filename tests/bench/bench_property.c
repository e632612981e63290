/*
 * The property register's look-ups over 100,000 occupants (issue 12: p99 under
 * 5 ms): fd_store_property_find with varied queries — full names, pinyin,
 * initials, a surname alone (thousands of matches), Traditional input, unit
 * numbers as typed, bare rooms, phones with spaces — and
 * fd_store_resident_check with names, homophones and phones.
 *
 * Baseline, same run, same file: raw SQLite doing the same search-key lookup —
 * the range of search_keys joined to occupants and units, LIMIT 20, with the
 * key folded and the number normalised beforehand (outside the timing), no
 * masking, no merge of the other tables, no de-duplication. It is a lower
 * bound. The ratio is raw p99 / library p99 (higher is better; target >= 0.2).
 */
#include "bench.h"

#include <frontdesk.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1795395600

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_property: %s: %s\n", what, msg);
    exit(1);
}

static const char *const SURNAMES[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
                                        "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
                                        "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
                                        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
                                        "欧阳", "单", "司马", "诸葛" };
static const char *const GIVEN[] = { "伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
                                     "艳", "杰", "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "英",
                                     "华", "玉", "萍", "红", "鹏", "飞", "小", "晓", "建", "国", "志", "海",
                                     "文", "斌", "宇", "浩", "凯", "婷", "雪", "琳", "晨", "欣", "思", "佳",
                                     "子", "梓", "涵", "轩", "博", "睿", "𠮷", "长", "乐", "行", "重", "银" };
#define NS (sizeof SURNAMES / sizeof *SURNAMES)
#define NG (sizeof GIVEN / sizeof *GIVEN)

static void name_of(char *out, size_t cap, long i)
{
    unsigned long h = (unsigned long)i * 2654435761u;
    const char *s = SURNAMES[h % NS];
    const char *g1 = GIVEN[(h / NS) % NG], *g2 = GIVEN[(h / NS / NG) % NG];
    if (i % 4 == 0)
        snprintf(out, cap, "%s%s", s, g1);
    else
        snprintf(out, cap, "%s%s%s", s, g1, g2);
}

static void phone_of(char *out, size_t cap, long i)
{
    snprintf(out, cap, "13%01ld%08ld", 5 + i % 5, (i * 7919 + 1234567) % 100000000);
}

/* Buildings 1..40, floors 1..33, rooms 01..31: 40,920 distinct numbers. */
static void unit_of(char *out, size_t cap, long u)
{
    snprintf(out, cap, "%ld-%ld%02ld", u % 40 + 1, (u / 40) % 33 + 1, (u / 40 / 33) % 31 + 1);
}

static int64_t setup(const char *path, long occupants, long units)
{
    fd_store *s = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.at = T0;
    fd_site si = FD_SITE_INIT;
    si.code = "estate", si.name = "阳光花园";
    int64_t site = 0;
    if (fd_store_open(&s, path, NULL) || fd_store_site_add(&site, s, &a, &si) || fd_store_begin(s))
        die("setup", fd_error_last()->message);
    a.site_id = site;
    int64_t buildings[40];
    for (int b = 0; b < 40; b++) {
        char code[8];
        snprintf(code, sizeof code, "%d", b + 1);
        fd_building bl = FD_BUILDING_INIT;
        bl.code = code, bl.name = code;
        if (fd_store_building_add(&buildings[b], s, &a, &bl))
            die("building", fd_error_last()->message);
    }
    int64_t *unit_ids = malloc((size_t)units * sizeof *unit_ids);
    char text[64], name[64], phone[32];
    for (long u = 0; u < units; u++) {
        unit_of(text, sizeof text, u);
        fd_unit un = FD_UNIT_INIT;
        un.building_id = buildings[u % 40];
        un.number = text;
        un.use = "residential";
        un.area_m2x100 = 6000 + u % 9000;
        if (fd_store_unit_add(&unit_ids[u], s, &a, &un))
            die("unit", fd_error_last()->message);
    }
    for (long i = 0; i < occupants; i++) {
        name_of(name, sizeof name, i);
        phone_of(phone, sizeof phone, i);
        fd_occupant o = FD_OCCUPANT_INIT;
        o.unit_id = unit_ids[i % units];
        o.name = name;
        o.phone = i % 3 ? phone : NULL;
        o.role = i % 5 == 0 ? "tenant" : i % 5 == 1 ? "resident" : "owner";
        o.move_in = (fd_date){ 2010 + (int)(i % 15), 1 + (int)(i % 12), 1 + (int)(i % 28) };
        if (i % 17 == 0)
            o.move_out = (fd_date){ 2026, 1, 1 + (int)(i % 28) };
        int64_t id;
        if (fd_store_occupant_add(&id, s, &a, &o))
            die("occupant", fd_error_last()->message);
    }
    /* Some tenant companies with employees, as in a mixed estate. */
    for (long g = 0; g < occupants / 100; g++) {
        char org[64];
        snprintf(org, sizeof org, "%s%s科技有限公司", GIVEN[g % NG], GIVEN[(g / NG) % NG]);
        fd_organisation og = FD_ORGANISATION_INIT;
        og.name = org;
        og.unit_id = unit_ids[(g * 13) % units];
        int64_t oid;
        if (fd_store_organisation_add(&oid, s, &a, &og))
            die("organisation", fd_error_last()->message);
        for (int e = 0; e < 10; e++) {
            name_of(name, sizeof name, occupants + g * 10 + e);
            fd_employee em = FD_EMPLOYEE_INIT;
            em.organisation_id = oid;
            em.name = name;
            int64_t eid;
            if (fd_store_employee_add(&eid, s, &a, &em))
                die("employee", fd_error_last()->message);
        }
    }
    if (fd_store_commit(s))
        die("commit", fd_error_last()->message);
    free(unit_ids);
    fd_store_close(s);
    return site;
}

/* A query as the desk types it, and what raw SQLite is given for the same look-up. */
typedef struct query {
    char typed[96];
    char raw[96];   /* the folded search key, the canonical number or the national phone */
    int raw_kind;   /* 0 name key range, 1 unit number, 2 room, 3 phone */
    char who[96];   /* what a visitor gives the resident check: the query, or for units a resident's name */
} query;

static void make_queries(query *q, long nq, long occupants, long units)
{
    fd_buf b = FD_BUF_INIT;
    char name[64];
    for (long k = 0; k < nq; k++) {
        long i = (k * 7727) % occupants;
        name_of(name, sizeof name, i);
        query *x = &q[k];
        x->raw_kind = 0;
        snprintf(x->who, sizeof x->who, "%s", name);
        switch (k % 10) {
        case 0: /* a full name */
            snprintf(x->typed, sizeof x->typed, "%s", name);
            break;
        case 1: /* its pinyin */
            fd_text_name_pinyin(&b, name, 0);
            snprintf(x->typed, sizeof x->typed, "%s", b.ptr);
            break;
        case 2: /* its initials */
            fd_text_name_initials(&b, name);
            snprintf(x->typed, sizeof x->typed, "%s", b.ptr);
            break;
        case 3: /* a surname alone: thousands match */
            snprintf(x->typed, sizeof x->typed, "%s", SURNAMES[k % NS]);
            break;
        case 4: /* Traditional input */
            fd_text_to_traditional(&b, name);
            snprintf(x->typed, sizeof x->typed, "%s", b.ptr);
            break;
        case 5: { /* a unit number as typed */
            fd_unit_number u;
            char n[64];
            unit_of(n, sizeof n, k % units);
            fd_unit_number_parse(&u, n);
            snprintf(x->typed, sizeof x->typed, "%s栋%s室", u.building, u.room);
            snprintf(x->raw, sizeof x->raw, "%s", u.number);
            x->raw_kind = 1;
            continue;
        }
        case 6: { /* a bare room: that room in every building */
            fd_unit_number u;
            char n[64];
            unit_of(n, sizeof n, k % units);
            fd_unit_number_parse(&u, n);
            snprintf(x->typed, sizeof x->typed, "%s", u.room);
            snprintf(x->raw, sizeof x->raw, "%s", u.room);
            x->raw_kind = 2;
            continue;
        }
        case 7: { /* a phone with spaces */
            char p[32];
            phone_of(p, sizeof p, i - i % 3 + 1);
            snprintf(x->typed, sizeof x->typed, "%.3s %.4s %.4s", p, p + 3, p + 7);
            snprintf(x->raw, sizeof x->raw, "%s", p);
            snprintf(x->who, sizeof x->who, "%s", x->typed);
            x->raw_kind = 3;
            continue;
        }
        case 8: /* a prefix of the pinyin */
            fd_text_name_pinyin(&b, name, 0);
            snprintf(x->typed, sizeof x->typed, "%.*s", (int)(b.size > 5 ? 5 : b.size), b.ptr);
            break;
        default: /* nobody */
            snprintf(x->typed, sizeof x->typed, "龘%ld", k);
            break;
        }
        fd_text_search_query(&b, x->typed);
        snprintf(x->raw, sizeof x->raw, "%s", b.ptr);
        snprintf(x->who, sizeof x->who, "%s", x->typed);
    }
    fd_buf_dispose(&b);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *t, long n, double p)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    long k = (long)(p * (double)(n - 1) + 0.5);
    return t[k];
}

static const char *const RAW_SQL[4] = {
    "SELECT o.id, o.name, o.phone, o.role, u.number FROM search_keys k JOIN occupants o ON o.id = k.row_id "
    "JOIN units u ON u.id = o.unit_id WHERE k.tbl = 'occupants' AND k.key >= ?2 AND k.key < ?3 "
    "AND o.site_id = ?1 ORDER BY k.key, k.row_id LIMIT 20",
    "SELECT o.id, o.name, o.phone, o.role, u.number FROM units u JOIN occupants o ON o.unit_id = u.id "
    "WHERE u.site_id = ?1 AND u.number = ?2 LIMIT 20",
    "SELECT o.id, o.name, o.phone, o.role, u.number FROM units u JOIN occupants o ON o.unit_id = u.id "
    "WHERE u.site_id = ?1 AND u.room = ?2 ORDER BY u.sort_key LIMIT 20",
    "SELECT o.id, o.name, o.phone, o.role, u.number FROM occupants o JOIN units u ON u.id = o.unit_id "
    "WHERE o.site_id = ?1 AND o.phone = ?2 LIMIT 20",
};

int main(int argc, char **argv)
{
    long occupants = bench_n(argc, argv, 100000, 500);
    long units = occupants * 2 / 5;
    long nq = bench_smoke(argc, argv) ? 100 : 4000;
    char path[4096];
    strcpy(path, bench_path("property"));
    double t0 = bench_now();
    int64_t site = setup(path, occupants, units);
    bench_figure("property", "register built (occupants, via the library)", (double)occupants, "rows");
    bench_figure("property", "build time", bench_now() - t0, "s");
    fd_store *s = NULL;
    sqlite3 *db = NULL;
    if (fd_store_open(&s, path, NULL))
        die("open", fd_error_last()->message);
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die("raw open", sqlite3_errmsg(db));
    query *q = calloc((size_t)nq, sizeof *q);
    double *lib = calloc((size_t)nq, sizeof *lib), *raw = calloc((size_t)nq, sizeof *raw);
    double *chk = calloc((size_t)nq, sizeof *chk);
    make_queries(q, nq, occupants, units);
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.at = T0;
    sqlite3_stmt *st[4];
    for (int k = 0; k < 4; k++)
        if (sqlite3_prepare_v2(db, RAW_SQL[k], -1, &st[k], NULL) != SQLITE_OK)
            die("raw prepare", sqlite3_errmsg(db));
    long hits = 0, raw_rows = 0, answered = 0;
    for (int round = 0; round < 2; round++) { /* the first round warms both sides up */
        for (long k = 0; k < nq; k++) {
            double t = bench_now();
            fd_property_hits *h = NULL;
            if (fd_store_property_find(&h, s, &a, q[k].typed, NULL))
                die(q[k].typed, fd_error_last()->message);
            for (size_t i = 0; i < fd_property_hits_count(h); i++)
                hits += (long)strlen(fd_property_hits_get(h, i)->name) > 0;
            fd_property_hits_free(h);
            lib[k] = bench_now() - t;

            t = bench_now();
            sqlite3_stmt *r = st[q[k].raw_kind];
            sqlite3_bind_int64(r, 1, site);
            sqlite3_bind_text(r, 2, q[k].raw, -1, SQLITE_STATIC);
            char hi[128];
            if (q[k].raw_kind == 0) {
                snprintf(hi, sizeof hi, "%s\xff", q[k].raw);
                sqlite3_bind_text(r, 3, hi, -1, SQLITE_STATIC);
            }
            while (sqlite3_step(r) == SQLITE_ROW) {
                raw_rows++;
                (void)sqlite3_column_text(r, 1);
                (void)sqlite3_column_text(r, 4);
            }
            sqlite3_reset(r);
            raw[k] = bench_now() - t;

            /* R-VIS-5: the name or phone the visitor gives. */
            const char *who = q[k].who;
            t = bench_now();
            fd_resident_check rc;
            if (fd_store_resident_check(&rc, s, &a, who, (fd_date){ 2026, 11, 23 }))
                die(who, fd_error_last()->message);
            answered += rc.answer != FD_RESIDENT_NO;
            chk[k] = bench_now() - t;
        }
    }
    if (hits == 0 || raw_rows == 0 || answered == 0)
        die("queries", "nothing was found: the benchmark would measure empty look-ups");
    /* FD_BENCH_KINDS=1: p99 per kind of query, to find which one is slow. */
    if (getenv("FD_BENCH_KINDS")) {
        static const char *const kinds[10] = { "full name", "pinyin", "initials", "surname", "Traditional",
                                               "unit as typed", "bare room", "phone", "pinyin prefix", "nobody" };
        for (int kind = 0; kind < 10; kind++) {
            double lk[400], ck[400];
            long m = 0;
            for (long k = kind; k < nq && m < 400; k += 10, m++)
                lk[m] = lib[k], ck[m] = chk[k];
            char what[96];
            snprintf(what, sizeof what, "find p99, %s (e.g. %s)", kinds[kind], q[kind].typed);
            bench_figure("property", what, pct(lk, m, 0.99) * 1e3, "ms");
            snprintf(what, sizeof what, "resident check p99, given %s", kind == 5 || kind == 6 ? "a full name"
                     : kinds[kind]);
            bench_figure("property", what, pct(ck, m, 0.99) * 1e3, "ms");
        }
    }
    double lib50 = pct(lib, nq, 0.5), lib99 = pct(lib, nq, 0.99), libmax = pct(lib, nq, 1.0);
    double raw50 = pct(raw, nq, 0.5), raw99 = pct(raw, nq, 0.99);
    double chk50 = pct(chk, nq, 0.5), chk99 = pct(chk, nq, 0.99);
    bench_figure("property", "queries (names, pinyin, initials, surnames, Traditional, units, rooms, phones)",
                 (double)nq, "queries");
    bench_figure("property", "find p50", lib50 * 1e3, "ms");
    bench_figure("property", "find p99 (target < 5 ms)", lib99 * 1e3, "ms");
    bench_figure("property", "find max", libmax * 1e3, "ms");
    bench_figure("property", "raw sqlite search-key lookup p50", raw50 * 1e3, "ms");
    bench_figure("property", "raw sqlite search-key lookup p99", raw99 * 1e3, "ms");
    bench_figure("property", "resident check p50", chk50 * 1e3, "ms");
    bench_figure("property", "resident check p99 (target < 5 ms)", chk99 * 1e3, "ms");
    bench_ratio("property", raw99 / lib99, 0.2);
    for (int k = 0; k < 4; k++)
        sqlite3_finalize(st[k]);
    sqlite3_close(db);
    fd_store_close(s);
    free(q);
    free(lib);
    free(raw);
    free(chk);
    return 0;
}
