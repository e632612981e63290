/*
 * The property register's rules (frontdesk/property.h): codes, unit numbers,
 * floor areas, occupancy on a date and the checks the store makes before an
 * add (R-VIS-1, R-VIS-5, R-COM-3, R-FEE-8). Pure: no SQLite, no store.
 */
#include "internal.h"
#include "frontdesk/phone.h"
#include "frontdesk/property.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <string.h>

/* --- codes ----------------------------------------------------------------------- */


static const fd__code USES[] = {
    { "residential", "住宅", { "民用", "住房", NULL } },
    { "office", "办公", { "办公室", "写字楼", NULL } },
    { "shop", "商铺", { "商业", "店铺", "门面", NULL } },
    { "other", "其他", { "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ROLES[] = {
    { "owner", "业主", { "房主", "产权人", NULL } },
    { "tenant", "租户", { "承租人", "租客", NULL } },
    { "resident", "住户", { "家属", "同住人", "居住人", NULL } },
    { NULL, NULL, { NULL } },
};

static const fd__code_list LISTS[] = { { "use", USES }, { "role", ROLES } };
static const fd__code_lists CODES = { LISTS, sizeof LISTS / sizeof LISTS[0] };

const char *fd_property_code_label(const char *field, const char *code)
{
    return fd__code_label(&CODES, field, code);
}

fd_status fd_property_code_parse(fd_buf *out, const char *field, const char *text)
{
    return fd__code_parse(out, &CODES, "fd_property_code_parse", field, text);
}

/* Whether @code is in list @field; FD_EINVAL naming @qname otherwise. */
static fd_status check_code(const char *fn, const char *qname, const char *field, const char *code)
{
    return fd__code_check(&CODES, fn, qname, field, code, false);
}

/* --- unit numbers ------------------------------------------------------------------ */

#define PARTS_MAX 4
#define PART_ASCII_MAX 8 /* characters of a part without Han characters */
#define PART_BYTES_MAX 16 /* bytes of a building part (Han characters take 3 or 4) */
#define TEXT_MAX 64

/* A unit number or building code cut into parts. */
typedef struct parts {
    char part[PARTS_MAX][PART_BYTES_MAX + 1];
    bool floor_made[PARTS_MAX]; /* made from 楼/层 (5楼 -> 5F) or 地下 (B1) */
    bool han[PARTS_MAX];        /* holds Han characters (the first part only may) */
    size_t split[PARTS_MAX];    /* where its last Han character meets ASCII (商铺|12), 0 = nowhere */
    int n;
    bool building_marked; /* the first part ended with 栋, 幢, 座, 号楼, # */
} parts;

static bool is_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FA1F);
}

static bool is_han_numeral(uint32_t c)
{
    static const uint32_t numerals[] = { 0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                         0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E24 };
    for (size_t i = 0; i < sizeof numerals / sizeof *numerals; i++)
        if (c == numerals[i])
            return true;
    return false; /* 零〇一二三四五六七八九十百千两 */
}

