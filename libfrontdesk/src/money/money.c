/*
 * Money as int64 fen (R-FEE-4): capital numerals for receipts, display,
 * parsing, and arithmetic that rounds in a named mode. No floating point
 * anywhere; no allocation beyond the caller's fd_buf.
 */
#include "internal.h"
#include "frontdesk/money.h"

#include <stdio.h>
#include <string.h>

#define MAG_MAX ((uint64_t)INT64_MAX + 1u) /* |INT64_MIN| */

/* |v| as an unsigned number, defined for INT64_MIN too. */
static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Sign and magnitude back to int64; false when it does not fit. */
static bool from_magnitude(int64_t *out, bool negative, uint64_t mag)
{
    if (negative) {
        if (mag > MAG_MAX)
            return false;
        *out = mag == MAG_MAX ? INT64_MIN : -(int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX)
            return false;
        *out = (int64_t)mag;
    }
    return true;
}

/* ---------------------------------------------------------------------------
 * Capital numerals (R-FEE-4; PBoC 正确填写票据和结算凭证的基本规定)
 * ------------------------------------------------------------------------- */

static const char *const UPPER_DIGIT[10] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
static const char *const UPPER_SMALL_UNIT[4] = { "", "拾", "佰", "仟" };

typedef struct text_acc {
    char buf[512]; /* the longest amount (INT64_MIN) needs well under 300 bytes */
    size_t len;
} text_acc;

static void acc_put(text_acc *a, const char *s)
{
    size_t n = strlen(s);
    memcpy(a->buf + a->len, s, n);
    a->len += n;
}

/*
 * One group of four digits, 1..9999. Zeros between nonzero digits become one
 * 零 (PBoC rule 3(1)(2): ¥1,409.50 → 壹仟肆佰零玖; ¥6,007.14 → 陆仟零柒);
 * trailing zeros are not written.
 */
static void upper_group(text_acc *a, unsigned n)
{
    static const unsigned pow10[4] = { 1, 10, 100, 1000 };
    bool started = false, zero = false;
    for (int pos = 3; pos >= 0; pos--) {
        unsigned d = n / pow10[pos] % 10;
        if (d == 0) {
            zero = started;
            continue;
        }
        if (zero)
            acc_put(a, "零");
        zero = false;
        started = true;
        acc_put(a, UPPER_DIGIT[d]);
        acc_put(a, UPPER_SMALL_UNIT[pos]);
    }
}

/*
 * A positive whole number of yuan. Above 10^8 the number splits into
 * (high)亿(low), the high part written by the same rules (so 10^12 is 壹万亿 and
 * 10^16 壹亿亿); likewise (high)万(low) below 10^8. A low part that does not
 * fill its width (fewer than 8 or 4 digits) starts with 零: 壹亿零壹, 壹万零贰佰.
 */
static void upper_int(text_acc *a, uint64_t n)
{
    if (n >= 100000000u) {
        upper_int(a, n / 100000000u);
        acc_put(a, "亿");
        uint64_t lo = n % 100000000u;
        if (lo) {
            if (lo < 10000000u)
                acc_put(a, "零");
            upper_int(a, lo);
        }
    } else if (n >= 10000u) {
        upper_group(a, (unsigned)(n / 10000u));
        acc_put(a, "万");
        unsigned lo = (unsigned)(n % 10000u);
        if (lo) {
            if (lo < 1000u)
                acc_put(a, "零");
            upper_group(a, lo);
        }
    } else {
        upper_group(a, (unsigned)n);
    }
}

