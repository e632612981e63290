/*
 * Arrears, dunning, the limitation clock and notices (issue 14 item 5;
 * R-FEE-2, R-FEE-6): the pure rules first, then the store.
 */
#include "fd_test.h"

#include <stdlib.h>

static fd_date D(int y, int m, int d)
{
    fd_date r = { y, m, d };
    return r;
}
static const fd_date NONE = { 0, 0, 0 };

#define assert_date(got, y, m, d)                                                                               \
    cr_assert((got).year == (y) && (got).month == (m) && (got).day == (d), "got %04d-%02d-%02d, want %04d-%02d-%02d", \
              (int)(got).year, (int)(got).month, (int)(got).day, (y), (m), (d))

/* A region whose data covers 2019-2031 with no holidays: weekends are the only rest. */
static fd_calendar *plain_calendar(void)
{
    fd_calendar *c = NULL;
    fd_assert_ok(fd_calendar_load_data(&c, "frontdesk-holidays 1\n"
                                           "version T-1\n"
                                           "region T\n"
                                           "covers 2019-01-01 2031-12-31\n"));
    return c;
}

/* --- limitation (Civil Code art. 188, 195, 201-203) ------------------------ */

Test(fees_arrears, R_FEE_6_limitation_three_years_from_the_due_day)
{
    fd_calendar *c = plain_calendar();
    fd_date end;
    /* 2026-03-31 is a Tuesday: the corresponding day, three years on (art. 188, 201, 202) */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2023, 3, 31), NONE, c));
    assert_date(end, 2026, 3, 31);
    fd_calendar_free(c);
}

Test(fees_arrears, R_FEE_6_limitation_29_february_ends_on_the_month_end)
{
    fd_calendar *c = plain_calendar();
    fd_date end;
    /* 2027-02-28 is a Sunday: art. 202 gives the 28th, art. 203 moves it to Monday */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2024, 2, 29), NONE, c));
    assert_date(end, 2027, 3, 1);
    /* 2023-02-28 is a Tuesday */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2020, 2, 29), NONE, c));
    assert_date(end, 2023, 2, 28);
    fd_calendar_free(c);
}

Test(fees_arrears, R_FEE_6_limitation_runs_anew_from_a_demand)
{
    fd_calendar *c = plain_calendar();
    fd_date end;
    /* art. 195: a reminder on 2024-06-12 restarts it: 2027-06-14 (the 12th is a Saturday, art. 203) */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2023, 1, 31), D(2024, 6, 12), c));
    assert_date(end, 2027, 6, 14);
    /* a "demand" before the debt was due interrupts nothing */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2023, 1, 31), D(2022, 12, 1), c));
    assert_date(end, 2026, 2, 2); /* 2026-01-31 is a Saturday */
    fd_calendar_free(c);
}

Test(fees_arrears, R_FEE_6_limitation_ending_in_a_holiday_moves_past_it)
{
    fd_calendar *c;
    fd_assert_ok(fd_calendar_new(&c));
    fd_date end;
    /* 2026-10-01..07 is the National Day holiday: the day after it ends (art. 203) */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2023, 10, 1), NONE, c));
    assert_date(end, 2026, 10, 8);
    /* a make-up working Saturday is a working day: it stays */
    fd_assert_ok(fd_fee_limitation_end(&end, D(2023, 10, 10), NONE, c));
    assert_date(end, 2026, 10, 10);
    fd_calendar_free(c);
}

Test(fees_arrears, R_FEE_6_limitation_refuses_bad_input_naming_it)
{
    fd_calendar *c = plain_calendar();
    fd_date end = D(1, 1, 1);
    fd_assert_error(fd_fee_limitation_end(&end, D(2023, 2, 30), NONE, c), FD_EINVAL, "due_on");
    fd_assert_error(fd_fee_limitation_end(&end, D(2023, 2, 1), D(2023, 13, 1), c), FD_EINVAL, "last_demand_on");
    fd_assert_error(fd_fee_limitation_end(&end, D(2023, 2, 1), NONE, NULL), FD_EINVAL, "cal");
    fd_assert_error(fd_fee_limitation_end(NULL, D(2023, 2, 1), NONE, c), FD_EINVAL, "out");
    fd_assert_error(fd_fee_limitation_end(&end, D(9998, 2, 1), NONE, c), FD_ERANGE, "9999");
    /* far beyond the calendar's data (more than ten years past it) */
    fd_assert_error(fd_fee_limitation_end(&end, D(2050, 2, 1), NONE, c), FD_ERANGE, "cal");
    assert_date(end, 1, 1, 1);
    fd_calendar_free(c);
}

/* --- age buckets -------------------------------------------------------------- */

