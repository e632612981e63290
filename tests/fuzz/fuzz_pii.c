/*
 * fd_pii_mask_text and fd_pii_mask on arbitrary bytes (R-COM-2): never crash;
 * invalid UTF-8 is refused with FD_EINVAL and an empty buffer; valid text
 * comes back as valid UTF-8 of the same size in bytes and characters in which
 * only digits changed, each into a star of its own size; fd_pii_contains
 * agrees with the count; and no whole run of exactly 11 ASCII digits 1[3-9]…
 * (not part of a decimal number) is left in clear.
 */
#include <frontdesk/common.h>
#include <frontdesk/pii.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ascii_digit(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

/* A full-width digit U+FF10..FF19 whose 3 bytes start at s[i]. */
static int wide_digit(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    return i + 2 < n && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99;
}

static int any_digit_before(const char *s, size_t n, size_t i)
{
    return (i >= 1 && ascii_digit(s, n, i - 1)) || (i >= 3 && wide_digit(s, n, i - 3));
}

static int decimal_point(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    return (i < n && s[i] == '.') || (i + 2 < n && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] == 0x8E);
}

/* Every maximal run of exactly 11 ASCII digits that is a mobile number was masked. */
static void check_mobiles(const char *in, const char *out, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (!ascii_digit(in, n, i)) {
            i++;
            continue;
        }
        size_t j = i;
        while (ascii_digit(in, n, j))
            j++;
        int fraction = (i >= 2 && in[i - 1] == '.' && any_digit_before(in, n, i - 1)) ||
                       (i >= 4 && decimal_point(in, n, i - 3) && any_digit_before(in, n, i - 3));
        size_t k = j + (in[j] == '.' ? 1 : 3);
        int decimals = decimal_point(in, n, j) && (ascii_digit(in, n, k) || wide_digit(in, n, k));
        int mobile = j - i == 11 && in[i] == '1' && in[i + 1] >= '3';
        int whole = !any_digit_before(in, n, i) && !wide_digit(in, n, j) && !fraction && !decimals;
        if (mobile && whole && memcmp(in + i, out + i, 11) == 0)
            abort();
        i = j;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s == NULL)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    size_t n = strlen(s);
    int valid = fd__utf8_valid(s, n);

    fd_buf b = FD_BUF_INIT;
    int64_t count = -1;
    fd_status rc = fd_pii_mask_text(&b, &count, s);
    int has = -1;
    fd_status hrc = fd_pii_contains(&has, s);
    if (!valid) {
        if (rc != FD_EINVAL || hrc != FD_EINVAL || count != -1 || has != -1 || (b.ptr && b.ptr[0]))
            abort();
    } else {
        if (rc != FD_OK || hrc != FD_OK || b.size != n || !fd__utf8_valid(b.ptr, b.size))
            abort();
        if (count < 0 || has != (count > 0))
            abort();
        for (size_t i = 0; i < n; i++) {
            if (b.ptr[i] == s[i])
                continue;
            /* '0'..'9' → '*', or U+FF10..FF19 → U+FF0A (only the last byte differs) */
            if (!((s[i] >= '0' && s[i] <= '9' && b.ptr[i] == '*') ||
                  (i >= 2 && wide_digit(s, n, i - 2) && (unsigned char)b.ptr[i] == 0x8A)))
                abort();
        }
        check_mobiles(s, b.ptr, n);
    }

    for (int cls = FD_PII_NONE; cls <= FD_PII_FREE_TEXT; cls++) {
        rc = fd_pii_mask(&b, (fd_pii_class)cls, s);
        if (valid != (rc == FD_OK) || (rc && b.ptr && b.ptr[0]))
            abort();
        if (rc == FD_OK && !fd__utf8_valid(b.ptr, b.size))
            abort();
        if (rc == FD_OK && cls == FD_PII_NONE && strcmp(b.ptr, s) != 0)
            abort();
    }
    fd_buf_dispose(&b);
    free(s);
    return 0;
}
