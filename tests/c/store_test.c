/* The store: open/migrate/refuse, transactions, sites, staff, journal (R-COM-1, R-COM-3). */
#include "fd_test.h"

#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

/* 2026-11-23 09:00 Asia/Shanghai */
#define T0 1795395600

/* The system acting at @site at instant @at. */
static fd_actor sys(int64_t site, int64_t at)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.at = at;
    return a;
}

static fd_actor as_staff(int64_t site, int64_t staff, int64_t at)
{
    fd_actor a = sys(site, at);
    a.staff_id = staff;
    return a;
}

static int64_t add_site(fd_store *s, const char *code, const char *name)
{
    fd_actor a = sys(0, T0);
    fd_site rec = FD_SITE_INIT;
    rec.code = code;
    rec.name = name;
    int64_t id = 0;
    fd_assert_ok(fd_store_site_add(&id, s, &a, &rec));
    return id;
}

static int64_t add_staff(fd_store *s, const fd_actor *a, const char *code, const char *name, const char *role)
{
    fd_staff rec = FD_STAFF_INIT;
    rec.code = code;
    rec.name = name;
    rec.role = role;
    int64_t id = 0;
    fd_assert_ok(fd_store_staff_add(&id, s, a, &rec));
    return id;
}

static fd_status journal(fd_store *s, const fd_actor *a, const char *entity, int64_t entity_id, const char *action,
                         const char *detail)
{
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = entity;
    e.entity_id = entity_id;
    e.action = action;
    e.detail = detail;
    return fd_store_journal_add(NULL, s, a, &e);
}

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
    /* Structs with padding after `version` are compared field by field. */
    fd_journal_filter fa = FD_JOURNAL_FILTER_INIT, fb;
    memset(&fb, 0x5A, sizeof fb);
    fd_assert_ok(fd_journal_filter_init(&fb, FD_JOURNAL_FILTER_VERSION));
    cr_assert(fa.version == fb.version && fa.match == fb.match && fa.staff_id == fb.staff_id &&
              fa.entity == fb.entity && fb.action == NULL && fb.limit == 0 && fb.after == 0 && fb.at_from == 0);
    fd_actor aa = FD_ACTOR_INIT, ab;
    memset(&ab, 0x5A, sizeof ab);
    fd_assert_ok(fd_actor_init(&ab, FD_ACTOR_VERSION));
    cr_assert(aa.version == ab.version && ab.site_id == 0 && ab.staff_id == 0 && ab.at == 0 && ab.grants == 0 &&
              ab.reason == NULL);
    fd_staff sa = FD_STAFF_INIT, sb;
    memset(&sb, 0x5A, sizeof sb);
    fd_assert_ok(fd_staff_init(&sb, FD_STAFF_VERSION));
    cr_assert(sa.version == sb.version && sb.code == NULL && sb.name == NULL && sb.active == 0 && sb.id == 0);
    fd_assert_error(fd_actor_init(&ab, 9), FD_EINVAL, "version");
    fd_assert_error(fd_staff_init(&sb, 9), FD_EINVAL, "version");
    fd_assert_error(fd_journal_filter_init(&fb, 9), FD_EINVAL, "version");
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
    fd_assert_error(fd_store_commit(s), FD_ESTATE, "no transaction");
    fd_assert_ok(fd_store_begin(s));
    fd_assert_error(fd_store_begin(s), FD_ESTATE, "already open");
    int64_t site = add_site(s, "park", "某某产业园");
    fd_actor a = sys(site, T0);
    add_staff(s, &a, "F001", "王小丽", "clerk");
    /* A failing write inside the transaction rolls back only itself. */
    fd_staff dup = FD_STAFF_INIT;
    dup.code = "F001", dup.name = "重复", dup.role = "clerk";
    int64_t id;
    fd_assert_error(fd_store_staff_add(&id, s, &a, &dup), FD_ECONFLICT, "staff.code: 'F001' exists already");
    fd_assert_ok(fd_store_rollback(s));
    fd_site *out = NULL;
    fd_assert_error(fd_store_site_get_by_code(&out, s, "park"), FD_ENOTFOUND, "park");
    cr_assert_null(out);
    fd_store_close(s);
}

Test(store, in_transaction_tells_whether_work_is_uncommitted)
{
    fd_store *s = open_new("in_tx");
    int open = -1;
    fd_assert_ok(fd_store_in_transaction(&open, s));
    cr_assert_eq(open, 0);
    fd_assert_ok(fd_store_begin(s));
    fd_assert_ok(fd_store_in_transaction(&open, s));
    cr_assert_eq(open, 1);
    add_site(s, "park", "某某产业园"); /* a write's own savepoint leaves the transaction open */
    fd_assert_ok(fd_store_in_transaction(&open, s));
    cr_assert_eq(open, 1);
    fd_assert_ok(fd_store_commit(s));
    fd_assert_ok(fd_store_in_transaction(&open, s));
    cr_assert_eq(open, 0);
    fd_assert_ok(fd_store_begin(s));
    fd_assert_ok(fd_store_rollback(s));
    fd_assert_ok(fd_store_in_transaction(&open, s));
    cr_assert_eq(open, 0);
    fd_assert_error(fd_store_in_transaction(NULL, s), FD_EINVAL, "fd_store_in_transaction: out");
    fd_assert_error(fd_store_in_transaction(&open, NULL), FD_EINVAL, "fd_store_in_transaction: store");
    fd_store_close(s);
}

