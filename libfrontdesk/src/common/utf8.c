/* UTF-8 validation and the argument checks every public function starts with. */
#include "internal.h"

#include <string.h>

#include <unicode/uchar.h>

bool fd__utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str, *e = s + len;
    while (s < e) {
        unsigned char c = *s;
        if (c < 0x80) {
            s++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
        else return false;
        if ((size_t)(e - s) < n)
            return false;
        for (size_t i = 1; i < n; i++) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        s += n;
    }
    return true;
}

fd_status fd__check_ptr(const char *fn, const char *field, const void *p)
{
    if (p == NULL)
        return fd__error(FD_EINVAL, "%s: %s: must not be NULL", fn, field);
    return FD_OK;
}

fd_status fd__check_text(const char *fn, const char *field, const char *s,
                         size_t max_bytes, bool nonempty)
{
    if (s == NULL)
        return fd__error(FD_EINVAL, "%s: %s: must not be NULL", fn, field);
    size_t len = strlen(s);
    if (!fd__utf8_valid(s, len))
        return fd__error(FD_EINVAL, "%s: %s: not valid UTF-8: '%.64s'", fn, field, s);
    if (nonempty && len == 0)
        return fd__error(FD_EINVAL, "%s: %s: must not be empty", fn, field);
    if (max_bytes && len > max_bytes)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %zu allowed: '%.48s...'",
                         fn, field, len, max_bytes, s);
    return FD_OK;
}

void fd__copy_fixed(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

bool fd__text_blank(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p;)
        if (!u_isUWhiteSpace((UChar32)fd__utf8_next(&p)))
            return false;
    return true;
}
