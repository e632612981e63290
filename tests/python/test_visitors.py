"""Visitors from Python (issue 12, items 2-4): R-VIS-1, R-VIS-2, R-VIS-3, R-COM-2, R-COM-3, R-COM-4."""
import datetime as dt
import os
import sqlite3

import pytest

import frontdesk as fd

T0 = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.timezone.utc)  # 09:00 in Shanghai
HOUR = dt.timedelta(hours=1)
KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n"


@pytest.fixture
def key_file(tmp_path):
    p = tmp_path / "site.key"
    p.write_text(KEY)
    os.chmod(p, 0o600)
    return p


def _estate(store):
    site = store.add_site(fd.Actor(0, at=T0 - 30 * 24 * HOUR), "estate", "阳光花园")
    system = fd.Actor(site, at=T0 - 30 * 24 * HOUR)
    clerk = store.add_staff(system, "F001", "王前台", "clerk")
    boss = store.add_staff(system, "M001", "赵主管", "supervisor")
    store.grant(system, "supervisor", fd.Grant.MANAGE)
    store.grant(system, "supervisor", fd.Grant.REVEAL)
    manager = fd.Actor(site, boss, at=T0 - 30 * 24 * HOUR, grants=fd.Grant.MANAGE)
    b = fd.add_building(store, manager, code="3号楼", name="3号楼")
    u = fd.add_unit(store, manager, building_id=b, number="1201", use="residential")
    occ = fd.add_occupant(store, system, unit_id=u, name="王小丽", role="owner", move_in="2020-01-01")
    org = fd.add_organisation(store, system, name="某某科技有限公司")
    emp = fd.add_employee(store, system, organisation_id=org, name="陈志强")
    return {"store": store, "site": site, "system": system, "clerk": fd.Actor(site, clerk, at=T0),
            "boss": boss, "manager": fd.Actor(site, boss, at=T0, grants=fd.Grant.MANAGE), "occupant": occ,
            "org": org, "employee": emp}


@pytest.fixture
def estate(store):
    return _estate(store)


def test_codes_ids_and_plates_are_read_as_people_type_them_R_COM_2():
    assert fd.visit_code_label("state", "on_site") == "在访"
    assert fd.visit_code_parse("id_type", "身份证") == "id_card"
    assert fd.visit_code_parse("answer", "帶上樓") == "bring_up"
    n = fd.parse_id_number("id_card", "11010519491231002x", dt.date(2026, 11, 23))
    assert n == fd.IdNumber("id_card", "11010519491231002X", "110105********002X")
    assert fd.parse_id_number("passport", "e1234 5678", "2026-11-23").masked == "E*****678"
    with pytest.raises(fd.InvalidArgument, match="number") as e:
        fd.parse_id_number("id_card", "E12345678", "2026-11-23")  # a passport number in the ID-card field
    with pytest.raises(fd.InvalidArgument, match="birth date") as e:
        fd.parse_id_number("id_card", "310101209901011236", "2026-11-23")  # born in the future
    assert "20990101" not in str(e.value)
    with pytest.raises(fd.InvalidArgument, match="choose the type id_card"):
        fd.parse_id_number("passport", "11010519491231002X", "2026-11-23")
    assert fd.parse_plate("粵b·12345") == "粤B12345"
    assert fd.parse_plate("京AD12345") == "京AD12345"
    with pytest.raises(fd.InvalidArgument, match="plate"):
        fd.parse_plate("A12345")


def test_visit_rules_without_a_store_R_VIS_1_R_COM_4():
    v = fd.Visit(visitor="张伟", purpose="送货", party_size=1, host="王女士")
    fd.validate_visit(v)
    with pytest.raises(fd.OutOfRange, match="visit.party_size"):
        fd.validate_visit(v.replace(party_size=0))
    with pytest.raises(fd.InvalidArgument, match="visit.host"):
        fd.validate_visit(v.replace(host=None))
    with pytest.raises(fd.InvalidState, match="visit.arrived_at"):
        fd.checkout_check(v, None, T0)  # a checkout before check-in
    here = v.replace(arrived_at=T0, planned_until=T0 + HOUR)
    fd.checkout_check(here, T0 + HOUR, T0 + 2 * HOUR)
    with pytest.raises(fd.InvalidArgument, match="left_at"):
        fd.checkout_check(here, T0 - HOUR, T0 + 2 * HOUR)
    o = fd.overstay(here, T0 + 2 * HOUR, "Asia/Shanghai")
    assert o.overstay and o.reason is fd.OverstayReason.WINDOW and o.since == T0 + HOUR + dt.timedelta(minutes=15)
    assert not fd.overstay(here, T0 + HOUR, "Asia/Shanghai").overstay
    e = fd.BlocklistEntry(level="warning", reason="注意", name="张三")
    fd.validate_blocklist_entry(e, "2026-11-23")
    with pytest.raises(fd.InvalidArgument, match="blocklist_entry.level"):
        fd.validate_blocklist_entry(e.replace(level="red"), "2026-11-23")
    assert fd.blocklist_entry_active(e.replace(added_at=T0), T0)
    assert not fd.blocklist_entry_active(e.replace(added_at=T0, lifted_at=T0), T0)


