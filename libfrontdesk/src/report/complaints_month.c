/*
 * The complaints month report (issue 13, item 6; R-CPL-6, 顾客投诉分类统计表):
 * fd_store_complaint_stats' month of the actor's site as a report model —
 * the summary, the four groups (severity, category, department, validity)
 * with their shares and times to resolve, and the follow-ups' satisfaction.
 * Times are working seconds as int cells, the unit in the label; shares are
 * percent cells, null when there is nothing to divide by.
 */
#include "report/report_internal.h"
#include "frontdesk/calendar.h"

#include <stdio.h>
#include <string.h>

enum mword {
    M_TITLE, M_SUMMARY, M_BY_SEVERITY, M_BY_CATEGORY, M_BY_DEPARTMENT, M_BY_VALIDITY, M_SATISFACTION, M_CODE,
    M_ITEM, M_VALUE, M_SHARE, M_LABEL, M_DEPARTMENT, M_COUNT, M_RESOLVED, M_IN_TIME, M_IN_TIME_SHARE, M_MEDIAN,
    M_P90, M_RECEIVED, M_VALID, M_INVALID, M_UNASSESSED, M_OPEN, M_REOPENED, M_REOPENS, M_MEDIAN_ALL, M_P90_ALL,
    M_UNASSIGNED, M_MAJOR, M_IMPORTANT, M_MINOR, M_SATISFIED, M_AVERAGE, M_UNSATISFIED, M_FOLLOWED_UP, M_SITE,
    M_SITE_CODE, M_MONTH, M_TIME_ZONE, M_CALENDAR, M_PROVISIONAL, M_GENERATED, M_TOTAL, M_YES, M_NO, M_NOTE_TIMES,
    M_NOTE_SHARES, M_NUMBER, M_COUNT_
};
static const char *const MWORDS[M_COUNT_][2] = {
    { "投诉月报", "Complaints month report" },
    { "投诉汇总", "Summary" },
    { "按严重程度", "By severity" },
    { "按类别", "By category" },
    { "按责任部门", "By department" },
    { "按有效性", "By validity" },
    { "回访满意度", "Satisfaction at follow-up" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "数值", "Value" },
    { "占比", "Share" },
    { "名称", "Name" },
    { "部门", "Department" },
    { "受理", "Received" },
    { "已解决", "Resolved" },
    { "按时解决", "Within target" },
    { "按时率", "Within target share" },
    { "解决用时中位数（工作秒）", "Median to resolve (working s)" },
    { "解决用时P90（工作秒）", "P90 to resolve (working s)" },
    { "受理投诉", "Complaints received" },
    { "有效", "Valid" },
    { "无效", "Invalid" },
    { "未评估", "Not assessed" },
    { "未关闭", "Not closed" },
    { "重新打开的投诉（占受理）", "Reopened complaints (share of received)" },
    { "重新打开次数", "Reopen steps" },
    { "解决用时中位数（工作秒）", "Median time to resolve (working seconds)" },
    { "解决用时P90（工作秒）", "P90 time to resolve (working seconds)" },
    { "未指派", "unassigned" },
    { "重大", "Major" },
    { "重要", "Important" },
    { "轻微", "Minor" },
    { "满意", "Satisfied" },
    { "一般", "Average" },
    { "不满意", "Unsatisfied" },
    { "已回访", "Followed up" },
    { "场所", "Site" },
    { "场所代码", "Site code" },
    { "月份", "Month" },
    { "时区", "Time zone" },
    { "日历数据版本", "Calendar data version" },
    { "含推算日历", "Provisional" },
    { "生成时间", "Generated" },
    { "受理总数", "Complaints received" },
    { "是", "yes" },
    { "否", "no" },
    { "用时为受理至客户签收验收的工作时间（工作日营业时间，含调休、除节假日），单位秒；取最近秩（R-CPL-6）",
      "Times are the working time from receipt to the customer's signed acceptance (business hours of working days, "
      "make-up days in, holidays out), in seconds, nearest rank (R-CPL-6)" },
    { "按时率为已解决投诉中按时解决的占比；无可计算时为空", "Shares are of the resolved complaints; empty when none" },
    { "数量", "Count" },
};
#define MW(l, w) (MWORDS[(w)][(l)])

