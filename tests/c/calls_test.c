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
    /* Our own extension calling out or inside; a PBX's foreign number on an imported call. */
    c = answered_call(5, 60);
    c.direction = "out";
    c.caller_number = "8002";
    fd_assert_ok(fd_call_assess(&c, NULL));
    c.direction = "internal";
    fd_assert_ok(fd_call_assess(&c, NULL));
    c.caller_number = "80021234567";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.caller_number");
    c = answered_call(5, 60);
    c.caller_number = "+1 212 555 0100";
    fd_assert_error(fd_call_assess(&c, NULL), FD_EINVAL, "call.caller_number");
    c.source = "pbx1";
    fd_assert_ok(fd_call_assess(&c, NULL));
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
    c.disposition = "dropped";
    c.caller_number = ""; /* withheld: there is no one to call back */
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

/* --- the store: fixtures ----------------------------------------------------------- */

typedef struct fx {
    fd_store *s;
    char path[4096];
    int64_t site, other_site;
    int64_t clerk, manager, other_clerk;
} fx;

/* A store with two sites: a clerk and a manager (manage + reveal) at the first, a clerk at the second. */
static fx fx_open(const char *stem)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_test_sites t = fd_test_two_sites(f.s, T0 - 86400);
    f.site = t.site;
    f.other_site = t.other_site;
    f.clerk = t.clerk;
    f.manager = t.manager;
    f.other_clerk = t.other_clerk;
    fd_actor sys = fd_test_actor(f.other_site, 0, T0 - 86400);
    fd_assert_ok(fd_store_grant_set(f.s, &sys, "clerk", FD_GRANT_REVEAL, 1));
    return f;
}

static void fx_close(fx *f)
{
    fd_store_close(f->s);
}

static fd_actor clerk_at(const fx *f, int64_t at)
{
    return fd_test_actor(f->site, f->clerk, at);
}

static fd_actor manager_at(const fx *f, int64_t at)
{
    return fd_test_actor(f->site, f->manager, at);
}

/* The manager asking to see personal data, with a reason. */
static fd_actor revealer_at(const fx *f, int64_t at)
{
    fd_actor a = manager_at(f, at);
    a.grants = FD_GRANT_REVEAL;
    a.reason = "回拨客户";
    return a;
}

/* How many rows @table holds. */
static int64_t count_rows(const char *path, const char *table)
{
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* The tables a refused write must leave as they were. */
static const char *const WATCHED[] = { "calls", "call_tasks", "messages", "message_events", "directory", "guests",
                                       "cdr_legs", "journal", "search_keys", "reveals" };
#define NWATCHED (sizeof WATCHED / sizeof WATCHED[0])

typedef struct snapshot {
    char *t[NWATCHED];
} snapshot;

static snapshot snap(const fx *f)
{
    snapshot s;
    for (size_t i = 0; i < NWATCHED; i++)
        s.t[i] = fd_test_table_dump(f->path, WATCHED[i]);
    return s;
}

/* Asserts that no watched table changed since @before (and frees it). */
static void assert_unchanged(const fx *f, snapshot *before)
{
    for (size_t i = 0; i < NWATCHED; i++) {
        char *now = fd_test_table_dump(f->path, WATCHED[i]);
        cr_assert_str_eq(now, before->t[i], "table %s changed", WATCHED[i]);
        free(now);
        free(before->t[i]);
    }
}

static int64_t add_call(const fx *f, const fd_actor *a, const fd_call *c)
{
    int64_t id = 0;
    fd_assert_ok(fd_store_call_add(&id, f->s, a, c));
    cr_assert_gt(id, 0);
    return id;
}

/* --- the store: calls ------------------------------------------------------------------ */

Test(calls_store, R_CALL_3_call_add_stores_the_normalised_number_masked_on_output)
{
    fx f = fx_open("calls-add");
    fd_actor a = clerk_at(&f, T0 + 120);
    fd_call c = answered_call(16, 60);
    c.apology = "given";
    c.caller_number = "+86 138-1234-5678";
    int64_t id = add_call(&f, &a, &c);
    fd_call *got = NULL;
    fd_assert_ok(fd_store_call_get(&got, f.s, &a, id));
    cr_assert_str_eq(got->caller_number, "138****5678");
    cr_assert_eq(got->rings, 4);
    cr_assert_eq(got->late, 1);
    cr_assert_str_eq(got->apology, "given");
    cr_assert_eq(got->staff_id, f.clerk);
    cr_assert_eq(got->logged_at, T0 + 120);
    cr_assert_eq(got->site_id, f.site);
    fd_call_free(got);
    fd_actor r = revealer_at(&f, T0 + 200);
    fd_assert_ok(fd_store_call_get(&got, f.s, &r, id));
    cr_assert_str_eq(got->caller_number, "13812345678", "stored in national form");
    fd_call_free(got);
    /* The reveal is in the access log (R-COM-2). */
    fd_reveal_iter *it = NULL;
    const fd_reveal *rv = NULL;
    fd_assert_ok(fd_store_reveal_query(&it, f.s, &r, NULL));
    int found = 0;
    while (fd_reveal_iter_next(&rv, it) == FD_OK && rv)
        found += strcmp(rv->record, "call") == 0 && rv->record_id == id && strcmp(rv->field, "caller_number") == 0;
    fd_reveal_iter_free(it);
    cr_assert_eq(found, 1);
    /* Matched on the normalised number (calls_site_number). */
    fd_call_filter q = FD_CALL_FILTER_INIT;
    q.match = FD_CALL_MATCH_CALLER_NUMBER;
    q.caller_number = "13812345678";
    fd_call_iter *ci = NULL;
    const fd_call *row = NULL;
    fd_assert_ok(fd_store_call_query(&ci, f.s, &r, &q));
    fd_assert_ok(fd_call_iter_next(&row, ci));
    cr_assert_not_null(row);
    cr_assert_eq(row->id, id);
    fd_call_iter_free(ci);
    /* A landline keeps its extension after '-'. */
    c = answered_call(5, 60);
    c.caller_number = "(0755) 2612 3456 转 801";
    id = add_call(&f, &a, &c);
    fd_assert_ok(fd_store_call_get(&got, f.s, &r, id));
    cr_assert_str_eq(got->caller_number, "075526123456-801");
    fd_call_free(got);
    fx_close(&f);
}

Test(calls_store, R_CALL_1_every_refusal_names_its_field_and_changes_nothing)
{
    fx f = fx_open("calls-refuse");
    fd_actor a = clerk_at(&f, T0 + 120);
    fd_call good = answered_call(5, 10);
    add_call(&f, &a, &good);
    snapshot before = snap(&f);
    int64_t id = 77;
    fd_call c = answered_call(16, 60);
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL,
                    "fd_store_call_add: call.apology: answered after 4 rings (more than call.max_rings 3): say "
                    "whether the apology 「对不起，让您久等了」 was given");
    c = answered_call(5, 60);
    c.answer_at = T0 - 5;
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL, "fd_store_call_add: call.answer_at");
    c = answered_call(5, 60);
    c.end_at = T0 + 1;
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL, "call.end_at");
    c = answered_call(5, 60);
    c.category = "gossip";
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL, "call.category");
    c = answered_call(5, 60);
    c.matter = NULL;
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL, "call.matter");
    c = answered_call(5, 60);
    c.caller_number = "138123456789";
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL, "call.caller_number");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 6, "%s", fd_error_last()->message);
    c = answered_call(5, 60);
    c.callee = "\x01";
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_EINVAL, "fd_store_call_add: call.callee");
    c = answered_call(5, 60);
    c.callee_entry = 999;
    fd_assert_error(fd_store_call_add(&id, f.s, &a, &c), FD_ENOTFOUND, "call.callee_entry");
    /* Staff of another site acting here (FD_EPERM), and the other site's own directory entry. */
    fd_actor other = fd_test_actor(f.site, f.other_clerk, T0 + 120);
    c = answered_call(5, 60);
    fd_assert_error(fd_store_call_add(&id, f.s, &other, &c), FD_EPERM, "actor");
    fd_assert_error(fd_store_call_add(&id, f.s, NULL, &c), FD_EINVAL, "actor");
    fd_assert_error(fd_store_call_add(NULL, f.s, &a, &c), FD_EINVAL, "out_id");
    fd_assert_error(fd_store_call_add(&id, f.s, &a, NULL), FD_EINVAL, "call");
    cr_assert_eq(id, 77, "nothing is returned on a refusal");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

Test(calls_store, R_CALL_8_dropped_incoming_creates_a_callback_outgoing_does_not)
{
    fx f = fx_open("calls-callback");
    fd_actor a = clerk_at(&f, T0 + 120);
    fd_call c = answered_call(5, 40);
    c.disposition = "dropped";
    int64_t id = add_call(&f, &a, &c);
    fd_call_task_filter q = FD_CALL_TASK_FILTER_INIT;
    q.match = FD_CALL_TASK_MATCH_CALL_ID;
    q.call_id = id;
    fd_call_task_iter *it = NULL;
    const fd_call_task *t = NULL;
    fd_actor r = revealer_at(&f, T0 + 200);
    fd_assert_ok(fd_store_call_task_query(&it, f.s, &r, &q));
    fd_assert_ok(fd_call_task_iter_next(&t, it));
    cr_assert_not_null(t, "a dropped incoming call has a call-back task");
    cr_assert_str_eq(t->kind, "callback");
    cr_assert_str_eq(t->state, "open");
    cr_assert_str_eq(t->number, "13812345678");
    cr_assert_eq(t->due_at, T0 + 45, "due at once: at the call's end");
    cr_assert_eq(t->created_at, T0 + 120);
    int64_t task = t->id;
    fd_assert_ok(fd_call_task_iter_next(&t, it));
    cr_assert_null(t, "one task only");
    fd_call_task_iter_free(it);
    /* An outgoing dropped call, and an incoming one not dropped: no task. */
    int64_t before = count_rows(f.path, "call_tasks");
    c.direction = "out";
    add_call(&f, &a, &c);
    c = answered_call(5, 40);
    add_call(&f, &a, &c);
    c.disposition = "no_answer";
    c.answer_at = 0;
    c.category = NULL;
    c.matter = NULL;
    add_call(&f, &a, &c);
    cr_assert_eq(count_rows(f.path, "call_tasks"), before);
    /* Done once, with what was said; not twice; not without an outcome; not another site's. */
    fd_actor later = clerk_at(&f, T0 + 600);
    fd_assert_error(fd_store_call_task_done(f.s, &later, task, ""), FD_EINVAL, "outcome");
    fd_assert_error(fd_store_call_task_done(f.s, &later, task, NULL), FD_EINVAL, "outcome");
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0 + 600);
    fd_assert_error(fd_store_call_task_done(f.s, &other, task, "已回拨"), FD_ENOTFOUND, "task_id");
    fd_assert_ok(fd_store_call_task_done(f.s, &later, task, "已回拨，客户问题已解答"));
    fd_assert_error(fd_store_call_task_done(f.s, &later, task, "again"), FD_ESTATE, "done already, at 2026-11-23 09:10 +08:00");
    fd_call_task *done = NULL;
    fd_assert_ok(fd_store_call_task_get(&done, f.s, &r, task));
    cr_assert_str_eq(done->state, "done");
    cr_assert_eq(done->done_at, T0 + 600);
    cr_assert_eq(done->done_by, f.clerk);
    cr_assert_str_eq(done->outcome, "已回拨，客户问题已解答");
    fd_call_task_free(done);
    fx_close(&f);
}

