/*
 * frontdesk visit-plan / survey: the visit plans and owners' surveys of the plans
 * module (issue 15, item 7; R-PLN-4, R-PLN-5). The plans month report is
 * `report plans --month YYYY-MM` (cli/frontdesk.c, fd_report_plans_month_new).
 *
 *   visit-plan add             a plan (once, weekly, monthly, every N working days),
 *                              its appointments scheduled on the site's calendar
 *   visit-plan due             the planned visits due within --due (default 7d), or --late
 *   visit-plan record VISIT    the visit done: when, who went, what was said
 *   visit-plan reassign PLAN   --visitor STAFF: the plan and its visits not yet due
 *   visit-plan end PLAN        its visits not yet due are cancelled
 *   visit-plan question VISIT TEXT   a question not answered on the spot: a reply task
 *   visit-plan answer QUESTION TEXT  answered later; the reply task is done
 *   survey new|answer|show|due       owners' surveys and their results
 *
 * Codes are taken as codes or labels (fd_plan_code_parse: 每周 is weekly) and shown
 * as labels in Chinese output. Lists print --json or --csv (UTF-8 with a BOM:
 * the shared csv_* helpers; a survey's results as a report of their own, a
 * mean of no score a null cell).
 */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Positional argument @i ("visit-plan record VISIT") as an id, named in a usage error. */
static int pos_id(const cli *c, int i, const char *name, int64_t *out)
{
    char what[64];
    snprintf(what, sizeof what, "%s %s %s", c->argv[0], c->argv[1], name);
    return id_arg(c->argv[i], what, out);
}

