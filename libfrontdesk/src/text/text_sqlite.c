/* SQLite collations FD_ZH, FD_ZH_TEXT, FD_ZH_STROKE and FD_NATURAL (issue 4, item 5). */
#include "text_sqlite.h"
#include "text_internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * One context per collation per connection: SQLite calls a connection's
 * collation from one thread at a time, so its two key buffers need no lock and
 * are reused for every comparison (no allocation once they have grown).
 */
typedef struct coll_ctx {
    int kind; /* an fd_text_order, or -1 for natural */
    fd_buf a, b, s;
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

static fd_status key_of(coll_ctx *c, fd_buf *key, const void *s, int n)
{
    fd__buf_clear(key);
    if (c->kind < 0) {
        /* fd_text_natural_key wants a NUL-terminated string. */
        fd__buf_clear(&c->s);
        fd_status rc = fd__buf_put(&c->s, s, (size_t)n);
        if (rc == FD_OK && memchr(c->s.ptr, '\0', (size_t)n) != NULL)
            rc = FD_EINVAL;
        return rc ? rc : fd_text_natural_key(key, c->s.ptr);
    }
    return fd__text_sort_key_into(key, s, (size_t)n, (fd_text_order)c->kind, "FD_ZH");
}

static int bytes_cmp(const void *a, int na, const void *b, int nb)
{
    int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
    return c ? c : na - nb;
}

static int coll_cmp(void *ctx, int na, const void *a, int nb, const void *b)
{
    coll_ctx *c = ctx;
    bool va = fd__utf8_valid(a, (size_t)na), vb = fd__utf8_valid(b, (size_t)nb);
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

fd_status fd__text_register_sqlite(sqlite3 *db)
{
    static const struct {
        const char *name;
        int kind;
    } colls[] = { { "FD_ZH", FD_TEXT_ORDER_NAME },
                  { "FD_ZH_TEXT", FD_TEXT_ORDER_PINYIN },
                  { "FD_ZH_STROKE", FD_TEXT_ORDER_STROKE },
                  { "FD_NATURAL", -1 } };
    for (size_t i = 0; i < sizeof colls / sizeof colls[0]; i++) {
        coll_ctx *c = calloc(1, sizeof *c);
        if (c == NULL)
            return fd__oom("fd__text_register_sqlite");
        c->kind = colls[i].kind;
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
