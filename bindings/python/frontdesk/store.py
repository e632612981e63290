"""The site database: sites, staff, actors and grants, the journal, the access
log of reveals (R-COM-2), stored policy, transactions, and site-local time.

Every write, and every read of records that hold personal data, takes an
:class:`Actor`: the site, the member of staff (0 = the system), the instant of
the action and the grants asked for. The library never reads the clock inside
a write; :meth:`Actor.now` reads it where you can see it.

Time: instants are aware ``datetime`` objects (returned in UTC) or ``int`` UTC
seconds. A **naive** ``datetime`` means local time at the site the call is
about (its time zone; Asia/Shanghai by default), placed by the library's rule
for the skipped and repeated hour (see :func:`instant_from_local`). Floats
are refused, never truncated.

Records (:class:`Site`, :class:`Staff`, :class:`JournalEntry`,
:class:`Reveal`) are generated from libfrontdesk/records/store.rec; queries
return :class:`Records`, a stream. Personal data comes back masked
(``138****8000``) unless the actor holds :attr:`Grant.REVEAL`, given to the
actor's role with :meth:`Store.grant`; every reveal lands in :meth:`Store.reveals`.
"""

import contextlib
import datetime as _dt
import enum
import heapq
import os as _os
import warnings
from typing import NamedTuple

from . import core as _c
from ._convert import Handle
from ._records import DEFAULT_ZONE, Records, from_seconds, integer, local_time, to_seconds
from ._store_records import (JournalEntry, JournalFilter, Reveal, RevealFilter, Site, SiteFilter, Staff,
                             StaffFilter)
from .errors import ArgumentTypeError, DataError, InvalidArgument, InvalidState, NotFound
from .policy import Policy
from .report import DailyReport

__all__ = ["Store", "VerifyReport", "Actor", "Grant", "Records", "Site", "SiteFilter", "Staff", "StaffFilter", "JournalEntry",
           "JournalFilter", "Reveal", "RevealFilter", "instant_from_local", "instant_to_local", "format_instant",
           "check_instant"]

_MISSING = object()


def _deprecated(old, new):
    warnings.warn(f"Store.{old} is deprecated; use Store.{new}", DeprecationWarning, stacklevel=3)


class Grant(enum.IntFlag):
    """Grants an actor may ask to use; a site gives them to roles (:meth:`Store.grant`).

    ``REVEAL``: see personal data unmasked (R-COM-2; every reveal is logged).
    ``MANAGE``: give and take grants at the site.
    """

    REVEAL = _c.FD_GRANT_REVEAL
    MANAGE = _c.FD_GRANT_MANAGE

    @property
    def code(self):
        """The library's name of a single grant ('reveal', 'manage'), None for a combination."""
        return _c.fd_grant_name(int(self))


