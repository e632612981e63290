/*
 * Normalisation (issue 4, item 1), Traditional<->Simplified (item 2) and the
 * folding that search keys and queries share (item 4).
 */
#include "text_internal.h"

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
 * Code points that NFKC leaves alone whatever surrounds them (no compatibility
 * mapping, never composed with a neighbour): most of what Chinese text holds.
 * Full-width ASCII and the ideographic space are handled here too: their NFKC
 * mapping is plain ASCII. Anything else sends the whole string through ICU.
 */
static bool nfkc_stable(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x3001 && c <= 0x3002) || (c >= 0x300C && c <= 0x300F) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2EBEF) ||
           (c >= 0x30000 && c <= 0x3134F);
}

/*
 * Fast path: when every character is ASCII, stable (above), full-width ASCII
 * (U+FF01..FF5E, NFKC maps them to U+0021..007E) or U+3000, the result is
 * computed here without ICU. A combining mark after an ASCII or full-width
 * letter would compose under NFKC, but marks are not in the set, so such text
 * takes the ICU path. Returns false (out unchanged) when ICU is needed.
 */
static bool normalize_fast(fd_buf *out, const char *s, size_t len, fd_status *rc)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t start = out->size;
    bool pending = false, any = false;
    *rc = fd__buf_grow(out, len);
    if (*rc)
        return true;
    while (p < end) {
        const unsigned char *q = p;
        uint32_t c = fd__utf8_next(&q);
        bool space = c == 0x3000 || (c < 0x80 && ascii_space((unsigned char)c));
        if (space) {
            pending = any;
            p = q;
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E)
            c -= 0xFEE0;
        else if (c >= 0x80 && !nfkc_stable(c)) {
            out->size = start;
            out->ptr[start] = '\0';
            return false;
        }
        /* the output is never longer than the input: no growth needed */
        if (pending)
            out->ptr[out->size++] = ' ';
        out->size += fd__utf8_put(out->ptr + out->size, c);
        pending = false;
        any = true;
        p = q;
    }
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

/* The longest curated conversion phrase at @p, or NULL. */
static const fd__text_ts_phrase *match_ts_phrase(const fd__text_ts_phrase *table, size_t count,
                                                 uint32_t first, const unsigned char *q,
                                                 const unsigned char *end,
                                                 const unsigned char **after)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table[mid].from[0] < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < count && table[i].from[0] == first; i++) {
        const unsigned char *r = q;
        int k = 1;
        for (; k < table[i].len && r < end; k++)
            if (fd__utf8_next(&r) != table[i].from[k])
                break;
        if (k == table[i].len) {
            *after = r;
            return &table[i];
        }
    }
    return NULL;
}

fd_status fd__text_convert_into(fd_buf *out, const char *s, size_t len, bool to_trad)
{
    fd__text_tables_init();
    const fd__text_ts_phrase *phrases = to_trad ? fd__text_s2t_phrases : fd__text_t2s_phrases;
    size_t nphrases = to_trad ? fd__text_s2t_phrases_count : fd__text_t2s_phrases_count;
    const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;
    fd_status rc = fd__buf_grow(out, len);
    while (rc == FD_OK && p < end) {
        if (*p < 0xE3) { /* below U+3000: nothing to convert */
            p++;
            continue;
        }
        const unsigned char *q = p;
        uint32_t c = fd__utf8_next(&q);
        const unsigned char *after;
        const fd__text_ts_phrase *ph = match_ts_phrase(phrases, nphrases, c, q, end, &after);
        uint32_t m = ph ? c : fd__text_map_cp(c, to_trad);
        if (ph == NULL && m == c) {
            p = q;
            continue;
        }
        rc = fd__buf_put(out, (const char *)run, (size_t)(p - run));
        if (ph != NULL) {
            for (int k = 0; rc == FD_OK && k < ph->len; k++)
                rc = fd__text_put_cp(out, ph->to[k]);
            p = run = after;
        } else {
            if (rc == FD_OK)
                rc = fd__text_put_cp(out, m);
            p = run = q;
        }
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