Test(store, errors_name_the_function_called_not_its_lookup)
{
    fd_store *s = open_new("policy_fn");
    int64_t site = add_site(s, "park", "某某产业园");
    fd_actor a = sys(site, T0);
    fd_assert_error(fd_store_policy_set(s, &a, "no.such", 1), FD_ENOTFOUND,
                    "fd_store_policy_set: key: no policy key 'no.such'");
    cr_assert_null(strstr(fd_error_last()->message, "fd_policy_describe"));
    fd_assert_error(fd_store_policy_reset(s, &a, "no.such"), FD_ENOTFOUND, "fd_store_policy_reset: key:");
    fd_assert_error(fd_store_policy_set(s, &a, NULL, 1), FD_EINVAL, "fd_store_policy_set: key");
    fd_date d;
    fd_assert_error(fd_store_site_date(&d, s, 99, T0), FD_ENOTFOUND, "fd_store_site_date: site_id: no site 99");
    fd_store_close(s);
}

Test(store, sites_and_staff_R_COM_1)
{
    fd_store *s = open_new("sites");
    fd_actor boot = sys(0, T0);
    fd_site rec = FD_SITE_INIT;
    int64_t site = 0, id = 0;
    rec.code = "hotel", rec.name = "長沙大酒店", rec.time_zone = "Asia/Shanghai";
    fd_assert_ok(fd_store_site_add(&site, s, &boot, &rec));
    rec.name = "again";
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_ECONFLICT, "site.code: 'hotel' exists already");
    rec.code = "x", rec.name = "y", rec.time_zone = "Mars/Olympus";
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_EINVAL, "Mars/Olympus");
    rec.code = "a b", rec.time_zone = NULL;
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_EINVAL, "site.code");
    rec.code = "ok", rec.name = "tab\there";
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_EINVAL, "control character");
    rec.code = "abcdefghijklmnopqrstuvwxyz0123456789", rec.name = "y";
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_ERANGE, "at most 32");
    rec.code = "ok", rec.name = NULL;
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_EINVAL, "site.name: is required");
    fd_site *got = NULL;
    fd_assert_ok(fd_store_site_get_by_code(&got, s, "hotel"));
    cr_assert_str_eq(got->name, "長沙大酒店");
    cr_assert_str_eq(got->time_zone, "Asia/Shanghai");
    cr_assert_eq(got->created_at, T0);
    cr_assert_eq(got->created_by, 0);
    fd_site_free(got);
    fd_assert_ok(fd_store_site_default(&got, s));
    cr_assert_eq(got->id, site);
    fd_site_free(got);

    fd_actor a = sys(site, T0 + 60);
    int64_t clerk = add_staff(s, &a, "F001", "𠮷田花子", "clerk");
    /* Adding staff needs the manage grant: a clerk could otherwise add a supervisor and act as them. */
    fd_actor by_clerk = as_staff(site, clerk, T0 + 120);
    fd_staff five = FD_STAFF_INIT;
    five.code = "F002", five.name = "王五", five.role = "clerk";
    fd_assert_error(fd_store_staff_add(&id, s, &by_clerk, &five), FD_EPERM, "'manage' grant");
    fd_assert_ok(fd_store_grant_set(s, &a, "clerk", FD_GRANT_MANAGE, 1));
    by_clerk.grants = FD_GRANT_MANAGE;
    int64_t second = add_staff(s, &by_clerk, "F002", "王五", "clerk");
    fd_staff bad = FD_STAFF_INIT;
    bad.code = "F003", bad.name = "王五", bad.role = "Clerk";
    fd_assert_error(fd_store_staff_add(&id, s, &a, &bad), FD_EINVAL, "staff.role");
    fd_staff *st = NULL;
    fd_assert_ok(fd_store_staff_get_by_code(&st, s, &a, "F001"));
    cr_assert_str_eq(st->name, "𠮷田花子");
    cr_assert_eq(st->active, 1);
    cr_assert_eq(st->site_id, site);
    cr_assert_eq(st->created_at, T0 + 60);
    fd_staff_free(st);
    fd_assert_ok(fd_store_staff_get(&st, s, &a, second));
    cr_assert_eq(st->created_by, clerk, "who added them is recorded");
    cr_assert_eq(st->created_at, T0 + 120, "the actor's instant, not the clock");
    fd_staff_free(st);
    fd_assert_ok(fd_store_staff_set_active(s, &a, clerk, 0));
    fd_assert_ok(fd_store_staff_get_by_code(&st, s, &a, "F001"));
    cr_assert_eq(st->active, 0);
    fd_staff_free(st);
    fd_assert_error(fd_store_staff_set_active(s, &a, 999, 0), FD_ENOTFOUND, "staff 999");
    fd_assert_error(fd_store_staff_set_active(s, &a, second, 2), FD_EINVAL, "active");

    fd_date today;
    fd_assert_ok(fd_store_site_date(&today, s, site, 1795426200)); /* 2026-11-23 17:30 Shanghai */
    cr_assert_eq(today.day, 23);
    fd_assert_ok(fd_store_site_date(&today, s, site, 1795449600)); /* 2026-11-24 00:00 Shanghai */
    cr_assert_eq(today.day, 24);
    fd_assert_error(fd_store_site_date(&today, s, site, FD_INSTANT_MAX + 1), FD_ERANGE, "at");
    add_site(s, "b2", "二号楼");
    fd_assert_error(fd_store_site_default(&got, s), FD_ECONFLICT, "several sites");
    fd_store_close(s);
}

