"""Conversions shared by the Pythonic layer (private)."""

import datetime as _dt

from .errors import ArgumentTypeError, InvalidArgument


_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_SECOND = _dt.timedelta(seconds=1)


def _aware(value):
    return value.tzinfo is not None and value.utcoffset() is not None


def to_instant(value, field):
    """UTC seconds from an int or an aware datetime (floored to the second); None stays None.

    A naive datetime is refused with InvalidArgument naming ``field``; a float or a
    bool with ArgumentTypeError (an InvalidArgument and a TypeError).
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        if not _aware(value):
            raise InvalidArgument(f"{field}: naive datetime {value!r}: give it a tzinfo", -1)
        return (value - _EPOCH) // _SECOND
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    # A str is named by type only: it may be a phone number typed in the wrong place (R-COM-2).
    got = type(value).__name__ if isinstance(value, str) else repr(value)
    raise ArgumentTypeError(f"{field}: expected an int (UTC seconds) or an aware datetime, got {got}", -1)


def from_instant(seconds):
    """An aware UTC datetime from UTC seconds."""
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)


def to_date(value, field, local_date):
    """The value for a C ``fd_date`` parameter. A date or a 'YYYY-MM-DD' string
    passes unchanged (the typemap checks it). A datetime is never truncated: an
    aware one is converted with ``local_date(utc_seconds)``, which answers in the
    zone that owns the date (a site's, a calendar's); a naive one is already
    local time, so its date is taken."""
    if isinstance(value, _dt.datetime):
        if not _aware(value):
            return value.date()
        return local_date(to_instant(value, field))
    return value


class Handle:
    """Owns one C handle; close() frees it once, and so does the garbage collector."""

    _free = None  # the C function that frees the handle, set by subclasses

    def __init__(self, ptr):
        self._ptr = ptr

    @property
    def closed(self):
        """Whether close() has freed the C object."""
        return self._ptr is None

    def _handle(self):
        if self._ptr is None:
            from .errors import InvalidState
            raise InvalidState(f"{type(self).__name__} is closed", -8)
        return self._ptr

    def close(self):
        """Frees the C object. Closing twice is harmless."""
        ptr, self._ptr = self._ptr, None
        if ptr is not None:
            type(self)._free(ptr)

    def __del__(self):
        if getattr(self, "_ptr", None) is not None:
            self.close()

    def __enter__(self):
        """Returns the handle itself; leaving the ``with`` block closes it."""
        return self

    def __exit__(self, *exc):
        """Closes the handle; exceptions propagate."""
        self.close()
        return False


def code_of(parse, field, value):
    """``value`` for a code field as the CLI takes it: the code or a label (报修, 身份证, 大堂会面), Simplified or
    Traditional, read with ``parse(field, text)`` (a module's code_parse); None and "" stay as they are. An unknown
    word raises InvalidArgument naming ``text`` and the list."""
    return parse(field, value) if isinstance(value, str) and value else value


def codes_of(parse, values, lists):
    """The code fields of ``values`` (record or filter keywords, changed in place and returned) named by ``lists``
    ({keyword: code list}) given as labels become codes (see :func:`code_of`)."""
    for key, field in lists.items():
        if key in values:
            values[key] = code_of(parse, field, values[key])
    return values


def enum_named(cls, value, field):
    """The member of IntEnum ``cls`` for ``value``: a member, its int, or its name in any case ("overdue" is
    refused with InvalidArgument naming ``field`` and the names allowed, never a bare KeyError)."""
    names = ", ".join(m.name.lower() for m in cls)
    if isinstance(value, str):
        member = cls.__members__.get(value.strip().upper())
        if member is None:
            raise InvalidArgument(f"{field}: '{value}' is not one of {names}", -1)
        return member
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return cls(value)
        except ValueError:
            raise InvalidArgument(f"{field}: {value!r} is not one of {names}", -1) from None
    raise ArgumentTypeError(f"{field}: expected one of {names} or a {cls.__name__}, got {type(value).__name__}", -1)
