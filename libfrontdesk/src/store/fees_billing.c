/*
 * The store's side of billing (store.h "fees: items, rates, custody,
 * readings, billing, adjustments"; issue 14 items 1, 2): fee items and their
 * rates, custody, meter readings, and the bill run. What a line costs is
 * fd_fee_line_amount() (src/fees/billing.c); here are the rows around it.
 */
#include "store/store_internal.h"
#include "store/fees_records.h"
#include "store/record.h"
#include "frontdesk/fees.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COLT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* --- shared checks ---------------------------------------------------------- */

/* The pointer checks and the actor of a write; @manage asks for the manage grant. */
static fd_status prologue(const char *fn, const char *out_name, const void *out, fd_store *store,
                          const char *in_name, const void *in, const fd_actor *actor, bool manage)
{
    fd_status rc = out_name ? fd__check_ptr(fn, out_name, out) : FD_OK;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && in_name)
        rc = fd__check_ptr(fn, in_name, in);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && manage)
        rc = fd__actor_require_manage(fn, actor);
    return rc;
}

/* The checks of adding record @rec (of @r, the parameter @name): the pointers, the record's fields, the actor. */
static fd_status record_prologue(const char *fn, int64_t *out_id, fd_store *store, const fd_actor *actor,
                                 const fd__record *r, const void *rec, const char *name, bool manage)
{
    fd_status rc = fd__check_ptr(fn, name, rec);
    if (rc == FD_OK)
        rc = fd__record_check(r, fn, rec);
    return rc ? rc : prologue(fn, "out_id", out_id, store, NULL, NULL, actor, manage);
}

/* FD_EINVAL naming @qname unless @code is in code list @field (or empty when @optional). */
static fd_status code_check(const char *fn, const char *qname, const char *field, const char *code, bool optional)
{
    if (optional && (code == NULL || code[0] == '\0'))
        return FD_OK;
    if (code && fd_fee_code_label(field, code))
        return FD_OK;
    return fd__error(FD_EINVAL, "%s: %s: \"%s\" is not a %s code (fd_fee_code_parse takes labels too)", fn, qname,
                     code ? code : "", field);
}

#define DAY_MAX 16 /* "YYYY-MM-DD" and room for what a compiler cannot prove of the fields */

static void date_text(char out[DAY_MAX], fd_date d)
{
    snprintf(out, DAY_MAX, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u, (unsigned)d.day % 100u);
}

static int64_t day_number(fd_date d)
{
    return fd__days_from_civil(d.year, d.month, d.day);
}

static bool date_read(fd_date *out, const char *text)
{
    return text && fd_date_parse(out, text) == FD_OK;
}

/* One write of one record with its journal line, in one bracket. */
static fd_status insert_journaled(int64_t *out_id, fd_store *store, const char *fn, const fd__record *r,
                                  const void *rec, const fd_actor *actor, const char *entity, const char *detail)
{
    bool sp;
    fd_status rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, r, rec, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, entity, id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* --- items and rates ---------------------------------------------------------- */

static const char SQL_ITEM_AT_SITE[] = "SELECT kind, retired FROM fee_items WHERE id = ?1 AND site_id = ?2";

typedef struct item_info {
    char kind[17];
    int retired;
} item_info;

static fd_status item_read(sqlite3_stmt *st, void *ctx)
{
    item_info *i = ctx;
    fd__copy_fixed(i->kind, sizeof i->kind, COLT(st, 0) ? COLT(st, 0) : "");
    i->retired = sqlite3_column_int(st, 1);
    return FD_OK;
}

/* R-FEE-8 */
fd_status fd_store_fee_item_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_fee_item *item)
{
    static const char fn[] = "fd_store_fee_item_add";
    fd_status rc = record_prologue(fn, out_id, store, actor, &fd__record_fee_item, item, "item", true);
    if (rc == FD_OK)
        rc = code_check(fn, "item.kind", "kind", item->kind, false);
    if (rc == FD_OK)
        rc = code_check(fn, "item.rounding", "rounding", item->rounding, true);
    if (rc)
        return rc;
    fd_fee_item r = *item;
    r.retired = 0; /* set by the store */
    r.custody = item->custody != 0;
    char detail[200];
    snprintf(detail, sizeof detail, "%s %s (%s)", r.code, r.name, r.kind);
    return insert_journaled(out_id, store, fn, &fd__record_fee_item, &r, actor, "fee_item", detail);
}

fd_status fd_store_fee_item_retire(fd_store *store, const fd_actor *actor, int64_t item_id)
{
    static const char fn[] = "fd_store_fee_item_retire";
    fd_status rc = prologue(fn, NULL, NULL, store, NULL, NULL, actor, true);
    item_info it;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_ITEM_AT_SITE, item_id, actor->site_id, "item_id", "fee item", item_read,
                            &it);
    if (rc)
        return rc;
    if (it.retired)
        return fd__error(FD_ESTATE, "%s: item_id: fee item %lld is retired already", fn, (long long)item_id);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, "UPDATE fee_items SET retired = 1 WHERE id = ?1 AND retired = 0");
    int changes = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, item_id);
        rc = fd__stmt_done(store, fn, st, "retiring the fee item", &changes);
    }
    if (rc == FD_OK && changes != 1)
        rc = fd__error(FD_ESTATE, "%s: item_id: fee item %lld was retired meanwhile", fn, (long long)item_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "fee_item", item_id, "retire", "");
    return fd__store_write_end(store, fn, sp, rc);
}

/* R-FEE-8: a price from a day on. */
fd_status fd_store_fee_rate_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_fee_rate *rate)
{
    static const char fn[] = "fd_store_fee_rate_add";
    fd_status rc = record_prologue(fn, out_id, store, actor, &fd__record_fee_rate, rate, "rate", true);
    item_info it;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_ITEM_AT_SITE, rate->item_id, actor->site_id, "rate.item_id", "fee item",
                            item_read, &it);
    if (rc)
        return rc;
    if (it.retired)
        return fd__error(FD_ESTATE, "%s: rate.item_id: fee item %lld is retired", fn, (long long)rate->item_id);
    bool recurring = strcmp(it.kind, "area") == 0 || strcmp(it.kind, "fixed") == 0 || strcmp(it.kind, "metered") == 0;
    if (rate->price_e4 < 0 || (recurring && rate->price_e4 == 0))
        return fd__error(FD_ERANGE, "%s: rate.price_e4: %lld is not %s (1/10000 yuan)", fn, (long long)rate->price_e4,
                         recurring ? "positive for a recurring item" : ">= 0");
    char day[DAY_MAX], detail[120];
    date_text(day, rate->effective_from);
    snprintf(detail, sizeof detail, "item %lld from %s: %lld e-4 yuan", (long long)rate->item_id, day,
             (long long)rate->price_e4);
    return insert_journaled(out_id, store, fn, &fd__record_fee_rate, rate, actor, "fee_rate", detail);
}

/* --- custody and readings --------------------------------------------------------- */

static const char SQL_UNIT_AT_SITE[] = "SELECT 1 FROM units WHERE id = ?1 AND site_id = ?2";

