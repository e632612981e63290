/*
 * Search keys and matching (issue 4, item 4).
 *
 * A text's keys are the suffixes of (a) its folded form at every character,
 * (b) its toneless pinyin without spaces at every syllable (and at every
 * character of non-Han runs), (c) its initials at every character; (b) and (c)
 * once with everyday readings and once more with surname readings when the
 * text starts with a listed surname. A query matches exactly when some key
 * starts with the folded query, so a store that indexes the keys answers any
 * query with one B-tree range `key >= q AND key < q||x'FF'`, no table scan.
 * fd_text_matches() runs the same generator, so the two can never disagree.
 */
#include "text_internal.h"

#include <string.h>


typedef struct visitor {
    /* search_key: append each key to out, cut and de-duplicated */
    fd_buf *out;
    /* matches: is the query a prefix of some key? */
    const char *q;
    size_t qlen;
    bool found;
} visitor;

/* Length of the longest prefix of s[0..len) of at most max bytes ending on a character boundary. */
static size_t cut_at_char(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

static bool have_key(const fd_buf *out, const char *k, size_t n)
{
    const char *p = out->ptr, *end = p ? p + out->size : p; /* NULL + 0 is undefined behaviour */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if ((size_t)(e - p) == n && memcmp(p, k, n) == 0)
            return true;
        p = e + 1;
    }
    return false;
}

static fd_status visit(visitor *v, const char *k, size_t n)
{
    if (n == 0)
        return FD_OK;
    if (v->out == NULL) {
        if (!v->found && n >= v->qlen && memcmp(k, v->q, v->qlen) == 0)
            v->found = true;
        return FD_OK;
    }
    n = cut_at_char(k, n, FD_TEXT_KEY_MAX);
    if (have_key(v->out, k, n))
        return FD_OK;
    fd_status rc = FD_OK;
    if (v->out->size > 0)
        rc = fd__buf_put(v->out, "\n", 1);
    if (rc == FD_OK)
        rc = fd__buf_put(v->out, k, n);
    return rc;
}

/* Suffixes of s at every character boundary. */
static fd_status visit_suffixes(visitor *v, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    fd_status rc = FD_OK;
    while (rc == FD_OK && p < end && !v->found) {
        rc = visit(v, (const char *)p, (size_t)(end - p));
        fd__utf8_next(&p);
    }
    return rc;
}

/*
 * Pinyin and initials keys of text s, read as a name (surname readings) or not.
 * The syllables come from the text as given, exactly as fd_text_pinyin reads it
 * (so 乾安县 gives qian an xian in both, though folding may change characters);
 * runs of other characters are folded like the query.
 */
static fd_status visit_pinyin(visitor *v, fd__text_tls *t, const char *s, size_t len, bool name)
{
    fd_buf *py = &t->scratch[4], *offs = &t->scratch[5], *ini = &t->scratch[6], *run = &t->scratch[7];
    fd__buf_clear(py);
    fd__buf_clear(offs);
    fd__buf_clear(ini);
    fd__text_iter it;
    fd__text_tok tok;
    fd__text_iter_init(&it, s, len, name);
    fd_status rc = FD_OK;
    while (rc == FD_OK && fd__text_iter_next(&it, &tok)) {
        if (tok.kind == FD__TEXT_TOK_SYL) {
            size_t at = py->size;
            const fd__text_syllable *sy = &fd__text_syllables[tok.syl];
            rc = fd__buf_put(offs, (const char *)&at, sizeof at);
            if (rc == FD_OK)
                rc = fd__buf_put(py, sy->plain, sy->plain_len);
            if (rc == FD_OK)
                rc = fd__buf_put(ini, sy->plain, 1);
            continue;
        }
        fd__buf_clear(run);
        rc = fd__text_fold(run, (const char *)tok.start, (size_t)(tok.end - tok.start));
        const unsigned char *p = (const unsigned char *)run->ptr, *end = p + run->size;
        while (rc == FD_OK && p < end) {
            const unsigned char *q = p;
            fd__utf8_next(&q);
            size_t at = py->size;
            rc = fd__buf_put(offs, (const char *)&at, sizeof at);
            if (rc == FD_OK)
                rc = fd__buf_put(py, (const char *)p, (size_t)(q - p));
            p = q;
        }
        if (rc == FD_OK)
            rc = fd__text_run_initials(ini, (const unsigned char *)run->ptr, end);
    }
    size_t nb = offs->size / sizeof(size_t);
    for (size_t i = 0; rc == FD_OK && i < nb && !v->found; i++) {
        size_t at;
        memcpy(&at, offs->ptr + i * sizeof at, sizeof at);
        rc = visit(v, py->ptr + at, py->size - at);
    }
    if (rc == FD_OK && ini->size > 0)
        rc = visit_suffixes(v, ini->ptr, ini->size);
    return rc;
}

/* Visits every key of text s (already checked UTF-8). */
static fd_status visit_keys(visitor *v, const char *fn, const char *s, size_t len)
{
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return fd_error_last()->code;
    fd_buf *f = &t->scratch[0];
    fd__buf_clear(f);
    fd_status rc = fd__text_fold(f, s, len);
    if (rc == FD_OK)
        rc = visit_suffixes(v, f->ptr ? f->ptr : "", f->size);
    /* Both readings of a leading surname; the second pass adds only new keys. */
    if (rc == FD_OK && !v->found)
        rc = visit_pinyin(v, t, s, len, false);
    if (rc == FD_OK && !v->found)
        rc = visit_pinyin(v, t, s, len, true);
    return rc;
}

fd_status fd_text_search_key(fd_buf *out, const char *s)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_search_key";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc)
        return rc;
    fd__buf_clear(out);
    visitor v = { out, NULL, 0, false };
    rc = visit_keys(&v, fn, s, strlen(s));
    return fd__text_finish(out, rc);
}

fd_status fd_text_search_query(fd_buf *out, const char *query)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_search_query";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "query", query, 0, false);
    if (rc)
        return rc;
    fd__buf_clear(out);
    rc = fd__text_finish(out, fd__text_fold(out, query, strlen(query)));
    if (rc)
        return rc;
    out->size = cut_at_char(out->ptr, out->size, FD_TEXT_KEY_MAX);
    out->ptr[out->size] = '\0';
    return FD_OK;
}

fd_status fd__text_search_fold(fd_buf *out, const char *s)
{
    fd__buf_clear(out);
    fd_status rc = fd__check_text("fd__text_search_fold", "s", s, 0, false);
    return rc ? rc : fd__text_finish(out, fd__text_fold(out, s, strlen(s)));
}

fd_status fd_text_matches(int *out, const char *query, const char *text)
{
    static const char fn[] = "fd_text_matches";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "query", query, 0, false);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "text", text, 0, false);
    if (rc)
        return rc;
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return fd_error_last()->code;
    fd_buf *q = &t->scratch[1];
    fd__buf_clear(q);
    rc = fd__text_fold(q, query, strlen(query));
    if (rc)
        return rc;
    if (q->size == 0) {
        *out = 1; /* the empty query matches everything */
        return FD_OK;
    }
    visitor v = { NULL, q->ptr, q->size, false };
    rc = visit_keys(&v, fn, text, strlen(text));
    if (rc)
        return rc;
    *out = v.found ? 1 : 0;
    return FD_OK;
}
