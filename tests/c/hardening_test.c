/*
 * Store hardening (issue 17): concurrent first opens, append-only tables that
 * cannot be rewritten unnoticed (R-COM-3), opens that change nothing on
 * failure, a corrupt policy value that can be repaired, writes while an
 * iterator is open, read-only opens, corruption noticed.
 */
#include "fd_test.h"

#include <sqlite3.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define T0 1795395600 /* 2026-11-23 09:00 Asia/Shanghai */

static fd_actor sys_at(int64_t site)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.at = T0;
    return a;
}

/* A database with one site and @entries journal entries (besides the site's own); returns its site id. */
static int64_t fill(const char *path, int entries)
{
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_actor boot = sys_at(0);
    fd_site site = FD_SITE_INIT;
    site.code = "park", site.name = "某某产业园";
    int64_t id = 0;
    fd_assert_ok(fd_store_site_add(&id, s, &boot, &site));
    fd_actor a = sys_at(id);
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.action = "log", e.detail = "来电";
    for (int i = 1; i <= entries; i++) {
        e.entity_id = i;
        a.at = T0 + i;
        fd_assert_ok(fd_store_journal_add(NULL, s, &a, &e));
    }
    fd_store_close(s);
    return id;
}

static int sql(const char *path, const char *text)
{
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    int rc = sqlite3_exec(db, text, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

static void header_bytes(const char *path, unsigned char out[2])
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    fseek(f, 18, SEEK_SET);
    cr_assert_eq(fread(out, 1, 2, f), 2);
    fclose(f);
}

Test(hardening, concurrent_first_opens_of_a_new_database_all_succeed)
{
    int failures = 0, trials = 100, procs = 4;
    for (int t = 0; t < trials; t++) {
        char path[4096];
        snprintf(path, sizeof path, "%s", fd_test_path("race"));
        pid_t kids[4];
        for (int k = 0; k < procs; k++) {
            if ((kids[k] = fork()) == 0) {
                fd_store *s = NULL;
                fd_status rc = fd_store_open(&s, path, NULL);
                if (rc)
                    fprintf(stderr, "open failed: %s\n", fd_error_last()->message);
                fd_store_close(s);
                _exit(rc ? 1 : 0);
            }
        }
        for (int k = 0; k < procs; k++) {
            int st = 0;
            waitpid(kids[k], &st, 0);
            failures += !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
        }
    }
    cr_assert_eq(failures, 0, "%d of %d concurrent opens failed", failures, trials * procs);
}

Test(hardening, insert_or_replace_cannot_rewrite_append_only_rows_R_COM_3)
{
    const char *path = fd_test_path("replace");
    fill(path, 3);
    cr_assert_neq(sql(path, "INSERT OR REPLACE INTO journal (id, at, site_id, entity, entity_id, action, detail) "
                            "VALUES (2, 0, 1, 'call', 2, 'log', 'REWRITTEN')"), SQLITE_OK);
    cr_assert_neq(sql(path, "INSERT OR REPLACE INTO sites (id, code, name, created_at) VALUES (1, 'x', 'y', 0)"),
                  SQLITE_OK);
    cr_assert_neq(sql(path, "INSERT OR REPLACE INTO sites (code, name, created_at) VALUES ('park', 'y', 0)"),
                  SQLITE_OK);
    cr_assert_neq(sql(path, "UPDATE sites SET name = 'y'"), SQLITE_OK);
    cr_assert_neq(sql(path, "DELETE FROM meta"), SQLITE_OK);
    fd_store *s = NULL;
    fd_store_verify_report r;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_assert_ok(fd_store_verify(&r, s));
    cr_assert_eq(r.entries, 4);
    cr_assert_eq(r.first_bad_id, 0);
    cr_assert(r.integrity_ok && r.triggers_ok);
    cr_assert_eq(strlen(r.head), 64);
    cr_assert_eq(strlen(r.uuid), 36);
    cr_assert_eq(r.uuid[14], '4', "a version-4 UUID: %s", r.uuid);
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_store_uuid(&b, s));
    cr_assert_str_eq(b.ptr, r.uuid);
    fd_buf_dispose(&b);
    fd_store_close(s);
}

