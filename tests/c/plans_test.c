/*
 * Plans (issue 15), the pure rules of the repairs part: the code lists every
 * plans part uses, the work order's lifecycle as one table (R-PLN-6), the
 * follow-up's due on the site's calendar (R-PLN-1), the assignment policy.
 * No store: values in, values out. The dates are real days of 2026 with the
 * State Council's holidays (国庆节 10-01 … 10-07, the make-up working
 * Saturday 10-10).
 */
#include "fd_test.h"

#include <stdlib.h>

/* --- codes --------------------------------------------------------------------------------- */

Test(plans, R_COM_5_codes_label_and_parse_every_list)
{
    static const char *const lists[] = { "channel", "category", "repair_state", "repair_step", "assignment",
                                         "method", "result", "satisfaction", "source", "attempt", "recurrence",
                                         "visit_state", "followup_state", "callback_state" };
    static const char *const codes[] = {
        "phone", "walk_in", "wechat", "patrol", "other", "safety", "leak", "electrical", "plumbing", "received",
        "dispatched", "accepted", "paused", "done", "followed_up", "closed", "receive", "dispatch", "accept",
        "transfer", "return", "pause", "resume", "leak_test", "followup", "rework", "close", "close_undone", "desk",
        "round_robin", "least_open", "visit", "fixed", "not_fixed", "satisfied", "average", "unsatisfied", "call",
        "complaint", "member", "repair", "question", "no_answer", "busy", "once", "weekly", "monthly",
        "working_days", "planned", "missed", "cancelled", "open", "superseded"
    };
    fd_buf out = FD_BUF_INIT;
    size_t found = 0;
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        for (size_t k = 0; k < sizeof codes / sizeof *codes; k++) {
            const char *label = fd_plan_code_label(lists[i], codes[k]);
            if (label == NULL)
                continue;
            found++;
            fd_assert_ok(fd_plan_code_parse(&out, lists[i], label));
            cr_assert_str_eq(out.ptr, codes[k], "%s: %s", lists[i], label);
            fd_assert_ok(fd_plan_code_parse(&out, lists[i], codes[k]));
            cr_assert_str_eq(out.ptr, codes[k]);
        }
    }
    /* channel 5, category 5, repair_state 7, repair_step 13, assignment 3, method 2, result 2,
     * satisfaction 3, source 5, attempt 3, recurrence 4, visit_state 4, followup_state 3, callback_state 3 */
    cr_assert_eq(found, 5 + 5 + 7 + 13 + 3 + 2 + 2 + 3 + 5 + 3 + 4 + 4 + 3 + 3);
    cr_assert_str_eq(fd_plan_code_label("category", "leak"), "渗漏");
    cr_assert_str_eq(fd_plan_code_label("repair_step", "leak_test"), "闭水试验");
    cr_assert_str_eq(fd_plan_code_label("repair_state", "paused"), "暂停待料");
    /* What desks type: Traditional, full-width, the words they use. */
    static const char *const typed[][3] = {
        { "category", "滲漏", "leak" },          { "category", "漏水", "leak" },
        { "category", "ＳＡＦＥＴＹ", "safety" }, { "repair_step", "閉水試驗", "leak_test" },
        { "repair_step", " 轉單 ", "transfer" }, { "repair_state", "暫停待料", "paused" },
        { "channel", "微信", "wechat" },         { "result", "未修好", "not_fixed" },
        { "method", "電話", "phone" },           { "assignment", "輪流", "round_robin" },
        { "attempt", "無人接聽", "no_answer" },  { "recurrence", "每週", "weekly" },
    };
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        fd_assert_ok(fd_plan_code_parse(&out, typed[i][0], typed[i][1]));
        cr_assert_str_eq(out.ptr, typed[i][2], "%s", typed[i][1]);
    }
    fd_assert_error(fd_plan_code_parse(&out, "category", "lift"), FD_EINVAL, "leak 渗漏");
    cr_assert_eq(out.size, 0);
    fd_assert_error(fd_plan_code_parse(&out, "colour", "red"), FD_EINVAL, "field");
    fd_assert_error(fd_plan_code_parse(&out, "channel", "13812345678"), FD_EINVAL, "holding a number");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7);
    cr_assert_null(fd_plan_code_label("category", "lift"));
    cr_assert_null(fd_plan_code_label(NULL, "leak"));
    cr_assert_null(fd_plan_code_label("category", NULL));
    fd_buf_dispose(&out);
}

/* --- the lifecycle (R-PLN-6) --------------------------------------------------------------- */

