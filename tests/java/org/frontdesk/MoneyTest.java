package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** money from Java: capital numerals (R-FEE-4), display, parsing, rounding (R-FEE-7). */
public class MoneyTest {
  @Test
  public void upperExamplesOfTheIssue_R_FEE_4() throws Exception {
    assertEquals("壹万零贰佰元伍角", Money.upper(1020050));
    assertEquals("壹元整", Money.upper(100));
    assertEquals("伍分", Money.upper(5));
    assertEquals("壹仟零伍元整", Money.upper(100500));
    assertEquals("壹仟零伍元零柒分", Money.upper(100507));
    assertEquals("壹拾元整", Money.upper(1000));
    assertEquals("零元整", Money.upper(0));
    assertEquals("负壹元整", Money.upper(-100));
    assertEquals("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分", Money.upper(9999999999L));
    assertEquals("壹亿零壹元整", Money.upper(10000000100L));
    for (long v : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 1, -1, 10700053}) {
      assertEquals(v, Money.parse(Money.upper(v)));
    }
  }

  @Test
  public void format() throws Exception {
    assertEquals("¥1,234.50", Money.format(123450));
    assertEquals("-¥0.05", Money.format(-5));
    assertEquals("1234.50", Money.format(123450, false, false));
    assertEquals("1,234.50", Money.format(123450, false, true));
    assertEquals("¥92,233,720,368,547,758.07", Money.format(Long.MAX_VALUE));
  }

  @Test
  public void parse() throws Exception {
    assertEquals(123450, Money.parse("1,234.5"));
    assertEquals(123450, Money.parse("¥1234.50"));
    assertEquals(123450, Money.parse("1234.5元"));
    assertEquals(123450, Money.parse("１２３４．５０"));
    assertEquals(100500, Money.parse("壹仟零伍元整"));
    assertEquals(-5, Money.parse("负伍分"));
  }

  private static void rejects(String text, int code, String needle) {
    try {
      Money.parse(text);
      fail("no exception for " + text);
    } catch (FrontdeskException e) {
      assertEquals(code, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains(needle));
    }
  }

  @Test
  public void parseRejectsAmbiguousInput() {
    rejects("1.234", Frontdesk.EINVAL, "'1.234' has 3 digits after the decimal point");
    rejects("1,23", Frontdesk.EINVAL, "in the wrong place");
    rejects("", Frontdesk.EINVAL, "empty");
    rejects("--1", Frontdesk.EINVAL, "more than one sign");
    rejects("99999999999999999999", Frontdesk.ERANGE, "too large");
  }

  @Test
  public void arithmetic_R_FEE_7() throws Exception {
    assertEquals(123505, Money.add(123450, 55));
    assertEquals(-1, Money.sub(100, 101));
    assertEquals(8642, Money.mulRatio(12345, 70, 100));
    assertEquals(8648, Money.mulRatio(12355, 70, 100, Money.Rounding.HALF_EVEN));
    assertEquals(8641, Money.mulRatio(12345, 70, 100, Money.Rounding.DOWN));
    assertEquals(-3, Money.mulRatio(-21, 1, 10, Money.Rounding.UP));
    assertEquals(-3, Money.mulRatio(-21, 1, 10, Money.Rounding.FLOOR));
    assertEquals(-2, Money.mulRatio(-29, 1, 10, Money.Rounding.CEILING));
    assertEquals(12350, Money.roundTo(12345, 10, Money.Rounding.HALF_UP));
    assertEquals(12300, Money.roundTo(12399, 100, Money.Rounding.DOWN));
    try {
      Money.add(Long.MAX_VALUE, 1);
      fail("no overflow");
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
    }
    try {
      Money.mulRatio(1, 1, 0);
      fail("no error for den 0");
    } catch (FrontdeskException e) {
      assertTrue(e.getMessage().contains("den: must not be 0"));
    }
  }
}
