/*
 * Phone and ID numbers in free text (R-COM-2): found in one forward pass and
 * their private digits starred in place.
 *
 * A number can only start at a digit, so the scan skips every other byte with
 * two comparisons. At a digit it reads the "chain" there: the run of digits
 * and the runs joined to it by single separators ("021 1234 5678" is three
 * runs), and tries the patterns on the lengths of the runs. ASCII and
 * full-width digits are read alike; a masked ASCII digit becomes '*' and a
 * masked full-width one '＊', which have the sizes of the digits they replace,
 * so the result is a copy of the text with a few bytes overwritten.
 *
 * UTF-8 is checked in the same pass (with ICU's U8_NEXT macro, no ICU
 * object), and nothing allocates but the caller's buffer.
 */
#include "pii_internal.h"

#include <string.h>

#define MAX_GROUPS 4
#define MAX_DIGITS 24
#define RUN_CAP 99 /* run lengths are compared with 18 at most; longer runs stop counting */

/* A run of digits: bytes [at, end), n digits, the first at d[d0] of its chain. */
typedef struct group {
    const unsigned char *at, *end;
    int n, d0;
} group;

/* Runs of digits joined by single separators. */
typedef struct chain {
    group g[MAX_GROUPS];
    int ng;
    int nd;
    char d[MAX_DIGITS]; /* the chain's first MAX_DIGITS digits, ASCII */
} chain;

/* A number found: bytes [at, end), of which the digits [from, to) are starred. */
typedef struct found {
    const unsigned char *at, *end;
    int from, to;
} found;

/* The text being scanned: validated UTF-8, NUL at end. */
typedef struct span {
    const unsigned char *s, *end;
} span;

/* The digit at @p, ASCII or full-width (U+FF10..U+FF19), with its size; -1 if none. */
static inline int digit_at(const unsigned char *p, const unsigned char *end, int *len)
{
    if (p >= end)
        return -1;
    if ((unsigned)(*p - '0') < 10u) {
        *len = 1;
        return *p - '0';
    }
    if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
        *len = 3;
        return p[2] - 0x90;
    }
    return -1;
}

/* Size of @ascii or of its full-width form U+FF00+(ascii-0x20) at @p, else 0. */
static int char_at(const unsigned char *p, const unsigned char *end, char ascii)
{
    if (p >= end)
        return 0;
    if (*p == (unsigned char)ascii)
        return 1;
    unsigned fw = 0xFF00u + (unsigned)(ascii - 0x20);
    return p[0] == 0xEF && p[1] == (0x80 | ((fw >> 6) & 0x3F)) && p[2] == (0x80 | (fw & 0x3F)) ? 3 : 0;
}

/* Size of @ascii or of its full-width form just before @q, else 0. */
static int char_before(const span *t, const unsigned char *q, char ascii)
{
    if (q > t->s && q[-1] == (unsigned char)ascii)
        return 1;
    return q - t->s >= 3 && char_at(q - 3, t->end, ascii) == 3 ? 3 : 0;
}

static bool digit_before(const span *t, const unsigned char *q)
{
    int len;
    return (q > t->s && digit_at(q - 1, t->end, &len) >= 0 && len == 1) ||
           (q - t->s >= 3 && digit_at(q - 3, t->end, &len) >= 0 && len == 3);
}

/*
 * Size of a separator between the groups of a number at @p, else 0: a space,
 * a dash (ASCII, full-width, hyphens and dashes U+2010..2014, minus U+2212) or
 * the ideographic space.
 */
static int sep_at(const unsigned char *p, const unsigned char *end)
{
    if (p >= end)
        return 0;
    if (*p == ' ' || *p == '-')
        return 1;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
        return 3;
    if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x94) || (p[1] == 0x88 && p[2] == 0x92)))
        return 3;
    return char_at(p, end, '-');
}

/* The check character X of an ID number (X, x, Ｘ, ｘ) at @p: its size, else 0. */
static int x_at(const unsigned char *p, const unsigned char *end)
{
    int l = char_at(p, end, 'X');
    return l ? l : char_at(p, end, 'x');
}

