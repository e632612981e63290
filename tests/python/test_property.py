"""The property register from Python (issue 12, item 1): R-VIS-1, R-VIS-5, R-COM-2, R-COM-3, R-FEE-8."""
import datetime as dt

import pytest

import frontdesk as fd

T0 = dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.timezone.utc)  # 09:00 in Shanghai


@pytest.fixture
def estate(store):
    """A site with a clerk, a supervisor (manage, reveal), buildings 3 and A, units 3-1201, 3-1202, A-5F."""
    site = store.add_site(fd.Actor(0, at=T0), "estate", "阳光花园")
    system = fd.Actor(site, at=T0)
    clerk = store.add_staff(system, "F001", "王前台", "clerk")
    boss = store.add_staff(system, "M001", "赵主管", "supervisor")
    store.grant(system, "supervisor", fd.Grant.MANAGE)
    store.grant(system, "supervisor", fd.Grant.REVEAL)
    manager = fd.Actor(site, boss, at=T0, grants=fd.Grant.MANAGE)
    b3 = fd.add_building(store, manager, code="3号楼", name="3号楼")
    ba = fd.add_building(store, manager, code="A座", name="A座")
    units = {n: fd.add_unit(store, manager, building_id=b, number=n, use="residential", area_m2x100=8950)
             for b, n in ((b3, "3栋1201室"), (b3, "1202"), (ba, "A座 5F"))}
    return {"store": store, "site": site, "clerk": fd.Actor(site, clerk, at=T0), "boss": boss,
            "manager": manager, "b3": b3, "units": units}


def test_unit_numbers_are_canonical_R_VIS_5():
    for typed in ("3-1201", "３－１２０１", "3栋1201室", "3号楼1201", "3#1201"):
        assert fd.parse_unit_number(typed) == fd.UnitNumber("3-1201", "3", "12", "1201", 2)
    assert fd.parse_unit_number("A座 5F").number == "A-5F"
    assert fd.normalize_building_code("東座") == "东"
    with pytest.raises(fd.InvalidArgument, match="unit: '3@1201'"):
        fd.parse_unit_number("3@1201")
    with pytest.raises(fd.InvalidArgument, match="in digits"):
        fd.parse_unit_number("三栋1201")


def test_areas_are_exact_never_floats_R_FEE_8():
    assert fd.parse_area("89.5") == 8950
    assert fd.parse_area("１２０㎡") == 12000
    assert fd.format_area(8950) == "89.50 m²"
    with pytest.raises(fd.InvalidArgument, match="more than two decimals"):
        fd.parse_area("89.505")
    with pytest.raises(fd.ArgumentTypeError):
        fd.format_area(89.5)
    assert fd.AREA_MAX == 1_000_000_000


def test_occupancy_and_codes_R_VIS_5():
    o = fd.Occupant(move_in=dt.date(2025, 3, 1), move_out="2026-01-01")
    assert fd.occupant_current(o, "2025-03-01")
    assert not fd.occupant_current(o, dt.date(2026, 1, 1))
    assert fd.organisation_current(fd.Organisation(name="x"), "1990-01-01")
    assert not fd.employee_current(fd.Employee(left_on="2026-01-01"), "2026-01-01")
    assert fd.property_code_label("role", "owner") == "业主"
    assert fd.property_code_parse("role", "業主") == "owner"
    assert fd.property_code_label("role", "landlord") is None


def test_move_out_before_move_in_is_refused_R_COM_3(estate):
    s, clerk, u = estate["store"], estate["clerk"], estate["units"]["3栋1201室"]
    with pytest.raises(fd.InvalidArgument, match="occupant.move_out"):
        fd.validate_occupant(fd.Occupant(unit_id=u, name="张三", role="owner", move_in="2025-03-01",
                                         move_out="2025-02-01"))
    with pytest.raises(fd.InvalidArgument, match="fd_store_occupant_add: occupant.move_out"):
        fd.add_occupant(s, clerk, unit_id=u, name="张三", role="owner", move_in="2025-03-01", move_out="2025-02-01")
    oid = fd.add_occupant(s, clerk, unit_id=u, name="张三", role="owner", move_in="2025-03-01")
    fd.move_out_occupant(s, clerk, oid, "2026-06-01")
    with pytest.raises(fd.InvalidState, match="moved out on 2026-06-01 already"):
        fd.move_out_occupant(s, clerk, oid, dt.date(2026, 7, 1))
    got = fd.occupant(s, clerk, oid)
    assert got.move_out == dt.date(2026, 6, 1) and got.name == "张三"
    assert [o.id for o in fd.occupants(s, clerk, unit_id=u)] == [oid]


