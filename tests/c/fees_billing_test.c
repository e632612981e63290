/* The store's billing (issue 14 items 1, 2, 8, 9): items, rates, custody, readings, the bill run. */
#include "fd_test.h"

#include <stdlib.h>

#define DAY 86400
#define T0 1795395600 /* 2026-11-22 06:20 UTC */

typedef struct fx {
    char path[512];
    fd_store *s;
    int64_t site, other_site, clerk, manager, other_clerk;
    int64_t u1, u2, u3, other_unit; /* 88.88 m², 100 m², no area; another site's */
    int64_t mgmt, lift, water;      /* area custody 1.2345/m², fixed 30.00, metered 3.50 */
} fx;

static fd_actor manager(const fx *f)
{
    fd_actor a = fd_test_actor(f->site, f->manager, T0);
    a.grants = FD_GRANT_MANAGE;
    return a;
}

static fd_actor clerk(const fx *f)
{
    return fd_test_actor(f->site, f->clerk, T0);
}

static int64_t unit_add(fd_store *s, const fd_actor *a, int64_t building, const char *number, int64_t area)
{
    fd_unit u = FD_UNIT_INIT;
    u.building_id = building;
    u.number = number;
    u.use = "residential";
    u.area_m2x100 = area;
    int64_t id = 0;
    fd_assert_ok(fd_store_unit_add(&id, s, a, &u));
    return id;
}

static int64_t item_add(fx *f, const char *code, const char *name, const char *kind, int custody)
{
    fd_fee_item it = FD_FEE_ITEM_INIT;
    it.code = code;
    it.name = name;
    it.kind = kind;
    it.custody = custody;
    fd_actor m = manager(f);
    int64_t id = 0;
    fd_assert_ok(fd_store_fee_item_add(&id, f->s, &m, &it));
    return id;
}

static int64_t rate_add(fx *f, int64_t item, fd_date from, int64_t price_e4)
{
    fd_fee_rate r = FD_FEE_RATE_INIT;
    r.item_id = item;
    r.effective_from = from;
    r.price_e4 = price_e4;
    r.source = "市物价局公布收费标准";
    fd_actor m = manager(f);
    int64_t id = 0;
    fd_assert_ok(fd_store_fee_rate_add(&id, f->s, &m, &r));
    return id;
}

static int64_t reading_add(fx *f, int64_t unit, fd_date on, int64_t value)
{
    fd_meter_reading r = FD_METER_READING_INIT;
    r.unit_id = unit;
    r.item_id = f->water;
    r.read_on = on;
    r.reading_e2 = value;
    fd_actor c = clerk(f);
    int64_t id = 0;
    fd_assert_ok(fd_store_meter_reading_add(&id, f->s, &c, &r));
    return id;
}

static fx fx_open(const char *stem)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_test_sites t = fd_test_two_sites(f.s, T0 - 60 * DAY);
    f.site = t.site;
    f.other_site = t.other_site;
    f.clerk = t.clerk;
    f.manager = t.manager;
    f.other_clerk = t.other_clerk;
    fd_actor sys = fd_test_actor(f.site, 0, T0 - 60 * DAY);
    fd_building b = FD_BUILDING_INIT;
    b.code = "3";
    b.name = "3号楼";
    int64_t bid = 0;
    fd_assert_ok(fd_store_building_add(&bid, f.s, &sys, &b));
    f.u1 = unit_add(f.s, &sys, bid, "1201", 8888);
    f.u2 = unit_add(f.s, &sys, bid, "1202", 10000);
    f.u3 = unit_add(f.s, &sys, bid, "1203", 0);
    fd_actor osys = fd_test_actor(f.other_site, 0, T0 - 60 * DAY);
    b.code = "A";
    b.name = "A座";
    fd_assert_ok(fd_store_building_add(&bid, f.s, &osys, &b));
    f.other_unit = unit_add(f.s, &osys, bid, "101", 5000);
    f.mgmt = item_add(&f, "mgmt", "物业管理费", "area", 1);
    f.lift = item_add(&f, "lift", "电梯费", "fixed", 0);
    f.water = item_add(&f, "water", "水费", "metered", 0);
    rate_add(&f, f.mgmt, (fd_date){ 2026, 1, 1 }, 12345);
    rate_add(&f, f.lift, (fd_date){ 2026, 1, 1 }, 300000);
    rate_add(&f, f.water, (fd_date){ 2026, 1, 1 }, 35000);
    return f;
}

