/* The store: open/migrate/refuse, transactions, sites, staff, journal (R-COM-1, R-COM-3). */
#include "fd_test.h"

#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static fd_store *open_new(const char *stem)
{
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, fd_test_path(stem), NULL));
    return s;
}

Test(store, options_init_matches_macro)
{
    fd_store_options a = FD_STORE_OPTIONS_INIT, b;
    memset(&b, 0xAB, sizeof b);
    fd_assert_ok(fd_store_options_init(&b, FD_STORE_OPTIONS_VERSION));
    cr_assert(memcmp(&a, &b, sizeof a) == 0);
    fd_assert_error(fd_store_options_init(&b, 99), FD_EINVAL, "version");
    /* The filter has padding after `version`, so compare it field by field. */
    fd_journal_filter fa = FD_JOURNAL_FILTER_INIT, fb;
    memset(&fb, 0x5A, sizeof fb);
    fd_assert_ok(fd_journal_filter_init(&fb, FD_JOURNAL_FILTER_VERSION));
    cr_assert(fa.version == fb.version && fa.site_id == fb.site_id && fa.since == fb.since &&
              fa.until == fb.until && fa.entity_id == fb.entity_id && memcmp(fa.entity, fb.entity, sizeof fa.entity) == 0);
}

Test(store, open_creates_and_migrates)
{
    fd_store *s = open_new("open");
    int v = -1;
    fd_assert_ok(fd_store_schema_version(&v, s));
    cr_assert_eq(v, fd_store_schema_latest());
    cr_assert_geq(v, 1);
    fd_store_close(s);
    fd_store_close(NULL);
}

Test(store, bad_arguments_are_refused_with_the_field_named)
{
    fd_store *s = (fd_store *)0x1;
    fd_assert_error(fd_store_open(NULL, ":memory:", NULL), FD_EINVAL, "out");
    fd_assert_error(fd_store_open(&s, NULL, NULL), FD_EINVAL, "path");
    cr_assert_null(s == (fd_store *)0x1 ? NULL : s);
    fd_assert_error(fd_store_open(&s, "bad\xff.db", NULL), FD_EINVAL, "UTF-8");
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.version = 7;
    fd_assert_error(fd_store_open(&s, ":memory:", &o), FD_EINVAL, "opts.version");
    o = (fd_store_options)FD_STORE_OPTIONS_INIT;
    o.create = 0;
    fd_assert_error(fd_store_open(&s, "/nonexistent/dir/x.db", &o), FD_ENOTFOUND, "does not exist");
    o.create = 1;
    fd_assert_error(fd_store_open(&s, "/nonexistent/dir/x.db", &o), FD_EIO, "cannot open");
    cr_assert_null(s);
}

Test(store, corrupt_foreign_and_newer_databases_are_refused_unchanged)
{
    const char *path = fd_test_path("garbage");
    FILE *f = fopen(path, "wb");
    for (int i = 0; i < 200; i++)
        fputs("not a database ", f);
    fclose(f);
    fd_store *s = NULL;
    fd_assert_error(fd_store_open(&s, path, NULL), FD_EDATA, "not a database");
    f = fopen(path, "rb");
    char head[15];
    cr_assert_eq(fread(head, 1, 15, f), 15);
    fclose(f);
    cr_assert(memcmp(head, "not a database ", 15) == 0, "the file was changed");

    sqlite3 *db;
    path = fd_test_path("foreign");
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL);
    sqlite3_close(db);
    fd_assert_error(fd_store_open(&s, path, NULL), FD_EDATA, "not a libfrontdesk");

    path = fd_test_path("newer");
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_store_close(s);
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL);
    sqlite3_close(db);
    fd_assert_error(fd_store_open(&s, path, NULL), FD_EDATA, "newer than this library");
    cr_assert_null(s);
}

