package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_bill_run;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The cash desk from Java (issue 14, items 3, 4, 6): R-FEE-1, R-FEE-3, R-FEE-4, R-FEE-5, R-FEE-9. */
public class CashDeskTest {
  /** 2026-11-23 09:00 in Shanghai, a Monday. */
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long clerk2;
  private long unit;
  private long series;
  private Actor manager;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = T0.minus(Duration.ofDays(30));
    site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    Actor system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    clerk2 = store.addStaff(system, "F002", "李前台", "clerk");
    long boss = store.addStaff(system, "M001", "赵主任", "manager");
    store.grant(system, "manager", Grant.MANAGE, true);
    long b = Property.addBuilding(store, system, Building.builder().code("3").name("3号楼").build());
    unit = Property.addUnit(store, system,
        Unit.builder().buildingId(b).number("1201").use("residential").areaM2X100(8888).build());
    Property.addOccupant(store, system, Occupant.builder().unitId(unit).name("𠮷田丽").role("owner")
        .moveIn(LocalDate.of(2020, 1, 1)).build());
    manager = Actor.of(site, boss, T0.minus(Duration.ofDays(10))).withGrants(Grant.MANAGE);
    series = CashDesk.openSeries(store, manager,
        ReceiptSeries.builder().code("E2026").kind("electronic").firstNo(1).build());
    // 1.2345 yuan per m² a month on 88.88 m²: 109.72 yuan a month, billed for three months
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
          FrontdeskNative.fd_store_bill_generate(run, store.handle(), a, start, "month", new long[] {unit});
          return null;
        });
        assertEquals(10972, run.getAmount());
      } finally {
        run.delete();
      }
    }
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  private Actor clerk(Instant at) {
    return Actor.of(site, clerkId, at);
  }

  @Test
  public void deskRulesNameTheField_R_FEE_3() throws Exception {
    assertEquals(7655, CashDesk.checkPayment(Payment.builder().unitId(1).method("cash").amount(12345)
        .tendered(20000).build()));
    assertEquals(0, CashDesk.checkPayment(Payment.builder().unitId(1).method("cash").amount(1).tendered(1).build()));
    fails(Frontdesk.ERANGE, "payment.amount", () -> CashDesk.checkPayment(Payment.builder().unitId(1)
        .method("wechat").reference("x").amount(CashDesk.PAYMENT_MAX + 1).build()));
    fails(Frontdesk.EINVAL, "payment.reference", () -> CashDesk.checkPayment(Payment.builder().unitId(1)
        .method("alipay").amount(100).build()));
    CashDesk.checkMethod("transfer");
    fails(Frontdesk.EINVAL, "method", () -> CashDesk.checkMethod("cheque"));
    assertEquals("10, 12-14, 16, 18-19", CashDesk.receiptGaps(new long[] {11, 15, 17}, 10, 20));
  }

  @Test
  public void lookUpPayThreePeriodsExactlyVoidAndReconcile_R_FEE_1_R_FEE_4() throws Exception {
    CashDesk.Lookup look = CashDesk.lookup(store, clerk(T0), unit, TODAY);
    assertEquals("3-1201", look.unitNumber);
    assertEquals("𠮷田丽", look.owner);
    assertEquals(3, look.bills.size());
    assertEquals(32916, look.outstanding);
    assertEquals(LocalDate.of(2026, 8, 1), look.bills.get(0).periodStart);
    Payment p = Payment.builder().unitId(unit).method("cash").amount(32916).tendered(40000).expectRev(look.rev)
        .payer("𠮷田丽").build();
    CashDesk.PaymentResult r = CashDesk.pay(store, clerk(T0), p, series);
    assertEquals(1, r.number);
    assertEquals(7084, r.change);
    assertEquals(0, r.toBalance);
    fails(Frontdesk.ECONFLICT, "look-up", () -> CashDesk.pay(store, clerk(T0), p, series));
    assertEquals(0, CashDesk.lookup(store, clerk(T0), unit, TODAY).bills.size());
    assertTrue(CashDesk.voidReceipt(store, clerk(T0), r.receiptId, "金额写错") > 0);
    assertEquals(3, CashDesk.lookup(store, clerk(T0), unit, TODAY).bills.size());
    CashDesk.Reconcile rc = CashDesk.reconcile(store, clerk(T0));
    assertTrue(rc.ok);
    assertEquals(0, rc.gaps);
    assertEquals(32916, rc.voided);
  }

  @Test
  public void refundsPreparedReceiptsAndTheDayClose_R_FEE_5_R_FEE_9() throws Exception {
    CashDesk.Lookup look = CashDesk.lookup(store, clerk(T0), unit, TODAY);
    long first = look.bills.get(0).billId;
    long last = look.bills.get(2).billId;
    Payment p = Payment.builder().unitId(unit).method("wechat").reference("4200001").amount(11972)
        .expectRev(look.rev).build();
    CashDesk.PaymentResult r = CashDesk.pay(store, clerk(T0), p, series, first);
    assertEquals(1000, r.toBalance);
    long ref = CashDesk.requestRefund(store, clerk(T0), Refund.builder().paymentId(r.paymentId).amount(1000)
        .method("wechat").reason("多收").build());
    fails(Frontdesk.EPERM, "", () -> CashDesk.decideRefund(store, clerk(T0), ref, true));
    CashDesk.decideRefund(store, manager.withAt(T0), ref, true);
    CashDesk.payRefund(store, clerk(T0), ref);
    long rid = CashDesk.prepareReceipt(store, clerk(T0), series, last, clerk2, "李前台");
    Actor evening = clerk(T0.plus(Duration.ofHours(9)));
    fails(Frontdesk.ESTATE, "E2026-2", () -> CashDesk.closeDay(store, evening, TODAY));
    CashDesk.returnReceipt(store, clerk(T0), rid);
    CashDesk.voidReceipt(store, clerk(T0), rid, "上门未收到");
    long rid2 = CashDesk.prepareReceipt(store, clerk(T0), series, last, clerk2, "李前台");
    CashDesk.PaymentResult got = CashDesk.collectReceipt(store, Actor.of(site, clerk2, T0.plus(Duration.ofHours(1))),
        rid2, Payment.builder().method("cash").amount(10972).tendered(11000).build());
    assertEquals(3, got.number);
    assertEquals(28, got.change);
    DayClose d = CashDesk.closeDay(store, evening, TODAY);
    assertEquals(2, d.getPayments());
    assertEquals(1000, d.getRefunded());
    assertEquals(3, d.getReceiptsIssued());
    try (Report rep = CashDesk.dayReport(store, evening, TODAY, "en")) {
      assertTrue(rep.text().contains("E2026-3"));
      assertEquals("fees.summary", rep.sections().get(0).getKey());
    }
    fails(Frontdesk.ESTATE, "closed", () -> CashDesk.pay(store, evening, Payment.builder().unitId(unit)
        .method("cash").amount(1).tendered(1).expectRev(99).build(), series));
    assertTrue(CashDesk.reconcile(store, evening).ok);
    long book = CashDesk.openSeries(store, manager, ReceiptSeries.builder().code("B1").kind("book").firstNo(1)
        .lastNo(50).build());
    CashDesk.closeSeries(store, manager, book);
    fails(Frontdesk.ESTATE, "closed already", () -> CashDesk.closeSeries(store, manager, book));
  }
}
