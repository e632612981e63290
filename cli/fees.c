/*
 * frontdesk fee: the fees module's commands (issue 14 item 7). This file
 * holds the `fee` dispatcher (FEE_COMMANDS: the cash desk and the arrears
 * helpers add one row per subcommand, their functions declared in cli.h)
 * and billing's subcommands:
 *
 *   item add CODE NAME --kind K [--custody] [--rounding R] | list [--all] | retire CODE
 *   rate add ITEM PRICE --from DATE [--source TEXT] | list [ITEM]   (PRICE in yuan, up to 4 decimals)
 *   custody add UNIT --from DATE [--to DATE] | end ID --to DATE     (R-FEE-7)
 *   reading add UNIT ITEM READING --date DATE                        (R-FEE-8)
 *   bill run --start DATE [--period P] [--unit UNIT] | show ID | list [--unit UNIT] [--state S]
 *   bill charge UNIT ITEM --date DATE [--qty N] [--price P]   a one-off charge (R-FEE-8)
 *   bill discount ID ITEM AMOUNT --reason TEXT | bill late-fees [--date DATE]   (R-FEE-2)
 *   adjust BILL AMOUNT --reason TEXT                               a correction (R-FEE-9), AMOUNT in yuan, signed
 *
 * Codes are taken as codes or labels (fd_fee_code_parse: 按面积 is area,
 * 季度 is quarter, Traditional and full-width too) and shown as labels in
 * Chinese output, codes in English, JSON and CSV. Lists print --json or
 * --csv (UTF-8 with a BOM, for spreadsheets). Amounts are fen in JSON and
 * CSV, yuan (fd_money_format) in text.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A code's label in Chinese output, the code itself otherwise; "-" for none. */
static const char *lbl(const cli *c, const char *field, const char *code)
{
    if (code == NULL || *code == '\0')
        return "-";
    const char *l = zh(c) && !c->json ? fd_fee_code_label(field, code) : NULL;
    return l ? l : code;
}

/* Yuan as text for a line: "¥1,234.50" (one of four rotating buffers: up to four in one printf). */
static const char *yuan(int64_t fen)
{
    static char out[4][48];
    static unsigned next;
    char *p = out[next++ % 4];
    fd_buf b = FD_BUF_INIT;
    snprintf(p, sizeof out[0], "%s", fd_money_format(&b, fen, NULL) == FD_OK ? b.ptr : "?");
    fd_buf_dispose(&b);
    return p;
}

/* A decimal with at most @places decimals ("2.50", "１.２３４５") as an integer of 10^-places: 0, or 2 naming @name. */
static int decimal_arg(const char *name, const char *text, int places, int64_t *out)
{
    fd_buf b = FD_BUF_INIT;
    char s[64];
    snprintf(s, sizeof s, "%s", ascii_form(&b, text ? text : ""));
    fd_buf_dispose(&b);
    int64_t v = 0;
    int frac = -1;
    bool ok = s[0] != '\0';
    for (const char *p = s; *p && ok; p++) {
        if (*p == '.' && frac < 0 && p != s) {
            frac = 0;
            continue;
        }
        if (*p < '0' || *p > '9' || frac == places || v > (INT64_MAX - 9) / 10) {
            ok = false;
            break;
        }
        v = v * 10 + (*p - '0');
        if (frac >= 0)
            frac++;
    }
    ok = ok && frac != 0;
    for (int i = frac < 0 ? 0 : frac; ok && i < places; i++) {
        if (v > INT64_MAX / 10)
            ok = false;
        else
            v *= 10;
    }
    if (!ok) {
        fprintf(stderr, "frontdesk: %s: \"%s\" is not a number with at most %d decimals\n", name, text ? text : "",
                places);
        return 2;
    }
    *out = v;
    return 0;
}

/* --- CSV (UTF-8 with a BOM) ------------------------------------------------------------ */

/* The BOM and the header row @cols ("a,b,c"). */
static void fee_csv_head(const char *cols)
{
    printf("\xEF\xBB\xBF%s\r\n", cols);
}

