/*
 * Feeds arbitrary bytes to every function of the text module. It must never
 * crash; input that is not valid UTF-8 must give FD_EINVAL everywhere, valid
 * input FD_OK; outputs must be valid UTF-8; normalisation must be idempotent;
 * fd_text_matches must agree with the search keys (the index promise); and a
 * failed call leaves its buffer empty (common.h).
 *
 * The input is split at NUL bytes into query, text and parameters. The
 * parameters (12 bytes, zero-padded) give the widths, the alignment, the
 * order and the tones across their whole range: a width is any int32 when
 * its selector bit says so, else 0..79, so that the common sizes come often;
 * orders, alignments and tones are any int half of the time. Without a
 * parameter piece (the seed corpus is plain names and text) they come from a
 * hash of the text.
 */
#include <frontdesk/text.h>

#include "fuzz.h"

static bool valid(const char *s)
{
    return fd__utf8_valid(s, strlen(s));
}

static void check_out(fd_status rc, bool ok, const fd_buf *b)
{
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));
    fz_after(rc, b);
    if (rc == FD_OK)
        CHECK(valid(b->ptr));
}

/* Whether some '\n'-separated key in keys starts with q. */
static bool some_key_starts_with(const fd_buf *keys, const fd_buf *q)
{
    if (q->size == 0)
        return true;
    const char *p = keys->ptr, *end = keys->ptr + keys->size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if ((size_t)(e - p) >= q->size && memcmp(p, q->ptr, q->size) == 0)
            return true;
        p = e + 1;
    }
    return false;
}

typedef struct params {
    int32_t width, pad_width;
    int align, order, tones;
} params;

/* A width: any int32 when the selector says so, else 0..79. */
static int32_t width_of(uint32_t raw, bool any)
{
    return any ? (int32_t)raw : (int32_t)(raw % 80);
}

