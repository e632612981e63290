/* The error model: thread-local last error, status names, version. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define FD__MSG_CAP 1024

static _Thread_local struct {
    fd_error err;
    char msg[FD__MSG_CAP];
} tls_error = { { FD_OK, "" }, "" };

/*
 * Rewrites msg in place (through a scratch copy) so that it is valid UTF-8:
 * each byte that does not start a well-formed sequence becomes "\xNN". Messages
 * quote caller input, and the caller's bad bytes must not make our message bad.
 */
static void sanitize(char *msg, size_t cap)
{
    char raw[FD__MSG_CAP];
    size_t n = strlen(msg), o = 0;
    memcpy(raw, msg, n + 1);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)raw[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len && i + len <= n && fd__utf8_valid(raw + i, len)) {
            if (o + len >= cap)
                break;
            memcpy(msg + o, raw + i, len);
            o += len;
            i += len;
        } else {
            if (o + 4 >= cap)
                break;
            snprintf(msg + o, 5, "\\x%02X", c);
            o += 4;
            i += 1;
        }
    }
    msg[o] = '\0';
}

fd_status fd__errorv(fd_status code, const char *fmt, va_list ap)
{
    vsnprintf(tls_error.msg, sizeof tls_error.msg, fmt, ap);
    sanitize(tls_error.msg, sizeof tls_error.msg);
    tls_error.err.code = code;
    tls_error.err.message = tls_error.msg;
    return code;
}

fd_status fd__error(fd_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fd__errorv(code, fmt, ap);
    va_end(ap);
    return code;
}

void fd__error_save(fd__saved_error *saved)
{
    saved->code = tls_error.err.code;
    snprintf(saved->message, sizeof saved->message, "%s", tls_error.err.message ? tls_error.err.message : "");
}

fd_status fd__error_restore(const fd__saved_error *saved)
{
    memcpy(tls_error.msg, saved->message, sizeof tls_error.msg);
    tls_error.err.code = saved->code;
    tls_error.err.message = tls_error.msg;
    return saved->code;
}

fd_status fd__oom(const char *fn)
{
    return fd__error(FD_ENOMEM, "%s: out of memory", fn);
}

const fd_error *fd_error_last(void)
{
    if (tls_error.err.message == NULL)
        tls_error.err.message = "";
    return &tls_error.err;
}

void fd_error_clear(void)
{
    tls_error.err.code = FD_OK;
    tls_error.msg[0] = '\0';
    tls_error.err.message = tls_error.msg;
}

const char *fd_status_name(fd_status code)
{
    switch (code) {
    case FD_OK: return "FD_OK";
    case FD_EINVAL: return "FD_EINVAL";
    case FD_ENOTFOUND: return "FD_ENOTFOUND";
    case FD_ECONFLICT: return "FD_ECONFLICT";
    case FD_ERANGE: return "FD_ERANGE";
    case FD_ENOMEM: return "FD_ENOMEM";
    case FD_EIO: return "FD_EIO";
    case FD_EBUSY: return "FD_EBUSY";
    case FD_ESTATE: return "FD_ESTATE";
    case FD_EPERM: return "FD_EPERM";
    case FD_EDATA: return "FD_EDATA";
    default: return "FD_UNKNOWN";
    }
}

const char *fd_version(void)
{
    return FD_VERSION_STRING;
}

fd_status fd__error_context(fd_status code, const char *fmt, ...)
{
    /* Copy the message first: it lives in the very buffer the new one is written to. */
    fd__saved_error cause;
    fd__error_save(&cause);
    char context[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(context, sizeof context, fmt, ap);
    va_end(ap);
    return fd__error(code, "%s: %s", context, cause.message);
}

fd_status fd__error_rename(fd_status rc, const char *fn, const char *qname)
{
    char msg[1024];
    fd__copy_fixed(msg, sizeof msg, fd_error_last()->message);
    const char *what = msg;
    for (int skip = 0; skip < (qname ? 2 : 1); skip++) {
        const char *colon = strstr(what, ": ");
        if (colon == NULL)
            break;
        what = colon + 2;
    }
    return qname ? fd__error(rc, "%s: %s: %s", fn, qname, what) : fd__error(rc, "%s: %s", fn, what);
}
