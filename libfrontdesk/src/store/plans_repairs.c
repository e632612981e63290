/*
 * The store's side of repairs (issue 15 items 1-2): registering a work order
 * (R-PLN-6) with its automatic dispatch under the site's assignment policy,
 * its steps with the handler before and after, staff skills, the follow-up
 * every done repair is owed (R-PLN-1), its record (a not-fixed one sends the
 * order back), the due list and the period's coverage. The rules are the
 * module's pure functions (frontdesk/plans.h): a step is checked by
 * fd_repair_step_check() against the order as stored, a follow-up's due is
 * fd_followup_due() on the site's calendar. One transaction per write,
 * journaled; nothing is deleted (R-COM-3).
 */
#include "store/plans_records.h"
#include "store/calls_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_UNIT_SITE[] = "SELECT 1 FROM units WHERE id = ?1 AND site_id = ?2";
static const char SQL_OCCUPANT_SITE[] = "SELECT 1 FROM occupants WHERE id = ?1 AND site_id = ?2";
static const char SQL_ORGANISATION_SITE[] = "SELECT 1 FROM organisations WHERE id = ?1 AND site_id = ?2";
static const char SQL_CALL_SITE[] = "SELECT 1 FROM calls WHERE id = ?1 AND site_id = ?2";
static const char SQL_COMPLAINT_SITE[] = "SELECT 1 FROM complaints WHERE id = ?1 AND site_id = ?2";
static const char SQL_STAFF_SITE[] = "SELECT 1 FROM staff WHERE id = ?1 AND site_id = ?2 AND active = 1";
/* The order and its last event in one statement: a step is conditional on both. */
static const char SQL_REPAIR_NOW[] =
    "SELECT category, state, coalesce(handler_id, 0), received_at, dispatched_at, accepted_at, done_at, "
    "leak_tested_at, closed_at, "
    "coalesce((SELECT id FROM repair_events WHERE repair_id = r.id ORDER BY id DESC LIMIT 1), 0), "
    "coalesce((SELECT CASE WHEN happened_at > 0 THEN happened_at ELSE created_at END FROM repair_events "
    "WHERE repair_id = r.id ORDER BY id DESC LIMIT 1), 0) "
    "FROM repairs r WHERE id = ?1 AND site_id = ?2";
/* A step's change, only if the order is still as read (two clerks at once: the second finds nothing). */
static const char SQL_REPAIR_SET[] =
    "UPDATE repairs SET state = ?3, handler_id = nullif(?4, 0), dispatched_at = ?5, accepted_at = ?6, done_at = ?7, "
    "leak_tested_at = ?8, closed_at = ?9, undone = ?10, close_reason = coalesce(?11, close_reason) "
    "WHERE id = ?1 AND state = ?2 AND coalesce((SELECT id FROM repair_events WHERE repair_id = ?1 "
    "ORDER BY id DESC LIMIT 1), 0) = ?12";
/* The members with a skill and their open orders (repairs_handler_open), in id order. */
static const char SQL_CANDIDATES[] =
    "SELECT k.member_id, (SELECT count(*) FROM repairs r WHERE r.handler_id = k.member_id AND r.closed_at = 0 "
    "AND r.done_at = 0) FROM staff_skills k JOIN staff s ON s.id = k.member_id AND s.active = 1 "
    "WHERE k.site_id = ?1 AND k.skill = ?2 AND k.retired = 0 ORDER BY k.member_id";
/* Who got the site's last order of the skill (round robin goes on after them). */
static const char SQL_LAST_ASSIGNED[] =
    "SELECT coalesce((SELECT e.to_handler FROM repair_events e JOIN repairs r ON r.id = e.repair_id "
    "WHERE e.site_id = ?1 AND e.kind = 'dispatch' AND coalesce(r.skill, '') = ?2 ORDER BY e.id DESC LIMIT 1), 0)";
