package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The working calendar (issue 5) from Java: every function of calendar.h. */
public class WorkCalendarTest {
  private static final ZoneOffset SH = ZoneOffset.ofHours(8);
  private WorkCalendar cal;

  static Instant sh(int y, int mo, int d, int h, int mi) {
    return OffsetDateTime.of(y, mo, d, h, mi, 0, 0, SH).toInstant();
  }

  static LocalDate day(int y, int m, int d) {
    return LocalDate.of(y, m, d);
  }

  @Before
  public void open() throws Exception {
    cal = WorkCalendar.builtin();
  }

  @After
  public void close() {
    cal.close();
  }

  @Test
  public void versionAndCoverage() throws Exception {
    assertEquals("CN-2026.1", cal.version());
    assertEquals("CN", cal.region());
    assertEquals(day(2024, 1, 1), cal.coverageStart());
    assertEquals(day(2026, 12, 31), cal.coverageEnd());
  }

  @Test
  public void makeupSaturdayAndSpringFestival() throws Exception {
    assertTrue(cal.isWorkday(day(2026, 2, 14)));
    assertEquals(WorkCalendar.DayType.MAKEUP_WORKDAY, cal.dayType(day(2026, 2, 14)));
    assertTrue(cal.isWorkday(day(2025, 9, 28)));
    for (int d = 15; d <= 23; d++) {
      assertTrue(cal.isHoliday(day(2026, 2, d)));
      assertEquals("春节", cal.holidayName(day(2026, 2, d)));
    }
    assertEquals(WorkCalendar.DayType.WEEKEND, cal.dayType(day(2026, 3, 7)));
    assertTrue(cal.isInLieu(day(2026, 2, 20)));
    assertTrue(cal.isStatutory(day(2026, 2, 16)));
    assertFalse(cal.isStatutory(day(2026, 2, 20)));
  }

  @Test
  public void workingDays() throws Exception {
    assertEquals(day(2026, 2, 24), cal.addWorkingDays(day(2026, 2, 13), 2));
    assertEquals(day(2026, 2, 13), cal.addWorkingDays(day(2026, 2, 24), -2));
    assertEquals(2, cal.workingDaysBetween(day(2026, 2, 13), day(2026, 2, 24)));
    assertEquals(day(2026, 1, 4), cal.nextWorkday(day(2025, 12, 31)));
  }

