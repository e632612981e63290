/*
 * Monthly statistics of complaints (issue 13, item 6; R-CPL-6): the pure
 * accumulator over a hand-computed month, and the store's month read through
 * complaints_site_received. The month is October 2026 in Asia/Shanghai:
 * 国庆节 10-01 … 10-07 off, the make-up working Saturday 10-10; business
 * hours 08:30-12:00 and 13:30-17:30 (7.5 working hours a day).
 */
#include "fd_test.h"
#include "internal.h"

#include <math.h>
#include <stdlib.h>

#define HOUR 3600
#define DAY 86400

/* Site-local time in Asia/Shanghai (no DST): y-m-d h:mi. */
static int64_t cst(int y, int m, int d, int h, int mi)
{
    return fd__days_from_civil(y, m, d) * DAY + h * HOUR + mi * 60 - 8 * HOUR;
}

static fd_complaint stored(const char *severity, const char *category, int64_t department, const char *validity,
                           int64_t received_at, int64_t accepted_at, int64_t closed_at, int64_t reopened,
                           const char *satisfaction)
{
    fd_complaint c = FD_COMPLAINT_INIT;
    c.severity = severity;
    c.category = category;
    c.department_id = department;
    c.validity = validity;
    c.received_at = received_at;
    c.accepted_at = accepted_at;
    c.closed_at = closed_at;
    c.reopened = reopened;
    c.satisfaction = satisfaction;
    c.state = "registered";
    return c;
}

static fd_complaint_stats_row row_of(fd_complaint_stats *st, int group, size_t i)
{
    fd_complaint_stats_row r = FD_COMPLAINT_STATS_ROW_INIT;
    fd_assert_ok(fd_complaint_stats_row_get(&r, st, group, i));
    return r;
}

static void row_is(fd_complaint_stats *st, int group, size_t i, const char *key, int64_t count, int64_t resolved,
                   int64_t in_time, double share)
{
    fd_complaint_stats_row r = row_of(st, group, i);
    cr_assert_str_eq(r.key, key, "group %d row %zu", group, i);
    cr_assert_eq(r.count, count, "%s: count %lld", key, (long long)r.count);
    cr_assert_eq(r.resolved, resolved, "%s: resolved %lld", key, (long long)r.resolved);
    cr_assert_eq(r.resolved_in_time, in_time, "%s", key);
    cr_assert(fabs(r.resolved_in_time_share - share) < 1e-9, "%s: share %g", key, r.resolved_in_time_share);
}

/* The hand-computed month of the file comment's calendar:
 * A important repair dept 5: Thu 10-15 09:00 → 14:30, 3 h + 1 h over the lunch break = 14400 s, in time, satisfied;
 * B minor cleaning dept 5: Fri 10-16 16:30 → Mon 10-19 09:30 across the weekend = 7200 s, in time, average;
 * C major security dept 7: received on the holiday 10-01 10:00 → Fri 10-09 17:30 = two whole days 54000 s, late,
 *   unsatisfied (followed up, not closed);
 * D important repair dept 7: the 调休 Saturday 10-10 08:30 → 12:00 = 12600 s, in time (implemented, open);
 * E minor repair dept 5: reopened twice, open, its earlier follow-up unsatisfied;
 * F minor noise: invalid, closed;
 * G major repair: not assessed, received 10-31 23:30 local (15:30 UTC). */
static void feed_month(fd_complaint_stats *st)
{
    fd_complaint v[] = {
        stored("important", "repair", 5, "valid", cst(2026, 10, 15, 9, 0), cst(2026, 10, 15, 14, 30),
               cst(2026, 10, 20, 10, 0), 0, "satisfied"),
        stored("minor", "cleaning", 5, "valid", cst(2026, 10, 16, 16, 30), cst(2026, 10, 19, 9, 30),
               cst(2026, 10, 21, 10, 0), 0, "average"),
        stored("major", "security", 7, "valid", cst(2026, 10, 1, 10, 0), cst(2026, 10, 9, 17, 30), 0, 0,
               "unsatisfied"),
        stored("important", "repair", 7, "valid", cst(2026, 10, 10, 8, 30), cst(2026, 10, 10, 12, 0), 0, 0, ""),
        stored("minor", "repair", 5, "valid", cst(2026, 10, 20, 9, 0), 0, 0, 2, "unsatisfied"),
        stored("minor", "noise", 0, "invalid", cst(2026, 10, 21, 9, 0), 0, cst(2026, 10, 21, 11, 0), 0, NULL),
        stored("major", "repair", 0, "", cst(2026, 10, 31, 23, 30), 0, 0, 0, NULL),
    };
    int in_time[] = { 1, 1, 0, 1, 1, 1, 1 }; /* E, F, G: not resolved, the flag is not looked at */
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        fd_assert_ok(fd_complaint_stats_add(st, &v[i], in_time[i]));
}

