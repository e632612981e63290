/*
 * A month's complaints counted (R-CPL-6, 顾客投诉分类统计表): the accumulator
 * of complaints.h. The definitions (the local month, resolved, within target,
 * nearest rank, the shares of nothing) are the header's; this file keeps the
 * counts per row and the times to resolve in working seconds, sorted once
 * when the totals are read after an add.
 *
 * Rows of categories and departments are few (a site's list): a linear
 * search starting from the last row hit. Nothing is allocated per complaint
 * but a new row and the times' array growing by doubling.
 */
#include "internal.h"
#include "frontdesk/complaints.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
    char *key;
    int64_t department_id;
    int64_t count, resolved, in_time;
    uint32_t ord; /* the row's number in order of creation (kept when the rows are sorted) */
} row;

/* A resolved complaint's working seconds to resolve, and the rows it counts in (their ord). */
typedef struct took {
    int64_t s;
    uint32_t cat, dep;
    uint8_t sev;
} took;

typedef struct rows {
    row *v;
    size_t n, cap;
    size_t last;  /* the row hit last: complaints of a month come in runs */
    bool sorted;
} rows;

struct fd_complaint_stats {
    const fd_calendar *cal;
    int year, month;
    int64_t from, to;
    rows cat, dep;
    row sev[3], val[3]; /* fixed rows: major, important, minor; valid, invalid, unassessed */
    int64_t received, open, reopened, reopens, satisfied, average, unsatisfied;
    int provisional;
    took *times; /* one per resolved complaint; sorted by seconds when read */
    size_t ntimes, captimes;
    bool times_sorted;
};

static const char *const SEVERITIES[3] = { "major", "important", "minor" };
static const char *const VALIDITIES[3] = { "valid", "invalid", "unassessed" };

static void group_dispose(rows *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->v[i].key);
    free(g->v);
}

void fd_complaint_stats_free(fd_complaint_stats *st)
{
    if (st == NULL)
        return;
    group_dispose(&st->cat);
    group_dispose(&st->dep);
    free(st->times);
    free(st);
}

fd_status fd_complaint_stats_new(fd_complaint_stats **out, const fd_calendar *cal, int year, int month)
{
    static const char fn[] = "fd_complaint_stats_new";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        *out = NULL;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc)
        return rc;
    if (month < 1 || month > 12)
        return fd__error(FD_ERANGE, "%s: month: %d is not 1..12", fn, month);
    fd_date first = { year, month, 1 }, next = { month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1 };
    int64_t from, to;
    if (year < 1 || year > 9999)
        return fd__error(FD_ERANGE, "%s: year: %d is outside 1..9999", fn, year);
    if ((rc = fd_calendar_day_start(&from, cal, first)) != FD_OK ||
        (rc = fd_calendar_day_start(&to, cal, next)) != FD_OK)
        return fd__error_rename(rc, fn, "year");
    fd_complaint_stats *st = calloc(1, sizeof *st);
    if (st == NULL)
        return fd__oom(fn);
    st->cal = cal;
    st->year = year;
    st->month = month;
    st->from = from;
    st->to = to;
    for (int i = 0; i < 3; i++) {
        st->sev[i].key = (char *)SEVERITIES[i];
        st->sev[i].ord = (uint32_t)i;
        st->val[i].key = (char *)VALIDITIES[i];
        st->val[i].ord = (uint32_t)i;
    }
    st->times_sorted = true;
    *out = st;
    return FD_OK;
}

/* The row of @key (@dep for departments) in @g, added when new; NULL when out of memory. */
static row *group_row(rows *g, const char *key, int64_t dep)
{
    for (size_t k = 0; k < g->n; k++) {
        size_t i = (g->last + k) % g->n;
        if (strcmp(g->v[i].key, key) == 0) {
            g->last = i;
            return &g->v[i];
        }
    }
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        row *v = realloc(g->v, cap * sizeof *v);
        if (v == NULL)
            return NULL;
        g->v = v;
        g->cap = cap;
    }
    size_t len = strlen(key) + 1;
    char *copy = malloc(len);
    if (copy == NULL)
        return NULL;
    memcpy(copy, key, len);
    g->v[g->n] = (row){ copy, dep, 0, 0, 0, (uint32_t)g->n };
    g->last = g->n;
    g->sorted = false;
    return &g->v[g->n++];
}

static int index_of(const char *const list[3], const char *code)
{
    for (int i = 0; i < 3; i++)
        if (code != NULL && strcmp(list[i], code) == 0)
            return i;
    return -1;
}

static void count_in(row *r, bool resolved, bool in_time)
{
    r->count++;
    r->resolved += resolved;
    r->in_time += resolved && in_time;
}

