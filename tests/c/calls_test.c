/*
 * Calls (issue 11): the pure rules (R-CALL-1, R-CALL-4 … R-CALL-12) and the
 * store's side (the register, tasks, messages, directory, guests, stats, CDR
 * import). Instants are fixed (the actor's `at`), never the clock.
 */
#include "fd_test.h"

#include <sqlite3.h>
#include <stdlib.h>

/* 2026-11-23 09:00 Asia/Shanghai, a Monday */
#define T0 1795395600

/* --- helpers ------------------------------------------------------------- */

/* An incoming call answered @wait seconds after ringing at T0, lasting @talk seconds. */
static fd_call answered_call(int64_t wait, int64_t talk)
{
    fd_call c = FD_CALL_INIT;
    c.direction = "in";
    c.caller_number = "138 1234 5678";
    c.caller_name = "张三";
    c.ring_at = T0;
    c.answer_at = T0 + wait;
    c.end_at = T0 + wait + talk;
    c.disposition = "answered";
    c.category = "inquiry";
    c.channel = "switchboard";
    c.matter = "问物业费怎么交";
    c.read_back = 1;
    return c;
}

static fd_policy *policy_with(const char *key, int64_t value)
{
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    if (key)
        fd_assert_ok(fd_policy_set(p, key, value));
    return p;
}

/* --- codes --------------------------------------------------------------- */

Test(calls, codes_label_and_parse_every_list)
{
    cr_assert_str_eq(fd_call_code_label("category", "inquiry"), "咨询");
    cr_assert_str_eq(fd_call_code_label("disposition", "dropped"), "掉线");
    cr_assert_str_eq(fd_call_code_label("presence", "dnd"), "勿扰");
    cr_assert_str_eq(fd_call_code_label("delivered_how", "in_person"), "当面");
    cr_assert_null(fd_call_code_label("category", "nonsense"));
    cr_assert_null(fd_call_code_label("nonsense", "inquiry"));
    cr_assert_null(fd_call_code_label(NULL, "inquiry"));
    cr_assert_null(fd_call_code_label("category", NULL));
    static const char *const lists[] = { "direction", "disposition", "category", "channel", "apology", "caller_type",
                                         "task_kind", "task_state", "message_state", "delivered_how", "entry_kind",
                                         "presence" };
    fd_buf out = FD_BUF_INIT;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        /* Every label of every list parses back to a code whose label it is. */
        static const char *const probe[] = { "in", "out", "internal", "answered", "no_answer", "busy", "failed",
                                             "congestion", "cancelled", "dropped", "inquiry", "suggestion",
                                             "complaint", "praise", "repair", "fault", "business", "private",
                                             "wrong_number", "hotline", "switchboard", "extension", "mobile",
                                             "other", "given", "omitted", "customer", "supplier", "sales", "staff",
                                             "callback", "reply", "open", "done", "taken", "delivered", "expired",
                                             "in_person", "phone", "sms", "wechat", "email", "note", "person",
                                             "department", "dnd" };
        int found = 0;
        for (size_t k = 0; k < sizeof probe / sizeof probe[0]; k++) {
            const char *label = fd_call_code_label(lists[i], probe[k]);
            if (label == NULL)
                continue;
            found++;
            fd_assert_ok(fd_call_code_parse(&out, lists[i], label));
            cr_assert_str_eq(out.ptr, probe[k], "%s: %s", lists[i], label);
            fd_assert_ok(fd_call_code_parse(&out, lists[i], probe[k]));
            cr_assert_str_eq(out.ptr, probe[k]);
        }
        cr_assert_geq(found, 2, "%s", lists[i]);
    }
    fd_buf_dispose(&out);
}

