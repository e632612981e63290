"""Fees, billing (issue 14 items 1, 2): fee items and versioned rates, custody (R-FEE-7),
meter readings, bills per unit and period in exact fen (R-FEE-2, R-FEE-8), one-off charges,
discounts, late fees, adjustments (R-FEE-9).

    import datetime as dt, frontdesk as fd
    with fd.Store("site.db") as s:
        mgmt = fd.add_fee_item(s, manager, code="mgmt", name="物业管理费", kind="按面积", custody=True)
        fd.add_fee_rate(s, manager, item_id=mgmt, effective_from=dt.date(2026, 1, 1), price_e4=25000)
        run = fd.generate_bills(s, clerk, dt.date(2026, 11, 1))        # every unit; again: nothing new
        for line in fd.bill_lines(s, clerk, bill_id=1):
            print(line.amount, line.residue_e4, line.policy)

The rules are pure (:func:`fee_line_amount`, :func:`fee_period_end`, :func:`fee_late_fee` ...):
money is int fen, prices int 1/10000 yuan (``price_e4``), quantities int hundredths
(``qty_e2``); never a float (a float is refused). Codes are English words ("area");
:func:`fee_code_label` gives 按面积, :func:`fee_code_parse` takes 按面積 and ＣＡＳＨ too.
"""

from typing import NamedTuple as _NamedTuple

from . import core as _c
from ._fees_records import (Adjustment, AdjustmentFilter, Bill, BillFilter, BillLine, BillLineFilter, FeeItem,
                            FeeItemFilter, FeeRate, FeeRateFilter, MeterReading, MeterReadingFilter, UnitAccount,
                            UnitAccountFilter, UnitCustody, UnitCustodyFilter)
from ._records import integer

__all__ = ["FeeItem", "FeeItemFilter", "FeeRate", "FeeRateFilter", "UnitCustody", "UnitCustodyFilter",
           "MeterReading", "MeterReadingFilter", "UnitAccount", "UnitAccountFilter", "Bill", "BillFilter",
           "BillLine", "BillLineFilter", "Adjustment", "AdjustmentFilter", "LineAmount", "BillRun", "LateFeeRun",
           "fee_code_label", "fee_code_parse", "fee_rounding_mode", "fee_rounding_code", "fee_line_amount",
           "fee_period_end", "fee_days_in", "fee_due_on", "fee_late_fee", "fee_late_fee_terms",
           "add_fee_item", "retire_fee_item", "add_fee_rate", "add_unit_custody", "end_unit_custody",
           "add_meter_reading", "generate_bills", "charge_bill", "discount_bill", "assess_late_fees",
           "add_adjustment", "fee_items", "fee_rates", "unit_custodies", "meter_readings", "bills", "bill",
           "bill_lines", "unit_accounts", "adjustments"]


# -- codes ------------------------------------------------------------------------------------
def fee_code_label(field, code):
    """The Chinese label of ``code`` in list ``field`` ("kind", "area" -> "按面积"); None when unknown."""
    return _c.fd_fee_code_label(field, code)


def fee_code_parse(field, text):
    """The code of ``text`` in list ``field``: the code, its label, Traditional, full-width ("按面積" -> "area")."""
    return _c.fd_fee_code_parse(field, text)


def fee_rounding_mode(code):
    """The money rounding number (0 half_up … 5 ceiling) of a rounding code (R-FEE-8)."""
    return _c.fd_fee_rounding_mode(code)


def fee_rounding_code(mode):
    """The rounding code of mode ``mode`` (0..5), None for another number."""
    return _c.fd_fee_rounding_code(integer(mode, "mode"))


def _mode(rounding):
    if isinstance(rounding, str):
        return fee_rounding_mode(fee_code_parse("rounding", rounding))
    return integer(rounding, "rounding")


def _code(field, value):
    return None if value is None else fee_code_parse(field, value)


# -- pure rules -------------------------------------------------------------------------------
class LineAmount(_NamedTuple):
    """A line's amount in fen and what its one rounding dropped, in 1/10000 fen."""
    amount: int
    residue_e4: int