/* A cell: quoted when it holds a comma, a quote or a line break; @last ends the row. */
static void fee_csv_cell(const char *s, bool last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else {
        fputs(s, stdout);
    }
    fputs(last ? "\r\n" : ",", stdout);
}

static void fee_csv_int(int64_t v, bool last)
{
    char b[24];
    snprintf(b, sizeof b, "%lld", (long long)v);
    fee_csv_cell(b, last);
}

static bool csv(const cli *c)
{
    return flag(c, "--csv");
}

/* --- look-ups ------------------------------------------------------------------------------- */

/* The fee item of the site with code @code: its id, or 1 with a message. */
static int item_by_code(ctx *x, const char *code, int64_t *out)
{
    fd_fee_item_filter f = FD_FEE_ITEM_FILTER_INIT;
    f.match = FD_FEE_ITEM_MATCH_CODE;
    f.code = code;
    fd_fee_item_iter *it = NULL;
    const fd_fee_item *rec = NULL;
    fd_status rc = fd_store_fee_item_query(&it, x->store, &x->actor, &f);
    if (rc == FD_OK)
        rc = fd_fee_item_iter_next(&rec, it);
    *out = rec ? rec->id : 0;
    fd_fee_item_iter_free(it);
    if (rc)
        return lib_error(rc);
    if (*out == 0) {
        fprintf(stderr, "frontdesk: no fee item %s at this site (frontdesk fee item list)\n", code);
        return 1;
    }
    return 0;
}

static int date_opt(const cli *c, const char *name, fd_date *out, bool required)
{
    const char *v = name[2] == 'd' && strcmp(name, "--date") == 0 ? c->date : opt(c, name);
    if (v == NULL) {
        if (!required)
            return 0;
        fprintf(stderr, "frontdesk: fee %s %s: %s DATE is required\n", c->argv[1], c->argc > 2 ? c->argv[2] : "",
                name);
        return 2;
    }
    return parse_date(name, v, out);
}

static int done(const cli *c, const char *zh_what, const char *en_what, const char *key, int64_t id)
{
    if (c->json)
        printf("{\"%s\":%lld}\n", key, (long long)id);
    else
        printf(zh(c) ? "%s %lld\n" : "%s %lld\n", zh(c) ? zh_what : en_what, (long long)id);
    return 0;
}

/* --- item ------------------------------------------------------------------------------------ */

static void item_row(const cli *c, const fd_fee_item *it, int *n)
{
    if (c->json) {
        printf("%s{\"id\":%lld,\"code\":", (*n)++ ? "," : "", (long long)it->id);
        json_string(it->code);
        printf(",\"name\":");
        json_string(it->name);
        printf(",\"kind\":\"%s\",\"custody\":%s,\"rounding\":", it->kind, it->custody ? "true" : "false");
        json_string(it->rounding ? it->rounding : "");
        printf(",\"retired\":%s}", it->retired ? "true" : "false");
    } else if (csv(c)) {
        fee_csv_int(it->id, false), fee_csv_cell(it->code, false), fee_csv_cell(it->name, false), fee_csv_cell(it->kind, false);
        fee_csv_int(it->custody, false), fee_csv_cell(it->rounding, false), fee_csv_int(it->retired, true);
    } else {
        printf("%5lld  %-10s ", (long long)it->id, it->code);
        plain(it->name);
        printf("  %s%s%s%s\n", lbl(c, "kind", it->kind), it->custody ? (zh(c) ? "  托管折扣" : "  custody") : "",
               it->rounding && it->rounding[0] ? "  " : "", it->rounding ? lbl(c, "rounding", it->rounding) : "");
        if (it->retired)
            printf(zh(c) ? "       已停用\n" : "       retired\n");
    }
}

static int item_list(cli *c, ctx *x)
{
    fd_fee_item_filter f = FD_FEE_ITEM_FILTER_INIT;
    if (!flag(c, "--all"))
        f.match = FD_FEE_ITEM_MATCH_RETIRED;
    fd_fee_item_iter *it = NULL;
    fd_status rc = fd_store_fee_item_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (csv(c))
        fee_csv_head("id,code,name,kind,custody,rounding,retired");
    else if (c->json)
        putchar('[');
    while (rc == FD_OK) {
        const fd_fee_item *rec = NULL;
        if ((rc = fd_fee_item_iter_next(&rec, it)) != FD_OK || rec == NULL)
            break;
        item_row(c, rec, &n);
    }
    fd_fee_item_iter_free(it);
    if (c->json)
        printf("]\n");
    return rc ? lib_error(rc) : 0;
}

