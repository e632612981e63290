/*
 * The record engine (record.h): everything a record needs from the store,
 * once, driven by the generated field tables. R-COM-2 lives here too: personal
 * data is masked on the way out unless the actor reveals it, and each reveal
 * is logged before the record is handed out.
 */
#include "store/record.h"
#include "frontdesk/pii.h"
#include "frontdesk/text.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows read per page: an iterator holds no read transaction between pages. */
#define FD__PAGE 64

static const char SQL_SEARCH_KEY_INSERT[] = "INSERT OR IGNORE INTO search_keys (tbl, key, row_id) VALUES (?1, ?2, ?3)";

#define FIELD_PTR(rec, f) ((char *)(rec) + (f)->offset)
#define STR_AT(rec, f) (*(const char **)FIELD_PTR(rec, f))
#define I64_AT(base, off) (*(int64_t *)((char *)(base) + (off)))

static bool is_string(fd__ftype t)
{
    return t == FD__T_TEXT || t == FD__T_CODE || t == FD__T_LCODE || t == FD__T_ZONE;
}

/* --- init and validation ------------------------------------------------- */

fd_status fd__record_init(const fd__record *r, const char *fn, void *rec, unsigned int version)
{
    fd_status rc = fd__check_ptr(fn, "rec", rec);
    if (rc)
        return rc;
    if (version != r->version)
        return fd__error(FD_EINVAL, "%s: version: %u, this library knows %u", fn, version, r->version);
    memset(rec, 0, r->size);
    *(unsigned int *)rec = version;
    return FD_OK;
}

fd_status fd__filter_init(const fd__record *r, const char *fn, void *filter, unsigned int version)
{
    fd_status rc = fd__check_ptr(fn, "filter", filter);
    if (rc)
        return rc;
    if (version != r->filter_version)
        return fd__error(FD_EINVAL, "%s: version: %u, this library knows %u", fn, version, r->filter_version);
    memset(filter, 0, r->filter_size);
    *(unsigned int *)filter = version;
    return FD_OK;
}

/* Checks one string value of field @f (not NULL). Personal data is never echoed. */
static fd_status check_string(const char *fn, const fd__field *f, const char *v)
{
    size_t len = strlen(v);
    bool echo = f->pii == FD_PII_NONE;
    if (!fd__utf8_valid(v, len))
        return fd__error(FD_EINVAL, "%s: %s: not valid UTF-8", fn, f->qname);
    /* A name, a purpose or a description of white space only (" ", the ideographic "　") was not given. */
    if (f->required && f->type != FD__T_ZONE && fd__text_blank(v))
        return fd__error(FD_EINVAL, "%s: %s: is required%s", fn, f->qname, len ? " (white space only given)" : "");
    if (len > f->max)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %zu allowed", fn, f->qname, len, f->max);
    switch (f->type) {
    case FD__T_CODE:
    case FD__T_LCODE:
        return len ? fd__check_code(fn, f->qname, v, f->type == FD__T_LCODE) : FD_OK;
    case FD__T_ZONE:
        return len ? fd__check_time_zone(fn, f->qname, v) : FD_OK;
    default:
        break;
    }
    /* Control, bidi and separator characters would forge lines or reorder text in
     * listings; free text may keep tab and line breaks (renderers escape them). */
    for (const unsigned char *p = (const unsigned char *)v; *p;) {
        uint32_t c = fd__utf8_next(&p);
        bool allowed = f->pii == FD_PII_FREE_TEXT && (c == '\t' || c == '\n' || c == '\r');
        if (fd__char_unsafe(c) && !allowed) {
            if (echo)
                return fd__error(FD_EINVAL, "%s: %s: '%.48s' contains a control character (U+%04X)", fn, f->qname,
                                 v, (unsigned)c);
            return fd__error(FD_EINVAL, "%s: %s: contains a control character (U+%04X)", fn, f->qname, (unsigned)c);
        }
    }
    return FD_OK;
}