Test(calls, codes_parse_traditional_full_width_and_spaces)
{
    fd_buf out = FD_BUF_INIT;
    fd_assert_ok(fd_call_code_parse(&out, "category", "諮詢"));
    cr_assert_str_eq(out.ptr, "inquiry");
    fd_assert_ok(fd_call_code_parse(&out, "category", "  投訴 "));
    cr_assert_str_eq(out.ptr, "complaint");
    fd_assert_ok(fd_call_code_parse(&out, "category", "業務聯繫"));
    cr_assert_str_eq(out.ptr, "business");
    fd_assert_ok(fd_call_code_parse(&out, "disposition", "ＡＮＳＷＥＲＥＤ"));
    cr_assert_str_eq(out.ptr, "answered");
    fd_assert_ok(fd_call_code_parse(&out, "disposition", "掉線"));
    cr_assert_str_eq(out.ptr, "dropped");
    fd_assert_ok(fd_call_code_parse(&out, "caller_type", "客戶"));
    cr_assert_str_eq(out.ptr, "customer");
    fd_assert_ok(fd_call_code_parse(&out, "presence", "勿擾"));
    cr_assert_str_eq(out.ptr, "dnd");
    /* Refusals name the list and what it takes, and leave the buffer empty. */
    fd_assert_error(fd_call_code_parse(&out, "category", "闲聊"), FD_EINVAL, "inquiry 咨询");
    cr_assert_eq(out.size, 0);
    fd_assert_error(fd_call_code_parse(&out, "colour", "red"), FD_EINVAL, "field");
    fd_assert_error(fd_call_code_parse(&out, "category", NULL), FD_EINVAL, "text");
    fd_assert_error(fd_call_code_parse(NULL, "category", "咨询"), FD_EINVAL, "out");
    fd_assert_error(fd_call_code_parse(&out, "category", "\xff"), FD_EINVAL, "UTF-8");
    fd_buf_dispose(&out);
}

/* --- R-CALL-1: rings --------------------------------------------------------- */

Test(calls, R_CALL_1_rings_are_the_ceiling_of_wait_over_the_period)
{
    int64_t r = -1;
    fd_assert_ok(fd_call_rings(&r, T0, T0, NULL));
    cr_assert_eq(r, 1, "an answer in the first second is the first ring");
    fd_assert_ok(fd_call_rings(&r, T0, T0 + 1, NULL));
    cr_assert_eq(r, 1);
    fd_assert_ok(fd_call_rings(&r, T0, T0 + 5, NULL));
    cr_assert_eq(r, 1);
    fd_assert_ok(fd_call_rings(&r, T0, T0 + 6, NULL));
    cr_assert_eq(r, 2);
    fd_assert_ok(fd_call_rings(&r, T0, T0 + 15, NULL));
    cr_assert_eq(r, 3, "exactly 15 s is three rings");
    fd_assert_ok(fd_call_rings(&r, T0, T0 + 16, NULL));
    cr_assert_eq(r, 4, "15 s and a bit is the fourth ring");
    fd_policy *p = policy_with("call.ring_period_s", 6);
    fd_assert_ok(fd_call_rings(&r, T0, T0 + 16, p));
    cr_assert_eq(r, 3);
    fd_policy_free(p);
    fd_assert_error(fd_call_rings(&r, T0, T0 - 1, NULL), FD_EINVAL, "answer_at");
    fd_assert_error(fd_call_rings(&r, FD_INSTANT_MAX + 1, T0, NULL), FD_ERANGE, "ring_at");
    fd_assert_error(fd_call_rings(NULL, T0, T0, NULL), FD_EINVAL, "out");
}

Test(calls, R_CALL_1_three_rings_is_on_time_four_is_late)
{
    fd_call c = answered_call(15, 60);
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.rings, 3);
    cr_assert_eq(c.late, 0);
    c = answered_call(16, 60);
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL,
                    "fd_call_assess: call.apology: answered after 4 rings (more than call.max_rings 3): say whether "
                    "the apology 「对不起，让您久等了」 was given");
    cr_assert_eq(c.rings, 0, "on error the call is unchanged");
    c.apology = "given";
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.rings, 4);
    cr_assert_eq(c.late, 1);
    c.apology = "omitted";
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.late, 1);
    /* The site's policy decides: five rings allowed. */
    fd_policy *p = policy_with("call.max_rings", 5);
    c = answered_call(16, 60);
    fd_assert_ok(fd_call_assess(&c, p));
    cr_assert_eq(c.late, 0);
    fd_policy_free(p);
}

