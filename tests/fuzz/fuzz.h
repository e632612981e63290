/*
 * Helpers shared by the fuzz targets written for issue 17: the input as
 * NUL-separated pieces and integers, the checks every target makes (a failed
 * call leaves its fd_buf empty and records a valid UTF-8 message).
 */
#ifndef FD_FUZZ_H
#define FD_FUZZ_H

#include <frontdesk/calendar.h>
#include <frontdesk/common.h>

#include "internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)         \
    do {                    \
        if (!(cond))        \
            abort();        \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input, read from the front: integers, bytes, and NUL-terminated strings. */
typedef struct fz {
    const uint8_t *p;
    size_t n;
} fz;

static inline uint64_t fz_u64(fz *f, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes && f->n > 0; i++, f->p++, f->n--)
        v |= (uint64_t)*f->p << (8 * i);
    return v;
}

static inline uint8_t fz_u8(fz *f)
{
    return (uint8_t)fz_u64(f, 1);
}

static inline int64_t fz_i64(fz *f)
{
    return (int64_t)fz_u64(f, 8);
}

static inline int32_t fz_i32(fz *f)
{
    return (int32_t)(uint32_t)fz_u64(f, 4);
}

/* An integer that is mostly small (a selector byte picks the size), sometimes anything. */
static inline int64_t fz_num(fz *f)
{
    uint8_t sel = fz_u8(f);
    switch (sel & 3) {
    case 0: return (int8_t)fz_u8(f);
    case 1: return (int16_t)fz_u64(f, 2);
    case 2: return (int32_t)fz_u64(f, 4);
    default: return fz_i64(f);
    }
}

/* The next string, up to a NUL or the end; points into @buf (a copy of the input). */
static inline const char *fz_str(fz *f, char *buf, size_t cap)
{
    size_t k = 0;
    while (f->n > 0 && *f->p != 0 && k + 1 < cap) {
        buf[k++] = (char)*f->p++;
        f->n--;
    }
    if (f->n > 0 && *f->p == 0) {
        f->p++;
        f->n--;
    }
    buf[k] = '\0';
    return buf;
}

/* The built-in calendar, made once per process (targets reset what they change). */
static inline fd_calendar *fz_calendar(void)
{
    static fd_calendar *cal;
    if (cal == NULL && fd_calendar_new(&cal) != FD_OK)
        abort();
    return cal;
}

/* A copy of the whole input as a C string (up to its first NUL). */
static inline char *fz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s) {
        memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}

static inline bool fz_valid(const char *s)
{
    return fd__utf8_valid(s, strlen(s));
}

/* Puts stale text into @b, as a listing loop would have left it. */
static inline void fz_stale(fd_buf *b)
{
    static const char stale[] = "上一位客户 13800138000";
    if (fd__buf_grow(b, sizeof stale))
        abort();
    memcpy(b->ptr, stale, sizeof stale);
    b->size = sizeof stale - 1;
}

/*
 * The checks after a call that wrote @b: on success a string of b->size
 * bytes; on failure an error code, a valid UTF-8 message naming something,
 * and an empty buffer (common.h).
 */
static inline void fz_after(fd_status rc, const fd_buf *b)
{
    if (rc == FD_OK) {
        CHECK(b->ptr != NULL && strlen(b->ptr) == b->size);
        return;
    }
    CHECK(rc < 0 && fd_error_last()->code == rc);
    const char *m = fd_error_last()->message;
    CHECK(m[0] != '\0' && fd__utf8_valid(m, strlen(m)));
    CHECK(b->ptr == NULL || (b->ptr[0] == '\0' && b->size == 0));
}

/* The same for a call that writes no buffer. */
static inline void fz_status(fd_status rc)
{
    if (rc == FD_OK)
        return;
    CHECK(rc < 0 && fd_error_last()->code == rc);
    const char *m = fd_error_last()->message;
    CHECK(m[0] != '\0' && fd__utf8_valid(m, strlen(m)));
}

#endif
