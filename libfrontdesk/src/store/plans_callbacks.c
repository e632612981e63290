/*
 * The store's side of callbacks and specialists (issue 15 items 3-4): a
 * callback owed to a customer — from a call's task, a complaint, a member
 * customer, a repair — due on the site's calendar and out of quiet hours
 * (R-PLN-2, R-CALL-8, R-CALL-9), its attempts and outcome, the due and "call
 * now" lists through the partial index, member coverage and its misses;
 * specialists with levels, customers assigned to them in balance, the
 * rebalance when one joins or leaves, the first contact and its misses
 * (R-PLN-3). The rules are the module's pure functions (frontdesk/plans.h).
 * One transaction per write, journaled; nothing is deleted (R-COM-3).
 */
#include "store/plans_records.h"
#include "store/calls_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_OCCUPANT_SITE[] = "SELECT 1 FROM occupants WHERE id = ?1 AND site_id = ?2";
static const char SQL_ORGANISATION_SITE[] = "SELECT 1 FROM organisations WHERE id = ?1 AND site_id = ?2";
static const char SQL_COMPLAINT_SITE[] = "SELECT 1 FROM complaints WHERE id = ?1 AND site_id = ?2";
static const char SQL_REPAIR_SITE[] = "SELECT 1 FROM repairs WHERE id = ?1 AND site_id = ?2";
static const char SQL_STAFF_SITE[] = "SELECT 1 FROM staff WHERE id = ?1 AND site_id = ?2 AND active = 1";
static const char SQL_TASK[] =
    "SELECT t.state, coalesce(t.number, ''), t.due_at, coalesce(c.caller_name, '') FROM call_tasks t "
    "JOIN calls c ON c.id = t.call_id WHERE t.id = ?1 AND t.site_id = ?2";
static const char SQL_TASK_TAKEN[] = "SELECT coalesce((SELECT id FROM callbacks WHERE call_task_id = ?1), 0)";
static const char SQL_CALLBACK_NOW[] = "SELECT coalesce(state, ''), created_at, done_at FROM callbacks "
                                       "WHERE id = ?1 AND site_id = ?2";
static const char SQL_CALLBACK_ATTEMPT[] =
    "UPDATE callbacks SET attempts = attempts + 1, state = ?2, done_at = ?3, satisfaction = ?4 "
    "WHERE id = ?1 AND state = 'open'";
static const char SQL_CALLBACK_CLOSE[] =
    "UPDATE callbacks SET state = 'closed', done_at = ?2, close_reason = ?3 WHERE id = ?1 AND state = 'open'";
static const char SQL_CALLBACK_POSITION[] = "SELECT due_at FROM callbacks WHERE id = ?1 AND site_id = ?2";
/* The terms of callbacks_site_due: exactly the open ones, by due (a range of the partial index). */
#define DUE_OPEN "state = 'open' AND due_at <= ?3"
#define DUE_ORDER " ORDER BY due_at, id"
static const char DUE_FIRST[] = DUE_OPEN DUE_ORDER;
static const char DUE_AFTER[] = "due_at >= ?4 AND (due_at > ?4 OR id > CAST(?5 AS INTEGER)) AND " DUE_OPEN DUE_ORDER;
static const char SQL_COVERAGE[] =
    "SELECT count(*), coalesce(sum(state = 'done'), 0), coalesce(sum(state = 'done' AND done_at > due_at), 0), "
    "coalesce(sum(state = 'closed' OR (state = 'open' AND due_at < ?4)), 0) FROM callbacks "
    "WHERE site_id = ?1 AND created_at >= ?2 AND created_at < ?3 AND member = 1";
static const char MISSES[] =
    "member = 1 AND created_at >= ?3 AND created_at < ?4 AND (state = 'closed' OR (state = 'open' AND due_at < ?5)) "
    "AND id > CAST(?6 AS INTEGER) ORDER BY id";

static const char SQL_SPECIALIST_ACTIVE[] = "SELECT coalesce((SELECT id FROM specialists WHERE member_id = ?1 "
                                            "AND left_at = 0), 0)";
static const char SQL_SPECIALIST_NOW[] = "SELECT left_at FROM specialists WHERE id = ?1 AND site_id = ?2";
static const char SQL_SPECIALIST_LEAVE[] = "UPDATE specialists SET left_at = ?2 WHERE id = ?1 AND left_at = 0";
/* The site's active specialists with their customers in force, in id order. */
static const char SQL_TEAM[] =
    "SELECT s.id, s.level, (SELECT count(*) FROM customer_assignments a WHERE a.specialist_id = s.id "
    "AND a.ended_at = 0) FROM specialists s WHERE s.site_id = ?1 AND s.left_at = 0 ORDER BY s.id";
/* A giver's customers, the most recently assigned first. */
static const char SQL_GIVER[] =
    "SELECT id, coalesce(occupant_id, 0), coalesce(organisation_id, 0) FROM customer_assignments "
    "WHERE specialist_id = ?1 AND ended_at = 0 ORDER BY id DESC LIMIT ?2";
