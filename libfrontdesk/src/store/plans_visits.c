/*
 * The store's side of visit plans, questions, surveys and the monthly
 * summary (issue 15 items 5-6): a plan's appointments scheduled on the
 * site's working calendar (R-PLN-4, fd_visit_plan_occurrence()), planned vs
 * actual, questions taken away and answered later through a reply task (a
 * callback of source `question`, written here through the record engine;
 * the callbacks' own functions are elsewhere), owners' surveys (R-PLN-5),
 * and the month counted by the pure accumulators of frontdesk/plans.h. One
 * transaction per write, journaled; nothing is deleted (R-COM-3).
 */
#include "store/plans_records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_OCCUPANT_SITE[] = "SELECT 1 FROM occupants WHERE id = ?1 AND site_id = ?2";
static const char SQL_ORGANISATION_SITE[] = "SELECT 1 FROM organisations WHERE id = ?1 AND site_id = ?2";
static const char SQL_STAFF_ACTIVE[] = "SELECT 1 FROM staff WHERE id = ?1 AND site_id = ?2 AND active = 1";
static const char SQL_OWNER_SITE[] = "SELECT 1 FROM occupants WHERE id = ?1 AND site_id = ?2 AND role = 'owner'";
static const char SQL_PLAN_NOW[] =
    "SELECT ended_at, assigned_to, recurrence, \"interval\", first_at, coalesce(until_on, ''), "
    "coalesce(occupant_id, 0), coalesce(organisation_id, 0), created_at, purpose FROM visit_plans WHERE id = ?1 AND site_id = ?2";
static const char SQL_VISIT_EXISTS[] = "SELECT count(*) FROM planned_visits WHERE plan_id = ?1 AND due_at = ?2";
static const char SQL_PLAN_ASSIGN[] = "UPDATE visit_plans SET assigned_to = ?2 WHERE id = ?1 AND ended_at = 0";
static const char SQL_VISITS_ASSIGN[] =
    "UPDATE planned_visits SET assigned_to = ?2 WHERE plan_id = ?1 AND state = 'planned' AND due_at >= ?3";
static const char SQL_PLAN_END[] = "UPDATE visit_plans SET ended_at = ?2 WHERE id = ?1 AND ended_at = 0";
static const char SQL_VISITS_CANCEL[] =
    "UPDATE planned_visits SET state = 'cancelled' WHERE plan_id = ?1 AND state = 'planned' AND due_at >= ?2";
static const char SQL_VISIT_NOW[] =
    "SELECT v.state, v.plan_id, p.created_at, coalesce(p.occupant_id, 0), coalesce(p.organisation_id, 0) "
    "FROM planned_visits v JOIN visit_plans p ON p.id = v.plan_id WHERE v.id = ?1 AND v.site_id = ?2";
static const char SQL_VISIT_DONE[] =
    "UPDATE planned_visits SET state = 'done', done_at = ?2, done_by = ?3, said = ?4 "
    "WHERE id = ?1 AND state IN ('planned', 'missed')";
static const char SQL_VISITS_MISS[] =
    "UPDATE planned_visits SET state = 'missed' WHERE site_id = ?1 AND state = 'planned' AND due_at < ?2";
static const char SQL_VISIT_POSITION[] = "SELECT due_at FROM planned_visits WHERE id = ?1 AND site_id = ?2";
/* The terms of planned_visits_site_due: exactly the planned ones, by appointment. */
#define DUE_OPEN "state = 'planned' AND due_at <= ?3"
#define DUE_ORDER " ORDER BY due_at, id"
static const char DUE_FIRST[] = DUE_OPEN DUE_ORDER;
static const char DUE_AFTER[] = "due_at >= ?4 AND (due_at > ?4 OR id > CAST(?5 AS INTEGER)) AND " DUE_OPEN DUE_ORDER;
static const char SQL_QUESTION_NOW[] =
    "SELECT answered_at, coalesce(callback_id, 0) FROM visit_questions WHERE id = ?1 AND site_id = ?2";
static const char SQL_QUESTION_SET_CALLBACK[] = "UPDATE visit_questions SET callback_id = ?2 WHERE id = ?1";
static const char SQL_QUESTION_ANSWER[] =
    "UPDATE visit_questions SET answered_at = ?2, answer = ?3 WHERE id = ?1 AND answered_at = 0";
static const char SQL_CALLBACK_DONE[] =
    "UPDATE callbacks SET state = 'done', done_at = ?2 WHERE id = ?1 AND state = 'open'";
static const char SQL_SURVEY_NOW[] =
    "SELECT opened_on, closes_on, questions FROM surveys WHERE id = ?1 AND site_id = ?2";
static const char SQL_SURVEY_LAST[] =
    "SELECT coalesce((SELECT opened_on FROM surveys WHERE site_id = ?1 ORDER BY opened_on DESC LIMIT 1), '')";
static const char SQL_ANSWER_EXISTS[] =
    "SELECT count(*) FROM survey_answers WHERE survey_id = ?1 AND occupant_id = ?2 AND question_no = ?3";
static const char SQL_RESULTS[] =
    "SELECT question_no, count(*), sum(score > 0), sum(CASE WHEN score > 0 THEN score ELSE 0 END) "
    "FROM survey_answers WHERE survey_id = ?1 GROUP BY question_no";
