/*
 * Arrears, dunning and the limitation clock of the fees module
 * (frontdesk/fees.h, issue 14 item 5; R-FEE-2, R-FEE-6): the age bucket of a
 * debt, the end of its three-year limitation period (Civil Code art. 188,
 * 195, 201-203), the dunning state machine (reminder → letter → visit →
 * legal) and its refusals (art. 944), and the payment and dunning notices
 * rendered from a template. No SQLite, no store: a Java suite with its own
 * database calls these over values, and the store calls the same functions.
 */
#include "internal.h"
#include "frontdesk/fees.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <string.h>

static const fd_date NONE_DATE = { 0, 0, 0 };

static bool date_unset(fd_date d)
{
    return d.year == 0 && d.month == 0 && d.day == 0;
}

/* --- limitation (Civil Code art. 188, 195, 201-203) ----------------------- */

fd_status fd_fee_limitation_end(fd_date *out, fd_date due_on, fd_date last_demand_on, const fd_calendar *cal)
{
    static const char fn[] = "fd_fee_limitation_end";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "due_on", due_on);
    if (rc == FD_OK && !date_unset(last_demand_on))
        rc = fd__check_date(fn, "last_demand_on", last_demand_on);
    if (rc)
        return rc;
    /* art. 195: a demand interrupts the period, which runs anew from it; a
     * "demand" before the debt was due interrupts nothing */
    fd_date from = due_on;
    if (!date_unset(last_demand_on) && fd__date_cmp(last_demand_on, due_on) > 0)
        from = last_demand_on;
    /* art. 201: the day it starts is not counted; art. 202: three years end on
     * the corresponding day, or the month's last day when there is none (29 Feb) */
    if (from.year > 9999 - 3)
        return fd__error(FD_ERANGE, "%s: due_on: the limitation of a debt from %04d would end after 9999", fn,
                         (int)from.year);
    fd_date end = { from.year + 3, from.month, from.day };
    int dim = fd__days_in_month(end.year, end.month);
    if (end.day > dim)
        end.day = dim;
    /* art. 203: a last day on a statutory day of rest (a holiday or a weekend
     * not made a working day) moves to the day after the rest ends */
    int work = 0;
    if ((rc = fd_calendar_is_workday(&work, cal, end)) != FD_OK)
        return fd__error_rename(rc, fn, "cal");
    if (!work && (rc = fd_calendar_next_workday(&end, cal, end)) != FD_OK)
        return fd__error_rename(rc, fn, "cal");
    *out = end;
    return FD_OK;
}

/* --- codes: the lists are billing's (codes.c, fd_fee_code_label()); the order of steps is here */

static const char *const STEP[] = { "reminder", "letter", "visit", "legal" };
static const char *const BUCKET[] = { "d0_30", "d31_90", "d91_180", "d181_365", "over_365" };

/* FD_EINVAL naming @field unless @code is in list @list ("step", "channel"); NULL or "" pass when @optional. */
static fd_status code_check(const char *fn, const char *field, const char *list, const char *code, bool optional)
{
    if (optional && (!code || !*code))
        return FD_OK;
    if (code && fd_fee_code_label(list, code))
        return FD_OK;
    return fd__error(FD_EINVAL, "%s: %s: not a %s: %s", fn, field, list,
                     strcmp(list, "step") == 0 ? "reminder 电话短信提醒, letter 正式催缴函, visit 上门催缴, legal 法律途径"
                                               : "phone 电话, sms 短信, express 特快专递, visit 上门, lawyer 律师函, court 诉讼");
}

/* --- age buckets ---------------------------------------------------------- */

/* The upper bound (days past due, inclusive) of each bucket but the last. */
static const int64_t BUCKET_MAX[] = { 30, 90, 180, 365 };

const char *fd_fee_bucket_code(int index)
{
    return index >= 0 && index < FD_FEE_BUCKET_COUNT ? BUCKET[index] : NULL;
}

int fd_fee_bucket_of_days(int64_t days_past_due)
{
    if (days_past_due <= 0)
        return -1;
    for (int i = 0; i < FD_FEE_BUCKET_COUNT - 1; i++)
        if (days_past_due <= BUCKET_MAX[i])
            return i;
    return FD_FEE_BUCKET_COUNT - 1;
}