/* A decimal point with digits on the other side makes an amount, not a number. */
static bool fraction_before(const span *t, const unsigned char *p)
{
    int l = char_before(t, p, '.');
    return l && digit_before(t, p - l);
}

static bool ends_number(const span *t, const unsigned char *q)
{
    int l = char_at(q, t->end, '.'), len;
    return !(l && digit_at(q + l, t->end, &len) >= 0);
}

static void read_chain(chain *c, const unsigned char *p, const unsigned char *end)
{
    int len, v, nd = 0; /* counts in locals: stores into c->d may alias the struct */
    c->ng = 0;
    for (;;) {
        group *g = &c->g[c->ng++];
        int n = 0;
        g->at = p;
        g->d0 = nd;
        while ((v = digit_at(p, end, &len)) >= 0) {
            if (nd < MAX_DIGITS)
                c->d[nd++] = (char)('0' + v);
            n += n < RUN_CAP;
            p += len;
        }
        g->end = p;
        g->n = n;
        int sl = c->ng < MAX_GROUPS ? sep_at(p, end) : 0;
        if (sl == 0 || digit_at(p + sl, end, &len) < 0)
            break;
        p += sl;
    }
    c->nd = nd;
}

/* Skips @k digits from @p. */
static const unsigned char *skip_digits(const unsigned char *p, const unsigned char *end, int k)
{
    int len;
    while (k-- > 0 && digit_at(p, end, &len) >= 0)
        p += len;
    return p;
}

/*
 * The number of groups from @first on whose lengths are one of @layouts
 * (each 0-terminated, at most MAX_GROUPS), or 0.
 */
static int fits(const chain *c, int first, const signed char (*layouts)[MAX_GROUPS], size_t nlayouts)
{
    for (size_t i = 0; i < nlayouts; i++) {
        int k = 0;
        while (k < MAX_GROUPS && layouts[i][k] && first + k < c->ng && c->g[first + k].n == layouts[i][k])
            k++;
        if (k == MAX_GROUPS || layouts[i][k] == 0)
            return k;
    }
    return 0;
}

static bool two(const char *d, int lo, int hi)
{
    int v = (d[0] - '0') * 10 + (d[1] - '0');
    return v >= lo && v <= hi;
}

/* Region not 0, birth year 18xx..20xx (18 digits), a month and a day that may be. */
static bool plausible_id(const char *d, int n)
{
    if (d[0] == '0')
        return false;
    if (n == 15)
        return two(d + 8, 1, 12) && two(d + 10, 1, 31);
    return two(d + 6, 18, 20) && two(d + 10, 1, 12) && two(d + 12, 1, 31);
}

/* 18 characters (17 digits + digit or X) or 15 digits, whole or 6-8-4. */
static bool id_number(const span *t, const chain *c, found *f)
{
    const group *g = c->g;
    const unsigned char *end = NULL;
    int n = 18, xl;
    if (g[0].n == 18 || g[0].n == 15) {
        end = g[0].end;
        n = g[0].n;
    } else if (g[0].n == 17 && (xl = x_at(g[0].end, t->end)) != 0) {
        end = g[0].end + xl;
    } else if (c->ng >= 3 && g[0].n == 6 && g[1].n == 8) {
        if (g[2].n == 4)
            end = g[2].end;
        else if (g[2].n == 3 && (xl = x_at(g[2].end, t->end)) != 0)
            end = g[2].end + xl;
    }
    if (end == NULL || !plausible_id(c->d, n) || !ends_number(t, end))
        return false;
    *f = (found){ g[0].at, end, 6, n == 18 ? 14 : 12 };
    return true;
}

static const signed char MOBILE_LAYOUTS[][MAX_GROUPS] = { { 11 }, { 3, 8 }, { 7, 4 }, { 3, 4, 4 } };
static const signed char LOCAL_LAYOUTS[][MAX_GROUPS] = { { 8 }, { 7 }, { 4, 4 }, { 3, 4 } };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/*
 * 1[3-9] and 9 more digits: the first 3 and last 4 stay. Also whole with a 0
 * before it, as dialled from a landline in another city (fd_phone_parse
 * takes it too): 013800138000 → 0138****8000.
 */
