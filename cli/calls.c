/*
 * frontdesk call|message|dir|guest: the calls module's commands (issue 11).
 *
 * Codes are taken as the library's codes or their Chinese labels
 * ("--category 报修" or "--category repair", fd_call_code_parse) and shown as
 * labels in Chinese output, codes in English and JSON. Times are the site's
 * local time ('YYYY-MM-DD HH:MM[:SS]') or @UTC_SECONDS, like --at.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A code list's label in Chinese output, the code itself in English (and for unknown codes). */
static const char *lbl(const cli *c, const char *field, const char *code)
{
    if (code == NULL || *code == '\0')
        return "-";
    const char *l = strcmp(c->lang, "zh") == 0 ? fd_call_code_label(field, code) : NULL;
    return l ? l : code;
}

/* Parses option @name of list @field into @buf when given; *out points at the code (or stays NULL). */
static int code_opt(const cli *c, const char *name, const char *field, fd_buf *buf, const char **out)
{
    return code_arg(fd_call_code_parse, name, field, opt(c, name), buf, out);
}

/* The directory entry with extension @ext at the actor's site: its id, or 0 with a message (status 1). */
static int entry_by_ext(ctx *x, const char *ext, int64_t *out)
{
    fd_buf norm = FD_BUF_INIT;
    fd_dir_entry_filter f = FD_DIR_ENTRY_FILTER_INIT;
    f.match = FD_DIR_ENTRY_MATCH_EXTENSION;
    f.extension = ascii_form(&norm, ext);
    f.limit = 1;
    fd_dir_entry_iter *it = NULL;
    const fd_dir_entry *e = NULL;
    fd_status rc = fd_store_dir_entry_query(&it, x->store, &x->actor, &f);
    if (rc == FD_OK)
        rc = fd_dir_entry_iter_next(&e, it);
    *out = e ? e->id : 0;
    fd_dir_entry_iter_free(it);
    fd_buf_dispose(&norm);
    if (rc)
        return lib_error(rc);
    if (*out == 0) {
        fprintf(stderr, "frontdesk: no directory entry with extension '%s' (see frontdesk dir find)\n", ext);
        return 1;
    }
    return 0;
}

/* --- call ------------------------------------------------------------------ */

static void call_json(ctx *x, const fd_call *k)
{
    printf("{\"id\":%lld,\"direction\":\"%s\",\"caller_number\":", (long long)k->id, k->direction);
    json_string(k->caller_number);
    printf(",\"caller_name\":");
    json_string(k->caller_name);
    printf(",\"callee\":");
    json_string(k->callee);
    printf(",\"callee_entry\":%lld,\"ring_at\":\"%s\"", (long long)k->callee_entry, local(x, k->ring_at));
    printf(",\"answer_at\":");
    if (k->answer_at)
        printf("\"%s\"", local(x, k->answer_at));
    else
        printf("null");
    printf(",\"end_at\":");
    if (k->end_at)
        printf("\"%s\"", local(x, k->end_at));
    else
        printf("null");
    printf(",\"disposition\":\"%s\",\"category\":\"%s\",\"channel\":\"%s\",\"matter\":", k->disposition, k->category,
           k->channel);
    json_string(k->matter);
    printf(",\"read_back\":%s,\"rings\":%lld,\"late\":%s,\"apology\":\"%s\",\"over_limit\":%s,\"unresolved\":%s,"
           "\"staff_id\":%lld,\"source\":",
           k->read_back ? "true" : "false", (long long)k->rings, k->late ? "true" : "false", k->apology,
           k->over_limit ? "true" : "false", k->unresolved ? "true" : "false", (long long)k->staff_id);
    json_string(k->source);
    printf(",\"transfers\":");
    json_string(k->transfers);
    putchar('}');
}

