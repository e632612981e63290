"""Personal data (R-COM-2, 不可随意泄露客户资料): masking for display.

    >>> from frontdesk import pii
    >>> pii.mask("13812345678", pii.PiiClass.PHONE)
    '138****5678'
    >>> pii.mask("欧阳娜娜", "name")
    '欧阳**'
    >>> pii.mask_text("张先生来电 13800138000 反映3号楼电梯故障")
    '张先生来电 138****8000 反映3号楼电梯故障'
    >>> pii.mask_text_count("13800138000 / 110105199001011234")
    ('138****8000 / 110105********1234', 2)
    >>> pii.contains("请回电 138 0013 8000")
    True

The functions live in ``frontdesk.pii`` (``mask`` and ``contains`` would be
too vague among the package's names); the package exports ``PiiClass``.
Every function raises InvalidArgument for None, and TypeError for a str that
cannot be UTF-8 (lone surrogates); messages never quote the value.
"""

import enum

from . import core as _c

__all__ = ["PiiClass"]


class PiiClass(enum.Enum):
    """What kind of personal data a value is (fd_pii_class)."""
    NONE = _c.FD_PII_NONE            # shown as it is
    PHONE = _c.FD_PII_PHONE
    ID_NUMBER = _c.FD_PII_ID_NUMBER  # 居民身份证号码
    NAME = _c.FD_PII_NAME
    FREE_TEXT = _c.FD_PII_FREE_TEXT  # text that may contain phone and ID numbers

    @property
    def label(self):
        """'none', 'phone', 'id_number', 'name' or 'free_text' (fd_pii_class_name)."""
        return _c.fd_pii_class_name(self.value)

    @classmethod
    def parse(cls, label):
        """The class of a label; InvalidArgument for other names (fd_pii_class_parse)."""
        return cls(_c.fd_pii_class_parse(label))

    def __str__(self):
        return self.label


def _class(cls):
    if isinstance(cls, PiiClass):
        return cls.value
    if isinstance(cls, str):
        return _c.fd_pii_class_parse(cls)
    raise TypeError(f"expected a PiiClass or its label, got {cls!r}")


def mask(value, cls):
    """``value`` masked for display by its class, a PiiClass or its label:
    phones as phone_mask ('138****5678'), ID numbers with the birth date hidden
    ('110105********002X'), names keeping the surname ('张*', '欧阳**',
    'J*** S****'), free text as mask_text(); a phone or ID number that does
    not parse is masked all the same."""
    return _c.fd_pii_mask(_class(cls), value)


def mask_text_count(text):
    """(masked text, how many numbers were masked) for free text."""
    masked, count = _c.fd_pii_mask_text(text)
    return masked, count


def mask_text(text):
    """``text`` with its mobile, landline, ID and passport-like numbers (E12345678,
    C12345678) masked in place: every other character is kept, and the result has
    as many characters."""
    return mask_text_count(text)[0]


def contains(text):
    """True when ``text`` holds a phone, ID or passport-like number that mask_text() would mask."""
    return bool(_c.fd_pii_contains(text))
