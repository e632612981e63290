package org.frontdesk;

import static org.frontdesk.Expect.fails;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The calls module from Java (issue 11): the pure rules a suite with its own database uses, and the store. */
public class CallsTest {
  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private File dir;
  private Store store;
  private long site;
  private Actor clerk;
  private Actor boss;

  private static Instant at(String hhmmss) {
    return OffsetDateTime.parse("2026-11-20T" + hhmmss + "+08:00").toInstant();
  }

  @Before
  public void open() throws Exception {
    dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "junit").toFile();
    store = Store.open(new File(dir, "site.db").getPath());
    site = store.addSite(Actor.system(0, T0), "park", "某某产业园", null);
    Actor system = Actor.system(site, T0);
    long f001 = store.addStaff(system, Staff.builder().code("F001").name("王小丽").role("clerk").build());
    long s001 = store.addStaff(system, Staff.builder().code("S001").name("周主管").role("supervisor").build());
    store.grant(system, "supervisor", Grant.MANAGE, true);
    store.grant(system, "supervisor", Grant.REVEAL, true);
    clerk = Actor.of(site, f001, at("08:00:00"));
    boss = Actor.of(site, s001, at("08:00:00")).withGrants(Grant.MANAGE);
  }

  @After
  public void close() throws Exception {
    store.close();
  }


  private static <T> List<T> all(RecordIterator<T> it) {
    try (RecordIterator<T> i = it) {
      List<T> out = new ArrayList<>();
      i.forEachRemaining(out::add);
      return out;
    }
  }

  private static Call.Builder answered() {
    return Call.builder().direction("in").callerNumber("13800138000").callerName("周先生").ringAt(at("08:41:05"))
        .answerAt(at("08:41:11")).endAt(at("08:42:40")).disposition("answered").category("inquiry")
        .matter("会议室预订").readBack(true);
  }

  @Test
  public void codesR_COM_5() throws Exception {
    assertEquals("咨询", Calls.codeLabel("category", "inquiry"));
    assertNull(Calls.codeLabel("category", "nope"));
    assertEquals("repair", Calls.codeParse("category", "报修"));
    assertEquals("inquiry", Calls.codeParse("category", "諮詢"));
    fails(Frontdesk.EINVAL, "category", () -> Calls.codeParse("category", "闲聊"));
  }

  @Test
  public void ringsAndLateAnswersR_CALL_1() throws Exception {
    assertEquals(3, Calls.rings(at("09:00:00"), at("09:00:15"), null));
    assertEquals(4, Calls.rings(at("09:00:00"), at("09:00:16"), null));
    try (Policy p = Policy.defaults()) {
      p.set("call.ring_period_s", 6);
      assertEquals(3, Calls.rings(at("09:00:00"), at("09:00:16"), p));
    }
    fails(Frontdesk.EINVAL, "call.apology", () -> Calls.assess(answered().answerAt(at("08:41:25")).build(), null));
    Call late = Calls.assess(answered().answerAt(at("08:41:25")).apology("given").build(), null);
    assertEquals(4, late.getRings());
    assertTrue(late.isLate());
    Call onTime = Calls.assess(answered().build(), null);
    assertFalse(onTime.isLate());
  }

  @Test
  public void refusalsNameTheFieldNeverTheNumber() throws Exception {
    fails(Frontdesk.EINVAL, "call.answer_at", () -> Calls.assess(answered().answerAt(at("08:41:00")).build(), null));
    try {
      Calls.assess(answered().callerNumber("1380013800099").build(), null);
      fail("no exception");
    } catch (FrontdeskException e) {
      assertTrue(e.getMessage().contains("call.caller_number"));
      assertFalse(e.getMessage().contains("1380013800099"));
    }
  }

  @Test
  public void privateWrongNumberAndDroppedR_CALL_4_7_8() throws Exception {
    assertTrue(Calls.assess(answered().category("private").matter(null).endAt(at("08:44:12")).build(), null)
        .isOverLimit());
    Call wrong = Call.builder().direction("in").ringAt(at("11:02:40")).answerAt(at("11:02:44"))
        .endAt(at("11:02:54")).disposition("answered").category("wrong_number").build();
    assertEquals("wrong_number", Calls.assess(wrong, null).getCategory());
    assertTrue(Calls.needsCallback(answered().disposition("dropped").build()));
    assertFalse(Calls.needsCallback(answered().direction("out").disposition("dropped").build()));
  }

  @Test
  public void replyDueOnTheWorkingCalendarR_CALL_9() throws Exception {
    try (WorkCalendar cal = WorkCalendar.builtin()) {
      WorkCalendar.Deadline d = Calls.replyDue(cal, at("17:55:00"), null);
      assertEquals(LocalDate.of(2026, 11, 24), d.due().atOffset(ZoneOffset.ofHours(8)).toLocalDate());
      assertFalse(d.isProvisional());
    }
  }

  @Test
  public void screeningAndGuestsR_CALL_5_11_12() throws Exception {
    DirEntry leader = DirEntry.builder().id(3).kind("person").name("陈志强").confidential(true).screen("screen")
        .managerEntry(2).purchasingEntry(4).presence("in").build();
    assertEquals(Calls.ScreenAction.CONFIRM, Calls.screen(leader, null, at("10:00:00")).action());
    Calls.ScreenDecision d = Calls.screen(leader, "customer", at("10:00:00"));
    assertEquals(Calls.ScreenAction.ROUTE, d.action());
    assertEquals(2, d.routeEntry());
    assertEquals("R-CALL-12", d.rule());
    assertEquals(Calls.ScreenAction.DECLINE, Calls.screen(leader, "sales", at("10:00:00")).action());
    Guest g = Guest.builder().name("王芳").room("1208").arrival(DAY).departure(DAY.plusDays(2)).build();
    assertEquals(Calls.GuestAnswer.IN_HOUSE, Calls.guestAnswer(g, DAY, false));
    assertEquals(Calls.GuestAnswer.NOT_ARRIVED, Calls.guestAnswer(g, DAY.minusDays(1), false));
    assertEquals(Calls.GuestAnswer.NONE, Calls.guestAnswer(Guest.builder().name("王芳").room("1208").arrival(DAY).departure(DAY.plusDays(2)).incognito(true).build(), DAY, false));
    assertEquals(Calls.GuestAnswer.NONE, Calls.guestAnswer(null, DAY, false));
    assertEquals("in_house", Calls.GuestAnswer.IN_HOUSE.code());
  }

  private static final String ASTERISK_21 = "\"\",\"13800138000\",\"8001\",\"from-trunk\",\"\"\"周先生\"\" <13800138000>\","
      + "\"SIP/trunk-00000001\",\"SIP/8001-00000002\",\"Dial\",\"SIP/8001,30\",\"2026-11-20 09:00:00\","
      + "\"2026-11-20 09:00:07\",\"2026-11-20 09:01:07\",67,60,\"ANSWERED\",\"DOCUMENTATION\",\"1763600400.1\",\"\","
      + "\"\",\"1763600400.1\",1";

  @Test
  public void cdrParseAndAssembleR_CALL_3() throws Exception {
    assertEquals(Calls.CdrDialect.ASTERISK_CSV, Calls.CdrDialect.of("asterisk_csv"));
    CdrLeg leg;
    try (Calls.CdrParser p = Calls.CdrParser.open(Calls.CdrDialect.ASTERISK_CSV, "pbx1", "Asia/Shanghai", null)) {
      leg = p.parseLine(ASTERISK_21);
      assertEquals(at("09:00:07"), leg.getAnswerAt());
      assertNull(p.parseLine(""));
      fails(Frontdesk.EINVAL, "column", () -> p.parseLine(ASTERISK_21.replace("09:00:07", "08:59:07")));
    }
    Call call = Calls.assemble(Arrays.asList(leg));
    assertEquals("周先生", call.getCallerName());
    assertEquals(1, call.getLegs());
    fails(Frontdesk.EINVAL, "legs", () -> Calls.assemble(Arrays.asList(leg, null)));
  }

  @Test
  public void storeLogsMasksAndCreatesTasksR_CALL_1_8_R_COM_2() throws Exception {
    long id = Calls.logCall(store, clerk.withAt(at("08:43:00")), answered().answerAt(at("08:41:25")).apology("given").build());
    Call c = Calls.call(store, clerk, id);
    assertEquals(4, c.getRings());
    assertEquals("138****8000", c.getCallerNumber());
    assertEquals("13800138000", Calls.call(store, boss.withReveal("核对"), id).getCallerNumber());
    CallFilter byNumber = new CallFilter().callerNumber(Calls.normalizedNumber("+86 138-0013-8000"));
    fails(Frontdesk.EPERM, "reveal", () -> all(Calls.calls(store, clerk, byNumber)));
    assertEquals(id, all(Calls.calls(store, boss.withReveal("核对"), byNumber)).get(0).getId());
    long none = Calls.logCall(store, clerk.withAt(at("14:21:00")), Call.builder().direction("in").ringAt(at("14:20:10"))
        .endAt(at("14:20:40")).disposition("no_answer").build());
    assertNull(Calls.call(store, clerk, none).getAnswerAt());
    Calls.logCall(store, clerk.withAt(at("13:01:00")), answered().disposition("dropped").ringAt(at("13:00:00"))
        .answerAt(at("13:00:05")).endAt(at("13:00:40")).build());
    List<CallTask> open = all(Calls.tasks(store, clerk, new CallTaskFilter().state("open")));
    assertEquals(1, open.size());
    assertEquals("callback", open.get(0).getKind());
    Calls.completeTask(store, clerk.withAt(at("13:10:00")), open.get(0).getId(), "已回拨");
    fails(Frontdesk.ESTATE, "done", () -> Calls.completeTask(store, clerk, open.get(0).getId(), "again"));
    fails(Frontdesk.EINVAL, "call.ring_at", () -> Calls.logCall(store, clerk, answered().build()));
    Map<String, Long> stats = Calls.stats(store, clerk, at("00:00:00"), at("23:59:59"));
    assertEquals(Long.valueOf(3), stats.get("total"));
    assertEquals(Long.valueOf(1), stats.get("late"));
  }

  @Test
  public void messagesDirectoryAndGuestsR_CALL_6_11() throws Exception {
    fails(Frontdesk.EINVAL, "message.confirmed", () -> Calls.takeMessage(store, clerk,
        Message.builder().forName("陈总").fromName("郑先生").body("请回电").build()));
    long m = Calls.takeMessage(store, clerk, Message.builder().forName("陈总").fromName("郑先生")
        .fromNumber("13522446688").body("请回电").confirmed(true).build());
    Calls.deliverMessage(store, clerk.withAt(at("10:45:00")), m, "in_person", null);
    fails(Frontdesk.ESTATE, "delivered", () -> Calls.expireMessage(store, clerk, m, "late"));
    assertEquals(2, all(Calls.messageEvents(store, clerk, new MessageEventFilter().messageId(m))).size());

    long leader = Calls.addDirEntry(store, boss, DirEntry.builder().kind("person").name("陈志强").extension("8400")
        .number("13812345678").confidential(true).build());
    List<DirEntry> found = all(Calls.find(store, clerk, "czq", 20));
    assertEquals(1, found.size());
    assertEquals("138****5678", found.get(0).getNumber());
    assertEquals(leader, all(Calls.find(store, clerk, "8400", 20)).get(0).getId());
    Calls.setPresence(store, clerk, leader, "dnd", at("12:00:00"));
    assertEquals("dnd", Calls.dirEntry(store, clerk, leader).getPresence());

    Calls.addGuest(store, clerk, Guest.builder().name("王芳").room("1208").arrival(DAY).departure(DAY.plusDays(2)).build());
    Calls.GuestLookup l = Calls.lookupGuest(store, clerk.withAt(at("12:00:00")), "wangfang", null);
    assertEquals(Calls.GuestAnswer.IN_HOUSE, l.answer());
    assertEquals("1208", l.guest().getRoom());
  }

  @Test
  public void cdrImportIsIdempotentR_CALL_3() throws Exception {
    Path data = Paths.get(System.getProperty("fd.source.dir", "."), "tests", "data", "cdr");
    Path file = data.resolve("asterisk_master.csv");
    Calls.CdrImport first = Calls.importCdr(store, clerk, "pbx1", Calls.CdrDialect.ASTERISK_CSV, file, null, null);
    assertTrue(first.imported() > 0);
    assertEquals(0, first.rejected());
    Calls.CdrImport again = Calls.importCdr(store, clerk, "pbx1", Calls.CdrDialect.ASTERISK_CSV,
        new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8), null, null);
    assertEquals(0, again.imported());
    assertEquals(first.imported(), again.already());
    Calls.CdrImport bad = Calls.importCdr(store, clerk, "pbx2", Calls.CdrDialect.ASTERISK_CSV,
        ASTERISK_21 + "\n\"short\",\"line\"\n", null, null);
    assertEquals(1, bad.rejected());
    assertTrue(bad.rejects().containsKey(2L));
  }
}
