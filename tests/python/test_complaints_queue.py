"""Complaints from Python (issue 13, items 3-5, 7): the reply check (R-CPL-7, R-CALL-2), when escalations
fire, the breach queue (R-CPL-2, R-CPL-5), holiday data loaded later, the end of the day (R-COM-4)."""
import datetime as dt

import pytest

import frontdesk as fd

SH = dt.timezone(dt.timedelta(hours=8))
MON = dt.datetime(2026, 3, 2, 9, 0, tzinfo=SH)  # an ordinary Monday
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)

DATA_2027 = """frontdesk-holidays 1
version CN-2027.1
region CN
covers 2027-01-01 2027-12-31
extends builtin
scope national
2027-01-01 holiday 元旦 statutory
2027-01-04 holiday 元旦 in_lieu
"""


@pytest.fixture
def park(store):
    site = store.add_site(fd.Actor(0, at=MON - 30 * DAY), "park", "某某产业园")
    system = fd.Actor(site, at=MON - 30 * DAY)
    clerk = store.add_staff(system, "F001", "王前台", "clerk")
    boss = store.add_staff(system, "M001", "赵主任", "manager")
    store.grant(system, "manager", fd.Grant.MANAGE)
    return {"site": site, "clerk": clerk, "boss": boss}


def _clerk(park, at):
    return fd.Actor(park["site"], park["clerk"], at=at)


def _manager(park, at):
    return fd.Actor(park["site"], park["boss"], at=at, grants=fd.Grant.MANAGE)


def _complain(store, park, severity, at, harm=False):
    return fd.add_complaint(store, _clerk(park, at), received_at=at, channel="phone", category="repair",
                            severity=severity, what="电梯困人，无人处理", customer="王小丽", contact="13812345678",
                            harm=harm)


def test_phrases_are_found_however_typed_at_the_characters_typed_R_CPL_7():
    text = "这个我不 知 道，＂不行＂，我也沒辦法"
    hits = fd.check_reply(text)
    assert [(h.phrase, text[h.start:h.end]) for h in hits] == [
        ("不知道", "不 知 道"), ("不行", "不行"), ("我也没办法", "我也沒辦法"), ("没办法", "沒辦法")]
    assert [h.phrase for h in fd.check_reply("不可以吗？")] == ["不可以"]
    assert fd.check_reply("您好，请问有什么可以帮您？") == []
    # a list of the site's own, Traditional and full-width: one fold for both sides
    hits = fd.check_reply("这个不归我管", ["不歸我管", "ＮＯ"])
    assert hits == [fd.ReplyHit("不歸我管", 2, 6)]
    with pytest.raises(fd.InvalidArgument, match="phrases: line 2 is empty"):
        fd.check_reply("x", "不行\n\n不知道")
    with pytest.raises(fd.InvalidArgument, match="phrases: line 2 is empty"):
        fd.check_reply("x", ["不行", ""])
    with pytest.raises(fd.OutOfRange, match="64 KiB"):
        fd.check_reply("啊" * 30000)


def test_wei_is_never_said_on_the_phone_R_CALL_2():
    assert fd.check_reply("喂？") == [fd.ReplyHit("喂", 0, 1)]


def test_an_escalation_due_at_night_fires_at_the_makeup_saturdays_opening_R_CPL_2():
    cal = fd.Calendar()
    friday = dt.datetime(2026, 2, 13, 23, 10, tzinfo=SH)
    assert fd.complaint_may_escalate(cal, friday) == (False, dt.datetime(2026, 2, 14, 8, 30, tzinfo=SH))
    assert fd.complaint_may_escalate(cal, MON) == (True, None)
    policy = fd.Policy()
    policy["complaint.escalate_after_hours"] = 1
    assert fd.complaint_may_escalate(cal, friday, policy) == (True, None)


def test_the_queue_harm_first_then_by_due_and_the_escalation_run_R_CPL_2_R_CPL_5(store, park):
    major = _complain(store, park, "major", MON - HOUR, harm=True)
    imp = _complain(store, park, "important", MON)
    minor = _complain(store, park, "minor", MON + HOUR)
    at = MON + 2 * HOUR  # 11:00: the supervisor's hour was up at 10:00
    clerk = _clerk(park, at)
    page = list(fd.complaint_queue(store, clerk, "due", within=dt.timedelta(days=30)))
    assert [t.complaint_id for t in page][:3] == [major, major, major]  # still causing harm: first
    assert (page[3].complaint_id, page[3].target) == (imp, "escalate")
    assert page[4].complaint_id == minor
    # page by page: the last row's id
    first = list(fd.complaint_queue(store, clerk, fd.QueueKind.DUE, within=30 * 86400, limit=2))
    rest = list(fd.complaint_queue(store, clerk, fd.QueueKind.DUE, within=30 * 86400, after=first[-1].id))
    assert [t.id for t in first + rest] == [t.id for t in page]
    breached = list(fd.complaint_queue(store, clerk, "breached"))
    assert [(t.complaint_id, t.target) for t in breached] == [(imp, "escalate")]
    with pytest.raises(fd.OutOfRange, match="limit"):
        fd.complaint_queue(store, clerk, limit=65)
    run = fd.escalate_complaints(store, fd.Actor(park["site"], at=at))
    assert run == fd.Escalation(breached=1, escalated=1, deferred=0, next_at=None)
    assert fd.escalate_complaints(store, fd.Actor(park["site"], at=at)).escalated == 0
    kinds = [(e.kind, e.detail) for e in fd.complaint_events(store, clerk, complaint_id=imp)]
    assert kinds == [("register", "important"), ("escalate", "escalate")]
    assert list(fd.complaint_queue(store, clerk, "escalate")) == []
    # at night the breach waits for the opening
    night = MON + 14 * HOUR  # 23:00: the director was to hear of the major one today
    run = fd.escalate_complaints(store, fd.Actor(park["site"], at=night + 2 * HOUR))
    assert (run.breached, run.escalated, run.deferred) == (1, 0, 1)
    assert run.next_at == dt.datetime(2026, 3, 3, 8, 30, tzinfo=SH)


