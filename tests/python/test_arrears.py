"""Arrears, dunning and notices from Python (issue 14, item 5): R-FEE-2, R-FEE-6."""
import datetime as dt
import sqlite3

import pytest

import frontdesk as fd

SH = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2026, 11, 20, 10, 0, tzinfo=SH)
TODAY = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)


def _bill(db_path, site, unit, start, due, amount, paid=0):
    """A bill as billing leaves it, written behind the library's back."""
    state = "open" if paid == 0 else "partial" if paid < amount else "paid"
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT INTO bills (site_id, created_at, unit_id, period, period_start, period_end, due_on, "
                   "amount, paid, adjusted, state) VALUES (?, 0, ?, 'month', ?, date(?, '+1 month'), ?, ?, ?, 0, ?)",
                   (site, unit, start, start, due, amount, paid, state))


@pytest.fixture
def desk(store, db_path):
    site = store.add_site(fd.Actor(0, at=T0 - 30 * DAY), "garden", "阳光花园")
    system = fd.Actor(site, at=T0 - 30 * DAY)
    clerk = store.add_staff(system, "F001", "王前台", "clerk")
    boss = store.add_staff(system, "M001", "赵主任", "manager")
    store.grant(system, "manager", fd.Grant.MANAGE)
    store.grant(system, "manager", fd.Grant.REVEAL)
    b = fd.add_building(store, system, code="3", name="3号楼")
    u1 = fd.add_unit(store, system, building_id=b, number="501", use="residential", area_m2x100=8888)
    u2 = fd.add_unit(store, system, building_id=b, number="502", use="residential", area_m2x100=8888)
    fd.add_occupant(store, system, unit_id=u1, name="𠮷田丽", role="owner", move_in=dt.date(2020, 1, 1))
    _bill(db_path, site, u1, "2026-08-01", "2026-08-15", 12345)        # 97 days past due
    _bill(db_path, site, u1, "2026-09-01", "2026-09-15", 12345, 345)   # 66 days
    _bill(db_path, site, u1, "2026-10-01", "2026-10-25", 12345)        # 26 days
    _bill(db_path, site, u1, "2026-11-01", "2026-11-20", 12345)        # due today: not overdue
    _bill(db_path, site, u2, "2023-11-01", "2023-12-01", 1)            # 0.01 yuan since 2023
    return {"site": site, "clerk": fd.Actor(site, clerk, at=T0), "system": system, "u1": u1, "u2": u2,
            "manager": fd.Actor(site, boss, at=T0, grants=fd.Grant.MANAGE)}


def test_limitation_three_years_moved_past_rest_R_FEE_6():
    cal = fd.Calendar()
    assert fd.limitation_end(dt.date(2023, 3, 31), cal) == dt.date(2026, 3, 31)
    assert fd.limitation_end("2024-02-29", cal) == dt.date(2027, 3, 1)  # 2027-02-28 is a Sunday (art. 202, 203)
    assert fd.limitation_end("2023-01-31", cal, last_demand_on="2024-06-12") == dt.date(2027, 6, 14)  # art. 195
    with pytest.raises(fd.InvalidArgument, match="due_on"):
        fd.limitation_end("2023-02-30", cal)


def test_age_buckets_from_the_day_after_due_R_FEE_6():
    assert fd.BUCKETS == ("d0_30", "d31_90", "d91_180", "d181_365", "over_365")
    assert fd.age_bucket("2026-03-15", "2026-03-15") == ""
    assert fd.age_bucket("2026-03-15", dt.date(2026, 3, 16)) == "d0_30"
    assert fd.age_bucket("2026-03-15", "2026-04-14") == "d0_30"
    assert fd.age_bucket("2026-03-15", "2026-04-15") == "d31_90"
    assert [fd.bucket_of_days(n) for n in (0, 1, 30, 31, 90, 91, 180, 181, 365, 366)] == [
        "", "d0_30", "d0_30", "d31_90", "d31_90", "d91_180", "d91_180", "d181_365", "d181_365", "over_365"]