static fd_status check_field(const char *fn, const fd__field *f, const void *rec)
{
    const char *q = f->qname;
    if (is_string(f->type)) {
        const char *v = STR_AT(rec, f);
        if (v == NULL)
            return f->required && f->type != FD__T_ZONE ? fd__error(FD_EINVAL, "%s: %s: is required", fn, q) : FD_OK;
        return check_string(fn, f, v);
    }
    if (f->type == FD__T_DATE) {
        fd_date d = *(const fd_date *)FIELD_PTR(rec, f);
        if (!f->required && d.year == 0 && d.month == 0 && d.day == 0)
            return FD_OK;
        if (fd_date_check(d) != FD_OK)
            return fd__error(FD_EINVAL, "%s: %s: %04d-%02d-%02d is not a real day", fn, q, (int)d.year,
                             (int)d.month, (int)d.day);
        return FD_OK;
    }
    if (f->type == FD__T_BOOL) {
        int v = *(const int *)FIELD_PTR(rec, f);
        return v == 0 || v == 1 ? FD_OK : fd__error(FD_EINVAL, "%s: %s: %d, must be 0 or 1", fn, q, v);
    }
    int64_t v = *(const int64_t *)FIELD_PTR(rec, f);
    switch (f->type) {
    case FD__T_INSTANT:
        /* 0 is "none": a required instant left out is required, not 1970-01-01 (R-CPL-1's received_at). */
        if (f->required && v == 0)
            return fd__error(FD_EINVAL, "%s: %s: is required", fn, q);
        return fd__check_instant(fn, q, v);
    case FD__T_INT:
        return v >= 0 ? FD_OK : fd__error(FD_ERANGE, "%s: %s: %lld must not be negative", fn, q, (long long)v);
    case FD__T_REF:
        if (v < 0 || (f->required && v == 0))
            return fd__error(FD_EINVAL, "%s: %s: %lld is not an id", fn, q, (long long)v);
        return FD_OK;
    default:
        return FD_OK;
    }
}

fd_status fd__record_check(const fd__record *r, const char *fn, const void *rec)
{
    fd_status rc = fd__check_ptr(fn, r->name, rec);
    if (rc)
        return rc;
    unsigned int version = *(const unsigned int *)rec;
    if (version != r->version)
        return fd__error(FD_EINVAL, "%s: %s.version: %u, this library knows %u (use FD_%s_INIT)", fn, r->name,
                         version, r->version, r->ctype);
    for (size_t i = 0; i < r->nfields && rc == FD_OK; i++)
        if (r->fields[i].src == FD__S_IN)
            rc = check_field(fn, &r->fields[i], rec);
    return rc;
}

/* --- insert --------------------------------------------------------------- */

/* Writes the search keys of every search-keyed field of row @id. */
static fd_status write_search_keys(fd_store *s, const char *fn, const fd__record *r, int64_t id,
                                   const char *const *values)
{
    fd_buf keys = FD_BUF_INIT;
    fd_status rc = FD_OK;
    for (size_t i = 0; i < r->nfields && rc == FD_OK; i++) {
        if (!r->fields[i].search || values[i] == NULL || values[i][0] == '\0')
            continue;
        if ((rc = fd_text_search_key(&keys, values[i])) != FD_OK)
            break;
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_SEARCH_KEY_INSERT);
        if (st == NULL) {
            rc = fd_error_last()->code;
            break;
        }
        sqlite3_bind_text(st, 1, r->table, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, id);
        for (const char *k = keys.ptr; k && *k && rc == FD_OK;) {
            const char *nl = strchr(k, '\n');
            size_t n = nl ? (size_t)(nl - k) : strlen(k);
            sqlite3_bind_text(st, 2, k, (int)n, SQLITE_STATIC);
            int src = sqlite3_step(st);
            sqlite3_reset(st);
            if (src != SQLITE_DONE)
                rc = fd__store_sqlerr(s, fn, src, "writing search keys");
            k = nl ? nl + 1 : k + n;
        }
    }
    fd_buf_dispose(&keys);
    return rc;
}

fd_status fd__record_backfill_search(fd_store *s, const char *fn, const fd__record *r)
{
    if (!r->has_search)
        return FD_OK;
    fd_buf sql = FD_BUF_INIT;
    fd_status rc = fd__buf_printf(&sql, "SELECT %s FROM %s", r->sql_columns, r->table);
    sqlite3_stmt *st = NULL;
    if (rc == FD_OK) {
        int src = sqlite3_prepare_v2(s->db, sql.ptr, -1, &st, NULL);
        if (src != SQLITE_OK)
            rc = fd__store_sqlerr(s, fn, src, "reading records for their search keys");
    }
    int src = SQLITE_DONE;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *values[64] = { 0 };
        for (size_t i = 0; i < r->nfields && i < 64; i++)
            if (r->fields[i].search)
                values[i] = (const char *)sqlite3_column_text(st, (int)i);
        rc = write_search_keys(s, fn, r, sqlite3_column_int64(st, 0), values);
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading records for their search keys");
    sqlite3_finalize(st);
    fd_buf_dispose(&sql);
    return rc;
}

/*
 * A conflict on a unique column: name the field from SQLite's "UNIQUE
 * constraint failed: t.a, t.b" or from the no-replace triggers' "exists: t.a
 * (...)" (0003_journal_chain.sql), which fire first.
 */