Test(store, transactions_nest_internal_writes_and_roll_back)
{
    fd_store *s = open_new("tx");
    int64_t site = 0, staff = 0;
    fd_assert_error(fd_store_commit(s), FD_ESTATE, "no transaction");
    fd_assert_ok(fd_store_begin(s));
    fd_assert_error(fd_store_begin(s), FD_ESTATE, "already open");
    fd_assert_ok(fd_store_add_site(&site, s, "park", "某某产业园", NULL));
    fd_assert_ok(fd_store_add_staff(&staff, s, site, "F001", "王小丽", "clerk"));
    /* A failing write inside the transaction rolls back only itself. */
    fd_assert_error(fd_store_add_staff(&staff, s, site, "F001", "重复", "clerk"), FD_ECONFLICT, "F001");
    fd_assert_ok(fd_store_rollback(s));
    fd_site out;
    fd_assert_error(fd_store_get_site(&out, s, "park"), FD_ENOTFOUND, "park");
    fd_store_close(s);
}

Test(store, sites_and_staff_R_COM_1)
{
    fd_store *s = open_new("sites");
    int64_t site = 0, clerk = 0;
    fd_assert_ok(fd_store_add_site(&site, s, "hotel", "長沙大酒店", "Asia/Shanghai"));
    fd_assert_error(fd_store_add_site(&site, s, "hotel", "again", NULL), FD_ECONFLICT, "'hotel' exists");
    fd_assert_error(fd_store_add_site(&site, s, "x", "y", "Mars/Olympus"), FD_EINVAL, "Mars/Olympus");
    fd_assert_error(fd_store_add_site(&site, s, "a b", "y", NULL), FD_EINVAL, "code");
    fd_assert_error(fd_store_add_site(&site, s, "ok", "tab\there", NULL), FD_EINVAL, "control character");
    fd_assert_error(fd_store_add_site(&site, s, "abcdefghijklmnopqrstuvwxyz0123456789", "y", NULL), FD_ERANGE,
                    "at most 32");
    fd_site got;
    fd_assert_ok(fd_store_get_site(&got, s, "hotel"));
    cr_assert_str_eq(got.name, "長沙大酒店");
    cr_assert_str_eq(got.time_zone, "Asia/Shanghai");
    fd_assert_ok(fd_store_default_site(&got, s));
    fd_assert_ok(fd_store_add_staff(&clerk, s, got.id, "F001", "𠮷田花子", "clerk"));
    fd_assert_error(fd_store_add_staff(&clerk, s, 999, "F002", "王五", "clerk"), FD_ENOTFOUND, "site 999");
    fd_assert_error(fd_store_add_staff(&clerk, s, got.id, "F002", "王五", "Clerk"), FD_EINVAL, "role");
    fd_staff st;
    fd_assert_ok(fd_store_get_staff(&st, s, got.id, "F001"));
    cr_assert_str_eq(st.name, "𠮷田花子");
    cr_assert_eq(st.active, 1);
    fd_assert_ok(fd_store_set_staff_active(s, st.id, 0, 0));
    fd_assert_ok(fd_store_get_staff(&st, s, got.id, "F001"));
    cr_assert_eq(st.active, 0);
    fd_assert_error(fd_store_set_staff_active(s, 999, 0, 0), FD_ENOTFOUND, "staff 999");
    fd_assert_error(fd_store_set_staff_active(s, st.id, 2, 0), FD_EINVAL, "active");
    fd_date today;
    fd_assert_ok(fd_store_site_date(&today, s, got.id, 1795426200)); /* 2026-11-23 17:30 Shanghai */
    cr_assert_eq(today.day, 23);
    fd_assert_ok(fd_store_site_date(&today, s, got.id, 1795449600)); /* 2026-11-24 00:00 Shanghai */
    cr_assert_eq(today.day, 24);
    int64_t second;
    fd_assert_ok(fd_store_add_site(&second, s, "b2", "二号楼", NULL));
    fd_assert_error(fd_store_default_site(&got, s), FD_ECONFLICT, "several sites");
    fd_store_close(s);
}

