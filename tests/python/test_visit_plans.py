"""Visit plans, surveys and the plans month summary (issue 15 items 5-6) from Python: R-PLN-4, R-PLN-5.
Calendar: the built-in 2026 data (Asia/Shanghai): 02-14 and 02-28 are make-up working Saturdays (调休),
02-15 … 02-23 the Spring Festival rest, 04-04 … 04-06 清明."""
import datetime as dt
import json

import pytest

import frontdesk as fd

CST = dt.timezone(dt.timedelta(hours=8))


def cst(m, d, h=10, mi=0, y=2026):
    return dt.datetime(y, m, d, h, mi, tzinfo=CST)


def weekly(first_at, **more):
    return fd.VisitPlan(occupant_id=1, purpose="季度走访 𠮷", recurrence="每周", interval=1, first_at=first_at,
                        assigned_to=7, **more)


def test_R_PLN_4_weekly_moves_off_rest_days_and_keeps_a_makeup_saturday():
    cal = fd.Calendar()
    p = weekly(cst(2, 7))                                   # a rest Saturday
    got = [fd.visit_plan_occurrence(p, i, calendar=cal) for i in range(4)]
    assert got == [cst(2, 9), cst(2, 14), cst(2, 24), cst(2, 28)]   # 02-14 调休 stays; 02-21 in the festival
    monthly = fd.VisitPlan(occupant_id=1, purpose="月访", recurrence="monthly", interval=1, first_at=cst(3, 31, 9),
                           assigned_to=7)
    assert fd.visit_plan_occurrence(monthly, 2, calendar=cal) == cst(6, 1, 9)   # 05-31 is a Sunday
    wd = fd.VisitPlan(occupant_id=1, purpose="巡访", recurrence="working_days", interval=2,
                      first_at=cst(4, 2, 14, 30), assigned_to=7)
    assert fd.visit_plan_occurrence(wd, 1, calendar=cal) == cst(4, 7, 14, 30)    # over 清明


def test_R_PLN_4_once_until_on_and_validation_name_the_field():
    cal = fd.Calendar()
    once = fd.VisitPlan(occupant_id=1, purpose="一次", recurrence="一次", interval=0, first_at=cst(4, 2),
                        assigned_to=7)
    assert fd.visit_plan_occurrence(once, 1, calendar=cal) is None
    p = weekly(cst(4, 2), until_on=dt.date(2026, 4, 16))
    assert fd.visit_plan_next(p, None, calendar=cal) == cst(4, 2)
    assert fd.visit_plan_next(p, cst(4, 2), calendar=cal) == cst(4, 9)
    assert fd.visit_plan_next(p, cst(4, 9), calendar=cal) is None             # 04-16 is until_on
    fd.validate_visit_plan(p)
    with pytest.raises(fd.OutOfRange, match="visit_plan.interval"):
        fd.validate_visit_plan(p.replace(interval=0))
    with pytest.raises(fd.InvalidArgument, match="visit_plan.occupant_id"):
        fd.validate_visit_plan(p.replace(organisation_id=3))
    with pytest.raises(fd.InvalidArgument, match="recurrence"):
        fd.validate_visit_plan(p.replace(recurrence="fortnightly"))
    with pytest.raises(fd.OutOfRange, match="index"):
        fd.visit_plan_occurrence(p, -1, calendar=cal)


def test_R_PLN_5_survey_questions_and_due():
    assert fd.survey_questions("  您对保安服务满意吗？\n\n您对保洁服务满意吗？ \r\n对𠮷祥物业的建议\n") == [
        "您对保安服务满意吗？", "您对保洁服务满意吗？", "对𠮷祥物业的建议"]
    assert fd.survey_questions(["一", "二"]) == ["一", "二"]
    with pytest.raises(fd.InvalidArgument, match="questions"):
        fd.survey_questions("\n  \n")
    assert fd.survey_due(dt.date(2025, 3, 31), dt.date(2026, 1, 5)) == dt.date(2026, 3, 31)
    assert fd.survey_due(None, "2026-01-05") == dt.date(2026, 1, 5)
    policy = fd.Policy()
    policy.set("plan.survey_interval_months", 6)
    assert fd.survey_due("2025-08-31", "2026-01-05", policy) == dt.date(2026, 2, 28)   # the month's last day
    fd.validate_survey(title="年度征询", opened_on="2026-03-01", closes_on="2026-04-01", questions=["满意吗？"])
    with pytest.raises(fd.OutOfRange, match="closes_on"):
        fd.validate_survey(title="年度征询", opened_on="2026-03-01", closes_on="2026-03-01", questions="满意吗？")


