"""The library's status codes as a hierarchy of exceptions.

Every failing call raises a subclass of :class:`Error` carrying the C status
code (``code``, e.g. ``-1`` for FD_EINVAL) and the library's message, which
names the field and the bad value.
"""

__all__ = [
    "Error", "InvalidArgument", "ArgumentTypeError", "NotFound", "Conflict", "OutOfRange", "NoMemory",
    "StorageError", "Busy", "InvalidState", "PermissionDenied", "DataError", "error_for",
]


class Error(Exception):
    """Base of all libfrontdesk errors."""

    #: the C status code (negative)
    code = 0
    #: the symbolic name of the code, e.g. "FD_EINVAL"
    status = "FD_UNKNOWN"

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __reduce__(self):
        return (type(self), (self.message, self.code))


class InvalidArgument(Error, ValueError):
    """FD_EINVAL: an argument is malformed (NULL, bad UTF-8, bad format)."""
    code, status = -1, "FD_EINVAL"


class ArgumentTypeError(InvalidArgument, TypeError):
    """FD_EINVAL for an argument of the wrong Python type: a float or a bool where
    the C function takes an integer, an int where it takes a str, a datetime where
    it takes a date. Both an :class:`InvalidArgument` and a ``TypeError``."""


class NotFound(Error, LookupError):
    """FD_ENOTFOUND: the thing asked for does not exist."""
    code, status = -2, "FD_ENOTFOUND"


class Conflict(Error):
    """FD_ECONFLICT: it exists already, or clashes with what exists."""
    code, status = -3, "FD_ECONFLICT"


class OutOfRange(Error, ValueError):
    """FD_ERANGE: a number or length is outside its allowed range."""
    code, status = -4, "FD_ERANGE"


class NoMemory(Error, MemoryError):
    """FD_ENOMEM: out of memory."""
    code, status = -5, "FD_ENOMEM"


class StorageError(Error):
    """FD_EIO: the file system or database failed."""
    code, status = -6, "FD_EIO"


class Busy(Error):
    """FD_EBUSY: the database is locked by another writer."""
    code, status = -7, "FD_EBUSY"


class InvalidState(Error):
    """FD_ESTATE: not allowed in the object's current state."""
    code, status = -8, "FD_ESTATE"


class PermissionDenied(Error, PermissionError):
    """FD_EPERM: the caller lacks the permission the call needs."""
    code, status = -9, "FD_EPERM"


class DataError(Error):
    """FD_EDATA: stored or loaded data is corrupt, too new, or not covered."""
    code, status = -10, "FD_EDATA"


_BY_CODE = {cls.code: cls for cls in (InvalidArgument, NotFound, Conflict, OutOfRange, NoMemory,
                                      StorageError, Busy, InvalidState, PermissionDenied, DataError)}


def error_for(code, message):
    """The exception for a C status code (used by the SWIG layer)."""
    cls = _BY_CODE.get(code, Error)
    return cls(message, code)