/* R-FEE-4: the amount of a receipt in capital numerals. */
fd_status fd_money_upper(fd_buf *out, int64_t fen)
{
    fd_status rc = fd__check_ptr("fd_money_upper", "out", out);
    if (rc)
        return rc;
    text_acc a;
    a.len = 0;
    uint64_t mag = magnitude(fen), yuan = mag / 100u;
    unsigned jiao = (unsigned)(mag / 10u % 10u), fen_digit = (unsigned)(mag % 10u);
    if (fen < 0)
        acc_put(&a, "负");
    if (mag == 0) {
        acc_put(&a, "零元整");
    } else if (yuan == 0) {
        /* Under one yuan: only the jiao and fen that are there (伍角, 伍分). */
        if (jiao) {
            acc_put(&a, UPPER_DIGIT[jiao]);
            acc_put(&a, "角");
        }
        if (fen_digit) {
            acc_put(&a, UPPER_DIGIT[fen_digit]);
            acc_put(&a, "分");
        }
    } else {
        upper_int(&a, yuan);
        acc_put(&a, "元");
        if (jiao == 0 && fen_digit == 0) {
            acc_put(&a, "整"); /* rule 2: 整 after 元 */
        } else {
            if (jiao) {
                acc_put(&a, UPPER_DIGIT[jiao]);
                acc_put(&a, "角");
            } else {
                acc_put(&a, "零"); /* rule 3(4): 角 is 0, 分 is not: 元 is followed by 零 */
            }
            if (fen_digit) {
                acc_put(&a, UPPER_DIGIT[fen_digit]);
                acc_put(&a, "分");
            }
        }
    }
    fd__buf_clear(out);
    return fd__buf_put(out, a.buf, a.len);
}

/* ---------------------------------------------------------------------------
 * Display
 * ------------------------------------------------------------------------- */

fd_status fd_money_format_options_init(fd_money_format_options *opts, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_money_format_options_init", "opts", opts);
    if (rc)
        return rc;
    if (version != FD_MONEY_FORMAT_OPTIONS_VERSION)
        return fd__error(FD_EINVAL, "fd_money_format_options_init: version: %u is not a known version (%d)",
                         version, FD_MONEY_FORMAT_OPTIONS_VERSION);
    fd_money_format_options init = FD_MONEY_FORMAT_OPTIONS_INIT;
    memcpy(opts, &init, sizeof init);
    return FD_OK;
}

fd_status fd_money_format(fd_buf *out, int64_t fen, const fd_money_format_options *opts)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_status rc = fd__check_ptr("fd_money_format", "out", out);
    if (rc)
        return rc;
    fd_money_format_options defaults = FD_MONEY_FORMAT_OPTIONS_INIT;
    if (opts == NULL)
        opts = &defaults;
    else if (opts->version != FD_MONEY_FORMAT_OPTIONS_VERSION)
        return fd__error(FD_EINVAL, "fd_money_format: opts.version: %u is not a known version (%d)",
                         opts->version, FD_MONEY_FORMAT_OPTIONS_VERSION);
    /* Written backwards into a small array: no allocation, no printf. */
    char tmp[64];
    char *p = tmp + sizeof tmp;
    uint64_t mag = magnitude(fen);
    *--p = (char)('0' + mag % 10u);
    *--p = (char)('0' + mag / 10u % 10u);
    *--p = '.';
    uint64_t yuan = mag / 100u;
    int digits = 0;
    do {
        if (opts->grouping && digits > 0 && digits % 3 == 0)
            *--p = ',';
        *--p = (char)('0' + yuan % 10u);
        yuan /= 10u;
        digits++;
    } while (yuan);
    if (opts->symbol) {
        p -= 2;
        memcpy(p, "\xC2\xA5", 2); /* ¥ U+00A5 */
    }
    if (fen < 0)
        *--p = '-';
    fd__buf_clear(out);
    return fd__buf_put(out, p, (size_t)(tmp + sizeof tmp - p));
}

/* ---------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------- */

#define PARSE_FN "fd_money_parse"
#define MAX_CPS 256

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

/* Kinds of capital-numeral tokens. */
enum { T_DIGIT, T_UNIT, T_BIG, T_YUAN, T_JIAO, T_FEN, T_ZHENG, T_NEG, T_OTHER, T_NUM };

