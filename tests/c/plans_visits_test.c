/*
 * Plans (issue 15 items 5-6): visit plans on the working calendar (R-PLN-4),
 * planned vs actual, questions answered later through a reply task, owners'
 * surveys and the monthly summary with recurring problems (R-PLN-5).
 * Calendar: the built-in 2026 data (Asia/Shanghai): 02-14 and 02-28 are
 * make-up working Saturdays (调休), 02-15 … 02-23 the Spring Festival rest.
 */
#include "fd_test.h"

#include <stdlib.h>

#define HOUR 3600
#define DAY 86400

/* Site-local instant of a day and time on @cal. */
static int64_t local(const fd_calendar *cal, int y, int m, int d, int h, int mi)
{
    int64_t s = 0;
    fd_assert_ok(fd_calendar_day_start(&s, cal, (fd_date){ y, m, d }));
    return s + h * HOUR + mi * 60;
}

static fd_calendar *cal_new(void)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    return cal;
}

static fd_visit_plan plan_of(const char *recurrence, int64_t interval, int64_t first_at)
{
    fd_visit_plan p = FD_VISIT_PLAN_INIT;
    p.occupant_id = 1;
    p.purpose = "季度走访 𠮷";
    p.recurrence = recurrence;
    p.interval = interval;
    p.first_at = first_at;
    p.assigned_to = 7;
    return p;
}

static void assert_at(const fd_calendar *cal, const fd_visit_plan *p, int64_t index, int y, int m, int d, int h)
{
    int64_t at = 0;
    fd_assert_ok(fd_visit_plan_occurrence(&at, p, cal, index));
    cr_assert_eq(at, local(cal, y, m, d, h, 0), "index %lld: %lld, expected %04d-%02d-%02d %02d:00", (long long)index,
                 (long long)at, y, m, d, h);
}

/* --- recurrence (pure) --------------------------------------------------------- */

Test(plans_visits, R_PLN_4_weekly_moves_off_rest_days_and_keeps_a_makeup_saturday)
{
    fd_calendar *cal = cal_new();
    /* Saturday 02-07 is a rest day: Monday 02-09; 02-14 is a 调休 working Saturday: stays;
       02-21 falls in the Spring Festival: Tuesday 02-24, the same local time */
    fd_visit_plan p = plan_of("weekly", 1, local(cal, 2026, 2, 7, 10, 0));
    assert_at(cal, &p, 0, 2026, 2, 9, 10);
    assert_at(cal, &p, 1, 2026, 2, 14, 10);
    assert_at(cal, &p, 2, 2026, 2, 24, 10);
    assert_at(cal, &p, 3, 2026, 2, 28, 10);
    fd_calendar_free(cal);
}

Test(plans_visits, R_PLN_4_monthly_keeps_the_day_or_the_months_last)
{
    fd_calendar *cal = cal_new();
    fd_visit_plan p = plan_of("monthly", 1, local(cal, 2026, 3, 31, 9, 0)); /* Tuesday */
    assert_at(cal, &p, 0, 2026, 3, 31, 9);
    assert_at(cal, &p, 1, 2026, 4, 30, 9);
    assert_at(cal, &p, 2, 2026, 6, 1, 9);  /* 05-31 is a Sunday */
    assert_at(cal, &p, 3, 2026, 6, 30, 9);
    p.interval = 12;
    assert_at(cal, &p, 1, 2027, 3, 31, 9);
    fd_calendar_free(cal);
}

Test(plans_visits, R_PLN_4_every_n_working_days_counts_on_the_calendar)
{
    fd_calendar *cal = cal_new();
    fd_visit_plan p = plan_of("working_days", 2, local(cal, 2026, 4, 2, 14, 30)); /* Thursday before 清明 */
    int64_t at = 0;
    fd_assert_ok(fd_visit_plan_occurrence(&at, &p, cal, 0));
    cr_assert_eq(at, local(cal, 2026, 4, 2, 14, 30));
    fd_assert_ok(fd_visit_plan_occurrence(&at, &p, cal, 1));
    cr_assert_eq(at, local(cal, 2026, 4, 7, 14, 30)); /* 04-03 Fri, 04-04..06 rest, 04-07 Tue */
    fd_calendar_free(cal);
}

