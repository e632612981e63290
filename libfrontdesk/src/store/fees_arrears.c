/*
 * Arrears, dunning and notices in the store (frontdesk/store.h, issue 14 item
 * 5; R-FEE-2, R-FEE-6): arrears by unit with age buckets read through the
 * partial index bills_site_open, the dunning state machine per unit with the
 * limitation clock restarted by every demand (Civil Code art. 195), who is
 * due for which step, and notices rendered from the site's templates.
 */
#include "store_internal.h"
#include "record.h"
#include "fees_records.h"
#include "frontdesk/pii.h"
#include "frontdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef char date_text[11];

static void date_put(date_text out, fd_date d)
{
    if (d.year == 0)
        out[0] = '\0';
    else
        snprintf(out, sizeof(date_text), "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
}

static fd_date date_get(sqlite3_stmt *st, int col)
{
    fd_date d = { 0, 0, 0 };
    const char *t = (const char *)sqlite3_column_text(st, col);
    if (t && *t && fd_date_parse(&d, t) != FD_OK)
        d = (fd_date){ 0, 0, 0 };
    return d;
}

static fd_date days_before(fd_date d, int64_t n)
{
    return fd__civil_from_days(fd__days_from_civil(d.year, d.month, d.day) - n);
}

/* --- the arrears (R-FEE-6) -------------------------------------------------- */

typedef struct arrears_item {
    fd_arrears_row row;
    char unit[64];
    char last_step[16];
} arrears_item;

struct fd_arrears {
    arrears_item *v;
    size_t n, cap;
    fd_arrears_row total;
};

/*
 * The arrears are four passes in unit id order merged here (R-FEE-6), each an
 * index range over ?2..?3 (one unit, or all): the overdue open bills of the
 * site through bills_site_open (partial, covering, in unit order: no sort, no
 * row look-up), the site's units (their numbers), its dunning steps (the last
 * one of each unit) and the occupants in force on the day (a unit may come
 * more than once: the merge skips the repeats), each through a covering index
 * of 0012_fees.sql. ?1 site, ?4 the day.
 */
static const char SQL_ARREARS_BILLS[] =
    "SELECT unit_id, due_on, amount + adjusted - paid, last_demand_on, limitation_on FROM bills "
    "INDEXED BY bills_site_open WHERE site_id = ?1 AND state <> 'paid' AND unit_id BETWEEN ?2 AND ?3 "
    "AND due_on < ?4 ORDER BY unit_id";
static const char SQL_ARREARS_UNITS[] =
    "SELECT id, number FROM units INDEXED BY units_site_id_number WHERE site_id = ?1 AND id BETWEEN ?2 AND ?3 "
    "ORDER BY id";
static const char SQL_ARREARS_STEPS[] =
    "SELECT unit_id, happened_on, step FROM dunning_steps INDEXED BY dunning_steps_site_unit "
    "WHERE site_id = ?1 AND unit_id BETWEEN ?2 AND ?3 ORDER BY unit_id, happened_on, id";
static const char SQL_ARREARS_OCCUPIED[] =
    "SELECT unit_id FROM occupants INDEXED BY occupants_site_unit_stay WHERE site_id = ?1 AND unit_id BETWEEN ?2 AND ?3 "
    "AND move_in <= ?4 AND (move_out IS NULL OR move_out = '' OR move_out > ?4) ORDER BY unit_id";

/* One of the passes: a statement stepped in unit id order, its current unit id (INT64_MAX when done). */
typedef struct pass {
    sqlite3_stmt *st;
    int64_t unit;
    const char *what;
} pass;

static fd_status pass_step(pass *p, fd_store *s, const char *fn)
{
    fd_status rc = fd__columns_read(s, fn); /* the columns of the row left behind */
    if (rc)
        return rc;
    int src = sqlite3_step(p->st);
    if (src == SQLITE_ROW) {
        p->unit = sqlite3_column_int64(p->st, 0);
        return FD_OK;
    }
    p->unit = INT64_MAX;
    return src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, p->what);
}

static fd_status pass_open(pass *p, fd_store *s, const char *fn, const char *sql, const char *what, int64_t site,
                           int64_t lo, int64_t hi, const char *day)
{
    p->what = what;
    p->unit = INT64_MAX;
    if (!(p->st = fd__store_stmt(s, fn, sql)))
        return fd_error_last()->code;
    sqlite3_bind_int64(p->st, 1, site);
    sqlite3_bind_int64(p->st, 2, lo);
    sqlite3_bind_int64(p->st, 3, hi);
    if (sqlite3_bind_parameter_count(p->st) >= 4)
        sqlite3_bind_text(p->st, 4, day, -1, SQLITE_STATIC);
    return pass_step(p, s, fn);
}

