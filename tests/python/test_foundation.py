"""Foundation: errors, dates, store, journal, policy, report (issue 3)."""
import datetime as dt
import gc
import json
import sqlite3
import zoneinfo

import pytest

import frontdesk
from frontdesk import Actor, core
from conftest import T0


def test_version_matches_the_c_library():
    assert frontdesk.__version__ == core.fd_version()
    assert frontdesk.__version__.count(".") == 2


def test_error_hierarchy_carries_code_and_message():
    with pytest.raises(frontdesk.InvalidArgument) as ei:
        frontdesk.parse_date("2026-13-01")
    e = ei.value
    assert e.code == -1 and e.status == "FD_EINVAL"
    assert "month" in e.message and "13" in e.message
    assert isinstance(e, frontdesk.Error) and isinstance(e, ValueError)
    assert frontdesk.error_last() == (-1, e.message)
    frontdesk.clear_error()
    assert frontdesk.error_last() == (0, "")
    assert frontdesk.status_name(-2) == "FD_ENOTFOUND"


def test_every_code_maps_to_its_class():
    for code, cls in [(-1, frontdesk.InvalidArgument), (-2, frontdesk.NotFound), (-3, frontdesk.Conflict),
                      (-4, frontdesk.OutOfRange), (-5, frontdesk.NoMemory), (-6, frontdesk.StorageError),
                      (-7, frontdesk.Busy), (-8, frontdesk.InvalidState), (-9, frontdesk.PermissionDenied),
                      (-10, frontdesk.DataError)]:
        err = frontdesk.error_for(code, "m")
        assert type(err) is cls and err.code == code
        assert frontdesk.status_name(code) == cls.status


def test_dates_round_trip():
    assert frontdesk.parse_date("2026-02-14") == dt.date(2026, 2, 14)
    assert frontdesk.format_date(dt.date(2026, 2, 14)) == "2026-02-14"
    assert frontdesk.format_date("2024-02-29") == "2024-02-29"
    frontdesk.check_date(dt.date(9999, 12, 31))
    with pytest.raises(frontdesk.InvalidArgument, match="no day 29"):
        frontdesk.parse_date("2025-02-29")
    with pytest.raises(TypeError):
        frontdesk.format_date(20260214)


def test_store_creates_migrates_and_reopens(db_path):
    with frontdesk.Store(db_path) as s:
        assert s.schema_version == frontdesk.Store.schema_latest() >= 2
        s.add_site(Actor(0, at=T0), "park", "某某产业园")
    with frontdesk.Store(db_path, read_only=True) as s:
        assert s.site("park").name == "某某产业园"
        with pytest.raises(frontdesk.PermissionDenied):
            s.add_site(Actor(0, at=T0), "x", "y")


def test_store_refuses_newer_and_foreign_databases(tmp_path):
    newer = tmp_path / "newer.db"
    with frontdesk.Store(newer):
        pass
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 999")
    con.close()
    with pytest.raises(frontdesk.DataError, match="newer than this library"):
        frontdesk.Store(newer)
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.close()
    with pytest.raises(frontdesk.DataError, match="not a libfrontdesk"):
        frontdesk.Store(foreign)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(frontdesk.DataError, match="not a database"):
        frontdesk.Store(garbage)
    assert garbage.read_bytes() == b"this is not a database at all" * 100
    with pytest.raises(frontdesk.NotFound):
        frontdesk.Store(tmp_path / "missing.db", create=False)


def test_close_twice_and_garbage_collection_are_safe(db_path):
    s = frontdesk.Store(db_path)
    s.close()
    s.close()
    assert s.closed
    with pytest.raises(frontdesk.InvalidState):
        s.add_site(Actor(0, at=T0), "a", "b")
    for _ in range(50):
        frontdesk.Store(db_path)  # dropped without close: the finalizer frees it
        frontdesk.Policy()
    gc.collect()