Test(calls, R_CALL_1_apology_rules)
{
    /* An apology on a call that was not late is refused: it would count as late. */
    fd_call c = answered_call(5, 60);
    c.apology = "given";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.apology");
    c.apology = "sorry";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.apology: 'sorry' is not a code of apology");
    /* An imported call need not say (nobody knows): late with apology unknown. */
    c = answered_call(30, 60);
    c.source = "pbx1";
    c.source_key = "1700000000.1";
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.late, 1);
    cr_assert(c.apology == NULL);
    /* Rings of an imported call are counted on the answering leg. */
    c = answered_call(30, 60);
    c.source = "pbx1";
    c.ring_leg_at = T0 + 20;
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.rings, 2);
    cr_assert_eq(c.late, 0);
    c.ring_leg_at = T0 - 1;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.ring_leg_at");
    c.ring_leg_at = T0 + 31;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.ring_leg_at");
}

Test(calls, R_CALL_3_assess_refuses_naming_the_field)
{
    fd_call c = answered_call(5, 60);
    c.answer_at = T0 - 1;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "fd_call_assess: call.answer_at: 1 s before call.ring_at");
    c = answered_call(5, 60);
    c.end_at = T0 + 4;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.end_at");
    c = answered_call(5, 60);
    c.answer_at = 0;
    c.end_at = T0 + 30;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.answer_at: required for an answered call");
    static const char *const unanswered[] = { "busy", "no_answer", "failed", "congestion", "cancelled" };
    for (size_t i = 0; i < 5; i++) {
        c = answered_call(5, 60);
        c.disposition = unanswered[i];
        fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.answer_at: set on a call that was not answered");
        c.answer_at = 0;
        c.category = NULL;
        c.matter = NULL;
        fd_assert_ok(fd_call_assess(&c, NULL));
        cr_assert_eq(c.rings, 0);
    }
    c = answered_call(5, 60);
    c.direction = "sideways";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.direction: 'sideways' is not a code of direction");
    c = answered_call(5, 60);
    c.direction = NULL;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "fd_call_assess: call.direction");
    c = answered_call(5, 60);
    c.disposition = "hung";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.disposition");
    c = answered_call(5, 60);
    c.channel = "pigeon";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.channel");
    c = answered_call(5, 60);
    c.caller_type = "alien";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.caller_type");
    c = answered_call(5, 60);
    c.category = NULL;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.category: required");
    c = answered_call(5, 60);
    c.matter = "";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.matter: required");
    c = answered_call(5, 60);
    c.caller_number = "12345678901234";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "fd_call_assess: call.caller_number");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 6, "the number is never echoed: %s",
                 fd_error_last()->message);
    c = answered_call(5, 60);
    c.caller_number = ""; /* withheld */
    fd_assert_ok(fd_call_assess(&c, NULL));
    c = answered_call(5, 60);
    c.version = 99;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "fd_call_assess: call.version");
    fd_assert_error(fd_call_assess(NULL, NULL), FD_EINVAL, "call");
    /* An outgoing call needs no category. */
    c = answered_call(5, 60);
    c.direction = "out";
    c.category = NULL;
    c.matter = NULL;
    fd_assert_ok(fd_call_assess(&c, NULL));
}

Test(calls, R_CALL_4_private_call_over_the_limit_is_flagged)
{
    fd_call c = answered_call(5, 180);
    c.category = "private";
    c.matter = NULL;
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.over_limit, 0, "exactly three minutes is within the limit");
    c = answered_call(5, 181);
    c.category = "private";
    c.matter = NULL;
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.over_limit, 1, "181 s is over");
    /* Business calls are never flagged; nor is an unknown end. */
    c = answered_call(5, 3600);
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.over_limit, 0);
    c = answered_call(5, 181);
    c.category = "private";
    c.end_at = 0;
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.over_limit, 0);
    fd_policy *p = policy_with("call.non_business_max_s", 300);
    c = answered_call(5, 181);
    c.category = "private";
    fd_assert_ok(fd_call_assess(&c, p));
    cr_assert_eq(c.over_limit, 0);
    fd_policy_free(p);
}

Test(calls, R_CALL_7_wrong_number_needs_nothing_else)
{
    fd_call c = FD_CALL_INIT;
    c.direction = "in";
    c.ring_at = T0;
    c.answer_at = T0 + 3;
    c.disposition = "answered";
    c.category = "wrong_number";
    fd_assert_ok(fd_call_assess(&c, NULL));
    cr_assert_eq(c.rings, 1);
    cr_assert_eq(c.late, 0);
    cr_assert_eq(c.over_limit, 0);
}

