/*
 * Text: each library call against ICU (or a full scan) measured in the same
 * run; ratio = baseline time / library time (higher is better).
 *   pinyin     fd_text_name_pinyin over generated Chinese names vs ICU's
 *              "Han-Latin; Latin-ASCII" transliterator (UTF-8 in, UTF-8 out
 *              on both sides; target >= 20x and > 3 million names/s)
 *   normalize  fd_text_normalize vs ICU NFKC (unorm2) on journal entries with
 *              “”《》（）—· (names, addresses of the corpus, notices); also on
 *              form fields (a name between full-width digits and spaces)
 *   t2s, s2t   fd_text_to_simplified on real Traditional text (CC-CEDICT's
 *              Traditional names and words, notices, OpenCC's Traditional
 *              addresses) and fd_text_to_traditional on the corpus's Simplified
 *              names, addresses and notices, vs OpenCC (same dictionaries, its C
 *              API into a buffer; the ratio) and ICU's transliterators
 * Every side is warmed up by one pass and timed as the median of 5 passes.
 *   matches    index-backed lookup over the search keys of N stored names in
 *              SQLite (one B-tree range per query, first 20 names) vs a full
 *              scan calling fd_text_matches on every name; p50/p99 per query
 *              (target p99 < 5 ms at 1,000,000 names)
 * Names are surname + one or two given-name characters drawn from lists of
 * common ones, with polyphonic and compound surnames, by a fixed-seed PRNG.
 */
#include "bench.h"

#include <frontdesk/text.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴",
    "单", "解", "仇", "朴", "区", "查", "翟", "盖", "缪", "乐", "欧阳", "司马", "诸葛", "上官", "尉迟",
    "万俟", "东方", "皇甫", "令狐", "长孙", "慕容", "夏侯",
};
static const char given[] =
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊"
    "帆帅旭宁龙林欣悦婷雪琳晨阳佳怡雨轩梓涵子豪博文思远嘉瑞家乐天佑一鸣志强建国建华海涛春梅"
    "晓东晓燕丹丹国庆长江重阳行健和平永红少华德明新民振华金凤银行长生";

static char **make_names(long n)
{
    /* split the given-name characters (all 3-byte UTF-8) */
    size_t ng = strlen(given) / 3;
    char **v = malloc((size_t)n * sizeof *v);
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const char *sn = surnames[x % (sizeof surnames / sizeof surnames[0])];
        int len = (x >> 20) % 3 == 0 ? 1 : 2;
        char *s = malloc(32);
        size_t o = (size_t)snprintf(s, 32, "%s", sn);
        for (int k = 0; k < len; k++) {
            memcpy(s + o, given + 3 * ((x >> (24 + 10 * k)) % ng), 3);
            o += 3;
        }
        s[o] = '\0';
        v[i] = s;
    }
    return v;
}

static volatile size_t sink;

static UTransliterator *open_translit(const char *id)
{
    UChar uid[64];
    UErrorCode err = U_ZERO_ERROR;
    u_uastrcpy(uid, id);
    UTransliterator *t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) {
        fprintf(stderr, "ICU cannot open %s: %s\n", id, u_errorName(err));
        exit(1);
    }
    return t;
}

