/*
 * frontdesk building|unit|occupant|org|dept|employee|find|resident: the
 * property register's commands (issue 12, item 1): buildings and units (a
 * manager's), occupants, organisations, their departments and employees (any
 * clerk's: the hosts of visits, R-VIS-1), one find over all of them, and the
 * R-VIS-5 answer to "is this visitor a resident here?" that never shows who.
 * Unit numbers are taken as people type them (3栋1201室, ３－１２０１); a
 * unit's use and an occupant's role as codes or labels (--use 办公, --role 住户:
 * fd_property_code_parse), shown as labels in Chinese output, codes in English
 * and JSON.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A date option (parse_date), required when @need. */
static int date_arg(const char *name, const char *v, bool need, fd_date *out)
{
    if (v == NULL) {
        if (!need)
            return 0;
        fprintf(stderr, "frontdesk: %s YYYY-MM-DD is required\n", name);
        return 2;
    }
    return parse_date(name, v, out);
}

/* A code's label (of list @field: use, role) in Chinese output, the code itself in English; "" for none. */
static const char *lbl(const cli *c, const char *field, const char *code)
{
    const char *l = zh(c) && code && *code ? fd_property_code_label(field, code) : NULL;
    return l ? l : code ? code : "";
}

/* What a find hit is, in the output's language. */
static const char *kind_label(const cli *c, int kind)
{
    static const char *const zh_kinds[] = { "", "房屋", "住户", "入驻企业", "部门", "企业员工" };
    return zh(c) && kind >= FD_PROPERTY_UNIT && kind <= FD_PROPERTY_EMPLOYEE ? zh_kinds[kind]
                                                                           : fd_property_kind_name(kind);
}

/* The building of the actor's site with code @code as people write it (3号楼, A座): its id, or 0 and 1. */
static int building_by_code(ctx *x, const char *code, int64_t *out)
{
    fd_buf canon = FD_BUF_INIT;
    fd_status rc = fd_building_code_normalize(&canon, code);
    fd_building_filter f = FD_BUILDING_FILTER_INIT;
    fd_building_iter *it = NULL;
    const fd_building *b = NULL;
    if (rc == FD_OK) {
        f.match = FD_BUILDING_MATCH_CODE;
        f.code = canon.ptr;
        f.limit = 1;
        rc = fd_store_building_query(&it, x->store, &x->actor, &f);
    }
    if (rc == FD_OK)
        rc = fd_building_iter_next(&b, it);
    *out = b ? b->id : 0;
    fd_building_iter_free(it);
    fd_buf_dispose(&canon);
    if (rc)
        return lib_error(rc);
    if (*out == 0) {
        fprintf(stderr, "frontdesk: --building: no building '%s' at the site\n", code);
        return 1;
    }
    return 0;
}

/* The unit of the actor's site numbered @number as typed: its id, or 1 with the library's message. */
int unit_by_number(ctx *x, const char *number, int64_t *out)
{
    fd_unit *u = NULL;
    fd_status rc = fd_store_unit_get_by_number(&u, x->store, &x->actor, number);
    *out = u ? u->id : 0;
    fd_unit_free(u);
    return rc ? lib_error(rc) : 0;
}

static int added(const cli *c, const char *what_zh, const char *what_en, const char *key, int64_t id)
{
    if (c->json)
        printf("{\"%s\":%lld}\n", key, (long long)id);
    else
        printf(zh(c) ? "已登记%s %lld\n" : "added %s %lld\n", zh(c) ? what_zh : what_en, (long long)id);
    return 0;
}

int cmd_building(cli *c, ctx *x)
{
    manage(x);
    fd_building b = FD_BUILDING_INIT;
    b.code = c->argv[2];
    b.name = c->argv[3];
    int64_t id = 0;
    fd_status rc = fd_store_building_add(&id, x->store, &x->actor, &b);
    return rc ? lib_error(rc) : added(c, "楼栋", "building", "building_id", id);
}

