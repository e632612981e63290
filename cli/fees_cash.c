/*
 * frontdesk fee: the cash desk's subcommands (issue 14, items 3, 4, 7):
 *
 *   lookup UNIT [--date D]                                          R-FEE-1 (reads)
 *   series add CODE [--kind book|electronic] [--first N] [--last N] | close ID
 *   pay UNIT AMOUNT --method M --series ID --rev N [--tendered X] [--reference R] [--payer P] [--bill ID]
 *   void RECEIPT --reason TEXT                                      R-FEE-4
 *   refund request PAYMENT AMOUNT --method M --reason TEXT | approve ID | refuse ID | pay ID
 *   prepare BILL --series ID --collector STAFF --signature NAME     R-FEE-5
 *   collect RECEIPT AMOUNT --method M [--tendered X] [--reference R] | return RECEIPT
 *   receipts [--series ID] [--state S]                              (reads)
 *   close-day [--date D]                                            R-FEE-9
 *   ledger [--date D]                                               the day's report: 客户收款明细表 (reads)
 *   reconcile                                                       (reads)
 *
 * Amounts are typed in yuan ("1,234.50", "¥12", "壹佰元整": fd_money_parse)
 * and kept in fen; JSON and CSV show fen. The ledger is the library's report
 * (fd_report_fees_day_new) rendered as text, --json or --csv (UTF-8 with a
 * BOM). Writes need --as.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An amount in yuan as typed: 0 with the fen, or a usage error (2) naming @name. */
static int amount_arg(const char *name, const char *text, int64_t *out)
{
    if (fd_money_parse(out, text ? text : "") != FD_OK) {
        fprintf(stderr, "frontdesk: %s: %s\n", name, fd_error_last()->message);
        return 2;
    }
    return 0;
}

static int id_opt(const cli *c, const char *name, int64_t *out, bool required)
{
    const char *v = opt(c, name);
    if (v == NULL && !required)
        return 0;
    if (v == NULL) {
        fprintf(stderr, "frontdesk: %s is required (see --help)\n", name);
        return 2;
    }
    return id_arg(v, name, out);
}

static const char *yuan(fd_buf *b, int64_t fen)
{
    return fd_money_format(b, fen, NULL) == FD_OK ? b->ptr : "?";
}

/* The day of --date, or the site's today. */
static int day_arg(const cli *c, ctx *x, fd_date *out)
{
    if (c->date)
        return parse_date("--date", c->date, out);
    fd_status rc = fd_store_site_date(out, x->store, x->site->id, x->actor.at);
    return rc ? lib_error(rc) : 0;
}

/* --- lookup (R-FEE-1) ---------------------------------------------------------------------------- */

