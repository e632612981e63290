package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** Reports as models from Java: building, walking, the three renderers, hostile text, bad input. */
public class ReportTest {
  static final String HOSTILE =
      "a\nb\rc\u001b[2Jd\u007fe\u0085f\u009bg\u2028h\u2029i\u202ej\tk\"l\\m";
  static final String TEXT_ESCAPED =
      "a\\nb\\rc\\x1B[2Jd\\x7Fe\\u0085f\\u009Bg\\u2028h\\u2029i\\u202Ej\\tk\"l\\m";
  static final String[] RAW = {"\r", "\u001b", "\u007f", "\t", "\u0085", "\u009b", "\u2028", "\u2029", "\u202e"};

  static Report sample() throws FrontdeskException {
    Report r = new Report("visitors.monthly", "访客月报 Visitors");
    r.addMeta("site", "Site", "某某产业园");
    int s = r.addSection("visitors.by_gate", "按门岗 By gate");
    int t = r.addTable(s, "counts", "");
    r.addColumn(s, t, "gate", "门岗 Gate", Report.ColumnType.TEXT);
    r.addColumn(s, t, "visits", "Visits", Report.ColumnType.INT);
    r.addColumn(s, t, "fees", "Fees", Report.ColumnType.FEN);
    r.addColumn(s, t, "share", "Share", Report.ColumnType.PERCENT);
    r.addColumn(s, t, "first", "First", Report.ColumnType.INSTANT);
    r.addColumn(s, t, "day", "Day", Report.ColumnType.DATE);
    r.addRow(s, t, "东门", 12, 123450L, 6000);
    r.setInstant(s, t, 4, Instant.ofEpochSecond(1749484800L), "2025-06-10 00:00");
    r.setCell(s, t, 5, LocalDate.of(2025, 6, 10));
    r.addRow(s, t, "B2 west", 3, -5, 1234, Instant.ofEpochSecond(1749484801L));
    r.addNote(s, "截至 18:00");
    return r;
  }

  @Test
  public void theModelReadsBackAsJavaValues() throws Exception {
    try (Report r = sample()) {
      assertEquals("visitors.monthly", r.key());
      assertEquals("访客月报 Visitors", r.title());
      assertEquals("某某产业园", r.meta().get(0).getValue());
      assertEquals("Site", r.meta().get(0).getLabel());
      List<Report.Section> sections = r.sections();
      assertEquals(1, sections.size());
      Report.Section s = sections.get(0);
      assertEquals("visitors.by_gate", s.getKey());
      assertEquals("按门岗 By gate", s.getTitle());
      assertEquals(Arrays.asList("截至 18:00"), s.getNotes());
      Report.Table t = s.getTables().get(0);
      assertEquals("counts", t.getKey());
      assertEquals("", t.getTitle());
      assertEquals(Report.ColumnType.FEN, t.getColumns().get(2).getType());
      assertEquals("fees", t.getColumns().get(2).getKey());
      assertEquals("Fees", t.getColumns().get(2).getLabel());
      assertEquals(Arrays.asList("东门", 12L, 123450L, 6000L, Instant.ofEpochSecond(1749484800L),
          LocalDate.of(2025, 6, 10)), t.getRows().get(0));
      assertEquals(Arrays.asList("B2 west", 3L, -5L, 1234L, Instant.ofEpochSecond(1749484801L), null),
          t.getRows().get(1));
      assertEquals(s.getKey(), r.section("visitors.by_gate").getKey());
      assertNull(r.section("nope"));
    }
  }

  @Test
  public void textAlignsChineseByDisplayWidth() throws Exception {
    try (Report r = sample()) {
      assertEquals("访客月报 Visitors\n"
          + "Site: 某某产业园\n"
          + "\n"
          + "按门岗 By gate\n"
          + "  门岗 Gate  Visits     Fees   Share  First             Day\n"
          + "  ---------  ------  -------  ------  ----------------  ----------\n"
          + "  东门           12  1234.50  60.00%  2025-06-10 00:00  2025-06-10\n"
          + "  B2 west         3    -0.05  12.34%  1749484801\n"
          + "  * 截至 18:00\n", r.text());
    }
  }