static bool mobile(const span *t, const chain *c, found *f)
{
    const char *d = c->d;
    if (c->g[0].n == 12 && d[0] == '0' && d[1] == '1' && d[2] >= '3' && ends_number(t, c->g[0].end)) {
        *f = (found){ c->g[0].at, c->g[0].end, 4, 8 };
        return true;
    }
    int k = fits(c, 0, MOBILE_LAYOUTS, COUNT(MOBILE_LAYOUTS));
    if (k == 0 || d[0] != '1' || d[1] < '3' || !ends_number(t, c->g[k - 1].end))
        return false;
    *f = (found){ c->g[0].at, c->g[k - 1].end, 3, 7 };
    return true;
}

/*
 * An area code and a local number: the code is 010 or 02x (8-digit local
 * numbers) or 0[3-9]xx (7 or 8), written without its 0 after +86 (@trunk
 * false). Whole ("02112345678"), spaced or dashed ("021 1234 5678"), or in
 * parentheses ("(021)12345678"). The area code and the last 4 digits stay.
 */
static bool landline(const span *t, const chain *c, bool trunk, found *f)
{
    const group *g = c->g;
    const char *d = c->d + (trunk ? 1 : 0);
    if (g[0].n < (trunk ? 3 : 2) || (trunk && c->d[0] != '0'))
        return false;
    int code = d[0] == '1' ? (d[1] == '0' ? 2 : 0) : d[0] == '2' ? 2 : d[0] >= '3' ? 3 : 0;
    if (code == 0)
        return false;
    int area = code + (trunk ? 1 : 0), local;
    const unsigned char *end;
    if (g[0].n == area) {
        chain after;
        const chain *l = c;
        int first = 1, pl, len;
        if (trunk && char_before(t, g[0].at, '(') && (pl = char_at(g[0].end, t->end, ')')) != 0) {
            const unsigned char *q = g[0].end + pl;
            q += sep_at(q, t->end);
            if (digit_at(q, t->end, &len) < 0)
                return false;
            read_chain(&after, q, t->end);
            l = &after;
            first = 0;
        }
        int k = fits(l, first, LOCAL_LAYOUTS, COUNT(LOCAL_LAYOUTS));
        if (k == 0)
            return false;
        local = 0;
        for (int i = first; i < first + k; i++)
            local += l->g[i].n;
        end = l->g[first + k - 1].end;
    } else if (g[0].n == area + 7 || g[0].n == area + 8) {
        local = g[0].n - area;
        end = g[0].end;
    } else {
        return false;
    }
    if ((local == 7 && code == 2) || !ends_number(t, end))
        return false;
    *f = (found){ g[0].at, end, area, area + local - 4 };
    return true;
}

/*
 * A number after the country code: "+86", "(+86)", "0086" or "86" before 11
 * digits, then nothing or one separator. The prefix itself stays as written.
 */
static bool prefixed(const span *t, const chain *c, found *f)
{
    const unsigned char *p = c->g[0].at;
    const char *d = c->d;
    int n = c->g[0].n, skip, plus = char_before(t, p, '+'), len;
    if (plus && n >= 2 && d[0] == '8' && d[1] == '6')
        skip = 2;
    else if (n >= 4 && memcmp(d, "0086", 4) == 0)
        skip = 4;
    else if (n == 13 && memcmp(d, "861", 3) == 0 && d[3] >= '3')
        skip = 2;
    else
        return false;
    const unsigned char *body;
    if (n > skip) {
        body = skip_digits(p, t->end, skip);
    } else {
        body = c->g[0].end;
        int pl;
        if (plus && char_before(t, p - plus, '(') && (pl = char_at(body, t->end, ')')) != 0)
            body += pl;
        body += sep_at(body, t->end);
        if (digit_at(body, t->end, &len) < 0)
            return false;
    }
    chain b;
    read_chain(&b, body, t->end);
    return mobile(t, &b, f) || landline(t, &b, false, f);
}

