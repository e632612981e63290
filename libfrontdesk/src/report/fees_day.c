/*
 * The cash desk's day (issue 14, items 4 and 7; R-FEE-9, R-FEE-4): what a
 * site collected on a local day by staff, method and fee item, the receipts
 * used and voided per series with their number ranges and the gaps found,
 * and the customer collection ledger (客户收款明细表) — as the day's own
 * report (fd_report_fees_day_new) and as the daily report's "fees.summary"
 * section (daily_fees.c). Records are read through the public API, personal
 * data as the store gives it to the actor (masked unless revealed). Money is
 * int64 fen.
 */
#include "report/report_internal.h"
#include "frontdesk/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- words ------------------------------------------------------------------------- */

enum fword {
    F_TITLE, F_SITE, F_SITE_CODE, F_DATE, F_GENERATED, F_CLOSED, F_YES, F_NO, F_SUMMARY, F_BY_METHOD, F_BY_STAFF,
    F_BY_ITEM, F_SERIES, F_LEDGER, F_CODE, F_ITEM, F_COUNT, F_AMOUNT, F_PAYMENTS, F_COLLECTED, F_RECEIPTS_USED,
    F_RECEIPTS_VOIDED, F_VOIDED, F_REFUNDED, F_GAPS, F_DAY_CLOSED, F_METHOD, F_STAFF, F_FEE_ITEM, F_KIND,
    F_FIRST, F_LAST, F_USED, F_VOIDED_N, F_GAP_LIST, F_NONE, F_ID, F_AT, F_UNIT, F_PAYER, F_RECEIPT, F_STATE,
    F_NOTE_GAPS, F_NOTE_ITEMS, F_NET, F_COUNT_
};
static const char *const FWORDS[F_COUNT_][2] = {
    { "收费日报", "Cash desk day" },
    { "场所", "Site" },
    { "场所代码", "Site code" },
    { "日期", "Date" },
    { "生成时间", "Generated" },
    { "已日结", "Day closed" },
    { "是", "yes" },
    { "否", "no" },
    { "收费汇总", "Fees" },
    { "按收款方式", "By method" },
    { "按收款人", "By staff" },
    { "按收费项目", "By fee item" },
    { "票据使用", "Receipts by series" },
    { "客户收款明细表", "Customer collection ledger" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "笔数", "Count" },
    { "金额", "Amount" },
    { "收款笔数", "Payments" },
    { "收款金额", "Collected" },
    { "开票张数", "Receipts used" },
    { "作废张数", "Receipts voided" },
    { "作废金额", "Voided" },
    { "退款金额", "Refunded" },
    { "断号", "Gaps" },
    { "已日结", "Day closed" },
    { "方式", "Method" },
    { "收款人", "Staff" },
    { "收费项目", "Fee item" },
    { "类型", "Kind" },
    { "起始号", "First" },
    { "终止号", "Last" },
    { "开票", "Used" },
    { "作废", "Voided" },
    { "断号", "Gaps" },
    { "无", "none" },
    { "编号", "ID" },
    { "收款时间", "At" },
    { "房屋", "Unit" },
    { "交款人", "Payer" },
    { "收据", "Receipt" },
    { "状态", "State" },
    { "断号：票据本从起始号到已用最大号之间没有收据的号码，应为无（R-FEE-4）",
      "Gaps: numbers between a series' first and last used with no receipt; there should be none (R-FEE-4)" },
    { "收款金额与按项目、方式、收款人的金额均含当日作废的收款，作废另列；按项目为分配到账单明细的金额，转预存的部分另列（R-FEE-9）",
      "Collected and the amounts by item, method and staff include the day's payments voided since, listed apart; by "
      "item is what they allocated to bill lines, what went to the prepayment balance apart (R-FEE-9)" },
    { "实收净额（收款 − 作废 − 退款）", "Net (collected − voided − refunded)" },
};
#define FW(l, w) (FWORDS[(w)][(l)])

/* --- the day's figures --------------------------------------------------------------- */

typedef struct agg {
    char key[112];
    int64_t count, fen;
} agg;
typedef struct aggs {
    agg *v;
    size_t n, cap;
} aggs;

static int cmp_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static fd_date next_day(fd_date d)
{
    return fd__civil_from_days(fd__days_from_civil(d.year, d.month, d.day) + 1);
}

