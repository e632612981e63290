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
 * Nothing is ever deleted (R-COM-3): staff are deactivated, not removed, and
 * every change is also written to the journal, which refuses UPDATE and DELETE.
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

/** Longest code (site, staff, role, journal entity/action), in bytes. */
#define FD_CODE_MAX 32
/** Longest name (site, staff), in bytes of UTF-8. */
#define FD_NAME_MAX 200
/** Longest time-zone name, in bytes. */
#define FD_TZ_MAX 64
/** Longest journal detail, in bytes of UTF-8. */
#define FD_DETAIL_MAX 4000

/** Options of fd_store_open(). Start from ::FD_STORE_OPTIONS_INIT or fd_store_options_init(). */
typedef struct fd_store_options {
    unsigned int version; /**< ::FD_STORE_OPTIONS_VERSION */
    int create;           /**< create the file when missing (default 1); 0: ::FD_ENOTFOUND */
    int read_only;        /**< open read-only: nothing is migrated, writes fail with ::FD_EPERM */
    int synchronous_full; /**< `PRAGMA synchronous=FULL` (survives power loss) instead of NORMAL */
    int busy_timeout_ms;  /**< how long to wait for another writer, default 5000 */
} fd_store_options;

/** The current version of ::fd_store_options. */
#define FD_STORE_OPTIONS_VERSION 1
/** Default options. */
#define FD_STORE_OPTIONS_INIT { FD_STORE_OPTIONS_VERSION, 1, 0, 0, 5000 }

/**
 * Fills @p opts with the defaults of ::FD_STORE_OPTIONS_INIT for @p version.
 * @return ::FD_OK, or ::FD_EINVAL for NULL or a version this library does not know.
 */
FD_API fd_status fd_store_options_init(fd_store_options *opts, unsigned int version);

/**
 * Opens (and, unless read-only, creates and migrates) the site database at @p path.
 *
 * @param out   receives the handle; close it with fd_store_close()
 * @param path  file name (UTF-8); ":memory:" gives a private in-memory database
 * @param opts  options, or NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL (bad path or options), ::FD_ENOTFOUND (missing and
 *         `create` is 0), ::FD_EIO (cannot open), ::FD_EDATA (not a database,
 *         corrupt, or from a newer library), ::FD_EBUSY (locked), ::FD_ENOMEM.
 *         On failure *out is NULL and the file is unchanged.
 */
FD_API fd_status fd_store_open(fd_store **out, const char *path, const fd_store_options *opts);

/**
 * Closes the store. An open transaction is rolled back. NULL is a no-op.
 * Iterators obtained from the store stay valid until they are freed.
 */
FD_API void fd_store_close(fd_store *store);

/** The schema version of the open database (`PRAGMA user_version`). */
FD_API fd_status fd_store_schema_version(int *out, fd_store *store);

/** The newest schema version this library knows (= number of migrations). */
FD_API int fd_store_schema_latest(void);

/**
 * Starts a transaction (`BEGIN IMMEDIATE`). Writes made until fd_store_commit()
 * are applied together or not at all; bulk loads should run inside one.
 * @return ::FD_OK, ::FD_ESTATE if one is already open, ::FD_EBUSY, ::FD_EIO.
 */
FD_API fd_status fd_store_begin(fd_store *store);

/** Commits the open transaction. ::FD_ESTATE when none is open. */
FD_API fd_status fd_store_commit(fd_store *store);

/** Rolls back the open transaction. ::FD_ESTATE when none is open. */
FD_API fd_status fd_store_rollback(fd_store *store);

/** A site: an industrial park, a building, a residential estate, a hotel. */
typedef struct fd_site {
    int64_t id;                         /**< row id, > 0 */
    char code[FD_CODE_MAX + 1];         /**< short code, [A-Za-z0-9._-]+ */
    char name[FD_NAME_MAX + 1];         /**< display name, e.g. 某某产业园 */
    char time_zone[FD_TZ_MAX + 1];      /**< IANA zone, default Asia/Shanghai (R-COM-1) */
    int64_t created_at;                 /**< UTC seconds */
} fd_site;

/**
 * Adds a site.
 * @param store     an open, writable store
 * @param out_id    receives the new site's id
 * @param code      unique code: 1..32 of [A-Za-z0-9._-]
 * @param name      display name, 1..200 bytes of UTF-8
 * @param time_zone IANA time zone known to ICU, or NULL for "Asia/Shanghai"
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ECONFLICT (code in use), ::FD_EIO.
 */
FD_API fd_status fd_store_add_site(int64_t *out_id, fd_store *store, const char *code,
                                   const char *name, const char *time_zone);

/** Looks a site up by code. ::FD_ENOTFOUND when there is none. */
FD_API fd_status fd_store_get_site(fd_site *out, fd_store *store, const char *code);

/** Looks a site up by id. ::FD_ENOTFOUND when there is none. */
FD_API fd_status fd_store_get_site_by_id(fd_site *out, fd_store *store, int64_t site_id);

/**
 * The database's only site, for tools that need not name it.
 * ::FD_ENOTFOUND when there is none, ::FD_ECONFLICT when there are several.
 */
FD_API fd_status fd_store_default_site(fd_site *out, fd_store *store);

/**
 * The local date at a site (its time zone, via ICU) of instant @p at, in UTC
 * seconds; 0 means now. What "today" means for a site's daily report (R-COM-1).
 * @return ::FD_OK, ::FD_ENOTFOUND (no such site), ::FD_ERANGE (negative @p at).
 */
FD_API fd_status fd_store_site_date(fd_date *out, fd_store *store, int64_t site_id, int64_t at);

