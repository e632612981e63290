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
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Repairs from Java (issue 15, plans part 1): R-PLN-1 follow-ups, R-PLN-6 work orders and assignment. */
public class PlansTest {
  /** 2026-04-02 09:00 in Shanghai, a Thursday; 04-03 17:00 / 17:30 the Friday before 清明节. */
  private static final Instant APR2 = Instant.parse("2026-04-02T01:00:00Z");
  private static final Instant APR3_1700 = Instant.parse("2026-04-03T09:00:00Z");
  private static final Instant APR3_1730 = Instant.parse("2026-04-03T09:30:00Z");
  /** 2026-04-09 17:30: the end of business of the third working day after 清明节 (04-04..06). */
  private static final Instant APR9_CLOSE = Instant.parse("2026-04-09T09:30:00Z");
  /** 2026-04-07 23:59:59: three calendar days end on 04-06, a holiday, rolled to 04-07. */
  private static final Instant APR7_END = Instant.parse("2026-04-07T15:59:59Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long boss;
  private long tech1;
  private long tech2;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = APR2.minus(Duration.ofDays(30));
    site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    Actor system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    boss = store.addStaff(system, "M001", "赵主任", "manager");
    tech1 = store.addStaff(system, "W001", "李师傅", "clerk");
    tech2 = store.addStaff(system, "W002", "𠮷师傅", "clerk");
    store.grant(system, "manager", Grant.MANAGE, true);
  }

  @After
  public void close() throws Exception {
    store.close();
  }

  private Actor clerk(Instant at) {
    return Actor.of(site, clerkId, at);
  }

  private Actor manager(Instant at) {
    return Actor.of(site, boss, at).withGrants(Grant.MANAGE);
  }

  private static Repair.Builder leak(Instant received) {
    return Repair.builder().receivedAt(received).channel("电话").category("渗漏").address("3号楼1201 𠮷")
        .customer("王小丽").contact("138 1234 5678").what("卫生间漏水到楼下").skill("plumbing");
  }

  @Test
  public void codesTakeLabelsTraditionalAndFullWidth_R_COM_5() throws Exception {
    assertEquals("渗漏", Plans.codeLabel("category", "leak"));
    assertEquals("leak_test", Plans.codeParse("repair_step", "閉水試驗"));
    assertEquals("safety", Plans.codeParse("category", "ＳＡＦＥＴＹ"));
    fails(Frontdesk.EINVAL, "leak 渗漏", () -> Plans.codeParse("category", "lift"));
    assertNull(Plans.codeLabel("category", "lift"));
  }

  @Test
  public void stepsAndRefusalsNameTheState_R_PLN_6() throws Exception {
    assertEquals(Arrays.asList("dispatch", "close_undone"), Plans.stepsAllowed("已受理"));
    Repair r = leak(APR2).id(1).state("received").build();
    Plans.validate(r);
    fails(Frontdesk.EINVAL, "not a category", () -> Plans.validate(leak(APR2).category("lift").build()));
    fails(Frontdesk.EINVAL, "repair.contact", () -> Plans.validate(leak(APR2).contact("12").build()));
    assertEquals("dispatched", Plans.checkStep(r, new Plans.Step("派单").handler(5)));
    fails(Frontdesk.ESTATE, "received", () -> Plans.checkStep(r, new Plans.Step("done")));
    assertEquals(30, Plans.pickHandler("轮流", new long[] {30, 10, 20}, null, 20));
    assertEquals(10, Plans.pickHandler("least_open", new long[] {30, 10}, new long[] {4, 1}, 0));
    fails(Frontdesk.EINVAL, "open_counts_len",
        () -> Plans.pickHandler("least_open", new long[] {30, 10}, new long[] {4}, 0));
    assertEquals("desk", Plans.assignmentCode(0));
    assertNull(Plans.assignmentCode(3));
  }