static const char SQL_ASKED[] = "SELECT count(DISTINCT occupant_id) FROM survey_answers WHERE survey_id = ?1";
static const char SQL_NOT_ASKED[] =
    "SELECT o.id FROM occupants o WHERE o.site_id = ?1 AND o.role = 'owner' AND o.move_in <= ?3 "
    "AND (o.move_out IS NULL OR o.move_out = '' OR o.move_out > ?3) "
    "AND NOT EXISTS (SELECT 1 FROM survey_answers a WHERE a.survey_id = ?2 AND a.occupant_id = o.id) ORDER BY o.id";
static const char SQL_MONTH_VISITS[] =
    "SELECT due_at, state, done_at FROM planned_visits WHERE site_id = ?1 AND due_at >= ?2 AND due_at < ?3";
static const char SQL_MONTH_CALLBACKS[] =
    "SELECT due_at, state, done_at, member, satisfaction FROM callbacks WHERE site_id = ?1 AND due_at >= ?2 "
    "AND due_at < ?3";
static const char SQL_MONTH_FOLLOWUPS[] =
    "SELECT due_at, state, done_at, result, satisfaction FROM followups WHERE site_id = ?1 AND due_at >= ?2 "
    "AND due_at < ?3";
static const char SQL_MONTH_QUESTIONS[] =
    "SELECT created_at, answered_at FROM visit_questions WHERE site_id = ?1 AND created_at >= ?2 AND created_at < ?3";
static const char SQL_RECURRING[] =
    "SELECT coalesce(unit_id, 0), category, received_at FROM repairs WHERE site_id = ?1 AND received_at >= ?2 "
    "AND received_at < ?3 UNION ALL SELECT coalesce(unit_id, 0), category, received_at FROM complaints "
    "WHERE site_id = ?1 AND received_at >= ?2 AND received_at < ?3";

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* Days a plan is scheduled ahead when the caller gives no end; most appointments per schedule call. */
#define DEFAULT_AHEAD (90 * 86400LL)
#define SCHEDULE_MAX 400
#define HORIZON_MAX (366 * 86400LL)

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

/* The first checks of every function here: the output (when named), the store, the actor. */
static fd_status prologue(const char *fn, const char *out_name, const void *out, fd_store *store,
                          const fd_actor *actor)
{
    fd_status rc = out_name ? fd__check_ptr(fn, out_name, out) : FD_OK;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    return rc ? rc : fd__actor_check(store, fn, actor, NULL);
}

/* The site's policy and calendar (borrowed from the handle). */
static fd_status site_calendar(const fd_calendar **cal, const fd_policy **policy, fd_store *s, const char *fn,
                               int64_t site)
{
    fd_status rc = fd__store_policy(policy, s, fn, site);
    return rc ? rc : fd__store_calendar(cal, s, fn, site, *policy);
}

static fd_status exec2(fd_store *s, const char *fn, const char *sql, int64_t a, int64_t b, const char *what,
                       int *changes)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    return fd__stmt_done(s, fn, st, what, changes);
}

/* --- the plan as stored ------------------------------------------------------- */

typedef struct plan_now {
    fd_visit_plan p;
    char recurrence[17];
    char purpose[501];
} plan_now;

static fd_status plan_read(sqlite3_stmt *st, void *ctx)
{
    plan_now *n = ctx;
    n->p.ended_at = sqlite3_column_int64(st, 0);
    n->p.assigned_to = sqlite3_column_int64(st, 1);
    fd__copy_fixed(n->recurrence, sizeof n->recurrence, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
    n->p.interval = sqlite3_column_int64(st, 3);
    n->p.first_at = sqlite3_column_int64(st, 4);
    const char *until = COL_TEXT(st, 5);
    if (until && until[0] && fd_date_parse(&n->p.until_on, until) != FD_OK)
        return fd__error(FD_EIO, "visit_plans.until_on: not a date in the database");
    n->p.occupant_id = sqlite3_column_int64(st, 6);
    n->p.organisation_id = sqlite3_column_int64(st, 7);
    n->p.created_at = sqlite3_column_int64(st, 8);
    fd__copy_fixed(n->purpose, sizeof n->purpose, COL_TEXT(st, 9) ? COL_TEXT(st, 9) : "");
    return FD_OK;
}

static fd_status plan_load(plan_now *n, fd_store *s, const char *fn, int64_t id, int64_t site)
{
    memset(n, 0, sizeof *n);
    fd_visit_plan init = FD_VISIT_PLAN_INIT;
    n->p = init;
    fd_status rc = fd__store_load(s, fn, SQL_PLAN_NOW, id, site, "plan_id", "visit plan", plan_read, n);
    n->p.id = id;
    n->p.site_id = site;
    n->p.recurrence = n->recurrence;
    n->p.purpose = n->purpose;
    return rc;
}

/* Schedules plan @n's appointments in [first, @until) not there yet; *@added how many. */
static fd_status schedule(int64_t *added, fd_store *s, const char *fn, const fd_actor *actor, const plan_now *n,
                          int64_t until)
{
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_status rc = site_calendar(&cal, &policy, s, fn, actor->site_id);
    *added = 0;
    for (int64_t i = 0; rc == FD_OK && *added < SCHEDULE_MAX; i++) {
        int64_t at = 0;
        if ((rc = fd_visit_plan_occurrence(&at, &n->p, cal, i)) != FD_OK)
            return fd__error_rename(rc, fn, NULL);
        if (at == 0 || at >= until)
            break;
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_VISIT_EXISTS);
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, n->p.id);
        sqlite3_bind_int64(st, 2, at);
        int64_t there = 0;
        if ((rc = fd__stmt_int(s, fn, st, "planned visit", &there)) != FD_OK || there)
            continue; /* idempotent: UNIQUE(plan_id, due_at) */
        fd_planned_visit v = FD_PLANNED_VISIT_INIT;
        v.plan_id = n->p.id;
        v.due_at = at;
        v.assigned_to = n->p.assigned_to;
        v.state = "planned";
        int64_t id = 0;
        if ((rc = fd__record_insert(&id, s, fn, &fd__record_planned_visit, &v, actor)) == FD_OK)
            ++*added;
    }
    return rc;
}

