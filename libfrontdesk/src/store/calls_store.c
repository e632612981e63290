/*
 * The store's side of calls (issue 11): logging a call with its call-back and
 * reply tasks (R-CALL-1, R-CALL-3, R-CALL-8, R-CALL-9), finishing tasks,
 * messages and their state changes (R-CALL-6), and the period's counts for
 * the daily report (R-COM-4). The rules are the module's pure functions
 * (frontdesk/calls.h); this file reads the site's policy and calendar, writes
 * rows and journals them. Nothing is deleted (R-COM-3).
 */
#include "store/calls_store.h"
#include "frontdesk/phone.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_DIR_AT_SITE[] = "SELECT 1 FROM directory WHERE id = ?1 AND site_id = ?2";
static const char SQL_CALL_AT_SITE[] = "SELECT 1 FROM calls WHERE id = ?1 AND site_id = ?2";
static const char SQL_TASK_STATE[] =
    "SELECT state, done_at, created_at FROM call_tasks WHERE id = ?1 AND site_id = ?2";
static const char SQL_TASK_DONE[] = "UPDATE call_tasks SET state = 'done', done_at = ?2, done_by = ?3, outcome = ?4 "
                                    "WHERE id = ?1 AND state = 'open'";
static const char SQL_MESSAGE_STATE[] = "SELECT state, taken_at FROM messages WHERE id = ?1 AND site_id = ?2";
static const char SQL_MESSAGE_SET_STATE[] =
    "UPDATE messages SET state = ?2, state_at = ?3, state_by = ?4, delivered_how = ?5 WHERE id = ?1 AND state = 'taken'";

/* --- shared helpers (calls_store.h) ----------------------------------------- */

fd_status fd__calls_phone(char out[FD__PHONE_MAX], const char *fn, const char *qname, const char *text,
                          bool keep_unparsed)
{
    out[0] = '\0';
    if (text == NULL || text[0] == '\0')
        return FD_OK;
    fd_phone ph;
    fd_status rc = fd_phone_parse(&ph, text);
    if (rc && keep_unparsed && strlen(text) < FD__PHONE_MAX) {
        fd_error_clear();
        snprintf(out, FD__PHONE_MAX, "%s", text);
        return FD_OK;
    }
    if (rc)
        return fd__error_rename(rc, fn, qname);
    /* The national form is what a number is matched on (calls_site_number); an
     * extension stays, after '-', as fd_phone_parse() reads it back. */
    snprintf(out, FD__PHONE_MAX, "%s%s%s", ph.national, ph.extension[0] ? "-" : "", ph.extension);
    return FD_OK;
}

fd_status fd__calls_ref_at_site(fd_store *s, const char *fn, const char *qname, const char *table, int64_t id,
                                int64_t site_id)
{
    bool dir = strcmp(table, "directory") == 0;
    return fd__store_ref_at_site(s, fn, dir ? SQL_DIR_AT_SITE : SQL_CALL_AT_SITE, id, site_id, qname,
                                 dir ? "directory entry" : "call");
}

fd_status fd__calls_task_add(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor, int64_t call_id,
                             const char *kind, const char *number, int64_t due_at, int provisional)
{
    fd_call_task t = FD_CALL_TASK_INIT;
    t.call_id = call_id;
    t.kind = kind;
    t.number = number;
    t.due_at = due_at;
    t.provisional = provisional;
    return fd__record_insert(out_id, s, fn, &fd__record_call_task, &t, actor);
}

/* --- calls ---------------------------------------------------------------------- */

