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
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Visit plans, surveys and the plans month summary from Java (issue 15 items 5-6): R-PLN-4, R-PLN-5.
 * The built-in 2026 calendar: 02-14 and 02-28 are 调休 working Saturdays, 02-15 … 02-23 the Spring
 * Festival, 04-04 … 04-06 清明.
 */
public class VisitPlansTest {
  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long boss;
  private long v1;
  private long v2;
  private long unit;
  private long owner;
  private long owner2;

  private static Instant at(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SH).toInstant();
  }

  private static Instant at(int month, int day) {
    return at(month, day, 10, 0);
  }

  private static VisitPlan.Builder weekly(Instant first) {
    return VisitPlan.builder().occupantId(1).purpose("季度走访 𠮷").recurrence("每周").interval(1).firstAt(first)
        .assignedTo(7);
  }

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = at(1, 5);
    site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    Actor system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    boss = store.addStaff(system, "M001", "赵经理", "manager");
    v1 = store.addStaff(system, "K001", "周专员", "clerk");
    v2 = store.addStaff(system, "K002", "吴专员", "clerk");
    long b = Property.addBuilding(store, system, Building.builder().code("3").name("3号楼").build());
    unit = Property.addUnit(store, system, Unit.builder().buildingId(b).number("1201").use("residential").build());
    Occupant.Builder o = Occupant.builder().unitId(unit).role("owner").moveIn(LocalDate.of(2020, 1, 1));
    owner = Property.addOccupant(store, system, o.name("王𠮷丽").build());
    owner2 = Property.addOccupant(store, system, o.name("陈先生").build());
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  private Actor as(long staff, Instant when) {
    return Actor.of(site, staff, when);
  }

  private List<PlannedVisit> visitsOf(long plan, Actor a) throws Exception {
    try (RecordIterator<PlannedVisit> it = VisitPlans.visits(store, a, new PlannedVisitFilter().planId(plan))) {
      return it.stream().collect(Collectors.toList());
    }
  }

  private long weeklyPlan(Instant first, Instant until) throws Exception {
    return VisitPlans.addPlan(store, as(boss, first.minus(DAY.multipliedBy(3))),
        weekly(first).occupantId(owner).assignedTo(v1).build(), until);
  }

  @Test
  public void weeklyMovesOffRestDaysAndKeepsAMakeupSaturday_R_PLN_4() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin()) {
      VisitPlan p = weekly(at(2, 7)).build(); // a rest Saturday
      List<Instant> got = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        got.add(VisitPlans.occurrence(p, cal, i));
      }
      assertEquals(Arrays.asList(at(2, 9), at(2, 14), at(2, 24), at(2, 28)), got);
      VisitPlan wd = VisitPlan.builder().occupantId(1).purpose("巡访").recurrence("working_days").interval(2)
          .firstAt(at(4, 2, 14, 30)).assignedTo(7).build();
      assertEquals(at(4, 7, 14, 30), VisitPlans.occurrence(wd, cal, 1)); // over 清明
      VisitPlan until = weekly(at(4, 2)).untilOn(LocalDate.of(2026, 4, 16)).build();
      assertEquals(at(4, 2), VisitPlans.next(until, cal, null));
      assertEquals(at(4, 9), VisitPlans.next(until, cal, at(4, 2)));
      assertNull(VisitPlans.next(until, cal, at(4, 9))); // 04-16 is until_on
      VisitPlans.validate(until);
      fails(Frontdesk.ERANGE, "visit_plan.interval", () -> VisitPlans.validate(weekly(at(4, 2)).interval(0).build()));
      fails(Frontdesk.EINVAL, "visit_plan.recurrence",
          () -> VisitPlans.validate(weekly(at(4, 2)).recurrence("fortnightly").build()));
      fails(Frontdesk.ERANGE, "index", () -> VisitPlans.occurrence(until, cal, -1));
    }
  }

  @Test
  public void surveyQuestionsDueAndRecurringProblems_R_PLN_5() throws Exception {
    assertEquals(Arrays.asList("您对保安服务满意吗？", "对𠮷祥物业的建议"),
        VisitPlans.surveyQuestions("  您对保安服务满意吗？\n\n对𠮷祥物业的建议 \r\n"));
    fails(Frontdesk.EINVAL, "questions", () -> VisitPlans.surveyQuestions(" \n "));
    assertEquals(LocalDate.of(2026, 3, 31), VisitPlans.surveyDue(LocalDate.of(2025, 3, 31), LocalDate.of(2026, 1, 5),
        null));
    assertEquals(LocalDate.of(2026, 1, 5), VisitPlans.surveyDue(null, LocalDate.of(2026, 1, 5), null));
    Policy pol = Policy.defaults();
    pol.set("plan.survey_interval_months", 6);
    assertEquals(LocalDate.of(2026, 2, 28), VisitPlans.surveyDue(LocalDate.of(2025, 8, 31), LocalDate.of(2026, 1, 5),
        pol));
    VisitPlans.validateSurvey(Survey.builder().title("年度征询").openedOn(LocalDate.of(2026, 3, 1))
        .closesOn(LocalDate.of(2026, 4, 1)).questions("满意吗？").build());
    fails(Frontdesk.ERANGE, "closes_on", () -> VisitPlans.validateSurvey(Survey.builder().title("年度征询")
        .openedOn(LocalDate.of(2026, 3, 1)).closesOn(LocalDate.of(2026, 3, 1)).questions("满意吗？").build()));
    Instant t0 = at(4, 2);
    try (VisitPlans.Recurring rec = VisitPlans.Recurring.create()) {
      rec.add(5, "leak", t0.plus(DAY.multipliedBy(89))).add(5, "leak", t0).add(5, "plumbing", t0.plus(DAY.multipliedBy(30)))
          .add(6, "other", t0).add(6, "other", t0.plus(DAY.multipliedBy(90)))
          .add(7, "electrical", t0).add(8, "electrical", t0.plus(DAY)).add(9, "electrical", t0.plus(DAY.multipliedBy(2)));
      List<VisitPlans.RecurringProblem> rows = rec.rows();
      assertEquals(2, rows.size());
      assertEquals("unit", rows.get(0).kind());
      assertEquals(5, rows.get(0).unitId());
      assertEquals(3, rows.get(0).count());
      assertEquals(t0, rows.get(0).firstAt());
      assertEquals(t0.plus(DAY.multipliedBy(89)), rows.get(0).lastAt());
      assertEquals("electrical", rows.get(1).category());
      fails(Frontdesk.EINVAL, "category", () -> rec.add(1, "Leak!", t0));
    }
  }

  @Test
  public void summaryAccumulatorCountsWhatIsDueInTheMonth_R_PLN_5() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin();
         VisitPlans.SummaryAccumulator acc = VisitPlans.SummaryAccumulator.of(cal, YearMonth.of(2026, 4),
             at(4, 20, 12, 0))) {
      PlannedVisit.Builder v = PlannedVisit.builder().planId(1).assignedTo(7);
      acc.add(v.dueAt(at(4, 2)).state("done").doneAt(at(4, 2, 10, 30)).doneBy(7).build());
      acc.add(PlannedVisit.builder().planId(1).assignedTo(7).dueAt(at(4, 9)).state("missed").build());
      acc.add(PlannedVisit.builder().planId(1).assignedTo(7).dueAt(at(4, 30)).state("planned").build());
      fails(Frontdesk.ERANGE, "due_at",
          () -> acc.add(PlannedVisit.builder().planId(1).assignedTo(7).dueAt(at(5, 7)).state("planned").build()));
      VisitPlans.Summary s = acc.result();
      assertEquals(YearMonth.of(2026, 4), s.month());
      assertEquals(at(4, 1, 0, 0), s.start());
      assertEquals(3, s.visits().due());
      assertEquals(1, s.visits().done());
      assertEquals(1, s.visits().missed());
      assertEquals(1, s.visits().pending());
      assertEquals(0, s.callbacks().due());
      assertNull(s.callbacks().satisfiedShare());
      assertEquals(100.0 / 3, s.visits().inTimeShare(), 1e-9);
    }
  }

  @Test
  public void aRecurringPlanVisitedReassignedAndEnded_R_PLN_4() throws Exception {
    Instant first = at(4, 2);
    long plan = weeklyPlan(first, first.plus(DAY.multipliedBy(22)));
    Actor clerk = as(clerkId, at(4, 10, 9, 0));
    List<PlannedVisit> visits = visitsOf(plan, clerk);
    assertEquals(Arrays.asList(at(4, 2), at(4, 9), at(4, 16), at(4, 23)),
        visits.stream().map(PlannedVisit::getDueAt).collect(Collectors.toList()));
    assertEquals(0, VisitPlans.schedule(store, clerk, plan, first.plus(DAY.multipliedBy(22)))); // idempotent
    try (RecordIterator<PlannedVisit> it = VisitPlans.due(store, clerk, true, null, 0, 10)) {
      assertEquals(2, it.stream().count());
    }
    try (RecordIterator<PlannedVisit> it = VisitPlans.due(store, clerk, false, Duration.ofDays(7), 0, 1)) {
      assertEquals(visits.get(0).getId(), it.next().getId());
    }
    Actor visitor = as(v1, at(4, 2, 11, 0));
    VisitPlans.recordVisit(store, visitor, visits.get(0).getId(), at(4, 2, 10, 30), 0, "电梯经常停运");
    PlannedVisit done = VisitPlans.visit(store, visitor, visits.get(0).getId());
    assertEquals("done", done.getState());
    assertEquals(v1, done.getDoneBy());
    fails(Frontdesk.ESTATE, "done", () -> VisitPlans.recordVisit(store, visitor, visits.get(0).getId(), null, 0, null));
    assertEquals(1, VisitPlans.markMissed(store, clerk));
    VisitPlans.reassign(store, clerk, plan, v2);
    VisitPlan p = VisitPlans.plan(store, clerk, plan);
    assertEquals(boss, p.getStaffId()); // who planned it stays
    assertEquals(v2, p.getAssignedTo());
    fails(Frontdesk.ESTATE, "already", () -> VisitPlans.reassign(store, clerk, plan, v2));
    VisitPlans.end(store, clerk, plan);
    try (RecordIterator<PlannedVisit> it =
             VisitPlans.visits(store, clerk, new PlannedVisitFilter().planId(plan).state("cancelled"))) {
      assertEquals(2, it.stream().count());
    }
    fails(Frontdesk.ESTATE, "ended", () -> VisitPlans.end(store, clerk, plan));
    try (RecordIterator<VisitPlan> it = VisitPlans.plans(store, clerk, new VisitPlanFilter().assignedTo(v2))) {
      assertEquals(plan, it.next().getId());
    }
  }

  @Test
  public void aQuestionAnsweredLaterThroughAReplyTask_R_PLN_4() throws Exception {
    Instant first = at(4, 2);
    long plan = weeklyPlan(first, first.plus(DAY.multipliedBy(8)));
    Actor visitor = as(v1, first.plus(HOUR));
    long visit = visitsOf(plan, visitor).get(0).getId();
    VisitPlans.recordVisit(store, visitor, visit, null, 0, "问了停车费调整的事");
    fails(Frontdesk.EINVAL, "question", () -> VisitPlans.addQuestion(store, visitor, visit, "  "));
    long q = VisitPlans.addQuestion(store, visitor, visit, "停车费明年是否调整？");
    VisitQuestion asked = VisitPlans.question(store, visitor, q);
    assertTrue(asked.getCallbackId() > 0);
    Actor later = as(boss, first.plus(DAY.multipliedBy(3)));
    VisitPlans.answerQuestion(store, later, q, "明年不调整，已由经理确认");
    assertEquals(first.plus(DAY.multipliedBy(3)), VisitPlans.question(store, later, q).getAnsweredAt());
    try (RecordIterator<VisitQuestion> it =
             VisitPlans.questions(store, later, new VisitQuestionFilter().plannedVisitId(visit))) {
      assertEquals(q, it.next().getId());
    }
    fails(Frontdesk.ESTATE, "answered", () -> VisitPlans.answerQuestion(store, later, q, "再答一次"));
  }

  @Test
  public void aSurveyItsAnswersAndResults_R_PLN_5() throws Exception {
    Actor clerk = as(clerkId, at(3, 2));
    assertEquals(LocalDate.of(2026, 3, 2), VisitPlans.nextSurveyDue(store, clerk));
    long sid = VisitPlans.newSurvey(store, clerk, Survey.builder().title("2026年度业主意见征询")
        .openedOn(LocalDate.of(2026, 3, 1)).closesOn(LocalDate.of(2026, 4, 1))
        .questions("您对保安服务满意吗？\n您对保洁服务满意吗？\n其他建议").build());
    assertEquals(LocalDate.of(2027, 3, 1), VisitPlans.nextSurveyDue(store, clerk));
    VisitPlans.answerSurvey(store, clerk, sid, owner, 1, 5, null);
    long a3 = VisitPlans.answerSurvey(store, clerk, sid, owner, 3, 0, "希望增加充电桩");
    fails(Frontdesk.ESTATE, "already", () -> VisitPlans.answerSurvey(store, clerk, sid, owner, 1, 3, null));
    fails(Frontdesk.ERANGE, "score", () -> VisitPlans.answerSurvey(store, clerk, sid, owner2, 1, 6, null));
    VisitPlans.answerSurvey(store, clerk, sid, owner2, 1, 4, null);
    VisitPlans.SurveyResults r = VisitPlans.surveyResults(store, clerk, sid);
    assertEquals(3, r.questions().size());
    assertEquals("您对保安服务满意吗？", r.questions().get(0).question());
    assertEquals(2, r.questions().get(0).answers());
    assertEquals(450, r.questions().get(0).meanX100());
    assertEquals(-1, r.questions().get(2).meanX100());
    assertEquals(2, r.asked());
    assertTrue(r.notAsked().isEmpty());
    assertEquals("希望增加充电桩", VisitPlans.answer(store, clerk, a3).getAnswer());
    assertEquals("2026年度业主意见征询", VisitPlans.survey(store, clerk, sid).getTitle());
    try (RecordIterator<Survey> it = VisitPlans.surveys(store, clerk, null)) {
      assertEquals(1, it.stream().count());
    }
    try (RecordIterator<SurveyAnswer> it = VisitPlans.answers(store, clerk, new SurveyAnswerFilter().surveyId(sid))) {
      assertEquals(3, it.stream().count());
    }
  }

  @Test
  public void theMonthSummaryRecurringProblemsAndReport_R_PLN_5() throws Exception {
    Instant first = at(4, 2);
    long plan = weeklyPlan(first, at(5, 1, 0, 0));
    Actor visitor = as(v1, first.plus(HOUR));
    long visit = visitsOf(plan, visitor).get(0).getId();
    VisitPlans.recordVisit(store, visitor, visit, null, 0, null);
    VisitPlans.addQuestion(store, visitor, visit, "何时更换门禁？");
    Actor now = as(clerkId, at(4, 20, 12, 0));
    VisitPlans.Summary m = VisitPlans.summary(store, now, YearMonth.of(2026, 4));
    assertEquals(5, m.visits().due());
    assertEquals(1, m.visits().done());
    assertEquals(2, m.visits().missed());
    assertEquals(1, m.callbacks().due());
    assertEquals(1, m.questions());
    assertEquals(0, m.questionsAnswered());
    for (int i = 0; i < 3; i++) {
      Instant when = first.plus(DAY.multipliedBy(20L * i));
      Plans.add(store, as(clerkId, when), Repair.builder().receivedAt(when).channel("电话")
          .category(i == 1 ? "plumbing" : "渗漏").unitId(unit).what("漏水").build());
    }
    List<VisitPlans.RecurringProblem> rec = VisitPlans.recurringProblems(store, as(clerkId, first.plus(DAY.multipliedBy(60))),
        first.minus(DAY.multipliedBy(90)), first.plus(DAY.multipliedBy(60)));
    assertEquals(1, rec.size());
    assertEquals(unit, rec.get(0).unitId());
    try (Report r = PlansMonthReport.build(store, as(clerkId, at(5, 2, 9, 0)), YearMonth.of(2026, 4), "en")) {
      assertEquals(Arrays.asList("plans.summary", "plans.questions", "plans.recurring"),
          r.sections().stream().map(Report.Section::getKey).collect(Collectors.toList()));
      assertTrue(r.csv().contains("member_callbacks"));
      assertTrue(r.text().contains("2026-04"));
    }
    try (Report r = PlansMonthReport.build(store, now, YearMonth.of(2026, 4))) {
      assertTrue(r.json().contains("\"plans.recurring\""));
    }
    fails(Frontdesk.EINVAL, "month", () -> PlansMonthReport.build(store, now, null));
  }
}
