/*
 * The breach queue and the work over it (issue 13, items 3-5, 7): what is due
 * within N hours, breached, or to escalate, read through the partial index of
 * the targets whose clock runs (complaint_targets_site_queue: harm first,
 * then by due), never by scanning complaints; the escalation run; the
 * recomputation after newer holiday data; the end-of-day list (R-COM-4); the
 * site's forbidden reply phrases (R-CPL-7).
 *
 * The targets' clocks themselves are the complaints module's pure rules
 * (fd_complaint_target_eval), written by complaints_store.c's
 * fd__complaint_targets: this file decides which complaints to run them on.
 */
#include "store/complaints_queue.h"
#include "store/complaints_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The terms of complaint_targets_site_queue's WHERE: a statement that repeats them may read it. */
#define QUEUE_OPEN "met_at = 0 AND superseded_at = 0 AND paused = 0 AND due_at > 0"
#define QUEUE_ORDER " ORDER BY harm DESC, due_at, id"
/* Harm is a flag: naming both values lets SQLite walk the index once per value, in its order. */
#define QUEUE_FIRST "harm IN (1, 0) AND due_at <= ?3 AND " QUEUE_OPEN
/* After a row still causing harm: the rest of those after it (few), then every other one. */
#define QUEUE_AFTER_HARM "harm IN (1, 0) AND due_at <= ?3 AND (harm = 0 OR due_at > ?4 OR (due_at = ?4 AND id > ?5)) " \
                         "AND " QUEUE_OPEN
/* After a row without harm: a range of the index from that row on (?4 named first: SQLite seeks there). */
#define QUEUE_AFTER_CALM "harm = 0 AND due_at >= ?4 AND (due_at > ?4 OR id > ?5) AND due_at <= ?3 AND " QUEUE_OPEN
#define NOT_ESCALATED " AND escalated_at = 0"

static const char *const QUEUE_CONDS[2][3] = {
    { QUEUE_FIRST QUEUE_ORDER, QUEUE_AFTER_CALM QUEUE_ORDER, QUEUE_AFTER_HARM QUEUE_ORDER },
    { QUEUE_FIRST NOT_ESCALATED QUEUE_ORDER, QUEUE_AFTER_CALM NOT_ESCALATED QUEUE_ORDER,
      QUEUE_AFTER_HARM NOT_ESCALATED QUEUE_ORDER },
};

const char *fd__complaint_queue_cond(int kind, int after_harm)
{
    if (kind < FD_COMPLAINT_DUE || kind > FD_COMPLAINT_ESCALATE || after_harm < -1 || after_harm > 1)
        return NULL;
    return QUEUE_CONDS[kind == FD_COMPLAINT_ESCALATE][after_harm + 1];
}

const char fd__complaint_breach_mark_sql[] =
    "UPDATE complaint_targets SET breached_at = ?2 WHERE site_id = ?1 AND harm IN (1, 0) AND due_at < ?2 AND "
    QUEUE_OPEN " AND breached_at = 0";

const char fd__complaint_to_escalate_sql[] =
    "SELECT id, complaint_id, target FROM complaint_targets WHERE site_id = ?1 AND harm IN (1, 0) AND due_at < ?2 "
    "AND " QUEUE_OPEN NOT_ESCALATED QUEUE_ORDER;

/* The terms of complaints_site_unanswered, the day's range, then the page in id order (+id: not by
 * complaints_site_id, which would read every complaint of the site). An answer is an event of its own. */
const char fd__complaint_unanswered_cond[] =
    "closed_at = 0 AND contacted_at = 0 AND replied_at = 0 AND received_at >= ?3 AND received_at < ?4 "
    "AND +id > CAST(?5 AS INTEGER) AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = complaints.id "
    "AND e.kind = 'answer') ORDER BY +id";

static const char SQL_TARGET_POSITION[] =
    "SELECT harm, due_at FROM complaint_targets WHERE id = ?1 AND site_id = ?2";
static const char SQL_TARGET_STILL_TO_ESCALATE[] =
    "SELECT 1 FROM complaint_targets WHERE id = ?1 AND escalated_at = 0 AND met_at = 0 AND superseded_at = 0";
