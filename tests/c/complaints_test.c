/*
 * Complaints (issue 13, items 1-3): the pure rules (codes, the record's
 * checks, the lifecycle's state machine, the targets each severity sets and
 * their clocks rebuilt from events) and the store's side (registering, from a
 * call, the steps, two clerks at once, the clock, the site's categories).
 * Instants are fixed (the actor's `at`), never the clock; the dates are real
 * days of 2026 with the State Council's holidays (国庆节 10-01 … 10-07, the
 * make-up working Saturday 10-10).
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#include "fd_test.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

/* 2026-09-30 17:55 Asia/Shanghai: a Wednesday after closing, the eve of 国庆节 */
#define T_EVE 1790762100
#define EVE_END 1790783999       /* 2026-09-30 23:59:59 */
#define OCT8_CLOSE 1791451800    /* 2026-10-08 17:30, the first working day after the holiday */
#define OCT8_END 1791475199      /* 2026-10-08 23:59:59 */
#define OCT9_CLOSE 1791538200    /* 2026-10-09 17:30 */
#define OCT10_END 1791647999     /* 2026-10-10 23:59:59, the make-up working Saturday */
#define OCT20_CLOSE 1792488600   /* 2026-10-20 17:30 */
/* 2026-11-19 10:00, a Thursday; 2026-11-20 15:00 Friday; 2026-11-23 09:00 Monday */
#define THU 1795053600
#define FRI_1500 1795158000
#define T0 1795395600
#define MON_CLOSE 1795426200     /* 2026-11-23 17:30 */
#define DEC3_CLOSE 1796290200    /* 2026-12-03 17:30 */
#define DEC4_CLOSE 1796376600    /* 2026-12-04 17:30 */

/* --- codes --------------------------------------------------------------------------------- */

Test(complaints, R_COM_5_codes_label_and_parse_every_list)
{
    static const char *const lists[] = { "channel", "category", "severity", "state",
                                         "validity", "step", "target", "satisfaction" };
    static const char *const codes[] = { "phone", "walk_in", "letter", "email", "sms", "other", "repair", "security",
                                         "cleaning", "fees", "attitude", "environment", "parking", "noise", "major",
                                         "important", "minor", "registered", "assessed", "assigned",
                                         "investigating", "proposed", "chosen", "implemented", "followed_up",
                                         "closed", "valid", "invalid", "register", "assess", "assign",
                                         "investigate", "propose", "choose", "implement", "followup", "close",
                                         "reopen", "pause", "resume", "contact", "answer", "report", "reply",
                                         "escalate", "severity", "harm", "harm_cleared", "director", "resolve",
                                         "satisfied", "average", "unsatisfied" };
    fd_buf out = FD_BUF_INIT;
    size_t found = 0;
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        for (size_t k = 0; k < sizeof codes / sizeof *codes; k++) {
            const char *label = fd_complaint_code_label(lists[i], codes[k]);
            if (label == NULL)
                continue;
            found++;
            fd_assert_ok(fd_complaint_code_parse(&out, lists[i], label));
            cr_assert_str_eq(out.ptr, codes[k], "%s: %s", lists[i], label);
            fd_assert_ok(fd_complaint_code_parse(&out, lists[i], codes[k]));
            cr_assert_str_eq(out.ptr, codes[k]);
        }
    }
    cr_assert_eq(found, 6 + 9 + 3 + 9 + 2 + 20 + 5 + 3);
    cr_assert_str_eq(fd_complaint_code_label("severity", "major"), "重大");
    cr_assert_str_eq(fd_complaint_code_label("target", "reply"), "当日答复结果");
    /* What desks type: Traditional, full-width, the words they use. */
    static const char *const typed[][3] = {
        { "severity", "嚴重", "major" },       { "severity", "重大投訴", "major" }, { "severity", " 重要 ", "important" },
        { "severity", "輕微", "minor" },       { "channel", "ＰＨＯＮＥ", "phone" }, { "channel", "來電", "phone" },
        { "channel", "上門", "walk_in" },      { "state", "已結案", "closed" },   { "step", "暫停", "pause" },
        { "satisfaction", "一般", "average" }, { "category", "物業費", "fees" }, { "target", "報主任", "director" },
    };
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        fd_assert_ok(fd_complaint_code_parse(&out, typed[i][0], typed[i][1]));
        cr_assert_str_eq(out.ptr, typed[i][2], "%s", typed[i][1]);
    }
    /* 一般 is no severity: schemes put it in the middle or at the bottom. */
    fd_assert_error(fd_complaint_code_parse(&out, "severity", "一般"), FD_EINVAL, "major 重大");
    cr_assert_eq(out.size, 0);
    fd_assert_error(fd_complaint_code_parse(&out, "colour", "red"), FD_EINVAL, "field");
    fd_assert_error(fd_complaint_code_parse(&out, "channel", "13812345678"), FD_EINVAL, "holding a number");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7);
    cr_assert_null(fd_complaint_code_label("category", "lift"));
    cr_assert_null(fd_complaint_code_label(NULL, "major"));
    cr_assert_null(fd_complaint_code_label("severity", NULL));
    fd_buf_dispose(&out);
}

/* --- the record (R-CPL-1) -------------------------------------------------------------------- */

static fd_complaint a_complaint(const char *severity, int64_t received_at)
{
    fd_complaint c = FD_COMPLAINT_INIT;
    c.received_at = received_at;
    c.channel = "phone";
    c.category = "repair";
    c.severity = severity;
    c.place = "3号楼电梯";
    c.subject = "工程部";
    c.what = "电梯困人二十分钟无人处理";
    c.asks = "立即维修并道歉";
    c.customer = "王小丽";
    c.contact = "138 1234 5678";
    return c;
}

/* A label typed where its code belongs is told to be no code, with the way to its code (R-COM-5). */
Test(complaints, R_COM_5_a_label_given_for_a_code_is_named_not_a_code)
{
    fd_complaint c = a_complaint("major", T0);
    c.category = "维修";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.category: '维修' is not a code: a code is "
                    "lower-case ASCII letters");
    cr_assert(strstr(fd_error_last()->message, "code_parse"), "%s", fd_error_last()->message);
    c = a_complaint("major", T0);
    c.channel = "电话";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.channel: '电话' is not a code");
}

Test(complaints, R_CPL_1_validate_names_the_field_and_never_echoes_the_number)
{
    fd_complaint c = a_complaint("major", T0);
    fd_assert_ok(fd_complaint_validate(&c));
    c.what = NULL;
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "fd_complaint_validate: complaint.what");
    c = a_complaint("grave", T0);
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.severity: 'grave'");
    cr_assert(strstr(fd_error_last()->message, "minor 轻微"));
    /* A required instant left out (0) is required, never 1970-01-01 (a complaint that would never breach). */
    c = a_complaint("major", T0);
    c.received_at = 0;
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "fd_complaint_validate: complaint.received_at: is required");
    c = a_complaint("major", T0);
    c.channel = "fax";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.channel");
    c = a_complaint("major", T0);
    c.category = "Lift";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.category: 'Lift' may only contain");
    c = a_complaint("major", T0);
    c.contact = "1381234567899999";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "fd_complaint_validate: complaint.contact");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7, "%s", fd_error_last()->message);
    /* R-CPL-2: only a minor complaint takes the customer's deadline, and after it was received. */
    c = a_complaint("major", T0);
    c.customer_due = T0 + DAY;
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.customer_due: only a minor complaint");
    c = a_complaint("minor", T0);
    c.customer_due = T0;
    fd_assert_error(fd_complaint_validate(&c), FD_ERANGE, "complaint.customer_due");
    c.customer_due = T0 + DAY;
    fd_assert_ok(fd_complaint_validate(&c));
    c.received_at = FD_INSTANT_MAX + 1;
    fd_assert_error(fd_complaint_validate(&c), FD_ERANGE, "complaint.received_at");
    fd_assert_error(fd_complaint_validate(NULL), FD_EINVAL, "c");
}

/* --- the lifecycle (R-CPL-3) ----------------------------------------------------------------------- */

static const char *const STEPS[] = { "assess",  "assign", "investigate", "propose", "choose",   "implement", "followup",
                                     "close",   "reopen", "pause",       "resume",  "contact",  "answer",    "report",
                                     "reply",   "escalate", "severity",  "harm",    "harm_cleared" };
#define NSTEPS (sizeof STEPS / sizeof STEPS[0])

/* The lifecycle as the issue states it, written out here on its own (not read from the library). */
static const struct {
    const char *state, *allowed;
} LIFECYCLE[] = {
    { "registered", "assess, pause, resume, answer, escalate, severity, harm, harm_cleared" },
    { "assessed", "assign, pause, resume, answer, escalate, severity, harm, harm_cleared" },
    { "assigned", "investigate, pause, resume, contact, answer, report, reply, escalate, severity, harm, harm_cleared" },
    { "investigating", "propose, pause, resume, contact, answer, report, reply, escalate, severity, harm, "
                       "harm_cleared" },
    { "proposed", "propose, choose, pause, resume, contact, answer, report, reply, escalate, severity, harm, "
                  "harm_cleared" },
    { "chosen", "implement, pause, resume, contact, answer, report, reply, escalate, severity, harm, harm_cleared" },
    { "implemented", "followup, contact, answer, report, reply, escalate, severity, harm, harm_cleared" },
    { "followed_up", "close, reopen, escalate, harm_cleared" },
    { "closed", "reopen" },
};
static const char *const MOVES[][2] = { { "assess", "assessed" },       { "assign", "assigned" },
                                        { "investigate", "investigating" }, { "propose", "proposed" },
                                        { "choose", "chosen" },         { "implement", "implemented" },
                                        { "followup", "followed_up" },  { "close", "closed" },
                                        { "reopen", "assigned" } };

/* A step of @kind carrying everything any kind needs. */
static fd_complaint_step full_step(const char *kind)
{
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    s.kind = kind;
    s.note = "已向客户说明";
    s.valid = 1;
    s.department_id = 7;
    s.promised_at = T0 + 2 * DAY;
    s.cause = "电梯控制板老化";
    s.responsible = "李工";
    s.solution = "更换控制板";
    s.proposal_id = 3;
    s.satisfaction = "satisfied";
    s.severity = "important";
    s.target = "director";
    s.accepted = 1;
    return s;
}

/* A stored complaint in @state whose flags let @kind's own conditions pass. */
static fd_complaint in_state(const char *state, const char *kind)
{
    fd_complaint c = a_complaint("major", T0);
    c.id = 1;
    c.state = state;
    c.validity = strcmp(state, "registered") ? "valid" : "";
    c.waiting = strcmp(kind, "resume") == 0;
    c.harm = strcmp(kind, "harm_cleared") == 0;
    c.reported_at = T0 + HOUR;
    return c;
}

Test(complaints, R_CPL_3_every_transition_legal_and_illegal)
{
    size_t legal = 0, illegal = 0;
    for (size_t i = 0; i < sizeof LIFECYCLE / sizeof *LIFECYCLE; i++) {
        for (size_t k = 0; k < NSTEPS; k++) {
            fd_complaint c = in_state(LIFECYCLE[i].state, STEPS[k]);
            fd_complaint_step s = full_step(STEPS[k]);
            char word[32];
            snprintf(word, sizeof word, "%s,", STEPS[k]);
            char list[300];
            snprintf(list, sizeof list, "%s,", LIFECYCLE[i].allowed);
            bool allowed = strstr(list, word) == list || (strstr(list, word) && strstr(list, word)[-1] == ' ');
            const char *to = "unset";
            fd_status rc = fd_complaint_step_check(&to, &c, &s);
            if (allowed) {
                legal++;
                cr_assert_eq(rc, FD_OK, "%s in %s: %s", STEPS[k], c.state, fd_error_last()->message);
                const char *want = c.state;
                for (size_t m = 0; m < sizeof MOVES / sizeof *MOVES; m++)
                    if (strcmp(MOVES[m][0], STEPS[k]) == 0)
                        want = MOVES[m][1];
                cr_assert_str_eq(to, want, "%s in %s", STEPS[k], c.state);
            } else {
                illegal++;
                cr_assert_eq(rc, FD_ESTATE, "%s in %s: %s", STEPS[k], c.state, fd_status_name(rc));
                char need[400];
                snprintf(need, sizeof need, "state: %s (%s) allows %s; not %s", c.state,
                         fd_complaint_code_label("state", c.state), LIFECYCLE[i].allowed, STEPS[k]);
                cr_assert_str_eq(strstr(fd_error_last()->message, "state: "), need);
                cr_assert_str_eq(to, "unset", "nothing written on refusal");
            }
        }
    }
    cr_assert_eq(legal, 75);
    cr_assert_eq(illegal, 9 * NSTEPS - 75);
    /* The same lists, as a form shows them. */
    fd_buf out = FD_BUF_INIT;
    for (size_t i = 0; i < sizeof LIFECYCLE / sizeof *LIFECYCLE; i++) {
        fd_assert_ok(fd_complaint_steps_allowed(&out, LIFECYCLE[i].state));
        cr_assert_str_eq(out.ptr, LIFECYCLE[i].allowed);
    }
    fd_assert_error(fd_complaint_steps_allowed(&out, "gone"), FD_EINVAL, "state: 'gone'");
    cr_assert_eq(out.size, 0);
    fd_buf_dispose(&out);
}

