/* Per-site policy overrides, stored and journaled. */
#include "store/record.h"

#include <stdio.h>

static const char *const SQL_POLICY_LOAD = "SELECT key, value, unit FROM policy WHERE site_id = ?1";
/* A deadline key's row holds its unit (0004_policy_units.sql); NULL for a plain key. */
static const char *const SQL_POLICY_UPSERT =
    "INSERT INTO policy (site_id, key, value, updated_at, updated_by, unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (site_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by, unit = excluded.unit";
static const char *const SQL_POLICY_DELETE = "DELETE FROM policy WHERE site_id = ?1 AND key = ?2";

fd_status fd_store_policy_load(fd_policy **out, fd_store *store, int64_t site_id)
{
    static const char fn[] = "fd_store_policy_load";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__store_site_exists(store, fn, "site_id", site_id); /* rows of a missing site would be useless */
    if (rc)
        return rc;
    fd_policy *p = NULL;
    if ((rc = fd_policy_new(&p)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_POLICY_LOAD);
    if (st == NULL) {
        fd_policy_free(p);
        return fd_error_last()->code;
    }
    sqlite3_bind_int64(st, 1, site_id);
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        /* A key this library does not know (written by a newer one) is kept in
         * the database but ignored here; an out-of-range value is corrupt data. */
        if (key == NULL || fd__policy_index(key) < 0)
            continue;
        const char *unit = (const char *)sqlite3_column_text(st, 2);
        fd_status set = unit ? fd_policy_set_deadline(p, key, sqlite3_column_int64(st, 1), fd__unit_from_name(unit))
                             : fd_policy_set(p, key, sqlite3_column_int64(st, 1));
        if (set != FD_OK)
            rc = fd__error_context(FD_EDATA, "%s: stored value of %s for site %lld", fn, key, (long long)site_id);
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(store, fn, src, "reading policy");
    sqlite3_reset(st);
    if (rc) {
        fd_policy_free(p);
        return rc;
    }
    *out = p;
    return FD_OK;
}

fd_status fd__store_policy(const fd_policy **out, fd_store *s, const char *fn, int64_t site_id)
{
    unsigned int version = fd__store_data_version(s);
    if (s->policy_cache.policy && s->policy_cache.site_id == site_id && s->policy_cache.data_version == version &&
        version != 0) {
        *out = s->policy_cache.policy;
        return FD_OK;
    }
    fd_policy_free(s->policy_cache.policy);
    s->policy_cache.policy = NULL;
    fd_policy *p = NULL;
    fd_status rc = fd_store_policy_load(&p, s, site_id);
    if (rc)
        return fd__error_context(rc, "%s: the site's policy", fn);
    s->policy_cache.policy = p;
    s->policy_cache.site_id = site_id;
    s->policy_cache.data_version = version;
    *out = p;
    return FD_OK;
}

/*
 * Shared body of set, set_deadline and reset: the site's policy after the
 * change validates it (a deadline's amount and unit together), then one row
 * change and a journal entry ("key: 3 calendar_days -> 3 working_days").
 * @value NULL resets; @unit 0 keeps a deadline key's unit.
 */
static fd_status change(fd_store *store, const char *fn, const fd_actor *actor, const char *key,
                        const int64_t *value, int unit)
{
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor); /* pii.mask_names and every standard of the site */
    fd_policy_key_info info;
    if (rc == FD_OK)
        rc = fd__check_text(fn, "key", key, 0, false);
    /* The message names the function called (fd_store_policy_set), not the lookup inside it. */
    if (rc == FD_OK && fd_policy_describe(&info, key) != FD_OK)
        rc = fd__error(FD_ENOTFOUND, "%s: key: no policy key '%s' (see fd_policy_key_at or `frontdesk policy list`)",
                       fn, key);
    if (rc)
        return rc;
    bool sp;
    fd_policy *before = NULL, *after = NULL;
    fd_buf old = FD_BUF_INIT, now = FD_BUF_INIT;
    int64_t amount = 0;
    int stored_unit = 0;
    rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    fd__store_forget(store); /* the cached policy (this handle's own writes keep the data version) */
    int64_t site_id = actor->site_id, staff_id = actor->staff_id;
    rc = fd_store_policy_load(&before, store, site_id);
    /* A corrupt stored value (out of range, written by hand) must not lock the
     * site: set and reset overwrite it (over the defaults), and the journal says
     * it was unreadable. */
    bool unreadable = rc == FD_EDATA;
    if (unreadable)
        rc = FD_OK;
    if (rc == FD_OK)
        rc = value && !unreadable ? fd_policy_copy(&after, before) : fd_policy_new(&after);
    if (rc == FD_OK)
        rc = unreadable ? fd__buf_puts(&old, "(unreadable)") : fd_policy_format(&old, before, key);
    if (rc == FD_OK && value) {
        rc = unit ? fd_policy_set_deadline(after, key, *value, unit) : fd_policy_set(after, key, *value);
        if (rc)
            rc = fd__error_context(fd_error_last()->code, "%s", fn);
    }
    if (rc == FD_OK && fd_policy_get_deadline(&amount, &stored_unit, after, key) != FD_OK)
        stored_unit = 0; /* a plain key */
    if (rc == FD_OK)
        rc = fd_policy_format(&now, after, key);
    sqlite3_stmt *st = NULL;
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, value ? SQL_POLICY_UPSERT : SQL_POLICY_DELETE)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, site_id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        if (value) {
            sqlite3_bind_int64(st, 3, *value);
            sqlite3_bind_int64(st, 4, actor->at);
            if (staff_id)
                sqlite3_bind_int64(st, 5, staff_id);
            if (stored_unit)
                sqlite3_bind_text(st, 6, fd__unit_name(stored_unit), -1, SQLITE_STATIC);
        }
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_CONSTRAINT_FOREIGNKEY)
            rc = fd__error(FD_ENOTFOUND, "%s: staff_id: no staff %lld", fn, (long long)staff_id);
        else if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "writing policy");
    }
    if (rc == FD_OK) {
        char detail[200];
        snprintf(detail, sizeof detail, "%s: %s -> %s", key, old.ptr, now.ptr);
        rc = fd__journal(store, fn, actor, site_id, "policy", 0, value ? "set" : "reset", detail);
    }
    fd_policy_free(before);
    fd_policy_free(after);
    fd_buf_dispose(&old);
    fd_buf_dispose(&now);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_policy_set(fd_store *store, const fd_actor *actor, const char *key, int64_t value)
{
    return change(store, "fd_store_policy_set", actor, key, &value, 0);
}