static void call_line(const cli *c, ctx *x, const fd_call *k)
{
    printf("%6lld  %s  %-4s %-13s ", (long long)k->id, local(x, k->ring_at), lbl(c, "direction", k->direction),
           *k->caller_number ? k->caller_number : "-");
    plain(*k->caller_name ? k->caller_name : "-");
    printf("  %s  %s", lbl(c, "category", k->category), lbl(c, "disposition", k->disposition));
    if (k->answer_at)
        printf(strcmp(c->lang, "zh") == 0 ? "  %lld声%s" : "  %lld ring%s", (long long)k->rings,
               strcmp(c->lang, "zh") == 0 ? "" : plural(k->rings));
    if (k->late)
        printf(strcmp(c->lang, "zh") == 0 ? " 超时(%s)" : " LATE (apology %s)",
               *k->apology ? lbl(c, "apology", k->apology) : (strcmp(c->lang, "zh") == 0 ? "未记录" : "not recorded"));
    if (k->over_limit)
        printf(strcmp(c->lang, "zh") == 0 ? " 私人电话超时" : " private call over the limit");
    if (*k->matter) {
        printf("  ");
        plain(k->matter);
    }
    putchar('\n');
}

/* The tasks a call created (R-CALL-8, R-CALL-9). */
static int call_tasks_of(const cli *c, ctx *x, int64_t call_id, int *n)
{
    fd_call_task_filter f = FD_CALL_TASK_FILTER_INIT;
    f.match = FD_CALL_TASK_MATCH_CALL_ID;
    f.call_id = call_id;
    fd_call_task_iter *it = NULL;
    const fd_call_task *t = NULL;
    fd_status rc = fd_store_call_task_query(&it, x->store, &x->actor, &f);
    while (rc == FD_OK && (rc = fd_call_task_iter_next(&t, it)) == FD_OK && t) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"kind\":\"%s\",\"due_at\":\"%s\",\"state\":\"%s\",\"provisional\":%s}",
                   (*n)++ ? "," : "", (long long)t->id, t->kind, local(x, t->due_at), t->state,
                   t->provisional ? "true" : "false");
        } else {
            printf(strcmp(c->lang, "zh") == 0 ? "  %s任务 %lld：%s前完成（%s）%s\n" : "  %s task %lld: due %s (%s)%s\n",
                   lbl(c, "task_kind", t->kind), (long long)t->id, local(x, t->due_at), lbl(c, "task_state", t->state),
                   t->provisional ? (strcmp(c->lang, "zh") == 0 ? " 暂定" : " provisional") : "");
        }
    }
    fd_call_task_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int call_log(cli *c, ctx *x)
{
    fd_call k = FD_CALL_INIT;
    fd_buf b[6] = { FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT, FD_BUF_INIT };
    int bad = code_opt(c, "--direction", "direction", &b[0], &k.direction);
    if (!bad)
        bad = code_opt(c, "--disposition", "disposition", &b[1], &k.disposition);
    if (!bad)
        bad = code_opt(c, "--category", "category", &b[2], &k.category);
    if (!bad)
        bad = code_opt(c, "--channel", "channel", &b[3], &k.channel);
    if (!bad)
        bad = code_opt(c, "--apology", "apology", &b[4], &k.apology);
    if (!bad)
        bad = code_opt(c, "--caller-type", "caller_type", &b[5], &k.caller_type);
    k.ring_at = x->actor.at;
    if (!bad)
        bad = time_opt(c, x, "--ring", &k.ring_at);
    if (!bad)
        bad = time_opt(c, x, "--answer", &k.answer_at);
    if (!bad)
        bad = time_opt(c, x, "--end", &k.end_at);
    if (!bad && opt(c, "--ext"))
        bad = entry_by_ext(x, opt(c, "--ext"), &k.callee_entry);
    if (!bad) {
        if (k.direction == NULL)
            k.direction = "in";
        if (k.disposition == NULL)
            k.disposition = k.answer_at ? "answered" : "no_answer";
        k.caller_number = opt(c, "--number");
        k.caller_name = opt(c, "--caller");
        k.callee = opt(c, "--callee");
        k.line = opt(c, "--line");
        k.matter = opt(c, "--matter");
        k.read_back = flag(c, "--read-back");
        k.unresolved = flag(c, "--unresolved");
    }
    int64_t id = 0;
    fd_call *saved = NULL;
    fd_status rc = FD_OK;
    if (!bad && (rc = fd_store_call_add(&id, x->store, &x->actor, &k)) == FD_OK)
        rc = fd_store_call_get(&saved, x->store, &x->actor, id);
    for (size_t i = 0; i < 6; i++)
        fd_buf_dispose(&b[i]);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    int n = 0;
    if (c->json) {
        printf("{\"call\":");
        call_json(x, saved);
        printf(",\"tasks\":[");
    } else {
        printf(strcmp(c->lang, "zh") == 0 ? "已登记来电 %lld\n" : "logged call %lld\n", (long long)id);
        call_line(c, x, saved);
    }
    bad = call_tasks_of(c, x, id, &n);
    if (c->json)
        puts("]}");
    fd_call_free(saved);
    return bad;
}

