/*
 * Important visits (issue 12, item 7; R-VIS-6): a visit registered as
 * important carries a preparation checklist whose items are added before
 * arrival and ticked off once, with who and when; the day's report lists the
 * important visits with items still open. Nothing is deleted (R-COM-3).
 */
#include "store/visitors_store.h"
#include "store/property_store.h"

#include <stdio.h>
#include <string.h>

static const char SQL_VISIT[] =
    "SELECT important, arrived_at, state, planned_from, registered_at FROM visits WHERE id = ?1 AND site_id = ?2";
static const char SQL_PREP[] =
    "SELECT done_at, coalesce(done_by, 0), created_at FROM visit_preps WHERE id = ?1 AND site_id = ?2";
static const char SQL_PREP_DONE[] =
    "UPDATE visit_preps SET done_at = ?3, done_by = ?4, note = ?5 WHERE id = ?1 AND site_id = ?2 AND done_at = 0";
static const char SQL_PREP_ITEMS[] =
    "SELECT due_at, done_at FROM visit_preps INDEXED BY visit_preps_visit WHERE visit_id = ?1 AND site_id = ?2";
/* Important visits planned in [?3, ?4) after id ?5 with an open item (fd__record_query_sql). */
static const char COND_OPEN[] =
    "important = 1 AND planned_from >= ?3 AND planned_from < ?4 AND id > ?5 AND state <> 'cancelled' "
    "AND EXISTS (SELECT 1 FROM visit_preps p INDEXED BY visit_preps_site_open "
    "WHERE p.site_id = visits.site_id AND p.visit_id = visits.id AND p.done_at = 0) ORDER BY id";

/* What the checklist needs of a visit. */
typedef struct visit_row {
    int important;
    int64_t arrived_at;
    char state[17];
    int64_t planned_from, registered_at;
} visit_row;

static fd_status read_visit(sqlite3_stmt *st, void *ctx)
{
    visit_row *out = ctx;
    out->important = sqlite3_column_int(st, 0) != 0;
    out->arrived_at = sqlite3_column_int64(st, 1);
    fd__copy_fixed(out->state, sizeof out->state, (const char *)sqlite3_column_text(st, 2));
    out->planned_from = sqlite3_column_int64(st, 3);
    out->registered_at = sqlite3_column_int64(st, 4);
    return FD_OK;
}

static fd_status load_visit(fd_store *s, const char *fn, const fd_actor *actor, const char *field, int64_t visit_id,
                            visit_row *out)
{
    return fd__store_load(s, fn, SQL_VISIT, visit_id, actor->site_id, field, "visit", read_visit, out);
}

fd_status fd_store_visit_prep_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_visit_prep *prep)
{
    static const char fn[] = "fd_store_visit_prep_add";
    fd_status rc = fd__visitors_add_begin(fn, out_id, store, fd_visit_prep_check(prep), actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    /* Read the visit inside the write, so that what is checked is what the item joins. */
    visit_row v;
    rc = load_visit(store, fn, actor, "visit_prep.visit_id", prep->visit_id, &v);
    if (rc == FD_OK) {
        fd_visit visit = FD_VISIT_INIT;
        visit.id = prep->visit_id;
        visit.important = v.important;
        visit.arrived_at = v.arrived_at;
        visit.state = v.state;
        visit.planned_from = v.planned_from;
        if ((rc = fd_visit_prep_validate(prep, &visit)) != FD_OK)
            rc = fd__error_rename(rc, fn, NULL);
        if (rc == FD_OK)
            rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, v.registered_at,
                                "the visit was registered");
    }
    int64_t id = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&id, store, fn, &fd__record_visit_prep, prep, actor);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* A checklist item's done_at, done_by and created_at into ((int64_t *)ctx)[0..2]. */
static fd_status read_prep(sqlite3_stmt *st, void *ctx)
{
    int64_t *out = ctx;
    for (int i = 0; i < 3; i++)
        out[i] = sqlite3_column_int64(st, i);
    return FD_OK;
}

