"""Foundation: errors, dates, store, journal, policy, report (issue 3)."""
import datetime as dt
import gc
import json
import sqlite3
import zoneinfo

import pytest

import frontdesk
from frontdesk import core


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
        assert s.schema_version == frontdesk.Store.schema_latest() >= 1
        s.add_site("park", "某某产业园")
    with frontdesk.Store(db_path, read_only=True) as s:
        assert s.site("park").name == "某某产业园"
        with pytest.raises(frontdesk.PermissionDenied):
            s.add_site("x", "y")


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
        s.add_site("a", "b")
    for _ in range(50):
        frontdesk.Store(db_path)  # dropped without close: the finalizer frees it
        frontdesk.Policy()
    gc.collect()


def test_sites_and_staff_R_COM_1(store):
    site = store.add_site("hotel", "長沙大酒店", "Asia/Shanghai")
    s = store.site("hotel")
    assert s.id == site and s.name == "長沙大酒店" and s.time_zone == "Asia/Shanghai"
    assert s.created_at.tzinfo is not None
    assert store.site_by_id(site) == s
    assert store.default_site() == s
    # 2026-11-23 17:30 in Shanghai, and the next midnight there (R-COM-1).
    assert store.site_date(site, 1795426200) == dt.date(2026, 11, 23)
    assert store.site_date(site, dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.timezone.utc)) == dt.date(2026, 11, 24)
    assert isinstance(store.site_date(site), dt.date)
    with pytest.raises(frontdesk.NotFound):
        store.site_date(999)
    clerk = store.add_staff(site, "F001", "𠮷田花子", "clerk")
    st = store.staff(site, "F001")
    assert st.id == clerk and st.name == "𠮷田花子" and st.active
    store.set_staff_active(clerk, False)
    assert not store.staff(site, "F001").active
    with pytest.raises(frontdesk.Conflict, match="F001"):
        store.add_staff(site, "F001", "王五")
    with pytest.raises(frontdesk.NotFound, match="site 999"):
        store.add_staff(999, "F002", "王五")
    with pytest.raises(frontdesk.InvalidArgument, match="Mars/Olympus"):
        store.add_site("x", "y", "Mars/Olympus")
    with pytest.raises(frontdesk.InvalidArgument, match="code"):
        store.add_site("bad code!", "y")
    with pytest.raises(frontdesk.NotFound):
        store.site("nope")
    store.add_site("second", "二号楼")
    with pytest.raises(frontdesk.Conflict, match="several sites"):
        store.default_site()


def test_journal_is_append_only_R_COM_3(store, site, db_path):
    t = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)
    jid = store.journal_append(site, "shift", "handover", detail="访客卡 20 张", at=t)
    entries = list(store.journal(site_id=site, entity="shift"))
    assert [e.id for e in entries] == [jid]
    assert entries[0].at == t and entries[0].detail == "访客卡 20 张" and entries[0].staff_id == 0
    with pytest.raises(frontdesk.InvalidArgument, match="naive"):
        store.journal_append(site, "shift", "handover", at=dt.datetime(2026, 1, 1))
    with pytest.raises(frontdesk.InvalidArgument, match="entity"):
        store.journal_append(site, "Shift!", "handover")
    with pytest.raises(frontdesk.NotFound, match="staff_id"):
        store.journal_append(site, "shift", "handover", staff_id=12345)
    con = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM journal")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE journal SET detail = 'x'")
    con.close()


def test_journal_filters(store, site):
    base = 1795363200
    for i in range(10):
        store.journal_append(site, "call", "log", entity_id=i + 1, at=base + i * 3600)
    window = list(store.journal(site_id=site, entity="call", since=base + 3 * 3600, until=base + 6 * 3600))
    assert [e.entity_id for e in window] == [4, 5, 6]
    assert [e.entity_id for e in store.journal(entity="call", entity_id=7)] == [7]
    with pytest.raises(frontdesk.InvalidArgument):
        list(store.journal(entity="x" * 40))


def test_transactions_commit_and_roll_back(store, site):
    with store.transaction():
        store.journal_append(site, "call", "log")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.journal_append(site, "call", "log")
            raise RuntimeError("boom")
    assert len(list(store.journal(entity="call"))) == 1
    with pytest.raises(frontdesk.InvalidState):
        store.commit()
    store.begin()
    with pytest.raises(frontdesk.InvalidState):
        store.begin()
    store.rollback()


def test_policy_defaults_ranges_and_site_overrides_R_CALL_1(store, site):
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
    clerk = store.add_staff(site, "F001", "王小丽")
    store.set_policy(site, "call.max_rings", 4, clerk)
    assert store.policy(site)["call.max_rings"] == 4
    with pytest.raises(frontdesk.OutOfRange):
        store.set_policy(site, "call.max_rings", 99, clerk)
    store.reset_policy(site, "call.max_rings", clerk)
    assert store.policy(site)["call.max_rings"] == 3
    details = [e.detail for e in store.journal(entity="policy")]
    assert details == ["call.max_rings: 3 -> 4", "call.max_rings: 4 -> 3"]


def test_daily_report_counts_the_local_day_R_COM_4(store, site):
    clerk = store.add_staff(site, "F001", "王小丽")
    sh = zoneinfo.ZoneInfo("Asia/Shanghai")
    # 2025-06-10 08:05 and 23:59 in Shanghai count; 2025-06-11 00:00 does not.
    for local in ((2025, 6, 10, 8, 5), (2025, 6, 10, 23, 59), (2025, 6, 11, 0, 0)):
        store.journal_append(site, "shift", "handover", staff_id=clerk, at=dt.datetime(*local, tzinfo=sh),
                             detail="交接班")
    r = store.daily_report(site, dt.date(2025, 6, 10))
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
        store.daily_report(999, "2025-06-10")
    with pytest.raises(frontdesk.InvalidArgument):
        store.daily_report(site, "2026-02-30")