Test(store, journal_is_append_only_and_filterable_R_COM_3)
{
    const char *path = fd_test_path("journal");
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    int64_t site = 0, id = 0;
    fd_assert_ok(fd_store_add_site(&site, s, "park", "某某产业园", NULL));
    for (int i = 1; i <= 5; i++)
        fd_assert_ok(fd_store_journal_append(&id, s, 1795363200 + i * 60, site, 0, "call", i, "log", "来电"));
    fd_assert_error(fd_store_journal_append(&id, s, 0, site, 77, "call", 1, "log", NULL), FD_ENOTFOUND, "staff_id");
    fd_assert_error(fd_store_journal_append(&id, s, 0, 77, 0, "call", 1, "log", NULL), FD_ENOTFOUND, "site_id");
    fd_assert_error(fd_store_journal_append(&id, s, 0, site, 0, "Call", 1, "log", NULL), FD_EINVAL, "entity");
    fd_assert_error(fd_store_journal_append(&id, s, -5, site, 0, "call", 1, "log", NULL), FD_ERANGE, "at");
    fd_assert_error(fd_store_journal_append(&id, s, 0, site, 0, "call", 1, "log", "\xc3"), FD_EINVAL, "detail");

    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.since = 1795363200 + 2 * 60;
    f.until = 1795363200 + 5 * 60;
    strcpy(f.entity, "call");
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &f));
    int64_t seen[8];
    int n = 0;
    while (fd_journal_iter_next(&e, it) == FD_OK && e)
        seen[n++] = e->entity_id;
    cr_assert_eq(n, 3);
    cr_assert(seen[0] == 2 && seen[2] == 4);
    fd_assert_ok(fd_journal_iter_next(&e, it)); /* stays at the end */
    cr_assert_null(e);
    fd_journal_iter_free(it);
    /* The database itself refuses to change the journal. */
    sqlite3 *db;
    sqlite3_open(path, &db);
    cr_assert_neq(sqlite3_exec(db, "DELETE FROM journal", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_neq(sqlite3_exec(db, "UPDATE journal SET detail = ''", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_neq(sqlite3_exec(db, "DELETE FROM sites", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    fd_store_close(s);
}

Test(store, iterator_outlives_its_store)
{
    fd_store *s = open_new("outlive");
    int64_t site = 0;
    fd_assert_ok(fd_store_add_site(&site, s, "park", "某某产业园", NULL));
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, NULL));
    fd_store_close(s);
    fd_assert_ok(fd_journal_iter_next(&e, it));
    cr_assert_not_null(e);
    cr_assert_str_eq(e->entity, "site");
    fd_journal_iter_free(it);
    fd_journal_iter_free(NULL);
}

Test(store, read_only_refuses_writes)
{
    const char *path = fd_test_path("ro");
    fd_store *s = NULL;
    int64_t site = 0;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_assert_ok(fd_store_add_site(&site, s, "park", "某某产业园", NULL));
    fd_store_close(s);
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.read_only = 1;
    fd_assert_ok(fd_store_open(&s, path, &o));
    fd_assert_error(fd_store_add_site(&site, s, "b", "c", NULL), FD_EPERM, "read-only");
    fd_assert_error(fd_store_journal_append(NULL, s, 0, site, 0, "call", 0, "log", NULL), FD_EPERM, "read-only");
    fd_assert_error(fd_store_begin(s), FD_EPERM, "read-only");
    fd_store_close(s);
}

/* A writer killed mid-stream leaves a database that opens with every committed row. */
Test(store, crash_safety_kill_during_writes)
{
    const char *p = fd_test_path("crash");
    char path[4096];
    strcpy(path, p);
    fd_store *s = NULL;
    int64_t site = 0;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_assert_ok(fd_store_add_site(&site, s, "park", "某某产业园", NULL));
    fd_store_close(s);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        fd_store *w = NULL;
        if (fd_store_open(&w, path, NULL) != FD_OK)
            _exit(1);
        for (int64_t i = 1;; i++) {
            fd_store_journal_append(NULL, w, 0, site, 0, "call", i, "log", "committed");
            if (i == 200)
                (void)!write(fds[1], "x", 1);
        }
    }
    char c;
    cr_assert_eq(read(fds[0], &c, 1), 1);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    strcpy(f.entity, "call");
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    int64_t n = 0, last = 0;
    fd_assert_ok(fd_store_journal_query(&it, s, &f));
    while (fd_journal_iter_next(&e, it) == FD_OK && e) {
        n++;
        cr_assert_eq(e->entity_id, ++last, "gap after %lld", (long long)last);
    }
    fd_journal_iter_free(it);
    cr_assert_geq(n, 200);
    fd_store_close(s);
    close(fds[0]);
    close(fds[1]);
}
