/*
 * Display width, truncation and padding for fixed-width reports and receipts
 * (issue 4, item 6; emoji sequences: issue 9, kind 5). Width is counted per grapheme cluster (ICU character
 * break iterator, one per thread, reused), so a base and its combining marks,
 * or an emoji sequence, are never split.
 */
#include "text_internal.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utext.h>

static int cp_width(uint32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        return 0;
    if (c < 0x300)
        return 1;
    int8_t gc = u_charType((UChar32)c);
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR)
        return 0;
    if (c >= 0x1160 && c <= 0x11FF) /* Hangul medial vowels and final consonants join the syllable */
        return 0;
    int eaw = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);
    return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

static bool has(uint32_t c, UProperty p)
{
    return u_hasBinaryProperty((UChar32)c, p) != 0;
}

/*
 * Whether the cluster s[0..len) is an emoji sequence drawn as one emoji
 * (UTS #51 ED-14..ED-17, ED-21): a modifier sequence (👍🏽, ✌🏻), a keycap
 * (1️⃣), a flag (🇨🇳), a tag sequence (🏴 + tags + cancel), a ZWJ sequence of
 * emoji (👨‍👩‍👧), an emoji presentation sequence (☺️, base + VS16), or a lone
 * Emoji_Presentation character. A text presentation selector (VS15, ☺︎) asks for
 * the text glyph: not an emoji then.
 */
static bool emoji_sequence(const unsigned char *s, size_t len)
{
    const unsigned char *p = s, *end = s + len;
    uint32_t base = fd__utf8_next(&p);
    if (base < 0x2000 && base != 0x23 && base != 0x2A && (base < 0x30 || base > 0x39) &&
        base != 0xA9 && base != 0xAE)
        return false; /* no emoji below U+2000 but #, *, digits (keycaps), © and ® */
    if (!has(base, UCHAR_EMOJI) && !has(base, UCHAR_EXTENDED_PICTOGRAPHIC))
        return false;
    bool vs16 = false, modifier = false, keycap = false, tag = false, zwj = false, ri = false;
    while (p < end) {
        uint32_t c = fd__utf8_next(&p);
        if (c == 0xFE0E)
            return false;
        vs16 |= c == 0xFE0F;
        keycap |= c == 0x20E3;
        tag |= c >= 0xE0020 && c <= 0xE007F;
        zwj |= c == 0x200D;
        modifier |= has(c, UCHAR_EMOJI_MODIFIER);
        ri |= has(base, UCHAR_REGIONAL_INDICATOR) && has(c, UCHAR_REGIONAL_INDICATOR);
    }
    if (keycap)
        return vs16; /* 1 + U+20E3 without VS16 is a digit with an enclosing mark */
    if (modifier)
        return has(base, UCHAR_EMOJI_MODIFIER_BASE) || has(base, UCHAR_EMOJI_MODIFIER);
    return vs16 || tag || zwj || ri || has(base, UCHAR_EMOJI_PRESENTATION);
}

/*
 * Width of one grapheme cluster s[0..len): 2 for an emoji sequence (above);
 * otherwise the sum of its characters' widths (marks and format characters add
 * 0; a spacing mark adds its own), so that widths add up when clusters merge at
 * a join (a padding space followed by a mark). A ZWJ sequence that is not all
 * emoji is drawn as its widest character.
 */
static int cluster_width(const unsigned char *s, size_t len)
{
    if (s[0] >= 0xE2 || s[0] == 0x23 || s[0] == 0x2A || (s[0] >= 0x30 && s[0] <= 0x39) || s[0] == 0xC2) {
        if (emoji_sequence(s, len))
            return 2;
    }
    const unsigned char *p = s, *end = s + len;
    int sum = 0, widest = 0;
    bool zwj = false;
    while (p < end) {
        uint32_t c = fd__utf8_next(&p);
        int cw = cp_width(c);
        sum += cw;
        if (cw > widest)
            widest = cw;
        zwj |= c == 0x200D;
    }
    return zwj ? widest : sum;
}

static bool ascii_only(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/*
 * Walks the grapheme clusters of s, calling back with each one's byte range
 * and width; stops early when the callback returns false.
 */
typedef bool (*cluster_fn)(void *ctx, size_t start, size_t end, int width);

static fd_status each_cluster(const char *fn, const char *s, size_t len, cluster_fn cb, void *ctx)
{
    if (ascii_only(s, len)) {
        for (size_t i = 0; i < len; i++)
            if (!cb(ctx, i, i + 1, cp_width((unsigned char)s[i])))
                break;
        return FD_OK;
    }
    if (len > (size_t)INT32_MAX)
        return fd__error(FD_ERANGE, "%s: s: %zu bytes is too long", fn, len);
    UBreakIterator *bi = fd__text_char_breaker(fn);
    if (bi == NULL)
        return fd_error_last()->code;
    UErrorCode err = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, s, (int64_t)len, &err);
    ubrk_setUText(bi, &ut, &err);
    if (U_FAILURE(err)) {
        utext_close(&ut);
        return fd__error(FD_EDATA, "%s: ICU cannot break the text: %s", fn, u_errorName(err));
    }
    int32_t a = ubrk_first(bi);
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; a = b, b = ubrk_next(bi)) {
        if (!cb(ctx, (size_t)a, (size_t)b, cluster_width((const unsigned char *)s + a, (size_t)(b - a))))
            break;
    }
    /* Detach the iterator from the stack UText before it goes away. */
    ubrk_setText(bi, NULL, 0, &err);
    utext_close(&ut);
    return FD_OK;
}

