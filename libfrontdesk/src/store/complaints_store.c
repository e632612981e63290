/*
 * The store's side of complaints (issue 13, items 1-3): registering a
 * complaint (R-CPL-1) — also from a call in one call — with its targets
 * (R-CPL-2), its steps through the lifecycle (R-CPL-3 … R-CPL-5), a target's
 * clock, and the site's own categories (R-COM-5). The rules are the module's
 * pure functions (frontdesk/complaints.h): the step is checked by
 * fd_complaint_step_check() against the complaint as stored, every target is
 * what fd_complaint_target_eval() says of the stored events. One transaction
 * per write, journaled; nothing is deleted (R-COM-3).
 */
#include "store/complaints_store.h"
#include "store/calls_store.h"
#include "frontdesk/phone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_UNIT_SITE[] = "SELECT 1 FROM units WHERE id = ?1 AND site_id = ?2";
static const char SQL_OCCUPANT_SITE[] = "SELECT 1 FROM occupants WHERE id = ?1 AND site_id = ?2";
static const char SQL_DEPARTMENT_SITE[] = "SELECT 1 FROM departments WHERE id = ?1 AND site_id = ?2";
static const char SQL_CALL_SITE[] = "SELECT 1 FROM calls WHERE id = ?1 AND site_id = ?2";
static const char SQL_VISIT_SITE[] = "SELECT 1 FROM visits WHERE id = ?1 AND site_id = ?2";
static const char SQL_CATEGORY_OF_SITE[] =
    "SELECT retired_at FROM complaint_categories WHERE site_id = ?1 AND code = ?2";
static const char SQL_CATEGORY_STATE[] =
    "SELECT retired_at, created_at FROM complaint_categories WHERE id = ?1 AND site_id = ?2";
static const char SQL_CATEGORY_RETIRE[] =
    "UPDATE complaint_categories SET retired_at = ?2 WHERE id = ?1 AND retired_at = 0";
static const char SQL_CALL_FOR_COMPLAINT[] =
    "SELECT site_id, ring_at, coalesce(caller_name, ''), coalesce(caller_number, ''), coalesce(matter, '') "
    "FROM calls WHERE id = ?1";
/* The complaint and its last event in one statement: a step is conditional on both. */
static const char SQL_COMPLAINT_NOW[] =
    "SELECT received_at, customer_due, severity, state, coalesce(validity, ''), waiting, harm, "
    "coalesce(department_id, 0), promised_at, reopened, contacted_at, reported_at, replied_at, closed_at, "
    "coalesce((SELECT id FROM complaint_events WHERE complaint_id = c.id ORDER BY id DESC LIMIT 1), 0), "
    "coalesce((SELECT CASE WHEN happened_at > 0 THEN happened_at ELSE created_at END FROM complaint_events "
    "WHERE complaint_id = c.id ORDER BY id DESC LIMIT 1), 0), accepted_at "
    "FROM complaints c WHERE id = ?1 AND site_id = ?2";
/*
 * A step's change, only if the complaint is still as read: in the same state
 * and with no event since (two clerks stepping it at once: the second finds
 * nothing to change). Text: NULL keeps the column, '' clears it.
 */
static const char SQL_COMPLAINT_SET[] =
    "UPDATE complaints SET state = ?3, validity = CASE WHEN ?4 IS NULL THEN validity ELSE nullif(?4, '') END, "
    "waiting = ?5, department_id = CASE WHEN ?6 > 0 THEN ?6 ELSE department_id END, promised_at = ?7, "
    "cause = CASE WHEN ?8 IS NULL THEN cause ELSE nullif(?8, '') END, "
    "responsible = CASE WHEN ?9 IS NULL THEN responsible ELSE nullif(?9, '') END, "
    "solution = CASE WHEN ?10 IS NULL THEN solution ELSE nullif(?10, '') END, "
    "satisfaction = CASE WHEN ?11 IS NULL THEN satisfaction ELSE nullif(?11, '') END, "
    "reopened = ?12, contacted_at = ?13, reported_at = ?14, replied_at = ?15, closed_at = ?16, severity = ?17, "
    "harm = ?18, accepted_at = ?20 "
    "WHERE id = ?1 AND state = ?2 AND coalesce((SELECT id FROM complaint_events WHERE complaint_id = ?1 "
    "ORDER BY id DESC LIMIT 1), 0) = ?19";
static const char SQL_EVENTS_OF[] =
    "SELECT id, site_id, coalesce(staff_id, 0), created_at, complaint_id, kind, coalesce(from_state, ''), "
    "coalesce(to_state, ''), coalesce(detail, ''), happened_at FROM complaint_events WHERE complaint_id = ?1 "
    "ORDER BY id";
static const char SQL_PROPOSAL[] = "SELECT complaint_id, kind, coalesce(note, '') FROM complaint_events WHERE id = ?1";
static const char SQL_TARGETS_IN_FORCE[] =
    "SELECT id, target, severity, amount, unit, start_at, due_at, paused, met_at, provisional FROM complaint_targets "
    "WHERE complaint_id = ?1 AND superseded_at = 0 ORDER BY id";