/* --visitor STAFF_CODE: the member of staff's id; 0 when not given. */
static int visitor_opt(const cli *c, ctx *x, int64_t *out)
{
    const char *code = opt(c, "--visitor");
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

static int one_format(const cli *c)
{
    if (c->json && flag(c, "--csv")) {
        char msg[96];
        snprintf(msg, sizeof msg, "%s %s: --json and --csv: give one", c->argv[0], c->argv[1]);
        return usage_error(msg);
    }
    return 0;
}

/* A report rendered as CSV on stdout (with its BOM), then freed: 0, or the library's refusal (1). */
static int csv_print(fd_report *r, fd_status rc)
{
    fd_buf out = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd_report_render(&out, r, FD_REPORT_CSV);
    if (rc == FD_OK)
        fwrite(out.ptr, 1, out.size, stdout);
    fd_buf_dispose(&out);
    fd_report_free(r);
    return rc ? lib_error(rc) : 0;
}

/* A one-table report @key with columns @keys of @types (FD_REPORT_COLUMN_*), NULL-terminated. */
static fd_status table_new(fd_report **out, const char *key, const char *const *keys, const int *types)
{
    size_t s = 0, t = 0;
    fd_status rc = fd_report_new(out, key, key);
    if (rc == FD_OK) rc = fd_report_section_add(&s, *out, key, key);
    if (rc == FD_OK) rc = fd_report_table_add(&t, *out, s, "rows", "");
    for (size_t i = 0; rc == FD_OK && keys[i]; i++)
        rc = fd_report_column_add(*out, s, t, keys[i], keys[i], (fd_report_column_type)types[i]);
    return rc;
}

/* --- planned visits ------------------------------------------------------------------------------------- */

static const jfield VISIT_JSON[] = {
    JI(fd_planned_visit, id),      JI(fd_planned_visit, plan_id), JT(fd_planned_visit, due_at),
    JI(fd_planned_visit, assigned_to), JS(fd_planned_visit, state), JT(fd_planned_visit, done_at),
    JI(fd_planned_visit, done_by), JS(fd_planned_visit, said),    { NULL, 0, 0 },
};
static const csv_col VISIT_CSV[] = {
    { "id", 'i', offsetof(fd_planned_visit, id) },         { "plan_id", 'i', offsetof(fd_planned_visit, plan_id) },
    { "due_at", 't', offsetof(fd_planned_visit, due_at) }, { "assigned_to", 'i', offsetof(fd_planned_visit, assigned_to) },
    { "state", 's', offsetof(fd_planned_visit, state) },   { "done_at", 't', offsetof(fd_planned_visit, done_at) },
    { NULL, 0, 0 },
};

static void visit_line(const cli *c, ctx *x, const void *rec)
{
    const fd_planned_visit *v = rec;
    const char *state = zh(c) ? fd_plan_code_label("visit_state", v->state) : NULL;
    printf("#%-5lld %s  %s %lld  %s %lld  ", (long long)v->id, hm(x, v->due_at), zh(c) ? "计划" : "plan",
           (long long)v->plan_id, zh(c) ? "拜访人" : "visitor", (long long)v->assigned_to);
    text(state ? state : v->state);
    if (v->done_at) {
        printf("  %s %s  ", zh(c) ? "实际" : "done", hm(x, v->done_at));
        text(v->said);
    }
    putchar('\n');
}

/* Prints the rows of @it as JSON, CSV or lines, and frees it. */
static int visits_out(cli *c, ctx *x, fd_status rc, fd_planned_visit_iter *it)
{
    const fd_planned_visit *v = NULL;
    int n = 0;
    if (flag(c, "--csv")) {
        csv_out o;
        csv_open(&o, "plans.visits", VISIT_CSV);
        while (rc == FD_OK && (rc = fd_planned_visit_iter_next(&v, it)) == FD_OK && v)
            csv_row(&o, x, v);
        fd_planned_visit_iter_free(it);
        return csv_close(&o, rc);
    }
    list_open(c);
    while (rc == FD_OK && (rc = fd_planned_visit_iter_next(&v, it)) == FD_OK && v)
        row(c, x, v, VISIT_JSON, visit_line, &n);
    fd_planned_visit_iter_free(it);
    if (rc == FD_OK && !c->json && n == 0)
        puts(zh(c) ? "（无）" : "(none)");
    return list_close(c, rc);
}

/* The visits of plan @plan in appointment order. */
static int plan_visits(cli *c, ctx *x, int64_t plan)
{
    fd_planned_visit_filter f = FD_PLANNED_VISIT_FILTER_INIT;
    f.plan_id = plan;
    f.match = FD_PLANNED_VISIT_MATCH_PLAN_ID;
    fd_planned_visit_iter *it = NULL;
    fd_status rc = fd_store_planned_visit_query(&it, x->store, &x->actor, &f);
    return visits_out(c, x, rc, it);
}

/* add (--occupant ID | --org ID) --purpose TEXT --recurrence R [--interval N] --first TIME --visitor STAFF
 * [--until DATE]: the plan and its appointments of the next 90 days. */
static int plan_add(cli *c, ctx *x)
{
    fd_visit_plan p = FD_VISIT_PLAN_INIT;
    fd_buf b = FD_BUF_INIT;
    int bad = opt(c, "--recurrence") == NULL || opt(c, "--first") == NULL || opt(c, "--visitor") == NULL
                  ? usage_error("visit-plan add needs --occupant ID or --org ID, --purpose TEXT, --recurrence "
                                "(一次, 每周, 每月, 每N个工作日), --first TIME and --visitor STAFF")
                  : 0;
    if (!bad) bad = code_arg(fd_plan_code_parse, "--recurrence", "recurrence", opt(c, "--recurrence"), &b, &p.recurrence);
    if (!bad && opt(c, "--occupant")) bad = id_arg(opt(c, "--occupant"), "--occupant", &p.occupant_id);
    if (!bad && opt(c, "--org")) bad = id_arg(opt(c, "--org"), "--org", &p.organisation_id);
    p.interval = p.recurrence && strcmp(p.recurrence, "once") == 0 ? 0 : 1;
    if (!bad && opt(c, "--interval") && !parse_int(ascii_form(&x->buf, opt(c, "--interval")), &p.interval))
        bad = usage_error("--interval must be a whole number (weeks, months or working days)");
    if (!bad) bad = time_opt(c, x, "--first", &p.first_at);
    if (!bad && opt(c, "--until")) bad = parse_date("--until", opt(c, "--until"), &p.until_on);
    if (!bad) bad = visitor_opt(c, x, &p.assigned_to);
    p.purpose = opt(c, "--purpose");
    int64_t id = 0;
    fd_status rc = bad ? FD_OK : fd_store_visit_plan_add(&id, x->store, &x->actor, &p, 0);
    fd_buf_dispose(&b);
    if (bad)
        return bad;
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(zh(c) ? "已建拜访计划 %lld；已预约：\n" : "added visit plan %lld; appointments:\n", (long long)id);
    return plan_visits(c, x, id);
}

/* due [--due 7d | --late]: the planned visits due within the horizon, or past due. */
static int plan_due(cli *c, ctx *x)
{
    int64_t days = 7;
    int bad = one_format(c);
    const char *due = opt(c, "--due");
    if (!bad && due) {
        const char *d = ascii_form(&x->buf, due);
        char num[24] = "";
        size_t len = strlen(d);
        if (len > 0 && len < sizeof num)
            memcpy(num, d, len - (d[len - 1] == 'd'));
        if (!parse_int(num, &days) || days < 0 || days > 365)
            bad = usage_error("--due must be days: 7d or 7 (at most 365)");
    }
    fd_planned_visit_iter *it = NULL;
    bool late = flag(c, "--late");
    fd_status rc = bad ? FD_OK
                       : fd_store_visits_due(&it, x->store, &x->actor, late, late ? 0 : days * 86400, 0, 64);
    return bad ? bad : visits_out(c, x, rc, it);
}

/* record VISIT [--happened TIME] [--visitor STAFF] [--note SAID]. */
static int plan_record(cli *c, ctx *x)
{
    int64_t id = 0, at = 0, by = 0;
    int bad = pos_id(c, 2, "VISIT", &id);
    if (!bad) bad = time_opt(c, x, "--happened", &at);
    if (!bad) bad = visitor_opt(c, x, &by);
    if (bad)
        return bad;
    fd_status rc = fd_store_visit_record(x->store, &x->actor, id, at, by, opt(c, "--note"));
    if (rc)
        return lib_error(rc);
    fd_planned_visit *v = NULL;
    rc = fd_store_planned_visit_get(&v, x->store, &x->actor, id);
    int out = shown(c, x, rc, v, VISIT_JSON, visit_line);
    fd_planned_visit_free(v);
    return out;
}

/* reassign PLAN --visitor STAFF | end PLAN: then the plan's visits. */
static int plan_change(cli *c, ctx *x)
{
    int64_t id = 0, to = 0;
    bool reassign = strcmp(c->argv[1], "reassign") == 0;
    int bad = pos_id(c, 2, "PLAN", &id);
    if (!bad && reassign && opt(c, "--visitor") == NULL)
        bad = usage_error("visit-plan reassign PLAN needs --visitor STAFF");
    if (!bad) bad = visitor_opt(c, x, &to);
    if (bad)
        return bad;
    fd_status rc = reassign ? fd_store_visit_plan_reassign(x->store, &x->actor, id, to)
                            : fd_store_visit_plan_end(x->store, &x->actor, id);
    if (rc)
        return lib_error(rc);
    if (!c->json)
        printf(reassign ? (zh(c) ? "计划 %lld 已改派\n" : "plan %lld reassigned\n")
                        : (zh(c) ? "计划 %lld 已终止\n" : "plan %lld ended\n"),
               (long long)id);
    return plan_visits(c, x, id);
}

static const jfield QUESTION_JSON[] = {
    JI(fd_visit_question, id),          JI(fd_visit_question, planned_visit_id), JT(fd_visit_question, created_at),
    JS(fd_visit_question, question),    JI(fd_visit_question, callback_id),     JT(fd_visit_question, answered_at),
    JS(fd_visit_question, answer),      { NULL, 0, 0 },
};

static void question_line(const cli *c, ctx *x, const void *rec)
{
    const fd_visit_question *q = rec;
    printf(zh(c) ? "问题 %lld（拜访 %lld，答复任务 %lld）：" : "question %lld (visit %lld, reply task %lld): ",
           (long long)q->id, (long long)q->planned_visit_id, (long long)q->callback_id);
    text(q->question);
    if (q->answered_at) {
        printf(zh(c) ? "\n  %s 答复：" : "\n  answered %s: ", hm(x, q->answered_at));
        text(q->answer);
    }
    putchar('\n');
}

/* question VISIT TEXT | answer QUESTION TEXT: then the question. */
static int plan_question(cli *c, ctx *x)
{
    int64_t id = 0;
    bool answer = strcmp(c->argv[1], "answer") == 0;
    int bad = pos_id(c, 2, answer ? "QUESTION" : "VISIT", &id);
    if (bad)
        return bad;
    fd_status rc = answer ? fd_store_visit_question_answer(x->store, &x->actor, id, c->argv[3])
                          : fd_store_visit_question_add(&id, x->store, &x->actor, id, c->argv[3]);
    if (rc)
        return lib_error(rc);
    fd_visit_question *q = NULL;
    rc = fd_store_visit_question_get(&q, x->store, &x->actor, id);
    int out = shown(c, x, rc, q, QUESTION_JSON, question_line);
    fd_visit_question_free(q);
    return out;
}

int cmd_visit_plan(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "add") == 0)
        return plan_add(c, x);
    if (strcmp(sub, "due") == 0)
        return plan_due(c, x);
    if (strcmp(sub, "record") == 0)
        return plan_record(c, x);
    if (strcmp(sub, "question") == 0 || strcmp(sub, "answer") == 0)
        return plan_question(c, x);
    return plan_change(c, x); /* reassign, end */
}