Test(plans_visits, R_PLN_4_once_and_until_on_end_the_plan)
{
    fd_calendar *cal = cal_new();
    fd_visit_plan p = plan_of("once", 0, local(cal, 2026, 4, 2, 10, 0));
    int64_t at = 1;
    fd_assert_ok(fd_visit_plan_occurrence(&at, &p, cal, 1));
    cr_assert_eq(at, 0);
    p = plan_of("weekly", 1, local(cal, 2026, 4, 2, 10, 0));
    p.until_on = (fd_date){ 2026, 4, 16 };
    assert_at(cal, &p, 1, 2026, 4, 9, 10);
    fd_assert_ok(fd_visit_plan_occurrence(&at, &p, cal, 2)); /* 04-16: on until_on, none */
    cr_assert_eq(at, 0);
    fd_assert_ok(fd_visit_plan_next(&at, &p, cal, local(cal, 2026, 4, 2, 10, 0)));
    cr_assert_eq(at, local(cal, 2026, 4, 9, 10, 0));
    fd_assert_ok(fd_visit_plan_next(&at, &p, cal, local(cal, 2026, 4, 9, 10, 0)));
    cr_assert_eq(at, 0);
    fd_calendar_free(cal);
}

Test(plans_visits, R_PLN_4_validate_names_the_field)
{
    fd_calendar *cal = cal_new();
    fd_visit_plan p = plan_of("fortnightly", 1, 1775091600);
    fd_assert_error(fd_visit_plan_validate(&p), FD_EINVAL, "visit_plan.recurrence");
    p = plan_of("once", 2, 1775091600);
    fd_assert_error(fd_visit_plan_validate(&p), FD_ERANGE, "visit_plan.interval");
    p = plan_of("weekly", 0, 1775091600);
    fd_assert_error(fd_visit_plan_validate(&p), FD_ERANGE, "visit_plan.interval");
    p = plan_of("weekly", 1, 1775091600);
    p.organisation_id = 3;
    fd_assert_error(fd_visit_plan_validate(&p), FD_EINVAL, "visit_plan.occupant_id");
    p = plan_of("weekly", 1, 1775091600);
    p.assigned_to = 0;
    fd_assert_error(fd_visit_plan_validate(&p), FD_EINVAL, "visit_plan.assigned_to");
    int64_t at = 0;
    p = plan_of("weekly", 1, 1775091600);
    fd_assert_error(fd_visit_plan_occurrence(&at, &p, cal, -1), FD_ERANGE, "index");
    fd_calendar_free(cal);
}

/* --- surveys (pure) ---------------------------------------------------------- */

Test(plans_visits, R_PLN_5_survey_questions_one_per_line)
{
    int64_t n = 0;
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_survey_questions(&n, &b, "  您对保安服务满意吗？\n\n您对保洁服务满意吗？ \r\n对𠮷祥物业的建议\n", 3));
    cr_assert_eq(n, 3);
    cr_assert_str_eq(b.ptr, "对𠮷祥物业的建议");
    fd_assert_error(fd_survey_questions(&n, &b, "一\n二", 3), FD_ERANGE, "line");
    cr_assert_str_eq(b.ptr, "");
    fd_assert_error(fd_survey_questions(&n, NULL, " \n\t\n", 0), FD_EINVAL, "questions");
    fd_buf_dispose(&b);
}

Test(plans_visits, R_PLN_5_survey_due_after_the_interval)
{
    fd_date d;
    fd_assert_ok(fd_survey_due(&d, (fd_date){ 2025, 2, 28 }, (fd_date){ 2026, 1, 5 }, NULL));
    cr_assert(d.year == 2026 && d.month == 2 && d.day == 28);
    fd_policy *pol = NULL;
    fd_assert_ok(fd_policy_new(&pol));
    fd_assert_ok(fd_policy_set(pol, "plan.survey_interval_months", 6));
    fd_assert_ok(fd_survey_due(&d, (fd_date){ 2025, 8, 31 }, (fd_date){ 2026, 1, 5 }, pol));
    cr_assert(d.year == 2026 && d.month == 2 && d.day == 28, "%d-%d-%d", d.year, d.month, d.day);
    fd_assert_ok(fd_survey_due(&d, (fd_date){ 0, 0, 0 }, (fd_date){ 2026, 1, 5 }, pol)); /* none yet: today */
    cr_assert(d.year == 2026 && d.month == 1 && d.day == 5);
    fd_policy_free(pol);
    fd_survey s = FD_SURVEY_INIT;
    s.title = "2026年度业主意见征询";
    s.opened_on = (fd_date){ 2026, 3, 1 };
    s.closes_on = (fd_date){ 2026, 3, 1 };
    s.questions = "您对物业服务满意吗？";
    fd_assert_error(fd_survey_validate(&s), FD_ERANGE, "survey.closes_on");
}