def test_sites_and_staff_R_COM_1(store):
    site = store.add_site(Actor(0, at=T0), "hotel", "長沙大酒店", "Asia/Shanghai")
    s = store.site("hotel")
    assert s.id == site and s.name == "長沙大酒店" and s.time_zone == "Asia/Shanghai"
    assert s.created_at == T0 and s.created_by == 0
    assert store.site_by_id(site) == s
    assert store.default_site() == s
    assert list(store.sites()) == [s]
    # 2026-11-23 17:30 in Shanghai, and the next midnight there (R-COM-1).
    assert store.site_date(site, 1795426200) == dt.date(2026, 11, 23)
    assert store.site_date(site, dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.timezone.utc)) == dt.date(2026, 11, 24)
    with pytest.raises(frontdesk.NotFound):
        store.site_date(999, T0)
    system = Actor(site, at=T0)
    clerk = store.add_staff(system, "F001", "𠮷田花子", "clerk")
    st = store.staff(system, "F001")
    assert st.id == clerk and st.name == "𠮷田花子" and st.active and st.site_id == site
    assert st.created_by == 0 and st.created_at == T0
    assert store.staff_by_id(system, clerk) == st
    store.set_staff_active(system, clerk, False)
    assert not store.staff(system, "F001").active
    with pytest.raises(frontdesk.Conflict, match="F001"):
        store.add_staff(system, "F001", "王五")
    with pytest.raises(frontdesk.NotFound, match="site 999"):
        store.add_staff(Actor(999, at=T0), "F002", "王五")
    with pytest.raises(frontdesk.InvalidArgument, match="Mars/Olympus"):
        store.add_site(Actor(0, at=T0), "x", "y", "Mars/Olympus")
    with pytest.raises(frontdesk.InvalidArgument, match="site.code"):
        store.add_site(Actor(0, at=T0), "bad code!", "y")
    with pytest.raises(frontdesk.NotFound):
        store.site("nope")
    store.add_site(Actor(0, at=T0), "second", "二号楼")
    with pytest.raises(frontdesk.Conflict, match="several sites"):
        store.default_site()


def test_staff_record_who_added_them_R_COM_1(store, system):
    boss = store.add_staff(system, "M001", "李经理", "manager")
    with pytest.raises(frontdesk.PermissionDenied, match="'manage' grant"):
        store.add_staff(Actor(system.site_id, boss, at=T0), "F001", "王小丽")
    store.grant(system, "manager", frontdesk.Grant.MANAGE)
    clerk = store.add_staff(Actor(system.site_id, boss, at=T0, grants=frontdesk.Grant.MANAGE), "F001", "王小丽")
    assert store.staff_by_id(system, clerk).created_by == boss
    assert store.staff_by_id(system, clerk).role == "clerk"


def test_journal_is_append_only_R_COM_3(store, site, system, db_path):
    t = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)
    jid = store.journal_add(system.replace(at=t), "shift", "handover", detail="访客卡 20 张")
    entries = list(store.journal(system, entity="shift"))
    assert [e.id for e in entries] == [jid]
    assert entries[0].at == t and entries[0].detail == "访客卡 20 张" and entries[0].staff_id == 0
    assert store.journal_entry(system, jid) == entries[0]
    with pytest.raises(frontdesk.InvalidArgument, match="journal.entity"):
        store.journal_add(system, "Shift!", "handover")
    with pytest.raises(frontdesk.NotFound, match="staff_id"):
        store.journal_add(Actor(site, 12345, at=T0), "shift", "handover")
    con = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM journal")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE journal SET detail = 'x'")
    con.close()


def test_journal_filters(store, site, system):
    base = 1795363200
    for i in range(10):
        store.journal_add(system.replace(at=base + i * 3600), "call", "log", entity_id=i + 1)
    window = list(store.journal(system, entity="call", at_from=base + 3 * 3600, at_to=base + 6 * 3600))
    assert [e.entity_id for e in window] == [4, 5, 6]
    assert [e.entity_id for e in store.journal(system, entity="call", entity_id=7)] == [7]
    assert list(store.journal(system, entity="x" * 40)) == []
    with pytest.raises(TypeError, match="since"):
        store.journal(system, since=base)
    with pytest.raises(frontdesk.InvalidArgument, match="filter.entity"):
        store.journal(system, entity=None)


def test_transactions_commit_and_roll_back(store, site, system):
    with store.transaction():
        store.journal_add(system, "call", "log")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.journal_add(system, "call", "log")
            raise RuntimeError("boom")
    assert len(list(store.journal(system, entity="call"))) == 1
    with pytest.raises(frontdesk.InvalidState):
        store.commit()
    store.begin()
    with pytest.raises(frontdesk.InvalidState):
        store.begin()
    store.rollback()


def test_policy_defaults_ranges_and_site_overrides_R_CALL_1(store, site, system):
    keys = {k.key: k for k in frontdesk.policy_keys()}
    assert keys["call.max_rings"].default == 3 and keys["call.max_rings"].rule == "R-CALL-1"
    assert keys["complaint.major.resolve_days"].default == 10
    assert frontdesk.describe_policy("fee.custody_rate_pct").default == 70
    p = frontdesk.Policy()
    assert p["call.ring_period_s"] == 5 and p.is_default("call.ring_period_s")
    p["call.max_rings"] = 4
    assert p.get("call.max_rings") == 4 and not p.is_default("call.max_rings")
    q = p.copy()
    p["call.max_rings"] = 5
    assert q["call.max_rings"] == 4
    with pytest.raises(frontdesk.OutOfRange, match="1..20"):
        p["call.max_rings"] = 0
    with pytest.raises(frontdesk.NotFound, match="no.such"):
        p.get("no.such")
    clerk = Actor(site, store.add_staff(system, "F001", "王小丽"), at=T0)
    with pytest.raises(frontdesk.PermissionDenied, match="manage"):
        store.set_policy(clerk, "call.max_rings", 4)
    store.grant(system, "clerk", frontdesk.Grant.MANAGE)
    clerk = clerk.with_grants(frontdesk.Grant.MANAGE)
    store.set_policy(clerk, "call.max_rings", 4)
    assert store.policy(site)["call.max_rings"] == 4
    with pytest.raises(frontdesk.OutOfRange):
        store.set_policy(clerk, "call.max_rings", 99)
    store.reset_policy(clerk, "call.max_rings")
    assert store.policy(site)["call.max_rings"] == 3
    entries = list(store.journal(system, entity="policy"))
    assert [e.detail for e in entries] == ["call.max_rings: 3 -> 4", "call.max_rings: 4 -> 3"]
    assert {e.staff_id for e in entries} == {clerk.staff_id}


