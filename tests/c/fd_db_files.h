/* Test helper shared by the Criterion suites, the fault test and the crash test. */
#ifndef FD_DB_FILES_H
#define FD_DB_FILES_H

#include <stdio.h>
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

#endif
