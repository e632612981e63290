"""Calls (issue 11): the call register, PBX call-detail records, call-back and
reply tasks, messages, the directory with screening, and hotel guests
(R-CALL-1 … R-CALL-12, R-COM-2, R-COM-4, R-COM-5).

    import frontdesk as fd
    with fd.Store("site.db") as s:
        call_id = fd.log_call(s, actor, direction="in", caller_number="13812345678",
                              caller_name="王小丽", ring_at=ring, answer_at=answer, end_at=end,
                              disposition="answered", category="repair", matter="3-1201 漏水",
                              read_back=True)
        for c in fd.list_calls(s, actor, ring_at_from=day_start, ring_at_to=day_end):
            print(c.caller_number, c.rings, c.late)          # 138****5678 2 False

The rules are pure functions over the records (:func:`assess_call`,
:func:`screen`, :func:`guest_answer` ...), usable without a store. Codes are
English words (``"inquiry"``); :func:`code_label` gives 咨询 and
:func:`code_parse` takes either. Instants: aware datetimes or int UTC seconds;
a naive datetime is local time at the actor's site.
"""

import enum as _enum
import os as _os
from typing import NamedTuple as _NamedTuple

from . import core as _c
from ._calls_records import (Call, CallFilter, CallTask, CallTaskFilter, CdrLeg, CdrLegFilter, DirEntry,
                             DirEntryFilter, Guest, GuestFilter, Message, MessageEvent, MessageEventFilter,
                             MessageFilter)
from ._convert import Handle, code_of, codes_of
from ._records import Records, from_seconds, integer, to_seconds

__all__ = ["Call", "CallFilter", "CallTask", "CallTaskFilter", "CdrLeg", "CdrLegFilter", "DirEntry", "DirEntryFilter",
           "Guest", "GuestFilter", "Message", "MessageEvent", "MessageEventFilter", "MessageFilter",
           "ScreenAction", "ScreenDecision", "GuestAnswer", "CdrDialect", "CdrParser", "CdrImport", "CallStats",
           "code_label", "code_parse", "call_rings", "assess_call", "call_needs_callback", "call_reply_due",
           "message_overdue", "screen", "guest_answer", "cdr_assemble",
           "log_call", "list_calls", "call", "call_tasks", "call_task", "complete_call_task",
           "take_message", "deliver_message", "expire_message", "messages", "message", "message_events",
           "add_dir_entry", "set_presence", "find_in_directory", "directory", "dir_entry",
           "add_guest", "check_out_guest", "lookup_guest", "guests", "guest",
           "import_cdr", "cdr_legs", "call_stats"]


# -- codes ---------------------------------------------------------------------------
def code_label(field, code):
    """The Chinese label of ``code`` in the code list ``field`` ("category", "inquiry" -> "咨询"); None when unknown."""
    return _c.fd_call_code_label(field, code)


def code_parse(field, text):
    """The code of ``text`` in the list ``field``: the code itself or its label, Simplified or Traditional."""
    return _c.fd_call_code_parse(field, text)


# -- rules (pure) ---------------------------------------------------------------------
def call_rings(ring_at, answer_at, policy=None):
    """R-CALL-1: rings before the answer, from the policy's ring period (5 s by default)."""
    return _c.fd_call_rings(to_seconds(ring_at, "ring_at"), to_seconds(answer_at, "answer_at"),
                            policy._handle() if policy is not None else None)


def assess_call(call, policy=None, zone=None):
    """The call with the fields its rules derive (rings, late, over_limit) set, after every check the store
    makes (R-CALL-1, R-CALL-3, R-CALL-4, R-CALL-7); raises naming the field. ``zone`` places naive datetimes."""
    c = call._to_c(zone)
    _c.fd_call_assess(c, policy._handle() if policy is not None else None)
    return Call._from_c(c)


def call_needs_callback(call, zone=None):
    """R-CALL-8: whether the call needs a call-back at once (an incoming call that was dropped)."""
    return bool(_c.fd_call_needs_callback(call._to_c(zone)))


def call_reply_due(calendar, start, policy=None):
    """R-CALL-9: (due, provisional) of the reply to a question not answered on a call received at ``start``:
    ``call.unresolved_reply_working_days`` on ``calendar``; ``provisional`` when days past the holiday data decided it."""
    due, provisional = _c.fd_call_reply_due(calendar._handle(), to_seconds(start, "start"),
                                            policy._handle() if policy is not None else None)
    return from_seconds(due), bool(provisional)