/* Size of a Latin letter, ASCII or full-width (Ａ … ｚ), at @p; 0 if none. */
static int letter_at(const unsigned char *p, const unsigned char *end)
{
    if (p >= end)
        return 0;
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
        return 1;
    /* U+FF21..U+FF3A: EF BC A1..BA; U+FF41..U+FF5A: EF BD 81..9A */
    if (end - p >= 3 && p[0] == 0xEF &&
        ((p[1] == 0xBC && p[2] >= 0xA1 && p[2] <= 0xBA) || (p[1] == 0xBD && p[2] >= 0x81 && p[2] <= 0x9A)))
        return 3;
    return 0;
}

/* Size of a Latin letter just before @q, 0 if none. */
static int letter_before(const span *t, const unsigned char *q)
{
    if (q > t->s && letter_at(q - 1, t->end) == 1)
        return 1;
    return q - t->s >= 3 && letter_at(q - 3, t->end) == 3 ? 3 : 0;
}

/*
 * A passport-like number: one Latin letter and 8 to 10 digits, or two and 7
 * to 9 (a passport E12345678 or EA1234567, a 港澳通行证 C12345678, a 回乡证
 * H1234567890), the letters starting a word and nothing alphanumeric after
 * the digits; the letters and the last 3 digits stay (E*****678). A plate
 * (京A12345), a unit (3-1201), a date or a code of 3 letters does not fit.
 */
static bool passport_number(const span *t, const chain *c, found *f)
{
    const group *g = &c->g[0];
    const unsigned char *q = g->at;
    int letters = 0, l, len;
    while (letters < 3 && (l = letter_before(t, q)) != 0) {
        q -= l;
        letters++;
    }
    bool shape = (letters == 1 && g->n >= 8 && g->n <= 10) || (letters == 2 && g->n >= 7 && g->n <= 9);
    if (!shape || digit_before(t, q) || letter_at(g->end, t->end) || digit_at(g->end, t->end, &len) >= 0 ||
        !ends_number(t, g->end))
        return false;
    *f = (found){ g->at, g->end, 0, g->n - 3 };
    return true;
}

/* What scan() looks for. */
enum { FIND_ALL = 0, FIND_IDS = 1 };

/*
 * Loosely grouped numbers: the digits of a mobile or an 18-character ID number
 * split any other way ("4301 0219 9003 0777 32", "138  1234  5678", "138 - 1234
 * - 5678"), the groups joined by runs of up to LOOSE_SEPS separators. Such
 * chains are also what lists, dates and amounts look like, so only what has
 * its own proof is taken: an ID number whose GB 11643 check character is
 * right (and whose birth date may be), or a mobile whose first 3 digits are
 * an allocated mobile prefix; the first group has at least 3 digits, every
 * other at least 2 (the last of an ID number may be one digit and its X).
 */
#define LOOSE_GROUPS 6
#define LOOSE_SEPS 3
#define LOOSE_MOBILE_GROUPS 4

typedef struct loose {
    const unsigned char *end[LOOSE_GROUPS]; /* where each group's digits end */
    int n[LOOSE_GROUPS];                     /* digits in each group (RUN_CAP at most) */
    int ng, nd;
    char d[MAX_DIGITS]; /* the first MAX_DIGITS digits, ASCII */
} loose;

/* Size of the run of 1..LOOSE_SEPS separators at @p, else 0. */
static int seps_at(const unsigned char *p, const unsigned char *end)
{
    int size = 0, l;
    for (int k = 0; k < LOOSE_SEPS && (l = sep_at(p + size, end)) != 0; k++)
        size += l;
    return size;
}

/* Whether a digit and 1..LOOSE_SEPS separators come right before @q: @q then continues a chain. */
static bool chained_before(const span *t, const unsigned char *q)
{
    for (int k = 0; k < LOOSE_SEPS; k++) {
        int l = q > t->s && sep_at(q - 1, t->end) == 1 ? 1 : q - t->s >= 3 && sep_at(q - 3, t->end) == 3 ? 3 : 0;
        if (l == 0)
            return false;
        q -= l;
        if (digit_before(t, q))
            return true;
    }
    return false;
}

