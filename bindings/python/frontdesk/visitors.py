"""Visitors (issue 12, items 2-4): the visitor log with the host's answer,
check-in and check-out, registration slips, overstay and the end-of-shift
check; ID documents kept the lawful way; a blocklist that matches without
showing (R-VIS-1 … R-VIS-3, R-COM-2 … R-COM-4).

    import frontdesk as fd
    with fd.Store("site.db", key_file="/etc/frontdesk/site.key") as s:
        r = fd.register_visit(s, clerk, visitor="张伟", phone="139 1234 5678", party_size=1,
                              host_employee=emp_id, purpose="送货", plate="京A·12345",
                              id_document=fd.IdDocument("id_card", "11010519491231002X"))
        r.slip_no, r.state, r.blocklist.answer                     # 17 'waiting' BlocklistAnswer.NONE
        fd.answer_visit(s, clerk, r.id, "bring_up")
        for v in fd.visitors_on_site(s, clerk):                    # still on site (R-COM-4)
            print(v.slip_no, v.visitor, fd.visit_overstay(s, clerk, v).overstay)
        fd.check_out_visit(s, clerk, r.id)

The rules are pure functions (:func:`parse_id_number`, :func:`parse_plate`,
:func:`validate_visit`, :func:`overstay`, :func:`checkout_check` ...), usable
without a store. Codes are English words ("on_site"); :func:`visit_code_label`
gives 在访 and :func:`visit_code_parse` takes either, as every function taking a
code does (IdDocument("身份证", ...), answer_visit(..., "大堂会面"), kind="钥匙",
state="在访" in a filter), as the CLI does. Instants: aware datetimes
or int UTC seconds; a naive datetime is local time at the actor's site.
"""

import datetime as _dt
import enum as _enum
from typing import NamedTuple as _NamedTuple

from . import core as _c
from ._convert import code_of, codes_of
from ._records import Records, from_seconds, integer, to_date, to_seconds
from ._visitors_records import (BlocklistEntry, BlocklistEntryFilter, BlocklistHit, BlocklistHitFilter, CountedItem,
                                CountedItemFilter, CustodyEvent, CustodyEventFilter, CustodyItem, CustodyItemFilter,
                                GoodsCheck, GoodsCheckFilter, GoodsPermit, GoodsPermitFilter, ItemCount,
                                ItemCountFilter, ItemEvent, ItemEventFilter, SlipHandover, SlipHandoverFilter, Visit,
                                VisitEvent, VisitEventFilter, VisitFilter, VisitPrep, VisitPrepFilter)

__all__ = ["Visit", "VisitFilter", "VisitEvent", "VisitEventFilter", "BlocklistEntry", "BlocklistEntryFilter",
           "BlocklistHit", "BlocklistHitFilter", "CountedItem", "CountedItemFilter", "ItemCount", "ItemCountFilter",
           "ItemEvent", "ItemEventFilter", "GoodsPermit", "GoodsPermitFilter", "GoodsCheck", "GoodsCheckFilter",
           "CustodyItem", "CustodyItemFilter", "CustodyEvent", "CustodyEventFilter", "CustodyDue", "CustodyStatus",
           "GOODS_ITEMS_MAX", "GOODS_QUANTITY_MAX", "SlipHandover", "SlipHandoverFilter", "SlipStatus", "IdDocument", "IdNumber", "OverstayReason", "Overstay",
           "BlocklistAnswer", "BlocklistMatch", "VisitRegistration", "VisitShift", "VisitPurge",
           "VISIT_PARTY_MAX", "ID_NUMBER_MAX",
           "visit_code_label", "visit_code_parse", "parse_id_number", "parse_plate", "validate_visit",
           "checkout_check", "overstay", "slip_handover_due", "validate_blocklist_entry", "blocklist_entry_active",
           "register_visit", "answer_visit", "check_in_visit", "check_out_visit", "admit_visit", "refuse_visit",
           "explain_visit", "cancel_visit", "visitors_on_site", "visit_overstay", "visit_shift_check",
           "reveal_visit_id", "purge_visits", "visits", "visit", "visit_events", "visit_event",
           "add_blocklist_entry", "lift_blocklist_entry", "check_blocklist", "blocklist", "blocklist_entry",
           "blocklist_hits", "blocklist_hit", "slip_handover_status", "hand_over_slips", "slip_handovers",
           "slip_handover", "validate_counted_item", "add_item", "issue_item", "return_item", "lose_item",
           "item_found", "count_items", "explain_count", "counted_items", "counted_item", "counted_item_by_code",
           "item_events",
           "item_event", "item_counts", "item_count",
           "parse_goods_items", "compare_goods_items", "validate_goods_permit", "validate_custody_item",
           "custody_item_due", "add_goods_permit", "approve_goods_permit", "refuse_goods_permit", "check_goods",
           "goods_permits", "goods_permit", "goods_checks", "goods_check", "add_custody_item", "notify_custody",
           "collect_custody", "return_custody", "hand_on_custody", "custody_status", "custody_items",
           "custody_item", "custody_events", "custody_event",
           "VisitPrep", "VisitPrepFilter", "PrepDue", "VisitPrepStatus", "validate_visit_prep", "visit_prep_due",
           "add_visit_prep", "visit_prep_done", "visit_prep_status", "important_visits_open", "visit_preps",
           "visit_prep", "VisitStats", "visit_stats"]