/* The checks of adding record @rec (of @r, named @name) of a unit: the record, the actor, its unit at the site. */
static fd_status unit_record_prologue(const char *fn, int64_t *out_id, fd_store *store, const fd_actor *actor,
                                      const fd__record *r, const void *rec, const char *name, const char *unit_field,
                                      int64_t unit_id)
{
    fd_status rc = record_prologue(fn, out_id, store, actor, r, rec, name, false);
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_UNIT_AT_SITE, unit_id, actor->site_id, unit_field, "unit");
    if (rc == FD_OK && unit_id == 0)
        rc = fd__error(FD_EINVAL, "%s: %s: required", fn, unit_field);
    return rc;
}

/* R-FEE-7 */
fd_status fd_store_unit_custody_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                    const fd_unit_custody *custody)
{
    static const char fn[] = "fd_store_unit_custody_add";
    fd_status rc = unit_record_prologue(fn, out_id, store, actor, &fd__record_unit_custody, custody, "custody",
                                        "custody.unit_id", custody ? custody->unit_id : 0);
    if (rc)
        return rc;
    bool open = custody->to_date.year == 0;
    if (!open && day_number(custody->to_date) <= day_number(custody->from_date))
        return fd__error(FD_EINVAL, "%s: custody.to_date: not after from_date", fn);
    char from[DAY_MAX], to[DAY_MAX] = "9999-12-31";
    date_text(from, custody->from_date);
    if (!open)
        date_text(to, custody->to_date);
    sqlite3_stmt *st = fd__store_stmt(store, fn,
                                      "SELECT id, from_date FROM unit_custodies WHERE unit_id = ?1 AND from_date < ?3 "
                                      "AND (to_date IS NULL OR to_date > ?2) LIMIT 1");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, custody->unit_id);
    sqlite3_bind_text(st, 2, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_TRANSIENT);
    int src = sqlite3_step(st);
    char other[DAY_MAX] = "";
    int64_t other_id = 0;
    if (src == SQLITE_ROW) {
        other_id = sqlite3_column_int64(st, 0);
        fd__copy_fixed(other, sizeof other, COLT(st, 1) ? COLT(st, 1) : "");
    }
    sqlite3_reset(st);
    if (src == SQLITE_ROW)
        return fd__error(FD_ECONFLICT, "%s: custody.from_date: overlaps custody %lld of the unit (from %s)", fn,
                         (long long)other_id, other);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(store, fn, src, "reading the unit's custody");
    char detail[80];
    snprintf(detail, sizeof detail, "unit %lld from %s%s%s", (long long)custody->unit_id, from, open ? "" : " to ",
             open ? "" : to);
    return insert_journaled(out_id, store, fn, &fd__record_unit_custody, custody, actor, "unit_custody", detail);
}

typedef struct custody_info {
    fd_date from;
    bool ended;
} custody_info;

static fd_status custody_read(sqlite3_stmt *st, void *ctx)
{
    custody_info *c = ctx;
    c->ended = sqlite3_column_type(st, 1) != SQLITE_NULL;
    if (!date_read(&c->from, COLT(st, 0)))
        return fd__error(FD_EDATA, "fd_store_unit_custody_end: custody_id: the stored from_date is not a date");
    return FD_OK;
}

fd_status fd_store_unit_custody_end(fd_store *store, const fd_actor *actor, int64_t custody_id, fd_date to_date)
{
    static const char fn[] = "fd_store_unit_custody_end";
    fd_status rc = prologue(fn, NULL, NULL, store, NULL, NULL, actor, false);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "to_date", to_date);
    custody_info c;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, "SELECT from_date, to_date FROM unit_custodies WHERE id = ?1 AND site_id = ?2",
                            custody_id, actor->site_id, "custody_id", "custody", custody_read, &c);
    if (rc)
        return rc;
    if (c.ended)
        return fd__error(FD_ESTATE, "%s: custody_id: custody %lld has ended already", fn, (long long)custody_id);
    if (day_number(to_date) <= day_number(c.from))
        return fd__error(FD_EINVAL, "%s: to_date: not after the custody's from_date", fn);
    char to[DAY_MAX];
    date_text(to, to_date);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st =
        fd__store_stmt(store, fn, "UPDATE unit_custodies SET to_date = ?2 WHERE id = ?1 AND to_date IS NULL");
    int changes = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, custody_id);
        sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
        rc = fd__stmt_done(store, fn, st, "ending the custody", &changes);
    }
    if (rc == FD_OK && changes != 1)
        rc = fd__error(FD_ESTATE, "%s: custody_id: custody %lld was ended meanwhile", fn, (long long)custody_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "unit_custody", custody_id, "end", to);
    return fd__store_write_end(store, fn, sp, rc);
}

/* The reading of @unit/@item nearest before (@after false) or after (@after true) day @day: -1 for none. */
static fd_status reading_near(int64_t *out, char when[DAY_MAX], fd_store *s, const char *fn, int64_t unit, int64_t item,
                              const char *day, bool after)
{
    sqlite3_stmt *st =
        fd__store_stmt(s, fn,
                       after ? "SELECT reading_e2, read_on FROM meter_readings WHERE unit_id = ?1 AND item_id = ?2 "
                               "AND read_on > ?3 ORDER BY read_on LIMIT 1"
                             : "SELECT reading_e2, read_on FROM meter_readings WHERE unit_id = ?1 AND item_id = ?2 "
                               "AND read_on < ?3 ORDER BY read_on DESC LIMIT 1");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int64(st, 2, item);
    sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
    int src = sqlite3_step(st);
    *out = -1;
    if (src == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        fd__copy_fixed(when, DAY_MAX, COLT(st, 1) ? COLT(st, 1) : "");
    }
    sqlite3_reset(st);
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "reading the meter");
}

/* R-FEE-8: readings only go up. */
fd_status fd_store_meter_reading_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                     const fd_meter_reading *reading)
{
    static const char fn[] = "fd_store_meter_reading_add";
    fd_status rc = unit_record_prologue(fn, out_id, store, actor, &fd__record_meter_reading, reading, "reading",
                                        "reading.unit_id", reading ? reading->unit_id : 0);
    item_info it;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_ITEM_AT_SITE, reading->item_id, actor->site_id, "reading.item_id",
                            "fee item", item_read, &it);
    if (rc)
        return rc;
    if (strcmp(it.kind, "metered") != 0)
        return fd__error(FD_EINVAL, "%s: reading.item_id: fee item %lld is %s, not metered", fn,
                         (long long)reading->item_id, it.kind);
    if (reading->reading_e2 < 0)
        return fd__error(FD_ERANGE, "%s: reading.reading_e2: %lld is negative", fn, (long long)reading->reading_e2);
    char day[DAY_MAX], when[DAY_MAX] = "";
    date_text(day, reading->read_on);
    int64_t near;
    if ((rc = reading_near(&near, when, store, fn, reading->unit_id, reading->item_id, day, false)) != FD_OK)
        return rc;
    if (near > reading->reading_e2)
        return fd__error(FD_ERANGE, "%s: reading.reading_e2: %lld is below the reading of %s (%lld)", fn,
                         (long long)reading->reading_e2, when, (long long)near);
    if ((rc = reading_near(&near, when, store, fn, reading->unit_id, reading->item_id, day, true)) != FD_OK)
        return rc;
    if (near >= 0 && near < reading->reading_e2)
        return fd__error(FD_ERANGE, "%s: reading.reading_e2: %lld is above the later reading of %s (%lld)", fn,
                         (long long)reading->reading_e2, when, (long long)near);
    char detail[120];
    snprintf(detail, sizeof detail, "unit %lld item %lld on %s: %lld", (long long)reading->unit_id,
             (long long)reading->item_id, day, (long long)reading->reading_e2);
    return insert_journaled(out_id, store, fn, &fd__record_meter_reading, reading, actor, "meter_reading", detail);
}

