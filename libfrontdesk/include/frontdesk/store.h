/**
 * @file frontdesk/store.h
 * @brief The site database (SQLite): opening and migrating it, transactions,
 *        sites and staff (R-COM-1), the append-only journal (R-COM-1, R-COM-3),
 *        and per-site policy values.
 *
 * A store is one SQLite file per site database, opened in WAL mode with foreign
 * keys on. Its schema version is kept in `PRAGMA user_version`; migrations are
 * compiled into the library and applied in one transaction when a store is
 * opened, and a database written by a newer library is refused (::FD_EDATA).
 *
 * Thread safety: an ::fd_store is used by one thread at a time. Several
 * handles, in one process or several, may open the same file.
 *
 * Writes while an iterator is open: iterators read in pages of 64 records and
 * hold no read transaction between pages, so the same handle may write while
 * one is open, also after another connection has committed (a long-lived read
 * would fail such a write with SQLITE_BUSY_SNAPSHOT). Records written meanwhile
 * with a higher id are seen by the pages still to come.
 *
 * Nothing is ever deleted (R-COM-3): staff are deactivated, not removed, and
 * every change is also written to the journal, which refuses UPDATE, DELETE
 * and INSERT OR REPLACE, and whose entries are hash-chained so that a rewrite
 * by someone who dropped the triggers is found by fd_store_verify().
 */
#ifndef FRONTDESK_STORE_H
#define FRONTDESK_STORE_H

#include "common.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An open site database. */
typedef struct fd_store fd_store;

/* Deprecated declarations warn in C and C++ users' builds, not in the library's own. */
#if defined(__GNUC__) && !defined(FD_BUILDING_LIBRARY) && !defined(SWIG)
#define FD_STORE_DEPRECATED(msg) __attribute__((deprecated(msg)))
#else
#define FD_STORE_DEPRECATED(msg)
#endif

/** Options of fd_store_open(). Start from ::FD_STORE_OPTIONS_INIT or fd_store_options_init(). */
typedef struct fd_store_options {
    unsigned int version; /**< ::FD_STORE_OPTIONS_VERSION */
    int create;           /**< create the file when missing (default 1); 0: ::FD_ENOTFOUND */
    int read_only;        /**< open read-only: nothing is migrated, writes fail with ::FD_EPERM */
    int synchronous_full; /**< `PRAGMA synchronous=FULL` (survives power loss) instead of NORMAL */
    int busy_timeout_ms;  /**< how long to wait for another writer, default 5000 */
    int quick_check;      /**< run `PRAGMA quick_check` at open and refuse a corrupt file (::FD_EDATA); version 2 */
    const char *key_file; /**< the file holding the key that encrypts kept ID numbers (R-COM-2), outside the
                               database: 32 bytes, or 64 hex digits and an optional line break, readable by its
                               owner only (mode 0600 or stricter). NULL: the file named by the environment
                               variable FRONTDESK_KEY_FILE, if set; none: full ID numbers cannot be kept
                               (fd_store_visit_register()). Read once, at open; version 3 */
} fd_store_options;

/** The current version of ::fd_store_options (versions 1 and 2, without the later fields, are still accepted). */
#define FD_STORE_OPTIONS_VERSION 3
/** Default options. */
#define FD_STORE_OPTIONS_INIT { FD_STORE_OPTIONS_VERSION, 1, 0, 0, 5000, 0, NULL }

/**
 * Fills @p opts with the defaults of ::FD_STORE_OPTIONS_INIT for @p version.
 * @return ::FD_OK, or ::FD_EINVAL for NULL or a version this library does not know.
 */
FD_API fd_status fd_store_options_init(fd_store_options *opts, unsigned int version);

/**
 * Opens (and, unless read-only, creates and migrates) the site database at @p path.
 *
 * Safe when several processes open the same new path at once: the schema is
 * read and migrated inside `BEGIN IMMEDIATE`, and the switch to WAL waits for
 * the others like any write. Nothing is changed before the file is known to be
 * a libfrontdesk database of a known schema; a file this call created is
 * removed when it fails. A writable open refuses a database whose protecting
 * triggers were dropped (::FD_EDATA; open it read-only and run
 * fd_store_verify()). A read-only open uses SQLite's `mode=ro`, and on media
 * where even that cannot work (a WAL database on a read-only mount)
 * `immutable=1`: then nothing else may write the file meanwhile.
 *
 * @param out   receives the handle; close it with fd_store_close()
 * @param path  file name (UTF-8); ":memory:" gives a private in-memory database
 * @param opts  options, or NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL (bad path or options, a key file that does not hold a
 *         key), ::FD_ENOTFOUND (missing and `create` is 0), ::FD_EIO (cannot open the
 *         database or read the key file), ::FD_EPERM (a key file others may read), ::FD_EDATA (not a database,
 *         corrupt, or from a newer library), ::FD_EBUSY (locked), ::FD_ENOMEM.
 *         On failure *out is NULL and the file is unchanged.
 */
FD_API fd_status fd_store_open(fd_store **out, const char *path, const fd_store_options *opts);

/**
 * Closes the store. An open transaction is rolled back. NULL is a no-op.
 * Iterators obtained from the store stay valid until they are freed: the
 * handle and its connection live on until the last one is freed.
 */
FD_API void fd_store_close(fd_store *store);

/** The schema version of the open database (`PRAGMA user_version`). */
FD_API fd_status fd_store_schema_version(int *out, fd_store *store);

/** What fd_store_verify() found. Strings are NUL-terminated; empty when not applicable. */
typedef struct fd_store_verify_report {
    unsigned int version;  /**< ::FD_STORE_VERIFY_REPORT_VERSION */
    int64_t entries;       /**< journal entries checked */
    int64_t first_bad_id;  /**< the first journal entry that was altered, removed or inserted; 0 when none */
    int integrity_ok;      /**< 1 when `PRAGMA integrity_check` passed */
    int triggers_ok;       /**< 1 when every trigger that protects the append-only tables is present */
    char problem[128];     /**< the first problem, "" when the database is intact */
    char uuid[37];         /**< the database's UUID (8-4-4-4-12 hex), set at creation */
    char head[65];         /**< hex SHA-256 of the last entry: record it elsewhere to anchor the chain */
} fd_store_verify_report;

/** The current version of ::fd_store_verify_report. */
#define FD_STORE_VERIFY_REPORT_VERSION 1
/** An empty report. */
#define FD_STORE_VERIFY_REPORT_INIT { FD_STORE_VERIFY_REPORT_VERSION, 0, 0, 0, 0, "", "", "" }

/** Fills @p report with ::FD_STORE_VERIFY_REPORT_INIT for @p version. */
FD_API fd_status fd_store_verify_report_init(fd_store_verify_report *report, unsigned int version);

/**
 * Checks that the database is what the library wrote (R-COM-3): `PRAGMA
 * integrity_check`, the protecting triggers, and the journal's hash chain
 * walked entry by entry (each entry's SHA-256 over its canonical encoding and
 * the previous hash; ids consecutive). Works on a read-only store.
 *
 * What it can and cannot see: someone with write access to the file can drop
 * the triggers and change rows; that is found here, because the chain no longer
 * matches. They can also recompute the whole chain after a change (there is no
 * secret key): that is found only by comparing `head` (or the entries) with a
 * copy kept elsewhere — the central copy each site's journal is shipped to
 * checks the chain per (UUID, entry id).
 * @return ::FD_OK when intact; ::FD_EDATA naming the first problem (the report
 *         is filled in both cases); ::FD_EIO.
 */
FD_API fd_status fd_store_verify(fd_store_verify_report *out, fd_store *store);

/** The database's UUID (8-4-4-4-12 hex), given at creation. ::FD_EDATA when it has none. */
FD_API fd_status fd_store_uuid(fd_buf *out, fd_store *store);

/** The newest schema version this library knows (= number of migrations). */
FD_API int fd_store_schema_latest(void);

/**
 * Starts a transaction (`BEGIN IMMEDIATE`). Writes made until fd_store_commit()
 * are applied together or not at all; bulk loads should run inside one.
 * @return ::FD_OK, ::FD_ESTATE if one is already open, ::FD_EBUSY, ::FD_EIO.
 */
FD_API fd_status fd_store_begin(fd_store *store);

/**
 * Commits the open transaction. ::FD_ESTATE when none is open, or when SQLite
 * rolled it back by itself after an out-of-memory, I/O or full-disk error
 * (then every write until fd_store_rollback() is refused the same way, rather
 * than committing one by one outside the transaction the caller believes in).
 */
FD_API fd_status fd_store_commit(fd_store *store);

/**
 * Rolls back the open transaction (also one SQLite already rolled back after an
 * error: then it just ends it). ::FD_ESTATE when none is open.
 */
FD_API fd_status fd_store_rollback(fd_store *store);

/**
 * Whether a transaction opened with fd_store_begin() is open (not yet committed
 * or rolled back): *out is 1 or 0. fd_store_close() rolls such a transaction
 * back; the faces ask first, so that closing a store with uncommitted work is an
 * error there (Python `frontdesk.InvalidState`, Java `FD_ESTATE`) instead of a
 * silent loss of work.
 * @return ::FD_OK; ::FD_EINVAL when @p out or @p store is NULL.
 */
FD_API fd_status fd_store_in_transaction(int *out, fd_store *store);

/* ------------------------------------------------------------------------
 * Actors (R-COM-1): who acts, where, when, with which grants.
 * ---------------------------------------------------------------------- */

/** Grants an actor may ask to use; a site gives them to roles (fd_store_grant_set()). */
typedef enum fd_grant {
    FD_GRANT_REVEAL = 1, /**< see personal data unmasked (R-COM-2); every reveal is logged */
    FD_GRANT_MANAGE = 2  /**< give and take grants at the site */
} fd_grant;

/**
 * Who does a write, or a read of personal data: the site, the member of staff
 * (0 = the system: imports, scripts, the site's owner), the instant of the
 * action, and the grants the caller asks to use. Every write takes one; the
 * library never reads the clock inside a write, so tests fix time.
 *
 * Staff must exist, belong to @c site_id and be active, else ::FD_EPERM naming
 * both. A grant asked for must be given to the staff's role at the site.
 */
typedef struct fd_actor {
    unsigned int version; /**< ::FD_ACTOR_VERSION */
    int64_t site_id;      /**< the site acted at, > 0 (0 only for fd_store_site_add()) */
    int64_t staff_id;     /**< who, 0 = the system */
    int64_t at;           /**< instant of the action, UTC seconds, FD_INSTANT_MIN..FD_INSTANT_MAX */
    unsigned int grants;  /**< ::fd_grant bits asked for (0: none) */
    const char *reason;   /**< why personal data is revealed: required with ::FD_GRANT_REVEAL, logged */
} fd_actor;

/** The current version of ::fd_actor. */
#define FD_ACTOR_VERSION 1
/** An actor to fill in: the system, no site, no instant, no grants. */
#define FD_ACTOR_INIT { FD_ACTOR_VERSION, 0, 0, 0, 0u, NULL }

/** Fills @p actor with ::FD_ACTOR_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_actor_init(fd_actor *actor, unsigned int version);

/**
 * Checks @p actor against the store as a write would: the site exists; staff
 * (unless 0) exist, belong to the site and are active; each grant asked for is
 * given to their role; a reveal has a reason.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE (instant), ::FD_ENOTFOUND (site or
 *         staff), ::FD_EPERM (other site, inactive, grant not given).
 */
FD_API fd_status fd_store_actor_check(fd_store *store, const fd_actor *actor);

/**
 * Gives (@p on = 1) or takes back (@p on = 0) grant @p grant from role @p role
 * at the actor's site (R-COM-2: "a permission that the site grants").
 * Needs the system actor or a member of staff whose role holds
 * ::FD_GRANT_MANAGE (asked for in @c actor.grants). Journaled as `grant` /
 * `give` or `take`. Giving a grant held already is ::FD_OK.
 * @return ::FD_OK, ::FD_EINVAL (bad role or grant), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_grant_set(fd_store *store, const fd_actor *actor, const char *role, fd_grant grant,
                                    int on);

/**
 * Whether role @p role holds @p grant at site @p site_id: *out = 1 or 0.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOTFOUND (no such site).
 */
FD_API fd_status fd_store_grant_has(int *out, fd_store *store, int64_t site_id, const char *role, fd_grant grant);

/** The name of a grant ("reveal", "manage"), or NULL for a value that is not one. */
FD_API const char *fd_grant_name(fd_grant grant);

/* ------------------------------------------------------------------------
 * Records: site, staff, journal entry, reveal (access log). Declared once in
 * libfrontdesk/records/store.rec; the structs, filters and iterators below are
 * generated from it (docs/adding-a-module.md).
 * ---------------------------------------------------------------------- */

/* @generated records:store begin (scripts/gen/records.py from libfrontdesk/records/store.rec; do not edit) */

/** 场所: A site: an industrial park, an office building, a residential estate, a hotel. (R-COM-1) Strings are owned by the iterator or the
 *  record they came from; fd_site_free() frees a record from fd_store_site_get(). */
typedef struct fd_site {
    unsigned int version; /**< ::FD_SITE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-1) */
    const char *code; /**< 代码: short code, unique in the database, at most 32 bytes (R-COM-1) */
    const char *name; /**< 名称: display name, e.g. 某某产业园, at most 200 bytes (R-COM-1) */
    const char *time_zone; /**< 时区: IANA time zone; empty means Asia/Shanghai, at most 64 bytes (R-COM-1) */
    int64_t created_at; /**< 创建时间: when the site was added (UTC seconds) (R-COM-1) */
    int64_t created_by; /**< 创建人: who added it, 0 = the system (R-COM-1) */
} fd_site;
/** The current version of ::fd_site. */
#define FD_SITE_VERSION 1
/** An empty ::fd_site to fill in. */
#define FD_SITE_INIT { FD_SITE_VERSION, 0, NULL, NULL, NULL, 0, 0 }
/** Fills @p rec with ::FD_SITE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_site_init(fd_site *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`site.<field>: ...`).
 */
FD_API fd_status fd_site_check(const fd_site *rec);
/** Frees a record from fd_store_site_get(). NULL is a no-op. */
FD_API void fd_site_free(fd_site *rec);

/* Bits of fd_site_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_SITE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_SITE_MATCH_CODE (UINT64_C(1) << 1) /**< filter.code is set */
#define FD_SITE_MATCH_NAME (UINT64_C(1) << 2) /**< filter.name is set */
#define FD_SITE_MATCH_TIME_ZONE (UINT64_C(1) << 3) /**< filter.time_zone is set */
#define FD_SITE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 4) /**< filter.created_at_from is set */
#define FD_SITE_MATCH_CREATED_AT_TO (UINT64_C(1) << 5) /**< filter.created_at_to is set */
#define FD_SITE_MATCH_CREATED_BY (UINT64_C(1) << 6) /**< filter.created_by is set */
#define FD_SITE_MATCH_SEARCH (UINT64_C(1) << 7) /**< filter.search is set */
#endif
/** Which site records fd_store_site_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_site_filter {
    unsigned int version; /**< ::FD_SITE_FILTER_VERSION */
    uint64_t match; /**< `FD_SITE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    const char *code; /**< equal to (代码) */
    const char *name; /**< equal to (名称) */
    const char *time_zone; /**< equal to (时区) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    int64_t created_by; /**< equal to (创建人) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_site_filter;
/** The current version of ::fd_site_filter. */
#define FD_SITE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_SITE_FILTER_INIT { FD_SITE_FILTER_VERSION, 0, 0, NULL, NULL, NULL, 0, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_SITE_FILTER_INIT for @p version. */
FD_API fd_status fd_site_filter_init(fd_site_filter *filter, unsigned int version);

/** 员工: A member of staff: every record says who handled it. (R-COM-1) Strings are owned by the iterator or the
 *  record they came from; fd_staff_free() frees a record from fd_store_staff_get(). */
typedef struct fd_staff {
    unsigned int version; /**< ::FD_STAFF_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-1) */
    int64_t site_id; /**< 场所: the site they work at (R-COM-1) */
    const char *code; /**< 工号: staff number, unique per site, at most 32 bytes (R-COM-1) */
    const char *name; /**< 姓名: full name; masked when the site's policy pii.mask_names is 1, at most 200 bytes; personal data (name), masked on output (R-COM-2) */
    const char *role; /**< 角色: role code, e.g. clerk, supervisor, manager; grants are given per role, at most 32 bytes (R-COM-2) */
    int active; /**< 在职: 1 while employed; staff are deactivated, never deleted (R-COM-3) */
    int64_t created_at; /**< 创建时间: when they were added (UTC seconds) (R-COM-1) */
    int64_t created_by; /**< 创建人: who added them, 0 = the system (R-COM-1) */
} fd_staff;
/** The current version of ::fd_staff. */
#define FD_STAFF_VERSION 1
/** An empty ::fd_staff to fill in. */
#define FD_STAFF_INIT { FD_STAFF_VERSION, 0, 0, NULL, NULL, NULL, 0, 0, 0 }
/** Fills @p rec with ::FD_STAFF_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_staff_init(fd_staff *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`staff.<field>: ...`).
 */
FD_API fd_status fd_staff_check(const fd_staff *rec);
/** Frees a record from fd_store_staff_get(). NULL is a no-op. */
FD_API void fd_staff_free(fd_staff *rec);

/* Bits of fd_staff_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_STAFF_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_STAFF_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_STAFF_MATCH_CODE (UINT64_C(1) << 2) /**< filter.code is set */
#define FD_STAFF_MATCH_NAME (UINT64_C(1) << 3) /**< filter.name is set */
#define FD_STAFF_MATCH_ROLE (UINT64_C(1) << 4) /**< filter.role is set */
#define FD_STAFF_MATCH_ACTIVE (UINT64_C(1) << 5) /**< filter.active is set */
#define FD_STAFF_MATCH_CREATED_AT_FROM (UINT64_C(1) << 6) /**< filter.created_at_from is set */
#define FD_STAFF_MATCH_CREATED_AT_TO (UINT64_C(1) << 7) /**< filter.created_at_to is set */
#define FD_STAFF_MATCH_CREATED_BY (UINT64_C(1) << 8) /**< filter.created_by is set */
#define FD_STAFF_MATCH_SEARCH (UINT64_C(1) << 9) /**< filter.search is set */
#endif
/** Which staff records fd_store_staff_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_staff_filter {
    unsigned int version; /**< ::FD_STAFF_FILTER_VERSION */
    uint64_t match; /**< `FD_STAFF_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    const char *code; /**< equal to (工号) */
    const char *name; /**< equal to (姓名) */
    const char *role; /**< equal to (角色) */
    int active; /**< equal to (在职) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    int64_t created_by; /**< equal to (创建人) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_staff_filter;
/** The current version of ::fd_staff_filter. */
#define FD_STAFF_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_STAFF_FILTER_INIT { FD_STAFF_FILTER_VERSION, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_STAFF_FILTER_INIT for @p version. */
FD_API fd_status fd_staff_filter_init(fd_staff_filter *filter, unsigned int version);

/** 日志: One entry of the append-only journal: who changed what, when. (R-COM-3) Strings are owned by the iterator or the
 *  record they came from; fd_journal_entry_free() frees a record from fd_store_journal_get(). */
typedef struct fd_journal_entry {
    unsigned int version; /**< ::FD_JOURNAL_ENTRY_VERSION */
    int64_t id; /**< 编号: entry id, increasing (R-COM-3) */
    int64_t at; /**< 时间: when it happened (UTC seconds) (R-COM-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who did it, 0 = the system (R-COM-1) */
    const char *entity; /**< 对象: kind of thing that changed, e.g. policy, at most 32 bytes (R-COM-3) */
    int64_t entity_id; /**< 对象编号: which one, 0 when not applicable (R-COM-3) */
    const char *action; /**< 操作: what happened, e.g. set, at most 32 bytes (R-COM-3) */
    const char *detail; /**< 详情: free text; phone, ID and passport numbers in it are masked as it is written (the journal is never purged), at most 4000 bytes; personal data (free_text), masked on output (R-COM-2) */
} fd_journal_entry;
/** The current version of ::fd_journal_entry. */
#define FD_JOURNAL_ENTRY_VERSION 1
/** An empty ::fd_journal_entry to fill in. */
#define FD_JOURNAL_ENTRY_INIT { FD_JOURNAL_ENTRY_VERSION, 0, 0, 0, 0, NULL, 0, NULL, NULL }
/** Fills @p rec with ::FD_JOURNAL_ENTRY_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_journal_entry_init(fd_journal_entry *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`journal.<field>: ...`).
 */
FD_API fd_status fd_journal_entry_check(const fd_journal_entry *rec);
/** Frees a record from fd_store_journal_get(). NULL is a no-op. */
FD_API void fd_journal_entry_free(fd_journal_entry *rec);

/* Bits of fd_journal_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_JOURNAL_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_JOURNAL_MATCH_AT_FROM (UINT64_C(1) << 1) /**< filter.at_from is set */
#define FD_JOURNAL_MATCH_AT_TO (UINT64_C(1) << 2) /**< filter.at_to is set */
#define FD_JOURNAL_MATCH_SITE_ID (UINT64_C(1) << 3) /**< filter.site_id is set */
#define FD_JOURNAL_MATCH_STAFF_ID (UINT64_C(1) << 4) /**< filter.staff_id is set */
#define FD_JOURNAL_MATCH_ENTITY (UINT64_C(1) << 5) /**< filter.entity is set */
#define FD_JOURNAL_MATCH_ENTITY_ID (UINT64_C(1) << 6) /**< filter.entity_id is set */
#define FD_JOURNAL_MATCH_ACTION (UINT64_C(1) << 7) /**< filter.action is set */
#endif
/** Which journal records fd_store_journal_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_journal_filter {
    unsigned int version; /**< ::FD_JOURNAL_FILTER_VERSION */
    uint64_t match; /**< `FD_JOURNAL_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    const char *entity; /**< equal to (对象) */
    int64_t entity_id; /**< equal to (对象编号) */
    const char *action; /**< equal to (操作) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_journal_filter;
/** The current version of ::fd_journal_filter. */
#define FD_JOURNAL_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_JOURNAL_FILTER_INIT { FD_JOURNAL_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_JOURNAL_FILTER_INIT for @p version. */
FD_API fd_status fd_journal_filter_init(fd_journal_filter *filter, unsigned int version);

/** 查看记录: One reveal of personal data: the append-only access log. (R-COM-2) Strings are owned by the iterator or the
 *  record they came from; fd_reveal_free() frees a record from fd_store_reveal_get(). */
typedef struct fd_reveal {
    unsigned int version; /**< ::FD_REVEAL_VERSION */
    int64_t id; /**< 编号: entry id, increasing (R-COM-2) */
    int64_t at; /**< 时间: when the data was shown (UTC seconds) (R-COM-2) */
    int64_t site_id; /**< 场所: the site (R-COM-2) */
    int64_t staff_id; /**< 查看人: who saw it (R-COM-2) */
    const char *record; /**< 记录类型: which kind of record, e.g. staff, at most 32 bytes (R-COM-2) */
    int64_t record_id; /**< 记录编号: which record (R-COM-2) */
    const char *field; /**< 字段: which field, at most 32 bytes (R-COM-2) */
    const char *reason; /**< 事由: the reason the actor gave; numbers in it are masked like any free text, at most 500 bytes; personal data (free_text), masked on output (R-COM-2) */
} fd_reveal;
/** The current version of ::fd_reveal. */
#define FD_REVEAL_VERSION 1
/** An empty ::fd_reveal to fill in. */
#define FD_REVEAL_INIT { FD_REVEAL_VERSION, 0, 0, 0, 0, NULL, 0, NULL, NULL }
/** Fills @p rec with ::FD_REVEAL_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_reveal_init(fd_reveal *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`reveal.<field>: ...`).
 */
FD_API fd_status fd_reveal_check(const fd_reveal *rec);
/** Frees a record from fd_store_reveal_get(). NULL is a no-op. */
FD_API void fd_reveal_free(fd_reveal *rec);

