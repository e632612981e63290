/*
 * The visitors section of the daily report (issue 12, item 8; R-VIS-1,
 * R-VIS-2, R-VIS-4, R-VIS-6, R-VIS-7, R-VIS-8, R-COM-2, R-COM-4): the day's
 * counts from fd_store_visit_stats, the day's arrivals by purpose and by host
 * organisation (the store's private grouping, fd__store_visit_groups), the
 * blocklist's matches by level and decision (never who), the important visits
 * of the day still being prepared (fd_store_visit_prep_open) and the visitors
 * still on site (fd_store_visit_onsite). Names come back as the store gives
 * them to the actor: masked unless revealed (R-COM-2).
 */
#include "report/report_internal.h"
#include "frontdesk/store.h"

#include <stdio.h>
#include <string.h>

/* Groups shown in the purpose and organisation tables before the rest is summed as 其他/Other. */
#define TOP_GROUPS 10

enum vword {
    V_SUMMARY, V_BY_PURPOSE, V_BY_ORGANISATION, V_ITEMS, V_CUSTODY, V_BLOCKLIST, V_IMPORTANT, V_ON_SITE, V_CODE,
    V_ITEM, V_COUNT, V_PURPOSE, V_ORGANISATION, V_VISITS, V_SHARE, V_OTHER, V_NO_ORGANISATION, V_LEVEL, V_LABEL,
    V_PENDING, V_ADMITTED, V_REFUSED_DECISION, V_TOTAL, V_PLANNED, V_SLIP, V_VISITOR, V_OPEN_ITEMS, V_OVERDUE_ITEMS,
    V_ARRIVED_AT, V_HOST, V_PARTY, V_FROM, V_OVERSTAY_SINCE, V_WARNING, V_LIMITED, V_FORBIDDEN, V_REGISTERED, V_WALK_INS,
    V_PREREGISTERED, V_IMPORTANT_N, V_ARRIVED, V_LEFT, V_DECLINED, V_REFUSED, V_CANCELLED, V_EXPECTED, V_NOT_COME,
    V_ON_SITE_N, V_OVERSTAYS, V_ISSUED, V_RETURNED, V_LOST, V_FOUND, V_OUT, V_UNRETURNED, V_COUNTS_OPEN, V_DEPOSITED,
    V_COLLECTED, V_RETURNED_C, V_HANDED_ON, V_HELD, V_TO_NOTIFY, V_TO_REMIND, V_UNCLAIMED, V_GOODS_CHECKED,
    V_GOODS_RELEASED, V_GOODS_MISMATCHES, V_GROUPS_NOTE, V_ORG_NOTE, V_BLOCKLIST_NOTE, V_ON_SITE_NOTE, V_COUNT_
};
static const char *const VWORDS[V_COUNT_][2] = {
    { "访客汇总", "Visitors" },
    { "来访事由", "Visits by purpose" },
    { "拜访企业", "Visits by host organisation" },
    { "访客卡与物品", "Visitor cards and counted items" },
    { "物品保管与放行", "Custody and goods release" },
    { "黑名单命中", "Blocklist matches" },
    { "重要来访待准备", "Important visits still being prepared" },
    { "仍在场访客", "Visitors still on site" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "数量", "Count" },
    { "事由", "Purpose" },
    { "企业", "Organisation" },
    { "来访", "Visits" },
    { "占比", "Share" },
    { "其他", "Other" },
    { "个人住户", "none" },
    { "级别", "Level" },
    { "名称", "Name" },
    { "待定", "Pending" },
    { "已放行", "Admitted" },
    { "已拒绝", "Refused" },
    { "合计", "Total" },
    { "预约时间", "Planned" },
    { "登记单号", "Slip" },
    { "访客", "Visitor" },
    { "未完成", "Open" },
    { "已逾期", "Overdue" },
    { "到达时间", "Arrived" },
    { "拜访对象", "Host" },
    { "人数", "Party" },
    { "来访单位", "From" },
    { "超时起", "Overstaying since" },
    { "提醒", "warning" },
    { "限制", "limited" },
    { "禁止", "forbidden" },
    { "登记", "Registered" },
    { "现场登记", "Walk-ins" },
    { "预约登记", "Pre-registered" },
    { "重要来访", "Important" },
    { "到达", "Arrived" },
    { "离开", "Left" },
    { "婉拒", "Declined by the host" },
    { "拒绝入内", "Refused by the desk" },
    { "取消预约", "Cancelled" },
    { "预约到访", "Expected" },
    { "预约未到", "Expected, not come" },
    { "日终仍在场", "Still on site at the day's end" },
    { "超时停留", "Overstays" },
    { "借出", "Issued" },
    { "归还", "Returned" },
    { "遗失", "Lost" },
    { "找回", "Found" },
    { "日终未还", "Out at the day's end" },
    { "访客已离开未还", "Out with a visitor who has left" },
    { "盘点差异待说明", "Counts with a difference not explained" },
    { "登记保管", "Deposited" },
    { "领取", "Collected" },
    { "退回", "Returned" },
    { "移交", "Handed on" },
    { "日终保管中", "Held at the day's end" },
    { "待通知", "Owner to be told" },
    { "待提醒", "Due a reminder" },
    { "逾期无人认领", "Unclaimed" },
    { "放行条查验", "Goods permits checked at the gate" },
    { "放行", "Released" },
    { "不符", "Mismatches" },
    { "按当日到达的来访计；事由中的号码已遮蔽（R-COM-2）", "Visits that arrived in the day; numbers in a purpose are masked (R-COM-2)" },
    { "按当日到达的来访计；“个人住户”为拜访住户和未登记企业的来访",
      "Visits that arrived in the day; 'none': visits to occupants and to hosts not in the register" },
    { "按来访计，取命中的最高级别；不显示名单中的姓名、电话和证件号（R-VIS-1）",
      "Visits matched, by the strongest level matched; the list's names, phones and ID numbers are never shown (R-VIS-1)" },
    { "生成报表时仍在场、当日结束前到达的访客（R-COM-4）",
      "Visitors still on site when the report was made who arrived before the day's end (R-COM-4)" },
};
#define VW(l, w) (VWORDS[(w)][(l)])