def test_daily_report_counts_the_local_day_R_COM_4(store, site, system):
    clerk = store.add_staff(system, "F001", "王小丽")
    # 2025-06-10 08:05 and 23:59 in Shanghai count; 2025-06-11 00:00 does not. Naive = site-local time.
    for local in ((2025, 6, 10, 8, 5), (2025, 6, 10, 23, 59), (2025, 6, 11, 0, 0)):
        store.journal_add(Actor(site, clerk, at=dt.datetime(*local)), "shift", "handover", detail="交接班")
    r = store.daily_report(system, dt.date(2025, 6, 10))
    assert r.total == 2
    d = r.to_dict()
    meta = {m["key"]: m["value"] for m in d["meta"]}
    assert meta["site"] == "某某产业园" and meta["date"] == "2025-06-10"
    sections = {s["key"]: s["tables"][0]["rows"] for s in d["sections"]}
    assert [e[0] for e in sections["journal.entries"]] == [1749513900, 1749571140]  # 08:05 and 23:59 local
    assert sections["journal.by_staff"][0][2] == "王小丽"
    assert "交接班" in r.text() and str(r) == r.text()
    json.loads(r.json())
    with pytest.raises(frontdesk.NotFound):
        store.daily_report(Actor(999, at=T0), "2025-06-10")
    with pytest.raises(frontdesk.InvalidArgument):
        store.daily_report(system, "2026-02-30")
    with pytest.warns(DeprecationWarning, match="daily_report"):
        assert store.daily_report(site, "2025-06-10").total == 2


def test_daily_report_masks_numbers_unless_revealed_R_COM_2(store, site, system):
    boss = store.add_staff(system, "M001", "赵主管", role="supervisor")
    store.grant(system, "supervisor", frontdesk.Grant.REVEAL)
    store.journal_add(system.replace(at=dt.datetime(2025, 6, 10, 9, 0)), "call", "log",
                      detail="业主来电 13912345678")
    masked = store.daily_report(system, "2025-06-10")
    assert "13912345678" not in masked.text() + masked.json() + masked.csv()
    assert "139****5678" in masked.text()
    # The journal keeps its details masked from the start (it is never purged): revealing shows no more.
    seen = store.daily_report(Actor(site, boss, at=T0).with_reveal("核对投诉"), "2025-06-10")
    assert "13912345678" not in seen.text() and "139****5678" in seen.text()
    assert list(store.reveals(system)) == []


def test_old_store_methods_warn_and_still_work(store):
    with pytest.warns(DeprecationWarning, match="add_site"):
        site = store.add_site("park", "某某产业园")
    with pytest.warns(DeprecationWarning, match="add_staff"):
        clerk = store.add_staff(site, "F001", "王小丽", "clerk")
    with pytest.warns(DeprecationWarning, match="staff"):
        assert store.staff(site, "F001").id == clerk
    with pytest.warns(DeprecationWarning, match="journal_append"):
        jid = store.journal_append(site, "shift", "handover", staff_id=clerk, entity_id=1, detail="d",
                                   at=1795426200)
    with pytest.warns(DeprecationWarning, match="journal"):
        old = list(store.journal(site_id=site, entity="shift", since=1795426200, until=1795426201))
    assert [e.id for e in old] == [jid] and old[0].staff_id == clerk
    with pytest.warns(DeprecationWarning):
        assert [e.id for e in store.journal(entity="shift")] == [jid]  # site 0: every site
    with pytest.warns(DeprecationWarning, match="set_policy"):
        store.set_policy(site, "call.max_rings", 4)  # the system; a clerk would need the manage grant
    assert store.policy(site)["call.max_rings"] == 4
    with pytest.warns(DeprecationWarning, match="reset_policy"):
        store.reset_policy(site, "call.max_rings")
    with pytest.warns(DeprecationWarning, match="set_staff_active"):
        store.set_staff_active(clerk, False)
    system = Actor(site, at=T0)
    assert not store.staff(system, "F001").active
    with pytest.warns(DeprecationWarning, match="site_date"):
        assert isinstance(store.site_date(site), dt.date)
