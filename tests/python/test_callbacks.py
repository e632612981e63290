"""Callbacks and specialists (issue 15 items 3-4): R-PLN-2, R-PLN-3, R-CALL-8."""
import datetime as dt

import pytest

import frontdesk as fd

CST = dt.timezone(dt.timedelta(hours=8))
NOON = dt.datetime(2026, 4, 2, 12, 30, tzinfo=CST)   # a Thursday, lunch-time rest
TWO = dt.datetime(2026, 4, 2, 14, 0, tzinfo=CST)


def test_a_due_at_1230_moves_to_1400_R_PLN_2():
    cal = fd.Calendar()
    p = fd.callback_due(NOON - dt.timedelta(hours=3), calendar=cal, agreed_at=NOON)
    assert p.basis == "agreed" and p.moved and p.due_at == TWO
    assert fd.may_call(NOON, calendar=cal) == (False, TWO)
    assert fd.may_call(TWO, calendar=cal)[0] is True
    assert "抱歉" in fd.callback_script("不滿意")
    with pytest.raises(fd.InvalidArgument, match="satisfaction"):
        fd.check_callback_outcome("done")


def test_balance_and_a_rebalance_with_one_leaving_R_PLN_3():
    assert fd.assign_balance([(11, 1, 3), (12, 2, 4), (13, 1, 3)]) == 12
    assert fd.assign_balance([(11, 0, 3)]) is None
    r = fd.assign_rebalance([(21, 0, 6), (22, 1, 4), (23, 2, 8)])
    assert r.moved == 6
    assert r.moves == [(21, 22, 2), (21, 23, 4)]
    assert [s[3] for s in r.specialists] == [0, 6, 12]
    with pytest.raises(fd.InvalidArgument, match=r"ids\[1\]"):
        fd.assign_rebalance([(1, 1, 1)] * 2)


def test_member_callbacks_attempts_and_assignments_R_PLN_2_R_PLN_3(store, site, system):
    clerk_id = store.add_staff(system, "F001", "王前台", "clerk")
    amy = store.add_staff(system, "K001", "林小美", "clerk")
    bob = store.add_staff(system, "K002", "周大𠮷", "clerk")
    clerk = fd.Actor(site, clerk_id, at=NOON - dt.timedelta(hours=3))
    cid = fd.add_callback(store, clerk, source="member", member=1, customer="王𠮷", number="１３９ ８７６５ ４３２１",
                          agreed_at=NOON)
    later = clerk.replace(at=TWO + dt.timedelta(minutes=5))
    assert [c.id for c in fd.callbacks_now(store, clerk.replace(at=NOON + dt.timedelta(minutes=10)))] == []
    assert [c.id for c in fd.callbacks_now(store, later)] == [cid]
    with pytest.raises(fd.InvalidArgument, match="R-PLN-2"):
        fd.callback_attempt(store, later, cid, "busy", placed_at=NOON + dt.timedelta(minutes=1))
    fd.callback_attempt(store, later, cid, "no_answer", placed_at=TWO)
    fd.callback_attempt(store, later, cid, "done", satisfaction="satisfied")
    with pytest.raises(fd.InvalidState):
        fd.close_callback(store, later, cid, "打不通")
    cov = fd.callback_coverage(store, later, NOON - dt.timedelta(days=1), NOON + dt.timedelta(days=1))
    assert (cov.members, cov.reached, cov.share_pct, cov.met) == (1, 1, 100, True)
    assert list(fd.callback_misses(store, later, NOON - dt.timedelta(days=1), NOON + dt.timedelta(days=1))) == []
    manager = fd.Actor(site, 0, at=NOON)
    sa = fd.add_specialist(store, manager, member_id=amy, level=1)
    fd.add_specialist(store, manager, member_id=bob, level=2)
    for i in range(3):
        org = fd.add_organisation(store, system, name=f"企业{i}")
        fd.assign_customer(store, clerk, organisation_id=org)
    preview = fd.specialist_leave(store, manager, sa)
    assert preview.specialists[0][3] == 0
    done = fd.specialist_leave(store, manager, sa, apply=True)
    assert done.moved == preview.moved
    assert len(list(fd.contact_misses(store, clerk.replace(at=NOON + dt.timedelta(days=30))))) == 3