static const char SQL_TARGET_SET[] =
    "UPDATE complaint_targets SET start_at = ?2, due_at = ?3, paused = ?4, met_at = ?5, "
    "breached_at = CASE WHEN breached_at = 0 AND ?6 THEN ?7 ELSE breached_at END, data_version = ?8, "
    "provisional = ?9, harm = ?10 WHERE id = ?1";
static const char SQL_TARGETS_SUPERSEDE[] =
    "UPDATE complaint_targets SET superseded_at = ?2 WHERE complaint_id = ?1 AND superseded_at = 0";
static const char SQL_TARGETS_ESCALATED[] =
    "UPDATE complaint_targets SET escalated_at = ?2 WHERE complaint_id = ?1 AND target = ?3 AND superseded_at = 0 "
    "AND escalated_at = 0";
static const char SQL_TARGET_ONE[] =
    "SELECT complaint_id, target, severity, amount, unit, due_at, coalesce(data_version, ''), superseded_at "
    "FROM complaint_targets WHERE id = ?1 AND site_id = ?2";

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

fd_status fd__complaint_prologue(const char *fn, const char *out_name, const void *out, fd_store *store,
                                 const char *in_name, const void *in, const fd_actor *actor)
{
    fd_status rc = out_name ? fd__check_ptr(fn, out_name, out) : FD_OK;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && in_name)
        rc = fd__check_ptr(fn, in_name, in);
    return rc ? rc : fd__actor_check(store, fn, actor, NULL);
}

/* --- reading a complaint and its events -------------------------------------------- */

fd_status fd__complaint_now_load(fd__complaint_now *out, fd_store *s, const char *fn, const char *field, int64_t id,
                                 int64_t site_id)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_COMPLAINT_NOW);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, site_id);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        fd__complaint_now *n = out;
        memset(n, 0, sizeof *n);
        fd_complaint init = FD_COMPLAINT_INIT;
        n->c = init;
        n->c.id = id;
        n->c.site_id = site_id;
        n->c.received_at = sqlite3_column_int64(st, 0);
        n->c.customer_due = sqlite3_column_int64(st, 1);
        fd__copy_fixed(n->severity, sizeof n->severity, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
        fd__copy_fixed(n->state, sizeof n->state, COL_TEXT(st, 3) ? COL_TEXT(st, 3) : "");
        fd__copy_fixed(n->validity, sizeof n->validity, COL_TEXT(st, 4) ? COL_TEXT(st, 4) : "");
        n->c.waiting = sqlite3_column_int(st, 5);
        n->c.harm = sqlite3_column_int(st, 6);
        n->c.department_id = sqlite3_column_int64(st, 7);
        n->c.promised_at = sqlite3_column_int64(st, 8);
        n->c.reopened = sqlite3_column_int64(st, 9);
        n->c.contacted_at = sqlite3_column_int64(st, 10);
        n->c.reported_at = sqlite3_column_int64(st, 11);
        n->c.replied_at = sqlite3_column_int64(st, 12);
        n->c.closed_at = sqlite3_column_int64(st, 13);
        n->last_event = sqlite3_column_int64(st, 14);
        n->last_at = sqlite3_column_int64(st, 15);
        n->c.accepted_at = sqlite3_column_int64(st, 16);
        n->c.severity = n->severity;
        n->c.state = n->state;
        n->c.validity = n->validity;
    }
    fd_status rc = src == SQLITE_ROW && sqlite3_errcode(s->db) == SQLITE_NOMEM ? fd__oom(fn) : FD_OK;
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: %s: no complaint %lld at the actor's site", fn, field, (long long)id);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "reading the complaint");
}

void fd__complaint_events_free(fd__complaint_events *ev)
{
    if (ev == NULL)
        return;
    free(ev->v);
    free(ev->text);
    memset(ev, 0, sizeof *ev);
}

fd_status fd__complaint_events_load(fd__complaint_events *out, fd_store *s, const char *fn, int64_t complaint_id)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_EVENTS_OF);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, complaint_id);
    size_t cap = 0;
    fd_status rc = FD_OK;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            fd_complaint_event *v = realloc(out->v, ncap * sizeof *v);
            if (v != NULL)
                out->v = v;
            char(*t)[4][201] = v ? realloc(out->text, ncap * sizeof *t) : NULL;
            if (t == NULL) {
                rc = fd__oom(fn);
                break;
            }
            out->text = t;
            cap = ncap;
        }
        fd_complaint_event e = FD_COMPLAINT_EVENT_INIT;
        e.id = sqlite3_column_int64(st, 0);
        e.site_id = sqlite3_column_int64(st, 1);
        e.staff_id = sqlite3_column_int64(st, 2);
        e.created_at = sqlite3_column_int64(st, 3);
        e.complaint_id = sqlite3_column_int64(st, 4);
        e.happened_at = sqlite3_column_int64(st, 9);
        for (int k = 0; k < 4; k++) {
            const char *t = COL_TEXT(st, 5 + k);
            fd__copy_fixed(out->text[out->n][k], sizeof out->text[out->n][k], t ? t : "");
        }
        if (sqlite3_errcode(s->db) == SQLITE_NOMEM) {
            rc = fd__oom(fn);
            break;
        }
        out->v[out->n++] = e;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the complaint's events");
    if (rc) {
        fd__complaint_events_free(out);
        return rc;
    }
    /* The strings point into `text`, which no longer moves. */
    for (size_t i = 0; i < out->n; i++) {
        out->v[i].kind = out->text[i][0];
        out->v[i].from_state = out->text[i][1];
        out->v[i].to_state = out->text[i][2];
        out->v[i].detail = out->text[i][3];
    }
    return FD_OK;
}

