"""The generic base of the record classes (private).

scripts/gen/records.py writes, for every record declared in
libfrontdesk/records/<module>.rec, a :class:`Record` subclass (its fields as
``_fields``) and a :class:`RecordFilter` subclass (its filter slots as
``_slots``) into ``_<module>_records.py``. Everything below is written once:
conversions between Python values and the C structs, filters with match bits,
and :class:`Records`, the stream that a query returns.

Time: an instant is an aware ``datetime`` (returned in UTC) or ``int`` UTC
seconds; a naive ``datetime`` means local time at the site the call is about
(its time zone, via the library's ICU rules); floats are refused, never
truncated. A ``datetime`` where a date is expected is converted in the site's
zone, not truncated.
"""

import collections
import datetime as _dt

from . import core as _c
from .errors import InvalidArgument, OutOfRange

__all__ = ["FieldInfo", "Record", "RecordFilter", "Records"]

#: What a record's declaration says about one field (``Site.fields()``).
FieldInfo = collections.namedtuple("FieldInfo", "name type label max required pii search src rule")

UTC = _dt.timezone.utc
DEFAULT_ZONE = "Asia/Shanghai"
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = _dt.timedelta(seconds=1)
_STRINGS = frozenset(("text", "code", "lcode", "zone"))


def _resolve(zone):
    return zone() if callable(zone) else zone


def integer(value, field):
    """An int from an int or a record (its id); bools and floats are refused."""
    if isinstance(value, Record):
        return value.id  # every record's first field is its id
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float):
            raise InvalidArgument(f"{field}: {value!r} is not a whole number", -1)
        raise TypeError(f"{field}: expected an int, got {type(value).__name__}")
    return value


def local_time(value):
    """A C fd_local_time from a naive datetime (microseconds are dropped)."""
    t = _c.fd_local_time()
    t.date.year, t.date.month, t.date.day = value.year, value.month, value.day
    t.hour, t.minute, t.second = value.hour, value.minute, value.second
    return t


def to_seconds(value, field, zone=None):
    """UTC seconds from an aware datetime, int seconds, or a naive datetime in ``zone``.

    ``zone`` is an IANA name, or a callable giving one when a naive datetime needs it.
    """
    if isinstance(value, _dt.datetime):
        if value.utcoffset() is None:
            tz = _resolve(zone)
            if not tz:
                raise InvalidArgument(f"{field}: naive datetime {value} has no site to give it a time zone; "
                                      f"give it a tzinfo", -1)
            return _c.fd_instant_from_local(tz, local_time(value))
        seconds = (value - _EPOCH) // _SECOND
    elif isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    elif isinstance(value, float):
        raise InvalidArgument(f"{field}: {value!r} is not whole seconds; give an int or a datetime", -1)
    else:
        raise TypeError(f"{field}: expected a datetime or int UTC seconds, got {type(value).__name__}")
    if not _c.FD_INSTANT_MIN <= seconds <= _c.FD_INSTANT_MAX:
        raise OutOfRange(f"{field}: {seconds} is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z", -4)
    return seconds


def from_seconds(seconds):
    """An aware UTC datetime from UTC seconds."""
    return _EPOCH + _dt.timedelta(seconds=seconds)


def to_date(value, field, zone=None):
    """A C fd_date from a date, 'YYYY-MM-DD', or a datetime (converted in ``zone``)."""
    if isinstance(value, _dt.datetime):
        if value.utcoffset() is not None:
            tz = _resolve(zone) or DEFAULT_ZONE
            out = _c.fd_local_time()
            _c.fd_instant_to_local(out, tz, to_seconds(value, field))
            value = _dt.date(out.date.year, out.date.month, out.date.day)
        else:
            value = value.date()
    elif isinstance(value, str):
        value = _c.fd_date_parse(value)
    elif not isinstance(value, _dt.date):
        raise TypeError(f"{field}: expected a date, got {type(value).__name__}")
    d = _c.fd_date()
    d.year, d.month, d.day = value.year, value.month, value.day
    return d


def _to_c_value(ftype, value, field, zone):
    if ftype in _STRINGS:
        return value
    if ftype == "instant":
        return to_seconds(value, field, zone)
    if ftype == "date":
        return to_date(value, field, zone)
    if ftype == "bool":
        if value not in (True, False) or isinstance(value, float):
            raise TypeError(f"{field}: expected a bool, got {value!r}")
        return int(value)
    return integer(value, field)


def _from_c_value(ftype, value, required=True):
    if ftype == "instant":
        # an optional instant's 0 is "none" (not answered, not done): None, never 1970
        return None if value == 0 and not required else from_seconds(value)
    if ftype == "date":
        return _dt.date(value.year, value.month, value.day) if value.year else None
    if ftype == "bool":
        return bool(value)
    return value


