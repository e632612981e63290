package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Complaints from Java (issue 13, items 1-3): R-CPL-1 … R-CPL-5, R-COM-3, R-COM-5. */
public class ComplaintsTest {
  /** 2026-09-30 17:55 in Shanghai: after closing, the eve of 国庆节. */
  private static final Instant EVE = Instant.parse("2026-09-30T09:55:00Z");
  /** 2026-11-19 10:00 in Shanghai, a Thursday. */
  private static final Instant THU = Instant.parse("2026-11-19T02:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long boss;
  private long eng;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = EVE.minus(Duration.ofDays(30));
    site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    Actor system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    boss = store.addStaff(system, "M001", "赵主任", "manager");
    store.grant(system, "manager", Grant.MANAGE, true);
    store.grant(system, "manager", Grant.REVEAL, true);
    long org = Property.addOrganisation(store, system, Organisation.builder().name("阳光物业服务中心").build());
    eng = Property.addDepartment(store, system, Department.builder().organisationId(org).name("工程部").build());
    Actor manager = Actor.of(site, boss, before).withGrants(Grant.MANAGE);
    store.setPolicyDeadline(manager, "complaint.major.answer_days", 2, WorkCalendar.Unit.WORKING_DAYS);
    store.setPolicyDeadline(manager, "complaint.major.resolve_days", 10, WorkCalendar.Unit.WORKING_DAYS);
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  private Actor clerk(Instant at) {
    return Actor.of(site, clerkId, at);
  }

  private static Complaint.Builder major(Instant received) {
    return Complaint.builder().receivedAt(received).channel("phone").category("repair").severity("major")
        .what("电梯困人二十分钟无人处理").customer("王小丽").contact("138 1234 5678");
  }

  private static Instant shanghai(String local) {
    return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
  }

  @Test
  public void codesAreReadAsDesksTypeThem_R_COM_5() throws Exception {
    assertEquals("重大", Complaints.codeLabel("severity", "major"));
    assertEquals("major", Complaints.codeParse("severity", "嚴重"));
    assertEquals("average", Complaints.codeParse("satisfaction", "一般"));
    fails(Frontdesk.EINVAL, "major 重大", () -> Complaints.codeParse("severity", "一般"));
    assertNull(Complaints.codeLabel("category", "lift"));
  }

  @Test
  public void theRecordAndTheLifecycleWithoutAStore_R_CPL_1_R_CPL_3() throws Exception {
    Complaint c = major(EVE).id(1).severity("minor").state("registered").build();
    Complaints.validate(c);
    fails(Frontdesk.EINVAL, "complaint.customer_due: only a minor",
        () -> Complaints.validate(major(EVE).customerDue(EVE.plus(DAY)).build()));
    assertEquals("assessed", Complaints.checkStep(c, new Complaints.Step("assess")));
    assertEquals("closed", Complaints.checkStep(c, new Complaints.Step("评估").valid(false).note("不属物业范围，已说明")));
    fails(Frontdesk.ESTATE, "state: registered (已登记) allows assess, pause",
        () -> Complaints.checkStep(c, new Complaints.Step("implement")));
    fails(Frontdesk.EINVAL, "step.cause: is required",
        () -> Complaints.checkStep(major(EVE).id(1).state("assigned").build(), new Complaints.Step("investigate")));
    assertEquals(Collections.singletonList("reopen"), Complaints.stepsAllowed("closed"));
    assertEquals(Arrays.asList("close", "reopen", "escalate", "harm_cleared"), Complaints.stepsAllowed("followed_up"));
    fails(Frontdesk.EINVAL, "step.accepted: is required",
        () -> Complaints.checkStep(major(EVE).id(1).state("chosen").validity("valid").build(),
            new Complaints.Step("implement")));
    assertEquals("implemented", Complaints.checkStep(major(EVE).id(1).state("chosen").validity("valid").build(),
        new Complaints.Step("implement").accepted(true)));
  }

  @Test
  public void targetsAndTheirClocksReplayedFromEvents_R_CPL_2() throws Exception {
    List<Complaints.TargetPlan> plan = Complaints.targetPlan("重大", null);
    assertEquals(4, plan.size());
    assertEquals("director", plan.get(0).target());
    assertEquals("complaint.major.resolve_days", plan.get(2).policyKey());
    assertEquals(WorkCalendar.Unit.CALENDAR_DAYS, plan.get(2).unit());
    assertTrue(plan.get(2).pausedByWaiting());
    assertEquals("report", plan.get(3).startStep());
    Complaints.TargetPlan resolve = plan.get(2).withTerms(10, WorkCalendar.Unit.WORKING_DAYS);
    Complaint c = major(EVE).id(1).build();
    List<ComplaintEvent> events = new ArrayList<>();
    events.add(ComplaintEvent.builder().id(1).complaintId(1).kind("register").createdAt(EVE).toState("registered").build());
    try (WorkCalendar cal = WorkCalendar.builtin()) {
      Complaints.Clock k = Complaints.targetClock(resolve, c, events, cal, EVE, null);
      // 10 working days counting the make-up Saturday 10-10, not the National Day holiday
      assertEquals(shanghai("2026-10-20T17:30:00"), k.dueAt());
      assertEquals(EVE, k.startAt());
      assertFalse(k.isPaused() || k.isBreached() || k.isProvisional());
      assertTrue(k.version(), k.version().startsWith("CN-2026"));
      events.add(ComplaintEvent.builder().id(2).complaintId(1).kind("pause").createdAt(EVE.plus(HOUR)).build());
      k = Complaints.targetClock(resolve, c, events, cal, EVE.plus(HOUR.multipliedBy(3)), null);
      assertTrue(k.isPaused());
      assertNull(k.dueAt());
      assertEquals(7200, k.pausedSeconds());
      events.add(null);
      fails(Frontdesk.EINVAL, "events[2]", () -> Complaints.targetClock(resolve, c, events, cal, EVE, null));
    }
  }

  @Test
  public void aComplaintRegisteredSteppedAndItsClocks_R_CPL_1_R_CPL_2_R_CPL_3() throws Exception {
    Actor clerk = clerk(EVE.plus(Duration.ofMinutes(5)));
    long id = Complaints.add(store, clerk, major(EVE).build());
    Complaint c = Complaints.complaint(store, clerk, id);
    assertEquals("registered", c.getState());
    assertFalse(c.getContact(), c.getContact().contains("12345678"));
    List<ComplaintTarget> targets = new ArrayList<>();
    try (RecordIterator<ComplaintTarget> it = Complaints.targets(store, clerk, new ComplaintTargetFilter().complaintId(id))) {
      it.forEachRemaining(targets::add);
    }
    assertEquals(4, targets.size());
    assertEquals(shanghai("2026-09-30T23:59:59"), targets.get(0).getDueAt());
    assertEquals(shanghai("2026-10-09T17:30:00"), targets.get(1).getDueAt());
    assertEquals(shanghai("2026-10-20T17:30:00"), targets.get(2).getDueAt());
    assertNull(targets.get(3).getStartAt());
    long resolve = targets.get(2).getId();
    assertEquals(targets.get(2).getDueAt(), Complaints.clock(store, clerk, resolve).dueAt());
    Instant at = EVE.plus(HOUR);
    Complaints.step(store, clerk(at), id, new Complaints.Step("assess"));
    fails(Frontdesk.ESTATE, "state: assessed (已评估) allows assign",
        () -> Complaints.step(store, clerk(at), id, new Complaints.Step("implement")));
    Complaints.step(store, clerk(at), id, new Complaints.Step("assign").assign(eng, EVE.plus(DAY.multipliedBy(5))));
    long pause = Complaints.step(store, clerk(at.plus(HOUR)), id, new Complaints.Step("pause").note("客户出差"));
    assertEquals("pause", Complaints.event(store, clerk, pause).getKind());
    Complaints.Clock k = Complaints.clock(store, clerk(at.plus(HOUR.multipliedBy(2))), resolve);
    assertTrue(k.isPaused());
    assertEquals(3600, k.pausedSeconds());
    assertTrue(Complaints.complaint(store, clerk, id).isWaiting());
    assertEquals("pause", Complaints.target(store, clerk, resolve).isPaused() ? "pause" : "running");
    List<String> kinds = new ArrayList<>();
    try (RecordIterator<ComplaintEvent> it = Complaints.events(store, clerk, new ComplaintEventFilter().complaintId(id))) {
      it.forEachRemaining(e -> kinds.add(e.getKind()));
    }
    assertEquals(Arrays.asList("register", "assess", "assign", "pause"), kinds);
    try (RecordIterator<Complaint> it = Complaints.complaints(store, clerk, null)) {
      assertEquals(id, it.next().getId());
    }
  }

  @Test
  public void aSeverityChangeKeepsTheHistoryAndAComplaintFromACall_R_CPL_2_R_CPL_1() throws Exception {
    Actor clerk = clerk(THU);
    long id = Complaints.add(store, clerk, major(THU).severity("minor").build());
    Complaints.step(store, clerk(THU.plus(DAY)), id, new Complaints.Step("severity").severity("重大").note("涉及安全"));
    List<String> seen = new ArrayList<>();
    try (RecordIterator<ComplaintTarget> it = Complaints.targets(store, clerk, new ComplaintTargetFilter().complaintId(id))) {
      it.forEachRemaining(t -> seen.add(t.getSeverity() + " " + t.getTarget() + (t.getSupersededAt() != null ? " x" : "")));
    }
    assertEquals(Arrays.asList("minor resolve x", "minor reply x", "major director", "major answer", "major resolve",
        "major reply"), seen);
    long call = Calls.logCall(store, clerk, Call.builder().direction("in").callerNumber("139 0013 9000")
        .callerName("钱女士").ringAt(THU.minusSeconds(600)).answerAt(THU.minusSeconds(595)).endAt(THU.minusSeconds(300))
        .disposition("answered").category("inquiry").matter("楼道灯坏了一周").readBack(true).build());
    long cid = Complaints.fromCall(store, clerk, call, Complaint.builder().category("repair").severity("minor").build());
    Complaint c = Complaints.complaint(store, Actor.of(site, boss, THU).withReveal("核对来电"), cid);
    assertEquals(THU.minusSeconds(600), c.getReceivedAt());
    assertEquals("phone", c.getChannel());
    assertEquals("13900139000", c.getContact());
    assertEquals("楼道灯坏了一周", c.getWhat());
  }

  @Test
  public void theSitesOwnCategories_R_COM_5() throws Exception {
    Actor manager = Actor.of(site, boss, THU).withGrants(Grant.MANAGE);
    ComplaintCategory lift = ComplaintCategory.builder().code("lift").label("电梯").departmentId(eng).build();
    fails(Frontdesk.EPERM, "manage", () -> Complaints.addCategory(store, clerk(THU), lift));
    long id = Complaints.addCategory(store, manager, lift);
    fails(Frontdesk.ECONFLICT, "built in",
        () -> Complaints.addCategory(store, manager, ComplaintCategory.builder().code("repair").label("维修").build()));
    Complaints.add(store, clerk(THU), major(THU).category("lift").build());
    Complaints.retireCategory(store, manager, id);
    assertEquals(THU, Complaints.category(store, clerk(THU), id).getRetiredAt());
    try (RecordIterator<ComplaintCategory> it = Complaints.categories(store, clerk(THU), null)) {
      assertEquals("lift", it.next().getCode());
    }
    fails(Frontdesk.EINVAL, "retired", () -> Complaints.add(store, clerk(THU), major(THU).category("lift").build()));
    fails(Frontdesk.ESTATE, "retired already", () -> Complaints.retireCategory(store, manager, id));
  }

  @Test
  public void aComplaintWithoutItsReceivedTimeIsRefused_R_CPL_1() throws Exception {
    fails(Frontdesk.EINVAL, "complaint.received_at: is required",
        () -> Complaints.validate(Complaint.builder().channel("phone").category("other").severity("minor")
            .what("x").build()));
  }

  @Test
  public void codesTypedAsLabelsAreTakenAsEveryFaceTakesThem_R_COM_5() throws Exception {
    Actor clerk = clerk(EVE.plus(Duration.ofMinutes(5)));
    long id = Complaints.add(store, clerk, major(EVE).channel("电话").category("維修").severity("嚴重").build());
    Complaint c = Complaints.complaint(store, clerk, id);
    assertEquals("phone repair major", c.getChannel() + " " + c.getCategory() + " " + c.getSeverity());
    Complaints.validate(major(EVE).channel("来电").category("保洁").severity("重要").build());
    fails(Frontdesk.EINVAL, "complaint.category: '电梯坏了' is not a code",
        () -> Complaints.add(store, clerk, major(EVE).category("电梯坏了").build()));
  }

  @Test
  public void aTargetClosedBeforeItsStepIsStoppedNotMet_R_CPL_2() throws Exception {
    Actor clerk = clerk(EVE.plus(Duration.ofMinutes(5)));
    long id = Complaints.add(store, clerk, major(EVE).build());
    Complaints.step(store, clerk(EVE.plus(HOUR)), id,
        new Complaints.Step("assess").valid(false).note("不属物业管理范围，已向客户解释"));
    List<ComplaintTarget> targets = new ArrayList<>();
    try (RecordIterator<ComplaintTarget> it = Complaints.targets(store, clerk, new ComplaintTargetFilter().complaintId(id))) {
      it.forEachRemaining(targets::add);
    }
    Complaints.Clock answer = Complaints.clock(store, clerk(EVE.plus(HOUR.multipliedBy(2))), targets.get(1).getId());
    assertTrue(answer.toString(), answer.isClosed());
    assertEquals(EVE.plus(HOUR), answer.metAt());
    assertTrue(answer.toString(), answer.toString().contains("closed, not met"));
  }
}
