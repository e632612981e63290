package org.frontdesk;

import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_policy;
import org.frontdesk.swig.fd_bill_run;
import org.frontdesk.swig.fd_fee_line_input;
import org.frontdesk.swig.fd_late_fee_run;

/**
 * Fees, billing (issue 14 items 1, 2): fee items and versioned rates, custody (R-FEE-7), meter
 * readings, bills per unit and period in exact fen (R-FEE-2, R-FEE-8), one-off charges, discounts,
 * late fees, adjustments (R-FEE-9). Money is {@code long} fen, prices {@code long} 1/10000 yuan
 * ({@code priceE4}), quantities {@code long} hundredths ({@code qtyE2}); never a double. The rules
 * ({@link #lineAmount}, {@link #periodEnd}, {@link #lateFee} ...) are pure; the rest reads and
 * writes a {@link Store}. Codes are English words ("area"); {@link #codeLabel} gives 按面积,
 * {@link #codeParse} takes 按面積 and ＣＡＳＨ too.
 */
public final class Fees {
  private Fees() {}

  // -- codes ------------------------------------------------------------------------------

  /** The Chinese label of {@code code} in list {@code field} ("kind", "area" → "按面积"); null when unknown. */
  public static String codeLabel(String field, String code) throws FrontdeskException {
    return FrontdeskNative.fd_fee_code_label(field, code);
  }