class Record:
    """Base of the record classes: immutable, with attributes named as the fields.

    Build one with keyword arguments to write it (unset fields are None, or 0 for
    numbers); records read from a store come back with every field set, personal
    data masked unless the actor revealed it.
    """

    __slots__ = ()
    _fields = ()

    def __init__(self, **values):
        names = [f.name for f in self._fields]
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(unknown)} (fields: {', '.join(names)})")
        for f in self._fields:
            default = 0 if f.type in ("id", "int", "fen", "ref") else False if f.type == "bool" else None
            object.__setattr__(self, f.name, values.get(f.name, default))

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is immutable; use replace({name}=...)")

    @classmethod
    def fields(cls):
        """The record's declaration: a FieldInfo per field (label, limits, PII class, rule)."""
        return cls._fields

    def as_dict(self):
        """The fields as a dict, in declaration order."""
        return {f.name: getattr(self, f.name) for f in self._fields}

    def replace(self, **changes):
        """A copy with some fields changed."""
        return type(self)(**{**self.as_dict(), **changes})

    def check(self):
        """Checks the caller's fields without a store (fd_<record>_check); raises naming the field."""
        self._c_check(self._to_c())

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.as_dict().items())})"

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    def __hash__(self):
        return hash((type(self), tuple(self.as_dict().values())))

    @classmethod
    def _from_c(cls, c):
        """Copies a C record (borrowed: nothing of it is kept)."""
        return cls(**{f.name: _from_c_value(f.type, getattr(c, f.name), f.required) for f in cls._fields})

    def _to_c(self, zone=None):
        """A C record owning copies of the strings, for a write."""
        c = self._c_type()
        self._c_init(c, self._c_version)
        for f in self._fields:
            value = getattr(self, f.name)
            if value is not None:
                setattr(c, f.name, _to_c_value(f.type, value, f"{self._name}.{f.name}", zone))
        return c

    @classmethod
    def _own(cls, c):
        """Copies a C record the caller owns (from a get function), then frees it (fd_<record>_free)."""
        try:
            return cls._from_c(c)
        finally:
            cls._c_free(c)

    @classmethod
    def _get(cls, store, actor_c, record_id):
        """fd_store_<record>_get: one record by id."""
        return cls._own(cls._c_get(store, actor_c, integer(record_id, "id")))


class RecordFilter:
    """Base of the filters: keyword arguments name the fields to compare.

    Only what is given is compared, so ``staff_id=0`` asks for the system's
    records; ``<field>_from`` / ``<field>_to`` bound a range [from, to);
    ``search`` matches names by Han, pinyin or initials; ``after`` (an id) and
    ``limit`` page.
    """

    __slots__ = ("_values",)
    _slots = ()

    def __init__(self, **values):
        names = [s[0] for s in self._slots] + ["after", "limit"]
        unknown = sorted(set(values) - set(names))
        if unknown:
            raise TypeError(f"{type(self).__name__}: cannot filter on {', '.join(unknown)} "
                            f"(filters: {', '.join(names)})")
        self._values = values

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self._values.items())})"

    def _to_c(self, zone=None):
        c = self._c_type()
        self._c_init(c, self._version)
        match = 0
        for name, ftype, bit in self._slots:
            if name in self._values:
                if self._values[name] is None:
                    raise InvalidArgument(f"filter.{name}: is None; leave it out to match every value", -1)
                setattr(c, name, _to_c_value(ftype, self._values[name], f"filter.{name}", zone))
                match |= bit
        c.match = match
        c.after = integer(self._values.get("after", 0), "filter.after")
        c.limit = integer(self._values.get("limit", 0), "filter.limit")
        return c

    @classmethod
    def _iterate(cls, store, actor_c, zone=None, **values):
        """Starts the query now (errors raise here) and returns its Records stream."""
        return Records._start(cls, store, actor_c, cls(**values)._to_c(zone))


class Records:
    """The records of a query, read as you iterate (the library reads pages).

    Breaking off early is fine: the C iterator is freed when the stream is
    exhausted, closed (``close()`` or a ``with`` block) or garbage collected.
    """

    __slots__ = ("_it", "_filter", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("Records are returned by queries (Store.journal, Store.staff_list ...)")

    @classmethod
    def _start(cls, filter_cls, store, actor_c, filter_c):
        """Starts the C query (private: takes C handles)."""
        self = cls.__new__(cls)
        self._it = None
        self._filter = filter_cls
        self._it = filter_cls._query(store, actor_c, filter_c)
        return self

    @classmethod
    def _wrap(cls, filter_cls, it):
        """A stream over an iterator a module's function started (private: takes a C iterator)."""
        self = cls.__new__(cls)
        self._it = it
        self._filter = filter_cls
        return self

    @property
    def closed(self):
        """True once the C iterator is freed."""
        return self._it is None

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        try:
            c = self._filter._next(self._it)
        except BaseException:
            self.close()
            raise
        if c is None:
            self.close()
            raise StopIteration
        return self._filter._record._from_c(c)

    def close(self):
        """Frees the C iterator; closing twice is harmless."""
        it, self._it = self._it, None
        if it is not None:
            self._filter._free(it)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        if getattr(self, "_it", None) is not None:
            self.close()