static const char SQL_ASSIGNMENT_END[] =
    "UPDATE customer_assignments SET ended_at = ?2 WHERE id = ?1 AND ended_at = 0";
static const char SQL_CUSTOMER_TAKEN[] =
    "SELECT coalesce((SELECT id FROM customer_assignments WHERE ended_at = 0 AND "
    "(occupant_id = nullif(?1, 0) OR organisation_id = nullif(?2, 0))), 0)";
static const char SQL_ASSIGNMENT_NOW[] = "SELECT contacted_at, ended_at FROM customer_assignments "
                                         "WHERE id = ?1 AND site_id = ?2";
static const char SQL_ASSIGNMENT_CONTACT[] =
    "UPDATE customer_assignments SET contacted_at = ?2 WHERE id = ?1 AND contacted_at = 0 AND ended_at = 0";
static const char SQL_ASSIGNMENT_POSITION[] = "SELECT contact_due_at FROM customer_assignments "
                                              "WHERE id = ?1 AND site_id = ?2";
/* The terms of customer_assignments_contact_due. */
#define CONTACT_LATE "contacted_at = 0 AND ended_at = 0 AND contact_due_at < ?3"
#define CONTACT_ORDER " ORDER BY contact_due_at, id"
static const char CONTACT_FIRST[] = CONTACT_LATE CONTACT_ORDER;
static const char CONTACT_AFTER[] = "contact_due_at >= ?4 AND (contact_due_at > ?4 OR id > CAST(?5 AS INTEGER)) AND "
                                    CONTACT_LATE CONTACT_ORDER;

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))
/* Longest horizon of "due within": a year. */
#define HORIZON_MAX (366 * 86400LL)

/* The first checks of every function here: the output (when named), the store, the actor. */
static fd_status prologue(const char *fn, const char *out_name, const void *out, fd_store *store, const fd_actor *actor)
{
    fd_status rc = out_name ? fd__check_ptr(fn, out_name, out) : FD_OK;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    return rc ? rc : fd__actor_check(store, fn, actor, NULL);
}

static fd_status read_int0(sqlite3_stmt *st, void *ctx)
{
    *(int64_t *)ctx = sqlite3_column_int64(st, 0);
    return FD_OK;
}

/* One integer from @sql with ?1 = @a, ?2 = @b. */
static fd_status query_int(int64_t *out, fd_store *s, const char *fn, const char *sql, int64_t a, int64_t b,
                           const char *what)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, a);
    if (sqlite3_bind_parameter_count(st) > 1)
        sqlite3_bind_int64(st, 2, b);
    return fd__stmt_int(s, fn, st, what, out);
}

/* A page's start: the sort value of row @after (0: none) through @sql, refused as FD_ERANGE when not found. */
static fd_status page_position(int64_t *out, fd_store *s, const char *fn, const char *sql, int64_t after,
                               int64_t site, const char *what)
{
    *out = 0;
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    if (after == 0)
        return FD_OK;
    fd_status rc = fd__store_load(s, fn, sql, after, site, "after", what, read_int0, out);
    return rc == FD_ENOTFOUND ? fd__error(FD_ERANGE, "%s: after: no %s %lld at the actor's site to continue after",
                                          fn, what, (long long)after)
                              : rc;
}

/* A page of @r through @first / @then (keyset on (key, id) after row @after, key @key), up to ?3 = @bound. */
static fd_status page_query(fd__iter **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                            const char *first, const char *then, int64_t bound, int64_t key, int64_t after,
                            int64_t limit)
{
    if (limit < 1 || limit > 64)
        return fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..64", fn, (long long)limit);
    char a[3][24];
    snprintf(a[0], sizeof a[0], "%lld", (long long)bound);
    snprintf(a[1], sizeof a[1], "%lld", (long long)key);
    snprintf(a[2], sizeof a[2], "%lld", (long long)after);
    const char *args[] = { a[0], a[1], a[2] };
    return fd__record_query_sql(out, s, fn, r, actor, after > 0 ? then : first, args, after > 0 ? 3 : 1, limit);
}

/* The site's policy and calendar. */
static fd_status site_rules(const fd_policy **policy, const fd_calendar **cal, fd_store *s, const char *fn,
                            int64_t site)
{
    fd_status rc = fd__store_policy(policy, s, fn, site);
    return rc ? rc : fd__store_calendar(cal, s, fn, site, *policy);
}

/* --- callbacks (R-PLN-2) ------------------------------------------------------------ */

typedef struct task_now {
    char state[17], number[FD__PHONE_MAX], caller[128];
    int64_t due_at;
} task_now;