def test_register_answer_and_check_out_R_VIS_1_R_VIS_2_R_VIS_3(estate):
    s, clerk = estate["store"], estate["clerk"]
    r = fd.register_visit(s, clerk, visitor="张伟", phone="139 1234 5678", host_employee=estate["employee"],
                          purpose="送货", plate="京a·12345")
    assert (r.slip_no, r.state, r.blocklist.answer) == (1, "waiting", fd.BlocklistAnswer.NONE)
    assert fd.register_visit(s, clerk, visitor="李四", host="前台", purpose="面试").slip_no == 2
    v = fd.visit(s, clerk, r.id)
    assert (v.phone, v.plate, v.host_organisation, v.arrived_at) == ("139****5678", "京A12345", estate["org"], T0)
    fd.answer_visit(s, clerk.replace(at=T0 + HOUR), r.id, "bring_up")
    assert fd.visit(s, clerk, r.id).state == "on_site"
    with pytest.raises(fd.InvalidState, match="answered already"):
        fd.answer_visit(s, clerk, r.id, "lobby")
    with pytest.raises(fd.InvalidArgument, match="at: 2026-11-23 09:00 \\+08:00 is before the host's answer"):
        fd.check_out_visit(s, clerk, r.id)  # dated before the answer it follows (R-COM-3)
    later = clerk.replace(at=T0 + 2 * HOUR)
    fd.check_out_visit(s, later, r.id, note="已离开")
    assert fd.visit(s, clerk, r.id).state == "left"
    assert [e.kind for e in fd.visit_events(s, clerk, visit_id=r.id)] == ["answer", "checkout"]
    with pytest.raises(fd.InvalidState, match="visit.departed_at"):
        fd.check_out_visit(s, later, r.id)


def test_checkout_before_checkin_is_refused_and_nothing_changes_R_COM_4(estate, db_path):
    s, clerk = estate["store"], estate["clerk"]
    r = fd.register_visit(s, clerk, visitor="王五", host_occupant=estate["occupant"], purpose="探亲",
                          preregistered=True, planned_from=T0 + HOUR)
    assert r.state == "expected"
    before = sqlite3.connect(db_path).execute("SELECT * FROM visits").fetchall()
    with pytest.raises(fd.InvalidState, match="visit.arrived_at: the visitor has not checked in"):
        fd.check_out_visit(s, clerk, r.id)
    assert sqlite3.connect(db_path).execute("SELECT * FROM visits").fetchall() == before
    fd.check_in_visit(s, clerk, r.id)
    assert fd.visit(s, clerk, r.id).state == "waiting"


def test_still_on_site_and_the_end_of_shift_R_COM_4(estate):
    s, clerk = estate["store"], estate["clerk"]
    ids = [fd.register_visit(s, clerk, visitor=f"访客{i}", host="前台", purpose="办事",
                             planned_until=T0 + HOUR).id for i in range(3)]
    fd.check_out_visit(s, clerk, ids[1])
    assert [v.id for v in fd.visitors_on_site(s, clerk)] == [ids[0], ids[2]]
    assert [v.id for v in fd.visitors_on_site(s, clerk, after=ids[0], limit=1)] == [ids[2]]
    evening = fd.Actor(estate["site"], clerk.staff_id, at=T0 + 10 * HOUR)
    shift = fd.visit_shift_check(s, evening, T0 + 8 * HOUR)
    assert (shift.on_site, shift.overstaying, shift.unexplained, shift.ready) == (2, 2, 2, False)
    assert fd.visit_overstay(s, evening, fd.visit(s, clerk, ids[0])).reason is fd.OverstayReason.WINDOW
    for i in (ids[0], ids[2]):
        fd.explain_visit(s, evening, i, "加班，主人陪同")
    assert fd.visit_shift_check(s, evening, T0 + 8 * HOUR).ready