Test(fees_arrears, R_FEE_6_age_buckets_count_from_the_day_after_due)
{
    fd_buf b = FD_BUF_INIT;
    const struct {
        fd_date as_of;
        const char *want;
    } cases[] = {
        { { 2026, 3, 15 }, "" },         /* the due day itself: not overdue */
        { { 2026, 3, 16 }, "d0_30" },    /* the day after */
        { { 2026, 4, 14 }, "d0_30" },    /* 30 days */
        { { 2026, 4, 15 }, "d31_90" },   /* 31 */
        { { 2026, 6, 13 }, "d31_90" },   /* 90 */
        { { 2026, 6, 14 }, "d91_180" },  /* 91 */
        { { 2026, 9, 11 }, "d91_180" },  /* 180 */
        { { 2026, 9, 12 }, "d181_365" }, /* 181 */
        { { 2027, 3, 15 }, "d181_365" }, /* 365 */
        { { 2027, 3, 16 }, "over_365" }, /* 366 */
        { { 2025, 1, 1 }, "" },          /* before it was due */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fd_assert_ok(fd_fee_age_bucket(&b, D(2026, 3, 15), cases[i].as_of));
        cr_assert_str_eq(b.ptr ? b.ptr : "", cases[i].want, "case %zu", i);
    }
    cr_assert_str_eq(fd_fee_bucket_code(4), "over_365");
    cr_assert_null(fd_fee_bucket_code(5));
    cr_assert_null(fd_fee_bucket_code(-1));
    cr_assert_eq(fd_fee_bucket_of_days(0), -1);
    cr_assert_eq(fd_fee_bucket_of_days(INT64_MAX), 4);
    fd_assert_error(fd_fee_age_bucket(&b, D(2026, 2, 29), D(2026, 3, 1)), FD_EINVAL, "due_on");
    cr_assert_eq(b.size, 0);
    fd_assert_error(fd_fee_age_bucket(&b, D(2026, 2, 28), D(2026, 0, 1)), FD_EINVAL, "as_of");
    fd_buf_dispose(&b);
}

/* --- the dunning state machine ------------------------------------------------ */

Test(fees_arrears, R_FEE_6_dunning_reminder_then_letter_after_three_months)
{
    fd_dunning_plan p;
    fd_assert_ok(fd_dunning_next(&p, NULL, D(2026, 3, 16), 1, NULL));
    cr_assert_str_eq(p.step, "reminder");
    assert_date(p.due_on, 2026, 3, 16);
    fd_assert_ok(fd_dunning_next(&p, "reminder", D(2026, 3, 20), 1, NULL));
    cr_assert_str_eq(p.step, "letter");
    assert_date(p.due_on, 2026, 6, 20);
    /* the corresponding day, or the month's last: 2025-11-30 + 3 months */
    fd_assert_ok(fd_dunning_next(&p, "reminder", D(2025, 11, 30), 1, NULL));
    assert_date(p.due_on, 2026, 2, 28);
}

Test(fees_arrears, R_FEE_6_dunning_visit_only_to_someone_living_on_site)
{
    fd_policy *pol;
    fd_assert_ok(fd_policy_new(&pol));
    fd_dunning_plan p;
    fd_assert_ok(fd_dunning_next(&p, "letter", D(2026, 6, 20), 1, pol));
    cr_assert_str_eq(p.step, "visit");
    assert_date(p.due_on, 2026, 9, 20);
    fd_assert_ok(fd_dunning_next(&p, "letter", D(2026, 6, 20), 0, pol));
    cr_assert_str_eq(p.step, "legal");
    assert_date(p.due_on, 2026, 12, 20);
    fd_assert_ok(fd_dunning_next(&p, "visit", D(2026, 9, 21), 1, pol));
    cr_assert_str_eq(p.step, "legal");
    assert_date(p.due_on, 2027, 3, 21);
    fd_assert_ok(fd_dunning_next(&p, "legal", D(2027, 3, 25), 1, pol));
    cr_assert_str_eq(p.step, "");
    assert_date(p.due_on, 0, 0, 0);
    /* the site's policy */
    fd_assert_ok(fd_policy_set(pol, "fee.dunning.letter_after_months", 1));
    fd_assert_ok(fd_policy_set(pol, "fee.dunning.legal_after_months", 12));
    fd_assert_ok(fd_dunning_next(&p, "reminder", D(2026, 1, 31), 1, pol));
    assert_date(p.due_on, 2026, 2, 28);
    fd_assert_ok(fd_dunning_next(&p, "letter", D(2026, 1, 31), 0, pol));
    assert_date(p.due_on, 2027, 1, 31);
    fd_assert_error(fd_dunning_next(&p, "phone", D(2026, 1, 31), 0, pol), FD_EINVAL, "reminder");
    fd_assert_error(fd_dunning_next(&p, "letter", D(2026, 2, 31), 0, pol), FD_EINVAL, "last_on");
    fd_assert_error(fd_dunning_next(&p, "letter", D(9999, 12, 1), 0, pol), FD_ERANGE, "9999");
    fd_policy_free(pol);
}

