"""Fees, billing, from Python (issue 14 items 1, 2, 8): R-FEE-2, R-FEE-7, R-FEE-8, R-FEE-9."""
import datetime as dt

import pytest

import frontdesk as fd

SH = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2026, 11, 22, 14, 20, tzinfo=SH)
NOV = dt.date(2026, 11, 1)


@pytest.fixture
def estate(store):
    site = store.add_site(fd.Actor(0, at=NOW - dt.timedelta(days=60)), "garden", "阳光花园")
    system = fd.Actor(site, at=NOW - dt.timedelta(days=60))
    clerk = store.add_staff(system, "F001", "王小丽", "clerk")
    boss = store.add_staff(system, "M001", "赵经理", "manager")
    store.grant(system, "manager", fd.Grant.MANAGE)
    b = fd.add_building(store, system, code="3", name="3号楼")
    units = [fd.add_unit(store, system, building_id=b, number=n, use="residential", area_m2x100=a)
             for n, a in (("1201", 8888), ("1202", 10000), ("1203", 0))]
    manager = fd.Actor(site, boss, at=NOW, grants=fd.Grant.MANAGE)
    mgmt = fd.add_fee_item(store, manager, code="mgmt", name="物业管理费", kind="按面積", custody=True)
    lift = fd.add_fee_item(store, manager, code="lift", name="电梯费", kind="fixed")
    fd.add_fee_rate(store, manager, item_id=mgmt, effective_from=dt.date(2026, 1, 1), price_e4=12345)
    fd.add_fee_rate(store, manager, item_id=lift, effective_from="2026-01-01", price_e4=300000)
    return {"clerk": fd.Actor(site, clerk, at=NOW), "manager": manager, "units": units, "mgmt": mgmt, "lift": lift}


def test_R_FEE_8_codes_label_and_parse():
    assert fd.fee_code_label("kind", "area") == "按面积"
    assert fd.fee_code_label("kind", "nothing") is None
    assert fd.fee_code_parse("method", "銀行轉賬") == "transfer"
    assert fd.fee_code_parse("method", "ＣＡＳＨ") == "cash"
    with pytest.raises(fd.InvalidArgument, match="text"):
        fd.fee_code_parse("kind", "停水")
    assert fd.fee_rounding_mode("ceiling") == 5
    assert fd.fee_rounding_code(2) == "down"


def test_R_FEE_8_rate_1_2345_on_88_88_m2():
    assert fd.fee_line_amount(8888, 12345) == (10972, 2360)
    assert fd.fee_line_amount(8888, 12345, rounding="进一") == (10973, -7640)
    assert fd.fee_line_amount(100, 100) == (1, 0)  # 0.01 yuan
    assert fd.fee_line_amount(100, 999999999900).amount == 9999999999  # 99,999,999.99 yuan
    with pytest.raises(fd.OutOfRange, match="qty_e2"):
        fd.fee_line_amount(2 ** 62, 10000)
    with pytest.raises(fd.InvalidArgument):
        fd.fee_line_amount(8888, 1.2345)  # never a float


def test_R_FEE_7_custody_from_the_15th():
    # 16 of 30 days at 70 %, 14 in full: one line, one rounding
    assert fd.fee_line_amount(10000, 25000, month_days=30, custody_pct=70, custody_days=16) == (21000, 0)
    assert fd.fee_days_in(dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2026, 11, 15)) == (16, 30)


def test_R_FEE_2_periods_due_and_late_fees():
    assert fd.fee_period_end(dt.date(2026, 1, 31)) == dt.date(2026, 3, 1)
    assert fd.fee_period_end("2026-11-01", "季度") == dt.date(2027, 2, 1)
    assert fd.fee_due_on(NOV, dt.date(2026, 12, 1)) == dt.date(2026, 11, 15)
    assert fd.fee_late_fee(100000, dt.date(2026, 11, 15), dt.date(2027, 1, 1)) == 0  # none by default
    p = fd.Policy()
    p.set("fee.late_fee.per_day_e4", 5)
    assert fd.fee_late_fee(100000, dt.date(2026, 11, 15), dt.date(2026, 11, 29), p) == 700
    assert fd.fee_late_fee_terms(dt.date(2026, 11, 15), dt.date(2026, 11, 29), p) == \
        "fee.late_fee.per_day_e4=5 from 2026-11-16, 14 days; cap 100 %"