#: The largest party a visit records.
VISIT_PARTY_MAX = _c.FD_VISIT_PARTY_MAX
#: The longest canonical ID number of any type, in bytes.
ID_NUMBER_MAX = _c.FD_ID_NUMBER_MAX


# -- codes -------------------------------------------------------------------------------
def visit_code_label(field, code):
    """The Chinese label of ``code`` in the list ``field`` ("state", "on_site" -> "在访"); None when unknown.
    Lists: state, answer, id_type, level, basis, event_kind, outcome."""
    return _c.fd_visit_code_label(field, code)


def visit_code_parse(field, text):
    """The code of ``text`` in the list ``field``: the code or its label, Simplified or Traditional
    ("身份证" -> "id_card", "護照" -> "passport")."""
    return _c.fd_visit_code_parse(field, text)


def _code(field, value):
    """A code field given as the CLI takes it, the code or a label (身份证, 大堂会面, 钥匙), as its code."""
    return code_of(visit_code_parse, field, value)


def _codes(values, lists):
    """The code fields of ``values`` (record or filter keywords) given as labels, as codes."""
    return codes_of(visit_code_parse, values, lists)


_VISIT_CODES = {"state": "state", "answer": "answer", "id_type": "id_type", "blocklist_level": "level"}
_EVENT_CODES = {"kind": "event_kind", "code": "answer"}
_ENTRY_CODES = {"level": "level", "id_type": "id_type"}
_HIT_CODES = {"level": "level", "basis": "basis", "outcome": "outcome"}
_ITEM_CODES = {"kind": "item_kind", "state": "item_state"}
_ITEM_EVENT_CODES = {"kind": "item_event"}
_COUNT_CODES = {"kind": "item_kind", "moment": "moment", "state": "count_state"}
_PERMIT_CODES = {"state": "permit_state", "id_type": "id_type"}
_CUSTODY_CODES = {"kind": "custody_kind", "state": "custody_state", "check_method": "custody_how"}
_CUSTODY_EVENT_CODES = {"kind": "custody_event", "how": "custody_how"}


def _day(value, field):
    """A datetime.date for a C date parameter: a date, "YYYY-MM-DD", or a datetime."""
    d = to_date(value, field)
    return _dt.date(d.year, d.month, d.day)


# -- ID documents, plates (pure) -----------------------------------------------------------
class IdDocument(_NamedTuple):
    """An ID document as the visitor shows it: ``type`` (id_card, passport, hk_macau, taiwan, other), the
    ``number`` as typed, and ``consent`` (True when the visitor agreed to the full number being kept)."""
    type: str
    number: str
    consent: bool = False

    def _to_c(self):
        d = _c.fd_id_document()
        d.type, d.number = _code("id_type", self.type), self.number
        d.consent = int(bool(self.consent))
        return d


def _doc(value):
    if value is None:
        return None
    if not isinstance(value, IdDocument):
        raise TypeError(f"id_document: expected an IdDocument, got {type(value).__name__}")
    return value._to_c()


class IdNumber(_NamedTuple):
    """An ID number read by :func:`parse_id_number`: its type, the canonical ``number`` and the ``masked``
    form shown in listings."""
    type: str
    number: str
    masked: str


def parse_id_number(type, number, today):
    """R-COM-2: an ID number of ``type`` read and checked where the type allows (GB 11643 for id_card, with
    birth dates not after ``today``); raises InvalidArgument naming ``number``, never echoing it."""
    n = _c.fd_id_number()
    _c.fd_id_number_parse(n, _code("id_type", type), number, _day(today, "today"))
    return IdNumber(n.type, n.number, n.masked)


def parse_plate(text):
    """A vehicle plate canonical: "京a·12345" -> "京A12345", "粵Z1234港" -> "粤Z1234港"."""
    return _c.fd_plate_parse(text)


def validate_visit(visit, zone=None):
    """Checks a Visit as the store does before registering it (R-VIS-1); raises naming the field."""
    _c.fd_visit_validate(visit._to_c(zone))


def checkout_check(visit, left_at, now, zone=None):
    """R-COM-4: raises InvalidState naming ``visit.arrived_at`` for a check-out before the check-in (or of a
    visitor who left), InvalidArgument naming ``left_at`` for a time before the check-in or after ``now``."""
    _c.fd_visit_checkout_check(visit._to_c(zone), 0 if left_at is None else to_seconds(left_at, "left_at", zone),
                               to_seconds(now, "now", zone))


class OverstayReason(_enum.IntEnum):
    """Why a visitor overstays."""
    NONE = _c.FD_OVERSTAY_NONE
    WINDOW = _c.FD_OVERSTAY_WINDOW
    CLOSING = _c.FD_OVERSTAY_CLOSING

    @property
    def code(self):
        """"none", "window" or "closing"."""
        return _c.fd_overstay_reason_name(int(self))


