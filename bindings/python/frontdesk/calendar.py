"""Working calendar: public holidays with make-up working days (调休), business and
quiet hours, deadlines, pausable SLA clocks, festivals and the phone greeting.

    import frontdesk
    cal = frontdesk.Calendar()                       # mainland China, built-in data
    cal.is_workday("2026-02-14")                     # True: a make-up Saturday
    frontdesk.deadline(received, 2, "working_days")  # R-CALL-9
    frontdesk.greeting("2026-09-25", org="某某物业")   # 「您好，某某物业，中秋快乐！…」 (org is required)

Instants are ints (UTC seconds) or aware datetimes in, aware UTC datetimes out.
Dates are datetime.date or "YYYY-MM-DD"; a datetime given for a date is never
truncated: an aware one is converted to the calendar's time zone
(``Calendar.time_zone``, Asia/Shanghai unless set), so 2026-02-22 17:00 UTC is
the Monday 2026-02-23 in Shanghai; a naive one is taken as local time already.
Counts (``amount``, ``n``) are ints: a float or a bool is refused, not truncated.
"""

import datetime as _dt
import enum as _enum
import threading as _threading
from typing import NamedTuple as _NamedTuple

from . import core as _c
from ._convert import Handle, from_instant, to_date, to_instant
from .errors import ArgumentTypeError, InvalidArgument

__all__ = ["Calendar", "SlaClock", "DayType", "DeadlineUnit", "BeyondData", "Deadline", "deadline", "deadline_info",
           "greeting", "default_calendar"]


class DayType(_enum.IntEnum):
    """The type of a day (FD_CALENDAR_DAY_*)."""
    WORKDAY = _c.FD_CALENDAR_DAY_WORKDAY
    WEEKEND = _c.FD_CALENDAR_DAY_WEEKEND
    HOLIDAY = _c.FD_CALENDAR_DAY_HOLIDAY
    MAKEUP_WORKDAY = _c.FD_CALENDAR_DAY_MAKEUP_WORKDAY
    CLOSED = _c.FD_CALENDAR_DAY_CLOSED


class DeadlineUnit(_enum.IntEnum):
    """Deadline units (FD_CALENDAR_UNIT_*); functions also take their names, e.g. "working_days"."""
    CLOCK_HOURS = _c.FD_CALENDAR_UNIT_CLOCK_HOURS
    BUSINESS_HOURS = _c.FD_CALENDAR_UNIT_BUSINESS_HOURS
    CALENDAR_DAYS = _c.FD_CALENDAR_UNIT_CALENDAR_DAYS
    WORKING_DAYS = _c.FD_CALENDAR_UNIT_WORKING_DAYS
    SAME_DAY = _c.FD_CALENDAR_UNIT_SAME_DAY
    CLOCK_MINUTES = _c.FD_CALENDAR_UNIT_CLOCK_MINUTES
    BUSINESS_MINUTES = _c.FD_CALENDAR_UNIT_BUSINESS_MINUTES

    @property
    def label(self):
        """The unit's name as the C API spells it ("working_days")."""
        return _c.fd_calendar_unit_name(int(self))


class BeyondData(_enum.IntEnum):
    """What days past the holiday data are (policy key calendar.beyond_data)."""
    PROVISIONAL = _c.FD_CALENDAR_BEYOND_PROVISIONAL
    WEEKENDS = _c.FD_CALENDAR_BEYOND_WEEKENDS
    ERROR = _c.FD_CALENDAR_BEYOND_ERROR


class Deadline(_NamedTuple):
    """A deadline with what it was computed from (:func:`deadline_info`)."""
    due: _dt.datetime
    provisional: bool  # a day past the holiday data decides it: recompute when the official data is loaded
    version: str       # e.g. "CN-2026.1" or "CN-2026.1+provisional-2027"


def _unit(unit):
    if isinstance(unit, str):
        return DeadlineUnit(_c.fd_calendar_unit_from_name(unit))
    if isinstance(unit, int) and not isinstance(unit, bool):
        try:
            return DeadlineUnit(unit)
        except ValueError:
            raise InvalidArgument(f"unit: {unit!r} is not a deadline unit", -1) from None
    raise ArgumentTypeError(f"unit: expected a DeadlineUnit or its name, got {unit!r}", -1)


def _policy(policy):
    return None if policy is None else policy._handle()


