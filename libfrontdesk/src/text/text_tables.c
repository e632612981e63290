/*
 * Look-ups in the generated pinyin and variant tables: per-code-point arrays
 * for characters, hash dictionaries (text_internal.h) for phrases.
 */
#include "text_internal.h"

#include <pthread.h>
#include <string.h>

/*
 * Built once from the const tables, read-only afterwards: the dictionaries'
 * hash slots, and for the dense range U+3400..U+9FFF the index + 1 of each
 * character's pair in fd__text_t2s / fd__text_s2t (0: unmapped), so that the
 * common case is one array read.
 */
#define DENSE_N (FD__TEXT_BMP_HI - FD__TEXT_BMP_LO + 1)
static uint16_t t2s_dense[DENSE_N], s2t_dense[DENSE_N];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

#define FNV_OFFSET 0x811C9DC5u
#define FNV_PRIME 0x01000193u

static uint32_t fnv(uint32_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * FNV_PRIME;
    return h;
}

static void dict_build(const fd__text_dict *d)
{
    for (uint32_t i = 0; i < d->nentry; i++) {
        const fd__text_dict_entry *e = &d->entry[i];
        uint32_t j = fnv(FNV_OFFSET, d->keys + e->key, e->key_len) & d->mask;
        while (d->slot[j] != 0)
            j = (j + 1) & d->mask;
        d->slot[j] = i + 1;
    }
}

static void dense_build(uint16_t *dense, const fd__text_cp_pair *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].from >= FD__TEXT_BMP_LO && t[i].from <= FD__TEXT_BMP_HI)
            dense[t[i].from - FD__TEXT_BMP_LO] = (uint16_t)(i + 1);
}

static void build_tables(void)
{
    dict_build(&fd__text_phrase_dict);
    dict_build(&fd__text_t2s_dict);
    dict_build(&fd__text_s2t_dict);
    dense_build(t2s_dense, fd__text_t2s, fd__text_t2s_count);
    dense_build(s2t_dense, fd__text_s2t, fd__text_s2t_count);
}

void fd__text_tables_init(void)
{
    pthread_once(&tables_once, build_tables);
}

uint16_t fd__text_reading(uint32_t c)
{
    if (c >= FD__TEXT_BMP_LO && c <= FD__TEXT_BMP_HI)
        return fd__text_bmp_reading[c - FD__TEXT_BMP_LO];
    if (c < 0x3000)
        return 0; /* nothing below U+3007 〇 has a reading */
    size_t lo = 0, hi = fd__text_sparse_reading_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t m = fd__text_sparse_reading[mid].cp;
        if (m == c)
            return fd__text_sparse_reading[mid].syl;
        if (m < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

uint32_t fd__text_map_cp(uint32_t c, bool to_trad)
{
    if (c < 0x3000)
        return c;
    const fd__text_cp_pair *t = to_trad ? fd__text_s2t : fd__text_t2s;
    if (c >= FD__TEXT_BMP_LO && c <= FD__TEXT_BMP_HI) {
        uint16_t i = (to_trad ? s2t_dense : t2s_dense)[c - FD__TEXT_BMP_LO];
        return i ? t[i - 1].to : c;
    }
    size_t lo = 0, hi = to_trad ? fd__text_s2t_count : fd__text_t2s_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].from == c)
            return t[mid].to;
        if (t[mid].from < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return c;
}

static const fd__text_dict_entry *dict_find(const fd__text_dict *d, const char *k, size_t n, uint32_t h)
{
    for (uint32_t j = h & d->mask;; j = (j + 1) & d->mask) {
        uint32_t s = d->slot[j];
        if (s == 0)
            return NULL;
        const fd__text_dict_entry *e = &d->entry[s - 1];
        if (e->key_len == n && memcmp(d->keys + e->key, k, n) == 0)
            return e;
    }
}

const fd__text_dict_entry *fd__text_dict_longest(const fd__text_dict *d, const unsigned char *p,
                                                 const unsigned char *end, bool simplify,
                                                 const unsigned char **after)
{
    char key[4 * FD__TEXT_MAX_WORD];
    size_t n = 0;
    uint32_t h = FNV_OFFSET;
    const fd__text_dict_entry *best = NULL;
    for (int chars = 0; p < end && chars < d->max_chars; chars++) {
        uint32_t c = fd__utf8_next(&p);
        if (simplify)
            c = fd__text_map_cp(c, false);
        if (chars == 0 && !fd__text_dict_starts(d, c))
            return NULL;
        size_t k = fd__utf8_put(key + n, c);
        h = fnv(h, key + n, k);
        n += k;
        if (chars == 0)
            continue;
        const fd__text_dict_entry *e = dict_find(d, key, n, h);
        if (e == NULL)
            break;
        if (e->val_len != 0) {
            best = e;
            *after = p;
        }
    }
    return best;
}

const fd__text_phrase *fd__text_match_surname(const unsigned char *p, const unsigned char *end,
                                              const unsigned char **after)
{
    const fd__text_phrase *table = fd__text_surnames;
    size_t count = fd__text_surnames_count;
    const unsigned char *q = p;
    uint32_t first = fd__text_map_cp(fd__utf8_next(&q), false);
    /* First entry whose first code point is >= first. */
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table[mid].cp[0] < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Entries with the same first character are sorted longest first. */
    for (size_t i = lo; i < count && table[i].cp[0] == first; i++) {
        const unsigned char *r = q;
        int k = 1;
        for (; k < table[i].len && r < end; k++)
            if (fd__text_map_cp(fd__utf8_next(&r), false) != table[i].cp[k])
                break;
        if (k == table[i].len) {
            *after = r;
            return &table[i];
        }
    }
    return NULL;
}

fd_status fd__text_put_cp(fd_buf *b, uint32_t c)
{
    char u[4];
    return fd__buf_put(b, u, fd__utf8_put(u, c));
}
