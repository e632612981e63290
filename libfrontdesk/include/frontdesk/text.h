/**
 * @file frontdesk/text.h
 * @brief Chinese text: normalisation, Traditional/Simplified, pinyin and
 *        initials, search keys, name sorting, natural keys and display width.
 *
 * Every function is pure (no store, no I/O). Strings in are UTF-8: NULL or
 * malformed UTF-8 is refused with ::FD_EINVAL. Strings out go into a
 * caller-owned ::fd_buf, which the functions clear first; reusing one buffer in
 * a loop allocates nothing after the first call. Binary outputs (sort keys) go
 * into an ::fd_buf named `out_bytes`: compare them with memcmp() over `size`
 * bytes.
 *
 * Pinyin comes from tables generated from the Unicode Unihan database
 * (kMandarin, the most customary reading) by scripts/gen/gen_pinyin.py, plus
 * curated lists of polyphonic words (银行 yin hang, 长沙 chang sha) and surname
 * readings (单 shan, 曾 zeng, 尉迟 yu chi). ICU provides NFKC, collation and
 * grapheme clusters.
 *
 * Thread safety: every function is safe to call from many threads at once.
 * ICU objects (collators, the grapheme break iterator) are opened once per
 * thread on first use and reused; they are freed when the thread exits.
 */
#ifndef FRONTDESK_TEXT_H
#define FRONTDESK_TEXT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Orders for sort keys and name sorting. */
typedef enum fd_text_order {
    /** By pinyin of the everyday readings (单元 = dan yuan), then tone, then ICU zh. */
    FD_TEXT_ORDER_PINYIN = 0,
    /** As ::FD_TEXT_ORDER_PINYIN, but a leading surname takes its surname reading (单 = shan). */
    FD_TEXT_ORDER_NAME = 1,
    /** By stroke count and stroke order (ICU "zh@collation=stroke"). */
    FD_TEXT_ORDER_STROKE = 2
} fd_text_order;

/** Where fd_text_pad() puts the text inside the padded width. */
typedef enum fd_text_align {
    FD_TEXT_ALIGN_LEFT = 0,  /**< text first, spaces after */
    FD_TEXT_ALIGN_RIGHT = 1, /**< spaces first (amounts on receipts) */
    FD_TEXT_ALIGN_CENTER = 2 /**< spaces on both sides, the extra one on the right */
} fd_text_align;

/**
 * Longest search key, in bytes. Keys longer than this are cut at a character
 * boundary; fd_text_search_query() cuts queries the same way, so a query longer
 * than this finds a superset that fd_text_matches() then confirms.
 */
#define FD_TEXT_KEY_MAX 64

/**
 * Normalises text for storage and comparison: Unicode NFKC (which also turns
 * full-width ASCII such as "ＡＢＣ１２３" and the ideographic space into ASCII),
 * leading and trailing white space removed, each inner run of white space
 * replaced by one ASCII space.
 * @param out receives the normalised text.
 * @param s UTF-8 text (may be empty).
 * @return ::FD_OK; ::FD_EINVAL for NULL or malformed UTF-8; ::FD_ENOMEM.
 */
FD_API fd_status fd_text_normalize(fd_buf *out, const char *s);

/**
 * Converts Traditional characters to Simplified (長沙銀行 → 长沙银行, 臺灣 → 台湾).
 * Characters without a Simplified form, and everything that is not Han, are
 * copied unchanged. Curated phrases fix the few characters whose form depends
 * on the word (乾隆 keeps 乾).
 * @return ::FD_OK, ::FD_EINVAL (NULL, bad UTF-8), ::FD_ENOMEM.
 */
FD_API fd_status fd_text_to_simplified(fd_buf *out, const char *s);

/**
 * Converts Simplified characters to Traditional (长沙银行 → 長沙銀行). Where one
 * Simplified character stands for several Traditional ones (发 → 發/髮), the
 * common one is chosen and curated phrases cover frequent words (头发 → 頭髮).
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_to_traditional(fd_buf *out, const char *s);

/**
 * Pinyin of @p s: one syllable per Han character, lowercase, separated by one
 * space; runs of other characters are copied as they are, trimmed, as one item
 * ("重庆银行" → "chong qing yin hang", "A座101" → "A zuo 101"). Polyphonic
 * characters take the reading of the curated word they are part of (行长 → "hang
 * zhang"), else their most common reading. Traditional input reads like its
 * Simplified form (長沙 → "chang sha"). Without tones, ü is written v (绿 → "lv").
 * @param out   receives the syllables
 * @param s     UTF-8 text
 * @param tones non-zero for tone marks ("zhōng guó"), zero for plain ASCII.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_pinyin(fd_buf *out, const char *s, int tones);

/**
 * Pinyin of a person's full name: as fd_text_pinyin(), but a leading surname is
 * read with its surname reading (单雄信 → "shan xiong xin", 曾国藩 → "zeng guo
 * fan", 尉迟恭 → "yu chi gong"), and compound surnames (欧阳, 司马, 诸葛, 上官,
 * 万俟 ...) are recognised.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_name_pinyin(fd_buf *out, const char *full_name, int tones);

/**
 * Initials: the first letter of each syllable's pinyin ("重庆银行" → "cqyh"),
 * lowercase; for runs of other characters the first letter of each word and
 * every digit ("3号楼" → "3hl"); punctuation and spaces are dropped.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_initials(fd_buf *out, const char *s);

/** As fd_text_initials() with surname readings (单田芳 → "stf"). */
FD_API fd_status fd_text_name_initials(fd_buf *out, const char *full_name);

