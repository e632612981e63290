/* The shared argument checks for codes (site, staff, role, journal entity/action, grant roles) and notes. */
#include "internal.h"

#include <string.h>

fd_status fd__check_code(const char *fn, const char *field, const char *code, bool lower)
{
    fd_status rc = fd__check_text(fn, field, code, FD_CODE_MAX, true);
    if (rc)
        return rc;
    for (const char *p = code; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
                  (!lower && c >= 'A' && c <= 'Z');
        if (!ok && (unsigned char)c >= 0x80) /* a label or a word typed where its code belongs (维修, 電話) */
            return fd__error(FD_EINVAL, "%s: %s: '%s' is not a code: a code is %s, digits and . _ - (give the "
                             "code, or parse the word with the module's code_parse: 维修 is repair)", fn, field,
                             code, lower ? "lower-case ASCII letters" : "ASCII letters");
        if (!ok)
            return fd__error(FD_EINVAL, "%s: %s: '%s' may only contain %s, digits and . _ -", fn, field, code,
                             lower ? "lower-case ASCII letters" : "ASCII letters");
    }
    return FD_OK;
}

fd_status fd__check_note(const char *fn, const char *field, const char *text, size_t max, bool required)
{
    if (text == NULL || text[0] == '\0')
        return required ? fd__error(FD_EINVAL, "%s: %s: is required", fn, field) : FD_OK;
    size_t len = strlen(text);
    if (!fd__utf8_valid(text, len))
        return fd__error(FD_EINVAL, "%s: %s: not valid UTF-8", fn, field);
    if (required && fd__text_blank(text))
        return fd__error(FD_EINVAL, "%s: %s: is required (white space only given)", fn, field);
    if (len > max)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %zu allowed", fn, field, len, max);
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        uint32_t c = fd__utf8_next(&p);
        if (fd__char_unsafe(c) && c != '\t' && c != '\n' && c != '\r')
            return fd__error(FD_EINVAL, "%s: %s: contains a control character (U+%04X)", fn, field, (unsigned)c);
    }
    return FD_OK;
}
