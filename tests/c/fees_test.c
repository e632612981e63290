/* The fees module's pure billing rules (issue 14 items 1, 2, 8): codes, line amounts, periods, late fees. */
#include "fd_test.h"

static fd_fee_line_input line(int64_t qty_e2, int64_t price_e4)
{
    fd_fee_line_input in = FD_FEE_LINE_INPUT_INIT;
    in.qty_e2 = qty_e2;
    in.price_e4 = price_e4;
    return in;
}

static void amount_is(const fd_fee_line_input *in, int64_t want, int64_t want_residue)
{
    int64_t amount = -1, residue = -1;
    fd_assert_ok(fd_fee_line_amount(&amount, &residue, in));
    cr_assert_eq(amount, want, "amount %lld, expected %lld", (long long)amount, (long long)want);
    cr_assert_eq(residue, want_residue, "residue %lld, expected %lld", (long long)residue, (long long)want_residue);
}

static fd_date d(int y, int m, int day)
{
    return (fd_date){ y, m, day };
}

/* --- codes ------------------------------------------------------------------- */

Test(fees, R_FEE_8_code_labels)
{
    cr_assert_str_eq(fd_fee_code_label("kind", "area"), "按面积");
    cr_assert_str_eq(fd_fee_code_label("method", "wechat"), "微信");
    cr_assert_str_eq(fd_fee_code_label("bucket", "over_365"), "一年以上");
    cr_assert_str_eq(fd_fee_code_label("notice", "dunning"), "催款通知书");
    cr_assert_null(fd_fee_code_label("kind", "nothing"));
    cr_assert_null(fd_fee_code_label("nothing", "area"));
    cr_assert_null(fd_fee_code_label(NULL, NULL));
}

Test(fees, R_FEE_8_code_parse_takes_code_label_traditional_full_width)
{
    fd_buf out = FD_BUF_INIT;
    fd_assert_ok(fd_fee_code_parse(&out, "kind", "按面積"));
    cr_assert_str_eq(out.ptr, "area");
    fd_assert_ok(fd_fee_code_parse(&out, "method", "銀行轉賬"));
    cr_assert_str_eq(out.ptr, "transfer");
    fd_assert_ok(fd_fee_code_parse(&out, "method", "ＣＡＳＨ"));
    cr_assert_str_eq(out.ptr, "cash");
    fd_assert_ok(fd_fee_code_parse(&out, "line", "滞纳金"));
    cr_assert_str_eq(out.ptr, "late_fee");
    fd_assert_ok(fd_fee_code_parse(&out, "period", "季度"));
    cr_assert_str_eq(out.ptr, "quarter");
    fd_assert_error(fd_fee_code_parse(&out, "kind", "停水"), FD_EINVAL, "text");
    fd_assert_error(fd_fee_code_parse(&out, "colour", "area"), FD_EINVAL, "field");
    fd_buf_dispose(&out);
}

Test(fees, R_FEE_8_rounding_modes_follow_money_round)
{
    int mode = -1;
    fd_assert_ok(fd_fee_rounding_mode(&mode, "half_up"));
    cr_assert_eq(mode, FD_MONEY_ROUND_HALF_UP);
    fd_assert_ok(fd_fee_rounding_mode(&mode, "ceiling"));
    cr_assert_eq(mode, FD_MONEY_ROUND_CEILING);
    fd_assert_ok(fd_fee_rounding_mode(&mode, "half_even"));
    cr_assert_eq(mode, FD_MONEY_ROUND_HALF_EVEN);
    fd_assert_error(fd_fee_rounding_mode(&mode, "四舍五入"), FD_EINVAL, "code");
    fd_assert_error(fd_fee_rounding_mode(&mode, NULL), FD_EINVAL, "code");
    cr_assert_str_eq(fd_fee_rounding_code(FD_MONEY_ROUND_DOWN), "down");
    cr_assert_null(fd_fee_rounding_code(6));
    cr_assert_null(fd_fee_rounding_code(-1));
}

/* --- a line's amount -------------------------------------------------------------- */

Test(fees, R_FEE_8_rate_1_2345_per_m2_on_88_88_m2)
{
    fd_fee_line_input in = line(8888, 12345); /* 109.72236 yuan */
    amount_is(&in, 10972, 2360);
    in.rounding = FD_MONEY_ROUND_UP;
    amount_is(&in, 10973, -7640);
    in.rounding = FD_MONEY_ROUND_DOWN;
    amount_is(&in, 10972, 2360);
}

Test(fees, R_FEE_7_custody_70_percent_is_one_rounding)
{
    fd_fee_line_input in = line(8888, 12345);
    in.custody_pct = 70; /* 7680.5652 fen */
    amount_is(&in, 7681, -4348);
    in.rounding = FD_MONEY_ROUND_HALF_EVEN;
    amount_is(&in, 7681, -4348);
    in.rounding = FD_MONEY_ROUND_FLOOR;
    amount_is(&in, 7680, 5652);
}

