/*
 * fd_money_parse on arbitrary bytes: never crashes, refuses invalid UTF-8
 * with FD_EINVAL, and whatever it accepts survives the round trips through
 * fd_money_format and fd_money_upper unchanged.
 */
#include <frontdesk/common.h>
#include <frontdesk/money.h>

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
    int64_t v = 0x5A5A;
    fd_status rc = fd_money_parse(&v, s);
    if (!fd__utf8_valid(s, strlen(s)) && rc != FD_EINVAL)
        abort();
    if (rc != FD_OK && v != 0x5A5A)
        abort(); /* outputs are written only on success */
    if (rc == FD_OK) {
        fd_buf b = FD_BUF_INIT;
        int64_t back;
        fd_money_format_options plain = FD_MONEY_FORMAT_OPTIONS_INIT;
        plain.symbol = 0;
        if (fd_money_format(&b, v, NULL) || fd_money_parse(&back, b.ptr) || back != v)
            abort();
        if (fd_money_format(&b, v, &plain) || fd_money_parse(&back, b.ptr) || back != v)
            abort();
        if (fd_money_upper(&b, v) || fd_money_parse(&back, b.ptr) || back != v)
            abort();
        plain.version = (unsigned)size; /* an unknown version is refused and leaves nothing */
        fz_stale(&b);
        rc = fd_money_format(&b, v, &plain);
        CHECK((rc == FD_OK) == (plain.version == FD_MONEY_FORMAT_OPTIONS_VERSION));
        fz_after(rc, &b);
        fd_buf_dispose(&b);
    } else if (rc != FD_EINVAL && rc != FD_ERANGE) {
        abort();
    }
    free(s);
    return 0;
}
