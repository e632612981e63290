/*
 * SQLite collations FD_ZH, FD_ZH_TEXT, FD_ZH_STROKE and FD_NATURAL (issue 4,
 * item 5), built on the text module's public sort keys so that the text module
 * never includes sqlite3.h (issue 8: layers).
 */
#include "store/collations.h"
#include "internal.h"
#include "frontdesk/text.h"

#include <stdlib.h>
#include <string.h>

/* FD_NATURAL is not an fd_text_order: it keys by fd_text_natural_key(). */
#define NATURAL (-1)

/*
 * One context per collation per connection: SQLite calls a connection's
 * collation from one thread at a time, so its buffers need no lock and are
 * reused for every comparison (no allocation once they have grown).
 */
typedef struct coll_ctx {
    int order; /* an fd_text_order, or NATURAL */
    fd_buf a, b; /* the two sort keys */
    fd_buf s;    /* the text, NUL-terminated for the text module */
} coll_ctx;

static void coll_free(void *p)
{
    coll_ctx *c = p;
    if (c == NULL)
        return;
    fd_buf_dispose(&c->a);
    fd_buf_dispose(&c->b);
    fd_buf_dispose(&c->s);
    free(c);
}

/* The sort key of s[0..n) (valid UTF-8 without NUL) into @key. */
static fd_status key_of(coll_ctx *c, fd_buf *key, const void *s, int n)
{
    fd__buf_clear(&c->s);
    fd_status rc = fd__buf_put(&c->s, s, (size_t)n);
    if (rc)
        return rc;
    if (c->order == NATURAL)
        return fd_text_natural_key(key, c->s.ptr);
    return fd_text_sort_key(key, c->s.ptr, (fd_text_order)c->order);
}

static int bytes_cmp(const void *a, int na, const void *b, int nb)
{
    int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
    return c ? c : na - nb;
}

/* What the text module can key: valid UTF-8 with no NUL inside. */
static bool keyable(const void *s, int n)
{
    return memchr(s, '\0', (size_t)n) == NULL && fd__utf8_valid(s, (size_t)n);
}

static int coll_cmp(void *ctx, int na, const void *a, int nb, const void *b)
{
    coll_ctx *c = ctx;
    bool va = keyable(a, na), vb = keyable(b, nb);
    if (!va || !vb) {
        if (va != vb)
            return va ? -1 : 1;
        return bytes_cmp(a, na, b, nb);
    }
    if (key_of(c, &c->a, a, na) != FD_OK || key_of(c, &c->b, b, nb) != FD_OK)
        return bytes_cmp(a, na, b, nb); /* out of memory: still a total order */
    int r = bytes_cmp(c->a.ptr ? c->a.ptr : "", (int)c->a.size, c->b.ptr ? c->b.ptr : "", (int)c->b.size);
    return r ? r : bytes_cmp(a, na, b, nb);
}

fd_status fd__store_register_collations(sqlite3 *db)
{
    static const struct {
        const char *name;
        int order;
    } colls[] = { { "FD_ZH", FD_TEXT_ORDER_NAME },
                  { "FD_ZH_TEXT", FD_TEXT_ORDER_PINYIN },
                  { "FD_ZH_STROKE", FD_TEXT_ORDER_STROKE },
                  { "FD_NATURAL", NATURAL } };
    for (size_t i = 0; i < sizeof colls / sizeof colls[0]; i++) {
        coll_ctx *c = calloc(1, sizeof *c);
        if (c == NULL)
            return fd__oom("fd_store_open");
        c->order = colls[i].order;
        /* SQLite does not call xDestroy when registration fails: free it here. */
        int rc = sqlite3_create_collation_v2(db, colls[i].name, SQLITE_UTF8, c, coll_cmp, coll_free);
        if (rc != SQLITE_OK) {
            coll_free(c);
            return fd__error(rc == SQLITE_NOMEM ? FD_ENOMEM : FD_EIO,
                             "fd_store_open: cannot register collation %s: %s", colls[i].name,
                             sqlite3_errmsg(db));
        }
    }
    return FD_OK;
}