Test(complaint_stats, R_CPL_6_a_hand_computed_month)
{
    fd_calendar *cal = NULL;
    fd_complaint_stats *st = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_complaint_stats_new(&st, cal, 2026, 10));
    feed_month(st);
    fd_complaint_stats_totals t = FD_COMPLAINT_STATS_TOTALS_INIT;
    fd_assert_ok(fd_complaint_stats_get(&t, st));
    cr_assert_eq(t.year, 2026);
    cr_assert_eq(t.month, 10);
    cr_assert_eq(t.month_start, cst(2026, 10, 1, 0, 0));
    cr_assert_eq(t.month_end, cst(2026, 11, 1, 0, 0));
    cr_assert_eq(t.received, 7);
    cr_assert_eq(t.valid, 5);
    cr_assert_eq(t.invalid, 1);
    cr_assert_eq(t.unassessed, 1);
    cr_assert_eq(t.open, 4); /* C, D, E, G */
    cr_assert_eq(t.resolved, 4);
    cr_assert_eq(t.resolved_in_time, 3);
    cr_assert(fabs(t.resolved_in_time_share - 0.75) < 1e-9);
    /* sorted 7200, 12600, 14400, 54000: nearest rank 2 and 4 */
    cr_assert_eq(t.resolve_median_s, 12600);
    cr_assert_eq(t.resolve_p90_s, 54000);
    cr_assert_eq(t.reopened, 1);
    cr_assert_eq(t.reopens, 2);
    cr_assert(fabs(t.reopen_share - 1.0 / 7) < 1e-9);
    cr_assert_eq(t.followed_up, 4);
    cr_assert_eq(t.satisfied, 1);
    cr_assert_eq(t.average, 1);
    cr_assert_eq(t.unsatisfied, 2);
    cr_assert(fabs(t.satisfied_share - 0.25) < 1e-9);
    cr_assert_eq(t.provisional, 0);

    cr_assert_eq(fd_complaint_stats_row_count(st, FD_COMPLAINT_STATS_SEVERITY), 3);
    row_is(st, FD_COMPLAINT_STATS_SEVERITY, 0, "major", 2, 1, 0, 0.0);
    row_is(st, FD_COMPLAINT_STATS_SEVERITY, 1, "important", 2, 2, 2, 1.0);
    row_is(st, FD_COMPLAINT_STATS_SEVERITY, 2, "minor", 3, 1, 1, 1.0);
    row_is(st, FD_COMPLAINT_STATS_VALIDITY, 0, "valid", 5, 4, 3, 0.75);
    row_is(st, FD_COMPLAINT_STATS_VALIDITY, 1, "invalid", 1, 0, 0, -1.0);
    row_is(st, FD_COMPLAINT_STATS_VALIDITY, 2, "unassessed", 1, 0, 0, -1.0);
    cr_assert_eq(fd_complaint_stats_row_count(st, FD_COMPLAINT_STATS_CATEGORY), 4);
    row_is(st, FD_COMPLAINT_STATS_CATEGORY, 0, "repair", 4, 2, 2, 1.0);
    row_is(st, FD_COMPLAINT_STATS_CATEGORY, 1, "cleaning", 1, 1, 1, 1.0);
    row_is(st, FD_COMPLAINT_STATS_CATEGORY, 2, "noise", 1, 0, 0, -1.0);
    row_is(st, FD_COMPLAINT_STATS_CATEGORY, 3, "security", 1, 1, 0, 0.0);
    cr_assert_eq(fd_complaint_stats_row_count(st, FD_COMPLAINT_STATS_DEPARTMENT), 3);
    row_is(st, FD_COMPLAINT_STATS_DEPARTMENT, 0, "5", 3, 2, 2, 1.0);
    row_is(st, FD_COMPLAINT_STATS_DEPARTMENT, 1, "unassigned", 2, 0, 0, -1.0);
    row_is(st, FD_COMPLAINT_STATS_DEPARTMENT, 2, "7", 2, 2, 1, 0.5);
    cr_assert_eq(row_of(st, FD_COMPLAINT_STATS_DEPARTMENT, 0).department_id, 5);
    cr_assert_eq(row_of(st, FD_COMPLAINT_STATS_DEPARTMENT, 1).department_id, 0);

    fd_complaint_stats_row r = FD_COMPLAINT_STATS_ROW_INIT;
    fd_assert_error(fd_complaint_stats_row_get(&r, st, FD_COMPLAINT_STATS_CATEGORY, 4), FD_ERANGE, "index");
    fd_complaint_stats_free(st);
    fd_calendar_free(cal);
}