static bool all_digits(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* The code point at @p without advancing (0 at the end). */
static uint32_t peek(const unsigned char *p)
{
    return *p ? fd__utf8_next(&p) : 0;
}

/* Whether @s is made of Han numerals only (三, 十二): a building number to write in digits. */
static bool han_numerals(const char *s)
{
    bool numerals = *s != '\0';
    for (const unsigned char *q = (const unsigned char *)s; *q && numerals;)
        numerals = is_han_numeral(fd__utf8_next(&q));
    return numerals;
}

/* The part being built, with what it holds so far. */
typedef struct cur_part {
    char buf[PART_BYTES_MAX + 8];
    size_t len;
    size_t chars;
    bool han;
    bool basement; /* 地下 or 负 came first */
    size_t split;  /* where the last Han character meets the ASCII that ends the part (商铺|12), 0 = nowhere */
    bool last_han; /* the last character appended was Han */
} cur_part;

/*
 * Ends the current part (if any): checks its length and Han numerals, appends it.
 * @building: the part ended with a building marker.
 */
static fd_status end_part(const char *fn, const char *field, const char *text, parts *p, cur_part *c,
                          bool building, bool floor_made)
{
    if (c->len == 0 && !c->basement) {
        /* "3#楼": the 楼 after a '#' that already ended the building adds nothing. */
        if (building && p->n == 1 && !p->building_marked)
            p->building_marked = true;
        return FD_OK;
    }
    if (c->len == 0)
        return fd__error(FD_EINVAL, "%s: %s: '%.64s': 地下/负 is not followed by a floor number", fn, field, text);
    if (p->n == PARTS_MAX)
        return fd__error(FD_EINVAL, "%s: %s: '%.64s' has more than %d parts (building, entrance, floor, room)", fn,
                         field, text, PARTS_MAX);
    if (c->han) {
        if (han_numerals(c->buf))
            return fd__error(FD_EINVAL, "%s: %s: '%.64s': write building numbers in digits (3栋, not 三栋)", fn,
                             field, text);
        if (c->len > PART_BYTES_MAX)
            return fd__error(FD_EINVAL, "%s: %s: '%.64s': the building part is longer than %d bytes", fn, field,
                             text, PART_BYTES_MAX);
    } else if (c->chars + (c->basement ? 1 : 0) > PART_ASCII_MAX) {
        return fd__error(FD_EINVAL, "%s: %s: '%.64s': a part is longer than %d characters", fn, field, text,
                         PART_ASCII_MAX);
    }
    char *dst = p->part[p->n];
    if (c->basement) {
        if (!all_digits(c->buf))
            return fd__error(FD_EINVAL, "%s: %s: '%.64s': 地下/负 is not followed by a floor number", fn, field,
                             text);
        dst[0] = 'B';
        memcpy(dst + 1, c->buf, c->len + 1);
        floor_made = true;
    } else {
        memcpy(dst, c->buf, c->len + 1);
    }
    p->floor_made[p->n] = floor_made;
    p->han[p->n] = c->han;
    p->split[p->n] = c->basement ? 0 : c->split;
    if (building && p->n == 0)
        p->building_marked = true;
    p->n++;
    memset(c, 0, sizeof *c);
    return FD_OK;
}

static fd_status append(const char *fn, const char *field, const char *text, cur_part *c, const char *bytes,
                        size_t n)
{
    if (c->len + n > PART_BYTES_MAX)
        return fd__error(FD_EINVAL, "%s: %s: '%.64s': a part is longer than %d characters", fn, field, text,
                         PART_ASCII_MAX);
    if (n == 1 && c->last_han)
        c->split = c->len;
    else if (n > 1)
        c->split = 0; /* the tail after a split is ASCII only */
    c->last_han = n > 1;
    memcpy(c->buf + c->len, bytes, n);
    c->len += n;
    c->buf[c->len] = '\0';
    c->chars++;
    return FD_OK;
}

/*
 * Cuts @text into parts (see the file comment of frontdesk/property.h):
 * NFKC (full-width forms), Traditional to Simplified, upper-case letters, dashes
 * folded; separators - # / _ . and spaces; markers 栋 幢 座 号楼 #楼 (building),
 * 单元 (entrance), 楼 层 (floor: 5楼 is 5F), 地下 负 (basement: 地下1层 is B1);
 * a final 室 号 房 户 dropped.
 */
static fd_status cut(const char *fn, const char *field, const char *text, parts *p)
{
    memset(p, 0, sizeof *p);
    fd_status rc = fd__check_text(fn, field, text, 0, false);
    if (rc)
        return rc;
    if (strlen(text) > TEXT_MAX)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %d", fn, field, strlen(text), TEXT_MAX);
    for (const unsigned char *q = (const unsigned char *)text; *q;)
        if (fd__char_unsafe(fd__utf8_next(&q)))
            return fd__error(FD_EINVAL, "%s: %s: contains a control character", fn, field);
    fd_buf norm = FD_BUF_INIT, simp = FD_BUF_INIT;
    rc = fd_text_normalize(&norm, text);
    /* Traditional to Simplified until nothing changes (a few characters map on, 麼 to 么 to 幺),
     * so that the canonical form is canonical again. */
    for (int round = 0; rc == FD_OK; round++) {
        if ((rc = fd_text_to_simplified(&simp, norm.ptr)) != FD_OK || strcmp(simp.ptr, norm.ptr) == 0)
            break;
        if (round == 3) {
            rc = fd__error(FD_EINVAL, "%s: %s: '%.64s': its Simplified form does not settle", fn, field, text);
            break;
        }
        fd_buf swap = norm;
        norm = simp;
        simp = swap;
    }
    fd_buf_dispose(&norm);
    if (rc) {
        fd_buf_dispose(&simp);
        bool ours = strncmp(fd_error_last()->message, fn, strlen(fn)) == 0;
        return rc == FD_ENOMEM || ours ? rc : fd__error_context(rc, "%s: %s", fn, field);
    }
    cur_part c;
    memset(&c, 0, sizeof c);
    const unsigned char *s = (const unsigned char *)simp.ptr;
    while (rc == FD_OK && *s) {
        const unsigned char *at = s;
        uint32_t ch = fd__fold_char(fd__utf8_next(&s), FD__FOLD_DASH | FD__FOLD_SPACE);
        uint32_t next = peek(s);
        if (ch < 0x80 && ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) {
            char up = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
            rc = append(fn, field, text, &c, &up, 1);
        } else if (ch == '#') {
            rc = end_part(fn, field, text, p, &c, true, false);
            if (rc == FD_OK && next == 0x697C) /* #楼 */
                fd__utf8_next(&s);
        } else if (ch == '-' || ch == '/' || ch == '_' || ch == '.' || ch == ' ') {
            rc = end_part(fn, field, text, p, &c, false, false);
        } else if (ch == 0x680B || ch == 0x5E62 || ch == 0x5EA7) { /* 栋 幢 座 */
            rc = end_part(fn, field, text, p, &c, true, false);
        } else if (ch == 0x53F7 && next == 0x697C) { /* 号楼 */
            fd__utf8_next(&s);
            rc = end_part(fn, field, text, p, &c, true, false);
        } else if (ch == 0x5355 && next == 0x5143) { /* 单元 */
            fd__utf8_next(&s);
            rc = end_part(fn, field, text, p, &c, false, false);
        } else if (ch == 0x5730 && next == 0x4E0B) { /* 地下 */
            fd__utf8_next(&s);
            if (c.len)
                rc = end_part(fn, field, text, p, &c, false, false);
            c.basement = true;
        } else if (ch == 0x8D1F) { /* 负 */
            if (c.len)
                rc = end_part(fn, field, text, p, &c, false, false);
            c.basement = true;
        } else if (ch == 0x697C || ch == 0x5C42) { /* 楼 层: a floor */
            bool basement_part = c.buf[0] == 'B' && all_digits(c.buf + 1) && !c.basement; /* B1层 */
            if (basement_part) {
                rc = end_part(fn, field, text, p, &c, false, true);
            } else if (!all_digits(c.buf) || c.len == 0) {
                rc = fd__error(FD_EINVAL, "%s: %s: '%.64s': '%.*s' follows no floor number", fn, field, text,
                               (int)(s - at), (const char *)at);
            } else if (!c.basement) {
                rc = append(fn, field, text, &c, "F", 1);
                if (rc == FD_OK)
                    rc = end_part(fn, field, text, p, &c, false, true);
            } else {
                rc = end_part(fn, field, text, p, &c, false, true);
            }
        } else if (ch == 0x53F7 || ch == 0x5BA4 || ch == 0x623F || ch == 0x6237) { /* 号 室 房 户 */
            /* A room marker ends the number; 号 may also end a building ("3号1201"). */
            if (ch != 0x53F7 && *s)
                rc = fd__error(FD_EINVAL, "%s: %s: '%.64s': '%.*s' ends a unit number, nothing may follow it", fn,
                               field, text, (int)(s - at), (const char *)at);
            else
                rc = end_part(fn, field, text, p, &c, false, false);
        } else if (is_han(ch) && p->n == 0 && !c.basement) {
            char u[4];
            size_t k = fd__utf8_put(u, ch);
            rc = append(fn, field, text, &c, u, k);
            c.han = true;
        } else if (is_han(ch)) {
            rc = fd__error(FD_EINVAL, "%s: %s: '%.64s': '%.*s' has no place there (Han characters only name a "
                           "building, first)", fn, field, text, (int)(s - at), (const char *)at);
        } else {
            rc = fd__error(FD_EINVAL, "%s: %s: '%.64s': '%.*s' has no place in a unit number", fn, field, text,
                           (int)(s - at), (const char *)at);
        }
    }
    if (rc == FD_OK)
        rc = end_part(fn, field, text, p, &c, false, false);
    fd_buf_dispose(&simp);
    if (rc == FD_OK && p->n == 0)
        rc = fd__error(FD_EINVAL, "%s: %s: '%.64s' has no number in it", fn, field, text);
    return rc;
}

/* Copies @s without leading zeros into @out (cap bytes); "" when nothing is left. */
static void strip_zeros(char *out, size_t cap, const char *s)
{
    while (*s == '0')
        s++;
    fd__copy_fixed(out, cap, s);
}

/* Whether @s is a floor written as one: digits then F (3F, as 3楼 becomes). */
static bool floor_text(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || s[n - 1] != 'F')
        return false;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Whether the first of several parts names a building (not a floor: 3楼1201 has none). */
static bool has_building(const parts *p)
{
    return p->n > 1 && !p->floor_made[0] && !floor_text(p->part[0]);
}

/*
 * A unit number that is one part of Han characters then ASCII, not ended by a
 * building marker, is a building and a room: 商铺12号 is 商铺-12, 东1201 is
 * 东-1201. (东区3栋1201 keeps building 东区3: it has a room after it.)
 */
static fd_status split_lone_han(const char *fn, const char *field, const char *text, parts *p)
{
    if (p->n != 1 || !p->han[0] || p->building_marked || p->split[0] == 0)
        return FD_OK;
    size_t at = p->split[0];
    if (strlen(p->part[0] + at) > PART_ASCII_MAX)
        return FD_OK; /* refused as a lone building part */
    char head[PART_BYTES_MAX + 1];
    memcpy(head, p->part[0], at);
    head[at] = '\0';
    if (han_numerals(head))
        return fd__error(FD_EINVAL, "%s: %s: '%.64s': write building numbers in digits (3栋, not 三栋)", fn, field,
                         text);
    memcpy(p->part[1], p->part[0] + at, strlen(p->part[0] + at) + 1);
    p->part[0][at] = '\0';
    p->han[1] = false;
    p->floor_made[1] = p->floor_made[0];
    p->floor_made[0] = false;
    p->split[0] = p->split[1] = 0;
    p->n = 2;
    return FD_OK;
}

/* The floor the parts show (see fd_unit_number_parse), or "". */
static void derive_floor(char out[9], const parts *p)
{
    out[0] = '\0';
    for (int i = has_building(p) ? 1 : 0; i < p->n; i++) {
        const char *q = p->part[i];
        size_t n = strlen(q);
        char digits[16];
        if (q[0] == 'B' && n >= 2 && n <= 3 && all_digits(q + 1)) {
            strip_zeros(digits, 3, q + 1); /* at most 2 digits */
            if (digits[0]) {
                out[0] = 'B';
                fd__copy_fixed(out + 1, 8, digits);
                return;
            }
        }
        if (n >= 2 && n <= 4 && q[n - 1] == 'F') {
            memcpy(digits, q, n - 1);
            digits[n - 1] = '\0';
            if (all_digits(digits)) {
                strip_zeros(out, 9, digits);
                return;
            }
        }
    }
    const char *room = p->part[p->n - 1];
    size_t n = strlen(room);
    if (n >= 3 && n <= 5 && all_digits(room)) {
        char digits[8];
        memcpy(digits, room, n - 2);
        digits[n - 2] = '\0';
        strip_zeros(out, 9, digits);
    }
}

/* What a unit number's parts must be beyond what cut() checks (after split_lone_han). */
static fd_status check_unit_parts(const char *fn, const char *field, const char *text, parts *p)
{
    fd_status rc = split_lone_han(fn, field, text, p);
    if (rc)
        return rc;
    if (p->n > 1 && p->floor_made[0] && p->part[0][0] == 'B')
        return fd__error(FD_EINVAL, "%s: %s: '%.64s': a basement needs its building first (A座地下1层)", fn, field,
                         text);
    if (p->n == 1 && p->building_marked)
        return fd__error(FD_EINVAL, "%s: %s: '%.64s' names a building, not a unit in it", fn, field, text);
    if (!has_building(p) && p->han[0])
        return fd__error(FD_EINVAL, "%s: %s: '%.64s': Han characters only name a building, and no unit follows",
                         fn, field, text);
    return FD_OK;
}

fd_status fd_unit_number_parse(fd_unit_number *out, const char *text)
{
    static const char fn[] = "fd_unit_number_parse";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    parts p;
    if ((rc = cut(fn, "unit", text, &p)) != FD_OK)
        return rc;
    if ((rc = check_unit_parts(fn, "unit", text, &p)) != FD_OK)
        return rc;
    fd_unit_number u;
    memset(&u, 0, sizeof u);
    u.version = FD_UNIT_NUMBER_VERSION;
    size_t len = 0;
    for (int i = 0; i < p.n; i++) {
        size_t k = strlen(p.part[i]);
        if (len + k + (i ? 1 : 0) > FD_UNIT_NUMBER_MAX)
            return fd__error(FD_ERANGE, "%s: unit: '%.64s': the canonical number is longer than %d bytes", fn, text,
                             FD_UNIT_NUMBER_MAX);
        if (i)
            u.number[len++] = '-';
        memcpy(u.number + len, p.part[i], k);
        len += k;
    }
    u.number[len] = '\0';
    if (has_building(&p))
        fd__copy_fixed(u.building, sizeof u.building, p.part[0]);
    fd__copy_fixed(u.room, sizeof u.room, p.part[p.n - 1]);
    derive_floor(u.floor, &p);
    u.parts = p.n;
    *out = u;
    return FD_OK;
}

/* The canonical building code of @text into @out; messages name @field. */
static fd_status building_code(fd_buf *out, const char *fn, const char *field, const char *text)
{
    parts p;
    fd_status rc = cut(fn, field, text, &p);
    if (rc)
        return rc;
    if (p.n != 1)
        return fd__error(FD_EINVAL, "%s: %s: '%.64s' is not one building (it has %d parts)", fn, field, text, p.n);
    if (p.floor_made[0] || floor_text(p.part[0]))
        return fd__error(FD_EINVAL, "%s: %s: '%.64s' is a floor, not a building (buildings: 3号楼, 3栋, A座)", fn,
                         field, text);
    return out ? fd__buf_puts(out, p.part[0]) : FD_OK;
}

fd_status fd_building_code_normalize(fd_buf *out, const char *text)
{
    static const char fn[] = "fd_building_code_normalize";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    return rc ? rc : building_code(out, fn, "building", text);
}

/* --- floor areas ------------------------------------------------------------------ */

fd_status fd_area_parse(int64_t *out, const char *text)
{
    static const char fn[] = "fd_area_parse";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "area", text, 0, false);
    if (rc)
        return rc;
    if (strlen(text) > TEXT_MAX)
        return fd__error(FD_ERANGE, "%s: area: %zu bytes, at most %d", fn, strlen(text), TEXT_MAX);
    fd_buf norm = FD_BUF_INIT; /* NFKC: full-width digits, ㎡ and m² become m2 */
    if ((rc = fd_text_normalize(&norm, text)) != FD_OK) {
        fd_buf_dispose(&norm);
        return rc;
    }
    const char *s = norm.ptr;
    int64_t whole = 0, frac = 0;
    int ndigits = 0, nfrac = 0;
    if (*s == '+' || *s == '-')
        rc = fd__error(FD_EINVAL, "%s: area: '%.48s': no sign, an area is a size", fn, text);
    for (; rc == FD_OK && *s >= '0' && *s <= '9'; s++, ndigits++) {
        whole = whole * 10 + (*s - '0');
        if (whole > FD_AREA_MAX / 100)
            rc = fd__error(FD_ERANGE, "%s: area: '%.48s' is more than %lld m²", fn, text,
                           (long long)(FD_AREA_MAX / 100));
    }
    if (rc == FD_OK && ndigits == 0)
        rc = fd__error(FD_EINVAL, "%s: area: '%.48s' does not start with a number of square metres", fn, text);
    if (rc == FD_OK && *s == ',')
        rc = fd__error(FD_EINVAL, "%s: area: '%.48s': write it without thousands separators", fn, text);
    if (rc == FD_OK && *s == '.') {
        s++;
        for (; rc == FD_OK && *s >= '0' && *s <= '9'; s++, nfrac++) {
            if (nfrac < 2)
                frac = frac * 10 + (*s - '0');
            else if (*s != '0')
                rc = fd__error(FD_EINVAL, "%s: area: '%.48s' has more than two decimals (0.01 m²); it is not "
                               "rounded", fn, text);
        }
        if (rc == FD_OK && nfrac == 0)
            rc = fd__error(FD_EINVAL, "%s: area: '%.48s': digits must follow the decimal point", fn, text);
    }
    if (nfrac == 1)
        frac *= 10;
    while (rc == FD_OK && *s == ' ')
        s++;
    static const char *const units[] = { "", "m2", "M2", "平方米", "平米", "平方", "平" };
    bool unit = false;
    for (size_t i = 0; rc == FD_OK && i < sizeof units / sizeof *units && !unit; i++)
        unit = strcmp(s, units[i]) == 0;
    if (rc == FD_OK && !unit)
        rc = fd__error(FD_EINVAL, "%s: area: '%.48s': '%.16s' is not a unit of area (m², ㎡, 平方米, 平米)", fn, text,
                       s);
    int64_t v = whole * 100 + frac;
    if (rc == FD_OK && v > FD_AREA_MAX)
        rc = fd__error(FD_ERANGE, "%s: area: '%.48s' is more than %lld m²", fn, text, (long long)(FD_AREA_MAX / 100));
    fd_buf_dispose(&norm);
    if (rc == FD_OK)
        *out = v;
    return rc;
}

