/*
 * What every module's store functions share when they take a step of a
 * record (R-COM-1, R-COM-3): the order of its steps — none before the record was created
 * nor before its last step — and how a refusal says when: the site's local
 * time, durations in words, staff by their code, never raw seconds or row ids.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

static const char SQL_SITE_ZONE[] = "SELECT time_zone FROM sites WHERE id = ?1";
static const char SQL_STAFF_CODE[] = "SELECT code FROM staff WHERE id = ?1";

fd_status fd__store_site_zone(char zone[FD__ZONE_MAX + 1], fd_store *s, const char *fn, int64_t site_id)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_SITE_ZONE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site_id);
    int src = sqlite3_step(st);
    fd__copy_fixed(zone, FD__ZONE_MAX + 1, "Asia/Shanghai");
    if (src == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t && *t)
            fd__copy_fixed(zone, FD__ZONE_MAX + 1, t);
        else if (sqlite3_errcode(s->db) == SQLITE_NOMEM)
            src = SQLITE_NOMEM;
    }
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: actor.site_id: no site %lld", fn, (long long)site_id);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "reading the site's time zone");
}

void fd__site_when(char out[FD__WHEN_MAX], fd_store *s, const char *fn, int64_t site_id, int64_t at, int64_t beside)
{
    fd__saved_error saved; /* a refusal is being written: what fails here must not replace it */
    fd__error_save(&saved);
    char zone[FD__ZONE_MAX + 1];
    fd_local_time t, b;
    if (fd__store_site_zone(zone, s, fn, site_id) != FD_OK || fd_instant_to_local(&t, zone, at) != FD_OK) {
        snprintf(out, FD__WHEN_MAX, "@%lld", (long long)at);
    } else if (beside && fd_instant_to_local(&b, zone, beside) == FD_OK && fd__date_cmp(b.date, t.date) == 0) {
        snprintf(out, FD__WHEN_MAX, "%02d:%02d", (int)t.hour, (int)t.minute);
    } else {
        int off = t.utc_offset_s < 0 ? -t.utc_offset_s : t.utc_offset_s;
        snprintf(out, FD__WHEN_MAX, "%04d-%02d-%02d %02d:%02d %c%02d:%02d", (int)t.date.year, (int)t.date.month,
                 (int)t.date.day, (int)t.hour, (int)t.minute, t.utc_offset_s < 0 ? '-' : '+', off / 3600,
                 off % 3600 / 60);
    }
    fd__error_restore(&saved);
}

void fd__staff_label(char out[FD__WHEN_MAX], fd_store *s, const char *fn, int64_t staff_id)
{
    if (staff_id == 0) {
        snprintf(out, FD__WHEN_MAX, "the system");
        return;
    }
    fd__saved_error saved;
    fd__error_save(&saved);
    snprintf(out, FD__WHEN_MAX, "staff %lld", (long long)staff_id);
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_STAFF_CODE);
    if (st != NULL) {
        sqlite3_bind_int64(st, 1, staff_id);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(out, FD__WHEN_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
    }
    fd__error_restore(&saved);
}

fd_status fd__step_check(fd_store *s, const char *fn, int64_t site_id, const char *field, int64_t at, int64_t before,
                         const char *what)
{
    if (before == 0 || at >= before)
        return FD_OK;
    char when[FD__WHEN_MAX], then[FD__WHEN_MAX];
    fd__site_when(when, s, fn, site_id, at, 0);
    fd__site_when(then, s, fn, site_id, before, at);
    return fd__error(FD_EINVAL, "%s: %s: %s is before %s (%s)", fn, field, when, what, then);
}