/* Row @i of @group has the median and p90 (working seconds) @median, @p90. */
static void row_times_are(fd_complaint_stats *st, int group, size_t i, int64_t median, int64_t p90)
{
    fd_complaint_stats_row r = row_of(st, group, i);
    cr_assert_eq(r.resolve_median_s, median, "%s: median %lld", r.key, (long long)r.resolve_median_s);
    cr_assert_eq(r.resolve_p90_s, p90, "%s: p90 %lld", r.key, (long long)r.resolve_p90_s);
}

Test(complaint_stats, R_CPL_6_each_row_has_its_median_and_p90)
{
    fd_calendar *cal = NULL;
    fd_complaint_stats *st = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_complaint_stats_new(&st, cal, 2026, 10));
    /* read once before the month is fed: the rows read after an add see the new times */
    row_times_are(st, FD_COMPLAINT_STATS_SEVERITY, 0, -1, -1);
    feed_month(st);
    /* major: C 54000; important: D 12600, A 14400 (ranks 1 and 2); minor: B 7200 */
    row_times_are(st, FD_COMPLAINT_STATS_SEVERITY, 0, 54000, 54000);
    row_times_are(st, FD_COMPLAINT_STATS_SEVERITY, 1, 12600, 14400);
    row_times_are(st, FD_COMPLAINT_STATS_SEVERITY, 2, 7200, 7200);
    row_times_are(st, FD_COMPLAINT_STATS_VALIDITY, 0, 12600, 54000);
    row_times_are(st, FD_COMPLAINT_STATS_VALIDITY, 1, -1, -1);
    row_times_are(st, FD_COMPLAINT_STATS_CATEGORY, 0, 12600, 14400); /* repair */
    row_times_are(st, FD_COMPLAINT_STATS_CATEGORY, 2, -1, -1);       /* noise: none resolved */
    row_times_are(st, FD_COMPLAINT_STATS_CATEGORY, 3, 54000, 54000); /* security */
    row_times_are(st, FD_COMPLAINT_STATS_DEPARTMENT, 0, 7200, 14400); /* 5: B, A */
    row_times_are(st, FD_COMPLAINT_STATS_DEPARTMENT, 2, 12600, 54000); /* 7: D, C */
    fd_complaint_stats_row r = FD_COMPLAINT_STATS_ROW_INIT;
    fd_assert_error(fd_complaint_stats_row_get(&r, st, 9, 0), FD_EINVAL, "group");
    cr_assert_eq(fd_complaint_stats_row_count(st, 9), 0);
    cr_assert_eq(fd_complaint_stats_row_count(NULL, FD_COMPLAINT_STATS_SEVERITY), 0);
    fd_complaint_stats_free(st);
    fd_calendar_free(cal);
}

Test(complaint_stats, R_CPL_6_the_month_is_the_sites_local_month)
{
    fd_calendar *cal = NULL;
    fd_complaint_stats *st = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_complaint_stats_new(&st, cal, 2026, 10));
    /* 10-31 23:30 local is 15:30 UTC the same day: October; 11-01 00:30 local is still 10-31 in UTC: November */
    fd_complaint c = stored("minor", "repair", 0, "", cst(2026, 10, 31, 23, 30), 0, 0, 0, NULL);
    fd_assert_ok(fd_complaint_stats_add(st, &c, 0));
    c.received_at = cst(2026, 11, 1, 0, 30);
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_ERANGE, "local 2026-11-01 is not in the month 2026-10");
    c.received_at = cst(2026, 10, 1, 0, 0) - 1;
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_ERANGE, "complaint.received_at");
    c.received_at = cst(2026, 10, 1, 0, 0);
    fd_assert_ok(fd_complaint_stats_add(st, &c, 0));
    /* refused complaints change nothing */
    c.severity = "urgent";
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_EINVAL, "complaint.severity");
    c.severity = "minor";
    c.validity = "maybe";
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_EINVAL, "complaint.validity");
    c.validity = "valid";
    c.satisfaction = "happy";
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_EINVAL, "complaint.satisfaction");
    c.satisfaction = NULL;
    c.accepted_at = c.received_at - 1;
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_ERANGE, "complaint.accepted_at");
    fd_complaint_stats_totals t = FD_COMPLAINT_STATS_TOTALS_INIT;
    fd_assert_ok(fd_complaint_stats_get(&t, st));
    cr_assert_eq(t.received, 2);
    cr_assert_eq(fd_complaint_stats_row_count(st, FD_COMPLAINT_STATS_CATEGORY), 1);
    fd_complaint_stats_free(st);
    /* another zone: New York's October starts at 04:00 UTC */
    fd_assert_ok(fd_calendar_set_time_zone(cal, "America/New_York"));
    fd_assert_ok(fd_complaint_stats_new(&st, cal, 2026, 10));
    fd_assert_ok(fd_complaint_stats_get(&t, st));
    cr_assert_eq(t.month_start, fd__days_from_civil(2026, 10, 1) * DAY + 4 * HOUR);
    fd_complaint_stats_free(st);
    fd_assert_error(fd_complaint_stats_new(&st, cal, 2026, 13), FD_ERANGE, "month");
    cr_assert_null(st);
    fd_assert_error(fd_complaint_stats_new(&st, cal, 2500, 1), FD_ERANGE, "year");
    fd_calendar_free(cal);
}

