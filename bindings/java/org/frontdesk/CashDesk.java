package org.frontdesk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_fee_lookup;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;
import org.frontdesk.swig.fd_day_close;
import org.frontdesk.swig.fd_fee_lookup_bill;
import org.frontdesk.swig.fd_fee_lookup_info;
import org.frontdesk.swig.fd_fees_reconcile;
import org.frontdesk.swig.fd_payment_result;

/**
 * Fees, the cash desk (issue 14): the look-up before collecting (R-FEE-1), payments whose receipt is
 * numbered without gaps in the same transaction (R-FEE-3, R-FEE-4), voids and refunds as records
 * (R-FEE-4), receipts prepared for the door (R-FEE-5), the day close and its report (R-FEE-9), and
 * the reconciliation of the site's money. Money is long fen (12345 is ¥123.45). Another clerk's
 * payment since the look-up throws FD_ECONFLICT: look the unit up again.
 */
public final class CashDesk {
  private CashDesk() {}

  /** The largest amount the desk takes, in fen (¥99,999,999.99). */
  public static final long PAYMENT_MAX = 9_999_999_999L;

  /** One open bill of a look-up (R-FEE-1); amounts in fen. */
  public static final class LookupBill {
    public final long billId;
    public final LocalDate periodStart;
    public final LocalDate periodEnd;
    public final LocalDate dueOn;
    public final long amount;
    public final long adjusted;
    public final long paid;
    public final long outstanding;
    public final boolean overdue;

    LookupBill(fd_fee_lookup_bill b) {
      billId = b.getBill_id();
      periodStart = Convert.date(b.getPeriod_start());
      periodEnd = Convert.date(b.getPeriod_end());
      dueOn = Convert.date(b.getDue_on());
      amount = b.getAmount();
      adjusted = b.getAdjusted();
      paid = b.getPaid();
      outstanding = b.getOutstanding();
      overdue = b.getOverdue() != 0;
    }
  }

  /** What the clerk confirms with the customer before collecting (R-FEE-1). */
  public static final class Lookup {
    public final long unitId;
    public final String unitNumber;
    /** The owner on the day, masked under pii.mask_names unless the actor reveals it. */
    public final String owner;
    /** Give it as the payment's expectRev. */
    public final long rev;
    public final long balance;
    public final long paid;
    public final long outstanding;
    public final List<LookupBill> bills;

    Lookup(fd_fee_lookup_info i, List<LookupBill> bills) {
      unitId = i.getUnit_id();
      unitNumber = i.getUnit_number();
      owner = i.getOwner();
      rev = i.getRev();
      balance = i.getBalance();
      paid = i.getPaid();
      outstanding = i.getOutstanding();
      this.bills = Collections.unmodifiableList(bills);
    }
  }

  /** What a payment did; amounts in fen. */
  public static final class PaymentResult {
    public final long paymentId;
    public final long receiptId;
    public final long number;
    public final long change;
    public final long allocated;
    public final long toBalance;
    public final long rev;

    PaymentResult(fd_payment_result r) {
      paymentId = r.getPayment_id();
      receiptId = r.getReceipt_id();
      number = r.getNumber();
      change = r.getChange();
      allocated = r.getAllocated();
      toBalance = r.getTo_balance();
      rev = r.getRev();
    }
  }

  /** The identities of the site's money (R-FEE-9), in fen; {@code ok} when all hold. */
  public static final class Reconcile {
    public final long billed;
    public final long adjusted;
    public final long paid;
    public final long outstanding;
    public final long payments;
    public final long voided;
    public final long refunded;
    public final long allocated;
    public final long balances;
    public final long receiptsIssued;
    public final long receiptsVoided;
    public final long gaps;
    public final long mismatches;
    public final boolean ok;

    Reconcile(fd_fees_reconcile r) {
      billed = r.getBilled();
      adjusted = r.getAdjusted();
      paid = r.getPaid();
      outstanding = r.getOutstanding();
      payments = r.getPayments();
      voided = r.getVoided();
      refunded = r.getRefunded();
      allocated = r.getAllocated();
      balances = r.getBalances();
      receiptsIssued = r.getReceipts_issued();
      receiptsVoided = r.getReceipts_voided();
      gaps = r.getGaps();
      mismatches = r.getMismatches();
      ok = r.getOk() != 0;
    }
  }

  // -- pure rules ------------------------------------------------------------------------------

  /** R-FEE-3: checks a payment as the desk takes it; returns the change (cash: tendered - amount). */
  public static long checkPayment(Payment payment) throws FrontdeskException {
    return payment.withNative(p -> Out.int64(o -> FrontdeskNative.fd_fee_payment_desk_check(o, p)));
  }

  /** Throws FD_EINVAL unless {@code method} is cash, card, transfer, wechat, alipay or balance. */
  public static void checkMethod(String method) throws FrontdeskException {
    FrontdeskNative.fd_fee_method_check(method);
  }

  /** R-FEE-4: the numbers of [firstNo, nextNo) missing from {@code numbers} (ascending): "12-14, 20". */
  public static String receiptGaps(long[] numbers, long firstNo, long nextNo) throws FrontdeskException {
    long[] missing = new long[1];
    return Out.string(o -> FrontdeskNative.fd_fee_receipt_gaps(o, missing, numbers, firstNo, nextNo));
  }

  // -- the store -----------------------------------------------------------------------------------