static fd_status task_read(sqlite3_stmt *st, void *ctx)
{
    task_now *t = ctx;
    fd__copy_fixed(t->state, sizeof t->state, COL_TEXT(st, 0) ? COL_TEXT(st, 0) : "");
    fd__copy_fixed(t->number, sizeof t->number, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
    t->due_at = sqlite3_column_int64(st, 2);
    fd__copy_fixed(t->caller, sizeof t->caller, COL_TEXT(st, 3) ? COL_TEXT(st, 3) : "");
    return FD_OK;
}

/* R-CALL-8, R-CALL-9: the call task @id, open and without a callback; its due into @due_at. */
static fd_status task_load(task_now *t, fd_store *s, const char *fn, const char *field, int64_t id, int64_t site)
{
    memset(t, 0, sizeof *t);
    fd_status rc = fd__store_load(s, fn, SQL_TASK, id, site, field, "call task", task_read, t);
    if (rc)
        return rc;
    if (strcmp(t->state, "open") != 0)
        return fd__error(FD_ESTATE, "%s: state: call task %lld is %s: a callback is owed only on an open task "
                         "(R-PLN-2)", fn, (long long)id, t->state);
    int64_t taken = 0;
    if ((rc = query_int(&taken, s, fn, SQL_TASK_TAKEN, id, 0, "reading the task's callback")) != FD_OK)
        return rc;
    if (taken)
        return fd__error(FD_ECONFLICT, "%s: %s: call task %lld has its callback already (%lld): one each", fn, field,
                         (long long)id, (long long)taken);
    return FD_OK;
}

/* Checks, the due, the insert and the journal of @cb (its number normalised into @number first). */
static fd_status callback_insert(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor,
                                 const fd_callback *cb, int64_t task_due)
{
    fd_callback v = *cb;
    fd_status rc = fd__record_check(&fd__record_callback, fn, &v);
    if (rc == FD_OK)
        rc = fd_plan_code_label("source", v.source) ? FD_OK
             : fd__error(FD_EINVAL, "%s: callback.source: %s is no source: call, complaint, member, repair, question",
                         fn, v.source);
    if (rc == FD_OK && strcmp(v.source, "call") == 0 && v.call_task_id <= 0)
        rc = fd__error(FD_EINVAL, "%s: callback.call_task_id: a callback from a call names its call task", fn);
    if (rc == FD_OK && strcmp(v.source, "complaint") == 0 && v.complaint_id <= 0)
        rc = fd__error(FD_EINVAL, "%s: callback.complaint_id: a callback from a complaint names it", fn);
    if (rc == FD_OK && strcmp(v.source, "repair") == 0 && v.repair_id <= 0)
        rc = fd__error(FD_EINVAL, "%s: callback.repair_id: a callback from a repair names the work order", fn);
    if (rc == FD_OK && strcmp(v.source, "member") == 0 && !v.member)
        rc = fd__error(FD_EINVAL, "%s: callback.member: a member callback is for a member customer (member 1)", fn);
    if (rc == FD_OK && v.agreed_at != 0 && v.agreed_at < actor->at - 86400)
        rc = fd__error(FD_ERANGE, "%s: callback.agreed_at: before now: a time agreed with the customer is to come",
                       fn);
    static const struct {
        const char *sql, *qname, *what;
        size_t off;
    } refs[] = {
        { SQL_OCCUPANT_SITE, "callback.occupant_id", "occupant", offsetof(fd_callback, occupant_id) },
        { SQL_ORGANISATION_SITE, "callback.organisation_id", "organisation", offsetof(fd_callback, organisation_id) },
        { SQL_COMPLAINT_SITE, "callback.complaint_id", "complaint", offsetof(fd_callback, complaint_id) },
        { SQL_REPAIR_SITE, "callback.repair_id", "work order", offsetof(fd_callback, repair_id) },
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0] && rc == FD_OK; i++)
        rc = fd__store_ref_at_site(s, fn, refs[i].sql, *(const int64_t *)((const char *)&v + refs[i].off),
                                   actor->site_id, refs[i].qname, refs[i].what);
    char number[FD__PHONE_MAX];
    if (rc == FD_OK)
        rc = fd__calls_phone(number, fn, "callback.number", v.number, false);
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    if (rc == FD_OK)
        rc = site_rules(&policy, &cal, s, fn, actor->site_id);
    fd_callback_plan p;
    if (rc == FD_OK && (rc = fd_callback_due(&p, actor->at, v.agreed_at, task_due, cal, policy)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc)
        return rc;
    v.number = number[0] ? number : NULL;
    v.due_at = p.due_at;
    v.provisional = p.provisional;
    v.state = "open";
    v.attempts = 0;
    v.done_at = 0;
    v.satisfaction = NULL;
    v.close_reason = NULL;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, s, fn, &fd__record_callback, &v, actor);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "callback", id, "add", v.source);
    rc = fd__store_write_end(s, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_callback_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_callback *cb)
{
    static const char fn[] = "fd_store_callback_add";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cb", cb);
    if (rc)
        return rc;
    task_now t;
    t.due_at = 0;
    if (cb->call_task_id > 0 && (rc = task_load(&t, store, fn, "callback.call_task_id", cb->call_task_id,
                                                actor->site_id)) != FD_OK)
        return rc;
    return callback_insert(out_id, store, fn, actor, cb, cb->call_task_id > 0 ? t.due_at : 0);
}