/* --- the bill run ----------------------------------------------------------------- */

static fd_status account_touch(fd_store *s, const char *fn, const fd_actor *a, int64_t unit);
static void bind_who(sqlite3_stmt *st, const fd_actor *a);

#define RUN_MONTHS_MAX 12 /* a year of months */

enum { K_AREA, K_FIXED, K_METERED };

typedef struct run_item {
    int64_t id;
    int kind;     /* K_* */
    int custody;  /* a custody item (R-FEE-7) */
    int rounding; /* fd_money_round */
    bool rounding_policy; /* chosen by fee.rounding, not the item */
} run_item;

typedef struct run_rate {
    int64_t id, price_e4; /* id 0: no rate in force */
} run_rate;

typedef struct run_line {
    const run_item *item;
    int month;
    run_rate rate;
    fd_fee_line_input in;
    int64_t amount, residue_e4;
    char policy[200];
} run_line;

/* What a run keeps for all its units: allocated once per run, never per unit. */
typedef struct bill_run {
    fd_store *s;
    const fd_actor *actor;
    const char *period;
    int months;
    char ms[RUN_MONTHS_MAX][DAY_MAX], me[RUN_MONTHS_MAX][DAY_MAX];
    fd_date msd[RUN_MONTHS_MAX], med[RUN_MONTHS_MAX];
    char start[DAY_MAX], end[DAY_MAX], due[DAY_MAX], limitation[DAY_MAX];
    int64_t custody_pct, proration;
    bool any_custody;
    run_item *items;
    size_t n_items;
    run_rate *rates; /* [month * n_items + item] */
    run_line *lines; /* room for months × items */
    fd_bill_run *out;
} bill_run;

static const char *const PRORATION[] = { "days", "month", "none" };

/* R-FEE-6: a new bill's limitation_on, from its due day with no demand yet (fd_fee_limitation_end, Civil Code
 * art. 188, 201-203), on the site's calendar, as text. */
static fd_status limitation_text(char out[DAY_MAX], fd_store *s, const char *fn, int64_t site, const fd_policy *p,
                                 fd_date due)
{
    const fd_calendar *cal;
    fd_date end;
    fd_status rc = fd__store_calendar(&cal, s, fn, site, p);
    if (rc == FD_OK)
        rc = fd_fee_limitation_end(&end, due, (fd_date){ 0, 0, 0 }, cal);
    if (rc == FD_OK)
        date_text(out, end);
    return rc;
}

static fd_status run_load_items(bill_run *r, const char *fn, const fd_policy *policy)
{
    sqlite3_stmt *st = fd__store_stmt(r->s, fn,
                                      "SELECT id, kind, custody, rounding FROM fee_items WHERE site_id = ?1 AND "
                                      "retired = 0 AND kind IN ('area', 'fixed', 'metered') ORDER BY id");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, r->actor->site_id);
    size_t cap = 0;
    int src;
    fd_status rc = FD_OK;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        if (r->n_items == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            run_item *n = realloc(r->items, ncap * sizeof *n);
            if (n == NULL) {
                rc = fd__oom(fn);
                break;
            }
            r->items = n;
            cap = ncap;
        }
        run_item *it = &r->items[r->n_items];
        it->id = sqlite3_column_int64(st, 0);
        const char *kind = COLT(st, 1), *rounding = COLT(st, 3);
        it->kind = kind && strcmp(kind, "area") == 0 ? K_AREA : kind && strcmp(kind, "fixed") == 0 ? K_FIXED : K_METERED;
        it->custody = sqlite3_column_int(st, 2) != 0;
        it->rounding_policy = rounding == NULL || rounding[0] == '\0' || fd_fee_rounding_mode(&it->rounding, rounding);
        if (it->rounding_policy)
            it->rounding = (int)fd__policy_value(policy, FD__POL_FEE_ROUNDING);
        r->any_custody |= it->custody != 0;
        r->n_items++;
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(r->s, fn, src, "reading the fee items");
    sqlite3_reset(st);
    fd_error_clear();
    if (rc)
        return rc;
    size_t n = r->n_items ? r->n_items : 1;
    r->rates = calloc((size_t)r->months * n, sizeof *r->rates);
    r->lines = calloc((size_t)r->months * n, sizeof *r->lines);
    if (r->rates == NULL || r->lines == NULL)
        return fd__oom(fn);
    /* The rate in force on each month's first day (a change mid-month applies from the next month). */
    st = fd__store_stmt(r->s, fn,
                        "SELECT id, price_e4 FROM fee_rates WHERE item_id = ?1 AND effective_from <= ?2 "
                        "ORDER BY effective_from DESC LIMIT 1");
    if (st == NULL)
        return fd_error_last()->code;
    for (int m = 0; m < r->months; m++)
        for (size_t i = 0; i < r->n_items; i++) {
            sqlite3_bind_int64(st, 1, r->items[i].id);
            sqlite3_bind_text(st, 2, r->ms[m], -1, SQLITE_STATIC);
            src = sqlite3_step(st);
            if (src == SQLITE_ROW) {
                r->rates[m * r->n_items + i].id = sqlite3_column_int64(st, 0);
                r->rates[m * r->n_items + i].price_e4 = sqlite3_column_int64(st, 1);
            }
            sqlite3_reset(st);
            if (src != SQLITE_ROW && src != SQLITE_DONE)
                return fd__store_sqlerr(r->s, fn, src, "reading the fee rates");
        }
    return FD_OK;
}

/* Days of month @m the unit is under custody (R-FEE-7). */
static fd_status run_custody_days(int64_t *out, bill_run *r, const char *fn, int64_t unit, int m)
{
    *out = 0;
    sqlite3_stmt *st = fd__store_stmt(r->s, fn,
                                      "SELECT from_date, to_date FROM unit_custodies WHERE unit_id = ?1 AND "
                                      "from_date < ?3 AND (to_date IS NULL OR to_date > ?2)");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_text(st, 2, r->ms[m], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, r->me[m], -1, SQLITE_STATIC);
    int src;
    fd_status rc = FD_OK;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        fd_date from, to = { 0, 0, 0 };
        if (!date_read(&from, COLT(st, 0)) || (sqlite3_column_type(st, 1) != SQLITE_NULL && !date_read(&to, COLT(st, 1)))) {
            rc = fd__error(FD_EDATA, "%s: unit %lld: a stored custody date is not a date", fn, (long long)unit);
            break;
        }
        int64_t days, month_days;
        if ((rc = fd_fee_days_in(&days, &month_days, r->msd[m], r->med[m], from, to)) != FD_OK)
            break;
        *out += days;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(r->s, fn, src, "reading the unit's custody");
    return rc;
}

