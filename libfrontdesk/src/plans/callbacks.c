/*
 * The callbacks part of the plans module's pure rules (frontdesk/plans.h,
 * issue 15 items 3-4): when a callback is due and whether a customer may be
 * called now on the site's quiet hours (R-PLN-2, R-CALL-8, R-CALL-9), the
 * follow-up script for each outcome, and the balance of customers across
 * specialists by level with the rebalance of fewest moves (R-PLN-3). No
 * SQLite, no store: the store calls the same functions over stored values.
 */
#include "internal.h"
#include "plans_internal.h"
#include "frontdesk/plans.h"

#include <stdlib.h>
#include <string.h>

/* --- the due (R-PLN-2, R-CALL-8, R-CALL-9) ---------------------------------------- */

fd_status fd_callback_due(fd_callback_plan *out, int64_t created_at, int64_t agreed_at, int64_t task_due_at,
                          const fd_calendar *cal, const fd_policy *policy)
{
    static const char fn[] = "fd_callback_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "created_at", created_at);
    if (rc == FD_OK && agreed_at != 0)
        rc = fd__check_instant(fn, "agreed_at", agreed_at);
    if (rc == FD_OK && task_due_at != 0)
        rc = fd__check_instant(fn, "task_due_at", task_due_at);
    if (rc == FD_OK && (agreed_at < 0 || task_due_at < 0))
        rc = fd__error(FD_ERANGE, "%s: %s: negative (0: none)", fn, agreed_at < 0 ? "agreed_at" : "task_due_at");
    if (rc)
        return rc;
    fd_callback_plan p;
    memset(&p, 0, sizeof p);
    p.version = FD_CALLBACK_PLAN_VERSION;
    if (agreed_at > 0) {
        p.basis = "agreed"; /* R-PLN-2: the time agreed with the customer wins */
        p.unmoved_at = agreed_at;
    } else if (task_due_at > 0) {
        p.basis = "task"; /* R-CALL-8 at once, R-CALL-9 within its working days */
        p.unmoved_at = task_due_at;
    } else {
        p.basis = "policy";
        int64_t amount = 0;
        int unit = 0;
        if ((rc = fd_policy_get_deadline(&amount, &unit, policy, "followup.callback_days")) != FD_OK)
            return fd__error_rename(rc, fn, NULL);
        fd_buf version = FD_BUF_INIT;
        rc = fd_calendar_deadline_info(&p.unmoved_at, &p.provisional, &version, cal, created_at, amount, unit, policy);
        fd_buf_dispose(&version);
        if (rc)
            return fd__error_rename(rc, fn, NULL);
    }
    if ((rc = fd_calendar_next_call_time(&p.due_at, cal, p.unmoved_at)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    p.moved = p.due_at != p.unmoved_at;
    *out = p;
    return FD_OK;
}

fd_status fd_callback_may_call(int *out, int64_t *next_at, const fd_calendar *cal, int64_t at)
{
    static const char fn[] = "fd_callback_may_call";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "next_at", next_at);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    int64_t next = 0;
    if (rc == FD_OK && (rc = fd_calendar_next_call_time(&next, cal, at)) != FD_OK)
        rc = fd__error_rename(rc, fn, "at");
    if (rc)
        return rc;
    *out = next == at;
    *next_at = next;
    return FD_OK;
}

/* --- the outcome and its script (R-PLN-2) --------------------------------------------- */

static const struct {
    const char *satisfaction, *script;
} SCRIPTS[] = {
    { "satisfied", "感谢您对我们工作的认可！我们会继续保持，如有任何需要，欢迎随时致电服务中心。"
                   "（记录客户的肯定，回访结束。）" },
    { "average", "感谢您的反馈！请问哪些地方我们还可以做得更好？您的意见我们已记录，会转告负责的客服专员改进，"
                 "并在改进后再与您联系。（记录不足之处，交客服专员跟进。）" },
    { "unsatisfied", "非常抱歉给您带来不便！请您具体说说不满意的地方，我们马上报告主管处理，"
                     "并在约定的时间内给您答复。请问什么时间联系您方便？（致歉，记录原因，报告主管，约定答复时间。）" },
};

fd_status fd_callback_script(fd_buf *out, const char *satisfaction)
{
    static const char fn[] = "fd_callback_script";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    fd_buf code = FD_BUF_INIT;
    rc = fd__code_parse(&code, &fd__plan_codes, fn, "satisfaction", satisfaction ? satisfaction : "");
    if (rc == FD_OK) {
        rc = fd__error(FD_EINVAL, "%s: satisfaction: no script for %s", fn, code.ptr);
        for (size_t i = 0; i < sizeof SCRIPTS / sizeof SCRIPTS[0]; i++)
            if (strcmp(code.ptr, SCRIPTS[i].satisfaction) == 0)
                rc = fd__buf_puts(out, SCRIPTS[i].script);
    } else {
        rc = fd__code_check(&fd__plan_codes, fn, "satisfaction", "satisfaction", satisfaction ? satisfaction : "",
                            false);
    }
    fd_buf_dispose(&code);
    return rc;
}

fd_status fd_callback_outcome_check(const char *result, const char *satisfaction, const char *said)
{
    static const char fn[] = "fd_callback_outcome_check";
    fd_status rc = fd__code_check(&fd__plan_codes, fn, "result", "attempt", result, false);
    if (rc)
        return rc;
    bool done = strcmp(result, "done") == 0;
    if (!done && satisfaction && satisfaction[0])
        return fd__error(FD_EINVAL, "%s: satisfaction: a %s attempt reached nobody: only done has a satisfaction "
                         "(R-PLN-2)", fn, result);
    if (done && (rc = fd__code_check(&fd__plan_codes, fn, "satisfaction", "satisfaction", satisfaction, false)) != FD_OK)
        return rc;
    return fd__check_note(fn, "said", said, 1000, false);
}

/* --- balancing (R-PLN-3) ------------------------------------------------------------------ */

#define LEVEL_MAX 5

static fd_status team_check(const char *fn, const int64_t *ids, size_t n, const int64_t *levels, size_t levels_len,
                            const int64_t *counts, size_t counts_len)
{
    if (n && ids == NULL)
        return fd__check_ptr(fn, "ids", ids);
    if (levels_len != n)
        return fd__error(FD_EINVAL, "%s: levels_len: %zu levels for %zu specialists: one each", fn, levels_len, n);
    if (counts_len != n)
        return fd__error(FD_EINVAL, "%s: counts_len: %zu counts for %zu specialists: one each", fn, counts_len, n);
    if (n && levels == NULL)
        return fd__check_ptr(fn, "levels", levels);
    if (n && counts == NULL)
        return fd__check_ptr(fn, "counts", counts);
    for (size_t i = 0; i < n; i++) {
        if (ids[i] <= 0)
            return fd__error(FD_EINVAL, "%s: ids[%zu]: %lld is no specialist (> 0)", fn, i, (long long)ids[i]);
        for (size_t k = 0; k < i; k++)
            if (ids[k] == ids[i])
                return fd__error(FD_EINVAL, "%s: ids[%zu]: %lld is ids[%zu] too", fn, i, (long long)ids[i], k);
        if (levels[i] < 0 || levels[i] > LEVEL_MAX)
            return fd__error(FD_EINVAL, "%s: levels[%zu]: %lld, a level is 1..5 (0: leaving)", fn, i,
                             (long long)levels[i]);
        if (counts[i] < 0 || counts[i] > INT32_MAX)
            return fd__error(FD_EINVAL, "%s: counts[%zu]: %lld, customers are 0..%d", fn, i, (long long)counts[i],
                             INT32_MAX);
    }
    return FD_OK;
}

fd_status fd_assign_balance(int64_t *out, const int64_t *ids, size_t ids_len, const int64_t *levels,
                            size_t levels_len, const int64_t *counts, size_t counts_len)
{
    static const char fn[] = "fd_assign_balance";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = team_check(fn, ids, ids_len, levels, levels_len, counts, counts_len);
    if (rc)
        return rc;
    int64_t total = 1, weight = 0; /* the new customer counts */
    for (size_t i = 0; i < ids_len; i++) {
        total += counts[i];
        weight += levels[i];
    }
    /* furthest under target: max (total * level / weight - count), scaled by weight */
    size_t best = ids_len;
    int64_t best_gap = 0;
    for (size_t i = 0; i < ids_len; i++) {
        if (levels[i] == 0)
            continue;
        int64_t gap = total * levels[i] - counts[i] * weight;
        if (best == ids_len || gap > best_gap ||
            (gap == best_gap && (levels[i] > levels[best] || (levels[i] == levels[best] && ids[i] < ids[best])))) {
            best = i;
            best_gap = gap;
        }
    }
    *out = best == ids_len ? 0 : ids[best];
    return FD_OK;
}

typedef struct rb_row {
    int64_t id, level, before, after;
} rb_row;
typedef struct rb_move {
    int64_t from, to, count;
} rb_move;
struct fd_rebalance {
    size_t n, nmoves;
    int64_t moved;
    rb_row *rows;
    rb_move *moves;
};

/* Where rounding leaves customers to place: first with one over their floor (they keep it, no move), then the
 * largest remainder, then the smaller id. */
typedef struct rb_rank {
    size_t i;
    int keeps;
    int64_t rem, id;
} rb_rank;

static int rank_cmp(const void *a, const void *b)
{
    const rb_rank *x = a, *y = b;
    if (x->keeps != y->keeps)
        return y->keeps - x->keeps;
    if (x->rem != y->rem)
        return x->rem > y->rem ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

fd_status fd_assign_rebalance(fd_rebalance **out, const int64_t *ids, size_t ids_len, const int64_t *levels,
                              size_t levels_len, const int64_t *counts, size_t counts_len)
{
    static const char fn[] = "fd_assign_rebalance";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if ((rc = team_check(fn, ids, ids_len, levels, levels_len, counts, counts_len)) != FD_OK)
        return rc;
    int64_t total = 0, weight = 0;
    for (size_t i = 0; i < ids_len; i++) {
        total += counts[i];
        weight += levels[i];
    }
    if (weight == 0 && total > 0)
        return fd__error(FD_EINVAL, "%s: levels: every specialist is leaving (level 0) and %lld customers have no "
                         "one to go to (R-PLN-3)", fn, (long long)total);
    size_t n = ids_len;
    fd_rebalance *r = calloc(1, sizeof *r);
    rb_rank *rank = calloc(n ? n : 1, sizeof *rank);
    if (r) {
        r->rows = calloc(n ? n : 1, sizeof *r->rows);
        r->moves = calloc(n ? n : 1, sizeof *r->moves); /* each move settles a giver or a taker: fewer than n */
    }
    if (r == NULL || rank == NULL || r->rows == NULL || r->moves == NULL) {
        fd_rebalance_free(r);
        free(rank);
        return fd__oom(fn);
    }
    r->n = n;
    int64_t placed = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t floor = weight ? total * levels[i] / weight : 0;
        r->rows[i] = (rb_row){ ids[i], levels[i], counts[i], floor };
        placed += floor;
        rank[i] = (rb_rank){ i, levels[i] > 0 && counts[i] > floor, weight ? total * levels[i] % weight : 0, ids[i] };
    }
    fd__qsort(rank, n, sizeof *rank, rank_cmp);
    for (size_t k = 0; placed < total && k < n; k++)
        if (levels[rank[k].i] > 0) {
            r->rows[rank[k].i].after++;
            placed++;
        }
    free(rank);
    /* givers to takers in the order given: each step settles one of them */
    size_t g = 0, t = 0;
    int64_t give = 0, take = 0;
    for (;;) {
        while (give == 0 && g < n) {
            give = r->rows[g].before - r->rows[g].after;
            if (give <= 0) {
                give = 0;
                g++;
            }
        }
        while (take == 0 && t < n) {
            take = r->rows[t].after - r->rows[t].before;
            if (take <= 0) {
                take = 0;
                t++;
            }
        }
        if (g >= n || t >= n)
            break;
        int64_t c = give < take ? give : take;
        r->moves[r->nmoves++] = (rb_move){ ids[g], ids[t], c };
        r->moved += c;
        give -= c;
        take -= c;
        if (give == 0)
            g++;
        if (take == 0)
            t++;
    }
    *out = r;
    return FD_OK;
}

size_t fd_rebalance_specialists(const fd_rebalance *r)
{
    return r ? r->n : 0;
}

fd_status fd_rebalance_specialist(int64_t *id, int64_t *level, int64_t *before, int64_t *after, const fd_rebalance *r,
                                  size_t index)
{
    static const char fn[] = "fd_rebalance_specialist";
    fd_status rc = fd__check_ptr(fn, "id", id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "level", level);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "before", before);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "after", after);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "r", r);
    if (rc)
        return rc;
    if (index >= r->n)
        return fd__error(FD_ERANGE, "%s: index: %zu, the proposal shows %zu specialists", fn, index, r->n);
    *id = r->rows[index].id;
    *level = r->rows[index].level;
    *before = r->rows[index].before;
    *after = r->rows[index].after;
    return FD_OK;
}

size_t fd_rebalance_moves(const fd_rebalance *r)
{
    return r ? r->nmoves : 0;
}

fd_status fd_rebalance_move(int64_t *from, int64_t *to, int64_t *count, const fd_rebalance *r, size_t index)
{
    static const char fn[] = "fd_rebalance_move";
    fd_status rc = fd__check_ptr(fn, "from", from);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "to", to);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "count", count);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "r", r);
    if (rc)
        return rc;
    if (index >= r->nmoves)
        return fd__error(FD_ERANGE, "%s: index: %zu, the proposal has %zu moves", fn, index, r->nmoves);
    *from = r->moves[index].from;
    *to = r->moves[index].to;
    *count = r->moves[index].count;
    return FD_OK;
}

int64_t fd_rebalance_moved(const fd_rebalance *r)
{
    return r ? r->moved : 0;
}

void fd_rebalance_free(fd_rebalance *r)
{
    if (r == NULL)
        return;
    free(r->rows);
    free(r->moves);
    free(r);
}