/* What the section reads: the store and actor, the day [a, b), how to show instants. */
typedef struct day_ctx {
    fd_store *store;
    const fd_actor *actor;
    int64_t a, b;
    fd__zone *zone;
    const char *fn;
} day_ctx;

/* One count of a key/item/count table: its key, its word and the number. */
typedef struct count_row {
    const char *key;
    enum vword word;
    int64_t n;
} count_row;

/* A section of key/item/count rows (keys never change: for JSON and CSV readers). */
static fd_status add_counts(fd_report *r, size_t *section, const char *key, enum vword title, const count_row *rows,
                            size_t n, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", VW(l, V_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", VW(l, V_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", VW(l, V_COUNT), FD_REPORT_COLUMN_INT },
    };
    fd_status rc = fd__report_add_section(section, r, key, VW(l, title), cols, 3);
    for (size_t i = 0; rc == FD_OK && i < n; i++)
        rc = fd__report_key_row(r, *section, rows[i].key, VW(l, rows[i].word), rows[i].n, -1);
    return rc;
}

static fd_status add_summary(fd_report *r, const fd_visit_stats *st, int64_t end, const day_ctx *d, fd__lang l)
{
    const count_row rows[] = {
        { "registered", V_REGISTERED, st->registered },
        { "walk_ins", V_WALK_INS, st->walk_ins },
        { "preregistered", V_PREREGISTERED, st->preregistered },
        { "important", V_IMPORTANT_N, st->important },
        { "arrived", V_ARRIVED, st->arrived },
        { "left", V_LEFT, st->left },
        { "declined", V_DECLINED, st->declined },
        { "refused", V_REFUSED, st->refused },
        { "cancelled", V_CANCELLED, st->cancelled },
        { "expected", V_EXPECTED, st->expected },
        { "not_come", V_NOT_COME, st->not_come },
        { "on_site", V_ON_SITE_N, st->on_site },
        { "overstays", V_OVERSTAYS, st->overstays },
    };
    size_t s = 0;
    fd_status rc = add_counts(r, &s, "visitors.summary", V_SUMMARY, rows, sizeof rows / sizeof *rows, l);
    /* A report of a day not over yet counts what stands at its making. */
    if (rc == FD_OK && end < d->b) {
        char at[40], note[160];
        if ((rc = fd__report_local(d->zone, d->fn, end, at)) == FD_OK) {
            snprintf(note, sizeof note,
                     l == FD__ZH ? "日终数按 %s 计（R-COM-4）" : "Figures at the day's end are as of %s (R-COM-4)", at);
            rc = fd_report_note_add(r, s, note);
        }
    }
    return rc;
}