fd_status fd_store_visit_plan_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_visit_plan *plan,
                                  int64_t until)
{
    static const char fn[] = "fd_store_visit_plan_add";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "plan", plan);
    if (rc)
        return rc;
    fd_visit_plan v = *plan;
    v.created_at = 0;
    v.ended_at = 0;
    if ((rc = fd_visit_plan_validate(&v)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if (until == 0)
        until = plan->first_at + DEFAULT_AHEAD;
    if (until <= plan->first_at)
        return fd__error(FD_ERANGE, "%s: until: not after visit_plan.first_at: nothing to schedule", fn);
    rc = fd__store_ref_at_site(store, fn, SQL_OCCUPANT_SITE, v.occupant_id, actor->site_id, "visit_plan.occupant_id",
                               "occupant");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_ORGANISATION_SITE, v.organisation_id, actor->site_id,
                                   "visit_plan.organisation_id", "organisation");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_STAFF_ACTIVE, v.assigned_to, actor->site_id,
                                   "visit_plan.assigned_to", "active member of staff");
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0, added = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_visit_plan, &v, actor);
    plan_now n;
    if (rc == FD_OK) {
        memset(&n, 0, sizeof n);
        n.p = v;
        n.p.id = id;
        rc = schedule(&added, store, fn, actor, &n, until);
    }
    char detail[64];
    snprintf(detail, sizeof detail, "%s, %lld scheduled", v.recurrence, (long long)added);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "visit_plan", id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

static fd_status plan_active(fd_store *s, const char *fn, const plan_now *n)
{
    if (n->p.ended_at == 0)
        return FD_OK;
    char when[FD__WHEN_MAX];
    fd__site_when(when, s, fn, n->p.site_id, n->p.ended_at, 0);
    return fd__error(FD_ESTATE, "%s: plan_id: visit plan %lld ended at %s (R-PLN-4)", fn, (long long)n->p.id, when);
}

fd_status fd_store_visit_plan_schedule(int64_t *out_added, fd_store *store, const fd_actor *actor, int64_t plan_id,
                                       int64_t until)
{
    static const char fn[] = "fd_store_visit_plan_schedule";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "until", until);
    if (rc)
        return rc;
    plan_now n;
    if ((rc = plan_load(&n, store, fn, plan_id, actor->site_id)) != FD_OK || (rc = plan_active(store, fn, &n)))
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t added = 0;
    rc = schedule(&added, store, fn, actor, &n, until);
    char detail[32];
    snprintf(detail, sizeof detail, "%lld scheduled", (long long)added);
    if (rc == FD_OK && added)
        rc = fd__journal(store, fn, actor, actor->site_id, "visit_plan", plan_id, "schedule", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK && out_added)
        *out_added = added;
    return rc;
}

fd_status fd_store_visit_plan_reassign(fd_store *store, const fd_actor *actor, int64_t plan_id, int64_t assigned_to)
{
    static const char fn[] = "fd_store_visit_plan_reassign";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc)
        return rc;
    if (assigned_to <= 0)
        return fd__error(FD_EINVAL, "%s: assigned_to: is required: who goes now (R-PLN-4)", fn);
    plan_now n;
    if ((rc = plan_load(&n, store, fn, plan_id, actor->site_id)) != FD_OK || (rc = plan_active(store, fn, &n)))
        return rc;
    if ((rc = fd__store_ref_at_site(store, fn, SQL_STAFF_ACTIVE, assigned_to, actor->site_id, "assigned_to",
                                    "active member of staff")) != FD_OK)
        return rc;
    if (n.p.assigned_to == assigned_to) {
        char who[FD__WHEN_MAX];
        fd__staff_label(who, store, fn, assigned_to);
        return fd__error(FD_ESTATE, "%s: assigned_to: visit plan %lld is %s's already", fn, (long long)plan_id, who);
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    rc = exec2(store, fn, SQL_PLAN_ASSIGN, plan_id, assigned_to, "visit plan", NULL);
    sqlite3_stmt *st = rc ? NULL : fd__store_stmt(store, fn, SQL_VISITS_ASSIGN);
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, plan_id);
        sqlite3_bind_int64(st, 2, assigned_to);
        sqlite3_bind_int64(st, 3, actor->at);
        rc = fd__stmt_done(store, fn, st, "planned visits", NULL);
    }
    char detail[48];
    snprintf(detail, sizeof detail, "to %lld", (long long)assigned_to);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "visit_plan", plan_id, "reassign", detail);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_visit_plan_end(fd_store *store, const fd_actor *actor, int64_t plan_id)
{
    static const char fn[] = "fd_store_visit_plan_end";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc)
        return rc;
    plan_now n;
    if ((rc = plan_load(&n, store, fn, plan_id, actor->site_id)) != FD_OK || (rc = plan_active(store, fn, &n)))
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    rc = exec2(store, fn, SQL_PLAN_END, plan_id, actor->at, "visit plan", NULL);
    int cancelled = 0;
    if (rc == FD_OK)
        rc = exec2(store, fn, SQL_VISITS_CANCEL, plan_id, actor->at, "planned visits", &cancelled);
    char detail[48];
    snprintf(detail, sizeof detail, "%d cancelled", cancelled);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "visit_plan", plan_id, "end", detail);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- visits: planned vs actual ---------------------------------------------- */

