/* Sites and staff (R-COM-1), and the argument checks for codes and names. */
#include "store/store_internal.h"

#include <string.h>

fd_status fd__check_code(const char *fn, const char *field, const char *code, bool lower)
{
    fd_status rc = fd__check_text(fn, field, code, FD_CODE_MAX, true);
    if (rc)
        return rc;
    for (const char *p = code; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
                  (!lower && c >= 'A' && c <= 'Z');
        if (!ok)
            return fd__error(FD_EINVAL, "%s: %s: '%s' may only contain %s, digits and . _ -", fn, field, code,
                             lower ? "lower-case ASCII letters" : "ASCII letters");
    }
    return FD_OK;
}

fd_status fd__check_name(const char *fn, const char *field, const char *name, size_t max)
{
    fd_status rc = fd__check_text(fn, field, name, max, true);
    if (rc)
        return rc;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return fd__error(FD_EINVAL, "%s: %s: '%s' contains a control character (0x%02X)", fn, field, name, *p);
    return FD_OK;
}

void fd__column_fixed(char *dst, size_t cap, sqlite3_stmt *st, int col)
{
    fd__copy_fixed(dst, cap, (const char *)sqlite3_column_text(st, col));
}

static const char *const SQL_SITE_INSERT =
    "INSERT INTO sites (code, name, time_zone, created_at) VALUES (?1, ?2, ?3, ?4)";
static const char *const SQL_SITE_BY_CODE =
    "SELECT id, code, name, time_zone, created_at FROM sites WHERE code = ?1";
static const char *const SQL_SITE_BY_ID =
    "SELECT id, code, name, time_zone, created_at FROM sites WHERE id = ?1";
static const char *const SQL_SITE_FIRST_TWO =
    "SELECT id, code, name, time_zone, created_at FROM sites ORDER BY id LIMIT 2";

fd_status fd_store_add_site(int64_t *out_id, fd_store *store, const char *code, const char *name,
                            const char *time_zone)
{
    static const char fn[] = "fd_store_add_site";
    const char *tz = time_zone ? time_zone : "Asia/Shanghai";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_code(fn, "code", code, false);
    if (rc == FD_OK)
        rc = fd__check_name(fn, "name", name, FD_NAME_MAX);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "time_zone", tz, FD_TZ_MAX, true);
    if (rc == FD_OK)
        rc = fd__check_time_zone(fn, "time_zone", tz);
    if (rc)
        return rc;
    bool sp;
    rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int64_t id = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_SITE_INSERT);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, tz, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, fd__now());
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            id = sqlite3_last_insert_rowid(store->db);
        else if (src == SQLITE_CONSTRAINT_UNIQUE)
            rc = fd__error(FD_ECONFLICT, "%s: code: a site '%s' exists already", fn, code);
        else
            rc = fd__store_sqlerr(store, fn, src, "inserting the site");
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, id, 0, "site", id, "add", name);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* Runs a site query and copies the first row; FD_ENOTFOUND (message @missing) when none. */
static fd_status read_site(fd_site *out, fd_store *store, const char *fn, sqlite3_stmt *st, int *rows)
{
    int src, n = 0;
    fd_site first;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++ == 0) {
            first.id = sqlite3_column_int64(st, 0);
            fd__column_fixed(first.code, sizeof first.code, st, 1);
            fd__column_fixed(first.name, sizeof first.name, st, 2);
            fd__column_fixed(first.time_zone, sizeof first.time_zone, st, 3);
            first.created_at = sqlite3_column_int64(st, 4);
        }
    }
    sqlite3_reset(st);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(store, fn, src, "reading sites");
    if (n > 0)
        *out = first;
    *rows = n;
    return FD_OK;
}

fd_status fd_store_get_site(fd_site *out, fd_store *store, const char *code)
{
    static const char fn[] = "fd_store_get_site";
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
    int rows = 0;
    rc = read_site(out, store, fn, st, &rows);
    if (rc == FD_OK && rows == 0)
        rc = fd__error(FD_ENOTFOUND, "%s: code: no site '%s'", fn, code);
    return rc;
}

fd_status fd_store_get_site_by_id(fd_site *out, fd_store *store, int64_t site_id)
{
    static const char fn[] = "fd_store_get_site_by_id";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_SITE_BY_ID);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site_id);
    int rows = 0;
    rc = read_site(out, store, fn, st, &rows);
    if (rc == FD_OK && rows == 0)
        rc = fd__error(FD_ENOTFOUND, "%s: site_id: no site %lld", fn, (long long)site_id);
    return rc;
}

