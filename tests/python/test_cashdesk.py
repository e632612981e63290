"""The cash desk from Python (issue 14, items 3, 4, 6): R-FEE-1, R-FEE-3, R-FEE-4, R-FEE-5, R-FEE-9."""
import datetime as dt
import multiprocessing as mp
import sqlite3

import pytest

import frontdesk as fd

SH = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=SH)
TODAY = dt.date(2026, 11, 23)
DAY = dt.timedelta(days=1)


def _bill(db_path, site, unit, due, *amounts):
    """A bill written behind the library's back as billing would (one line per amount)."""
    with sqlite3.connect(db_path) as db:
        db.execute("INSERT INTO fee_items (id, site_id, created_at, code, name, kind, custody, retired) "
                   "SELECT 1, ?, 0, 'mgmt', '物业管理费', 'area', 1, 0 WHERE NOT EXISTS (SELECT 1 FROM fee_items)",
                   (site,))
        cur = db.execute("INSERT INTO bills (site_id, created_at, unit_id, period, period_start, period_end, due_on, "
                         "amount, paid, adjusted, state) VALUES (?, 0, ?, 'month', ?, ?, ?, ?, 0, 0, 'open')",
                         (site, unit, due[:8] + "01", due[:8] + "28", due, sum(amounts)))
        bill = cur.lastrowid
        for a in amounts:
            db.execute("INSERT INTO bill_lines (site_id, created_at, bill_id, unit_id, item_id, kind, qty_e2, "
                       "price_e4, rounding, amount) VALUES (?, 0, ?, ?, 1, 'charge', 8888, 12345, 'half_up', ?)",
                       (site, bill, unit, a))
    return bill


@pytest.fixture
def desk(store, db_path):
    site = store.add_site(fd.Actor(0, at=T0 - 30 * DAY), "garden", "阳光花园")
    system = fd.Actor(site, at=T0 - 30 * DAY)
    clerk = store.add_staff(system, "F001", "王前台", "clerk")
    clerk2 = store.add_staff(system, "F002", "李前台", "clerk")
    boss = store.add_staff(system, "M001", "赵主任", "manager")
    store.grant(system, "manager", fd.Grant.MANAGE)
    b = fd.add_building(store, system, code="3", name="3号楼")
    unit = fd.add_unit(store, system, building_id=b, number="1201", use="residential", area_m2x100=8888)
    fd.add_occupant(store, system, unit_id=unit, name="𠮷田丽", role="owner", move_in=dt.date(2020, 1, 1))
    manager = fd.Actor(site, boss, at=T0 - DAY, grants=fd.Grant.MANAGE)
    series = fd.open_receipt_series(store, manager, code="E2026", kind="electronic")
    return {"site": site, "clerk": fd.Actor(site, clerk, at=T0), "clerk2": fd.Actor(site, clerk2, at=T0),
            "manager": manager, "unit": unit, "series": series, "db": db_path, "clerk2_id": clerk2}


def test_desk_rules_name_the_field_R_FEE_3():
    assert fd.check_payment(amount=12345, method="cash", tendered=20000) == 7655
    assert fd.check_payment(amount=1, method="cash", tendered=1) == 0  # 0.01 yuan
    assert fd.check_payment(amount=fd.PAYMENT_MAX, method="wechat", reference="42000") == 0
    with pytest.raises(fd.OutOfRange, match="payment.amount"):
        fd.check_payment(amount=fd.PAYMENT_MAX + 1, method="cash", tendered=fd.PAYMENT_MAX + 1)
    with pytest.raises(fd.InvalidArgument, match="payment.reference"):
        fd.check_payment(amount=100, method="alipay")
    with pytest.raises(fd.InvalidArgument, match="payment.tendered"):
        fd.check_payment(amount=100, method="cash", tendered=99)
    with pytest.raises(fd.InvalidArgument, match="amount"):
        fd.check_payment(amount=1.5, method="card", reference="x")  # never a float
    fd.check_method("balance")
    with pytest.raises(fd.InvalidArgument, match="method"):
        fd.check_method("cheque")
    assert fd.receipt_gaps([11, 15, 17], 10, 20) == ("10, 12-14, 16, 18-19", 7)
    assert fd.receipt_gaps([], 5, 5) == ("", 0)


def test_look_up_pay_three_periods_void_and_reconcile_R_FEE_1_R_FEE_4(store, desk):
    for due in ("2026-08-15", "2026-09-15", "2026-10-15"):
        _bill(desk["db"], desk["site"], desk["unit"], due, 10972)
    look = fd.lookup_unit(store, desk["clerk"], desk["unit"], as_of=TODAY)
    assert look.unit_number == "3-1201" and look.owner == "𠮷田丽"
    assert [b.due_on for b in look.bills] == [dt.date(2026, 8, 15), dt.date(2026, 9, 15), dt.date(2026, 10, 15)]
    assert look.outstanding == 32916 and all(b.overdue for b in look.bills)
    r = fd.pay(store, desk["clerk"], unit_id=desk["unit"], amount=32916, method="cash", tendered=40000,
               series_id=desk["series"], expect_rev=look.rev)
    assert (r.number, r.change, r.allocated, r.to_balance) == (1, 7084, 32916, 0)
    rec = list(fd.receipts(store, desk["clerk"], series_id=desk["series"]))
    assert rec[0].amount_upper == "叁佰贰拾玖元壹角陆分" and rec[0].state == "issued"
    assert fd.lookup_unit(store, desk["clerk"], desk["unit"], as_of="2026-11-23").bills == ()
    with pytest.raises(fd.Conflict, match="look-up"):
        fd.pay(store, desk["clerk"], unit_id=desk["unit"], amount=100, method="cash", tendered=100,
               series_id=desk["series"], expect_rev=look.rev)
    vid = fd.void_receipt(store, desk["clerk"], r.receipt_id, "金额写错")
    assert vid > 0
    assert len(fd.lookup_unit(store, desk["clerk"], desk["unit"], as_of=TODAY).bills) == 3
    rc = fd.reconcile_fees(store, desk["clerk"])
    assert rc.ok and rc.gaps == 0 and rc.billed == 32916 and rc.voided == 32916
    assert [p.state for p in fd.payments(store, desk["clerk"], unit_id=desk["unit"])] == ["voided"]


