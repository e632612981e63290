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
