/*
 * The search fold with the source of every byte it writes (R-CPL-7): a
 * forbidden phrase is matched after the fold (不 知 道, ＂不行＂, 不知道 in
 * Traditional) and shown at the bytes the clerk typed. The text is folded
 * piece by piece — a character with the combining marks that follow it (the
 * units NFKC works on) — so each piece's bytes map back to its span; ASCII
 * pieces are folded inline, the rest by fd__text_fold (per-thread scratch,
 * ICU's shared NFKC instance: nothing is created per call).
 */
#include "text_internal.h"

#include <stdlib.h>
#include <string.h>

void fd__fold_spans_dispose(fd__fold_spans *spans)
{
    if (spans == NULL)
        return;
    free(spans->from);
    free(spans->to);
    memset(spans, 0, sizeof *spans);
}

/* Bytes [@lo, @hi) of the fold came from source bytes [@from, @to). */
static fd_status spans_fill(fd__fold_spans *sp, const char *fn, size_t lo, size_t hi, size_t from, size_t to)
{
    if (hi > sp->cap) {
        size_t cap = sp->cap ? sp->cap : 256;
        while (cap < hi)
            cap *= 2;
        size_t *f = realloc(sp->from, cap * sizeof *f);
        if (f == NULL)
            return fd__oom(fn);
        sp->from = f;
        size_t *t = realloc(sp->to, cap * sizeof *t);
        if (t == NULL)
            return fd__oom(fn);
        sp->to = t;
        sp->cap = cap;
    }
    for (size_t i = lo; i < hi; i++) {
        sp->from[i] = from;
        sp->to[i] = to;
    }
    return FD_OK;
}

fd_status fd__text_fold_spans(fd_buf *out, fd__fold_spans *spans, const char *s, size_t len)
{
    static const char fn[] = "fd_text_fold";
    const UNormalizer2 *nfkc = NULL;
    const unsigned char *base = (const unsigned char *)s, *p = base, *end = base + len;
    fd_status rc = fd__buf_grow(out, len);
    while (rc == FD_OK && p < end) {
        const unsigned char *a = p;
        fd__utf8_next(&p);
        /* The piece: this character and what NFKC may combine with it (no ASCII character combines). */
        while (p < end && *p >= 0x80) {
            const unsigned char *q = p;
            uint32_t next = fd__utf8_next(&q);
            if (nfkc == NULL && (nfkc = fd__text_nfkc(fn)) == NULL)
                return fd_error_last()->code;
            if (unorm2_hasBoundaryBefore(nfkc, (UChar32)next))
                break;
            p = q;
        }
        size_t before = out->size;
        if (p - a == 1) {
            unsigned char c = *a;
            if (c == ' ' || (c >= 0x09 && c <= 0x0D))
                continue; /* white space: nothing to match */
            char l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            rc = fd__buf_put(out, &l, 1);
        } else {
            rc = fd__text_fold(out, (const char *)a, (size_t)(p - a));
        }
        if (rc == FD_OK && spans && out->size > before)
            rc = spans_fill(spans, fn, before, out->size, (size_t)(a - base), (size_t)(p - base));
    }
    return rc;
}