Test(complaint_stats, R_CPL_6_an_empty_month_is_zeros_and_no_shares)
{
    fd_calendar *cal = NULL;
    fd_complaint_stats *st = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    fd_assert_ok(fd_complaint_stats_new(&st, cal, 2026, 2));
    fd_complaint_stats_totals t = FD_COMPLAINT_STATS_TOTALS_INIT;
    fd_assert_ok(fd_complaint_stats_get(&t, st));
    cr_assert_eq(t.received, 0);
    cr_assert_eq(t.resolved, 0);
    cr_assert_eq(t.resolve_median_s, -1);
    cr_assert_eq(t.resolve_p90_s, -1);
    cr_assert_eq(t.resolved_in_time_share, -1.0);
    cr_assert_eq(t.reopen_share, -1.0);
    cr_assert_eq(t.satisfied_share, -1.0);
    cr_assert_eq(fd_complaint_stats_row_count(st, FD_COMPLAINT_STATS_CATEGORY), 0);
    cr_assert_eq(fd_complaint_stats_row_count(st, FD_COMPLAINT_STATS_DEPARTMENT), 0);
    row_is(st, FD_COMPLAINT_STATS_SEVERITY, 0, "major", 0, 0, 0, -1.0);
    fd_assert_error(fd_complaint_stats_get(NULL, st), FD_EINVAL, "out");
    fd_complaint_stats_free(st);
    fd_calendar_free(cal);
}

/* --- the store's month ------------------------------------------------------------------------------ */

typedef struct fx {
    char path[4096];
    fd_store *s;
    int64_t site, other_site, clerk, manager, other_clerk, eng;
} fx;

static fx fx_open(void)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path("complaint_stats"));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_test_sites t = fd_test_two_sites(f.s, cst(2026, 9, 1, 9, 0));
    f.site = t.site;
    f.other_site = t.other_site;
    f.clerk = t.clerk;
    f.manager = t.manager;
    f.other_clerk = t.other_clerk;
    f.eng = fd_test_department(f.s, f.site, cst(2026, 9, 1, 9, 0), "某某物业服务中心", "工程部");
    return f;
}

static int64_t fx_add(fx *f, int64_t site, int64_t staff, const char *severity, int64_t at)
{
    fd_complaint c = FD_COMPLAINT_INIT;
    c.received_at = at;
    c.channel = "phone";
    c.category = "repair";
    c.severity = severity;
    c.what = "电梯困人";
    fd_actor a = fd_test_actor(site, staff, at);
    int64_t id = 0;
    fd_assert_ok(fd_store_complaint_add(&id, f->s, &a, &c));
    return id;
}

static int64_t fx_step(fx *f, int64_t id, int64_t at, const char *kind, int64_t proposal)
{
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    s.kind = kind;
    s.valid = 1;
    s.note = "已处理";
    s.department_id = f->eng;
    s.promised_at = at + 5 * DAY;
    s.cause = "设备老化";
    s.solution = "更换部件";
    s.proposal_id = proposal;
    s.satisfaction = "satisfied";
    s.accepted = 1;
    fd_actor a = fd_test_actor(f->site, strcmp(kind, "choose") == 0 ? f->manager : f->clerk, at);
    if (strcmp(kind, "choose") == 0)
        a.grants = FD_GRANT_MANAGE;
    int64_t e = 0;
    fd_assert_ok(fd_store_complaint_step(&e, f->s, &a, id, &s));
    return e;
}

/* Registered at @t, taken through to implemented at @implemented (then followed up when @followup). */
static int64_t fx_resolved(fx *f, const char *severity, int64_t t, int64_t implemented, bool followup)
{
    int64_t id = fx_add(f, f->site, f->clerk, severity, t);
    fx_step(f, id, t + 600, "assess", 0);
    fx_step(f, id, t + 1200, "assign", 0);
    fx_step(f, id, t + 1800, "investigate", 0);
    int64_t p = fx_step(f, id, t + 2400, "propose", 0);
    fx_step(f, id, t + 3000, "choose", p);
    fx_step(f, id, implemented, "implement", 0);
    if (followup)
        fx_step(f, id, implemented + HOUR, "followup", 0);
    return id;
}

/*
 * October 2026 at the site: one important complaint resolved in 4 working
 * hours in time and followed up satisfied; a major one resolved, followed up
 * and reopened (not resolved any more); a minor one assessed invalid; a major
 * one at 23:30 on the 31st (unassessed). Outside the month: 11-01 00:30,
 * 09-30 23:30 local, and another site's complaint.
 */