def test_R_PLN_5_same_unit_three_times_in_90_days_recurs():
    t0 = cst(4, 2)
    day = dt.timedelta(days=1)
    with fd.RecurringProblems([(5, "leak", t0 + 89 * day), (5, "leak", t0), (5, "plumbing", t0 + 30 * day),
                               (6, "other", t0), (6, "other", t0 + 45 * day), (6, "other", t0 + 90 * day),
                               (7, "electrical", t0), (8, "electrical", t0 + day),
                               (9, "electrical", t0 + 2 * day)]) as rec:
        rows = rec.rows
        assert [(r.kind, r.unit_id, r.category, r.count) for r in rows] == [
            ("unit", 5, None, 3), ("category", None, "electrical", 3)]
        assert rows[0].first_at == t0 and rows[0].last_at == t0 + 89 * day
        with pytest.raises(fd.InvalidArgument, match="category"):
            rec.add(1, "Leak!", t0)
        rec.add(6, "other", t0 + 89 * day)       # now three within 90 days
        assert len(rec) == 4
    assert rec.closed


def test_R_PLN_5_summary_accumulator_counts_what_is_due_in_the_month():
    cal = fd.Calendar()
    acc = fd.PlanSummaryAccumulator(cal, 2026, 4, cst(4, 20, 12))
    acc.add(fd.PlannedVisit(plan_id=1, due_at=cst(4, 2), assigned_to=7, state="done", done_at=cst(4, 2, 10, 30),
                            done_by=7))
    acc.add(fd.PlannedVisit(plan_id=1, due_at=cst(4, 9), assigned_to=7, state="missed"))
    acc.add(fd.PlannedVisit(plan_id=1, due_at=cst(4, 30), assigned_to=7, state="planned"))
    with pytest.raises(fd.OutOfRange, match="due_at"):                                           # May: refused
        acc.add(fd.PlannedVisit(plan_id=1, due_at=cst(5, 7), assigned_to=7, state="planned"))
    with pytest.raises(TypeError, match="record"):
        acc.add(fd.Survey(title="x"))
    s = acc.result()
    assert (s.year, s.month, s.start) == (2026, 4, cst(4, 1, 0))
    assert (s.visits.due, s.visits.done, s.visits.missed, s.visits.pending) == (3, 1, 1, 1)
    assert s.visits.in_time_share == pytest.approx(100 / 3)
    assert s.callbacks.due == 0 and s.callbacks.satisfied_share is None
    acc.close()


@pytest.fixture
def desk(store, site, system):
    """A site with a manager, a clerk, two visitors (specialists), a unit with two owners."""
    class Desk:
        pass
    d = Desk()
    d.store, d.site = store, site
    d.manager = store.add_staff(system, "M01", "张经理", "manager")
    d.clerk = store.add_staff(system, "F01", "王前台", "clerk")
    d.v1 = store.add_staff(system, "K01", "周专员", "clerk")
    d.v2 = store.add_staff(system, "K02", "吴专员", "clerk")
    b = fd.add_building(store, system, code="3", name="3号楼")
    d.unit = fd.add_unit(store, system, building_id=b, number="1201", use="residential")
    d.owner = fd.add_occupant(store, system, unit_id=d.unit, name="王𠮷丽", role="owner", move_in="2020-01-01")
    d.owner2 = fd.add_occupant(store, system, unit_id=d.unit, name="陈先生", role="owner", move_in="2020-01-01")
    d.at = lambda staff, when: fd.Actor(site, staff, at=when)
    return d