Test(fees_arrears, R_FEE_6_dunning_order_and_channels)
{
    fd_assert_ok(fd_dunning_check("reminder", "phone", NULL));
    fd_assert_ok(fd_dunning_check("reminder", "sms", "reminder"));
    fd_assert_ok(fd_dunning_check("letter", "express", "reminder"));
    fd_assert_ok(fd_dunning_check("visit", "visit", "letter"));
    fd_assert_ok(fd_dunning_check("legal", "court", "letter")); /* nobody on site: no visit */
    fd_assert_ok(fd_dunning_check("legal", "lawyer", "visit"));
    fd_assert_error(fd_dunning_check("letter", "express", NULL), FD_ESTATE, "allowed: reminder");
    fd_assert_error(fd_dunning_check("letter", "express", ""), FD_ESTATE, "after no step");
    fd_assert_error(fd_dunning_check("visit", "visit", "reminder"), FD_ESTATE, "allowed: reminder, letter");
    fd_assert_error(fd_dunning_check("reminder", "phone", "letter"), FD_ESTATE, "allowed: letter, visit, legal");
    fd_assert_error(fd_dunning_check("letter", "phone", "reminder"), FD_EINVAL, "express");
    fd_assert_error(fd_dunning_check("reminder", "court", NULL), FD_EINVAL, "phone or sms");
    fd_assert_error(fd_dunning_check("nag", "phone", NULL), FD_EINVAL, "reminder");
    fd_assert_error(fd_dunning_check("reminder", "pigeon", NULL), FD_EINVAL, "express");
    fd_assert_error(fd_dunning_check(NULL, "phone", NULL), FD_EINVAL, "step");
}

Test(fees_arrears, R_FEE_6_cutting_off_utilities_is_refused_art_944)
{
    const char *const cut[] = { "停水", "停电", "停暖", "停气", "停電", "停氣", "断电", "停　水", "ｃｕｔｏｆｆ" };
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        fd_assert_error(fd_dunning_check(cut[i], "phone", NULL), FD_EINVAL, "art. 944");
        fd_assert_error(fd_dunning_check("reminder", cut[i], NULL), FD_EINVAL, "art. 944");
    }
    /* even in the middle of other words, and refused before the order is looked at */
    fd_assert_error(fd_dunning_check("通知后停水", "phone", "legal"), FD_EINVAL, "step: cutting off");
}

/* --- notices ------------------------------------------------------------------ */

static fd_fee_notice sample_notice(void)
{
    fd_fee_notice n = FD_FEE_NOTICE_INIT;
    n.site = "某某花园";
    n.unit = "3栋2单元501";
    n.payer = "𠮷田长沙";
    n.amount = 9999999999; /* 99,999,999.99 yuan */
    n.periods = "2026-01, 2026-02";
    n.due = D(2026, 1, 15);
    n.deadline = D(2026, 3, 31);
    n.late_rate_e4 = 5;
    n.date = D(2026, 3, 16);
    return n;
}

Test(fees_arrears, R_FEE_2_notice_renders_amounts_in_figures_and_capitals)
{
    fd_buf b = FD_BUF_INIT;
    fd_fee_notice n = sample_notice();
    fd_assert_ok(fd_fee_notice_render(&b, "{payer} {unit}: {amount} ({amount_upper}) by {deadline}, {late_rate}/day {{x}}", &n));
    cr_assert_str_eq(b.ptr, "𠮷田长沙 3栋2单元501: ¥99,999,999.99 (玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分) by "
                            "2026年3月31日, 0.05%/day {x}");
    n.amount = 1;
    n.late_rate_e4 = 10;
    n.deadline = NONE;
    fd_assert_ok(fd_fee_notice_render(&b, "{amount}={amount_upper}|{deadline}|{late_rate}|}", &n));
    cr_assert_str_eq(b.ptr, "¥0.01=壹分||0.1%|}");
    fd_buf_dispose(&b);
}

Test(fees_arrears, R_FEE_6_default_notices_name_the_debt)
{
    fd_buf b = FD_BUF_INIT;
    fd_fee_notice n = sample_notice();
    n.amount = 123450;
    fd_assert_ok(fd_fee_notice_render(&b, fd_fee_notice_default_template("dunning"), &n));
    cr_assert(strstr(b.ptr, "催款通知书") != NULL);
    cr_assert(strstr(b.ptr, "¥1,234.50") != NULL);
    cr_assert(strstr(b.ptr, "壹仟贰佰叁拾肆元伍角") != NULL);
    cr_assert(strstr(b.ptr, "每日0.05%") != NULL);
    cr_assert(strstr(b.ptr, "{") == NULL);
    fd_assert_ok(fd_fee_notice_render(&b, fd_fee_notice_default_template("payment"), &n));
    cr_assert(strstr(b.ptr, "缴款通知书") != NULL);
    cr_assert(strstr(b.ptr, "2026年1月15日") != NULL);
    cr_assert_null(fd_fee_notice_default_template("receipt"));
    fd_buf_dispose(&b);
}

