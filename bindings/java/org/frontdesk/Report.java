package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;
import org.frontdesk.swig.fd_report_cell;
import org.frontdesk.swig.fd_report_column_info;
import org.frontdesk.swig.fd_report_column_type;
import org.frontdesk.swig.fd_report_format;
import org.frontdesk.swig.fd_report_info;
import org.frontdesk.swig.fd_report_meta_info;
import org.frontdesk.swig.fd_report_section_info;
import org.frontdesk.swig.fd_report_table_info;

/**
 * A report model: meta lines, then sections holding tables (typed columns, rows of cells) and
 * notes, rendered by {@link #text()}, {@link #json()} and {@link #csv()}. Modules add their
 * sections to a report without knowing the others.
 *
 * <p>Cell values by column type: TEXT {@code String}; INT, FEN (fen) and PERCENT (hundredths of
 * a percent) {@code Long} (any whole {@code Number} in); INSTANT {@code Instant} (also a {@code
 * ZonedDateTime}, {@code OffsetDateTime} or whole seconds in); DATE {@code LocalDate}; a null cell
 * {@code null}.
 */
public class Report extends NativeHandle<SWIGTYPE_p_fd_report> {
  /** What a column holds; the order is that of fd_report_column_type. */
  public enum ColumnType {
    TEXT, INT, FEN, INSTANT, DATE, PERCENT;

    fd_report_column_type raw() {
      return fd_report_column_type.swigToEnum(ordinal());
    }

    static ColumnType of(fd_report_column_type t) {
      return values()[t.swigValue()];
    }
  }

  /** A line under the title (site, date, generated at ...). */
  public static final class Meta {
    private final String key;
    private final String label;
    private final String value;

    Meta(String key, String label, String value) {
      this.key = key;
      this.label = label;
      this.value = value;
    }

    public String getKey() {
      return key;
    }

    public String getLabel() {
      return label;
    }

