/*
 * Feeds arbitrary bytes to every function of the text module. It must never
 * crash; input that is not valid UTF-8 must give FD_EINVAL everywhere, valid
 * input FD_OK; outputs must be valid UTF-8; normalisation must be idempotent;
 * and fd_text_matches must agree with the search keys (the index promise).
 * The input is split at the first 0x00 byte into query and text; the last
 * byte (when there are two or more) picks widths and orders.
 */
#include <frontdesk/text.h>

#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define CHECK(cond)         \
    do {                    \
        if (!(cond))        \
            abort();        \
    } while (0)

static bool valid(const char *s)
{
    return fd__utf8_valid(s, strlen(s));
}

static void check_out(fd_status rc, bool ok, const fd_buf *b)
{
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));
    if (rc == FD_OK)
        CHECK(b->ptr != NULL && strlen(b->ptr) == b->size && valid(b->ptr));
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char knob = size >= 2 ? data[size - 1] : 0;
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    const char *query = text;
    const char *body = text + strlen(text) + (strlen(text) < size ? 1 : 0);
    bool ok = valid(text), bok = valid(body);

    fd_buf b = FD_BUF_INIT, c = FD_BUF_INIT;
    check_out(fd_text_normalize(&b, text), ok, &b);
    if (ok) {
        CHECK(fd_text_normalize(&c, b.ptr) == FD_OK);
        CHECK(strcmp(b.ptr, c.ptr) == 0); /* idempotent */
    }
    check_out(fd_text_to_simplified(&b, text), ok, &b);
    check_out(fd_text_to_traditional(&b, text), ok, &b);
    check_out(fd_text_pinyin(&b, text, knob & 1), ok, &b);
    check_out(fd_text_name_pinyin(&b, text, knob & 2), ok, &b);
    check_out(fd_text_initials(&b, text), ok, &b);
    check_out(fd_text_name_initials(&b, text), ok, &b);
    check_out(fd_text_search_key(&b, text), ok, &b);
    check_out(fd_text_search_query(&c, text), ok, &c);
    if (ok)
        CHECK(c.size <= FD_TEXT_KEY_MAX);

    /* the index promise, on query/body split at the first NUL */
    int m = -1;
    fd_status rc = fd_text_matches(&m, query, body);
    CHECK(rc == (valid(query) && bok ? FD_OK : FD_EINVAL));
    if (rc == FD_OK) {
        CHECK(fd_text_search_key(&b, body) == FD_OK);
        CHECK(fd_text_search_query(&c, query) == FD_OK);
        /* A query key that may have been cut finds a superset; compare the others exactly. */
        if (c.size + 4 <= FD_TEXT_KEY_MAX)
            CHECK(m == (some_key_starts_with(&b, &c) ? 1 : 0));
        else if (m == 1)
            CHECK(some_key_starts_with(&b, &c));
    }

    int order = knob % 3;
    rc = fd_text_sort_key(&b, text, order);
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));
    int cmp = 9;
    rc = fd_text_compare(&cmp, query, body, order);
    CHECK(rc == (valid(query) && bok ? FD_OK : FD_EINVAL));
    if (rc == FD_OK) {
        int back = 9;
        CHECK(fd_text_compare(&back, body, query, order) == FD_OK);
        CHECK((cmp < 0 && back > 0) || (cmp > 0 && back < 0) || (cmp == 0 && back == 0));
    }
    rc = fd_text_natural_key(&b, text);
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));

    const char *names[2] = { query, body };
    rc = fd_text_sort_inplace(names, 2, order);
    CHECK(rc == (valid(query) && bok ? FD_OK : FD_EINVAL));
    rc = fd_text_sort_names(&b, (const char *const[]){ query, body }, 2, order);
    if (valid(query) && bok && !strchr(query, '\n') && !strchr(body, '\n'))
        CHECK(rc == FD_OK);
    else
        CHECK(rc == FD_EINVAL);

    int32_t w = -1;
    rc = fd_text_display_width(&w, text);
    CHECK(rc == (ok ? FD_OK : FD_EINVAL));
    if (rc == FD_OK)
        CHECK(w >= 0);
    int32_t width = knob % 40;
    rc = fd_text_truncate(&b, text, width, "…");
    check_out(rc, ok, &b);
    if (rc == FD_OK) {
        int32_t tw = -1;
        CHECK(fd_text_display_width(&tw, b.ptr) == FD_OK);
        CHECK(tw <= width);
    }
    rc = fd_text_truncate(&b, text, width, body); /* any ellipsis: must not crash */
    check_out(rc, ok && bok, &b);
    rc = fd_text_pad(&c, text, width, knob % 3);
    check_out(rc, ok, &c);
    if (rc == FD_OK) {
        int32_t pw = -1;
        CHECK(fd_text_display_width(&pw, c.ptr) == FD_OK);
        CHECK(pw >= width || pw == w);
    }
    fd_buf_dispose(&b);
    fd_buf_dispose(&c);
    free(text);
    return 0;
}
