"""Visit plans, owners' surveys and the plans month summary (issue 15 items 5-6).

    import frontdesk as fd
    with fd.Store("site.db") as s:
        pid = fd.add_visit_plan(s, manager, occupant_id=owner, purpose="季度走访", recurrence="每周",
                                interval=1, first_at=monday_10am, assigned_to=amy)   # R-PLN-4
        for v in fd.visits_due(s, clerk, within=dt.timedelta(days=7)):
            fd.record_visit(s, amy_actor, v.id, said="电梯经常停运")
        q = fd.add_visit_question(s, amy_actor, v.id, "停车费明年是否调整？")   # a reply task is made
        fd.answer_visit_question(s, manager, q, "明年不调整")
        sid = fd.new_survey(s, clerk, title="2026年度业主意见征询", opened_on="2026-03-01",
                            closes_on="2026-04-01", questions=["您对保安服务满意吗？", "其他建议"])
        fd.answer_survey(s, clerk, sid, occupant_id=owner, question_no=1, score=5)
        print(fd.plans_month_report(s, clerk, 2026, 4).text())                   # R-PLN-5

Appointments fall on the site's working calendar: a nominal day that is a rest day moves to the next working
day at the same local time (a 调休 Saturday is a working day). The rules are pure (:func:`visit_plan_occurrence`,
:func:`visit_plan_next`, :func:`survey_questions`, :func:`survey_due`, :class:`RecurringProblems`,
:class:`PlanSummaryAccumulator`), usable with a suite's own database. Codes are English words ("weekly"); their
labels (每周, 已拜访) are taken too. Instants: aware datetimes or int UTC seconds; a naive datetime is local time at
the actor's site (the calendar's zone for the pure ones).
"""

from typing import List as _List, NamedTuple as _NamedTuple, Optional as _Optional
import datetime as _dt

from . import core as _c
from ._convert import Handle as _Handle
from ._plans_records import (VisitPlan, VisitPlanFilter, PlannedVisit, PlannedVisitFilter, VisitQuestion,
                             VisitQuestionFilter, Survey, SurveyFilter, SurveyAnswer, SurveyAnswerFilter, Callback,
                             Followup)
from ._records import Records as _Records, from_seconds, integer, to_seconds
from .report import Report as _Report

__all__ = ["VisitPlan", "VisitPlanFilter", "PlannedVisit", "PlannedVisitFilter", "VisitQuestion",
           "VisitQuestionFilter", "Survey", "SurveyFilter", "SurveyAnswer", "SurveyAnswerFilter",
           "RecurringProblem", "RecurringProblems", "PlanCounts", "PlanSummary", "PlanSummaryAccumulator",
           "SurveyResultRow", "SurveyResults",
           "validate_visit_plan", "visit_plan_occurrence", "visit_plan_next", "survey_questions", "validate_survey",
           "survey_due", "add_visit_plan", "schedule_visit_plan", "reassign_visit_plan", "end_visit_plan",
           "record_visit", "mark_missed_visits", "visits_due", "add_visit_question", "answer_visit_question",
           "new_survey", "answer_survey", "survey_results", "next_survey_due", "plan_summary",
           "recurring_problems", "plans_month_report", "list_visit_plans", "visit_plan", "planned_visits",
           "planned_visit", "visit_questions", "visit_question", "surveys", "survey", "survey_answers",
           "survey_answer"]

_PLAN_CODES = {"recurrence": "recurrence"}
_VISIT_CODES = {"state": "visit_state"}


def _codes(values, lists):
    for key, field in lists.items():
        v = values.get(key)
        if isinstance(v, str) and v:
            values[key] = _c.fd_plan_code_parse(field, v)
    return values


def _instant(seconds):
    return from_seconds(seconds) if seconds else None


def _cal_zone(calendar):
    return calendar.time_zone if hasattr(calendar, "time_zone") else None


def _plan(plan, zone=None):
    """A C fd_visit_plan from a VisitPlan (its recurrence may be a label) or VisitPlan keywords (a dict)."""
    if isinstance(plan, dict):
        plan = VisitPlan(**_codes(dict(plan), _PLAN_CODES))
    if not isinstance(plan, VisitPlan):
        raise TypeError(f"plan: expected a VisitPlan, got {type(plan).__name__}")
    if isinstance(plan.recurrence, str) and plan.recurrence:
        code = _c.fd_plan_code_parse("recurrence", plan.recurrence)
        if code != plan.recurrence:
            plan = plan.replace(recurrence=code)
    return plan._to_c(zone)


