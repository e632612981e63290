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
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Foundation (issue 3) from Java: errors, dates, store, journal, policy, report. */
public class FoundationTest {
  private File dir;
  private Store store;

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
  public void versionAndStatusNames() {
    assertTrue(Frontdesk.version().matches("\\d+\\.\\d+\\.\\d+"));
    assertEquals("FD_EINVAL", Frontdesk.statusName(Frontdesk.EINVAL));
    assertEquals("FD_EDATA", Frontdesk.statusName(Frontdesk.EDATA));
  }

  @Test
  public void errorsCarryCodeAndMessage() {
    try {
      Frontdesk.parseDate("2026-13-01");
      fail("no exception");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertEquals("FD_EINVAL", e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("month"));
      assertEquals(Frontdesk.EINVAL, Frontdesk.lastErrorCode());
      assertEquals(e.getMessage(), Frontdesk.lastErrorMessage());
    }
    Frontdesk.clearError();
    assertEquals(0, Frontdesk.lastErrorCode());
  }

  @Test
  public void datesRoundTrip() throws Exception {
    assertEquals(LocalDate.of(2026, 2, 14), Frontdesk.parseDate("2026-02-14"));
    assertEquals("2024-02-29", Frontdesk.formatDate(LocalDate.of(2024, 2, 29)));
    Frontdesk.checkDate(LocalDate.of(9999, 12, 31));
    try {
      Frontdesk.checkDate(LocalDate.of(10000, 1, 1));
      fail("year 10000 accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code()); // refused by the binding: fd_date holds 0001..9999
    }
  }

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  public void sitesAndStaffKeepNonBmpNames_R_COM_1() throws Exception {
    assertEquals(Store.schemaLatest(), store.schemaVersion());
    long site = store.addSite(Actor.system(0, T0), "hotel", "長沙大酒店", null);
    Site s = store.site("hotel");
    assertEquals(site, s.getId());
    assertEquals("長沙大酒店", s.getName());
    assertEquals("Asia/Shanghai", s.getTimeZone());
    assertEquals(T0, s.getCreatedAt());
    assertEquals(s, store.site(site));
    assertEquals(s, store.defaultSite());
    assertEquals(LocalDate.of(2026, 11, 23), store.siteDate(site, Instant.ofEpochSecond(1795426200L)));
    assertEquals(LocalDate.of(2026, 11, 24), store.siteDate(site, Instant.parse("2026-11-23T16:00:00Z")));
    Actor system = Actor.system(site, T0);
    long clerk = store.addStaff(system, "F001", "𠮷田花子", "clerk");
    Staff st = store.staff(system, "F001");
    assertEquals(clerk, st.getId());
    assertEquals("𠮷田花子", st.getName());
    assertTrue(st.isActive());
    assertEquals(0, st.getCreatedBy());
    assertEquals(st, store.staff(system, clerk));
    store.setStaffActive(system, clerk, false);
    assertFalse(store.staff(system, "F001").isActive());
    try {
      store.addStaff(system, "F001", "王五", "clerk");
      fail("duplicate accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ECONFLICT, e.code());
      assertTrue(e.getMessage().contains("F001"));
    }
    try {
      store.siteDate(site, null);
      fail("null instant accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
    }
  }

  @Test
  public void journalAndTransactions_R_COM_3() throws Exception {
    long site = store.addSite(Actor.system(0, T0), "park", "某某产业园", null);
    Actor system = Actor.system(site, Instant.ofEpochSecond(1795426200L));
    store.begin();
    long id = store.journalAdd(system, "shift", 1, "handover", "访客卡 20 张");
    store.commit();
    store.begin();
    store.journalAdd(system, "shift", 2, "handover", null);
    store.rollback();
    List<JournalEntry> rows = new ArrayList<>();
    try (RecordIterator<JournalEntry> it = store.journal(system, new JournalFilter().entity("shift"))) {
      it.forEachRemaining(rows::add);
    }
    assertEquals(1, rows.size());
    assertEquals(id, rows.get(0).getId());
    assertEquals(system.getAt(), rows.get(0).getAt());
    assertEquals("访客卡 20 张", rows.get(0).getDetail());
    assertEquals(rows.get(0), store.journalEntry(system, id));
    try {
      store.journalAdd(Actor.of(site, 999, T0), "shift", 0, "handover", null);
      fail("unknown staff accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ENOTFOUND, e.code());
    }
  }

  @Test
  public void policyDefaultsAndOverrides_R_CALL_1() throws Exception {
    assertTrue(Policy.keys().size() >= 20);
    assertEquals(3, Policy.describe("call.max_rings").defaultValue);
    try (Policy p = Policy.defaults()) {
      assertEquals(10, p.get("complaint.major.resolve_days"));
      p.set("call.max_rings", 4);
      assertFalse(p.isDefault("call.max_rings"));
      try (Policy q = p.copy()) {
        assertEquals(4, q.get("call.max_rings"));
      }
      try {
        p.set("call.max_rings", 0);
        fail("out of range accepted");
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.ERANGE, e.code());
      }
    }
    long site = store.addSite(Actor.system(0, T0), "park", "某某产业园", null);
    Actor system = Actor.system(site, T0);
    store.setPolicy(system, "call.max_rings", 4);
    try (Policy p = store.policy(site)) {
      assertEquals(4, p.get("call.max_rings"));
    }
    store.resetPolicy(system, "call.max_rings");
    try (Policy p = store.policy(site)) {
      assertTrue(p.isDefault("call.max_rings"));
    }
  }

  @Test
  public void dailyReport_R_COM_4() throws Exception {
    long site = store.addSite(Actor.system(0, T0), "park", "某某产业园", null);
    ZoneId sh = ZoneId.of("Asia/Shanghai");
    store.journalAdd(Actor.system(site, ZonedDateTime.of(2025, 6, 10, 8, 5, 0, 0, sh).toInstant()), "shift", 1,
        "handover", "交接班");
    store.journalAdd(Actor.system(site, ZonedDateTime.of(2025, 6, 11, 0, 0, 0, 0, sh).toInstant()), "shift", 2,
        "handover", "next day");
    try (DailyReport r = store.dailyReport(Actor.system(site, T0), LocalDate.of(2025, 6, 10))) {
      assertEquals(1, r.total());
      assertTrue(r.text().contains("交接班"));
      assertTrue(r.json().contains("\"rows\":[[1749513900,")); // 2025-06-10 08:05 in Shanghai
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  public void deprecatedStoreMethodsStillWork() throws Exception {
    long site = store.addSite("park", "某某产业园", null);
    long clerk = store.addStaff(site, "F001", "王小丽", "clerk");
    assertEquals(clerk, store.staff(site, "F001").getId());
    Instant t = Instant.ofEpochSecond(1795426200L);
    long id = store.journalAppend(t, site, clerk, "shift", 1, "handover", "d");
    store.journalAppend(Instant.now(), site, 0, "shift", 2, "handover", null);
    try {
      store.journalAppend(null, site, 0, "shift", 3, "handover", null); // null never means now
      fail("null accepted as now");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
    }
    List<JournalEntry> rows = store.journal(site, t, t.plusSeconds(1), "shift", 0);
    assertEquals(1, rows.size());
    assertEquals(id, rows.get(0).getId());
    assertEquals(clerk, rows.get(0).getStaffId());
    assertEquals(2, store.journal(0, null, null, "shift", 0).size());
    store.setPolicy(site, "call.max_rings", 4, 0); // the system: a clerk needs the manage grant
    try (Policy p = store.policy(site)) {
      assertEquals(4, p.get("call.max_rings"));
    }
    store.resetPolicy(site, "call.max_rings", 0);
    store.setStaffActive(clerk, false, 0);
    assertFalse(store.staff(Actor.system(site, T0), clerk).isActive());
  }

  @Test
  public void closedHandlesFailCleanlyAndCloseTwiceIsSafe() throws Exception {
    Store s = Store.open(new File(dir, "other.db").getPath());
    s.close();
    s.close();
    assertTrue(s.isClosed());
    try {
      s.addSite(Actor.system(0, T0), "a", "b", null);
      fail("closed store used");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ESTATE, e.code());
    }
    for (int i = 0; i < 100; i++) {
      Policy.defaults(); // left to the Cleaner
    }
    System.gc();
    assertNull(null);
  }

  @Test
  public void refusesGarbageFiles() throws Exception {
    File f = new File(dir, "garbage.db");
    Files.write(f.toPath(), "not a database at all, not at all".repeat(100).getBytes("UTF-8"));
    try {
      Store.open(f.getPath()).close();
      fail("garbage opened");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EDATA, e.code());
    }
  }
}