typedef struct visit_now {
    char state[17];
    int64_t plan_id, planned_at, occupant_id, organisation_id;
} visit_now;

static fd_status visit_read(sqlite3_stmt *st, void *ctx)
{
    visit_now *n = ctx;
    fd__copy_fixed(n->state, sizeof n->state, COL_TEXT(st, 0) ? COL_TEXT(st, 0) : "");
    n->plan_id = sqlite3_column_int64(st, 1);
    n->planned_at = sqlite3_column_int64(st, 2);
    n->occupant_id = sqlite3_column_int64(st, 3);
    n->organisation_id = sqlite3_column_int64(st, 4);
    return FD_OK;
}

static fd_status visit_state_refused(const char *fn, const char *field, int64_t id, const char *state)
{
    const char *label = fd_plan_code_label("visit_state", state);
    return fd__error(FD_ESTATE, "%s: %s: visit %lld is %s (%s) (R-PLN-4)", fn, field, (long long)id, state,
                     label ? label : "?");
}

fd_status fd_store_visit_record(fd_store *store, const fd_actor *actor, int64_t visit_id, int64_t done_at,
                                int64_t done_by, const char *said)
{
    static const char fn[] = "fd_store_visit_record";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "said", said, 2000, false);
    if (rc)
        return rc;
    visit_now n;
    memset(&n, 0, sizeof n);
    if ((rc = fd__store_load(store, fn, SQL_VISIT_NOW, visit_id, actor->site_id, "visit_id", "visit", visit_read,
                             &n)) != FD_OK)
        return rc;
    if (!is(n.state, "planned") && !is(n.state, "missed"))
        return visit_state_refused(fn, "visit_id", visit_id, n.state);
    if (done_at == 0)
        done_at = actor->at;
    if (done_at > actor->at) {
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, done_at, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, done_at);
        return fd__error(FD_EINVAL, "%s: done_at: %s is after now (%s): a visit is recorded once made", fn, when,
                         now);
    }
    if ((rc = fd__step_check(store, fn, actor->site_id, "done_at", done_at, n.planned_at, "the plan was made")))
        return rc;
    if (done_by == 0)
        done_by = actor->staff_id;
    if (done_by <= 0)
        return fd__error(FD_EINVAL, "%s: done_by: is required when the system records: who went (R-PLN-4)", fn);
    if ((rc = fd__store_ref_at_site(store, fn, SQL_STAFF_ACTIVE, done_by, actor->site_id, "done_by",
                                    "active member of staff")) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_VISIT_DONE);
    if (st == NULL)
        rc = fd_error_last()->code;
    int changed = 0;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, visit_id);
        sqlite3_bind_int64(st, 2, done_at);
        sqlite3_bind_int64(st, 3, done_by);
        if (said && said[0])
            sqlite3_bind_text(st, 4, said, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "visit", &changed);
    }
    if (rc == FD_OK && changed == 0)
        rc = fd__error(FD_EBUSY, "%s: visit_id: visit %lld changed meanwhile: read it again", fn, (long long)visit_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "planned_visit", visit_id, "done", n.state);
    return fd__store_write_end(store, fn, sp, rc);
}

