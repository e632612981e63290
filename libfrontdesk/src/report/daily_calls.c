/*
 * The calls section of the daily report (issue 11; R-CALL-1, R-CALL-3,
 * R-CALL-4, R-CALL-6, R-CALL-8, R-CALL-9, R-COM-4, R-COM-5), read through the
 * store's public API: fd_store_call_stats for the counts, the record queries
 * for the late calls and for what is still open at the day's end. Numbers
 * come back masked unless the actor reveals them (R-COM-2).
 */
#include "report/report_internal.h"
#include "frontdesk/calls.h"

#include <stdio.h>
#include <string.h>

enum cword {
    C_SUMMARY, C_BY_CATEGORY, C_BY_DISPOSITION, C_ANSWER_TIME, C_LATE, C_OPEN, C_MESSAGES, C_ITEM, C_CODE, C_LABEL,
    C_COUNT, C_SHARE, C_RINGS, C_TIME, C_NUMBER, C_CALLER, C_APOLOGY, C_KIND, C_CALL, C_DUE, C_OVERDUE, C_FOR, C_FROM,
    C_TAKEN, C_TOTAL, C_INCOMING, C_OUTGOING, C_INTERNAL, C_ANSWERED, C_WITHIN, C_LATE_N, C_LATE_APOLOGY,
    C_LATE_NO_APOLOGY, C_LATE_UNKNOWN, C_OVER_LIMIT, C_NOT_READ_BACK, C_OPEN_CALLBACKS, C_OPEN_REPLIES,
    C_OVERDUE_TASKS, C_MESSAGES_OPEN, C_MESSAGES_OVERDUE, C_YES, C_NO, C_NOT_RECORDED, C_COUNT_
};
static const char *const CWORDS[C_COUNT_][2] = {
    { "来电汇总", "Calls" },
    { "来电类别", "Calls by category" },
    { "接听结果", "Calls by disposition" },
    { "接听用时", "Answer time" },
    { "超时接听", "Late answers" },
    { "待回拨与待答复", "Call-backs and replies still open" },
    { "未送达留言", "Messages not delivered" },
    { "项目", "Item" },
    { "代码", "Code" },
    { "名称", "Name" },
    { "数量", "Count" },
    { "占比", "Share" },
    { "响铃", "Rings" },
    { "时间", "Time" },
    { "号码", "Number" },
    { "来电人", "Caller" },
    { "致歉", "Apology" },
    { "类型", "Kind" },
    { "来电", "Call" },
    { "应完成", "Due" },
    { "逾期", "Overdue" },
    { "收件人", "For" },
    { "留言人", "From" },
    { "留言时间", "Taken" },
    { "来电总数", "Calls" },
    { "呼入", "Incoming" },
    { "呼出", "Outgoing" },
    { "内部", "Internal" },
    { "已接", "Answered" },
    { "按时接听", "Answered within the rings" },
    { "超时接听", "Answered late" },
    { "超时已致歉", "Late, apology given" },
    { "超时未致歉", "Late, apology omitted" },
    { "超时致歉未记录", "Late, apology not recorded" },
    { "私人电话超时", "Private calls over the limit" },
    { "未复述", "Not read back" },
    { "待回拨", "Call-backs open" },
    { "待答复", "Replies open" },
    { "逾期任务", "Tasks overdue" },
    { "未送达留言", "Messages not delivered" },
    { "超时留言", "Messages overdue" },
    { "是", "yes" },
    { "否", "no" },
    { "未记录", "not recorded" },
};
#define CW(l, w) (CWORDS[(w)][(l)])

/* A code's label in Chinese, the code in English. */
/* A code's label in Chinese; in English the code in words ("no_answer" is "no answer"), in @buf. */
static const char *label_in(char buf[32], fd__lang l, const char *field, const char *code)
{
    const char *z = l == FD__ZH ? fd_call_code_label(field, code) : NULL;
    if (z || code == NULL)
        return z ? z : code;
    snprintf(buf, 32, "%s", code);
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = ' ';
    return buf;
}

static const char *label(fd__lang l, const char *field, const char *code)
{
    static _Thread_local char buf[32]; /* one label is used before the next is asked for */
    return label_in(buf, l, field, code);
}

static fd_status row3(fd_report *r, size_t s, const char *item, int64_t count, int64_t pct)
{
    fd_status rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, item);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 1, count);
    if (rc == FD_OK && pct >= 0) rc = fd_report_cell_int(r, s, 0, 2, pct);
    return rc;
}