static int fee_lookup(cli *c, ctx *x)
{
    if (c->argc != 3)
        return usage_error("fee lookup UNIT [--date D]");
    int64_t unit = 0;
    fd_date day;
    int bad = unit_by_number(x, c->argv[2], &unit);
    if (!bad)
        bad = day_arg(c, x, &day);
    if (bad)
        return bad;
    fd_fee_lookup *l = NULL;
    fd_fee_lookup_info i;
    fd_status rc = fd_store_fee_lookup(&l, x->store, &x->actor, unit, day);
    if (rc == FD_OK)
        rc = fd_fee_lookup_info_get(&i, l);
    if (rc) {
        fd_fee_lookup_free(l);
        return lib_error(rc);
    }
    fd_buf b = FD_BUF_INIT, d1 = FD_BUF_INIT, d2 = FD_BUF_INIT, d3 = FD_BUF_INIT;
    bool csv = flag(c, "--csv");
    if (c->json) {
        printf("{\"unit_id\":%lld,\"unit\":", (long long)i.unit_id);
        json_string(i.unit_number);
        printf(",\"owner\":");
        json_string(i.owner);
        printf(",\"rev\":%lld,\"balance\":%lld,\"paid\":%lld,\"outstanding\":%lld,\"bills\":[", (long long)i.rev,
               (long long)i.balance, (long long)i.paid, (long long)i.outstanding);
    } else if (csv) {
        printf("\xEF\xBB\xBF" "bill_id,period_start,period_end,due_on,amount,adjusted,paid,outstanding,overdue\r\n");
    } else {
        printf(zh(c) ? "房屋 %s  业主 " : "unit %s  owner ", i.unit_number);
        plain(i.owner[0] ? i.owner : "-");
        printf(zh(c) ? "  版本 %lld\n" : "  rev %lld\n", (long long)i.rev);
        printf(zh(c) ? "  已缴 %s" : "  paid %s", yuan(&b, i.paid));
        printf(zh(c) ? "  预存余额 %s" : "  balance %s", yuan(&b, i.balance));
        printf(zh(c) ? "  欠缴 %s\n" : "  outstanding %s\n", yuan(&b, i.outstanding));
    }
    for (size_t k = 0; k < i.bills; k++) {
        fd_fee_lookup_bill lb;
        if ((rc = fd_fee_lookup_bill_at(&lb, l, k)) != FD_OK)
            break;
        fd_date_format(&d1, lb.period_start);
        fd_date_format(&d2, lb.period_end);
        fd_date_format(&d3, lb.due_on);
        if (c->json)
            printf("%s{\"bill_id\":%lld,\"period_start\":\"%s\",\"period_end\":\"%s\",\"due_on\":\"%s\","
                   "\"amount\":%lld,\"adjusted\":%lld,\"paid\":%lld,\"outstanding\":%lld,\"overdue\":%s}",
                   k ? "," : "", (long long)lb.bill_id, d1.ptr, d2.ptr, d3.ptr, (long long)lb.amount,
                   (long long)lb.adjusted, (long long)lb.paid, (long long)lb.outstanding,
                   lb.overdue ? "true" : "false");
        else if (csv)
            printf("%lld,%s,%s,%s,%lld,%lld,%lld,%lld,%d\r\n", (long long)lb.bill_id, d1.ptr, d2.ptr, d3.ptr,
                   (long long)lb.amount, (long long)lb.adjusted, (long long)lb.paid, (long long)lb.outstanding,
                   lb.overdue);
        else
            printf("  %5lld  [%s, %s)  %s %s  %12s%s\n", (long long)lb.bill_id, d1.ptr, d2.ptr,
                   zh(c) ? "应缴" : "due", d3.ptr, yuan(&b, lb.outstanding),
                   lb.overdue ? (zh(c) ? "  已逾期" : "  overdue") : "");
    }
    if (c->json)
        printf("]}\n");
    fd_buf_dispose(&b), fd_buf_dispose(&d1), fd_buf_dispose(&d2), fd_buf_dispose(&d3);
    fd_fee_lookup_free(l);
    return rc ? lib_error(rc) : 0;
}

/* --- series --------------------------------------------------------------------------------------- */

static int fee_series(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    if (strcmp(act, "close") == 0 && c->argc == 4) {
        int64_t id;
        int bad = id_arg(c->argv[3], "fee series close ID", &id);
        if (bad)
            return bad;
        fd_status rc = fd_store_receipt_series_close(x->store, &x->actor, id);
        return rc ? lib_error(rc) : 0;
    }
    if (strcmp(act, "add") != 0 || c->argc != 4)
        return usage_error("fee series add CODE [--kind book|electronic] [--first N] [--last N] | close ID");
    fd_receipt_series s = FD_RECEIPT_SERIES_INIT;
    s.code = c->argv[3];
    s.kind = opt(c, "--kind") ? opt(c, "--kind") : "electronic";
    s.first_no = 1;
    if (opt(c, "--first") && !parse_int(opt(c, "--first"), &s.first_no))
        return usage_error("--first: a number");
    if (opt(c, "--last") && !parse_int(opt(c, "--last"), &s.last_no))
        return usage_error("--last: a number");
    int64_t id = 0;
    fd_status rc = fd_store_receipt_series_add(&id, x->store, &x->actor, &s);
    if (rc)
        return lib_error(rc);
    printf(c->json ? "{\"id\":%lld}\n" : "%lld\n", (long long)id);
    return 0;
}