fd_status fd_store_call_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_call *call)
{
    static const char fn[] = "fd_store_call_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_call, fn, call);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && call->ring_at > actor->at)
        rc = fd__error(FD_EINVAL, "%s: call.ring_at: rang %lld s after the actor's instant (a call is logged once it "
                       "has rung)", fn, (long long)(call->ring_at - actor->at));
    if (rc)
        return rc;
    const fd_policy *policy = NULL; /* borrowed from the handle's cache: a bulk load reads it once */
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    /* R-CALL-1, R-CALL-3, R-CALL-4, R-CALL-7: derived fields and the checks, with the site's policy. */
    fd_call c = *call;
    char number[FD__PHONE_MAX];
    /* Digits typed full-width (an IME's ８４１０) are digits: NFKC first, so that an extension is one. */
    fd_buf typed = FD_BUF_INIT;
    bool ascii = true;
    for (const char *p = c.caller_number; p && *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    if (!ascii && (rc = fd_text_normalize(&typed, c.caller_number)) != FD_OK) {
        fd_buf_dispose(&typed);
        return fd__error_rename(rc, fn, "call.caller_number");
    }
    if (!ascii)
        c.caller_number = typed.ptr;
    if ((rc = fd_call_assess(&c, policy)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc == FD_OK && (rc = fd__calls_phone(number, fn, "call.caller_number", c.caller_number, true)) == FD_OK)
        c.caller_number = number;
    fd_buf_dispose(&typed);
    if (rc == FD_OK)
        rc = fd__calls_ref_at_site(store, fn, "call.callee_entry", "directory", c.callee_entry, actor->site_id);
    /* R-CALL-8: a dropped incoming call is called back at once (due at its end). */
    int callback = 0;
    if (rc == FD_OK)
        rc = fd_call_needs_callback(&callback, &c);
    int64_t end = c.end_at ? c.end_at : c.answer_at ? c.answer_at : c.ring_at;
    /* R-CALL-9: a question left open is answered within working days on the site's calendar. */
    int64_t reply_due = 0;
    int provisional = 0;
    if (rc == FD_OK && c.unresolved) {
        const fd_calendar *cal = NULL;
        rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy);
        if (rc == FD_OK && (rc = fd_call_reply_due(&reply_due, &provisional, cal, end, policy)) != FD_OK)
            rc = fd__error_context(rc, "%s: call.unresolved: the reply's deadline", fn);
    }
    if (rc)
        return rc;
    /* A call that creates no task is one INSERT (calls carry no search keys):
     * no savepoint around it (fd__store_write_one_begin). */
    bool one = !callback && !c.unresolved && !fd__record_call.has_search, sp = false;
    rc = one ? fd__store_write_one_begin(store, fn, &sp) : fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int64_t id = 0, cb_task = 0, reply_task = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_call, &c, actor);
    if (rc == FD_OK && callback)
        rc = fd__calls_task_add(&cb_task, store, fn, actor, id, "callback", c.caller_number, end, 0);
    if (rc == FD_OK && c.unresolved)
        rc = fd__calls_task_add(&reply_task, store, fn, actor, id, "reply", c.caller_number, reply_due, provisional);
    /* Not journaled: a call is its own log entry (who, when, at which site), kept
     * whole by the no-delete trigger (R-COM-3); the journal records changes. */
    rc = one ? fd__store_write_one_end(store, fn, sp, rc) : fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_call_task_done(fd_store *store, const fd_actor *actor, int64_t task_id, const char *outcome)
{
    static const char fn[] = "fd_store_call_task_done";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "outcome", outcome, 500, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_TASK_STATE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, task_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src = sqlite3_step(st);
    bool open = src == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "open") == 0;
    int64_t done_at = src == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    int64_t created_at = src == SQLITE_ROW ? sqlite3_column_int64(st, 2) : 0;
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: task_id: no task %lld at the actor's site", fn, (long long)task_id);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(store, fn, src, "reading the task");
    if (!open) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, done_at, 0);
        return fd__error(FD_ESTATE, "%s: task_id: task %lld was done already, at %s", fn, (long long)task_id, when);
    }
    if ((rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, created_at, "the task was created")))
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int changed = 0;
    if ((st = fd__store_stmt(store, fn, SQL_TASK_DONE)) == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, task_id);
        sqlite3_bind_int64(st, 2, actor->at);
        if (actor->staff_id)
            sqlite3_bind_int64(st, 3, actor->staff_id);
        sqlite3_bind_text(st, 4, outcome, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "updating the task", &changed);
    }
    /* Another writer may have finished it between the read and this write. */
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: task_id: task %lld was done already", fn, (long long)task_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "call_task", task_id, "done", NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- messages (R-CALL-6) ---------------------------------------------------------- */