/* A charge of (unit, item, month) billed before: the UNIQUE index's key. */
static fd_status run_line_exists(bool *out, bill_run *r, const char *fn, int64_t unit, int64_t item, int m)
{
    sqlite3_stmt *st = fd__store_stmt(r->s, fn,
                                      "SELECT 1 FROM bill_lines WHERE unit_id = ?1 AND item_id = ?2 AND month_start = ?3 "
                                      "AND kind = 'charge'");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int64(st, 2, item);
    sqlite3_bind_text(st, 3, r->ms[m], -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    *out = src == SQLITE_ROW;
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(r->s, fn, src, "reading the bill lines");
}

/* A month's consumption of a metered item: its last reading in the month minus the last before it; -1 for none. */
static fd_status run_consumption(int64_t *out, bill_run *r, const char *fn, int64_t unit, int64_t item, int m)
{
    sqlite3_stmt *st = fd__store_stmt(
        r->s, fn,
        "SELECT (SELECT reading_e2 FROM meter_readings WHERE unit_id = ?1 AND item_id = ?2 AND read_on >= ?3 AND "
        "read_on < ?4 ORDER BY read_on DESC LIMIT 1), (SELECT reading_e2 FROM meter_readings WHERE unit_id = ?1 AND "
        "item_id = ?2 AND read_on < ?3 ORDER BY read_on DESC LIMIT 1)");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int64(st, 2, item);
    sqlite3_bind_text(st, 3, r->ms[m], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, r->me[m], -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    *out = -1;
    if (src == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL && sqlite3_column_type(st, 1) != SQLITE_NULL)
        *out = sqlite3_column_int64(st, 0) - sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(r->s, fn, src, "reading the meter");
}

/* The line of @item for month @m of a unit with area @area and @cdays custody days; *keep false = none. */
static fd_status run_line_make(run_line *l, bool *keep, bill_run *r, const char *fn, int64_t unit, int64_t area,
                               const run_item *it, int m, int64_t cdays)
{
    *keep = false;
    run_rate rate = r->rates[(size_t)m * r->n_items + (size_t)(it - r->items)];
    if (rate.id == 0) {
        r->out->no_rate++;
        return FD_OK;
    }
    int64_t qty = 100;
    if (it->kind == K_AREA) {
        if (area <= 0)
            return FD_OK; /* counted once per unit by the caller */
        qty = area;
    } else if (it->kind == K_METERED) {
        fd_status rc = run_consumption(&qty, r, fn, unit, it->id, m);
        if (rc)
            return rc;
        if (qty < 0) {
            r->out->no_reading++;
            return FD_OK;
        }
    }
    fd_fee_line_input in = FD_FEE_LINE_INPUT_INIT;
    in.qty_e2 = qty;
    in.price_e4 = rate.price_e4;
    in.rounding = it->rounding;
    int64_t mdays = day_number(r->med[m]) - day_number(r->msd[m]);
    int n = 0;
    l->policy[0] = '\0';
    if (it->rounding_policy)
        n = snprintf(l->policy, sizeof l->policy, "fee.rounding=%s", fd_fee_rounding_code(it->rounding));
    if (it->custody && cdays > 0) {
        /* R-FEE-7 with fee.proration for a month partly under custody: one line, one rounding. */
        bool whole = cdays >= mdays || r->proration == 1;
        bool none = cdays < mdays && r->proration == 2;
        if (!none && r->custody_pct == 0) {
            if (whole)
                return FD_OK; /* a custody share of 0 %: nothing to bill */
            in.days = mdays - cdays, in.month_days = mdays;
        } else if (!none && whole) {
            in.custody_pct = r->custody_pct;
        } else if (!none) {
            in.custody_pct = r->custody_pct, in.custody_days = cdays, in.month_days = mdays;
        }
        n += snprintf(l->policy + n, sizeof l->policy - (size_t)n, "%sfee.custody_rate_pct=%lld", n ? "; " : "",
                      (long long)r->custody_pct);
        if (cdays < mdays)
            snprintf(l->policy + n, sizeof l->policy - (size_t)n, "; fee.proration=%s: %lld of %lld days under custody",
                     PRORATION[r->proration], (long long)cdays, (long long)mdays);
    }
    fd_status rc = fd_fee_line_amount(&l->amount, &l->residue_e4, &in);
    if (rc)
        return fd__error(rc, "%s: unit %lld, item %lld, %s: %s", fn, (long long)unit, (long long)it->id, r->ms[m],
                         fd_error_last()->message);
    l->item = it;
    l->month = m;
    l->rate = rate;
    l->in = in;
    *keep = true;
    return FD_OK;
}

/* The existing bill of the unit for this period: 0 for none. */
static fd_status run_bill_find(int64_t *out, bill_run *r, const char *fn, int64_t unit)
{
    sqlite3_stmt *st = fd__store_stmt(r->s, fn,
                                      "SELECT id FROM bills WHERE unit_id = ?1 AND period = ?2 AND period_start = ?3 "
                                      "ORDER BY id LIMIT 1");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_text(st, 2, r->period, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, r->start, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    *out = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(r->s, fn, src, "reading the bills");
}

static void bind_who(sqlite3_stmt *st, const fd_actor *a)
{
    sqlite3_bind_int64(st, 1, a->site_id);
    if (a->staff_id)
        sqlite3_bind_int64(st, 2, a->staff_id);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_int64(st, 3, a->at);
}

/* Writes the unit's @n lines: to its bill of the period (made when missing), with the account's revision raised. */
static fd_status run_write(bill_run *r, const char *fn, int64_t unit, size_t n)
{
    int64_t total = 0, bill = 0;
    for (size_t i = 0; i < n; i++)
        if (__builtin_add_overflow(total, r->lines[i].amount, &total))
            return fd__error(FD_ERANGE, "%s: unit %lld: the bill's amount is beyond int64 fen", fn, (long long)unit);
    fd_status rc = run_bill_find(&bill, r, fn, unit);
    if (rc)
        return rc;
    sqlite3_stmt *st;
    if (bill == 0) {
        st = fd__store_stmt(r->s, fn,
                            "INSERT INTO bills (site_id, staff_id, created_at, unit_id, period, period_start, "
                            "period_end, due_on, amount, paid, adjusted, state, limitation_on) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 0, 'open', ?10)");
        if (st == NULL)
            return fd_error_last()->code;
        bind_who(st, r->actor);
        sqlite3_bind_int64(st, 4, unit);
        sqlite3_bind_text(st, 5, r->period, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, r->start, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, r->end, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, r->due, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 9, total);
        sqlite3_bind_text(st, 10, r->limitation, -1, SQLITE_STATIC);
        if ((rc = fd__stmt_done(r->s, fn, st, "writing the bill", NULL)) != FD_OK)
            return rc;
        bill = sqlite3_last_insert_rowid(r->s->db);
        r->out->bills++;
    } else {
        st = fd__store_stmt(r->s, fn,
                            "UPDATE bills SET amount = amount + ?2, state = CASE WHEN paid >= amount + ?2 + adjusted "
                            "THEN 'paid' WHEN paid = 0 THEN 'open' ELSE 'partial' END WHERE id = ?1");
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, bill);
        sqlite3_bind_int64(st, 2, total);
        if ((rc = fd__stmt_done(r->s, fn, st, "adding to the bill", NULL)) != FD_OK)
            return rc;
        r->out->bills_extended++;
    }
    st = fd__store_stmt(r->s, fn,
                        "INSERT INTO bill_lines (site_id, staff_id, created_at, bill_id, unit_id, item_id, rate_id, "
                        "kind, month_start, qty_e2, price_e4, days, month_days, custody_pct, custody_days, rounding, "
                        "amount, residue_e4, paid, policy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'charge', ?8, ?9, ?10, "
                        "?11, ?12, ?13, ?14, ?15, ?16, ?17, 0, ?18)");
    if (st == NULL)
        return fd_error_last()->code;
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        const run_line *l = &r->lines[i];
        bind_who(st, r->actor);
        sqlite3_bind_int64(st, 4, bill);
        sqlite3_bind_int64(st, 5, unit);
        sqlite3_bind_int64(st, 6, l->item->id);
        sqlite3_bind_int64(st, 7, l->rate.id);
        sqlite3_bind_text(st, 8, r->ms[l->month], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 9, l->in.qty_e2);
        sqlite3_bind_int64(st, 10, l->in.price_e4);
        sqlite3_bind_int64(st, 11, l->in.days);
        sqlite3_bind_int64(st, 12, l->in.month_days);
        sqlite3_bind_int64(st, 13, l->in.custody_pct);
        sqlite3_bind_int64(st, 14, l->in.custody_days);
        sqlite3_bind_text(st, 15, fd_fee_rounding_code(l->in.rounding), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 16, l->amount);
        sqlite3_bind_int64(st, 17, l->residue_e4);
        if (l->policy[0])
            sqlite3_bind_text(st, 18, l->policy, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, 18);
        rc = fd__stmt_done(r->s, fn, st, "writing a bill line", NULL);
    }
    if (rc)
        return rc;
    if ((rc = account_touch(r->s, fn, r->actor, unit)) != FD_OK)
        return rc;
    r->out->lines += (int64_t)n;
    r->out->amount += total; /* cannot overflow before a bill's own sum does at this scale: checked per unit */
    return FD_OK;
}

static fd_status run_unit(bill_run *r, const char *fn, int64_t unit, int64_t area)
{
    r->out->units++;
    bool area_missing = false;
    size_t n = 0;
    fd_status rc = FD_OK;
    for (int m = 0; m < r->months && rc == FD_OK; m++) {
        int64_t cdays = 0;
        if (r->any_custody && (rc = run_custody_days(&cdays, r, fn, unit, m)) != FD_OK)
            break;
        for (size_t i = 0; i < r->n_items && rc == FD_OK; i++) {
            const run_item *it = &r->items[i];
            if (it->kind == K_AREA && area <= 0) {
                area_missing = true;
                continue;
            }
            bool exists = false;
            if ((rc = run_line_exists(&exists, r, fn, unit, it->id, m)) != FD_OK)
                break;
            if (exists) {
                r->out->lines_existing++;
                continue;
            }
            bool keep;
            if ((rc = run_line_make(&r->lines[n], &keep, r, fn, unit, area, it, m, cdays)) == FD_OK && keep)
                n++;
        }
    }
    if (rc == FD_OK && area_missing)
        r->out->no_area++;
    if (rc == FD_OK && n > 0)
        rc = run_write(r, fn, unit, n);
    return rc;
}

static fd_status run_units(bill_run *r, const char *fn, const int64_t *unit_ids, size_t count)
{
    fd_status rc = FD_OK;
    int src;
    if (count == 0) {
        sqlite3_stmt *st = fd__store_stmt(r->s, fn, "SELECT id, area_m2x100 FROM units WHERE site_id = ?1 ORDER BY id");
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, r->actor->site_id);
        while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW)
            rc = run_unit(r, fn, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
        if (rc == FD_OK && src != SQLITE_DONE)
            rc = fd__store_sqlerr(r->s, fn, src, "reading the units");
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_stmt *st = fd__store_stmt(r->s, fn, "SELECT area_m2x100 FROM units WHERE id = ?1 AND site_id = ?2");
    if (st == NULL)
        return fd_error_last()->code;
    for (size_t i = 0; i < count && rc == FD_OK; i++) {
        sqlite3_bind_int64(st, 1, unit_ids[i]);
        sqlite3_bind_int64(st, 2, r->actor->site_id);
        src = sqlite3_step(st);
        int64_t area = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            return fd__error(FD_ENOTFOUND, "%s: unit_ids[%zu]: no unit %lld at the actor's site", fn, i,
                             (long long)unit_ids[i]);
        if (src != SQLITE_ROW)
            return fd__store_sqlerr(r->s, fn, src, "reading the unit");
        for (size_t j = 0; j < i; j++)
            if (unit_ids[j] == unit_ids[i])
                return fd__error(FD_EINVAL, "%s: unit_ids[%zu]: unit %lld is listed twice", fn, i,
                                 (long long)unit_ids[i]);
        rc = run_unit(r, fn, unit_ids[i], area);
    }
    return rc;
}

/* R-FEE-2: one bill per unit and period, one charge per item and month, idempotent. */
fd_status fd_store_bill_generate(fd_bill_run *out, fd_store *store, const fd_actor *actor, fd_date period_start,
                                 const char *period, const int64_t *unit_ids, size_t count)
{
    static const char fn[] = "fd_store_bill_generate";
    fd_status rc = prologue(fn, "out", out, store, NULL, NULL, actor, false);
    if (rc == FD_OK && count > 0)
        rc = fd__check_ptr(fn, "unit_ids", unit_ids);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "period_start", period_start);
    if (rc)
        return rc;
    if (period == NULL || strcmp(period, "once") == 0 || fd_fee_code_label("period", period) == NULL)
        return fd__error(FD_EINVAL, "%s: period: \"%s\" is not month, quarter or year", fn, period ? period : "");
    if (out->version != FD_BILL_RUN_VERSION)
        return fd__error(FD_EINVAL, "%s: out.version: %u is not %u", fn, out->version, (unsigned)FD_BILL_RUN_VERSION);
    bill_run r;
    memset(&r, 0, sizeof r);
    r.s = store;
    r.actor = actor;
    r.period = period;
    fd_bill_run counts = FD_BILL_RUN_INIT;
    r.out = &counts;
    fd_date end;
    if ((rc = fd_fee_period_end(&end, period_start, period)) != FD_OK)
        return fd__error(rc, "%s: period_start: %s", fn, fd_error_last()->message);
    /* The months of the period, chained: [start, end of a month from it), [that, ...), the last ending at the
     * period's end (from the 1st, the calendar months). */
    for (fd_date m0 = period_start; r.months < RUN_MONTHS_MAX && day_number(m0) < day_number(end); r.months++) {
        fd_date m1;
        if ((rc = fd_fee_period_end(&m1, m0, "month")) != FD_OK)
            return rc;
        if (day_number(m1) > day_number(end))
            m1 = end;
        r.msd[r.months] = m0;
        r.med[r.months] = m1;
        date_text(r.ms[r.months], m0);
        date_text(r.me[r.months], m1);
        m0 = m1;
    }
    const fd_policy *policy;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    r.custody_pct = fd__policy_value(policy, FD__POL_FEE_CUSTODY_RATE_PCT);
    r.proration = fd__policy_value(policy, FD__POL_FEE_PRORATION);
    fd_date due;
    if ((rc = fd_fee_due_on(&due, period_start, end, policy)) != FD_OK)
        return rc;
    date_text(r.start, period_start);
    date_text(r.end, end);
    date_text(r.due, due);
    bool sp = false;
    rc = limitation_text(r.limitation, store, fn, actor->site_id, policy, due);
    if (rc == FD_OK)
        rc = run_load_items(&r, fn, policy);
    if (rc == FD_OK)
        rc = fd__store_write_begin(store, fn, &sp);
    if (rc == FD_OK) {
        rc = run_units(&r, fn, unit_ids, count);
        if (rc == FD_OK) {
            char detail[240];
            snprintf(detail, sizeof detail,
                     "%s %s: %lld units, %lld bills (+%lld extended), %lld lines, %lld fen; %lld billed before, "
                     "%lld without area, %lld without rate, %lld without reading",
                     period, r.start, (long long)counts.units, (long long)counts.bills,
                     (long long)counts.bills_extended, (long long)counts.lines, (long long)counts.amount,
                     (long long)counts.lines_existing, (long long)counts.no_area, (long long)counts.no_rate,
                     (long long)counts.no_reading);
            rc = fd__journal(store, fn, actor, actor->site_id, "bill_run", 0, "generate", detail);
        }
        rc = fd__store_write_end(store, fn, sp, rc);
    }
    free(r.items);
    free(r.rates);
    free(r.lines);
    if (rc == FD_OK)
        *out = counts;
    return rc;
}