static int fee_item(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    if (strcmp(act, "list") == 0 && c->argc == 3)
        return item_list(c, x);
    manage(x);
    if (strcmp(act, "retire") == 0 && c->argc == 4) {
        int64_t id;
        int bad = item_by_code(x, c->argv[3], &id);
        if (bad)
            return bad;
        fd_status rc = fd_store_fee_item_retire(x->store, &x->actor, id);
        return rc ? lib_error(rc) : done(c, "已停用收费项目", "retired fee item", "item_id", id);
    }
    if (strcmp(act, "add") != 0 || c->argc != 5)
        return usage_error("fee item add CODE NAME --kind K [--custody] [--rounding R] | list [--all] | retire CODE");
    fd_buf kind = FD_BUF_INIT, rounding = FD_BUF_INIT;
    fd_fee_item it = FD_FEE_ITEM_INIT;
    it.code = c->argv[3];
    it.name = c->argv[4];
    it.custody = flag(c, "--custody");
    const char *kv = opt(c, "--kind");
    int bad = kv ? code_arg(fd_fee_code_parse, "--kind", "kind", kv, &kind, &it.kind)
                 : usage_error("fee item add: --kind area|fixed|metered|service|agency|waste is required");
    if (!bad)
        bad = code_arg(fd_fee_code_parse, "--rounding", "rounding", opt(c, "--rounding"), &rounding, &it.rounding);
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_fee_item_add(&id, x->store, &x->actor, &it);
    fd_buf_dispose(&kind);
    fd_buf_dispose(&rounding);
    if (bad)
        return bad;
    return rc ? lib_error(rc) : done(c, "已添加收费项目", "added fee item", "item_id", id);
}

/* --- rate ------------------------------------------------------------------------------------ */

static int rate_list(cli *c, ctx *x)
{
    fd_fee_rate_filter f = FD_FEE_RATE_FILTER_INIT;
    if (c->argc == 4) {
        int bad = item_by_code(x, c->argv[3], &f.item_id);
        if (bad)
            return bad;
        f.match = FD_FEE_RATE_MATCH_ITEM_ID;
    }
    fd_fee_rate_iter *it = NULL;
    fd_status rc = fd_store_fee_rate_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (csv(c))
        fee_csv_head("id,item_id,effective_from,price_e4,source");
    else if (c->json)
        putchar('[');
    fd_buf day = FD_BUF_INIT;
    while (rc == FD_OK) {
        const fd_fee_rate *r = NULL;
        if ((rc = fd_fee_rate_iter_next(&r, it)) != FD_OK || r == NULL)
            break;
        fd_date_format(&day, r->effective_from);
        if (c->json) {
            printf("%s{\"id\":%lld,\"item_id\":%lld,\"effective_from\":\"%s\",\"price_e4\":%lld,\"source\":",
                   n++ ? "," : "", (long long)r->id, (long long)r->item_id, day.ptr, (long long)r->price_e4);
            json_string(r->source ? r->source : "");
            putchar('}');
        } else if (csv(c)) {
            fee_csv_int(r->id, false), fee_csv_int(r->item_id, false), fee_csv_cell(day.ptr, false);
            fee_csv_int(r->price_e4, false), fee_csv_cell(r->source, true);
        } else {
            printf("%5lld  item %lld  %s  %lld.%04lld %s  ", (long long)r->id, (long long)r->item_id, day.ptr,
                   (long long)(r->price_e4 / 10000), (long long)(r->price_e4 % 10000), zh(c) ? "元" : "yuan");
            text(r->source);
            putchar('\n');
        }
    }
    fd_buf_dispose(&day);
    fd_fee_rate_iter_free(it);
    if (c->json)
        printf("]\n");
    return rc ? lib_error(rc) : 0;
}