typedef struct cap_token {
    int kind;
    unsigned value; /* digit value, or the unit (10, 100, 1000, 10^4, 10^8) */
} cap_token;

/* Classifies a character of capital or ordinary numerals (繁体 too). */
static cap_token classify(uint32_t c)
{
    cap_token t = { T_OTHER, 0 };
    switch (c) {
    case 0x96F6: case 0x3007: t.kind = T_DIGIT; t.value = 0; break;                   /* 零 〇 */
    case 0x58F9: case 0x4E00: case 0x5F0C: t.kind = T_DIGIT; t.value = 1; break;      /* 壹 一 弌 */
    case 0x8D30: case 0x8CB3: case 0x4E8C: case 0x4E24: case 0x5169:                   /* 贰 貳 二 两 兩 */
        t.kind = T_DIGIT; t.value = 2; break;
    case 0x53C1: case 0x53C3: case 0x4E09: t.kind = T_DIGIT; t.value = 3; break;      /* 叁 參 三 */
    case 0x8086: case 0x56DB: t.kind = T_DIGIT; t.value = 4; break;                   /* 肆 四 */
    case 0x4F0D: case 0x4E94: t.kind = T_DIGIT; t.value = 5; break;                   /* 伍 五 */
    case 0x9646: case 0x9678: case 0x516D: t.kind = T_DIGIT; t.value = 6; break;      /* 陆 陸 六 */
    case 0x67D2: case 0x4E03: t.kind = T_DIGIT; t.value = 7; break;                   /* 柒 七 */
    case 0x634C: case 0x516B: t.kind = T_DIGIT; t.value = 8; break;                   /* 捌 八 */
    case 0x7396: case 0x4E5D: t.kind = T_DIGIT; t.value = 9; break;                   /* 玖 九 */
    case 0x62FE: case 0x5341: t.kind = T_UNIT; t.value = 10; break;                   /* 拾 十 */
    case 0x4F70: case 0x767E: t.kind = T_UNIT; t.value = 100; break;                  /* 佰 百 */
    case 0x4EDF: case 0x5343: t.kind = T_UNIT; t.value = 1000; break;                 /* 仟 千 */
    case 0x4E07: case 0x842C: t.kind = T_BIG; t.value = 10000; break;                 /* 万 萬 */
    case 0x4EBF: case 0x5104: t.kind = T_BIG; t.value = 100000000; break;             /* 亿 億 */
    case 0x5143: case 0x5706: case 0x5713: t.kind = T_YUAN; break;                    /* 元 圆 圓 */
    case 0x89D2: t.kind = T_JIAO; break;                                              /* 角 */
    case 0x5206: t.kind = T_FEN; break;                                               /* 分 */
    case 0x6574: case 0x6B63: t.kind = T_ZHENG; break;                                /* 整 正 */
    case 0x8D1F: case 0x8CA0: t.kind = T_NEG; break;                                  /* 负 負 */
    default: break;
    }
    return t;
}

/* Largest whole-yuan magnitude whose fen still fit |INT64_MIN|. */
#define YUAN_MAX (MAG_MAX / 100u)

static fd_status too_big(const char *text)
{
    return fd__error(FD_ERANGE, PARSE_FN ": text: '%s' is too large: amounts are limited to "
                     "int64 fen (about ±92,233,720,368,547,758.07 yuan)", text);
}

/* 壹佰伍 is 150 when spoken but 105 to a careless reader: refuse to guess. */
static fd_status ambiguous(const char *text)
{
    return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' is ambiguous: a digit after 佰, 仟, 万 or 亿 "
                     "needs its unit or a 零 before it (壹佰伍拾 or 壹佰零伍, not 壹佰伍)", text);
}

/* Writes the sign and magnitude (in fen) if they fit. */
static fd_status finish(int64_t *out, const char *text, bool negative, uint64_t yuan, unsigned frac)
{
    if (yuan > YUAN_MAX)
        return too_big(text);
    int64_t v;
    if (!from_magnitude(&v, negative, yuan * 100u + frac))
        return too_big(text);
    *out = v;
    return FD_OK;
}