static fd_status add_summary(fd_report *r, const fd_call_stats *st, int64_t max_rings, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", CW(l, C_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", CW(l, C_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", CW(l, C_COUNT), FD_REPORT_COLUMN_INT },
        { "share", CW(l, C_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    size_t s = 0;
    char within[64];
    snprintf(within, sizeof within, l == FD__ZH ? "%lld声内接听" : "Answered within %lld rings", (long long)max_rings);
    fd_status rc = fd__report_add_section(&s, r, "calls.summary", CW(l, C_SUMMARY), cols, 4);
    const struct { const char *key, *item; int64_t n, of; } rows[] = {
        { "total", CW(l, C_TOTAL), st->total, -1 },
        { "incoming", CW(l, C_INCOMING), st->incoming, st->total },
        { "outgoing", CW(l, C_OUTGOING), st->outgoing, st->total },
        { "internal", CW(l, C_INTERNAL), st->internal, st->total },
        { "answered", CW(l, C_ANSWERED), st->answered, st->total },
        { "within_rings", within, st->within_rings, st->picked_up },
        { "late", CW(l, C_LATE_N), st->late, st->picked_up },
        { "late_apology", CW(l, C_LATE_APOLOGY), st->late_apology, st->late },
        { "late_no_apology", CW(l, C_LATE_NO_APOLOGY), st->late_no_apology, st->late },
        { "late_unknown", CW(l, C_LATE_UNKNOWN), st->late_unknown, st->late },
        { "over_limit", CW(l, C_OVER_LIMIT), st->over_limit, -1 },
        { "not_read_back", CW(l, C_NOT_READ_BACK), st->not_read_back, -1 },
        { "open_callbacks", CW(l, C_OPEN_CALLBACKS), st->open_callbacks, -1 },
        { "open_replies", CW(l, C_OPEN_REPLIES), st->open_replies, -1 },
        { "overdue_tasks", CW(l, C_OVERDUE_TASKS), st->overdue_tasks, -1 },
        { "messages_open", CW(l, C_MESSAGES_OPEN), st->messages_open, -1 },
        { "messages_overdue", CW(l, C_MESSAGES_OVERDUE), st->messages_overdue, -1 },
    };
    for (size_t i = 0; rc == FD_OK && i < sizeof rows / sizeof *rows; i++)
        rc = fd__report_key_row(r, s, rows[i].key, rows[i].item, rows[i].n,
                                rows[i].of < 0 ? -1 : fd__report_share(rows[i].n, rows[i].of));
    return rc;
}

/* Counts by code: category or disposition, in the code list's order. */
static fd_status add_by_code(fd_report *r, const char *key, const char *title, const char *field,
                             const char *const *codes, const int64_t *counts, size_t n, int64_t total, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "code", CW(l, C_CODE), FD_REPORT_COLUMN_TEXT },
        { "label", CW(l, C_LABEL), FD_REPORT_COLUMN_TEXT },
        { "count", CW(l, C_COUNT), FD_REPORT_COLUMN_INT },
        { "share", CW(l, C_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, key, title, cols, 4);
    for (size_t i = 0; rc == FD_OK && i < n; i++) {
        if (counts[i] == 0)
            continue;
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, codes[i][0] ? codes[i] : "-");
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, codes[i][0] ? label(l, field, codes[i]) : "-");
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, counts[i]);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, fd__report_share(counts[i], total));
    }
    return rc;
}

static fd_status add_answer_time(fd_report *r, const fd_call_stats *st, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "rings", CW(l, C_RINGS), FD_REPORT_COLUMN_TEXT },
        { "count", CW(l, C_COUNT), FD_REPORT_COLUMN_INT },
        { "share", CW(l, C_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "calls.answer_time", CW(l, C_ANSWER_TIME), cols, 3);
    const struct { const char *rings; int64_t n; } rows[] = {
        { "1", st->rings_1 }, { "2", st->rings_2 }, { "3", st->rings_3 }, { "4-6", st->rings_4_6 },
        { "7+", st->rings_7_plus },
    };
    for (size_t i = 0; rc == FD_OK && i < sizeof rows / sizeof *rows; i++)
        rc = row3(r, s, rows[i].rings, rows[i].n, fd__report_share(rows[i].n, st->picked_up));
    char note[160];
    snprintf(note, sizeof note,
             l == FD__ZH ? "接听用时：中位 %lld 秒，90%% 在 %lld 秒内，最长 %lld 秒（R-CALL-1）"
                         : "Ring to answer: median %lld s, 90%% within %lld s, longest %lld s (R-CALL-1)",
             (long long)st->answer_p50_s, (long long)st->answer_p90_s, (long long)st->answer_max_s);
    if (rc == FD_OK && st->picked_up > 0)
        rc = fd_report_note_add(r, s, note);
    return rc;
}

