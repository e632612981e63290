package org.frontdesk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_arrears;
import org.frontdesk.swig.fd_actor;
import org.frontdesk.swig.fd_arrears_row;
import org.frontdesk.swig.fd_dunning_plan;
import org.frontdesk.swig.fd_fee_notice;

/**
 * Fees, arrears and dunning (issue 14, item 5): arrears by unit in age buckets as of a day, the
 * dunning state machine (reminder, letter, visit, legal; R-FEE-6 — cutting off water, electricity,
 * heating or gas is refused, Civil Code art. 944), the three-year limitation clock restarted by every
 * demand (art. 188, 195, 201-203), and payment and dunning notices from the site's templates
 * (R-FEE-2). Money is long fen (12345 is ¥123.45).
 */
public final class Arrears {
  private Arrears() {}

  /** The age buckets, youngest first (days past due: 1-30, 31-90, 91-180, 181-365, more). */
  public static final List<String> BUCKETS;

  static {
    List<String> b = new ArrayList<>();
    for (int i = 0; i < FrontdeskNative.FD_FEE_BUCKET_COUNT; i++) {
      b.add(FrontdeskNative.fd_fee_bucket_code(i));
    }
    BUCKETS = Collections.unmodifiableList(b);
  }

  /** The next dunning step and the first day it is due ({@code step} "" and {@code dueOn} null after legal). */
  public static final class Plan {
    public final String step;
    public final LocalDate dueOn;

    Plan(fd_dunning_plan p) {
      step = p.getStep();
      dueOn = Convert.date(p.getDue_on());
    }

    @Override
    public String toString() {
      return step + " " + dueOn;
    }
  }

  /**
   * One unit's arrears as of a day (R-FEE-6), or the totals ({@code unitId} the number of units,
   * {@code limitationWarn} and {@code occupied} counts). Money in fen.
   */
  public static final class Row {
    public final long unitId;
    public final String unit;
    public final long bills;
    public final long outstanding;
    public final long d0To30;
    public final long d31To90;
    public final long d91To180;
    public final long d181To365;
    public final long over365;
    public final LocalDate oldestDue;
    /** The last demand on its bills (Civil Code art. 195); null = none. */
    public final LocalDate lastDemandOn;
    /** The unit's last dunning step since its oldest debt fell due; "" = none. */
    public final String lastStep;
    /** reminder, letter, visit, legal; "" = none after legal. */
    public final String nextStep;
    public final LocalDate nextStepOn;
    public final LocalDate limitationOn;
    /** 1 (in the totals: how many units) when the limitation ends within fee.limitation_warn_days. */
    public final int limitationWarn;
    /** 1 (in the totals: how many units) when an occupant lives there on the day. */
    public final int occupied;

    Row(fd_arrears_row r) {
      unitId = r.getUnit_id();
      unit = r.getUnit();
      bills = r.getBills();
      outstanding = r.getOutstanding();
      d0To30 = r.getD0_30();
      d31To90 = r.getD31_90();
      d91To180 = r.getD91_180();
      d181To365 = r.getD181_365();
      over365 = r.getOver_365();
      oldestDue = Convert.date(r.getOldest_due());
      lastDemandOn = Convert.date(r.getLast_demand_on());
      lastStep = r.getLast_step();
      nextStep = r.getNext_step();
      nextStepOn = Convert.date(r.getNext_step_on());
      limitationOn = Convert.date(r.getLimitation_on());
      limitationWarn = r.getLimitation_warn();
      occupied = r.getOccupied();
    }
  }

  /** The arrears of a site as of a day: rows in unit id order and their total. */
  public static final class Report {
    public final List<Row> rows;
    public final Row total;

    Report(List<Row> rows, Row total) {
      this.rows = Collections.unmodifiableList(rows);
      this.total = total;
    }
  }

  /** What a notice says (fd_fee_notice_render): null strings and dates are left empty. */
  public static final class Notice {
    public String site;
    public String unit;
    public String payer;
    /** Fen owed: {amount} and {amount_upper}. */
    public long amount;
    public String periods;
    public LocalDate due;
    public LocalDate deadline;
    /** The late fee per day in 1/10000 (5 is 0.05%). */
    public long lateRateE4;
    public LocalDate date;
  }

