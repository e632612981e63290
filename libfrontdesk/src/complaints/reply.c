/*
 * The reply-phrase check (R-CPL-7, R-CALL-2): the phrases a desk must not use
 * with a complaining customer, found in a reply however it was typed —
 * full-width, Traditional, with spaces between the characters — and shown at
 * the bytes the clerk typed, so a form can mark them.
 *
 * Text and phrases are folded the same way (fd__text_fold_spans: the search
 * fold, piece by piece, keeping the source span of every folded byte); a hit
 * is a phrase's fold found in the text's fold, mapped back to the span from
 * the first matched byte's source to the last one's.
 */
#include "internal.h"
#include "frontdesk/complaints.h"

#include <stdlib.h>
#include <string.h>

/* Longest reply checked: a reply is a message, not a document. */
#define REPLY_TEXT_MAX 65536

/* R-CPL-7 and R-CALL-2 (喂), and the ways of shifting the customer away that desks list beside them. */
static const char BUILTIN[] = "不行\n不知道\n不可以\n喂\n没办法\n不归我管\n不清楚\n你自己看\n找别人\n我也没办法";

const char *fd__reply_builtin(void)
{
    return BUILTIN;
}

typedef struct hit {
    size_t phrase; /* index into the phrases as listed */
    size_t start, end;
} hit;

struct fd_reply_hits {
    hit *v;
    size_t n, cap;
    char *list;      /* the phrases as given, each line NUL-terminated */
    char **phrases;  /* the start of each line in `list` */
    size_t nphrases;
};

void fd_reply_hits_free(fd_reply_hits *hits)
{
    if (hits == NULL)
        return;
    free(hits->v);
    free(hits->list);
    free(hits->phrases);
    free(hits);
}

size_t fd_reply_hits_count(const fd_reply_hits *hits)
{
    return hits ? hits->n : 0;
}

fd_status fd_reply_hits_get(const char **phrase, size_t *start, size_t *end, const fd_reply_hits *hits, size_t index)
{
    static const char fn[] = "fd_reply_hits_get";
    fd_status rc = fd__check_ptr(fn, "phrase", phrase);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "start", start);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "end", end);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "hits", hits);
    if (rc)
        return rc;
    if (index >= hits->n)
        return fd__error(FD_ERANGE, "%s: index: %zu, there %s %zu hit%s", fn, index, hits->n == 1 ? "is" : "are",
                         hits->n, hits->n == 1 ? "" : "s");
    *phrase = hits->phrases[hits->v[index].phrase];
    *start = hits->v[index].start;
    *end = hits->v[index].end;
    return FD_OK;
}

/* Splits a copy of @phrases into lines (a last line break ends the last line; "\r\n" is one break). */
static fd_status split_lines(fd_reply_hits *h, const char *fn, const char *phrases)
{
    size_t len = strlen(phrases);
    if (!fd__utf8_valid(phrases, len))
        return fd__error(FD_EINVAL, "%s: phrases: not valid UTF-8", fn);
    if ((h->list = malloc(len + 1)) == NULL)
        return fd__oom(fn);
    memcpy(h->list, phrases, len + 1);
    if (len > 0 && h->list[len - 1] == '\n')
        h->list[--len] = '\0';
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += h->list[i] == '\n';
    if (lines > FD__REPLY_PHRASES_MAX)
        return fd__error(FD_ERANGE, "%s: phrases: %zu lines, at most %d phrases are checked", fn, lines,
                         FD__REPLY_PHRASES_MAX);
    if ((h->phrases = malloc(lines * sizeof *h->phrases)) == NULL)
        return fd__oom(fn);
    char *p = h->list;
    for (size_t k = 0; k < lines; k++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        size_t n = strlen(p);
        if (n > 0 && p[n - 1] == '\r')
            p[--n] = '\0';
        h->phrases[k] = p;
        p = nl ? nl + 1 : p + n;
    }
    h->nphrases = lines;
    return FD_OK;
}