/* --- one-off charges, discounts, late fees, adjustments ------------------------------------- */

/* A bill's state from what it owes and what was paid (R-FEE-2): one expression for every writer here. */
#define BILL_STATE_SQL                                                                                               \
    "state = CASE WHEN paid >= amount + adjusted THEN 'paid' WHEN paid = 0 THEN 'open' ELSE 'partial' END"

/* R-FEE-1: a change to a unit's bills raises its account's revision (the account opens with the first). */
static fd_status account_touch(fd_store *s, const char *fn, const fd_actor *a, int64_t unit)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn,
                                      "INSERT INTO unit_accounts (site_id, staff_id, created_at, unit_id, balance, rev) "
                                      "VALUES (?1, ?2, ?3, ?4, 0, 1) ON CONFLICT (unit_id) DO UPDATE SET rev = rev + 1");
    if (st == NULL)
        return fd_error_last()->code;
    bind_who(st, a);
    sqlite3_bind_int64(st, 4, unit);
    return fd__stmt_done(s, fn, st, "raising the unit account's revision", NULL);
}

/* Adds @delta fen to bill @bill's amount (or its adjusted sum when @adjusted) and sets its state. */
static fd_status bill_add(fd_store *s, const char *fn, int64_t bill, int64_t delta, bool adjusted)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn,
                                      adjusted ? "UPDATE bills SET adjusted = adjusted + ?2 WHERE id = ?1"
                                               : "UPDATE bills SET amount = amount + ?2 WHERE id = ?1");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, bill);
    sqlite3_bind_int64(st, 2, delta);
    fd_status rc = fd__stmt_done(s, fn, st, "changing the bill", NULL);
    if (rc)
        return rc;
    st = fd__store_stmt(s, fn, "UPDATE bills SET " BILL_STATE_SQL " WHERE id = ?1");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, bill);
    return fd__stmt_done(s, fn, st, "setting the bill's state", NULL);
}