static void unit_row(const cli *c, const fd_unit *u)
{
    fd_buf area = FD_BUF_INIT;
    if (u->area_m2x100)
        fd_area_format(&area, u->area_m2x100);
    if (c->json) {
        printf("{\"id\":%lld,\"number\":", (long long)u->id);
        json_string(u->number);
        printf(",\"floor\":");
        json_string(u->floor);
        printf(",\"use\":\"%s\",\"area_m2x100\":%lld}", u->use, (long long)u->area_m2x100);
    } else {
        printf("%6lld  %-12s %-4s %-6s %s\n", (long long)u->id, u->number, u->floor, lbl(c, "use", u->use),
               area.size ? area.ptr : "-");
    }
    fd_buf_dispose(&area);
}

int cmd_unit(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "add") == 0) {
        manage(x);
        fd_unit u = FD_UNIT_INIT;
        fd_buf use = FD_BUF_INIT;
        int bad = code_arg(fd_property_code_parse, "--use", "use", opt(c, "--use"), &use, &u.use);
        if (!bad)
            bad = opt(c, "--building") ? building_by_code(x, opt(c, "--building"), &u.building_id)
                                       : usage_error("unit add NUMBER needs --building CODE");
        if (!bad && opt(c, "--area") && fd_area_parse(&u.area_m2x100, opt(c, "--area")) != FD_OK) {
            fprintf(stderr, "frontdesk: --area: %s\n", fd_error_last()->message);
            bad = 2;
        }
        u.number = c->argv[2];
        u.use = u.use ? u.use : "residential";
        int64_t id = 0;
        fd_status rc = bad ? FD_OK : fd_store_unit_add(&id, x->store, &x->actor, &u);
        fd_buf_dispose(&use);
        return bad ? bad : rc ? lib_error(rc) : added(c, "房屋", "unit", "unit_id", id);
    }
    /* unit find NUMBER | unit list [--building CODE] [--after NUMBER] [--limit N] */
    fd_unit_iter *it = NULL;
    fd_status rc = FD_OK;
    int bad = 0;
    if (strcmp(sub, "find") == 0) {
        fd_unit *u = NULL;
        if ((rc = fd_store_unit_get_by_number(&u, x->store, &x->actor, c->argv[2])) != FD_OK)
            return lib_error(rc);
        unit_row(c, u);
        if (c->json)
            putchar('\n');
        fd_unit_free(u);
        return 0;
    }
    int64_t building = 0, limit = 64;
    if (opt(c, "--building"))
        bad = building_by_code(x, opt(c, "--building"), &building);
    if (!bad && opt(c, "--limit") && (!parse_int(opt(c, "--limit"), &limit) || limit < 1 || limit > 64))
        bad = usage_error("--limit is 1..64");
    if (bad)
        return bad;
    const fd_unit *u = NULL;
    rc = fd_store_unit_list(&it, x->store, &x->actor, building, opt(c, "--after"), limit);
    int n = 0;
    if (rc == FD_OK && c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_unit_iter_next(&u, it)) == FD_OK && u) {
        if (c->json && n++)
            putchar(',');
        unit_row(c, u);
    }
    if (rc == FD_OK && c->json)
        puts("]");
    fd_unit_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

