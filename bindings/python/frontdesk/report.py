"""Reports as models (sections, tables with typed columns, rows, notes), rendered
as text, JSON or CSV; and the daily report built from the store (R-COM-4).

    r = Report("visitors.monthly", "访客月报")
    r.add_meta("site", "Site", "某某产业园")
    s = r.add_section("visitors.by_gate", "By gate")
    t = r.add_table(s, "counts")
    r.add_column(s, t, "gate", "Gate")
    r.add_column(s, t, "fees", "Fees", ColumnType.FEN)
    r.add_row(s, t, ["东门", 123450])
    print(r.text()); open("r.csv", "w", encoding="utf-8", newline="").write(r.csv())

Cell values in and out by column type: TEXT ``str``; INT, FEN (fen) and
PERCENT (hundredths of a percent) ``int``; INSTANT an aware ``datetime`` out,
and in an ``int`` (UTC seconds), an aware ``datetime``, or a pair
``(instant, "local text")``; DATE ``datetime.date`` (or "YYYY-MM-DD" in);
a null cell ``None``.
"""

import datetime as _dt
import enum
import json
from typing import List, NamedTuple

from . import core as _c
from ._convert import Handle, from_instant, to_instant
from .errors import InvalidArgument, OutOfRange

__all__ = ["Report", "DailyReport", "ColumnType", "Meta", "Column", "Table", "Section"]


class ColumnType(enum.IntEnum):
    """What a column holds (fd_report_column_type)."""

    TEXT = _c.FD_REPORT_COLUMN_TEXT
    INT = _c.FD_REPORT_COLUMN_INT
    FEN = _c.FD_REPORT_COLUMN_FEN
    INSTANT = _c.FD_REPORT_COLUMN_INSTANT
    DATE = _c.FD_REPORT_COLUMN_DATE
    PERCENT = _c.FD_REPORT_COLUMN_PERCENT


class Meta(NamedTuple):
    """A line under the title: site, date, generated at ..."""
    key: str
    label: str
    value: str


class Column(NamedTuple):
    """A typed column of a table."""
    key: str
    label: str
    type: ColumnType


class Table(NamedTuple):
    """A table: typed columns and rows of Python values (see the module doc)."""
    key: str
    title: str
    columns: List[Column]
    rows: List[list]


class Section(NamedTuple):
    """A section: its stable key (``journal.by_kind``), title, tables and notes."""
    key: str
    title: str
    tables: List[Table]
    notes: List[str]


def _column_type(value):
    if isinstance(value, str):
        try:
            return ColumnType[value.upper()]
        except KeyError:
            raise InvalidArgument(f"type: {value!r} is not a column type", -1) from None
    return value


def _integer(value, field):
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{field}: expected an int, got {value!r}", -1)
    if not -2**63 <= value < 2**63:
        raise OutOfRange(f"{field}: {value} does not fit in 64 bits", -4)
    return value


def _text(value, field):
    if not isinstance(value, str):
        raise InvalidArgument(f"{field}: expected a str, got {value!r}", -1)
    if len(value.encode("utf-8", "surrogatepass")) > _c.FD_REPORT_TEXT_MAX:
        raise OutOfRange(f"{field}: more than {_c.FD_REPORT_TEXT_MAX} bytes", -4)
    return value


