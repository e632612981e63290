/*
 * pii: fd_pii_mask_text against what a user would write instead, measured in
 * the same run; ratio = baseline time / library time (higher is better).
 *   mask_text  fd_pii_mask_text into a reused fd_buf vs a POSIX regcomp/
 *              regexec scanner (one precompiled ERE for the same mobile,
 *              landline and ID shapes, in the C.UTF-8 locale so that
 *              full-width digits match, right boundaries checked in C, the
 *              same digits starred)
 *   contains   fd_pii_contains vs the same regex scanner stopping at the
 *              first number
 * The text is a few thousand journal details made by a fixed-seed PRNG from
 * front-desk sentences (calls, visitors, repairs, fees, complaints) with
 * mobiles in several shapes, landlines, 15/18-digit ID numbers and numbers
 * that are none (amounts, room numbers, dates, order numbers, 400 numbers).
 * Both scanners run once over every sentence first (warm-up), and their
 * outputs must agree: a mismatch is printed and the program exits 1. Each
 * figure is the fastest of 30 interleaved passes over all the sentences.
 * Target: >= 20x the regex scanner.
 */
#include "bench.h"

#include <frontdesk/common.h>
#include <frontdesk/pii.h>

#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile long sink;
static unsigned rng = 20261123u;

static unsigned next(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static const char *pick(const char *const *list, size_t n)
{
    return list[next() % n];
}
#define PICK(list) pick(list, sizeof(list) / sizeof(list[0]))

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                        "徐", "孙", "马", "朱", "胡", "郭", "欧阳", "司马" };
static const char *const titles[] = { "先生", "女士", "师傅", "经理", "阿姨" };
static const char *const issues[] = { "电梯故障", "厨房漏水", "门禁卡失灵", "噪音扰民", "停车位被占",
                                      "楼道灯不亮", "快递丢失", "空调不制冷" };
static const char *const fw_digits[] = { "０", "１", "２", "３", "４", "５", "６", "７", "８", "９" };

/* Writes a random number in one of the shapes both scanners know into @o. */
static void mobile(char *o, size_t cap)
{
    unsigned a = 3 + next() % 7, b = next() % 10000, c = next() % 10000, d = next() % 10;
    static const char *const loose[] = { "138", "186", "159", "177" };
    switch (next() % 6) {
    case 0: snprintf(o, cap, "1%u%u%04u%04u", a, d, b, c); break;
    case 5: snprintf(o, cap, "%s  %04u  %04u", PICK(loose), b, c); break; /* grouped loosely */
    case 1: snprintf(o, cap, "1%u%u %04u %04u", a, d, b, c); break;
    case 2: snprintf(o, cap, "1%u%u-%04u-%04u", a, d, b, c); break;
    case 3: snprintf(o, cap, "+86 1%u%u%04u%04u", a, d, b, c); break;
    default: {
        char ascii[16];
        snprintf(ascii, sizeof ascii, "1%u%u%04u%04u", a, d, b, c);
        o[0] = '\0';
        for (const char *p = ascii; *p; p++)
            strcat(o, fw_digits[*p - '0']);
    }
    }
}

static void landline(char *o, size_t cap)
{
    static const char *const two[] = { "010", "020", "021", "022", "025", "027", "028" };
    static const char *const three[] = { "0755", "0571", "0731", "0512", "0898", "0371" };
    unsigned s = 2000000 + next() % 8000000, t = 20000000 + next() % 80000000;
    switch (next() % 4) {
    case 0: snprintf(o, cap, "%s-%08u", PICK(two), t); break;
    case 1: snprintf(o, cap, "%s-%07u", PICK(three), s); break;
    case 2: snprintf(o, cap, "(%s)%08u", PICK(two), t); break;
    default: snprintf(o, cap, "%s %04u %04u", PICK(two), t / 10000, t % 10000); break;
    }
}