/* One line that is not a recurring charge (month_start unset): a one-off charge, a discount, a late fee. */
typedef struct loose_line {
    int64_t bill, unit, item, rate, qty_e2, price_e4, amount, residue_e4;
    const char *kind, *rounding, *policy;
} loose_line;

static fd_status loose_line_insert(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *a,
                                   const loose_line *l)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn,
                                      "INSERT INTO bill_lines (site_id, staff_id, created_at, bill_id, unit_id, item_id, "
                                      "rate_id, kind, qty_e2, price_e4, rounding, amount, residue_e4, paid, policy) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14)");
    if (st == NULL)
        return fd_error_last()->code;
    bind_who(st, a);
    sqlite3_bind_int64(st, 4, l->bill);
    sqlite3_bind_int64(st, 5, l->unit);
    sqlite3_bind_int64(st, 6, l->item);
    if (l->rate)
        sqlite3_bind_int64(st, 7, l->rate);
    else
        sqlite3_bind_null(st, 7);
    sqlite3_bind_text(st, 8, l->kind, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 9, l->qty_e2);
    sqlite3_bind_int64(st, 10, l->price_e4);
    sqlite3_bind_text(st, 11, l->rounding, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 12, l->amount);
    sqlite3_bind_int64(st, 13, l->residue_e4);
    if (l->policy && l->policy[0])
        sqlite3_bind_text(st, 14, l->policy, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 14);
    fd_status rc = fd__stmt_done(s, fn, st, "writing a bill line", NULL);
    if (rc == FD_OK)
        *out_id = sqlite3_last_insert_rowid(s->db);
    return rc;
}

/* The rounding of item @item (its own or fee.rounding) into *mode, with the policy text when the policy chose it. */
static fd_status item_rounding(int *mode, char policy[64], fd_store *s, const char *fn, int64_t item,
                               const fd_policy *p)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, "SELECT rounding FROM fee_items WHERE id = ?1");
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, item);
    int src = sqlite3_step(st);
    const char *r = src == SQLITE_ROW ? COLT(st, 0) : NULL;
    bool from_policy = r == NULL || r[0] == '\0' || fd_fee_rounding_mode(mode, r) != FD_OK;
    sqlite3_reset(st);
    fd_error_clear();
    policy[0] = '\0';
    if (from_policy) {
        *mode = (int)fd__policy_value(p, FD__POL_FEE_ROUNDING);
        snprintf(policy, 64, "fee.rounding=%s", fd_fee_rounding_code(*mode));
    }
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "reading the item");
}