  @Test
  public void beyondTheDataNamesTheYear() throws Exception {
    try (Policy refuse = Policy.defaults()) {
      refuse.set("calendar.beyond_data", WorkCalendar.BeyondData.ERROR.code());
      cal.applyPolicy(refuse);
    }
    try {
      cal.isWorkday(day(2027, 3, 1));
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EDATA, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("2027"));
    }
    try (Policy p = Policy.defaults()) {
      p.set("calendar.fallback_weekends", 1);
      cal.applyPolicy(p);
    }
    assertTrue(cal.isWorkday(day(2027, 3, 1)));
  }

  @Test
  public void deadlinesFromTheIssue() throws Exception {
    assertEquals(sh(2026, 2, 24, 17, 30), cal.deadline(sh(2026, 2, 13, 17, 55), 2, WorkCalendar.Unit.WORKING_DAYS));
    assertEquals(sh(2026, 3, 3, 17, 30), cal.deadline(sh(2026, 3, 2, 17, 30), 0, WorkCalendar.Unit.SAME_DAY));
    assertEquals(sh(2026, 3, 3, 10, 30), cal.deadline(sh(2026, 3, 2, 17, 30), 2, WorkCalendar.Unit.BUSINESS_HOURS));
    assertEquals(sh(2026, 3, 2, 12, 0), cal.deadline(sh(2026, 3, 2, 8, 30), 210, WorkCalendar.Unit.BUSINESS_MINUTES));
    assertEquals(sh(2026, 1, 5, 17, 30), cal.deadline(sh(2025, 12, 31, 16, 0), 2, WorkCalendar.Unit.WORKING_DAYS));
    assertEquals(sh(2026, 9, 30, 16, 0), cal.deadline(sh(2026, 9, 30, 15, 0), 1, WorkCalendar.Unit.CLOCK_HOURS));
    assertEquals(sh(2026, 9, 30, 16, 0), cal.deadline(sh(2026, 9, 30, 15, 0), 60, WorkCalendar.Unit.CLOCK_MINUTES));
    assertEquals(sh(2026, 2, 24, 23, 59).plusSeconds(59),
        cal.deadline(sh(2026, 2, 10, 9, 0), 5, WorkCalendar.Unit.CALENDAR_DAYS));
    try (Policy p = Policy.defaults()) {
      p.set("deadline.roll_rest_days", 0);
      assertEquals(sh(2026, 2, 15, 23, 59).plusSeconds(59),
          cal.deadline(sh(2026, 2, 10, 9, 0), 5, WorkCalendar.Unit.CALENDAR_DAYS, p));
    }
    try {
      cal.deadline(sh(2026, 3, 2, 9, 0), -1, WorkCalendar.Unit.WORKING_DAYS);
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
    }
  }

  @Test
  public void unitNames() throws Exception {
    assertEquals("working_days", WorkCalendar.Unit.WORKING_DAYS.label());
    assertEquals(WorkCalendar.Unit.SAME_DAY, WorkCalendar.Unit.fromName("same_day"));
    try {
      WorkCalendar.Unit.fromName("fortnights");
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
    }
  }

  @Test
  public void hoursAndTimeZones() throws Exception {
    assertEquals("08:30-12:00,13:30-17:30", cal.businessHours());
    assertEquals("00:00-08:00,12:00-14:00,20:00-24:00", cal.quietHours());
    assertEquals("Asia/Shanghai", cal.timeZone());
    assertTrue(cal.isBusinessTime(sh(2026, 3, 2, 9, 0)));
    assertTrue(cal.isQuietTime(sh(2026, 3, 2, 12, 30)));
    assertEquals(sh(2026, 3, 3, 8, 0), cal.nextCallTime(sh(2026, 3, 2, 21, 0)));
    assertEquals(day(2026, 3, 2), cal.localDate(sh(2026, 3, 2, 0, 30)));
    cal.setBusinessHours("09:00-17:00");
    assertEquals("09:00-17:00", cal.businessHours());
    cal.setQuietHours("");
    assertFalse(cal.isQuietTime(sh(2026, 3, 2, 12, 30)));
    cal.setBusinessHours("08:30-12:00,13:30-17:30");
    cal.setTimeZone("America/New_York");
    assertEquals("America/New_York", cal.timeZone());
    Instant friday = OffsetDateTime.of(2026, 3, 6, 17, 0, 0, 0, ZoneOffset.ofHours(-5)).toInstant();
    assertEquals(OffsetDateTime.of(2026, 3, 9, 13, 0, 0, 0, ZoneOffset.UTC).toInstant(),
        cal.deadline(friday, 1, WorkCalendar.Unit.BUSINESS_HOURS));
    try {
      cal.setTimeZone("Nowhere/Land");
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
    }
  }

  @Test
  public void festivalsAndGreeting() throws Exception {
    assertEquals("中秋节", cal.festival(day(2026, 9, 25)));
    assertEquals("除夕", cal.festival(day(2026, 2, 16)));
    assertEquals("清明", cal.festival(day(2026, 4, 5)));
    assertEquals("", cal.festival(day(2026, 3, 9)));
    assertEquals("您好，某某物业，中秋快乐！请问有什么可以帮您？", cal.greeting(day(2026, 9, 25), "某某物业"));
    assertEquals("您好，某某物业，请问有什么可以帮您？", cal.greeting(day(2026, 3, 9), "某某物业"));
    assertEquals("您好，𠮷物业，周末愉快！请问有什么可以帮您？", cal.greeting(day(2026, 3, 7), "𠮷物业"));
  }

  @Test
  public void loadFilesAndRejectMalformedOnes() throws Exception {
    File f = File.createTempFile("park", ".txt", new File(System.getProperty("fd.test.tmp", "/tmp")));
    Files.write(f.toPath(), ("frontdesk-holidays 1\nversion park-2027.1\ncovers 2027-01-01 2027-12-31\n"
        + "extends builtin\n2027-03-15 closed 停电检修\n").getBytes(StandardCharsets.UTF_8));
    try (WorkCalendar c = WorkCalendar.load(f.getPath())) {
      assertEquals("CN-2026.1+park-2027.1", c.version());
      assertEquals(WorkCalendar.DayType.CLOSED, c.dayType(day(2027, 3, 15)));
      assertEquals("a site's layer", day(2026, 12, 31), c.coverageEnd());
    }
    try {
      WorkCalendar.fromText("frontdesk-holidays 1\nversion v1\ncovers 2026-01-01 2026-12-31\n2026-02-30 holiday X\n");
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EDATA, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("line 4"));
    }
    f.delete();
  }

  @Test
  public void closedCalendarThrows() throws Exception {
    WorkCalendar c = WorkCalendar.builtin();
    c.close();
    c.close();
    try {
      c.isWorkday(day(2026, 3, 2));
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ESTATE, e.code());
    }
  }

  @Test
  public void provisionalYearsPastTheData_R_CALL_9() throws Exception {
    assertEquals(WorkCalendar.DayType.HOLIDAY, cal.dayType(day(2027, 10, 1)));
    assertTrue(cal.isProvisional(day(2027, 2, 8)));
    assertFalse(cal.isProvisional(day(2026, 12, 31)));
    assertEquals(day(2027, 2, 10), cal.addWorkingDays(day(2027, 2, 5), 2));
    assertEquals(day(2036, 12, 31), cal.provisionalUntil());
    WorkCalendar.Deadline d = cal.deadlineInfo(sh(2026, 12, 30, 10, 0), 2, WorkCalendar.Unit.WORKING_DAYS, null);
    assertEquals(sh(2027, 1, 4, 17, 30), d.due());
    assertTrue(d.isProvisional());
    assertEquals("CN-2026.1+provisional-2027", d.version());
    assertEquals("", cal.coverageWarning(day(2026, 10, 1)));
    assertTrue(cal.coverageWarning(day(2026, 12, 4)).startsWith("holiday data CN-2026.1 ends 2026-12-31, in 27 days"));
  }

  @Test
  public void siteFilesAreLayersAndNationalDataIsAdded() throws Exception {
    try (WorkCalendar c = WorkCalendar.fromText("frontdesk-holidays 1\nversion park-2027\nextends builtin\n"
        + "covers 2027-01-01 2027-12-31\n2027-03-15 closed 停电检修\n")) {
      assertEquals(WorkCalendar.DayType.HOLIDAY, c.dayType(day(2027, 10, 1)));
      assertEquals(WorkCalendar.DayType.CLOSED, c.dayType(day(2027, 3, 15)));
      c.addText("frontdesk-holidays 1\nversion CN-2027.1\nextends builtin\nscope national\n"
          + "covers 2027-01-01 2027-12-31\n2027-02-20 workday 春节\n");
      assertEquals(day(2027, 12, 31), c.coverageEnd());
      assertEquals(WorkCalendar.DayType.MAKEUP_WORKDAY, c.dayType(day(2027, 2, 20)));
      File f = File.createTempFile("layer", ".txt", new File(System.getProperty("fd.test.tmp", "/tmp")));
      Files.write(f.toPath(), ("frontdesk-holidays 1\nversion b\nextends builtin\ncovers 2027-01-01 2027-12-31\n"
          + "2027-06-01 holiday 园区日\n").getBytes(StandardCharsets.UTF_8));
      c.addFile(f.getPath());
      assertTrue(c.isHoliday(day(2027, 6, 1)));
      assertEquals("CN-2026.1+park-2027+CN-2027.1+b", c.version());
      f.delete();
    }
  }

  @Test
  public void policyDeadlineUnits_R_CPL_2() throws Exception {
    try (Policy p = Policy.defaults()) {
      assertEquals(3, p.deadlineAmount("complaint.important.resolve_days"));
      assertEquals(WorkCalendar.Unit.CALENDAR_DAYS, p.deadlineUnit("complaint.important.resolve_days"));
      p.setDeadline("complaint.important.resolve_days", 3, WorkCalendar.Unit.WORKING_DAYS);
      assertEquals("3 working_days", p.format("complaint.important.resolve_days"));
      assertEquals("3", p.format("call.max_rings"));
      try {
        p.setDeadline("call.max_rings", 3, WorkCalendar.Unit.WORKING_DAYS);
        fail();
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.EINVAL, e.code());
      }
    }
    File dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "cal").toFile();
    try (Store store = Store.open(new File(dir, "site.db").getPath())) {
      Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
      long site = store.addSite(Actor.system(0, t0), "park", "某某产业园", null);
      store.setPolicyDeadline(Actor.system(site, t0), "complaint.important.resolve_days", 3,
          WorkCalendar.Unit.WORKING_DAYS);
      try (Policy p = store.policy(site)) {
        assertEquals(WorkCalendar.Unit.WORKING_DAYS, p.deadlineUnit("complaint.important.resolve_days"));
      }
    }
  }
}
