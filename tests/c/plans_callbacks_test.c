/*
 * Plans (issue 15), callbacks and specialists: the callback's due out of quiet
 * hours (R-PLN-2, R-CALL-8, R-CALL-9), attempts and outcome with the script,
 * a callback on a closed task refused, the due and "call now" lists, member
 * coverage; the balance of customers by level and the rebalance with one
 * specialist leaving (R-PLN-3), first contact and its misses. Instants fixed.
 */
#include "fd_test.h"
#include "internal.h"

#include <stdlib.h>

#define HOUR 3600
#define DAY 86400
/* 2026-04-02 09:00 Thursday (Asia/Shanghai); 12:30 that day; 04-03 Friday 17:00 before 清明节 (04-04..06) */
#define APR2_0900 1775091600
#define APR2_1230 (APR2_0900 + 3 * HOUR + 1800)
#define APR2_1400 (APR2_0900 + 5 * HOUR)
#define APR3_1700 1775206800
#define APR7_1730 (APR3_1700 + 4 * DAY + 1800)

/* --- pure ------------------------------------------------------------------ */

static fd_calendar *calendar(void)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    return cal;
}

Test(plans_callbacks, R_PLN_2_callback_due_at_1230_moves_to_1400)
{
    fd_calendar *cal = calendar();
    fd_callback_plan p;
    fd_assert_ok(fd_callback_due(&p, APR2_0900, APR2_1230, 0, cal, NULL));
    cr_assert_str_eq(p.basis, "agreed");
    cr_assert_eq(p.unmoved_at, APR2_1230);
    cr_assert_eq(p.due_at, APR2_1400, "12:30 is lunch-time rest: 14:00");
    cr_assert_eq(p.moved, 1);
    /* R-CALL-8: a dropped call's task due at 12:25 is called at 14:00, not in the rest */
    fd_assert_ok(fd_callback_due(&p, APR2_0900, 0, APR2_1230 - 300, cal, NULL));
    cr_assert_str_eq(p.basis, "task");
    cr_assert_eq(p.due_at, APR2_1400);
    fd_calendar_free(cal);
}

Test(plans_callbacks, R_PLN_2_policy_due_counts_working_days_over_the_holiday)
{
    fd_calendar *cal = calendar();
    fd_callback_plan p;
    /* Friday 17:00 before 清明, the default 3 days: Monday is 清明, so Tuesday 23:59:59 — rest time at night:
     * moved to Wednesday 08:00, the next allowed time */
    fd_assert_ok(fd_callback_due(&p, APR3_1700, 0, 0, cal, NULL));
    cr_assert_str_eq(p.basis, "policy");
    cr_assert_eq(p.unmoved_at, APR7_1730 + 6 * HOUR + 1799);
    cr_assert_eq(p.moved, 1);
    cr_assert_eq(p.due_at, APR7_1730 + 14 * HOUR + 1800);
    fd_policy *pol = NULL;
    fd_assert_ok(fd_policy_new(&pol));
    fd_assert_ok(fd_policy_set_deadline(pol, "followup.callback_days", 1, FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_callback_due(&p, APR3_1700, 0, 0, cal, pol));
    cr_assert_eq(p.due_at, APR7_1730, "1 working day after the eve of the holiday: Tuesday's closing");
    cr_assert_eq(p.moved, 0, "closing time is no rest time");
    fd_policy_free(pol);
    fd_assert_error(fd_callback_due(&p, APR3_1700, -5, 0, cal, NULL), FD_ERANGE, "agreed_at");
    fd_calendar_free(cal);
}

Test(plans_callbacks, R_PLN_2_may_call_never_in_quiet_hours)
{
    fd_calendar *cal = calendar();
    int may = 9;
    int64_t next = 0;
    fd_assert_ok(fd_callback_may_call(&may, &next, cal, APR2_1230));
    cr_assert_eq(may, 0);
    cr_assert_eq(next, APR2_1400);
    fd_assert_ok(fd_callback_may_call(&may, &next, cal, APR2_0900));
    cr_assert_eq(may, 1);
    cr_assert_eq(next, APR2_0900);
    fd_calendar_free(cal);
}

Test(plans_callbacks, R_PLN_2_script_for_each_outcome_traditional_and_fullwidth_too)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_callback_script(&b, "unsatisfied"));
    cr_assert(strstr(b.ptr, "抱歉") != NULL);
    fd_assert_ok(fd_callback_script(&b, "滿意"));
    cr_assert(strstr(b.ptr, "感谢") != NULL);
    fd_assert_ok(fd_callback_script(&b, "ＡＶＥＲＡＧＥ"));
    cr_assert(strstr(b.ptr, "改进") != NULL);
    fd_assert_error(fd_callback_script(&b, "great"), FD_EINVAL, "satisfaction");
    cr_assert_eq(b.size, 0);
    fd_buf_dispose(&b);
    fd_assert_error(fd_callback_outcome_check("done", NULL, NULL), FD_EINVAL, "satisfaction");
    fd_assert_error(fd_callback_outcome_check("busy", "satisfied", NULL), FD_EINVAL, "satisfaction");
    fd_assert_error(fd_callback_outcome_check("hung_up", NULL, NULL), FD_EINVAL, "result");
    fd_assert_ok(fd_callback_outcome_check("no_answer", NULL, "𠮷"));
}

