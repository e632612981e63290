#include "fd_test.h"
#include "fd_db_files.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

char *fd_test_table_dump(const char *path, const char *table)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY 1", table);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    size_t cap = 1024, len = 0;
    char *out = calloc(1, cap);
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            size_t n = (v ? (size_t)sqlite3_column_bytes(st, i) * 2 : 4) + 2;
            if (len + n + 2 > cap) {
                cap = (len + n + 2) * 2;
                out = realloc(out, cap);
            }
            if (v && sqlite3_column_type(st, i) == SQLITE_BLOB) {
                const unsigned char *b = sqlite3_column_blob(st, i);
                for (int k = 0; k < sqlite3_column_bytes(st, i); k++)
                    len += (size_t)snprintf(out + len, cap - len, "%02x", b[k]);
                len += (size_t)snprintf(out + len, cap - len, "|");
            } else {
                len += (size_t)snprintf(out + len, cap - len, "%s|", v ? (const char *)v : "NULL");
            }
        }
        out[len++] = '\n';
        out[len] = '\0';
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

int64_t fd_test_sql_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

int fd_test_sql_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

fd_actor fd_test_actor(int64_t site, int64_t staff, int64_t at)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    a.at = at;
    return a;
}

int64_t fd_test_staff(fd_store *s, int64_t site, int64_t at, const char *code, const char *name, const char *role)
{
    fd_actor a = fd_test_actor(site, 0, at);
    fd_staff st = FD_STAFF_INIT;
    st.code = code;
    st.name = name;
    st.role = role;
    int64_t id = 0;
    fd_assert_ok(fd_store_staff_add(&id, s, &a, &st));
    return id;
}

fd_test_sites fd_test_two_sites(fd_store *s, int64_t at)
{
    fd_test_sites t;
    fd_actor boot = fd_test_actor(0, 0, at);
    fd_site site = FD_SITE_INIT;
    site.code = "hq";
    site.name = "某某产业园";
    site.time_zone = "Asia/Shanghai";
    fd_assert_ok(fd_store_site_add(&t.site, s, &boot, &site));
    site.code = "hotel";
    site.name = "某某酒店";
    fd_assert_ok(fd_store_site_add(&t.other_site, s, &boot, &site));
    t.clerk = fd_test_staff(s, t.site, at, "c01", "前台小李", "clerk");
    t.manager = fd_test_staff(s, t.site, at, "m01", "王经理", "manager");
    t.other_clerk = fd_test_staff(s, t.other_site, at, "c01", "酒店前台", "clerk");
    fd_actor sys = fd_test_actor(t.site, 0, at);
    fd_assert_ok(fd_store_grant_set(s, &sys, "manager", FD_GRANT_MANAGE, 1));
    fd_assert_ok(fd_store_grant_set(s, &sys, "manager", FD_GRANT_REVEAL, 1));
    return t;
}

int64_t fd_test_department(fd_store *s, int64_t site, int64_t at, const char *org_name, const char *name)
{
    fd_actor sys = fd_test_actor(site, 0, at);
    fd_organisation org = FD_ORGANISATION_INIT;
    org.name = org_name;
    int64_t oid = 0, id = 0;
    fd_assert_ok(fd_store_organisation_add(&oid, s, &sys, &org));
    fd_department d = FD_DEPARTMENT_INIT;
    d.organisation_id = oid;
    d.name = name;
    fd_assert_ok(fd_store_department_add(&id, s, &sys, &d));
    return id;
}

void fd_test_plan(char *out, size_t cap, const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    char q[4096];
    snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
    size_t n = 0;
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW)
        n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "; " : "", (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* The index of section @key of @r (fails the test when there is none). */
size_t fd_test_report_section(const fd_report *r, const char *key)
{
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    for (size_t i = 0; i < info.section_count; i++) {
        fd_report_section_info s;
        fd_assert_ok(fd_report_section_get(&s, r, i));
        if (strcmp(s.key, key) == 0)
            return i;
    }
    cr_assert_fail("no section %s", key);
    return 0;
}

size_t fd_test_report_rows(const fd_report *r, size_t section)
{
    fd_report_table_info t;
    fd_assert_ok(fd_report_table_get(&t, r, section, 0));
    return t.row_count;
}

int64_t fd_test_report_value(const fd_report *r, size_t section, size_t row, size_t col)
{
    fd_report_cell c;
    fd_assert_ok(fd_report_cell_get(&c, r, section, 0, row, col));
    return c.value;
}