def test_units_stored_canonical_and_listed_in_natural_order_R_VIS_5(estate):
    s, clerk, manager = estate["store"], estate["clerk"], estate["manager"]
    assert fd.unit_by_number(s, clerk, "３栋１２０２号").number == "3-1202"
    b2 = fd.add_building(s, manager, code="2", name="2号楼")
    for n in ("2-1001", "2-101", "2-99"):
        fd.add_unit(s, manager, building_id=b2, number=n, use="shop")
    assert [u.number for u in fd.list_units(s, clerk, limit=4)] == ["2-99", "2-101", "2-1001", "3-1201"]
    assert [u.number for u in fd.list_units(s, clerk, building_id=b2, after="2-101")] == ["2-1001"]
    with pytest.raises(fd.PermissionDenied, match="manage"):
        fd.add_unit(s, clerk, building_id=b2, number="2-5", use="shop")
    with pytest.raises(fd.Conflict, match="unit.number"):
        fd.add_unit(s, manager, building_id=b2, number="２－９９", use="shop")
    assert fd.building(s, clerk, b2).code == "2"
    assert [b.code for b in fd.buildings(s, clerk)] == ["3", "A", "2"]
    assert fd.unit(s, clerk, estate["units"]["A座 5F"]).floor == "5"
    assert len(list(fd.units(s, clerk, building_id=b2))) == 3


def test_find_by_name_pinyin_unit_and_phone_masked_R_VIS_1(estate):
    s, clerk, units = estate["store"], estate["clerk"], estate["units"]
    fd.add_occupant(s, clerk, unit_id=units["3栋1201室"], name="王小丽", phone="+86 138-1234-5678", role="owner",
                    move_in="2024-05-01")
    fd.add_occupant(s, clerk, unit_id=units["1202"], name="𠮷田花子", role="tenant", move_in="2024-05-01")
    org = fd.add_organisation(s, clerk, name="长沙银行", unit_id=units["A座 5F"])
    for q in ("王小丽", "wangxiaoli", "wxl", "王小麗", "１３８１２３４５６７８"):
        page = fd.find_property(s, clerk, q)
        assert len(page) == 1 and not page.more, q
        hit = page[0]
        assert hit.kind == fd.PropertyKind.OCCUPANT and hit.kind.code == "occupant"
        assert (hit.name, hit.unit, hit.role, hit.phone) == ("王小丽", "3-1201", "owner", "138****5678")
    assert fd.find_property(s, clerk, "13812345678")[0].match == fd.PropertyMatch.PHONE
    page = fd.find_property(s, clerk, "長沙")
    assert [(h.kind, h.name, h.organisation_id) for h in page] == [(fd.PropertyKind.ORGANISATION, "长沙银行", org)]
    assert [h.name for h in fd.find_property(s, clerk, "𠮷田")] == ["𠮷田花子"]
    page = fd.find_property(s, clerk, "3栋1201")
    assert [(h.kind.code, h.match.code) for h in page] == [("unit", "unit"), ("occupant", "unit")]
    assert fd.find_property(s, clerk, "wxl", kinds=[fd.PropertyKind.ORGANISATION]) == []
    with pytest.raises(fd.OutOfRange, match="limit"):
        fd.find_property(s, clerk, "wxl", limit=65)


def test_find_masks_names_by_policy_and_logs_reveals_R_COM_2(estate):
    s, clerk = estate["store"], estate["clerk"]
    oid = fd.add_occupant(s, clerk, unit_id=estate["units"]["3栋1201室"], name="王小丽", phone="13812345678",
                          role="owner", move_in="2024-05-01")
    s.set_policy(fd.Actor(estate["site"], at=T0), "pii.mask_names", 1)
    assert fd.find_property(s, clerk, "wxl")[0].name == "王**"
    boss = fd.Actor(estate["site"], estate["boss"], at=T0).with_reveal("访客核实")
    hit = fd.find_property(s, boss, "wxl")[0]
    assert (hit.name, hit.phone) == ("王小丽", "13812345678")
    logged = [(r.record, r.record_id, r.field) for r in s.reveals(clerk)]
    assert sorted(logged) == [("occupant", oid, "name"), ("occupant", oid, "phone")]