Test(plans_callbacks, R_PLN_3_balance_by_level_new_customer_to_furthest_under)
{
    int64_t ids[] = { 11, 12, 13 }, levels[] = { 1, 2, 1 }, counts[] = { 3, 4, 3 };
    int64_t pick = 0;
    /* targets of 11 customers 1:2:1 → 2.75, 5.5, 2.75: 12 is 1.5 under */
    fd_assert_ok(fd_assign_balance(&pick, ids, 3, levels, 3, counts, 3));
    cr_assert_eq(pick, 12);
    counts[1] = 7;
    fd_assert_ok(fd_assign_balance(&pick, ids, 3, levels, 3, counts, 3));
    cr_assert_eq(pick, 11, "a tie goes to the smaller id at the same level");
    levels[0] = 0;
    fd_assert_ok(fd_assign_balance(&pick, ids, 3, levels, 3, counts, 3));
    cr_assert_eq(pick, 12, "a leaving specialist takes none (11 was the pick)");
    levels[0] = 6;
    fd_assert_error(fd_assign_balance(&pick, ids, 3, levels, 3, counts, 3), FD_EINVAL, "levels[0]");
    levels[0] = 1;
    ids[2] = 11;
    fd_assert_error(fd_assign_balance(&pick, ids, 3, levels, 3, counts, 3), FD_EINVAL, "ids[2]");
    fd_assert_error(fd_assign_balance(&pick, ids, 3, levels, 2, counts, 3), FD_EINVAL, "levels_len");
}