class Actor:
    """Who acts, where and when (R-COM-1), and with which grants.

    ``site``: the site (id or :class:`Site`); 0 only to add the first site.
    ``staff``: the member of staff (id or :class:`Staff`); 0 = the system.
    ``at``: the instant of the action, required: aware datetime, int UTC
    seconds, or a naive datetime in the site's local time.
    ``grants``: :class:`Grant` flags, or an iterable of them.
    ``reason``: why personal data is revealed; required with ``Grant.REVEAL``, logged.

    Staff act only at their own site and only while active (PermissionDenied
    naming both otherwise). Actors are immutable: see :meth:`with_reveal`.
    """

    __slots__ = ("site_id", "staff_id", "at", "grants", "reason")

    def __init__(self, site, staff=0, *, at, grants=Grant(0), reason=None):
        if at is None:
            raise InvalidArgument("actor.at: is required (the instant of the action); Actor.now() reads the clock",
                                  -1)
        if not isinstance(at, _dt.datetime) or at.utcoffset() is not None:
            to_seconds(at, "actor.at")  # refuse floats and out-of-range instants now, not at the write
        g = Grant(0)
        for one in ([grants] if isinstance(grants, (int, Grant)) else grants):
            g |= Grant(one)
        for name, value in (("site_id", integer(site, "actor.site")), ("staff_id", integer(staff, "actor.staff")),
                            ("at", at), ("grants", g), ("reason", reason)):
            object.__setattr__(self, name, value)

    @classmethod
    def now(cls, site, staff=0, *, grants=Grant(0), reason=None):
        """An actor acting now (reads the system clock, in UTC)."""
        return cls(site, staff, at=_dt.datetime.now(_dt.timezone.utc).replace(microsecond=0), grants=grants,
                   reason=reason)

    def replace(self, **changes):
        """A copy with some of site, staff, at, grants, reason changed."""
        kw = {"site": self.site_id, "staff": self.staff_id, "at": self.at, "grants": self.grants,
              "reason": self.reason}
        kw.update(changes)
        return Actor(kw.pop("site"), kw.pop("staff"), **kw)

    def with_reveal(self, reason):
        """The same actor asking to see personal data, for ``reason`` (logged with each reveal)."""
        return self.replace(grants=self.grants | Grant.REVEAL, reason=reason)

    def with_grants(self, *grants):
        """The same actor asking to use ``grants`` as well."""
        return self.replace(grants=[self.grants, *grants])

    def __setattr__(self, name, value):
        raise AttributeError("Actor is immutable; use replace()")

    def _key(self):
        return (self.site_id, self.staff_id, self.at, self.grants, self.reason)

    def __eq__(self, other):
        return self._key() == other._key() if isinstance(other, Actor) else NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return (f"Actor(site={self.site_id}, staff={self.staff_id}, at={self.at!r}, grants={self.grants!r}, "
                f"reason={self.reason!r})")

    def _to_c(self, zone=None):
        """A C fd_actor (owning a copy of the reason); ``zone`` places a naive ``at``."""
        a = _c.fd_actor()
        _c.fd_actor_init(a, _c.FD_ACTOR_VERSION)
        a.site_id, a.staff_id = self.site_id, self.staff_id
        a.at = to_seconds(self.at, "actor.at", zone)
        a.grants, a.reason = int(self.grants), self.reason
        return a


class VerifyReport(NamedTuple):
    """What Store.verify() found. ``head`` is the last entry's hash: record it elsewhere to anchor the chain."""

    ok: bool
    entries: int
    first_bad_id: int  # 0 when none
    integrity_ok: bool
    triggers_ok: bool
    problem: str
    uuid: str
    head: str