fd_status fd_fee_age_bucket(fd_buf *out, fd_date due_on, fd_date as_of)
{
    static const char fn[] = "fd_fee_age_bucket";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "due_on", due_on);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "as_of", as_of);
    if (rc)
        return rc;
    int64_t days = fd__days_from_civil(as_of.year, as_of.month, as_of.day) -
                   fd__days_from_civil(due_on.year, due_on.month, due_on.day);
    int b = fd_fee_bucket_of_days(days);
    return b < 0 ? FD_OK : fd__buf_puts(out, BUCKET[b]);
}

/* --- the dunning state machine (R-FEE-6) -------------------------------- */

enum { S_NONE = -1, S_REMINDER, S_LETTER, S_VISIT, S_LEGAL };

/* The step's index in STEP, S_NONE for NULL or "", or FD_EINVAL naming @field. */
static fd_status step_index(int *out, const char *fn, const char *field, const char *step, bool optional)
{
    fd_status rc = code_check(fn, field, "step", step, optional);
    if (rc)
        return rc;
    *out = S_NONE;
    for (int i = 0; step && i < 4; i++)
        if (strcmp(step, STEP[i]) == 0)
            *out = i;
    return FD_OK;
}

/* @d plus @months, on the corresponding day or the month's last (Civil Code art. 202). */
static fd_status add_months(fd_date *out, const char *fn, fd_date d, int64_t months)
{
    int64_t m0 = (int64_t)d.year * 12 + (d.month - 1) + months;
    if (m0 / 12 > 9999)
        return fd__error(FD_ERANGE, "%s: last_on: %lld months after %04d-%02d would be after 9999", fn,
                         (long long)months, (int)d.year, (int)d.month);
    fd_date r = { (int32_t)(m0 / 12), (int32_t)(m0 % 12) + 1, d.day };
    int dim = fd__days_in_month(r.year, r.month);
    if (r.day > dim)
        r.day = dim;
    *out = r;
    return FD_OK;
}

/* The checks of an _init function: @p given, @version the one known; then @p = @init (@size bytes). */
static fd_status init_as(const char *fn, const char *name, void *p, unsigned int version, unsigned int known,
                         const void *init, size_t size)
{
    fd_status rc = fd__check_ptr(fn, name, p);
    if (rc)
        return rc;
    if (version != known)
        return fd__error(FD_EINVAL, "%s: version: %u is not a known version (%u)", fn, version, known);
    memcpy(p, init, size);
    return FD_OK;
}

fd_status fd_dunning_plan_init(fd_dunning_plan *plan, unsigned int version)
{
    const fd_dunning_plan init = FD_DUNNING_PLAN_INIT;
    return init_as("fd_dunning_plan_init", "plan", plan, version, FD_DUNNING_PLAN_VERSION, &init, sizeof init);
}

fd_status fd_dunning_next(fd_dunning_plan *out, const char *last_step, fd_date last_on, int occupied,
                          const fd_policy *policy)
{
    static const char fn[] = "fd_dunning_next";
    fd_status rc = fd__check_ptr(fn, "out", out);
    int last = S_NONE;
    if (rc == FD_OK)
        rc = step_index(&last, fn, "last_step", last_step, true);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "last_on", last_on);
    if (rc)
        return rc;
    fd_dunning_plan r = FD_DUNNING_PLAN_INIT;
    int64_t months = 0;
    switch (last) {
    case S_NONE: /* the first demand: a reminder as soon as the debt is overdue */
        r.step = STEP[S_REMINDER];
        break;
    case S_REMINDER: /* still unpaid this long after the phone notice */
        r.step = STEP[S_LETTER];
        months = fd__policy_value(policy, FD__POL_FEE_LETTER_AFTER_MONTHS);
        break;
    case S_LETTER: /* a visit only to someone living on site; else the legal channel */
        r.step = STEP[occupied ? S_VISIT : S_LEGAL];
        months = fd__policy_value(policy, occupied ? FD__POL_FEE_VISIT_AFTER_MONTHS : FD__POL_FEE_LEGAL_AFTER_MONTHS);
        break;
    case S_VISIT:
        r.step = STEP[S_LEGAL];
        months = fd__policy_value(policy, FD__POL_FEE_LEGAL_AFTER_MONTHS);
        break;
    default: /* legal is the last step: nothing is due after it */
        *out = r;
        return FD_OK;
    }
    if ((rc = add_months(&r.due_on, fn, last_on, months)) != FD_OK)
        return rc;
    *out = r;
    return FD_OK;
}

