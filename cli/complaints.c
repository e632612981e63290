/*
 * frontdesk complaint: the complaints module's commands (issue 13, item 8).
 *
 *   new            register one (R-CPL-1), or --from-call ID in one call
 * (R-CALL-9) show / list    the record masked (R-COM-2), its state, each
 * target's clock (R-CPL-2), its events; the list ordered as the queue is (harm
 *                  first, R-CPL-5), or the queue itself: --due 4h, --breached,
 *                  --escalate
 *   advance ID STEP and the named steps (assess, assign, pause, resume,
 * escalate, reopen, followup, contact, answer, report, reply, harm,
 *                  harm-cleared, severity, close ...): one
 * fd_store_complaint_step each (R-CPL-3 … R-CPL-5); a refused step changes
 * nothing and prints the library's message (FD_ESTATE names the state and the
 * steps it allows) events / targets, escalate-run, unanswered (R-COM-4),
 * categories and phrases (R-COM-5, R-CPL-7), check-reply TEXT (R-CPL-7)
 *
 * Codes are taken as codes or labels (fd_complaint_code_parse: 重大 is major,
 * 电话 is phone) and shown as labels in Chinese output, codes in English and
 * JSON. Times are read by parse_time (site time or @UTC_SECONDS) and shown in
 * the site's zone.
 */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A code's label in Chinese output, the code itself in English (and for a site's own category); "-" for none. */
static const char *lbl(const cli *c, const char *field, const char *code)
{
    if (code == NULL || *code == '\0')
        return "-";
    const char *l = zh(c) ? fd_complaint_code_label(field, code) : NULL;
    return l ? l : code;
}

/* Option @name as a code of list @field (code or label) when given. */
static int code_opt(const cli *c, const char *name, const char *field, fd_buf *buf, const char **out)
{
    return code_arg(fd_complaint_code_parse, name, field, opt(c, name), buf, out);
}

/* --category as a built-in code or label, else as typed: a site's own category (the store knows those). */
static const char *category_opt(const cli *c, fd_buf *buf)
{
    const char *v = opt(c, "--category");
    return v == NULL ? NULL : fd_complaint_code_parse(buf, "category", v) == FD_OK ? buf->ptr : v;
}

/* Option @name as a positive id when given (full-width digits read). */
static int id_opt(const cli *c, const char *name, int64_t *out)
{
    return opt(c, name) ? id_arg(opt(c, name), name, out) : 0;
}

/* "complaint SUB ID": the complaint's id. */
static int complaint_id(const cli *c, int64_t *id)
{
    char what[48];
    snprintf(what, sizeof what, "complaint %s ID", c->argv[1]);
    return id_arg(c->argv[2], what, id);
}

/* The library's refusal of a step: its message; a step that came second is told to read again (FD_EBUSY). */
static int step_error(fd_status rc, int64_t id)
{
    lib_error(rc);
    if (rc == FD_EBUSY)
        fprintf(stderr,
                "frontdesk: another clerk's step came first: read it again "
                "(frontdesk complaint show %lld)\n",
                (long long)id);
    return 1;
}

/* A duration for --due: "4h", "30m", "2d", "90s" or seconds; full-width digits read. 0, else a usage error. */
static int duration_arg(const char *name, const char *text, int64_t *out)
{
    fd_buf b = FD_BUF_INIT;
    char num[32];
    snprintf(num, sizeof num, "%s", ascii_form(&b, text));
    fd_buf_dispose(&b);
    size_t n = strlen(num);
    int64_t unit = 1;
    if (n > 1 && strchr("smhd", num[n - 1])) {
        unit = num[n - 1] == 'm' ? 60 : num[n - 1] == 'h' ? 3600 : num[n - 1] == 'd' ? 86400 : 1;
        num[n - 1] = '\0';
    }
    if (parse_int(num, out) && *out >= 0 && *out <= 366 * 86400 / unit) {
        *out *= unit;
        return 0;
    }
    fprintf(stderr,
            "frontdesk: %s must be a duration up to 366 days: 4h, 30m, 2d or "
            "seconds\n",
            name);
    return 2;
}

/* "3h20m" / "-1d2h" for seconds left (negative: overdue). */
static const char *span(int64_t s)
{
    static char out[2][32];
    static unsigned next;
    char *p = out[next++ % 2];
    int64_t a = s < 0 ? -s : s;
    int64_t d = a / 86400, h = a % 86400 / 3600, m = a % 3600 / 60;
    if (d)
        snprintf(p, sizeof out[0], "%s%lldd%lldh", s < 0 ? "-" : "", (long long)d, (long long)h);
    else
        snprintf(p, sizeof out[0], "%s%lldh%02lldm", s < 0 ? "-" : "", (long long)h, (long long)m);
    return p;
}

/* --- the record ------------------------------------------------------------- */

