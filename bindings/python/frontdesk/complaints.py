"""Complaints (issue 13): the record (R-CPL-1), its lifecycle as a state machine
(R-CPL-3 … R-CPL-5) and one clock per target, each with its own start and
pauses, computed on the site's working calendar (R-CPL-2, R-CPL-4).

    import frontdesk as fd
    with fd.Store("site.db") as s:
        cid = fd.add_complaint(s, clerk, received_at=when, channel="phone", category="repair",
                               severity="major", what="电梯困人二十分钟", contact="138 1234 5678")
        fd.step_complaint(s, clerk, cid, "assess", valid=True)
        fd.step_complaint(s, clerk, cid, "assign", department_id=eng, promised_at=friday)
        fd.step_complaint(s, clerk, cid, "pause", note="客户周末不在家")   # resolve stops, answer runs on
        for t in fd.complaint_targets(s, clerk, complaint_id=cid):
            print(t.target, t.due_at, fd.complaint_clock(s, clerk, t.id).remaining)

The rules are pure functions (:func:`validate_complaint`, :func:`check_complaint_step`,
:func:`complaint_target_plan`, :func:`complaint_target_clock`), usable with a suite's
own database: a target's clock is rebuilt from the complaint's events, so the same
events always give the same clock. Codes are English words ("major");
:func:`complaint_code_label` gives 重大, :func:`complaint_code_parse` takes 嚴重 too.
Instants: aware datetimes or int UTC seconds; a naive datetime is local time at the
actor's site.
"""

from typing import NamedTuple as _NamedTuple, Optional as _Optional
import datetime as _dt

from . import core as _c
from ._complaints_records import (Complaint, ComplaintCategory, ComplaintCategoryFilter, ComplaintEvent,
                                  ComplaintEventFilter, ComplaintFilter, ComplaintTarget, ComplaintTargetFilter)
from ._convert import enum_named
from ._records import from_seconds, integer, to_seconds
from .errors import InvalidArgument as _InvalidArgument
from .calendar import DeadlineUnit, _unit
from .report import Report

__all__ = ["Complaint", "ComplaintFilter", "ComplaintEvent", "ComplaintEventFilter", "ComplaintTarget",
           "ComplaintTargetFilter", "ComplaintCategory", "ComplaintCategoryFilter", "ComplaintTargetPlan",
           "ComplaintClock", "COMPLAINT_TARGETS_MAX",
           "complaint_code_label", "complaint_code_parse", "validate_complaint", "check_complaint_step",
           "complaint_steps_allowed", "complaint_target_plan", "complaint_target_clock",
           "add_complaint", "complaint_from_call", "step_complaint", "complaint_clock", "add_complaint_category",
           "retire_complaint_category", "list_complaints", "complaint", "complaint_events", "complaint_event",
           "complaint_targets", "complaint_target", "complaint_categories", "complaint_category"]

#: At most this many targets per severity (a major complaint's director, answer, resolve, reply).
COMPLAINT_TARGETS_MAX = _c.FD_COMPLAINT_TARGETS_MAX

# The code fields of each record and their lists: a caller may give a code as its label or a desk's word
# (重大, 電話, 维修) wherever a code is stored or filtered on. A category not in the built-in list is one of the
# site's own (R-COM-5) and passes as typed.
_CODES = {"channel": "channel", "category": "category", "severity": "severity", "state": "state",
          "validity": "validity", "satisfaction": "satisfaction"}
_EVENT_CODES = {"kind": "step", "from_state": "state", "to_state": "state"}
_TARGET_CODES = {"target": "target", "severity": "severity"}
_SITE_CODES = ("category",)


# -- codes ---------------------------------------------------------------------------------
def complaint_code_label(field, code):
    """The Chinese label of ``code`` in the list ``field`` ("severity", "major" -> "重大"); None when unknown.
    Lists: channel, category, severity, state, validity, step, target, satisfaction."""
    return _c.fd_complaint_code_label(field, code)