/* The label of payment method @code (R-FEE-3), the code itself when unknown. */
static const char *method_label(const char *code)
{
    const char *label = fd_fee_code_label("method", code);
    return label ? label : code;
}

static fd_status agg_add(aggs *a, const char *fn, const char *key, int64_t count, int64_t fen)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].key, key) == 0) {
            a->v[i].count += count;
            a->v[i].fen += fen;
            return FD_OK;
        }
    if (a->n == a->cap) {
        size_t ncap = a->cap ? a->cap * 2 : 8;
        agg *nv = realloc(a->v, ncap * sizeof *nv);
        if (nv == NULL)
            return fd__oom(fn);
        a->v = nv;
        a->cap = ncap;
    }
    agg *g = &a->v[a->n++];
    fd__copy_fixed(g->key, sizeof g->key, key);
    g->count = count;
    g->fen = fen;
    return FD_OK;
}

typedef struct series_row {
    char code[40], kind[16];
    int64_t used, voided, first, last, missing;
    char gaps[160];
} series_row;

typedef struct fees_day {
    aggs by_method, by_staff, by_item;
    series_row *series;
    size_t nseries;
    int64_t payments, collected, voided_n, voided_fen, refunded, used, gaps;
    int closed;
} fees_day;

static void fees_day_free(fees_day *d)
{
    free(d->by_method.v);
    free(d->by_staff.v);
    free(d->by_item.v);
    free(d->series);
    memset(d, 0, sizeof *d);
}

static fd_status staff_label(char out[112], fd_store *s, const fd_actor *actor, int64_t id)
{
    if (id == 0) {
        fd__copy_fixed(out, 112, "(system)");
        return FD_OK;
    }
    fd_staff *st = NULL;
    fd_status rc = fd_store_staff_get(&st, s, actor, id);
    if (rc == FD_OK)
        snprintf(out, 112, "%s %s", st->code, st->name);
    fd_staff_free(st);
    return rc;
}

/* What payment @p allocated, by the fee item of each line (R-FEE-9). */
static fd_status add_items(fees_day *d, fd_store *s, const fd_actor *actor, const char *fn, const fd_payment *p)
{
    fd_allocation_filter f = FD_ALLOCATION_FILTER_INIT;
    f.match = FD_ALLOCATION_MATCH_PAYMENT_ID | FD_ALLOCATION_MATCH_AMOUNT_FROM;
    f.payment_id = p->id;
    f.amount_from = 1; /* the payment's own rows, not the reversals */
    fd_allocation_iter *it = NULL;
    const fd_allocation *a = NULL;
    fd_status rc = fd_store_allocation_query(&it, s, actor, &f);
    while (rc == FD_OK && (rc = fd_allocation_iter_next(&a, it)) == FD_OK && a) {
        fd_bill_line *line = NULL;
        fd_fee_item *item = NULL;
        rc = fd_store_bill_line_get(&line, s, actor, a->bill_line_id);
        if (rc == FD_OK)
            rc = fd_store_fee_item_get(&item, s, actor, line->item_id);
        if (rc == FD_OK)
            rc = agg_add(&d->by_item, fn, item->name, 1, a->amount);
        fd_fee_item_free(item);
        fd_bill_line_free(line);
    }
    fd_allocation_iter_free(it);
    if (rc == FD_OK && p->to_balance > 0)
        rc = agg_add(&d->by_item, fn, "预存 prepayment", 1, p->to_balance);
    return rc;
}

/* The payments dated local day @day (paid_on), in id order. */
static fd_status day_payments(fd_payment_iter **it, fd_store *s, const fd_actor *actor, fd_date day)
{
    fd_payment_filter f = FD_PAYMENT_FILTER_INIT;
    f.match = FD_PAYMENT_MATCH_PAID_ON_FROM | FD_PAYMENT_MATCH_PAID_ON_TO;
    f.paid_on_from = day;
    f.paid_on_to = next_day(day);
    return fd_store_payment_query(it, s, actor, &f);
}

