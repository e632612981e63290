"""Conversions shared by the Pythonic layer (private)."""

import datetime as _dt

from .errors import InvalidArgument


def to_instant(value, field):
    """UTC seconds from an int or an aware datetime; None stays None."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            raise InvalidArgument(f"{field}: naive datetime {value!r}: give it a tzinfo", -1)
        return int(value.timestamp())
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidArgument(f"{field}: expected an int (UTC seconds) or an aware datetime, got {value!r}", -1)


def from_instant(seconds):
    """An aware UTC datetime from UTC seconds."""
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc)


class Handle:
    """Owns one C handle; close() frees it once, and so does the garbage collector."""

    _free = None  # the C function that frees the handle, set by subclasses

    def __init__(self, ptr):
        self._ptr = ptr

    @property
    def closed(self):
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
        return self

    def __exit__(self, *exc):
        self.close()
        return False