static void fx_close(fx *f)
{
    fd_store_close(f->s);
}

static fd_bill_run run(fx *f, fd_date start, const char *period, const int64_t *units, size_t n)
{
    fd_bill_run r = FD_BILL_RUN_INIT;
    fd_actor c = clerk(f);
    fd_assert_ok(fd_store_bill_generate(&r, f->s, &c, start, period, units, n));
    return r;
}

static int64_t q(const fx *f, const char *sql)
{
    return fd_test_sql_int(f->path, sql);
}

#define NOV ((fd_date){ 2026, 11, 1 })

Test(fees_billing, R_FEE_2_a_month_for_every_unit_then_nothing_the_second_time)
{
    fx f = fx_open("bill_idem");
    reading_add(&f, f.u1, (fd_date){ 2026, 10, 31 }, 12000);
    reading_add(&f, f.u1, (fd_date){ 2026, 11, 30 }, 13550); /* 15.50 t */
    fd_bill_run r = run(&f, NOV, "month", NULL, 0);
    cr_assert_eq(r.units, 3);
    cr_assert_eq(r.lines, 6, "%lld units %lld lines %lld no reading %lld no rate", (long long)r.units, (long long)r.lines, (long long)r.no_reading, (long long)r.no_rate);
    cr_assert_eq(r.bills, 3);
    cr_assert_eq(r.no_area, 1);
    cr_assert_eq(r.no_reading, 2); /* u2 and u3 have no readings */
    cr_assert_eq(r.lines_existing, 0);
    /* 109.72 + 30.00 + 54.25 (15.50 t × 3.50) + 123.45 + 30.00 + 30.00 yuan */
    cr_assert_eq(r.amount, 10972 + 3000 + 5425 + 12345 + 3000 + 3000);
    cr_assert_eq(q(&f, "SELECT amount FROM bills WHERE unit_id = 1"), 10972 + 3000 + 5425);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bills WHERE state = 'open' AND period_start = '2026-11-01' AND "
                       "period_end = '2026-12-01' AND due_on = '2026-11-15' AND limitation_on = '2029-11-15'"),
                 3);
    char *bills = fd_test_table_dump(f.path, "bills"), *lines = fd_test_table_dump(f.path, "bill_lines");
    fd_bill_run again = run(&f, NOV, "month", NULL, 0);
    cr_assert_eq(again.bills, 0);
    cr_assert_eq(again.lines, 0);
    cr_assert_eq(again.lines_existing, 6); /* u1: mgmt lift water; u2: mgmt lift; u3: lift */
    cr_assert_eq(again.amount, 0);
    char *bills2 = fd_test_table_dump(f.path, "bills"), *lines2 = fd_test_table_dump(f.path, "bill_lines");
    cr_assert_str_eq(bills, bills2);
    cr_assert_str_eq(lines, lines2);
    free(bills), free(bills2), free(lines), free(lines2);
    cr_assert_eq(q(&f, "SELECT count(*) FROM journal WHERE entity = 'bill_run'"), 2);
    fx_close(&f);
}

Test(fees_billing, R_FEE_8_line_shows_qty_price_rounding_residue_and_policy)
{
    fx f = fx_open("bill_line");
    int64_t one[] = { f.u1 };
    run(&f, NOV, "month", one, 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 1"), 10972);
    cr_assert_eq(q(&f, "SELECT residue_e4 FROM bill_lines WHERE item_id = 1"), 2360);
    cr_assert_eq(q(&f, "SELECT qty_e2 * 100000 + price_e4 FROM bill_lines WHERE item_id = 1"),
                 INT64_C(8888) * 100000 + 12345);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines WHERE item_id = 1 AND rounding = 'half_up' AND "
                       "policy = 'fee.rounding=half_up' AND month_start = '2026-11-01' AND kind = 'charge' AND "
                       "rate_id = 1 AND custody_pct = 0"),
                 1);
    fx_close(&f);
}

