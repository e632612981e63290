/* Private parts of the store shared by its .c files (and by later store modules). */
#ifndef FRONTDESK_STORE_INTERNAL_H
#define FRONTDESK_STORE_INTERNAL_H

#include "frontdesk/store.h"
#include "internal.h"

#include <sqlite3.h>

/* Longest IANA zone name a site keeps (site.time_zone). */
#define FD__ZONE_MAX 64

/* Slots of the per-handle prepared-statement cache (open addressing). */
#define FD__STMT_SLOTS 256

struct fd_store {
    sqlite3 *db;
    int read_only;
    int iterators; /* open record iterators: the handle outlives fd_store_close() until they are freed */
    bool closed;   /* fd_store_close() was called while iterators were open */
    bool user_tx;  /* fd_store_begin() opened a transaction not yet committed or rolled back */
    /* The last actor that passed fd__actor_check, valid while the database's data
     * version is unchanged (no commit by any connection) and no write of this
     * handle touched staff, grants or sites (fd__actor_forget): bulk writes in one
     * transaction check their actor once, not twice per row. */
    struct {
        bool valid;
        int64_t site_id, staff_id;
        unsigned int grants;
        unsigned int data_version;
        char role[FD_CODE_MAX + 1];
    } actor_cache;
    struct {
        const char *sql; /* key: the address of a static SQL string */
        sqlite3_stmt *stmt;
    } cache[FD__STMT_SLOTS];
    /* The journal chain (journal.c): the database's UUID, a reused SHA-256
     * context and the buffer the canonical encoding is built in. */
    unsigned char uuid[16];
    bool has_uuid;
    /* The chain's head (last id and hash) as this handle last wrote or read it,
     * valid while the data version stands and nothing was rolled back. */
    struct {
        bool valid;
        unsigned int data_version;
        int64_t id;
        unsigned char hash[32];
    } head;
    struct evp_md_ctx_st *sha; /* EVP_MD_CTX, created on first use */
    fd_buf canon;
    /* The policy of the site last asked for (fd__store_policy), valid while the
     * data version stands and no write of this handle changed policy or was
     * rolled back (fd__store_forget): a bulk load assesses each row with it. */
    struct {
        fd_policy *policy;
        int64_t site_id;
        unsigned int data_version;
    } policy_cache;
    /* The key that encrypts kept ID numbers (R-COM-2), read from the key file
     * at open (fd_store_options::key_file, FRONTDESK_KEY_FILE); never stored
     * in the database. key_id: the first 8 bytes of its SHA-256, hex. */
    bool has_key;
    unsigned char key[32];
    char key_id[17];
    /* What the visitors module keeps per handle (visitors_store.h): the site's
     * zone and day, its hashing secret, the blocklist's size. NULL until used. */
    struct fd__visitors *visitors;
    /* The calendar the store last counted a site's deadlines on (calendar_cache.c,
     * fd__store_calendar: call replies, complaint targets): the built-in data in
     * the site's zone with the site's calendar policy, rebuilt whenever one of
     * those differs from the key. */
    struct {
        fd_calendar *cal;
        int64_t site_id;
        char zone[FD__ZONE_MAX + 1];
        int64_t beyond, fallback, roll;
        /* The holiday data loaded into the database (calendar_data) it holds:
         * the last row's id, checked again whenever another connection has
         * committed since (data_version); this handle's own loads forget it. */
        int64_t data_id;
        unsigned int data_version;
    } cal;
};

/*
 * The cached statement for @sql, which must be a string with static storage
 * (a literal): the cache is keyed by its address, so a lookup is a pointer
 * hash, not a string compare. The statement comes back reset with no
 * bindings. Call sqlite3_reset() when done so read locks are released.
 * NULL with the error recorded on failure.
 */
sqlite3_stmt *fd__store_stmt(fd_store *s, const char *fn, const char *sql);

/* --- what every module's steps share (steps.c) ------------------------------- */

/* fd__check_note(), the check of a note or a reason, is in internal.h: the pure modules use it too. */

/* The IANA zone of site @site_id ("Asia/Shanghai" when it names none). */
fd_status fd__store_site_zone(char zone[FD__ZONE_MAX + 1], fd_store *s, const char *fn, int64_t site_id);

/* Room for what fd__site_when() and fd__staff_label() write. */
#define FD__WHEN_MAX 48

/*
 * How a refusal says an instant: the site's local time with its offset,
 * "2026-11-27 08:00 +08:00", or only "10:10" when @beside (0: none) is an
 * instant of the same local day (said just before it). Never fails: "@<UTC
 * seconds>" when the zone cannot be read; the last error is left as it was.
 */
void fd__site_when(char out[FD__WHEN_MAX], fd_store *s, const char *fn, int64_t site_id, int64_t at, int64_t beside);

/* How a refusal names a member of staff: their code (F002), or "the system" for 0. Never fails. */
void fd__staff_label(char out[FD__WHEN_MAX], fd_store *s, const char *fn, int64_t staff_id);

