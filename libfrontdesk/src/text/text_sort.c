/*
 * Sort keys, name sorting and natural keys (issue 4, item 5).
 *
 * Pinyin order is a three-level key, like a collation:
 *   level 1  toneless pinyin, syllable by syllable (each followed by 0x02),
 *            other characters folded; so 李 (li) < 李四 (li si) < 林 (lin)
 *   level 2  the tones, one digit per syllable
 *   level 3  ICU's zh collation key of the original text, the tie-break
 * separated by 0x01. ICU's zh collator alone reads 单 as dan; with
 * FD_TEXT_ORDER_NAME level 1 uses the surname reading (shan), which is what
 * sorting people by name needs.
 */
#include "text_internal.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

/* Appends ICU's sort key of s[0..len) for @coll. */
static fd_status icu_key(fd_buf *out, UCollator *coll, const char *s, size_t len, const char *fn)
{
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return fd_error_last()->code;
    int32_t n16 = 0;
    fd_status rc = fd__text_u16_from_utf8(t, fn, s, len, &n16);
    if (rc)
        return rc;
    size_t room = out->asize > out->size + 1 ? out->asize - out->size - 1 : 0;
    if (room > INT32_MAX)
        room = INT32_MAX;
    int32_t need = ucol_getSortKey(coll, t->u16[0], n16, (uint8_t *)(out->ptr ? out->ptr + out->size : NULL),
                                   out->ptr ? (int32_t)room : 0);
    if (need <= 0)
        return fd__error(FD_EDATA, "%s: s: ICU cannot make a sort key", fn);
    if ((size_t)need > room || out->ptr == NULL) {
        rc = fd__buf_grow(out, (size_t)need);
        if (rc)
            return rc;
        room = out->asize - out->size - 1;
        need = ucol_getSortKey(coll, t->u16[0], n16, (uint8_t *)out->ptr + out->size, (int32_t)room);
    }
    /* ICU's key ends with a NUL byte; leave it out, the buffer adds its own. */
    out->size += (size_t)need - 1;
    out->ptr[out->size] = '\0';
    return FD_OK;
}

fd_status fd__text_sort_key_into(fd_buf *out, const char *s, size_t len, fd_text_order order,
                                 const char *fn)
{
    UCollator *coll = fd__text_collator(fn, order == FD_TEXT_ORDER_STROKE);
    if (coll == NULL)
        return fd_error_last()->code;
    if (order == FD_TEXT_ORDER_STROKE)
        return icu_key(out, coll, s, len, fn);
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return fd_error_last()->code;
    fd_buf *f = &t->scratch[0], *tones = &t->scratch[1];
    fd__buf_clear(f);
    fd__buf_clear(tones);
    fd_status rc = fd__text_fold(f, s, len);
    if (rc)
        return rc;
    fd__text_iter it;
    fd__text_tok tok;
    fd__text_iter_init(&it, f->ptr ? f->ptr : "", f->size, order == FD_TEXT_ORDER_NAME);
    while (rc == FD_OK && fd__text_iter_next(&it, &tok)) {
        if (tok.kind == FD__TEXT_TOK_SYL) {
            const fd__text_syllable *sy = &fd__text_syllables[tok.syl];
            char tone = (char)('0' + sy->tone);
            rc = fd__buf_put(out, sy->plain, sy->plain_len);
            if (rc == FD_OK)
                rc = fd__buf_put(out, "\x02", 1);
            if (rc == FD_OK)
                rc = fd__buf_put(tones, &tone, 1);
            continue;
        }
        size_t at = out->size;
        rc = fd__buf_put(out, (const char *)tok.start, (size_t)(tok.end - tok.start));
        /* Keep the level separators unique: lower control bytes sort as 0x03. */
        for (size_t i = at; rc == FD_OK && i < out->size; i++)
            if ((unsigned char)out->ptr[i] < 0x03)
                out->ptr[i] = 0x03;
    }
    if (rc == FD_OK)
        rc = fd__buf_put(out, "\x01", 1);
    if (rc == FD_OK && tones->size)
        rc = fd__buf_put(out, tones->ptr, tones->size);
    if (rc == FD_OK)
        rc = fd__buf_put(out, "\x01", 1);
    if (rc == FD_OK)
        rc = icu_key(out, coll, s, len, fn);
    return rc;
}

