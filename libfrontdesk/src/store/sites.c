/* Sites and staff (R-COM-1), written and read through the record engine. */
#include "store/record.h"
#include "store/store_records.h"

#include <string.h>

static const char SQL_SITE_BY_CODE[] = "SELECT id FROM sites WHERE code = ?1";
static const char SQL_SITE_FIRST_TWO[] = "SELECT id FROM sites ORDER BY id LIMIT 2";
static const char SQL_STAFF_BY_CODE[] = "SELECT id FROM staff WHERE site_id = ?1 AND code = ?2";
static const char SQL_STAFF_SITE[] = "SELECT site_id FROM staff WHERE id = ?1";
static const char SQL_STAFF_SET_ACTIVE[] = "UPDATE staff SET active = ?2 WHERE id = ?1";

/* Runs a cached "SELECT id ..." and collects up to @cap ids into @ids; *n gets the count. */
static fd_status select_ids(fd_store *s, const char *fn, sqlite3_stmt *st, int64_t *ids, int cap, int *n)
{
    int src;
    *n = 0;
    while ((src = sqlite3_step(st)) == SQLITE_ROW)
        if (*n < cap)
            ids[(*n)++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "looking up ids");
}

/* The site of member of staff @staff_id; FD_ENOTFOUND (no message) when there is none. */
static fd_status staff_site(fd_store *s, const char *fn, int64_t staff_id, int64_t *site)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_STAFF_SITE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, staff_id);
    int n;
    fd_status rc = select_ids(s, fn, st, site, 1, &n);
    return rc ? rc : n ? FD_OK : FD_ENOTFOUND;
}

fd_status fd_store_site_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_site *site)
{
    static const char fn[] = "fd_store_site_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "actor", actor);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_site, fn, site);
    if (rc)
        return rc;
    /* The first site has no site to act at: the system may act from site 0. */
    fd_actor a = *actor;
    if (a.site_id == 0 && a.staff_id == 0) {
        if (a.version != FD_ACTOR_VERSION)
            return fd__error(FD_EINVAL, "%s: actor.version: %u, this library knows %d", fn, a.version,
                             FD_ACTOR_VERSION);
        if ((rc = fd__check_instant(fn, "actor.at", a.at)) != FD_OK)
            return rc;
    } else if ((rc = fd__actor_check(store, fn, &a, NULL)) != FD_OK) {
        return rc;
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_site, site, &a);
    /* Journaled where the actor acts: at the new site for the system bootstrapping
     * it, at their own site for staff (never staff of one site on another's journal). */
    if (rc == FD_OK)
        rc = fd__journal(store, fn, &a, a.site_id ? a.site_id : id, "site", id, "add", site->name);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_site_get_by_code(fd_site **out, fd_store *store, const char *code)
{
    static const char fn[] = "fd_store_site_get_by_code";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "code", code, 0, true);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_SITE_BY_CODE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    int64_t id;
    int n;
    if ((rc = select_ids(store, fn, st, &id, 1, &n)) != FD_OK)
        return rc;
    if (n == 0)
        return fd__error(FD_ENOTFOUND, "%s: code: no site '%.64s'", fn, code);
    return fd__record_get((void **)out, store, fn, &fd__record_site, NULL, id);
}

fd_status fd_store_site_default(fd_site **out, fd_store *store)
{
    static const char fn[] = "fd_store_site_default";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_SITE_FIRST_TWO);
    if (st == NULL)
        return fd_error_last()->code;
    int64_t ids[2];
    int n;
    if ((rc = select_ids(store, fn, st, ids, 2, &n)) != FD_OK)
        return rc;
    if (n == 0)
        return fd__error(FD_ENOTFOUND, "%s: store: the database has no site yet (add one first)", fn);
    if (n > 1)
        return fd__error(FD_ECONFLICT, "%s: store: the database has several sites, name one", fn);
    return fd__record_get((void **)out, store, fn, &fd__record_site, NULL, ids[0]);
}