/* What a group's table needs besides the accumulator. */
typedef struct month_ctx {
    fd_store *store;
    const fd_actor *actor;
    fd_complaint_stats *st;
    const char *fn;
    fd__lang l;
} month_ctx;

/* Sets cell @col of the last row to @n, or leaves it null when @n is negative (nothing to count from). */
static fd_status maybe_int(fd_report *r, size_t s, size_t col, int64_t n)
{
    return n < 0 ? FD_OK : fd_report_cell_int(r, s, 0, col, n);
}

/* Sets percent cell @col to @n in @of, or leaves it null when @of is 0. */
static fd_status share_cell(fd_report *r, size_t s, size_t col, int64_t n, int64_t of)
{
    return of > 0 ? fd_report_cell_int(r, s, 0, col, fd__report_share(n, of)) : FD_OK;
}

/* A summary row: key, item, value (null when negative) and, when @of >= 0, the share of @of. */
static fd_status summary_row(fd_report *r, size_t s, const char *key, const char *item, int64_t value, int64_t of)
{
    fd_status rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, key);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, item);
    if (rc == FD_OK) rc = maybe_int(r, s, 2, value);
    if (rc == FD_OK && of >= 0) rc = share_cell(r, s, 3, value, of);
    return rc;
}

static fd_status add_summary(fd_report *r, const fd_complaint_stats_totals *t, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", MW(l, M_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", MW(l, M_ITEM), FD_REPORT_COLUMN_TEXT },
        { "value", MW(l, M_VALUE), FD_REPORT_COLUMN_INT },
        { "share", MW(l, M_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    const struct { const char *key; enum mword word; int64_t value, of; } rows[] = {
        { "received", M_RECEIVED, t->received, -1 },
        { "valid", M_VALID, t->valid, t->received },
        { "invalid", M_INVALID, t->invalid, t->received },
        { "unassessed", M_UNASSESSED, t->unassessed, t->received },
        { "open", M_OPEN, t->open, t->received },
        { "resolved", M_RESOLVED, t->resolved, -1 },
        { "resolved_in_time", M_IN_TIME, t->resolved_in_time, t->resolved },
        { "reopened", M_REOPENED, t->reopened, t->received },
        { "reopens", M_REOPENS, t->reopens, -1 },
        { "resolve_median_s", M_MEDIAN_ALL, t->resolve_median_s, -1 },
        { "resolve_p90_s", M_P90_ALL, t->resolve_p90_s, -1 },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "complaints.summary", MW(l, M_SUMMARY), cols, 4);
    for (size_t i = 0; rc == FD_OK && i < sizeof rows / sizeof *rows; i++)
        rc = summary_row(r, s, rows[i].key, MW(l, rows[i].word), rows[i].value, rows[i].of);
    if (rc == FD_OK)
        rc = fd_report_note_add(r, s, MW(l, M_NOTE_TIMES));
    return rc;
}

/* @out holds @text. */
static fd_status set_text(fd_buf *out, const char *text)
{
    fd__buf_clear(out);
    return fd__buf_puts(out, text);
}

/* The label of a category code: the built-in list's, else the site's category's, else the code. */
static fd_status category_label(fd_buf *out, const month_ctx *m, const char *code)
{
    const char *label = fd_complaint_code_label("category", code);
    if (label != NULL)
        return set_text(out, label);
    fd_complaint_category_filter f = FD_COMPLAINT_CATEGORY_FILTER_INIT;
    f.match = FD_COMPLAINT_CATEGORY_MATCH_CODE;
    f.code = code;
    fd_complaint_category_iter *it = NULL;
    const fd_complaint_category *c = NULL;
    fd_status rc = fd_store_complaint_category_query(&it, m->store, m->actor, &f);
    if (rc == FD_OK)
        rc = fd_complaint_category_iter_next(&c, it);
    if (rc == FD_OK)
        rc = set_text(out, c ? c->label : code);
    fd_complaint_category_iter_free(it);
    return rc;
}

/* The words of a row's label: a severity, validity or department key. */
static fd_status row_label(fd_buf *out, const month_ctx *m, int group, const fd_complaint_stats_row *row)
{
    static const struct { const char *key; enum mword word; } fixed[] = {
        { "major", M_MAJOR }, { "important", M_IMPORTANT }, { "minor", M_MINOR }, { "valid", M_VALID },
        { "invalid", M_INVALID }, { "unassessed", M_UNASSESSED },
    };
    if (group == FD_COMPLAINT_STATS_CATEGORY)
        return category_label(out, m, row->key);
    if (group == FD_COMPLAINT_STATS_DEPARTMENT) {
        if (row->department_id == 0)
            return set_text(out, MW(m->l, M_UNASSIGNED));
        fd_department *d = NULL;
        fd_status rc = fd_store_department_get(&d, m->store, m->actor, row->department_id);
        if (rc == FD_OK)
            rc = set_text(out, d->name);
        fd_department_free(d);
        return rc;
    }
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (strcmp(fixed[i].key, row->key) == 0)
            return set_text(out, MW(m->l, fixed[i].word));
    return set_text(out, row->key);
}

/* One of the four groups: key, label, counts, the share within target and the times to resolve. */
static fd_status add_group(fd_report *r, const month_ctx *m, int group, const char *key, enum mword title)
{
    fd__lang l = m->l;
    const fd__column_spec cols[] = {
        { "key", MW(l, M_CODE), FD_REPORT_COLUMN_TEXT },
        { "label", MW(l, group == FD_COMPLAINT_STATS_DEPARTMENT ? M_DEPARTMENT : M_LABEL), FD_REPORT_COLUMN_TEXT },
        { "count", MW(l, M_COUNT), FD_REPORT_COLUMN_INT },
        { "resolved", MW(l, M_RESOLVED), FD_REPORT_COLUMN_INT },
        { "resolved_in_time", MW(l, M_IN_TIME), FD_REPORT_COLUMN_INT },
        { "resolved_in_time_share", MW(l, M_IN_TIME_SHARE), FD_REPORT_COLUMN_PERCENT },
        { "resolve_median_s", MW(l, M_MEDIAN), FD_REPORT_COLUMN_INT },
        { "resolve_p90_s", MW(l, M_P90), FD_REPORT_COLUMN_INT },
    };
    size_t s = 0, n = fd_complaint_stats_row_count(m->st, group);
    fd_buf label = FD_BUF_INIT;
    fd_status rc = fd__report_add_section(&s, r, key, MW(l, title), cols, 8);
    for (size_t i = 0; rc == FD_OK && i < n; i++) {
        fd_complaint_stats_row row = FD_COMPLAINT_STATS_ROW_INIT;
        rc = fd_complaint_stats_row_get(&row, m->st, group, i);
        if (rc == FD_OK) rc = row_label(&label, m, group, &row);
        if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, row.key);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, label.ptr);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, row.count);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, row.resolved);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 4, row.resolved_in_time);
        if (rc == FD_OK) rc = share_cell(r, s, 5, row.resolved_in_time, row.resolved);
        if (rc == FD_OK) rc = maybe_int(r, s, 6, row.resolve_median_s);
        if (rc == FD_OK) rc = maybe_int(r, s, 7, row.resolve_p90_s);
    }
    if (rc == FD_OK && group == FD_COMPLAINT_STATS_SEVERITY)
        rc = fd_report_note_add(r, s, MW(l, M_NOTE_SHARES));
    fd_buf_dispose(&label);
    return rc;
}

