"""The calls module from Python (issue 11): every rule, the store's side, CDR import."""

import datetime as dt
import pathlib

import pytest

import frontdesk as fd
from conftest import T0

CN = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 20)  # a Friday
DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "cdr"


def at(hhmmss, day=DAY):
    h, m, s = (int(x) for x in hhmmss.split(":"))
    return dt.datetime(day.year, day.month, day.day, h, m, s, tzinfo=CN)


@pytest.fixture
def clerk(store, system):
    staff = store.add_staff(system, "F001", "王小丽", "clerk")
    return fd.Actor(system.site_id, staff, at=at("08:00:00"))


@pytest.fixture
def boss(store, system):
    staff = store.add_staff(system, "S001", "周主管", "supervisor")
    store.grant(system, "supervisor", fd.Grant.MANAGE)
    store.grant(system, "supervisor", fd.Grant.REVEAL)
    return fd.Actor(system.site_id, staff, at=at("08:00:00"), grants=fd.Grant.MANAGE)


def answered(**kw):
    base = dict(direction="in", caller_number="13800138000", caller_name="周先生", ring_at=at("08:41:05"),
                answer_at=at("08:41:11"), end_at=at("08:42:40"), disposition="answered", category="inquiry",
                matter="会议室预订", read_back=True)
    base.update(kw)
    return fd.Call(**base)


# -- codes ---------------------------------------------------------------------------
def test_codes_labels_and_parsing_R_COM_5():
    assert fd.code_label("category", "inquiry") == "咨询"
    assert fd.code_label("category", "nope") is None
    assert fd.code_parse("category", "报修") == "repair"
    assert fd.code_parse("category", "諮詢") == "inquiry"  # Traditional input
    assert fd.code_parse("category", " wrong_number ") == "wrong_number"
    with pytest.raises(fd.InvalidArgument, match="category"):
        fd.code_parse("category", "闲聊")


# -- R-CALL-1 ---------------------------------------------------------------------------
def test_rings_from_the_ring_period_R_CALL_1():
    assert fd.call_rings(at("09:00:00"), at("09:00:00")) == 1
    assert fd.call_rings(at("09:00:00"), at("09:00:15")) == 3
    assert fd.call_rings(at("09:00:00"), at("09:00:16")) == 4
    policy = fd.Policy()
    policy.set("call.ring_period_s", 6)
    assert fd.call_rings(at("09:00:00"), at("09:00:16"), policy) == 3
    with pytest.raises(fd.InvalidArgument):
        fd.call_rings(at("09:00:10"), at("09:00:00"))


def test_late_answer_needs_the_apology_R_CALL_1():
    with pytest.raises(fd.InvalidArgument, match="call.apology"):
        fd.assess_call(answered(answer_at=at("08:41:25")))
    c = fd.assess_call(answered(answer_at=at("08:41:25"), apology="given"))
    assert (c.rings, c.late, c.apology) == (4, True, "given")
    on_time = fd.assess_call(answered())
    assert (on_time.rings, on_time.late) == (2, False)
    with pytest.raises(fd.InvalidArgument, match="call.apology"):
        fd.assess_call(answered(apology="given"))


def test_refusals_name_the_field_and_never_echo_the_number():
    with pytest.raises(fd.InvalidArgument, match="call.answer_at"):
        fd.assess_call(answered(answer_at=at("08:41:00")))
    with pytest.raises(fd.InvalidArgument, match="call.end_at"):
        fd.assess_call(answered(end_at=at("08:41:08")))
    with pytest.raises(fd.InvalidArgument) as e:
        fd.assess_call(answered(caller_number="1380013800099"))
    assert "call.caller_number" in str(e.value) and "1380013800099" not in str(e.value)
    with pytest.raises(fd.InvalidArgument, match="call.matter|call.category"):
        fd.assess_call(answered(matter=None))


def test_private_call_over_three_minutes_R_CALL_4():
    c = fd.assess_call(answered(category="private", matter=None, end_at=at("08:44:12")))
    assert c.over_limit
    assert not fd.assess_call(answered(category="private", matter=None, end_at=at("08:44:11"))).over_limit


def test_wrong_number_needs_nothing_else_R_CALL_7():
    c = fd.assess_call(fd.Call(direction="in", ring_at=at("11:02:40"), answer_at=at("11:02:44"),
                               end_at=at("11:02:54"), disposition="answered", category="wrong_number"))
    assert c.category == "wrong_number" and not c.caller_number


def test_dropped_incoming_call_needs_a_call_back_R_CALL_8():
    assert fd.call_needs_callback(answered(disposition="dropped"))
    assert not fd.call_needs_callback(answered(direction="out", disposition="dropped"))
    assert not fd.call_needs_callback(answered())
    assert not fd.call_needs_callback(answered(disposition="dropped", caller_number=None))  # withheld: no one to call