/* Bits of fd_reveal_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_REVEAL_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_REVEAL_MATCH_AT_FROM (UINT64_C(1) << 1) /**< filter.at_from is set */
#define FD_REVEAL_MATCH_AT_TO (UINT64_C(1) << 2) /**< filter.at_to is set */
#define FD_REVEAL_MATCH_SITE_ID (UINT64_C(1) << 3) /**< filter.site_id is set */
#define FD_REVEAL_MATCH_STAFF_ID (UINT64_C(1) << 4) /**< filter.staff_id is set */
#define FD_REVEAL_MATCH_RECORD (UINT64_C(1) << 5) /**< filter.record is set */
#define FD_REVEAL_MATCH_RECORD_ID (UINT64_C(1) << 6) /**< filter.record_id is set */
#define FD_REVEAL_MATCH_FIELD (UINT64_C(1) << 7) /**< filter.field is set */
#endif
/** Which reveal records fd_store_reveal_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_reveal_filter {
    unsigned int version; /**< ::FD_REVEAL_FILTER_VERSION */
    uint64_t match; /**< `FD_REVEAL_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (查看人) */
    const char *record; /**< equal to (记录类型) */
    int64_t record_id; /**< equal to (记录编号) */
    const char *field; /**< equal to (字段) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_reveal_filter;
/** The current version of ::fd_reveal_filter. */
#define FD_REVEAL_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_REVEAL_FILTER_INIT { FD_REVEAL_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_REVEAL_FILTER_INIT for @p version. */
FD_API fd_status fd_reveal_filter_init(fd_reveal_filter *filter, unsigned int version);

/* @generated records:store end */

/* @generated store:store begin (scripts/gen/records.py from libfrontdesk/records/store.rec; do not edit) */

/** An iterator over site records, in id order, read in pages. */
typedef struct fd_site_iter fd_site_iter;
/**
 * Queries site records; @p filter NULL matches all. @p actor: the actor, or NULL (the record holds no personal data);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_site_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_site_query(fd_site_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_site_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_site_iter_next(const fd_site **out, fd_site_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_site_iter_free(fd_site_iter *iter);
/** One site record by id (masked as by fd_store_site_query()); free it with
 *  fd_site_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_site_get(fd_site **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over staff records, in id order, read in pages. */
typedef struct fd_staff_iter fd_staff_iter;
/**
 * Queries staff records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_staff_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_staff_query(fd_staff_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_staff_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_staff_iter_next(const fd_staff **out, fd_staff_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_staff_iter_free(fd_staff_iter *iter);
/** One staff record by id (masked as by fd_store_staff_query()); free it with
 *  fd_staff_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_staff_get(fd_staff **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over journal records, in id order, read in pages. */
typedef struct fd_journal_iter fd_journal_iter;
/**
 * Queries journal records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_journal_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_journal_query(fd_journal_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_journal_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_journal_iter_next(const fd_journal_entry **out, fd_journal_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_journal_iter_free(fd_journal_iter *iter);
/** One journal record by id (masked as by fd_store_journal_query()); free it with
 *  fd_journal_entry_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_journal_get(fd_journal_entry **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over reveal records, in id order, read in pages. */
typedef struct fd_reveal_iter fd_reveal_iter;
/**
 * Queries reveal records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_reveal_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_reveal_query(fd_reveal_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_reveal_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_reveal_iter_next(const fd_reveal **out, fd_reveal_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_reveal_iter_free(fd_reveal_iter *iter);
/** One reveal record by id (masked as by fd_store_reveal_query()); free it with
 *  fd_reveal_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_reveal_get(fd_reveal **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:store end */

/* ------------------------------------------------------------------------
 * Sites and staff (R-COM-1).
 * ---------------------------------------------------------------------- */

/**
 * Adds a site. The actor is the system (staff 0, site 0) or a member of staff
 * of another site; @c actor.at becomes `created_at`. Journaled at the new site
 * as `site` / `add`.
 * @param out_id receives the new site's id
 * @param site   code (unique), name and time zone (empty: Asia/Shanghai)
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`site.code: ...`),
 *         ::FD_ECONFLICT (code in use), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_site_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_site *site);

/** Looks a site up by code; free it with fd_site_free(). ::FD_ENOTFOUND when there is none. */
FD_API fd_status fd_store_site_get_by_code(fd_site **out, fd_store *store, const char *code);

/**
 * The database's only site, for tools that need not name it; free it with
 * fd_site_free(). ::FD_ENOTFOUND when there is none, ::FD_ECONFLICT when there
 * are several.
 */
FD_API fd_status fd_store_site_default(fd_site **out, fd_store *store);

/**
 * The local date at a site (its time zone, via ICU) of instant @p at (UTC
 * seconds). What "today" means for a site's daily report (R-COM-1).
 * @return ::FD_OK, ::FD_ENOTFOUND (no such site), ::FD_ERANGE (@p at outside
 *         FD_INSTANT_MIN..FD_INSTANT_MAX).
 */
FD_API fd_status fd_store_site_date(fd_date *out, fd_store *store, int64_t site_id, int64_t at);

/**
 * Adds a member of staff to the actor's site; `created_by` is the actor.
 * Journaled as `staff` / `add`.
 * @param staff code (unique per site), name, role
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_ECONFLICT
 *         (code in use at the site), ::FD_EPERM (actor), ::FD_EIO.
 */
FD_API fd_status fd_store_staff_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_staff *staff);

/**
 * Looks up a member of staff of the actor's site by staff code (name masked as
 * by fd_store_staff_query()); free it with fd_staff_free().
 * ::FD_ENOTFOUND when there is none.
 */
FD_API fd_status fd_store_staff_get_by_code(fd_staff **out, fd_store *store, const fd_actor *actor,
                                            const char *code);

/**
 * Marks member of staff @p staff_id of the actor's site active (1) or inactive
 * (0, left the company; R-COM-3: never deleted). Journaled as `staff` /
 * `activate` or `deactivate`.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ENOTFOUND (no such staff at the site), ::FD_EPERM.
 */
FD_API fd_status fd_store_staff_set_active(fd_store *store, const fd_actor *actor, int64_t staff_id, int active);

/* ------------------------------------------------------------------------
 * The journal (R-COM-1, R-COM-3) and the access log (R-COM-2).
 * ---------------------------------------------------------------------- */

/**
 * Appends one entry to the journal: @c entry.entity, @c entity_id, @c action
 * and @c detail; time, site and staff come from the actor. The journal is
 * append-only: the database itself refuses to update or delete its rows.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_journal_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                      const fd_journal_entry *entry);

/* ------------------------------------------------------------------------
 * Policy (every number of the standards, per site).
 * ---------------------------------------------------------------------- */

/**
 * Loads the policy of a site: the library defaults with the site's stored
 * overrides applied. Free it with fd_policy_free().
 * @return ::FD_OK, ::FD_ENOTFOUND (no such site), ::FD_EDATA (a stored value is corrupt), ::FD_EIO.
 */
FD_API fd_status fd_store_policy_load(fd_policy **out, fd_store *store, int64_t site_id);

/**
 * Stores an override of one policy value for the actor's site, checked against
 * the key's range, and journals it (`policy` / `set`, "key: old -> new").
 * @return ::FD_OK, ::FD_ENOTFOUND (unknown key), ::FD_ERANGE, ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_policy_set(fd_store *store, const fd_actor *actor, const char *key, int64_t value);

/**
 * Stores a deadline key's amount and unit together for the actor's site
 * (fd_policy_set_deadline() checks them, e.g. complaint.important.resolve_days
 * = 3 ::FD_CALENDAR_UNIT_WORKING_DAYS), journaled as `policy` / `set`,
 * "complaint.important.resolve_days: 3 calendar_days -> 3 working_days".
 * @return as fd_store_policy_set(); ::FD_EINVAL (not a deadline key, a unit it
 *         does not take).
 */
FD_API fd_status fd_store_policy_set_deadline(fd_store *store, const fd_actor *actor, const char *key, int64_t amount,
                                              int unit);

/**
 * Removes the actor's site's override of @p key, so the library default applies
 * again; journaled as `policy` / `reset`. Resetting a key with no override is ::FD_OK.
 */
FD_API fd_status fd_store_policy_reset(fd_store *store, const fd_actor *actor, const char *key);

/* ------------------------------------------------------------------------
 * Calls (issue 11): the records and rules are in frontdesk/calls.h.
 * ---------------------------------------------------------------------- */

/* @generated store:calls begin (scripts/gen/records.py from libfrontdesk/records/calls.rec; do not edit) */

#include "calls.h"

/** An iterator over call records, in id order, read in pages. */
typedef struct fd_call_iter fd_call_iter;
/**
 * Queries call records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_call_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_call_query(fd_call_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_call_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_call_iter_next(const fd_call **out, fd_call_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_call_iter_free(fd_call_iter *iter);
/** One call record by id (masked as by fd_store_call_query()); free it with
 *  fd_call_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_call_get(fd_call **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over call_task records, in id order, read in pages. */
typedef struct fd_call_task_iter fd_call_task_iter;
/**
 * Queries call_task records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_call_task_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_call_task_query(fd_call_task_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_call_task_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_call_task_iter_next(const fd_call_task **out, fd_call_task_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_call_task_iter_free(fd_call_task_iter *iter);
/** One call_task record by id (masked as by fd_store_call_task_query()); free it with
 *  fd_call_task_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_call_task_get(fd_call_task **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over message records, in id order, read in pages. */
typedef struct fd_message_iter fd_message_iter;
/**
 * Queries message records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_message_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_message_query(fd_message_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_message_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_message_iter_next(const fd_message **out, fd_message_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_message_iter_free(fd_message_iter *iter);
/** One message record by id (masked as by fd_store_message_query()); free it with
 *  fd_message_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_message_get(fd_message **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over message_event records, in id order, read in pages. */
typedef struct fd_message_event_iter fd_message_event_iter;
/**
 * Queries message_event records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_message_event_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_message_event_query(fd_message_event_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_message_event_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_message_event_iter_next(const fd_message_event **out, fd_message_event_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_message_event_iter_free(fd_message_event_iter *iter);
/** One message_event record by id (masked as by fd_store_message_event_query()); free it with
 *  fd_message_event_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_message_event_get(fd_message_event **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over dir_entry records, in id order, read in pages. */
typedef struct fd_dir_entry_iter fd_dir_entry_iter;
/**
 * Queries dir_entry records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_dir_entry_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_dir_entry_query(fd_dir_entry_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_dir_entry_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_dir_entry_iter_next(const fd_dir_entry **out, fd_dir_entry_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_dir_entry_iter_free(fd_dir_entry_iter *iter);
/** One dir_entry record by id (masked as by fd_store_dir_entry_query()); free it with
 *  fd_dir_entry_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_dir_entry_get(fd_dir_entry **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over guest records, in id order, read in pages. */
typedef struct fd_guest_iter fd_guest_iter;
/**
 * Queries guest records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_guest_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_guest_query(fd_guest_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_guest_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_guest_iter_next(const fd_guest **out, fd_guest_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_guest_iter_free(fd_guest_iter *iter);
/** One guest record by id (masked as by fd_store_guest_query()); free it with
 *  fd_guest_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_guest_get(fd_guest **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over cdr_leg records, in id order, read in pages. */
typedef struct fd_cdr_leg_iter fd_cdr_leg_iter;
/**
 * Queries cdr_leg records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_cdr_leg_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_cdr_leg_query(fd_cdr_leg_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_cdr_leg_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_cdr_leg_iter_next(const fd_cdr_leg **out, fd_cdr_leg_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_cdr_leg_iter_free(fd_cdr_leg_iter *iter);
/** One cdr_leg record by id (masked as by fd_store_cdr_leg_query()); free it with
 *  fd_cdr_leg_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_cdr_leg_get(fd_cdr_leg **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:calls end */

/**
 * Logs a call (R-CALL-3) at the actor's site; the actor is who handled it and
 * when it was logged. The call is assessed with the site's policy first
 * (fd_call_assess(): rings, late, over_limit derived; refused naming the field,
 * nothing written), its caller number stored normalised (fd_phone_parse()
 * national form). In the same transaction: an incoming dropped call creates a
 * `callback` task due at its end (R-CALL-8); an `unresolved` call a `reply`
 * task due `call.unresolved_reply_working_days` after its end on the site's
 * calendar (R-CALL-9). Not journaled: the call is its own log entry (who,
 * when, where), and the table refuses DELETE, INSERT OR REPLACE and, for a
 * call logged at the desk, UPDATE (R-COM-3). A call that rang after the
 * actor's instant is refused (`call.ring_at`).
 * @param out_id receives the call's id
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_EPERM
 *         (actor), ::FD_ENOTFOUND (callee_entry of another site or none),
 *         ::FD_EDATA (the reply's deadline needs holiday data the site refuses
 *         to go beyond), ::FD_EIO.
 */
FD_API fd_status fd_store_call_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_call *call);

/**
 * Marks a call-back or reply task done (R-CALL-8, R-CALL-9, R-COM-4): by the
 * actor, at the actor's instant, with what was said (@p outcome, required,
 * free text). Journaled as `call_task` / `done`.
 * @return ::FD_OK; ::FD_EINVAL (empty outcome); ::FD_ENOTFOUND (no such task at
 *         the site); ::FD_ESTATE (already done, naming when); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_call_task_done(fd_store *store, const fd_actor *actor, int64_t task_id,
                                         const char *outcome);

/**
 * Takes a message (R-CALL-6): it must have been read back and confirmed
 * (`confirmed` 1, else ::FD_EINVAL naming `message.confirmed`); its state is
 * `taken`, and a `taken` event is stored. Journaled as `message` / `take`.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_EPERM,
 *         ::FD_ENOTFOUND (call_id or for_entry not at the site), ::FD_EIO.
 */
FD_API fd_status fd_store_message_take(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                       const fd_message *message);

/**
 * Records a message delivered (R-CALL-6) by the actor at the actor's instant,
 * @p how a `delivered_how` code, @p note optional. Stored as a
 * `delivered` event and the message's state.
 * @return ::FD_OK; ::FD_EINVAL (unknown how); ::FD_ENOTFOUND; ::FD_ESTATE (not
 *         `taken`: already delivered or expired, naming the state); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_message_deliver(fd_store *store, const fd_actor *actor, int64_t message_id,
                                          const char *how, const char *note);

/**
 * Records a message expired undelivered (R-CALL-6), @p note saying why
 * (required). Stored as an `expired` event and the message's state.
 * @return as fd_store_message_deliver().
 */
FD_API fd_status fd_store_message_expire(fd_store *store, const fd_actor *actor, int64_t message_id,
                                         const char *note);

/**
 * Adds a directory entry (R-CALL-5, R-CALL-6, R-CALL-12) with its collation key
 * (lookups in collation order) and search keys; presence starts `in`.
 * Needs ::FD_GRANT_MANAGE (the directory says who is protected).
 * Journaled as `dir_entry` / `add`.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (unknown kind or
 *         screen code), ::FD_ECONFLICT (extension in use at the site),
 *         ::FD_ENOTFOUND (manager or purchasing entry), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_dir_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                  const fd_dir_entry *entry);

/**
 * Sets an entry's presence (R-CALL-6): @p presence a `presence` code, @p until
 * UTC seconds after the actor's instant, or 0 for until changed.
 * Journaled as `dir_entry` / `presence`.
 * @return ::FD_OK; ::FD_EINVAL (unknown code, @p until not after now); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_dir_presence_set(fd_store *store, const fd_actor *actor, int64_t entry_id,
                                           const char *presence, int64_t until);

/**
 * Finds directory entries for a caller's request (R-CALL-6: finding the
 * callee takes no more than 10 s): @p query is a name, pinyin, initials,
 * Traditional or full-width input (through the search-key index), or an
 * extension (exact). The first @p limit (1..64) matches come back in
 * collation order of the name, read through an index in that order, never by
 * sorting every match. Confidential entries are found; their numbers come
 * back masked unless the actor reveals (each reveal logged, R-CALL-5).
 * @return ::FD_OK (an empty iterator when nothing matches); ::FD_EINVAL (empty
 *         query); ::FD_ERANGE (limit); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_dir_find(fd_dir_entry_iter **out, fd_store *store, const fd_actor *actor,
                                   const char *query, int64_t limit);

/**
 * Registers a hotel guest (R-CALL-11): departure not before arrival.
 * Journaled as `guest` / `add`.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_guest_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_guest *guest);

/**
 * Records a guest's check-out at the actor's instant (R-CALL-11).
 * Journaled as `guest` / `checkout`.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (already checked out); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_guest_checkout(fd_store *store, const fd_actor *actor, int64_t guest_id);

/**
 * Answers a caller asking for a guest (R-CALL-11) on the site's date at the
 * actor's instant: by @p room and/or @p name (either may be NULL or "", not
 * both; a name matches through the search keys, so pinyin and Traditional
 * input work). Of several matches the one whose stay is nearest the day wins
 * (in house, then arriving, then the latest checked out). An incognito guest
 * is ::FD_GUEST_NONE unless the actor holds ::FD_GRANT_REVEAL (the reveal is
 * logged). @p out_guest (may be NULL) receives the guest found, NULL for
 * ::FD_GUEST_NONE; free it with fd_guest_free().
 * @return ::FD_OK; ::FD_EINVAL (neither name nor room); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_guest_lookup(int *out_answer, fd_guest **out_guest, fd_store *store,
                                       const fd_actor *actor, const char *name, const char *room);

/** What one CDR import did. */
typedef struct fd_cdr_import_summary {
    unsigned int version; /**< ::FD_CDR_IMPORT_SUMMARY_VERSION */
    int64_t lines;        /**< non-empty lines read (a generic file's header included) */
    int64_t imported;     /**< legs stored now */
    int64_t already;      /**< legs already there from an earlier import (same source, uniqueid, sequence) */
    int64_t rejected;     /**< lines refused: each is in the reject list with its number and reason */
    int64_t calls_added;  /**< calls assembled for the first time */
    int64_t calls_updated;/**< calls re-assembled because legs of theirs arrived now */
} fd_cdr_import_summary;
/** The current version of ::fd_cdr_import_summary. */
#define FD_CDR_IMPORT_SUMMARY_VERSION 1

/** How to read a CDR file. */
typedef struct fd_cdr_options {
    unsigned int version;   /**< ::FD_CDR_OPTIONS_VERSION */
    const char *dialect;    /**< "asterisk_csv", "asterisk_custom", "freeswitch_csv" or "generic" */
    const char *source;     /**< the PBX's name (an lcode), part of every leg's key */
    const char *time_zone;  /**< zone of times without one; NULL or "": the site's */
    const char *column_map; /**< generic only: see fd_cdr_parser_new() */
} fd_cdr_options;
/** The current version of ::fd_cdr_options. */
#define FD_CDR_OPTIONS_VERSION 1

/**
 * Imports the CDR lines of @p text (a whole file's contents, UTF-8 lines
 * separated by "\n" or "\r\n") at the actor's site, in one transaction
 * (R-CALL-3, R-COM-3): each good line is stored as a raw leg unless it is
 * already there (idempotent: importing the same file twice changes nothing);
 * each bad line is refused whole and listed in @p rejects as
 * "line N: reason\n" (the reason never holds a number); the legs of each call
 * touched are then assembled (fd_cdr_assemble()) and assessed with the site's
 * policy into one call record, added or updated in place, with R-CALL-8
 * call-back tasks for dropped incoming calls. Journaled as `cdr` / `import`
 * with the summary.
 * @param rejects may be NULL
 * @return ::FD_OK (even when some lines were rejected: see @p out);
 *         ::FD_EINVAL (options); ::FD_EPERM; ::FD_EIO (nothing imported).
 */
FD_API fd_status fd_store_cdr_import(fd_cdr_import_summary *out, fd_buf *rejects, fd_store *store,
                                     const fd_actor *actor, const fd_cdr_options *options, const char *text);

/** As fd_store_cdr_import(), reading the file at @p path (::FD_EIO when it cannot be read). */
FD_API fd_status fd_store_cdr_import_file(fd_cdr_import_summary *out, fd_buf *rejects, fd_store *store,
                                          const fd_actor *actor, const fd_cdr_options *options, const char *path);

/** The calls of a period, counted (for the daily report and R-COM-4's check). */
typedef struct fd_call_stats {
    unsigned int version;   /**< ::FD_CALL_STATS_VERSION */
    int64_t total;          /**< calls that started ringing in the period */
    int64_t incoming, outgoing, internal;
    int64_t answered, no_answer, busy, failed, congestion, cancelled, dropped; /**< by disposition */
    int64_t inquiry, suggestion, complaint, praise, repair, fault, business, personal, wrong_number,
            uncategorised;  /**< by category (R-COM-5); `personal` counts category `private` */
    int64_t picked_up;      /**< calls with an answer time (answered, or dropped after it): the base of the
                                 ring counts below */
    int64_t within_rings;   /**< answered within `call.max_rings` (R-CALL-1) */
    int64_t late;           /**< answered late */
    int64_t late_apology;   /**< of those, apology given */
    int64_t late_no_apology;/**< apology omitted */
    int64_t late_unknown;   /**< not recorded (imported calls) */
    int64_t rings_1, rings_2, rings_3, rings_4_6, rings_7_plus; /**< answer-time distribution in rings */
    int64_t answer_p50_s, answer_p90_s, answer_max_s;            /**< seconds from ring to answer (an imported call: on its answering leg) */
    int64_t over_limit;     /**< private calls over `call.non_business_max_s` (R-CALL-4) */
    int64_t not_read_back;  /**< answered business calls logged without 复述 (R-CALL-3) */
    int64_t open_callbacks, open_replies; /**< tasks open at the period's end (R-CALL-8, R-CALL-9) */
    int64_t overdue_tasks;  /**< of those, past due at the period's end */
    int64_t messages_open;  /**< messages taken and not delivered at the period's end (R-CALL-6) */
    int64_t messages_overdue; /**< of those, older than `message.deliver_within_minutes` */
} fd_call_stats;
/** The current version of ::fd_call_stats. */
#define FD_CALL_STATS_VERSION 1

/**
 * Counts the calls of the actor's site that started ringing in [@p from,
 * @p to) (UTC seconds), and the tasks and messages open at @p to. Served by
 * indexes: one range scan of the period's calls, none of the whole table.
 * @return ::FD_OK; ::FD_EINVAL (@p to before @p from); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_call_stats(fd_call_stats *out, fd_store *store, const fd_actor *actor, int64_t from,
                                     int64_t to);

/* ------------------------------------------------------------------------
 * The property register (issue 12): the records and rules are in
 * frontdesk/property.h.
 * ---------------------------------------------------------------------- */

/* @generated store:property begin (scripts/gen/records.py from libfrontdesk/records/property.rec; do not edit) */

#include "property.h"

/** An iterator over building records, in id order, read in pages. */
typedef struct fd_building_iter fd_building_iter;
/**
 * Queries building records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_building_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_building_query(fd_building_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_building_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_building_iter_next(const fd_building **out, fd_building_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_building_iter_free(fd_building_iter *iter);
/** One building record by id (masked as by fd_store_building_query()); free it with
 *  fd_building_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_building_get(fd_building **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over unit records, in id order, read in pages. */
typedef struct fd_unit_iter fd_unit_iter;
/**
 * Queries unit records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_unit_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_unit_query(fd_unit_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_unit_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_unit_iter_next(const fd_unit **out, fd_unit_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_unit_iter_free(fd_unit_iter *iter);
/** One unit record by id (masked as by fd_store_unit_query()); free it with
 *  fd_unit_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_unit_get(fd_unit **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over occupant records, in id order, read in pages. */
typedef struct fd_occupant_iter fd_occupant_iter;
/**
 * Queries occupant records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_occupant_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_occupant_query(fd_occupant_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_occupant_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_occupant_iter_next(const fd_occupant **out, fd_occupant_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_occupant_iter_free(fd_occupant_iter *iter);
/** One occupant record by id (masked as by fd_store_occupant_query()); free it with
 *  fd_occupant_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_occupant_get(fd_occupant **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over organisation records, in id order, read in pages. */
typedef struct fd_organisation_iter fd_organisation_iter;
/**
 * Queries organisation records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_organisation_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_organisation_query(fd_organisation_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_organisation_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_organisation_iter_next(const fd_organisation **out, fd_organisation_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_organisation_iter_free(fd_organisation_iter *iter);
/** One organisation record by id (masked as by fd_store_organisation_query()); free it with
 *  fd_organisation_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_organisation_get(fd_organisation **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over department records, in id order, read in pages. */