/* ICU baseline for one string: UTF-8 -> UTF-16, transliterate, back to UTF-8. */
static size_t icu_translit(UTransliterator *t, const char *s, char *out, size_t cap)
{
    static UChar u[8192];
    int32_t len = 0, limit;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, 8192, &len, s, -1, &err);
    limit = len;
    utrans_transUChars(t, u, &len, 8192, 0, &limit, &err);
    int32_t n = 0;
    u_strToUTF8(out, (int32_t)cap, &n, u, len, &err);
    return U_FAILURE(err) ? 0 : (size_t)n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void die_sql(sqlite3 *db, const char *what)
{
    fprintf(stderr, "bench_text: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void bench_pinyin(char **names, long n, long reps)
{
    fd_buf b = FD_BUF_INIT;
    for (long i = 0; i < n; i++) /* warm-up */
        sink += fd_text_name_pinyin(&b, names[i], 0) == FD_OK ? b.size : 0;
    double t0 = bench_now();
    for (long r = 0; r < reps; r++)
        for (long i = 0; i < n; i++) {
            if (fd_text_name_pinyin(&b, names[i], 0) != FD_OK)
                abort();
            sink += b.size;
        }
    double lib = bench_now() - t0;
    UTransliterator *t = open_translit("Han-Latin; Latin-ASCII");
    char out[512];
    long icu_n = n < 20000 ? n : 20000; /* ICU is slow: time a slice */
    for (long i = 0; i < icu_n / 10; i++) /* warm-up */
        sink += icu_translit(t, names[i], out, sizeof out);
    t0 = bench_now();
    for (long i = 0; i < icu_n; i++)
        sink += icu_translit(t, names[i], out, sizeof out);
    double icu = bench_now() - t0;
    utrans_close(t);
    double lib_rate = (double)(n * reps) / lib, icu_rate = (double)icu_n / icu;
    bench_figure("text.pinyin", "fd_text_name_pinyin", lib_rate, "names/s");
    bench_figure("text.pinyin", "ICU Han-Latin;Latin-ASCII", icu_rate, "names/s");
    bench_ratio("text.pinyin", lib_rate / icu_rate, 20);
    fd_buf_dispose(&b);
}

/* --- realistic inputs (issue 9): the corpus of names, addresses, notices, Traditional text --- */

typedef struct lines {
    char **v;
    long n, cap;
} lines;

static void lines_add(lines *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 1024;
        l->v = realloc(l->v, (size_t)l->cap * sizeof *l->v);
    }
    l->v[l->n++] = strdup(s);
}

static void lines_free(lines *l)
{
    for (long i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

/*
 * tests/data/text-corpus.tsv: Simplified names, addresses and notices (the s2t
 * rows' input), real Traditional text (the t2s rows' input: CC-CEDICT's
 * Traditional names and words, Traditional notices) and OpenCC's Traditional
 * form of the addresses and notices (not the library's output).
 */
static void load_corpus(lines *simp, lines *trad)
{
    char path[1024], line[8192];
    snprintf(path, sizeof path, "%s/tests/data/text-corpus.tsv", FD_SOURCE_DIR);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "bench_text: cannot open %s\n", path);
        exit(1);
    }
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#')
            continue;
        char *kind = line, *dir = strchr(kind, '\t'), *in = dir ? strchr(dir + 1, '\t') : NULL;
        char *ref = in ? strchr(in + 1, '\t') : NULL;
        if (ref == NULL)
            continue;
        *dir++ = *in++ = *ref++ = '\0';
        if (strcmp(dir, "s2t") == 0) {
            lines_add(simp, in);
            if (strcmp(kind, "name") != 0)
                lines_add(trad, ref);
        } else {
            lines_add(trad, in);
        }
    }
    fclose(f);
}

/*
 * Journal entries as a desk writes them: a time, a member of staff, a visitor
 * or caller, an address and a notice, with “”《》（）—·、： and now and then
 * full-width digits or an ideographic space typed by an input method.
 */
static void make_journal(lines *out, char **names, long nn, const lines *simp, long n)
{
    static const char *const what[] = {
        "登记访客", "接听来电", "受理投诉", "派发快递", "报修", "回访业主", "巡查记录", "交接班",
    };
    static const char *const tail[] = {
        "事由“送快递”——已核对证件·放行。", "（来电时间约３分钟），已转《维修单》处理。",
        "反映楼道灯不亮；已通知工程部。", "业主要求：“尽快处理”，承诺２４小时内回复。",
        "已登记于《访客登记簿》第１２页。", "——电话已回访，业主表示满意。",
        "问题：电梯异响（B栋２号梯），已报修。", "备注：钥匙已交还前台，签字确认。",
    };
    char buf[2048];
    for (long i = 0; i < n; i++) {
        const char *who = names[(i * 31) % nn], *whom = names[(i * 17 + 5) % nn];
        const char *addr = simp->v[(i * 7919) % simp->n];
        snprintf(buf, sizeof buf, "%02ld:%02ld　%s%s：%s，%s，%s", 8 + i % 12, (i * 7) % 60, who,
                 what[i % 8], whom, addr, tail[(i / 8) % 8]);
        lines_add(out, buf);
    }
}

typedef size_t (*side_fn)(void *ctx, const char *s);

