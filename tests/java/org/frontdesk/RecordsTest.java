package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The record platform from Java (issue 8): records, streams, filters, actors, masking, local time. */
public class RecordsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private File dir;
  private Store store;
  private long site;
  private Actor system;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    site = store.addSite(Actor.system(0, T0), "park", "某某产业园", null);
    system = Actor.system(site, T0);
  }

  @After
  public void close() throws Exception {
    store.close();
  }


  private static <T> List<T> all(RecordIterator<T> it) {
    try (RecordIterator<T> i = it) {
      List<T> out = new ArrayList<>();
      i.forEachRemaining(out::add);
      return out;
    }
  }

  @Test
  public void recordsHaveGettersToStringAndEquality() throws Exception {
    Site s = store.site(site);
    assertEquals("park", s.getCode());
    assertEquals("某某产业园", s.getName());
    assertEquals(T0, s.getCreatedAt());
    assertEquals(0, s.getCreatedBy());
    assertTrue(s.toString(), s.toString().startsWith("Site{id=" + site + ", code='park', name='某某产业园'"));
    assertEquals(s, store.site("park"));
    assertEquals(s.hashCode(), store.site("park").hashCode());
    assertNotEquals(s, Site.builder().code("park").build());
    Staff built = Staff.builder().code("F001").name("王小丽").role("clerk").build();
    assertEquals("王小丽", built.getName());
    long id = store.addStaff(system, built);
    Staff read = store.staff(system, id);
    assertEquals(site, read.getSiteId());
    assertEquals("clerk", read.getRole());
    assertTrue(read.isActive());
    fails(Frontdesk.EINVAL, "site.code", () -> store.addSite(Actor.system(0, T0), "bad code!", "x", null));
    Site.builder().code("tower").name("二号楼").build().check();
    fails(Frontdesk.EINVAL, "site.code", () -> Site.builder().code("bad code!").name("x").build().check());
    fails(Frontdesk.EINVAL, "staff.name", () -> Staff.builder().code("F9").role("clerk").build().check());
  }

  @Test
  public void journalOf500StreamsAndEarlyCloseFrees() throws Exception {
    store.begin();
    for (int i = 0; i < 500; i++) {
      store.journalAdd(system.withAt(T0.plusSeconds(i)), "call", i + 1, "log", null);
    }
    store.commit();
    JournalFilter calls = new JournalFilter().entity("call");
    RecordIterator<JournalEntry> it = store.journal(system, calls);
    assertFalse(it.isClosed());
    assertEquals(1, it.next().getEntityId());
    assertEquals(2, it.next().getEntityId());
    it.close();
    assertTrue(it.isClosed());
    assertFalse(it.hasNext());
    try (RecordIterator<JournalEntry> some = store.journal(system, calls)) {
      for (JournalEntry e : some) {
        if (e.getEntityId() == 250) break;
      }
    }
    RecordIterator<JournalEntry> every = store.journal(system, calls);
    int n = 0;
    while (every.hasNext()) {
      every.next();
      n++;
    }
    assertEquals(500, n);
    assertTrue("exhausted iterators free themselves", every.isClosed());
    try (RecordIterator<JournalEntry> s = store.journal(system, calls)) {
      assertEquals(500L, s.stream().count());
    }
    for (int i = 0; i < 50; i++) {
      store.journal(system, calls).next(); // left to the Cleaner
    }
    System.gc();
  }

  @Test
  public void iteratorsOutliveTheirStore() throws Exception {
    // store.h: iterators stay valid after the store is closed, until they are freed.
    Store other = Store.open(new File(dir, "site.db").getPath());
    RecordIterator<JournalEntry> it = other.journal(system, null);
    other.close();
    assertTrue(it.hasNext());
    assertEquals("site", it.next().getEntity());
    while (it.hasNext()) {
      it.next();
    }
    assertTrue(it.isClosed());
  }

  @Test
  public void filtersStaff0RangesPagingAndSearch() throws Exception {
    long clerk = store.addStaff(system, "F001", "王小丽", "clerk");
    store.addStaff(system, "F002", "张伟", "clerk");
    Actor c = Actor.of(site, clerk, T0);
    store.journalAdd(system, "shift", 0, "open", null);
    store.journalAdd(c, "shift", 0, "handover", null);
    List<String> bySystem = all(store.journal(system, new JournalFilter().entity("shift").staffId(0)))
        .stream().map(JournalEntry::getAction).collect(Collectors.toList());
    assertEquals(List.of("open"), bySystem);
    assertEquals(2, all(store.journal(system, new JournalFilter().entity("shift"))).size());
    store.begin();
    for (int h = 0; h < 50; h++) {
      store.journalAdd(system.withAt(T0.plusSeconds(3600L * h)), "call", h, "log", null);
    }
    store.commit();
    JournalFilter window = new JournalFilter().entity("call").atFrom(T0.plusSeconds(3600L * 3))
        .atTo(T0.plusSeconds(3600L * 6));
    assertEquals(List.of(3L, 4L, 5L), all(store.journal(system, window)).stream().map(JournalEntry::getEntityId)
        .collect(Collectors.toList()));
    List<Integer> pages = new ArrayList<>();
    long after = 0;
    while (true) {
      List<JournalEntry> page = all(store.journal(system, new JournalFilter().entity("call").after(after).limit(20)));
      if (page.isEmpty()) break;
      pages.add(page.size());
      after = page.get(page.size() - 1).getId();
    }
    assertEquals(List.of(20, 20, 10), pages);
    List<String> found = all(store.staffList(system, new StaffFilter().search("wxl"))).stream()
        .map(Staff::getName).collect(Collectors.toList());
    assertEquals(List.of("王小丽"), found);
    assertEquals(1, all(store.sites(new SiteFilter().search("mmcyy"))).size());
    fails(Frontdesk.EINVAL, "entity", () -> new JournalFilter().entity(null));
    fails(Frontdesk.ERANGE, "at_from", () -> new JournalFilter().atFrom(Instant.parse("+10000-01-01T00:00:00Z")));
  }

  @Test
  public void actorsActOnlyAtTheirSiteWhileActive() throws Exception {
    long clerk = store.addStaff(system, "F001", "王小丽", "clerk");
    long other = store.addSite(Actor.system(0, T0), "tower", "二号楼", null);
    fails(Frontdesk.EPERM, "site " + site + ", not to site " + other,
        () -> store.journalAdd(Actor.of(other, clerk, T0), "call", 0, "log", null));
    fails(Frontdesk.EPERM, "F001", () -> store.checkActor(Actor.of(other, clerk, T0)));
    store.checkActor(Actor.of(site, clerk, T0));
    store.setStaffActive(system, clerk, false);
    fails(Frontdesk.EPERM, "not active", () -> store.journalAdd(Actor.of(site, clerk, T0), "call", 0, "log", null));
    try {
      Actor.of(site, clerk, null);
      fail("null instant accepted");
    } catch (NullPointerException e) {
      assertTrue(e.getMessage().contains("at"));
    }
    Actor a = Actor.of(site, 7, T0).withReveal("回访").withGrants(Grant.MANAGE);
    assertEquals(Actor.of(site, 7, T0).withGrants(Grant.MANAGE, Grant.REVEAL).withReveal("回访"), a);
    assertTrue(a.getGrants().contains(Grant.REVEAL));
    assertEquals("回访", a.getReason());
  }

  @Test
  public void personalDataIsMaskedUnlessRevealed_R_COM_2() throws Exception {
    Actor clerk = Actor.of(site, store.addStaff(system, "F001", "王小丽", "clerk"), T0);
    Actor sup = Actor.of(site, store.addStaff(system, "S001", "李强", "supervisor"), T0);
    long id = store.journalAdd(clerk, "call", 0, "log", "来电 13800138000，身份证 11010519900101123X");
    assertEquals("来电 138****8000，身份证 110105********123X", store.journalEntry(sup, id).getDetail());
    fails(Frontdesk.EPERM, "supervisor", () -> store.journalEntry(sup.withReveal("客户回访"), id));
    assertFalse(store.hasGrant(site, "supervisor", Grant.REVEAL));
    store.grant(system, "supervisor", Grant.REVEAL, true);
    assertTrue(store.hasGrant(site, "supervisor", Grant.REVEAL));
    fails(Frontdesk.EINVAL, "reason", () -> store.journalEntry(sup.withReveal(""), id));
    Actor revealer = sup.withAt(T0.plusSeconds(300)).withReveal("客户回访");
    // The journal is never purged: its details are masked as they are written; a reveal shows no more.
    assertEquals("来电 138****8000，身份证 110105********123X", store.journalEntry(revealer, id).getDetail());
    assertEquals(0, all(store.reveals(system, null)).size());
    // A name where the site masks names is revealed, and the reveal logged.
    store.setPolicy(system, "pii.mask_names", 1);
    assertNotEquals("王小丽", store.staff(sup, clerk.getStaffId()).getName());
    assertEquals("王小丽", store.staff(revealer, clerk.getStaffId()).getName());
    store.setPolicy(system, "pii.mask_names", 0);
    List<Reveal> log = all(store.reveals(system, null));
    assertEquals(1, log.size());
    Reveal r = log.get(0);
    assertEquals("staff", r.getRecord());
    assertEquals(clerk.getStaffId(), r.getRecordId());
    assertEquals("name", r.getField());
    assertEquals(sup.getStaffId(), r.getStaffId());
    assertEquals("客户回访", r.getReason());
    assertEquals(revealer.getAt(), r.getAt());
    assertEquals(r, store.reveal(system, r.getId()));
    store.grant(system, "supervisor", Grant.REVEAL, false);
    assertFalse(store.hasGrant(site, "supervisor", Grant.REVEAL));
    assertEquals("reveal", Grant.REVEAL.code());
    assertEquals("manage", Grant.MANAGE.code());
  }

  @Test
  public void localTimesInShanghaiAndNewYork() throws Exception {
    Instant at = LocalTimes.instantFromLocal("Asia/Shanghai", LocalDateTime.of(2026, 11, 23, 17, 30));
    assertEquals(Instant.parse("2026-11-23T09:30:00Z"), at);
    assertEquals(OffsetDateTime.of(2026, 11, 23, 17, 30, 0, 0, ZoneOffset.ofHours(8)),
        LocalTimes.instantToLocal("Asia/Shanghai", at));
    assertEquals("2026-11-23T17:30:00+08:00", LocalTimes.format("Asia/Shanghai", at));
    String ny = "America/New_York";
    Instant skipped = LocalTimes.instantFromLocal(ny, LocalDateTime.of(2026, 3, 8, 2, 30));
    assertEquals("2026-03-08T03:30:00-04:00", LocalTimes.format(ny, skipped));
    Instant repeated = LocalTimes.instantFromLocal(ny, LocalDateTime.of(2026, 11, 1, 1, 30));
    assertEquals(Instant.parse("2026-11-01T05:30:00Z"), repeated);
    assertEquals(ZoneOffset.ofHours(-4), LocalTimes.instantToLocal(ny, repeated).getOffset());
    fails(Frontdesk.EINVAL, "Mars/Olympus", () -> LocalTimes.format("Mars/Olympus", at));
    fails(Frontdesk.EINVAL, "local", () -> LocalTimes.instantFromLocal(ny, LocalDateTime.of(10000, 1, 1, 0, 0)));
    LocalTimes.checkInstant(253402300799L);
    fails(Frontdesk.ERANGE, "at", () -> LocalTimes.checkInstant(253402300800L));
  }

  @Test
  public void verifyFindsARewrittenEntry_R_COM_3() throws Exception {
    String path = new File(dir, "verify.db").getPath();
    try (Store s = Store.open(path)) {
      long site = s.addSite(Actor.system(0, Instant.ofEpochSecond(1795395600L)), "v", "验证", null);
      s.journalAdd(Actor.system(site, Instant.ofEpochSecond(1795395601L)), "call", 1, "log", "来电");
      VerifyReport r = s.verify();
      assertTrue(r.toString(), r.isOk());
      assertEquals(2, r.getEntries());
      assertEquals(64, r.getHead().length());
      assertEquals(s.uuid(), r.getUuid());
    }
    try (Store ro = Store.open(path, true, false, true)) {
      assertTrue(ro.verify().isTriggersOk());
    }
  }

  @Test
  public void storeGreetingTakesTheOrganisationFromTheSite_R_CALL_2() throws Exception {
    try (Store s = Store.open(new File(dir, "greeting.db").getPath()); WorkCalendar cal = WorkCalendar.builtin()) {
      long site = s.addSite(Actor.system(0, Instant.ofEpochSecond(1795395600L)), "park", "某某产业园", null);
      assertEquals("您好，某某产业园，周末愉快！请问有什么可以帮您？", s.greeting(site, LocalDate.of(2026, 3, 7), cal));
    }
  }
}