static fd_status unique_conflict(fd_store *s, const char *fn, const fd__record *r, const void *rec)
{
    const char *msg = sqlite3_errmsg(s->db);
    /* "exists: t.col (why)" names it first; "UNIQUE constraint failed: t.a, t.col" last. */
    const char *tok = strncmp(msg, "exists: ", 8) == 0 ? msg + 8 : strrchr(msg, ' ');
    const char *col = NULL;
    size_t len = 0;
    if (tok) {
        tok += *tok == ' ';
        size_t n = strcspn(tok, " ,");
        const char *dot = memchr(tok, '.', n);
        if (dot) {
            col = dot + 1;
            len = n - (size_t)(col - tok);
        }
    }
    for (size_t i = 0; col && i < r->nfields; i++) {
        const fd__field *f = &r->fields[i];
        if (strlen(f->name) != len || strncmp(col, f->name, len) != 0)
            continue;
        if (is_string(f->type) && f->pii == FD_PII_NONE)
            return fd__error(FD_ECONFLICT, "%s: %s: '%s' exists already", fn, f->qname, STR_AT(rec, f));
        return fd__error(FD_ECONFLICT, "%s: %s: the value exists already", fn, f->qname);
    }
    return fd__error(FD_ECONFLICT, "%s: %s: %s", fn, r->name, msg);
}

fd_status fd__record_insert(int64_t *out_id, fd_store *s, const char *fn, const fd__record *r, const void *rec,
                            const fd_actor *actor)
{
    fd_status rc;
    /* References the caller gave must exist: say which one does not. */
    for (size_t i = 0; i < r->nfields; i++) {
        const fd__field *f = &r->fields[i];
        int64_t ref = f->ref_sql ? *(const int64_t *)FIELD_PTR(rec, f) : 0;
        if (ref == 0)
            continue;
        sqlite3_stmt *st = fd__store_stmt(s, fn, f->ref_sql);
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, ref);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            return fd__error(FD_ENOTFOUND, "%s: %s: no record %lld", fn, f->qname, (long long)ref);
        if (src != SQLITE_ROW)
            return fd__store_sqlerr(s, fn, src, "checking a reference");
    }
    sqlite3_stmt *st = fd__store_stmt(s, fn, r->sql_insert);
    if (st == NULL)
        return fd_error_last()->code;
    const char *values[64] = { 0 };
    char date[16];
    int p = 0;
    for (size_t i = 0; i < r->nfields && i < 64; i++) {
        const fd__field *f = &r->fields[i];
        if (f->src == FD__S_DB)
            continue;
        p++;
        switch (f->src) {
        case FD__S_SITE: sqlite3_bind_int64(st, p, actor->site_id); continue;
        case FD__S_AT: sqlite3_bind_int64(st, p, actor->at); continue;
        case FD__S_STAFF:
            if (actor->staff_id)
                sqlite3_bind_int64(st, p, actor->staff_id);
            continue;
        default: break;
        }
        if (is_string(f->type)) {
            const char *v = STR_AT(rec, f);
            if (f->type == FD__T_ZONE && (v == NULL || *v == '\0'))
                v = "Asia/Shanghai";
            values[i] = v;
            sqlite3_bind_text(st, p, v ? v : "", -1, SQLITE_STATIC);
        } else if (f->type == FD__T_DATE) {
            fd_date d = *(const fd_date *)FIELD_PTR(rec, f);
            if (d.year) {
                snprintf(date, sizeof date, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
                if (sqlite3_bind_text(st, p, date, -1, SQLITE_TRANSIENT) != SQLITE_OK)
                    return fd__oom(fn);
            }
        } else if (f->type == FD__T_BOOL) {
            sqlite3_bind_int(st, p, *(const int *)FIELD_PTR(rec, f));
        } else {
            int64_t v = *(const int64_t *)FIELD_PTR(rec, f);
            if (f->type != FD__T_REF || v != 0)
                sqlite3_bind_int64(st, p, v);
        }
    }
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_CONSTRAINT_UNIQUE || src == SQLITE_CONSTRAINT_PRIMARYKEY ||
        (src == SQLITE_CONSTRAINT_TRIGGER && strncmp(sqlite3_errmsg(s->db), "exists: ", 8) == 0))
        return unique_conflict(s, fn, r, rec);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "inserting the record");
    int64_t id = sqlite3_last_insert_rowid(s->db);
    if (r->has_search && (rc = write_search_keys(s, fn, r, id, values)) != FD_OK)
        return rc;
    if (out_id)
        *out_id = id;
    return FD_OK;
}

/* --- queries ---------------------------------------------------------------- */

typedef struct pending_reveal {
    int64_t id;
    const char *field;
} pending_reveal;

