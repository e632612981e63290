package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_bill_run;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Arrears, dunning and notices from Java (issue 14, item 5): R-FEE-2, R-FEE-6, R-COM-2. */
public class ArrearsTest {
  /** 2026-11-23 09:00 in Shanghai, a Monday. */
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long bossId;
  private long unit;
  private long empty;
  private Actor system;
  private Actor manager;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = T0.minus(Duration.ofDays(200));
    site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    bossId = store.addStaff(system, "M001", "赵主任", "manager");
    store.grant(system, "manager", Grant.MANAGE, true);
    store.grant(system, "manager", Grant.REVEAL, true);
    long b = Property.addBuilding(store, system, Building.builder().code("3").name("3号楼").build());
    unit = Property.addUnit(store, system,
        Unit.builder().buildingId(b).number("1201").use("residential").areaM2X100(8888).build());
    empty = Property.addUnit(store, system,
        Unit.builder().buildingId(b).number("1202").use("residential").areaM2X100(8888).build());
    Property.addOccupant(store, system, Occupant.builder().unitId(unit).name("𠮷田丽").role("owner")
        .moveIn(LocalDate.of(2020, 1, 1)).build());
    manager = Actor.of(site, bossId, before).withGrants(Grant.MANAGE);
    // 1.2345 yuan per m² a month on 88.88 m²: 109.72 yuan a month, billed by billing for three months
    long[] item = new long[1];
    FeeItem.builder().code("pm").name("物业服务费").kind("area").build().withNative(n -> store.as(manager, a -> {
      FrontdeskNative.fd_store_fee_item_add(item, store.handle(), a, n);
      return null;
    }));
    long[] rateId = new long[1];
    FeeRate.builder().itemId(item[0]).effectiveFrom(LocalDate.of(2026, 8, 1)).priceE4(12345).build()
        .withNative(n -> store.as(manager, a -> {
          FrontdeskNative.fd_store_fee_rate_add(rateId, store.handle(), a, n);
          return null;
        }));
    for (int m = 8; m <= 10; m++) {
      LocalDate start = LocalDate.of(2026, m, 1);
      fd_bill_run run = new fd_bill_run();
      run.setVersion(FrontdeskNative.FD_BILL_RUN_VERSION);
      try {
        store.as(manager, a -> {
          FrontdeskNative.fd_store_bill_generate(run, store.handle(), a, start, "month", new long[] {unit, empty});
          return null;
        });
        assertEquals(2 * 10972, run.getAmount());
      } finally {
        run.delete();
      }
    }
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  private Actor clerk() {
    return Actor.of(site, clerkId, T0);
  }

