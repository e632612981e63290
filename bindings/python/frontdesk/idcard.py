"""Resident ID numbers (GB 11643-1999): check, parse, mask (R-COM-2).

    >>> frontdesk.id_card_is_valid("11010519491231002X", today=datetime.date(2026, 11, 23))
    True
    >>> frontdesk.id_card_parse("110105491231002", today="2026-11-23").number
    '11010519491231002X'
    >>> frontdesk.id_card_mask("11010519491231002X")
    '110105********002X'

``today`` (a datetime.date or 'YYYY-MM-DD') is the as-of day against which a
birth date in the future is refused. It is required: nothing here reads the
clock (``Store.site_date(site, at)`` gives a site's local date).
"""

import datetime as _dt
from typing import NamedTuple

from . import core as _c
from .errors import InvalidArgument

__all__ = ["IdCard", "id_card_is_valid", "id_card_valid", "id_card_parse", "id_card_mask"]



class IdCard(NamedTuple):
    """What an ID number says (fd_idcard)."""
    number: str      # the 18-character form, X upper case
    region: str      # 6-digit GB/T 2260 code
    province: str    # e.g. '北京市'
    birth: _dt.date
    sex: str         # 'male' or 'female'
    legacy: bool     # the input was the 15-digit form


def _today(today):
    if today is None:
        raise InvalidArgument("today: is required (the as-of date against which a birth date in the future "
                              "is refused), got None", -1)
    return today


def id_card_is_valid(text, today):
    """True when ``text`` is a valid ID number (checksum, date, region) as of ``today``."""
    return bool(_c.fd_idcard_is_valid(text, _today(today)))


#: the old name of id_card_is_valid, kept for one release (deprecated)
id_card_valid = id_card_is_valid


def id_card_parse(text, today):
    """Parses an ID number as of ``today``; InvalidArgument says which part is wrong
    (length, character, region, birth date, checksum with the expected character)."""
    r = _c.fd_idcard()
    _c.fd_idcard_parse(r, text, _today(today))
    b = r.birth
    return IdCard(r.number, r.region, r.province, _dt.date(b.year, b.month, b.day),
                  "male" if r.sex == _c.FD_IDCARD_MALE else "female", bool(r.legacy))


def id_card_mask(text):
    """The number masked for listings (R-COM-2): first 6 and last 4 kept."""
    return _c.fd_idcard_mask(text)