static const char SQL_SKILL_STATE[] = "SELECT retired FROM staff_skills WHERE id = ?1 AND site_id = ?2";
static const char SQL_SKILL_RETIRE[] = "UPDATE staff_skills SET retired = 1 WHERE id = ?1 AND retired = 0";
static const char SQL_SKILL_OF[] = "SELECT 1 FROM staff_skills WHERE member_id = ?1 AND skill = ?2";
static const char SQL_FOLLOWUP_NOW[] = "SELECT repair_id, coalesce(state, '') FROM followups WHERE id = ?1 AND site_id = ?2";
static const char SQL_FOLLOWUP_SET[] =
    "UPDATE followups SET state = ?2, done_at = ?3, done_by = nullif(?4, 0), method = ?5, result = ?6, "
    "satisfaction = ?7, said = ?8 WHERE id = ?1 AND state = 'open'";
static const char SQL_FOLLOWUP_POSITION[] = "SELECT due_at FROM followups WHERE id = ?1 AND site_id = ?2";
/* The terms of followups_site_due: exactly the open ones, by due (a range of the partial index). */
#define DUE_OPEN "state = 'open' AND due_at <= ?3"
#define DUE_ORDER " ORDER BY due_at, id"
static const char DUE_FIRST[] = DUE_OPEN DUE_ORDER;
static const char DUE_AFTER[] = "due_at >= ?4 AND (due_at > ?4 OR id > CAST(?5 AS INTEGER)) AND " DUE_OPEN DUE_ORDER;
/* A done order's follow-up in force (a superseded one never is): one at most. */
static const char SQL_COVERAGE[] =
    "SELECT count(*), coalesce(sum(f.done_at > 0 AND f.done_at <= f.due_at), 0), "
    "coalesce(sum(f.done_at > f.due_at), 0), coalesce(sum(f.done_at = 0 AND f.due_at < ?4), 0) "
    "FROM repairs r LEFT JOIN followups f ON f.repair_id = r.id AND f.state != 'superseded' "
    "WHERE r.site_id = ?1 AND r.done_at >= ?2 AND r.done_at < ?3 AND r.undone = 0";
static const char MISSES[] =
    "done_at >= ?3 AND done_at < ?4 AND undone = 0 AND id > CAST(?6 AS INTEGER) AND EXISTS (SELECT 1 FROM followups f "
    "WHERE f.repair_id = repairs.id AND f.state != 'superseded' AND (f.done_at > f.due_at OR "
    "(f.done_at = 0 AND f.due_at < ?5))) ORDER BY id";

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

/* Longest horizon of "due within": a year. */
#define HORIZON_MAX (366 * 86400LL)

/* The first checks of every function here: the output (when named), the store, the input (when named), the actor. */
static fd_status prologue(const char *fn, const char *out_name, const void *out, fd_store *store, const char *in_name,
                          const void *in, const fd_actor *actor)
{
    fd_status rc = out_name ? fd__check_ptr(fn, out_name, out) : FD_OK;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && in_name)
        rc = fd__check_ptr(fn, in_name, in);
    return rc ? rc : fd__actor_check(store, fn, actor, NULL);
}

/* --- the order as stored ------------------------------------------------------ */

typedef struct repair_now {
    fd_repair r;
    char category[17], state[17];
    int64_t last_event, last_at;
} repair_now;

