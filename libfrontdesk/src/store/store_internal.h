/* Private parts of the store shared by its .c files (and by later store modules). */
#ifndef FRONTDESK_STORE_INTERNAL_H
#define FRONTDESK_STORE_INTERNAL_H

#include "frontdesk/store.h"
#include "internal.h"

#include <sqlite3.h>

/* Slots of the per-handle prepared-statement cache (open addressing). */
#define FD__STMT_SLOTS 128

struct fd_store {
    sqlite3 *db;
    int read_only;
    struct {
        const char *sql; /* key: the address of a static SQL string */
        sqlite3_stmt *stmt;
    } cache[FD__STMT_SLOTS];
};

/*
 * The cached statement for @sql, which must be a string with static storage
 * (a literal): the cache is keyed by its address, so a lookup is a pointer
 * hash, not a string compare. The statement comes back reset with no
 * bindings. Call sqlite3_reset() when done so read locks are released.
 * NULL with the error recorded on failure.
 */
sqlite3_stmt *fd__store_stmt(fd_store *s, const char *fn, const char *sql);

/* Maps a SQLite result code to an fd_status and records a message naming @what. */
fd_status fd__store_sqlerr(fd_store *s, const char *fn, int rc, const char *what);

/*
 * Brackets a write made of several statements: a savepoint inside a caller's
 * transaction, BEGIN IMMEDIATE outside one. fd__store_write_end() commits when
 * @rc is FD_OK and rolls back otherwise, and returns @rc (or the commit's error).
 * @savepoint says which of the two was opened; pass it to fd__store_write_end().
 * FD_EPERM when the store is read-only.
 */
fd_status fd__store_write_begin(fd_store *s, const char *fn, bool *savepoint);
fd_status fd__store_write_end(fd_store *s, const char *fn, bool savepoint, fd_status rc);

/* Checks a code: 1..FD_CODE_MAX bytes of [A-Za-z0-9._-] (lower case only when @lower). */
fd_status fd__check_code(const char *fn, const char *field, const char *code, bool lower);

/* Checks a display name: 1..@max bytes of UTF-8 without control characters. */
fd_status fd__check_name(const char *fn, const char *field, const char *name, size_t max);

/* Journals a change inside the current write (no checks beyond the database's). */
fd_status fd__journal(fd_store *s, const char *fn, int64_t site_id, int64_t staff_id,
                      const char *entity, int64_t entity_id, const char *action,
                      const char *detail);

/* Copies column @col (TEXT) into a fixed array. */
void fd__column_fixed(char *dst, size_t cap, sqlite3_stmt *st, int col);

#endif
