"""Chinese text: normalisation, Traditional/Simplified, pinyin and initials,
search keys, name sorting, natural keys for room numbers, display width.

    >>> frontdesk.pinyin("重庆银行")
    'chong qing yin hang'
    >>> frontdesk.name_pinyin("单田芳")
    'shan tian fang'
    >>> frontdesk.matches("zs", "张三")
    True
    >>> frontdesk.sort_names(["张三", "单田芳", "李四"])
    ['李四', '单田芳', '张三']
    >>> frontdesk.truncate("长沙银行", 5)
    '长沙…'

Every function raises InvalidArgument for None, TypeError for a str that
cannot be UTF-8 (lone surrogates), and is safe to call from many threads.
"""

from . import core as _c
from .errors import InvalidArgument

__all__ = [
    "normalize", "to_simplified", "to_traditional", "pinyin", "name_pinyin", "initials",
    "name_initials", "matches", "search_key", "search_query", "sort_key", "compare",
    "sort_names", "natural_key", "display_width", "truncate", "pad", "SORT_ORDERS",
    "ALIGNMENTS", "SEARCH_KEY_MAX",
]

#: sort orders by name: "name" reads a leading surname with its surname
#: reading (单 = shan; the default for names), "pinyin" uses everyday readings
#: (单元 = dan yuan), "stroke" is ICU's stroke-count order.
SORT_ORDERS = {
    "name": _c.FD_TEXT_ORDER_NAME,
    "pinyin": _c.FD_TEXT_ORDER_PINYIN,
    "stroke": _c.FD_TEXT_ORDER_STROKE,
}

#: where pad() puts the text
ALIGNMENTS = {
    "left": _c.FD_TEXT_ALIGN_LEFT,
    "right": _c.FD_TEXT_ALIGN_RIGHT,
    "center": _c.FD_TEXT_ALIGN_CENTER,
}

#: longest search key in bytes (FD_TEXT_KEY_MAX)
SEARCH_KEY_MAX = _c.FD_TEXT_KEY_MAX


def _pick(table, what, value):
    if isinstance(value, str):
        try:
            return table[value]
        except KeyError:
            raise InvalidArgument(f"{what}: '{value}' is not one of {', '.join(table)}", -1) from None
    raise InvalidArgument(f"{what}: expected one of {', '.join(table)}, got {value!r}", -1)


def normalize(s):
    """NFKC (full-width ASCII to ASCII), trimmed, inner white space collapsed: '  ＡＢ　１ ' → 'AB 1'."""
    return _c.fd_text_normalize(s)


def to_simplified(s):
    """Traditional to Simplified: '長沙銀行' → '长沙银行', '臺灣' → '台湾'."""
    return _c.fd_text_to_simplified(s)


def to_traditional(s):
    """Simplified to Traditional: '长沙银行' → '長沙銀行', '头发' → '頭髮'."""
    return _c.fd_text_to_traditional(s)


def pinyin(s, tones=False):
    """Pinyin, one syllable per character separated by spaces; other text kept:
    'A座' → 'A zuo'. With tones=True: '中国' → 'zhōng guó'. ü is 'v' without tones."""
    return _c.fd_text_pinyin(s, 1 if tones else 0)


def name_pinyin(full_name, tones=False):
    """Pinyin of a person's name, the surname with its surname reading: '单田芳' → 'shan tian fang'."""
    return _c.fd_text_name_pinyin(full_name, 1 if tones else 0)


def initials(s):
    """First letters of the syllables: '重庆银行' → 'cqyh'; digits kept: '3号楼' → '3hl'."""
    return _c.fd_text_initials(s)


def name_initials(full_name):
    """Initials with surname readings: '单田芳' → 'stf'."""
    return _c.fd_text_name_initials(full_name)


def matches(query, text):
    """Whether query finds text: a substring after folding (NFKC, Traditional →
    Simplified, case, white space), or a pinyin prefix from a syllable, or part
    of the initials. matches('zs', '张三') and matches('張', '张三') are True."""
    return bool(_c.fd_text_matches(query, text))


def search_key(s):
    """The keys a store indexes for s, as a list of str (empty for empty text).
    Every text that matches(q, text) has a key starting with search_query(q)."""
    keys = _c.fd_text_search_key(s)
    return keys.split("\n") if keys else []


def search_query(query):
    """The key prefix to look up for query (folded, at most SEARCH_KEY_MAX bytes)."""
    return _c.fd_text_search_query(query)


def sort_key(s, order="name"):
    """A bytes sort key: sorted(names, key=frontdesk.sort_key) sorts by pinyin with
    surname readings (单 under S), then tone, then ICU's zh collation.
    order: 'name' (default), 'pinyin' or 'stroke'."""
    return _c.fd_text_sort_key(s, _pick(SORT_ORDERS, "order", order))


def compare(a, b, order="name"):
    """-1, 0 or 1 as a sorts before, with or after b in order."""
    c = _c.fd_text_compare(a, b, _pick(SORT_ORDERS, "order", order))
    return (c > 0) - (c < 0)


def sort_names(names, order="name"):
    """A new list of the names sorted for display (stable); order 'name', 'pinyin' or 'stroke'."""
    names = list(names)
    if not names:
        return []
    return _c.fd_text_sort_names(names, _pick(SORT_ORDERS, "order", order)).split("\n")


def natural_key(s):
    """A bytes key ordering room numbers naturally: '2-101' < '2-1001' < '10-101'."""
    return _c.fd_text_natural_key(s)


def display_width(s):
    """Columns on a terminal or receipt: wide (CJK) 2, combining marks 0."""
    return _c.fd_text_display_width(s)


def truncate(s, width, ellipsis="…"):
    """s cut to width columns, never inside a grapheme cluster, ending with ellipsis when cut."""
    return _c.fd_text_truncate(s, width, ellipsis)


def pad(s, width, align="left"):
    """s padded with spaces to width columns; align 'left', 'right' or 'center'. Never cuts."""
    return _c.fd_text_pad(s, width, _pick(ALIGNMENTS, "align", align))
