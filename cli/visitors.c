/*
 * frontdesk visitor|blocklist|card|custody|permit|prep|slips: the visitors
 * module's commands (issue 12, item 8).
 *
 *   visitor   the visitor log (R-VIS-1, R-VIS-2, R-COM-4): register, the host's
 *             answer, check-in and check-out, blocklist decisions, "still on
 *             site", the end-of-shift check, the retention purge (R-COM-3),
 *             a kept ID number revealed (R-COM-2)
 *   blocklist entries kept by managers; a check that says what to do, never
 *             what is stored (R-VIS-1)
 *   card      visitor cards and other counted items, counted at each shift (R-VIS-4)
 *   custody   items left, parcels, deposits (R-VIS-8)
 *   permit    goods release, checked at the gate (R-VIS-7)
 *   prep      an important visit's preparation checklist (R-VIS-6)
 *   slips     registration slips handed to security (R-VIS-3)
 *
 * Codes are taken as codes or labels (fd_visit_code_parse: 身份证 is id_card,
 * 交班 is end) and shown as labels in Chinese output, codes in English and
 * JSON. Ids and counts are read with full-width digits too. Phones and ID
 * numbers come back from the store masked (R-COM-2); ID numbers are never
 * printed whole. Each change prints the record it changed, read back.
 */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A code's label in Chinese output, the code itself in English (and for unknown codes); "-" for none. */
static const char *lbl(const cli *c, const char *field, const char *code)
{
    if (code == NULL || *code == '\0')
        return "-";
    const char *l = zh(c) ? fd_visit_code_label(field, code) : NULL;
    return l ? l : code;
}

/* Option @name as a code of list @field (code or label) when given. */
static int code_opt(const cli *c, const char *name, const char *field, fd_buf *buf, const char **out)
{
    return code_arg(fd_visit_code_parse, name, field, opt(c, name), buf, out);
}

/*
 * --party N: how many came, as typed (2, ２, 2人, 3位). Not a number: a usage
 * error in the library's words (the range is the library's, FD_VISIT_PARTY_MAX;
 * a number out of it the library refuses, naming visit.party_size the same way).
 */
static int party_arg(const char *text, int64_t *out)
{
    fd_buf b = FD_BUF_INIT;
    char num[32];
    snprintf(num, sizeof num, "%s", ascii_form(&b, text));
    fd_buf_dispose(&b);
    size_t n = strlen(num);
    static const char *const measure[] = { "人", "位", "名" };
    for (size_t i = 0; i < sizeof measure / sizeof *measure; i++)
        if (n > strlen(measure[i]) && strcmp(num + n - strlen(measure[i]), measure[i]) == 0)
            num[n - strlen(measure[i])] = '\0';
    if (parse_int(num, out))
        return 0;
    fprintf(stderr, "frontdesk: --party: visit.party_size: not a whole number, must be 1..%d (2, ２, 2人)\n",
            FD_VISIT_PARTY_MAX);
    return 2;
}

/* "CMD SUB ID --name VALUE": the id (full-width digits read) and the required option's value; 0, else 2. */
static int id_and(const cli *c, const char *name, int64_t *id, const char **value)
{
    char what[48];
    snprintf(what, sizeof what, "%s %s ID", c->argv[0], c->argv[1]);
    int bad = id_arg(c->argv[2], what, id);
    return bad ? bad : need(c, name, value);
}

/* A whole number >= 0 as typed (full-width digits read): 0, else a usage error naming @name. */
static int whole_arg(const char *name, const char *text, int64_t *out)
{
    fd_buf b = FD_BUF_INIT;
    int ok = parse_int(ascii_form(&b, text), out) && *out >= 0;
    fd_buf_dispose(&b);
    if (ok)
        return 0;
    fprintf(stderr, "frontdesk: %s must be a whole number (0 or more)\n", name);
    return 2;
}

/* "  3-1201": the number of unit @id for a line of text; nothing for 0 (or a unit gone). */
static void unit_text(ctx *x, const char *before, int64_t id)
{
    fd_unit *u = NULL;
    if (id && fd_store_unit_get(&u, x->store, &x->actor, id) == FD_OK)
        printf("%s%s", before, u->number);
    fd_unit_free(u);
}

/* --- visits ------------------------------------------------------------------ */

/* The host as the desk knows it: the host records' names (as the store shows them) and the text given. */
static void print_host(ctx *x, const fd_visit *v)
{
    bool any = false;
    if (v->host_organisation) {
        fd_organisation *o = NULL;
        if (fd_store_organisation_get(&o, x->store, &x->actor, v->host_organisation) == FD_OK)
            plain(o->name), any = true;
        fd_organisation_free(o);
    }
    if (v->host_department) {
        fd_department *d = NULL;
        if (fd_store_department_get(&d, x->store, &x->actor, v->host_department) == FD_OK)
            printf("%s", any ? " " : ""), plain(d->name), any = true;
        fd_department_free(d);
    }
    if (v->host_employee) {
        fd_employee *e = NULL;
        if (fd_store_employee_get(&e, x->store, &x->actor, v->host_employee) == FD_OK)
            printf("%s", any ? " " : ""), plain(e->name), any = true;
        fd_employee_free(e);
    }
    if (v->host_occupant) {
        fd_occupant *o = NULL;
        fd_unit *u = NULL;
        if (fd_store_occupant_get(&o, x->store, &x->actor, v->host_occupant) == FD_OK) {
            if (fd_store_unit_get(&u, x->store, &x->actor, o->unit_id) == FD_OK)
                printf("%s%s ", any ? " " : "", u->number);
            plain(o->name), any = true;
        }
        fd_unit_free(u);
        fd_occupant_free(o);
    }
    if (v->host && *v->host) {
        printf("%s", any ? " " : "");
        plain(v->host);
    } else if (!any) {
        putchar('-');
    }
}

static const jfield VISIT_JSON[] = {
    JI(fd_visit, id), JI(fd_visit, slip_no), JT(fd_visit, registered_at), JS(fd_visit, visitor),
    JS(fd_visit, organisation), JS(fd_visit, phone), JI(fd_visit, party_size), JS(fd_visit, plate), JS(fd_visit, host),
    JI(fd_visit, host_occupant), JI(fd_visit, host_employee), JI(fd_visit, host_department),
    JI(fd_visit, host_organisation), JS(fd_visit, purpose), JB(fd_visit, preregistered), JT(fd_visit, planned_from),
    JT(fd_visit, planned_until), JB(fd_visit, important), JS(fd_visit, state), JS(fd_visit, id_type),
    JS(fd_visit, id_masked), JB(fd_visit, id_kept), JS(fd_visit, blocklist_level), JS(fd_visit, answer),
    JT(fd_visit, answered_at), JT(fd_visit, arrived_at), JT(fd_visit, departed_at), JT(fd_visit, explained_at),
    { NULL, 0, 0 },
};

/* A visit's object; with @o its overstay too. */
static void visit_json(ctx *x, const fd_visit *v, const fd_overstay *o)
{
    json_fields(x, v, VISIT_JSON);
    if (o) {
        printf(",\"overstay\":%s,\"overstay_reason\":\"%s\"", o->overstay ? "true" : "false",
               fd_overstay_reason_name(o->reason));
        jat(x, "overstay_since", o->since);
    }
    putchar('}');
}

/* One line: id, slip, the time that matters (arrival, else the planned start), state, who, whom, why, flags. */
static void visit_line(const cli *c, ctx *x, const fd_visit *v, const fd_overstay *o)
{
    bool z = zh(c);
    printf("%5lld  #%-4lld %s  %-6s ", (long long)v->id, (long long)v->slip_no,
           hm(x, v->arrived_at ? v->arrived_at : v->planned_from ? v->planned_from : v->registered_at),
           lbl(c, "state", v->state));
    text(v->visitor);
    if (v->party_size > 1)
        printf(z ? " 等%lld人" : " (party of %lld)", (long long)v->party_size);
    if (*v->organisation)
        printf(z ? "（" : " ("), plain(v->organisation), printf(z ? "）" : ")");
    printf(" → ");
    print_host(x, v);
    printf("  ");
    text(v->purpose);
    if (*v->phone)
        printf("  %s", v->phone);
    if (*v->plate)
        printf("  %s", v->plate);
    if (*v->id_type)
        printf("  %s %s", lbl(c, "id_type", v->id_type), *v->id_masked ? v->id_masked : "-");
    if (v->departed_at)
        printf(z ? "  离开 %s" : "  left %s", hm(x, v->departed_at));
    if (v->important)
        printf(z ? "  [重要]" : "  [important]");
    if (*v->blocklist_level)
        printf(z ? "  [黑名单 %s]" : "  [blocklist %s]", lbl(c, "level", v->blocklist_level));
    if (o && o->overstay)
        printf(z ? "  [逾期：%s 起，%s]" : "  [OVERSTAY since %s, %s]", hm(x, o->since),
               o->reason == FD_OVERSTAY_CLOSING ? (z ? "过闭园时间" : "past closing") : (z ? "超出预约时间" : "past the window"));
    putchar('\n');
}

static void visit_row(const cli *c, ctx *x, const void *v)
{
    visit_line(c, x, v, NULL);
}

static int show_visit(const cli *c, ctx *x, int64_t id)
{
    fd_visit *v = NULL;
    fd_status rc = fd_store_visit_get(&v, x->store, &x->actor, id);
    int status = shown(c, x, rc, v, VISIT_JSON, visit_row);
    fd_visit_free(v);
    return status;
}