/* The day's arrivals grouped (purpose or host organisation): the largest groups, the rest as 其他/Other. */
static fd_status add_groups(fd_report *r, const day_ctx *d, int by, int64_t total, fd__lang l)
{
    bool purpose = by == FD__VISIT_BY_PURPOSE;
    const fd__column_spec cols[] = {
        { purpose ? "purpose" : "organisation", VW(l, purpose ? V_PURPOSE : V_ORGANISATION), FD_REPORT_COLUMN_TEXT },
        { "visits", VW(l, V_VISITS), FD_REPORT_COLUMN_INT },
        { "share", VW(l, V_SHARE), FD_REPORT_COLUMN_PERCENT },
    };
    size_t s = 0, n = 0;
    fd__visit_group_row *g = NULL;
    fd_status rc = fd__report_add_section(&s, r, purpose ? "visitors.by_purpose" : "visitors.by_organisation",
                                          VW(l, purpose ? V_BY_PURPOSE : V_BY_ORGANISATION), cols, 3);
    if (rc == FD_OK)
        rc = fd__store_visit_groups(&g, &n, d->store, d->actor, d->a, d->b, by);
    int64_t other = 0;
    for (size_t i = 0; rc == FD_OK && i < n; i++) {
        if (i >= TOP_GROUPS - 1 && n > TOP_GROUPS) {
            other += g[i].visits;
            continue;
        }
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, g[i].text ? g[i].text : VW(l, V_NO_ORGANISATION));
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 1, g[i].visits);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, fd__report_share(g[i].visits, total));
    }
    if (rc == FD_OK && other) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, VW(l, V_OTHER));
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 1, other);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, fd__report_share(other, total));
    }
    if (rc == FD_OK)
        rc = fd_report_note_add(r, s, VW(l, purpose ? V_GROUPS_NOTE : V_ORG_NOTE));
    fd__visit_groups_free(g, n);
    return rc;
}

static fd_status add_items_and_custody(fd_report *r, const fd_visit_stats *st, fd__lang l)
{
    const count_row items[] = {
        { "issued", V_ISSUED, st->items_issued },
        { "returned", V_RETURNED, st->items_returned },
        { "lost", V_LOST, st->items_lost },
        { "found", V_FOUND, st->items_found },
        { "out", V_OUT, st->items_out },
        { "unreturned", V_UNRETURNED, st->items_unreturned },
        { "counts_open", V_COUNTS_OPEN, st->counts_open },
    };
    const count_row custody[] = {
        { "deposited", V_DEPOSITED, st->custody_deposited },
        { "collected", V_COLLECTED, st->custody_collected },
        { "returned", V_RETURNED_C, st->custody_returned },
        { "handed_on", V_HANDED_ON, st->custody_handed_on },
        { "held", V_HELD, st->custody_held },
        { "to_notify", V_TO_NOTIFY, st->custody_to_notify },
        { "to_remind", V_TO_REMIND, st->custody_to_remind },
        { "unclaimed", V_UNCLAIMED, st->custody_unclaimed },
        { "goods_checked", V_GOODS_CHECKED, st->goods_checked },
        { "goods_released", V_GOODS_RELEASED, st->goods_released },
        { "goods_mismatches", V_GOODS_MISMATCHES, st->goods_mismatches },
    };
    size_t s = 0;
    fd_status rc = add_counts(r, &s, "visitors.items", V_ITEMS, items, sizeof items / sizeof *items, l);
    if (rc == FD_OK)
        rc = add_counts(r, &s, "visitors.custody", V_CUSTODY, custody, sizeof custody / sizeof *custody, l);
    return rc;
}

