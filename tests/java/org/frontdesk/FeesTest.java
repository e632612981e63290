package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Fees, billing, from Java (issue 14 items 1, 2, 8): R-FEE-2, R-FEE-7, R-FEE-8, R-FEE-9. */
public class FeesTest {
  /** 2026-11-22 14:20 in Shanghai. */
  private static final Instant NOW = Instant.parse("2026-11-22T06:20:00Z");
  private static final LocalDate NOV = LocalDate.of(2026, 11, 1);
  private File dir;
  private Store store;
  private Actor clerk;
  private Actor manager;
  private long u1;
  private long u2;
  private long mgmt;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = NOW.minus(Duration.ofDays(60));
    long site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    Actor system = Actor.system(site, before);
    long clerkId = store.addStaff(system, "F001", "王小丽", "clerk");
    long boss = store.addStaff(system, "M001", "赵经理", "manager");
    store.grant(system, "manager", Grant.MANAGE, true);
    long b = Property.addBuilding(store, system, Building.builder().code("3").name("3号楼").build());
    u1 = Property.addUnit(store, system, Unit.builder().buildingId(b).number("1201").use("residential").areaM2X100(8888).build());
    u2 = Property.addUnit(store, system, Unit.builder().buildingId(b).number("1202").use("residential").areaM2X100(10000).build());
    clerk = Actor.of(site, clerkId, NOW);
    manager = Actor.of(site, boss, NOW).withGrants(Grant.MANAGE);
    mgmt = Fees.addItem(store, manager, FeeItem.builder().code("mgmt").name("物业管理费𠮷").kind("按面積").custody(true).build());
    Fees.addRate(store, manager, FeeRate.builder().itemId(mgmt).effectiveFrom(LocalDate.of(2026, 1, 1)).priceE4(12345).build());
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  @Test
  public void R_FEE_8_codes() throws Exception {
    assertEquals("按面积", Fees.codeLabel("kind", "area"));
    assertNull(Fees.codeLabel("kind", "nothing"));
    assertEquals("transfer", Fees.codeParse("method", "銀行轉賬"));
    assertEquals("cash", Fees.codeParse("method", "ＣＡＳＨ"));
    assertEquals(5, Fees.roundingMode("ceiling"));
    assertEquals("down", Fees.roundingCode(2));
    fails(Frontdesk.EINVAL, "text", () -> Fees.codeParse("kind", "停水"));
  }

  @Test
  public void R_FEE_8_rate_1_2345_on_88_88_m2_and_the_edges() throws Exception {
    Fees.LineAmount a = Fees.lineAmount(8888, 12345, 0, 0, 0, 0, "四舍五入");
    assertEquals(10972, a.amount);
    assertEquals(2360, a.residueE4);
    assertEquals(1, Fees.lineAmount(100, 100, 0, 0, 0, 0, "half_up").amount);
    assertEquals(9999999999L, Fees.lineAmount(100, 999999999900L, 0, 0, 0, 0, "half_up").amount);
    fails(Frontdesk.ERANGE, "qty_e2", () -> Fees.lineAmount(Long.MAX_VALUE / 1000, 10000, 0, 0, 0, 0, "half_up"));
  }

