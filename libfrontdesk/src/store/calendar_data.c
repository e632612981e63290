/*
 * Holiday data loaded after the library was built (R-CPL-2, R-CALL-9): the
 * State Council publishes next year's schedule each November; a site loads
 * it into its database (calendar_data, never deleted: a correction is a newer
 * version), every calendar the store builds adds it (calendar_cache.c), and
 * the site's open complaint targets are recomputed on it at once — those
 * counted on a provisional year now count on the official one, and a breach
 * already recorded stays recorded.
 */
#include "store/complaints_queue.h"
#include "store/record.h"

#include <stdio.h>
#include <string.h>

/* A year's schedule is a few kilobytes; a data file is never this long. */
#define DATA_TEXT_MAX (1 << 20)

static const char SQL_DATA_HAS[] = "SELECT 1 FROM calendar_data WHERE version = ?1";
static const char SQL_DATA_INSERT[] =
    "INSERT INTO calendar_data (version, loaded_at, loaded_by, data) VALUES (?1, ?2, nullif(?3, 0), ?4)";

/* Whether @version is one of the '+'-separated parts of calendar version @all. */
static bool has_part(const char *all, const char *version)
{
    size_t n = strlen(version);
    for (const char *p = all; p && *p;) {
        const char *plus = strchr(p, '+');
        size_t len = plus ? (size_t)(plus - p) : strlen(p);
        if (len == n && memcmp(p, version, n) == 0)
            return true;
        p = plus ? plus + 1 : NULL;
    }
    return false;
}

/*
 * The version @text adds (into @version) when added to the site's calendar as
 * the store builds it now: the calendar checks the text (format, `extends
 * builtin`, a national year that touches the data) exactly as it will be
 * added to every calendar later. FD_EINVAL naming `text` and the line when it
 * is not such data; FD_ECONFLICT when that version is in the calendar already.
 */
static fd_status data_version_of(char version[64], fd_store *s, const char *fn, int64_t site,
                                 const fd_policy *policy, const char *text)
{
    fd_calendar *cal = NULL;
    fd_status rc = fd__store_calendar_new(&cal, s, fn, site, policy);
    if (rc)
        return rc;
    fd_buf before = FD_BUF_INIT, after = FD_BUF_INIT;
    rc = fd_calendar_version(&before, cal);
    if (rc == FD_OK && (rc = fd_calendar_add_data(cal, text)) != FD_OK) {
        /* "fd_calendar_add_data: data line 5: ..." -> "fn: text: line 5: ..." */
        char m[1024];
        fd__copy_fixed(m, sizeof m, fd_error_last()->message);
        const char *d = strstr(m, ": data ");
        fd_status code = rc == FD_EDATA ? FD_EINVAL : rc;
        rc = d ? fd__error(code, "%s: text: %s", fn, d + 7) : fd__error_rename(code, fn, "text");
    }
    if (rc == FD_OK)
        rc = fd_calendar_version(&after, cal);
    fd_calendar_free(cal);
    if (rc == FD_OK && (after.size <= before.size + 1 || after.ptr[before.size] != '+'))
        rc = fd__error(FD_EINVAL, "%s: text: the data gave the calendar no version of its own", fn);
    if (rc == FD_OK) {
        fd__copy_fixed(version, 64, after.ptr + before.size + 1);
        if (has_part(before.ptr, version))
            rc = fd__error(FD_ECONFLICT, "%s: text: holiday data '%s' is loaded already (the calendar counts with %s)",
                           fn, version, before.ptr);
    }
    fd_buf_dispose(&before);
    fd_buf_dispose(&after);
    return rc;
}

fd_status fd_store_calendar_data_add(int64_t *out_changed, fd_store *store, const fd_actor *actor, const char *text)
{
    static const char fn[] = "fd_store_calendar_data_add";
    fd_status rc = fd__check_ptr(fn, "out_changed", out_changed);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "text", text, DATA_TEXT_MAX, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    const fd_policy *policy = NULL;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    char version[64] = "";
    rc = data_version_of(version, store, fn, actor->site_id, policy, text);
    sqlite3_stmt *st = NULL;
    /* The version is the data's name for good: a correction comes as a newer version. */
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_DATA_HAS)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_text(st, 1, version, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_ROW)
            rc = fd__error(FD_ECONFLICT, "%s: text: holiday data '%s' is loaded already", fn, version);
        else if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "reading the loaded holiday data");
    }
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_DATA_INSERT)) == NULL)
        rc = fd_error_last()->code;
    int64_t id = 0;
    if (rc == FD_OK) {
        sqlite3_bind_text(st, 1, version, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, actor->at);
        sqlite3_bind_int64(st, 3, actor->staff_id);
        sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
        if ((rc = fd__stmt_done(store, fn, st, "storing the holiday data", NULL)) == FD_OK)
            id = sqlite3_last_insert_rowid(store->db);
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "calendar", id, "data", version);
    /* Every calendar of this handle is built again with the new data; other handles see the commit. */
    fd__store_calendar_forget(store);
    int64_t changed = 0;
    if (rc == FD_OK)
        rc = fd__complaint_recompute(&changed, store, fn, actor);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc) {
        fd__store_calendar_forget(store); /* it may hold the data rolled back */
        return rc;
    }
    *out_changed = changed;
    return FD_OK;
}
