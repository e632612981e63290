"""The record platform from Python (issue 8): records, streams, filters, actors, masking, local time."""
import datetime as dt
import gc
import itertools

import pytest

import frontdesk
import frontdesk.store
from frontdesk import Actor, Grant, JournalEntry, JournalFilter, Site, Staff, core
from conftest import T0

UTC = dt.timezone.utc


@pytest.fixture
def clerk(store, system):
    """Actor: clerk 王小丽 of site 'park'."""
    return Actor(system.site_id, store.add_staff(system, "F001", "王小丽", "clerk"), at=T0)


@pytest.fixture
def supervisor(store, system):
    """Actor: supervisor 李强 of site 'park'."""
    return Actor(system.site_id, store.add_staff(system, "S001", "李强", "supervisor"), at=T0)


# -- records ---------------------------------------------------------------------------
def test_records_have_attributes_repr_equality(store, site):
    s = store.site_by_id(site)
    assert (s.id, s.code, s.name, s.time_zone, s.created_at, s.created_by) == \
        (site, "park", "某某产业园", "Asia/Shanghai", T0, 0)
    assert repr(s).startswith(f"Site(id={site}, code='park', name='某某产业园', ")
    assert s == store.site("park") and hash(s) == hash(store.site("park"))
    assert s != s.replace(name="别的") and s.replace(name="别的").name == "别的"
    assert s.as_dict()["code"] == "park"
    with pytest.raises(AttributeError, match="immutable"):
        s.name = "x"
    with pytest.raises(TypeError, match="no field colour"):
        Site(code="x", colour="red")
    assert [f.name for f in Staff.fields()] == ["id", "site_id", "code", "name", "role", "active", "created_at",
                                                 "created_by"]
    name = Staff.fields()[3]
    assert (name.label, name.max, name.pii, name.search, name.rule) == ("姓名", 200, "name", True, "R-COM-2")
    assert frontdesk.Site is frontdesk.store.Site and frontdesk.Store is frontdesk.store.Store
    for cls in (frontdesk.Store, Actor, Grant, Site, Staff, JournalEntry, frontdesk.Reveal, JournalFilter,
                frontdesk.Records, frontdesk.instant_from_local):
        assert cls.__doc__


def test_records_check_without_a_store_names_the_field():
    Site(code="park", name="某某产业园").check()
    with pytest.raises(frontdesk.InvalidArgument, match=r"site\.code"):
        Site(code="bad code!", name="x").check()
    with pytest.raises(frontdesk.InvalidArgument, match=r"staff\.name"):
        Staff(code="F1", role="clerk").check()
    with pytest.raises(frontdesk.OutOfRange, match=r"journal\.detail"):
        JournalEntry(entity="call", action="log", detail="长" * 2000).check()


# -- streams -----------------------------------------------------------------------------
def test_journal_of_500_streams_lazily_and_early_break_frees(store, system, monkeypatch):
    with store.transaction():
        for i in range(500):
            store.journal_add(system.replace(at=T0 + dt.timedelta(seconds=i)), "call", "log", entity_id=i + 1)
    calls = []
    real = JournalFilter._next
    monkeypatch.setattr(JournalFilter, "_next", staticmethod(lambda it: calls.append(1) or real(it)))
    it = store.journal(system, entity="call")
    assert calls == [] and iter(it) is it and not it.closed
    first = list(itertools.islice(it, 3))
    assert [e.entity_id for e in first] == [1, 2, 3] and len(calls) == 3
    it.close()
    assert it.closed and list(it) == []
    with store.journal(system, entity="call") as it:
        for e in it:
            if e.entity_id == 250:
                break
    assert it.closed
    for e in store.journal(system, entity="call"):  # dropped unclosed: the finalizer frees it
        break
    gc.collect()
    everything = store.journal(system, entity="call")
    assert sum(1 for _ in everything) == 500 and everything.closed


def test_iterators_outlive_their_store(db_path, site):
    """store.h: iterators stay valid after the store is closed, until they are freed."""
    with frontdesk.Store(db_path) as s:
        it = s.journal(Actor(site, at=T0))
    first = next(it)
    assert first.entity == "site"
    rest = list(it)
    assert it.closed and all(e.site_id == site for e in rest)


