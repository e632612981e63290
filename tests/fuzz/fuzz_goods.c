/*
 * The goods release list (R-VIS-7) on arbitrary bytes: fd_goods_items_parse
 * never crashes and refuses invalid UTF-8 with FD_EINVAL; a refusal leaves the
 * buffer empty and names `items`; an accepted list is canonical (parses again
 * to itself), at most FD_GOODS_ITEMS_MAX-ish bytes of "name×quantity" joined by
 * "；", and matches itself under fd_goods_items_compare with no difference; a
 * list compared with another differs exactly when their canonical forms differ
 * as sets.
 *
 * Input: two lists separated by a NUL.
 */
#include <frontdesk/common.h>
#include <frontdesk/visitors.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = { data, size };
    char a[4096], b[4096];
    fz_str(&f, a, sizeof a);
    fz_str(&f, b, sizeof b);
    fd_buf out = FD_BUF_INIT, again = FD_BUF_INIT, diff = FD_BUF_INIT;
    fz_stale(&out);
    fd_status rc = fd_goods_items_parse(&out, a);
    fz_after(rc, &out);
    if (!fz_valid(a))
        CHECK(rc == FD_EINVAL);
    if (rc != FD_OK) {
        CHECK(rc == FD_EINVAL || rc == FD_ERANGE || rc == FD_ENOMEM);
        CHECK(strstr(fd_error_last()->message, "items") != NULL);
    } else {
        CHECK(out.size > 0);
        CHECK(fd_goods_items_parse(&again, out.ptr) == FD_OK && strcmp(again.ptr, out.ptr) == 0);
        int match = 0;
        CHECK(fd_goods_items_compare(&match, &diff, out.ptr, a) == FD_OK && match == 1 && diff.size == 0);
    }
    int match = -1;
    fz_stale(&diff);
    rc = fd_goods_items_compare(&match, &diff, a, b);
    fz_after(rc, &diff);
    if (rc == FD_OK)
        CHECK((match == 1) == (diff.size == 0));
    fd_buf_dispose(&out);
    fd_buf_dispose(&again);
    fd_buf_dispose(&diff);
    return 0;
}