fd_status fd_store_default_site(fd_site *out, fd_store *store)
{
    static const char fn[] = "fd_store_default_site";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_SITE_FIRST_TWO);
    if (st == NULL)
        return fd_error_last()->code;
    int rows = 0;
    fd_site site;
    rc = read_site(&site, store, fn, st, &rows);
    if (rc)
        return rc;
    if (rows == 0)
        return fd__error(FD_ENOTFOUND, "%s: store: the database has no site yet (add one first)", fn);
    if (rows > 1)
        return fd__error(FD_ECONFLICT, "%s: store: the database has several sites, name one", fn);
    *out = site;
    return FD_OK;
}

fd_status fd_store_site_date(fd_date *out, fd_store *store, int64_t site_id, int64_t at)
{
    static const char fn[] = "fd_store_site_date";
    fd_site site;
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK && at < 0)
        rc = fd__error(FD_ERANGE, "%s: at: %lld is before 1970", fn, (long long)at);
    if (rc == FD_OK)
        rc = fd_store_get_site_by_id(&site, store, site_id);
    if (rc)
        return rc;
    fd__zone *zone = fd__zone_open(fn, "site.time_zone", site.time_zone);
    if (zone == NULL)
        return fd_error_last()->code;
    char local[32];
    rc = fd__zone_format(zone, fn, at ? at : fd__now(), local);
    fd__zone_close(zone);
    if (rc)
        return rc;
    local[10] = '\0';
    return fd_date_parse(out, local);
}

static const char *const SQL_STAFF_INSERT =
    "INSERT INTO staff (site_id, code, name, role, active, created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)";
static const char *const SQL_STAFF_GET =
    "SELECT id, site_id, code, name, role, active, created_at FROM staff WHERE site_id = ?1 AND code = ?2";
static const char *const SQL_STAFF_SET_ACTIVE = "UPDATE staff SET active = ?2 WHERE id = ?1";
static const char *const SQL_STAFF_SITE = "SELECT site_id, active FROM staff WHERE id = ?1";

fd_status fd_store_add_staff(int64_t *out_id, fd_store *store, int64_t site_id, const char *code,
                             const char *name, const char *role)
{
    static const char fn[] = "fd_store_add_staff";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_code(fn, "code", code, false);
    if (rc == FD_OK)
        rc = fd__check_name(fn, "name", name, FD_NAME_MAX);
    if (rc == FD_OK)
        rc = fd__check_code(fn, "role", role, true);
    if (rc)
        return rc;
    bool sp;
    rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int64_t id = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_STAFF_INSERT);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, site_id);
        sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, fd__now());
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            id = sqlite3_last_insert_rowid(store->db);
        else if (src == SQLITE_CONSTRAINT_UNIQUE)
            rc = fd__error(FD_ECONFLICT, "%s: code: staff '%s' exists already at site %lld", fn, code,
                           (long long)site_id);
        else if (src == SQLITE_CONSTRAINT_FOREIGNKEY)
            rc = fd__error(FD_ENOTFOUND, "%s: site_id: no site %lld", fn, (long long)site_id);
        else
            rc = fd__store_sqlerr(store, fn, src, "inserting the member of staff");
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, site_id, 0, "staff", id, "add", name);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_get_staff(fd_staff *out, fd_store *store, int64_t site_id, const char *code)
{
    static const char fn[] = "fd_store_get_staff";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "code", code, 0, true);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_STAFF_GET);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site_id);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        out->site_id = sqlite3_column_int64(st, 1);
        fd__column_fixed(out->code, sizeof out->code, st, 2);
        fd__column_fixed(out->name, sizeof out->name, st, 3);
        fd__column_fixed(out->role, sizeof out->role, st, 4);
        out->active = sqlite3_column_int(st, 5);
        out->created_at = sqlite3_column_int64(st, 6);
    }
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: code: no staff '%s' at site %lld", fn, code, (long long)site_id);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(store, fn, src, "reading staff");
}

fd_status fd_store_set_staff_active(fd_store *store, int64_t staff_id, int active, int64_t by_staff_id)
{
    static const char fn[] = "fd_store_set_staff_active";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc)
        return rc;
    if (active != 0 && active != 1)
        return fd__error(FD_EINVAL, "%s: active: %d, must be 0 or 1", fn, active);
    bool sp;
    rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int64_t site_id = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_STAFF_SITE);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, staff_id);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW)
            site_id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            rc = fd__error(FD_ENOTFOUND, "%s: staff_id: no staff %lld", fn, (long long)staff_id);
        else if (src != SQLITE_ROW)
            rc = fd__store_sqlerr(store, fn, src, "reading staff");
    }
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_STAFF_SET_ACTIVE)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, staff_id);
        sqlite3_bind_int(st, 2, active);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "updating staff");
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, site_id, by_staff_id, "staff", staff_id, active ? "activate" : "deactivate",
                         NULL);
    return fd__store_write_end(store, fn, sp, rc);
}
