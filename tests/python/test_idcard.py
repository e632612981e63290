"""idcard from Python: GB 11643-1999 numbers, the 15-digit form, masking (R-COM-2)."""
import datetime

import pytest

import frontdesk

TODAY = datetime.date(2026, 11, 23)


def test_id_card_parse_the_example_of_the_standard():
    c = frontdesk.id_card_parse("11010519491231002X", today=TODAY)
    assert c == frontdesk.IdCard("11010519491231002X", "110105", "北京市",
                                 datetime.date(1949, 12, 31), "female", False)
    assert frontdesk.id_card_parse("440524188001010014", today=TODAY).sex == "male"


def test_id_card_parse_15_digits_is_converted():
    c = frontdesk.id_card_parse("110105491231002", today="2026-11-23")
    assert c.number == "11010519491231002X"
    assert c.legacy is True


def test_id_card_check_needs_an_explicit_as_of_date():
    with pytest.raises(TypeError):
        frontdesk.id_card_is_valid("11010519491231002X")  # pylint: disable=no-value-for-parameter
    with pytest.raises(TypeError):
        frontdesk.id_card_parse("11010519491231002X")  # pylint: disable=no-value-for-parameter
    for call in (frontdesk.id_card_is_valid, frontdesk.id_card_parse):
        with pytest.raises(frontdesk.InvalidArgument, match="today: is required"):
            call("11010519491231002X", None)


def test_id_card_is_valid():
    assert frontdesk.id_card_is_valid("11010519491231002X", TODAY) is True
    assert frontdesk.id_card_is_valid("11010519491231002x", today=TODAY) is True
    assert frontdesk.id_card_is_valid("110105194912310021", today=TODAY) is False
    assert frontdesk.id_card_is_valid("110105202611240012", today=TODAY) is False   # born tomorrow
    assert frontdesk.id_card_is_valid("110105202611240012", today=datetime.date(2026, 11, 24)) is False  # checksum
    assert frontdesk.id_card_is_valid("", today=TODAY) is False


def test_id_card_valid_is_the_old_name_of_is_valid():
    assert frontdesk.id_card_valid is frontdesk.id_card_is_valid
    assert frontdesk.id_card_valid("11010519491231002X", today=TODAY) is True
    assert not hasattr(frontdesk.core, "fd_idcard_valid")   # the deprecated C name is not bound


@pytest.mark.parametrize("text, needle", [
    ("11010519491231002", "length"),
    ("1101051949123100AX", "character"),
    ("99010519491231002X", "region"),
    ("11010519491331002X", "birth date"),
    ("110105194912310021", "checksum: '110105********0021' ends in '1' but its first 17 digits give the check character 'X'"),
])
def test_id_card_parse_says_which_part_is_wrong(text, needle):
    with pytest.raises(frontdesk.InvalidArgument) as e:
        frontdesk.id_card_parse(text, today=TODAY)
    assert needle in str(e.value)


@pytest.mark.parametrize("text, number", [
    ("11010519491231003X", "11010519491231003"),   # wrong check digit, ending in X
    ("11010519491231002", "11010519491231002"),    # 17 characters
    ("11010519491331002X", "19491331"),            # month 13
    ("110105202611240012", "20261124"),            # born tomorrow
])
def test_id_card_errors_never_echo_the_number_R_COM_2(text, number):
    with pytest.raises(frontdesk.InvalidArgument) as e:
        frontdesk.id_card_parse(text, today=TODAY)
    assert number not in str(e.value)


def test_id_card_birth_in_the_future():
    tomorrow = datetime.date(2026, 11, 24)
    body = "110105" + tomorrow.strftime("%Y%m%d") + "001"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    num = body + "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]
    with pytest.raises(frontdesk.InvalidArgument, match="after today"):
        frontdesk.id_card_parse(num, today=TODAY)
    assert frontdesk.id_card_parse(num, today=tomorrow).birth == tomorrow


def test_id_card_mask_R_COM_2():
    assert frontdesk.id_card_mask("11010519491231002x") == "110105********002X"
    assert frontdesk.id_card_mask("110105491231002") == "110105*****1002"
    assert frontdesk.id_card_mask("110105194912310021") == "110105********0021"
    with pytest.raises(frontdesk.InvalidArgument, match="length"):
        frontdesk.id_card_mask("1234")