fd_status fd_complaint_stats_add(fd_complaint_stats *st, const fd_complaint *c, int resolved_in_time)
{
    static const char fn[] = "fd_complaint_stats_add";
    fd_status rc = fd__check_ptr(fn, "st", st);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "c", c);
    if (rc)
        return rc;
    if (st->cal == NULL)
        return fd__error(FD_ESTATE, "%s: st: the store's statistics of a month are final: nothing is added to them", fn);
    if (c->received_at < st->from || c->received_at >= st->to) {
        fd_date d = { 0, 0, 0 };
        if (fd_calendar_local_date(&d, st->cal, c->received_at) != FD_OK)
            return fd__error(FD_ERANGE, "%s: complaint.received_at: %lld is not in the local month %04d-%02d", fn,
                             (long long)c->received_at, st->year, st->month);
        return fd__error(FD_ERANGE, "%s: complaint.received_at: local %04d-%02d-%02d is not in the month %04d-%02d", fn,
                         d.year, d.month, d.day, st->year, st->month);
    }
    int sev = index_of(SEVERITIES, c->severity);
    if (sev < 0)
        return fd__error(FD_EINVAL, "%s: complaint.severity: is not major, important or minor", fn);
    int val = c->validity == NULL || c->validity[0] == '\0' ? 2
              : strcmp(c->validity, "valid") == 0        ? 0
              : strcmp(c->validity, "invalid") == 0      ? 1
                                                         : -1;
    if (val < 0)
        return fd__error(FD_EINVAL, "%s: complaint.validity: is not valid, invalid or empty", fn);
    const char *sat = c->satisfaction != NULL ? c->satisfaction : "";
    if (sat[0] && fd_complaint_code_label("satisfaction", sat) == NULL)
        return fd__error(FD_EINVAL, "%s: complaint.satisfaction: is not satisfied, average or unsatisfied", fn);
    if ((rc = fd__check_code(fn, "complaint.category", c->category, true)) != FD_OK)
        return rc;
    bool resolved = val == 0 && c->accepted_at != 0;
    int64_t secs = 0;
    if (resolved) {
        if (c->accepted_at < c->received_at)
            return fd__error(FD_ERANGE, "%s: complaint.accepted_at: is before its received_at", fn);
        fd_date day;
        int prov = 0;
        if ((rc = fd_calendar_working_seconds_between(&secs, st->cal, c->received_at, c->accepted_at)) != FD_OK ||
            (rc = fd_calendar_local_date(&day, st->cal, c->accepted_at)) != FD_OK ||
            (rc = fd_calendar_is_provisional(&prov, st->cal, day)) != FD_OK)
            return fd__error_rename(rc, fn, "complaint.accepted_at");
        if (st->ntimes == st->captimes) {
            size_t cap = st->captimes ? st->captimes * 2 : 256;
            took *t = realloc(st->times, cap * sizeof *t);
            if (t == NULL)
                return fd__oom(fn);
            st->times = t;
            st->captimes = cap;
        }
        st->provisional |= prov;
    }
    char dkey[24];
    if (c->department_id > 0)
        snprintf(dkey, sizeof dkey, "%" PRId64, c->department_id);
    else
        strcpy(dkey, "unassigned");
    row *rc_cat = group_row(&st->cat, c->category, 0);
    row *rc_dep = rc_cat ? group_row(&st->dep, dkey, c->department_id > 0 ? c->department_id : 0) : NULL;
    if (rc_dep == NULL)
        return fd__oom(fn);
    /* Nothing fails from here on. */
    bool in_time = resolved_in_time != 0;
    count_in(rc_cat, resolved, in_time);
    count_in(rc_dep, resolved, in_time);
    count_in(&st->sev[sev], resolved, in_time);
    count_in(&st->val[val], resolved, in_time);
    if (resolved) {
        st->times[st->ntimes++] = (took){ secs, rc_cat->ord, rc_dep->ord, (uint8_t)sev };
        st->times_sorted = false;
    }
    st->received++;
    st->open += c->closed_at == 0;
    st->reopened += c->reopened > 0;
    st->reopens += c->reopened > 0 ? c->reopened : 0;
    st->satisfied += strcmp(sat, "satisfied") == 0;
    st->average += strcmp(sat, "average") == 0;
    st->unsatisfied += strcmp(sat, "unsatisfied") == 0;
    return FD_OK;
}

void fd__complaint_stats_seal(fd_complaint_stats *st)
{
    st->cal = NULL;
}

static int cmp_took(const void *a, const void *b)
{
    int64_t x = ((const took *)a)->s, y = ((const took *)b)->s;
    return (x > y) - (x < y);
}

static void sort_times(fd_complaint_stats *st)
{
    if (!st->times_sorted) {
        fd__qsort(st->times, st->ntimes, sizeof *st->times, cmp_took);
        st->times_sorted = true;
    }
}

static double share(int64_t part, int64_t whole)
{
    return whole > 0 ? (double)part / (double)whole : -1.0;
}

/* Whether resolved complaint @t counts in row @ord of @group (the validity rows: only "valid" has any). */
static bool in_row(const took *t, int group, uint32_t ord)
{
    switch (group) {
    case FD_COMPLAINT_STATS_CATEGORY:
        return t->cat == ord;
    case FD_COMPLAINT_STATS_DEPARTMENT:
        return t->dep == ord;
    case FD_COMPLAINT_STATS_SEVERITY:
        return t->sev == ord;
    case FD_COMPLAINT_STATS_VALIDITY:
        return ord == 0;
    default:
        return true; /* 0: the totals */
    }
}