Test(store, actors_act_only_at_their_site_and_while_active_R_COM_1)
{
    fd_store *s = open_new("actors");
    int64_t a_site = add_site(s, "a", "甲"), b_site = add_site(s, "b", "乙");
    fd_actor a = sys(a_site, T0), b = sys(b_site, T0);
    int64_t alice = add_staff(s, &a, "A1", "王小丽", "clerk");
    int64_t bob = add_staff(s, &b, "B1", "李四", "clerk");
    fd_actor wrong = as_staff(a_site, bob, T0);
    fd_assert_error(journal(s, &wrong, "call", 1, "log", NULL), FD_EPERM, "staff 2 ('B1') belongs to site 2, not to site 1");
    fd_actor ghost = as_staff(a_site, 99, T0);
    fd_assert_error(journal(s, &ghost, "call", 1, "log", NULL), FD_ENOTFOUND, "actor.staff_id: no staff 99");
    fd_actor nosite = sys(42, T0);
    fd_assert_error(journal(s, &nosite, "call", 1, "log", NULL), FD_ENOTFOUND, "actor.site_id: no site 42");
    fd_actor late = as_staff(a_site, alice, FD_INSTANT_MAX + 1);
    fd_assert_error(journal(s, &late, "call", 1, "log", NULL), FD_ERANGE, "actor.at");
    fd_actor v = a;
    v.version = 7;
    fd_assert_error(journal(s, &v, "call", 1, "log", NULL), FD_EINVAL, "actor.version");
    v = a;
    v.grants = 0x80;
    fd_assert_error(journal(s, &v, "call", 1, "log", NULL), FD_EINVAL, "actor.grants");
    fd_assert_error(journal(s, NULL, "call", 1, "log", NULL), FD_EINVAL, "actor");
    fd_assert_ok(fd_store_staff_set_active(s, &a, alice, 0));
    fd_actor gone = as_staff(a_site, alice, T0);
    fd_assert_error(journal(s, &gone, "call", 1, "log", NULL), FD_EPERM, "is not active");
    fd_assert_error(fd_store_actor_check(s, &gone), FD_EPERM, "is not active");
    fd_assert_ok(fd_store_actor_check(s, &a));
    /* Nothing was written by the refused calls. */
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.match = FD_JOURNAL_MATCH_ENTITY;
    f.entity = "call";
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &a, &f));
    fd_assert_ok(fd_journal_iter_next(&e, it));
    cr_assert_null(e);
    fd_journal_iter_free(it);
    fd_store_close(s);
}

Test(store, grants_are_given_to_roles_by_managers_R_COM_2)
{
    fd_store *s = open_new("grants");
    int64_t site = add_site(s, "park", "园区");
    fd_actor a = sys(site, T0);
    int64_t clerk = add_staff(s, &a, "F001", "王小丽", "clerk");
    int64_t boss = add_staff(s, &a, "M001", "赵主管", "supervisor");
    int has = -1;
    fd_assert_ok(fd_store_grant_has(&has, s, site, "supervisor", FD_GRANT_REVEAL));
    cr_assert_eq(has, 0);
    fd_actor c = as_staff(site, clerk, T0);
    fd_assert_error(fd_store_grant_set(s, &c, "clerk", FD_GRANT_REVEAL, 1), FD_EPERM, "manage");
    fd_assert_ok(fd_store_grant_set(s, &a, "supervisor", FD_GRANT_REVEAL, 1));
    fd_assert_ok(fd_store_grant_set(s, &a, "supervisor", FD_GRANT_REVEAL, 1)); /* twice is fine */
    fd_assert_ok(fd_store_grant_set(s, &a, "supervisor", FD_GRANT_MANAGE, 1));
    fd_assert_ok(fd_store_grant_has(&has, s, site, "supervisor", FD_GRANT_REVEAL));
    cr_assert_eq(has, 1);
    fd_actor m = as_staff(site, boss, T0);
    m.grants = FD_GRANT_MANAGE;
    fd_assert_ok(fd_store_grant_set(s, &m, "clerk", FD_GRANT_REVEAL, 1));
    fd_assert_ok(fd_store_grant_set(s, &m, "clerk", FD_GRANT_REVEAL, 0));
    fd_assert_ok(fd_store_grant_has(&has, s, site, "clerk", FD_GRANT_REVEAL));
    cr_assert_eq(has, 0);
    fd_assert_error(fd_store_grant_set(s, &a, "Clerk", FD_GRANT_REVEAL, 1), FD_EINVAL, "role");
    fd_assert_error(fd_store_grant_set(s, &a, "clerk", (fd_grant)8, 1), FD_EINVAL, "grant: 8");
    fd_assert_error(fd_store_grant_has(&has, s, 77, "clerk", FD_GRANT_REVEAL), FD_ENOTFOUND, "site 77");
    cr_assert_str_eq(fd_grant_name(FD_GRANT_REVEAL), "reveal");
    cr_assert_null(fd_grant_name((fd_grant)0));
    /* A reveal needs the grant, a member of staff and a reason. */
    c.grants = FD_GRANT_REVEAL;
    c.reason = "回访核对";
    fd_assert_error(fd_store_actor_check(s, &c), FD_EPERM, "role 'clerk' holds no 'reveal' grant");
    fd_actor sysrev = a;
    sysrev.grants = FD_GRANT_REVEAL;
    sysrev.reason = "x";
    fd_assert_error(fd_store_actor_check(s, &sysrev), FD_EPERM, "the system has no role");
    m.grants = FD_GRANT_REVEAL;
    fd_assert_error(fd_store_actor_check(s, &m), FD_EINVAL, "actor.reason");
    m.reason = "客户投诉核实";
    fd_assert_ok(fd_store_actor_check(s, &m));
    fd_store_close(s);
}

