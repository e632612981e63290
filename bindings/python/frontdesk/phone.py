"""Chinese phone numbers: parse, classify, mask (R-COM-2).

    >>> frontdesk.phone_parse("+86 138-1234-5678").kind
    'mobile'
    >>> frontdesk.phone_mask("13812345678")
    '138****5678'
"""

from typing import NamedTuple

from . import core as _c

__all__ = ["Phone", "phone_parse", "phone_mask", "phone_kind_name"]


class Phone(NamedTuple):
    """A parsed phone number (fd_phone)."""
    kind: str        # 'mobile', 'landline', 'service' (400/800) or 'short' (110, 12345, 95555)
    national: str    # as dialled inside China: '13812345678', '01062345678'
    e164: str        # '+8613812345678'; '' for short numbers and local numbers without area code
    area_code: str   # landlines: '010', '0755'; '' otherwise
    subscriber: str  # landlines: the local number
    extension: str   # '' when none
    place: str       # landlines: what the area code serves, e.g. '广东省深圳市'


def phone_kind_name(kind):
    """The name of an fd_phone_kind number: 'mobile', 'landline', 'service', 'short' or 'unknown'."""
    return _c.fd_phone_kind_name(kind)


def phone_parse(text):
    """Parses a Chinese phone number; InvalidArgument names what is wrong."""
    p = _c.fd_phone()
    _c.fd_phone_parse(p, text)
    return Phone(phone_kind_name(p.kind), p.national, p.e164, p.area_code, p.subscriber,
                 p.extension, p.place)


def phone_mask(text):
    """The number masked for listings (R-COM-2): '138****5678', '010-****5678'."""
    return _c.fd_phone_mask(text)