# -- visit plans on the working calendar (pure, R-PLN-4) ------------------------------------------------------
def validate_visit_plan(plan, zone=None):
    """R-PLN-4: the checks the store makes of a VisitPlan before adding it (recurrence of its list, interval 0 for
    once and 1..366 otherwise, first_at, one customer, assigned_to); raises naming the field."""
    _c.fd_visit_plan_validate(_plan(plan, zone))


def visit_plan_occurrence(plan, index, *, calendar):
    """R-PLN-4: appointment ``index`` (0 = the first) of VisitPlan ``plan`` on ``calendar`` as an aware datetime;
    None when there is none (a once plan past the first, or on or after until_on). A nominal day that is a rest
    day moves to the next working day at the same local time."""
    return _instant(_c.fd_visit_plan_occurrence(_plan(plan, _cal_zone(calendar)), calendar._handle(),
                                                integer(index, "index")))


def visit_plan_next(plan, after, *, calendar):
    """R-PLN-4: the first appointment of ``plan`` strictly after ``after`` (None: the first), or None."""
    zone = _cal_zone(calendar)
    after_s = 0 if after is None else to_seconds(after, "after", zone)
    return _instant(_c.fd_visit_plan_next(_plan(plan, zone), calendar._handle(), after_s))


# -- the owners' survey (pure, R-PLN-5) ---------------------------------------------------------------------------
def _question_text(questions):
    if isinstance(questions, (list, tuple)):
        return "\n".join(questions)
    return questions


def survey_questions(questions):
    """R-PLN-5: the questions of ``questions`` (one per line; blank lines and surrounding spaces ignored) as a
    list of str; a list is taken as the lines. Raises naming ``questions`` when there is none."""
    text = _question_text(questions)
    n, _ = _c.fd_survey_questions(text, 0)
    return [_c.fd_survey_questions(text, i)[1] for i in range(1, n + 1)]


def _survey(fields):
    fields = dict(fields)
    if "questions" in fields:
        fields["questions"] = _question_text(fields["questions"])
    return Survey(**fields)


def validate_survey(survey=None, **fields):
    """R-PLN-5: the checks of a Survey (or Survey keywords; questions may be a list): title, closes_on after
    opened_on, the questions; raises naming the field."""
    _c.fd_survey_validate((survey if survey is not None else _survey(fields))._to_c())


def survey_due(last_opened, today, policy=None):
    """R-PLN-5: the day the next owners' survey is due: ``last_opened`` (a date; None: no survey yet, ``today``)
    plus plan.survey_interval_months of ``policy`` (None: 12), the same day of the month or the month's last."""
    if last_opened is None:  # no survey yet: due today (fd_survey_due with an unset date)
        return today if isinstance(today, _dt.date) else _dt.date.fromisoformat(today)
    return _c.fd_survey_due(last_opened, today, None if policy is None else policy._handle())


# -- recurring problems (pure, R-PLN-5) ---------------------------------------------------------------------------
class RecurringProblem(_NamedTuple):
    """A unit or a category with problems three times or more within 90 days (R-PLN-5): kind "unit" (unit_id set,
    category None) or "category" (category set, unit_id None), the most rows within one 90-day window (count),
    that window's first and last (aware datetimes), and all rows of the unit or category fed (total)."""
    kind: str
    unit_id: _Optional[int]
    category: _Optional[str]
    count: int
    first_at: _dt.datetime
    last_at: _dt.datetime
    total: int


def _recurring_rows(h):
    rows = []
    for i in range(_c.fd_recurring_count(h)):
        r = _c.fd_recurring_row()
        _c.fd_recurring_get(r, h, i)
        unit = r.kind == "unit"
        rows.append(RecurringProblem(r.kind, r.unit_id if unit else None, None if unit else r.category, r.count,
                                     from_seconds(r.first_at), from_seconds(r.last_at), r.total))
    return rows


class RecurringProblems(_Handle):
    """R-PLN-5 without the store: feed (unit, category, instant) rows of repairs and complaints with :meth:`add`;
    :attr:`rows` lists the recurring problems so far (units first by id, then categories by code)."""

    _free = staticmethod(_c.fd_recurring_free)

    def __init__(self, rows=()):
        super().__init__(_c.fd_recurring_new())
        for unit_id, category, at in rows:
            self.add(unit_id, category, at)

    def add(self, unit_id, category, at):
        """One problem: unit ``unit_id`` (0: none), category code ``category`` ("" none; one of them set),
        received ``at`` (an aware datetime or UTC seconds)."""
        _c.fd_recurring_add(self._handle(), integer(unit_id, "unit_id"), category, to_seconds(at, "at"))

    @property
    def rows(self) -> _List[RecurringProblem]:
        return _recurring_rows(self._handle())

    def __len__(self):
        return _c.fd_recurring_count(self._handle())


