package org.frontdesk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_complaint_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_complaint_target_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_reply_hits;
import org.frontdesk.swig.fd_complaint;
import org.frontdesk.swig.fd_complaint_clock;
import org.frontdesk.swig.fd_complaint_escalation;
import org.frontdesk.swig.fd_complaint_event;
import org.frontdesk.swig.fd_complaint_queue_kind;
import org.frontdesk.swig.fd_complaint_step;
import org.frontdesk.swig.fd_complaint_target;
import org.frontdesk.swig.fd_complaint_target_plan;

/**
 * Complaints (issue 13): the record (R-CPL-1), its lifecycle as a state machine (R-CPL-3 …
 * R-CPL-5), and one clock per target, each with its own start and pauses, on the site's working
 * calendar (R-CPL-2, R-CPL-4). The rules ({@link #validate}, {@link #checkStep},
 * {@link #targetPlan}, {@link #targetClock}) are pure functions, usable with a suite's own
 * database: a target's clock is rebuilt from the complaint's events, so the same events always
 * give the same clock. The rest reads and writes a {@link Store}. Codes are English words
 * ("major"); {@link #codeLabel} gives 重大, {@link #codeParse} takes 嚴重 too.
 */
public final class Complaints {
  private Complaints() {}

  /** At most this many targets per severity (a major complaint's director, answer, resolve, reply). */
  public static final int TARGETS_MAX = FrontdeskNative.FD_COMPLAINT_TARGETS_MAX;

  // -- codes ------------------------------------------------------------------------------

  /**
   * The Chinese label of {@code code} in the list {@code field} ("severity", "major" → "重大"); null when
   * unknown. Lists: channel, category, severity, state, validity, step, target, satisfaction.
   */
  public static String codeLabel(String field, String code) throws FrontdeskException {
    return FrontdeskNative.fd_complaint_code_label(field, code);
  }

