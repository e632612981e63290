/**
 * @file frontdesk/money.h
 * @brief Money as `int64_t` fen (分): amounts in Chinese capital numerals for
 *        receipts (R-FEE-4), display with ¥ and grouping, parsing of what
 *        people type, and arithmetic that rounds in a named mode.
 *
 * Money is never floating point: 1 yuan (元) = 10 jiao (角) = 100 fen (分),
 * and every amount is a count of fen. Every function here is pure and
 * thread-safe (it touches only its arguments and read-only tables).
 *
 * Rounding happens only in the functions that take an ::fd_money_round mode,
 * one named step at a time, so every rounding step can be tested.
 */
#ifndef FRONTDESK_MONEY_H
#define FRONTDESK_MONEY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * How a result that falls between two fen (or two multiples of a unit) is
 * rounded. The numbers are part of the ABI.
 */
typedef enum fd_money_round {
    /** Halves away from zero (四舍五入): 2.5 → 3, -2.5 → -3. The default. */
    FD_MONEY_ROUND_HALF_UP = 0,
    /** Halves to the even neighbour (banker's rounding): 2.5 → 2, 3.5 → 4. */
    FD_MONEY_ROUND_HALF_EVEN = 1,
    /** Toward zero, i.e. truncate (去尾): 2.9 → 2, -2.9 → -2. */
    FD_MONEY_ROUND_DOWN = 2,
    /** Away from zero (进一): 2.1 → 3, -2.1 → -3. */
    FD_MONEY_ROUND_UP = 3,
    /** Toward minus infinity: 2.9 → 2, -2.1 → -3. */
    FD_MONEY_ROUND_FLOOR = 4,
    /** Toward plus infinity: 2.1 → 3, -2.9 → -2. */
    FD_MONEY_ROUND_CEILING = 5
} fd_money_round;

/**
 * Writes @p fen in Chinese capital numerals the way bills and receipts need
 * it (R-FEE-4), by the People's Bank of China rules in 正确填写票据和结算凭证的
 * 基本规定: 壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分, 整 after 元 when
 * there are no jiao or fen, 零 for zeros inside the number.
 *
 * Examples: 1020050 → 壹万零贰佰元伍角, 100 → 壹元整, 5 → 伍分,
 * 100500 → 壹仟零伍元整, 100507 → 壹仟零伍元零柒分, 1000 → 壹拾元整,
 * 0 → 零元整, -100 → 负壹元整, 10000000100 → 壹亿零壹元整.
 * Choices where the rules allow two forms (docs/modules/money.md): no 整
 * after 角; no 零 between 元 and 角 when the yuan digit is 0 (¥1,680.32 →
 * 壹仟陆佰捌拾元叁角贰分); a 万 group that starts with a nonzero digit takes no
 * 零 (¥107,000.53 → 壹拾万柒仟元伍角叁分); 10..19 are written 壹拾...; amounts of
 * 10^16 yuan and more nest 亿 (壹亿亿). The whole int64 range is covered.
 *
 * @param out  receives the text (UTF-8); reused without allocation when big enough
 * @param fen  the amount in fen, any int64 value
 * @return ::FD_OK, ::FD_EINVAL (NULL @p out), ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_money_upper(fd_buf *out, int64_t fen);

/** Options of fd_money_format(). */
typedef struct fd_money_format_options {
    unsigned int version; /**< ::FD_MONEY_FORMAT_OPTIONS_VERSION */
    int symbol;           /**< 1: prefix "¥" (default); 0: no symbol */
    int grouping;         /**< 1: "," every three digits (default); 0: none */
} fd_money_format_options;

/** The current version of ::fd_money_format_options. */
#define FD_MONEY_FORMAT_OPTIONS_VERSION 1
/** Initialiser with the defaults: symbol and grouping on. */
#define FD_MONEY_FORMAT_OPTIONS_INIT { FD_MONEY_FORMAT_OPTIONS_VERSION, 1, 1 }

/**
 * Fills @p opts with the defaults, as ::FD_MONEY_FORMAT_OPTIONS_INIT does.
 * @param opts  the options to fill
 * @param version ::FD_MONEY_FORMAT_OPTIONS_VERSION
 * @return ::FD_OK, or ::FD_EINVAL for NULL or an unknown version.
 */
FD_API fd_status fd_money_format_options_init(fd_money_format_options *opts, unsigned int version);

/**
 * Writes @p fen as yuan with two decimals: 123450 → "¥1,234.50",
 * -5 → "-¥0.05"; without symbol and grouping "1234.50".
 *
 * @param out  receives the text
 * @param fen  any int64 value
 * @param opts NULL for the defaults (symbol and grouping)
 * @return ::FD_OK, ::FD_EINVAL (NULL @p out, unknown options version), ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_money_format(fd_buf *out, int64_t fen, const fd_money_format_options *opts);

/**
 * Reads an amount in yuan as people type it and returns it in fen.
 *
 * Accepted: digits with at most two decimals ("1234.5", "0.01"), "," grouping
 * in threes ("1,234.50"), a leading "¥" / "￥" / "RMB" / "CNY", a trailing "元"
 * or "圆" (and "整"), a sign "-" or "+" (before or after the symbol), full-width
 * digits and punctuation (１２３４．５０), spaces around; or capital (or
 * ordinary) numerals such as "壹仟零伍元整", "人民币壹万零贰佰元伍角", "负伍分".
 *
 * Refused with ::FD_EINVAL and a message quoting @p text: the empty string,
 * more than two decimals ("1.234": over-precise, or a European thousands
 * point), misplaced grouping ("1,23", "1,2345"), a doubled sign ("--1"), other
 * characters. Refused with ::FD_ERANGE: amounts beyond int64 fen.
 *
 * @param out  receives the amount in fen; unchanged on error
 * @param text UTF-8
 * Thread safety: safe.
 */
FD_API fd_status fd_money_parse(int64_t *out, const char *text);

/**
 * `*out = a + b`, or ::FD_ERANGE (nothing written) when the sum leaves int64.
 * Thread safety: safe.
 */
FD_API fd_status fd_money_add(int64_t *out, int64_t a, int64_t b);

/**
 * `*out = a - b`, or ::FD_ERANGE (nothing written) when the difference leaves int64.
 * Thread safety: safe.
 */
FD_API fd_status fd_money_sub(int64_t *out, int64_t a, int64_t b);

/**
 * `*out = fen × num / den`, computed exactly (128-bit intermediate) and
 * rounded once to whole fen in @p mode. Used for shares of a fee, such as
 * the 70 % that property under custody pays (R-FEE-7: num 70, den 100).
 *
 * @return ::FD_OK; ::FD_EINVAL for den 0 or an unknown mode; ::FD_ERANGE when
 *         the rounded result does not fit in int64 (nothing written).
 * Thread safety: safe.
 */
FD_API fd_status fd_money_mul_ratio(int64_t *out, int64_t fen, int64_t num, int64_t den,
                                    fd_money_round mode);

/**
 * Rounds @p fen to a multiple of @p unit fen in @p mode: unit 10 rounds to
 * whole jiao, 100 to whole yuan (抹零 with ::FD_MONEY_ROUND_DOWN).
 *
 * @return ::FD_OK; ::FD_EINVAL for unit <= 0 or an unknown mode; ::FD_ERANGE
 *         when the result does not fit in int64.
 * Thread safety: safe.
 */
FD_API fd_status fd_money_round_to(int64_t *out, int64_t fen, int64_t unit, fd_money_round mode);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_MONEY_H */