Test(hardening, a_rewritten_or_removed_entry_is_found_and_a_tampered_file_refused_R_COM_3)
{
    const char *path = fd_test_path("tamper");
    fill(path, 5);
    cr_assert_eq(sql(path, "DROP TRIGGER journal_append_only_update; UPDATE journal SET detail = 'REWRITTEN' "
                           "WHERE id = 3"), SQLITE_OK);
    fd_store *s = NULL;
    fd_assert_error(fd_store_open(&s, path, NULL), FD_EDATA, "trigger journal_append_only_update is missing");
    cr_assert_null(s);
    fd_store_options ro = FD_STORE_OPTIONS_INIT;
    ro.read_only = 1;
    fd_assert_ok(fd_store_open(&s, path, &ro));
    fd_store_verify_report r;
    fd_assert_error(fd_store_verify(&r, s), FD_EDATA, "entry 3");
    cr_assert_eq(r.first_bad_id, 3);
    cr_assert_eq(r.triggers_ok, 0);
    cr_assert(strstr(r.problem, "altered") != NULL, "%s", r.problem);
    fd_store_close(s);

    /* A removed entry: the ids have a gap. */
    path = fd_test_path("removed");
    fill(path, 5);
    cr_assert_eq(sql(path, "DROP TRIGGER journal_append_only_delete; DELETE FROM journal WHERE id = 4"), SQLITE_OK);
    fd_assert_ok(fd_store_open(&s, path, &ro));
    fd_assert_error(fd_store_verify(&r, s), FD_EDATA, "entry 4");
    cr_assert_eq(r.first_bad_id, 4);
    cr_assert_eq(r.triggers_ok, 0, "the missing trigger is reported too");
    cr_assert(strstr(r.problem, "removed") != NULL, "%s", r.problem);
    fd_store_close(s);
    /* With the trigger put back, the gap itself is what verify names. */
    cr_assert_eq(sql(path, "CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal "
                           "BEGIN SELECT RAISE(ABORT, 'x'); END"), SQLITE_OK);
    fd_assert_ok(fd_store_open(&s, path, &ro));
    fd_assert_error(fd_store_verify(&r, s), FD_EDATA, "entry 4");
    cr_assert(strstr(r.problem, "removed") != NULL, "%s", r.problem);
    fd_store_close(s);
}

Test(hardening, a_refused_open_changes_nothing_in_the_file)
{
    /* Another application's rollback-mode database. */
    const char *path = fd_test_path("other-app");
    cr_assert_eq(sql(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)"), SQLITE_OK);
    unsigned char before[2], after[2];
    header_bytes(path, before);
    cr_assert(before[0] == 1 && before[1] == 1, "rollback mode to start with");
    fd_store *s = NULL;
    fd_assert_error(fd_store_open(&s, path, NULL), FD_EDATA, "not a libfrontdesk one");
    header_bytes(path, after);
    cr_assert(after[0] == 1 && after[1] == 1, "the refused file was switched to WAL");
    /* A libfrontdesk database of a newer schema, in rollback mode. */
    path = fd_test_path("newer");
    fill(path, 1);
    cr_assert_eq(sql(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999"), SQLITE_OK);
    fd_assert_error(fd_store_open(&s, path, NULL), FD_EDATA, "newer than this library");
    header_bytes(path, after);
    cr_assert(after[0] == 1 && after[1] == 1, "the refused newer file was switched to WAL");
    /* A new file whose open fails is removed again. */
    path = fd_test_path("not-created");
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.busy_timeout_ms = -1;
    fd_assert_error(fd_store_open(&s, path, &o), FD_ERANGE, "busy_timeout_ms");
    cr_assert_neq(access(path, F_OK), 0);
}

Test(hardening, a_corrupt_stored_policy_value_can_be_repaired)
{
    const char *path = fd_test_path("policy");
    int64_t site = fill(path, 0);
    cr_assert_eq(sql(path, "INSERT INTO policy (site_id, key, value, updated_at) VALUES (1, 'call.max_rings', 99, 0)"),
                 SQLITE_OK);
    fd_store *s = NULL;
    fd_policy *p = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_assert_error(fd_store_policy_load(&p, s, site), FD_EDATA, "call.max_rings");
    fd_actor a = sys_at(site);
    fd_assert_ok(fd_store_policy_set(s, &a, "call.max_rings", 4));
    fd_assert_ok(fd_store_policy_load(&p, s, site));
    int64_t v = 0;
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 4);
    fd_policy_free(p);
    cr_assert_eq(sql(path, "UPDATE policy SET value = -7"), SQLITE_OK);
    fd_assert_ok(fd_store_policy_reset(s, &a, "call.max_rings"));
    fd_assert_ok(fd_store_policy_load(&p, s, site));
    fd_policy_free(p);
    fd_store_close(s);
}

Test(hardening, writes_go_on_while_an_iterator_is_open_and_another_connection_commits)
{
    const char *path = fd_test_path("iter-write");
    int64_t site = fill(path, 200);
    fd_store *a = NULL, *b = NULL;
    fd_assert_ok(fd_store_open(&a, path, NULL));
    fd_assert_ok(fd_store_open(&b, path, NULL));
    fd_actor act = sys_at(site);
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, a, &act, NULL));
    fd_assert_ok(fd_journal_iter_next(&e, it));
    fd_journal_entry w = FD_JOURNAL_ENTRY_INIT;
    w.entity = "note", w.action = "add";
    fd_assert_ok(fd_store_journal_add(NULL, b, &act, &w)); /* another connection commits */
    fd_assert_ok(fd_store_journal_add(NULL, a, &act, &w)); /* SQLITE_BUSY_SNAPSHOT before paging */
    int n = 1;
    while (fd_journal_iter_next(&e, it) == FD_OK && e)
        n++;
    cr_assert_eq(n, 203, "every entry, also those written meanwhile");
    fd_journal_iter_free(it);
    fd_store_verify_report r;
    fd_assert_ok(fd_store_verify(&r, a));
    fd_store_close(b);
    fd_store_close(a);
}