Test(fees_arrears, R_FEE_2_notice_refuses_unknown_placeholders_naming_them)
{
    fd_buf b = FD_BUF_INIT;
    fd_fee_notice n = sample_notice();
    fd_assert_error(fd_fee_notice_render(&b, "欠费 {amont} 元", &n), FD_EINVAL, "{amont}");
    cr_assert_eq(b.size, 0, "a failed render leaves the buffer empty");
    fd_assert_error(fd_fee_notice_render(&b, "欠费 {amount", &n), FD_EINVAL, "not closed");
    fd_assert_error(fd_fee_notice_check_template("{phone}"), FD_EINVAL, "{phone}");
    fd_assert_ok(fd_fee_notice_check_template("{{phone}}"));
    n.late_rate_e4 = -1;
    fd_assert_error(fd_fee_notice_render(&b, "x", &n), FD_ERANGE, "late_rate_e4");
    n = sample_notice();
    n.deadline = D(2026, 2, 30);
    fd_assert_error(fd_fee_notice_render(&b, "x", &n), FD_EINVAL, "n.deadline");
    n = sample_notice();
    n.payer = "\xff";
    fd_assert_error(fd_fee_notice_render(&b, "x", &n), FD_EINVAL, "n.payer");
    fd_assert_error(fd_fee_notice_render(&b, NULL, &n), FD_EINVAL, "template_text");
    fd_fee_notice_init(&n, FD_FEE_NOTICE_VERSION);
    cr_assert_null(n.site);
    fd_assert_error(fd_fee_notice_init(&n, 99), FD_EINVAL, "version");
    fd_dunning_plan p;
    fd_assert_ok(fd_dunning_plan_init(&p, FD_DUNNING_PLAN_VERSION));
    cr_assert_str_eq(p.step, "");
    fd_buf_dispose(&b);
}

/* --- the store ----------------------------------------------------------------- */

#define T0 1795140000 /* 2026-11-20 10:00 +08:00 */

typedef struct fixture {
    fd_store *s;
    const char *path;
    fd_test_sites t;
    int64_t u1, u2, u3, u_other;
} fixture;

static int64_t unit_of(fd_store *s, int64_t site, int64_t building, const char *number)
{
    fd_actor sys = fd_test_actor(site, 0, T0);
    fd_unit u = FD_UNIT_INIT;
    u.building_id = building;
    u.number = number;
    u.use = "residential";
    u.area_m2x100 = 8888;
    int64_t id = 0;
    fd_assert_ok(fd_store_unit_add(&id, s, &sys, &u));
    return id;
}

static int64_t building_of(fd_store *s, int64_t site, const char *code)
{
    fd_actor sys = fd_test_actor(site, 0, T0);
    fd_building b = FD_BUILDING_INIT;
    b.code = code;
    b.name = code;
    int64_t id = 0;
    fd_assert_ok(fd_store_building_add(&id, s, &sys, &b));
    return id;
}

/* A bill as billing leaves it (state from amount and paid), written behind the library's back. */
static void bill(const fixture *f, int64_t site, int64_t unit, const char *start, const char *due, int64_t amount,
                 int64_t paid)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO bills (site_id, created_at, unit_id, period, period_start, period_end, due_on, amount, paid, "
             "adjusted, state) VALUES (%lld, %d, %lld, 'month', '%s', date('%s', '+1 month'), '%s', %lld, %lld, 0, "
             "'%s')",
             (long long)site, T0, (long long)unit, start, start, due, (long long)amount, (long long)paid,
             paid == 0 ? "open" : paid < amount ? "partial" : "paid");
    cr_assert_eq(fd_test_sql_exec(f->path, sql), 0, "%s", sql);
}

static fixture setup(const char *stem)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.path = fd_test_path(stem);
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    f.t = fd_test_two_sites(f.s, T0);
    int64_t b = building_of(f.s, f.t.site, "3");
    f.u1 = unit_of(f.s, f.t.site, b, "3-501");
    f.u2 = unit_of(f.s, f.t.site, b, "3-502");
    f.u3 = unit_of(f.s, f.t.site, b, "3-503");
    f.u_other = unit_of(f.s, f.t.other_site, building_of(f.s, f.t.other_site, "A"), "A-101");
    fd_actor sys = fd_test_actor(f.t.site, 0, T0);
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = f.u1;
    o.name = "𠮷田";
    o.role = "owner";
    o.move_in = D(2020, 1, 1);
    int64_t id;
    fd_assert_ok(fd_store_occupant_add(&id, f.s, &sys, &o));
    return f;
}