class Overstay(_NamedTuple):
    """Whether a visitor overstays, why, and since when (a datetime; None when not)."""
    overstay: bool
    reason: OverstayReason
    since: object


def _overstay(o):
    return Overstay(bool(o.overstay), OverstayReason(o.reason), from_seconds(o.since) if o.since else None)


def overstay(visit, now, time_zone=None, policy=None):
    """R-COM-4: whether the visitor (a Visit on site) overstays at ``now``: past the planned window and the grace,
    or the site's closing time (``visitor.closing_minute``) in ``time_zone``."""
    o = _c.fd_overstay()
    _c.fd_visit_overstay(o, visit._to_c(time_zone), to_seconds(now, "now", time_zone), time_zone,
                         policy._handle() if policy is not None else None)
    return _overstay(o)


def slip_handover_due(pending, since, now, policy=None):
    """R-VIS-3: whether ``pending`` slips are due to be handed to security at ``now``: ``visitor.slip_handover_days``
    since ``since`` (the last handover, or the first pending slip's registration)."""
    return bool(_c.fd_visit_slip_handover_due(integer(pending, "pending"), to_seconds(since, "since"),
                                              to_seconds(now, "now"), policy._handle() if policy is not None else None))


def validate_blocklist_entry(entry, today, id_document=None):
    """Checks a BlocklistEntry (with an optional IdDocument, read on ``today``) as the store does before adding
    it; raises naming the field."""
    _c.fd_blocklist_entry_validate(entry._to_c(), _doc(id_document), _day(today, "today"))


def blocklist_entry_active(entry, at):
    """Whether ``entry`` (a BlocklistEntry) is in force at ``at``: not lifted, within its window."""
    return bool(_c.fd_blocklist_entry_active(entry._to_c(), to_seconds(at, "at")))


# -- the store's side ----------------------------------------------------------------------
def _zone(store, actor):
    return store._zone(actor.site_id)


class BlocklistAnswer(_enum.IntEnum):
    """What a blocklist check found."""
    NONE = _c.FD_BLOCKLIST_NONE
    MATCH = _c.FD_BLOCKLIST_MATCH
    POSSIBLE = _c.FD_BLOCKLIST_POSSIBLE

    @property
    def code(self):
        """"none", "match" or "possible"."""
        return _c.fd_blocklist_answer_name(int(self))


class BlocklistMatch(_NamedTuple):
    """The answer, how many entries match, the strongest one's id, level, basis and reason (numbers masked) —
    never the stored name, phone or ID number."""
    answer: BlocklistAnswer
    matches: int
    entry_id: int
    level: str
    basis: str
    reason: str


def _match(m):
    return BlocklistMatch(BlocklistAnswer(m.answer), m.matches, m.entry_id, m.level, m.basis, m.reason)


class VisitRegistration(_NamedTuple):
    """What :func:`register_visit` did: the visit's id, its slip serial, its state (expected, waiting, held),
    earlier visits with the same ID document, and the blocklist check."""
    id: int
    slip_no: int
    state: str
    previous_visits: int
    blocklist: BlocklistMatch


def register_visit(store, actor, *, id_document=None, **fields):
    """R-VIS-1, R-VIS-3: registers a visit (Visit keywords: visitor, organisation, phone, party_size, plate,
    host_occupant / host_employee / host_department / host_organisation or host, purpose, preregistered,
    planned_from, planned_until, important) with an optional IdDocument, checks the blocklist and numbers the slip.
    Returns a VisitRegistration."""
    r = _c.fd_visit_registration()
    fields.setdefault("party_size", 1)
    _c.fd_store_visit_register(r, store._handle(), store._actor(actor), Visit(**fields)._to_c(_zone(store, actor)),
                               _doc(id_document))
    return VisitRegistration(r.id, r.slip_no, r.state, r.previous_visits, _match(r.blocklist))


def answer_visit(store, actor, visit_id, answer, note=None):
    """R-VIS-2: the host's answer: "lobby" (meets them in the lobby), "bring_up" or "decline"."""
    _c.fd_store_visit_answer(store._handle(), store._actor(actor), integer(visit_id, "visit_id"),
                             _code("answer", answer), note)


def check_in_visit(store, actor, visit_id):
    """Checks in an expected (pre-registered) visitor at the actor's instant."""
    _c.fd_store_visit_checkin(store._handle(), store._actor(actor), integer(visit_id, "visit_id"))


def check_out_visit(store, actor, visit_id, left_at=None, note=None):
    """R-COM-4: checks a visitor out; ``left_at`` when they left earlier than it is recorded (not before the
    check-in). A check-out before the check-in raises InvalidState naming ``visit.arrived_at``."""
    _c.fd_store_visit_checkout(store._handle(), store._actor(actor), integer(visit_id, "visit_id"),
                               0 if left_at is None else to_seconds(left_at, "left_at", _zone(store, actor)), note)


def admit_visit(store, actor, visit_id, note):
    """R-VIS-1: admits a visitor the blocklist matched (a forbidden match needs Grant.MANAGE), saying why."""
    _c.fd_store_visit_admit(store._handle(), store._actor(actor), integer(visit_id, "visit_id"), note)