static int fee_rate(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    if (strcmp(act, "list") == 0 && c->argc <= 4)
        return rate_list(c, x);
    if (strcmp(act, "add") != 0 || c->argc != 5)
        return usage_error("fee rate add ITEM PRICE --from DATE [--source TEXT] | list [ITEM]");
    manage(x);
    fd_fee_rate r = FD_FEE_RATE_INIT;
    int bad = item_by_code(x, c->argv[3], &r.item_id);
    if (!bad)
        bad = decimal_arg("PRICE", c->argv[4], 4, &r.price_e4);
    if (!bad)
        bad = date_opt(c, "--from", &r.effective_from, true);
    if (bad)
        return bad;
    r.source = opt(c, "--source");
    int64_t id = 0;
    fd_status rc = fd_store_fee_rate_add(&id, x->store, &x->actor, &r);
    return rc ? lib_error(rc) : done(c, "已添加收费标准", "added rate", "rate_id", id);
}

/* --- custody, readings --------------------------------------------------------------------------- */

static int fee_custody(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    if (strcmp(act, "end") == 0 && c->argc == 4) {
        int64_t id;
        fd_date to;
        int bad = id_arg(c->argv[3], "fee custody end ID", &id);
        if (!bad)
            bad = date_opt(c, "--to", &to, true);
        if (bad)
            return bad;
        fd_status rc = fd_store_unit_custody_end(x->store, &x->actor, id, to);
        return rc ? lib_error(rc) : done(c, "托管已结束", "custody ended", "custody_id", id);
    }
    if (strcmp(act, "add") != 0 || c->argc != 4)
        return usage_error("fee custody add UNIT --from DATE [--to DATE] | end ID --to DATE");
    fd_unit_custody u = FD_UNIT_CUSTODY_INIT;
    int bad = unit_by_number(x, c->argv[3], &u.unit_id);
    if (!bad)
        bad = date_opt(c, "--from", &u.from_date, true);
    if (!bad)
        bad = date_opt(c, "--to", &u.to_date, false);
    if (bad)
        return bad;
    int64_t id = 0;
    fd_status rc = fd_store_unit_custody_add(&id, x->store, &x->actor, &u);
    return rc ? lib_error(rc) : done(c, "已登记托管", "added custody", "custody_id", id);
}

static int fee_reading(cli *c, ctx *x)
{
    if (c->argc != 6 || strcmp(c->argv[2], "add") != 0)
        return usage_error("fee reading add UNIT ITEM READING --date DATE");
    fd_meter_reading r = FD_METER_READING_INIT;
    int bad = unit_by_number(x, c->argv[3], &r.unit_id);
    if (!bad)
        bad = item_by_code(x, c->argv[4], &r.item_id);
    if (!bad)
        bad = decimal_arg("READING", c->argv[5], 2, &r.reading_e2);
    if (!bad)
        bad = date_opt(c, "--date", &r.read_on, true);
    if (bad)
        return bad;
    int64_t id = 0;
    fd_status rc = fd_store_meter_reading_add(&id, x->store, &x->actor, &r);
    return rc ? lib_error(rc) : done(c, "已登记抄表", "added reading", "reading_id", id);
}

/* --- bills ----------------------------------------------------------------------------------------- */