/* --- targets (R-CPL-2, R-CPL-4) ------------------------------------------------------ */

/* Target @target of severity @severity's plan, with @amount and @unit (the terms it was set with) when @unit is not 0. */
static fd_status plan_for(fd_complaint_target_plan *out, const char *fn, const char *severity, const char *target,
                          int64_t amount, int unit, const fd_policy *policy)
{
    fd_complaint_target_plan plan[FD_COMPLAINT_TARGETS_MAX];
    size_t n = 0;
    fd_status rc = fd_complaint_target_plan_of(plan, &n, severity, policy);
    if (rc)
        return fd__error_rename(rc, fn, NULL);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(plan[i].target, target) != 0)
            continue;
        *out = plan[i];
        if (unit) {
            out->amount = amount;
            out->unit = unit;
        }
        return FD_OK;
    }
    return fd__error(FD_EDATA, "%s: a stored %s target of a %s complaint: no such target in the plan", fn, target,
                     severity);
}

/* Inserts a new target of complaint @c as @clock says, inside the caller's write. */
static fd_status target_insert(fd_store *s, const char *fn, const fd_actor *actor, const fd_complaint *c,
                               const fd_complaint_target_plan *p, const fd_complaint_clock *k)
{
    fd_complaint_target t = FD_COMPLAINT_TARGET_INIT;
    t.complaint_id = c->id;
    t.target = p->target;
    t.severity = c->severity;
    t.policy_key = p->policy_key;
    t.amount = p->amount;
    t.unit = fd_calendar_unit_name(p->unit);
    t.start_at = k->start_at;
    t.due_at = k->due_at;
    t.paused = k->paused;
    t.met_at = k->met_at;
    t.breached_at = k->breached ? actor->at : 0;
    t.data_version = k->start_at ? k->version_text : NULL;
    t.provisional = k->provisional;
    t.harm = c->harm;
    return fd__record_insert(NULL, s, fn, &fd__record_complaint_target, &t, actor);
}

/* One target in force as stored: what a recomputation compares and keeps. */
typedef struct target_row {
    int64_t id, amount, start_at, due_at, met_at;
    int paused, unit, provisional;
    char target[17], severity[17];
} target_row;

static fd_status targets_in_force(target_row **rows, size_t *n, fd_store *s, const char *fn, int64_t complaint_id)
{
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_TARGETS_IN_FORCE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, complaint_id);
    fd_status rc = FD_OK;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        target_row *r = realloc(*rows, (*n + 1) * sizeof *r);
        if (r == NULL) {
            rc = fd__oom(fn);
            break;
        }
        *rows = r;
        r = &r[(*n)++];
        r->id = sqlite3_column_int64(st, 0);
        fd__copy_fixed(r->target, sizeof r->target, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
        fd__copy_fixed(r->severity, sizeof r->severity, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
        r->amount = sqlite3_column_int64(st, 3);
        r->unit = fd__unit_from_name(COL_TEXT(st, 4) ? COL_TEXT(st, 4) : "");
        r->start_at = sqlite3_column_int64(st, 5);
        r->due_at = sqlite3_column_int64(st, 6);
        r->paused = sqlite3_column_int(st, 7);
        r->met_at = sqlite3_column_int64(st, 8);
        r->provisional = sqlite3_column_int(st, 9);
        if (r->unit == 0)
            rc = fd__error(FD_EDATA, "%s: target %lld: its unit is not a calendar unit", fn, (long long)r->id);
        if (rc == FD_OK && sqlite3_errcode(s->db) == SQLITE_NOMEM)
            rc = fd__oom(fn);
        if (rc)
            break;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the complaint's targets");
    if (rc) {
        free(*rows);
        *rows = NULL;
        *n = 0;
    }
    return rc;
}

static fd_status target_update(fd_store *s, const char *fn, const fd_actor *actor, int64_t id, const fd_complaint *c,
                               const fd_complaint_clock *k)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_TARGET_SET);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, k->start_at);
    sqlite3_bind_int64(st, 3, k->due_at);
    sqlite3_bind_int(st, 4, k->paused);
    sqlite3_bind_int64(st, 5, k->met_at);
    sqlite3_bind_int(st, 6, k->breached);
    sqlite3_bind_int64(st, 7, actor->at);
    if (k->start_at)
        sqlite3_bind_text(st, 8, k->version_text, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 9, k->provisional);
    sqlite3_bind_int(st, 10, c->harm);
    return fd__stmt_done(s, fn, st, "updating a target", NULL);
}