/* The start of the actor's local day. */
static fd_status local_day_start(int64_t *out, fd_date *day, fd_store *s, const char *fn, const fd_actor *actor)
{
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_date d;
    fd_status rc = site_calendar(&cal, &policy, s, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd_calendar_local_date(&d, cal, actor->at);
    if (rc == FD_OK && out)
        rc = fd_calendar_day_start(out, cal, d);
    if (rc == FD_OK && day)
        *day = d;
    return rc ? fd__error_rename(rc, fn, NULL) : FD_OK;
}

fd_status fd_store_visits_mark_missed(int64_t *out_count, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_visits_mark_missed";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    int64_t today = 0;
    if (rc == FD_OK)
        rc = local_day_start(&today, NULL, store, fn, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int changed = 0;
    rc = exec2(store, fn, SQL_VISITS_MISS, actor->site_id, today, "planned visits", &changed);
    char detail[32];
    snprintf(detail, sizeof detail, "%d missed", changed);
    if (rc == FD_OK && changed)
        rc = fd__journal(store, fn, actor, actor->site_id, "planned_visit", 0, "missed", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK && out_count)
        *out_count = changed;
    return rc;
}

static fd_status read_int0(sqlite3_stmt *st, void *ctx)
{
    *(int64_t *)ctx = sqlite3_column_int64(st, 0);
    return FD_OK;
}

fd_status fd_store_visits_due(fd_planned_visit_iter **out, fd_store *store, const fd_actor *actor, int overdue_only,
                              int64_t horizon_s, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_visits_due";
    fd_status rc = prologue(fn, "out", out, store, actor);
    if (rc)
        return rc;
    *out = NULL;
    if (limit < 1 || limit > 64)
        return fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..64", fn, (long long)limit);
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    if (!overdue_only && (horizon_s < 0 || horizon_s > HORIZON_MAX))
        return fd__error(FD_ERANGE, "%s: horizon_s: %lld, must be 0..%lld (a year)", fn, (long long)horizon_s,
                         HORIZON_MAX);
    int64_t last = overdue_only ? actor->at - 1 : actor->at + horizon_s;
    int64_t due = 0;
    if (after > 0 && (rc = fd__store_load(store, fn, SQL_VISIT_POSITION, after, actor->site_id, "after", "visit",
                                          read_int0, &due)) != FD_OK)
        return rc == FD_ENOTFOUND ? fd__error(FD_ERANGE, "%s: after: no visit %lld at the actor's site to continue "
                                              "after", fn, (long long)after) : rc;
    char a[3][24];
    snprintf(a[0], sizeof a[0], "%lld", (long long)last);
    snprintf(a[1], sizeof a[1], "%lld", (long long)due);
    snprintf(a[2], sizeof a[2], "%lld", (long long)after);
    const char *args[] = { a[0], a[1], a[2] };
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_planned_visit, actor,
                                after > 0 ? DUE_AFTER : DUE_FIRST, args, after > 0 ? 3 : 1, limit);
}

/* --- questions answered later ----------------------------------------------- */

fd_status fd_store_visit_question_add(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t visit_id,
                                      const char *question)
{
    static const char fn[] = "fd_store_visit_question_add";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "question", question, 500, true);
    if (rc)
        return rc;
    visit_now n;
    memset(&n, 0, sizeof n);
    if ((rc = fd__store_load(store, fn, SQL_VISIT_NOW, visit_id, actor->site_id, "visit_id", "visit", visit_read,
                             &n)) != FD_OK)
        return rc;
    if (is(n.state, "cancelled"))
        return visit_state_refused(fn, "visit_id", visit_id, n.state);
    /* The reply task (R-PLN-2): its due as every callback's (fd_callback_due: followup.callback_days on the
       working calendar, moved out of quiet hours). */
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_callback_plan due;
    memset(&due, 0, sizeof due);
    rc = site_calendar(&cal, &policy, store, fn, actor->site_id);
    if (rc == FD_OK && (rc = fd_callback_due(&due, actor->at, 0, 0, cal, policy)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    fd_visit_question q = FD_VISIT_QUESTION_INIT;
    q.planned_visit_id = visit_id;
    q.question = question;
    int64_t id = 0, cb_id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_visit_question, &q, actor);
    fd_callback cb = FD_CALLBACK_INIT;
    cb.source = "question";
    cb.occupant_id = n.occupant_id;
    cb.organisation_id = n.organisation_id;
    cb.due_at = due.due_at;
    cb.provisional = due.provisional;
    cb.state = "open";
    if (rc == FD_OK)
        rc = fd__record_insert(&cb_id, store, fn, &fd__record_callback, &cb, actor);
    if (rc == FD_OK)
        rc = exec2(store, fn, SQL_QUESTION_SET_CALLBACK, id, cb_id, "visit question", NULL);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "visit_question", id, "add", "reply task");
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

typedef struct question_now {
    int64_t answered_at, callback_id;
} question_now;

static fd_status question_read(sqlite3_stmt *st, void *ctx)
{
    question_now *n = ctx;
    n->answered_at = sqlite3_column_int64(st, 0);
    n->callback_id = sqlite3_column_int64(st, 1);
    return FD_OK;
}

fd_status fd_store_visit_question_answer(fd_store *store, const fd_actor *actor, int64_t question_id,
                                         const char *answer)
{
    static const char fn[] = "fd_store_visit_question_answer";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "answer", answer, 1000, true);
    if (rc)
        return rc;
    question_now n = { 0, 0 };
    if ((rc = fd__store_load(store, fn, SQL_QUESTION_NOW, question_id, actor->site_id, "question_id",
                             "visit question", question_read, &n)) != FD_OK)
        return rc;
    if (n.answered_at) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, n.answered_at, 0);
        return fd__error(FD_ESTATE, "%s: question_id: question %lld was answered at %s (R-PLN-4)", fn,
                         (long long)question_id, when);
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_QUESTION_ANSWER);
    if (st == NULL)
        rc = fd_error_last()->code;
    int changed = 0;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, question_id);
        sqlite3_bind_int64(st, 2, actor->at);
        sqlite3_bind_text(st, 3, answer, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "visit question", &changed);
    }
    if (rc == FD_OK && changed == 0)
        rc = fd__error(FD_EBUSY, "%s: question_id: question %lld changed meanwhile", fn, (long long)question_id);
    if (rc == FD_OK && n.callback_id)
        rc = exec2(store, fn, SQL_CALLBACK_DONE, n.callback_id, actor->at, "reply task", NULL);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "visit_question", question_id, "answer", NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- surveys ------------------------------------------------------------------ */

