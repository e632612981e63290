/* The shared argument check for codes (site, staff, role, journal entity/action, grant roles). */
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