  @Test
  public void R_FEE_7_custody_from_the_15th() throws Exception {
    Fees.LineAmount a = Fees.lineAmount(10000, 25000, 0, 30, 70, 16, "half_up");
    assertEquals(21000, a.amount);
    long[] d = Fees.daysIn(NOV, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 15), null);
    assertEquals(16, d[0]);
    assertEquals(30, d[1]);
  }

  @Test
  public void R_FEE_2_periods_due_late_fees() throws Exception {
    assertEquals(LocalDate.of(2026, 3, 1), Fees.periodEnd(LocalDate.of(2026, 1, 31), "month"));
    assertEquals(LocalDate.of(2027, 2, 1), Fees.periodEnd(NOV, "季度"));
    assertEquals(LocalDate.of(2026, 11, 15), Fees.dueOn(NOV, LocalDate.of(2026, 12, 1), null));
    assertEquals(0, Fees.lateFee(100000, LocalDate.of(2026, 11, 15), LocalDate.of(2027, 1, 1), null));
    try (Policy p = Policy.defaults()) {
      p.set("fee.late_fee.per_day_e4", 5);
      assertEquals(700, Fees.lateFee(100000, LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 29), p));
      assertEquals("fee.late_fee.per_day_e4=5 from 2026-11-16, 14 days; cap 100 %",
          Fees.lateFeeTerms(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 29), p));
    }
  }

  @Test
  public void R_FEE_2_bill_run_is_idempotent_and_custody_is_one_line() throws Exception {
    long custody = Fees.addCustody(store, clerk, UnitCustody.builder().unitId(u2).fromDate(LocalDate.of(2026, 11, 15)).build());
    Fees.BillRun r = Fees.generateBills(store, clerk, NOV, "month");
    assertEquals(2, r.bills);
    assertEquals(2, r.lines);
    assertEquals(10972 + 10370, r.amount);
    Fees.BillRun again = Fees.generateBills(store, clerk, NOV, "month", u1, u2);
    assertEquals(0, again.lines);
    assertEquals(2, again.linesExisting);
    List<Long> amounts = new ArrayList<>();
    try (RecordIterator<BillLine> it = Fees.lines(store, clerk, new BillLineFilter().unitId(u2))) {
      for (BillLine l : it) {
        amounts.add(l.getAmount());
        assertEquals(16, l.getCustodyDays());
        assertTrue(l.getPolicy().contains("16 of 30 days under custody"));
      }
    }
    assertEquals(List.of(10370L), amounts);
    assertEquals("open", Fees.bill(store, clerk, 1).getState());
    Fees.endCustody(store, clerk, custody, LocalDate.of(2027, 1, 11));
    fails(Frontdesk.ENOTFOUND, "unit_ids[0]", () -> Fees.generateBills(store, clerk, NOV, "month", 999));
  }

  @Test
  public void R_FEE_8_readings_charges_discounts_late_fees_adjustments() throws Exception {
    long water = Fees.addItem(store, manager, FeeItem.builder().code("water").name("水费").kind("metered").rounding("去尾").build());
    Fees.addRate(store, manager, FeeRate.builder().itemId(water).effectiveFrom(LocalDate.of(2026, 1, 1)).priceE4(35000).build());
    Fees.addReading(store, clerk, MeterReading.builder().unitId(u1).itemId(water).readOn(LocalDate.of(2026, 10, 31)).readingE2(12000).build());
    Fees.addReading(store, clerk, MeterReading.builder().unitId(u1).itemId(water).readOn(LocalDate.of(2026, 11, 30)).readingE2(13550).build());
    fails(Frontdesk.ERANGE, "below", () -> Fees.addReading(store, clerk,
        MeterReading.builder().unitId(u1).itemId(water).readOn(LocalDate.of(2026, 12, 31)).readingE2(1).build()));
    Fees.generateBills(store, clerk, NOV, "month", u1);
    assertEquals(10972 + 5425, Fees.bill(store, clerk, 1).getAmount());
    long waste = Fees.addItem(store, manager, FeeItem.builder().code("waste").name("装修垃圾清运费").kind("waste").build());
    long once = Fees.charge(store, clerk, u1, waste, LocalDate.of(2026, 11, 20), 100, 2000000);
    assertEquals("once", Fees.bill(store, clerk, once).getPeriod());
    Fees.discount(store, manager, 1, mgmt, 397, "老人减免");
    fails(Frontdesk.EPERM, "", () -> Fees.discount(store, clerk, 1, mgmt, 1, "店员"));
    store.setPolicy(manager, "fee.late_fee.per_day_e4", 5);
    long[] late = Fees.assessLateFees(store, clerk, LocalDate.of(2026, 11, 25));
    assertEquals(2, late[1]);
    assertEquals(0, Fees.assessLateFees(store, clerk, LocalDate.of(2026, 11, 25))[1]);
    fails(Frontdesk.EPERM, "manage", () -> Fees.addAdjustment(store, clerk, 1, -1000, "面积登记错误"));
    Fees.addAdjustment(store, manager, 1, -1000, "面积登记错误");
    assertEquals(-1000, Fees.bill(store, clerk, 1).getAdjusted());
    Fees.retireItem(store, manager, waste);
    int n = 0;
    try (RecordIterator<FeeItem> it = Fees.items(store, clerk, new FeeItemFilter().retired(false))) {
      for (FeeItem i : it) n++;
    }
    assertEquals(2, n);
    int bills = 0;
    try (RecordIterator<Bill> it = Fees.bills(store, clerk, null)) {
      for (Bill b : it) bills++;
    }
    assertEquals(2, bills);
  }
}
