"""money from Python: capital numerals (R-FEE-4), display, parsing, rounding (R-FEE-7)."""
import pytest

import frontdesk

INT64_MAX = 2**63 - 1
INT64_MIN = -(2**63)


@pytest.mark.parametrize("fen, text", [
    (1020050, "壹万零贰佰元伍角"),
    (100, "壹元整"),
    (5, "伍分"),
    (100500, "壹仟零伍元整"),
    (100507, "壹仟零伍元零柒分"),
    (1000, "壹拾元整"),
    (0, "零元整"),
    (-100, "负壹元整"),
    (9999999999, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    (1005, "壹拾元零伍分"),
    (100050, "壹仟元伍角"),
    (10000000, "壹拾万元整"),
    (10000000100, "壹亿零壹元整"),
    (20000000, "贰拾万元整"),
    (10700053, "壹拾万柒仟元伍角叁分"),
    (1640902, "壹万陆仟肆佰零玖元零贰分"),
])
def test_money_upper_R_FEE_4(fen, text):
    assert frontdesk.money_upper(fen) == text
    assert frontdesk.money_parse(text) == fen


def test_money_upper_int64_extremes_R_FEE_4():
    for v in (INT64_MAX, INT64_MIN, 1, -1):
        assert frontdesk.money_parse(frontdesk.money_upper(v)) == v
    assert frontdesk.money_upper(INT64_MIN).startswith("负玖亿")
    with pytest.raises(frontdesk.OutOfRange, match="fen: 9223372036854775808 is outside"):
        frontdesk.money_upper(2**63)


def test_money_format():
    assert frontdesk.money_format(123450) == "¥1,234.50"
    assert frontdesk.money_format(-5) == "-¥0.05"
    assert frontdesk.money_format(9999999999) == "¥99,999,999.99"
    assert frontdesk.money_format(123450, symbol=False) == "1,234.50"
    assert frontdesk.money_format(123450, grouping=False) == "¥1234.50"
    assert frontdesk.money_format(123450, symbol=False, grouping=False) == "1234.50"


@pytest.mark.parametrize("text, fen", [
    ("1,234.5", 123450), ("¥1234.50", 123450), ("1234.5元", 123450), ("￥1,234.50", 123450),
    ("１２３４．５０", 123450), ("0.01", 1), ("-1.5", -150), ("壹仟零伍元整", 100500),
    ("人民币壹万零贰佰元伍角", 1020050), ("负伍分", -5), ("92233720368547758.07", INT64_MAX),
])
def test_money_parse(text, fen):
    assert frontdesk.money_parse(text) == fen


@pytest.mark.parametrize("text, needle", [
    ("1.234", "'1.234' has 3 digits after the decimal point"),
    ("1,23", "',' in the wrong place"),
    ("", "is empty"),
    ("--1", "more than one sign"),
    ("壹佰伍元", "ambiguous"),
    ("abc", "no digits"),
])
def test_money_parse_rejects(text, needle):
    with pytest.raises(frontdesk.InvalidArgument) as e:
        frontdesk.money_parse(text)
    assert needle in e.value.message
    assert e.value.code == -1


def test_money_parse_overflow_is_out_of_range():
    with pytest.raises(frontdesk.OutOfRange, match="too large"):
        frontdesk.money_parse("99999999999999999999")


def test_money_add_sub():
    assert frontdesk.money_add(123450, 55) == 123505
    assert frontdesk.money_sub(100, 101) == -1
    with pytest.raises(frontdesk.OutOfRange, match="overflows"):
        frontdesk.money_add(INT64_MAX, 1)
    with pytest.raises(frontdesk.OutOfRange, match="overflows"):
        frontdesk.money_sub(INT64_MIN, 1)


def test_money_mul_ratio_custody_70_percent_R_FEE_7():
    assert frontdesk.money_mul_ratio(12345, 70, 100) == 8642          # 8641.5 half up
    assert frontdesk.money_mul_ratio(12355, 70, 100, "half_even") == 8648
    assert frontdesk.money_mul_ratio(12345, 70, 100, "down") == 8641
    assert frontdesk.money_mul_ratio(12341, 70, 100, "up") == 8639
    assert frontdesk.money_mul_ratio(-25, 1, 10, "floor") == -3
    assert frontdesk.money_mul_ratio(-25, 1, 10, "ceiling") == -2
    assert frontdesk.money_mul_ratio(INT64_MAX, 70, 100, "down") == 6456360425798343064
    with pytest.raises(frontdesk.OutOfRange):
        frontdesk.money_mul_ratio(INT64_MAX, 2, 1)
    with pytest.raises(frontdesk.InvalidArgument, match="den: must not be 0"):
        frontdesk.money_mul_ratio(1, 1, 0)
    with pytest.raises(frontdesk.InvalidArgument, match="not a rounding mode"):
        frontdesk.money_mul_ratio(1, 1, 2, "sideways")


def test_money_round_to():
    assert frontdesk.money_round_to(12345, 10) == 12350
    assert frontdesk.money_round_to(12345, 10, "half_even") == 12340
    assert frontdesk.money_round_to(12399, 100, "down") == 12300
    with pytest.raises(frontdesk.InvalidArgument, match="unit: 0"):
        frontdesk.money_round_to(1, 0)
    assert set(frontdesk.ROUNDING_MODES) == {"half_up", "half_even", "down", "up", "floor", "ceiling"}