static fx fx_october(void)
{
    fx f = fx_open();
    /* 4 working hours, in time (important: resolved within 3 days), satisfied */
    fx_resolved(&f, "important", cst(2026, 10, 15, 9, 0), cst(2026, 10, 15, 14, 30), true);
    /* reopened after its follow-up: not resolved any more, its follow-up still counted */
    int64_t reopened = fx_resolved(&f, "major", cst(2026, 10, 20, 9, 0), cst(2026, 10, 22, 9, 0), true);
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    s.kind = "reopen";
    s.note = "客户反映问题复发";
    fd_actor a = fd_test_actor(f.site, f.clerk, cst(2026, 10, 23, 9, 0));
    fd_assert_ok(fd_store_complaint_step(NULL, f.s, &a, reopened, &s));
    /* invalid */
    int64_t inv = fx_add(&f, f.site, f.clerk, "minor", cst(2026, 10, 21, 9, 0));
    s = (fd_complaint_step)FD_COMPLAINT_STEP_INIT;
    s.kind = "assess";
    s.valid = 0;
    s.note = "不属于物业服务范围，已向客户解释";
    a = fd_test_actor(f.site, f.clerk, cst(2026, 10, 21, 10, 0));
    fd_assert_ok(fd_store_complaint_step(NULL, f.s, &a, inv, &s));
    /* the month's edges in local time; another site's complaint in the month */
    fx_add(&f, f.site, f.clerk, "major", cst(2026, 10, 31, 23, 30));
    fx_add(&f, f.site, f.clerk, "major", cst(2026, 11, 1, 0, 30));
    fx_add(&f, f.site, f.clerk, "major", cst(2026, 9, 30, 23, 30));
    fx_add(&f, f.other_site, f.other_clerk, "major", cst(2026, 10, 15, 9, 0));
    return f;
}

Test(complaint_stats, R_CPL_6_the_stores_month_counts_the_sites_local_month_only)
{
    fx f = fx_october();
    fd_actor clerk = fd_test_actor(f.site, f.clerk, cst(2026, 11, 2, 9, 0));
    fd_complaint_stats *st = NULL;
    fd_assert_ok(fd_store_complaint_stats(&st, f.s, &clerk, 2026, 10));
    fd_complaint_stats_totals t = FD_COMPLAINT_STATS_TOTALS_INIT;
    fd_assert_ok(fd_complaint_stats_get(&t, st));
    cr_assert_eq(t.received, 4);
    cr_assert_eq(t.valid, 2);
    cr_assert_eq(t.invalid, 1);
    cr_assert_eq(t.unassessed, 1);
    cr_assert_eq(t.open, 3);
    cr_assert_eq(t.resolved, 1);
    cr_assert_eq(t.resolved_in_time, 1);
    cr_assert_eq(t.resolve_median_s, 4 * HOUR);
    cr_assert_eq(t.resolve_p90_s, 4 * HOUR);
    cr_assert_eq(t.reopened, 1);
    cr_assert_eq(t.followed_up, 2);
    cr_assert_eq(t.satisfied, 2);
    row_is(st, FD_COMPLAINT_STATS_SEVERITY, 0, "major", 2, 0, 0, -1.0);
    row_is(st, FD_COMPLAINT_STATS_SEVERITY, 1, "important", 1, 1, 1, 1.0);
    row_is(st, FD_COMPLAINT_STATS_DEPARTMENT, 0, "unassigned", 2, 0, 0, -1.0);
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)f.eng);
    row_is(st, FD_COMPLAINT_STATS_DEPARTMENT, 1, key, 2, 1, 1, 1.0);
    /* the store's month is final */
    fd_complaint c = stored("minor", "repair", 0, "", cst(2026, 10, 2, 9, 0), 0, 0, 0, NULL);
    fd_assert_error(fd_complaint_stats_add(st, &c, 0), FD_ESTATE, "final");
    fd_complaint_stats_free(st);

    /* a month without complaints; a bad month */
    fd_assert_ok(fd_store_complaint_stats(&st, f.s, &clerk, 2026, 12));
    fd_assert_ok(fd_complaint_stats_get(&t, st));
    cr_assert_eq(t.received, 0);
    cr_assert_eq(t.resolve_median_s, -1);
    fd_complaint_stats_free(st);
    fd_assert_error(fd_store_complaint_stats(&st, f.s, &clerk, 2026, 0), FD_ERANGE, "fd_store_complaint_stats: month");
    cr_assert_null(st);
    fd_actor nobody = fd_test_actor(f.site, 999, cst(2026, 11, 2, 9, 0));
    cr_assert_neq(fd_store_complaint_stats(&st, f.s, &nobody, 2026, 10), FD_OK);
    fd_store_close(f.s);
}

/* --- the month report (R-CPL-6) --------------------------------------------------------------------------- */