/* Stores one state change of a message: the event row, inside the caller's write. */
static fd_status message_event(fd_store *s, const char *fn, const fd_actor *actor, int64_t message_id,
                               const char *state, const char *how, const char *note)
{
    fd_message_event e = FD_MESSAGE_EVENT_INIT;
    e.message_id = message_id;
    e.state = state;
    e.how = how;
    e.note = note;
    return fd__record_insert(NULL, s, fn, &fd__record_message_event, &e, actor);
}

fd_status fd_store_message_take(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_message *message)
{
    static const char fn[] = "fd_store_message_take";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_message, fn, message);
    if (rc == FD_OK && message->confirmed != 1)
        rc = fd__error(FD_EINVAL, "%s: message.confirmed: a message is read back and confirmed by the caller "
                       "before it is taken (R-CALL-6)", fn);
    fd_message m;
    char number[FD__PHONE_MAX];
    if (rc == FD_OK) {
        m = *message;
        if ((rc = fd__calls_phone(number, fn, "message.from_number", m.from_number, false)) == FD_OK)
            m.from_number = number;
    }
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__calls_ref_at_site(store, fn, "message.call_id", "calls", m.call_id, actor->site_id);
    if (rc == FD_OK)
        rc = fd__calls_ref_at_site(store, fn, "message.for_entry", "directory", m.for_entry, actor->site_id);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_message, &m, actor);
    if (rc == FD_OK)
        rc = message_event(store, fn, actor, id, "taken", NULL, NULL);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "message", id, "take", m.for_name);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* Delivered or expired: from `taken` only (R-CALL-6), with an event row and a journal entry. */
static fd_status message_close(fd_store *store, const char *fn, const fd_actor *actor, int64_t message_id,
                               const char *state, const char *how, const char *note)
{
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_MESSAGE_STATE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, message_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src = sqlite3_step(st);
    char now[FD_CODE_MAX + 1] = "";
    int64_t taken_at = 0;
    if (src == SQLITE_ROW) {
        fd__copy_fixed(now, sizeof now, (const char *)sqlite3_column_text(st, 0));
        taken_at = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: message_id: no message %lld at the actor's site", fn,
                         (long long)message_id);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(store, fn, src, "reading the message");
    if (strcmp(now, "taken") != 0)
        return fd__error(FD_ESTATE, "%s: message_id: message %lld is %s already, not taken (R-CALL-6)", fn,
                         (long long)message_id, now);
    fd_status rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, taken_at,
                                  "the message was taken (R-CALL-6)");
    bool sp;
    if (rc == FD_OK)
        rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int changed = 0;
    if ((st = fd__store_stmt(store, fn, SQL_MESSAGE_SET_STATE)) == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, message_id);
        sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, actor->at);
        if (actor->staff_id)
            sqlite3_bind_int64(st, 4, actor->staff_id);
        sqlite3_bind_text(st, 5, how ? how : "", -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "updating the message", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: message_id: message %lld is no longer taken (R-CALL-6)", fn,
                       (long long)message_id);
    if (rc == FD_OK)
        rc = message_event(store, fn, actor, message_id, state, how, note);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "message", message_id,
                         strcmp(state, "delivered") == 0 ? "deliver" : "expire", how);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_message_deliver(fd_store *store, const fd_actor *actor, int64_t message_id, const char *how,
                                   const char *note)
{
    static const char fn[] = "fd_store_message_deliver";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && (how == NULL || fd_call_code_label("delivered_how", how) == NULL))
        rc = fd__error(FD_EINVAL, "%s: how: '%.32s' is not a way of delivering (in_person 当面, phone 电话, sms 短信, "
                       "wechat 微信, email 邮件, note 便条)", fn, how ? how : "(null)");
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, false);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    return rc ? rc : message_close(store, fn, actor, message_id, "delivered", how, note);
}

fd_status fd_store_message_expire(fd_store *store, const fd_actor *actor, int64_t message_id, const char *note)
{
    static const char fn[] = "fd_store_message_expire";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    return rc ? rc : message_close(store, fn, actor, message_id, "expired", NULL, note);
}