fd_status fd_store_survey_new(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_survey *s)
{
    static const char fn[] = "fd_store_survey_new";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "s", s);
    if (rc)
        return rc;
    fd_survey v = *s;
    v.created_at = 0;
    if ((rc = fd_survey_validate(&v)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_survey, &v, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "survey", id, "new", v.title);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

typedef struct survey_now {
    fd_date opened_on, closes_on;
    char *questions;
} survey_now;

static fd_status survey_read(sqlite3_stmt *st, void *ctx)
{
    survey_now *n = ctx;
    const char *o = COL_TEXT(st, 0), *c = COL_TEXT(st, 1), *q = COL_TEXT(st, 2);
    if (!o || !c || !q || fd_date_parse(&n->opened_on, o) || fd_date_parse(&n->closes_on, c))
        return fd__error(FD_EIO, "surveys: a survey's dates or questions unreadable in the database");
    n->questions = strdup(q);
    return n->questions ? FD_OK : fd__oom("fd_store_survey");
}

fd_status fd_store_survey_answer(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t survey_id,
                                 int64_t occupant_id, int64_t question_no, int64_t score, const char *answer)
{
    static const char fn[] = "fd_store_survey_answer";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "answer", answer, 1000, false);
    if (rc)
        return rc;
    if (score < 0 || score > 5)
        return fd__error(FD_ERANGE, "%s: score: %lld, must be 1..5 (very dissatisfied … very satisfied) or 0 (none)",
                         fn, (long long)score);
    survey_now n = { { 0, 0, 0 }, { 0, 0, 0 }, NULL };
    fd_date today;
    int64_t count = 0;
    rc = fd__store_load(store, fn, SQL_SURVEY_NOW, survey_id, actor->site_id, "survey_id", "survey", survey_read, &n);
    if (rc == FD_OK)
        rc = fd_survey_questions(&count, NULL, n.questions, 0);
    free(n.questions);
    if (rc == FD_OK)
        rc = local_day_start(NULL, &today, store, fn, actor);
    if (rc)
        return rc;
    if (question_no < 1 || question_no > count)
        return fd__error(FD_ERANGE, "%s: question_no: %lld, the survey has questions 1..%lld", fn,
                         (long long)question_no, (long long)count);
    if (fd__date_cmp(today, n.opened_on) < 0 || fd__date_cmp(today, n.closes_on) >= 0)
        return fd__error(FD_ESTATE, "%s: survey_id: survey %lld takes answers from %04d-%02d-%02d until before "
                         "%04d-%02d-%02d, not on %04d-%02d-%02d (R-PLN-5)", fn, (long long)survey_id,
                         n.opened_on.year, n.opened_on.month, n.opened_on.day, n.closes_on.year, n.closes_on.month,
                         n.closes_on.day, today.year, today.month, today.day);
    if ((rc = fd__store_ref_at_site(store, fn, SQL_OWNER_SITE, occupant_id, actor->site_id, "occupant_id",
                                    "owner")) != FD_OK)
        return rc;
    if (occupant_id <= 0)
        return fd__error(FD_EINVAL, "%s: occupant_id: is required: the owner who answers (R-PLN-5)", fn);
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_ANSWER_EXISTS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, survey_id);
    sqlite3_bind_int64(st, 2, occupant_id);
    sqlite3_bind_int64(st, 3, question_no);
    int64_t there = 0;
    if ((rc = fd__stmt_int(store, fn, st, "survey answer", &there)) != FD_OK)
        return rc;
    if (there)
        return fd__error(FD_ESTATE, "%s: question_no: owner %lld answered question %lld already (one answer each, "
                         "never changed)", fn, (long long)occupant_id, (long long)question_no);
    fd_survey_answer a = FD_SURVEY_ANSWER_INIT;
    a.survey_id = survey_id;
    a.occupant_id = occupant_id;
    a.question_no = question_no;
    a.score = score;
    a.answer = answer && answer[0] ? answer : NULL;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_survey_answer, &a, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "survey_answer", id, "answer", NULL);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

struct fd_survey_results {
    fd_survey_result_row *rows;
    size_t nrows;
    char **texts;
    int64_t asked;
    int64_t *not_asked;
    size_t n_not_asked, cap_not_asked;
};

void fd_survey_results_free(fd_survey_results *res)
{
    if (res == NULL)
        return;
    for (size_t i = 0; i < res->nrows; i++)
        free(res->texts[i]);
    free(res->texts);
    free(res->rows);
    free(res->not_asked);
    free(res);
}

static fd_status results_questions(fd_survey_results *res, const char *fn, const char *questions)
{
    int64_t n = 0;
    fd_status rc = fd_survey_questions(&n, NULL, questions, 0);
    if (rc)
        return rc;
    res->rows = calloc((size_t)n, sizeof *res->rows);
    res->texts = calloc((size_t)n, sizeof *res->texts);
    if (!res->rows || !res->texts)
        return fd__oom(fn);
    fd_buf text = FD_BUF_INIT;
    for (int64_t i = 0; rc == FD_OK && i < n; i++) {
        int64_t k = 0;
        rc = fd_survey_questions(&k, &text, questions, i + 1);
        if (rc == FD_OK && (res->texts[i] = strdup(text.ptr)) == NULL)
            rc = fd__oom(fn);
        fd_survey_result_row init = FD_SURVEY_RESULT_ROW_INIT;
        res->rows[i] = init;
        res->rows[i].question_no = i + 1;
        res->rows[i].question = res->texts[i];
        res->rows[i].mean_x100 = -1;
        res->nrows = (size_t)i + 1;
    }
    fd_buf_dispose(&text);
    return rc;
}