# -- filters -----------------------------------------------------------------------------
def test_filter_staff_id_0_matches_the_systems_entries(store, system, clerk):
    store.journal_add(system, "shift", "open")
    store.journal_add(clerk, "shift", "handover")
    assert [e.action for e in store.journal(system, entity="shift", staff_id=0)] == ["open"]
    assert [e.action for e in store.journal(system, entity="shift", staff_id=clerk.staff_id)] == ["handover"]
    assert [e.action for e in store.journal(system, entity="shift")] == ["open", "handover"]


def test_filter_ranges_take_aware_naive_and_int_instants(store, system):
    for h in range(6):  # 08:00 .. 13:00 in Shanghai
        store.journal_add(system.replace(at=dt.datetime(2026, 11, 23, 8 + h)), "call", "log", entity_id=h)
    naive = list(store.journal(system, entity="call", at_from=dt.datetime(2026, 11, 23, 9),
                               at_to=dt.datetime(2026, 11, 23, 11)))
    assert [e.entity_id for e in naive] == [1, 2]
    aware = store.journal(system, entity="call", at_from=dt.datetime(2026, 11, 23, 0, tzinfo=UTC))
    assert [e.entity_id for e in aware] == [0, 1, 2, 3, 4, 5]
    secs = store.journal(system, entity="call", at_to=int(dt.datetime(2026, 11, 23, 0, tzinfo=UTC).timestamp()))
    assert list(secs) == []
    with pytest.raises(frontdesk.InvalidArgument, match="filter.at_from"):
        store.journal(system, at_from=1.5)


def test_filter_after_and_limit_page_by_id(store, system):
    with store.transaction():
        for i in range(50):
            store.journal_add(system, "call", "log", entity_id=i)
    pages, after = [], 0
    while True:
        page = list(store.journal(system, entity="call", after=after, limit=20))
        if not page:
            break
        pages.append([e.entity_id for e in page])
        after = page[-1].id
    assert [len(p) for p in pages] == [20, 20, 10]
    assert list(itertools.chain(*pages)) == list(range(50))
    with pytest.raises(frontdesk.OutOfRange, match="limit"):
        store.journal(system, limit=-1)


def test_search_finds_staff_by_pinyin_initials(store, system, clerk):
    store.add_staff(system, "F002", "张伟", "clerk")
    assert [s.name for s in store.staff_list(system, search="wxl")] == ["王小丽"]
    assert [s.name for s in store.staff_list(system, search="王")] == ["王小丽"]
    assert [s.code for s in store.staff_list(system, role="clerk", active=True)] == ["F001", "F002"]
    assert [s.code for s in store.sites(search="mmcyy")] == ["park"]


# -- actors (R-COM-1) ------------------------------------------------------------------------
def test_actor_staff_of_another_site_is_refused_naming_both(store, system, clerk):
    other = store.add_site(Actor(0, at=T0), "tower", "二号楼")
    with pytest.raises(frontdesk.PermissionDenied, match=f"site {system.site_id}, not to site {other}"):
        store.journal_add(Actor(other, clerk.staff_id, at=T0), "call", "log")
    with pytest.raises(frontdesk.PermissionDenied, match="F001"):
        store.check_actor(Actor(other, clerk.staff_id, at=T0))
    store.check_actor(clerk)


def test_actor_deactivated_staff_cannot_act(store, system, clerk):
    store.set_staff_active(system, clerk.staff_id, False)
    with pytest.raises(frontdesk.PermissionDenied, match="not active"):
        store.journal_add(clerk, "call", "log")
    store.set_staff_active(system, clerk.staff_id, True)
    store.journal_add(clerk, "call", "log")


def test_actor_needs_an_instant(site):
    with pytest.raises(TypeError, match="at"):
        Actor(site)
    with pytest.raises(frontdesk.InvalidArgument, match="actor.at: is required"):
        Actor(site, at=None)
    with pytest.raises(frontdesk.InvalidArgument, match="whole seconds"):
        Actor(site, at=1795426200.5)
    with pytest.raises(frontdesk.OutOfRange, match="actor.at"):
        Actor(site, at=core.FD_INSTANT_MAX + 1)
    now = Actor.now(site, grants={Grant.MANAGE})
    assert now.at.tzinfo is UTC and now.grants == Grant.MANAGE and now.staff_id == 0
    a = Actor(site, 7, at=T0).with_reveal("回访")
    assert a.grants == Grant.REVEAL and a.reason == "回访" and a == Actor(site, 7, at=T0, grants=Grant.REVEAL,
                                                                         reason="回访")
    with pytest.raises(AttributeError):
        a.at = 0
    with pytest.raises(TypeError, match="Actor"):
        frontdesk.Store(":memory:").check_actor(site)