/* --- the period's counts (R-COM-4, the daily report) ------------------------------- */

/*
 * One aggregate over the period's calls, read through calls_site_ring: every
 * count, grouped by the wait from the first ring to the answer (NULL for a
 * call not answered; measured on the answering leg, as the rings are, for an
 * imported call) so that the answer-time percentiles come out of the same scan. A day has few distinct waits; the groups are summed here.
 */
static const char SQL_STATS_CALLS[] =
    "SELECT CASE WHEN answer_at > 0 THEN answer_at - (CASE WHEN ring_leg_at > 0 THEN ring_leg_at ELSE ring_at END) "
    "END AS wait, count(*), "
    "sum(direction = 'in'), sum(direction = 'out'), sum(direction = 'internal'), "
    "sum(disposition = 'answered'), sum(disposition = 'no_answer'), sum(disposition = 'busy'), "
    "sum(disposition = 'failed'), sum(disposition = 'congestion'), sum(disposition = 'cancelled'), "
    "sum(disposition = 'dropped'), "
    "sum(category = 'inquiry'), sum(category = 'suggestion'), sum(category = 'complaint'), "
    "sum(category = 'praise'), sum(category = 'repair'), sum(category = 'fault'), sum(category = 'business'), "
    "sum(category = 'private'), sum(category = 'wrong_number'), sum(coalesce(category, '') = ''), "
    "sum(answer_at > 0 AND late = 0), sum(answer_at > 0 AND late = 1), "
    "sum(late = 1 AND apology = 'given'), sum(late = 1 AND apology = 'omitted'), "
    "sum(late = 1 AND coalesce(apology, '') = ''), "
    "sum(answer_at > 0 AND rings <= 1), sum(answer_at > 0 AND rings = 2), sum(answer_at > 0 AND rings = 3), "
    "sum(answer_at > 0 AND rings BETWEEN 4 AND 6), sum(answer_at > 0 AND rings >= 7), "
    "sum(over_limit), "
    "sum(answer_at > 0 AND direction = 'in' AND coalesce(source, '') = '' AND read_back = 0 "
    "AND category NOT IN ('', 'private', 'wrong_number')) "
    "FROM calls WHERE site_id = ?1 AND ring_at >= ?2 AND ring_at < ?3 GROUP BY wait ORDER BY wait";

/* Tasks open at ?2: still open and created before, or done since (call_tasks_site_state_due, call_tasks_site_done). */
static const char SQL_STATS_TASKS[] =
    "SELECT kind, count(*), sum(due_at < ?2) FROM ("
    "SELECT kind, due_at FROM call_tasks WHERE site_id = ?1 AND state = 'open' AND created_at < ?2 "
    "UNION ALL "
    "SELECT kind, due_at FROM call_tasks WHERE site_id = ?1 AND state = 'done' AND done_at >= ?2 AND created_at < ?2"
    ") GROUP BY kind";

/* Messages taken and not delivered or expired at ?2 (messages_site_state_taken, messages_site_closed). */
static const char SQL_STATS_MESSAGES[] =
    "SELECT count(*), sum(taken_at < ?3) FROM ("
    "SELECT taken_at FROM messages WHERE site_id = ?1 AND state = 'taken' AND taken_at < ?2 "
    "UNION ALL "
    "SELECT taken_at FROM messages WHERE site_id = ?1 AND state <> 'taken' AND state_at >= ?2 AND taken_at < ?2)";

/* One wait (seconds from ring to answer) and how many answered calls had it. */
typedef struct wait_count {
    int64_t wait, n;
} wait_count;

/* The smallest wait with at least @rank calls at or below it (nearest rank). */
static int64_t wait_at_rank(const wait_count *w, size_t nw, int64_t rank)
{
    int64_t seen = 0;
    for (size_t i = 0; i < nw; i++) {
        seen += w[i].n;
        if (seen >= rank)
            return w[i].wait;
    }
    return nw ? w[nw - 1].wait : 0;
}