  /** R-FEE-1: the unit's number, owner on {@code asOf}, revision, balance and open bills. */
  public static Lookup lookup(Store store, Actor actor, long unitId, LocalDate asOf) throws FrontdeskException {
    SWIGTYPE_p_fd_fee_lookup[] out = new SWIGTYPE_p_fd_fee_lookup[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_store_fee_lookup(out, store.handle(), a, unitId, asOf);
      return null;
    });
    try {
      fd_fee_lookup_info i = new fd_fee_lookup_info();
      try {
        FrontdeskNative.fd_fee_lookup_info_get(i, out[0]);
        List<LookupBill> bills = new ArrayList<>();
        for (long k = 0; k < i.getBills(); k++) {
          fd_fee_lookup_bill b = new fd_fee_lookup_bill();
          try {
            FrontdeskNative.fd_fee_lookup_bill_at(b, out[0], k);
            bills.add(new LookupBill(b));
          } finally {
            b.delete();
          }
        }
        return new Lookup(i, bills);
      } finally {
        i.delete();
      }
    } finally {
      FrontdeskNative.fd_fee_lookup_free(out[0]);
    }
  }

  /** R-FEE-4: opens a receipt series (a book with its range, or electronic); returns its id. */
  public static long openSeries(Store store, Actor actor, ReceiptSeries series) throws FrontdeskException {
    return series.withNative(s -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_receipt_series_add(o, store.handle(), a, s))));
  }

  /** R-FEE-4: no number is issued from the series again. */
  public static void closeSeries(Store store, Actor actor, long seriesId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_receipt_series_close(store.handle(), a, seriesId);
      return null;
    });
  }

  /**
   * R-FEE-1, R-FEE-3, R-FEE-4: takes a payment and issues its receipt in one transaction, allocated
   * oldest due first (or to {@code billIds} in order; empty: oldest first), the rest to the balance.
   */
  public static PaymentResult pay(Store store, Actor actor, Payment payment, long seriesId, long... billIds)
      throws FrontdeskException {
    fd_payment_result r = new fd_payment_result();
    try {
      payment.withNative(p -> store.as(actor, a -> {
        FrontdeskNative.fd_store_payment_add(r, store.handle(), a, p, seriesId, billIds);
        return null;
      }));
      return new PaymentResult(r);
    } finally {
      r.delete();
    }
  }

  /** R-FEE-4: voids a spoiled receipt (the number stays used, the bills reopen); returns the void's id. */
  public static long voidReceipt(Store store, Actor actor, long receiptId, String reason) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_receipt_void(o, store.handle(), a, receiptId, reason)));
  }

  /** R-FEE-4: requests a refund of at most what the payment still holds; returns its id. */
  public static long requestRefund(Store store, Actor actor, Refund refund) throws FrontdeskException {
    return refund.withNative(r -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_refund_request(o, store.handle(), a, r))));
  }

  /** R-FEE-4: approves or refuses a requested refund (the manage grant, not the requester). */
  public static void decideRefund(Store store, Actor actor, long refundId, boolean approve)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_refund_decide(store.handle(), a, refundId, approve ? 1 : 0);
      return null;
    });
  }

  /** R-FEE-4: pays an approved refund out, dated today. */
  public static void payRefund(Store store, Actor actor, long refundId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_refund_pay(store.handle(), a, refundId);
      return null;
    });
  }

  /** R-FEE-5: a receipt prepared for the door (number taken now), handed over against a signature. */
  public static long prepareReceipt(Store store, Actor actor, long seriesId, long billId, long collectorId,
      String signature) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_receipt_prepare(o, store.handle(), a,
        seriesId, billId, collectorId, signature)));
  }

  /** R-FEE-5: the payment collected against a prepared receipt (no new number). */
  public static PaymentResult collectReceipt(Store store, Actor actor, long receiptId, Payment payment)
      throws FrontdeskException {
    fd_payment_result r = new fd_payment_result();
    try {
      payment.withNative(p -> store.as(actor, a -> {
        FrontdeskNative.fd_store_receipt_collect(r, store.handle(), a, receiptId, p);
        return null;
      }));
      return new PaymentResult(r);
    } finally {
      r.delete();
    }
  }

  /** R-FEE-5: a prepared receipt comes back unused. */
  public static void returnReceipt(Store store, Actor actor, long receiptId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_receipt_return(store.handle(), a, receiptId);
      return null;
    });
  }

  /** R-FEE-9: closes the cashier day once; the day is frozen. */
  public static DayClose closeDay(Store store, Actor actor, LocalDate day) throws FrontdeskException {
    fd_day_close n = new fd_day_close();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_day_close(n, store.handle(), a, day);
        return null;
      });
      return DayClose.fromNative(n);
    } finally {
      n.delete();
    }
  }

  /** R-FEE-9: the site's money identities recomputed from the rows. */
  public static Reconcile reconcile(Store store, Actor actor) throws FrontdeskException {
    fd_fees_reconcile r = new fd_fees_reconcile();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_fees_reconcile(r, store.handle(), a);
        return null;
      });
      return new Reconcile(r);
    } finally {
      r.delete();
    }
  }

  /** R-FEE-9: the day's collection report ("zh" or "en"): summary, by staff/method/item, series, ledger. */
  public static Report dayReport(Store store, Actor actor, LocalDate day, String language)
      throws FrontdeskException {
    SWIGTYPE_p_fd_report[] out = new SWIGTYPE_p_fd_report[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_report_fees_day_new(out, store.handle(), a, day, language);
      return null;
    });
    return new Report(out[0]);
  }
}