const char fd__complaint_open_targets_sql[] =
    "SELECT id, complaint_id, target FROM complaint_targets WHERE site_id = ?1 AND met_at = 0 AND superseded_at = 0 "
    "ORDER BY id";
static const char SQL_PHRASES_IN_USE[] =
    "SELECT phrase FROM reply_phrases WHERE site_id = ?1 AND retired_at = 0 ORDER BY id";
static const char SQL_PHRASE_STATE[] =
    "SELECT retired_at, created_at FROM reply_phrases WHERE id = ?1 AND site_id = ?2";
static const char SQL_PHRASE_RETIRE[] = "UPDATE reply_phrases SET retired_at = ?2 WHERE id = ?1 AND retired_at = 0";

/* Longest horizon of "due within": a year. */
#define HORIZON_MAX (366 * 86400LL)

/* The checks of a one-page listing: @out (emptied first), the store, the page after id @after (not negative) of
 * at most @limit rows (1..64, as every one-page query of the store). */
static fd_status page_args(const char *fn, void **out, fd_store *store, int64_t after, int64_t limit)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = fd__check_ptr(fn, "store", store)) != FD_OK)
        return rc;
    if (limit < 1 || limit > 64)
        return fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..64", fn, (long long)limit);
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    return FD_OK;
}

/* --- the queue (R-CPL-2, R-CPL-5) ------------------------------------------------------------ */

fd_status fd_store_complaint_queue(fd_complaint_target_iter **out, fd_store *store, const fd_actor *actor, int kind,
                                   int64_t horizon_s, int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_complaint_queue";
    fd_status rc = page_args(fn, (void **)out, store, after, limit);
    if (rc)
        return rc;
    if (kind < FD_COMPLAINT_DUE || kind > FD_COMPLAINT_ESCALATE)
        return fd__error(FD_EINVAL, "%s: kind: %d is not FD_COMPLAINT_DUE (1), _BREACHED (2) or _ESCALATE (3)", fn,
                         kind);
    if (horizon_s < 0 || horizon_s > HORIZON_MAX)
        return fd__error(FD_ERANGE, "%s: horizon_s: %lld, must be 0..%lld (a year)", fn, (long long)horizon_s,
                         HORIZON_MAX);
    if ((rc = fd__actor_check(store, fn, actor, NULL)) != FD_OK)
        return rc;
    int64_t now = actor->at;
    /* Due within the horizon (breached ones too), or past due: the last due instant wanted. */
    int64_t last = kind == FD_COMPLAINT_DUE ? now + horizon_s : now - 1;
    int harm = -1;
    int64_t due = 0;
    if (after > 0) {
        sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_TARGET_POSITION);
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, after);
        sqlite3_bind_int64(st, 2, actor->site_id);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW) {
            harm = sqlite3_column_int(st, 0) ? 1 : 0;
            due = sqlite3_column_int64(st, 1);
        }
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            return fd__error(FD_ERANGE, "%s: after: no target %lld at the actor's site to continue after", fn,
                             (long long)after);
        if (src != SQLITE_ROW)
            return fd__store_sqlerr(store, fn, src, "reading the page's last target");
    }
    char a[3][24];
    snprintf(a[0], sizeof a[0], "%lld", (long long)last);
    snprintf(a[1], sizeof a[1], "%lld", (long long)due);
    snprintf(a[2], sizeof a[2], "%lld", (long long)after);
    const char *args[] = { a[0], a[1], a[2] };
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_complaint_target, actor,
                                fd__complaint_queue_cond(kind, harm), args, harm < 0 ? 1 : 3, limit);
}

/* --- the escalation run (R-CPL-2) ----------------------------------------------------------- */

/* A target as the run and the recomputation find it. */
typedef struct target_ref {
    int64_t target_id, complaint_id;
    char target[17];
} target_ref;