    public String getValue() {
      return value;
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  /** A typed column of a table. */
  public static final class Column {
    private final String key;
    private final String label;
    private final ColumnType type;

    Column(String key, String label, ColumnType type) {
      this.key = key;
      this.label = label;
      this.type = type;
    }

    public String getKey() {
      return key;
    }

    public String getLabel() {
      return label;
    }

    public ColumnType getType() {
      return type;
    }

    @Override
    public String toString() {
      return key + ":" + type;
    }
  }

  /** A table: columns and rows of values (see the class comment for their types). */
  public static final class Table {
    private final String key;
    private final String title;
    private final List<Column> columns;
    private final List<List<Object>> rows;

    Table(String key, String title, List<Column> columns, List<List<Object>> rows) {
      this.key = key;
      this.title = title;
      this.columns = Collections.unmodifiableList(columns);
      this.rows = Collections.unmodifiableList(rows);
    }

    public String getKey() {
      return key;
    }

    public String getTitle() {
      return title;
    }

    public List<Column> getColumns() {
      return columns;
    }

    public List<List<Object>> getRows() {
      return rows;
    }
  }

  /** A section: its stable key ("journal.by_kind"), title, tables and notes. */
  public static final class Section {
    private final String key;
    private final String title;
    private final List<Table> tables;
    private final List<String> notes;

    Section(String key, String title, List<Table> tables, List<String> notes) {
      this.key = key;
      this.title = title;
      this.tables = Collections.unmodifiableList(tables);
      this.notes = Collections.unmodifiableList(notes);
    }

    public String getKey() {
      return key;
    }

    public String getTitle() {
      return title;
    }

    public List<Table> getTables() {
      return tables;
    }

    public List<String> getNotes() {
      return notes;
    }
  }

  /** An empty report; key as "visitors.monthly", title non-empty. */
  public Report(String key, String title) throws FrontdeskException {
    this(create(key, title));
  }

  Report(SWIGTYPE_p_fd_report r) {
    super(r, FrontdeskNative::fd_report_free);
  }

  private static SWIGTYPE_p_fd_report create(String key, String title) throws FrontdeskException {
    SWIGTYPE_p_fd_report[] out = new SWIGTYPE_p_fd_report[1];
    FrontdeskNative.fd_report_new(out, key, title);
    return out[0];
  }

  // -- reading ----------------------------------------------------------------------------------

  private fd_report_info info() throws FrontdeskException {
    fd_report_info info = new fd_report_info();
    FrontdeskNative.fd_report_get(info, handle());
    return info;
  }

  /** The report's stable key, e.g. "daily". */
  public String key() throws FrontdeskException {
    return info().getKey();
  }

  public String title() throws FrontdeskException {
    return info().getTitle();
  }

  /** The meta lines, in order. */
  public List<Meta> meta() throws FrontdeskException {
    List<Meta> out = new ArrayList<>();
    fd_report_meta_info m = new fd_report_meta_info();
    for (long i = 0, n = info().getMeta_count(); i < n; i++) {
      FrontdeskNative.fd_report_meta_get(m, handle(), i);
      out.add(new Meta(m.getKey(), m.getLabel(), m.getValue()));
    }
    return out;
  }

  /** The sections, in order (a snapshot). */
  public List<Section> sections() throws FrontdeskException {
    List<Section> out = new ArrayList<>();
    fd_report_section_info info = new fd_report_section_info();
    for (long s = 0, n = info().getSection_count(); s < n; s++) {
      FrontdeskNative.fd_report_section_get(info, handle(), s);
      List<Table> tables = new ArrayList<>();
      for (long t = 0; t < info.getTable_count(); t++) {
        tables.add(table(s, t));
      }
      List<String> notes = new ArrayList<>();
      for (long i = 0; i < info.getNote_count(); i++) {
        final long s0 = s;
        final long i0 = i;
        notes.add(Out.string(o -> FrontdeskNative.fd_report_note_get(o, handle(), s0, i0)));
      }
      out.add(new Section(info.getKey(), info.getTitle(), tables, notes));
    }
    return out;
  }

  /** The section with {@code key}, or null. */
  public Section section(String key) throws FrontdeskException {
    for (Section s : sections()) {
      if (s.getKey().equals(key)) {
        return s;
      }
    }
    return null;
  }

  private Table table(long s, long t) throws FrontdeskException {
    fd_report_table_info info = new fd_report_table_info();
    FrontdeskNative.fd_report_table_get(info, handle(), s, t);
    List<Column> columns = new ArrayList<>();
    fd_report_column_info col = new fd_report_column_info();
    for (long c = 0; c < info.getColumn_count(); c++) {
      FrontdeskNative.fd_report_column_get(col, handle(), s, t, c);
      columns.add(new Column(col.getKey(), col.getLabel(), ColumnType.of(col.getType())));
    }
    List<List<Object>> rows = new ArrayList<>();
    fd_report_cell cell = new fd_report_cell();
    for (long r = 0; r < info.getRow_count(); r++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        FrontdeskNative.fd_report_cell_get(cell, handle(), s, t, r, c);
        row.add(cell.getIs_null() != 0 ? null : value(columns.get(c).getType(), cell));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new Table(info.getKey(), info.getTitle(), columns, rows);
  }

  private static Object value(ColumnType type, fd_report_cell cell) {
    switch (type) {
      case TEXT:
        return cell.getText();
      case DATE:
        return LocalDate.parse(cell.getText());
      case INSTANT:
        return Instant.ofEpochSecond(cell.getValue());
      default:
        return cell.getValue();
    }
  }

  // -- building ---------------------------------------------------------------------------------

  /** Appends a meta line (key unique in the report). */
  public void addMeta(String key, String label, String value) throws FrontdeskException {
    FrontdeskNative.fd_report_meta_add(handle(), key, label, value);
  }

  /** Appends a section; returns its index. */
  public int addSection(String key, String title) throws FrontdeskException {
    return (int) Out.int64(o -> FrontdeskNative.fd_report_section_add(o, handle(), key, title));
  }

  /** Appends a table to a section; returns its index in the section. Title may be "". */
  public int addTable(int section, String key, String title) throws FrontdeskException {
    return (int) Out.int64(o -> FrontdeskNative.fd_report_table_add(o, handle(), section, key, title));
  }

  /** Appends a column to a table that has no rows yet. */
  public void addColumn(int section, int table, String key, String label, ColumnType type)
      throws FrontdeskException {
    if (type == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, "Report.addColumn: type: must not be null");
    }
    FrontdeskNative.fd_report_column_add(handle(), section, table, key, label, type.raw());
  }

  /**
   * Appends a row and sets its cells from {@code values} in column order (fewer values leave the
   * rest null). The values are checked against the column types before the row is added.
   */
  public void addRow(int section, int table, Object... values) throws FrontdeskException {
    fd_report_table_info info = new fd_report_table_info();
    FrontdeskNative.fd_report_table_get(info, handle(), section, table);
    if (values.length > info.getColumn_count()) {
      throw new FrontdeskException(Frontdesk.EINVAL, "Report.addRow: values: " + values.length
          + " values for " + info.getColumn_count() + " columns");
    }
    List<Setter> setters = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        setters.add(setter(section, table, c, values[c], "Report.addRow: values[" + c + "]"));
      }
    }
    FrontdeskNative.fd_report_row_add(handle(), section, table);
    for (Setter s : setters) {
      s.set();
    }
  }