Test(complaints, R_CPL_1_R_CPL_3_assess_invalid_closes_and_reopen_assesses_again)
{
    const char *to = NULL;
    fd_complaint c = in_state("registered", "assess");
    fd_complaint_step s = full_step("assess");
    s.valid = 0;
    s.note = NULL;
    fd_assert_error(fd_complaint_step_check(&to, &c, &s), FD_EINVAL, "step.note: is required");
    s.note = "不属于物业管理范围，已耐心解释并告知可找街道";
    fd_assert_ok(fd_complaint_step_check(&to, &c, &s));
    cr_assert_str_eq(to, "closed");
    c.state = "closed";
    c.validity = "invalid";
    s = full_step("reopen");
    fd_assert_ok(fd_complaint_step_check(&to, &c, &s));
    cr_assert_str_eq(to, "registered");
    c.validity = "valid";
    fd_assert_ok(fd_complaint_step_check(&to, &c, &s));
    cr_assert_str_eq(to, "assigned");
    s.valid = 2;
    c = in_state("registered", "assess");
    s = full_step("assess");
    s.valid = 2;
    fd_assert_error(fd_complaint_step_check(&to, &c, &s), FD_EINVAL, "step.valid: 2");
}

Test(complaints, R_CPL_3_each_step_names_what_it_must_carry)
{
    static const struct {
        const char *state, *kind, *field;
        fd_status code;
        const char *needle;
    } cases[] = {
        { "assessed", "assign", "department_id", FD_EINVAL, "step.department_id: is required" },
        { "assessed", "assign", "promised_at", FD_EINVAL, "step.promised_at: is required and after" },
        { "assigned", "investigate", "cause", FD_EINVAL, "step.cause: is required" },
        { "assigned", "investigate", "responsible_long", FD_ERANGE, "step.responsible: 101 bytes" },
        { "investigating", "propose", "solution", FD_EINVAL, "step.solution: is required" },
        { "proposed", "choose", "proposal_id", FD_EINVAL, "step.proposal_id: is required" },
        { "implemented", "followup", "satisfaction", FD_EINVAL, "step.satisfaction: 'happy'" },
        { "followed_up", "close", "note", FD_EINVAL, "step.note: is required" },
        { "closed", "reopen", "note", FD_EINVAL, "step.note: is required" },
        { "assigned", "pause", "note", FD_EINVAL, "step.note: is required" },
        { "assigned", "escalate", "target", FD_EINVAL, "step.target: 'boss'" },
        { "assigned", "severity", "severity", FD_EINVAL, "step.severity: is required" },
        { "assigned", "harm", "note_control", FD_EINVAL, "step.note: contains a control character" },
        { "assigned", "contact", "happened_at", FD_ERANGE, "step.happened_at: 1 min before" },
        { "assigned", "severity", "kind", FD_EINVAL, "step.kind: 'upgrade'" },
        { "assigned", "register", "kind_register", FD_EINVAL, "register is the registration" },
    };
    char longer[102];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fd_complaint c = in_state(cases[i].state, cases[i].kind);
        fd_complaint_step s = full_step(cases[i].kind);
        const char *f = cases[i].field;
        if (strcmp(f, "department_id") == 0)
            s.department_id = 0;
        else if (strcmp(f, "promised_at") == 0)
            s.promised_at = T0 - DAY;
        else if (strcmp(f, "cause") == 0)
            s.cause = "";
        else if (strcmp(f, "responsible_long") == 0)
            s.responsible = longer;
        else if (strcmp(f, "solution") == 0)
            s.solution = NULL;
        else if (strcmp(f, "proposal_id") == 0)
            s.proposal_id = 0;
        else if (strcmp(f, "satisfaction") == 0)
            s.satisfaction = "happy";
        else if (strcmp(f, "note") == 0)
            s.note = NULL;
        else if (strcmp(f, "target") == 0)
            s.target = "boss";
        else if (strcmp(f, "severity") == 0)
            s.severity = NULL;
        else if (strcmp(f, "note_control") == 0)
            s.note = "line\x1b[2J";
        else if (strcmp(f, "happened_at") == 0)
            s.happened_at = T0 - MINUTE;
        else if (strcmp(f, "kind") == 0)
            s.kind = "upgrade";
        else if (strcmp(f, "kind_register") == 0)
            s.kind = "register";
        const char *to = "unset";
        fd_assert_error(fd_complaint_step_check(&to, &c, &s), cases[i].code, cases[i].needle);
        cr_assert_str_eq(to, "unset");
    }
    fd_complaint c = in_state("assigned", "contact");
    fd_complaint_step s = full_step("contact");
    s.version = 99;
    const char *to = NULL;
    fd_assert_error(fd_complaint_step_check(&to, &c, &s), FD_EINVAL, "step.version: 99");
    c.state = "lost";
    s.version = FD_COMPLAINT_STEP_VERSION;
    fd_assert_error(fd_complaint_step_check(&to, &c, &s), FD_EINVAL, "c.state: 'lost'");
    fd_assert_error(fd_complaint_step_check(NULL, &c, &s), FD_EINVAL, "to_state");
    fd_complaint_step init;
    memset(&init, 0x5a, sizeof init);
    fd_assert_ok(fd_complaint_step_init(&init, FD_COMPLAINT_STEP_VERSION));
    /* the _init function and the _INIT macro agree */
    cr_assert_eq(init.version, FD_COMPLAINT_STEP_VERSION);
    cr_assert(init.kind == NULL && init.note == NULL && init.cause == NULL && init.responsible == NULL &&
              init.solution == NULL && init.satisfaction == NULL && init.severity == NULL && init.target == NULL);
    cr_assert(init.valid == 0 && init.department_id == 0 && init.promised_at == 0 && init.proposal_id == 0 &&
              init.happened_at == 0);
    fd_assert_error(fd_complaint_step_init(&init, 2), FD_EINVAL, "version");
}

Test(complaints, R_CPL_2_R_CPL_4_R_CPL_5_the_flags_refuse_steps_naming_them)
{
    static const struct {
        const char *state, *kind;
        int waiting, harm, reported;
        const char *needle;
    } cases[] = {
        { "assigned", "pause", 1, 0, 1, "waiting for the customer already" },
        { "assigned", "resume", 0, 0, 1, "not waiting for the customer" },
        { "chosen", "implement", 1, 0, 1, "resume before the work ends" },
        { "registered", "assess_invalid", 1, 0, 1, "resume before the work ends" },
        { "assigned", "harm", 1, 1, 1, "harm is flagged already (R-CPL-5)" },
        { "assigned", "harm_cleared", 0, 0, 1, "no harm is flagged" },
        { "followed_up", "close", 0, 1, 1, "harm is still going on" },
        { "assigned", "reply", 0, 0, 0, "has not reported back yet (report first, R-CPL-4)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bool invalid = strcmp(cases[i].kind, "assess_invalid") == 0, same = strcmp(cases[i].kind, "severity_same") == 0;
        fd_complaint c = in_state(cases[i].state, "contact");
        c.waiting = cases[i].waiting;
        c.harm = cases[i].harm;
        c.reported_at = cases[i].reported ? T0 : 0;
        fd_complaint_step s = full_step(invalid ? "assess" : same ? "severity" : cases[i].kind);
        s.valid = !invalid;
        if (same)
            s.severity = "major";
        const char *to = NULL;
        fd_assert_error(fd_complaint_step_check(&to, &c, &s), FD_ESTATE, cases[i].needle);
        cr_assert(strstr(fd_error_last()->message, "state: "), "%s", fd_error_last()->message);
    }
}

/* The present severity again is a bad value, not a state's refusal (which would list severity as allowed). */
Test(complaints, R_CPL_2_a_severity_step_to_the_present_severity_names_the_field)
{
    fd_complaint c = in_state("assigned", "contact");
    fd_complaint_step s = full_step("severity");
    s.severity = "major";
    const char *to = NULL;
    fd_assert_error(fd_complaint_step_check(&to, &c, &s), FD_EINVAL,
                    "fd_complaint_step_check: step.severity: the complaint is major (重大) already");
    cr_assert_null(strstr(fd_error_last()->message, "allows"));
    cr_assert_null(to);
}

/* --- targets (R-CPL-2, R-CPL-4) --------------------------------------------------------------------- */

Test(complaints, R_CPL_2_the_plan_of_each_severity_from_the_policy)
{
    fd_complaint_target_plan p[FD_COMPLAINT_TARGETS_MAX];
    size_t n = 0;
    fd_assert_ok(fd_complaint_target_plan_of(p, &n, "major", NULL));
    cr_assert_eq(n, 4);
    static const char *const major[][6] = {
        { "director", "complaint.major.escalate_days", "0", "register", "escalate", "0" },
        { "answer", "complaint.major.answer_days", "2", "register", "answer", "0" },
        { "resolve", "complaint.major.resolve_days", "10", "register", "implement", "1" },
        { "reply", "complaint.result_notify_days", "0", "report", "reply", "0" },
    };
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(p[i].version, FD_COMPLAINT_TARGET_PLAN_VERSION);
        cr_assert_str_eq(p[i].target, major[i][0]);
        cr_assert_str_eq(p[i].policy_key, major[i][1]);
        cr_assert_eq(p[i].amount, atoi(major[i][2]));
        cr_assert_eq(p[i].unit, FD_CALENDAR_UNIT_CALENDAR_DAYS);
        cr_assert_str_eq(p[i].start_step, major[i][3]);
        cr_assert_str_eq(p[i].met_by, major[i][4]);
        cr_assert_eq(p[i].paused_by_waiting, atoi(major[i][5]));
    }
    fd_assert_ok(fd_complaint_target_plan_of(p, &n, "important", NULL));
    cr_assert_eq(n, 3);
    cr_assert_str_eq(p[0].target, "escalate");
    cr_assert_eq(p[0].amount, 60);
    cr_assert_eq(p[0].unit, FD_CALENDAR_UNIT_CLOCK_MINUTES);
    cr_assert_str_eq(p[1].policy_key, "complaint.important.resolve_days");
    cr_assert_eq(p[1].amount, 3);
    cr_assert_str_eq(p[2].target, "reply");
    fd_assert_ok(fd_complaint_target_plan_of(p, &n, "minor", NULL));
    cr_assert_eq(n, 2);
    cr_assert_str_eq(p[0].policy_key, "complaint.minor.resolve_days");
    cr_assert_eq(p[0].amount, 2);
    /* A site counting working days and telling the director by closing time. */
    fd_policy *pol = NULL;
    fd_assert_ok(fd_policy_new(&pol));
    fd_assert_ok(fd_policy_set_deadline(pol, "complaint.major.resolve_days", 10, FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_policy_set_deadline(pol, "complaint.major.escalate_days", 0, FD_CALENDAR_UNIT_SAME_DAY));
    fd_assert_ok(fd_complaint_target_plan_of(p, &n, "major", pol));
    cr_assert_eq(p[0].unit, FD_CALENDAR_UNIT_SAME_DAY);
    cr_assert_eq(p[2].unit, FD_CALENDAR_UNIT_WORKING_DAYS);
    fd_policy_free(pol);
    fd_assert_error(fd_complaint_target_plan_of(p, &n, "grave", NULL), FD_EINVAL, "severity: 'grave'");
    fd_assert_error(fd_complaint_target_plan_of(p, NULL, "major", NULL), FD_EINVAL, "n");
}

/* An event of complaint 1. */
static fd_complaint_event ev(int64_t id, const char *kind, int64_t at, const char *detail, const char *to_state)
{
    fd_complaint_event e = FD_COMPLAINT_EVENT_INIT;
    e.id = id;
    e.complaint_id = 1;
    e.site_id = 1;
    e.kind = kind;
    e.created_at = at;
    e.detail = detail;
    e.to_state = to_state;
    return e;
}

/* A site that counts answers and resolution in working days (R-CPL-2 as most standards read it). */
static fd_policy *working_days_policy(void)
{
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_set_deadline(p, "complaint.major.answer_days", 2, FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_policy_set_deadline(p, "complaint.major.resolve_days", 10, FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_policy_set_deadline(p, "complaint.important.resolve_days", 3, FD_CALENDAR_UNIT_WORKING_DAYS));
    return p;
}

/* Target @target of @severity's plan under @policy. */
static fd_complaint_target_plan plan_of(const char *severity, const char *target, const fd_policy *policy)
{
    fd_complaint_target_plan p[FD_COMPLAINT_TARGETS_MAX];
    size_t n = 0;
    fd_assert_ok(fd_complaint_target_plan_of(p, &n, severity, policy));
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].target, target) == 0)
            return p[i];
    cr_assert_fail("no %s target for %s", target, severity);
    return p[0];
}

static fd_complaint_clock eval_at(const char *severity, const char *target, const fd_complaint *c,
                                  const fd_complaint_event *e, size_t n, const fd_calendar *cal,
                                  const fd_policy *policy, int64_t now)
{
    fd_complaint_target_plan p = plan_of(severity, target, policy);
    fd_complaint_clock k;
    memset(&k, 0x5a, sizeof k);
    fd_assert_ok(fd_complaint_target_eval(&k, &p, c, e, n, cal, policy, now));
    cr_assert_eq(k.version, FD_COMPLAINT_CLOCK_VERSION);
    return k;
}

