package org.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_callback_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_customer_assignment_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_rebalance;
import org.frontdesk.swig.fd_callback;
import org.frontdesk.swig.fd_callback_coverage;
import org.frontdesk.swig.fd_callback_plan;
import org.frontdesk.swig.fd_customer_assignment;

/**
 * Callbacks (回访电话) and customers assigned to service specialists (issue 15, plans part 2). A callback is
 * due when agreed with the customer, else when its call task is, else followup.callback_days on the site's
 * calendar, and never in the customer's rest time: a due at 12:30 moves to 14:00 with the default quiet hours
 * (R-PLN-2, R-CALL-8, R-CALL-9). Customers go to specialists in proportion to their level, and a rebalance
 * moves as few as it can (R-PLN-3). The rules ({@link #due}, {@link #mayCall}, {@link #script},
 * {@link #checkOutcome}, {@link #balance}, {@link #rebalance(long[], long[], long[])}) are pure functions; the
 * rest reads and writes a {@link Store}. Codes are those of {@link Plans#codeLabel} (满意, 無人接聽 too).
 */
public final class Callbacks {
  private Callbacks() {}

  private static String parsed(String list, String v) throws FrontdeskException {
    return v == null || v.isEmpty() ? v : Plans.codeParse(list, v);
  }

  private static long secondsOrZero(Instant at, String field) throws FrontdeskException {
    return at == null ? 0 : Convert.seconds(at, field);
  }

  // -- the due and "may we call now?" (pure) ------------------------------------------------------

  /** When a callback is due (R-PLN-2): what decided it, the due before and after the quiet-hours move. */
  public static final class Plan {
    private final String basis;
    private final Instant unmovedAt;
    private final Instant dueAt;
    private final boolean moved;
    private final boolean provisional;

    Plan(fd_callback_plan p) {
      basis = p.getBasis();
      unmovedAt = Convert.instant(p.getUnmoved_at());
      dueAt = Convert.instant(p.getDue_at());
      moved = p.getMoved() != 0;
      provisional = p.getProvisional() != 0;
    }

    /** "agreed" (the time agreed with the customer), "task" (the call task's due) or "policy". */
    public String basis() {
      return basis;
    }

    /** The due before the quiet-hours move. */
    public Instant unmovedAt() {
      return unmovedAt;
    }

    /** The due: {@link #unmovedAt()}, or the next instant outside quiet hours. */
    public Instant dueAt() {
      return dueAt;
    }

    /** Whether the due fell in quiet hours and moved (12:30 → 14:00 by default). */
    public boolean moved() {
      return moved;
    }

    /** Whether a day past the holiday data decides the due (policy basis only). */
    public boolean provisional() {
      return provisional;
    }
  }

  /**
   * R-PLN-2, R-CALL-8, R-CALL-9: when a callback created at {@code createdAt} is due: {@code agreedAt} (may be
   * null) wins, else {@code taskDueAt} (may be null), else followup.callback_days of {@code policy} (null: the
   * defaults) on {@code calendar}; moved out of the calendar's quiet hours.
   */
  public static Plan due(Instant createdAt, Instant agreedAt, Instant taskDueAt, WorkCalendar calendar,
                         Policy policy) throws FrontdeskException {
    long c = Convert.seconds(createdAt, "created_at");
    long a = secondsOrZero(agreedAt, "agreed_at");
    long t = secondsOrZero(taskDueAt, "task_due_at");
    fd_callback_plan p = new fd_callback_plan();
    try {
      Objects.requireNonNull(calendar, "calendar").call(policy, (cal, pol) -> {
        FrontdeskNative.fd_callback_due(p, c, a, t, cal, pol);
        return null;
      });
      return new Plan(p);
    } finally {
      p.delete();
    }
  }

  /**
   * "May we call now?" (R-PLN-2): null when a call may be placed at {@code at}, else the first instant after it
   * outside the calendar's quiet hours (the customer's rest time: never then).
   */
  public static Instant mayCall(WorkCalendar calendar, Instant at) throws FrontdeskException {
    long s = Convert.seconds(at, "at");
    int[] may = new int[1];
    long[] next = new long[1];
    Objects.requireNonNull(calendar, "calendar").call(cal -> {
      FrontdeskNative.fd_callback_may_call(may, next, cal, s);
      return null;
    });
    return may[0] != 0 ? null : Convert.instant(next[0]);
  }

