/*
 * The visitor log counted, for the daily report (issue 12, item 8; R-COM-4):
 * fd_store_visit_stats and the report's groupings of the day's arrivals by
 * purpose and by host organisation (fd__store_visit_groups, internal.h).
 *
 * Each figure is one range of one per-site index (0009_visitors_stats.sql),
 * named in the query: with the seeded planner statistics SQLite would
 * otherwise walk a site's rows in id order. A range has one lower bound: a
 * second one on the same column (`arrived_at > 0` beside `arrived_at >= ?2`)
 * may be the one SQLite starts from, which reads every earlier row. What stood at the period's end is
 * read as the records stand now plus what changed since the end (departures,
 * closings, explanations, item changes at or after it) — for today's report
 * nothing. Names, phones and ID numbers are never read here.
 */
#include "store/visitors_store.h"
#include "store/property_store.h"
#include "frontdesk/pii.h"
#include "frontdesk/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

/* Parameters of every query: ?1 the site, ?2 the period's start, ?3 its end, ?4 the end that stood (see store.h). */

static const char SQL_REGISTERED[] =
    "SELECT count(*), coalesce(sum(preregistered = 0), 0), coalesce(sum(preregistered = 1), 0), "
    "coalesce(sum(important = 1), 0) "
    "FROM visits INDEXED BY visits_site_registered WHERE site_id = ?1 AND registered_at >= ?2 AND registered_at < ?3";
static const char SQL_ARRIVED[] =
    "SELECT count(*) FROM visits INDEXED BY visits_site_arrived "
    "WHERE site_id = ?1 AND arrived_at >= ?2 AND arrived_at < ?3 AND arrived_at <> 0";
/* Who was there in the period: on site now (arrived before the end), and who left since its start. */
static const char SQL_PRESENT[] =
    "SELECT arrived_at, 0, planned_until FROM visits INDEXED BY visits_site_onsite "
    "WHERE site_id = ?1 AND arrived_at > 0 AND departed_at = 0 AND arrived_at < ?4 "
    "UNION ALL "
    "SELECT arrived_at, departed_at, planned_until FROM visits INDEXED BY visits_site_departed "
    "WHERE site_id = ?1 AND departed_at >= ?2 AND departed_at <> 0 AND arrived_at < ?3";
/* Not come: planned before the end, not arrived by it, not called off before arriving. */
static const char SQL_EXPECTED[] =
    "SELECT count(*), coalesce(sum(planned_from < ?4 AND ((arrived_at = 0 AND state IN ('expected', 'held')) "
    "OR arrived_at >= ?4)), 0) "
    "FROM visits INDEXED BY visits_site_planned "
    "WHERE site_id = ?1 AND preregistered = 1 AND planned_from >= ?2 AND planned_from < ?3";
static const char SQL_VISIT_EVENTS[] =
    "SELECT kind || '/' || coalesce(code, ''), count(*) FROM visit_events INDEXED BY visit_events_site_at "
    "WHERE site_id = ?1 AND at >= ?2 AND at < ?3 AND kind IN ('answer', 'refuse', 'cancel') GROUP BY kind, code";
static const char SQL_ITEM_EVENTS[] =
    "SELECT kind, count(*) FROM item_events INDEXED BY item_events_site_at "
    "WHERE site_id = ?1 AND at >= ?2 AND at < ?3 GROUP BY kind";
/* Items out at the end, with the visit that held each: issued now since before it, or changed since and
 * last issued before it (the item's events, newest first). */
static const char SQL_ITEMS_OUT[] =
    "SELECT count(*), coalesce(sum(v.departed_at > 0 AND v.departed_at < ?4), 0) FROM ("
    "SELECT visit_id FROM counted_items INDEXED BY counted_items_site_issued "
    "WHERE site_id = ?1 AND state = 'issued' AND state_at < ?4 "
    "UNION ALL "
    "SELECT (SELECT CASE e.kind WHEN 'issue' THEN e.visit_id END FROM item_events e INDEXED BY item_events_item "
    "WHERE e.item_id = i.id AND e.at < ?4 ORDER BY e.at DESC, e.id DESC LIMIT 1) "
    "FROM counted_items i INDEXED BY counted_items_site_state_at WHERE i.site_id = ?1 AND i.state_at >= ?4"
    ") o JOIN visits v ON v.id = o.visit_id";
