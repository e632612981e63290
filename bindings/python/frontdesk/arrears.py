"""Fees, arrears and dunning (issue 14, item 5): arrears by unit in age buckets as of a day,
the dunning state machine (reminder → letter → visit → legal, R-FEE-6; cutting off water,
electricity, heating or gas is refused, Civil Code art. 944), the three-year limitation clock
restarted by every demand (art. 188, 195, 201-203), and payment and dunning notices rendered
from the site's templates (R-FEE-2).

    import frontdesk as fd
    with fd.Store("site.db") as s:
        a = fd.arrears_by_unit(s, clerk, as_of="2026-11-23")
        for row in a.rows:
            print(row.unit, row.outstanding, row.d31_90, row.next_step, row.next_step_on)
        fd.add_dunning_step(s, clerk, unit_id=row.unit_id, step="reminder", channel="phone",
                            happened_on="2026-11-23")
        print(fd.fee_notice(s, clerk, "dunning", row.unit_id, as_of="2026-11-23"))

Money is int fen (12345 is ¥123.45), never a float.
"""

from typing import NamedTuple as _NamedTuple, Optional as _Optional, Tuple as _Tuple
import datetime as _dt

from . import core as _c
from ._fees_records import DunningStep, DunningStepFilter, NoticeTemplate, NoticeTemplateFilter
from ._records import _from_c_value, integer, to_date

__all__ = ["BUCKETS", "ArrearsRow", "Arrears", "DunningPlan",
           "limitation_end", "age_bucket", "bucket_of_days", "dunning_next", "check_dunning",
           "render_notice", "check_notice_template", "default_notice_template",
           "arrears_by_unit", "dunning_due", "add_dunning_step", "set_notice_template", "fee_notice",
           "dunning_steps", "dunning_step", "notice_templates"]

#: The age buckets of arrears, youngest first (days past due: 1-30, 31-90, 91-180, 181-365, more).
BUCKETS = tuple(_c.fd_fee_bucket_code(i) for i in range(_c.FD_FEE_BUCKET_COUNT))


class DunningPlan(_NamedTuple):
    """The next dunning step and the first day it is due (``step`` "" and ``due_on`` None after legal)."""
    step: str
    due_on: _Optional[_dt.date]


class ArrearsRow(_NamedTuple):
    """One unit's arrears as of a day (R-FEE-6), or the totals (``unit_id`` the number of units,
    ``limitation_warn`` and ``occupied`` counts). Money in fen."""
    unit_id: int
    unit: str
    bills: int
    outstanding: int
    d0_30: int
    d31_90: int
    d91_180: int
    d181_365: int
    over_365: int
    oldest_due: _Optional[_dt.date]
    last_demand_on: _Optional[_dt.date]
    last_step: str
    next_step: str
    next_step_on: _Optional[_dt.date]
    limitation_on: _Optional[_dt.date]
    limitation_warn: int
    occupied: int


class Arrears(_NamedTuple):
    """The arrears of a site as of a day: ``rows`` in unit id order and their ``total``."""
    rows: _Tuple[ArrearsRow, ...]
    total: ArrearsRow


def _date(v):
    return _from_c_value("date", v, required=False)


def _row(r):
    return ArrearsRow(r.unit_id, r.unit, r.bills, r.outstanding, r.d0_30, r.d31_90, r.d91_180, r.d181_365,
                      r.over_365, _date(r.oldest_due), _date(r.last_demand_on), r.last_step, r.next_step,
                      _date(r.next_step_on), _date(r.limitation_on), r.limitation_warn, r.occupied)


# -- pure rules ---------------------------------------------------------------------------------
def limitation_end(due_on, calendar, last_demand_on=None):
    """R-FEE-6: the last day of a debt's three-year limitation period (Civil Code art. 188), run from
    ``due_on`` or anew from ``last_demand_on`` (art. 195), the day itself not counted (art. 201), the
    month's last day when the corresponding one is missing (art. 202), moved past a day of rest in
    ``calendar`` (art. 203)."""
    demand = due_on if last_demand_on is None else last_demand_on  # a day not after due_on is no demand
    return _c.fd_fee_limitation_end(due_on, demand, calendar._handle())


def bucket_of_days(days_past_due):
    """The age bucket code of a debt ``days_past_due`` days overdue ("d0_30" … "over_365"), "" when not overdue."""
    i = _c.fd_fee_bucket_of_days(integer(days_past_due, "days_past_due"))
    return "" if i < 0 else _c.fd_fee_bucket_code(i)


def age_bucket(due_on, as_of):
    """R-FEE-6: the age bucket of a debt due on ``due_on`` as of ``as_of`` (overdue from the day after),
    "" when it is not overdue."""
    return _c.fd_fee_age_bucket(due_on, as_of)


