package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Complaints from Java (issue 13, items 3-5, 7): the reply check (R-CPL-7, R-CALL-2), when escalations fire, the
 * breach queue (R-CPL-2, R-CPL-5), holiday data loaded later, the end of the day (R-COM-4).
 */
public class ComplaintsQueueTest {
  /** Monday 2026-03-02 09:00 in Shanghai, an ordinary working week. */
  private static final Instant MON = Instant.parse("2026-03-02T01:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);
  private static final String DATA_2027 = "frontdesk-holidays 1\nversion CN-2027.1\nregion CN\n"
      + "covers 2027-01-01 2027-12-31\nextends builtin\nscope national\n"
      + "2027-01-01 holiday 元旦 statutory\n2027-01-04 holiday 元旦 in_lieu\n";
  private File dir;
  private Store store;
  private long site;
  private long clerkId;
  private long boss;

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    Instant before = MON.minus(Duration.ofDays(30));
    site = store.addSite(Actor.system(0, before), "park", "某某产业园", null);
    Actor system = Actor.system(site, before);
    clerkId = store.addStaff(system, "F001", "王前台", "clerk");
    boss = store.addStaff(system, "M001", "赵主任", "manager");
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

  private long complain(String severity, Instant at, boolean harm) throws Exception {
    return Complaints.add(store, clerk(at), Complaint.builder().receivedAt(at).channel("phone").category("repair")
        .severity(severity).what("电梯困人，无人处理").customer("王小丽").contact("13812345678").harm(harm).build());
  }

  private static <T> List<T> all(RecordIterator<T> it) {
    List<T> out = new ArrayList<>();
    try (RecordIterator<T> i = it) {
      i.forEachRemaining(out::add);
    }
    return out;
  }

  private static String typed(String text, Complaints.ReplyHit h) {
    return text.substring(h.start(), h.end());
  }

  @Test
  public void phrasesAreFoundHoweverTypedAtTheCharactersTyped_R_CPL_7_R_CALL_2() throws Exception {
    String text = "喂，这个我不 知 道，＂不行＂，我也沒辦法𠮷";
    List<Complaints.ReplyHit> hits = Complaints.checkReply(text, null);
    assertEquals(5, hits.size());
    assertEquals("喂", hits.get(0).phrase());
    assertEquals("不 知 道", typed(text, hits.get(1)));
    assertEquals("不行", typed(text, hits.get(2)));
    assertEquals("我也沒辦法", typed(text, hits.get(3)));
    assertEquals("没办法", hits.get(4).phrase());
    List<Complaints.ReplyHit> own = Complaints.checkReply("𠮷这个不归我管", Arrays.asList("不歸我管", "ＮＯ"));
    assertEquals(1, own.size());
    assertEquals(4, own.get(0).start()); // 𠮷 (outside the BMP: two chars in Java), 这, 个
    assertEquals("不歸我管", own.get(0).phrase());
    try {
      Complaints.checkReply("x", Arrays.asList("不行", ""));
      fail("an empty phrase");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("line 2 is empty"));
    }
  }