/* The cell at @row, @col of section @key's table. */
static fd_report_cell cell_of(const fd_report *r, const char *key, size_t row, size_t col)
{
    fd_report_cell c;
    fd_assert_ok(fd_report_cell_get(&c, r, fd_test_report_section(r, key), 0, row, col));
    return c;
}

/* Row @row of a group section: key, label, count, resolved, within target, share (-1: null), median, p90 (-1: null). */
static void group_row_is(const fd_report *r, const char *section, size_t row, const char *key, const char *label,
                         int64_t count, int64_t resolved, int64_t in_time, int64_t share, int64_t median, int64_t p90)
{
    cr_assert_str_eq(cell_of(r, section, row, 0).text, key, "%s row %zu", section, row);
    cr_assert_str_eq(cell_of(r, section, row, 1).text, label, "%s %s", section, key);
    const int64_t want[] = { count, resolved, in_time, share, median, p90 };
    for (size_t i = 0; i < 6; i++) {
        fd_report_cell c = cell_of(r, section, row, 2 + i);
        if (want[i] < 0)
            cr_assert(c.is_null, "%s %s column %zu is not null", section, key, 2 + i);
        else
            cr_assert(!c.is_null && c.value == want[i], "%s %s column %zu: %lld", section, key, 2 + i,
                      (long long)c.value);
    }
}

static const char *meta_of(const fd_report *r, const char *key)
{
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    for (size_t i = 0; i < info.meta_count; i++) {
        fd_report_meta_info m;
        fd_assert_ok(fd_report_meta_get(&m, r, i));
        if (strcmp(m.key, key) == 0)
            return m.value;
    }
    cr_assert_fail("no meta %s", key);
    return NULL;
}

Test(complaint_report, R_CPL_6_the_month_report_of_a_small_month)
{
    fx f = fx_october();
    fd_actor clerk = fd_test_actor(f.site, f.clerk, cst(2026, 11, 2, 9, 0));
    fd_report *r = NULL;
    fd_assert_ok(fd_report_complaints_month_new(&r, f.s, &clerk, 2026, 10, "en"));
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    cr_assert_str_eq(info.key, "complaints.month");
    cr_assert_str_eq(meta_of(r, "month"), "2026-10");
    cr_assert_str_eq(meta_of(r, "time_zone"), "Asia/Shanghai");
    cr_assert_str_eq(meta_of(r, "total"), "4");
    cr_assert_str_eq(meta_of(r, "provisional"), "no");
    cr_assert_str_eq(meta_of(r, "generated"), "2026-11-02 09:00");
    cr_assert(strncmp(meta_of(r, "calendar_version"), "CN-", 3) == 0, "%s", meta_of(r, "calendar_version"));
    static const char *const order[] = { "complaints.summary", "complaints.by_severity", "complaints.by_category",
                                         "complaints.by_department", "complaints.by_validity",
                                         "complaints.satisfaction" };
    cr_assert_eq(info.section_count, 6);
    for (size_t i = 0; i < 6; i++)
        cr_assert_eq(fd_test_report_section(r, order[i]), i, "%s", order[i]);
    /* summary: key, item, value, share */
    static const struct { const char *key; int64_t value, share; } summary[] = {
        { "received", 4, -1 },     { "valid", 2, 5000 },    { "invalid", 1, 2500 },
        { "unassessed", 1, 2500 }, { "open", 3, 7500 },     { "resolved", 1, -1 },
        { "resolved_in_time", 1, 10000 }, { "reopened", 1, 2500 }, { "reopens", 1, -1 },
        { "resolve_median_s", 4 * HOUR, -1 }, { "resolve_p90_s", 4 * HOUR, -1 },
    };
    cr_assert_eq(fd_test_report_rows(r, 0), 11);
    for (size_t i = 0; i < 11; i++) {
        cr_assert_str_eq(cell_of(r, "complaints.summary", i, 0).text, summary[i].key);
        cr_assert_eq(cell_of(r, "complaints.summary", i, 2).value, summary[i].value, "%s", summary[i].key);
        fd_report_cell share = cell_of(r, "complaints.summary", i, 3);
        cr_assert_eq(share.is_null ? -1 : share.value, summary[i].share, "%s", summary[i].key);
    }
    group_row_is(r, "complaints.by_severity", 0, "major", "Major", 2, 0, 0, -1, -1, -1);
    group_row_is(r, "complaints.by_severity", 1, "important", "Important", 1, 1, 1, 10000, 4 * HOUR, 4 * HOUR);
    group_row_is(r, "complaints.by_severity", 2, "minor", "Minor", 1, 0, 0, -1, -1, -1);
    group_row_is(r, "complaints.by_category", 0, "repair", "维修", 4, 1, 1, 10000, 4 * HOUR, 4 * HOUR);
    group_row_is(r, "complaints.by_department", 0, "unassigned", "unassigned", 2, 0, 0, -1, -1, -1);
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)f.eng);
    group_row_is(r, "complaints.by_department", 1, key, "工程部", 2, 1, 1, 10000, 4 * HOUR, 4 * HOUR);
    group_row_is(r, "complaints.by_validity", 2, "unassessed", "Not assessed", 1, 0, 0, -1, -1, -1);
    static const struct { const char *key; int64_t value, share; } sat[] = {
        { "satisfied", 2, 10000 }, { "average", 0, 0 }, { "unsatisfied", 0, 0 }, { "followed_up", 2, -1 },
    };
    for (size_t i = 0; i < 4; i++) {
        cr_assert_str_eq(cell_of(r, "complaints.satisfaction", i, 0).text, sat[i].key);
        cr_assert_eq(cell_of(r, "complaints.satisfaction", i, 2).value, sat[i].value, "%s", sat[i].key);
        fd_report_cell share = cell_of(r, "complaints.satisfaction", i, 3);
        cr_assert_eq(share.is_null ? -1 : share.value, sat[i].share, "%s", sat[i].key);
    }
    /* every renderer takes it; a null share is JSON null */
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_JSON));
    cr_assert(strstr(b.ptr, "[\"major\",\"Major\",2,0,0,null,null,null]") != NULL, "%s", b.ptr);
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "Median to resolve (working s)") != NULL, "%s", b.ptr);
    fd_buf_dispose(&b);
    fd_report_free(r);
    /* Chinese words, the same keys and values */
    fd_assert_ok(fd_report_complaints_month_new(&r, f.s, &clerk, 2026, 10, NULL));
    fd_assert_ok(fd_report_get(&info, r));
    cr_assert_str_eq(info.title, "投诉月报");
    group_row_is(r, "complaints.by_severity", 0, "major", "重大", 2, 0, 0, -1, -1, -1);
    cr_assert_str_eq(meta_of(r, "provisional"), "否");
    fd_report_free(r);
    fd_store_close(f.s);
}