Test(fees_billing, R_FEE_7_custody_from_the_15th)
{
    fx f = fx_open("bill_custody");
    fd_unit_custody c = FD_UNIT_CUSTODY_INIT;
    c.unit_id = f.u2;
    c.from_date = (fd_date){ 2026, 11, 15 };
    int64_t cid = 0;
    fd_actor a = clerk(&f);
    fd_assert_ok(fd_store_unit_custody_add(&cid, f.s, &a, &c));
    int64_t two[] = { f.u2 };
    run(&f, NOV, "month", two, 1);
    /* 12345 fen × (14 + 16 × 70 %) / 30 = 10369.8 → 10370; the fixed lift fee has no custody */
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 1"), 10370);
    cr_assert_eq(q(&f, "SELECT residue_e4 FROM bill_lines WHERE item_id = 1"), -2000);
    cr_assert_eq(q(&f, "SELECT custody_pct * 10000 + custody_days * 100 + month_days FROM bill_lines "
                       "WHERE item_id = 1"),
                 701630);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines WHERE item_id = 1 AND policy LIKE "
                       "'%fee.custody_rate_pct=70; fee.proration=days: 16 of 30 days under custody'"),
                 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 2"), 3000);
    /* the whole of December under custody: 70 % of the month, no proration */
    run(&f, (fd_date){ 2026, 12, 1 }, "month", two, 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 1 AND month_start = '2026-12-01'"), 8642);
    cr_assert_eq(q(&f, "SELECT month_days FROM bill_lines WHERE item_id = 1 AND month_start = '2026-12-01'"), 0);
    /* custody ends on 2027-01-11: 10 of 31 days at 70 % */
    fd_assert_ok(fd_store_unit_custody_end(f.s, &a, cid, (fd_date){ 2027, 1, 11 }));
    fd_assert_error(fd_store_unit_custody_end(f.s, &a, cid, (fd_date){ 2027, 1, 12 }), FD_ESTATE, "custody_id");
    run(&f, (fd_date){ 2027, 1, 1 }, "month", two, 1);
    cr_assert_eq(q(&f, "SELECT custody_days FROM bill_lines WHERE item_id = 1 AND month_start = '2027-01-01'"), 10);
    fx_close(&f);
}

Test(fees_billing, R_FEE_7_proration_policy_whole_month_or_none)
{
    fx f = fx_open("bill_proration");
    fd_unit_custody c = FD_UNIT_CUSTODY_INIT;
    c.unit_id = f.u2;
    c.from_date = (fd_date){ 2026, 11, 15 };
    int64_t cid = 0;
    fd_actor a = clerk(&f);
    fd_assert_ok(fd_store_unit_custody_add(&cid, f.s, &a, &c));
    fd_actor m = manager(&f);
    fd_assert_ok(fd_store_policy_set(f.s, &m, "fee.proration", 2));
    int64_t two[] = { f.u2 };
    run(&f, NOV, "month", two, 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 1"), 12345);
    fd_assert_ok(fd_store_policy_set(f.s, &m, "fee.proration", 1));
    run(&f, (fd_date){ 2026, 12, 1 }, "quarter", two, 1);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines WHERE item_id = 1 AND amount = 8642"), 3);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bills WHERE period = 'quarter' AND period_end = '2027-03-01'"), 1);
    fx_close(&f);
}

