/*
 * The calls module's pure rules (issue 11): the code lists with their Chinese
 * labels, rings and lateness (R-CALL-1), a call's checks (R-CALL-3, R-CALL-4,
 * R-CALL-7), call-backs (R-CALL-8), reply deadlines (R-CALL-9), overdue
 * messages (R-CALL-6), screening (R-CALL-5, R-CALL-6, R-CALL-12) and the hotel
 * switchboard's answer (R-CALL-11). No SQLite, no store: a Java suite with its
 * own database calls these over values.
 */
#include "internal.h"
#include "frontdesk/calls.h"
#include "frontdesk/phone.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <string.h>

/* --- code lists ---------------------------------------------------------- */

/* The code lists (fd__code_*, internal.h); Traditional input is folded to these. */
static const fd__code DIRECTION[] = {
    { "in", "来电", { NULL } },
    { "out", "去电", { NULL } },
    { "internal", "内部", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code DISPOSITION[] = {
    { "answered", "已接", { NULL } },
    { "no_answer", "未接", { NULL } },
    { "busy", "忙", { NULL } },
    { "failed", "失败", { NULL } },
    { "congestion", "拥塞", { NULL } },
    { "cancelled", "主叫挂断", { NULL } },
    { "dropped", "掉线", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CATEGORY[] = {
    { "inquiry", "咨询", { NULL } },
    { "suggestion", "建议", { NULL } },
    { "complaint", "投诉", { NULL } },
    { "praise", "表扬", { NULL } },
    { "repair", "报修", { NULL } },
    { "fault", "报障", { NULL } },
    { "business", "业务联系", { NULL } },
    { "private", "私人", { NULL } },
    { "wrong_number", "错拨", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CHANNEL[] = {
    { "hotline", "热线", { NULL } },
    { "switchboard", "总机", { NULL } },
    { "extension", "分机", { NULL } },
    { "mobile", "手机", { NULL } },
    { "other", "其他", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code APOLOGY[] = {
    { "given", "已致歉", { NULL } },
    { "omitted", "未致歉", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CALLER_TYPE[] = {
    { "customer", "客户", { NULL } },
    { "supplier", "供应商", { NULL } },
    { "sales", "推销", { NULL } },
    { "staff", "员工", { NULL } },
    { "other", "其他", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code TASK_KIND[] = {
    { "callback", "回拨", { NULL } },
    { "reply", "答复", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code TASK_STATE[] = {
    { "open", "待办", { NULL } },
    { "done", "已办", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code MESSAGE_STATE[] = {
    { "taken", "已记录", { NULL } },
    { "delivered", "已送达", { NULL } },
    { "expired", "已过期", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code DELIVERED_HOW[] = {
    { "in_person", "当面", { NULL } },
    { "phone", "电话", { NULL } },
    { "sms", "短信", { NULL } },
    { "wechat", "微信", { NULL } },
    { "email", "邮件", { NULL } },
    { "note", "便条", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ENTRY_KIND[] = {
    { "person", "个人", { NULL } },
    { "department", "部门", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code PRESENCE[] = {
    { "in", "在岗", { NULL } },
    { "out", "外出", { NULL } },
    { "busy", "忙", { NULL } },
    { "dnd", "勿扰", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code_list LISTS[] = {
    { "direction", DIRECTION },
    { "disposition", DISPOSITION },
    { "category", CATEGORY },
    { "channel", CHANNEL },
    { "apology", APOLOGY },
    { "caller_type", CALLER_TYPE },
    { "task_kind", TASK_KIND },
    { "task_state", TASK_STATE },
    { "message_state", MESSAGE_STATE },
    { "delivered_how", DELIVERED_HOW },
    { "entry_kind", ENTRY_KIND },
    { "presence", PRESENCE },
};
static const fd__code_lists CODES = { LISTS, sizeof LISTS / sizeof LISTS[0] };

const char *fd_call_code_label(const char *field, const char *code)
{
    return fd__code_label(&CODES, field, code);
}

/* A code of list @field given in a record: NULL or empty passes when @optional. */
static fd_status check_code(const char *fn, const char *qname, const char *field, const char *code, bool optional)
{
    return fd__code_check(&CODES, fn, qname, field, code, optional);
}

fd_status fd_call_code_parse(fd_buf *out, const char *field, const char *text)
{
    return fd__code_parse(out, &CODES, "fd_call_code_parse", field, text);
}

/* --- the call's rules ------------------------------------------------------ */

fd_status fd_call_rings(int64_t *out, int64_t ring_at, int64_t answer_at, const fd_policy *policy)
{
    static const char fn[] = "fd_call_rings";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "ring_at", ring_at);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "answer_at", answer_at);
    if (rc)
        return rc;
    if (answer_at < ring_at)
        return fd__error(FD_EINVAL, "%s: answer_at: %lld s before ring_at", fn, (long long)(ring_at - answer_at));
    int64_t period = fd__policy_value(policy, FD__POL_CALL_RING_PERIOD_S);
    int64_t wait = answer_at - ring_at;
    /* R-CALL-1: the first ring starts at ring_at, so an answer within it is ring 1. */
    int64_t rings = wait == 0 ? 1 : (wait + period - 1) / period;
    *out = rings;
    return FD_OK;
}

/* NULL, "" or only white space: nothing was said. */
static bool empty(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

/* An outgoing or internal call from one of our extensions: 1 to 6 ASCII digits. */
static bool extension_call(const fd_call *c)
{
    size_t n = strlen(c->caller_number);
    if (n < 1 || n > 6 || !(is(c->direction, "out") || is(c->direction, "internal")))
        return false;
    for (size_t i = 0; i < n; i++)
        if (c->caller_number[i] < '0' || c->caller_number[i] > '9')
            return false;
    return true;
}

fd_status fd_call_assess(fd_call *call, const fd_policy *policy)
{
    static const char fn[] = "fd_call_assess";
    fd_status rc = fd__check_ptr(fn, "call", call);
    if (rc)
        return rc;
    if ((rc = fd_call_check(call)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    fd_call c = *call;
    if ((rc = check_code(fn, "call.direction", "direction", c.direction, false)) != FD_OK ||
        (rc = check_code(fn, "call.disposition", "disposition", c.disposition, false)) != FD_OK ||
        (rc = check_code(fn, "call.category", "category", c.category, true)) != FD_OK ||
        (rc = check_code(fn, "call.channel", "channel", c.channel, true)) != FD_OK ||
        (rc = check_code(fn, "call.caller_type", "caller_type", c.caller_type, true)) != FD_OK ||
        (rc = check_code(fn, "call.apology", "apology", c.apology, true)) != FD_OK)
        return rc;
    bool answered_code = is(c.disposition, "answered");
    /* A dropped call may have been answered before the line dropped; the others were not. */
    bool never_answered = !answered_code && !is(c.disposition, "dropped");
    /* R-CALL-1: the instants in order; a call rang at some moment (0 is "not set", never 1970). */
    if (c.ring_at <= 0)
        return fd__error(FD_EINVAL, "%s: call.ring_at: is required (UTC seconds after 1970; 0 is not a time)", fn);
    if (c.answer_at != 0 && c.answer_at < c.ring_at)
        return fd__error(FD_EINVAL, "%s: call.answer_at: %lld s before call.ring_at", fn,
                         (long long)(c.ring_at - c.answer_at));
    if (c.ring_leg_at != 0 && c.ring_leg_at < c.ring_at)
        return fd__error(FD_EINVAL, "%s: call.ring_leg_at: %lld s before call.ring_at", fn,
                         (long long)(c.ring_at - c.ring_leg_at));
    if (c.ring_leg_at != 0 && c.answer_at != 0 && c.ring_leg_at > c.answer_at)
        return fd__error(FD_EINVAL, "%s: call.ring_leg_at: %lld s after call.answer_at", fn,
                         (long long)(c.ring_leg_at - c.answer_at));
    int64_t end_floor = c.answer_at ? c.answer_at : c.ring_at;
    if (c.end_at != 0 && c.end_at < end_floor)
        return fd__error(FD_EINVAL, "%s: call.end_at: %lld s before call.%s", fn, (long long)(end_floor - c.end_at),
                         c.answer_at ? "answer_at" : "ring_at");
    if (answered_code && c.answer_at == 0)
        return fd__error(FD_EINVAL, "%s: call.answer_at: required for an answered call (call.disposition answered)",
                         fn);
    if (never_answered && c.answer_at != 0)
        return fd__error(FD_EINVAL, "%s: call.answer_at: set on a call that was not answered (call.disposition %s)",
                         fn, c.disposition);
    /* R-CALL-1: rings on the answering leg when an import gives it, lateness by policy. */
    c.rings = 0;
    c.late = 0;
    if (c.answer_at != 0) {
        int64_t from = c.ring_leg_at ? c.ring_leg_at : c.ring_at;
        if ((rc = fd_call_rings(&c.rings, from, c.answer_at, policy)) != FD_OK)
            return fd__error_rename(rc, fn, "call.answer_at");
        c.late = c.rings > fd__policy_value(policy, FD__POL_CALL_MAX_RINGS);
    }
    bool at_desk = empty(c.source);
    if (c.late && at_desk && empty(c.apology))
        return fd__error(FD_EINVAL,
                         "%s: call.apology: answered after %lld rings (more than call.max_rings %lld): say whether "
                         "the apology 「对不起，让您久等了」 was given",
                         fn, (long long)c.rings, (long long)fd__policy_value(policy, FD__POL_CALL_MAX_RINGS));
    if (!c.late && !empty(c.apology))
        return fd__error(FD_EINVAL, "%s: call.apology: '%s' on a call that was not late (%lld rings, call.max_rings "
                         "%lld): leave it empty",
                         fn, c.apology, (long long)c.rings, (long long)fd__policy_value(policy, FD__POL_CALL_MAX_RINGS));
    /* R-CALL-3: an answered incoming call logged at the desk says what it was about;
     * R-CALL-7: a wrong number needs nothing else; a private call is not business. */
    if (c.answer_at != 0 && is(c.direction, "in") && at_desk) {
        if (empty(c.category))
            return fd__error(FD_EINVAL, "%s: call.category: required for an answered incoming call (R-CALL-3; "
                             "wrong_number for a wrong number, R-CALL-7)", fn);
        if (!is(c.category, "wrong_number") && !is(c.category, "private") && empty(c.matter))
            return fd__error(FD_EINVAL, "%s: call.matter: required for an answered incoming business call (R-CALL-3)",
                             fn);
    }
    if (c.unresolved && c.answer_at == 0)
        return fd__error(FD_EINVAL, "%s: call.unresolved: set on a call that was not answered (R-CALL-9)", fn);
    /* R-CALL-4: a non-business call longer than the limit, answer to end. */
    c.over_limit = is(c.category, "private") && c.answer_at != 0 && c.end_at != 0 &&
                   c.end_at - c.answer_at > fd__policy_value(policy, FD__POL_CALL_NON_BUSINESS_MAX_S);
    /* The caller's number is a Chinese phone number, except our own extension
     * calling out or inside, and what a PBX wrote on an imported call (a foreign
     * number): the legs keep it raw, the call must not be lost over it. */
    if (!empty(c.caller_number)) {
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, c.caller_number)) != FD_OK && at_desk && !extension_call(&c))
            return fd__error_rename(rc, fn, "call.caller_number");
    }
    *call = c;
    return FD_OK;
}

fd_status fd_call_needs_callback(int *out, const fd_call *call)
{
    static const char fn[] = "fd_call_needs_callback";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "call", call);
    if (rc)
        return rc;
    /* R-CALL-8: 掉线 on an incoming call is called back at once — when there is a number to call. */
    *out = is(call->direction, "in") && is(call->disposition, "dropped") && !empty(call->caller_number);
    return FD_OK;
}

fd_status fd_call_reply_due(int64_t *out, int *provisional, const fd_calendar *cal, int64_t from,
                            const fd_policy *policy)
{
    static const char fn[] = "fd_call_reply_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "provisional", provisional);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc)
        return rc;
    int64_t amount = 0;
    int unit = 0;
    if ((rc = fd_policy_get_deadline(&amount, &unit, policy, "call.unresolved_reply_working_days")) != FD_OK)
        return rc;
    /* R-CALL-9: working days on the site's calendar (holidays, 调休 make-up days). */
    fd_buf version = FD_BUF_INIT;
    int64_t due = 0;
    int prov = 0;
    rc = fd_calendar_deadline_info(&due, &prov, &version, cal, from, amount, unit, policy);
    fd_buf_dispose(&version);
    if (rc)
        return rc;
    *out = due;
    *provisional = prov;
    return FD_OK;
}

/* --- messages ------------------------------------------------------------ */

fd_status fd_message_overdue(int *out, const fd_message *message, int64_t now, const fd_policy *policy)
{
    static const char fn[] = "fd_message_overdue";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "message", message);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc)
        return rc;
    if (message->version != FD_MESSAGE_VERSION)
        return fd__error(FD_EINVAL, "%s: message.version: %u, this library knows %d", fn, message->version,
                         FD_MESSAGE_VERSION);
    if ((rc = fd__check_instant(fn, "message.taken_at", message->taken_at)) != FD_OK)
        return rc;
    /* R-CALL-6: delivered promptly; still taken past the limit is overdue. */
    int64_t limit = fd__policy_value(policy, FD__POL_MSG_DELIVER_MINUTES) * 60;
    *out = is(message->state, "taken") && now - message->taken_at > limit;
    return FD_OK;
}

/* --- directory: screening ------------------------------------------------- */

static void decide(fd_screen_decision *out, int action, int64_t route, const char *script, const char *rule)
{
    out->version = FD_SCREEN_DECISION_VERSION;
    out->action = action;
    out->route_entry = route;
    out->script = script;
    out->rule = rule;
}

fd_status fd_dir_screen(fd_screen_decision *out, const fd_dir_entry *entry, const char *caller_type, int64_t now)
{
    static const char fn[] = "fd_dir_screen";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "entry", entry);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK && entry->version != FD_DIR_ENTRY_VERSION)
        rc = fd__error(FD_EINVAL, "%s: entry.version: %u, this library knows %d", fn, entry->version,
                       FD_DIR_ENTRY_VERSION);
    if (rc == FD_OK)
        rc = check_code(fn, "caller_type", "caller_type", caller_type, true);
    if (rc == FD_OK)
        rc = check_code(fn, "entry.presence", "presence", entry->presence, true);
    if (rc == FD_OK && !empty(entry->screen) && !is(entry->screen, "screen"))
        rc = fd__error(FD_EINVAL, "%s: entry.screen: '%.32s' is not 'screen' or empty", fn, entry->screen);
    if (rc)
        return rc;
    /* R-CALL-12: a screened entry sends customers and suppliers where they belong
     * (when the entry names where) and declines sales. */
    if (is(entry->screen, "screen")) {
        if (is(caller_type, "sales")) {
            decide(out, FD_SCREEN_DECLINE, 0,
                   "对不起，我们暂时没有这方面的需要。请您留下单位、姓名和联系方式，有需要时我们会与您联系。",
                   "R-CALL-12");
            return FD_OK;
        }
        if (is(caller_type, "customer") && entry->manager_entry > 0) {
            decide(out, FD_SCREEN_ROUTE, entry->manager_entry, "您的业务由客户经理负责，我帮您转接，请稍等。",
                   "R-CALL-12");
            return FD_OK;
        }
        if (is(caller_type, "supplier") && entry->purchasing_entry > 0) {
            decide(out, FD_SCREEN_ROUTE, entry->purchasing_entry, "供应商事宜由采购部负责，我帮您转接，请稍等。",
                   "R-CALL-12");
            return FD_OK;
        }
    }
    /* R-CALL-5: a leader is put through only once the caller is known and the leader agrees. */
    if (entry->confidential) {
        decide(out, FD_SCREEN_CONFIRM, 0, "请问您贵姓？哪个单位？我先帮您联系一下。", "R-CALL-5");
        return FD_OK;
    }
    /* R-CALL-6: away, busy or not to be disturbed (until a time still to come): offer a message. */
    bool away = is(entry->presence, "out") || is(entry->presence, "busy") || is(entry->presence, "dnd");
    if (away && (entry->presence_until == 0 || entry->presence_until > now)) {
        decide(out, FD_SCREEN_MESSAGE, 0, "对不起，您找的人现在不方便接听。请问需要留言，还是稍后给您回电？",
               "R-CALL-6");
        return FD_OK;
    }
    decide(out, FD_SCREEN_TRANSFER, 0, "请稍等，我帮您转接。", "R-CALL-6");
    return FD_OK;
}

/* --- hotel switchboard ------------------------------------------------------ */

fd_status fd_guest_answer_for(int *out, const fd_guest *guest, fd_date today, int may_reveal)
{
    static const char fn[] = "fd_guest_answer_for";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "today", today);
    if (rc)
        return rc;
    /* R-CALL-11: an incognito guest does not exist for whoever may not see them. */
    if (guest == NULL || (guest->incognito && !may_reveal))
        *out = FD_GUEST_NONE;
    else if (guest->checked_out_at != 0)
        *out = FD_GUEST_CHECKED_OUT;
    else if (fd__date_cmp(today, guest->arrival) < 0)
        *out = FD_GUEST_NOT_ARRIVED;
    else
        *out = FD_GUEST_IN_HOUSE;
    return FD_OK;
}

const char *fd_guest_answer_name(int answer)
{
    switch (answer) {
    case FD_GUEST_IN_HOUSE: return "in_house";
    case FD_GUEST_CHECKED_OUT: return "checked_out";
    case FD_GUEST_NOT_ARRIVED: return "not_arrived";
    case FD_GUEST_NONE: return "none";
    default: return "";
    }
}