fd_status fd_store_call_stats(fd_call_stats *out, fd_store *store, const fd_actor *actor, int64_t from, int64_t to)
{
    static const char fn[] = "fd_store_call_stats";
    fd_status rc = fd__period_check(store, fn, out, actor, from, to);
    if (rc)
        return rc;
    fd_call_stats s;
    memset(&s, 0, sizeof s);
    s.version = FD_CALL_STATS_VERSION;
    int64_t *const counts[] = { &s.total, &s.incoming, &s.outgoing, &s.internal, &s.answered, &s.no_answer,
                                &s.busy, &s.failed, &s.congestion, &s.cancelled, &s.dropped, &s.inquiry,
                                &s.suggestion, &s.complaint, &s.praise, &s.repair, &s.fault, &s.business,
                                &s.personal, &s.wrong_number, &s.uncategorised, &s.within_rings, &s.late,
                                &s.late_apology, &s.late_no_apology, &s.late_unknown, &s.rings_1, &s.rings_2,
                                &s.rings_3, &s.rings_4_6, &s.rings_7_plus, &s.over_limit, &s.not_read_back };
    const size_t ncounts = sizeof counts / sizeof counts[0];
    wait_count *waits = NULL;
    size_t nw = 0, cw = 0;
    int64_t answered_total = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_STATS_CALLS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_int64(st, 2, from);
    sqlite3_bind_int64(st, 3, to);
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        for (size_t i = 0; i < ncounts; i++)
            *counts[i] += sqlite3_column_int64(st, (int)i + 1);
        if (sqlite3_column_type(st, 0) == SQLITE_NULL)
            continue;
        if (nw == cw) {
            size_t cap = cw ? cw * 2 : 64;
            wait_count *p = realloc(waits, cap * sizeof *p);
            if (p == NULL) {
                rc = fd__oom(fn);
                break;
            }
            waits = p;
            cw = cap;
        }
        waits[nw].wait = sqlite3_column_int64(st, 0);
        waits[nw].n = sqlite3_column_int64(st, 1);
        answered_total += waits[nw++].n;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(store, fn, src, "counting calls");
    /* The groups come in wait order (GROUP BY sorts); NULL first, skipped above. */
    if (rc == FD_OK && answered_total > 0) {
        s.answer_p50_s = wait_at_rank(waits, nw, (answered_total + 1) / 2);
        s.answer_p90_s = wait_at_rank(waits, nw, (answered_total * 9 + 9) / 10);
        s.answer_max_s = waits[nw - 1].wait;
    }
    s.picked_up = answered_total;
    free(waits);
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_STATS_TASKS)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_int64(st, 2, to);
        while ((src = sqlite3_step(st)) == SQLITE_ROW) {
            const char *kind = (const char *)sqlite3_column_text(st, 0);
            int64_t n = sqlite3_column_int64(st, 1);
            if (kind && strcmp(kind, "callback") == 0)
                s.open_callbacks += n;
            else if (kind && strcmp(kind, "reply") == 0)
                s.open_replies += n;
            s.overdue_tasks += sqlite3_column_int64(st, 2);
        }
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "counting open tasks");
    }
    fd_policy *policy = NULL;
    if (rc == FD_OK)
        rc = fd_store_policy_load(&policy, store, actor->site_id);
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_STATS_MESSAGES)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        /* R-CALL-6: overdue once older than the limit at the period's end (fd_message_overdue()). */
        int64_t limit = fd__policy_value(policy, FD__POL_MSG_DELIVER_MINUTES) * 60;
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_int64(st, 2, to);
        sqlite3_bind_int64(st, 3, to - limit);
        src = sqlite3_step(st);
        if (src == SQLITE_ROW) {
            s.messages_open = sqlite3_column_int64(st, 0);
            s.messages_overdue = sqlite3_column_int64(st, 1);
        }
        sqlite3_reset(st);
        if (src != SQLITE_ROW)
            rc = fd__store_sqlerr(store, fn, src, "counting open messages");
    }
    fd_policy_free(policy);
    if (rc == FD_OK)
        *out = s;
    return rc;
}
