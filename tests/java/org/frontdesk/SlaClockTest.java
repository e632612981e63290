package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.frontdesk.WorkCalendarTest.sh;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

  @Test
  public void aClockOutlivesItsCalendar() throws Exception {
    WorkCalendar c = WorkCalendar.builtin();
    SlaClock clock = SlaClock.start(c, sh(2026, 2, 13, 17, 55), 2, WorkCalendar.Unit.WORKING_DAYS);
    c.close();
    assertEquals(sh(2026, 2, 24, 17, 30), clock.due());
    clock.pause(sh(2026, 2, 24, 9, 0));
    clock.resume(sh(2026, 2, 25, 9, 0));
    assertEquals(sh(2026, 2, 25, 17, 30), clock.due());
    clock.close();
  }

  @Test
  public void plainStateSavedAndRestored() throws Exception {
    try (SlaClock c = SlaClock.start(cal, sh(2026, 2, 12, 10, 0), 3, WorkCalendar.Unit.WORKING_DAYS)) {
      c.pause(sh(2026, 2, 13, 11, 0));
      c.resume(sh(2026, 2, 24, 9, 0));
      c.pause(sh(2026, 2, 25, 9, 0));
      assertEquals(sh(2026, 2, 12, 10, 0), c.start());
      assertEquals(3, c.amount());
      assertEquals(WorkCalendar.Unit.WORKING_DAYS, c.unit());
      List<SlaClock.Pause> pauses = c.pauses();
      assertEquals(Arrays.asList(new SlaClock.Pause(sh(2026, 2, 13, 11, 0), sh(2026, 2, 24, 9, 0)),
          new SlaClock.Pause(sh(2026, 2, 25, 9, 0), null)), pauses);
      assertEquals("CN-2026.1", c.version());
      assertFalse(c.isProvisional());
      try (SlaClock r = SlaClock.restore(cal, c.start(), 3, WorkCalendar.Unit.WORKING_DAYS, null, pauses);
          SlaClock l = SlaClock.load(cal, c.save())) {
        assertEquals(c.save(), l.save());
        c.resume(sh(2026, 2, 26, 9, 0));
        r.resume(sh(2026, 2, 26, 9, 0));
        l.resume(sh(2026, 2, 26, 9, 0));
        assertEquals(c.due(), r.due());
        assertEquals(c.due(), l.due());
      }
      try {
        SlaClock.restore(cal, c.start(), 3, WorkCalendar.Unit.WORKING_DAYS, null,
            Arrays.asList(new SlaClock.Pause(sh(2026, 2, 11, 9, 0), null)));
        fail();
      } catch (FrontdeskException e) {
        assertEquals(Frontdesk.ERANGE, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains("pauses[0]: 2026-02-11 09:00 +08:00"));
      }
    }
  }
}