def test_reply_due_in_two_working_days_over_the_weekend_R_CALL_9():
    cal = fd.Calendar()
    due, provisional = fd.call_reply_due(cal, at("17:55:00"))
    assert due.astimezone(CN).date() == dt.date(2026, 11, 24) and not provisional


def test_reply_due_counts_a_make_up_saturday_R_CALL_9():
    cal = fd.Calendar()
    # Friday 2026-02-13, 17:55: Saturday 2026-02-14 is a working day (调休), then the Spring Festival
    due, _ = fd.call_reply_due(cal, dt.datetime(2026, 2, 13, 17, 55, tzinfo=CN))
    assert due.astimezone(CN).date() == dt.date(2026, 2, 24)


def test_message_overdue_R_CALL_6():
    m = fd.Message(for_name="陈总", from_name="郑先生", body="请回电", confirmed=True, state="taken",
                   taken_at=at("10:06:00"))
    assert not fd.message_overdue(m, at("10:36:00"))
    assert fd.message_overdue(m, at("10:36:01"))


def test_screening_R_CALL_5_R_CALL_12():
    leader = fd.DirEntry(id=3, kind="person", name="陈志强", confidential=True, screen="screen", manager_entry=2,
                         purchasing_entry=4, presence="in")
    now = at("10:00:00")
    assert fd.screen(leader, None, now).action == fd.ScreenAction.CONFIRM
    d = fd.screen(leader, "customer", now)
    assert (d.action, d.route_entry, d.rule) == (fd.ScreenAction.ROUTE, 2, "R-CALL-12")
    assert fd.screen(leader, "supplier", now).route_entry == 4
    assert fd.screen(leader, "sales", now).action == fd.ScreenAction.DECLINE
    away = fd.DirEntry(id=5, kind="person", name="孙丽", presence="out", presence_until=at("18:00:00"))
    assert fd.screen(away, None, now).action == fd.ScreenAction.MESSAGE
    assert fd.screen(away, None, at("18:00:01")).action == fd.ScreenAction.TRANSFER
    with pytest.raises(fd.InvalidArgument, match="caller_type"):
        fd.screen(leader, "alien", now)


def test_guest_answers_R_CALL_11():
    g = fd.Guest(name="王芳", room="1208", arrival=DAY, departure=DAY + dt.timedelta(days=2))
    assert fd.guest_answer(g, DAY) == fd.GuestAnswer.IN_HOUSE
    assert fd.guest_answer(g, DAY - dt.timedelta(days=1)) == fd.GuestAnswer.NOT_ARRIVED
    assert fd.guest_answer(g.replace(checked_out_at=at("11:00:00")), DAY) == fd.GuestAnswer.CHECKED_OUT
    assert fd.guest_answer(g.replace(incognito=True), DAY) == fd.GuestAnswer.NONE
    assert fd.guest_answer(g.replace(incognito=True), DAY, may_reveal=True) == fd.GuestAnswer.IN_HOUSE
    assert fd.guest_answer(None, DAY) == fd.GuestAnswer.NONE
    assert fd.GuestAnswer.CHECKED_OUT.code == "checked_out"


# -- CDR -------------------------------------------------------------------------------
ASTERISK_21 = ('"","13800138000","8001","from-trunk","""周先生"" <13800138000>","SIP/trunk-00000001",'
               '"SIP/8001-00000002","Dial","SIP/8001,30","2026-11-20 09:00:00","2026-11-20 09:00:07",'
               '"2026-11-20 09:01:07",67,60,"ANSWERED","DOCUMENTATION","1763600400.1","","","1763600400.1",1')


def test_cdr_parse_and_assemble_R_CALL_3():
    assert fd.CdrDialect.of("asterisk_csv") == fd.CdrDialect.ASTERISK_CSV
    with fd.CdrParser("asterisk_csv", "pbx1", time_zone="Asia/Shanghai") as p:
        leg = p.parse_line(ASTERISK_21)
        assert leg.clid.startswith('"') and leg.uniqueid == "1763600400.1" and leg.sequence == 1
        assert leg.start_at == at("09:00:00") and leg.answer_at == at("09:00:07")
        assert p.parse_line("") is None
        with pytest.raises(fd.InvalidArgument, match="column"):
            p.parse_line(ASTERISK_21.replace("09:00:07", "08:59:07"))
    call = fd.cdr_assemble([leg])
    assert call.caller_name == "周先生" and call.answer_at == at("09:00:07") and call.legs == 1
    with pytest.raises(fd.ArgumentTypeError, match="legs"):
        fd.cdr_assemble([leg, "x"])