/* --- pay, collect ---------------------------------------------------------------------------------- */

static void print_result(const cli *c, const fd_payment_result *r, int64_t amount)
{
    fd_buf b = FD_BUF_INIT, u = FD_BUF_INIT;
    if (c->json) {
        printf("{\"payment_id\":%lld,\"receipt_id\":%lld,\"number\":%lld,\"amount\":%lld,\"change\":%lld,"
               "\"allocated\":%lld,\"to_balance\":%lld,\"rev\":%lld}\n",
               (long long)r->payment_id, (long long)r->receipt_id, (long long)r->number, (long long)amount,
               (long long)r->change, (long long)r->allocated, (long long)r->to_balance, (long long)r->rev);
    } else {
        fd_money_upper(&u, amount);
        printf(zh(c) ? "收款 %lld  收据 %lld 号  金额 %s（%s）" : "payment %lld  receipt no. %lld  amount %s (%s)",
               (long long)r->payment_id, (long long)r->number, yuan(&b, amount), u.ptr ? u.ptr : "");
        printf(zh(c) ? "  找零 %s" : "  change %s", yuan(&b, r->change));
        if (r->to_balance)
            printf(zh(c) ? "  转预存 %s" : "  to balance %s", yuan(&b, r->to_balance));
        putchar('\n');
    }
    fd_buf_dispose(&b), fd_buf_dispose(&u);
}

/* --method as a code or its label (现金, 微信), kept in @buf: *out points at it. */
static int method_arg(const cli *c, fd_buf *buf, const char **out)
{
    const char *text = NULL;
    int bad = need(c, "--method", &text);
    return bad ? bad : code_arg(fd_fee_code_parse, "--method", "method", text, buf, out);
}

/* The payment's method (kept in @buf), amount (argv[@amount_at]), tendered and reference. */
static int payment_args(const cli *c, int amount_at, fd_payment *p, fd_buf *buf)
{
    int bad = method_arg(c, buf, &p->method);
    if (!bad)
        bad = amount_arg("AMOUNT", c->argv[amount_at], &p->amount);
    if (!bad && opt(c, "--tendered"))
        bad = amount_arg("--tendered", opt(c, "--tendered"), &p->tendered);
    p->reference = opt(c, "--reference");
    p->payer = opt(c, "--payer");
    return bad;
}

static int fee_pay(cli *c, ctx *x)
{
    if (c->argc != 4)
        return usage_error("fee pay UNIT AMOUNT --method M --series ID --rev N [--tendered X] [--reference R] "
                           "[--payer P] [--bill ID]");
    fd_payment p = FD_PAYMENT_INIT;
    int64_t series = 0, bill = 0;
    fd_buf mb = FD_BUF_INIT;
    int bad = unit_by_number(x, c->argv[2], &p.unit_id);
    if (!bad)
        bad = payment_args(c, 3, &p, &mb);
    if (!bad)
        bad = id_opt(c, "--series", &series, true);
    if (!bad)
        bad = id_opt(c, "--bill", &bill, false);
    const char *rev = NULL;
    if (!bad)
        bad = need(c, "--rev", &rev);
    if (!bad && !parse_int(rev, &p.expect_rev))
        bad = usage_error("--rev: the revision the look-up showed (fee lookup UNIT)");
    if (bad) {
        fd_buf_dispose(&mb);
        return bad;
    }
    fd_payment_result r;
    fd_status rc = fd_store_payment_add(&r, x->store, &x->actor, &p, series, bill ? &bill : NULL, bill ? 1 : 0);
    fd_buf_dispose(&mb);
    if (rc)
        return lib_error(rc);
    print_result(c, &r, p.amount);
    return 0;
}