/* --- surveys (R-PLN-5) ------------------------------------------------------------------------------------- */

/* new --title T --from DATE --to DATE QUESTION...: the questions one per argument. */
static int survey_new(cli *c, ctx *x)
{
    fd_survey s = FD_SURVEY_INIT;
    int bad = opt(c, "--from") == NULL || opt(c, "--to") == NULL
                  ? usage_error("survey new needs --title TEXT, --from DATE (the first day) and --to DATE (the "
                                "first day answers are no longer taken), then the questions")
                  : 0;
    if (!bad) bad = parse_date("--from", opt(c, "--from"), &s.opened_on);
    if (!bad) bad = parse_date("--to", opt(c, "--to"), &s.closes_on);
    if (bad)
        return bad;
    /* one question per line */
    size_t len = 0;
    for (int i = 2; i < c->argc; i++)
        len += strlen(c->argv[i]) + 1;
    char *text = calloc(1, len + 1);
    if (text == NULL)
        return lib_error(FD_ENOMEM);
    for (int i = 2; i < c->argc; i++) {
        strcat(text, c->argv[i]);
        strcat(text, "\n");
    }
    s.title = opt(c, "--title");
    s.questions = text;
    int64_t id = 0;
    fd_status rc = fd_store_survey_new(&id, x->store, &x->actor, &s);
    free(text);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"id\":%lld,\"questions\":%d}\n", (long long)id, c->argc - 2);
    else
        printf(zh(c) ? "已发起意见征询 %lld（%d 题）\n" : "started survey %lld (%d questions)\n", (long long)id,
               c->argc - 2);
    return 0;
}