def message_overdue(message, now, policy=None):
    """R-CALL-6: whether a message still not delivered is older than ``message.deliver_within_minutes`` at ``now``."""
    return bool(_c.fd_message_overdue(message._to_c(), to_seconds(now, "now"),
                                      policy._handle() if policy is not None else None))


class ScreenAction(_enum.IntEnum):
    """What the desk does with a call for a directory entry (fd_screen_action)."""
    TRANSFER = _c.FD_SCREEN_TRANSFER
    ROUTE = _c.FD_SCREEN_ROUTE
    CONFIRM = _c.FD_SCREEN_CONFIRM
    DECLINE = _c.FD_SCREEN_DECLINE
    MESSAGE = _c.FD_SCREEN_MESSAGE


class ScreenDecision(_NamedTuple):
    """fd_dir_screen's answer: the action, the entry to route to (0 when none), what to say, and the rule."""
    action: ScreenAction
    route_entry: int
    script: str
    rule: str


def screen(entry, caller_type=None, now=None):
    """R-CALL-5, R-CALL-6, R-CALL-12: what to do with a call for ``entry`` (a DirEntry) from a caller of
    ``caller_type`` ("customer", "supplier", "sales", "staff", "other" or None) at ``now`` (required)."""
    d = _c.fd_screen_decision()
    d.version = _c.FD_SCREEN_DECISION_VERSION
    _c.fd_dir_screen(d, entry._to_c(), _code("caller_type", caller_type), to_seconds(now, "now"))
    return ScreenDecision(ScreenAction(d.action), d.route_entry, d.script, d.rule)


class GuestAnswer(_enum.IntEnum):
    """The answer to a caller asking for a hotel guest (R-CALL-11)."""
    IN_HOUSE = _c.FD_GUEST_IN_HOUSE
    CHECKED_OUT = _c.FD_GUEST_CHECKED_OUT
    NOT_ARRIVED = _c.FD_GUEST_NOT_ARRIVED
    NONE = _c.FD_GUEST_NONE

    @property
    def code(self):
        """"in_house", "checked_out", "not_arrived" or "none"."""
        return _c.fd_guest_answer_name(int(self))


def guest_answer(guest, today, may_reveal=False):
    """R-CALL-11: the answer about ``guest`` (a Guest or None) on ``today`` (the site's date)."""
    return GuestAnswer(_c.fd_guest_answer_for(guest._to_c() if guest is not None else None, today,
                                              int(bool(may_reveal))))


# -- call-detail records ----------------------------------------------------------------
class CdrDialect(_enum.IntEnum):
    """CDR file formats (fd_cdr_dialect); functions also take their names ("asterisk_csv")."""
    ASTERISK_CSV = _c.FD_CDR_ASTERISK_CSV
    ASTERISK_CUSTOM = _c.FD_CDR_ASTERISK_CUSTOM
    FREESWITCH_CSV = _c.FD_CDR_FREESWITCH_CSV
    GENERIC = _c.FD_CDR_GENERIC

    @property
    def code(self):
        """The dialect's name as the C API spells it."""
        return _c.fd_cdr_dialect_name(int(self))

    @classmethod
    def of(cls, value):
        """A dialect from a CdrDialect or its name."""
        return value if isinstance(value, cls) else cls(_c.fd_cdr_dialect_from_name(value))


class CdrParser(Handle):
    """Parses the lines of one CDR file: ``CdrParser("asterisk_csv", "pbx1", time_zone="Asia/Shanghai")``.
    ``column_map`` ("uniqueid=CallID,src=Caller,...") only for the generic dialect, whose first line is its header."""

    _free = staticmethod(_c.fd_cdr_parser_free)

    def __init__(self, dialect, source, time_zone=None, column_map=None):
        super().__init__(_c.fd_cdr_parser_new(int(CdrDialect.of(dialect)), source, time_zone, column_map))

    def parse_line(self, line):
        """The CdrLeg of one line, or None for a blank line or the generic header; raises naming the column."""
        leg = _c.fd_cdr_parse_line(self._handle(), line)
        return None if leg is None else CdrLeg._own(leg)


def cdr_assemble(legs):
    """The Call the legs of one call make (first ring, who answered, transfer chain ...), not yet assessed."""
    cs = [leg._to_c() if isinstance(leg, CdrLeg) else leg for leg in legs]  # others: refused naming legs[i]
    return Call._own(_c.fd_cdr_assemble(cs))


# -- the store's side ----------------------------------------------------------------
_CALL_CODES = {"direction": "direction", "disposition": "disposition", "category": "category",
               "channel": "channel", "caller_type": "caller_type", "apology": "apology"}