/* Moves @p on to the first row of unit @unit or after it (rows of units not in arrears are skipped). */
static fd_status pass_seek(pass *p, fd_store *s, const char *fn, int64_t unit)
{
    fd_status rc = FD_OK;
    while (rc == FD_OK && p->unit < unit)
        rc = pass_step(p, s, fn);
    return rc;
}

/* Copies @t into @out of @size bytes, cut short if need be (the arrears' hot loop: no snprintf). */
static void text_copy(char *out, size_t size, const char *t)
{
    size_t n = t ? strnlen(t, size - 1) : 0;
    memcpy(out, t ? t : "", n);
    out[n] = '\0';
}

/* Keeps the text of date column @col in @keep when it is later (@sign 1) or earlier (-1) than the kept one ("" = none). */
static void date_keep(date_text keep, sqlite3_stmt *st, int col, int sign)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    if (t && *t && (!keep[0] || strcmp(t, keep) * sign > 0))
        text_copy(keep, sizeof(date_text), t);
}

static fd_date date_of(const date_text t)
{
    fd_date d = { 0, 0, 0 };
    if (t[0] && fd_date_parse(&d, t) != FD_OK)
        d = (fd_date){ 0, 0, 0 };
    return d;
}

static fd_status arrears_push(fd_arrears *a, const char *fn, const arrears_item *it)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        arrears_item *v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return fd__oom(fn);
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = *it;
    return FD_OK;
}

static fd_status add_to(int64_t *sum, const char *fn, int64_t v)
{
    if (__builtin_add_overflow(*sum, v, sum))
        return fd__error(FD_ERANGE, "%s: total: arrears beyond int64 fen", fn);
    return FD_OK;
}

/*
 * The arrears of the actor's site as of @as_of (all units, or @unit_id alone
 * when not 0); @due_only keeps the units whose next dunning step is due on
 * @as_of. The actor is checked by the caller.
 */