def test_newer_holiday_data_recomputes_and_a_breach_stays_recorded_R_CPL_2(store, park):
    manager = _manager(park, dt.datetime(2026, 12, 1, 9, 0, tzinfo=SH))
    store.set_policy_deadline(manager, "complaint.minor.resolve_days", 2, "working_days")
    cid = _complain(store, park, "minor", dt.datetime(2026, 12, 30, 10, 0, tzinfo=SH))
    clerk = _clerk(park, dt.datetime(2026, 12, 30, 11, 0, tzinfo=SH))
    (t,) = [t for t in fd.complaint_targets(store, clerk, complaint_id=cid) if t.target == "resolve"]
    assert t.due_at == dt.datetime(2027, 1, 4, 17, 30, tzinfo=SH) and t.provisional
    fd.escalate_complaints(store, fd.Actor(park["site"], at=dt.datetime(2027, 1, 4, 18, 0, tzinfo=SH)))
    late = _manager(park, dt.datetime(2027, 1, 4, 18, 30, tzinfo=SH))
    with pytest.raises(fd.PermissionDenied):
        fd.add_calendar_data(store, _clerk(park, late.at), DATA_2027)
    assert fd.add_calendar_data(store, late, DATA_2027) == 1
    t = fd.complaint_target(store, clerk, t.id)
    assert t.due_at == dt.datetime(2027, 1, 5, 17, 30, tzinfo=SH) and not t.provisional
    assert t.data_version == "CN-2026.1+CN-2027.1"
    assert t.breached_at == dt.datetime(2027, 1, 4, 18, 0, tzinfo=SH)  # a breach recorded stays
    with pytest.raises(fd.Conflict, match="loaded already"):
        fd.add_calendar_data(store, late, DATA_2027)
    assert fd.recompute_complaint_targets(store, late) == 0


def test_the_days_unanswered_complaints_before_the_shift_leaves_R_COM_4(store, park):
    untouched = _complain(store, park, "minor", MON)
    answered = _complain(store, park, "major", MON + HOUR)
    _complain(store, park, "minor", MON - DAY)
    fd.step_complaint(store, _clerk(park, MON + 2 * HOUR), answered, "answer")
    clerk = _clerk(park, MON + 8 * HOUR)
    rows = list(fd.unanswered_complaints(store, clerk, "2026-03-02"))
    assert [c.id for c in rows] == [untouched]
    assert rows[0].contact != "13812345678"  # masked (R-COM-2)
    assert [c.id for c in fd.unanswered_complaints(store, clerk, dt.date(2026, 3, 2), after=untouched)] == []
    with pytest.raises(fd.InvalidArgument):
        fd.unanswered_complaints(store, clerk, "2026-02-30")


def test_the_sites_own_phrases_added_checked_and_retired_R_CPL_7(store, park):
    manager = _manager(park, MON)
    pid = fd.add_reply_phrase(store, manager, "你们去找开发商")
    text = "这事你們去找開發商吧，我不知道"
    clerk = _clerk(park, MON)
    assert [(h.phrase, text[h.start:h.end]) for h in fd.check_site_reply(store, clerk, text)] == [
        ("你们去找开发商", "你們去找開發商"), ("不知道", "不知道")]
    with pytest.raises(fd.Conflict, match="built in"):
        fd.add_reply_phrase(store, manager, "不 知 道")
    with pytest.raises(fd.PermissionDenied):
        fd.add_reply_phrase(store, clerk, "别烦我")
    assert [p.phrase for p in fd.reply_phrases(store, clerk)] == ["你们去找开发商"]
    fd.retire_reply_phrase(store, manager, pid)
    assert fd.reply_phrase(store, clerk, pid).retired_at == MON
    assert [h.phrase for h in fd.check_site_reply(store, clerk, text)] == ["不知道"]
    with pytest.raises(fd.InvalidState):
        fd.retire_reply_phrase(store, manager, pid)