# -- the monthly summary (R-PLN-5) ----------------------------------------------------------------------------
class PlanCounts(_NamedTuple):
    """The counts of one kind of task due in the month: due, done, in_time, missed (not done past due, or closed
    undone), pending (not yet due), satisfied, average, unsatisfied; in_time_share (percent of due) and
    satisfied_share (percent of done) as floats, None with nothing to divide by."""
    due: int
    done: int
    in_time: int
    missed: int
    pending: int
    satisfied: int
    average: int
    unsatisfied: int

    @property
    def in_time_share(self):
        return None if self.due == 0 else 100.0 * self.in_time / self.due

    @property
    def satisfied_share(self):
        return None if self.done == 0 else 100.0 * self.satisfied / self.done


def _counts(c):
    return PlanCounts(c.due, c.done, c.in_time, c.missed, c.pending, c.satisfied, c.average, c.unsatisfied)


class PlanSummary:
    """A month's plans counted (R-PLN-5; see fd_plan_summary in plans.h for the definitions: tasks DUE in the
    month, missed and pending at ``now``). Attributes: year, month, start and end (the local month as aware
    datetimes, end not in it), visits, callbacks, members (member callbacks, R-PLN-2), followups (PlanCounts),
    visits_cancelled, callbacks_closed, followups_not_fixed, followups_superseded, questions, questions_answered."""

    def __init__(self, handle):
        t = _c.fd_plan_summary_totals()
        _c.fd_plan_summary_get(t, handle)
        self.year, self.month = t.year, t.month
        self.start, self.end = from_seconds(t.month_start), from_seconds(t.month_end)
        for name in ("visits", "callbacks", "members", "followups"):
            setattr(self, name, _counts(getattr(t, name)))
        for name in ("visits_cancelled", "callbacks_closed", "followups_not_fixed", "followups_superseded",
                     "questions", "questions_answered"):
            setattr(self, name, getattr(t, name))

    def __repr__(self):
        return (f"PlanSummary({self.year}-{self.month:02d}: visits {self.visits.done}/{self.visits.due}, "
                f"callbacks {self.callbacks.done}/{self.callbacks.due}, "
                f"follow-ups {self.followups.done}/{self.followups.due})")


class PlanSummaryAccumulator(_Handle):
    """R-PLN-5 without the store: counts the PlannedVisit, Callback, Followup and VisitQuestion records it is
    given for the local month ``year``-``month`` of ``calendar`` as seen at ``now``; one due (raised) outside
    the month is refused (OutOfRange naming due_at). :meth:`result` gives the PlanSummary so far."""

    _free = staticmethod(_c.fd_plan_summary_free)

    def __init__(self, calendar, year, month, now):
        self._calendar = calendar  # the accumulator counts on it: kept alive with it
        self._zone = _cal_zone(calendar)
        super().__init__(_c.fd_plan_summary_new(calendar._handle(), integer(year, "year"), integer(month, "month"),
                                                to_seconds(now, "now", self._zone)))

    def add(self, record):
        """Counts one PlannedVisit, Callback, Followup or VisitQuestion."""
        adders = ((PlannedVisit, _c.fd_plan_summary_add_visit), (Callback, _c.fd_plan_summary_add_callback),
                  (Followup, _c.fd_plan_summary_add_followup), (VisitQuestion, _c.fd_plan_summary_add_question))
        for cls, add in adders:
            if isinstance(record, cls):
                add(self._handle(), record._to_c(self._zone))
                return
        raise TypeError(f"record: expected a PlannedVisit, Callback, Followup or VisitQuestion, "
                        f"got {type(record).__name__}")

    def result(self):
        return PlanSummary(self._handle())


# -- the store: visit plans, visits, questions (R-PLN-4) ---------------------------------------------------------
def _zone(store, actor):
    return store._zone(actor.site_id)


def _secs(value, field, zone):
    return 0 if value is None else to_seconds(value, field, zone)


def _seconds_of(value, field):
    return int(value.total_seconds()) if hasattr(value, "total_seconds") else integer(value, field)