Test(complaints, R_CPL_2_major_received_1755_before_a_holiday)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_policy *wd = working_days_policy();
    fd_complaint c = a_complaint("major", T_EVE);
    c.id = 1;
    fd_complaint_event e[] = { ev(1, "register", T_EVE, "major", "registered") };
    /* To the director the same day: by default the end of the receipt day, whatever the hour. */
    fd_complaint_clock k = eval_at("major", "director", &c, e, 1, cal, wd, T_EVE);
    cr_assert_eq(k.start_at, T_EVE);
    cr_assert_eq(k.due_at, EVE_END);
    cr_assert_eq(k.remaining, EVE_END - T_EVE);
    cr_assert_eq(k.breached, 0);
    cr_assert_eq(k.provisional, 0);
    cr_assert(strncmp(k.version_text, "CN-2026", 7) == 0, "%s", k.version_text);
    /* A clear answer within 2 working days: the holiday does not count, the 8th and 9th do. */
    k = eval_at("major", "answer", &c, e, 1, cal, wd, T_EVE);
    cr_assert_eq(k.due_at, OCT9_CLOSE);
    /* Resolved within 10 working days: the make-up Saturday 10-10 is one of them. */
    k = eval_at("major", "resolve", &c, e, 1, cal, wd, T_EVE);
    cr_assert_eq(k.due_at, OCT20_CLOSE);
    cr_assert_eq(k.paused, 0);
    cr_assert_eq(k.met_at, 0);
    /* A site that says "by closing time": received after closing, the next working day's. */
    fd_assert_ok(fd_policy_set_deadline(wd, "complaint.major.escalate_days", 0, FD_CALENDAR_UNIT_SAME_DAY));
    k = eval_at("major", "director", &c, e, 1, cal, wd, T_EVE);
    cr_assert_eq(k.due_at, OCT8_CLOSE);
    /* The default units are calendar days rolled off rest days (民法典 art. 203). */
    k = eval_at("major", "answer", &c, e, 1, cal, NULL, T_EVE);
    cr_assert_eq(k.due_at, OCT8_END);
    k = eval_at("major", "resolve", &c, e, 1, cal, NULL, T_EVE);
    cr_assert_eq(k.due_at, OCT10_END, "the 10th calendar day is the make-up working Saturday: no roll");
    /* Escalated to the director the next morning: met, and late. */
    fd_complaint_event e2[] = { e[0], ev(2, "escalate", EVE_END + 9 * HOUR, "director", NULL) };
    k = eval_at("major", "director", &c, e2, 2, cal, NULL, EVE_END + 10 * HOUR);
    cr_assert_eq(k.met_at, EVE_END + 9 * HOUR);
    cr_assert_eq(k.breached, 1);
    cr_assert_eq(k.remaining, 0);
    /* Escalating another target does not meet this one. */
    e2[1].detail = "resolve";
    k = eval_at("major", "director", &c, e2, 2, cal, NULL, EVE_END + 10 * HOUR);
    cr_assert_eq(k.met_at, 0);
    cr_assert_eq(k.breached, 1);
    cr_assert_eq(k.remaining, -(10 * HOUR));
    fd_policy_free(wd);
    fd_calendar_free(cal);
}

Test(complaints, R_CPL_2_important_escalated_within_an_hour)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_complaint c = a_complaint("important", T0);
    c.id = 1;
    fd_complaint_event e[] = { ev(1, "register", T0, "important", "registered"),
                               ev(2, "escalate", T0 + 40 * MINUTE, "escalate", NULL) };
    fd_complaint_clock k = eval_at("important", "escalate", &c, e, 1, cal, NULL, T0 + 30 * MINUTE);
    cr_assert_eq(k.due_at, T0 + HOUR);
    cr_assert_eq(k.remaining, 30 * MINUTE);
    k = eval_at("important", "escalate", &c, e, 2, cal, NULL, T0 + 3 * HOUR);
    cr_assert_eq(k.met_at, T0 + 40 * MINUTE);
    cr_assert_eq(k.breached, 0);
    /* Events after @now are not replayed yet: at 10:30 the escalation at 09:40 counts, at 09:30 not. */
    k = eval_at("important", "escalate", &c, e, 2, cal, NULL, T0 + 30 * MINUTE);
    cr_assert_eq(k.met_at, 0);
    k = eval_at("important", "escalate", &c, e, 1, cal, NULL, T0 + 90 * MINUTE);
    cr_assert_eq(k.breached, 1);
    cr_assert_eq(k.remaining, -30 * MINUTE);
    fd_calendar_free(cal);
}

Test(complaints, R_CPL_2_minor_by_the_customers_deadline_when_earlier)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_complaint c = a_complaint("minor", T0);
    c.id = 1;
    fd_complaint_event e[] = { ev(1, "register", T0, "minor", "registered") };
    /* Two days by default: Wednesday 23:59:59. */
    fd_complaint_clock k = eval_at("minor", "resolve", &c, e, 1, cal, NULL, T0);
    cr_assert_eq(k.due_at, T0 + 2 * DAY + 15 * HOUR - 1);
    /* The customer needs it by tomorrow noon: that is the deadline. */
    c.customer_due = T0 + DAY + 3 * HOUR;
    k = eval_at("minor", "resolve", &c, e, 1, cal, NULL, T0 + HOUR);
    cr_assert_eq(k.due_at, T0 + DAY + 3 * HOUR);
    cr_assert_eq(k.remaining, DAY + 2 * HOUR);
    k = eval_at("minor", "resolve", &c, e, 1, cal, NULL, T0 + DAY + 4 * HOUR);
    cr_assert_eq(k.breached, 1);
    cr_assert_eq(k.remaining, -HOUR);
    /* A later wish of the customer's does not extend the policy's two days. */
    c.customer_due = T0 + 7 * DAY;
    k = eval_at("minor", "resolve", &c, e, 1, cal, NULL, T0);
    cr_assert_eq(k.due_at, T0 + 2 * DAY + 15 * HOUR - 1);
    /* Nor does it cap another severity's resolve target (after a severity change). */
    c.customer_due = T0 + DAY;
    k = eval_at("important", "resolve", &c, e, 1, cal, NULL, T0);
    cr_assert_eq(k.due_at, T0 + 3 * DAY + 15 * HOUR - 1);
    fd_calendar_free(cal);
}

Test(complaints, R_CPL_2_waiting_over_a_weekend_pauses_resolve_not_answer)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_policy *wd = working_days_policy();
    fd_complaint c = a_complaint("major", THU);
    c.id = 1;
    fd_complaint_event e[] = { ev(1, "register", THU, "major", "registered"),
                               ev(2, "pause", FRI_1500, NULL, NULL), ev(3, "resume", T0, NULL, NULL) };
    fd_complaint_clock k = eval_at("major", "resolve", &c, e, 1, cal, wd, THU);
    cr_assert_eq(k.due_at, DEC3_CLOSE);
    /* Paused on Friday: no due while waiting, the time left as it was when the pause began. */
    k = eval_at("major", "resolve", &c, e, 2, cal, wd, FRI_1500 + DAY);
    cr_assert_eq(k.paused, 1);
    cr_assert_eq(k.due_at, 0);
    cr_assert_eq(k.paused_s, DAY);
    cr_assert_eq(k.breached, 0);
    cr_assert_gt(k.remaining, 0);
    fd_complaint_clock answer = eval_at("major", "answer", &c, e, 2, cal, wd, FRI_1500 + DAY);
    cr_assert_eq(answer.paused, 0);
    cr_assert_eq(answer.due_at, MON_CLOSE, "waiting does not pause the first answer");
    /* Resumed on Monday: one working day (Monday) was spent waiting. */
    k = eval_at("major", "resolve", &c, e, 3, cal, wd, T0 + HOUR);
    cr_assert_eq(k.paused, 0);
    cr_assert_eq(k.due_at, DEC4_CLOSE);
    cr_assert_eq(k.paused_s, T0 - FRI_1500);
    answer = eval_at("major", "answer", &c, e, 3, cal, wd, T0 + HOUR);
    cr_assert_eq(answer.due_at, MON_CLOSE);
    cr_assert_eq(answer.paused_s, 0);
    /* The same events always give the same clock. */
    fd_complaint_clock again = eval_at("major", "resolve", &c, e, 3, cal, wd, T0 + HOUR);
    cr_assert_eq(memcmp(&k, &again, sizeof k), 0);
    fd_policy_free(wd);
    fd_calendar_free(cal);
}

Test(complaints, R_CPL_4_the_reply_starts_with_the_departments_report)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_complaint c = a_complaint("minor", THU);
    c.id = 1;
    fd_complaint_event e[] = { ev(1, "register", THU, "minor", "registered"),
                               ev(2, "report", T0 + 14 * HOUR, NULL, NULL),
                               ev(3, "reply", T0 + 16 * HOUR, NULL, NULL) };
    fd_complaint_clock k = eval_at("minor", "reply", &c, e, 1, cal, NULL, T0);
    cr_assert_eq(k.start_at, 0);
    cr_assert_eq(k.due_at, 0);
    cr_assert_eq(k.breached, 0);
    cr_assert_str_eq(k.version_text, "");
    /* Reported Monday 23:00 (a late report): the desk replies by the end of that day. */
    k = eval_at("minor", "reply", &c, e, 2, cal, NULL, T0 + 14 * HOUR);
    cr_assert_eq(k.start_at, T0 + 14 * HOUR);
    cr_assert_eq(k.due_at, T0 + 15 * HOUR - 1);
    k = eval_at("minor", "reply", &c, e, 3, cal, NULL, T0 + 17 * HOUR);
    cr_assert_eq(k.met_at, T0 + 16 * HOUR);
    cr_assert_eq(k.breached, 1, "told the next morning: the same-day reply was missed");
    fd_calendar_free(cal);
}

Test(complaints, R_CPL_3_reopen_reopens_resolve_and_reply_with_the_time_stood_still)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_complaint c = a_complaint("important", T0);
    c.id = 1;
    fd_complaint_event e[] = { ev(1, "register", T0, "important", "registered"),
                               ev(2, "escalate", T0 + 10 * MINUTE, "escalate", NULL),
                               ev(3, "report", T0 + 2 * HOUR, NULL, NULL),
                               ev(4, "reply", T0 + 3 * HOUR, NULL, NULL),
                               ev(5, "implement", T0 + 4 * HOUR, NULL, "implemented"),
                               ev(6, "reopen", T0 + 2 * DAY + 4 * HOUR, NULL, "assigned") };
    fd_complaint_clock resolve = eval_at("important", "resolve", &c, e, 5, cal, NULL, T0 + DAY);
    cr_assert_eq(resolve.met_at, T0 + 4 * HOUR);
    cr_assert_eq(resolve.due_at, T0 + 3 * DAY + 15 * HOUR - 1, "Thursday 23:59:59");
    /* Reopened on Wednesday: open again, and the two calendar days it stood met extend it, to
     * Saturday, a rest day: rolled to Monday 23:59:59. */
    resolve = eval_at("important", "resolve", &c, e, 6, cal, NULL, T0 + 2 * DAY + 5 * HOUR);
    cr_assert_eq(resolve.met_at, 0);
    cr_assert_eq(resolve.due_at, T0 + 7 * DAY + 15 * HOUR - 1);
    cr_assert_eq(resolve.paused_s, 0, "not waiting for the customer: no pause");
    fd_complaint_clock reply = eval_at("important", "reply", &c, e, 6, cal, NULL, T0 + 2 * DAY + 5 * HOUR);
    cr_assert_eq(reply.start_at, 0, "the reply waits for the department's next report");
    cr_assert_eq(reply.met_at, 0);
    fd_complaint_clock esc = eval_at("important", "escalate", &c, e, 6, cal, NULL, T0 + 2 * DAY + 5 * HOUR);
    cr_assert_eq(esc.met_at, T0 + 10 * MINUTE, "an escalation stays done");
    /* Closing ends every clock still running. */
    fd_complaint_event closed[] = { e[0], ev(2, "assess", T0 + HOUR, "invalid", "closed") };
    resolve = eval_at("important", "resolve", &c, closed, 2, cal, NULL, T0 + DAY);
    cr_assert_eq(resolve.met_at, T0 + HOUR);
    cr_assert_eq(resolve.breached, 0);
    fd_calendar_free(cal);
}