def complaint_code_parse(field, text):
    """The code of ``text`` in the list ``field``: the code, its label or a word desks use, Simplified,
    Traditional or full-width ("嚴重" -> "major", "ＰＨＯＮＥ" -> "phone")."""
    return _c.fd_complaint_code_parse(field, text)


def _code(field, value):
    try:
        return complaint_code_parse(field, value)
    except _InvalidArgument:
        if field in _SITE_CODES:
            return value  # the site's own code; the store checks it
        raise


def _codes(values, lists=_CODES):
    """``values`` (a dict of fields) with the code fields of ``lists`` parsed (see _CODES)."""
    for key, field in lists.items():
        v = values.get(key)
        if isinstance(v, str) and v:
            values[key] = _code(field, v)
    return values


def _record(complaint, zone=None):
    if isinstance(complaint, Complaint):
        typed = {k: getattr(complaint, k) for k in _CODES}
        parsed = _codes(dict(typed))
        if parsed != typed:
            complaint = complaint.replace(**parsed)
        return complaint._to_c(zone)
    raise TypeError(f"complaint: expected a Complaint, got {type(complaint).__name__}")


# -- the record and the lifecycle (pure) ---------------------------------------------------
def validate_complaint(complaint, zone=None):
    """R-CPL-1: the checks the store makes of a complaint before registering it (the channel and severity of
    their lists, the contact a phone number, the customer's deadline only on a minor complaint); raises
    naming the field. ``zone`` places naive datetimes."""
    _c.fd_complaint_validate(_record(complaint, zone))


def _step(kind, zone, note=None, valid=True, department_id=0, promised_at=None, cause=None, responsible=None,
          solution=None, proposal_id=0, satisfaction=None, severity=None, target=None, happened_at=None,
          accepted=False):
    s = _c.fd_complaint_step()
    s.kind = complaint_code_parse("step", kind) if isinstance(kind, str) and kind else kind
    s.note, s.cause, s.responsible, s.solution = note, cause, responsible, solution
    s.valid = int(bool(valid))
    s.accepted = int(bool(accepted))
    s.department_id = integer(department_id, "step.department_id")
    s.proposal_id = integer(proposal_id, "step.proposal_id")
    if promised_at is not None:
        s.promised_at = to_seconds(promised_at, "step.promised_at", zone)
    if happened_at is not None:
        s.happened_at = to_seconds(happened_at, "step.happened_at", zone)
    s.satisfaction = complaint_code_parse("satisfaction", satisfaction) if satisfaction else satisfaction
    s.severity = complaint_code_parse("severity", severity) if severity else severity
    s.target = complaint_code_parse("target", target) if target else target
    return s


def check_complaint_step(complaint, kind, zone=None, **fields):
    """R-CPL-3: the state complaint ``complaint`` (as stored: state, waiting, harm, validity) goes to when it takes
    step ``kind`` with ``fields`` (note=, valid=, department_id=, promised_at=, cause=, responsible=, solution=,
    proposal_id=, satisfaction=, severity=, target=, happened_at=, accepted=); raises InvalidState naming the state and the
    steps it allows, or InvalidArgument naming the field. ``valid`` defaults to True: an invalid assessment
    (which closes the complaint, R-CPL-1) is said explicitly, with the explanation as ``note``."""
    return _c.fd_complaint_step_check(_record(complaint, zone), _step(kind, zone, **fields))


def complaint_steps_allowed(state):
    """The steps complaint state ``state`` allows, in lifecycle order (["assess", "pause", ...])."""
    text = _c.fd_complaint_steps_allowed(state)
    return text.split(", ") if text else []


class ComplaintTargetPlan(_NamedTuple):
    """One target a severity sets (R-CPL-2, R-CPL-4): the deadline key it counts, its amount and unit from the
    policy, the step that starts it ("register": from the received time; "report": the department's report),
    the step that meets it, and whether waiting for the customer pauses it. ``_replace(amount=, unit=)`` gives
    the terms a stored target was set with."""
    severity: str
    target: str
    policy_key: str
    amount: int
    unit: DeadlineUnit
    start_step: str
    met_by: str
    paused_by_waiting: bool

    def _to_c(self):
        for p in _c.fd_complaint_target_plan_of(self.severity, None):
            if p.target == self.target:
                p.amount = integer(self.amount, "plan.amount")
                p.unit = int(_unit(self.unit))
                return p
        raise ValueError(f"plan: a {self.severity} complaint has no {self.target} target")