/* Median seconds of @reps passes of @f over the lines, after one warm-up pass. */
static double time_side(side_fn f, void *ctx, const lines *in, int reps)
{
    for (long i = 0; i < in->n; i++)
        sink += f(ctx, in->v[i]);
    double t[15];
    if (reps > 15)
        reps = 15;
    for (int r = 0; r < reps; r++) {
        double t0 = bench_now();
        for (long i = 0; i < in->n; i++)
            sink += f(ctx, in->v[i]);
        t[r] = bench_now() - t0;
    }
    qsort(t, (size_t)reps, sizeof t[0], cmp_double);
    return t[reps / 2];
}

static size_t lib_normalize(void *ctx, const char *s)
{
    if (fd_text_normalize(ctx, s) != FD_OK)
        abort();
    return ((fd_buf *)ctx)->size;
}

static size_t lib_simplified(void *ctx, const char *s)
{
    if (fd_text_to_simplified(ctx, s) != FD_OK)
        abort();
    return ((fd_buf *)ctx)->size;
}

static size_t lib_traditional(void *ctx, const char *s)
{
    if (fd_text_to_traditional(ctx, s) != FD_OK)
        abort();
    return ((fd_buf *)ctx)->size;
}

/* ICU NFKC as a user would call it on UTF-8: to UTF-16, normalise, back (no white-space collapse). */
static size_t icu_nfkc(void *ctx, const char *s)
{
    (void)ctx;
    static UChar u[4096], v[8192];
    static char out[16384];
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    int32_t len = 0, n8 = 0;
    u_strFromUTF8(u, 4096, &len, s, -1, &err);
    len = unorm2_normalize(nfkc, u, len, v, 8192, &err);
    u_strToUTF8(out, sizeof out, &n8, v, len, &err);
    if (U_FAILURE(err))
        abort();
    return (size_t)n8;
}

static size_t icu_trans(void *ctx, const char *s)
{
    static char out[16384];
    return icu_translit(ctx, s, out, sizeof out);
}

#ifdef FD_BENCH_OPENCC
#include <opencc.h>

/* OpenCC's C API into a caller buffer (its fastest call; no allocation per string). */
static size_t opencc_side(void *ctx, const char *s)
{
    static char out[65536];
    size_t n = opencc_convert_utf8_to_buffer(*(opencc_t *)ctx, s, (size_t)-1, out);
    if (n == (size_t)-1)
        abort();
    return n;
}

static opencc_t open_opencc(const char *config)
{
    opencc_t od = opencc_open(config);
    if (od == (opencc_t)-1) {
        fprintf(stderr, "bench_text: OpenCC cannot open %s\n", config);
        exit(1);
    }
    return od;
}
#endif

static double mbytes(const lines *l)
{
    size_t b = 0;
    for (long i = 0; i < l->n; i++)
        b += strlen(l->v[i]);
    return (double)b / 1e6;
}

