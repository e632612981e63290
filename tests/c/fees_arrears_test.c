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
