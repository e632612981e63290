/*
 * Fuzzes the foundation's parsers: fd_date_parse and policy-key lookup take
 * arbitrary bytes and must either accept them consistently or refuse them with
 * FD_EINVAL / FD_ENOTFOUND and a valid UTF-8 message, never crash.
 */
#include <frontdesk.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s == NULL)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';

    fd_date d = { -1, -1, -1 };
    fd_status rc = fd_date_parse(&d, s);
    if (rc == FD_OK) {
        /* Accepted dates are real and print back to the same text. */
        fd_buf b = FD_BUF_INIT;
        if (fd_date_check(d) != FD_OK || fd_date_format(&b, d) != FD_OK || strcmp(b.ptr, s) != 0)
            abort();
        fd_buf_dispose(&b);
    } else if (rc != FD_EINVAL || d.year != -1) {
        abort(); /* refused input must change nothing */
    } else {
        fd_buf b = FD_BUF_INIT; /* and the untouched date is refused by the formatter, which leaves nothing */
        fz_stale(&b);
        rc = fd_date_format(&b, d);
        CHECK(rc == FD_EINVAL);
        fz_after(rc, &b);
        fd_buf_dispose(&b);
    }
    const char *m = fd_error_last()->message;
    if (!fd__utf8_valid(m, strlen(m)))
        abort();

    fd_policy *p = NULL;
    int64_t v = -12345;
    if (fd_policy_new(&p) == FD_OK) {
        rc = fd_policy_get(&v, p, s);
        if (rc != FD_OK && (v != -12345 || (rc != FD_EINVAL && rc != FD_ENOTFOUND && rc != FD_ERANGE)))
            abort();
        fd_policy_free(p);
    }
    free(s);
    return 0;
}