static fd_status check_order(const char *fn, int order)
{
    if (order != FD_TEXT_ORDER_PINYIN && order != FD_TEXT_ORDER_NAME && order != FD_TEXT_ORDER_STROKE)
        return fd__error(FD_EINVAL, "%s: order: %d is not an fd_text_order (0 pinyin, 1 name, 2 stroke)",
                         fn, order);
    return FD_OK;
}

fd_status fd_text_sort_key(fd_buf *out_bytes, const char *s, fd_text_order order)
{
    fd__buf_clear(out_bytes); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_sort_key";
    fd_status rc = fd__check_ptr(fn, "out_bytes", out_bytes);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc == FD_OK)
        rc = check_order(fn, order);
    if (rc)
        return rc;
    fd__buf_clear(out_bytes);
    rc = fd__text_sort_key_into(out_bytes, s, strlen(s), (fd_text_order)order, fn);
    return fd__text_finish(out_bytes, rc);
}

static int cmp_bytes(const char *a, size_t na, const char *b, size_t nb)
{
    int c = memcmp(a, b, na < nb ? na : nb);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

fd_status fd_text_compare(int *out, const char *a, const char *b, fd_text_order order)
{
    static const char fn[] = "fd_text_compare";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "a", a, 0, false);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "b", b, 0, false);
    if (rc == FD_OK)
        rc = check_order(fn, order);
    if (rc)
        return rc;
    fd_buf ka = FD_BUF_INIT, kb = FD_BUF_INIT;
    rc = fd__text_sort_key_into(&ka, a, strlen(a), (fd_text_order)order, fn);
    if (rc == FD_OK)
        rc = fd__text_sort_key_into(&kb, b, strlen(b), (fd_text_order)order, fn);
    if (rc == FD_OK)
        *out = cmp_bytes(ka.ptr, ka.size, kb.ptr, kb.size);
    fd_buf_dispose(&ka);
    fd_buf_dispose(&kb);
    return rc;
}

typedef struct keyed {
    size_t off, len, idx;
} keyed;

/* Compares two entries by key, then by input position (stable). */
static int cmp_keyed(const void *x, const void *y, void *base)
{
    const keyed *a = x, *b = y;
    const char *k = base;
    int c = cmp_bytes(k + a->off, a->len, k + b->off, b->len);
    if (c)
        return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* A small merge sort: stable, no global state, no qsort_r portability trouble. */
static void merge_sort(keyed *v, keyed *tmp, size_t n, const char *base)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h, base);
    merge_sort(v + h, tmp, n - h, base);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = cmp_keyed(&v[i], &v[j], (void *)base) <= 0 ? v[i++] : v[j++];
    while (i < h)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* Computes keys of items and returns the sorted order in *order_out (caller frees). */
static fd_status sort_by_keys(const char *fn, const char *const *items, size_t count, int order,
                              bool no_newline, keyed **order_out)
{
    fd_status rc = check_order(fn, order);
    if (rc == FD_OK && count > 0)
        rc = fd__check_ptr(fn, "items", items);
    if (rc)
        return rc;
    for (size_t i = 0; i < count; i++) {
        char field[32];
        snprintf(field, sizeof field, "items[%zu]", i);
        if ((rc = fd__check_text(fn, field, items[i], 0, false)) != FD_OK)
            return rc;
        if (no_newline && strchr(items[i], '\n') != NULL)
            return fd__error(FD_EINVAL, "%s: items[%zu]: '%s' contains a line break", fn, i, items[i]);
    }
    if (count > SIZE_MAX / (2 * sizeof(keyed)))
        return fd__error(FD_ERANGE, "%s: count: %zu is too many", fn, count);
    keyed *v = malloc((count ? count : 1) * 2 * sizeof *v);
    if (v == NULL)
        return fd__oom(fn);
    fd_buf keys = FD_BUF_INIT;
    for (size_t i = 0; rc == FD_OK && i < count; i++) {
        v[i].off = keys.size;
        v[i].idx = i;
        rc = fd__text_sort_key_into(&keys, items[i], strlen(items[i]), (fd_text_order)order, fn);
        v[i].len = keys.size - v[i].off;
    }
    if (rc == FD_OK)
        merge_sort(v, v + count, count, keys.ptr);
    fd_buf_dispose(&keys);
    if (rc) {
        free(v);
        return rc;
    }
    *order_out = v;
    return FD_OK;
}

