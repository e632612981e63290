/*
 * frontdesk fee: arrears, dunning and notices (issue 14 item 5; R-FEE-2,
 * R-FEE-6), rows of the `fee` dispatcher in cli/fees.c:
 *
 *   arrears [--as-of D]                    arrears by unit in age buckets, totals
 *   dunning add UNIT --step S --channel C [--date D] [--deadline D] [--result T] [--proof T]
 *   dunning due [--as-of D]                who is due for which step
 *   dunning list [--unit UNIT]             the steps recorded
 *   notice payment|dunning UNIT [--as-of D]   the notice, from the site's template
 *   template set payment|dunning TEXT      the site's template ({unit} {amount} ...)
 *
 * Steps and channels are taken as codes or labels (fd_fee_code_parse: 电话
 * is phone, 上门 is visit); cutting off water, electricity, heating or gas is
 * refused (Civil Code art. 944). Lists print --json or --csv (UTF-8 with a
 * BOM); amounts are fen in JSON and CSV, yuan in text.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --as-of D (or --date D for a step) when given, else the site's today. */
static int as_of(const cli *c, ctx *x, const char *name, fd_date *out)
{
    const char *v = strcmp(name, "--date") == 0 ? c->date : opt(c, name);
    if (v)
        return parse_date(name, v, out);
    fd_status rc = fd_store_site_date(out, x->store, x->site->id, x->actor.at);
    return rc ? lib_error(rc) : 0;
}