/* Prints a page of find hits (masked unless revealed). */
static int print_hits(const cli *c, fd_property_hits *hits)
{
    size_t n = fd_property_hits_count(hits);
    if (c->json)
        putchar('[');
    for (size_t i = 0; i < n; i++) {
        const fd_property_hit *h = fd_property_hits_get(hits, i);
        if (c->json) {
            printf("%s{\"kind\":\"%s\",\"match\":\"%s\",\"id\":%lld,\"name\":", i ? "," : "",
                   fd_property_kind_name(h->kind), fd_property_match_name(h->match), (long long)h->id);
            json_string(h->name);
            printf(",\"phone\":");
            json_string(h->phone);
            printf(",\"unit\":");
            json_string(h->unit);
            printf(",\"organisation\":");
            json_string(h->organisation);
            printf(",\"department\":");
            json_string(h->department);
            printf(",\"role\":");
            json_string(h->role);
            printf(",\"current\":%s}", h->current ? "true" : "false");
        } else {
            printf("%-12s %6lld  ", kind_label(c, h->kind), (long long)h->id);
            plain(h->name);
            printf("  %s  %s  ", *h->unit ? h->unit : "-", *h->phone ? h->phone : "-");
            plain(*h->organisation ? h->organisation : "");
            if (*h->department)
                printf(" "), plain(h->department);
            printf("%s%s", *h->role ? "  " : "", lbl(c, "role", h->role));
            if (!h->current)
                printf(zh(c) ? "  （已迁出）" : "  (former)");
            putchar('\n');
        }
    }
    if (c->json)
        printf("]%s", fd_property_hits_more(hits) ? "" : "\n");
    if (c->json && fd_property_hits_more(hits))
        puts("");
    else if (!c->json && fd_property_hits_more(hits))
        puts(zh(c) ? "（还有更多，请缩小查询）" : "(more: narrow the query)");
    return 0;
}

/* find QUERY over the kinds in @kinds (0: all). */
static int find(cli *c, ctx *x, const char *query, unsigned kinds)
{
    fd_property_find_options o = FD_PROPERTY_FIND_OPTIONS_INIT;
    o.kinds = kinds;
    o.include_former = flag(c, "--all");
    int bad = date_arg("--date", c->date, false, &o.on);
    if (!bad && opt(c, "--limit") && (!parse_int(opt(c, "--limit"), &o.limit) || o.limit < 1 || o.limit > 64))
        bad = usage_error("--limit is 1..64");
    if (bad)
        return bad;
    fd_property_hits *hits = NULL;
    fd_status rc = fd_store_property_find(&hits, x->store, &x->actor, query, &o);
    if (rc)
        return lib_error(rc);
    print_hits(c, hits);
    fd_property_hits_free(hits);
    return 0;
}

int cmd_occupant(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "find") == 0)
        return find(c, x, c->argv[2], 1u << FD_PROPERTY_OCCUPANT);
    if (strcmp(sub, "move-out") == 0) {
        int64_t id = 0;
        fd_date d;
        int bad = id_arg(c->argv[2], "occupant move-out ID", &id);
        if (!bad)
            bad = date_arg("DATE", c->argv[3], true, &d);
        if (bad)
            return bad;
        fd_status rc = fd_store_occupant_move_out(x->store, &x->actor, id, d);
        if (rc)
            return lib_error(rc);
        if (c->json)
            printf("{\"occupant_id\":%lld,\"move_out\":\"%04d-%02d-%02d\"}\n", (long long)id, d.year, d.month, d.day);
        else
            printf(zh(c) ? "住户 %lld 于 %04d-%02d-%02d 迁出\n" : "occupant %lld moved out on %04d-%02d-%02d\n",
                   (long long)id, d.year, d.month, d.day);
        return 0;
    }
    fd_occupant o = FD_OCCUPANT_INIT;
    fd_buf role = FD_BUF_INIT;
    int bad = code_arg(fd_property_code_parse, "--role", "role", c->role, &role, &o.role);
    if (!bad)
        bad = date_arg("--move-in", opt(c, "--move-in"), true, &o.move_in);
    if (!bad)
        bad = unit_by_number(x, c->argv[2], &o.unit_id);
    o.name = c->argv[3];
    o.role = o.role ? o.role : "owner";
    o.phone = opt(c, "--number");
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_occupant_add(&id, x->store, &x->actor, &o);
    fd_buf_dispose(&role);
    return bad ? bad : rc ? lib_error(rc) : added(c, "住户", "occupant", "occupant_id", id);
}

