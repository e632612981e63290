/*
 * frontdesk repair / followup: the repairs part of the plans module (issue 15,
 * item 7; R-PLN-1, R-PLN-6).
 *
 *   repair new                 register a work order (dispatched at once when the
 *                              site's repair.assignment picks a skilled member)
 *   repair dispatch|transfer ID --handler CODE, accept|resume|done|leak-test|close ID,
 *   repair return|pause ID --note TEXT, close ID --note TEXT --undone
 *                              one fd_store_repair_step each; a refused step changes
 *                              nothing and prints the library's message (FD_ESTATE
 *                              names the state and the steps it allows)
 *   repair show ID | list      the order (masked, R-COM-2), its events and follow-ups
 *   followup due [--due 2d | --late], record ID, misses [--from T --to T]
 *
 * Codes are taken as codes or labels (fd_plan_code_parse: 渗漏 is leak, 閉水試驗
 * leak_test) and shown as labels in Chinese output, codes in English, JSON and
 * CSV. Lists print --json or --csv (UTF-8 with a BOM, through fd_report_render).
 */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *lbl(const cli *c, const char *field, const char *code)
{
    if (code == NULL || *code == '\0')
        return "-";
    const char *l = zh(c) ? fd_plan_code_label(field, code) : NULL;
    return l ? l : code;
}

static int code_opt(const cli *c, const char *name, const char *field, fd_buf *buf, const char **out)
{
    return code_arg(fd_plan_code_parse, name, field, opt(c, name), buf, out);
}

/* "repair SUB ID" / "followup SUB ID": the id. */
static int sub_id(const cli *c, int64_t *id)
{
    char what[48];
    snprintf(what, sizeof what, "%s %s ID", c->argv[0], c->argv[1]);
    return id_arg(c->argv[2], what, id);
}

/* --handler CODE: the staff member's id (by the code --as takes). */
static int handler_opt(const cli *c, ctx *x, int64_t *out)
{
    const char *code = opt(c, "--handler");
    if (code == NULL)
        return 0;
    fd_staff *st = NULL;
    fd_status rc = fd_store_staff_get_by_code(&st, x->store, &x->actor, code);
    if (rc)
        return lib_error(rc);
    *out = st->id;
    fd_staff_free(st);
    return 0;
}

/* --- the records ------------------------------------------------------------------------------------ */

static const jfield REPAIR_JSON[] = {
    JI(fd_repair, id),          JT(fd_repair, received_at), JT(fd_repair, created_at),     JI(fd_repair, staff_id),
    JS(fd_repair, channel),     JS(fd_repair, category),    JI(fd_repair, unit_id),        JS(fd_repair, address),
    JS(fd_repair, customer),    JS(fd_repair, contact),     JS(fd_repair, what),           JS(fd_repair, skill),
    JI(fd_repair, call_id),     JI(fd_repair, complaint_id), JS(fd_repair, state),         JI(fd_repair, handler_id),
    JT(fd_repair, dispatched_at), JT(fd_repair, accepted_at), JT(fd_repair, done_at),      JT(fd_repair, leak_tested_at),
    JT(fd_repair, closed_at),   JB(fd_repair, undone),      JS(fd_repair, close_reason),   { NULL, 0, 0 },
};
static const csv_col REPAIR_CSV[] = {
    { "id", 'i', offsetof(fd_repair, id) },           { "received_at", 't', offsetof(fd_repair, received_at) },
    { "category", 's', offsetof(fd_repair, category) }, { "state", 's', offsetof(fd_repair, state) },
    { "handler_id", 'i', offsetof(fd_repair, handler_id) }, { "address", 's', offsetof(fd_repair, address) },
    { "what", 's', offsetof(fd_repair, what) },       { "done_at", 't', offsetof(fd_repair, done_at) },
    { NULL, 0, 0 },
};

static void repair_line(const cli *c, ctx *x, const void *rec)
{
    const fd_repair *r = rec;
    printf("%5lld  %s  %-4s %-6s ", (long long)r->id, hm(x, r->received_at), lbl(c, "category", r->category),
           lbl(c, "repair_state", r->state));
    if (r->handler_id)
        printf(zh(c) ? "[处理人 %lld] " : "[handler %lld] ", (long long)r->handler_id);
    text(*r->address ? r->address : "");
    printf("  ");
    text(r->what);
    putchar('\n');
}