Test(calls_store, R_CALL_9_unresolved_call_gets_a_reply_task_on_the_site_calendar)
{
    fx f = fx_open("calls-reply");
    /* Friday 2026-10-09 17:55, the day before a make-up working Saturday. */
    fd_actor a = clerk_at(&f, FRI_2026_10_09_1755 + 300);
    fd_call c = answered_call(5, 60);
    c.ring_at = FRI_2026_10_09_1755 - 65;
    c.answer_at = FRI_2026_10_09_1755 - 60;
    c.end_at = FRI_2026_10_09_1755;
    c.unresolved = 1;
    int64_t id = add_call(&f, &a, &c);
    fd_call_task_filter q = FD_CALL_TASK_FILTER_INIT;
    q.match = FD_CALL_TASK_MATCH_CALL_ID | FD_CALL_TASK_MATCH_KIND;
    q.call_id = id;
    q.kind = "reply";
    fd_call_task_iter *it = NULL;
    const fd_call_task *t = NULL;
    fd_assert_ok(fd_store_call_task_query(&it, f.s, &a, &q));
    fd_assert_ok(fd_call_task_iter_next(&t, it));
    cr_assert_not_null(t);
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_date d;
    fd_assert_ok(fd_calendar_local_date(&d, cal, t->due_at));
    cr_assert(d.year == 2026 && d.month == 10 && d.day == 12, "due %04d-%02d-%02d (Saturday 10-10 counts)", d.year,
              d.month, d.day);
    cr_assert_eq(t->provisional, 0);
    cr_assert_str_eq(t->number, "138****5678");
    fd_call_task_iter_free(it);
    /* A policy change is seen at once: one working day is the make-up Saturday. */
    fd_actor m = manager_at(&f, FRI_2026_10_09_1755 + 400);
    m.grants = FD_GRANT_MANAGE;
    fd_assert_ok(fd_store_policy_set(f.s, &m, "call.unresolved_reply_working_days", 1));
    id = add_call(&f, &a, &c);
    q.call_id = id;
    fd_assert_ok(fd_store_call_task_query(&it, f.s, &a, &q));
    fd_assert_ok(fd_call_task_iter_next(&t, it));
    cr_assert_not_null(t);
    fd_assert_ok(fd_calendar_local_date(&d, cal, t->due_at));
    cr_assert(d.year == 2026 && d.month == 10 && d.day == 10, "due %04d-%02d-%02d", d.year, d.month, d.day);
    fd_call_task_iter_free(it);
    /* A site that refuses days past the holiday data refuses a deadline there (FD_EDATA), writing nothing. */
    fd_assert_ok(fd_store_policy_set(f.s, &m, "calendar.beyond_data", 2));
    fd_actor far = clerk_at(&f, 2000000000);
    c.ring_at = 2000000000 - 100;
    /* logged before it rang: refused for that first (call.ring_at) */
    fd_actor early = clerk_at(&f, c.ring_at - 1);
    int64_t none = 0;
    fd_assert_error(fd_store_call_add(&none, f.s, &early, &c), FD_EINVAL, "call.ring_at");
    c.answer_at = 2000000000 - 95;
    c.end_at = 2000000000 - 10;
    snapshot before = snap(&f);
    fd_assert_error(fd_store_call_add(&none, f.s, &far, &c), FD_EDATA, "call.unresolved");
    assert_unchanged(&f, &before);
    /* Unresolved needs an answered call. */
    c = answered_call(5, 60);
    c.disposition = "no_answer";
    c.answer_at = 0;
    c.unresolved = 1;
    fd_assert_error(fd_store_call_add(&none, f.s, &far, &c), FD_EINVAL, "call.unresolved");
    fd_calendar_free(cal);
    fx_close(&f);
}

/* --- the store: messages (R-CALL-6) ------------------------------------------------------ */

static fd_message a_message(void)
{
    fd_message m = FD_MESSAGE_INIT;
    m.for_name = "财务部 王经理";
    m.from_name = "张三";
    m.from_number = "13912345678";
    m.body = "请回电，关于发票的事";
    m.confirmed = 1;
    return m;
}

/* The states of message @id's events, "taken,delivered". */
static void event_states(char *out, size_t cap, const fx *f, int64_t id)
{
    fd_message_event_filter q = FD_MESSAGE_EVENT_FILTER_INIT;
    q.match = FD_MESSAGE_EVENT_MATCH_MESSAGE_ID;
    q.message_id = id;
    fd_message_event_iter *it = NULL;
    const fd_message_event *e = NULL;
    fd_actor a = clerk_at(f, T0 + 9999);
    fd_assert_ok(fd_store_message_event_query(&it, f->s, &a, &q));
    out[0] = '\0';
    while (fd_message_event_iter_next(&e, it) == FD_OK && e)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s@%lld", out[0] ? "," : "", e->state,
                 (long long)(e->at - T0));
    fd_message_event_iter_free(it);
}

Test(calls_store, R_CALL_6_message_states_are_stored_with_who_and_when)
{
    fx f = fx_open("calls-message");
    fd_actor a = clerk_at(&f, T0 + 60);
    fd_message m = a_message();
    int64_t id = 0, id2 = 0;
    fd_assert_ok(fd_store_message_take(&id, f.s, &a, &m));
    fd_message *got = NULL;
    fd_assert_ok(fd_store_message_get(&got, f.s, &a, id));
    cr_assert_str_eq(got->state, "taken");
    cr_assert_eq(got->state_at, T0 + 60);
    cr_assert_eq(got->state_by, f.clerk);
    cr_assert_str_eq(got->from_number, "139****5678");
    fd_message_free(got);
    fd_actor b = manager_at(&f, T0 + 600);
    fd_assert_ok(fd_store_message_deliver(f.s, &b, id, "in_person", "当面交给王经理"));
    fd_assert_ok(fd_store_message_get(&got, f.s, &b, id));
    cr_assert_str_eq(got->state, "delivered");
    cr_assert_str_eq(got->delivered_how, "in_person");
    cr_assert_eq(got->state_at, T0 + 600);
    cr_assert_eq(got->state_by, f.manager);
    fd_message_free(got);
    char states[256];
    event_states(states, sizeof states, &f, id);
    cr_assert_str_eq(states, "taken@60,delivered@600");
    /* From taken only: FD_ESTATE naming the state it is in, nothing written. */
    snapshot before = snap(&f);
    fd_assert_error(fd_store_message_deliver(f.s, &b, id, "phone", NULL), FD_ESTATE, "is delivered already");
    fd_assert_error(fd_store_message_expire(f.s, &b, id, "无人认领"), FD_ESTATE, "delivered");
    assert_unchanged(&f, &before);
    fd_assert_ok(fd_store_message_take(&id2, f.s, &a, &m));
    before = snap(&f);
    fd_assert_error(fd_store_message_expire(f.s, &b, id2, NULL), FD_EINVAL, "note");
    fd_assert_error(fd_store_message_deliver(f.s, &b, id2, "pigeon", NULL), FD_EINVAL, "how");
    fd_assert_error(fd_store_message_deliver(f.s, &b, id2, NULL, NULL), FD_EINVAL, "how");
    fd_assert_error(fd_store_message_deliver(f.s, &b, 9999, "phone", NULL), FD_ENOTFOUND, "message_id");
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0 + 600);
    fd_assert_error(fd_store_message_deliver(f.s, &other, id2, "phone", NULL), FD_ENOTFOUND, "message_id");
    assert_unchanged(&f, &before);
    fd_assert_ok(fd_store_message_expire(f.s, &b, id2, "本人已离职"));
    event_states(states, sizeof states, &f, id2);
    cr_assert_str_eq(states, "taken@60,expired@600");
    fd_assert_error(fd_store_message_deliver(f.s, &b, id2, "phone", NULL), FD_ESTATE, "expired");
    fx_close(&f);
}