def test_id_documents_hashed_masked_and_full_numbers_encrypted_with_consent_R_COM_2(tmp_path, key_file):
    path = tmp_path / "keyed.db"
    with fd.Store(path, key_file=key_file) as s:
        e = _estate(s)
        clerk = e["clerk"]
        s.set_policy(e["system"], "visitor.id_keep_full", 1)
        with pytest.raises(fd.InvalidArgument, match="id.consent"):
            fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="办事",
                              id_document=fd.IdDocument("passport", "E12345678"))
        r = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="办事",
                              id_document=fd.IdDocument("passport", "E12345678", consent=True))
        v = fd.visit(s, clerk, r.id)
        assert (v.id_type, v.id_masked, v.id_kept, v.id_consent) == ("passport", "E*****678", True, True)
        again = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="办事",
                                  id_document=fd.IdDocument("passport", "e 1234 5678", consent=True))
        assert again.previous_visits == 1
        with pytest.raises(fd.PermissionDenied):
            fd.reveal_visit_id(s, clerk, r.id)
        boss = fd.Actor(e["site"], e["boss"], at=T0, grants=fd.Grant.REVEAL, reason="公安协查")
        assert fd.reveal_visit_id(s, boss, r.id) == "E12345678"
    assert b"E12345678" not in path.read_bytes()
    # without the key the store cannot keep full numbers at all
    with fd.Store(path) as s:
        site = s.site("estate").id
        clerk = fd.Actor(site, 1, at=T0)
        with pytest.raises(fd.InvalidState, match="key_file"):
            fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="办事",
                              id_document=fd.IdDocument("passport", "E7654321", consent=True))
    bad = tmp_path / "open.key"
    bad.write_text(KEY)
    os.chmod(bad, 0o644)
    with pytest.raises(fd.PermissionDenied, match="key_file"):
        fd.Store(tmp_path / "other.db", key_file=bad)


def test_purge_keeps_the_anonymised_visit_and_a_dry_run_changes_nothing_R_COM_3(estate, db_path):
    s, system = estate["store"], estate["system"]
    old = fd.Actor(estate["site"], estate["clerk"].staff_id, at=T0 - 400 * 24 * HOUR)
    r = fd.register_visit(s, old, visitor="张伟", phone="13912345678", host="前台", purpose="办事",
                          id_document=fd.IdDocument("id_card", "11010519491231002X"))
    fd.check_out_visit(s, old, r.id)
    mgr = estate["manager"]
    before = sqlite3.connect(db_path).execute("SELECT * FROM visits").fetchall()
    p = fd.purge_visits(s, mgr, dry_run=True)
    assert (p.dry_run, p.id_numbers, p.visits) == (True, 1, 1)
    assert sqlite3.connect(db_path).execute("SELECT * FROM visits").fetchall() == before
    p = fd.purge_visits(s, mgr)
    assert (p.dry_run, p.id_numbers, p.visits) == (False, 1, 1)
    v = fd.visit(s, mgr, r.id)
    assert (v.visitor, v.phone, v.id_masked, v.id_type, v.purpose) == ("", "", "", "id_card", "办事")
    assert any(j.action == "purge" for j in s.journal(system))
    with pytest.raises(fd.PermissionDenied):
        fd.purge_visits(s, estate["clerk"])


def test_the_blocklist_matches_without_showing_R_VIS_1(estate):
    s, clerk, mgr = estate["store"], estate["clerk"], estate["manager"]
    assert fd.check_blocklist(s, clerk, name="张三").answer is fd.BlocklistAnswer.NONE
    entry = fd.add_blocklist_entry(s, mgr, level="forbidden", reason="法院禁止令，联系 13812345678", name="张三",
                                   id_document=fd.IdDocument("id_card", "440304199003074561"))
    fd.add_blocklist_entry(s, mgr, level="warning", reason="Envoy flagged Reyes", name="Yes")
    m = fd.check_blocklist(s, clerk, name="張三")
    assert (m.answer, m.level, m.basis, m.entry_id) == (fd.BlocklistAnswer.MATCH, "forbidden", "name", entry)
    assert m.reason == "法院禁止令，联系 138****5678"
    assert fd.check_blocklist(s, clerk, name="Reyes").answer is fd.BlocklistAnswer.NONE
    assert fd.check_blocklist(s, clerk, name="张三丰").answer is fd.BlocklistAnswer.NONE
    assert fd.check_blocklist(s, clerk, name="章三").answer is fd.BlocklistAnswer.POSSIBLE
    assert fd.check_blocklist(s, clerk, id_document=fd.IdDocument("id_card", "440304199003074561")).basis == "id"
    with pytest.raises(fd.PermissionDenied):
        fd.add_blocklist_entry(s, clerk, level="warning", reason="x", name="李四")
    r = fd.register_visit(s, clerk, visitor="张三", host="前台", purpose="办事")
    assert r.state == "held" and r.blocklist.level == "forbidden"
    with pytest.raises(fd.PermissionDenied, match="forbidden"):
        fd.admit_visit(s, clerk, r.id, "熟人")
    fd.admit_visit(s, mgr, r.id, "已核实")
    hits = list(fd.blocklist_hits(s, mgr, visit_id=r.id))
    assert [(h.outcome, h.outcome_by) for h in hits] == [("admitted", estate["boss"])]
    fd.lift_blocklist_entry(s, mgr, entry, "禁止令已撤销")
    assert fd.check_blocklist(s, clerk, name="张三").answer is fd.BlocklistAnswer.NONE