static void id_number(char *o, size_t cap)
{
    static const char *const regions[] = { "110105", "310104", "440305", "330106", "510107", "420106" };
    unsigned y = 1940 + next() % 70, m = 1 + next() % 12, d = 1 + next() % 28, s = next() % 1000;
    if (next() % 6 == 0)
        snprintf(o, cap, "%s%02u%02u%02u%03u", PICK(regions), y % 100, m, d, s);
    else
        snprintf(o, cap, "%s%04u%02u%02u%03u%c", PICK(regions), y, m, d, s, "0123456789X"[next() % 11]);
}

/* One journal detail. */
static void sentence(char *o, size_t cap)
{
    char n1[64], n2[64];
    const char *sn = PICK(surnames), *ti = PICK(titles), *is = PICK(issues);
    unsigned b = 1 + next() % 30, r = 101 + next() % 2400, amt = next() % 100000;
    switch (next() % 10) {
    case 0: mobile(n1, sizeof n1); snprintf(o, cap, "%s%s来电 %s 反映%u号楼%s", sn, ti, n1, b, is); break;
    case 1: id_number(n1, sizeof n1); snprintf(o, cap, "访客%s%s身份证 %s 登记，拜访%u室", sn, ti, n1, r); break;
    case 2: mobile(n1, sizeof n1);
        snprintf(o, cap, "%s%s（%s）报修：%u栋%u室%s，已派维修工", sn, ti, n1, b, r, is); break;
    case 3: snprintf(o, cap, "物业费 %u.%02u 元已收，收据号 2024%02u%02u%012u", amt / 100, amt % 100,
                     1 + next() % 12, 1 + next() % 28, next() % 1000000000u); break;
    case 4: landline(n1, sizeof n1); snprintf(o, cap, "回访 %s %s%s，满意度 %u%%，问题：%s", n1, sn, ti, amt % 101, is); break;
    case 5: mobile(n1, sizeof n1);
        snprintf(o, cap, "%02u:%02u 快递员%s送件至 %u-%u，联系电话 %s", next() % 24, next() % 60, sn, b, r, n1); break;
    case 6: id_number(n1, sizeof n1); mobile(n2, sizeof n2);
        snprintf(o, cap, "来访登记：%s%s，证件 %s，手机 %s，事由 %s", sn, ti, n1, n2, is); break;
    case 7: snprintf(o, cap, "400-810-8888 客服转接，工单 %u，%s%s 已处理，耗时 %u 分钟", amt, sn, ti, b); break;
    case 8: snprintf(o, cap, "2024-%02u-%02u 停车场收费 %u.%02u 元，车位 B%u-%u", 1 + next() % 12,
                     1 + next() % 28, amt / 1000, amt % 100, b, r); break;
    default: landline(n1, sizeof n1); mobile(n2, sizeof n2);
        snprintf(o, cap, "%s%s 座机 %s 来电咨询租赁，回电 %s", sn, ti, n1, n2); break;
    }
}

/* --- the baseline: regcomp/regexec ------------------------------------- */

#define D "[0-9０１２３４５６７８９]"
#define ND "[^0-9０１２３４５６７８９]"
static const char PATTERN[] =
    "(^|" ND ")("
    "(\\+86 )?[1１][3-9３４５６７８９]" D "{9}"
    "|(\\+86 )?1[3-9][0-9][ -][0-9]{4}[ -][0-9]{4}"
    "|1(38|86|59|77)  [0-9]{4}  [0-9]{4}"
    "|0(10|2[0-9])[ -]?[0-9]{8}"
    "|0[3-9][0-9]{2}[ -]?[0-9]{7,8}"
    "|\\((0(10|2[0-9])|0[3-9][0-9]{2})\\)[0-9]{7,8}"
    "|0(10|2[0-9]) [0-9]{4} [0-9]{4}"
    "|[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
    "|[1-9][0-9]{7}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}"
    ")";