/* 2026-04-03 17:00 Friday before 清明节 (04-04 … 04-06), 17:30 the leak test; 04-09 the third working day after */
#define APR3_1700 1775206800
#define APR3_1730 1775208600
#define APR9_CLOSE 1775727000 /* 17:30, end of business */
/* 2026-10-09 17:00 Friday; 10-10 10:00 the make-up working Saturday (调休); 10-13, 10-14 ends of day */
#define OCT9_1700 1791536400
#define OCT10_1000 1791597600
#define OCT13_END 1791907199
#define OCT14_CLOSE 1791970200
/* 2026-09-30 17:55 the eve of 国庆节; 10-09 the second working day after */
#define SEP30_1755 1790762100
#define OCT9_CLOSE 1791538200

static fd_repair a_repair(const char *category, const char *state)
{
    fd_repair r = FD_REPAIR_INIT;
    r.site_id = 1;
    r.created_at = APR3_1700 - 86400;
    r.received_at = APR3_1700 - 86400;
    r.channel = "phone";
    r.category = category;
    r.unit_id = 7;
    r.what = "卫生间漏水到楼下";
    r.state = state;
    return r;
}

static const char *step_to(fd_repair *r, const char *kind, int64_t handler, const char *note)
{
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    s.kind = kind;
    s.handler_id = handler;
    s.note = note;
    const char *to = NULL;
    fd_assert_ok(fd_repair_step_check(&to, r, &s));
    r->state = to;
    if (handler)
        r->handler_id = handler;
    return to;
}

Test(plans, R_PLN_6_lifecycle_received_to_closed_through_one_table)
{
    fd_repair r = a_repair("electrical", "received");
    cr_assert_str_eq(step_to(&r, "dispatch", 11, NULL), "dispatched");
    cr_assert_str_eq(step_to(&r, "accept", 0, NULL), "accepted");
    cr_assert_str_eq(step_to(&r, "pause", 0, "等配件：空开"), "paused");
    cr_assert_str_eq(step_to(&r, "resume", 0, NULL), "accepted");
    cr_assert_str_eq(step_to(&r, "done", 0, NULL), "done");
    cr_assert_str_eq(step_to(&r, "followup", 0, NULL), "followed_up");
    cr_assert_str_eq(step_to(&r, "close", 0, NULL), "closed");
    fd_buf out = FD_BUF_INIT;
    fd_assert_ok(fd_repair_steps_allowed(&out, "received"));
    cr_assert_str_eq(out.ptr, "dispatch, close_undone");
    fd_assert_ok(fd_repair_steps_allowed(&out, "closed"));
    cr_assert_str_eq(out.ptr, "no step");
    fd_assert_error(fd_repair_steps_allowed(&out, "gone"), FD_EINVAL, "received 已受理");
    fd_buf_dispose(&out);
}

Test(plans, R_PLN_6_transferred_twice_and_returned_goes_back_to_the_desk)
{
    fd_repair r = a_repair("plumbing", "received");
    step_to(&r, "dispatch", 11, NULL);
    step_to(&r, "accept", 0, NULL);
    cr_assert_str_eq(step_to(&r, "transfer", 12, NULL), "dispatched");
    cr_assert_str_eq(step_to(&r, "transfer", 13, NULL), "dispatched");
    cr_assert_eq(r.handler_id, 13);
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    const char *to = NULL;
    s.kind = "transfer";
    s.handler_id = 13;
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_EINVAL, "another handler");
    s.kind = "return";
    s.handler_id = 0;
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_EINVAL, "step.note");
    cr_assert_str_eq(step_to(&r, "return", 0, "不属于工程部"), "received");
}

Test(plans, R_PLN_6_refusals_name_the_state_and_the_steps_it_allows)
{
    fd_repair r = a_repair("electrical", "received");
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    const char *to = NULL;
    s.kind = "done";
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_ESTATE, "received (已受理) allows dispatch, close_undone");
    s.kind = "dispatch";
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_EINVAL, "step.handler_id");
    s.kind = "receive";
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_EINVAL, "fd_store_repair_add");
    s.kind = "fly";
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_EINVAL, "step.kind");
    s.kind = "close_undone";
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_EINVAL, "step.note");
    s.note = "业主取消";
    fd_assert_ok(fd_repair_step_check(&to, &r, &s));
    cr_assert_str_eq(to, "closed");
    r.state = "done";
    s.kind = "leak_test";
    s.note = NULL;
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_ESTATE, "only a leak repair");
}