def test_slips_are_handed_to_security_in_batches_R_VIS_3(estate):
    s, clerk = estate["store"], estate["clerk"]
    assert not fd.slip_handover_due(3, T0, T0 + 6 * 24 * HOUR)
    assert fd.slip_handover_due(3, T0, T0 + 7 * 24 * HOUR)
    for i in range(3):
        fd.register_visit(s, clerk, visitor=f"访客{i}", host="前台", purpose="办事")
    week = clerk.replace(at=T0 + 7 * 24 * HOUR)
    st = fd.slip_handover_status(s, week)
    assert (st.pending, st.first_pending, st.last_slip, st.since, st.due) == (3, 1, 3, T0, True)
    h = fd.hand_over_slips(s, week, "保安老张", note="第3张缺签名")
    assert (fd.slip_handover(s, week, h).first_slip, fd.slip_handover(s, week, h).last_slip) == (1, 3)
    assert [b.id for b in fd.slip_handovers(s, week)] == [h]
    with pytest.raises(fd.InvalidState, match="no slip"):
        fd.hand_over_slips(s, week, "保安老张")


def test_cards_are_issued_once_counted_by_two_and_differences_stay_open_R_VIS_4(estate):
    s, clerk, mgr, boss = estate["store"], estate["clerk"], estate["manager"], estate["boss"]
    fd.validate_counted_item(fd.CountedItem(kind="visitor_card", code="V001"))
    with pytest.raises(fd.InvalidArgument, match="counted_item.kind"):
        fd.validate_counted_item(fd.CountedItem(kind="pen", code="P1"))
    cards = [fd.add_item(s, mgr, kind="visitor_card", code=f"V{i:03d}") for i in range(1, 4)]
    with pytest.raises(fd.PermissionDenied):
        fd.add_item(s, clerk, kind="key", code="K1")
    v1 = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="办事").id
    v2 = fd.register_visit(s, clerk, visitor="李四", host="前台", purpose="办事").id
    fd.issue_item(s, clerk, cards[0], v1)
    with pytest.raises(fd.InvalidState, match="issued already"):
        fd.issue_item(s, clerk, cards[0], v2)
    assert fd.counted_item(s, clerk, cards[0]).state == "issued"
    fd.check_out_visit(s, clerk, v1)
    shift = fd.visit_shift_check(s, clerk, T0 - HOUR)
    assert (shift.items_out, shift.items_unreturned, shift.ready) == (1, 1, False)
    fd.return_item(s, clerk, cards[0], note="保安收回")
    c = fd.count_items(s, clerk, "visitor_card", "end", 2, boss)
    cnt = fd.item_count(s, clerk, c)
    assert (cnt.expected, cnt.counted, cnt.state, cnt.cosigner) == (3, 2, "open", boss)
    assert fd.visit_shift_check(s, clerk, T0 - HOUR).counts_open == 1
    fd.explain_count(s, clerk, c, "V002 在会议室，已取回")
    assert fd.item_count(s, clerk, c).state == "explained"
    assert [i.state for i in fd.item_counts(s, clerk, kind="visitor_card")] == ["explained"]
    fd.lose_item(s, clerk, cards[1], "找不到")
    fd.item_found(s, clerk, cards[1])
    kinds = [e.kind for e in fd.item_events(s, clerk)]
    assert kinds == ["issue", "return", "lost", "found"]
    assert fd.item_event(s, clerk, 1).visit_id == v1
    assert [i.code for i in fd.counted_items(s, clerk, state="in_stock")] == ["V001", "V002", "V003"]