fd_status fd__complaint_targets(fd_store *s, const char *fn, const fd_actor *actor, const fd_complaint *c,
                                const fd__complaint_events *ev, const fd_calendar *cal, const fd_policy *policy,
                                bool plan, int64_t *changed)
{
    fd_complaint_clock k;
    fd_status rc = FD_OK;
    if (changed)
        *changed = 0;
    if (plan) {
        fd_complaint_target_plan p[FD_COMPLAINT_TARGETS_MAX];
        size_t n = 0;
        if ((rc = fd_complaint_target_plan_of(p, &n, c->severity, policy)) != FD_OK)
            return fd__error_rename(rc, fn, NULL);
        for (size_t i = 0; i < n && rc == FD_OK; i++) {
            if ((rc = fd_complaint_target_eval(&k, &p[i], c, ev->v, ev->n, cal, policy, actor->at)) != FD_OK)
                rc = fd__error_rename(rc, fn, NULL);
            if (rc == FD_OK)
                rc = target_insert(s, fn, actor, c, &p[i], &k);
        }
        return rc;
    }
    target_row *rows = NULL;
    size_t n = 0;
    if ((rc = targets_in_force(&rows, &n, s, fn, c->id)) != FD_OK)
        return rc;
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        fd_complaint_target_plan p;
        rc = plan_for(&p, fn, rows[i].severity, rows[i].target, rows[i].amount, rows[i].unit, policy);
        if (rc == FD_OK && (rc = fd_complaint_target_eval(&k, &p, c, ev->v, ev->n, cal, policy, actor->at)) != FD_OK)
            rc = fd__error_rename(rc, fn, NULL);
        if (rc == FD_OK)
            rc = target_update(s, fn, actor, rows[i].id, c, &k);
        if (rc == FD_OK && changed &&
            (k.start_at != rows[i].start_at || k.due_at != rows[i].due_at || k.paused != rows[i].paused ||
             k.met_at != rows[i].met_at || k.provisional != rows[i].provisional))
            (*changed)++;
    }
    free(rows);
    return rc;
}

/* --- registering (R-CPL-1) ----------------------------------------------------------- */

/* R-COM-5: the category is built in or one of the site's in use. */
static fd_status check_category(fd_store *s, const char *fn, const char *code, int64_t site_id)
{
    if (fd_complaint_code_label("category", code))
        return FD_OK;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_CATEGORY_OF_SITE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site_id);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    int64_t retired = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "reading the site's categories");
    if (src == SQLITE_DONE)
        return fd__error(FD_EINVAL, "%s: complaint.category: '%s' is neither built in (repair 维修, security 安保, "
                         "cleaning 保洁, fees 收费, attitude 服务态度, environment 环境, parking 停车, noise 噪音, "
                         "other 其他) nor one of the site's categories (R-COM-5)", fn, code);
    if (retired)
        return fd__error(FD_EINVAL, "%s: complaint.category: '%s' was retired by the site (R-COM-5)", fn, code);
    return FD_OK;
}

/*
 * Registers @c (its fields checked here) at the actor's site: the complaint,
 * its register event and its targets in one transaction, journaled; with
 * @call_id, the call it came from is journaled as becoming a complaint.
 */