class Report(Handle):
    """A report model. ``Report(key, title)`` starts an empty one; modules add
    sections to it; ``text()``, ``json()`` and ``csv()`` render it."""

    _free = staticmethod(_c.fd_report_free)

    @classmethod
    def _own(cls, ptr):
        """Wraps (and owns) a C fd_report* a builder made (private)."""
        self = cls.__new__(cls)
        Handle.__init__(self, ptr)
        return self

    def __init__(self, key, title):
        super().__init__(_c.fd_report_new(key, title))

    # -- reading -----------------------------------------------------------------
    def _info(self):
        info = _c.fd_report_info()
        _c.fd_report_get(info, self._handle())
        return info

    @property
    def key(self):
        """The report's stable key, e.g. ``daily``."""
        return self._info().key

    @property
    def title(self):
        return self._info().title

    @property
    def meta(self):
        """The meta lines, as a list of :class:`Meta`."""
        out, m = [], _c.fd_report_meta_info()
        for i in range(self._info().meta_count):
            _c.fd_report_meta_get(m, self._handle(), i)
            out.append(Meta(m.key, m.label, m.value))
        return out

    @property
    def sections(self):
        """The sections, as a list of :class:`Section` (a snapshot)."""
        h, out = self._handle(), []
        info = _c.fd_report_section_info()
        for s in range(self._info().section_count):
            _c.fd_report_section_get(info, h, s)
            tables = [self._table(s, t) for t in range(info.table_count)]
            notes = [_c.fd_report_note_get(h, s, n) for n in range(info.note_count)]
            out.append(Section(info.key, info.title, tables, notes))
        return out

    def section(self, key):
        """The section with ``key``; KeyError if there is none."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def _table(self, s, t):
        h = self._handle()
        info, col, cell = _c.fd_report_table_info(), _c.fd_report_column_info(), _c.fd_report_cell()
        _c.fd_report_table_get(info, h, s, t)
        columns = []
        for c in range(info.column_count):
            _c.fd_report_column_get(col, h, s, t, c)
            columns.append(Column(col.key, col.label, ColumnType(col.type)))
        rows = []
        for r in range(info.row_count):
            row = []
            for c, column in enumerate(columns):
                _c.fd_report_cell_get(cell, h, s, t, r, c)
                row.append(None if cell.is_null else _from_cell(column.type, cell))
            rows.append(row)
        return Table(info.key, info.title, columns, rows)

    # -- building ----------------------------------------------------------------
    def add_meta(self, key, label, value):
        """Appends a meta line (key unique in the report)."""
        _c.fd_report_meta_add(self._handle(), key, label, value)

    def add_section(self, key, title):
        """Appends a section; returns its index."""
        return _c.fd_report_section_add(self._handle(), key, title)

    def add_table(self, section, key, title=""):
        """Appends a table to a section; returns its index in the section."""
        return _c.fd_report_table_add(self._handle(), section, key, title)

    def add_column(self, section, table, key, label, type=ColumnType.TEXT):
        """Appends a column (before any row); ``type`` a ColumnType or its name ("fen")."""
        _c.fd_report_column_add(self._handle(), section, table, key, label, _column_type(type))

    def add_row(self, section, table, values=()):
        """Appends a row and sets its cells from ``values`` in column order
        (fewer values leave the rest null). The values are checked against the
        column types before the row is added."""
        h = self._handle()
        info, col = _c.fd_report_table_info(), _c.fd_report_column_info()
        _c.fd_report_table_get(info, h, section, table)
        values = list(values)
        if len(values) > info.column_count:
            raise InvalidArgument(f"values: {len(values)} values for {info.column_count} columns", -1)
        setters = []
        for c, value in enumerate(values):
            _c.fd_report_column_get(col, h, section, table, c)
            if value is not None:
                setters.append(_setter(ColumnType(col.type), c, value, f"values[{c}] ({col.key})"))
        _c.fd_report_row_add(h, section, table)
        for set_cell in setters:
            set_cell(h, section, table)

    def set_cell(self, section, table, column, value):
        """Sets one cell of the table's last row (value typed as the column)."""
        h = self._handle()
        col = _c.fd_report_column_info()
        _c.fd_report_column_get(col, h, section, table, column)
        if value is None:
            raise InvalidArgument("value: a cell cannot be set to None (new cells are null)", -1)
        _setter(ColumnType(col.type), column, value, "value")(h, section, table)

    def add_note(self, section, text):
        """Appends a note under a section's tables."""
        _c.fd_report_note_add(self._handle(), section, text)

    # -- rendering ---------------------------------------------------------------
    def text(self):
        """Aligned plain text, for a terminal or a printer."""
        return _c.fd_report_render(self._handle(), _c.FD_REPORT_TEXT)

    def json(self):
        """One JSON object (str)."""
        return _c.fd_report_render(self._handle(), _c.FD_REPORT_JSON)

    def csv(self):
        """CSV for spreadsheets (str starting with a BOM; write it with newline="")."""
        return _c.fd_report_render(self._handle(), _c.FD_REPORT_CSV)

    def to_dict(self):
        """The JSON rendering as Python objects."""
        return json.loads(self.json())

    def __str__(self):
        return self.text()


def _from_cell(type_, cell):
    if type_ == ColumnType.TEXT:
        return cell.text
    if type_ == ColumnType.DATE:
        return _dt.date.fromisoformat(cell.text)
    if type_ == ColumnType.INSTANT:
        return from_instant(cell.value)
    return cell.value


def _setter(type_, column, value, field):
    """A function setting ``value`` into ``column`` of the last row, checked now."""
    if type_ == ColumnType.TEXT:
        text = _text(value, field)
        return lambda h, s, t: _c.fd_report_cell_text(h, s, t, column, text)
    if type_ in (ColumnType.INT, ColumnType.PERCENT):
        number = _integer(value, field)
        return lambda h, s, t: _c.fd_report_cell_int(h, s, t, column, number)
    if type_ == ColumnType.FEN:
        fen = _integer(value, field)
        return lambda h, s, t: _c.fd_report_cell_fen(h, s, t, column, fen)
    if type_ == ColumnType.INSTANT:
        at, local = value if isinstance(value, tuple) and len(value) == 2 else (value, None)
        seconds = _integer(to_instant(at, field), field)
        local = None if local is None else _text(local, field)
        return lambda h, s, t: _c.fd_report_cell_instant(h, s, t, column, seconds, local)
    if isinstance(value, _dt.datetime) or not isinstance(value, (_dt.date, str)):
        raise InvalidArgument(f"{field}: expected a datetime.date or 'YYYY-MM-DD', got {value!r}", -1)
    day = _c.fd_date_parse(value) if isinstance(value, str) else value
    _c.fd_date_check(day)
    return lambda h, s, t: _c.fd_report_cell_date(h, s, t, column, day)


class DailyReport(Report):
    """A site's daily report (R-COM-4), from ``Store.daily_report``: meta lines
    site, site_code, date, time_zone, generated and total; sections
    ``journal.by_kind``, ``journal.by_staff`` and ``journal.entries``."""

    def __init__(self, *args, **kwargs):
        raise TypeError("DailyReport is made by Store.daily_report(actor, date)")

    @property
    def total(self):
        """Number of journal entries the report counted."""
        return _c.fd_report_total(self._handle())