/* Collects the details of the journal entries an actor sees for entity "call". */
static int call_details(fd_store *s, const fd_actor *a, char out[][128], int cap)
{
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.match = FD_JOURNAL_MATCH_ENTITY;
    f.entity = "call";
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    int n = 0;
    fd_assert_ok(fd_store_journal_query(&it, s, a, &f));
    while (fd_journal_iter_next(&e, it) == FD_OK && e && n < cap)
        snprintf(out[n++], 128, "%s", e->detail);
    fd_journal_iter_free(it);
    return n;
}

Test(store, personal_data_is_masked_unless_revealed_and_each_reveal_is_logged_R_COM_2)
{
    const char *path = fd_test_path("mask");
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    int64_t site = add_site(s, "park", "园区");
    fd_actor a = sys(site, T0);
    int64_t clerk = add_staff(s, &a, "F001", "王小丽", "clerk");
    int64_t boss = add_staff(s, &a, "M001", "赵主管", "supervisor");
    fd_assert_ok(fd_store_grant_set(s, &a, "supervisor", FD_GRANT_REVEAL, 1));
    fd_actor c = as_staff(site, clerk, T0 + 60);
    fd_assert_ok(journal(s, &c, "call", 1, "log", "张先生来电 13800138000 反映电梯故障"));
    fd_assert_ok(journal(s, &c, "call", 2, "log", "访客身份证 11010519491231002X 登记"));
    fd_assert_ok(journal(s, &c, "call", 3, "log", "无号码"));
    char got[8][128];
    cr_assert_eq(call_details(s, &c, got, 8), 3);
    cr_assert_null(strstr(got[0], "13800138000"), "phone in clear: %s", got[0]);
    cr_assert(strstr(got[0], "138****8000") != NULL, "%s", got[0]);
    cr_assert_null(strstr(got[1], "11010519491231002X"), "ID in clear: %s", got[1]);
    cr_assert(strstr(got[1], "110105********002X") != NULL, "%s", got[1]);
    cr_assert_str_eq(got[2], "无号码");

    /* The journal is never purged: its details are masked as they are written, and a reveal shows them
     * masked too (nothing to reveal, nothing logged); the file never holds the numbers. */
    fd_actor m = as_staff(site, boss, T0 + 120);
    m.grants = FD_GRANT_REVEAL;
    m.reason = "投诉核实";
    cr_assert_eq(call_details(s, &m, got, 8), 3);
    cr_assert(strstr(got[0], "138****8000") != NULL, "masked when written: %s", got[0]);
    cr_assert(strstr(got[1], "110105********002X") != NULL, "masked when written: %s", got[1]);
    /* What is personal in other records is revealed, each reveal logged: a staff name where names are masked. */
    fd_assert_ok(fd_store_policy_set(s, &a, "pii.mask_names", 1));
    fd_staff *named = NULL;
    fd_assert_ok(fd_store_staff_get(&named, s, &c, clerk));
    cr_assert_str_neq(named->name, "王小丽");
    fd_staff_free(named);
    fd_assert_ok(fd_store_staff_get(&named, s, &m, clerk));
    cr_assert_str_eq(named->name, "王小丽", "revealed");
    fd_staff_free(named);
    fd_assert_ok(fd_store_staff_get(&named, s, &m, boss));
    fd_staff_free(named);
    fd_assert_ok(fd_store_policy_set(s, &a, "pii.mask_names", 0));
    /* Two reveals logged (the journal had nothing to reveal). */
    fd_reveal_iter *it = NULL;
    const fd_reveal *r = NULL;
    fd_assert_ok(fd_store_reveal_query(&it, s, &a, NULL));
    int n = 0;
    while (fd_reveal_iter_next(&r, it) == FD_OK && r) {
        cr_assert_eq(r->staff_id, boss);
        cr_assert_eq(r->at, T0 + 120);
        cr_assert_str_eq(r->record, "staff");
        cr_assert_str_eq(r->field, "name");
        cr_assert_str_eq(r->reason, "投诉核实");
        n++;
    }
    fd_reveal_iter_free(it);
    cr_assert_eq(n, 2);
    sqlite3 *db;
    sqlite3_open(path, &db);
    cr_assert_neq(sqlite3_exec(db, "DELETE FROM reveals", NULL, NULL, NULL), SQLITE_OK, "the access log is append-only");
    cr_assert_neq(sqlite3_exec(db, "UPDATE reveals SET reason = ''", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    /* Names are masked only where the site's policy says so. */
    fd_staff *st = NULL;
    fd_assert_ok(fd_store_staff_get(&st, s, &c, clerk));
    cr_assert_str_eq(st->name, "王小丽");
    fd_staff_free(st);
    fd_assert_ok(fd_store_policy_set(s, &a, "pii.mask_names", 1));
    fd_assert_ok(fd_store_staff_get(&st, s, &c, clerk));
    cr_assert_str_neq(st->name, "王小丽");
    cr_assert(strncmp(st->name, "王", strlen("王")) == 0, "surname kept: %s", st->name);
    fd_staff_free(st);
    fd_assert_ok(fd_store_staff_get_by_code(&st, s, &m, "F001"));
    cr_assert_str_eq(st->name, "王小丽");
    fd_staff_free(st);
    fd_store_close(s);
}

Test(store, records_are_checked_as_pure_rules_naming_the_field)
{
    fd_staff st = FD_STAFF_INIT;
    fd_assert_error(fd_staff_check(&st), FD_EINVAL, "staff.code: is required");
    st.code = "F001";
    st.name = "王\x01小丽";
    st.role = "clerk";
    fd_assert_error(fd_staff_check(&st), FD_EINVAL, "staff.name: contains a control character");
    cr_assert_null(strstr(fd_error_last()->message, "小丽"), "a personal field is not echoed");
    st.name = "\xe7\x8e";
    fd_assert_error(fd_staff_check(&st), FD_EINVAL, "staff.name: not valid UTF-8");
    st.name = "王小丽";
    fd_assert_ok(fd_staff_check(&st));
    st.version = 0;
    fd_assert_error(fd_staff_check(&st), FD_EINVAL, "staff.version");
    fd_assert_error(fd_staff_check(NULL), FD_EINVAL, "staff");
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.action = "log", e.entity_id = -1;
    fd_assert_error(fd_journal_entry_check(&e), FD_ERANGE, "journal.entity_id");
    e.entity_id = 0;
    e.detail = "line one\nline two\ttab";
    fd_assert_ok(fd_journal_entry_check(&e));
    e.detail = "forged \x1b[2J";
    fd_assert_error(fd_journal_entry_check(&e), FD_EINVAL, "journal.detail: contains a control character (U+001B)");
    e.detail = "csi \xc2\x9b" "2J"; /* U+009B, the C1 control sequence introducer */
    fd_assert_error(fd_journal_entry_check(&e), FD_EINVAL, "(U+009B)");
    fd_site site = FD_SITE_INIT;
    site.code = "park";
    site.name = "园区\xe2\x80\xae反转"; /* U+202E, right-to-left override */
    fd_assert_error(fd_site_check(&site), FD_EINVAL, "site.name: '");
    cr_assert(strstr(fd_error_last()->message, "(U+202E)") != NULL, "%s", fd_error_last()->message);
    char big[4100];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    e.detail = big;
    fd_assert_error(fd_journal_entry_check(&e), FD_ERANGE, "at most 4000");
    fd_site_free(NULL);
    fd_staff_free(NULL);
}

/* A required text of white space only was not given, in every module's records (the record engine's check). */
Test(store, blank_required_text_is_refused_in_every_module_R_COM_1)
{
    fd_site site = FD_SITE_INIT;
    site.code = "park";
    site.name = " \xE3\x80\x80\t";
    fd_assert_error(fd_site_check(&site), FD_EINVAL, "site.name: is required (white space only given)");
    fd_staff st = FD_STAFF_INIT;
    st.code = "F001", st.name = "\xE3\x80\x80", st.role = "clerk";
    fd_assert_error(fd_staff_check(&st), FD_EINVAL, "staff.name: is required");
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = 1, o.name = "  ", o.role = "owner", o.move_in = (fd_date){ 2020, 1, 1 };
    fd_assert_error(fd_occupant_check(&o), FD_EINVAL, "occupant.name: is required");
    fd_message msg = FD_MESSAGE_INIT;
    msg.for_name = "物业办公室", msg.from_name = "李先生", msg.body = "\n\n";
    fd_assert_error(fd_message_check(&msg), FD_EINVAL, "message.body: is required");
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.action = "log", e.detail = " ";
    fd_assert_ok(fd_journal_entry_check(&e)); /* optional: blank is allowed */
    /* a list's codes are read with '-' for '_', and a refusal reads as English */
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_call_code_parse(&b, "disposition", "no-answer"));
    cr_assert_str_eq(b.ptr, "no_answer");
    fd_assert_error(fd_call_code_parse(&b, "apology", "sorry"), FD_EINVAL, "is not an apology (");
    fd_assert_error(fd_property_code_parse(&b, "role", "房东"), FD_EINVAL, "is not a role (");
    fd_buf_dispose(&b);
}

Test(store, journal_is_append_only_filterable_and_paged_R_COM_3)
{
    const char *path = fd_test_path("journal");
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    int64_t site = add_site(s, "park", "某某产业园");
    fd_actor a = sys(site, T0);
    int64_t clerk = add_staff(s, &a, "F001", "王小丽", "clerk");
    fd_actor c = as_staff(site, clerk, 0);
    for (int i = 1; i <= 150; i++) {
        fd_actor *who = i % 3 ? &c : &a;
        who->at = T0 + i * 60;
        fd_assert_ok(journal(s, who, "call", i, "log", "来电"));
    }
    fd_assert_error(journal(s, &a, "Call", 1, "log", NULL), FD_EINVAL, "journal.entity");
    fd_assert_error(journal(s, &a, "call", 1, "log", "\xc3"), FD_EINVAL, "journal.detail");

    /* Ranges on the instant, by entity. */
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.match = FD_JOURNAL_MATCH_AT_FROM | FD_JOURNAL_MATCH_AT_TO | FD_JOURNAL_MATCH_ENTITY;
    f.at_from = T0 + 2 * 60;
    f.at_to = T0 + 5 * 60;
    f.entity = "call";
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &a, &f));
    int64_t seen[200];
    int n = 0;
    while (fd_journal_iter_next(&e, it) == FD_OK && e)
        seen[n++] = e->entity_id;
    cr_assert_eq(n, 3);
    cr_assert(seen[0] == 2 && seen[2] == 4);
    fd_assert_ok(fd_journal_iter_next(&e, it)); /* stays at the end */
    cr_assert_null(e);
    fd_journal_iter_free(it);

    /* staff 0 = the system is a value to match, not "any". */
    fd_journal_filter sysf = FD_JOURNAL_FILTER_INIT;
    sysf.match = FD_JOURNAL_MATCH_STAFF_ID | FD_JOURNAL_MATCH_ENTITY;
    sysf.entity = "call";
    fd_assert_ok(fd_store_journal_query(&it, s, &a, &sysf));
    n = 0;
    while (fd_journal_iter_next(&e, it) == FD_OK && e) {
        cr_assert_eq(e->staff_id, 0);
        n++;
    }
    fd_journal_iter_free(it);
    cr_assert_eq(n, 50);

    /* Keyset paging over more than one internal page. */
    fd_journal_filter pf = FD_JOURNAL_FILTER_INIT;
    pf.match = FD_JOURNAL_MATCH_ENTITY;
    pf.entity = "call";
    pf.limit = 70;
    int64_t total = 0, last = 0;
    for (;;) {
        fd_assert_ok(fd_store_journal_query(&it, s, &a, &pf));
        int page = 0;
        while (fd_journal_iter_next(&e, it) == FD_OK && e) {
            cr_assert_gt(e->id, last);
            last = e->id;
            page++;
        }
        fd_journal_iter_free(it);
        total += page;
        if (page < 70)
            break;
        pf.after = last;
    }
    cr_assert_eq(total, 150);
    pf.limit = -1;
    fd_assert_error(fd_store_journal_query(&it, s, &a, &pf), FD_ERANGE, "filter.limit");
    pf.limit = 0;
    pf.match |= FD_JOURNAL_MATCH_ACTION;
    pf.action = NULL;
    fd_assert_error(fd_store_journal_query(&it, s, &a, &pf), FD_EINVAL, "filter.action");
    fd_assert_error(fd_store_journal_query(&it, s, NULL, NULL), FD_EINVAL, "actor: is required");

    /* One entry by id; another site's entries are not seen. */
    fd_journal_entry *one = NULL;
    fd_assert_ok(fd_store_journal_get(&one, s, &a, last));
    cr_assert_eq(one->entity_id, 150);
    fd_journal_entry_free(one);
    int64_t other = add_site(s, "b", "乙");
    fd_actor b = sys(other, T0);
    fd_assert_error(fd_store_journal_get(&one, s, &b, last), FD_ENOTFOUND, "at the actor's site");

    /* The database itself refuses to change the journal and the access log. */
    sqlite3 *db;
    sqlite3_open(path, &db);
    cr_assert_neq(sqlite3_exec(db, "DELETE FROM journal", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_neq(sqlite3_exec(db, "UPDATE journal SET detail = ''", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_neq(sqlite3_exec(db, "DELETE FROM sites", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    fd_store_close(s);
}

Test(store, names_are_found_by_pinyin_initials_and_traditional_through_the_index)
{
    fd_store *s = open_new("search");
    int64_t site = add_site(s, "hotel", "長沙大酒店");
    add_site(s, "park", "某某产业园");
    fd_actor a = sys(site, T0);
    add_staff(s, &a, "F001", "王小丽", "clerk");
    add_staff(s, &a, "F002", "𠮷田花子", "clerk");
    add_staff(s, &a, "F003", "单田芳", "clerk");
    const char *queries[] = { "wxl", "wangxiaoli", "小丽", "𠮷", "shan", "zz" };
    const int want[] = { 1, 1, 1, 1, 1, 0 };
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        fd_staff_filter f = FD_STAFF_FILTER_INIT;
        f.match = FD_STAFF_MATCH_SEARCH;
        f.search = queries[q];
        fd_staff_iter *it = NULL;
        const fd_staff *st = NULL;
        int n = 0;
        fd_assert_ok(fd_store_staff_query(&it, s, &a, &f));
        while (fd_staff_iter_next(&st, it) == FD_OK && st)
            n++;
        fd_staff_iter_free(it);
        cr_assert_eq(n, want[q], "query '%s' found %d", queries[q], n);
    }
    fd_site_filter sf = FD_SITE_FILTER_INIT;
    sf.match = FD_SITE_MATCH_SEARCH;
    sf.search = "长沙";
    fd_site_iter *it = NULL;
    const fd_site *site_rec = NULL;
    fd_assert_ok(fd_store_site_query(&it, s, NULL, &sf));
    fd_assert_ok(fd_site_iter_next(&site_rec, it));
    cr_assert_not_null(site_rec);
    cr_assert_str_eq(site_rec->code, "hotel");
    fd_assert_ok(fd_site_iter_next(&site_rec, it));
    cr_assert_null(site_rec);
    fd_site_iter_free(it);
    fd_store_close(s);
}

Test(store, iterator_outlives_its_store)
{
    fd_store *s = open_new("outlive");
    int64_t site = add_site(s, "park", "某某产业园");
    fd_actor a = sys(site, T0);
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &a, NULL));
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
    fd_assert_ok(fd_store_open(&s, path, NULL));
    int64_t site = add_site(s, "park", "某某产业园");
    fd_store_close(s);
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.read_only = 1;
    fd_assert_ok(fd_store_open(&s, path, &o));
    fd_actor boot = sys(0, T0), a = sys(site, T0);
    fd_site rec = FD_SITE_INIT;
    rec.code = "b", rec.name = "c";
    int64_t id;
    fd_assert_error(fd_store_site_add(&id, s, &boot, &rec), FD_EPERM, "read-only");
    fd_assert_error(journal(s, &a, "call", 0, "log", NULL), FD_EPERM, "read-only");
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
    fd_assert_ok(fd_store_open(&s, path, NULL));
    int64_t site = add_site(s, "park", "某某产业园");
    fd_store_close(s);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        fd_store *w = NULL;
        if (fd_store_open(&w, path, NULL) != FD_OK)
            _exit(1);
        fd_actor a = sys(site, T0);
        for (int64_t i = 1;; i++) {
            journal(w, &a, "call", i, "log", "committed");
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
    f.match = FD_JOURNAL_MATCH_ENTITY;
    f.entity = "call";
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    int64_t n = 0, last = 0;
    fd_actor a = sys(site, T0);
    fd_assert_ok(fd_store_journal_query(&it, s, &a, &f));
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

Test(store, deprecated_names_still_work_for_one_release)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    fd_store *s = open_new("deprecated");
    int64_t site = 0, clerk = 0, id = 0;
    fd_assert_ok(fd_store_add_site(&site, s, "park", "园区", NULL));
    fd_assert_ok(fd_store_add_staff(&clerk, s, site, "F001", "王小丽", "clerk"));
    fd_assert_ok(fd_store_journal_append(&id, s, T0, site, clerk, "call", 1, "log", "来电"));
    /* Policy changes now need the manage grant (or the system): a clerk is refused. */
    fd_assert_error(fd_store_set_policy(s, site, "call.max_rings", 4, clerk), FD_EPERM, "manage");
    fd_assert_ok(fd_store_set_policy(s, site, "call.max_rings", 4, 0));
    fd_policy *p = NULL;
    int64_t v = 0;
    fd_assert_ok(fd_store_load_policy(&p, s, site));
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 4);
    fd_policy_free(p);
    fd_assert_ok(fd_store_reset_policy(s, site, "call.max_rings", 0));
    fd_assert_ok(fd_store_set_staff_active(s, clerk, 0, 0));
    fd_assert_error(fd_store_set_staff_active(s, 99, 0, 0), FD_ENOTFOUND, "staff 99");
    fd_store_close(s);
#pragma GCC diagnostic pop
}

/* A database written by 0.1.0 (schema 1) is migrated: its names become searchable. */
Test(store, schema_1_database_is_migrated_with_search_keys_backfilled)
{
    const char *path = fd_test_path("v1");
    char sqlpath[4096], *sql = NULL;
    snprintf(sqlpath, sizeof sqlpath, "%s/libfrontdesk/sql/0001_init.sql", FD_SOURCE_DIR);
    FILE *f = fopen(sqlpath, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    sql = calloc(1, (size_t)n + 1);
    cr_assert_eq(fread(sql, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    sqlite3 *db;
    sqlite3_open(path, &db);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 1;"
                                  "INSERT INTO sites (code, name, created_at) VALUES ('park', '某某产业园', 0);"
                                  "INSERT INTO staff (site_id, code, name, role, created_at) "
                                  "VALUES (1, 'F001', '欧阳晓峰', 'clerk', 0);",
                                  NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    free(sql);
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, path, NULL));
    int v = 0;
    fd_assert_ok(fd_store_schema_version(&v, s));
    cr_assert_eq(v, fd_store_schema_latest());
    fd_actor a = sys(1, T0);
    fd_staff_filter sf = FD_STAFF_FILTER_INIT;
    sf.match = FD_STAFF_MATCH_SEARCH;
    sf.search = "oyxf";
    fd_staff_iter *it = NULL;
    const fd_staff *st = NULL;
    fd_assert_ok(fd_store_staff_query(&it, s, &a, &sf));
    fd_assert_ok(fd_staff_iter_next(&st, it));
    cr_assert_not_null(st, "the old row got its search keys");
    cr_assert_str_eq(st->code, "F001");
    cr_assert_eq(st->created_by, 0);
    fd_staff_iter_free(it);
    fd_store_close(s);
}

/* R-COM-2: a new site database (and its WAL files) can be read by its owner only. */
Test(store, new_database_files_are_private_R_COM_2)
{
    const char *path = fd_test_path("mode");
    fd_store *s = NULL;
    mode_t old = umask(022);
    fd_assert_ok(fd_store_open(&s, path, NULL));
    add_site(s, "park", "园区");
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    cr_assert_eq(stat(wal, &st), 0);
    cr_assert_eq(st.st_mode & 0077, 0, "wal mode %o", st.st_mode & 0777);
    fd_store_close(s);
    umask(old);
}

/* The actor check is cached inside a transaction; a change to staff or grants, or a rollback, undoes it. */
Test(store, cached_actor_checks_follow_deactivation_grants_and_rollback_R_COM_1)
{
    fd_store *s = open_new("actor-cache");
    int64_t site = add_site(s, "park", "园区");
    fd_actor a = sys(site, T0);
    int64_t boss = add_staff(s, &a, "M001", "赵主管", "supervisor");
    fd_actor m = as_staff(site, boss, T0);
    fd_assert_ok(fd_store_begin(s));
    fd_assert_ok(journal(s, &m, "call", 1, "log", NULL));
    fd_assert_ok(journal(s, &m, "call", 2, "log", NULL)); /* cached */
    fd_assert_ok(fd_store_grant_set(s, &a, "supervisor", FD_GRANT_REVEAL, 1));
    fd_actor r = m;
    r.grants = FD_GRANT_REVEAL;
    r.reason = "核对";
    fd_assert_ok(fd_store_actor_check(s, &r));
    fd_assert_ok(fd_store_rollback(s));
    fd_assert_error(fd_store_actor_check(s, &r), FD_EPERM, "holds no 'reveal' grant");
    fd_assert_ok(fd_store_begin(s));
    fd_assert_ok(journal(s, &m, "call", 3, "log", NULL));
    fd_assert_ok(fd_store_staff_set_active(s, &a, boss, 0));
    fd_assert_error(journal(s, &m, "call", 4, "log", NULL), FD_EPERM, "is not active");
    fd_assert_ok(fd_store_commit(s));
    /* Another connection's change is seen too (the data version moves). */
    const char *path = fd_test_path("actor-cache2");
    fd_store *x = NULL, *y = NULL;
    fd_assert_ok(fd_store_open(&x, path, NULL));
    int64_t site2 = add_site(x, "b", "乙");
    fd_actor a2 = sys(site2, T0);
    int64_t clerk = add_staff(x, &a2, "F001", "王小丽", "clerk");
    fd_actor c2 = as_staff(site2, clerk, T0);
    fd_assert_ok(journal(x, &c2, "call", 1, "log", NULL));
    fd_assert_ok(fd_store_open(&y, path, NULL));
    fd_assert_ok(fd_store_staff_set_active(y, &a2, clerk, 0));
    fd_assert_error(journal(x, &c2, "call", 2, "log", NULL), FD_EPERM, "is not active");
    fd_store_close(y);
    fd_store_close(x);
    fd_store_close(s);
}

/* R-COM-2: a filter on a value the actor may not see would reveal it one guess at a time;
 * a reveal inside a transaction could be rolled back after the data was shown. */
Test(store, filters_on_personal_data_and_reveals_in_transactions_are_refused_R_COM_2)
{
    fd_store *s = open_new("oracle");
    int64_t site = add_site(s, "park", "园区");
    fd_actor a = sys(site, T0);
    int64_t boss = add_staff(s, &a, "M001", "赵主管", "supervisor");
    fd_assert_ok(fd_store_grant_set(s, &a, "supervisor", FD_GRANT_REVEAL, 1));
    fd_assert_ok(fd_store_policy_set(s, &a, "pii.mask_names", 1));
    fd_staff_filter f = FD_STAFF_FILTER_INIT;
    f.match = FD_STAFF_MATCH_NAME;
    f.name = "赵主管";
    fd_staff_iter *it = NULL;
    fd_assert_error(fd_store_staff_query(&it, s, &a, &f), FD_EPERM, "filter.name");
    f.match = FD_STAFF_MATCH_SEARCH;
    f.search = "zzg";
    fd_assert_error(fd_store_staff_query(&it, s, &a, &f), FD_EPERM, "filter.search");
    fd_actor m = as_staff(site, boss, T0);
    m.grants = FD_GRANT_REVEAL;
    m.reason = "核对";
    fd_assert_ok(fd_store_staff_query(&it, s, &m, &f));
    const fd_staff *st = NULL;
    fd_assert_ok(fd_staff_iter_next(&st, it));
    cr_assert_not_null(st);
    cr_assert_str_eq(st->name, "赵主管");
    fd_staff_iter_free(it);
    /* Where names are shown, they may be searched without a grant. */
    fd_assert_ok(fd_store_policy_set(s, &a, "pii.mask_names", 0));
    fd_assert_ok(fd_store_staff_query(&it, s, &a, &f));
    fd_staff_iter_free(it);
    fd_assert_ok(journal(s, &a, "call", 1, "log", "来电 13800138000"));
    fd_assert_ok(fd_store_begin(s));
    fd_journal_iter *ji = NULL;
    fd_assert_error(fd_store_journal_query(&ji, s, &m, NULL), FD_ESTATE, "outside a transaction");
    fd_assert_ok(fd_store_rollback(s));
    fd_store_close(s);
}
