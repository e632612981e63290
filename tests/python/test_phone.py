"""phone from Python: parse, classify, mask (R-COM-2)."""
import pytest

import frontdesk


@pytest.mark.parametrize("text", [
    "13812345678", "138 1234 5678", "+86 138-1234-5678", "0086 13812345678", "１３８１２３４５６７８",
])
def test_phone_parse_mobile(text):
    p = frontdesk.phone_parse(text)
    assert p.kind == "mobile"
    assert p.national == "13812345678"
    assert p.e164 == "+8613812345678"
    assert p.area_code == ""


def test_phone_parse_landline_with_area_code_and_extension():
    p = frontdesk.phone_parse("0755-23456789-801")
    assert p == frontdesk.Phone("landline", "075523456789", "+8675523456789", "0755", "23456789",
                                "801", "广东省深圳市")
    p = frontdesk.phone_parse("(010) 6234 5678 转 8001")
    assert (p.area_code, p.subscriber, p.extension, p.place) == ("010", "62345678", "8001", "北京市")


def test_phone_parse_service_and_short():
    assert frontdesk.phone_parse("400-810-8888").kind == "service"
    assert frontdesk.phone_parse("12345").kind == "short"
    assert frontdesk.phone_parse("95555").kind == "short"
    assert frontdesk.phone_parse("110").e164 == ""


@pytest.mark.parametrize("text, needle", [
    ("hello", "'h****o' (5 characters) has 'h'"),
    ("138-1234-567", "has 10 digits; a mobile number has 11"),
    ("0123-4567890", "is not a Chinese area code"),
    ("+1 212 555 0100", "country code other than +86"),
])
def test_phone_parse_rejects_garbage(text, needle):
    with pytest.raises(frontdesk.InvalidArgument) as e:
        frontdesk.phone_parse(text)
    assert needle in str(e.value)


@pytest.mark.parametrize("text, number", [
    ("138123456789", "138123456789"),          # 12 digits
    ("13812345678a", "13812345678"),
    ("0755-234567890", "234567890"),
    ("13812345678转8001", "12345678"),          # a mobile has no extension
])
def test_phone_errors_never_echo_the_number_R_COM_2(text, number):
    for call in (frontdesk.phone_parse, frontdesk.phone_mask):
        with pytest.raises(frontdesk.InvalidArgument) as e:
            call(text)
        assert number not in str(e.value)


def test_phone_mask_R_COM_2():
    assert frontdesk.phone_mask("13812345678") == "138****5678"
    assert frontdesk.phone_mask("+86 138 1234 5678") == "138****5678"
    assert frontdesk.phone_mask("010-62345678") == "010-****5678"
    assert frontdesk.phone_mask("0310-2345678") == "0310-***5678"
    assert frontdesk.phone_mask("400-810-8888") == "4008108888"
    with pytest.raises(frontdesk.InvalidArgument):
        frontdesk.phone_mask("12")


def test_phone_kind_name():
    assert [frontdesk.phone_kind_name(k) for k in range(6)] == [
        "unknown", "mobile", "landline", "service", "short", "unknown"]