static fd_status hit_add(fd_reply_hits *h, const char *fn, size_t phrase, size_t start, size_t end)
{
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 8;
        hit *v = realloc(h->v, cap * sizeof *v);
        if (v == NULL)
            return fd__oom(fn);
        h->v = v;
        h->cap = cap;
    }
    h->v[h->n].phrase = phrase;
    h->v[h->n].start = start;
    h->v[h->n].end = end;
    h->n++;
    return FD_OK;
}

/* In order of their start in the text, then of the list (then the longer first). */
static int hit_cmp(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->phrase != y->phrase)
        return x->phrase < y->phrase ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

/*
 * Every occurrence of each phrase's fold in the text's fold @t (overlapping
 * ones too), mapped back through @sp. A phrase whose fold repeats an earlier
 * one's is the same phrase: found once, under its first line.
 */
static fd_status find_all(fd_reply_hits *h, const char *fn, const fd_buf *t, const fd__fold_spans *sp)
{
    fd_buf *folds = calloc(h->nphrases, sizeof *folds);
    if (folds == NULL)
        return fd__oom(fn);
    fd_status rc = FD_OK;
    for (size_t k = 0; k < h->nphrases && rc == FD_OK; k++) {
        const char *ph = h->phrases[k];
        if (ph[0] == '\0') {
            rc = fd__error(FD_EINVAL, "%s: phrases: line %zu is empty", fn, k + 1);
            break;
        }
        if ((rc = fd__text_fold_spans(&folds[k], NULL, ph, strlen(ph))) != FD_OK)
            break;
        if (folds[k].size == 0) {
            rc = fd__error(FD_EINVAL, "%s: phrases: line %zu ('%.32s') has nothing to match once folded", fn,
                           k + 1, ph);
            break;
        }
        bool again = false;
        for (size_t j = 0; j < k && !again; j++)
            again = folds[j].size == folds[k].size && memcmp(folds[j].ptr, folds[k].ptr, folds[k].size) == 0;
        if (again || folds[k].size > t->size)
            continue;
        const char *f = folds[k].ptr;
        size_t m = folds[k].size;
        for (size_t i = 0; i + m <= t->size && rc == FD_OK; i++) {
            const char *at = memchr(t->ptr + i, f[0], t->size - m + 1 - i);
            if (at == NULL)
                break;
            i = (size_t)(at - t->ptr);
            if (memcmp(at, f, m) == 0)
                rc = hit_add(h, fn, k, sp->from[i], sp->to[i + m - 1]);
        }
    }
    for (size_t k = 0; k < h->nphrases; k++)
        fd_buf_dispose(&folds[k]);
    free(folds);
    return rc;
}

fd_status fd_reply_check(fd_reply_hits **out, const char *text, const char *phrases)
{
    static const char fn[] = "fd_reply_check";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    /* The text is a reply to a customer: it may hold their number, so it is never quoted. */
    if ((rc = fd__check_ptr(fn, "text", text)) != FD_OK)
        return rc;
    size_t len = strlen(text);
    if (len > REPLY_TEXT_MAX)
        return fd__error(FD_ERANGE, "%s: text: %zu bytes, at most %d (64 KiB) are checked", fn, len,
                         REPLY_TEXT_MAX);
    if (!fd__utf8_valid(text, len))
        return fd__error(FD_EINVAL, "%s: text: not valid UTF-8", fn);
    fd_reply_hits *h = calloc(1, sizeof *h);
    if (h == NULL)
        return fd__oom(fn);
    rc = split_lines(h, fn, phrases ? phrases : BUILTIN);
    fd_buf t = FD_BUF_INIT;
    fd__fold_spans sp = { NULL, NULL, 0 };
    if (rc == FD_OK)
        rc = fd__text_fold_spans(&t, &sp, text, len);
    if (rc == FD_OK)
        rc = find_all(h, fn, &t, &sp);
    fd_buf_dispose(&t);
    fd__fold_spans_dispose(&sp);
    if (rc) {
        fd_reply_hits_free(h);
        return rc;
    }
    fd__qsort(h->v, h->n, sizeof *h->v, hit_cmp);
    *out = h;
    return FD_OK;
}
