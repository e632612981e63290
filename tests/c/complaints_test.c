/*
 * Complaints (issue 13, items 1-3): the pure rules (codes, the record's
 * checks, the lifecycle's state machine, the targets each severity sets and
 * their clocks rebuilt from events) and the store's side (registering, from a
 * call, the steps, two clerks at once, the clock, the site's categories).
 * Instants are fixed (the actor's `at`), never the clock; the dates are real
 * days of 2026 with the State Council's holidays (国庆节 10-01 … 10-07, the
 * make-up working Saturday 10-10).
 */
#include "fd_test.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

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

Test(complaints, R_CPL_1_validate_names_the_field_and_never_echoes_the_number)
{
    fd_complaint c = a_complaint("major", T0);
    fd_assert_ok(fd_complaint_validate(&c));
    c.what = NULL;
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "fd_complaint_validate: complaint.what");
    c = a_complaint("grave", T0);
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.severity: 'grave'");
    cr_assert(strstr(fd_error_last()->message, "minor 轻微"));
    c = a_complaint("major", T0);
    c.channel = "fax";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.channel");
    c = a_complaint("major", T0);
    c.category = "Lift";
    fd_assert_error(fd_complaint_validate(&c), FD_EINVAL, "complaint.category");
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
    { "followed_up", "close, reopen, harm_cleared" },
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
    cr_assert_eq(legal, 74);
    cr_assert_eq(illegal, 9 * NSTEPS - 74);
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
        { "assigned", "contact", "happened_at", FD_ERANGE, "step.happened_at: 60 s before" },
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
        { "assigned", "severity_same", 0, 0, 1, "of that severity already" },
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