def fee_line_amount(qty_e2, price_e4, days=0, month_days=0, custody_pct=0, custody_days=0, rounding="half_up"):
    """What a bill line costs (R-FEE-8, R-FEE-2, R-FEE-7): qty_e2 × price_e4 / 10^4 fen, × (days − custody_days
    + custody_days × custody_pct / 100) / month_days when prorated, rounded once in ``rounding`` (a code, its
    label or the mode's number). ``fee_line_amount(8888, 12345)`` is ``LineAmount(10972, 2360)``."""
    i = _c.fd_fee_line_input()
    _c.fd_fee_line_input_init(i, _c.FD_FEE_LINE_INPUT_VERSION)
    i.qty_e2, i.price_e4 = integer(qty_e2, "qty_e2"), integer(price_e4, "price_e4")
    i.days, i.month_days = integer(days, "days"), integer(month_days, "month_days")
    i.custody_pct, i.custody_days = integer(custody_pct, "custody_pct"), integer(custody_days, "custody_days")
    i.rounding = _mode(rounding)
    amount, residue = _c.fd_fee_line_amount(i)
    return LineAmount(amount, residue)


def fee_period_end(start, period="month"):
    """The end of the half-open period [start, end) (R-FEE-2): month, quarter, year (Civil Code art. 202
    when the end month has no such day: 2026-01-31 -> 2026-03-01) or once (the next day)."""
    return _c.fd_fee_period_end(start, fee_code_parse("period", period))


def fee_days_in(month_start, month_end, from_date, to_date=None):
    """(days, month_days): the days of [month_start, month_end) within [from_date, to_date) (None: open)."""
    # an open end counts to the month's end: the same days
    days, month_days = _c.fd_fee_days_in(month_start, month_end, from_date, month_end if to_date is None else to_date)
    return days, month_days


def fee_due_on(period_start, period_end, policy=None):
    """The day a bill of [period_start, period_end) is due: period_start + fee.due_days − 1 (R-FEE-2)."""
    return _c.fd_fee_due_on(period_start, period_end, None if policy is None else policy._handle())


def fee_late_fee(principal, due_on, as_of, policy=None):
    """The late fee in fen of an unpaid ``principal`` due on ``due_on`` as of ``as_of`` (R-FEE-2): per day,
    after the grace days, capped, never compounding (fee.late_fee.*; none by default)."""
    return _c.fd_fee_late_fee(integer(principal, "principal"), due_on, as_of,
                              None if policy is None else policy._handle())


def fee_late_fee_terms(due_on, as_of, policy=None):
    """The late fee's terms as a notice shows them: "fee.late_fee.per_day_e4=5 from 2026-11-16, 14 days; ..."."""
    return _c.fd_fee_late_fee_terms(due_on, as_of, None if policy is None else policy._handle())


# -- the store's side ---------------------------------------------------------------------------
def _zone(store, actor):
    return store._zone(actor.site_id)


def add_fee_item(store, actor, **fields):
    """Adds a fee item (R-FEE-8; needs Grant.MANAGE): code=, name=, kind= (a code or label: 按面积),
    custody=True for the management fee, rounding= (None: the policy's). Returns its id."""
    fields["kind"] = _code("kind", fields.get("kind"))
    if fields.get("rounding"):
        fields["rounding"] = _code("rounding", fields["rounding"])
    if "custody" in fields:
        fields["custody"] = 1 if fields["custody"] else 0
    return _c.fd_store_fee_item_add(store._handle(), store._actor(actor), FeeItem(**fields)._to_c())


def retire_fee_item(store, actor, item_id):
    """Retires a fee item (R-COM-3; needs Grant.MANAGE): no longer billed, kept on old bills."""
    _c.fd_store_fee_item_retire(store._handle(), store._actor(actor), integer(item_id, "item_id"))


def add_fee_rate(store, actor, **fields):
    """Adds a rate (R-FEE-8; needs Grant.MANAGE): item_id=, effective_from= (a date), price_e4= (1/10000 yuan),
    source=. A month is billed at the rate in force on its first day. Returns its id."""
    return _c.fd_store_fee_rate_add(store._handle(), store._actor(actor),
                                    FeeRate(**fields)._to_c(_zone(store, actor)))


def add_unit_custody(store, actor, **fields):
    """Puts a unit under custody (R-FEE-7): unit_id=, from_date=, to_date= (None: open). Returns its id."""
    return _c.fd_store_unit_custody_add(store._handle(), store._actor(actor),
                                        UnitCustody(**fields)._to_c(_zone(store, actor)))


def end_unit_custody(store, actor, custody_id, to_date):
    """Ends custody ``custody_id`` on ``to_date`` (the first day no longer under custody)."""
    _c.fd_store_unit_custody_end(store._handle(), store._actor(actor), integer(custody_id, "custody_id"), to_date)


def add_meter_reading(store, actor, **fields):
    """Records a meter reading (R-FEE-8): unit_id=, item_id= (metered), read_on=, reading_e2= (hundredths);
    never below the reading before it. Returns its id."""
    return _c.fd_store_meter_reading_add(store._handle(), store._actor(actor),
                                         MeterReading(**fields)._to_c(_zone(store, actor)))


