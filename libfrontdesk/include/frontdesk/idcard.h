/**
 * @file frontdesk/idcard.h
 * @brief Resident ID numbers (居民身份证号码, GB 11643-1999): validation with
 *        the ISO 7064 MOD 11-2 check character, the 15-digit first-generation
 *        form converted to 18, what the number says (region, birth date, sex),
 *        and masking for listings (R-COM-2).
 *
 * The 18 characters are: a 6-digit region code (GB/T 2260, place of first
 * registration), the birth date YYYYMMDD, a 3-digit sequence (odd for men,
 * even for women) and a check character 0-9 or X. The 15-digit form has the
 * birth date as YYMMDD (century 19) and no check character.
 *
 * "Today" is a parameter so that results are reproducible: a birth date after
 * @p today is refused. It is required: the library never reads the clock for
 * it. (Before 0.3 the zero date `{0, 0, 0}` meant the current date in China;
 * it is now refused with ::FD_EINVAL naming `today`. Pass the as-of date, e.g.
 * the site's local date from fd_store_site_date().)
 *
 * Every function here is pure and thread-safe.
 */
#ifndef FRONTDESK_IDCARD_H
#define FRONTDESK_IDCARD_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Sex code of GB/T 2261.1 for male, as ::fd_idcard::sex holds it (odd 17th digit). */
#define FD_IDCARD_MALE 1
/** Sex code of GB/T 2261.1 for female (even 17th digit). */
#define FD_IDCARD_FEMALE 2

/** What an ID number says. */
typedef struct fd_idcard {
    char number[19];   /**< the 18-character form, X in upper case (15-digit input converted) */
    char region[7];    /**< the 6-digit GB/T 2260 region code, e.g. "110105" */
    char province[32]; /**< the province of the first two digits, e.g. "北京市" (UTF-8) */
    fd_date birth;     /**< the birth date */
    int sex;           /**< ::FD_IDCARD_MALE or ::FD_IDCARD_FEMALE */
    int legacy;        /**< 1 when the input was the 15-digit form, else 0 */
} fd_idcard;

/**
 * Parses and checks an ID number.
 *
 * Spaces and full-width characters are allowed ("１１０１０５ １９４９１２３１ ００２ｘ");
 * x is read as X. The first two digits must be a province code of GB/T 2260
 * (11..65, 71, 81, 82, 83), the birth date a real day from 1800-01-01 up to
 * @p today, and the check character the one the first 17 digits give.
 *
 * @param out   receives the parts; unchanged on error
 * @param text  UTF-8
 * @param today the as-of date against which "born in the future" is judged;
 *              required: the zero date is refused (::FD_EINVAL naming `today`)
 * @return ::FD_OK, or ::FD_EINVAL with a message naming the part that is
 *         wrong: "length", "character", "region", "birth date", "checksum" (with
 *         the expected check character), or "today". The message never holds
 *         the number (R-COM-2): input of the wrong shape shows its length and at
 *         most the first 3 and last 2 characters ("'110****02' (17 characters)"),
 *         a number of the right shape shows masked ("'110105********003X'").
 * Thread safety: safe.
 */
FD_API fd_status fd_idcard_parse(fd_idcard *out, const char *text, fd_date today);

/**
 * Whether @p text is a valid ID number, by the checks of fd_idcard_parse():
 * `*out` is 1 or 0. A number that is not valid is not an error: the call
 * returns ::FD_OK; call fd_idcard_parse() to learn what is wrong.
 *
 * @return ::FD_OK; ::FD_EINVAL for NULL arguments, invalid UTF-8, or a missing
 *         (zero) or impossible @p today.
 * Thread safety: safe.
 */
FD_API fd_status fd_idcard_is_valid(int *out, const char *text, fd_date today);

/**
 * The old name of fd_idcard_is_valid(), kept for one release.
 * @deprecated Use fd_idcard_is_valid(); this name goes in the next minor release.
 */
FD_API FD_DEPRECATED("use fd_idcard_is_valid") fd_status fd_idcard_valid(int *out, const char *text,
                                                                           fd_date today);

/**
 * Writes @p text masked for listings, reports and exports (R-COM-2): the first
 * 6 and the last 4 characters stay, the rest become '*':
 * "11010519491231002x" → "110105********002X"; a 15-digit number keeps the
 * same parts ("110105*****1002"). Only the shape is checked (18 characters,
 * 17 digits and a digit or X, or 15 digits), not the date or check
 * character, so a stored number that fails validation is still masked,
 * never shown in full.
 *
 * @return ::FD_OK, ::FD_EINVAL (NULL, invalid UTF-8, not the shape of an ID number), ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_idcard_mask(fd_buf *out, const char *text);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_IDCARD_H */