static bool add_width(void *ctx, size_t start, size_t end, int width)
{
    (void)start;
    (void)end;
    int64_t *w = ctx;
    *w += width;
    return true;
}

static fd_status width_of(const char *fn, const char *s, size_t len, int64_t *out)
{
    *out = 0;
    return each_cluster(fn, s, len, add_width, out);
}

fd_status fd_text_display_width(int32_t *out, const char *s)
{
    static const char fn[] = "fd_text_display_width";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc)
        return rc;
    int64_t w;
    rc = width_of(fn, s, strlen(s), &w);
    if (rc)
        return rc;
    if (w > INT32_MAX)
        return fd__error(FD_ERANGE, "%s: s: width %lld does not fit in int32", fn, (long long)w);
    *out = (int32_t)w;
    return FD_OK;
}

typedef struct fit {
    int64_t budget, used;
    size_t end; /* bytes of the clusters that fit */
} fit;

static bool take_fitting(void *ctx, size_t start, size_t end, int width)
{
    (void)start;
    fit *f = ctx;
    if (f->used + width > f->budget)
        return false;
    f->used += width;
    f->end = end;
    return true;
}

fd_status fd_text_truncate(fd_buf *out, const char *s, int32_t width, const char *ellipsis)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_truncate";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "ellipsis", ellipsis, 0, false);
    if (rc == FD_OK && width < 0)
        rc = fd__error(FD_ERANGE, "%s: width: %d is negative", fn, (int)width);
    if (rc)
        return rc;
    size_t len = strlen(s);
    int64_t total, ew;
    rc = width_of(fn, s, len, &total);
    if (rc == FD_OK)
        rc = width_of(fn, ellipsis, strlen(ellipsis), &ew);
    if (rc)
        return rc;
    fd__buf_clear(out);
    if (total <= width) {
        rc = fd__buf_put(out, s, len);
    } else {
        bool with_ellipsis = ew <= width;
        fit f = { with_ellipsis ? width - ew : width, 0, 0 };
        rc = each_cluster(fn, s, len, take_fitting, &f);
        if (rc == FD_OK)
            rc = fd__buf_put(out, s, f.end);
        if (rc == FD_OK && with_ellipsis)
            rc = fd__buf_puts(out, ellipsis);
    }
    return fd__text_finish(out, rc);
}

/* Padding wider than this is a mistake, not a receipt. */
#define FD__TEXT_PAD_MAX 65536

static fd_status spaces(fd_buf *out, int64_t n)
{
    fd_status rc = FD_OK;
    for (int64_t i = 0; rc == FD_OK && i < n; i++)
        rc = fd__buf_put(out, " ", 1);
    return rc;
}

fd_status fd_text_pad(fd_buf *out, const char *s, int32_t width, fd_text_align align)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_text_pad";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "s", s, 0, false);
    if (rc == FD_OK && (width < 0 || width > FD__TEXT_PAD_MAX))
        rc = fd__error(FD_ERANGE, "%s: width: %d is outside 0..%d", fn, (int)width, FD__TEXT_PAD_MAX);
    if (rc == FD_OK && align != FD_TEXT_ALIGN_LEFT && align != FD_TEXT_ALIGN_RIGHT &&
        align != FD_TEXT_ALIGN_CENTER)
        rc = fd__error(FD_EINVAL, "%s: align: %d is not an fd_text_align (0 left, 1 right, 2 center)",
                       fn, (int)align);
    if (rc)
        return rc;
    size_t len = strlen(s);
    int64_t w;
    rc = width_of(fn, s, len, &w);
    if (rc)
        return rc;
    int64_t gap = w < width ? width - w : 0;
    int64_t left = align == FD_TEXT_ALIGN_RIGHT ? gap : align == FD_TEXT_ALIGN_CENTER ? gap / 2 : 0;
    fd__buf_clear(out);
    rc = fd__buf_grow(out, len + (size_t)gap);
    if (rc == FD_OK)
        rc = spaces(out, left);
    if (rc == FD_OK)
        rc = fd__buf_put(out, s, len);
    if (rc == FD_OK)
        rc = spaces(out, gap - left);
    return fd__text_finish(out, rc);
}