Test(plans_callbacks, R_PLN_3_rebalance_with_one_specialist_leaving_fewest_moves)
{
    /* 21 leaves with 6 customers; 22 (level 1) has 4, 23 (level 2) has 8 → 18 over 1:2 = 6 and 12 */
    int64_t ids[] = { 21, 22, 23 }, levels[] = { 0, 1, 2 }, counts[] = { 6, 4, 8 };
    fd_rebalance *r = NULL;
    fd_assert_ok(fd_assign_rebalance(&r, ids, 3, levels, 3, counts, 3));
    cr_assert_eq(fd_rebalance_specialists(r), 3);
    int64_t id, level, before, after, from, to, count;
    int64_t want_after[] = { 0, 6, 12 };
    for (size_t i = 0; i < 3; i++) {
        fd_assert_ok(fd_rebalance_specialist(&id, &level, &before, &after, r, i));
        cr_assert_eq(before, counts[i]);
        cr_assert_eq(after, want_after[i], "specialist %lld after: %lld", (long long)id, (long long)after);
    }
    cr_assert_eq(fd_rebalance_moved(r), 6, "only the leaver's customers move");
    cr_assert_eq(fd_rebalance_moves(r), 2);
    fd_assert_ok(fd_rebalance_move(&from, &to, &count, r, 0));
    cr_assert(from == 21 && to == 22 && count == 2);
    fd_assert_ok(fd_rebalance_move(&from, &to, &count, r, 1));
    cr_assert(from == 21 && to == 23 && count == 4);
    fd_assert_error(fd_rebalance_move(&from, &to, &count, r, 2), FD_ERANGE, "index");
    fd_rebalance_free(r);
    /* within rounding nobody moves: 7 customers over 1:1 with 4 and 3 */
    int64_t i2[] = { 1, 2 }, l2[] = { 1, 1 }, c2[] = { 4, 3 };
    fd_assert_ok(fd_assign_rebalance(&r, i2, 2, l2, 2, c2, 2));
    cr_assert_eq(fd_rebalance_moved(r), 0);
    fd_rebalance_free(r);
    int64_t l0[] = { 0, 0 };
    fd_assert_error(fd_assign_rebalance(&r, i2, 2, l0, 2, c2, 2), FD_EINVAL, "no one");
    cr_assert_null(r);
}

/* --- the store --------------------------------------------------------------- */

typedef struct fx {
    char path[512];
    fd_store *s;
    int64_t site, clerk, manager, other_site, amy, bob, cal;
} fx;

static fx fx_open(const char *stem)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_test_sites t = fd_test_two_sites(f.s, APR2_0900 - 30 * DAY);
    f.site = t.site;
    f.clerk = t.clerk;
    f.manager = t.manager;
    f.other_site = t.other_site;
    f.amy = fd_test_staff(f.s, f.site, APR2_0900 - 30 * DAY, "k01", "林小美", "clerk");
    f.bob = fd_test_staff(f.s, f.site, APR2_0900 - 30 * DAY, "k02", "周大𠮷", "clerk");
    f.cal = fd_test_staff(f.s, f.site, APR2_0900 - 30 * DAY, "k03", "陈晓", "clerk");
    return f;
}

static fd_actor at(const fx *f, int64_t staff, int64_t when)
{
    return fd_test_actor(f->site, staff, when);
}

static int64_t dropped_call_task(fx *f, int64_t ring)
{
    fd_call c = FD_CALL_INIT;
    c.direction = "in";
    c.caller_number = "138 1234 5678";
    c.caller_name = "张三";
    c.ring_at = ring;
    c.answer_at = ring + 5;
    c.end_at = ring + 45;
    c.disposition = "dropped";
    c.category = "inquiry";
    c.channel = "switchboard";
    c.matter = "问停水时间";
    c.read_back = 1;
    int64_t id = 0;
    fd_actor a = at(f, f->clerk, ring + 60);
    fd_assert_ok(fd_store_call_add(&id, f->s, &a, &c));
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM call_tasks WHERE call_id = %lld", (long long)id);
    return fd_test_sql_int(f->path, sql);
}

static int64_t member_callback(fx *f, int64_t when, int64_t agreed)
{
    fd_callback cb = FD_CALLBACK_INIT;
    cb.source = "member";
    cb.member = 1;
    cb.customer = "王𠮷";
    cb.number = "１３９ ８７６５ ４３２１";
    cb.agreed_at = agreed;
    int64_t id = 0;
    fd_actor a = at(f, f->clerk, when);
    fd_assert_ok(fd_store_callback_add(&id, f->s, &a, &cb));
    return id;
}

static fd_callback *get(fx *f, int64_t id)
{
    fd_callback *c = NULL;
    fd_actor a = at(f, f->clerk, APR7_1730);
    fd_assert_ok(fd_store_callback_get(&c, f->s, &a, id));
    return c;
}