Test(calls_store, R_CALL_6_a_message_is_read_back_and_confirmed_before_it_is_taken)
{
    fx f = fx_open("calls-message-refuse");
    fd_actor a = clerk_at(&f, T0 + 60);
    snapshot before = snap(&f);
    int64_t id = 0;
    fd_message m = a_message();
    m.confirmed = 0;
    fd_assert_error(fd_store_message_take(&id, f.s, &a, &m), FD_EINVAL, "message.confirmed");
    m = a_message();
    m.body = "";
    fd_assert_error(fd_store_message_take(&id, f.s, &a, &m), FD_EINVAL, "message.body");
    m = a_message();
    m.from_number = "12";
    fd_assert_error(fd_store_message_take(&id, f.s, &a, &m), FD_EINVAL, "message.from_number");
    m = a_message();
    m.for_entry = 42;
    fd_assert_error(fd_store_message_take(&id, f.s, &a, &m), FD_ENOTFOUND, "message.for_entry");
    m = a_message();
    m.call_id = 42;
    fd_assert_error(fd_store_message_take(&id, f.s, &a, &m), FD_ENOTFOUND, "message.call_id");
    fd_actor other = fd_test_actor(f.site, f.other_clerk, T0 + 60);
    m = a_message();
    fd_assert_error(fd_store_message_take(&id, f.s, &other, &m), FD_EPERM, "actor");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

/* --- the store: directory (R-CALL-5, R-CALL-6, R-CALL-12) ---------------------------------- */

static int64_t add_entry(const fx *f, const char *kind, const char *name, const char *dept, const char *ext,
                         const char *number, int confidential)
{
    fd_actor m = manager_at(f, T0);
    m.grants = FD_GRANT_MANAGE;
    fd_dir_entry e = FD_DIR_ENTRY_INIT;
    e.kind = kind;
    e.name = name;
    e.department = dept;
    e.extension = ext;
    e.number = number;
    e.confidential = confidential;
    int64_t id = 0;
    fd_assert_ok(fd_store_dir_add(&id, f->s, &m, &e));
    return id;
}

/* The names fd_store_dir_find gives for @query, joined by ','. */
static void find_names(char *out, size_t cap, const fx *f, const fd_actor *a, const char *query, int64_t limit)
{
    fd_dir_entry_iter *it = NULL;
    const fd_dir_entry *e = NULL;
    fd_assert_ok(fd_store_dir_find(&it, f->s, a, query, limit));
    out[0] = '\0';
    while (fd_dir_entry_iter_next(&e, it) == FD_OK && e)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", out[0] ? "," : "", e->name);
    fd_dir_entry_iter_free(it);
}

/* A small directory: people, a department, a leader, a name with 𠮷 (U+20BB7). */
static void small_directory(const fx *f)
{
    add_entry(f, "person", "王小丽", "财务部", "8001", "13800001111", 0);
    add_entry(f, "person", "王大明", "行政部", "8002", NULL, 0);
    add_entry(f, "person", "汪洋", "行政部", "8003", NULL, 0);
    add_entry(f, "department", "长沙办事处", NULL, "8100", "073182345678", 0);
    add_entry(f, "person", "𠮷田真一", "技术部", "8200", NULL, 0);
    add_entry(f, "person", "李总", "总经办", "8888", "13900002222", 1);
    add_entry(f, "person", "单田芳", "行政部", "8004", NULL, 0);
    add_entry(f, "person", "王丽丽", "财务部", "8005", NULL, 0);
}

Test(calls_store, R_CALL_6_dir_find_by_name_pinyin_initials_traditional_extension)
{
    fx f = fx_open("calls-dir-find");
    small_directory(&f);
    fd_actor a = clerk_at(&f, T0 + 60);
    char names[1024];
    find_names(names, sizeof names, &f, &a, "wang", 10);
    cr_assert_str_eq(names, "王大明,王丽丽,王小丽,汪洋", "collation order: wang da ming < wang li li < wang xiao li < wang yang");
    find_names(names, sizeof names, &f, &a, "wang", 2);
    cr_assert_str_eq(names, "王大明,王丽丽", "the first page only");
    find_names(names, sizeof names, &f, &a, "丽", 10);
    cr_assert_str_eq(names, "王丽丽,王小丽", "an entry matching by two keys comes once");
    find_names(names, sizeof names, &f, &a, "wxl", 10);
    cr_assert_str_eq(names, "王小丽");
    find_names(names, sizeof names, &f, &a, "WangXiaoLi", 10);
    cr_assert_str_eq(names, "王小丽");
    find_names(names, sizeof names, &f, &a, "小丽", 10);
    cr_assert_str_eq(names, "王小丽");
    find_names(names, sizeof names, &f, &a, "長沙", 10);
    cr_assert_str_eq(names, "长沙办事处", "Traditional input finds the Simplified name");
    find_names(names, sizeof names, &f, &a, "changsha", 10);
    cr_assert_str_eq(names, "长沙办事处");
    find_names(names, sizeof names, &f, &a, "８００１", 10);
    cr_assert_str_eq(names, "王小丽", "full-width digits are the extension");
    find_names(names, sizeof names, &f, &a, "8888", 10);
    cr_assert_str_eq(names, "李总", "a confidential entry is found (R-CALL-5)");
    find_names(names, sizeof names, &f, &a, "𠮷", 10);
    cr_assert_str_eq(names, "𠮷田真一");
    find_names(names, sizeof names, &f, &a, "𠮷田", 10);
    cr_assert_str_eq(names, "𠮷田真一");
    find_names(names, sizeof names, &f, &a, "行政", 10);
    cr_assert_str_eq(names, "单田芳,王大明,汪洋", "by department; 单 is read shan as a surname");
    find_names(names, sizeof names, &f, &a, "shan", 10);
    cr_assert_str_eq(names, "单田芳");
    find_names(names, sizeof names, &f, &a, "9999", 10);
    cr_assert_str_eq(names, "");
    /* names that start with the digits fill the page: the exact extension still takes its place on it */
    add_entry(&f, "department", "8001号会议室", NULL, NULL, NULL, 0);
    add_entry(&f, "department", "8001号储藏室", NULL, NULL, NULL, 0);
    find_names(names, sizeof names, &f, &a, "8001", 2);
    cr_assert(strstr(names, "王小丽") != NULL, "the extension's entry is on a full page: %s", names);
    fd_dir_entry_iter *it = NULL;
    fd_assert_error(fd_store_dir_find(&it, f.s, &a, "", 10), FD_EINVAL, "query");
    fd_assert_error(fd_store_dir_find(&it, f.s, &a, "  ", 10), FD_EINVAL, "query");
    fd_assert_error(fd_store_dir_find(&it, f.s, &a, "wang", 0), FD_ERANGE, "limit");
    fd_assert_error(fd_store_dir_find(&it, f.s, &a, "wang", 65), FD_ERANGE, "limit");
    fd_assert_error(fd_store_dir_find(&it, f.s, &a, NULL, 10), FD_EINVAL, "query");
    fd_actor other = fd_test_actor(f.site, f.other_clerk, T0);
    fd_assert_error(fd_store_dir_find(&it, f.s, &other, "wang", 10), FD_EPERM, "actor");
    /* Another site's directory is not this site's. */
    fd_actor hotel = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_ok(fd_store_dir_find(&it, f.s, &hotel, "wang", 10));
    const fd_dir_entry *e = NULL;
    fd_assert_ok(fd_dir_entry_iter_next(&e, it));
    cr_assert_null(e);
    fd_dir_entry_iter_free(it);
    fx_close(&f);
}

Test(calls_store, R_CALL_5_confidential_numbers_masked_unless_revealed_and_logged)
{
    fx f = fx_open("calls-dir-mask");
    small_directory(&f);
    fd_actor a = clerk_at(&f, T0 + 60);
    fd_dir_entry_iter *it = NULL;
    const fd_dir_entry *e = NULL;
    fd_assert_ok(fd_store_dir_find(&it, f.s, &a, "lizong", 10));
    fd_assert_ok(fd_dir_entry_iter_next(&e, it));
    cr_assert_not_null(e);
    cr_assert_str_eq(e->name, "李总");
    cr_assert_str_eq(e->extension, "8888", "transferable: the extension is shown");
    cr_assert_str_eq(e->number, "139****2222", "a leader's direct number is masked");
    int64_t leader = e->id;
    fd_dir_entry_iter_free(it);
    /* An entry that is not confidential shows its number (a department's public line). */
    fd_assert_ok(fd_store_dir_find(&it, f.s, &a, "8001", 10));
    fd_assert_ok(fd_dir_entry_iter_next(&e, it));
    cr_assert_str_eq(e->number, "13800001111");
    fd_dir_entry_iter_free(it);
    fd_actor r = revealer_at(&f, T0 + 120);
    fd_assert_ok(fd_store_dir_find(&it, f.s, &r, "lizong", 10));
    fd_assert_ok(fd_dir_entry_iter_next(&e, it));
    cr_assert_str_eq(e->number, "13900002222");
    fd_dir_entry_iter_free(it);
    fd_reveal_iter *ri = NULL;
    const fd_reveal *rv = NULL;
    fd_assert_ok(fd_store_reveal_query(&ri, f.s, &r, NULL));
    int found = 0;
    while (fd_reveal_iter_next(&rv, ri) == FD_OK && rv)
        if (strcmp(rv->record, "dir_entry") == 0) {
            cr_assert_eq(rv->record_id, leader);
            cr_assert_str_eq(rv->field, "number");
            cr_assert_eq(rv->staff_id, f.manager);
            cr_assert_eq(rv->at, T0 + 120);
            found++;
        }
    fd_reveal_iter_free(ri);
    cr_assert_eq(found, 1, "one reveal logged (R-CALL-5)");
    fx_close(&f);
}

Test(calls_store, R_CALL_6_dir_add_refusals_name_the_field_and_change_nothing)
{
    fx f = fx_open("calls-dir-add");
    add_entry(&f, "person", "王小丽", "财务部", "8001", NULL, 0);
    snapshot before = snap(&f);
    fd_actor m = manager_at(&f, T0);
    m.grants = FD_GRANT_MANAGE;
    fd_dir_entry e = FD_DIR_ENTRY_INIT;
    e.kind = "person";
    e.name = "王二";
    e.extension = "8001";
    int64_t id = 0;
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_ECONFLICT, "dir_entry.extension: '8001' exists already");
    e.extension = "80 01";
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_EINVAL, "dir_entry.extension");
    e.extension = "8009";
    e.kind = "robot";
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_EINVAL, "dir_entry.kind");
    e.kind = "person";
    e.screen = "always";
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_EINVAL, "dir_entry.screen");
    e.screen = "screen";
    e.manager_entry = 999;
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_ENOTFOUND, "dir_entry.manager_entry");
    e.manager_entry = 0;
    e.purchasing_entry = 999;
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_ENOTFOUND, "dir_entry.purchasing_entry");
    e.purchasing_entry = 0;
    e.number = "1380000";
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_EINVAL, "dir_entry.number");
    e.number = NULL;
    e.name = NULL;
    fd_assert_error(fd_store_dir_add(&id, f.s, &m, &e), FD_EINVAL, "dir_entry.name");
    e.name = "王二";
    fd_actor clerk = clerk_at(&f, T0);
    fd_assert_error(fd_store_dir_add(&id, f.s, &clerk, &e), FD_EPERM, "manage");
    fd_actor other = fd_test_actor(f.site, f.other_clerk, T0);
    fd_assert_error(fd_store_dir_add(&id, f.s, &other, &e), FD_EPERM, "actor");
    assert_unchanged(&f, &before);
    /* The extension is unique per site: the hotel may use 8001 too. */
    fd_actor hotel = fd_test_actor(f.other_site, 0, T0);
    e.extension = "8001";
    fd_assert_ok(fd_store_dir_add(&id, f.s, &hotel, &e));
    fx_close(&f);
}