/*
 * Capital numerals: [负][人民币][负] integer [元|圆] [零] [d角] [零] [d分] [整|正].
 * The integer part is read as Chinese numbers are spoken: digits times 拾佰仟
 * (in falling order) inside a group, a group times 万, everything before 亿
 * times 亿 (so 壹万亿 is 10^12 and 壹亿亿 10^16, as fd_money_upper writes them).
 */
static fd_status parse_capital(int64_t *out, const char *text, const uint32_t *cps, size_t n)
{
    cap_token tok[MAX_CPS];
    uint64_t nums[MAX_CPS]; /* the value of a T_NUM token (a run of digits) */
    size_t nt = 0;
    bool negative = false, sign_done = false;
    for (size_t i = 0; i < n; i++) {
        if (is_space(cps[i]))
            continue;
        if (nt == 0 && i + 2 < n && cps[i] == 0x4EBA && cps[i + 1] == 0x6C11 &&
            (cps[i + 2] == 0x5E01 || cps[i + 2] == 0x5E63)) { /* 人民币 / 人民幣 */
            i += 2;
            continue;
        }
        cap_token t = classify(cps[i]);
        if (t.kind == T_NEG) {
            if (sign_done || nt > 0)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has 负 where it cannot be: "
                                 "the sign comes once, before the amount", text);
            negative = sign_done = true;
            continue;
        }
        if (cps[i] >= '0' && cps[i] <= '9') {
            /* Digits with 元角分 (12元5角3分, 12元零5分, 5角, 3分, 1亿2000万元): a run of digits
             * is the whole yuan (or a group before 万/亿); one digit before 角 or 分 is that digit. */
            uint64_t v = 0;
            size_t len = 0;
            bool over = false;
            for (; i < n && cps[i] >= '0' && cps[i] <= '9'; i++, len++) {
                if (v > (YUAN_MAX - (cps[i] - '0')) / 10)
                    over = true;
                else
                    v = v * 10 + (cps[i] - '0');
            }
            size_t j = i--;
            while (j < n && is_space(cps[j]))
                j++;
            int next = j < n ? classify(cps[j]).kind : T_OTHER;
            if (next == T_JIAO || next == T_FEN) {
                if (len == 2 && v < 10) { /* 05分: 零 and the digit */
                    tok[nt].kind = T_DIGIT;
                    tok[nt++].value = 0;
                    len = 1;
                }
                if (len != 1)
                    return fd__error(FD_EINVAL, PARSE_FN ": text: '%s': %s takes one digit (12元5角3分)", text,
                                     next == T_JIAO ? "角" : "分");
                tok[nt].kind = T_DIGIT;
                tok[nt++].value = (unsigned)v;
            } else if (next == T_YUAN || next == T_BIG) {
                if (over)
                    return too_big(text);
                if (nt > 0 && tok[nt - 1].kind == T_BIG && len == 1)
                    return ambiguous(text);
                nums[nt] = v;
                tok[nt].kind = T_NUM;
                tok[nt++].value = 0;
            } else {
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' mixes digits with numerals; write the amount "
                                 "in digits (12.53), in numerals (拾贰元伍角叁分) or digits with 元角分 "
                                 "(12元5角3分)", text);
            }
            continue;
        }
        if (t.kind == T_OTHER) {
            char ch[5];
            ch[fd__utf8_put(ch, cps[i])] = '\0';
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' mixes capital numerals with '%s'; "
                             "write the amount either in digits or in numerals", text, ch);
        }
        tok[nt++] = t;
    }

    /* Integer part. parts[] holds values already multiplied by 万 or 亿. */
    uint64_t parts[8];
    unsigned mags[8];
    size_t np = 0, i = 0;
    uint64_t group = 0;       /* the current group below 万 */
    int digit = -1;           /* a digit waiting for its unit */
    unsigned last_unit = 10000; /* units inside a group must fall */
    bool any_int = false, zero_seen = false;
    bool bare = false; /* the waiting digit follows 佰, 仟, 万 or 亿 with no 零 between */
    int prev = -1;     /* kind of the previous token */
    unsigned prev_value = 0;
    for (; i < nt; prev = tok[i].kind, prev_value = tok[i].value, i++) {
        cap_token t = tok[i];
        if (t.kind == T_DIGIT) {
            if (i + 1 < nt && (tok[i + 1].kind == T_JIAO || tok[i + 1].kind == T_FEN))
                break; /* the jiao or fen digit */
            if (t.value == 0) {
                if (digit > 0)
                    return fd__error(FD_EINVAL, PARSE_FN ": text: '%s': a digit before 零 has no unit", text);
                zero_seen = true;
                continue;
            }
            if (digit > 0)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has two digits in a row without a unit "
                                 "between them", text);
            digit = (int)t.value;
            bare = !zero_seen && (prev == T_BIG || (prev == T_UNIT && prev_value > 10));
            any_int = true;
        } else if (t.kind == T_UNIT) {
            unsigned d;
            if (digit > 0) {
                d = (unsigned)digit;
            } else if (t.value == 10 && group == 0 && last_unit == 10000 && !zero_seen) {
                d = 1; /* 拾元 = 10 yuan, as in speech (十) */
            } else {
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s': a unit (拾, 佰 or 仟) has no digit before it",
                                 text);
            }
            if (t.value >= last_unit)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s': the units 拾, 佰, 仟 are out of order", text);
            group += d * t.value;
            last_unit = t.value;
            digit = -1;
            zero_seen = false;
            any_int = true;
        } else if (t.kind == T_NUM) {
            if (group != 0 || digit > 0 || zero_seen || last_unit != 10000)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' mixes digits with numerals in the whole yuan",
                                 text);
            group = nums[i];
            last_unit = 1; /* no 拾佰仟 after digits */
            any_int = true;
        } else if (t.kind == T_BIG) {
            if (digit > 0 && bare)
                return ambiguous(text);
            uint64_t s = group + (uint64_t)(digit > 0 ? digit : 0);
            if (t.value == 10000) {
                if (np > 0 && mags[np - 1] == 10000)
                    return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has 万 twice in one group", text);
            } else {
                while (np > 0) /* everything before 亿 is multiplied by it */
                    s += parts[--np];
            }
            if (s == 0)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s': 万 or 亿 has no digits before it", text);
            if (s > YUAN_MAX / t.value)
                return too_big(text);
            if (np == sizeof parts / sizeof parts[0])
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has too many groups", text);
            parts[np] = s * t.value;
            mags[np++] = t.value;
            group = 0;
            digit = -1;
            last_unit = 10000;
            zero_seen = false;
        } else {
            break;
        }
    }
    if (digit > 0 && bare)
        return ambiguous(text);
    uint64_t yuan = group + (uint64_t)(digit > 0 ? digit : 0);
    for (size_t k = 0; k < np; k++)
        yuan += parts[k];
    if (yuan > YUAN_MAX)
        return too_big(text);

    bool have_yuan = false;
    if (i < nt && tok[i].kind == T_YUAN) {
        have_yuan = true;
        i++;
    }
    int jiao = -1, fen = -1;
    bool zheng = false;
    while (i < nt) {
        cap_token t = tok[i];
        if (zheng)
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' goes on after 整", text);
        if (t.kind == T_ZHENG) {
            if (!have_yuan && jiao < 0)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s': 整 comes after 元 or 角", text);
            zheng = true;
            i++;
        } else if (t.kind == T_DIGIT && t.value == 0 && i + 1 < nt && tok[i + 1].kind == T_DIGIT) {
            i++; /* 零 before the jiao or fen digit (rule 3(4)) */
        } else if (t.kind == T_DIGIT && i + 1 < nt && tok[i + 1].kind == T_JIAO && jiao < 0 && fen < 0) {
            jiao = (int)t.value;
            i += 2;
        } else if (t.kind == T_DIGIT && i + 1 < nt && tok[i + 1].kind == T_FEN && fen < 0) {
            fen = (int)t.value;
            i += 2;
        } else {
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' is not an amount in capital numerals "
                             "(such as 壹仟零伍元整 or 伍角伍分)", text);
        }
    }
    if (!have_yuan && any_int)
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has no 元 after the whole yuan", text);
    if (!have_yuan && jiao < 0 && fen < 0)
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has no amount", text);
    unsigned frac = (unsigned)((jiao > 0 ? jiao : 0) * 10 + (fen > 0 ? fen : 0));
    return finish(out, text, negative, yuan, frac);
}