def refuse_visit(store, actor, visit_id, note):
    """R-VIS-1: refuses a visitor, saying why; one who is there leaves now."""
    _c.fd_store_visit_refuse(store._handle(), store._actor(actor), integer(visit_id, "visit_id"), note)


def explain_visit(store, actor, visit_id, note):
    """R-COM-4: records why a visitor is still on site at the end of a shift."""
    _c.fd_store_visit_explain(store._handle(), store._actor(actor), integer(visit_id, "visit_id"), note)


def cancel_visit(store, actor, visit_id, note):
    """Cancels an expected visit that will not happen, saying why."""
    _c.fd_store_visit_cancel(store._handle(), store._actor(actor), integer(visit_id, "visit_id"), note)


def visitors_on_site(store, actor, after=0, limit=64):
    """R-COM-4: one page of the visitors still on site (arrived, not left), in id order: those after id
    ``after``, at most ``limit`` (1..64). Personal data masked unless revealed."""
    it = _c.fd_store_visit_onsite(store._handle(), store._actor(actor), integer(after, "after"),
                                  integer(limit, "limit"))
    return Records._wrap(VisitFilter, it)


def visit_overstay(store, actor, visit):
    """R-COM-4: :func:`overstay` of ``visit`` with the site's zone and policy at the actor's instant."""
    o = _c.fd_overstay()
    _c.fd_store_visit_overstay(o, store._handle(), store._actor(actor), visit._to_c(_zone(store, actor)))
    return _overstay(o)


class VisitShift(_NamedTuple):
    """The end-of-shift check: on site, overstaying, neither checked out nor explained since the shift began
    (the shift may be handed over when 0; ``first_unexplained`` is the lowest such id), held by the blocklist,
    expected visitors of the shift who have not come; and (R-VIS-4) items still out, those whose visitor has
    gone, and counts whose difference is not explained."""
    on_site: int
    overstaying: int
    unexplained: int
    first_unexplained: int
    held: int
    expected_late: int
    items_out: int
    items_unreturned: int
    counts_open: int

    @property
    def ready(self):
        """True when every visitor still on site is explained (R-COM-4), no item is out with a visitor who has
        gone and every count's difference is explained (R-VIS-4)."""
        return self.unexplained == 0 and self.items_unreturned == 0 and self.counts_open == 0


def visit_shift_check(store, actor, since):
    """R-COM-4: the visitor log's end-of-shift check for the shift that began at ``since``."""
    s = _c.fd_visit_shift()
    _c.fd_store_visit_shift_check(s, store._handle(), store._actor(actor),
                                  to_seconds(since, "since", _zone(store, actor)))
    return VisitShift(s.on_site, s.overstaying, s.unexplained, s.first_unexplained, s.held, s.expected_late,
                      s.items_out, s.items_unreturned, s.counts_open)


def reveal_visit_id(store, actor, visit_id):
    """R-COM-2: the full ID number kept for a visit (only where the site's policy keeps them), for an actor
    using Grant.REVEAL with a reason; logged in the access log. Never inside a transaction."""
    return _c.fd_store_visit_id_reveal(store._handle(), store._actor(actor), integer(visit_id, "visit_id"))


class VisitPurge(_NamedTuple):
    """What the retention purge removed (or, in a dry run, would remove): ID numbers (``encrypted`` of them
    kept in full), visits, goods permits and custody items anonymised."""
    dry_run: bool
    id_before: object
    visits_before: object
    id_numbers: int
    encrypted: int
    visits: int
    permits: int
    custody: int


def purge_visits(store, actor, dry_run=False):
    """R-COM-3: removes ID numbers past ``visitor.id_retention_days`` and visitors' names, phones, plates and
    organisations past ``visitor.retention_days``, keeping the anonymised visits (needs Grant.MANAGE);
    journaled, except a dry run, which only counts. Returns a VisitPurge."""
    p = _c.fd_visit_purge()
    _c.fd_store_visit_purge(p, store._handle(), store._actor(actor), int(bool(dry_run)))
    return VisitPurge(bool(p.dry_run), from_seconds(p.id_before), from_seconds(p.visits_before), p.id_numbers,
                      p.encrypted, p.visits, p.permits, p.custody)


def visits(store, actor, **filter):
    """Visits of the actor's site (VisitFilter keywords: state=, registered_at_from=, host_employee= ...),
    in id order, personal data masked unless revealed."""
    return VisitFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                **_codes(filter, _VISIT_CODES))


def visit(store, actor, visit_id):
    """One Visit by id."""
    return Visit._get(store._handle(), store._actor(actor), visit_id)


def visit_events(store, actor, **filter):
    """The events of visits (VisitEventFilter keywords: visit_id=, kind= ...), oldest first."""
    return VisitEventFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                     **_codes(filter, _EVENT_CODES))


def visit_event(store, actor, event_id):
    """One VisitEvent by id."""
    return VisitEvent._get(store._handle(), store._actor(actor), event_id)


