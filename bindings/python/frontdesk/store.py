"""The site database: sites, staff, the journal, stored policy, transactions."""

import contextlib
from typing import NamedTuple, Optional

from . import core as _c
from ._convert import Handle, from_instant, to_instant
from .errors import InvalidArgument
from .policy import Policy
from .report import DailyReport

__all__ = ["Store", "Site", "Staff", "JournalEntry"]


class Site(NamedTuple):
    id: int
    code: str
    name: str
    time_zone: str
    created_at: object  # aware datetime (UTC)


class Staff(NamedTuple):
    id: int
    site_id: int
    code: str
    name: str
    role: str
    active: bool
    created_at: object


class JournalEntry(NamedTuple):
    id: int
    at: object  # aware datetime (UTC)
    site_id: int
    staff_id: int  # 0 for the system
    entity: str
    entity_id: int
    action: str
    detail: str


def _site(s):
    return Site(s.id, s.code, s.name, s.time_zone, from_instant(s.created_at))


class Store(Handle):
    """An open site database. Use as ``with Store("site.db") as s: ...``.

    ``create``: create the file when missing; ``read_only``: open read-only;
    ``synchronous_full``: fsync on every commit; ``busy_timeout_ms``: how long
    to wait for another writer.
    """

    _free = staticmethod(_c.fd_store_close)

    def __init__(self, path, *, create=True, read_only=False, synchronous_full=False, busy_timeout_ms=5000):
        opts = _c.fd_store_options()
        _c.fd_store_options_init(opts, _c.FD_STORE_OPTIONS_VERSION)
        opts.create, opts.read_only = int(create), int(read_only)
        opts.synchronous_full, opts.busy_timeout_ms = int(synchronous_full), busy_timeout_ms
        super().__init__(_c.fd_store_open(str(path), opts))
        self.path = str(path)

    # -- schema and transactions ------------------------------------------
    @property
    def schema_version(self):
        return _c.fd_store_schema_version(self._handle())

    @staticmethod
    def schema_latest():
        return _c.fd_store_schema_latest()

    def begin(self):
        _c.fd_store_begin(self._handle())

    def commit(self):
        _c.fd_store_commit(self._handle())

    def rollback(self):
        _c.fd_store_rollback(self._handle())

    @contextlib.contextmanager
    def transaction(self):
        """``with store.transaction():`` commits on success, rolls back on an exception."""
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # -- sites and staff (R-COM-1) ------------------------------------------
    def add_site(self, code, name, time_zone=None):
        return _c.fd_store_add_site(self._handle(), code, name, time_zone)

    def site(self, code):
        s = _c.fd_site()
        _c.fd_store_get_site(s, self._handle(), code)
        return _site(s)

    def site_by_id(self, site_id):
        s = _c.fd_site()
        _c.fd_store_get_site_by_id(s, self._handle(), site_id)
        return _site(s)

    def default_site(self):
        s = _c.fd_site()
        _c.fd_store_default_site(s, self._handle())
        return _site(s)

    def site_date(self, site_id, at=None):
        """The site's local date (datetime.date) of ``at`` (UTC seconds or aware datetime; default now)."""
        return _c.fd_store_site_date(self._handle(), site_id, to_instant(at, "at") or 0)

    def add_staff(self, site_id, code, name, role="clerk"):
        return _c.fd_store_add_staff(self._handle(), site_id, code, name, role)

    def staff(self, site_id, code):
        s = _c.fd_staff()
        _c.fd_store_get_staff(s, self._handle(), site_id, code)
        return Staff(s.id, s.site_id, s.code, s.name, s.role, bool(s.active), from_instant(s.created_at))

    def set_staff_active(self, staff_id, active, by_staff_id=0):
        _c.fd_store_set_staff_active(self._handle(), staff_id, int(bool(active)), by_staff_id)

    # -- journal (R-COM-1, R-COM-3) ------------------------------------------
    def journal_append(self, site_id, entity, action, *, staff_id=0, entity_id=0, detail=None, at=None):
        """Appends a journal entry; ``at`` is UTC seconds or an aware datetime (default now)."""
        return _c.fd_store_journal_append(self._handle(), to_instant(at, "at") or 0, site_id, staff_id,
                                          entity, entity_id, action, detail)

    def journal(self, site_id=0, since=None, until=None, entity="", entity_id=0):
        """Iterates over journal entries (oldest first) as JournalEntry tuples."""
        f = _c.fd_journal_filter()
        _c.fd_journal_filter_init(f, _c.FD_JOURNAL_FILTER_VERSION)
        if len(entity.encode()) > _c.FD_CODE_MAX:
            raise InvalidArgument(f"entity: '{entity}' is longer than {_c.FD_CODE_MAX} bytes", -1)
        f.site_id, f.entity, f.entity_id = site_id, entity, entity_id
        f.since, f.until = to_instant(since, "since") or 0, to_instant(until, "until") or 0
        it = _c.fd_store_journal_query(self._handle(), f)
        try:
            while True:
                e = _c.fd_journal_iter_next(it)
                if e is None:
                    return
                yield JournalEntry(e.id, from_instant(e.at), e.site_id, e.staff_id, e.entity, e.entity_id,
                                   e.action, e.detail)
        finally:
            _c.fd_journal_iter_free(it)

    # -- policy -----------------------------------------------------------------
    def policy(self, site_id):
        """The site's Policy: defaults with its stored overrides."""
        return Policy(_c.fd_store_load_policy(self._handle(), site_id))

    def set_policy(self, site_id, key, value, staff_id=0):
        _c.fd_store_set_policy(self._handle(), site_id, key, value, staff_id)

    def reset_policy(self, site_id, key, staff_id=0):
        _c.fd_store_reset_policy(self._handle(), site_id, key, staff_id)

    # -- reports ------------------------------------------------------------------
    def daily_report(self, site_id, date):
        """The DailyReport of a site for a local date (datetime.date or 'YYYY-MM-DD')."""
        return DailyReport(_c.fd_report_daily(self._handle(), site_id, date))