fd_status fd_store_callback_from_call_task(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                           int64_t call_task_id, int64_t agreed_at)
{
    static const char fn[] = "fd_store_callback_from_call_task";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    task_now t;
    if (rc == FD_OK)
        rc = task_load(&t, store, fn, "call_task_id", call_task_id, actor->site_id);
    if (rc)
        return rc;
    fd_callback cb = FD_CALLBACK_INIT;
    cb.source = "call";
    cb.call_task_id = call_task_id;
    cb.customer = t.caller[0] ? t.caller : NULL;
    cb.number = t.number[0] ? t.number : NULL;
    cb.agreed_at = agreed_at;
    return callback_insert(out_id, store, fn, actor, &cb, t.due_at);
}

typedef struct callback_now {
    char state[17];
    int64_t created_at, done_at;
} callback_now;

static fd_status callback_read(sqlite3_stmt *st, void *ctx)
{
    callback_now *c = ctx;
    fd__copy_fixed(c->state, sizeof c->state, COL_TEXT(st, 0) ? COL_TEXT(st, 0) : "");
    c->created_at = sqlite3_column_int64(st, 1);
    c->done_at = sqlite3_column_int64(st, 2);
    return FD_OK;
}

/* Callback @id of the actor's site, open (else FD_ESTATE naming its state). */
static fd_status callback_open(callback_now *c, fd_store *s, const char *fn, const fd_actor *actor, int64_t id)
{
    fd_status rc = fd__store_load(s, fn, SQL_CALLBACK_NOW, id, actor->site_id, "callback_id", "callback",
                                  callback_read, c);
    if (rc == FD_OK && strcmp(c->state, "open") != 0) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, s, fn, actor->site_id, c->done_at, actor->at);
        rc = fd__error(FD_ESTATE, "%s: state: callback %lld is %s (%s) since %s: only an open one is called (R-PLN-2)",
                       fn, (long long)id, c->state, fd_plan_code_label("callback_state", c->state), when);
    }
    return rc;
}

fd_status fd_store_callback_attempt(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t callback_id,
                                    int64_t placed_at, const char *result, const char *satisfaction, const char *said)
{
    static const char fn[] = "fd_store_callback_attempt";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc == FD_OK && (rc = fd_callback_outcome_check(result, satisfaction, said)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    int64_t at = placed_at ? placed_at : actor->at;
    if (rc == FD_OK && placed_at != 0)
        rc = fd__check_instant(fn, "placed_at", placed_at);
    if (rc == FD_OK && at > actor->at)
        rc = fd__error(FD_EINVAL, "%s: placed_at: after now: an attempt is recorded once it was made", fn);
    callback_now c;
    if (rc == FD_OK)
        rc = callback_open(&c, store, fn, actor, callback_id);
    if (rc == FD_OK && at < c.created_at)
        rc = fd__error(FD_ERANGE, "%s: placed_at: before the callback was created", fn);
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    if (rc == FD_OK)
        rc = site_rules(&policy, &cal, store, fn, actor->site_id);
    int may = 0;
    int64_t next = 0;
    if (rc == FD_OK && (rc = fd_callback_may_call(&may, &next, cal, at)) != FD_OK)
        rc = fd__error_rename(rc, fn, "placed_at");
    if (rc == FD_OK && !may) {
        char when[FD__WHEN_MAX], then[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, at, 0);
        fd__site_when(then, store, fn, actor->site_id, next, at);
        rc = fd__error(FD_EINVAL, "%s: placed_at: %s is in quiet hours, the customer's rest time: never called "
                       "then (R-PLN-2); the next allowed time is %s", fn, when, then);
    }
    if (rc)
        return rc;
    bool done = strcmp(result, "done") == 0;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    fd_callback_attempt a = FD_CALLBACK_ATTEMPT_INIT;
    a.callback_id = callback_id;
    a.placed_at = at;
    a.result = result;
    a.satisfaction = done ? satisfaction : NULL;
    a.said = said && said[0] ? said : NULL;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_callback_attempt, &a, actor);
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_CALLBACK_ATTEMPT) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, callback_id);
        sqlite3_bind_text(st, 2, done ? "done" : "open", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, done ? at : 0);
        sqlite3_bind_text(st, 4, done ? satisfaction : NULL, -1, SQLITE_STATIC);
        int changed = 0;
        rc = fd__stmt_done(store, fn, st, "recording the attempt", &changed);
        if (rc == FD_OK && changed != 1)
            rc = fd__error(FD_EBUSY, "%s: callback_id: callback %lld was closed by another clerk meanwhile", fn,
                           (long long)callback_id);
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "callback", callback_id, result, done ? satisfaction : NULL);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK && out_id)
        *out_id = id;
    return rc;
}

fd_status fd_store_callback_close(fd_store *store, const fd_actor *actor, int64_t callback_id, const char *reason)
{
    static const char fn[] = "fd_store_callback_close";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "reason", reason, 200, true);
    callback_now c;
    if (rc == FD_OK)
        rc = callback_open(&c, store, fn, actor, callback_id);
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_CALLBACK_CLOSE) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_bind_int64(st, 1, callback_id);
    sqlite3_bind_int64(st, 2, actor->at);
    sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
    int changed = 0;
    rc = fd__stmt_done(store, fn, st, "closing the callback", &changed);
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_EBUSY, "%s: callback_id: callback %lld was recorded by another clerk meanwhile", fn,
                       (long long)callback_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "callback", callback_id, "close", NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

