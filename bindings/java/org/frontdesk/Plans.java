package org.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_followup_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_repair_iter;
import org.frontdesk.swig.fd_followup;
import org.frontdesk.swig.fd_followup_coverage;
import org.frontdesk.swig.fd_followup_plan;
import org.frontdesk.swig.fd_repair;
import org.frontdesk.swig.fd_repair_step;

/**
 * Repairs (issue 15, plans part 1): work orders with their hand-offs as one state table (R-PLN-6), the
 * follow-up every done repair is owed on the site's calendar — a leak's counted from its leak test, in
 * working days by default (R-PLN-1) — and the site's assignment policy (repair.assignment). The rules
 * ({@link #validate}, {@link #checkStep}, {@link #followupDue}, {@link #pickHandler}) are pure functions;
 * the rest reads and writes a {@link Store}. Codes are English words ("leak"); {@link #codeLabel} gives
 * 渗漏, {@link #codeParse} takes 閉水試驗 and full-width too.
 */
public final class Plans {
  private Plans() {}

  // -- codes ------------------------------------------------------------------------------

  /**
   * The Chinese label of {@code code} in the plans list {@code field} ("category", "leak" → "渗漏"); null
   * when unknown. Lists: channel, category, repair_state, repair_step, assignment, method, result,
   * satisfaction, source, attempt, recurrence, visit_state, followup_state, callback_state.
   */
  public static String codeLabel(String field, String code) throws FrontdeskException {
    return FrontdeskNative.fd_plan_code_label(field, code);
  }

