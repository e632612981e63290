"""pii from Python: masking phones, ID numbers, names and free text (R-COM-2)."""
import pytest

import frontdesk
from frontdesk import pii
from frontdesk.pii import PiiClass


def test_pii_class_labels_round_trip_R_COM_2():
    assert [c.label for c in PiiClass] == ["none", "phone", "id_number", "name", "free_text"]
    for c in PiiClass:
        assert PiiClass.parse(c.label) is c
        assert str(c) == c.label
    assert frontdesk.PiiClass is PiiClass
    with pytest.raises(frontdesk.InvalidArgument, match="'Phone' is not a class"):
        PiiClass.parse("Phone")


@pytest.mark.parametrize("cls, value, want", [
    (PiiClass.PHONE, "13812345678", "138****5678"),
    (PiiClass.PHONE, "010-62345678", "010-****5678"),
    ("phone", "1381234567", "138*****67"),                # does not parse: masked all the same
    (PiiClass.ID_NUMBER, "11010519491231002x", "110105********002X"),
    (PiiClass.ID_NUMBER, "110105491231002", "110105******002"),
    (PiiClass.NAME, "张三", "张*"),
    (PiiClass.NAME, "欧阳娜娜", "欧阳**"),
    (PiiClass.NAME, "𠮷田", "𠮷*"),
    (PiiClass.NAME, "John Smith", "J*** S****"),
    (PiiClass.FREE_TEXT, "回电 13800138000", "回电 138****8000"),
    (PiiClass.NONE, "回电 13800138000", "回电 13800138000"),
])
def test_pii_mask_by_class_R_COM_2(cls, value, want):
    assert pii.mask(value, cls) == want


def test_pii_mask_text_R_COM_2():
    text = "张先生来电 13800138000 反映3号楼电梯故障，访客身份证 110105199001011234 登记"
    assert pii.mask_text(text) == "张先生来电 138****8000 反映3号楼电梯故障，访客身份证 110105********1234 登记"
    assert pii.mask_text_count("+86 138-0013-8000、(021)12345678、１３８００１３８０００") == (
        "+86 138-****-8000、(021)****5678、１３８＊＊＊＊８０００", 3)
    assert pii.mask_text_count("金额 13800138000.00，单号 138001380001") == (
        "金额 13800138000.00，单号 138001380001", 0)
    assert pii.mask_text("") == ""


def test_pii_contains_R_COM_2():
    assert pii.contains("请回电 138 0013 8000") is True
    assert pii.contains("3号楼电梯故障") is False


def test_pii_bad_arguments_R_COM_2():
    with pytest.raises(frontdesk.InvalidArgument, match="text: must not be NULL"):
        pii.mask_text(None)
    with pytest.raises(frontdesk.InvalidArgument, match="value: must not be NULL"):
        pii.mask(None, PiiClass.PHONE)
    with pytest.raises(frontdesk.InvalidArgument, match="cls: 9"):
        frontdesk.core.fd_pii_mask(9, "x")  # the raw call takes any int
    with pytest.raises(TypeError):
        pii.mask("x", 3)
    with pytest.raises(frontdesk.InvalidArgument, match="text: contains a lone surrogate"):
        pii.contains("\udcff 13800138000")