static const jfield COMPLAINT_JSON[] = {
    JI(fd_complaint, id),           JT(fd_complaint, received_at),  JT(fd_complaint, created_at),
    JI(fd_complaint, staff_id),     JS(fd_complaint, channel),      JS(fd_complaint, category),
    JS(fd_complaint, severity),     JS(fd_complaint, state),        JS(fd_complaint, validity),
    JB(fd_complaint, waiting),      JB(fd_complaint, harm),         JS(fd_complaint, place),
    JI(fd_complaint, unit_id),      JS(fd_complaint, subject),      JI(fd_complaint, subject_department),
    JS(fd_complaint, what),         JS(fd_complaint, asks),         JS(fd_complaint, customer),
    JI(fd_complaint, occupant_id),  JS(fd_complaint, contact),      JT(fd_complaint, customer_due),
    JI(fd_complaint, call_id),      JI(fd_complaint, visit_id),     JI(fd_complaint, department_id),
    JT(fd_complaint, promised_at),  JS(fd_complaint, cause),        JS(fd_complaint, responsible),
    JS(fd_complaint, solution),     JS(fd_complaint, satisfaction), JI(fd_complaint, reopened),
    JT(fd_complaint, contacted_at), JT(fd_complaint, reported_at),  JT(fd_complaint, replied_at),
    JT(fd_complaint, accepted_at),  JT(fd_complaint, closed_at),    {NULL, 0, 0},
};

/* One line: id, received, severity, state, flags, category, customer (masked), what. */
static void complaint_line(const cli *c, ctx *x, const void *rec)
{
    const fd_complaint *k = rec;
    bool z = zh(c);
    printf("%5lld  %s  %-4s %-6s ", (long long)k->id, hm(x, k->received_at), lbl(c, "severity", k->severity),
           lbl(c, "state", k->state));
    if (k->harm)
        printf(z ? "[危害持续] " : "[HARM] ");
    if (k->waiting)
        printf(z ? "[等待客户] " : "[waiting] ");
    if (*k->validity && strcmp(k->validity, "invalid") == 0)
        printf(z ? "[无效] " : "[invalid] ");
    printf("%s  ", lbl(c, "category", k->category));
    text(k->customer);
    if (*k->contact)
        printf(" %s", k->contact);
    printf("  ");
    text(k->what);
    putchar('\n');
}

/* --- targets and their clocks (R-CPL-2) ------------------------------------ */

/* Target @t's clock at the actor's instant: as JSON, or a line " resolve due 11-23 17:55 (2h left)". */
static fd_status target_out(const cli *c, ctx *x, const fd_complaint_target *t, int *n)
{
    fd_complaint_clock k = { .version = FD_COMPLAINT_CLOCK_VERSION };
    fd_status rc = fd_store_complaint_clock(&k, x->store, &x->actor, t->id);
    if (rc)
        return rc;
    bool z = zh(c);
    if (c->json) {
        list_sep(c, n);
        printf("{\"id\":%lld,\"complaint_id\":%lld,\"target\":\"%s\",\"severity\":"
               "\"%s\",\"policy_key\":\"%s\","
               "\"amount\":%lld,\"unit\":\"%s\"",
               (long long)t->id, (long long)t->complaint_id, t->target, t->severity, t->policy_key,
               (long long)t->amount, t->unit);
        jat(x, "start_at", k.start_at);
        jat(x, "due_at", k.due_at);
        jat(x, "met_at", k.closed ? 0 : k.met_at);
        jat(x, "closed_unmet_at", k.closed ? k.met_at : 0); /* the complaint closed before the target was met */
        jat(x, "breached_at", t->breached_at);
        jat(x, "escalated_at", t->escalated_at);
        jat(x, "superseded_at", t->superseded_at);
        printf(",\"paused\":%s,\"paused_s\":%lld,\"breached\":%s,\"remaining_s\":%"
               "lld,\"harm\":%s,"
               "\"data_version\":",
               k.paused ? "true" : "false", (long long)k.paused_s, k.breached ? "true" : "false",
               (long long)k.remaining, t->harm ? "true" : "false");
        json_string(k.version_text);
        printf(",\"provisional\":%s}", k.provisional ? "true" : "false");
        return FD_OK;
    }
    printf("  %-8s %s%-10s ", lbl(c, "target", t->target), z ? "到期 " : "due ", k.due_at ? hm(x, k.due_at) : "-");
    if (t->superseded_at)
        printf(z ? "已作废（%s）" : "superseded (%s)", hm(x, t->superseded_at));
    else if (k.closed)
        printf(z ? "未完成：%s结案" : "not met: closed %s", hm(x, k.met_at));
    else if (k.met_at)
        printf(z ? "%s完成于 %s" : "%smet %s", k.breached ? (z ? "超时，" : "LATE, ") : "", hm(x, k.met_at));
    else if (k.start_at == 0)
        printf(z ? "未起算" : "not started");
    else if (k.paused && k.breached)
        printf(z ? "已暂停（等待客户），暂停时已超时 %s" : "paused (waiting for the customer), %s over when paused",
               span(-k.remaining));
    else if (k.paused)
        printf(z ? "已暂停（等待客户），剩余 %s" : "paused (waiting for the customer), %s left", span(k.remaining));
    else if (k.breached)
        printf(z ? "已超时 %s" : "BREACHED %s over", span(-k.remaining));
    else
        printf(z ? "剩余 %s" : "%s left", span(k.remaining));
    if (t->escalated_at)
        printf(z ? "，已升级 %s" : ", escalated %s", hm(x, t->escalated_at));
    printf("  [%s%s]\n", *k.version_text ? k.version_text : "-", k.provisional ? (z ? " 暂定" : " provisional") : "");
    return FD_OK;
}