def _codes(values, lists):
    """Codes given as their labels (报修, 諮詢, 来电) become the codes; an unknown one raises naming its list."""
    return codes_of(code_parse, values, lists)


def _code(field, value):
    return code_of(code_parse, field, value)


def _zone(store, actor):
    return store._zone(actor.site_id)


def _stream(filter_cls, it):
    """A Records stream over an iterator a module function started."""
    return Records._wrap(filter_cls, it)


def log_call(store, actor, **fields):
    """Logs a call (R-CALL-3) at the actor's site; the rules derive rings, late and over_limit; a dropped incoming
    call gets a call-back task (R-CALL-8), an ``unresolved`` one a reply task (R-CALL-9). Returns its id."""
    return _c.fd_store_call_add(store._handle(), store._actor(actor),
                                Call(**_codes(fields, _CALL_CODES))._to_c(_zone(store, actor)))


def list_calls(store, actor, **filter):
    """Calls of the actor's site (codes as codes or labels: category="报修") (CallFilter keywords: ring_at_from=, ring_at_to=, disposition=, category=,
    staff_id=, late=, caller_number= (normalised; needs the reveal grant) ...), streamed, numbers masked."""
    _codes(filter, _CALL_CODES)
    if filter.get("caller_number"):  # matched on the normalised number, as stored
        phone = _c.fd_phone()
        _c.fd_phone_parse(phone, filter["caller_number"])
        filter["caller_number"] = phone.national
    return CallFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def call(store, actor, call_id):
    """One Call by id."""
    return Call._get(store._handle(), store._actor(actor), call_id)


def call_tasks(store, actor, **filter):
    """Call-back and reply tasks (CallTaskFilter keywords: state="open", kind=, due_at_to= ...), streamed."""
    _codes(filter, {"kind": "task_kind", "state": "task_state"})
    return CallTaskFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def call_task(store, actor, task_id):
    """One CallTask by id."""
    return CallTask._get(store._handle(), store._actor(actor), task_id)


def complete_call_task(store, actor, task_id, outcome):
    """Marks a call-back or reply task done with what was said (R-CALL-8, R-CALL-9)."""
    _c.fd_store_call_task_done(store._handle(), store._actor(actor), integer(task_id, "task_id"), outcome)


def take_message(store, actor, **fields):
    """Takes a message (R-CALL-6); ``confirmed=True`` (read back and confirmed) is required. Returns its id."""
    return _c.fd_store_message_take(store._handle(), store._actor(actor), Message(**fields)._to_c(_zone(store, actor)))


def deliver_message(store, actor, message_id, how, note=None):
    """Records a message delivered (``how``: in_person, phone, sms, wechat, email, note)."""
    _c.fd_store_message_deliver(store._handle(), store._actor(actor), integer(message_id, "message_id"),
                                _code("delivered_how", how), note)


def expire_message(store, actor, message_id, note):
    """Records a message expired undelivered, saying why."""
    _c.fd_store_message_expire(store._handle(), store._actor(actor), integer(message_id, "message_id"), note)


def messages(store, actor, **filter):
    """Messages (MessageFilter keywords: state="taken" for the undelivered, for_entry=, search= ...), streamed."""
    _codes(filter, {"state": "message_state"})
    return MessageFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def message(store, actor, message_id):
    """One Message by id."""
    return Message._get(store._handle(), store._actor(actor), message_id)


def message_events(store, actor, **filter):
    """State changes of messages (MessageEventFilter keywords: message_id= ...), oldest first."""
    return MessageEventFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def add_dir_entry(store, actor, **fields):
    """Adds a directory entry (needs Grant.MANAGE); returns its id."""
    return _c.fd_store_dir_add(store._handle(), store._actor(actor),
                               DirEntry(**_codes(fields, {"kind": "entry_kind"}))._to_c(_zone(store, actor)))


def set_presence(store, actor, entry_id, presence, until=None):
    """Sets an entry's presence (in, out, busy, dnd) until ``until`` (None: until changed)."""
    _c.fd_store_dir_presence_set(store._handle(), store._actor(actor), integer(entry_id, "entry_id"),
                                 _code("presence", presence),
                                 0 if until is None else to_seconds(until, "until", _zone(store, actor)))


def find_in_directory(store, actor, query, limit=20):
    """Entries for a caller's request — name, pinyin, initials, Traditional input or an extension — the first
    ``limit`` (1..64) in collation order (R-CALL-6); confidential numbers masked unless revealed (R-CALL-5)."""
    it = _c.fd_store_dir_find(store._handle(), store._actor(actor), query, integer(limit, "limit"))
    return _stream(DirEntryFilter, it)