typedef struct fd_department_iter fd_department_iter;
/**
 * Queries department records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_department_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_department_query(fd_department_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_department_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_department_iter_next(const fd_department **out, fd_department_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_department_iter_free(fd_department_iter *iter);
/** One department record by id (masked as by fd_store_department_query()); free it with
 *  fd_department_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_department_get(fd_department **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over employee records, in id order, read in pages. */
typedef struct fd_employee_iter fd_employee_iter;
/**
 * Queries employee records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_employee_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_employee_query(fd_employee_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_employee_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_employee_iter_next(const fd_employee **out, fd_employee_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_employee_iter_free(fd_employee_iter *iter);
/** One employee record by id (masked as by fd_store_employee_query()); free it with
 *  fd_employee_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_employee_get(fd_employee **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:property end */

/*
 * Who may write the register. The estate's structure — buildings and units —
 * needs ::FD_GRANT_MANAGE (asked for in @c actor.grants) or the system: it is
 * set up once, and every visitor, fee and complaint refers to it. People and
 * organisations — occupants, organisations, departments, employees, and their
 * moving out or leaving — are registered by any active member of staff of the
 * site, as the desk learns of them every day; each write is journaled with who
 * and when (R-COM-1), so a false registration is traceable. Names are not
 * written to the journal (they may be personal data, R-COM-2): the detail is
 * the unit number, the role, the organisation.
 */

/**
 * Adds a building (R-VIS-5) at the actor's site; its `code` is stored in the
 * canonical form (fd_building_code_normalize(): "3号楼" is 3), with its natural
 * sort key. Needs ::FD_GRANT_MANAGE. Journaled as `building` / `add`.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (fd_building_validate()),
 *         ::FD_ECONFLICT (`building.code` in use at the site), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_building_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                       const fd_building *building);

/**
 * Adds a unit (R-VIS-5) to a building of the actor's site. Its `number` is
 * stored canonical (fd_unit_number_parse()): a number without a building part
 * ("1201", "5F-01") gets the building's code in front ("3-1201"); one with a
 * building part must name this building. An empty `floor` is derived from the
 * number where it shows. The store also keeps the number's natural sort key
 * (fd_text_natural_key()) and its last part, the room. Needs ::FD_GRANT_MANAGE.
 * Journaled as `unit` / `add` with the number.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (fd_unit_validate();
 *         `unit.number` naming another building); ::FD_ENOTFOUND (`unit.building_id`
 *         not at the site); ::FD_ECONFLICT (`unit.number` in use at the site);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_unit_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_unit *unit);

/**
 * The unit of the actor's site numbered @p number as people type it
 * ("3栋1201室" finds 3-1201; fd_unit_number_parse()); free it with fd_unit_free().
 * @return ::FD_OK; ::FD_EINVAL (a number that does not parse, naming `number`);
 *         ::FD_ENOTFOUND (no such unit at the site); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_unit_get_by_number(fd_unit **out, fd_store *store, const fd_actor *actor,
                                             const char *number);

/**
 * One page of the units of the actor's site in natural order of their numbers
 * (2-101 < 2-1001 < 10-101), read through an index in that order:
 * of building @p building_id (0: every building), after the unit numbered
 * @p after (NULL or "": from the first; as people type it, e.g. the last
 * number of the previous page), at most @p limit (1..64).
 * @return ::FD_OK (an empty iterator past the end); ::FD_EINVAL (@p after does
 *         not parse); ::FD_ENOTFOUND (@p after or @p building_id not at the site);
 *         ::FD_ERANGE (limit); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_unit_list(fd_unit_iter **out, fd_store *store, const fd_actor *actor, int64_t building_id,
                                    const char *after, int64_t limit);

/**
 * Registers an occupant (R-VIS-5) of a unit of the actor's site: checked with
 * fd_occupant_validate() (a move-out before the move-in is refused), the phone
 * stored normalised (fd_phone_parse() national form) so that it can be matched,
 * the name with its search keys (pinyin, initials, Simplified). Any active
 * member of staff may. Journaled as `occupant` / `add` with the unit and role.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_ENOTFOUND
 *         (`occupant.unit_id` not at the site), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_occupant_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                       const fd_occupant *occupant);

/**
 * Records that occupant @p occupant_id moved out (R-COM-3: people move out,
 * they are never deleted): @p move_out is the first day they no longer live
 * there, after their move-in. Set once; the row keeps everything else.
 * Journaled as `occupant` / `move_out` with the date.
 * @return ::FD_OK; ::FD_EINVAL (@p move_out not a real day or not after the
 *         move-in, naming `move_out`); ::FD_ENOTFOUND (no such occupant at the
 *         site); ::FD_ESTATE (moved out already, naming the date); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_occupant_move_out(fd_store *store, const fd_actor *actor, int64_t occupant_id,
                                            fd_date move_out);

/**
 * Registers an organisation (a tenant company, R-VIS-1) at the actor's site,
 * checked with fd_organisation_validate(), its phone normalised, its name with
 * search keys. Any active member of staff may. Journaled as `organisation` /
 * `add` with its name.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_ENOTFOUND
 *         (`organisation.unit_id` not at the site), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_organisation_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           const fd_organisation *organisation);

/**
 * Records that organisation @p organisation_id left the site on @p move_out
 * (the first day it is no longer there; after its move-in when that is
 * recorded). Its departments and employees stay as they were; they are no
 * longer current from that day. Journaled as `organisation` / `move_out`.
 * @return as fd_store_occupant_move_out().
 */
FD_API fd_status fd_store_organisation_move_out(fd_store *store, const fd_actor *actor, int64_t organisation_id,
                                                fd_date move_out);

/**
 * Adds a department (R-VIS-1) to an organisation of the actor's site.
 * Journaled as `department` / `add` with its name.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field, ::FD_ENOTFOUND
 *         (`department.organisation_id` or `department.unit_id` not at the site),
 *         ::FD_ECONFLICT (`department.name` in use in the organisation), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_department_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                         const fd_department *department);

/**
 * Registers an employee (R-VIS-1) of an organisation of the actor's site,
 * checked with fd_employee_validate(), the phone normalised, the name with
 * search keys. A department must belong to the same organisation. Journaled as
 * `employee` / `add` with the organisation.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`employee.department_id`
 *         of another organisation), ::FD_ENOTFOUND (organisation or department
 *         not at the site), ::FD_EPERM, ::FD_EIO.
 */
FD_API fd_status fd_store_employee_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                       const fd_employee *employee);

/**
 * Records that employee @p employee_id left their organisation on @p left_on
 * (the first day they no longer work there; R-COM-3: never deleted). Set
 * once. Journaled as `employee` / `leave` with the date.
 * @return ::FD_OK; ::FD_EINVAL (@p left_on not a real day); ::FD_ENOTFOUND (no
 *         such employee at the site); ::FD_ESTATE (left already, naming the
 *         date); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_employee_leave(fd_store *store, const fd_actor *actor, int64_t employee_id,
                                         fd_date left_on);

/** What a hit of fd_store_property_find() is. The numbers are part of the ABI. */
typedef enum fd_property_kind {
    FD_PROPERTY_UNIT = 1,         /**< a unit (its number matched) */
    FD_PROPERTY_OCCUPANT = 2,     /**< an occupant */
    FD_PROPERTY_ORGANISATION = 3, /**< an organisation */
    FD_PROPERTY_DEPARTMENT = 4,   /**< a department of an organisation */
    FD_PROPERTY_EMPLOYEE = 5      /**< an employee of an organisation */
} fd_property_kind;

/** "unit", "occupant", "organisation", "department", "employee"; "" for other values. Never NULL. */
FD_API const char *fd_property_kind_name(int kind);

/** How a hit matched the query. The numbers are part of the ABI. */
typedef enum fd_property_match {
    FD_PROPERTY_MATCH_UNIT = 1,  /**< the query is its unit's number */
    FD_PROPERTY_MATCH_PHONE = 2, /**< the query is its phone number (normalised) */
    FD_PROPERTY_MATCH_NAME = 3   /**< its name matches: Han, pinyin, initials, Traditional input */
} fd_property_match;

/** "unit", "phone", "name"; "" for other values. Never NULL. */
FD_API const char *fd_property_match_name(int match);

/** What fd_store_property_find() looks for. */
typedef struct fd_property_find_options {
    unsigned int version; /**< ::FD_PROPERTY_FIND_OPTIONS_VERSION */
    unsigned int kinds;   /**< bits `1u << kind` of the ::fd_property_kind to return; 0 = all */
    int include_former;   /**< 1: also occupants and organisations moved out and employees who left by @c on */
    fd_date on;           /**< the day "current" means; {0, 0, 0}: the site's date at the actor's instant */
    int64_t limit;        /**< hits per page, 1..64; 0 = 20 */
} fd_property_find_options;
/** The current version of ::fd_property_find_options. */
#define FD_PROPERTY_FIND_OPTIONS_VERSION 1
/** Every kind, current only, on the site's date, 20 hits. */
#define FD_PROPERTY_FIND_OPTIONS_INIT { FD_PROPERTY_FIND_OPTIONS_VERSION, 0u, 0, { 0, 0, 0 }, 0 }
/** Fills @p opts with ::FD_PROPERTY_FIND_OPTIONS_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_property_find_options_init(fd_property_find_options *opts, unsigned int version);

/**
 * One hit of fd_store_property_find(). Strings are owned by the page, UTF-8,
 * never NULL ("" when there is nothing to say).
 */
typedef struct fd_property_hit {
    unsigned int version;     /**< ::FD_PROPERTY_HIT_VERSION */
    int kind;                 /**< an ::fd_property_kind */
    int match;                /**< an ::fd_property_match */
    int64_t id;               /**< the row's id in its table (units, occupants, organisations, departments, employees) */
    const char *name;         /**< display name, masked per the site's policy (pii.mask_names) unless revealed;
                                   a unit's number for a unit */
    const char *phone;        /**< the phone, masked unless revealed (R-COM-2); "" when none */
    int64_t unit_id;          /**< the unit (an employee: their organisation's or department's), 0 = none */
    const char *unit;         /**< its canonical number, "" when none */
    int64_t organisation_id;  /**< departments and employees: their organisation; organisations: itself; else 0 */
    const char *organisation; /**< its name, "" when none */
    const char *department;   /**< employees: their department's name, "" when none */
    const char *role;         /**< occupants: owner, tenant or resident; employees: their title; units: their use */
    int current;              /**< 1 when current on the day asked for (moved in, not out; not left); units: 1 */
} fd_property_hit;
/** The current version of ::fd_property_hit. */
#define FD_PROPERTY_HIT_VERSION 1

/** A page of hits from fd_store_property_find(). */
typedef struct fd_property_hits fd_property_hits;

/**
 * Finds what the desk is asked for (R-VIS-1 who is the host; R-VIS-5 who lives
 * here) in one call: @p query is a name, pinyin, initials, Traditional or
 * full-width input (through the search-key index: "王小丽", "wangxiaoli",
 * "wxl", "王小麗"), a unit number as people type it ("3栋1201", or "1201" for
 * that room in every building; fd_unit_number_parse()), or a phone number
 * (normalised: "138 1234 5678", "+86 138…"). Looks among units, occupants,
 * organisations, departments and employees of the actor's site only.
 *
 * Order: the units the number names, each followed by its occupants and
 * organisations (natural order of the number); then phone matches; then name
 * matches in order of the search key they matched (a query that is a whole
 * name first); each hit once. One page: at most @c opts.limit hits, and
 * fd_property_hits_more() says whether more exist — a desk narrows the query
 * ("王" → "王小") rather than paging through every 王; full listings go through
 * the record queries (fd_store_occupant_query() with `search`, in id order).
 * The page is read through indexes and stops at @c limit hits: it costs the
 * same over 100,000 occupants as over 100.
 *
 * Personal data (R-COM-2): a hit's phone comes back masked, its name masked
 * when the site's policy masks names, unless the actor holds ::FD_GRANT_REVEAL
 * (with a reason): then both come back in clear and each is logged in the access
 * log (fd_store_reveal_query()) before the page is returned — so a reveal must
 * happen outside a transaction (::FD_ESTATE otherwise). Matching a phone or a
 * name needs no grant, unlike the record queries' filters: R-VIS-5 asks the
 * desk to tell whether the visitor in front of it is a resident, and the hit
 * shows no more than a masked name and the unit, which the visitor claimed.
 *
 * @param opts NULL for ::FD_PROPERTY_FIND_OPTIONS_INIT
 * @param out receives the page; free it with fd_property_hits_free()
 * @return ::FD_OK (an empty page when nothing matches); ::FD_EINVAL (empty
 *         query, unknown kind bits, a bad date or options version); ::FD_ERANGE
 *         (limit, a query longer than 200 bytes); ::FD_EPERM (actor); ::FD_ESTATE
 *         (a reveal inside a transaction); ::FD_EIO.
 */
FD_API fd_status fd_store_property_find(fd_property_hits **out, fd_store *store, const fd_actor *actor,
                                        const char *query, const fd_property_find_options *opts);

/** Hits on the page (0 for NULL). */
FD_API size_t fd_property_hits_count(const fd_property_hits *hits);

/** Hit @p index (0-based) of the page, owned by it; NULL when out of range. */
FD_API const fd_property_hit *fd_property_hits_get(const fd_property_hits *hits, size_t index);

/** 1 when more hits matched than the page holds (narrow the query), else 0. */
FD_API int fd_property_hits_more(const fd_property_hits *hits);

/** Frees a page. NULL is a no-op. */
FD_API void fd_property_hits_free(fd_property_hits *hits);

/** The answer of fd_store_resident_check(). The numbers are part of the ABI. */
typedef enum fd_resident_answer {
    FD_RESIDENT_NO = 0,      /**< no occupant living there on the day matches */
    FD_RESIDENT_YES = 1,     /**< the phone, or the name exactly (after normalisation, Traditional → Simplified), matches */
    FD_RESIDENT_POSSIBLE = 2 /**< only the pinyin matches (章三 for 张三, or "zhang san"): confirm another way */
} fd_resident_answer;

/** "no", "yes", "possible"; "" for other values. Never NULL. */
FD_API const char *fd_resident_answer_name(int answer);

/** What fd_store_resident_check() found: the answer and the unit, no personal data. */
typedef struct fd_resident_check {
    unsigned int version; /**< ::FD_RESIDENT_CHECK_VERSION */
    int answer;           /**< an ::fd_resident_answer */
    int64_t matches;      /**< occupants living there on the day who match (0 for NO) */
    int64_t unit_id;      /**< the unit of the first of them (natural order of the number), 0 for NO */
    char unit[FD_UNIT_NUMBER_MAX + 1]; /**< its canonical number, "" for NO */
    char role[17];        /**< that occupant's role code (owner, tenant, resident), "" for NO */
    char basis[9];        /**< what matched: "phone", "name" or "pinyin"; "" for NO */
} fd_resident_check;
/** The current version of ::fd_resident_check. */
#define FD_RESIDENT_CHECK_VERSION 1

/**
 * R-VIS-5: is the visitor in front of the desk an owner or resident here?
 * @p name_or_phone is what the visitor gives: a phone number (a mobile or a
 * landline, matched normalised) or a name. A name is YES when an occupant's
 * name equals it after normalisation (NFKC, case, white space, Traditional →
 * Simplified: 張三 is 张三, 𠮷 is kept as it is); POSSIBLE when only the
 * toneless pinyin equals (a homophone, or pinyin typed in). Only occupants
 * living there on @p date count (move_in ≤ date < move_out, fd_occupant_current());
 * every role does (owner, tenant, resident). Of the actor's site only.
 *
 * Nothing personal comes back: not the stored name, not the phone — only
 * the answer, how many match, and the unit and role of the first, which the
 * desk needs to call up and which the visitor claimed. So no grant is needed,
 * and nothing is logged as a reveal.
 * @param out caller-allocated; filled whole (`version` included) on success
 * @return ::FD_OK; ::FD_EINVAL (empty input, @p date not a real day);
 *         ::FD_ERANGE (input longer than 200 bytes);
 *         ::FD_EPERM (actor); ::FD_EIO.
 */
FD_API fd_status fd_store_resident_check(fd_resident_check *out, fd_store *store, const fd_actor *actor,
                                         const char *name_or_phone, fd_date date);

/* ------------------------------------------------------------------------
 * Visitors (issue 12, items 2-4): the records and rules are in
 * frontdesk/visitors.h.
 * ---------------------------------------------------------------------- */

/* @generated store:visitors begin (scripts/gen/records.py from libfrontdesk/records/visitors.rec; do not edit) */

#include "visitors.h"

/** An iterator over visit records, in id order, read in pages. */
typedef struct fd_visit_iter fd_visit_iter;
/**
 * Queries visit records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_visit_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_visit_query(fd_visit_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_visit_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_visit_iter_next(const fd_visit **out, fd_visit_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_visit_iter_free(fd_visit_iter *iter);
/** One visit record by id (masked as by fd_store_visit_query()); free it with
 *  fd_visit_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_visit_get(fd_visit **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over visit_event records, in id order, read in pages. */
typedef struct fd_visit_event_iter fd_visit_event_iter;
/**
 * Queries visit_event records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_visit_event_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_visit_event_query(fd_visit_event_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_visit_event_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_visit_event_iter_next(const fd_visit_event **out, fd_visit_event_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_visit_event_iter_free(fd_visit_event_iter *iter);
/** One visit_event record by id (masked as by fd_store_visit_event_query()); free it with
 *  fd_visit_event_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_visit_event_get(fd_visit_event **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over blocklist_entry records, in id order, read in pages. */
typedef struct fd_blocklist_entry_iter fd_blocklist_entry_iter;
/**
 * Queries blocklist_entry records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_blocklist_entry_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_blocklist_entry_query(fd_blocklist_entry_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_blocklist_entry_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_blocklist_entry_iter_next(const fd_blocklist_entry **out, fd_blocklist_entry_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_blocklist_entry_iter_free(fd_blocklist_entry_iter *iter);
/** One blocklist_entry record by id (masked as by fd_store_blocklist_entry_query()); free it with
 *  fd_blocklist_entry_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_blocklist_entry_get(fd_blocklist_entry **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over blocklist_hit records, in id order, read in pages. */
typedef struct fd_blocklist_hit_iter fd_blocklist_hit_iter;
/**
 * Queries blocklist_hit records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_blocklist_hit_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_blocklist_hit_query(fd_blocklist_hit_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_blocklist_hit_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_blocklist_hit_iter_next(const fd_blocklist_hit **out, fd_blocklist_hit_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_blocklist_hit_iter_free(fd_blocklist_hit_iter *iter);
/** One blocklist_hit record by id (masked as by fd_store_blocklist_hit_query()); free it with
 *  fd_blocklist_hit_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_blocklist_hit_get(fd_blocklist_hit **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over slip_handover records, in id order, read in pages. */
typedef struct fd_slip_handover_iter fd_slip_handover_iter;
/**
 * Queries slip_handover records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_slip_handover_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_slip_handover_query(fd_slip_handover_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_slip_handover_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_slip_handover_iter_next(const fd_slip_handover **out, fd_slip_handover_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_slip_handover_iter_free(fd_slip_handover_iter *iter);
/** One slip_handover record by id (masked as by fd_store_slip_handover_query()); free it with
 *  fd_slip_handover_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_slip_handover_get(fd_slip_handover **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over counted_item records, in id order, read in pages. */
typedef struct fd_counted_item_iter fd_counted_item_iter;
/**
 * Queries counted_item records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_counted_item_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_counted_item_query(fd_counted_item_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_counted_item_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_counted_item_iter_next(const fd_counted_item **out, fd_counted_item_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_counted_item_iter_free(fd_counted_item_iter *iter);
/** One counted_item record by id (masked as by fd_store_counted_item_query()); free it with
 *  fd_counted_item_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_counted_item_get(fd_counted_item **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over item_event records, in id order, read in pages. */
typedef struct fd_item_event_iter fd_item_event_iter;
/**
 * Queries item_event records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_item_event_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_item_event_query(fd_item_event_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_item_event_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_item_event_iter_next(const fd_item_event **out, fd_item_event_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_item_event_iter_free(fd_item_event_iter *iter);
/** One item_event record by id (masked as by fd_store_item_event_query()); free it with
 *  fd_item_event_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_item_event_get(fd_item_event **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over item_count records, in id order, read in pages. */
typedef struct fd_item_count_iter fd_item_count_iter;
/**
 * Queries item_count records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_item_count_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_item_count_query(fd_item_count_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_item_count_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_item_count_iter_next(const fd_item_count **out, fd_item_count_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_item_count_iter_free(fd_item_count_iter *iter);
/** One item_count record by id (masked as by fd_store_item_count_query()); free it with
 *  fd_item_count_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_item_count_get(fd_item_count **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over goods_permit records, in id order, read in pages. */
typedef struct fd_goods_permit_iter fd_goods_permit_iter;
/**
 * Queries goods_permit records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_goods_permit_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_goods_permit_query(fd_goods_permit_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_goods_permit_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_goods_permit_iter_next(const fd_goods_permit **out, fd_goods_permit_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_goods_permit_iter_free(fd_goods_permit_iter *iter);
/** One goods_permit record by id (masked as by fd_store_goods_permit_query()); free it with
 *  fd_goods_permit_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_goods_permit_get(fd_goods_permit **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over goods_check records, in id order, read in pages. */
typedef struct fd_goods_check_iter fd_goods_check_iter;
/**
 * Queries goods_check records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_goods_check_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_goods_check_query(fd_goods_check_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_goods_check_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_goods_check_iter_next(const fd_goods_check **out, fd_goods_check_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_goods_check_iter_free(fd_goods_check_iter *iter);
/** One goods_check record by id (masked as by fd_store_goods_check_query()); free it with
 *  fd_goods_check_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_goods_check_get(fd_goods_check **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over custody_item records, in id order, read in pages. */
typedef struct fd_custody_item_iter fd_custody_item_iter;
/**
 * Queries custody_item records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_custody_item_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_custody_item_query(fd_custody_item_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_custody_item_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_custody_item_iter_next(const fd_custody_item **out, fd_custody_item_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_custody_item_iter_free(fd_custody_item_iter *iter);
/** One custody_item record by id (masked as by fd_store_custody_item_query()); free it with
 *  fd_custody_item_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_custody_item_get(fd_custody_item **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over custody_event records, in id order, read in pages. */
typedef struct fd_custody_event_iter fd_custody_event_iter;
/**
 * Queries custody_event records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_custody_event_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_custody_event_query(fd_custody_event_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_custody_event_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_custody_event_iter_next(const fd_custody_event **out, fd_custody_event_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_custody_event_iter_free(fd_custody_event_iter *iter);
/** One custody_event record by id (masked as by fd_store_custody_event_query()); free it with
 *  fd_custody_event_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_custody_event_get(fd_custody_event **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over visit_prep records, in id order, read in pages. */
typedef struct fd_visit_prep_iter fd_visit_prep_iter;
/**
 * Queries visit_prep records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_visit_prep_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_visit_prep_query(fd_visit_prep_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_visit_prep_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_visit_prep_iter_next(const fd_visit_prep **out, fd_visit_prep_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_visit_prep_iter_free(fd_visit_prep_iter *iter);
/** One visit_prep record by id (masked as by fd_store_visit_prep_query()); free it with
 *  fd_visit_prep_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_visit_prep_get(fd_visit_prep **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:visitors end */

/*
 * Who may do what. Any active member of staff of the site registers visits
 * and records their events (the desk does so all day); each event is a row of
 * visit_events with who and when (R-COM-1), never changed (R-COM-3). The
 * blocklist is kept by managers: adding and lifting entries, and admitting a
 * visitor whose match is `forbidden`, need ::FD_GRANT_MANAGE (or the system);
 * so does the retention purge. Seeing a kept full ID number needs
 * ::FD_GRANT_REVEAL with a reason, and is logged like every reveal.
 *
 * What is journaled: blocklist entries added and lifted, blocklist decisions
 * (admit, refuse), the purge, the creation of a site's hashing secret and each
 * reveal of a full ID number (in the access log). A visit and its events are
 * their own log (who, when, where; never deleted) and are not journaled, as
 * calls are not. Names and numbers are never written to the journal.
 */

