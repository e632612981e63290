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

/** Callbacks and specialists from Java (issue 15, plans part 2): R-PLN-2, R-PLN-3, R-CALL-8. */
public class CallbacksTest {
  /** 2026-04-02 in Shanghai, a Thursday: 09:00, 12:25 and 12:30 (lunch-time rest), 14:00. */
  private static final Instant APR2_0900 = Instant.parse("2026-04-02T01:00:00Z");
  private static final Instant APR2_1225 = Instant.parse("2026-04-02T04:25:00Z");
  private static final Instant APR2_1230 = Instant.parse("2026-04-02T04:30:00Z");
  private static final Instant APR2_1400 = Instant.parse("2026-04-02T06:00:00Z");
  /** 2026-04-03 17:00, the Friday before 清明节 (04-04..06); 04-07 17:30 the end of the next working day. */
  private static final Instant APR3_1700 = Instant.parse("2026-04-03T09:00:00Z");
  private static final Instant APR7_1730 = Instant.parse("2026-04-07T09:30:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long boss;
  private long amy;
  private long bob;
  private long cal;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = APR2_0900.minus(Duration.ofDays(30));
    site = store.addSite(Actor.system(0, before), "garden", "阳光花园", null);
    Actor system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    boss = store.addStaff(system, "M001", "赵主任", "manager");
    amy = store.addStaff(system, "K001", "林小美", "clerk");
    bob = store.addStaff(system, "K002", "周大𠮷", "clerk");
    cal = store.addStaff(system, "K003", "陈小凯", "clerk");
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

  private static <T> List<T> all(RecordIterator<T> it) throws Exception {
    List<T> out = new ArrayList<>();
    try (RecordIterator<T> i = it) {
      i.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<Long> ids(List<Callback> rows) {
    List<Long> out = new ArrayList<>();
    for (Callback c : rows) out.add(c.getId());
    return out;
  }

  private long member(Instant created, Instant agreed) throws Exception {
    return Callbacks.add(store, clerk(created), Callback.builder().source("会员").member(true).customer("王𠮷")
        .number("１３９ ８７６５ ４３２１").agreedAt(agreed).build());
  }

  @Test
  public void aDueAt1230MovesTo1400AndNoCallInQuietHours_R_PLN_2_R_CALL_9() throws Exception {
    WorkCalendar wc = WorkCalendar.builtin();
    Callbacks.Plan p = Callbacks.due(APR2_0900, APR2_1230, null, wc, null);
    assertEquals("agreed", p.basis());
    assertEquals(APR2_1230, p.unmovedAt());
    assertEquals(APR2_1400, p.dueAt());
    assertTrue(p.moved());
    assertFalse(p.provisional());
    // followup.callback_days from the Friday before 清明节: past the holiday, out of the night's quiet hours
    Callbacks.Plan q = Callbacks.due(APR3_1700, null, null, wc, null);
    assertEquals("policy", q.basis());
    assertEquals(APR7_1730.plus(Duration.ofMinutes(14 * 60 + 30)), q.dueAt());
    assertTrue(q.moved());
    Policy pol = Policy.defaults();
    pol.setDeadline("followup.callback_days", 1, WorkCalendar.Unit.WORKING_DAYS);
    assertEquals(APR7_1730, Callbacks.due(APR3_1700, null, null, wc, pol).dueAt());
    assertEquals("task", Callbacks.due(APR2_0900, null, APR2_1400, wc, null).basis());
    assertEquals(APR2_1400, Callbacks.mayCall(wc, APR2_1230));
    assertNull(Callbacks.mayCall(wc, APR2_1400));
    assertTrue(Callbacks.script("不滿意").contains("抱歉"));
    fails(Frontdesk.EINVAL, "satisfaction", () -> Callbacks.script("great"));
    Callbacks.checkOutcome("done", "满意", "挺好");
    fails(Frontdesk.EINVAL, "satisfaction", () -> Callbacks.checkOutcome("done", null, null));
    fails(Frontdesk.EINVAL, "satisfaction", () -> Callbacks.checkOutcome("busy", "satisfied", null));
  }

  @Test
  public void balanceByLevelAndARebalanceWithOneLeaving_R_PLN_3() throws Exception {
    assertEquals(12, Callbacks.balance(new long[] {11, 12, 13}, new long[] {1, 2, 1}, new long[] {3, 4, 3}));
    assertEquals(0, Callbacks.balance(new long[] {11}, new long[] {0}, new long[] {3}));
    Callbacks.Rebalance r = Callbacks.rebalance(new long[] {21, 22, 23}, new long[] {0, 1, 2}, new long[] {6, 4, 8});
    assertEquals(6, r.moved());
    assertEquals("[21->22x2, 21->23x4]", r.moves().toString());
    assertEquals(3, r.specialists().size());
    assertEquals(0, r.specialists().get(0).after());
    assertEquals(6, r.specialists().get(1).after());
    assertEquals(12, r.specialists().get(2).after());
    assertEquals(2, r.specialists().get(2).level());
    assertEquals(8, r.specialists().get(2).before());
    fails(Frontdesk.EINVAL, "ids[1]",
        () -> Callbacks.rebalance(new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 1}));
    fails(Frontdesk.EINVAL, "counts_len", () -> Callbacks.balance(new long[] {1}, new long[] {1}, null));
  }

  @Test
  public void aDroppedCallAt1225IsCalledBackAt1400_R_CALL_8() throws Exception {
    Calls.logCall(store, clerk(APR2_1225.plus(Duration.ofMinutes(1))), Call.builder().direction("in")
        .callerNumber("13812345678").callerName("张三").ringAt(APR2_1225.minusSeconds(45))
        .answerAt(APR2_1225.minusSeconds(40)).endAt(APR2_1225).disposition("dropped").category("inquiry")
        .matter("问停水时间").readBack(true).build());
    List<CallTask> tasks = all(Calls.tasks(store, clerk(APR2_1230), new CallTaskFilter().state("open")));
    assertEquals(1, tasks.size());
    long task = tasks.get(0).getId();
    long id = Callbacks.fromCallTask(store, clerk(APR2_1230), task, null);
    Callback c = Callbacks.callback(store, clerk(APR2_1230), id);
    assertEquals("call", c.getSource());
    assertEquals(APR2_1400, c.getDueAt());
    fails(Frontdesk.ECONFLICT, "already", () -> Callbacks.fromCallTask(store, clerk(APR2_1230), task, null));
    assertEquals(0, all(Callbacks.now(store, clerk(APR2_1400.minusSeconds(60)), 0, 64)).size());
    assertEquals(Arrays.asList(id), ids(all(Callbacks.now(store, clerk(APR2_1400), 0, 64))));
    assertEquals(1, all(Callbacks.callbacks(store, clerk(APR2_1400), new CallbackFilter().state("open"))).size());
  }

  @Test
  public void attemptsThenDoneAndACallbackOnAClosedTaskRefused_R_PLN_2() throws Exception {
    long id = member(APR2_0900, APR2_1230);
    Actor later = clerk(APR2_1400.plus(Duration.ofMinutes(5)));
    fails(Frontdesk.EINVAL, "R-PLN-2",
        () -> Callbacks.attempt(store, later, id, APR2_1230.plus(Duration.ofMinutes(1)), "busy", null, null));
    Callbacks.attempt(store, later, id, APR2_1400, "無人接聽", null, null);
    assertEquals("open", Callbacks.callback(store, later, id).getState());
    long att = Callbacks.attempt(store, later, id, null, "done", "一般", "电梯噪音还在");
    Callback done = Callbacks.callback(store, later, id);
    assertEquals("done", done.getState());
    assertEquals("average", done.getSatisfaction());
    assertEquals(2, done.getAttempts());
    List<CallbackAttempt> atts = all(Callbacks.attempts(store, later, null));
    assertEquals(2, atts.size());
    assertEquals(att, atts.get(1).getId());
    fails(Frontdesk.ESTATE, "done", () -> Callbacks.attempt(store, later, id, null, "busy", null, null));
    fails(Frontdesk.ESTATE, "done", () -> Callbacks.close(store, later, id, "打不通"));
  }

  @Test
  public void memberCoverageMissesAndTheDueList_R_PLN_2() throws Exception {
    long reached = member(APR2_0900, null);
    long closed = member(APR2_0900.plusSeconds(60), null);
    long openLate = member(APR2_0900.plusSeconds(120), APR2_1400);
    member(APR2_0900.plusSeconds(180), APR7_1730);
    Actor a = clerk(APR2_1400.plus(HOUR));
    Callbacks.attempt(store, a, reached, null, "done", "satisfied", null);
    fails(Frontdesk.EINVAL, "reason", () -> Callbacks.close(store, a, closed, ""));
    Callbacks.close(store, a, closed, "号码停机");
    Callbacks.Coverage c = Callbacks.coverage(store, a, APR2_0900, APR2_0900.plus(DAY));
    assertEquals(4, c.members());
    assertEquals(1, c.reached());
    assertEquals(0, c.late());
    assertEquals(2, c.missed());
    assertEquals(1, c.pending());
    assertEquals(33, c.sharePct());
    assertEquals(100, c.targetPct());
    assertFalse(c.met());
    assertEquals(Arrays.asList(closed, openLate),
        ids(all(Callbacks.misses(store, a, APR2_0900, APR2_0900.plus(DAY), 0, 64))));
    assertEquals(Arrays.asList(openLate), ids(all(Callbacks.due(store, a, true, null, 0, 64))));
    List<Callback> week = all(Callbacks.due(store, a, false, Duration.ofDays(7), openLate, 64));
    assertEquals(1, week.size());
    assertEquals(APR7_1730, week.get(0).getDueAt());
    fails(Frontdesk.ERANGE, "limit", () -> Callbacks.due(store, a, false, null, 0, 65));
  }

  @Test
  public void balancedAssignmentsARebalanceOnJoinAndOneLeaving_R_PLN_3() throws Exception {
    Actor m = manager(APR2_0900);
    Actor desk = clerk(APR2_0900);
    long sa = Callbacks.addSpecialist(store, m, amy, 1);
    long sb = Callbacks.addSpecialist(store, m, bob, 2);
    fails(Frontdesk.ECONFLICT, "already", () -> Callbacks.addSpecialist(store, m, bob, 1));
    fails(Frontdesk.EPERM, "", () -> Callbacks.addSpecialist(store, desk, cal, 1));
    Actor system = Actor.system(site, APR2_0900);
    for (int i = 0; i < 9; i++) {
      long org = Property.addOrganisation(store, system, Organisation.builder().name("企业" + i).build());
      Callbacks.assign(store, desk, 0, org, 0);
    }
    long[] counts = new long[3];
    for (CustomerAssignment x : all(Callbacks.assignments(store, desk, null))) {
      counts[(int) (x.getSpecialistId() == sa ? 0 : x.getSpecialistId() == sb ? 1 : 2)]++;
    }
    assertEquals("[3, 6, 0]", Arrays.toString(counts));
    long sc = Callbacks.addSpecialist(store, m, cal, 1);
    assertEquals(3, all(Callbacks.specialists(store, desk, null)).size());
    Callbacks.Rebalance preview = Callbacks.rebalance(store, desk, false);
    assertEquals(2, preview.moved());
    fails(Frontdesk.EPERM, "", () -> Callbacks.rebalance(store, desk, true));
    assertEquals(2, Callbacks.rebalance(store, m, true).moved());
    long live3 = 0;
    CustomerAssignmentFilter ofSc = new CustomerAssignmentFilter().specialistId(sc);
    for (CustomerAssignment x : all(Callbacks.assignments(store, desk, ofSc))) {
      if (x.getEndedAt() == null) live3++;
    }
    assertEquals(2, live3);
    Callbacks.Rebalance leave = Callbacks.specialistLeave(store, manager(APR3_1700), sa, true);
    assertEquals(sa, leave.specialists().get(0).id());
    assertEquals(0, leave.specialists().get(0).after());
    assertEquals(leave.specialists().get(0).before(), leave.moved());
    fails(Frontdesk.ESTATE, "left", () -> Callbacks.specialistLeave(store, manager(APR3_1700), sa, true));
    List<CustomerAssignment> live = new ArrayList<>();
    for (CustomerAssignment x : all(Callbacks.assignments(store, desk, null))) {
      if (x.getEndedAt() == null) live.add(x);
    }
    assertEquals(9, live.size());
    Callbacks.contact(store, desk, live.get(0).getId());
    fails(Frontdesk.ESTATE, "contacted", () -> Callbacks.contact(store, desk, live.get(0).getId()));
    assertEquals(8, all(Callbacks.contactMisses(store, clerk(APR2_0900.plus(Duration.ofDays(30))), 0, 64)).size());
  }
}