def test_dunning_state_machine_and_art_944_R_FEE_6():
    assert fd.dunning_next(None, "2026-01-16") == fd.DunningPlan("reminder", dt.date(2026, 1, 16))
    assert fd.dunning_next("reminder", "2025-11-30") == fd.DunningPlan("letter", dt.date(2026, 2, 28))
    assert fd.dunning_next("letter", "2026-01-10", occupied=True) == ("visit", dt.date(2026, 4, 10))
    assert fd.dunning_next("letter", "2026-01-10", occupied=False) == ("legal", dt.date(2026, 7, 10))
    assert fd.dunning_next("legal", "2026-01-10") == ("", None)
    policy = fd.Policy()
    policy["fee.dunning.letter_after_months"] = 1
    assert fd.dunning_next("reminder", "2026-01-31", policy=policy) == ("letter", dt.date(2026, 2, 28))
    with pytest.raises(fd.InvalidArgument, match="last_step"):
        fd.dunning_next("sue", "2026-01-10")
    fd.check_dunning("reminder", "sms")
    fd.check_dunning("legal", "court", last_step="letter")  # no one lives there: the visit is skipped
    with pytest.raises(fd.InvalidState, match="reminder"):
        fd.check_dunning("letter", "express")
    with pytest.raises(fd.InvalidArgument, match="944"):
        fd.check_dunning("停水", "phone")
    with pytest.raises(fd.InvalidArgument, match="944"):
        fd.check_dunning("reminder", "停電")  # Traditional


def test_notices_render_figures_and_capitals_R_FEE_2():
    text = fd.render_notice("{payer} {unit}: {amount} ({amount_upper}) by {deadline}, {late_rate}/day {{x}}",
                            payer="𠮷田长沙", unit="3栋2单元501", amount=9_999_999_999,
                            deadline=dt.date(2026, 3, 31), late_rate_e4=5)
    assert text == ("𠮷田长沙 3栋2单元501: ¥99,999,999.99 (玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分) by "
                    "2026年3月31日, 0.05%/day {x}")
    assert fd.render_notice("{amount}={amount_upper}|{deadline}|", amount=1) == "¥0.01=壹分||"
    with pytest.raises(fd.InvalidArgument, match="{amont}"):
        fd.render_notice("欠费 {amont} 元", amount=1)
    with pytest.raises(fd.OutOfRange, match="late_rate_e4"):
        fd.render_notice("x", late_rate_e4=10001)
    with pytest.raises(fd.InvalidArgument, match="amount"):
        fd.render_notice("x", amount=1.5)  # never a float
    fd.check_notice_template("{{phone}}")
    with pytest.raises(fd.InvalidArgument, match="{phone}"):
        fd.check_notice_template("{phone}")
    assert "催款通知书" in fd.default_notice_template("dunning")
    assert "缴款通知书" in fd.default_notice_template("payment")
    assert fd.default_notice_template("receipt") is None


def test_arrears_by_unit_in_age_buckets_R_FEE_6(store, desk):
    a = fd.arrears_by_unit(store, desk["clerk"], as_of=TODAY)
    assert [r.unit for r in a.rows] == ["3-501", "3-502"]
    r1, r2 = a.rows
    assert (r1.bills, r1.outstanding, r1.d0_30, r1.d31_90, r1.d91_180) == (3, 36690, 12345, 12000, 12345)
    assert r1.oldest_due == dt.date(2026, 8, 15) and r1.occupied == 1 and r1.last_step == ""
    assert (r1.next_step, r1.next_step_on) == ("reminder", dt.date(2026, 8, 16))
    assert r1.limitation_on == dt.date(2029, 8, 15) and r1.limitation_warn == 0
    assert (r2.outstanding, r2.over_365, r2.occupied) == (1, 1, 0)  # 0.01 yuan, three years on
    assert r2.limitation_on == dt.date(2026, 12, 1) and r2.limitation_warn == 1
    assert (a.total.unit_id, a.total.outstanding, a.total.bills, a.total.limitation_warn) == (2, 36691, 4, 1)
    assert fd.arrears_by_unit(store, desk["clerk"], as_of="2023-12-01").rows == ()
    with pytest.raises(fd.InvalidArgument, match="as_of"):
        fd.arrears_by_unit(store, desk["clerk"], as_of="2026-02-30")