static const jfield EVENT_JSON[] = {
    JI(fd_repair_event, id),          JT(fd_repair_event, created_at), JI(fd_repair_event, staff_id),
    JS(fd_repair_event, kind),        JS(fd_repair_event, from_state), JS(fd_repair_event, to_state),
    JI(fd_repair_event, from_handler), JI(fd_repair_event, to_handler), JT(fd_repair_event, happened_at),
    JS(fd_repair_event, note),        { NULL, 0, 0 },
};

static void event_line(const cli *c, ctx *x, const void *rec)
{
    const fd_repair_event *e = rec;
    printf("  %s  %-8s %s -> %s", hm(x, e->happened_at ? e->happened_at : e->created_at), lbl(c, "repair_step", e->kind),
           lbl(c, "repair_state", e->from_state), lbl(c, "repair_state", e->to_state));
    if (e->from_handler != e->to_handler)
        printf(zh(c) ? "  处理人 %lld -> %lld" : "  handler %lld -> %lld", (long long)e->from_handler,
               (long long)e->to_handler);
    if (e->note && *e->note)
        printf("  "), text(e->note);
    putchar('\n');
}

static const jfield FOLLOWUP_JSON[] = {
    JI(fd_followup, id),         JI(fd_followup, repair_id), JS(fd_followup, policy_key), JT(fd_followup, start_at),
    JT(fd_followup, due_at),     JB(fd_followup, provisional), JS(fd_followup, state),    JT(fd_followup, done_at),
    JI(fd_followup, done_by),    JS(fd_followup, method),    JS(fd_followup, result),     JS(fd_followup, satisfaction),
    JS(fd_followup, said),       { NULL, 0, 0 },
};
static const csv_col FOLLOWUP_CSV[] = {
    { "id", 'i', offsetof(fd_followup, id) },         { "repair_id", 'i', offsetof(fd_followup, repair_id) },
    { "policy_key", 's', offsetof(fd_followup, policy_key) }, { "start_at", 't', offsetof(fd_followup, start_at) },
    { "due_at", 't', offsetof(fd_followup, due_at) }, { "state", 's', offsetof(fd_followup, state) },
    { NULL, 0, 0 },
};

static void followup_line(const cli *c, ctx *x, const void *rec)
{
    const fd_followup *f = rec;
    bool z = zh(c);
    printf("%5lld  %s %-5lld %s %s%s  %s", (long long)f->id, z ? "报修" : "repair", (long long)f->repair_id,
           z ? "到期" : "due", hm(x, f->due_at), f->provisional ? (z ? "（推算）" : " (provisional)") : "",
           lbl(c, "followup_state", f->state));
    if (f->result && *f->result)
        printf("  %s %s %s", lbl(c, "method", f->method), lbl(c, "result", f->result),
               lbl(c, "satisfaction", f->satisfaction));
    putchar('\n');
}

/* --- show, list -------------------------------------------------------------------------------------- */