static int digit_len(const unsigned char *p)
{
    if (*p >= '0' && *p <= '9')
        return 1;
    return p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99 ? 3 : 0;
}

/* Stars the digits [from, to) of s[at, end) in out (a copy of s). */
static void star_range(char *out, const char *s, size_t at, size_t end, int from, int to)
{
    int i = 0;
    for (size_t k = at; k < end;) {
        int l = digit_len((const unsigned char *)s + k);
        if (l == 0) {
            k++;
            continue;
        }
        if (i >= from && i < to)
            memcpy(out + k, l == 1 ? "*" : "\xEF\xBC\x8A", (size_t)l);
        i++;
        k += (size_t)l;
    }
}

/* What the match is, by its digits: which digits to star. */
static void classify(const char *s, size_t at, size_t end, int *from, int *to)
{
    char d[32] = "";
    int n = 0;
    for (size_t k = at; k < end && n < 30;) {
        int l = digit_len((const unsigned char *)s + k);
        if (l) {
            d[n++] = l == 1 ? s[k] : (char)('0' + ((const unsigned char *)s)[k + 2] - 0x90);
            k += (size_t)l;
        } else {
            k++;
        }
    }
    bool x = s[end - 1] == 'X' || s[end - 1] == 'x';
    if (n == 18 || (n == 17 && x)) {
        *from = 6, *to = 14;
    } else if (n == 15) {
        *from = 6, *to = 12;
    } else if (d[0] == '0') {
        int area = d[1] == '1' || d[1] == '2' ? 3 : 4;
        *from = area, *to = n - 4;
    } else {
        *from = 3, *to = 7;
    }
}

/* Masks the numbers of @s into @out (a copy), or with @out NULL counts up to the first. */
static int64_t regex_mask(const regex_t *re, char *out, const char *s)
{
    size_t len = strlen(s), pos = 0;
    if (out)
        memcpy(out, s, len + 1);
    int64_t count = 0;
    regmatch_t m[3];
    while (pos < len && regexec(re, s + pos, 3, m, pos ? REG_NOTBOL : 0) == 0) {
        size_t at = pos + (size_t)m[2].rm_so, end = pos + (size_t)m[2].rm_eo;
        const unsigned char *after = (const unsigned char *)s + end;
        bool more = digit_len(after) ||
                    ((after[0] == '.' || (after[0] == 0xEF && after[1] == 0xBC && after[2] == 0x8E)) &&
                     digit_len(after + (after[0] == '.' ? 1 : 3)));
        if (more) { /* a longer number or an amount: look again after its first character */
            int first = digit_len((const unsigned char *)s + at);
            pos = at + (size_t)(first ? first : 1);
            continue;
        }
        count++;
        if (out == NULL)
            break;
        if (s[at] == '+')
            at += 4; /* "+86 " stays */
        int from, to;
        classify(s, at, end, &from, &to);
        star_range(out, s, at, end, from, to);
        pos = end;
    }
    return count;
}

/* The texts and buffers the timed passes use. */
static char **text;
static long nsent;
static regex_t re;
static fd_buf buf = FD_BUF_INIT;
static char *rout;

static void lib_mask(void)
{
    for (long i = 0; i < nsent; i++) {
        fd_pii_mask_text(&buf, NULL, text[i]);
        sink += buf.ptr[0];
    }
}

static void regex_masks(void)
{
    for (long i = 0; i < nsent; i++) {
        regex_mask(&re, rout, text[i]);
        sink += rout[0];
    }
}

static void lib_contains(void)
{
    for (long i = 0; i < nsent; i++) {
        int has;
        fd_pii_contains(&has, text[i]);
        sink += has;
    }
}

static void regex_contains(void)
{
    for (long i = 0; i < nsent; i++)
        sink += regex_mask(&re, NULL, text[i]) > 0;
}

/*
 * The fastest of @rounds passes of each side, interleaved, so that a burst
 * of load on a shared machine slows both or neither.
 */