/* --- recurring problems (pure) ---------------------------------------------- */

Test(plans_visits, R_PLN_5_same_unit_three_times_in_90_days_recurs)
{
    fd_recurring *rec = NULL;
    fd_assert_ok(fd_recurring_new(&rec));
    int64_t t0 = 1775091600;
    /* unit 5: three leaks within 89 days; unit 6: three spread over 90 days (not);
       category electrical: three at units 7, 8, 9 */
    fd_assert_ok(fd_recurring_add(rec, 5, "leak", t0 + 89 * DAY));
    fd_assert_ok(fd_recurring_add(rec, 5, "leak", t0));
    fd_assert_ok(fd_recurring_add(rec, 5, "plumbing", t0 + 30 * DAY));
    fd_assert_ok(fd_recurring_add(rec, 6, "other", t0));
    fd_assert_ok(fd_recurring_add(rec, 6, "other", t0 + 45 * DAY));
    fd_assert_ok(fd_recurring_add(rec, 6, "other", t0 + 90 * DAY));
    fd_assert_ok(fd_recurring_add(rec, 7, "electrical", t0));
    fd_assert_ok(fd_recurring_add(rec, 8, "electrical", t0 + DAY));
    fd_assert_ok(fd_recurring_add(rec, 9, "electrical", t0 + 2 * DAY));
    cr_assert_eq(fd_recurring_count(rec), 2); /* unit 5, category electrical: unit 6 and "other" span 90 days */
    fd_recurring_row r = FD_RECURRING_ROW_INIT;
    fd_assert_ok(fd_recurring_get(&r, rec, 0));
    cr_assert_str_eq(r.kind, "unit");
    cr_assert_eq(r.unit_id, 5);
    cr_assert_eq(r.count, 3);
    cr_assert_eq(r.first_at, t0);
    cr_assert_eq(r.last_at, t0 + 89 * DAY);
    fd_assert_ok(fd_recurring_get(&r, rec, 1));
    cr_assert_str_eq(r.kind, "category");
    cr_assert_str_eq(r.category, "electrical");
    cr_assert_eq(r.count, 3);
    fd_assert_error(fd_recurring_get(&r, rec, 2), FD_ERANGE, "index");
    fd_assert_ok(fd_recurring_add(rec, 6, "other", t0 + 89 * DAY)); /* now three within 90 days */
    cr_assert_eq(fd_recurring_count(rec), 4);
    fd_assert_error(fd_recurring_add(rec, 0, "", t0), FD_EINVAL, "unit_id");
    fd_assert_error(fd_recurring_add(rec, 1, "Leak!", t0), FD_EINVAL, "category");
    cr_assert_eq(fd_recurring_count(rec), 4);
    fd_recurring_free(rec);
}

/* --- the monthly summary (pure) ---------------------------------------------- */