static int show_repair(const cli *c, ctx *x, int64_t id)
{
    fd_repair *r = NULL;
    fd_status rc = fd_store_repair_get(&r, x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    bool z = zh(c);
    int n = 0;
    if (c->json) {
        printf("{\"repair\":");
        json_fields(x, r, REPAIR_JSON);
        printf("},\"events\":[");
    } else {
        repair_line(c, x, r);
        puts(z ? " 处理记录：" : " events:");
    }
    fd_repair_event_filter ef = FD_REPAIR_EVENT_FILTER_INIT;
    ef.match = FD_REPAIR_EVENT_MATCH_REPAIR_ID;
    ef.repair_id = id;
    fd_repair_event_iter *ei = NULL;
    const fd_repair_event *e = NULL;
    rc = fd_store_repair_event_query(&ei, x->store, &x->actor, &ef);
    while (rc == FD_OK && (rc = fd_repair_event_iter_next(&e, ei)) == FD_OK && e)
        row(c, x, e, EVENT_JSON, event_line, &n);
    fd_repair_event_iter_free(ei);
    if (rc == FD_OK) {
        n = 0;
        if (c->json)
            printf("],\"followups\":[");
        else
            puts(z ? " 回访：" : " follow-ups:");
        fd_followup_filter ff = FD_FOLLOWUP_FILTER_INIT;
        ff.match = FD_FOLLOWUP_MATCH_REPAIR_ID;
        ff.repair_id = id;
        fd_followup_iter *fi = NULL;
        const fd_followup *f = NULL;
        rc = fd_store_followup_query(&fi, x->store, &x->actor, &ff);
        while (rc == FD_OK && (rc = fd_followup_iter_next(&f, fi)) == FD_OK && f)
            row(c, x, f, FOLLOWUP_JSON, followup_line, &n);
        fd_followup_iter_free(fi);
    }
    if (rc == FD_OK && c->json)
        puts("]}");
    fd_repair_free(r);
    return rc ? lib_error(rc) : 0;
}

static int repair_show(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = sub_id(c, &id);
    return bad ? bad : show_repair(c, x, id);
}

/* Prints the rows of @it (a repair iterator) as JSON, CSV or lines, and frees it. */
static int repairs_out(cli *c, ctx *x, fd_status rc, fd_repair_iter *it)
{
    const fd_repair *r = NULL;
    int n = 0;
    if (flag(c, "--csv")) {
        csv_out o;
        csv_open(&o, "repairs", REPAIR_CSV);
        while (rc == FD_OK && (rc = fd_repair_iter_next(&r, it)) == FD_OK && r)
            csv_row(&o, x, r);
        fd_repair_iter_free(it);
        return csv_close(&o, rc);
    }
    list_open(c);
    while (rc == FD_OK && (rc = fd_repair_iter_next(&r, it)) == FD_OK && r)
        row(c, x, r, REPAIR_JSON, repair_line, &n);
    fd_repair_iter_free(it);
    if (rc == FD_OK && !c->json && n == 0)
        puts(zh(c) ? "（无）" : "(none)");
    return list_close(c, rc);
}

static int repair_list(cli *c, ctx *x)
{
    fd_repair_filter f = FD_REPAIR_FILTER_INIT;
    fd_buf b[2] = { FD_BUF_INIT, FD_BUF_INIT };
    int bad = c->json && flag(c, "--csv") ? usage_error("repair list: --json and --csv: give one") : 0;
    if (!bad) bad = code_opt(c, "--state", "repair_state", &b[0], &f.state);
    if (!bad) bad = code_opt(c, "--category", "category", &b[1], &f.category);
    if (!bad && c->date) {
        bad = day_range(c, x, &f.received_at_from, &f.received_at_to);
        f.match |= FD_REPAIR_MATCH_RECEIVED_AT_FROM | FD_REPAIR_MATCH_RECEIVED_AT_TO;
    }
    f.match |= (f.state ? FD_REPAIR_MATCH_STATE : 0) | (f.category ? FD_REPAIR_MATCH_CATEGORY : 0);
    fd_repair_iter *it = NULL;
    fd_status rc = bad ? FD_OK : fd_store_repair_query(&it, x->store, &x->actor, &f);
    int out = bad ? bad : repairs_out(c, x, rc, it);
    fd_buf_dispose(&b[0]);
    fd_buf_dispose(&b[1]);
    return out;
}

/* --- new and the steps --------------------------------------------------------------------------------- */

static int repair_new(cli *c, ctx *x)
{
    fd_repair r = FD_REPAIR_INIT;
    fd_buf b[2] = { FD_BUF_INIT, FD_BUF_INIT };
    int bad = opt(c, "--received") == NULL || opt(c, "--channel") == NULL || opt(c, "--category") == NULL
                  ? usage_error("repair new needs --received TIME, --channel (电话, 来访 ...), --category (渗漏, "
                                "安全设施 ...) and --what TEXT, with --unit NUMBER or --address TEXT")
                  : 0;
    if (!bad) bad = code_opt(c, "--channel", "channel", &b[0], &r.channel);
    if (!bad) bad = code_opt(c, "--category", "category", &b[1], &r.category);
    if (!bad) bad = time_opt(c, x, "--received", &r.received_at);
    if (!bad && opt(c, "--unit")) bad = unit_by_number(x, opt(c, "--unit"), &r.unit_id);
    if (!bad && opt(c, "--call")) bad = id_arg(opt(c, "--call"), "--call", &r.call_id);
    if (!bad && opt(c, "--occupant")) bad = id_arg(opt(c, "--occupant"), "--occupant", &r.occupant_id);
    r.address = opt(c, "--address");
    r.customer = opt(c, "--customer");
    r.contact = opt(c, "--contact");
    r.what = opt(c, "--what");
    r.skill = opt(c, "--skill");
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_repair_add(&id, x->store, &x->actor, &r);
    fd_buf_dispose(&b[0]);
    fd_buf_dispose(&b[1]);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(zh(c) ? "已登记报修 %lld\n" : "registered work order %lld\n", (long long)id);
    return show_repair(c, x, id);
}

/* repair STEP ID [--handler CODE] [--note TEXT] [--happened TIME]: one step; close --undone is close_undone. */
static int repair_step(cli *c, ctx *x)
{
    int64_t id = 0;
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    fd_buf b = FD_BUF_INIT;
    const char *kind = strcmp(c->argv[1], "close") == 0 && flag(c, "--undone") ? "close_undone"
                       : strcmp(c->argv[1], "leak-test") == 0                 ? "leak_test"
                                                                               : c->argv[1];
    int bad = sub_id(c, &id);
    if (!bad) bad = code_arg(fd_plan_code_parse, "STEP", "repair_step", kind, &b, &s.kind);
    if (!bad) bad = handler_opt(c, x, &s.handler_id);
    if (!bad) bad = time_opt(c, x, "--happened", &s.happened_at);
    s.note = opt(c, "--note");
    fd_status rc = bad ? FD_OK : fd_store_repair_step(NULL, x->store, &x->actor, id, &s);
    fd_buf_dispose(&b);
    if (bad)
        return bad;
    if (rc) {
        lib_error(rc);
        if (rc == FD_EBUSY)
            fprintf(stderr, "frontdesk: another clerk's step came first: read it again (frontdesk repair show %lld)\n",
                    (long long)id);
        return 1;
    }
    return show_repair(c, x, id);
}

/* --- follow-ups (R-PLN-1) --------------------------------------------------------------------------------- */

/* Prints the rows of @it (a follow-up iterator) as JSON, CSV or lines, and frees it. */
static int followups_out(cli *c, ctx *x, fd_status rc, fd_followup_iter *it)
{
    const fd_followup *f = NULL;
    int n = 0;
    if (flag(c, "--csv")) {
        csv_out o;
        csv_open(&o, "followups", FOLLOWUP_CSV);
        while (rc == FD_OK && (rc = fd_followup_iter_next(&f, it)) == FD_OK && f)
            csv_row(&o, x, f);
        fd_followup_iter_free(it);
        return csv_close(&o, rc);
    }
    list_open(c);
    while (rc == FD_OK && (rc = fd_followup_iter_next(&f, it)) == FD_OK && f)
        row(c, x, f, FOLLOWUP_JSON, followup_line, &n);
    fd_followup_iter_free(it);
    if (rc == FD_OK && !c->json && n == 0)
        puts(zh(c) ? "（无）" : "(none)");
    return list_close(c, rc);
}

/* due [--due 2d | --late]: the open follow-ups due within the horizon (default a day), or past due. */
static int followup_due(cli *c, ctx *x)
{
    int64_t horizon = 86400, days = 0;
    int bad = c->json && flag(c, "--csv") ? usage_error("followup due: --json and --csv: give one") : 0;
    const char *due = opt(c, "--due");
    if (!bad && due) {
        fd_buf b = FD_BUF_INIT;
        char num[32];
        snprintf(num, sizeof num, "%s", ascii_form(&b, due));
        fd_buf_dispose(&b);
        size_t len = strlen(num);
        if (len > 1 && num[len - 1] == 'd')
            num[len - 1] = '\0';
        bad = parse_int(num, &days) && days >= 0 && days <= 366 ? 0 : usage_error("--due must be days: 2d or 2");
        horizon = days * 86400;
    }
    fd_followup_iter *it = NULL;
    fd_status rc = bad ? FD_OK
                       : fd_store_followups_due(&it, x->store, &x->actor, flag(c, "--late"),
                                                flag(c, "--late") ? 0 : horizon, 0, 64);
    return bad ? bad : followups_out(c, x, rc, it);
}

/* record ID --method M --result R [--satisfaction S] [--note SAID]. */
static int followup_record(cli *c, ctx *x)
{
    int64_t id = 0;
    fd_buf b[3] = { FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT };
    const char *method = NULL, *result = NULL, *satisfaction = NULL;
    int bad = sub_id(c, &id);
    if (!bad && (opt(c, "--method") == NULL || opt(c, "--result") == NULL))
        bad = usage_error("followup record ID needs --method 电话|上门 and --result fixed|not_fixed "
                          "(--satisfaction when fixed)");
    if (!bad) bad = code_opt(c, "--method", "method", &b[0], &method);
    if (!bad) bad = code_opt(c, "--result", "result", &b[1], &result);
    if (!bad) bad = code_opt(c, "--satisfaction", "satisfaction", &b[2], &satisfaction);
    fd_status rc = bad ? FD_OK
                       : fd_store_followup_record(NULL, x->store, &x->actor, id, method, result, satisfaction,
                                                  opt(c, "--note"));
    for (size_t i = 0; i < 3; i++)
        fd_buf_dispose(&b[i]);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    fd_followup *f = NULL;
    rc = fd_store_followup_get(&f, x->store, &x->actor, id);
    int out = shown(c, x, rc, f, FOLLOWUP_JSON, followup_line);
    fd_followup_free(f);
    return out;
}

/* misses [--from TIME] [--to TIME]: the orders done in the period (default the 30 days to now) not followed up in
 * time; in text, the period's coverage against followup.repair_rate_pct first. */
static int followup_misses(cli *c, ctx *x)
{
    int64_t to = x->actor.at, from = 0;
    int bad = c->json && flag(c, "--csv") ? usage_error("followup misses: --json and --csv: give one") : 0;
    if (!bad) bad = time_opt(c, x, "--to", &to);
    from = to - 30 * 86400;
    if (!bad) bad = time_opt(c, x, "--from", &from);
    if (bad)
        return bad;
    if (!c->json && !flag(c, "--csv")) {
        fd_followup_coverage k = { .version = FD_FOLLOWUP_COVERAGE_VERSION };
        fd_status rc = fd_store_followup_coverage(&k, x->store, &x->actor, from, to);
        if (rc)
            return lib_error(rc);
        printf(zh(c) ? "完工 %lld，按时回访 %lld，逾期回访 %lld，未回访 %lld，未到期 %lld；按时率 %lld%%（标准 %lld%%）%s\n"
                     : "done %lld, followed up in time %lld, late %lld, missed %lld, pending %lld; %lld%% in time "
                       "(standard %lld%%) %s\n",
               (long long)k.done, (long long)k.in_time, (long long)k.late, (long long)k.missed, (long long)k.pending,
               (long long)k.share_pct, (long long)k.target_pct, k.met ? (zh(c) ? "达标" : "met") : (zh(c) ? "未达标" : "NOT met"));
    }
    fd_repair_iter *it = NULL;
    fd_status rc = fd_store_followup_misses(&it, x->store, &x->actor, from, to, 0, 64);
    return repairs_out(c, x, rc, it);
}

/* --- dispatch ------------------------------------------------------------------------------------------------ */

int cmd_repair(cli *c, ctx *x)
{
    if (strcmp(c->argv[1], "new") == 0)
        return repair_new(c, x);
    if (strcmp(c->argv[1], "show") == 0)
        return repair_show(c, x);
    if (strcmp(c->argv[1], "list") == 0)
        return repair_list(c, x);
    return repair_step(c, x); /* dispatch, accept, transfer, return, pause, resume, done, leak-test, close */
}

int cmd_followup(cli *c, ctx *x)
{
    if (strcmp(c->argv[1], "due") == 0)
        return followup_due(c, x);
    if (strcmp(c->argv[1], "record") == 0)
        return followup_record(c, x);
    return followup_misses(c, x);
}