static int call_list(cli *c, ctx *x)
{
    fd_call_filter f = FD_CALL_FILTER_INIT;
    fd_buf b[2] = { FD_BUF_INIT, FD_BUF_INIT };
    fd_phone ph;
    int bad = code_opt(c, "--category", "category", &b[0], &f.category);
    if (!bad)
        bad = code_opt(c, "--disposition", "disposition", &b[1], &f.disposition);
    if (!bad && c->date) {
        bad = day_range(c, x, &f.ring_at_from, &f.ring_at_to);
        f.match |= FD_CALL_MATCH_RING_AT_FROM | FD_CALL_MATCH_RING_AT_TO;
    }
    if (f.category)
        f.match |= FD_CALL_MATCH_CATEGORY;
    if (f.disposition)
        f.match |= FD_CALL_MATCH_DISPOSITION;
    if (flag(c, "--late")) {
        f.match |= FD_CALL_MATCH_LATE;
        f.late = 1;
    }
    if (!bad && opt(c, "--number")) {
        /* matched on the normalised number (needs the reveal grant: R-COM-2) */
        if (fd_phone_parse(&ph, opt(c, "--number")) != FD_OK) {
            fprintf(stderr, "frontdesk: --number: %s\n", fd_error_last()->message);
            bad = 2;
        } else {
            f.match |= FD_CALL_MATCH_CALLER_NUMBER;
            f.caller_number = ph.national;
        }
    }
    fd_call_iter *it = NULL;
    const fd_call *k = NULL;
    fd_status rc = bad ? FD_OK : fd_store_call_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (!bad && rc == FD_OK && c->json)
        putchar('[');
    while (!bad && rc == FD_OK && (rc = fd_call_iter_next(&k, it)) == FD_OK && k) {
        if (c->json) {
            if (n++)
                putchar(',');
            call_json(x, k);
        } else {
            call_line(c, x, k);
        }
    }
    if (!bad && c->json && rc == FD_OK)
        puts("]");
    fd_call_iter_free(it);
    fd_buf_dispose(&b[0]);
    fd_buf_dispose(&b[1]);
    return bad ? bad : rc ? lib_error(rc) : 0;
}

static int call_show(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = id_arg(c->argv[2], "call show ID", &id);
    if (bad)
        return bad;
    fd_call *k = NULL;
    fd_status rc = fd_store_call_get(&k, x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    int n = 0;
    if (c->json) {
        printf("{\"call\":");
        call_json(x, k);
        printf(",\"tasks\":[");
    } else {
        call_line(c, x, k);
        if (*k->callee)
            printf("  -> "), plain(k->callee), putchar('\n');
        if (*k->transfers)
            printf("  %s ", strcmp(c->lang, "zh") == 0 ? "转接" : "transfers"), plain(k->transfers), putchar('\n');
        if (k->legs)
            printf(strcmp(c->lang, "zh") == 0 ? "  话单 %lld 段%s，来源 %s\n" : "  %lld CDR leg%s from %s\n",
                   (long long)k->legs, strcmp(c->lang, "zh") == 0 ? "" : plural(k->legs), k->source);
    }
    bad = call_tasks_of(c, x, id, &n);
    if (c->json)
        printf("],\"messages\":[");
    fd_message_filter mf = FD_MESSAGE_FILTER_INIT;
    mf.match = FD_MESSAGE_MATCH_CALL_ID;
    mf.call_id = id;
    fd_message_iter *it = NULL;
    const fd_message *m = NULL;
    n = 0;
    rc = bad ? FD_OK : fd_store_message_query(&it, x->store, &x->actor, &mf);
    while (!bad && rc == FD_OK && (rc = fd_message_iter_next(&m, it)) == FD_OK && m) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"for\":", n++ ? "," : "", (long long)m->id);
            json_string(m->for_name);
            printf(",\"state\":\"%s\"}", m->state);
        } else {
            printf(strcmp(c->lang, "zh") == 0 ? "  留言 %lld 给 " : "  message %lld for ", (long long)m->id);
            plain(m->for_name);
            printf(" (%s)\n", lbl(c, "message_state", m->state));
        }
    }
    fd_message_iter_free(it);
    if (c->json && !bad)
        puts("]}");
    fd_call_free(k);
    return bad ? bad : rc ? lib_error(rc) : 0;
}