class Store(Handle):
    """An open site database. Use as ``with Store("site.db") as s: ...``.

    ``create``: create the file when missing; ``read_only``: open read-only;
    ``synchronous_full``: fsync on every commit; ``busy_timeout_ms``: how long
    to wait for another writer; ``quick_check``: refuse a corrupt file at open;
    ``key_file``: the file holding the key that encrypts kept ID numbers (outside
    the database, mode 0600; None: $FRONTDESK_KEY_FILE if set).
    Used by one thread at a time.
    """

    _free = staticmethod(_c.fd_store_close)

    def __init__(self, path, *, create=True, read_only=False, synchronous_full=False, busy_timeout_ms=5000,
                 quick_check=False, key_file=None):
        opts = _c.fd_store_options()
        _c.fd_store_options_init(opts, _c.FD_STORE_OPTIONS_VERSION)
        opts.create, opts.read_only = int(create), int(read_only)
        opts.synchronous_full, opts.busy_timeout_ms = int(synchronous_full), busy_timeout_ms
        opts.quick_check = int(quick_check)
        opts.key_file = None if key_file is None else _os.fspath(key_file)
        super().__init__(_c.fd_store_open(str(path), opts))
        self.path = str(path)

    # -- integrity (R-COM-3) -------------------------------------------------------
    def verify(self):
        """Checks integrity, the protecting triggers and the journal's hash chain; returns a VerifyReport
        (``ok`` False names the first problem and the first altered, removed or inserted entry)."""
        r = _c.fd_store_verify_report()
        _c.fd_store_verify_report_init(r, _c.FD_STORE_VERIFY_REPORT_VERSION)
        try:
            _c.fd_store_verify(r, self._handle())
            ok = True
        except DataError:
            ok = False
        return VerifyReport(ok, r.entries, r.first_bad_id, bool(r.integrity_ok), bool(r.triggers_ok), r.problem,
                            r.uuid, r.head)

    @property
    def uuid(self):
        """The database's UUID, given at creation (str, 8-4-4-4-12 hex)."""
        return _c.fd_store_uuid(self._handle())

    # -- schema and transactions ------------------------------------------------
    @property
    def schema_version(self):
        """The schema version of the open database."""
        return _c.fd_store_schema_version(self._handle())

    @staticmethod
    def schema_latest():
        """The newest schema version this library knows."""
        return _c.fd_store_schema_latest()

    @property
    def in_transaction(self):
        """Whether a transaction begun with :meth:`begin` is open (uncommitted)."""
        return bool(_c.fd_store_in_transaction(self._handle()))

    def close(self):
        """Closes the database; closing twice is harmless.

        Work of a transaction begun with :meth:`begin` and neither committed nor
        rolled back is never dropped silently: it is rolled back, the store is
        closed, and :class:`InvalidState` says so. (Unlike ``sqlite3``, whose
        connection used as a context manager commits; use :meth:`transaction`.)
        """
        ptr = self._ptr
        if ptr is None:
            return
        self._ptr = None
        try:
            open_tx = _c.fd_store_in_transaction(ptr)
            if open_tx:
                _c.fd_store_rollback(ptr)
        finally:
            _c.fd_store_close(ptr)
        if open_tx:
            raise InvalidState("Store.close: a transaction was begun and not committed (fd_store_in_transaction); "
                               "its work was rolled back. Commit it, or use 'with store.transaction():'", -8)

    def __exit__(self, exc_type, exc, tb):
        """Closes the store. Leaving the block with an uncommitted transaction rolls it back and raises
        InvalidState, unless an exception is already on its way out (then the rollback is what it asks for)."""
        if exc_type is not None:
            ptr = self._ptr
            if ptr is not None and _c.fd_store_in_transaction(ptr):
                _c.fd_store_rollback(ptr)
        self.close()
        return False

    def __del__(self):
        ptr = getattr(self, "_ptr", None)
        if ptr is None:
            return
        self._ptr = None
        try:
            if _c.fd_store_in_transaction(ptr):
                warnings.warn(f"Store({getattr(self, 'path', '?')!r}) was garbage collected with an uncommitted "
                              "transaction; its work was rolled back", ResourceWarning, stacklevel=2)
        except Exception:  # noqa: BLE001  a finaliser only logs, never raises
            pass
        finally:
            _c.fd_store_close(ptr)

    def begin(self):
        """Starts a transaction (BEGIN IMMEDIATE). Prefer ``with store.transaction():``; a transaction
        begun here and never committed is rolled back when the store closes, and close() raises
        InvalidState saying so."""
        _c.fd_store_begin(self._handle())

    def commit(self):
        """Commits the open transaction."""
        _c.fd_store_commit(self._handle())

    def rollback(self):
        """Rolls back the open transaction."""
        _c.fd_store_rollback(self._handle())

    @contextlib.contextmanager
    def transaction(self):
        """``with store.transaction():`` commits on success, rolls back on an exception (which propagates).

        Like ``with sqlite3.connect(p) as con:`` in what it commits, but explicit:
        leaving a ``with Store(...)`` block never commits anything."""
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # -- actors and grants (R-COM-1, R-COM-2) -----------------------------------
    def _zone(self, site_id):
        """The site's time zone, looked up only when a naive datetime needs it."""
        return lambda: (self.site_by_id(site_id).time_zone or DEFAULT_ZONE) if site_id else DEFAULT_ZONE

    def _actor(self, actor):
        if not isinstance(actor, Actor):
            raise TypeError(f"actor: expected an Actor, got {type(actor).__name__}")
        return actor._to_c(self._zone(actor.site_id))

    def check_actor(self, actor):
        """Checks an actor as a write would; raises PermissionDenied, NotFound ... naming the problem."""
        _c.fd_store_actor_check(self._handle(), self._actor(actor))

    def grant(self, actor, role, grant, on=True):
        """Gives (or with ``on=False`` takes back) ``grant`` to ``role`` at the actor's site; journaled."""
        _c.fd_store_grant_set(self._handle(), self._actor(actor), role, int(Grant(grant)), int(bool(on)))

    def has_grant(self, site_id, role, grant):
        """Whether ``role`` holds ``grant`` at the site."""
        return bool(_c.fd_store_grant_has(self._handle(), integer(site_id, "site_id"), role, int(Grant(grant))))

    # -- sites (R-COM-1) ----------------------------------------------------------
    def add_site(self, actor, code, name=None, time_zone=None):
        """Adds a site and returns its id; ``time_zone`` None means Asia/Shanghai.

        The actor is the system at site 0 (``Actor(0, at=...)``) or staff of
        another site. Deprecated: ``add_site(code, name, time_zone)``.
        """
        if isinstance(actor, str):
            _deprecated("add_site(code, name, time_zone)", "add_site(actor, code, name, time_zone)")
            actor, code, name, time_zone = Actor.now(0), actor, code, name
        return _c.fd_store_site_add(self._handle(), self._actor(actor),
                                    Site(code=code, name=name, time_zone=time_zone)._to_c())

    def site(self, code):
        """The Site with this code; NotFound when there is none."""
        return Site._own(_c.fd_store_site_get_by_code(self._handle(), code))

    def site_by_id(self, site_id):
        """The Site with this id."""
        return Site._get(self._handle(), None, site_id)

    def default_site(self):
        """The database's only site; NotFound when none, Conflict when several."""
        return Site._own(_c.fd_store_site_default(self._handle()))

    def sites(self, **filter):
        """The sites matching ``filter`` (SiteFilter keywords: code=, search=, after=, limit= ...), streamed."""
        return SiteFilter._iterate(self._handle(), None, **filter)

    def site_date(self, site_id, at=_MISSING):
        """The site's local date (datetime.date) of instant ``at``: what "today" means there."""
        if at is _MISSING:
            _deprecated("site_date(site_id)", "site_date(site_id, at)")
            at = Actor.now(site_id).at
        return _c.fd_store_site_date(self._handle(), integer(site_id, "site_id"),
                                     to_seconds(at, "at", self._zone(site_id)))

    # -- staff (R-COM-1) ----------------------------------------------------------
    def add_staff(self, actor, code, name, role="clerk"):
        """Adds a member of staff to the actor's site; returns the id. ``created_by`` is the actor.

        Deprecated: ``add_staff(site_id, code, name, role)`` (acts as the system, now).
        """
        if not isinstance(actor, Actor):
            _deprecated("add_staff(site_id, ...)", "add_staff(actor, ...)")
            actor = Actor.now(actor)
        return _c.fd_store_staff_add(self._handle(), self._actor(actor),
                                     Staff(code=code, name=name, role=role)._to_c())

    def staff(self, actor, code):
        """The member of staff of the actor's site with this staff code (name masked per policy).

        Deprecated: ``staff(site_id, code)``.
        """
        if not isinstance(actor, Actor):
            _deprecated("staff(site_id, code)", "staff(actor, code)")
            actor = Actor.now(actor)
        return Staff._own(_c.fd_store_staff_get_by_code(self._handle(), self._actor(actor), code))

    def staff_by_id(self, actor, staff_id):
        """The member of staff with this id, at the actor's site."""
        return Staff._get(self._handle(), self._actor(actor), staff_id)

    def staff_list(self, actor, **filter):
        """Staff of the actor's site matching ``filter`` (StaffFilter keywords: role=, active=,
        search="wxl" ...), streamed."""
        return StaffFilter._iterate(self._handle(), self._actor(actor), self._zone(actor.site_id), **filter)

    def set_staff_active(self, actor, staff_id, active=None):
        """Marks staff active or not (R-COM-3: never deleted); journaled.

        Deprecated: ``set_staff_active(staff_id, active, by_staff_id=0)``.
        """
        if not isinstance(actor, Actor):
            _deprecated("set_staff_active(staff_id, active, by_staff_id)", "set_staff_active(actor, staff_id, active)")
            actor, staff_id, active = Actor.now(self._site_of_staff(actor), active or 0), actor, staff_id
        _c.fd_store_staff_set_active(self._handle(), self._actor(actor), integer(staff_id, "staff_id"),
                                     int(bool(active)))

    def _site_of_staff(self, staff_id):
        for site in self.sites():
            try:
                return self.staff_by_id(Actor.now(site.id), staff_id).site_id
            except NotFound:
                continue
        raise NotFound(f"set_staff_active: staff_id: no staff {staff_id}", -2)

    # -- the journal (R-COM-1, R-COM-3) and the access log (R-COM-2) -------------
    def journal_add(self, actor, entity, action, entity_id=0, detail=None):
        """Appends a journal entry at the actor's site, time and staff; returns its id."""
        entry = JournalEntry(entity=entity, action=action, entity_id=entity_id, detail=detail)
        return _c.fd_store_journal_add(self._handle(), self._actor(actor), entry._to_c())

    def journal_entry(self, actor, entry_id):
        """One JournalEntry of the actor's site by id (details masked unless revealed)."""
        return JournalEntry._get(self._handle(), self._actor(actor), entry_id)

    def journal(self, actor=None, **filter):
        """Journal entries of the actor's site, oldest first, streamed (details masked unless revealed).

        ``filter``: JournalFilter keywords: ``staff_id=0`` (the system), ``entity=``,
        ``entity_id=``, ``action=``, ``at_from=``/``at_to=`` ([from, to)), ``after=``, ``limit=``.
        ``since=``/``until=`` (``datetime.date``): the site's local days, from ``since`` 00:00 to the
        end of ``until``, in the site's time zone.

        Deprecated: ``journal(site_id=0, since=None, until=None, entity="", entity_id=0)``
        (all sites when site_id is 0).
        """
        if isinstance(actor, Actor):
            zone = self._zone(actor.site_id)
            for name, key, days in (("since", "at_from", 0), ("until", "at_to", 1)):
                day = filter.pop(name, None)
                if day is None:
                    continue
                if isinstance(day, _dt.datetime) or not isinstance(day, _dt.date):
                    raise ArgumentTypeError(f"{name}: expected a datetime.date (a day at the site), got "
                                            f"{type(day).__name__}; use {key}= for an instant", -1)
                if key in filter:
                    raise InvalidArgument(f"{name}: give {name}= or {key}=, not both", -1)
                filter[key] = instant_from_local(zone(), day + _dt.timedelta(days=days))
            return JournalFilter._iterate(self._handle(), self._actor(actor), zone, **filter)
        _deprecated("journal(site_id, since, until, entity, entity_id)", "journal(actor, **filter)")
        return self._journal_old(actor or filter.pop("site_id", 0), **filter)

    def _journal_old(self, site_id, since=None, until=None, entity="", entity_id=0):
        f = {k: v for k, v in (("at_from", since), ("at_to", until), ("entity", entity or None),
                               ("entity_id", entity_id or None)) if v is not None}
        sites = [site_id] if site_id else [s.id for s in self.sites()]
        streams = [self.journal(Actor.now(s), **f) for s in sites]
        return heapq.merge(*streams, key=lambda e: e.id)

    def journal_append(self, site_id, entity, action, *, staff_id=0, entity_id=0, detail=None, at=None):
        """Deprecated: use :meth:`journal_add` with an Actor (``at`` None meant now)."""
        _deprecated("journal_append", "journal_add")
        actor = Actor(site_id, staff_id, at=at) if at is not None else Actor.now(site_id, staff_id)
        return self.journal_add(actor, entity, action, entity_id, detail)

    def reveals(self, actor, **filter):
        """The access log of the actor's site: a Reveal per field of personal data shown (R-COM-2)."""
        return RevealFilter._iterate(self._handle(), self._actor(actor), self._zone(actor.site_id), **filter)

    def reveal_entry(self, actor, reveal_id):
        """One Reveal of the access log by id."""
        return Reveal._get(self._handle(), self._actor(actor), reveal_id)

    # -- policy -------------------------------------------------------------------
    def policy(self, site_id):
        """The site's Policy: defaults with its stored overrides."""
        return Policy._own(_c.fd_store_policy_load(self._handle(), integer(site_id, "site_id")))

    def set_policy(self, actor, key, value, staff_id=None):
        """Stores an override of one policy value for the actor's site; journaled.

        Deprecated: ``set_policy(site_id, key, value, staff_id=0)``.
        """
        if not isinstance(actor, Actor):
            _deprecated("set_policy(site_id, key, value, staff_id)", "set_policy(actor, key, value)")
            actor = Actor.now(actor, staff_id or 0)
        _c.fd_store_policy_set(self._handle(), self._actor(actor), key, integer(value, "value"))

    def set_policy_deadline(self, actor, key, amount, unit):
        """Stores a deadline key's amount and unit (``3, "working_days"``) for the actor's site; journaled (R-CPL-2)."""
        from .calendar import _unit
        _c.fd_store_policy_set_deadline(self._handle(), self._actor(actor), key, integer(amount, "amount"),
                                        int(_unit(unit)))

    def reset_policy(self, actor, key, staff_id=None):
        """Removes the actor's site's override of ``key``; journaled.

        Deprecated: ``reset_policy(site_id, key, staff_id=0)``.
        """
        if not isinstance(actor, Actor):
            _deprecated("reset_policy(site_id, key, staff_id)", "reset_policy(actor, key)")
            actor = Actor.now(actor, staff_id or 0)
        _c.fd_store_policy_reset(self._handle(), self._actor(actor), key)

    # -- reports ------------------------------------------------------------------
    def greeting(self, site_id, date, calendar=None):
        """The phone greeting (R-CALL-2, R-CALL-10) of the site: its name as the organisation."""
        from .calendar import greeting
        return greeting(date, self.site_by_id(site_id).name, calendar)

    def daily_report(self, actor, date, language="zh"):
        """The DailyReport of the actor's site for a local date (datetime.date or 'YYYY-MM-DD'), as the
        actor may see it: numbers in details masked unless the actor reveals them (R-COM-2, logged).
        ``language``: "zh" (titles and headers in Chinese, the default) or "en".

        Deprecated: ``daily_report(site_id, date)`` (the system, now).
        """
        if not isinstance(actor, Actor):
            _deprecated("daily_report(site_id, date)", "daily_report(actor, date)")
            actor = Actor.now(actor)
        return DailyReport._own(_c.fd_report_daily_new(self._handle(), self._actor(actor), date, language))