def complaint_target_plan(severity, policy=None):
    """R-CPL-2: the targets of ``severity`` under ``policy`` (None: the defaults), as ComplaintTargetPlan."""
    severity = complaint_code_parse("severity", severity)
    return [ComplaintTargetPlan(severity, p.target, p.policy_key, p.amount, DeadlineUnit(p.unit), p.start_step,
                                p.met_by, bool(p.paused_by_waiting))
            for p in _c.fd_complaint_target_plan_of(severity, None if policy is None else policy._handle())]


def _instant(seconds):
    return from_seconds(seconds) if seconds else None


class ComplaintClock(_NamedTuple):
    """A target's clock at an instant (R-CPL-2): when it started and is due (None: not started, or paused),
    whether it is paused, the seconds paused waiting for the customer, when it was met, whether it is breached,
    the seconds left (negative: overdue; business seconds for business units), the calendar data that
    computed the deadline, and ``closed``: the complaint was closed before the target's step, so its clock
    stopped at ``met_at`` and the target was NOT met."""
    start_at: _Optional[_dt.datetime]
    due_at: _Optional[_dt.datetime]
    paused: bool
    paused_s: int
    met_at: _Optional[_dt.datetime]
    breached: bool
    remaining: int
    provisional: bool
    version: str
    closed: bool = False

    @classmethod
    def _from_c(cls, k):
        return cls(_instant(k.start_at), _instant(k.due_at), bool(k.paused), k.paused_s, _instant(k.met_at),
                   bool(k.breached), k.remaining, bool(k.provisional), k.version_text, bool(k.closed))


def complaint_target_clock(plan, complaint, events, calendar, now, policy=None, zone=None):
    """R-CPL-2: target ``plan``'s clock of ``complaint`` at ``now``, rebuilt by replaying its ``events``
    (ComplaintEvent, in id order as stored) on ``calendar``: started by its start step, paused while waiting when
    the plan pauses, stopped by its meeting step. The same events always give the same clock."""
    k = _c.fd_complaint_clock()
    evs = [e._to_c(zone) if isinstance(e, ComplaintEvent) else e for e in events]  # others: refused naming events[i]
    _c.fd_complaint_target_eval(k, plan._to_c(), _record(complaint, zone), evs, calendar._handle(),
                                None if policy is None else policy._handle(), to_seconds(now, "now", zone))
    return ComplaintClock._from_c(k)


# -- the store's side ------------------------------------------------------------------------
def _zone(store, actor):
    return store._zone(actor.site_id)


def add_complaint(store, actor, **fields):
    """Registers a complaint (R-CPL-1) at the actor's site with its targets (R-CPL-2); codes may be given as
    labels (severity="重大"). Returns its id."""
    return _c.fd_store_complaint_add(store._handle(), store._actor(actor),
                                     Complaint(**_codes(fields))._to_c(_zone(store, actor)))


def complaint_from_call(store, actor, call_id, **fields):
    """A complaint from a logged call in one call (R-CPL-1, R-CALL-9): received when it rang, by phone, the
    caller's name, number and matter where ``fields`` leave them out (give category= and severity=)."""
    fields.setdefault("received_at", 0)
    fields.setdefault("channel", "phone")
    return _c.fd_store_complaint_from_call(store._handle(), store._actor(actor), integer(call_id, "call_id"),
                                           Complaint(**_codes(fields))._to_c(_zone(store, actor)))


def step_complaint(store, actor, complaint_id, kind, **fields):
    """The complaint takes step ``kind`` (R-CPL-3 … R-CPL-5; fields as :func:`check_complaint_step`): its event,
    its fields and its targets in one transaction. InvalidState names the state and the steps it allows; Busy
    means another clerk's step came first: read the complaint again. Returns the event's id."""
    return _c.fd_store_complaint_step(store._handle(), store._actor(actor), integer(complaint_id, "complaint_id"),
                                      _step(kind, _zone(store, actor), **fields))