def add_visit_plan(store, actor, *, until=None, **fields):
    """Adds a visit plan (R-PLN-4; VisitPlan keywords: occupant_id= or organisation_id=, purpose=, recurrence= once
    / weekly / monthly / working_days or 每周 ..., interval=, first_at=, until_on=, assigned_to=) at the actor's
    site, the actor being who planned it, and schedules its appointments up to ``until`` (None: 90 days after
    first_at). Returns its id."""
    zone = _zone(store, actor)
    return _c.fd_store_visit_plan_add(store._handle(), store._actor(actor), _plan(fields, zone),
                                      _secs(until, "until", zone))


def schedule_visit_plan(store, actor, plan_id, until):
    """Schedules plan ``plan_id``'s appointments up to ``until`` idempotently (R-PLN-4); how many were added."""
    return _c.fd_store_visit_plan_schedule(store._handle(), store._actor(actor), integer(plan_id, "plan_id"),
                                           to_seconds(until, "until", _zone(store, actor)))


def reassign_visit_plan(store, actor, plan_id, assigned_to):
    """Gives the plan and its visits not yet due to ``assigned_to``; who planned it stays (R-PLN-4)."""
    _c.fd_store_visit_plan_reassign(store._handle(), store._actor(actor), integer(plan_id, "plan_id"),
                                    integer(assigned_to, "assigned_to"))


def end_visit_plan(store, actor, plan_id):
    """Ends the plan at the actor's instant: its visits not yet due are cancelled (R-PLN-4)."""
    _c.fd_store_visit_plan_end(store._handle(), store._actor(actor), integer(plan_id, "plan_id"))


def record_visit(store, actor, visit_id, *, done_at=None, done_by=0, said=None):
    """Records a planned (or missed) visit done (R-PLN-4, 拜访客户登记记录表): when (None: the actor's instant), who
    went (0: the actor's staff), what the customer said."""
    _c.fd_store_visit_record(store._handle(), store._actor(actor), integer(visit_id, "visit_id"),
                             _secs(done_at, "done_at", _zone(store, actor)), integer(done_by, "done_by"), said)


def mark_missed_visits(store, actor):
    """Marks missed every planned visit due before the actor's local day (R-PLN-4); how many."""
    return _c.fd_store_visits_mark_missed(store._handle(), store._actor(actor))


def visits_due(store, actor, *, overdue_only=False, within=0, after=0, limit=64):
    """One page of the planned visits (R-PLN-4) due by the actor's instant plus ``within`` (a timedelta or
    seconds), or only the overdue ones, by appointment. Page on with the last row's id as ``after``."""
    it = _c.fd_store_visits_due(store._handle(), store._actor(actor), 1 if overdue_only else 0,
                                _seconds_of(within, "within"), integer(after, "after"), integer(limit, "limit"))
    return _Records._wrap(PlannedVisitFilter, it)


def add_visit_question(store, actor, visit_id, question):
    """A question the visit could not answer on the spot (R-PLN-4): recorded, with a reply task (a callback of
    source question, due out of quiet hours). Returns its id."""
    return _c.fd_store_visit_question_add(store._handle(), store._actor(actor), integer(visit_id, "visit_id"),
                                          question)


def answer_visit_question(store, actor, question_id, answer):
    """Answers a question later (R-PLN-4); its reply task is done."""
    _c.fd_store_visit_question_answer(store._handle(), store._actor(actor), integer(question_id, "question_id"),
                                      answer)


# -- the store: surveys (R-PLN-5) ------------------------------------------------------------------------------
def new_survey(store, actor, **fields):
    """Starts an owners' survey (R-PLN-5; Survey keywords: title=, opened_on=, closes_on=, questions= a list or
    one per line). Returns its id."""
    return _c.fd_store_survey_new(store._handle(), store._actor(actor), _survey(fields)._to_c(_zone(store, actor)))


def answer_survey(store, actor, survey_id, *, occupant_id, question_no, score=0, answer=None):
    """One owner's answer to one question (R-PLN-5): score 1..5 or 0 (none), text optional. Returns its id."""
    return _c.fd_store_survey_answer(store._handle(), store._actor(actor), integer(survey_id, "survey_id"),
                                     integer(occupant_id, "occupant_id"), integer(question_no, "question_no"),
                                     integer(score, "score"), answer)


class SurveyResultRow(_NamedTuple):
    """One question's results: its number and text, answers given, of them scored, the mean score (a float to
    two places; None when none scored)."""
    question_no: int
    question: str
    answers: int
    scored: int
    mean: _Optional[float]


class SurveyResults(_NamedTuple):
    """A survey's results (R-PLN-5): by question, how many owners answered (asked), and the occupant ids of the
    owners living there when it opened who did not (not_asked)."""
    questions: _List[SurveyResultRow]
    asked: int
    not_asked: _List[int]