Test(plans_visits, R_PLN_5_summary_counts_visits_callbacks_followups_due_in_the_month)
{
    fd_calendar *cal = cal_new();
    int64_t now = local(cal, 2026, 4, 20, 12, 0);
    fd_plan_summary *st = NULL;
    fd_assert_ok(fd_plan_summary_new(&st, cal, 2026, 4, now));
    fd_planned_visit v = FD_PLANNED_VISIT_INIT;
    v.due_at = local(cal, 2026, 4, 2, 10, 0);
    v.state = "done";
    v.done_at = local(cal, 2026, 4, 2, 16, 0);
    fd_assert_ok(fd_plan_summary_add_visit(st, &v));
    v.state = "planned"; /* past due, not done: missed */
    v.done_at = 0;
    fd_assert_ok(fd_plan_summary_add_visit(st, &v));
    v.due_at = local(cal, 2026, 4, 28, 10, 0); /* not yet due: pending */
    fd_assert_ok(fd_plan_summary_add_visit(st, &v));
    v.state = "cancelled";
    fd_assert_ok(fd_plan_summary_add_visit(st, &v));
    v.due_at = local(cal, 2026, 5, 1, 0, 0); /* May: refused, nothing counted */
    fd_assert_error(fd_plan_summary_add_visit(st, &v), FD_ERANGE, "planned_visit.due_at");
    fd_callback c = FD_CALLBACK_INIT;
    c.due_at = local(cal, 2026, 4, 3, 17, 30);
    c.state = "done";
    c.done_at = c.due_at - HOUR;
    c.member = 1;
    c.satisfaction = "satisfied";
    fd_assert_ok(fd_plan_summary_add_callback(st, &c));
    c.state = "closed";
    c.satisfaction = NULL;
    fd_assert_ok(fd_plan_summary_add_callback(st, &c));
    c.state = "cancelled";
    fd_assert_error(fd_plan_summary_add_callback(st, &c), FD_EINVAL, "callback.state");
    fd_followup f = FD_FOLLOWUP_INIT;
    f.due_at = local(cal, 2026, 4, 7, 17, 30);
    f.state = "done";
    f.done_at = f.due_at + DAY; /* late */
    f.result = "not_fixed";
    fd_assert_ok(fd_plan_summary_add_followup(st, &f));
    f.state = "superseded";
    fd_assert_ok(fd_plan_summary_add_followup(st, &f));
    fd_visit_question q = FD_VISIT_QUESTION_INIT;
    q.created_at = local(cal, 2026, 4, 2, 16, 0);
    fd_assert_ok(fd_plan_summary_add_question(st, &q));
    fd_plan_summary_totals t;
    fd_assert_ok(fd_plan_summary_get(&t, st));
    cr_assert_eq(t.month_start, local(cal, 2026, 4, 1, 0, 0));
    cr_assert_eq(t.visits.due, 3);
    cr_assert_eq(t.visits.done, 1);
    cr_assert_eq(t.visits.in_time, 1);
    cr_assert_eq(t.visits.missed, 1);
    cr_assert_eq(t.visits.pending, 1);
    cr_assert_eq(t.visits_cancelled, 1);
    cr_assert_eq(t.callbacks.due, 2);
    cr_assert_eq(t.callbacks.in_time, 1);
    cr_assert_eq(t.callbacks.missed, 1);
    cr_assert_eq(t.callbacks_closed, 1);
    cr_assert_eq(t.members.due, 2);
    cr_assert_eq(t.members.satisfied, 1);
    cr_assert_eq(t.followups.due, 1);
    cr_assert_eq(t.followups.done, 1);
    cr_assert_eq(t.followups.in_time, 0);
    cr_assert_eq(t.followups_not_fixed, 1);
    cr_assert_eq(t.followups_superseded, 1);
    cr_assert_eq(t.questions, 1);
    cr_assert_eq(t.questions_answered, 0);
    fd_plan_summary_free(st);
    fd_assert_error(fd_plan_summary_new(&st, cal, 2026, 13, now), FD_ERANGE, "month");
    fd_calendar_free(cal);
}

/* --- the store ------------------------------------------------------------- */

typedef struct fx {
    char path[512];
    fd_store *s;
    const fd_calendar *cal;
    fd_calendar *own;
    int64_t site, clerk, manager, other_site, v1, v2, unit, owner, owner2;
} fx;

static fx fx_open(const char *stem)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    f.own = cal_new();
    int64_t t = local(f.own, 2026, 1, 5, 9, 0);
    fd_test_sites ts = fd_test_two_sites(f.s, t);
    f.site = ts.site;
    f.clerk = ts.clerk;
    f.manager = ts.manager;
    f.other_site = ts.other_site;
    f.v1 = fd_test_staff(f.s, f.site, t, "k01", "周专员", "clerk");
    f.v2 = fd_test_staff(f.s, f.site, t, "k02", "吴专员", "clerk");
    fd_actor sys = fd_test_actor(f.site, 0, t);
    fd_building b = FD_BUILDING_INIT;
    b.code = "3";
    b.name = "3号楼";
    int64_t bid = 0;
    fd_assert_ok(fd_store_building_add(&bid, f.s, &sys, &b));
    fd_unit u = FD_UNIT_INIT;
    u.building_id = bid;
    u.number = "1201";
    u.use = "residential";
    fd_assert_ok(fd_store_unit_add(&f.unit, f.s, &sys, &u));
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = f.unit;
    o.name = "王𠮷丽";
    o.role = "owner";
    o.move_in = (fd_date){ 2020, 1, 1 };
    fd_assert_ok(fd_store_occupant_add(&f.owner, f.s, &sys, &o));
    o.name = "陈先生";
    fd_assert_ok(fd_store_occupant_add(&f.owner2, f.s, &sys, &o));
    return f;
}