def dunning_next(last_step, last_on, occupied=False, policy=None):
    """R-FEE-6: the step after ``last_step`` ("" or None: none yet) taken on ``last_on`` and the day it is
    due, as a :class:`DunningPlan`; ``occupied``: someone lives in the unit (a visit is for them)."""
    p = _c.fd_dunning_plan()
    _c.fd_dunning_next(p, last_step, last_on, 1 if occupied else 0, None if policy is None else policy._handle())
    return DunningPlan(p.step, _date(p.due_on))


def check_dunning(step, channel, last_step=None):
    """R-FEE-6: raises InvalidArgument for an unknown step or channel, or one cutting off water, electricity,
    heating or gas (Civil Code art. 944), InvalidState for a step out of order after ``last_step``."""
    _c.fd_dunning_check(step, channel, last_step)


def render_notice(template, *, site=None, unit=None, payer=None, amount=0, periods=None, due=None,
                  deadline=None, late_rate_e4=0, date=None):
    """R-FEE-2: renders a notice ``template`` ({site} {unit} {payer} {amount} {amount_upper} {periods}
    {due} {deadline} {late_rate} {date}; ``{{`` is a brace). ``amount`` in fen, ``late_rate_e4`` per day
    in 1/10000. An unknown placeholder raises InvalidArgument naming it."""
    n = _c.fd_fee_notice()
    n.site, n.unit, n.payer, n.periods = site, unit, payer, periods
    n.amount = integer(amount, "amount")
    n.late_rate_e4 = integer(late_rate_e4, "late_rate_e4")
    for name, day in (("due", due), ("deadline", deadline), ("date", date)):
        if day is not None:
            setattr(n, name, to_date(day, name))
    return _c.fd_fee_notice_render(template, n)


def check_notice_template(template):
    """Raises InvalidArgument naming an unknown placeholder or an unclosed { of ``template``."""
    _c.fd_fee_notice_check_template(template)


def default_notice_template(kind):
    """The built-in template of ``kind`` ("payment" 缴款通知书, "dunning" 催款通知书); None for another kind."""
    return _c.fd_fee_notice_default_template(kind)


# -- the store ------------------------------------------------------------------------------------
def _collect(h):
    try:
        rows = []
        r = _c.fd_arrears_row()
        for k in range(_c.fd_arrears_count(h)):
            _c.fd_arrears_get(r, h, k)
            rows.append(_row(r))
        _c.fd_arrears_total(r, h)
        return Arrears(tuple(rows), _row(r))
    finally:
        _c.fd_arrears_free(h)


def arrears_by_unit(store, actor, as_of):
    """R-FEE-6: the arrears by unit of the actor's site as of ``as_of`` (bills not paid and due before it),
    in age buckets, with the last demand, next dunning step and limitation end, as :class:`Arrears`."""
    return _collect(_c.fd_store_arrears(store._handle(), store._actor(actor), as_of))


def dunning_due(store, actor, day):
    """R-FEE-6: the units whose next dunning step is due on or before ``day``, as :class:`Arrears`."""
    return _collect(_c.fd_store_dunning_due(store._handle(), store._actor(actor), day))


def add_dunning_step(store, actor, *, unit_id, step, channel, happened_on, **fields):
    """R-FEE-6: records a dunning step (reminder/phone|sms, letter/express, visit/visit, legal/lawyer|court)
    of a unit that owes something overdue; it restarts the limitation clock of its overdue bills (Civil Code
    art. 195). More DunningStep keywords: deadline=, result=, proof=. Returns the step's id."""
    d = DunningStep(unit_id=unit_id, step=step, channel=channel, happened_on=happened_on, **fields)
    return _c.fd_store_dunning_step_add(store._handle(), store._actor(actor), d._to_c())


def set_notice_template(store, actor, kind, body):
    """R-FEE-2: sets the site's template of notice ``kind`` ("payment" or "dunning"); needs the manage
    grant. Returns the template's id."""
    return _c.fd_store_notice_template_set(store._handle(), store._actor(actor), kind, body)


def fee_notice(store, actor, kind, unit_id, as_of):
    """R-FEE-2, R-FEE-6: the payment or dunning notice of unit ``unit_id`` as of ``as_of``, from the site's
    template (the built-in one when it has none); the payer's name masked under pii.mask_names unless the
    actor reveals it."""
    return _c.fd_store_fee_notice(store._handle(), store._actor(actor), kind, integer(unit_id, "unit_id"), as_of)


def dunning_steps(store, actor, **filter):
    """Dunning steps of the actor's site (DunningStepFilter keywords: unit_id=, step=, happened_on_from= ...)."""
    return DunningStepFilter._iterate(store._handle(), store._actor(actor), store._zone(actor.site_id), **filter)


def dunning_step(store, actor, step_id):
    """One DunningStep by id."""
    return DunningStep._get(store._handle(), store._actor(actor), step_id)


def notice_templates(store, actor, **filter):
    """The site's notice templates, old ones included (NoticeTemplateFilter keywords: kind= ...)."""
    return NoticeTemplateFilter._iterate(store._handle(), store._actor(actor), store._zone(actor.site_id), **filter)