Test(calls_store, R_CALL_6_presence_and_the_screen_decision)
{
    fx f = fx_open("calls-presence");
    int64_t id = add_entry(&f, "person", "王小丽", "财务部", "8001", NULL, 0);
    fd_actor a = clerk_at(&f, T0);
    fd_assert_error(fd_store_dir_presence_set(f.s, &a, id, "asleep", 0), FD_EINVAL, "presence");
    fd_assert_error(fd_store_dir_presence_set(f.s, &a, id, "out", T0), FD_EINVAL, "until");
    fd_assert_error(fd_store_dir_presence_set(f.s, &a, 999, "out", 0), FD_ENOTFOUND, "entry_id");
    fd_actor hotel = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_error(fd_store_dir_presence_set(f.s, &hotel, id, "out", 0), FD_ENOTFOUND, "entry_id");
    fd_assert_ok(fd_store_dir_presence_set(f.s, &a, id, "out", T0 + 3600));
    fd_dir_entry *e = NULL;
    fd_assert_ok(fd_store_dir_entry_get(&e, f.s, &a, id));
    cr_assert_str_eq(e->presence, "out");
    cr_assert_eq(e->presence_until, T0 + 3600);
    fd_screen_decision d;
    fd_assert_ok(fd_dir_screen(&d, e, "customer", T0 + 60));
    cr_assert_eq(d.action, FD_SCREEN_MESSAGE);
    fd_assert_ok(fd_dir_screen(&d, e, "customer", T0 + 3600));
    cr_assert_eq(d.action, FD_SCREEN_TRANSFER);
    fd_dir_entry_free(e);
    fd_journal_filter q = FD_JOURNAL_FILTER_INIT;
    q.match = FD_JOURNAL_MATCH_ENTITY | FD_JOURNAL_MATCH_ACTION;
    q.entity = "dir_entry";
    q.action = "presence";
    fd_journal_iter *ji = NULL;
    const fd_journal_entry *je = NULL;
    fd_assert_ok(fd_store_journal_query(&ji, f.s, &a, &q));
    fd_assert_ok(fd_journal_iter_next(&je, ji));
    cr_assert_not_null(je);
    cr_assert_str_eq(je->detail, "out until 2026-11-23T10:00:00+08:00");
    fd_journal_iter_free(ji);
    fx_close(&f);
}

Test(calls_store, R_CALL_12_screening_routes_to_entries_of_the_directory)
{
    fx f = fx_open("calls-screen");
    int64_t am = add_entry(&f, "person", "赵客户经理", "市场部", "8301", NULL, 0);
    int64_t buy = add_entry(&f, "department", "采购部", NULL, "8400", NULL, 0);
    fd_actor m = manager_at(&f, T0);
    m.grants = FD_GRANT_MANAGE;
    fd_dir_entry e = FD_DIR_ENTRY_INIT;
    e.kind = "person";
    e.name = "钱总";
    e.title = "总经理";
    e.extension = "8999";
    e.confidential = 1;
    e.screen = "screen";
    e.manager_entry = am;
    e.purchasing_entry = buy;
    int64_t boss = 0;
    fd_assert_ok(fd_store_dir_add(&boss, f.s, &m, &e));
    fd_dir_entry *got = NULL;
    fd_assert_ok(fd_store_dir_entry_get(&got, f.s, &m, boss));
    fd_screen_decision d;
    fd_assert_ok(fd_dir_screen(&d, got, "customer", T0));
    cr_assert(d.action == FD_SCREEN_ROUTE && d.route_entry == am);
    fd_assert_ok(fd_dir_screen(&d, got, "supplier", T0));
    cr_assert(d.action == FD_SCREEN_ROUTE && d.route_entry == buy);
    fd_assert_ok(fd_dir_screen(&d, got, "sales", T0));
    cr_assert_eq(d.action, FD_SCREEN_DECLINE);
    fd_assert_ok(fd_dir_screen(&d, got, "other", T0));
    cr_assert_eq(d.action, FD_SCREEN_CONFIRM, "the leader is confirmed first (R-CALL-5)");
    fd_dir_entry_free(got);
    fx_close(&f);
}

Test(calls_store, R_CALL_6_dir_find_with_many_matches_reads_the_first_page_in_collation_order)
{
    fx f = fx_open("calls-dir-many");
    static const char *const given[] = { "三", "四", "五", "六", "七", "八", "九", "十", "一", "二", "伟", "芳" };
    enum { N = 2400 };
    char **names = calloc(N, sizeof *names);
    fd_actor sys = fd_test_actor(f.site, 0, T0);
    fd_assert_ok(fd_store_begin(f.s));
    for (int i = 0; i < N; i++) {
        names[i] = malloc(32);
        snprintf(names[i], 32, "张%s%04d", given[(i * 7) % 12], (i * 7919) % 10000);
        fd_dir_entry e = FD_DIR_ENTRY_INIT;
        e.kind = "person";
        e.name = names[i];
        int64_t id = 0;
        fd_assert_ok(fd_store_dir_add(&id, f.s, &sys, &e));
    }
    add_entry(&f, "person", "章程", NULL, "8001", NULL, 0); /* zhang cheng sorts among them */
    fd_assert_ok(fd_store_commit(f.s));
    fd_buf sorted = FD_BUF_INIT;
    names = realloc(names, (N + 1) * sizeof *names);
    names[N] = strdup("章程");
    fd_assert_ok(fd_text_sort_names(&sorted, (const char *const *)names, N + 1, FD_TEXT_ORDER_NAME));
    /* The first page of "zhang" (thousands of matches): the index walk. */
    char want[2048] = "", got[2048];
    const char *p = sorted.ptr;
    for (int k = 0; k < 20; k++) {
        const char *nl = strchr(p, '\n');
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%.*s", k ? "," : "", (int)(nl - p), p);
        p = nl + 1;
    }
    fd_actor a = clerk_at(&f, T0 + 60);
    find_names(got, sizeof got, &f, &a, "zhang", 20);
    cr_assert_str_eq(got, want);
    find_names(got, sizeof got, &f, &a, "张", 20);
    cr_assert_str_eq(got, want);
    /* Few matches ("zhang cheng", one): the sorted id list; and a bounded page of a middling match. */
    find_names(got, sizeof got, &f, &a, "zhangcheng", 20);
    cr_assert_str_eq(got, "章程");
    find_names(got, sizeof got, &f, &a, "张三", 64);
    cr_assert_eq(strlen(got) > 0, 1);
    const char *last = NULL;
    int count = 0;
    for (char *tok = strtok(got, ","); tok; tok = strtok(NULL, ",")) {
        cr_assert(strncmp(tok, "张三", strlen("张三")) == 0, "%s", tok);
        if (last) {
            int cmp = 0;
            fd_assert_ok(fd_text_compare(&cmp, last, tok, FD_TEXT_ORDER_NAME));
            cr_assert_lt(cmp, 0, "%s before %s", last, tok);
        }
        last = tok;
        count++;
    }
    cr_assert_eq(count, 64);
    for (int i = 0; i <= N; i++)
        free(names[i]);
    free(names);
    fd_buf_dispose(&sorted);
    fx_close(&f);
}

/* --- the store: the hotel switchboard (R-CALL-11) -------------------------------------------- */

static int64_t add_guest(const fx *f, int64_t site, const char *name, const char *room, fd_date arrival,
                         fd_date departure, int incognito)
{
    fd_actor a = fd_test_actor(site, 0, T0 - 7 * 86400);
    fd_guest g = FD_GUEST_INIT;
    g.name = name;
    g.room = room;
    g.arrival = arrival;
    g.departure = departure;
    g.incognito = incognito;
    int64_t id = 0;
    fd_assert_ok(fd_store_guest_add(&id, f->s, &a, &g));
    return id;
}

static int lookup(const fx *f, const fd_actor *a, const char *name, const char *room, int64_t *guest_id)
{
    int answer = -1;
    fd_guest *g = NULL;
    fd_assert_ok(fd_store_guest_lookup(&answer, &g, f->s, a, name, room));
    if (guest_id)
        *guest_id = g ? g->id : 0;
    cr_assert_eq(answer == FD_GUEST_NONE, g == NULL, "a guest comes back exactly when one is answered");
    fd_guest_free(g);
    return answer;
}

Test(calls_store, R_CALL_11_guest_lookup_by_room_and_name)
{
    fx f = fx_open("calls-guests");
    int64_t hotel = f.other_site;
    /* Today is 2026-11-23 in Shanghai. */
    int64_t li = add_guest(&f, hotel, "李四", "1208", (fd_date){ 2026, 11, 22 }, (fd_date){ 2026, 11, 25 }, 0);
    int64_t old = add_guest(&f, hotel, "周五", "1208", (fd_date){ 2026, 11, 18 }, (fd_date){ 2026, 11, 22 }, 0);
    int64_t next = add_guest(&f, hotel, "吴六", "1208", (fd_date){ 2026, 11, 26 }, (fd_date){ 2026, 11, 28 }, 0);
    int64_t gone = add_guest(&f, hotel, "郑七", "0802", (fd_date){ 2026, 11, 20 }, (fd_date){ 2026, 11, 23 }, 0);
    fd_actor sys = fd_test_actor(hotel, 0, T0 - 3 * 86400);
    fd_assert_ok(fd_store_guest_checkout(f.s, &sys, old));
    fd_actor out = fd_test_actor(hotel, 0, T0 - 3600);
    fd_assert_ok(fd_store_guest_checkout(f.s, &out, gone));
    fd_assert_error(fd_store_guest_checkout(f.s, &out, gone), FD_ESTATE, "checked out already");
    fd_actor hq = clerk_at(&f, T0);
    fd_assert_error(fd_store_guest_checkout(f.s, &hq, li), FD_ENOTFOUND, "guest_id");
    /* A clerk of the hotel (with no reveal asked for). */
    fd_actor a = fd_test_actor(hotel, f.other_clerk, T0);
    int64_t id = 0;
    cr_assert_eq(lookup(&f, &a, NULL, "1208", &id), FD_GUEST_IN_HOUSE, "the guest in house wins");
    cr_assert_eq(id, li);
    cr_assert_eq(lookup(&f, &a, "李四", "1208", &id), FD_GUEST_IN_HOUSE);
    cr_assert_eq(lookup(&f, &a, "lisi", NULL, &id), FD_GUEST_IN_HOUSE, "by pinyin");
    cr_assert_eq(lookup(&f, &a, "李", "１２０８", &id), FD_GUEST_IN_HOUSE, "full-width room");
    cr_assert_eq(lookup(&f, &a, "鄭七", NULL, &id), FD_GUEST_CHECKED_OUT, "Traditional input; checked out");
    cr_assert_eq(id, gone);
    cr_assert_eq(lookup(&f, &a, "zhouwu", NULL, &id), FD_GUEST_CHECKED_OUT);
    cr_assert_eq(lookup(&f, &a, "吴六", NULL, &id), FD_GUEST_NOT_ARRIVED);
    cr_assert_eq(id, next);
    cr_assert_eq(lookup(&f, &a, "吴六", "0802", &id), FD_GUEST_NONE, "name and room must both match");
    cr_assert_eq(lookup(&f, &a, "王八", NULL, &id), FD_GUEST_NONE);
    cr_assert_eq(lookup(&f, &a, NULL, "9999", &id), FD_GUEST_NONE);
    /* The guest comes back with the checkout time (to say when). */
    int answer = -1;
    fd_guest *g = NULL;
    fd_assert_ok(fd_store_guest_lookup(&answer, &g, f.s, &a, "郑七", NULL));
    cr_assert_eq(g->checked_out_at, T0 - 3600);
    cr_assert_str_eq(g->room, "0802");
    fd_guest_free(g);
    fd_assert_ok(fd_store_guest_lookup(&answer, NULL, f.s, &a, "郑七", NULL));
    cr_assert_eq(answer, FD_GUEST_CHECKED_OUT);
    /* Another site's guests are not here. */
    cr_assert_eq(lookup(&f, &hq, "李四", NULL, &id), FD_GUEST_NONE);
    fd_assert_error(fd_store_guest_lookup(&answer, NULL, f.s, &a, NULL, ""), FD_EINVAL, "name, room");
    fd_assert_error(fd_store_guest_lookup(NULL, NULL, f.s, &a, "李四", NULL), FD_EINVAL, "out_answer");
    fx_close(&f);
}