static void fx_close(fx *f)
{
    fd_calendar_free(f->own);
    fd_store_close(f->s);
}

static fd_actor at(const fx *f, int64_t staff, int64_t when)
{
    return fd_test_actor(f->site, staff, when);
}

static int64_t add_weekly(fx *f, int64_t planner, int64_t first_at, int64_t until)
{
    fd_visit_plan p = plan_of("weekly", 1, first_at);
    p.occupant_id = f->owner;
    p.assigned_to = f->v1;
    int64_t id = 0;
    fd_actor a = at(f, planner, first_at - 3 * DAY);
    fd_assert_ok(fd_store_visit_plan_add(&id, f->s, &a, &p, until));
    return id;
}

static int64_t visit_at(fx *f, int64_t plan, int64_t index)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT id FROM planned_visits WHERE plan_id = %lld ORDER BY due_at LIMIT 1 OFFSET %lld",
             (long long)plan, (long long)index);
    return fd_test_sql_int(f->path, sql);
}

Test(plans_visits, R_PLN_4_plan_schedules_on_the_calendar_idempotently)
{
    fx f = fx_open("pv_schedule");
    int64_t first = local(f.own, 2026, 2, 7, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, local(f.own, 2026, 3, 1, 0, 0));
    /* 02-09, 02-14 (调休), 02-24, 02-28 */
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM planned_visits"), 4);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT min(due_at) FROM planned_visits"), local(f.own, 2026, 2, 9, 10, 0));
    fd_actor a = at(&f, f.clerk, first);
    int64_t added = -1;
    fd_assert_ok(fd_store_visit_plan_schedule(&added, f.s, &a, plan, local(f.own, 2026, 3, 15, 0, 0)));
    cr_assert_eq(added, 1); /* 03-07 is a Saturday: 03-09; 03-14, a Saturday, moves to 03-16: past until */
    fd_assert_ok(fd_store_visit_plan_schedule(&added, f.s, &a, plan, local(f.own, 2026, 3, 15, 0, 0)));
    cr_assert_eq(added, 0);
    fd_actor other = fd_test_actor(f.other_site, 0, first);
    fd_assert_error(fd_store_visit_plan_schedule(&added, f.s, &other, plan, first + 30 * DAY), FD_ENOTFOUND,
                    "plan_id");
    fx_close(&f);
}

Test(plans_visits, R_PLN_4_reassignment_keeps_who_planned_it_and_moves_future_visits)
{
    fx f = fx_open("pv_reassign");
    int64_t first = local(f.own, 2026, 4, 2, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, first + 21 * DAY);
    fd_actor a = at(&f, f.clerk, first + DAY); /* after the first visit */
    fd_assert_ok(fd_store_visit_plan_reassign(f.s, &a, plan, f.v2));
    fd_visit_plan *p = NULL;
    fd_assert_ok(fd_store_visit_plan_get(&p, f.s, &a, plan));
    cr_assert_eq(p->staff_id, f.manager);
    cr_assert_eq(p->assigned_to, f.v2);
    fd_visit_plan_free(p);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM planned_visits WHERE assigned_to = %lld", (long long)f.v2);
    cr_assert_eq(fd_test_sql_int(f.path, sql), 2); /* the first, already past, stays with v1 */
    fd_assert_error(fd_store_visit_plan_reassign(f.s, &a, plan, f.v2), FD_ESTATE, "already");
    fd_assert_ok(fd_store_visit_plan_end(f.s, &a, plan));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM planned_visits WHERE state = 'cancelled'"), 2);
    fd_assert_error(fd_store_visit_plan_end(f.s, &a, plan), FD_ESTATE, "ended");
    fd_assert_error(fd_store_visit_plan_reassign(f.s, &a, plan, f.v1), FD_ESTATE, "ended");
    fx_close(&f);
}