static fd_status now_read(sqlite3_stmt *st, void *ctx)
{
    repair_now *n = ctx;
    fd__copy_fixed(n->category, sizeof n->category, COL_TEXT(st, 0) ? COL_TEXT(st, 0) : "");
    fd__copy_fixed(n->state, sizeof n->state, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
    n->r.handler_id = sqlite3_column_int64(st, 2);
    n->r.received_at = sqlite3_column_int64(st, 3);
    n->r.dispatched_at = sqlite3_column_int64(st, 4);
    n->r.accepted_at = sqlite3_column_int64(st, 5);
    n->r.done_at = sqlite3_column_int64(st, 6);
    n->r.leak_tested_at = sqlite3_column_int64(st, 7);
    n->r.closed_at = sqlite3_column_int64(st, 8);
    n->last_event = sqlite3_column_int64(st, 9);
    n->last_at = sqlite3_column_int64(st, 10);
    return FD_OK;
}

static fd_status now_load(repair_now *n, fd_store *s, const char *fn, const char *field, int64_t id, int64_t site)
{
    memset(n, 0, sizeof *n);
    fd_repair init = FD_REPAIR_INIT;
    n->r = init;
    fd_status rc = fd__store_load(s, fn, SQL_REPAIR_NOW, id, site, field, "work order", now_read, n);
    n->r.id = id;
    n->r.site_id = site;
    n->r.category = n->category;
    n->r.state = n->state;
    return rc;
}

/* A follow-up owed by order @r (done, a leak: tested), due on the site's calendar (R-PLN-1). */
static fd_status followup_insert(fd_store *s, const char *fn, const fd_actor *actor, const fd_repair *r)
{
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_status rc = fd__store_policy(&policy, s, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, s, fn, actor->site_id, policy);
    fd_followup_plan p;
    if (rc == FD_OK && (rc = fd_followup_due(&p, r, cal, policy)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc)
        return rc;
    fd_followup f = FD_FOLLOWUP_INIT;
    f.repair_id = r->id;
    f.policy_key = p.policy_key;
    f.start_at = p.start_at;
    f.due_at = p.due_at;
    f.provisional = p.provisional;
    f.state = "open";
    int64_t id = 0;
    rc = fd__record_insert(&id, s, fn, &fd__record_followup, &f, actor);
    return rc ? rc : fd__journal(s, fn, actor, actor->site_id, "followup", id, "owed", p.policy_key);
}

/* The order's change and its event, in the caller's write: the state and handler before and after. */
typedef struct repair_change {
    const char *kind, *to, *note, *close_reason;
    int64_t handler, dispatched_at, accepted_at, done_at, leak_tested_at, closed_at, happened_at;
    int undone;
} repair_change;

static fd_status repair_apply(int64_t *out_event, fd_store *s, const char *fn, const fd_actor *actor,
                              const repair_now *n, const repair_change *c)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_REPAIR_SET);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, n->r.id);
    sqlite3_bind_text(st, 2, n->state, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, c->to, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, c->handler);
    sqlite3_bind_int64(st, 5, c->dispatched_at);
    sqlite3_bind_int64(st, 6, c->accepted_at);
    sqlite3_bind_int64(st, 7, c->done_at);
    sqlite3_bind_int64(st, 8, c->leak_tested_at);
    sqlite3_bind_int64(st, 9, c->closed_at);
    sqlite3_bind_int(st, 10, c->undone);
    sqlite3_bind_text(st, 11, c->close_reason, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 12, n->last_event);
    int changed = 0;
    fd_status rc = fd__stmt_done(s, fn, st, "updating the work order", &changed);
    if (rc == FD_OK && changed != 1)
        return fd__error(FD_EBUSY, "%s: repair_id: work order %lld was changed by another step since it was read "
                         "(it was %s): read it again and decide anew", fn, (long long)n->r.id, n->state);
    fd_repair_event e = FD_REPAIR_EVENT_INIT;
    e.repair_id = n->r.id;
    e.kind = c->kind;
    e.from_state = n->state;
    e.to_state = c->to;
    e.from_handler = n->r.handler_id;
    e.to_handler = c->handler;
    e.happened_at = c->happened_at;
    e.note = c->note;
    int64_t eid = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&eid, s, fn, &fd__record_repair_event, &e, actor);
    if (rc == FD_OK && out_event)
        *out_event = eid;
    return rc;
}