Test(fees_billing, R_FEE_8_the_rate_in_force_on_the_first_day_and_items_added_later)
{
    fx f = fx_open("bill_rates");
    rate_add(&f, f.lift, (fd_date){ 2026, 11, 10 }, 350000);
    int64_t one[] = { f.u1 };
    fd_bill_run r = run(&f, NOV, "month", one, 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 2 AND month_start = '2026-11-01'"), 3000);
    run(&f, (fd_date){ 2026, 12, 1 }, "month", one, 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 2 AND month_start = '2026-12-01'"), 3500);
    int64_t parking = item_add(&f, "parking", "车位管理费", "fixed", 0);
    r = run(&f, NOV, "month", one, 1);
    cr_assert_eq(r.no_rate, 1);
    cr_assert_eq(r.lines, 0);
    rate_add(&f, parking, (fd_date){ 2026, 1, 1 }, 1000000);
    r = run(&f, NOV, "month", one, 1);
    cr_assert_eq(r.lines, 1);
    cr_assert_eq(r.bills, 0);
    cr_assert_eq(r.bills_extended, 1);
    cr_assert_eq(q(&f, "SELECT amount FROM bills WHERE unit_id = 1 AND period_start = '2026-11-01'"), 10972 + 3000 + 10000);
    /* every bill raised the account's revision */
    cr_assert_eq(q(&f, "SELECT rev FROM unit_accounts WHERE unit_id = 1"), 3);
    fd_actor m = manager(&f);
    fd_assert_ok(fd_store_fee_item_retire(f.s, &m, parking));
    fd_assert_error(fd_store_fee_item_retire(f.s, &m, parking), FD_ESTATE, "item_id");
    r = run(&f, (fd_date){ 2027, 1, 1 }, "month", one, 1);
    cr_assert_eq(r.lines, 2);
    fx_close(&f);
}

Test(fees_billing, R_FEE_2_refusals_change_nothing)
{
    fx f = fx_open("bill_refuse");
    fd_actor c = clerk(&f);
    fd_bill_run r = FD_BILL_RUN_INIT;
    int64_t mixed[] = { f.u1, f.other_unit };
    char *before = fd_test_table_dump(f.path, "bills");
    fd_assert_error(fd_store_bill_generate(&r, f.s, &c, NOV, "month", mixed, 2), FD_ENOTFOUND, "unit_ids[1]");
    fd_assert_error(fd_store_bill_generate(&r, f.s, &c, NOV, "once", NULL, 0), FD_EINVAL, "period");
    fd_assert_error(fd_store_bill_generate(&r, f.s, &c, NOV, "week", NULL, 0), FD_EINVAL, "period");
    fd_assert_error(fd_store_bill_generate(&r, f.s, &c, (fd_date){ 2026, 2, 30 }, "month", NULL, 0), FD_EINVAL,
                    "period_start");
    int64_t twice[] = { f.u1, f.u1 };
    fd_assert_error(fd_store_bill_generate(&r, f.s, &c, NOV, "month", twice, 2), FD_EINVAL, "unit_ids[1]");
    fd_assert_error(fd_store_bill_generate(&r, f.s, &c, NOV, "month", NULL, 1), FD_EINVAL, "unit_ids");
    char *after = fd_test_table_dump(f.path, "bills");
    cr_assert_str_eq(before, after);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines"), 0);
    free(before), free(after);
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_ok(fd_store_bill_generate(&r, f.s, &other, NOV, "month", NULL, 0));
    cr_assert_eq(r.units, 1);
    cr_assert_eq(r.no_rate, 0); /* the other site has no items */
    cr_assert_eq(r.lines, 0);
    fx_close(&f);
}

Test(fees_billing, R_FEE_8_item_and_rate_refusals)
{
    fx f = fx_open("bill_items");
    fd_actor m = manager(&f), c = clerk(&f);
    fd_fee_item it = FD_FEE_ITEM_INIT;
    it.code = "gas";
    it.name = "燃气代收𠮷";
    it.kind = "electricity";
    int64_t id = 0;
    fd_assert_error(fd_store_fee_item_add(&id, f.s, &m, &it), FD_EINVAL, "item.kind");
    it.kind = "agency";
    it.rounding = "sometimes";
    fd_assert_error(fd_store_fee_item_add(&id, f.s, &m, &it), FD_EINVAL, "item.rounding");
    it.rounding = "half_even";
    fd_assert_error(fd_store_fee_item_add(&id, f.s, &c, &it), FD_EPERM, "");
    fd_assert_ok(fd_store_fee_item_add(&id, f.s, &m, &it));
    fd_assert_error(fd_store_fee_item_add(&id, f.s, &m, &it), FD_ECONFLICT, "");
    fd_fee_rate r = FD_FEE_RATE_INIT;
    r.item_id = id;
    r.effective_from = NOV;
    r.price_e4 = 0; /* an agency collection's price may be agreed per charge */
    int64_t rid = 0;
    fd_assert_ok(fd_store_fee_rate_add(&rid, f.s, &m, &r));
    fd_assert_error(fd_store_fee_rate_add(&rid, f.s, &m, &r), FD_ECONFLICT, "");
    r.item_id = f.mgmt;
    fd_assert_error(fd_store_fee_rate_add(&rid, f.s, &m, &r), FD_ERANGE, "rate.price_e4");
    r.price_e4 = -1;
    r.item_id = id;
    fd_assert_error(fd_store_fee_rate_add(&rid, f.s, &m, &r), FD_ERANGE, "rate.price_e4");
    r.item_id = 999;
    r.price_e4 = 1;
    fd_assert_error(fd_store_fee_rate_add(&rid, f.s, &m, &r), FD_ENOTFOUND, "rate.item_id");
    fd_assert_ok(fd_store_fee_item_retire(f.s, &m, id));
    r.item_id = id;
    r.effective_from = (fd_date){ 2026, 12, 1 };
    fd_assert_error(fd_store_fee_rate_add(&rid, f.s, &m, &r), FD_ESTATE, "rate.item_id");
    fx_close(&f);
}

Test(fees_billing, R_FEE_8_readings_only_go_up_and_custody_does_not_overlap)
{
    fx f = fx_open("bill_readings");
    reading_add(&f, f.u1, (fd_date){ 2026, 10, 31 }, 12000);
    reading_add(&f, f.u1, (fd_date){ 2026, 12, 31 }, 15000);
    fd_actor c = clerk(&f);
    fd_meter_reading r = FD_METER_READING_INIT;
    r.unit_id = f.u1;
    r.item_id = f.water;
    r.read_on = (fd_date){ 2026, 11, 30 };
    r.reading_e2 = 11999;
    int64_t id;
    fd_assert_error(fd_store_meter_reading_add(&id, f.s, &c, &r), FD_ERANGE, "below the reading of 2026-10-31");
    r.reading_e2 = 15001;
    fd_assert_error(fd_store_meter_reading_add(&id, f.s, &c, &r), FD_ERANGE, "above the later reading");
    r.reading_e2 = 13000;
    fd_assert_ok(fd_store_meter_reading_add(&id, f.s, &c, &r));
    fd_assert_error(fd_store_meter_reading_add(&id, f.s, &c, &r), FD_ECONFLICT, "");
    r.item_id = f.lift;
    r.read_on = (fd_date){ 2026, 11, 29 };
    fd_assert_error(fd_store_meter_reading_add(&id, f.s, &c, &r), FD_EINVAL, "not metered");
    r.item_id = f.water;
    r.unit_id = f.other_unit;
    fd_assert_error(fd_store_meter_reading_add(&id, f.s, &c, &r), FD_ENOTFOUND, "reading.unit_id");
    fd_unit_custody cu = FD_UNIT_CUSTODY_INIT;
    cu.unit_id = f.u1;
    cu.from_date = (fd_date){ 2026, 11, 15 };
    cu.to_date = (fd_date){ 2027, 1, 1 };
    fd_assert_ok(fd_store_unit_custody_add(&id, f.s, &c, &cu));
    cu.from_date = (fd_date){ 2026, 12, 31 };
    cu.to_date = (fd_date){ 0, 0, 0 };
    fd_assert_error(fd_store_unit_custody_add(&id, f.s, &c, &cu), FD_ECONFLICT, "custody.from_date");
    cu.from_date = (fd_date){ 2027, 1, 1 };
    fd_assert_ok(fd_store_unit_custody_add(&id, f.s, &c, &cu));
    cu.from_date = (fd_date){ 2028, 1, 1 };
    cu.to_date = (fd_date){ 2027, 1, 1 };
    fd_assert_error(fd_store_unit_custody_add(&id, f.s, &c, &cu), FD_EINVAL, "custody.to_date");
    fx_close(&f);
}

Test(fees_billing, R_FEE_8_one_off_charge_at_an_agreed_price_or_the_rate)
{
    fx f = fx_open("bill_charge");
    int64_t waste = item_add(&f, "waste", "装修垃圾清运费", "waste", 0);
    rate_add(&f, waste, (fd_date){ 2026, 1, 1 }, 2000000); /* 200 yuan a load */
    fd_actor c = clerk(&f);
    int64_t bill = 0;
    fd_assert_ok(fd_store_bill_charge(&bill, f.s, &c, f.u1, waste, (fd_date){ 2026, 11, 20 }, 150, 0));
    cr_assert_eq(q(&f, "SELECT amount FROM bills WHERE period = 'once'"), 30000);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bills WHERE period = 'once' AND period_start = '2026-11-20' AND "
                       "period_end = '2026-11-21' AND due_on = '2026-11-20' AND state = 'open'"),
                 1);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines WHERE month_start IS NULL AND rate_id = 2 * 0 + 4"), 1);
    int64_t service = item_add(&f, "repair", "有偿维修", "service", 0);
    fd_assert_ok(fd_store_bill_charge(&bill, f.s, &c, f.u1, service, (fd_date){ 2026, 11, 21 }, 100, 1)); /* ¥0.0001 */
    cr_assert_eq(q(&f, "SELECT amount FROM bill_lines WHERE item_id = 5"), 0);
    cr_assert_eq(q(&f, "SELECT residue_e4 FROM bill_lines WHERE item_id = 5"), 100);
    fd_assert_ok(fd_store_bill_charge(&bill, f.s, &c, f.u1, service, (fd_date){ 2026, 11, 21 }, 100,
                                      999999999900)); /* 99,999,999.99 yuan */
    cr_assert_eq(q(&f, "SELECT amount FROM bills ORDER BY id DESC LIMIT 1"), 9999999999);
    char *before = fd_test_table_dump(f.path, "bills");
    fd_assert_error(fd_store_bill_charge(&bill, f.s, &c, f.u1, service, (fd_date){ 2026, 11, 21 }, 100, 0),
                    FD_EINVAL, "price_e4");
    fd_assert_error(fd_store_bill_charge(&bill, f.s, &c, f.u1, service, (fd_date){ 2026, 11, 21 }, 0, 5), FD_ERANGE,
                    "qty_e2");
    fd_assert_error(fd_store_bill_charge(&bill, f.s, &c, f.other_unit, service, (fd_date){ 2026, 11, 21 }, 100, 5),
                    FD_ENOTFOUND, "unit_id");
    fd_assert_error(fd_store_bill_charge(&bill, f.s, &c, f.u1, service, (fd_date){ 2026, 11, 21 }, INT64_MAX, 50000),
                    FD_ERANGE, "qty_e2");
    char *after = fd_test_table_dump(f.path, "bills");
    cr_assert_str_eq(before, after);
    free(before), free(after);
    fx_close(&f);
}