def add_blocklist_entry(store, actor, *, id_document=None, **fields):
    """R-VIS-1: adds a blocklist entry (BlocklistEntry keywords: level, reason, name, phone, valid_from,
    valid_until) with an optional IdDocument (kept only as a keyed hash and masked); needs Grant.MANAGE."""
    return _c.fd_store_blocklist_add(store._handle(), store._actor(actor),
                                     BlocklistEntry(**_codes(fields, _ENTRY_CODES))._to_c(_zone(store, actor)),
                                     _doc(id_document))


def lift_blocklist_entry(store, actor, entry_id, reason):
    """Lifts a blocklist entry (never deleted), saying why; needs Grant.MANAGE."""
    _c.fd_store_blocklist_lift(store._handle(), store._actor(actor), integer(entry_id, "entry_id"), reason)


def check_blocklist(store, actor, name=None, phone=None, id_document=None):
    """R-VIS-1: checks a person against the blocklist without registering anything; a BlocklistMatch with
    the level and reason, never the stored data. Whole names only (never a substring); pinyin is POSSIBLE."""
    m = _c.fd_blocklist_match()
    _c.fd_store_blocklist_check(m, store._handle(), store._actor(actor), name, phone, _doc(id_document))
    return _match(m)


def blocklist(store, actor, **filter):
    """Blocklist entries of the actor's site (BlocklistEntryFilter keywords: level= ...), in id order."""
    return BlocklistEntryFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                         **_codes(filter, _ENTRY_CODES))


def blocklist_entry(store, actor, entry_id):
    """One BlocklistEntry by id."""
    return BlocklistEntry._get(store._handle(), store._actor(actor), entry_id)


def blocklist_hits(store, actor, **filter):
    """Blocklist matches at registration and their outcome (BlocklistHitFilter keywords: visit_id=,
    outcome= ...)."""
    return BlocklistHitFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                       **_codes(filter, _HIT_CODES))


def blocklist_hit(store, actor, hit_id):
    """One BlocklistHit by id."""
    return BlocklistHit._get(store._handle(), store._actor(actor), hit_id)


class SlipStatus(_NamedTuple):
    """R-VIS-3: the slips waiting to be handed to security: how many, the first of them, the site's latest, since
    when they wait (a datetime; None when none), and whether a handover is due."""
    pending: int
    first_pending: int
    last_slip: int
    since: object
    due: bool


def slip_handover_status(store, actor):
    """R-VIS-3: which registration slips wait to be handed to security, and whether that is due."""
    r = _c.fd_slip_status()
    _c.fd_store_slip_handover_status(r, store._handle(), store._actor(actor))
    return SlipStatus(r.pending, r.first_pending, r.last_slip, from_seconds(r.since) if r.since else None,
                      bool(r.due))


def hand_over_slips(store, actor, received_by, note=None):
    """R-VIS-3: records every slip since the last handover as handed to security (to ``received_by``); returns
    the batch's id. Raises InvalidState when there is none."""
    return _c.fd_store_slip_handover(store._handle(), store._actor(actor), received_by, note)


def slip_handovers(store, actor, **filter):
    """The batches of slips handed to security (SlipHandoverFilter keywords ...), oldest first."""
    return SlipHandoverFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def slip_handover(store, actor, handover_id):
    """One SlipHandover by id."""
    return SlipHandover._get(store._handle(), store._actor(actor), handover_id)


# -- visitor cards and counted items (R-VIS-4) -------------------------------------------------
def validate_counted_item(item):
    """Checks a CountedItem as the store does before adding it (a known kind, a code); raises naming the field."""
    _c.fd_counted_item_validate(item._to_c())


def add_item(store, actor, **fields):
    """R-VIS-4: adds a visitor card, key, umbrella ... to the site's stock (CountedItem keywords: kind, code,
    name); needs Grant.MANAGE. Returns its id."""
    return _c.fd_store_item_add(store._handle(), store._actor(actor), CountedItem(**_codes(fields, _ITEM_CODES))._to_c())


def issue_item(store, actor, item_id, visit_id):
    """R-VIS-4: issues an item in stock to a visitor on site; a card is issued once at a time."""
    _c.fd_store_item_issue(store._handle(), store._actor(actor), integer(item_id, "item_id"),
                           integer(visit_id, "visit_id"))


def return_item(store, actor, item_id, note=None):
    """R-VIS-4: records an issued item returned to the desk."""
    _c.fd_store_item_return(store._handle(), store._actor(actor), integer(item_id, "item_id"), note)


def lose_item(store, actor, item_id, note):
    """R-VIS-4: records an item lost, saying what happened; it no longer counts as stock."""
    _c.fd_store_item_lost(store._handle(), store._actor(actor), integer(item_id, "item_id"), note)


def item_found(store, actor, item_id, note=None):
    """R-VIS-4: records a lost item found again: back in stock."""
    _c.fd_store_item_found(store._handle(), store._actor(actor), integer(item_id, "item_id"), note)