static int call_tasks(cli *c, ctx *x)
{
    fd_call_task_filter f = FD_CALL_TASK_FILTER_INIT;
    if (!flag(c, "--all")) {
        f.match = FD_CALL_TASK_MATCH_STATE;
        f.state = "open";
    }
    fd_call_task_iter *it = NULL;
    const fd_call_task *t = NULL;
    fd_status rc = fd_store_call_task_query(&it, x->store, &x->actor, &f);
    int n = 0;
    bool zh = strcmp(c->lang, "zh") == 0;
    if (rc == FD_OK && c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_call_task_iter_next(&t, it)) == FD_OK && t) {
        bool overdue = strcmp(t->state, "open") == 0 && t->due_at < x->actor.at;
        if (c->json) {
            printf("%s{\"id\":%lld,\"call_id\":%lld,\"kind\":\"%s\",\"number\":", n++ ? "," : "", (long long)t->id,
                   (long long)t->call_id, t->kind);
            json_string(t->number);
            printf(",\"due_at\":\"%s\",\"state\":\"%s\",\"overdue\":%s,\"provisional\":%s,\"outcome\":",
                   local(x, t->due_at), t->state, overdue ? "true" : "false", t->provisional ? "true" : "false");
            json_string(t->outcome);
            putchar('}');
        } else {
            printf("%6lld  %s  %s %s  ", (long long)t->id, lbl(c, "task_kind", t->kind), zh ? "截止" : "due",
                   local(x, t->due_at));
            printf("%s %lld  %s  %s%s\n", zh ? "来电" : "call", (long long)t->call_id, *t->number ? t->number : "-",
                   lbl(c, "task_state", t->state), overdue ? (zh ? " 已逾期" : " OVERDUE") : "");
        }
    }
    if (rc == FD_OK && c->json)
        puts("]");
    fd_call_task_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int call_done(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = id_arg(c->argv[2], "call done TASK", &id);
    if (bad)
        return bad;
    if (opt(c, "--outcome") == NULL)
        return usage_error("call done TASK needs --outcome TEXT (what was said)");
    fd_status rc = fd_store_call_task_done(x->store, &x->actor, id, opt(c, "--outcome"));
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"task_id\":%lld,\"state\":\"done\"}\n", (long long)id);
    else
        printf(strcmp(c->lang, "zh") == 0 ? "任务 %lld 已完成\n" : "task %lld done\n", (long long)id);
    return 0;
}

