package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.Test;

/** First use, as a new user meets it (issue 16): transactions, overloads, messages. */
public class FirstUseTest {
  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

  private static String path(String name) throws Exception {
    File dir = Files.createTempDirectory(new File(System.getProperty("fd.test.tmp", "/tmp")).toPath(), "first")
        .toFile();
    return new File(dir, name).getPath();
  }

  private static int staffCount(Store s, Actor a) throws Exception {
    int n = 0;
    try (RecordIterator<Staff> it = s.staffList(a, null)) {
      for (Staff ignored : it) {
        n++;
      }
    }
    return n;
  }

  @Test
  public void transactionBlockCommitsAndClosingUncommittedRollsBack() throws Exception {
    String p = path("tx.db");
    long site;
    try (Store s = Store.open(p)) {
      site = s.addSite(Actor.system(0, T0), "park", "某某产业园", null);
      Actor sys = Actor.system(site, T0);
      try (Transaction t = s.begin()) {
        s.addStaff(sys, "F001", "王小丽", "clerk");
        t.commit();
        assertTrue(t.isEnded());
      }
      try (Transaction t = s.begin()) {
        s.addStaff(sys, "F002", "李四", "clerk");
        assertTrue(s.inTransaction());
        assertFalse(t.isEnded());
      } // not committed: rolled back
      assertFalse(s.inTransaction());
      try (Transaction t = s.begin()) {
        s.addStaff(sys, "F003", "张三", "clerk");
        assertFalse(t.isEnded());
        throw new IllegalStateException("boom");
      } catch (IllegalStateException expected) {
        assertFalse(s.inTransaction());
      }
      // the old methods still work
      s.begin();
      s.addStaff(sys, "F004", "赵六", "clerk");
      s.commit();
      assertEquals(2, staffCount(s, sys));
    }
    Store s = Store.open(p);
    Actor sys = Actor.system(site, T0);
    s.begin();
    s.addStaff(sys, "F005", "钱七", "clerk");
    try {
      s.close();
      fail("closing with uncommitted work was silent");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ESTATE, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("rolled back"));
    }
    assertTrue(s.isClosed());
    s.close(); // twice is harmless
    try (Store again = Store.open(p)) {
      assertEquals(2, staffCount(again, sys));
    }
  }

  @Test
  public void overloadsMatchAcrossClasses() throws Exception {
    assertEquals(Money.roundTo(1255, 10, Money.Rounding.HALF_UP), Money.roundTo(1255, 10));
    assertEquals(Text.compare("王", "李", Text.Order.NAME), Text.compare("王", "李"));
  }

  @Test
  public void messagesNameTheRealCauseAndTheFunctionCalled() throws Exception {
    try {
      Phone.parse("12345678901");
      fail();
    } catch (FrontdeskException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("does not start with a mobile prefix"));
    }
    try (Store s = Store.open(path("policy.db"))) {
      long site = s.addSite(Actor.system(0, T0), "park", "某某产业园", null);
      try {
        s.setPolicy(Actor.system(site, T0), "no.such", 1);
        fail();
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.ENOTFOUND, e.code());
        assertTrue(e.getMessage(), e.getMessage().startsWith("fd_store_policy_set: key:"));
      }
    }
  }

  @Test
  public void moneyParseAcceptsDigitsWithYuanJiaoFen_R_FEE_4() throws Exception {
    assertEquals(1250, Money.parse("12元5角"));
    assertEquals(1253, Money.parse("12元5角3分"));
    assertEquals(1205, Money.parse("12元零5分"));
    assertEquals(50, Money.parse("5角"));
    assertEquals(3, Money.parse("3分"));
  }
}