/* A date as text for output: "2026-11-20", "" when unset (one of four rotating buffers). */
static const char *day_text(fd_date d)
{
    static char ring[4][16];
    static unsigned next;
    char *s = ring[next++ % 4];
    if (d.year == 0)
        s[0] = '\0';
    else
        snprintf(s, sizeof ring[0], "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
    return s;
}

/* Writes a CSV field, quoted when it must be (RFC 4180), then @end. */
static void csv_field(const char *s, const char *end)
{
    bool quote = s && strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        putchar('"');
    for (const char *p = s ? s : ""; *p; p++) {
        putchar(*p);
        if (*p == '"') /* doubled */
            putchar('"');
    }
    if (quote)
        putchar('"');
    fputs(end, stdout);
}

/* Money for text lines: "¥1,234.50". */
static void money(const char *label, int64_t fen)
{
    fd_buf b = FD_BUF_INIT;
    printf("%s%s", label, fd_money_format(&b, fen, NULL) == FD_OK ? b.ptr : "?");
    fd_buf_dispose(&b);
}

/* --- arrears, dunning due ------------------------------------------------------------------ */

static const char ARREARS_CSV[] = "unit_id,unit,bills,outstanding,d0_30,d31_90,d91_180,d181_365,over_365,oldest_due,"
                                  "last_demand_on,last_step,next_step,next_step_on,limitation_on,limitation_warn,"
                                  "occupied";

static void arrears_line(const cli *c, const fd_arrears_row *r, bool total, int *n)
{
    const int64_t v[] = { r->bills, r->outstanding, r->d0_30, r->d31_90, r->d91_180, r->d181_365, r->over_365 };
    const char *dates[] = { day_text(r->oldest_due), day_text(r->last_demand_on) };
    if (c->json) {
        printf("%s{\"unit_id\":%lld,\"unit\":", (*n)++ ? "," : "", (long long)r->unit_id);
        json_string(r->unit);
        printf(",\"bills\":%lld,\"outstanding\":%lld,\"d0_30\":%lld,\"d31_90\":%lld,\"d91_180\":%lld,"
               "\"d181_365\":%lld,\"over_365\":%lld,\"oldest_due\":\"%s\",\"last_demand_on\":\"%s\",\"last_step\":\"%s\","
               "\"next_step\":\"%s\",\"next_step_on\":\"%s\",\"limitation_on\":\"%s\",\"limitation_warn\":%d,"
               "\"occupied\":%d}",
               (long long)v[0], (long long)v[1], (long long)v[2], (long long)v[3], (long long)v[4], (long long)v[5],
               (long long)v[6], dates[0], dates[1], r->last_step, r->next_step, day_text(r->next_step_on),
               day_text(r->limitation_on), r->limitation_warn, r->occupied);
    } else if (flag(c, "--csv")) {
        printf("%lld,", (long long)r->unit_id);
        csv_field(total ? (zh(c) ? "合计" : "total") : r->unit, ",");
        for (size_t i = 0; i < sizeof v / sizeof *v; i++)
            printf("%lld,", (long long)v[i]);
        printf("%s,%s,%s,%s,%s,%s,%d,%d\r\n", dates[0], dates[1], r->last_step, r->next_step,
               day_text(r->next_step_on), day_text(r->limitation_on), r->limitation_warn, r->occupied);
    } else if (total) {
        printf(zh(c) ? "合计 %lld 户 %lld 笔" : "total: %lld units, %lld bills", (long long)r->unit_id,
               (long long)r->bills);
        money(zh(c) ? "  欠费 " : "  outstanding ", r->outstanding);
        printf(zh(c) ? "  时效将届满 %d 户\n" : "  limitation ending soon: %d\n", r->limitation_warn);
    } else {
        printf("%-10s %3lld", r->unit, (long long)r->bills);
        money(zh(c) ? "  欠费 " : "  owes ", r->outstanding);
        money(" (1-30 ", r->d0_30);
        money(" 31-90 ", r->d31_90);
        money(" 91-180 ", r->d91_180);
        money(" 181-365 ", r->d181_365);
        money(" >365 ", r->over_365);
        const char *next = r->next_step[0] ? fd_fee_code_label("step", r->next_step) : NULL;
        printf(zh(c) ? ")  最早 %s  下一步 %s %s  时效 %s%s\n" : ")  oldest %s  next %s %s  limitation %s%s\n",
               dates[0], zh(c) && next ? next : r->next_step[0] ? r->next_step : "-", day_text(r->next_step_on),
               day_text(r->limitation_on), r->limitation_warn ? (zh(c) ? " 将届满" : " ENDING SOON") : "");
    }
}

/* The arrears (or who is due, @due) as of --as-of D or today. */
static int arrears_show(cli *c, ctx *x, bool due)
{
    fd_date day;
    int bad = as_of(c, x, "--as-of", &day);
    if (bad)
        return bad;
    fd_arrears *a = NULL;
    fd_status rc = due ? fd_store_dunning_due(&a, x->store, &x->actor, day)
                       : fd_store_arrears(&a, x->store, &x->actor, day);
    if (rc)
        return lib_error(rc);
    int n = 0;
    if (c->json)
        printf("{\"as_of\":\"%s\",\"units\":[", day_text(day));
    else if (flag(c, "--csv"))
        printf("\xEF\xBB\xBF%s\r\n", ARREARS_CSV);
    fd_arrears_row r = FD_ARREARS_ROW_INIT;
    for (size_t i = 0; i < fd_arrears_count(a); i++)
        if (fd_arrears_get(&r, a, i) == FD_OK)
            arrears_line(c, &r, false, &n);
    fd_arrears_total(&r, a);
    if (c->json) {
        printf("],\"total\":");
        n = 0;
    }
    if (!c->json || !due)
        arrears_line(c, &r, true, &n);
    else
        printf("null");
    if (c->json)
        printf("}\n");
    fd_arrears_free(a);
    return 0;
}

static int fee_arrears_cmd(cli *c, ctx *x)
{
    if (c->argc != 2)
        return usage_error("fee arrears [--as-of D] [--json | --csv]");
    return arrears_show(c, x, false);
}

/* --- dunning -------------------------------------------------------------------------------- */

static int dunning_add(cli *c, ctx *x)
{
    fd_dunning_step d = FD_DUNNING_STEP_INIT;
    fd_buf step = FD_BUF_INIT, channel = FD_BUF_INIT;
    int bad = unit_by_number(x, c->argv[3], &d.unit_id);
    if (!bad && (!opt(c, "--step") || !opt(c, "--channel")))
        bad = usage_error("fee dunning add UNIT --step reminder|letter|visit|legal --channel phone|sms|express|visit|"
                          "lawyer|court");
    /* codes or labels; other text goes to the library as it is, which names the codes, or refuses cutting off
     * utilities citing Civil Code art. 944 */
    d.step = fd_fee_code_parse(&step, "step", opt(c, "--step")) == FD_OK ? step.ptr : opt(c, "--step");
    d.channel = fd_fee_code_parse(&channel, "channel", opt(c, "--channel")) == FD_OK ? channel.ptr : opt(c, "--channel");
    if (!bad)
        bad = as_of(c, x, "--date", &d.happened_on);
    if (!bad && opt(c, "--deadline"))
        bad = parse_date("--deadline", opt(c, "--deadline"), &d.deadline);
    d.result = opt(c, "--result");
    d.proof = opt(c, "--proof");
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_dunning_step_add(&id, x->store, &x->actor, &d);
    fd_buf_dispose(&step);
    fd_buf_dispose(&channel);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"dunning_step_id\":%lld}\n", (long long)id);
    else
        printf(zh(c) ? "已登记催缴 %lld\n" : "recorded dunning step %lld\n", (long long)id);
    return 0;
}

