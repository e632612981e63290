package org.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_plan_summary;
import org.frontdesk.swig.SWIGTYPE_p_fd_planned_visit_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_recurring;
import org.frontdesk.swig.SWIGTYPE_p_fd_survey_results;
import org.frontdesk.swig.fd_plan_summary_counts;
import org.frontdesk.swig.fd_plan_summary_totals;
import org.frontdesk.swig.fd_planned_visit;
import org.frontdesk.swig.fd_recurring_row;
import org.frontdesk.swig.fd_survey_result_row;
import org.frontdesk.swig.fd_visit_plan;

/**
 * Visit plans, owners' surveys and the plans month summary (issue 15 items 5-6). A plan's appointments
 * fall on the site's working calendar: a nominal day that is a rest day moves to the next working day at
 * the same local time, a 调休 Saturday is a working day (R-PLN-4). Planned vs actual visits, questions
 * taken away and answered later through a reply task, owners' surveys every plan.survey_interval_months
 * with their results, and the month counted with recurring problems (R-PLN-5). The rules
 * ({@link #validate}, {@link #occurrence}, {@link #next}, {@link #surveyQuestions}, {@link #surveyDue},
 * {@link Recurring}, {@link SummaryAccumulator}) are pure; the rest reads and writes a {@link Store}.
 * Codes are English words ("weekly"); their labels (每周, 已拜访) are taken too. The month's report is
 * {@link PlansMonthReport}.
 */
public final class VisitPlans {
  private VisitPlans() {}

  private static String parsed(String list, String v) throws FrontdeskException {
    return v == null || v.isEmpty() ? v : Plans.codeParse(list, v);
  }

  /** Runs {@code call} with a native copy of {@code plan} whose recurrence (a code or a label) is parsed. */
  private static <R> R withPlan(VisitPlan plan, Convert.Call<fd_visit_plan, R> call) throws FrontdeskException {
    return Objects.requireNonNull(plan, "plan").withNative(n -> {
      String r = n.getRecurrence();
      if (r != null && !r.isEmpty()) {
        try {
          n.setRecurrence(Plans.codeParse("recurrence", r));
        } catch (FrontdeskException e) {
          // not a code of the list: kept as typed, refused by the check naming visit_plan.recurrence
        }
      }
      return call.run(n);
    });
  }

  private static Instant instantOrNull(long seconds) {
    return seconds == 0 ? null : Convert.instant(seconds);
  }

  // -- visit plans on the working calendar (pure, R-PLN-4) -------------------------------------

  /**
   * R-PLN-4: the checks the store makes of a plan before adding it (recurrence of its list, interval 0
   * for once and 1..366 otherwise, first_at, one customer, assigned_to); throws naming the field.
   */
  public static void validate(VisitPlan plan) throws FrontdeskException {
    withPlan(plan, n -> {
      FrontdeskNative.fd_visit_plan_validate(n);
      return null;
    });
  }

  /**
   * R-PLN-4: appointment {@code index} (0 = the first) of {@code plan} on {@code calendar}; null when there
   * is none (a once plan past the first, or on or after until_on).
   */
  public static Instant occurrence(VisitPlan plan, WorkCalendar calendar, long index) throws FrontdeskException {
    return withPlan(plan, n -> Objects.requireNonNull(calendar, "calendar").call(c ->
        instantOrNull(Out.int64(o -> FrontdeskNative.fd_visit_plan_occurrence(o, n, c, index)))));
  }

  /** R-PLN-4: the first appointment of {@code plan} strictly after {@code after} (null: the first), or null. */
  public static Instant next(VisitPlan plan, WorkCalendar calendar, Instant after) throws FrontdeskException {
    long a = after == null ? 0 : Convert.seconds(after, "after");
    return withPlan(plan, n -> Objects.requireNonNull(calendar, "calendar").call(c ->
        instantOrNull(Out.int64(o -> FrontdeskNative.fd_visit_plan_next(o, n, c, a)))));
  }

  // -- the owners' survey (pure, R-PLN-5) ----------------------------------------------------