Test(complaint_report, R_CPL_6_an_empty_month_and_the_refusals)
{
    fx f = fx_open();
    fd_actor clerk = fd_test_actor(f.site, f.clerk, cst(2026, 11, 2, 9, 0));
    fd_report *r = NULL;
    fd_assert_ok(fd_report_complaints_month_new(&r, f.s, &clerk, 2026, 2, "zh"));
    cr_assert_eq(cell_of(r, "complaints.summary", 0, 2).value, 0);
    cr_assert(cell_of(r, "complaints.summary", 1, 3).is_null, "a share of nothing is null");
    cr_assert(cell_of(r, "complaints.summary", 9, 2).is_null, "no median without a resolved complaint");
    cr_assert_eq(fd_test_report_rows(r, fd_test_report_section(r, "complaints.by_category")), 0);
    cr_assert_eq(fd_test_report_rows(r, fd_test_report_section(r, "complaints.by_severity")), 3);
    fd_report_free(r);
    r = NULL;
    fd_assert_error(fd_report_complaints_month_new(&r, f.s, &clerk, 2026, 13, "zh"), FD_ERANGE,
                    "fd_report_complaints_month_new: month");
    cr_assert_null(r);
    fd_assert_error(fd_report_complaints_month_new(&r, f.s, &clerk, 2026, 10, "fr"), FD_EINVAL, "language");
    fd_assert_error(fd_report_complaints_month_new(NULL, f.s, &clerk, 2026, 10, "zh"), FD_EINVAL, "out");
    fd_actor nobody = fd_test_actor(f.site, 999, cst(2026, 11, 2, 9, 0));
    cr_assert_neq(fd_report_complaints_month_new(&r, f.s, &nobody, 2026, 10, "zh"), FD_OK);
    cr_assert_null(r);
    fd_store_close(f.s);
}

/* --- the daily report's complaints section (R-COM-4) ---------------------------------------------------------- */

/* Open targets in force, not paused, of the site due in [from, to), counted record by record (not by the index). */
static int64_t targets_where(fx *f, const fd_actor *a, int64_t from, int64_t to, bool breached)
{
    fd_complaint_target_iter *it = NULL;
    const fd_complaint_target *t = NULL;
    int64_t n = 0;
    fd_assert_ok(fd_store_complaint_target_query(&it, f->s, a, NULL));
    while (fd_complaint_target_iter_next(&t, it) == FD_OK && t) {
        if (breached)
            n += t->breached_at >= from && t->breached_at < to;
        else
            n += !t->met_at && !t->superseded_at && !t->paused && t->due_at >= from && t->due_at < to;
    }
    fd_complaint_target_iter_free(it);
    return n;
}