Test(fees_billing, R_FEE_2_discount_with_a_reason_on_a_bill_still_owed)
{
    fx f = fx_open("bill_discount");
    int64_t one[] = { f.u1 };
    run(&f, NOV, "month", one, 1);
    fd_actor m = manager(&f), c = clerk(&f);
    int64_t line = 0;
    fd_assert_error(fd_store_bill_discount(&line, f.s, &c, 1, f.mgmt, 500, "老人减免"), FD_EPERM, "");
    fd_assert_error(fd_store_bill_discount(&line, f.s, &m, 1, f.mgmt, 500, ""), FD_EINVAL, "reason");
    fd_assert_error(fd_store_bill_discount(&line, f.s, &m, 1, f.mgmt, 13973, "太多"), FD_ERANGE, "amount");
    fd_assert_error(fd_store_bill_discount(&line, f.s, &m, 1, f.mgmt, 0, "零"), FD_ERANGE, "amount");
    fd_assert_ok(fd_store_bill_discount(&line, f.s, &m, 1, f.mgmt, 972, "老人减免"));
    cr_assert_eq(q(&f, "SELECT amount FROM bills WHERE id = 1"), 10972 + 3000 - 972);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines WHERE kind = 'discount' AND amount = -972 AND "
                       "policy = 'discount: 老人减免'"),
                 1);
    fd_assert_ok(fd_store_bill_discount(&line, f.s, &m, 1, f.mgmt, 13000, "全免"));
    cr_assert_eq(q(&f, "SELECT count(*) FROM bills WHERE id = 1 AND state = 'paid' AND amount = 0"), 1);
    fd_assert_error(fd_store_bill_discount(&line, f.s, &m, 1, f.mgmt, 1, "再减"), FD_ESTATE, "bill_id");
    fx_close(&f);
}