Test(plans_callbacks_store, R_CALL_8_dropped_call_at_1225_called_back_at_1400)
{
    fx f = fx_open("pcb-task");
    int64_t task = dropped_call_task(&f, APR2_1230 - 345); /* ends 12:25 */
    int64_t id = 0;
    fd_actor a = at(&f, f.clerk, APR2_1230);
    fd_assert_ok(fd_store_callback_from_call_task(&id, f.s, &a, task, 0));
    fd_callback *c = get(&f, id);
    cr_assert_str_eq(c->source, "call");
    cr_assert_str_eq(c->state, "open");
    cr_assert_eq(c->due_at, APR2_1400);
    fd_callback_free(c);
    /* one callback a task */
    fd_assert_error(fd_store_callback_from_call_task(&id, f.s, &a, task, 0), FD_ECONFLICT, "already");
    /* "call now" at 12:30 proposes nobody; at 14:00 the callback */
    fd_callback_iter *it = NULL;
    const fd_callback *row = NULL;
    fd_actor late = at(&f, f.clerk, APR2_1400 - 60);
    fd_assert_ok(fd_store_callbacks_now(&it, f.s, &late, 0, 64));
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_null(row, "never in the customer's rest time");
    fd_callback_iter_free(it);
    fd_actor two = at(&f, f.clerk, APR2_1400);
    fd_assert_ok(fd_store_callbacks_now(&it, f.s, &two, 0, 64));
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_not_null(row);
    cr_assert_eq(row->id, id);
    fd_callback_iter_free(it);
    fd_store_close(f.s);
}

Test(plans_callbacks_store, R_PLN_2_callback_on_a_closed_task_refused_naming_the_state_nothing_changed)
{
    fx f = fx_open("pcb-closed-task");
    int64_t task = dropped_call_task(&f, APR2_0900);
    fd_actor a = at(&f, f.clerk, APR2_0900 + 600);
    fd_assert_ok(fd_store_call_task_done(f.s, &a, task, "已回拨"));
    int64_t before = fd_test_sql_int(f.path, "SELECT count(*) FROM journal");
    int64_t id = 0;
    fd_assert_error(fd_store_callback_from_call_task(&id, f.s, &a, task, 0), FD_ESTATE, "done");
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM callbacks"), 0);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal"), before);
    fd_store_close(f.s);
}

Test(plans_callbacks_store, R_PLN_2_attempts_no_answer_busy_then_done_with_satisfaction)
{
    fx f = fx_open("pcb-attempts");
    int64_t id = member_callback(&f, APR2_0900, 0);
    fd_callback *c = get(&f, id);
    cr_assert_str_eq(c->number, "139****4321", "full-width digits stored normalised, masked: %s", c->number);
    fd_callback_free(c);
    fd_actor a = at(&f, f.amy, APR2_1400 + 600);
    fd_assert_ok(fd_store_callback_attempt(NULL, f.s, &a, id, APR2_1400, "no_answer", NULL, NULL));
    /* in the lunch-time rest: refused naming the rule, nothing written */
    fd_assert_error(fd_store_callback_attempt(NULL, f.s, &a, id, APR2_1230, "busy", NULL, NULL), FD_EINVAL,
                    "R-PLN-2");
    fd_assert_ok(fd_store_callback_attempt(NULL, f.s, &a, id, APR2_1400 + 300, "busy", NULL, NULL));
    c = get(&f, id);
    cr_assert_str_eq(c->state, "open");
    cr_assert_eq(c->attempts, 2);
    fd_callback_free(c);
    int64_t att = 0;
    fd_assert_ok(fd_store_callback_attempt(&att, f.s, &a, id, 0, "done", "average", "电梯噪音还在"));
    c = get(&f, id);
    cr_assert_str_eq(c->state, "done");
    cr_assert_str_eq(c->satisfaction, "average");
    cr_assert_eq(c->attempts, 3);
    cr_assert_eq(c->done_at, APR2_1400 + 600);
    fd_callback_free(c);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM callback_attempts"), 3);
    fd_assert_error(fd_store_callback_attempt(NULL, f.s, &a, id, 0, "busy", NULL, NULL), FD_ESTATE, "done");
    fd_assert_error(fd_store_callback_close(f.s, &a, id, "打不通"), FD_ESTATE, "done");
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'callback'"), 4);
    fd_store_close(f.s);
}

