package org.frontdesk;

import java.time.Duration;
import java.time.Instant;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_sla;

/**
 * A deadline clock that can be paused (waiting for the customer, parts on order) and
 * resumed; paused time extends the deadline in the unit's own terms. Keeps its
 * calendar alive. Used by one thread at a time.
 */
public final class SlaClock extends NativeHandle<SWIGTYPE_p_fd_sla> {
  private final WorkCalendar calendar; // the native clock points at the calendar's native object

  private SlaClock(SWIGTYPE_p_fd_sla p, WorkCalendar calendar) {
    super(p, FrontdeskNative::fd_sla_free);
    this.calendar = calendar;
  }

  /** Starts a clock at {@code start} for {@code amount} of {@code unit}. */
  public static SlaClock start(WorkCalendar calendar, Instant start, long amount, WorkCalendar.Unit unit)
      throws FrontdeskException {
    return start(calendar, start, amount, unit, null);
  }

  /** As {@link #start(WorkCalendar, Instant, long, WorkCalendar.Unit)}, with a site policy (may be null). */
  public static SlaClock start(WorkCalendar calendar, Instant start, long amount, WorkCalendar.Unit unit,
      Policy policy) throws FrontdeskException {
    SWIGTYPE_p_fd_sla[] out = new SWIGTYPE_p_fd_sla[1];
    calendar.call(policy, (c, p) -> {
      FrontdeskNative.fd_sla_new(out, c, start.getEpochSecond(), amount, unit.code, p);
      return null;
    });
    return new SlaClock(out[0], calendar);
  }

  /** The calendar the clock counts in. */
  public WorkCalendar calendar() {
    return calendar;
  }

  /** The clock's pointer, once its calendar is known to be open: the native clock reads the calendar's. */
  @Override
  protected SWIGTYPE_p_fd_sla handle() throws FrontdeskException {
    calendar.handle();
    return super.handle();
  }

  /** Pauses; FD_ESTATE when already paused. */
  public void pause(Instant at) throws FrontdeskException {
    run(s -> FrontdeskNative.fd_sla_pause(s, at.getEpochSecond()));
  }

  /** Resumes; FD_ESTATE when running. */
  public void resume(Instant at) throws FrontdeskException {
    run(s -> FrontdeskNative.fd_sla_resume(s, at.getEpochSecond()));
  }

  /** Whether the clock is paused. */
  public boolean isPaused() throws FrontdeskException {
    return call(s -> Out.flag(o -> FrontdeskNative.fd_sla_is_paused(o, s)));
  }

  /** The deadline; FD_ESTATE while paused. */
  public Instant due() throws FrontdeskException {
    return Instant.ofEpochSecond(call(s -> Out.int64(o -> FrontdeskNative.fd_sla_due(o, s))));
  }

  /** Time left at {@code now} (business time for business units), negative when overdue. */
  public Duration remaining(Instant now) throws FrontdeskException {
    return Duration.ofSeconds(
        call(s -> Out.int64(o -> FrontdeskNative.fd_sla_remaining(o, s, now.getEpochSecond()))));
  }

  /** Whether the deadline has passed at {@code now}. */
  public boolean breached(Instant now) throws FrontdeskException {
    return call(s -> Out.flag(o -> FrontdeskNative.fd_sla_breached(o, s, now.getEpochSecond())));
  }

  /** The extension earned by pauses: seconds for hour and minute units, days for day units. */
  public long extension() throws FrontdeskException {
    return call(s -> Out.int64(o -> FrontdeskNative.fd_sla_extension(o, s)));
  }
}
