package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.frontdesk.WorkCalendarTest.sh;

import java.time.Duration;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Pausable SLA clocks (issue 5) from Java. */
public class SlaClockTest {
  private WorkCalendar cal;

  @Before
  public void open() throws Exception {
    cal = WorkCalendar.builtin();
  }

  @After
  public void close() {
    cal.close();
  }

  @Test
  public void pauseAndResumeInBusinessHours() throws Exception {
    try (SlaClock c = SlaClock.start(cal, sh(2026, 3, 2, 9, 0), 8, WorkCalendar.Unit.BUSINESS_HOURS)) {
      assertSame(cal, c.calendar());
      assertEquals(sh(2026, 3, 3, 9, 30), c.due());
      c.pause(sh(2026, 3, 2, 11, 0));
      assertTrue(c.isPaused());
      try {
        c.pause(sh(2026, 3, 2, 11, 5));
        fail();
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.ESTATE, e.code());
      }
      try {
        c.due();
        fail();
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.ESTATE, e.code());
      }
      assertEquals(Duration.ofHours(6), c.remaining(sh(2026, 3, 2, 16, 0)));
      c.resume(sh(2026, 3, 2, 14, 0));
      try {
        c.resume(sh(2026, 3, 2, 15, 0));
        fail();
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.ESTATE, e.code());
      }
      assertFalse(c.isPaused());
      assertEquals(5400, c.extension());
      assertEquals(sh(2026, 3, 3, 11, 0), c.due());
      assertFalse(c.breached(sh(2026, 3, 3, 11, 0)));
      assertTrue(c.breached(sh(2026, 3, 3, 11, 0).plusSeconds(1)));
    }
  }

  @Test
  public void pauseSpanningAHolidayCountsWorkingDays() throws Exception {
    try (Policy p = Policy.defaults();
        SlaClock c = SlaClock.start(cal, sh(2026, 2, 12, 10, 0), 3, WorkCalendar.Unit.WORKING_DAYS, p)) {
      assertEquals(sh(2026, 2, 24, 17, 30), c.due());
      c.pause(sh(2026, 2, 13, 11, 0));
      c.resume(sh(2026, 2, 24, 9, 0));
      assertEquals(2, c.extension());
      assertEquals(sh(2026, 2, 26, 17, 30), c.due());
    }
  }

  @Test
  public void negativeAmountIsRefused() throws Exception {
    try {
      SlaClock.start(cal, sh(2026, 3, 2, 9, 0), -1, WorkCalendar.Unit.CLOCK_HOURS);
      fail();
    } catch (FrontdeskException e) {
      assertEquals(Frontdesk.ERANGE, e.code());
    }
  }
}