Test(fees_billing, R_FEE_2_late_fees_never_compound_and_are_idempotent_per_day)
{
    fx f = fx_open("bill_late");
    int64_t one[] = { f.u1 };
    run(&f, NOV, "month", one, 1); /* 13972 fen, due 2026-11-15 */
    fd_actor c = clerk(&f), m = manager(&f);
    fd_late_fee_run r = FD_LATE_FEE_RUN_INIT;
    fd_assert_ok(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2026, 12, 15 }));
    cr_assert_eq(r.lines, 0); /* no late fee by default */
    fd_assert_ok(fd_store_policy_set(f.s, &m, "fee.late_fee.per_day_e4", 5));
    fd_assert_ok(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2026, 11, 15 }));
    cr_assert_eq(r.lines, 0); /* not overdue on its due day */
    fd_assert_ok(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2026, 11, 25 })); /* 10 days × 0.05 % */
    cr_assert_eq(r.bills, 1);
    cr_assert_eq(r.lines, 1);
    cr_assert_eq(r.amount, 70); /* 13972 × 0.005 = 69.86 */
    fd_assert_ok(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2026, 11, 25 }));
    cr_assert_eq(r.lines, 0);
    fd_assert_ok(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2026, 12, 5 })); /* 20 days: 139.72 → 140 */
    cr_assert_eq(r.amount, 70);
    /* the principal stays the charges: the late fee lines never earn late fees */
    cr_assert_eq(q(&f, "SELECT sum(amount) FROM bill_lines WHERE kind = 'late_fee'"), 140);
    cr_assert_eq(q(&f, "SELECT amount FROM bills WHERE id = 1"), 13972 + 140);
    cr_assert_eq(q(&f, "SELECT count(*) FROM bill_lines WHERE kind = 'late_fee' AND policy LIKE "
                       "'fee.late_fee.per_day_e4=5 from 2026-11-16, 20 days; cap 100 %; principal 13972 fen'"),
                 1);
    fd_assert_ok(fd_store_policy_set(f.s, &m, "fee.late_fee.cap_pct", 1));
    fd_assert_ok(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2027, 6, 1 }));
    cr_assert_eq(r.lines, 0); /* capped at 1 % = 139.72 → 140, charged already */
    fd_assert_error(fd_store_late_fee_assess(&r, f.s, &c, (fd_date){ 2027, 2, 29 }), FD_EINVAL, "as_of");
    fx_close(&f);
}