def test_a_reminder_restarts_the_clock_and_moves_the_plan_R_FEE_6(store, desk):
    due = fd.dunning_due(store, desk["clerk"], TODAY)
    assert [r.unit_id for r in due.rows] == [desk["u1"], desk["u2"]]
    with pytest.raises(fd.InvalidState, match="reminder"):
        fd.add_dunning_step(store, desk["clerk"], unit_id=desk["u1"], step="letter", channel="express",
                            happened_on=TODAY)
    with pytest.raises(fd.InvalidArgument, match="944"):
        fd.add_dunning_step(store, desk["clerk"], unit_id=desk["u1"], step="停水", channel="phone",
                            happened_on=TODAY)
    sid = fd.add_dunning_step(store, desk["clerk"], unit_id=desk["u2"], step="reminder", channel="sms",
                              happened_on=TODAY, deadline=TODAY + 10 * DAY, proof="短信回执 20261120")
    step = fd.dunning_step(store, desk["clerk"], sid)
    assert (step.owed, step.step, step.channel) == (1, "reminder", "sms")
    assert [s.id for s in fd.dunning_steps(store, desk["clerk"], unit_id=desk["u2"])] == [sid]
    r2 = fd.arrears_by_unit(store, desk["clerk"], as_of=TODAY).rows[1]
    assert (r2.last_step, r2.last_demand_on) == ("reminder", TODAY)
    assert r2.limitation_on == dt.date(2029, 11, 20) and r2.limitation_warn == 0  # art. 195
    assert (r2.next_step, r2.next_step_on) == ("letter", dt.date(2027, 2, 20))
    assert [r.unit_id for r in fd.dunning_due(store, desk["clerk"], TODAY).rows] == [desk["u1"]]


def test_notices_from_the_site_template_R_FEE_2(store, desk):
    text = fd.fee_notice(store, desk["clerk"], "dunning", desk["u1"], as_of=TODAY)
    assert "催款通知书" in text and "¥366.90" in text and "𠮷田丽" in text and "阳光花园" in text
    pay = fd.fee_notice(store, desk["clerk"], "payment", desk["u1"], as_of=TODAY)
    assert "¥490.35" in pay  # the bill due today is named too
    with pytest.raises(fd.PermissionDenied):
        fd.set_notice_template(store, desk["clerk"], "dunning", "{unit} 欠 {amount}")
    tid = fd.set_notice_template(store, desk["manager"], "dunning", "{unit} 欠 {amount}（{amount_upper}）")
    assert [t.id for t in fd.notice_templates(store, desk["clerk"], kind="dunning")] == [tid]
    assert fd.fee_notice(store, desk["clerk"], "dunning", desk["u1"], TODAY) == "3-501 欠 ¥366.90（叁佰陆拾陆元玖角）"
    with pytest.raises(fd.InvalidArgument, match="{phone}"):
        fd.set_notice_template(store, desk["manager"], "payment", "{phone}")
    with pytest.raises(fd.InvalidArgument, match="kind"):
        fd.fee_notice(store, desk["clerk"], "receipt", desk["u1"], TODAY)
    with pytest.raises(fd.InvalidState, match="owes nothing"):
        fd.fee_notice(store, desk["clerk"], "dunning", desk["u1"], as_of="2026-08-15")
    with pytest.raises(fd.NotFound, match="unit_id"):
        fd.fee_notice(store, desk["clerk"], "dunning", 999, as_of=TODAY)


def test_notice_masks_the_payer_unless_revealed_R_COM_2(store, desk):
    store.set_policy(desk["system"], "pii.mask_names", 1)
    masked = fd.fee_notice(store, desk["clerk"], "dunning", desk["u1"], TODAY)
    assert "𠮷田丽" not in masked and "𠮷" in masked
    reveal = fd.Actor(desk["site"], desk["manager"].staff_id, at=T0, grants=fd.Grant.REVEAL, reason="催缴函寄送")
    assert "𠮷田丽" in fd.fee_notice(store, reveal, "dunning", desk["u1"], TODAY)