  @Test
  public void leakDoneFridayBeforeAHolidayCountsWorkingDaysFromItsLeakTest_R_PLN_1() throws Exception {
    Repair r = leak(APR2).state("done").doneAt(APR3_1700).leakTestedAt(APR3_1730).build();
    WorkCalendar cal = WorkCalendar.builtin();
    Plans.FollowupPlan p = Plans.followupDue(r, cal, null);
    assertEquals("followup.leak_repair_days", p.policyKey());
    assertEquals(3, p.amount());
    assertEquals(WorkCalendar.Unit.WORKING_DAYS, p.unit());
    assertEquals(APR3_1730, p.startAt());
    assertEquals(APR9_CLOSE, p.dueAt());
    assertFalse(p.provisional());
    Policy pol = Policy.defaults();
    pol.setDeadline("followup.leak_repair_days", 3, WorkCalendar.Unit.CALENDAR_DAYS);
    assertEquals(APR7_END, Plans.followupDue(r, cal, pol).dueAt());
    fails(Frontdesk.ESTATE, "leak test",
        () -> Plans.followupDue(leak(APR2).state("done").doneAt(APR3_1700).build(), cal, null));
    Plans.checkOutcome("電話", "fixed", "满意", "挺好");
    fails(Frontdesk.EINVAL, "satisfaction", () -> Plans.checkOutcome("phone", "fixed", null, null));
  }

  @Test
  public void aLeakRepairFollowedUpAfterItsLeakTest_R_PLN_1() throws Exception {
    long id = Plans.add(store, clerk(APR2), leak(APR2).build());
    Plans.step(store, clerk(APR2.plus(HOUR)), id, new Plans.Step("dispatch").handler(tech1));
    Plans.step(store, clerk(APR2.plus(HOUR.multipliedBy(2))), id, new Plans.Step("accept"));
    Plans.step(store, clerk(APR3_1700), id, new Plans.Step("完工"));
    Actor later = clerk(APR3_1730.plus(HOUR));
    try (RecordIterator<Followup> it = Plans.followups(store, later, null)) {
      assertFalse(it.hasNext()); // no due before the leak test
    }
    Plans.step(store, clerk(APR3_1730), id, new Plans.Step("leak_test"));
    List<Followup> due = new ArrayList<>();
    try (RecordIterator<Followup> it = Plans.followupsDue(store, later, false, Duration.ofDays(7), 0, 10)) {
      it.forEachRemaining(due::add);
    }
    assertEquals(1, due.size());
    assertEquals(APR9_CLOSE, due.get(0).getDueAt());
    try (RecordIterator<Followup> it = Plans.followupsDue(store, later, true, null, 0, 10)) {
      assertFalse(it.hasNext()); // not overdue yet
    }
    long fid = due.get(0).getId();
    assertEquals(id, Plans.followup(store, later, fid).getRepairId());
    Plans.recordFollowup(store, clerk(APR3_1730.plus(DAY)), fid, "phone", "fixed", "satisfied", "修得很好");
    assertEquals("followed_up", Plans.repair(store, later, id).getState());
    fails(Frontdesk.ESTATE, "已回访",
        () -> Plans.recordFollowup(store, clerk(APR3_1730.plus(DAY)), fid, "phone", "fixed", "satisfied", null));
    Plans.Coverage c = Plans.coverage(store, manager(APR3_1730.plus(DAY.multipliedBy(14))), APR2,
        APR3_1730.plus(DAY.multipliedBy(14)));
    assertEquals(1, c.done());
    assertEquals(1, c.inTime());
    assertEquals(0, c.late() + c.missed() + c.pending());
    assertEquals(100, c.sharePct());
    assertEquals(100, c.targetPct());
    assertTrue(c.met());
    List<RepairEvent> events = new ArrayList<>();
    try (RecordIterator<RepairEvent> it = Plans.events(store, later, new RepairEventFilter().repairId(id))) {
      it.forEachRemaining(events::add);
    }
    assertEquals(Arrays.asList("receive", "dispatch", "accept", "done", "leak_test", "followup"),
        events.stream().map(RepairEvent::getKind).collect(java.util.stream.Collectors.toList()));
    assertEquals(tech1, Plans.event(store, later, events.get(1).getId()).getToHandler());
  }

