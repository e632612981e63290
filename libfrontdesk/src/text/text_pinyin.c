/*
 * Pinyin, name pinyin and initials (issue 4, item 3). The iterator turns text
 * into syllables (from the generated Unihan table, corrected by the curated
 * phrase and surname lists, longest match first) and runs of non-Han text.
 */
#include "text_internal.h"

#include <string.h>

#include <unicode/uchar.h>

void fd__text_iter_init(fd__text_iter *it, const char *s, size_t len, bool name)
{
    fd__text_tables_init();
    it->p = (const unsigned char *)s;
    it->end = it->p + len;
    it->name = name;
    it->at_start = true;
    it->npend = it->ipend = 0;
}

/* Queues the @n syllables of a matched phrase, recording each character's bytes. */
static void queue_phrase(fd__text_iter *it, const uint16_t *syl, int n, const unsigned char *after)
{
    const unsigned char *q = it->p;
    for (int k = 0; k < n; k++) {
        it->pend[k] = syl[k];
        it->pend_at[k] = q;
        fd__utf8_next(&q);
    }
    it->pend_at[n] = after;
    it->npend = n;
    it->ipend = 0;
    it->p = after;
}

static bool is_space_cp(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x3000 || c == 0xA0;
}

bool fd__text_iter_next(fd__text_iter *it, fd__text_tok *tok)
{
    if (it->ipend < it->npend) {
        tok->kind = FD__TEXT_TOK_SYL;
        tok->syl = it->pend[it->ipend];
        tok->start = it->pend_at[it->ipend];
        tok->end = it->pend_at[it->ipend + 1];
        it->ipend++;
        return true;
    }
    if (it->p >= it->end)
        return false;
    if (it->name && it->at_start) {
        /* The surname is the first thing after any leading white space. */
        const unsigned char *q = it->p;
        while (q < it->end) {
            const unsigned char *r = q;
            if (!is_space_cp(fd__utf8_next(&r)))
                break;
            q = r;
        }
        if (q > it->p) {
            tok->kind = FD__TEXT_TOK_RUN;
            tok->start = it->p;
            tok->end = q;
            it->p = q;
            return true;
        }
        it->at_start = false;
        const unsigned char *after;
        const fd__text_phrase *sn = fd__text_match_surname(it->p, it->end, &after);
        if (sn != NULL) {
            queue_phrase(it, sn->syl, sn->len, after);
            return fd__text_iter_next(it, tok);
        }
    }
    it->at_start = false;
    const unsigned char *q = it->p;
    uint32_t c = fd__utf8_next(&q);
    uint16_t syl = fd__text_reading(c);
    if (syl == 0) {
        /* A run: everything up to the next character with a reading. */
        const unsigned char *r = q;
        while (r < it->end) {
            const unsigned char *n = r;
            if (fd__text_reading(fd__utf8_next(&n)) != 0)
                break;
            r = n;
        }
        tok->kind = FD__TEXT_TOK_RUN;
        tok->start = it->p;
        tok->end = r;
        it->p = r;
        return true;
    }
    const fd__text_dict *d = &fd__text_phrase_dict;
    if (fd__text_dict_starts(d, fd__text_map_cp(c, false))) {
        const unsigned char *after;
        const fd__text_dict_entry *ph = fd__text_dict_longest(d, it->p, it->end, true, &after);
        if (ph != NULL) {
            queue_phrase(it, (const uint16_t *)d->vals + ph->val, ph->val_len, after);
            return fd__text_iter_next(it, tok);
        }
    }
    tok->kind = FD__TEXT_TOK_SYL;
    tok->syl = syl;
    tok->start = it->p;
    tok->end = q;
    it->p = q;
    return true;
}

/* Trims white space off both ends of a run. */
static void trim_run(const unsigned char **start, const unsigned char **end)
{
    const unsigned char *s = *start, *e = *end;
    while (s < e) {
        const unsigned char *n = s;
        if (!is_space_cp(fd__utf8_next(&n)))
            break;
        s = n;
    }
    /* Walk back over trailing spaces: find the last non-space character's end. */
    const unsigned char *last = s, *p = s;
    while (p < e) {
        const unsigned char *n = p;
        if (!is_space_cp(fd__utf8_next(&n)))
            last = n;
        p = n;
    }
    *start = s;
    *end = last;
}