static fd_status results_counts(fd_survey_results *res, fd_store *s, const char *fn, int64_t survey_id)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_RESULTS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, survey_id);
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t q = sqlite3_column_int64(st, 0);
        if (q < 1 || (size_t)q > res->nrows)
            continue;
        fd_survey_result_row *r = &res->rows[q - 1];
        r->answers = sqlite3_column_int64(st, 1);
        r->scored = sqlite3_column_int64(st, 2);
        int64_t sum = sqlite3_column_int64(st, 3);
        r->mean_x100 = r->scored > 0 ? (sum * 200 + r->scored) / (2 * r->scored) : -1;
    }
    sqlite3_reset(st);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "survey answers");
    st = fd__store_stmt(s, fn, SQL_ASKED);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, survey_id);
    return fd__stmt_int(s, fn, st, "survey answers", &res->asked);
}

static fd_status results_not_asked(fd_survey_results *res, fd_store *s, const char *fn, int64_t site,
                                   int64_t survey_id, fd_date opened)
{
    char day[11];
    snprintf(day, sizeof day, "%04d-%02d-%02d", opened.year, opened.month, opened.day);
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_NOT_ASKED);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_int64(st, 2, survey_id);
    sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
    int src;
    fd_status rc = FD_OK;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (res->n_not_asked == res->cap_not_asked) {
            size_t cap = res->cap_not_asked ? res->cap_not_asked * 2 : 32;
            int64_t *p = realloc(res->not_asked, cap * sizeof *p);
            if (p == NULL) {
                rc = fd__oom(fn);
                break;
            }
            res->not_asked = p;
            res->cap_not_asked = cap;
        }
        res->not_asked[res->n_not_asked++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "owners");
    return rc;
}

fd_status fd_store_survey_results(fd_survey_results **out, fd_store *store, const fd_actor *actor, int64_t survey_id)
{
    static const char fn[] = "fd_store_survey_results";
    fd_status rc = prologue(fn, "out", out, store, actor);
    if (rc)
        return rc;
    *out = NULL;
    survey_now n = { { 0, 0, 0 }, { 0, 0, 0 }, NULL };
    if ((rc = fd__store_load(store, fn, SQL_SURVEY_NOW, survey_id, actor->site_id, "survey_id", "survey",
                             survey_read, &n)) != FD_OK)
        return rc;
    fd_survey_results *res = calloc(1, sizeof *res);
    if (res == NULL)
        rc = fd__oom(fn);
    if (rc == FD_OK)
        rc = results_questions(res, fn, n.questions);
    if (rc == FD_OK)
        rc = results_counts(res, store, fn, survey_id);
    if (rc == FD_OK)
        rc = results_not_asked(res, store, fn, actor->site_id, survey_id, n.opened_on);
    free(n.questions);
    if (rc) {
        fd_survey_results_free(res);
        return rc;
    }
    *out = res;
    return FD_OK;
}

size_t fd_survey_results_count(const fd_survey_results *res)
{
    return res ? res->nrows : 0;
}

fd_status fd_survey_results_get(fd_survey_result_row *out, const fd_survey_results *res, size_t index)
{
    static const char fn[] = "fd_survey_results_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "res", res);
    if (rc)
        return rc;
    if (index >= res->nrows)
        return fd__error(FD_ERANGE, "%s: index: %zu, the survey has %zu questions", fn, index, res->nrows);
    *out = res->rows[index];
    return FD_OK;
}

int64_t fd_survey_results_asked(const fd_survey_results *res)
{
    return res ? res->asked : 0;
}

size_t fd_survey_results_not_asked_count(const fd_survey_results *res)
{
    return res ? res->n_not_asked : 0;
}

fd_status fd_survey_results_not_asked(int64_t *out, const fd_survey_results *res, size_t index)
{
    static const char fn[] = "fd_survey_results_not_asked";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "res", res);
    if (rc)
        return rc;
    if (index >= res->n_not_asked)
        return fd__error(FD_ERANGE, "%s: index: %zu, %zu owners were not asked", fn, index, res->n_not_asked);
    *out = res->not_asked[index];
    return FD_OK;
}

static fd_status read_text0(sqlite3_stmt *st, void *ctx)
{
    const char *t = COL_TEXT(st, 0);
    fd__copy_fixed(ctx, 11, t ? t : "");
    return FD_OK;
}

fd_status fd_store_survey_due(fd_date *out, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_survey_due";
    fd_status rc = prologue(fn, "out", out, store, actor);
    fd_date today, last = { 0, 0, 0 };
    if (rc == FD_OK)
        rc = local_day_start(NULL, &today, store, fn, actor);
    char text[11] = "";
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_SURVEY_LAST, actor->site_id, actor->site_id, "site", "survey", read_text0,
                            text);
    if (rc == FD_OK && text[0] && fd_date_parse(&last, text) != FD_OK)
        rc = fd__error(FD_EIO, "%s: surveys.opened_on: not a date in the database", fn);
    const fd_policy *policy = NULL;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd_survey_due(out, last, today, policy);
    return rc;
}