/* The targets @sql lists (id, complaint_id, target) for site ?1 (and instant ?2, when it takes one), in its order. */
static fd_status target_refs(target_ref **rows, size_t *n, fd_store *s, const char *fn, const char *sql, int64_t site,
                             int64_t now)
{
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_int64(st, 2, now);
    size_t cap = 0;
    fd_status rc = FD_OK;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            target_ref *r = realloc(*rows, cap * sizeof *r);
            if (r == NULL) {
                rc = fd__oom(fn);
                break;
            }
            *rows = r;
        }
        target_ref *r = &(*rows)[(*n)++];
        r->target_id = sqlite3_column_int64(st, 0);
        r->complaint_id = sqlite3_column_int64(st, 1);
        const char *t = (const char *)sqlite3_column_text(st, 2);
        if (t == NULL) {
            rc = sqlite3_errcode(s->db) == SQLITE_NOMEM ? fd__oom(fn)
                                                        : fd__error(FD_EDATA, "%s: target %lld has no target code",
                                                                    fn, (long long)r->target_id);
            break;
        }
        fd__copy_fixed(r->target, sizeof r->target, t);
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the open targets");
    if (rc) {
        free(*rows);
        *rows = NULL;
        *n = 0;
    }
    return rc;
}

/* Escalates target @r by an `escalate` step, unless an earlier step of this run settled it or the
 * complaint's state takes no escalation (*done false). */
static fd_status escalate_one(bool *done, fd_store *s, const char *fn, const fd_actor *actor, const target_ref *r)
{
    *done = false;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_TARGET_STILL_TO_ESCALATE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, r->target_id);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return FD_OK;
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(s, fn, src, "reading a target to escalate");
    fd__complaint_now now;
    fd_status rc = fd__complaint_now_load(&now, s, fn, "complaint_id", r->complaint_id, actor->site_id);
    if (rc)
        return rc;
    char note[128];
    const char *label = fd_complaint_code_label("target", r->target);
    snprintf(note, sizeof note, "超时自动升级：%s时限已过", label ? label : r->target);
    fd_complaint_step step = FD_COMPLAINT_STEP_INIT;
    step.kind = "escalate";
    step.target = r->target;
    step.note = note;
    const char *to = NULL;
    /*
     * A state that takes no escalation keeps its breach recorded. Once followed
     * up (回访), the customer has been heard: a person takes it higher by hand
     * (an unsatisfied customer, R-CPL-3) or closes or reopens it — the run does not.
     */
    if (strcmp(now.c.state, "followed_up") == 0 || fd_complaint_step_check(&to, &now.c, &step) == FD_ESTATE)
        return FD_OK;
    if ((rc = fd_store_complaint_step(NULL, s, actor, r->complaint_id, &step)) != FD_OK)
        return fd__error_context(rc, "%s: escalating target %lld of complaint %lld", fn, (long long)r->target_id,
                                 (long long)r->complaint_id);
    *done = true;
    return FD_OK;
}

fd_status fd_store_complaint_escalate_run(fd_complaint_escalation *out, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_complaint_escalate_run";
    fd_status rc = fd__complaint_prologue(fn, "out", out, store, NULL, NULL, actor);
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy);
    int may = 0;
    int64_t next = 0;
    if (rc == FD_OK && (rc = fd_complaint_may_escalate(&may, &next, cal, policy, actor->at)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc)
        return rc;
    fd_complaint_escalation r = { FD_COMPLAINT_ESCALATION_VERSION, 0, 0, 0, 0 };
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, fd__complaint_breach_mark_sql);
    int changes = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_int64(st, 2, actor->at);
        rc = fd__stmt_done(store, fn, st, "recording the breaches", &changes);
    }
    r.breached = changes;
    target_ref *due = NULL;
    size_t n = 0;
    if (rc == FD_OK)
        rc = target_refs(&due, &n, store, fn, fd__complaint_to_escalate_sql, actor->site_id, actor->at);
    if (rc == FD_OK && !may) {
        /* Outside business hours: nobody is paged at night; the opening takes them. */
        r.deferred = (int64_t)n;
        r.next_at = n ? next : 0;
    }
    for (size_t i = 0; i < n && may && rc == FD_OK; i++) {
        bool done = false;
        rc = escalate_one(&done, store, fn, actor, &due[i]);
        r.escalated += done;
    }
    free(due);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out = r;
    return rc;
}

