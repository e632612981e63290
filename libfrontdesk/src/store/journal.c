/* The append-only journal (R-COM-1: who, when, which site; R-COM-3: nothing lost). */
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const SQL_JOURNAL_INSERT =
    "INSERT INTO journal (at, site_id, staff_id, entity, entity_id, action, detail) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char *const SQL_SITE_EXISTS = "SELECT 1 FROM sites WHERE id = ?1";

/* After a foreign-key failure: says whether the site or the member of staff is missing. */
static fd_status missing_reference(fd_store *s, const char *fn, int64_t site_id, int64_t staff_id)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_SITE_EXISTS);
    int found = 1;
    if (st) {
        sqlite3_bind_int64(st, 1, site_id);
        found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_reset(st);
    }
    if (!found)
        return fd__error(FD_ENOTFOUND, "%s: site_id: no site %lld", fn, (long long)site_id);
    return fd__error(FD_ENOTFOUND, "%s: staff_id: no staff %lld", fn, (long long)staff_id);
}

/* Inserts without argument checks; @at 0 = now, @staff_id 0 = the system. */
static fd_status insert(int64_t *out_id, fd_store *s, const char *fn, int64_t at, int64_t site_id,
                        int64_t staff_id, const char *entity, int64_t entity_id, const char *action,
                        const char *detail)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_JOURNAL_INSERT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, at ? at : fd__now());
    sqlite3_bind_int64(st, 2, site_id);
    if (staff_id)
        sqlite3_bind_int64(st, 3, staff_id);
    sqlite3_bind_text(st, 4, entity, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, entity_id);
    sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, detail ? detail : "", -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_CONSTRAINT_FOREIGNKEY)
        return missing_reference(s, fn, site_id, staff_id);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "appending to the journal");
    if (out_id)
        *out_id = sqlite3_last_insert_rowid(s->db);
    return FD_OK;
}

fd_status fd__journal(fd_store *s, const char *fn, int64_t site_id, int64_t staff_id, const char *entity,
                      int64_t entity_id, const char *action, const char *detail)
{
    return insert(NULL, s, fn, 0, site_id, staff_id, entity, entity_id, action, detail);
}

fd_status fd_store_journal_append(int64_t *out_id, fd_store *store, int64_t at, int64_t site_id,
                                  int64_t staff_id, const char *entity, int64_t entity_id, const char *action,
                                  const char *detail)
{
    static const char fn[] = "fd_store_journal_append";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_code(fn, "entity", entity, true);
    if (rc == FD_OK)
        rc = fd__check_code(fn, "action", action, true);
    if (rc == FD_OK && detail)
        rc = fd__check_text(fn, "detail", detail, FD_DETAIL_MAX, false);
    if (rc)
        return rc;
    if (at < 0)
        return fd__error(FD_ERANGE, "%s: at: %lld is before 1970", fn, (long long)at);
    if (site_id <= 0)
        return fd__error(FD_EINVAL, "%s: site_id: %lld is not a site id", fn, (long long)site_id);
    if (staff_id < 0 || entity_id < 0)
        return fd__error(FD_EINVAL, "%s: %s: %lld must not be negative", fn, staff_id < 0 ? "staff_id" : "entity_id",
                         (long long)(staff_id < 0 ? staff_id : entity_id));
    if (store->read_only)
        return fd__error(FD_EPERM, "%s: store: opened read-only", fn);
    /* One statement: atomic by itself, so no savepoint on this hot path. */
    return insert(out_id, store, fn, at, site_id, staff_id, entity, entity_id, action, detail);
}

fd_status fd_journal_filter_init(fd_journal_filter *filter, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_journal_filter_init", "filter", filter);
    if (rc)
        return rc;
    if (version != FD_JOURNAL_FILTER_VERSION)
        return fd__error(FD_EINVAL, "fd_journal_filter_init: version: %u, this library knows %d", version,
                         FD_JOURNAL_FILTER_VERSION);
    fd_journal_filter init = FD_JOURNAL_FILTER_INIT;
    *filter = init;
    return FD_OK;
}