def test_goods_leave_on_an_approved_permit_checked_at_the_gate_R_VIS_7(estate):
    s, clerk, mgr = estate["store"], estate["clerk"], estate["manager"]
    assert fd.parse_goods_items("电脑2台，椅子×4") == "电脑×2；椅子×4"
    assert fd.compare_goods_items("电脑×2；椅子×4", "椅子5，电脑2") == (False, "椅子 4→5")
    assert fd.compare_goods_items("电脑×2", "电脑 x2") == (True, "")
    with pytest.raises(fd.InvalidArgument, match="item 1 has no quantity"):
        fd.parse_goods_items("电脑")
    fd.validate_goods_permit(fd.GoodsPermit(applicant="王小丽", items="沙发1"))
    p = fd.add_goods_permit(s, clerk, applicant="王小丽", phone="13812345678", items="沙发1套，椅子4把",
                            id_document=fd.IdDocument("id_card", "11010519491231002X"))
    permit = fd.goods_permit(s, clerk, p)
    assert (permit.items, permit.state, permit.id_masked) == ("沙发×1；椅子×4", "requested", "110105********002X")
    with pytest.raises(fd.InvalidState, match="approved permit"):
        fd.check_goods(s, clerk, p, "沙发1，椅子4")
    fd.approve_goods_permit(s, mgr, p)
    c = fd.check_goods(s, clerk, p, "沙发1，椅子5", gate="东门")
    assert (c.matched, c.difference) == (False, "椅子 4→5")
    assert fd.custody_status(s, clerk).permits_mismatch == 1
    assert fd.check_goods(s, clerk, p, "椅子4，沙发1").matched
    assert fd.goods_permit(s, clerk, p).state == "released"
    assert [x.matched for x in fd.goods_checks(s, clerk, permit_id=p)] == [False, True]
    assert fd.goods_check(s, clerk, c.id).gate == "东门"
    assert [x.id for x in fd.goods_permits(s, clerk, state="released")] == [p]
    q = fd.add_goods_permit(s, clerk, applicant="李四", items="冰箱1")
    fd.refuse_goods_permit(s, mgr, q, "欠费")
    assert fd.goods_permit(s, clerk, q).state == "refused"


def test_one_custody_ledger_R_VIS_8(estate):
    s, clerk = estate["store"], estate["clerk"]
    item = fd.CustodyItem(kind="parcel", description="快递", occupant_id=estate["occupant"], deposited_at=T0)
    fd.validate_custody_item(item)
    due = fd.custody_item_due(item, T0)
    assert due.notify and not due.remind and due.unclaimed_at == T0 + 90 * 24 * HOUR
    with pytest.raises(fd.InvalidArgument, match="custody_item.visit_id"):
        fd.validate_custody_item(fd.CustodyItem(kind="visitor_documents", description="名片"))
    parcel = fd.add_custody_item(s, clerk, kind="parcel", description="顺丰快递", occupant_id=estate["occupant"],
                                 phone="13812345678")
    bag = fd.add_custody_item(s, clerk, kind="left_behind", description="雨伞", found_where="大堂")
    assert fd.custody_status(s, clerk).to_notify == 1
    fd.notify_custody(s, clerk, parcel, "sms")
    later = clerk.replace(at=T0 + 3 * 24 * HOUR)
    assert fd.custody_status(s, later).to_remind == 1
    fd.notify_custody(s, later, parcel, "phone")
    fd.collect_custody(s, later, parcel, "王小丽", "id_check")
    got = fd.custody_item(s, clerk, parcel)
    assert (got.state, got.reminders, got.check_method) == ("collected", 1, "id_check")
    assert [e.kind for e in fd.custody_events(s, clerk, item_id=parcel)] == ["deposit", "notify", "remind", "collect"]
    assert fd.custody_event(s, clerk, 1).kind == "deposit"
    with pytest.raises(fd.InvalidState, match="collected already"):
        fd.collect_custody(s, later, parcel, "王小丽", "signature")
    months = clerk.replace(at=T0 + 91 * 24 * HOUR)
    assert fd.custody_status(s, months).unclaimed == 1
    fd.hand_on_custody(s, months, bag, "XX派出所", "逾期无人认领")
    card = fd.add_custody_item(s, clerk, kind="deposit", description="钥匙一串", owner="王小丽")
    fd.return_custody(s, clerk, card, "王小丽")
    assert [i.state for i in fd.custody_items(s, clerk)] == ["collected", "handed_on", "returned"]