static fd_status collect_payments(fees_day *d, fd_store *s, const fd_actor *actor, const char *fn, fd_date day)
{
    fd_payment_iter *it = NULL;
    const fd_payment *p = NULL;
    fd_status rc = day_payments(&it, s, actor, day);
    while (rc == FD_OK && (rc = fd_payment_iter_next(&p, it)) == FD_OK && p) {
        char who[112];
        d->payments++;
        d->collected += p->amount;
        rc = agg_add(&d->by_method, fn, p->method, 1, p->amount);
        if (rc == FD_OK)
            rc = staff_label(who, s, actor, p->staff_id);
        if (rc == FD_OK)
            rc = agg_add(&d->by_staff, fn, who, 1, p->amount);
        if (rc == FD_OK)
            rc = add_items(d, s, actor, fn, p);
    }
    fd_payment_iter_free(it);
    return rc;
}

static fd_status collect_voids_refunds(fees_day *d, fd_store *s, const fd_actor *actor, fd_date day, fd_date next)
{
    fd_receipt_void_filter f = FD_RECEIPT_VOID_FILTER_INIT;
    f.match = FD_RECEIPT_VOID_MATCH_VOIDED_ON_FROM | FD_RECEIPT_VOID_MATCH_VOIDED_ON_TO;
    f.voided_on_from = day;
    f.voided_on_to = next;
    fd_receipt_void_iter *it = NULL;
    const fd_receipt_void *v = NULL;
    fd_status rc = fd_store_receipt_void_query(&it, s, actor, &f);
    while (rc == FD_OK && (rc = fd_receipt_void_iter_next(&v, it)) == FD_OK && v) {
        fd_fee_receipt *r = NULL;
        rc = fd_store_receipt_get(&r, s, actor, v->receipt_id);
        if (rc == FD_OK) {
            d->voided_n++;
            d->voided_fen += r->amount;
        }
        fd_fee_receipt_free(r);
    }
    fd_receipt_void_iter_free(it);
    fd_refund_filter rf = FD_REFUND_FILTER_INIT;
    rf.match = FD_REFUND_MATCH_REFUNDED_ON_FROM | FD_REFUND_MATCH_REFUNDED_ON_TO;
    rf.refunded_on_from = day;
    rf.refunded_on_to = next;
    fd_refund_iter *ri = NULL;
    const fd_refund *x = NULL;
    if (rc == FD_OK)
        rc = fd_store_refund_query(&ri, s, actor, &rf);
    while (rc == FD_OK && (rc = fd_refund_iter_next(&x, ri)) == FD_OK && x)
        d->refunded += x->amount;
    fd_refund_iter_free(ri);
    return rc;
}

/* Each series: the day's receipts (used, voided, first and last number) and its gaps (R-FEE-4). */
static fd_status collect_series(fees_day *d, fd_store *s, const fd_actor *actor, const char *fn, fd_date day)
{
    fd_receipt_series_iter *it = NULL;
    const fd_receipt_series *se = NULL;
    fd_status rc = fd_store_receipt_series_query(&it, s, actor, NULL);
    int64_t *nums = NULL;
    size_t cap = 0;
    fd_buf gaps = FD_BUF_INIT;
    while (rc == FD_OK && (rc = fd_receipt_series_iter_next(&se, it)) == FD_OK && se) {
        series_row *ns = realloc(d->series, (d->nseries + 1) * sizeof *ns);
        if (ns == NULL) {
            rc = fd__oom(fn);
            break;
        }
        d->series = ns;
        series_row *row = &d->series[d->nseries++];
        memset(row, 0, sizeof *row);
        fd__copy_fixed(row->code, sizeof row->code, se->code);
        fd__copy_fixed(row->kind, sizeof row->kind, se->kind);
        fd_receipt_filter f = FD_RECEIPT_FILTER_INIT;
        f.match = FD_RECEIPT_MATCH_SERIES_ID;
        f.series_id = se->id;
        fd_receipt_iter *ri = NULL;
        const fd_fee_receipt *r = NULL;
        size_t n = 0;
        rc = fd_store_receipt_query(&ri, s, actor, &f);
        while (rc == FD_OK && (rc = fd_receipt_iter_next(&r, ri)) == FD_OK && r) {
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                int64_t *nv = realloc(nums, ncap * sizeof *nv);
                if (nv == NULL) {
                    rc = fd__oom(fn);
                    break;
                }
                nums = nv;
                cap = ncap;
            }
            nums[n++] = r->number;
            if (r->issued_on.year == day.year && r->issued_on.month == day.month && r->issued_on.day == day.day) {
                row->used++;
                if (row->first == 0 || r->number < row->first)
                    row->first = r->number;
                if (r->number > row->last)
                    row->last = r->number;
                if (strcmp(r->state, "voided") == 0)
                    row->voided++;
            }
        }
        fd_receipt_iter_free(ri);
        if (rc)
            break;
        /* ids ascend with numbers in a series, but a forged row need not: sort before looking for gaps */
        fd__qsort(nums, n, sizeof *nums, cmp_int64);
        rc = fd_fee_receipt_gaps(&gaps, &row->missing, nums, n, se->first_no, se->next_no);
        if (rc == FD_EDATA) {
            rc = FD_OK;
            row->missing = 1;
            fd__copy_fixed(row->gaps, sizeof row->gaps, fd_error_last()->message);
        } else if (rc == FD_OK) {
            fd__copy_fixed(row->gaps, sizeof row->gaps, gaps.ptr ? gaps.ptr : "");
        }
        d->used += row->used;
        d->gaps += row->missing;
    }
    fd_receipt_series_iter_free(it);
    fd_buf_dispose(&gaps);
    free(nums);
    return rc;
}