Test(calls, R_CALL_8_dropped_incoming_needs_a_callback_outgoing_does_not)
{
    fd_call c = answered_call(5, 30);
    c.disposition = "dropped";
    int need = -1;
    fd_assert_ok(fd_call_needs_callback(&need, &c));
    cr_assert_eq(need, 1);
    c.direction = "out";
    fd_assert_ok(fd_call_needs_callback(&need, &c));
    cr_assert_eq(need, 0);
    c.direction = "in";
    c.disposition = "answered";
    fd_assert_ok(fd_call_needs_callback(&need, &c));
    cr_assert_eq(need, 0);
    c.disposition = "no_answer";
    fd_assert_ok(fd_call_needs_callback(&need, &c));
    cr_assert_eq(need, 0);
    fd_assert_error(fd_call_needs_callback(NULL, &c), FD_EINVAL, "out");
    fd_assert_error(fd_call_needs_callback(&need, NULL), FD_EINVAL, "call");
    /* A dropped call may or may not have been answered first. */
    c = answered_call(5, 30);
    c.disposition = "dropped";
    fd_assert_ok(fd_call_assess(&c, NULL));
    c.answer_at = 0;
    c.category = NULL;
    c.matter = NULL;
    fd_assert_ok(fd_call_assess(&c, NULL));
    c.unresolved = 1;
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.unresolved");
}

/* 17:55 Friday 2025-09-26 (+08), before 国庆 2025; Sunday 09-28 is a make-up working day. */
#define FRI_2025_09_26_1755 1758880500
/* 17:55 Wednesday 2026-09-30, the last working day before 国庆 2026 (10-01 … 10-07). */
#define WED_2026_09_30_1755 1790762100
/* 17:55 Friday 2026-10-09; Saturday 10-10 is a make-up working day (调休). */
#define FRI_2026_10_09_1755 1791539700

Test(calls, R_CALL_9_reply_due_over_the_holiday_counts_make_up_days)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    int64_t due = 0, closing = 0;
    int prov = -1;
    /* Two working days after the Friday: Sunday 09-28 (调休上班) and Monday 09-29. */
    fd_assert_ok(fd_call_reply_due(&due, &prov, cal, FRI_2025_09_26_1755, NULL));
    fd_assert_ok(fd_calendar_deadline(&closing, cal, FRI_2025_09_26_1755, 2, FD_CALENDAR_UNIT_WORKING_DAYS, NULL));
    cr_assert_eq(due, closing);
    fd_date d;
    fd_assert_ok(fd_calendar_local_date(&d, cal, due));
    cr_assert(d.year == 2025 && d.month == 9 && d.day == 29, "due %04d-%02d-%02d", d.year, d.month, d.day);
    cr_assert_eq(prov, 0);
    /* Over 国庆 2026: Thursday 10-08 and Friday 10-09. */
    fd_assert_ok(fd_call_reply_due(&due, &prov, cal, WED_2026_09_30_1755, NULL));
    fd_assert_ok(fd_calendar_local_date(&d, cal, due));
    cr_assert(d.year == 2026 && d.month == 10 && d.day == 9, "due %04d-%02d-%02d", d.year, d.month, d.day);
    /* The make-up Saturday 10-10 counts: Saturday, then Monday 10-12. */
    fd_assert_ok(fd_call_reply_due(&due, &prov, cal, FRI_2026_10_09_1755, NULL));
    fd_assert_ok(fd_calendar_local_date(&d, cal, due));
    cr_assert(d.year == 2026 && d.month == 10 && d.day == 12, "due %04d-%02d-%02d", d.year, d.month, d.day);
    /* The site's policy: one working day → the make-up Saturday itself. */
    fd_policy *p = policy_with("call.unresolved_reply_working_days", 1);
    fd_assert_ok(fd_call_reply_due(&due, &prov, cal, FRI_2026_10_09_1755, p));
    fd_assert_ok(fd_calendar_local_date(&d, cal, due));
    cr_assert(d.year == 2026 && d.month == 10 && d.day == 10, "due %04d-%02d-%02d", d.year, d.month, d.day);
    fd_policy_free(p);
    fd_assert_error(fd_call_reply_due(NULL, &prov, cal, T0, NULL), FD_EINVAL, "out");
    fd_assert_error(fd_call_reply_due(&due, &prov, NULL, T0, NULL), FD_EINVAL, "cal");
    fd_calendar_free(cal);
}

