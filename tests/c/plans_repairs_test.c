/*
 * Plans (issue 15), the store's side of repairs: registering a work order
 * with its automatic dispatch (R-PLN-6), the steps with the handler before
 * and after, a follow-up owed at done — a leak's at its leak test — and
 * recorded (not fixed: rework), the due list through the partial index and
 * the period's coverage (R-PLN-1). Instants are fixed (the actor's `at`).
 */
#include "fd_test.h"
#include "internal.h"

#include <stdlib.h>

#define HOUR 3600
#define DAY 86400
/* 2026-04-02 09:00 Thursday; 04-03 17:00 / 17:30 Friday before 清明节; 04-07 end, 04-20 10:00 */
#define APR2_0900 1775091600
#define APR3_1700 1775206800
#define APR3_1730 1775208600
#define APR7_END 1775577599
#define APR9_CLOSE 1775727000 /* 17:30, end of business */
#define APR20_1000 1776650400

typedef struct fx {
    char path[512];
    fd_store *s;
    int64_t site, clerk, manager, other_site, tech1, tech2;
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
    f.tech1 = fd_test_staff(f.s, f.site, APR2_0900 - 30 * DAY, "w01", "李师傅", "clerk");
    f.tech2 = fd_test_staff(f.s, f.site, APR2_0900 - 30 * DAY, "w02", "赵师傅", "clerk");
    return f;
}

static fd_actor at(const fx *f, int64_t staff, int64_t when)
{
    return fd_test_actor(f->site, staff, when);
}

static int64_t add_repair(fx *f, const char *category, int64_t when)
{
    fd_repair r = FD_REPAIR_INIT;
    r.received_at = when;
    r.channel = "phone";
    r.category = category;
    r.address = "3号楼1201 𠮷";
    r.customer = "王小丽";
    r.contact = "138 1234 5678";
    r.what = "卫生间漏水到楼下";
    r.skill = "plumbing";
    int64_t id = 0;
    fd_actor a = at(f, f->clerk, when);
    fd_assert_ok(fd_store_repair_add(&id, f->s, &a, &r));
    return id;
}

static void step(fx *f, int64_t id, const char *kind, int64_t handler, const char *note, int64_t when)
{
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    s.kind = kind;
    s.handler_id = handler;
    s.note = note;
    fd_actor a = at(f, f->clerk, when);
    fd_assert_ok(fd_store_repair_step(NULL, f->s, &a, id, &s));
}

static fd_repair *get(fx *f, int64_t id)
{
    fd_repair *r = NULL;
    fd_actor a = at(f, f->clerk, APR20_1000);
    fd_assert_ok(fd_store_repair_get(&r, f->s, &a, id));
    return r;
}

Test(plans_repairs, R_PLN_1_leak_repair_followed_up_after_its_leak_test)
{
    fx f = fx_open("repairs_leak");
    int64_t id = add_repair(&f, "leak", APR2_0900);
    step(&f, id, "dispatch", f.tech1, NULL, APR2_0900 + HOUR);
    step(&f, id, "accept", 0, NULL, APR2_0900 + 2 * HOUR);
    step(&f, id, "done", 0, NULL, APR3_1700);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM followups"), 0); /* no due before the leak test */
    step(&f, id, "leak_test", 0, NULL, APR3_1730);
    /* working days by default: 04-07, 04-08, 04-09 after 清明节, at the end of business */
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT due_at FROM followups"), APR9_CLOSE);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT start_at FROM followups"), APR3_1730);
    /* the due list through the partial index */
    fd_followup_iter *it = NULL;
    const fd_followup *fu = NULL;
    fd_actor a = at(&f, f.clerk, APR3_1730 + HOUR);
    fd_assert_ok(fd_store_followups_due(&it, f.s, &a, 0, 7 * DAY, 0, 10));
    fd_assert_ok(fd_followup_iter_next(&fu, it));
    cr_assert_not_null(fu);
    int64_t fid = fu->id;
    cr_assert_str_eq(fu->policy_key, "followup.leak_repair_days");
    fd_followup_iter_free(it);
    fd_assert_ok(fd_store_followups_due(&it, f.s, &a, 1, 0, 0, 10));
    fd_assert_ok(fd_followup_iter_next(&fu, it));
    cr_assert_null(fu); /* not overdue yet */
    fd_followup_iter_free(it);
    char plan[1024];
    fd_test_plan(plan, sizeof plan, f.path,
                 "SELECT id FROM followups WHERE site_id = 1 AND state = 'open' AND due_at <= 5 ORDER BY due_at, id");
    cr_assert(strstr(plan, "followups_site_due") != NULL, "%s", plan);
    /* recorded: fixed → followed_up, then closed */
    fd_actor b = at(&f, f.clerk, APR3_1730 + DAY);
    fd_assert_ok(fd_store_followup_record(NULL, f.s, &b, fid, "phone", "fixed", "satisfied", "修得很好"));
    fd_repair *r = get(&f, id);
    cr_assert_str_eq(r->state, "followed_up");
    fd_repair_free(r);
    fd_assert_error(fd_store_followup_record(NULL, f.s, &b, fid, "phone", "fixed", "satisfied", NULL), FD_ESTATE,
                    "done (已回访)");
    step(&f, id, "close", 0, NULL, APR3_1730 + DAY + HOUR);
    fd_followup_coverage c;
    fd_actor m = at(&f, f.manager, APR20_1000);
    fd_assert_ok(fd_store_followup_coverage(&c, f.s, &m, APR2_0900, APR20_1000));
    cr_assert_eq(c.done, 1);
    cr_assert_eq(c.in_time, 1);
    cr_assert_eq(c.share_pct, 100);
    cr_assert(c.met);
    fd_store_close(f.s);
}

