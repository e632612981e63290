/*
 * The complaints section of the daily report (issue 13, item 5; R-COM-4,
 * R-CPL-2, R-COM-2): the day's counts (received, resolved, breaches recorded,
 * targets due tomorrow — the store's private counts, each one range of an
 * index: fd__store_complaint_day), the day's complaints each with its targets
 * (due in site time, met / breached / paused / open, the provisional flag),
 * and the end-of-day list of YESTERDAY's complaints still without an answer
 * (fd_store_complaint_unanswered). Records are read through the public API,
 * personal data as the store gives it to the actor: masked unless revealed.
 */
#include "report/report_internal.h"
#include "frontdesk/store.h"

#include <stdio.h>
#include <string.h>

enum cword {
    C_SUMMARY, C_RECEIVED_LIST, C_UNANSWERED, C_CODE, C_ITEM, C_COUNT, C_RECEIVED, C_RESOLVED, C_BREACHED,
    C_DUE_TOMORROW, C_ID, C_RECEIVED_AT, C_SEVERITY, C_CATEGORY, C_STATE, C_TARGET, C_DUE, C_STATUS,
    C_PROVISIONAL, C_CUSTOMER, C_CONTACT, C_WHAT, C_MET, C_BREACH, C_PAUSED, C_OPEN, C_NOT_STARTED, C_YES, C_NO,
    C_NOTE_BREACHED, C_NOTE_UNANSWERED, C_COUNT_
};
static const char *const CWORDS[C_COUNT_][2] = {
    { "投诉汇总", "Complaints" },
    { "当日受理投诉及时限", "The day's complaints and their targets" },
    { "昨日投诉未答复", "Yesterday's complaints still without an answer" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "数量", "Count" },
    { "受理", "Received" },
    { "解决（客户签收）", "Resolved (acceptance signed)" },
    { "超时（当日记录）", "Targets breached (recorded in the day)" },
    { "明日到期", "Targets due tomorrow" },
    { "编号", "ID" },
    { "受理时间", "Received" },
    { "严重程度", "Severity" },
    { "类别", "Category" },
    { "状态", "State" },
    { "时限", "Target" },
    { "到期", "Due" },
    { "时限状态", "Target status" },
    { "推算日历", "Provisional" },
    { "客户", "Customer" },
    { "联系方式", "Contact" },
    { "投诉内容", "What happened" },
    { "已达成", "met" },
    { "已超时", "breached" },
    { "暂停", "paused" },
    { "进行中", "open" },
    { "未起算", "not started" },
    { "是", "yes" },
    { "否", "no" },
    { "超时按升级扫描或处理步骤记录超时的时间计；明日到期不含暂停中的时限（R-CPL-2）",
      "Breaches count when the escalation run or a step recorded them; due tomorrow leaves out paused targets (R-CPL-2)" },
    { "昨日受理、未关闭且尚无首次联系、答复或回复的投诉，交班前核对（R-COM-4）",
      "Complaints received yesterday, not closed, with no first contact, answer or reply yet: for the shift to "
      "review before it leaves (R-COM-4)" },
};
#define CW(l, w) (CWORDS[(w)][(l)])

typedef struct day_ctx {
    fd_store *store;
    const fd_actor *actor;
    fd__zone *zone;
    const char *fn;
    fd__lang l;
} day_ctx;

static fd_status add_summary(fd_report *r, const fd__complaint_day *d, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", CW(l, C_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", CW(l, C_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", CW(l, C_COUNT), FD_REPORT_COLUMN_INT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "complaints.summary", CW(l, C_SUMMARY), cols, 3);
    if (rc == FD_OK) rc = fd__report_key_row(r, s, "received", CW(l, C_RECEIVED), d->received, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, s, "resolved", CW(l, C_RESOLVED), d->resolved, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, s, "breached", CW(l, C_BREACHED), d->breached, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, s, "due_tomorrow", CW(l, C_DUE_TOMORROW), d->due_tomorrow, -1);
    if (rc == FD_OK) rc = fd_report_note_add(r, s, CW(l, C_NOTE_BREACHED));
    return rc;
}

/* A row's first cells, as both lists have them: id, received, severity, category. */
static fd_status complaint_cells(fd_report *r, size_t s, const fd_complaint *c, const day_ctx *d)
{
    fd_status rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 0, c->id);
    if (rc == FD_OK) rc = fd__report_instant_cell(r, s, 1, c->received_at, d->zone, d->fn);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, c->severity);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 3, c->category);
    return rc;
}

/* What a target's clock says, as stored: a breach stays recorded (R-CPL-2). */
static enum cword target_status(const fd_complaint_target *t)
{
    return t->breached_at ? C_BREACH : t->met_at ? C_MET : t->paused ? C_PAUSED : t->due_at ? C_OPEN : C_NOT_STARTED;
}

