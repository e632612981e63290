/*
 * fd_idcard_parse on arbitrary bytes: never crashes, refuses invalid UTF-8
 * with FD_EINVAL; an accepted number is valid, parses again from its
 * 18-character form to the same parts, and masks (R-COM-2) to 6 + stars + 4.
 */
#include <frontdesk/common.h>
#include <frontdesk/idcard.h>

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
    const fd_date today = { 2026, 11, 23 };
    fd_idcard id;
    fd_status rc = fd_idcard_parse(&id, s, today);
    int valid = -1;
    fd_status vrc = fd_idcard_is_valid(&valid, s, today);
    if (!fd__utf8_valid(s, strlen(s)) && (rc != FD_EINVAL || vrc != FD_EINVAL))
        abort();
    if (rc == FD_OK) {
        fd_idcard again;
        if (vrc != FD_OK || valid != 1)
            abort();
        if (fd_idcard_parse(&again, id.number, today) || memcmp(again.number, id.number, 19) != 0 ||
            again.sex != id.sex || again.birth.year != id.birth.year)
            abort();
        fd_buf b = FD_BUF_INIT;
        if (fd_idcard_mask(&b, s) || memcmp(b.ptr, id.number, 6) != 0 || b.ptr[6] != '*')
            abort();
        fd_buf_dispose(&b);
    } else if (rc != FD_EINVAL || (vrc == FD_OK && valid != 0)) {
        abort();
    }
    fd_buf m = FD_BUF_INIT; /* masking: a number of any shape, and nothing left behind when refused */
    fz_stale(&m);
    fz_after(fd_idcard_mask(&m, s), &m);
    fd_buf_dispose(&m);
    free(s);
    return 0;
}
