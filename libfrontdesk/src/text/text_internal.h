/*
 * Private to the text module: generated tables (text_pinyin_data.c,
 * text_variants_data.c), the UTF-8 helpers, the pinyin token iterator and the
 * per-thread ICU objects. Not installed.
 */
#ifndef FRONTDESK_TEXT_INTERNAL_H
#define FRONTDESK_TEXT_INTERNAL_H

#include "frontdesk/text.h"
#include "internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>

/* --- generated tables ------------------------------------------------------ */

#define FD__TEXT_MAX_PHRASE 4 /* surnames */
#define FD__TEXT_MAX_WORD 16  /* longest dictionary key, in characters */
#define FD__TEXT_BMP_LO 0x3400u
#define FD__TEXT_BMP_HI 0x9FFFu

/* A pinyin syllable: with tone mark ("zhōng"), plain ASCII ("zhong", ü as v), tone 1-5. */
typedef struct fd__text_syllable {
    char toned[12];
    char plain[8];
    uint8_t tone;
    uint8_t plain_len;
    uint8_t toned_len;
} fd__text_syllable;

typedef struct fd__text_cp_syl {
    uint32_t cp;
    uint16_t syl;
} fd__text_cp_syl;

/* A curated word and its readings; unused slots are 0. */
typedef struct fd__text_phrase {
    uint32_t cp[FD__TEXT_MAX_PHRASE];
    uint16_t syl[FD__TEXT_MAX_PHRASE];
    uint8_t len;
} fd__text_phrase;

typedef struct fd__text_cp_pair {
    uint32_t from, to;
} fd__text_cp_pair;

/*
 * A phrase dictionary (scripts/gen/textdict.py): keys are UTF-8 strings, every
 * proper prefix of a key (two characters or more) is an entry too, with
 * val_len 0, so the longest key at a position is found with one hash probe per
 * character and the walk stops at the first prefix no key has. Values are UTF-8
 * (Traditional <-> Simplified) or syllable ids (pinyin).
 */
typedef struct fd__text_dict_entry {
    uint32_t key, val;       /* offsets into keys / vals */
    uint8_t key_len, val_len; /* bytes; values: bytes or syllables, 0 = a prefix only */
} fd__text_dict_entry;

typedef struct fd__text_dict {
    const char *keys;
    const void *vals;
    const fd__text_dict_entry *entry;
    uint32_t nentry;
    uint32_t *slot; /* open addressing, entry index + 1, filled once by fd__text_tables_init */
    uint32_t mask;
    const uint64_t *starts; /* BMP code points that start a key of two characters or more */
    uint8_t max_chars;
    uint32_t nkeys;
} fd__text_dict;

extern const fd__text_syllable fd__text_syllables[];
extern const size_t fd__text_syllables_count;
extern const uint16_t fd__text_bmp_reading[];
extern const fd__text_cp_syl fd__text_sparse_reading[];
extern const size_t fd__text_sparse_reading_count;
extern const fd__text_dict fd__text_phrase_dict; /* pinyin phrases, keyed on char-mapped Simplified */
extern const fd__text_phrase fd__text_surnames[];
extern const size_t fd__text_surnames_count;
extern const fd__text_cp_pair fd__text_t2s[];
extern const size_t fd__text_t2s_count;
extern const fd__text_cp_pair fd__text_s2t[];
extern const size_t fd__text_s2t_count;
extern const fd__text_dict fd__text_t2s_dict;
extern const fd__text_dict fd__text_s2t_dict;

/* --- UTF-8 on input already checked by fd__check_text ------------------------ */

/*
 * Ends a call that writes @out: on success makes sure it holds a string (even
 * an empty one, so ptr is never NULL after success); on failure empties it.
 */
static inline fd_status fd__text_finish(fd_buf *out, fd_status rc)
{
    if (rc == FD_OK && out->ptr == NULL)
        rc = fd__buf_grow(out, 0);
    if (rc != FD_OK)
        fd__buf_clear(out);
    return rc;
}

/* Appends code point @c to @b. */
fd_status fd__text_put_cp(fd_buf *b, uint32_t c);

/* --- table look-ups (text_tables.c) ---------------------------------------------- */

/* Builds the quick-reject bitmaps once (thread-safe). */
void fd__text_tables_init(void);
/* Syllable id of the everyday reading of @c, 0 when it has none (not Han). */
uint16_t fd__text_reading(uint32_t c);
/* Single-character Traditional->Simplified (@to_trad false) or back; @c when unmapped. */
uint32_t fd__text_map_cp(uint32_t c, bool to_trad);
/*
 * The longest surname of the curated table that starts at @p (compared on the
 * Simplified form of the text), or NULL. On a match *after is set past it.
 */
