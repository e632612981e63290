/*
 * The plans module's monthly summary as pure accumulators (frontdesk/plans.h,
 * issue 15 item 6; R-PLN-5): recurring problems (the same unit or category
 * three times within 90 days) and a month's visits, callbacks and follow-ups
 * with their coverage and satisfaction. No SQLite, no store: the store feeds
 * the stored rows, a suite with its own database feeds its own.
 */
#include "internal.h"
#include "plans_internal.h"
#include "frontdesk/plans.h"

#include <stdlib.h>
#include <string.h>

/* R-PLN-5: three times within 90 days. */
#define RECUR_WINDOW (90 * 86400LL)
#define RECUR_TIMES 3

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

/* --- recurring problems ------------------------------------------------------ */

typedef struct recur_item {
    int64_t unit_id; /* > 0: by unit */
    char category[FD_CODE_MAX + 1];
    int64_t at;
} recur_item;

struct fd_recurring {
    recur_item *items;
    size_t len, cap;
    fd_recurring_row *rows;
    size_t nrows;
    bool fresh; /* rows computed after the last add */
};

fd_status fd_recurring_new(fd_recurring **out)
{
    static const char fn[] = "fd_recurring_new";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = calloc(1, sizeof **out);
    return *out ? FD_OK : fd__oom(fn);
}

static fd_status recur_push(fd_recurring *rec, const char *fn, int64_t unit_id, const char *category, int64_t at)
{
    if (rec->len == rec->cap) {
        size_t cap = rec->cap ? rec->cap * 2 : 64;
        recur_item *p = realloc(rec->items, cap * sizeof *p);
        if (p == NULL)
            return fd__oom(fn);
        rec->items = p;
        rec->cap = cap;
    }
    recur_item *it = &rec->items[rec->len++];
    it->unit_id = unit_id;
    fd__copy_fixed(it->category, sizeof it->category, category ? category : "");
    it->at = at;
    return FD_OK;
}

fd_status fd_recurring_add(fd_recurring *rec, int64_t unit_id, const char *category, int64_t at)
{
    static const char fn[] = "fd_recurring_add";
    fd_status rc = fd__check_ptr(fn, "rec", rec);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "at", at);
    if (rc)
        return rc;
    if (unit_id < 0)
        return fd__error(FD_EINVAL, "%s: unit_id: %lld must not be negative (0 = no unit)", fn, (long long)unit_id);
    bool has_cat = category != NULL && category[0] != '\0';
    if (has_cat && (rc = fd__check_code(fn, "category", category, true)) != FD_OK)
        return rc;
    if (unit_id == 0 && !has_cat)
        return fd__error(FD_EINVAL, "%s: unit_id: neither a unit nor a category: nothing to count (R-PLN-5)", fn);
    size_t len = rec->len;
    if (unit_id > 0)
        rc = recur_push(rec, fn, unit_id, "", at);
    if (rc == FD_OK && has_cat)
        rc = recur_push(rec, fn, 0, category, at);
    if (rc)
        rec->len = len;
    else
        rec->fresh = false;
    return rc;
}

/* Units first by id, then categories by code; each by instant. */
static int recur_cmp(const void *pa, const void *pb)
{
    const recur_item *a = pa, *b = pb;
    if ((a->unit_id > 0) != (b->unit_id > 0))
        return a->unit_id > 0 ? -1 : 1;
    if (a->unit_id != b->unit_id)
        return a->unit_id < b->unit_id ? -1 : 1;
    int c = strcmp(a->category, b->category);
    if (c)
        return c;
    return (a->at > b->at) - (a->at < b->at);
}