static int dunning_list(cli *c, ctx *x)
{
    fd_dunning_step_filter f = FD_DUNNING_STEP_FILTER_INIT;
    int bad = opt(c, "--unit") ? unit_by_number(x, opt(c, "--unit"), &f.unit_id) : 0;
    if (bad)
        return bad;
    if (f.unit_id)
        f.match |= FD_DUNNING_STEP_MATCH_UNIT_ID;
    fd_dunning_step_iter *it = NULL;
    fd_status rc = fd_store_dunning_step_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (c->json)
        putchar('[');
    else if (flag(c, "--csv"))
        printf("\xEF\xBB\xBFid,unit_id,step,channel,happened_on,owed,deadline,result,proof\r\n");
    while (rc == FD_OK) {
        const fd_dunning_step *d = NULL;
        if ((rc = fd_dunning_step_iter_next(&d, it)) != FD_OK || d == NULL)
            break;
        if (c->json) {
            printf("%s{\"id\":%lld,\"unit_id\":%lld,\"step\":\"%s\",\"channel\":\"%s\",\"happened_on\":\"%s\","
                   "\"owed\":%lld,\"deadline\":\"%s\",\"result\":",
                   n++ ? "," : "", (long long)d->id, (long long)d->unit_id, d->step, d->channel,
                   day_text(d->happened_on), (long long)d->owed, day_text(d->deadline));
            json_string(d->result ? d->result : "");
            printf(",\"proof\":");
            json_string(d->proof ? d->proof : "");
            putchar('}');
        } else if (flag(c, "--csv")) {
            printf("%lld,%lld,%s,%s,%s,%lld,%s,", (long long)d->id, (long long)d->unit_id, d->step, d->channel,
                   day_text(d->happened_on), (long long)d->owed, day_text(d->deadline));
            csv_field(d->result, ",");
            csv_field(d->proof, "\r\n");
        } else {
            const char *s = zh(c) ? fd_fee_code_label("step", d->step) : NULL;
            const char *ch = zh(c) ? fd_fee_code_label("channel", d->channel) : NULL;
            printf("%5lld  unit %lld  %s  %s/%s", (long long)d->id, (long long)d->unit_id, day_text(d->happened_on),
                   s ? s : d->step, ch ? ch : d->channel);
            money("  ", d->owed);
            putchar(' ');
            text(d->result);
            putchar('\n');
        }
    }
    fd_dunning_step_iter_free(it);
    if (c->json)
        printf("]\n");
    return rc ? lib_error(rc) : 0;
}

static int fee_dunning_cmd(cli *c, ctx *x)
{
    const char *act = c->argc > 2 ? c->argv[2] : "";
    if (strcmp(act, "add") == 0 && c->argc == 4)
        return dunning_add(c, x);
    if (strcmp(act, "due") == 0 && c->argc == 3)
        return arrears_show(c, x, true);
    if (strcmp(act, "list") == 0 && c->argc == 3)
        return dunning_list(c, x);
    return usage_error("fee dunning add UNIT --step S --channel C [--date D] [--deadline D] [--result T] [--proof T] | "
                       "due [--as-of D] | list [--unit UNIT]");
}

/* --- notices, templates ------------------------------------------------------------------------ */

static int fee_notice_cmd(cli *c, ctx *x)
{
    if (c->argc != 4)
        return usage_error("fee notice payment|dunning UNIT [--as-of D]");
    int64_t unit = 0;
    fd_date day;
    fd_buf kind = FD_BUF_INIT;
    const char *k = NULL;
    int bad = code_arg(fd_fee_code_parse, "KIND", "notice", c->argv[2], &kind, &k);
    if (!bad)
        bad = unit_by_number(x, c->argv[3], &unit);
    if (!bad)
        bad = as_of(c, x, "--as-of", &day);
    fd_buf out = FD_BUF_INIT;
    fd_status rc = bad ? FD_OK : fd_store_fee_notice(&out, x->store, &x->actor, k, unit, day);
    fd_buf_dispose(&kind);
    if (!bad && rc == FD_OK) {
        if (c->json) {
            printf("{\"unit_id\":%lld,\"as_of\":\"%s\",\"text\":", (long long)unit, day_text(day));
            json_string(out.ptr);
            printf("}\n");
        } else {
            printf("%s\n", out.ptr);
        }
    }
    fd_buf_dispose(&out);
    return bad ? bad : rc ? lib_error(rc) : 0;
}

static int fee_template_cmd(cli *c, ctx *x)
{
    if (c->argc != 5 || strcmp(c->argv[2], "set") != 0)
        return usage_error("fee template set payment|dunning TEXT   ({site} {unit} {payer} {amount} {amount_upper} "
                           "{periods} {due} {deadline} {late_rate} {date})");
    manage(x);
    fd_buf kind = FD_BUF_INIT;
    const char *k = NULL;
    int bad = code_arg(fd_fee_code_parse, "KIND", "notice", c->argv[3], &kind, &k);
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_notice_template_set(&id, x->store, &x->actor, k, c->argv[4]);
    fd_buf_dispose(&kind);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"template_id\":%lld}\n", (long long)id);
    else
        printf(zh(c) ? "已设置通知模板 %lld\n" : "set notice template %lld\n", (long long)id);
    return 0;
}

int cmd_fee_arrears(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "arrears") == 0)
        return fee_arrears_cmd(c, x);
    if (strcmp(sub, "dunning") == 0)
        return fee_dunning_cmd(c, x);
    if (strcmp(sub, "notice") == 0)
        return fee_notice_cmd(c, x);
    return fee_template_cmd(c, x);
}
