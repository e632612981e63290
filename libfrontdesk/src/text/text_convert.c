/*
 * Normalisation (issue 4, item 1), Traditional<->Simplified (item 2) and the
 * folding that search keys and queries share (item 4).
 */
#include "text_internal.h"

#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

static bool ascii_space(unsigned char c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

/* ASCII is NFKC already: only the white space needs collapsing. */
static fd_status collapse_ascii(fd_buf *out, const char *s, size_t len)
{
    fd_status rc = fd__buf_grow(out, len);
    if (rc)
        return rc;
    char *o = out->ptr + out->size;
    bool pending = false, any = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ascii_space(c)) {
            pending = any;
            continue;
        }
        if (pending)
            *o++ = ' ';
        *o++ = (char)c;
        pending = false;
        any = true;
    }
    out->size = (size_t)(o - out->ptr);
    out->ptr[out->size] = '\0';
    return FD_OK;
}

/*
 * The fast path's table, one entry per BMP code point, built once from ICU's
 * NFKC data: NORM_ICU when the character may interact with its neighbours (no
 * normalisation boundary before it: combining marks, conjoining jamo ...), so
 * the whole string goes through ICU; NORM_COPY when NFKC leaves it alone;
 * NORM_SPACE when NFKC makes it white space (U+3000, NBSP); otherwise
 * NORM_MAP + i where map_out[i] is NFKC of the character (full-width ASCII,
 * （）, …, ①, ㎡ ...). A string whose every character has a boundary before it
 * normalises character by character (ICU's Normalizer2::hasBoundaryBefore), so
 * the fast path gives exactly ICU's result; a test checks it over every BMP
 * character.
 */
enum { NORM_ICU = 0, NORM_COPY = 1, NORM_SPACE = 2, NORM_MAP = 3 };
#define NORM_MAP_MAX 8192
#define NORM_MAP_BYTES 15
static uint16_t norm_class[0x10000];
static struct {
    uint8_t len;
    char s[NORM_MAP_BYTES];
} map_out[NORM_MAP_MAX];
static pthread_once_t norm_once = PTHREAD_ONCE_INIT;

static void norm_build(void)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err))
        return; /* every class stays NORM_ICU: the slow path reports the error */
    size_t nmap = 0;
    for (uint32_t c = 0x80; c < 0x10000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        if (!unorm2_hasBoundaryBefore(nfkc, (UChar32)c))
            continue;
        UChar in[1] = { (UChar)c }, out[8];
        err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfkc, in, 1, out, 8, &err);
        if (U_FAILURE(err))
            continue;
        if (n == 1 && out[0] == in[0]) {
            norm_class[c] = u_isUWhiteSpace((UChar32)c) ? NORM_SPACE : NORM_COPY;
            continue;
        }
        if (n == 1 && u_isUWhiteSpace(out[0])) {
            norm_class[c] = NORM_SPACE;
            continue;
        }
        char u8[32];
        int32_t n8 = 0;
        err = U_ZERO_ERROR;
        u_strToUTF8(u8, sizeof u8, &n8, out, n, &err);
        bool spaces = false;
        for (int32_t i = 0; i < n; i++)
            spaces |= u_isUWhiteSpace(out[i]) != 0;
        /* a mapping with white space inside (U+33C2 a.m. is fine, ¨ is " ̈") stays with ICU */
        if (U_FAILURE(err) || n8 > NORM_MAP_BYTES || spaces || nmap == NORM_MAP_MAX)
            continue;
        map_out[nmap].len = (uint8_t)n8;
        memcpy(map_out[nmap].s, u8, (size_t)n8);
        norm_class[c] = (uint16_t)(NORM_MAP + nmap++);
    }
}

/* Characters outside the BMP that NFKC leaves alone: the CJK extensions. */
static bool supplementary_stable(uint32_t c)
{
    return (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2EBEF) || (c >= 0x30000 && c <= 0x3134F);
}