/* The channels each step may use, as codes. */
static const char *const STEP_CHANNELS[][3] = {
    [S_REMINDER] = { "phone", "sms", NULL },
    [S_LETTER] = { "express", NULL, NULL },
    [S_VISIT] = { "visit", NULL, NULL },
    [S_LEGAL] = { "lawyer", "court", NULL },
};

/* Whether @text names cutting off a utility: 停水 停电 停暖 停气 (Simplified or
 * Traditional, full-width or not), or the same in English words. */
static fd_status names_cut_off(bool *out, const char *text)
{
    *out = false;
    if (!text || !*text)
        return FD_OK;
    fd_buf norm = FD_BUF_INIT, simp = FD_BUF_INIT;
    fd_status rc = fd_text_normalize(&norm, text);
    if (rc == FD_OK)
        rc = fd_text_to_simplified(&simp, norm.ptr);
    if (rc == FD_OK) { /* 停 水 is 停水 */
        char *w = simp.ptr;
        for (const char *r = simp.ptr; *r; r++)
            if (*r != ' ')
                *w++ = *r;
        *w = '\0';
        static const char *const words[] = { "停水", "停电", "停暖", "停气", "断水", "断电", "断暖", "断气",
                                             "停止供水", "停止供电", "停止供暖", "停止供气", "限电", "cut_off",
                                             "cutoff", "shutoff", "disconnect" };
        for (size_t i = 0; i < sizeof words / sizeof words[0] && !*out; i++)
            *out = strstr(simp.ptr, words[i]) != NULL;
    }
    fd_buf_dispose(&norm);
    fd_buf_dispose(&simp);
    return rc;
}

fd_status fd_dunning_check(const char *step, const char *channel, const char *last_step)
{
    static const char fn[] = "fd_dunning_check";
    /* art. 944 first: whatever else is wrong, this is refused as itself */
    const char *fields[] = { "step", "channel" };
    const char *texts[] = { step, channel };
    for (int i = 0; i < 2; i++) {
        bool cut = false;
        fd_status rc = fd__check_text(fn, fields[i], texts[i], 0, true);
        if (rc == FD_OK)
            rc = names_cut_off(&cut, texts[i]);
        if (rc)
            return rc;
        if (cut)
            return fd__error(FD_EINVAL,
                             "%s: %s: cutting off water, electricity, heating or gas is not a dunning step: a "
                             "property service provider may not use it to collect fees (Civil Code art. 944)",
                             fn, fields[i]);
    }
    int s = S_NONE, last = S_NONE;
    fd_status rc = step_index(&s, fn, "step", step, false);
    if (rc == FD_OK)
        rc = code_check(fn, "channel", "channel", channel, false);
    if (rc == FD_OK)
        rc = step_index(&last, fn, "last_step", last_step, true);
    if (rc)
        return rc;
    bool ok = false;
    for (int i = 0; i < 3 && STEP_CHANNELS[s][i]; i++)
        ok = ok || strcmp(STEP_CHANNELS[s][i], channel) == 0;
    if (!ok)
        return fd__error(FD_EINVAL, "%s: channel: a %s (%s) goes by %s%s%s, not %s", fn, step, fd_fee_code_label("step", step),
                         STEP_CHANNELS[s][0], STEP_CHANNELS[s][1] ? " or " : "",
                         STEP_CHANNELS[s][1] ? STEP_CHANNELS[s][1] : "", channel);
    /* the order: a step may repeat or move on; a visit may be skipped (nobody on
     * site), a reminder or letter may not */
    int lowest = last == S_NONE ? S_REMINDER : last;
    int highest = last == S_NONE ? S_REMINDER : last == S_LETTER ? S_LEGAL : (last == S_LEGAL ? S_LEGAL : last + 1);
    if (s < lowest || s > highest) {
        char allowed[96] = "";
        for (int i = lowest; i <= highest; i++)
            snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s%s", i > lowest ? ", " : "",
                     STEP[i]);
        return fd__error(FD_ESTATE, "%s: step: %s is not allowed after %s (R-FEE-6); allowed: %s", fn, step,
                         last == S_NONE ? "no step" : STEP[last], allowed);
    }
    return FD_OK;
}