struct fd_journal_iter {
    sqlite3_stmt *stmt; /* owned: not from the cache, so iterators may overlap */
    fd_journal_entry entry;
};

/* Each filter field is optional: "?N = 0 OR column = ?N" lets one statement serve all. */
static const char SQL_JOURNAL_QUERY[] =
    "SELECT id, at, site_id, coalesce(staff_id, 0), entity, entity_id, action, detail FROM journal "
    "WHERE (?1 = 0 OR site_id = ?1) AND (?2 = 0 OR at >= ?2) AND (?3 = 0 OR at < ?3) "
    "AND (?4 = '' OR entity = ?4) AND (?5 = 0 OR entity_id = ?5) ORDER BY id";

fd_status fd_store_journal_query(fd_journal_iter **out, fd_store *store, const fd_journal_filter *filter)
{
    static const char fn[] = "fd_store_journal_query";
    fd_journal_filter all = FD_JOURNAL_FILTER_INIT;
    const fd_journal_filter *f = filter ? filter : &all;
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc)
        return rc;
    if (f->version != FD_JOURNAL_FILTER_VERSION)
        return fd__error(FD_EINVAL, "%s: filter.version: %u, this library knows %d", fn, f->version,
                         FD_JOURNAL_FILTER_VERSION);
    if (memchr(f->entity, '\0', sizeof f->entity) == NULL)
        return fd__error(FD_EINVAL, "%s: filter.entity: not NUL-terminated", fn);
    if (f->entity[0] && (rc = fd__check_code(fn, "filter.entity", f->entity, true)) != FD_OK)
        return rc;
    fd_journal_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return fd__oom(fn);
    int src = sqlite3_prepare_v2(store->db, SQL_JOURNAL_QUERY, -1, &it->stmt, NULL);
    if (src != SQLITE_OK) {
        free(it);
        return fd__store_sqlerr(store, fn, src, "preparing the journal query");
    }
    sqlite3_bind_int64(it->stmt, 1, f->site_id);
    sqlite3_bind_int64(it->stmt, 2, f->since);
    sqlite3_bind_int64(it->stmt, 3, f->until);
    sqlite3_bind_text(it->stmt, 4, f->entity, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(it->stmt, 5, f->entity_id);
    *out = it;
    return FD_OK;
}

fd_status fd_journal_iter_next(const fd_journal_entry **out, fd_journal_iter *iter)
{
    static const char fn[] = "fd_journal_iter_next";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "iter", iter);
    if (rc)
        return rc;
    if (iter->stmt == NULL) {
        *out = NULL;
        return FD_OK;
    }
    int src = sqlite3_step(iter->stmt);
    if (src == SQLITE_DONE) {
        /* Release the read transaction as soon as the rows are exhausted. */
        sqlite3_finalize(iter->stmt);
        iter->stmt = NULL;
        *out = NULL;
        return FD_OK;
    }
    if (src != SQLITE_ROW)
        return fd__error(src == SQLITE_BUSY ? FD_EBUSY : FD_EIO, "%s: reading the journal: %s", fn,
                         sqlite3_errstr(src));
    fd_journal_entry *e = &iter->entry;
    sqlite3_stmt *st = iter->stmt;
    e->id = sqlite3_column_int64(st, 0);
    e->at = sqlite3_column_int64(st, 1);
    e->site_id = sqlite3_column_int64(st, 2);
    e->staff_id = sqlite3_column_int64(st, 3);
    fd__column_fixed(e->entity, sizeof e->entity, st, 4);
    e->entity_id = sqlite3_column_int64(st, 5);
    fd__column_fixed(e->action, sizeof e->action, st, 6);
    /* The column text is valid until the next step, exactly the promised lifetime. */
    const char *detail = (const char *)sqlite3_column_text(st, 7);
    e->detail = detail ? detail : "";
    *out = e;
    return FD_OK;
}

void fd_journal_iter_free(fd_journal_iter *iter)
{
    if (iter == NULL)
        return;
    sqlite3_finalize(iter->stmt);
    free(iter);
}