Test(plans_callbacks_store, R_PLN_2_member_coverage_and_misses)
{
    fx f = fx_open("pcb-coverage");
    int64_t reached = member_callback(&f, APR2_0900, 0);
    int64_t closed = member_callback(&f, APR2_0900 + 60, 0);
    int64_t open_late = member_callback(&f, APR2_0900 + 120, APR2_1400);
    member_callback(&f, APR2_0900 + 180, APR7_1730); /* not yet due */
    fd_actor a = at(&f, f.amy, APR2_1400 + 3600);
    fd_assert_ok(fd_store_callback_attempt(NULL, f.s, &a, reached, 0, "done", "satisfied", NULL));
    fd_assert_error(fd_store_callback_close(f.s, &a, closed, ""), FD_EINVAL, "reason");
    fd_assert_ok(fd_store_callback_close(f.s, &a, closed, "号码停机"));
    fd_callback_coverage c;
    fd_assert_ok(fd_store_callback_coverage(&c, f.s, &a, APR2_0900, APR2_0900 + DAY));
    cr_assert_eq(c.members, 4);
    cr_assert_eq(c.reached, 1);
    cr_assert_eq(c.missed, 2);
    cr_assert_eq(c.pending, 1);
    cr_assert_eq(c.share_pct, 33);
    cr_assert_eq(c.target_pct, 100);
    cr_assert_eq(c.met, 0);
    fd_callback_iter *it = NULL;
    const fd_callback *row = NULL;
    fd_assert_ok(fd_store_callback_misses(&it, f.s, &a, APR2_0900, APR2_0900 + DAY, 0, 64));
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_eq(row->id, closed);
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_eq(row->id, open_late);
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_null(row);
    fd_callback_iter_free(it);
    /* the due list: overdue only, then with a horizon, paged */
    fd_assert_ok(fd_store_callbacks_due(&it, f.s, &a, 1, 0, 0, 64));
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_eq(row->id, open_late);
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_null(row);
    fd_callback_iter_free(it);
    fd_assert_ok(fd_store_callbacks_due(&it, f.s, &a, 0, 7 * DAY, open_late, 64));
    fd_assert_ok(fd_callback_iter_next(&row, it));
    cr_assert_not_null(row);
    cr_assert_eq(row->due_at, APR7_1730);
    fd_callback_iter_free(it);
    fd_assert_error(fd_store_callbacks_due(&it, f.s, &a, 0, 0, 0, 65), FD_ERANGE, "limit");
    fd_store_close(f.s);
}