/* Closing ends every clock; a target closed before its step is stopped, not met (the trial read "met"). */
Test(complaints, R_CPL_2_a_target_closed_before_its_step_is_stopped_not_met)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_complaint c = a_complaint("major", T0);
    c.id = 1;
    fd_complaint_target_plan answer = plan_of("major", "answer", NULL), director = plan_of("major", "director", NULL);
    fd_complaint_event e[] = { ev(1, "register", T0, "major", "registered"),
                               ev(2, "escalate", T0 + HOUR, "director", NULL),
                               ev(3, "assess", T0 + 2 * HOUR, "invalid", "closed") };
    fd_complaint_clock k;
    fd_assert_ok(fd_complaint_target_eval(&k, &director, &c, e, 3, cal, NULL, T0 + 3 * HOUR));
    cr_assert(k.met_at == T0 + HOUR && !k.closed, "met by its step");
    fd_assert_ok(fd_complaint_target_eval(&k, &answer, &c, e, 3, cal, NULL, T0 + 3 * HOUR));
    cr_assert_eq(k.met_at, T0 + 2 * HOUR, "the clock stopped at the closing");
    cr_assert_eq(k.closed, 1, "closed before the answer: not met");
    cr_assert_eq(k.remaining, 0);
    fd_calendar_free(cal);
}

Test(complaints, R_CPL_2_eval_refuses_events_it_cannot_replay)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_complaint c = a_complaint("major", T0);
    c.id = 1;
    fd_complaint_target_plan p = plan_of("major", "resolve", NULL);
    fd_complaint_event e[] = { ev(1, "register", T0, "major", "registered"), ev(2, "pause", T0 + HOUR, NULL, NULL) };
    fd_complaint_clock k;
    e[1].complaint_id = 2;
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, e, 2, cal, NULL, T0), FD_EINVAL, "events of another");
    e[1].complaint_id = 1;
    e[1].id = 1;
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, e, 2, cal, NULL, T0), FD_EINVAL, "events[1]: out of order");
    e[1].id = 2;
    e[1].created_at = T0 - 1;
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, e, 2, cal, NULL, T0), FD_EINVAL, "events[1]: out of order");
    e[0].created_at = e[1].created_at = T0 - 1;
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, e, 2, cal, NULL, T0), FD_EINVAL, "before the complaint");
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, e, 0, cal, NULL, FD_INSTANT_MAX + 1), FD_ERANGE, "now");
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, NULL, 2, cal, NULL, T0), FD_EINVAL, "events");
    /* A record validate refuses (fuzz_complaints' find: a due before the receipt) is refused here too. */
    fd_complaint early = a_complaint("minor", T0);
    early.id = 1;
    early.customer_due = 27648;
    fd_complaint_target_plan minor = plan_of("minor", "resolve", NULL);
    fd_assert_error(fd_complaint_target_eval(&k, &minor, &early, NULL, 0, cal, NULL, T0), FD_ERANGE,
                    "c.customer_due: ");
    cr_assert(strstr(fd_error_last()->message, "before the complaint was received"), "%s", fd_error_last()->message);
    p.unit = 42;
    fd_assert_error(fd_complaint_target_eval(&k, &p, &c, e, 0, cal, NULL, T0), FD_EINVAL, "plan.unit: 42");
    /* Past the holiday data, a site that refuses to assume gets FD_EDATA naming the year. */
    fd_policy *strict = NULL;
    fd_assert_ok(fd_policy_new(&strict));
    fd_assert_ok(fd_policy_set(strict, "calendar.beyond_data", 2));
    p = plan_of("major", "resolve", NULL);
    fd_complaint later = a_complaint("major", T0 + 3 * 365 * DAY);
    later.id = 1;
    fd_assert_error(fd_complaint_target_eval(&k, &p, &later, NULL, 0, cal, strict, later.received_at), FD_EDATA,
                    "resolve target");
    /* ... and one that allows it gets a provisional deadline. */
    k = eval_at("major", "resolve", &later, NULL, 0, cal, NULL, later.received_at);
    cr_assert_eq(k.provisional, 1);
    cr_assert(strstr(k.version_text, "provisional"), "%s", k.version_text);
    fd_policy_free(strict);
    fd_calendar_free(cal);
}

/* --- a property of the clocks (R-CPL-2): random lifecycles ------------------------------------------------ */

/* xorshift64*: a seeded generator, so a failing sequence can be replayed. */
static uint64_t rnd_state;
static uint64_t rnd(void)
{
    rnd_state ^= rnd_state >> 12;
    rnd_state ^= rnd_state << 25;
    rnd_state ^= rnd_state >> 27;
    return rnd_state * UINT64_C(2685821657736338717);
}
static int64_t rnd_in(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

/* What a store does to a complaint's fields on a step (the little the rules read back). */
static void apply(fd_complaint *c, const fd_complaint_step *s, const char *to, int64_t at)
{
    c->state = to;
    if (strcmp(s->kind, "pause") == 0 || strcmp(s->kind, "resume") == 0)
        c->waiting = strcmp(s->kind, "pause") == 0;
    else if (strcmp(s->kind, "harm") == 0 || strcmp(s->kind, "harm_cleared") == 0)
        c->harm = strcmp(s->kind, "harm") == 0;
    else if (strcmp(s->kind, "report") == 0)
        c->reported_at = at;
    else if (strcmp(s->kind, "assess") == 0)
        c->validity = s->valid ? "valid" : "invalid";
    else if (strcmp(s->kind, "severity") == 0)
        c->severity = s->severity;
    else if (strcmp(s->kind, "reopen") == 0)
        c->reported_at = 0;
    if (strcmp(to, "registered") == 0)
        c->validity = "";
}

/* A random legal step for @c at @at (one the rules accept), into @s; false when none was found. */
static bool random_step(fd_complaint_step *s, const char **to, const fd_complaint *c, int64_t at)
{
    static const char *const severities[] = { "major", "important", "minor" };
    static const char *const targets[] = { "director", "escalate", "answer", "resolve", "reply" };
    for (int tries = 0; tries < 64; tries++) {
        *s = full_step(STEPS[rnd() % NSTEPS]);
        s->valid = rnd() % 5 != 0;
        s->severity = severities[rnd() % 3];
        s->target = targets[rnd() % 5];
        s->promised_at = at + DAY;
        if (fd_complaint_step_check(to, c, s) == FD_OK)
            return true;
    }
    return false;
}

/* Checks @k of target @p for the events @e[0..n) of @c at @now: the properties every clock keeps. */
static void check_clock(const fd_complaint_clock *k, const fd_complaint_target_plan *p, const fd_complaint *c,
                        const fd_complaint_event *e, size_t n, int64_t now, uint64_t seed)
{
    cr_assert(k->due_at == 0 || k->due_at >= c->received_at, "seed %llu: %s due before received",
              (unsigned long long)seed, p->target);
    cr_assert(k->due_at == 0 || k->due_at >= k->start_at, "seed %llu", (unsigned long long)seed);
    cr_assert(k->due_at != 0 || k->paused || k->start_at == 0, "seed %llu: no due though running",
              (unsigned long long)seed);
    /* Never a pause lost: the time paused is the sum over the pause/resume pairs (one still open up to now). */
    int64_t sum = 0, from = -1;
    for (size_t i = 0; i < n && p->paused_by_waiting; i++) {
        int64_t at = e[i].happened_at ? e[i].happened_at : e[i].created_at;
        if (strcmp(e[i].kind, "pause") == 0)
            from = at;
        else if (strcmp(e[i].kind, "resume") == 0 && from >= 0) {
            sum += at - from;
            from = -1;
        }
    }
    if (from >= 0)
        sum += now - from;
    cr_assert_eq(k->paused_s, sum, "seed %llu: %s paused %lld s, the pairs say %lld", (unsigned long long)seed,
                 p->target, (long long)k->paused_s, (long long)sum);
    cr_assert_eq(k->paused, from >= 0 && p->paused_by_waiting, "seed %llu", (unsigned long long)seed);
}

Test(complaints, R_CPL_2_property_random_lifecycles_keep_their_clocks)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_policy *wd = working_days_policy();
    static const char *const severities[] = { "major", "important", "minor" };
    fd_complaint_event e[40];
    size_t clocks = 0, pauses = 0, changes = 0, reopens = 0, closed = 0;
    clock_t t = clock();
    for (uint64_t seed = 1; seed <= 3000; seed++) {
        rnd_state = seed * UINT64_C(0x9E3779B97F4A7C15);
        fd_complaint c = a_complaint(severities[rnd() % 3], rnd_in(T_EVE, T0 + 30 * DAY));
        c.id = 1;
        c.state = "registered";
        c.validity = "";
        if (strcmp(c.severity, "minor") == 0 && rnd() % 2)
            c.customer_due = c.received_at + rnd_in(HOUR, 5 * DAY);
        int64_t at = c.received_at;
        size_t n = 0;
        e[n++] = ev(1, "register", at, c.severity, "registered");
        for (size_t k = 0; k < 30; k++) {
            at += rnd_in(0, 2 * DAY);
            fd_complaint_step s;
            const char *to = NULL;
            if (!random_step(&s, &to, &c, at))
                break;
            e[n] = ev((int64_t)n + 1, s.kind, at, strcmp(s.kind, "escalate") == 0 ? s.target : NULL, to);
            n++;
            apply(&c, &s, to, at);
            pauses += strcmp(s.kind, "pause") == 0;
            changes += strcmp(s.kind, "severity") == 0;
            reopens += strcmp(s.kind, "reopen") == 0;
            closed += strcmp(to, "closed") == 0;
            /* After every step, every target of the present severity, now or a while later. */
            fd_complaint_target_plan p[FD_COMPLAINT_TARGETS_MAX];
            size_t np = 0;
            fd_assert_ok(fd_complaint_target_plan_of(p, &np, c.severity, wd));
            int64_t now = at + rnd_in(0, DAY);
            for (size_t i = 0; i < np; i++) {
                fd_complaint_clock kc;
                fd_assert_ok(fd_complaint_target_eval(&kc, &p[i], &c, e, n, cal, wd, now));
                check_clock(&kc, &p[i], &c, e, n, now, seed);
                clocks++;
                /* Waiting only ever extends: without the pauses the deadline is never later. */
                if (p[i].paused_by_waiting && !kc.paused && kc.due_at && kc.met_at == 0) {
                    fd_complaint_event bare[40];
                    size_t nb = 0;
                    for (size_t j = 0; j < n; j++)
                        if (strcmp(e[j].kind, "pause") && strcmp(e[j].kind, "resume"))
                            bare[nb++] = e[j];
                    fd_complaint_clock kb;
                    fd_assert_ok(fd_complaint_target_eval(&kb, &p[i], &c, bare, nb, cal, wd, now));
                    cr_assert_leq(kb.due_at, kc.due_at, "seed %llu", (unsigned long long)seed);
                }
            }
            if (n == sizeof e / sizeof e[0])
                break;
        }
    }
    double s = (double)(clock() - t) / CLOCKS_PER_SEC;
    /* The sequences do reach what the properties are about. */
    cr_assert_gt(clocks, 30000);
    cr_assert_gt(pauses, 1000);
    cr_assert_gt(changes, 1000);
    cr_assert_gt(reopens, 100);
    cr_assert_gt(closed, 300);
    cr_log_info("%zu clocks of 3000 random lifecycles (%zu pauses, %zu severity changes, %zu reopens, %zu closures) "
                "in %.3f s", clocks, pauses, changes, reopens, closed, s);
    fd_policy_free(wd);
    fd_calendar_free(cal);
}

/* --- the store: fixture --------------------------------------------------------------------------------- */

typedef struct fx {
    fd_store *s;
    char path[4096];
    int64_t site, other_site, clerk, manager, other_clerk;
    int64_t unit, occupant, eng, service, other_dept, call;
} fx;

static int64_t fx_department(fd_store *s, int64_t site, const char *org_name, const char *name)
{
    return fd_test_department(s, site, T_EVE - 30 * DAY, org_name, name);
}

/*
 * A store with two sites: a clerk and a manager (manage + reveal) at the
 * first, a clerk at the second; the first site's management office with its
 * engineering and service departments, a unit with its owner, and a call
 * logged at the desk; a department at the second site.
 */
static fx fx_open(const char *stem)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_test_sites t = fd_test_two_sites(f.s, T_EVE - 30 * DAY);
    f.site = t.site;
    f.other_site = t.other_site;
    f.clerk = t.clerk;
    f.manager = t.manager;
    f.other_clerk = t.other_clerk;
    fd_actor sys = fd_test_actor(f.site, 0, T_EVE - 30 * DAY);
    fd_building b = FD_BUILDING_INIT;
    b.code = "3";
    b.name = "3号楼";
    int64_t bid = 0;
    fd_assert_ok(fd_store_building_add(&bid, f.s, &sys, &b));
    fd_unit u = FD_UNIT_INIT;
    u.building_id = bid;
    u.number = "1201";
    u.use = "residential";
    fd_assert_ok(fd_store_unit_add(&f.unit, f.s, &sys, &u));
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = f.unit;
    o.name = "王小丽";
    o.role = "owner";
    o.move_in = (fd_date){ 2020, 1, 1 };
    fd_assert_ok(fd_store_occupant_add(&f.occupant, f.s, &sys, &o));
    f.eng = fx_department(f.s, f.site, "某某物业服务中心", "工程部");
    fd_department d = FD_DEPARTMENT_INIT;
    fd_department *eng = NULL;
    fd_assert_ok(fd_store_department_get(&eng, f.s, &sys, f.eng));
    d.organisation_id = eng->organisation_id;
    fd_department_free(eng);
    d.name = "客服部";
    fd_assert_ok(fd_store_department_add(&f.service, f.s, &sys, &d));
    f.other_dept = fx_department(f.s, f.other_site, "酒店管理公司", "工程部");
    fd_call c = FD_CALL_INIT;
    c.direction = "in";
    c.caller_number = "138 1234 5678";
    c.caller_name = "张三";
    c.ring_at = T0 - 10 * MINUTE;
    c.answer_at = T0 - 10 * MINUTE + 5;
    c.end_at = T0 - 5 * MINUTE;
    c.disposition = "answered";
    c.category = "inquiry";
    c.matter = "电梯坏了三天没人修";
    c.read_back = 1;
    fd_actor clerk = fd_test_actor(f.site, f.clerk, T0 - 4 * MINUTE);
    fd_assert_ok(fd_store_call_add(&f.call, f.s, &clerk, &c));
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
    fd_actor a = fd_test_actor(f->site, f->manager, at);
    a.grants = FD_GRANT_MANAGE;
    return a;
}