  /** The code of {@code text} in list {@code field}: the code, its label, Traditional, full-width. */
  public static String codeParse(String field, String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_fee_code_parse(o, field, text));
  }

  /** The money rounding number (0 half_up … 5 ceiling) of a rounding code (R-FEE-8). */
  public static int roundingMode(String code) throws FrontdeskException {
    return Out.int32(o -> FrontdeskNative.fd_fee_rounding_mode(o, code));
  }

  /** The rounding code of mode {@code mode} (0..5), null for another number. */
  public static String roundingCode(int mode) {
    return FrontdeskNative.fd_fee_rounding_code(mode);
  }

  // -- pure rules -------------------------------------------------------------------------

  /** A line's amount in fen and what its one rounding dropped, in 1/10000 fen. */
  public static final class LineAmount {
    public final long amount;
    public final long residueE4;

    LineAmount(long amount, long residueE4) {
      this.amount = amount;
      this.residueE4 = residueE4;
    }
  }

  /**
   * What a bill line costs (R-FEE-8, R-FEE-2, R-FEE-7): qtyE2 × priceE4 / 10^4 fen, × (days − custodyDays +
   * custodyDays × custodyPct / 100) / monthDays when prorated, rounded once in {@code rounding} (a code or
   * label); {@code lineAmount(8888, 12345, 0, 0, 0, 0, "half_up")} is 10972 fen, residue 2360.
   */
  public static LineAmount lineAmount(long qtyE2, long priceE4, long days, long monthDays, long custodyPct,
      long custodyDays, String rounding) throws FrontdeskException {
    int mode = roundingMode(codeParse("rounding", rounding));
    fd_fee_line_input in = new fd_fee_line_input();
    FrontdeskNative.fd_fee_line_input_init(in, FrontdeskNative.FD_FEE_LINE_INPUT_VERSION);
    in.setQty_e2(qtyE2);
    in.setPrice_e4(priceE4);
    in.setDays(days);
    in.setMonth_days(monthDays);
    in.setCustody_pct(custodyPct);
    in.setCustody_days(custodyDays);
    in.setRounding(mode);
    long[] amount = new long[1];
    long[] residue = new long[1];
    FrontdeskNative.fd_fee_line_amount(amount, residue, in);
    return new LineAmount(amount[0], residue[0]);
  }

  /** The end of the half-open period [start, end) (R-FEE-2): month, quarter, year (art. 202) or once. */
  public static LocalDate periodEnd(LocalDate start, String period) throws FrontdeskException {
    String p = codeParse("period", period);
    return Out.date(o -> FrontdeskNative.fd_fee_period_end(o, start, p));
  }

  /** {days, monthDays}: the days of [monthStart, monthEnd) within [from, to) (to null: open). */
  public static long[] daysIn(LocalDate monthStart, LocalDate monthEnd, LocalDate from, LocalDate to)
      throws FrontdeskException {
    long[] days = new long[1];
    long[] monthDays = new long[1];
    FrontdeskNative.fd_fee_days_in(days, monthDays, monthStart, monthEnd, from, to == null ? monthEnd : to);
    return new long[] {days[0], monthDays[0]};
  }

  private interface WithPolicy<R> {
    R apply(SWIGTYPE_p_fd_policy p) throws FrontdeskException;
  }

  private static <R> R withPolicy(Policy policy, WithPolicy<R> f) throws FrontdeskException {
    return policy == null ? f.apply(null) : policy.call(f::apply);
  }

  /** The day a bill of [periodStart, periodEnd) is due: periodStart + fee.due_days − 1 (null policy: defaults). */
  public static LocalDate dueOn(LocalDate periodStart, LocalDate periodEnd, Policy policy) throws FrontdeskException {
    return withPolicy(policy, p -> Out.date(o -> FrontdeskNative.fd_fee_due_on(o, periodStart, periodEnd, p)));
  }

  /** The late fee in fen of {@code principal} due on {@code dueOn} as of {@code asOf} (R-FEE-2; never compounding). */
  public static long lateFee(long principal, LocalDate dueOn, LocalDate asOf, Policy policy) throws FrontdeskException {
    return withPolicy(policy, p -> Out.int64(o -> FrontdeskNative.fd_fee_late_fee(o, principal, dueOn, asOf, p)));
  }

  /** The late fee's terms as a notice shows them ("fee.late_fee.per_day_e4=5 from 2026-11-16, 14 days; ..."). */
  public static String lateFeeTerms(LocalDate dueOn, LocalDate asOf, Policy policy) throws FrontdeskException {
    return withPolicy(policy, p -> Out.string(o -> FrontdeskNative.fd_fee_late_fee_terms(o, dueOn, asOf, p)));
  }

  // -- the store's side -------------------------------------------------------------------

  /** Adds a fee item (R-FEE-8; needs the manage grant); its kind and rounding as codes or labels. Its id. */
  public static long addItem(Store store, Actor actor, FeeItem item) throws FrontdeskException {
    return item.withNative(n -> {
      n.setKind(n.getKind() == null ? null : codeParse("kind", n.getKind()));
      if (n.getRounding() != null && !n.getRounding().isEmpty()) {
        n.setRounding(codeParse("rounding", n.getRounding()));
      }
      return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_fee_item_add(o, store.handle(), a, n)));
    });
  }

  /** Retires a fee item (R-COM-3; needs the manage grant): no longer billed, kept on old bills. */
  public static void retireItem(Store store, Actor actor, long itemId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_fee_item_retire(store.handle(), a, itemId);
      return null;
    });
  }

  /** Adds a rate from its effective date (R-FEE-8; needs the manage grant). Its id. */
  public static long addRate(Store store, Actor actor, FeeRate rate) throws FrontdeskException {
    return rate.withNative(n -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_fee_rate_add(o, store.handle(), a, n))));
  }

  /** Puts a unit under custody from a date (R-FEE-7). Its id. */
  public static long addCustody(Store store, Actor actor, UnitCustody custody) throws FrontdeskException {
    return custody.withNative(n -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_unit_custody_add(o, store.handle(), a, n))));
  }

  /** Ends custody {@code custodyId} on {@code toDate}, the first day no longer under custody. */
  public static void endCustody(Store store, Actor actor, long custodyId, LocalDate toDate) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_unit_custody_end(store.handle(), a, custodyId, toDate);
      return null;
    });
  }

  /** Records a meter reading (R-FEE-8), never below the one before it. Its id. */
  public static long addReading(Store store, Actor actor, MeterReading reading) throws FrontdeskException {
    return reading.withNative(n -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_meter_reading_add(o, store.handle(), a, n))));
  }

  /** What a bill run did (R-FEE-2): every count exact. */
  public static final class BillRun {
    public final long units, bills, billsExtended, lines, linesExisting, noArea, noRate, noReading, amount;

    BillRun(fd_bill_run r) {
      units = r.getUnits();
      bills = r.getBills();
      billsExtended = r.getBills_extended();
      lines = r.getLines();
      linesExisting = r.getLines_existing();
      noArea = r.getNo_area();
      noRate = r.getNo_rate();
      noReading = r.getNo_reading();
      amount = r.getAmount();
    }
  }

  /** Bills [periodStart, end) for {@code unitIds} (empty: every unit); idempotent (R-FEE-2). */
  public static BillRun generateBills(Store store, Actor actor, LocalDate periodStart, String period, long... unitIds)
      throws FrontdeskException {
    String p = codeParse("period", period);
    fd_bill_run r = new fd_bill_run();
    r.setVersion(FrontdeskNative.FD_BILL_RUN_VERSION);
    store.as(actor, a -> {
      FrontdeskNative.fd_store_bill_generate(r, store.handle(), a, periodStart, p, unitIds);
      return null;
    });
    return new BillRun(r);
  }

  /** A one-off charge as a bill of period once (R-FEE-8): qtyE2 × priceE4 (0: the item's rate). The bill's id. */
  public static long charge(Store store, Actor actor, long unitId, long itemId, LocalDate on, long qtyE2, long priceE4)
      throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_bill_charge(o, store.handle(), a, unitId, itemId, on, qtyE2, priceE4)));
  }

  /** A discount of {@code amount} fen with a reason on a bill still owed (R-FEE-2; manage grant). The line's id. */
  public static long discount(Store store, Actor actor, long billId, long itemId, long amount, String reason)
      throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_bill_discount(o, store.handle(), a, billId, itemId, amount, reason)));
  }

  /** What a late fee assessment did: {bills, lines, amount}. */
  public static long[] assessLateFees(Store store, Actor actor, LocalDate asOf) throws FrontdeskException {
    fd_late_fee_run r = new fd_late_fee_run();
    r.setVersion(FrontdeskNative.FD_LATE_FEE_RUN_VERSION);
    store.as(actor, a -> {
      FrontdeskNative.fd_store_late_fee_assess(r, store.handle(), a, asOf);
      return null;
    });
    return new long[] {r.getBills(), r.getLines(), r.getAmount()};
  }

  /** A correction of a bill (R-FEE-9), signed fen, dated the first day not closed. Its id. */
  public static long addAdjustment(Store store, Actor actor, long billId, long amount, String reason)
      throws FrontdeskException {
    Adjustment adj = Adjustment.builder().billId(billId).amount(amount).reason(reason).build();
    return adj.withNative(n -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_adjustment_add(o, store.handle(), a, n))));
  }

  /** Fee items of the actor's site matching {@code filter} (null: all), streamed. */
  public static RecordIterator<FeeItem> items(Store store, Actor actor, FeeItemFilter filter) throws FrontdeskException {
    return store.as(actor, a -> FeeItemFilter.query(filter, store.handle(), a));
  }

  /** Bills of the actor's site matching {@code filter} (null: all), streamed. */
  public static RecordIterator<Bill> bills(Store store, Actor actor, BillFilter filter) throws FrontdeskException {
    return store.as(actor, a -> BillFilter.query(filter, store.handle(), a));
  }

  /** Bill lines of the actor's site matching {@code filter} (null: all), streamed. */
  public static RecordIterator<BillLine> lines(Store store, Actor actor, BillLineFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> BillLineFilter.query(filter, store.handle(), a));
  }

  /** One bill by id. */
  public static Bill bill(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Bill.get(store.handle(), a, id));
  }
}
