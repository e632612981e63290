"""Reports as models: building, walking, the three renderers, hostile text, bad input,
and the daily report (R-COM-4) as a Report."""

import csv
import datetime as dt
import io
import json
import zoneinfo

import pytest

import frontdesk
from frontdesk import ColumnType, Report
from frontdesk.report import Column, Meta, Section, Table

HOSTILE = "a\nb\rc\x1b[2Jd\x7fe\x85f\x9bg\u2028h\u2029i\u202ej\tk\"l\\m"
TEXT_ESCAPED = r'a\nb\rc\x1B[2Jd\x7Fe\u0085f\u009Bg\u2028h\u2029i\u202Ej\tk"l\m'
RAW = ["\r", "\x1b", "\x7f", "\t", "\x85", "\x9b", "\u2028", "\u2029", "\u202e"]


def sample():
    r = Report("visitors.monthly", "访客月报 Visitors")
    r.add_meta("site", "Site", "某某产业园")
    s = r.add_section("visitors.by_gate", "按门岗 By gate")
    t = r.add_table(s, "counts")
    r.add_column(s, t, "gate", "门岗 Gate")
    r.add_column(s, t, "visits", "Visits", ColumnType.INT)
    r.add_column(s, t, "fees", "Fees", "fen")
    r.add_column(s, t, "share", "Share", ColumnType.PERCENT)
    r.add_column(s, t, "first", "First", ColumnType.INSTANT)
    r.add_column(s, t, "day", "Day", ColumnType.DATE)
    r.add_row(s, t, ["东门", 12, 123450, 6000, (1749484800, "2025-06-10 00:00"), dt.date(2025, 6, 10)])
    r.add_row(s, t, ["B2 west", 3, -5, 1234, dt.datetime(2025, 6, 9, 16, 0, 1, tzinfo=dt.timezone.utc)])
    r.add_note(s, "截至 18:00")
    return r


def test_the_model_reads_back_as_python_values():
    r = sample()
    assert (r.key, r.title) == ("visitors.monthly", "访客月报 Visitors")
    assert r.meta == [Meta("site", "Site", "某某产业园")]
    [sec] = r.sections
    assert isinstance(sec, Section) and sec.key == "visitors.by_gate" and sec.notes == ["截至 18:00"]
    [table] = sec.tables
    assert isinstance(table, Table) and table.key == "counts" and table.title == ""
    assert table.columns[2] == Column("fees", "Fees", ColumnType.FEN)
    assert [c.type for c in table.columns] == [ColumnType.TEXT, ColumnType.INT, ColumnType.FEN, ColumnType.PERCENT,
                                               ColumnType.INSTANT, ColumnType.DATE]
    at = dt.datetime(2025, 6, 9, 16, 0, tzinfo=dt.timezone.utc)
    assert table.rows == [
        ["东门", 12, 123450, 6000, at, dt.date(2025, 6, 10)],
        ["B2 west", 3, -5, 1234, at + dt.timedelta(seconds=1), None],
    ]
    assert r.section("visitors.by_gate") == sec
    with pytest.raises(KeyError):
        r.section("nope")


def test_set_cell_replaces_a_cell_of_the_last_row():
    r = sample()
    r.set_cell(0, 0, 0, "南门")
    r.set_cell(0, 0, 5, "2025-06-11")
    assert r.sections[0].tables[0].rows[1][0] == "南门"
    assert r.sections[0].tables[0].rows[1][5] == dt.date(2025, 6, 11)
    assert "南门" in r.text()


def test_text_aligns_chinese_by_display_width():
    assert sample().text() == (
        "访客月报 Visitors\n"
        "Site: 某某产业园\n"
        "\n"
        "按门岗 By gate\n"
        "  门岗 Gate  Visits     Fees   Share  First             Day\n"
        "  ---------  ------  -------  ------  ----------------  ----------\n"
        "  东门           12  1234.50  60.00%  2025-06-10 00:00  2025-06-10\n"
        "  B2 west         3    -0.05  12.34%  1749484801\n"
        "  * 截至 18:00\n")
    assert str(sample()) == sample().text()


