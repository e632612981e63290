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