/*
 * Digits: [sign][¥|RMB|CNY][sign] d[,ddd]...[.d[d]] [元|圆][整|正], spaces around
 * the parts. Refuses more than two decimals: "1.234" is either over-precise or
 * a European thousands point, and guessing which is how money goes missing.
 */
static fd_status parse_digits(int64_t *out, const char *text, const uint32_t *c, size_t n)
{
    size_t i = 0;
    int sign = 0; /* 0 none, +1, -1 */
    bool currency = false;
    for (;;) {
        while (i < n && is_space(c[i]))
            i++;
        if (i < n && (c[i] == '-' || c[i] == '+')) {
            if (sign)
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has more than one sign", text);
            sign = c[i] == '-' ? -1 : 1;
            i++;
            continue;
        }
        if (!currency && i < n && c[i] == 0xA5) {
            currency = true;
            i++;
            continue;
        }
        if (!currency && i + 2 < n) {
            uint32_t a = c[i] | 0x20, b = c[i + 1] | 0x20, d = c[i + 2] | 0x20;
            if ((a == 'r' && b == 'm' && d == 'b') || (a == 'c' && b == 'n' && d == 'y')) {
                currency = true;
                i += 3;
                continue;
            }
        }
        break;
    }
    if (i >= n || !((c[i] >= '0' && c[i] <= '9') || c[i] == '.' || c[i] == ','))
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has no digits where the amount should be",
                         text);
    /* Whole yuan, with optional grouping in threes. */
    uint64_t yuan = 0;
    size_t group_len = 0, groups = 0;
    bool grouped = false, any = false, overflow = false;
    for (; i < n && ((c[i] >= '0' && c[i] <= '9') || c[i] == ','); i++) {
        if (c[i] == ',') {
            if (group_len == 0 || (groups == 0 && group_len > 3) || (groups > 0 && group_len != 3))
                return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has ',' in the wrong place: "
                                 "group digits in threes (1,234,567.89)", text);
            grouped = true;
            groups++;
            group_len = 0;
            continue;
        }
        any = true;
        group_len++;
        if (yuan > (YUAN_MAX - (c[i] - '0')) / 10)
            overflow = true;
        else
            yuan = yuan * 10 + (c[i] - '0');
    }
    if (grouped && group_len != 3)
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has ',' in the wrong place: group digits "
                         "in threes (1,234,567.89)", text);
    if (!any)
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' needs a digit before the decimal point", text);
    unsigned frac = 0;
    if (i < n && c[i] == '.') {
        i++;
        size_t k = 0;
        for (; i < n && c[i] >= '0' && c[i] <= '9'; i++, k++)
            if (k < 2)
                frac = frac * 10 + (c[i] - '0');
        if (k == 0)
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' needs a digit after the decimal point", text);
        if (k > 2)
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has %zu digits after the decimal point; "
                             "amounts have at most 2 (fen)", text, k);
        if (k == 1)
            frac *= 10;
    }
    while (i < n && is_space(c[i]))
        i++;
    if (i < n && (c[i] == 0x5143 || c[i] == 0x5706 || c[i] == 0x5713)) { /* 元 圆 圓 */
        i++;
        if (i < n && (c[i] == 0x6574 || c[i] == 0x6B63)) /* 整 正 */
            i++;
    }
    while (i < n && is_space(c[i]))
        i++;
    if (i < n) {
        if (c[i] == '-' || c[i] == '+')
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has a sign after the digits", text);
        if (c[i] == '.')
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has more than one decimal point", text);
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' has unexpected characters after the amount",
                         text);
    }
    if (overflow)
        return too_big(text);
    return finish(out, text, sign < 0, yuan, frac);
}