  @Test
  public void notFixedSendsItBackAndAMissIsListed_R_PLN_1() throws Exception {
    long id = Plans.add(store, clerk(APR2), leak(APR2).category("plumbing").build());
    Plans.step(store, clerk(APR2.plus(HOUR)), id, new Plans.Step("dispatch").handler(tech1));
    Plans.step(store, clerk(APR2.plus(HOUR.multipliedBy(2))), id, new Plans.Step("accept"));
    Plans.step(store, clerk(APR2.plus(HOUR.multipliedBy(3))), id, new Plans.Step("done"));
    long fid;
    try (RecordIterator<Followup> it = Plans.followups(store, clerk(APR2.plus(HOUR.multipliedBy(4))), null)) {
      fid = it.next().getId();
    }
    Plans.recordFollowup(store, clerk(APR2.plus(HOUR.multipliedBy(5))), fid, "上门", "not_fixed", null, "还在滴水");
    Repair back = Plans.repair(store, clerk(APR2.plus(HOUR.multipliedBy(5))), id);
    assertEquals("dispatched", back.getState());
    assertEquals(tech1, back.getHandlerId());
    Plans.step(store, clerk(APR2.plus(HOUR.multipliedBy(6))), id, new Plans.Step("accept"));
    Plans.step(store, clerk(APR2.plus(HOUR.multipliedBy(7))), id, new Plans.Step("done"));
    Instant apr20 = APR2.plus(DAY.multipliedBy(18));
    assertEquals(1, Plans.coverage(store, manager(apr20), APR2, apr20).missed());
    try (RecordIterator<Repair> it = Plans.misses(store, manager(apr20), APR2, apr20, 0, 10)) {
      assertEquals(id, it.next().getId());
      assertFalse(it.hasNext());
    }
    try (RecordIterator<Repair> it = Plans.repairs(store, clerk(apr20), new RepairFilter().state("done"))) {
      assertEquals(id, it.next().getId());
    }
  }

  @Test
  public void roundRobinDispatchesAmongTheSkilledAndARetiredSkillIsSkipped_R_PLN_6() throws Exception {
    Actor m = manager(APR2.minus(DAY));
    long k1 = Plans.addSkill(store, m, tech1, "plumbing");
    Plans.addSkill(store, m, tech2, "plumbing");
    fails(Frontdesk.ECONFLICT, "already", () -> Plans.addSkill(store, m, tech2, "plumbing"));
    assertEquals("plumbing", Plans.skill(store, m, k1).getSkill());
    store.setPolicy(m, "repair.assignment", 1);
    long a = Plans.add(store, clerk(APR2), leak(APR2).build());
    long b = Plans.add(store, clerk(APR2.plus(HOUR)), leak(APR2.plus(HOUR)).build());
    assertEquals(tech1, Plans.repair(store, clerk(APR2), a).getHandlerId());
    assertEquals(tech2, Plans.repair(store, clerk(APR2), b).getHandlerId());
    Plans.retireSkill(store, m, k1);
    long retired = 0;
    try (RecordIterator<StaffSkill> it = Plans.skills(store, m, null)) {
      for (StaffSkill s : it) {
        if (s.isRetired()) retired++;
      }
    }
    assertEquals(1, retired);
    long c = Plans.add(store, clerk(APR2.plus(HOUR.multipliedBy(2))), leak(APR2.plus(HOUR.multipliedBy(2))).build());
    assertEquals(tech2, Plans.repair(store, clerk(APR2), c).getHandlerId());
    // a step the state does not allow changes nothing
    fails(Frontdesk.ESTATE, "dispatched", () -> Plans.step(store, clerk(APR2.plus(HOUR.multipliedBy(3))), c,
        new Plans.Step("leak_test")));
    assertEquals("dispatched", Plans.repair(store, clerk(APR2), c).getState());
  }
}