fd_status fd_store_policy_set_deadline(fd_store *store, const fd_actor *actor, const char *key, int64_t amount,
                                       int unit)
{
    if (unit == 0) /* 0 means "keep the unit" inside change(); here it is a bad unit */
        return fd__error(FD_EINVAL, "fd_store_policy_set_deadline: unit: 0 is not an FD_CALENDAR_UNIT_* value");
    return change(store, "fd_store_policy_set_deadline", actor, key, &amount, unit);
}

fd_status fd_store_policy_reset(fd_store *store, const fd_actor *actor, const char *key)
{
    return change(store, "fd_store_policy_reset", actor, key, NULL, 0);
}

/* --- deprecated names (one release) ---------------------------------------- */

fd_status fd_store_load_policy(fd_policy **out, fd_store *store, int64_t site_id)
{
    return fd_store_policy_load(out, store, site_id);
}

fd_status fd_store_set_policy(fd_store *store, int64_t site_id, const char *key, int64_t value, int64_t staff_id)
{
    fd_actor a = fd__legacy_actor(site_id, staff_id);
    return fd_store_policy_set(store, &a, key, value);
}

fd_status fd_store_reset_policy(fd_store *store, int64_t site_id, const char *key, int64_t staff_id)
{
    fd_actor a = fd__legacy_actor(site_id, staff_id);
    return fd_store_policy_reset(store, &a, key);
}