static params params_of(const uint8_t *p, size_t n, const char *text)
{
    uint8_t b[12] = { 0 };
    if (p) {
        memcpy(b, p, n < sizeof b ? n : sizeof b);
    } else { /* FNV-1a of the text */
        uint64_t h = 1469598103934665603u;
        for (const char *s = text; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211u;
        for (int i = 0; i < 8; i++)
            b[i] = (uint8_t)(h >> (8 * i));
        b[8] = (uint8_t)(h >> 13), b[9] = (uint8_t)(h >> 21), b[10] = (uint8_t)(h >> 29), b[11] = 0;
    }
    uint8_t sel = b[11];
    params pr;
    pr.width = width_of((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24, sel & 1);
    pr.pad_width = width_of((uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 | (uint32_t)b[7] << 24,
                            sel & 2);
    pr.align = sel & 4 ? (int)(int8_t)b[8] : b[8] % 3;
    pr.order = sel & 8 ? (int)(int8_t)b[9] : b[9] % 3;
    pr.tones = sel & 16 ? (int)(int8_t)b[10] : b[10] & 1;
    return pr;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    const char *query = text;
    size_t qlen = strlen(text);
    const char *body = text + qlen + (qlen < size ? 1 : 0);
    size_t blen = strlen(body);
    size_t used = (size_t)(body - text) + blen;
    params pr = used < size ? params_of(data + used + 1, size - used - 1, text) : params_of(NULL, 0, text);
    bool ok = valid(text), bok = valid(body);
    bool order_ok = pr.order >= 0 && pr.order <= 2;

    fd_buf b = FD_BUF_INIT, c = FD_BUF_INIT;
    fz_stale(&b);
    check_out(fd_text_normalize(&b, text), ok, &b);
    if (ok) {
        CHECK(fd_text_normalize(&c, b.ptr) == FD_OK);
        CHECK(strcmp(b.ptr, c.ptr) == 0); /* idempotent */
    }
    fz_stale(&b);
    check_out(fd_text_to_simplified(&b, text), ok, &b);
    fz_stale(&b);
    check_out(fd_text_to_traditional(&b, text), ok, &b);
    fz_stale(&b);
    check_out(fd_text_pinyin(&b, text, pr.tones), ok, &b);
    fz_stale(&b);
    check_out(fd_text_name_pinyin(&b, text, pr.tones), ok, &b);
    fz_stale(&b);
    check_out(fd_text_initials(&b, text), ok, &b);
    fz_stale(&b);
    check_out(fd_text_name_initials(&b, text), ok, &b);
    fz_stale(&b);
    check_out(fd_text_search_key(&b, text), ok, &b);
    fz_stale(&c);
    check_out(fd_text_search_query(&c, text), ok, &c);
    if (ok)
        CHECK(c.size <= FD_TEXT_KEY_MAX);

    /* the index promise, on query/body split at the first NUL */
    int m = -1;
    fd_status rc = fd_text_matches(&m, query, body);
    CHECK(rc == (valid(query) && bok ? FD_OK : FD_EINVAL));
    fz_status(rc);
    if (rc == FD_OK) {
        CHECK(fd_text_search_key(&b, body) == FD_OK);
        CHECK(fd_text_search_query(&c, query) == FD_OK);
        /* A query key that may have been cut finds a superset; compare the others exactly. */
        if (c.size + 4 <= FD_TEXT_KEY_MAX)
            CHECK(m == (some_key_starts_with(&b, &c) ? 1 : 0));
        else if (m == 1)
            CHECK(some_key_starts_with(&b, &c));
    } else {
        CHECK(m == -1);
    }

    fz_stale(&b);
    rc = fd_text_sort_key(&b, text, (fd_text_order)pr.order);
    CHECK(rc == (ok && order_ok ? FD_OK : FD_EINVAL));
    fz_after(rc, &b);
    int cmp = 9;
    rc = fd_text_compare(&cmp, query, body, (fd_text_order)pr.order);
    CHECK(rc == (valid(query) && bok && order_ok ? FD_OK : FD_EINVAL));
    fz_status(rc);
    if (rc == FD_OK) {
        int back = 9;
        CHECK(fd_text_compare(&back, body, query, (fd_text_order)pr.order) == FD_OK);
        CHECK((cmp < 0 && back > 0) || (cmp > 0 && back < 0) || (cmp == 0 && back == 0));
    } else {
        CHECK(cmp == 9);
    }
    fz_stale(&b);
    rc = fd_text_natural_key(&b, text);
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));
    fz_after(rc, &b);

    const char *names[2] = { query, body };
    rc = fd_text_sort_inplace(names, 2, (fd_text_order)pr.order);
    CHECK(rc == (valid(query) && bok && order_ok ? FD_OK : FD_EINVAL));
    fz_status(rc);
    if (rc != FD_OK)
        CHECK(names[0] == query && names[1] == body); /* unchanged on error */
    fz_stale(&b);
    rc = fd_text_sort_names(&b, (const char *const[]){ query, body }, 2, (fd_text_order)pr.order);
    if (valid(query) && bok && order_ok && !strchr(query, '\n') && !strchr(body, '\n'))
        CHECK(rc == FD_OK);
    else
        CHECK(rc == FD_EINVAL);
    fz_after(rc, &b);

    int32_t w = -1;
    rc = fd_text_display_width(&w, text);
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));
    fz_status(rc);
    if (rc == FD_OK)
        CHECK(w >= 0);
    else
        CHECK(w == -1);

    /* Truncation: any width; a negative one is FD_ERANGE. */
    fz_stale(&b);
    rc = fd_text_truncate(&b, text, pr.width, "…");
    fz_after(rc, &b);
    CHECK(rc == (!ok ? FD_EINVAL : pr.width < 0 ? FD_ERANGE : FD_OK));
    if (rc == FD_OK) {
        int32_t tw = -1;
        CHECK(valid(b.ptr) && fd_text_display_width(&tw, b.ptr) == FD_OK);
        CHECK(tw <= pr.width);
        if (w <= pr.width)
            CHECK(strcmp(b.ptr, text) == 0); /* text that fits is copied unchanged */
    }
    fz_stale(&b);
    rc = fd_text_truncate(&b, text, pr.width, body); /* any ellipsis: must not crash */
    fz_after(rc, &b);
    CHECK(rc == (!ok || !bok ? FD_EINVAL : pr.width < 0 ? FD_ERANGE : FD_OK));

    /* Padding: widths 0..65536 and the three alignments; the rest refused. */
    fz_stale(&c);
    rc = fd_text_pad(&c, text, pr.pad_width, (fd_text_align)pr.align);
    fz_after(rc, &c);
    bool width_ok = pr.pad_width >= 0 && pr.pad_width <= 65536, align_ok = pr.align >= 0 && pr.align <= 2;
    if (!ok)
        CHECK(rc == FD_EINVAL);
    else if (!width_ok)
        CHECK(rc == FD_ERANGE || (rc == FD_EINVAL && !align_ok));
    else if (!align_ok)
        CHECK(rc == FD_EINVAL);
    else
        CHECK(rc == FD_OK);
    if (rc == FD_OK) {
        int32_t pw = -1;
        CHECK(valid(c.ptr) && fd_text_display_width(&pw, c.ptr) == FD_OK);
        CHECK(pw >= pr.pad_width || pw == w); /* padded to the width, never cut */
        CHECK(strstr(c.ptr, text) != NULL);
        size_t lead = strspn(c.ptr, " ");
        if (pr.align == FD_TEXT_ALIGN_LEFT && text[0] != ' ' && text[0] != '\0')
            CHECK(lead == 0);
    }
    fd_buf_dispose(&b);
    fd_buf_dispose(&c);
    free(text);
    return 0;
}