def test_former_occupants_and_an_actor_of_another_site_R_VIS_5(estate, store):
    s, clerk = estate["store"], estate["clerk"]
    oid = fd.add_occupant(s, clerk, unit_id=estate["units"]["3栋1201室"], name="王小丽", role="tenant",
                          move_in="2024-05-01")
    fd.move_out_occupant(s, clerk, oid, "2026-06-01")
    assert fd.find_property(s, clerk, "王小丽") == []
    page = fd.find_property(s, clerk, "王小丽", include_former=True)
    assert len(page) == 1 and not page[0].current
    assert len(fd.find_property(s, clerk, "王小丽", on="2026-05-31")) == 1
    other = s.add_site(fd.Actor(0, at=T0), "park", "科技园")
    stranger = fd.Actor(other, s.add_staff(fd.Actor(other, at=T0), "F001", "外园前台", "clerk"), at=T0)
    assert fd.find_property(s, stranger, "王小丽", include_former=True) == []
    with pytest.raises(fd.NotFound):
        fd.occupant(s, stranger, oid)
    with pytest.raises(fd.PermissionDenied):
        fd.find_property(s, stranger.replace(site=estate["site"]), "王小丽")


def test_organisations_departments_employees_R_VIS_1(estate):
    s, clerk, units = estate["store"], estate["clerk"], estate["units"]
    org = fd.add_organisation(s, clerk, name="星辰科技有限公司", unit_id=units["A座 5F"], phone="0755-8888 6666",
                              move_in="2023-01-01")
    dept = fd.add_department(s, clerk, organisation_id=org, name="行政部")
    emp = fd.add_employee(s, clerk, organisation_id=org, department_id=dept, name="陈经理", phone="13900139000",
                          title="行政经理")
    hit = fd.find_property(s, clerk, "xzb")[0]
    assert (hit.kind, hit.organisation, hit.unit) == (fd.PropertyKind.DEPARTMENT, "星辰科技有限公司", "A-5F")
    hit = fd.find_property(s, clerk, "陈经理")[0]
    assert (hit.department, hit.role, hit.phone) == ("行政部", "行政经理", "139****9000")
    assert fd.organisation(s, clerk, org).phone == "0755-****6666"
    assert fd.department(s, clerk, dept).name == "行政部"
    assert fd.employee(s, clerk, emp).title == "行政经理"
    assert [o.id for o in fd.organisations(s, clerk)] == [org]
    assert [d.id for d in fd.departments(s, clerk, organisation_id=org)] == [dept]
    assert [e.id for e in fd.employees(s, clerk, organisation_id=org)] == [emp]
    fd.employee_leaves(s, clerk, emp, "2026-09-01")
    with pytest.raises(fd.InvalidState):
        fd.employee_leaves(s, clerk, emp, "2026-09-02")
    fd.move_out_organisation(s, clerk, org, "2026-10-01")
    assert fd.find_property(s, clerk, "陈经理") == []
    fd.validate_organisation(fd.Organisation(name="x"))
    fd.validate_employee(fd.Employee(organisation_id=1, name="李四"))
    with pytest.raises(fd.InvalidArgument, match="employee.phone"):
        fd.validate_employee(fd.Employee(organisation_id=1, name="李四", phone="abc"))
    fd.validate_building(fd.Building(code="3栋", name="3号楼"))
    with pytest.raises(fd.InvalidArgument, match="unit.use"):
        fd.validate_unit(fd.Unit(building_id=1, number="3-1201", use="palace"))


def test_resident_check_answers_without_revealing_R_VIS_5(estate):
    s, clerk, units = estate["store"], estate["clerk"], estate["units"]
    fd.add_occupant(s, clerk, unit_id=units["1202"], name="张三", phone="13812345678", role="tenant",
                    move_in="2024-05-01")
    r = fd.resident_check(s, clerk, "張三")
    assert (r.answer, r.unit, r.role, r.basis, r.matches) == (fd.ResidentAnswer.YES, "3-1202", "tenant", "name", 1)
    assert fd.resident_check(s, clerk, "138 1234 5678").basis == "phone"
    assert fd.resident_check(s, clerk, "章三").answer == fd.ResidentAnswer.POSSIBLE
    assert fd.resident_check(s, clerk, "zhang san").answer.code == "possible"
    assert fd.resident_check(s, clerk, "李四").answer == fd.ResidentAnswer.NO
    assert fd.resident_check(s, clerk, "张三", on="2024-04-30").answer == fd.ResidentAnswer.NO
    assert "张三" not in repr(fd.resident_check(s, clerk, "张三"))
    assert list(s.reveals(clerk)) == []