class Calendar(Handle):
    """A working calendar. ``Calendar()`` holds the built-in data of mainland China;
    ``Calendar.load(path)`` a site's file. Keyword settings: ``time_zone``,
    ``business_hours`` ("08:30-12:00,13:30-17:30"), ``quiet_hours``, ``policy``."""

    _free = staticmethod(_c.fd_calendar_free)

    def __init__(self, *, time_zone=None, business_hours=None, quiet_hours=None, policy=None):
        super().__init__(_c.fd_calendar_new())
        self._settings(time_zone, business_hours, quiet_hours, policy)

    @classmethod
    def _own(cls, ptr, time_zone=None, business_hours=None, quiet_hours=None, policy=None):
        """Wraps (and owns) a C fd_calendar* (private)."""
        self = cls.__new__(cls)
        Handle.__init__(self, ptr)
        self._settings(time_zone, business_hours, quiet_hours, policy)
        return self

    def _settings(self, time_zone, business_hours, quiet_hours, policy):
        if time_zone is not None:
            self.time_zone = time_zone
        if business_hours is not None:
            self.business_hours = business_hours
        if quiet_hours is not None:
            self.quiet_hours = quiet_hours
        if policy is not None:
            self.apply_policy(policy)

    @classmethod
    def load(cls, path, **settings):
        """A calendar from a holiday data file (``extends builtin`` adds to the built-in data)."""
        return cls._own(_c.fd_calendar_load(str(path)), **settings)

    @classmethod
    def from_text(cls, text, **settings):
        """A calendar from the text of a holiday data file."""
        return cls._own(_c.fd_calendar_load_data(text), **settings)

    def add_file(self, path):
        """Adds a data file saying ``extends builtin``: a site's layer, or national data
        (``scope national``, the official schedule of a later year)."""
        _c.fd_calendar_add_file(self._handle(), str(path))

    def add_text(self, text):
        """As :meth:`add_file`, from the text of a data file."""
        _c.fd_calendar_add_data(self._handle(), text)

    # --- what the data is
    def provisional_until(self):
        """The last date answered past the data (provisional or weekends only); NotFound when refused."""
        return _c.fd_calendar_provisional_until(self._handle())

    def is_provisional(self, date):
        """Whether answers about the date come from days past the holiday data."""
        return bool(_c.fd_calendar_is_provisional(self._handle(), self._date(date)))

    def coverage_warning(self, today):
        """The warning while the holiday data ends within 60 days of ``today``, "" otherwise."""
        return _c.fd_calendar_coverage_warning(self._handle(), self._date(today, "today"))

    @property
    def version(self):
        """The data's version, e.g. "CN-2026.1"; store it beside computed deadlines."""
        return _c.fd_calendar_version(self._handle())

    @property
    def region(self):
        """The data's region, e.g. "CN"."""
        return _c.fd_calendar_region(self._handle())

    def coverage_start(self):
        """The first date the holiday data covers."""
        return _c.fd_calendar_coverage_start(self._handle())

    def coverage_end(self):
        """The last date the holiday data covers."""
        return _c.fd_calendar_coverage_end(self._handle())

    # --- settings
    @property
    def time_zone(self):
        """The IANA zone of local days and hours (settable), "Asia/Shanghai" by default."""
        return _c.fd_calendar_time_zone(self._handle())

    @time_zone.setter
    def time_zone(self, value):
        _c.fd_calendar_set_time_zone(self._handle(), value)

    @property
    def business_hours(self):
        """Business hours of working days (settable), "08:30-12:00,13:30-17:30" by default."""
        return _c.fd_calendar_business_hours(self._handle())

    @business_hours.setter
    def business_hours(self, value):
        _c.fd_calendar_set_business_hours(self._handle(), value)

    @property
    def quiet_hours(self):
        """When customers are not called (settable, R-PLN-2), "" for none."""
        return _c.fd_calendar_quiet_hours(self._handle())

    @quiet_hours.setter
    def quiet_hours(self, value):
        _c.fd_calendar_set_quiet_hours(self._handle(), value)

    def apply_policy(self, policy):
        """Takes calendar.fallback_weekends and deadline.roll_rest_days from a Policy."""
        _c.fd_calendar_apply_policy(self._handle(), policy._handle())

    # --- days
    def _date(self, value, field="date"):
        return to_date(value, field, self.local_date)

    def day_type(self, date):
        """The DayType of a date (workday, weekend, holiday, make-up workday, closed)."""
        return DayType(_c.fd_calendar_day_type(self._handle(), self._date(date)))

    def is_workday(self, date):
        """Whether the date is a working day, ordinary or make-up (调休上班)."""
        return bool(_c.fd_calendar_is_workday(self._handle(), self._date(date)))

    def is_holiday(self, date):
        """Whether the date is a rest day of a public holiday period."""
        return bool(_c.fd_calendar_is_holiday(self._handle(), self._date(date)))

    def is_in_lieu(self, date):
        """Whether the date is a rest day given in lieu (调休/补休)."""
        return bool(_c.fd_calendar_is_in_lieu(self._handle(), self._date(date)))

    def is_statutory(self, date):
        """Whether the date is a statutory holiday day proper (法定假日)."""
        return bool(_c.fd_calendar_is_statutory(self._handle(), self._date(date)))

    def holiday_name(self, date):
        """The holiday (or closure) the date belongs to, "" for none."""
        return _c.fd_calendar_holiday_name(self._handle(), self._date(date))

    def add_working_days(self, date, n):
        """The date ``n`` (an int) working days after ``date`` (before it when negative)."""
        return _c.fd_calendar_add_working_days(self._handle(), self._date(date), n)

    def working_days_between(self, a, b):
        """Working days in (a, b], negative when b is before a."""
        return _c.fd_calendar_working_days_between(self._handle(), self._date(a, "a"), self._date(b, "b"))

    def next_workday(self, date):
        """The first working day strictly after the date."""
        return _c.fd_calendar_next_workday(self._handle(), self._date(date))

    def festival(self, date):
        """春节, 中秋节, 清明 ... on that date, "" for none."""
        return _c.fd_calendar_festival(self._handle(), self._date(date))

    def greeting(self, date, org):
        """The phone greeting of organisation ``org`` (R-CALL-2, R-CALL-10); Store.greeting takes it
        from the site."""
        return _c.fd_calendar_greeting(self._handle(), self._date(date), org)

    # --- instants
    def local_date(self, at):
        """The date (datetime.date) of instant ``at`` in the calendar's time zone."""
        return _c.fd_calendar_local_date(self._handle(), to_instant(at, "at"))

    def day_start(self, date):
        """The first instant (aware UTC datetime) of the local day ``date`` in the calendar's time zone."""
        return from_instant(_c.fd_calendar_day_start(self._handle(), self._date(date)))

    def working_seconds_between(self, start, end):
        """Seconds of [start, end) in business hours of working days (调休 days in, holidays out; R-CPL-6),
        negative when end is before start."""
        return _c.fd_calendar_working_seconds_between(self._handle(), to_instant(start, "from"),
                                                      to_instant(end, "to"))

    def is_business_time(self, at):
        """Whether ``at`` falls in business hours of a working day."""
        return bool(_c.fd_calendar_is_business_time(self._handle(), to_instant(at, "at")))

    def is_quiet_time(self, at):
        """Whether customers should not be called at ``at`` (R-PLN-2)."""
        return bool(_c.fd_calendar_is_quiet_time(self._handle(), to_instant(at, "at")))

    def next_call_time(self, at):
        """The first moment at or after ``at`` outside quiet hours (R-PLN-2)."""
        return from_instant(_c.fd_calendar_next_call_time(self._handle(), to_instant(at, "at")))

    def deadline(self, start, amount, unit, policy=None):
        """The module function :func:`deadline` over this calendar."""
        return deadline(start, amount, unit, calendar=self, policy=policy)

    def deadline_info(self, start, amount, unit, policy=None):
        """The module function :func:`deadline_info` over this calendar."""
        return deadline_info(start, amount, unit, calendar=self, policy=policy)

    def sla(self, start, amount, unit, policy=None):
        """A :class:`SlaClock` over this calendar, started at ``start``."""
        return SlaClock(start, amount, unit, calendar=self, policy=policy)