static const char SQL_COUNTS_OPEN[] =
    "SELECT count(*) FROM ("
    "SELECT 1 FROM item_counts INDEXED BY item_counts_site_state WHERE site_id = ?1 AND state = 'open' AND at < ?4 "
    "UNION ALL "
    "SELECT 1 FROM item_counts INDEXED BY item_counts_site_explained "
    "WHERE site_id = ?1 AND state = 'explained' AND explained_at >= ?4 AND at < ?4)";
static const char SQL_CUSTODY_EVENTS[] =
    "SELECT kind, count(*) FROM custody_events INDEXED BY custody_events_site_at "
    "WHERE site_id = ?1 AND at >= ?2 AND at < ?3 GROUP BY kind";
/* What the desk held at the end, with the last notice before it (fd__custody_held_count's columns). */
#define HELD_COLUMNS                                                                                                 \
    "SELECT c.deposited_at, CASE WHEN c.notified_at < ?4 THEN c.notified_at ELSE coalesce((SELECT max(e.at) "      \
    "FROM custody_events e INDEXED BY custody_events_item WHERE e.item_id = c.id AND e.kind IN ('notify', 'remind') " \
    "AND e.at < ?4), 0) END, coalesce(c.owner, ''), coalesce(c.phone, ''), coalesce(c.occupant_id, 0), "         \
    "coalesce(c.unit_id, 0) "
static const char SQL_CUSTODY_HELD[] =
    HELD_COLUMNS "FROM custody_items c INDEXED BY custody_items_site_held "
    "WHERE c.site_id = ?1 AND c.state = 'held' AND c.deposited_at < ?4 "
    "UNION ALL " HELD_COLUMNS "FROM custody_items c INDEXED BY custody_items_site_closed "
    "WHERE c.site_id = ?1 AND c.state <> 'held' AND c.closed_at >= ?4 AND c.deposited_at < ?4";
static const char SQL_GOODS[] =
    "SELECT count(DISTINCT permit_id), coalesce(sum(matched = 1), 0), coalesce(sum(matched = 0), 0) "
    "FROM goods_checks INDEXED BY goods_checks_site_at WHERE site_id = ?1 AND at >= ?2 AND at < ?3";
/* Per visit matched: the strongest level of its hits and the desk's decision if made before the end. */
static const char SQL_BLOCKLIST[] =
    "SELECT (CASE lvl WHEN 2 THEN 'forbidden' WHEN 1 THEN 'limited' ELSE 'warning' END) || '/' || "
    "(CASE outc WHEN 2 THEN 'refused' WHEN 1 THEN 'admitted' ELSE 'pending' END), count(*) FROM ("
    "SELECT max(CASE level WHEN 'forbidden' THEN 2 WHEN 'limited' THEN 1 ELSE 0 END) AS lvl, "
    "max(CASE WHEN outcome_at > 0 AND outcome_at < ?4 THEN CASE outcome WHEN 'refused' THEN 2 "
    "WHEN 'admitted' THEN 1 ELSE 0 END ELSE 0 END) AS outc "
    "FROM blocklist_hits INDEXED BY blocklist_hits_site_at WHERE site_id = ?1 AND at >= ?2 AND at < ?3 "
    "GROUP BY visit_id) GROUP BY lvl, outc";
static const char SQL_BY_PURPOSE[] =
    "SELECT purpose, count(*) FROM visits INDEXED BY visits_site_arrived "
    "WHERE site_id = ?1 AND arrived_at >= ?2 AND arrived_at < ?3 AND arrived_at <> 0 GROUP BY purpose";
static const char SQL_BY_ORGANISATION[] =
    "SELECT o.name, count(*) FROM visits v INDEXED BY visits_site_arrived "
    "LEFT JOIN organisations o ON o.id = v.host_organisation "
    "WHERE v.site_id = ?1 AND v.arrived_at >= ?2 AND v.arrived_at < ?3 AND v.arrived_at <> 0 "
    "GROUP BY v.host_organisation";

/* A period: the site, [from, to) and the end that stood (see store.h). */
typedef struct period {
    int64_t site, from, to, end;
} period;

/* The cached statement @sql with the period bound (a query uses the parameters it names). */
static sqlite3_stmt *bound(fd_store *s, const char *fn, const char *sql, const period *p)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st) {
        sqlite3_bind_int64(st, 1, p->site);
        sqlite3_bind_int64(st, 2, p->from);
        sqlite3_bind_int64(st, 3, p->to);
        if (sqlite3_bind_parameter_count(st) >= 4)
            sqlite3_bind_int64(st, 4, p->end);
    }
    return st;
}