Test(plans_visits, R_PLN_4_visit_recorded_once_refusals_change_nothing)
{
    fx f = fx_open("pv_record");
    int64_t first = local(f.own, 2026, 4, 2, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, first + 8 * DAY);
    int64_t v = visit_at(&f, plan, 0);
    fd_actor a = at(&f, f.v1, first + 2 * HOUR);
    fd_assert_error(fd_store_visit_record(f.s, &a, v, first + 3 * HOUR, 0, "x"), FD_EINVAL, "done_at");
    fd_assert_ok(fd_store_visit_record(f.s, &a, v, first + 30 * 60, 0, "电梯经常停运，希望尽快维修"));
    fd_planned_visit *pv = NULL;
    fd_assert_ok(fd_store_planned_visit_get(&pv, f.s, &a, v));
    cr_assert_str_eq(pv->state, "done");
    cr_assert_eq(pv->done_by, f.v1);
    cr_assert_eq(pv->done_at, first + 30 * 60);
    fd_planned_visit_free(pv);
    char *before = fd_test_table_dump(f.path, "planned_visits");
    fd_assert_error(fd_store_visit_record(f.s, &a, v, 0, 0, NULL), FD_ESTATE, "done");
    char *after = fd_test_table_dump(f.path, "planned_visits");
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
    fx_close(&f);
}

Test(plans_visits, R_PLN_4_question_answered_later_through_a_reply_task)
{
    fx f = fx_open("pv_question");
    int64_t first = local(f.own, 2026, 4, 2, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, first + 8 * DAY);
    int64_t v = visit_at(&f, plan, 0);
    fd_actor a = at(&f, f.v1, first + HOUR);
    fd_assert_ok(fd_store_visit_record(f.s, &a, v, 0, 0, "问了停车费调整的事"));
    int64_t q = 0;
    fd_assert_error(fd_store_visit_question_add(&q, f.s, &a, v, "  "), FD_EINVAL, "question");
    fd_assert_ok(fd_store_visit_question_add(&q, f.s, &a, v, "停车费明年是否调整？"));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM callbacks WHERE source = 'question' AND state = "
                                         "'open'"), 1);
    /* followup.callback_days (3 days, rolled off rest days) from Thursday 04-02 over 清明: 04-07 23:59:59,
       in the default quiet hours: the next time a call may be placed, 04-08 08:00 (R-PLN-2) */
    int64_t due = fd_test_sql_int(f.path, "SELECT due_at FROM callbacks");
    cr_assert_eq(due, local(f.own, 2026, 4, 8, 8, 0), "due %lld", (long long)due);
    int quiet = 1;
    fd_assert_ok(fd_calendar_is_quiet_time(&quiet, f.own, due));
    cr_assert_eq(quiet, 0);
    fd_actor later = at(&f, f.manager, first + 3 * DAY);
    fd_assert_ok(fd_store_visit_question_answer(f.s, &later, q, "明年不调整，已由经理确认"));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM callbacks WHERE state = 'done'"), 1);
    fd_visit_question *vq = NULL;
    fd_assert_ok(fd_store_visit_question_get(&vq, f.s, &later, q));
    cr_assert_eq(vq->answered_at, first + 3 * DAY);
    fd_visit_question_free(vq);
    fd_assert_error(fd_store_visit_question_answer(f.s, &later, q, "再答一次"), FD_ESTATE, "answered");
    fx_close(&f);
}