/* --- recomputing after newer holiday data (R-CPL-2) ----------------------------------------- */

static int id_cmp(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* The complaints of the actor's site with an open target in force, each once, in id order. */
static fd_status open_complaints(int64_t **ids, size_t *n, fd_store *s, const char *fn, int64_t site)
{
    target_ref *rows = NULL;
    *ids = NULL;
    fd_status rc = target_refs(&rows, n, s, fn, fd__complaint_open_targets_sql, site, 0);
    if (rc == FD_OK && *n && (*ids = malloc(*n * sizeof **ids)) == NULL)
        rc = fd__oom(fn);
    for (size_t i = 0; rc == FD_OK && i < *n; i++)
        (*ids)[i] = rows[i].complaint_id;
    free(rows);
    if (rc) {
        *n = 0;
        return rc;
    }
    fd__qsort(*ids, *n, sizeof **ids, id_cmp);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (k == 0 || (*ids)[k - 1] != (*ids)[i])
            (*ids)[k++] = (*ids)[i];
    *n = k;
    return FD_OK;
}

fd_status fd__complaint_recompute(int64_t *changed, fd_store *s, const char *fn, const fd_actor *actor)
{
    *changed = 0;
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_status rc = fd__store_policy(&policy, s, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, s, fn, actor->site_id, policy);
    int64_t *ids = NULL;
    size_t n = 0;
    if (rc == FD_OK)
        rc = open_complaints(&ids, &n, s, fn, actor->site_id);
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        fd__complaint_now now;
        fd__complaint_events ev = { NULL, 0, NULL };
        int64_t k = 0;
        rc = fd__complaint_now_load(&now, s, fn, "complaint_id", ids[i], actor->site_id);
        if (rc == FD_OK)
            rc = fd__complaint_events_load(&ev, s, fn, ids[i]);
        /* Replayed on the calendar as it is now; a breach recorded stays (complaint_targets_breach_kept). */
        if (rc == FD_OK)
            rc = fd__complaint_targets(s, fn, actor, &now.c, &ev, cal, policy, false, &k);
        fd__complaint_events_free(&ev);
        *changed += k;
    }
    free(ids);
    return rc;
}