Test(fees, R_FEE_7_custody_from_the_15th)
{
    /* 30-day month, custody from the 15th: days 15..30 (16) at 70 %, 1..14 (14) in full. */
    fd_fee_line_input in = line(8888, 12345);
    in.month_days = 30;
    in.custody_pct = 70;
    in.custody_days = 16;
    /* 10972.236 × (14 + 16 × 0.7) / 30 = 9216.67824 fen */
    amount_is(&in, 9217, -3218);
    /* management fee 2.50/m² on 100 m²: 25000 × (14 + 11.2) / 30 = 21000 fen exactly */
    fd_fee_line_input m = line(10000, 25000);
    m.month_days = 30;
    m.custody_pct = 70;
    m.custody_days = 16;
    amount_is(&m, 21000, 0);
}

Test(fees, R_FEE_2_proration_by_days)
{
    fd_fee_line_input in = line(100, 1000000); /* 100 yuan a month */
    in.days = 10;
    in.month_days = 31;
    amount_is(&in, 3226, -1935); /* 3225.806451... */
    in.days = 0; /* the whole month */
    amount_is(&in, 10000, 0);
}

Test(fees, R_FEE_8_one_fen_and_the_largest_amounts)
{
    fd_fee_line_input in = line(100, 100); /* 0.01 yuan */
    amount_is(&in, 1, 0);
    fd_fee_line_input big = line(100, 999999999900); /* 99,999,999.99 yuan */
    amount_is(&big, 9999999999, 0);
    fd_fee_line_input over = line(INT64_MAX / 1000, 10000);
    int64_t a = 7, r = 7;
    fd_assert_error(fd_fee_line_amount(&a, &r, &over), FD_ERANGE, "qty_e2");
    cr_assert_eq(a, 7);
}

Test(fees, R_FEE_8_line_refuses_bad_fields_naming_them)
{
    int64_t a, r;
    fd_fee_line_input in = line(-1, 100);
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_ERANGE, "in.qty_e2");
    in = line(100, -5);
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_ERANGE, "in.price_e4");
    in = line(100, 100);
    in.days = 31;
    in.month_days = 30;
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_ERANGE, "in.days");
    in = line(100, 100);
    in.custody_pct = 101;
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_ERANGE, "in.custody_pct");
    in = line(100, 100);
    in.custody_days = 3;
    in.month_days = 30;
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_ERANGE, "in.custody_days");
    in = line(100, 100);
    in.rounding = 9;
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_EINVAL, "in.rounding");
    in.version = 99;
    fd_assert_error(fd_fee_line_amount(&a, &r, &in), FD_EINVAL, "in.version");
    fd_assert_error(fd_fee_line_amount(NULL, &r, &in), FD_EINVAL, "amount");
    fd_assert_ok(fd_fee_line_input_init(&in, FD_FEE_LINE_INPUT_VERSION));
    cr_assert_eq(in.qty_e2, 0);
    fd_assert_error(fd_fee_line_input_init(&in, 7), FD_EINVAL, "version");
}

/* --- periods --------------------------------------------------------------- */

static void end_is(fd_date start, const char *period, fd_date want)
{
    fd_date e;
    fd_assert_ok(fd_fee_period_end(&e, start, period));
    cr_assert(e.year == want.year && e.month == want.month && e.day == want.day, "%d-%d-%d %s ends %d-%d-%d",
              start.year, start.month, start.day, period, e.year, e.month, e.day);
}

Test(fees, R_FEE_2_periods_are_half_open_and_clamp_as_art_202)
{
    end_is(d(2026, 11, 1), "month", d(2026, 12, 1));
    end_is(d(2026, 12, 1), "month", d(2027, 1, 1));
    end_is(d(2026, 1, 15), "month", d(2026, 2, 15));
    end_is(d(2026, 1, 31), "month", d(2026, 3, 1));
    end_is(d(2026, 1, 29), "month", d(2026, 3, 1));
    end_is(d(2024, 1, 29), "month", d(2024, 2, 29));
    end_is(d(2026, 11, 1), "quarter", d(2027, 2, 1));
    end_is(d(2024, 2, 29), "year", d(2025, 3, 1));
    end_is(d(2026, 12, 31), "once", d(2027, 1, 1));
    fd_date e;
    fd_assert_error(fd_fee_period_end(&e, d(2026, 1, 1), "week"), FD_EINVAL, "period");
    fd_assert_error(fd_fee_period_end(&e, d(2026, 2, 30), "month"), FD_EINVAL, "start");
    fd_assert_error(fd_fee_period_end(&e, d(9999, 12, 1), "month"), FD_ERANGE, "start");
}