def test_R_PLN_4_a_recurring_plan_visited_reassigned_and_ended(desk):
    s, first = desk.store, cst(4, 2)
    planner = desk.at(desk.manager, first - dt.timedelta(days=3))
    pid = fd.add_visit_plan(s, planner, occupant_id=desk.owner, purpose="季度走访", recurrence="每周", interval=1,
                            first_at=first, assigned_to=desk.v1, until=first + dt.timedelta(days=22))
    visits = list(fd.planned_visits(s, planner, plan_id=pid))
    assert [v.due_at for v in visits] == [cst(4, 2), cst(4, 9), cst(4, 16), cst(4, 23)]
    assert fd.schedule_visit_plan(s, planner, pid, first + dt.timedelta(days=22)) == 0    # idempotent
    clerk = desk.at(desk.clerk, cst(4, 10, 9))
    assert [v.id for v in fd.visits_due(s, clerk, overdue_only=True)] == [visits[0].id, visits[1].id]
    page = list(fd.visits_due(s, clerk, within=dt.timedelta(days=7), limit=1))
    assert [v.id for v in page] == [visits[0].id]
    v1 = desk.at(desk.v1, cst(4, 2, 11))
    fd.record_visit(s, v1, visits[0].id, done_at=cst(4, 2, 10, 30), said="电梯经常停运，希望尽快维修")
    done = fd.planned_visit(s, v1, visits[0].id)
    assert (done.state, done.done_by, done.done_at) == ("done", desk.v1, cst(4, 2, 10, 30))
    with pytest.raises(fd.InvalidState, match="done"):
        fd.record_visit(s, v1, visits[0].id)
    assert fd.mark_missed_visits(s, clerk) == 1                         # 04-09
    fd.reassign_visit_plan(s, clerk, pid, desk.v2)
    plan = fd.visit_plan(s, clerk, pid)
    assert (plan.staff_id, plan.assigned_to) == (desk.manager, desk.v2)   # who planned it stays
    assert [v.assigned_to for v in fd.planned_visits(s, clerk, plan_id=pid, state="已预约")] == [desk.v2, desk.v2]
    with pytest.raises(fd.InvalidState, match="already"):
        fd.reassign_visit_plan(s, clerk, pid, desk.v2)
    fd.end_visit_plan(s, clerk, pid)
    assert len(list(fd.planned_visits(s, clerk, plan_id=pid, state="cancelled"))) == 2
    with pytest.raises(fd.InvalidState, match="ended"):
        fd.end_visit_plan(s, clerk, pid)
    assert [p.id for p in fd.list_visit_plans(s, clerk, recurrence="每周")] == [pid]


def test_R_PLN_4_a_question_answered_later_through_a_reply_task(desk):
    s, first = desk.store, cst(4, 2)
    pid = fd.add_visit_plan(s, desk.at(desk.manager, first - dt.timedelta(days=3)), occupant_id=desk.owner,
                            purpose="走访", recurrence="once", interval=0, first_at=first, assigned_to=desk.v1)
    v = next(iter(fd.planned_visits(s, desk.at(desk.v1, first), plan_id=pid)))
    v1 = desk.at(desk.v1, first + dt.timedelta(hours=1))
    fd.record_visit(s, v1, v.id, said="问了停车费调整的事")
    with pytest.raises(fd.InvalidArgument, match="question"):
        fd.add_visit_question(s, v1, v.id, "  ")
    q = fd.add_visit_question(s, v1, v.id, "停车费明年是否调整？")
    asked = fd.visit_question(s, v1, q)
    cb = fd.callbacks_due(s, v1, within=dt.timedelta(days=30))
    reply = [c for c in cb if c.id == asked.callback_id][0]
    assert reply.source == "question"
    assert reply.due_at == cst(4, 8, 8)          # 04-07 23:59:59 over 清明, out of quiet hours (R-PLN-2)
    later = desk.at(desk.manager, first + dt.timedelta(days=3))
    fd.answer_visit_question(s, later, q, "明年不调整，已由经理确认")
    answered = fd.visit_question(s, later, q)
    assert answered.answered_at == first + dt.timedelta(days=3)
    assert [x.id for x in fd.visit_questions(s, later, planned_visit_id=v.id)] == [q]
    with pytest.raises(fd.InvalidState, match="answered"):
        fd.answer_visit_question(s, later, q, "再答一次")