/* The due list up to @bound (inclusive). */
static fd_status due_page(fd_callback_iter **out, fd_store *store, const char *fn, const fd_actor *actor,
                          int64_t bound, int64_t after, int64_t limit)
{
    int64_t due = 0;
    fd_status rc = page_position(&due, store, fn, SQL_CALLBACK_POSITION, after, actor->site_id, "callback");
    return rc ? rc : page_query((fd__iter **)out, store, fn, &fd__record_callback, actor, DUE_FIRST, DUE_AFTER,
                                bound, due, after, limit);
}

fd_status fd_store_callbacks_due(fd_callback_iter **out, fd_store *store, const fd_actor *actor, int overdue_only,
                                 int64_t horizon_s, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_callbacks_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = prologue(fn, NULL, NULL, store, actor)) != FD_OK)
        return rc;
    if (!overdue_only && (horizon_s < 0 || horizon_s > HORIZON_MAX))
        return fd__error(FD_ERANGE, "%s: horizon_s: %lld, must be 0..%lld (a year)", fn, (long long)horizon_s,
                         HORIZON_MAX);
    return due_page(out, store, fn, actor, overdue_only ? actor->at - 1 : actor->at + horizon_s, after, limit);
}

fd_status fd_store_callbacks_now(fd_callback_iter **out, fd_store *store, const fd_actor *actor, int64_t after,
                                 int64_t limit)
{
    static const char fn[] = "fd_store_callbacks_now";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = prologue(fn, NULL, NULL, store, actor)) != FD_OK)
        return rc;
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    int may = 0;
    int64_t next = 0;
    if ((rc = site_rules(&policy, &cal, store, fn, actor->site_id)) != FD_OK)
        return rc;
    if ((rc = fd_callback_may_call(&may, &next, cal, actor->at)) != FD_OK)
        return fd__error_rename(rc, fn, "actor.at");
    /* R-PLN-2: in quiet hours nobody is proposed (no due is negative: an empty page) */
    return due_page(out, store, fn, actor, may ? actor->at : -1, after, limit);
}

fd_status fd_store_callback_coverage(fd_callback_coverage *out, fd_store *store, const fd_actor *actor, int64_t from,
                                     int64_t to)
{
    static const char fn[] = "fd_store_callback_coverage";
    fd_callback_coverage c;
    memset(&c, 0, sizeof c);
    c.version = FD_CALLBACK_COVERAGE_VERSION;
    int64_t n[4];
    fd_status rc = fd__coverage_counts(n, &c.target_pct, store, fn, out, actor, from, to,
                                       "followup.member_callback_pct", SQL_COVERAGE, "counting the member callbacks");
    if (rc)
        return rc;
    c.members = n[0], c.reached = n[1], c.late = n[2], c.missed = n[3];
    c.pending = c.members - c.reached - c.missed;
    int64_t decided = c.members - c.pending;
    c.share_pct = decided > 0 ? c.reached * 100 / decided : 100;
    c.met = c.share_pct >= c.target_pct;
    *out = c;
    return FD_OK;
}

fd_status fd_store_callback_misses(fd_callback_iter **out, fd_store *store, const fd_actor *actor, int64_t from,
                                   int64_t to, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_callback_misses";
    return fd__misses_query((fd__iter **)out, store, fn, &fd__record_callback, actor, from, to, after, limit, MISSES);
}

/* --- specialists and their customers (R-PLN-3) ----------------------------------------- */

fd_status fd_store_specialist_add(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t member_id,
                                  int64_t level)
{
    static const char fn[] = "fd_store_specialist_add";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc == FD_OK && (level < 1 || level > 5))
        rc = fd__error(FD_EINVAL, "%s: level: %lld, a specialist's level is 1 (junior) .. 5 (senior) (R-PLN-3)", fn,
                       (long long)level);
    if (rc == FD_OK && member_id <= 0)
        rc = fd__error(FD_ENOTFOUND, "%s: member_id: no member of staff %lld at the actor's site", fn,
                       (long long)member_id);
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_STAFF_SITE, member_id, actor->site_id, "member_id",
                                   "active member of staff");
    int64_t active = 0;
    if (rc == FD_OK)
        rc = query_int(&active, store, fn, SQL_SPECIALIST_ACTIVE, member_id, 0, "reading the specialists");
    if (rc == FD_OK && active)
        rc = fd__error(FD_ECONFLICT, "%s: member_id: member %lld is specialist %lld already", fn, (long long)member_id,
                       (long long)active);
    if (rc)
        return rc;
    fd_specialist v = FD_SPECIALIST_INIT;
    v.member_id = member_id;
    v.level = level;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_specialist, &v, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "specialist", id, "add", NULL);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* The team as parallel arrays (the site's active specialists, then @leaver at level 0 when > 0). */
typedef struct team {
    int64_t *ids, *levels, *counts;
    size_t n, cap;
} team;

static void team_free(team *t)
{
    free(t->ids);
    free(t->levels);
    free(t->counts);
}

static fd_status team_rows(team *t, fd_store *s, const char *fn, const char *sql, int64_t key)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, key);
    fd_status rc = FD_OK;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (t->n == t->cap) {
            size_t c2 = t->cap ? t->cap * 2 : 8;
            int64_t *a = realloc(t->ids, c2 * sizeof *a);
            if (a)
                t->ids = a;
            int64_t *b = a ? realloc(t->levels, c2 * sizeof *b) : NULL;
            if (b)
                t->levels = b;
            int64_t *c = b ? realloc(t->counts, c2 * sizeof *c) : NULL;
            if (c)
                t->counts = c;
            if (c == NULL) {
                rc = fd__oom(fn);
                break;
            }
            t->cap = c2;
        }
        t->ids[t->n] = sqlite3_column_int64(st, 0);
        t->levels[t->n] = sqlite3_column_int64(st, 1);
        t->counts[t->n++] = sqlite3_column_int64(st, 2);
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the specialists");
    sqlite3_reset(st);
    return rc;
}

