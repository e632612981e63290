"""Money as int fen (分): capital numerals for receipts (R-FEE-4), display,
parsing, and arithmetic that rounds in a named mode (R-FEE-7).

    >>> frontdesk.money_upper(1020050)
    '壹万零贰佰元伍角'
    >>> frontdesk.money_format(123450)
    '¥1,234.50'
    >>> frontdesk.money_parse("壹仟零伍元整")
    100500
    >>> frontdesk.money_mul_ratio(12345, 70, 100)          # custody pays 70 %
    8642
"""

from . import core as _c
from .errors import InvalidArgument

__all__ = [
    "money_upper", "money_format", "money_parse", "money_add", "money_sub",
    "money_mul_ratio", "money_round_to", "ROUNDING_MODES",
]

#: rounding modes by name (fd_money_round); "half_up" (四舍五入) is the default
ROUNDING_MODES = {
    "half_up": _c.FD_MONEY_ROUND_HALF_UP,
    "half_even": _c.FD_MONEY_ROUND_HALF_EVEN,
    "down": _c.FD_MONEY_ROUND_DOWN,
    "up": _c.FD_MONEY_ROUND_UP,
    "floor": _c.FD_MONEY_ROUND_FLOOR,
    "ceiling": _c.FD_MONEY_ROUND_CEILING,
}


def _mode(mode):
    if isinstance(mode, str):
        try:
            return ROUNDING_MODES[mode]
        except KeyError:
            raise InvalidArgument(
                f"mode: '{mode}' is not a rounding mode ({', '.join(ROUNDING_MODES)})", -1) from None
    if isinstance(mode, int) and not isinstance(mode, bool):
        return mode
    raise InvalidArgument(f"mode: expected a mode name such as 'half_up', got {mode!r}", -1)


def money_upper(fen):
    """The amount in Chinese capital numerals by the People's Bank rules: 100500 → '壹仟零伍元整'."""
    return _c.fd_money_upper(fen)


def money_format(fen, symbol=True, grouping=True):
    """'¥1,234.50' for 123450; without symbol and/or grouping on request."""
    opts = _c.fd_money_format_options()
    _c.fd_money_format_options_init(opts, _c.FD_MONEY_FORMAT_OPTIONS_VERSION)
    opts.symbol = 1 if symbol else 0
    opts.grouping = 1 if grouping else 0
    return _c.fd_money_format(fen, opts)


def money_parse(text):
    """Fen from '1,234.5', '¥1234.50', '1234.5元', full-width digits or '壹仟零伍元整'.

    Raises InvalidArgument for ambiguous or over-precise text ('1.234', '1,23', '')
    and OutOfRange beyond int64 fen.
    """
    return _c.fd_money_parse(text)


def money_add(a, b):
    """a + b fen; OutOfRange on int64 overflow."""
    return _c.fd_money_add(a, b)


def money_sub(a, b):
    """a - b fen; OutOfRange on int64 overflow."""
    return _c.fd_money_sub(a, b)


def money_mul_ratio(fen, num, den, mode="half_up"):
    """fen × num / den computed exactly and rounded once in ``mode``
    ('half_up', 'half_even', 'down', 'up', 'floor', 'ceiling')."""
    return _c.fd_money_mul_ratio(fen, num, den, _mode(mode))


def money_round_to(fen, unit, mode="half_up"):
    """fen rounded to a multiple of ``unit`` fen (10: jiao, 100: yuan) in ``mode``."""
    return _c.fd_money_round_to(fen, unit, _mode(mode))