static fd_status arrears_build(fd_arrears **out, fd_store *s, const char *fn, const fd_actor *actor, fd_date as_of,
                               int64_t unit_id, bool due_only)
{
    const fd_policy *policy = NULL;
    fd_status rc = fd__store_policy(&policy, s, fn, actor->site_id);
    if (rc)
        return rc;
    int64_t warn_days = fd__policy_value(policy, FD__POL_FEE_LIMITATION_WARN_DAYS);
    fd_policy *pol = NULL; /* a copy: the borrowed one lasts only to the next call on the handle */
    if ((rc = fd_policy_copy(&pol, policy)) != FD_OK)
        return rc;
    const fd_calendar *cal = NULL;
    fd_arrears *a = calloc(1, sizeof *a);
    if (!a) {
        fd_policy_free(pol);
        return fd__oom(fn);
    }
    a->total.version = FD_ARREARS_ROW_VERSION;
    a->total.last_step = a->total.next_step = a->total.unit = "";
    date_text day, b[4];
    date_put(day, as_of);
    const int64_t bounds[4] = { 30, 90, 180, 365 }; /* the first due day of each younger bucket */
    for (int i = 0; i < 4; i++)
        date_put(b[i], days_before(as_of, bounds[i]));
    date_text warn_on;
    date_put(warn_on, days_before(as_of, -warn_days));
    int64_t lo = unit_id ? unit_id : 0, hi = unit_id ? unit_id : INT64_MAX;
    pass bills = { NULL, INT64_MAX, "" }, units = bills, steps = bills, occ = bills;
    if ((rc = pass_open(&bills, s, fn, SQL_ARREARS_BILLS, "bills", actor->site_id, lo, hi, day)) == FD_OK &&
        (rc = pass_open(&units, s, fn, SQL_ARREARS_UNITS, "units", actor->site_id, lo, hi, day)) == FD_OK &&
        (rc = pass_open(&steps, s, fn, SQL_ARREARS_STEPS, "dunning_steps", actor->site_id, lo, hi, day)) == FD_OK)
        rc = pass_open(&occ, s, fn, SQL_ARREARS_OCCUPIED, "occupants", actor->site_id, lo, hi, day);
    while (rc == FD_OK && bills.unit != INT64_MAX) {
        arrears_item it;
        memset(&it, 0, sizeof it);
        fd_arrears_row *r = &it.row;
        r->version = FD_ARREARS_ROW_VERSION;
        r->unit_id = bills.unit;
        int64_t *bucket[FD_FEE_BUCKET_COUNT] = { &r->d0_30, &r->d31_90, &r->d91_180, &r->d181_365, &r->over_365 };
        date_text oldest = "", demand = "", lim = "", last_on = "";
        for (; rc == FD_OK && bills.unit == r->unit_id; rc = pass_step(&bills, s, fn)) {
            const char *due = (const char *)sqlite3_column_text(bills.st, 1);
            int64_t owed = sqlite3_column_int64(bills.st, 2);
            int k = 0;
            while (k < 4 && (!due || strcmp(due, b[k]) < 0))
                k++;
            if (r->bills++ == 0) /* in due day order: the first is the oldest */
                text_copy(oldest, sizeof oldest, due);
            if ((rc = add_to(&r->outstanding, fn, owed)) != FD_OK || (rc = add_to(bucket[k], fn, owed)) != FD_OK)
                break;
            if (sqlite3_column_type(bills.st, 3) != SQLITE_NULL)
                date_keep(demand, bills.st, 3, 1);
            date_keep(lim, bills.st, 4, -1);
        }
        if (rc != FD_OK || r->outstanding <= 0)
            continue;
        /* its number, its last dunning step since its oldest debt fell due, whether someone lives there */
        if ((rc = pass_seek(&units, s, fn, r->unit_id)) != FD_OK || (rc = pass_seek(&steps, s, fn, r->unit_id)) != FD_OK ||
            (rc = pass_seek(&occ, s, fn, r->unit_id)) != FD_OK)
            break;
        if (units.unit == r->unit_id) {
            text_copy(it.unit, sizeof it.unit, (const char *)sqlite3_column_text(units.st, 1));
        }
        for (; rc == FD_OK && steps.unit == r->unit_id; rc = pass_step(&steps, s, fn)) {
            const char *on = (const char *)sqlite3_column_text(steps.st, 1);
            const char *step = (const char *)sqlite3_column_text(steps.st, 2);
            if (on && step && strcmp(on, oldest) > 0) { /* in day order: the last one kept is the latest */
                text_copy(last_on, sizeof last_on, on);
                text_copy(it.last_step, sizeof it.last_step, step);
            }
        }
        if (rc)
            break;
        r->occupied = occ.unit == r->unit_id;
        r->oldest_due = date_of(oldest);
        r->last_demand_on = date_of(demand);
        r->limitation_on = date_of(lim);
        if (r->limitation_on.year == 0) { /* a bill billed without its clock: count it here */
            if (!cal && (rc = fd__store_calendar(&cal, s, fn, actor->site_id, pol)) != FD_OK)
                break;
            if ((rc = fd_fee_limitation_end(&r->limitation_on, r->oldest_due, r->last_demand_on, cal)) != FD_OK)
                break;
            date_put(lim, r->limitation_on);
        }
        r->limitation_warn = strcmp(lim, warn_on) <= 0;
        fd_dunning_plan plan = FD_DUNNING_PLAN_INIT;
        rc = fd_dunning_next(&plan, it.last_step, it.last_step[0] ? date_of(last_on) : days_before(r->oldest_due, -1),
                             r->occupied, pol);
        if (rc)
            break;
        r->next_step = plan.step;
        r->next_step_on = plan.due_on;
        if (due_only && (!*plan.step || fd__date_cmp(plan.due_on, as_of) > 0))
            continue;
        if ((rc = add_to(&a->total.outstanding, fn, r->outstanding)) == FD_OK &&
            (rc = add_to(&a->total.d0_30, fn, r->d0_30)) == FD_OK &&
            (rc = add_to(&a->total.d31_90, fn, r->d31_90)) == FD_OK &&
            (rc = add_to(&a->total.d91_180, fn, r->d91_180)) == FD_OK &&
            (rc = add_to(&a->total.d181_365, fn, r->d181_365)) == FD_OK &&
            (rc = add_to(&a->total.over_365, fn, r->over_365)) == FD_OK)
            rc = arrears_push(a, fn, &it);
        a->total.bills += r->bills;
        a->total.limitation_warn += r->limitation_warn;
        a->total.occupied += r->occupied;
    }
    pass *all[4] = { &bills, &units, &steps, &occ };
    for (int i = 0; i < 4; i++)
        if (all[i]->st)
            sqlite3_reset(all[i]->st);
    fd_policy_free(pol);
    if (rc) {
        fd_arrears_free(a);
        return rc;
    }
    a->total.unit_id = (int64_t)a->n; /* the totals row: unit_id is the number of units */
    *out = a;
    return FD_OK;
}

