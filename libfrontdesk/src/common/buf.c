/* fd_buf: the caller-owned, library-grown output buffer. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fd_buf_dispose(fd_buf *buf)
{
    if (buf == NULL)
        return;
    free(buf->ptr);
    buf->ptr = NULL;
    buf->size = buf->asize = 0;
}

fd_status fd__buf_grow(fd_buf *b, size_t extra)
{
    if (extra > SIZE_MAX / 2 - b->size)
        return fd__error(FD_ENOMEM, "fd_buf: %zu more bytes would overflow", extra);
    size_t need = b->size + extra + 1;
    if (need <= b->asize)
        return FD_OK;
    size_t cap = b->asize ? b->asize : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->ptr, cap);
    if (p == NULL)
        return fd__oom("fd_buf");
    if (b->ptr == NULL)
        p[0] = '\0';
    b->ptr = p;
    b->asize = cap;
    return FD_OK;
}

void fd__buf_clear(fd_buf *b)
{
    if (b == NULL)
        return;
    b->size = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

fd_status fd__buf_put(fd_buf *b, const char *s, size_t len)
{
    fd_status rc = fd__buf_grow(b, len);
    if (rc)
        return rc;
    memcpy(b->ptr + b->size, s, len);
    b->size += len;
    b->ptr[b->size] = '\0';
    return FD_OK;
}

fd_status fd__buf_puts(fd_buf *b, const char *s)
{
    return fd__buf_put(b, s, strlen(s));
}

fd_status fd__buf_printf(fd_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return fd__error(FD_EINVAL, "fd_buf: bad format '%s'", fmt);
    fd_status rc = fd__buf_grow(b, (size_t)n);
    if (rc)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->size, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->size += (size_t)n;
    return FD_OK;
}

fd_status fd__buf_json_str(fd_buf *b, const char *s)
{
    fd_status rc = FD_OK;
    for (const char *run = s; rc == FD_OK; s++) {
        unsigned char c = (unsigned char)*s;
        if (c != 0 && c >= 0x20 && c != '"' && c != '\\')
            continue;
        rc = fd__buf_put(b, run, (size_t)(s - run));
        if (rc || c == 0)
            break;
        switch (c) {
        case '"': rc = fd__buf_puts(b, "\\\""); break;
        case '\\': rc = fd__buf_puts(b, "\\\\"); break;
        case '\n': rc = fd__buf_puts(b, "\\n"); break;
        case '\r': rc = fd__buf_puts(b, "\\r"); break;
        case '\t': rc = fd__buf_puts(b, "\\t"); break;
        default: rc = fd__buf_printf(b, "\\u%04x", c); break;
        }
        run = s + 1;
    }
    return rc;
}