static fd_status collect(fees_day *d, fd_store *s, const fd_actor *actor, const char *fn, fd_date day)
{
    memset(d, 0, sizeof *d);
    fd_date next = next_day(day);
    fd_status rc = collect_payments(d, s, actor, fn, day);
    if (rc == FD_OK)
        rc = collect_voids_refunds(d, s, actor, day, next);
    if (rc == FD_OK)
        rc = collect_series(d, s, actor, fn, day);
    fd_day_close_filter cf = FD_DAY_CLOSE_FILTER_INIT;
    cf.match = FD_DAY_CLOSE_MATCH_DAY_FROM | FD_DAY_CLOSE_MATCH_DAY_TO;
    cf.day_from = day;
    cf.day_to = next;
    fd_day_close_iter *it = NULL;
    const fd_day_close *c = NULL;
    if (rc == FD_OK)
        rc = fd_store_day_close_query(&it, s, actor, &cf);
    if (rc == FD_OK && (rc = fd_day_close_iter_next(&c, it)) == FD_OK)
        d->closed = c != NULL;
    fd_day_close_iter_free(it);
    if (rc)
        fees_day_free(d);
    return rc;
}

/* --- sections -------------------------------------------------------------------------- */

static fd_status money_row(fd_report *r, size_t s, const char *key, const char *item, int64_t count, int64_t fen)
{
    fd_status rc = fd_report_row_add(r, s, 0);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, key);
    if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, item);
    if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, count);
    if (rc == FD_OK) rc = fd_report_cell_fen(r, s, 0, 3, fen);
    return rc;
}

static fd_status add_summary(fd_report *r, const fees_day *d, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", FW(l, F_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", FW(l, F_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", FW(l, F_COUNT), FD_REPORT_COLUMN_INT },
        { "amount", FW(l, F_AMOUNT), FD_REPORT_COLUMN_FEN },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "fees.summary", FW(l, F_SUMMARY), cols, 4);
    if (rc == FD_OK) rc = money_row(r, s, "collected", FW(l, F_COLLECTED), d->payments, d->collected);
    for (size_t i = 0; rc == FD_OK && i < d->by_method.n; i++) {
        char key[140];
        snprintf(key, sizeof key, "method.%s", d->by_method.v[i].key);
        rc = money_row(r, s, key, method_label(d->by_method.v[i].key), d->by_method.v[i].count,
                       d->by_method.v[i].fen);
    }
    for (size_t i = 0; rc == FD_OK && i < d->by_item.n; i++)
        rc = money_row(r, s, "item", d->by_item.v[i].key, d->by_item.v[i].count, d->by_item.v[i].fen);
    if (rc == FD_OK)
        rc = money_row(r, s, "net", FW(l, F_NET), d->payments - d->voided_n, d->collected - d->voided_fen - d->refunded);
    if (rc == FD_OK) rc = money_row(r, s, "receipts_used", FW(l, F_RECEIPTS_USED), d->used, 0);
    if (rc == FD_OK) rc = money_row(r, s, "receipts_voided", FW(l, F_RECEIPTS_VOIDED), d->voided_n, d->voided_fen);
    if (rc == FD_OK) rc = money_row(r, s, "refunded", FW(l, F_REFUNDED), 0, d->refunded);
    if (rc == FD_OK) rc = money_row(r, s, "gaps", FW(l, F_GAPS), d->gaps, 0);
    if (rc == FD_OK) rc = money_row(r, s, "closed", FW(l, F_DAY_CLOSED), d->closed, 0);
    if (rc == FD_OK) {
        char note[200];
        snprintf(note, sizeof note, "%s: %s; %s: %s", FW(l, F_GAPS), d->gaps ? "!" : FW(l, F_NONE),
                 FW(l, F_DAY_CLOSED), FW(l, d->closed ? F_YES : F_NO));
        rc = fd_report_note_add(r, s, note);
    }
    if (rc == FD_OK) rc = fd_report_note_add(r, s, FW(l, F_NOTE_ITEMS));
    return rc;
}