  /** The code of {@code text} in the plans list {@code field}: the code, its label, Traditional or full-width. */
  public static String codeParse(String field, String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_plan_code_parse(o, field, text));
  }

  private static String parsed(String list, String v) throws FrontdeskException {
    return v == null || v.isEmpty() ? v : codeParse(list, v);
  }

  /** Runs {@code call} with a native copy of {@code repair} whose channel, category and state are parsed. */
  private static <R> R withCodes(Repair repair, Convert.Call<fd_repair, R> call) throws FrontdeskException {
    return Objects.requireNonNull(repair, "repair").withNative(n -> {
      n.setChannel(parsed("channel", n.getChannel()));
      n.setCategory(parsed("category", n.getCategory()));
      n.setState(parsed("repair_state", n.getState()));
      return call.run(n);
    });
  }

  // -- the work order (pure) ----------------------------------------------------------------

  /** R-PLN-6: the checks the store makes of a work order before registering it; throws naming the field. */
  public static void validate(Repair repair) throws FrontdeskException {
    withCodes(repair, n -> {
      FrontdeskNative.fd_repair_validate(n);
      return null;
    });
  }

  /**
   * A step of a work order (R-PLN-6): its kind (dispatch, accept, transfer, return, pause, resume, done,
   * leak_test, close, close_undone, or their labels) and what it carries.
   */
  public static final class Step {
    private final String kind;
    private long handlerId;
    private String note;
    private Instant happenedAt;

    /** A step of {@code kind}. */
    public Step(String kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** dispatch, transfer: who gets the order. */
    public Step handler(long v) {
      handlerId = v;
      return this;
    }

    /** return, pause, close_undone: why (required there); else optional. */
    public Step note(String v) {
      note = v;
      return this;
    }

    /** When it happened, if it is noted later (null: the actor's instant). */
    public Step happenedAt(Instant v) {
      happenedAt = v;
      return this;
    }

    fd_repair_step toNative() throws FrontdeskException {
      fd_repair_step s = new fd_repair_step();
      try {
        s.setKind(parsed("repair_step", kind));
        s.setHandler_id(handlerId);
        s.setNote(note);
        if (happenedAt != null) s.setHappened_at(Convert.seconds(happenedAt, "step.happened_at"));
        return s;
      } catch (FrontdeskException | RuntimeException e) {
        s.delete();
        throw e;
      }
    }
  }

  private static <R> R withStep(Step step, Convert.Call<fd_repair_step, R> call) throws FrontdeskException {
    fd_repair_step s = Objects.requireNonNull(step, "step").toNative();
    try {
      return call.run(s);
    } finally {
      s.delete();
    }
  }

  /**
   * R-PLN-6: the state {@code repair} goes to when it takes {@code step}; FD_ESTATE names the state and the
   * steps it allows, FD_EINVAL the field.
   */
  public static String checkStep(Repair repair, Step step) throws FrontdeskException {
    return withCodes(repair, r -> withStep(step, s -> {
      String[] to = new String[1];
      FrontdeskNative.fd_repair_step_check(to, r, s);
      return to[0];
    }));
  }

  /** The steps a work order in {@code state} (a code or its label) allows, in lifecycle order. */
  public static List<String> stepsAllowed(String state) throws FrontdeskException {
    String text = Out.string(o -> FrontdeskNative.fd_repair_steps_allowed(o, parsed("repair_state", state)));
    return text.isEmpty() || text.equals("no step") ? Collections.emptyList()
                                                     : Collections.unmodifiableList(Arrays.asList(text.split(", ")));
  }

  // -- the follow-up's due (pure, R-PLN-1) ----------------------------------------------------

  /** When a done repair's follow-up is due: the policy key, its amount and unit, from when, and the due. */
  public static final class FollowupPlan {
    private final String policyKey;
    private final long amount;
    private final WorkCalendar.Unit unit;
    private final Instant startAt;
    private final Instant dueAt;
    private final boolean provisional;

    FollowupPlan(fd_followup_plan p) {
      policyKey = p.getPolicy_key();
      amount = p.getAmount();
      unit = WorkCalendar.Unit.of(p.getUnit());
      startAt = Convert.instant(p.getStart_at());
      dueAt = Convert.instant(p.getDue_at());
      provisional = p.getProvisional() != 0;
    }

    /** followup.safety_repair_days, followup.leak_repair_days or followup.other_repair_days. */
    public String policyKey() {
      return policyKey;
    }

    /** The key's value. */
    public long amount() {
      return amount;
    }

    /** The key's unit (working days by default). */
    public WorkCalendar.Unit unit() {
      return unit;
    }

    /** The work's end; a leak repair: its leak test. */
    public Instant startAt() {
      return startAt;
    }

    /** The last instant on time. */
    public Instant dueAt() {
      return dueAt;
    }

    /** Whether a day past the holiday data decides the due. */
    public boolean provisional() {
      return provisional;
    }
  }

  /**
   * R-PLN-1: the follow-up's due of {@code repair} (done; a leak: leak-tested) on {@code calendar} with
   * {@code policy}'s keys (null: the defaults). FD_ESTATE when it is not done or a leak is not tested.
   */
  public static FollowupPlan followupDue(Repair repair, WorkCalendar calendar, Policy policy)
      throws FrontdeskException {
    fd_followup_plan p = new fd_followup_plan();
    try {
      withCodes(repair, r -> Objects.requireNonNull(calendar, "calendar").call(policy, (cal, pol) -> {
        FrontdeskNative.fd_followup_due(p, r, cal, pol);
        return null;
      }));
      return new FollowupPlan(p);
    } finally {
      p.delete();
    }
  }

  /**
   * R-PLN-1: a follow-up's outcome as the store takes it: method (phone, visit), result (fixed, not_fixed),
   * satisfaction (required when fixed), what the customer said; codes or labels. Throws naming the field.
   */
  public static void checkOutcome(String method, String result, String satisfaction, String said)
      throws FrontdeskException {
    FrontdeskNative.fd_followup_outcome_check(parsed("method", method), parsed("result", result),
        parsed("satisfaction", satisfaction), said);
  }

  // -- assignment (pure, R-PLN-6) -------------------------------------------------------------

  /**
   * R-PLN-6: who gets a new order under {@code assignment} (desk, round_robin, least_open or labels) among
   * {@code members} (staff ids with the skill) with their {@code openCounts} (least_open; else may be empty)
   * after {@code lastAssigned}; 0 = the desk.
   */
  public static long pickHandler(String assignment, long[] members, long[] openCounts, long lastAssigned)
      throws FrontdeskException {
    long[] m = members == null ? new long[0] : members;
    long[] c = openCounts == null ? new long[0] : openCounts;
    String code = parsed("assignment", assignment);
    return Out.int64(o -> FrontdeskNative.fd_repair_pick_handler(o, code, m, c, lastAssigned));
  }

  /** The code of repair.assignment's value (0 desk, 1 round_robin, 2 least_open), null for others. */
  public static String assignmentCode(long value) {
    return FrontdeskNative.fd_repair_assignment_code(value);
  }

  // -- the store's side -----------------------------------------------------------------------

  /**
   * Registers a work order at the actor's site (R-PLN-6); dispatched at once when the site's
   * repair.assignment picks a skilled member. Returns its id.
   */
  public static long add(Store store, Actor actor, Repair repair) throws FrontdeskException {
    return withCodes(repair, r -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_repair_add(o, store.handle(), a, r))));
  }

  /**
   * Work order {@code repairId} takes {@code step}: an event with the state and handler before and after, in
   * one transaction; done (a leak: leak_test) owes a follow-up (R-PLN-1). FD_ESTATE names the state and the
   * steps it allows; FD_EBUSY: another clerk's step came first. Returns the event's id.
   */
  public static long step(Store store, Actor actor, long repairId, Step step) throws FrontdeskException {
    return withStep(step, s -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_repair_step(o, store.handle(), a, repairId, s))));
  }

  /** Staff member {@code memberId} has {@code skill} (needs the manage grant). Returns the row's id. */
  public static long addSkill(Store store, Actor actor, long memberId, String skill) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_staff_skill_add(o, store.handle(), a, memberId, skill)));
  }

  /** The skill row is no longer picked (needs the manage grant). */
  public static void retireSkill(Store store, Actor actor, long skillId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_staff_skill_retire(store.handle(), a, skillId);
      return null;
    });
  }

  /**
   * R-PLN-1: records follow-up {@code followupId}: method, result, satisfaction (when fixed), what was said;
   * not_fixed sends the order back to its handler (rework). Returns the order's event id.
   */
  public static long recordFollowup(Store store, Actor actor, long followupId, String method, String result,
                                    String satisfaction, String said) throws FrontdeskException {
    String m = parsed("method", method);
    String r = parsed("result", result);
    String s = parsed("satisfaction", satisfaction);
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_followup_record(o, store.handle(), a, followupId, m, r, s, said)));
  }

  /**
   * One page of the open follow-ups of the actor's site due within {@code within} of the actor's instant
   * (null with {@code overdueOnly}: only those past due), by due; page on with the last row's id as
   * {@code after}, at most {@code limit} (1..64).
   */
  public static RecordIterator<Followup> followupsDue(Store store, Actor actor, boolean overdueOnly, Duration within,
                                                      long after, long limit) throws FrontdeskException {
    long horizon = overdueOnly ? 0 : Objects.requireNonNull(within, "within").getSeconds();
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_followup_iter[] it = new SWIGTYPE_p_fd_followup_iter[1];
      FrontdeskNative.fd_store_followups_due(it, store.handle(), a, overdueOnly ? 1 : 0, horizon, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_followup_iter_free, i -> {
        fd_followup[] row = new fd_followup[1];
        FrontdeskNative.fd_followup_iter_next(row, i);
        return row[0] == null ? null : Followup.fromNative(row[0]);
      });
    });
  }

  /** A period's follow-up coverage (R-PLN-1) against followup.repair_rate_pct. */
  public static final class Coverage {
    private final long[] n;
    private final boolean met;

    Coverage(fd_followup_coverage c) {
      n = new long[] {c.getDone(), c.getIn_time(), c.getLate(), c.getMissed(), c.getPending(), c.getShare_pct(),
                      c.getTarget_pct()};
      met = c.getMet() != 0;
    }

    /** Repairs whose work ended in the period. */
    public long done() {
      return n[0];
    }

    /** Of them, followed up by the due. */
    public long inTime() {
      return n[1];
    }

    /** Followed up after the due. */
    public long late() {
      return n[2];
    }

    /** Not followed up and past due. */
    public long missed() {
      return n[3];
    }

    /** Not yet due (a leak waiting for its leak test too). */
    public long pending() {
      return n[4];
    }

    /** In time over decided, in percent (100 when none is decided). */
    public long sharePct() {
      return n[5];
    }

    /** The site's followup.repair_rate_pct. */
    public long targetPct() {
      return n[6];
    }

    /** Whether the share meets the target. */
    public boolean met() {
      return met;
    }
  }

  /** R-PLN-1: the coverage of the repairs done in [{@code from}, {@code to}) at the actor's site. */
  public static Coverage coverage(Store store, Actor actor, Instant from, Instant to) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    fd_followup_coverage c = new fd_followup_coverage();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_followup_coverage(c, store.handle(), a, f, t);
        return null;
      });
      return new Coverage(c);
    } finally {
      c.delete();
    }
  }

  /**
   * R-PLN-1: one page of the work orders done in [{@code from}, {@code to}) followed up late or not at all
   * and past due, in id order after {@code after}, at most {@code limit} (1..64).
   */
  public static RecordIterator<Repair> misses(Store store, Actor actor, Instant from, Instant to, long after,
                                              long limit) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_repair_iter[] it = new SWIGTYPE_p_fd_repair_iter[1];
      FrontdeskNative.fd_store_followup_misses(it, store.handle(), a, f, t, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_repair_iter_free, i -> {
        fd_repair[] row = new fd_repair[1];
        FrontdeskNative.fd_repair_iter_next(row, i);
        return row[0] == null ? null : Repair.fromNative(row[0]);
      });
    });
  }

  /** Work orders of the actor's site matching {@code filter} (null: all), personal data masked unless revealed. */
  public static RecordIterator<Repair> repairs(Store store, Actor actor, RepairFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> RepairFilter.query(filter, store.handle(), a));
  }

  /** One work order by id. */
  public static Repair repair(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Repair.get(store.handle(), a, id));
  }

  /** The steps of work orders matching {@code filter} (null: all), oldest first. */
  public static RecordIterator<RepairEvent> events(Store store, Actor actor, RepairEventFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> RepairEventFilter.query(filter, store.handle(), a));
  }

  /** One step by id. */
  public static RepairEvent event(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> RepairEvent.get(store.handle(), a, id));
  }

  /** Staff skills matching {@code filter} (null: all), retired ones too. */
  public static RecordIterator<StaffSkill> skills(Store store, Actor actor, StaffSkillFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> StaffSkillFilter.query(filter, store.handle(), a));
  }

  /** One staff skill by id. */
  public static StaffSkill skill(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> StaffSkill.get(store.handle(), a, id));
  }

  /** Follow-ups matching {@code filter} (null: all), superseded ones too. */
  public static RecordIterator<Followup> followups(Store store, Actor actor, FollowupFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> FollowupFilter.query(filter, store.handle(), a));
  }

  /** One follow-up by id. */
  public static Followup followup(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Followup.get(store.handle(), a, id));
  }
}