/** What a blocklist check found. The numbers are part of the ABI. */
typedef enum fd_blocklist_answer {
    FD_BLOCKLIST_NONE = 0,    /**< no entry in force matches */
    FD_BLOCKLIST_MATCH = 1,   /**< the ID number, the phone (E.164) or the name exactly (after normalisation,
                                   Traditional → Simplified) matches an entry in force */
    FD_BLOCKLIST_POSSIBLE = 2 /**< only the pinyin of the name matches (章三 for 张三, "zhang san"): confirm another way */
} fd_blocklist_answer;

/** "none", "match", "possible"; "" for other values. Never NULL. */
FD_API const char *fd_blocklist_answer_name(int answer);

/** Longest reason of a blocklist entry, in bytes (`blocklist_entry.reason`). */
#define FD_BLOCKLIST_REASON_MAX 500

/**
 * What a blocklist check says: the answer, the level and the reason — never
 * the stored name, phone or ID number (the desk learns only what it must do).
 */
typedef struct fd_blocklist_match {
    unsigned int version; /**< ::FD_BLOCKLIST_MATCH_VERSION */
    int answer;           /**< an ::fd_blocklist_answer */
    int64_t matches;      /**< entries in force that match (sure ones when `answer` is MATCH) */
    int64_t entry_id;     /**< the strongest of them (level forbidden > limited > warning, then the oldest); 0 for NONE */
    char level[17];       /**< its level: warning, limited, forbidden; "" for NONE */
    char basis[9];        /**< what matched: id, phone, name or pinyin; "" for NONE */
    char reason[FD_BLOCKLIST_REASON_MAX + 1]; /**< its reason, any phone or ID number in it masked; "" for NONE */
} fd_blocklist_match;
/** The current version of ::fd_blocklist_match. */
#define FD_BLOCKLIST_MATCH_VERSION 1

/**
 * Adds a blocklist entry (R-VIS-1) at the actor's site, checked with
 * fd_blocklist_entry_validate() on the site's date. What it matches on is
 * kept so that it can be matched, not shown: the name folded and as toneless
 * pinyin (beside the name itself, masked per the site's policy), the phone in
 * E.164, and of @p id (may be NULL) only its type, masked form and keyed hash
 * (HMAC-SHA-256 under the site's secret, created at first use) — never the
 * full number. Needs ::FD_GRANT_MANAGE. Journaled as `blocklist` / `add` with
 * the level.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`blocklist_entry.level`,
 *         `id.number` ...); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_blocklist_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                        const fd_blocklist_entry *entry, const fd_id_document *id);

/**
 * Lifts entry @p entry_id from the actor's instant (R-COM-3: never deleted):
 * it no longer matches; the entry keeps who lifted it and when. @p reason is
 * required and journaled (`blocklist` / `lift`, the reason as the detail: free
 * text, numbers in it masked on output). Needs ::FD_GRANT_MANAGE.
 * @return ::FD_OK; ::FD_EINVAL (no reason); ::FD_ENOTFOUND (no such entry at the
 *         site); ::FD_ESTATE (lifted already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_blocklist_lift(fd_store *store, const fd_actor *actor, int64_t entry_id,
                                         const char *reason);

/**
 * Checks a person against the blocklist of the actor's site at the actor's
 * instant, without registering anything (R-VIS-1): @p name (folded: NFKC,
 * case, white space, Traditional → Simplified; whole names only, never a
 * substring — "Yes" does not flag "Reyes"), @p phone (normalised to E.164) and
 * @p id (may be NULL; its keyed hash). Each may be NULL or empty, not all.
 * Only entries in force at the instant count (fd_blocklist_entry_active()).
 * A sure match beats a possible one; among matches the strongest level wins.
 * Nothing is written, nothing personal comes back (see ::fd_blocklist_match).
 * @return ::FD_OK; ::FD_EINVAL (nothing to check, a phone or ID number that
 *         does not parse, naming it); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_blocklist_check(fd_blocklist_match *out, fd_store *store, const fd_actor *actor,
                                          const char *name, const char *phone, const fd_id_document *id);

/** What fd_store_visit_register() did. */
typedef struct fd_visit_registration {
    unsigned int version;         /**< ::FD_VISIT_REGISTRATION_VERSION */
    int64_t id;                   /**< the visit's id */
    int64_t slip_no;              /**< its registration slip's serial at the site (R-VIS-3) */
    char state[17];               /**< its state: expected, waiting or held */
    int64_t previous_visits;      /**< earlier visits at the site with the same ID document (by its keyed hash) */
    fd_blocklist_match blocklist; /**< the blocklist check made at registration */
} fd_visit_registration;
/** The current version of ::fd_visit_registration. */
#define FD_VISIT_REGISTRATION_VERSION 1

/**
 * Registers a visit (R-VIS-1, R-VIS-3) at the actor's site and instant, in one
 * transaction:
 * - the visit is checked with fd_visit_validate(); its host records must be of
 *   the site and current on the site's date (an occupant moved out, an employee
 *   who left, an organisation gone: ::FD_ESTATE naming the field); an employee's
 *   or department's organisation is filled in (`host_organisation`, which must
 *   agree when given); the phone is stored normalised, the plate canonical;
 * - the ID document @p id (NULL or an empty number: none) is read with
 *   fd_id_number_parse() on the site's date; a site whose policy says
 *   `visitor.id_required` refuses a visit without one (naming `id`). Stored:
 *   its type and masked form on the visit, its keyed hash (HMAC-SHA-256 under
 *   the site's secret, created at first use with a CSPRNG and kept in the
 *   database) for repeat visits and the blocklist, and — only when the site's
 *   policy says `visitor.id_keep_full` — the full number encrypted with
 *   AES-256-GCM under the key the store was opened with (the key file named by
 *   fd_store_options::key_file or FRONTDESK_KEY_FILE, outside the database).
 *   Then the visitor's consent is required (`id.consent` 1, ::FD_EINVAL
 *   otherwise) and recorded, and without a key nothing is stored (::FD_ESTATE
 *   naming `key_file`);
 * - the blocklist is checked (as fd_store_blocklist_check()); a match, sure or
 *   possible, holds the visit (`held`: it cannot check in or be answered until
 *   the desk admits or refuses it, fd_store_visit_admit()) and is recorded as
 *   a blocklist hit, pending;
 * - the slip serial is the site's next, without gaps (R-VIS-3);
 * - a walk-in (`preregistered` 0) arrives now (`arrived_at`) and waits for the
 *   host's answer (`waiting`); a pre-registration is `expected`.
 * The fields the store sets (see the record) are replaced. Not journaled.
 * @param out filled on success
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`visit.host`,
 *         `id.number` ...); ::FD_ENOTFOUND (a host record not at the site);
 *         ::FD_ESTATE (a host no longer there, no key for a full number);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_register(fd_visit_registration *out, fd_store *store, const fd_actor *actor,
                                         const fd_visit *visit, const fd_id_document *id);

/**
 * Records the host's answer (R-VIS-2) to visit @p visit_id: @p answer is
 * `lobby` (the host meets them in the lobby) or `bring_up` (the visitor is
 * brought up): the visit is `on_site`, or stays `expected` until check-in;
 * `decline`: the visit is `declined` and, if the visitor is there, they leave
 * at the actor's instant (a card or documents they leave become a custody
 * item, item 6). @p note optional. Stored as an `answer` event.
 * @return ::FD_OK; ::FD_EINVAL (unknown answer); ::FD_ENOTFOUND; ::FD_ESTATE
 *         (answered already, held by the blocklist, or closed: left, declined,
 *         refused, cancelled — naming the state); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_answer(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *answer,
                                       const char *note);

/**
 * Checks in an expected (pre-registered) visitor at the actor's instant: the
 * visit is `on_site` when the host answered already, else `waiting`. Stored as
 * a `checkin` event.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (not expected: arrived already,
 *         held, closed — naming `visit.arrived_at` or the state); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_checkin(fd_store *store, const fd_actor *actor, int64_t visit_id);

/**
 * Checks a visitor out (R-COM-4): they left at @p left_at (0: the actor's
 * instant; earlier when noted later, not before the check-in). The visit is
 * `left` (whatever it was: waiting and held visitors may leave too). Stored as
 * a `checkout` event with @p note (optional).
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (fd_visit_checkout_check(): not
 *         checked in — `visit.arrived_at` — or left already); ::FD_EINVAL
 *         (`left_at` before the check-in or after the actor's instant); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_checkout(fd_store *store, const fd_actor *actor, int64_t visit_id, int64_t left_at,
                                         const char *note);

/**
 * The desk admits a visitor the blocklist matched (R-VIS-1): the visit leaves
 * `held` (to `waiting`, `expected` before arrival) and its pending hits are
 * `admitted` by the actor. A `forbidden` match needs ::FD_GRANT_MANAGE.
 * @p note says why (required). Stored as an `admit` event; journaled as
 * `visit` / `admit` with the level.
 * @return ::FD_OK; ::FD_EINVAL (no note); ::FD_ENOTFOUND; ::FD_ESTATE (not held);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_admit(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note);

/**
 * The desk refuses a visitor (R-VIS-1): the visit is `refused`, its pending
 * blocklist hits `refused` by the actor, and a visitor who is there leaves at
 * the actor's instant. Any visit not closed may be refused. @p note required.
 * Stored as a `refuse` event; journaled as `visit` / `refuse`.
 * @return as fd_store_visit_admit().
 */
FD_API fd_status fd_store_visit_refuse(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note);

/**
 * Records why a visitor is still on site at the end of a shift (R-COM-4):
 * "stays overnight with the owner", "left by the car park; the guard saw
 * them". @p note required. The visit keeps its state; `explained_at` is the
 * actor's instant. Stored as an `explain` event.
 * @return ::FD_OK; ::FD_EINVAL (no note); ::FD_ENOTFOUND; ::FD_ESTATE (not on
 *         site); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_explain(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note);

/**
 * Cancels an expected visit that will not happen (the host called it off, a
 * no-show). @p note required. Stored as a `cancel` event.
 * @return ::FD_OK; ::FD_EINVAL; ::FD_ENOTFOUND; ::FD_ESTATE (not expected); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_cancel(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note);

/**
 * "Still on site" (R-COM-4): the visits of the actor's site that arrived and
 * have not left, whatever their state, in id order, read through an index of
 * exactly those visits (it costs the same among a million visits as among a
 * hundred): those after id @p after (0: from the first), at most @p limit
 * (1..64) — page with the last id. Personal data masked as by
 * fd_store_visit_query().
 * @return ::FD_OK (an empty iterator when nobody is there); ::FD_ERANGE
 *         (limit, a negative after); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_onsite(fd_visit_iter **out, fd_store *store, const fd_actor *actor, int64_t after,
                                       int64_t limit);

/**
 * fd_visit_overstay() for @p visit with the site's zone and policy at the
 * actor's instant.
 * @return as fd_visit_overstay(); ::FD_EPERM (actor).
 */
FD_API fd_status fd_store_visit_overstay(fd_overstay *out, fd_store *store, const fd_actor *actor,
                                         const fd_visit *visit);

/** What is open at the end of a shift (fd_store_visit_shift_check()). */
typedef struct fd_visit_shift {
    unsigned int version;      /**< ::FD_VISIT_SHIFT_VERSION */
    int64_t on_site;           /**< visitors still on site (arrived, not left) */
    int64_t overstaying;       /**< of those, overstaying at the actor's instant (fd_visit_overstay()) */
    int64_t unexplained;       /**< of those, neither checked out nor explained since the shift began: each
                                    must be, before the shift is handed over (R-COM-4) */
    int64_t first_unexplained; /**< the lowest id among them, 0 when none */
    int64_t held;              /**< visits held by a blocklist match, awaiting the desk's decision */
    int64_t expected_late;     /**< pre-registered visits expected during the shift (their window began at or
                                    after @c since, by the actor's instant) who have not arrived */
    int64_t items_out;         /**< visitor cards and other counted items issued and not returned (R-VIS-4) */
    int64_t items_unreturned;  /**< of those, issued to a visit that has left or is closed: an open item */
    int64_t counts_open;       /**< counts of items whose difference is not explained (R-VIS-4) */
} fd_visit_shift;
/** The current version of ::fd_visit_shift. */
#define FD_VISIT_SHIFT_VERSION 1

/**
 * The end-of-shift check of the visitor log (R-COM-4) at the actor's site and
 * instant, for the shift that began at @p since: who is still on site, who
 * overstays, and who of them has been neither checked out nor explained
 * (fd_store_visit_explain() at or after @p since); and, for R-VIS-4, the
 * counted items still out and the counts with an unexplained difference. The
 * visitors may be handed over when `unexplained` is 0; the desk's items when
 * `items_unreturned` and `counts_open` are 0. Read through the on-site, held and expected
 * indexes: it costs the same among a million visits as among a hundred.
 * @return ::FD_OK; ::FD_EINVAL (@p since after the actor's instant); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_shift_check(fd_visit_shift *out, fd_store *store, const fd_actor *actor,
                                            int64_t since);

/**
 * The full ID number kept for visit @p visit_id (R-COM-2), decrypted with the
 * store's key: only for an actor holding ::FD_GRANT_REVEAL (with a reason),
 * and logged in the access log (record `visit`, field `id_number`) before it
 * is returned — so never inside a transaction (::FD_ESTATE).
 * @return ::FD_OK; ::FD_EPERM (no reveal grant asked for or held);
 *         ::FD_ENOTFOUND (no such visit, or no full number kept — or purged);
 *         ::FD_ESTATE (no key loaded; inside a transaction); ::FD_EDATA (the number
 *         was encrypted under another key, or altered); ::FD_EIO.
 */
FD_API fd_status fd_store_visit_id_reveal(fd_buf *out, fd_store *store, const fd_actor *actor, int64_t visit_id);

/** The registration slips waiting to be handed to security (fd_store_slip_handover_status()). */
typedef struct fd_slip_status {
    unsigned int version;  /**< ::FD_SLIP_STATUS_VERSION */
    int64_t pending;       /**< slips registered since the last handover */
    int64_t first_pending; /**< the first of them, 0 when none */
    int64_t last_slip;     /**< the site's latest slip, 0 when none */
    int64_t since;         /**< the last handover, or the first pending slip's registration when there was none */
    int due;               /**< 1 when fd_visit_slip_handover_due() says a handover is due at the actor's instant */
} fd_slip_status;
/** The current version of ::fd_slip_status. */
#define FD_SLIP_STATUS_VERSION 1

/**
 * R-VIS-3: which slips wait to be handed to security at the actor's site and
 * whether a handover is due (`visitor.slip_handover_days`).
 * @return ::FD_OK; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_slip_handover_status(fd_slip_status *out, fd_store *store, const fd_actor *actor);

/**
 * R-VIS-3: records that every slip since the last handover (the last batch's
 * last + 1 to the site's latest) was handed to security at the actor's
 * instant, to @p received_by (required; personal data, masked by the site's
 * name policy), with @p note (optional). Batches follow one another without
 * gaps or overlaps (a unique index on their first slip). Not journaled: the
 * batch is its own record.
 * @param out_id receives the batch's id
 * @return ::FD_OK; ::FD_EINVAL (no recipient); ::FD_ESTATE (no slip since the
 *         last handover); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_slip_handover(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                        const char *received_by, const char *note);

/*
 * Visitor cards and other counted items (R-VIS-4). A site keeps a stock of
 * items, each by its code: visitor cards, keys, umbrellas. An item is issued to
 * a visit on site and returned, or lost (and perhaps found); a card is issued
 * once at a time. At a shift's start and end the staff on duty count each kind:
 * the count is entered by one and signed by the other (the cosigner), beside
 * the number the records say should be in stock; a difference stays open until
 * explained. Every change of an item is an item event with who and when.
 */

/**
 * Adds an item to the site's stock, in stock (R-VIS-4): checked with
 * fd_counted_item_validate(); its `code` stored folded — NFKC and upper case,
 * so ｖ０１, v01 and V01 are the one card V01 — and unique at the site. Needs
 * ::FD_GRANT_MANAGE. Journaled as `item` / `add` with the kind and code.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field;
 *         ::FD_ECONFLICT (`counted_item.code` in use); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                   const fd_counted_item *item);

/**
 * The counted item of the actor's site with the code written on it (R-VIS-4),
 * @p code folded as fd_store_item_add() stores it (ｖ０１ and v01 find V01);
 * free it with fd_counted_item_free().
 * @return ::FD_OK; ::FD_EINVAL (no code); ::FD_ENOTFOUND (`code`: no such item
 *         at the site); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_get_by_code(fd_counted_item **out, fd_store *store, const fd_actor *actor,
                                           const char *code);

/**
 * Issues item @p item_id to visit @p visit_id (R-VIS-4): the item must be in
 * stock — a card is issued once at a time (::FD_ESTATE naming `item_id` and the
 * visit that holds it) — and the visitor on site (arrived, not left:
 * ::FD_ESTATE naming `visit_id`). Stored as an `issue` event.
 * @return ::FD_OK; ::FD_ENOTFOUND (item or visit not at the site); ::FD_ESTATE; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_issue(fd_store *store, const fd_actor *actor, int64_t item_id, int64_t visit_id);

/**
 * Records item @p item_id returned to the desk (from the visit that held it),
 * @p note optional. Stored as a `return` event.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (not issued, naming its state); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_return(fd_store *store, const fd_actor *actor, int64_t item_id, const char *note);

/**
 * Records item @p item_id lost (issued and not returned, or missing from
 * stock), @p note required (what happened). It no longer counts as stock.
 * Stored as a `lost` event.
 * @return ::FD_OK; ::FD_EINVAL (no note); ::FD_ENOTFOUND; ::FD_ESTATE (lost already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_lost(fd_store *store, const fd_actor *actor, int64_t item_id, const char *note);

/**
 * Records a lost item found again: back in stock, @p note optional. Stored as
 * a `found` event.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (not lost); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_found(fd_store *store, const fd_actor *actor, int64_t item_id, const char *note);

/**
 * Records a count of the items of @p kind at the start or end of a shift
 * (@p moment `start` or `end`; R-VIS-4, R-COM-4): @p counted as entered by the
 * actor (a member of staff, not the system) and signed by @p cosigner, another
 * active member of staff of the site. The store adds what the records say
 * should be in stock (`expected`: items of the kind in stock at the actor's
 * instant); a difference makes the count `open` until explained
 * (fd_store_item_count_explain()), else it is `ok`. Not journaled: the count
 * is its own record.
 * @param out_id receives the count's id (fd_store_item_count_get() reads it)
 * @return ::FD_OK; ::FD_EINVAL (unknown kind or moment, a negative count, the
 *         system counting, the cosigner the actor, naming it); ::FD_EPERM
 *         (the cosigner is not active staff of the site); ::FD_EIO.
 */
FD_API fd_status fd_store_item_count(int64_t *out_id, fd_store *store, const fd_actor *actor, const char *kind,
                                     const char *moment, int64_t counted, int64_t cosigner);

/**
 * Explains the difference of count @p count_id (R-VIS-4, R-COM-4): the count
 * becomes `explained`, with who, when and @p explanation (required).
 * @return ::FD_OK; ::FD_EINVAL; ::FD_ENOTFOUND; ::FD_ESTATE (not open: it agreed,
 *         or was explained already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_item_count_explain(fd_store *store, const fd_actor *actor, int64_t count_id,
                                             const char *explanation);

/*
 * Custody (R-VIS-7, R-VIS-8). Goods leave on a permit — applied for at the
 * desk (the applicant, the unit, the items and quantities; of an ID document
 * only its masked form is kept), approved or refused by a manager, checked at
 * the gate, where the guard's count is compared item by item (a mismatch keeps
 * the goods and is journaled). Items left behind, parcels held for occupants,
 * deposits and what declined visitors leave share one ledger: deposited, the
 * owner notified and reminded, then collected with a signature or an ID check,
 * returned (to the courier, say) or handed on (unclaimed left property to the
 * police after `custody.unclaimed_days`). Every step is an event with who and when.
 */

/**
 * R-VIS-7: registers a goods permit, `requested`, at the actor's site: checked
 * with fd_goods_permit_validate(), its items stored canonical
 * (fd_goods_items_parse()), its phone normalised, its unit and organisation of
 * the site; of @p id (may be NULL) only the type and the masked number are kept
 * — never the number. Any active member of staff may. Not journaled.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`goods_permit.items`
 *         and the item, `id.number` ...); ::FD_ENOTFOUND (unit or organisation);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_goods_permit_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           const fd_goods_permit *permit, const fd_id_document *id);

/**
 * Approves a requested permit (R-VIS-7): needs ::FD_GRANT_MANAGE; @p note
 * optional. Journaled as `goods_permit` / `approve`.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (decided already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_goods_permit_approve(fd_store *store, const fd_actor *actor, int64_t permit_id,
                                               const char *note);

/**
 * Refuses a requested permit: needs ::FD_GRANT_MANAGE; @p note (why) required.
 * Journaled as `goods_permit` / `refuse`.
 * @return as fd_store_goods_permit_approve(); ::FD_EINVAL (no note).
 */
FD_API fd_status fd_store_goods_permit_refuse(fd_store *store, const fd_actor *actor, int64_t permit_id,
                                              const char *note);

/**
 * R-VIS-7: the check at the gate: the actor (the guard) counts the goods,
 * @p items as fd_goods_items_parse() reads them, at @p gate (optional), with
 * @p note. The count is compared with the permit's (fd_goods_items_compare());
 * equal: the permit is `released`; different: `mismatch` — the goods stay, the
 * difference is stored and journaled (`goods_permit` / `mismatch`), and the
 * permit may be checked again. Only an approved (or mismatched) permit not past
 * its `valid_until` is checked. Each check is a goods_checks row, read with
 * fd_store_goods_check_get().
 * @param out_id receives the check's id
 * @return ::FD_OK (for a match and a mismatch alike: read the check); ::FD_EINVAL
 *         naming `items`; ::FD_ENOTFOUND; ::FD_ESTATE (not approved, released or
 *         refused, expired: naming `permit.valid_until`); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_goods_check(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t permit_id,
                                      const char *items, const char *gate, const char *note);

/**
 * R-VIS-8: takes an item into custody, `held`: checked with
 * fd_custody_item_validate(), its phone normalised, its unit, occupant and visit
 * of the site. Stored with a `deposit` event. Any active member of staff may.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field; ::FD_ENOTFOUND
 *         (unit, occupant or visit); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_custody_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                      const fd_custody_item *item);

/**
 * Records that the owner was told of a held item (R-VIS-8), @p how sms, phone,
 * wechat or note: the first time a `notify` event, afterwards a `remind` event
 * (the item counts its reminders); `notified_at` is the actor's instant.
 * @return ::FD_OK; ::FD_EINVAL (unknown how); ::FD_ENOTFOUND; ::FD_ESTATE (not held); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_custody_notify(fd_store *store, const fd_actor *actor, int64_t item_id, const char *how,
                                         const char *note);

/**
 * R-VIS-8: the owner collects a held item, handed over with @p method
 * `signature` (they sign) or `id_check` (their ID was checked), to
 * @p collected_by (required: who took it). Stored as a `collect` event.
 * @return ::FD_OK; ::FD_EINVAL (no taker, unknown method); ::FD_ENOTFOUND;
 *         ::FD_ESTATE (not held); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_custody_collect(fd_store *store, const fd_actor *actor, int64_t item_id,
                                          const char *collected_by, const char *method, const char *note);

/**
 * R-VIS-8: a held item is returned to whom it came from (@p returned_to, e.g.
 * the courier). Stored as a `return` event.
 * @return as fd_store_custody_collect().
 */
FD_API fd_status fd_store_custody_return(fd_store *store, const fd_actor *actor, int64_t item_id,
                                         const char *returned_to, const char *note);

/**
 * R-VIS-8: a held item is handed on (@p handed_to, e.g. 派出所: unclaimed left
 * property). Stored as a `hand_on` event.
 * @return as fd_store_custody_collect().
 */
