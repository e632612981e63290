/*
 * The append-only, hash-chained journal (R-COM-1: who, when, which site;
 * R-COM-3: nothing lost, and a rewrite is evident).
 *
 * Each entry stores SHA-256 over a canonical encoding computed here in C (not
 * SQL text, which another engine would render differently) and the previous
 * entry's hash; ids are consecutive. Canonical encoding, all integers 8 bytes
 * big-endian two's complement, strings a 4-byte big-endian length and the
 * UTF-8 bytes:
 *   "FDJ1" uuid[16] id at site_id staff_id(0 = the system) entity entity_id
 *   action detail prev_hash[32] (32 zero bytes before the first entry)
 * A central copy checks the chain per (database UUID, entry id).
 */
#include "store/record.h"
#include "store/store_records.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>

#define HASH_LEN 32

static const char SQL_JOURNAL_LAST[] = "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1";
static const char SQL_JOURNAL_INSERT[] =
    "INSERT INTO journal (id, at, site_id, staff_id, entity, entity_id, action, detail, hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_UUID_GET[] = "SELECT value FROM meta WHERE key = 'uuid'";
static const char SQL_UUID_PUT[] = "INSERT INTO meta (key, value) VALUES ('uuid', ?1)";

static fd_status put_u64(fd_buf *b, int64_t v)
{
    unsigned char x[8];
    for (int i = 7; i >= 0; i--, v = (int64_t)((uint64_t)v >> 8))
        x[i] = (unsigned char)(v & 0xff);
    return fd__buf_put(b, (const char *)x, 8);
}

static fd_status put_str(fd_buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    unsigned char len[4] = { (unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8),
                             (unsigned char)n };
    fd_status rc = fd__buf_put(b, (const char *)len, 4);
    return rc || n == 0 ? rc : fd__buf_put(b, s, n);
}

/* One journal row as the chain sees it. */
typedef struct chain_row {
    int64_t id, at, site_id, staff_id, entity_id;
    const char *entity, *action, *detail;
} chain_row;

/* SHA-256 of the canonical encoding of @r after @prev into @out. */
static fd_status row_hash(fd_store *s, const char *fn, const chain_row *r, const unsigned char prev[HASH_LEN],
                          unsigned char out[HASH_LEN])
{
    fd_buf *b = &s->canon;
    fd__buf_clear(b);
    fd_status rc = fd__buf_put(b, "FDJ1", 4);
    if (rc == FD_OK)
        rc = fd__buf_put(b, (const char *)s->uuid, sizeof s->uuid);
    if (rc == FD_OK)
        rc = put_u64(b, r->id);
    if (rc == FD_OK)
        rc = put_u64(b, r->at);
    if (rc == FD_OK)
        rc = put_u64(b, r->site_id);
    if (rc == FD_OK)
        rc = put_u64(b, r->staff_id);
    if (rc == FD_OK)
        rc = put_str(b, r->entity);
    if (rc == FD_OK)
        rc = put_u64(b, r->entity_id);
    if (rc == FD_OK)
        rc = put_str(b, r->action);
    if (rc == FD_OK)
        rc = put_str(b, r->detail);
    if (rc == FD_OK)
        rc = fd__buf_put(b, (const char *)prev, HASH_LEN);
    if (rc)
        return fd__oom(fn);
    if (s->sha == NULL && (s->sha = EVP_MD_CTX_new()) == NULL)
        return fd__oom(fn);
    unsigned int n = 0;
    if (EVP_DigestInit_ex(s->sha, EVP_sha256(), NULL) != 1 || EVP_DigestUpdate(s->sha, b->ptr, b->size) != 1 ||
        EVP_DigestFinal_ex(s->sha, out, &n) != 1 || n != HASH_LEN)
        return fd__error(FD_EIO, "%s: journal: SHA-256 failed (libcrypto)", fn);
    return FD_OK;
}

void fd__journal_chain_free(fd_store *s)
{
    EVP_MD_CTX_free(s->sha);
    s->sha = NULL;
    fd_buf_dispose(&s->canon);
}

fd_status fd__store_load_uuid(fd_store *s, const char *fn)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_UUID_GET);
    if (st == NULL)
        return fd_error_last()->code;
    int src = sqlite3_step(st);
    s->has_uuid = src == SQLITE_ROW && sqlite3_column_bytes(st, 0) == (int)sizeof s->uuid;
    if (s->has_uuid)
        memcpy(s->uuid, sqlite3_column_blob(st, 0), sizeof s->uuid);
    sqlite3_reset(st);
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "reading the database UUID");
}

/*
 * The last entry's id and hash (id 0 and zero hash for an empty journal), from
 * the handle's cache when no connection has committed since this handle last
 * wrote (a bulk load in one transaction reads it once).
 */
