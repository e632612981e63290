package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Monthly statistics of complaints from Java (issue 13, item 6; R-CPL-6). */
public class ComplaintStatsTest {
  private File dir;
  private Store store;

  private static Instant sh(int m, int d, int h, int mi) {
    return LocalDateTime.of(2026, m, d, h, mi).toInstant(ZoneOffset.ofHours(8));
  }

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  @Test
  public void workingSecondsCountBusinessHoursOfWorkingDays_R_CPL_6() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin()) {
      assertEquals(3 * 3600 + 1800, cal.workingSecondsBetween(sh(10, 15, 9, 0), sh(10, 15, 14, 0)));
      assertEquals(7200, cal.workingSecondsBetween(sh(10, 16, 16, 30), sh(10, 19, 9, 30)));
      assertEquals(3600, cal.workingSecondsBetween(sh(9, 30, 17, 0), sh(10, 8, 9, 0)));
      assertEquals(27000, cal.workingSecondsBetween(sh(10, 10, 0, 0), sh(10, 11, 0, 0)));
      assertEquals(sh(10, 31, 0, 0), cal.dayStart(LocalDate.of(2026, 10, 31)));
    }
  }

  private static Complaint c(String severity, String category, String validity, Instant received, Instant accepted,
      String satisfaction, long department) {
    Complaint.Builder b = Complaint.builder().severity(severity).category(category).receivedAt(received)
        .state("registered").departmentId(department);
    if (validity != null) {
      b.validity(validity);
    }
    if (accepted != null) {
      b.acceptedAt(accepted);
    }
    if (satisfaction != null) {
      b.satisfaction(satisfaction);
    }
    return b.build();
  }

  @Test
  public void aHandComputedMonth_R_CPL_6() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin();
        ComplaintStats.Accumulator acc = ComplaintStats.Accumulator.of(cal, 2026, 10)) {
      acc.add(c("important", "repair", "valid", sh(10, 15, 9, 0), sh(10, 15, 14, 30), "satisfied", 5), true);
      acc.add(c("minor", "cleaning", "valid", sh(10, 16, 16, 30), sh(10, 19, 9, 30), "average", 5), true);
      acc.add(c("major", "security", "valid", sh(10, 1, 10, 0), sh(10, 9, 17, 30), null, 7), false);
      acc.add(c("minor", "noise", "invalid", sh(10, 21, 9, 0), null, null, 0), false);
      acc.add(c("major", "repair", null, sh(10, 31, 23, 30), null, null, 0), false);
      try {
        acc.add(c("major", "repair", null, sh(11, 1, 0, 30), null, null, 0), false);
        fail("November at the site");
      } catch (FrontdeskException e) {
        assertEquals("FD_ERANGE", e.status());
        assertTrue(e.getMessage(), e.getMessage().contains("received_at"));
      }
      ComplaintStats s = acc.result();
      assertEquals(sh(10, 1, 0, 0), s.start());
      assertEquals(5, s.received());
      assertEquals(3, s.resolved());
      assertEquals(2, s.resolvedInTime());
      assertEquals(2.0 / 3, s.resolvedInTimeShare(), 1e-9);
      assertEquals(Long.valueOf(14400), s.resolveMedianSeconds()); // of 7200, 14400, 54000
      assertEquals(Long.valueOf(54000), s.resolveP90Seconds());
      assertEquals(2, s.followedUp());
      assertEquals("major", s.bySeverity().get(0).key());
      assertEquals(0.0, s.bySeverity().get(0).resolvedInTimeShare(), 0);
      assertNull(s.byValidity().get(1).resolvedInTimeShare());
      assertEquals(Long.valueOf(54000), s.bySeverity().get(0).resolveMedianSeconds()); // C alone
      assertEquals(Long.valueOf(54000), s.bySeverity().get(0).resolveP90Seconds());
      assertNull(s.byValidity().get(1).resolveMedianSeconds());
      assertEquals("repair", s.byCategory().get(0).key());
      assertEquals("unassigned", s.byDepartment().get(0).key()); // 2 each: by id, none first
      assertEquals(5, s.byDepartment().get(1).departmentId());
    }
  }

  @Test
  public void theStoresMonthIsTheSitesLocalMonth_R_CPL_6() throws Exception {
    Instant before = sh(9, 1, 9, 0);
    long site = store.addSite(Actor.system(0, before), "park", "某某产业园", null);
    long clerk = store.addStaff(Actor.system(site, before), "F001", "王前台", "clerk");
    for (Instant at : new Instant[] {sh(10, 31, 23, 30), sh(11, 1, 0, 30)}) {
      Complaints.add(store, Actor.of(site, clerk, at), Complaint.builder().receivedAt(at).channel("phone")
          .category("repair").severity("major").what("电梯困人").build());
    }
    ComplaintStats s = ComplaintStats.of(store, Actor.of(site, clerk, sh(11, 2, 9, 0)), 2026, 10);
    assertEquals(1, s.received());
    assertEquals(1, s.unassessed());
    ComplaintStats empty = ComplaintStats.of(store, Actor.of(site, clerk, sh(11, 2, 9, 0)), 2026, 12);
    assertEquals(0, empty.received());
    assertNull(empty.resolveMedianSeconds());
    assertNull(empty.reopenShare());
  }

  @Test
  public void theMonthReport_R_CPL_6() throws Exception {
    Instant before = sh(9, 1, 9, 0);
    long site = store.addSite(Actor.system(0, before), "park", "某某产业园", null);
    long clerk = store.addStaff(Actor.system(site, before), "F001", "王前台", "clerk");
    Complaints.add(store, Actor.of(site, clerk, sh(10, 20, 9, 0)), Complaint.builder().receivedAt(sh(10, 20, 9, 0))
        .channel("phone").category("repair").severity("major").what("电梯困人").build());
    Actor actor = Actor.of(site, clerk, sh(11, 2, 9, 0));
    try (Report r = ComplaintsMonthReport.build(store, actor, YearMonth.of(2026, 10), "en")) {
      assertEquals("complaints.month", r.key());
      assertEquals("2026-10", r.meta().get(2).getValue());
      List<String> keys = new ArrayList<>();
      for (Report.Section s : r.sections()) {
        keys.add(s.getKey());
      }
      assertEquals(Arrays.asList("complaints.summary", "complaints.by_severity", "complaints.by_category",
          "complaints.by_department", "complaints.by_validity", "complaints.satisfaction"), keys);
      // key, label, count, resolved, within target, share (null: none resolved), median, p90
      assertEquals(Arrays.asList("major", "Major", 1L, 0L, 0L, null, null, null),
          r.section("complaints.by_severity").getTables().get(0).getRows().get(0));
      assertTrue(r.csv().startsWith("\ufeff"));
    }
    try (Report zh = ComplaintsMonthReport.build(store, actor, YearMonth.of(2026, 10))) {
      assertEquals("投诉月报", zh.title());
    }
    try {
      ComplaintsMonthReport.build(store, actor, YearMonth.of(2026, 10), "fr");
      fail("a bad language");
    } catch (FrontdeskException e) {
      assertEquals("FD_EINVAL", e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("language"));
    }
    try {
      ComplaintsMonthReport.build(store, actor, null, "en");
      fail("no month");
    } catch (FrontdeskException e) {
      assertEquals("FD_EINVAL", e.status());
    }
  }
}