Test(calls_store, R_CALL_11_incognito_guest_is_no_such_guest_unless_revealed)
{
    fx f = fx_open("calls-incognito");
    int64_t hotel = f.other_site;
    int64_t vip = add_guest(&f, hotel, "孙总", "1888", (fd_date){ 2026, 11, 22 }, (fd_date){ 2026, 11, 25 }, 1);
    add_guest(&f, hotel, "陈八", "1888", (fd_date){ 2026, 11, 10 }, (fd_date){ 2026, 11, 12 }, 0);
    fd_actor sys = fd_test_actor(hotel, 0, T0 - 10 * 86400);
    fd_actor a = fd_test_actor(hotel, f.other_clerk, T0);
    int64_t id = 0;
    cr_assert_eq(lookup(&f, &a, "孙总", NULL, &id), FD_GUEST_NONE);
    cr_assert_eq(lookup(&f, &a, "sunzong", "1888", &id), FD_GUEST_NONE);
    /* By room, the hidden guest is skipped: the earlier guest (not checked out, past departure) answers. */
    cr_assert_eq(lookup(&f, &a, NULL, "1888", &id), FD_GUEST_IN_HOUSE);
    cr_assert_neq(id, vip);
    (void)sys;
    fd_reveal_iter *ri = NULL;
    const fd_reveal *rv = NULL;
    fd_actor r = a;
    r.grants = FD_GRANT_REVEAL;
    r.reason = "总经理来电找孙总";
    fd_assert_ok(fd_store_reveal_query(&ri, f.s, &r, NULL));
    fd_assert_ok(fd_reveal_iter_next(&rv, ri));
    cr_assert_null(rv, "nothing revealed yet");
    fd_reveal_iter_free(ri);
    cr_assert_eq(lookup(&f, &r, "孙总", NULL, &id), FD_GUEST_IN_HOUSE, "the reveal grant sees the guest");
    cr_assert_eq(id, vip);
    fd_assert_ok(fd_store_reveal_query(&ri, f.s, &r, NULL));
    int found = 0;
    while (fd_reveal_iter_next(&rv, ri) == FD_OK && rv)
        found += strcmp(rv->record, "guest") == 0 && rv->record_id == vip && strcmp(rv->field, "incognito") == 0;
    fd_reveal_iter_free(ri);
    cr_assert_eq(found, 1, "the reveal is logged (R-COM-2)");
    fx_close(&f);
}

Test(calls_store, R_CALL_11_guest_add_refusals_name_the_field)
{
    fx f = fx_open("calls-guest-add");
    snapshot before = snap(&f);
    fd_actor a = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_guest g = FD_GUEST_INIT;
    g.name = "李四";
    g.room = "1208";
    g.arrival = (fd_date){ 2026, 11, 22 };
    g.departure = (fd_date){ 2026, 11, 21 };
    int64_t id = 0;
    fd_assert_error(fd_store_guest_add(&id, f.s, &a, &g), FD_EINVAL, "guest.departure");
    g.departure = (fd_date){ 2026, 11, 22 };
    g.room = "12 08";
    fd_assert_error(fd_store_guest_add(&id, f.s, &a, &g), FD_EINVAL, "guest.room");
    g.room = "1208";
    g.arrival = (fd_date){ 2026, 2, 30 };
    fd_assert_error(fd_store_guest_add(&id, f.s, &a, &g), FD_EINVAL, "guest.arrival");
    g.arrival = (fd_date){ 2026, 11, 22 };
    g.name = NULL;
    fd_assert_error(fd_store_guest_add(&id, f.s, &a, &g), FD_EINVAL, "guest.name");
    g.name = "李四";
    g.checked_out_at = T0;
    fd_assert_error(fd_store_guest_add(&id, f.s, &a, &g), FD_EINVAL, "guest.checked_out_at");
    g.checked_out_at = 0;
    fd_actor other = fd_test_actor(f.other_site, f.clerk, T0);
    fd_assert_error(fd_store_guest_add(&id, f.s, &other, &g), FD_EPERM, "actor");
    assert_unchanged(&f, &before);
    fd_assert_ok(fd_store_guest_add(&id, f.s, &a, &g));
    fx_close(&f);
}

/* --- the store: the period's counts --------------------------------------------------------- */

Test(calls_store, R_COM_4_call_stats_count_the_period)
{
    fx f = fx_open("calls-stats");
    fd_actor a = clerk_at(&f, T0 + 3600);
    /* Before the period: not counted (but its open task is). */
    fd_call c = answered_call(5, 30);
    c.ring_at -= 86400;
    c.answer_at -= 86400;
    c.end_at -= 86400;
    c.disposition = "dropped";
    add_call(&f, &a, &c);
    /* In the period: on time (1, 2, 3 rings), late with and without apology, a private call over the limit,
     * a wrong number, unanswered, busy, outgoing, internal, not read back, dropped incoming, unresolved. */
    int64_t waits[] = { 0, 7, 15 };
    for (int i = 0; i < 3; i++) {
        c = answered_call(waits[i], 60);
        add_call(&f, &a, &c);
    }
    c = answered_call(16, 60);
    c.apology = "given";
    c.category = "complaint";
    add_call(&f, &a, &c);
    c = answered_call(40, 60);
    c.apology = "omitted";
    c.category = "repair";
    add_call(&f, &a, &c);
    c = answered_call(3, 200);
    c.category = "private";
    c.matter = NULL;
    add_call(&f, &a, &c);
    c = answered_call(3, 10);
    c.category = "wrong_number";
    c.matter = NULL;
    add_call(&f, &a, &c);
    c = answered_call(0, 0);
    c.disposition = "no_answer";
    c.answer_at = 0;
    c.end_at = T0 + 30;
    c.category = NULL;
    c.matter = NULL;
    add_call(&f, &a, &c);
    c.disposition = "busy";
    add_call(&f, &a, &c);
    c = answered_call(5, 60);
    c.direction = "out";
    c.category = NULL;
    add_call(&f, &a, &c);
    c.direction = "internal";
    add_call(&f, &a, &c);
    c = answered_call(5, 60);
    c.read_back = 0;
    c.category = "suggestion";
    add_call(&f, &a, &c);
    c = answered_call(5, 60);
    c.disposition = "dropped";
    add_call(&f, &a, &c);
    c = answered_call(5, 60);
    c.unresolved = 1;
    c.category = "business";
    add_call(&f, &a, &c);
    /* After the period: not counted. */
    c = answered_call(5, 60);
    c.ring_at += 86400;
    c.answer_at += 86400;
    c.end_at += 86400;
    fd_actor later = clerk_at(&f, c.end_at + 60); /* logged once it has rung */
    add_call(&f, &later, &c);
    /* A message taken in the period, one delivered in it, one taken before and delivered after it. */
    fd_message m = a_message();
    int64_t m1 = 0, m2 = 0, m3 = 0;
    fd_actor early = clerk_at(&f, T0 - 3600);
    fd_assert_ok(fd_store_message_take(&m1, f.s, &early, &m));
    fd_assert_ok(fd_store_message_take(&m2, f.s, &a, &m));
    fd_assert_ok(fd_store_message_take(&m3, f.s, &early, &m));
    fd_assert_ok(fd_store_message_deliver(f.s, &a, m3, "phone", NULL));
    fd_actor next_day = clerk_at(&f, T0 + 86400 + 60);
    fd_assert_ok(fd_store_message_deliver(f.s, &next_day, m1, "phone", NULL));
    int64_t day_start = 1795363200, day_end = 1795449600; /* 2026-11-23 00:00 .. 11-24 00:00 Shanghai */
    fd_call_stats s;
    memset(&s, 0xAB, sizeof s);
    fd_assert_ok(fd_store_call_stats(&s, f.s, &a, day_start, day_end));
    cr_assert_eq(s.version, FD_CALL_STATS_VERSION);
    cr_assert_eq(s.total, 14);
    cr_assert_eq(s.incoming, 12);
    cr_assert_eq(s.outgoing, 1);
    cr_assert_eq(s.internal, 1);
    cr_assert_eq(s.answered, 11);
    cr_assert_eq(s.no_answer, 1);
    cr_assert_eq(s.busy, 1);
    cr_assert_eq(s.dropped, 1);
    cr_assert_eq(s.failed + s.congestion + s.cancelled, 0);
    cr_assert_eq(s.inquiry, 4); /* 3 on time, and the dropped one */
    cr_assert_eq(s.complaint, 1);
    cr_assert_eq(s.repair, 1);
    cr_assert_eq(s.personal, 1);
    cr_assert_eq(s.wrong_number, 1);
    cr_assert_eq(s.suggestion, 1);
    cr_assert_eq(s.business, 1);
    cr_assert_eq(s.uncategorised, 4);
    cr_assert_eq(s.within_rings, 10);
    cr_assert_eq(s.late, 2);
    cr_assert_eq(s.late_apology, 1);
    cr_assert_eq(s.late_no_apology, 1);
    cr_assert_eq(s.late_unknown, 0);
    cr_assert_eq(s.rings_1, 8);
    cr_assert_eq(s.rings_2, 1);
    cr_assert_eq(s.rings_3, 1);
    cr_assert_eq(s.rings_4_6, 1);
    cr_assert_eq(s.rings_7_plus, 1);
    /* Waits of the 12 answered calls: 0 3 3 5 5 5 5 5 7 15 16 40 → p50 (6th) 5, p90 (11th) 16, max 40. */
    cr_assert_eq(s.answer_p50_s, 5);
    cr_assert_eq(s.answer_p90_s, 16);
    cr_assert_eq(s.answer_max_s, 40);
    cr_assert_eq(s.over_limit, 1);
    cr_assert_eq(s.not_read_back, 1);
    cr_assert_eq(s.open_callbacks, 2, "yesterday's and today's dropped calls");
    cr_assert_eq(s.open_replies, 1);
    cr_assert_eq(s.overdue_tasks, 2, "the call-backs are due at once");
    cr_assert_eq(s.messages_open, 2, "m1 (delivered only the next day) and m2");
    cr_assert_eq(s.messages_overdue, 2, "older than 30 minutes at midnight");
    fd_assert_error(fd_store_call_stats(&s, f.s, &a, day_end, day_start), FD_EINVAL, "to");
    fd_actor other = fd_test_actor(f.site, f.other_clerk, T0);
    fd_assert_error(fd_store_call_stats(&s, f.s, &other, day_start, day_end), FD_EPERM, "actor");
    /* The other site has none of it. */
    fd_actor hotel = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_ok(fd_store_call_stats(&s, f.s, &hotel, day_start, day_end));
    cr_assert_eq(s.total + s.open_callbacks + s.messages_open, 0);
    fx_close(&f);
}