static fd_status add_late(fd_report *r, fd_store *store, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                          const char *fn, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "ring_at", CW(l, C_TIME), FD_REPORT_COLUMN_INSTANT },
        { "call_id", CW(l, C_CALL), FD_REPORT_COLUMN_INT },
        { "number", CW(l, C_NUMBER), FD_REPORT_COLUMN_TEXT },
        { "caller", CW(l, C_CALLER), FD_REPORT_COLUMN_TEXT },
        { "rings", CW(l, C_RINGS), FD_REPORT_COLUMN_INT },
        { "apology", CW(l, C_APOLOGY), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "calls.late", CW(l, C_LATE), cols, 6);
    fd_call_filter f = FD_CALL_FILTER_INIT;
    f.match = FD_CALL_MATCH_LATE | FD_CALL_MATCH_RING_AT_FROM | FD_CALL_MATCH_RING_AT_TO;
    f.late = 1;
    f.ring_at_from = a;
    f.ring_at_to = b;
    fd_call_iter *it = NULL;
    const fd_call *k = NULL;
    if (rc == FD_OK)
        rc = fd_store_call_query(&it, store, actor, &f);
    while (rc == FD_OK && (rc = fd_call_iter_next(&k, it)) == FD_OK && k) {
        char at[40];
        const char *apology = *k->apology ? label(l, "apology", k->apology) : CW(l, C_NOT_RECORDED);
        rc = fd__report_local(zone, fn, k->ring_at, at);
        if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 0, k->ring_at, at);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 1, k->id);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, k->caller_number);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 3, k->caller_name);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 4, k->rings);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 5, apology);
    }
    fd_call_iter_free(it);
    return rc;
}

/* One open task as a row: due and whether it is past due at @b. */
static fd_status task_row(fd_report *r, size_t s, const fd_call_task *t, int64_t b, fd__zone *zone, const char *fn,
                          fd__lang l)
{
    char due[40];
    fd_status rc = fd__report_local(zone, fn, t->due_at, due);
    if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, label(l, "task_kind", t->kind));
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 1, t->call_id);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, t->number);
    if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 3, t->due_at, due);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, CW(l, t->due_at < b ? C_YES : C_NO));
    return rc;
}

/*
 * Tasks open at @b (R-COM-4): still open and created before @b, or done at or
 * after @b — so a past day's report shows what was open that evening.
 */
static fd_status add_open_tasks(fd_report *r, fd_store *store, const fd_actor *actor, int64_t b, fd__zone *zone,
                                const char *fn, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "kind", CW(l, C_KIND), FD_REPORT_COLUMN_TEXT },
        { "call_id", CW(l, C_CALL), FD_REPORT_COLUMN_INT },
        { "number", CW(l, C_NUMBER), FD_REPORT_COLUMN_TEXT },
        { "due_at", CW(l, C_DUE), FD_REPORT_COLUMN_INSTANT },
        { "overdue", CW(l, C_OVERDUE), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "calls.open", CW(l, C_OPEN), cols, 5);
    for (int pass = 0; pass < 2 && rc == FD_OK; pass++) {
        fd_call_task_filter f = FD_CALL_TASK_FILTER_INIT;
        f.match = FD_CALL_TASK_MATCH_STATE | FD_CALL_TASK_MATCH_CREATED_AT_TO;
        f.created_at_to = b;
        f.state = pass == 0 ? "open" : "done";
        if (pass == 1) {
            f.match |= FD_CALL_TASK_MATCH_DONE_AT_FROM;
            f.done_at_from = b;
        }
        fd_call_task_iter *it = NULL;
        const fd_call_task *t = NULL;
        rc = fd_store_call_task_query(&it, store, actor, &f);
        while (rc == FD_OK && (rc = fd_call_task_iter_next(&t, it)) == FD_OK && t)
            rc = task_row(r, s, t, b, zone, fn, l);
        fd_call_task_iter_free(it);
    }
    return rc;
}

