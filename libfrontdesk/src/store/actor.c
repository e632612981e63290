/*
 * Actors (R-COM-1: who, where, when) and grants (R-COM-2: personal data only
 * with a permission the site gives), and the access log of reveals.
 */
#include "store/record.h"
#include "store/store_records.h"

#include <stdio.h>
#include <string.h>

static const char SQL_SITE_EXISTS[] = "SELECT 1 FROM sites WHERE id = ?1";
static const char SQL_ACTOR_STAFF[] = "SELECT site_id, active, role, code FROM staff WHERE id = ?1";
static const char SQL_GRANT_HAS[] =
    "SELECT 1 FROM role_grants WHERE site_id = ?1 AND role = ?2 AND grant_name = ?3";
static const char SQL_GRANT_GIVE[] =
    "INSERT OR IGNORE INTO role_grants (site_id, role, grant_name, granted_at, granted_by) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_GRANT_TAKE[] = "DELETE FROM role_grants WHERE site_id = ?1 AND role = ?2 AND grant_name = ?3";

#define FD__GRANTS_ALL (FD_GRANT_REVEAL | FD_GRANT_MANAGE)

const char *fd_grant_name(fd_grant grant)
{
    switch (grant) {
    case FD_GRANT_REVEAL: return "reveal";
    case FD_GRANT_MANAGE: return "manage";
    }
    return NULL;
}

fd_status fd_actor_init(fd_actor *actor, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_actor_init", "actor", actor);
    if (rc)
        return rc;
    if (version != FD_ACTOR_VERSION)
        return fd__error(FD_EINVAL, "fd_actor_init: version: %u, this library knows %d", version, FD_ACTOR_VERSION);
    fd_actor init = FD_ACTOR_INIT;
    *actor = init;
    return FD_OK;
}

fd_actor fd__legacy_actor(int64_t site_id, int64_t staff_id)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site_id;
    a.staff_id = staff_id;
    a.at = fd__now();
    return a;
}

/* 1 when @role holds @grant at @site, 0 when not, negative on error. */
static int role_has(fd_store *s, const char *fn, int64_t site, const char *role, fd_grant grant)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_GRANT_HAS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, fd_grant_name(grant), -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_ROW)
        return 1;
    return src == SQLITE_DONE ? 0 : fd__store_sqlerr(s, fn, src, "reading grants");
}

fd_status fd__store_site_exists(fd_store *s, const char *fn, const char *field, int64_t site)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_SITE_EXISTS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: %s: no site %lld", fn, field, (long long)site);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "reading sites");
}

/* The first two columns, instants, into ((int64_t *)ctx)[0..1]. */
static fd_status read_two_instants(sqlite3_stmt *st, void *ctx)
{
    int64_t *out = ctx;
    out[0] = sqlite3_column_int64(st, 0);
    out[1] = sqlite3_column_int64(st, 1);
    return FD_OK;
}

fd_status fd__store_mark_once(fd_store *s, const char *fn, const fd_actor *actor, const fd__mark *m, int64_t id,
                              const char *detail)
{
    int64_t at[2]; /* marked, created */
    fd_status rc = fd__store_load(s, fn, m->sql_state, id, actor->site_id, m->field, m->what, read_two_instants, at);
    if (rc)
        return rc;
    int64_t marked = at[0], created = at[1];
    if (marked) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, s, fn, actor->site_id, marked, 0);
        return fd__error(FD_ESTATE, "%s: %s: %s %lld was %s already, at %s", fn, m->field, m->what, (long long)id,
                         m->done, when);
    }
    rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, created, m->since);
    bool sp;
    if (rc == FD_OK)
        rc = fd__store_write_begin(s, fn, &sp);
    if (rc)
        return rc;
    int changed = 0;
    sqlite3_stmt *st = fd__store_stmt(s, fn, m->sql_set);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, actor->at);
        if (actor->staff_id && sqlite3_bind_parameter_count(st) >= 3)
            sqlite3_bind_int64(st, 3, actor->staff_id);
        rc = fd__stmt_done(s, fn, st, "marking the row", &changed);
    }
    /* Another writer may have marked it between the read and this write. */
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: %s: %s %lld was %s meanwhile", fn, m->field, m->what, (long long)id, m->done);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, m->entity, id, m->action, detail);
    return fd__store_write_end(s, fn, sp, rc);
}

void fd__actor_forget(fd_store *s)
{
    s->actor_cache.valid = false;
}

unsigned int fd__store_data_version(fd_store *s)
{
    unsigned int v = 0;
    if (sqlite3_file_control(s->db, "main", SQLITE_FCNTL_DATA_VERSION, &v) != SQLITE_OK)
        return 0;
    return v;
}

void fd__store_forget(fd_store *s)
{
    s->actor_cache.valid = false;
    s->head.valid = false;
    fd_policy_free(s->policy_cache.policy);
    s->policy_cache.policy = NULL;
    fd__visitors_forget(s);
}