/* The blocklist's answer: level, basis and reason — never what the entry stores (R-VIS-1). */
static void match_json(const fd_blocklist_match *m)
{
    printf("{\"answer\":\"%s\",\"matches\":%lld,\"level\":\"%s\",\"basis\":\"%s\",\"reason\":",
           fd_blocklist_answer_name(m->answer), (long long)m->matches, m->level, m->basis);
    json_string(m->reason);
    putchar('}');
}

static void match_text(const cli *c, const fd_blocklist_match *m)
{
    bool z = zh(c);
    if (m->answer == FD_BLOCKLIST_NONE) {
        puts(z ? "黑名单：未命中" : "blocklist: no match");
        return;
    }
    printf(z ? "黑名单：%s，级别 %s（依据%s）：" : "blocklist: %s, level %s (on %s): ",
           m->answer == FD_BLOCKLIST_MATCH ? (z ? "命中" : "MATCH") : (z ? "可能命中，请另行核实身份" : "POSSIBLE, confirm another way"),
           lbl(c, "level", m->level), lbl(c, "basis", m->basis));
    plain(m->reason);
    putchar('\n');
}

/* Reads --id-type T --id-number N [--consent] into @doc (type kept in @buf); *given says whether there is one. */
static int id_document(const cli *c, fd_id_document *doc, fd_buf *buf, bool *given)
{
    const char *type = opt(c, "--id-type"), *number = opt(c, "--id-number");
    *given = number != NULL;
    if ((type == NULL) != (number == NULL))
        return usage_error("--id-type and --id-number go together (--id-type 身份证|passport|hk_macau|taiwan|other)");
    if (flag(c, "--consent") && number == NULL)
        return usage_error("--consent goes with --id-type and --id-number");
    doc->number = number;
    doc->consent = flag(c, "--consent");
    return code_arg(fd_visit_code_parse, "--id-type", "id_type", type, buf, &doc->type);
}

static int visitor_register(cli *c, ctx *x)
{
    static const struct {
        const char *name;
        size_t off;
    } hosts[] = {
        { "--host-occupant", offsetof(fd_visit, host_occupant) },
        { "--host-employee", offsetof(fd_visit, host_employee) },
        { "--host-dept", offsetof(fd_visit, host_department) },
        { "--host-org", offsetof(fd_visit, host_organisation) },
    };
    fd_visit v = FD_VISIT_INIT;
    fd_id_document doc = FD_ID_DOCUMENT_INIT;
    fd_buf type = FD_BUF_INIT;
    bool has_id = false;
    v.visitor = c->argv[2];
    v.host = opt(c, "--host");
    v.organisation = opt(c, "--org");
    v.phone = opt(c, "--phone");
    v.plate = opt(c, "--plate");
    v.important = flag(c, "--important");
    v.party_size = 1;
    int bad = need(c, "--purpose", &v.purpose);
    for (size_t i = 0; i < sizeof hosts / sizeof *hosts && !bad; i++)
        if (opt(c, hosts[i].name))
            bad = id_arg(opt(c, hosts[i].name), hosts[i].name, (int64_t *)((char *)&v + hosts[i].off));
    if (!bad && opt(c, "--party"))
        bad = party_arg(opt(c, "--party"), &v.party_size);
    if (!bad && opt(c, "--expected")) {
        v.preregistered = 1;
        bad = time_opt(c, x, "--expected", &v.planned_from);
    }
    if (!bad)
        bad = time_opt(c, x, "--until", &v.planned_until);
    if (!bad)
        bad = id_document(c, &doc, &type, &has_id);
    fd_visit_registration r = { FD_VISIT_REGISTRATION_VERSION, 0, 0, "", 0, { FD_BLOCKLIST_MATCH_VERSION, 0, 0, 0, "", "", "" } };
    fd_status rc = bad ? FD_OK : fd_store_visit_register(&r, x->store, &x->actor, &v, has_id ? &doc : NULL);
    fd_buf_dispose(&type);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    bool z = zh(c);
    if (c->json) {
        printf("{\"visit_id\":%lld,\"slip_no\":%lld,\"state\":\"%s\",\"previous_visits\":%lld,\"blocklist\":",
               (long long)r.id, (long long)r.slip_no, r.state, (long long)r.previous_visits);
        match_json(&r.blocklist);
        puts("}");
        return 0;
    }
    printf(z ? "已登记来访 %lld：登记单号 %lld，%s\n" : "registered visit %lld: slip %lld, %s\n", (long long)r.id,
           (long long)r.slip_no, lbl(c, "state", r.state));
    if (r.previous_visits)
        printf(z ? "该证件此前来访 %lld 次\n" : "%lld earlier visit%s with this ID document\n",
               (long long)r.previous_visits, plural(r.previous_visits));
    match_text(c, &r.blocklist);
    if (strcmp(r.state, "held") == 0)
        printf(z ? "请按级别处理：frontdesk visitor admit %lld --note 理由 或 visitor refuse %lld --note 理由\n"
                 : "decide: frontdesk visitor admit %lld --note WHY, or visitor refuse %lld --note WHY\n",
               (long long)r.id, (long long)r.id);
    return 0;
}

/* After a check-out: a warning (on stderr; the exit status stays 0) naming each card or item still issued to the
 * visit, and how to close it (R-VIS-4). */
static void warn_items_out(const cli *c, ctx *x, int64_t visit)
{
    fd_counted_item_filter f = FD_COUNTED_ITEM_FILTER_INIT;
    f.match = FD_COUNTED_ITEM_MATCH_VISIT_ID | FD_COUNTED_ITEM_MATCH_STATE;
    f.visit_id = visit;
    f.state = "issued";
    fd_counted_item_iter *it = NULL;
    const fd_counted_item *i = NULL;
    bool z = zh(c);
    fflush(stdout); /* the warning after the record it is about */
    if (fd_store_counted_item_query(&it, x->store, &x->actor, &f) == FD_OK)
        while (fd_counted_item_iter_next(&i, it) == FD_OK && i)
            fprintf(stderr, z ? "frontdesk: 注意：%s %s 仍借给来访 %lld，未归还：收回后 frontdesk card return %s，"
                                "或 frontdesk card lost %s --note 经过\n"
                              : "frontdesk: warning: %s %s is still out with visit %lld: when it is back, frontdesk "
                                "card return %s; else frontdesk card lost %s --note WHAT_HAPPENED\n",
                    lbl(c, "item_kind", i->kind), i->code, (long long)visit, i->code, i->code);
    fd_counted_item_iter_free(it);
}

static int visitor_checkout(cli *c, ctx *x)
{
    int64_t id = 0, left_at = 0;
    int bad = id_arg(c->argv[2], "visitor checkout ID", &id);
    if (!bad)
        bad = time_opt(c, x, "--left-at", &left_at);
    if (bad)
        return bad;
    fd_status rc = fd_store_visit_checkout(x->store, &x->actor, id, left_at, opt(c, "--note"));
    int status = rc ? lib_error(rc) : show_visit(c, x, id);
    if (status == 0)
        warn_items_out(c, x, id);
    return status;
}

static int visitor_list(cli *c, ctx *x)
{
    fd_visit_filter f = FD_VISIT_FILTER_INIT;
    fd_buf st = FD_BUF_INIT;
    int bad = code_opt(c, "--state", "state", &st, &f.state);
    if (!bad && c->date) {
        bad = day_range(c, x, &f.registered_at_from, &f.registered_at_to);
        f.match |= FD_VISIT_MATCH_REGISTERED_AT_FROM | FD_VISIT_MATCH_REGISTERED_AT_TO;
    }
    if (f.state)
        f.match |= FD_VISIT_MATCH_STATE;
    fd_visit_iter *it = NULL;
    const fd_visit *v = NULL;
    fd_status rc = bad ? FD_OK : fd_store_visit_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (!bad && rc == FD_OK)
        list_open(c);
    while (!bad && rc == FD_OK && (rc = fd_visit_iter_next(&v, it)) == FD_OK && v)
        row(c, x, v, VISIT_JSON, visit_row, &n);
    fd_visit_iter_free(it);
    fd_buf_dispose(&st);
    return bad ? bad : list_close(c, rc);
}

/*
 * Every visitor still on site (R-COM-4), page by page, each with its overstay;
 * with @since, only those neither checked out nor explained since then.
 * Counts into *on_site and *over.
 */
static fd_status onsite_each(const cli *c, ctx *x, int64_t since, int *n, int64_t *on_site, int64_t *over)
{
    fd_status rc = FD_OK;
    int64_t after = 0;
    for (bool more = true; more && rc == FD_OK;) {
        fd_visit_iter *it = NULL;
        const fd_visit *v = NULL;
        more = false;
        rc = fd_store_visit_onsite(&it, x->store, &x->actor, after, 64);
        while (rc == FD_OK && (rc = fd_visit_iter_next(&v, it)) == FD_OK && v) {
            fd_overstay o = { FD_OVERSTAY_VERSION, 0, 0, 0 };
            more = true;
            after = v->id;
            if ((rc = fd_store_visit_overstay(&o, x->store, &x->actor, v)) != FD_OK)
                break;
            (*on_site)++;
            *over += o.overstay;
            if (since && v->explained_at >= since)
                continue;
            list_sep(c, n);
            if (c->json)
                visit_json(x, v, &o);
            else
                visit_line(c, x, v, &o);
        }
        fd_visit_iter_free(it);
    }
    return rc;
}

static int visitor_onsite(cli *c, ctx *x)
{
    int n = 0;
    int64_t on_site = 0, over = 0;
    list_open(c);
    fd_status rc = onsite_each(c, x, 0, &n, &on_site, &over);
    if (rc == FD_OK && !c->json)
        printf(zh(c) ? "在场 %lld 人，其中逾期 %lld 人\n" : "%lld on site, %lld overstaying\n", (long long)on_site,
               (long long)over);
    return list_close(c, rc);
}