/*
 * Fast path: NFKC and the white-space collapse character by character, with
 * the table above; runs of characters NFKC leaves alone are copied at once.
 * Returns false (out unchanged) when a character needs ICU.
 */
static bool normalize_fast(fd_buf *out, const char *s, size_t len, fd_status *rc)
{
    pthread_once(&norm_once, norm_build);
    const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;
    size_t start = out->size;
    bool pending = false, any = false;
    /* a mapping can be longer than its character (… is three dots): 5x covers NORM_MAP_BYTES / 3 */
    *rc = fd__buf_grow(out, len * 5 + 1);
    if (*rc)
        return true;
    char *o = out->ptr + out->size;
    while (p < end) {
        unsigned c0 = *p;
        const unsigned char *q;
        int cls;
        if (c0 < 0x80) {
            q = p + 1;
            cls = ascii_space((unsigned char)c0) ? NORM_SPACE : NORM_COPY;
        } else if (c0 >= 0xE0 && c0 < 0xF0) {
            q = p + 3;
            cls = norm_class[((c0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu)];
        } else if (c0 < 0xE0) {
            q = p + 2;
            cls = norm_class[((c0 & 0x1Fu) << 6) | (p[1] & 0x3Fu)];
        } else {
            q = p;
            cls = supplementary_stable(fd__utf8_next(&q)) ? NORM_COPY : NORM_ICU;
        }
        if (cls == NORM_COPY) {
            if (run == p && pending) { /* a new run after white space */
                *o++ = ' ';
                pending = false;
            }
            any = true;
            p = q;
            continue;
        }
        memcpy(o, run, (size_t)(p - run));
        o += p - run;
        if (cls == NORM_ICU) {
            out->size = start;
            out->ptr[start] = '\0';
            return false;
        }
        if (cls == NORM_SPACE) {
            pending = any;
        } else {
            if (pending)
                *o++ = ' ';
            memcpy(o, map_out[cls - NORM_MAP].s, map_out[cls - NORM_MAP].len);
            o += map_out[cls - NORM_MAP].len;
            pending = false;
            any = true;
        }
        p = run = q;
    }
    memcpy(o, run, (size_t)(p - run));
    o += p - run;
    out->size = (size_t)(o - out->ptr);
    out->ptr[out->size] = '\0';
    return true;
}

fd_status fd__text_normalize_into(fd_buf *out, const char *s, size_t len)
{
    static const char fn[] = "fd_text_normalize";
    if (all_ascii(s, len))
        return collapse_ascii(out, s, len);
    fd_status fast_rc;
    if (normalize_fast(out, s, len, &fast_rc))
        return fast_rc;
    fd__text_tls *t = fd__text_tls_get(fn);
    const UNormalizer2 *nfkc = fd__text_nfkc(fn);
    if (t == NULL || nfkc == NULL)
        return fd_error_last()->code;
    int32_t n16 = 0;
    fd_status rc = fd__text_u16_from_utf8(t, fn, s, len, &n16);
    if (rc)
        return rc;
    UErrorCode err = U_ZERO_ERROR;
    int32_t cap = n16 + 16;
    for (;;) {
        rc = fd__text_u16_reserve(t, 1, cap, fn);
        if (rc)
            return rc;
        err = U_ZERO_ERROR;
        cap = unorm2_normalize(nfkc, t->u16[0], n16, t->u16[1], t->u16cap[1], &err);
        if (err != U_BUFFER_OVERFLOW_ERROR)
            break;
    }
    if (U_FAILURE(err))
        return fd__error(FD_EINVAL, "%s: s: ICU cannot normalise the text: %s", fn, u_errorName(err));
    const UChar *u = t->u16[1];
    bool pending = false, any = false;
    for (int32_t i = 0; i < cap && rc == FD_OK;) {
        UChar32 c;
        U16_NEXT(u, i, cap, c);
        if (u_isUWhiteSpace(c)) {
            pending = any;
            continue;
        }
        if (pending)
            rc = fd__buf_put(out, " ", 1);
        if (rc == FD_OK)
            rc = fd__text_put_cp(out, (uint32_t)c);
        pending = false;
        any = true;
    }
    return rc;
}

/*
 * OpenCC's conversion (s2t.json, t2s.json) with the generated tables: at each
 * position the longest phrase the text starts with, else the character map.
 */
fd_status fd__text_convert_into(fd_buf *out, const char *s, size_t len, bool to_trad)
{
    fd__text_tables_init();
    const fd__text_dict *dict = to_trad ? &fd__text_s2t_dict : &fd__text_t2s_dict;
    const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;
    fd_status rc = fd__buf_grow(out, len);
    while (rc == FD_OK && p < end) {
        if (*p < 0xE3) { /* below U+3000: nothing to convert */
            p++;
            continue;
        }
        const unsigned char *q = p;
        uint32_t c = fd__utf8_next(&q);
        const unsigned char *after = q;
        const fd__text_dict_entry *ph = fd__text_dict_starts(dict, c)
                                            ? fd__text_dict_longest(dict, p, end, false, &after)
                                            : NULL;
        uint32_t m = ph ? c : fd__text_map_cp(c, to_trad);
        if (ph == NULL && m == c) {
            p = q;
            continue;
        }
        rc = fd__buf_put(out, (const char *)run, (size_t)(p - run));
        if (rc == FD_OK)
            rc = ph ? fd__buf_put(out, (const char *)dict->vals + ph->val, ph->val_len)
                    : fd__text_put_cp(out, m);
        p = run = after;
    }
    if (rc == FD_OK)
        rc = fd__buf_put(out, (const char *)run, (size_t)(end - run));
    return rc;
}

fd_status fd__text_fold(fd_buf *out, const char *s, size_t len)
{
    static const char fn[] = "fd_text_fold";
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return fd_error_last()->code;
    fd_buf *norm = &t->scratch[3], *simp = &t->scratch[2];
    fd__buf_clear(norm);
    fd__buf_clear(simp);
    fd_status rc = fd__text_normalize_into(norm, s, len);
    if (rc == FD_OK)
        rc = fd__text_convert_into(simp, norm->ptr, norm->size, false);
    if (rc)
        return rc;
    const unsigned char *p = (const unsigned char *)simp->ptr, *end = p + simp->size;
    rc = fd__buf_grow(out, simp->size);
    while (rc == FD_OK && p < end) {
        if (*p < 0x80) {
            unsigned char c = *p++;
            if (c == ' ')
                continue; /* the only white space normalisation leaves */
            char l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            rc = fd__buf_put(out, &l, 1);
            continue;
        }
        uint32_t c = (uint32_t)u_foldCase((UChar32)fd__utf8_next(&p), U_FOLD_CASE_DEFAULT);
        if (c == 0xFC) /* ü: pinyin keys write it v */
            rc = fd__buf_put(out, "v", 1);
        else
            rc = fd__text_put_cp(out, c);
    }
    return rc;
}

static fd_status run1(const char *fn, fd_buf *out, const char *s, int what)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc)
        return rc;
    fd__buf_clear(out);
    size_t len = strlen(s);
    rc = what == 0 ? fd__text_normalize_into(out, s, len) : fd__text_convert_into(out, s, len, what == 2);
    return fd__text_finish(out, rc);
}

fd_status fd_text_normalize(fd_buf *out, const char *s)
{
    return run1("fd_text_normalize", out, s, 0);
}

fd_status fd_text_to_simplified(fd_buf *out, const char *s)
{
    return run1("fd_text_to_simplified", out, s, 1);
}

fd_status fd_text_to_traditional(fd_buf *out, const char *s)
{
    return run1("fd_text_to_traditional", out, s, 2);
}