class BillRun(_NamedTuple):
    """What a bill run did (R-FEE-2): every count exact."""
    units: int
    bills: int
    bills_extended: int
    lines: int
    lines_existing: int
    no_area: int
    no_rate: int
    no_reading: int
    amount: int


def generate_bills(store, actor, period_start, period="month", unit_ids=()):
    """Bills [period_start, end) for ``unit_ids`` (empty: every unit of the site), one bill per unit, one charge
    per recurring item and month, custody and proration as the policy says; idempotent (R-FEE-2)."""
    r = _c.fd_bill_run()
    r.version = _c.FD_BILL_RUN_VERSION
    _c.fd_store_bill_generate(r, store._handle(), store._actor(actor), period_start,
                              fee_code_parse("period", period), list(unit_ids))
    return BillRun(r.units, r.bills, r.bills_extended, r.lines, r.lines_existing, r.no_area, r.no_rate,
                   r.no_reading, r.amount)


def charge_bill(store, actor, unit_id, item_id, on, qty_e2=100, price_e4=0):
    """A one-off charge as a bill of period once (R-FEE-8): qty_e2 × price_e4 (0: the item's rate). Its id."""
    return _c.fd_store_bill_charge(store._handle(), store._actor(actor), integer(unit_id, "unit_id"),
                                   integer(item_id, "item_id"), on, integer(qty_e2, "qty_e2"),
                                   integer(price_e4, "price_e4"))


def discount_bill(store, actor, bill_id, item_id, amount, reason):
    """A discount of ``amount`` fen on a bill still owed, with a reason (R-FEE-2; needs Grant.MANAGE). The line's id."""
    return _c.fd_store_bill_discount(store._handle(), store._actor(actor), integer(bill_id, "bill_id"),
                                     integer(item_id, "item_id"), integer(amount, "amount"), reason)


class LateFeeRun(_NamedTuple):
    """What a late fee assessment did."""
    bills: int
    lines: int
    amount: int


def assess_late_fees(store, actor, as_of):
    """Late fee lines as of ``as_of`` on the site's overdue bills: never compounding, idempotent per day (R-FEE-2)."""
    r = _c.fd_late_fee_run()
    r.version = _c.FD_LATE_FEE_RUN_VERSION
    _c.fd_store_late_fee_assess(r, store._handle(), store._actor(actor), as_of)
    return LateFeeRun(r.bills, r.lines, r.amount)


def add_adjustment(store, actor, bill_id, amount, reason):
    """A correction of a bill (R-FEE-9), signed fen, dated the first day not closed. Its id."""
    a = Adjustment(bill_id=bill_id, amount=amount, reason=reason)._to_c(_zone(store, actor))
    return _c.fd_store_adjustment_add(store._handle(), store._actor(actor), a)


def _listing(filter_cls, codes=()):
    def query(store, actor, **filter):
        for field, lst in codes:
            if filter.get(field) is not None:
                filter[field] = fee_code_parse(lst, filter[field])
        return filter_cls._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)
    return query


fee_items = _listing(FeeItemFilter, (("kind", "kind"),))
fee_items.__doc__ = "Fee items of the actor's site (FeeItemFilter keywords: kind=, retired= ...), streamed."
fee_rates = _listing(FeeRateFilter)
fee_rates.__doc__ = "Rates of the actor's site (item_id= ...), streamed."
unit_custodies = _listing(UnitCustodyFilter)
unit_custodies.__doc__ = "Custody periods of the actor's site (unit_id= ...), streamed."
meter_readings = _listing(MeterReadingFilter)
meter_readings.__doc__ = "Meter readings of the actor's site (unit_id=, item_id= ...), streamed."
bills = _listing(BillFilter, (("period", "period"), ("state", "bill_state")))
bills.__doc__ = "Bills of the actor's site (unit_id=, state='未缴', period_start_from= ...), streamed."
bill_lines = _listing(BillLineFilter, (("kind", "line"),))
bill_lines.__doc__ = "Bill lines of the actor's site (bill_id=, kind= ...), streamed."
unit_accounts = _listing(UnitAccountFilter)
unit_accounts.__doc__ = "Unit accounts of the actor's site (unit_id= ...), streamed."
adjustments = _listing(AdjustmentFilter)
adjustments.__doc__ = "Adjustments of the actor's site (bill_id= ...), streamed."


def bill(store, actor, bill_id):
    """One Bill by id."""
    return Bill._get(store._handle(), store._actor(actor), bill_id)