def survey_results(store, actor, survey_id):
    """R-PLN-5: survey ``survey_id``'s results as SurveyResults."""
    h = _c.fd_store_survey_results(store._handle(), store._actor(actor), integer(survey_id, "survey_id"))
    try:
        rows = []
        for i in range(_c.fd_survey_results_count(h)):
            r = _c.fd_survey_result_row()
            _c.fd_survey_results_get(r, h, i)
            rows.append(SurveyResultRow(r.question_no, r.question, r.answers, r.scored,
                                        None if r.mean_x100 < 0 else r.mean_x100 / 100))
        not_asked = [_c.fd_survey_results_not_asked(h, i) for i in range(_c.fd_survey_results_not_asked_count(h))]
        return SurveyResults(rows, _c.fd_survey_results_asked(h), not_asked)
    finally:
        _c.fd_survey_results_free(h)


def next_survey_due(store, actor):
    """R-PLN-5: the day the site's next owners' survey is due (the actor's day when there was none)."""
    return _c.fd_store_survey_due(store._handle(), store._actor(actor))


# -- the store: the month (R-PLN-5) ------------------------------------------------------------------------------
def plan_summary(store, actor, year, month):
    """R-PLN-5: the site's local month counted as PlanSummary (visits, callbacks, follow-ups due in it; missed and
    pending at the actor's instant)."""
    h = _c.fd_store_plan_summary(store._handle(), store._actor(actor), integer(year, "year"),
                                 integer(month, "month"))
    try:
        return PlanSummary(h)
    finally:
        _c.fd_plan_summary_free(h)


def recurring_problems(store, actor, start, end):
    """R-PLN-5: the recurring problems among the repairs and complaints of the site received in [start, end), as
    a list of RecurringProblem."""
    zone = _zone(store, actor)
    h = _c.fd_store_recurring_problems(store._handle(), store._actor(actor), to_seconds(start, "start", zone),
                                       to_seconds(end, "end", zone))
    try:
        return _recurring_rows(h)
    finally:
        _c.fd_recurring_free(h)


def plans_month_report(store, actor, year, month, language="zh"):
    """R-PLN-5: the plans month report of the actor's site as a :class:`Report` — meta site, site_code, month,
    time_zone, generated, total; sections plans.summary (visits, callbacks, member_callbacks, followups with due,
    done, in time, missed, pending, satisfaction and shares), plans.questions, plans.recurring (see
    fd_report_plans_month_new). ``language``: "zh" (the default) or "en"; render with ``.text()``, ``.json()``
    or ``.csv()``."""
    return _Report._own(_c.fd_report_plans_month_new(store._handle(), store._actor(actor), integer(year, "year"),
                                                     integer(month, "month"), language))


# -- the records ------------------------------------------------------------------------------------------------
def list_visit_plans(store, actor, **filter):
    """Visit plans of the actor's site (VisitPlanFilter keywords: assigned_to=, recurrence="每周" ...), streamed."""
    return VisitPlanFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                    **_codes(filter, _PLAN_CODES))


def visit_plan(store, actor, plan_id):
    """One VisitPlan by id."""
    return VisitPlan._get(store._handle(), store._actor(actor), plan_id)


def planned_visits(store, actor, **filter):
    """Planned visits (PlannedVisitFilter keywords: plan_id=, state="done", due_at_from= ...), streamed."""
    return PlannedVisitFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                       **_codes(filter, _VISIT_CODES))


def planned_visit(store, actor, visit_id):
    """One PlannedVisit by id."""
    return PlannedVisit._get(store._handle(), store._actor(actor), visit_id)


def visit_questions(store, actor, **filter):
    """Questions taken away from visits (VisitQuestionFilter keywords: planned_visit_id=, answered_at_to= ...)."""
    return VisitQuestionFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def visit_question(store, actor, question_id):
    """One VisitQuestion by id."""
    return VisitQuestion._get(store._handle(), store._actor(actor), question_id)


def surveys(store, actor, **filter):
    """Owners' surveys (SurveyFilter keywords: opened_on_from= ...), streamed."""
    return SurveyFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def survey(store, actor, survey_id):
    """One Survey by id."""
    return Survey._get(store._handle(), store._actor(actor), survey_id)


def survey_answers(store, actor, **filter):
    """Answers to surveys (SurveyAnswerFilter keywords: survey_id=, occupant_id=, question_no= ...), streamed."""
    return SurveyAnswerFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def survey_answer(store, actor, answer_id):
    """One SurveyAnswer by id."""
    return SurveyAnswer._get(store._handle(), store._actor(actor), answer_id)