# -- the store ---------------------------------------------------------------------------
def test_log_call_derives_and_masks_R_CALL_1_R_COM_2(store, clerk, boss):
    cid = fd.log_call(store, clerk.replace(at=at("08:43:00")), **answered(answer_at=at("08:41:25"),
                                                                          apology="given").as_dict())
    c = fd.call(store, clerk, cid)
    assert (c.rings, c.late, c.apology, c.staff_id) == (4, True, "given", clerk.staff_id)
    assert c.caller_number == "138****8000"
    assert c.answer_at == at("08:41:25")
    revealed = fd.call(store, boss.with_reveal("核对来电"), cid)
    assert revealed.caller_number == "13800138000"
    with pytest.raises(fd.PermissionDenied):  # matching on a number needs the reveal grant (R-COM-2)
        list(fd.list_calls(store, clerk, caller_number="138 0013 8000"))
    by_number = list(fd.list_calls(store, boss.with_reveal("核对来电"), caller_number="+86 138-0013-8000"))
    assert [c.id for c in by_number] == [cid]
    assert any(r.record == "call" for r in store.reveals(boss))
    unanswered = fd.log_call(store, clerk.replace(at=at("14:21:00")), direction="in", ring_at=at("14:20:10"),
                             end_at=at("14:20:40"),
                             disposition="no_answer")
    assert fd.call(store, clerk, unanswered).answer_at is None


def test_codes_may_be_given_as_labels_and_unknown_ones_raise_R_COM_5(store, clerk):
    fd.log_call(store, clerk.replace(at=at("08:43:00")), **answered(category="諮詢", direction="来电").as_dict())
    assert [c.category for c in fd.list_calls(store, clerk, category="咨询")] == ["inquiry"]
    with pytest.raises(fd.InvalidArgument, match="category"):
        list(fd.list_calls(store, clerk, category="bogus"))


def test_log_call_refused_changes_nothing(store, clerk):
    with pytest.raises(fd.InvalidArgument, match="call.apology"):
        fd.log_call(store, clerk.replace(at=at("08:43:00")), **answered(answer_at=at("08:41:25")).as_dict())
    with pytest.raises(fd.InvalidArgument, match="call.ring_at"):  # logged before it rang
        fd.log_call(store, clerk, **answered().as_dict())
    assert list(fd.list_calls(store, clerk)) == []


def test_tasks_from_calls_R_CALL_8_R_CALL_9(store, clerk):
    fd.log_call(store, clerk.replace(at=at("13:01:00")), **answered(disposition="dropped", ring_at=at("13:00:00"),
                                                                     answer_at=at("13:00:05"),
                                                                     end_at=at("13:00:40")).as_dict())
    fd.log_call(store, clerk.replace(at=at("17:56:00")), **answered(unresolved=True, ring_at=at("17:50:00"),
                                                                     answer_at=at("17:50:04"),
                                                                     end_at=at("17:55:00")).as_dict())
    tasks = {t.kind: t for t in fd.call_tasks(store, clerk, state="open")}
    assert tasks["callback"].due_at == at("13:00:40")
    assert tasks["reply"].due_at.astimezone(CN).date() == dt.date(2026, 11, 24)
    fd.complete_call_task(store, clerk.replace(at=at("13:10:00")), tasks["callback"].id, "已回拨")
    done = fd.call_task(store, clerk, tasks["callback"].id)
    assert done.state == "done" and done.done_at == at("13:10:00") and done.done_by == clerk.staff_id
    with pytest.raises(fd.InvalidState):
        fd.complete_call_task(store, clerk, tasks["callback"].id, "again")


def test_messages_R_CALL_6(store, clerk):
    with pytest.raises(fd.InvalidArgument, match="message.confirmed"):
        fd.take_message(store, clerk, for_name="陈总", from_name="郑先生", body="请回电")
    mid = fd.take_message(store, clerk, for_name="陈总", from_name="郑先生", from_number="13522446688",
                          body="请回电 13522446688", confirmed=True)
    m = fd.message(store, clerk, mid)
    assert m.state == "taken" and m.from_number == "135****6688" and "13522446688" not in m.body
    fd.deliver_message(store, clerk.replace(at=at("10:45:00")), mid, "in_person", "当面交给")
    with pytest.raises(fd.InvalidState, match="delivered"):
        fd.expire_message(store, clerk, mid, "too late")
    early = fd.take_message(store, clerk.replace(at=at("10:20:00")), for_name="财务部", from_name="何女士",
                            body="请回电", confirmed=True)
    with pytest.raises(fd.InvalidArgument, match="before the message was taken"):  # delivered before taken
        fd.deliver_message(store, clerk.replace(at=at("09:00:00")), early, "phone")
    states = [e.state for e in fd.message_events(store, clerk, message_id=mid)]
    assert states == ["taken", "delivered"]
    assert [m.id for m in fd.messages(store, clerk, state="taken")] == [early]