static int bill_run(cli *c, ctx *x)
{
    fd_buf period = FD_BUF_INIT;
    const char *p = "month";
    fd_date start;
    int64_t unit = 0;
    int bad = code_arg(fd_fee_code_parse, "--period", "period", opt(c, "--period"), &period, &p);
    if (!bad)
        bad = date_opt(c, "--start", &start, true);
    if (!bad && opt(c, "--unit"))
        bad = unit_by_number(x, opt(c, "--unit"), &unit);
    fd_bill_run r = FD_BILL_RUN_INIT;
    fd_status rc = bad ? FD_OK : fd_store_bill_generate(&r, x->store, &x->actor, start, p, &unit, unit ? 1 : 0);
    fd_buf_dispose(&period);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"units\":%lld,\"bills\":%lld,\"bills_extended\":%lld,\"lines\":%lld,\"lines_existing\":%lld,"
               "\"no_area\":%lld,\"no_rate\":%lld,\"no_reading\":%lld,\"amount\":%lld}\n",
               (long long)r.units, (long long)r.bills, (long long)r.bills_extended, (long long)r.lines,
               (long long)r.lines_existing, (long long)r.no_area, (long long)r.no_rate, (long long)r.no_reading,
               (long long)r.amount);
    else if (zh(c))
        printf("开单 %lld 户：新账单 %lld 张（补入已有账单 %lld 张），明细 %lld 条，金额 %s；已开过 %lld 条，"
               "无面积 %lld 户，无收费标准 %lld 条，无抄表 %lld 条\n",
               (long long)r.units, (long long)r.bills, (long long)r.bills_extended, (long long)r.lines,
               yuan(r.amount), (long long)r.lines_existing, (long long)r.no_area, (long long)r.no_rate,
               (long long)r.no_reading);
    else
        printf("billed %lld unit%s: %lld new bills (%lld extended), %lld lines, %s; %lld billed before, "
               "%lld without area, %lld without rate, %lld without reading\n",
               (long long)r.units, plural(r.units), (long long)r.bills, (long long)r.bills_extended,
               (long long)r.lines, yuan(r.amount), (long long)r.lines_existing, (long long)r.no_area,
               (long long)r.no_rate, (long long)r.no_reading);
    return 0;
}

static void bill_json(const fd_bill *b, fd_buf *d1, fd_buf *d2, fd_buf *d3)
{
    fd_date_format(d1, b->period_start);
    fd_date_format(d2, b->period_end);
    fd_date_format(d3, b->due_on);
    printf("{\"id\":%lld,\"unit_id\":%lld,\"period\":\"%s\",\"period_start\":\"%s\",\"period_end\":\"%s\","
           "\"due_on\":\"%s\",\"amount\":%lld,\"paid\":%lld,\"adjusted\":%lld,\"state\":\"%s\"",
           (long long)b->id, (long long)b->unit_id, b->period, d1->ptr, d2->ptr, d3->ptr, (long long)b->amount,
           (long long)b->paid, (long long)b->adjusted, b->state ? b->state : "");
}

