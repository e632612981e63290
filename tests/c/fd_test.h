/* Helpers shared by the Criterion suites. */
#ifndef FD_TEST_H
#define FD_TEST_H
#include <criterion/criterion.h>
#include <frontdesk.h>
#include <stdio.h>
#include <string.h>

/* Asserts that a call failed with @code and that the message mentions @needle. */
#define fd_assert_error(call, want_, needle)                                                     \
    do {                                                                                        \
        fd_status rc_ = (call);                                                                 \
        cr_assert_eq(rc_, (want_), "%s returned %s, expected %s (%s)", #call,                   \
                     fd_status_name(rc_), fd_status_name(want_), fd_error_last()->message);      \
        cr_assert_eq(fd_error_last()->code, (want_));                                            \
        cr_assert(strstr(fd_error_last()->message, (needle)) != NULL,                          \
                  "message '%s' does not mention '%s'", fd_error_last()->message, (needle));   \
    } while (0)

/* Asserts FD_OK, printing the error message otherwise. */
#define fd_assert_ok(call)                                                                      \
    do {                                                                                        \
        fd_status rc_ = (call);                                                                 \
        cr_assert_eq(rc_, FD_OK, "%s failed: %s: %s", #call, fd_status_name(rc_),              \
                     fd_error_last()->message);                                                 \
    } while (0)

/* The longest run of ASCII digits in @s: how much of a number a message shows (R-COM-2). */
size_t fd_test_digit_run(const char *s);

/* A fresh path under the build's test directory, unique per process and call. */
const char *fd_test_path(const char *stem);

/* Every row of @table of the database at @path as text, one line per row in id order (blobs in hex):
 * what "nothing changed" compares. Free it with free(). */
char *fd_test_table_dump(const char *path, const char *table);

/* The first column of the one row @sql returns from the database at @path. */
int64_t fd_test_sql_int(const char *path, const char *sql);

/* EXPLAIN QUERY PLAN of @sql on the database at @path: the plan's lines joined by "; ", into @out. */
void fd_test_plan(char *out, size_t cap, const char *path, const char *sql);

/* Runs @sql on the database at @path behind the library's back (a tamper, a schema change): SQLite's result code. */
int fd_test_sql_exec(const char *path, const char *sql);

/* An actor: @staff (0: the system) at @site at instant @at, no grants. */
fd_actor fd_test_actor(int64_t site, int64_t staff, int64_t at);

/* Adds a member of staff to @site as the system at @at; their id. */
int64_t fd_test_staff(fd_store *s, int64_t site, int64_t at, const char *code, const char *name, const char *role);

/* Two sites added as the system at @at: "hq" 某某产业园 with a clerk (c01) and a manager (m01, whose role holds
 * the manage and reveal grants), and "hotel" 某某酒店 with a clerk (c01). */
typedef struct fd_test_sites {
    int64_t site, other_site, clerk, manager, other_clerk;
} fd_test_sites;
fd_test_sites fd_test_two_sites(fd_store *s, int64_t at);

/* Adds organisation @org_name with its department @name at @site as the system at @at; the department's id. */
int64_t fd_test_department(fd_store *s, int64_t site, int64_t at, const char *org_name, const char *name);

/* The index of section @key of report @r (fails the test when there is none). */
size_t fd_test_report_section(const fd_report *r, const char *key);
/* The rows of the first table of section @section. */
size_t fd_test_report_rows(const fd_report *r, size_t section);
/* The value of the cell at @row, @col of the first table of section @section. */
int64_t fd_test_report_value(const fd_report *r, size_t section, size_t row, size_t col);

#endif