fd_status fd_area_format(fd_buf *out, int64_t area_m2x100)
{
    static const char fn[] = "fd_area_format";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    if (area_m2x100 < 0 || area_m2x100 > FD_AREA_MAX)
        return fd__error(FD_ERANGE, "%s: area_m2x100: %lld is outside 0..%lld", fn, (long long)area_m2x100,
                         (long long)FD_AREA_MAX);
    return fd__buf_printf(out, "%lld.%02lld m²", (long long)(area_m2x100 / 100), (long long)(area_m2x100 % 100));
}

/* --- occupancy --------------------------------------------------------------------- */

static bool date_unset(fd_date d)
{
    return d.year == 0 && d.month == 0 && d.day == 0;
}

static int date_cmp(fd_date a, fd_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return a.day < b.day ? -1 : a.day > b.day;
}

/* from <= on < until, each end open when unset; FD_EINVAL naming a bad date. */
static fd_status occupancy(int *out, const char *fn, const char *from_name, fd_date from, const char *until_name,
                           fd_date until, fd_date on)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "on", on);
    if (rc == FD_OK && !date_unset(from))
        rc = fd__check_date(fn, from_name, from);
    if (rc == FD_OK && !date_unset(until))
        rc = fd__check_date(fn, until_name, until);
    if (rc == FD_OK && !date_unset(from) && !date_unset(until) && date_cmp(until, from) <= 0)
        rc = fd__error(FD_EINVAL, "%s: %s: %04d-%02d-%02d is not after %s %04d-%02d-%02d", fn, until_name,
                       (int)until.year, (int)until.month, (int)until.day, from_name, (int)from.year, (int)from.month,
                       (int)from.day);
    if (rc)
        return rc;
    *out = (date_unset(from) || date_cmp(from, on) <= 0) && (date_unset(until) || date_cmp(on, until) < 0);
    return FD_OK;
}

