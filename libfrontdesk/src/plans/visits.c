/*
 * The visit plans part of the plans module's pure rules (frontdesk/plans.h,
 * issue 15 items 5-6): a plan's appointments on the working calendar
 * (R-PLN-4) and the owners' survey: its questions and when the next is due
 * (R-PLN-5). No SQLite, no store: the store calls the same functions.
 */
#include "internal.h"
#include "plans_internal.h"
#include "frontdesk/plans.h"

#include <string.h>

/* Most appointments a plan is asked for by index (a daily plan for 27 years). */
#define INDEX_MAX 10000
#define QUESTIONS_MAX 100
#define QUESTION_BYTES 500

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

static bool date_set(fd_date d)
{
    return d.year != 0 || d.month != 0 || d.day != 0;
}

fd_status fd_visit_plan_validate(const fd_visit_plan *plan)
{
    static const char fn[] = "fd_visit_plan_validate";
    fd_status rc = fd__check_ptr(fn, "plan", plan);
    if (rc)
        return rc;
    if ((rc = fd_visit_plan_check(plan)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if ((rc = fd__code_check(&fd__plan_codes, fn, "visit_plan.recurrence", "recurrence", plan->recurrence, false)))
        return rc;
    if (is(plan->recurrence, "once") ? plan->interval != 0 : (plan->interval < 1 || plan->interval > 366))
        return fd__error(FD_ERANGE, "%s: visit_plan.interval: %lld, must be %s (R-PLN-4)", fn,
                         (long long)plan->interval, is(plan->recurrence, "once") ? "0 for once" : "1..366");
    if (plan->first_at <= 0)
        return fd__error(FD_EINVAL, "%s: visit_plan.first_at: is required: the first appointment (R-PLN-4)", fn);
    if ((plan->occupant_id > 0) == (plan->organisation_id > 0))
        return fd__error(FD_EINVAL, "%s: visit_plan.occupant_id: one of occupant_id and organisation_id is the "
                         "customer visited (R-PLN-4)", fn);
    if (plan->assigned_to <= 0)
        return fd__error(FD_EINVAL, "%s: visit_plan.assigned_to: is required: who goes (R-PLN-4)", fn);
    if (date_set(plan->until_on) && (rc = fd__check_date(fn, "visit_plan.until_on", plan->until_on)) != FD_OK)
        return rc;
    return FD_OK;
}

/* @d plus @n months, the same day or the month's last. */
static fd_date add_months(fd_date d, int64_t n)
{
    int64_t m0 = (int64_t)d.year * 12 + (d.month - 1) + n;
    fd_date r = { (int32_t)(m0 / 12), (int32_t)(m0 % 12) + 1, d.day };
    int last = r.year >= 1 && r.year <= 9999 ? fd__days_in_month(r.year, r.month) : 28;
    if (r.day > last)
        r.day = last;
    return r;
}

static fd_date add_days(fd_date d, int64_t n)
{
    return fd__civil_from_days(fd__days_from_civil(d.year, d.month, d.day) + n);
}

fd_status fd_visit_plan_occurrence(int64_t *out, const fd_visit_plan *plan, const fd_calendar *cal, int64_t index)
{
    static const char fn[] = "fd_visit_plan_occurrence";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc)
        return rc;
    *out = 0;
    if ((rc = fd_visit_plan_validate(plan)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if (index < 0 || index > INDEX_MAX)
        return fd__error(FD_ERANGE, "%s: index: %lld, must be 0..%d", fn, (long long)index, INDEX_MAX);
    if (index > 0 && is(plan->recurrence, "once"))
        return FD_OK;
    fd_date first;
    int64_t start = 0;
    if ((rc = fd_calendar_local_date(&first, cal, plan->first_at)) != FD_OK ||
        (rc = fd_calendar_day_start(&start, cal, first)) != FD_OK)
        return fd__error_rename(rc, fn, "visit_plan.first_at");
    int64_t time_of_day = plan->first_at - start;
    fd_date day = first;
    if (is(plan->recurrence, "weekly"))
        day = add_days(first, index * 7 * plan->interval);
    else if (is(plan->recurrence, "monthly"))
        day = add_months(first, index * plan->interval);
    else if (is(plan->recurrence, "working_days") && index > 0) {
        fd_date base = first;
        int w = 0;
        if ((rc = fd_calendar_is_workday(&w, cal, first)) == FD_OK && !w)
            rc = fd_calendar_next_workday(&base, cal, first);
        if (rc == FD_OK)
            rc = fd_calendar_add_working_days(&day, cal, base, index * plan->interval);
        if (rc)
            return fd__error_rename(rc, fn, NULL);
    }
    if (day.year < 1 || day.year > 9999)
        return fd__error(FD_ERANGE, "%s: index: %lld: the appointment falls outside the years 1..9999", fn,
                         (long long)index);
    int w = 0;
    if ((rc = fd_calendar_is_workday(&w, cal, day)) == FD_OK && !w)
        rc = fd_calendar_next_workday(&day, cal, day); /* a rest day moves on; a 调休 Saturday is a working day */
    if (rc)
        return fd__error_rename(rc, fn, NULL);
    if (date_set(plan->until_on) && fd__date_cmp(day, plan->until_on) >= 0)
        return FD_OK;
    int64_t at = 0;
    if ((rc = fd_calendar_day_start(&at, cal, day)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    *out = at + time_of_day;
    return FD_OK;
}

fd_status fd_visit_plan_next(int64_t *out, const fd_visit_plan *plan, const fd_calendar *cal, int64_t after)
{
    static const char fn[] = "fd_visit_plan_next";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = 0;
    for (int64_t i = 0; i <= INDEX_MAX; i++) {
        int64_t at = 0;
        if ((rc = fd_visit_plan_occurrence(&at, plan, cal, i)) != FD_OK)
            return fd__error_rename(rc, fn, NULL);
        if (at == 0)
            return FD_OK;
        if (at > after) {
            *out = at;
            return FD_OK;
        }
    }
    return FD_OK;
}

/* --- the owners' survey (R-PLN-5) ------------------------------------------- */

static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

fd_status fd_survey_questions(int64_t *out, fd_buf *text, const char *questions, int64_t line)
{
    static const char fn[] = "fd_survey_questions";
    fd__buf_clear(text);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "questions", questions);
    if (rc == FD_OK && line > 0)
        rc = fd__check_ptr(fn, "text", text);
    if (rc)
        return rc;
    *out = 0;
    if (line < 0)
        return fd__error(FD_ERANGE, "%s: line: %lld must not be negative", fn, (long long)line);
    if (!fd__utf8_valid(questions, strlen(questions)))
        return fd__error(FD_EINVAL, "%s: questions: not valid UTF-8", fn);
    int64_t n = 0;
    for (const char *p = questions; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *a = p, *b = p + len;
        while (a < b && space(*a))
            a++;
        while (b > a && space(b[-1]))
            b--;
        if (b > a) {
            if (++n > QUESTIONS_MAX)
                return fd__buf_clear(text), fd__error(FD_ERANGE, "%s: questions: more than %d questions", fn, QUESTIONS_MAX);
            if ((size_t)(b - a) > QUESTION_BYTES)
                return fd__buf_clear(text), fd__error(FD_ERANGE, "%s: questions: question %lld is over %d bytes", fn, (long long)n,
                                 QUESTION_BYTES);
            if (n == line) {
                if ((rc = fd__buf_put(text, a, (size_t)(b - a))) != FD_OK)
                    return rc;
            }
        }
        p = e ? e + 1 : p + len;
    }
    if (n == 0)
        return fd__error(FD_EINVAL, "%s: questions: no question: one per line (R-PLN-5)", fn);
    if (line > n) {
        fd__buf_clear(text);
        return fd__error(FD_ERANGE, "%s: line: %lld, the survey has %lld questions", fn, (long long)line,
                         (long long)n);
    }
    *out = n;
    return FD_OK;
}

fd_status fd_survey_validate(const fd_survey *s)
{
    static const char fn[] = "fd_survey_validate";
    fd_status rc = fd__check_ptr(fn, "s", s);
    if (rc)
        return rc;
    if ((rc = fd_survey_check(s)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if (fd__text_blank(s->title))
        return fd__error(FD_EINVAL, "%s: survey.title: is required (2026年度业主意见征询)", fn);
    if (fd__date_cmp(s->closes_on, s->opened_on) <= 0)
        return fd__error(FD_ERANGE, "%s: survey.closes_on: not after opened_on: the first day answers are no "
                         "longer taken (R-PLN-5)", fn);
    int64_t n = 0;
    if ((rc = fd_survey_questions(&n, NULL, s->questions, 0)) != FD_OK)
        return fd__error_rename(rc, fn, "survey.questions");
    return FD_OK;
}

fd_status fd_survey_due(fd_date *out, fd_date last_opened, fd_date today, const fd_policy *policy)
{
    static const char fn[] = "fd_survey_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "today", today);
    if (rc)
        return rc;
    if (!date_set(last_opened)) {
        *out = today;
        return FD_OK;
    }
    if ((rc = fd__check_date(fn, "last_opened", last_opened)) != FD_OK)
        return rc;
    fd_date d = add_months(last_opened, fd__policy_value(policy, FD__POL_PLN_SURVEY_INTERVAL_MONTHS));
    if (d.year > 9999)
        return fd__error(FD_ERANGE, "%s: last_opened: the next survey falls after 9999", fn);
    *out = d;
    return FD_OK;
}