Test(complaint_report, R_COM_4_the_daily_report_has_the_complaints_section)
{
    fx f = fx_open();
    /* yesterday (Mon 10-19): B major, never answered; C important, resolved today 11:00 */
    int64_t b = fx_add(&f, f.site, f.clerk, "major", cst(2026, 10, 19, 10, 0));
    int64_t c = fx_resolved(&f, "important", cst(2026, 10, 19, 9, 0), cst(2026, 10, 20, 11, 0), false);
    /* today (Tue 10-20): A important at 09:00; another site's complaint */
    int64_t a = fx_add(&f, f.site, f.clerk, "important", cst(2026, 10, 20, 9, 0));
    fx_add(&f, f.other_site, f.other_clerk, "major", cst(2026, 10, 20, 9, 0));
    /* the escalation run at 11:30 records A's escalation breach (due 10:00) and B's */
    fd_actor run = fd_test_actor(f.site, 0, cst(2026, 10, 20, 11, 30));
    fd_complaint_escalation esc = { FD_COMPLAINT_ESCALATION_VERSION, 0, 0, 0, 0 };
    fd_assert_ok(fd_store_complaint_escalate_run(&esc, f.s, &run));
    cr_assert_geq(esc.breached, 1);

    fd_actor clerk = fd_test_actor(f.site, f.clerk, cst(2026, 10, 20, 18, 0));
    fd_report *r = NULL;
    fd_assert_ok(fd_report_daily_new(&r, f.s, &clerk, (fd_date){ 2026, 10, 20 }, "en"));
    size_t sum = fd_test_report_section(r, "complaints.summary");
    cr_assert_eq(fd_test_report_section(r, "complaints.received"), sum + 1);
    cr_assert_eq(fd_test_report_section(r, "complaints.unanswered"), sum + 2);
    int64_t day0 = cst(2026, 10, 20, 0, 0), day1 = cst(2026, 10, 21, 0, 0), day2 = cst(2026, 10, 22, 0, 0);
    cr_assert_eq(fd_test_report_value(r, sum, 0, 2), 1); /* received: A */
    cr_assert_eq(fd_test_report_value(r, sum, 1, 2), 1); /* resolved: C */
    cr_assert_eq(fd_test_report_value(r, sum, 2, 2), targets_where(&f, &clerk, day0, day1, true));
    cr_assert_geq(fd_test_report_value(r, sum, 2, 2), esc.breached); /* C's step at 11:00 may record its own */
    int64_t due = targets_where(&f, &clerk, day1, day2, false);
    cr_assert_eq(fd_test_report_value(r, sum, 3, 2), due);
    /* A's targets, each with its due in site time and its status; the escalation one breached */
    size_t rec = fd_test_report_section(r, "complaints.received");
    size_t n = fd_test_report_rows(r, rec);
    cr_assert_geq(n, 2);
    bool breached = false;
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(fd_test_report_value(r, rec, i, 0), a);
        fd_report_cell target, status, at;
        fd_assert_ok(fd_report_cell_get(&target, r, rec, 0, i, 5));
        fd_assert_ok(fd_report_cell_get(&status, r, rec, 0, i, 7));
        fd_assert_ok(fd_report_cell_get(&at, r, rec, 0, i, 6));
        if (strcmp(target.text, "escalate") == 0) {
            breached = strcmp(status.text, "breached") == 0;
            cr_assert_str_eq(at.text, "2026-10-20 10:00 +08:00");
        }
    }
    cr_assert(breached, "A's escalation target is shown breached");
    /* yesterday's unanswered: B, never C's other site; contacts masked */
    size_t un = fd_test_report_section(r, "complaints.unanswered");
    bool has_b = false;
    for (size_t i = 0; i < fd_test_report_rows(r, un); i++) {
        has_b |= fd_test_report_value(r, un, i, 0) == b;
        cr_assert(fd_test_report_value(r, un, i, 0) == b || fd_test_report_value(r, un, i, 0) == c);
    }
    cr_assert(has_b);
    fd_report_free(r);

    /* every count is one range of an index: no scan, no sort */
    char plan[2048];
    static const char *const index[4] = { /* covering or not */
        "INDEX complaints_site_received (site_id=? AND received_at>? AND received_at<?)",
        "INDEX complaints_site_accepted (site_id=? AND accepted_at>? AND accepted_at<?)",
        "INDEX complaint_targets_site_breached (site_id=? AND breached_at>? AND breached_at<?)",
        "INDEX complaint_targets_site_queue (site_id=? AND harm=? AND due_at>? AND due_at<?)",
    };
    for (size_t i = 0; i < 4; i++) {
        fd_test_plan(plan, sizeof plan, f.path, fd__complaint_day_sql[i]);
        cr_assert(strstr(plan, index[i]) != NULL, "%s\n%s", fd__complaint_day_sql[i], plan);
        cr_assert_null(strstr(plan, "SCAN"), "%s", plan);
        cr_assert_null(strstr(plan, "TEMP B-TREE"), "%s", plan);
    }
    fd_store_close(f.s);
}