/* Visits matched by the blocklist: a row per level, the desk's decisions across (R-VIS-1). */
static fd_status add_blocklist(fd_report *r, const fd_visit_stats *st, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "level", VW(l, V_LEVEL), FD_REPORT_COLUMN_TEXT },
        { "label", VW(l, V_LABEL), FD_REPORT_COLUMN_TEXT },
        { "pending", VW(l, V_PENDING), FD_REPORT_COLUMN_INT },
        { "admitted", VW(l, V_ADMITTED), FD_REPORT_COLUMN_INT },
        { "refused", VW(l, V_REFUSED_DECISION), FD_REPORT_COLUMN_INT },
        { "total", VW(l, V_TOTAL), FD_REPORT_COLUMN_INT },
    };
    const struct { const char *level; enum vword word; int64_t pending, admitted, refused; } rows[] = {
        { "warning", V_WARNING, st->blocklist_warning_pending, st->blocklist_warning_admitted,
          st->blocklist_warning_refused },
        { "limited", V_LIMITED, st->blocklist_limited_pending, st->blocklist_limited_admitted,
          st->blocklist_limited_refused },
        { "forbidden", V_FORBIDDEN, st->blocklist_forbidden_pending, st->blocklist_forbidden_admitted,
          st->blocklist_forbidden_refused },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "visitors.blocklist", VW(l, V_BLOCKLIST), cols, 6);
    for (size_t i = 0; rc == FD_OK && i < sizeof rows / sizeof *rows; i++) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, rows[i].level);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, VW(l, rows[i].word));
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, rows[i].pending);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, rows[i].admitted);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 4, rows[i].refused);
        if (rc == FD_OK)
            rc = fd_report_cell_int(r, s, 0, 5, rows[i].pending + rows[i].admitted + rows[i].refused);
    }
    if (rc == FD_OK)
        rc = fd_report_note_add(r, s, VW(l, V_BLOCKLIST_NOTE));
    return rc;
}

/* A row's first four cells, as both lists have them: an instant, the slip, the visitor, where they came from. */
static fd_status visit_row(fd_report *r, size_t s, const day_ctx *d, int64_t at, const fd_visit *v)
{
    fd_status rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd__report_instant_cell(r, s, 0, at, d->zone, d->fn);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 1, v->slip_no);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, v->visitor);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 3, v->organisation);
    return rc;
}

typedef fd_status (*visit_row_fn)(fd_report *r, size_t s, const day_ctx *d, const fd_visit *v);

/*
 * Every page (64 visits) of the day's important visits still being prepared
 * (@important), or of the visitors on site: @row adds each one's row.
 */
static fd_status each_visit(fd_report *r, size_t s, const day_ctx *d, bool important, visit_row_fn row)
{
    fd_status rc = FD_OK;
    for (int64_t after = 0, got = 64; rc == FD_OK && got == 64;) {
        fd_visit_iter *it = NULL;
        const fd_visit *v = NULL;
        got = 0;
        rc = important ? fd_store_visit_prep_open(&it, d->store, d->actor, d->a, d->b, after, 64)
                       : fd_store_visit_onsite(&it, d->store, d->actor, after, 64);
        while (rc == FD_OK && (rc = fd_visit_iter_next(&v, it)) == FD_OK && v) {
            after = v->id;
            got++;
            rc = row(r, s, d, v);
        }
        fd_visit_iter_free(it);
    }
    return rc;
}

/* An important visit with its checklist's open and overdue items at the actor's instant. */
static fd_status important_row(fd_report *r, size_t s, const day_ctx *d, const fd_visit *v)
{
    fd_visit_prep_status ps;
    fd_status rc = fd_store_visit_prep_status(&ps, d->store, d->actor, v->id);
    if (rc == FD_OK) rc = visit_row(r, s, d, v->planned_from, v);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 4, ps.open);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 5, ps.overdue);
    return rc;
}

/* R-VIS-6: the important visits planned in the day, not cancelled, with checklist items still open. */
static fd_status add_important(fd_report *r, const day_ctx *d, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "planned_from", VW(l, V_PLANNED), FD_REPORT_COLUMN_INSTANT },
        { "slip_no", VW(l, V_SLIP), FD_REPORT_COLUMN_INT },
        { "visitor", VW(l, V_VISITOR), FD_REPORT_COLUMN_TEXT },
        { "organisation", VW(l, V_FROM), FD_REPORT_COLUMN_TEXT },
        { "open", VW(l, V_OPEN_ITEMS), FD_REPORT_COLUMN_INT },
        { "overdue", VW(l, V_OVERDUE_ITEMS), FD_REPORT_COLUMN_INT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "visitors.important", VW(l, V_IMPORTANT), cols, 6);
    return rc ? rc : each_visit(r, s, d, true, important_row);
}