static fd_status arrears_args(const char *fn, fd_arrears **out, fd_store *store, const fd_actor *actor, fd_date as_of)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        *out = NULL;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "as_of", as_of);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    return rc;
}

fd_status fd_store_arrears(fd_arrears **out, fd_store *store, const fd_actor *actor, fd_date as_of)
{
    static const char fn[] = "fd_store_arrears";
    fd_status rc = arrears_args(fn, out, store, actor, as_of);
    return rc ? rc : arrears_build(out, store, fn, actor, as_of, 0, false);
}

fd_status fd_store_dunning_due(fd_arrears **out, fd_store *store, const fd_actor *actor, fd_date day)
{
    static const char fn[] = "fd_store_dunning_due";
    fd_status rc = arrears_args(fn, out, store, actor, day);
    return rc ? rc : arrears_build(out, store, fn, actor, day, 0, true);
}

size_t fd_arrears_count(const fd_arrears *a)
{
    return a ? a->n : 0;
}

fd_status fd_arrears_get(fd_arrears_row *out, const fd_arrears *a, size_t index)
{
    static const char fn[] = "fd_arrears_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "a", a);
    if (rc)
        return rc;
    if (index >= a->n)
        return fd__error(FD_ERANGE, "%s: index: %zu is not below the count %zu", fn, index, a->n);
    const arrears_item *it = &a->v[index];
    *out = it->row;
    out->unit = it->unit;
    out->last_step = it->last_step;
    return FD_OK;
}

fd_status fd_arrears_total(fd_arrears_row *out, const fd_arrears *a)
{
    static const char fn[] = "fd_arrears_total";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "a", a);
    if (rc == FD_OK)
        *out = a->total;
    return rc;
}

void fd_arrears_free(fd_arrears *a)
{
    if (!a)
        return;
    free(a->v);
    free(a);
}

fd_status fd_arrears_row_init(fd_arrears_row *row, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_arrears_row_init", "row", row);
    if (rc)
        return rc;
    if (version != FD_ARREARS_ROW_VERSION)
        return fd__error(FD_EINVAL, "fd_arrears_row_init: version: %u is not a known version (%d)", version,
                         FD_ARREARS_ROW_VERSION);
    fd_arrears_row init = FD_ARREARS_ROW_INIT;
    *row = init;
    return FD_OK;
}

/* --- dunning steps (R-FEE-6, Civil Code art. 195) ------------------------------ */

static const char SQL_UNIT_AT_SITE[] = "SELECT 1 FROM units WHERE id = ?1 AND site_id = ?2";
static const char SQL_OPEN_BILLS_OF_UNIT[] =
    "SELECT id, due_on, last_demand_on FROM bills WHERE unit_id = ?1 AND state <> 'paid' AND due_on < ?2 ORDER BY id";
static const char SQL_BILL_DEMANDED[] = "UPDATE bills SET last_demand_on = ?2, limitation_on = ?3 WHERE id = ?1";
static const char SQL_ACCOUNT_REV[] = "UPDATE unit_accounts SET rev = rev + 1 WHERE unit_id = ?1";

typedef struct open_bill {
    int64_t id;
    fd_date due_on, last_demand_on;
} open_bill;

/* The unit's overdue bills on @day. */
static fd_status open_bills(open_bill **out, size_t *n, fd_store *s, const char *fn, int64_t unit_id, fd_date day)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_OPEN_BILLS_OF_UNIT);
    if (!st)
        return fd_error_last()->code;
    date_text d;
    date_put(d, day);
    sqlite3_bind_int64(st, 1, unit_id);
    sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
    fd_status rc = FD_OK;
    size_t cap = 0;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            open_bill *v = realloc(*out, cap * sizeof *v);
            if (!v) {
                rc = fd__oom(fn);
                break;
            }
            *out = v;
        }
        open_bill *b = &(*out)[(*n)++];
        b->id = sqlite3_column_int64(st, 0);
        b->due_on = date_get(st, 1);
        b->last_demand_on = date_get(st, 2);
        rc = fd__columns_read(s, fn);
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "bills");
    sqlite3_reset(st);
    if (rc) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