static int call_import(cli *c, ctx *x)
{
    fd_cdr_options o = { FD_CDR_OPTIONS_VERSION, opt(c, "--dialect"), opt(c, "--source"), c->tz,
                         opt(c, "--column-map") };
    if (o.dialect == NULL || o.source == NULL)
        return usage_error("call import-cdr FILE needs --dialect asterisk_csv|asterisk_custom|freeswitch_csv|generic "
                           "and --source NAME (the PBX)");
    fd_cdr_import_summary s = { FD_CDR_IMPORT_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0 };
    fd_buf rejects = FD_BUF_INIT;
    fd_status rc = fd_store_cdr_import_file(&s, &rejects, x->store, &x->actor, &o, c->argv[2]);
    if (rc) {
        fd_buf_dispose(&rejects);
        return lib_error(rc);
    }
    if (c->json) {
        printf("{\"lines\":%lld,\"imported\":%lld,\"already\":%lld,\"rejected\":%lld,\"calls_added\":%lld,"
               "\"calls_updated\":%lld,\"rejects\":",
               (long long)s.lines, (long long)s.imported, (long long)s.already, (long long)s.rejected,
               (long long)s.calls_added, (long long)s.calls_updated);
        json_string(rejects.size ? rejects.ptr : "");
        puts("}");
    } else {
        printf(strcmp(c->lang, "zh") == 0
                   ? "读取 %lld 行%s：导入 %lld，已有 %lld，拒绝 %lld；新增来电 %lld%s，更新 %lld\n"
                   : "read %lld line%s: %lld imported, %lld already there, %lld rejected; %lld call%s added, %lld "
                     "updated\n",
               (long long)s.lines, strcmp(c->lang, "zh") == 0 ? "" : plural(s.lines), (long long)s.imported,
               (long long)s.already, (long long)s.rejected, (long long)s.calls_added,
               strcmp(c->lang, "zh") == 0 ? "" : plural(s.calls_added), (long long)s.calls_updated);
        /* one refused line per row: "line N: reason" (the reason is the library's, escaped) */
        for (char *line = rejects.ptr; line && *line;) {
            char *eol = strchr(line, '\n');
            if (eol)
                *eol = '\0';
            plain(line);
            putchar('\n');
            line = eol ? eol + 1 : NULL;
        }
    }
    fd_buf_dispose(&rejects);
    /* The good lines are in; a script still learns that some were not (the reject list says which). */
    return s.rejected ? 1 : 0;
}

int cmd_call(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "log") == 0)
        return call_log(c, x);
    if (strcmp(sub, "list") == 0)
        return call_list(c, x);
    if (strcmp(sub, "show") == 0)
        return call_show(c, x);
    if (strcmp(sub, "tasks") == 0)
        return call_tasks(c, x);
    if (strcmp(sub, "done") == 0)
        return call_done(c, x);
    return call_import(c, x);
}

/* --- message ------------------------------------------------------------- */

static int message_take(cli *c, ctx *x)
{
    fd_message m = FD_MESSAGE_INIT;
    int bad = 0;
    fd_dir_entry *e = NULL;
    if (opt(c, "--ext") && (bad = entry_by_ext(x, opt(c, "--ext"), &m.for_entry)) != 0)
        return bad;
    fd_status rc = m.for_entry ? fd_store_dir_entry_get(&e, x->store, &x->actor, m.for_entry) : FD_OK;
    if (rc)
        return lib_error(rc);
    m.for_name = opt(c, "--for") ? opt(c, "--for") : e ? e->name : NULL;
    m.from_name = opt(c, "--from");
    m.from_number = opt(c, "--number");
    m.body = opt(c, "--body");
    m.confirmed = flag(c, "--confirmed");
    if (opt(c, "--call"))
        bad = id_arg(opt(c, "--call"), "--call", &m.call_id);
    int64_t id = 0;
    if (!bad)
        rc = fd_store_message_take(&id, x->store, &x->actor, &m);
    fd_dir_entry_free(e);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"message_id\":%lld,\"state\":\"taken\"}\n", (long long)id);
    else
        printf(strcmp(c->lang, "zh") == 0 ? "已记录留言 %lld\n" : "took message %lld\n", (long long)id);
    return 0;
}

static int message_change(cli *c, ctx *x, bool deliver)
{
    int64_t id = 0;
    int bad = id_arg(c->argv[2], "message ID", &id);
    if (bad)
        return bad;
    fd_buf how = FD_BUF_INIT;
    const char *h = NULL;
    if (deliver && opt(c, "--how") == NULL)
        return usage_error("message deliver ID needs --how in_person|phone|sms|wechat|email|note");
    if (deliver && (bad = code_opt(c, "--how", "delivered_how", &how, &h)) != 0)
        return bad;
    fd_status rc = deliver ? fd_store_message_deliver(x->store, &x->actor, id, h, opt(c, "--note"))
                           : fd_store_message_expire(x->store, &x->actor, id, opt(c, "--note"));
    fd_buf_dispose(&how);
    if (rc)
        return lib_error(rc);
    const char *state = deliver ? "delivered" : "expired";
    if (c->json)
        printf("{\"message_id\":%lld,\"state\":\"%s\"}\n", (long long)id, state);
    else
        printf(strcmp(c->lang, "zh") == 0 ? "留言 %lld %s\n" : "message %lld %s\n", (long long)id,
               lbl(c, "message_state", state));
    return 0;
}