fd_status fd_store_site_date(fd_date *out, fd_store *store, int64_t site_id, int64_t at)
{
    static const char fn[] = "fd_store_site_date";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "at", at);
    if (rc)
        return rc;
    fd_site *site = NULL;
    if ((rc = fd_store_site_get(&site, store, NULL, site_id)) != FD_OK) {
        /* Name the function called, not the lookup inside it (issue 16). */
        if (rc == FD_ENOTFOUND)
            return fd__error(rc, "%s: site_id: no site %lld", fn, (long long)site_id);
        return fd__error_context(rc, "%s: site_id %lld", fn, (long long)site_id);
    }
    fd__zone *zone = fd__zone_open(fn, "site.time_zone", site->time_zone);
    fd_site_free(site);
    if (zone == NULL)
        return fd_error_last()->code;
    fd_local_time t;
    rc = fd__zone_local(zone, fn, at, &t);
    fd__zone_close(zone);
    if (rc == FD_OK)
        *out = t.date;
    return rc;
}

fd_status fd_store_staff_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_staff *staff)
{
    static const char fn[] = "fd_store_staff_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_staff, fn, staff);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor); /* a clerk may not add a supervisor and act as them */
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_staff, staff, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "staff", id, "add", staff->code);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_staff_get_by_code(fd_staff **out, fd_store *store, const fd_actor *actor, const char *code)
{
    static const char fn[] = "fd_store_staff_get_by_code";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "code", code, 0, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_STAFF_BY_CODE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    int64_t id;
    int n;
    if ((rc = select_ids(store, fn, st, &id, 1, &n)) != FD_OK)
        return rc;
    if (n == 0)
        return fd__error(FD_ENOTFOUND, "%s: code: no staff '%.64s' at site %lld", fn, code,
                         (long long)actor->site_id);
    return fd__record_get((void **)out, store, fn, &fd__record_staff, actor, id);
}

fd_status fd_store_staff_set_active(fd_store *store, const fd_actor *actor, int64_t staff_id, int active)
{
    static const char fn[] = "fd_store_staff_set_active";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && active != 0 && active != 1)
        rc = fd__error(FD_EINVAL, "%s: active: %d, must be 0 or 1", fn, active);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc)
        return rc;
    int64_t site = 0;
    if ((rc = staff_site(store, fn, staff_id, &site)) != FD_OK && rc != FD_ENOTFOUND)
        return rc;
    if (rc == FD_ENOTFOUND || site != actor->site_id)
        return fd__error(FD_ENOTFOUND, "%s: staff_id: no staff %lld at site %lld", fn, (long long)staff_id,
                         (long long)actor->site_id);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_STAFF_SET_ACTIVE);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, staff_id);
        sqlite3_bind_int(st, 2, active);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "updating staff");
    }
    fd__actor_forget(store);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "staff", staff_id, active ? "activate" : "deactivate",
                         NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- deprecated names (one release) ---------------------------------------- */

fd_status fd_store_add_site(int64_t *out_id, fd_store *store, const char *code, const char *name,
                            const char *time_zone)
{
    fd_actor a = fd__legacy_actor(0, 0);
    fd_site s = FD_SITE_INIT;
    s.code = code;
    s.name = name;
    s.time_zone = time_zone;
    return fd_store_site_add(out_id, store, &a, &s);
}

fd_status fd_store_add_staff(int64_t *out_id, fd_store *store, int64_t site_id, const char *code, const char *name,
                             const char *role)
{
    fd_actor a = fd__legacy_actor(site_id, 0);
    fd_staff s = FD_STAFF_INIT;
    s.code = code;
    s.name = name;
    s.role = role;
    return fd_store_staff_add(out_id, store, &a, &s);
}

fd_status fd_store_set_staff_active(fd_store *store, int64_t staff_id, int active, int64_t by_staff_id)
{
    static const char fn[] = "fd_store_set_staff_active";
    fd_status rc = fd__check_ptr(fn, "store", store);
    int64_t site = 0;
    if (rc == FD_OK)
        rc = staff_site(store, fn, staff_id, &site);
    if (rc == FD_ENOTFOUND)
        return fd__error(FD_ENOTFOUND, "%s: staff_id: no staff %lld", fn, (long long)staff_id);
    if (rc)
        return rc;
    fd_actor a = fd__legacy_actor(site, by_staff_id);
    return fd_store_staff_set_active(store, &a, staff_id, active);
}