const fd__text_phrase *fd__text_match_surname(const unsigned char *p, const unsigned char *end,
                                              const unsigned char **after);
/* Whether @c can start a key of two characters or more in @d; cheap pre-check. */
static inline bool fd__text_dict_starts(const fd__text_dict *d, uint32_t c)
{
    return c >= 0x10000 || (d->starts[c >> 6] >> (c & 63)) & 1;
}
/*
 * The entry of the longest key of @d (two characters or more) that the text at
 * @p starts with, each character mapped to Simplified first when @simplify; NULL
 * if none. On a match *after is set past the matched text.
 */
const fd__text_dict_entry *fd__text_dict_longest(const fd__text_dict *d, const unsigned char *p,
                                                 const unsigned char *end, bool simplify,
                                                 const unsigned char **after);

/* --- pinyin tokens (text_pinyin.c) ---------------------------------------------- */

enum { FD__TEXT_TOK_SYL = 1, FD__TEXT_TOK_RUN = 2 };

typedef struct fd__text_tok {
    int kind;                    /* FD__TEXT_TOK_SYL or FD__TEXT_TOK_RUN */
    uint16_t syl;                /* for SYL: index into fd__text_syllables */
    const unsigned char *start;  /* source bytes of the character or run */
    const unsigned char *end;
} fd__text_tok;

typedef struct fd__text_iter {
    const unsigned char *p, *end;
    bool name;     /* read a leading surname with surname readings */
    bool at_start; /* nothing emitted yet */
    uint16_t pend[FD__TEXT_MAX_WORD];
    const unsigned char *pend_at[FD__TEXT_MAX_WORD + 1];
    int npend, ipend;
} fd__text_iter;

/* Iterates the syllables and non-Han runs of @s[0..len) (valid UTF-8). */
void fd__text_iter_init(fd__text_iter *it, const char *s, size_t len, bool name);
/* Next token; false at the end. Runs are maximal sequences without a reading. */
bool fd__text_iter_next(fd__text_iter *it, fd__text_tok *tok);

/* Appends the initials of a non-Han run: first letter of each word, every digit. */
fd_status fd__text_run_initials(fd_buf *out, const unsigned char *p, const unsigned char *end);

/* --- folding (text_convert.c) --------------------------------------------------- */

/*
 * The form the search functions compare: NFKC, Traditional->Simplified,
 * case-folded, ü as v, every White_Space character removed. Appends to @out.
 */
fd_status fd__text_fold(fd_buf *out, const char *s, size_t len);
/* NFKC + whitespace trimmed and collapsed (fd_text_normalize), appended to @out. */
fd_status fd__text_normalize_into(fd_buf *out, const char *s, size_t len);
/* Traditional->Simplified (or back) of valid UTF-8, appended to @out. */
fd_status fd__text_convert_into(fd_buf *out, const char *s, size_t len, bool to_trad);

/* --- per-thread ICU objects and scratch (text_icu.c) ---------------------------- */

typedef struct fd__text_tls {
    UCollator *coll[2];    /* [0] zh (pinyin), [1] zh@collation=stroke; lazily opened */
    UBreakIterator *chars; /* grapheme clusters */
    UChar *u16[2];         /* UTF-16 scratch */
    int32_t u16cap[2];
    fd_buf scratch[8]; /* [2],[3] used inside fd__text_fold */
} fd__text_tls;

/* This thread's context, created on first use; NULL (error recorded) when out of memory. */
fd__text_tls *fd__text_tls_get(const char *fn);
/* This thread's collator for @stroke order; NULL and an error recorded when ICU fails. */
UCollator *fd__text_collator(const char *fn, bool stroke);
/* This thread's grapheme break iterator. */
UBreakIterator *fd__text_char_breaker(const char *fn);
/* Makes UTF-16 scratch @i hold at least @n units. */
fd_status fd__text_u16_reserve(fd__text_tls *t, int i, int32_t n, const char *fn);
/* Converts @s[0..len) (valid UTF-8) into UTF-16 scratch 0; *n16 gets its length. */
fd_status fd__text_u16_from_utf8(fd__text_tls *t, const char *fn, const char *s, size_t len, int32_t *n16);
/* The shared NFKC normaliser (ICU owns it; thread-safe). */
const UNormalizer2 *fd__text_nfkc(const char *fn);

/* Sort keys (text_sort.c), appended to @out. */
fd_status fd__text_sort_key_into(fd_buf *out, const char *s, size_t len, fd_text_order order,
                                 const char *fn);

#endif /* FRONTDESK_TEXT_INTERNAL_H */