static void standard_bills(const fixture *f)
{
    /* u1: three months overdue (one partly paid) and one due today; u2: paid up; u3: 0.01 yuan since 2023;
     * the other site's unit */
    bill(f, f->t.site, f->u1, "2026-08-01", "2026-08-15", 12345, 0);   /* 97 days */
    bill(f, f->t.site, f->u1, "2026-09-01", "2026-09-15", 12345, 345); /* 66 days */
    bill(f, f->t.site, f->u1, "2026-10-01", "2026-10-25", 12345, 0);   /* 26 days */
    bill(f, f->t.site, f->u1, "2026-11-01", "2026-11-20", 12345, 0);   /* due today: not overdue */
    bill(f, f->t.site, f->u2, "2026-10-01", "2026-10-15", 5000, 5000);
    bill(f, f->t.site, f->u3, "2023-11-01", "2023-12-01", 1, 0);
    bill(f, f->t.other_site, f->u_other, "2026-10-01", "2026-10-15", 777, 0);
}

Test(fees_arrears, R_FEE_6_arrears_by_unit_with_age_buckets)
{
    fixture f = setup("arrears_buckets");
    standard_bills(&f);
    fd_actor clerk = fd_test_actor(f.t.site, f.t.clerk, T0);
    fd_arrears *a = NULL;
    fd_assert_ok(fd_store_arrears(&a, f.s, &clerk, D(2026, 11, 20)));
    cr_assert_eq(fd_arrears_count(a), 2);
    fd_arrears_row r;
    fd_assert_ok(fd_arrears_get(&r, a, 0));
    cr_assert_eq(r.unit_id, f.u1);
    cr_assert_str_eq(r.unit, "3-501");
    cr_assert_eq(r.bills, 3);
    cr_assert_eq(r.outstanding, 12345 * 3 - 345);
    cr_assert_eq(r.d0_30, 12345);
    cr_assert_eq(r.d31_90, 12000);
    cr_assert_eq(r.d91_180, 12345);
    cr_assert_eq(r.d181_365 + r.over_365, 0);
    assert_date(r.oldest_due, 2026, 8, 15);
    cr_assert_str_eq(r.last_step, "");
    cr_assert_str_eq(r.next_step, "reminder");
    assert_date(r.next_step_on, 2026, 8, 16);
    assert_date(r.limitation_on, 2029, 8, 15);
    cr_assert_eq(r.limitation_warn, 0);
    cr_assert_eq(r.occupied, 1);
    fd_assert_ok(fd_arrears_get(&r, a, 1));
    cr_assert_eq(r.unit_id, f.u3);
    cr_assert_eq(r.over_365, 1);
    assert_date(r.limitation_on, 2026, 12, 1);
    cr_assert_eq(r.limitation_warn, 1, "ends within 90 days");
    cr_assert_eq(r.occupied, 0);
    fd_arrears_row t;
    fd_assert_ok(fd_arrears_total(&t, a));
    cr_assert_eq(t.unit_id, 2);
    cr_assert_eq(t.outstanding, 12345 * 3 - 345 + 1);
    cr_assert_eq(t.d0_30 + t.d31_90 + t.d91_180 + t.d181_365 + t.over_365, t.outstanding);
    cr_assert_eq(t.limitation_warn, 1);
    fd_assert_error(fd_arrears_get(&r, a, 2), FD_ERANGE, "index");
    fd_arrears_free(a);
    /* the site's warning window */
    fd_actor sys = fd_test_actor(f.t.site, 0, T0);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "fee.limitation_warn_days", 5));
    fd_assert_ok(fd_store_arrears(&a, f.s, &clerk, D(2026, 11, 20)));
    fd_assert_ok(fd_arrears_total(&t, a));
    cr_assert_eq(t.limitation_warn, 0);
    fd_arrears_free(a);
    /* another site's clerk sees only theirs */
    fd_actor other = fd_test_actor(f.t.other_site, f.t.other_clerk, T0);
    fd_assert_ok(fd_store_arrears(&a, f.s, &other, D(2026, 11, 20)));
    cr_assert_eq(fd_arrears_count(a), 1);
    fd_assert_ok(fd_arrears_total(&t, a));
    cr_assert_eq(t.outstanding, 777);
    fd_arrears_free(a);
    fd_assert_error(fd_store_arrears(&a, f.s, &clerk, D(2026, 2, 30)), FD_EINVAL, "as_of");
    cr_assert_null(a);
    fd_store_close(f.s);
}