/* What step @kind changes on order @n at @at (handler @handler for dispatch/transfer). */
static repair_change step_change(const repair_now *n, const fd_repair_step *step, const char *to, int64_t at)
{
    const fd_repair *r = &n->r;
    repair_change c = { step->kind, to, step->note, NULL, r->handler_id, r->dispatched_at, r->accepted_at,
                        r->done_at, r->leak_tested_at, r->closed_at, step->happened_at, 0 };
    const char *k = step->kind;
    if (strcmp(k, "dispatch") == 0 || strcmp(k, "transfer") == 0) {
        c.handler = step->handler_id;
        c.dispatched_at = r->dispatched_at ? r->dispatched_at : at;
    } else if (strcmp(k, "accept") == 0) {
        c.accepted_at = at;
    } else if (strcmp(k, "return") == 0) {
        c.handler = 0; /* back to the desk */
    } else if (strcmp(k, "done") == 0) {
        c.done_at = at;
    } else if (strcmp(k, "leak_test") == 0) {
        c.leak_tested_at = at;
    } else if (strcmp(k, "close") == 0) {
        c.closed_at = at;
    } else if (strcmp(k, "close_undone") == 0) {
        c.closed_at = at;
        c.undone = 1;
        c.close_reason = step->note;
    }
    return c;
}

/* A step checked and applied in the caller's write (a follow-up's rework and followup too). */
static fd_status step_take(int64_t *out_event, fd_store *s, const char *fn, const fd_actor *actor, repair_now *n,
                           const fd_repair_step *step)
{
    const char *to = NULL;
    fd_status rc = fd_repair_step_check(&to, &n->r, step);
    if (rc)
        return fd__error_rename(rc, fn, NULL);
    int64_t at = step->happened_at ? step->happened_at : actor->at;
    if (step->happened_at > actor->at) {
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, s, fn, actor->site_id, step->happened_at, 0);
        fd__site_when(now, s, fn, actor->site_id, actor->at, step->happened_at);
        return fd__error(FD_EINVAL, "%s: step.happened_at: %s is after now (%s): a step is noted once it happened",
                         fn, when, now);
    }
    if ((rc = fd__step_check(s, fn, actor->site_id, step->happened_at ? "step.happened_at" : "at", at, n->last_at,
                             "the work order's last step")) != FD_OK)
        return rc;
    if (step->handler_id &&
        (rc = fd__store_ref_at_site(s, fn, SQL_STAFF_SITE, step->handler_id, actor->site_id, "step.handler_id",
                                    "active member of staff")) != FD_OK)
        return rc;
    repair_change c = step_change(n, step, to, at);
    if (strcmp(step->kind, "rework") == 0) {
        /* R-PLN-1: back to the same handler; the work and its leak test are to be done again. */
        c.done_at = c.leak_tested_at = 0;
    }
    rc = repair_apply(out_event, s, fn, actor, n, &c);
    bool leak = strcmp(n->category, "leak") == 0;
    if (rc == FD_OK && ((strcmp(step->kind, "done") == 0 && !leak) || strcmp(step->kind, "leak_test") == 0)) {
        fd_repair r = n->r;
        r.done_at = c.done_at;
        r.leak_tested_at = c.leak_tested_at;
        rc = followup_insert(s, fn, actor, &r);
    }
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "repair", n->r.id, step->kind, to);
    return rc;
}

/* --- registering (R-PLN-6) --------------------------------------------------------- */