static fd_status team_load(team *t, fd_store *s, const char *fn, int64_t site, int64_t leaver)
{
    memset(t, 0, sizeof *t);
    fd_status rc = team_rows(t, s, fn, SQL_TEAM, site);
    if (rc == FD_OK && leaver > 0) {
        /* the leaver takes none: level 0 (it is among the active ones until written) */
        for (size_t i = 0; i < t->n; i++)
            if (t->ids[i] == leaver)
                t->levels[i] = 0;
    }
    return rc;
}

/* The new assignment's first contact: plan.new_customer_contact_days on the site's calendar (R-PLN-3). */
static fd_status contact_due(int64_t *out, fd_store *s, const char *fn, const fd_actor *actor)
{
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    int64_t amount = 0;
    int unit = 0;
    fd_status rc = site_rules(&policy, &cal, s, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd_policy_get_deadline(&amount, &unit, policy, "plan.new_customer_contact_days");
    if (rc == FD_OK)
        rc = fd_calendar_deadline(out, cal, actor->at, amount, unit, policy);
    return rc ? fd__error_rename(rc, fn, NULL) : FD_OK;
}

static fd_status assignment_insert(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor,
                                   int64_t specialist, int64_t occupant, int64_t organisation, int64_t due,
                                   const char *action)
{
    fd_customer_assignment a = FD_CUSTOMER_ASSIGNMENT_INIT;
    a.specialist_id = specialist;
    a.occupant_id = occupant;
    a.organisation_id = organisation;
    a.contact_due_at = due;
    int64_t id = 0;
    fd_status rc = fd__record_insert(&id, s, fn, &fd__record_customer_assignment, &a, actor);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "customer_assignment", id, action, NULL);
    if (rc == FD_OK && out_id)
        *out_id = id;
    return rc;
}

/* Writes the moves of @r in the caller's write: a giver's most recent customers go first. */
static fd_status moves_apply(fd_store *s, const char *fn, const fd_actor *actor, const fd_rebalance *r)
{
    int64_t due = 0;
    fd_status rc = fd_rebalance_moves(r) ? contact_due(&due, s, fn, actor) : FD_OK;
    for (size_t m = 0; m < fd_rebalance_moves(r) && rc == FD_OK; m++) {
        int64_t from = 0, to = 0, count = 0;
        fd_rebalance_move(&from, &to, &count, r, m);
        int64_t (*rows)[3] = calloc((size_t)count, sizeof *rows);
        if (rows == NULL)
            return fd__oom(fn);
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_GIVER);
        size_t n = 0;
        if (st == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, from);
            sqlite3_bind_int64(st, 2, count);
            int src;
            while (n < (size_t)count && (src = sqlite3_step(st)) == SQLITE_ROW) {
                rows[n][0] = sqlite3_column_int64(st, 0);
                rows[n][1] = sqlite3_column_int64(st, 1);
                rows[n++][2] = sqlite3_column_int64(st, 2);
            }
            sqlite3_reset(st);
        }
        for (size_t i = 0; i < n && rc == FD_OK; i++) {
            if ((st = fd__store_stmt(s, fn, SQL_ASSIGNMENT_END)) == NULL) {
                rc = fd_error_last()->code;
                break;
            }
            sqlite3_bind_int64(st, 1, rows[i][0]);
            sqlite3_bind_int64(st, 2, actor->at);
            int changed = 0;
            rc = fd__stmt_done(s, fn, st, "ending the assignment", &changed);
            if (rc == FD_OK)
                rc = fd__journal(s, fn, actor, actor->site_id, "customer_assignment", rows[i][0], "end", NULL);
            if (rc == FD_OK)
                rc = assignment_insert(NULL, s, fn, actor, to, rows[i][1], rows[i][2], due, "move");
        }
        free(rows);
    }
    return rc;
}