FD_API fd_status fd_store_custody_hand_on(fd_store *store, const fd_actor *actor, int64_t item_id,
                                          const char *handed_to, const char *note);

/** What custody holds at the actor's instant (fd_store_custody_status()). */
typedef struct fd_custody_status {
    unsigned int version;      /**< ::FD_CUSTODY_STATUS_VERSION */
    int64_t held;              /**< items the desk holds */
    int64_t to_notify;         /**< of those, whose owner was never told (and can be) */
    int64_t to_remind;         /**< of those, due a reminder (`custody.remind_days` after the last notice) */
    int64_t unclaimed;         /**< of those, held past `custody.unclaimed_days`: to hand on */
    int64_t permits_requested; /**< goods permits waiting for approval */
    int64_t permits_approved;  /**< approved, not yet through the gate */
    int64_t permits_mismatch;  /**< stopped at the gate: the count differed */
} fd_custody_status;
/** The current version of ::fd_custody_status. */
#define FD_CUSTODY_STATUS_VERSION 1

/**
 * R-VIS-8, R-COM-4: what custody holds and what is due (fd_custody_item_due()
 * for each held item, read through the index of held items) and the goods
 * permits still open.
 * @return ::FD_OK; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_custody_status(fd_custody_status *out, fd_store *store, const fd_actor *actor);

/*
 * Important visits (R-VIS-6). A visit registered with `important` 1 (a
 * delegation, officials; pre-registered) carries a preparation checklist:
 * items (会议室布置, 横幅, 停车位) added before arrival, each due by its own
 * `due_at` or else the visit's planned start, and ticked off once with who
 * and when. Nothing is deleted (R-COM-3): an item no longer needed is ticked
 * off with a note saying so.
 */

/**
 * Adds @p prep (`visit_id`, `item`, `due_at`) to an important visit's
 * checklist (R-VIS-6), as fd_visit_prep_validate() says against the visit as
 * stored: important, not arrived, not closed, due at or before its planned
 * start. Not journaled: the item carries who added it and when.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field; ::FD_ENOTFOUND
 *         (`visit_prep.visit_id`: no such visit at the actor's site);
 *         ::FD_ESTATE (naming `visit.important`, `visit.arrived_at` or
 *         `visit.state`); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_prep_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                         const fd_visit_prep *prep);

/**
 * Ticks off preparation item @p prep_id (R-VIS-6) by the actor at its
 * instant, with @p note (optional; at most 500 bytes), once: an item ticked
 * off already is ::FD_ESTATE naming `prep_id`, with who ticked it and when. A
 * tick after the item's due is kept and counted as late.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE (`note`); ::FD_ENOTFOUND (not at
 *         the actor's site); ::FD_ESTATE; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_prep_done(fd_store *store, const fd_actor *actor, int64_t prep_id,
                                          const char *note);

/** An important visit's checklist at the actor's instant (fd_store_visit_prep_status()). */
typedef struct fd_visit_prep_status {
    unsigned int version; /**< ::FD_VISIT_PREP_STATUS_VERSION */
    int64_t items;        /**< items on the checklist */
    int64_t done;         /**< of those, ticked off */
    int64_t open;         /**< of those, not ticked off */
    int64_t overdue;      /**< open items at or past their due (fd_visit_prep_due()) */
    int64_t late;         /**< items ticked off after their due */
    int64_t first_due;    /**< the earliest due among the open items, 0 when none or none has one */
} fd_visit_prep_status;
/** The current version of ::fd_visit_prep_status. */
#define FD_VISIT_PREP_STATUS_VERSION 1

/**
 * R-VIS-6: how far visit @p visit_id's checklist is done at the actor's
 * instant. A visit that is not important has an empty checklist.
 * @return ::FD_OK; ::FD_ENOTFOUND (no such visit at the actor's site); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_prep_status(fd_visit_prep_status *out, fd_store *store, const fd_actor *actor,
                                            int64_t visit_id);

/**
 * R-VIS-6, for the day's report: the important visits of the actor's site
 * planned to start in [@p from, @p to) and not cancelled that have checklist
 * items still open, in id order: those after id @p after (0: from the first),
 * at most @p limit (1..64) — page with the last id. Read through the indexes
 * of important visits and of open items. Personal data masked as by
 * fd_store_visit_query().
 * @return ::FD_OK (an empty iterator when none); ::FD_EINVAL (@p to before
 *         @p from); ::FD_ERANGE (limit, a negative after); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_prep_open(fd_visit_iter **out, fd_store *store, const fd_actor *actor, int64_t from,
                                          int64_t to, int64_t after, int64_t limit);

/*
 * A period's visitor log counted (the daily report's visitors section, R-COM-4).
 * Counts "in the period" are of what happened in [from, to); counts "at the
 * end" are of what stood at the end: @p to, or the actor's instant when that
 * is earlier (a report of today made at 18:00 says who is on site at 18:00),
 * never before @p from.
 */

/** A period's visits, cards, custody and blocklist matches, counted (fd_store_visit_stats()). */
typedef struct fd_visit_stats {
    unsigned int version;     /**< ::FD_VISIT_STATS_VERSION */
    int64_t registered;       /**< visits registered in the period (R-VIS-1, R-VIS-3) */
    int64_t walk_ins;         /**< of those, walk-ins */
    int64_t preregistered;    /**< of those, announced by a host (pre-registrations) */
    int64_t important;        /**< of those, important (R-VIS-6) */
    int64_t arrived;          /**< visits that arrived in the period: a walk-in when registered, a
                                   pre-registered visit at its check-in */
    int64_t left;             /**< visits that left in the period: checked out (when they left, if noted
                                   later), or sent away after arriving (declined, refused) */
    int64_t declined;         /**< hosts' answers `decline` recorded in the period (R-VIS-2) */
    int64_t refused;          /**< visits the desk refused in the period (R-VIS-1) */
    int64_t cancelled;        /**< pre-registrations cancelled in the period */
    int64_t expected;         /**< pre-registered visits planned to start in the period */
    int64_t not_come;         /**< of those, planned to start before the end and not arrived by it, nor
                                   called off before arriving (cancelled, declined, refused) */
    int64_t on_site;          /**< visitors on site at the end: arrived before it, not left by it (R-COM-4) */
    int64_t overstays;        /**< visits on site in the period that overstayed (fd_visit_overstay()) by the
                                   time they left, or by the end (R-COM-4) */
    int64_t items_issued;     /**< visitor cards and other counted items issued in the period (R-VIS-4) */
    int64_t items_returned;   /**< returned in the period */
    int64_t items_lost;       /**< recorded lost in the period */
    int64_t items_found;      /**< found again in the period */
    int64_t items_out;        /**< issued and not returned at the end */
    int64_t items_unreturned; /**< of those, held by a visitor who had left by the end: an open item */
    int64_t counts_open;      /**< counts made before the end whose difference was not explained by it */
    int64_t custody_deposited;/**< custody items deposited in the period (R-VIS-8) */
    int64_t custody_collected;/**< collected by their owners in the period */
    int64_t custody_returned; /**< returned (to the courier ...) in the period */
    int64_t custody_handed_on;/**< handed on (unclaimed, to the police ...) in the period */
    int64_t custody_held;     /**< items the desk held at the end */
    int64_t custody_to_notify;/**< of those, whose owner had not been told and can be (fd_custody_item_due()) */
    int64_t custody_to_remind;/**< of those, due a reminder at the end */
    int64_t custody_unclaimed;/**< of those, unclaimed at the end: to hand on */
    int64_t goods_checked;    /**< goods permits checked at the gate in the period (R-VIS-7) */
    int64_t goods_released;   /**< gate checks in the period that matched: the goods left */
    int64_t goods_mismatches; /**< gate checks in the period that differed: the goods stayed */
    int64_t blocklist_matches;/**< visits registered in the period that the blocklist matched (R-VIS-1); by
                                   the strongest level matched and the desk's decision at the end below
                                   (pending: none by then) — never who they were */
    int64_t blocklist_warning_pending, blocklist_warning_admitted, blocklist_warning_refused;
    int64_t blocklist_limited_pending, blocklist_limited_admitted, blocklist_limited_refused;
    int64_t blocklist_forbidden_pending, blocklist_forbidden_admitted, blocklist_forbidden_refused;
} fd_visit_stats;
/** The current version of ::fd_visit_stats. */
#define FD_VISIT_STATS_VERSION 1

/**
 * Counts the visitor log of the actor's site for [@p from, @p to) (UTC
 * seconds) and what stood at its end (see ::fd_visit_stats), for the daily
 * report (R-COM-4). Each count is one range of one index of the site (the
 * day's registrations, arrivals, departures, events ...), never a walk over the
 * site's visits: a past period also reads what changed after it ended (the
 * departures, closings and explanations since), nothing older. Names, phones
 * and ID numbers are never read.
 * @return ::FD_OK; ::FD_EINVAL (@p to before @p from); ::FD_ERANGE (an instant
 *         out of range); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_stats(fd_visit_stats *out, fd_store *store, const fd_actor *actor, int64_t from,
                                      int64_t to);

/** What fd_store_visit_purge() removed (or would remove). */
typedef struct fd_visit_purge {
    unsigned int version;  /**< ::FD_VISIT_PURGE_VERSION */
    int dry_run;           /**< 1 when nothing was changed */
    int64_t id_before;     /**< visits registered before this instant lose their ID number
                                (actor's instant − `visitor.id_retention_days`) */
    int64_t visits_before; /**< visits registered before this instant are anonymised
                                (actor's instant − `visitor.retention_days`) */
    int64_t id_numbers;    /**< visits whose ID number — masked form, keyed hash, encrypted number — goes */
    int64_t encrypted;     /**< of those, with a full number kept */
    int64_t visits;        /**< visits anonymised: the visitor's name, phone, plate and organisation go */
    int64_t permits;       /**< goods permits registered before `visits_before` anonymised: the applicant's
                                name, phone and masked ID go */
    int64_t custody;       /**< custody items given out before `visits_before` anonymised: the owner's and
                                the taker's names and the phone go */
} fd_visit_purge;
/** The current version of ::fd_visit_purge. */
#define FD_VISIT_PURGE_VERSION 1

/**
 * The retention purge of the actor's site (R-COM-3; PIPL art. 19 and 47: the
 * shortest retention): ID numbers of visits registered more than
 * `visitor.id_retention_days` ago — the document's, and every phone, ID and
 * passport number written in the visit's purpose and its events' notes,
 * masked (fd_pii_mask_text()) whether the visit had a document or not — and
 * the visitor's name, phone, plate and
 * organisation of visits registered more than `visitor.retention_days` ago,
 * are removed — and, by the same horizon, the applicants of goods permits and
 * the owners and takers of custody items given out; the visits stay, anonymised (type of document, host, purpose,
 * times, slip number). Visitors still on site are left alone. With
 * @p dry_run 1 nothing changes and the counts say what would go. A purge is
 * journaled as `visit` / `purge` with its counts (`texts=`: the visits whose
 * purpose and notes were masked; a dry run is not journaled). Needs
 * ::FD_GRANT_MANAGE or the system.
 * @return ::FD_OK; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_purge(fd_visit_purge *out, fd_store *store, const fd_actor *actor, int dry_run);

/* ------------------------------------------------------------------------
 * Complaints (issue 13): the records and rules are in frontdesk/complaints.h.
 * ---------------------------------------------------------------------- */

/* @generated store:complaints begin (scripts/gen/records.py from libfrontdesk/records/complaints.rec; do not edit) */

#include "complaints.h"

/** An iterator over complaint records, in id order, read in pages. */
typedef struct fd_complaint_iter fd_complaint_iter;
/**
 * Queries complaint records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_complaint_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_query(fd_complaint_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_complaint_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_complaint_iter_next(const fd_complaint **out, fd_complaint_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_complaint_iter_free(fd_complaint_iter *iter);
/** One complaint record by id (masked as by fd_store_complaint_query()); free it with
 *  fd_complaint_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_complaint_get(fd_complaint **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over complaint_event records, in id order, read in pages. */
typedef struct fd_complaint_event_iter fd_complaint_event_iter;
/**
 * Queries complaint_event records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_complaint_event_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_event_query(fd_complaint_event_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_complaint_event_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_complaint_event_iter_next(const fd_complaint_event **out, fd_complaint_event_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_complaint_event_iter_free(fd_complaint_event_iter *iter);
/** One complaint_event record by id (masked as by fd_store_complaint_event_query()); free it with
 *  fd_complaint_event_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_complaint_event_get(fd_complaint_event **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over complaint_target records, in id order, read in pages. */
typedef struct fd_complaint_target_iter fd_complaint_target_iter;
/**
 * Queries complaint_target records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_complaint_target_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_target_query(fd_complaint_target_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_complaint_target_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_complaint_target_iter_next(const fd_complaint_target **out, fd_complaint_target_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_complaint_target_iter_free(fd_complaint_target_iter *iter);
/** One complaint_target record by id (masked as by fd_store_complaint_target_query()); free it with
 *  fd_complaint_target_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_complaint_target_get(fd_complaint_target **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over complaint_category records, in id order, read in pages. */
typedef struct fd_complaint_category_iter fd_complaint_category_iter;
/**
 * Queries complaint_category records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_complaint_category_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_category_query(fd_complaint_category_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_complaint_category_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_complaint_category_iter_next(const fd_complaint_category **out, fd_complaint_category_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_complaint_category_iter_free(fd_complaint_category_iter *iter);
/** One complaint_category record by id (masked as by fd_store_complaint_category_query()); free it with
 *  fd_complaint_category_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_complaint_category_get(fd_complaint_category **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over reply_phrase records, in id order, read in pages. */
typedef struct fd_reply_phrase_iter fd_reply_phrase_iter;
/**
 * Queries reply_phrase records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_reply_phrase_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_reply_phrase_query(fd_reply_phrase_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_reply_phrase_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_reply_phrase_iter_next(const fd_reply_phrase **out, fd_reply_phrase_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_reply_phrase_iter_free(fd_reply_phrase_iter *iter);
/** One reply_phrase record by id (masked as by fd_store_reply_phrase_query()); free it with
 *  fd_reply_phrase_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_reply_phrase_get(fd_reply_phrase **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:complaints end */

/**
 * Registers complaint @p c at the actor's site (R-CPL-1): fd_complaint_validate();
 * the category built in or one of the site's (complaint_category, not
 * retired); the unit, occupant, department, call and visit of the site;
 * `received_at` not after the actor's instant. Writes the complaint
 * (`registered`), its `register` event and its targets (R-CPL-2: the
 * severity's plan, each due computed on the site's calendar, with the data
 * version and provisional flag) in one transaction. Journaled as `complaint` / `register`.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field;
 *         ::FD_ENOTFOUND naming the reference (`complaint.unit_id: no unit 9 at
 *         the actor's site`); ::FD_EDATA (a deadline needs holiday data the
 *         calendar lacks); ::FD_EPERM; ::FD_EIO. Nothing is written on error.
 */
FD_API fd_status fd_store_complaint_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                        const fd_complaint *c);

/**
 * A complaint from call @p call_id in one call (R-CPL-1, R-CALL-9): as
 * fd_store_complaint_add() with `received_at` the call's ring time, `channel`
 * phone, `call_id` set and, where @p c leaves them empty, the caller's name and
 * number as `customer` and `contact` (a number fd_phone_parse() does not take
 * stays on the call only) and the call's matter as `what`. The call stays as
 * it was logged (a call logged at the desk is never changed, R-COM-3): the
 * journal records that it became a complaint (`call` / `complaint`, "complaint
 * <id>"), and the complaint's `call_id` points to it.
 * @return as fd_store_complaint_add(); ::FD_ENOTFOUND (`call_id`).
 */
FD_API fd_status fd_store_complaint_from_call(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                              int64_t call_id, const fd_complaint *c);

/**
 * Complaint @p complaint_id takes @p step (R-CPL-3 … R-CPL-5), as
 * fd_complaint_step_check() says against the complaint as stored: one
 * transaction writes the event (who, when, the state before and after, the
 * note; a proposal's is its solution), the complaint's new fields (`choose`
 * copies the chosen proposal's solution) and its targets, every target in
 * force recomputed from all the stored events (fd_complaint_target_eval()) —
 * a meeting step meets the target it meets; pause / resume pause and resume
 * the targets that pause for waiting; closing ends every clock; a severity
 * step supersedes every target in force (met ones too: they stay as history)
 * and writes the new severity's plan computed from `received_at` over the
 * same events; harm / harm_cleared set the flag the queue orders by (copied
 * to the targets); reopen reopens the resolve and reply targets; a breach
 * found is recorded once (`breached_at`). `step.happened_at` (a step noted
 * later) is not after the actor's instant, and no step is before the
 * complaint's last. `choose` needs ::FD_GRANT_MANAGE. Journaled as
 * `complaint` / the step.
 * @param out_event may be NULL; the event's id
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field; ::FD_ESTATE
 *         naming the state and the steps it allows (nothing changes);
 *         ::FD_ENOTFOUND (`complaint_id`, the department, the proposal);
 *         ::FD_EPERM; ::FD_EDATA; ::FD_EIO; ::FD_EBUSY when another clerk's
 *         step came first (the state moved: read it again).
 */
FD_API fd_status fd_store_complaint_step(int64_t *out_event, fd_store *store, const fd_actor *actor,
                                         int64_t complaint_id, const fd_complaint_step *step);

/** Which part of the queue fd_store_complaint_queue() reads. */
typedef enum fd_complaint_queue_kind {
    FD_COMPLAINT_DUE = 1,      /**< open targets due within the horizon from the actor's instant (breached ones too) */
    FD_COMPLAINT_BREACHED = 2, /**< open targets past their due at the actor's instant */
    FD_COMPLAINT_ESCALATE = 3  /**< breached and not yet escalated */
} fd_complaint_queue_kind;

/**
 * One page of the breach queue (R-CPL-2, R-CPL-5) of the actor's site: the
 * open targets (not met, not superseded, not paused) of @p kind, complaints
 * still causing harm first, then by due; those after target id @p after in
 * that order are not paged by id but by (harm, due, id): pass the last row's
 * target id and the store continues after it (a page shorter than @p limit
 * is the last). At most @p limit (1..64, as every one-page query of the
 * store). Read through the partial index of open targets: no scan of the
 * complaints, no sort.
 * @param horizon_s FD_COMPLAINT_DUE only: seconds ahead (e.g. 4 h = 14400), 0..366 days
 * @return ::FD_OK (an empty iterator when none); ::FD_EINVAL (kind);
 *         ::FD_ERANGE (limit, horizon, after: negative or no target of the
 *         actor's site); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_queue(fd_complaint_target_iter **out, fd_store *store, const fd_actor *actor,
                                          int kind, int64_t horizon_s, int64_t after, int64_t limit);

/** What fd_store_complaint_escalate_run() did. */
typedef struct fd_complaint_escalation {
    unsigned int version; /**< ::FD_COMPLAINT_ESCALATION_VERSION */
    int64_t breached;     /**< open targets found past due (newly marked breached: `breached_at`) */
    int64_t escalated;    /**< escalate events written */
    int64_t deferred;     /**< breaches outside business hours left for the next opening */
    int64_t next_at;      /**< when the deferred ones may fire, 0 = none deferred */
} fd_complaint_escalation;
/** The current version of ::fd_complaint_escalation. */
#define FD_COMPLAINT_ESCALATION_VERSION 1

/**
 * The escalation run at the actor's instant (R-CPL-2): marks each open target
 * past its due breached (once: `breached_at` is kept), and escalates every
 * breached target not yet escalated with an `escalate` event by the actor
 * (the system: staff 0) — only when fd_complaint_may_escalate() says so,
 * otherwise they are counted as deferred. The events are written by
 * fd_store_complaint_step() (an escalation of a `director` or `escalate`
 * target meets it, late); a target whose complaint's state takes no
 * escalation (followed up) keeps its breach recorded and is not escalated.
 * One transaction; idempotent at the same instant. Read and written through
 * the open-targets index.
 * @return ::FD_OK; ::FD_EPERM; ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_escalate_run(fd_complaint_escalation *out, fd_store *store,
                                                 const fd_actor *actor);

/**
 * After newer holiday data was loaded (fd_store_calendar_data_add(), or a
 * new library's built-in data), recomputes the due of every open target of the actor's site on
 * the calendar the store has now, replaying each complaint's events; a breach
 * already recorded stays recorded; each target changed records its new
 * version and provisional flag. @p out_changed gets how many changed (their
 * start, due, pause, met or provisional flag). One transaction.
 * @return ::FD_OK; ::FD_EPERM (needs ::FD_GRANT_MANAGE); ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_recompute(int64_t *out_changed, fd_store *store, const fd_actor *actor);

/**
 * Loads newer holiday data @p text (the format fd_calendar_add_data() takes:
 * a year's official schedule, with its version) into the store: kept in the
 * database (never deleted: a newer version is added), so every handle's
 * calendars — call replies (R-CALL-9), complaint targets — count with it from
 * then on; then recomputes the open complaint targets of the actor's site
 * (fd_store_complaint_recompute(), their count into @p out_changed). Needs
 * ::FD_GRANT_MANAGE. Journaled as `calendar` / `data` with the version. The
 * text is checked by adding it to the site's calendar as the store builds it
 * (`extends builtin`; national data must touch the data it extends). One
 * transaction: the data, the journal entry and the recomputed targets.
 * @return ::FD_OK; ::FD_EINVAL (`text`: not such data, naming the line);
 *         ::FD_ECONFLICT (that version is loaded already, or built in);
 *         ::FD_ERANGE (over 1 MiB); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_calendar_data_add(int64_t *out_changed, fd_store *store, const fd_actor *actor,
                                            const char *text);

/**
 * Target @p target_id's clock at the actor's instant (R-CPL-2): due, met or
 * breached, time remaining, the calendar version — as
 * fd_complaint_target_eval() gives it from the stored events, with the terms
 * (amount, unit) the target was set with; a superseded target as it stood when
 * it was superseded. The store checks that it agrees with the stored due: on
 * the same calendar data version a different due is ::FD_EDATA (newer data
 * gives the new due until the targets are recomputed).
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_clock(fd_complaint_clock *out, fd_store *store, const fd_actor *actor,
                                          int64_t target_id);

/**
 * The end-of-day list (R-COM-4): the complaints of the actor's site received
 * on the site's local @p day that are not closed and have had neither a first
 * contact, an answer nor a reply, in id order: those after id @p after, at
 * most @p limit (1..64). Read through complaints_site_unanswered (the day's
 * range of exactly those complaints). Personal data masked as by
 * fd_store_complaint_query().
 * @return ::FD_OK; ::FD_EINVAL (@p day not a real date); ::FD_ERANGE (limit, a
 *         negative after); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_unanswered(fd_complaint_iter **out, fd_store *store, const fd_actor *actor,
                                               fd_date day, int64_t after, int64_t limit);

/**
 * The monthly statistics of complaints of the actor's site (R-CPL-6,
 * 顾客投诉分类统计表): every complaint received in the site's local month
 * @p year - @p month counted by fd_complaint_stats_add() on the site's
 * calendar (its zone, business hours, the holiday data loaded), each with
 * whether its resolve target in force was met and never breached
 * (`met_at` set, `breached_at` 0). Read through complaints_site_received (the
 * month's range; a resolved complaint's target through
 * complaint_targets_complaint): no scan of other months or sites, one
 * calendar, no allocation per complaint. Read the result with
 * fd_complaint_stats_get() and fd_complaint_stats_row_get() (a department's
 * key is its id: fd_store_department_get() names it); it is final (a later
 * add is ::FD_ESTATE). Free with fd_complaint_stats_free().
 * @return ::FD_OK (an empty month: zeros); ::FD_ERANGE (`month` not 1..12,
 *         `year` outside the calendar's years); ::FD_EPERM; ::FD_EDATA;
 *         ::FD_EIO; ::FD_ENOMEM.
 */
FD_API fd_status fd_store_complaint_stats(fd_complaint_stats **out, fd_store *store, const fd_actor *actor, int year,
                                          int month);