/*
 * R-COM-1, R-COM-3: a step of a record is not dated before what came before
 * it — the record's creation, its last step. FD_EINVAL naming @field (the
 * step's instant, usually `at`) unless @at >= @before (0: nothing before):
 * "at: 2026-11-27 08:00 +08:00 is before the parcel was deposited (10:10)",
 * @what saying what happened at @before.
 */
fd_status fd__step_check(fd_store *s, const char *fn, int64_t site_id, const char *field, int64_t at, int64_t before,
                         const char *what);

/* Maps a SQLite result code to an fd_status and records a message naming @what. */
fd_status fd__store_sqlerr(fd_store *s, const char *fn, int rc, const char *what);

/* Runs cached statement @st, which returns no rows, and resets it; *changes
 * (may be NULL) gets the rows it changed. Errors as fd__store_sqlerr(). */
fd_status fd__stmt_done(fd_store *s, const char *fn, sqlite3_stmt *st, const char *what, int *changes);

/* Reads the first column of the one row cached statement @st returns, as an
 * int64, and resets it. Errors as fd__store_sqlerr(). */
fd_status fd__stmt_int(fd_store *s, const char *fn, sqlite3_stmt *st, const char *what, int64_t *out);

/*
 * After reading a row's columns: SQLite's accessors give NULL when an
 * allocation fails and leave SQLITE_NOMEM as the connection's error (a step
 * resets it), which must not pass for an empty or NULL value.
 */
static inline fd_status fd__columns_read(fd_store *s, const char *fn)
{
    return sqlite3_errcode(s->db) == SQLITE_NOMEM ? fd__oom(fn) : FD_OK;
}

/*
 * Reads the one row of record @id at the actor's site @site through cached
 * statement @sql (?1 = the id, ?2 = the site): on a row, @read(st, ctx)
 * copies what the caller needs (and may fail: FD_ENOMEM); the columns read
 * are checked and the statement reset. FD_ENOTFOUND "<field>: no <what> <id>
 * at the actor's site" when there is none.
 */
fd_status fd__store_load(fd_store *s, const char *fn, const char *sql, int64_t id, int64_t site, const char *field,
                         const char *what, fd_status (*read)(sqlite3_stmt *st, void *ctx), void *ctx);

/* A reference: @id 0 (none) or a record of site @site, as fd__store_load() finds it through @sql
 * ("SELECT 1 FROM <table> WHERE id = ?1 AND site_id = ?2"); FD_ENOTFOUND naming @field otherwise. */
fd_status fd__store_ref_at_site(fd_store *s, const char *fn, const char *sql, int64_t id, int64_t site,
                                const char *field, const char *what);

/*
 * Brackets a write made of several statements: a savepoint inside a caller's
 * transaction, BEGIN IMMEDIATE outside one. fd__store_write_end() commits when
 * @rc is FD_OK and rolls back otherwise, and returns @rc (or the commit's error).
 * @savepoint says which of the two was opened; pass it to fd__store_write_end().
 * FD_EPERM when the store is read-only.
 */
fd_status fd__store_write_begin(fd_store *s, const char *fn, bool *savepoint);
fd_status fd__store_write_end(fd_store *s, const char *fn, bool savepoint, fd_status rc);

/*
 * A write of exactly one statement (one INSERT of a record without search
 * keys) needs no bracket: SQLite makes each statement atomic, inside the
 * caller's transaction or as a transaction of its own, and a savepoint would
 * copy every page the row touches into a statement journal (a bulk load's main
 * cost). The same refusals as fd__store_write_begin; the end reports a caller's
 * transaction that SQLite rolled back. @in_tx says whether one was open.
 */
fd_status fd__store_write_one_begin(fd_store *s, const char *fn, bool *in_tx);
fd_status fd__store_write_one_end(fd_store *s, const char *fn, bool in_tx, fd_status rc);

/*
 * The calendar of site @site_id for its deadlines (R-CALL-9, R-CPL-2): the
 * built-in holiday data and the data loaded into the database since
 * (fd_store_calendar_data_add) in the site's zone with @policy's calendar
 * keys applied. Kept in the handle and rebuilt when the site, its zone,
 * those keys or the loaded data differ, so a change is seen at once. Owned
 * by the handle.
 * (calendar_cache.c: every calendar the store counts on is made there.)
 */
fd_status fd__store_calendar(const fd_calendar **out, fd_store *s, const char *fn, int64_t site_id,
                             const fd_policy *policy);

/*
 * A new calendar of site @site_id as fd__store_calendar() makes it (the
 * built-in data, every text of calendar_data in load order, the site's zone
 * and @policy's calendar keys), owned by the caller. (calendar_cache.c)
 */
fd_status fd__store_calendar_new(fd_calendar **out, fd_store *s, const char *fn, int64_t site_id,
                                 const fd_policy *policy);