def complaint_clock(store, actor, target_id):
    """Target ``target_id``'s clock at the actor's instant, replayed from the stored events (R-CPL-2)."""
    k = _c.fd_complaint_clock()
    _c.fd_store_complaint_clock(k, store._handle(), store._actor(actor), integer(target_id, "target_id"))
    return ComplaintClock._from_c(k)


def add_complaint_category(store, actor, code, label, department_id=0):
    """Adds a category of the site's own (R-COM-5; needs Grant.MANAGE): ``code`` (lower-case ASCII), its Chinese
    ``label`` and the department it usually goes to. Returns its id."""
    c = ComplaintCategory(code=code, label=label, department_id=department_id)._to_c()
    return _c.fd_store_complaint_category_add(store._handle(), store._actor(actor), c)


def retire_complaint_category(store, actor, category_id):
    """Retires a category of the site's (needs Grant.MANAGE): no longer offered; complaints keep it."""
    _c.fd_store_complaint_category_retire(store._handle(), store._actor(actor), integer(category_id, "category_id"))


def list_complaints(store, actor, **filter):
    """Complaints of the actor's site (ComplaintFilter keywords: state=, severity="重大", received_at_from= ...),
    streamed, personal data masked unless the actor reveals it."""
    return ComplaintFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **_codes(filter))


def complaint(store, actor, complaint_id):
    """One Complaint by id."""
    return Complaint._get(store._handle(), store._actor(actor), complaint_id)


def complaint_events(store, actor, **filter):
    """Steps of complaints (ComplaintEventFilter keywords: complaint_id=, kind= ...), oldest first."""
    return ComplaintEventFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                         **_codes(filter, _EVENT_CODES))


def complaint_event(store, actor, event_id):
    """One ComplaintEvent by id."""
    return ComplaintEvent._get(store._handle(), store._actor(actor), event_id)


def complaint_targets(store, actor, **filter):
    """Targets of complaints (ComplaintTargetFilter keywords: complaint_id=, target=, superseded_at_to= ...)."""
    return ComplaintTargetFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                          **_codes(filter, _TARGET_CODES))


def complaint_target(store, actor, target_id):
    """One ComplaintTarget by id."""
    return ComplaintTarget._get(store._handle(), store._actor(actor), target_id)


def complaint_categories(store, actor, **filter):
    """The site's own categories (ComplaintCategoryFilter keywords: code=, retired_at_to= ...)."""
    return ComplaintCategoryFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def complaint_category(store, actor, category_id):
    """One ComplaintCategory by id."""
    return ComplaintCategory._get(store._handle(), store._actor(actor), category_id)


# -- the breach queue, escalation, holiday data, the end of the day, reply phrases (items 3-5, 7) ----------
import enum as _enum

from ._complaints_records import ReplyPhrase, ReplyPhraseFilter
from ._records import Records as _Records, to_date as _to_date

__all__ += ["ReplyPhrase", "ReplyPhraseFilter", "ReplyHit", "QueueKind", "Escalation", "check_reply",
            "complaint_may_escalate", "complaint_queue", "escalate_complaints", "recompute_complaint_targets",
            "add_calendar_data", "unanswered_complaints", "add_reply_phrase", "retire_reply_phrase", "reply_phrases",
            "reply_phrase", "check_site_reply"]


class ReplyHit(_NamedTuple):
    """A forbidden phrase found in a reply (R-CPL-7): the phrase as listed, and where the clerk typed it —
    ``text[start:end]`` (indices of the str checked, however the phrase was typed: 不 知 道, ＂不行＂, 沒辦法)."""
    phrase: str
    start: int
    end: int


def _reply_hits(h, text):
    """The hits of C result ``h`` (freed here) with byte offsets turned into indices of ``text``."""
    try:
        n = _c.fd_reply_hits_count(h)
        if n == 0:
            return []
        index, at = {}, 0
        for i, ch in enumerate(text):
            index[at] = i
            at += len(ch.encode("utf-8"))
        index[at] = len(text)
        hits = []
        for i in range(n):
            phrase, start, end = _c.fd_reply_hits_get(h, i)
            hits.append(ReplyHit(phrase, index[start], index[end]))
        return hits
    finally:
        _c.fd_reply_hits_free(h)