  /** R-PLN-2: the follow-up script (话术) for an outcome: satisfied, average, unsatisfied, or their labels. */
  public static String script(String satisfaction) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_callback_script(o, satisfaction));
  }

  /**
   * R-PLN-2: checks an attempt's outcome as the store does: result no_answer, busy or done (labels too);
   * satisfaction required for done, refused otherwise; said at most 1000 bytes. Throws naming the parameter.
   */
  public static void checkOutcome(String result, String satisfaction, String said) throws FrontdeskException {
    FrontdeskNative.fd_callback_outcome_check(parsed("attempt", result), parsed("satisfaction", satisfaction), said);
  }

  // -- balancing (pure, R-PLN-3) -------------------------------------------------------------------

  private static long[] orEmpty(long[] v) {
    return v == null ? new long[0] : v;
  }

  /**
   * R-PLN-3: the specialist a new customer goes to: of {@code ids} with their {@code levels} (0 = leaving,
   * else 1..5) and {@code counts} (customers now), the one furthest under a target proportional to level; 0
   * when no one takes customers. FD_EINVAL names {@code ids[i]}, {@code levels_len} ...
   */
  public static long balance(long[] ids, long[] levels, long[] counts) throws FrontdeskException {
    long[] i = orEmpty(ids);
    long[] l = orEmpty(levels);
    long[] c = orEmpty(counts);
    return Out.int64(o -> FrontdeskNative.fd_assign_balance(o, i, l, c));
  }

  /** A rebalance (R-PLN-3): each specialist's customers before and after, and the moves. */
  public static final class Rebalance {
    /** One specialist of a rebalance. */
    public static final class Specialist {
      private final long id;
      private final long level;
      private final long before;
      private final long after;

      Specialist(long id, long level, long before, long after) {
        this.id = id;
        this.level = level;
        this.before = before;
        this.after = after;
      }

      /** The specialist's id. */
      public long id() {
        return id;
      }

      /** Their level (0: leaving). */
      public long level() {
        return level;
      }

      /** Customers before the moves. */
      public long before() {
        return before;
      }

      /** Customers after the moves. */
      public long after() {
        return after;
      }
    }

    /** {@code count} customers from specialist {@code from} to {@code to}. */
    public static final class Move {
      private final long from;
      private final long to;
      private final long count;

      Move(long from, long to, long count) {
        this.from = from;
        this.to = to;
        this.count = count;
      }

      /** The giver. */
      public long from() {
        return from;
      }

      /** The receiver. */
      public long to() {
        return to;
      }

      /** How many customers. */
      public long count() {
        return count;
      }

      @Override
      public String toString() {
        return from + "->" + to + "x" + count;
      }
    }

    private final List<Specialist> specialists;
    private final List<Move> moves;
    private final long moved;

    /** Reads and frees {@code r}. */
    Rebalance(SWIGTYPE_p_fd_rebalance r) throws FrontdeskException {
      try {
        List<Specialist> s = new ArrayList<>();
        long n = FrontdeskNative.fd_rebalance_specialists(r);
        for (long i = 0; i < n; i++) {
          long[] id = new long[1];
          long[] level = new long[1];
          long[] before = new long[1];
          long[] after = new long[1];
          FrontdeskNative.fd_rebalance_specialist(id, level, before, after, r, i);
          s.add(new Specialist(id[0], level[0], before[0], after[0]));
        }
        List<Move> m = new ArrayList<>();
        n = FrontdeskNative.fd_rebalance_moves(r);
        for (long i = 0; i < n; i++) {
          long[] from = new long[1];
          long[] to = new long[1];
          long[] count = new long[1];
          FrontdeskNative.fd_rebalance_move(from, to, count, r, i);
          m.add(new Move(from[0], to[0], count[0]));
        }
        specialists = Collections.unmodifiableList(s);
        moves = Collections.unmodifiableList(m);
        moved = FrontdeskNative.fd_rebalance_moved(r);
      } finally {
        FrontdeskNative.fd_rebalance_free(r);
      }
    }

    /** The specialists in the order given (the store's: by id). */
    public List<Specialist> specialists() {
      return specialists;
    }

    /** The moves proposed (or written). */
    public List<Move> moves() {
      return moves;
    }

    /** Customers moved in all. */
    public long moved() {
      return moved;
    }
  }

  private interface RebalanceCall {
    void run(SWIGTYPE_p_fd_rebalance[] out) throws FrontdeskException;
  }

  private static Rebalance rebalanceOf(RebalanceCall call) throws FrontdeskException {
    SWIGTYPE_p_fd_rebalance[] out = new SWIGTYPE_p_fd_rebalance[1];
    call.run(out);
    return new Rebalance(out[0]);
  }

  /**
   * R-PLN-3: the fewest moves that bring each specialist ({@code ids}, {@code levels} with 0 = leaving,
   * {@code counts}) to a target proportional to level.
   */
  public static Rebalance rebalance(long[] ids, long[] levels, long[] counts) throws FrontdeskException {
    long[] i = orEmpty(ids);
    long[] l = orEmpty(levels);
    long[] c = orEmpty(counts);
    return rebalanceOf(out -> FrontdeskNative.fd_assign_rebalance(out, i, l, c));
  }

  // -- callbacks in the store ----------------------------------------------------------------------

  /**
   * Adds a callback owed to a customer (R-PLN-2) at the actor's site and time: source (call, complaint, member,
   * repair, question or labels), what it comes from, the customer, member, agreedAt. The store sets the due.
   * Returns its id.
   */
  public static long add(Store store, Actor actor, Callback callback) throws FrontdeskException {
    return Objects.requireNonNull(callback, "callback").withNative(n -> {
      n.setSource(parsed("source", n.getSource()));
      return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_callback_add(o, store.handle(), a, n)));
    });
  }

  /**
   * The callback of a call's open call-back or reply task (R-CALL-8, R-CALL-9), once per task: due at
   * {@code agreedAt} (null: the task's due), out of quiet hours. FD_ESTATE names a done task. Returns its id.
   */
  public static long fromCallTask(Store store, Actor actor, long callTaskId, Instant agreedAt)
      throws FrontdeskException {
    long agreed = secondsOrZero(agreedAt, "agreed_at");
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_callback_from_call_task(o, store.handle(), a, callTaskId, agreed)));
  }

  /**
   * Records an attempt at {@code placedAt} (null: the actor's instant; never in quiet hours, R-PLN-2): result
   * no_answer / busy keep the callback open, done with {@code satisfaction} closes it. Returns the attempt's id.
   */
  public static long attempt(Store store, Actor actor, long callbackId, Instant placedAt, String result,
                             String satisfaction, String said) throws FrontdeskException {
    long placed = secondsOrZero(placedAt, "placed_at");
    String r = parsed("attempt", result);
    String s = parsed("satisfaction", satisfaction);
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_callback_attempt(o, store.handle(), a, callbackId, placed, r, s, said)));
  }

  /** Closes an open callback without reaching the customer, with {@code reason} (R-PLN-2): a miss. */
  public static void close(Store store, Actor actor, long callbackId, String reason) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_callback_close(store.handle(), a, callbackId, reason);
      return null;
    });
  }

  private static RecordIterator<Callback> callbackRows(SWIGTYPE_p_fd_callback_iter it) {
    return new RecordIterator<>(it, FrontdeskNative::fd_callback_iter_free, i -> {
      fd_callback[] row = new fd_callback[1];
      FrontdeskNative.fd_callback_iter_next(row, i);
      return row[0] == null ? null : Callback.fromNative(row[0]);
    });
  }

  /**
   * One page of the open callbacks by due (R-PLN-2): due by the actor's instant plus {@code within} (null with
   * {@code overdueOnly}: only those past due); page on with the last row's id as {@code after}, at most
   * {@code limit} (1..64).
   */
  public static RecordIterator<Callback> due(Store store, Actor actor, boolean overdueOnly, Duration within,
                                             long after, long limit) throws FrontdeskException {
    long horizon = within == null ? 0 : within.getSeconds();
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_callback_iter[] it = new SWIGTYPE_p_fd_callback_iter[1];
      FrontdeskNative.fd_store_callbacks_due(it, store.handle(), a, overdueOnly ? 1 : 0, horizon, after, limit);
      return callbackRows(it[0]);
    });
  }

  /** The "call now" list (R-PLN-2): open callbacks due by the actor's instant; empty in quiet time. Paged. */
  public static RecordIterator<Callback> now(Store store, Actor actor, long after, long limit)
      throws FrontdeskException {
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_callback_iter[] it = new SWIGTYPE_p_fd_callback_iter[1];
      FrontdeskNative.fd_store_callbacks_now(it, store.handle(), a, after, limit);
      return callbackRows(it[0]);
    });
  }

  /** Member callbacks of a period (R-PLN-2) against followup.member_callback_pct. */
  public static final class Coverage {
    private final long[] n;
    private final boolean met;

    Coverage(fd_callback_coverage c) {
      n = new long[] {c.getMembers(), c.getReached(), c.getLate(), c.getMissed(), c.getPending(), c.getShare_pct(),
                      c.getTarget_pct()};
      met = c.getMet() != 0;
    }

    /** Member customers' callbacks created in the period. */
    public long members() {
      return n[0];
    }

    /** Of them, done (the customer reached). */
    public long reached() {
      return n[1];
    }

    /** Of the reached, after the due. */
    public long late() {
      return n[2];
    }

    /** Closed unreached, or open past due. */
    public long missed() {
      return n[3];
    }

    /** Open, not yet due. */
    public long pending() {
      return n[4];
    }

    /** Reached over decided, in percent (100 when none is decided). */
    public long sharePct() {
      return n[5];
    }

    /** The site's followup.member_callback_pct. */
    public long targetPct() {
      return n[6];
    }

    /** Whether the share meets the target. */
    public boolean met() {
      return met;
    }
  }

  /** R-PLN-2: the member callbacks created in [{@code from}, {@code to}) and the share reached. */
  public static Coverage coverage(Store store, Actor actor, Instant from, Instant to) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    fd_callback_coverage c = new fd_callback_coverage();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_callback_coverage(c, store.handle(), a, f, t);
        return null;
      });
      return new Coverage(c);
    } finally {
      c.delete();
    }
  }

  /** R-PLN-2: one page of the member callbacks of [{@code from}, {@code to}) closed unreached or open past due. */
  public static RecordIterator<Callback> misses(Store store, Actor actor, Instant from, Instant to, long after,
                                                long limit) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_callback_iter[] it = new SWIGTYPE_p_fd_callback_iter[1];
      FrontdeskNative.fd_store_callback_misses(it, store.handle(), a, f, t, after, limit);
      return callbackRows(it[0]);
    });
  }

  /** Callbacks matching {@code filter} (null: all), personal data masked unless revealed. */
  public static RecordIterator<Callback> callbacks(Store store, Actor actor, CallbackFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> CallbackFilter.query(filter, store.handle(), a));
  }

  /** One callback by id. */
  public static Callback callback(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Callback.get(store.handle(), a, id));
  }

  /** Attempts matching {@code filter} (null: all). */
  public static RecordIterator<CallbackAttempt> attempts(Store store, Actor actor, CallbackAttemptFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> CallbackAttemptFilter.query(filter, store.handle(), a));
  }

  // -- specialists and assignments -----------------------------------------------------------------

  /** A service specialist (R-PLN-3): staff member {@code memberId} at {@code level} 1..5 (manage grant). */
  public static long addSpecialist(Store store, Actor actor, long memberId, long level) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_specialist_add(o, store.handle(), a, memberId, level)));
  }

  /**
   * R-PLN-3: a specialist leaves: the proposal giving their customers to the others; written (left, each moved
   * customer's assignment ended and a new one started) when {@code apply} (manage grant).
   */
  public static Rebalance specialistLeave(Store store, Actor actor, long specialistId, boolean apply)
      throws FrontdeskException {
    return store.as(actor, a -> rebalanceOf(out ->
        FrontdeskNative.fd_store_specialist_leave(out, store.handle(), a, specialistId, apply ? 1 : 0)));
  }

  /**
   * Assigns a customer (exactly one of {@code occupantId}, {@code organisationId}) to {@code specialistId}, or
   * (0) to the one the balance picks (R-PLN-3). Returns the assignment's id.
   */
  public static long assign(Store store, Actor actor, long occupantId, long organisationId, long specialistId)
      throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_assign_customer(o, store.handle(), a, occupantId, organisationId, specialistId)));
  }

  /** R-PLN-3: the rebalance of the site's customers over its specialists; written when {@code apply}. */
  public static Rebalance rebalance(Store store, Actor actor, boolean apply) throws FrontdeskException {
    return store.as(actor, a -> rebalanceOf(out ->
        FrontdeskNative.fd_store_assign_rebalance(out, store.handle(), a, apply ? 1 : 0)));
  }

  /** The specialist's first contact with a newly assigned customer (R-PLN-3), at the actor's instant. */
  public static void contact(Store store, Actor actor, long assignmentId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_assign_contact(store.handle(), a, assignmentId);
      return null;
    });
  }

  /** R-PLN-3: one page of the assignments in force whose first contact is overdue, by due. */
  public static RecordIterator<CustomerAssignment> contactMisses(Store store, Actor actor, long after, long limit)
      throws FrontdeskException {
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_customer_assignment_iter[] it = new SWIGTYPE_p_fd_customer_assignment_iter[1];
      FrontdeskNative.fd_store_assign_misses(it, store.handle(), a, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_customer_assignment_iter_free, i -> {
        fd_customer_assignment[] row = new fd_customer_assignment[1];
        FrontdeskNative.fd_customer_assignment_iter_next(row, i);
        return row[0] == null ? null : CustomerAssignment.fromNative(row[0]);
      });
    });
  }

  /** Specialists matching {@code filter} (null: all), those who left too. */
  public static RecordIterator<Specialist> specialists(Store store, Actor actor, SpecialistFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> SpecialistFilter.query(filter, store.handle(), a));
  }

  /** Assignments matching {@code filter} (null: all), ended ones too. */
  public static RecordIterator<CustomerAssignment> assignments(Store store, Actor actor,
                                                               CustomerAssignmentFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> CustomerAssignmentFilter.query(filter, store.handle(), a));
  }
}
