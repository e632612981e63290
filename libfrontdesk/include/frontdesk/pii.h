/**
 * @file frontdesk/pii.h
 * @brief Personal data (R-COM-2, 不可随意泄露客户资料): masking phone numbers,
 *        ID numbers and names for display, and finding and masking the
 *        numbers written in free text (journal details, notes, complaints).
 *
 * A value is masked by its ::fd_pii_class: phones as fd_phone_mask() does
 * ("138****5678", "010-****5678"), ID numbers keep the region and the last
 * digits ("110105********002X"), Chinese names keep the surname ("张**",
 * "欧阳*"), Latin names the first letter of each word ("J*** S****"). A
 * value that cannot be parsed is still masked, never returned in clear.
 *
 * fd_pii_mask_text() scans free text for mobile numbers, landlines with an
 * area code, 15/18-digit ID numbers and passport-like numbers (a letter or
 * two and 7 to 10 digits), written with ASCII or full-width
 * digits, and stars their private digits in place: every other byte of the
 * text is kept, and the result has as many characters as the text (see
 * docs/modules/pii.md for the exact patterns and boundaries).
 *
 * Error messages never quote a value or a text: they may hold the very
 * numbers these functions hide.
 *
 * Every function here is pure and thread-safe.
 */
#ifndef FRONTDESK_PII_H
#define FRONTDESK_PII_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What kind of personal data a value is. The numbers are part of the ABI. */
typedef enum fd_pii_class {
    FD_PII_NONE = 0,      /**< not personal data: shown as it is */
    FD_PII_PHONE = 1,     /**< a phone number */
    FD_PII_ID_NUMBER = 2, /**< a resident ID number (居民身份证号码) */
    FD_PII_NAME = 3,      /**< a person's name */
    FD_PII_FREE_TEXT = 4  /**< text that may contain phone and ID numbers */
} fd_pii_class;

/**
 * The name of a class: "none", "phone", "id_number", "name", "free_text", or
 * "unknown" for a number that is no ::fd_pii_class. Never NULL; the string
 * is static. Thread safety: safe.
 */
FD_API const char *fd_pii_class_name(fd_pii_class cls);

/**
 * The class named @p name, one of the names fd_pii_class_name() gives (exact,
 * lower case).
 *
 * @param out  receives an ::fd_pii_class; unchanged on error
 * @param name "none", "phone", "id_number", "name" or "free_text"
 * @return ::FD_OK, or ::FD_EINVAL (NULL, invalid UTF-8, an unknown name).
 * Thread safety: safe.
 */
FD_API fd_status fd_pii_class_parse(int *out, const char *name);

/**
 * Writes @p value masked for display by its class (R-COM-2):
 *
 * - ::FD_PII_PHONE: as fd_phone_mask() ("138****5678", "010-****5678",
 *   "0755-***4567"; 400/800 and short numbers are public and stay).
 * - ::FD_PII_ID_NUMBER: the first 6 and last 4 characters of an 18-character
 *   number ("110105********002X", x written X), the first 6 and last 3 of a
 *   15-digit one ("110105******002"): the birth date is always hidden.
 * - A phone or ID number that does not parse keeps at most its first 3 and
 *   last 2 characters and never more than half of them; every other
 *   character becomes '*', so the length in characters is kept
 *   ("1381234567" → "138*****67", "12345-678" → "12*****78", "abc" → "a**").
 * - ::FD_PII_NAME: a Chinese name keeps its surname, compound surnames
 *   included ("张三" → "张*", "欧阳娜娜" → "欧阳**", Traditional "歐陽修" →
 *   "歐陽*"); every other character becomes one '*', whatever its size
 *   (𠮷 counts one). A word that does not start with a Han character keeps
 *   its first letter ("John Smith" → "J*** S****", "O'Brien" → "O'B****").
 *   White space and the separators · ・ • . - ' are kept.
 * - ::FD_PII_FREE_TEXT: as fd_pii_mask_text().
 * - ::FD_PII_NONE: @p value unchanged.
 *
 * @param out   receives the masked value; the empty string on error
 * @param cls   an ::fd_pii_class
 * @param value UTF-8 (may be empty)
 * @return ::FD_OK, ::FD_EINVAL (NULL, invalid UTF-8, an unknown @p cls),
 *         ::FD_ENOMEM. The message never quotes @p value.
 * Thread safety: safe. A value that does not parse leaves the thread's last
 * error as it was.
 */
FD_API fd_status fd_pii_mask(fd_buf *out, fd_pii_class cls, const char *value);

/**
 * Writes @p text with the phone and ID numbers in it masked (R-COM-2):
 *
 * - mobiles: 11 digits 1[3-9]…, whole or grouped 3-4-4, 3-8 or 7-4 by
 *   single spaces or dashes, after an optional "+86" / "0086" / "(+86)"
 *   ("138 0013 8000" → "138 **** 8000"), or whole after a 0 as dialled from
 *   another city ("013800138000" → "0138****8000");
 * - landlines with an area code (010, 02x with 8 digits; 0[3-9]xx with 7 or
 *   8): "010-12345678", "0755 1234567", "(021)12345678", "021 1234 5678",
 *   "02112345678", "+86 21 1234 5678" → the area code and the last 4 digits
 *   stay;
 * - ID numbers: 18 characters (17 digits and a digit or X/x) or 15 digits,
 *   whole or grouped 6-8-4, whose first digit is not 0 and whose birth date
 *   has a possible month and day (year 18xx-20xx) → first 6 and last 4 (18)
 *   or last 3 (15) stay;
 * - passport-like numbers: one Latin letter and 8 to 10 digits, or two
 *   letters and 7 to 9 digits, the letters starting a word and nothing
 *   alphanumeric after the digits — a passport E12345678 or EA1234567, a
 *   港澳通行证 C12345678 or W12345678, a 回乡证 H1234567890 → the letters and
 *   the last 3 digits stay ("E*****678"). Plates (京A12345), unit numbers
 *   (3-1201), dates and codes of three letters or more do not fit.
 *
 * Full-width digits (１３８…) count as digits. A masked ASCII digit becomes
 * '*', a masked full-width digit '＊', so every other byte of the text is kept
 * and the character count and display width do not change. A number is found
 * only as a whole digit run: digits right before or after it (an order number
 * of 20 digits, a 12-digit run) or a decimal point with digits on the other
 * side (13800138000.00, an amount) mean it is not one. Letters and Chinese
 * characters next to it do not ("电话13800138000" is masked). Local
 * landlines without area code and 400/800 numbers are not masked.
 *
 * @param out       receives the masked text; the empty string on error
 * @param out_count receives how many numbers were masked; may be NULL
 * @param text      UTF-8
 * @return ::FD_OK, ::FD_EINVAL (NULL @p out or @p text, invalid UTF-8, with
 *         the byte offset but never the text), ::FD_ENOMEM.
 * Performance: one pass that also checks the UTF-8, no allocation beyond
 * growing @p out (reuse it in a loop), no ICU object.
 * Thread safety: safe.
 */
FD_API fd_status fd_pii_mask_text(fd_buf *out, int64_t *out_count, const char *text);

/**
 * Whether @p text contains a phone or ID number that fd_pii_mask_text() would
 * mask: `*out` is 1 or 0. For warnings when a free-text field is saved
 * ("this note contains a phone number").
 *
 * @return ::FD_OK, ::FD_EINVAL (NULL, invalid UTF-8).
 * Thread safety: safe.
 */
FD_API fd_status fd_pii_contains(int *out, const char *text);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_PII_H */
