/*
 * frontdesk callback / assign / specialist: the callbacks part of the plans
 * module (issue 15, items 3, 4 and 7; R-PLN-2, R-PLN-3, R-CALL-8, R-CALL-9).
 *
 *   callback record (--task ID | --source member|complaint|repair ... --customer NAME --number N)
 *                     [--agreed TIME]   a callback owed; due out of quiet hours (12:30 → 14:00)
 *   callback due [--due 4h|2d | --late], now      the due list; "call now" (nobody in rest time)
 *   callback attempt ID --result no_answer|busy|done [--satisfaction S] [--note SAID] [--happened TIME]
 *                     an attempt (never in quiet hours); done prints the follow-up script
 *   callback close ID --reason WHY, misses [--from T --to T]   closed unreached; member coverage
 *   specialist add STAFF_CODE --level N | leave ID [--apply] | list
 *   assign add (--occupant ID | --org ID) [--specialist ID] | list [--specialist ID] | rebalance [--apply]
 *   assign contact ID | misses                    the first contact and its misses
 *
 * Codes are taken as codes or labels (fd_plan_code_parse: 無人接聽 is no_answer)
 * and shown as labels in Chinese output, codes in English, JSON and CSV. Lists
 * print --json or --csv (UTF-8 with a BOM, through fd_report_render).
 */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *label(const cli *c, const char *field, const char *code)
{
    if (code == NULL || *code == '\0')
        return "-";
    const char *l = zh(c) ? fd_plan_code_label(field, code) : NULL;
    return l ? l : code;
}

/* "callback SUB ID": the id. */
static int the_id(const cli *c, int64_t *id)
{
    char what[48];
    snprintf(what, sizeof what, "%s %s ID", c->argv[0], c->argv[1]);
    return id_arg(c->argv[2], what, id);
}

/* An optional id option (--task, --occupant ...): 0 when absent. */
static int id_opt(const cli *c, const char *name, int64_t *out)
{
    const char *v = opt(c, name);
    return v ? id_arg(v, name, out) : 0;
}

static int one_format(const cli *c, const char *what)
{
    if (!(c->json && flag(c, "--csv")))
        return 0;
    char msg[96];
    snprintf(msg, sizeof msg, "%s: --json and --csv: give one", what);
    return usage_error(msg);
}

/* --- records ------------------------------------------------------------------------------------------------- */

static const jfield CALLBACK_JSON[] = {
    JI(fd_callback, id),           JT(fd_callback, created_at),  JI(fd_callback, staff_id),
    JS(fd_callback, source),       JI(fd_callback, call_task_id), JI(fd_callback, complaint_id),
    JI(fd_callback, repair_id),    JI(fd_callback, occupant_id), JI(fd_callback, organisation_id),
    JS(fd_callback, customer),     JS(fd_callback, number),      JB(fd_callback, member),
    JT(fd_callback, agreed_at),    JT(fd_callback, due_at),      JB(fd_callback, provisional),
    JS(fd_callback, state),        JI(fd_callback, attempts),    JT(fd_callback, done_at),
    JS(fd_callback, satisfaction), JS(fd_callback, close_reason), { NULL, 0, 0 },
};
static const csv_col CALLBACK_CSV[] = {
    { "id", 'i', offsetof(fd_callback, id) },           { "source", 's', offsetof(fd_callback, source) },
    { "customer", 's', offsetof(fd_callback, customer) }, { "number", 's', offsetof(fd_callback, number) },
    { "due_at", 't', offsetof(fd_callback, due_at) },   { "state", 's', offsetof(fd_callback, state) },
    { "attempts", 'i', offsetof(fd_callback, attempts) }, { "satisfaction", 's', offsetof(fd_callback, satisfaction) },
    { NULL, 0, 0 },
};