Test(fees_arrears, R_FEE_6_arrears_read_through_the_partial_index)
{
    fixture f = setup("arrears_plan");
    standard_bills(&f);
    char plan[1024];
    /* the query of fd_store_arrears: one ordered pass over the open bills, reading the index alone */
    fd_test_plan(plan, sizeof plan, f.path,
                 "SELECT unit_id, due_on, amount + adjusted - paid, last_demand_on, limitation_on FROM bills "
                 "WHERE site_id = 1 AND state <> 'paid' AND unit_id BETWEEN 0 AND 9223372036854775807 "
                 "AND due_on < '2026-11-20' ORDER BY unit_id");
    cr_assert(strstr(plan, "COVERING INDEX bills_site_open") != NULL, "plan: %s", plan);
    cr_assert(strstr(plan, "TEMP B-TREE") == NULL, "no sort: %s", plan);
    fd_test_plan(plan, sizeof plan, f.path,
                 "SELECT unit_id FROM occupants WHERE site_id = 1 AND unit_id BETWEEN 0 AND 9223372036854775807 "
                 "AND move_in <= '2026-11-20' AND (move_out IS NULL OR move_out = '' OR move_out > '2026-11-20') "
                 "ORDER BY unit_id");
    cr_assert(strstr(plan, "COVERING INDEX") != NULL && strstr(plan, "TEMP B-TREE") == NULL, "plan: %s", plan);
    fd_store_close(f.s);
}

Test(fees_arrears, R_FEE_6_a_reminder_restarts_the_limitation_clock)
{
    fixture f = setup("arrears_step");
    standard_bills(&f);
    fd_actor clerk = fd_test_actor(f.t.site, f.t.clerk, T0);
    fd_arrears *a = NULL;
    fd_assert_ok(fd_store_dunning_due(&a, f.s, &clerk, D(2026, 11, 20)));
    cr_assert_eq(fd_arrears_count(a), 2, "both are due a reminder");
    fd_arrears_free(a);
    char *before = fd_test_table_dump(f.path, "bills");
    fd_dunning_step d = FD_DUNNING_STEP_INIT;
    d.unit_id = f.u1;
    d.step = "letter";
    d.channel = "express";
    d.happened_on = D(2026, 11, 20);
    int64_t id = 0;
    fd_assert_error(fd_store_dunning_step_add(&id, f.s, &clerk, &d), FD_ESTATE, "allowed: reminder");
    d.step = "停水";
    fd_assert_error(fd_store_dunning_step_add(&id, f.s, &clerk, &d), FD_EINVAL, "art. 944");
    d.step = "reminder";
    d.channel = "停電";
    fd_assert_error(fd_store_dunning_step_add(&id, f.s, &clerk, &d), FD_EINVAL, "art. 944");
    d.channel = "phone";
    d.happened_on = D(2026, 11, 21);
    fd_assert_error(fd_store_dunning_step_add(&id, f.s, &clerk, &d), FD_EINVAL, "after today");
    d.happened_on = D(2026, 11, 20);
    d.unit_id = f.u2;
    fd_assert_error(fd_store_dunning_step_add(&id, f.s, &clerk, &d), FD_ESTATE, "owes nothing");
    d.unit_id = f.u_other;
    fd_assert_error(fd_store_dunning_step_add(&id, f.s, &clerk, &d), FD_ENOTFOUND, "unit_id");
    char *after = fd_test_table_dump(f.path, "bills");
    cr_assert_str_eq(before, after, "bad input changes nothing");
    free(after);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM dunning_steps"), 0);

    d.unit_id = f.u1;
    d.deadline = D(2026, 11, 30);
    d.result = "承诺月底前缴纳";
    d.proof = "SMS-0001";
    fd_assert_ok(fd_store_dunning_step_add(&id, f.s, &clerk, &d));
    cr_assert_gt(id, 0);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT owed FROM dunning_steps"), 12345 * 3 - 345);
    /* art. 195: each overdue bill of the unit runs anew from the demand; the one not yet overdue is untouched */
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM bills WHERE last_demand_on = '2026-11-20' AND "
                                         "limitation_on = '2029-11-20'"),
                 3);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM bills WHERE due_on = '2026-11-20' AND "
                                         "last_demand_on IS NULL"),
                 1);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'dunning_step'"), 1);
    fd_assert_ok(fd_store_arrears(&a, f.s, &clerk, D(2026, 11, 20)));
    fd_arrears_row r;
    fd_assert_ok(fd_arrears_get(&r, a, 0));
    cr_assert_str_eq(r.last_step, "reminder");
    assert_date(r.last_demand_on, 2026, 11, 20);
    cr_assert_str_eq(r.next_step, "letter");
    assert_date(r.next_step_on, 2027, 2, 20);
    fd_arrears_free(a);
    fd_assert_ok(fd_store_dunning_due(&a, f.s, &clerk, D(2026, 11, 20)));
    cr_assert_eq(fd_arrears_count(a), 1, "u1 is not due again before the letter");
    fd_assert_ok(fd_arrears_get(&r, a, 0));
    cr_assert_eq(r.unit_id, f.u3);
    fd_arrears_free(a);
    /* three months on, still unpaid: the letter is due */
    fd_actor later = fd_test_actor(f.t.site, f.t.clerk, T0 + 92 * 86400LL);
    fd_assert_ok(fd_store_dunning_due(&a, f.s, &later, D(2027, 2, 20)));
    cr_assert_eq(fd_arrears_count(a), 2);
    fd_arrears_free(a);
    d.step = "letter";
    d.channel = "express";
    d.happened_on = D(2027, 2, 20);
    d.deadline = NONE;
    fd_assert_ok(fd_store_dunning_step_add(&id, f.s, &later, &d));
    fd_dunning_step_filter flt = FD_DUNNING_STEP_FILTER_INIT;
    fd_dunning_step_iter *it = NULL;
    fd_assert_ok(fd_store_dunning_step_query(&it, f.s, &later, &flt));
    const fd_dunning_step *got;
    int n = 0;
    while (fd_dunning_step_iter_next(&got, it) == FD_OK && got)
        n++;
    fd_dunning_step_iter_free(it);
    cr_assert_eq(n, 2);
    free(before);
    fd_store_close(f.s);
}