fd_status fd_store_complaint_recompute(int64_t *out_changed, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_complaint_recompute";
    fd_status rc = fd__complaint_prologue(fn, "out_changed", out_changed, store, NULL, NULL, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t changed = 0;
    rc = fd__complaint_recompute(&changed, store, fn, actor);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_changed = changed;
    return rc;
}

/* --- the end of the day (R-COM-4) ------------------------------------------------------------ */

fd_status fd_store_complaint_unanswered(fd_complaint_iter **out, fd_store *store, const fd_actor *actor, fd_date day,
                                        int64_t after, int64_t limit)
{
    static const char fn[] = "fd_store_complaint_unanswered";
    fd_status rc = page_args(fn, (void **)out, store, after, limit);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "day", day);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    char zone[FD__ZONE_MAX + 1];
    if ((rc = fd__store_site_zone(zone, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd__zone *z = fd__zone_open(fn, "site.time_zone", zone);
    if (z == NULL)
        return fd_error_last()->code;
    int64_t from = 0, to = 0;
    rc = fd__zone_day_bounds(z, fn, day, &from, &to);
    fd__zone_close(z);
    if (rc)
        return rc;
    char a[3][24];
    snprintf(a[0], sizeof a[0], "%lld", (long long)from);
    snprintf(a[1], sizeof a[1], "%lld", (long long)to);
    snprintf(a[2], sizeof a[2], "%lld", (long long)after);
    const char *args[] = { a[0], a[1], a[2] };
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_complaint, actor,
                                fd__complaint_unanswered_cond, args, 3, limit);
}

/* --- the site's forbidden phrases (R-CPL-7) ------------------------------------------------- */

/* The phrases checked at the site: the built-in ones, then the site's in use, one per line. */
static fd_status site_phrases(fd_buf *list, size_t *site_count, fd_store *s, const char *fn, int64_t site)
{
    fd__buf_clear(list);
    *site_count = 0;
    fd_status rc = fd__buf_puts(list, fd__reply_builtin());
    sqlite3_stmt *st = rc ? NULL : fd__store_stmt(s, fn, SQL_PHRASES_IN_USE);
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, site);
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *p = (const char *)sqlite3_column_text(st, 0);
        if (p == NULL && sqlite3_errcode(s->db) == SQLITE_NOMEM)
            rc = fd__oom(fn);
        else if ((rc = fd__buf_put(list, "\n", 1)) == FD_OK)
            rc = fd__buf_puts(list, p ? p : "");
        ++*site_count;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the site's reply phrases");
    return rc;
}

/* ECONFLICT when @fold (of @phrase) is one of @list's phrases once folded. */
static fd_status phrase_new(const char *fn, const char *phrase, const fd_buf *fold, const char *list)
{
    fd_buf f = FD_BUF_INIT;
    fd_status rc = FD_OK;
    size_t builtin = 1;
    for (const char *b = fd__reply_builtin(); *b; b++)
        builtin += *b == '\n';
    size_t line = 0;
    for (const char *p = list; rc == FD_OK && *p; line++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        fd__buf_clear(&f);
        rc = fd__text_fold_spans(&f, NULL, p, len);
        if (rc == FD_OK && f.size == fold->size && memcmp(f.ptr, fold->ptr, f.size) == 0)
            rc = fd__error(FD_ECONFLICT, "%s: phrase: '%s' is %s ('%.*s')", fn, phrase,
                           line < builtin ? "built in" : "the site's already", (int)len, p);
        p = nl ? nl + 1 : p + len;
    }
    fd_buf_dispose(&f);
    return rc;
}

fd_status fd_store_reply_phrase_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const char *phrase)
{
    static const char fn[] = "fd_store_reply_phrase_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    fd_reply_phrase rec = FD_REPLY_PHRASE_INIT;
    rec.phrase = phrase;
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_reply_phrase, fn, &rec);
    fd_buf fold = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd__text_fold_spans(&fold, NULL, phrase, strlen(phrase));
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc) {
        fd_buf_dispose(&fold);
        return rc;
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK) {
        fd_buf_dispose(&fold);
        return rc;
    }
    fd_buf list = FD_BUF_INIT;
    size_t in_use = 0;
    rc = site_phrases(&list, &in_use, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = phrase_new(fn, phrase, &fold, list.ptr);
    size_t room = FD__REPLY_PHRASES_MAX - 1;
    for (const char *b = fd__reply_builtin(); *b; b++)
        room -= *b == '\n';
    if (rc == FD_OK && in_use >= room)
        rc = fd__error(FD_ERANGE, "%s: phrase: the site has %zu phrases in use, at most %zu beside the built-in "
                       "ones (retire one first)", fn, in_use, room);
    int64_t id = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&id, store, fn, &fd__record_reply_phrase, &rec, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "reply_phrase", id, "add", phrase);
    rc = fd__store_write_end(store, fn, sp, rc);
    fd_buf_dispose(&list);
    fd_buf_dispose(&fold);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_reply_phrase_retire(fd_store *store, const fd_actor *actor, int64_t phrase_id)
{
    static const fd__mark retire = { SQL_PHRASE_STATE, SQL_PHRASE_RETIRE, "phrase_id", "reply phrase", "retired",
                                     "the phrase was added", "reply_phrase", "retire" };
    return fd__complaint_mark("fd_store_reply_phrase_retire", store, actor, &retire, phrase_id);
}

fd_status fd_store_reply_check(fd_reply_hits **out, fd_store *store, const fd_actor *actor, const char *text)
{
    static const char fn[] = "fd_store_reply_check";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = fd__check_ptr(fn, "store", store)) == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    fd_buf list = FD_BUF_INIT;
    size_t in_use = 0;
    rc = site_phrases(&list, &in_use, store, fn, actor->site_id);
    if (rc == FD_OK && (rc = fd_reply_check(out, text, list.ptr)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    fd_buf_dispose(&list);
    return rc;
}