  /**
   * R-PLN-5: the questions of {@code questions} (one per line; blank lines and surrounding spaces
   * ignored). FD_EINVAL naming questions when there is none, FD_ERANGE for over 100 or a line over 500 bytes.
   */
  public static List<String> surveyQuestions(String questions) throws FrontdeskException {
    long n = Out.int64(o -> FrontdeskNative.fd_survey_questions(o, new String[1], questions, 0));
    List<String> out = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      final long line = i;
      out.add(Out.string(t -> FrontdeskNative.fd_survey_questions(new long[1], t, questions, line)));
    }
    return Collections.unmodifiableList(out);
  }

  /** R-PLN-5: the checks of a survey (title, closes_on after opened_on, the questions); throws naming the field. */
  public static void validateSurvey(Survey survey) throws FrontdeskException {
    Objects.requireNonNull(survey, "survey").withNative(n -> {
      FrontdeskNative.fd_survey_validate(n);
      return null;
    });
  }

  /**
   * R-PLN-5: the day the next owners' survey is due: {@code lastOpened} plus {@code policy}'s
   * plan.survey_interval_months (null policy: 12), the same day of the month or the month's last;
   * {@code lastOpened} null (no survey yet): {@code today}.
   */
  public static LocalDate surveyDue(LocalDate lastOpened, LocalDate today, Policy policy) throws FrontdeskException {
    Convert.required(today, "today");
    if (lastOpened == null) {
      return today;
    }
    if (policy == null) {
      return Out.date(o -> FrontdeskNative.fd_survey_due(o, lastOpened, today, null));
    }
    return policy.call(p -> Out.date(o -> FrontdeskNative.fd_survey_due(o, lastOpened, today, p)));
  }

  // -- recurring problems (pure, R-PLN-5) ----------------------------------------------------

  /** A unit or a category with problems three times or more within 90 days (R-PLN-5). */
  public static final class RecurringProblem {
    private final String kind;
    private final long unitId;
    private final String category;
    private final long count;
    private final Instant firstAt;
    private final Instant lastAt;
    private final long total;

    RecurringProblem(fd_recurring_row r) {
      kind = r.getKind();
      unitId = r.getUnit_id();
      category = r.getCategory();
      count = r.getCount();
      firstAt = Convert.instant(r.getFirst_at());
      lastAt = Convert.instant(r.getLast_at());
      total = r.getTotal();
    }

    /** "unit" or "category". */
    public String kind() {
      return kind;
    }

    /** Kind unit: the unit; else 0. */
    public long unitId() {
      return unitId;
    }

    /** Kind category: the category code; else "". */
    public String category() {
      return category;
    }

    /** The most rows within one 90-day window (at least 3). */
    public long count() {
      return count;
    }

    /** That window's first row. */
    public Instant firstAt() {
      return firstAt;
    }

    /** That window's last row. */
    public Instant lastAt() {
      return lastAt;
    }

    /** All rows of the unit or category fed. */
    public long total() {
      return total;
    }

    @Override
    public String toString() {
      return kind + " " + (unitId != 0 ? Long.toString(unitId) : category) + ": " + count + " in 90 days";
    }
  }

  private static List<RecurringProblem> rows(SWIGTYPE_p_fd_recurring h) throws FrontdeskException {
    List<RecurringProblem> out = new ArrayList<>();
    long n = FrontdeskNative.fd_recurring_count(h);
    for (long i = 0; i < n; i++) {
      fd_recurring_row r = new fd_recurring_row();
      try {
        FrontdeskNative.fd_recurring_get(r, h, i);
        out.add(new RecurringProblem(r));
      } finally {
        r.delete();
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * R-PLN-5 without the store: feed (unit, category, instant) rows of repairs and complaints with
   * {@link #add}; {@link #rows} lists the recurring problems so far (units first by id, then categories).
   */
  public static final class Recurring extends NativeHandle<SWIGTYPE_p_fd_recurring> {
    private Recurring(SWIGTYPE_p_fd_recurring p) {
      super(p, FrontdeskNative::fd_recurring_free);
    }

    /** An empty accumulator. Close it. */
    public static Recurring create() throws FrontdeskException {
      SWIGTYPE_p_fd_recurring[] out = new SWIGTYPE_p_fd_recurring[1];
      FrontdeskNative.fd_recurring_new(out);
      return new Recurring(out[0]);
    }

    /** One problem: unit {@code unitId} (0: none), category code {@code category} ("": none), received {@code at}. */
    public Recurring add(long unitId, String category, Instant at) throws FrontdeskException {
      long s = Convert.seconds(at, "at");
      run(h -> FrontdeskNative.fd_recurring_add(h, unitId, category, s));
      return this;
    }

    /** The recurring problems of the rows fed so far. */
    public List<RecurringProblem> rows() throws FrontdeskException {
      return call(VisitPlans::rows);
    }
  }

  // -- the monthly summary (R-PLN-5) ------------------------------------------------------------

  /**
   * The counts of one kind of task due in the month: due, done, in time, missed (not done past due, or
   * closed undone), pending (not yet due), and the satisfaction of the done ones.
   */
  public static final class Counts {
    private final long[] n;

    Counts(fd_plan_summary_counts c) {
      n = new long[] {c.getDue(), c.getDone(), c.getIn_time(), c.getMissed(), c.getPending(), c.getSatisfied(),
                      c.getAverage(), c.getUnsatisfied()};
    }

    /** Due in the month. */
    public long due() {
      return n[0];
    }

    /** Done. */
    public long done() {
      return n[1];
    }

    /** Of them in time. */
    public long inTime() {
      return n[2];
    }

    /** Not done, past due (or closed undone). */
    public long missed() {
      return n[3];
    }

    /** Not done, not yet due. */
    public long pending() {
      return n[4];
    }

    /** 满意. */
    public long satisfied() {
      return n[5];
    }

    /** 一般. */
    public long average() {
      return n[6];
    }

    /** 不满意. */
    public long unsatisfied() {
      return n[7];
    }

    /** In time over due in percent; null when nothing was due. */
    public Double inTimeShare() {
      return n[0] == 0 ? null : 100.0 * n[2] / n[0];
    }

    /** Satisfied over done in percent; null when none was done. */
    public Double satisfiedShare() {
      return n[1] == 0 ? null : 100.0 * n[5] / n[1];
    }
  }

  /**
   * A month's plans counted (R-PLN-5; plans.h fd_plan_summary gives the definitions: tasks DUE in the
   * month; missed and pending as of the instant it was counted at).
   */
  public static final class Summary {
    private final YearMonth month;
    private final Instant start;
    private final Instant end;
    private final Counts visits;
    private final Counts callbacks;
    private final Counts members;
    private final Counts followups;
    private final long[] n;

    Summary(SWIGTYPE_p_fd_plan_summary h) throws FrontdeskException {
      fd_plan_summary_totals t = new fd_plan_summary_totals();
      try {
        FrontdeskNative.fd_plan_summary_get(t, h);
        month = YearMonth.of(t.getYear(), t.getMonth());
        start = Convert.instant(t.getMonth_start());
        end = Convert.instant(t.getMonth_end());
        visits = new Counts(t.getVisits());
        callbacks = new Counts(t.getCallbacks());
        members = new Counts(t.getMembers());
        followups = new Counts(t.getFollowups());
        n = new long[] {t.getVisits_cancelled(), t.getCallbacks_closed(), t.getFollowups_not_fixed(),
                        t.getFollowups_superseded(), t.getQuestions(), t.getQuestions_answered()};
      } finally {
        t.delete();
      }
    }

    /** The month counted. */
    public YearMonth month() {
      return month;
    }

    /** Local 00:00 of its first day. */
    public Instant start() {
      return start;
    }

    /** Local 00:00 of the next month's first day (not in it). */
    public Instant end() {
      return end;
    }

    /** Planned visits. */
    public Counts visits() {
      return visits;
    }

    /** Callbacks of every source. */
    public Counts callbacks() {
      return callbacks;
    }

    /** Of the callbacks those of member customers (R-PLN-2). */
    public Counts members() {
      return members;
    }

    /** Follow-ups of repairs (R-PLN-1). */
    public Counts followups() {
      return followups;
    }

    /** Visits cancelled (their plan ended). */
    public long visitsCancelled() {
      return n[0];
    }

    /** Callbacks closed without reaching the customer. */
    public long callbacksClosed() {
      return n[1];
    }

    /** Follow-ups that found the repair not fixed. */
    public long followupsNotFixed() {
      return n[2];
    }

    /** Follow-ups superseded by a rework. */
    public long followupsSuperseded() {
      return n[3];
    }

    /** Questions taken away from visits, raised in the month. */
    public long questions() {
      return n[4];
    }

    /** Of them answered. */
    public long questionsAnswered() {
      return n[5];
    }

    @Override
    public String toString() {
      return "Summary(" + month + ": visits " + visits.done() + "/" + visits.due() + ", callbacks "
          + callbacks.done() + "/" + callbacks.due() + ", follow-ups " + followups.done() + "/" + followups.due()
          + ")";
    }
  }

  /**
   * R-PLN-5 without the store: counts the planned visits, callbacks, follow-ups and questions it is given
   * for the local month of {@code calendar} as seen at {@code now}; one due (raised) outside it is refused
   * (FD_ERANGE naming due_at).
   */
  public static final class SummaryAccumulator extends NativeHandle<SWIGTYPE_p_fd_plan_summary> {
    private final WorkCalendar calendar; // counted on: kept alive with it

    private SummaryAccumulator(SWIGTYPE_p_fd_plan_summary p, WorkCalendar calendar) {
      super(p, FrontdeskNative::fd_plan_summary_free);
      this.calendar = calendar;
    }

    /** An empty accumulator for {@code month} of {@code calendar} at {@code now}. Close it. */
    public static SummaryAccumulator of(WorkCalendar calendar, YearMonth month, Instant now)
        throws FrontdeskException {
      Convert.required(month, "month");
      long s = Convert.seconds(now, "now");
      SWIGTYPE_p_fd_plan_summary[] out = new SWIGTYPE_p_fd_plan_summary[1];
      Objects.requireNonNull(calendar, "calendar").run(c ->
          FrontdeskNative.fd_plan_summary_new(out, c, month.getYear(), month.getMonthValue(), s));
      return new SummaryAccumulator(out[0], calendar);
    }

    /** Counts one planned visit. */
    public SummaryAccumulator add(PlannedVisit v) throws FrontdeskException {
      run(h -> calendar.run(c -> Objects.requireNonNull(v, "visit").withNative(n -> {
        FrontdeskNative.fd_plan_summary_add_visit(h, n);
        return null;
      })));
      return this;
    }

    /** Counts one callback. */
    public SummaryAccumulator add(Callback cb) throws FrontdeskException {
      run(h -> calendar.run(c -> Objects.requireNonNull(cb, "callback").withNative(n -> {
        FrontdeskNative.fd_plan_summary_add_callback(h, n);
        return null;
      })));
      return this;
    }

    /** Counts one follow-up. */
    public SummaryAccumulator add(Followup f) throws FrontdeskException {
      run(h -> calendar.run(c -> Objects.requireNonNull(f, "followup").withNative(n -> {
        FrontdeskNative.fd_plan_summary_add_followup(h, n);
        return null;
      })));
      return this;
    }

    /** Counts one question taken away from a visit. */
    public SummaryAccumulator add(VisitQuestion q) throws FrontdeskException {
      run(h -> calendar.run(c -> Objects.requireNonNull(q, "question").withNative(n -> {
        FrontdeskNative.fd_plan_summary_add_question(h, n);
        return null;
      })));
      return this;
    }

    /** The totals so far. */
    public Summary result() throws FrontdeskException {
      return call(Summary::new);
    }
  }

  // -- the store: visit plans, visits, questions (R-PLN-4) -------------------------------------

  /**
   * Adds {@code plan} at the actor's site, the actor being who planned it, and schedules its appointments
   * up to {@code until} (null: 90 days after first_at). Returns its id.
   */
  public static long addPlan(Store store, Actor actor, VisitPlan plan, Instant until) throws FrontdeskException {
    long u = until == null ? 0 : Convert.seconds(until, "until");
    return withPlan(plan, p -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_visit_plan_add(o, store.handle(), a, p, u))));
  }

  /** Schedules the plan's appointments up to {@code until} idempotently; how many were added. */
  public static long schedule(Store store, Actor actor, long planId, Instant until) throws FrontdeskException {
    long u = Convert.seconds(until, "until");
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_visit_plan_schedule(o, store.handle(), a, planId, u)));
  }

  /** Gives the plan and its visits not yet due to {@code assignedTo}; who planned it stays. */
  public static void reassign(Store store, Actor actor, long planId, long assignedTo) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_plan_reassign(store.handle(), a, planId, assignedTo);
      return null;
    });
  }

  /** Ends the plan at the actor's instant: its visits not yet due are cancelled. */
  public static void end(Store store, Actor actor, long planId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_plan_end(store.handle(), a, planId);
      return null;
    });
  }

  /**
   * Records a planned (or missed) visit done (拜访客户登记记录表): when ({@code doneAt} null: the actor's
   * instant), who went ({@code doneBy} 0: the actor's staff), what the customer said (may be null).
   */
  public static void recordVisit(Store store, Actor actor, long visitId, Instant doneAt, long doneBy, String said)
      throws FrontdeskException {
    long d = doneAt == null ? 0 : Convert.seconds(doneAt, "doneAt");
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_record(store.handle(), a, visitId, d, doneBy, said);
      return null;
    });
  }

  /** Marks missed every planned visit due before the actor's local day; how many. */
  public static long markMissed(Store store, Actor actor) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_visits_mark_missed(o, store.handle(), a)));
  }

  /**
   * One page of the planned visits due within {@code within} of the actor's instant ({@code overdueOnly}:
   * only those past due; within may be null then), by appointment; page on with the last row's id as
   * {@code after}, at most {@code limit} (1..64).
   */
  public static RecordIterator<PlannedVisit> due(Store store, Actor actor, boolean overdueOnly, Duration within,
                                                 long after, long limit) throws FrontdeskException {
    long horizon = overdueOnly && within == null ? 0 : Objects.requireNonNull(within, "within").getSeconds();
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_planned_visit_iter[] it = new SWIGTYPE_p_fd_planned_visit_iter[1];
      FrontdeskNative.fd_store_visits_due(it, store.handle(), a, overdueOnly ? 1 : 0, horizon, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_planned_visit_iter_free, i -> {
        fd_planned_visit[] row = new fd_planned_visit[1];
        FrontdeskNative.fd_planned_visit_iter_next(row, i);
        return row[0] == null ? null : PlannedVisit.fromNative(row[0]);
      });
    });
  }

  /**
   * A question the visit could not answer on the spot: recorded with a reply task (a callback of source
   * question, due followup.callback_days on the working calendar, out of quiet hours). Returns its id.
   */
  public static long addQuestion(Store store, Actor actor, long visitId, String question) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_visit_question_add(o, store.handle(), a, visitId, question)));
  }

  /** Answers a question later; its reply task is done. FD_ESTATE when it was answered already. */
  public static void answerQuestion(Store store, Actor actor, long questionId, String answer)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_question_answer(store.handle(), a, questionId, answer);
      return null;
    });
  }

  // -- the store: surveys (R-PLN-5) -----------------------------------------------------------------

  /** Starts an owners' survey (questions one per line). Returns its id. */
  public static long newSurvey(Store store, Actor actor, Survey survey) throws FrontdeskException {
    return Objects.requireNonNull(survey, "survey").withNative(n -> store.as(actor, a -> Out.int64(o ->
        FrontdeskNative.fd_store_survey_new(o, store.handle(), a, n))));
  }

  /**
   * One owner's answer to question {@code questionNo} of a survey open on the actor's day: {@code score}
   * 1..5 or 0 (none), {@code answer} optional; one per owner and question. Returns its id.
   */
  public static long answerSurvey(Store store, Actor actor, long surveyId, long occupantId, long questionNo,
                                  long score, String answer) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_survey_answer(o, store.handle(), a, surveyId,
        occupantId, questionNo, score, answer)));
  }

  /** One question's results. */
  public static final class QuestionResult {
    private final long questionNo;
    private final String question;
    private final long answers;
    private final long scored;
    private final long meanX100;

    QuestionResult(fd_survey_result_row r) {
      questionNo = r.getQuestion_no();
      question = r.getQuestion();
      answers = r.getAnswers();
      scored = r.getScored();
      meanX100 = r.getMean_x100();
    }

    /** 1 … */
    public long questionNo() {
      return questionNo;
    }

    /** Its text. */
    public String question() {
      return question;
    }

    /** Answers given. */
    public long answers() {
      return answers;
    }

    /** Of them with a score. */
    public long scored() {
      return scored;
    }

    /** The mean score × 100, rounded half up; -1 when none scored. */
    public long meanX100() {
      return meanX100;
    }
  }

  /** A survey's results: by question, how many owners answered, and the owners who did not. */
  public static final class SurveyResults {
    private final List<QuestionResult> questions;
    private final long asked;
    private final List<Long> notAsked;

    SurveyResults(SWIGTYPE_p_fd_survey_results h) throws FrontdeskException {
      List<QuestionResult> q = new ArrayList<>();
      long n = FrontdeskNative.fd_survey_results_count(h);
      for (long i = 0; i < n; i++) {
        fd_survey_result_row r = new fd_survey_result_row();
        try {
          FrontdeskNative.fd_survey_results_get(r, h, i);
          q.add(new QuestionResult(r));
        } finally {
          r.delete();
        }
      }
      List<Long> na = new ArrayList<>();
      long m = FrontdeskNative.fd_survey_results_not_asked_count(h);
      for (long i = 0; i < m; i++) {
        final long k = i;
        na.add(Out.int64(o -> FrontdeskNative.fd_survey_results_not_asked(o, h, k)));
      }
      questions = Collections.unmodifiableList(q);
      asked = FrontdeskNative.fd_survey_results_asked(h);
      notAsked = Collections.unmodifiableList(na);
    }

    /** By question, in order. */
    public List<QuestionResult> questions() {
      return questions;
    }

    /** Owners with an answer. */
    public long asked() {
      return asked;
    }

    /** Occupant ids of the owners living there when it opened without one, in id order. */
    public List<Long> notAsked() {
      return notAsked;
    }
  }

  /** R-PLN-5: survey {@code surveyId}'s results. */
  public static SurveyResults surveyResults(Store store, Actor actor, long surveyId) throws FrontdeskException {
    SWIGTYPE_p_fd_survey_results[] out = new SWIGTYPE_p_fd_survey_results[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_store_survey_results(out, store.handle(), a, surveyId);
      return null;
    });
    try {
      return new SurveyResults(out[0]);
    } finally {
      FrontdeskNative.fd_survey_results_free(out[0]);
    }
  }

  /** R-PLN-5: the day the site's next owners' survey is due (the actor's day when there was none). */
  public static LocalDate nextSurveyDue(Store store, Actor actor) throws FrontdeskException {
    return store.as(actor, a -> Out.date(o -> FrontdeskNative.fd_store_survey_due(o, store.handle(), a)));
  }

  // -- the store: the month (R-PLN-5) ----------------------------------------------------------------

  /** R-PLN-5: the site's local {@code month} counted, missed and pending at the actor's instant. */
  public static Summary summary(Store store, Actor actor, YearMonth month) throws FrontdeskException {
    Convert.required(month, "month");
    SWIGTYPE_p_fd_plan_summary[] out = new SWIGTYPE_p_fd_plan_summary[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_store_plan_summary(out, store.handle(), a, month.getYear(), month.getMonthValue());
      return null;
    });
    try {
      return new Summary(out[0]);
    } finally {
      FrontdeskNative.fd_plan_summary_free(out[0]);
    }
  }

  /** R-PLN-5: the recurring problems among the repairs and complaints received in [{@code from}, {@code to}). */
  public static List<RecurringProblem> recurringProblems(Store store, Actor actor, Instant from, Instant to)
      throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    SWIGTYPE_p_fd_recurring[] out = new SWIGTYPE_p_fd_recurring[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_store_recurring_problems(out, store.handle(), a, f, t);
      return null;
    });
    try {
      return rows(out[0]);
    } finally {
      FrontdeskNative.fd_recurring_free(out[0]);
    }
  }

  // -- the records ------------------------------------------------------------------------------------

  /** Visit plans matching {@code filter} (null: all). */
  public static RecordIterator<VisitPlan> plans(Store store, Actor actor, VisitPlanFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> VisitPlanFilter.query(filter, store.handle(), a));
  }

  /** One visit plan by id. */
  public static VisitPlan plan(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> VisitPlan.get(store.handle(), a, id));
  }

  /** Planned visits matching {@code filter} (null: all). */
  public static RecordIterator<PlannedVisit> visits(Store store, Actor actor, PlannedVisitFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> PlannedVisitFilter.query(filter, store.handle(), a));
  }

  /** One planned visit by id. */
  public static PlannedVisit visit(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> PlannedVisit.get(store.handle(), a, id));
  }

  /** Questions taken away from visits matching {@code filter} (null: all). */
  public static RecordIterator<VisitQuestion> questions(Store store, Actor actor, VisitQuestionFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> VisitQuestionFilter.query(filter, store.handle(), a));
  }

  /** One question by id. */
  public static VisitQuestion question(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> VisitQuestion.get(store.handle(), a, id));
  }

  /** Surveys matching {@code filter} (null: all). */
  public static RecordIterator<Survey> surveys(Store store, Actor actor, SurveyFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> SurveyFilter.query(filter, store.handle(), a));
  }

  /** One survey by id. */
  public static Survey survey(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Survey.get(store.handle(), a, id));
  }

  /** Survey answers matching {@code filter} (null: all). */
  public static RecordIterator<SurveyAnswer> answers(Store store, Actor actor, SurveyAnswerFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> SurveyAnswerFilter.query(filter, store.handle(), a));
  }

  /** One survey answer by id. */
  public static SurveyAnswer answer(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> SurveyAnswer.get(store.handle(), a, id));
  }
}
