/*
 * frontdesk: the command-line face of libfrontdesk.
 *
 *   frontdesk [--db PATH] [--json] COMMAND ...
 *
 * Exit status: 0 success, 1 the library refused (one line on stderr naming
 * the status and the field), 2 a usage error.
 */
#include <frontdesk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "usage: frontdesk [--db PATH] [--json] COMMAND [ARGS]\n"
    "\n"
    "  init PATH --name NAME [--code CODE] [--tz ZONE]   create a site database with one site\n"
    "  staff add CODE NAME [--role ROLE]                 add a member of staff\n"
    "  journal add ENTITY ACTION [--staff CODE] [--id N] [--detail TEXT] [--at UTC_SECONDS]\n"
    "  journal list [--entity E]                        list journal entries\n"
    "  policy list                                       every policy key with the site's value\n"
    "  policy get KEY | set KEY VALUE [--staff CODE] | reset KEY [--staff CODE]\n"
    "  report daily [--date YYYY-MM-DD]                  the day's report (default today, site time)\n"
    "  version                                           the library version\n"
    "\n"
    "  --db PATH   site database (default: $FRONTDESK_DB, else ./site.db)\n"
    "  --site CODE the site, when the database has several\n"
    "  --json      machine-readable output\n";

typedef struct cli {
    const char *db;
    const char *site_code;
    int json;
    int argc;
    char **argv; /* positional arguments, options removed */
    /* options that take a value, found anywhere after the command */
    const char *name, *code, *tz, *role, *staff, *detail, *date, *entity, *id, *at;
} cli;

static int usage_error(const char *msg)
{
    fprintf(stderr, "frontdesk: %s\n(see frontdesk --help)\n", msg);
    return 2;
}

/* Prints the library's last error on one line; returns 1. */
static int lib_error(fd_status rc)
{
    fprintf(stderr, "frontdesk: %s: %s\n", fd_status_name(rc), fd_error_last()->message);
    return 1;
}

static void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/* Splits options from positional arguments. Returns 0, or 2 on a bad option. */
static int parse(cli *c, int argc, char **argv)
{
    static const struct { const char *flag; size_t off; } opts[] = {
        { "--db", offsetof(cli, db) },       { "--site", offsetof(cli, site_code) },
        { "--name", offsetof(cli, name) },   { "--code", offsetof(cli, code) },
        { "--tz", offsetof(cli, tz) },       { "--role", offsetof(cli, role) },
        { "--staff", offsetof(cli, staff) }, { "--detail", offsetof(cli, detail) },
        { "--date", offsetof(cli, date) },   { "--entity", offsetof(cli, entity) },
        { "--id", offsetof(cli, id) },       { "--at", offsetof(cli, at) },
    };
    c->argv = calloc((size_t)argc + 1, sizeof *c->argv);
    if (c->argv == NULL)
        return usage_error("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            c->json = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || strcmp(a, "--help") == 0 || strcmp(a, "--version") == 0) {
            c->argv[c->argc++] = argv[i];
            continue;
        }
        size_t k = 0;
        while (k < sizeof opts / sizeof opts[0] && strcmp(opts[k].flag, a) != 0)
            k++;
        if (k == sizeof opts / sizeof opts[0]) {
            fprintf(stderr, "frontdesk: unknown option '%s'\n", a);
            return 2;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "frontdesk: option %s needs a value\n", a);
            return 2;
        }
        *(const char **)((char *)c + opts[k].off) = argv[++i];
    }
    if (c->db == NULL)
        c->db = getenv("FRONTDESK_DB");
    if (c->db == NULL || *c->db == '\0')
        c->db = "site.db";
    return 0;
}

/* Parses a decimal int64 that must fill the whole string. */
static int parse_int(const char *s, int64_t *out)
{
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (s[0] == '\0' || *end != '\0')
        return 0;
    *out = v;
    return 1;
}

static fd_status open_site(const cli *c, fd_store **store, fd_site *site, int create)
{
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.create = create;
    fd_status rc = fd_store_open(store, c->db, &o);
    if (rc == FD_OK)
        rc = c->site_code ? fd_store_get_site(site, *store, c->site_code) : fd_store_default_site(site, *store);
    return rc;
}