/* R-PLN-6: the handler the site's policy gives an order of @skill, 0 = the desk. */
static fd_status auto_handler(int64_t *out, fd_store *s, const char *fn, int64_t site, const char *skill)
{
    *out = 0;
    const fd_policy *policy = NULL;
    fd_status rc = fd__store_policy(&policy, s, fn, site);
    int64_t value = 0;
    if (rc == FD_OK)
        rc = fd_policy_get(&value, policy, "repair.assignment");
    const char *assignment = fd_repair_assignment_code(value);
    if (rc || assignment == NULL || strcmp(assignment, "desk") == 0)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_CANDIDATES);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_text(st, 2, skill, -1, SQLITE_STATIC);
    int64_t *members = NULL, *open = NULL;
    size_t n = 0, cap = 0;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t c2 = cap ? cap * 2 : 8;
            int64_t *m2 = realloc(members, c2 * sizeof *m2);
            if (m2)
                members = m2;
            int64_t *o2 = m2 ? realloc(open, c2 * sizeof *o2) : NULL;
            if (o2)
                open = o2;
            if (m2 == NULL || o2 == NULL) {
                rc = fd__oom(fn);
                break;
            }
            cap = c2;
        }
        members[n] = sqlite3_column_int64(st, 0);
        open[n++] = sqlite3_column_int64(st, 1);
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the skilled staff");
    sqlite3_reset(st);
    int64_t last = 0;
    if (rc == FD_OK && n > 0) {
        if ((st = fd__store_stmt(s, fn, SQL_LAST_ASSIGNED)) == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, site);
            sqlite3_bind_text(st, 2, skill, -1, SQLITE_STATIC);
            rc = fd__stmt_int(s, fn, st, "reading the last assignment", &last);
        }
    }
    if (rc == FD_OK)
        rc = fd_repair_pick_handler(out, assignment, members, n, open, n, last);
    free(members);
    free(open);
    return rc;
}

