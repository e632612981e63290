"""Callbacks (回访电话) and customers assigned to specialists (issue 15 items 3-4).

    import frontdesk as fd
    with fd.Store("site.db") as s:
        cb = fd.callback_from_call_task(s, clerk, task_id)          # due out of quiet hours (R-PLN-2)
        for c in fd.callbacks_now(s, clerk):                        # nobody during rest time
            fd.callback_attempt(s, clerk, c.id, "done", satisfaction="average", said="电梯噪音")
        print(fd.callback_script("average"))
        fd.add_specialist(s, manager, member_id=amy, level=2)
        fd.assign_customer(s, clerk, organisation_id=org)           # balanced by level (R-PLN-3)
        print(fd.specialist_leave(s, manager, spec_id, apply=True).moves)

The rules are pure functions (:func:`callback_due`, :func:`may_call`, :func:`callback_script`,
:func:`assign_balance`, :func:`assign_rebalance`). Instants: aware datetimes or int UTC seconds;
a naive datetime is local time at the actor's site (the calendar's zone for the pure ones).
"""

from typing import List as _List, NamedTuple as _NamedTuple, Optional as _Optional, Tuple as _Tuple

from . import core as _c
from ._plans_records import Callback, CallbackFilter, CustomerAssignmentFilter
from ._records import Records as _Records, from_seconds, integer, to_seconds

__all__ = ["CallbackPlan", "CallbackCoverage", "Rebalance", "callback_due", "may_call", "callback_script",
           "check_callback_outcome", "assign_balance", "assign_rebalance", "add_callback", "callback_from_call_task",
           "callback_attempt", "close_callback", "callbacks_due", "callbacks_now", "callback_coverage",
           "callback_misses", "add_specialist", "specialist_leave", "assign_customer", "rebalance_customers",
           "record_contact", "contact_misses"]


def _instant(seconds):
    return from_seconds(seconds) if seconds else None


def _secs(value, field, zone=None):
    return 0 if value is None else to_seconds(value, field, zone)


class CallbackPlan(_NamedTuple):
    """When a callback is due (R-PLN-2): what decided it ("agreed", "task", "policy"), the due before and after
    the quiet-hours move, whether it moved, whether the holiday data was passed (provisional)."""
    basis: str
    unmoved_at: object
    due_at: object
    moved: bool
    provisional: bool


def callback_due(created_at, *, calendar, agreed_at=None, task_due_at=None, policy=None):
    """R-PLN-2, R-CALL-8, R-CALL-9: the time agreed wins, else the call task's due, else followup.callback_days
    on ``calendar`` from ``created_at``; a due in quiet hours moves to the next allowed time (12:30 → 14:00)."""
    zone = calendar.time_zone if hasattr(calendar, "time_zone") else None
    p = _c.fd_callback_plan()
    _c.fd_callback_due(p, to_seconds(created_at, "created_at", zone), _secs(agreed_at, "agreed_at", zone),
                       _secs(task_due_at, "task_due_at", zone), calendar._handle(),
                       None if policy is None else policy._handle())
    return CallbackPlan(p.basis, from_seconds(p.unmoved_at), from_seconds(p.due_at), bool(p.moved),
                        bool(p.provisional))


def may_call(at, *, calendar):
    """R-PLN-2 "may we call now?": (True, at) outside quiet hours, else (False, the next allowed time)."""
    zone = calendar.time_zone if hasattr(calendar, "time_zone") else None
    may, nxt = _c.fd_callback_may_call(calendar._handle(), to_seconds(at, "at", zone))
    return bool(may), from_seconds(nxt)


def callback_script(satisfaction):
    """R-PLN-2: the follow-up script for an outcome (satisfied, average, unsatisfied; 满意, 一般, 不满意 too)."""
    return _c.fd_callback_script(satisfaction)


def check_callback_outcome(result, satisfaction=None, said=None):
    """R-PLN-2: checks an attempt's result (no_answer, busy, done) and, for done, its satisfaction; raises."""
    _c.fd_callback_outcome_check(result, satisfaction, said)


def _team(team):
    team = list(team)
    return ([integer(t[0], "team[].id") for t in team], [integer(t[1], "team[].level") for t in team],
            [integer(t[2], "team[].count") for t in team])


def assign_balance(team):
    """R-PLN-3: the specialist a new customer goes to, from ``team``, a list of (id, level, customers now)
    (level 0: leaving); None when no one takes customers."""
    ids, levels, counts = _team(team)
    return _c.fd_assign_balance(ids, levels, counts) or None


class Rebalance(_NamedTuple):
    """A rebalance (R-PLN-3): per specialist (id, level, before, after), the moves (from, to, count), how many
    customers move in all."""
    specialists: _List[_Tuple[int, int, int, int]]
    moves: _List[_Tuple[int, int, int]]
    moved: int


def _rebalance(r):
    try:
        return Rebalance([tuple(_c.fd_rebalance_specialist(r, i)) for i in range(_c.fd_rebalance_specialists(r))],
                         [tuple(_c.fd_rebalance_move(r, i)) for i in range(_c.fd_rebalance_moves(r))],
                         _c.fd_rebalance_moved(r))
    finally:
        _c.fd_rebalance_free(r)


def assign_rebalance(team):
    """R-PLN-3: the fewest moves that bring each of ``team`` (id, level, customers now; level 0: leaving) to a
    target proportional to level, as a Rebalance."""
    ids, levels, counts = _team(team)
    return _rebalance(_c.fd_assign_rebalance(ids, levels, counts))


# -- the store ---------------------------------------------------------------------------------------------

def _zone(store, actor):
    return store._zone(actor.site_id)