static int fee_collect(cli *c, ctx *x)
{
    if (c->argc != 4)
        return usage_error("fee collect RECEIPT AMOUNT --method M [--tendered X] [--reference R]");
    int64_t rid = 0;
    fd_payment p = FD_PAYMENT_INIT;
    fd_buf mb = FD_BUF_INIT;
    int bad = id_arg(c->argv[2], "fee collect RECEIPT", &rid);
    if (!bad)
        bad = payment_args(c, 3, &p, &mb);
    if (bad) {
        fd_buf_dispose(&mb);
        return bad;
    }
    fd_payment_result r;
    fd_status rc = fd_store_receipt_collect(&r, x->store, &x->actor, rid, &p);
    fd_buf_dispose(&mb);
    if (rc)
        return lib_error(rc);
    print_result(c, &r, p.amount);
    return 0;
}

/* --- void, refund, prepare, return ------------------------------------------------------------------ */

static int fee_void(cli *c, ctx *x)
{
    int64_t rid = 0, vid = 0;
    const char *reason = NULL;
    if (c->argc != 3)
        return usage_error("fee void RECEIPT --reason TEXT");
    int bad = id_arg(c->argv[2], "fee void RECEIPT", &rid);
    if (!bad)
        bad = need(c, "--reason", &reason);
    if (bad)
        return bad;
    fd_status rc = fd_store_receipt_void(&vid, x->store, &x->actor, rid, reason);
    if (rc)
        return lib_error(rc);
    printf(c->json ? "{\"void_id\":%lld}\n" : "%lld\n", (long long)vid);
    return 0;
}

static int fee_refund(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    int64_t id = 0;
    fd_status rc = FD_OK;
    if (strcmp(act, "request") == 0 && c->argc == 5) {
        fd_refund r = FD_REFUND_INIT;
        fd_buf mb = FD_BUF_INIT;
        int bad = id_arg(c->argv[3], "fee refund request PAYMENT", &r.payment_id);
        if (!bad)
            bad = amount_arg("AMOUNT", c->argv[4], &r.amount);
        if (!bad)
            bad = method_arg(c, &mb, &r.method);
        if (!bad)
            bad = need(c, "--reason", &r.reason);
        rc = bad ? FD_OK : fd_store_refund_request(&id, x->store, &x->actor, &r);
        fd_buf_dispose(&mb);
        if (bad)
            return bad;
        if (rc != FD_OK)
            return lib_error(rc);
        printf(c->json ? "{\"id\":%lld}\n" : "%lld\n", (long long)id);
        return 0;
    }
    bool approve = strcmp(act, "approve") == 0, refuse = strcmp(act, "refuse") == 0, pay = strcmp(act, "pay") == 0;
    if (c->argc != 4 || !(approve || refuse || pay))
        return usage_error("fee refund request PAYMENT AMOUNT --method M --reason TEXT | approve ID | refuse ID | "
                           "pay ID");
    int bad = id_arg(c->argv[3], "fee refund ID", &id);
    if (bad)
        return bad;
    if (!pay)
        manage(x);
    rc = pay ? fd_store_refund_pay(x->store, &x->actor, id) : fd_store_refund_decide(x->store, &x->actor, id, approve);
    return rc ? lib_error(rc) : 0;
}

static int fee_prepare(cli *c, ctx *x)
{
    int64_t bill = 0, series = 0, collector = 0, rid = 0;
    const char *signature = NULL;
    if (c->argc != 3)
        return usage_error("fee prepare BILL --series ID --collector STAFF --signature NAME");
    int bad = id_arg(c->argv[2], "fee prepare BILL", &bill);
    if (!bad)
        bad = id_opt(c, "--series", &series, true);
    if (!bad)
        bad = id_opt(c, "--collector", &collector, true);
    if (!bad)
        bad = need(c, "--signature", &signature);
    if (bad)
        return bad;
    fd_status rc = fd_store_receipt_prepare(&rid, x->store, &x->actor, series, bill, collector, signature);
    if (rc)
        return lib_error(rc);
    printf(c->json ? "{\"receipt_id\":%lld}\n" : "%lld\n", (long long)rid);
    return 0;
}