def count_items(store, actor, kind, moment, counted, cosigner):
    """R-VIS-4: records a count of ``kind`` at the shift's "start" or "end", entered by the actor and signed by
    ``cosigner``; the store adds what should be in stock. Returns the count's id (see :func:`item_count`)."""
    return _c.fd_store_item_count(store._handle(), store._actor(actor), _code("item_kind", kind),
                                  _code("moment", moment), integer(counted, "counted"), integer(cosigner, "cosigner"))


def explain_count(store, actor, count_id, explanation):
    """R-VIS-4, R-COM-4: explains the difference of an open count."""
    _c.fd_store_item_count_explain(store._handle(), store._actor(actor), integer(count_id, "count_id"), explanation)


def counted_items(store, actor, **filter):
    """The site's counted items (CountedItemFilter keywords: kind=, state= ...), in id order."""
    return CountedItemFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                      **_codes(filter, _ITEM_CODES))


def counted_item(store, actor, item_id):
    """One CountedItem by id."""
    return CountedItem._get(store._handle(), store._actor(actor), item_id)


def counted_item_by_code(store, actor, code):
    """R-VIS-4: the CountedItem with the code written on it, folded as the store keeps codes (ｖ０１ and v01 find
    V01); raises NotFound naming ``code``."""
    return CountedItem._own(_c.fd_store_item_get_by_code(store._handle(), store._actor(actor), code))


def item_events(store, actor, **filter):
    """The changes of items (ItemEventFilter keywords: item_id=, visit_id=, kind= ...), oldest first."""
    return ItemEventFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                    **_codes(filter, _ITEM_EVENT_CODES))


def item_event(store, actor, event_id):
    """One ItemEvent by id."""
    return ItemEvent._get(store._handle(), store._actor(actor), event_id)


def item_counts(store, actor, **filter):
    """The counts of items (ItemCountFilter keywords: state="open", kind= ...), in id order."""
    return ItemCountFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                    **_codes(filter, _COUNT_CODES))


def item_count(store, actor, count_id):
    """One ItemCount by id."""
    return ItemCount._get(store._handle(), store._actor(actor), count_id)


# -- custody: goods release, items left, parcels (R-VIS-7, R-VIS-8) --------------------------------
#: The longest list of goods a permit holds, in bytes; the largest quantity of one item.
GOODS_ITEMS_MAX = _c.FD_GOODS_ITEMS_MAX
GOODS_QUANTITY_MAX = _c.FD_GOODS_QUANTITY_MAX


def parse_goods_items(text):
    """R-VIS-7: a list of goods as people write it, canonical: "电脑2台，椅子×4" -> "电脑×2；椅子×4"."""
    return _c.fd_goods_items_parse(text)


def compare_goods_items(permit_items, counted_items):
    """R-VIS-7: (match, difference) of the goods counted at the gate against a permit's: "椅子 4→5"."""
    match, difference = _c.fd_goods_items_compare(permit_items, counted_items)
    return bool(match), difference


def validate_goods_permit(permit):
    """Checks a GoodsPermit as the store does before registering it; raises naming the field."""
    _c.fd_goods_permit_validate(permit._to_c())


def validate_custody_item(item):
    """Checks a CustodyItem as the store does before taking it in; raises naming the field."""
    _c.fd_custody_item_validate(item._to_c())


class CustodyDue(_NamedTuple):
    """What is due for a custody item: a first notice, a reminder (from ``remind_at``), handing on as unclaimed
    (from ``unclaimed_at``); the instants are datetimes or None."""
    notify: bool
    remind: bool
    remind_at: object
    unclaimed: bool
    unclaimed_at: object


def custody_item_due(item, now, policy=None):
    """R-VIS-8: what is due at ``now`` for ``item`` (a CustodyItem)."""
    d = _c.fd_custody_due()
    _c.fd_custody_item_due(d, item._to_c(), to_seconds(now, "now"), policy._handle() if policy is not None else None)
    return CustodyDue(bool(d.notify), bool(d.remind), from_seconds(d.remind_at) if d.remind_at else None,
                      bool(d.unclaimed), from_seconds(d.unclaimed_at) if d.unclaimed_at else None)


def add_goods_permit(store, actor, *, id_document=None, **fields):
    """R-VIS-7: registers a goods permit (GoodsPermit keywords: applicant, phone, unit_id, organisation_id, items,
    reason, valid_until); of an IdDocument only the masked number is kept. Returns its id."""
    return _c.fd_store_goods_permit_add(store._handle(), store._actor(actor),
                                        GoodsPermit(**fields)._to_c(_zone(store, actor)), _doc(id_document))


def approve_goods_permit(store, actor, permit_id, note=None):
    """R-VIS-7: approves a requested permit (needs Grant.MANAGE)."""
    _c.fd_store_goods_permit_approve(store._handle(), store._actor(actor), integer(permit_id, "permit_id"), note)


def refuse_goods_permit(store, actor, permit_id, note):
    """R-VIS-7: refuses a requested permit, saying why (needs Grant.MANAGE)."""
    _c.fd_store_goods_permit_refuse(store._handle(), store._actor(actor), integer(permit_id, "permit_id"), note)