/* --- notices (R-FEE-2, R-FEE-6) ----------------------------------------- */

static const char PAYMENT_TEMPLATE[] =
    "缴款通知书\n"
    "\n"
    "尊敬的{payer}：\n"
    "您好！您的房屋 {site} {unit} 以下期间的费用应于{due}前缴纳：{periods}。\n"
    "应缴金额：{amount}（大写：{amount_upper}）。\n"
    "请于{deadline}前到服务中心缴纳。逾期未缴的，按每日{late_rate}计收滞纳金。\n"
    "如已缴纳，请忽略本通知。\n"
    "\n"
    "{site}\n"
    "{date}\n";

static const char DUNNING_TEMPLATE[] =
    "催款通知书\n"
    "\n"
    "尊敬的{payer}：\n"
    "您的房屋 {site} {unit} 以下期间的费用至今未缴：{periods}（最早应缴日期{due}）。\n"
    "欠缴金额：{amount}（大写：{amount_upper}）。\n"
    "经我方提醒仍未缴纳，现正式催告，请于{deadline}前缴清。逾期未缴的，按每日{late_rate}计收滞纳金，"
    "我方将依法通过法律途径追缴。\n"
    "\n"
    "{site}\n"
    "{date}\n";

const char *fd_fee_notice_default_template(const char *kind)
{
    if (kind && strcmp(kind, "payment") == 0)
        return PAYMENT_TEMPLATE;
    if (kind && strcmp(kind, "dunning") == 0)
        return DUNNING_TEMPLATE;
    return NULL;
}

fd_status fd_fee_notice_init(fd_fee_notice *n, unsigned int version)
{
    const fd_fee_notice init = FD_FEE_NOTICE_INIT;
    return init_as("fd_fee_notice_init", "n", n, version, FD_FEE_NOTICE_VERSION, &init, sizeof init);
}

/* A date as a notice prints it: 2026年3月15日; nothing when unset. */
static fd_status put_date(fd_buf *b, fd_date d)
{
    if (date_unset(d))
        return FD_OK;
    return fd__buf_printf(b, "%d年%d月%d日", (int)d.year, (int)d.month, (int)d.day);
}

/* A rate in 1/10000 per day as a percentage: 5 → 0.05%, 10 → 0.1%, 100 → 1%. */
static fd_status put_rate(fd_buf *b, int64_t e4)
{
    int64_t whole = e4 / 100, frac = e4 % 100;
    if (frac == 0)
        return fd__buf_printf(b, "%lld%%", (long long)whole);
    if (frac % 10 == 0)
        return fd__buf_printf(b, "%lld.%lld%%", (long long)whole, (long long)(frac / 10));
    return fd__buf_printf(b, "%lld.%02lld%%", (long long)whole, (long long)frac);
}

