/*
 * The plans month report (issue 15 item 6; R-PLN-5, the monthly summary of
 * visits and callbacks): fd_store_plan_summary's month of the actor's site as
 * a report model — visits, callbacks (and those of member customers) and
 * follow-ups with their coverage and satisfaction, the questions taken away
 * from visits, and the recurring problems of the 90 days up to the month's
 * end (fd_store_recurring_problems) for the analysis report.
 */
#include "report/report_internal.h"
#include "frontdesk/calendar.h"

#include <stdio.h>
#include <string.h>

enum pword {
    P_TITLE, P_SUMMARY, P_QUESTIONS, P_RECURRING, P_CODE, P_ITEM, P_DUE, P_DONE, P_IN_TIME, P_IN_TIME_SHARE,
    P_MISSED, P_PENDING, P_SATISFIED, P_AVERAGE, P_UNSATISFIED, P_SATISFIED_SHARE, P_VISITS, P_CALLBACKS, P_MEMBERS,
    P_FOLLOWUPS, P_VALUE, P_RAISED, P_ANSWERED, P_CANCELLED, P_CLOSED, P_NOT_FIXED, P_SUPERSEDED, P_KIND, P_UNIT,
    P_CATEGORY, P_COUNT, P_FIRST, P_LAST, P_TOTAL_ROWS, P_SITE, P_SITE_CODE, P_MONTH, P_TIME_ZONE, P_GENERATED,
    P_TOTAL, P_NOTE_SHARES, P_NOTE_RECUR, P_COUNT_
};
static const char *const PWORDS[P_COUNT_][2] = {
    { "回访与拜访月报", "Plans month report" },
    { "月度汇总", "Summary" },
    { "拜访待答复问题", "Questions taken away from visits" },
    { "重复发生的问题", "Recurring problems" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "应完成", "Due" },
    { "已完成", "Done" },
    { "按时完成", "In time" },
    { "按时率", "In time share" },
    { "逾期未完成", "Missed" },
    { "未到期", "Pending" },
    { "满意", "Satisfied" },
    { "一般", "Average" },
    { "不满意", "Unsatisfied" },
    { "满意率", "Satisfied share" },
    { "客户拜访", "Visits" },
    { "回访电话", "Callbacks" },
    { "其中会员客户", "Of them member customers" },
    { "报修回访", "Repair follow-ups" },
    { "数量", "Count" },
    { "提出", "Raised" },
    { "已答复", "Answered" },
    { "已取消的拜访", "Visits cancelled" },
    { "未联系上关闭的回访", "Callbacks closed unreached" },
    { "回访发现未修好", "Follow-ups finding it not fixed" },
    { "因返修作废的回访", "Follow-ups superseded by rework" },
    { "类型", "Kind" },
    { "房屋", "Unit" },
    { "类别", "Category" },
    { "90天内最多次数", "Most in 90 days" },
    { "首次", "First" },
    { "末次", "Last" },
    { "合计次数", "Total" },
    { "场所", "Site" },
    { "场所代码", "Site code" },
    { "月份", "Month" },
    { "时区", "Time zone" },
    { "生成时间", "Generated" },
    { "本月应完成任务", "Tasks due in the month" },
    { "按时率为应完成中按时完成的占比，满意率为已完成中满意的占比；无可计算时为空（R-PLN-1、R-PLN-2、R-PLN-5）",
      "In time share: of the tasks due; satisfied share: of those done; empty when none (R-PLN-1, R-PLN-2, R-PLN-5)" },
    { "同一房屋或同一类别90天内3次及以上（报修与投诉，截至月末的90天）",
      "The same unit or category three times or more within 90 days (repairs and complaints, the 90 days to the "
      "month's end)" },
};
#define PW(l, w) (PWORDS[(w)][(l)])

static fd_status share_cell(fd_report *r, size_t s, size_t col, int64_t n, int64_t of)
{
    return of > 0 ? fd_report_cell_int(r, s, 0, col, fd__report_share(n, of)) : FD_OK;
}