def test_important_visits_checklist_ticked_off_before_arrival_R_VIS_6(estate):
    s, clerk = estate["store"], estate["clerk"]
    start = T0 + 2 * HOUR
    v = fd.Visit(visitor="市考察团", purpose="考察", party_size=8, host="总经理办公室", preregistered=True,
                 planned_from=start, important=True)
    prep = fd.VisitPrep(visit_id=1, item="会议室布置", due_at=T0 + HOUR)
    fd.validate_visit_prep(prep, v)
    with pytest.raises(fd.InvalidArgument, match="visit_prep.due_at"):
        fd.validate_visit_prep(prep.replace(due_at=start + HOUR), v)
    with pytest.raises(fd.InvalidState, match="visit.important"):
        fd.validate_visit_prep(prep, v.replace(important=False))
    due = fd.visit_prep_due(fd.VisitPrep(visit_id=1, item="横幅"), start, start)
    assert due == fd.PrepDue(start, True, True, False)
    with pytest.raises(fd.InvalidArgument, match="visit.preregistered"):
        fd.register_visit(s, clerk, visitor="代表团", purpose="考察", host="办公室", important=True)

    vip = fd.register_visit(s, clerk, visitor="市考察团", purpose="考察", party_size=8, host="总经理办公室",
                            preregistered=True, planned_from=start, important=True).id
    plain = fd.register_visit(s, clerk, visitor="张伟", purpose="送货", host="前台").id
    room = fd.add_visit_prep(s, clerk, vip, "会议室布置", due_at=T0 + HOUR)
    banner = fd.add_visit_prep(s, clerk, vip, "横幅")
    with pytest.raises(fd.InvalidState, match="visit.important"):
        fd.add_visit_prep(s, clerk, plain, "鲜花")
    with pytest.raises(fd.NotFound, match="visit_prep.visit_id"):
        fd.add_visit_prep(s, clerk, 999, "鲜花")
    st = fd.visit_prep_status(s, clerk, vip)
    assert (st.items, st.open, st.overdue, st.first_due) == (2, 2, 0, T0 + HOUR)
    assert [v.id for v in fd.important_visits_open(s, clerk, T0, T0 + 24 * HOUR)] == [vip]

    fd.visit_prep_done(s, clerk.replace(at=T0 + HOUR / 2), room, note="二楼大会议室")
    with pytest.raises(fd.InvalidState, match="ticked off already"):
        fd.visit_prep_done(s, clerk, room)
    got = fd.visit_prep(s, clerk, room)
    assert (got.done_at, got.done_by, got.created_at) == (T0 + HOUR / 2, clerk.staff_id, T0)
    late = clerk.replace(at=start + HOUR)
    assert fd.visit_prep_status(s, late, vip).overdue == 1
    fd.visit_prep_done(s, late, banner)
    st = fd.visit_prep_status(s, late, vip)
    assert (st.done, st.open, st.late, st.first_due) == (2, 0, 1, None)
    assert list(fd.important_visits_open(s, clerk, T0, T0 + 24 * HOUR)) == []
    assert [p.item for p in fd.visit_preps(s, clerk, visit_id=vip)] == ["会议室布置", "横幅"]


def test_the_days_counts_and_the_daily_reports_visitors_section_R_COM_4(estate):
    s, clerk, mgr = estate["store"], estate["clerk"], estate["manager"]
    sh = dt.timezone(dt.timedelta(hours=8))
    fd.add_blocklist_entry(s, mgr.replace(at=T0 - HOUR), level="forbidden", reason="禁止入内", name="张三")
    card = fd.add_item(s, mgr.replace(at=T0 - HOUR), kind="visitor_card", code="V001")
    w1 = fd.register_visit(s, clerk, visitor="张伟", phone="139 1234 5678", host_employee=estate["employee"],
                           purpose="送货").id
    fd.check_out_visit(s, clerk.replace(at=T0 + HOUR), w1)
    held = fd.register_visit(s, clerk, visitor="张三", host="前台", purpose="找人").id
    fd.refuse_visit(s, mgr.replace(at=T0 + HOUR), held, "禁止入内")
    fd.register_visit(s, clerk, visitor="王五", host_occupant=estate["occupant"], purpose="探亲",
                      preregistered=True, planned_from=T0 + 2 * HOUR)
    fd.add_custody_item(s, clerk, kind="parcel", description="快递", occupant_id=estate["occupant"])
    night = clerk.replace(at=dt.datetime(2026, 11, 23, 23, 59, tzinfo=sh))  # 23:59 local: still the day
    late = fd.register_visit(s, night, visitor="赵六", host="前台", purpose="送货").id
    fd.issue_item(s, night, card, late)

    morning = clerk.replace(at=T0 + 24 * HOUR)
    st = fd.visit_stats(s, morning, dt.datetime(2026, 11, 23), dt.datetime(2026, 11, 24))  # naive: site time
    assert isinstance(st, fd.VisitStats)
    assert (st.registered, st.walk_ins, st.preregistered, st.arrived, st.left) == (4, 3, 1, 3, 2)
    assert (st.refused, st.expected, st.not_come, st.on_site, st.overstays) == (1, 1, 1, 1, 0)
    assert (st.items_issued, st.items_out, st.items_unreturned) == (1, 1, 0)
    assert (st.custody_deposited, st.custody_held, st.custody_to_notify) == (1, 1, 1)
    assert (st.blocklist_matches, st.blocklist_forbidden_refused, st.blocklist_forbidden_pending) == (1, 1, 0)
    nxt = fd.visit_stats(s, morning, dt.datetime(2026, 11, 24), dt.datetime(2026, 11, 25))
    assert (nxt.registered, nxt.on_site, nxt.items_out) == (0, 1, 1)
    # every count of the C struct has its name here
    names = {n for n in dir(fd.core.fd_visit_stats) if not n.startswith("_") and n not in ("this", "thisown", "version")}
    assert names == set(fd.VisitStats._fields)
    with pytest.raises(fd.InvalidArgument, match="to:"):
        fd.visit_stats(s, morning, dt.datetime(2026, 11, 24), dt.datetime(2026, 11, 23))

    r = s.daily_report(morning, "2026-11-23", "en")
    keys = [x.key for x in r.sections]
    assert keys[10:18] == ["visitors.summary", "visitors.by_purpose", "visitors.by_organisation", "visitors.items",
                         "visitors.custody", "visitors.blocklist", "visitors.important", "visitors.on_site"]
    summary = {row[0]: row[2] for row in r.section("visitors.summary").tables[0].rows}
    assert (summary["registered"], summary["on_site"], summary["not_come"]) == (4, 1, 1)
    assert r.section("visitors.by_purpose").tables[0].rows == [["送货", 2, 6667], ["找人", 1, 3333]]
    assert r.section("visitors.by_organisation").tables[0].rows == [["none", 2, 6667], ["某某科技有限公司", 1, 3333]]
    assert r.section("visitors.blocklist").tables[0].rows[2] == ["forbidden", "forbidden", 0, 0, 1, 1]
    [row] = r.section("visitors.on_site").tables[0].rows
    assert row[:6] == [night.at, 4, "赵六", "", 1, "前台"]
    assert "13912345678" not in r.json() and "禁止入内" not in r.text()
    assert "\n访客汇总\n" in s.daily_report(morning, "2026-11-23").text()