static void callback_line(const cli *c, ctx *x, const void *rec)
{
    const fd_callback *b = rec;
    bool z = zh(c);
    printf("%5lld  %s %s%s  %-4s %-4s ", (long long)b->id, z ? "应回访" : "due", hm(x, b->due_at),
           b->provisional ? (z ? "（推算）" : " (provisional)") : "", label(c, "callback_state", b->state),
           label(c, "source", b->source));
    text(b->customer);
    printf("  ");
    text(b->number);
    if (b->member)
        printf(z ? "  会员" : "  member");
    if (b->attempts)
        printf(z ? "  已拨 %lld 次" : "  %lld attempt(s)", (long long)b->attempts);
    if (b->satisfaction && *b->satisfaction)
        printf("  %s", label(c, "satisfaction", b->satisfaction));
    putchar('\n');
}

static const jfield ASSIGNMENT_JSON[] = {
    JI(fd_customer_assignment, id),           JT(fd_customer_assignment, created_at),
    JI(fd_customer_assignment, staff_id),     JI(fd_customer_assignment, specialist_id),
    JI(fd_customer_assignment, occupant_id),  JI(fd_customer_assignment, organisation_id),
    JT(fd_customer_assignment, contact_due_at), JT(fd_customer_assignment, contacted_at),
    JT(fd_customer_assignment, ended_at),     { NULL, 0, 0 },
};
static const csv_col ASSIGNMENT_CSV[] = {
    { "id", 'i', offsetof(fd_customer_assignment, id) },
    { "specialist_id", 'i', offsetof(fd_customer_assignment, specialist_id) },
    { "occupant_id", 'i', offsetof(fd_customer_assignment, occupant_id) },
    { "organisation_id", 'i', offsetof(fd_customer_assignment, organisation_id) },
    { "contact_due_at", 't', offsetof(fd_customer_assignment, contact_due_at) },
    { "contacted_at", 't', offsetof(fd_customer_assignment, contacted_at) },
    { "ended_at", 't', offsetof(fd_customer_assignment, ended_at) },
    { NULL, 0, 0 },
};

static void assignment_line(const cli *c, ctx *x, const void *rec)
{
    const fd_customer_assignment *a = rec;
    bool z = zh(c);
    printf("%5lld  %s %-4lld ", (long long)a->id, z ? "专员" : "specialist", (long long)a->specialist_id);
    if (a->occupant_id)
        printf(z ? "住户 %lld" : "occupant %lld", (long long)a->occupant_id);
    else
        printf(z ? "企业 %lld" : "organisation %lld", (long long)a->organisation_id);
    if (a->ended_at)
        printf(z ? "  已结束 %s" : "  ended %s", hm(x, a->ended_at));
    else if (a->contacted_at)
        printf(z ? "  已联系 %s" : "  contacted %s", hm(x, a->contacted_at));
    else
        printf(z ? "  应联系 %s" : "  contact due %s", hm(x, a->contact_due_at));
    putchar('\n');
}

static const jfield SPECIALIST_JSON[] = {
    JI(fd_specialist, id),        JT(fd_specialist, created_at), JI(fd_specialist, staff_id),
    JI(fd_specialist, member_id), JI(fd_specialist, level),      JT(fd_specialist, left_at),
    { NULL, 0, 0 },
};
static const csv_col SPECIALIST_CSV[] = {
    { "id", 'i', offsetof(fd_specialist, id) },       { "member_id", 'i', offsetof(fd_specialist, member_id) },
    { "level", 'i', offsetof(fd_specialist, level) }, { "left_at", 't', offsetof(fd_specialist, left_at) },
    { NULL, 0, 0 },
};

static void specialist_line(const cli *c, ctx *x, const void *rec)
{
    const fd_specialist *s = rec;
    bool z = zh(c);
    printf(z ? "%5lld  员工 %-4lld 级别 %lld" : "%5lld  staff %-4lld level %lld", (long long)s->id,
           (long long)s->member_id, (long long)s->level);
    if (s->left_at)
        printf(z ? "  已离岗 %s" : "  left %s", hm(x, s->left_at));
    putchar('\n');
}

/*
 * One iterator's rows as JSON, CSV or lines; the iterator freed. The record
 * types differ only in their iterator, so each list passes a step that reads
 * the next row (NULL at the end) and frees the iterator when asked to.
 */