fd_status fd_store_repair_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_repair *r)
{
    static const char fn[] = "fd_store_repair_add";
    fd_status rc = prologue(fn, "out_id", out_id, store, "r", r, actor);
    if (rc)
        return rc;
    fd_repair v = *r;
    v.created_at = 0; /* set by the store: the actor's instant */
    if ((rc = fd_repair_validate(&v)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if (r->received_at > actor->at) {
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, r->received_at, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, r->received_at);
        return fd__error(FD_EINVAL, "%s: repair.received_at: %s is after now (%s): an order is registered once it "
                         "is asked for", fn, when, now);
    }
    const struct {
        const char *sql, *qname, *what;
        int64_t id;
    } refs[] = {
        { SQL_UNIT_SITE, "repair.unit_id", "unit", r->unit_id },
        { SQL_OCCUPANT_SITE, "repair.occupant_id", "occupant", r->occupant_id },
        { SQL_ORGANISATION_SITE, "repair.organisation_id", "organisation", r->organisation_id },
        { SQL_CALL_SITE, "repair.call_id", "call", r->call_id },
        { SQL_COMPLAINT_SITE, "repair.complaint_id", "complaint", r->complaint_id },
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0] && rc == FD_OK; i++)
        rc = fd__store_ref_at_site(store, fn, refs[i].sql, refs[i].id, actor->site_id, refs[i].qname, refs[i].what);
    char contact[FD__PHONE_MAX];
    if (rc == FD_OK)
        rc = fd__calls_phone(contact, fn, "repair.contact", r->contact, false);
    const char *skill = r->skill && r->skill[0] ? r->skill : "general";
    int64_t handler = 0;
    if (rc == FD_OK)
        rc = auto_handler(&handler, store, fn, actor->site_id, skill);
    if (rc)
        return rc;
    /* The store's fields: an order starts received, with the desk (R-PLN-6). */
    v.contact = contact[0] ? contact : NULL;
    v.state = "received";
    v.handler_id = v.dispatched_at = v.accepted_at = v.done_at = v.leak_tested_at = v.closed_at = 0;
    v.undone = 0;
    v.close_reason = NULL;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_repair, &v, actor);
    fd_repair_event e = FD_REPAIR_EVENT_INIT;
    e.repair_id = id;
    e.kind = "receive";
    e.to_state = "received";
    e.happened_at = r->received_at;
    int64_t eid = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&eid, store, fn, &fd__record_repair_event, &e, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "repair", id, "receive", v.category);
    if (rc == FD_OK && handler) {
        /* The automatic dispatch is the system's (staff 0), at the registration. */
        fd_actor sys = *actor;
        sys.staff_id = 0;
        repair_now n;
        memset(&n, 0, sizeof n);
        n.r = v;
        n.r.id = id;
        fd__copy_fixed(n.state, sizeof n.state, "received");
        fd__copy_fixed(n.category, sizeof n.category, v.category);
        n.last_event = eid;
        repair_change c = { "dispatch", "dispatched", NULL, NULL, handler, actor->at, 0, 0, 0, 0, 0, 0 };
        rc = repair_apply(NULL, store, fn, &sys, &n, &c);
        if (rc == FD_OK)
            rc = fd__journal(store, fn, &sys, actor->site_id, "repair", id, "dispatch", "dispatched");
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* --- steps (R-PLN-6) ----------------------------------------------------------------- */

fd_status fd_store_repair_step(int64_t *out_event, fd_store *store, const fd_actor *actor, int64_t repair_id,
                               const fd_repair_step *step)
{
    static const char fn[] = "fd_store_repair_step";
    fd_status rc = prologue(fn, NULL, NULL, store, "step", step, actor);
    repair_now n;
    if (rc == FD_OK)
        rc = now_load(&n, store, fn, "repair_id", repair_id, actor->site_id);
    if (rc == FD_OK && step->version == FD_REPAIR_STEP_VERSION &&
        (is(step->kind, "followup") || is(step->kind, "rework"))) {
        /* R-PLN-1: a follow-up is owed once the work is done; before, the state says why not */
        if (!is(n.state, "done"))
            rc = fd__error(FD_ESTATE, "%s: state: repair %lld is %s (%s): a follow-up is owed only once it is done "
                           "(R-PLN-1)", fn, (long long)repair_id, n.state, fd_plan_code_label("repair_state", n.state));
        else
            rc = fd__error(FD_EINVAL, "%s: step.kind: %s is a follow-up's outcome (fd_store_followup_record)", fn,
                           step->kind);
    }
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    rc = step_take(out_event, store, fn, actor, &n, step);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- staff skills (R-PLN-6) ---------------------------------------------------------- */

fd_status fd_store_staff_skill_add(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t member_id,
                                   const char *skill)
{
    static const char fn[] = "fd_store_staff_skill_add";
    fd_status rc = prologue(fn, "out_id", out_id, store, NULL, NULL, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc == FD_OK)
        rc = fd__check_code(fn, "skill", skill, true);
    if (rc == FD_OK && member_id <= 0)
        rc = fd__error(FD_ENOTFOUND, "%s: member_id: no member of staff %lld at the actor's site", fn,
                       (long long)member_id);
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_STAFF_SITE, member_id, actor->site_id, "member_id",
                                   "active member of staff");
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_SKILL_OF) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, member_id);
    sqlite3_bind_text(st, 2, skill, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_ROW)
        return fd__error(FD_ECONFLICT, "%s: skill: member %lld has %s already (retired or not: one row each)", fn,
                         (long long)member_id, skill);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(store, fn, src, "reading the member's skills");
    fd_staff_skill k = FD_STAFF_SKILL_INIT;
    k.member_id = member_id;
    k.skill = skill;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_staff_skill, &k, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "staff_skill", id, "add", skill);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

static fd_status read_int0(sqlite3_stmt *st, void *ctx)
{
    *(int64_t *)ctx = sqlite3_column_int64(st, 0);
    return FD_OK;
}

fd_status fd_store_staff_skill_retire(fd_store *store, const fd_actor *actor, int64_t skill_id)
{
    static const char fn[] = "fd_store_staff_skill_retire";
    fd_status rc = prologue(fn, NULL, NULL, store, NULL, NULL, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    int64_t retired = 0;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_SKILL_STATE, skill_id, actor->site_id, "skill_id", "staff skill",
                            read_int0, &retired);
    if (rc == FD_OK && retired)
        rc = fd__error(FD_ESTATE, "%s: skill_id: staff skill %lld is retired already", fn, (long long)skill_id);
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_SKILL_RETIRE) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_bind_int64(st, 1, skill_id);
    int changed = 0;
    rc = fd__stmt_done(store, fn, st, "retiring the skill", &changed);
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: skill_id: staff skill %lld was retired meanwhile", fn, (long long)skill_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "staff_skill", skill_id, "retire", NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- follow-ups (R-PLN-1) ------------------------------------------------------------- */

