"""Fees, the cash desk (issue 14): the look-up before collecting (R-FEE-1), payments
whose receipt is numbered without gaps in the same transaction (R-FEE-3, R-FEE-4),
voids and refunds as records (R-FEE-4), receipts prepared for the door (R-FEE-5),
the day close and its report (R-FEE-9), and the reconciliation of the site's money.

    import frontdesk as fd
    with fd.Store("site.db") as s:
        series = fd.open_receipt_series(s, manager, code="E2026", kind="electronic")
        look = fd.lookup_unit(s, clerk, unit_id, as_of="2026-11-23")
        for b in look.bills:
            print(b.period_start, b.due_on, b.outstanding)       # confirm with the customer
        r = fd.pay(s, clerk, unit_id=unit_id, amount=look.outstanding, method="cash",
                   tendered=40000, series_id=series, expect_rev=look.rev)
        print(r.number, r.change)

Money is int fen (12345 is ¥123.45), never a float; a float is refused. Another clerk's
payment since the look-up raises Conflict (FD_ECONFLICT): look the unit up again.
"""

from typing import NamedTuple as _NamedTuple, Tuple as _Tuple
import datetime as _dt

from . import core as _c
from ._fees_records import DayClose, Payment, PaymentFilter, ReceiptFilter, ReceiptSeries, Refund
from ._records import _from_c_value, integer
from .report import Report

__all__ = ["PAYMENT_MAX", "LookupBill", "Lookup", "PaymentResult", "FeesReconcile",
           "check_payment", "check_method", "receipt_gaps",
           "lookup_unit", "open_receipt_series", "close_receipt_series", "pay", "void_receipt",
           "request_refund", "decide_refund", "pay_refund", "prepare_receipt", "collect_receipt", "return_receipt",
           "close_day", "reconcile_fees", "fees_day_report", "receipts", "payments"]

#: The largest amount the desk takes, in fen (¥99,999,999.99).
PAYMENT_MAX = 9_999_999_999  # FD_FEE_PAYMENT_MAX (an INT64_C macro SWIG does not export)


class LookupBill(_NamedTuple):
    """One open bill of a look-up (R-FEE-1); amounts in fen."""
    bill_id: int
    period_start: _dt.date
    period_end: _dt.date
    due_on: _dt.date
    amount: int
    adjusted: int
    paid: int
    outstanding: int
    overdue: bool


class Lookup(_NamedTuple):
    """What the clerk confirms with the customer before collecting (R-FEE-1)."""
    unit_id: int
    unit_number: str
    owner: str            # masked under pii.mask_names unless the actor reveals it
    rev: int              # give it as expect_rev to pay()
    balance: int
    paid: int
    outstanding: int
    bills: _Tuple[LookupBill, ...]


class PaymentResult(_NamedTuple):
    """What pay() or collect_receipt() did; amounts in fen."""
    payment_id: int
    receipt_id: int
    number: int
    change: int
    allocated: int
    to_balance: int
    rev: int


class FeesReconcile(_NamedTuple):
    """The identities of the site's money (R-FEE-9), in fen; ``ok`` when all hold."""
    billed: int
    adjusted: int
    paid: int
    outstanding: int
    payments: int
    voided: int
    refunded: int
    allocated: int
    balances: int
    receipts_issued: int
    receipts_voided: int
    gaps: int
    mismatches: int
    ok: bool


def _date(v):
    return _from_c_value("date", v)


def _result(r):
    return PaymentResult(r.payment_id, r.receipt_id, r.number, r.change, r.allocated, r.to_balance, r.rev)


def _payment(unit_id, amount, method, tendered, reference, payer, expect_rev):
    return Payment(unit_id=unit_id, amount=amount, method=method, tendered=tendered, reference=reference,
                   payer=payer, expect_rev=expect_rev)


# -- pure rules ---------------------------------------------------------------------------------
def check_payment(*, amount, method, tendered=0, reference=None, unit_id=1):
    """R-FEE-3: checks a payment as the desk takes it and returns the change (cash: tendered - amount, else 0).
    Raises InvalidArgument / OutOfRange naming the field (payment.amount, payment.tendered, payment.reference)."""
    return _c.fd_fee_payment_desk_check(_payment(unit_id, amount, method, tendered, reference, None, 0)._to_c())


def check_method(method):
    """Raises InvalidArgument unless ``method`` is cash, card, transfer, wechat, alipay or balance (R-FEE-3)."""
    _c.fd_fee_method_check(method)


def receipt_gaps(numbers, first_no, next_no):
    """R-FEE-4: the numbers of [first_no, next_no) missing from ``numbers`` (ascending) as ("12-14, 20", 4)."""
    text, missing = _c.fd_fee_receipt_gaps(list(numbers), integer(first_no, "first_no"), integer(next_no, "next_no"))
    return text, missing


# -- the store ------------------------------------------------------------------------------------
def lookup_unit(store, actor, unit_id, as_of):
    """R-FEE-1: unit ``unit_id``'s number, owner on ``as_of``, account revision and balance, what it paid and its
    open bills oldest due first, as a :class:`Lookup`."""
    h = _c.fd_store_fee_lookup(store._handle(), store._actor(actor), integer(unit_id, "unit_id"), as_of)
    try:
        i = _c.fd_fee_lookup_info()
        _c.fd_fee_lookup_info_get(i, h)
        bills = []
        for k in range(i.bills):
            b = _c.fd_fee_lookup_bill()
            _c.fd_fee_lookup_bill_at(b, h, k)
            bills.append(LookupBill(b.bill_id, _date(b.period_start), _date(b.period_end), _date(b.due_on), b.amount,
                                    b.adjusted, b.paid, b.outstanding, bool(b.overdue)))
        return Lookup(i.unit_id, i.unit_number, i.owner, i.rev, i.balance, i.paid, i.outstanding, tuple(bills))
    finally:
        _c.fd_fee_lookup_free(h)