fd_status fd_store_visit_prep_done(fd_store *store, const fd_actor *actor, int64_t prep_id, const char *note)
{
    static const char fn[] = "fd_store_visit_prep_done";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, false);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    /* Read inside the write: what is checked is what is ticked off. */
    int64_t row[3] = { 0, 0, 0 }; /* done_at, done_by, created_at */
    rc = fd__store_load(store, fn, SQL_PREP, prep_id, actor->site_id, "prep_id", "preparation item", read_prep, row);
    int64_t done_at = row[0], done_by = row[1], created_at = row[2];
    if (rc == FD_OK && done_at) {
        char who[FD__WHEN_MAX], when[FD__WHEN_MAX], ago[FD__DURATION_MAX];
        fd__staff_label(who, store, fn, done_by);
        fd__site_when(when, store, fn, actor->site_id, done_at, 0);
        fd__duration_words(ago, actor->at - done_at);
        rc = fd__error(FD_ESTATE, "%s: prep_id: item %lld was ticked off already, by %s at %s (%s %s): an item is "
                       "ticked off once (R-VIS-6)", fn, (long long)prep_id, who, when, ago,
                       done_at <= actor->at ? "ago" : "later");
    }
    if (rc == FD_OK)
        rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, created_at,
                            "the item was added to the checklist");
    int changed = 0;
    sqlite3_stmt *st = NULL;
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_PREP_DONE)) == NULL) {
        rc = fd_error_last()->code;
    } else if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, prep_id);
        sqlite3_bind_int64(st, 2, actor->site_id);
        sqlite3_bind_int64(st, 3, actor->at);
        if (actor->staff_id)
            sqlite3_bind_int64(st, 4, actor->staff_id);
        if (note && note[0])
            sqlite3_bind_text(st, 5, note, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "ticking off the item", &changed);
        sqlite3_clear_bindings(st);
        if (rc == FD_OK && changed != 1)
            rc = fd__error(FD_ESTATE, "%s: prep_id: item %lld was ticked off meanwhile", fn, (long long)prep_id);
    }
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_visit_prep_status(fd_visit_prep_status *out, fd_store *store, const fd_actor *actor,
                                     int64_t visit_id)
{
    static const char fn[] = "fd_store_visit_prep_status";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    visit_row v;
    if ((rc = load_visit(store, fn, actor, "visit_id", visit_id, &v)) != FD_OK)
        return rc;
    fd_visit_prep_status r;
    memset(&r, 0, sizeof r);
    r.version = FD_VISIT_PREP_STATUS_VERSION;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_PREP_ITEMS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, visit_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        fd_visit_prep p = FD_VISIT_PREP_INIT;
        p.due_at = sqlite3_column_int64(st, 0);
        p.done_at = sqlite3_column_int64(st, 1);
        fd_prep_due d;
        if ((rc = fd_visit_prep_due(&d, &p, v.planned_from, actor->at)) != FD_OK) {
            rc = fd__error(FD_EDATA, "%s: visit %lld: a preparation item holds an instant out of range", fn,
                           (long long)visit_id);
            break;
        }
        r.items++;
        r.done += !d.open;
        r.open += d.open;
        r.overdue += d.overdue;
        r.late += d.late;
        if (d.open && d.due_at && (r.first_due == 0 || d.due_at < r.first_due))
            r.first_due = d.due_at;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(store, fn, src, "reading the checklist");
    if (rc == FD_OK)
        *out = r;
    return rc;
}

fd_status fd_store_visit_prep_open(fd_visit_iter **out, fd_store *store, const fd_actor *actor, int64_t from,
                                   int64_t to, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_visit_prep_open";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = fd__period_check(store, fn, out, actor, from, to)) != FD_OK)
        return rc;
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    char f[24], t[24], a[24];
    snprintf(f, sizeof f, "%lld", (long long)from);
    snprintf(t, sizeof t, "%lld", (long long)to);
    snprintf(a, sizeof a, "%lld", (long long)after);
    const char *args[] = { f, t, a };
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_visit, actor, COND_OPEN, args, 3, limit);
}