/* The items issued to visits that have left or are closed, and the counts still open (R-VIS-4). */
static fd_status shift_items(const cli *c, ctx *x)
{
    bool z = zh(c);
    fd_counted_item_filter f = FD_COUNTED_ITEM_FILTER_INIT;
    f.match = FD_COUNTED_ITEM_MATCH_STATE;
    f.state = "issued";
    fd_counted_item_iter *it = NULL;
    const fd_counted_item *i = NULL;
    fd_status rc = fd_store_counted_item_query(&it, x->store, &x->actor, &f);
    while (rc == FD_OK && (rc = fd_counted_item_iter_next(&i, it)) == FD_OK && i) {
        fd_visit *v = NULL;
        if ((rc = fd_store_visit_get(&v, x->store, &x->actor, i->visit_id)) != FD_OK)
            break;
        if (v->departed_at || strcmp(v->state, "declined") == 0 || strcmp(v->state, "refused") == 0 ||
            strcmp(v->state, "cancelled") == 0)
            printf(z ? "  未归还：%s %s，借给来访 %lld（%s）\n" : "  not returned: %s %s, issued to visit %lld (%s)\n",
                   lbl(c, "item_kind", i->kind), i->code, (long long)v->id, lbl(c, "state", v->state));
        fd_visit_free(v);
    }
    fd_counted_item_iter_free(it);
    fd_item_count_filter cf = FD_ITEM_COUNT_FILTER_INIT;
    cf.match = FD_ITEM_COUNT_MATCH_STATE;
    cf.state = "open";
    fd_item_count_iter *ci = NULL;
    const fd_item_count *k = NULL;
    if (rc == FD_OK)
        rc = fd_store_item_count_query(&ci, x->store, &x->actor, &cf);
    while (rc == FD_OK && (rc = fd_item_count_iter_next(&k, ci)) == FD_OK && k)
        printf(z ? "  清点 %lld 待说明：%s（%s）应有 %lld，实点 %lld — frontdesk card explain %lld --note …\n"
                 : "  count %lld open: %s (%s) expected %lld, counted %lld — frontdesk card explain %lld --note ...\n",
               (long long)k->id, lbl(c, "item_kind", k->kind), lbl(c, "moment", k->moment), (long long)k->expected,
               (long long)k->counted, (long long)k->id);
    fd_item_count_iter_free(ci);
    return rc;
}

/*
 * The end-of-shift check (R-COM-4, R-VIS-4) for the shift that began at --since
 * (default: the start of the site's day). Exit 1 when it cannot be handed over.
 */
