/*
 * The visitors module's parsers on arbitrary bytes (R-COM-2, R-VIS-1):
 * fd_id_number_parse for every document type and fd_plate_parse never crash
 * and refuse invalid UTF-8 with FD_EINVAL; a refusal leaves the output
 * unchanged, names the field and never quotes the number (no 7 of its
 * digits in a row); an accepted ID number is canonical (upper-case ASCII,
 * parses again to itself), its masked form keeps its length and hides its
 * middle, and an id_card number is valid by GB 11643; an accepted plate is
 * canonical (parses again to itself) and fd_visit_code_parse of each type's
 * label gives the type back.
 *
 * Input: a selector byte (the type), then the text.
 */
#include <frontdesk/common.h>
#include <frontdesk/idcard.h>
#include <frontdesk/visitors.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const char *const TYPES[] = { "id_card", "passport", "hk_macau", "taiwan", "other" };

/* Whether @msg quotes a run of more than 6 digits of @s (the number, R-COM-2). */
static bool quotes_digits(const char *msg, const char *s)
{
    for (const char *p = s; *p;) {
        size_t n = 0;
        while (p[n] >= '0' && p[n] <= '9')
            n++;
        for (size_t k = 0; k + 7 <= n; k++)
            for (const char *m = msg; *m; m++)
                if (strncmp(m, p + k, 7) == 0)
                    return true;
        p += n ? n : 1;
    }
    return false;
}

static void check_id(const char *type, const char *s)
{
    const fd_date today = { 2026, 11, 23 };
    fd_id_number n, again;
    memset(&n, 0x5A, sizeof n);
    fd_id_number before = n;
    fd_status rc = fd_id_number_parse(&n, type, s, today);
    if (!fz_valid(s))
        CHECK(rc == FD_EINVAL);
    if (rc != FD_OK) {
        CHECK(rc == FD_EINVAL || rc == FD_ERANGE);
        CHECK(memcmp(&n, &before, sizeof n) == 0);
        CHECK(strstr(fd_error_last()->message, "number") != NULL);
        CHECK(!quotes_digits(fd_error_last()->message, s));
        fz_status(rc);
        return;
    }
    size_t len = strlen(n.number);
    CHECK(n.version == FD_ID_NUMBER_VERSION && strcmp(n.type, type) == 0);
    CHECK(len > 0 && len <= FD_ID_NUMBER_MAX && strlen(n.masked) == len);
    for (size_t i = 0; i < len; i++) {
        char c = n.number[i];
        CHECK((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
        CHECK(n.masked[i] == c || n.masked[i] == '*');
    }
    if (len >= 4)
        CHECK(strchr(n.masked, '*') != NULL);
    CHECK(fd_id_number_parse(&again, type, n.number, today) == FD_OK);
    CHECK(strcmp(again.number, n.number) == 0 && strcmp(again.masked, n.masked) == 0);
    if (strcmp(type, "id_card") == 0) {
        int valid = 0;
        CHECK(fd_idcard_is_valid(&valid, n.number, today) == FD_OK && valid == 1);
        CHECK(len == 18 && memcmp(n.masked, n.number, 6) == 0);
    }
}

static void check_plate(const char *s)
{
    fd_buf b = FD_BUF_INIT, c = FD_BUF_INIT;
    fz_stale(&b);
    fd_status rc = fd_plate_parse(&b, s);
    fz_after(rc, &b);
    if (!fz_valid(s))
        CHECK(rc == FD_EINVAL);
    if (rc == FD_OK) {
        CHECK(b.size >= 7 && b.size <= 16);
        CHECK(fd_plate_parse(&c, b.ptr) == FD_OK && strcmp(c.ptr, b.ptr) == 0);
    } else {
        CHECK(rc == FD_EINVAL || rc == FD_ERANGE);
        CHECK(strstr(fd_error_last()->message, "plate") != NULL);
    }
    fd_buf_dispose(&b);
    fd_buf_dispose(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    char *s = fz_cstr(data + 1, size - 1);
    if (s == NULL)
        return 0;
    check_id(TYPES[data[0] % 5], s);
    check_plate(s);
    fd_buf code = FD_BUF_INIT;
    fz_stale(&code);
    fz_after(fd_visit_code_parse(&code, "id_type", s), &code);
    fd_buf_dispose(&code);
    free(s);
    return 0;
}