static fd_status add_satisfaction(fd_report *r, const fd_complaint_stats_totals *t, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", MW(l, M_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", MW(l, M_ITEM), FD_REPORT_COLUMN_TEXT },
        { "value", MW(l, M_NUMBER), FD_REPORT_COLUMN_INT },
        { "share", MW(l, M_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "complaints.satisfaction", MW(l, M_SATISFACTION), cols, 4);
    if (rc == FD_OK) rc = summary_row(r, s, "satisfied", MW(l, M_SATISFIED), t->satisfied, t->followed_up);
    if (rc == FD_OK) rc = summary_row(r, s, "average", MW(l, M_AVERAGE), t->average, t->followed_up);
    if (rc == FD_OK) rc = summary_row(r, s, "unsatisfied", MW(l, M_UNSATISFIED), t->unsatisfied, t->followed_up);
    if (rc == FD_OK) rc = summary_row(r, s, "followed_up", MW(l, M_FOLLOWED_UP), t->followed_up, -1);
    return rc;
}

static fd_status add_meta(fd_report *r, const fd_site *site, const fd_complaint_stats_totals *t, const char *version,
                          const char *generated, fd__lang l)
{
    char month[16], count[24];
    snprintf(month, sizeof month, "%04d-%02d", t->year, t->month);
    snprintf(count, sizeof count, "%lld", (long long)t->received);
    fd_status rc = fd_report_meta_add(r, "site", MW(l, M_SITE), site->name);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "site_code", MW(l, M_SITE_CODE), site->code);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "month", MW(l, M_MONTH), month);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "time_zone", MW(l, M_TIME_ZONE), site->time_zone);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "calendar_version", MW(l, M_CALENDAR), version);
    if (rc == FD_OK)
        rc = fd_report_meta_add(r, "provisional", MW(l, M_PROVISIONAL), MW(l, t->provisional ? M_YES : M_NO));
    if (rc == FD_OK) rc = fd_report_meta_add(r, "generated", MW(l, M_GENERATED), generated);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "total", MW(l, M_TOTAL), count);
    return rc;
}

