"""Site policy: every number of the service standards as a named value."""

from typing import NamedTuple

from . import core as _c
from ._convert import Handle

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


class Policy(Handle):
    """A set of policy values, defaults unless changed. ``policy["call.max_rings"]``."""

    _free = staticmethod(_c.fd_policy_free)

    def __init__(self, _ptr=None):
        super().__init__(_ptr if _ptr is not None else _c.fd_policy_new())

    def get(self, key):
        """The value of ``key`` (e.g. "call.max_rings"); NotFound for an unknown key."""
        return _c.fd_policy_get(self._handle(), key)

    def set(self, key, value):
        """Sets ``key`` to the int ``value``; OutOfRange (naming range, unit and rule) outside its range."""
        _c.fd_policy_set(self._handle(), key, value)

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
        return Policy(_c.fd_policy_copy(self._handle()))

    def keys(self):
        """Every key's name, in the stable order of :func:`policy_keys`."""
        return [k.key for k in policy_keys()]

    def items(self):
        """(key, value) pairs for every key."""
        return [(k, self.get(k)) for k in self.keys()]

    __getitem__ = get
    __setitem__ = set

    def __contains__(self, key):
        """Whether ``key`` is a key this library knows."""
        return key in self.keys()