def test_naive_actor_time_is_site_local(store):
    ny = store.add_site(Actor(0, at=T0), "nyc", "Front desk", "America/New_York")
    jid = store.journal_add(Actor(ny, at=dt.datetime(2026, 7, 1, 9, 0)), "call", "log")
    assert store.journal_entry(Actor(ny, at=T0), jid).at == dt.datetime(2026, 7, 1, 13, 0, tzinfo=UTC)


# -- personal data (R-COM-2) ---------------------------------------------------------------
def test_personal_data_is_masked_unless_revealed_R_COM_2(store, system, supervisor, clerk):
    jid = store.journal_add(clerk, "call", "log", detail="来电 13800138000，身份证 11010519900101123X")
    masked = store.journal_entry(supervisor, jid).detail
    assert masked == "来电 138****8000，身份证 110105********123X"
    assert [e.detail for e in store.journal(system, entity="call")] == [masked]
    # Asking to reveal without the grant, or without a reason, is refused.
    with pytest.raises(frontdesk.PermissionDenied, match="supervisor"):
        store.journal_entry(supervisor.with_reveal("客户回访"), jid)
    assert not store.has_grant(system.site_id, "supervisor", Grant.REVEAL)
    store.grant(system, "supervisor", Grant.REVEAL)
    assert store.has_grant(system.site_id, "supervisor", Grant.REVEAL)
    assert not store.has_grant(system.site_id, "clerk", Grant.REVEAL)
    with pytest.raises(frontdesk.InvalidArgument, match="reason"):
        store.journal_entry(supervisor.with_reveal(""), jid)
    with pytest.raises(frontdesk.PermissionDenied):
        store.journal_entry(clerk.with_reveal("看看"), jid)
    revealer = supervisor.replace(at=T0 + dt.timedelta(minutes=5)).with_reveal("客户回访")
    # The journal is never purged: its details are masked as they are written, so a reveal shows no more.
    assert store.journal_entry(revealer, jid).detail == masked
    assert list(store.reveals(system)) == []
    # A name where the site masks names is revealed, each reveal logged.
    store.set_policy(system, "pii.mask_names", 1)
    assert store.staff_by_id(supervisor, clerk.staff_id).name != "王小丽"
    assert store.staff_by_id(revealer, clerk.staff_id).name == "王小丽"
    assert store.staff(revealer, "F001").name == "王小丽"
    store.set_policy(system, "pii.mask_names", 0)
    log = list(store.reveals(system))
    assert [(r.record, r.record_id, r.field, r.staff_id, r.reason, r.at) for r in log] == \
        [("staff", clerk.staff_id, "name", supervisor.staff_id, "客户回访", revealer.at)] * 2
    assert store.reveal_entry(system, log[0].id) == log[0]
    assert [r.id for r in store.reveals(system, staff_id=supervisor.staff_id, after=log[0].id)] == [log[1].id]
    store.grant(system, "supervisor", Grant.REVEAL, on=False)
    assert not store.has_grant(system.site_id, "supervisor", Grant.REVEAL)
    assert [e.action for e in store.journal(system, entity="grant")] == ["give", "take"]


def test_staff_names_are_masked_when_the_site_says_so_R_COM_2(store, system, clerk):
    assert store.staff_by_id(system, clerk.staff_id).name == "王小丽"
    store.set_policy(system, "pii.mask_names", 1)
    assert store.staff_by_id(system, clerk.staff_id).name != "王小丽"
    assert list(store.reveals(system)) == []


def test_grant_names_R_COM_2():
    assert Grant.REVEAL.code == "reveal" and Grant.MANAGE.code == "manage"
    assert core.fd_grant_name(99) is None