/* answer SURVEY OWNER QUESTION_NO [--score 1..5] [--note TEXT]. */
static int survey_answer(cli *c, ctx *x)
{
    int64_t sid = 0, owner = 0, no = 0, score = 0, id = 0;
    int bad = pos_id(c, 2, "SURVEY", &sid);
    if (!bad) bad = pos_id(c, 3, "OWNER", &owner);
    if (!bad) bad = pos_id(c, 4, "QUESTION_NO", &no);
    if (!bad && opt(c, "--score") && !parse_int(ascii_form(&x->buf, opt(c, "--score")), &score))
        bad = usage_error("--score must be 1..5");
    if (bad)
        return bad;
    fd_status rc = fd_store_survey_answer(&id, x->store, &x->actor, sid, owner, no, score, opt(c, "--note"));
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"id\":%lld}\n", (long long)id);
    else
        printf(zh(c) ? "已记录答复 %lld\n" : "recorded answer %lld\n", (long long)id);
    return 0;
}

static const char *const RESULT_CSV[] = { "question_no", "question", "answers", "scored", "mean_x100", NULL };
static const int RESULT_CSV_TYPES[] = { FD_REPORT_COLUMN_INT, FD_REPORT_COLUMN_TEXT, FD_REPORT_COLUMN_INT,
                                        FD_REPORT_COLUMN_INT, FD_REPORT_COLUMN_INT };

