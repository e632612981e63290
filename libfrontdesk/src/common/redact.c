/*
 * Quoting personal numbers in error messages without echoing them (R-COM-2):
 * a message about a phone or ID number that failed to parse shows only its
 * length and a few characters from each end.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

void fd__redact(char out[FD__REDACT_MAX], const char *s)
{
    size_t len = strlen(s);
    bool valid = fd__utf8_valid(s, len);
    /* Units are characters of valid UTF-8, else bytes (fd__error escapes them). */
    size_t n = 0;
    if (valid) {
        for (size_t i = 0; i < len; i++)
            n += ((unsigned char)s[i] & 0xC0) != 0x80;
    } else {
        n = len;
    }
    /* At most the first 3 and last 2, and never more than about half of it. */
    size_t head = n / 3 < 3 ? n / 3 : 3, tail = n / 4 < 2 ? n / 4 : 2;
    size_t hb = 0, tb = 0;
    for (size_t k = 0; k < head; k++) {
        hb++;
        while (valid && hb < len && ((unsigned char)s[hb] & 0xC0) == 0x80)
            hb++;
    }
    for (size_t k = 0; k < tail; k++) {
        tb++;
        while (valid && tb < len && ((unsigned char)s[len - tb] & 0xC0) == 0x80)
            tb++;
    }
    snprintf(out, FD__REDACT_MAX, "'%.*s%s%.*s' (%zu %s%s)", (int)hb, s, n ? "****" : "", (int)tb,
             s + len - tb, n, valid ? "character" : "byte", n == 1 ? "" : "s");
}

fd_status fd__check_text_redacted(const char *fn, const char *field, const char *s)
{
    if (s == NULL)
        return fd__error(FD_EINVAL, "%s: %s: must not be NULL", fn, field);
    if (!fd__utf8_valid(s, strlen(s))) {
        char shown[FD__REDACT_MAX];
        fd__redact(shown, s);
        return fd__error(FD_EINVAL, "%s: %s: not valid UTF-8: %s", fn, field, shown);
    }
    return FD_OK;
}