/* A query of one row of @n counts into *@out[0..n). */
static fd_status one_row(fd_store *s, const char *fn, const char *sql, const period *p, int64_t *const *out, int n,
                         const char *what)
{
    sqlite3_stmt *st = bound(s, fn, sql, p);
    if (st == NULL)
        return fd_error_last()->code;
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        for (int i = 0; i < n; i++)
            *out[i] = sqlite3_column_int64(st, i);
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, what);
}

/* A query of (key, count) rows: the count of keys[i] into *out[i]; other keys are not counted. */
static fd_status by_key(fd_store *s, const char *fn, const char *sql, const period *p, const char *const *keys,
                        int64_t *const *out, size_t n, const char *what)
{
    sqlite3_stmt *st = bound(s, fn, sql, p);
    if (st == NULL)
        return fd_error_last()->code;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        for (size_t i = 0; key && i < n; i++)
            if (strcmp(key, keys[i]) == 0)
                *out[i] += sqlite3_column_int64(st, 1);
    }
    fd_status rc = fd__columns_read(s, fn);
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, what);
    return rc;
}

/* Who left in the period, who was on site at the end, and who overstayed while there (R-COM-4). */
static fd_status presence(fd_store *s, const char *fn, const period *p, const fd_policy *policy, fd_visit_stats *r)
{
    sqlite3_stmt *st = bound(s, fn, SQL_PRESENT, p);
    if (st == NULL)
        return fd_error_last()->code;
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t arrived = sqlite3_column_int64(st, 0), departed = sqlite3_column_int64(st, 1);
        int64_t until = sqlite3_column_int64(st, 2);
        r->left += departed >= p->from && departed < p->to;
        if (arrived >= p->end)
            continue;
        bool there = departed == 0 || departed >= p->end;
        int reason = FD_OVERSTAY_NONE;
        int64_t since = 0;
        r->on_site += there;
        /* as they stood when they left, or at the end */
        rc = fd__visit_overstay_in(s->visitors->z, fn, arrived, 0, until, there ? p->end : departed, policy,
                                   &reason, &since);
        r->overstays += reason != FD_OVERSTAY_NONE;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading who was on site");
    return rc;
}