/* Whom a visit came to see, as the store gives it to the actor: the text, else the host record's name. */
static fd_status host_cell(fd_report *r, size_t s, size_t col, fd_store *store, const fd_actor *actor,
                           const fd_visit *v)
{
    if (v->host[0])
        return fd_report_cell_text(r, s, 0, col, v->host);
    fd_status rc = FD_OK;
    if (v->host_employee) {
        fd_employee *e = NULL;
        if ((rc = fd_store_employee_get(&e, store, actor, v->host_employee)) == FD_OK)
            rc = fd_report_cell_text(r, s, 0, col, e->name);
        fd_employee_free(e);
    } else if (v->host_occupant) {
        fd_occupant *o = NULL;
        if ((rc = fd_store_occupant_get(&o, store, actor, v->host_occupant)) == FD_OK)
            rc = fd_report_cell_text(r, s, 0, col, o->name);
        fd_occupant_free(o);
    } else if (v->host_department) {
        fd_department *d = NULL;
        if ((rc = fd_store_department_get(&d, store, actor, v->host_department)) == FD_OK)
            rc = fd_report_cell_text(r, s, 0, col, d->name);
        fd_department_free(d);
    } else if (v->host_organisation) {
        fd_organisation *o = NULL;
        if ((rc = fd_store_organisation_get(&o, store, actor, v->host_organisation)) == FD_OK)
            rc = fd_report_cell_text(r, s, 0, col, o->name);
        fd_organisation_free(o);
    }
    return rc;
}

/* A visitor on site who arrived before the day's end, with when they began to overstay (at the actor's instant). */
static fd_status on_site_row(fd_report *r, size_t s, const day_ctx *d, const fd_visit *v)
{
    if (v->arrived_at >= d->b)
        return FD_OK;
    fd_overstay o;
    fd_status rc = fd_store_visit_overstay(&o, d->store, d->actor, v);
    if (rc == FD_OK) rc = visit_row(r, s, d, v->arrived_at, v);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 4, v->party_size);
    if (rc == FD_OK) rc = host_cell(r, s, 5, d->store, d->actor, v);
    if (rc == FD_OK) rc = fd__report_instant_cell(r, s, 6, o.since, d->zone, d->fn);
    return rc;
}

/* R-COM-4: who is still on site, in id order, of those who arrived before the day's end. */
static fd_status add_on_site(fd_report *r, const day_ctx *d, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "arrived_at", VW(l, V_ARRIVED_AT), FD_REPORT_COLUMN_INSTANT },
        { "slip_no", VW(l, V_SLIP), FD_REPORT_COLUMN_INT },
        { "visitor", VW(l, V_VISITOR), FD_REPORT_COLUMN_TEXT },
        { "organisation", VW(l, V_FROM), FD_REPORT_COLUMN_TEXT },
        { "party_size", VW(l, V_PARTY), FD_REPORT_COLUMN_INT },
        { "host", VW(l, V_HOST), FD_REPORT_COLUMN_TEXT },
        { "overstay_since", VW(l, V_OVERSTAY_SINCE), FD_REPORT_COLUMN_INSTANT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "visitors.on_site", VW(l, V_ON_SITE), cols, 7);
    if (rc == FD_OK)
        rc = each_visit(r, s, d, false, on_site_row);
    if (rc == FD_OK && d->actor->at >= d->b)
        rc = fd_report_note_add(r, s, VW(l, V_ON_SITE_NOTE));
    return rc;
}

fd_status fd__daily_visitors(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                             const char *fn, fd__lang l)
{
    fd_visit_stats st;
    memset(&st, 0, sizeof st);
    st.version = FD_VISIT_STATS_VERSION;
    /* the end that stood, as fd_store_visit_stats reads it */
    int64_t end = actor->at < a ? a : actor->at < b ? actor->at : b;
    const day_ctx d = { s, actor, a, b, zone, fn };
    fd_status rc = fd_store_visit_stats(&st, s, actor, a, b);
    if (rc == FD_OK)
        rc = add_summary(r, &st, end, &d, l);
    if (rc == FD_OK)
        rc = add_groups(r, &d, FD__VISIT_BY_PURPOSE, st.arrived, l);
    if (rc == FD_OK)
        rc = add_groups(r, &d, FD__VISIT_BY_ORGANISATION, st.arrived, l);
    if (rc == FD_OK)
        rc = add_items_and_custody(r, &st, l);
    if (rc == FD_OK)
        rc = add_blocklist(r, &st, l);
    if (rc == FD_OK)
        rc = add_important(r, &d, l);
    if (rc == FD_OK)
        rc = add_on_site(r, &d, l);
    return rc;
}