Test(plans_callbacks_store, R_PLN_3_balanced_assignment_rebalance_on_join_and_one_leaving)
{
    fx f = fx_open("pcb-assign");
    fd_actor m = at(&f, f.manager, APR2_0900);
    m.grants = FD_GRANT_MANAGE;
    int64_t sa = 0, sb = 0, sc = 0;
    fd_assert_ok(fd_store_specialist_add(&sa, f.s, &m, f.amy, 1));
    fd_assert_ok(fd_store_specialist_add(&sb, f.s, &m, f.bob, 2));
    fd_assert_error(fd_store_specialist_add(&sc, f.s, &m, f.bob, 1), FD_ECONFLICT, "already");
    fd_actor clerk = at(&f, f.clerk, APR2_0900);
    fd_assert_error(fd_store_specialist_add(&sc, f.s, &clerk, f.cal, 1), FD_EPERM, "");
    int64_t asg[9];
    for (int i = 0; i < 9; i++) {
        char name[32];
        snprintf(name, sizeof name, "企业%d", i);
        fd_organisation o = FD_ORGANISATION_INIT;
        o.name = name;
        int64_t org = 0;
        fd_actor sys = fd_test_actor(f.site, 0, APR2_0900);
        fd_assert_ok(fd_store_organisation_add(&org, f.s, &sys, &o));
        fd_assert_ok(fd_store_assign_customer(&asg[i], f.s, &clerk, 0, org, 0));
        if (i == 0)
            fd_assert_error(fd_store_assign_customer(&asg[1], f.s, &clerk, 0, org, 0), FD_ECONFLICT, "assigned");
    }
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM customer_assignments WHERE specialist_id = 1"), 3);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM customer_assignments WHERE specialist_id = 2"), 6);
    /* a level-1 joins: 9 over 1:2:1 → 2.25, 4.5, 2.25: three move, fewest */
    fd_assert_ok(fd_store_specialist_add(&sc, f.s, &m, f.cal, 1));
    fd_rebalance *r = NULL;
    fd_assert_ok(fd_store_assign_rebalance(&r, f.s, &clerk, 0));
    cr_assert_eq(fd_rebalance_moved(r), 2, "moved %lld", (long long)fd_rebalance_moved(r));
    fd_rebalance_free(r);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM customer_assignments WHERE ended_at > 0"), 0,
                 "a proposal writes nothing");
    fd_assert_error(fd_store_assign_rebalance(&r, f.s, &clerk, 1), FD_EPERM, "");
    fd_assert_ok(fd_store_assign_rebalance(&r, f.s, &m, 1));
    fd_rebalance_free(r);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM customer_assignments WHERE ended_at = 0 "
                                         "AND specialist_id = 3"), 2);
    /* amy leaves: her customers go to the others, each new one to be contacted in 7 working days */
    fd_actor m2 = at(&f, f.manager, APR3_1700);
    m2.grants = FD_GRANT_MANAGE;
    fd_assert_ok(fd_store_specialist_leave(&r, f.s, &m2, sa, 1));
    int64_t id, level, before, after;
    fd_assert_ok(fd_rebalance_specialist(&id, &level, &before, &after, r, 0));
    cr_assert_eq(id, sa);
    cr_assert_eq(after, 0);
    cr_assert_eq(fd_rebalance_moved(r), before, "only the leaver's customers move");
    fd_rebalance_free(r);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM customer_assignments WHERE ended_at = 0 "
                                         "AND specialist_id = 1"), 0);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM customer_assignments WHERE ended_at = 0"), 9);
    fd_assert_error(fd_store_specialist_leave(&r, f.s, &m2, sa, 1), FD_ESTATE, "left");
    /* first contact: one recorded, the others missed after their due */
    int64_t ended = fd_test_sql_int(f.path, "SELECT min(id) FROM customer_assignments WHERE ended_at > 0");
    fd_assert_error(fd_store_assign_contact(f.s, &clerk, ended), FD_ESTATE, "ended");
    int64_t live = fd_test_sql_int(f.path, "SELECT min(id) FROM customer_assignments WHERE ended_at = 0");
    fd_assert_ok(fd_store_assign_contact(f.s, &clerk, live));
    fd_assert_error(fd_store_assign_contact(f.s, &clerk, live), FD_ESTATE, "contacted");
    fd_actor later = at(&f, f.clerk, APR2_0900 + 30 * DAY);
    fd_customer_assignment_iter *it = NULL;
    const fd_customer_assignment *row = NULL;
    fd_assert_ok(fd_store_assign_misses(&it, f.s, &later, 0, 64));
    int n = 0;
    while (fd_customer_assignment_iter_next(&row, it) == FD_OK && row) {
        cr_assert_eq(row->contacted_at, 0);
        cr_assert_eq(row->ended_at, 0);
        n++;
    }
    fd_customer_assignment_iter_free(it);
    cr_assert_eq(n, 8);
    fd_store_close(f.s);
}

/* --- the daily report's callbacks section (item 7) ------------------------------------------------ */

/* The counts of "callbacks.summary" in the daily report of @date at @when (due_today, overdue, quiet_now), and
 * its notes' count into *notes. */