/* The site counts answers and resolution in working days (R-CPL-2 as most standards read it). */
static void fx_working_days(fx *f)
{
    fd_actor m = manager_at(f, T_EVE - DAY);
    fd_assert_ok(fd_store_policy_set_deadline(f->s, &m, "complaint.major.answer_days", 2,
                                              FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_store_policy_set_deadline(f->s, &m, "complaint.major.resolve_days", 10,
                                              FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_store_policy_set_deadline(f->s, &m, "complaint.important.resolve_days", 3,
                                              FD_CALENDAR_UNIT_WORKING_DAYS));
}

static int64_t add_at(fx *f, fd_complaint c, int64_t at)
{
    fd_actor a = clerk_at(f, at);
    int64_t id = 0;
    fd_assert_ok(fd_store_complaint_add(&id, f->s, &a, &c));
    cr_assert_gt(id, 0);
    return id;
}

/* Complaint @id takes @s at @at by @a (a clerk unless a manager is needed); its event id. */
static int64_t step_as(fx *f, const fd_actor *a, int64_t id, fd_complaint_step s)
{
    int64_t event = 0;
    fd_assert_ok(fd_store_complaint_step(&event, f->s, a, id, &s));
    cr_assert_gt(event, 0);
    return event;
}

static int64_t step_at(fx *f, int64_t id, int64_t at, fd_complaint_step s)
{
    fd_actor a = strcmp(s.kind, "choose") == 0 ? manager_at(f, at) : clerk_at(f, at);
    return step_as(f, &a, id, s);
}

/* A step of @kind with what it carries, at the fixture's site. */
static fd_complaint_step fx_step(const fx *f, const char *kind)
{
    fd_complaint_step s = full_step(kind);
    s.department_id = f->eng;
    s.promised_at = T0 + 60 * DAY;
    s.target = strcmp(kind, "escalate") == 0 ? "director" : NULL;
    return s;
}

/* One complaint's targets, in id order (superseded ones too), as stored. */
typedef struct stored_target {
    int64_t id, start_at, due_at, met_at, breached_at, escalated_at, superseded_at, amount;
    int paused, provisional, harm;
    char target[17], severity[17], unit[25], version[65];
} stored_target;

static size_t targets_of(fx *f, int64_t complaint_id, stored_target out[16])
{
    fd_actor a = clerk_at(f, T0);
    fd_complaint_target_filter flt = FD_COMPLAINT_TARGET_FILTER_INIT;
    flt.match = FD_COMPLAINT_TARGET_MATCH_COMPLAINT_ID;
    flt.complaint_id = complaint_id;
    fd_complaint_target_iter *it = NULL;
    fd_assert_ok(fd_store_complaint_target_query(&it, f->s, &a, &flt));
    const fd_complaint_target *t = NULL;
    size_t n = 0;
    while (fd_complaint_target_iter_next(&t, it) == FD_OK && t && n < 16) {
        stored_target *o = &out[n++];
        memset(o, 0, sizeof *o);
        o->id = t->id;
        o->start_at = t->start_at;
        o->due_at = t->due_at;
        o->met_at = t->met_at;
        o->breached_at = t->breached_at;
        o->escalated_at = t->escalated_at;
        o->superseded_at = t->superseded_at;
        o->paused = t->paused;
        o->provisional = t->provisional;
        o->harm = t->harm;
        o->amount = t->amount;
        snprintf(o->target, sizeof o->target, "%s", t->target);
        snprintf(o->severity, sizeof o->severity, "%s", t->severity);
        snprintf(o->unit, sizeof o->unit, "%s", t->unit);
        snprintf(o->version, sizeof o->version, "%s", t->data_version ? t->data_version : "");
    }
    fd_complaint_target_iter_free(it);
    return n;
}

/* The target in force called @target. */
static stored_target in_force(fx *f, int64_t complaint_id, const char *target)
{
    stored_target t[16];
    size_t n = targets_of(f, complaint_id, t);
    for (size_t i = 0; i < n; i++)
        if (t[i].superseded_at == 0 && strcmp(t[i].target, target) == 0)
            return t[i];
    cr_assert_fail("complaint %lld has no %s target in force", (long long)complaint_id, target);
    return t[0];
}

static fd_complaint *get(fx *f, int64_t id)
{
    fd_actor a = clerk_at(f, T0);
    fd_complaint *c = NULL;
    fd_assert_ok(fd_store_complaint_get(&c, f->s, &a, id));
    return c;
}

/* The tables a refused write must leave as they were. */
static const char *const WATCHED[] = { "complaints", "complaint_events", "complaint_targets", "complaint_categories",
                                       "calls", "journal" };
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

static void unchanged(const fx *f, snapshot *before, const char *what)
{
    for (size_t i = 0; i < NWATCHED; i++) {
        char *now = fd_test_table_dump(f->path, WATCHED[i]);
        cr_assert_str_eq(now, before->t[i], "%s changed %s", what, WATCHED[i]);
        free(now);
    }
}

static void snap_free(snapshot *s)
{
    for (size_t i = 0; i < NWATCHED; i++)
        free(s->t[i]);
}

/* --- the store: registering (R-CPL-1) ------------------------------------------------------------------------ */

Test(complaints_store, R_CPL_1_R_CPL_2_register_writes_the_complaint_its_event_and_its_targets)
{
    fx f = fx_open("cpl-add");
    fx_working_days(&f);
    fd_complaint c = a_complaint("major", T_EVE);
    c.unit_id = f.unit;
    c.occupant_id = f.occupant;
    c.subject_department = f.eng;
    int64_t id = add_at(&f, c, T_EVE + 5 * MINUTE);
    fd_complaint *got = get(&f, id);
    cr_assert_str_eq(got->state, "registered");
    cr_assert_str_eq(got->severity, "major");
    cr_assert_eq(got->received_at, T_EVE);
    cr_assert_eq(got->created_at, T_EVE + 5 * MINUTE);
    cr_assert_eq(got->staff_id, f.clerk);
    cr_assert_eq(got->unit_id, f.unit);
    cr_assert(got->validity == NULL || got->validity[0] == '\0');
    cr_assert_lt(fd_test_digit_run(got->contact), 7, "masked: %s", got->contact);
    fd_complaint_free(got);
    /* Revealed: stored normalised. */
    fd_actor rev = fd_test_actor(f.site, f.manager, T0);
    rev.grants = FD_GRANT_REVEAL;
    rev.reason = "回访客户";
    fd_assert_ok(fd_store_complaint_get(&got, f.s, &rev, id));
    cr_assert_str_eq(got->contact, "13812345678");
    fd_complaint_free(got);
    /* Its register event: the clocks count from when the customer made it. */
    fd_complaint_event_filter ef = FD_COMPLAINT_EVENT_FILTER_INIT;
    ef.match = FD_COMPLAINT_EVENT_MATCH_COMPLAINT_ID;
    ef.complaint_id = id;
    fd_complaint_event_iter *it = NULL;
    fd_actor a = clerk_at(&f, T0);
    fd_assert_ok(fd_store_complaint_event_query(&it, f.s, &a, &ef));
    const fd_complaint_event *e = NULL;
    fd_assert_ok(fd_complaint_event_iter_next(&e, it));
    cr_assert_str_eq(e->kind, "register");
    cr_assert_str_eq(e->to_state, "registered");
    cr_assert_eq(e->happened_at, T_EVE);
    cr_assert_eq(e->created_at, T_EVE + 5 * MINUTE);
    fd_assert_ok(fd_complaint_event_iter_next(&e, it));
    cr_assert_null(e);
    fd_complaint_event_iter_free(it);
    /* R-CPL-2: its four targets, each on its own clock, with the data that computed it. */
    stored_target t[16];
    cr_assert_eq(targets_of(&f, id, t), 4);
    static const char *const names[] = { "director", "answer", "resolve", "reply" };
    const int64_t due[] = { EVE_END, OCT9_CLOSE, OCT20_CLOSE, 0 };
    static const char *const units[] = { "calendar_days", "working_days", "working_days", "calendar_days" };
    for (size_t i = 0; i < 4; i++) {
        cr_assert_str_eq(t[i].target, names[i]);
        cr_assert_str_eq(t[i].severity, "major");
        cr_assert_str_eq(t[i].unit, units[i]);
        cr_assert_eq(t[i].due_at, due[i], "%s", names[i]);
        cr_assert_eq(t[i].start_at, i < 3 ? T_EVE : 0);
        cr_assert_eq(t[i].met_at + t[i].breached_at + t[i].superseded_at + t[i].paused + t[i].harm, 0);
        cr_assert_eq(t[i].provisional, 0);
        cr_assert(i == 3 ? t[i].version[0] == '\0' : strncmp(t[i].version, "CN-2026", 7) == 0, "%s", t[i].version);
    }
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'complaint' AND "
                                         "action = 'register'"), 1);
    fx_close(&f);
}

Test(complaints_store, R_CPL_1_add_refuses_naming_the_field_and_writes_nothing)
{
    fx f = fx_open("cpl-add-refused");
    snapshot before = snap(&f);
    fd_actor a = clerk_at(&f, T0);
    int64_t id = 0;
    fd_complaint c = a_complaint("grave", T0);
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, &c), FD_EINVAL, "fd_store_complaint_add: complaint.severity");
    c = a_complaint("major", T0);
    c.category = "lift";
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, &c), FD_EINVAL, "complaint.category: 'lift' is neither");
    c = a_complaint("major", T0);
    c.unit_id = 9999;
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, &c), FD_ENOTFOUND,
                    "complaint.unit_id: no unit 9999 at the actor's site");
    c = a_complaint("major", T0);
    c.subject_department = f.other_dept;
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, &c), FD_ENOTFOUND, "complaint.subject_department");
    c = a_complaint("major", T0);
    c.call_id = f.call;
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_error(fd_store_complaint_add(&id, f.s, &other, &c), FD_ENOTFOUND, "complaint.call_id: no call");
    c = a_complaint("major", T0 + MINUTE);
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, &c), FD_EINVAL,
                    "complaint.received_at: 2026-11-23 09:01 +08:00 is after now (09:00)");
    c = a_complaint("major", T0);
    c.contact = "1381234567899999";
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, &c), FD_EINVAL, "complaint.contact");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7, "never echoed: %s", fd_error_last()->message);
    c = a_complaint("major", T0);
    fd_actor stranger = fd_test_actor(f.site, f.other_clerk, T0);
    fd_assert_error(fd_store_complaint_add(&id, f.s, &stranger, &c), FD_EPERM, "actor");
    fd_assert_error(fd_store_complaint_add(NULL, f.s, &a, &c), FD_EINVAL, "out_id");
    fd_assert_error(fd_store_complaint_add(&id, f.s, &a, NULL), FD_EINVAL, "c");
    cr_assert_eq(id, 0);
    unchanged(&f, &before, "a refused registration");
    snap_free(&before);
    fx_close(&f);
}

Test(complaints_store, R_CPL_1_R_CALL_9_a_complaint_from_a_call_in_one_call)
{
    fx f = fx_open("cpl-call");
    char *calls = fd_test_table_dump(f.path, "calls");
    fd_complaint c = FD_COMPLAINT_INIT;
    c.category = "repair";
    c.severity = "important";
    fd_actor a = clerk_at(&f, T0);
    int64_t id = 0;
    fd_assert_ok(fd_store_complaint_from_call(&id, f.s, &a, f.call, &c));
    fd_actor rev = fd_test_actor(f.site, f.manager, T0);
    rev.grants = FD_GRANT_REVEAL;
    rev.reason = "核对来电";
    fd_complaint *got = NULL;
    fd_assert_ok(fd_store_complaint_get(&got, f.s, &rev, id));
    cr_assert_eq(got->received_at, T0 - 10 * MINUTE, "received when the call rang");
    cr_assert_str_eq(got->channel, "phone");
    cr_assert_eq(got->call_id, f.call);
    cr_assert_str_eq(got->customer, "张三");
    cr_assert_str_eq(got->contact, "13812345678");
    cr_assert_str_eq(got->what, "电梯坏了三天没人修");
    fd_complaint_free(got);
    /* What the clerk gives wins over the call's. */
    c.what = "电梯坏了，要求赔偿误工";
    c.customer = "张先生";
    fd_assert_ok(fd_store_complaint_from_call(&id, f.s, &a, f.call, &c));
    fd_assert_ok(fd_store_complaint_get(&got, f.s, &rev, id));
    cr_assert_str_eq(got->what, "电梯坏了，要求赔偿误工");
    cr_assert_str_eq(got->customer, "张先生");
    fd_complaint_free(got);
    /* The call stays as logged (R-COM-3); the journal says it became a complaint. */
    char *now = fd_test_table_dump(f.path, "calls");
    cr_assert_str_eq(now, calls);
    free(now);
    free(calls);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'call' AND "
                                         "action = 'complaint'"), 2);
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_error(fd_store_complaint_from_call(&id, f.s, &other, f.call, &c), FD_ENOTFOUND,
                    "call_id: no call");
    fd_assert_error(fd_store_complaint_from_call(&id, f.s, &a, 424242, &c), FD_ENOTFOUND, "call_id: no call");
    c.severity = "grave";
    fd_assert_error(fd_store_complaint_from_call(&id, f.s, &a, f.call, &c), FD_EINVAL,
                    "fd_store_complaint_from_call: complaint.severity");
    fx_close(&f);
}