/**
 * Whether @p query finds @p text: true when, after both are folded (NFKC,
 * Traditional→Simplified, case-folded, white space removed), the query is a
 * substring of the text, or a prefix of the text's toneless pinyin starting at
 * a syllable (with or without spaces), or a substring of its initials. A
 * leading surname counts with both its everyday and its surname reading.
 * Examples: ("zs", "张三"), ("zhangs", "张三"), ("张", "張三"), ("san", "张三")
 * are all true; ("angs", "张三") is false. An empty query matches everything.
 * Exactly the texts with a search key (fd_text_search_key()) that starts with
 * fd_text_search_query(query) match.
 * @param query what the user typed: Han text, pinyin or initials
 * @param text  the stored text to test
 * @param out receives 1 or 0.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_matches(int *out, const char *query, const char *text);

/**
 * The search keys to store for @p s, one per line (separated by '\n', no
 * trailing newline, no duplicates, none empty; empty text has none): the
 * suffixes of the folded text at each character, of its toneless pinyin
 * without spaces at each syllable, and of its initials, each cut to
 * ::FD_TEXT_KEY_MAX bytes. A store keeps them in an indexed column and finds
 * every text that fd_text_matches() a query with the range
 * `key >= q AND key < q || x'FF'` where q is fd_text_search_query(query).
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_search_key(fd_buf *out, const char *s);

/**
 * The key prefix to look up for @p query: the folded query, cut to
 * ::FD_TEXT_KEY_MAX bytes (empty for an empty query, which matches everything).
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_search_query(fd_buf *out, const char *query);

/**
 * A binary sort key: memcmp() order of keys is the order of the texts.
 * ::FD_TEXT_ORDER_PINYIN and ::FD_TEXT_ORDER_NAME sort by toneless pinyin
 * (syllable by syllable), then by tones, then by ICU's zh collation as the
 * tie-break; ::FD_TEXT_ORDER_NAME reads a leading surname with its surname
 * reading, so 单 sorts under S (ICU's zh collator alone puts it under D).
 * ::FD_TEXT_ORDER_STROKE is ICU's stroke collation.
 * @param s     UTF-8 text
 * @param out_bytes receives the key (binary, may contain any byte except that
 *        the last is not guaranteed NUL-free; use out_bytes->size).
 * @param order an ::fd_text_order.
 * @return ::FD_OK, ::FD_EINVAL (bad text or order), ::FD_ENOMEM.
 */
FD_API fd_status fd_text_sort_key(fd_buf *out_bytes, const char *s, fd_text_order order);

/**
 * Compares two texts in @p order: *out is negative, zero or positive.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_compare(int *out, const char *a, const char *b, fd_text_order order);

/**
 * Sorts names for display: writes them to @p out in @p order, one per line
 * (separated by '\n', no trailing newline). Equal names keep their input order.
 * @param out   receives the sorted names, one per line
 * @param order an ::fd_text_order
 * @param items the names; none may be NULL, malformed or contain '\n'.
 * @param count number of names (0 gives an empty result).
 * @return ::FD_OK, ::FD_EINVAL naming the bad item, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_sort_names(fd_buf *out, const char *const *items, size_t count,
                                    fd_text_order order);

/**
 * Sorts an array of string pointers in place in @p order (stable). For C
 * callers; the bindings use fd_text_sort_names(). On error the array is unchanged.
 * @return ::FD_OK, ::FD_EINVAL naming the bad item, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_sort_inplace(const char **items, size_t count, fd_text_order order);

/**
 * A binary key that orders room and unit numbers naturally: digit runs compare
 * by numeric value, so "2-101" < "2-1001" < "10-101" and "B2" < "B10"
 * (memcmp() over out_bytes->size). Text is normalised (full-width digits count)
 * and case-folded first; leading zeros only break ties ("7" < "007").
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_natural_key(fd_buf *out_bytes, const char *s);

/**
 * Columns @p s takes on a terminal or a fixed-width receipt: East Asian Wide
 * and Fullwidth characters count 2, combining marks and other zero-width
 * characters 0, everything else 1, counted per grapheme cluster (a base and
 * its marks; an emoji sequence counts 2). Control characters count 0.
 * @param s    UTF-8 text
 * @param out receives the width.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_text_display_width(int32_t *out, const char *s);

/**
 * Cuts @p s to at most @p width columns, never inside a grapheme cluster.
 * When it has to cut, the result ends with @p ellipsis and still fits in
 * @p width (if even the ellipsis does not fit, as much of the text as fits and
 * no ellipsis). Text that fits is copied unchanged.
 * @param out   receives the text, at most @p width columns
 * @param s     UTF-8 text
 * @param width columns, >= 0.
 * @param ellipsis UTF-8, for example "…" (may be empty).
 * @return ::FD_OK; ::FD_EINVAL (bad text or ellipsis); ::FD_ERANGE (width < 0); ::FD_ENOMEM.
 */
FD_API fd_status fd_text_truncate(fd_buf *out, const char *s, int32_t width,
                                  const char *ellipsis);

/**
 * Pads @p s with spaces to @p width columns (see fd_text_display_width());
 * text already as wide or wider is copied unchanged (never cut: combine with
 * fd_text_truncate()).
 * @param out   receives the padded text
 * @param s     UTF-8 text
 * @param width the width to pad to, in columns
 * @param align an ::fd_text_align.
 * @return ::FD_OK; ::FD_EINVAL (bad text or align); ::FD_ERANGE (width outside
 *         0..65536); ::FD_ENOMEM.
 */
FD_API fd_status fd_text_pad(fd_buf *out, const char *s, int32_t width, fd_text_align align);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_TEXT_H */