static fd_status pinyin_into(fd_buf *out, const char *s, size_t len, bool name, bool tones)
{
    fd__text_iter it;
    fd__text_tok tok;
    fd__text_iter_init(&it, s, len, name);
    fd_status rc = FD_OK;
    bool first = true;
    while (rc == FD_OK && fd__text_iter_next(&it, &tok)) {
        const char *piece;
        size_t n;
        if (tok.kind == FD__TEXT_TOK_SYL) {
            const fd__text_syllable *sy = &fd__text_syllables[tok.syl];
            piece = tones ? sy->toned : sy->plain;
            n = tones ? sy->toned_len : sy->plain_len;
        } else {
            const unsigned char *a = tok.start, *b = tok.end;
            trim_run(&a, &b);
            piece = (const char *)a;
            n = (size_t)(b - a);
            if (n == 0)
                continue;
        }
        if (!first)
            rc = fd__buf_put(out, " ", 1);
        if (rc == FD_OK)
            rc = fd__buf_put(out, piece, n);
        first = false;
    }
    return rc;
}

/* Initials of a non-Han run: first letter of each word, every digit (ASCII). */
fd_status fd__text_run_initials(fd_buf *out, const unsigned char *p, const unsigned char *end)
{
    fd_status rc = FD_OK;
    bool in_word = false;
    while (rc == FD_OK && p < end) {
        uint32_t c = fd__utf8_next(&p);
        int32_t dv = u_charDigitValue((UChar32)c);
        if (u_isdigit((UChar32)c) && dv >= 0 && dv <= 9) {
            char d = (char)('0' + dv);
            rc = fd__buf_put(out, &d, 1);
            in_word = false;
        } else if (u_isalpha((UChar32)c)) {
            if (!in_word)
                rc = fd__text_put_cp(out, (uint32_t)u_tolower((UChar32)c));
            in_word = true;
        } else {
            in_word = false;
        }
    }
    return rc;
}

static fd_status initials_into(fd_buf *out, const char *s, size_t len, bool name)
{
    fd__text_iter it;
    fd__text_tok tok;
    fd__text_iter_init(&it, s, len, name);
    fd_status rc = FD_OK;
    while (rc == FD_OK && fd__text_iter_next(&it, &tok)) {
        if (tok.kind == FD__TEXT_TOK_SYL)
            rc = fd__buf_put(out, fd__text_syllables[tok.syl].plain, 1);
        else
            rc = fd__text_run_initials(out, tok.start, tok.end);
    }
    return rc;
}

static fd_status start(const char *fn, const char *field, fd_buf *out, const char *s)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, field, s, 0, false);
    if (rc == FD_OK)
        fd__buf_clear(out);
    return rc;
}

fd_status fd_text_pinyin(fd_buf *out, const char *s, int tones)
{
    fd_status rc = start("fd_text_pinyin", "s", out, s);
    if (rc)
        return rc;
    return fd__text_finish(out, pinyin_into(out, s, strlen(s), false, tones != 0));
}

fd_status fd_text_name_pinyin(fd_buf *out, const char *full_name, int tones)
{
    fd_status rc = start("fd_text_name_pinyin", "full_name", out, full_name);
    if (rc)
        return rc;
    return fd__text_finish(out, pinyin_into(out, full_name, strlen(full_name), true, tones != 0));
}

fd_status fd_text_initials(fd_buf *out, const char *s)
{
    fd_status rc = start("fd_text_initials", "s", out, s);
    if (rc)
        return rc;
    return fd__text_finish(out, initials_into(out, s, strlen(s), false));
}

fd_status fd_text_name_initials(fd_buf *out, const char *full_name)
{
    fd_status rc = start("fd_text_name_initials", "full_name", out, full_name);
    if (rc)
        return rc;
    return fd__text_finish(out, initials_into(out, full_name, strlen(full_name), true));
}
