"""Complaints from Python (issue 13, items 1-3): R-CPL-1 … R-CPL-5, R-COM-3, R-COM-5."""
import datetime as dt

import pytest

import frontdesk as fd

SH = dt.timezone(dt.timedelta(hours=8))
EVE = dt.datetime(2026, 9, 30, 17, 55, tzinfo=SH)  # after closing, the eve of 国庆节
THU = dt.datetime(2026, 11, 19, 10, 0, tzinfo=SH)
HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
SEC = dt.timedelta(seconds=1)


def _site(store):
    site = store.add_site(fd.Actor(0, at=EVE - 30 * DAY), "garden", "阳光花园")
    system = fd.Actor(site, at=EVE - 30 * DAY)
    clerk = store.add_staff(system, "F001", "王前台", "clerk")
    boss = store.add_staff(system, "M001", "赵主任", "manager")
    store.grant(system, "manager", fd.Grant.MANAGE)
    store.grant(system, "manager", fd.Grant.REVEAL)
    org = fd.add_organisation(store, system, name="阳光物业服务中心")
    eng = fd.add_department(store, system, organisation_id=org, name="工程部")
    manager = fd.Actor(site, boss, at=EVE - DAY, grants=fd.Grant.MANAGE)
    for key, amount in (("complaint.major.answer_days", 2), ("complaint.major.resolve_days", 10)):
        store.set_policy_deadline(manager, key, amount, "working_days")
    return {"site": site, "clerk": clerk, "boss": boss, "eng": eng, "system": system}


@pytest.fixture
def garden(store):
    return _site(store)


def _clerk(garden, at):
    return fd.Actor(garden["site"], garden["clerk"], at=at)


def _complaint(**changes):
    fields = dict(received_at=EVE, channel="电话", category="repair", severity="重大", what="电梯困人二十分钟无人处理",
                  customer="王小丽", contact="138 1234 5678")
    fields.update(changes)
    return fields


def test_codes_are_read_as_desks_type_them_R_COM_5():
    assert fd.complaint_code_label("severity", "major") == "重大"
    assert fd.complaint_code_parse("severity", "嚴重") == "major"
    assert fd.complaint_code_parse("channel", "ＰＨＯＮＥ") == "phone"
    assert fd.complaint_code_parse("satisfaction", "一般") == "average"
    with pytest.raises(fd.InvalidArgument, match="major 重大"):
        fd.complaint_code_parse("severity", "一般")  # no severity: schemes disagree where it sits
    assert fd.complaint_code_label("category", "lift") is None


def test_the_record_and_the_lifecycle_without_a_store_R_CPL_1_R_CPL_3():
    c = fd.Complaint(id=1, received_at=EVE, channel="phone", category="repair", severity="minor", what="漏水",
                     contact="138 1234 5678", state="registered")
    fd.validate_complaint(c)
    with pytest.raises(fd.InvalidArgument, match="complaint.customer_due: only a minor"):
        fd.validate_complaint(c.replace(severity="major", customer_due=EVE + DAY))
    with pytest.raises(fd.InvalidArgument, match="complaint.contact") as e:
        fd.validate_complaint(c.replace(contact="1381234567899999"))
    assert "13812345678" not in str(e.value)
    assert fd.check_complaint_step(c, "assess") == "assessed"
    assert fd.check_complaint_step(c, "assess", valid=False, note="不属物业范围，已说明") == "closed"
    with pytest.raises(fd.InvalidState, match="state: registered .已登记. allows assess, pause"):
        fd.check_complaint_step(c, "implement")
    with pytest.raises(fd.InvalidArgument, match="step.cause: is required"):
        fd.check_complaint_step(c.replace(state="assigned"), "investigate")
    with pytest.raises(fd.InvalidState, match="waiting for the customer"):
        fd.check_complaint_step(c.replace(state="chosen", waiting=True), "implement", accepted=True)
    with pytest.raises(fd.InvalidArgument, match="step.accepted: is required"):
        fd.check_complaint_step(c.replace(state="chosen"), "implement")
    assert fd.check_complaint_step(c.replace(state="chosen"), "implement", accepted=True) == "implemented"
    assert fd.check_complaint_step(c.replace(state="followed_up", validity="valid"), "escalate", target="resolve",
                                   note="回访不满意") == "followed_up"
    assert fd.complaint_steps_allowed("closed") == ["reopen"]
    assert fd.complaint_steps_allowed("followed_up") == ["close", "reopen", "escalate", "harm_cleared"]
    with pytest.raises(fd.InvalidArgument, match="state"):
        fd.complaint_steps_allowed("gone")