static fd_status counts_row(fd_report *r, size_t s, const char *key, const char *item, const fd_plan_summary_counts *c)
{
    int64_t v[] = { c->due, c->done, c->in_time, -1, c->missed, c->pending, c->satisfied, c->average, c->unsatisfied };
    fd_status rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, key);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, item);
    for (size_t i = 0; rc == FD_OK && i < sizeof v / sizeof *v; i++)
        rc = v[i] < 0 ? share_cell(r, s, 2 + i, c->in_time, c->due) : fd_report_cell_int(r, s, 0, 2 + i, v[i]);
    if (rc == FD_OK) rc = share_cell(r, s, 11, c->satisfied, c->done);
    return rc;
}

static fd_status add_summary(fd_report *r, const fd_plan_summary_totals *t, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", PW(l, P_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", PW(l, P_ITEM), FD_REPORT_COLUMN_TEXT },
        { "due", PW(l, P_DUE), FD_REPORT_COLUMN_INT },
        { "done", PW(l, P_DONE), FD_REPORT_COLUMN_INT },
        { "in_time", PW(l, P_IN_TIME), FD_REPORT_COLUMN_INT },
        { "in_time_share", PW(l, P_IN_TIME_SHARE), FD_REPORT_COLUMN_PERCENT },
        { "missed", PW(l, P_MISSED), FD_REPORT_COLUMN_INT },
        { "pending", PW(l, P_PENDING), FD_REPORT_COLUMN_INT },
        { "satisfied", PW(l, P_SATISFIED), FD_REPORT_COLUMN_INT },
        { "average", PW(l, P_AVERAGE), FD_REPORT_COLUMN_INT },
        { "unsatisfied", PW(l, P_UNSATISFIED), FD_REPORT_COLUMN_INT },
        { "satisfied_share", PW(l, P_SATISFIED_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "plans.summary", PW(l, P_SUMMARY), cols, 12);
    if (rc == FD_OK) rc = counts_row(r, s, "visits", PW(l, P_VISITS), &t->visits);
    if (rc == FD_OK) rc = counts_row(r, s, "callbacks", PW(l, P_CALLBACKS), &t->callbacks);
    if (rc == FD_OK) rc = counts_row(r, s, "member_callbacks", PW(l, P_MEMBERS), &t->members);
    if (rc == FD_OK) rc = counts_row(r, s, "followups", PW(l, P_FOLLOWUPS), &t->followups);
    if (rc == FD_OK) rc = fd_report_note_add(r, s, PW(l, P_NOTE_SHARES));
    return rc;
}

static fd_status add_others(fd_report *r, const fd_plan_summary_totals *t, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", PW(l, P_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", PW(l, P_ITEM), FD_REPORT_COLUMN_TEXT },
        { "value", PW(l, P_VALUE), FD_REPORT_COLUMN_INT },
    };
    const struct { const char *key; enum pword word; int64_t v; } rows[] = {
        { "questions", P_RAISED, t->questions },
        { "questions_answered", P_ANSWERED, t->questions_answered },
        { "visits_cancelled", P_CANCELLED, t->visits_cancelled },
        { "callbacks_closed", P_CLOSED, t->callbacks_closed },
        { "followups_not_fixed", P_NOT_FIXED, t->followups_not_fixed },
        { "followups_superseded", P_SUPERSEDED, t->followups_superseded },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "plans.questions", PW(l, P_QUESTIONS), cols, 3);
    for (size_t i = 0; rc == FD_OK && i < sizeof rows / sizeof *rows; i++) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, rows[i].key);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, PW(l, rows[i].word));
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, rows[i].v);
    }
    return rc;
}