/* Staff id from --staff CODE (0 = the system). */
static fd_status staff_id(const cli *c, fd_store *s, const fd_site *site, int64_t *out)
{
    *out = 0;
    if (c->staff == NULL)
        return FD_OK;
    fd_staff st;
    fd_status rc = fd_store_get_staff(&st, s, site->id, c->staff);
    if (rc == FD_OK)
        *out = st.id;
    return rc;
}

static int cmd_init(cli *c)
{
    if (c->argc != 2)
        return usage_error("init takes one PATH");
    if (c->name == NULL)
        return usage_error("init needs --name NAME");
    fd_store *s = NULL;
    int64_t id = 0;
    fd_status rc = fd_store_open(&s, c->argv[1], NULL);
    if (rc == FD_OK)
        rc = fd_store_add_site(&id, s, c->code ? c->code : "main", c->name, c->tz);
    fd_store_close(s);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"path\":"), json_string(c->argv[1]), printf(",\"site_id\":%lld}\n", (long long)id);
    else
        printf("created %s with site %s (%s)\n", c->argv[1], c->code ? c->code : "main", c->name);
    return 0;
}

static int cmd_staff(cli *c, fd_store *s, const fd_site *site)
{
    if (c->argc != 4 || strcmp(c->argv[1], "add") != 0)
        return usage_error("usage: staff add CODE NAME [--role ROLE]");
    int64_t id = 0;
    fd_status rc = fd_store_add_staff(&id, s, site->id, c->argv[2], c->argv[3], c->role ? c->role : "clerk");
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"staff_id\":%lld}\n", (long long)id);
    else
        printf("added staff %s %s\n", c->argv[2], c->argv[3]);
    return 0;
}

static int journal_list(cli *c, fd_store *s, const fd_site *site)
{
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.site_id = site->id;
    if (c->entity) {
        if (strlen(c->entity) > FD_CODE_MAX)
            return usage_error("--entity is too long");
        strcpy(f.entity, c->entity);
    }
    fd_status rc = FD_OK;
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    int n = 0;
    if ((rc = fd_store_journal_query(&it, s, &f)) != FD_OK)
        return lib_error(rc);
    if (c->json)
        putchar('[');
    while ((rc = fd_journal_iter_next(&e, it)) == FD_OK && e) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"at\":%lld,\"staff_id\":%lld,\"entity\":", n ? "," : "", (long long)e->id,
                   (long long)e->at, (long long)e->staff_id);
            json_string(e->entity);
            printf(",\"entity_id\":%lld,\"action\":", (long long)e->entity_id);
            json_string(e->action);
            printf(",\"detail\":");
            json_string(e->detail);
            putchar('}');
        } else {
            printf("%6lld  %lld  %s.%s #%lld  %s\n", (long long)e->id, (long long)e->at, e->entity, e->action,
                   (long long)e->entity_id, e->detail);
        }
        n++;
    }
    if (c->json)
        puts("]");
    fd_journal_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int cmd_journal(cli *c, fd_store *s, const fd_site *site)
{
    if (c->argc == 2 && strcmp(c->argv[1], "list") == 0)
        return journal_list(c, s, site);
    if (c->argc != 4 || strcmp(c->argv[1], "add") != 0)
        return usage_error("usage: journal add ENTITY ACTION [...] | journal list [...]");
    int64_t who = 0, entity_id = 0, at = 0, id = 0;
    if (c->id && !parse_int(c->id, &entity_id))
        return usage_error("--id must be a whole number");
    if (c->at && !parse_int(c->at, &at))
        return usage_error("--at must be UTC seconds");
    fd_status rc = staff_id(c, s, site, &who);
    if (rc == FD_OK)
        rc = fd_store_journal_append(&id, s, at, site->id, who, c->argv[2], entity_id, c->argv[3], c->detail);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"journal_id\":%lld}\n", (long long)id);
    return 0;
}

