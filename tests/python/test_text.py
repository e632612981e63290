"""text from Python: normalisation, T<->S, pinyin, search keys, sorting, width (issue 4)."""
import os
import shutil
import subprocess
import threading

import pytest

import frontdesk


@pytest.mark.parametrize("raw, norm", [
    ("  ＡＢＣ　１２３  ", "ABC 123"),
    ("a \t\n b", "a b"),
    ("", ""),
    ("２号楼　３单元", "2号楼 3单元"),
    ("e\u0301", "\u00e9"),
    ("𠮷野家", "𠮷野家"),
])
def test_normalize(raw, norm):
    assert frontdesk.normalize(raw) == norm


def test_traditional_simplified():
    assert frontdesk.to_simplified("長沙銀行") == "长沙银行"
    assert frontdesk.to_simplified("臺灣") == "台湾"
    assert frontdesk.to_simplified("乾隆") == "乾隆"
    assert frontdesk.to_traditional("长沙银行") == "長沙銀行"
    assert frontdesk.to_traditional("头发") == "頭髮"


@pytest.mark.parametrize("text, py", [
    ("重庆银行", "chong qing yin hang"),
    ("长沙", "chang sha"),
    ("行长", "hang zhang"),
    ("長沙", "chang sha"),
    ("厦门", "xia men"),
    ("A座101室", "A zuo 101 shi"),
    ("𠮷", "ji"),
    ("绿", "lv"),
    ("", ""),
])
def test_pinyin(text, py):
    assert frontdesk.pinyin(text) == py


def test_pinyin_tones():
    assert frontdesk.pinyin("中国", tones=True) == "zhōng guó"
    assert frontdesk.name_pinyin("单田芳", tones=True) == "shàn tián fāng"


@pytest.mark.parametrize("name, py", [
    ("单田芳", "shan tian fang"), ("曾国藩", "zeng guo fan"), ("解缙", "xie jin"),
    ("仇英", "qiu ying"), ("朴槿惠", "piao jin hui"), ("区家麟", "ou jia lin"),
    ("查良镛", "zha liang yong"), ("翟志刚", "zhai zhi gang"), ("尉迟恭", "yu chi gong"),
    ("万俟卨", "mo qi xie"), ("欧阳修", "ou yang xiu"), ("司马迁", "si ma qian"),
    ("诸葛亮", "zhu ge liang"), ("上官婉儿", "shang guan wan er"),
])
def test_name_pinyin_surnames(name, py):
    assert frontdesk.name_pinyin(name) == py


def test_initials():
    assert frontdesk.initials("重庆银行") == "cqyh"
    assert frontdesk.initials("3号楼") == "3hl"
    assert frontdesk.name_initials("单田芳") == "stf"
    assert frontdesk.initials("单田芳") == "dtf"


def test_matches():
    assert frontdesk.matches("zs", "张三") is True
    assert frontdesk.matches("zhangs", "张三")
    assert frontdesk.matches("張", "张三")
    assert frontdesk.matches("zhang san", "张三")
    assert frontdesk.matches("stf", "单田芳")
    assert not frontdesk.matches("angs", "张三")
    assert frontdesk.matches("", "anything")


def test_search_keys_back_an_index():
    names = ["张三", "单田芳", "長沙銀行", "李四", "欧阳修", "John Smith"]
    rows = [(k, i) for i, n in enumerate(names) for k in frontdesk.search_key(n)]
    assert frontdesk.search_key("") == []
    assert "zhangsan" in frontdesk.search_key("张三")
    for q in ["zs", "zhangs", "張", "stf", "yinhang", "oyx", "smith", "x", "san"]:
        qk = frontdesk.search_query(q)
        via_keys = {i for k, i in rows if k.startswith(qk)}
        via_scan = {i for i, n in enumerate(names) if frontdesk.matches(q, n)}
        assert via_keys == via_scan, q
    assert len(frontdesk.search_query("一" * 40).encode()) <= frontdesk.SEARCH_KEY_MAX


def test_sort_names_and_keys():
    names = ["张三", "单田芳", "李四", "阿凡提", "曾小明"]
    assert frontdesk.sort_names(names) == ["阿凡提", "李四", "单田芳", "曾小明", "张三"]
    assert frontdesk.sort_names(names, order="pinyin") == ["阿凡提", "曾小明", "单田芳", "李四", "张三"]
    assert frontdesk.sort_names(["李", "王", "丁", "一"], order="stroke") == ["一", "丁", "王", "李"]
    assert sorted(names, key=frontdesk.sort_key) == frontdesk.sort_names(names)
    assert isinstance(frontdesk.sort_key("张三"), bytes)
    assert frontdesk.sort_names([]) == []
    assert frontdesk.compare("单", "孙") == -1
    assert frontdesk.compare("张三", "张三") == 0
    with pytest.raises(frontdesk.InvalidArgument):
        frontdesk.sort_names(["a\nb"])
    with pytest.raises(frontdesk.InvalidArgument):
        frontdesk.sort_key("x", order="alphabet")