static void day_counts(int64_t out[3], size_t *notes, fx *f, fd_date date, int64_t when)
{
    fd_report *r = NULL;
    fd_actor a = at(f, f->manager, when);
    fd_assert_ok(fd_report_daily_new(&r, f->s, &a, date, "zh"));
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    size_t found = 0;
    for (size_t i = 0; i < info.section_count; i++) {
        fd_report_section_info sec;
        fd_assert_ok(fd_report_section_get(&sec, r, i));
        if (strcmp(sec.key, "callbacks.summary") != 0)
            continue;
        found++;
        *notes = sec.note_count;
        static const char *const keys[] = { "due_today", "overdue", "quiet_now" };
        for (size_t row = 0; row < 3; row++) {
            fd_report_cell key, count;
            fd_assert_ok(fd_report_cell_get(&key, r, i, 0, row, 0));
            cr_assert_str_eq(key.text, keys[row]);
            fd_assert_ok(fd_report_cell_get(&count, r, i, 0, row, 2));
            out[row] = count.value;
        }
    }
    cr_assert_eq(found, 1);
    fd_report_free(r);
}

Test(plans_callbacks_store, R_PLN_2_daily_report_counts_due_overdue_and_held_in_quiet_hours)
{
    fx f = fx_open("pcb-daily");
    member_callback(&f, APR2_0900, APR2_1230);          /* due 14:00 (moved out of the lunch-time rest) */
    int64_t done = member_callback(&f, APR2_0900, APR2_0900 + HOUR);
    member_callback(&f, APR2_0900, APR7_1730);          /* another day */
    fd_actor a = at(&f, f.clerk, APR2_0900 + 2 * HOUR);
    fd_assert_ok(fd_store_callback_attempt(NULL, f.s, &a, done, 0, "done", "satisfied", NULL));
    int64_t c[3];
    size_t notes = 0;
    /* read at 12:30: one due today, none overdue yet, quiet hours now: nobody held (the 14:00 one is not due) */
    day_counts(c, &notes, &f, (fd_date){ 2026, 4, 2 }, APR2_1230);
    cr_assert(c[0] == 1 && c[1] == 0 && c[2] == 0, "%lld %lld %lld", (long long)c[0], (long long)c[1],
              (long long)c[2]);
    cr_assert_eq(notes, 2, "quiet now: the time calls resume is noted");
    /* an agreed 11:30 not called by 12:30 is held by the rest time, and overdue */
    member_callback(&f, APR2_0900 + 60, APR2_0900 + 2 * HOUR + 1800);
    day_counts(c, &notes, &f, (fd_date){ 2026, 4, 2 }, APR2_1230);
    cr_assert(c[0] == 2 && c[1] == 1 && c[2] == 1, "%lld %lld %lld", (long long)c[0], (long long)c[1],
              (long long)c[2]);
    /* read at 15:00: not quiet, both overdue; the day after, read later, the quiet count is the day's only */
    day_counts(c, &notes, &f, (fd_date){ 2026, 4, 2 }, APR2_1400 + HOUR);
    cr_assert(c[0] == 2 && c[1] == 2 && c[2] == 0 && notes == 1);
    day_counts(c, &notes, &f, (fd_date){ 2026, 4, 7 }, APR7_1730 + DAY);
    cr_assert(c[0] == 1 && c[1] == 3 && c[2] == 0, "%lld %lld %lld", (long long)c[0], (long long)c[1],
              (long long)c[2]);
    /* each count is one range of callbacks_site_due */
    char plan[4096];
    fd_test_plan(plan, sizeof plan, f.path, fd__callback_day_sql);
    int ranges = 0;
    for (const char *p = plan; (p = strstr(p, "SEARCH callbacks USING INDEX callbacks_site_due (site_id=?")); p++)
        ranges++;
    cr_assert_eq(ranges, 3, "%s", plan);
    cr_assert_null(strstr(plan, "SCAN callbacks"), "%s", plan);
    fd_store_close(f.s);
}