static int fee_return(cli *c, ctx *x)
{
    int64_t rid = 0;
    if (c->argc != 3)
        return usage_error("fee return RECEIPT");
    int bad = id_arg(c->argv[2], "fee return RECEIPT", &rid);
    if (bad)
        return bad;
    fd_status rc = fd_store_receipt_return(x->store, &x->actor, rid);
    return rc ? lib_error(rc) : 0;
}

/* --- receipts, close-day, ledger, reconcile ------------------------------------------------------------ */

static int fee_receipts(cli *c, ctx *x)
{
    if (c->argc != 2)
        return usage_error("fee receipts [--series ID] [--state S]");
    fd_receipt_filter f = FD_RECEIPT_FILTER_INIT;
    int bad = id_opt(c, "--series", &f.series_id, false);
    if (bad)
        return bad;
    if (f.series_id)
        f.match |= FD_RECEIPT_MATCH_SERIES_ID;
    if (opt(c, "--state")) {
        f.state = opt(c, "--state");
        f.match |= FD_RECEIPT_MATCH_STATE;
    }
    bool csv = flag(c, "--csv");
    fd_receipt_iter *it = NULL;
    fd_status rc = fd_store_receipt_query(&it, x->store, &x->actor, &f);
    fd_buf b = FD_BUF_INIT, d = FD_BUF_INIT;
    int n = 0;
    if (csv)
        printf("\xEF\xBB\xBF" "id,series_id,number,unit_id,payment_id,amount,amount_upper,state,issued_on\r\n");
    else if (c->json)
        putchar('[');
    while (rc == FD_OK) {
        const fd_fee_receipt *r = NULL;
        if ((rc = fd_receipt_iter_next(&r, it)) != FD_OK || r == NULL)
            break;
        fd_date_format(&d, r->issued_on);
        if (c->json) {
            printf("%s{\"id\":%lld,\"series_id\":%lld,\"number\":%lld,\"unit_id\":%lld,\"payment_id\":%lld,"
                   "\"amount\":%lld,\"amount_upper\":",
                   n++ ? "," : "", (long long)r->id, (long long)r->series_id, (long long)r->number,
                   (long long)r->unit_id, (long long)r->payment_id, (long long)r->amount);
            json_string(r->amount_upper ? r->amount_upper : "");
            printf(",\"state\":\"%s\",\"issued_on\":\"%s\"}", r->state ? r->state : "", d.ptr);
        } else if (csv) {
            printf("%lld,%lld,%lld,%lld,%lld,%lld,%s,%s,%s\r\n", (long long)r->id, (long long)r->series_id,
                   (long long)r->number, (long long)r->unit_id, (long long)r->payment_id, (long long)r->amount,
                   r->amount_upper ? r->amount_upper : "", r->state ? r->state : "", d.ptr);
        } else {
            printf("%5lld  %s %lld-%lld  %12s  %s  %s  %s\n", (long long)r->id, zh(c) ? "票据本" : "series",
                   (long long)r->series_id, (long long)r->number, yuan(&b, r->amount),
                   r->amount_upper ? r->amount_upper : "", r->state ? r->state : "", d.ptr);
        }
    }
    if (c->json)
        printf("]\n");
    fd_receipt_iter_free(it);
    fd_buf_dispose(&b), fd_buf_dispose(&d);
    return rc ? lib_error(rc) : 0;
}

