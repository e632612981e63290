/* Test helpers shared by the Criterion suites, the fault test and the crash test. */
#ifndef FD_DB_FILES_H
#define FD_DB_FILES_H

#include <frontdesk.h>
#include <sqlite3.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Removes a database file and the -wal, -shm and -journal files SQLite keeps beside it. */
static inline void fd_test_remove_db(const char *path)
{
    static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
    char name[4200];
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        snprintf(name, sizeof name, "%s%s", path, sides[i]);
        unlink(name);
    }
}

/*
 * Checks that the database at @path is whole after whatever happened to it:
 * the library opens it, fd_store_verify() passes (when @chain: it reads every
 * journal entry) and PRAGMA integrity_check says ok. Returns a read-only
 * connection for further queries (close it with sqlite3_close), or NULL when
 * the file cannot be read at all; @why gets the first problem, "" when none.
 */
static inline sqlite3 *fd_test_open_whole(const char *path, bool chain, char *why, size_t cap)
{
    why[0] = '\0';
    fd_store *st = NULL;
    if (fd_store_open(&st, path, NULL) != FD_OK) {
        snprintf(why, cap, "the library does not open it: %s", fd_error_last()->message);
        return NULL;
    }
    fd_store_verify_report report = FD_STORE_VERIFY_REPORT_INIT;
    if (chain && fd_store_verify(&report, st) != FD_OK)
        snprintf(why, cap, "fd_store_verify: %s", fd_error_last()->message);
    fd_store_close(st);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        snprintf(why, cap, "sqlite3_open_v2: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_stmt *q = NULL;
    const char *ok = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        ok = (const char *)sqlite3_column_text(q, 0);
    if (why[0] == '\0' && (ok == NULL || strcmp(ok, "ok") != 0))
        snprintf(why, cap, "integrity_check: %s", ok ? ok : sqlite3_errmsg(db));
    sqlite3_finalize(q);
    return db;
}

#endif
