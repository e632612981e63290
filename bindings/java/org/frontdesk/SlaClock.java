package org.frontdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_sla;

/**
 * A deadline clock that can be paused (waiting for the customer, parts on order) and
 * resumed; paused time extends the deadline in the unit's own terms. The native clock
 * holds a reference to its calendar's native object, so it keeps counting after the
 * {@link WorkCalendar} is closed. Used by one thread at a time.
 */
public final class SlaClock extends NativeHandle<SWIGTYPE_p_fd_sla> {
  private final WorkCalendar calendar;

  /** One pause: when it began and ended ({@code to} null while it runs). */
  public static final class Pause {
    private final Instant from;
    private final Instant to;

    /** A pause from {@code from} to {@code to} (null: still paused). */
    public Pause(Instant from, Instant to) {
      this.from = from;
      this.to = to;
    }

    /** When the pause began. */
    public Instant from() {
      return from;
    }

    /** When it ended, null while it runs. */
    public Instant to() {
      return to;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pause && from.equals(((Pause) o).from) && Objects.equals(to, ((Pause) o).to);
    }

    @Override
    public int hashCode() {
      return Objects.hash(from, to);
    }

    @Override
    public String toString() {
      return from + ".." + (to == null ? "open" : to.toString());
    }
  }

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

  /**
   * A clock from its plain state: started at {@code start}, paused over {@code pauses} (in order; the
   * last may still run); the deadline is as pausing and resuming in order would give. Policy may be null.
   */
  public static SlaClock restore(WorkCalendar calendar, Instant start, long amount, WorkCalendar.Unit unit,
      Policy policy, List<Pause> pauses) throws FrontdeskException {
    long[] flat = new long[pauses.size() * 2];
    for (int i = 0; i < pauses.size(); i++) {
      Pause p = pauses.get(i);
      flat[2 * i] = p.from().getEpochSecond();
      flat[2 * i + 1] = p.to() == null ? Long.MAX_VALUE : p.to().getEpochSecond(); // FD_SLA_OPEN
    }
    SWIGTYPE_p_fd_sla[] out = new SWIGTYPE_p_fd_sla[1];
    calendar.call(policy, (c, p) -> {
      FrontdeskNative.fd_sla_restore(out, c, start.getEpochSecond(), amount, unit.code, p, flat);
      return null;
    });
    return new SlaClock(out[0], calendar);
  }

  /** A clock from the text {@link #save()} wrote. */
  public static SlaClock load(WorkCalendar calendar, String state) throws FrontdeskException {
    SWIGTYPE_p_fd_sla[] out = new SWIGTYPE_p_fd_sla[1];
    calendar.run(c -> FrontdeskNative.fd_sla_load(out, c, state));
    return new SlaClock(out[0], calendar);
  }

  /** The clock's whole state as one line of text, for {@link #load}. */
  public String save() throws FrontdeskException {
    return call(s -> Out.string(o -> FrontdeskNative.fd_sla_save(o, s)));
  }

  /** The calendar the clock was made with (the clock counts on after it is closed). */
  public WorkCalendar calendar() {
    return calendar;
  }

  /** When the clock started. */
  public Instant start() throws FrontdeskException {
    return Instant.ofEpochSecond(terms()[0]);
  }

  /** How many units. */
  public long amount() throws FrontdeskException {
    return terms()[1];
  }

  /** The unit. */
  public WorkCalendar.Unit unit() throws FrontdeskException {
    return WorkCalendar.Unit.of((int) terms()[2]);
  }

  private long[] terms() throws FrontdeskException {
    long[] start = new long[1];
    long[] amount = new long[1];
    int[] unit = new int[1];
    run(s -> FrontdeskNative.fd_sla_terms(start, amount, unit, s));
    return new long[] {start[0], amount[0], unit[0]};
  }

  /** The pauses so far, the running one last with {@code to} null. */
  public List<Pause> pauses() throws FrontdeskException {
    return call(s -> {
      long n = Out.int64(o -> FrontdeskNative.fd_sla_pause_count(o, s));
      List<Pause> list = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        long[] from = new long[1];
        long[] to = new long[1];
        FrontdeskNative.fd_sla_pause_get(from, to, s, i);
        list.add(new Pause(Instant.ofEpochSecond(from[0]), to[0] == Long.MAX_VALUE ? null : Instant.ofEpochSecond(to[0])));
      }
      return list;
    });
  }

  /** The data version of the deadline, e.g. "CN-2026.1+provisional-2027". */
  public String version() throws FrontdeskException {
    return call(s -> Out.string(o -> FrontdeskNative.fd_sla_version(o, new int[1], s)));
  }

  /** Whether days past the holiday data decide the deadline. */
  public boolean isProvisional() throws FrontdeskException {
    return call(s -> Out.flag(o -> FrontdeskNative.fd_sla_version(new String[1], o, s)));
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