def test_json_and_to_dict_are_typed():
    d = sample().to_dict()
    assert d["key"] == "visitors.monthly" and d["meta"] == [{"key": "site", "label": "Site", "value": "某某产业园"}]
    table = d["sections"][0]["tables"][0]
    assert [c["type"] for c in table["columns"]] == ["text", "int", "fen", "percent", "instant", "date"]
    assert table["rows"] == [["东门", 12, 123450, 6000, 1749484800, "2025-06-10"],
                             ["B2 west", 3, -5, 1234, 1749484801, None]]
    assert d["sections"][0]["notes"] == ["截至 18:00"]


def test_csv_has_a_bom_and_reads_back_with_the_csv_module():
    text = sample().csv()
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == ["访客月报 Visitors"]
    assert rows[3] == ["visitors.by_gate/counts", "按门岗 By gate"]
    assert rows[5] == ["东门", "12", "1234.50", "60.00%", "2025-06-10 00:00", "2025-06-10"]
    assert rows[-1] == ["截至 18:00"]


def hostile():
    r = Report("evil", HOSTILE)
    r.add_meta("who", HOSTILE, HOSTILE)
    s = r.add_section("evil.section", HOSTILE)
    t = r.add_table(s, "t", HOSTILE)
    r.add_column(s, t, "text", HOSTILE)
    r.add_column(s, t, "n", "N", ColumnType.INT)
    r.add_row(s, t, [HOSTILE, -5])
    r.add_note(s, HOSTILE)
    return r


def test_text_renderer_escapes_hostile_text():
    text = hostile().text()
    assert not any(c in text for c in RAW)
    assert text.count("\n") == 9 and text.count(TEXT_ESCAPED) == 8


def test_json_renderer_escapes_hostile_text_and_keeps_it():
    out = hostile().json()
    assert not any(c in out for c in RAW) and out.count("\n") == 1
    d = json.loads(out)
    assert d["title"] == HOSTILE and d["sections"][0]["tables"][0]["rows"] == [[HOSTILE, -5]]
    assert d["sections"][0]["notes"] == [HOSTILE]


def test_csv_renderer_escapes_hostile_text_and_defuses_formulas():
    out = hostile().csv()
    assert not any(c in out.replace("\r\n", "") for c in RAW)
    rows = list(csv.reader(io.StringIO(out[1:], newline="")))
    assert rows[5] == [TEXT_ESCAPED, "-5"]
    r = Report("f", "=1+1")
    s = r.add_section("s", "@SUM(A1)")
    t = r.add_table(s, "t")
    r.add_column(s, t, "a", "-a")
    r.add_column(s, t, "b", "B", ColumnType.INT)
    r.add_row(s, t, ['=HYPERLINK("http://x")', -3])
    rows = list(csv.reader(io.StringIO(r.csv()[1:], newline="")))
    assert rows[0] == ["'=1+1"]
    assert rows[2] == ["s/t", "'@SUM(A1)"]
    assert rows[3] == ["'-a", "B"]
    assert rows[4] == ["'=HYPERLINK(\"http://x\")", "-3"]