fd_status fd_money_parse(int64_t *out, const char *text)
{
    fd_status rc = fd__check_ptr(PARSE_FN, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(PARSE_FN, "text", text, 0, false);
    if (rc)
        return rc;
    uint32_t cps[MAX_CPS];
    size_t n = 0;
    bool capital = false;
    const unsigned char *s = (const unsigned char *)text;
    while (*s) {
        if (n == MAX_CPS)
            return fd__error(FD_EINVAL, PARSE_FN ": text: '%.40s...' is too long for an amount "
                             "(more than %d characters)", text, MAX_CPS);
        uint32_t cp = fd__fold_char(fd__utf8_next(&s), FD__FOLD_WIDTH | FD__FOLD_SPACE | FD__FOLD_MINUS);
        cap_token t = classify(cp);
        if (t.kind == T_DIGIT || t.kind == T_UNIT || t.kind == T_BIG || t.kind == T_JIAO ||
            t.kind == T_FEN || t.kind == T_NEG || cp == 0x4EBA /* 人 of 人民币 */)
            capital = true;
        cps[n++] = cp;
    }
    size_t first = 0;
    while (first < n && is_space(cps[first]))
        first++;
    if (first == n)
        return fd__error(FD_EINVAL, PARSE_FN ": text: '%s' is empty, not an amount", text);
    return capital ? parse_capital(out, text, cps, n) : parse_digits(out, text, cps, n);
}

/* ---------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------- */

fd_status fd_money_add(int64_t *out, int64_t a, int64_t b)
{
    fd_status rc = fd__check_ptr("fd_money_add", "out", out);
    if (rc)
        return rc;
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return fd__error(FD_ERANGE, "fd_money_add: a + b: %lld + %lld fen overflows int64",
                         (long long)a, (long long)b);
    *out = a + b;
    return FD_OK;
}

fd_status fd_money_sub(int64_t *out, int64_t a, int64_t b)
{
    fd_status rc = fd__check_ptr("fd_money_sub", "out", out);
    if (rc)
        return rc;
    if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b))
        return fd__error(FD_ERANGE, "fd_money_sub: a - b: %lld - %lld fen overflows int64",
                         (long long)a, (long long)b);
    *out = a - b;
    return FD_OK;
}