def check_goods(store, actor, permit_id, items, gate=None, note=None):
    """R-VIS-7: the guard's count at the gate against the permit; returns the GoodsCheck (``matched``: released;
    else ``difference`` says what differs and the goods stay)."""
    check_id = _c.fd_store_goods_check(store._handle(), store._actor(actor), integer(permit_id, "permit_id"), items,
                                       gate, note)
    return GoodsCheck._get(store._handle(), store._actor(actor), check_id)


def goods_permits(store, actor, **filter):
    """Goods permits (GoodsPermitFilter keywords: state= ...), in id order."""
    return GoodsPermitFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                      **_codes(filter, _PERMIT_CODES))


def goods_permit(store, actor, permit_id):
    """One GoodsPermit by id."""
    return GoodsPermit._get(store._handle(), store._actor(actor), permit_id)


def goods_checks(store, actor, **filter):
    """Checks at the gate (GoodsCheckFilter keywords: permit_id=, matched= ...), oldest first."""
    return GoodsCheckFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def goods_check(store, actor, check_id):
    """One GoodsCheck by id."""
    return GoodsCheck._get(store._handle(), store._actor(actor), check_id)


def add_custody_item(store, actor, **fields):
    """R-VIS-8: takes an item into custody (CustodyItem keywords: kind, description, owner, phone, unit_id,
    occupant_id, visit_id, found_where). Returns its id."""
    return _c.fd_store_custody_add(store._handle(), store._actor(actor),
                                   CustodyItem(**_codes(fields, _CUSTODY_CODES))._to_c(_zone(store, actor)))


def notify_custody(store, actor, item_id, how, note=None):
    """R-VIS-8: the owner was told (``how``: sms, phone, wechat, note); later notices are reminders."""
    _c.fd_store_custody_notify(store._handle(), store._actor(actor), integer(item_id, "item_id"),
                               _code("custody_how", how), note)


def collect_custody(store, actor, item_id, collected_by, method, note=None):
    """R-VIS-8: the owner collects it, with a ``method`` of "signature" or "id_check"."""
    _c.fd_store_custody_collect(store._handle(), store._actor(actor), integer(item_id, "item_id"), collected_by,
                                _code("custody_how", method), note)


def return_custody(store, actor, item_id, returned_to, note=None):
    """R-VIS-8: returned to whom it came from (the courier)."""
    _c.fd_store_custody_return(store._handle(), store._actor(actor), integer(item_id, "item_id"), returned_to, note)


def hand_on_custody(store, actor, item_id, handed_to, note=None):
    """R-VIS-8: handed on (unclaimed left property to the police station)."""
    _c.fd_store_custody_hand_on(store._handle(), store._actor(actor), integer(item_id, "item_id"), handed_to, note)


class CustodyStatus(_NamedTuple):
    """What custody holds: items held, to notify, to remind, unclaimed; goods permits requested, approved and
    stopped at the gate."""
    held: int
    to_notify: int
    to_remind: int
    unclaimed: int
    permits_requested: int
    permits_approved: int
    permits_mismatch: int


def custody_status(store, actor):
    """R-VIS-8, R-COM-4: what custody holds and what is due at the actor's instant."""
    r = _c.fd_custody_status()
    _c.fd_store_custody_status(r, store._handle(), store._actor(actor))
    return CustodyStatus(r.held, r.to_notify, r.to_remind, r.unclaimed, r.permits_requested, r.permits_approved,
                         r.permits_mismatch)


def custody_items(store, actor, **filter):
    """Custody items (CustodyItemFilter keywords: state="held", kind=, occupant_id= ...), in id order."""
    return CustodyItemFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                      **_codes(filter, _CUSTODY_CODES))


def custody_item(store, actor, item_id):
    """One CustodyItem by id."""
    return CustodyItem._get(store._handle(), store._actor(actor), item_id)


def custody_events(store, actor, **filter):
    """The steps of custody items (CustodyEventFilter keywords: item_id=, kind= ...), oldest first."""
    return CustodyEventFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor),
                                       **_codes(filter, _CUSTODY_EVENT_CODES))


def custody_event(store, actor, event_id):
    """One CustodyEvent by id."""
    return CustodyEvent._get(store._handle(), store._actor(actor), event_id)


# -- important visits (R-VIS-6) -------------------------------------------------------------
def validate_visit_prep(prep, visit):
    """R-VIS-6: checks a VisitPrep to be added to ``visit``'s checklist as the store does: the visit important,
    not arrived, not closed; a ``due_at`` at or before its planned start. Raises naming the field."""
    _c.fd_visit_prep_validate(prep._to_c(), visit._to_c())


class PrepDue(_NamedTuple):
    """Where a preparation item stands: its ``due_at`` (its own, else the visit's planned start; a datetime or
    None), whether it is ``open``, ``overdue`` (open at or past its due) or was done ``late``."""
    due_at: object
    open: bool
    overdue: bool
    late: bool