fd_status fd_occupant_current(int *out, const fd_occupant *occupant, fd_date on)
{
    static const char fn[] = "fd_occupant_current";
    fd_status rc = fd__check_ptr(fn, "occupant", occupant);
    if (rc == FD_OK && date_unset(occupant->move_in))
        rc = fd__error(FD_EINVAL, "%s: occupant.move_in: is required", fn);
    return rc ? rc : occupancy(out, fn, "occupant.move_in", occupant->move_in, "occupant.move_out",
                               occupant->move_out, on);
}

fd_status fd_organisation_current(int *out, const fd_organisation *organisation, fd_date on)
{
    static const char fn[] = "fd_organisation_current";
    fd_status rc = fd__check_ptr(fn, "organisation", organisation);
    return rc ? rc : occupancy(out, fn, "organisation.move_in", organisation->move_in, "organisation.move_out",
                               organisation->move_out, on);
}

fd_status fd_employee_current(int *out, const fd_employee *employee, fd_date on)
{
    static const char fn[] = "fd_employee_current";
    fd_date none = { 0, 0, 0 };
    fd_status rc = fd__check_ptr(fn, "employee", employee);
    return rc ? rc : occupancy(out, fn, "from", none, "employee.left_on", employee->left_on, on);
}

/* --- checks as the store makes them -------------------------------------------------- */

