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
  private final Calendar calendar; // the native clock points at the calendar's native object

  private SlaClock(SWIGTYPE_p_fd_sla p, Calendar calendar) {
    super(p, FrontdeskNative::fd_sla_free);
    this.calendar = calendar;
  }

  /** Starts a clock at {@code start} for {@code amount} of {@code unit}. */
  public static SlaClock start(Calendar calendar, Instant start, long amount, Calendar.Unit unit)
      throws FrontdeskException {
    return start(calendar, start, amount, unit, null);
  }

  /** As {@link #start(Calendar, Instant, long, Calendar.Unit)}, with a site policy (may be null). */
  public static SlaClock start(Calendar calendar, Instant start, long amount, Calendar.Unit unit, Policy policy)
      throws FrontdeskException {
    SWIGTYPE_p_fd_sla[] out = new SWIGTYPE_p_fd_sla[1];
    FrontdeskNative.fd_sla_new(out, calendar.ptr(), start.getEpochSecond(), amount, unit.code,
        policy == null ? null : policy.handle());
    return new SlaClock(out[0], calendar);
  }

  public Calendar calendar() {
    return calendar;
  }

  /** Pauses; FD_ESTATE when already paused. */
  public void pause(Instant at) throws FrontdeskException {
    calendar.ptr();
    FrontdeskNative.fd_sla_pause(handle(), at.getEpochSecond());
  }

  /** Resumes; FD_ESTATE when running. */
  public void resume(Instant at) throws FrontdeskException {
    calendar.ptr();
    FrontdeskNative.fd_sla_resume(handle(), at.getEpochSecond());
  }

  public boolean isPaused() throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_sla_is_paused(o, handle()));
  }

  /** The deadline; FD_ESTATE while paused. */
  public Instant due() throws FrontdeskException {
    long[] out = new long[1];
    FrontdeskNative.fd_sla_due(out, handle());
    return Instant.ofEpochSecond(out[0]);
  }

  /** Time left at {@code now} (business time for business units), negative when overdue. */
  public Duration remaining(Instant now) throws FrontdeskException {
    calendar.ptr();
    long[] out = new long[1];
    FrontdeskNative.fd_sla_remaining(out, handle(), now.getEpochSecond());
    return Duration.ofSeconds(out[0]);
  }

  public boolean breached(Instant now) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_sla_breached(o, handle(), now.getEpochSecond()));
  }

  /** The extension earned by pauses: seconds for hour and minute units, days for day units. */
  public long extension() throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_sla_extension(o, handle()));
  }
}