/* --- the store: the lifecycle (R-CPL-3, R-CPL-4, R-CPL-5) ---------------------------------------------------- */

Test(complaints_store, R_CPL_3_R_CPL_4_the_whole_lifecycle_with_its_events_and_targets)
{
    fx f = fx_open("cpl-life");
    fd_complaint c = a_complaint("important", T0);
    int64_t id = add_at(&f, c, T0);
    int64_t t = T0;
    step_at(&f, id, t += 10 * MINUTE, fx_step(&f, "assess"));
    fd_complaint_step s = fx_step(&f, "escalate");
    s.target = "escalate";
    step_at(&f, id, t += 10 * MINUTE, s);
    s = fx_step(&f, "assign");
    s.department_id = f.eng;
    s.promised_at = T0 + 2 * DAY;
    step_at(&f, id, t += 10 * MINUTE, s);
    step_at(&f, id, t += HOUR, fx_step(&f, "contact"));
    step_at(&f, id, t += HOUR, fx_step(&f, "investigate"));
    s = fx_step(&f, "propose");
    s.solution = "维修控制板";
    int64_t first = step_at(&f, id, t += HOUR, s);
    s.solution = "更换整台电梯控制柜";
    int64_t second = step_at(&f, id, t += HOUR, s);
    (void)first;
    /* R-CPL-3: a supervisor picks the solution; a clerk may not. */
    s = fx_step(&f, "choose");
    s.proposal_id = second;
    fd_actor clerk = clerk_at(&f, t += HOUR);
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &clerk, id, &s), FD_EPERM, "manage");
    s.proposal_id = id + 1000;
    fd_actor mgr = manager_at(&f, t);
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &mgr, id, &s), FD_ENOTFOUND, "step.proposal_id");
    s.proposal_id = second;
    step_as(&f, &mgr, id, s);
    step_at(&f, id, t += DAY, fx_step(&f, "implement"));
    step_at(&f, id, t += HOUR, fx_step(&f, "report"));
    step_at(&f, id, t += HOUR, fx_step(&f, "reply"));
    s = fx_step(&f, "followup");
    s.satisfaction = "average";
    step_at(&f, id, t += DAY, s);
    step_at(&f, id, t += HOUR, fx_step(&f, "close"));
    fd_actor rev = fd_test_actor(f.site, f.manager, t);
    rev.grants = FD_GRANT_REVEAL;
    rev.reason = "结案审核";
    fd_complaint *got = NULL;
    fd_assert_ok(fd_store_complaint_get(&got, f.s, &rev, id));
    cr_assert_str_eq(got->state, "closed");
    cr_assert_str_eq(got->validity, "valid");
    cr_assert_eq(got->department_id, f.eng);
    cr_assert_eq(got->promised_at, T0 + 2 * DAY);
    cr_assert_str_eq(got->cause, "电梯控制板老化");
    cr_assert_str_eq(got->responsible, "李工");
    cr_assert_str_eq(got->solution, "更换整台电梯控制柜");
    cr_assert_str_eq(got->satisfaction, "average");
    cr_assert_eq(got->contacted_at, T0 + 30 * MINUTE + HOUR);
    cr_assert_gt(got->reported_at, 0);
    cr_assert_eq(got->replied_at, got->reported_at + HOUR);
    cr_assert_eq(got->closed_at, t);
    cr_assert_eq(got->waiting + got->harm + got->reopened, 0);
    fd_complaint_free(got);
    /* Every step is an event with the state before and after (R-CPL-3). */
    static const char *const trail[][3] = {
        { "register", "", "registered" },          { "assess", "registered", "assessed" },
        { "escalate", "assessed", "assessed" },    { "assign", "assessed", "assigned" },
        { "contact", "assigned", "assigned" },     { "investigate", "assigned", "investigating" },
        { "propose", "investigating", "proposed" }, { "propose", "proposed", "proposed" },
        { "choose", "proposed", "chosen" },        { "implement", "chosen", "implemented" },
        { "report", "implemented", "implemented" }, { "reply", "implemented", "implemented" },
        { "followup", "implemented", "followed_up" }, { "close", "followed_up", "closed" },
    };
    fd_complaint_event_filter ef = FD_COMPLAINT_EVENT_FILTER_INIT;
    ef.match = FD_COMPLAINT_EVENT_MATCH_COMPLAINT_ID;
    ef.complaint_id = id;
    fd_complaint_event_iter *it = NULL;
    fd_assert_ok(fd_store_complaint_event_query(&it, f.s, &rev, &ef));
    const fd_complaint_event *e = NULL;
    size_t n = 0;
    while (fd_complaint_event_iter_next(&e, it) == FD_OK && e) {
        cr_assert_lt(n, sizeof trail / sizeof *trail);
        cr_assert_str_eq(e->kind, trail[n][0]);
        cr_assert_str_eq(e->from_state ? e->from_state : "", trail[n][1], "%s", e->kind);
        cr_assert_str_eq(e->to_state, trail[n][2], "%s", e->kind);
        cr_assert_eq(e->staff_id, strcmp(e->kind, "choose") == 0 ? f.manager : f.clerk);
        if (strcmp(e->kind, "choose") == 0)
            cr_assert_eq(atoll(e->detail), second);
        if (strcmp(e->kind, "propose") == 0)
            cr_assert(strstr(e->note, "控制"), "a proposal keeps its solution: %s", e->note);
        if (strcmp(e->kind, "followup") == 0)
            cr_assert_str_eq(e->detail, "average");
        n++;
    }
    fd_complaint_event_iter_free(it);
    cr_assert_eq(n, sizeof trail / sizeof *trail);
    /* Every target met by its step: escalated in 20 minutes, resolved, the result told the same day. */
    stored_target esc = in_force(&f, id, "escalate"), res = in_force(&f, id, "resolve"),
                  rep = in_force(&f, id, "reply");
    cr_assert_eq(esc.met_at, T0 + 20 * MINUTE);
    cr_assert_eq(esc.escalated_at, T0 + 20 * MINUTE);
    cr_assert_eq(esc.breached_at, 0);
    cr_assert_gt(res.met_at, 0);
    cr_assert_eq(res.breached_at, 0);
    cr_assert_gt(rep.start_at, 0);
    cr_assert_eq(rep.met_at, rep.start_at + HOUR);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'complaint'"), 14);
    fx_close(&f);
}

/* Drives a new complaint to @state by legal steps (from @t on, an hour apart); its id. */
static int64_t drive_to(fx *f, const char *state, int64_t *t)
{
    static const char *const path[] = { "assess", "assign", "investigate", "propose", "choose", "implement",
                                        "followup", "close" };
    static const char *const reached[] = { "assessed", "assigned", "investigating", "proposed", "chosen",
                                           "implemented", "followed_up", "closed" };
    int64_t id = add_at(f, a_complaint("major", *t), *t);
    int64_t proposal = 0;
    for (size_t i = 0; i < sizeof path / sizeof *path && strcmp(state, "registered") != 0; i++) {
        fd_complaint_step s = fx_step(f, path[i]);
        s.proposal_id = proposal;
        int64_t e = step_at(f, id, *t += HOUR, s);
        if (strcmp(path[i], "propose") == 0)
            proposal = e;
        if (strcmp(reached[i], state) == 0)
            break;
    }
    return id;
}

Test(complaints_store, R_CPL_3_every_illegal_step_is_refused_in_the_store_and_changes_nothing)
{
    fx f = fx_open("cpl-illegal");
    int64_t t = T0;
    size_t refused = 0;
    for (size_t i = 0; i < sizeof LIFECYCLE / sizeof *LIFECYCLE; i++) {
        int64_t id = drive_to(&f, LIFECYCLE[i].state, &t);
        fd_complaint *c = get(&f, id);
        cr_assert_str_eq(c->state, LIFECYCLE[i].state);
        fd_complaint_free(c);
        snapshot before = snap(&f);
        char list[300];
        snprintf(list, sizeof list, "%s,", LIFECYCLE[i].allowed);
        for (size_t k = 0; k < NSTEPS; k++) {
            char word[32];
            snprintf(word, sizeof word, " %s,", STEPS[k]);
            bool allowed = strncmp(list, word + 1, strlen(word + 1)) == 0 || strstr(list, word);
            if (allowed)
                continue;
            fd_complaint_step s = fx_step(&f, STEPS[k]);
            fd_actor m = manager_at(&f, t + MINUTE);
            int64_t event = -1;
            fd_assert_error(fd_store_complaint_step(&event, f.s, &m, id, &s), FD_ESTATE, "fd_store_complaint_step: state: ");
            char need[64];
            snprintf(need, sizeof need, "state: %s (", LIFECYCLE[i].state);
            cr_assert(strstr(fd_error_last()->message, need), "%s", fd_error_last()->message);
            cr_assert(strstr(fd_error_last()->message, LIFECYCLE[i].allowed), "%s", fd_error_last()->message);
            cr_assert_eq(event, -1);
            refused++;
        }
        unchanged(&f, &before, LIFECYCLE[i].state);
        snap_free(&before);
    }
    cr_assert_eq(refused, 9 * NSTEPS - 75);
    /* Refusals about the step itself change nothing either. */
    int64_t id = drive_to(&f, "assigned", &t);
    snapshot before = snap(&f);
    fd_complaint_step s = fx_step(&f, "investigate");
    s.cause = NULL;
    fd_actor a = clerk_at(&f, t + MINUTE);
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &a, id, &s), FD_EINVAL, "fd_store_complaint_step: step.cause");
    s = fx_step(&f, "contact");
    s.happened_at = t - MINUTE;
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &a, id, &s), FD_EINVAL, "is before the complaint's last step");
    cr_assert(strstr(fd_error_last()->message, "fd_store_complaint_step: step.happened_at: 2026-"));
    s.happened_at = t + 2 * MINUTE;
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &a, id, &s), FD_EINVAL, "is after now");
    cr_assert(strstr(fd_error_last()->message, "step.happened_at: 2026-"));
    s.happened_at = 0;
    fd_actor early = clerk_at(&f, t - 1);
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &early, id, &s), FD_EINVAL, "fd_store_complaint_step: at: ");
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, t + MINUTE);
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &other, id, &s), FD_ENOTFOUND, "complaint_id: no complaint");
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &a, id, NULL), FD_EINVAL, "step");
    unchanged(&f, &before, "a refused step");
    snap_free(&before);
    /* A step noted later keeps when it happened; the clocks replay that instant. */
    s.happened_at = t;
    int64_t event = step_as(&f, &a, id, s);
    fd_complaint_event *e = NULL;
    fd_assert_ok(fd_store_complaint_event_get(&e, f.s, &a, event));
    cr_assert_eq(e->happened_at, t);
    cr_assert_eq(e->created_at, t + MINUTE);
    fd_complaint_event_free(e);
    fd_complaint *c = get(&f, id);
    cr_assert_eq(c->contacted_at, t);
    fd_complaint_free(c);
    fx_close(&f);
}

Test(complaints_store, R_CPL_1_an_invalid_complaint_is_explained_closed_and_may_be_reopened)
{
    fx f = fx_open("cpl-invalid");
    int64_t id = add_at(&f, a_complaint("minor", T0), T0);
    fd_complaint_step s = fx_step(&f, "assess");
    s.valid = 0;
    s.note = "属市政管网问题，已耐心说明并告知报修电话";
    step_at(&f, id, T0 + HOUR, s);
    fd_complaint *c = get(&f, id);
    cr_assert_str_eq(c->state, "closed");
    cr_assert_str_eq(c->validity, "invalid");
    cr_assert_eq(c->closed_at, T0 + HOUR);
    fd_complaint_free(c);
    /* Closing ends its clocks: nothing of it stays in the queue. */
    stored_target res = in_force(&f, id, "resolve");
    cr_assert_eq(res.met_at, T0 + HOUR);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM complaint_targets WHERE met_at = 0 AND "
                                         "superseded_at = 0 AND paused = 0 AND due_at > 0"), 0);
    step_at(&f, id, T0 + 2 * HOUR, fx_step(&f, "reopen"));
    c = get(&f, id);
    cr_assert_str_eq(c->state, "registered", "assessed again");
    cr_assert(c->validity == NULL || c->validity[0] == '\0');
    cr_assert_eq(c->closed_at, 0);
    cr_assert_eq(c->reopened, 1);
    fd_complaint_free(c);
    res = in_force(&f, id, "resolve");
    cr_assert_eq(res.met_at, 0);
    cr_assert_gt(res.due_at, 0);
    fx_close(&f);
}