def test_targets_and_their_clocks_replayed_from_events_R_CPL_2():
    plan = fd.complaint_target_plan("重大")
    assert [p.target for p in plan] == ["director", "answer", "resolve", "reply"]
    assert plan[2].policy_key == "complaint.major.resolve_days" and plan[2].amount == 10
    assert plan[2].unit is fd.DeadlineUnit.CALENDAR_DAYS and plan[2].paused_by_waiting
    assert plan[3].start_step == "report" and plan[3].met_by == "reply"
    policy = fd.Policy()
    policy.set_deadline("complaint.major.resolve_days", 10, "working_days")
    resolve = fd.complaint_target_plan("major", policy)[2]
    assert resolve.unit is fd.DeadlineUnit.WORKING_DAYS
    cal = fd.Calendar()
    c = fd.Complaint(id=1, received_at=EVE, channel="phone", category="repair", severity="major", what="电梯困人")
    events = [fd.ComplaintEvent(id=1, complaint_id=1, kind="register", created_at=EVE, to_state="registered")]
    k = fd.complaint_target_clock(resolve, c, events, cal, EVE, policy)
    # 10 working days counting the make-up Saturday 10-10, not the National Day holiday
    assert k.due_at == dt.datetime(2026, 10, 20, 17, 30, tzinfo=SH)
    assert k.start_at == EVE and not k.paused and k.met_at is None and not k.breached
    assert k.version.startswith("CN-2026") and not k.provisional
    # Waiting pauses it; the terms it was set with can be replayed as stored.
    events.append(fd.ComplaintEvent(id=2, complaint_id=1, kind="pause", created_at=EVE + HOUR))
    k = fd.complaint_target_clock(resolve, c, events, cal, EVE + 3 * HOUR, policy)
    assert k.paused and k.due_at is None and k.paused_s == 2 * 3600
    k = fd.complaint_target_clock(resolve._replace(amount=3, unit="calendar_days"), c, events[:1], cal, EVE)
    assert k.due_at == dt.datetime(2026, 10, 8, 23, 59, 59, tzinfo=SH)  # the 3rd day is a holiday: rolled
    with pytest.raises(fd.InvalidArgument, match="events"):
        fd.complaint_target_clock(resolve, c, ["register"], cal, EVE)


def test_a_complaint_registered_stepped_and_its_clocks_R_CPL_1_R_CPL_2_R_CPL_3(store, garden):
    clerk = _clerk(garden, EVE + 5 * dt.timedelta(minutes=1))
    cid = fd.add_complaint(store, clerk, **_complaint())
    c = fd.complaint(store, clerk, cid)
    assert c.state == "registered" and c.severity == "major" and c.received_at == EVE
    assert "12345678" not in c.contact  # masked (R-COM-2)
    targets = {t.target: t for t in fd.complaint_targets(store, clerk, complaint_id=cid)}
    assert targets["director"].due_at == dt.datetime(2026, 9, 30, 23, 59, 59, tzinfo=SH)
    assert targets["answer"].due_at == dt.datetime(2026, 10, 9, 17, 30, tzinfo=SH)
    assert targets["resolve"].due_at == dt.datetime(2026, 10, 20, 17, 30, tzinfo=SH)
    assert targets["reply"].start_at is None and targets["reply"].due_at is None
    k = fd.complaint_clock(store, clerk, targets["resolve"].id)
    assert k.due_at == targets["resolve"].due_at and k.version == targets["resolve"].data_version
    at = EVE + HOUR
    fd.step_complaint(store, _clerk(garden, at), cid, "评估", valid=True)
    with pytest.raises(fd.InvalidState, match="state: assessed .已评估. allows assign"):
        fd.step_complaint(store, _clerk(garden, at), cid, "implement")
    fd.step_complaint(store, _clerk(garden, at), cid, "assign",
                      department_id=garden["eng"], promised_at=EVE + 5 * DAY)
    event = fd.step_complaint(store, _clerk(garden, at + HOUR), cid, "pause",
                              note="客户出差，十月八日回来")
    assert fd.complaint_event(store, clerk, event).kind == "pause"
    paused = fd.complaint_clock(store, _clerk(garden, at + 2 * HOUR),
                                targets["resolve"].id)
    assert paused.paused and paused.due_at is None and paused.paused_s == 3600
    assert fd.complaint(store, clerk, cid).waiting
    kinds = [e.kind for e in fd.complaint_events(store, clerk, complaint_id=cid)]
    assert kinds == ["register", "assess", "assign", "pause"]