/* --- the store: CDR import (R-CALL-3, R-CALL-1, R-CALL-8) -------------------------------------- */

#define CDR_DIR FD_SOURCE_DIR "/tests/data/cdr/"
#define GENERIC_MAP                                                                                                 \
    "uniqueid=通话编号,src=主叫号码,dst=被叫号码,clid=主叫名称,start_at=开始时间,answer_at=应答时间,end_at=结束时间," \
    "disposition=通话结果"
/* 2026-03-02 09:00 Shanghai, when the sample files' day is imported; the day's bounds. */
#define CDR_AT 1772442000
#define CDR_DAY 1772380800
#define CDR_DAY_END 1772467200

static fd_cdr_options cdr_options(const char *dialect, const char *map)
{
    fd_cdr_options o = { FD_CDR_OPTIONS_VERSION, dialect, "pbx1", NULL, map };
    return o;
}

static fd_cdr_import_summary import_file(const fx *f, const fd_actor *a, const char *dialect, const char *file,
                                         const char *map, fd_buf *rejects)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", CDR_DIR, file);
    fd_cdr_options o = cdr_options(dialect, map);
    fd_cdr_import_summary s;
    memset(&s, 0xAB, sizeof s);
    fd_assert_ok(fd_store_cdr_import_file(&s, rejects, f->s, a, &o, path));
    cr_assert_eq(s.version, FD_CDR_IMPORT_SUMMARY_VERSION);
    return s;
}

static fd_cdr_import_summary import_text(const fx *f, const fd_actor *a, const char *dialect, const char *text)
{
    fd_cdr_options o = cdr_options(dialect, NULL);
    fd_cdr_import_summary s;
    fd_assert_ok(fd_store_cdr_import(&s, NULL, f->s, a, &o, text));
    return s;
}

/* The one call of the site whose source_key is @key (revealed when @a reveals); free it. */
static fd_call *call_by_key(const fx *f, const fd_actor *a, const char *key)
{
    fd_call_filter q = FD_CALL_FILTER_INIT;
    q.match = FD_CALL_MATCH_SOURCE_KEY;
    q.source_key = key;
    fd_call_iter *it = NULL;
    const fd_call *c = NULL;
    fd_assert_ok(fd_store_call_query(&it, f->s, a, &q));
    fd_assert_ok(fd_call_iter_next(&c, it));
    cr_assert_not_null(c, "a call with source_key %s", key);
    fd_call *copy = NULL;
    fd_assert_ok(fd_store_call_get(&copy, f->s, a, c->id));
    fd_assert_ok(fd_call_iter_next(&c, it));
    cr_assert_null(c, "one call only for %s", key);
    fd_call_iter_free(it);
    return copy;
}

/* The data tables an import writes (the journal is compared apart: each import is journaled). */
static const char *const IMPORT_TABLES[] = { "calls", "call_tasks", "cdr_legs", "search_keys" };

Test(calls_store, R_CALL_3_import_asterisk_assembles_calls_and_twice_changes_nothing)
{
    fx f = fx_open("calls-import");
    fd_actor a = clerk_at(&f, CDR_AT);
    fd_buf rejects = FD_BUF_INIT;
    fd_cdr_import_summary s = import_file(&f, &a, "asterisk_csv", "asterisk_master.csv", NULL, &rejects);
    cr_assert_eq(s.lines, 11);
    cr_assert_eq(s.imported, 11);
    cr_assert_eq(s.already, 0);
    cr_assert_eq(s.rejected, 0);
    cr_assert_eq(s.calls_added, 8);
    cr_assert_eq(s.calls_updated, 0);
    cr_assert_str_eq(rejects.ptr ? rejects.ptr : "", "");
    cr_assert_eq(count_rows(f.path, "calls"), 8);
    fd_actor r = revealer_at(&f, CDR_AT + 60);
    /* The transfer chain: three legs, one call, ended with 8003. */
    fd_call *c = call_by_key(&f, &r, "1772414103.16");
    cr_assert_eq(c->legs, 3);
    cr_assert_str_eq(c->transfers, "8001 > 8002 > 8003");
    cr_assert_str_eq(c->callee, "8003");
    cr_assert_str_eq(c->direction, "in");
    cr_assert_str_eq(c->caller_number, "13812345678");
    cr_assert_str_eq(c->caller_name, "张三");
    cr_assert_str_eq(c->source, "pbx1");
    cr_assert_eq(c->staff_id, 0, "nobody at the desk handled an imported call");
    cr_assert_eq(c->logged_at, CDR_AT);
    cr_assert_eq(c->rings, 1);
    fd_call_free(c);
    /* The late answer, timed on the answering leg: 25 s = 5 rings, late, apology not known. */
    c = call_by_key(&f, &r, "1772416931.20");
    cr_assert_eq(c->rings, 5);
    cr_assert_eq(c->late, 1);
    cr_assert_str_eq(c->apology, "");
    cr_assert_str_eq(c->callee, "8001");
    fd_call_free(c);
    /* Internal and outgoing calls come from an extension; a withheld caller has no number. */
    c = call_by_key(&f, &r, "1772418600.22");
    cr_assert_str_eq(c->direction, "internal");
    cr_assert_str_eq(c->caller_number, "8003");
    fd_call_free(c);
    c = call_by_key(&f, &r, "1772431815.29");
    cr_assert_str_eq(c->direction, "out");
    fd_call_free(c);
    c = call_by_key(&f, &r, "1772436168.31");
    cr_assert_str_eq(c->caller_number, "");
    fd_call_free(c);
    /* Numbers masked for whoever does not reveal (R-COM-2). */
    c = call_by_key(&f, &a, "1772420740.24");
    cr_assert_str_eq(c->caller_number, "139****4321");
    cr_assert_str_eq(c->disposition, "no_answer");
    fd_call_free(c);
    /* Every leg points at its call. */
    fd_cdr_leg_filter lq = FD_CDR_LEG_FILTER_INIT;
    lq.match = FD_CDR_LEG_MATCH_CALL_ID;
    lq.call_id = 0;
    fd_cdr_leg_iter *li = NULL;
    const fd_cdr_leg *leg = NULL;
    fd_assert_ok(fd_store_cdr_leg_query(&li, f.s, &a, &lq));
    fd_assert_ok(fd_cdr_leg_iter_next(&leg, li));
    cr_assert_null(leg, "no leg without its call");
    fd_cdr_leg_iter_free(li);
    /* Twice: every leg is already there, and not a row changes. */
    char *before[4];
    for (int i = 0; i < 4; i++)
        before[i] = fd_test_table_dump(f.path, IMPORT_TABLES[i]);
    int64_t journal = count_rows(f.path, "journal");
    fd_actor later = clerk_at(&f, CDR_AT + 3600);
    s = import_file(&f, &later, "asterisk_csv", "asterisk_master.csv", NULL, &rejects);
    cr_assert_eq(s.lines, 11);
    cr_assert_eq(s.imported, 0);
    cr_assert_eq(s.already, 11);
    cr_assert_eq(s.rejected + s.calls_added + s.calls_updated, 0);
    for (int i = 0; i < 4; i++) {
        char *now = fd_test_table_dump(f.path, IMPORT_TABLES[i]);
        cr_assert_str_eq(now, before[i], "%s changed", IMPORT_TABLES[i]);
        free(now);
        free(before[i]);
    }
    cr_assert_eq(count_rows(f.path, "journal"), journal + 1, "the second import is journaled, with its summary");
    fd_journal_filter jq = FD_JOURNAL_FILTER_INIT;
    jq.match = FD_JOURNAL_MATCH_ENTITY;
    jq.entity = "cdr";
    fd_journal_iter *ji = NULL;
    const fd_journal_entry *je = NULL;
    fd_assert_ok(fd_store_journal_query(&ji, f.s, &a, &jq));
    fd_assert_ok(fd_journal_iter_next(&je, ji));
    cr_assert_str_eq(je->action, "import");
    cr_assert_str_eq(je->detail, "asterisk_csv pbx1: lines 11, imported 11, already 0, rejected 0, calls added 8, "
                                 "updated 0");
    fd_assert_ok(fd_journal_iter_next(&je, ji));
    cr_assert_str_eq(je->detail, "asterisk_csv pbx1: lines 11, imported 0, already 11, rejected 0, calls added 0, "
                                 "updated 0");
    fd_journal_iter_free(ji);
    /* The day's counts include them: the late answer's apology is not known. */
    fd_call_stats st;
    fd_assert_ok(fd_store_call_stats(&st, f.s, &a, CDR_DAY, CDR_DAY_END));
    cr_assert_eq(st.total, 8);
    cr_assert_eq(st.late, 1);
    cr_assert_eq(st.late_unknown, 1);
    cr_assert_eq(st.internal, 1);
    cr_assert_eq(st.outgoing, 1);
    fd_buf_dispose(&rejects);
    fx_close(&f);
}