static int bill_show(cli *c, ctx *x)
{
    int64_t id;
    int bad = id_arg(c->argv[3], "fee bill show ID", &id);
    if (bad)
        return bad;
    fd_bill *b = NULL;
    fd_status rc = fd_store_bill_get(&b, x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    fd_buf d1 = FD_BUF_INIT, d2 = FD_BUF_INIT, d3 = FD_BUF_INIT;
    if (c->json) {
        bill_json(b, &d1, &d2, &d3);
        printf(",\"lines\":[");
    } else if (csv(c)) {
        fee_csv_head("line_id,item_id,kind,month_start,qty_e2,price_e4,days,month_days,custody_pct,custody_days,"
                 "rounding,amount,residue_e4,policy");
    } else {
        fd_date_format(&d1, b->period_start);
        fd_date_format(&d2, b->period_end);
        fd_date_format(&d3, b->due_on);
        printf(zh(c) ? "账单 %lld  房屋 %lld  %s [%s, %s)  应缴日期 %s  %s\n" : "bill %lld  unit %lld  %s [%s, %s)  due %s  %s\n",
               (long long)b->id, (long long)b->unit_id, lbl(c, "period", b->period), d1.ptr, d2.ptr, d3.ptr,
               lbl(c, "bill_state", b->state));
        printf(zh(c) ? "  应收 %s  已收 %s  调整 %s\n" : "  amount %s  paid %s  adjusted %s\n", yuan(b->amount),
               yuan(b->paid), yuan(b->adjusted));
    }
    fd_bill_line_filter f = FD_BILL_LINE_FILTER_INIT;
    f.match = FD_BILL_LINE_MATCH_BILL_ID;
    f.bill_id = id;
    fd_bill_line_iter *it = NULL;
    rc = fd_store_bill_line_query(&it, x->store, &x->actor, &f);
    int n = 0;
    while (rc == FD_OK) {
        const fd_bill_line *l = NULL;
        if ((rc = fd_bill_line_iter_next(&l, it)) != FD_OK || l == NULL)
            break;
        if (l->month_start.year)
            fd_date_format(&d1, l->month_start);
        const char *month = l->month_start.year ? d1.ptr : "";
        if (c->json) {
            printf("%s{\"id\":%lld,\"item_id\":%lld,\"kind\":\"%s\",\"month_start\":\"%s\",\"qty_e2\":%lld,"
                   "\"price_e4\":%lld,\"days\":%lld,\"month_days\":%lld,\"custody_pct\":%lld,\"custody_days\":%lld,"
                   "\"rounding\":\"%s\",\"amount\":%lld,\"residue_e4\":%lld,\"policy\":",
                   n++ ? "," : "", (long long)l->id, (long long)l->item_id, l->kind, month, (long long)l->qty_e2,
                   (long long)l->price_e4, (long long)l->days, (long long)l->month_days, (long long)l->custody_pct,
                   (long long)l->custody_days, l->rounding, (long long)l->amount, (long long)l->residue_e4);
            json_string(l->policy ? l->policy : "");
            putchar('}');
        } else if (csv(c)) {
            fee_csv_int(l->id, false), fee_csv_int(l->item_id, false), fee_csv_cell(l->kind, false), fee_csv_cell(month, false);
            fee_csv_int(l->qty_e2, false), fee_csv_int(l->price_e4, false), fee_csv_int(l->days, false);
            fee_csv_int(l->month_days, false), fee_csv_int(l->custody_pct, false), fee_csv_int(l->custody_days, false);
            fee_csv_cell(l->rounding, false), fee_csv_int(l->amount, false), fee_csv_int(l->residue_e4, false);
            fee_csv_cell(l->policy, true);
        } else {
            printf("  %5lld  item %-4lld %-8s %-10s %lld.%02lld × %lld.%04lld  %12s  %s\n", (long long)l->id,
                   (long long)l->item_id, lbl(c, "line", l->kind), month, (long long)(l->qty_e2 / 100),
                   (long long)(l->qty_e2 % 100), (long long)(l->price_e4 / 10000), (long long)(l->price_e4 % 10000),
                   yuan(l->amount), lbl(c, "rounding", l->rounding));
            if (l->policy && l->policy[0]) {
                printf("         ");
                plain(l->policy);
                putchar('\n');
            }
        }
    }
    fd_bill_line_iter_free(it);
    if (c->json)
        printf("]}\n");
    fd_buf_dispose(&d1), fd_buf_dispose(&d2), fd_buf_dispose(&d3);
    fd_bill_free(b);
    return rc ? lib_error(rc) : 0;
}

static int bill_list(cli *c, ctx *x)
{
    fd_bill_filter f = FD_BILL_FILTER_INIT;
    fd_buf state = FD_BUF_INIT;
    int bad = 0;
    if (opt(c, "--unit") && (bad = unit_by_number(x, opt(c, "--unit"), &f.unit_id)) == 0)
        f.match |= FD_BILL_MATCH_UNIT_ID;
    if (!bad && opt(c, "--state") &&
        (bad = code_arg(fd_fee_code_parse, "--state", "bill_state", opt(c, "--state"), &state, &f.state)) == 0)
        f.match |= FD_BILL_MATCH_STATE;
    fd_bill_iter *it = NULL;
    fd_status rc = bad ? FD_OK : fd_store_bill_query(&it, x->store, &x->actor, &f);
    int n = 0;
    fd_buf d1 = FD_BUF_INIT, d2 = FD_BUF_INIT, d3 = FD_BUF_INIT;
    if (!bad && csv(c))
        fee_csv_head("id,unit_id,period,period_start,period_end,due_on,amount,paid,adjusted,state");
    else if (!bad && c->json)
        putchar('[');
    while (!bad && rc == FD_OK) {
        const fd_bill *b = NULL;
        if ((rc = fd_bill_iter_next(&b, it)) != FD_OK || b == NULL)
            break;
        if (c->json) {
            printf("%s", n++ ? "," : "");
            bill_json(b, &d1, &d2, &d3);
            putchar('}');
            continue;
        }
        fd_date_format(&d1, b->period_start);
        fd_date_format(&d2, b->period_end);
        fd_date_format(&d3, b->due_on);
        if (csv(c)) {
            fee_csv_int(b->id, false), fee_csv_int(b->unit_id, false), fee_csv_cell(b->period, false), fee_csv_cell(d1.ptr, false);
            fee_csv_cell(d2.ptr, false), fee_csv_cell(d3.ptr, false), fee_csv_int(b->amount, false), fee_csv_int(b->paid, false);
            fee_csv_int(b->adjusted, false), fee_csv_cell(b->state, true);
        } else {
            printf("%5lld  %s %lld  %s [%s, %s)  %s %s  %12s  %s\n", (long long)b->id, zh(c) ? "房屋" : "unit",
                   (long long)b->unit_id, lbl(c, "period", b->period), d1.ptr, d2.ptr, zh(c) ? "应缴" : "due",
                   d3.ptr, yuan(b->amount), lbl(c, "bill_state", b->state));
        }
    }
    if (!bad && c->json)
        printf("]\n");
    fd_bill_iter_free(it);
    fd_buf_dispose(&d1), fd_buf_dispose(&d2), fd_buf_dispose(&d3), fd_buf_dispose(&state);
    if (bad)
        return bad;
    return rc ? lib_error(rc) : 0;
}

/* An amount in yuan as people type it (fd_money_parse: ¥1,234.50, 壹仟元整, -10): 0, or 2 naming @name. */
static int money_arg(const char *name, const char *text, int64_t *out)
{
    if (fd_money_parse(out, text) == FD_OK)
        return 0;
    fprintf(stderr, "frontdesk: %s: %s\n", name, fd_error_last()->message);
    return 2;
}

static int bill_charge(cli *c, ctx *x)
{
    int64_t unit, item, qty = 100, price = 0;
    fd_date on;
    int bad = unit_by_number(x, c->argv[3], &unit);
    if (!bad)
        bad = item_by_code(x, c->argv[4], &item);
    if (!bad && opt(c, "--qty"))
        bad = decimal_arg("--qty", opt(c, "--qty"), 2, &qty);
    if (!bad && opt(c, "--price"))
        bad = decimal_arg("--price", opt(c, "--price"), 4, &price);
    if (!bad)
        bad = date_opt(c, "--date", &on, true);
    if (bad)
        return bad;
    int64_t id = 0;
    fd_status rc = fd_store_bill_charge(&id, x->store, &x->actor, unit, item, on, qty, price);
    return rc ? lib_error(rc) : done(c, "已开一次性账单", "one-off bill", "bill_id", id);
}

static int bill_discount(cli *c, ctx *x)
{
    manage(x);
    int64_t bill, item, amount;
    const char *reason = NULL;
    int bad = id_arg(c->argv[3], "fee bill discount ID", &bill);
    if (!bad)
        bad = item_by_code(x, c->argv[4], &item);
    if (!bad)
        bad = money_arg("AMOUNT", c->argv[5], &amount);
    if (!bad)
        bad = need(c, "--reason", &reason);
    if (bad)
        return bad;
    int64_t id = 0;
    fd_status rc = fd_store_bill_discount(&id, x->store, &x->actor, bill, item, amount, reason);
    return rc ? lib_error(rc) : done(c, "已登记优惠明细", "discount line", "line_id", id);
}

static int bill_late_fees(cli *c, ctx *x)
{
    fd_date d;
    fd_status rc = FD_OK;
    if (c->date) {
        int bad = parse_date("--date", c->date, &d);
        if (bad)
            return bad;
    } else {
        rc = fd_store_site_date(&d, x->store, x->site->id, x->actor.at);
    }
    fd_late_fee_run r = FD_LATE_FEE_RUN_INIT;
    if (rc == FD_OK)
        rc = fd_store_late_fee_assess(&r, x->store, &x->actor, d);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"bills\":%lld,\"lines\":%lld,\"amount\":%lld}\n", (long long)r.bills, (long long)r.lines,
               (long long)r.amount);
    else
        printf(zh(c) ? "逾期账单 %lld 张，新滞纳金明细 %lld 条，%s\n" : "%lld overdue bills, %lld late fee lines, %s\n",
               (long long)r.bills, (long long)r.lines, yuan(r.amount));
    return 0;
}