static int visitor_shift(cli *c, ctx *x)
{
    int64_t since = 0, to = 0;
    int bad = opt(c, "--since") ? time_opt(c, x, "--since", &since) : today(x, &since, &to);
    if (bad)
        return bad;
    fd_visit_shift s = { FD_VISIT_SHIFT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    fd_status rc = fd_store_visit_shift_check(&s, x->store, &x->actor, since);
    if (rc)
        return lib_error(rc);
    bool ready = s.unexplained == 0 && s.items_unreturned == 0 && s.counts_open == 0, z = zh(c);
    if (c->json) {
        static const jfield SHIFT_JSON[] = {
            JI(fd_visit_shift, on_site), JI(fd_visit_shift, overstaying), JI(fd_visit_shift, unexplained),
            JI(fd_visit_shift, first_unexplained), JI(fd_visit_shift, held), JI(fd_visit_shift, expected_late),
            JI(fd_visit_shift, items_out), JI(fd_visit_shift, items_unreturned), JI(fd_visit_shift, counts_open),
            { NULL, 0, 0 },
        };
        json_fields(x, &s, SHIFT_JSON);
        jat(x, "since", since);
        printf(",\"ready\":%s}\n", ready ? "true" : "false");
    } else {
        printf(z ? "本班自 %s 起：在场 %lld 人（逾期 %lld），未签离且未说明 %lld，待核实 %lld，预约未到 %lld\n"
                 : "shift since %s: %lld on site (%lld overstaying), %lld neither checked out nor explained, %lld "
                   "held, %lld expected not come\n",
               hm(x, since), (long long)s.on_site, (long long)s.overstaying, (long long)s.unexplained,
               (long long)s.held, (long long)s.expected_late);
        printf(z ? "物品借出 %lld 件，其中访客已离开未归还 %lld；清点差异待说明 %lld\n"
                 : "items out %lld, %lld of them not returned by visitors who left; %lld count%s with a difference "
                   "unexplained\n",
               (long long)s.items_out, (long long)s.items_unreturned, (long long)s.counts_open,
               z ? "" : plural(s.counts_open));
        int n = 0;
        int64_t on_site = 0, over = 0;
        if (s.unexplained)
            puts(z ? "须签离（visitor checkout ID [--left-at 时间]）或说明（visitor explain ID --note …）："
                   : "check out (visitor checkout ID [--left-at TIME]) or explain (visitor explain ID --note ...):");
        rc = s.unexplained ? onsite_each(c, x, since, &n, &on_site, &over) : FD_OK;
        if (rc == FD_OK)
            rc = shift_items(c, x);
        if (rc)
            return lib_error(rc);
        puts(ready ? (z ? "可以交班" : "ready to hand over") : (z ? "不能交班：以上各项须先处理" : "NOT ready to hand over"));
    }
    fflush(stdout); /* the refusal after what it refers to */
    if (!ready)
        fprintf(stderr, "frontdesk: the shift cannot be handed over yet (R-COM-4)\n");
    return ready ? 0 : 1;
}

static int visitor_purge(cli *c, ctx *x)
{
    manage(x);
    fd_visit_purge p = { FD_VISIT_PURGE_VERSION, 0, 0, 0, 0, 0, 0, 0, 0 };
    fd_status rc = fd_store_visit_purge(&p, x->store, &x->actor, flag(c, "--dry-run"));
    if (rc)
        return lib_error(rc);
    bool z = zh(c);
    if (c->json) {
        static const jfield PURGE_JSON[] = {
            JB(fd_visit_purge, dry_run), JT(fd_visit_purge, id_before), JT(fd_visit_purge, visits_before),
            JI(fd_visit_purge, id_numbers), JI(fd_visit_purge, encrypted), JI(fd_visit_purge, visits),
            JI(fd_visit_purge, permits), JI(fd_visit_purge, custody), { NULL, 0, 0 },
        };
        json_fields(x, &p, PURGE_JSON);
        puts("}");
        return 0;
    }
    puts(p.dry_run ? (z ? "试运行，未改动（R-COM-3）：" : "dry run, nothing changed (R-COM-3):")
                   : (z ? "已清除（R-COM-3），已记入日志：" : "purged (R-COM-3), journaled:"));
    if (z)
        printf("  证件号码（遮蔽号、哈希、加密全号）：%s 前登记的来访 %lld 条（其中存全号 %lld 条）\n"
               "  姓名、电话、车牌、单位：%s 前登记的来访 %lld 条，放行条 %lld 张，保管物品 %lld 件\n",
               stamp(x, p.id_before, false), (long long)p.id_numbers, (long long)p.encrypted,
               stamp(x, p.visits_before, false), (long long)p.visits, (long long)p.permits, (long long)p.custody);
    else
        printf("  ID numbers (masked, hash, encrypted) of visits registered before %s: %lld visit%s (%lld with the "
               "full number kept)\n  names, phones, plates, organisations of what was registered before %s: %lld "
               "visit%s, %lld goods permit%s, %lld custody item%s\n",
               stamp(x, p.id_before, false), (long long)p.id_numbers, plural(p.id_numbers), (long long)p.encrypted,
               stamp(x, p.visits_before, false), (long long)p.visits, plural(p.visits), (long long)p.permits,
               plural(p.permits), (long long)p.custody, plural(p.custody));
    return 0;
}

/*
 * visitor id-reveal ID --reason TEXT: the full ID number kept for the visit
 * (visitor.id_keep_full; R-COM-2), for a member of staff whose role holds the
 * reveal grant, logged with the reason before it is shown (audit reveals).
 */
static int visitor_id_reveal(cli *c, ctx *x)
{
    int64_t id = 0;
    const char *reason = NULL;
    int bad = id_and(c, "--reason", &id, &reason);
    if (bad)
        return bad;
    x->actor.grants |= FD_GRANT_REVEAL;
    x->actor.reason = reason;
    fd_buf number = FD_BUF_INIT;
    fd_status rc = fd_store_visit_id_reveal(&number, x->store, &x->actor, id);
    if (rc == FD_OK && c->json)
        printf("{\"visit_id\":%lld,\"id_number\":", (long long)id), json_string(number.ptr), puts("}");
    else if (rc == FD_OK)
        printf(zh(c) ? "来访 %lld 的证件号码：%s（本次查看已记录）\n" : "visit %lld: ID number %s (this reveal is logged)\n",
               (long long)id, number.ptr);
    for (volatile char *p = number.ptr; p && *p; p++) /* not left in freed memory */
        *p = 0;
    fd_buf_dispose(&number);
    return rc ? lib_error(rc) : 0;
}

/* visitor show ID: the visit and its events (when recorded and, for a check-out noted later, when it happened). */
static int visitor_show(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = id_arg(c->argv[2], "visitor show ID", &id);
    if (bad)
        return bad;
    fd_visit *v = NULL;
    fd_status rc = fd_store_visit_get(&v, x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    if (c->json) {
        printf("{\"visit\":");
        visit_json(x, v, NULL);
        printf(",\"events\":[");
    } else {
        visit_line(c, x, v, NULL);
    }
    fd_visit_free(v);
    fd_visit_event_filter f = FD_VISIT_EVENT_FILTER_INIT;
    f.match = FD_VISIT_EVENT_MATCH_VISIT_ID;
    f.visit_id = id;
    fd_visit_event_iter *it = NULL;
    const fd_visit_event *e = NULL;
    int n = 0;
    rc = fd_store_visit_event_query(&it, x->store, &x->actor, &f);
    while (rc == FD_OK && (rc = fd_visit_event_iter_next(&e, it)) == FD_OK && e) {
        if (c->json) {
            static const jfield EVENT_JSON[] = {
                JI(fd_visit_event, id), JT(fd_visit_event, at), JI(fd_visit_event, staff_id), JS(fd_visit_event, kind),
                JS(fd_visit_event, code), JT(fd_visit_event, happened_at), JS(fd_visit_event, note), { NULL, 0, 0 },
            };
            printf("%s", n++ ? "," : "");
            json_fields(x, e, EVENT_JSON);
            putchar('}');
        } else {
            printf("       %s  %s %s", hm(x, e->at), lbl(c, "event_kind", e->kind), *e->code ? lbl(c, "answer", e->code) : "");
            if (e->happened_at)
                printf(zh(c) ? "（实际 %s）" : " (happened %s)", hm(x, e->happened_at));
            printf("  ");
            plain(e->note);
            putchar('\n');
        }
    }
    fd_visit_event_iter_free(it);
    if (rc)
        return lib_error(rc);
    if (c->json)
        puts("]}");
    return 0;
}

/* --- blocklist (R-VIS-1) --------------------------------------------------------- */

static int blocklist_add(cli *c, ctx *x)
{
    manage(x);
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    fd_id_document doc = FD_ID_DOCUMENT_INIT;
    fd_buf level = FD_BUF_INIT, type = FD_BUF_INIT;
    bool has_id = false;
    e.name = c->argc > 2 ? c->argv[2] : NULL;
    e.phone = opt(c, "--phone");
    int bad = need(c, "--level", &e.level);
    if (!bad)
        bad = need(c, "--reason", &e.reason);
    if (!bad)
        bad = code_opt(c, "--level", "level", &level, &e.level);
    if (!bad)
        bad = time_opt(c, x, "--from", &e.valid_from);
    if (!bad)
        bad = time_opt(c, x, "--until", &e.valid_until);
    if (!bad)
        bad = id_document(c, &doc, &type, &has_id);
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_blocklist_add(&id, x->store, &x->actor, &e, has_id ? &doc : NULL);
    if (!bad && rc == FD_OK && c->json)
        printf("{\"entry_id\":%lld,\"level\":\"%s\"}\n", (long long)id, e.level);
    else if (!bad && rc == FD_OK)
        printf(zh(c) ? "已加入黑名单 %lld（%s）\n" : "added blocklist entry %lld (%s)\n", (long long)id,
               lbl(c, "level", e.level));
    fd_buf_dispose(&level);
    fd_buf_dispose(&type);
    return bad ? bad : rc ? lib_error(rc) : 0;
}

static int blocklist_lift(cli *c, ctx *x)
{
    manage(x);
    int64_t id = 0;
    const char *reason = NULL;
    int bad = id_and(c, "--reason", &id, &reason);
    if (bad)
        return bad;
    fd_status rc = fd_store_blocklist_lift(x->store, &x->actor, id, reason);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"entry_id\":%lld,\"lifted_at\":\"%s\"}\n", (long long)id, local(x, x->actor.at));
    else
        printf(zh(c) ? "黑名单 %lld 已解除\n" : "blocklist entry %lld lifted\n", (long long)id);
    return 0;
}

static int blocklist_check(cli *c, ctx *x)
{
    fd_id_document doc = FD_ID_DOCUMENT_INIT;
    fd_buf type = FD_BUF_INIT;
    bool has_id = false;
    int bad = id_document(c, &doc, &type, &has_id);
    const char *name = c->argc > 2 ? c->argv[2] : NULL;
    if (!bad && name == NULL && opt(c, "--phone") == NULL && !has_id)
        bad = usage_error("blocklist check needs a NAME, --phone N or --id-type T --id-number N");
    fd_blocklist_match m = { FD_BLOCKLIST_MATCH_VERSION, 0, 0, 0, "", "", "" };
    fd_status rc = bad ? FD_OK
                       : fd_store_blocklist_check(&m, x->store, &x->actor, name, opt(c, "--phone"), has_id ? &doc : NULL);
    fd_buf_dispose(&type);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    if (c->json)
        match_json(&m), putchar('\n');
    else
        match_text(c, &m);
    return 0;
}

static const jfield ENTRY_JSON[] = {
    JI(fd_blocklist_entry, id), JT(fd_blocklist_entry, added_at), JS(fd_blocklist_entry, level),
    JS(fd_blocklist_entry, reason), JS(fd_blocklist_entry, name), JS(fd_blocklist_entry, phone),
    JS(fd_blocklist_entry, id_type), JS(fd_blocklist_entry, id_masked), JT(fd_blocklist_entry, valid_from),
    JT(fd_blocklist_entry, valid_until), JT(fd_blocklist_entry, lifted_at), { NULL, 0, 0 },
};

static void entry_line(const cli *c, ctx *x, const void *rec)
{
    const fd_blocklist_entry *e = rec;
    printf("%5lld  %-4s ", (long long)e->id, lbl(c, "level", e->level));
    text(e->name);
    printf("  %s  %s %s  %s..%s  ", *e->phone ? e->phone : "-", lbl(c, "id_type", e->id_type),
           *e->id_masked ? e->id_masked : "", hm(x, e->valid_from ? e->valid_from : e->added_at),
           e->valid_until ? hm(x, e->valid_until) : "");
    plain(e->reason);
    int active = 1;
    if (e->lifted_at)
        printf(zh(c) ? "  （%s 已解除）" : "  (lifted %s)", hm(x, e->lifted_at));
    else if (fd_blocklist_entry_active(&active, e, x->actor.at) == FD_OK && !active)
        printf(zh(c) ? "  （不在有效期内）" : "  (not in force now)");
    putchar('\n');
}

/* blocklist list [--all]: the entries in force at the actor's instant (lifted or outside their
 * window only with --all, marked), names masked as pii.mask_names says and numbers always. */
static int blocklist_list(cli *c, ctx *x)
{
    fd_blocklist_entry_filter f = FD_BLOCKLIST_ENTRY_FILTER_INIT;
    if (!flag(c, "--all")) { /* in force: not lifted */
        f.match = FD_BLOCKLIST_ENTRY_MATCH_LIFTED_AT_FROM | FD_BLOCKLIST_ENTRY_MATCH_LIFTED_AT_TO;
        f.lifted_at_to = 1;
    }
    fd_blocklist_entry_iter *it = NULL;
    const fd_blocklist_entry *e = NULL;
    fd_status rc = fd_store_blocklist_entry_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (rc == FD_OK)
        list_open(c);
    bool all = flag(c, "--all");
    while (rc == FD_OK && (rc = fd_blocklist_entry_iter_next(&e, it)) == FD_OK && e) {
        int active = 1;
        if (!all && (rc = fd_blocklist_entry_active(&active, e, x->actor.at)) != FD_OK)
            break;
        if (active)
            row(c, x, e, ENTRY_JSON, entry_line, &n);
    }
    fd_blocklist_entry_iter_free(it);
    return list_close(c, rc);
}

/* --- cards and counted items (R-VIS-4) ----------------------------------------------- */

/* The item with code @code at the actor's site: its id in *out, 0 when none. */
static fd_status item_by_code(ctx *x, const char *code, int64_t *out)
{
    fd_counted_item_filter f = FD_COUNTED_ITEM_FILTER_INIT;
    f.match = FD_COUNTED_ITEM_MATCH_CODE;
    f.code = code;
    f.limit = 1;
    fd_counted_item_iter *it = NULL;
    const fd_counted_item *i = NULL;
    fd_status rc = fd_store_counted_item_query(&it, x->store, &x->actor, &f);
    if (rc == FD_OK)
        rc = fd_counted_item_iter_next(&i, it);
    *out = i ? i->id : 0;
    fd_counted_item_iter_free(it);
    return rc;
}

/* An item by the code written on it (V017; ｖ０１７ and v017 read too), else by its id: 0, 1 (none) or 2. */
static int item_ref(ctx *x, const char *ref, const char *what, int64_t *out)
{
    fd_buf code = FD_BUF_INIT;
    char *ascii = strdup(ascii_form(&code, ref));
    fd_status rc = ascii ? item_by_code(x, ascii, out) : FD_ENOMEM;
    for (char *p = ascii; rc == FD_OK && *out == 0 && *p; p++)
        *p = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
    if (rc == FD_OK && *out == 0)
        rc = item_by_code(x, ascii, out);
    int64_t id = 0;
    bool number = ascii && parse_int(ascii, &id) && id > 0;
    free(ascii);
    fd_buf_dispose(&code);
    if (rc == FD_ENOMEM && ascii == NULL)
        return usage_error("out of memory");
    if (rc)
        return lib_error(rc);
    if (*out == 0 && number)
        *out = id;
    if (*out == 0) {
        fprintf(stderr, "frontdesk: %s: no item with the code '%s' at the site (see frontdesk card list)\n", what, ref);
        return 1;
    }
    return 0;
}

static const jfield ITEM_JSON[] = {
    JI(fd_counted_item, id), JS(fd_counted_item, kind), JS(fd_counted_item, code), JS(fd_counted_item, name),
    JS(fd_counted_item, state), JI(fd_counted_item, visit_id), JT(fd_counted_item, state_at), { NULL, 0, 0 },
};

static void item_line(const cli *c, ctx *x, const void *rec)
{
    const fd_counted_item *i = rec;
    printf("%5lld  %-8s %-6s ", (long long)i->id, i->code, lbl(c, "item_kind", i->kind));
    text(i->name);
    printf("  %s", lbl(c, "item_state", i->state));
    if (i->visit_id)
        printf(zh(c) ? " → 来访 %lld" : " → visit %lld", (long long)i->visit_id);
    if (i->state_at)
        printf("  %s", hm(x, i->state_at));
    if (strcmp(i->state, "lost") == 0) { /* what happened: the note of the last "lost" */
        fd_item_event_filter f = FD_ITEM_EVENT_FILTER_INIT;
        f.match = FD_ITEM_EVENT_MATCH_ITEM_ID | FD_ITEM_EVENT_MATCH_KIND;
        f.item_id = i->id;
        f.kind = "lost";
        fd_item_event_iter *it = NULL;
        const fd_item_event *e = NULL;
        char *note = NULL;
        if (fd_store_item_event_query(&it, x->store, &x->actor, &f) == FD_OK)
            while (fd_item_event_iter_next(&e, it) == FD_OK && e)
                free(note), note = strdup(e->note);
        if (note && *note)
            printf("  "), plain(note);
        free(note);
        fd_item_event_iter_free(it);
    }
    putchar('\n');
}

static int show_item(const cli *c, ctx *x, int64_t id)
{
    fd_counted_item *i = NULL;
    fd_status rc = fd_store_counted_item_get(&i, x->store, &x->actor, id);
    int status = shown(c, x, rc, i, ITEM_JSON, item_line);
    fd_counted_item_free(i);
    return status;
}

static int card_add(cli *c, ctx *x)
{
    manage(x);
    fd_counted_item i = FD_COUNTED_ITEM_INIT;
    fd_buf kind = FD_BUF_INIT, code = FD_BUF_INIT;
    int bad = code_opt(c, "--kind", "item_kind", &kind, &i.kind);
    i.kind = i.kind ? i.kind : "visitor_card";
    i.code = ascii_form(&code, c->argv[2]);
    i.name = c->name;
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_item_add(&id, x->store, &x->actor, &i);
    fd_buf_dispose(&kind);
    fd_buf_dispose(&code);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    return show_item(c, x, id);
}

static int card_issue(cli *c, ctx *x)
{
    int64_t item = 0, visit = 0;
    const char *v = NULL;
    int bad = need(c, "--visit", &v);
    if (!bad)
        bad = id_arg(v, "--visit", &visit);
    if (!bad)
        bad = item_ref(x, c->argv[2], "card issue CODE|ID", &item);
    if (bad)
        return bad;
    fd_status rc = fd_store_item_issue(x->store, &x->actor, item, visit);
    return rc ? lib_error(rc) : show_item(c, x, item);
}

static const jfield COUNT_JSON[] = {
    JI(fd_item_count, id), JT(fd_item_count, at), JS(fd_item_count, kind), JS(fd_item_count, moment),
    JI(fd_item_count, expected), JI(fd_item_count, counted), JI(fd_item_count, staff_id), JI(fd_item_count, cosigner),
    JS(fd_item_count, state), JT(fd_item_count, explained_at), JS(fd_item_count, explanation), { NULL, 0, 0 },
};

static void count_line(const cli *c, ctx *x, const void *rec)
{
    const fd_item_count *k = rec;
    bool z = zh(c);
    (void)x;
    printf(z ? "清点 %lld：%s（%s）应有 %lld，实点 %lld，%s" : "count %lld: %s (%s) expected %lld, counted %lld, %s",
           (long long)k->id, lbl(c, "item_kind", k->kind), lbl(c, "moment", k->moment), (long long)k->expected,
           (long long)k->counted, lbl(c, "count_state", k->state));
    if (strcmp(k->state, "open") == 0)
        printf(z ? " — 差异须说明：frontdesk card explain %lld --note …" : " — explain it: frontdesk card explain %lld --note ...",
               (long long)k->id);
    if (*k->explanation)
        printf("  "), plain(k->explanation);
    putchar('\n');
}

static int show_count(const cli *c, ctx *x, int64_t id)
{
    fd_item_count *k = NULL;
    fd_status rc = fd_store_item_count_get(&k, x->store, &x->actor, id);
    int status = shown(c, x, rc, k, COUNT_JSON, count_line);
    fd_item_count_free(k);
    return status;
}

/* card count KIND start|end --counted N --cosign STAFF: entered by the actor, signed by the cosigner (R-VIS-4). */
static int card_count(cli *c, ctx *x)
{
    fd_buf kind = FD_BUF_INIT, moment = FD_BUF_INIT;
    const char *k = NULL, *m = NULL, *counted_text = NULL, *cosign = NULL;
    int64_t counted = 0, id = 0;
    int bad = code_arg(fd_visit_code_parse, "KIND", "item_kind", c->argv[2], &kind, &k);
    if (!bad)
        bad = code_arg(fd_visit_code_parse, "start|end", "moment", c->argv[3], &moment, &m);
    if (!bad)
        bad = need(c, "--counted", &counted_text);
    if (!bad)
        bad = whole_arg("--counted", counted_text, &counted);
    if (!bad)
        bad = need(c, "--cosign", &cosign);
    fd_staff *st = NULL;
    fd_status rc = bad ? FD_OK : fd_store_staff_get_by_code(&st, x->store, &x->actor, cosign);
    if (!bad && rc == FD_OK)
        rc = fd_store_item_count(&id, x->store, &x->actor, k, m, counted, st->id);
    fd_staff_free(st);
    fd_buf_dispose(&kind);
    fd_buf_dispose(&moment);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    return show_count(c, x, id);
}

static int card_list(cli *c, ctx *x)
{
    fd_counted_item_filter f = FD_COUNTED_ITEM_FILTER_INIT;
    fd_buf kind = FD_BUF_INIT, state = FD_BUF_INIT;
    int bad = code_opt(c, "--kind", "item_kind", &kind, &f.kind);
    if (!bad)
        bad = code_opt(c, "--state", "item_state", &state, &f.state);
    f.match = (f.kind ? FD_COUNTED_ITEM_MATCH_KIND : 0) | (f.state ? FD_COUNTED_ITEM_MATCH_STATE : 0);
    fd_counted_item_iter *it = NULL;
    const fd_counted_item *i = NULL;
    fd_status rc = bad ? FD_OK : fd_store_counted_item_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (!bad && rc == FD_OK)
        list_open(c);
    while (!bad && rc == FD_OK && (rc = fd_counted_item_iter_next(&i, it)) == FD_OK && i)
        row(c, x, i, ITEM_JSON, item_line, &n);
    fd_counted_item_iter_free(it);
    fd_buf_dispose(&kind);
    fd_buf_dispose(&state);
    return bad ? bad : list_close(c, rc);
}

/* --- custody (R-VIS-8) ------------------------------------------------------------- */

static const jfield CUSTODY_JSON[] = {
    JI(fd_custody_item, id), JT(fd_custody_item, deposited_at), JS(fd_custody_item, kind),
    JS(fd_custody_item, description), JS(fd_custody_item, owner), JS(fd_custody_item, phone),
    JI(fd_custody_item, unit_id), JI(fd_custody_item, occupant_id), JI(fd_custody_item, visit_id),
    JS(fd_custody_item, found_where), JS(fd_custody_item, state), JT(fd_custody_item, notified_at),
    JI(fd_custody_item, reminders), JT(fd_custody_item, closed_at), JS(fd_custody_item, handed_to),
    JS(fd_custody_item, check_method), { NULL, 0, 0 },
};

static void custody_line(const cli *c, ctx *x, const fd_custody_item *i, const fd_custody_due *d)
{
    bool z = zh(c);
    printf("%5lld  %s  %-6s ", (long long)i->id, hm(x, i->deposited_at), lbl(c, "custody_kind", i->kind));
    text(i->description);
    printf(z ? "  物主 " : "  for ");
    text(i->owner);
    if (*i->phone)
        printf(" %s", i->phone);
    unit_text(x, " ", i->unit_id);
    if (*i->found_where)
        printf(z ? "  拾于 " : "  found at "), plain(i->found_where);
    printf("  %s", lbl(c, "custody_state", i->state));
    if (i->notified_at && strcmp(i->state, "held") == 0 && i->reminders == 0) /* notified_at: the last notice */
        printf(z ? "（%s 已通知）" : " (told %s)", hm(x, i->notified_at));
    else if (i->notified_at && strcmp(i->state, "held") == 0 && z)
        printf("（已通知并提醒 %lld 次，最近 %s）", (long long)i->reminders, hm(x, i->notified_at));
    else if (i->notified_at && strcmp(i->state, "held") == 0)
        printf(" (told and reminded %lld time%s, last %s)", (long long)i->reminders, plural(i->reminders),
               hm(x, i->notified_at));
    if (*i->handed_to)
        printf(" → "), plain(i->handed_to);
    if (*i->check_method)
        printf(z ? "（%s）" : " (%s)", lbl(c, "custody_how", i->check_method));
    if (d && d->notify)
        printf(z ? "  [待通知]" : "  [notify]");
    if (d && d->remind)
        printf(z ? "  [待提醒]" : "  [remind]");
    if (d && d->unclaimed)
        printf(z ? "  [逾期未领，须移交]" : "  [unclaimed: hand on]");
    putchar('\n');
}

static void custody_row(const cli *c, ctx *x, const void *i)
{
    custody_line(c, x, i, NULL);
}

static int show_custody(const cli *c, ctx *x, int64_t id)
{
    fd_custody_item *i = NULL;
    fd_status rc = fd_store_custody_item_get(&i, x->store, &x->actor, id);
    int status = shown(c, x, rc, i, CUSTODY_JSON, custody_row);
    fd_custody_item_free(i);
    return status;
}

/* custody notify: a line saying what was done — told or reminded, how — then the item read back. */
static int show_notified(const cli *c, ctx *x, int64_t id)
{
    fd_custody_event_filter f = FD_CUSTODY_EVENT_FILTER_INIT;
    f.match = FD_CUSTODY_EVENT_MATCH_ITEM_ID;
    f.item_id = id;
    fd_custody_event_iter *it = NULL;
    const fd_custody_event *e = NULL;
    char kind[17] = "", how[17] = "";
    fd_status rc = c->json ? FD_OK : fd_store_custody_event_query(&it, x->store, &x->actor, &f);
    while (!c->json && rc == FD_OK && (rc = fd_custody_event_iter_next(&e, it)) == FD_OK && e)
        snprintf(kind, sizeof kind, "%s", e->kind), snprintf(how, sizeof how, "%s", e->how);
    fd_custody_event_iter_free(it);
    if (rc)
        return lib_error(rc);
    bool z = zh(c), remind = strcmp(kind, "remind") == 0;
    if (!c->json)
        printf(remind ? (z ? "保管物品 %lld：已提醒物主（%s）\n" : "custody item %lld: the owner reminded (%s)\n")
                      : (z ? "保管物品 %lld：已通知物主（%s）\n" : "custody item %lld: the owner told (%s)\n"),
               (long long)id, lbl(c, "custody_how", how));
    return show_custody(c, x, id);
}

static int custody_add(cli *c, ctx *x)
{
    fd_custody_item i = FD_CUSTODY_ITEM_INIT;
    fd_buf kind = FD_BUF_INIT;
    int bad = code_arg(fd_visit_code_parse, "KIND", "custody_kind", c->argv[2], &kind, &i.kind);
    i.description = c->argv[3];
    i.owner = opt(c, "--owner");
    i.phone = opt(c, "--phone");
    i.found_where = opt(c, "--found-where");
    if (!bad && opt(c, "--unit"))
        bad = unit_by_number(x, opt(c, "--unit"), &i.unit_id);
    if (!bad && opt(c, "--occupant"))
        bad = id_arg(opt(c, "--occupant"), "--occupant", &i.occupant_id);
    if (!bad && opt(c, "--visit"))
        bad = id_arg(opt(c, "--visit"), "--visit", &i.visit_id);
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_custody_add(&id, x->store, &x->actor, &i);
    fd_buf_dispose(&kind);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    return show_custody(c, x, id);
}

static int custody_collect(cli *c, ctx *x)
{
    int64_t id = 0;
    const char *to = NULL, *method = NULL;
    fd_buf how = FD_BUF_INIT;
    int bad = id_and(c, "--to", &id, &to);
    if (!bad)
        bad = need(c, "--check", &method);
    if (!bad)
        bad = code_opt(c, "--check", "custody_how", &how, &method);
    fd_status rc = bad ? FD_OK : fd_store_custody_collect(x->store, &x->actor, id, to, method, opt(c, "--note"));
    fd_buf_dispose(&how);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    return show_custody(c, x, id);
}

static fd_status custody_footer(const cli *c, ctx *x)
{
    fd_custody_status s = { FD_CUSTODY_STATUS_VERSION, 0, 0, 0, 0, 0, 0, 0 };
    fd_status rc = fd_store_custody_status(&s, x->store, &x->actor);
    if (rc == FD_OK)
        printf(zh(c) ? "保管中 %lld 件：待通知 %lld，待提醒 %lld，逾期未领 %lld；放行条：待批准 %lld，待放行 %lld，不符 %lld\n"
                     : "held %lld: %lld to notify, %lld to remind, %lld unclaimed; goods permits: %lld to approve, %lld "
                       "approved, %lld stopped at the gate\n",
               (long long)s.held, (long long)s.to_notify, (long long)s.to_remind, (long long)s.unclaimed,
               (long long)s.permits_requested, (long long)s.permits_approved, (long long)s.permits_mismatch);
    return rc;
}

/* custody list [--state S | --all] [--kind K]: the held items by default, each with what is due. */
static int custody_list(cli *c, ctx *x)
{
    fd_custody_item_filter f = FD_CUSTODY_ITEM_FILTER_INIT;
    fd_buf kind = FD_BUF_INIT, state = FD_BUF_INIT;
    int bad = code_opt(c, "--kind", "custody_kind", &kind, &f.kind);
    if (!bad)
        bad = code_opt(c, "--state", "custody_state", &state, &f.state);
    if (f.state == NULL && !flag(c, "--all"))
        f.state = "held";
    f.match = (f.kind ? FD_CUSTODY_ITEM_MATCH_KIND : 0) | (f.state ? FD_CUSTODY_ITEM_MATCH_STATE : 0);
    fd_policy *p = NULL;
    fd_custody_item_iter *it = NULL;
    const fd_custody_item *i = NULL;
    fd_status rc = bad ? FD_OK : fd_store_policy_load(&p, x->store, x->site->id);
    if (!bad && rc == FD_OK)
        rc = fd_store_custody_item_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (!bad && rc == FD_OK)
        list_open(c);
    while (!bad && rc == FD_OK && (rc = fd_custody_item_iter_next(&i, it)) == FD_OK && i) {
        fd_custody_due d = { FD_CUSTODY_DUE_VERSION, 0, 0, 0, 0, 0 };
        if ((rc = fd_custody_item_due(&d, i, x->actor.at, p)) != FD_OK)
            break;
        list_sep(c, &n);
        if (c->json)
            json_fields(x, i, CUSTODY_JSON), printf(",\"notify\":%s,\"remind\":%s,\"unclaimed\":%s}",
                                                   d.notify ? "true" : "false", d.remind ? "true" : "false",
                                                   d.unclaimed ? "true" : "false");
        else
            custody_line(c, x, i, &d);
    }
    fd_custody_item_iter_free(it);
    fd_policy_free(p);
    fd_buf_dispose(&kind);
    fd_buf_dispose(&state);
    if (!bad && rc == FD_OK && !c->json)
        rc = custody_footer(c, x);
    return bad ? bad : list_close(c, rc);
}

/* --- goods permits (R-VIS-7) -------------------------------------------------------- */

static const jfield PERMIT_JSON[] = {
    JI(fd_goods_permit, id), JT(fd_goods_permit, created_at), JS(fd_goods_permit, applicant),
    JS(fd_goods_permit, phone), JS(fd_goods_permit, id_type), JS(fd_goods_permit, id_masked),
    JI(fd_goods_permit, unit_id), JI(fd_goods_permit, organisation_id), JS(fd_goods_permit, items),
    JS(fd_goods_permit, reason), JT(fd_goods_permit, valid_until), JS(fd_goods_permit, state),
    JI(fd_goods_permit, approved_by), JT(fd_goods_permit, approved_at), JT(fd_goods_permit, checked_at), { NULL, 0, 0 },
};

static void permit_line(const cli *c, ctx *x, const void *rec)
{
    const fd_goods_permit *g = rec;
    printf("%5lld  %s  %-6s ", (long long)g->id, hm(x, g->created_at), lbl(c, "permit_state", g->state));
    text(g->applicant);
    if (*g->phone)
        printf(" %s", g->phone);
    unit_text(x, " ", g->unit_id);
    fd_organisation *o = NULL;
    if (g->organisation_id && fd_store_organisation_get(&o, x->store, &x->actor, g->organisation_id) == FD_OK)
        printf(" "), plain(o->name);
    fd_organisation_free(o);
    if (*g->id_type)
        printf("  %s %s", lbl(c, "id_type", g->id_type), g->id_masked);
    printf("  ");
    plain(g->items);
    printf("  ");
    text(g->reason);
    if (g->valid_until)
        printf(zh(c) ? "  有效至 %s" : "  valid until %s", hm(x, g->valid_until));
    putchar('\n');
}

static int show_permit(const cli *c, ctx *x, int64_t id)
{
    fd_goods_permit *g = NULL;
    fd_status rc = fd_store_goods_permit_get(&g, x->store, &x->actor, id);
    int status = shown(c, x, rc, g, PERMIT_JSON, permit_line);
    fd_goods_permit_free(g);
    return status;
}

static int permit_add(cli *c, ctx *x)
{
    fd_goods_permit g = FD_GOODS_PERMIT_INIT;
    fd_id_document doc = FD_ID_DOCUMENT_INIT;
    fd_buf type = FD_BUF_INIT;
    bool has_id = false;
    g.applicant = c->argv[2];
    g.phone = opt(c, "--phone");
    g.reason = opt(c, "--reason");
    int bad = need(c, "--items", &g.items);
    if (!bad && opt(c, "--unit"))
        bad = unit_by_number(x, opt(c, "--unit"), &g.unit_id);
    if (!bad && opt(c, "--org"))
        bad = id_arg(opt(c, "--org"), "--org (the organisation's id)", &g.organisation_id);
    if (!bad)
        bad = time_opt(c, x, "--until", &g.valid_until);
    if (!bad)
        bad = id_document(c, &doc, &type, &has_id);
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_goods_permit_add(&id, x->store, &x->actor, &g, has_id ? &doc : NULL);
    fd_buf_dispose(&type);
    if (bad || rc)
        return bad ? bad : lib_error(rc);
    return show_permit(c, x, id);
}

/* permit check ID --counted "..." [--gate G]: the gate's count; a mismatch exits 1 and says what differs. */
static int permit_check(cli *c, ctx *x)
{
    int64_t id = 0, check = 0;
    const char *items = NULL;
    int bad = id_and(c, "--counted", &id, &items);
    if (bad)
        return bad;
    fd_status rc = fd_store_goods_check(&check, x->store, &x->actor, id, items, opt(c, "--gate"), opt(c, "--note"));
    fd_goods_check *k = NULL;
    if (rc == FD_OK)
        rc = fd_store_goods_check_get(&k, x->store, &x->actor, check);
    if (rc)
        return lib_error(rc);
    int matched = k->matched;
    bool z = zh(c);
    if (c->json) {
        static const jfield CHECK_JSON[] = {
            JI(fd_goods_check, id), JI(fd_goods_check, permit_id), JT(fd_goods_check, at), JI(fd_goods_check, staff_id),
            JS(fd_goods_check, gate), JS(fd_goods_check, items), JB(fd_goods_check, matched),
            JS(fd_goods_check, difference), JS(fd_goods_check, note), { NULL, 0, 0 },
        };
        json_fields(x, k, CHECK_JSON);
        printf(",\"permit_state\":\"%s\"}\n", matched ? "released" : "mismatch");
    } else if (matched) {
        printf(z ? "放行条 %lld：物品相符，已放行（%s）\n" : "permit %lld: the goods match, released (%s)\n", (long long)id,
               k->items);
    } else {
        printf(z ? "放行条 %lld：物品不符，不予放行：" : "permit %lld: the goods DIFFER, not released: ", (long long)id);
        plain(k->difference);
        puts(z ? "（放行条 → 实点）" : " (permit → counted)");
    }
    fd_goods_check_free(k);
    return matched ? 0 : 1;
}

static int permit_list(cli *c, ctx *x)
{
    fd_goods_permit_filter f = FD_GOODS_PERMIT_FILTER_INIT;
    fd_buf state = FD_BUF_INIT;
    int bad = code_opt(c, "--state", "permit_state", &state, &f.state);
    f.match = f.state ? FD_GOODS_PERMIT_MATCH_STATE : 0;
    fd_goods_permit_iter *it = NULL;
    const fd_goods_permit *g = NULL;
    fd_status rc = bad ? FD_OK : fd_store_goods_permit_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (!bad && rc == FD_OK)
        list_open(c);
    while (!bad && rc == FD_OK && (rc = fd_goods_permit_iter_next(&g, it)) == FD_OK && g)
        row(c, x, g, PERMIT_JSON, permit_line, &n);
    fd_goods_permit_iter_free(it);
    fd_buf_dispose(&state);
    return bad ? bad : list_close(c, rc);
}

/* --- important visits' checklists (R-VIS-6) ---------------------------------------------- */

static void prep_out(const cli *c, ctx *x, const fd_visit_prep *p, int64_t planned_from)
{
    fd_prep_due d = { FD_PREP_DUE_VERSION, 0, 0, 0, 0 };
    fd_visit_prep_due(&d, p, planned_from, x->actor.at);
    bool z = zh(c);
    if (c->json) { /* due_at as given (null: by the planned start), due: when it is due */
        static const jfield PREP_JSON[] = {
            JI(fd_visit_prep, id), JI(fd_visit_prep, visit_id), JS(fd_visit_prep, item), JT(fd_visit_prep, due_at),
            JT(fd_visit_prep, done_at), JI(fd_visit_prep, done_by), JS(fd_visit_prep, note), { NULL, 0, 0 },
        };
        json_fields(x, p, PREP_JSON);
        jat(x, "due", d.due_at);
        printf(",\"overdue\":%s,\"late\":%s}", d.overdue ? "true" : "false", d.late ? "true" : "false");
        return;
    }
    printf("   %5lld  [%s] ", (long long)p->id, p->done_at ? "x" : " ");
    plain(p->item);
    printf(z ? "  期限 %s" : "  due %s", hm(x, d.due_at));
    if (p->done_at)
        printf(z ? "  %s 完成" : "  done %s", hm(x, p->done_at));
    if (d.overdue)
        printf(z ? "  [已逾期]" : "  [OVERDUE]");
    if (d.late)
        printf(z ? "  [逾期完成]" : "  [done late]");
    if (*p->note)
        printf("  "), plain(p->note);
    putchar('\n');
}

static int show_prep(const cli *c, ctx *x, int64_t id)
{
    fd_visit_prep *p = NULL;
    fd_visit *v = NULL;
    fd_status rc = fd_store_visit_prep_get(&p, x->store, &x->actor, id);
    if (rc == FD_OK)
        rc = fd_store_visit_get(&v, x->store, &x->actor, p->visit_id);
    if (rc == FD_OK) {
        prep_out(c, x, p, v->planned_from);
        if (c->json)
            putchar('\n');
    }
    fd_visit_free(v);
    fd_visit_prep_free(p);
    return rc ? lib_error(rc) : 0;
}

static int prep_add(cli *c, ctx *x)
{
    fd_visit_prep p = FD_VISIT_PREP_INIT;
    int bad = id_arg(c->argv[2], "prep add VISIT", &p.visit_id);
    if (!bad)
        bad = time_opt(c, x, "--due", &p.due_at);
    if (bad)
        return bad;
    p.item = c->argv[3];
    int64_t id = 0;
    fd_status rc = fd_store_visit_prep_add(&id, x->store, &x->actor, &p);
    return rc ? lib_error(rc) : show_prep(c, x, id);
}

/* One important visit with its checklist (only the open items with @open). */
static fd_status prep_visit(const cli *c, ctx *x, const fd_visit *v, bool open)
{
    fd_visit_prep_status s = { FD_VISIT_PREP_STATUS_VERSION, 0, 0, 0, 0, 0, 0 };
    fd_status rc = fd_store_visit_prep_status(&s, x->store, &x->actor, v->id);
    if (rc)
        return rc;
    if (c->json) {
        printf("{\"visit\":");
        visit_json(x, v, NULL);
        static const jfield STATUS_JSON[] = {
            JI(fd_visit_prep_status, items), JI(fd_visit_prep_status, done), JI(fd_visit_prep_status, open),
            JI(fd_visit_prep_status, overdue), JI(fd_visit_prep_status, late), JT(fd_visit_prep_status, first_due),
            { NULL, 0, 0 },
        };
        printf(",\"status\":");
        json_fields(x, &s, STATUS_JSON);
        printf("},\"items\":[");
    } else {
        visit_line(c, x, v, NULL);
        printf(zh(c) ? "       准备事项 %lld 项：完成 %lld，未完成 %lld（逾期 %lld），逾期完成 %lld\n"
                     : "       checklist of %lld: %lld done, %lld open (%lld overdue), %lld done late\n",
               (long long)s.items, (long long)s.done, (long long)s.open, (long long)s.overdue, (long long)s.late);
    }
    fd_visit_prep_filter f = FD_VISIT_PREP_FILTER_INIT;
    f.match = FD_VISIT_PREP_MATCH_VISIT_ID | (open ? FD_VISIT_PREP_MATCH_DONE_AT_FROM | FD_VISIT_PREP_MATCH_DONE_AT_TO : 0);
    f.visit_id = v->id;
    f.done_at_to = 1; /* open: done_at 0 */
    fd_visit_prep_iter *it = NULL;
    const fd_visit_prep *p = NULL;
    int n = 0;
    rc = fd_store_visit_prep_query(&it, x->store, &x->actor, &f);
    while (rc == FD_OK && (rc = fd_visit_prep_iter_next(&p, it)) == FD_OK && p) {
        list_sep(c, &n);
        prep_out(c, x, p, v->planned_from);
    }
    fd_visit_prep_iter_free(it);
    if (rc == FD_OK && c->json)
        printf("]}");
    return rc;
}

/*
 * prep list [--visit ID] [--date D] [--open]: the checklists of the important
 * visits planned on the day (default today; with --open only those with items
 * open, through the store's index), or of one visit.
 */
static int prep_list(cli *c, ctx *x)
{
    bool open = flag(c, "--open");
    int64_t from = 0, to = 0, visit = 0;
    int bad = opt(c, "--visit") ? id_arg(opt(c, "--visit"), "--visit", &visit) : day_of(c, x, &from, &to);
    if (bad)
        return bad;
    fd_status rc = FD_OK;
    int n = 0;
    if (visit) {
        fd_visit *v = NULL;
        if ((rc = fd_store_visit_get(&v, x->store, &x->actor, visit)) == FD_OK) {
            list_open(c);
            rc = prep_visit(c, x, v, open);
        }
        fd_visit_free(v);
        return list_close(c, rc);
    }
    list_open(c);
    fd_visit_filter f = FD_VISIT_FILTER_INIT;
    f.match = FD_VISIT_MATCH_IMPORTANT | FD_VISIT_MATCH_PLANNED_FROM_FROM | FD_VISIT_MATCH_PLANNED_FROM_TO;
    f.important = 1;
    f.planned_from_from = from;
    f.planned_from_to = to;
    for (int64_t after = 0, more = 1; more && rc == FD_OK;) {
        fd_visit_iter *it = NULL;
        const fd_visit *v = NULL;
        more = 0;
        rc = open ? fd_store_visit_prep_open(&it, x->store, &x->actor, from, to, after, 64)
                  : fd_store_visit_query(&it, x->store, &x->actor, &f);
        while (rc == FD_OK && (rc = fd_visit_iter_next(&v, it)) == FD_OK && v) {
            more = open;
            after = v->id;
            list_sep(c, &n);
            if ((rc = prep_visit(c, x, v, open)) != FD_OK)
                break;
        }
        fd_visit_iter_free(it);
    }
    return list_close(c, rc);
}

/* --- registration slips (R-VIS-3) -------------------------------------------------- */

static int slips_status(cli *c, ctx *x)
{
    fd_slip_status s = { FD_SLIP_STATUS_VERSION, 0, 0, 0, 0, 0 };
    fd_status rc = fd_store_slip_handover_status(&s, x->store, &x->actor);
    if (rc)
        return lib_error(rc);
    bool z = zh(c);
    if (c->json) {
        static const jfield SLIPS_JSON[] = {
            JI(fd_slip_status, pending), JI(fd_slip_status, first_pending), JI(fd_slip_status, last_slip),
            JT(fd_slip_status, since), JB(fd_slip_status, due), { NULL, 0, 0 },
        };
        json_fields(x, &s, SLIPS_JSON);
        puts("}");
    } else if (s.pending == 0) {
        puts(z ? "没有待移交的登记单" : "no slips waiting for security");
    } else {
        printf(z ? "待移交登记单 %lld 张%s（%lld–%lld），自 %s 起；%s\n" : "%lld slip%s waiting (%lld-%lld) since %s; %s\n",
               (long long)s.pending, z ? "" : plural(s.pending), (long long)s.first_pending, (long long)s.last_slip,
               hm(x, s.since),
               s.due ? (z ? "应移交保安（frontdesk slips handover --to 接收人）" : "due to security (frontdesk slips handover --to NAME)")
                     : (z ? "尚未到移交时间" : "not yet due"));
    }
    return 0;
}

static int slips_handover(cli *c, ctx *x)
{
    const char *to = NULL;
    int bad = need(c, "--to", &to);
    if (bad)
        return bad;
    int64_t id = 0;
    fd_slip_handover *h = NULL;
    fd_status rc = fd_store_slip_handover(&id, x->store, &x->actor, to, opt(c, "--note"));
    if (rc == FD_OK)
        rc = fd_store_slip_handover_get(&h, x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    if (c->json) {
        static const jfield HANDOVER_JSON[] = {
            JI(fd_slip_handover, id), JT(fd_slip_handover, at), JI(fd_slip_handover, staff_id),
            JI(fd_slip_handover, first_slip), JI(fd_slip_handover, last_slip), JS(fd_slip_handover, received_by),
            JS(fd_slip_handover, note), { NULL, 0, 0 },
        };
        json_fields(x, h, HANDOVER_JSON);
        puts("}");
    } else {
        printf(zh(c) ? "登记单 %lld–%lld 已移交 " : "slips %lld-%lld handed to ", (long long)h->first_slip,
               (long long)h->last_slip);
        plain(h->received_by);
        putchar('\n');
    }
    fd_slip_handover_free(h);
    return 0;
}

/* --- the commands that change one record by its id and print it back ------------------- */

typedef fd_status (*note_fn)(fd_store *, const fd_actor *, int64_t, const char *);
typedef fd_status (*arg_fn)(fd_store *, const fd_actor *, int64_t, const char *, const char *);

static fd_status visit_checkin(fd_store *s, const fd_actor *a, int64_t id, const char *note)
{
    (void)note; /* a check-in carries none */
    return fd_store_visit_checkin(s, a, id);
}

/* By its id, or for cards by the code on them. */
static int by_id(ctx *x, const char *ref, const char *what, int64_t *out)
{
    (void)x;
    return id_arg(ref, what, out);
}

/* MANAGE_IF_REFUSED: tried as the actor is, then, when the store says only a manager may (admitting a
 * visitor the blocklist forbids, R-VIS-1), once more asking for the manage grant. */
enum { MANAGE_NO, MANAGE_YES, MANAGE_IF_REFUSED };

static const struct change {
    const char *cmd, *sub;
    note_fn one;       /* fn(id, note) */
    arg_fn two;        /* fn(id, value, note) */
    const char *value; /* for two: the option giving the value, "" for the word after the id */
    const char *field; /* the value's code list, NULL for free text */
    int note;          /* 1: --note required */
    int manage;
    int (*ref)(ctx *, const char *, const char *, int64_t *);
    int (*show)(const cli *, ctx *, int64_t);
} CHANGES[] = {
    { "visitor", "answer", NULL, fd_store_visit_answer, "", "answer", 0, MANAGE_NO, by_id, show_visit },
    { "visitor", "checkin", visit_checkin, NULL, NULL, NULL, 0, MANAGE_NO, by_id, show_visit },
    { "visitor", "admit", fd_store_visit_admit, NULL, NULL, NULL, 1, MANAGE_IF_REFUSED, by_id, show_visit },
    { "visitor", "refuse", fd_store_visit_refuse, NULL, NULL, NULL, 1, MANAGE_NO, by_id, show_visit },
    { "visitor", "explain", fd_store_visit_explain, NULL, NULL, NULL, 1, MANAGE_NO, by_id, show_visit },
    { "visitor", "cancel", fd_store_visit_cancel, NULL, NULL, NULL, 1, MANAGE_NO, by_id, show_visit },
    { "card", "return", fd_store_item_return, NULL, NULL, NULL, 0, MANAGE_NO, item_ref, show_item },
    { "card", "lost", fd_store_item_lost, NULL, NULL, NULL, 1, MANAGE_NO, item_ref, show_item },
    { "card", "found", fd_store_item_found, NULL, NULL, NULL, 0, MANAGE_NO, item_ref, show_item },
    { "card", "explain", fd_store_item_count_explain, NULL, NULL, NULL, 1, MANAGE_NO, by_id, show_count },
    { "custody", "notify", NULL, fd_store_custody_notify, "--how", "custody_how", 0, MANAGE_NO, by_id, show_notified },
    { "custody", "return", NULL, fd_store_custody_return, "--to", NULL, 0, MANAGE_NO, by_id, show_custody },
    { "custody", "hand-on", NULL, fd_store_custody_hand_on, "--to", NULL, 0, MANAGE_NO, by_id, show_custody },
    { "permit", "approve", fd_store_goods_permit_approve, NULL, NULL, NULL, 0, MANAGE_YES, by_id, show_permit },
    { "permit", "refuse", fd_store_goods_permit_refuse, NULL, NULL, NULL, 1, MANAGE_YES, by_id, show_permit },
    { "prep", "done", fd_store_visit_prep_done, NULL, NULL, NULL, 0, MANAGE_NO, by_id, show_prep },
};

static int run_change(cli *c, ctx *x, const struct change *k)
{
    char what[48];
    snprintf(what, sizeof what, "%s %s ID", k->cmd, k->sub);
    int64_t id = 0;
    const char *note = opt(c, "--note"), *value = NULL;
    fd_buf code = FD_BUF_INIT;
    int bad = k->note ? need(c, "--note", &note) : 0;
    if (!bad && k->two)
        bad = *k->value ? need(c, k->value, &value) : (value = c->argv[3], 0);
    if (!bad && k->field)
        bad = code_arg(fd_visit_code_parse, *k->value ? k->value : k->field, k->field, value, &code, &value);
    if (!bad)
        bad = k->ref(x, c->argv[2], what, &id);
    if (!bad && k->manage == MANAGE_YES)
        manage(x);
    fd_status rc = FD_OK;
    char refused[512] = "";
    for (int tries = 0; !bad && tries < 2; tries++) {
        rc = k->one ? k->one(x->store, &x->actor, id, note) : k->two(x->store, &x->actor, id, value, note);
        if (rc != FD_EPERM || k->manage != MANAGE_IF_REFUSED || x->actor.staff_id == 0 || *refused)
            break;
        snprintf(refused, sizeof refused, "%s", fd_error_last()->message);
        manage(x);
    }
    fd_buf_dispose(&code);
    if (bad)
        return bad;
    if (rc == FD_EPERM && *refused) /* the role holds no manage grant either: the first answer says why */
        fprintf(stderr, "frontdesk: %s: %s\n", fd_status_name(rc), refused);
    else if (rc)
        lib_error(rc);
    return rc ? 1 : k->show(c, x, id);
}

/* --- dispatch ------------------------------------------------------------------------ */

static const struct {
    const char *cmd, *sub;
    int (*run)(cli *, ctx *);
} COMMANDS[] = {
    { "visitor", "register", visitor_register }, { "visitor", "checkout", visitor_checkout },
    { "visitor", "list", visitor_list },         { "visitor", "onsite", visitor_onsite },
    { "visitor", "shift", visitor_shift },       { "visitor", "purge", visitor_purge },
    { "visitor", "show", visitor_show },         { "visitor", "id-reveal", visitor_id_reveal },
    { "blocklist", "add", blocklist_add },
    { "blocklist", "lift", blocklist_lift },     { "blocklist", "check", blocklist_check },
    { "blocklist", "list", blocklist_list },     { "card", "add", card_add },
    { "card", "issue", card_issue },             { "card", "count", card_count },
    { "card", "list", card_list },               { "custody", "add", custody_add },
    { "custody", "collect", custody_collect },   { "custody", "list", custody_list },
    { "permit", "add", permit_add },             { "permit", "check", permit_check },
    { "permit", "list", permit_list },           { "prep", "add", prep_add },
    { "prep", "list", prep_list },               { "slips", "status", slips_status },
    { "slips", "handover", slips_handover },
};

/* The visitors module's commands; their shapes were checked by frontdesk.c (SHAPES). */
int cmd_visitors(cli *c, ctx *x)
{
    for (size_t i = 0; i < sizeof CHANGES / sizeof *CHANGES; i++)
        if (strcmp(CHANGES[i].cmd, c->argv[0]) == 0 && strcmp(CHANGES[i].sub, c->argv[1]) == 0)
            return run_change(c, x, &CHANGES[i]);
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        if (strcmp(COMMANDS[i].cmd, c->argv[0]) == 0 && strcmp(COMMANDS[i].sub, c->argv[1]) == 0)
            return COMMANDS[i].run(c, x);
    return usage_error("unknown visitors command");
}