static int message_list(cli *c, ctx *x)
{
    fd_message_filter f = FD_MESSAGE_FILTER_INIT;
    fd_buf st = FD_BUF_INIT;
    const char *state = NULL;
    int bad = code_opt(c, "--state", "message_state", &st, &state);
    if (bad)
        return bad;
    if (state == NULL && !flag(c, "--all"))
        state = "taken";
    if (state) {
        f.match = FD_MESSAGE_MATCH_STATE;
        f.state = state;
    }
    fd_policy *p = NULL;
    fd_message_iter *it = NULL;
    const fd_message *m = NULL;
    fd_status rc = fd_store_policy_load(&p, x->store, x->site->id);
    if (rc == FD_OK)
        rc = fd_store_message_query(&it, x->store, &x->actor, &f);
    int n = 0;
    bool zh = strcmp(c->lang, "zh") == 0;
    if (rc == FD_OK && c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_message_iter_next(&m, it)) == FD_OK && m) {
        int overdue = 0;
        if ((rc = fd_message_overdue(&overdue, m, x->actor.at, p)) != FD_OK)
            break;
        if (c->json) {
            printf("%s{\"id\":%lld,\"taken_at\":\"%s\",\"for\":", n++ ? "," : "", (long long)m->id,
                   local(x, m->taken_at));
            json_string(m->for_name);
            printf(",\"from\":");
            json_string(m->from_name);
            printf(",\"number\":");
            json_string(m->from_number);
            printf(",\"body\":");
            json_string(m->body);
            printf(",\"state\":\"%s\",\"overdue\":%s}", m->state, overdue ? "true" : "false");
        } else {
            printf("%6lld  %s  %s ", (long long)m->id, local(x, m->taken_at), zh ? "给" : "for");
            plain(m->for_name);
            printf("  %s ", zh ? "来自" : "from");
            plain(m->from_name);
            printf(" %s  %s%s  ", *m->from_number ? m->from_number : "-", lbl(c, "message_state", m->state),
                   overdue ? (zh ? " 已超时" : " OVERDUE") : "");
            plain(m->body);
            putchar('\n');
        }
    }
    if (rc == FD_OK && c->json)
        puts("]");
    fd_message_iter_free(it);
    fd_policy_free(p);
    fd_buf_dispose(&st);
    return rc ? lib_error(rc) : 0;
}

int cmd_message(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "take") == 0)
        return message_take(c, x);
    if (strcmp(sub, "list") == 0)
        return message_list(c, x);
    return message_change(c, x, strcmp(sub, "deliver") == 0);
}

/* --- dir ---------------------------------------------------------------- */

static int dir_add(cli *c, ctx *x)
{
    manage(x);
    fd_dir_entry e = FD_DIR_ENTRY_INIT;
    fd_buf kind = FD_BUF_INIT;
    int bad = code_opt(c, "--kind", "entry_kind", &kind, &e.kind);
    if (!bad && opt(c, "--manager"))
        bad = entry_by_ext(x, opt(c, "--manager"), &e.manager_entry);
    if (!bad && opt(c, "--purchasing"))
        bad = entry_by_ext(x, opt(c, "--purchasing"), &e.purchasing_entry);
    e.kind = e.kind ? e.kind : "person";
    e.name = c->argv[2];
    e.department = opt(c, "--dept");
    e.title = opt(c, "--title");
    fd_buf ext = FD_BUF_INIT;
    e.extension = ascii_form(&ext, opt(c, "--ext"));
    e.number = opt(c, "--number");
    e.confidential = flag(c, "--confidential");
    e.screen = flag(c, "--screen") ? "screen" : NULL;
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_dir_add(&id, x->store, &x->actor, &e);
    fd_buf_dispose(&kind);
    fd_buf_dispose(&ext);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"entry_id\":%lld}\n", (long long)id);
    else
        printf(strcmp(c->lang, "zh") == 0 ? "已加入通讯录 %lld\n" : "added directory entry %lld\n", (long long)id);
    return 0;
}