static void read_loose(loose *c, const unsigned char *p, const unsigned char *end)
{
    int len, v, nd = 0;
    c->ng = 0;
    for (;;) {
        int n = 0;
        while ((v = digit_at(p, end, &len)) >= 0) {
            if (nd < MAX_DIGITS)
                c->d[nd++] = (char)('0' + v);
            n += n < RUN_CAP;
            p += len;
        }
        c->end[c->ng] = p;
        c->n[c->ng++] = n;
        int sl = seps_at(p, end);
        if (c->ng == LOOSE_GROUPS || nd > 18 || sl == 0 || digit_at(p + sl, end, &len) < 0)
            break;
        p += sl;
    }
    c->nd = nd;
}

/* GB 11643 (ISO 7064 MOD 11-2): the check character of the 17 digits @d. */
static char id_check_char(const char *d)
{
    static const signed char w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (d[i] - '0') * w[i];
    return "10X98765432"[sum % 11];
}

/*
 * The mobile prefixes allocated to carriers (and their resellers, 162 165 167
 * 170 171): 13x, 145-149, 15[0-35-9], 16[2567], 17[0-8], 18x, 19[0-35-9].
 * One bit per third digit for 13x..19x.
 */
static bool mobile_prefix(const char *d)
{
    static const unsigned short third[7] = { 0x3FF, 0x3E0, 0x3EF, 0x0E4, 0x1FF, 0x3FF, 0x3EF };
    return d[0] == '1' && d[1] >= '3' && d[1] <= '9' && (third[d[1] - '3'] >> (d[2] - '0') & 1);
}

/* The loose chain @c from @p, its first 17 or 18 digits: an ID number ending at @e (+ its X of size @xl)? */
static bool loose_id(const span *t, const loose *c, const unsigned char *p, const unsigned char *e, int xl,
                     found *f)
{
    int nd = xl ? 17 : 18;
    if (!plausible_id(c->d, 18) || id_check_char(c->d) != (nd == 18 ? c->d[17] : 'X') || !ends_number(t, e + xl))
        return false;
    *f = (found){ p, e + xl, 6, 14 };
    return true;
}

/*
 * An ID number (@mobile false) or a mobile (@mobile true) grouped loosely
 * from @p, which does not itself continue a chain. number_at() looks for
 * these ID numbers first: the first 11 digits of one may look like a mobile
 * ("134 3071 9570 310 791X"), its first 15 like an old ID number.
 */
static bool loose_number(const span *t, const unsigned char *p, bool mobile, found *f)
{
    loose c;
    if (chained_before(t, p))
        return false;
    read_loose(&c, p, t->end);
    if (c.ng < 2 || c.n[0] < 3 || (mobile && !mobile_prefix(c.d)))
        return false;
    int nd = 0, xl;
    for (int k = 0; k < c.ng && nd < 18; k++) {
        const unsigned char *e = c.end[k];
        nd += c.n[k];
        xl = nd == 17 ? x_at(e, t->end) : 0;
        if (c.n[k] < 2) /* only an ID number's last digit before its X stands alone */
            return !mobile && xl && loose_id(t, &c, p, e, xl, f);
        if (mobile && k > 0 && nd == 11 && k < LOOSE_MOBILE_GROUPS && ends_number(t, e)) {
            *f = (found){ p, e, 3, 7 };
            return true;
        }
        if (!mobile && (nd == 18 || xl))
            return loose_id(t, &c, p, e, xl, f);
    }
    return false;
}

/* The number that starts at the digit @p, if any; *run_end: where its run ends. */
static bool number_at(const span *t, const unsigned char *p, int find, found *f, const unsigned char **run_end)
{
    chain c;
    read_chain(&c, p, t->end);
    *run_end = c.g[0].end;
    if (fraction_before(t, p))
        return false;
    bool grouped = c.ng > 1 || sep_at(c.g[0].end, t->end);
    if ((grouped && loose_number(t, p, false, f)) || id_number(t, &c, f) || passport_number(t, &c, f))
        return true;
    return find == FIND_ALL && (prefixed(t, &c, f) || mobile(t, &c, f) || landline(t, &c, true, f) ||
                                (grouped && loose_number(t, p, true, f)));
}

