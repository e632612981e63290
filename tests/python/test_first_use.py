"""First use, as a new user meets it (issue 16): transactions that never drop work
silently, Policy as a mapping, no private pointers in constructors, journal(since=date),
messages naming what was called."""
import datetime as dt
import gc
import warnings

import pytest

import frontdesk
from frontdesk import Actor


def _site(s):
    site = s.add_site(Actor(0, at=dt.datetime(2026, 11, 20, 8, 0)), "park", "某某产业园")
    return site, Actor(site, at=dt.datetime(2026, 11, 20, 8, 0))


def test_closing_a_store_with_uncommitted_work_raises_and_rolls_back(db_path):
    with pytest.raises(frontdesk.InvalidState, match="fd_store_in_transaction.*rolled back"):
        with frontdesk.Store(db_path) as s:
            site, system = _site(s)
            s.begin()
            s.add_staff(system, "F001", "王小丽")
            assert s.in_transaction
    with frontdesk.Store(db_path) as s:
        assert list(s.staff_list(Actor(site, at=dt.datetime(2026, 11, 20, 9, 0)))) == []
        s.begin()
        with pytest.raises(frontdesk.InvalidState, match="not committed"):
            s.close()
        assert s.closed
        s.close()  # twice is harmless


def test_transaction_block_commits_on_success_and_rolls_back_on_an_exception(db_path):
    with frontdesk.Store(db_path) as s:
        site, system = _site(s)
        with s.transaction():
            s.add_staff(system, "F001", "王小丽")
        assert not s.in_transaction
        with pytest.raises(RuntimeError):
            with s.transaction():
                s.add_staff(system, "F002", "李四")
                raise RuntimeError("boom")
        # the old methods still work
        s.begin()
        s.add_staff(system, "F003", "张三")
        s.commit()
        assert [x.code for x in s.staff_list(system)] == ["F001", "F003"]
    # an exception leaving the store's block rolls back and propagates unchanged
    with pytest.raises(KeyError):
        with frontdesk.Store(db_path) as s:
            s.begin()
            s.add_staff(system, "F004", "赵六")
            raise KeyError("x")
    with frontdesk.Store(db_path) as s:
        assert [x.code for x in s.staff_list(system)] == ["F001", "F003"]


def test_a_finaliser_only_warns_about_uncommitted_work(db_path):
    s = frontdesk.Store(db_path)
    _, system = _site(s)
    s.begin()
    s.add_staff(system, "F001", "王小丽")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del s
        gc.collect()
    assert any(issubclass(w.category, ResourceWarning) and "uncommitted" in str(w.message) for w in caught)


def test_policy_is_a_full_mapping():
    p = frontdesk.Policy()
    keys = [k.key for k in frontdesk.policy_keys()]
    assert len(p) == len(keys) and list(p) == keys and list(p.keys()) == keys
    assert "call.max_rings" in p and "no.such" not in p and 5 not in p
    assert dict(p.items())["call.max_rings"] == 3 and len(list(p.values())) == len(keys)
    assert p.get("no.such", 7) == 7
    with pytest.raises(KeyError):
        p["no.such"]  # pylint: disable=pointless-statement
    with pytest.raises(frontdesk.NotFound):
        p["no.such"]  # pylint: disable=pointless-statement
    p["call.max_rings"] = 4
    assert p.overrides() == {"call.max_rings": 4}
    assert isinstance(p, __import__("collections.abc").abc.Mapping)


def test_public_constructors_take_no_private_pointer():
    with pytest.raises(TypeError):
        frontdesk.Policy(object())  # pylint: disable=too-many-function-args
    with pytest.raises(TypeError):
        frontdesk.DailyReport(object())
    with pytest.raises(TypeError):
        frontdesk.Records(object(), object(), object(), object())


def test_journal_since_a_date_is_the_sites_local_day(db_path):
    with frontdesk.Store(db_path) as s:
        site, system = _site(s)
        # naive = Shanghai time: 23:59 on the 20th, 00:00 and 08:00 on the 21st, the 22nd
        for i, t in enumerate([dt.datetime(2026, 11, 20, 23, 59), dt.datetime(2026, 11, 21, 0, 0),
                               dt.datetime(2026, 11, 21, 8, 0), dt.datetime(2026, 11, 22, 0, 0)]):
            s.journal_add(system.replace(at=t), "call", "log", entity_id=i + 1)
        got = [e.entity_id for e in s.journal(system, entity="call", since=dt.date(2026, 11, 21))]
        assert got == [2, 3, 4]
        got = [e.entity_id for e in s.journal(system, entity="call", since=dt.date(2026, 11, 21),
                                              until=dt.date(2026, 11, 21))]
        assert got == [2, 3]
        with pytest.raises(TypeError, match="since"):
            s.journal(system, since=dt.datetime(2026, 11, 21))


def test_messages_name_what_the_user_called():
    with pytest.raises(frontdesk.InvalidArgument, match="does not start with a mobile prefix"):
        frontdesk.phone_parse("12345678901")
    with frontdesk.Store(":memory:") as s:
        _, system = _site(s)
        with pytest.raises(frontdesk.NotFound, match="^fd_store_policy_set: key: no policy key") as e:
            s.set_policy(system, "no.such", 1)
        assert "fd_policy_describe" not in str(e.value)
        with pytest.raises(frontdesk.NotFound, match="^fd_store_policy_reset: key"):
            s.reset_policy(system, "no.such")
        with pytest.raises(TypeError, match="^value: expected an int, got str"):
            s.set_policy(system, "call.max_rings", "4")
        with pytest.raises(frontdesk.NotFound, match="^fd_store_site_date: site_id: no site 99"):
            s.site_date(99, 0)
        with pytest.raises(frontdesk.InvalidArgument, match="^date: 2026-02 has no day 30") as e:
            s.daily_report(system, "2026-02-30")
        assert "fd_date_parse" not in str(e.value)


@pytest.mark.parametrize("text, fen", [("12元5角", 1250), ("12元5角3分", 1253), ("12元零5分", 1205),
                                       ("5角", 50), ("3分", 3), ("1亿2000万元", 12000000000)])
def test_money_parse_accepts_digits_with_yuan_jiao_fen_R_FEE_4(text, fen):
    assert frontdesk.money_parse(text) == fen