/** A member of staff (R-COM-1: every record says who handled it). */
typedef struct fd_staff {
    int64_t id;                  /**< row id, > 0 */
    int64_t site_id;             /**< the site they work at */
    char code[FD_CODE_MAX + 1];  /**< staff number, unique per site */
    char name[FD_NAME_MAX + 1];  /**< name, UTF-8 */
    char role[FD_CODE_MAX + 1];  /**< role code, e.g. clerk, supervisor, manager */
    int active;                  /**< 1 while employed; staff are never deleted */
    int64_t created_at;          /**< UTC seconds */
} fd_staff;

/**
 * Adds a member of staff to a site. Journaled as `staff` / `add`.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ENOTFOUND (no such site),
 *         ::FD_ECONFLICT (code in use at that site), ::FD_EIO.
 */
FD_API fd_status fd_store_add_staff(int64_t *out_id, fd_store *store, int64_t site_id,
                                    const char *code, const char *name, const char *role);

/** Looks up a member of staff by site and staff code. ::FD_ENOTFOUND when there is none. */
FD_API fd_status fd_store_get_staff(fd_staff *out, fd_store *store, int64_t site_id,
                                    const char *code);

/**
 * Marks a member of staff active or inactive (left the company). Journaled as
 * `staff` / `activate` or `deactivate`, by @p by_staff_id (0 = the system).
 */
FD_API fd_status fd_store_set_staff_active(fd_store *store, int64_t staff_id, int active,
                                           int64_t by_staff_id);

/**
 * Appends one entry to the journal (R-COM-1, R-COM-3). The journal is
 * append-only: the database itself refuses to update or delete its rows.
 *
 * @param store     an open, writable store
 * @param out_id    receives the entry id (may be NULL)
 * @param at        UTC seconds; 0 means now
 * @param site_id   the site (must exist)
 * @param staff_id  who did it (must exist), or 0 for the system
 * @param entity    what kind of thing changed: 1..32 of [a-z0-9._-], e.g. "policy"
 * @param entity_id which one (0 when not applicable)
 * @param action    what happened: 1..32 of [a-z0-9._-], e.g. "set"
 * @param detail    free UTF-8 text up to 4000 bytes, or NULL
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ENOTFOUND (site or staff), ::FD_EIO.
 */
FD_API fd_status fd_store_journal_append(int64_t *out_id, fd_store *store, int64_t at,
                                         int64_t site_id, int64_t staff_id, const char *entity,
                                         int64_t entity_id, const char *action, const char *detail);

/** One journal entry, as read back by fd_journal_iter_next(). */
typedef struct fd_journal_entry {
    int64_t id;                   /**< entry id, increasing */
    int64_t at;                   /**< UTC seconds */
    int64_t site_id;              /**< site */
    int64_t staff_id;             /**< who, 0 for the system */
    char entity[FD_CODE_MAX + 1]; /**< kind of thing */
    int64_t entity_id;            /**< which one, 0 if none */
    char action[FD_CODE_MAX + 1]; /**< what happened */
    const char *detail;           /**< text, owned by the iterator, valid until the next call */
} fd_journal_entry;

/** Which journal entries fd_store_journal_query() returns; zero/empty fields match all. */
typedef struct fd_journal_filter {
    unsigned int version;         /**< ::FD_JOURNAL_FILTER_VERSION */
    int64_t site_id;              /**< only this site (0: all) */
    int64_t since;                /**< at >= since (0: no lower bound) */
    int64_t until;                /**< at < until (0: no upper bound) */
    char entity[FD_CODE_MAX + 1]; /**< only this entity ("" : all) */
    int64_t entity_id;            /**< only this entity id (0: all) */
} fd_journal_filter;

/** The current version of ::fd_journal_filter. */
#define FD_JOURNAL_FILTER_VERSION 1
/** A filter that matches every entry. */
#define FD_JOURNAL_FILTER_INIT { FD_JOURNAL_FILTER_VERSION, 0, 0, 0, "", 0 }

/** Fills @p filter with ::FD_JOURNAL_FILTER_INIT for @p version. */
FD_API fd_status fd_journal_filter_init(fd_journal_filter *filter, unsigned int version);

/** An iterator over journal entries, oldest first. */
typedef struct fd_journal_iter fd_journal_iter;

/**
 * Queries the journal. @p filter may be NULL (everything).
 * Free the iterator with fd_journal_iter_free().
 */
FD_API fd_status fd_store_journal_query(fd_journal_iter **out, fd_store *store,
                                        const fd_journal_filter *filter);

/**
 * Steps the iterator. On ::FD_OK, *out points at the next entry (owned by the
 * iterator, valid until the next call) or is NULL when there are no more.
 */
FD_API fd_status fd_journal_iter_next(const fd_journal_entry **out, fd_journal_iter *iter);

/** Frees an iterator. NULL is a no-op. */
FD_API void fd_journal_iter_free(fd_journal_iter *iter);

/**
 * Loads the policy of a site: the library defaults with the site's stored
 * overrides applied. Free it with fd_policy_free().
 */
FD_API fd_status fd_store_load_policy(fd_policy **out, fd_store *store, int64_t site_id);

/**
 * Stores an override of one policy value for a site, checked against the key's
 * range, and journals it (`policy` / `set`, "key: old -> new") by @p staff_id.
 * @return ::FD_OK, ::FD_ENOTFOUND (unknown key or site), ::FD_ERANGE, ::FD_EIO.
 */
FD_API fd_status fd_store_set_policy(fd_store *store, int64_t site_id, const char *key,
                                     int64_t value, int64_t staff_id);

/**
 * Removes a site's override of @p key, so the library default applies again;
 * journaled as `policy` / `reset`. Resetting a key that has no override is ::FD_OK.
 */
FD_API fd_status fd_store_reset_policy(fd_store *store, int64_t site_id, const char *key,
                                       int64_t staff_id);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_STORE_H */