/* R-FEE-8: a service at an agreed price, waste removal, an agency collection. */
fd_status fd_store_bill_charge(int64_t *out_bill_id, fd_store *store, const fd_actor *actor, int64_t unit_id,
                               int64_t item_id, fd_date on, int64_t qty_e2, int64_t price_e4)
{
    static const char fn[] = "fd_store_bill_charge";
    fd_status rc = prologue(fn, "out_bill_id", out_bill_id, store, NULL, NULL, actor, false);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "on", on);
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_UNIT_AT_SITE, unit_id, actor->site_id, "unit_id", "unit");
    item_info it;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_ITEM_AT_SITE, item_id, actor->site_id, "item_id", "fee item", item_read,
                            &it);
    if (rc)
        return rc;
    if (unit_id == 0)
        return fd__error(FD_EINVAL, "%s: unit_id: required", fn);
    if (it.retired)
        return fd__error(FD_ESTATE, "%s: item_id: fee item %lld is retired", fn, (long long)item_id);
    if (qty_e2 <= 0)
        return fd__error(FD_ERANGE, "%s: qty_e2: %lld is not positive", fn, (long long)qty_e2);
    if (price_e4 < 0)
        return fd__error(FD_ERANGE, "%s: price_e4: %lld is negative", fn, (long long)price_e4);
    char day[DAY_MAX], next[DAY_MAX];
    date_text(day, on);
    date_text(next, fd__civil_from_days(day_number(on) + 1));
    int64_t rate = 0;
    if (price_e4 == 0) {
        sqlite3_stmt *st = fd__store_stmt(store, fn,
                                          "SELECT id, price_e4 FROM fee_rates WHERE item_id = ?1 AND "
                                          "effective_from <= ?2 ORDER BY effective_from DESC LIMIT 1");
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, item_id);
        sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW)
            rate = sqlite3_column_int64(st, 0), price_e4 = sqlite3_column_int64(st, 1);
        sqlite3_reset(st);
        if (src != SQLITE_ROW && src != SQLITE_DONE)
            return fd__store_sqlerr(store, fn, src, "reading the rate");
        if (price_e4 == 0)
            return fd__error(FD_EINVAL, "%s: price_e4: 0 and the item has no rate above 0 in force on %s: give the "
                             "agreed price", fn, day);
    }
    const fd_policy *policy;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    char pol[64];
    fd_fee_line_input in = FD_FEE_LINE_INPUT_INIT;
    if ((rc = item_rounding(&in.rounding, pol, store, fn, item_id, policy)) != FD_OK)
        return rc;
    in.qty_e2 = qty_e2;
    in.price_e4 = price_e4;
    loose_line l = { 0, unit_id, item_id, rate, qty_e2, price_e4, 0, 0, "charge", fd_fee_rounding_code(in.rounding),
                     pol };
    if ((rc = fd_fee_line_amount(&l.amount, &l.residue_e4, &in)) != FD_OK)
        return fd__error(rc, "%s: %s", fn, fd_error_last()->message);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn,
                                      "INSERT INTO bills (site_id, staff_id, created_at, unit_id, period, period_start, "
                                      "period_end, due_on, amount, paid, adjusted, state, limitation_on) "
                                      "VALUES (?1, ?2, ?3, ?4, 'once', ?5, ?6, ?5, ?7, 0, 0, 'open', ?8)");
    char lim[DAY_MAX];
    if (rc == FD_OK)
        rc = limitation_text(lim, store, fn, actor->site_id, policy, on);
    if (rc) {
        /* nothing more */
    } else if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        bind_who(st, actor);
        sqlite3_bind_int64(st, 4, unit_id);
        sqlite3_bind_text(st, 5, day, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, next, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, l.amount);
        sqlite3_bind_text(st, 8, lim, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "writing the bill", NULL);
    }
    l.bill = rc == FD_OK ? sqlite3_last_insert_rowid(store->db) : 0;
    int64_t line;
    if (rc == FD_OK)
        rc = loose_line_insert(&line, store, fn, actor, &l);
    if (rc == FD_OK)
        rc = account_touch(store, fn, actor, unit_id);
    char detail[120];
    snprintf(detail, sizeof detail, "unit %lld item %lld on %s: %lld fen", (long long)unit_id, (long long)item_id,
             day, (long long)l.amount);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "bill", l.bill, "charge", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_bill_id = l.bill;
    return rc;
}

typedef struct bill_info {
    int64_t unit, amount, paid, adjusted;
    char state[17], due[DAY_MAX];
} bill_info;

static fd_status bill_read(sqlite3_stmt *st, void *ctx)
{
    bill_info *b = ctx;
    b->unit = sqlite3_column_int64(st, 0);
    b->amount = sqlite3_column_int64(st, 1);
    b->paid = sqlite3_column_int64(st, 2);
    b->adjusted = sqlite3_column_int64(st, 3);
    fd__copy_fixed(b->state, sizeof b->state, COLT(st, 4) ? COLT(st, 4) : "");
    fd__copy_fixed(b->due, sizeof b->due, COLT(st, 5) ? COLT(st, 5) : "");
    return FD_OK;
}

static const char SQL_BILL_AT_SITE[] =
    "SELECT unit_id, amount, paid, adjusted, state, due_on FROM bills WHERE id = ?1 AND site_id = ?2";

/* R-FEE-2: a discount line on a bill still owed. */
fd_status fd_store_bill_discount(int64_t *out_line_id, fd_store *store, const fd_actor *actor, int64_t bill_id,
                                 int64_t item_id, int64_t amount, const char *reason)
{
    static const char fn[] = "fd_store_bill_discount";
    fd_status rc = prologue(fn, "out_line_id", out_line_id, store, NULL, NULL, actor, true);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "reason", reason, 180, true);
    bill_info b;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_BILL_AT_SITE, bill_id, actor->site_id, "bill_id", "bill", bill_read, &b);
    item_info it;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_ITEM_AT_SITE, item_id, actor->site_id, "item_id", "fee item", item_read,
                            &it);
    if (rc)
        return rc;
    int64_t owed = b.amount + b.adjusted - b.paid;
    if (strcmp(b.state, "paid") == 0 || owed <= 0)
        return fd__error(FD_ESTATE, "%s: bill_id: bill %lld is paid", fn, (long long)bill_id);
    if (amount <= 0 || amount > owed)
        return fd__error(FD_ERANGE, "%s: amount: %lld fen is not between 1 and what the bill owes (%lld)", fn,
                         (long long)amount, (long long)owed);
    char pol[200];
    snprintf(pol, sizeof pol, "discount: %s", reason);
    loose_line l = { bill_id, b.unit, item_id, 0, 100, 0, -amount, 0, "discount", "half_up", pol };
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t line = 0;
    rc = loose_line_insert(&line, store, fn, actor, &l);
    if (rc == FD_OK)
        rc = bill_add(store, fn, bill_id, -amount, false);
    if (rc == FD_OK)
        rc = account_touch(store, fn, actor, b.unit);
    char detail[240];
    snprintf(detail, sizeof detail, "bill %lld: -%lld fen, %s", (long long)bill_id, (long long)amount, reason);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "bill_line", line, "discount", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_line_id = line;
    return rc;
}

