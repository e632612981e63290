"""Site policy: every number of the service standards as a named value."""

import collections.abc as _abc
from typing import NamedTuple

from . import core as _c
from ._convert import Handle
from .errors import NotFound

__all__ = ["Policy", "PolicyKey", "policy_keys"]


class PolicyKey(NamedTuple):
    """What a policy key means (fd_policy_key_info)."""
    key: str
    default: int
    min: int
    max: int
    unit: str
    rule: str
    description: str


def _key(info):
    return PolicyKey(info.key, info.default_value, info.min, info.max, info.unit, info.rule, info.description)


def policy_keys():
    """All policy keys this library knows, in a stable order."""
    out = []
    for i in range(_c.fd_policy_key_count()):
        info = _c.fd_policy_key_info()
        _c.fd_policy_key_at(info, i)
        out.append(_key(info))
    return out


def describe(key):
    """The PolicyKey of ``key``; raises NotFound for an unknown key."""
    info = _c.fd_policy_key_info()
    _c.fd_policy_describe(info, key)
    return _key(info)


class PolicyKeyError(NotFound, KeyError):
    """An unknown policy key: a :class:`NotFound` and, as a mapping's missing key is, a ``KeyError``."""

    def __str__(self):
        return self.message


_MISSING = object()


class Policy(Handle, _abc.Mapping):
    """A set of policy values, defaults unless changed: a mapping of every key this library
    knows to its int value. ``policy["call.max_rings"]``, ``len(policy)``, ``for key in policy``,
    ``policy.items()``, ``"call.max_rings" in policy``; ``policy["k"] = v`` sets a value
    (OutOfRange outside its range). ``Policy()`` holds the defaults; ``Store.policy(site)``
    gives a site's."""

    _free = staticmethod(_c.fd_policy_free)

    def __init__(self):
        super().__init__(_c.fd_policy_new())

    @classmethod
    def _own(cls, ptr):
        """Wraps (and owns) a C fd_policy* (private)."""
        self = cls.__new__(cls)
        Handle.__init__(self, ptr)
        return self

    def get(self, key, default=_MISSING):
        """The value of ``key`` (e.g. "call.max_rings"). An unknown key raises NotFound (a KeyError),
        or gives ``default`` when one is passed."""
        try:
            return _c.fd_policy_get(self._handle(), key)
        except NotFound as e:
            if default is not _MISSING:
                return default
            raise PolicyKeyError(e.message, e.code) from None

    def __getitem__(self, key):
        return self.get(key)

    def set(self, key, value):
        """Sets ``key`` to the int ``value``; OutOfRange (naming range, unit and rule) outside its range."""
        _c.fd_policy_set(self._handle(), key, value)

    __setitem__ = set

    def get_deadline(self, key):
        """A deadline key's (amount, DeadlineUnit), e.g. (3, DeadlineUnit.WORKING_DAYS) (R-CPL-2);
        InvalidArgument for a plain key."""
        from .calendar import DeadlineUnit
        amount, unit = _c.fd_policy_get_deadline(self._handle(), key)
        return amount, DeadlineUnit(unit)

    def set_deadline(self, key, amount, unit):
        """Sets a deadline key's amount and unit together: ``set_deadline(key, 3, "working_days")``;
        a day key takes calendar_days, working_days or same_day (0), a minutes key minute and hour units."""
        from .calendar import _unit
        _c.fd_policy_set_deadline(self._handle(), key, amount, int(_unit(unit)))

    def format(self, key):
        """The value as ``frontdesk policy list`` shows it: "3" or "3 working_days"."""
        return _c.fd_policy_format(self._handle(), key)

    def is_default(self, key):
        """Whether ``key`` still holds its default."""
        return bool(_c.fd_policy_is_default(self._handle(), key))

    def copy(self):
        """An independent copy of this policy."""
        return Policy._own(_c.fd_policy_copy(self._handle()))

    def __iter__(self):
        """Every key's name, in the stable order of :func:`policy_keys`."""
        return iter([k.key for k in policy_keys()])

    def __len__(self):
        """The number of keys (all of them: a policy holds a value for every key)."""
        return _c.fd_policy_key_count()

    def __contains__(self, key):
        """Whether ``key`` is a key this library knows."""
        return isinstance(key, str) and key in set(iter(self))

    def overrides(self):
        """``{key: value}`` of the keys that differ from their defaults."""
        return {k: v for k, v in self.items() if not self.is_default(k)}

    def __repr__(self):
        return f"Policy({self.overrides()!r} over the defaults)"