Test(fees_billing, R_FEE_9_adjustment_dated_the_next_open_day)
{
    fx f = fx_open("bill_adjust");
    int64_t one[] = { f.u1 };
    run(&f, NOV, "month", one, 1);
    /* the 22nd (today) and the 23rd are closed: the adjustment is dated the 24th */
    fd_assert_ok(fd_test_sql_exec(f.path, "INSERT INTO day_closes (site_id, created_at, day) VALUES "
                                          "(1, 1795395600, '2026-11-22'), (1, 1795395600, '2026-11-23')") == 0
                     ? FD_OK
                     : FD_EIO);
    fd_actor c = clerk(&f);
    fd_actor m = manager(&f);
    fd_adjustment a = FD_ADJUSTMENT_INIT;
    a.bill_id = 1;
    a.amount = -1000;
    a.reason = "面积登记错误，红冲";
    int64_t id = 0;
    /* a write-off changes money: a clerk may not, nor beyond the payments' ceiling */
    fd_assert_error(fd_store_adjustment_add(&id, f.s, &c, &a), FD_EPERM, "manage");
    a.amount = FD_FEE_PAYMENT_MAX + 1;
    fd_assert_error(fd_store_adjustment_add(&id, f.s, &m, &a), FD_ERANGE, "FD_FEE_PAYMENT_MAX");
    a.amount = -1000;
    fd_assert_ok(fd_store_adjustment_add(&id, f.s, &m, &a));
    cr_assert_eq(q(&f, "SELECT count(*) FROM adjustments WHERE dated_on = '2026-11-24' AND amount = -1000"), 1);
    cr_assert_eq(q(&f, "SELECT adjusted FROM bills WHERE id = 1"), -1000);
    cr_assert_eq(q(&f, "SELECT rev FROM unit_accounts WHERE unit_id = 1"), 2);
    a.amount = 0;
    fd_assert_error(fd_store_adjustment_add(&id, f.s, &m, &a), FD_ERANGE, "adjustment.amount");
    a.amount = -13000;
    fd_assert_error(fd_store_adjustment_add(&id, f.s, &m, &a), FD_ERANGE, "below 0");
    a.amount = -12972;
    fd_assert_ok(fd_store_adjustment_add(&id, f.s, &m, &a));
    cr_assert_eq(q(&f, "SELECT count(*) FROM bills WHERE id = 1 AND state = 'paid'"), 1);
    a.bill_id = 99;
    a.amount = 5;
    fd_assert_error(fd_store_adjustment_add(&id, f.s, &m, &a), FD_ENOTFOUND, "adjustment.bill_id");
    fx_close(&f);
}