/* The targets of complaint @id (superseded ones too, as history), each with its clock. */
static fd_status targets_of(const cli *c, ctx *x, int64_t id, int *n)
{
    fd_complaint_target_filter f = FD_COMPLAINT_TARGET_FILTER_INIT;
    f.match = FD_COMPLAINT_TARGET_MATCH_COMPLAINT_ID;
    f.complaint_id = id;
    fd_complaint_target_iter *it = NULL;
    const fd_complaint_target *t = NULL;
    fd_status rc = fd_store_complaint_target_query(&it, x->store, &x->actor, &f);
    while (rc == FD_OK && (rc = fd_complaint_target_iter_next(&t, it)) == FD_OK && t)
        rc = target_out(c, x, t, n);
    fd_complaint_target_iter_free(it);
    return rc;
}

/* --- events --------------------------------------------------------------- */

static const jfield EVENT_JSON[] = {
    JI(fd_complaint_event, id),          JT(fd_complaint_event, created_at),
    JT(fd_complaint_event, happened_at), JI(fd_complaint_event, staff_id),
    JS(fd_complaint_event, kind),        JS(fd_complaint_event, from_state),
    JS(fd_complaint_event, to_state),    JS(fd_complaint_event, detail),
    JS(fd_complaint_event, note),        {NULL, 0, 0},
};

static void event_line(const cli *c, ctx *x, const void *rec)
{
    const fd_complaint_event *e = rec;
    printf("  %5lld  %s  %-6s %s→%s", (long long)e->id, hm(x, e->happened_at ? e->happened_at : e->created_at),
           lbl(c, "step", e->kind), lbl(c, "state", e->from_state), lbl(c, "state", e->to_state));
    if (e->staff_id == 0) {
        printf(zh(c) ? "  系统" : "  system");
    } else { /* who took the step (R-COM-1) */
        fd_staff *st = NULL;
        if (fd_store_staff_get(&st, x->store, &x->actor, e->staff_id) == FD_OK)
            printf("  %s ", st->code), plain(st->name);
        fd_staff_free(st);
    }
    if (*e->detail)
        printf("  (%s)", e->detail);
    if (*e->note)
        printf("  "), plain(e->note);
    putchar('\n');
}

static fd_status events_of(const cli *c, ctx *x, int64_t id, int *n)
{
    fd_complaint_event_filter f = FD_COMPLAINT_EVENT_FILTER_INIT;
    f.match = FD_COMPLAINT_EVENT_MATCH_COMPLAINT_ID;
    f.complaint_id = id;
    fd_complaint_event_iter *it = NULL;
    const fd_complaint_event *e = NULL;
    fd_status rc = fd_store_complaint_event_query(&it, x->store, &x->actor, &f);
    while (rc == FD_OK && (rc = fd_complaint_event_iter_next(&e, it)) == FD_OK && e)
        row(c, x, e, EVENT_JSON, event_line, n);
    fd_complaint_event_iter_free(it);
    return rc;
}