Test(complaints_store, R_CPL_2_a_pause_across_a_weekend_pauses_resolve_not_answer)
{
    fx f = fx_open("cpl-pause");
    fx_working_days(&f);
    int64_t id = add_at(&f, a_complaint("major", THU), THU);
    step_at(&f, id, THU + HOUR, fx_step(&f, "assess"));
    fd_complaint_step s = fx_step(&f, "pause");
    s.note = "客户周末不在家，周一上门";
    step_at(&f, id, FRI_1500, s);
    fd_complaint *c = get(&f, id);
    cr_assert_eq(c->waiting, 1);
    fd_complaint_free(c);
    stored_target res = in_force(&f, id, "resolve"), ans = in_force(&f, id, "answer");
    cr_assert_eq(res.paused, 1);
    cr_assert_eq(res.due_at, 0, "paused: out of the queue until resumed");
    cr_assert_eq(ans.paused, 0);
    cr_assert_eq(ans.due_at, MON_CLOSE, "waiting for the customer does not pause the first answer");
    fd_actor sat = clerk_at(&f, FRI_1500 + DAY);
    fd_complaint_clock k;
    fd_assert_ok(fd_store_complaint_clock(&k, f.s, &sat, res.id));
    cr_assert_eq(k.paused, 1);
    cr_assert_eq(k.paused_s, DAY);
    step_at(&f, id, T0, fx_step(&f, "resume"));
    res = in_force(&f, id, "resolve");
    cr_assert_eq(res.paused, 0);
    cr_assert_eq(res.due_at, DEC4_CLOSE, "one working day (Monday) spent waiting");
    cr_assert_eq(in_force(&f, id, "answer").due_at, MON_CLOSE);
    fd_actor mon = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_complaint_clock(&k, f.s, &mon, res.id));
    cr_assert_eq(k.paused_s, T0 - FRI_1500);
    cr_assert_eq(k.due_at, DEC4_CLOSE);
    cr_assert_eq(k.breached, 0);
    fx_close(&f);
}

Test(complaints_store, R_CPL_2_a_severity_change_recomputes_from_receipt_and_keeps_the_history)
{
    fx f = fx_open("cpl-severity");
    int64_t id = add_at(&f, a_complaint("minor", T0), T0);
    step_at(&f, id, T0 + HOUR, fx_step(&f, "assess"));
    fd_complaint_step s = fx_step(&f, "pause");
    step_at(&f, id, T0 + 2 * HOUR, s);
    step_at(&f, id, T0 + 5 * HOUR, fx_step(&f, "resume"));
    s = fx_step(&f, "severity");
    s.severity = "major";
    s.note = "涉及安全，升级为重大投诉";
    step_at(&f, id, T0 + DAY, s);
    fd_complaint *c = get(&f, id);
    cr_assert_str_eq(c->severity, "major");
    fd_complaint_free(c);
    stored_target t[16];
    size_t n = targets_of(&f, id, t);
    cr_assert_eq(n, 6);
    /* The minor complaint's targets stay, superseded. */
    cr_assert_str_eq(t[0].severity, "minor");
    cr_assert_str_eq(t[0].target, "resolve");
    cr_assert_eq(t[0].superseded_at, T0 + DAY);
    cr_assert_str_eq(t[1].target, "reply");
    cr_assert_eq(t[1].superseded_at, T0 + DAY);
    /* The major complaint's, from the received time, the pause counted. */
    for (size_t i = 2; i < 6; i++) {
        cr_assert_str_eq(t[i].severity, "major");
        cr_assert_eq(t[i].superseded_at, 0);
    }
    cr_assert_str_eq(t[2].target, "director");
    cr_assert_eq(t[2].due_at, T0 + 15 * HOUR - 1, "the director the day it was received");
    cr_assert_eq(t[2].breached_at, T0 + DAY, "already late when it turned major: recorded at once");
    cr_assert_eq(t[4].target[0], 'r');
    cr_assert_eq(t[4].start_at, T0);
    cr_assert_eq(t[4].due_at, T0 + 10 * DAY + 15 * HOUR - 1, "10 calendar days; the same-day pause adds none");
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM complaint_events WHERE kind = 'severity' AND "
                                         "detail = 'minor>major'"), 1);
    fx_close(&f);
}

Test(complaints_store, R_CPL_3_R_CPL_4_reopen_reopens_resolve_and_reply)
{
    fx f = fx_open("cpl-reopen");
    int64_t t = T0;
    int64_t id = drive_to(&f, "implemented", &t);
    step_at(&f, id, t += HOUR, fx_step(&f, "report"));
    step_at(&f, id, t += HOUR, fx_step(&f, "reply"));
    step_at(&f, id, t += HOUR, fx_step(&f, "followup"));
    stored_target res = in_force(&f, id, "resolve"), rep = in_force(&f, id, "reply");
    cr_assert_gt(res.met_at, 0);
    cr_assert_gt(rep.met_at, 0);
    step_at(&f, id, t += DAY, fx_step(&f, "reopen"));
    fd_complaint *c = get(&f, id);
    cr_assert_str_eq(c->state, "assigned");
    cr_assert_eq(c->reopened, 1);
    cr_assert_eq(c->reported_at + c->replied_at + c->closed_at, 0);
    fd_complaint_free(c);
    res = in_force(&f, id, "resolve");
    rep = in_force(&f, id, "reply");
    cr_assert_eq(res.met_at, 0);
    cr_assert_eq(rep.met_at + rep.start_at + rep.due_at, 0, "the reply waits for the next report");
    cr_assert_gt(in_force(&f, id, "director").met_at + in_force(&f, id, "answer").due_at, 0);
    step_at(&f, id, t += HOUR, fx_step(&f, "report"));
    rep = in_force(&f, id, "reply");
    cr_assert_eq(rep.start_at, t);
    cr_assert_gt(rep.due_at, t);
    fx_close(&f);
}

Test(complaints_store, R_CPL_3_implement_takes_the_signed_acceptance_and_reopen_clears_it)
{
    fx f = fx_open("cpl-accept");
    int64_t t = T0;
    int64_t id = drive_to(&f, "chosen", &t);
    snapshot before = snap(&f);
    fd_complaint_step s = fx_step(&f, "implement");
    s.accepted = 0;
    fd_actor a = clerk_at(&f, t + HOUR);
    fd_assert_error(fd_store_complaint_step(NULL, f.s, &a, id, &s), FD_EINVAL,
                    "fd_store_complaint_step: step.accepted: is required");
    unchanged(&f, &before, "chosen");
    snap_free(&before);
    step_at(&f, id, t += HOUR, fx_step(&f, "implement"));
    fd_complaint *c = get(&f, id);
    cr_assert_str_eq(c->state, "implemented");
    cr_assert_eq(c->accepted_at, t);
    fd_complaint_free(c);
    step_at(&f, id, t += HOUR, fx_step(&f, "followup"));
    step_at(&f, id, t += DAY, fx_step(&f, "reopen"));
    c = get(&f, id);
    cr_assert_eq(c->accepted_at, 0, "the work is accepted anew after a reopen");
    fd_complaint_free(c);
    fx_close(&f);
}

Test(complaints_store, R_CPL_3_an_unsatisfied_follow_up_is_escalated_by_hand)
{
    fx f = fx_open("cpl-followed-escalate");
    int64_t t = T0;
    int64_t id = drive_to(&f, "implemented", &t);
    fd_complaint_step s = fx_step(&f, "followup");
    s.satisfaction = "unsatisfied";
    step_at(&f, id, t += HOUR, s);
    s = fx_step(&f, "escalate");
    s.target = "resolve";
    s.note = "客户回访不满意，报主任";
    int64_t event = step_at(&f, id, t += HOUR, s);
    cr_assert_gt(event, 0);
    fd_complaint *c = get(&f, id);
    cr_assert_str_eq(c->state, "followed_up", "an escalation does not move the state");
    cr_assert_str_eq(c->satisfaction, "unsatisfied");
    fd_complaint_free(c);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM complaint_events WHERE kind = 'escalate' AND "
                                         "from_state = 'followed_up'"), 1);
    fx_close(&f);
}

Test(complaints_store, R_CPL_5_harm_is_flagged_on_the_targets_until_cleared)
{
    fx f = fx_open("cpl-harm");
    fd_complaint c = a_complaint("important", T0);
    c.harm = 1;
    int64_t id = add_at(&f, c, T0);
    stored_target t[16];
    size_t n = targets_of(&f, id, t);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(t[i].harm, 1, "%s", t[i].target);
    step_at(&f, id, T0 + HOUR, fx_step(&f, "harm_cleared"));
    n = targets_of(&f, id, t);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(t[i].harm, 0, "%s", t[i].target);
    step_at(&f, id, T0 + 2 * HOUR, fx_step(&f, "harm"));
    cr_assert_eq(in_force(&f, id, "resolve").harm, 1);
    fd_complaint *got = get(&f, id);
    cr_assert_eq(got->harm, 1);
    fd_complaint_free(got);
    fx_close(&f);
}

/* --- two clerks at once ------------------------------------------------------------------------------------- */

typedef struct committer {
    fd_store *s;
    fd_status rc;
} committer;

static void *commit_later(void *arg)
{
    committer *c = arg;
    struct timespec wait = { 0, 300 * 1000 * 1000 };
    nanosleep(&wait, NULL);
    c->rc = fd_store_commit(c->s);
    return NULL;
}

Test(complaints_store, R_CPL_3_two_clerks_stepping_the_same_complaint_the_second_reads_again)
{
    fx f = fx_open("cpl-race");
    int64_t id = add_at(&f, a_complaint("major", T0), T0);
    fd_store *b = NULL;
    fd_assert_ok(fd_store_open(&b, f.path, NULL));
    static const char *const kinds[][2] = { { "assess", "assess" }, { "contact", "answer" } };
    for (size_t round = 0; round < 2; round++) {
        if (round == 1) {
            fd_complaint_step s = fx_step(&f, "assign");
            step_at(&f, id, T0 + 4 * HOUR, s);
        }
        /* Clerk A's step is written but not yet committed when clerk B reads the complaint. */
        int64_t at = T0 + (int64_t)(round + 1) * 3 * HOUR;
        fd_assert_ok(fd_store_begin(f.s));
        fd_actor a = clerk_at(&f, at);
        fd_complaint_step sa = fx_step(&f, kinds[round][0]);
        fd_assert_ok(fd_store_complaint_step(NULL, f.s, &a, id, &sa));
        committer cm = { f.s, FD_EIO };
        pthread_t th;
        cr_assert_eq(pthread_create(&th, NULL, commit_later, &cm), 0);
        fd_actor bb = fd_test_actor(f.site, f.manager, at + 1);
        fd_complaint_step sb = fx_step(&f, kinds[round][1]);
        fd_status rc = fd_store_complaint_step(NULL, b, &bb, id, &sb);
        pthread_join(th, NULL);
        fd_assert_ok(cm.rc);
        cr_assert_eq(rc, FD_EBUSY, "round %zu: %s: %s", round, fd_status_name(rc), fd_error_last()->message);
        cr_assert(strstr(fd_error_last()->message, "read it again"), "%s", fd_error_last()->message);
        /* Only A's step is there, whole. */
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM complaint_events WHERE complaint_id = %lld AND kind = '%s'",
                 (long long)id, kinds[round][1]);
        cr_assert_eq(fd_test_sql_int(f.path, sql), round == 0 ? 1 : 0, "B wrote nothing");
    }
    /* Read again, B decides anew: the complaint is assessed and assigned now. */
    fd_actor bb = fd_test_actor(f.site, f.manager, T0 + 7 * HOUR);
    fd_complaint_step again = fx_step(&f, "assess");
    fd_assert_error(fd_store_complaint_step(NULL, b, &bb, id, &again), FD_ESTATE, "state: assigned");
    again = fx_step(&f, "answer");
    fd_assert_ok(fd_store_complaint_step(NULL, b, &bb, id, &again));
    fd_store_close(b);
    fx_close(&f);
}

/* --- the clock (R-CPL-2) -------------------------------------------------------------------------------------- */