/* R-FEE-2: late fees on the bills themselves, never compounding, idempotent per day. */
fd_status fd_store_late_fee_assess(fd_late_fee_run *out, fd_store *store, const fd_actor *actor, fd_date as_of)
{
    static const char fn[] = "fd_store_late_fee_assess";
    fd_status rc = prologue(fn, "out", out, store, NULL, NULL, actor, false);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "as_of", as_of);
    if (rc)
        return rc;
    if (out->version != FD_LATE_FEE_RUN_VERSION)
        return fd__error(FD_EINVAL, "%s: out.version: %u is not %u", fn, out->version,
                         (unsigned)FD_LATE_FEE_RUN_VERSION);
    const fd_policy *policy;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd_late_fee_run r = FD_LATE_FEE_RUN_INIT;
    if (fd__policy_value(policy, FD__POL_FEE_LATE_PER_DAY_E4) == 0) {
        *out = r;
        return FD_OK;
    }
    char day[DAY_MAX];
    date_text(day, as_of);
    int mode = (int)fd__policy_value(policy, FD__POL_FEE_ROUNDING);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    /* Per overdue bill: the principal its charges and discounts still owe, what late fees it holds, its first item. */
    sqlite3_stmt *st = fd__store_stmt(
        store, fn,
        "SELECT b.id, b.unit_id, b.due_on, "
        "(SELECT coalesce(sum(amount - paid), 0) FROM bill_lines WHERE bill_id = b.id AND kind <> 'late_fee'), "
        "(SELECT coalesce(sum(amount), 0) FROM bill_lines WHERE bill_id = b.id AND kind = 'late_fee'), "
        "(SELECT item_id FROM bill_lines WHERE bill_id = b.id AND kind = 'charge' ORDER BY id LIMIT 1) "
        "FROM bills b WHERE b.site_id = ?1 AND b.state <> 'paid' AND b.due_on < ?2 ORDER BY b.due_on, b.id");
    if (st == NULL)
        rc = fd_error_last()->code;
    else
        sqlite3_bind_int64(st, 1, actor->site_id), sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
    int src = SQLITE_DONE;
    fd_buf terms = FD_BUF_INIT;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t bill = sqlite3_column_int64(st, 0), unit = sqlite3_column_int64(st, 1);
        int64_t principal = sqlite3_column_int64(st, 3), charged = sqlite3_column_int64(st, 4);
        int64_t item = sqlite3_column_int64(st, 5);
        fd_date due;
        if (!date_read(&due, COLT(st, 2)) || item == 0)
            continue; /* no charge: nothing to charge a late fee on */
        int64_t fee;
        if ((rc = fd_fee_late_fee(&fee, principal, due, as_of, policy)) != FD_OK)
            break;
        if (principal > 0 && fee > 0)
            r.bills++;
        int64_t add = fee - charged;
        if (add <= 0)
            continue;
        if ((rc = fd_fee_late_fee_terms(&terms, due, as_of, policy)) != FD_OK)
            break;
        char pol[200];
        snprintf(pol, sizeof pol, "%s; principal %lld fen", terms.ptr, (long long)principal);
        loose_line l = { bill, unit, item, 0, 100, 0, add, 0, "late_fee", fd_fee_rounding_code(mode), pol };
        int64_t line;
        if ((rc = loose_line_insert(&line, store, fn, actor, &l)) == FD_OK &&
            (rc = bill_add(store, fn, bill, add, false)) == FD_OK)
            rc = account_touch(store, fn, actor, unit);
        r.lines++;
        r.amount += add;
    }
    if (st)
        sqlite3_reset(st);
    fd_buf_dispose(&terms);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(store, fn, src, "reading the overdue bills");
    if (rc == FD_OK) {
        char detail[160];
        snprintf(detail, sizeof detail, "as of %s: %lld bills overdue, %lld late fee lines, %lld fen", day,
                 (long long)r.bills, (long long)r.lines, (long long)r.amount);
        rc = fd__journal(store, fn, actor, actor->site_id, "late_fee_run", 0, "assess", detail);
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out = r;
    return rc;
}

/* R-FEE-9: a correction dated the first day not closed. */
fd_status fd_store_adjustment_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                  const fd_adjustment *adjustment)
{
    static const char fn[] = "fd_store_adjustment_add";
    fd_status rc = record_prologue(fn, out_id, store, actor, &fd__record_adjustment, adjustment, "adjustment", true);
    bill_info b;
    if (rc == FD_OK)
        rc = fd__store_load(store, fn, SQL_BILL_AT_SITE, adjustment->bill_id, actor->site_id, "adjustment.bill_id",
                            "bill", bill_read, &b);
    if (rc)
        return rc;
    if (adjustment->amount == 0)
        return fd__error(FD_ERANGE, "%s: adjustment.amount: 0 corrects nothing", fn);
    /* the payments' ceiling both ways: a correction is never larger than a payment may be */
    if (adjustment->amount > FD_FEE_PAYMENT_MAX || adjustment->amount < -FD_FEE_PAYMENT_MAX)
        return fd__error(FD_ERANGE, "%s: adjustment.amount: beyond ±%lld fen (FD_FEE_PAYMENT_MAX)", fn,
                         (long long)FD_FEE_PAYMENT_MAX);
    int64_t owed;
    if (__builtin_add_overflow(b.amount, b.adjusted, &owed) || __builtin_add_overflow(owed, adjustment->amount, &owed))
        return fd__error(FD_ERANGE, "%s: adjustment.amount: the bill's sum is beyond int64 fen", fn);
    if (owed < 0)
        return fd__error(FD_ERANGE, "%s: adjustment.amount: %lld fen would make the bill owe %lld (below 0)", fn,
                         (long long)adjustment->amount, (long long)owed);
    fd_date today;
    if ((rc = fd_store_site_date(&today, store, actor->site_id, actor->at)) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    /* R-FEE-9: the first day on or after today that has no day close. */
    sqlite3_stmt *st = fd__store_stmt(store, fn, "SELECT 1 FROM day_closes WHERE site_id = ?1 AND day = ?2");
    fd_date day = today;
    char text[DAY_MAX];
    for (int i = 0; rc == FD_OK && i < 3660; i++) {
        date_text(text, day);
        if (st == NULL) {
            rc = fd_error_last()->code;
            break;
        }
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            break;
        if (src != SQLITE_ROW)
            rc = fd__store_sqlerr(store, fn, src, "reading the day closes");
        day = fd__civil_from_days(day_number(day) + 1);
    }
    fd_adjustment a = *adjustment;
    a.dated_on = day;
    int64_t id = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&id, store, fn, &fd__record_adjustment, &a, actor);
    if (rc == FD_OK)
        rc = bill_add(store, fn, a.bill_id, a.amount, true);
    if (rc == FD_OK)
        rc = account_touch(store, fn, actor, b.unit);
    char detail[260];
    snprintf(detail, sizeof detail, "bill %lld: %lld fen on %s, %s", (long long)a.bill_id, (long long)a.amount, text,
             a.reason);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "adjustment", id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}