Test(plans_visits, R_PLN_4_due_list_and_missed_visits)
{
    fx f = fx_open("pv_due");
    int64_t first = local(f.own, 2026, 4, 2, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, first + 22 * DAY);
    (void)plan;
    fd_actor a = at(&f, f.clerk, local(f.own, 2026, 4, 10, 9, 0));
    fd_planned_visit_iter *it = NULL;
    const fd_planned_visit *pv = NULL;
    fd_assert_ok(fd_store_visits_due(&it, f.s, &a, 1, 0, 0, 10));
    int n = 0;
    while (fd_planned_visit_iter_next(&pv, it) == FD_OK && pv)
        n++;
    fd_planned_visit_iter_free(it);
    cr_assert_eq(n, 2); /* 04-02 and 04-09 are past */
    fd_assert_ok(fd_store_visits_due(&it, f.s, &a, 0, 7 * DAY, 0, 1));
    fd_assert_ok(fd_planned_visit_iter_next(&pv, it));
    cr_assert_eq(pv->due_at, first);
    int64_t after = pv->id;
    fd_planned_visit_iter_free(it);
    fd_assert_ok(fd_store_visits_due(&it, f.s, &a, 0, 7 * DAY, after, 10));
    n = 0;
    while (fd_planned_visit_iter_next(&pv, it) == FD_OK && pv)
        n++;
    fd_planned_visit_iter_free(it);
    cr_assert_eq(n, 2); /* 04-09 and 04-16 */
    int64_t missed = 0;
    fd_assert_ok(fd_store_visits_mark_missed(&missed, f.s, &a));
    cr_assert_eq(missed, 2);
    fd_assert_error(fd_store_visits_due(&it, f.s, &a, 0, 7 * DAY, 0, 65), FD_ERANGE, "limit");
    /* a missed visit may still be recorded, late */
    int64_t v = visit_at(&f, plan, 0);
    fd_actor v1 = at(&f, f.v1, local(f.own, 2026, 4, 10, 10, 0));
    fd_assert_ok(fd_store_visit_record(f.s, &v1, v, 0, 0, NULL));
    fx_close(&f);
}

Test(plans_visits, R_PLN_5_survey_answers_results_and_who_was_not_asked)
{
    fx f = fx_open("pv_survey");
    fd_actor a = at(&f, f.clerk, local(f.own, 2026, 3, 2, 10, 0));
    fd_date due;
    fd_assert_ok(fd_store_survey_due(&due, f.s, &a));
    cr_assert(due.year == 2026 && due.month == 3 && due.day == 2);
    fd_survey s = FD_SURVEY_INIT;
    s.title = "2026年度业主意见征询";
    s.opened_on = (fd_date){ 2026, 3, 1 };
    s.closes_on = (fd_date){ 2026, 4, 1 };
    s.questions = "您对保安服务满意吗？\n您对保洁服务满意吗？\n其他建议";
    int64_t sid = 0, id = 0;
    fd_assert_ok(fd_store_survey_new(&sid, f.s, &a, &s));
    fd_assert_ok(fd_store_survey_due(&due, f.s, &a));
    cr_assert(due.year == 2027 && due.month == 3 && due.day == 1);
    fd_assert_ok(fd_store_survey_answer(&id, f.s, &a, sid, f.owner, 1, 5, NULL));
    fd_assert_ok(fd_store_survey_answer(&id, f.s, &a, sid, f.owner, 2, 4, "楼道偶尔不干净"));
    fd_assert_ok(fd_store_survey_answer(&id, f.s, &a, sid, f.owner, 3, 0, "希望增加充电桩"));
    fd_assert_error(fd_store_survey_answer(&id, f.s, &a, sid, f.owner, 1, 3, NULL), FD_ESTATE, "already");
    fd_assert_error(fd_store_survey_answer(&id, f.s, &a, sid, f.owner2, 4, 3, NULL), FD_ERANGE, "question_no");
    fd_assert_error(fd_store_survey_answer(&id, f.s, &a, sid, f.owner2, 1, 6, NULL), FD_ERANGE, "score");
    fd_actor late = at(&f, f.clerk, local(f.own, 2026, 4, 1, 9, 0));
    fd_assert_error(fd_store_survey_answer(&id, f.s, &late, sid, f.owner2, 1, 3, NULL), FD_ESTATE, "2026-04-01");
    fd_assert_ok(fd_store_survey_answer(&id, f.s, &a, sid, f.owner2, 1, 4, NULL));
    fd_survey_results *res = NULL;
    fd_assert_ok(fd_store_survey_results(&res, f.s, &a, sid));
    cr_assert_eq(fd_survey_results_count(res), 3);
    fd_survey_result_row r = FD_SURVEY_RESULT_ROW_INIT;
    fd_assert_ok(fd_survey_results_get(&r, res, 0));
    cr_assert_eq(r.answers, 2);
    cr_assert_eq(r.mean_x100, 450);
    cr_assert_str_eq(r.question, "您对保安服务满意吗？");
    fd_assert_ok(fd_survey_results_get(&r, res, 2));
    cr_assert_eq(r.scored, 0);
    cr_assert_eq(r.mean_x100, -1);
    cr_assert_eq(fd_survey_results_asked(res), 2);
    cr_assert_eq(fd_survey_results_not_asked_count(res), 0);
    fd_survey_results_free(res);
    fx_close(&f);
}