  // -- pure rules ------------------------------------------------------------------------------

  /**
   * R-FEE-6: the last day of a debt's three-year limitation period (Civil Code art. 188) run from
   * {@code dueOn}, or anew from {@code lastDemandOn} (art. 195; null: none), moved past a day of rest
   * in {@code calendar} (art. 203).
   */
  public static LocalDate limitationEnd(LocalDate dueOn, LocalDate lastDemandOn, WorkCalendar calendar)
      throws FrontdeskException {
    LocalDate demand = lastDemandOn == null ? dueOn : lastDemandOn; // a day not after dueOn is no demand
    return calendar.call(c -> Out.date(o -> FrontdeskNative.fd_fee_limitation_end(o, dueOn, demand, c)));
  }

  /** The age bucket of a debt {@code daysPastDue} days overdue ("d0_30" … "over_365"); "" when not overdue. */
  public static String bucketOfDays(long daysPastDue) {
    int i = FrontdeskNative.fd_fee_bucket_of_days(daysPastDue);
    return i < 0 ? "" : FrontdeskNative.fd_fee_bucket_code(i);
  }

  /** R-FEE-6: the age bucket of a debt due on {@code dueOn} as of {@code asOf} (overdue from the day after). */
  public static String ageBucket(LocalDate dueOn, LocalDate asOf) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_fee_age_bucket(o, dueOn, asOf));
  }

  /**
   * R-FEE-6: the step after {@code lastStep} (null or "": none yet) taken on {@code lastOn} and the day
   * it is due; {@code occupied}: someone lives in the unit; {@code policy} null for the defaults.
   */
  public static Plan next(String lastStep, LocalDate lastOn, boolean occupied, Policy policy)
      throws FrontdeskException {
    fd_dunning_plan p = new fd_dunning_plan();
    try {
      FrontdeskNative.fd_dunning_plan_init(p, FrontdeskNative.FD_DUNNING_PLAN_VERSION);
      if (policy == null) {
        FrontdeskNative.fd_dunning_next(p, lastStep, lastOn, occupied ? 1 : 0, null);
      } else {
        policy.call(h -> {
          FrontdeskNative.fd_dunning_next(p, lastStep, lastOn, occupied ? 1 : 0, h);
          return null;
        });
      }
      return new Plan(p);
    } finally {
      p.delete();
    }
  }

  /**
   * R-FEE-6: throws FD_EINVAL for an unknown step or channel, or one cutting off water, electricity,
   * heating or gas (Civil Code art. 944); FD_ESTATE for a step out of order after {@code lastStep}.
   */
  public static void check(String step, String channel, String lastStep) throws FrontdeskException {
    FrontdeskNative.fd_dunning_check(step, channel, lastStep);
  }

  /**
   * R-FEE-2: renders {@code template} ({site} {unit} {payer} {amount} {amount_upper} {periods} {due}
   * {deadline} {late_rate} {date}; "{{" is a brace); an unknown placeholder throws FD_EINVAL naming it.
   */
  public static String render(String template, Notice notice) throws FrontdeskException {
    fd_fee_notice n = new fd_fee_notice();
    try {
      FrontdeskNative.fd_fee_notice_init(n, FrontdeskNative.FD_FEE_NOTICE_VERSION);
      n.setSite(notice.site);
      n.setUnit(notice.unit);
      n.setPayer(notice.payer);
      n.setPeriods(notice.periods);
      n.setAmount(notice.amount);
      n.setLate_rate_e4(notice.lateRateE4);
      if (notice.due != null) {
        n.setDue(Convert.fdDate(notice.due, "due"));
      }
      if (notice.deadline != null) {
        n.setDeadline(Convert.fdDate(notice.deadline, "deadline"));
      }
      if (notice.date != null) {
        n.setDate(Convert.fdDate(notice.date, "date"));
      }
      return Out.string(o -> FrontdeskNative.fd_fee_notice_render(o, template, n));
    } finally {
      n.delete();
    }
  }

  /** Throws FD_EINVAL naming an unknown placeholder or an unclosed { of {@code template}. */
  public static void checkTemplate(String template) throws FrontdeskException {
    FrontdeskNative.fd_fee_notice_check_template(template);
  }

  /** The built-in template of {@code kind} ("payment" 缴款通知书, "dunning" 催款通知书); null for another kind. */
  public static String defaultTemplate(String kind) throws FrontdeskException {
    return FrontdeskNative.fd_fee_notice_default_template(kind);
  }

  // -- the store -----------------------------------------------------------------------------------

  private static Report collect(SWIGTYPE_p_fd_arrears h) throws FrontdeskException {
    fd_arrears_row r = new fd_arrears_row();
    try {
      FrontdeskNative.fd_arrears_row_init(r, FrontdeskNative.FD_ARREARS_ROW_VERSION);
      List<Row> rows = new ArrayList<>();
      long n = FrontdeskNative.fd_arrears_count(h);
      for (long k = 0; k < n; k++) {
        FrontdeskNative.fd_arrears_get(r, h, k);
        rows.add(new Row(r));
      }
      FrontdeskNative.fd_arrears_total(r, h);
      return new Report(rows, new Row(r));
    } finally {
      r.delete();
      FrontdeskNative.fd_arrears_free(h);
    }
  }

  /**
   * R-FEE-6: the arrears by unit of the actor's site as of {@code asOf} (bills not paid and due before
   * it) in age buckets, with the last demand, next dunning step and limitation end.
   */
  public static Report arrears(Store store, Actor actor, LocalDate asOf) throws FrontdeskException {
    return query(store, actor, (o, a) -> FrontdeskNative.fd_store_arrears(o, store.handle(), a, asOf));
  }

  /** R-FEE-6: the units whose next dunning step is due on or before {@code day}. */
  public static Report due(Store store, Actor actor, LocalDate day) throws FrontdeskException {
    return query(store, actor, (o, a) -> FrontdeskNative.fd_store_dunning_due(o, store.handle(), a, day));
  }

  /** A raw call giving an fd_arrears in element 0 of {@code o}, as {@code a}. */
  private interface ArrearsCall {
    void into(SWIGTYPE_p_fd_arrears[] o, fd_actor a) throws FrontdeskException;
  }

  private static Report query(Store store, Actor actor, ArrearsCall call) throws FrontdeskException {
    SWIGTYPE_p_fd_arrears[] out = new SWIGTYPE_p_fd_arrears[1];
    store.as(actor, a -> {
      call.into(out, a);
      return null;
    });
    return collect(out[0]);
  }

  /**
   * R-FEE-6: records a dunning step of a unit owing something overdue (in order; art. 944 refused); it
   * restarts the limitation clock of its overdue bills (Civil Code art. 195). Returns its id.
   */
  public static long addStep(Store store, Actor actor, DunningStep step) throws FrontdeskException {
    return step.withNative(d -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_dunning_step_add(o, store.handle(), a, d))));
  }

  /** R-FEE-2: sets the site's template of notice {@code kind} (payment, dunning); needs the manage grant. */
  public static long setTemplate(Store store, Actor actor, String kind, String body) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_notice_template_set(o, store.handle(), a, kind, body)));
  }

  /**
   * R-FEE-2, R-FEE-6: the payment or dunning notice of unit {@code unitId} as of {@code asOf}, from the
   * site's template (the built-in one when it has none); the payer masked under pii.mask_names unless
   * the actor reveals it.
   */
  public static String notice(Store store, Actor actor, String kind, long unitId, LocalDate asOf)
      throws FrontdeskException {
    return store.as(actor, a -> Out.string(o ->
        FrontdeskNative.fd_store_fee_notice(o, store.handle(), a, kind, unitId, asOf)));
  }

  /** The dunning steps of the actor's site (filter null: all). */
  public static RecordIterator<DunningStep> steps(Store store, Actor actor, DunningStepFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> DunningStepFilter.query(filter, store.handle(), a));
  }

  /** One dunning step by id. */
  public static DunningStep step(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> DunningStep.get(store.handle(), a, id));
  }

  /** The site's notice templates, old ones included (filter null: all). */
  public static RecordIterator<NoticeTemplate> templates(Store store, Actor actor, NoticeTemplateFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> NoticeTemplateFilter.query(filter, store.handle(), a));
  }
}