Test(fees, R_FEE_2_days_a_partial_month_holds)
{
    int64_t days, md;
    fd_assert_ok(fd_fee_days_in(&days, &md, d(2026, 11, 1), d(2026, 12, 1), d(2026, 11, 15), (fd_date){ 0, 0, 0 }));
    cr_assert_eq(days, 16);
    cr_assert_eq(md, 30);
    fd_assert_ok(fd_fee_days_in(&days, &md, d(2026, 2, 1), d(2026, 3, 1), d(2025, 1, 1), d(2026, 2, 10)));
    cr_assert_eq(days, 9);
    cr_assert_eq(md, 28);
    fd_assert_ok(fd_fee_days_in(&days, &md, d(2026, 2, 1), d(2026, 3, 1), d(2026, 3, 5), (fd_date){ 0, 0, 0 }));
    cr_assert_eq(days, 0);
    fd_assert_error(fd_fee_days_in(&days, &md, d(2026, 2, 1), d(2026, 2, 1), d(2026, 3, 5), (fd_date){ 0, 0, 0 }),
                    FD_EINVAL, "month_end");
}

Test(fees, R_FEE_2_due_on_from_policy)
{
    fd_date due;
    fd_assert_ok(fd_fee_due_on(&due, d(2026, 11, 1), d(2026, 12, 1), NULL));
    cr_assert(due.year == 2026 && due.month == 11 && due.day == 15);
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_set(p, "fee.due_days", 366));
    fd_assert_ok(fd_fee_due_on(&due, d(2026, 11, 1), d(2026, 12, 1), p));
    cr_assert(due.month == 11 && due.day == 30); /* never after the period */
    fd_policy_free(p);
}

/* --- late fees -------------------------------------------------------------------- */

Test(fees, R_FEE_2_late_fee_none_by_default)
{
    int64_t fee = -1;
    fd_assert_ok(fd_fee_late_fee(&fee, 100000, d(2026, 11, 15), d(2027, 11, 15), NULL));
    cr_assert_eq(fee, 0);
    fd_buf t = FD_BUF_INIT;
    fd_assert_ok(fd_fee_late_fee_terms(&t, d(2026, 11, 15), d(2027, 11, 15), NULL));
    cr_assert_str_eq(t.ptr, "fee.late_fee.per_day_e4=0: none");
    fd_buf_dispose(&t);
}

Test(fees, R_FEE_2_late_fee_per_day_grace_cap_never_compounding)
{
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_set(p, "fee.late_fee.per_day_e4", 5)); /* 0.05 % a day */
    fd_assert_ok(fd_policy_set(p, "fee.late_fee.grace_days", 3));
    fd_assert_ok(fd_policy_set(p, "fee.late_fee.cap_pct", 10));
    int64_t fee = -1;
    /* due 11-15, grace to 11-18, fee from 11-19: on 11-18 none, on 11-19 one day */
    fd_assert_ok(fd_fee_late_fee(&fee, 100000, d(2026, 11, 15), d(2026, 11, 18), p));
    cr_assert_eq(fee, 0);
    fd_assert_ok(fd_fee_late_fee(&fee, 100000, d(2026, 11, 15), d(2026, 11, 19), p));
    cr_assert_eq(fee, 50);
    fd_assert_ok(fd_fee_late_fee(&fee, 100000, d(2026, 11, 15), d(2026, 12, 2), p)); /* 14 days */
    cr_assert_eq(fee, 700);
    /* linear in days, not compounding: 200 days would be 10 %, the cap */
    fd_assert_ok(fd_fee_late_fee(&fee, 100000, d(2026, 11, 15), d(2027, 6, 6), p));
    cr_assert_eq(fee, 10000);
    fd_assert_ok(fd_fee_late_fee(&fee, 100000, d(2026, 11, 15), d(2030, 1, 1), p));
    cr_assert_eq(fee, 10000);
    fd_assert_ok(fd_fee_late_fee(&fee, 333, d(2026, 11, 15), d(2026, 11, 19), p)); /* 0.1665 fen */
    cr_assert_eq(fee, 0);
    fd_assert_ok(fd_fee_late_fee(&fee, -500, d(2026, 11, 15), d(2027, 11, 19), p));
    cr_assert_eq(fee, 0);
    /* the cap keeps the ratio at most 1: the largest principal cannot overflow */
    fd_assert_ok(fd_fee_late_fee(&fee, INT64_MAX, d(2026, 11, 15), d(2027, 11, 19), p));
    cr_assert_eq(fee, INT64_C(922337203685477581));
    fd_buf t = FD_BUF_INIT;
    fd_assert_ok(fd_fee_late_fee_terms(&t, d(2026, 11, 15), d(2026, 12, 2), p));
    cr_assert_str_eq(t.ptr, "fee.late_fee.per_day_e4=5 from 2026-11-19, 14 days; cap 10 %");
    fd_buf_dispose(&t);
    fd_policy_free(p);
}