# -- what a new user's trial found (issue 12) ----------------------------------------------------
def test_code_fields_take_labels_as_the_cli_does_R_VIS_1_R_VIS_4(estate):
    s, clerk, mgr, boss = estate["store"], estate["clerk"], estate["manager"], estate["boss"]
    assert fd.parse_id_number("身份证", "11010519491231002X", "2026-11-23").type == "id_card"
    r = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="送货",
                          id_document=fd.IdDocument("身份证", "11010519491231002X"))
    assert fd.visit(s, clerk, r.id).id_type == "id_card"
    fd.answer_visit(s, clerk.replace(at=T0 + HOUR), r.id, "大堂会面")
    assert [v.id for v in fd.visits(s, clerk, state="在访")] == [r.id]
    assert [e.code for e in fd.visit_events(s, clerk, kind="答复")] == ["lobby"]
    key = fd.add_item(s, mgr, kind="钥匙", code="k01")
    assert fd.counted_item(s, clerk, key).kind == "key"
    assert [i.id for i in fd.counted_items(s, clerk, kind="钥匙", state="在库")] == [key]
    count = fd.count_items(s, clerk, "钥匙", "交班", 1, boss)
    assert (fd.item_count(s, clerk, count).kind, fd.item_count(s, clerk, count).moment) == ("key", "end")
    parcel = fd.add_custody_item(s, clerk, kind="快递", description="顺丰快递", occupant_id=estate["occupant"])
    fd.notify_custody(s, clerk, parcel, "短信")
    fd.collect_custody(s, clerk, parcel, "王小丽", "签字")
    assert fd.custody_item(s, clerk, parcel).check_method == "signature"
    assert [i.id for i in fd.custody_items(s, clerk, kind="快递", state="已领取")] == [parcel]
    entry = fd.add_blocklist_entry(s, mgr, level="限制", reason="推销", phone="13700001111")
    assert fd.blocklist_entry(s, mgr, entry).level == "limited"
    with pytest.raises(fd.InvalidArgument, match="text: '帮忙' is not an answer"):
        fd.answer_visit(s, clerk, r.id, "帮忙")


def test_a_code_is_found_however_it_is_typed_R_VIS_4(estate):
    s, clerk, mgr = estate["store"], estate["clerk"], estate["manager"]
    card = fd.add_item(s, mgr, kind="visitor_card", code="v01")
    assert fd.counted_item_by_code(s, clerk, "ｖ０１").id == card
    assert fd.counted_item_by_code(s, clerk, "V01").code == "V01"
    with pytest.raises(fd.NotFound, match="code: no item 'V02'"):
        fd.counted_item_by_code(s, clerk, "v02")
    with pytest.raises(fd.Conflict):
        fd.add_item(s, mgr, kind="visitor_card", code="V01")