Test(plans, R_PLN_1_a_leak_is_followed_up_after_its_leak_test_once)
{
    fd_repair r = a_repair("leak", "done");
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    const char *to = NULL;
    s.kind = "followup";
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_ESTATE, "after its leak test");
    s.kind = "leak_test";
    fd_assert_ok(fd_repair_step_check(&to, &r, &s));
    cr_assert_str_eq(to, "done");
    r.leak_tested_at = APR3_1730;
    fd_assert_error(fd_repair_step_check(&to, &r, &s), FD_ESTATE, "passed already");
    s.kind = "rework";
    fd_assert_ok(fd_repair_step_check(&to, &r, &s));
    cr_assert_str_eq(to, "dispatched");
}

Test(plans, R_PLN_6_validate_needs_a_place_and_a_sane_agreed_time)
{
    fd_repair r = a_repair("leak", NULL);
    fd_assert_ok(fd_repair_validate(&r));
    r.unit_id = 0;
    fd_assert_error(fd_repair_validate(&r), FD_EINVAL, "repair.address");
    r.address = "3号楼电梯厅𠮷";
    fd_assert_ok(fd_repair_validate(&r));
    r.category = "lift";
    fd_assert_error(fd_repair_validate(&r), FD_EINVAL, "repair.category");
    r.category = "leak";
    r.agreed_from = APR3_1730;
    fd_assert_error(fd_repair_validate(&r), FD_EINVAL, "repair.agreed_to");
    r.agreed_to = APR3_1700;
    fd_assert_error(fd_repair_validate(&r), FD_ERANGE, "repair.agreed_to");
    r.agreed_from = r.agreed_to = 0;
    r.contact = "12";
    fd_assert_error(fd_repair_validate(&r), FD_EINVAL, "repair.contact");
}

/* --- the follow-up's due (R-PLN-1) ------------------------------------------------------------ */

/* The due of @r's follow-up on the built-in calendar: the keys' default unit (working days, R-PLN-1: "working
 * days by default"), or with @calendar every follow-up key set to calendar days (a rest day rolled to the next
 * working day), as `policy set KEY N calendar_days` does. */
static fd_followup_plan due_of(fd_repair *r, bool calendar)
{
    fd_calendar *cal = NULL;
    fd_policy *pol = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_policy_new(&pol));
    static const char *const keys[] = { "followup.safety_repair_days", "followup.leak_repair_days",
                                        "followup.other_repair_days" };
    for (size_t i = 0; i < 3; i++) {
        int64_t amount = 0;
        int unit = 0;
        fd_assert_ok(fd_policy_get_deadline(&amount, &unit, pol, keys[i]));
        cr_assert_eq(unit, FD_CALENDAR_UNIT_WORKING_DAYS, "%s: default unit %d", keys[i], unit);
        if (calendar)
            fd_assert_ok(fd_policy_set_deadline(pol, keys[i], amount, FD_CALENDAR_UNIT_CALENDAR_DAYS));
    }
    fd_followup_plan p;
    fd_assert_ok(fd_followup_due(&p, r, cal, pol));
    fd_policy_free(pol);
    fd_calendar_free(cal);
    return p;
}

/* 2026-04-07 and 10-08 ends of day: the first working days after 清明节 and 国庆节 */
#define APR7_END 1775577599
#define OCT8_END 1791475199

Test(plans, R_PLN_1_leak_done_friday_1700_before_a_holiday_counts_working_days_from_the_leak_test)
{
    fd_repair r = a_repair("leak", "done");
    r.done_at = APR3_1700;
    r.leak_tested_at = APR3_1730;
    fd_followup_plan p = due_of(&r, false);
    cr_assert_str_eq(p.policy_key, "followup.leak_repair_days");
    cr_assert_eq(p.start_at, APR3_1730);
    cr_assert_eq(p.amount, 3);
    /* by default in working days: 04-07, 04-08, 04-09 (清明节 04-04..06 skipped), at the end of business */
    cr_assert_eq(p.unit, FD_CALENDAR_UNIT_WORKING_DAYS);
    cr_assert_eq(p.due_at, APR9_CLOSE, "due %lld", (long long)p.due_at);
    cr_assert_eq(p.provisional, 0);
    p = due_of(&r, true); /* set to calendar days: 3 days end on 04-06, a holiday, rolled to the first working day */
    cr_assert_eq(p.unit, FD_CALENDAR_UNIT_CALENDAR_DAYS);
    cr_assert_eq(p.due_at, APR7_END, "due %lld", (long long)p.due_at);
}