Test(fees_arrears, R_FEE_2_notices_from_the_site_template)
{
    fixture f = setup("arrears_notice");
    standard_bills(&f);
    fd_actor clerk = fd_test_actor(f.t.site, f.t.clerk, T0);
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_store_fee_notice(&b, f.s, &clerk, "dunning", f.u1, D(2026, 11, 20)));
    cr_assert(strstr(b.ptr, "催款通知书") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "𠮷田") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "¥366.90") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "叁佰陆拾陆元玖角") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "2026-08、2026-09、2026-10") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "2026年12月5日") != NULL, "the deadline 15 days on: %s", b.ptr);
    fd_assert_ok(fd_store_fee_notice(&b, f.s, &clerk, "payment", f.u1, D(2026, 11, 20)));
    cr_assert(strstr(b.ptr, "¥490.35") != NULL, "the bill due today is named: %s", b.ptr);
    fd_assert_error(fd_store_fee_notice(&b, f.s, &clerk, "dunning", f.u2, D(2026, 11, 20)), FD_ESTATE, "nothing");
    cr_assert_eq(b.size, 0);
    fd_assert_error(fd_store_fee_notice(&b, f.s, &clerk, "dunning", f.u_other, D(2026, 11, 20)), FD_ENOTFOUND, "unit_id");
    fd_assert_error(fd_store_fee_notice(&b, f.s, &clerk, "receipt", f.u1, D(2026, 11, 20)), FD_EINVAL, "kind");
    /* the site's own template; a clerk may not set it */
    int64_t id;
    fd_assert_error(fd_store_notice_template_set(&id, f.s, &clerk, "dunning", "{unit} 欠 {amount}"), FD_EPERM,
                    "manage");
    fd_actor sys = fd_test_actor(f.t.site, 0, T0);
    fd_assert_error(fd_store_notice_template_set(&id, f.s, &sys, "dunning", "{unit} 欠 {amont}"), FD_EINVAL,
                    "{amont}");
    fd_assert_error(fd_store_notice_template_set(&id, f.s, &sys, "letter", "{unit}"), FD_EINVAL, "kind");
    fd_assert_ok(fd_store_notice_template_set(&id, f.s, &sys, "dunning", "{unit} 欠 {amount}（{amount_upper}）{{}}"));
    fd_assert_ok(fd_store_fee_notice(&b, f.s, &clerk, "dunning", f.u1, D(2026, 11, 20)));
    cr_assert_str_eq(b.ptr, "3-501 欠 ¥366.90（叁佰陆拾陆元玖角）{}");
    fd_buf_dispose(&b);
    fd_store_close(f.s);
}

Test(fees_arrears, R_COM_2_notice_masks_the_payer_unless_revealed)
{
    fixture f = setup("arrears_notice_mask");
    standard_bills(&f);
    fd_actor sys = fd_test_actor(f.t.site, 0, T0);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "pii.mask_names", 1));
    fd_actor clerk = fd_test_actor(f.t.site, f.t.clerk, T0);
    fd_buf b = FD_BUF_INIT;
    int64_t tid = 0;
    fd_assert_ok(fd_store_notice_template_set(&tid, f.s, &sys, "dunning", "[{payer}]"));
    fd_assert_ok(fd_store_fee_notice(&b, f.s, &clerk, "dunning", f.u1, D(2026, 11, 20)));
    cr_assert_str_eq(b.ptr, "[𠮷*]", "masked: %s", b.ptr);
    int64_t reveals = fd_test_sql_int(f.path, "SELECT count(*) FROM reveals");
    fd_actor boss = fd_test_actor(f.t.site, f.t.manager, T0);
    boss.grants = FD_GRANT_REVEAL;
    boss.reason = "寄送催款函";
    fd_assert_ok(fd_store_fee_notice(&b, f.s, &boss, "dunning", f.u1, D(2026, 11, 20)));
    cr_assert_str_eq(b.ptr, "[𠮷田]");
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM reveals"), reveals + 1, "the reveal is logged");
    fd_buf_dispose(&b);
    fd_store_close(f.s);
}