def directory(store, actor, **filter):
    """Directory entries (DirEntryFilter keywords: kind=, department=, extension=, search= ...), in id order."""
    return DirEntryFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def dir_entry(store, actor, entry_id):
    """One DirEntry by id."""
    return DirEntry._get(store._handle(), store._actor(actor), entry_id)


def add_guest(store, actor, **fields):
    """Registers a hotel guest (R-CALL-11): name, room, arrival, departure, incognito. Returns the id."""
    return _c.fd_store_guest_add(store._handle(), store._actor(actor), Guest(**fields)._to_c(_zone(store, actor)))


def check_out_guest(store, actor, guest_id):
    """Records a guest's check-out at the actor's instant."""
    _c.fd_store_guest_checkout(store._handle(), store._actor(actor), integer(guest_id, "guest_id"))


def lookup_guest(store, actor, name=None, room=None):
    """(GuestAnswer, Guest or None) for a caller asking for a guest by name and/or room (R-CALL-11)."""
    answer, g = _c.fd_store_guest_lookup(store._handle(), store._actor(actor), name, room)
    return GuestAnswer(answer), (None if g is None else Guest._own(g))


def guests(store, actor, **filter):
    """Guests (GuestFilter keywords: room=, arrival_from= ...), streamed."""
    return GuestFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def guest(store, actor, guest_id):
    """One Guest by id."""
    return Guest._get(store._handle(), store._actor(actor), guest_id)


class CdrImport(_NamedTuple):
    """What an import did; ``rejects`` lists (line number, reason) of the lines refused."""
    lines: int
    imported: int
    already: int
    rejected: int
    calls_added: int
    calls_updated: int
    rejects: list


def import_cdr(store, actor, source, dialect, *, text=None, path=None, time_zone=None, column_map=None):
    """Imports a CDR file (``path``) or its contents (``text``), idempotently (R-CALL-3): good lines become legs
    and assembled calls, bad lines are listed in ``rejects`` with their line numbers. Returns a CdrImport."""
    if (text is None) == (path is None):
        raise TypeError("import_cdr: give text= or path=, not both")
    o = _c.fd_cdr_options()
    o.version = _c.FD_CDR_OPTIONS_VERSION
    o.dialect, o.source = CdrDialect.of(dialect).code, source
    o.time_zone, o.column_map = time_zone, column_map
    s = _c.fd_cdr_import_summary()
    s.version = _c.FD_CDR_IMPORT_SUMMARY_VERSION
    if path is not None:
        rejects = _c.fd_store_cdr_import_file(s, store._handle(), store._actor(actor), o, _os.fspath(path))
    else:
        rejects = _c.fd_store_cdr_import(s, store._handle(), store._actor(actor), o, text)
    listed = []
    for line in rejects.splitlines():
        number, _, reason = line.partition(": ")
        listed.append((int(number.split()[-1]), reason))
    return CdrImport(s.lines, s.imported, s.already, s.rejected, s.calls_added, s.calls_updated, listed)


def cdr_legs(store, actor, **filter):
    """Raw CDR legs as imported (CdrLegFilter keywords: source=, linkedid=, call_id= ...), streamed."""
    return CdrLegFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


_STATS = ("total", "incoming", "outgoing", "internal", "answered", "no_answer", "busy", "failed",
          "congestion", "cancelled", "dropped", "inquiry", "suggestion", "complaint", "praise", "repair",
          "fault", "business", "personal", "wrong_number", "uncategorised", "picked_up", "within_rings", "late",
          "late_apology", "late_no_apology", "late_unknown", "rings_1", "rings_2", "rings_3", "rings_4_6",
          "rings_7_plus", "answer_p50_s", "answer_p90_s", "answer_max_s", "over_limit", "not_read_back",
          "open_callbacks", "open_replies", "overdue_tasks", "messages_open", "messages_overdue")


class CallStats(dict):
    """Counts of a period's calls (fd_call_stats): attribute or key access, e.g. ``stats.late_no_apology``."""

    __getattr__ = dict.__getitem__


def call_stats(store, actor, start, end):
    """Counts of the calls that started ringing in [start, end), and tasks and messages open at ``end``."""
    s = _c.fd_call_stats()
    s.version = _c.FD_CALL_STATS_VERSION
    zone = _zone(store, actor)
    _c.fd_store_call_stats(s, store._handle(), store._actor(actor), to_seconds(start, "start", zone),
                           to_seconds(end, "end", zone))
    return CallStats({n: getattr(s, n) for n in _STATS})