typedef struct followup_now {
    int64_t repair_id;
    char state[17];
} followup_now;

static fd_status followup_read(sqlite3_stmt *st, void *ctx)
{
    followup_now *f = ctx;
    f->repair_id = sqlite3_column_int64(st, 0);
    fd__copy_fixed(f->state, sizeof f->state, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
    return FD_OK;
}

fd_status fd_store_followup_record(int64_t *out_event, fd_store *store, const fd_actor *actor, int64_t followup_id,
                                   const char *method, const char *result, const char *satisfaction, const char *said)
{
    static const char fn[] = "fd_store_followup_record";
    fd_status rc = prologue(fn, NULL, NULL, store, NULL, NULL, actor);
    if (rc == FD_OK && (rc = fd_followup_outcome_check(method, result, satisfaction, said)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    bool fixed = is(result, "fixed");
    followup_now f;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_FOLLOWUP_NOW, followup_id, actor->site_id, "followup_id", "follow-up",
                            followup_read, &f);
    if (rc == FD_OK && strcmp(f.state, "open") != 0)
        rc = fd__error(FD_ESTATE, "%s: state: follow-up %lld is %s (%s): only an open one is recorded (R-PLN-1)", fn,
                       (long long)followup_id, f.state, fd_plan_code_label("followup_state", f.state));
    repair_now n;
    if (rc == FD_OK)
        rc = now_load(&n, store, fn, "followup_id", f.repair_id, actor->site_id);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_FOLLOWUP_SET);
    if (st == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, followup_id);
        sqlite3_bind_text(st, 2, fixed ? "done" : "superseded", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, actor->at);
        sqlite3_bind_int64(st, 4, actor->staff_id);
        sqlite3_bind_text(st, 5, method, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, result, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, satisfaction && satisfaction[0] ? satisfaction : NULL, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, said && said[0] ? said : NULL, -1, SQLITE_STATIC);
        int changed = 0;
        rc = fd__stmt_done(store, fn, st, "recording the follow-up", &changed);
        if (rc == FD_OK && changed != 1)
            rc = fd__error(FD_EBUSY, "%s: followup_id: follow-up %lld was recorded by another clerk meanwhile", fn,
                           (long long)followup_id);
    }
    /* R-PLN-1: fixed closes the loop (followed_up); not fixed sends it back to its handler. */
    fd_repair_step step = FD_REPAIR_STEP_INIT;
    step.kind = fixed ? "followup" : "rework";
    if (rc == FD_OK)
        rc = step_take(out_event, store, fn, actor, &n, &step);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "followup", followup_id, result, method);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_followups_due(fd_followup_iter **out, fd_store *store, const fd_actor *actor, int overdue_only,
                                 int64_t horizon_s, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_followups_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = prologue(fn, NULL, NULL, store, NULL, NULL, actor)) != FD_OK)
        return rc;
    if (limit < 1 || limit > 64)
        return fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..64", fn, (long long)limit);
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    if (!overdue_only && (horizon_s < 0 || horizon_s > HORIZON_MAX))
        return fd__error(FD_ERANGE, "%s: horizon_s: %lld, must be 0..%lld (a year)", fn, (long long)horizon_s,
                         HORIZON_MAX);
    int64_t last = overdue_only ? actor->at - 1 : actor->at + horizon_s;
    int64_t due = 0;
    if (after > 0 && (rc = fd__store_load(store, fn, SQL_FOLLOWUP_POSITION, after, actor->site_id, "after",
                                          "follow-up", read_int0, &due)) != FD_OK)
        return rc == FD_ENOTFOUND ? fd__error(FD_ERANGE, "%s: after: no follow-up %lld at the actor's site to "
                                              "continue after", fn, (long long)after) : rc;
    char a[3][24];
    snprintf(a[0], sizeof a[0], "%lld", (long long)last);
    snprintf(a[1], sizeof a[1], "%lld", (long long)due);
    snprintf(a[2], sizeof a[2], "%lld", (long long)after);
    const char *args[] = { a[0], a[1], a[2] };
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_followup, actor,
                                after > 0 ? DUE_AFTER : DUE_FIRST, args, after > 0 ? 3 : 1, limit);
}