def test_R_PLN_5_a_survey_its_answers_and_results(desk):
    s = desk.store
    clerk = desk.at(desk.clerk, cst(3, 2))
    assert fd.next_survey_due(s, clerk) == dt.date(2026, 3, 2)
    sid = fd.new_survey(s, clerk, title="2026年度业主意见征询", opened_on="2026-03-01", closes_on=dt.date(2026, 4, 1),
                        questions=["您对保安服务满意吗？", "您对保洁服务满意吗？", "其他建议"])
    assert fd.next_survey_due(s, clerk) == dt.date(2027, 3, 1)
    fd.answer_survey(s, clerk, sid, occupant_id=desk.owner, question_no=1, score=5)
    fd.answer_survey(s, clerk, sid, occupant_id=desk.owner, question_no=3, answer="希望增加充电桩")
    with pytest.raises(fd.InvalidState, match="already"):
        fd.answer_survey(s, clerk, sid, occupant_id=desk.owner, question_no=1, score=3)
    with pytest.raises(fd.OutOfRange, match="score"):
        fd.answer_survey(s, clerk, sid, occupant_id=desk.owner2, question_no=1, score=6)
    with pytest.raises(fd.InvalidState, match="2026-04-01"):
        fd.answer_survey(s, desk.at(desk.clerk, cst(4, 1, 9)), sid, occupant_id=desk.owner2, question_no=1, score=3)
    fd.answer_survey(s, clerk, sid, occupant_id=desk.owner2, question_no=1, score=4)
    r = fd.survey_results(s, clerk, sid)
    assert [(q.question_no, q.answers, q.scored, q.mean) for q in r.questions] == [
        (1, 2, 2, 4.5), (2, 0, 0, None), (3, 1, 0, None)]
    assert r.questions[0].question == "您对保安服务满意吗？"
    assert (r.asked, r.not_asked) == (2, [])
    assert fd.survey(s, clerk, sid).questions.count("\n") == 2
    assert len(list(fd.survey_answers(s, clerk, survey_id=sid))) == 3
    assert [x.id for x in fd.surveys(s, clerk)] == [sid]
    a = list(fd.survey_answers(s, clerk, survey_id=sid, question_no=3))[0]
    assert fd.survey_answer(s, clerk, a.id).answer == "希望增加充电桩"


def test_R_PLN_5_the_month_summary_recurring_problems_and_report(desk):
    s, first = desk.store, cst(4, 2)
    pid = fd.add_visit_plan(s, desk.at(desk.manager, first - dt.timedelta(days=3)), occupant_id=desk.owner,
                            purpose="走访", recurrence="weekly", interval=1, first_at=first, assigned_to=desk.v1,
                            until=cst(5, 1, 0))
    v = next(iter(fd.planned_visits(s, desk.at(desk.v1, first), plan_id=pid)))
    v1 = desk.at(desk.v1, first + dt.timedelta(hours=1))
    fd.record_visit(s, v1, v.id)
    fd.add_visit_question(s, v1, v.id, "何时更换门禁？")
    now = desk.at(desk.clerk, cst(4, 20, 12))
    m = fd.plan_summary(s, now, 2026, 4)
    assert (m.visits.due, m.visits.done, m.visits.missed) == (5, 1, 2)
    assert (m.callbacks.due, m.callbacks.missed, m.questions, m.questions_answered) == (1, 1, 1, 0)
    for i in range(3):
        fd.add_repair(s, desk.at(desk.clerk, first + dt.timedelta(days=20 * i)), received_at=first +
                      dt.timedelta(days=20 * i), channel="电话", category="plumbing" if i == 1 else "渗漏",
                      unit_id=desk.unit, what="漏水")
    end = desk.at(desk.clerk, first + dt.timedelta(days=60))
    rec = fd.recurring_problems(s, end, first - dt.timedelta(days=90), first + dt.timedelta(days=60))
    assert [(r.kind, r.unit_id, r.count) for r in rec] == [("unit", desk.unit, 3)]
    with pytest.raises(fd.OutOfRange):
        fd.recurring_problems(s, end, first, first)
    report = fd.plans_month_report(s, desk.at(desk.clerk, cst(5, 2, 9)), 2026, 4, language="en")
    j = json.loads(report.json())
    keys = [sec["key"] for sec in j["sections"]]
    assert keys == ["plans.summary", "plans.questions", "plans.recurring"]
    assert "member_callbacks" in report.csv()
    assert "2026-04" in report.text()
    with pytest.raises(fd.OutOfRange, match="month"):
        fd.plans_month_report(s, now, 2026, 13)
