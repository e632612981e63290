"""Repairs (issue 15, plans part 1): work orders with their hand-offs (R-PLN-6), the follow-up every
done repair is owed on the site's calendar (R-PLN-1), the site's assignment policy.

    import frontdesk as fd
    rid = fd.add_repair(s, clerk, received_at=now, channel="电话", category="渗漏", address="3号楼1201",
                        what="卫生间漏水", skill="plumbing")
    fd.step_repair(s, clerk, rid, "dispatch", handler_id=tech)
    for f in fd.followups_due(s, clerk, within=dt.timedelta(days=2)):
        fd.record_followup(s, clerk, f.id, method="phone", result="fixed", satisfaction="满意")

Codes are English words; their labels (渗漏, 闭水试验, 已回访), Traditional and full-width are taken
wherever a code is given. Instants: aware datetimes or int UTC seconds.
"""

from typing import NamedTuple as _NamedTuple
import datetime as _dt

from . import core as _c
from ._plans_records import (Repair, RepairFilter, RepairEvent, RepairEventFilter, Followup, FollowupFilter,
                             StaffSkill, StaffSkillFilter)
from ._records import Records as _Records, integer, to_seconds

__all__ = ["Repair", "RepairFilter", "RepairEvent", "RepairEventFilter", "Followup", "FollowupFilter",
           "StaffSkill", "StaffSkillFilter", "FollowupPlan", "FollowupCoverage", "plan_code_label", "plan_code_parse", "validate_repair",
           "check_repair_step", "repair_steps_allowed", "followup_due", "check_followup_outcome",
           "pick_repair_handler", "repair_assignment_code", "add_repair", "step_repair", "add_staff_skill",
           "retire_staff_skill", "record_followup", "followups_due", "followup_coverage", "followup_misses",
           "list_repairs", "repair", "repair_events", "followups"]

_CODES = {"channel": "channel", "category": "category", "state": "repair_state"}


# -- codes ---------------------------------------------------------------------------------
def plan_code_label(field, code):
    """The Chinese label of ``code`` in the plans list ``field`` ("category", "leak" -> "渗漏"); None when
    unknown. Lists: channel, category, repair_state, repair_step, assignment, method, result, satisfaction,
    source, attempt, recurrence, visit_state, followup_state, callback_state."""
    return _c.fd_plan_code_label(field, code)


def plan_code_parse(field, text):
    """The code of ``text`` in the plans list ``field``: the code, its label, a desk's word, Traditional or
    full-width ("閉水試驗" -> "leak_test")."""
    return _c.fd_plan_code_parse(field, text)


def _codes(values, lists=_CODES):
    for key, field in lists.items():
        v = values.get(key)
        if isinstance(v, str) and v:
            values[key] = plan_code_parse(field, v)
    return values


def _record(repair, zone=None):
    if not isinstance(repair, Repair):
        raise TypeError(f"repair: expected a Repair, got {type(repair).__name__}")
    typed = {k: getattr(repair, k) for k in _CODES}
    parsed = _codes(dict(typed))
    return (repair.replace(**parsed) if parsed != typed else repair)._to_c(zone)


# -- pure rules ----------------------------------------------------------------------------
def validate_repair(repair, zone=None):
    """R-PLN-6: the checks the store makes of a work order before registering it; raises naming the field."""
    _c.fd_repair_validate(_record(repair, zone))


def _step(kind, zone, handler_id=0, note=None, happened_at=None):
    s = _c.fd_repair_step()
    s.kind = plan_code_parse("repair_step", kind) if isinstance(kind, str) and kind else kind
    s.handler_id = integer(handler_id, "step.handler_id")
    s.note = note
    if happened_at is not None:
        s.happened_at = to_seconds(happened_at, "step.happened_at", zone)
    return s


def check_repair_step(repair, kind, zone=None, **fields):
    """R-PLN-6: the state work order ``repair`` goes to when it takes step ``kind`` (handler_id=, note=,
    happened_at=); raises InvalidState naming the state and the steps it allows."""
    return _c.fd_repair_step_check(_record(repair, zone), _step(kind, zone, **fields))


def repair_steps_allowed(state):
    """The steps a work order in ``state`` allows, in lifecycle order (["dispatch", "close_undone"])."""
    text = _c.fd_repair_steps_allowed(plan_code_parse("repair_state", state) if state else state)
    return [] if text in ("", "no step") else text.split(", ")


class FollowupPlan(_NamedTuple):
    """When a done repair's follow-up is due (R-PLN-1): the policy key, its amount and unit, from when
    (the work's end, a leak's leak test) and the due (UTC seconds; ``provisional`` past the holiday data)."""
    policy_key: str
    amount: int
    unit: int
    start_at: int
    due_at: int
    provisional: bool


def followup_due(repair, calendar, policy=None, zone=None):
    """R-PLN-1: the follow-up's due of ``repair`` (done; a leak: leak-tested) on ``calendar``."""
    p = _c.fd_followup_plan()
    _c.fd_followup_due(p, _record(repair, zone), calendar._handle(), None if policy is None else policy._handle())
    return FollowupPlan(p.policy_key, p.amount, p.unit, p.start_at, p.due_at, bool(p.provisional))