Test(calls_store, R_CALL_3_import_rejects_bad_lines_with_their_number_and_keeps_the_good)
{
    static const struct {
        const char *file, *why;
    } bad[] = {
        { "bad_short_line.csv", "line 2: columns: 15, asterisk_csv has 16, 17, 18 or 21\n" },
        { "bad_quote.csv", "line 2: column 5 (clid): bad quote" },
        { "bad_answer_before_start.csv", "line 2: column 11 (answer): before the start" },
        { "bad_gbk_clid.csv", "line 2: column 5 (clid): not valid UTF-8" },
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        fx f = fx_open("calls-import-bad");
        fd_actor a = clerk_at(&f, CDR_AT);
        fd_buf rejects = FD_BUF_INIT;
        fd_cdr_import_summary s = import_file(&f, &a, "asterisk_csv", bad[k].file, NULL, &rejects);
        cr_assert_eq(s.lines, 3, "%s", bad[k].file);
        cr_assert_eq(s.rejected, 1, "%s", bad[k].file);
        cr_assert_eq(s.imported, 2, "%s", bad[k].file);
        cr_assert_eq(s.calls_added, 2, "%s", bad[k].file);
        cr_assert(strncmp(rejects.ptr, bad[k].why, strlen(bad[k].why)) == 0, "%s: %s", bad[k].file, rejects.ptr);
        cr_assert_eq(rejects.ptr[rejects.size - 1], '\n');
        cr_assert_lt(fd_test_digit_run(rejects.ptr), 6, "no number in %s", rejects.ptr);
        cr_assert_eq(count_rows(f.path, "cdr_legs"), 2);
        fd_buf_dispose(&rejects);
        fx_close(&f);
    }
}

Test(calls_store, R_CALL_8_import_dropped_call_gets_one_callback)
{
    fx f = fx_open("calls-import-fs");
    fd_actor a = clerk_at(&f, CDR_AT);
    fd_cdr_import_summary s = import_file(&f, &a, "freeswitch_csv", "freeswitch_master.csv", NULL, NULL);
    cr_assert_eq(s.imported, 5);
    cr_assert_eq(s.calls_added, 5);
    fd_actor r = revealer_at(&f, CDR_AT + 60);
    fd_call *c = call_by_key(&f, &r, "5c0e9d71-2a4b-4f8e-8c3d-1b6a7e9f0c03");
    cr_assert_str_eq(c->disposition, "dropped");
    cr_assert_str_eq(c->caller_number, "02087654321");
    int64_t dropped = c->id, end = c->end_at;
    fd_call_free(c);
    fd_call_task_filter q = FD_CALL_TASK_FILTER_INIT;
    fd_call_task_iter *it = NULL;
    const fd_call_task *t = NULL;
    fd_assert_ok(fd_store_call_task_query(&it, f.s, &r, &q));
    fd_assert_ok(fd_call_task_iter_next(&t, it));
    cr_assert_not_null(t);
    cr_assert_eq(t->call_id, dropped);
    cr_assert_str_eq(t->kind, "callback");
    cr_assert_eq(t->due_at, end);
    cr_assert_str_eq(t->number, "02087654321");
    cr_assert_eq(t->staff_id, 0);
    fd_assert_ok(fd_call_task_iter_next(&t, it));
    cr_assert_null(t, "one call-back: only the dropped call needs one");
    fd_call_task_iter_free(it);
    /* The late answer (28 s) and the caller who gave up while it rang. */
    c = call_by_key(&f, &r, "7e6d5c4b-3a29-4187-9f6e-5d4c3b2a1f07");
    cr_assert_eq(c->late, 1);
    fd_call_free(c);
    c = call_by_key(&f, &r, "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c05");
    cr_assert_str_eq(c->disposition, "cancelled");
    fd_call_free(c);
    /* A b-leg arriving in a later file joins its a-leg's call, updated in place; no second call-back. */
    s = import_text(&f, &a, "freeswitch_csv",
                    "\"孙丽\",\"02087654321\",\"8001\",\"default\",\"2026-03-02 11:20:06\",\"2026-03-02 11:20:12\","
                    "\"2026-03-02 11:23:40\",\"214\",\"208\",\"MEDIA_TIMEOUT\",\"e17f3a28-9c5d-4b06-a2e1-6f8d0c4b5a04\","
                    "\"\",\"\",\"PCMA\",\"PCMA\"\n");
    cr_assert_eq(s.imported, 1);
    cr_assert_eq(s.calls_added, 0);
    cr_assert_eq(s.calls_updated, 1);
    c = call_by_key(&f, &r, "5c0e9d71-2a4b-4f8e-8c3d-1b6a7e9f0c03");
    cr_assert_eq(c->id, dropped);
    cr_assert_eq(c->legs, 2);
    fd_call_free(c);
    cr_assert_eq(count_rows(f.path, "call_tasks"), 1);
    cr_assert_eq(count_rows(f.path, "calls"), 5);
    fx_close(&f);
}

Test(calls_store, R_CALL_3_import_freeswitch_b_leg_first_then_its_a_leg_rekeys_the_call)
{
    fx f = fx_open("calls-import-rekey");
    fd_actor a = clerk_at(&f, CDR_AT);
    static const char b_leg[] =
        "\"赵敏\",\"13712345678\",\"8001\",\"default\",\"2026-03-02 08:55:03\",\"2026-03-02 08:55:09\","
        "\"2026-03-02 08:58:41\",\"218\",\"212\",\"NORMAL_CLEARING\",\"8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02\",\"\","
        "\"\",\"PCMA\",\"PCMA\"\n";
    static const char a_leg[] =
        "\"赵敏\",\"13712345678\",\"8001\",\"default\",\"2026-03-02 08:55:02\",\"2026-03-02 08:55:09\","
        "\"2026-03-02 08:58:41\",\"219\",\"212\",\"NORMAL_CLEARING\",\"3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01\","
        "\"8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02\",\"\",\"PCMA\",\"PCMA\"\r\n";
    fd_cdr_import_summary s = import_text(&f, &a, "freeswitch_csv", b_leg);
    cr_assert_eq(s.calls_added, 1);
    fd_call *c = call_by_key(&f, &a, "8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02");
    int64_t id = c->id;
    cr_assert_eq(c->legs, 1);
    fd_call_free(c);
    s = import_text(&f, &a, "freeswitch_csv", a_leg);
    cr_assert_eq(s.imported, 1);
    cr_assert_eq(s.calls_added, 0);
    cr_assert_eq(s.calls_updated, 1);
    c = call_by_key(&f, &a, "3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01");
    cr_assert_eq(c->id, id, "the same call, re-keyed to the a-leg");
    cr_assert_eq(c->legs, 2);
    cr_assert_eq(c->ring_at, 1772412902, "the first ring is the a-leg's start");
    fd_call_free(c);
    cr_assert_eq(count_rows(f.path, "calls"), 1);
    /* Both legs now carry the a-leg's uuid as linkedid. */
    fd_cdr_leg_filter lq = FD_CDR_LEG_FILTER_INIT;
    lq.match = FD_CDR_LEG_MATCH_LINKEDID;
    lq.linkedid = "3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01";
    fd_cdr_leg_iter *li = NULL;
    const fd_cdr_leg *leg = NULL;
    int n = 0;
    fd_assert_ok(fd_store_cdr_leg_query(&li, f.s, &a, &lq));
    while (fd_cdr_leg_iter_next(&leg, li) == FD_OK && leg) {
        cr_assert_eq(leg->call_id, id);
        n++;
    }
    fd_cdr_leg_iter_free(li);
    cr_assert_eq(n, 2);
    /* Both files again: nothing changes. */
    char *before = fd_test_table_dump(f.path, "calls");
    s = import_text(&f, &a, "freeswitch_csv", a_leg);
    cr_assert_eq(s.already, 1);
    s = import_text(&f, &a, "freeswitch_csv", b_leg);
    cr_assert_eq(s.already, 1);
    char *now = fd_test_table_dump(f.path, "calls");
    cr_assert_str_eq(now, before);
    free(now);
    free(before);
    fx_close(&f);
}

Test(calls_store, R_CALL_3_import_generic_and_the_site_zone)
{
    fx f = fx_open("calls-import-generic");
    fd_actor a = clerk_at(&f, CDR_AT);
    fd_cdr_import_summary s = import_file(&f, &a, "generic", "generic.csv", GENERIC_MAP, NULL);
    cr_assert_eq(s.lines, 4, "the header row counts as a line read");
    cr_assert_eq(s.imported, 3);
    cr_assert_eq(s.calls_added, 3);
    cr_assert_eq(count_rows(f.path, "call_tasks"), 1, "the dropped call is called back");
    /* "2026/3/2 9:30:00" without a zone is the site's local time. */
    fd_call *c = call_by_key(&f, &a, "GW-20260302-0002");
    cr_assert_eq(c->ring_at, 1772415000);
    cr_assert_str_eq(c->caller_name, "深圳华强贸易, 李经理");
    fd_call_free(c);
    /* A site in Tokyo reads the same line an hour earlier (UTC); an explicit zone wins. */
    fd_actor boot = fd_test_actor(0, 0, CDR_AT);
    fd_site tokyo = FD_SITE_INIT;
    tokyo.code = "tokyo";
    tokyo.name = "东京分部";
    tokyo.time_zone = "Asia/Tokyo";
    int64_t tk = 0;
    fd_assert_ok(fd_store_site_add(&tk, f.s, &boot, &tokyo));
    fd_actor t = fd_test_actor(tk, 0, CDR_AT);
    import_file(&f, &t, "generic", "generic.csv", GENERIC_MAP, NULL);
    c = call_by_key(&f, &t, "GW-20260302-0002");
    cr_assert_eq(c->ring_at, 1772415000 - 3600);
    fd_call_free(c);
    fd_cdr_options o = cdr_options("generic", GENERIC_MAP);
    o.source = "pbx2";
    o.time_zone = "Asia/Shanghai";
    char path[1024];
    snprintf(path, sizeof path, "%sgeneric.csv", CDR_DIR);
    fd_assert_ok(fd_store_cdr_import_file(&s, NULL, f.s, &t, &o, path));
    fd_call_filter q = FD_CALL_FILTER_INIT;
    q.match = FD_CALL_MATCH_SOURCE | FD_CALL_MATCH_SOURCE_KEY;
    q.source = "pbx2";
    q.source_key = "GW-20260302-0002";
    fd_call_iter *it = NULL;
    const fd_call *row = NULL;
    fd_assert_ok(fd_store_call_query(&it, f.s, &t, &q));
    fd_assert_ok(fd_call_iter_next(&row, it));
    cr_assert_not_null(row);
    cr_assert_eq(row->ring_at, 1772415000);
    fd_call_iter_free(it);
    fx_close(&f);
}