/* --- R-CALL-6: messages ------------------------------------------------------ */

Test(calls, R_CALL_6_message_overdue_after_the_limit)
{
    fd_message m = FD_MESSAGE_INIT;
    m.taken_at = T0;
    m.state = "taken";
    int over = -1;
    fd_assert_ok(fd_message_overdue(&over, &m, T0 + 30 * 60, NULL));
    cr_assert_eq(over, 0, "exactly 30 minutes is still on time");
    fd_assert_ok(fd_message_overdue(&over, &m, T0 + 30 * 60 + 1, NULL));
    cr_assert_eq(over, 1);
    m.state = "delivered";
    fd_assert_ok(fd_message_overdue(&over, &m, T0 + 86400, NULL));
    cr_assert_eq(over, 0, "a delivered message is never overdue");
    m.state = "taken";
    fd_policy *p = policy_with("message.deliver_within_minutes", 60);
    fd_assert_ok(fd_message_overdue(&over, &m, T0 + 45 * 60, p));
    cr_assert_eq(over, 0);
    fd_policy_free(p);
    fd_assert_error(fd_message_overdue(&over, NULL, T0, NULL), FD_EINVAL, "message");
    fd_assert_error(fd_message_overdue(NULL, &m, T0, NULL), FD_EINVAL, "out");
}

/* --- R-CALL-5, R-CALL-6, R-CALL-12: screening ---------------------------------- */

static fd_dir_entry entry_in(void)
{
    fd_dir_entry e = FD_DIR_ENTRY_INIT;
    e.kind = "person";
    e.name = "王总";
    e.extension = "8001";
    e.presence = "in";
    return e;
}

Test(calls, R_CALL_12_screening_routes_customers_and_suppliers_declines_sales)
{
    fd_dir_entry e = entry_in();
    e.screen = "screen";
    e.manager_entry = 11;
    e.purchasing_entry = 12;
    fd_screen_decision d;
    fd_assert_ok(fd_dir_screen(&d, &e, "customer", T0));
    cr_assert_eq(d.action, FD_SCREEN_ROUTE);
    cr_assert_eq(d.route_entry, 11);
    cr_assert_str_eq(d.rule, "R-CALL-12");
    cr_assert_eq(d.version, FD_SCREEN_DECISION_VERSION);
    fd_assert_ok(fd_dir_screen(&d, &e, "supplier", T0));
    cr_assert_eq(d.action, FD_SCREEN_ROUTE);
    cr_assert_eq(d.route_entry, 12);
    fd_assert_ok(fd_dir_screen(&d, &e, "sales", T0));
    cr_assert_eq(d.action, FD_SCREEN_DECLINE);
    cr_assert_eq(d.route_entry, 0);
    cr_assert(strstr(d.script, "联系方式") != NULL, "the details are noted: %s", d.script);
    fd_assert_ok(fd_dir_screen(&d, &e, "staff", T0));
    cr_assert_eq(d.action, FD_SCREEN_TRANSFER);
    fd_assert_ok(fd_dir_screen(&d, &e, NULL, T0));
    cr_assert_eq(d.action, FD_SCREEN_TRANSFER);
    /* Without screening, a salesman is put through like anyone. */
    e.screen = NULL;
    fd_assert_ok(fd_dir_screen(&d, &e, "sales", T0));
    cr_assert_eq(d.action, FD_SCREEN_TRANSFER);
    /* Screening with nowhere to route a customer to falls through to the entry. */
    e.screen = "screen";
    e.manager_entry = 0;
    fd_assert_ok(fd_dir_screen(&d, &e, "customer", T0));
    cr_assert_eq(d.action, FD_SCREEN_TRANSFER);
    fd_assert_error(fd_dir_screen(&d, &e, "martian", T0), FD_EINVAL, "caller_type");
    fd_assert_error(fd_dir_screen(&d, NULL, "customer", T0), FD_EINVAL, "entry");
    e.screen = "maybe";
    fd_assert_error(fd_dir_screen(&d, &e, "customer", T0), FD_EINVAL, "entry.screen");
}