/**
 * Adds a complaint category to the site's (R-COM-5): a code not built in and
 * not the site's already, its label, the department it usually goes to.
 * Needs ::FD_GRANT_MANAGE. Journaled.
 * @return ::FD_OK; ::FD_EINVAL naming the field; ::FD_ECONFLICT (`code`: built in or the site's
 *         already, retired too); ::FD_ENOTFOUND (`department_id`); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_complaint_category_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                                 const fd_complaint_category *category);

/** Retires a site's category (no longer offered; complaints keep it). Needs ::FD_GRANT_MANAGE.
 *  ::FD_ESTATE when retired already; ::FD_ENOTFOUND when not the site's. Journaled. */
FD_API fd_status fd_store_complaint_category_retire(fd_store *store, const fd_actor *actor, int64_t category_id);

/**
 * Adds @p phrase to the site's forbidden phrases (R-CPL-7): one line, at most
 * 64 bytes, not white space only. Needs ::FD_GRANT_MANAGE. Journaled
 * as `reply_phrase` / `add`.
 * @return ::FD_OK; ::FD_EINVAL naming `phrase`; ::FD_ECONFLICT when the
 *         site has it or it is built in (after the fold: 不 知 道 is 不知道);
 *         ::FD_ERANGE (the site has 190 in use beside the 10 built-in ones);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_reply_phrase_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           const char *phrase);

/** Retires one of the site's forbidden phrases (kept, no longer checked). Needs ::FD_GRANT_MANAGE.
 *  ::FD_ESTATE when retired already; ::FD_ENOTFOUND when not the site's. Journaled. */
FD_API fd_status fd_store_reply_phrase_retire(fd_store *store, const fd_actor *actor, int64_t phrase_id);

/**
 * R-CPL-7 at the actor's site: fd_reply_check() of @p text against the
 * built-in list and the site's phrases in use.
 * @return as fd_reply_check(); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_reply_check(fd_reply_hits **out, fd_store *store, const fd_actor *actor, const char *text);

/* ------------------------------------------------------------------------
 * Deprecated names (one release): thin wrappers over the functions above.
 * ---------------------------------------------------------------------- */

/** @deprecated use fd_store_site_add() with an actor. */
FD_API FD_STORE_DEPRECATED("use fd_store_site_add") fd_status fd_store_add_site(int64_t *out_id, fd_store *store,
    const char *code, const char *name, const char *time_zone);
/** @deprecated use fd_store_staff_add() with an actor. */
FD_API FD_STORE_DEPRECATED("use fd_store_staff_add") fd_status fd_store_add_staff(int64_t *out_id, fd_store *store,
    int64_t site_id, const char *code, const char *name, const char *role);
/** @deprecated use fd_store_staff_set_active() with an actor. */
FD_API FD_STORE_DEPRECATED("use fd_store_staff_set_active") fd_status fd_store_set_staff_active(fd_store *store,
    int64_t staff_id, int active, int64_t by_staff_id);
/** @deprecated use fd_store_journal_add() with an actor (@p at 0 is no longer "now"). */
FD_API FD_STORE_DEPRECATED("use fd_store_journal_add") fd_status fd_store_journal_append(int64_t *out_id,
    fd_store *store, int64_t at, int64_t site_id, int64_t staff_id, const char *entity, int64_t entity_id,
    const char *action, const char *detail);
/** @deprecated use fd_store_policy_load(). */
FD_API FD_STORE_DEPRECATED("use fd_store_policy_load") fd_status fd_store_load_policy(fd_policy **out,
    fd_store *store, int64_t site_id);
/** @deprecated use fd_store_policy_set() with an actor. */
FD_API FD_STORE_DEPRECATED("use fd_store_policy_set") fd_status fd_store_set_policy(fd_store *store,
    int64_t site_id, const char *key, int64_t value, int64_t staff_id);
/** @deprecated use fd_store_policy_reset() with an actor. */
FD_API FD_STORE_DEPRECATED("use fd_store_policy_reset") fd_status fd_store_reset_policy(fd_store *store,
    int64_t site_id, const char *key, int64_t staff_id);

/* ------------------------------------------------------------------------
 * Fees (issue 14): the records and rules are in frontdesk/fees.h.
 * ---------------------------------------------------------------------- */

/* @generated store:fees begin (scripts/gen/records.py from libfrontdesk/records/fees.rec; do not edit) */

#include "fees.h"

/** An iterator over fee_item records, in id order, read in pages. */
typedef struct fd_fee_item_iter fd_fee_item_iter;
/**
 * Queries fee_item records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_fee_item_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_fee_item_query(fd_fee_item_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_fee_item_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_fee_item_iter_next(const fd_fee_item **out, fd_fee_item_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_fee_item_iter_free(fd_fee_item_iter *iter);
/** One fee_item record by id (masked as by fd_store_fee_item_query()); free it with
 *  fd_fee_item_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_fee_item_get(fd_fee_item **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over fee_rate records, in id order, read in pages. */
typedef struct fd_fee_rate_iter fd_fee_rate_iter;
/**
 * Queries fee_rate records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_fee_rate_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_fee_rate_query(fd_fee_rate_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_fee_rate_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_fee_rate_iter_next(const fd_fee_rate **out, fd_fee_rate_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_fee_rate_iter_free(fd_fee_rate_iter *iter);
/** One fee_rate record by id (masked as by fd_store_fee_rate_query()); free it with
 *  fd_fee_rate_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_fee_rate_get(fd_fee_rate **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over unit_custody records, in id order, read in pages. */
typedef struct fd_unit_custody_iter fd_unit_custody_iter;
/**
 * Queries unit_custody records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_unit_custody_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_unit_custody_query(fd_unit_custody_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_unit_custody_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_unit_custody_iter_next(const fd_unit_custody **out, fd_unit_custody_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_unit_custody_iter_free(fd_unit_custody_iter *iter);
/** One unit_custody record by id (masked as by fd_store_unit_custody_query()); free it with
 *  fd_unit_custody_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_unit_custody_get(fd_unit_custody **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over meter_reading records, in id order, read in pages. */
typedef struct fd_meter_reading_iter fd_meter_reading_iter;
/**
 * Queries meter_reading records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_meter_reading_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_meter_reading_query(fd_meter_reading_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_meter_reading_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_meter_reading_iter_next(const fd_meter_reading **out, fd_meter_reading_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_meter_reading_iter_free(fd_meter_reading_iter *iter);
/** One meter_reading record by id (masked as by fd_store_meter_reading_query()); free it with
 *  fd_meter_reading_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_meter_reading_get(fd_meter_reading **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over unit_account records, in id order, read in pages. */
typedef struct fd_unit_account_iter fd_unit_account_iter;
/**
 * Queries unit_account records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_unit_account_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_unit_account_query(fd_unit_account_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_unit_account_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_unit_account_iter_next(const fd_unit_account **out, fd_unit_account_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_unit_account_iter_free(fd_unit_account_iter *iter);
/** One unit_account record by id (masked as by fd_store_unit_account_query()); free it with
 *  fd_unit_account_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_unit_account_get(fd_unit_account **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over bill records, in id order, read in pages. */
typedef struct fd_bill_iter fd_bill_iter;
/**
 * Queries bill records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_bill_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_bill_query(fd_bill_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_bill_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_bill_iter_next(const fd_bill **out, fd_bill_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_bill_iter_free(fd_bill_iter *iter);
/** One bill record by id (masked as by fd_store_bill_query()); free it with
 *  fd_bill_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_bill_get(fd_bill **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over bill_line records, in id order, read in pages. */
typedef struct fd_bill_line_iter fd_bill_line_iter;
/**
 * Queries bill_line records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_bill_line_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_bill_line_query(fd_bill_line_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_bill_line_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_bill_line_iter_next(const fd_bill_line **out, fd_bill_line_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_bill_line_iter_free(fd_bill_line_iter *iter);
/** One bill_line record by id (masked as by fd_store_bill_line_query()); free it with
 *  fd_bill_line_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_bill_line_get(fd_bill_line **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over payment records, in id order, read in pages. */
typedef struct fd_payment_iter fd_payment_iter;
/**
 * Queries payment records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_payment_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_payment_query(fd_payment_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_payment_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_payment_iter_next(const fd_payment **out, fd_payment_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_payment_iter_free(fd_payment_iter *iter);
/** One payment record by id (masked as by fd_store_payment_query()); free it with
 *  fd_payment_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_payment_get(fd_payment **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over allocation records, in id order, read in pages. */
typedef struct fd_allocation_iter fd_allocation_iter;
/**
 * Queries allocation records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_allocation_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_allocation_query(fd_allocation_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_allocation_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_allocation_iter_next(const fd_allocation **out, fd_allocation_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_allocation_iter_free(fd_allocation_iter *iter);
/** One allocation record by id (masked as by fd_store_allocation_query()); free it with
 *  fd_allocation_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_allocation_get(fd_allocation **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over receipt_series records, in id order, read in pages. */
typedef struct fd_receipt_series_iter fd_receipt_series_iter;
/**
 * Queries receipt_series records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_receipt_series_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_receipt_series_query(fd_receipt_series_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_receipt_series_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_receipt_series_iter_next(const fd_receipt_series **out, fd_receipt_series_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_receipt_series_iter_free(fd_receipt_series_iter *iter);
/** One receipt_series record by id (masked as by fd_store_receipt_series_query()); free it with
 *  fd_receipt_series_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_receipt_series_get(fd_receipt_series **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over receipt records, in id order, read in pages. */
typedef struct fd_receipt_iter fd_receipt_iter;
/**
 * Queries receipt records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_receipt_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_receipt_query(fd_receipt_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_receipt_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_receipt_iter_next(const fd_fee_receipt **out, fd_receipt_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_receipt_iter_free(fd_receipt_iter *iter);
/** One receipt record by id (masked as by fd_store_receipt_query()); free it with
 *  fd_fee_receipt_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_receipt_get(fd_fee_receipt **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over receipt_void records, in id order, read in pages. */
typedef struct fd_receipt_void_iter fd_receipt_void_iter;
/**
 * Queries receipt_void records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_receipt_void_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_receipt_void_query(fd_receipt_void_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_receipt_void_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_receipt_void_iter_next(const fd_receipt_void **out, fd_receipt_void_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_receipt_void_iter_free(fd_receipt_void_iter *iter);
/** One receipt_void record by id (masked as by fd_store_receipt_void_query()); free it with
 *  fd_receipt_void_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_receipt_void_get(fd_receipt_void **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over refund records, in id order, read in pages. */
typedef struct fd_refund_iter fd_refund_iter;
/**
 * Queries refund records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_refund_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_refund_query(fd_refund_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_refund_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_refund_iter_next(const fd_refund **out, fd_refund_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_refund_iter_free(fd_refund_iter *iter);
/** One refund record by id (masked as by fd_store_refund_query()); free it with
 *  fd_refund_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_refund_get(fd_refund **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over adjustment records, in id order, read in pages. */
typedef struct fd_adjustment_iter fd_adjustment_iter;
/**
 * Queries adjustment records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_adjustment_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_adjustment_query(fd_adjustment_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_adjustment_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_adjustment_iter_next(const fd_adjustment **out, fd_adjustment_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_adjustment_iter_free(fd_adjustment_iter *iter);
/** One adjustment record by id (masked as by fd_store_adjustment_query()); free it with
 *  fd_adjustment_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_adjustment_get(fd_adjustment **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over day_close records, in id order, read in pages. */
typedef struct fd_day_close_iter fd_day_close_iter;
/**
 * Queries day_close records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_day_close_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_day_close_query(fd_day_close_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_day_close_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_day_close_iter_next(const fd_day_close **out, fd_day_close_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_day_close_iter_free(fd_day_close_iter *iter);
/** One day_close record by id (masked as by fd_store_day_close_query()); free it with
 *  fd_day_close_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_day_close_get(fd_day_close **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over dunning_step records, in id order, read in pages. */
typedef struct fd_dunning_step_iter fd_dunning_step_iter;
/**
 * Queries dunning_step records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_dunning_step_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_dunning_step_query(fd_dunning_step_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_dunning_step_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_dunning_step_iter_next(const fd_dunning_step **out, fd_dunning_step_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_dunning_step_iter_free(fd_dunning_step_iter *iter);
/** One dunning_step record by id (masked as by fd_store_dunning_step_query()); free it with
 *  fd_dunning_step_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_dunning_step_get(fd_dunning_step **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over notice_template records, in id order, read in pages. */
typedef struct fd_notice_template_iter fd_notice_template_iter;
/**
 * Queries notice_template records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_notice_template_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_notice_template_query(fd_notice_template_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_notice_template_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_notice_template_iter_next(const fd_notice_template **out, fd_notice_template_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_notice_template_iter_free(fd_notice_template_iter *iter);
/** One notice_template record by id (masked as by fd_store_notice_template_query()); free it with
 *  fd_notice_template_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_notice_template_get(fd_notice_template **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:fees end */

/* --- fees: items, rates, custody, readings, billing, adjustments -------- */

/**
 * Adds a fee item (R-FEE-8) to the actor's site: `code` unique per site,
 * `kind` a kind code (area, fixed, metered, service, agency, waste),
 * `rounding` empty (the policy fee.rounding) or a rounding code; `retired`
 * is set by the store (0). Needs the manage grant (prices are the site's).
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field;
 *         ::FD_ECONFLICT (the code is taken); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_fee_item_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                       const fd_fee_item *item);

/**
 * Retires fee item @p item_id of the actor's site (R-COM-3): no longer
 * billed, kept for the bills that name it. Needs the manage grant.
 * @return ::FD_OK; ::FD_ENOTFOUND naming `item_id`; ::FD_ESTATE (retired
 *         already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_fee_item_retire(fd_store *store, const fd_actor *actor, int64_t item_id);

/**
 * Adds a rate of a fee item from `effective_from` on (R-FEE-8): one per item
 * and day; the rate in force on a day is the one with the latest
 * effective_from not after it, and a month is billed at the rate in force on
 * its first day (a change mid-month applies from the next month). `price_e4`
 * (1/10000 yuan) > 0 for the recurring kinds (area, fixed, metered); >= 0 for
 * service, agency and waste (0: the price is agreed per charge). Needs the
 * manage grant.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field;
 *         ::FD_ENOTFOUND naming `rate.item_id`; ::FD_ESTATE (the item is
 *         retired); ::FD_ECONFLICT (a rate of that day exists); ::FD_EPERM.
 */
FD_API fd_status fd_store_fee_rate_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                       const fd_fee_rate *rate);

/**
 * Puts a unit under custody (托管, R-FEE-7) from `from_date` (to `to_date`,
 * exclusive, or open when unset): its custody items are billed at
 * fee.custody_rate_pct for those days. Custody periods of a unit do not
 * overlap.
 * @return ::FD_OK; ::FD_EINVAL naming the field; ::FD_ENOTFOUND naming
 *         `custody.unit_id`; ::FD_ECONFLICT (overlaps custody of the unit);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_unit_custody_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           const fd_unit_custody *custody);

/**
 * Ends open custody @p custody_id on @p to_date (the first day no longer
 * under custody, after its from_date) (R-FEE-7). Months already billed keep
 * their lines (an adjustment corrects them).
 * @return ::FD_OK; ::FD_EINVAL naming `to_date`; ::FD_ENOTFOUND naming
 *         `custody_id`; ::FD_ESTATE (ended already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_unit_custody_end(fd_store *store, const fd_actor *actor, int64_t custody_id,
                                           fd_date to_date);

/**
 * Records a meter reading of a metered item for a unit (R-FEE-8): one per
 * unit, item and day, `reading_e2` >= 0, not below the reading before it nor
 * above the one after it. A month's consumption is its last reading in the
 * month minus the last reading before the month.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (a reading
 *         below the previous one names both); ::FD_ENOTFOUND naming
 *         `reading.unit_id` or `reading.item_id` (or not metered:
 *         ::FD_EINVAL); ::FD_ECONFLICT (that day is read); ::FD_EPERM.
 */
FD_API fd_status fd_store_meter_reading_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                            const fd_meter_reading *reading);

/** What a run of fd_store_bill_generate() did (R-FEE-2): every count exact. */
typedef struct fd_bill_run {
    unsigned int version;   /**< ::FD_BILL_RUN_VERSION */
    int64_t units;          /**< units looked at */
    int64_t bills;          /**< bills written */
    int64_t bills_extended; /**< bills of the period that existed and got new lines (an item added since) */
    int64_t lines;          /**< charge lines written */
    int64_t lines_existing; /**< charges billed before (unit, item, month): not written again */
    int64_t no_area;        /**< units without a floor area: their area items skipped */
    int64_t no_rate;        /**< charges skipped: no rate in force on the month's first day */
    int64_t no_reading;     /**< metered charges skipped: no reading in the month or none before it */
    int64_t amount;         /**< fen of the lines written */
} fd_bill_run;
/** The current version of ::fd_bill_run. */
#define FD_BILL_RUN_VERSION 1
/** An empty ::fd_bill_run. */
#define FD_BILL_RUN_INIT { FD_BILL_RUN_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/**
 * Bills the period `[period_start, end)` (fd_fee_period_end(): month,
 * quarter or year) for units @p unit_ids of the actor's site, or for every
 * unit of the site when @p count is 0 (R-FEE-2, R-FEE-7, R-FEE-8).
 *
 * Each unit gets one bill for the period (state open, due on
 * fd_fee_due_on(), limitation_on its due day + 3 years) with one charge line
 * per recurring item (area: the unit's floor area in m²; fixed: 1; metered:
 * the month's consumption) per month of the period (`month_start`), at the
 * rate in force on the month's first day, rounded in the item's rounding or
 * fee.rounding. Custody items of a unit under custody for part of a month
 * are one line per fee.proration: by days (custody_days of month_days at
 * fee.custody_rate_pct, the rest in full), the whole month at the custody
 * share (1), or in full until a whole month is under custody (2). The line's
 * `policy` says which keys chose what.
 *
 * Idempotent: a charge of a unit, item and month is written once (a second
 * run writes nothing and counts lines_existing); a run after an item was
 * added adds its lines to the period's bill. Units with no area skip area
 * items (counted). Raises each billed unit's account revision (the account
 * is opened when missing). One transaction, journaled once with the counts.
 * @param out      receives the counts (::FD_BILL_RUN_INIT first)
 * @return ::FD_OK; ::FD_EINVAL naming `period` (not month, quarter, year),
 *         `period_start` or `unit_ids`; ::FD_ENOTFOUND naming `unit_ids[i]`
 *         (not a unit of the site); ::FD_ERANGE (a line beyond int64);
 *         ::FD_EPERM; ::FD_EBUSY; ::FD_EIO. Nothing is written on error.
 */
FD_API fd_status fd_store_bill_generate(fd_bill_run *out, fd_store *store, const fd_actor *actor,
                                        fd_date period_start, const char *period, const int64_t *unit_ids,
                                        size_t count);

/**
 * A one-off charge (R-FEE-8): a paid service at an agreed price, decoration
 * waste removal, an agency collection — a new bill of period `once` for
 * [@p on, the next day), due on @p on, with one charge line of @p item_id
 * (any kind, not retired): @p qty_e2 (hundredths; 100 = one) × @p price_e4
 * (1/10000 yuan; 0 = the item's rate in force on @p on, which must be > 0),
 * rounded in the item's rounding or fee.rounding. Raises the unit account's
 * revision.
 * @param out_bill_id receives the new bill's id
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (qty_e2 <= 0,
 *         a negative price, no rate to take); ::FD_ENOTFOUND naming
 *         `unit_id` or `item_id`; ::FD_ESTATE (the item is retired);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_bill_charge(int64_t *out_bill_id, fd_store *store, const fd_actor *actor, int64_t unit_id,
                                      int64_t item_id, fd_date on, int64_t qty_e2, int64_t price_e4);

/**
 * A discount on a bill not yet paid (R-FEE-2): a line of kind `discount` of
 * −@p amount fen naming @p item_id, its `policy` the reason ("discount: …").
 * At most what the bill still owes (amount + adjusted − paid). Needs the
 * manage grant. Raises the unit account's revision.
 * @param out_line_id receives the discount line's id
 * @return ::FD_OK; ::FD_ERANGE naming `amount` (<= 0 or more than owed);
 *         ::FD_EINVAL naming `reason` (empty, too long); ::FD_ENOTFOUND
 *         naming `bill_id` or `item_id`; ::FD_ESTATE (the bill is paid);
 *         ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_bill_discount(int64_t *out_line_id, fd_store *store, const fd_actor *actor,
                                        int64_t bill_id, int64_t item_id, int64_t amount, const char *reason);

/** What fd_store_late_fee_assess() did. */
typedef struct fd_late_fee_run {
    unsigned int version; /**< ::FD_LATE_FEE_RUN_VERSION */
    int64_t bills;        /**< overdue bills looked at (charges unpaid, past due and grace) */
    int64_t lines;        /**< late_fee lines written */
    int64_t amount;       /**< fen of those lines */
} fd_late_fee_run;
/** The current version of ::fd_late_fee_run. */
#define FD_LATE_FEE_RUN_VERSION 1
/** An empty ::fd_late_fee_run. */
#define FD_LATE_FEE_RUN_INIT { FD_LATE_FEE_RUN_VERSION, 0, 0, 0 }

/**
 * Assesses late fees as of @p as_of (R-FEE-2) on the bills of the actor's
 * site that are not paid: the fee of a bill is fd_fee_late_fee() of its
 * principal — what its charge and discount lines still owe (never a late
 * fee: no compounding) — from its due_on; what earlier assessments wrote on
 * the bill is subtracted, and the rest is one new `late_fee` line on the
 * bill itself (naming the item of its first charge; `policy` the terms,
 * fd_fee_late_fee_terms()). Idempotent per day: assessing the same day again
 * writes nothing. With fee.late_fee.per_day_e4 0 (the default) nothing is
 * written. One transaction; raises the revision of each unit charged.
 * @return ::FD_OK; ::FD_EINVAL naming `as_of`; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_late_fee_assess(fd_late_fee_run *out, fd_store *store, const fd_actor *actor,
                                          fd_date as_of);

/**
 * A correction of a bill (R-FEE-9), like a red-letter invoice: `amount`
 * signed fen, not 0 (negative reduces what is owed, never below 0 in all),
 * `reason` required; `dated_on` is set by the store: the first day on or
 * after the site's today that is not closed (no day_closes row). Updates the
 * bill's `adjusted` and `state` and raises the unit account's revision.
 * A write-off changes money: it needs ::FD_GRANT_MANAGE (as a discount
 * does), and |amount| is at most ::FD_FEE_PAYMENT_MAX.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field;
 *         ::FD_ENOTFOUND naming `adjustment.bill_id`; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_adjustment_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                         const fd_adjustment *adjustment);

/* --- fees: arrears, dunning, notices ----------------------------------- */

/**
 * One unit's arrears as of a day (fd_store_arrears(), R-FEE-6), or the totals
 * (fd_arrears_total()). Money in fen; strings owned by the ::fd_arrears they
 * came from.
 */
typedef struct fd_arrears_row {
    unsigned int version;  /**< ::FD_ARREARS_ROW_VERSION */
    int64_t unit_id;       /**< the unit; in the totals the number of units */
    const char *unit;      /**< the unit's number (3-1201); "" in the totals */
    int64_t bills;         /**< its bills overdue and not paid */
    int64_t outstanding;   /**< what they still owe: amount + adjusted - paid, > 0 */
    int64_t d0_30;         /**< of it, bills 1-30 days past due */
    int64_t d31_90;        /**< 31-90 days */
    int64_t d91_180;       /**< 91-180 days */
    int64_t d181_365;      /**< 181-365 days */
    int64_t over_365;      /**< more than a year */
    fd_date oldest_due;    /**< the due day of its oldest unpaid bill */
    fd_date last_demand_on; /**< the last demand recorded on its bills (Civil Code art. 195); unset = none */
    const char *last_step; /**< the unit's last dunning step since its oldest debt fell due; "" = none */
    const char *next_step; /**< the next step (fd_dunning_next()): reminder, letter, visit, legal; "" = none after legal */
    fd_date next_step_on;  /**< the day it is due */
    fd_date limitation_on; /**< the earliest end of the limitation periods of its bills (fd_fee_limitation_end()) */
    int limitation_warn;   /**< 1: that end is within `fee.limitation_warn_days` (90) of the day; in the totals: how many units */
    int occupied;          /**< 1: an occupant lives there on the day (visits are for them); in the totals: how many */
} fd_arrears_row;
/** The current version of ::fd_arrears_row. */
#define FD_ARREARS_ROW_VERSION 1
/** An empty ::fd_arrears_row. */
#define FD_ARREARS_ROW_INIT { FD_ARREARS_ROW_VERSION, 0, "", 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, "", "", { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p row as ::FD_ARREARS_ROW_INIT does. @return ::FD_OK, ::FD_EINVAL (NULL, unknown version). */
FD_API fd_status fd_arrears_row_init(fd_arrears_row *row, unsigned int version);