/* Asked as it stood before a later step (show --at a past instant), the clock is the events up to then. */
Test(complaints_store, R_CPL_2_the_clock_before_a_later_step_is_as_it_stood_then)
{
    fx f = fx_open("cpl-clock-past");
    int64_t id = add_at(&f, a_complaint("major", T0), T0);
    int64_t t = T0;
    step_at(&f, id, t += 10 * MINUTE, fx_step(&f, "assess"));
    fd_complaint_step s = fx_step(&f, "pause");
    step_at(&f, id, t += HOUR, s);
    step_at(&f, id, t += DAY, fx_step(&f, "resume"));
    stored_target res = in_force(&f, id, "resolve");
    fd_complaint_clock k;
    fd_actor then = clerk_at(&f, T0 + 2 * HOUR); /* paused then; resumed since, and the row rewritten */
    fd_assert_ok(fd_store_complaint_clock(&k, f.s, &then, res.id));
    cr_assert(k.paused && k.due_at == 0, "as it stood: paused");
    fd_actor now = clerk_at(&f, t + HOUR);
    fd_assert_ok(fd_store_complaint_clock(&k, f.s, &now, res.id));
    cr_assert_eq(k.due_at, res.due_at, "now: the stored row");
    fx_close(&f);
}

Test(complaints_store, R_CPL_2_the_clock_is_what_the_stored_events_say)
{
    fx f = fx_open("cpl-clock");
    fx_working_days(&f);
    int64_t id = add_at(&f, a_complaint("major", T_EVE), T_EVE);
    stored_target t[16];
    size_t n = targets_of(&f, id, t);
    fd_actor a = clerk_at(&f, T_EVE + HOUR);
    for (size_t i = 0; i < n; i++) {
        fd_complaint_clock k;
        fd_assert_ok(fd_store_complaint_clock(&k, f.s, &a, t[i].id));
        cr_assert_eq(k.due_at, t[i].due_at, "%s", t[i].target);
        cr_assert_eq(k.start_at, t[i].start_at);
        cr_assert_str_eq(k.version_text, t[i].version);
    }
    fd_complaint_clock k;
    fd_assert_ok(fd_store_complaint_clock(&k, f.s, &a, t[0].id));
    cr_assert_eq(k.remaining, EVE_END - (T_EVE + HOUR));
    fd_actor late = clerk_at(&f, OCT8_CLOSE);
    fd_assert_ok(fd_store_complaint_clock(&k, f.s, &late, t[0].id));
    cr_assert_eq(k.breached, 1);
    /* A stored due that is not what the events give is found out. */
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE complaint_targets SET due_at = due_at + 1 WHERE target = 'answer'"),
                 SQLITE_OK);
    fd_assert_error(fd_store_complaint_clock(&k, f.s, &a, t[1].id), FD_EDATA, "not what its events say");
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_assert_error(fd_store_complaint_clock(&k, f.s, &other, t[0].id), FD_ENOTFOUND, "target_id");
    fd_assert_error(fd_store_complaint_clock(NULL, f.s, &a, t[0].id), FD_EINVAL, "out");
    fx_close(&f);
}

/* --- the site's categories (R-COM-5) ------------------------------------------------------------------------------ */

Test(complaints_store, R_COM_5_the_sites_own_categories_are_added_and_retired)
{
    fx f = fx_open("cpl-cat");
    fd_complaint_category cat = FD_COMPLAINT_CATEGORY_INIT;
    cat.code = "lift";
    cat.label = "电梯";
    cat.department_id = f.eng;
    int64_t id = 0;
    fd_actor clerk = clerk_at(&f, T0);
    fd_actor mgr = manager_at(&f, T0);
    fd_assert_error(fd_store_complaint_category_add(&id, f.s, &clerk, &cat), FD_EPERM, "manage");
    fd_assert_ok(fd_store_complaint_category_add(&id, f.s, &mgr, &cat));
    fd_assert_error(fd_store_complaint_category_add(&id, f.s, &mgr, &cat), FD_ECONFLICT, "the site has 'lift'");
    cat.code = "repair";
    fd_assert_error(fd_store_complaint_category_add(&id, f.s, &mgr, &cat), FD_ECONFLICT, "built in (维修)");
    cat.code = "Lift2";
    fd_assert_error(fd_store_complaint_category_add(&id, f.s, &mgr, &cat), FD_EINVAL, "complaint_category.code");
    cat.code = "greening";
    cat.department_id = f.other_dept;
    fd_assert_error(fd_store_complaint_category_add(&id, f.s, &mgr, &cat), FD_ENOTFOUND,
                    "complaint_category.department_id");
    /* The site's category takes complaints; retired, it takes none (the old ones keep it). */
    fd_complaint c = a_complaint("minor", T0);
    c.category = "lift";
    int64_t cid = add_at(&f, c, T0);
    int64_t lift = fd_test_sql_int(f.path, "SELECT id FROM complaint_categories WHERE code = 'lift'");
    fd_assert_error(fd_store_complaint_category_retire(f.s, &clerk, lift), FD_EPERM, "manage");
    fd_actor other = fd_test_actor(f.other_site, 0, T0);
    fd_assert_error(fd_store_complaint_category_retire(f.s, &other, lift), FD_ENOTFOUND, "category_id");
    fd_actor later = manager_at(&f, T0 + DAY);
    fd_assert_ok(fd_store_complaint_category_retire(f.s, &later, lift));
    fd_assert_error(fd_store_complaint_category_retire(f.s, &later, lift), FD_ESTATE, "retired already");
    fd_actor a = clerk_at(&f, T0 + DAY);
    int64_t none = 0;
    fd_assert_error(fd_store_complaint_add(&none, f.s, &a, &c), FD_EINVAL, "'lift' was retired");
    fd_complaint *kept = get(&f, cid);
    cr_assert_str_eq(kept->category, "lift");
    fd_complaint_free(kept);
    fd_complaint_category *got = NULL;
    fd_assert_ok(fd_store_complaint_category_get(&got, f.s, &a, lift));
    cr_assert_eq(got->retired_at, T0 + DAY);
    cr_assert_str_eq(got->label, "电梯");
    fd_complaint_category_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'complaint_category'"), 2);
    fx_close(&f);
}

/* --- nothing is lost (R-COM-3) ----------------------------------------------------------------------------------------- */

Test(complaints_store, R_COM_3_complaints_their_events_and_targets_are_never_deleted_or_rewritten)
{
    fx f = fx_open("cpl-keep");
    int64_t id = add_at(&f, a_complaint("important", T0), T0);
    step_at(&f, id, T0 + 2 * HOUR, fx_step(&f, "assess"));
    cr_assert_gt(in_force(&f, id, "escalate").breached_at, 0, "escalation an hour late: breached");
    fd_complaint_category cat = FD_COMPLAINT_CATEGORY_INIT;
    cat.code = "lift";
    cat.label = "电梯";
    fd_actor m = manager_at(&f, T0);
    int64_t cat_id = 0;
    fd_assert_ok(fd_store_complaint_category_add(&cat_id, f.s, &m, &cat));
    static const char *const refused[] = {
        "DELETE FROM complaints",
        "DELETE FROM complaint_events",
        "UPDATE complaint_events SET note = 'x'",
        "DELETE FROM complaint_targets",
        "UPDATE complaint_targets SET breached_at = 0",
        "DELETE FROM complaint_categories",
        "INSERT OR REPLACE INTO complaints SELECT * FROM complaints",
        "INSERT OR REPLACE INTO complaint_events SELECT * FROM complaint_events",
        "INSERT OR REPLACE INTO complaint_targets SELECT * FROM complaint_targets",
    };
    snapshot before = snap(&f);
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        cr_assert_eq(fd_test_sql_exec(f.path, refused[i]), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", refused[i]);
    unchanged(&f, &before, "a refused rewrite");
    snap_free(&before);
    fx_close(&f);
    /* A file whose protection was removed is refused at open. */
    cr_assert_eq(fd_test_sql_exec(f.path, "DROP TRIGGER complaint_targets_breach_kept"), SQLITE_OK);
    fd_store *s = NULL;
    fd_assert_error(fd_store_open(&s, f.path, NULL), FD_EDATA, "complaint_targets_breach_kept");
}

/* --- a property of the store (R-CPL-2): replaying the stored events gives the stored targets ---------------------- */

Test(complaints_store, R_CPL_2_property_replaying_the_stored_events_gives_the_stored_targets)
{
    fx f = fx_open("cpl-replay");
    fx_working_days(&f);
    fd_policy *policy = NULL;
    fd_assert_ok(fd_store_policy_load(&policy, f.s, f.site));
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_calendar_apply_policy(cal, policy));
    static const char *const severities[] = { "major", "important", "minor" };
    size_t steps = 0, targets = 0;
    clock_t started = clock();
    fd_assert_ok(fd_store_begin(f.s));
    for (uint64_t seed = 1; seed <= 150; seed++) {
        rnd_state = seed * UINT64_C(0xD1B54A32D192ED03);
        fd_complaint c = a_complaint(severities[rnd() % 3], rnd_in(T_EVE, T0 + 30 * DAY));
        if (strcmp(c.severity, "minor") == 0 && rnd() % 2)
            c.customer_due = c.received_at + rnd_in(HOUR, 5 * DAY);
        c.harm = rnd() % 4 == 0;
        int64_t at = c.received_at + rnd_in(0, HOUR);
        int64_t id = add_at(&f, c, at), proposal = 0;
        for (size_t k = 0; k < 25; k++) {
            at += rnd_in(0, 2 * DAY);
            fd_complaint *now = get(&f, id);
            fd_complaint_step s;
            const char *to = NULL;
            bool found = random_step(&s, &to, now, at);
            fd_complaint_free(now);
            if (!found)
                break;
            s.department_id = f.eng;
            s.proposal_id = proposal;
            fd_actor m = manager_at(&f, at);
            int64_t e = step_as(&f, &m, id, s);
            if (strcmp(s.kind, "propose") == 0)
                proposal = e;
            steps++;
        }
        /* Every target, in force or superseded, is what its events say. */
        fd_complaint *stored = get(&f, id);
        fd_complaint_event evs[64];
        fd_complaint_event_filter ef = FD_COMPLAINT_EVENT_FILTER_INIT;
        ef.match = FD_COMPLAINT_EVENT_MATCH_COMPLAINT_ID;
        ef.complaint_id = id;
        fd_complaint_event_iter *it = NULL;
        fd_actor a = clerk_at(&f, at);
        fd_assert_ok(fd_store_complaint_event_query(&it, f.s, &a, &ef));
        const fd_complaint_event *e = NULL;
        size_t n = 0;
        char kinds[64][17], details[64][201], tos[64][17];
        while (fd_complaint_event_iter_next(&e, it) == FD_OK && e && n < 64) {
            evs[n] = *e;
            snprintf(kinds[n], sizeof kinds[n], "%s", e->kind);
            snprintf(details[n], sizeof details[n], "%s", e->detail ? e->detail : "");
            snprintf(tos[n], sizeof tos[n], "%s", e->to_state ? e->to_state : "");
            evs[n].kind = kinds[n];
            evs[n].detail = details[n];
            evs[n].to_state = tos[n];
            evs[n].note = evs[n].from_state = NULL;
            n++;
        }
        fd_complaint_event_iter_free(it);
        stored_target t[16];
        size_t nt = targets_of(&f, id, t);
        for (size_t i = 0; i < nt; i++) {
            fd_complaint_target_plan p = plan_of(t[i].severity, t[i].target, NULL);
            p.amount = t[i].amount;
            fd_assert_ok(fd_calendar_unit_from_name(&p.unit, t[i].unit));
            int64_t when = t[i].superseded_at ? t[i].superseded_at : at;
            fd_complaint_clock k;
            fd_assert_ok(fd_complaint_target_eval(&k, &p, stored, evs, n, cal, policy, when));
            cr_assert_eq(k.start_at, t[i].start_at, "seed %llu %s", (unsigned long long)seed, t[i].target);
            cr_assert_eq(k.due_at, t[i].due_at, "seed %llu %s", (unsigned long long)seed, t[i].target);
            cr_assert_eq(k.paused, t[i].paused, "seed %llu %s", (unsigned long long)seed, t[i].target);
            cr_assert_eq(k.met_at, t[i].met_at, "seed %llu %s", (unsigned long long)seed, t[i].target);
            cr_assert_str_eq(k.version_text, t[i].version, "seed %llu", (unsigned long long)seed);
            cr_assert_eq(k.provisional, t[i].provisional);
            cr_assert(t[i].due_at == 0 || t[i].due_at >= stored->received_at, "seed %llu", (unsigned long long)seed);
            cr_assert_eq(t[i].harm, t[i].superseded_at ? t[i].harm : stored->harm);
            if (t[i].superseded_at == 0) {
                cr_assert_str_eq(t[i].severity, stored->severity);
                /* Found breached at the last step: recorded then, and kept. */
                cr_assert(!k.breached || t[i].breached_at != 0, "seed %llu %s", (unsigned long long)seed,
                          t[i].target);
                fd_complaint_clock sc;
                fd_assert_ok(fd_store_complaint_clock(&sc, f.s, &a, t[i].id));
                cr_assert_eq(sc.due_at, k.due_at);
            }
            targets++;
        }
        fd_complaint_free(stored);
    }
    fd_assert_ok(fd_store_commit(f.s));
    double secs = (double)(clock() - started) / CLOCKS_PER_SEC;
    cr_assert_gt(steps, 1000);
    cr_log_info("150 stored lifecycles, %zu steps, %zu targets replayed in %.3f s", steps, targets, secs);
    fd_calendar_free(cal);
    fd_policy_free(policy);
    fx_close(&f);
}