/*
 * Nearest rank over the @n resolved complaints of row @ord of @group (0: all):
 * the value at rank ceil(p / 100 * n), 1-based, of their sorted times; -1 when
 * none. The times are sorted: the rank-th one in the row is found walking them.
 */
static int64_t nearest_rank(const fd_complaint_stats *st, int group, uint32_t ord, int64_t n, int p)
{
    if (n <= 0)
        return -1;
    int64_t rank = ((int64_t)p * n + 99) / 100;
    if (rank < 1)
        rank = 1;
    for (size_t i = 0; i < st->ntimes; i++)
        if (in_row(&st->times[i], group, ord) && --rank == 0)
            return st->times[i].s;
    return -1;
}

fd_status fd_complaint_stats_get(fd_complaint_stats_totals *out, fd_complaint_stats *st)
{
    static const char fn[] = "fd_complaint_stats_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "st", st);
    if (rc)
        return rc;
    sort_times(st);
    fd_complaint_stats_totals t;
    memset(&t, 0, sizeof t);
    t.version = FD_COMPLAINT_STATS_TOTALS_VERSION;
    t.year = st->year;
    t.month = st->month;
    t.month_start = st->from;
    t.month_end = st->to;
    t.received = st->received;
    t.valid = st->val[0].count;
    t.invalid = st->val[1].count;
    t.unassessed = st->val[2].count;
    t.open = st->open;
    t.resolved = st->val[0].resolved;
    t.resolved_in_time = st->val[0].in_time;
    t.resolved_in_time_share = share(t.resolved_in_time, t.resolved);
    t.resolve_median_s = nearest_rank(st, 0, 0, (int64_t)st->ntimes, 50);
    t.resolve_p90_s = nearest_rank(st, 0, 0, (int64_t)st->ntimes, 90);
    t.reopened = st->reopened;
    t.reopens = st->reopens;
    t.reopen_share = share(st->reopened, st->received);
    t.satisfied = st->satisfied;
    t.average = st->average;
    t.unsatisfied = st->unsatisfied;
    t.followed_up = st->satisfied + st->average + st->unsatisfied;
    t.satisfied_share = share(st->satisfied, t.followed_up);
    t.provisional = st->provisional;
    *out = t;
    return FD_OK;
}

/* Most complaints first, then by key (departments by id). */
static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->department_id != y->department_id)
        return x->department_id < y->department_id ? -1 : 1;
    return strcmp(x->key, y->key);
}

static const row *rows_of(fd_complaint_stats *st, int group, size_t *n)
{
    rows *g = group == FD_COMPLAINT_STATS_CATEGORY ? &st->cat : group == FD_COMPLAINT_STATS_DEPARTMENT ? &st->dep : NULL;
    if (g != NULL) {
        if (!g->sorted) {
            fd__qsort(g->v, g->n, sizeof *g->v, cmp_row);
            g->sorted = true;
            g->last = 0;
        }
        *n = g->n;
        return g->v;
    }
    *n = 3;
    return group == FD_COMPLAINT_STATS_SEVERITY ? st->sev : group == FD_COMPLAINT_STATS_VALIDITY ? st->val : NULL;
}

size_t fd_complaint_stats_row_count(const fd_complaint_stats *st, int group)
{
    if (st == NULL)
        return 0;
    switch (group) {
    case FD_COMPLAINT_STATS_CATEGORY:
        return st->cat.n;
    case FD_COMPLAINT_STATS_DEPARTMENT:
        return st->dep.n;
    case FD_COMPLAINT_STATS_SEVERITY:
    case FD_COMPLAINT_STATS_VALIDITY:
        return 3;
    default:
        return 0;
    }
}

fd_status fd_complaint_stats_row_get(fd_complaint_stats_row *out, fd_complaint_stats *st, int group, size_t index)
{
    static const char fn[] = "fd_complaint_stats_row_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "st", st);
    if (rc)
        return rc;
    size_t n = 0;
    const row *v = rows_of(st, group, &n);
    if (v == NULL)
        return fd__error(FD_EINVAL, "%s: group: %d is not an FD_COMPLAINT_STATS_* group", fn, group);
    if (index >= n)
        return fd__error(FD_ERANGE, "%s: index: %zu is past the last of %zu rows", fn, index, n);
    const row *r = &v[index];
    sort_times(st);
    *out = (fd_complaint_stats_row){ FD_COMPLAINT_STATS_ROW_VERSION, r->key, r->department_id, r->count,
                                     r->resolved, r->in_time, share(r->in_time, r->resolved),
                                     nearest_rank(st, group, r->ord, r->resolved, 50),
                                     nearest_rank(st, group, r->ord, r->resolved, 90) };
    return FD_OK;
}