_default = None
_default_lock = _threading.Lock()


def default_calendar():
    """The shared built-in calendar used when no calendar is given (created once)."""
    global _default
    with _default_lock:
        if _default is None or _default.closed:
            _default = Calendar()
        return _default


def deadline(start, amount, unit, calendar=None, policy=None):
    """The deadline (an aware UTC datetime) for something received at ``start``:
    ``amount`` is an int (1.5 is refused, not truncated); ``unit`` is clock_hours,
    business_hours, calendar_days, working_days, same_day, clock_minutes or
    business_minutes (R-CPL-2, R-CALL-9, R-PLN-1)."""
    cal = calendar if calendar is not None else default_calendar()
    due = _c.fd_calendar_deadline(cal._handle(), to_instant(start, "start"), amount, int(_unit(unit)),
                                  _policy(policy))
    return from_instant(due)


def deadline_info(start, amount, unit, calendar=None, policy=None):
    """As :func:`deadline`, as a :class:`Deadline` (due, provisional, version): whether days
    past the holiday data decide it, and the data version to store beside it."""
    cal = calendar if calendar is not None else default_calendar()
    due, provisional, version = _c.fd_calendar_deadline_info(cal._handle(), to_instant(start, "start"), amount,
                                                             int(_unit(unit)), _policy(policy))
    return Deadline(from_instant(due), bool(provisional), version)


def greeting(date, org, calendar=None):
    """「您好，<org>，请问有什么可以帮您？」 with the season's wishes on weekends and
    holidays (R-CALL-2, R-CALL-10)."""
    cal = calendar if calendar is not None else default_calendar()
    return cal.greeting(date, org)