/* The checks that read no table: a reveal's reason. Fills @info. */
static fd_status finish(const char *fn, const fd_actor *a, fd__actor_info *me, fd__actor_info *info)
{
    if (a->grants & FD_GRANT_REVEAL) {
        if (a->reason == NULL || a->reason[0] == '\0')
            return fd__error(FD_EINVAL, "%s: actor.reason: a reveal of personal data needs a reason (R-COM-2)", fn);
        /* The reason may hold personal data: never quoted in a message. */
        size_t len = strlen(a->reason);
        if (!fd__utf8_valid(a->reason, len))
            return fd__error(FD_EINVAL, "%s: actor.reason: not valid UTF-8", fn);
        if (len > 500)
            return fd__error(FD_ERANGE, "%s: actor.reason: %zu bytes, at most 500 allowed", fn, len);
        me->reveal = true;
    }
    if (info)
        *info = *me;
    return FD_OK;
}

fd_status fd__actor_check(fd_store *s, const char *fn, const fd_actor *a, fd__actor_info *info)
{
    fd_status rc = fd__check_ptr(fn, "actor", a);
    if (rc)
        return rc;
    if (a->version != FD_ACTOR_VERSION)
        return fd__error(FD_EINVAL, "%s: actor.version: %u, this library knows %d (use FD_ACTOR_INIT)", fn,
                         a->version, FD_ACTOR_VERSION);
    if ((rc = fd__check_instant(fn, "actor.at", a->at)) != FD_OK)
        return rc;
    if (a->site_id <= 0)
        return fd__error(FD_EINVAL, "%s: actor.site_id: %lld is not a site id", fn, (long long)a->site_id);
    if (a->staff_id < 0)
        return fd__error(FD_EINVAL, "%s: actor.staff_id: %lld is not a staff id (0 = the system)", fn,
                         (long long)a->staff_id);
    if (a->grants & ~(unsigned int)FD__GRANTS_ALL)
        return fd__error(FD_EINVAL, "%s: actor.grants: 0x%x has bits that are not grants", fn, a->grants);
    fd__actor_info me = { "", false };
    unsigned int version = fd__store_data_version(s);
    if (s->actor_cache.valid && s->actor_cache.site_id == a->site_id && s->actor_cache.staff_id == a->staff_id &&
        s->actor_cache.grants == a->grants && s->actor_cache.data_version == version && version != 0) {
        memcpy(me.role, s->actor_cache.role, sizeof me.role);
        return finish(fn, a, &me, info);
    }
    s->actor_cache.valid = false;
    if ((rc = fd__store_site_exists(s, fn, "actor.site_id", a->site_id)) != FD_OK)
        return rc;
    if (a->staff_id > 0) {
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_ACTOR_STAFF);
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, a->staff_id);
        int src = sqlite3_step(st);
        int64_t site = 0;
        int active = 0;
        char code[FD_CODE_MAX + 1] = "";
        if (src == SQLITE_ROW) {
            site = sqlite3_column_int64(st, 0);
            active = sqlite3_column_int(st, 1);
            fd__copy_fixed(me.role, sizeof me.role, (const char *)sqlite3_column_text(st, 2));
            fd__copy_fixed(code, sizeof code, (const char *)sqlite3_column_text(st, 3));
        }
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            return fd__error(FD_ENOTFOUND, "%s: actor.staff_id: no staff %lld", fn, (long long)a->staff_id);
        if (src != SQLITE_ROW)
            return fd__store_sqlerr(s, fn, src, "reading staff");
        if (site != a->site_id)
            return fd__error(FD_EPERM, "%s: actor: staff %lld ('%s') belongs to site %lld, not to site %lld", fn,
                             (long long)a->staff_id, code, (long long)site, (long long)a->site_id);
        if (!active)
            return fd__error(FD_EPERM, "%s: actor: staff %lld ('%s') of site %lld is not active", fn,
                             (long long)a->staff_id, code, (long long)site);
    }
    for (unsigned int g = 1; g <= FD_GRANT_MANAGE; g <<= 1) {
        if (!(a->grants & g))
            continue;
        if (a->staff_id == 0 && g == FD_GRANT_MANAGE)
            continue; /* the system manages its own site */
        if (a->staff_id == 0)
            return fd__error(FD_EPERM, "%s: actor.grants: the system has no role; a %s needs a member of staff", fn,
                             fd_grant_name((fd_grant)g));
        int has = role_has(s, fn, a->site_id, me.role, (fd_grant)g);
        if (has < 0)
            return has;
        if (!has)
            return fd__error(FD_EPERM, "%s: actor.grants: role '%s' holds no '%s' grant at site %lld", fn, me.role,
                             fd_grant_name((fd_grant)g), (long long)a->site_id);
    }
    s->actor_cache.valid = true;
    s->actor_cache.site_id = a->site_id;
    s->actor_cache.staff_id = a->staff_id;
    s->actor_cache.grants = a->grants;
    s->actor_cache.data_version = version;
    memcpy(s->actor_cache.role, me.role, sizeof me.role);
    return finish(fn, a, &me, info);
}