static int results_csv(const fd_survey_results *res)
{
    fd_report *r = NULL;
    fd_status rc = table_new(&r, "plans.survey", RESULT_CSV, RESULT_CSV_TYPES);
    for (size_t i = 0; rc == FD_OK && i < fd_survey_results_count(res); i++) {
        fd_survey_result_row q = FD_SURVEY_RESULT_ROW_INIT;
        rc = fd_survey_results_get(&q, res, i);
        if (rc == FD_OK) rc = fd_report_row_add(r, 0, 0);
        if (rc == FD_OK) rc = fd_report_cell_int(r, 0, 0, 0, q.question_no);
        if (rc == FD_OK) rc = fd_report_cell_text(r, 0, 0, 1, q.question);
        if (rc == FD_OK) rc = fd_report_cell_int(r, 0, 0, 2, q.answers);
        if (rc == FD_OK) rc = fd_report_cell_int(r, 0, 0, 3, q.scored);
        if (rc == FD_OK && q.mean_x100 >= 0) /* none scored: the cell stays null */
            rc = fd_report_cell_int(r, 0, 0, 4, q.mean_x100);
    }
    return csv_print(r, rc);
}

static void results_print(const cli *c, int64_t sid, const fd_survey_results *res)
{
    size_t n = fd_survey_results_count(res), m = fd_survey_results_not_asked_count(res);
    if (c->json)
        printf("{\"survey_id\":%lld,\"asked\":%lld,\"questions\":[", (long long)sid,
               (long long)fd_survey_results_asked(res));
    for (size_t i = 0; i < n; i++) {
        fd_survey_result_row q = FD_SURVEY_RESULT_ROW_INIT;
        if (fd_survey_results_get(&q, res, i) != FD_OK)
            break;
        if (c->json) {
            printf("%s{\"question_no\":%lld,\"question\":", i ? "," : "", (long long)q.question_no);
            json_string(q.question);
            printf(",\"answers\":%lld,\"scored\":%lld,\"mean_x100\":", (long long)q.answers, (long long)q.scored);
            q.mean_x100 < 0 ? printf("null}") : printf("%lld}", (long long)q.mean_x100);
            continue;
        }
        printf("%lld. ", (long long)q.question_no);
        text(q.question);
        printf(zh(c) ? "  答复 %lld，评分 %lld" : "  answers %lld, scored %lld", (long long)q.answers,
               (long long)q.scored);
        if (q.mean_x100 >= 0)
            printf(zh(c) ? "，平均 %lld.%02lld" : ", mean %lld.%02lld", (long long)(q.mean_x100 / 100),
                   (long long)(q.mean_x100 % 100));
        putchar('\n');
    }
    printf(c->json ? "],\"not_asked\":[" : zh(c) ? "已征询 %lld 户，未征询 %zu 户" : "asked %lld, not asked %zu",
           (long long)fd_survey_results_asked(res), m);
    for (size_t i = 0; i < m; i++) {
        int64_t id = 0;
        if (fd_survey_results_not_asked(&id, res, i) == FD_OK)
            printf(c->json ? "%s%lld" : "%s%lld", i ? "," : (c->json ? "" : ": "), (long long)id);
    }
    puts(c->json ? "]}" : "");
}

/* show SURVEY [--json | --csv]: its results by question, who was asked and who not. */
static int survey_show(cli *c, ctx *x)
{
    int64_t sid = 0;
    int bad = pos_id(c, 2, "SURVEY", &sid);
    if (!bad) bad = one_format(c);
    if (bad)
        return bad;
    fd_survey_results *res = NULL;
    fd_status rc = fd_store_survey_results(&res, x->store, &x->actor, sid);
    if (rc)
        return lib_error(rc);
    int out = 0;
    if (flag(c, "--csv"))
        out = results_csv(res);
    else
        results_print(c, sid, res);
    fd_survey_results_free(res);
    return out;
}

/* due: the day the next owners' survey is due (plan.survey_interval_months after the last). */
static int survey_due(cli *c, ctx *x)
{
    fd_date d;
    fd_status rc = fd_store_survey_due(&d, x->store, &x->actor);
    if (rc)
        return lib_error(rc);
    printf(c->json ? "{\"due\":\"%04d-%02d-%02d\"}\n" : zh(c) ? "下次业主意见征询：%04d-%02d-%02d\n"
                                                              : "next owners' survey due %04d-%02d-%02d\n",
           (int)d.year, (int)d.month, (int)d.day);
    return 0;
}

int cmd_survey(cli *c, ctx *x)
{
    const char *sub = c->argv[1];
    if (strcmp(sub, "new") == 0)
        return survey_new(c, x);
    if (strcmp(sub, "answer") == 0)
        return survey_answer(c, x);
    if (strcmp(sub, "show") == 0)
        return survey_show(c, x);
    return survey_due(c, x);
}