def check_followup_outcome(method, result, satisfaction=None, said=None):
    """R-PLN-1: a follow-up's outcome as the store takes it (codes or labels); raises naming the field."""
    _c.fd_followup_outcome_check(plan_code_parse("method", method), plan_code_parse("result", result),
                                 plan_code_parse("satisfaction", satisfaction) if satisfaction else None, said)


def pick_repair_handler(assignment, members, open_counts=(), last_assigned=0):
    """R-PLN-6: who gets a new order under ``assignment`` (desk, round_robin, least_open) among ``members``
    (staff ids with the skill) and their ``open_counts``; 0 = the desk."""
    return _c.fd_repair_pick_handler(plan_code_parse("assignment", assignment), list(members), list(open_counts),
                                     integer(last_assigned, "last_assigned"))


def repair_assignment_code(value):
    """The code of policy value ``value`` of repair.assignment (0 desk, 1 round_robin, 2 least_open), or None."""
    return _c.fd_repair_assignment_code(integer(value, "value"))


# -- the store -----------------------------------------------------------------------------
def _zone(store, actor):
    return store._zone(actor.site_id)


def add_repair(store, actor, **fields):
    """Registers a work order (R-PLN-6); dispatched at once when the site's repair.assignment picks a handler.
    Returns its id."""
    return _c.fd_store_repair_add(store._handle(), store._actor(actor),
                                  Repair(**_codes(fields))._to_c(_zone(store, actor)))


def step_repair(store, actor, repair_id, kind, **fields):
    """Work order ``repair_id`` takes step ``kind`` (handler_id=, note=, happened_at=). Returns the event id."""
    return _c.fd_store_repair_step(store._handle(), store._actor(actor), integer(repair_id, "repair_id"),
                                   _step(kind, _zone(store, actor), **fields))


def add_staff_skill(store, actor, member_id, skill):
    """Member ``member_id`` has ``skill`` (needs Grant.MANAGE). Returns the row's id."""
    return _c.fd_store_staff_skill_add(store._handle(), store._actor(actor), integer(member_id, "member_id"), skill)


def retire_staff_skill(store, actor, skill_id):
    """The skill row is no longer picked (needs Grant.MANAGE)."""
    _c.fd_store_staff_skill_retire(store._handle(), store._actor(actor), integer(skill_id, "skill_id"))


def record_followup(store, actor, followup_id, method, result, satisfaction=None, said=None):
    """R-PLN-1: records follow-up ``followup_id``; not_fixed sends the order back to its handler. Returns the
    order's event id."""
    return _c.fd_store_followup_record(store._handle(), store._actor(actor), integer(followup_id, "followup_id"),
                                       plan_code_parse("method", method), plan_code_parse("result", result),
                                       plan_code_parse("satisfaction", satisfaction) if satisfaction else None, said)


def _seconds(v, name):
    return int(v.total_seconds()) if isinstance(v, _dt.timedelta) else integer(v, name)


def followups_due(store, actor, within=_dt.timedelta(days=1), overdue_only=False, after=0, limit=64):
    """One page of the open follow-ups due within ``within`` of the actor's instant (or only the overdue), in due
    order; page on with the last row's id as ``after``."""
    it = _c.fd_store_followups_due(store._handle(), store._actor(actor), int(bool(overdue_only)),
                                   0 if overdue_only else _seconds(within, "within"), integer(after, "after"),
                                   integer(limit, "limit"))
    return _Records._wrap(FollowupFilter, it)


class FollowupCoverage(_NamedTuple):
    """A period's follow-up coverage (R-PLN-1) against followup.repair_rate_pct."""
    done: int
    in_time: int
    late: int
    missed: int
    pending: int
    share_pct: int
    target_pct: int
    met: bool


def followup_coverage(store, actor, start, end):
    """R-PLN-1: the coverage of the repairs done in [start, end) at the actor's site."""
    z = _zone(store, actor)
    c = _c.fd_followup_coverage()
    _c.fd_store_followup_coverage(c, store._handle(), store._actor(actor), to_seconds(start, "start", z),
                                  to_seconds(end, "end", z))
    return FollowupCoverage(c.done, c.in_time, c.late, c.missed, c.pending, c.share_pct, c.target_pct, bool(c.met))


def followup_misses(store, actor, start, end, after=0, limit=64):
    """One page of the work orders done in [start, end) followed up late or not at all and past due."""
    z = _zone(store, actor)
    it = _c.fd_store_followup_misses(store._handle(), store._actor(actor), to_seconds(start, "start", z),
                                     to_seconds(end, "end", z), integer(after, "after"), integer(limit, "limit"))
    return _Records._wrap(RepairFilter, it)


def list_repairs(store, actor, **filter):
    """Work orders of the actor's site (RepairFilter keywords: state=, category="渗漏" ...), streamed."""
    return RepairFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **_codes(filter))


def repair(store, actor, repair_id):
    """One Repair by id."""
    return Repair._get(store._handle(), store._actor(actor), repair_id)


def repair_events(store, actor, **filter):
    """Steps of work orders (RepairEventFilter keywords: repair_id=, kind= ...), oldest first."""
    return RepairEventFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)


def followups(store, actor, **filter):
    """Follow-ups (FollowupFilter keywords: repair_id=, state= ...)."""
    return FollowupFilter._iterate(store._handle(), store._actor(actor), _zone(store, actor), **filter)