/* Full 64x64 → 128-bit product, portable (no __int128), from 32-bit halves. */
static void mul_64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* (hi:lo) / d for hi < d (so the quotient fits 64 bits): restoring division. */
static uint64_t div_128x64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
    uint64_t r = hi, q = 0;
    for (int bit = 63; bit >= 0; bit--) {
        uint64_t carry = r >> 63;
        r = (r << 1) | ((lo >> bit) & 1u);
        q <<= 1;
        if (carry || r >= d) {
            r -= d;
            q |= 1u;
        }
    }
    *rem = r;
    return q;
}

static bool known_mode(fd_money_round mode)
{
    return (int)mode >= FD_MONEY_ROUND_HALF_UP && (int)mode <= FD_MONEY_ROUND_CEILING;
}

/*
 * Rounds the exact quotient q + r/d (q, r, d magnitudes, 0 <= r < d) of a
 * value with sign @negative, in @mode; the one place where money is rounded.
 * Returns false when q + 1 would overflow uint64 (cannot happen for callers
 * here, whose q is at most 2^64-1 only when they report FD_ERANGE anyway).
 */
static bool round_quotient(uint64_t *q, uint64_t r, uint64_t d, bool negative, fd_money_round mode)
{
    if (r == 0)
        return true;
    bool up;
    uint64_t rest = d - r; /* compare r with d/2 without overflow: r >= rest <=> 2r >= d */
    switch (mode) {
    case FD_MONEY_ROUND_HALF_UP: up = r >= rest; break;
    case FD_MONEY_ROUND_HALF_EVEN: up = r > rest || (r == rest && (*q & 1u)); break;
    case FD_MONEY_ROUND_DOWN: up = false; break;
    case FD_MONEY_ROUND_UP: up = true; break;
    case FD_MONEY_ROUND_FLOOR: up = negative; break;
    case FD_MONEY_ROUND_CEILING: up = !negative; break;
    default: up = false; break;
    }
    if (up) {
        if (*q == UINT64_MAX)
            return false;
        (*q)++;
    }
    return true;
}