static fd_status add_group(fd_report *r, const aggs *a, const char *key, enum fword title, enum fword what,
                           fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", FW(l, what), FD_REPORT_COLUMN_TEXT },
        { "label", FW(l, F_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", FW(l, F_COUNT), FD_REPORT_COLUMN_INT },
        { "amount", FW(l, F_AMOUNT), FD_REPORT_COLUMN_FEN },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, key, FW(l, title), cols, 4);
    for (size_t i = 0; rc == FD_OK && i < a->n; i++) {
        const char *label = what == F_METHOD ? method_label(a->v[i].key) : a->v[i].key;
        rc = money_row(r, s, a->v[i].key, label, a->v[i].count, a->v[i].fen);
    }
    return rc;
}

static fd_status add_series(fd_report *r, const fees_day *d, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "series", FW(l, F_CODE), FD_REPORT_COLUMN_TEXT },   { "kind", FW(l, F_KIND), FD_REPORT_COLUMN_TEXT },
        { "first", FW(l, F_FIRST), FD_REPORT_COLUMN_INT },    { "last", FW(l, F_LAST), FD_REPORT_COLUMN_INT },
        { "used", FW(l, F_USED), FD_REPORT_COLUMN_INT },      { "voided", FW(l, F_VOIDED_N), FD_REPORT_COLUMN_INT },
        { "gaps", FW(l, F_GAP_LIST), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "fees.series", FW(l, F_SERIES), cols, 7);
    for (size_t i = 0; rc == FD_OK && i < d->nseries; i++) {
        const series_row *x = &d->series[i];
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, x->code);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, x->kind);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, x->first);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, x->last);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 4, x->used);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 5, x->voided);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 6, x->gaps[0] ? x->gaps : FW(l, F_NONE));
    }
    if (rc == FD_OK)
        rc = fd_report_note_add(r, s, FW(l, F_NOTE_GAPS));
    return rc;
}

/* 客户收款明细表 (R-FEE-9): every payment of the day with its unit, payer (masked), method, amount, receipt. */
static fd_status add_ledger(fd_report *r, fd_store *s, const fd_actor *actor, const char *fn, fd__zone *zone,
                            fd_date day, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "id", FW(l, F_ID), FD_REPORT_COLUMN_INT },          { "at", FW(l, F_AT), FD_REPORT_COLUMN_INSTANT },
        { "unit", FW(l, F_UNIT), FD_REPORT_COLUMN_TEXT },     { "payer", FW(l, F_PAYER), FD_REPORT_COLUMN_TEXT },
        { "method", FW(l, F_METHOD), FD_REPORT_COLUMN_TEXT }, { "amount", FW(l, F_AMOUNT), FD_REPORT_COLUMN_FEN },
        { "receipt", FW(l, F_RECEIPT), FD_REPORT_COLUMN_TEXT }, { "state", FW(l, F_STATE), FD_REPORT_COLUMN_TEXT },
    };
    size_t sec = 0;
    fd_status rc = fd__report_add_section(&sec, r, "fees.ledger", FW(l, F_LEDGER), cols, 8);
    fd_payment_iter *it = NULL;
    const fd_payment *p = NULL;
    if (rc == FD_OK)
        rc = day_payments(&it, s, actor, day);
    while (rc == FD_OK && (rc = fd_payment_iter_next(&p, it)) == FD_OK && p) {
        fd_unit *u = NULL;
        fd_fee_receipt *rec = NULL;
        fd_receipt_series *se = NULL;
        char number[64] = "";
        rc = fd_store_unit_get(&u, s, actor, p->unit_id);
        if (rc == FD_OK && p->receipt_id > 0)
            rc = fd_store_receipt_get(&rec, s, actor, p->receipt_id);
        if (rc == FD_OK && rec)
            rc = fd_store_receipt_series_get(&se, s, actor, rec->series_id);
        if (rc == FD_OK && se)
            snprintf(number, sizeof number, "%s-%lld", se->code, (long long)rec->number);
        if (rc == FD_OK) rc = fd_report_row_add(r, sec, 0);
        if (rc == FD_OK) rc = fd_report_cell_int(r, sec, 0, 0, p->id);
        if (rc == FD_OK) rc = fd__report_instant_cell(r, sec, 1, p->created_at, zone, fn);
        if (rc == FD_OK) rc = fd_report_cell_text(r, sec, 0, 2, u->number);
        if (rc == FD_OK) rc = fd_report_cell_text(r, sec, 0, 3, p->payer ? p->payer : "");
        if (rc == FD_OK) rc = fd_report_cell_text(r, sec, 0, 4, p->method);
        if (rc == FD_OK) rc = fd_report_cell_fen(r, sec, 0, 5, p->amount);
        if (rc == FD_OK) rc = fd_report_cell_text(r, sec, 0, 6, number);
        if (rc == FD_OK) rc = fd_report_cell_text(r, sec, 0, 7, p->state ? p->state : "");
        fd_receipt_series_free(se);
        fd_fee_receipt_free(rec);
        fd_unit_free(u);
    }
    fd_payment_iter_free(it);
    return rc;
}