fd_status fd__actor_require_manage(const char *fn, const fd_actor *actor)
{
    if (actor->staff_id != 0 && !(actor->grants & FD_GRANT_MANAGE))
        return fd__error(FD_EPERM, "%s: actor.grants: this needs the 'manage' grant: the actor (staff %lld) does not carry it "
                         "(a supervisor's actor is given FD_GRANT_MANAGE, as the staff's role allows)", fn,
                         (long long)actor->staff_id);
    return FD_OK;
}

fd_status fd_store_actor_check(fd_store *store, const fd_actor *actor)
{
    fd_status rc = fd__check_ptr("fd_store_actor_check", "store", store);
    return rc ? rc : fd__actor_check(store, "fd_store_actor_check", actor, NULL);
}

fd_status fd__reveal_log(fd_store *s, const char *fn, const fd_actor *actor, const char *record, int64_t record_id,
                         const char *field)
{
    fd_reveal r = FD_REVEAL_INIT;
    r.record = record;
    r.record_id = record_id;
    r.field = field;
    r.reason = actor->reason;
    return fd__record_insert(NULL, s, fn, &fd__record_reveal, &r, actor);
}

static fd_status check_grant_args(const char *fn, const char *role, fd_grant grant)
{
    fd_status rc = fd__check_code(fn, "role", role, true);
    if (rc == FD_OK && fd_grant_name(grant) == NULL)
        rc = fd__error(FD_EINVAL, "%s: grant: %d is not a grant", fn, (int)grant);
    return rc;
}

fd_status fd_store_grant_set(fd_store *store, const fd_actor *actor, const char *role, fd_grant grant, int on)
{
    static const char fn[] = "fd_store_grant_set";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = check_grant_args(fn, role, grant);
    if (rc == FD_OK && on != 0 && on != 1)
        rc = fd__error(FD_EINVAL, "%s: on: %d, must be 0 or 1", fn, on);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    if ((rc = fd__actor_require_manage(fn, actor)) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, on ? SQL_GRANT_GIVE : SQL_GRANT_TAKE);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, fd_grant_name(grant), -1, SQLITE_STATIC);
        if (on) {
            sqlite3_bind_int64(st, 4, actor->at);
            if (actor->staff_id)
                sqlite3_bind_int64(st, 5, actor->staff_id);
        }
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "writing the grant");
    }
    fd__actor_forget(store);
    char detail[FD_CODE_MAX + 16];
    snprintf(detail, sizeof detail, "%s: %s", role, fd_grant_name(grant));
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "grant", 0, on ? "give" : "take", detail);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_grant_has(int *out, fd_store *store, int64_t site_id, const char *role, fd_grant grant)
{
    static const char fn[] = "fd_store_grant_has";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = check_grant_args(fn, role, grant);
    if (rc == FD_OK)
        rc = fd__store_site_exists(store, fn, "site_id", site_id);
    if (rc)
        return rc;
    int has = role_has(store, fn, site_id, role, grant);
    if (has < 0)
        return has;
    *out = has;
    return FD_OK;
}

fd_status fd__period_check(fd_store *s, const char *fn, const void *out, const fd_actor *actor, int64_t from,
                           int64_t to)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", s);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "from", from);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "to", to);
    if (rc == FD_OK && to < from) {
        char d[FD__DURATION_MAX];
        fd__duration_words(d, from - to);
        rc = fd__error(FD_EINVAL, "%s: to: %s before from: the period ends before it starts", fn, d);
    }
    return rc ? rc : fd__actor_check(s, fn, actor, NULL);
}

fd_status fd__misses_query(fd__iter **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                           int64_t from, int64_t to, int64_t after, int64_t limit, const char *sql)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = fd__period_check(s, fn, out, actor, from, to)) != FD_OK)
        return rc;
    if (to <= from)
        return fd__error(FD_ERANGE, "%s: to: not after from: the period is [from, to)", fn);
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    char a[4][24];
    snprintf(a[0], sizeof a[0], "%lld", (long long)from);
    snprintf(a[1], sizeof a[1], "%lld", (long long)to);
    snprintf(a[2], sizeof a[2], "%lld", (long long)actor->at);
    snprintf(a[3], sizeof a[3], "%lld", (long long)after);
    const char *args[] = { a[0], a[1], a[2], a[3] };
    return fd__record_query_sql(out, s, fn, r, actor, sql, args, 4, limit);
}

fd_status fd__coverage_counts(int64_t counts[4], int64_t *target_pct, fd_store *s, const char *fn, const void *out,
                              const fd_actor *actor, int64_t from, int64_t to, const char *key, const char *sql,
                              const char *what)
{
    fd_status rc = fd__period_check(s, fn, out, actor, from, to);
    if (rc == FD_OK && to <= from)
        rc = fd__error(FD_ERANGE, "%s: to: not after from: the period is [from, to)", fn);
    const fd_policy *policy = NULL;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, s, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd_policy_get(target_pct, policy, key);
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(s, fn, sql) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_int64(st, 2, from);
    sqlite3_bind_int64(st, 3, to);
    sqlite3_bind_int64(st, 4, actor->at);
    int src = sqlite3_step(st);
    for (int i = 0; i < 4; i++)
        counts[i] = src == SQLITE_ROW ? sqlite3_column_int64(st, i) : 0;
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, what);
}