/* Stars the digits [from, to) of @f in @out, a copy of the text at @s. */
static void star(char *out, const unsigned char *s, const found *f)
{
    int i = 0, len;
    for (const unsigned char *p = f->at; p < f->end && i < f->to;) {
        if (digit_at(p, f->end, &len) < 0) {
            p++; /* a separator or parenthesis: bytes of it are never digits */
            continue;
        }
        if (i++ >= f->from) {
            if (len == 1)
                out[p - s] = '*';
            else
                memcpy(out + (p - s), "\xEF\xBC\x8A", 3); /* U+FF0A FULLWIDTH ASTERISK */
        }
        p += len;
    }
}

/*
 * Finds (and with @out, stars) the numbers of s[0..len), checking UTF-8 on
 * the way: -1 with *bad at the first byte that is not. With @first it stops
 * looking after the first number, but still checks the rest.
 */
static int64_t scan(const unsigned char *s, size_t len, char *out, bool first, int find, size_t *bad)
{
    span t = { s, s + len };
    int64_t count = 0;
    bool look = true;
    const unsigned char *p = s;
    while (p < t.end) {
        unsigned char b = *p;
        if (b < 0x80) {
            if (!look || (unsigned)(b - '0') >= 10u) {
                p++;
                continue;
            }
        } else if (b >= 0xE1 && b <= 0xEC && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            p += 3; /* most Han text: a 3-byte lead that admits no overlong form or surrogate */
            continue;
        } else {
            int32_t i = 0, n = t.end - p < 4 ? (int32_t)(t.end - p) : 4;
            UChar32 c;
            U8_NEXT(p, i, n, c);
            if (c < 0) {
                *bad = (size_t)(p - s);
                return -1;
            }
            if (!look || c < 0xFF10 || c > 0xFF19) { /* not a full-width digit */
                p += i;
                continue;
            }
        }
        /* What a number spans (digits, separators, parentheses) is well-formed: its bytes were matched. */
        found f;
        const unsigned char *run_end;
        if (!number_at(&t, p, find, &f, &run_end)) {
            p = run_end;
            continue;
        }
        count++;
        if (out)
            star(out, s, &f);
        look = !first;
        p = f.end;
    }
    return count;
}

/* The text with what @find looks for masked into @out (cleared first, empty on error). */
static fd_status mask_into(const char *fn, const char *field, fd_buf *out, int64_t *count, const char *text,
                           size_t len, int find)
{
    fd__buf_clear(out);
    if (fd__buf_grow(out, len))
        return fd__oom(fn);
    memcpy(out->ptr, text, len);
    size_t bad;
    int64_t n = scan((const unsigned char *)text, len, out->ptr, false, find, &bad);
    if (n < 0) {
        out->ptr[0] = '\0';
        return fd__pii_bad_utf8(fn, field, bad);
    }
    out->ptr[len] = '\0';
    out->size = len;
    if (count)
        *count = n;
    return FD_OK;
}

fd_status fd__pii_mask_text(const char *fn, const char *field, fd_buf *out, int64_t *count, const char *text,
                            size_t len)
{
    return mask_into(fn, field, out, count, text, len, FIND_ALL);
}

/* R-COM-2: free text is scanned for numbers and masked on output. */
fd_status fd_pii_mask_text(fd_buf *out, int64_t *out_count, const char *text)
{
    fd_status rc = fd__check_ptr("fd_pii_mask_text", "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out);
    if (text == NULL)
        return fd__error(FD_EINVAL, "fd_pii_mask_text: text: must not be NULL");
    return fd__pii_mask_text("fd_pii_mask_text", "text", out, out_count, text, strlen(text));
}

fd_status fd_pii_contains(int *out, const char *text)
{
    fd_status rc = fd__check_ptr("fd_pii_contains", "out", out);
    if (rc)
        return rc;
    if (text == NULL)
        return fd__error(FD_EINVAL, "fd_pii_contains: text: must not be NULL");
    size_t bad;
    int64_t n = scan((const unsigned char *)text, strlen(text), NULL, true, FIND_ALL, &bad);
    if (n < 0)
        return fd__pii_bad_utf8("fd_pii_contains", "text", bad);
    *out = n > 0;
    return FD_OK;
}

fd_status fd__pii_mask_ids(fd_buf *out, int64_t *count, const char *text)
{
    return mask_into("fd__pii_mask_ids", "text", out, count, text, strlen(text), FIND_IDS);
}