Test(calls, R_CALL_5_a_leader_is_put_through_only_after_confirming)
{
    fd_dir_entry e = entry_in();
    e.confidential = 1;
    fd_screen_decision d;
    fd_assert_ok(fd_dir_screen(&d, &e, "customer", T0));
    cr_assert_eq(d.action, FD_SCREEN_CONFIRM);
    cr_assert_str_eq(d.rule, "R-CALL-5");
    cr_assert(strstr(d.script, "贵姓") != NULL);
}

Test(calls, R_CALL_6_away_busy_or_dnd_offers_a_message_until_the_time_passes)
{
    fd_dir_entry e = entry_in();
    fd_screen_decision d;
    static const char *const away[] = { "out", "busy", "dnd" };
    for (int i = 0; i < 3; i++) {
        e.presence = away[i];
        e.presence_until = 0;
        fd_assert_ok(fd_dir_screen(&d, &e, NULL, T0));
        cr_assert_eq(d.action, FD_SCREEN_MESSAGE, "%s", away[i]);
        cr_assert_str_eq(d.rule, "R-CALL-6");
        e.presence_until = T0 + 1;
        fd_assert_ok(fd_dir_screen(&d, &e, NULL, T0));
        cr_assert_eq(d.action, FD_SCREEN_MESSAGE);
        e.presence_until = T0;
        fd_assert_ok(fd_dir_screen(&d, &e, NULL, T0));
        cr_assert_eq(d.action, FD_SCREEN_TRANSFER, "back at %s", away[i]);
    }
    e.presence = "asleep";
    fd_assert_error(fd_dir_screen(&d, &e, NULL, T0), FD_EINVAL, "entry.presence");
}

/* --- R-CALL-11: the guest answer ------------------------------------------------ */

Test(calls, R_CALL_11_guest_answer_in_house_checked_out_not_arrived_none)
{
    fd_guest g = FD_GUEST_INIT;
    g.name = "李四";
    g.room = "1208";
    g.arrival = (fd_date){ 2026, 11, 22 };
    g.departure = (fd_date){ 2026, 11, 25 };
    fd_date today = { 2026, 11, 23 };
    int a = -1;
    fd_assert_ok(fd_guest_answer_for(&a, &g, today, 0));
    cr_assert_eq(a, FD_GUEST_IN_HOUSE);
    fd_assert_ok(fd_guest_answer_for(&a, &g, (fd_date){ 2026, 11, 22 }, 0));
    cr_assert_eq(a, FD_GUEST_IN_HOUSE, "in house from the arrival day");
    fd_assert_ok(fd_guest_answer_for(&a, &g, (fd_date){ 2026, 11, 21 }, 0));
    cr_assert_eq(a, FD_GUEST_NOT_ARRIVED);
    g.checked_out_at = T0 - 3600;
    fd_assert_ok(fd_guest_answer_for(&a, &g, today, 0));
    cr_assert_eq(a, FD_GUEST_CHECKED_OUT);
    fd_assert_ok(fd_guest_answer_for(&a, NULL, today, 1));
    cr_assert_eq(a, FD_GUEST_NONE);
    /* Incognito: no such guest, unless the actor may see them. */
    g.checked_out_at = 0;
    g.incognito = 1;
    fd_assert_ok(fd_guest_answer_for(&a, &g, today, 0));
    cr_assert_eq(a, FD_GUEST_NONE);
    fd_assert_ok(fd_guest_answer_for(&a, &g, today, 1));
    cr_assert_eq(a, FD_GUEST_IN_HOUSE);
    fd_assert_error(fd_guest_answer_for(&a, &g, (fd_date){ 2026, 2, 30 }, 0), FD_EINVAL, "today");
    fd_assert_error(fd_guest_answer_for(NULL, &g, today, 0), FD_EINVAL, "out");
    cr_assert_str_eq(fd_guest_answer_name(FD_GUEST_IN_HOUSE), "in_house");
    cr_assert_str_eq(fd_guest_answer_name(FD_GUEST_CHECKED_OUT), "checked_out");
    cr_assert_str_eq(fd_guest_answer_name(FD_GUEST_NOT_ARRIVED), "not_arrived");
    cr_assert_str_eq(fd_guest_answer_name(FD_GUEST_NONE), "none");
    cr_assert_str_eq(fd_guest_answer_name(42), "");
}