  /** The code of {@code text} in the list {@code field}: the code, its label or a word desks use ("嚴重" → "major"). */
  public static String codeParse(String field, String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_complaint_code_parse(o, field, text));
  }

  // -- the record and the lifecycle (pure) ------------------------------------------------------

  /** Parses code field {@code list} of {@code v} (a code, its label, a desk's word); a site's own category passes. */
  private static String parsed(String list, String v) throws FrontdeskException {
    if (v == null || v.isEmpty()) return v;
    try {
      return codeParse(list, v);
    } catch (FrontdeskException e) {
      if (list.equals("category")) return v; // the site's own code: the store checks it
      throw e;
    }
  }

  /**
   * Runs {@code call} with a native copy of {@code complaint} whose code fields (channel, category, severity,
   * state, validity, satisfaction) are read as {@link #codeParse} reads them, as every face of the library does:
   * "电话", "維修", "嚴重" are taken for phone, repair, major.
   */
  private static <R> R withCodes(Complaint complaint, Convert.Call<fd_complaint, R> call) throws FrontdeskException {
    return complaint.withNative(n -> {
      n.setChannel(parsed("channel", n.getChannel()));
      n.setCategory(parsed("category", n.getCategory()));
      n.setSeverity(parsed("severity", n.getSeverity()));
      n.setState(parsed("state", n.getState()));
      n.setValidity(parsed("validity", n.getValidity()));
      n.setSatisfaction(parsed("satisfaction", n.getSatisfaction()));
      return call.run(n);
    });
  }

  /**
   * R-CPL-1: checks a complaint as the store does before registering it (channel and severity of their
   * lists, the contact a phone number, the customer's deadline only on a minor complaint); throws naming
   * the field.
   */
  public static void validate(Complaint complaint) throws FrontdeskException {
    withCodes(complaint, n -> {
      FrontdeskNative.fd_complaint_validate(n);
      return null;
    });
  }

  /**
   * A step of a complaint (R-CPL-3): its kind ("assess", "assign", "pause" ... or the labels) and what it
   * carries; fields a kind does not use are ignored. {@code valid} is true unless set: an invalid
   * assessment (which closes the complaint, R-CPL-1) is said explicitly, with the explanation as the note.
   */
  public static final class Step {
    private final String kind;
    private String note;
    private boolean valid = true;
    private long departmentId;
    private Instant promisedAt;
    private String cause;
    private String responsible;
    private String solution;
    private long proposalId;
    private String satisfaction;
    private String severity;
    private String target;
    private Instant happenedAt;
    private boolean accepted;

    /** A step of {@code kind}. */
    public Step(String kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What was said or done (required by close, reopen, pause, escalate, severity, harm, an invalid assessment). */
    public Step note(String v) {
      note = v;
      return this;
    }

    /** assess: valid (true) or invalid (false: closed, the note as the explanation). */
    public Step valid(boolean v) {
      valid = v;
      return this;
    }

    /** assign: the responsible department and the time promised to the customer. */
    public Step assign(long department, Instant promised) {
      departmentId = department;
      promisedAt = promised;
      return this;
    }

    /** investigate: the cause found and the person responsible (may be null). */
    public Step cause(String found, String person) {
      cause = found;
      responsible = person;
      return this;
    }

    /** propose: a solution. */
    public Step solution(String v) {
      solution = v;
      return this;
    }

    /** choose: the propose step (its event id) the supervisor picks. */
    public Step proposal(long eventId) {
      proposalId = eventId;
      return this;
    }

    /** followup: satisfied, average or unsatisfied. */
    public Step satisfaction(String v) {
      satisfaction = v;
      return this;
    }

    /** severity: the new severity. */
    public Step severity(String v) {
      severity = v;
      return this;
    }

    /** escalate: the target escalated (director, escalate, answer, resolve, reply). */
    public Step target(String v) {
      target = v;
      return this;
    }

    /** implement: the customer, told of the work done, signed its acceptance (required, R-CPL-3). */
    public Step accepted(boolean v) {
      accepted = v;
      return this;
    }

    /** When it happened, if it is noted later (null: the actor's instant). */
    public Step happenedAt(Instant v) {
      happenedAt = v;
      return this;
    }

    fd_complaint_step toNative() throws FrontdeskException {
      fd_complaint_step s = new fd_complaint_step();
      try {
        s.setKind(parsed("step", kind));
        s.setNote(note);
        s.setValid(valid ? 1 : 0);
        s.setDepartment_id(departmentId);
        if (promisedAt != null) s.setPromised_at(Convert.seconds(promisedAt, "step.promised_at"));
        s.setCause(cause);
        s.setResponsible(responsible);
        s.setSolution(solution);
        s.setProposal_id(proposalId);
        s.setSatisfaction(parsed("satisfaction", satisfaction));
        s.setSeverity(parsed("severity", severity));
        s.setTarget(parsed("target", target));
        if (happenedAt != null) s.setHappened_at(Convert.seconds(happenedAt, "step.happened_at"));
        s.setAccepted(accepted ? 1 : 0);
        return s;
      } catch (FrontdeskException | RuntimeException e) {
        s.delete();
        throw e;
      }
    }
  }

  private static <R> R withStep(Step step, Convert.Call<fd_complaint_step, R> call) throws FrontdeskException {
    fd_complaint_step s = Objects.requireNonNull(step, "step").toNative();
    try {
      return call.run(s);
    } finally {
      s.delete();
    }
  }

  /**
   * R-CPL-3: the state {@code complaint} (as stored: state, waiting, harm, validity) goes to when it takes
   * {@code step}; throws FD_ESTATE naming the state and the steps it allows, FD_EINVAL naming the field.
   */
  public static String checkStep(Complaint complaint, Step step) throws FrontdeskException {
    return withCodes(complaint, c -> withStep(step, s -> {
      String[] to = new String[1];
      FrontdeskNative.fd_complaint_step_check(to, c, s);
      return to[0];
    }));
  }

  /** The steps complaint state {@code state} allows, in lifecycle order. */
  public static List<String> stepsAllowed(String state) throws FrontdeskException {
    String text = Out.string(o -> FrontdeskNative.fd_complaint_steps_allowed(o, state));
    return text.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(Arrays.asList(text.split(", ")));
  }

  // -- targets and their clocks (pure) ----------------------------------------------------------

  /**
   * One target a severity sets (R-CPL-2, R-CPL-4): the deadline key it counts, its amount and unit from
   * the policy, the step that starts it ("register": from the received time; "report": the department's
   * report), the step that meets it, and whether waiting for the customer pauses it.
   */
  public static final class TargetPlan {
    private final String severity;
    private final String target;
    private final String policyKey;
    private final long amount;
    private final WorkCalendar.Unit unit;
    private final String startStep;
    private final String metBy;
    private final boolean pausedByWaiting;

    private TargetPlan(String severity, fd_complaint_target_plan p) {
      this.severity = severity;
      target = p.getTarget();
      policyKey = p.getPolicy_key();
      amount = p.getAmount();
      unit = WorkCalendar.Unit.of(p.getUnit());
      startStep = p.getStart_step();
      metBy = p.getMet_by();
      pausedByWaiting = p.getPaused_by_waiting() != 0;
    }

    private TargetPlan(TargetPlan o, long amount, WorkCalendar.Unit unit) {
      severity = o.severity;
      target = o.target;
      policyKey = o.policyKey;
      this.amount = amount;
      this.unit = Objects.requireNonNull(unit, "unit");
      startStep = o.startStep;
      metBy = o.metBy;
      pausedByWaiting = o.pausedByWaiting;
    }

    /** The same target with other terms: those a stored target was set with (its amount and unit). */
    public TargetPlan withTerms(long amount, WorkCalendar.Unit unit) {
      return new TargetPlan(this, amount, unit);
    }

    public String severity() {
      return severity;
    }

    public String target() {
      return target;
    }

    public String policyKey() {
      return policyKey;
    }

    public long amount() {
      return amount;
    }

    public WorkCalendar.Unit unit() {
      return unit;
    }

    public String startStep() {
      return startStep;
    }

    public String metBy() {
      return metBy;
    }

    public boolean pausedByWaiting() {
      return pausedByWaiting;
    }

    /** The native plan: the severity's own, with this plan's terms. */
    fd_complaint_target_plan toNative() throws FrontdeskException {
      fd_complaint_target_plan[] all = plansOf(severity, null);
      fd_complaint_target_plan found = null;
      for (fd_complaint_target_plan p : all) {
        if (p != null && found == null && p.getTarget().equals(target)) {
          found = p;
        } else if (p != null) {
          p.delete();
        }
      }
      if (found == null) {
        throw new FrontdeskException(Frontdesk.EINVAL, "plan: a " + severity + " complaint has no " + target + " target");
      }
      found.setAmount(amount);
      found.setUnit(unit.code);
      return found;
    }

    @Override
    public String toString() {
      return severity + " " + target + " (" + policyKey + ": " + amount + " " + unit.label() + ")";
    }
  }

  private static fd_complaint_target_plan[] plansOf(String severity, Policy policy) throws FrontdeskException {
    fd_complaint_target_plan[] all = new fd_complaint_target_plan[TARGETS_MAX];
    if (policy == null) {
      FrontdeskNative.fd_complaint_target_plan_of(all, severity, null);
    } else {
      policy.call(p -> {
        FrontdeskNative.fd_complaint_target_plan_of(all, severity, p);
        return null;
      });
    }
    return all;
  }

  /** R-CPL-2: the targets of {@code severity} (a code or its label) under {@code policy} (null: the defaults). */
  public static List<TargetPlan> targetPlan(String severity, Policy policy) throws FrontdeskException {
    String code = codeParse("severity", severity);
    List<TargetPlan> out = new ArrayList<>();
    for (fd_complaint_target_plan p : plansOf(code, policy)) {
      if (p != null) {
        out.add(new TargetPlan(code, p));
        p.delete();
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * A target's clock at an instant (R-CPL-2): when it started and is due (null: not started, or paused),
   * whether it is paused, the seconds paused waiting for the customer, when it was met, whether it is
   * breached, the seconds left (negative: overdue; business seconds for business units), and the calendar
   * data that computed the deadline.
   */
  public static final class Clock {
    private final Instant startAt;
    private final Instant dueAt;
    private final boolean paused;
    private final long pausedSeconds;
    private final Instant metAt;
    private final boolean breached;
    private final long remaining;
    private final boolean provisional;
    private final String version;
    private final boolean closed;

    private static Instant at(long s) {
      return s == 0 ? null : Convert.instant(s);
    }

    Clock(fd_complaint_clock k) {
      startAt = at(k.getStart_at());
      dueAt = at(k.getDue_at());
      paused = k.getPaused() != 0;
      pausedSeconds = k.getPaused_s();
      metAt = at(k.getMet_at());
      breached = k.getBreached() != 0;
      remaining = k.getRemaining();
      provisional = k.getProvisional() != 0;
      version = k.getVersion_text();
      closed = k.getClosed() != 0;
    }

    public Instant startAt() {
      return startAt;
    }

    public Instant dueAt() {
      return dueAt;
    }

    public boolean isPaused() {
      return paused;
    }

    public long pausedSeconds() {
      return pausedSeconds;
    }

    public Instant metAt() {
      return metAt;
    }

    public boolean isBreached() {
      return breached;
    }

    public long remaining() {
      return remaining;
    }

    public boolean isProvisional() {
      return provisional;
    }

    public String version() {
      return version;
    }

    /** The complaint was closed before the target's step: the clock stopped at {@link #metAt}, NOT met. */
    public boolean isClosed() {
      return closed;
    }

    @Override
    public String toString() {
      return "Clock[start=" + startAt + ", due=" + dueAt + ", paused=" + paused + " (" + pausedSeconds + " s)"
          + ", met=" + metAt + (closed ? " (closed, not met)" : "") + ", breached=" + breached + ", remaining="
          + remaining + " s, version=" + version + (provisional ? " provisional" : "") + "]";
    }
  }

  /**
   * R-CPL-2: target {@code plan}'s clock of {@code complaint} at {@code now}, rebuilt by replaying its
   * {@code events} (in id order, as stored) on {@code calendar} (with {@code policy}'s calendar keys; null:
   * the calendar's own): started by its start step, paused while waiting when the plan pauses, stopped by
   * its meeting step.
   */
  public static Clock targetClock(TargetPlan plan, Complaint complaint, List<ComplaintEvent> events,
                                  WorkCalendar calendar, Instant now, Policy policy) throws FrontdeskException {
    long at = Convert.seconds(now, "now");
    Objects.requireNonNull(events, "events");
    List<fd_complaint_event> natives = new ArrayList<>();
    fd_complaint_clock k = new fd_complaint_clock();
    fd_complaint_target_plan p = Objects.requireNonNull(plan, "plan").toNative();
    try {
      for (ComplaintEvent e : events) {
        natives.add(e == null ? null : e.toNative());
      }
      fd_complaint_event[] arr = natives.toArray(new fd_complaint_event[0]);
      withCodes(complaint, c -> Objects.requireNonNull(calendar, "calendar").call(policy, (cal, pol) -> {
        FrontdeskNative.fd_complaint_target_eval(k, p, c, arr, cal, pol, at);
        return null;
      }));
      return new Clock(k);
    } finally {
      for (fd_complaint_event n : natives) {
        if (n != null) {
          n.delete();
        }
      }
      p.delete();
      k.delete();
    }
  }

  // -- the store's side -------------------------------------------------------------------------

  /** Registers a complaint (R-CPL-1) at the actor's site with its targets (R-CPL-2). Returns its id. */
  public static long add(Store store, Actor actor, Complaint complaint) throws FrontdeskException {
    return withCodes(complaint, c -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_complaint_add(o, store.handle(), a, c))));
  }

  /**
   * A complaint from a logged call in one call (R-CPL-1, R-CALL-9): received when it rang, by phone, the
   * caller's name, number and matter where {@code complaint} leaves them out (give category and severity).
   */
  public static long fromCall(Store store, Actor actor, long callId, Complaint complaint) throws FrontdeskException {
    return withCodes(complaint, c -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_complaint_from_call(o, store.handle(), a, callId, c))));
  }

  /**
   * The complaint takes {@code step} (R-CPL-3 … R-CPL-5): its event, its fields and its targets in one
   * transaction. FD_ESTATE names the state and the steps it allows; FD_EBUSY means another clerk's step
   * came first: read the complaint again. Returns the event's id.
   */
  public static long step(Store store, Actor actor, long complaintId, Step step) throws FrontdeskException {
    return withStep(step, s -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_complaint_step(o, store.handle(), a, complaintId, s))));
  }

  /** Target {@code targetId}'s clock at the actor's instant, replayed from the stored events (R-CPL-2). */
  public static Clock clock(Store store, Actor actor, long targetId) throws FrontdeskException {
    fd_complaint_clock k = new fd_complaint_clock();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_complaint_clock(k, store.handle(), a, targetId);
        return null;
      });
      return new Clock(k);
    } finally {
      k.delete();
    }
  }

  /** Adds a category of the site's own (R-COM-5; needs the manage grant). Returns its id. */
  public static long addCategory(Store store, Actor actor, ComplaintCategory category) throws FrontdeskException {
    return category.withNative(c -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_complaint_category_add(o, store.handle(), a, c))));
  }

  /** Retires a category of the site's (needs the manage grant): no longer offered; complaints keep it. */
  public static void retireCategory(Store store, Actor actor, long categoryId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_complaint_category_retire(store.handle(), a, categoryId);
      return null;
    });
  }

  /** Complaints of the actor's site matching {@code filter} (null: all), personal data masked unless revealed. */
  public static RecordIterator<Complaint> complaints(Store store, Actor actor, ComplaintFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ComplaintFilter.query(filter, store.handle(), a));
  }

  /** One complaint by id. */
  public static Complaint complaint(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Complaint.get(store.handle(), a, id));
  }

  /** The steps of complaints matching {@code filter} (null: all), oldest first. */
  public static RecordIterator<ComplaintEvent> events(Store store, Actor actor, ComplaintEventFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ComplaintEventFilter.query(filter, store.handle(), a));
  }

  /** One step by id. */
  public static ComplaintEvent event(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> ComplaintEvent.get(store.handle(), a, id));
  }

  /** The targets of complaints matching {@code filter} (null: all), superseded ones too. */
  public static RecordIterator<ComplaintTarget> targets(Store store, Actor actor, ComplaintTargetFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ComplaintTargetFilter.query(filter, store.handle(), a));
  }

  /** One target by id. */
  public static ComplaintTarget target(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> ComplaintTarget.get(store.handle(), a, id));
  }

  /** The site's own categories matching {@code filter} (null: all). */
  public static RecordIterator<ComplaintCategory> categories(Store store, Actor actor, ComplaintCategoryFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ComplaintCategoryFilter.query(filter, store.handle(), a));
  }

  /** One category by id. */
  public static ComplaintCategory category(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> ComplaintCategory.get(store.handle(), a, id));
  }

  // -- the breach queue, escalation, holiday data, the end of the day, reply phrases (items 3-5, 7) ------------

  /**
   * A forbidden phrase found in a reply (R-CPL-7): the phrase as listed, and where the clerk typed it —
   * {@code text.substring(start, end)} of the text checked, however the phrase was typed (不 知 道, ＂不行＂, 沒辦法).
   */
  public static final class ReplyHit {
    private final String phrase;
    private final int start;
    private final int end;

    ReplyHit(String phrase, int start, int end) {
      this.phrase = phrase;
      this.start = start;
      this.end = end;
    }

    /** The phrase as listed. */
    public String phrase() {
      return phrase;
    }

    /** Where the phrase starts in the text checked (a {@link String} index). */
    public int start() {
      return start;
    }

    /** Where it ends (exclusive). */
    public int end() {
      return end;
    }

    @Override
    public String toString() {
      return phrase + "[" + start + "," + end + ")";
    }
  }

  /** The hits of {@code hits} (freed here) with UTF-8 byte offsets turned into indices of {@code text}. */
  private static List<ReplyHit> replyHits(SWIGTYPE_p_fd_reply_hits hits, String text) throws FrontdeskException {
    try {
      long n = FrontdeskNative.fd_reply_hits_count(hits);
      List<ReplyHit> out = new ArrayList<>();
      if (n == 0) {
        return out;
      }
      int[] index = new int[text.getBytes(StandardCharsets.UTF_8).length + 1];
      int at = 0;
      for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
        index[at] = i;
        int cp = text.codePointAt(i);
        at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      }
      index[at] = text.length();
      for (long i = 0; i < n; i++) {
        String[] phrase = new String[1];
        long[] start = new long[1];
        long[] end = new long[1];
        FrontdeskNative.fd_reply_hits_get(phrase, start, end, hits, i);
        out.add(new ReplyHit(phrase[0], index[(int) start[0]], index[(int) end[0]]));
      }
      return out;
    } finally {
      FrontdeskNative.fd_reply_hits_free(hits);
    }
  }

  /**
   * R-CPL-7, R-CALL-2: the forbidden phrases in {@code text}, in order of where they start (overlapping ones
   * too). {@code phrases}: the list to check (null: the built-in one: 不行, 不知道, 不可以, 喂, 没办法 ...).
   * Matched after the search fold of both: full-width, Traditional, case, spaces.
   */
  public static List<ReplyHit> checkReply(String text, List<String> phrases) throws FrontdeskException {
    /* each phrase ends its line, so that an empty last one is an empty line (refused), not a line break */
    String list = phrases == null ? null : phrases.isEmpty() ? "" : String.join("\n", phrases) + "\n";
    SWIGTYPE_p_fd_reply_hits[] hits = new SWIGTYPE_p_fd_reply_hits[1];
    FrontdeskNative.fd_reply_check(hits, text, list);
    return replyHits(hits[0], text);
  }

  /** Whether an escalation may fire now, and if not, when the next opening is. */
  public static final class EscalationWindow {
    private final boolean open;
    private final Instant next;

    EscalationWindow(boolean open, Instant next) {
      this.open = open;
      this.next = next;
    }

    /** True inside business hours of a working day (or at any time when the policy says so). */
    public boolean isOpen() {
      return open;
    }

    /** The next opening when not open, null when open. */
    public Instant nextOpening() {
      return next;
    }
  }

  /**
   * Whether an escalation may fire at {@code now} (R-CPL-2): inside business hours of a working day of
   * {@code calendar} (a make-up Saturday too), or at any time when {@code policy} (null: the defaults) says
   * {@code complaint.escalate_after_hours} = 1.
   */
  public static EscalationWindow mayEscalate(WorkCalendar calendar, Instant now, Policy policy)
      throws FrontdeskException {
    long at = Convert.seconds(now, "now");
    int[] open = new int[1];
    long[] next = new long[1];
    Objects.requireNonNull(calendar, "calendar").call(policy, (cal, pol) -> {
      FrontdeskNative.fd_complaint_may_escalate(open, next, cal, pol, at);
      return null;
    });
    return new EscalationWindow(open[0] != 0, next[0] == 0 ? null : Convert.instant(next[0]));
  }

  /** Which part of the breach queue {@link #queue} reads. */
  public enum QueueKind {
    /** Open targets due within the horizon (breached ones too). */
    DUE(fd_complaint_queue_kind.FD_COMPLAINT_DUE.swigValue()),
    /** Open targets past their due. */
    BREACHED(fd_complaint_queue_kind.FD_COMPLAINT_BREACHED.swigValue()),
    /** Breached and not escalated yet. */
    ESCALATE(fd_complaint_queue_kind.FD_COMPLAINT_ESCALATE.swigValue());

    private final int code;

    QueueKind(int code) {
      this.code = code;
    }
  }

  /**
   * One page of the breach queue of the actor's site at the actor's instant (R-CPL-2, R-CPL-5): the open
   * targets of {@code kind} ({@code within}: the horizon of {@link QueueKind#DUE}), those still causing harm
   * first, then by due. Page on with the last row's id as {@code after}; at most {@code limit} (1..64).
   */
  public static RecordIterator<ComplaintTarget> queue(Store store, Actor actor, QueueKind kind, Duration within,
                                                      long after, long limit) throws FrontdeskException {
    long horizon = kind == QueueKind.DUE ? Objects.requireNonNull(within, "within").getSeconds() : 0;
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_complaint_target_iter[] it = new SWIGTYPE_p_fd_complaint_target_iter[1];
      FrontdeskNative.fd_store_complaint_queue(it, store.handle(), a, Objects.requireNonNull(kind, "kind").code,
          horizon, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_complaint_target_iter_free, i -> {
        fd_complaint_target[] row = new fd_complaint_target[1];
        FrontdeskNative.fd_complaint_target_iter_next(row, i);
        return row[0] == null ? null : ComplaintTarget.fromNative(row[0]);
      });
    });
  }

  /** What an escalation run did. */
  public static final class Escalation {
    private final long breached;
    private final long escalated;
    private final long deferred;
    private final Instant nextAt;

    Escalation(fd_complaint_escalation r) {
      breached = r.getBreached();
      escalated = r.getEscalated();
      deferred = r.getDeferred();
      nextAt = r.getNext_at() == 0 ? null : Convert.instant(r.getNext_at());
    }

    /** Targets newly found past due (their breach recorded once). */
    public long breached() {
      return breached;
    }

    /** Escalations written (an escalate step each). */
    public long escalated() {
      return escalated;
    }

    /** Breaches left for the next opening, outside business hours. */
    public long deferred() {
      return deferred;
    }

    /** When the deferred ones may fire, null when none is deferred. */
    public Instant nextAt() {
      return nextAt;
    }
  }

  /**
   * The escalation run at the actor's instant (R-CPL-2; the system: an actor with staff 0): records each breach
   * once and escalates those not escalated yet — in business hours, unless the policy says any time.
   * Idempotent at the same instant.
   */
  public static Escalation escalate(Store store, Actor actor) throws FrontdeskException {
    fd_complaint_escalation r = new fd_complaint_escalation();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_complaint_escalate_run(r, store.handle(), a);
        return null;
      });
      return new Escalation(r);
    } finally {
      r.delete();
    }
  }

  /**
   * Recomputes the open targets of the actor's site on the calendar the store has now (needs the manage
   * grant); a breach recorded stays. Returns how many targets changed.
   */
  public static long recompute(Store store, Actor actor) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_complaint_recompute(o, store.handle(), a)));
  }

  /**
   * Loads newer holiday data (a year's official schedule, the calendar's file format with {@code extends
   * builtin}) into the store for good (needs the manage grant): every calendar the store builds counts with it,
   * and the site's open complaint targets are recomputed. Returns how many targets changed.
   */
  public static long addCalendarData(Store store, Actor actor, String text) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_calendar_data_add(o, store.handle(), a, text)));
  }

  /**
   * R-COM-4, the end of the day: the complaints of the actor's site received on its local {@code day} not closed
   * and with neither a first contact, an answer nor a reply, in id order: after id {@code after}, at most
   * {@code limit} (1..64). Personal data masked unless revealed.
   */
  public static RecordIterator<Complaint> unanswered(Store store, Actor actor, LocalDate day, long after, long limit)
      throws FrontdeskException {
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_complaint_iter[] it = new SWIGTYPE_p_fd_complaint_iter[1];
      FrontdeskNative.fd_store_complaint_unanswered(it, store.handle(), a, day, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_complaint_iter_free, i -> {
        fd_complaint[] row = new fd_complaint[1];
        FrontdeskNative.fd_complaint_iter_next(row, i);
        return row[0] == null ? null : Complaint.fromNative(row[0]);
      });
    });
  }

  /**
   * Adds {@code phrase} to the site's forbidden phrases (R-CPL-7; needs the manage grant). FD_ECONFLICT when the
   * site has it, or it is built in, once folded. Returns its id.
   */
  public static long addReplyPhrase(Store store, Actor actor, String phrase) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_reply_phrase_add(o, store.handle(), a, phrase)));
  }

  /** Retires one of the site's forbidden phrases (needs the manage grant): kept, no longer checked. */
  public static void retireReplyPhrase(Store store, Actor actor, long phraseId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_reply_phrase_retire(store.handle(), a, phraseId);
      return null;
    });
  }

  /** The site's own forbidden phrases matching {@code filter} (null: all). */
  public static RecordIterator<ReplyPhrase> replyPhrases(Store store, Actor actor, ReplyPhraseFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ReplyPhraseFilter.query(filter, store.handle(), a));
  }

  /** One of the site's forbidden phrases by id. */
  public static ReplyPhrase replyPhrase(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> ReplyPhrase.get(store.handle(), a, id));
  }

  /** R-CPL-7 at the actor's site: {@link #checkReply} against the built-in phrases and the site's in use. */
  public static List<ReplyHit> checkReply(Store store, Actor actor, String text) throws FrontdeskException {
    SWIGTYPE_p_fd_reply_hits[] hits = new SWIGTYPE_p_fd_reply_hits[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_store_reply_check(hits, store.handle(), a, text);
      return null;
    });
    return replyHits(hits[0], text);
  }
}