Test(plans_repairs, R_PLN_1_leak_key_set_to_calendar_days_rolls_off_the_holiday)
{
    fx f = fx_open("repairs_leak_calendar");
    fd_actor m = at(&f, f.manager, APR2_0900 - DAY);
    m.grants = FD_GRANT_MANAGE;
    fd_assert_ok(fd_store_policy_set_deadline(f.s, &m, "followup.leak_repair_days", 3, FD_CALENDAR_UNIT_CALENDAR_DAYS));
    int64_t id = add_repair(&f, "leak", APR2_0900);
    step(&f, id, "dispatch", f.tech1, NULL, APR2_0900 + HOUR);
    step(&f, id, "accept", 0, NULL, APR2_0900 + 2 * HOUR);
    step(&f, id, "done", 0, NULL, APR3_1700);
    step(&f, id, "leak_test", 0, NULL, APR3_1730);
    /* 3 calendar days end on 04-06, 清明节: rolled to the end of 04-07 */
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT due_at FROM followups"), APR7_END);
    fd_store_close(f.s);
}

Test(plans_repairs, R_PLN_1_not_fixed_sends_it_back_and_a_new_followup_is_owed)
{
    fx f = fx_open("repairs_rework");
    int64_t id = add_repair(&f, "plumbing", APR2_0900);
    step(&f, id, "dispatch", f.tech1, NULL, APR2_0900 + HOUR);
    step(&f, id, "accept", 0, NULL, APR2_0900 + 2 * HOUR);
    step(&f, id, "done", 0, NULL, APR2_0900 + 3 * HOUR);
    int64_t fid = fd_test_sql_int(f.path, "SELECT id FROM followups");
    fd_actor b = at(&f, f.clerk, APR2_0900 + 5 * HOUR);
    fd_assert_ok(fd_store_followup_record(NULL, f.s, &b, fid, "visit", "not_fixed", NULL, "还在滴水"));
    fd_repair *r = get(&f, id);
    cr_assert_str_eq(r->state, "dispatched");
    cr_assert_eq(r->handler_id, f.tech1); /* the same handler */
    cr_assert_eq(r->done_at, 0);
    fd_repair_free(r);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM followups WHERE state = 'superseded'"), 1);
    step(&f, id, "accept", 0, NULL, APR2_0900 + 6 * HOUR);
    step(&f, id, "done", 0, NULL, APR2_0900 + 7 * HOUR);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM followups WHERE state = 'open'"), 1);
    /* nobody followed it up: missed at 04-20 */
    fd_followup_coverage c;
    fd_actor m = at(&f, f.manager, APR20_1000);
    fd_assert_ok(fd_store_followup_coverage(&c, f.s, &m, APR2_0900, APR20_1000));
    cr_assert_eq(c.done, 1);
    cr_assert_eq(c.missed, 1);
    cr_assert_eq(c.share_pct, 0);
    cr_assert_not(c.met);
    fd_repair_iter *it = NULL;
    const fd_repair *miss = NULL;
    fd_assert_ok(fd_store_followup_misses(&it, f.s, &m, APR2_0900, APR20_1000, 0, 10));
    fd_assert_ok(fd_repair_iter_next(&miss, it));
    cr_assert_not_null(miss);
    cr_assert_eq(miss->id, id);
    fd_assert_ok(fd_repair_iter_next(&miss, it));
    cr_assert_null(miss);
    fd_repair_iter_free(it);
    /* the events keep the chain: receive, dispatch, accept, done, rework, accept, done */
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM repair_events"), 7);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT to_handler FROM repair_events WHERE kind = 'rework'"), f.tech1);
    fd_store_close(f.s);
}