def test_a_severity_change_keeps_the_history_R_CPL_2(store, garden):
    clerk = _clerk(garden, THU)
    cid = fd.add_complaint(store, clerk, **_complaint(received_at=THU, severity="minor"))
    fd.step_complaint(store, _clerk(garden, THU + DAY), cid, "severity",
                      severity="重大", note="涉及安全")
    ts = list(fd.complaint_targets(store, clerk, complaint_id=cid))
    assert [(t.severity, t.target, t.superseded_at is not None) for t in ts] == [
        ("minor", "resolve", True), ("minor", "reply", True), ("major", "director", False),
        ("major", "answer", False), ("major", "resolve", False), ("major", "reply", False)]
    assert ts[2].breached_at == THU + DAY  # the director was due the day it was received


def test_from_a_call_and_the_sites_categories_R_CPL_1_R_COM_5(store, garden):
    clerk = _clerk(garden, THU)
    call = fd.log_call(store, clerk, direction="in", caller_number="139 0013 9000", caller_name="钱女士",
                       ring_at=THU - 600 * SEC, answer_at=THU - 595 * SEC, end_at=THU - 300 * SEC, disposition="answered",
                       category="inquiry", matter="楼道灯坏了一周", read_back=True)
    cid = fd.complaint_from_call(store, clerk, call, category="repair", severity="minor")
    boss = fd.Actor(garden["site"], garden["boss"], at=THU)
    c = fd.complaint(store, boss.with_reveal("核对来电"), cid)
    assert (c.received_at, c.channel, c.call_id, c.customer, c.contact, c.what) == (
        THU - 600 * SEC, "phone", call, "钱女士", "13900139000", "楼道灯坏了一周")
    manager = fd.Actor(garden["site"], garden["boss"], at=THU, grants=fd.Grant.MANAGE)
    with pytest.raises(fd.PermissionDenied, match="manage"):
        fd.add_complaint_category(store, clerk, "lift", "电梯")
    lift = fd.add_complaint_category(store, manager, "lift", "电梯", department_id=garden["eng"])
    with pytest.raises(fd.Conflict, match="built in"):
        fd.add_complaint_category(store, manager, "repair", "维修")
    fd.add_complaint(store, clerk, **_complaint(received_at=THU, category="lift"))
    fd.retire_complaint_category(store, manager, lift)
    assert fd.complaint_category(store, clerk, lift).retired_at == THU
    assert [k.code for k in fd.complaint_categories(store, clerk)] == ["lift"]
    with pytest.raises(fd.InvalidArgument, match="retired"):
        fd.add_complaint(store, clerk, **_complaint(received_at=THU, category="lift"))
    with pytest.raises(fd.InvalidState, match="retired already"):
        fd.retire_complaint_category(store, manager, lift)


def test_a_step_on_a_complaint_another_clerk_moved_is_refused_naming_the_state_R_CPL_3(store, garden, db_path):
    clerk = _clerk(garden, THU)
    cid = fd.add_complaint(store, clerk, **_complaint(received_at=THU))
    with fd.Store(db_path) as other:
        with store.transaction():
            fd.step_complaint(store, _clerk(garden, THU + HOUR), cid, "assess")
            # the other handle reads the committed complaint (still registered) but cannot write meanwhile
            assert fd.complaint(other, clerk, cid).state == "registered"
        with pytest.raises(fd.InvalidState, match="state: assessed"):
            fd.step_complaint(other, fd.Actor(garden["site"], garden["boss"], at=THU + 2 * HOUR), cid, "assess")
    assert [e.kind for e in fd.complaint_events(store, clerk, complaint_id=cid)] == ["register", "assess"]