struct fd__iter {
    const fd__record *r;
    fd_store *s;
    sqlite3_stmt *st;       /* owned: the query with its filter bound */
    fd_actor actor;
    char *reason;           /* the actor's reason, copied */
    bool has_actor, reveal, mask_names, end, counted;
    bool one_page;          /* fd__record_query_sql: the query returns one page */
    int64_t last_id;        /* keyset position */
    int64_t remaining;      /* records still to return; -1: no limit */
    char *recs;             /* a page of records */
    size_t n, pos;
    char *arena;            /* their strings */
    size_t alen, acap;
    pending_reveal *reveals;
    size_t nreveals, creveals;
    fd_buf tmp;
};

/* Appends @len bytes and a NUL to the arena; the offset (+1, so 0 stays NULL) or 0 on OOM. */
static size_t arena_put(fd__iter *it, const char *v, size_t len)
{
    if (it->alen + len + 1 > it->acap) {
        size_t cap = it->acap ? it->acap : 1024;
        while (cap < it->alen + len + 1)
            cap *= 2;
        char *p = realloc(it->arena, cap);
        if (p == NULL)
            return 0;
        it->arena = p;
        it->acap = cap;
    }
    memcpy(it->arena + it->alen, v, len);
    it->arena[it->alen + len] = '\0';
    size_t off = it->alen + 1;
    it->alen += len + 1;
    return off;
}

static fd_status note_reveal(fd__iter *it, int64_t id, const char *field)
{
    if (it->nreveals == it->creveals) {
        size_t cap = it->creveals ? it->creveals * 2 : 16;
        pending_reveal *p = realloc(it->reveals, cap * sizeof *p);
        if (p == NULL)
            return FD_ENOMEM;
        it->reveals = p;
        it->creveals = cap;
    }
    it->reveals[it->nreveals].id = id;
    it->reveals[it->nreveals++].field = field;
    return FD_OK;
}

/* Whether field @f holds personal data at this site (names only when its policy masks them). */
static bool personal(const fd__iter *it, const fd__field *f)
{
    return f->pii != FD_PII_NONE && (f->pii != FD_PII_NAME || it->mask_names);
}

/* Whether field @f of the current row is personal: a record with a mask_when
 * field (a directory entry's `confidential`) masks only the rows where it is 1. */
static bool personal_row(const fd__iter *it, const fd__field *f)
{
    const fd__record *r = it->r;
    return personal(it, f) && (r->mask_when >= r->nfields || sqlite3_column_int(it->st, (int)r->mask_when) != 0);
}

/* Reads one string column into the arena, masked unless revealed (R-COM-2). */
static fd_status read_string(fd__iter *it, const char *fn, const fd__field *f, int col, int64_t id, size_t *off)
{
    const char *v = (const char *)sqlite3_column_text(it->st, col);
    size_t len = (size_t)sqlite3_column_bytes(it->st, col);
    /* NULL for a value that is not NULL: SQLite ran out of memory converting it, never an empty value. */
    if (v == NULL && sqlite3_column_type(it->st, col) != SQLITE_NULL)
        return fd__oom(fn);
    if (v == NULL)
        v = "", len = 0;
    if (len > 0 && personal_row(it, f)) {
        fd_status rc = fd_pii_mask(&it->tmp, (fd_pii_class)f->pii, v);
        if (rc)
            return rc;
        bool differs = it->tmp.size != len || memcmp(it->tmp.ptr, v, len) != 0;
        /* Revealed, free text shows its phones but never an ID number (a passport's neither): those are
         * revealed one at a time, by fd_store_visit_id_reveal(), with a reason (R-COM-2). */
        if (differs && it->reveal && f->pii == FD_PII_FREE_TEXT) {
            int64_t all = 0, ids = 0;
            if ((rc = fd_pii_mask_text(&it->tmp, &all, v)) != FD_OK || (rc = fd__pii_mask_ids(&it->tmp, &ids, v)))
                return rc;
            if (all > ids && note_reveal(it, id, f->name))
                return fd__oom(fn);
            if (ids > 0) {
                v = it->tmp.ptr;
                len = it->tmp.size;
            }
        } else if (differs && it->reveal) {
            if (note_reveal(it, id, f->name))
                return fd__oom(fn);
        } else if (differs) {
            v = it->tmp.ptr;
            len = it->tmp.size;
        }
    }
    *off = arena_put(it, v, len);
    return *off ? FD_OK : fd__oom(fn);
}