fd_status fd__daily_fees(fd_report *r, fd_store *s, const fd_actor *actor, fd_date day, const char *fn, fd__lang l)
{
    fees_day d;
    fd_status rc = collect(&d, s, actor, fn, day);
    if (rc == FD_OK)
        rc = add_summary(r, &d, l);
    if (rc == FD_OK)
        fees_day_free(&d);
    return rc;
}

fd_status fd_report_fees_day_new(fd_report **out, fd_store *store, const fd_actor *actor, fd_date day,
                                 const char *language)
{
    static const char fn[] = "fd_report_fees_day_new";
    fd__lang l = FD__ZH;
    fd_status rc = fd__report_lang(&l, fn, language);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "actor", actor);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "day", day);
    if (rc)
        return rc;
    *out = NULL;
    fd_site *site = NULL;
    fd_report *r = NULL;
    fees_day d;
    memset(&d, 0, sizeof d);
    char generated[32], date[16];
    snprintf(date, sizeof date, "%04u-%02u-%02u", (unsigned)day.year % 10000u, (unsigned)day.month % 100u,
             (unsigned)day.day % 100u);
    rc = fd_store_site_get(&site, store, actor, actor->site_id);
    fd__zone *zone = rc ? NULL : fd__zone_open(fn, "site.time_zone", site->time_zone);
    if (rc == FD_OK && zone == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK)
        rc = fd__zone_format(zone, fn, actor->at, generated);
    if (rc == FD_OK)
        rc = collect(&d, store, actor, fn, day);
    if (rc == FD_OK)
        rc = fd_report_new(&r, "fees.day", FW(l, F_TITLE));
    if (rc == FD_OK) rc = fd_report_meta_add(r, "site", FW(l, F_SITE), site->name);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "site_code", FW(l, F_SITE_CODE), site->code);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "date", FW(l, F_DATE), date);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "closed", FW(l, F_CLOSED), FW(l, d.closed ? F_YES : F_NO));
    if (rc == FD_OK) rc = fd_report_meta_add(r, "generated", FW(l, F_GENERATED), generated);
    if (rc == FD_OK) rc = add_summary(r, &d, l);
    if (rc == FD_OK) rc = add_group(r, &d.by_staff, "fees.by_staff", F_BY_STAFF, F_STAFF, l);
    if (rc == FD_OK) rc = add_group(r, &d.by_method, "fees.by_method", F_BY_METHOD, F_METHOD, l);
    if (rc == FD_OK) rc = add_group(r, &d.by_item, "fees.by_item", F_BY_ITEM, F_FEE_ITEM, l);
    if (rc == FD_OK) rc = add_series(r, &d, l);
    if (rc == FD_OK) rc = add_ledger(r, store, actor, fn, zone, day, l);
    fees_day_free(&d);
    if (zone)
        fd__zone_close(zone);
    fd_site_free(site);
    return fd__report_done(out, r, rc);
}