fd_status fd_text_sort_names(fd_buf *out, const char *const *items, size_t count, fd_text_order order)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_sort_names";
    fd_status rc = fd__check_ptr(fn, "out", out);
    keyed *v = NULL;
    if (rc == FD_OK)
        rc = sort_by_keys(fn, items, count, order, true, &v);
    if (rc)
        return rc;
    fd__buf_clear(out);
    for (size_t i = 0; rc == FD_OK && i < count; i++) {
        if (i > 0)
            rc = fd__buf_put(out, "\n", 1);
        if (rc == FD_OK)
            rc = fd__buf_puts(out, items[v[i].idx]);
    }
    free(v);
    return fd__text_finish(out, rc);
}

fd_status fd_text_sort_inplace(const char **items, size_t count, fd_text_order order)
{
    static const char fn[] = "fd_text_sort_inplace";
    keyed *v = NULL;
    fd_status rc = sort_by_keys(fn, (const char *const *)items, count, order, false, &v);
    if (rc)
        return rc;
    const char **tmp = malloc((count ? count : 1) * sizeof *tmp);
    if (tmp == NULL) {
        free(v);
        return fd__oom(fn);
    }
    for (size_t i = 0; i < count; i++)
        tmp[i] = items[v[i].idx];
    if (count)
        memcpy(items, tmp, count * sizeof *tmp);
    free(tmp);
    free(v);
    return FD_OK;
}

/*
 * Natural key: digit runs become 0x02, their significant length (one byte, or
 * 0xFF and four bytes for absurdly long runs) and the significant digits, so
 * they compare by value and before letters; other characters are normalised
 * and case-folded. A final level 0x01 + one byte per run (count of leading
 * zeros) breaks ties between "7" and "007".
 */
fd_status fd_text_natural_key(fd_buf *out_bytes, const char *s)
{
    fd__buf_clear(out_bytes); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_natural_key";
    fd_status rc = fd__check_ptr(fn, "out_bytes", out_bytes);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc)
        return rc;
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return fd_error_last()->code;
    fd_buf *norm = &t->scratch[0], *zeros = &t->scratch[1];
    fd__buf_clear(norm);
    fd__buf_clear(zeros);
    rc = fd__text_normalize_into(norm, s, strlen(s));
    if (rc)
        return rc;
    fd__buf_clear(out_bytes);
    rc = fd__buf_grow(out_bytes, norm->size + 8);
    const unsigned char *p = (const unsigned char *)(norm->ptr ? norm->ptr : ""), *end = p + norm->size;
    while (rc == FD_OK && p < end) {
        if (*p >= '0' && *p <= '9') {
            const unsigned char *d = p;
            while (p < end && *p >= '0' && *p <= '9')
                p++;
            size_t nz = 0, len = (size_t)(p - d);
            while (nz + 1 < len && d[nz] == '0')
                nz++;
            size_t sig = len - nz;
            unsigned char hdr[6] = { 0x02, 0, 0, 0, 0, 0 };
            size_t nh = 2;
            if (sig < 0xFF) {
                hdr[1] = (unsigned char)sig;
            } else {
                uint32_t n32 = sig > UINT32_MAX ? UINT32_MAX : (uint32_t)sig;
                hdr[1] = 0xFF;
                hdr[2] = (unsigned char)(n32 >> 24);
                hdr[3] = (unsigned char)(n32 >> 16);
                hdr[4] = (unsigned char)(n32 >> 8);
                hdr[5] = (unsigned char)n32;
                nh = 6;
            }
            rc = fd__buf_put(out_bytes, (const char *)hdr, nh);
            if (rc == FD_OK)
                rc = fd__buf_put(out_bytes, (const char *)d + nz, sig);
            unsigned char z = (unsigned char)(nz > 250 ? 251 : nz + 1);
            if (rc == FD_OK)
                rc = fd__buf_put(zeros, (const char *)&z, 1);
            continue;
        }
        if (*p < 0x80) {
            unsigned char c = *p++;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            if (c < 0x03)
                c = 0x03;
            rc = fd__buf_put(out_bytes, (const char *)&c, 1);
            continue;
        }
        rc = fd__text_put_cp(out_bytes, (uint32_t)u_foldCase((UChar32)fd__utf8_next(&p), U_FOLD_CASE_DEFAULT));
    }
    if (rc == FD_OK)
        rc = fd__buf_put(out_bytes, "\x01", 1);
    if (rc == FD_OK && zeros->size)
        rc = fd__buf_put(out_bytes, zeros->ptr, zeros->size);
    return fd__text_finish(out_bytes, rc);
}