typedef fd_status next_fn(const void **row, void *it);
typedef struct list_kind {
    const char *key;
    const jfield *json;
    const csv_col *csv;
    line_fn *line;
    next_fn *next;
    void (*free_it)(void *it);
} list_kind;

static int list_out(cli *c, ctx *x, fd_status rc, void *it, const list_kind *k)
{
    const void *r = NULL;
    int n = 0;
    if (flag(c, "--csv")) {
        csv_out o;
        csv_open(&o, k->key, k->csv);
        while (rc == FD_OK && (rc = k->next(&r, it)) == FD_OK && r)
            csv_row(&o, x, r);
        k->free_it(it);
        return csv_close(&o, rc);
    }
    list_open(c);
    while (rc == FD_OK && (rc = k->next(&r, it)) == FD_OK && r)
        row(c, x, r, k->json, k->line, &n);
    k->free_it(it);
    if (rc == FD_OK && !c->json && n == 0)
        puts(zh(c) ? "（无）" : "(none)");
    return list_close(c, rc);
}

static fd_status callback_next(const void **row, void *it)
{
    const fd_callback *r = NULL;
    fd_status rc = fd_callback_iter_next(&r, it);
    *row = r;
    return rc;
}
static void callback_free(void *it) { fd_callback_iter_free(it); }
static const list_kind CALLBACKS = { "callbacks", CALLBACK_JSON, CALLBACK_CSV, callback_line, callback_next,
                                     callback_free };

static fd_status assignment_next(const void **row, void *it)
{
    const fd_customer_assignment *r = NULL;
    fd_status rc = fd_customer_assignment_iter_next(&r, it);
    *row = r;
    return rc;
}
static void assignment_free(void *it) { fd_customer_assignment_iter_free(it); }
static const list_kind ASSIGNMENTS = { "assignments", ASSIGNMENT_JSON, ASSIGNMENT_CSV, assignment_line,
                                       assignment_next, assignment_free };

static fd_status specialist_next(const void **row, void *it)
{
    const fd_specialist *r = NULL;
    fd_status rc = fd_specialist_iter_next(&r, it);
    *row = r;
    return rc;
}
static void specialist_free(void *it) { fd_specialist_iter_free(it); }
static const list_kind SPECIALISTS = { "specialists", SPECIALIST_JSON, SPECIALIST_CSV, specialist_line,
                                       specialist_next, specialist_free };

/* Callback @id read back after a change, as JSON or a line. */
static int callback_shown(const cli *c, ctx *x, int64_t id)
{
    fd_callback *b = NULL;
    fd_status rc = fd_store_callback_get(&b, x->store, &x->actor, id);
    int out = shown(c, x, rc, b, CALLBACK_JSON, callback_line);
    fd_callback_free(b);
    return out;
}

/* --- callbacks (R-PLN-2) --------------------------------------------------------------------------------------- */

/* record (--task ID [--agreed TIME]) | (--source S --customer NAME --number N [--member] [--complaint ID] ...). */
static int callback_record(cli *c, ctx *x)
{
    fd_callback b = FD_CALLBACK_INIT;
    fd_buf src = FD_BUF_INIT;
    int64_t task = 0;
    int bad = id_opt(c, "--task", &task);
    if (!bad && task == 0 && opt(c, "--source") == NULL)
        bad = usage_error("callback record needs --task ID (a call's call-back or reply task) or --source "
                          "(member, complaint, repair ...) with --customer NAME and --number N");
    if (!bad) bad = time_opt(c, x, "--agreed", &b.agreed_at);
    if (!bad && task == 0) {
        bad = code_arg(fd_plan_code_parse, "--source", "source", opt(c, "--source"), &src, &b.source);
        if (!bad) bad = id_opt(c, "--complaint", &b.complaint_id);
        if (!bad) bad = id_opt(c, "--repair", &b.repair_id);
        if (!bad) bad = id_opt(c, "--occupant", &b.occupant_id);
        if (!bad) bad = id_opt(c, "--org", &b.organisation_id);
        b.customer = opt(c, "--customer");
        b.number = opt(c, "--number");
        b.member = flag(c, "--member");
    }
    int64_t id = 0;
    fd_status rc = FD_OK;
    if (!bad)
        rc = task ? fd_store_callback_from_call_task(&id, x->store, &x->actor, task, b.agreed_at)
                  : fd_store_callback_add(&id, x->store, &x->actor, &b);
    fd_buf_dispose(&src);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(zh(c) ? "已登记回访 %lld\n" : "callback %lld recorded\n", (long long)id);
    return callback_shown(c, x, id);
}