fd_status fd_store_dunning_step_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_dunning_step *d)
{
    static const char fn[] = "fd_store_dunning_step_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "d", d);
    if (rc == FD_OK) { /* art. 944 and the step's channel before anything else; the order below */
        rc = fd_dunning_check(d->step, d->channel, NULL);
        if (rc == FD_ESTATE)
            rc = FD_OK;
    }
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_dunning_step, fn, d);
    if (rc)
        return fd__error_rename(rc, fn, NULL);
    if ((rc = fd__actor_check(store, fn, actor, NULL)) != FD_OK)
        return rc;
    if ((rc = fd__store_ref_at_site(store, fn, SQL_UNIT_AT_SITE, d->unit_id, actor->site_id, "dunning_step.unit_id",
                                    "unit")) != FD_OK)
        return rc;
    if (d->unit_id == 0)
        return fd__error(FD_EINVAL, "%s: dunning_step.unit_id: required", fn);
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_date today;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) == FD_OK &&
        (rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy)) == FD_OK)
        rc = fd_calendar_local_date(&today, cal, actor->at);
    if (rc)
        return rc;
    if (fd__date_cmp(d->happened_on, today) > 0)
        return fd__error(FD_EINVAL, "%s: dunning_step.happened_on: %04d-%02d-%02d is after today", fn,
                         (int)d->happened_on.year, (int)d->happened_on.month, (int)d->happened_on.day);
    if (d->deadline.year != 0 && fd__date_cmp(d->deadline, d->happened_on) < 0)
        return fd__error(FD_EINVAL, "%s: dunning_step.deadline: before the day of the demand", fn);
    /* the state machine: the unit's arrears then, and its last step since its oldest debt fell due */
    fd_arrears *a = NULL;
    if ((rc = arrears_build(&a, store, fn, actor, d->happened_on, d->unit_id, false)) != FD_OK)
        return rc;
    fd_arrears_row row = FD_ARREARS_ROW_INIT;
    if (a->n == 0) {
        fd_arrears_free(a);
        return fd__error(FD_ESTATE, "%s: dunning_step.unit_id: unit %lld owes nothing overdue on %04d-%02d-%02d", fn,
                         (long long)d->unit_id, (int)d->happened_on.year, (int)d->happened_on.month,
                         (int)d->happened_on.day);
    }
    fd_arrears_get(&row, a, 0);
    char last[16];
    snprintf(last, sizeof last, "%s", row.last_step);
    fd_arrears_free(a);
    if ((rc = fd_dunning_check(d->step, d->channel, last)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    open_bill *bills = NULL;
    size_t nb = 0;
    if ((rc = open_bills(&bills, &nb, store, fn, d->unit_id, d->happened_on)) != FD_OK)
        return rc;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK ||
        (rc = fd__store_calendar(&cal, store, fn, actor->site_id, policy)) != FD_OK) {
        free(bills);
        return rc;
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK) {
        free(bills);
        return rc;
    }
    fd_dunning_step rec = *d;
    rec.owed = row.outstanding;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_dunning_step, &rec, actor);
    for (size_t i = 0; rc == FD_OK && i < nb; i++) {
        fd_date demand = bills[i].last_demand_on;
        if (demand.year == 0 || fd__date_cmp(d->happened_on, demand) > 0)
            demand = d->happened_on;
        fd_date lim;
        if ((rc = fd_fee_limitation_end(&lim, bills[i].due_on, demand, cal)) != FD_OK)
            break;
        sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_BILL_DEMANDED);
        if (!st) {
            rc = fd_error_last()->code;
            break;
        }
        date_text t1, t2;
        date_put(t1, demand);
        date_put(t2, lim);
        sqlite3_bind_int64(st, 1, bills[i].id);
        sqlite3_bind_text(st, 2, t1, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, t2, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "bills", NULL);
    }
    if (rc == FD_OK) {
        sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_ACCOUNT_REV);
        if (!st)
            rc = fd_error_last()->code;
        else {
            sqlite3_bind_int64(st, 1, d->unit_id);
            rc = fd__stmt_done(store, fn, st, "unit_accounts", NULL);
        }
    }
    if (rc == FD_OK) {
        char detail[96];
        snprintf(detail, sizeof detail, "%s %s unit %lld owed %lld", d->step, d->channel, (long long)d->unit_id,
                 (long long)rec.owed);
        rc = fd__journal(store, fn, actor, actor->site_id, "dunning_step", id, "add", detail);
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    free(bills);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* --- notices (R-FEE-2, R-FEE-6) ------------------------------------------------ */

static const char SQL_TEMPLATE_OF_KIND[] =
    "SELECT body FROM notice_templates WHERE site_id = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1";

fd_status fd_store_notice_template_set(int64_t *out_id, fd_store *store, const fd_actor *actor, const char *kind,
                                       const char *body)
{
    static const char fn[] = "fd_store_notice_template_set";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && !fd_fee_notice_default_template(kind))
        rc = fd__error(FD_EINVAL, "%s: kind: %s is not a notice (payment 缴款通知书, dunning 催款通知书)", fn,
                       kind ? kind : "NULL");
    if (rc == FD_OK && (rc = fd_fee_notice_check_template(body)) != FD_OK)
        rc = fd__error_rename(rc, fn, "body");
    fd_notice_template rec = FD_NOTICE_TEMPLATE_INIT;
    rec.kind = kind;
    rec.body = body;
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_notice_template, fn, &rec);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_notice_template, &rec, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "notice_template", id, "set", kind);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