  /** Sets one cell of the table's last row (typed as its column). */
  public void setCell(int section, int table, int column, Object value) throws FrontdeskException {
    if (value == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, "Report.setCell: value: must not be null");
    }
    setter(section, table, column, value, "Report.setCell: value").set();
  }

  /** Sets an INSTANT cell of the last row, shown as {@code local} (null: the number). */
  public void setInstant(int section, int table, int column, Instant at, String local)
      throws FrontdeskException {
    if (at == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, "Report.setInstant: at: must not be null");
    }
    FrontdeskNative.fd_report_cell_instant(handle(), section, table, column, at.getEpochSecond(), local);
  }

  /** Appends a note under a section's tables. */
  public void addNote(int section, String text) throws FrontdeskException {
    FrontdeskNative.fd_report_note_add(handle(), section, text);
  }

  private interface Setter {
    void set() throws FrontdeskException;
  }

  /** Checks {@code value} against the column's type now; the returned setter writes it. */
  private Setter setter(int s, int t, int c, Object value, String field) throws FrontdeskException {
    fd_report_column_info col = new fd_report_column_info();
    FrontdeskNative.fd_report_column_get(col, handle(), s, t, c);
    ColumnType type = ColumnType.of(col.getType());
    String what = field + " (" + col.getKey() + "): ";
    switch (type) {
      case TEXT:
        if (value instanceof String) {
          return () -> FrontdeskNative.fd_report_cell_text(handle(), s, t, c, (String) value);
        }
        break;
      case INT:
      case PERCENT:
        if (whole(value)) {
          return () -> FrontdeskNative.fd_report_cell_int(handle(), s, t, c, ((Number) value).longValue());
        }
        break;
      case FEN:
        if (whole(value)) {
          return () -> FrontdeskNative.fd_report_cell_fen(handle(), s, t, c, ((Number) value).longValue());
        }
        break;
      case INSTANT:
        Long at = whole(value) ? Long.valueOf(((Number) value).longValue())
            : value instanceof Instant ? Long.valueOf(((Instant) value).getEpochSecond())
            : value instanceof ZonedDateTime ? Long.valueOf(((ZonedDateTime) value).toEpochSecond())
            : value instanceof OffsetDateTime ? Long.valueOf(((OffsetDateTime) value).toEpochSecond())
            : null;
        if (at != null) {
          return () -> FrontdeskNative.fd_report_cell_instant(handle(), s, t, c, at, null);
        }
        break;
      case DATE:
        if (value instanceof LocalDate) {
          LocalDate d = (LocalDate) value;
          if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new FrontdeskException(Frontdesk.EINVAL, what + d + " is outside 0001..9999");
          }
          return () -> FrontdeskNative.fd_report_cell_date(handle(), s, t, c, d);
        }
        break;
      default:
        break;
    }
    throw new FrontdeskException(Frontdesk.EINVAL, what + "a " + type + " column does not take "
        + value.getClass().getSimpleName() + " " + value);
  }

  private static boolean whole(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  // -- rendering --------------------------------------------------------------------------------

  /** Aligned plain text, for a terminal or a printer. */
  public String text() throws FrontdeskException {
    return render(fd_report_format.FD_REPORT_TEXT);
  }

  /** One JSON object. */
  public String json() throws FrontdeskException {
    return render(fd_report_format.FD_REPORT_JSON);
  }

  /** CSV for spreadsheets: starts with a BOM, CRLF lines; write it as UTF-8. */
  public String csv() throws FrontdeskException {
    return render(fd_report_format.FD_REPORT_CSV);
  }

  private String render(fd_report_format format) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_report_render(o, handle(), format));
  }
}