/* due [--due 4h|2d | --late]: the open callbacks due within the horizon (default the rest of a day), or past due. */
static int callback_due(cli *c, ctx *x)
{
    int64_t horizon = 86400;
    int bad = one_format(c, "callback due");
    const char *due = opt(c, "--due");
    if (!bad && due) {
        fd_buf b = FD_BUF_INIT;
        const char *v = ascii_form(&b, due);
        char *end = NULL;
        long long n = strtoll(v, &end, 10);
        int64_t unit = end && (*end == 'h' || *end == 'H') ? 3600 : 86400;
        bool ok = end != v && n >= 0 && n <= 366 * 24 && (*end == '\0' || end[1] == '\0') &&
                  (*end == '\0' || strchr("hHdD", *end));
        fd_buf_dispose(&b);
        horizon = (int64_t)n * unit;
        bad = ok && horizon <= 366 * 86400 ? 0 : usage_error("--due must be hours or days: 4h, 2d (or 2)");
    }
    fd_callback_iter *it = NULL;
    bool late = flag(c, "--late");
    fd_status rc = bad ? FD_OK : fd_store_callbacks_due(&it, x->store, &x->actor, late, late ? 0 : horizon, 0, 64);
    return bad ? bad : list_out(c, x, rc, it, &CALLBACKS);
}

/* now: the "call now" list; in quiet hours nobody, and the time calls resume. */
static int callback_now(cli *c, ctx *x)
{
    int bad = one_format(c, "callback now");
    if (bad)
        return bad;
    if (!c->json && !flag(c, "--csv")) {
        /* the site's quiet hours (policy calendar.quiet_hours) in its zone: the time calls resume */
        fd_calendar *cal = NULL;
        fd_policy *p = NULL;
        int may = 1;
        int64_t next = 0;
        fd_status rc = fd_calendar_new(&cal);
        if (rc == FD_OK && x->site->time_zone && *x->site->time_zone)
            rc = fd_calendar_set_time_zone(cal, x->site->time_zone);
        if (rc == FD_OK && (rc = fd_store_policy_load(&p, x->store, x->site->id)) == FD_OK)
            rc = fd_calendar_apply_policy(cal, p);
        if (rc == FD_OK && fd_callback_may_call(&may, &next, cal, x->actor.at) == FD_OK && !may)
            printf(zh(c) ? "现为休息时间，%s 后方可致电（R-PLN-2）\n" : "quiet hours now: calls resume at %s (R-PLN-2)\n",
                   hm(x, next));
        fd_policy_free(p);
        fd_calendar_free(cal);
    }
    fd_callback_iter *it = NULL;
    fd_status rc = fd_store_callbacks_now(&it, x->store, &x->actor, 0, 64);
    return list_out(c, x, rc, it, &CALLBACKS);
}