/** The arrears of a site as of a day: rows by unit id and their totals. Free with fd_arrears_free(). */
typedef struct fd_arrears fd_arrears;

/**
 * The arrears by unit of the actor's site as of @p as_of (R-FEE-6): each unit
 * whose bills not paid and due before @p as_of still owe something, with the
 * age buckets (a bill is past due from the day after its due_on), the last
 * demand, the next dunning step and its day, and the limitation end, flagged
 * when it falls within `fee.limitation_warn_days`. Read through the partial
 * index bills_site_open. In unit id order.
 * @return ::FD_OK; ::FD_EINVAL (NULL, @p as_of not real); ::FD_EPERM (the
 *         actor); ::FD_ERANGE (totals beyond int64); ::FD_ENOMEM; ::FD_EIO.
 */
FD_API fd_status fd_store_arrears(fd_arrears **out, fd_store *store, const fd_actor *actor, fd_date as_of);

/**
 * Who is due for which dunning step on @p day (R-FEE-6): the rows of
 * fd_store_arrears() on that day whose next step is due on or before it.
 * @return as fd_store_arrears().
 */
FD_API fd_status fd_store_dunning_due(fd_arrears **out, fd_store *store, const fd_actor *actor, fd_date day);

/** How many units @p a holds (0 for NULL). */
FD_API size_t fd_arrears_count(const fd_arrears *a);

/**
 * Row @p index (0 … count - 1) of @p a into @p out; its strings live as long as @p a.
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (index not below the count).
 */
FD_API fd_status fd_arrears_get(fd_arrears_row *out, const fd_arrears *a, size_t index);

/**
 * The totals of @p a: the sums of the money fields and of bills, limitation
 * warnings and occupied units; unit_id is the number of units.
 * @return ::FD_OK, ::FD_EINVAL (NULL).
 */
FD_API fd_status fd_arrears_total(fd_arrears_row *out, const fd_arrears *a);

/** Frees @p a. NULL is a no-op. */
FD_API void fd_arrears_free(fd_arrears *a);

/**
 * Records a dunning step of a unit (R-FEE-6) at the actor's site: the step and
 * channel checked by fd_dunning_check() against the unit's last step since its
 * oldest debt fell due (cutting off utilities is refused, Civil Code art. 944);
 * happened_on not after the actor's day; the unit must owe something overdue
 * then. In one transaction: the step with owed = the unit's arrears on that
 * day; on each of its bills overdue then, last_demand_on = happened_on and
 * limitation_on recomputed (a demand restarts the period, art. 195); the unit
 * account's revision raised; journaled.
 * @return ::FD_OK; ::FD_EINVAL (a field, naming it; art. 944); ::FD_ENOTFOUND
 *         (the unit not at the site); ::FD_ESTATE (out of order, naming the
 *         steps allowed; nothing owed); ::FD_EPERM; ::FD_EBUSY; ::FD_EIO.
 *         Nothing changes on failure.
 */
FD_API fd_status fd_store_dunning_step_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           const fd_dunning_step *d);

/**
 * Sets the site's template of notice @p kind ("payment" 缴款通知书 or "dunning"
 * 催款通知书, R-FEE-2): a new record, the latest in force (the old ones kept).
 * @p body is checked as fd_fee_notice_render() reads it. Needs the manage grant.
 * @return ::FD_OK; ::FD_EINVAL (kind, body: an unknown placeholder naming it);
 *         ::FD_EPERM; ::FD_EBUSY; ::FD_EIO.
 */
FD_API fd_status fd_store_notice_template_set(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                              const char *kind, const char *body);

/**
 * Renders unit @p unit_id's notice of @p kind as of @p as_of from the site's
 * template (the built-in one when it has none): a payment notice names the
 * unit's unpaid bills, a dunning notice those overdue on @p as_of; {payer} is
 * the owner living there (else an occupant), {due} the earliest due day,
 * {deadline} the last demand's stated deadline if not passed, else
 * `fee.notice.deadline_days` (15) after @p as_of; {late_rate} from
 * `fee.late_fee.per_day_e4`.
 * @return ::FD_OK; ::FD_EINVAL (kind, as_of); ::FD_ENOTFOUND (no such unit at
 *         the site); ::FD_ESTATE (nothing owed); ::FD_EPERM; ::FD_ENOMEM.
 */
FD_API fd_status fd_store_fee_notice(fd_buf *out, fd_store *store, const fd_actor *actor, const char *kind,
                                     int64_t unit_id, fd_date as_of);

/* --- fees: look-up, payments, receipts, voids, refunds, day close ------ */

/** One open bill of a look-up (R-FEE-1): what it is for, what it owes. Amounts in fen. */
typedef struct fd_fee_lookup_bill {
    int64_t bill_id;     /**< the bill */
    fd_date period_start;/**< the first day of its period */
    fd_date period_end;  /**< the first day after it ([start, end)) */
    fd_date due_on;      /**< the last day to pay without arrears */
    int64_t amount;      /**< billed, fen */
    int64_t adjusted;    /**< adjustments, signed fen */
    int64_t paid;        /**< paid so far, fen */
    int64_t outstanding; /**< amount + adjusted − paid, fen, > 0 */
    int overdue;         /**< 1: due_on is before the look-up's day */
} fd_fee_lookup_bill;

/** What a look-up shows the clerk (R-FEE-1); strings owned by the look-up. */
typedef struct fd_fee_lookup_info {
    int64_t unit_id;         /**< the unit */
    const char *unit_number; /**< its number: 3-1201 */
    const char *owner;       /**< the owner in force on the day (role owner, moved in, not out), masked unless the actor reveals it; "" when none */
    int64_t rev;             /**< the account's revision: name it as fd_payment::expect_rev */
    int64_t balance;         /**< the prepayment balance, fen */
    int64_t paid;            /**< what its bills have been paid, fen */
    int64_t outstanding;     /**< what its open bills owe, fen */
    size_t bills;            /**< open bills, oldest due first (fd_fee_lookup_bill_at()) */
} fd_fee_lookup_info;

/** A look-up of a unit before collecting (R-FEE-1): fd_store_fee_lookup(), freed with fd_fee_lookup_free(). */
typedef struct fd_fee_lookup fd_fee_lookup;

/**
 * Looks a unit up before collecting (R-FEE-1): its number, its owner on
 * @p as_of (masked per R-COM-2 unless the actor reveals it), its account's
 * revision and prepayment balance, what it has paid, and each open bill
 * (oldest due first) with what it owes. ::FD_ENOTFOUND naming `unit_id` for
 * a unit not at the actor's site. Freed with fd_fee_lookup_free().
 */
FD_API fd_status fd_store_fee_lookup(fd_fee_lookup **out, fd_store *store, const fd_actor *actor, int64_t unit_id,
                                     fd_date as_of);
/** The look-up's summary into @p out (strings owned by @p lookup). */
FD_API fd_status fd_fee_lookup_info_get(fd_fee_lookup_info *out, const fd_fee_lookup *lookup);
/** Open bill @p index (0 .. bills − 1) of the look-up; ::FD_ERANGE naming `index` beyond. */
FD_API fd_status fd_fee_lookup_bill_at(fd_fee_lookup_bill *out, const fd_fee_lookup *lookup, size_t index);
/** Frees a look-up. NULL is a no-op. */
FD_API void fd_fee_lookup_free(fd_fee_lookup *lookup);

/**
 * Opens a receipt series (R-FEE-4): a printed book (`kind` book, numbers
 * first_no .. last_no) or an electronic series (last_no 0, unbounded);
 * next_no starts at first_no. ::FD_EINVAL naming the field (first_no < 1, a
 * book without last_no >= first_no, an electronic series with one),
 * ::FD_ECONFLICT naming `receipt_series.code` for a code the site has. Journaled.
 */
FD_API fd_status fd_store_receipt_series_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                             const fd_receipt_series *series);
/** Retires a series: no number is issued from it again (R-FEE-4). ::FD_ESTATE when closed already. Journaled. */
FD_API fd_status fd_store_receipt_series_close(fd_store *store, const fd_actor *actor, int64_t series_id);

/** What fd_store_payment_add() did. Amounts in fen. */
typedef struct fd_payment_result {
    int64_t payment_id;  /**< the payment */
    int64_t receipt_id;  /**< its receipt */
    int64_t number;      /**< the receipt's number in its series */
    int64_t change;      /**< cash: tendered − amount; 0 otherwise */
    int64_t allocated;   /**< what went to bills */
    int64_t to_balance;  /**< what went to the prepayment balance */
    int64_t rev;         /**< the account's revision after it */
} fd_payment_result;

/**
 * Takes a payment for unit `payment->unit_id` and issues its receipt in
 * the SAME transaction (R-FEE-1, R-FEE-3, R-FEE-4): the account must still
 * be at `payment->expect_rev` (the revision the look-up showed; otherwise
 * ::FD_ECONFLICT "the unit's account changed since the look-up", nothing
 * written — two clerks paying one bill: the second gets it). The amount is
 * allocated line by line to the open bills oldest due first (or to
 * @p bill_ids in that order, @p count of them, each an open bill of the
 * unit), the rest to the prepayment balance; method balance takes from the
 * balance (at most the balance and what the bills owe). The receipt takes the
 * series' next number in the same transaction (a failed payment burns no
 * number; a closed or full series is ::FD_ESTATE naming it), with the amount
 * in capital numerals. Dated the site's local day (::FD_ESTATE when it is
 * closed, R-FEE-9). Refusals name the field (fd_fee_payment_desk_check()).
 * Payment and receipt are journaled.
 */
FD_API fd_status fd_store_payment_add(fd_payment_result *out, fd_store *store, const fd_actor *actor,
                                      const fd_payment *payment, int64_t series_id, const int64_t *bill_ids,
                                      size_t count);

/**
 * Voids a spoiled receipt (R-FEE-4, R-COM-3): a receipt_voids row with
 * @p reason (who, when, why), the receipt voided (its number stays used).
 * An issued receipt's payment is voided too: its allocations reversed with
 * negative rows, its bills reopen, its balance part taken back (::FD_ESTATE
 * when the balance was spent since), the account's revision raised. A
 * prepared or returned receipt is voided alone. ::FD_ESTATE for a receipt
 * voided already, one whose payment has refunds, or one of a closed day
 * (correct it with an adjustment, R-FEE-9). Journaled.
 */
FD_API fd_status fd_store_receipt_void(int64_t *out_void_id, fd_store *store, const fd_actor *actor,
                                       int64_t receipt_id, const char *reason);

/**
 * Requests a refund of (part of) a payment (R-FEE-4): `refund->amount` at
 * most what the payment still holds (its amount less refunds not refused;
 * ::FD_EINVAL naming `refund.amount`), a reason and a method (the balance
 * method puts it back on the prepayment balance). State requested. Journaled.
 */
FD_API fd_status fd_store_refund_request(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                         const fd_refund *refund);

/**
 * Approves (@p approve 1) or refuses (0) a requested refund (R-FEE-4): needs
 * the manage grant and someone other than the requester (::FD_EPERM).
 * ::FD_ESTATE unless it is requested. Journaled.
 */
FD_API fd_status fd_store_refund_decide(fd_store *store, const fd_actor *actor, int64_t refund_id, int approve);

/**
 * Pays an approved refund out (R-FEE-4), dated the site's local day
 * (::FD_ESTATE when closed): taken first from the payment's balance part
 * still on the account (not for method balance), then by reversing its
 * allocations newest first (bills reopen); method balance credits the
 * prepayment balance. ::FD_ESTATE unless approved, or when the payment no
 * longer holds it. The account's revision is raised. Journaled.
 */
FD_API fd_status fd_store_refund_pay(fd_store *store, const fd_actor *actor, int64_t refund_id);

/**
 * Prepares a receipt for collection at the door (R-FEE-5): the number is
 * taken now from @p series_id, for what bill @p bill_id still owes, handed to
 * collector @p collector_id (active staff of the site) against
 * @p signature (required). State prepared. ::FD_ESTATE when the bill owes
 * nothing. Journaled.
 */
FD_API fd_status fd_store_receipt_prepare(int64_t *out_receipt_id, fd_store *store, const fd_actor *actor,
                                          int64_t series_id, int64_t bill_id, int64_t collector_id,
                                          const char *signature);

/**
 * Records the payment collected against prepared receipt @p receipt_id
 * (R-FEE-5): `payment->amount` must be the receipt's, allocated to its bill;
 * no new number is taken (the receipt becomes issued and names the payment).
 * `expect_rev` is not compared (the amount was fixed at preparing): a bill
 * that no longer owes it is ::FD_ECONFLICT. Other checks as
 * fd_store_payment_add(). Journaled.
 */
FD_API fd_status fd_store_receipt_collect(fd_payment_result *out, fd_store *store, const fd_actor *actor,
                                          int64_t receipt_id, const fd_payment *payment);

/** A prepared receipt comes back unused (R-FEE-5): state returned (void it to retire the number). Journaled. */
FD_API fd_status fd_store_receipt_return(fd_store *store, const fd_actor *actor, int64_t receipt_id);

/**
 * Closes cashier day @p day at the actor's site (R-FEE-9): once
 * (::FD_ECONFLICT), not after today (::FD_EINVAL naming `day`), refused while a
 * prepared receipt is still out with a collector (::FD_ESTATE listing the
 * numbers). Writes the day's totals into @p out (the day_closes row) and
 * freezes the day: no payment, void or refund is dated into it again.
 * Journaled.
 */
FD_API fd_status fd_store_day_close(fd_day_close *out, fd_store *store, const fd_actor *actor, fd_date day);

/** The identities of the site's money (R-FEE-9), in fen; `ok` 1 when all hold. */
typedef struct fd_fees_reconcile {
    int64_t billed;       /**< Σ bills.amount */
    int64_t adjusted;     /**< Σ bills.adjusted (signed) */
    int64_t paid;         /**< Σ bills.paid */
    int64_t outstanding;  /**< Σ (amount + adjusted − paid) */
    int64_t payments;     /**< Σ payments.amount, every payment ever taken (not from the balance) */
    int64_t voided;       /**< Σ of those voided */
    int64_t refunded;     /**< Σ refunds paid out (not to the balance) */
    int64_t allocated;    /**< Σ allocations (net) */
    int64_t balances;     /**< Σ unit_accounts.balance */
    int64_t receipts_issued; /**< Σ amounts of receipts that name a payment (issued or voided) */
    int64_t receipts_voided; /**< Σ of those voided */
    int64_t gaps;         /**< receipt numbers missing in all series */
    int64_t mismatches;   /**< bills, lines or payments whose stored sums disagree with their rows */
    int ok;               /**< 1: billed + adjusted = paid + outstanding; allocated + balances = payments − voided − refunded;
                               receipts issued = payments (all methods), voided receipts = voided payments;
                               no gaps; no mismatches */
} fd_fees_reconcile;

/**
 * Reconciles the actor's site (R-FEE-9, R-FEE-4): the identities of
 * ::fd_fees_reconcile, each sum recomputed from the rows (bills from their
 * lines and allocations, payments from their allocations and receipts).
 */
FD_API fd_status fd_store_fees_reconcile(fd_fees_reconcile *out, fd_store *store, const fd_actor *actor);

/* ------------------------------------------------------------------------
 * Plans (issue 15): the records and rules are in frontdesk/plans.h.
 * ---------------------------------------------------------------------- */

/* @generated store:plans begin (scripts/gen/records.py from libfrontdesk/records/plans.rec; do not edit) */

#include "plans.h"

/** An iterator over repair records, in id order, read in pages. */
typedef struct fd_repair_iter fd_repair_iter;
/**
 * Queries repair records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_repair_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_repair_query(fd_repair_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_repair_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_repair_iter_next(const fd_repair **out, fd_repair_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_repair_iter_free(fd_repair_iter *iter);
/** One repair record by id (masked as by fd_store_repair_query()); free it with
 *  fd_repair_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_repair_get(fd_repair **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over repair_event records, in id order, read in pages. */
typedef struct fd_repair_event_iter fd_repair_event_iter;
/**
 * Queries repair_event records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_repair_event_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_repair_event_query(fd_repair_event_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_repair_event_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_repair_event_iter_next(const fd_repair_event **out, fd_repair_event_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_repair_event_iter_free(fd_repair_event_iter *iter);
/** One repair_event record by id (masked as by fd_store_repair_event_query()); free it with
 *  fd_repair_event_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_repair_event_get(fd_repair_event **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over staff_skill records, in id order, read in pages. */
typedef struct fd_staff_skill_iter fd_staff_skill_iter;
/**
 * Queries staff_skill records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_staff_skill_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_staff_skill_query(fd_staff_skill_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_staff_skill_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_staff_skill_iter_next(const fd_staff_skill **out, fd_staff_skill_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_staff_skill_iter_free(fd_staff_skill_iter *iter);
/** One staff_skill record by id (masked as by fd_store_staff_skill_query()); free it with
 *  fd_staff_skill_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_staff_skill_get(fd_staff_skill **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over followup records, in id order, read in pages. */
typedef struct fd_followup_iter fd_followup_iter;
/**
 * Queries followup records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_followup_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_followup_query(fd_followup_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_followup_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_followup_iter_next(const fd_followup **out, fd_followup_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_followup_iter_free(fd_followup_iter *iter);
/** One followup record by id (masked as by fd_store_followup_query()); free it with
 *  fd_followup_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_followup_get(fd_followup **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over callback records, in id order, read in pages. */
typedef struct fd_callback_iter fd_callback_iter;
/**
 * Queries callback records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_callback_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_callback_query(fd_callback_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_callback_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_callback_iter_next(const fd_callback **out, fd_callback_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_callback_iter_free(fd_callback_iter *iter);
/** One callback record by id (masked as by fd_store_callback_query()); free it with
 *  fd_callback_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_callback_get(fd_callback **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over callback_attempt records, in id order, read in pages. */
typedef struct fd_callback_attempt_iter fd_callback_attempt_iter;
/**
 * Queries callback_attempt records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_callback_attempt_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_callback_attempt_query(fd_callback_attempt_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_callback_attempt_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_callback_attempt_iter_next(const fd_callback_attempt **out, fd_callback_attempt_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_callback_attempt_iter_free(fd_callback_attempt_iter *iter);
/** One callback_attempt record by id (masked as by fd_store_callback_attempt_query()); free it with
 *  fd_callback_attempt_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_callback_attempt_get(fd_callback_attempt **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over specialist records, in id order, read in pages. */
typedef struct fd_specialist_iter fd_specialist_iter;
/**
 * Queries specialist records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_specialist_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_specialist_query(fd_specialist_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_specialist_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_specialist_iter_next(const fd_specialist **out, fd_specialist_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_specialist_iter_free(fd_specialist_iter *iter);
/** One specialist record by id (masked as by fd_store_specialist_query()); free it with
 *  fd_specialist_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_specialist_get(fd_specialist **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over customer_assignment records, in id order, read in pages. */
typedef struct fd_customer_assignment_iter fd_customer_assignment_iter;
/**
 * Queries customer_assignment records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_customer_assignment_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_customer_assignment_query(fd_customer_assignment_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_customer_assignment_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_customer_assignment_iter_next(const fd_customer_assignment **out, fd_customer_assignment_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_customer_assignment_iter_free(fd_customer_assignment_iter *iter);
/** One customer_assignment record by id (masked as by fd_store_customer_assignment_query()); free it with
 *  fd_customer_assignment_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_customer_assignment_get(fd_customer_assignment **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over visit_plan records, in id order, read in pages. */
typedef struct fd_visit_plan_iter fd_visit_plan_iter;
/**
 * Queries visit_plan records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_visit_plan_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_visit_plan_query(fd_visit_plan_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_visit_plan_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_visit_plan_iter_next(const fd_visit_plan **out, fd_visit_plan_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_visit_plan_iter_free(fd_visit_plan_iter *iter);
/** One visit_plan record by id (masked as by fd_store_visit_plan_query()); free it with
 *  fd_visit_plan_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_visit_plan_get(fd_visit_plan **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over planned_visit records, in id order, read in pages. */
typedef struct fd_planned_visit_iter fd_planned_visit_iter;
/**
 * Queries planned_visit records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_planned_visit_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_planned_visit_query(fd_planned_visit_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_planned_visit_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_planned_visit_iter_next(const fd_planned_visit **out, fd_planned_visit_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_planned_visit_iter_free(fd_planned_visit_iter *iter);
/** One planned_visit record by id (masked as by fd_store_planned_visit_query()); free it with
 *  fd_planned_visit_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_planned_visit_get(fd_planned_visit **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over visit_question records, in id order, read in pages. */
typedef struct fd_visit_question_iter fd_visit_question_iter;
/**
 * Queries visit_question records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_visit_question_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_visit_question_query(fd_visit_question_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_visit_question_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_visit_question_iter_next(const fd_visit_question **out, fd_visit_question_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_visit_question_iter_free(fd_visit_question_iter *iter);
/** One visit_question record by id (masked as by fd_store_visit_question_query()); free it with
 *  fd_visit_question_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_visit_question_get(fd_visit_question **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over survey records, in id order, read in pages. */
typedef struct fd_survey_iter fd_survey_iter;
/**
 * Queries survey records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_survey_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_survey_query(fd_survey_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_survey_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_survey_iter_next(const fd_survey **out, fd_survey_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_survey_iter_free(fd_survey_iter *iter);
/** One survey record by id (masked as by fd_store_survey_query()); free it with
 *  fd_survey_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_survey_get(fd_survey **out, fd_store *store, const fd_actor *actor, int64_t id);

/** An iterator over survey_answer records, in id order, read in pages. */
typedef struct fd_survey_answer_iter fd_survey_answer_iter;
/**
 * Queries survey_answer records; @p filter NULL matches all. @p actor: the actor (required: the record holds personal data or a site);
 * records with a site are limited to the actor's site; personal data comes back
 * masked unless the actor holds ::FD_GRANT_REVEAL (each reveal is logged, R-COM-2).
 * Free the iterator with fd_survey_answer_iter_free().
 * @return ::FD_OK, ::FD_EINVAL (bad filter), ::FD_EPERM (actor), ::FD_ENOTFOUND, ::FD_EIO.
 */
FD_API fd_status fd_store_survey_answer_query(fd_survey_answer_iter **out, fd_store *store, const fd_actor *actor,
                                  const fd_survey_answer_filter *filter);
/** Steps the iterator: *out is the next record (owned by the iterator, valid until the next
 *  call) or NULL at the end. */
FD_API fd_status fd_survey_answer_iter_next(const fd_survey_answer **out, fd_survey_answer_iter *iter);
/** Frees an iterator. NULL is a no-op. */
FD_API void fd_survey_answer_iter_free(fd_survey_answer_iter *iter);
/** One survey_answer record by id (masked as by fd_store_survey_answer_query()); free it with
 *  fd_survey_answer_free(). ::FD_ENOTFOUND when there is none (or it is another site's). */
FD_API fd_status fd_store_survey_answer_get(fd_survey_answer **out, fd_store *store, const fd_actor *actor, int64_t id);

/* @generated store:plans end */

/* --- plans: work orders, hand-offs, follow-ups ------------------------- */