static fd_status complaint_register(int64_t *out_id, fd_store *store, const char *fn, const fd_actor *actor,
                                    const fd_complaint *c, int64_t call_id)
{
    fd_status rc = fd_complaint_validate(c);
    if (rc)
        return fd__error_rename(rc, fn, NULL);
    if (c->received_at > actor->at) {
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, c->received_at, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, c->received_at);
        return fd__error(FD_EINVAL, "%s: complaint.received_at: %s is after now (%s): a complaint is registered once "
                         "it is made", fn, when, now);
    }
    if ((rc = check_category(store, fn, c->category, actor->site_id)) != FD_OK)
        return rc;
    const struct {
        const char *sql, *qname, *what;
        int64_t id;
    } refs[] = {
        { SQL_UNIT_SITE, "complaint.unit_id", "unit", c->unit_id },
        { SQL_OCCUPANT_SITE, "complaint.occupant_id", "occupant", c->occupant_id },
        { SQL_DEPARTMENT_SITE, "complaint.subject_department", "department", c->subject_department },
        { SQL_CALL_SITE, "complaint.call_id", "call", c->call_id },
        { SQL_VISIT_SITE, "complaint.visit_id", "visit", c->visit_id },
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0] && rc == FD_OK; i++)
        rc = fd__store_ref_at_site(store, fn, refs[i].sql, refs[i].id, actor->site_id, refs[i].qname, refs[i].what);
    char contact[FD__PHONE_MAX];
    if (rc == FD_OK)
        rc = fd__calls_phone(contact, fn, "complaint.contact", c->contact, false);
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy);
    if (rc)
        return rc;
    /* The store's fields: a complaint starts registered (R-CPL-3), with nothing done yet. */
    fd_complaint r = *c;
    r.contact = contact[0] ? contact : NULL;
    r.state = "registered";
    r.validity = NULL;
    r.waiting = 0;
    r.department_id = r.promised_at = r.reopened = 0;
    r.cause = r.responsible = r.solution = r.satisfaction = NULL;
    r.contacted_at = r.reported_at = r.replied_at = r.closed_at = r.accepted_at = 0;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_complaint, &r, actor);
    /* The register event: the clocks count from when the customer made it. */
    fd_complaint_event e = FD_COMPLAINT_EVENT_INIT;
    e.complaint_id = r.id = id;
    e.kind = "register";
    e.to_state = "registered";
    e.detail = r.severity;
    e.happened_at = r.received_at;
    if (rc == FD_OK)
        rc = fd__record_insert(&e.id, store, fn, &fd__record_complaint_event, &e, actor);
    e.site_id = actor->site_id;
    e.staff_id = actor->staff_id;
    e.created_at = actor->at;
    fd__complaint_events ev = { &e, 1, NULL };
    if (rc == FD_OK)
        rc = fd__complaint_targets(store, fn, actor, &r, &ev, cal, policy, true, NULL);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "complaint", id, "register", r.severity);
    if (rc == FD_OK && call_id) {
        char detail[48];
        snprintf(detail, sizeof detail, "complaint %lld", (long long)id);
        rc = fd__journal(store, fn, actor, actor->site_id, "call", call_id, "complaint", detail);
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_complaint_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_complaint *c)
{
    static const char fn[] = "fd_store_complaint_add";
    fd_status rc = fd__complaint_prologue(fn, "out_id", out_id, store, "c", c, actor);
    return rc ? rc : complaint_register(out_id, store, fn, actor, c, 0);
}

fd_status fd_store_complaint_from_call(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t call_id,
                                       const fd_complaint *c)
{
    static const char fn[] = "fd_store_complaint_from_call";
    fd_status rc = fd__complaint_prologue(fn, "out_id", out_id, store, "c", c, actor);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_CALL_FOR_COMPLAINT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, call_id);
    int src = sqlite3_step(st);
    bool here = src == SQLITE_ROW && sqlite3_column_int64(st, 0) == actor->site_id;
    int64_t ring_at = here ? sqlite3_column_int64(st, 1) : 0;
    char name[128] = "", number[80] = "";
    char *matter = NULL;
    if (here) {
        fd__copy_fixed(name, sizeof name, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
        fd__copy_fixed(number, sizeof number, COL_TEXT(st, 3) ? COL_TEXT(st, 3) : "");
        const char *m = COL_TEXT(st, 4);
        if (m == NULL || (matter = strdup(m)) == NULL)
            rc = fd__oom(fn);
    }
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(store, fn, src, "reading the call");
    if (!here)
        return fd__error(FD_ENOTFOUND, "%s: call_id: no call %lld at the actor's site", fn, (long long)call_id);
    /* R-CPL-1, R-CALL-9: the call says when, how and who; what the caller left empty comes from it. */
    fd_complaint r = *c;
    r.received_at = ring_at;
    r.channel = "phone";
    r.call_id = call_id;
    if ((r.customer == NULL || r.customer[0] == '\0') && name[0])
        r.customer = name;
    if (r.contact == NULL || r.contact[0] == '\0') {
        fd_phone ph;
        /* A number the phone parser does not take (an extension) stays on the call only. */
        if (number[0] && fd_phone_parse(&ph, number) == FD_OK)
            r.contact = number;
        fd_error_clear();
    }
    if ((r.what == NULL || r.what[0] == '\0') && matter[0])
        r.what = matter;
    rc = complaint_register(out_id, store, fn, actor, &r, call_id);
    free(matter);
    return rc;
}

/* --- steps (R-CPL-3, R-CPL-4, R-CPL-5) --------------------------------------------------- */

/* The new values of a complaint's changing columns (text: NULL keeps, "" clears). */
typedef struct complaint_set {
    const char *state, *validity, *cause, *responsible, *solution, *satisfaction, *severity;
    int waiting, harm;
    int64_t department_id, promised_at, reopened, contacted_at, reported_at, replied_at, closed_at, accepted_at;
} complaint_set;