def visit_prep_due(prep, planned_from, now):
    """R-VIS-6: where ``prep`` (a VisitPrep) stands at ``now`` for a visit planned to start at ``planned_from``
    (None: not known)."""
    d = _c.fd_prep_due()
    _c.fd_visit_prep_due(d, prep._to_c(), 0 if planned_from is None else to_seconds(planned_from, "planned_from"),
                         to_seconds(now, "now"))
    return PrepDue(from_seconds(d.due_at) if d.due_at else None, bool(d.open), bool(d.overdue), bool(d.late))


def add_visit_prep(store, actor, visit_id, item, due_at=None):
    """R-VIS-6: adds ``item`` (会议室布置, 横幅 ...) to an important visit's checklist, due at ``due_at`` (None:
    before the visit's planned start). Returns its id."""
    fields = {"visit_id": integer(visit_id, "visit_id"), "item": item}
    if due_at is not None:
        fields["due_at"] = due_at
    return _c.fd_store_visit_prep_add(store._handle(), store._actor(actor),
                                      VisitPrep(**fields)._to_c(_zone(store, actor)))


def visit_prep_done(store, actor, prep_id, note=None):
    """R-VIS-6: ticks off a checklist item, once, by the actor at its instant."""
    _c.fd_store_visit_prep_done(store._handle(), store._actor(actor), integer(prep_id, "prep_id"), note)


class VisitPrepStatus(_NamedTuple):
    """An important visit's checklist: items, done, open, overdue (open past their due), late (done after their
    due) and the earliest due among the open items (a datetime or None)."""
    items: int
    done: int
    open: int
    overdue: int
    late: int
    first_due: object


def visit_prep_status(store, actor, visit_id):
    """R-VIS-6: how far visit ``visit_id``'s checklist is done at the actor's instant."""
    r = _c.fd_visit_prep_status()
    _c.fd_store_visit_prep_status(r, store._handle(), store._actor(actor), integer(visit_id, "visit_id"))
    return VisitPrepStatus(r.items, r.done, r.open, r.overdue, r.late,
                           from_seconds(r.first_due) if r.first_due else None)


def important_visits_open(store, actor, from_, to, after=0, limit=64):
    """R-VIS-6: one page of the important visits planned to start in [``from_``, ``to``), not cancelled, with
    checklist items still open, in id order: those after id ``after``, at most ``limit`` (1..64)."""
    zone = _zone(store, actor)
    it = _c.fd_store_visit_prep_open(store._handle(), store._actor(actor), to_seconds(from_, "from", zone),
                                     to_seconds(to, "to", zone), integer(after, "after"), integer(limit, "limit"))
    return Records._wrap(VisitFilter, it)


def visit_preps(store, actor, **filter):
    """Preparation items (VisitPrepFilter keywords: visit_id=, done_at=0 ...), in id order."""
    return VisitPrepFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def visit_prep(store, actor, prep_id):
    """One VisitPrep by id."""
    return VisitPrep._get(store._handle(), store._actor(actor), prep_id)


# -- the day's counts, for the daily report (issue 12, item 8; R-COM-4) -----------------
class VisitStats(_NamedTuple):
    """A period's visitor log counted (fd_visit_stats): what happened in [start, end) — visits registered
    (walk-ins, pre-registered, important), arrived, left, declined, refused, cancelled, expected and not come;
    cards and counted items issued, returned, lost, found; custody items deposited, collected, returned, handed
    on; goods permits checked, released, mismatches; blocklist matches by the strongest level and the desk's
    decision — and what stood at the end (or at the actor's instant, when earlier): visitors on site, overstays,
    items out and unreturned, counts open, custody held and due. Counts only: never a name or number."""
    registered: int
    walk_ins: int
    preregistered: int
    important: int
    arrived: int
    left: int
    declined: int
    refused: int
    cancelled: int
    expected: int
    not_come: int
    on_site: int
    overstays: int
    items_issued: int
    items_returned: int
    items_lost: int
    items_found: int
    items_out: int
    items_unreturned: int
    counts_open: int
    custody_deposited: int
    custody_collected: int
    custody_returned: int
    custody_handed_on: int
    custody_held: int
    custody_to_notify: int
    custody_to_remind: int
    custody_unclaimed: int
    goods_checked: int
    goods_released: int
    goods_mismatches: int
    blocklist_matches: int
    blocklist_warning_pending: int
    blocklist_warning_admitted: int
    blocklist_warning_refused: int
    blocklist_limited_pending: int
    blocklist_limited_admitted: int
    blocklist_limited_refused: int
    blocklist_forbidden_pending: int
    blocklist_forbidden_admitted: int
    blocklist_forbidden_refused: int


def visit_stats(store, actor, start, end):
    """R-COM-4: the visitor log of the actor's site counted for [``start``, ``end``) (aware datetimes or UTC
    seconds; naive: the site's local time), each count from one range of one index (fd_store_visit_stats)."""
    zone = _zone(store, actor)
    r = _c.fd_visit_stats()
    r.version = _c.FD_VISIT_STATS_VERSION
    _c.fd_store_visit_stats(r, store._handle(), store._actor(actor), to_seconds(start, "start", zone),
                            to_seconds(end, "end", zone))
    return VisitStats(*(getattr(r, n) for n in VisitStats._fields))