def _phrase_lines(phrases):
    if phrases is None or isinstance(phrases, str):
        return phrases
    phrases = list(phrases)
    # each phrase ends its line, so that an empty last one is an empty line (refused), not a line break
    return "\n".join(phrases) + "\n" if phrases else ""


def check_reply(text, phrases=None):
    """R-CPL-7, R-CALL-2: the forbidden phrases in ``text`` as ReplyHit, in order of where they start (overlapping
    ones too). ``phrases``: a list of str or one str a phrase per line; None: the built-in list (不行, 不知道,
    不可以, 喂, 没办法 ...). Matched after the search fold of both: full-width, Traditional, case, spaces."""
    return _reply_hits(_c.fd_reply_check(text, _phrase_lines(phrases)), text)


def complaint_may_escalate(calendar, now, policy=None, zone=None):
    """Whether an escalation may fire at ``now`` (R-CPL-2): inside business hours of a working day of ``calendar``
    (a make-up Saturday too), or at any time when ``policy`` says ``complaint.escalate_after_hours`` = 1.
    Returns (True, None), or (False, the next opening as a datetime)."""
    may, nxt = _c.fd_complaint_may_escalate(calendar._handle(), None if policy is None else policy._handle(),
                                            to_seconds(now, "now", zone))
    return bool(may), _instant(nxt)


class QueueKind(_enum.IntEnum):
    """Which part of the breach queue :func:`complaint_queue` reads."""
    DUE = _c.FD_COMPLAINT_DUE            #: open targets due within the horizon (breached ones too)
    BREACHED = _c.FD_COMPLAINT_BREACHED  #: open targets past their due
    ESCALATE = _c.FD_COMPLAINT_ESCALATE  #: breached and not escalated yet


def _seconds_of(value, field):
    if isinstance(value, _dt.timedelta):
        if value % _dt.timedelta(seconds=1):
            raise ValueError(f"{field}: {value} is not whole seconds")
        return value // _dt.timedelta(seconds=1)
    return integer(value, field)


def complaint_queue(store, actor, kind=QueueKind.DUE, within=_dt.timedelta(hours=4), after=0, limit=64):
    """One page of the breach queue of the actor's site at the actor's instant (R-CPL-2, R-CPL-5): the open
    targets (ComplaintTarget) of ``kind`` ("due", "breached", "escalate" or a QueueKind; "due": within ``within``,
    a timedelta or seconds), those still causing harm first, then by due. Page on: pass the last row's id as
    ``after``; at most ``limit`` (1..64). Read through the index of open targets, whatever the site's history."""
    kind = enum_named(QueueKind, kind, "kind")
    horizon = _seconds_of(within, "within") if int(kind) == QueueKind.DUE else 0
    it = _c.fd_store_complaint_queue(store._handle(), store._actor(actor), integer(kind, "kind"), horizon,
                                     integer(after, "after"), integer(limit, "limit"))
    return _Records._wrap(ComplaintTargetFilter, it)


class Escalation(_NamedTuple):
    """What an escalation run did: targets newly found past due (their breach recorded once), escalations written
    (an ``escalate`` step each), breaches left for the next opening outside business hours, and when that is."""
    breached: int
    escalated: int
    deferred: int
    next_at: _Optional[_dt.datetime]


def escalate_complaints(store, actor):
    """The escalation run at the actor's instant (R-CPL-2; the system: an Actor with staff_id 0): records each
    breach once and escalates those not escalated yet — in business hours, unless the policy says any time.
    Idempotent at the same instant."""
    r = _c.fd_complaint_escalation()
    _c.fd_store_complaint_escalate_run(r, store._handle(), store._actor(actor))
    return Escalation(r.breached, r.escalated, r.deferred, _instant(r.next_at))