static fd_status read_row(fd__iter *it, const char *fn, char *rec)
{
    const fd__record *r = it->r;
    int64_t id = sqlite3_column_int64(it->st, 0);
    memset(rec, 0, r->size);
    *(unsigned int *)rec = r->version;
    for (size_t i = 0; i < r->nfields; i++) {
        const fd__field *f = &r->fields[i];
        char *dst = FIELD_PTR(rec, f);
        if (is_string(f->type)) {
            size_t off;
            fd_status rc = read_string(it, fn, f, (int)i, id, &off);
            if (rc)
                return rc;
            memcpy(dst, &off, sizeof off); /* an offset until the page is complete */
        } else if (f->type == FD__T_DATE) {
            const char *t = (const char *)sqlite3_column_text(it->st, (int)i);
            fd_date d = { 0, 0, 0 };
            if (t && fd_date_parse(&d, t) != FD_OK)
                return fd__error(FD_EDATA, "%s: %s of record %lld: stored date is not YYYY-MM-DD", fn, f->qname,
                                 (long long)id);
            *(fd_date *)dst = d;
        } else if (f->type == FD__T_BOOL) {
            *(int *)dst = sqlite3_column_int(it->st, (int)i);
        } else {
            *(int64_t *)dst = sqlite3_column_int64(it->st, (int)i);
        }
    }
    return FD_OK;
}

/* Turns the arena offsets of the page into pointers (the arena no longer moves). */
static void fix_pointers(fd__iter *it)
{
    const fd__record *r = it->r;
    for (size_t k = 0; k < it->n; k++) {
        char *rec = it->recs + k * r->size;
        for (size_t i = 0; i < r->nfields; i++) {
            const fd__field *f = &r->fields[i];
            if (!is_string(f->type))
                continue;
            size_t off;
            memcpy(&off, FIELD_PTR(rec, f), sizeof off);
            *(const char **)FIELD_PTR(rec, f) = it->arena + off - 1;
        }
    }
}

/* Logs the page's reveals in one write before any of its records is handed out. */
static fd_status log_reveals(fd__iter *it, const char *fn)
{
    if (it->nreveals == 0)
        return FD_OK;
    if (!sqlite3_get_autocommit(it->s->db))
        return fd__error(FD_ESTATE, "%s: actor.grants: a reveal is committed to the access log before the data "
                         "is shown, which an open transaction could roll back: reveal outside a transaction", fn);
    bool sp;
    fd_status rc = fd__store_write_begin(it->s, fn, &sp);
    if (rc)
        return rc;
    for (size_t i = 0; i < it->nreveals && rc == FD_OK; i++)
        rc = fd__reveal_log(it->s, fn, &it->actor, it->r->name, it->reveals[i].id, it->reveals[i].field);
    rc = fd__store_write_end(it->s, fn, sp, rc);
    it->nreveals = 0;
    return rc;
}

static fd_status fetch_page(fd__iter *it, const char *fn)
{
    const fd__record *r = it->r;
    it->n = it->pos = 0;
    it->alen = 0;
    it->nreveals = 0;
    int64_t want = FD__PAGE;
    if (it->remaining >= 0 && it->remaining < want)
        want = it->remaining;
    if (want == 0) {
        it->end = true;
        return FD_OK;
    }
    sqlite3_bind_int64(it->st, 1, it->last_id);
    sqlite3_bind_int64(it->st, 2, want);
    fd_status rc = FD_OK;
    int src;
    while ((src = sqlite3_step(it->st)) == SQLITE_ROW) {
        rc = read_row(it, fn, it->recs + it->n * r->size);
        if (rc)
            break;
        it->last_id = sqlite3_column_int64(it->st, 0);
        it->n++;
    }
    sqlite3_reset(it->st);
    if (rc == FD_OK && src != SQLITE_DONE && src != SQLITE_ROW)
        rc = fd__store_sqlerr(it->s, fn, src, "reading records");
    if (rc == FD_OK)
        rc = log_reveals(it, fn);
    if (rc) {
        it->n = 0;
        return rc;
    }
    fix_pointers(it);
    if ((int64_t)it->n < want || it->one_page)
        it->end = true;
    if (it->remaining >= 0)
        it->remaining -= (int64_t)it->n;
    return FD_OK;
}

/* Whether field @f comes back masked for the iterator's actor. */
static bool masked_for(const fd__iter *it, const fd__field *f)
{
    return personal(it, f) && !it->reveal;
}

/* A filter value bound to parameter @param after prepare. */
typedef struct bind_slot {
    int param;
    const void *p;
    const fd__field *f;
} bind_slot;

/* A growing SQL text for the query (built once per query, not per row). */
typedef struct sqlbuf {
    fd_buf b;
    int params;
} sqlbuf;

static fd_status cond(sqlbuf *q, const char *col, const char *op)
{
    return fd__buf_printf(&q->b, " AND %s %s ?%d", col, op, ++q->params);
}