Test(hardening, read_only_opens_read_and_refuse_writes)
{
    const char *path = fd_test_path("ro");
    int64_t site = fill(path, 2);
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.read_only = 1;
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, &o));
    fd_actor a = sys_at(site);
    fd_journal_entry w = FD_JOURNAL_ENTRY_INIT;
    w.entity = "note", w.action = "add";
    fd_assert_error(fd_store_journal_add(NULL, s, &a, &w), FD_EPERM, "read-only");
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &a, NULL));
    int n = 0;
    while (fd_journal_iter_next(&e, it) == FD_OK && e)
        n++;
    fd_journal_iter_free(it);
    cr_assert_eq(n, 3);
    fd_store_close(s);
    /* A path with URI characters in it. */
    char odd[4200];
    snprintf(odd, sizeof odd, "%s-100%%?#x", fd_test_path("odd"));
    fill(odd, 1);
    fd_assert_ok(fd_store_open(&s, odd, &o));
    fd_store_close(s);
}

Test(hardening, quick_check_refuses_a_cut_off_file)
{
    const char *path = fd_test_path("cut");
    fill(path, 2000);
    cr_assert_eq(sql(path, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(truncate(path, st.st_size / 2), 0);
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.quick_check = 1;
    fd_store *s = NULL;
    fd_status rc = fd_store_open(&s, path, &o);
    cr_assert_eq(rc, FD_EDATA, "%s", fd_error_last()->message);
    cr_assert_null(s);
}

Test(hardening, options_of_version_1_are_still_accepted)
{
    fd_store_options o;
    memset(&o, 0x5A, sizeof o);
    fd_assert_ok(fd_store_options_init(&o, 1));
    cr_assert_eq(o.version, 1);
    cr_assert_eq(o.busy_timeout_ms, 5000);
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, ":memory:", &o));
    fd_store_close(s);
    fd_assert_error(fd_store_options_init(&o, 4), FD_EINVAL, "1..3");
}

/*
 * Turns a database of the latest schema back into a schema-4 one: drops what the
 * later migrations added (the domain modules' tables, the directory's columns of
 * search_keys), as the next open must apply them again.
 */
static void back_to_schema_4(const char *path)
{
    static const char *const schema4[] = { "sites", "staff", "journal", "policy", "role_grants", "reveals",
                                           "search_keys", "meta" };
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    /* Children before parents: the tables added last go first. */
    for (int pass = 0; pass < 8; pass++) {
        sqlite3_stmt *st = NULL;
        cr_assert_eq(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                            "'sqlite_%' ORDER BY rowid DESC", -1, &st, NULL), SQLITE_OK);
        char names[64][64];
        int n = 0;
        while (sqlite3_step(st) == SQLITE_ROW && n < 64) {
            const char *name = (const char *)sqlite3_column_text(st, 0);
            bool keep = false;
            for (size_t i = 0; i < sizeof schema4 / sizeof *schema4; i++)
                keep = keep || strcmp(name, schema4[i]) == 0;
            if (!keep)
                snprintf(names[n++], sizeof names[0], "%s", name);
        }
        sqlite3_finalize(st);
        for (int i = 0; i < n; i++) {
            char q[128];
            snprintf(q, sizeof q, "DROP TABLE \"%.63s\"", names[i]);
            sqlite3_exec(db, q, NULL, NULL, NULL);
        }
    }
    sqlite3_exec(db, "DROP INDEX IF EXISTS search_keys_directory", NULL, NULL, NULL);
    cr_assert_eq(sqlite3_exec(db, "ALTER TABLE search_keys DROP COLUMN sort_key", NULL, NULL, NULL), SQLITE_OK,
                 "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 4", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* Schema 5 rebuilds search keys with the issue-9 text tables: stale keys go, right ones come. */
Test(hardening, search_keys_are_rebuilt_by_the_rekey_migration)
{
    const char *path = fd_test_path("rekey");
    int64_t site = fill(path, 0);
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_actor a = sys_at(site);
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "乾安", st.role = "clerk";
    int64_t id = 0;
    fd_assert_ok(fd_store_staff_add(&id, s, &a, &st));
    fd_store_close(s);
    /* As a schema-4 database written by the old tables would have it: only a wrong key. */
    back_to_schema_4(path);
    cr_assert_eq(sql(path, "DELETE FROM search_keys; INSERT INTO search_keys VALUES ('staff', 'zzstale', 1)"), SQLITE_OK);
    fd_assert_ok(fd_store_open(&s, path, NULL));
    fd_staff_filter f = FD_STAFF_FILTER_INIT;
    f.match = FD_STAFF_MATCH_SEARCH;
    const char *queries[] = { "qianan", "zzstale" };
    const int want[] = { 1, 0 };
    for (int q = 0; q < 2; q++) {
        f.search = queries[q];
        fd_staff_iter *it = NULL;
        const fd_staff *row = NULL;
        fd_assert_ok(fd_store_staff_query(&it, s, &a, &f));
        fd_assert_ok(fd_staff_iter_next(&row, it));
        cr_assert_eq(row != NULL, want[q], "search '%s'", queries[q]);
        fd_staff_iter_free(it);
    }
    fd_store_close(s);
}