/* R-FEE-7 and every other share of a fee: fen × num / den, rounded once. */
fd_status fd_money_mul_ratio(int64_t *out, int64_t fen, int64_t num, int64_t den, fd_money_round mode)
{
    fd_status rc = fd__check_ptr("fd_money_mul_ratio", "out", out);
    if (rc)
        return rc;
    if (den == 0)
        return fd__error(FD_EINVAL, "fd_money_mul_ratio: den: must not be 0");
    if (!known_mode(mode))
        return fd__error(FD_EINVAL, "fd_money_mul_ratio: mode: %d is not a rounding mode", (int)mode);
    bool negative = ((fen < 0) != (num < 0)) != (den < 0);
    uint64_t a = magnitude(fen), b = magnitude(num), d = magnitude(den), q, r;
    if (b == 0 || a <= UINT64_MAX / b) {
        uint64_t p = a * b; /* the common case: the product fits 64 bits */
        q = p / d;
        r = p % d;
    } else {
        uint64_t hi, lo;
        mul_64x64(a, b, &hi, &lo);
        if (hi >= d)
            return fd__error(FD_ERANGE, "fd_money_mul_ratio: %lld × %lld / %lld fen overflows int64",
                             (long long)fen, (long long)num, (long long)den);
        q = div_128x64(hi, lo, d, &r);
    }
    int64_t v;
    if (!round_quotient(&q, r, d, negative, mode) || !from_magnitude(&v, negative && q != 0, q))
        return fd__error(FD_ERANGE, "fd_money_mul_ratio: %lld × %lld / %lld fen overflows int64",
                         (long long)fen, (long long)num, (long long)den);
    *out = v;
    return FD_OK;
}

fd_status fd_money_round_to(int64_t *out, int64_t fen, int64_t unit, fd_money_round mode)
{
    fd_status rc = fd__check_ptr("fd_money_round_to", "out", out);
    if (rc)
        return rc;
    if (unit <= 0)
        return fd__error(FD_EINVAL, "fd_money_round_to: unit: %lld fen is not positive", (long long)unit);
    if (!known_mode(mode))
        return fd__error(FD_EINVAL, "fd_money_round_to: mode: %d is not a rounding mode", (int)mode);
    bool negative = fen < 0;
    uint64_t d = (uint64_t)unit, a = magnitude(fen), q = a / d, r = a % d;
    int64_t v;
    round_quotient(&q, r, d, negative, mode); /* q <= 2^63: cannot overflow */
    if (q != 0 && q > MAG_MAX / d)
        return fd__error(FD_ERANGE, "fd_money_round_to: %lld fen rounded to a multiple of %lld overflows int64",
                         (long long)fen, (long long)unit);
    if (!from_magnitude(&v, negative, q * d))
        return fd__error(FD_ERANGE, "fd_money_round_to: %lld fen rounded to a multiple of %lld overflows int64",
                         (long long)fen, (long long)unit);
    *out = v;
    return FD_OK;
}
