/*
 * The reply-phrase check (fd_reply_check, R-CPL-7, R-CALL-2) on arbitrary
 * bytes: text that is not UTF-8 is refused with FD_EINVAL, a phrase list with
 * an empty line too; otherwise every hit is one of the listed phrases, in
 * order of its start, and spans whole characters of the text [start, end)
 * whose search fold holds the phrase's fold (the span maps the folded match
 * back to the bytes typed, so folding them again finds the phrase).
 *
 * Input: a selector byte (odd: the built-in list), the text, a NUL, the
 * phrases one per line.
 */
#include <frontdesk/complaints.h>

#include "fuzz.h"

/* The search fold of @s[0..n) into @out (emptied first). */
static void fold(fd_buf *out, const char *s, size_t n)
{
    fd__buf_clear(out);
    CHECK(fd__text_fold_spans(out, NULL, s, n) == FD_OK);
}

/* Whether @phrase is one of the lines of @list (a line's "\r" before "\n" is not part of it). */
static bool listed(const char *list, const char *phrase)
{
    size_t n = strlen(phrase);
    for (const char *l = list; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        size_t k = strcspn(l, "\n");
        if (k > 0 && l[k - 1] == '\r')
            k--;
        if (k == n && memcmp(l, phrase, n) == 0)
            return true;
    }
    return false;
}

static bool holds(const fd_buf *hay, const fd_buf *needle)
{
    if (needle->size > hay->size)
        return false;
    for (size_t i = 0; i + needle->size <= hay->size; i++)
        if (memcmp(hay->ptr + i, needle->ptr, needle->size) == 0)
            return true;
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = { data, size };
    bool builtin = fz_u8(&f) & 1;
    static char text[4096], list[4096];
    fz_str(&f, text, sizeof text);
    fz_str(&f, list, sizeof list);
    const char *phrases = builtin ? NULL : list;
    fd_reply_hits *h = NULL;
    fd_status rc = fd_reply_check(&h, text, phrases);
    fz_status(rc);
    if (!fz_valid(text) || (phrases && !fz_valid(phrases)))
        CHECK(rc == FD_EINVAL);
    if (rc != FD_OK) {
        CHECK(h == NULL);
        CHECK(rc == FD_EINVAL || rc == FD_ERANGE || rc == FD_ENOMEM);
        CHECK(strstr(fd_error_last()->message, "fd_reply_check: ") != NULL);
        return 0;
    }
    size_t len = strlen(text), prev = 0;
    fd_buf span = FD_BUF_INIT, want = FD_BUF_INIT;
    for (size_t i = 0; i < fd_reply_hits_count(h); i++) {
        const char *phrase = NULL;
        size_t s = 0, e = 0;
        CHECK(fd_reply_hits_get(&phrase, &s, &e, h, i) == FD_OK);
        CHECK(s < e && e <= len && s >= prev);
        prev = s;
        CHECK(fd__utf8_valid(text + s, e - s)); /* whole characters */
        CHECK(listed(builtin ? fd__reply_builtin() : list, phrase));
        fold(&span, text + s, e - s);
        fold(&want, phrase, strlen(phrase));
        CHECK(want.size > 0 && holds(&span, &want));
    }
    const char *p = NULL;
    size_t s = 0, e = 0;
    CHECK(fd_reply_hits_get(&p, &s, &e, h, fd_reply_hits_count(h)) == FD_ERANGE);
    fd_buf_dispose(&span);
    fd_buf_dispose(&want);
    fd_reply_hits_free(h);
    return 0;
}