  @Test
  public void anEscalationDueAtNightFiresAtTheMakeupSaturdaysOpening_R_CPL_2() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin(); Policy policy = Policy.defaults()) {
      Instant friday = Instant.parse("2026-02-13T15:10:00Z"); // 23:10 before the working Saturday of 春节
      Complaints.EscalationWindow w = Complaints.mayEscalate(cal, friday, null);
      assertFalse(w.isOpen());
      assertEquals(Instant.parse("2026-02-14T00:30:00Z"), w.nextOpening());
      assertTrue(Complaints.mayEscalate(cal, MON, null).isOpen());
      assertNull(Complaints.mayEscalate(cal, MON, null).nextOpening());
      policy.set("complaint.escalate_after_hours", 1);
      assertTrue(Complaints.mayEscalate(cal, friday, policy).isOpen());
    }
  }

  @Test
  public void theQueueHarmFirstThenByDueAndTheEscalationRun_R_CPL_2_R_CPL_5() throws Exception {
    long major = complain("major", MON.minus(HOUR), true);
    long imp = complain("important", MON, false);
    long minor = complain("minor", MON.plus(HOUR), false);
    Instant at = MON.plus(HOUR.multipliedBy(2));
    List<ComplaintTarget> page = all(Complaints.queue(store, clerk(at), Complaints.QueueKind.DUE,
        Duration.ofDays(30), 0, 64));
    assertEquals(major, page.get(0).getComplaintId());
    assertTrue(page.get(0).isHarm());
    assertEquals(imp, page.get(3).getComplaintId());
    assertEquals("escalate", page.get(3).getTarget());
    assertEquals(minor, page.get(4).getComplaintId());
    List<ComplaintTarget> first = all(Complaints.queue(store, clerk(at), Complaints.QueueKind.DUE,
        Duration.ofDays(30), 0, 2));
    List<ComplaintTarget> rest = all(Complaints.queue(store, clerk(at), Complaints.QueueKind.DUE,
        Duration.ofDays(30), first.get(1).getId(), 64));
    assertEquals(page.size(), first.size() + rest.size());
    assertEquals(page.get(2).getId(), rest.get(0).getId());
    assertEquals(1, all(Complaints.queue(store, clerk(at), Complaints.QueueKind.BREACHED, null, 0, 64)).size());
    Complaints.Escalation run = Complaints.escalate(store, Actor.system(site, at));
    assertEquals(1, run.breached());
    assertEquals(1, run.escalated());
    assertEquals(0, run.deferred());
    assertNull(run.nextAt());
    assertEquals(0, Complaints.escalate(store, Actor.system(site, at)).escalated());
    assertTrue(all(Complaints.queue(store, clerk(at), Complaints.QueueKind.ESCALATE, null, 0, 64)).isEmpty());
    Complaints.Escalation night = Complaints.escalate(store, Actor.system(site, MON.plus(HOUR.multipliedBy(16))));
    assertEquals(1, night.deferred());
    assertEquals(Instant.parse("2026-03-03T00:30:00Z"), night.nextAt());
    try {
      Complaints.queue(store, clerk(at), Complaints.QueueKind.DUE, HOUR, 0, 65);
      fail("limit 65");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
    }
  }

  @Test
  public void newerHolidayDataRecomputesAndABreachStaysRecorded_R_CPL_2() throws Exception {
    store.setPolicyDeadline(manager(Instant.parse("2026-12-01T01:00:00Z")), "complaint.minor.resolve_days", 2,
        WorkCalendar.Unit.WORKING_DAYS);
    long id = complain("minor", Instant.parse("2026-12-30T02:00:00Z"), false);
    Complaints.escalate(store, Actor.system(site, Instant.parse("2027-01-04T10:00:00Z"))); // 18:00: breached
    Actor late = manager(Instant.parse("2027-01-04T10:30:00Z"));
    assertEquals(1, Complaints.addCalendarData(store, late, DATA_2027));
    ComplaintTarget t = null;
    for (ComplaintTarget x : all(Complaints.targets(store, late, null))) {
      if (x.getComplaintId() == id && x.getTarget().equals("resolve")) {
        t = x;
      }
    }
    assertEquals(Instant.parse("2027-01-05T09:30:00Z"), t.getDueAt());
    assertFalse(t.isProvisional());
    assertEquals("CN-2026.1+CN-2027.1", t.getDataVersion());
    assertEquals(Instant.parse("2027-01-04T10:00:00Z"), t.getBreachedAt());
    assertEquals(0, Complaints.recompute(store, late));
    try {
      Complaints.addCalendarData(store, late, DATA_2027);
      fail("loaded twice");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ECONFLICT, e.code());
    }
  }

  @Test
  public void theDaysUnansweredComplaintsBeforeTheShiftLeaves_R_COM_4() throws Exception {
    long untouched = complain("minor", MON, false);
    long answered = complain("major", MON.plus(HOUR), false);
    complain("minor", MON.minus(DAY), false);
    Complaints.step(store, clerk(MON.plus(HOUR.multipliedBy(2))), answered, new Complaints.Step("answer"));
    List<Complaint> rows = all(Complaints.unanswered(store, clerk(MON.plus(HOUR.multipliedBy(8))),
        LocalDate.of(2026, 3, 2), 0, 64));
    assertEquals(1, rows.size());
    assertEquals(untouched, rows.get(0).getId());
    assertFalse(rows.get(0).getContact().equals("13812345678"));
  }

  @Test
  public void theSitesOwnPhrasesAddedCheckedAndRetired_R_CPL_7() throws Exception {
    long id = Complaints.addReplyPhrase(store, manager(MON), "你们去找开发商");
    String text = "这事你們去找開發商吧，我不知道";
    List<Complaints.ReplyHit> hits = Complaints.checkReply(store, clerk(MON), text);
    assertEquals(2, hits.size());
    assertEquals("你們去找開發商", typed(text, hits.get(0)));
    assertEquals("你们去找开发商", all(Complaints.replyPhrases(store, clerk(MON), null)).get(0).getPhrase());
    try {
      Complaints.addReplyPhrase(store, manager(MON), "不 知 道");
      fail("built in");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ECONFLICT, e.code());
    }
    Complaints.retireReplyPhrase(store, manager(MON), id);
    assertEquals(MON, Complaints.replyPhrase(store, clerk(MON), id).getRetiredAt());
    assertEquals(1, Complaints.checkReply(store, clerk(MON), text).size());
  }
}