static void bench_normalize(char **names, long n, int reps)
{
    lines simp = { 0 }, trad = { 0 }, journal = { 0 }, formfields = { 0 };
    load_corpus(&simp, &trad);
    make_journal(&journal, names, n, &simp, n < 20000 ? n : 20000);
    /* the first version's input: a name with full-width digits and spaces, as typed in forms */
    char tmp[256];
    for (long i = 0; i < (n < 20000 ? n : 20000); i++) {
        snprintf(tmp, sizeof tmp, " %s　１２３ ", names[i]);
        lines_add(&formfields, tmp);
    }
    fd_buf b = FD_BUF_INIT;
    double lib = time_side(lib_normalize, &b, &journal, reps);
    double icu = time_side(icu_nfkc, NULL, &journal, reps);
    bench_figure("text.normalize", "journal text (“”《》（）—·)", mbytes(&journal), "MB");
    bench_figure("text.normalize", "fd_text_normalize", mbytes(&journal) / lib, "MB/s");
    bench_figure("text.normalize", "ICU NFKC (no whitespace collapse)", mbytes(&journal) / icu, "MB/s");
    bench_ratio("text.normalize", icu / lib, 1);
    lib = time_side(lib_normalize, &b, &formfields, reps);
    icu = time_side(icu_nfkc, NULL, &formfields, reps);
    bench_figure("text.normalize_form", "fd_text_normalize", (double)formfields.n / lib, "strings/s");
    bench_figure("text.normalize_form", "ICU NFKC", (double)formfields.n / icu, "strings/s");
    bench_ratio("text.normalize_form", icu / lib, 1);

    /* Traditional -> Simplified on real Traditional text; Simplified -> Traditional on names, addresses, notices */
    static const struct {
        const char *name, *fn, *icu, *opencc;
        side_fn lib;
    } dirs[] = {
        { "text.t2s", "fd_text_to_simplified", "Traditional-Simplified", "t2s.json", lib_simplified },
        { "text.s2t", "fd_text_to_traditional", "Simplified-Traditional", "s2t.json", lib_traditional },
    };
    for (int d = 0; d < 2; d++) {
        const lines *in = d == 0 ? &trad : &simp;
        double mb = mbytes(in);
        lib = time_side(dirs[d].lib, &b, in, reps);
        UTransliterator *t = open_translit(dirs[d].icu);
        icu = time_side(icu_trans, t, in, 1);
        utrans_close(t);
        bench_figure(dirs[d].name, "input (corpus lines)", (double)in->n, "lines");
        bench_figure(dirs[d].name, dirs[d].fn, mb / lib, "MB/s");
        bench_figure(dirs[d].name, dirs[d].icu, mb / icu, "MB/s");
#ifdef FD_BENCH_OPENCC
        opencc_t od = open_opencc(dirs[d].opencc);
        double occ = time_side(opencc_side, &od, in, reps);
        opencc_close(od);
        bench_figure(dirs[d].name, "OpenCC", mb / occ, "MB/s");
        bench_ratio(dirs[d].name, occ / lib, 1); /* against OpenCC, the reference */
#else
        printf("note %s: built without libopencc-dev, ratio against ICU\n", dirs[d].name);
        bench_ratio(dirs[d].name, icu / lib, 1);
#endif
    }
    lines_free(&simp);
    lines_free(&trad);
    lines_free(&journal);
    lines_free(&formfields);
    fd_buf_dispose(&b);
}

/* Distinct ids of names whose key starts with q, via the index (all of them, or the first @limit). */
static long index_query(sqlite3_stmt *st, const char *q, size_t qn, int limit)
{
    char hi[FD_TEXT_KEY_MAX + 2];
    memcpy(hi, q, qn);
    hi[qn] = (char)0xFF;
    sqlite3_bind_text(st, 1, q, (int)qn, SQLITE_STATIC);
    /* TEXT, not BLOB: SQLite sorts every BLOB after every TEXT value */
    sqlite3_bind_text(st, 2, hi, (int)qn + 1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, limit);
    long rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        rows++;
    sqlite3_reset(st);
    return rows;
}