fd_status fd_store_visit_stats(fd_visit_stats *out, fd_store *store, const fd_actor *actor, int64_t from, int64_t to)
{
    static const char fn[] = "fd_store_visit_stats";
    fd_status rc = fd__period_check(store, fn, out, actor, from, to);
    if (rc)
        return rc;
    const fd_policy *policy = NULL;
    if ((rc = fd__visitors_rules(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    period p = { actor->site_id, from, to, actor->at < from ? from : actor->at < to ? actor->at : to };
    fd_visit_stats r;
    memset(&r, 0, sizeof r);
    r.version = FD_VISIT_STATS_VERSION;
    int64_t *const registered[] = { &r.registered, &r.walk_ins, &r.preregistered, &r.important };
    int64_t *const arrived[] = { &r.arrived };
    int64_t *const expected[] = { &r.expected, &r.not_come };
    static const char *const visit_events[] = { "answer/decline", "refuse/", "cancel/" };
    int64_t *const visit_counts[] = { &r.declined, &r.refused, &r.cancelled };
    static const char *const item_events[] = { "issue", "return", "lost", "found" };
    int64_t *const item_counts[] = { &r.items_issued, &r.items_returned, &r.items_lost, &r.items_found };
    int64_t *const items_out[] = { &r.items_out, &r.items_unreturned };
    int64_t *const counts_open[] = { &r.counts_open };
    static const char *const custody_events[] = { "deposit", "collect", "return", "hand_on" };
    int64_t *const custody_counts[] = { &r.custody_deposited, &r.custody_collected, &r.custody_returned,
                                        &r.custody_handed_on };
    int64_t *const goods[] = { &r.goods_checked, &r.goods_released, &r.goods_mismatches };
    static const char *const hits[] = { "warning/pending",   "warning/admitted",   "warning/refused",
                                        "limited/pending",   "limited/admitted",   "limited/refused",
                                        "forbidden/pending", "forbidden/admitted", "forbidden/refused" };
    int64_t *const hit_counts[] = { &r.blocklist_warning_pending,   &r.blocklist_warning_admitted,
                                    &r.blocklist_warning_refused,   &r.blocklist_limited_pending,
                                    &r.blocklist_limited_admitted,  &r.blocklist_limited_refused,
                                    &r.blocklist_forbidden_pending, &r.blocklist_forbidden_admitted,
                                    &r.blocklist_forbidden_refused };
    rc = one_row(store, fn, SQL_REGISTERED, &p, registered, 4, "counting registrations");
    if (rc == FD_OK)
        rc = one_row(store, fn, SQL_ARRIVED, &p, arrived, 1, "counting arrivals");
    if (rc == FD_OK)
        rc = presence(store, fn, &p, policy, &r);
    if (rc == FD_OK)
        rc = one_row(store, fn, SQL_EXPECTED, &p, expected, 2, "counting expected visits");
    if (rc == FD_OK)
        rc = by_key(store, fn, SQL_VISIT_EVENTS, &p, visit_events, visit_counts, 3, "counting the visits' events");
    if (rc == FD_OK)
        rc = by_key(store, fn, SQL_ITEM_EVENTS, &p, item_events, item_counts, 4, "counting the items' events");
    if (rc == FD_OK)
        rc = one_row(store, fn, SQL_ITEMS_OUT, &p, items_out, 2, "counting items out");
    if (rc == FD_OK)
        rc = one_row(store, fn, SQL_COUNTS_OPEN, &p, counts_open, 1, "counting open counts");
    if (rc == FD_OK)
        rc = by_key(store, fn, SQL_CUSTODY_EVENTS, &p, custody_events, custody_counts, 4,
                    "counting the custody ledger's steps");
    if (rc == FD_OK) {
        fd_custody_status held;
        memset(&held, 0, sizeof held);
        sqlite3_stmt *st = bound(store, fn, SQL_CUSTODY_HELD, &p);
        rc = st ? fd__custody_held_count(store, fn, st, p.end, policy, &held) : fd_error_last()->code;
        r.custody_held = held.held;
        r.custody_to_notify = held.to_notify;
        r.custody_to_remind = held.to_remind;
        r.custody_unclaimed = held.unclaimed;
    }
    if (rc == FD_OK)
        rc = one_row(store, fn, SQL_GOODS, &p, goods, 3, "counting gate checks");
    if (rc == FD_OK)
        rc = by_key(store, fn, SQL_BLOCKLIST, &p, hits, hit_counts, 9, "counting blocklist matches");
    for (size_t i = 0; i < 9; i++)
        r.blocklist_matches += *hit_counts[i];
    if (rc == FD_OK)
        *out = r;
    return rc;
}

/* --- the report's groupings ------------------------------------------------------------------------ */

void fd__visit_groups_free(fd__visit_group_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++)
        free(rows[i].text);
    free(rows);
}

/* By text, none last: equal texts become neighbours. */
static int by_text(const void *a, const void *b)
{
    const fd__visit_group_row *x = a, *y = b;
    if (x->text == NULL || y->text == NULL)
        return (x->text == NULL) - (y->text == NULL);
    return strcmp(x->text, y->text);
}

/* Most visits first; among as many, in pinyin order as people read a list (bytes when that fails), none last. */
static int by_visits(const void *a, const void *b)
{
    const fd__visit_group_row *x = a, *y = b;
    if (x->visits != y->visits)
        return x->visits > y->visits ? -1 : 1;
    int c = 0;
    if (x->text && y->text && fd_text_compare(&c, x->text, y->text, FD_TEXT_ORDER_PINYIN) == FD_OK && c)
        return c;
    return by_text(a, b);
}

/* A purpose as typed, numbers masked (R-COM-2) and the white space around it dropped, into *@out (a copy). */
static fd_status purpose_shown(char **out, const char *purpose, fd_buf *masked)
{
    fd_status rc = fd_pii_mask_text(masked, NULL, purpose);
    if (rc)
        return rc;
    const unsigned char *p = (const unsigned char *)masked->ptr, *from = NULL, *to = p;
    while (*p) {
        const unsigned char *here = p;
        if (!u_isUWhiteSpace((UChar32)fd__utf8_next(&p))) {
            from = from ? from : here;
            to = p;
        }
    }
    size_t n = from ? (size_t)(to - from) : 0;
    if ((*out = malloc(n + 1)) == NULL)
        return FD_ENOMEM;
    if (n)
        memcpy(*out, from, n);
    (*out)[n] = '\0';
    return FD_OK;
}

/* A spelling of a purpose: how it is shown, what it is grouped by (the search fold) and its visits. */
typedef struct spelling {
    char *shown, *key;
    int64_t visits;
} spelling;

/* By key, then most visits, then bytes: a group's most frequent spelling first. */
static int by_fold(const void *a, const void *b)
{
    const spelling *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c == 0 && x->visits != y->visits)
        return x->visits > y->visits ? -1 : 1;
    return c ? c : strcmp(x->shown, y->shown);
}

/*
 * The purposes of @v (@n rows of the grouping query, each a spelling as typed
 * with its visits) as groups: spellings the search fold makes one (送貨 and 送货,
 * a full-width space) are one group, shown as its most frequent spelling as
 * typed (（） stay full-width); a blank purpose is no group. Replaces @v's
 * texts and sets *@k to the groups.
 */
static fd_status purpose_groups(fd__visit_group_row *v, size_t n, size_t *k)
{
    spelling *sp = calloc(n ? n : 1, sizeof *sp);
    fd_buf masked = FD_BUF_INIT, key = FD_BUF_INIT;
    fd_status rc = sp ? FD_OK : FD_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; rc == FD_OK && i < n; i++) {
        char *shown = NULL;
        if ((rc = purpose_shown(&shown, v[i].text ? v[i].text : "", &masked)) == FD_OK &&
            (rc = fd__text_search_fold(&key, shown)) == FD_OK && key.size > 0) {
            sp[m].shown = shown;
            sp[m].visits = v[i].visits;
            if ((sp[m++].key = strdup(key.ptr)) == NULL)
                rc = FD_ENOMEM;
        } else {
            free(shown);
        }
    }
    fd_buf_dispose(&masked);
    fd_buf_dispose(&key);
    *k = 0;
    if (rc == FD_OK && m)
        fd__qsort(sp, m, sizeof *sp, by_fold);
    for (size_t i = 0; rc == FD_OK && i < m; i++) {
        if (*k && strcmp(sp[i].key, sp[i - 1].key) == 0) {
            v[*k - 1].visits += sp[i].visits;
            continue;
        }
        free(v[*k].text);
        v[*k].text = sp[i].shown;
        v[*k].visits = sp[i].visits;
        sp[i].shown = NULL;
        (*k)++;
    }
    for (size_t i = *k; rc == FD_OK && i < n; i++) {
        free(v[i].text);
        v[i].text = NULL;
    }
    for (size_t i = 0; sp && i < m; i++) {
        free(sp[i].shown);
        free(sp[i].key);
    }
    free(sp);
    return rc;
}