Test(plans_visits, R_PLN_5_month_summary_and_recurring_from_the_store)
{
    fx f = fx_open("pv_month");
    int64_t first = local(f.own, 2026, 4, 2, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, local(f.own, 2026, 5, 1, 0, 0));
    fd_actor a = at(&f, f.v1, first + HOUR);
    fd_assert_ok(fd_store_visit_record(f.s, &a, visit_at(&f, plan, 0), 0, 0, NULL));
    int64_t q = 0;
    fd_assert_ok(fd_store_visit_question_add(&q, f.s, &a, visit_at(&f, plan, 0), "何时更换门禁？"));
    fd_actor now = at(&f, f.clerk, local(f.own, 2026, 4, 20, 12, 0));
    fd_plan_summary *st = NULL;
    fd_assert_ok(fd_store_plan_summary(&st, f.s, &now, 2026, 4));
    fd_plan_summary_totals t;
    fd_assert_ok(fd_plan_summary_get(&t, st));
    cr_assert_eq(t.visits.due, 5); /* 04-02, 04-09, 04-16, 04-23, 04-30 */
    cr_assert_eq(t.visits.done, 1);
    cr_assert_eq(t.visits.missed, 2);
    cr_assert_eq(t.callbacks.due, 1);
    cr_assert_eq(t.callbacks.missed, 1);
    cr_assert_eq(t.questions, 1);
    fd_plan_summary_free(st);
    /* three repairs of one unit within 90 days recur */
    for (int i = 0; i < 3; i++) {
        fd_repair r = FD_REPAIR_INIT;
        r.received_at = first + i * 20 * DAY;
        r.channel = "phone";
        r.category = i == 1 ? "plumbing" : "leak";
        r.unit_id = f.unit;
        r.what = "漏水";
        int64_t rid = 0;
        fd_actor ra = at(&f, f.clerk, r.received_at);
        fd_assert_ok(fd_store_repair_add(&rid, f.s, &ra, &r));
    }
    fd_recurring *rec = NULL;
    fd_actor end = at(&f, f.clerk, first + 60 * DAY);
    fd_assert_ok(fd_store_recurring_problems(&rec, f.s, &end, first - 90 * DAY, first + 60 * DAY));
    cr_assert_eq(fd_recurring_count(rec), 1);
    fd_recurring_row row = FD_RECURRING_ROW_INIT;
    fd_assert_ok(fd_recurring_get(&row, rec, 0));
    cr_assert_eq(row.unit_id, f.unit);
    fd_recurring_free(rec);
    fx_close(&f);
}

Test(plans_visits, R_PLN_5_month_report_in_text_json_csv)
{
    fx f = fx_open("pv_report");
    int64_t first = local(f.own, 2026, 4, 2, 10, 0);
    int64_t plan = add_weekly(&f, f.manager, first, local(f.own, 2026, 5, 1, 0, 0));
    fd_actor a = at(&f, f.v1, first + HOUR);
    fd_assert_ok(fd_store_visit_record(f.s, &a, visit_at(&f, plan, 0), 0, 0, NULL));
    fd_actor now = at(&f, f.clerk, local(f.own, 2026, 5, 2, 9, 0));
    fd_report *r = NULL;
    fd_assert_ok(fd_report_plans_month_new(&r, f.s, &now, 2026, 4, "en"));
    size_t s = fd_test_report_section(r, "plans.summary");
    cr_assert_eq(fd_test_report_rows(r, s), 4);
    cr_assert_eq(fd_test_report_value(r, s, 0, 2), 5);    /* visits due */
    cr_assert_eq(fd_test_report_value(r, s, 0, 3), 1);    /* done */
    cr_assert_eq(fd_test_report_value(r, s, 0, 5), 2000); /* 20.00 % in time */
    cr_assert_eq(fd_test_report_value(r, s, 0, 6), 4);    /* missed */
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_JSON));
    cr_assert(strstr(b.ptr, "\"plans.recurring\"") != NULL);
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_CSV));
    cr_assert(strstr(b.ptr, "member_callbacks") != NULL);
    fd_buf_dispose(&b);
    fd_report_free(r);
    fd_assert_error(fd_report_plans_month_new(&r, f.s, &now, 2026, 0, NULL), FD_ERANGE, "month");
    fx_close(&f);
}
