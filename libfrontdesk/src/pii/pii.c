/*
 * Personal data (R-COM-2): class names, and masking one value by its class.
 * Phones and ID numbers go through the public phone and idcard APIs; what
 * they cannot parse is still masked here (a stored number with a typo must
 * not come back in clear). Names keep the surname, found with a list of
 * compound surnames and the public Traditional→Simplified conversion.
 */
#include "pii_internal.h"

#include "frontdesk/idcard.h"
#include "frontdesk/phone.h"
#include "frontdesk/text.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#define MASK_FN "fd_pii_mask"

static const char *const CLASS_NAMES[] = { "none", "phone", "id_number", "name", "free_text" };
#define NCLASSES (sizeof CLASS_NAMES / sizeof CLASS_NAMES[0])

/*
 * The compound surnames of libfrontdesk/data/pinyin/surnames.txt, which the
 * text module reads them from; its table is private, so the list is repeated
 * here and pii_test.c checks that every compound surname of that file is kept.
 */
static const char *const COMPOUND_SURNAMES[] = {
    "欧阳", "司马", "诸葛", "上官", "尉迟", "万俟", "夏侯", "东方", "皇甫", "公孙", "慕容",
    "司徒", "令狐", "宇文", "长孙", "轩辕", "独孤", "南宫", "西门", "百里", "呼延", "端木",
    "闻人", "赫连", "钟离", "申屠", "公冶", "太叔", "仲孙", "宗政", "濮阳", "淳于", "澹台",
    "拓跋", "司空", "羊舌", "左丘", "东郭", "梁丘", "乐正", "壤驷", "公良", "亓官", "巫马",
    "谷梁", "段干", "漆雕", "颛孙", "鲜于", "闾丘", "司寇", "公羊", "第五", "子车",
};

const char *fd_pii_class_name(fd_pii_class cls)
{
    return (unsigned)cls < NCLASSES ? CLASS_NAMES[cls] : "unknown";
}

fd_status fd_pii_class_parse(int *out, const char *name)
{
    fd_status rc = fd__check_ptr("fd_pii_class_parse", "out", out);
    if (rc == FD_OK)
        rc = fd__check_text("fd_pii_class_parse", "name", name, 0, false);
    if (rc)
        return rc;
    for (size_t i = 0; i < NCLASSES; i++) {
        if (strcmp(name, CLASS_NAMES[i]) == 0) {
            *out = (int)i;
            return FD_OK;
        }
    }
    return fd__error(FD_EINVAL, "fd_pii_class_parse: name: '%.64s' is not a class: expected none, "
                     "phone, id_number, name or free_text", name);
}

/* Bytes of the UTF-8 sequence that starts with @c (0 for a byte that starts none). */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
}

fd_status fd__pii_check_text(const char *fn, const char *field, const char *s, size_t *len)
{
    if (s == NULL)
        return fd__error(FD_EINVAL, "%s: %s: must not be NULL", fn, field);
    size_t n = strlen(s);
    if (!fd__utf8_valid(s, n)) {
        size_t at = 0, l;
        while (at < n && (l = seq_len((unsigned char)s[at])) != 0 && at + l <= n && fd__utf8_valid(s + at, l))
            at += l;
        return fd__pii_bad_utf8(fn, field, at);
    }
    *len = n;
    return FD_OK;
}

fd_status fd__pii_bad_utf8(const char *fn, const char *field, size_t at)
{
    return fd__error(FD_EINVAL, "%s: %s: not valid UTF-8 at byte %zu (not quoted: it may hold "
                     "personal data)", fn, field, at);
}

/*
 * The mask of a phone or ID number that does not parse: at most the first 3
 * and last 2 characters stay, and never more than half of them.
 */
static fd_status mask_unparsed(fd_buf *out, const char *value, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)value[i] & 0xC0) != 0x80;
    size_t visible = n / 2 < 5 ? n / 2 : 5;
    size_t tail = visible / 2 < 2 ? visible / 2 : 2, head = visible - tail;
    fd__buf_clear(out);
    fd_status rc = fd__buf_grow(out, len);
    const unsigned char *p = (const unsigned char *)value;
    for (size_t i = 0; rc == FD_OK && i < n; i++) {
        size_t l = seq_len(*p);
        if (i < head || i >= n - tail)
            rc = fd__buf_put(out, (const char *)p, l);
        else
            rc = fd__buf_put(out, "*", 1);
        p += l;
    }
    return rc;
}

/*
 * A phone or ID number through the module that knows it (fd_phone_mask,
 * fd_idcard_mask), or mask_unparsed() when that module refuses it (*parsed
 * false). Their messages quote the value, so the thread's last error is put back.
 */
static fd_status mask_number(fd_buf *out, const char *value, size_t len,
                             fd_status (*mask)(fd_buf *, const char *), bool *parsed)
{
    fd__saved_error saved;
    fd__error_save(&saved);
    fd_status rc = mask(out, value);
    *parsed = rc != FD_EINVAL;
    if (*parsed)
        return rc;
    fd__error_restore(&saved);
    return mask_unparsed(out, value, len);
}