/* Builds "SELECT ... WHERE id > ?1 AND ... ORDER BY id LIMIT ?2" and binds the filter. */
static fd_status prepare(fd__iter *it, const char *fn, const void *filter)
{
    const fd__record *r = it->r;
    sqlbuf q = { FD_BUF_INIT, 2 };
    uint64_t match = filter ? *(const uint64_t *)((const char *)filter + r->match_offset) : 0;
    fd_buf key = FD_BUF_INIT;
    fd_status rc = fd__buf_printf(&q.b, "SELECT %s FROM %s WHERE id > ?1", r->sql_columns, r->table);
    /* Parameter numbers of each condition, bound after prepare. */
    bind_slot binds[80];
    size_t nb = 0;
    for (size_t i = 0; i < r->nfields && rc == FD_OK; i++) {
        const fd__field *f = &r->fields[i];
        const void *eq = f->eq_bit & match ? (const char *)filter + f->eq_offset : NULL;
        /* Matching on a value the actor may not see would reveal it one guess at a time. */
        if (eq && masked_for(it, f)) {
            rc = fd__error(FD_EPERM, "%s: filter.%s: matching on personal data needs the reveal grant (R-COM-2)", fn,
                           f->name);
            break;
        }
        if (eq && f->type == FD__T_REF && *(const int64_t *)eq == 0) {
            rc = fd__buf_printf(&q.b, " AND %s IS NULL", f->name);
            continue;
        }
        if (eq && is_string(f->type) && *(const char *const *)eq == NULL) {
            rc = fd__error(FD_EINVAL, "%s: filter.%s: is NULL but its match bit is set", fn, f->name);
            break;
        }
        if (eq && is_string(f->type) &&
            !fd__utf8_valid(*(const char *const *)eq, strlen(*(const char *const *)eq))) {
            rc = fd__error(FD_EINVAL, "%s: filter.%s: not valid UTF-8", fn, f->name);
            break;
        }
        if (eq && (rc = cond(&q, f->name, "=")) == FD_OK)
            binds[nb++] = (bind_slot){ q.params, eq, f };
        if (rc == FD_OK && (f->from_bit & match) && (rc = cond(&q, f->name, ">=")) == FD_OK)
            binds[nb++] = (bind_slot){ q.params, (const char *)filter + f->from_offset, f };
        if (rc == FD_OK && (f->to_bit & match) && (rc = cond(&q, f->name, "<")) == FD_OK)
            binds[nb++] = (bind_slot){ q.params, (const char *)filter + f->to_offset, f };
    }
    if (rc == FD_OK && r->site_field < r->nfields && it->has_actor) {
        rc = fd__buf_printf(&q.b, " AND %s = %lld", r->fields[r->site_field].name, (long long)it->actor.site_id);
    }
    const char *search = NULL;
    if (rc == FD_OK && (match & r->search_bit) && r->search_bit) {
        for (size_t i = 0; i < r->nfields && rc == FD_OK; i++)
            if (r->fields[i].search && masked_for(it, &r->fields[i]))
                rc = fd__error(FD_EPERM, "%s: filter.search: searching %s needs the reveal grant (R-COM-2)", fn,
                               r->fields[i].qname);
        search = *(const char *const *)((const char *)filter + r->search_offset);
        if (rc == FD_OK && search == NULL)
            rc = fd__error(FD_EINVAL, "%s: filter.search: is NULL but its match bit is set", fn);
        else if (rc == FD_OK && (rc = fd_text_search_query(&key, search)) == FD_OK && key.size > 0)
            rc = fd__buf_printf(&q.b, " AND id IN (SELECT row_id FROM search_keys WHERE tbl = '%s' AND key >= ?%d "
                                "AND key < ?%d)", r->table, q.params + 1, q.params + 2);
        if (rc == FD_OK && key.size > 0)
            q.params += 2;
    }
    if (rc == FD_OK)
        rc = fd__buf_puts(&q.b, " ORDER BY id LIMIT ?2");
    if (rc == FD_OK) {
        int src = sqlite3_prepare_v2(it->s->db, q.b.ptr, (int)q.b.size, &it->st, NULL);
        if (src != SQLITE_OK)
            rc = fd__store_sqlerr(it->s, fn, src, "preparing the query");
    }
    /* A bind that copies (SQLITE_TRANSIENT) can fail for want of memory: checked, not ignored. */
    int bsrc = SQLITE_OK;
    for (size_t k = 0; k < nb && rc == FD_OK && bsrc == SQLITE_OK; k++) {
        const fd__field *f = binds[k].f;
        const void *p = binds[k].p;
        if (is_string(f->type)) {
            bsrc = sqlite3_bind_text(it->st, binds[k].param, *(const char *const *)p, -1, SQLITE_TRANSIENT);
        } else if (f->type == FD__T_DATE) {
            const fd_date *d = p;
            char t[16];
            snprintf(t, sizeof t, "%04d-%02d-%02d", (int)d->year, (int)d->month, (int)d->day);
            bsrc = sqlite3_bind_text(it->st, binds[k].param, t, -1, SQLITE_TRANSIENT);
        } else if (f->type == FD__T_BOOL) {
            bsrc = sqlite3_bind_int(it->st, binds[k].param, *(const int *)p);
        } else {
            bsrc = sqlite3_bind_int64(it->st, binds[k].param, *(const int64_t *)p);
        }
    }
    if (rc == FD_OK && bsrc == SQLITE_OK && search && key.size > 0) {
        bsrc = sqlite3_bind_text(it->st, q.params - 1, key.ptr, (int)key.size, SQLITE_TRANSIENT);
        if (bsrc == SQLITE_OK && (rc = fd__buf_put(&key, "\xff", 1)) == FD_OK)
            bsrc = sqlite3_bind_text(it->st, q.params, key.ptr, (int)key.size, SQLITE_TRANSIENT);
    }
    if (rc == FD_OK && bsrc != SQLITE_OK)
        rc = fd__store_sqlerr(it->s, fn, bsrc, "binding the filter");
    fd_buf_dispose(&key);
    fd_buf_dispose(&q.b);
    return rc;
}