/**
 * Registers work order @p r at the actor's site (R-PLN-6): checked by
 * fd_repair_validate(); its unit, occupant, organisation, call and complaint
 * (each optional) are the site's; `received_at` is not after the actor's
 * instant. It starts received with the desk, a `receive` event; when the
 * site's `repair.assignment` is round_robin or least_open and an active member
 * has the order's skill (`skill`, empty = general), it is dispatched to the one
 * fd_repair_pick_handler() picks in the same write (a `dispatch` event by the
 * system, staff 0). Fields set by the store are replaced. One transaction,
 * journaled as `repair` / `receive` (and `dispatch`).
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field;
 *         ::FD_ENOTFOUND (a reference not of the site); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_repair_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_repair *r);

/**
 * Takes step @p step of work order @p repair_id (R-PLN-6, R-PLN-1), checked by
 * fd_repair_step_check() against the order as stored: one event with the state
 * and the handler before and after, one transaction, journaled as `repair` /
 * the step. dispatch and transfer name a member of staff of the site; done
 * sets `done_at` and owes a follow-up (fd_followup_due()) — a leak repair's
 * only once its leak_test step passes (until then it has no follow-up row and
 * no due); close_undone records the reason. `step.happened_at` is not after
 * the actor's instant nor before the order's last step. followup and rework
 * are fd_store_followup_record()'s.
 * @param out_event may be NULL; the event's id
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field; ::FD_ESTATE
 *         naming the state and the steps it allows (nothing changes);
 *         ::FD_ENOTFOUND (`repair_id`, the handler); ::FD_EPERM; ::FD_EDATA;
 *         ::FD_EIO; ::FD_EBUSY when another clerk's step came first.
 */
FD_API fd_status fd_store_repair_step(int64_t *out_event, fd_store *store, const fd_actor *actor, int64_t repair_id,
                                      const fd_repair_step *step);

/**
 * Records that member @p member_id of the actor's site has skill @p skill (a
 * lower-case code: electrical, plumbing, general ...) for assignment by skill
 * (R-PLN-6). Needs ::FD_GRANT_MANAGE. Journaled as `staff_skill` / `add`.
 * @return ::FD_OK; ::FD_EINVAL (skill); ::FD_ENOTFOUND (member);
 *         ::FD_ECONFLICT (the member has it, retired or not); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_staff_skill_add(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t member_id,
                                          const char *skill);

/**
 * Retires skill row @p skill_id of the actor's site: no longer picked
 * (R-PLN-6, R-COM-3: kept). Needs ::FD_GRANT_MANAGE. Journaled as
 * `staff_skill` / `retire`.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (retired already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_staff_skill_retire(fd_store *store, const fd_actor *actor, int64_t skill_id);

/**
 * Records follow-up @p followup_id (R-PLN-1) at the actor's instant: @p method
 * (visit, phone), @p result (fixed, not_fixed), @p satisfaction (satisfied,
 * average, unsatisfied; required when fixed, optional else), @p said (what the
 * customer said, optional, at most 1000 bytes). fixed: the follow-up is done
 * and the order followed_up (a `followup` event); not_fixed: the follow-up is
 * superseded (kept with its outcome) and the order goes back to its handler,
 * dispatched (a `rework` event); a new follow-up is owed at its next done.
 * One transaction, journaled as `followup` / the result.
 * @param out_event may be NULL; the order's event id
 * @return ::FD_OK; ::FD_EINVAL naming the field; ::FD_ESTATE naming the
 *         follow-up's state (not open) or the order's; ::FD_ENOTFOUND;
 *         ::FD_EPERM; ::FD_EIO; ::FD_EBUSY.
 */
FD_API fd_status fd_store_followup_record(int64_t *out_event, fd_store *store, const fd_actor *actor,
                                          int64_t followup_id, const char *method, const char *result,
                                          const char *satisfaction, const char *said);

/**
 * One page of the follow-ups due at the actor's site (R-PLN-1): the open
 * ones due at or before the actor's instant + @p horizon_s (overdue ones
 * first: in due order), or with @p overdue_only those past due; after
 * follow-up @p after (0: from the first) in (due, id) order, at most @p limit
 * (1..64). Read through the partial index of open follow-ups by due.
 * @param horizon_s seconds ahead, 0..366 days (ignored with @p overdue_only)
 * @return ::FD_OK (an empty iterator when none); ::FD_ERANGE (limit, horizon,
 *         after); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_followups_due(fd_followup_iter **out, fd_store *store, const fd_actor *actor,
                                        int overdue_only, int64_t horizon_s, int64_t after, int64_t limit);

/** A period's follow-up coverage (fd_store_followup_coverage(), R-PLN-1). */
typedef struct fd_followup_coverage {
    unsigned int version; /**< ::FD_FOLLOWUP_COVERAGE_VERSION */
    int64_t done;         /**< repairs whose work ended in the period (done_at; not closed undone) */
    int64_t in_time;      /**< of them: followed up (fixed or not) by the due */
    int64_t late;         /**< followed up after the due */
    int64_t missed;       /**< not followed up and past due at the actor's instant */
    int64_t pending;      /**< not yet due (a leak repair waiting for its leak test too) */
    int64_t share_pct;    /**< in_time * 100 / (done - pending), rounded down; 100 when none is decided */
    int64_t target_pct;   /**< the site's followup.repair_rate_pct */
    int met;              /**< 1: share_pct >= target_pct */
} fd_followup_coverage;
/** The current version of ::fd_followup_coverage. */
#define FD_FOLLOWUP_COVERAGE_VERSION 1

/**
 * R-PLN-1: the coverage of the repairs done in [@p from, @p to) at the actor's
 * site, against followup.repair_rate_pct. A reworked order counts once, by
 * the follow-up in force (a superseded one with not_fixed does not).
 * @return ::FD_OK; ::FD_ERANGE (to not after from); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_followup_coverage(fd_followup_coverage *out, fd_store *store, const fd_actor *actor,
                                            int64_t from, int64_t to);

/**
 * The misses of fd_store_followup_coverage(): one page of the work orders done
 * in [@p from, @p to) followed up late or not at all and past due, in id
 * order after order @p after (0: from the first), at most @p limit (1..64).
 * @return ::FD_OK; ::FD_ERANGE (period, limit, after); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_followup_misses(fd_repair_iter **out, fd_store *store, const fd_actor *actor, int64_t from,
                                          int64_t to, int64_t after, int64_t limit);

/* --- plans: callbacks, specialists, customer assignments --------------- */

/**
 * Adds a callback owed to a customer (R-PLN-2) at the actor's site and time.
 * @p cb gives `source` (call, complaint, member, repair, question) and what it
 * comes from (`call_task_id` for a call: its task, open, one callback each;
 * `complaint_id`, `repair_id` of the site), the customer (`occupant_id`,
 * `organisation_id`, `customer`, `number`, `member`: a member customer) and
 * `agreed_at` (the time agreed with the customer, 0 = none). The store sets
 * the due (fd_callback_due(): the time agreed, else the call task's own due,
 * else followup.callback_days on the site's calendar; moved out of quiet
 * hours), state open, no attempts; the number is stored normalised and masked
 * on reads. Journaled `callback` / `add`.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`callback.*`);
 *         ::FD_ENOTFOUND (a reference not of the site); ::FD_ESTATE (the call
 *         task is done, naming its state); ::FD_ECONFLICT (the task has its
 *         callback already); ::FD_EPERM; ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_callback_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_callback *cb);

/**
 * The callback of a call's call-back or reply task (R-CALL-8, R-CALL-9,
 * R-PLN-2): source call, the task's number and the caller's name, due at the
 * task's own due (a dropped call: at once) or @p agreed_at when > 0, moved out
 * of quiet hours. As fd_store_callback_add() otherwise (an open task, once).
 * @return as fd_store_callback_add(); ::FD_ENOTFOUND naming `call_task_id`.
 */
FD_API fd_status fd_store_callback_from_call_task(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                                  int64_t call_task_id, int64_t agreed_at);

/**
 * Records one attempt to call a customer back (R-PLN-2): placed at
 * @p placed_at (0 = the actor's instant; never in quiet hours, never after
 * the actor's instant, not before the callback), @p result no_answer / busy
 * (the callback stays open, its attempts counted) or done with
 * @p satisfaction (satisfied, average, unsatisfied: the callback is done at
 * @p placed_at), @p said what the customer said. Journaled
 * `callback` / the result.
 * @param out_id receives the attempt's id (may be NULL)
 * @return ::FD_OK; ::FD_EINVAL naming `placed_at` (in quiet hours, naming
 *         R-PLN-2 and the next allowed time), `result`, `satisfaction`,
 *         `said`; ::FD_ESTATE (the callback is done or closed, naming the
 *         state); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_callback_attempt(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           int64_t callback_id, int64_t placed_at, const char *result,
                                           const char *satisfaction, const char *said);

/**
 * Closes an open callback without reaching the customer (R-PLN-2), with
 * @p reason (required, at most 200 bytes), at the actor's instant. A member's
 * closed callback counts as a miss. Journaled `callback` / `close`.
 * @return ::FD_OK; ::FD_EINVAL naming `reason`; ::FD_ESTATE (not open,
 *         naming the state); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_callback_close(fd_store *store, const fd_actor *actor, int64_t callback_id,
                                         const char *reason);

/**
 * The open callbacks of the actor's site by due (R-PLN-2), through the
 * partial index callbacks_site_due: due by the actor's instant plus
 * @p horizon_s (0..a year), or only those overdue (@p overdue_only: due
 * before the actor's instant). A page of @p limit (1..64) after callback
 * @p after (0 = from the first).
 * @return ::FD_OK; ::FD_ERANGE naming `limit`, `after`, `horizon_s`; ::FD_EPERM.
 */
FD_API fd_status fd_store_callbacks_due(fd_callback_iter **out, fd_store *store, const fd_actor *actor,
                                        int overdue_only, int64_t horizon_s, int64_t after, int64_t limit);

/**
 * The "call now" list (R-PLN-2): the open callbacks due by the actor's instant
 * — none at all while the actor's instant is in the site's quiet hours (the
 * customer's rest time is never proposed). Paged as fd_store_callbacks_due().
 * @return as fd_store_callbacks_due().
 */
FD_API fd_status fd_store_callbacks_now(fd_callback_iter **out, fd_store *store, const fd_actor *actor, int64_t after,
                                        int64_t limit);

/** Member callbacks of a period (fd_store_callback_coverage()). */
typedef struct fd_callback_coverage {
    unsigned int version; /**< ::FD_CALLBACK_COVERAGE_VERSION */
    int64_t members;      /**< member customers' callbacks created in the period */
    int64_t reached;      /**< of them: done (the customer reached), in time or not */
    int64_t late;         /**< of the reached: after the due */
    int64_t missed;       /**< closed without reaching them, or open and past due at the actor's instant */
    int64_t pending;      /**< open, not yet due */
    int64_t share_pct;    /**< reached * 100 / (members - pending), rounded down; 100 when none is decided */
    int64_t target_pct;   /**< the site's followup.member_callback_pct */
    int met;              /**< 1: share_pct >= target_pct */
} fd_callback_coverage;
/** The current version of ::fd_callback_coverage. */
#define FD_CALLBACK_COVERAGE_VERSION 1

/**
 * R-PLN-2: 100 % of member customers get a callback: the member callbacks
 * created in [@p from, @p to) at the actor's site, counted against
 * followup.member_callback_pct.
 * @return ::FD_OK; ::FD_ERANGE (@p to not after @p from); ::FD_EPERM.
 */
FD_API fd_status fd_store_callback_coverage(fd_callback_coverage *out, fd_store *store, const fd_actor *actor,
                                            int64_t from, int64_t to);

/**
 * R-PLN-2: the member callbacks created in [@p from, @p to) that missed
 * (closed without reaching the customer, or open past due), by id, a page of
 * @p limit (1..64) after id @p after.
 * @return ::FD_OK; ::FD_ERANGE naming `to`, `after`, `limit`; ::FD_EPERM.
 */
FD_API fd_status fd_store_callback_misses(fd_callback_iter **out, fd_store *store, const fd_actor *actor, int64_t from,
                                          int64_t to, int64_t after, int64_t limit);

/**
 * Adds a service specialist (R-PLN-3): member of staff @p member_id (active,
 * of the site, not a specialist already) at @p level 1..5. Needs
 * FD_GRANT_MANAGE. Journaled `specialist` / `add`. Customers move to them only
 * by fd_store_assign_rebalance() (or new ones by fd_store_assign_customer()).
 * @return ::FD_OK; ::FD_EINVAL naming `level`; ::FD_ENOTFOUND naming
 *         `member_id`; ::FD_ECONFLICT (an active specialist already); ::FD_EPERM.
 */
FD_API fd_status fd_store_specialist_add(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t member_id,
                                         int64_t level);

/**
 * A specialist leaves (R-PLN-3): into @p out the proposal that gives their
 * customers to the others (fd_assign_rebalance() with the leaver at level 0:
 * only the leaver's customers move, each to whom is furthest under target).
 * With @p apply 1 it is written in one transaction: left_at the actor's
 * instant, each moved customer's assignment ended and a new one started with
 * contact_due_at plan.new_customer_contact_days on the site's calendar; with
 * 0 nothing is written (a preview). Needs FD_GRANT_MANAGE. Journaled
 * `specialist` / `leave` and `customer_assignment` / `move`.
 * @return ::FD_OK; ::FD_ESTATE (left already); ::FD_EINVAL (their customers
 *         would have no one to go to); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_specialist_leave(fd_rebalance **out, fd_store *store, const fd_actor *actor,
                                           int64_t specialist_id, int apply);

/**
 * Assigns a customer (an occupant or an organisation of the site: exactly one
 * of @p occupant_id, @p organisation_id) to a specialist (R-PLN-3):
 * @p specialist_id (> 0, active), or 0 for the one fd_assign_balance() picks.
 * contact_due_at is plan.new_customer_contact_days on the site's calendar.
 * Journaled `customer_assignment` / `add`.
 * @param out_id receives the assignment's id
 * @return ::FD_OK; ::FD_EINVAL (both or neither customer, no specialist to
 *         take them); ::FD_ENOTFOUND; ::FD_ESTATE (the specialist left);
 *         ::FD_ECONFLICT (the customer is assigned already); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_assign_customer(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                          int64_t occupant_id, int64_t organisation_id, int64_t specialist_id);

/**
 * R-PLN-3: the rebalance of the site's customers over its active specialists
 * (after one joins, or levels change), into @p out; @p apply 1 writes the
 * moves as fd_store_specialist_leave() does (the most recently assigned of a
 * giver move first), 0 only proposes. Needs FD_GRANT_MANAGE when applied.
 * @return ::FD_OK; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_assign_rebalance(fd_rebalance **out, fd_store *store, const fd_actor *actor, int apply);

/**
 * Records the specialist's first contact with a newly assigned customer
 * (R-PLN-3) at the actor's instant. Journaled `customer_assignment` / `contact`.
 * @return ::FD_OK; ::FD_ESTATE (contacted already, or the assignment ended);
 *         ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_assign_contact(fd_store *store, const fd_actor *actor, int64_t assignment_id);

/**
 * R-PLN-3: the assignments in force whose first contact is overdue (due before
 * the actor's instant, not contacted), by due, through the partial index
 * customer_assignments_contact_due; a page of @p limit (1..64) after
 * assignment @p after.
 * @return ::FD_OK; ::FD_ERANGE naming `after`, `limit`; ::FD_EPERM.
 */
FD_API fd_status fd_store_assign_misses(fd_customer_assignment_iter **out, fd_store *store, const fd_actor *actor,
                                        int64_t after, int64_t limit);

/* --- plans: visit plans, questions, surveys, the monthly summary ------- */

/**
 * Adds visit plan @p plan at the actor's site (R-PLN-4; fd_visit_plan_validate();
 * the customer, `assigned_to` an active member of staff of the site; the
 * actor is who planned it, kept through reassignment) and schedules its
 * appointments (fd_visit_plan_occurrence() on the site's calendar) from
 * `first_at` up to @p until (UTC seconds, not included; 0: 90 days after
 * `first_at`), as planned_visits rows of state planned. Journaled.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field; ::FD_ENOTFOUND
 *         (customer, assigned_to); ::FD_EPERM (actor); ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_plan_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                         const fd_visit_plan *plan, int64_t until);

/**
 * Schedules plan @p plan_id's appointments up to @p until (not included; at
 * most 400 at a time), idempotently: an appointment already there (UNIQUE
 * plan_id, due_at) is kept as it is. *@p out_added (may be NULL): how many
 * were added. Journaled when any was. R-PLN-4.
 * @return ::FD_OK; ::FD_ENOTFOUND (plan_id); ::FD_ESTATE (the plan ended);
 *         ::FD_ERANGE (until); ::FD_EPERM; ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_plan_schedule(int64_t *out_added, fd_store *store, const fd_actor *actor,
                                              int64_t plan_id, int64_t until);

/**
 * Gives plan @p plan_id to @p assigned_to (an active member of staff of the
 * site) and with it its planned visits not yet due at the actor's instant;
 * who planned it (staff_id) stays (R-PLN-4). Journaled.
 * @return ::FD_OK; ::FD_ENOTFOUND (plan_id, assigned_to); ::FD_ESTATE (the plan
 *         ended; already theirs); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_plan_reassign(fd_store *store, const fd_actor *actor, int64_t plan_id,
                                              int64_t assigned_to);

/**
 * Ends plan @p plan_id at the actor's instant: its planned visits not yet due
 * become cancelled (R-PLN-4). Journaled.
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_ESTATE (already ended); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_plan_end(fd_store *store, const fd_actor *actor, int64_t plan_id);

/**
 * Records visit @p visit_id as done (R-PLN-4, 拜访客户登记记录表): when it
 * took place @p done_at (0: the actor's instant; not after it, not before the
 * plan was made), who went @p done_by (0: the actor's staff; an active member
 * of staff of the site), what the customer said @p said (optional, at most
 * 2000 bytes). A planned or a missed visit (late) may be recorded. Journaled.
 * @return ::FD_OK; ::FD_ESTATE naming the state (done, cancelled);
 *         ::FD_EINVAL / ::FD_ERANGE (done_at, done_by, said); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_record(fd_store *store, const fd_actor *actor, int64_t visit_id, int64_t done_at,
                                       int64_t done_by, const char *said);

/**
 * Marks missed every planned visit of the actor's site due before the
 * actor's local day (R-PLN-4: planned vs actual). *@p out_count (may be NULL):
 * how many. Journaled when any.
 * @return ::FD_OK; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visits_mark_missed(int64_t *out_count, fd_store *store, const fd_actor *actor);

/**
 * The planned visits of the actor's site (R-PLN-4) due within @p horizon_s
 * seconds of the actor's instant (0..a year), or with @p overdue_only those
 * past due, in order of the appointment then id, through the partial index
 * planned_visits_site_due; @p after (0: from the start) the last id of the
 * page before; @p limit 1..64.
 * @return ::FD_OK; ::FD_ERANGE (horizon_s, after, limit); ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visits_due(fd_planned_visit_iter **out, fd_store *store, const fd_actor *actor,
                                     int overdue_only, int64_t horizon_s, int64_t after, int64_t limit);

/**
 * A question visit @p visit_id could not answer on the spot (R-PLN-4):
 * recorded as a visit_question, and a reply task made for it — a callback of
 * source `question` to the plan's customer, due followup.callback_days on
 * the site's working calendar, moved out of quiet hours (R-PLN-2). Journaled.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE (question: required, at most 500
 *         bytes); ::FD_ESTATE (a cancelled visit); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EDATA; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_question_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                             int64_t visit_id, const char *question);

/**
 * Answers question @p question_id later (R-PLN-4) with @p answer (required,
 * at most 1000 bytes): the question is answered at the actor's instant and
 * its reply task done. Journaled.
 * @return ::FD_OK; ::FD_ESTATE (already answered); ::FD_EINVAL / ::FD_ERANGE
 *         (answer); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_visit_question_answer(fd_store *store, const fd_actor *actor, int64_t question_id,
                                                const char *answer);

/**
 * Starts owners' survey @p s (R-PLN-5; fd_survey_validate()). Journaled.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_survey_new(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_survey *s);

/**
 * One answer (R-PLN-5) of owner @p occupant_id (an owner of the site's
 * register) to question @p question_no (1..the survey's count) of survey
 * @p survey_id, taken on a local day in [opened_on, closes_on): @p score 1..5
 * or 0 (none), @p answer optional (at most 1000 bytes); one per owner and
 * question. Journaled.
 * @return ::FD_OK; ::FD_ESTATE (not open on the actor's day; answered
 *         already); ::FD_EINVAL / ::FD_ERANGE (occupant_id not an owner,
 *         question_no, score, answer); ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_survey_answer(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t survey_id,
                                        int64_t occupant_id, int64_t question_no, int64_t score, const char *answer);

/** A survey's results by question (fd_store_survey_results()). */
typedef struct fd_survey_results fd_survey_results;

/** One question's results. */
typedef struct fd_survey_result_row {
    unsigned int version;  /**< ::FD_SURVEY_RESULT_ROW_VERSION */
    int64_t question_no;   /**< 1 … */
    const char *question;  /**< its text (owned by the results) */
    int64_t answers;       /**< answers given */
    int64_t scored;        /**< of them with a score */
    int64_t mean_x100;     /**< the mean score × 100, rounded half up; -1 when none scored */
} fd_survey_result_row;
/** The current version of ::fd_survey_result_row. */
#define FD_SURVEY_RESULT_ROW_VERSION 1
/** A row to fill in. */
#define FD_SURVEY_RESULT_ROW_INIT { FD_SURVEY_RESULT_ROW_VERSION, 0, NULL, 0, 0, 0 }

/**
 * Survey @p survey_id's results (R-PLN-5): by question, and who was asked
 * (owners with an answer) and who not (owners of the register living there
 * on opened_on without one). Free with fd_survey_results_free().
 * @return ::FD_OK; ::FD_ENOTFOUND; ::FD_EPERM; ::FD_EIO; ::FD_ENOMEM.
 */
FD_API fd_status fd_store_survey_results(fd_survey_results **out, fd_store *store, const fd_actor *actor,
                                         int64_t survey_id);

/** How many questions the survey has. 0 for NULL. */
FD_API size_t fd_survey_results_count(const fd_survey_results *res);

/** Question @p index (0-based) into @p out. @return ::FD_OK; ::FD_EINVAL; ::FD_ERANGE (past the last). */
FD_API fd_status fd_survey_results_get(fd_survey_result_row *out, const fd_survey_results *res, size_t index);

/** How many owners answered (were asked). 0 for NULL. */
FD_API int64_t fd_survey_results_asked(const fd_survey_results *res);

/** How many owners were not asked. 0 for NULL. */
FD_API size_t fd_survey_results_not_asked_count(const fd_survey_results *res);

/** The occupant id of not-asked owner @p index (in id order) into @p out. @return ::FD_OK; ::FD_EINVAL; ::FD_ERANGE. */
FD_API fd_status fd_survey_results_not_asked(int64_t *out, const fd_survey_results *res, size_t index);

/** Frees results. NULL is a no-op. */
FD_API void fd_survey_results_free(fd_survey_results *res);

/**
 * R-PLN-5: the day the site's next owners' survey is due (fd_survey_due() from
 * the last survey opened, the site's plan.survey_interval_months; none yet:
 * the actor's local day), into @p out.
 * @return ::FD_OK; ::FD_EPERM; ::FD_EIO.
 */
FD_API fd_status fd_store_survey_due(fd_date *out, fd_store *store, const fd_actor *actor);

/**
 * R-PLN-5: the actor's site's local month @p year - @p month counted
 * (::fd_plan_summary: every planned visit, callback and follow-up due in it,
 * every question raised in it; missed and pending at the actor's instant).
 * Free with fd_plan_summary_free().
 * @return ::FD_OK; ::FD_ERANGE (month, year); ::FD_EPERM; ::FD_EIO; ::FD_ENOMEM.
 */
FD_API fd_status fd_store_plan_summary(fd_plan_summary **out, fd_store *store, const fd_actor *actor, int year,
                                       int month);

/**
 * R-PLN-5: the recurring problems (::fd_recurring) among the repairs
 * (received_at; unit, category) and complaints (received_at; unit, category)
 * of the actor's site received in [@p from, @p to). Free with fd_recurring_free().
 * @return ::FD_OK; ::FD_ERANGE (to not after from); ::FD_EPERM; ::FD_EIO; ::FD_ENOMEM.
 */
FD_API fd_status fd_store_recurring_problems(fd_recurring **out, fd_store *store, const fd_actor *actor, int64_t from,
                                             int64_t to);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_STORE_H */
