package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.*; // java.util.Calendar below must not meet an org.frontdesk.Calendar
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_money_format_options;
import org.frontdesk.swig.fd_policy_key_info;
import org.frontdesk.swig.fd_text_order;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Arguments C would misread are refused by the binding, naming the C parameter
 * (issue 8 item 4): a String with a NUL (C would see it cut short) or a lone
 * surrogate (it has no UTF-8; String.getBytes would send '?'), a date outside
 * fd_date's 0001..9999 (once packed as 0, read as today) or null.
 */
public class BindingsHardeningTest {
  private static final String NUL = "before\u0000after";
  private static final String SURROGATE = "a\uD800b";
  private static final String NUL_MSG = ": contains a NUL character";
  private static final String SURROGATE_MSG = ": contains a lone surrogate (not valid UTF-16/Unicode)";

  private WorkCalendar cal;
  private Policy policy;

  /** One call taking the argument under test. */
  interface Call<T> {
    void call(T arg) throws FrontdeskException;
  }

  @Before
  public void open() throws Exception {
    cal = WorkCalendar.builtin();
    policy = Policy.defaults();
  }

  @After
  public void close() {
    cal.close();
    policy.close();
  }

  static <T> void assertRefused(int code, String message, Call<T> call, T arg) {
    try {
      call.call(arg);
      fail("accepted: " + message);
    } catch (FrontdeskException e) {
      assertEquals(e.getMessage(), code, e.code());
      assertEquals(message, e.getMessage());
    }
  }

  /** Each string parameter, across modules, with its C name. */
  private Map<String, Call<String>> stringCalls() {
    Map<String, Call<String>> calls = new LinkedHashMap<>();
    calls.put("s", s -> Text.normalize(s));
    calls.put("text", s -> Money.parse(s));
    calls.put("query", s -> Text.matches(s, "张三"));
    calls.put("items[1]", s -> Text.sortNames(new String[] {"张三", s}));
    calls.put("org", s -> cal.greeting(LocalDate.of(2026, 2, 14), s));
    calls.put("time_zone", s -> cal.setTimeZone(s));
    calls.put("key", s -> policy.get(s));
    calls.put("hours", s -> cal.setBusinessHours(s));
    return calls;
  }

  @Test
  public void stringWithNulIsRefusedNotTruncated() {
    for (Map.Entry<String, Call<String>> c : stringCalls().entrySet()) {
      assertRefused(Frontdesk.EINVAL, c.getKey() + NUL_MSG, c.getValue(), NUL);
    }
    assertRefused(Frontdesk.EINVAL, "s" + NUL_MSG, Text::normalize, "a\u0000b");
    assertRefused(Frontdesk.EINVAL, "text" + NUL_MSG, WorkCalendar::fromText, "frontdesk-holidays 1\u0000");
    assertRefused(Frontdesk.EINVAL, "text" + NUL_MSG, Frontdesk::parseDate, "2026-02-14\u0000junk");
  }

  @Test
  public void stringWithLoneSurrogateIsRefusedNotReplaced() {
    for (Map.Entry<String, Call<String>> c : stringCalls().entrySet()) {
      assertRefused(Frontdesk.EINVAL, c.getKey() + SURROGATE_MSG, c.getValue(), SURROGATE);
    }
    for (String s : new String[] {"\uD800", "\uDC00", "x\uDBFF", "\uDFFF\uD800", "1\uD800"}) {
      assertRefused(Frontdesk.EINVAL, "s" + SURROGATE_MSG, Text::normalize, s);
    }
    assertRefused(Frontdesk.EINVAL, "text" + SURROGATE_MSG, Money::parse, "1\uD800");
  }

  @Test
  public void validStringsKeepCharactersOutsideTheBmp() throws Exception {
    assertEquals("𠮷野家", Text.normalize("𠮷野家"));
    assertEquals(2, Text.sortNames(new String[] {"张三", "𠮷"}).length);
    assertEquals(Text.displayWidth("𠮷"), Text.displayWidth("张"));
  }