def recompute_complaint_targets(store, actor):
    """Recomputes the open targets of the actor's site on the calendar the store has now (needs Grant.MANAGE),
    replaying each complaint's events; a breach recorded stays. Returns how many targets changed."""
    return _c.fd_store_complaint_recompute(store._handle(), store._actor(actor))


def add_calendar_data(store, actor, text):
    """Loads newer holiday data (a year's official schedule, the calendar's file format with ``extends builtin``)
    into the store for good (needs Grant.MANAGE): every calendar the store builds counts with it from then on,
    and the site's open complaint targets are recomputed. Returns how many targets changed."""
    return _c.fd_store_calendar_data_add(store._handle(), store._actor(actor), text)


def unanswered_complaints(store, actor, day, after=0, limit=64):
    """R-COM-4, the end of the day: the complaints of the actor's site received on its local ``day`` (a date,
    "YYYY-MM-DD", or a datetime in the site's zone) not closed and with neither a first contact, an answer nor
    a reply, in id order: those after id ``after``, at most ``limit`` (1..64)."""
    d = _to_date(day, "day", _zone(store, actor))
    d = _dt.date(d.year, d.month, d.day)
    it = _c.fd_store_complaint_unanswered(store._handle(), store._actor(actor), d, integer(after, "after"),
                                          integer(limit, "limit"))
    return _Records._wrap(ComplaintFilter, it)


def add_reply_phrase(store, actor, phrase):
    """Adds ``phrase`` to the site's forbidden phrases (R-CPL-7; needs Grant.MANAGE). Conflict when the site has
    it, or it is built in, once folded (不 知 道 is 不知道). Returns its id."""
    return _c.fd_store_reply_phrase_add(store._handle(), store._actor(actor), phrase)


def retire_reply_phrase(store, actor, phrase_id):
    """Retires one of the site's forbidden phrases (needs Grant.MANAGE): kept, no longer checked."""
    _c.fd_store_reply_phrase_retire(store._handle(), store._actor(actor), integer(phrase_id, "phrase_id"))


def reply_phrases(store, actor, **filter):
    """The site's own forbidden phrases (ReplyPhraseFilter keywords: retired_at_to=1 for those in use ...)."""
    return ReplyPhraseFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def reply_phrase(store, actor, phrase_id):
    """One ReplyPhrase by id."""
    return ReplyPhrase._get(store._handle(), store._actor(actor), phrase_id)


def check_site_reply(store, actor, text):
    """R-CPL-7 at the actor's site: :func:`check_reply` of ``text`` against the built-in phrases and the site's
    in use."""
    return _reply_hits(_c.fd_store_reply_check(store._handle(), store._actor(actor), text), text)


# -- monthly statistics (R-CPL-6, item 6) ---------------------------------------------------------
__all__ += ["ComplaintStatsRow", "ComplaintStats", "ComplaintStatsAccumulator", "complaint_stats",
            "complaints_month_report"]

_GROUPS = (("by_category", 1), ("by_department", 2), ("by_severity", 3), ("by_validity", 4))


def _share(x):
    return None if x < 0 else x


def _seconds(x):
    return None if x < 0 else x


class ComplaintStatsRow(_NamedTuple):
    """One row of a month's counts (R-CPL-6): the key (category, severity or validity code — "unassessed" for
    complaints not assessed yet —, or a department's id as text, "unassigned" for none), the department's id (0
    elsewhere), complaints received, resolved, resolved within the resolve target, and the share of the resolved
    ones within it (None when none resolved), and the median and p90 of their working seconds to resolve (nearest
    rank; None when none resolved)."""
    key: str
    department_id: int
    count: int
    resolved: int
    resolved_in_time: int
    resolved_in_time_share: _Optional[float]
    resolve_median_s: _Optional[int] = None
    resolve_p90_s: _Optional[int] = None