static int cmd_policy(cli *c, fd_store *s, const fd_site *site)
{
    const char *sub = c->argc >= 2 ? c->argv[1] : "";
    fd_policy *p = NULL;
    fd_status rc = FD_OK;
    int64_t who = 0, v = 0;
    if (strcmp(sub, "list") == 0 && c->argc == 2) {
        if ((rc = fd_store_load_policy(&p, s, site->id)) != FD_OK)
            return lib_error(rc);
        if (c->json)
            putchar('[');
        for (size_t i = 0; i < fd_policy_key_count(); i++) {
            fd_policy_key_info k;
            int is_default = 1;
            fd_policy_key_at(&k, i);
            fd_policy_get(&v, p, k.key);
            fd_policy_is_default(&is_default, p, k.key);
            if (c->json) {
                printf("%s{\"key\":\"%s\",\"value\":%lld,\"default\":%lld,\"min\":%lld,\"max\":%lld,\"unit\":\"%s\","
                       "\"rule\":\"%s\",\"description\":",
                       i ? "," : "", k.key, (long long)v, (long long)k.default_value, (long long)k.min,
                       (long long)k.max, k.unit, k.rule);
                json_string(k.description);
                putchar('}');
            } else {
                printf("%-38s %6lld%s %-12s %-9s %s\n", k.key, (long long)v, is_default ? " " : "*", k.unit, k.rule,
                       k.description);
            }
        }
        if (c->json)
            puts("]");
        fd_policy_free(p);
        return 0;
    }
    if (strcmp(sub, "get") == 0 && c->argc == 3) {
        rc = fd_store_load_policy(&p, s, site->id);
        if (rc == FD_OK)
            rc = fd_policy_get(&v, p, c->argv[2]);
        fd_policy_free(p);
        if (rc)
            return lib_error(rc);
        if (c->json)
            printf("{\"key\":"), json_string(c->argv[2]), printf(",\"value\":%lld}\n", (long long)v);
        else
            printf("%lld\n", (long long)v);
        return 0;
    }
    if (strcmp(sub, "set") == 0 && c->argc == 4) {
        if (!parse_int(c->argv[3], &v))
            return usage_error("policy set: VALUE must be a whole number");
        rc = staff_id(c, s, site, &who);
        if (rc == FD_OK)
            rc = fd_store_set_policy(s, site->id, c->argv[2], v, who);
        return rc ? lib_error(rc) : 0;
    }
    if (strcmp(sub, "reset") == 0 && c->argc == 3) {
        rc = staff_id(c, s, site, &who);
        if (rc == FD_OK)
            rc = fd_store_reset_policy(s, site->id, c->argv[2], who);
        return rc ? lib_error(rc) : 0;
    }
    return usage_error("usage: policy list | get KEY | set KEY VALUE | reset KEY");
}

static int cmd_report(cli *c, fd_store *s, const fd_site *site)
{
    if (c->argc != 2 || strcmp(c->argv[1], "daily") != 0)
        return usage_error("usage: report daily [--date YYYY-MM-DD]");
    fd_date d;
    fd_status rc = c->date ? fd_date_parse(&d, c->date) : fd_store_site_date(&d, s, site->id, 0);
    fd_report *r = NULL;
    fd_buf out = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd_report_daily(&r, s, site->id, d);
    if (rc == FD_OK)
        rc = fd_report_render(&out, r, c->json ? FD_REPORT_JSON : FD_REPORT_TEXT);
    if (rc == FD_OK)
        fputs(out.ptr, stdout);
    fd_buf_dispose(&out);
    fd_report_free(r);
    return rc ? lib_error(rc) : 0;
}

int main(int argc, char **argv)
{
    cli c = { 0 };
    int status = parse(&c, argc, argv);
    if (status == 0 && c.argc == 0)
        status = usage_error("no command");
    if (status) {
        free(c.argv);
        return status;
    }
    const char *cmd = c.argv[0];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
    } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("frontdesk (libfrontdesk) %s\n", fd_version());
    } else if (strcmp(cmd, "init") == 0) {
        status = cmd_init(&c);
    } else if (strcmp(cmd, "staff") == 0 || strcmp(cmd, "journal") == 0 || strcmp(cmd, "policy") == 0 ||
               strcmp(cmd, "report") == 0) {
        fd_store *s = NULL;
        fd_site site;
        fd_status rc = open_site(&c, &s, &site, 0);
        if (rc)
            status = lib_error(rc);
        else if (cmd[0] == 's')
            status = cmd_staff(&c, s, &site);
        else if (cmd[0] == 'j')
            status = cmd_journal(&c, s, &site);
        else if (cmd[0] == 'p')
            status = cmd_policy(&c, s, &site);
        else
            status = cmd_report(&c, s, &site);
        fd_store_close(s);
    } else {
        fprintf(stderr, "frontdesk: unknown command '%s'\n(see frontdesk --help)\n", cmd);
        status = 2;
    }
    free(c.argv);
    return status;
}