/* A phone the store will normalise: FD_EINVAL naming @qname with fd_phone_parse's reason (never the number). */
static fd_status check_phone(const char *fn, const char *qname, const char *phone)
{
    if (phone == NULL || *phone == '\0')
        return FD_OK;
    fd_phone ph;
    fd_status rc = fd_phone_parse(&ph, phone);
    if (rc == FD_OK || rc == FD_ENOMEM)
        return rc;
    /* "fd_phone_parse: text: <why>" -> "fn: qname: <why>"; the reason never holds the number. */
    char why[512];
    const char *m = fd_error_last()->message;
    const char *w = strstr(m, "text: ");
    snprintf(why, sizeof why, "%s", w ? w + 6 : m);
    return fd__error(FD_EINVAL, "%s: %s: %s", fn, qname, why);
}

/* @later after @earlier (both set): FD_EINVAL naming @qname otherwise (R-COM-3). */
static fd_status check_after(const char *fn, const char *qname, fd_date later, const char *earlier_name,
                             fd_date earlier)
{
    if (date_unset(later) || date_unset(earlier) || date_cmp(later, earlier) > 0)
        return FD_OK;
    return fd__error(FD_EINVAL, "%s: %s: %04d-%02d-%02d is not after %s %04d-%02d-%02d", fn, qname, (int)later.year,
                     (int)later.month, (int)later.day, earlier_name, (int)earlier.year, (int)earlier.month,
                     (int)earlier.day);
}