def add_callback(store, actor, **fields):
    """Adds a callback (R-PLN-2): source= call / complaint / member / repair / question, what it comes from,
    the customer, member=, agreed_at=. The store sets its due. Returns its id."""
    return _c.fd_store_callback_add(store._handle(), store._actor(actor), Callback(**fields)._to_c(_zone(store, actor)))


def callback_from_call_task(store, actor, call_task_id, agreed_at=None):
    """The callback of a call's open call-back or reply task (R-CALL-8, R-CALL-9), once per task; its id."""
    return _c.fd_store_callback_from_call_task(store._handle(), store._actor(actor),
                                               integer(call_task_id, "call_task_id"),
                                               _secs(agreed_at, "agreed_at", _zone(store, actor)))


def callback_attempt(store, actor, callback_id, result, *, placed_at=None, satisfaction=None, said=None):
    """Records an attempt (R-PLN-2): no_answer / busy keep it open, done with satisfaction closes it; never placed
    in quiet hours. Returns the attempt's id."""
    return _c.fd_store_callback_attempt(store._handle(), store._actor(actor), integer(callback_id, "callback_id"),
                                        _secs(placed_at, "placed_at", _zone(store, actor)), result, satisfaction,
                                        said)


def close_callback(store, actor, callback_id, reason):
    """Closes an open callback without reaching the customer, with the reason (R-PLN-2)."""
    _c.fd_store_callback_close(store._handle(), store._actor(actor), integer(callback_id, "callback_id"), reason)


def _seconds_of(value, field):
    return int(value.total_seconds()) if hasattr(value, "total_seconds") else integer(value, field)


def callbacks_due(store, actor, *, overdue_only=False, within=0, after=0, limit=64):
    """One page of the open callbacks by due (R-PLN-2): due by the actor's instant plus ``within`` (a timedelta or
    seconds), or only the overdue ones. Page on with the last row's id as ``after``."""
    it = _c.fd_store_callbacks_due(store._handle(), store._actor(actor), 1 if overdue_only else 0,
                                   _seconds_of(within, "within"), integer(after, "after"), integer(limit, "limit"))
    return _Records._wrap(CallbackFilter, it)


def callbacks_now(store, actor, *, after=0, limit=64):
    """The "call now" list (R-PLN-2): due by the actor's instant; empty while it is quiet time."""
    it = _c.fd_store_callbacks_now(store._handle(), store._actor(actor), integer(after, "after"),
                                   integer(limit, "limit"))
    return _Records._wrap(CallbackFilter, it)


class CallbackCoverage(_NamedTuple):
    """Member callbacks of a period (R-PLN-2) against followup.member_callback_pct."""
    members: int
    reached: int
    late: int
    missed: int
    pending: int
    share_pct: int
    target_pct: int
    met: bool


def callback_coverage(store, actor, start, end):
    """R-PLN-2: member callbacks created in [start, end) and the share reached, as CallbackCoverage."""
    zone = _zone(store, actor)
    c = _c.fd_callback_coverage()
    _c.fd_store_callback_coverage(c, store._handle(), store._actor(actor), to_seconds(start, "start", zone),
                                  to_seconds(end, "end", zone))
    return CallbackCoverage(c.members, c.reached, c.late, c.missed, c.pending, c.share_pct, c.target_pct,
                            bool(c.met))


def callback_misses(store, actor, start, end, *, after=0, limit=64):
    """R-PLN-2: member callbacks of [start, end) closed unreached or open past due, by id."""
    zone = _zone(store, actor)
    it = _c.fd_store_callback_misses(store._handle(), store._actor(actor), to_seconds(start, "start", zone),
                                     to_seconds(end, "end", zone), integer(after, "after"), integer(limit, "limit"))
    return _Records._wrap(CallbackFilter, it)


def add_specialist(store, actor, *, member_id, level):
    """A service specialist (R-PLN-3), level 1..5 (manage grant). Returns their id."""
    return _c.fd_store_specialist_add(store._handle(), store._actor(actor), integer(member_id, "member_id"),
                                      integer(level, "level"))


def specialist_leave(store, actor, specialist_id, *, apply=False):
    """R-PLN-3: the Rebalance giving a leaving specialist's customers to the others; written when ``apply``."""
    return _rebalance(_c.fd_store_specialist_leave(store._handle(), store._actor(actor),
                                                   integer(specialist_id, "specialist_id"), 1 if apply else 0))


def assign_customer(store, actor, *, occupant_id=0, organisation_id=0, specialist_id=0):
    """Assigns a customer (occupant or organisation) to a specialist, or to the balance's pick (R-PLN-3)."""
    return _c.fd_store_assign_customer(store._handle(), store._actor(actor), integer(occupant_id, "occupant_id"),
                                       integer(organisation_id, "organisation_id"),
                                       integer(specialist_id, "specialist_id"))


def rebalance_customers(store, actor, *, apply=False):
    """R-PLN-3: the Rebalance of the site's customers over its specialists; written when ``apply``."""
    return _rebalance(_c.fd_store_assign_rebalance(store._handle(), store._actor(actor), 1 if apply else 0))


def record_contact(store, actor, assignment_id):
    """The specialist's first contact with a newly assigned customer (R-PLN-3)."""
    _c.fd_store_assign_contact(store._handle(), store._actor(actor), integer(assignment_id, "assignment_id"))


def contact_misses(store, actor, *, after=0, limit=64):
    """R-PLN-3: assignments in force whose first contact is overdue, by due."""
    it = _c.fd_store_assign_misses(store._handle(), store._actor(actor), integer(after, "after"),
                                   integer(limit, "limit"))
    return _Records._wrap(CustomerAssignmentFilter, it)