def test_natural_key():
    units = ["10-101", "2-1001", "2-101", "B10", "B2"]
    assert sorted(units, key=frontdesk.natural_key) == ["2-101", "2-1001", "10-101", "B2", "B10"]
    assert frontdesk.natural_key("２-１０１") == frontdesk.natural_key("2-101")


def test_width_truncate_pad():
    assert frontdesk.display_width("长沙") == 4
    assert frontdesk.display_width("e\u0301") == 1
    assert frontdesk.truncate("长沙银行", 5) == "长沙…"
    assert frontdesk.truncate("abcdef", 4, ellipsis="...") == "a..."
    assert frontdesk.truncate("长沙", 8) == "长沙"
    assert frontdesk.pad("长沙", 6) == "长沙  "
    assert frontdesk.pad("长沙", 6, align="right") == "  长沙"
    assert frontdesk.pad("长沙", 7, align="center") == " 长沙  "
    with pytest.raises(frontdesk.OutOfRange):
        frontdesk.truncate("x", -1)
    with pytest.raises(frontdesk.InvalidArgument):
        frontdesk.pad("x", 3, align="middle")


def test_bad_text_raises():
    with pytest.raises(frontdesk.InvalidArgument, match="lone surrogate"):
        frontdesk.pinyin("\udcff")  # a lone surrogate has no UTF-8
    with pytest.raises(frontdesk.InvalidArgument, match="must not be NULL"):
        frontdesk.pinyin(None)
    with pytest.raises(frontdesk.InvalidArgument, match="text"):
        frontdesk.matches("x", None)


def test_threads():
    errors = []

    def work():
        for _ in range(200):
            if frontdesk.name_pinyin("单田芳") != "shan tian fang" or not frontdesk.matches("stf", "单田芳"):
                errors.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# --- issue 9: the cases from public bug reports, more of each kind, the corpus ---

_DATA = os.path.join(os.environ.get("FD_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")),
                     "tests", "data")


def _rows(name):
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def _call(fn, args):
    if fn == "matches":
        return str(frontdesk.matches(args[0], args[1]))
    if fn == "display_width":
        return str(frontdesk.display_width(args[0]))
    if fn == "pinyin_tones":
        return frontdesk.pinyin(args[0], tones=True)
    return getattr(frontdesk, fn)(args[0])


@pytest.mark.parametrize("row", _rows("text-round2.tsv") + _rows("text-round2-more.tsv"),
                         ids=lambda r: "%s(%s)" % (r[0], ",".join(r[1:-1])))
def test_issue9_cases(row):
    assert _call(row[0], row[1:-1]) == row[-1]


def test_issue9_case_file_is_the_issue_copy():
    assert len(_rows("text-round2.tsv")) == 23


def test_conversion_agrees_with_opencc_on_the_corpus():
    rows = _rows("text-corpus.tsv")
    agree = sum(1 for kind, d, src, ref in rows
                if (frontdesk.to_traditional(src) if d == "s2t" else frontdesk.to_simplified(src)) == ref)
    assert len(rows) > 10000
    assert agree / len(rows) >= 0.999


@pytest.mark.skipif(shutil.which("opencc") is None, reason="the opencc command is not installed (scripts/setup-deps)")
def test_corpus_column_is_what_the_opencc_command_gives():
    rows = _rows("text-corpus.tsv")
    for d in ("s2t", "t2s"):
        src = [r[2] for r in rows if r[1] == d]
        out = subprocess.run(["opencc", "-c", d + ".json"], input="\n".join(src) + "\n", capture_output=True,
                             text=True, check=True).stdout.split("\n")[:len(src)]
        assert out == [r[3] for r in rows if r[1] == d]


def test_overrides_are_the_listed_disagreements_with_opencc():
    """Each curated T/S override gives what its line says, where opencc differs."""
    for d, src, want in (("t2s", "擡頭", "抬头"), ("t2s", "松原市乾安縣", "松原市乾安县"), ("t2s", "沈着", "沉着"),
                         ("s2t", "一只只", "一隻隻"), ("s2t", "子丑寅卯", "子丑寅卯")):
        got = frontdesk.to_traditional(src) if d == "s2t" else frontdesk.to_simplified(src)
        assert got == want


@pytest.mark.parametrize("kind", ["name", "address", "notice", "trad"])
def test_search_keys_agree_with_pinyin_over_the_corpus(kind):
    """Issue 9 kind 4: what pinyin() prints finds the text, for every line of the corpus."""
    for row in _rows("text-corpus.tsv")[::7]:
        if row[0] != kind:
            continue
        s = row[2]
        for printed in (frontdesk.pinyin(s), frontdesk.name_pinyin(s), frontdesk.initials(s),
                        frontdesk.name_initials(s)):
            q = printed.replace(" ", "")
            assert frontdesk.matches(q, s), (q, s)
            key = frontdesk.search_query(q)
            assert any(k.startswith(key) for k in frontdesk.search_key(s)), (q, s)


def test_pad_and_truncate_with_emoji_sequences():
    assert frontdesk.pad("👍🏽", 4) == "👍🏽  "
    assert frontdesk.truncate("👍🏽👍🏽👍🏽", 5) == "👍🏽👍🏽…"
    assert frontdesk.display_width("✌🏻") == 2