static fd_status add_recurring(fd_report *r, fd_recurring *rec, fd__zone *zone, const char *fn, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "kind", PW(l, P_KIND), FD_REPORT_COLUMN_TEXT },
        { "unit_id", PW(l, P_UNIT), FD_REPORT_COLUMN_INT },
        { "category", PW(l, P_CATEGORY), FD_REPORT_COLUMN_TEXT },
        { "count", PW(l, P_COUNT), FD_REPORT_COLUMN_INT },
        { "first_at", PW(l, P_FIRST), FD_REPORT_COLUMN_INSTANT },
        { "last_at", PW(l, P_LAST), FD_REPORT_COLUMN_INSTANT },
        { "total", PW(l, P_TOTAL_ROWS), FD_REPORT_COLUMN_INT },
    };
    size_t s = 0, n = fd_recurring_count(rec);
    fd_status rc = fd__report_add_section(&s, r, "plans.recurring", PW(l, P_RECURRING), cols, 7);
    for (size_t i = 0; rc == FD_OK && i < n; i++) {
        fd_recurring_row row = FD_RECURRING_ROW_INIT;
        char first[32], last[32];
        rc = fd_recurring_get(&row, rec, i);
        if (rc == FD_OK) rc = fd__zone_format(zone, fn, row.first_at, first);
        if (rc == FD_OK) rc = fd__zone_format(zone, fn, row.last_at, last);
        if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, row.kind);
        if (rc == FD_OK && row.unit_id) rc = fd_report_cell_int(r, s, 0, 1, row.unit_id);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, row.category);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, row.count);
        if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 4, row.first_at, first);
        if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 5, row.last_at, last);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 6, row.total);
    }
    if (rc == FD_OK)
        rc = fd_report_note_add(r, s, PW(l, P_NOTE_RECUR));
    return rc;
}

static fd_status add_meta(fd_report *r, const fd_site *site, const fd_plan_summary_totals *t, const char *generated,
                          fd__lang l)
{
    char month[16], count[24];
    snprintf(month, sizeof month, "%04d-%02d", t->year, t->month);
    snprintf(count, sizeof count, "%lld", (long long)(t->visits.due + t->callbacks.due + t->followups.due));
    fd_status rc = fd_report_meta_add(r, "site", PW(l, P_SITE), site->name);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "site_code", PW(l, P_SITE_CODE), site->code);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "month", PW(l, P_MONTH), month);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "time_zone", PW(l, P_TIME_ZONE), site->time_zone);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "generated", PW(l, P_GENERATED), generated);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "total", PW(l, P_TOTAL), count);
    return rc;
}

/* The 90 days of recurring problems: R-PLN-5's window, up to the month's end. */
#define RECUR_SPAN (90 * 86400LL)

fd_status fd_report_plans_month_new(fd_report **out, fd_store *store, const fd_actor *actor, int year, int month,
                                    const char *language)
{
    static const char fn[] = "fd_report_plans_month_new";
    fd__lang l = FD__ZH;
    fd_status rc = fd__report_lang(&l, fn, language);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "actor", actor);
    if (rc)
        return rc;
    *out = NULL;
    fd_site *site = NULL;
    fd_report *r = NULL;
    fd_plan_summary *st = NULL;
    fd_recurring *rec = NULL;
    fd_plan_summary_totals t;
    memset(&t, 0, sizeof t);
    char generated[32];
    if ((rc = fd_store_plan_summary(&st, store, actor, year, month)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc == FD_OK)
        rc = fd_plan_summary_get(&t, st);
    if (rc == FD_OK && (rc = fd_store_recurring_problems(&rec, store, actor, t.month_end - RECUR_SPAN,
                                                         t.month_end)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc == FD_OK)
        rc = fd_store_site_get(&site, store, NULL, actor->site_id);
    fd__zone *zone = rc ? NULL : fd__zone_open(fn, "site.time_zone", site->time_zone);
    if (rc == FD_OK && zone == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK)
        rc = fd__zone_format(zone, fn, actor->at, generated);
    if (rc == FD_OK)
        rc = fd_report_new(&r, "plans.month", PW(l, P_TITLE));
    if (rc == FD_OK)
        rc = add_meta(r, site, &t, generated, l);
    if (rc == FD_OK)
        rc = add_summary(r, &t, l);
    if (rc == FD_OK)
        rc = add_others(r, &t, l);
    if (rc == FD_OK)
        rc = add_recurring(r, rec, zone, fn, l);
    fd__zone_close(zone);
    fd_recurring_free(rec);
    fd_plan_summary_free(st);
    fd_site_free(site);
    return fd__report_done(out, r, rc);
}