static int dir_find(cli *c, ctx *x)
{
    int64_t limit = 20;
    if (opt(c, "--limit") && (!parse_int(opt(c, "--limit"), &limit) || limit < 1 || limit > 64))
        return usage_error("--limit is 1..64");
    fd_buf ct = FD_BUF_INIT;
    const char *caller_type = NULL;
    int bad = code_opt(c, "--caller-type", "caller_type", &ct, &caller_type);
    if (bad)
        return bad;
    fd_dir_entry_iter *it = NULL;
    const fd_dir_entry *e = NULL;
    fd_status rc = fd_store_dir_find(&it, x->store, &x->actor, c->argv[2], limit);
    int n = 0;
    bool zh = strcmp(c->lang, "zh") == 0;
    if (rc == FD_OK && c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_dir_entry_iter_next(&e, it)) == FD_OK && e) {
        fd_screen_decision d = { FD_SCREEN_DECISION_VERSION, 0, 0, NULL, NULL };
        if ((rc = fd_dir_screen(&d, e, caller_type, x->actor.at)) != FD_OK)
            break;
        static const char *const actions[] = { "transfer", "route", "confirm", "decline", "message" };
        if (c->json) {
            printf("%s{\"id\":%lld,\"kind\":\"%s\",\"name\":", n++ ? "," : "", (long long)e->id, e->kind);
            json_string(e->name);
            printf(",\"department\":");
            json_string(e->department);
            printf(",\"title\":");
            json_string(e->title);
            printf(",\"extension\":\"%s\",\"number\":", e->extension);
            json_string(e->number);
            bool lapsed = e->presence_until && e->presence_until <= x->actor.at;
            printf(",\"confidential\":%s,\"presence\":\"%s\",\"action\":\"%s\",\"route_entry\":%lld,\"script\":",
                   e->confidential ? "true" : "false", lapsed ? "in" : e->presence, actions[d.action],
                   (long long)d.route_entry);
            json_string(d.script);
            printf(",\"rule\":\"%s\"}", d.rule);
        } else {
            printf("%6lld  ", (long long)e->id);
            plain(e->name);
            printf("  ");
            plain(*e->department ? e->department : "-");
            /* a presence whose time has passed no longer holds (R-CALL-6) */
            bool lapsed = e->presence_until && e->presence_until <= x->actor.at;
            printf("  %s  %s %s  %s%s\n", *e->extension ? e->extension : "-", *e->number ? e->number : "-",
                   lbl(c, "presence", lapsed ? "in" : e->presence), e->confidential ? (zh ? "保密 " : "confidential ")
                   : "", actions[d.action]);
            printf("        %s (%s)\n", d.script, d.rule);
        }
    }
    if (rc == FD_OK && c->json)
        puts("]");
    fd_dir_entry_iter_free(it);
    fd_buf_dispose(&ct);
    return rc ? lib_error(rc) : 0;
}

static int dir_presence(cli *c, ctx *x)
{
    int64_t id = 0, until = 0;
    int bad = entry_by_ext(x, c->argv[2], &id);
    if (bad)
        return bad;
    fd_buf p = FD_BUF_INIT;
    const char *presence = NULL;
    if (fd_call_code_parse(&p, "presence", c->argv[3]) != FD_OK) {
        fprintf(stderr, "frontdesk: presence: %s\n", fd_error_last()->message);
        return 2;
    }
    presence = p.ptr;
    bad = time_opt(c, x, "--until", &until);
    fd_status rc = bad ? FD_OK : fd_store_dir_presence_set(x->store, &x->actor, id, presence, until);
    if (!bad && rc == FD_OK) {
        if (c->json)
            printf("{\"entry_id\":%lld,\"presence\":\"%s\"}\n", (long long)id, presence);
        else
            printf("%s: %s\n", c->argv[2], lbl(c, "presence", presence));
    }
    fd_buf_dispose(&p);
    return bad ? bad : rc ? lib_error(rc) : 0;
}

int cmd_dir(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "add") == 0)
        return dir_add(c, x);
    if (strcmp(sub, "find") == 0)
        return dir_find(c, x);
    return dir_presence(c, x);
}

/* --- guest --------------------------------------------------------------- */