def test_a_complaint_without_its_received_time_is_refused_R_CPL_1(store):
    """A required instant left out is required, never 1970-01-01 (a complaint that would never breach)."""
    with pytest.raises(fd.InvalidArgument, match="complaint.received_at: is required"):
        fd.validate_complaint(fd.Complaint(channel="phone", category="other", severity="minor", what="x"))
    g = _site(store)
    with pytest.raises(fd.InvalidArgument, match="complaint.received_at: is required"):
        fd.add_complaint(store, _clerk(g, THU), **_complaint(received_at=None))


def test_every_submodule_of_the_package_is_reachable_as_a_module():
    import importlib
    import pkgutil
    import types
    names = [m.name for m in pkgutil.iter_modules(fd.__path__) if not m.name.startswith("_")]
    assert "complaints" in names and "calls" in names
    for name in names:
        module = importlib.import_module("frontdesk." + name)
        assert isinstance(module, types.ModuleType), name
        assert getattr(fd, name) is module, f"frontdesk.{name} is {getattr(fd, name)!r}, not the submodule"
    assert "list_complaints" in fd.complaints.__all__ and fd.list_complaints is fd.complaints.list_complaints


def test_every_code_field_takes_labels_as_the_store_does_R_COM_5(store, garden):
    clerk = _clerk(garden, EVE)
    cid = fd.add_complaint(store, clerk, **_complaint(channel="電話", category="维修", severity="輕微"))
    c = fd.complaint(store, clerk, cid)
    assert (c.channel, c.category, c.severity) == ("phone", "repair", "minor")
    assert [x.id for x in fd.list_complaints(store, clerk, category="維修", channel="电话")] == [cid]
    assert [e.kind for e in fd.complaint_events(store, clerk, complaint_id=cid, kind="登记")] == ["register"]
    assert {t.target for t in fd.complaint_targets(store, clerk, complaint_id=cid, target="解决")} == {"resolve"}
    fd.validate_complaint(fd.Complaint(received_at=EVE, channel="来电", category="保洁", severity="重要", what="x"))
    # a site's own category passes as typed; a word that is no code is refused naming the field, not as ASCII
    fd.add_complaint_category(store, fd.Actor(garden["site"], garden["boss"], at=EVE, grants=fd.Grant.MANAGE),
                              "lift", "电梯")
    own = fd.add_complaint(store, clerk, **_complaint(category="lift"))
    assert fd.complaint(store, clerk, own).category == "lift"
    with pytest.raises(fd.InvalidArgument, match="complaint.category: '电梯坏了' is not a code"):
        fd.add_complaint(store, clerk, **_complaint(category="电梯坏了"))


def test_a_queue_kind_not_known_is_an_invalid_argument_naming_the_kinds():
    with pytest.raises(fd.InvalidArgument, match="kind: 'overdue' is not one of due, breached, escalate"):
        fd.complaint_queue(None, None, "overdue")
    with pytest.raises(fd.InvalidArgument, match="kind: 7 is not one of"):
        fd.complaint_queue(None, None, 7)
    assert fd.complaints.enum_named(fd.QueueKind, " Breached", "kind") is fd.QueueKind.BREACHED


def test_a_target_closed_before_its_step_is_stopped_not_met_R_CPL_2(store, garden):
    clerk = _clerk(garden, EVE + 5 * SEC)
    cid = fd.add_complaint(store, clerk, **_complaint())
    fd.step_complaint(store, _clerk(garden, EVE + HOUR), cid, "assess", valid=False, note="不属物业管理范围，已向客户解释")
    answer = [t for t in fd.complaint_targets(store, clerk, complaint_id=cid) if t.target == "answer"][0]
    k = fd.complaint_clock(store, _clerk(garden, EVE + 2 * HOUR), answer.id)
    assert k.closed and k.met_at == EVE + HOUR
