/*
 * fd_phone_parse on arbitrary bytes: never crashes, refuses invalid UTF-8
 * with FD_EINVAL; an accepted number has consistent fields, parses again from
 * its own national and E.164 forms, and masks (R-COM-2) without error.
 */
#include <frontdesk/common.h>
#include <frontdesk/phone.h>

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
    fd_phone p;
    fd_status rc = fd_phone_parse(&p, s);
    if (!fd__utf8_valid(s, strlen(s)) && rc != FD_EINVAL)
        abort();
    if (rc == FD_OK) {
        fd_phone q;
        if (p.kind < FD_PHONE_MOBILE || p.kind > FD_PHONE_SHORT || p.national[0] == '\0')
            abort();
        if (fd_phone_parse(&q, p.national) || strcmp(q.national, p.national) != 0 || q.kind != p.kind)
            abort();
        if (p.e164[0] && (fd_phone_parse(&q, p.e164) || strcmp(q.national, p.national) != 0))
            abort();
        fd_buf b = FD_BUF_INIT;
        if (fd_phone_mask(&b, s))
            abort();
        if (p.kind == FD_PHONE_MOBILE && (b.size != 11 || memcmp(b.ptr + 3, "****", 4) != 0))
            abort();
        fd_buf_dispose(&b);
    } else if (rc != FD_EINVAL) {
        abort();
    } else {
        fd_buf b = FD_BUF_INIT; /* a refused number masks to nothing */
        fz_stale(&b);
        rc = fd_phone_mask(&b, s);
        CHECK(rc == FD_EINVAL);
        fz_after(rc, &b);
        fd_buf_dispose(&b);
    }
    free(s);
    return 0;
}