static fd_status complaint_update(fd_store *s, const char *fn, const fd__complaint_now *now, const complaint_set *to)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_COMPLAINT_SET);
    if (st == NULL)
        return fd_error_last()->code;
    const char *texts[] = { to->validity, to->cause, to->responsible, to->solution, to->satisfaction };
    const int64_t ints[] = { to->reopened, to->contacted_at, to->reported_at, to->replied_at, to->closed_at };
    sqlite3_bind_int64(st, 1, now->c.id);
    sqlite3_bind_text(st, 2, now->state, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, to->state, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, texts[0], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, to->waiting);
    sqlite3_bind_int64(st, 6, to->department_id);
    sqlite3_bind_int64(st, 7, to->promised_at);
    for (int i = 1; i < 5; i++)
        sqlite3_bind_text(st, 7 + i, texts[i], -1, SQLITE_STATIC);
    for (int i = 0; i < 5; i++)
        sqlite3_bind_int64(st, 12 + i, ints[i]);
    sqlite3_bind_text(st, 17, to->severity, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 18, to->harm);
    sqlite3_bind_int64(st, 19, now->last_event);
    sqlite3_bind_int64(st, 20, to->accepted_at);
    int changed = 0;
    fd_status rc = fd__stmt_done(s, fn, st, "updating the complaint", &changed);
    /* Another clerk's step came first: the state moved or an event was added since the read. */
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_EBUSY, "%s: complaint_id: complaint %lld was changed by another step since it was read "
                       "(it was %s): read it again and decide anew", fn, (long long)now->c.id, now->state);
    return rc;
}

/* R-CPL-3: the proposal a supervisor picks is a propose step of this complaint; its note is the solution. */
static fd_status proposal_of(char **solution, fd_store *s, const char *fn, int64_t complaint_id, int64_t proposal_id)
{
    *solution = NULL;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_PROPOSAL);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, proposal_id);
    int src = sqlite3_step(st);
    bool ok = src == SQLITE_ROW && sqlite3_column_int64(st, 0) == complaint_id && COL_TEXT(st, 1) &&
              strcmp(COL_TEXT(st, 1), "propose") == 0;
    fd_status rc = FD_OK;
    if (ok && (COL_TEXT(st, 2) == NULL || (*solution = strdup(COL_TEXT(st, 2))) == NULL))
        rc = fd__oom(fn);
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the proposal");
    if (rc == FD_OK && !ok)
        rc = fd__error(FD_ENOTFOUND, "%s: step.proposal_id: %lld is not a proposal (propose step) of complaint %lld",
                       fn, (long long)proposal_id, (long long)complaint_id);
    return rc;
}

/* What step @step of kind @kind changes on complaint @n, at instant @at, leading to @to. */
static complaint_set step_changes(const fd__complaint_now *n, const fd_complaint_step *step, const char *to,
                                  int64_t at, const char *solution)
{
    const fd_complaint *c = &n->c;
    complaint_set t = { to, NULL, NULL, NULL, NULL, NULL, c->severity, c->waiting, c->harm, 0, c->promised_at,
                        c->reopened, c->contacted_at, c->reported_at, c->replied_at, c->closed_at, c->accepted_at };
    const char *k = step->kind;
    if (strcmp(k, "assess") == 0) {
        t.validity = step->valid ? "valid" : "invalid";
        if (!step->valid)
            t.closed_at = at; /* R-CPL-1: explained to the customer and closed */
    } else if (strcmp(k, "assign") == 0) {
        t.department_id = step->department_id;
        t.promised_at = step->promised_at;
    } else if (strcmp(k, "investigate") == 0) {
        t.cause = step->cause;
        t.responsible = step->responsible ? step->responsible : "";
    } else if (strcmp(k, "choose") == 0) {
        t.solution = solution;
    } else if (strcmp(k, "implement") == 0) {
        t.accepted_at = at; /* the customer signed the acceptance (R-CPL-3) */
    } else if (strcmp(k, "followup") == 0) {
        t.satisfaction = step->satisfaction;
    } else if (strcmp(k, "close") == 0) {
        t.closed_at = at;
    } else if (strcmp(k, "reopen") == 0) {
        /* Open again: the department reports and the desk replies anew (the events keep the first round). */
        t.reopened = c->reopened + 1;
        t.closed_at = t.reported_at = t.replied_at = t.accepted_at = 0;
        if (strcmp(to, "registered") == 0)
            t.validity = ""; /* an invalid complaint reopened is assessed again */
    } else if (strcmp(k, "pause") == 0 || strcmp(k, "resume") == 0) {
        t.waiting = strcmp(k, "pause") == 0;
    } else if (strcmp(k, "contact") == 0) {
        t.contacted_at = c->contacted_at ? c->contacted_at : at; /* the first contact (R-CPL-4) */
    } else if (strcmp(k, "report") == 0) {
        t.reported_at = at;
    } else if (strcmp(k, "reply") == 0) {
        t.replied_at = at;
    } else if (strcmp(k, "severity") == 0) {
        t.severity = step->severity;
    } else if (strcmp(k, "harm") == 0 || strcmp(k, "harm_cleared") == 0) {
        t.harm = strcmp(k, "harm") == 0;
    }
    return t;
}