Test(plans, R_PLN_1_leak_test_on_a_make_up_saturday)
{
    fd_repair r = a_repair("leak", "done");
    r.done_at = OCT9_1700;
    r.leak_tested_at = OCT10_1000; /* 调休: a working Saturday */
    cr_assert_eq(due_of(&r, false).due_at, OCT14_CLOSE); /* 10-12, 10-13, 10-14; from the done step the 13th */
    cr_assert_eq(due_of(&r, true).due_at, OCT13_END);    /* calendar days; from the done step it would be the 12th */
}

Test(plans, R_PLN_1_safety_and_other_keys_and_their_refusals)
{
    fd_repair r = a_repair("safety", "done");
    r.done_at = SEP30_1755;
    fd_followup_plan p = due_of(&r, false);
    cr_assert_str_eq(p.policy_key, "followup.safety_repair_days");
    cr_assert_eq(p.due_at, OCT9_CLOSE, "due %lld", (long long)p.due_at); /* working days 10-08, 10-09 */
    cr_assert_eq(due_of(&r, true).due_at, OCT8_END); /* calendar days: 10-02 is 国庆节, rolled */
    r.category = "plumbing";
    cr_assert_str_eq(due_of(&r, false).policy_key, "followup.other_repair_days");
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    r.done_at = 0;
    fd_assert_error(fd_followup_due(&p, &r, cal, NULL), FD_ESTATE, "not done");
    r.category = "leak";
    r.done_at = APR3_1700;
    fd_assert_error(fd_followup_due(&p, &r, cal, NULL), FD_ESTATE, "leak test");
    fd_calendar_free(cal);
}

Test(plans, R_PLN_1_outcome_needs_method_result_and_when_fixed_satisfaction)
{
    fd_assert_ok(fd_followup_outcome_check("phone", "fixed", "satisfied", "挺好"));
    fd_assert_ok(fd_followup_outcome_check("visit", "not_fixed", NULL, NULL));
    fd_assert_error(fd_followup_outcome_check("phone", "fixed", NULL, NULL), FD_EINVAL, "satisfaction");
    fd_assert_error(fd_followup_outcome_check("fax", "fixed", "satisfied", NULL), FD_EINVAL, "visit 上门");
    fd_assert_error(fd_followup_outcome_check("phone", "maybe", NULL, NULL), FD_EINVAL, "result");
}

/* --- assignment (R-PLN-6) ------------------------------------------------------------------------ */

Test(plans, R_PLN_6_pick_round_robin_wraps_and_least_open_breaks_ties_in_turn)
{
    const int64_t members[] = { 30, 10, 20 };
    const int64_t open[] = { 2, 5, 2 };
    int64_t who = -1;
    fd_assert_ok(fd_repair_pick_handler(&who, "round_robin", members, 3, NULL, 0, 0));
    cr_assert_eq(who, 10);
    fd_assert_ok(fd_repair_pick_handler(&who, "round_robin", members, 3, NULL, 0, 20));
    cr_assert_eq(who, 30);
    fd_assert_ok(fd_repair_pick_handler(&who, "round_robin", members, 3, NULL, 0, 30));
    cr_assert_eq(who, 10);
    fd_assert_ok(fd_repair_pick_handler(&who, "least_open", members, 3, open, 3, 20));
    cr_assert_eq(who, 30);
    fd_assert_ok(fd_repair_pick_handler(&who, "least_open", members, 3, open, 3, 30));
    cr_assert_eq(who, 20);
    fd_assert_ok(fd_repair_pick_handler(&who, "desk", members, 3, open, 3, 0));
    cr_assert_eq(who, 0);
    fd_assert_ok(fd_repair_pick_handler(&who, "least_open", NULL, 0, NULL, 0, 0));
    cr_assert_eq(who, 0);
    fd_assert_error(fd_repair_pick_handler(&who, "least_open", members, 3, open, 2, 0), FD_EINVAL, "open_counts_len");
    const int64_t twice[] = { 5, 5 };
    fd_assert_error(fd_repair_pick_handler(&who, "round_robin", twice, 2, NULL, 0, 0), FD_EINVAL, "members[1]");
    fd_assert_error(fd_repair_pick_handler(&who, "lottery", members, 3, NULL, 0, 0), FD_EINVAL, "round_robin 轮流");
    cr_assert_str_eq(fd_repair_assignment_code(2), "least_open");
    cr_assert_null(fd_repair_assignment_code(3));
}