static void bench_matches(char **names, long n, long nq, long nscan)
{
    const char *path = bench_path("text");
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die_sql(db, "open");
    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;"
                     "CREATE TABLE name(id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
                     "CREATE TABLE name_key(key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY(key, id)) WITHOUT ROWID;",
                 NULL, NULL, NULL);
    sqlite3_stmt *ins_name, *ins_key, *q_index;
    if (sqlite3_prepare_v2(db, "INSERT INTO name(id, text) VALUES (?, ?)", -1, &ins_name, NULL) ||
        sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO name_key(key, id) VALUES (?, ?)", -1, &ins_key, NULL))
        die_sql(db, "prepare insert");
    fd_buf keys = FD_BUF_INIT;
    long nkeys = 0;
    double t0 = bench_now();
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    for (long i = 0; i < n; i++) {
        sqlite3_bind_int64(ins_name, 1, i);
        sqlite3_bind_text(ins_name, 2, names[i], -1, SQLITE_STATIC);
        if (sqlite3_step(ins_name) != SQLITE_DONE)
            die_sql(db, "insert name");
        sqlite3_reset(ins_name);
        if (fd_text_search_key(&keys, names[i]) != FD_OK)
            abort();
        for (char *p = keys.ptr, *e = keys.ptr + keys.size; p < e;) {
            char *nl = memchr(p, '\n', (size_t)(e - p));
            char *ke = nl ? nl : e;
            sqlite3_bind_text(ins_key, 1, p, (int)(ke - p), SQLITE_STATIC);
            sqlite3_bind_int64(ins_key, 2, i);
            if (sqlite3_step(ins_key) != SQLITE_DONE)
                die_sql(db, "insert key");
            sqlite3_reset(ins_key);
            nkeys++;
            p = ke + 1;
        }
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    double load = bench_now() - t0;
    bench_figure("text.matches", "names stored", (double)n, "names");
    bench_figure("text.matches", "search keys per name", (double)nkeys / (double)n, "keys");
    bench_figure("text.matches", "load (keys + insert)", (double)n / load, "names/s");

    /* Queries people type: initials, a full name's pinyin, a surname + given initial, characters. */
    char **queries = malloc((size_t)nq * sizeof *queries);
    fd_buf b = FD_BUF_INIT;
    for (long i = 0; i < nq; i++) {
        const char *name = names[(i * 7919) % n];
        switch (i % 4) {
        case 0: fd_text_name_initials(&b, name); break;
        case 1: fd_text_name_pinyin(&b, name, 0); break;
        case 2: fd_text_name_pinyin(&b, name, 0); if (b.size > 6) b.ptr[6] = '\0'; break;
        default: fd_text_to_traditional(&b, name); break;
        }
        queries[i] = strdup(b.ptr);
    }
    /* The page of the first 20 distinct names, as a search box shows them. */
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT id FROM name_key WHERE key >= ?1 AND key < ?2 LIMIT ?3", -1,
                           &q_index, NULL))
        die_sql(db, "prepare query");
    double *lat = malloc((size_t)nq * sizeof *lat);
    fd_buf qk = FD_BUF_INIT;
    for (long i = 0; i < nq; i++) {
        double s = bench_now();
        if (fd_text_search_query(&qk, queries[i]) != FD_OK)
            abort();
        sink += (size_t)index_query(q_index, qk.ptr, qk.size, 20);
        lat[i] = bench_now() - s;
    }
    qsort(lat, (size_t)nq, sizeof *lat, cmp_double);
    double p50 = lat[nq / 2], p99 = lat[(nq * 99) / 100 < nq ? (nq * 99) / 100 : nq - 1];
    bench_figure("text.matches", "index query p50", p50 * 1e3, "ms");
    bench_figure("text.matches", "index query p99 (target < 5 ms)", p99 * 1e3, "ms");

    /* Full scan: fd_text_matches on every stored name, for a few queries; check both agree. */
    double scan = 0;
    for (long i = 0; i < nscan; i++) {
        double s = bench_now();
        long hits = 0;
        for (long k = 0; k < n; k++) {
            int m;
            if (fd_text_matches(&m, queries[i], names[k]) != FD_OK)
                abort();
            hits += m;
        }
        scan += bench_now() - s;
        fd_text_search_query(&qk, queries[i]);
        long via_index = index_query(q_index, qk.ptr, qk.size, -1);
        if (via_index != hits) {
            fprintf(stderr, "bench_text: query '%s': index finds %ld names, scan %ld\n", queries[i],
                    via_index, hits);
            exit(1);
        }
    }
    double scan_per = scan / (double)nscan;
    bench_figure("text.matches", "full scan with fd_text_matches", scan_per * 1e3, "ms/query");
    bench_ratio("text.matches", scan_per / p50, 100);
    sqlite3_finalize(ins_name);
    sqlite3_finalize(ins_key);
    sqlite3_finalize(q_index);
    sqlite3_close(db);
    remove(path);
    for (long i = 0; i < nq; i++)
        free(queries[i]);
    free(queries);
    free(lat);
    fd_buf_dispose(&b);
    fd_buf_dispose(&qk);
    fd_buf_dispose(&keys);
}

int main(int argc, char **argv)
{
    long n = bench_n(argc, argv, 100000, 2000);
    long stored = bench_n(argc, argv, 1000000, 5000);
    char **names = make_names(stored > n ? stored : n);
    bench_pinyin(names, n, bench_smoke(argc, argv) ? 1 : 10);
    bench_normalize(names, n, bench_smoke(argc, argv) ? 1 : 5);
    bench_matches(names, stored, bench_n(argc, argv, 2000, 100), bench_n(argc, argv, 4, 2));
    for (long i = 0; i < (stored > n ? stored : n); i++)
        free(names[i]);
    free(names);
    return 0;
}