/* --- the month -------------------------------------------------------------- */

static sqlite3_stmt *month_stmt(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t from, int64_t to)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st) {
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_int64(st, 2, from);
        sqlite3_bind_int64(st, 3, to);
    }
    return st;
}

/* Runs @sql over [from, to) and feeds each row to @feed; the statement reset at the end. */
static fd_status month_feed(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t from, int64_t to,
                            fd_status (*feed)(sqlite3_stmt *st, void *ctx), void *ctx, const char *what)
{
    sqlite3_stmt *st = month_stmt(s, fn, sql, site, from, to);
    if (st == NULL)
        return fd_error_last()->code;
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW)
        rc = feed(st, ctx);
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, what);
    return rc;
}

static fd_status feed_visit(sqlite3_stmt *st, void *ctx)
{
    fd_planned_visit v = FD_PLANNED_VISIT_INIT;
    v.due_at = sqlite3_column_int64(st, 0);
    v.state = COL_TEXT(st, 1);
    v.done_at = sqlite3_column_int64(st, 2);
    return fd_plan_summary_add_visit(ctx, &v);
}

static fd_status feed_callback(sqlite3_stmt *st, void *ctx)
{
    fd_callback c = FD_CALLBACK_INIT;
    c.due_at = sqlite3_column_int64(st, 0);
    c.state = COL_TEXT(st, 1);
    c.done_at = sqlite3_column_int64(st, 2);
    c.member = sqlite3_column_int(st, 3);
    c.satisfaction = COL_TEXT(st, 4);
    return fd_plan_summary_add_callback(ctx, &c);
}

static fd_status feed_followup(sqlite3_stmt *st, void *ctx)
{
    fd_followup f = FD_FOLLOWUP_INIT;
    f.due_at = sqlite3_column_int64(st, 0);
    f.state = COL_TEXT(st, 1);
    f.done_at = sqlite3_column_int64(st, 2);
    f.result = COL_TEXT(st, 3);
    f.satisfaction = COL_TEXT(st, 4);
    return fd_plan_summary_add_followup(ctx, &f);
}

static fd_status feed_question(sqlite3_stmt *st, void *ctx)
{
    fd_visit_question q = FD_VISIT_QUESTION_INIT;
    q.created_at = sqlite3_column_int64(st, 0);
    q.answered_at = sqlite3_column_int64(st, 1);
    return fd_plan_summary_add_question(ctx, &q);
}

fd_status fd_store_plan_summary(fd_plan_summary **out, fd_store *store, const fd_actor *actor, int year, int month)
{
    static const char fn[] = "fd_store_plan_summary";
    fd_status rc = prologue(fn, "out", out, store, actor);
    if (rc)
        return rc;
    *out = NULL;
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_plan_summary *sum = NULL;
    fd_plan_summary_totals t;
    if ((rc = site_calendar(&cal, &policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    if ((rc = fd_plan_summary_new(&sum, cal, year, month, actor->at)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    rc = fd_plan_summary_get(&t, sum);
    const struct {
        const char *sql, *what;
        fd_status (*feed)(sqlite3_stmt *, void *);
    } parts[] = {
        { SQL_MONTH_VISITS, "planned visits", feed_visit },
        { SQL_MONTH_CALLBACKS, "callbacks", feed_callback },
        { SQL_MONTH_FOLLOWUPS, "follow-ups", feed_followup },
        { SQL_MONTH_QUESTIONS, "visit questions", feed_question },
    };
    for (size_t i = 0; rc == FD_OK && i < sizeof parts / sizeof parts[0]; i++)
        rc = month_feed(store, fn, parts[i].sql, actor->site_id, t.month_start, t.month_end, parts[i].feed, sum,
                        parts[i].what);
    if (rc) {
        fd_plan_summary_free(sum);
        return fd__error_rename(rc, fn, NULL);
    }
    *out = sum;
    return FD_OK;
}

static fd_status feed_problem(sqlite3_stmt *st, void *ctx)
{
    const char *cat = COL_TEXT(st, 1);
    return fd_recurring_add(ctx, sqlite3_column_int64(st, 0), cat, sqlite3_column_int64(st, 2));
}

fd_status fd_store_recurring_problems(fd_recurring **out, fd_store *store, const fd_actor *actor, int64_t from,
                                      int64_t to)
{
    static const char fn[] = "fd_store_recurring_problems";
    fd_status rc = fd__period_check(store, fn, out, actor, from, to);
    if (rc == FD_OK)
        *out = NULL;
    if (rc == FD_OK && to <= from)
        rc = fd__error(FD_ERANGE, "%s: to: not after from: the period is [from, to)", fn);
    if (rc)
        return rc;
    fd_recurring *rec = NULL;
    if ((rc = fd_recurring_new(&rec)) == FD_OK)
        rc = month_feed(store, fn, SQL_RECURRING, actor->site_id, from, to, feed_problem, rec, "repairs, complaints");
    if (rc) {
        fd_recurring_free(rec);
        return fd__error_rename(rc, fn, NULL);
    }
    *out = rec;
    return FD_OK;
}