Test(calls_store, R_CALL_3_import_refusals_name_the_option_and_change_nothing)
{
    fx f = fx_open("calls-import-refuse");
    fd_actor a = clerk_at(&f, CDR_AT);
    snapshot before = snap(&f);
    fd_cdr_import_summary s;
    fd_buf rejects = FD_BUF_INIT;
    static const char line[] = "\"\",\"8003\",\"8001\",\"from-internal\",\"\",\"PJSIP/8003-1\",\"PJSIP/8001-2\","
                               "\"Dial\",\"\",\"2026-03-02 10:30:00\",\"2026-03-02 10:30:04\",\"2026-03-02 10:31:12\","
                               "72,68,\"ANSWERED\",\"DOCUMENTATION\"\n";
    fd_cdr_options o = cdr_options("cisco", NULL);
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line), FD_EINVAL,
                    "fd_store_cdr_import: options.dialect");
    o = cdr_options("asterisk_csv", NULL);
    o.source = "PBX 1";
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line), FD_EINVAL, "options.source");
    o.source = NULL;
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line), FD_EINVAL, "options.source");
    o = cdr_options("asterisk_csv", NULL);
    o.time_zone = "Mars/Olympus";
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line), FD_EINVAL, "options.time_zone");
    o = cdr_options("generic", NULL);
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line), FD_EINVAL, "options.column_map");
    o = cdr_options("asterisk_csv", NULL);
    o.version = 9;
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line), FD_EINVAL, "options.version");
    o = cdr_options("asterisk_csv", NULL);
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, NULL, line), FD_EINVAL, "options");
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, NULL), FD_EINVAL, "text");
    fd_assert_error(fd_store_cdr_import(NULL, &rejects, f.s, &a, &o, line), FD_EINVAL, "out");
    fd_actor other = fd_test_actor(f.site, f.other_clerk, CDR_AT);
    fd_assert_error(fd_store_cdr_import(&s, &rejects, f.s, &other, &o, line), FD_EPERM, "actor");
    fd_assert_error(fd_store_cdr_import_file(&s, &rejects, f.s, &a, &o, CDR_DIR "no-such-file.csv"), FD_EIO,
                    "fd_store_cdr_import_file: path");
    fd_assert_error(fd_store_cdr_import_file(&s, &rejects, f.s, &other, &o, CDR_DIR "asterisk_master.csv"), FD_EPERM,
                    "fd_store_cdr_import_file: actor");
    cr_assert_eq(rejects.size, 0);
    assert_unchanged(&f, &before);
    /* Inside the caller's transaction, rolled back with it. */
    before = snap(&f);
    fd_assert_ok(fd_store_begin(f.s));
    fd_assert_ok(fd_store_cdr_import(&s, &rejects, f.s, &a, &o, line));
    cr_assert_eq(s.calls_added, 1);
    fd_assert_ok(fd_store_rollback(f.s));
    assert_unchanged(&f, &before);
    fd_buf_dispose(&rejects);
    fx_close(&f);
}

Test(calls_store, R_CALL_3_a_reassembled_call_takes_the_name_of_its_first_leg)
{
    fx f = fx_open("calls-import-rename");
    fd_actor a = clerk_at(&f, CDR_AT);
    /* The b-leg names the caller 赵小敏; the a-leg, which rang first, 赵敏. */
    import_text(&f, &a, "freeswitch_csv",
                "\"赵小敏\",\"13712345678\",\"8001\",\"default\",\"2026-03-02 08:55:03\",\"2026-03-02 08:55:09\","
                "\"2026-03-02 08:58:41\",\"218\",\"212\",\"NORMAL_CLEARING\",\"8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02\","
                "\"\",\"\",\"PCMA\",\"PCMA\"\n");
    fd_call *c = call_by_key(&f, &a, "8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02");
    cr_assert_str_eq(c->caller_name, "赵小敏");
    int64_t id = c->id;
    fd_call_free(c);
    fd_cdr_import_summary s =
        import_text(&f, &a, "freeswitch_csv",
                    "\"赵敏\",\"13712345678\",\"8001\",\"default\",\"2026-03-02 08:55:02\",\"2026-03-02 08:55:09\","
                    "\"2026-03-02 08:58:41\",\"219\",\"212\",\"NORMAL_CLEARING\",\"3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01\","
                    "\"8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02\",\"\",\"PCMA\",\"PCMA\"\n");
    cr_assert_eq(s.calls_updated, 1);
    c = call_by_key(&f, &a, "3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01");
    cr_assert_eq(c->id, id);
    cr_assert_str_eq(c->caller_name, "赵敏");
    cr_assert_eq(c->ring_at, 1772412902);
    fd_call_free(c);
    cr_assert_eq(count_rows(f.path, "search_keys"), count_rows(f.path, "search_keys WHERE tbl <> 'calls'"),
                 "calls carry no search keys");
    fx_close(&f);
}

/* The first @k of @names (count @n) in FD_TEXT_ORDER_NAME, joined by ','. */
static void first_sorted(char *out, size_t cap, char **names, size_t n, int k)
{
    fd_buf sorted = FD_BUF_INIT;
    fd_assert_ok(fd_text_sort_names(&sorted, (const char *const *)names, n, FD_TEXT_ORDER_NAME));
    out[0] = '\0';
    const char *p = sorted.ptr;
    for (int i = 0; i < k && p; i++) {
        const char *nl = strchr(p, '\n');
        int len = nl ? (int)(nl - p) : (int)strlen(p);
        snprintf(out + strlen(out), cap - strlen(out), "%s%.*s", i ? "," : "", len, p);
        p = nl ? nl + 1 : NULL;
    }
    fd_buf_dispose(&sorted);
}

Test(calls_store, R_CALL_6_dir_find_when_a_query_matches_most_of_the_directory)
{
    fx f = fx_open("calls-dir-dense");
    enum { LATE = 3400, EARLY = 1100, OTHER = 100 };
    char **late = calloc(LATE, sizeof *late), **other = calloc(OTHER, sizeof *other);
    fd_actor sys = fd_test_actor(f.site, 0, T0), hotel = fd_test_actor(f.other_site, 0, T0);
    fd_assert_ok(fd_store_begin(f.s));
    /* 张志忠 carries six keys starting with z (zhangzhizhong, zhizhong, zhong; zzz, zz, z): over the count's cap.
     * 阿 sorts first and matches no z: the walk of the first entries finds nothing and gives way. */
    for (int i = 0; i < LATE + EARLY; i++) {
        char name[32];
        if (i < LATE)
            snprintf(name, sizeof name, "张志忠%04d", (i * 7919) % 10000);
        else
            snprintf(name, sizeof name, "阿%04d", i);
        if (i < LATE)
            late[i] = strdup(name);
        fd_dir_entry e = FD_DIR_ENTRY_INIT;
        e.kind = "person";
        e.name = name;
        int64_t id = 0;
        fd_assert_ok(fd_store_dir_add(&id, f.s, &sys, &e));
    }
    /* At the hotel every entry matches z, from the first in the order: the walk fills the page. */
    for (int i = 0; i < OTHER; i++) {
        char name[32];
        snprintf(name, sizeof name, "阿志%03d", (i * 37) % 100);
        other[i] = strdup(name);
        fd_dir_entry e = FD_DIR_ENTRY_INIT;
        e.kind = "person";
        e.name = name;
        int64_t id = 0;
        fd_assert_ok(fd_store_dir_add(&id, f.s, &hotel, &e));
    }
    fd_assert_ok(fd_store_commit(f.s));
    char want[2048], got[2048];
    first_sorted(want, sizeof want, late, LATE, 20);
    fd_actor a = clerk_at(&f, T0 + 60);
    find_names(got, sizeof got, &f, &a, "z", 20);
    cr_assert_str_eq(got, want);
    find_names(got, sizeof got, &f, &a, "zzz", 20);
    cr_assert_str_eq(got, want);
    first_sorted(want, sizeof want, other, OTHER, 20);
    fd_actor h = fd_test_actor(f.other_site, f.other_clerk, T0 + 60);
    find_names(got, sizeof got, &f, &h, "z", 20);
    cr_assert_str_eq(got, want);
    first_sorted(want, sizeof want, other, OTHER, 64);
    find_names(got, sizeof got, &f, &h, "z", 64);
    cr_assert_str_eq(got, want);
    for (int i = 0; i < LATE; i++)
        free(late[i]);
    for (int i = 0; i < OTHER; i++)
        free(other[i]);
    free(late);
    free(other);
    fx_close(&f);
}

Test(calls_store, R_COM_3_calls_records_are_never_deleted_or_replaced)
{
    fx f = fx_open("calls-keep");
    fd_actor a = clerk_at(&f, T0 + 600);
    fd_call c = answered_call(6, 40);
    c.disposition = "dropped"; /* and a call-back task with it */
    add_call(&f, &a, &c);
    fd_message m = a_message();
    int64_t id = 0;
    fd_assert_ok(fd_store_message_take(&id, f.s, &a, &m));
    fd_actor mgr = manager_at(&f, T0 + 600);
    mgr.grants = FD_GRANT_MANAGE;
    fd_dir_entry e = FD_DIR_ENTRY_INIT;
    e.kind = "person";
    e.name = "陈志强";
    fd_assert_ok(fd_store_dir_add(&id, f.s, &mgr, &e));
    fd_guest g = FD_GUEST_INIT;
    g.name = "王芳";
    g.room = "1208";
    g.arrival = (fd_date){ 2026, 11, 20 };
    g.departure = (fd_date){ 2026, 11, 22 };
    fd_assert_ok(fd_store_guest_add(&id, f.s, &a, &g));
    fd_cdr_options o = { FD_CDR_OPTIONS_VERSION, "asterisk_csv", "pbx1", NULL, NULL };
    fd_cdr_import_summary sum = { FD_CDR_IMPORT_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0 };
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/cdr/asterisk_master.csv", FD_SOURCE_DIR);
    fd_assert_ok(fd_store_cdr_import_file(&sum, NULL, f.s, &a, &o, path));
    snapshot before = snap(&f);
    for (size_t i = 0; i < 7; i++) { /* the calls module's tables of WATCHED */
        char q[160];
        cr_assert_gt(count_rows(f.path, WATCHED[i]), 0, "%s has a row to protect", WATCHED[i]);
        snprintf(q, sizeof q, "DELETE FROM %s", WATCHED[i]);
        cr_assert_eq(fd_test_sql_exec(f.path, q), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", q);
        snprintf(q, sizeof q, "INSERT OR REPLACE INTO %s SELECT * FROM %s", WATCHED[i], WATCHED[i]);
        cr_assert_eq(fd_test_sql_exec(f.path, q), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", q);
    }
    assert_unchanged(&f, &before);
    fd_store_verify_report r;
    fd_assert_ok(fd_store_verify(&r, f.s));
    cr_assert(r.triggers_ok);
    fx_close(&f);
    /* a file whose protecting trigger was dropped is refused for writing */
    cr_assert_eq(fd_test_sql_exec(f.path, "DROP TRIGGER calls_no_delete"), SQLITE_OK);
    fd_store *s = NULL;
    fd_assert_error(fd_store_open(&s, f.path, NULL), FD_EDATA, "calls_no_delete");
}