# -- site-local time ---------------------------------------------------------------
def instant_from_local(time_zone, local, time=None):
    """The instant (aware UTC datetime) of a local date and time in an IANA zone.

    ``local``: a naive datetime, or a date with ``time`` (a datetime.time;
    midnight when omitted). A time skipped by a spring change (02:30 when
    clocks go 02:00 -> 03:00) is read as if the clocks had not yet changed
    (03:30 local); a time repeated in autumn is the first of the two.
    """
    if not isinstance(local, _dt.datetime):
        local = _dt.datetime.combine(local, time or _dt.time())
    if local.utcoffset() is not None:
        raise InvalidArgument(f"local: {local} has a tzinfo; give the local wall-clock time, naive", -1)
    return from_seconds(_c.fd_instant_from_local(time_zone, local_time(local)))


def instant_to_local(time_zone, at):
    """The local time of instant ``at`` in an IANA zone, as an aware datetime with that zone's offset then."""
    out = _c.fd_local_time()
    _c.fd_instant_to_local(out, time_zone, to_seconds(at, "at"))
    tz = _dt.timezone(_dt.timedelta(seconds=out.utc_offset_s))
    return _dt.datetime(out.date.year, out.date.month, out.date.day, out.hour, out.minute, out.second, tzinfo=tz)


def format_instant(time_zone, at):
    """Instant ``at`` as ISO 8601 local time with offset in an IANA zone: '2026-11-20T08:41:00+08:00'."""
    return _c.fd_instant_format(time_zone, to_seconds(at, "at"))


def check_instant(at):
    """Raises OutOfRange unless ``at`` (int UTC seconds) lies in 0001-01-01..9999-12-31 (fd_instant_check)."""
    _c.fd_instant_check(integer(at, "at"))