fd_status fd__store_visit_groups(fd__visit_group_row **rows, size_t *n, fd_store *s, const fd_actor *actor,
                                 int64_t from, int64_t to, int by)
{
    static const char fn[] = "fd__store_visit_groups";
    *rows = NULL;
    *n = 0;
    fd_status rc = fd__actor_check(s, fn, actor, NULL);
    if (rc)
        return rc;
    period p = { actor->site_id, from, to, to };
    sqlite3_stmt *st = bound(s, fn, by == FD__VISIT_BY_PURPOSE ? SQL_BY_PURPOSE : SQL_BY_ORGANISATION, &p);
    if (st == NULL)
        return fd_error_last()->code;
    fd__visit_group_row *v = NULL;
    size_t nv = 0, cap = 0;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        if ((rc = fd__columns_read(s, fn)) != FD_OK)
            break;
        if (nv == cap) {
            size_t c = cap ? cap * 2 : 16;
            fd__visit_group_row *m = realloc(v, c * sizeof *m);
            if (m == NULL) {
                rc = fd__oom(fn);
                break;
            }
            v = m;
            cap = c;
        }
        v[nv].visits = sqlite3_column_int64(st, 1);
        v[nv].text = NULL;
        if (text && (v[nv].text = strdup(text)) == NULL)
            rc = fd__oom(fn);
        nv += rc == FD_OK;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "grouping the day's visits");
    size_t k = nv;
    if (rc == FD_OK && by == FD__VISIT_BY_PURPOSE && (rc = purpose_groups(v, nv, &k)) != FD_OK)
        rc = rc == FD_ENOMEM ? fd__oom(fn)
                             : fd__error(FD_EDATA, "%s: visit.purpose: a stored purpose cannot be read as text", fn);
    if (rc == FD_OK && k)
        fd__qsort(v, k, sizeof *v, by_visits);
    if (rc) {
        fd__visit_groups_free(v, nv);
        return rc;
    }
    *rows = v;
    *n = k;
    return FD_OK;
}