Test(plans_repairs, R_PLN_6_transferred_twice_and_returned_keeps_who_had_it)
{
    fx f = fx_open("repairs_transfer");
    int64_t id = add_repair(&f, "electrical", APR2_0900);
    step(&f, id, "dispatch", f.tech1, NULL, APR2_0900 + HOUR);
    step(&f, id, "transfer", f.tech2, NULL, APR2_0900 + 2 * HOUR);
    step(&f, id, "transfer", f.tech1, NULL, APR2_0900 + 3 * HOUR);
    step(&f, id, "return", 0, "需要外包电梯公司", APR2_0900 + 4 * HOUR);
    fd_repair *r = get(&f, id);
    cr_assert_str_eq(r->state, "received");
    cr_assert_eq(r->handler_id, 0);
    fd_repair_free(r);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM repair_events WHERE kind = 'transfer' AND "
                                         "from_handler IS NOT NULL AND to_handler IS NOT NULL"), 2);
    /* bad input changes nothing: a step the state does not allow, a follow-up before done */
    char *before = fd_test_table_dump(f.path, "repairs");
    fd_repair_step s = FD_REPAIR_STEP_INIT;
    s.kind = "done";
    fd_actor a = at(&f, f.clerk, APR2_0900 + 5 * HOUR);
    fd_assert_error(fd_store_repair_step(NULL, f.s, &a, id, &s), FD_ESTATE, "received (已受理) allows");
    s.kind = "followup";
    fd_assert_error(fd_store_repair_step(NULL, f.s, &a, id, &s), FD_ESTATE, "is received (已受理): a follow-up is owed only once it is done");
    s.kind = "dispatch";
    s.handler_id = 999;
    fd_assert_error(fd_store_repair_step(NULL, f.s, &a, id, &s), FD_ENOTFOUND, "step.handler_id");
    char *after = fd_test_table_dump(f.path, "repairs");
    cr_assert_str_eq(before, after);
    free(before);
    free(after);
    fd_store_close(f.s);
}

Test(plans_repairs, R_PLN_6_round_robin_dispatches_among_the_skilled_on_registration)
{
    fx f = fx_open("repairs_assign");
    fd_actor m = at(&f, f.manager, APR2_0900 - DAY);
    m.grants = FD_GRANT_MANAGE;
    int64_t k1 = 0, k2 = 0;
    fd_assert_ok(fd_store_staff_skill_add(&k1, f.s, &m, f.tech1, "plumbing"));
    fd_assert_ok(fd_store_staff_skill_add(&k2, f.s, &m, f.tech2, "plumbing"));
    fd_assert_error(fd_store_staff_skill_add(&k2, f.s, &m, f.tech2, "plumbing"), FD_ECONFLICT, "already");
    fd_assert_error(fd_store_policy_set(f.s, &m, "repair.assignment", 3), FD_ERANGE, "repair.assignment");
    fd_assert_ok(fd_store_policy_set(f.s, &m, "repair.assignment", 1));
    int64_t a = add_repair(&f, "plumbing", APR2_0900);
    int64_t b = add_repair(&f, "plumbing", APR2_0900 + HOUR);
    int64_t c = add_repair(&f, "plumbing", APR2_0900 + 2 * HOUR);
    fd_repair *ra = get(&f, a), *rb = get(&f, b), *rc = get(&f, c);
    cr_assert_str_eq(ra->state, "dispatched");
    cr_assert_eq(ra->handler_id, f.tech1);
    cr_assert_eq(rb->handler_id, f.tech2);
    cr_assert_eq(rc->handler_id, f.tech1);
    fd_repair_free(ra);
    fd_repair_free(rb);
    fd_repair_free(rc);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM repair_events WHERE kind = 'dispatch' AND "
                                         "staff_id IS NULL"), 3);
    /* one leaves the trade: least_open among the rest */
    fd_assert_ok(fd_store_staff_skill_retire(f.s, &m, k1));
    fd_assert_error(fd_store_staff_skill_retire(f.s, &m, k1), FD_ESTATE, "retired already");
    fd_assert_ok(fd_store_policy_set(f.s, &m, "repair.assignment", 2));
    int64_t d = add_repair(&f, "plumbing", APR2_0900 + 3 * HOUR);
    fd_repair *rd = get(&f, d);
    cr_assert_eq(rd->handler_id, f.tech2);
    fd_repair_free(rd);
    fd_store_close(f.s);
}