fd_status fd_building_validate(const fd_building *building)
{
    static const char fn[] = "fd_building_validate";
    fd_status rc = fd_building_check(building);
    if (rc)
        return fd__error_context(rc, "%s", fn);
    return building_code(NULL, fn, "building.code", building->code);
}

fd_status fd_unit_validate(const fd_unit *unit)
{
    static const char fn[] = "fd_unit_validate";
    fd_status rc = fd_unit_check(unit);
    if (rc)
        return fd__error_context(rc, "%s", fn);
    parts p;
    if ((rc = cut(fn, "unit.number", unit->number, &p)) != FD_OK)
        return rc;
    if ((rc = check_unit_parts(fn, "unit.number", unit->number, &p)) != FD_OK)
        return rc;
    if ((rc = check_code(fn, "unit.use", "use", unit->use)) != FD_OK)
        return rc;
    const char *f = unit->floor ? unit->floor : "";
    if (*f) {
        const char *d = f[0] == 'B' ? f + 1 : f;
        size_t n = strlen(d);
        if (!all_digits(d) || d[0] == '0' || n > (f[0] == 'B' ? 2u : 3u))
            return fd__error(FD_EINVAL, "%s: unit.floor: '%.8s' is not a floor (12, or B1 for a basement)", fn, f);
    }
    if (unit->area_m2x100 > FD_AREA_MAX)
        return fd__error(FD_ERANGE, "%s: unit.area_m2x100: %lld is above %lld (10,000,000.00 m²)", fn,
                         (long long)unit->area_m2x100, (long long)FD_AREA_MAX);
    return FD_OK;
}

