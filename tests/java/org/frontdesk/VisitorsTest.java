package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Visitors from Java (issue 12, items 2-4): R-VIS-1, R-VIS-2, R-VIS-3, R-COM-2, R-COM-3, R-COM-4. */
public class VisitorsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z"); // 09:00 in Shanghai
  private static final Duration HOUR = Duration.ofHours(1);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private File dir;
  private File keyFile;
  private Store store;
  private long site;
  private long boss;
  private Actor system;
  private Actor clerk;
  private Actor manager;
  private long employee;
  private long org;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    keyFile = new File(dir, "site.key");
    Files.write(keyFile.toPath(),
        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n".getBytes(StandardCharsets.US_ASCII));
    Files.setPosixFilePermissions(keyFile.toPath(), PosixFilePermissions.fromString("rw-------"));
    store = Store.open(new File(dir, "site.db").getPath(), false, true, false, keyFile.getPath());
    Instant before = T0.minus(Duration.ofDays(30));
    site = store.addSite(Actor.system(0, before), "estate", "阳光花园", null);
    system = Actor.system(site, before);
    clerk = Actor.of(site, store.addStaff(system, "F001", "王前台", "clerk"), T0);
    boss = store.addStaff(system, "M001", "赵主管", "supervisor");
    store.grant(system, "supervisor", Grant.MANAGE, true);
    store.grant(system, "supervisor", Grant.REVEAL, true);
    manager = Actor.of(site, boss, T0).withGrants(Grant.MANAGE);
    org = Property.addOrganisation(store, system, Organisation.builder().name("某某科技有限公司").build());
    employee = Property.addEmployee(store, system, Employee.builder().organisationId(org).name("陈志强").build());
  }

  @After
  public void close() throws Exception {
    store.close();
  }


  private static Visit.Builder walkIn(String name) {
    return Visit.builder().visitor(name).partySize(1).host("前台").purpose("办事");
  }

  @Test
  public void codesIdNumbersAndPlates_R_COM_2() throws Exception {
    assertEquals("在访", Visitors.codeLabel("state", "on_site"));
    assertEquals("id_card", Visitors.codeParse("id_type", "身份证"));
    Visitors.IdNumber n = Visitors.parseIdNumber("id_card", "11010519491231002x", TODAY);
    assertEquals("11010519491231002X", n.number());
    assertEquals("110105********002X", n.masked());
    fails(Frontdesk.EINVAL, "number", () -> Visitors.parseIdNumber("id_card", "E12345678", TODAY));
    fails(Frontdesk.EINVAL, "birth date", () -> Visitors.parseIdNumber("id_card", "310101209901011236", TODAY));
    assertEquals("E*****678", Visitors.parseIdNumber("passport", "e1234 5678", TODAY).masked());
    assertEquals("粤B12345", Visitors.parsePlate("粵b·12345"));
    fails(Frontdesk.EINVAL, "plate", () -> Visitors.parsePlate("A12345"));
  }

  @Test
  public void visitRulesWithoutAStore_R_VIS_1_R_COM_4() throws Exception {
    Visit v = walkIn("张伟").build();
    Visitors.validate(v);
    fails(Frontdesk.ERANGE, "visit.party_size", () -> Visitors.validate(walkIn("张伟").partySize(0).build()));
    fails(Frontdesk.ESTATE, "visit.arrived_at", () -> Visitors.checkoutCheck(v, null, T0));
    Visit here = walkIn("张伟").arrivedAt(T0).plannedUntil(T0.plus(HOUR)).build();
    Visitors.checkoutCheck(here, T0.plus(HOUR), T0.plus(HOUR));
    fails(Frontdesk.EINVAL, "left_at", () -> Visitors.checkoutCheck(here, T0.minus(HOUR), T0.plus(HOUR)));
    Visitors.Overstay o = Visitors.overstay(here, T0.plus(HOUR.multipliedBy(2)), "Asia/Shanghai", null);
    assertTrue(o.isOverstay());
    assertEquals("window", o.reason());
    assertEquals(T0.plus(HOUR).plus(Duration.ofMinutes(15)), o.since());
    Policy p = Policy.defaults();
    p.set("visitor.closing_minute", 10 * 60);
    assertEquals("closing", Visitors.overstay(walkIn("x").arrivedAt(T0).build(), T0.plus(HOUR), null, p).reason());
    BlocklistEntry e = BlocklistEntry.builder().level("warning").reason("注意").name("张三").build();
    Visitors.validate(e, null, TODAY);
    fails(Frontdesk.EINVAL, "blocklist_entry.level",
        () -> Visitors.validate(BlocklistEntry.builder().level("red").reason("x").name("y").build(), null, TODAY));
    assertTrue(Visitors.blocklistEntryActive(BlocklistEntry.builder().addedAt(T0).build(), T0));
  }

  @Test
  public void registerAnswerAndCheckOut_R_VIS_1_R_VIS_2_R_VIS_3() throws Exception {
    Visitors.Registration r = Visitors.register(store, clerk,
        walkIn("张伟").phone("139 1234 5678").host(null).hostEmployee(employee).plate("京a·12345").build(), null);
    assertEquals(1, r.slipNo());
    assertEquals("waiting", r.state());
    assertEquals("none", r.blocklist().answer());
    assertEquals(2, Visitors.register(store, clerk, walkIn("李四").build(), null).slipNo());
    Visit v = Visitors.visit(store, clerk, r.id());
    assertEquals("139****5678", v.getPhone());
    assertEquals("京A12345", v.getPlate());
    assertEquals(org, v.getHostOrganisation());
    Visitors.answer(store, clerk.withAt(T0.plus(HOUR)), r.id(), "bring_up", null);
    assertEquals("on_site", Visitors.visit(store, clerk, r.id()).getState());
    fails(Frontdesk.ESTATE, "answered already", () -> Visitors.answer(store, clerk, r.id(), "lobby", null));
    Visitors.checkOut(store, clerk.withAt(T0.plus(HOUR.multipliedBy(2))), r.id(), T0.plus(HOUR), "已离开");
    assertEquals(T0.plus(HOUR), Visitors.visit(store, clerk, r.id()).getDepartedAt());
    List<String> kinds = new ArrayList<>();
    try (RecordIterator<VisitEvent> it = Visitors.events(store, clerk, new VisitEventFilter().visitId(r.id()))) {
      for (VisitEvent e : it) {
        kinds.add(e.getKind());
        assertEquals(e, Visitors.event(store, clerk, e.getId()));
      }
    }
    assertEquals(List.of("answer", "checkout"), kinds);
    try (RecordIterator<Visit> it = Visitors.visits(store, clerk, new VisitFilter().state("left"))) {
      assertEquals(r.id(), it.next().getId());
    }
  }

  @Test
  public void checkoutBeforeCheckinIsRefusedAndExpectedVisitsCheckIn_R_COM_4() throws Exception {
    Visitors.Registration r = Visitors.register(store, clerk,
        walkIn("王五").preregistered(true).plannedFrom(T0.plus(HOUR)).build(), null);
    assertEquals("expected", r.state());
    fails(Frontdesk.ESTATE, "visit.arrived_at: the visitor has not checked in",
        () -> Visitors.checkOut(store, clerk, r.id(), null, null));
    assertEquals("expected", Visitors.visit(store, clerk, r.id()).getState());
    Visitors.checkIn(store, clerk, r.id());
    assertEquals("waiting", Visitors.visit(store, clerk, r.id()).getState());
    long other = Visitors.register(store, clerk, walkIn("赵六").preregistered(true).plannedFrom(T0).build(), null).id();
    Visitors.cancel(store, clerk, other, "取消");
    assertEquals("cancelled", Visitors.visit(store, clerk, other).getState());
  }

  @Test
  public void stillOnSiteAndTheEndOfShift_R_COM_4() throws Exception {
    long[] ids = new long[3];
    for (int i = 0; i < 3; i++) {
      ids[i] = Visitors.register(store, clerk, walkIn("访客" + i).plannedUntil(T0.plus(HOUR)).build(), null).id();
    }
    Visitors.checkOut(store, clerk, ids[1], null, null);
    List<Long> here = new ArrayList<>();
    try (RecordIterator<Visit> it = Visitors.onSite(store, clerk, 0, 64)) {
      for (Visit v : it) {
        here.add(v.getId());
      }
    }
    assertEquals(List.of(ids[0], ids[2]), here);
    Actor evening = clerk.withAt(T0.plus(HOUR.multipliedBy(10)));
    Visitors.Shift s = Visitors.shiftCheck(store, evening, T0.plus(HOUR.multipliedBy(8)));
    assertEquals(2, s.onSite());
    assertEquals(2, s.overstaying());
    assertEquals(2, s.unexplained());
    assertEquals(ids[0], s.firstUnexplained());
    assertFalse(s.isReady());
    assertEquals("window", Visitors.overstay(store, evening, Visitors.visit(store, clerk, ids[0])).reason());
    Visitors.explain(store, evening, ids[0], "加班");
    Visitors.refuse(store, evening, ids[2], "超时未离开，请离场");
    assertTrue(Visitors.shiftCheck(store, evening, T0.plus(HOUR.multipliedBy(8))).isReady());
  }

  @Test
  public void idDocumentsHashedMaskedAndFullNumbersEncryptedWithConsent_R_COM_2() throws Exception {
    store.setPolicy(system, "visitor.id_keep_full", 1);
    fails(Frontdesk.EINVAL, "id.consent", () -> Visitors.register(store, clerk, walkIn("张伟").build(),
        new Visitors.IdDocument("passport", "E12345678")));
    Visitors.Registration r = Visitors.register(store, clerk, walkIn("张伟").build(),
        new Visitors.IdDocument("passport", "E12345678", true));
    Visit v = Visitors.visit(store, clerk, r.id());
    assertEquals("E*****678", v.getIdMasked());
    assertTrue(v.isIdKept());
    assertEquals(1, Visitors.register(store, clerk, walkIn("张伟").build(),
        new Visitors.IdDocument("passport", "e 1234 5678", true)).previousVisits());
    fails(Frontdesk.EPERM, "reveal", () -> Visitors.revealId(store, clerk, r.id()));
    Actor revealer = Actor.of(site, boss, T0).withReveal("公安协查");
    assertEquals("E12345678", Visitors.revealId(store, revealer, r.id()));
    try (RecordIterator<Visit> it = Visitors.onSite(store, clerk, 0, 64)) {
      for (Visit x : it) {
        Visitors.checkOut(store, clerk, x.getId(), null, null);
      }
    }
    Visitors.Purge dry = Visitors.purge(store, manager.withAt(T0.plus(Duration.ofDays(31))), true);
    assertTrue(dry.isDryRun());
    assertEquals(2, dry.idNumbers());
    assertEquals(2, dry.encrypted());
    assertEquals(0, dry.visits());
    Visitors.purge(store, manager.withAt(T0.plus(Duration.ofDays(31))), false);
    assertEquals("", Visitors.visit(store, clerk, r.id()).getIdMasked());
    fails(Frontdesk.ENOTFOUND, "purged", () -> Visitors.revealId(store, revealer.withAt(T0.plus(Duration.ofDays(31))),
        r.id()));
  }

  @Test
  public void theBlocklistMatchesWithoutShowing_R_VIS_1() throws Exception {
    assertEquals("none", Visitors.checkBlocklist(store, clerk, "张三", null, null).answer());
    long entry = Visitors.addBlocklistEntry(store, manager,
        BlocklistEntry.builder().level("forbidden").reason("法院禁止令 13812345678").name("张三").build(),
        new Visitors.IdDocument("id_card", "440304199003074561"));
    Visitors.addBlocklistEntry(store, manager, BlocklistEntry.builder().level("warning").reason("x").name("Yes").build(),
        null);
    Visitors.BlocklistMatch m = Visitors.checkBlocklist(store, clerk, "張三", null, null);
    assertEquals("match", m.answer());
    assertEquals("forbidden", m.level());
    assertEquals("name", m.basis());
    assertEquals(entry, m.entryId());
    assertEquals("法院禁止令 138****5678", m.reason());
    assertEquals("none", Visitors.checkBlocklist(store, clerk, "Reyes", null, null).answer());
    assertEquals("possible", Visitors.checkBlocklist(store, clerk, "章三", null, null).answer());
    assertEquals("id", Visitors.checkBlocklist(store, clerk, null, null,
        new Visitors.IdDocument("id_card", "440304199003074561")).basis());
    assertEquals("440304********4561", Visitors.blocklistEntry(store, manager, entry).getIdMasked());
    fails(Frontdesk.EPERM, "manage", () -> Visitors.addBlocklistEntry(store, clerk,
        BlocklistEntry.builder().level("warning").reason("x").name("李四").build(), null));
    Visitors.Registration r = Visitors.register(store, clerk, walkIn("张三").build(), null);
    assertEquals("held", r.state());
    assertEquals("forbidden", r.blocklist().level());
    fails(Frontdesk.EPERM, "forbidden", () -> Visitors.admit(store, clerk, r.id(), "熟人"));
    Visitors.admit(store, manager, r.id(), "已核实");
    try (RecordIterator<BlocklistHit> it = Visitors.blocklistHits(store, manager, new BlocklistHitFilter().visitId(r.id()))) {
      BlocklistHit h = it.next();
      assertEquals("admitted", h.getOutcome());
      assertEquals(boss, h.getOutcomeBy());
      assertEquals(h, Visitors.blocklistHit(store, manager, h.getId()));
    }
    try (RecordIterator<BlocklistEntry> it = Visitors.blocklist(store, manager, null)) {
      assertEquals(entry, it.next().getId());
    }
    Visitors.liftBlocklistEntry(store, manager, entry, "禁止令已撤销");
    assertEquals("none", Visitors.checkBlocklist(store, clerk, "张三", null, null).answer());
  }

  @Test
  public void aKeyFileOthersMayReadIsRefused_R_COM_2() throws Exception {
    File open = new File(dir, "open.key");
    Files.write(open.toPath(), Files.readAllBytes(keyFile.toPath()));
    Files.setPosixFilePermissions(open.toPath(), PosixFilePermissions.fromString("rw-r--r--"));
    fails(Frontdesk.EPERM, "key_file", () -> Store.open(new File(dir, "other.db").getPath(), false, true, false,
        open.getPath()));
  }

  @Test
  public void slipsAreHandedToSecurityInBatches_R_VIS_3() throws Exception {
    assertFalse(Visitors.slipHandoverDue(3, T0, T0.plus(Duration.ofDays(6)), null));
    assertTrue(Visitors.slipHandoverDue(3, T0, T0.plus(Duration.ofDays(7)), null));
    for (int i = 0; i < 3; i++) {
      Visitors.register(store, clerk, walkIn("访客" + i).build(), null);
    }
    Actor week = clerk.withAt(T0.plus(Duration.ofDays(7)));
    Visitors.SlipStatus st = Visitors.slipHandoverStatus(store, week);
    assertEquals(3, st.pending());
    assertEquals(1, st.firstPending());
    assertEquals(T0, st.since());
    assertTrue(st.isDue());
    long h = Visitors.handOverSlips(store, week, "保安老张", null);
    assertEquals(3, Visitors.slipHandover(store, week, h).getLastSlip());
    try (RecordIterator<SlipHandover> it = Visitors.slipHandovers(store, week, null)) {
      assertEquals(h, it.next().getId());
    }
    fails(Frontdesk.ESTATE, "no slip", () -> Visitors.handOverSlips(store, week, "保安老张", null));
  }

  @Test
  public void cardsAreIssuedOnceCountedByTwoAndDifferencesStayOpen_R_VIS_4() throws Exception {
    Visitors.validate(CountedItem.builder().kind("visitor_card").code("V001").build());
    fails(Frontdesk.EINVAL, "counted_item.kind",
        () -> Visitors.validate(CountedItem.builder().kind("pen").code("P1").build()));
    long card = Visitors.addItem(store, manager, CountedItem.builder().kind("visitor_card").code("V001").build());
    Visitors.addItem(store, manager, CountedItem.builder().kind("visitor_card").code("V002").build());
    long v1 = Visitors.register(store, clerk, walkIn("张伟").build(), null).id();
    long v2 = Visitors.register(store, clerk, walkIn("李四").build(), null).id();
    Visitors.issueItem(store, clerk, card, v1);
    fails(Frontdesk.ESTATE, "issued already", () -> Visitors.issueItem(store, clerk, card, v2));
    assertEquals("issued", Visitors.countedItem(store, clerk, card).getState());
    Visitors.checkOut(store, clerk, v1, null, null);
    Visitors.Shift s = Visitors.shiftCheck(store, clerk, T0.minus(HOUR));
    assertEquals(1, s.itemsOut());
    assertEquals(1, s.itemsUnreturned());
    assertFalse(s.isReady());
    Visitors.returnItem(store, clerk, card, null);
    long c = Visitors.countItems(store, clerk, "visitor_card", "end", 1, boss);
    ItemCount count = Visitors.itemCount(store, clerk, c);
    assertEquals(2, count.getExpected());
    assertEquals("open", count.getState());
    assertEquals(1, Visitors.shiftCheck(store, clerk, T0.minus(HOUR)).countsOpen());
    Visitors.explainCount(store, clerk, c, "V002 在会议室");
    assertEquals("explained", Visitors.itemCount(store, clerk, c).getState());
    Visitors.loseItem(store, clerk, card, "找不到");
    Visitors.itemFound(store, clerk, card, null);
    List<String> kinds = new ArrayList<>();
    try (RecordIterator<ItemEvent> it = Visitors.itemEvents(store, clerk, new ItemEventFilter().itemId(card))) {
      for (ItemEvent e : it) {
        kinds.add(e.getKind());
        assertEquals(e, Visitors.itemEvent(store, clerk, e.getId()));
      }
    }
    assertEquals(List.of("issue", "return", "lost", "found"), kinds);
    try (RecordIterator<CountedItem> it = Visitors.countedItems(store, clerk, new CountedItemFilter().state("in_stock"))) {
      assertEquals(card, it.next().getId());
    }
    try (RecordIterator<ItemCount> it = Visitors.itemCounts(store, clerk, null)) {
      assertEquals(c, it.next().getId());
    }
  }

  @Test
  public void goodsLeaveOnAnApprovedPermitCheckedAtTheGate_R_VIS_7() throws Exception {
    assertEquals("电脑×2；椅子×4", Visitors.parseGoodsItems("电脑2台，椅子×4"));
    assertEquals("椅子 4→5", Visitors.compareGoodsItems("电脑×2；椅子×4", "椅子5，电脑2"));
    assertEquals("", Visitors.compareGoodsItems("电脑×2", "电脑 x2"));
    fails(Frontdesk.EINVAL, "item 1 has no quantity", () -> Visitors.parseGoodsItems("电脑"));
    Visitors.validate(GoodsPermit.builder().applicant("王小丽").items("沙发1").build());
    long p = Visitors.addGoodsPermit(store, clerk, GoodsPermit.builder().applicant("王小丽").items("沙发1套，椅子4把")
        .build(), new Visitors.IdDocument("id_card", "11010519491231002X"));
    assertEquals("110105********002X", Visitors.goodsPermit(store, clerk, p).getIdMasked());
    fails(Frontdesk.ESTATE, "approved permit", () -> Visitors.checkGoods(store, clerk, p, "沙发1，椅子4", null, null));
    Visitors.approveGoodsPermit(store, manager, p, null);
    GoodsCheck c = Visitors.checkGoods(store, clerk, p, "沙发1，椅子5", "东门", null);
    assertFalse(c.isMatched());
    assertEquals("椅子 4→5", c.getDifference());
    assertEquals(1, Visitors.custodyStatus(store, clerk).permitsMismatch());
    assertTrue(Visitors.checkGoods(store, clerk, p, "椅子4，沙发1", null, null).isMatched());
    assertEquals("released", Visitors.goodsPermit(store, clerk, p).getState());
    try (RecordIterator<GoodsCheck> it = Visitors.goodsChecks(store, clerk, new GoodsCheckFilter().permitId(p))) {
      assertEquals(c.getId(), it.next().getId());
    }
    try (RecordIterator<GoodsPermit> it = Visitors.goodsPermits(store, clerk, null)) {
      assertEquals(p, it.next().getId());
    }
    long q = Visitors.addGoodsPermit(store, clerk, GoodsPermit.builder().applicant("李四").items("冰箱1").build(), null);
    Visitors.refuseGoodsPermit(store, manager, q, "欠费");
    assertEquals("refused", Visitors.goodsPermit(store, clerk, q).getState());
  }

  @Test
  public void oneCustodyLedger_R_VIS_8() throws Exception {
    CustodyItem item = CustodyItem.builder().kind("parcel").description("快递").owner("王小丽").depositedAt(T0).build();
    Visitors.validate(item);
    Visitors.CustodyDue due = Visitors.custodyItemDue(item, T0, null);
    assertTrue(due.isNotify());
    assertEquals(T0.plus(Duration.ofDays(90)), due.unclaimedAt());
    fails(Frontdesk.EINVAL, "custody_item.visit_id",
        () -> Visitors.validate(CustodyItem.builder().kind("visitor_documents").description("名片").build()));
    long parcel = Visitors.addCustodyItem(store, clerk,
        CustodyItem.builder().kind("parcel").description("顺丰快递").owner("王小丽").phone("13812345678").build());
    long bag = Visitors.addCustodyItem(store, clerk,
        CustodyItem.builder().kind("left_behind").description("雨伞").foundWhere("大堂").build());
    assertEquals(1, Visitors.custodyStatus(store, clerk).toNotify());
    Visitors.notifyCustody(store, clerk, parcel, "sms", null);
    Actor later = clerk.withAt(T0.plus(Duration.ofDays(3)));
    assertEquals(1, Visitors.custodyStatus(store, later).toRemind());
    Visitors.notifyCustody(store, later, parcel, "phone", null);
    Visitors.collectCustody(store, later, parcel, "王小丽", "signature", null);
    CustodyItem got = Visitors.custodyItem(store, clerk, parcel);
    assertEquals("collected", got.getState());
    assertEquals(1, got.getReminders());
    List<String> kinds = new ArrayList<>();
    try (RecordIterator<CustodyEvent> it = Visitors.custodyEvents(store, clerk, new CustodyEventFilter().itemId(parcel))) {
      for (CustodyEvent e : it) {
        kinds.add(e.getKind());
        assertEquals(e, Visitors.custodyEvent(store, clerk, e.getId()));
      }
    }
    assertEquals(List.of("deposit", "notify", "remind", "collect"), kinds);
    fails(Frontdesk.ESTATE, "collected already",
        () -> Visitors.collectCustody(store, later, parcel, "王小丽", "signature", null));
    Actor months = clerk.withAt(T0.plus(Duration.ofDays(91)));
    assertEquals(1, Visitors.custodyStatus(store, months).unclaimed());
    Visitors.handOnCustody(store, months, bag, "XX派出所", "逾期无人认领");
    long keys = Visitors.addCustodyItem(store, clerk,
        CustodyItem.builder().kind("deposit").description("钥匙一串").owner("王小丽").build());
    Visitors.returnCustody(store, clerk, keys, "王小丽", null);
    try (RecordIterator<CustodyItem> it = Visitors.custodyItems(store, clerk, new CustodyItemFilter().state("held"))) {
      assertFalse(it.hasNext());
    }
    Visitors.Purge purge = Visitors.purge(store, manager.withAt(T0.plus(Duration.ofDays(500))), true);
    assertEquals(3, purge.custody());
    assertEquals(0, purge.permits());
  }

  @Test
  public void importantVisitsChecklistTickedOffBeforeArrival_R_VIS_6() throws Exception {
    Instant start = T0.plus(HOUR.multipliedBy(2));
    Visit.Builder delegation = Visit.builder().visitor("市考察团").partySize(8).host("总经理办公室").purpose("考察")
        .preregistered(true).plannedFrom(start).important(true);
    VisitPrep room = VisitPrep.builder().visitId(1).item("会议室布置").dueAt(T0.plus(HOUR)).build();
    Visitors.validate(room, delegation.build());
    fails(Frontdesk.EINVAL, "visit_prep.due_at",
        () -> Visitors.validate(VisitPrep.builder().visitId(1).item("横幅").dueAt(start.plus(HOUR)).build(),
            delegation.build()));
    fails(Frontdesk.ESTATE, "visit.important", () -> Visitors.validate(room, walkIn("张伟").build()));
    Visitors.PrepDue due = Visitors.prepDue(VisitPrep.builder().visitId(1).item("横幅").build(), start, start);
    assertEquals(start, due.dueAt());
    assertTrue(due.isOpen() && due.isOverdue() && !due.isLate());
    fails(Frontdesk.EINVAL, "visit.preregistered",
        () -> Visitors.register(store, clerk, walkIn("代表团").important(true).build(), null));

    long vip = Visitors.register(store, clerk, delegation.build(), null).id();
    long plain = Visitors.register(store, clerk, walkIn("张伟").build(), null).id();
    long roomId = Visitors.addPrep(store, clerk,
        VisitPrep.builder().visitId(vip).item("会议室布置").dueAt(T0.plus(HOUR)).build());
    long banner = Visitors.addPrep(store, clerk, VisitPrep.builder().visitId(vip).item("横幅").build());
    fails(Frontdesk.ESTATE, "visit.important",
        () -> Visitors.addPrep(store, clerk, VisitPrep.builder().visitId(plain).item("鲜花").build()));
    fails(Frontdesk.ENOTFOUND, "visit_prep.visit_id",
        () -> Visitors.addPrep(store, clerk, VisitPrep.builder().visitId(999).item("鲜花").build()));
    Visitors.PrepStatus st = Visitors.prepStatus(store, clerk, vip);
    assertEquals(2, st.items());
    assertEquals(2, st.open());
    assertEquals(T0.plus(HOUR), st.firstDue());
    try (RecordIterator<Visit> it = Visitors.importantOpen(store, clerk, T0, T0.plus(Duration.ofDays(1)), 0, 64)) {
      assertEquals(vip, it.next().getId());
      assertFalse(it.hasNext());
    }

    Visitors.prepDone(store, clerk.withAt(T0.plus(HOUR.dividedBy(2))), roomId, "二楼大会议室");
    fails(Frontdesk.ESTATE, "ticked off already", () -> Visitors.prepDone(store, clerk, roomId, null));
    VisitPrep got = Visitors.prep(store, clerk, roomId);
    assertEquals(T0.plus(HOUR.dividedBy(2)), got.getDoneAt());
    assertEquals(clerk.getStaffId(), got.getDoneBy());
    Actor late = clerk.withAt(start.plus(HOUR));
    assertEquals(1, Visitors.prepStatus(store, late, vip).overdue());
    Visitors.prepDone(store, late, banner, null);
    st = Visitors.prepStatus(store, late, vip);
    assertEquals(0, st.open());
    assertEquals(1, st.late());
    assertEquals(null, st.firstDue());
    try (RecordIterator<Visit> it = Visitors.importantOpen(store, clerk, T0, T0.plus(Duration.ofDays(1)), 0, 64)) {
      assertFalse(it.hasNext());
    }
    List<String> items = new ArrayList<>();
    try (RecordIterator<VisitPrep> it = Visitors.preps(store, clerk, new VisitPrepFilter().visitId(vip))) {
      for (VisitPrep p : it) {
        items.add(p.getItem());
      }
    }
    assertEquals(List.of("会议室布置", "横幅"), items);
  }

  @Test
  public void theDaysCountsAndTheDailyReportsVisitorsSection_R_COM_4() throws Exception {
    Instant earlier = T0.minus(HOUR);
    Visitors.addBlocklistEntry(store, manager.withAt(earlier),
        BlocklistEntry.builder().level("forbidden").reason("禁止入内").name("张三").build(), null);
    long card = Visitors.addItem(store, manager.withAt(earlier),
        CountedItem.builder().kind("visitor_card").code("V001").build());
    long w1 = Visitors.register(store, clerk, walkIn("张伟").purpose("送货").phone("139 1234 5678").build(), null).id();
    Visitors.checkOut(store, clerk.withAt(T0.plus(HOUR)), w1, null, null);
    long held = Visitors.register(store, clerk, walkIn("张三").build(), null).id();
    Visitors.refuse(store, manager.withAt(T0.plus(HOUR)), held, "禁止入内");
    Visitors.register(store, clerk, walkIn("王五").preregistered(true).plannedFrom(T0.plus(HOUR.multipliedBy(2))).build(),
        null);
    Visitors.addCustodyItem(store, clerk, CustodyItem.builder().kind("parcel").description("快递").owner("王小丽").build());
    Actor night = clerk.withAt(Instant.parse("2026-11-23T15:59:00Z")); // 23:59 in Shanghai: still the day
    long late = Visitors.register(store, night, walkIn("赵六").purpose("送货").build(), null).id();
    Visitors.issueItem(store, night, card, late);

    Actor morning = clerk.withAt(T0.plus(Duration.ofDays(1)));
    Instant from = Instant.parse("2026-11-22T16:00:00Z");
    Map<String, Long> s = Visitors.stats(store, morning, from, from.plus(Duration.ofDays(1)));
    assertEquals(41, s.size());
    assertEquals("registered", s.keySet().iterator().next());
    long[] want = { 4, 3, 1, 3, 2, 1, 1, 1, 1, 1, 1, 1 };
    String[] keys = { "registered", "walk_ins", "preregistered", "arrived", "left", "refused", "expected", "not_come",
        "on_site", "items_out", "custody_held", "blocklist_forbidden_refused" };
    for (int i = 0; i < keys.length; i++) {
      assertEquals(keys[i], want[i], (long) s.get(keys[i]));
    }
    assertEquals(0L, (long) s.get("overstays"));
    Map<String, Long> next = Visitors.stats(store, morning, from.plus(Duration.ofDays(1)), from.plus(Duration.ofDays(2)));
    assertEquals(0L, (long) next.get("registered"));
    assertEquals(1L, (long) next.get("on_site"));
    fails(Frontdesk.EINVAL, "to:", () -> Visitors.stats(store, morning, from, from.minusSeconds(1)));

    try (DailyReport r = store.dailyReport(morning, TODAY, "en")) {
      assertEquals(24, r.sections().size()); // the journal, calls, visitors, complaints, fees, repairs, callbacks sections
      assertEquals("visitors.summary", r.sections().get(10).getKey());
      assertEquals(Arrays.asList("送货", 2L, 6667L), r.section("visitors.by_purpose").getTables().get(0).getRows().get(0));
      assertEquals(Arrays.asList("forbidden", "forbidden", 0L, 0L, 1L, 1L),
          r.section("visitors.blocklist").getTables().get(0).getRows().get(2));
      List<Object> onSite = r.section("visitors.on_site").getTables().get(0).getRows().get(0);
      assertEquals(Arrays.asList(night.getAt(), 4L, "赵六"), onSite.subList(0, 3));
      assertFalse(r.json().contains("13912345678"));
      assertFalse(r.text().contains("禁止入内"));
    }
  }

  // -- what a new user's trial found (issue 12) ------------------------------------------------

  @Test
  public void codeFieldsTakeLabelsAsTheCliDoes_R_VIS_1_R_VIS_4_R_VIS_8() throws Exception {
    assertEquals("id_card", Visitors.parseIdNumber("身份证", "11010519491231002X", TODAY).type());
    Visitors.Registration r = Visitors.register(store, clerk, walkIn("张伟").build(),
        new Visitors.IdDocument("身份证", "11010519491231002X"));
    assertEquals("id_card", Visitors.visit(store, clerk, r.id()).getIdType());
    Visitors.answer(store, clerk.withAt(T0.plus(HOUR)), r.id(), "大堂会面", null);
    assertEquals("lobby", Visitors.visit(store, clerk, r.id()).getAnswer());
    long key = Visitors.addItem(store, manager, CountedItem.builder().kind("钥匙").code("k01").build());
    assertEquals("key", Visitors.countedItem(store, clerk, key).getKind());
    long count = Visitors.countItems(store, clerk, "钥匙", "交班", 1, boss);
    assertEquals("end", Visitors.itemCount(store, clerk, count).getMoment());
    long parcel = Visitors.addCustodyItem(store, clerk,
        CustodyItem.builder().kind("快递").description("顺丰快递").owner("王小丽").build());
    Visitors.notifyCustody(store, clerk, parcel, "短信", null);
    Visitors.collectCustody(store, clerk, parcel, "王小丽", "签字", null);
    assertEquals("signature", Visitors.custodyItem(store, clerk, parcel).getCheckMethod());
    long entry = Visitors.addBlocklistEntry(store, manager,
        BlocklistEntry.builder().level("限制").reason("推销").phone("13700001111").build(), null);
    assertEquals("limited", Visitors.blocklistEntry(store, manager, entry).getLevel());
    fails(Frontdesk.EINVAL, "is not an answer", () -> Visitors.answer(store, clerk, r.id(), "帮忙", null));
  }

  @Test
  public void aCodeIsFoundHoweverItIsTyped_R_VIS_4() throws Exception {
    long card = Visitors.addItem(store, manager, CountedItem.builder().kind("visitor_card").code("v01").build());
    assertEquals(card, Visitors.itemByCode(store, clerk, "ｖ０１").getId());
    assertEquals("V01", Visitors.itemByCode(store, clerk, "V01").getCode());
    fails(Frontdesk.ENOTFOUND, "code: no item 'V02'", () -> Visitors.itemByCode(store, clerk, "v02"));
    fails(Frontdesk.ECONFLICT, "counted_item.code",
        () -> Visitors.addItem(store, manager, CountedItem.builder().kind("visitor_card").code("V01").build()));
  }

  @Test
  public void refusalsOfTheTrialNameTheFieldAndSayWhen_R_VIS_1_R_VIS_7_R_COM_2_R_COM_3() throws Exception {
    fails(Frontdesk.EINVAL, "choose the type id_card",
        () -> Visitors.parseIdNumber("other", "11010519491231002X", TODAY));
    fails(Frontdesk.EINVAL, "visit.visitor: is required", () -> Visitors.validate(walkIn("\u3000").build()));
    fails(Frontdesk.EINVAL, "a quantity is a whole number", () -> Visitors.parseGoodsItems("电脑1.5台"));
    assertEquals("电脑×2；椅子×3", Visitors.parseGoodsItems("电脑两台\n椅子三把"));
    fails(Frontdesk.EINVAL, "visit.planned_from: 2026-11-24 09:00 +08:00 is after the walk-in",
        () -> Visitors.register(store, clerk, walkIn("张伟").plannedFrom(T0.plus(Duration.ofDays(1))).build(), null));
    long parcel = Visitors.addCustodyItem(store, clerk,
        CustodyItem.builder().kind("parcel").description("顺丰快递").owner("王小丽").build());
    fails(Frontdesk.EINVAL, "at: 2026-11-23 08:00 +08:00 is before the parcel was deposited (09:00)",
        () -> Visitors.collectCustody(store, clerk.withAt(T0.minus(HOUR)), parcel, "王小丽", "signature", null));
    Visitors.addBlocklistEntry(store, manager, BlocklistEntry.builder().level("warning").reason("推销").name("张伟")
        .build(), null);
    Visitors.Registration held = Visitors.register(store, clerk, walkIn("张伟").build(), null);
    assertEquals("held", held.state());
    fails(Frontdesk.ESTATE, "decide first",
        () -> Visitors.checkOut(store, clerk.withAt(T0.plus(HOUR)), held.id(), null, null));
  }

  @Test
  public void numbersInFreeTextStayMaskedAndThePurgeMasksThem_R_COM_2_R_COM_3() throws Exception {
    assertEquals("护照E*****678，京A12345", Pii.maskText("护照E12345678，京A12345"));
    Visitors.Registration r = Visitors.register(store, clerk,
        walkIn("张伟").purpose("送证件11010519491231002X，电话13800138000").build(), null);
    Actor revealer = Actor.of(site, boss, T0.plus(HOUR)).withReveal("公安协查");
    assertEquals("送证件110105********002X，电话13800138000", Visitors.visit(store, revealer, r.id()).getPurpose());
    Visitors.checkOut(store, clerk.withAt(T0.plus(HOUR)), r.id(), null, "护照E12345678已归还");
    Visitors.purge(store, manager.withAt(T0.plus(Duration.ofDays(31))), false);
    assertEquals("送证件110105********002X，电话138****8000", Visitors.visit(store, revealer, r.id()).getPurpose());
    try (RecordIterator<VisitEvent> it = Visitors.events(store, revealer, new VisitEventFilter().visitId(r.id()))) {
      assertEquals("护照E*****678已归还", it.next().getNote());
    }
  }
}