static int fee_close_day(cli *c, ctx *x)
{
    if (c->argc != 2)
        return usage_error("fee close-day [--date D]");
    fd_date day;
    int bad = day_arg(c, x, &day);
    if (bad)
        return bad;
    fd_day_close d = FD_DAY_CLOSE_INIT;
    fd_status rc = fd_store_day_close(&d, x->store, &x->actor, day);
    if (rc)
        return lib_error(rc);
    fd_buf b = FD_BUF_INIT;
    if (c->json)
        printf("{\"id\":%lld,\"payments\":%lld,\"collected\":%lld,\"voided\":%lld,\"refunded\":%lld,"
               "\"receipts_issued\":%lld,\"receipts_voided\":%lld}\n",
               (long long)d.id, (long long)d.payments, (long long)d.collected, (long long)d.voided,
               (long long)d.refunded, (long long)d.receipts_issued, (long long)d.receipts_voided);
    else
        printf(zh(c) ? "日结 %lld  收款 %lld 笔 %s  开票 %lld 张  作废 %lld 张\n"
                     : "day close %lld  %lld payments %s  %lld receipts  %lld voided\n",
               (long long)d.id, (long long)d.payments, yuan(&b, d.collected), (long long)d.receipts_issued,
               (long long)d.receipts_voided);
    fd_buf_dispose(&b);
    return 0;
}

static int fee_ledger(cli *c, ctx *x)
{
    if (c->argc != 2)
        return usage_error("fee ledger [--date D] [--json | --csv]");
    fd_date day;
    int bad = day_arg(c, x, &day);
    if (bad)
        return bad;
    fd_report *r = NULL;
    fd_buf out = FD_BUF_INIT;
    fd_status rc = fd_report_fees_day_new(&r, x->store, &x->actor, day, c->lang);
    if (rc == FD_OK)
        rc = fd_report_render(&out, r, c->json ? FD_REPORT_JSON : flag(c, "--csv") ? FD_REPORT_CSV : FD_REPORT_TEXT);
    if (rc == FD_OK)
        fwrite(out.ptr, 1, out.size, stdout);
    fd_buf_dispose(&out);
    fd_report_free(r);
    return rc ? lib_error(rc) : 0;
}

static int fee_reconcile(cli *c, ctx *x)
{
    if (c->argc != 2)
        return usage_error("fee reconcile");
    fd_fees_reconcile r;
    fd_status rc = fd_store_fees_reconcile(&r, x->store, &x->actor);
    if (rc)
        return lib_error(rc);
    printf(c->json ? "{\"billed\":%lld,\"adjusted\":%lld,\"paid\":%lld,\"outstanding\":%lld,\"payments\":%lld,"
                     "\"voided\":%lld,\"refunded\":%lld,\"allocated\":%lld,\"balances\":%lld,\"gaps\":%lld,"
                     "\"mismatches\":%lld,\"ok\":%s}\n"
                   : "billed %lld  adjusted %lld  paid %lld  outstanding %lld  payments %lld  voided %lld  "
                     "refunded %lld  allocated %lld  balances %lld  gaps %lld  mismatches %lld  ok %s\n",
           (long long)r.billed, (long long)r.adjusted, (long long)r.paid, (long long)r.outstanding,
           (long long)r.payments, (long long)r.voided, (long long)r.refunded, (long long)r.allocated,
           (long long)r.balances, (long long)r.gaps, (long long)r.mismatches, r.ok ? "true" : "false");
    return r.ok ? 0 : 1;
}

int cmd_fee_cash(cli *c, ctx *x)
{
    static const struct {
        const char *sub;
        int (*run)(cli *, ctx *);
    } SUBS[] = {
        { "lookup", fee_lookup },     { "series", fee_series },       { "pay", fee_pay },
        { "collect", fee_collect },   { "void", fee_void },           { "refund", fee_refund },
        { "prepare", fee_prepare },   { "return", fee_return },       { "receipts", fee_receipts },
        { "close-day", fee_close_day }, { "ledger", fee_ledger },     { "reconcile", fee_reconcile },
    };
    for (size_t i = 0; i < sizeof SUBS / sizeof *SUBS; i++)
        if (strcmp(SUBS[i].sub, c->argv[1]) == 0)
            return SUBS[i].run(c, x);
    return usage_error("fee lookup|series|pay|collect|void|refund|prepare|return|receipts|close-day|ledger|reconcile");
}