def test_bad_input_is_refused_and_changes_nothing():
    r = sample()
    before = r.json()
    with pytest.raises(frontdesk.InvalidArgument, match="key"):
        Report("Bad Key", "t")
    with pytest.raises(frontdesk.InvalidArgument, match="title"):
        Report("k", "")
    with pytest.raises(frontdesk.Conflict, match="'site' is taken"):
        r.add_meta("site", "Site", "x")
    with pytest.raises(frontdesk.Conflict):
        r.add_section("visitors.by_gate", "again")
    with pytest.raises(frontdesk.OutOfRange, match="section: 5"):
        r.add_table(5, "t")
    with pytest.raises(frontdesk.InvalidArgument, match="type: 9 is not a column type"):
        r.add_column(0, 0, "k", "K", 9)
    with pytest.raises(frontdesk.InvalidArgument, match="type"):
        r.add_column(0, 0, "k", "K", "money")
    with pytest.raises(frontdesk.InvalidState, match="has rows already"):
        r.add_column(0, 0, "k", "K")
    with pytest.raises(frontdesk.InvalidArgument, match="values"):
        r.add_row(0, 0, list(range(7)))
    for bad in (["x", 1.5], ["x", True], [3], ["x", 1, "12.34"], ["x", 1, 1, 1, dt.datetime(2025, 1, 1)],
                ["x", 1, 1, 1, 1, dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)], ["x", 1, 1, 1, 1, "2025-02-30"],
                ["x", 2**63]):
        with pytest.raises((frontdesk.InvalidArgument, frontdesk.OutOfRange)):
            r.add_row(0, 0, bad)
    with pytest.raises(frontdesk.OutOfRange):
        r.add_row(0, 0, ["x" * 65537])
    with pytest.raises(frontdesk.InvalidArgument, match="None"):
        r.set_cell(0, 0, 0, None)
    with pytest.raises(frontdesk.InvalidArgument):
        r.set_cell(0, 0, 1, "12")
    with pytest.raises(frontdesk.OutOfRange, match="column: 6"):
        r.set_cell(0, 0, 6, "x")
    with pytest.raises(frontdesk.OutOfRange):
        r.add_note(3, "n")
    assert r.json() == before
    r.close()
    r.close()
    with pytest.raises(frontdesk.InvalidState):
        r.text()


def test_raw_readers_refuse_bad_indices():
    r = sample()
    core = frontdesk.report._c
    with pytest.raises(frontdesk.OutOfRange, match="index: 1"):
        core.fd_report_meta_get(core.fd_report_meta_info(), r._handle(), 1)
    with pytest.raises(frontdesk.OutOfRange, match="row: 2"):
        core.fd_report_cell_get(core.fd_report_cell(), r._handle(), 0, 0, 2, 0)
    with pytest.raises(frontdesk.OutOfRange, match="index: 1"):
        core.fd_report_note_get(r._handle(), 0, 1)
    with pytest.raises(frontdesk.InvalidArgument, match="format"):
        core.fd_report_render(r._handle(), 7)


def test_daily_report_is_a_report_R_COM_4(store, site, system):
    clerk = store.add_staff(system, "F001", "王小丽")
    sh = zoneinfo.ZoneInfo("Asia/Shanghai")
    for local, detail in (((2025, 6, 10, 8, 5), "交接班\n伪造的一行"), ((2025, 6, 11, 0, 0), "next day")):
        store.journal_add(frontdesk.Actor(site, clerk, at=dt.datetime(*local, tzinfo=sh)), "shift", "handover",
                          detail=detail)
    r = store.daily_report(system, "2025-06-10")
    assert isinstance(r, Report) and r.total == 1 and r.key == "daily"
    assert {m.key: m.value for m in r.meta}["date"] == "2025-06-10"
    assert [s.key for s in r.sections] == ["journal.by_kind", "journal.by_staff", "journal.entries", "calls.summary",
                                           "calls.by_category", "calls.by_disposition", "calls.answer_time",
                                           "calls.late", "calls.open", "calls.messages", "visitors.summary",
                                           "visitors.by_purpose", "visitors.by_organisation", "visitors.items",
                                           "visitors.custody", "visitors.blocklist", "visitors.important",
                                           "visitors.on_site", "complaints.summary", "complaints.received",
                                           "complaints.unanswered", "fees.summary", "repairs.summary",
                                           "callbacks.summary"]
    assert r.section("visitors.summary").tables[0].rows[0] == ["registered", "登记", 0]
    entries = r.section("journal.entries").tables[0]
    assert [c.key for c in entries.columns] == ["at", "staff", "entity", "entity_id", "action", "detail"]
    assert entries.rows == [[dt.datetime(2025, 6, 10, 8, 5, tzinfo=sh), "王小丽", "shift", 0, "handover",
                             "交接班\n伪造的一行"]]
    assert "2025-06-10 08:05 +08:00  王小丽  shift" in r.text() and "交接班\\n伪造的一行" in r.text()
    assert r.csv().startswith("\ufeff")
    # a module adds its section to the day's report
    s = r.add_section("parking.summary", "Parking")
    r.add_note(s, "no parking yet")
    assert r.to_dict()["sections"][24]["notes"] == ["no parking yet"]