_SLA_OPEN = (1 << 63) - 1  # FD_SLA_OPEN (INT64_MAX): the end of a pause still running


def _open_instant(seconds):
    return None if seconds == _SLA_OPEN else from_instant(seconds)


class SlaClock(Handle):
    """A deadline clock that can be paused (waiting for the customer, parts on order):
    ``SlaClock(start, amount, unit, calendar=None, policy=None)`` as :func:`deadline` counts.
    The C clock holds a reference to its calendar: it keeps counting after the Calendar
    (or ``with default_calendar():``) was closed."""

    _free = staticmethod(_c.fd_sla_free)

    def __init__(self, start, amount, unit, calendar=None, policy=None, *, _ptr=None):
        self._calendar = calendar if calendar is not None else default_calendar()
        if _ptr is None:
            _ptr = _c.fd_sla_new(self._calendar._handle(), to_instant(start, "start"), amount, int(_unit(unit)),
                                 _policy(policy))
        super().__init__(_ptr)

    @classmethod
    def restore(cls, start, amount, unit, pauses=(), calendar=None, policy=None):
        """A clock from its plain state: ``pauses`` is a list of (from, to) instants, ``to`` None
        for a pause still running; the deadline is as pausing and resuming in order would give."""
        cal = calendar if calendar is not None else default_calendar()
        flat = []
        for k, pair in enumerate(pauses):
            if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                raise InvalidArgument(f"pauses[{k}]: expected a (from, to) pair", -1)
            flat.append(to_instant(pair[0], f"pauses[{k}][0]"))
            flat.append(_SLA_OPEN if pair[1] is None else to_instant(pair[1], f"pauses[{k}][1]"))
        ptr = _c.fd_sla_restore(cal._handle(), to_instant(start, "start"), amount, int(_unit(unit)), _policy(policy),
                                flat)
        return cls(None, None, None, calendar=cal, _ptr=ptr)

    @classmethod
    def load(cls, state, calendar=None):
        """A clock from the text :meth:`save` wrote (terms, policy values, pauses)."""
        cal = calendar if calendar is not None else default_calendar()
        return cls(None, None, None, calendar=cal, _ptr=_c.fd_sla_load(cal._handle(), state))

    def save(self):
        """The clock's whole state as one line of text, for :meth:`load`."""
        return _c.fd_sla_save(self._handle())

    @property
    def calendar(self):
        """The Calendar the clock was made with (the clock counts on even after it is closed)."""
        return self._calendar

    @property
    def start(self):
        """When the clock started (aware UTC datetime)."""
        return from_instant(_c.fd_sla_terms(self._handle())[0])

    @property
    def amount(self):
        """How many units."""
        return _c.fd_sla_terms(self._handle())[1]

    @property
    def unit(self):
        """The DeadlineUnit."""
        return DeadlineUnit(_c.fd_sla_terms(self._handle())[2])

    @property
    def pauses(self):
        """The pauses so far as (from, to) datetimes, ``to`` None while paused."""
        h = self._handle()
        return [tuple(_open_instant(t) for t in _c.fd_sla_pause_get(h, k)) for k in range(_c.fd_sla_pause_count(h))]

    @property
    def version(self):
        """The data version of the deadline, e.g. "CN-2026.1+provisional-2027"."""
        return _c.fd_sla_version(self._handle())[0]

    @property
    def provisional(self):
        """Whether days past the holiday data decide the deadline."""
        return bool(_c.fd_sla_version(self._handle())[1])

    def pause(self, at):
        """Pauses the clock at ``at``; InvalidState when already paused."""
        _c.fd_sla_pause(self._handle(), to_instant(at, "at"))

    def resume(self, at):
        """Resumes at ``at``; the pause extends the deadline in the unit's own terms."""
        _c.fd_sla_resume(self._handle(), to_instant(at, "at"))

    @property
    def paused(self):
        """Whether the clock is paused."""
        return bool(_c.fd_sla_is_paused(self._handle()))

    def due(self):
        """The deadline; raises InvalidState while paused."""
        return from_instant(_c.fd_sla_due(self._handle()))

    def remaining(self, now=None):
        """Time left (business time for business units), negative when overdue."""
        now = _dt.datetime.now(_dt.timezone.utc) if now is None else now
        return _dt.timedelta(seconds=_c.fd_sla_remaining(self._handle(), to_instant(now, "now")))

    def breached(self, now=None):
        """Whether the deadline has passed at ``now`` (default: the current time)."""
        now = _dt.datetime.now(_dt.timezone.utc) if now is None else now
        return bool(_c.fd_sla_breached(self._handle(), to_instant(now, "now")))

    @property
    def extension(self):
        """The extension earned by pauses: seconds for hour/minute units, days for day units."""
        return _c.fd_sla_extension(self._handle())