/* attempt ID --result R [--satisfaction S] [--note SAID] [--happened TIME]; done prints the script. */
static int callback_attempt(cli *c, ctx *x)
{
    int64_t id = 0, placed = 0;
    fd_buf b[2] = { FD_BUF_INIT, FD_BUF_INIT };
    const char *result = NULL, *satisfaction = NULL;
    int bad = the_id(c, &id);
    if (!bad && opt(c, "--result") == NULL)
        bad = usage_error("callback attempt ID needs --result 无人接听|占线|已回访 (no_answer, busy, done; "
                          "--satisfaction 满意|一般|不满意 when done)");
    if (!bad) bad = code_arg(fd_plan_code_parse, "--result", "attempt", opt(c, "--result"), &b[0], &result);
    if (!bad && opt(c, "--satisfaction"))
        bad = code_arg(fd_plan_code_parse, "--satisfaction", "satisfaction", opt(c, "--satisfaction"), &b[1],
                       &satisfaction);
    if (!bad) bad = time_opt(c, x, "--happened", &placed);
    fd_status rc = bad ? FD_OK
                       : fd_store_callback_attempt(NULL, x->store, &x->actor, id, placed, result, satisfaction,
                                                   opt(c, "--note"));
    int out = bad ? bad : rc ? lib_error(rc) : callback_shown(c, x, id);
    if (out == 0 && satisfaction && !c->json) {
        fd_buf script = FD_BUF_INIT;
        if (fd_callback_script(&script, satisfaction) == FD_OK)
            printf(zh(c) ? "话术：%s\n" : "script: %s\n", script.ptr);
        fd_buf_dispose(&script);
    }
    fd_buf_dispose(&b[0]);
    fd_buf_dispose(&b[1]);
    return out;
}

/* close ID --reason WHY: closed without reaching the customer (a miss). */
static int callback_close(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = the_id(c, &id);
    if (!bad && opt(c, "--reason") == NULL)
        bad = usage_error("callback close ID needs --reason WHY (号码停机, 客户拒绝 ...)");
    if (bad)
        return bad;
    fd_status rc = fd_store_callback_close(x->store, &x->actor, id, opt(c, "--reason"));
    return rc ? lib_error(rc) : callback_shown(c, x, id);
}

/* misses [--from TIME] [--to TIME]: member callbacks of the period (default the 30 days to now) closed unreached or
 * open past due; in text, the period's coverage against followup.member_callback_pct first. */
static int callback_misses(cli *c, ctx *x)
{
    int64_t to = x->actor.at, from = 0;
    int bad = one_format(c, "callback misses");
    if (!bad) bad = time_opt(c, x, "--to", &to);
    from = to - 30 * 86400;
    if (!bad) bad = time_opt(c, x, "--from", &from);
    if (bad)
        return bad;
    if (!c->json && !flag(c, "--csv")) {
        fd_callback_coverage k = { .version = FD_CALLBACK_COVERAGE_VERSION };
        fd_status rc = fd_store_callback_coverage(&k, x->store, &x->actor, from, to);
        if (rc)
            return lib_error(rc);
        bool z = zh(c);
        printf(z ? "会员回访 %lld，已回访 %lld（逾期 %lld），未回访 %lld，未到期 %lld；回访率 %lld%%（标准 %lld%%）%s\n"
                 : "member callbacks %lld, reached %lld (late %lld), missed %lld, pending %lld; %lld%% reached "
                   "(standard %lld%%) %s\n",
               (long long)k.members, (long long)k.reached, (long long)k.late, (long long)k.missed,
               (long long)k.pending, (long long)k.share_pct, (long long)k.target_pct,
               k.met ? (z ? "达标" : "met") : (z ? "未达标" : "NOT met"));
    }
    fd_callback_iter *it = NULL;
    fd_status rc = fd_store_callback_misses(&it, x->store, &x->actor, from, to, 0, 64);
    return list_out(c, x, rc, it, &CALLBACKS);
}

/* --- specialists and assignments (R-PLN-3) ----------------------------------------------------------------------- */