def test_a_walk_in_planned_for_tomorrow_is_refused_R_VIS_1(estate):
    s, clerk = estate["store"], estate["clerk"]
    with pytest.raises(fd.InvalidArgument, match="visit.planned_from: 2026-11-24 09:00 \\+08:00 is after the walk-in"):
        fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="送货", planned_from=T0 + 24 * HOUR)
    with pytest.raises(fd.InvalidArgument, match="visit.planned_until: .* is not after the walk-in's arrival"):
        fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="送货", planned_until=T0 - HOUR)
    r = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="送货", preregistered=True,
                          planned_from=T0 + 24 * HOUR)
    assert r.state == "expected" and r.slip_no == 1


def test_refusals_of_the_trial_name_the_field_and_change_nothing_R_VIS_1_R_VIS_7_R_COM_2(estate, db_path):
    s, clerk, mgr = estate["store"], estate["clerk"], estate["manager"]
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM visits").fetchone()
    with pytest.raises(fd.InvalidArgument, match="id.number: this is a resident ID number .*choose the type id_card"):
        fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="送货",
                          id_document=fd.IdDocument("other", "11010519491231002X"))
    with pytest.raises(fd.InvalidArgument, match="visit.visitor: is required"):
        fd.register_visit(s, clerk, visitor="\u3000", host="前台", purpose="送货")
    with pytest.raises(fd.InvalidArgument, match="visit.purpose: is required"):
        fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="  ")
    with pytest.raises(fd.InvalidArgument, match="item 1 \\('电脑-1台'\\): a quantity is a whole number"):
        fd.add_goods_permit(s, clerk, applicant="陈工", items="电脑-1台")
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM visits").fetchone() == before
    assert fd.parse_goods_items("电脑两台\n椅子三把") == "电脑×2；椅子×3"
    p = fd.add_goods_permit(s, clerk, applicant="陈工", items="电脑两台\n椅子三把", valid_until=T0 + dt.timedelta(seconds=60))
    with pytest.raises(fd.InvalidState, match="permit.valid_until: permit 1 expired at 2026-11-23 09:01 \\+08:00, "
                                             "59 min ago"):
        fd.approve_goods_permit(s, mgr.replace(at=T0 + HOUR), p)


def test_steps_in_order_and_a_held_visitor_decided_first_R_COM_3_R_VIS_1(estate):
    s, clerk, mgr = estate["store"], estate["clerk"], estate["manager"]
    parcel = fd.add_custody_item(s, clerk, kind="parcel", description="顺丰快递", occupant_id=estate["occupant"])
    with pytest.raises(fd.InvalidArgument, match="at: 2026-11-23 08:00 \\+08:00 is before the parcel was deposited "
                                                 "\\(09:00\\)"):
        fd.collect_custody(s, clerk.replace(at=T0 - HOUR), parcel, "王小丽", "signature")
    fd.add_blocklist_entry(s, mgr, level="warning", reason="推销", name="张伟")
    r = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="推销")
    assert r.state == "held"
    with pytest.raises(fd.InvalidState, match="decide first: admit or refuse"):
        fd.check_out_visit(s, clerk.replace(at=T0 + HOUR), r.id)
    fd.refuse_visit(s, clerk.replace(at=T0 + HOUR), r.id, "未等核实自行离开")
    assert [h.outcome for h in fd.blocklist_hits(s, clerk, visit_id=r.id)] == ["refused"]


def test_numbers_in_free_text_the_journal_and_the_purge_R_COM_2_R_COM_3(estate):
    s, clerk, mgr, system = estate["store"], estate["clerk"], estate["manager"], estate["system"]
    assert fd.pii.mask_text("护照E12345678，车牌京A12345，房号3-1201") == "护照E*****678，车牌京A12345，房号3-1201"
    r = fd.register_visit(s, clerk, visitor="张伟", host="前台", purpose="送证件11010519491231002X，电话13800138000")
    revealer = fd.Actor(estate["site"], estate["boss"], at=T0 + HOUR).with_reveal("公安协查")
    assert fd.visit(s, revealer, r.id).purpose == "送证件110105********002X，电话13800138000"
    entry = fd.add_blocklist_entry(s, mgr, level="warning", reason="推销", phone="13700001111")
    fd.lift_blocklist_entry(s, mgr.replace(at=T0 + HOUR), entry, "误录，本人13700001111")
    assert [e.detail for e in s.journal(system, entity="blocklist", action="lift")] == ["误录，本人137****1111"]
    fd.check_out_visit(s, clerk.replace(at=T0 + HOUR), r.id, note="护照E12345678已归还")
    fd.purge_visits(s, mgr.replace(at=T0 + 31 * 24 * HOUR))
    assert fd.visit(s, revealer, r.id).purpose == "送证件110105********002X，电话138****8000"
    assert [e.note for e in fd.visit_events(s, revealer, visit_id=r.id)] == ["护照E*****678已归还"]