  @Test
  public void limitationAndBuckets_R_FEE_6() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin()) {
      assertEquals(LocalDate.of(2026, 3, 31), Arrears.limitationEnd(LocalDate.of(2023, 3, 31), null, cal));
      // 2027-02-28 is a Sunday: the month's last day (art. 202), moved past the rest (art. 203)
      assertEquals(LocalDate.of(2027, 3, 1), Arrears.limitationEnd(LocalDate.of(2024, 2, 29), null, cal));
      assertEquals(LocalDate.of(2027, 6, 14),
          Arrears.limitationEnd(LocalDate.of(2023, 1, 31), LocalDate.of(2024, 6, 12), cal));
    }
    assertEquals(Arrays.asList("d0_30", "d31_90", "d91_180", "d181_365", "over_365"), Arrears.BUCKETS);
    assertEquals("", Arrears.ageBucket(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15)));
    assertEquals("d0_30", Arrears.ageBucket(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 14)));
    assertEquals("d31_90", Arrears.ageBucket(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 15)));
    assertEquals("", Arrears.bucketOfDays(0));
    assertEquals("d181_365", Arrears.bucketOfDays(365));
    assertEquals("over_365", Arrears.bucketOfDays(366));
  }

  @Test
  public void dunningStateMachineAndArt944_R_FEE_6() throws Exception {
    Arrears.Plan p = Arrears.next(null, LocalDate.of(2026, 1, 16), false, null);
    assertEquals("reminder", p.step);
    assertEquals(LocalDate.of(2026, 1, 16), p.dueOn);
    p = Arrears.next("reminder", LocalDate.of(2025, 11, 30), false, null);
    assertEquals("letter", p.step);
    assertEquals(LocalDate.of(2026, 2, 28), p.dueOn); // art. 202: no 30 February
    assertEquals("visit", Arrears.next("letter", LocalDate.of(2026, 1, 10), true, null).step);
    assertEquals(LocalDate.of(2026, 7, 10), Arrears.next("letter", LocalDate.of(2026, 1, 10), false, null).dueOn);
    p = Arrears.next("legal", LocalDate.of(2026, 1, 10), true, null);
    assertEquals("", p.step);
    assertNull(p.dueOn);
    try (Policy policy = Policy.defaults()) {
      policy.set("fee.dunning.letter_after_months", 1);
      assertEquals(LocalDate.of(2026, 2, 28), Arrears.next("reminder", LocalDate.of(2026, 1, 31), false, policy).dueOn);
    }
    fails(Frontdesk.EINVAL, "last_step", () -> Arrears.next("sue", LocalDate.of(2026, 1, 10), false, null));
    Arrears.check("reminder", "sms", null);
    Arrears.check("legal", "court", "letter");
    fails(Frontdesk.ESTATE, "reminder", () -> Arrears.check("letter", "express", null));
    fails(Frontdesk.EINVAL, "944", () -> Arrears.check("停暖", "visit", null));
    fails(Frontdesk.EINVAL, "944", () -> Arrears.check("reminder", "停氣", null)); // Traditional
  }

  @Test
  public void noticesRenderFiguresAndCapitals_R_FEE_2() throws Exception {
    Arrears.Notice n = new Arrears.Notice();
    n.payer = "𠮷田长沙";
    n.unit = "3栋2单元501";
    n.amount = 9_999_999_999L;
    n.deadline = LocalDate.of(2026, 3, 31);
    n.lateRateE4 = 5;
    assertEquals("𠮷田长沙 3栋2单元501: ¥99,999,999.99 (玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分) by 2026年3月31日, "
        + "0.05%/day {x}",
        Arrears.render("{payer} {unit}: {amount} ({amount_upper}) by {deadline}, {late_rate}/day {{x}}", n));
    Arrears.Notice cent = new Arrears.Notice();
    cent.amount = 1;
    assertEquals("¥0.01=壹分||", Arrears.render("{amount}={amount_upper}|{deadline}|", cent));
    fails(Frontdesk.EINVAL, "{amont}", () -> Arrears.render("欠费 {amont} 元", cent));
    cent.lateRateE4 = 10001;
    fails(Frontdesk.ERANGE, "late_rate_e4", () -> Arrears.render("x", cent));
    Arrears.checkTemplate("{{phone}}");
    fails(Frontdesk.EINVAL, "{phone}", () -> Arrears.checkTemplate("{phone}"));
    assertTrue(Arrears.defaultTemplate("dunning").contains("催款通知书"));
    assertTrue(Arrears.defaultTemplate("payment").contains("缴款通知书"));
    assertNull(Arrears.defaultTemplate("receipt"));
  }

  @Test
  public void arrearsOfBilledUnitsAndAReminder_R_FEE_6() throws Exception {
    Arrears.Report a = Arrears.arrears(store, clerk(), TODAY);
    assertEquals(2, a.rows.size());
    Arrears.Row r = a.rows.get(0);
    assertEquals(unit, r.unitId);
    assertEquals("3-1201", r.unit);
    assertEquals(3, r.bills);
    assertEquals(3 * 10972, r.outstanding);
    assertEquals(r.outstanding, r.d0To30 + r.d31To90 + r.d91To180 + r.d181To365 + r.over365);
    assertEquals(1, r.occupied);
    assertEquals(0, a.rows.get(1).occupied);
    assertEquals("reminder", r.nextStep);
    assertEquals(r.oldestDue.plusDays(1), r.nextStepOn);
    assertEquals(r.oldestDue.plusYears(3).getYear(), r.limitationOn.getYear());
    assertEquals(2, a.total.unitId);
    assertEquals(6 * 10972, a.total.outstanding);
    assertEquals(1, a.total.occupied);
    assertEquals(2, Arrears.due(store, clerk(), TODAY).rows.size());
    fails(Frontdesk.ESTATE, "reminder", () -> Arrears.addStep(store, clerk(), DunningStep.builder().unitId(unit)
        .step("letter").channel("express").happenedOn(TODAY).build()));
    fails(Frontdesk.EINVAL, "944", () -> Arrears.addStep(store, clerk(), DunningStep.builder().unitId(unit)
        .step("reminder").channel("停水").happenedOn(TODAY).build()));
    long id = Arrears.addStep(store, clerk(), DunningStep.builder().unitId(unit).step("reminder").channel("phone")
        .happenedOn(TODAY).result("承诺月底前缴纳").build());
    DunningStep s = Arrears.step(store, clerk(), id);
    assertEquals(3 * 10972, s.getOwed());
    try (RecordIterator<DunningStep> it = Arrears.steps(store, clerk(), new DunningStepFilter().unitId(unit))) {
      assertEquals(id, it.next().getId());
      assertFalse(it.hasNext());
    }
    r = Arrears.arrears(store, clerk(), TODAY).rows.get(0);
    assertEquals("reminder", r.lastStep);
    assertEquals(TODAY, r.lastDemandOn);
    assertEquals(LocalDate.of(2029, 11, 23), r.limitationOn); // art. 195: anew from the demand
    assertEquals("letter", r.nextStep);
    assertEquals(LocalDate.of(2027, 2, 23), r.nextStepOn);
    Arrears.Report due = Arrears.due(store, clerk(), TODAY);
    assertEquals(1, due.rows.size());
    assertEquals(empty, due.rows.get(0).unitId);
  }

  @Test
  public void noticesFromTheSiteTemplateMasked_R_FEE_2_R_COM_2() throws Exception {
    String text = Arrears.notice(store, clerk(), "dunning", unit, TODAY);
    assertTrue(text, text.contains("催款通知书") && text.contains("¥329.16") && text.contains("𠮷田丽"));
    fails(Frontdesk.EPERM, "manage", () -> Arrears.setTemplate(store, clerk(), "dunning", "{unit}"));
    long tid = Arrears.setTemplate(store, manager.withAt(T0), "dunning", "[{payer}] {unit} 欠 {amount}");
    try (RecordIterator<NoticeTemplate> it = Arrears.templates(store, clerk(), null)) {
      assertEquals(tid, it.next().getId());
    }
    assertEquals("[𠮷田丽] 3-1201 欠 ¥329.16", Arrears.notice(store, clerk(), "dunning", unit, TODAY));
    store.setPolicy(system.withAt(T0), "pii.mask_names", 1);
    assertEquals("[𠮷**] 3-1201 欠 ¥329.16", Arrears.notice(store, clerk(), "dunning", unit, TODAY));
    Actor reveal = Actor.of(site, bossId, T0).withReveal("寄送催款函");
    assertEquals("[𠮷田丽] 3-1201 欠 ¥329.16", Arrears.notice(store, reveal, "dunning", unit, TODAY));
    fails(Frontdesk.EINVAL, "kind", () -> Arrears.notice(store, clerk(), "receipt", unit, TODAY));
    fails(Frontdesk.ENOTFOUND, "unit_id", () -> Arrears.notice(store, clerk(), "dunning", 999, TODAY));
  }
}