/* Bills made by billing itself (fd_store_bill_generate), not written behind its back. */
Test(fees_arrears, R_FEE_6_arrears_of_bills_made_by_billing)
{
    fixture f = setup("arrears_billed");
    fd_actor sys = fd_test_actor(f.t.site, 0, T0);
    fd_fee_item it = FD_FEE_ITEM_INIT;
    it.code = "pm";
    it.name = "物业服务费";
    it.kind = "area";
    int64_t item = 0, rate = 0;
    fd_assert_ok(fd_store_fee_item_add(&item, f.s, &sys, &it));
    fd_fee_rate r = FD_FEE_RATE_INIT;
    r.item_id = item;
    r.effective_from = D(2026, 8, 1);
    r.price_e4 = 12345; /* 1.2345 yuan/m² on 88.88 m²: 109.72 yuan a month */
    r.source = "市物价局公布收费标准";
    fd_assert_ok(fd_store_fee_rate_add(&rate, f.s, &sys, &r));
    const int64_t units[] = { f.u1, f.u2 };
    for (int m = 8; m <= 10; m++) {
        fd_bill_run run = FD_BILL_RUN_INIT;
        fd_assert_ok(fd_store_bill_generate(&run, f.s, &sys, D(2026, m, 1), "month", units, 2));
        cr_assert_eq(run.amount, 2 * 10972);
    }
    /* u2 pays August in full: only its bills' paid/state matter here */
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE bills SET paid = amount, state = 'paid' WHERE unit_id = 2 AND "
                                          "period_start = '2026-08-01'"),
                 0);
    fd_actor clerk = fd_test_actor(f.t.site, f.t.clerk, T0);
    fd_arrears *a = NULL;
    fd_assert_ok(fd_store_arrears(&a, f.s, &clerk, D(2026, 11, 20)));
    cr_assert_eq(fd_arrears_count(a), 2);
    fd_arrears_row u1, u2, tot;
    fd_assert_ok(fd_arrears_get(&u1, a, 0));
    fd_assert_ok(fd_arrears_get(&u2, a, 1));
    fd_assert_ok(fd_arrears_total(&tot, a));
    cr_assert_eq(u1.unit_id, f.u1);
    cr_assert_eq(u1.bills, 3);
    cr_assert_eq(u1.outstanding, 3 * 10972);
    cr_assert_eq(u1.d0_30 + u1.d31_90 + u1.d91_180 + u1.d181_365 + u1.over_365, u1.outstanding);
    cr_assert_eq(u2.bills, 2);
    cr_assert_eq(u2.outstanding, 2 * 10972);
    cr_assert(u2.oldest_due.month == u1.oldest_due.month + 1, "u2's August is paid: its oldest is September's");
    cr_assert_eq(tot.outstanding, 5 * 10972);
    cr_assert_eq(tot.occupied, 1);
    /* billing set each bill's clock: the unit's is its oldest bill's, three years on (art. 188) */
    fd_date lim;
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_fee_limitation_end(&lim, u1.oldest_due, u1.oldest_due, cal));
    assert_date(u1.limitation_on, lim.year, lim.month, lim.day);
    cr_assert_str_eq(u1.next_step, "reminder");
    fd_arrears_free(a);
    /* a reminder restarts the clock of every overdue bill of the unit (art. 195) */
    fd_dunning_step d = FD_DUNNING_STEP_INIT;
    d.unit_id = f.u1;
    d.step = "reminder";
    d.channel = "sms";
    d.happened_on = D(2026, 11, 20);
    int64_t id = 0;
    fd_assert_ok(fd_store_dunning_step_add(&id, f.s, &clerk, &d));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM bills WHERE unit_id = 1 AND last_demand_on = "
                                         "'2026-11-20' AND limitation_on = '2029-11-20'"),
                 3);
    fd_assert_ok(fd_store_arrears(&a, f.s, &clerk, D(2026, 11, 20)));
    fd_assert_ok(fd_arrears_get(&u1, a, 0));
    cr_assert_str_eq(u1.last_step, "reminder");
    cr_assert_str_eq(u1.next_step, "letter");
    assert_date(u1.next_step_on, 2027, 2, 20);
    fd_arrears_free(a);
    fd_calendar_free(cal);
    fd_store_close(f.s);
}