fd_status fd_store_complaint_step(int64_t *out_event, fd_store *store, const fd_actor *actor, int64_t complaint_id,
                                  const fd_complaint_step *step)
{
    static const char fn[] = "fd_store_complaint_step";
    fd_status rc = fd__complaint_prologue(fn, NULL, NULL, store, "step", step, actor);
    fd__complaint_now n;
    if (rc == FD_OK)
        rc = fd__complaint_now_load(&n, store, fn, "complaint_id", complaint_id, actor->site_id);
    const char *to = NULL;
    if (rc == FD_OK && (rc = fd_complaint_step_check(&to, &n.c, step)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc)
        return rc;
    /* The clocks replay instants in event order: a step noted later is not before the last one. */
    int64_t at = step->happened_at ? step->happened_at : actor->at;
    if (step->happened_at > actor->at) {
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, step->happened_at, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, step->happened_at);
        return fd__error(FD_EINVAL, "%s: step.happened_at: %s is after now (%s): a step is noted once it happened",
                         fn, when, now);
    }
    if ((rc = fd__step_check(store, fn, actor->site_id, step->happened_at ? "step.happened_at" : "at", at, n.last_at,
                             "the complaint's last step")) != FD_OK)
        return rc;
    const char *kind = step->kind;
    char *solution = NULL;
    if (strcmp(kind, "choose") == 0) {
        /* R-CPL-3: the supervisor picks the solution. */
        if ((rc = fd__actor_require_manage(fn, actor)) == FD_OK)
            rc = proposal_of(&solution, store, fn, complaint_id, step->proposal_id);
    } else if (strcmp(kind, "assign") == 0) {
        rc = fd__store_ref_at_site(store, fn, SQL_DEPARTMENT_SITE, step->department_id, actor->site_id,
                                   "step.department_id", "department");
    }
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy);
    if (rc) {
        free(solution);
        return rc;
    }
    complaint_set set = step_changes(&n, step, to, at, solution);
    char detail[64] = "";
    if (strcmp(kind, "escalate") == 0)
        snprintf(detail, sizeof detail, "%s", step->target);
    else if (strcmp(kind, "severity") == 0)
        snprintf(detail, sizeof detail, "%s>%s", n.severity, step->severity);
    else if (strcmp(kind, "choose") == 0)
        snprintf(detail, sizeof detail, "%lld", (long long)step->proposal_id);
    else if (strcmp(kind, "followup") == 0 || strcmp(kind, "assess") == 0)
        snprintf(detail, sizeof detail, "%s", strcmp(kind, "assess") == 0 ? set.validity : step->satisfaction);
    fd_complaint_event e = FD_COMPLAINT_EVENT_INIT;
    e.complaint_id = complaint_id;
    e.kind = kind;
    e.from_state = n.state;
    e.to_state = to;
    e.detail = detail[0] ? detail : NULL;
    e.happened_at = step->happened_at;
    e.note = strcmp(kind, "propose") == 0 ? step->solution : step->note; /* a proposal is its solution */
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK) {
        free(solution);
        return rc;
    }
    int64_t eid = 0;
    rc = complaint_update(store, fn, &n, &set);
    if (rc == FD_OK)
        rc = fd__record_insert(&eid, store, fn, &fd__record_complaint_event, &e, actor);
    /* The targets from every stored event, this one included (R-CPL-2); a severity change
     * supersedes those in force and sets the new severity's, computed from received_at. */
    bool change = strcmp(kind, "severity") == 0;
    sqlite3_stmt *st = NULL;
    if (rc == FD_OK && change && (st = fd__store_stmt(store, fn, SQL_TARGETS_SUPERSEDE)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK && change) {
        sqlite3_bind_int64(st, 1, complaint_id);
        sqlite3_bind_int64(st, 2, at);
        rc = fd__stmt_done(store, fn, st, "superseding the targets", NULL);
    }
    if (rc == FD_OK && strcmp(kind, "escalate") == 0) {
        if ((st = fd__store_stmt(store, fn, SQL_TARGETS_ESCALATED)) == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, complaint_id);
            sqlite3_bind_int64(st, 2, at);
            sqlite3_bind_text(st, 3, step->target, -1, SQLITE_STATIC);
            rc = fd__stmt_done(store, fn, st, "recording the escalation", NULL);
        }
    }
    fd__complaint_events ev = { NULL, 0, NULL };
    if (rc == FD_OK)
        rc = fd__complaint_events_load(&ev, store, fn, complaint_id);
    fd_complaint c = n.c;
    c.severity = set.severity;
    c.harm = set.harm;
    if (rc == FD_OK)
        rc = fd__complaint_targets(store, fn, actor, &c, &ev, cal, policy, change, NULL);
    fd__complaint_events_free(&ev);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "complaint", complaint_id, kind, e.detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    free(solution);
    if (rc == FD_OK && out_event)
        *out_event = eid;
    return rc;
}

/* --- a target's clock ---------------------------------------------------------------------- */