static int date_opt(const char *name, const char *v, fd_date *out)
{
    if (v == NULL) {
        fprintf(stderr, "frontdesk: guest add needs %s YYYY-MM-DD\n", name);
        return 2;
    }
    return parse_date(name, v, out);
}

static int guest_add(cli *c, ctx *x)
{
    fd_guest g = FD_GUEST_INIT;
    fd_buf room = FD_BUF_INIT;
    g.name = c->argv[2];
    g.room = ascii_form(&room, opt(c, "--room"));
    g.incognito = flag(c, "--incognito");
    int bad = date_opt("--arrival", opt(c, "--arrival"), &g.arrival);
    if (!bad)
        bad = date_opt("--departure", opt(c, "--departure"), &g.departure);
    if (bad) {
        fd_buf_dispose(&room);
        return bad;
    }
    int64_t id = 0;
    fd_status rc = fd_store_guest_add(&id, x->store, &x->actor, &g);
    fd_buf_dispose(&room);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"guest_id\":%lld}\n", (long long)id);
    else
        printf(strcmp(c->lang, "zh") == 0 ? "已登记住客 %lld\n" : "registered guest %lld\n", (long long)id);
    return 0;
}

static int guest_find(cli *c, ctx *x)
{
    const char *name = c->argc > 2 ? c->argv[2] : NULL;
    int answer = FD_GUEST_NONE;
    fd_guest *g = NULL;
    fd_status rc = fd_store_guest_lookup(&answer, &g, x->store, &x->actor, name, opt(c, "--room"));
    if (rc)
        return lib_error(rc);
    bool zh = strcmp(c->lang, "zh") == 0;
    if (c->json) {
        printf("{\"answer\":\"%s\",\"guest\":", fd_guest_answer_name(answer));
        if (g) {
            printf("{\"id\":%lld,\"name\":", (long long)g->id);
            json_string(g->name);
            printf(",\"room\":\"%s\",\"arrival\":\"%04d-%02d-%02d\",\"departure\":\"%04d-%02d-%02d\","
                   "\"checked_out_at\":",
                   g->room, g->arrival.year, g->arrival.month, g->arrival.day, g->departure.year, g->departure.month,
                   g->departure.day);
            if (g->checked_out_at)
                printf("\"%s\"", local(x, g->checked_out_at));
            else
                printf("null");
            printf(",\"incognito\":%s}", g->incognito ? "true" : "false");
        } else {
            printf("null");
        }
        puts("}");
    } else if (answer == FD_GUEST_IN_HOUSE) {
        if (g->incognito) /* seen only by a revealing actor: the guest asked not to be found */
            puts(zh ? "注意：该住客要求保密，转接前请征得同意" : "note: this guest asked for privacy; ask before putting a call through");
        printf(zh ? "在住：%s 房间，可转接（无人接听或占线时请留言）\n" : "in house: room %s, transfer (offer a message if "
                                                                  "no answer or busy)\n", g->room);
    } else if (answer == FD_GUEST_CHECKED_OUT) {
        printf(zh ? "已于 %s 退房\n" : "checked out at %s\n", local(x, g->checked_out_at));
    } else if (answer == FD_GUEST_NOT_ARRIVED) {
        printf(zh ? "尚未入住（预计 %04d-%02d-%02d 到店）\n" : "not yet arrived (due %04d-%02d-%02d)\n", g->arrival.year,
               g->arrival.month, g->arrival.day);
    } else {
        puts(zh ? "查无此客人" : "no such guest");
    }
    fd_guest_free(g);
    return 0;
}

static int guest_checkout(cli *c, ctx *x)
{
    int64_t id = 0;
    int bad = id_arg(c->argv[2], "guest checkout ID", &id);
    if (bad)
        return bad;
    fd_status rc = fd_store_guest_checkout(x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"guest_id\":%lld,\"checked_out_at\":\"%s\"}\n", (long long)id, local(x, x->actor.at));
    else
        printf(strcmp(c->lang, "zh") == 0 ? "住客 %lld 已退房\n" : "guest %lld checked out\n", (long long)id);
    return 0;
}

int cmd_guest(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "add") == 0)
        return guest_add(c, x);
    if (strcmp(sub, "find") == 0)
        return guest_find(c, x);
    return guest_checkout(c, x);
}