static fd_status put_placeholder(fd_buf *b, const char *fn, const char *name, size_t len, const fd_fee_notice *n)
{
#define IS(s) (len == sizeof(s) - 1 && memcmp(name, s, len) == 0)
    if (IS("site"))
        return fd__buf_puts(b, n->site ? n->site : "");
    if (IS("unit"))
        return fd__buf_puts(b, n->unit ? n->unit : "");
    if (IS("payer"))
        return fd__buf_puts(b, n->payer ? n->payer : "");
    if (IS("periods"))
        return fd__buf_puts(b, n->periods ? n->periods : "");
    if (IS("amount")) {
        fd_buf t = FD_BUF_INIT;
        fd_status rc = fd_money_format(&t, n->amount, NULL);
        if (rc == FD_OK)
            rc = fd__buf_puts(b, t.ptr);
        fd_buf_dispose(&t);
        return rc;
    }
    if (IS("amount_upper")) {
        fd_buf t = FD_BUF_INIT;
        fd_status rc = fd_money_upper(&t, n->amount);
        if (rc == FD_OK)
            rc = fd__buf_puts(b, t.ptr);
        fd_buf_dispose(&t);
        return rc;
    }
    if (IS("due"))
        return put_date(b, n->due);
    if (IS("deadline"))
        return put_date(b, n->deadline);
    if (IS("date"))
        return put_date(b, n->date);
    if (IS("late_rate"))
        return put_rate(b, n->late_rate_e4);
#undef IS
    return fd__error(FD_EINVAL,
                     "%s: template_text: unknown placeholder {%.*s} (known: {site} {unit} {payer} {amount} "
                     "{amount_upper} {periods} {due} {deadline} {late_rate} {date}; {{ is a brace)",
                     fn, (int)(len > 40 ? 40 : len), name);
}

fd_status fd_fee_notice_check_template(const char *template_text)
{
    fd_buf scratch = FD_BUF_INIT;
    fd_fee_notice n = FD_FEE_NOTICE_INIT;
    fd_status rc = fd_fee_notice_render(&scratch, template_text, &n);
    fd_buf_dispose(&scratch);
    if (rc)
        return fd__error_rename(rc, "fd_fee_notice_check_template", NULL);
    return FD_OK;
}

fd_status fd_fee_notice_render(fd_buf *out, const char *template_text, const fd_fee_notice *n)
{
    static const char fn[] = "fd_fee_notice_render";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "template_text", template_text, 0, true);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "n", n);
    if (rc == FD_OK && n->version != FD_FEE_NOTICE_VERSION)
        rc = fd__error(FD_EINVAL, "%s: n.version: %u is not a known version (%d)", fn, n->version,
                       FD_FEE_NOTICE_VERSION);
    const char *fields[] = { "n.site", "n.unit", "n.payer", "n.periods" };
    const char *texts[] = { n ? n->site : NULL, n ? n->unit : NULL, n ? n->payer : NULL, n ? n->periods : NULL };
    for (int i = 0; i < 4 && rc == FD_OK; i++)
        if (texts[i])
            rc = fd__check_text(fn, fields[i], texts[i], 0, false);
    const fd_date dates[] = { n ? n->due : NONE_DATE, n ? n->deadline : NONE_DATE, n ? n->date : NONE_DATE };
    const char *dnames[] = { "n.due", "n.deadline", "n.date" };
    for (int i = 0; i < 3 && rc == FD_OK; i++)
        if (!date_unset(dates[i]))
            rc = fd__check_date(fn, dnames[i], dates[i]);
    if (rc == FD_OK && (n->late_rate_e4 < 0 || n->late_rate_e4 > 10000))
        rc = fd__error(FD_ERANGE, "%s: n.late_rate_e4: %lld is not a rate of 0..10000 (1/10000 per day)", fn,
                       (long long)n->late_rate_e4);
    if (rc)
        return rc;
    const char *p = template_text;
    while (*p && rc == FD_OK) {
        const char *brace = strpbrk(p, "{}");
        if (!brace) {
            rc = fd__buf_puts(out, p);
            break;
        }
        if (brace > p)
            rc = fd__buf_put(out, p, (size_t)(brace - p));
        if (rc)
            break;
        if (brace[0] == brace[1]) { /* {{ and }} are a brace */
            rc = fd__buf_put(out, brace, 1);
            p = brace + 2;
            continue;
        }
        if (*brace == '}') { /* a lone closing brace is text */
            rc = fd__buf_put(out, brace, 1);
            p = brace + 1;
            continue;
        }
        const char *end = strchr(brace + 1, '}');
        if (!end) {
            rc = fd__error(FD_EINVAL, "%s: template_text: a { at byte %zu is not closed (write {{ for a brace)", fn,
                           (size_t)(brace - template_text));
            break;
        }
        rc = put_placeholder(out, fn, brace + 1, (size_t)(end - brace - 1), n);
        p = end + 1;
    }
    if (rc)
        fd__buf_clear(out);
    return rc;
}