static const char SQL_NOTICE_FACTS[] =
    "SELECT s.name, u.number, "
    "(SELECT o.id || ' ' || o.name FROM occupants o WHERE o.unit_id = u.id AND o.move_in <= ?3 "
    " AND (o.move_out IS NULL OR o.move_out = '' OR o.move_out > ?3) ORDER BY o.role <> 'owner', o.id LIMIT 1) "
    "FROM units u JOIN sites s ON s.id = u.site_id WHERE u.id = ?1 AND u.site_id = ?2";
/* The bills a notice names: unpaid; a dunning notice only those overdue on the day. */
static const char SQL_NOTICE_BILLS[] =
    "SELECT amount + adjusted - paid, period_start, due_on FROM bills WHERE unit_id = ?1 AND state <> 'paid' "
    "AND (?3 = 0 OR due_on < ?2) AND amount + adjusted - paid > 0 ORDER BY period_start, id";
static const char SQL_LAST_DEADLINE[] =
    "SELECT deadline FROM dunning_steps WHERE unit_id = ?1 AND deadline >= ?2 ORDER BY happened_on DESC, id DESC LIMIT 1";

fd_status fd_store_fee_notice(fd_buf *out, fd_store *store, const fd_actor *actor, const char *kind, int64_t unit_id,
                              fd_date as_of)
{
    static const char fn[] = "fd_store_fee_notice";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    const char *builtin = fd_fee_notice_default_template(kind);
    if (rc == FD_OK && !builtin)
        rc = fd__error(FD_EINVAL, "%s: kind: %s is not a notice (payment 缴款通知书, dunning 催款通知书)", fn,
                       kind ? kind : "NULL");
    if (rc == FD_OK)
        rc = fd__check_date(fn, "as_of", as_of);
    fd__actor_info info;
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, &info);
    if (rc)
        return rc;
    bool dunning = strcmp(kind, "dunning") == 0;
    int64_t occupant = 0; /* the payer's occupant record, 0 = none */
    date_text day;
    date_put(day, as_of);
    fd_buf site = FD_BUF_INIT, unit = FD_BUF_INIT, payer = FD_BUF_INIT, periods = FD_BUF_INIT, body = FD_BUF_INIT;
    fd_fee_notice n = FD_FEE_NOTICE_INIT;
    n.date = as_of;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_NOTICE_FACTS);
    if (!st)
        rc = fd_error_last()->code;
    else {
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_int64(st, 2, actor->site_id);
        sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW) {
            const char *t;
            if ((t = (const char *)sqlite3_column_text(st, 0)) != NULL)
                rc = fd__buf_puts(&site, t);
            if (rc == FD_OK && (t = (const char *)sqlite3_column_text(st, 1)) != NULL)
                rc = fd__buf_puts(&unit, t);
            if (rc == FD_OK && (t = (const char *)sqlite3_column_text(st, 2)) != NULL) {
                char *end = NULL;
                occupant = strtoll(t, &end, 10);
                rc = fd__buf_puts(&payer, end && *end == ' ' ? end + 1 : "");
            }
            if (rc == FD_OK)
                rc = fd__columns_read(store, fn);
        } else if (src == SQLITE_DONE)
            rc = fd__error(FD_ENOTFOUND, "%s: unit_id: no unit %lld at the actor's site", fn, (long long)unit_id);
        else
            rc = fd__store_sqlerr(store, fn, src, "units");
        sqlite3_reset(st);
    }
    if (rc == FD_OK && !(st = fd__store_stmt(store, fn, SQL_NOTICE_BILLS)))
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, dunning);
        int src;
        while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
            rc = add_to(&n.amount, fn, sqlite3_column_int64(st, 0));
            const char *start = (const char *)sqlite3_column_text(st, 1);
            fd_date due = date_get(st, 2);
            if (n.due.year == 0 || fd__date_cmp(due, n.due) < 0)
                n.due = due;
            if (rc == FD_OK && start)
                rc = fd__buf_printf(&periods, "%s%.7s", periods.size ? "、" : "", start);
        }
        if (rc == FD_OK && src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "bills");
        sqlite3_reset(st);
    }
    if (rc == FD_OK && n.amount <= 0)
        rc = fd__error(FD_ESTATE, "%s: unit_id: unit %lld owes nothing%s on %s: no %s notice", fn, (long long)unit_id,
                       dunning ? " overdue" : "", day, kind);
    /* the deadline: the last demand's, else the policy's days from the notice */
    if (rc == FD_OK && !(st = fd__store_stmt(store, fn, SQL_LAST_DEADLINE)))
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW)
            n.deadline = date_get(st, 0);
        else if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "dunning_steps");
        sqlite3_reset(st);
    }
    const fd_policy *policy = NULL;
    bool mask_names = false;
    if (rc == FD_OK)
        rc = fd__store_policy(&policy, store, fn, actor->site_id);
    if (rc == FD_OK) {
        if (n.deadline.year == 0)
            n.deadline = days_before(as_of, -fd__policy_value(policy, FD__POL_FEE_NOTICE_DEADLINE_DAYS));
        int64_t rate = 0;
        if (fd_policy_get(&rate, policy, "fee.late_fee.per_day_e4") == FD_OK) /* billing's key, when it is there */
            n.late_rate_e4 = rate;
        mask_names = fd__policy_value(policy, FD__POL_PII_MASK_NAMES) != 0;
        fd_error_clear();
    }
    /* R-COM-2: the payer's name masked as the record engine masks names (pii.mask_names) unless the actor
     * reveals it; each reveal is logged */
    bool mask = rc == FD_OK && occupant > 0 && mask_names;
    if (mask && !info.reveal) {
        fd_buf masked = FD_BUF_INIT;
        if ((rc = fd_pii_mask(&masked, FD_PII_NAME, payer.ptr ? payer.ptr : "")) == FD_OK) {
            fd_buf_dispose(&payer);
            payer = masked;
        } else
            fd_buf_dispose(&masked);
    } else if (mask) {
        bool sp;
        if ((rc = fd__store_write_begin(store, fn, &sp)) == FD_OK) {
            rc = fd__reveal_log(store, fn, actor, "occupant", occupant, "name");
            rc = fd__store_write_end(store, fn, sp, rc);
        }
    }
    /* the site's template of the kind, else the built-in one */
    if (rc == FD_OK && !(st = fd__store_stmt(store, fn, SQL_TEMPLATE_OF_KIND)))
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        const char *t = src == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        rc = fd__buf_puts(&body, t ? t : builtin);
        if (rc == FD_OK && src != SQLITE_ROW && src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "notice_templates");
        sqlite3_reset(st);
    }
    if (rc == FD_OK) {
        n.site = site.ptr ? site.ptr : "";
        n.unit = unit.ptr ? unit.ptr : "";
        n.payer = payer.ptr ? payer.ptr : "";
        n.periods = periods.ptr ? periods.ptr : "";
        if ((rc = fd_fee_notice_render(out, body.ptr, &n)) != FD_OK)
            rc = fd__error_rename(rc, fn, NULL);
    }
    fd_buf_dispose(&site);
    fd_buf_dispose(&unit);
    fd_buf_dispose(&payer);
    fd_buf_dispose(&periods);
    fd_buf_dispose(&body);
    if (rc)
        fd__buf_clear(out);
    return rc;
}