/* show: the record (masked), its targets with their clocks, its events. */
static int show_complaint(const cli *c, ctx *x, int64_t id)
{
    fd_complaint *k = NULL;
    fd_status rc = fd_store_complaint_get(&k, x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    bool z = zh(c);
    int n = 0;
    if (c->json) {
        printf("{\"complaint\":");
        json_fields(x, k, COMPLAINT_JSON);
        printf("},\"targets\":[");
    } else {
        complaint_line(c, x, k);
        printf(z ? "  渠道 %s" : "  channel %s", lbl(c, "channel", k->channel));
        if (*k->place)
            printf(z ? "  地点 " : "  place "), plain(k->place);
        if (*k->subject)
            printf(z ? "  被投诉 " : "  about "), plain(k->subject);
        if (*k->asks)
            printf(z ? "  诉求 " : "  asks "), plain(k->asks);
        if (k->call_id)
            printf(z ? "  来电 %lld" : "  call %lld", (long long)k->call_id);
        if (k->customer_due)
            printf(z ? "  客户要求期限 %s" : "  customer's deadline %s", hm(x, k->customer_due));
        putchar('\n');
        if (k->department_id) {
            fd_department *d = NULL;
            printf(z ? "  责任部门 " : "  department ");
            if (fd_store_department_get(&d, x->store, &x->actor, k->department_id) == FD_OK)
                plain(d->name);
            else
                printf("%lld", (long long)k->department_id);
            fd_department_free(d);
        }
        if (k->promised_at)
            printf(z ? "  承诺 %s" : "  promised %s", hm(x, k->promised_at));
        if (*k->cause)
            printf(z ? "  原因 " : "  cause "), plain(k->cause);
        if (*k->responsible)
            printf(z ? "  责任人 " : "  responsible "), plain(k->responsible);
        if (*k->solution)
            printf(z ? "  方案 " : "  solution "), plain(k->solution);
        if (k->accepted_at)
            printf(z ? "  验收 %s" : "  accepted %s", hm(x, k->accepted_at));
        if (*k->satisfaction)
            printf(z ? "  回访 %s" : "  follow-up %s", lbl(c, "satisfaction", k->satisfaction));
        if (k->department_id || k->promised_at || *k->cause || *k->solution || k->accepted_at || *k->satisfaction)
            putchar('\n');
        puts(z ? " 时限：" : " targets:");
    }
    rc = targets_of(c, x, id, &n);
    if (rc == FD_OK) {
        n = 0;
        if (c->json)
            printf("],\"events\":[");
        else
            puts(z ? " 处理记录：" : " events:");
        rc = events_of(c, x, id, &n);
    }
    if (rc == FD_OK && c->json)
        puts("]}");
    fd_complaint_free(k);
    return rc ? lib_error(rc) : 0;
}

/* --- new --------------------------------------------------------------------- */

static int complaint_new(cli *c, ctx *x)
{
    fd_complaint k = FD_COMPLAINT_INIT;
    fd_buf b[3] = { FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT };
    int64_t call_id = 0;
    int bad = code_opt(c, "--channel", "channel", &b[0], &k.channel);
    k.category = category_opt(c, &b[1]);
    if (!bad)
        bad = code_opt(c, "--severity", "severity", &b[2], &k.severity);
    if (!bad)
        bad = id_opt(c, "--from-call", &call_id);
    if (!bad && call_id == 0 && (opt(c, "--received") == NULL || opt(c, "--channel") == NULL))
        bad = usage_error("complaint new needs --received TIME (when the customer "
                          "made it) and --channel (电话, 来访 "
                          "...), or --from-call ID");
    if (!bad)
        bad = time_opt(c, x, "--received", &k.received_at);
    if (!bad)
        bad = time_opt(c, x, "--customer-due", &k.customer_due);
    if (!bad)
        bad = id_opt(c, "--occupant", &k.occupant_id);
    if (!bad)
        bad = id_opt(c, "--subject-dept", &k.subject_department);
    if (!bad && opt(c, "--unit"))
        bad = unit_by_number(x, opt(c, "--unit"), &k.unit_id);
    if (k.category == NULL)
        k.category = "other";
    k.what = opt(c, "--what");
    k.asks = opt(c, "--asks");
    k.customer = opt(c, "--customer");
    k.contact = opt(c, "--contact");
    k.subject = opt(c, "--subject");
    k.place = opt(c, "--place");
    k.harm = flag(c, "--harm");
    int64_t id = 0;
    fd_status rc = FD_OK;
    if (!bad)
        rc = call_id ? fd_store_complaint_from_call(&id, x->store, &x->actor, call_id, &k)
                     : fd_store_complaint_add(&id, x->store, &x->actor, &k);
    for (size_t i = 0; i < 3; i++)
        fd_buf_dispose(&b[i]);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(zh(c) ? "已登记投诉 %lld\n" : "registered complaint %lld\n", (long long)id);
    return show_complaint(c, x, id);
}

/* --- the steps (R-CPL-3 … R-CPL-5) ---------------------------------------------- */

/* The step @kind (a `step` code) on complaint @id with what the options carry. */
static int run_step(cli *c, ctx *x, int64_t id, const char *kind)
{
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    fd_buf b[4] = { FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT };
    int bad = 0;
    s.note = opt(c, "--note");
    s.cause = opt(c, "--cause");
    s.responsible = opt(c, "--responsible");
    s.solution = opt(c, "--solution");
    s.accepted = flag(c, "--accepted");
    if (strcmp(kind, "assess") == 0) {
        if (flag(c, "--valid") == flag(c, "--invalid"))
            bad = usage_error("complaint assess ID needs --valid or --invalid (then "
                              "--note, the explanation given)");
        s.valid = flag(c, "--valid");
    }
    if (!bad)
        bad = code_opt(c, "--satisfaction", "satisfaction", &b[0], &s.satisfaction);
    if (!bad)
        bad = code_opt(c, "--severity", "severity", &b[1], &s.severity);
    if (!bad)
        bad = code_opt(c, "--target", "target", &b[2], &s.target);
    if (!bad && strcmp(kind, "severity") == 0 && s.severity == NULL && c->argc > 3)
        bad = code_arg(fd_complaint_code_parse, "SEVERITY", "severity", c->argv[3], &b[3], &s.severity);
    if (!bad)
        bad = id_opt(c, "--dept", &s.department_id);
    if (!bad)
        bad = id_opt(c, "--proposal", &s.proposal_id);
    if (!bad)
        bad = time_opt(c, x, "--promised", &s.promised_at);
    if (!bad)
        bad = time_opt(c, x, "--happened", &s.happened_at);
    if (!bad && strcmp(kind, "choose") == 0)
        manage(x); /* a supervisor picks the solution (R-CPL-3) */
    s.kind = kind;
    int64_t event = 0;
    fd_status rc = bad ? FD_OK : fd_store_complaint_step(&event, x->store, &x->actor, id, &s);
    for (size_t i = 0; i < 4; i++)
        fd_buf_dispose(&b[i]);
    if (bad)
        return bad;
    if (rc)
        return step_error(rc, id);
    fd_complaint *k = NULL;
    if ((rc = fd_store_complaint_get(&k, x->store, &x->actor, id)) != FD_OK)
        return lib_error(rc);
    if (c->json)
        printf("{\"complaint_id\":%lld,\"event_id\":%lld,\"step\":\"%s\",\"state\":"
               "\"%s\",\"waiting\":%s,"
               "\"harm\":%s}\n",
               (long long)id, (long long)event, kind, k->state, k->waiting ? "true" : "false",
               k->harm ? "true" : "false");
    else
        printf(zh(c) ? "投诉 %lld：%s，现为%s%s（记录 %lld）\n" : "complaint %lld: %s, now %s%s (event %lld)\n",
               (long long)id, lbl(c, "step", kind), lbl(c, "state", k->state),
               k->waiting ? (zh(c) ? "，等待客户" : ", waiting for the customer") : "", (long long)event);
    fd_complaint_free(k);
    return 0;
}

/* advance ID STEP: the step by its code or label ("调查", "harm-cleared"). */
static int complaint_advance(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = complaint_id(c, &id);
    if (bad)
        return bad;
    char word[64];
    snprintf(word, sizeof word, "%s", c->argv[3]);
    for (char *p = word; *p; p++)
        if (*p == '-')
            *p = '_';
    fd_buf b = FD_BUF_INIT;
    const char *kind = NULL;
    bad = code_arg(fd_complaint_code_parse, "STEP", "step", word, &b, &kind);
    if (!bad)
        bad = run_step(c, x, id, kind);
    fd_buf_dispose(&b);
    return bad;
}

/* The named steps: "complaint pause ID --note ...", "complaint harm-cleared ID --note ...". */
static int complaint_named_step(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = complaint_id(c, &id);
    if (bad)
        return bad;
    char kind[32];
    snprintf(kind, sizeof kind, "%s", strcmp(c->argv[1], "harm-cleared") == 0 ? "harm_cleared" : c->argv[1]);
    return run_step(c, x, id, kind);
}

/* --- lists ------------------------------------------------------------------------ */

/* Whether complaint @k passes list's filters (--state, --severity, --category, --dept). */
static bool passes(const fd_complaint_filter *f, const fd_complaint *k)
{
    return (f->state == NULL || strcmp(f->state, k->state) == 0) &&
           (f->severity == NULL || strcmp(f->severity, k->severity) == 0) &&
           (f->category == NULL || strcmp(f->category, k->category) == 0) &&
           (!(f->match & FD_COMPLAINT_MATCH_DEPARTMENT_ID) || f->department_id == k->department_id);
}

/* The queue of @kind, page by page (harm first, then by due: R-CPL-5): each target with its complaint. */
static fd_status queue_each(const cli *c, ctx *x, int kind, int64_t horizon, const fd_complaint_filter *f, int *n)
{
    fd_status rc = FD_OK;
    bool z = zh(c);
    for (int64_t after = 0, more = 1; more && rc == FD_OK;) {
        fd_complaint_target_iter *it = NULL;
        const fd_complaint_target *t = NULL;
        more = 0;
        rc = fd_store_complaint_queue(&it, x->store, &x->actor, kind, horizon, after, 64);
        while (rc == FD_OK && (rc = fd_complaint_target_iter_next(&t, it)) == FD_OK && t) {
            more = 1;
            after = t->id;
            fd_complaint *k = NULL;
            if ((rc = fd_store_complaint_get(&k, x->store, &x->actor, t->complaint_id)) != FD_OK)
                break;
            if (passes(f, k)) {
                if (c->json) {
                    list_sep(c, n);
                    printf("{\"complaint\":");
                    json_fields(x, k, COMPLAINT_JSON);
                    printf("},\"target\":");
                    int one = 0;
                    rc = target_out(c, x, t, &one);
                    putchar('}');
                } else {
                    (*n)++;
                    complaint_line(c, x, k);
                    rc = target_out(c, x, t, NULL);
                }
            }
            fd_complaint_free(k);
        }
        fd_complaint_target_iter_free(it);
    }
    if (rc == FD_OK && !c->json && *n == 0)
        puts(z ? "（无）" : "(none)");
    return rc;
}

/* The complaints themselves, page by page, those still causing harm first (R-CPL-5), then by id. */
static fd_status complaints_each(const cli *c, ctx *x, fd_complaint_filter *f, int *n)
{
    fd_status rc = FD_OK;
    f->match |= FD_COMPLAINT_MATCH_HARM;
    for (int harm = 1; harm >= 0 && rc == FD_OK; harm--) {
        f->harm = harm;
        for (int64_t after = 0, more = 1; more && rc == FD_OK;) {
            fd_complaint_iter *it = NULL;
            const fd_complaint *k = NULL;
            more = 0;
            f->after = after;
            f->limit = 64;
            rc = fd_store_complaint_query(&it, x->store, &x->actor, f);
            while (rc == FD_OK && (rc = fd_complaint_iter_next(&k, it)) == FD_OK && k) {
                more = 1;
                after = k->id;
                if (f->state != NULL || strcmp(k->state, "closed") != 0 || flag(c, "--all"))
                    row(c, x, k, COMPLAINT_JSON, complaint_line, n);
            }
            fd_complaint_iter_free(it);
        }
    }
    return rc;
}

static int complaint_list(cli *c, ctx *x)
{
    fd_complaint_filter f = FD_COMPLAINT_FILTER_INIT;
    fd_buf b[3] = { FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT };
    int64_t horizon = 0;
    int kind = opt(c, "--due")         ? FD_COMPLAINT_DUE
               : flag(c, "--breached") ? FD_COMPLAINT_BREACHED
               : flag(c, "--escalate") ? FD_COMPLAINT_ESCALATE
                                       : 0;
    int bad = (opt(c, "--due") != NULL) + flag(c, "--breached") + flag(c, "--escalate") > 1
                  ? usage_error("complaint list takes one of --due DURATION, "
                                "--breached, --escalate")
                  : 0;
    if (!bad)
        bad = code_opt(c, "--state", "state", &b[0], &f.state);
    if (!bad)
        bad = code_opt(c, "--severity", "severity", &b[1], &f.severity);
    f.category = category_opt(c, &b[2]);
    if (!bad)
        bad = id_opt(c, "--dept", &f.department_id);
    if (!bad && opt(c, "--due"))
        bad = duration_arg("--due", opt(c, "--due"), &horizon);
    if (!bad && c->date) {
        bad = day_range(c, x, &f.received_at_from, &f.received_at_to);
        f.match |= FD_COMPLAINT_MATCH_RECEIVED_AT_FROM | FD_COMPLAINT_MATCH_RECEIVED_AT_TO;
    }
    f.match |= (f.state ? FD_COMPLAINT_MATCH_STATE : 0) | (f.severity ? FD_COMPLAINT_MATCH_SEVERITY : 0) |
               (f.category ? FD_COMPLAINT_MATCH_CATEGORY : 0) |
               (f.department_id ? FD_COMPLAINT_MATCH_DEPARTMENT_ID : 0);
    int n = 0;
    fd_status rc = FD_OK;
    if (!bad) {
        list_open(c);
        rc = kind ? queue_each(c, x, kind, horizon, &f, &n) : complaints_each(c, x, &f, &n);
    }
    for (size_t i = 0; i < 3; i++)
        fd_buf_dispose(&b[i]);
    return bad ? bad : list_close(c, rc);
}

static int complaint_show(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = complaint_id(c, &id);
    return bad ? bad : show_complaint(c, x, id);
}

/* events ID, targets ID: one complaint's events, or its targets with their clocks. */
static int complaint_rows(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = complaint_id(c, &id);
    if (bad)
        return bad;
    int n = 0;
    list_open(c);
    return list_close(c, strcmp(c->argv[1], "events") == 0 ? events_of(c, x, id, &n) : targets_of(c, x, id, &n));
}

/* unanswered [--date D]: the day's complaints without a contact, an answer or a reply (R-COM-4), default today. */
static int complaint_unanswered(cli *c, ctx *x)
{
    fd_date d;
    int bad = c->date ? parse_date("--date", c->date, &d) : 0;
    fd_status rc = bad ? FD_OK : c->date ? FD_OK : fd_store_site_date(&d, x->store, x->site->id, x->actor.at);
    int n = 0;
    if (!bad && rc == FD_OK)
        list_open(c);
    for (int64_t after = 0, more = 1; !bad && more && rc == FD_OK;) {
        fd_complaint_iter *it = NULL;
        const fd_complaint *k = NULL;
        more = 0;
        rc = fd_store_complaint_unanswered(&it, x->store, &x->actor, d, after, 64);
        while (rc == FD_OK && (rc = fd_complaint_iter_next(&k, it)) == FD_OK && k) {
            more = 1;
            after = k->id;
            row(c, x, k, COMPLAINT_JSON, complaint_line, &n);
        }
        fd_complaint_iter_free(it);
    }
    if (bad)
        return bad;
    if (rc == FD_OK && !c->json && n == 0)
        puts(zh(c) ? "（无未答复的投诉）" : "(no complaint left without an answer)");
    return list_close(c, rc);
}

static int complaint_escalate_run(cli *c, ctx *x)
{
    fd_complaint_escalation e = {FD_COMPLAINT_ESCALATION_VERSION, 0, 0, 0, 0};
    fd_status rc = fd_store_complaint_escalate_run(&e, x->store, &x->actor);
    if (rc)
        return lib_error(rc);
    if (c->json) {
        printf("{\"breached\":%lld,\"escalated\":%lld,\"deferred\":%lld", (long long)e.breached, (long long)e.escalated,
               (long long)e.deferred);
        jat(x, "next_at", e.next_at);
        puts("}");
    } else {
        printf(zh(c) ? "新超时 %lld，已升级 %lld，推迟 %lld" : "%lld newly breached, %lld escalated, %lld deferred",
               (long long)e.breached, (long long)e.escalated, (long long)e.deferred);
        if (e.next_at)
            printf(zh(c) ? "（%s 营业时再升级）" : " (to fire at %s, when the desk opens)", hm(x, e.next_at));
        putchar('\n');
    }
    return 0;
}

/* check-reply TEXT: the forbidden phrases found (R-CPL-7), each with its byte span; exit 1 when any. */
static int complaint_check_reply(cli *c, ctx *x)
{
    fd_reply_hits *h = NULL;
    fd_status rc = fd_store_reply_check(&h, x->store, &x->actor, c->argv[2]);
    if (rc)
        return lib_error(rc);
    size_t count = fd_reply_hits_count(h);
    list_open(c);
    int n = 0;
    for (size_t i = 0; i < count && rc == FD_OK; i++) {
        const char *phrase = NULL;
        size_t start = 0, end = 0;
        if ((rc = fd_reply_hits_get(&phrase, &start, &end, h, i)) != FD_OK)
            break;
        list_sep(c, &n);
        if (c->json) {
            printf("{\"phrase\":");
            json_string(phrase);
            printf(",\"start\":%zu,\"end\":%zu}", start, end);
        } else {
            printf(zh(c) ? "禁语 " : "forbidden phrase "), plain(phrase), printf(" [%zu, %zu)\n", start, end);
        }
    }
    fd_reply_hits_free(h);
    if (rc == FD_OK && !c->json && count == 0)
        puts(zh(c) ? "未发现禁语" : "no forbidden phrase");
    int status = list_close(c, rc);
    return status ? status : count ? 1 : 0;
}

/* --- the site's categories and forbidden phrases (R-COM-5, R-CPL-7) ----------------- */

static const jfield CATEGORY_JSON[] = {
    JI(fd_complaint_category, id),
    JS(fd_complaint_category, code),
    JS(fd_complaint_category, label),
    JI(fd_complaint_category, department_id),
    JT(fd_complaint_category, created_at),
    JT(fd_complaint_category, retired_at),
    {NULL, 0, 0},
};

static void category_line(const cli *c, ctx *x, const void *rec)
{
    const fd_complaint_category *k = rec;
    printf("%5lld  %-12s ", (long long)k->id, k->code);
    plain(k->label);
    if (k->department_id)
        printf(zh(c) ? "  默认部门 %lld" : "  department %lld", (long long)k->department_id);
    if (k->retired_at)
        printf(zh(c) ? "  已停用 %s" : "  retired %s", hm(x, k->retired_at));
    putchar('\n');
}

static const jfield PHRASE_JSON[] = {
    JI(fd_reply_phrase, id),
    JS(fd_reply_phrase, phrase),
    JT(fd_reply_phrase, created_at),
    JT(fd_reply_phrase, retired_at),
    {NULL, 0, 0},
};

static void phrase_line(const cli *c, ctx *x, const void *rec)
{
    const fd_reply_phrase *p = rec;
    printf("%5lld  ", (long long)p->id);
    plain(p->phrase);
    if (p->retired_at)
        printf(zh(c) ? "  已停用 %s" : "  retired %s", hm(x, p->retired_at));
    putchar('\n');
}

/* categories|phrases list: those in use, with --all the retired ones too. */
static int list_site(const cli *c, ctx *x, bool cats)
{
    fd_complaint_category_filter cf = FD_COMPLAINT_CATEGORY_FILTER_INIT;
    fd_reply_phrase_filter pf = FD_REPLY_PHRASE_FILTER_INIT;
    if (!flag(c, "--all")) { /* retired_at in [0, 1): in use */
        cf.match = FD_COMPLAINT_CATEGORY_MATCH_RETIRED_AT_FROM | FD_COMPLAINT_CATEGORY_MATCH_RETIRED_AT_TO;
        pf.match = FD_REPLY_PHRASE_MATCH_RETIRED_AT_FROM | FD_REPLY_PHRASE_MATCH_RETIRED_AT_TO;
        cf.retired_at_to = pf.retired_at_to = 1;
    }
    fd_complaint_category_iter *ci = NULL;
    fd_reply_phrase_iter *pi = NULL;
    fd_status rc = cats ? fd_store_complaint_category_query(&ci, x->store, &x->actor, &cf)
                        : fd_store_reply_phrase_query(&pi, x->store, &x->actor, &pf);
    int n = 0;
    list_open(c);
    while (rc == FD_OK) {
        const fd_complaint_category *k = NULL;
        const fd_reply_phrase *p = NULL;
        rc = cats ? fd_complaint_category_iter_next(&k, ci) : fd_reply_phrase_iter_next(&p, pi);
        if (rc || (k == NULL && p == NULL))
            break;
        row(c, x, cats ? (const void *)k : (const void *)p, cats ? CATEGORY_JSON : PHRASE_JSON,
            cats ? category_line : phrase_line, &n);
    }
    fd_complaint_category_iter_free(ci);
    fd_reply_phrase_iter_free(pi);
    return list_close(c, rc);
}

/* "complaint categories|phrases add|retire|list ...": a manager's list of the site. */
static int complaint_site_list(cli *c, ctx *x)
{
    bool cats = strcmp(c->argv[1], "categories") == 0;
    const char *act = c->argv[2];
    if (strcmp(act, "list") == 0)
        return c->argc == 3 ? list_site(c, x, cats)
                            : usage_error("complaint categories|phrases list takes "
                                          "no more arguments");
    manage(x);
    int64_t id = 0;
    fd_status rc = FD_OK;
    if (strcmp(act, "retire") == 0 && c->argc == 4) {
        int bad = id_arg(c->argv[3], cats ? "complaint categories retire ID" : "complaint phrases retire ID", &id);
        if (bad)
            return bad;
        rc = cats ? fd_store_complaint_category_retire(x->store, &x->actor, id)
                  : fd_store_reply_phrase_retire(x->store, &x->actor, id);
    } else if (strcmp(act, "add") == 0 && c->argc == (cats ? 5 : 4)) {
        if (cats) {
            fd_complaint_category k = FD_COMPLAINT_CATEGORY_INIT;
            k.code = c->argv[3];
            k.label = c->argv[4];
            int bad = id_opt(c, "--dept", &k.department_id);
            if (bad)
                return bad;
            rc = fd_store_complaint_category_add(&id, x->store, &x->actor, &k);
        } else {
            rc = fd_store_reply_phrase_add(&id, x->store, &x->actor, c->argv[3]);
        }
    } else {
        return usage_error(cats ? "complaint categories add CODE LABEL [--dept ID] | retire ID | "
                                  "list [--all]"
                                : "complaint phrases add PHRASE | retire ID | list [--all]");
    }
    if (rc)
        return lib_error(rc);
    const char *what = cats ? "category" : "phrase";
    if (c->json)
        printf("{\"%s_id\":%lld,\"action\":\"%s\"}\n", what, (long long)id, act);
    else if (zh(c))
        printf("%s %lld %s\n", cats ? "投诉类别" : "禁语", (long long)id,
               strcmp(act, "add") == 0 ? "已添加" : "已停用");
    else
        printf("%s %lld %s\n", what, (long long)id, strcmp(act, "add") == 0 ? "added" : "retired");
    return 0;
}

/* --- dispatch ------------------------------------------------------------------------ */

static const struct {
    const char *sub;
    int (*run)(cli *, ctx *);
} COMMANDS[] = {
    {"new", complaint_new},
    {"show", complaint_show},
    {"list", complaint_list},
    {"advance", complaint_advance},
    {"events", complaint_rows},
    {"targets", complaint_rows},
    {"unanswered", complaint_unanswered},
    {"escalate-run", complaint_escalate_run},
    {"check-reply", complaint_check_reply},
    {"categories", complaint_site_list},
    {"phrases", complaint_site_list},
};

/* The complaints module's commands; their shapes were checked by frontdesk.c (SHAPES). Any other
 * subcommand there is a named step (assess, assign, pause, resume, escalate, reopen, followup ...). */
int cmd_complaint(cli *c, ctx *x)
{
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        if (strcmp(COMMANDS[i].sub, c->argv[1]) == 0)
            return COMMANDS[i].run(c, x);
    return complaint_named_step(c, x);
}
