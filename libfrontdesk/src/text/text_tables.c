/* Look-ups in the generated pinyin and variant tables, with quick-reject bitmaps. */
#include "text_internal.h"

#include <pthread.h>

/*
 * One bit per BMP code point: "may have a Traditional<->Simplified mapping or
 * start a phrase" per direction, and "may start a pinyin phrase". Most
 * characters have neither, so the binary searches run only for the few that do.
 * Built once from the const tables; read-only afterwards.
 */
static uint64_t t2s_bits[1024], s2t_bits[1024], phrase_bits[1024];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void set_bit(uint64_t *bits, uint32_t c)
{
    if (c < 0x10000)
        bits[c >> 6] |= (uint64_t)1 << (c & 63);
}

static bool has_bit(const uint64_t *bits, uint32_t c)
{
    return c >= 0x10000 || (bits[c >> 6] >> (c & 63)) & 1;
}

static void build_tables(void)
{
    for (size_t i = 0; i < fd__text_t2s_count; i++)
        set_bit(t2s_bits, fd__text_t2s[i].from);
    for (size_t i = 0; i < fd__text_t2s_phrases_count; i++)
        set_bit(t2s_bits, fd__text_t2s_phrases[i].from[0]);
    for (size_t i = 0; i < fd__text_s2t_count; i++)
        set_bit(s2t_bits, fd__text_s2t[i].from);
    for (size_t i = 0; i < fd__text_s2t_phrases_count; i++)
        set_bit(s2t_bits, fd__text_s2t_phrases[i].from[0]);
    for (size_t i = 0; i < fd__text_phrases_count; i++)
        set_bit(phrase_bits, fd__text_phrases[i].cp[0]);
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
    if (c < 0x3400 || !has_bit(to_trad ? s2t_bits : t2s_bits, c))
        return c;
    const fd__text_cp_pair *t = to_trad ? fd__text_s2t : fd__text_t2s;
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

bool fd__text_phrase_start(uint32_t c)
{
    return c >= 0x3400 && has_bit(phrase_bits, c);
}

const fd__text_phrase *fd__text_match_phrase(const fd__text_phrase *table, size_t count,
                                             const unsigned char *p, const unsigned char *end,
                                             bool simplify, const unsigned char **after)
{
    const unsigned char *q = p;
    uint32_t first = fd__utf8_next(&q);
    if (simplify)
        first = fd__text_map_cp(first, false);
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
        for (; k < table[i].len && r < end; k++) {
            uint32_t c = fd__utf8_next(&r);
            if (simplify)
                c = fd__text_map_cp(c, false);
            if (c != table[i].cp[k])
                break;
        }
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