def test_R_FEE_2_bill_run_is_idempotent(store, estate):
    c = estate["clerk"]
    run = fd.generate_bills(store, c, NOV)
    assert (run.units, run.bills, run.lines, run.no_area) == (3, 3, 5, 1)
    assert run.amount == 10972 + 3000 + 12345 + 3000 + 3000
    again = fd.generate_bills(store, c, NOV, unit_ids=estate["units"])
    assert (again.bills, again.lines, again.lines_existing) == (0, 0, 5)
    lines = list(fd.bill_lines(store, c, bill_id=1))
    assert [(l.amount, l.residue_e4, l.rounding) for l in lines] == [(10972, 2360, "half_up"), (3000, 0, "half_up")]
    b = fd.bill(store, c, 1)
    assert (b.state, b.due_on, b.period_end) == ("open", dt.date(2026, 11, 15), dt.date(2026, 12, 1))
    assert [x.id for x in fd.bills(store, c, state="未缴")] == [1, 2, 3]
    with pytest.raises(fd.NotFound, match=r"unit_ids\[0\]"):
        fd.generate_bills(store, c, NOV, unit_ids=[999])


def test_R_FEE_7_custody_line(store, estate):
    c = estate["clerk"]
    cid = fd.add_unit_custody(store, c, unit_id=estate["units"][1], from_date=dt.date(2026, 11, 15))
    fd.generate_bills(store, c, NOV, unit_ids=[estate["units"][1]])
    line = next(iter(fd.bill_lines(store, c, item_id=estate["mgmt"])))
    assert (line.custody_pct, line.custody_days, line.month_days, line.amount) == (70, 16, 30, 10370)
    assert "fee.proration=days: 16 of 30 days under custody" in line.policy
    fd.end_unit_custody(store, c, cid, dt.date(2027, 1, 11))
    with pytest.raises(fd.InvalidState):
        fd.end_unit_custody(store, c, cid, dt.date(2027, 1, 12))


def test_R_FEE_8_readings_charges_discounts_late_fees_adjustments(store, estate):
    c, m = estate["clerk"], estate["manager"]
    water = fd.add_fee_item(store, m, code="water", name="水费", kind="metered", rounding="去尾")
    fd.add_fee_rate(store, m, item_id=water, effective_from=dt.date(2026, 1, 1), price_e4=35000)
    u = estate["units"][0]
    fd.add_meter_reading(store, c, unit_id=u, item_id=water, read_on=dt.date(2026, 10, 31), reading_e2=12000)
    fd.add_meter_reading(store, c, unit_id=u, item_id=water, read_on=dt.date(2026, 11, 30), reading_e2=13550)
    with pytest.raises(fd.OutOfRange, match="below"):
        fd.add_meter_reading(store, c, unit_id=u, item_id=water, read_on=dt.date(2026, 12, 31), reading_e2=100)
    fd.generate_bills(store, c, NOV, unit_ids=[u])
    assert fd.bill(store, c, 1).amount == 10972 + 3000 + 5425
    waste = fd.add_fee_item(store, m, code="waste", name="装修垃圾清运费", kind="装修垃圾清运")
    once = fd.charge_bill(store, c, u, waste, dt.date(2026, 11, 20), qty_e2=100, price_e4=2000000)
    assert fd.bill(store, c, once).period == "once"
    fd.discount_bill(store, m, 1, estate["mgmt"], 397, "老人减免")
    assert fd.bill(store, c, 1).amount == 10972 + 3000 + 5425 - 397
    store.set_policy(m, "fee.late_fee.per_day_e4", 5)
    run = fd.assess_late_fees(store, c, dt.date(2026, 11, 25))
    assert run.lines == 2 and run.amount == 95 + 50  # 19000 × 0.5 %, 20000 × 5 days × 0.05 %
    assert fd.assess_late_fees(store, c, dt.date(2026, 11, 25)).lines == 0
    with pytest.raises(fd.PermissionDenied):
        fd.add_adjustment(store, c, 1, -1000, "面积登记错误")
    adj = fd.add_adjustment(store, m, 1, -1000, "面积登记错误")
    assert next(iter(fd.adjustments(store, c, id=adj))).dated_on == dt.date(2026, 11, 22)
    assert next(iter(fd.unit_accounts(store, c, unit_id=u))).rev == 6  # run, charge, discount, two late fees, adjustment
    fd.retire_fee_item(store, m, waste)
    assert [i.code for i in fd.fee_items(store, c, retired=0)] == ["mgmt", "lift", "water"]
    assert [r.price_e4 for r in fd.fee_rates(store, c, item_id=water)] == [35000]
    assert len(list(fd.meter_readings(store, c, unit_id=u))) == 2
    assert len(list(fd.unit_custodies(store, c))) == 0