  @Test
  public void jsonAndCsv() throws Exception {
    try (Report r = sample()) {
      assertTrue(r.json().contains("\"rows\":[[\"东门\",12,123450,6000,1749484800,\"2025-06-10\"],"
          + "[\"B2 west\",3,-5,1234,1749484801,null]]"));
      String csv = r.csv();
      assertTrue(csv.startsWith("\uFEFF\"访客月报 Visitors\"\r\n"));
      assertTrue(csv.contains("\r\n\"东门\",12,1234.50,60.00%,\"2025-06-10 00:00\",2025-06-10\r\n"));
    }
  }

  static Report hostile() throws FrontdeskException {
    Report r = new Report("evil", HOSTILE);
    r.addMeta("who", HOSTILE, HOSTILE);
    int s = r.addSection("evil.section", HOSTILE);
    int t = r.addTable(s, "t", HOSTILE);
    r.addColumn(s, t, "text", HOSTILE, Report.ColumnType.TEXT);
    r.addColumn(s, t, "n", "N", Report.ColumnType.INT);
    r.addRow(s, t, HOSTILE, -5);
    r.addNote(s, HOSTILE);
    return r;
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  @Test
  public void everyRendererEscapesHostileText() throws Exception {
    try (Report r = hostile()) {
      String text = r.text();
      String json = r.json();
      String csv = r.csv();
      for (String raw : RAW) {
        assertFalse(text.contains(raw));
        assertFalse(json.contains(raw));
        assertFalse(csv.replace("\r\n", "").contains(raw));
      }
      assertEquals(9, count(text, "\n"));
      assertEquals(8, count(text, TEXT_ESCAPED));
      assertEquals(1, count(json, "\n"));
      assertEquals(8, count(json,
          "a\\nb\\rc\\u001B[2Jd\\u007Fe\\u0085f\\u009Bg\\u2028h\\u2029i\\u202Ej\\tk\\\"l\\\\m"));
      assertEquals(9, count(csv, "\"" + TEXT_ESCAPED.replace("\"", "\"\"") + "\""));
      assertTrue(csv.contains(",-5\r\n"));
      // the model itself keeps the text as it was given
      assertEquals(HOSTILE, r.sections().get(0).getTables().get(0).getRows().get(0).get(0));
    }
    try (Report r = new Report("f", "=1+1")) {
      int s = r.addSection("s", "@SUM(A1)");
      int t = r.addTable(s, "t", "");
      r.addColumn(s, t, "a", "A", Report.ColumnType.TEXT);
      r.addColumn(s, t, "b", "B", Report.ColumnType.INT);
      r.addRow(s, t, "-cmd", -3L);
      String csv = r.csv();
      assertTrue(csv, csv.startsWith("\uFEFF\"'=1+1\"\r\n"));
      assertTrue(csv, csv.contains("\"s/t\",\"'@SUM(A1)\"\r\n"));
      assertTrue(csv, csv.contains("\"'-cmd\",-3\r\n"));
    }
  }

  static void expect(int code, String needle, Call call) {
    try {
      call.run();
      fail("no exception, expected " + needle);
    } catch (FrontdeskException e) {
      assertEquals(e.getMessage(), code, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains(needle));
    }
  }

  interface Call {
    void run() throws FrontdeskException;
  }

  @Test
  public void badInputIsRefusedAndChangesNothing() throws Exception {
    expect(Frontdesk.EINVAL, "key", () -> new Report("Bad Key", "t"));
    expect(Frontdesk.EINVAL, "title", () -> new Report("k", ""));
    try (Report r = sample()) {
      String before = r.json();
      expect(Frontdesk.ECONFLICT, "'site' is taken", () -> r.addMeta("site", "Site", "x"));
      expect(Frontdesk.ECONFLICT, "taken", () -> r.addSection("visitors.by_gate", "again"));
      expect(Frontdesk.ERANGE, "section: 5", () -> r.addTable(5, "t", ""));
      expect(Frontdesk.ERANGE, "section", () -> r.addTable(-1, "t", ""));
      expect(Frontdesk.ESTATE, "has rows already", () -> r.addColumn(0, 0, "k", "K", Report.ColumnType.INT));
      expect(Frontdesk.EINVAL, "type", () -> r.addColumn(0, 0, "k", "K", null));
      expect(Frontdesk.EINVAL, "values", () -> r.addRow(0, 0, 1, 2, 3, 4, 5, 6, 7));
      expect(Frontdesk.EINVAL, "values[1] (visits)", () -> r.addRow(0, 0, "x", 1.5));
      expect(Frontdesk.EINVAL, "values[0]", () -> r.addRow(0, 0, 3));
      expect(Frontdesk.EINVAL, "values[5]", () -> r.addRow(0, 0, "x", 1, 1, 1, 1, "2025-06-10"));
      expect(Frontdesk.EINVAL, "0001..9999", () -> r.addRow(0, 0, "x", 1, 1, 1, 1, LocalDate.of(10000, 1, 1)));
      expect(Frontdesk.EINVAL, "null", () -> r.setCell(0, 0, 0, null));
      expect(Frontdesk.ERANGE, "column: 6", () -> r.setCell(0, 0, 6, "x"));
      expect(Frontdesk.EINVAL, "not instant", () -> r.setInstant(0, 0, 0, Instant.EPOCH, null));
      expect(Frontdesk.ERANGE, "section: 3", () -> r.addNote(3, "n"));
      assertEquals(before, r.json());
      // instants in from java.time
      r.setCell(0, 0, 4, ZonedDateTime.of(2025, 6, 10, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
      assertEquals(Instant.parse("2025-06-10T00:00:00Z"), r.sections().get(0).getTables().get(0).getRows().get(1).get(4));
    }
    Report closed = sample();
    closed.close();
    closed.close();
    expect(Frontdesk.ESTATE, "closed", closed::text);
  }

  @Test
  public void dailyReportIsAReport_R_COM_4() throws Exception {
    File dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit")
        .toFile();
    try (Store store = Store.open(new File(dir, "site.db").getPath())) {
      ZoneId sh = ZoneId.of("Asia/Shanghai");
      Instant at = ZonedDateTime.of(2025, 6, 10, 8, 5, 0, 0, sh).toInstant();
      long site = store.addSite(Actor.system(0, at.minusSeconds(2 * 86400)), "park", "某某产业园", null);
      store.journalAdd(Actor.system(site, at), "shift", 1, "handover", "交接班\n伪造的一行");
      try (DailyReport r = store.dailyReport(Actor.system(site, at), LocalDate.of(2025, 6, 10))) {
        assertTrue(r instanceof Report);
        assertEquals(1, r.total());
        assertEquals("daily", r.key());
        Report.Table entries = r.section("journal.entries").getTables().get(0);
        assertEquals(Arrays.asList(ZonedDateTime.of(2025, 6, 10, 8, 5, 0, 0, sh).toInstant(), "(system)", "shift",
            1L, "handover", "交接班\n伪造的一行"), entries.getRows().get(0));
        assertTrue(r.text().contains("交接班\\n伪造的一行"));
        assertTrue(r.csv().startsWith("\uFEFF"));
        assertEquals("calls.summary", r.sections().get(3).getKey());
        assertEquals("visitors.summary", r.sections().get(10).getKey());
        assertEquals("visitors.on_site", r.sections().get(17).getKey());
        assertEquals("complaints.summary", r.sections().get(18).getKey());
        assertEquals("complaints.unanswered", r.sections().get(20).getKey());
        assertEquals("fees.summary", r.sections().get(21).getKey());
        assertEquals("repairs.summary", r.sections().get(22).getKey());
        assertEquals("callbacks.summary", r.sections().get(23).getKey());
        int s = r.addSection("parking.summary", "Parking");
        r.addNote(s, "no parking yet");
        assertEquals(25, r.sections().size());
      }
    }
  }
}