def open_receipt_series(store, actor, *, code, kind="electronic", first_no=1, last_no=0):
    """R-FEE-4: opens a receipt series — a printed book (kind="book", first_no..last_no) or an electronic one
    (last_no 0). Returns its id."""
    s = ReceiptSeries(code=code, kind=kind, first_no=first_no, last_no=last_no, closed=False)
    return _c.fd_store_receipt_series_add(store._handle(), store._actor(actor), s._to_c())


def close_receipt_series(store, actor, series_id):
    """R-FEE-4: no number is issued from series ``series_id`` again."""
    _c.fd_store_receipt_series_close(store._handle(), store._actor(actor), integer(series_id, "series_id"))


def pay(store, actor, *, unit_id, amount, method, series_id, expect_rev, tendered=0, reference=None, payer=None,
        bill_ids=()):
    """R-FEE-1, R-FEE-3, R-FEE-4: takes a payment and issues its receipt in one transaction, allocated oldest due
    first (or to ``bill_ids`` in order), the rest to the prepayment balance. ``expect_rev`` is the look-up's
    revision (Conflict when the account changed since). Returns a :class:`PaymentResult`."""
    out = _c.fd_payment_result()
    p = _payment(unit_id, amount, method, tendered, reference, payer, expect_rev)
    _c.fd_store_payment_add(out, store._handle(), store._actor(actor), p._to_c(), integer(series_id, "series_id"),
                            [integer(b, "bill_ids") for b in bill_ids])
    return _result(out)


def void_receipt(store, actor, receipt_id, reason):
    """R-FEE-4: voids a spoiled receipt (its number stays used; its payment's allocations are reversed and the
    bills reopen). Returns the void's id."""
    return _c.fd_store_receipt_void(store._handle(), store._actor(actor), integer(receipt_id, "receipt_id"), reason)


def request_refund(store, actor, *, payment_id, amount, method, reason):
    """R-FEE-4: requests a refund of at most what the payment still holds. Returns its id."""
    r = Refund(payment_id=payment_id, amount=amount, method=method, reason=reason)
    return _c.fd_store_refund_request(store._handle(), store._actor(actor), r._to_c())


def decide_refund(store, actor, refund_id, approve=True):
    """R-FEE-4: approves (or refuses) a requested refund; needs the manage grant and not the requester."""
    _c.fd_store_refund_decide(store._handle(), store._actor(actor), integer(refund_id, "refund_id"),
                              1 if approve else 0)


def pay_refund(store, actor, refund_id):
    """R-FEE-4: pays an approved refund out, dated today (the balance part first, then bills newest first)."""
    _c.fd_store_refund_pay(store._handle(), store._actor(actor), integer(refund_id, "refund_id"))


def prepare_receipt(store, actor, *, series_id, bill_id, collector_id, signature):
    """R-FEE-5: a receipt prepared for collection at the door (its number taken now), handed to the collector
    against a signature. Returns the receipt's id."""
    return _c.fd_store_receipt_prepare(store._handle(), store._actor(actor), integer(series_id, "series_id"),
                                       integer(bill_id, "bill_id"), integer(collector_id, "collector_id"), signature)


def collect_receipt(store, actor, receipt_id, *, amount, method, tendered=0, reference=None, payer=None):
    """R-FEE-5: records the payment collected against a prepared receipt (no new number). PaymentResult."""
    out = _c.fd_payment_result()
    p = _payment(0, amount, method, tendered, reference, payer, 0)
    _c.fd_store_receipt_collect(out, store._handle(), store._actor(actor), integer(receipt_id, "receipt_id"),
                                p._to_c())
    return _result(out)


def return_receipt(store, actor, receipt_id):
    """R-FEE-5: a prepared receipt comes back unused."""
    _c.fd_store_receipt_return(store._handle(), store._actor(actor), integer(receipt_id, "receipt_id"))


def close_day(store, actor, day):
    """R-FEE-9: closes cashier day ``day`` (a date or "YYYY-MM-DD") once; the day is frozen. Returns DayClose."""
    out = DayClose()._to_c()
    _c.fd_store_day_close(out, store._handle(), store._actor(actor), day)
    return DayClose._from_c(out)


def reconcile_fees(store, actor):
    """R-FEE-9: the site's money identities recomputed from the rows, as :class:`FeesReconcile`."""
    r = _c.fd_fees_reconcile()
    _c.fd_store_fees_reconcile(r, store._handle(), store._actor(actor))
    return FeesReconcile(r.billed, r.adjusted, r.paid, r.outstanding, r.payments, r.voided, r.refunded, r.allocated,
                         r.balances, r.receipts_issued, r.receipts_voided, r.gaps, r.mismatches, bool(r.ok))


def fees_day_report(store, actor, day, language="zh"):
    """R-FEE-9: the collection report of local day ``day`` as a :class:`Report` — sections fees.summary,
    fees.by_staff, fees.by_method, fees.by_item, fees.series (ranges and gaps), fees.ledger (客户收款明细表)."""
    return Report._own(_c.fd_report_fees_day_new(store._handle(), store._actor(actor), day, language))


def receipts(store, actor, **filter):
    """Receipts of the actor's site (ReceiptFilter keywords: series_id=, state=, issued_on_from= ...), streamed."""
    return ReceiptFilter._iterate(store._handle(), store._actor(actor), store._zone(actor.site_id), **filter)


def payments(store, actor, **filter):
    """Payments of the actor's site (PaymentFilter keywords: unit_id=, paid_on_from= ...), streamed."""
    return PaymentFilter._iterate(store._handle(), store._actor(actor), store._zone(actor.site_id), **filter)