int cmd_org(cli *c, ctx *x)
{
    if (strcmp(c->argv[1], "find") == 0)
        return find(c, x, c->argv[2], 1u << FD_PROPERTY_ORGANISATION | 1u << FD_PROPERTY_DEPARTMENT);
    fd_organisation o = FD_ORGANISATION_INIT;
    int bad = opt(c, "--unit") ? unit_by_number(x, opt(c, "--unit"), &o.unit_id) : 0;
    if (!bad)
        bad = date_arg("--move-in", opt(c, "--move-in"), false, &o.move_in);
    if (bad)
        return bad;
    o.name = c->argv[2];
    o.phone = opt(c, "--number");
    int64_t id = 0;
    fd_status rc = fd_store_organisation_add(&id, x->store, &x->actor, &o);
    return rc ? lib_error(rc) : added(c, "单位", "organisation", "organisation_id", id);
}

/* dept add ORG NAME [--unit UNIT]: a department of organisation ORG (its id), a host of visits (R-VIS-1). */
int cmd_dept(cli *c, ctx *x)
{
    fd_department d = FD_DEPARTMENT_INIT;
    int bad = id_arg(c->argv[2], "dept add ORG: ORG (the organisation's id)", &d.organisation_id);
    if (!bad && opt(c, "--unit"))
        bad = unit_by_number(x, opt(c, "--unit"), &d.unit_id);
    if (bad)
        return bad;
    d.name = c->argv[3];
    int64_t id = 0;
    fd_status rc = fd_store_department_add(&id, x->store, &x->actor, &d);
    return rc ? lib_error(rc) : added(c, "部门", "department", "department_id", id);
}

/* employee add ORG NAME [--dept ID] [--title T] [--number N]: an employee of organisation ORG (R-VIS-1). */
int cmd_employee(cli *c, ctx *x)
{
    fd_employee e = FD_EMPLOYEE_INIT;
    int bad = id_arg(c->argv[2], "employee add ORG: ORG (the organisation's id)", &e.organisation_id);
    if (!bad && opt(c, "--dept"))
        bad = id_arg(opt(c, "--dept"), "--dept (the department's id)", &e.department_id);
    if (bad)
        return bad;
    e.name = c->argv[3];
    e.title = opt(c, "--title");
    e.phone = opt(c, "--number");
    int64_t id = 0;
    fd_status rc = fd_store_employee_add(&id, x->store, &x->actor, &e);
    return rc ? lib_error(rc) : added(c, "员工", "employee", "employee_id", id);
}

int cmd_find(cli *c, ctx *x)
{
    return find(c, x, c->argv[1], 0);
}

int cmd_resident(cli *c, ctx *x)
{
    fd_date on = { 0, 0, 0 };
    int bad = date_arg("--date", c->date, false, &on);
    if (bad)
        return bad;
    fd_resident_check r = { FD_RESIDENT_CHECK_VERSION, 0, 0, 0, "", "", "" };
    fd_status rc = on.year ? FD_OK : fd_store_site_date(&on, x->store, x->site->id, x->actor.at);
    if (rc == FD_OK)
        rc = fd_store_resident_check(&r, x->store, &x->actor, c->argv[1], on);
    if (rc)
        return lib_error(rc);
    if (c->json) {
        printf("{\"answer\":\"%s\",\"matches\":%lld,\"unit\":", fd_resident_answer_name(r.answer),
               (long long)r.matches);
        json_string(r.unit);
        printf(",\"role\":\"%s\",\"basis\":\"%s\"}\n", r.role, r.basis);
    } else if (r.answer == FD_RESIDENT_NO) {
        puts(zh(c) ? "不是本物业住户" : "not a resident here");
    } else {
        const char *basis = !zh(c) ? r.basis : strcmp(r.basis, "phone") == 0 ? "电话" : strcmp(r.basis, "name") == 0
                                                                                     ? "姓名" : "拼音";
        printf(zh(c) ? "%s：%s %s（按%s匹配）\n" : "%s: %s, %s (matched on %s)\n",
               r.answer == FD_RESIDENT_YES ? (zh(c) ? "是本物业住户" : "a resident")
                                           : (zh(c) ? "可能是住户，请核实" : "possibly a resident: confirm"),
               r.unit, lbl(c, "role", r.role), basis);
    }
    return 0;
}