/* A rebalance (proposed or written) as JSON or lines; @r freed. */
static int rebalance_out(const cli *c, fd_status rc, fd_rebalance *r, bool applied)
{
    if (rc)
        return lib_error(rc);
    bool z = zh(c);
    size_t ns = fd_rebalance_specialists(r), nm = fd_rebalance_moves(r);
    if (c->json)
        printf("{\"applied\":%s,\"moved\":%lld,\"specialists\":[", applied ? "true" : "false",
               (long long)fd_rebalance_moved(r));
    else
        printf(z ? "%s：共调整 %lld 位客户\n" : "%s: %lld customer(s) move\n",
               applied ? (z ? "已调整" : "applied") : (z ? "调整建议" : "proposal"), (long long)fd_rebalance_moved(r));
    for (size_t i = 0; i < ns && rc == FD_OK; i++) {
        int64_t id = 0, level = 0, before = 0, after = 0;
        rc = fd_rebalance_specialist(&id, &level, &before, &after, r, i);
        if (rc == FD_OK && c->json)
            printf("%s{\"id\":%lld,\"level\":%lld,\"before\":%lld,\"after\":%lld}", i ? "," : "", (long long)id,
                   (long long)level, (long long)before, (long long)after);
        else if (rc == FD_OK)
            printf(z ? "  专员 %lld（级别 %lld）：%lld → %lld\n" : "  specialist %lld (level %lld): %lld -> %lld\n",
                   (long long)id, (long long)level, (long long)before, (long long)after);
    }
    if (c->json)
        printf("],\"moves\":[");
    for (size_t i = 0; i < nm && rc == FD_OK; i++) {
        int64_t from = 0, to = 0, count = 0;
        rc = fd_rebalance_move(&from, &to, &count, r, i);
        if (rc == FD_OK && c->json)
            printf("%s{\"from\":%lld,\"to\":%lld,\"count\":%lld}", i ? "," : "", (long long)from, (long long)to,
                   (long long)count);
        else if (rc == FD_OK)
            printf(z ? "  %lld → %lld：%lld 位\n" : "  %lld -> %lld: %lld\n", (long long)from, (long long)to,
                   (long long)count);
    }
    if (c->json)
        puts("]}");
    fd_rebalance_free(r);
    return rc ? lib_error(rc) : 0;
}

/* specialist add STAFF_CODE --level N (manage). */
static int specialist_add(cli *c, ctx *x)
{
    int64_t level = 0;
    const char *lv = opt(c, "--level");
    if (lv == NULL || !parse_int(lv, &level))
        return usage_error("specialist add STAFF_CODE needs --level 1..5");
    fd_staff *st = NULL;
    fd_status rc = fd_store_staff_get_by_code(&st, x->store, &x->actor, c->argv[2]);
    if (rc)
        return lib_error(rc);
    int64_t member = st->id, id = 0;
    fd_staff_free(st);
    manage(x);
    rc = fd_store_specialist_add(&id, x->store, &x->actor, member, level);
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(zh(c) ? "已添加专员 %lld\n" : "specialist %lld added\n", (long long)id);
    fd_specialist *s = NULL;
    rc = fd_store_specialist_get(&s, x->store, &x->actor, id);
    int out = shown(c, x, rc, s, SPECIALIST_JSON, specialist_line);
    fd_specialist_free(s);
    return out;
}

/* specialist leave ID [--apply]: the moves of their customers; written with --apply (manage). */
static int specialist_leave(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = the_id(c, &id);
    if (bad)
        return bad;
    manage(x);
    fd_rebalance *r = NULL;
    fd_status rc = fd_store_specialist_leave(&r, x->store, &x->actor, id, flag(c, "--apply"));
    return rebalance_out(c, rc, r, flag(c, "--apply"));
}

static int specialist_list(cli *c, ctx *x)
{
    int bad = one_format(c, "specialist list");
    fd_specialist_filter f = FD_SPECIALIST_FILTER_INIT;
    fd_specialist_iter *it = NULL;
    fd_status rc = bad ? FD_OK : fd_store_specialist_query(&it, x->store, &x->actor, &f);
    return bad ? bad : list_out(c, x, rc, it, &SPECIALISTS);
}

/* assign add (--occupant ID | --org ID) [--specialist ID]: to them, or to whom the balance picks. */
static int assign_add(cli *c, ctx *x)
{
    int64_t occupant = 0, org = 0, specialist = 0, id = 0;
    int bad = id_opt(c, "--occupant", &occupant);
    if (!bad) bad = id_opt(c, "--org", &org);
    if (!bad) bad = id_opt(c, "--specialist", &specialist);
    if (!bad && (occupant == 0) == (org == 0))
        bad = usage_error("assign add needs one customer: --occupant ID or --org ID");
    if (bad)
        return bad;
    fd_status rc = fd_store_assign_customer(&id, x->store, &x->actor, occupant, org, specialist);
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(zh(c) ? "已分配 %lld\n" : "assignment %lld\n", (long long)id);
    fd_customer_assignment *a = NULL;
    rc = fd_store_customer_assignment_get(&a, x->store, &x->actor, id);
    int out = shown(c, x, rc, a, ASSIGNMENT_JSON, assignment_line);
    fd_customer_assignment_free(a);
    return out;
}

