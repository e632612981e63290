/*
 * The complaints module's pure rules (frontdesk/complaints.h, issue 13 items
 * 1-3): the code lists, the record's checks (R-CPL-1), the lifecycle as one
 * table of states and steps (R-CPL-3 … R-CPL-5), the targets each severity
 * sets (R-CPL-2, R-CPL-4) and each target's clock rebuilt from the stored
 * events. No SQLite, no store: a Java suite with its own database calls these
 * over values, and the store calls the same functions.
 */
#include "internal.h"
#include "frontdesk/complaints.h"
#include "frontdesk/phone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- code lists ------------------------------------------------------------ */

/*
 * Aliases are words desks use for one code only. 一般 is not one for a
 * severity: three-level schemes put it in the middle (重大/一般/轻微) or at
 * the bottom (严重/一般), so it would be a guess; it is the follow-up's
 * "average". 严重 is major in every scheme that has it.
 */
static const fd__code CHANNEL[] = {
    { "phone", "电话", { "来电", "电话投诉", NULL } },
    { "walk_in", "来访", { "上门", "到访", "现场", NULL } },
    { "letter", "信函", { "来信", "信件", "书信", NULL } },
    { "email", "电子邮件", { "邮件", "e-mail", "电邮", NULL } },
    { "sms", "短信", { "信息", NULL } },
    { "other", "其他", { "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CATEGORY[] = {
    { "repair", "维修", { "报修", "工程维修", NULL } },
    { "security", "安保", { "保安", "治安", NULL } },
    { "cleaning", "保洁", { "清洁", "卫生", NULL } },
    { "fees", "收费", { "费用", "物业费", NULL } },
    { "attitude", "服务态度", { "态度", NULL } },
    { "environment", "环境", { "环境卫生", NULL } },
    { "parking", "停车", { "车位", "停车场", NULL } },
    { "noise", "噪音", { "噪声", "扰民", NULL } },
    { "other", "其他", { "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code SEVERITY[] = {
    { "major", "重大", { "严重", "重大投诉", "严重投诉", NULL } },
    { "important", "重要", { "重要投诉", NULL } },
    { "minor", "轻微", { "轻微投诉", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code STATE[] = {
    { "registered", "已登记", { "登记", "待评估", NULL } },
    { "assessed", "已评估", { "评估", NULL } },
    { "assigned", "已派单", { "派单", "已分派", NULL } },
    { "investigating", "调查中", { "调查", NULL } },
    { "proposed", "已提方案", { "提方案", NULL } },
    { "chosen", "已定方案", { "定方案", NULL } },
    { "implemented", "已处理", { "已实施", "处理完成", NULL } },
    { "followed_up", "已回访", { "回访", NULL } },
    { "closed", "已结案", { "结案", "关闭", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code VALIDITY[] = {
    { "valid", "有效", { "成立", NULL } },
    { "invalid", "无效", { "不成立", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code STEP[] = {
    { "register", "登记", { "受理", NULL } },
    { "assess", "评估", { NULL } },
    { "assign", "派单", { "分派", "指派", NULL } },
    { "investigate", "调查", { NULL } },
    { "propose", "提出方案", { "提方案", NULL } },
    { "choose", "选定方案", { "定方案", NULL } },
    { "implement", "实施", { "处理", NULL } },
    { "followup", "回访", { NULL } },
    { "close", "结案", { NULL } },
    { "reopen", "重开", { "重新打开", NULL } },
    { "pause", "暂停", { "等待客户", NULL } },
    { "resume", "恢复", { "继续", NULL } },
    { "contact", "首次联系", { "联系客户", NULL } },
    { "answer", "明确答复", { "答复客户", NULL } },
    { "report", "部门反馈", { "反馈", NULL } },
    { "reply", "答复结果", { "告知结果", NULL } },
    { "escalate", "升级", { "上报", NULL } },
    { "severity", "调整级别", { "调整等级", NULL } },
    { "harm", "危害持续", { NULL } },
    { "harm_cleared", "危害已止", { "已止损", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code TARGET[] = {
    { "director", "报主任", { "主任", NULL } },
    { "escalate", "报部门主管", { "部门主管", "主管", NULL } },
    { "answer", "明确答复", { "答复", NULL } },
    { "resolve", "解决", { "处理", NULL } },
    { "reply", "当日答复结果", { "答复结果", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code SATISFACTION[] = {
    { "satisfied", "满意", { "很满意", NULL } },
    { "average", "一般", { "基本满意", NULL } },
    { "unsatisfied", "不满意", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code_list LISTS[] = {
    { "channel", CHANNEL }, { "category", CATEGORY }, { "severity", SEVERITY }, { "state", STATE },
    { "validity", VALIDITY }, { "step", STEP }, { "target", TARGET }, { "satisfaction", SATISFACTION },
};
static const fd__code_lists CODES = { LISTS, sizeof LISTS / sizeof LISTS[0] };

const char *fd_complaint_code_label(const char *field, const char *code)
{
    return fd__code_label(&CODES, field, code);
}

fd_status fd_complaint_code_parse(fd_buf *out, const char *field, const char *text)
{
    return fd__code_parse(out, &CODES, "fd_complaint_code_parse", field, text);
}

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

/* --- the record (R-CPL-1) ---------------------------------------------------- */

/* R-CPL-2: the customer's deadline, when there is one, comes after the receipt (@field names it). */
static fd_status check_customer_due(const char *fn, const char *field, const fd_complaint *c)
{
    if (c->customer_due == 0)
        return FD_OK;
    fd_status rc = fd__check_instant(fn, field, c->customer_due);
    if (rc == FD_OK && c->customer_due <= c->received_at) {
        char d[FD__DURATION_MAX];
        fd__duration_words(d, c->customer_due - c->received_at);
        rc = fd__error(FD_ERANGE, "%s: %s: %s %s the complaint was received: a deadline comes after it", fn, field,
                       d, c->customer_due < c->received_at ? "before" : "after");
    }
    return rc;
}

fd_status fd_complaint_validate(const fd_complaint *c)
{
    static const char fn[] = "fd_complaint_validate";
    fd_status rc = fd__check_ptr(fn, "c", c);
    if (rc)
        return rc;
    if ((rc = fd_complaint_check(c)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if ((rc = fd__code_check(&CODES, fn, "complaint.channel", "channel", c->channel, false)) != FD_OK ||
        (rc = fd__code_check(&CODES, fn, "complaint.severity", "severity", c->severity, false)) != FD_OK ||
        (rc = fd__check_code(fn, "complaint.category", c->category, true)) != FD_OK)
        return rc;
    if (c->contact && c->contact[0]) {
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, c->contact)) != FD_OK)
            return fd__error_rename(rc, fn, "complaint.contact");
    }
    /* R-CPL-2: a minor complaint is resolved within 2 days or by the customer's deadline. */
    if (c->customer_due != 0 && !is(c->severity, "minor"))
        return fd__error(FD_EINVAL, "%s: complaint.customer_due: only a minor complaint takes the customer's "
                         "deadline; a %s one has the policy's (R-CPL-2)", fn, c->severity);
    return check_customer_due(fn, "complaint.customer_due", c);
}

/* --- the lifecycle (R-CPL-3, R-CPL-4, R-CPL-5) -------------------------------- */

/* The states, in lifecycle order; a step's `from` is a set of them. */
enum {
    S_REGISTERED = 1 << 0,
    S_ASSESSED = 1 << 1,
    S_ASSIGNED = 1 << 2,
    S_INVESTIGATING = 1 << 3,
    S_PROPOSED = 1 << 4,
    S_CHOSEN = 1 << 5,
    S_IMPLEMENTED = 1 << 6,
    S_FOLLOWED_UP = 1 << 7,
    S_CLOSED = 1 << 8,
};
/* Open and still being worked on (waiting for the customer may pause it); open; with a department. */
#define S_WORKING (S_REGISTERED | S_ASSESSED | S_ASSIGNED | S_INVESTIGATING | S_PROPOSED | S_CHOSEN)
#define S_OPEN (S_WORKING | S_IMPLEMENTED)
#define S_HANDLED (S_ASSIGNED | S_INVESTIGATING | S_PROPOSED | S_CHOSEN | S_IMPLEMENTED)

/* What a step must carry (beside what its kind checks itself). */
enum { N_NOTE = 1, N_CAUSE = 2, N_SOLUTION = 4, N_PROPOSAL = 8, N_SATISFACTION = 16, N_SEVERITY = 32, N_TARGET = 64, N_ACCEPTED = 128 };

/*
 * The state machine in one table: the states a step may be taken in, the
 * state it leads to (NULL: it does not move the state) and what it must
 * carry. assess leads to `closed` when invalid; reopen to `registered` when
 * the complaint was invalid (it is assessed again). In lifecycle order:
 * fd_complaint_steps_allowed() lists in this order.
 */
static const struct step_rule {
    const char *kind;
    unsigned from;
    const char *to;
    unsigned needs;
} RULES[] = {
    { "assess", S_REGISTERED, "assessed", 0 },
    { "assign", S_ASSESSED, "assigned", 0 },
    { "investigate", S_ASSIGNED, "investigating", N_CAUSE },
    { "propose", S_INVESTIGATING | S_PROPOSED, "proposed", N_SOLUTION },
    { "choose", S_PROPOSED, "chosen", N_PROPOSAL },
    { "implement", S_CHOSEN, "implemented", N_ACCEPTED },
    { "followup", S_IMPLEMENTED, "followed_up", N_SATISFACTION },
    { "close", S_FOLLOWED_UP, "closed", N_NOTE },
    { "reopen", S_FOLLOWED_UP | S_CLOSED, "assigned", N_NOTE },
    { "pause", S_WORKING, NULL, N_NOTE },
    { "resume", S_WORKING, NULL, 0 },
    { "contact", S_HANDLED, NULL, 0 },
    { "answer", S_OPEN, NULL, 0 },
    { "report", S_HANDLED, NULL, 0 },
    { "reply", S_HANDLED, NULL, 0 },
    { "escalate", S_OPEN | S_FOLLOWED_UP, NULL, N_NOTE | N_TARGET },
    { "severity", S_OPEN, NULL, N_NOTE | N_SEVERITY },
    { "harm", S_OPEN, NULL, N_NOTE },
    { "harm_cleared", S_OPEN | S_FOLLOWED_UP, NULL, N_NOTE },
};
#define NRULES (sizeof RULES / sizeof RULES[0])

/* The bit of state @state, 0 when it is not a state. */
static unsigned state_bit(const char *state)
{
    unsigned i = 0;
    for (const fd__code *e = STATE; e->code; e++, i++)
        if (is(state, e->code))
            return 1u << i;
    return 0;
}

/* "assess, pause, resume, ..." — the steps state bit @bit allows — into @b. */
static void allowed_list(char *b, size_t cap, unsigned bit)
{
    size_t n = 0;
    b[0] = '\0';
    for (size_t i = 0; i < NRULES && n + 1 < cap; i++)
        if (RULES[i].from & bit)
            n += (size_t)snprintf(b + n, cap - n, "%s%s", n ? ", " : "", RULES[i].kind);
}

fd_status fd_complaint_step_init(fd_complaint_step *step, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_complaint_step_init", "step", step);
    if (rc)
        return rc;
    if (version != FD_COMPLAINT_STEP_VERSION)
        return fd__error(FD_EINVAL, "fd_complaint_step_init: version: %u, this library knows %d", version,
                         FD_COMPLAINT_STEP_VERSION);
    fd_complaint_step init = FD_COMPLAINT_STEP_INIT;
    *step = init;
    return FD_OK;
}

fd_status fd_complaint_steps_allowed(fd_buf *out, const char *state)
{
    static const char fn[] = "fd_complaint_steps_allowed";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    unsigned bit = state_bit(state);
    if (bit == 0)
        return fd__code_check(&CODES, fn, "state", "state", state ? state : "", false);
    char list[256];
    allowed_list(list, sizeof list, bit);
    return fd__buf_puts(out, list);
}

/* FD_ESTATE naming the state (and its label) and what it allows, after @why. */
static fd_status refused(const char *fn, const fd_complaint *c, const char *why)
{
    char list[256];
    allowed_list(list, sizeof list, state_bit(c->state));
    return fd__error(FD_ESTATE, "%s: state: %s (%s) allows %s; %s", fn, c->state,
                     fd_complaint_code_label("state", c->state), list, why);
}

/* The checks of what step @r carries (R-CPL-3: every field a step fills is named when missing). */
static fd_status check_fields(const char *fn, const struct step_rule *r, const fd_complaint *c,
                              const fd_complaint_step *s)
{
    bool assess = is(r->kind, "assess");
    fd_status rc = fd__check_note(fn, "step.note", s->note, 2000,
                                  (r->needs & N_NOTE) != 0 || (assess && s->valid == 0));
    if (rc == FD_OK && assess && s->valid != 0 && s->valid != 1)
        rc = fd__error(FD_EINVAL, "%s: step.valid: %d is neither 1 (valid) nor 0 (invalid)", fn, s->valid);
    if (rc == FD_OK && is(r->kind, "assign")) {
        if (s->department_id <= 0)
            rc = fd__error(FD_EINVAL, "%s: step.department_id: is required: the responsible department (R-CPL-3)", fn);
        else if ((rc = fd__check_instant(fn, "step.promised_at", s->promised_at)) == FD_OK &&
                 s->promised_at <= c->received_at)
            rc = fd__error(FD_EINVAL, "%s: step.promised_at: is required and after the complaint was received: the "
                           "time asked of the customer (R-CPL-3)", fn);
    }
    if (rc == FD_OK && (r->needs & N_CAUSE)) {
        rc = fd__check_note(fn, "step.cause", s->cause, 1000, true);
        if (rc == FD_OK)
            rc = fd__check_note(fn, "step.responsible", s->responsible, 100, false);
    }
    if (rc == FD_OK && (r->needs & N_SOLUTION))
        rc = fd__check_note(fn, "step.solution", s->solution, 1000, true);
    if (rc == FD_OK && (r->needs & N_PROPOSAL) && s->proposal_id <= 0)
        rc = fd__error(FD_EINVAL, "%s: step.proposal_id: is required: the propose step the supervisor picks", fn);
    if (rc == FD_OK && (r->needs & N_ACCEPTED) && s->accepted != 1)
        rc = fd__error(FD_EINVAL, "%s: step.accepted: is required: the customer told of the work done signs its "
                       "acceptance (R-CPL-3)", fn);
    if (rc == FD_OK && (r->needs & N_SATISFACTION))
        rc = fd__code_check(&CODES, fn, "step.satisfaction", "satisfaction", s->satisfaction, false);
    if (rc == FD_OK && (r->needs & N_SEVERITY))
        rc = fd__code_check(&CODES, fn, "step.severity", "severity", s->severity, false);
    if (rc == FD_OK && (r->needs & N_TARGET))
        rc = fd__code_check(&CODES, fn, "step.target", "target", s->target, false);
    if (rc == FD_OK && s->happened_at != 0)
        rc = fd__check_instant(fn, "step.happened_at", s->happened_at);
    if (rc == FD_OK && s->happened_at != 0 && s->happened_at < c->received_at) {
        char d[FD__DURATION_MAX];
        fd__duration_words(d, c->received_at - s->happened_at);
        rc = fd__error(FD_ERANGE, "%s: step.happened_at: %s before the complaint was received", fn, d);
    }
    return rc;
}

fd_status fd_complaint_step_check(const char **to_state, const fd_complaint *c, const fd_complaint_step *step)
{
    static const char fn[] = "fd_complaint_step_check";
    fd_status rc = fd__check_ptr(fn, "to_state", to_state);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "c", c);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "step", step);
    if (rc)
        return rc;
    if (step->version != FD_COMPLAINT_STEP_VERSION)
        return fd__error(FD_EINVAL, "%s: step.version: %u, this library knows %d", fn, step->version,
                         FD_COMPLAINT_STEP_VERSION);
    if (state_bit(c->state) == 0)
        return fd__code_check(&CODES, fn, "c.state", "state", c->state ? c->state : "", false);
    const struct step_rule *r = NULL;
    for (size_t i = 0; i < NRULES && r == NULL; i++)
        if (is(step->kind, RULES[i].kind))
            r = &RULES[i];
    if (r == NULL) {
        if (is(step->kind, "register"))
            return fd__error(FD_EINVAL, "%s: step.kind: register is the registration (fd_store_complaint_add), "
                             "not a step", fn);
        return fd__code_check(&CODES, fn, "step.kind", "step", step->kind ? step->kind : "", false);
    }
    if (!(r->from & state_bit(c->state))) {
        char why[64];
        snprintf(why, sizeof why, "not %s", r->kind);
        return refused(fn, c, why);
    }
    /* The flags (R-CPL-2 waiting, R-CPL-4 report, R-CPL-5 harm): refusals that name the flag. */
    bool invalid = is(r->kind, "assess") && step->valid == 0;
    if (is(r->kind, "pause") && c->waiting)
        return refused(fn, c, "not pause: waiting for the customer already (resume)");
    if (is(r->kind, "resume") && !c->waiting)
        return refused(fn, c, "not resume: not waiting for the customer");
    if ((is(r->kind, "implement") || invalid) && c->waiting)
        return refused(fn, c, "waiting for the customer: resume before the work ends");
    if (is(r->kind, "harm") && c->harm)
        return refused(fn, c, "not harm: harm is flagged already (R-CPL-5)");
    if (is(r->kind, "harm_cleared") && !c->harm)
        return refused(fn, c, "not harm_cleared: no harm is flagged");
    if (is(r->kind, "close") && c->harm)
        return refused(fn, c, "not close: harm is still going on: stop it first, then harm_cleared (R-CPL-5)");
    if (is(r->kind, "reply") && c->reported_at == 0)
        return refused(fn, c, "not reply: the department has not reported back yet (report first, R-CPL-4)");
    if ((rc = check_fields(fn, r, c, step)) != FD_OK)
        return rc;
    if (is(r->kind, "severity") && is(step->severity, c->severity))
        return fd__error(FD_EINVAL, "%s: step.severity: the complaint is %s (%s) already: a severity step changes it "
                         "to another", fn, c->severity, fd_complaint_code_label("severity", c->severity));
    const char *to = r->to ? r->to : c->state;
    if (invalid)
        to = "closed";
    else if (is(r->kind, "reopen") && is(c->validity, "invalid"))
        to = "registered";
    /* A static string: the state's entry in the list. */
    for (const fd__code *e = STATE; e->code; e++)
        if (is(to, e->code))
            *to_state = e->code;
    return FD_OK;
}

/* --- targets (R-CPL-2, R-CPL-4) ---------------------------------------------- */

/* One target's static terms: which key times it, what starts and meets it. */
typedef struct target_def {
    const char *target;
    const char *key;
    const char *start_step;
    const char *met_by;
    int paused_by_waiting;
} target_def;

static const target_def T_DIRECTOR = { "director", "complaint.major.escalate_days", "register", "escalate", 0 };
static const target_def T_ANSWER = { "answer", "complaint.major.answer_days", "register", "answer", 0 };
static const target_def T_MAJOR_RESOLVE = { "resolve", "complaint.major.resolve_days", "register", "implement", 1 };
static const target_def T_ESCALATE = { "escalate", "complaint.important.escalate_minutes", "register", "escalate",
                                       0 };
static const target_def T_IMPORTANT_RESOLVE = { "resolve", "complaint.important.resolve_days", "register",
                                                "implement", 1 };
static const target_def T_MINOR_RESOLVE = { "resolve", "complaint.minor.resolve_days", "register", "implement", 1 };
static const target_def T_REPLY = { "reply", "complaint.result_notify_days", "report", "reply", 0 };

static const struct {
    const char *severity;
    const target_def *targets[FD_COMPLAINT_TARGETS_MAX];
} PLANS[] = {
    { "major", { &T_DIRECTOR, &T_ANSWER, &T_MAJOR_RESOLVE, &T_REPLY } },
    { "important", { &T_ESCALATE, &T_IMPORTANT_RESOLVE, &T_REPLY, NULL } },
    { "minor", { &T_MINOR_RESOLVE, &T_REPLY, NULL, NULL } },
};

fd_status fd_complaint_target_plan_of(fd_complaint_target_plan out[FD_COMPLAINT_TARGETS_MAX], size_t *n,
                                      const char *severity, const fd_policy *policy)
{
    static const char fn[] = "fd_complaint_target_plan_of";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "n", n);
    if (rc == FD_OK)
        rc = fd__code_check(&CODES, fn, "severity", "severity", severity, false);
    if (rc)
        return rc;
    fd_complaint_target_plan plan[FD_COMPLAINT_TARGETS_MAX];
    size_t count = 0;
    for (size_t p = 0; p < sizeof PLANS / sizeof PLANS[0]; p++) {
        if (!is(severity, PLANS[p].severity))
            continue;
        for (size_t i = 0; i < FD_COMPLAINT_TARGETS_MAX && PLANS[p].targets[i]; i++) {
            const target_def *d = PLANS[p].targets[i];
            fd_complaint_target_plan *t = &plan[count++];
            memset(t, 0, sizeof *t);
            t->version = FD_COMPLAINT_TARGET_PLAN_VERSION;
            t->target = d->target;
            t->policy_key = d->key;
            t->start_step = d->start_step;
            t->met_by = d->met_by;
            t->paused_by_waiting = d->paused_by_waiting;
            if ((rc = fd_policy_get_deadline(&t->amount, &t->unit, policy, d->key)) != FD_OK)
                return fd__error_rename(rc, fn, NULL);
        }
    }
    memcpy(out, plan, count * sizeof plan[0]);
    *n = count;
    return FD_OK;
}

/* When an event happened: its happened_at when noted later, else when it was recorded. */
static int64_t event_at(const fd_complaint_event *e)
{
    return e->happened_at ? e->happened_at : e->created_at;
}

/* Checks @plan's terms: a version, a target code, a start step, a meeting step and a unit. */
static fd_status check_plan(const char *fn, const fd_complaint_target_plan *p)
{
    if (p->version != FD_COMPLAINT_TARGET_PLAN_VERSION)
        return fd__error(FD_EINVAL, "%s: plan.version: %u, this library knows %d", fn, p->version,
                         FD_COMPLAINT_TARGET_PLAN_VERSION);
    fd_status rc = fd__code_check(&CODES, fn, "plan.target", "target", p->target, false);
    if (rc == FD_OK && !is(p->start_step, "register") && !is(p->start_step, "report"))
        rc = fd__error(FD_EINVAL, "%s: plan.start_step: '%.32s' is neither register nor report", fn,
                       p->start_step ? p->start_step : "(null)");
    if (rc == FD_OK)
        rc = fd__code_check(&CODES, fn, "plan.met_by", "step", p->met_by, false);
    if (rc == FD_OK && fd__unit_name(p->unit)[0] == '\0')
        rc = fd__error(FD_EINVAL, "%s: plan.unit: %d is not an FD_CALENDAR_UNIT_* value", fn, p->unit);
    return rc;
}

/* Checks that @events are one complaint's (@c's when it has an id), in id order, and not before it was received. */
static fd_status check_events(const char *fn, const fd_complaint *c, const fd_complaint_event *ev, size_t n)
{
    int64_t owner = c->id ? c->id : n ? ev[0].complaint_id : 0;
    for (size_t i = 0; i < n; i++) {
        if (ev[i].kind == NULL)
            return fd__error(FD_EINVAL, "%s: events[%zu].kind: is required", fn, i);
        if (ev[i].complaint_id != owner)
            return fd__error(FD_EINVAL, "%s: events[%zu].complaint_id: %lld, not complaint %lld: events of another "
                             "complaint", fn, i, (long long)ev[i].complaint_id, (long long)owner);
        if (i > 0 && (ev[i].id <= ev[i - 1].id || event_at(&ev[i]) < event_at(&ev[i - 1])))
            return fd__error(FD_EINVAL, "%s: events[%zu]: out of order (events are replayed as stored, by id, each "
                             "not before the one before it)", fn, i);
        if (event_at(&ev[i]) < c->received_at) {
            char d[FD__DURATION_MAX];
            fd__duration_words(d, c->received_at - event_at(&ev[i]));
            return fd__error(FD_EINVAL, "%s: events[%zu]: happened %s before the complaint was received", fn, i, d);
        }
    }
    return FD_OK;
}

/* Whether event @e meets target @p: its meeting step (an escalation of that very target). */
static bool meets(const fd_complaint_target_plan *p, const fd_complaint_event *e)
{
    return is(e->kind, p->met_by) && (!is(p->met_by, "escalate") || is(e->detail, p->target));
}

/* The clock's pauses as fd_sla_restore() takes them: instant pairs, grown as needed. */
typedef struct pauses {
    int64_t *v;
    size_t n, cap;
} pauses;

static fd_status pause_add(pauses *p, const char *fn, int64_t from, int64_t to)
{
    if (p->n + 2 > p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        int64_t *v = realloc(p->v, cap * sizeof *v);
        if (v == NULL)
            return fd__oom(fn);
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = from;
    p->v[p->n++] = to;
    return FD_OK;
}

/*
 * The replay (R-CPL-2): what the events up to @now say of target @p — when
 * its clock started (0: not yet), the intervals it stood still (waiting for
 * the customer when the plan pauses for it; between a meeting step and a
 * reopen), a pause running now, when it was met, and the seconds waited.
 */
typedef struct replay {
    int64_t start, met, pause_at, waited;
    bool paused, closed; /* closed: the clock was ended by the closing, not by its meeting step */
    pauses stops;
} replay;

static fd_status replay_events(replay *r, const char *fn, const fd_complaint_target_plan *p, const fd_complaint *c,
                               const fd_complaint_event *ev, size_t n, int64_t now)
{
    bool by_report = is(p->start_step, "report");
    /* Reopen reopens the resolve and reply targets; the others stay as they ended. */
    bool reopens = by_report || is(p->met_by, "implement");
    memset(r, 0, sizeof *r);
    if (!by_report && c->received_at <= now)
        r->start = c->received_at;
    fd_status rc = FD_OK;
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        const fd_complaint_event *e = &ev[i];
        int64_t at = event_at(e);
        if (at > now)
            break;
        if (r->start == 0) {
            if (by_report && is(e->kind, "report"))
                r->start = at;
            continue;
        }
        if (r->met) {
            if (is(e->kind, "reopen") && reopens) {
                r->closed = false;
                if (by_report) { /* answered again after the department's next report */
                    r->start = r->met = 0;
                    r->stops.n = 0;
                } else { /* the clock stood still while the complaint was taken as resolved */
                    rc = pause_add(&r->stops, fn, r->met, at);
                    r->met = 0;
                }
            }
            continue;
        }
        bool met = meets(p, e), ends = met || is(e->to_state, "closed"); /* closing ends every clock */
        if (p->paused_by_waiting && is(e->kind, "pause") && !r->paused) {
            r->paused = true;
            r->pause_at = at;
        } else if (r->paused && (is(e->kind, "resume") || ends)) {
            r->paused = false;
            r->waited += at - r->pause_at;
            rc = pause_add(&r->stops, fn, r->pause_at, at);
        }
        if (ends && rc == FD_OK) {
            r->met = at;
            r->closed = !met; /* stopped by the closing, not met */
        }
    }
    return rc;
}

fd_status fd_complaint_target_eval(fd_complaint_clock *out, const fd_complaint_target_plan *plan,
                                   const fd_complaint *c, const fd_complaint_event *events, size_t n,
                                   const fd_calendar *cal, const fd_policy *policy, int64_t now)
{
    static const char fn[] = "fd_complaint_target_eval";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "plan", plan);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "c", c);
    if (rc == FD_OK && n > 0)
        rc = fd__check_ptr(fn, "events", events);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = check_plan(fn, plan);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "c.received_at", c->received_at);
    if (rc == FD_OK)
        rc = check_customer_due(fn, "c.customer_due", c);
    if (rc == FD_OK)
        rc = check_events(fn, c, events, n);
    if (rc)
        return rc;
    fd_complaint_clock k;
    memset(&k, 0, sizeof k);
    k.version = FD_COMPLAINT_CLOCK_VERSION;
    replay r;
    if ((rc = replay_events(&r, fn, plan, c, events, n, now)) != FD_OK) {
        free(r.stops.v);
        return rc;
    }
    if (r.start == 0) { /* not started: no due, nothing to breach */
        free(r.stops.v);
        *out = k;
        return FD_OK;
    }
    /* The clock up to the pause running now (if any): its due is the one that stands while paused. */
    fd_sla *sla = NULL;
    rc = fd_sla_restore(&sla, cal, r.start, plan->amount, plan->unit, policy, r.stops.v, r.stops.n);
    free(r.stops.v);
    int64_t due = 0, left = 0;
    fd_buf version = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd_sla_due(&due, sla);
    if (rc == FD_OK)
        rc = fd_sla_version(&version, &k.provisional, sla);
    int64_t moment = r.met ? r.met : r.paused ? r.pause_at : now;
    /* R-CPL-2: a minor complaint's resolve target is the earlier of the policy's and the customer's
     * deadline; the customer's is an instant of theirs, which waiting does not move. */
    bool capped = is(plan->policy_key, "complaint.minor.resolve_days") && c->customer_due > 0 && c->customer_due < due;
    if (rc == FD_OK && !r.met && !capped)
        rc = fd_sla_remaining(&left, sla, moment);
    fd_sla_free(sla);
    if (rc) {
        fd_buf_dispose(&version);
        return fd__error_context(rc, "%s: the %s target's deadline", fn, plan->target);
    }
    if (capped)
        due = c->customer_due;
    k.start_at = r.start;
    k.due_at = r.paused ? 0 : due;
    k.paused = r.paused;
    k.paused_s = r.waited + (r.paused ? now - r.pause_at : 0);
    k.met_at = r.met;
    k.closed = r.closed;
    k.breached = moment > due;
    k.remaining = r.met ? 0 : capped ? due - moment : left;
    fd__copy_fixed(k.version_text, sizeof k.version_text, version.ptr ? version.ptr : "");
    fd_buf_dispose(&version);
    *out = k;
    return FD_OK;
}