static fd_status chain_head(fd_store *s, const char *fn, int64_t *id, unsigned char hash[HASH_LEN])
{
    unsigned int version = fd__store_data_version(s);
    if (s->head.valid && version != 0 && s->head.data_version == version) {
        *id = s->head.id;
        memcpy(hash, s->head.hash, HASH_LEN);
        return FD_OK;
    }
    s->head.valid = false;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_JOURNAL_LAST);
    if (st == NULL)
        return fd_error_last()->code;
    int src = sqlite3_step(st);
    fd_status rc = FD_OK;
    *id = 0;
    memset(hash, 0, HASH_LEN);
    if (src == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        if (sqlite3_column_bytes(st, 1) != HASH_LEN)
            rc = fd__error(FD_EDATA, "%s: journal: entry %lld has no valid hash: the chain is broken "
                           "(frontdesk verify)", fn, (long long)*id);
        else
            memcpy(hash, sqlite3_column_blob(st, 1), HASH_LEN);
    } else if (src != SQLITE_DONE) {
        rc = fd__store_sqlerr(s, fn, src, "reading the journal's last entry");
    }
    sqlite3_reset(st);
    return rc;
}

/* Appends row @r (its detail as stored) after the chain's head @last / @prev. */
static fd_status append(int64_t *out_id, fd_store *s, const char *fn, const chain_row *r,
                        const unsigned char prev[HASH_LEN])
{
    unsigned char hash[HASH_LEN];
    fd_status rc = row_hash(s, fn, r, prev, hash);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_JOURNAL_INSERT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, r->id);
    sqlite3_bind_int64(st, 2, r->at);
    sqlite3_bind_int64(st, 3, r->site_id);
    if (r->staff_id)
        sqlite3_bind_int64(st, 4, r->staff_id);
    sqlite3_bind_text(st, 5, r->entity, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, r->entity_id);
    sqlite3_bind_text(st, 7, r->action, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, r->detail, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 9, hash, HASH_LEN, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src != SQLITE_DONE) {
        s->head.valid = false;
        return fd__store_sqlerr(s, fn, src, "appending to the journal");
    }
    /* Our own commit moves the data version too: the cache is then re-read once. */
    s->head.valid = true;
    s->head.data_version = fd__store_data_version(s);
    s->head.id = r->id;
    memcpy(s->head.hash, hash, HASH_LEN);
    if (out_id)
        *out_id = r->id;
    return FD_OK;
}

fd_status fd__journal_insert(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor, int64_t site_id,
                             const fd_journal_entry *e)
{
    if (!s->has_uuid)
        return fd__error(FD_EDATA, "%s: store: the database has no UUID (frontdesk verify)", fn);
    int64_t last = 0;
    unsigned char prev[HASH_LEN];
    fd_status rc = chain_head(s, fn, &last, prev);
    if (rc)
        return rc;
    /* The journal is never purged (R-COM-3): the phone, ID and passport numbers of what it keeps of free text
     * (a lift's reason, an approval's note) are masked as it is written (R-COM-2), not only on output. */
    fd_buf detail = FD_BUF_INIT;
    if ((rc = fd_pii_mask_text(&detail, NULL, e->detail ? e->detail : "")) != FD_OK)
        rc = fd__error_rename(rc, fn, "detail");
    chain_row r = { last + 1, actor->at, site_id, actor->staff_id, e->entity_id, e->entity, e->action,
                    detail.ptr ? detail.ptr : "" };
    if (rc == FD_OK)
        rc = append(out_id, s, fn, &r, prev);
    fd_buf_dispose(&detail);
    return rc;
}

fd_status fd__journal(fd_store *s, const char *fn, const fd_actor *actor, int64_t site_id, const char *entity,
                      int64_t entity_id, const char *action, const char *detail)
{
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = entity;
    e.entity_id = entity_id;
    e.action = action;
    e.detail = detail;
    return fd__journal_insert(NULL, s, fn, actor, site_id, &e);
}