static fd_status load_mask_names(fd__iter *it, const char *fn)
{
    fd_policy *p = NULL;
    int64_t v = 0;
    fd_status rc = fd_store_policy_load(&p, it->s, it->actor.site_id);
    if (rc == FD_OK)
        rc = fd_policy_get(&v, p, "pii.mask_names");
    fd_policy_free(p);
    if (rc)
        return fd__error(rc, "%s: actor.site_id: cannot read the site's policy", fn);
    it->mask_names = v != 0;
    return FD_OK;
}

/* Checks the arguments and the actor and allocates an iterator (no statement yet). */
static fd_status iter_new(fd__iter **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                          int64_t after, int64_t limit)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", s);
    if (rc)
        return rc;
    *out = NULL;
    if (actor == NULL && (r->has_pii || r->site_field < r->nfields))
        return fd__error(FD_EINVAL, "%s: actor: is required (%s records hold personal data or belong to a site)",
                         fn, r->name);
    if (after < 0 || limit < 0)
        return fd__error(FD_ERANGE, "%s: filter.%s: must not be negative", fn, after < 0 ? "after" : "limit");
    fd__actor_info info = { "", false };
    if (actor && (rc = fd__actor_check(s, fn, actor, &info)) != FD_OK)
        return rc;
    if (info.reveal && !sqlite3_get_autocommit(s->db))
        return fd__error(FD_ESTATE, "%s: actor.grants: a reveal is committed to the access log before the data is "
                         "shown, which an open transaction could roll back: reveal outside a transaction", fn);
    fd__iter *it = calloc(1, sizeof *it);
    if (it == NULL || (it->recs = malloc(FD__PAGE * r->size)) == NULL) {
        free(it);
        return fd__oom(fn);
    }
    it->r = r;
    it->s = s;
    it->last_id = after;
    it->remaining = limit ? limit : -1;
    if (actor) {
        it->has_actor = true;
        it->actor = *actor;
        it->reveal = info.reveal;
        if (actor->reason && (it->reason = strdup(actor->reason)) == NULL)
            rc = fd__oom(fn);
        it->actor.reason = it->reason;
        if (rc == FD_OK && r->has_pii)
            rc = load_mask_names(it, fn);
    }
    if (rc) {
        fd__iter_free(it);
        return rc;
    }
    *out = it;
    return FD_OK;
}

/* Hands out a prepared iterator (counted against the store's close). */
static fd_status iter_start(fd__iter **out, fd__iter *it, fd_status rc)
{
    if (rc) {
        fd__iter_free(it);
        return rc;
    }
    it->s->iterators++;
    it->counted = true;
    *out = it;
    return FD_OK;
}

fd_status fd__record_query(fd__iter **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                           const void *filter)
{
    if (filter && *(const unsigned int *)filter != r->filter_version)
        return fd__error(FD_EINVAL, "%s: filter.version: %u, this library knows %u", fn,
                         *(const unsigned int *)filter, r->filter_version);
    int64_t after = filter ? I64_AT(filter, r->after_offset) : 0;
    int64_t limit = filter ? I64_AT(filter, r->limit_offset) : 0;
    fd__iter *it = NULL;
    fd_status rc = iter_new(&it, s, fn, r, actor, after, limit);
    if (rc)
        return rc;
    return iter_start(out, it, prepare(it, fn, filter));
}