/* Drops the handle's calendar (holiday data loaded or rolled back): the next one is built afresh. */
void fd__store_calendar_forget(fd_store *s);

/*
 * A mark a row of a site takes once (retired, lifted: an instant, 0 until then),
 * never undone (R-COM-3): @sql_state reads it and when the row was made
 * ("SELECT <mark>, <created> FROM <table> WHERE id = ?1 AND site_id = ?2"),
 * @sql_set sets it ("UPDATE <table> SET <mark> = ?2 [, <by> = ?3] WHERE id = ?1
 * AND <mark> = 0"; ?3, when the statement has it, is the actor's staff).
 * Static strings.
 */
typedef struct fd__mark {
    const char *sql_state, *sql_set;
    const char *field;  /* the parameter naming the row: "category_id" */
    const char *what;   /* "complaint category" */
    const char *done;   /* "retired" */
    const char *since;  /* what happened at <created>: "the category was added" */
    const char *entity, *action; /* journaled as */
} fd__mark;

/*
 * Marks row @id of the actor's site as @m says, in one write journaled with
 * @detail: FD_ENOTFOUND naming the field when the site has no such row,
 * FD_ESTATE when it was marked already (saying when) or by another writer
 * meanwhile, FD_EINVAL naming `at` for an actor's instant before the row was
 * made (fd__step_check). (actor.c)
 */
fd_status fd__store_mark_once(fd_store *s, const char *fn, const fd_actor *actor, const fd__mark *m, int64_t id,
                              const char *detail);

/* FD_ENOTFOUND naming @field unless site @site exists. (actor.c) */
fd_status fd__store_site_exists(fd_store *s, const char *fn, const char *field, int64_t site);

/* Forgets the cached actor check (after a write to staff, grants or sites). */
void fd__actor_forget(fd_store *s);

/* Forgets every cache a rollback can make stale: the actor check and the chain's head. */
void fd__store_forget(fd_store *s);

/*
 * The site's policy (defaults with its stored overrides), borrowed from the
 * handle's cache: valid until the next call on this handle. For the rules a
 * write applies per row (fd_store_policy_load allocates a copy each time).
 */
fd_status fd__store_policy(const fd_policy **out, fd_store *s, const char *fn, int64_t site_id);

/* The database's data version: changes whenever any connection commits (0 when unknown). */
unsigned int fd__store_data_version(fd_store *s);

/*
 * FD_ESTATE when the caller's transaction (fd_store_begin) was rolled back by
 * SQLite after an error: the writes that follow would otherwise commit one by
 * one outside it. FD_OK otherwise.
 */
fd_status fd__store_tx_lost(fd_store *s, const char *fn);

/* An iterator of @s was freed: completes a deferred fd_store_close(). */
void fd__store_release(fd_store *s);

/*
 * Journals a change inside the current write, as @actor (its instant and
 * staff) at site @site_id (the actor's, or a site being added).
 */
fd_status fd__journal(fd_store *s, const char *fn, const fd_actor *actor, int64_t site_id, const char *entity,
                      int64_t entity_id, const char *action, const char *detail);

/*
 * Appends one entry to the hash-chained journal: id = last id + 1, hash =
 * SHA-256(canonical entry, previous hash). Runs inside the caller's write
 * bracket; the entry is checked by the caller. (journal.c)
 */
fd_status fd__journal_insert(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor, int64_t site_id,
                             const fd_journal_entry *entry);

/* Migration to schema 3: the UUID, the chain of the rows that exist, the UPDATE trigger. */
fd_status fd__journal_chain_existing(fd_store *s, const char *fn);

/* Loads the database's UUID from `meta` (FD_OK with has_uuid false when there is none). */
fd_status fd__store_load_uuid(fd_store *s, const char *fn);

/* Names the first protecting trigger that is missing into @missing (NULL when all are there). */
fd_status fd__store_missing_trigger(fd_store *s, const char *fn, const char **missing);

/* Frees what the journal chain keeps in the handle. */
void fd__journal_chain_free(fd_store *s);

/*
 * Reads the key file @path (visitors_crypto.c): 32 bytes, or 64 hex digits
 * and an optional line break; a regular file readable by its owner only.
 * FD_EIO (cannot read), FD_EPERM (others may read it), FD_EINVAL (not a key),
 * each naming `key_file` and the path, never the key.
 */
fd_status fd__key_file_read(const char *fn, const char *path, unsigned char key[32], char key_id[17]);

/* Frees what the visitors module keeps in the handle (fd_store_close). */
void fd__visitors_free(fd_store *s);

/* Forgets what a rollback can make stale (a secret created in it). */
void fd__visitors_forget(fd_store *s);

/* An actor for the deprecated entry points: the system or @staff_id at @site_id, now. */
fd_actor fd__legacy_actor(int64_t site_id, int64_t staff_id);

#endif