/* The proposal for the site's team (@leaver at level 0), written when @apply. */
static fd_status rebalance_run(fd_rebalance **out, fd_store *s, const char *fn, const fd_actor *actor,
                               int64_t leaver, int apply)
{
    team t;
    fd_status rc = team_load(&t, s, fn, actor->site_id, leaver);
    fd_rebalance *r = NULL;
    if (rc == FD_OK && (rc = fd_assign_rebalance(&r, t.ids, t.n, t.levels, t.n, t.counts, t.n)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    team_free(&t);
    if (rc == FD_OK && apply) {
        bool sp;
        if ((rc = fd__store_write_begin(s, fn, &sp)) == FD_OK) {
            if (leaver > 0) {
                sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_SPECIALIST_LEAVE);
                int changed = 0;
                rc = st ? FD_OK : fd_error_last()->code;
                if (rc == FD_OK) {
                    sqlite3_bind_int64(st, 1, leaver);
                    sqlite3_bind_int64(st, 2, actor->at);
                    rc = fd__stmt_done(s, fn, st, "recording the leave", &changed);
                }
                if (rc == FD_OK && changed != 1)
                    rc = fd__error(FD_EBUSY, "%s: specialist_id: specialist %lld left meanwhile", fn,
                                   (long long)leaver);
                if (rc == FD_OK)
                    rc = fd__journal(s, fn, actor, actor->site_id, "specialist", leaver, "leave", NULL);
            }
            if (rc == FD_OK)
                rc = moves_apply(s, fn, actor, r);
            rc = fd__store_write_end(s, fn, sp, rc);
        }
    }
    if (rc) {
        fd_rebalance_free(r);
        return rc;
    }
    *out = r;
    return FD_OK;
}

fd_status fd_store_specialist_leave(fd_rebalance **out, fd_store *store, const fd_actor *actor, int64_t specialist_id,
                                    int apply)
{
    static const char fn[] = "fd_store_specialist_leave";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = prologue(fn, NULL, NULL, store, actor)) == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    int64_t left = 0;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_SPECIALIST_NOW, specialist_id, actor->site_id, "specialist_id",
                            "specialist", read_int0, &left);
    if (rc == FD_OK && left) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, left, actor->at);
        rc = fd__error(FD_ESTATE, "%s: specialist_id: specialist %lld left on %s", fn, (long long)specialist_id, when);
    }
    return rc ? rc : rebalance_run(out, store, fn, actor, specialist_id, apply);
}

fd_status fd_store_assign_rebalance(fd_rebalance **out, fd_store *store, const fd_actor *actor, int apply)
{
    static const char fn[] = "fd_store_assign_rebalance";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = prologue(fn, NULL, NULL, store, actor)) == FD_OK && apply)
        rc = fd__actor_require_manage(fn, actor);
    return rc ? rc : rebalance_run(out, store, fn, actor, 0, apply);
}

fd_status fd_store_assign_customer(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t occupant_id,
                                   int64_t organisation_id, int64_t specialist_id)
{
    static const char fn[] = "fd_store_assign_customer";
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK && (occupant_id > 0) == (organisation_id > 0))
        rc = fd__error(FD_EINVAL, "%s: occupant_id: a customer is an occupant or an organisation: exactly one of "
                       "occupant_id, organisation_id", fn);
    if (rc == FD_OK && (occupant_id < 0 || organisation_id < 0))
        rc = fd__error(FD_EINVAL, "%s: %s: negative", fn, occupant_id < 0 ? "occupant_id" : "organisation_id");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_OCCUPANT_SITE, occupant_id, actor->site_id, "occupant_id",
                                   "occupant");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_ORGANISATION_SITE, organisation_id, actor->site_id,
                                   "organisation_id", "organisation");
    int64_t taken = 0;
    if (rc == FD_OK)
        rc = query_int(&taken, store, fn, SQL_CUSTOMER_TAKEN, occupant_id, organisation_id,
                       "reading the assignments");
    if (rc == FD_OK && taken)
        rc = fd__error(FD_ECONFLICT, "%s: %s: the customer is assigned already (assignment %lld): a rebalance moves "
                       "them", fn, occupant_id ? "occupant_id" : "organisation_id", (long long)taken);
    if (rc == FD_OK && specialist_id < 0)
        rc = fd__error(FD_EINVAL, "%s: specialist_id: negative (0: the balance picks)", fn);
    int64_t left = 0;
    if (rc == FD_OK && specialist_id > 0)
        rc = fd__store_load(store, fn, SQL_SPECIALIST_NOW, specialist_id, actor->site_id, "specialist_id",
                            "specialist", read_int0, &left);
    if (rc == FD_OK && left)
        rc = fd__error(FD_ESTATE, "%s: specialist_id: specialist %lld has left: takes no customers", fn,
                       (long long)specialist_id);
    if (rc == FD_OK && specialist_id == 0) {
        team t;
        if ((rc = team_load(&t, store, fn, actor->site_id, 0)) == FD_OK &&
            (rc = fd_assign_balance(&specialist_id, t.ids, t.n, t.levels, t.n, t.counts, t.n)) != FD_OK)
            rc = fd__error_rename(rc, fn, NULL);
        team_free(&t);
        if (rc == FD_OK && specialist_id == 0)
            rc = fd__error(FD_EINVAL, "%s: specialist_id: the site has no active specialist to assign to (R-PLN-3)",
                           fn);
    }
    int64_t due = 0;
    if (rc == FD_OK)
        rc = contact_due(&due, store, fn, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    rc = assignment_insert(out_id, store, fn, actor, specialist_id, occupant_id, organisation_id, due, "add");
    return fd__store_write_end(store, fn, sp, rc);
}