fd_status fd__record_query_sql(fd__iter **out, fd_store *s, const char *fn, const fd__record *r,
                               const fd_actor *actor, const char *cond_order, const char *const *args, size_t nargs,
                               int64_t limit)
{
    if (limit < 1 || limit > FD__PAGE)
        return fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..%d", fn, (long long)limit, FD__PAGE);
    fd__iter *it = NULL;
    fd_status rc = iter_new(&it, s, fn, r, actor, 0, limit);
    if (rc)
        return rc;
    it->one_page = true;
    fd_buf q = FD_BUF_INIT;
    /* ?1 (the keyset position) and ?2 (the page size) are bound by fetch_page. */
    rc = fd__buf_printf(&q, "SELECT %s FROM %s WHERE ?1 = ?1", r->sql_columns, r->table);
    if (rc == FD_OK && r->site_field < r->nfields && it->has_actor)
        rc = fd__buf_printf(&q, " AND %s = %lld", r->fields[r->site_field].name, (long long)it->actor.site_id);
    if (rc == FD_OK)
        rc = fd__buf_printf(&q, " AND %s LIMIT ?2", cond_order);
    if (rc == FD_OK) {
        int src = sqlite3_prepare_v2(s->db, q.ptr, (int)q.size, &it->st, NULL);
        for (size_t i = 0; i < nargs && src == SQLITE_OK; i++)
            src = sqlite3_bind_text(it->st, (int)i + 3, args[i], -1, SQLITE_TRANSIENT);
        if (src != SQLITE_OK)
            rc = fd__store_sqlerr(s, fn, src, "preparing the query");
    }
    fd_buf_dispose(&q);
    return iter_start(out, it, rc);
}

fd_status fd__iter_next(const void **out, fd__iter *it, const char *fn)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "iter", it);
    if (rc)
        return rc;
    *out = NULL;
    if (it->pos == it->n) {
        if (it->end)
            return FD_OK;
        if ((rc = fetch_page(it, fn)) != FD_OK)
            return rc;
        if (it->n == 0)
            return FD_OK;
    }
    *out = it->recs + it->pos++ * it->r->size;
    return FD_OK;
}

void fd__iter_free(fd__iter *it)
{
    if (it == NULL)
        return;
    sqlite3_finalize(it->st);
    if (it->counted)
        fd__store_release(it->s);
    free(it->recs);
    free(it->arena);
    free(it->reveals);
    free(it->reason);
    fd_buf_dispose(&it->tmp);
    free(it);
}

/* --- single records --------------------------------------------------------- */

/* Copies a record and its strings into one block. */
static void *dup_record(const fd__record *r, const void *rec)
{
    size_t total = r->size;
    for (size_t i = 0; i < r->nfields; i++)
        if (is_string(r->fields[i].type))
            total += strlen(STR_AT(rec, &r->fields[i])) + 1;
    char *block = malloc(total);
    if (block == NULL)
        return NULL;
    memcpy(block, rec, r->size);
    char *p = block + r->size;
    for (size_t i = 0; i < r->nfields; i++) {
        const fd__field *f = &r->fields[i];
        if (!is_string(f->type))
            continue;
        size_t n = strlen(STR_AT(rec, f)) + 1;
        memcpy(p, STR_AT(rec, f), n);
        *(const char **)FIELD_PTR(block, f) = p;
        p += n;
    }
    return block;
}

fd_status fd__record_get(void **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                         int64_t id)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    _Alignas(max_align_t) char filter[512];
    if (r->filter_size > sizeof filter)
        return fd__error(FD_ENOMEM, "%s: filter larger than %zu bytes", fn, sizeof filter);
    memset(filter, 0, sizeof filter);
    *(unsigned int *)filter = r->filter_version;
    *(uint64_t *)(filter + r->match_offset) = r->fields[0].eq_bit;
    I64_AT(filter, r->fields[0].eq_offset) = id;
    I64_AT(filter, r->limit_offset) = 1;
    fd__iter *it = NULL;
    const void *rec = NULL;
    rc = fd__record_query(&it, s, fn, r, actor, filter);
    if (rc == FD_OK)
        rc = fd__iter_next(&rec, it, fn);
    if (rc == FD_OK && rec == NULL)
        rc = fd__error(FD_ENOTFOUND, "%s: id: no %s %lld%s", fn, r->name, (long long)id,
                       r->site_field < r->nfields ? " at the actor's site" : "");
    if (rc == FD_OK && (*out = dup_record(r, rec)) == NULL)
        rc = fd__oom(fn);
    fd__iter_free(it);
    return rc;
}

void fd__record_free(void *rec)
{
    free(rec);
}