static void best_of(void (*lib)(void), void (*base)(void), long rounds, double *tlib, double *tbase)
{
    *tlib = *tbase = 1e30;
    for (long r = 0; r < rounds; r++) {
        double t0 = bench_now();
        lib();
        double t1 = bench_now();
        base();
        double t2 = bench_now();
        *tlib = t1 - t0 < *tlib ? t1 - t0 : *tlib;
        *tbase = t2 - t1 < *tbase ? t2 - t1 : *tbase;
    }
}

int main(int argc, char **argv)
{
    nsent = bench_n(argc, argv, 4000, 300);
    long rounds = bench_n(argc, argv, 30, 2);
    if (setlocale(LC_ALL, "C.UTF-8") == NULL && setlocale(LC_ALL, "C.utf8") == NULL) {
        fprintf(stderr, "bench_pii: no C.UTF-8 locale for the regex baseline\n");
        return 1;
    }
    int rc = regcomp(&re, PATTERN, REG_EXTENDED);
    if (rc) {
        char msg[256];
        regerror(rc, &re, msg, sizeof msg);
        fprintf(stderr, "bench_pii: regcomp: %s\n", msg);
        return 1;
    }
    text = malloc(sizeof(char *) * (size_t)nsent);
    size_t bytes = 0, longest = 0;
    for (long i = 0; i < nsent; i++) {
        char s[512];
        sentence(s, sizeof s);
        text[i] = strdup(s);
        bytes += strlen(s);
        longest = strlen(s) > longest ? strlen(s) : longest;
    }
    rout = malloc(longest + 1);

    /* Warm-up, and the proof that both do the same masking. */
    long mismatches = 0, numbers = 0;
    for (long i = 0; i < nsent; i++) {
        int64_t n1 = 0, n2 = regex_mask(&re, rout, text[i]);
        if (fd_pii_mask_text(&buf, &n1, text[i]) != FD_OK)
            abort();
        numbers += n1;
        if ((n1 != n2 || strcmp(buf.ptr, rout) != 0) && mismatches++ < 5)
            fprintf(stderr, "bench_pii: differ on '%s':\n  fd_pii_mask_text '%s' (%lld)\n  regex '%s' (%lld)\n",
                    text[i], buf.ptr, (long long)n1, rout, (long long)n2);
    }
    bench_figure("pii_mask_text", "sentences", (double)nsent, "");
    bench_figure("pii_mask_text", "mean length", (double)bytes / (double)nsent, "bytes");
    bench_figure("pii_mask_text", "numbers masked", (double)numbers, "");
    bench_figure("pii_mask_text", "outputs that differ from the regex scanner", (double)mismatches, "");

    double lib, base, mb = (double)bytes / 1e6;
    best_of(lib_mask, regex_masks, rounds, &lib, &base);
    bench_figure("pii_mask_text", "fd_pii_mask_text", (double)nsent / lib / 1e6, "M texts/s");
    bench_figure("pii_mask_text", "fd_pii_mask_text", mb / lib, "MB/s");
    bench_figure("pii_mask_text", "regcomp/regexec baseline", (double)nsent / base / 1e6, "M texts/s");
    bench_figure("pii_mask_text", "regcomp/regexec baseline", mb / base, "MB/s");
    bench_ratio("pii_mask_text", base / lib, 20);

    best_of(lib_contains, regex_contains, rounds, &lib, &base);
    bench_figure("pii_contains", "fd_pii_contains", (double)nsent / lib / 1e6, "M texts/s");
    bench_figure("pii_contains", "regcomp/regexec baseline", (double)nsent / base / 1e6, "M texts/s");
    bench_ratio("pii_contains", base / lib, 20);

    for (long i = 0; i < nsent; i++)
        free(text[i]);
    free(text);
    free(rout);
    fd_buf_dispose(&buf);
    regfree(&re);
    return mismatches ? 1 : 0;
}
