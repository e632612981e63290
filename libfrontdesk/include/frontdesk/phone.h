/**
 * @file frontdesk/phone.h
 * @brief Chinese phone numbers: parse what people write (spaces, dashes,
 *        parentheses, full-width digits, +86 / 0086, extensions), classify
 *        (mobile, landline with its area code, 400/800 service, short
 *        numbers such as 110, 12345, 95555), and mask for listings (R-COM-2).
 *
 * Area codes come from a table generated from libphonenumber's metadata
 * (scripts/gen/phone_area_codes.py): 010, 020..029 and the three-digit codes
 * such as 0755, each with the subscriber lengths it allows (7 or 8 digits).
 * Every function here is pure and thread-safe.
 */
#ifndef FRONTDESK_PHONE_H
#define FRONTDESK_PHONE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What kind of number a phone number is. The numbers are part of the ABI. */
typedef enum fd_phone_kind {
    FD_PHONE_MOBILE = 1,   /**< 11 digits 1[3-9]xxxxxxxxx */
    FD_PHONE_LANDLINE = 2, /**< 0 + area code + 7 or 8 digits, or 7-8 local digits */
    FD_PHONE_SERVICE = 3,  /**< 400 / 800 + 7 digits, nationwide business numbers */
    FD_PHONE_SHORT = 4     /**< 110, 120, 12345, 10086, 95555, 96xxx ... */
} fd_phone_kind;

/** A parsed phone number. Every string is NUL-terminated ASCII, or UTF-8 for place. */
typedef struct fd_phone {
    int kind;             /**< an ::fd_phone_kind */
    char national[24];    /**< as dialled inside China: "13812345678", "01012345678", "4008108888", "110" */
    char e164[24];        /**< "+8613812345678", "+861012345678", "+864008108888"; "" for short
                               numbers and for landlines given without area code */
    char area_code[8];    /**< landlines: "010", "0755"; "" otherwise */
    char subscriber[16];  /**< landlines: the local number "12345678"; others: as national */
    char extension[12];   /**< digits after 转 / ext / x / # / a final "-"; "" when none */
    char place[128];      /**< landlines: what the area code serves ("广东省深圳市"); "" otherwise */
} fd_phone;

/**
 * Parses a Chinese phone number.
 *
 * Accepts digits with spaces, '-', '.', '/', parentheses; full-width digits
 * and punctuation; a country code "+86", "0086" or "(+86)" (other country
 * codes are refused); "(0)" after the country code; a 0 before a mobile
 * number (as dialled from a landline in another city); an extension after
 * "转", "分机", "ext", "x", "#", "," or, for landlines and service numbers, after a
 * final '-' group ("0755-12345678-8001").
 *
 * @param out  receives the number; unchanged on error
 * @param text UTF-8, at most 64 characters
 * @return ::FD_OK, or ::FD_EINVAL with a message naming the field and what is
 *         wrong: a character that has no place in a phone number, an unknown
 *         area code ("area code '0123'"), the wrong number of digits. The
 *         message never holds the number (R-COM-2): it shows its length and at
 *         most the first 3 and last 2 characters ("'138****89' (12 characters)"),
 *         or the masked number when it parsed ("'138****5678': extension: ...").
 * Thread safety: safe.
 */
FD_API fd_status fd_phone_parse(fd_phone *out, const char *text);

/**
 * Writes @p text masked for listings, reports and exports (R-COM-2):
 * mobiles keep the first 3 and last 4 digits ("138****5678"); landlines keep
 * the area code and the last 4 digits of the local number ("010-****5678",
 * "0755-***4567"; a 7-digit number shows 3 stars), and an extension as is
 * ("0755-****5678-8001"); service and short numbers are public numbers and
 * come back unmasked in national form ("4008108888", "12345").
 *
 * @return ::FD_OK, ::FD_EINVAL (as fd_phone_parse()), ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_phone_mask(fd_buf *out, const char *text);

/**
 * The name of a kind: "mobile", "landline", "service", "short", or
 * "unknown" for other numbers. Never NULL; the string is static.
 */
FD_API const char *fd_phone_kind_name(fd_phone_kind kind);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_PHONE_H */