fd_status fd_store_complaint_clock(fd_complaint_clock *out, fd_store *store, const fd_actor *actor,
                                   int64_t target_id)
{
    static const char fn[] = "fd_store_complaint_clock";
    fd_status rc = fd__complaint_prologue(fn, "out", out, store, NULL, NULL, actor);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_TARGET_ONE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, target_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src = sqlite3_step(st);
    int64_t complaint_id = 0, amount = 0, stored_due = 0, superseded = 0;
    int unit = 0;
    char target[17] = "", severity[17] = "", version[65] = "";
    if (src == SQLITE_ROW) {
        complaint_id = sqlite3_column_int64(st, 0);
        fd__copy_fixed(target, sizeof target, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
        fd__copy_fixed(severity, sizeof severity, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
        amount = sqlite3_column_int64(st, 3);
        unit = fd__unit_from_name(COL_TEXT(st, 4) ? COL_TEXT(st, 4) : "");
        stored_due = sqlite3_column_int64(st, 5);
        fd__copy_fixed(version, sizeof version, COL_TEXT(st, 6) ? COL_TEXT(st, 6) : "");
        superseded = sqlite3_column_int64(st, 7);
        if (sqlite3_errcode(store->db) == SQLITE_NOMEM)
            rc = fd__oom(fn);
    }
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: target_id: no complaint target %lld at the actor's site", fn,
                         (long long)target_id);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(store, fn, src, "reading the target");
    if (unit == 0)
        return fd__error(FD_EDATA, "%s: target_id: target %lld's unit is not a calendar unit", fn,
                         (long long)target_id);
    fd__complaint_now n;
    fd_complaint_target_plan p;
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd__complaint_events ev = { NULL, 0, NULL };
    rc = fd__complaint_now_load(&n, store, fn, "target_id", complaint_id, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = plan_for(&p, fn, severity, target, amount, unit, policy);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy);
    if (rc == FD_OK)
        rc = fd__complaint_events_load(&ev, store, fn, complaint_id);
    /* A target a severity change replaced stands as it was then. */
    int64_t at = superseded && superseded < actor->at ? superseded : actor->at;
    fd_complaint_clock k;
    if (rc == FD_OK && (rc = fd_complaint_target_eval(&k, &p, &n.c, ev.v, ev.n, cal, policy, at)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    fd__complaint_events_free(&ev);
    if (rc)
        return rc;
    /*
     * The stored due is what the events gave when it was written; on the same data they give it again —
     * at an instant after the last of them: asked as it stood before a later step, the clock is the
     * events up to then (a `show --at` of the past), which the stored row, written since, need not be.
     */
    if (at >= n.last_at && strcmp(k.version_text, version) == 0 && k.due_at != stored_due)
        return fd__error(FD_EDATA, "%s: target_id: target %lld is stored due at %lld but its events give %lld on the "
                         "same calendar data (%s): the stored target is not what its events say", fn,
                         (long long)target_id, (long long)stored_due, (long long)k.due_at,
                         version[0] ? version : "none");
    *out = k;
    return FD_OK;
}

/* --- the site's categories (R-COM-5) ----------------------------------------------------- */

fd_status fd_store_complaint_category_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                          const fd_complaint_category *category)
{
    static const char fn[] = "fd_store_complaint_category_add";
    fd_status rc = fd__check_ptr(fn, "category", category);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_complaint_category, fn, category);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "complaint_category.label", category->label, 32, true);
    if (rc == FD_OK)
        rc = fd__complaint_prologue(fn, "out_id", out_id, store, NULL, NULL, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc == FD_OK && fd_complaint_code_label("category", category->code))
        rc = fd__error(FD_ECONFLICT, "%s: complaint_category.code: '%s' is built in (%s)", fn, category->code,
                       fd_complaint_code_label("category", category->code));
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_DEPARTMENT_SITE, category->department_id, actor->site_id,
                                   "complaint_category.department_id", "department");
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    /* Codes are the site's for good: a retired one is not added again (complaints keep it). */
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_CATEGORY_OF_SITE);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, category->code, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_ROW)
            rc = fd__error(FD_ECONFLICT, "%s: complaint_category.code: the site has '%s' already", fn, category->code);
        else if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "reading the site's categories");
    }
    int64_t id = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&id, store, fn, &fd__record_complaint_category, category, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "complaint_category", id, "add", category->code);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd__complaint_mark(const char *fn, fd_store *store, const fd_actor *actor, const fd__mark *m, int64_t id)
{
    fd_status rc = fd__complaint_prologue(fn, NULL, NULL, store, NULL, NULL, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    return rc ? rc : fd__store_mark_once(store, fn, actor, m, id, NULL);
}

fd_status fd_store_complaint_category_retire(fd_store *store, const fd_actor *actor, int64_t category_id)
{
    static const fd__mark retire = { SQL_CATEGORY_STATE, SQL_CATEGORY_RETIRE, "category_id", "complaint category",
                                     "retired", "the category was added", "complaint_category", "retire" };
    return fd__complaint_mark("fd_store_complaint_category_retire", store, actor, &retire, category_id);
}