def test_refund_prepare_collect_and_close_the_day_R_FEE_5_R_FEE_9(store, desk):
    b1 = _bill(desk["db"], desk["site"], desk["unit"], "2026-10-15", 10000)
    b2 = _bill(desk["db"], desk["site"], desk["unit"], "2026-11-15", 5000)
    look = fd.lookup_unit(store, desk["clerk"], desk["unit"], as_of=TODAY)
    r = fd.pay(store, desk["clerk"], unit_id=desk["unit"], amount=10500, method="wechat", reference="4200001",
               series_id=desk["series"], expect_rev=look.rev, bill_ids=[b1])
    assert r.to_balance == 500
    ref = fd.request_refund(store, desk["clerk"], payment_id=r.payment_id, amount=500, method="wechat",
                            reason="多收")
    with pytest.raises(fd.PermissionDenied):
        fd.decide_refund(store, desk["clerk"], ref)
    fd.decide_refund(store, desk["manager"], ref, approve=True)
    fd.pay_refund(store, desk["clerk"], ref)
    rid = fd.prepare_receipt(store, desk["clerk"], series_id=desk["series"], bill_id=b2,
                             collector_id=desk["clerk2_id"], signature="李前台")
    evening = fd.Actor(desk["site"], desk["clerk"].staff_id, at=T0 + 9 * dt.timedelta(hours=1))
    with pytest.raises(fd.InvalidState, match="E2026-2"):
        fd.close_day(store, evening, TODAY)
    got = fd.collect_receipt(store, desk["clerk2"], rid, amount=5000, method="cash", tendered=5000)
    assert got.receipt_id == rid and got.number == 2
    d = fd.close_day(store, evening, "2026-11-23")
    assert (d.payments, d.collected, d.refunded, d.receipts_issued) == (2, 15500, 500, 2)
    rep = fd.fees_day_report(store, evening, TODAY, language="en")
    assert "E2026-1" in rep.text() and rep.csv().startswith("\ufeff")
    assert [s.key for s in rep.sections][0] == "fees.summary"
    daily = store.daily_report(evening, TODAY)
    assert "fees.summary" in [s.key for s in daily.sections]
    with pytest.raises(fd.InvalidState, match="closed"):
        fd.pay(store, evening, unit_id=desk["unit"], amount=1, method="cash", tendered=1,
               series_id=desk["series"], expect_rev=d.id)
    assert fd.reconcile_fees(store, evening).ok
    other = fd.open_receipt_series(store, desk["manager"], code="B1", kind="book", first_no=1, last_no=1)
    fd.close_receipt_series(store, desk["manager"], other)
    with pytest.raises(fd.InvalidState):
        fd.close_receipt_series(store, desk["manager"], other)


def test_return_a_prepared_receipt_then_void_it_R_FEE_5(store, desk):
    b = _bill(desk["db"], desk["site"], desk["unit"], "2026-10-15", 800)
    rid = fd.prepare_receipt(store, desk["clerk"], series_id=desk["series"], bill_id=b,
                             collector_id=desk["clerk2_id"], signature="李前台")
    fd.return_receipt(store, desk["clerk"], rid)
    fd.void_receipt(store, desk["clerk"], rid, "上门未收到")
    assert [x.state for x in fd.receipts(store, desk["clerk"])] == ["voided"]


def _pay_once(db_path, site, staff, unit, series, rev, q):
    with fd.Store(db_path) as s:
        try:
            fd.pay(s, fd.Actor(site, staff, at=T0), unit_id=unit, amount=1000, method="cash", tendered=1000,
                   series_id=series, expect_rev=rev)
            q.put("ok")
        except fd.Conflict:
            q.put("conflict")


def test_two_processes_paying_the_same_bill_one_conflicts_R_FEE_1(store, desk):
    _bill(desk["db"], desk["site"], desk["unit"], "2026-10-15", 1000)
    rev = fd.lookup_unit(store, desk["clerk"], desk["unit"], as_of=TODAY).rev
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_pay_once, args=(desk["db"], desk["site"], staff, desk["unit"], desk["series"],
                                                  rev, q))
             for staff in (desk["clerk"].staff_id, desk["clerk2"].staff_id)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert sorted([q.get(timeout=5), q.get(timeout=5)]) == ["conflict", "ok"]
    assert fd.reconcile_fees(store, desk["clerk"]).ok