class ComplaintStats:
    """A month's complaints counted (R-CPL-6, 顾客投诉分类统计表); see complaints.h for the definitions.
    Attributes: year, month, start and end (the local month as aware UTC datetimes, end not in it), received,
    valid, invalid, unassessed, open, resolved, resolved_in_time, resolved_in_time_share, resolve_median_s and
    resolve_p90_s (working seconds, nearest rank), reopened, reopens, reopen_share, followed_up, satisfied,
    average, unsatisfied, satisfied_share, provisional, and the rows by_category, by_department, by_severity,
    by_validity (lists of ComplaintStatsRow). A share or time with nothing to count from is None."""

    def __init__(self, handle):
        t = _c.fd_complaint_stats_totals()
        _c.fd_complaint_stats_get(t, handle)
        self.year, self.month = t.year, t.month
        self.start, self.end = from_seconds(t.month_start), from_seconds(t.month_end)
        for name in ("received", "valid", "invalid", "unassessed", "open", "resolved", "resolved_in_time",
                     "reopened", "reopens", "followed_up", "satisfied", "average", "unsatisfied"):
            setattr(self, name, getattr(t, name))
        self.resolved_in_time_share = _share(t.resolved_in_time_share)
        self.reopen_share = _share(t.reopen_share)
        self.satisfied_share = _share(t.satisfied_share)
        self.resolve_median_s = _seconds(t.resolve_median_s)
        self.resolve_p90_s = _seconds(t.resolve_p90_s)
        self.provisional = bool(t.provisional)
        for name, group in _GROUPS:
            rows = []
            for i in range(_c.fd_complaint_stats_row_count(handle, group)):
                r = _c.fd_complaint_stats_row()
                _c.fd_complaint_stats_row_get(r, handle, group, i)
                rows.append(ComplaintStatsRow(r.key, r.department_id, r.count, r.resolved, r.resolved_in_time,
                                              _share(r.resolved_in_time_share), _seconds(r.resolve_median_s),
                                              _seconds(r.resolve_p90_s)))
            setattr(self, name, rows)

    def __repr__(self):
        return (f"ComplaintStats({self.year}-{self.month:02d}: {self.received} received, {self.resolved} resolved, "
                f"median {self.resolve_median_s} s)")


class ComplaintStatsAccumulator:
    """R-CPL-6 without the store (a suite with its own database): counts the Complaint records it is given, each
    received in the local month ``year``-``month`` of ``calendar`` (a WorkCalendar; others are refused naming
    received_at), with whether its resolve target was met and never breached. :meth:`result` gives the
    ComplaintStats so far."""

    def __init__(self, calendar, year, month):
        self._calendar = calendar  # the accumulator counts on it: kept alive with it
        self._h = _c.fd_complaint_stats_new(calendar._handle(), integer(year, "year"), integer(month, "month"))

    def add(self, complaint, resolved_in_time=False, zone=None):
        _c.fd_complaint_stats_add(self._h, _record(complaint, zone), 1 if resolved_in_time else 0)

    def result(self):
        return ComplaintStats(self._h)

    def close(self):
        if self._h is not None:
            _c.fd_complaint_stats_free(self._h)
            self._h = None

    __del__ = close


def complaints_month_report(store, actor, year, month, language="zh"):
    """R-CPL-6: the complaints month report of the actor's site (its local month ``year``-``month``) as a
    :class:`Report` — meta site, site_code, month, time_zone, calendar_version, provisional, generated, total; sections
    complaints.summary, .by_severity, .by_category, .by_department, .by_validity, .satisfaction (see
    fd_report_complaints_month_new); times in working seconds, a share or time of nothing None. ``language``: "zh"
    (the default) or "en"; render it with ``.text()``, ``.json()`` or ``.csv()``."""
    return Report._own(_c.fd_report_complaints_month_new(store._handle(), store._actor(actor), integer(year, "year"),
                                                         integer(month, "month"), language))


def complaint_stats(store, actor, year, month):
    """R-CPL-6: the month's statistics of the actor's site (its local month: a complaint received 23:30 on the
    31st belongs to that month) as ComplaintStats, read through the index of complaints by when received."""
    h = _c.fd_store_complaint_stats(store._handle(), store._actor(actor), integer(year, "year"),
                                    integer(month, "month"))
    try:
        return ComplaintStats(h)
    finally:
        _c.fd_complaint_stats_free(h)