/* Messages taken before @b and not delivered or expired by then (R-CALL-6). */
static fd_status add_open_messages(fd_report *r, fd_store *store, const fd_actor *actor, int64_t b, fd__zone *zone,
                                   const char *fn, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "taken_at", CW(l, C_TAKEN), FD_REPORT_COLUMN_INSTANT },
        { "for", CW(l, C_FOR), FD_REPORT_COLUMN_TEXT },
        { "from", CW(l, C_FROM), FD_REPORT_COLUMN_TEXT },
        { "number", CW(l, C_NUMBER), FD_REPORT_COLUMN_TEXT },
        { "overdue", CW(l, C_OVERDUE), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_policy *p = NULL;
    fd_status rc = fd__report_add_section(&s, r, "calls.messages", CW(l, C_MESSAGES), cols, 5);
    if (rc == FD_OK)
        rc = fd_store_policy_load(&p, store, actor->site_id);
    static const char *const states[] = { "taken", "delivered", "expired" };
    for (int pass = 0; pass < 3 && rc == FD_OK; pass++) {
        fd_message_filter f = FD_MESSAGE_FILTER_INIT;
        f.match = FD_MESSAGE_MATCH_STATE | FD_MESSAGE_MATCH_TAKEN_AT_TO;
        f.state = states[pass];
        f.taken_at_to = b;
        if (pass > 0) { /* changed after the day's end: still open that evening */
            f.match |= FD_MESSAGE_MATCH_STATE_AT_FROM;
            f.state_at_from = b;
        }
        fd_message_iter *it = NULL;
        const fd_message *m = NULL;
        rc = fd_store_message_query(&it, store, actor, &f);
        while (rc == FD_OK && (rc = fd_message_iter_next(&m, it)) == FD_OK && m) {
            fd_message open = *m;
            open.state = "taken"; /* as it stood at @b */
            int overdue = 0;
            char at[40];
            rc = fd_message_overdue(&overdue, &open, b, p);
            if (rc == FD_OK) rc = fd__report_local(zone, fn, m->taken_at, at);
            if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
            if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 0, m->taken_at, at);
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, m->for_name);
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, m->from_name);
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 3, m->from_number);
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, CW(l, overdue ? C_YES : C_NO));
        }
        fd_message_iter_free(it);
    }
    fd_policy_free(p);
    return rc;
}

fd_status fd__daily_calls(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                          const char *fn, fd__lang l)
{
    fd_call_stats st;
    memset(&st, 0, sizeof st);
    st.version = FD_CALL_STATS_VERSION;
    fd_policy *p = NULL;
    int64_t max_rings = 3;
    fd_status rc = fd_store_call_stats(&st, s, actor, a, b);
    if (rc == FD_OK && (rc = fd_store_policy_load(&p, s, actor->site_id)) == FD_OK)
        rc = fd_policy_get(&max_rings, p, "call.max_rings");
    fd_policy_free(p);
    static const char *const categories[] = { "inquiry", "suggestion", "complaint", "praise", "repair", "fault",
                                              "business", "private", "wrong_number", "" };
    const int64_t by_category[] = { st.inquiry, st.suggestion, st.complaint, st.praise, st.repair, st.fault,
                                    st.business, st.personal, st.wrong_number, st.uncategorised };
    static const char *const dispositions[] = { "answered", "no_answer", "busy", "failed", "congestion",
                                                "cancelled", "dropped" };
    const int64_t by_disposition[] = { st.answered, st.no_answer, st.busy, st.failed, st.congestion, st.cancelled,
                                       st.dropped };
    if (rc == FD_OK)
        rc = add_summary(r, &st, max_rings, l);
    if (rc == FD_OK)
        rc = add_by_code(r, "calls.by_category", CW(l, C_BY_CATEGORY), "category", categories, by_category, 10,
                         st.total, l);
    if (rc == FD_OK)
        rc = add_by_code(r, "calls.by_disposition", CW(l, C_BY_DISPOSITION), "disposition", dispositions,
                         by_disposition, 7, st.total, l);
    if (rc == FD_OK)
        rc = add_answer_time(r, &st, l);
    if (rc == FD_OK)
        rc = add_late(r, s, actor, a, b, zone, fn, l);
    if (rc == FD_OK)
        rc = add_open_tasks(r, s, actor, b, zone, fn, l);
    if (rc == FD_OK)
        rc = add_open_messages(r, s, actor, b, zone, fn, l);
    return rc;
}