fd_status fd_store_followup_coverage(fd_followup_coverage *out, fd_store *store, const fd_actor *actor, int64_t from,
                                     int64_t to)
{
    static const char fn[] = "fd_store_followup_coverage";
    fd_followup_coverage c;
    memset(&c, 0, sizeof c);
    c.version = FD_FOLLOWUP_COVERAGE_VERSION;
    int64_t n[4];
    fd_status rc = fd__coverage_counts(n, &c.target_pct, store, fn, out, actor, from, to, "followup.repair_rate_pct",
                                       SQL_COVERAGE, "counting the follow-ups");
    if (rc)
        return rc;
    c.done = n[0], c.in_time = n[1], c.late = n[2], c.missed = n[3];
    c.pending = c.done - c.in_time - c.late - c.missed;
    int64_t decided = c.done - c.pending;
    c.share_pct = decided > 0 ? c.in_time * 100 / decided : 100;
    c.met = c.share_pct >= c.target_pct;
    *out = c;
    return FD_OK;
}

fd_status fd_store_followup_misses(fd_repair_iter **out, fd_store *store, const fd_actor *actor, int64_t from,
                                   int64_t to, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_followup_misses";
    return fd__misses_query((fd__iter **)out, store, fn, &fd__record_repair, actor, from, to, after, limit, MISSES);
}

/* --- the daily report's counts (report/daily_repairs.c) ------------------------------------------------------ */

/* ?1 the site, ?2 .. ?3 the day [a, b), ?4 min(b, now): the five counts in one statement, each one range of an
 * index (the open orders: the whole partial index repairs_handler_open, which holds only them). */
static const char SQL_DAY[] =
    "SELECT (SELECT count(*) FROM repairs INDEXED BY repairs_site_received "
    "WHERE site_id = ?1 AND received_at >= ?2 AND received_at < ?3), "
    "(SELECT count(*) FROM repairs INDEXED BY repairs_handler_open "
    "WHERE closed_at = 0 AND done_at = 0 AND site_id = ?1 AND received_at < ?3), "
    "(SELECT count(*) FROM repair_events INDEXED BY repair_events_site_kind "
    "WHERE site_id = ?1 AND kind = 'done' AND created_at >= ?2 AND created_at < ?3), "
    "(SELECT count(*) FROM followups INDEXED BY followups_site_due "
    "WHERE site_id = ?1 AND state = 'open' AND due_at >= ?2 AND due_at < ?3), "
    "(SELECT count(*) FROM followups INDEXED BY followups_site_due "
    "WHERE site_id = ?1 AND state = 'open' AND due_at > 0 AND due_at < ?4)";

const char *const fd__repair_day_sql = SQL_DAY;

fd_status fd__store_repair_day(fd__repair_day *out, fd_store *s, const fd_actor *actor, const char *fn, int64_t a,
                               int64_t b)
{
    fd_status rc = fd__actor_check(s, fn, actor, NULL);
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(s, fn, SQL_DAY) : NULL;
    if (rc != FD_OK || st == NULL)
        return rc ? rc : FD_EIO;
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_int64(st, 2, a);
    sqlite3_bind_int64(st, 3, b);
    sqlite3_bind_int64(st, 4, actor->at < b ? actor->at : b);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        int64_t *v[5] = { &out->received, &out->open, &out->done, &out->followups_due, &out->followups_missed };
        for (int i = 0; i < 5; i++)
            *v[i] = sqlite3_column_int64(st, i);
    }
    sqlite3_reset(st);
    return step == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, step, "counting the day's work orders");
}