  @Test
  public void nullStringsReachC() {
    // null is NULL for C to judge: the message is the library's, not the binding's.
    try {
      Text.normalize(null);
      fail("null accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.EINVAL, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains("must not be NULL"));
    }
    assertRefused(Frontdesk.EINVAL, "items[0]: must not be null",
        (String s) -> Text.sortNames(new String[] {s}), null);
    assertRefused(Frontdesk.EINVAL, "items: must not be null",
        (String s) -> FrontdeskNative.fd_text_sort_names(new String[1], null, fd_text_order.FD_TEXT_ORDER_NAME), null);
  }

  /** Each date parameter, across modules, with its C name. */
  private Map<String, Call<LocalDate>> dateCalls() {
    Map<String, Call<LocalDate>> calls = new LinkedHashMap<>();
    calls.put("date", d -> cal.isWorkday(d));
    calls.put("b", d -> cal.workingDaysBetween(LocalDate.of(2026, 3, 2), d));
    calls.put("today", d -> IdCard.isValid("11010519491231002X", d));
    return calls;
  }

  @Test
  public void datesOutsideFdDateAreOutOfRangeNotToday() {
    for (Map.Entry<String, Call<LocalDate>> c : dateCalls().entrySet()) {
      for (LocalDate d : new LocalDate[] {LocalDate.of(10000, 1, 1), LocalDate.MIN, LocalDate.MAX,
          LocalDate.of(0, 12, 31), LocalDate.of(-1, 1, 1)}) {
        String message = c.getKey() + ": " + d + " is outside 0001-01-01..9999-12-31";
        assertRefused(Frontdesk.ERANGE, message, c.getValue(), d);
      }
    }
    assertRefused(Frontdesk.ERANGE, "date: +10000-01-01 is outside 0001-01-01..9999-12-31",
        Frontdesk::formatDate, LocalDate.of(10000, 1, 1));
  }

  @Test
  public void nullDateIsRefused() {
    for (Map.Entry<String, Call<LocalDate>> c : dateCalls().entrySet()) {
      assertRefused(Frontdesk.EINVAL, c.getKey() + ": a date is required, got null", c.getValue(), null);
    }
    assertRefused(Frontdesk.EINVAL, "date: a date is required, got null", Frontdesk::checkDate, null);
  }

  @Test
  public void datesAtTheEdgesStillPass() throws Exception {
    assertEquals("0001-01-01", Frontdesk.formatDate(LocalDate.of(1, 1, 1)));
    assertEquals("9999-12-31", Frontdesk.formatDate(LocalDate.of(9999, 12, 31)));
  }

  @Test
  public void unsignedParametersRefuseNegativeLongs() {
    try {
      FrontdeskNative.fd_policy_key_at(new fd_policy_key_info(), -1);
      fail("size_t -1 accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
      assertTrue(e.getMessage(), e.getMessage().startsWith("index: -1 is outside 0.."));
    }
    try {
      FrontdeskNative.fd_money_format_options_init(new fd_money_format_options(), -1);
      fail("unsigned -1 accepted");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
      assertEquals("version: -1 is outside 0..4294967295", e.getMessage());
    }
  }

  @Test
  public void workCalendarDoesNotCollideWithJavaUtil() throws Exception {
    // With java.util.* imported, "Calendar" here is java.util.Calendar.
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
    c.clear();
    c.set(2026, Calendar.FEBRUARY, 14);
    LocalDate d = LocalDate.of(c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH));
    assertTrue(cal.isWorkday(d)); // a make-up Saturday
    try {
      Class.forName("org.frontdesk.Calendar");
      fail("org.frontdesk.Calendar still exists");
    } catch (ClassNotFoundException expected) {
      // renamed to WorkCalendar
    }
  }

  @Test
  public void closedHandlesAreRefused() throws Exception {
    WorkCalendar c = WorkCalendar.builtin();
    SlaClock clock = SlaClock.start(c, Instant.ofEpochSecond(1772413200L), 1, WorkCalendar.Unit.CLOCK_HOURS, policy);
    c.close();
    // The native clock holds a reference to the native calendar (issue 10): it keeps counting.
    assertEquals(Instant.ofEpochSecond(1772416800L), clock.due());
    clock.close();
    try {
      clock.due();
      fail("closed clock used");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ESTATE, e.code());
    }
    try {
      c.applyPolicy(policy);
      fail("closed calendar used");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ESTATE, e.code());
    }
  }

  @Test
  public void handlesLeftToTheCleanerStayValidDuringCalls() throws Exception {
    // Unclosed handles used once and dropped: call/run fence each owner, so the
    // Cleaner never frees a native object under a running call.
    for (int i = 0; i < 2000; i++) {
      assertTrue(WorkCalendar.builtin().isWorkday(LocalDate.of(2026, 2, 14)));
      Policy.defaults().get("call.max_rings");
      if (i % 500 == 0) {
        System.gc();
      }
    }
  }
}