static fd_status recur_compute(fd_recurring *rec, const char *fn)
{
    if (rec->fresh)
        return FD_OK;
    fd__qsort(rec->items, rec->len, sizeof *rec->items, recur_cmp);
    free(rec->rows);
    rec->rows = NULL;
    rec->nrows = 0;
    size_t groups = 0;
    for (size_t i = 0; i < rec->len; i++)
        if (i == 0 || rec->items[i - 1].unit_id != rec->items[i].unit_id ||
            strcmp(rec->items[i - 1].category, rec->items[i].category) != 0)
            groups++;
    if (groups > 0 && (rec->rows = calloc(groups, sizeof *rec->rows)) == NULL)
        return fd__oom(fn);
    for (size_t g = 0; g < rec->len;) {
        size_t e = g;
        while (e < rec->len && rec->items[e].unit_id == rec->items[g].unit_id &&
               strcmp(rec->items[e].category, rec->items[g].category) == 0)
            e++;
        /* the widest 90-day window: two pointers over the sorted instants */
        size_t best = 0, best_lo = g;
        for (size_t lo = g, hi = g; hi < e; hi++) {
            while (rec->items[hi].at - rec->items[lo].at >= RECUR_WINDOW)
                lo++;
            if (hi - lo + 1 > best) {
                best = hi - lo + 1;
                best_lo = lo;
            }
        }
        if (best >= RECUR_TIMES) {
            fd_recurring_row *r = &rec->rows[rec->nrows++];
            const recur_item *it = &rec->items[g];
            r->version = FD_RECURRING_ROW_VERSION;
            r->kind = it->unit_id > 0 ? "unit" : "category";
            r->unit_id = it->unit_id;
            r->category = it->category;
            r->count = (int64_t)best;
            r->first_at = rec->items[best_lo].at;
            r->last_at = rec->items[best_lo + best - 1].at;
            r->total = (int64_t)(e - g);
        }
        g = e;
    }
    rec->fresh = true;
    return FD_OK;
}

size_t fd_recurring_count(fd_recurring *rec)
{
    if (rec == NULL || recur_compute(rec, "fd_recurring_count") != FD_OK)
        return 0;
    return rec->nrows;
}

fd_status fd_recurring_get(fd_recurring_row *out, fd_recurring *rec, size_t index)
{
    static const char fn[] = "fd_recurring_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "rec", rec);
    if (rc == FD_OK)
        rc = recur_compute(rec, fn);
    if (rc)
        return rc;
    if (index >= rec->nrows)
        return fd__error(FD_ERANGE, "%s: index: %zu, there are %zu recurring problems", fn, index, rec->nrows);
    *out = rec->rows[index];
    return FD_OK;
}

void fd_recurring_free(fd_recurring *rec)
{
    if (rec == NULL)
        return;
    free(rec->items);
    free(rec->rows);
    free(rec);
}

/* --- the monthly summary --------------------------------------------------- */

struct fd_plan_summary {
    const fd_calendar *cal;
    int64_t now;
    fd_plan_summary_totals t;
};

fd_status fd_plan_summary_new(fd_plan_summary **out, const fd_calendar *cal, int year, int month, int64_t now)
{
    static const char fn[] = "fd_plan_summary_new";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        *out = NULL;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc)
        return rc;
    if (month < 1 || month > 12)
        return fd__error(FD_ERANGE, "%s: month: %d, must be 1..12", fn, month);
    if (year < 1 || year > 9998)
        return fd__error(FD_ERANGE, "%s: year: %d, must be 1..9998", fn, year);
    fd_plan_summary *st = calloc(1, sizeof *st);
    if (st == NULL)
        return fd__oom(fn);
    st->cal = cal;
    st->now = now;
    st->t.version = FD_PLAN_SUMMARY_TOTALS_VERSION;
    st->t.year = year;
    st->t.month = month;
    fd_date first = { year, month, 1 }, next = { month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1 };
    if ((rc = fd_calendar_day_start(&st->t.month_start, cal, first)) != FD_OK ||
        (rc = fd_calendar_day_start(&st->t.month_end, cal, next)) != FD_OK) {
        free(st);
        return fd__error_rename(rc, fn, "year");
    }
    *out = st;
    return FD_OK;
}

static fd_status in_month(const fd_plan_summary *st, const char *fn, const char *field, int64_t at)
{
    if (at >= st->t.month_start && at < st->t.month_end)
        return FD_OK;
    return fd__error(FD_ERANGE, "%s: %s: %lld is not in %04d-%02d (the month counts what is due in it, R-PLN-5)", fn,
                     field, (long long)at, st->t.year, st->t.month);
}

static void satisfaction(fd_plan_summary_counts *c, const char *s)
{
    if (is(s, "satisfied"))
        c->satisfied++;
    else if (is(s, "average"))
        c->average++;
    else if (is(s, "unsatisfied"))
        c->unsatisfied++;
}