fd_status fd_occupant_validate(const fd_occupant *occupant)
{
    static const char fn[] = "fd_occupant_validate";
    fd_status rc = fd_occupant_check(occupant);
    if (rc)
        return fd__error_context(rc, "%s", fn);
    if ((rc = check_code(fn, "occupant.role", "role", occupant->role)) != FD_OK)
        return rc;
    if ((rc = check_phone(fn, "occupant.phone", occupant->phone)) != FD_OK)
        return rc;
    return check_after(fn, "occupant.move_out", occupant->move_out, "move_in", occupant->move_in);
}

fd_status fd_organisation_validate(const fd_organisation *organisation)
{
    static const char fn[] = "fd_organisation_validate";
    fd_status rc = fd_organisation_check(organisation);
    if (rc)
        return fd__error_context(rc, "%s", fn);
    if ((rc = check_phone(fn, "organisation.phone", organisation->phone)) != FD_OK)
        return rc;
    return check_after(fn, "organisation.move_out", organisation->move_out, "move_in", organisation->move_in);
}

fd_status fd_employee_validate(const fd_employee *employee)
{
    static const char fn[] = "fd_employee_validate";
    fd_status rc = fd_employee_check(employee);
    if (rc)
        return fd__error_context(rc, "%s", fn);
    return check_phone(fn, "employee.phone", employee->phone);
}