fd_status fd_store_journal_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                               const fd_journal_entry *entry)
{
    static const char fn[] = "fd_store_journal_add";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_journal, fn, entry);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    if (store->read_only)
        return fd__error(FD_EPERM, "%s: store: opened read-only", fn);
    /* Inside the caller's transaction the head read and the insert need no
     * bracket (a failed insert writes nothing); outside one they are made
     * atomic against other writers by BEGIN IMMEDIATE. */
    if ((rc = fd__store_tx_lost(store, fn)) != FD_OK)
        return rc;
    bool own = sqlite3_get_autocommit(store->db), sp = false;
    if (own && (rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    rc = fd__journal_insert(out_id, store, fn, actor, actor->site_id, entry);
    return own ? fd__store_write_end(store, fn, sp, rc) : rc;
}

fd_status fd_store_journal_append(int64_t *out_id, fd_store *store, int64_t at, int64_t site_id, int64_t staff_id,
                                  const char *entity, int64_t entity_id, const char *action, const char *detail)
{
    fd_actor a = fd__legacy_actor(site_id, staff_id);
    if (at)
        a.at = at;
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = entity;
    e.entity_id = entity_id;
    e.action = action;
    e.detail = detail;
    return fd_store_journal_add(out_id, store, &a, &e);
}

/* --- migration to schema 3 ---------------------------------------------------- */

static const char SQL_CHAIN_ROWS[] =
    "SELECT id, at, site_id, coalesce(staff_id, 0), entity, entity_id, action, detail, hash FROM journal ORDER BY id";
static const char SQL_CHAIN_SET[] = "UPDATE journal SET hash = ?2 WHERE id = ?1";
static const char SQL_UPDATE_TRIGGER[] =
    "CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal "
    "BEGIN SELECT RAISE(ABORT, 'journal is append-only (R-COM-3)'); END";

fd_status fd__journal_chain_existing(fd_store *s, const char *fn)
{
    if (RAND_bytes(s->uuid, sizeof s->uuid) != 1)
        return fd__error(FD_EIO, "%s: store: no random bytes for the database UUID (libcrypto)", fn);
    s->uuid[6] = (unsigned char)((s->uuid[6] & 0x0f) | 0x40); /* RFC 4122 version 4 */
    s->uuid[8] = (unsigned char)((s->uuid[8] & 0x3f) | 0x80);
    s->has_uuid = true;
    sqlite3_stmt *put = NULL, *rows = NULL, *set = NULL;
    int src = sqlite3_prepare_v2(s->db, SQL_UUID_PUT, -1, &put, NULL);
    if (src == SQLITE_OK) {
        sqlite3_bind_blob(put, 1, s->uuid, sizeof s->uuid, SQLITE_STATIC);
        src = sqlite3_step(put);
        src = src == SQLITE_DONE ? SQLITE_OK : src;
    }
    if (src == SQLITE_OK)
        src = sqlite3_prepare_v2(s->db, SQL_CHAIN_ROWS, -1, &rows, NULL);
    if (src == SQLITE_OK)
        src = sqlite3_prepare_v2(s->db, SQL_CHAIN_SET, -1, &set, NULL);
    fd_status rc = src == SQLITE_OK ? FD_OK : fd__store_sqlerr(s, fn, src, "chaining the journal");
    unsigned char prev[HASH_LEN] = { 0 }, hash[HASH_LEN];
    while (rc == FD_OK && (src = sqlite3_step(rows)) == SQLITE_ROW) {
        chain_row r = { sqlite3_column_int64(rows, 0), sqlite3_column_int64(rows, 1), sqlite3_column_int64(rows, 2),
                        sqlite3_column_int64(rows, 3), sqlite3_column_int64(rows, 5),
                        (const char *)sqlite3_column_text(rows, 4), (const char *)sqlite3_column_text(rows, 6),
                        (const char *)sqlite3_column_text(rows, 7) };
        if ((rc = row_hash(s, fn, &r, prev, hash)) != FD_OK)
            break;
        sqlite3_bind_int64(set, 1, r.id);
        sqlite3_bind_blob(set, 2, hash, HASH_LEN, SQLITE_STATIC);
        int w = sqlite3_step(set);
        sqlite3_reset(set);
        if (w != SQLITE_DONE)
            rc = fd__store_sqlerr(s, fn, w, "chaining the journal");
        memcpy(prev, hash, HASH_LEN);
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "chaining the journal");
    sqlite3_finalize(put);
    sqlite3_finalize(rows);
    sqlite3_finalize(set);
    if (rc == FD_OK && (src = sqlite3_exec(s->db, SQL_UPDATE_TRIGGER, NULL, NULL, NULL)) != SQLITE_OK)
        rc = fd__store_sqlerr(s, fn, src, "protecting the journal");
    return rc;
}

/* --- verification ------------------------------------------------------------------ */

fd_status fd_store_verify_report_init(fd_store_verify_report *report, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_store_verify_report_init", "report", report);
    if (rc)
        return rc;
    if (version != FD_STORE_VERIFY_REPORT_VERSION)
        return fd__error(FD_EINVAL, "fd_store_verify_report_init: version: %u, this library knows %d", version,
                         FD_STORE_VERIFY_REPORT_VERSION);
    fd_store_verify_report init = FD_STORE_VERIFY_REPORT_INIT;
    *report = init;
    return FD_OK;
}

static void hex(char *out, const unsigned char *in, size_t n)
{
    /* 16 bytes are a UUID, written 8-4-4-4-12; anything else plain hex. */
    if (n == 16) {
        char h[33];
        hex(h, in, 8), hex(h + 16, in + 8, 8);
        snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", h, h + 8, h + 12, h + 16, h + 20);
        return;
    }
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

/* Records the first problem found and the first bad entry (later ones are not reported). */
static void problem(fd_store_verify_report *r, int64_t id, const char *what)
{
    if (r->first_bad_id == 0)
        r->first_bad_id = id;
    if (r->problem[0] == '\0')
        snprintf(r->problem, sizeof r->problem, "%s", what);
}

/* Walks the chain in id order: a gap is a removed entry, a hash that does not match an altered or inserted one. */
static fd_status walk(fd_store *s, const char *fn, fd_store_verify_report *r)
{
    sqlite3_stmt *rows = NULL;
    int src = sqlite3_prepare_v2(s->db, SQL_CHAIN_ROWS, -1, &rows, NULL);
    if (src != SQLITE_OK)
        return fd__store_sqlerr(s, fn, src, "reading the journal");
    unsigned char prev[HASH_LEN] = { 0 }, hash[HASH_LEN];
    int64_t expect = 1;
    fd_status rc = FD_OK;
    while ((src = sqlite3_step(rows)) == SQLITE_ROW) {
        chain_row row = { sqlite3_column_int64(rows, 0), sqlite3_column_int64(rows, 1),
                          sqlite3_column_int64(rows, 2), sqlite3_column_int64(rows, 3),
                          sqlite3_column_int64(rows, 5), (const char *)sqlite3_column_text(rows, 4),
                          (const char *)sqlite3_column_text(rows, 6), (const char *)sqlite3_column_text(rows, 7) };
        r->entries++;
        if (row.id != expect)
            problem(r, expect, row.id > expect ? "removed: an entry before this id is missing"
                                               : "inserted: ids are out of sequence");
        if ((rc = row_hash(s, fn, &row, prev, hash)) != FD_OK)
            break;
        const void *stored = sqlite3_column_blob(rows, 8);
        if (sqlite3_column_bytes(rows, 8) != HASH_LEN || memcmp(stored, hash, HASH_LEN) != 0) {
            problem(r, row.id, "altered: the entry or one before it is not what was written");
            if (sqlite3_column_bytes(rows, 8) == HASH_LEN)
                memcpy(hash, stored, HASH_LEN); /* go on from what is stored, to find later breaks too */
        }
        memcpy(prev, hash, HASH_LEN);
        expect = row.id + 1;
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the journal");
    sqlite3_finalize(rows);
    if (rc == FD_OK)
        hex(r->head, prev, HASH_LEN);
    return rc;
}

fd_status fd_store_uuid(fd_buf *out, fd_store *store)
{
    static const char fn[] = "fd_store_uuid";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out);
    if ((rc = fd__check_ptr(fn, "store", store)) != FD_OK || (rc = fd__store_load_uuid(store, fn)) != FD_OK)
        return rc;
    if (!store->has_uuid)
        return fd__error(FD_EDATA, "%s: store: the database has no UUID (frontdesk verify)", fn);
    char text[37];
    hex(text, store->uuid, sizeof store->uuid);
    return fd__buf_puts(out, text);
}

fd_status fd_store_verify(fd_store_verify_report *out, fd_store *store)
{
    static const char fn[] = "fd_store_verify";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc)
        return rc;
    fd_store_verify_report r = FD_STORE_VERIFY_REPORT_INIT;
    sqlite3_stmt *st = NULL;
    int src = sqlite3_prepare_v2(store->db, "PRAGMA integrity_check(1)", -1, &st, NULL);
    if (src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW)
        r.integrity_ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(store, fn, src, "checking the database's integrity");
    if (!r.integrity_ok)
        problem(&r, 0, "corrupt: PRAGMA integrity_check failed");
    if ((rc = fd__store_load_uuid(store, fn)) != FD_OK)
        return rc;
    if (!store->has_uuid)
        problem(&r, 0, "no UUID: the database was not created or migrated by this library");
    else
        hex(r.uuid, store->uuid, sizeof store->uuid);
    if (store->has_uuid && (rc = walk(store, fn, &r)) != FD_OK)
        return rc;
    const char *missing = NULL;
    if ((rc = fd__store_missing_trigger(store, fn, &missing)) != FD_OK)
        return rc;
    r.triggers_ok = missing == NULL;
    if (missing) {
        char what[96];
        snprintf(what, sizeof what, "unprotected: trigger %s is missing", missing);
        problem(&r, 0, what);
    }
    *out = r;
    if (r.problem[0])
        return r.first_bad_id ? fd__error(FD_EDATA, "%s: journal: %s (entry %lld)", fn, r.problem,
                                          (long long)r.first_bad_id)
                              : fd__error(FD_EDATA, "%s: store: %s", fn, r.problem);
    return FD_OK;
}