/* One task due at @due: done at @done_at (0: not), closed undone (@closed), answered @sat. */
static void count(fd_plan_summary_counts *c, int64_t now, int64_t due, int64_t done_at, bool in_time, bool closed,
                  const char *sat)
{
    c->due++;
    if (done_at > 0 && !closed) {
        c->done++;
        if (in_time)
            c->in_time++;
        satisfaction(c, sat);
    } else if (closed || due < now)
        c->missed++;
    else
        c->pending++;
}

fd_status fd_plan_summary_add_visit(fd_plan_summary *st, const fd_planned_visit *v)
{
    static const char fn[] = "fd_plan_summary_add_visit";
    fd_status rc = fd__check_ptr(fn, "st", st);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "v", v);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "planned_visit.state", "visit_state", v->state, false);
    if (rc == FD_OK)
        rc = in_month(st, fn, "planned_visit.due_at", v->due_at);
    if (rc)
        return rc;
    if (is(v->state, "cancelled")) {
        st->t.visits_cancelled++;
        return FD_OK;
    }
    bool done = is(v->state, "done") && v->done_at > 0;
    bool in_time = false;
    if (done) {
        /* in time: on the appointment's local day or before */
        fd_date due_day, done_day;
        if ((rc = fd_calendar_local_date(&due_day, st->cal, v->due_at)) != FD_OK ||
            (rc = fd_calendar_local_date(&done_day, st->cal, v->done_at)) != FD_OK)
            return fd__error_rename(rc, fn, "planned_visit.done_at");
        in_time = fd__date_cmp(done_day, due_day) <= 0;
    }
    count(&st->t.visits, st->now, v->due_at, done ? v->done_at : 0, in_time, is(v->state, "missed"), NULL);
    return FD_OK;
}

fd_status fd_plan_summary_add_callback(fd_plan_summary *st, const fd_callback *c)
{
    static const char fn[] = "fd_plan_summary_add_callback";
    fd_status rc = fd__check_ptr(fn, "st", st);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "c", c);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "callback.state", "callback_state", c->state, false);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "callback.satisfaction", "satisfaction", c->satisfaction, true);
    if (rc == FD_OK)
        rc = in_month(st, fn, "callback.due_at", c->due_at);
    if (rc)
        return rc;
    bool closed = is(c->state, "closed");
    int64_t done_at = is(c->state, "done") ? c->done_at : 0;
    bool in_time = done_at > 0 && done_at <= c->due_at;
    count(&st->t.callbacks, st->now, c->due_at, done_at, in_time, closed, c->satisfaction);
    if (c->member)
        count(&st->t.members, st->now, c->due_at, done_at, in_time, closed, c->satisfaction);
    if (closed)
        st->t.callbacks_closed++;
    return FD_OK;
}

fd_status fd_plan_summary_add_followup(fd_plan_summary *st, const fd_followup *f)
{
    static const char fn[] = "fd_plan_summary_add_followup";
    fd_status rc = fd__check_ptr(fn, "st", st);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "f", f);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "followup.state", "followup_state", f->state, false);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "followup.result", "result", f->result, true);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "followup.satisfaction", "satisfaction", f->satisfaction, true);
    if (rc == FD_OK)
        rc = in_month(st, fn, "followup.due_at", f->due_at);
    if (rc)
        return rc;
    if (is(f->state, "superseded")) {
        st->t.followups_superseded++;
        return FD_OK;
    }
    int64_t done_at = is(f->state, "done") ? f->done_at : 0;
    count(&st->t.followups, st->now, f->due_at, done_at, done_at > 0 && done_at <= f->due_at, false,
          f->satisfaction);
    if (done_at > 0 && is(f->result, "not_fixed"))
        st->t.followups_not_fixed++;
    return FD_OK;
}

fd_status fd_plan_summary_add_question(fd_plan_summary *st, const fd_visit_question *q)
{
    static const char fn[] = "fd_plan_summary_add_question";
    fd_status rc = fd__check_ptr(fn, "st", st);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "q", q);
    if (rc == FD_OK)
        rc = in_month(st, fn, "visit_question.created_at", q->created_at);
    if (rc)
        return rc;
    st->t.questions++;
    if (q->answered_at > 0)
        st->t.questions_answered++;
    return FD_OK;
}

fd_status fd_plan_summary_get(fd_plan_summary_totals *out, const fd_plan_summary *st)
{
    static const char fn[] = "fd_plan_summary_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "st", st);
    if (rc == FD_OK)
        *out = st->t;
    return rc;
}

void fd_plan_summary_free(fd_plan_summary *st)
{
    free(st);
}
