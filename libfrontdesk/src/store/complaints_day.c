/*
 * The store's private queries for the complaints' reports (issue 13, items 5
 * and 6; R-COM-4, R-CPL-6): the day's counts of the daily report's complaints
 * section, each one range of an index (checked by EXPLAIN QUERY PLAN in
 * tests/c/complaint_stats_test.c), and the holiday data version the month
 * report names. The records themselves are read through the public API.
 */
#include "store/complaints_store.h"

/* ?1 the site, ?2 .. ?3 a range [from, to) of UTC seconds (the queries below). */
static const char SQL_RECEIVED[] = "SELECT count(*) FROM complaints INDEXED BY complaints_site_received "
                                   "WHERE site_id = ?1 AND received_at >= ?2 AND received_at < ?3";
static const char SQL_RESOLVED[] = "SELECT count(*) FROM complaints INDEXED BY complaints_site_accepted "
                                   "WHERE site_id = ?1 AND accepted_at >= ?2 AND accepted_at < ?3 "
                                   "AND accepted_at > 0 AND validity = 'valid'";
static const char SQL_BREACHED[] = "SELECT count(*) FROM complaint_targets INDEXED BY complaint_targets_site_breached "
                                   "WHERE site_id = ?1 AND breached_at >= ?2 AND breached_at < ?3 AND breached_at > 0";
/* The queue's partial index: harm is its second column, so each value is a range of due. */
static const char SQL_DUE[] = "SELECT count(*) FROM complaint_targets INDEXED BY complaint_targets_site_queue "
                              "WHERE site_id = ?1 AND harm IN (1, 0) AND due_at >= ?2 AND due_at < ?3 "
                              "AND met_at = 0 AND superseded_at = 0 AND paused = 0 AND due_at > 0";

static fd_status count_in(int64_t *out, fd_store *s, const char *fn, const char *sql, const char *what,
                          int64_t site, int64_t from, int64_t to)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return FD_EIO;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_int64(st, 2, from);
    sqlite3_bind_int64(st, 3, to);
    return fd__stmt_int(s, fn, st, what, out);
}

const char *const fd__complaint_day_sql[4] = { SQL_RECEIVED, SQL_RESOLVED, SQL_BREACHED, SQL_DUE };

fd_status fd__store_complaint_day(fd__complaint_day *out, fd_store *s, const fd_actor *actor, const char *fn,
                                  int64_t a, int64_t b, int64_t tomorrow_end)
{
    fd_status rc = fd__actor_check(s, fn, actor, NULL);
    int64_t site = actor ? actor->site_id : 0;
    fd__complaint_day d = { 0, 0, 0, 0 };
    if (rc == FD_OK)
        rc = count_in(&d.received, s, fn, SQL_RECEIVED, "counting the day's complaints", site, a, b);
    if (rc == FD_OK)
        rc = count_in(&d.resolved, s, fn, SQL_RESOLVED, "counting the day's resolved complaints", site, a, b);
    if (rc == FD_OK)
        rc = count_in(&d.breached, s, fn, SQL_BREACHED, "counting the day's breaches", site, a, b);
    if (rc == FD_OK)
        rc = count_in(&d.due_tomorrow, s, fn, SQL_DUE, "counting the targets due tomorrow", site, b, tomorrow_end);
    if (rc == FD_OK)
        *out = d;
    return rc;
}

fd_status fd__store_calendar_version(fd_buf *out, fd_store *s, const char *fn, int64_t site_id)
{
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_status rc = fd__store_policy(&policy, s, fn, site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, s, fn, site_id, policy);
    if (rc == FD_OK)
        rc = fd_calendar_version(out, cal);
    return rc;
}