/* adjust BILL AMOUNT --reason TEXT: a correction dated the first day not closed (R-FEE-9). */
static int fee_adjust(cli *c, ctx *x)
{
    fd_adjustment a = FD_ADJUSTMENT_INIT;
    int bad = c->argc == 4 ? id_arg(c->argv[2], "fee adjust BILL", &a.bill_id)
                           : usage_error("fee adjust BILL AMOUNT --reason TEXT   (AMOUNT in yuan, signed)");
    if (!bad)
        bad = money_arg("AMOUNT", c->argv[3], &a.amount);
    if (!bad)
        bad = need(c, "--reason", &a.reason);
    if (bad)
        return bad;
    int64_t id = 0;
    manage(x); /* a write-off changes money (R-FEE-9) */
    fd_status rc = fd_store_adjustment_add(&id, x->store, &x->actor, &a);
    return rc ? lib_error(rc) : done(c, "已登记调账", "adjustment", "adjustment_id", id);
}

static int fee_bill(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    if (strcmp(act, "charge") == 0 && c->argc == 5)
        return bill_charge(c, x);
    if (strcmp(act, "discount") == 0 && c->argc == 6)
        return bill_discount(c, x);
    if (strcmp(act, "late-fees") == 0 && c->argc == 3)
        return bill_late_fees(c, x);
    if (strcmp(act, "run") == 0 && c->argc == 3)
        return bill_run(c, x);
    if (strcmp(act, "show") == 0 && c->argc == 4)
        return bill_show(c, x);
    if (strcmp(act, "list") == 0 && c->argc == 3)
        return bill_list(c, x);
    return usage_error("fee bill run --start DATE [--period P] [--unit UNIT] | show ID | list [--unit UNIT] "
                       "[--state S] | charge UNIT ITEM --date DATE [--qty N] [--price P] | discount ID ITEM AMOUNT "
                       "--reason TEXT | late-fees [--date DATE]");
}

