/*
 * fd_pii_mask_text and fd_pii_mask on arbitrary bytes (R-COM-2): never crash;
 * invalid UTF-8 is refused with FD_EINVAL and an empty buffer; valid text
 * comes back as valid UTF-8 of the same size in bytes and characters in which
 * only digits changed, each into a star of its own size; fd_pii_contains
 * agrees with the count; and no whole run of exactly 11 ASCII digits 1[3-9]…
 * (not part of a decimal number) is left in clear. From the first bytes it
 * also builds a mobile (allocated prefix) and an ID number (right check
 * character) split into groups the input chooses, joined by 1-3 separators
 * of any kind, and checks that their private digits are starred.
 */
#include <frontdesk/common.h>
#include <frontdesk/pii.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * "电话" + @digits (ASCII) split after the positions whose bit is set in
 * @cuts, the groups joined by separators chosen by @seps, + "。". Each group
 * keeps >= 2 digits, the first >= 3, at most @max_groups groups.
 */
static size_t grouped(char *out, const char *digits, int n, unsigned cuts, unsigned seps, int max_groups)
{
    static const char *const sep[] = { " ", "-", "\xE3\x80\x80", "\xEF\xBC\x8D", "\xE2\x80\x94" };
    size_t o = 0;
    memcpy(out, "\xE7\x94\xB5\xE8\xAF\x9D", 6); /* 电话 */
    o = 6;
    int groups = 1, last = 0;
    for (int i = 0; i < n; i++) {
        if (i >= 3 && i - last >= 2 && n - i >= 2 && groups < max_groups && (cuts >> i & 1)) {
            for (int k = 0; k <= (int)(seps % 3); k++) {
                const char *sp = sep[(seps >> 2) % 5];
                memcpy(out + o, sp, strlen(sp));
                o += strlen(sp);
            }
            seps = seps * 7 + 3;
            last = i;
            groups++;
        }
        out[o++] = digits[i];
    }
    memcpy(out + o, "\xE3\x80\x82", 4); /* 。 and NUL */
    return o;
}

/* Any of the digits [from, to) of the one number in @masked in clear: abort. */
static void check_starred(const char *masked, int from, int to)
{
    int i = 0;
    for (const char *p = masked; *p; p++)
        if ((*p >= '0' && *p <= '9') || *p == '*') {
            if (i >= from && i < to && *p != '*') {
                fprintf(stderr, "in clear: %s\n", masked);
                abort();
            }
            i++;
        }
}

static void check_grouped(const uint8_t *data, size_t size)
{
    if (size < 20)
        return;
    static const char *const prefixes[] = { "130", "139", "145", "150", "166", "177", "188", "199" };
    unsigned cuts = data[0] | (unsigned)data[1] << 8 | (unsigned)data[2] << 16, seps = data[3];
    char d[19], text[160];
    fd_buf b = FD_BUF_INIT;
    memcpy(d, prefixes[data[4] % 8], 3);
    for (int i = 3; i < 11; i++)
        d[i] = (char)('0' + data[5 + i] % 10);
    grouped(text, d, 11, cuts, seps, 4);
    if (fd_pii_mask_text(&b, NULL, text) != FD_OK)
        abort();
    check_starred(b.ptr, 3, 7);

    /* region 1-9xxxxx, born 19xx-0m-1d, the check character computed (X when 10) */
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    for (int i = 0; i < 17; i++)
        d[i] = (char)('0' + data[3 + i] % 10);
    d[0] = (char)('1' + data[3] % 9);
    memcpy(d + 6, "19", 2);
    d[10] = '0';
    d[11] = (char)('1' + data[13] % 9);
    d[12] = '1';
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (d[i] - '0') * w[i];
    d[17] = "10X98765432"[sum % 11];
    grouped(text, d, 18, cuts >> 3, seps >> 1, 6);
    if (fd_pii_mask_text(&b, NULL, text) != FD_OK)
        abort();
    check_starred(b.ptr, 6, 14);
    fd_buf_dispose(&b);
}

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
    check_grouped(data, size);
    return 0;
}