/* Complaint @c's targets in force, a row each (a complaint without one in force: one row without a target). */
static fd_status complaint_rows(fd_report *r, size_t s, const fd_complaint *c, const day_ctx *d)
{
    fd_complaint_target_filter f = FD_COMPLAINT_TARGET_FILTER_INIT;
    f.match = FD_COMPLAINT_TARGET_MATCH_COMPLAINT_ID;
    f.complaint_id = c->id;
    fd_complaint_target_iter *it = NULL;
    const fd_complaint_target *t = NULL;
    size_t rows = 0;
    fd_status rc = fd_store_complaint_target_query(&it, d->store, d->actor, &f);
    while (rc == FD_OK && (rc = fd_complaint_target_iter_next(&t, it)) == FD_OK && t) {
        if (t->superseded_at)
            continue; /* history: the severity's plan before a change */
        rows++;
        rc = complaint_cells(r, s, c, d);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, c->state);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 5, t->target);
        if (rc == FD_OK) rc = fd__report_instant_cell(r, s, 6, t->due_at, d->zone, d->fn);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 7, CW(d->l, target_status(t)));
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 8, CW(d->l, t->provisional ? C_YES : C_NO));
    }
    fd_complaint_target_iter_free(it);
    if (rc == FD_OK && rows == 0) {
        rc = complaint_cells(r, s, c, d);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, c->state);
    }
    return rc;
}

/* The day's complaints in id order (one range of complaints_site_received), each with its targets. */
static fd_status add_received(fd_report *r, const day_ctx *d, int64_t a, int64_t b)
{
    fd__lang l = d->l;
    const fd__column_spec cols[] = {
        { "id", CW(l, C_ID), FD_REPORT_COLUMN_INT },
        { "received_at", CW(l, C_RECEIVED_AT), FD_REPORT_COLUMN_INSTANT },
        { "severity", CW(l, C_SEVERITY), FD_REPORT_COLUMN_TEXT },
        { "category", CW(l, C_CATEGORY), FD_REPORT_COLUMN_TEXT },
        { "state", CW(l, C_STATE), FD_REPORT_COLUMN_TEXT },
        { "target", CW(l, C_TARGET), FD_REPORT_COLUMN_TEXT },
        { "due_at", CW(l, C_DUE), FD_REPORT_COLUMN_INSTANT },
        { "status", CW(l, C_STATUS), FD_REPORT_COLUMN_TEXT },
        { "provisional", CW(l, C_PROVISIONAL), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "complaints.received", CW(l, C_RECEIVED_LIST), cols, 9);
    fd_complaint_filter f = FD_COMPLAINT_FILTER_INIT;
    f.match = FD_COMPLAINT_MATCH_RECEIVED_AT_FROM | FD_COMPLAINT_MATCH_RECEIVED_AT_TO;
    f.received_at_from = a;
    f.received_at_to = b;
    fd_complaint_iter *it = NULL;
    const fd_complaint *c = NULL;
    if (rc == FD_OK)
        rc = fd_store_complaint_query(&it, d->store, d->actor, &f);
    while (rc == FD_OK && (rc = fd_complaint_iter_next(&c, it)) == FD_OK && c)
        rc = complaint_rows(r, s, c, d);
    fd_complaint_iter_free(it);
    return rc;
}

/* R-COM-4: yesterday's complaints still without an answer, in pages of 64. */
static fd_status add_unanswered(fd_report *r, const day_ctx *d, fd_date yesterday)
{
    fd__lang l = d->l;
    const fd__column_spec cols[] = {
        { "id", CW(l, C_ID), FD_REPORT_COLUMN_INT },
        { "received_at", CW(l, C_RECEIVED_AT), FD_REPORT_COLUMN_INSTANT },
        { "severity", CW(l, C_SEVERITY), FD_REPORT_COLUMN_TEXT },
        { "category", CW(l, C_CATEGORY), FD_REPORT_COLUMN_TEXT },
        { "customer", CW(l, C_CUSTOMER), FD_REPORT_COLUMN_TEXT },
        { "contact", CW(l, C_CONTACT), FD_REPORT_COLUMN_TEXT },
        { "what", CW(l, C_WHAT), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "complaints.unanswered", CW(l, C_UNANSWERED), cols, 7);
    for (int64_t after = 0, got = 64; rc == FD_OK && got == 64;) {
        fd_complaint_iter *it = NULL;
        const fd_complaint *c = NULL;
        got = 0;
        rc = fd_store_complaint_unanswered(&it, d->store, d->actor, yesterday, after, 64);
        while (rc == FD_OK && (rc = fd_complaint_iter_next(&c, it)) == FD_OK && c) {
            after = c->id;
            got++;
            rc = complaint_cells(r, s, c, d);
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, c->customer ? c->customer : "");
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 5, c->contact ? c->contact : "");
            if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 6, c->what);
        }
        fd_complaint_iter_free(it);
    }
    if (rc == FD_OK)
        rc = fd_report_note_add(r, s, CW(l, C_NOTE_UNANSWERED));
    return rc;
}

fd_status fd__daily_complaints(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                               const char *fn, fd__lang l)
{
    fd_local_time before, next;
    int64_t ta = 0, tb = 0, ya = 0, yb = 0;
    fd__complaint_day day;
    const day_ctx d = { s, actor, zone, fn, l };
    /* tomorrow: the local day starting at @b; yesterday: the one ending at @a */
    fd_status rc = fd__zone_local(zone, fn, b, &next);
    if (rc == FD_OK) rc = fd__zone_local(zone, fn, a - 1, &before);
    if (rc == FD_OK) rc = fd__zone_day_bounds(zone, fn, next.date, &ta, &tb);
    if (rc == FD_OK) rc = fd__zone_day_bounds(zone, fn, before.date, &ya, &yb);
    if (rc == FD_OK) rc = fd__store_complaint_day(&day, s, actor, fn, a, b, tb);
    if (rc == FD_OK) rc = add_summary(r, &day, l);
    if (rc == FD_OK) rc = add_received(r, &d, a, b);
    if (rc == FD_OK) rc = add_unanswered(r, &d, before.date);
    return rc;
}
