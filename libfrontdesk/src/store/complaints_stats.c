/*
 * The month's statistics of complaints (issue 13, item 6; R-CPL-6): the
 * accumulator of complaints.h fed from the database. One statement reads the
 * month's complaints of the site through complaints_site_received (one range:
 * site, received_at in the local month); for a resolved complaint the resolve
 * target in force is looked up by complaint_targets_complaint. Each row is
 * handed to the accumulator as a record whose strings point into the
 * statement's row: nothing is allocated per complaint, the calendar is the
 * store's one for the site, the statement is cached.
 */
#include "store/complaints_store.h"

#include <stdlib.h>
#include <string.h>

/* ?1 the site, ?2 .. ?3 the month [from, to) in UTC seconds. */
static const char SQL_MONTH[] =
    "SELECT c.category, c.severity, coalesce(c.validity, ''), coalesce(c.department_id, 0), c.received_at, "
    "c.accepted_at, c.closed_at, c.reopened, coalesce(c.satisfaction, ''), "
    "CASE WHEN c.accepted_at <> 0 AND c.validity = 'valid' THEN coalesce(("
    "SELECT t.met_at <> 0 AND t.breached_at = 0 FROM complaint_targets t INDEXED BY complaint_targets_complaint "
    "WHERE t.complaint_id = c.id AND t.target = 'resolve' AND t.superseded_at = 0 ORDER BY t.id DESC LIMIT 1), 0) "
    "ELSE 0 END "
    "FROM complaints c INDEXED BY complaints_site_received "
    "WHERE c.site_id = ?1 AND c.received_at >= ?2 AND c.received_at < ?3";

static const char *text_at(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? (const char *)t : "";
}

fd_status fd_store_complaint_stats(fd_complaint_stats **out, fd_store *store, const fd_actor *actor, int year,
                                   int month)
{
    static const char fn[] = "fd_store_complaint_stats";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = fd__check_ptr(fn, "store", store)) != FD_OK || (rc = fd__actor_check(store, fn, actor, NULL)) != FD_OK)
        return rc;
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK ||
        (rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy)) != FD_OK)
        return rc;
    fd_complaint_stats *acc = NULL;
    if ((rc = fd_complaint_stats_new(&acc, cal, year, month)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    fd_complaint_stats_totals span = FD_COMPLAINT_STATS_TOTALS_INIT;
    (void)fd_complaint_stats_get(&span, acc);
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_MONTH);
    if (st == NULL) {
        fd_complaint_stats_free(acc);
        return FD_EIO;
    }
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_int64(st, 2, span.month_start);
    sqlite3_bind_int64(st, 3, span.month_end);
    fd_complaint c = FD_COMPLAINT_INIT;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        c.category = text_at(st, 0);
        c.severity = text_at(st, 1);
        c.validity = text_at(st, 2);
        c.department_id = sqlite3_column_int64(st, 3);
        c.received_at = sqlite3_column_int64(st, 4);
        c.accepted_at = sqlite3_column_int64(st, 5);
        c.closed_at = sqlite3_column_int64(st, 6);
        c.reopened = sqlite3_column_int64(st, 7);
        c.satisfaction = text_at(st, 8);
        if ((rc = fd_complaint_stats_add(acc, &c, sqlite3_column_int(st, 9))) != FD_OK)
            break;
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(store, fn, src, "reading the month's complaints");
    else if (rc)
        rc = fd__error_rename(rc, fn, NULL);
    sqlite3_reset(st);
    if (rc) {
        fd_complaint_stats_free(acc);
        return rc;
    }
    fd__complaint_stats_seal(acc);
    *out = acc;
    return FD_OK;
}