/* assign list [--specialist ID] [--all]: the assignments in force (--all: ended ones too). */
static int assign_list(cli *c, ctx *x)
{
    fd_customer_assignment_filter f = FD_CUSTOMER_ASSIGNMENT_FILTER_INIT;
    int bad = one_format(c, "assign list");
    if (!bad) bad = id_opt(c, "--specialist", &f.specialist_id);
    if (!flag(c, "--all")) {
        f.ended_at_to = 1; /* in force: ended_at 0, before the first instant */
        f.match |= FD_CUSTOMER_ASSIGNMENT_MATCH_ENDED_AT_TO;
    }
    f.match |= f.specialist_id ? FD_CUSTOMER_ASSIGNMENT_MATCH_SPECIALIST_ID : 0;
    fd_customer_assignment_iter *it = NULL;
    fd_status rc = bad ? FD_OK : fd_store_customer_assignment_query(&it, x->store, &x->actor, &f);
    return bad ? bad : list_out(c, x, rc, it, &ASSIGNMENTS);
}

static int assign_rebalance(cli *c, ctx *x)
{
    if (flag(c, "--apply"))
        manage(x);
    fd_rebalance *r = NULL;
    fd_status rc = fd_store_assign_rebalance(&r, x->store, &x->actor, flag(c, "--apply"));
    return rebalance_out(c, rc, r, flag(c, "--apply"));
}

static int assign_contact(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = the_id(c, &id);
    if (bad)
        return bad;
    fd_status rc = fd_store_assign_contact(x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    fd_customer_assignment *a = NULL;
    rc = fd_store_customer_assignment_get(&a, x->store, &x->actor, id);
    int out = shown(c, x, rc, a, ASSIGNMENT_JSON, assignment_line);
    fd_customer_assignment_free(a);
    return out;
}

static int assign_misses(cli *c, ctx *x)
{
    int bad = one_format(c, "assign misses");
    fd_customer_assignment_iter *it = NULL;
    fd_status rc = bad ? FD_OK : fd_store_assign_misses(&it, x->store, &x->actor, 0, 64);
    return bad ? bad : list_out(c, x, rc, it, &ASSIGNMENTS);
}

/* --- dispatch ------------------------------------------------------------------------------------------------------ */

int cmd_callback(cli *c, ctx *x)
{
    static const struct {
        const char *sub;
        int (*fn)(cli *, ctx *);
    } SUBS[] = { { "record", callback_record }, { "due", callback_due },       { "now", callback_now },
                 { "attempt", callback_attempt }, { "close", callback_close }, { "misses", callback_misses } };
    for (size_t i = 0; i < sizeof SUBS / sizeof *SUBS; i++)
        if (strcmp(c->argv[1], SUBS[i].sub) == 0)
            return SUBS[i].fn(c, x);
    return usage_error("callback: unknown subcommand (frontdesk callback --help)");
}

int cmd_specialist(cli *c, ctx *x)
{
    if (strcmp(c->argv[1], "add") == 0)
        return specialist_add(c, x);
    if (strcmp(c->argv[1], "leave") == 0)
        return specialist_leave(c, x);
    return specialist_list(c, x);
}

int cmd_assign(cli *c, ctx *x)
{
    if (strcmp(c->argv[1], "add") == 0)
        return assign_add(c, x);
    if (strcmp(c->argv[1], "list") == 0)
        return assign_list(c, x);
    if (strcmp(c->argv[1], "rebalance") == 0)
        return assign_rebalance(c, x);
    if (strcmp(c->argv[1], "contact") == 0)
        return assign_contact(c, x);
    return assign_misses(c, x);
}