static fd_status mask_id_number(fd_buf *out, const char *value, size_t len)
{
    bool parsed;
    fd_status rc = mask_number(out, value, len, fd_idcard_mask, &parsed);
    /*
     * fd_idcard_mask keeps the last 4 of a 15-digit number too; the first of
     * them is the last digit of the birth date (YYMMDD), which R-COM-2 hides.
     */
    if (rc == FD_OK && parsed && out->size == 15)
        out->ptr[11] = '*';
    return rc;
}

/* Combining marks and variation selectors belong to the character before them. */
static bool is_mark(uint32_t c)
{
    int8_t t = u_charType((UChar32)c);
    return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/* What separates the words of a name: kept as they are. */
static bool is_separator(uint32_t c)
{
    switch (c) {
    case '.': case '-': case '\'': case 0x00B7: case 0x2019: case 0x2022: case 0x2027:
    case 0x30FB: case 0xFF0D: case 0xFF0E: case 0x2010: case 0x2011:
        return true;
    default:
        return u_isUWhiteSpace((UChar32)c) != 0;
    }
}

static bool is_han(uint32_t c)
{
    UErrorCode err = U_ZERO_ERROR;
    return uscript_getScript((UChar32)c, &err) == USCRIPT_HAN && U_SUCCESS(err);
}

/*
 * Whether the name at @p (its first word, separators skipped) starts with a
 * compound surname that something follows: 欧阳修, 歐陽修, not 欧阳 alone.
 * Uses @out as scratch for the Simplified form.
 */
static fd_status compound_surname(bool *yes, fd_buf *out, const unsigned char *p)
{
    *yes = false;
    while (*p) {
        const unsigned char *q = p;
        if (!is_separator(fd__utf8_next(&q)))
            break;
        p = q;
    }
    const unsigned char *q = p;
    uint32_t a = *q ? fd__utf8_next(&q) : 0;
    uint32_t b = *q ? fd__utf8_next(&q) : 0;
    if (!is_han(a) || !is_han(b))
        return FD_OK;
    char two[9];
    size_t n = (size_t)(q - p);
    memcpy(two, p, n);
    two[n] = '\0';
    bool more = false;
    while (*q && !more) {
        uint32_t c = fd__utf8_next(&q);
        more = !is_separator(c) && !is_mark(c);
    }
    if (!more)
        return FD_OK;
    fd_status rc = fd_text_to_simplified(out, two);
    if (rc)
        return rc;
    for (size_t i = 0; i < sizeof COMPOUND_SURNAMES / sizeof COMPOUND_SURNAMES[0] && !*yes; i++)
        *yes = strcmp(out->ptr, COMPOUND_SURNAMES[i]) == 0;
    return FD_OK;
}

/*
 * A name: the first word keeps its surname (its first character, or two for
 * a compound surname), a later word its first character unless it is Han
 * (a spaced "张 三" must not show 三); everything else is one '*' a character.
 */
static fd_status mask_name(fd_buf *out, const char *value, size_t len)
{
    bool compound;
    fd_status rc = compound_surname(&compound, out, (const unsigned char *)value);
    fd__buf_clear(out);
    if (rc == FD_OK)
        rc = fd__buf_grow(out, len);
    int words = 0, keep = 0;
    bool in_word = false, have_prev = false, prev_kept = false;
    for (const unsigned char *p = (const unsigned char *)value; rc == FD_OK && *p;) {
        const unsigned char *start = p;
        uint32_t c = fd__utf8_next(&p);
        size_t l = (size_t)(p - start);
        if (have_prev && is_mark(c)) {
            if (prev_kept)
                rc = fd__buf_put(out, (const char *)start, l);
            continue;
        }
        if (is_separator(c)) {
            rc = fd__buf_put(out, (const char *)start, l);
            in_word = have_prev = prev_kept = false;
            continue;
        }
        if (!in_word) {
            in_word = true;
            keep = ++words == 1 ? (compound ? 2 : 1) : !is_han(c);
        }
        have_prev = true;
        prev_kept = keep > 0;
        if (prev_kept) {
            keep--;
            rc = fd__buf_put(out, (const char *)start, l);
        } else {
            rc = fd__buf_put(out, "*", 1);
        }
    }
    return rc;
}

/* R-COM-2: personal data is masked for display unless the caller may see it. */
fd_status fd_pii_mask(fd_buf *out, fd_pii_class cls, const char *value)
{
    fd_status rc = fd__check_ptr(MASK_FN, "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out);
    if ((unsigned)cls >= NCLASSES)
        return fd__error(FD_EINVAL, MASK_FN ": cls: %d is not an fd_pii_class (0..%zu)", (int)cls,
                         NCLASSES - 1);
    size_t len;
    bool parsed;
    rc = fd__pii_check_text(MASK_FN, "value", value, &len);
    if (rc)
        return rc;
    switch (cls) {
    case FD_PII_PHONE: rc = mask_number(out, value, len, fd_phone_mask, &parsed); break;
    case FD_PII_ID_NUMBER: rc = mask_id_number(out, value, len); break;
    case FD_PII_NAME: rc = mask_name(out, value, len); break;
    case FD_PII_FREE_TEXT: rc = fd__pii_mask_text(MASK_FN, "value", out, NULL, value, len); break;
    default: rc = fd__buf_put(out, value, len); break;
    }
    if (rc)
        fd__buf_clear(out);
    return rc;
}