fd_status fd_report_complaints_month_new(fd_report **out, fd_store *store, const fd_actor *actor, int year, int month,
                                         const char *language)
{
    static const char fn[] = "fd_report_complaints_month_new";
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
    fd_complaint_stats *st = NULL;
    fd_complaint_stats_totals t = FD_COMPLAINT_STATS_TOTALS_INIT;
    fd_buf version = FD_BUF_INIT;
    char generated[32];
    if ((rc = fd_store_complaint_stats(&st, store, actor, year, month)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc == FD_OK)
        rc = fd_store_site_get(&site, store, NULL, actor->site_id);
    fd__zone *zone = rc ? NULL : fd__zone_open(fn, "site.time_zone", site->time_zone);
    if (rc == FD_OK && zone == NULL)
        rc = fd_error_last()->code;
    /* "Generated" is the actor's instant: reports of a fixed actor are reproducible. */
    if (rc == FD_OK)
        rc = fd__zone_format(zone, fn, actor->at, generated);
    if (rc == FD_OK)
        rc = fd__store_calendar_version(&version, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd_complaint_stats_get(&t, st);
    const month_ctx m = { store, actor, st, fn, l };
    if (rc == FD_OK)
        rc = fd_report_new(&r, "complaints.month", MW(l, M_TITLE));
    if (rc == FD_OK)
        rc = add_meta(r, site, &t, version.ptr, generated, l);
    if (rc == FD_OK)
        rc = add_summary(r, &t, l);
    if (rc == FD_OK)
        rc = add_group(r, &m, FD_COMPLAINT_STATS_SEVERITY, "complaints.by_severity", M_BY_SEVERITY);
    if (rc == FD_OK)
        rc = add_group(r, &m, FD_COMPLAINT_STATS_CATEGORY, "complaints.by_category", M_BY_CATEGORY);
    if (rc == FD_OK)
        rc = add_group(r, &m, FD_COMPLAINT_STATS_DEPARTMENT, "complaints.by_department", M_BY_DEPARTMENT);
    if (rc == FD_OK)
        rc = add_group(r, &m, FD_COMPLAINT_STATS_VALIDITY, "complaints.by_validity", M_BY_VALIDITY);
    if (rc == FD_OK)
        rc = add_satisfaction(r, &t, l);
    fd__zone_close(zone);
    fd_buf_dispose(&version);
    fd_complaint_stats_free(st);
    fd_site_free(site);
    return fd__report_done(out, r, rc);
}