def test_directory_lookup_and_confidential_numbers_R_CALL_5_R_CALL_6(store, clerk, boss):
    fd.add_dir_entry(store, boss, kind="person", name="孙丽", department="市场部", extension="8401",
                     number="13622223333")
    leader = fd.add_dir_entry(store, boss, kind="person", name="陈志强", department="市场部", extension="8400",
                              number="13812345678", confidential=True, screen="screen")
    fd.add_dir_entry(store, boss, kind="person", name="𠮷野家", extension="8402")
    fd.add_dir_entry(store, boss, kind="department", name="长沙办事处", extension="8600")
    with pytest.raises(fd.PermissionDenied):
        fd.add_dir_entry(store, clerk, kind="person", name="x")
    with pytest.raises(fd.Conflict):
        fd.add_dir_entry(store, boss, kind="person", name="另一个", extension="8400")
    found = list(fd.find_in_directory(store, clerk, "czq"))
    assert [e.name for e in found] == ["陈志强"] and found[0].number == "138****5678"
    assert [e.name for e in fd.find_in_directory(store, clerk, "sl")][0] == "孙丽"
    assert next(iter(fd.find_in_directory(store, clerk, "孙丽"))).number == "13622223333"  # not confidential
    assert [e.name for e in fd.find_in_directory(store, clerk, "長沙")] == ["长沙办事处"]
    assert [e.name for e in fd.find_in_directory(store, clerk, "８４０２")] == ["𠮷野家"]
    assert [e.id for e in fd.find_in_directory(store, clerk, "8400")] == [leader]
    revealed = next(iter(fd.find_in_directory(store, boss.with_reveal("领导同意转接"), "陈志强")))
    assert revealed.number == "13812345678"
    fd.set_presence(store, clerk, leader, "dnd", until=at("12:00:00"))
    assert fd.dir_entry(store, clerk, leader).presence == "dnd"


def test_guests_R_CALL_11(store, clerk, boss):
    fd.add_guest(store, clerk, name="王芳", room="1208", arrival=DAY, departure=DAY + dt.timedelta(days=2))
    fd.add_guest(store, clerk, name="林先生", room="1510", arrival=DAY, departure=DAY + dt.timedelta(days=1),
                 incognito=True)
    noon = clerk.replace(at=at("12:00:00"))
    answer, g = fd.lookup_guest(store, noon, name="wangfang")
    assert answer == fd.GuestAnswer.IN_HOUSE and g.room == "1208"
    assert fd.lookup_guest(store, noon, name="林先生") == (fd.GuestAnswer.NONE, None)
    answer, g = fd.lookup_guest(store, boss.replace(at=at("12:00:00")).with_reveal("总经理交代"), room="1510")
    assert answer == fd.GuestAnswer.IN_HOUSE
    with pytest.raises(fd.InvalidArgument):
        fd.lookup_guest(store, noon)


def test_cdr_import_is_idempotent_and_lists_bad_lines_R_CALL_3(store, clerk):
    files = sorted(DATA.glob("*.csv"))
    assert files, DATA
    good = DATA / "asterisk_master.csv"
    first = fd.import_cdr(store, clerk, "pbx1", "asterisk_csv", path=good)
    assert first.imported > 0 and first.rejected == 0 and first.calls_added >= 1
    before = [c.as_dict() for c in fd.list_calls(store, clerk)]
    again = fd.import_cdr(store, clerk, "pbx1", "asterisk_csv", text=good.read_text(encoding="utf-8"))
    assert again.imported == 0 and again.already == first.imported and again.calls_added == 0
    assert [c.as_dict() for c in fd.list_calls(store, clerk)] == before
    bad = fd.import_cdr(store, clerk, "pbx2", "asterisk_csv", text=ASTERISK_21 + "\n" + "\"short\",\"line\"\n")
    assert bad.imported == 1 and bad.rejected == 1 and bad.rejects[0][0] == 2


def test_call_stats_and_the_daily_report_R_COM_4(store, clerk):
    clerk = clerk.replace(at=at("08:45:00"))
    fd.log_call(store, clerk, **answered().as_dict())
    fd.log_call(store, clerk, **answered(answer_at=at("08:41:25"), apology="omitted").as_dict())
    stats = fd.call_stats(store, clerk, dt.datetime(2026, 11, 20), dt.datetime(2026, 11, 21))
    assert (stats.total, stats.answered, stats.late, stats.late_no_apology, stats.inquiry) == (2, 2, 1, 1, 2)
    report = store.daily_report(clerk, DAY)
    text = report.text()
    assert "来电汇总" in text and "138****8000" in text