# -- site-local time ---------------------------------------------------------------------------
def test_instant_helpers_in_shanghai():
    at = frontdesk.instant_from_local("Asia/Shanghai", dt.datetime(2026, 11, 23, 17, 30))
    assert at == dt.datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    assert frontdesk.instant_from_local("Asia/Shanghai", dt.date(2026, 11, 23), dt.time(17, 30)) == at
    local = frontdesk.instant_to_local("Asia/Shanghai", at)
    assert local.replace(tzinfo=None) == dt.datetime(2026, 11, 23, 17, 30)
    assert local.utcoffset() == dt.timedelta(hours=8)
    assert frontdesk.format_instant("Asia/Shanghai", at) == "2026-11-23T17:30:00+08:00"
    assert frontdesk.format_instant("Asia/Shanghai", 0) == "1970-01-01T08:00:00+08:00"
    with pytest.raises(frontdesk.InvalidArgument, match="Mars/Olympus"):
        frontdesk.format_instant("Mars/Olympus", at)
    with pytest.raises(frontdesk.InvalidArgument, match="tzinfo"):
        frontdesk.instant_from_local("Asia/Shanghai", at)
    frontdesk.check_instant(core.FD_INSTANT_MAX)
    with pytest.raises(frontdesk.OutOfRange):
        frontdesk.check_instant(core.FD_INSTANT_MAX + 1)


def test_instant_helpers_skipped_and_repeated_hour_in_new_york():
    ny = "America/New_York"
    skipped = frontdesk.instant_from_local(ny, dt.datetime(2026, 3, 8, 2, 30))
    assert frontdesk.format_instant(ny, skipped) == "2026-03-08T03:30:00-04:00"
    repeated = frontdesk.instant_from_local(ny, dt.datetime(2026, 11, 1, 1, 30))
    assert repeated == dt.datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # the first 01:30, EDT
    assert frontdesk.instant_to_local(ny, repeated).utcoffset() == dt.timedelta(hours=-4)
    assert frontdesk.instant_to_local(ny, repeated + dt.timedelta(hours=1)).utcoffset() == dt.timedelta(hours=-5)


def test_site_date_converts_a_datetime_in_the_sites_zone(store, site):
    # 2026-02-23 17:00 UTC is already the 24th in Shanghai: converted, not truncated.
    assert store.site_date(site, dt.datetime(2026, 2, 23, 17, 0, tzinfo=UTC)) == dt.date(2026, 2, 24)
    assert store.site_date(site, dt.datetime(2026, 2, 23, 23, 59)) == dt.date(2026, 2, 23)


def test_a_datetime_where_a_date_is_expected_is_converted_in_the_zone():
    from frontdesk import _records
    d = _records.to_date(dt.datetime(2026, 2, 23, 17, 0, tzinfo=UTC), "x", "Asia/Shanghai")
    assert (d.year, d.month, d.day) == (2026, 2, 24)
    d = _records.to_date(dt.datetime(2026, 2, 23, 17, 0), "x", "Asia/Shanghai")  # naive: already local
    assert (d.year, d.month, d.day) == (2026, 2, 23)
    assert _records._from_c_value("date", _records.to_date("2024-02-29", "x")) == dt.date(2024, 2, 29)


def test_every_public_name_of_frontdesk_store_has_a_docstring():
    import inspect
    missing = []
    for name in frontdesk.store.__all__:
        obj = getattr(frontdesk.store, name)
        if not obj.__doc__:
            missing.append(name)
        for attr, member in vars(obj).items() if inspect.isclass(obj) else ():
            if not attr.startswith("_") and callable(getattr(member, "__func__", member)) and \
                    not getattr(getattr(member, "__func__", member), "__doc__", None):
                missing.append(f"{name}.{attr}")
            if isinstance(member, property) and not attr.startswith("_") and not member.__doc__:
                missing.append(f"{name}.{attr}")
    assert missing == []


# -- issue 17: the journal chain, verify, read-only and quick-check opens -------------------
def test_verify_finds_a_rewritten_entry_R_COM_3(db_path, site):
    import sqlite3
    with frontdesk.Store(db_path) as s:
        for i in range(3):
            s.journal_add(Actor(site, at=T0 + dt.timedelta(seconds=i)), "call", "log", entity_id=i, detail="来电")
        r = s.verify()
        assert r.ok and r.entries == 4 and r.first_bad_id == 0 and len(r.head) == 64
        assert s.uuid == r.uuid and len(r.uuid) == 36
    db = sqlite3.connect(db_path)
    db.executescript("DROP TRIGGER journal_append_only_update; UPDATE journal SET detail = 'REWRITTEN' WHERE id = 3;")
    db.close()
    with pytest.raises(frontdesk.DataError, match="trigger journal_append_only_update is missing"):
        frontdesk.Store(db_path)
    with frontdesk.Store(db_path, read_only=True, quick_check=True) as s:
        r = s.verify()
        assert not r.ok and r.first_bad_id == 3 and not r.triggers_ok and "altered" in r.problem
