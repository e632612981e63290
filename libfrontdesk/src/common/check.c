/* Shared argument checks for codes and display names (used by every module with records). */
#include "internal.h"

fd_status fd__check_code(const char *fn, const char *field, const char *code, bool lower)
{
    fd_status rc = fd__check_text(fn, field, code, FD_CODE_MAX, true);
    if (rc)
        return rc;
    for (const char *p = code; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
                  (!lower && c >= 'A' && c <= 'Z');
        if (!ok)
            return fd__error(FD_EINVAL, "%s: %s: '%s' may only contain %s, digits and . _ -", fn, field, code,
                             lower ? "lower-case ASCII letters" : "ASCII letters");
    }
    return FD_OK;
}

fd_status fd__check_name(const char *fn, const char *field, const char *name, size_t max)
{
    fd_status rc = fd__check_text(fn, field, name, max, true);
    if (rc)
        return rc;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return fd__error(FD_EINVAL, "%s: %s: contains a control character (0x%02X)", fn, field, *p);
    return FD_OK;
}