typedef struct assignment_now {
    int64_t contacted_at, ended_at;
} assignment_now;

static fd_status assignment_read(sqlite3_stmt *st, void *ctx)
{
    assignment_now *a = ctx;
    a->contacted_at = sqlite3_column_int64(st, 0);
    a->ended_at = sqlite3_column_int64(st, 1);
    return FD_OK;
}

fd_status fd_store_assign_contact(fd_store *store, const fd_actor *actor, int64_t assignment_id)
{
    static const char fn[] = "fd_store_assign_contact";
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    assignment_now a;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_ASSIGNMENT_NOW, assignment_id, actor->site_id, "assignment_id",
                            "customer assignment", assignment_read, &a);
    if (rc == FD_OK && (a.contacted_at || a.ended_at)) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, a.ended_at ? a.ended_at : a.contacted_at, actor->at);
        rc = fd__error(FD_ESTATE, "%s: state: assignment %lld %s on %s", fn, (long long)assignment_id,
                       a.ended_at ? "ended" : "was contacted", when);
    }
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_ASSIGNMENT_CONTACT) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_bind_int64(st, 1, assignment_id);
    sqlite3_bind_int64(st, 2, actor->at);
    int changed = 0;
    rc = fd__stmt_done(store, fn, st, "recording the contact", &changed);
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_EBUSY, "%s: assignment_id: assignment %lld changed meanwhile", fn, (long long)assignment_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "customer_assignment", assignment_id, "contact", NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_assign_misses(fd_customer_assignment_iter **out, fd_store *store, const fd_actor *actor,
                                 int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_assign_misses";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = prologue(fn, NULL, NULL, store, actor)) != FD_OK)
        return rc;
    int64_t due = 0;
    if ((rc = page_position(&due, store, fn, SQL_ASSIGNMENT_POSITION, after, actor->site_id,
                            "customer assignment")) != FD_OK)
        return rc;
    return page_query((fd__iter **)out, store, fn, &fd__record_customer_assignment, actor, CONTACT_FIRST,
                      CONTACT_AFTER, actor->at, due, after, limit);
}

/* --- the callbacks' day (the daily report's callbacks section) ----------------------- */

/* Three ranges of callbacks_site_due: due in [?2, ?3); overdue (due before ?4 = min(b, now)); waiting for the
 * quiet hours to end (due by ?5 = now when now is quiet time in the day, else -1: none). */
#define SQL_CALLBACK_DAY                                                                                              \
    "SELECT (SELECT count(*) FROM callbacks INDEXED BY callbacks_site_due "                                         \
    "WHERE site_id = ?1 AND state = 'open' AND due_at >= ?2 AND due_at < ?3), "                                     \
    "(SELECT count(*) FROM callbacks INDEXED BY callbacks_site_due "                                                \
    "WHERE site_id = ?1 AND state = 'open' AND due_at < ?4), "                                                      \
    "(SELECT count(*) FROM callbacks INDEXED BY callbacks_site_due "                                                \
    "WHERE site_id = ?1 AND state = 'open' AND due_at <= ?5)"

const char *const fd__callback_day_sql = SQL_CALLBACK_DAY;

fd_status fd__store_callback_day(fd__callback_day *out, fd_store *s, const fd_actor *actor, const char *fn, int64_t a,
                                 int64_t b)
{
    fd_status rc = fd__actor_check(s, fn, actor, NULL);
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    int may = 1;
    int64_t next = 0;
    memset(out, 0, sizeof *out);
    if (rc == FD_OK)
        rc = site_rules(&policy, &cal, s, fn, actor->site_id);
    if (rc == FD_OK && actor->at >= a && actor->at < b && (rc = fd_callback_may_call(&may, &next, cal, actor->at)))
        rc = fd__error_rename(rc, fn, "actor.at");
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(s, fn, SQL_CALLBACK_DAY) : NULL;
    if (rc != FD_OK || st == NULL)
        return rc ? rc : FD_EIO;
    out->quiet_now = !may;
    out->quiet_until = may ? 0 : next;
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_int64(st, 2, a);
    sqlite3_bind_int64(st, 3, b);
    sqlite3_bind_int64(st, 4, actor->at < b ? actor->at : b);
    sqlite3_bind_int64(st, 5, may ? -1 : actor->at);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        out->due = sqlite3_column_int64(st, 0);
        out->overdue = sqlite3_column_int64(st, 1);
        out->waiting = sqlite3_column_int64(st, 2);
    }
    sqlite3_reset(st);
    return step == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, step, "counting the day's callbacks");
}