/* --- the daily report's repairs section (item 7) ------------------------------------------------ */

/* The counts of "repairs.summary" in the daily report of @date at @when, in row order. */
static void day_counts(int64_t out[5], fx *f, fd_date date, int64_t when)
{
    fd_report *r = NULL;
    fd_actor a = at(f, f->manager, when);
    fd_assert_ok(fd_report_daily_new(&r, f->s, &a, date, "en"));
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    size_t found = 0;
    for (size_t i = 0; i < info.section_count; i++) {
        fd_report_section_info sec;
        fd_assert_ok(fd_report_section_get(&sec, r, i));
        if (strcmp(sec.key, "repairs.summary") != 0)
            continue;
        found++;
        static const char *const keys[] = { "received", "open", "done", "followups_due", "followups_missed" };
        for (size_t row = 0; row < 5; row++) {
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

#define APR10_1000 (APR20_1000 - 10 * DAY)

Test(plans_repairs, R_PLN_1_daily_report_counts_received_open_done_and_followups_due_and_missed)
{
    fx f = fx_open("repairs_daily");
    int64_t leak = add_repair(&f, "leak", APR2_0900);
    add_repair(&f, "plumbing", APR2_0900 + HOUR); /* left open */
    step(&f, leak, "dispatch", f.tech1, NULL, APR2_0900 + 2 * HOUR);
    step(&f, leak, "accept", 0, NULL, APR2_0900 + 3 * HOUR);
    step(&f, leak, "done", 0, NULL, APR3_1700);
    step(&f, leak, "leak_test", 0, NULL, APR3_1730);
    int64_t c[5];
    day_counts(c, &f, (fd_date){ 2026, 4, 2 }, APR10_1000);
    cr_assert(c[0] == 2 && c[1] == 1 && c[2] == 0 && c[3] == 0 && c[4] == 0, "%lld %lld %lld %lld %lld",
              (long long)c[0], (long long)c[1], (long long)c[2], (long long)c[3], (long long)c[4]);
    day_counts(c, &f, (fd_date){ 2026, 4, 3 }, APR10_1000);
    cr_assert(c[0] == 0 && c[2] == 1 && c[3] == 0 && c[4] == 0);
    /* due 04-09 17:30 (working days after 清明节): due that day; read on the 9th at 10:00 it is not missed yet */
    day_counts(c, &f, (fd_date){ 2026, 4, 9 }, APR10_1000 - DAY);
    cr_assert(c[3] == 1 && c[4] == 0, "%lld %lld", (long long)c[3], (long long)c[4]);
    day_counts(c, &f, (fd_date){ 2026, 4, 9 }, APR10_1000);
    cr_assert(c[3] == 1 && c[4] == 1, "%lld %lld", (long long)c[3], (long long)c[4]);
    /* each count is one range of an index */
    static const char *const index[] = { "repairs_site_received", "repairs_handler_open", "repair_events_site_kind",
                                         "followups_site_due" };
    char plan[4096];
    fd_test_plan(plan, sizeof plan, f.path, fd__repair_day_sql);
    for (size_t i = 0; i < 4; i++)
        cr_assert(strstr(plan, index[i]) != NULL, "%s\n%s", fd__repair_day_sql, plan);
    cr_assert_null(strstr(plan, "TEMP B-TREE"), "%s", plan);
    fd_store_close(f.s);
}