/* --- dispatch ------------------------------------------------------------------------------------ */

/* The fee subcommands: one row each; the cash desk (cli/fees_cash.c) and arrears (cli/fees_arrears.c)
 * add theirs here, their functions declared in cli.h. Shapes are checked by frontdesk.c (SHAPES). */
static const struct {
    const char *sub;
    int (*run)(cli *, ctx *);
} FEE_COMMANDS[] = {
    { "item", fee_item },
    { "rate", fee_rate },
    { "custody", fee_custody },
    { "reading", fee_reading },
    { "bill", fee_bill },
    { "adjust", fee_adjust },
    /* the cash desk (cli/fees_cash.c) */
    { "lookup", cmd_fee_cash },
    { "series", cmd_fee_cash },
    { "pay", cmd_fee_cash },
    { "collect", cmd_fee_cash },
    { "void", cmd_fee_cash },
    { "refund", cmd_fee_cash },
    { "prepare", cmd_fee_cash },
    { "return", cmd_fee_cash },
    { "receipts", cmd_fee_cash },
    { "close-day", cmd_fee_cash },
    { "ledger", cmd_fee_cash },
    { "reconcile", cmd_fee_cash },
    /* arrears, dunning, notices (cli/fees_arrears.c) */
    { "arrears", cmd_fee_arrears },
    { "dunning", cmd_fee_arrears },
    { "notice", cmd_fee_arrears },
    { "template", cmd_fee_arrears },
};

int cmd_fee(cli *c, ctx *x)
{
    if (c->json && csv(c))
        return usage_error("fee: --json and --csv: give one");
    for (size_t i = 0; i < sizeof FEE_COMMANDS / sizeof *FEE_COMMANDS; i++)
        if (c->argc > 1 && strcmp(FEE_COMMANDS[i].sub, c->argv[1]) == 0)
            return FEE_COMMANDS[i].run(c, x);
    return usage_error("fee item|rate|custody|reading|bill|adjust|arrears|dunning|notice|template ...");
}
