#include "fd_test.h"
#include "fd_db_files.h"

#include <stdio.h>
#include <unistd.h>

const char *fd_test_path(const char *stem)
{
    static char path[4096];
    static int counter;
    snprintf(path, sizeof path, "%s/%s-%ld-%d.db", FD_TEST_TMP, stem, (long)getpid(), counter++);
    fd_test_remove_db(path);
    return path;
}

size_t fd_test_digit_run(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        run = (*s >= '0' && *s <= '9') ? run + 1 : 0;
        best = run > best ? run : best;
    }
    return best;
}
