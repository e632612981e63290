package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_calendar;
import org.frontdesk.swig.fd_calendar_beyond;
import org.frontdesk.swig.fd_calendar_day_kind;
import org.frontdesk.swig.fd_calendar_unit;

/**
 * A working calendar: public holidays with make-up working days (调休), business and
 * quiet hours in the site's time zone, deadlines, festivals and the phone greeting.
 * {@code try (WorkCalendar cal = WorkCalendar.builtin()) { cal.isWorkday(LocalDate.of(2026, 2, 14)); }}.
 * Named so that code importing {@code java.util.*} does not meet two {@code Calendar}s.
 * Reading methods may be called from several threads at once; setters need exclusive use.
 * A date outside 0001..9999 is refused with FD_ERANGE, a null date with FD_EINVAL.
 */
public final class WorkCalendar extends NativeHandle<SWIGTYPE_p_fd_calendar> {
  /** The type of a day. */
  public enum DayType {
    /** An ordinary working day, Monday to Friday. */
    WORKDAY(fd_calendar_day_kind.FD_CALENDAR_DAY_WORKDAY),
    /** An ordinary Saturday or Sunday. */
    WEEKEND(fd_calendar_day_kind.FD_CALENDAR_DAY_WEEKEND),
    /** A rest day of a public holiday period. */
    HOLIDAY(fd_calendar_day_kind.FD_CALENDAR_DAY_HOLIDAY),
    /** A weekend day that is a working day (调休上班). */
    MAKEUP_WORKDAY(fd_calendar_day_kind.FD_CALENDAR_DAY_MAKEUP_WORKDAY),
    /** A site's own closure: a rest day, not a public holiday. */
    CLOSED(fd_calendar_day_kind.FD_CALENDAR_DAY_CLOSED);

    final int code;

    DayType(fd_calendar_day_kind k) {
      this.code = k.swigValue();
    }

    static DayType of(int code) {
      for (DayType t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      throw new IllegalArgumentException("day type " + code);
    }
  }

  /** Deadline units (R-CPL-2, R-CALL-9, R-PLN-1). */
  public enum Unit {
    /** Hours of elapsed time. */
    CLOCK_HOURS(fd_calendar_unit.FD_CALENDAR_UNIT_CLOCK_HOURS),
    /** Hours inside business hours of working days. */
    BUSINESS_HOURS(fd_calendar_unit.FD_CALENDAR_UNIT_BUSINESS_HOURS),
    /** The end (23:59:59) of the n-th day after the receipt day. */
    CALENDAR_DAYS(fd_calendar_unit.FD_CALENDAR_UNIT_CALENDAR_DAYS),
    /** The end of business of the n-th working day after the receipt day. */
    WORKING_DAYS(fd_calendar_unit.FD_CALENDAR_UNIT_WORKING_DAYS),
    /** The end of business of the receipt day, or of the next working day. */
    SAME_DAY(fd_calendar_unit.FD_CALENDAR_UNIT_SAME_DAY),
    /** Minutes of elapsed time. */
    CLOCK_MINUTES(fd_calendar_unit.FD_CALENDAR_UNIT_CLOCK_MINUTES),
    /** Minutes inside business hours. */
    BUSINESS_MINUTES(fd_calendar_unit.FD_CALENDAR_UNIT_BUSINESS_MINUTES);

    final int code;

    Unit(fd_calendar_unit u) {
      this.code = u.swigValue();
    }

    /** The unit of a C code (FD_CALENDAR_UNIT_*). */
    static Unit of(int code) {
      for (Unit u : values()) {
        if (u.code == code) {
          return u;
        }
      }
      throw new IllegalArgumentException("unit " + code);
    }

    /** The C API's name of the unit, e.g. "working_days". */
    public String label() {
      return FrontdeskNative.fd_calendar_unit_name(code);
    }

    /** The unit named "clock_hours", "working_days" ...; FD_EINVAL for other names. */
    public static Unit fromName(String name) throws FrontdeskException {
      int code = Out.int32(o -> FrontdeskNative.fd_calendar_unit_from_name(o, name));
      for (Unit u : values()) {
        if (u.code == code) {
          return u;
        }
      }
      throw new FrontdeskException(Frontdesk.EINVAL, "unit " + name);
    }
  }

  /** What days past the holiday data are: the values of the policy key calendar.beyond_data. */
  public enum BeyondData {
    /** A provisional year: the statutory holidays by law, weekends, no 调休 (default). */
    PROVISIONAL(fd_calendar_beyond.FD_CALENDAR_BEYOND_PROVISIONAL),
    /** Monday to Friday are working days. */
    WEEKENDS(fd_calendar_beyond.FD_CALENDAR_BEYOND_WEEKENDS),
    /** FD_EDATA naming the year. */
    ERROR(fd_calendar_beyond.FD_CALENDAR_BEYOND_ERROR);

    final int code;

    BeyondData(fd_calendar_beyond b) {
      this.code = b.swigValue();
    }

    /** The policy value, for {@code policy.set("calendar.beyond_data", BeyondData.ERROR.code())}. */
    public int code() {
      return code;
    }
  }

  /** A deadline with what it was computed from ({@link #deadlineInfo}). */
  public static final class Deadline {
    private final Instant due;
    private final boolean provisional;
    private final String version;

    Deadline(Instant due, boolean provisional, String version) {
      this.due = due;
      this.provisional = provisional;
      this.version = version;
    }

    /** The last on-time second. */
    public Instant due() {
      return due;
    }

    /** Whether a day past the holiday data decides it (recompute when the official schedule is loaded). */
    public boolean isProvisional() {
      return provisional;
    }

    /** The data version, e.g. "CN-2026.1+provisional-2027". */
    public String version() {
      return version;
    }
  }

  private WorkCalendar(SWIGTYPE_p_fd_calendar c) {
    super(c, FrontdeskNative::fd_calendar_free);
  }

  /** The built-in holiday data of mainland China, default hours, Asia/Shanghai. */
  public static WorkCalendar builtin() throws FrontdeskException {
    SWIGTYPE_p_fd_calendar[] out = new SWIGTYPE_p_fd_calendar[1];
    FrontdeskNative.fd_calendar_new(out);
    return new WorkCalendar(out[0]);
  }

  /** A calendar from a holiday data file; FD_EDATA with "line N" for a malformed one. */
  public static WorkCalendar load(String path) throws FrontdeskException {
    SWIGTYPE_p_fd_calendar[] out = new SWIGTYPE_p_fd_calendar[1];
    FrontdeskNative.fd_calendar_load(out, path);
    return new WorkCalendar(out[0]);
  }

  /** A calendar from the text of a holiday data file. */
  public static WorkCalendar fromText(String text) throws FrontdeskException {
    SWIGTYPE_p_fd_calendar[] out = new SWIGTYPE_p_fd_calendar[1];
    FrontdeskNative.fd_calendar_load_data(out, text);
    return new WorkCalendar(out[0]);
  }

  /** Adds a file saying {@code extends builtin}: a site's layer, or national data ({@code scope national}). */
  public void addFile(String path) throws FrontdeskException {
    run(c -> FrontdeskNative.fd_calendar_add_file(c, path));
  }

  /** As {@link #addFile}, from the text of a data file. */
  public void addText(String text) throws FrontdeskException {
    run(c -> FrontdeskNative.fd_calendar_add_data(c, text));
  }

  /** The last date answered past the data (provisional or weekends only); FD_ENOTFOUND when refused. */
  public LocalDate provisionalUntil() throws FrontdeskException {
    return call(c -> Out.date(o -> FrontdeskNative.fd_calendar_provisional_until(o, c)));
  }

  /** Whether answers about the date come from days past the holiday data. */
  public boolean isProvisional(LocalDate date) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_provisional(o, c, date)));
  }

  /** The warning while the holiday data ends within 60 days of {@code today}, "" otherwise. */
  public String coverageWarning(LocalDate today) throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_coverage_warning(o, c, today)));
  }

  /** The data's version, e.g. "CN-2026.1"; records store it beside their deadlines. */
  public String version() throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_version(o, c)));
  }

  /** The data's region, e.g. "CN". */
  public String region() throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_region(o, c)));
  }

  /** The first date the holiday data covers. */
  public LocalDate coverageStart() throws FrontdeskException {
    return call(c -> Out.date(o -> FrontdeskNative.fd_calendar_coverage_start(o, c)));
  }

  /** The last date the holiday data covers. */
  public LocalDate coverageEnd() throws FrontdeskException {
    return call(c -> Out.date(o -> FrontdeskNative.fd_calendar_coverage_end(o, c)));
  }

  /** The IANA zone of local days and hours, "Asia/Shanghai" unless set. */
  public String timeZone() throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_time_zone(o, c)));
  }

  /** Sets the site's IANA time zone, e.g. "Asia/Shanghai"; FD_EINVAL for a zone ICU does not know. */
  public void setTimeZone(String zone) throws FrontdeskException {
    run(c -> FrontdeskNative.fd_calendar_set_time_zone(c, zone));
  }

  /** Business hours of working days, e.g. "08:30-12:00,13:30-17:30". */
  public String businessHours() throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_business_hours(o, c)));
  }

  /** Sets business hours, e.g. "08:30-12:00,13:30-17:30"; FD_EINVAL names a malformed interval. */
  public void setBusinessHours(String hours) throws FrontdeskException {
    run(c -> FrontdeskNative.fd_calendar_set_business_hours(c, hours));
  }

  /** When customers are not called (R-PLN-2), in the form of business hours; "" for none. */
  public String quietHours() throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_quiet_hours(o, c)));
  }

  /** Sets when customers are not called (R-PLN-2), e.g. "12:00-14:00,20:00-24:00"; "" for none. */
  public void setQuietHours(String hours) throws FrontdeskException {
    run(c -> FrontdeskNative.fd_calendar_set_quiet_hours(c, hours));
  }

  /** Takes calendar.fallback_weekends and deadline.roll_rest_days from a policy. */
  public void applyPolicy(Policy policy) throws FrontdeskException {
    call(policy, (c, p) -> {
      FrontdeskNative.fd_calendar_apply_policy(c, p);
      return null;
    });
  }

  /** The type of a day; FD_EDATA outside the holiday data (names the year). */
  public DayType dayType(LocalDate date) throws FrontdeskException {
    return DayType.of(call(c -> Out.int32(o -> FrontdeskNative.fd_calendar_day_type(o, c, date))));
  }

  /** Whether the date is a working day, ordinary or make-up (调休上班). */
  public boolean isWorkday(LocalDate date) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_workday(o, c, date)));
  }

  /** Whether the date is a rest day of a public holiday period. */
  public boolean isHoliday(LocalDate date) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_holiday(o, c, date)));
  }

  /** Whether the date is a rest day given in lieu (调休/补休). */
  public boolean isInLieu(LocalDate date) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_in_lieu(o, c, date)));
  }

  /** Whether the date is a statutory holiday day proper (法定假日). */
  public boolean isStatutory(LocalDate date) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_statutory(o, c, date)));
  }

  /** The holiday (or closure) the date belongs to, "" for none. */
  public String holidayName(LocalDate date) throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_holiday_name(o, c, date)));
  }

  /** The date {@code n} working days after {@code date} (before it when negative). */
  public LocalDate addWorkingDays(LocalDate date, long n) throws FrontdeskException {
    return call(c -> Out.date(o -> FrontdeskNative.fd_calendar_add_working_days(o, c, date, n)));
  }

  /** Working days in (a, b], negative when b is before a. */
  public long workingDaysBetween(LocalDate a, LocalDate b) throws FrontdeskException {
    return call(c -> Out.int64(o -> FrontdeskNative.fd_calendar_working_days_between(o, c, a, b)));
  }

  /** The first working day strictly after the date. */
  public LocalDate nextWorkday(LocalDate date) throws FrontdeskException {
    return call(c -> Out.date(o -> FrontdeskNative.fd_calendar_next_workday(o, c, date)));
  }

  /** 春节, 中秋节, 清明 ... on that date, "" for none. */
  public String festival(LocalDate date) throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_festival(o, c, date)));
  }

  /** The phone greeting with the season's wishes on weekends and holidays (R-CALL-2, R-CALL-10). */
  public String greeting(LocalDate date, String org) throws FrontdeskException {
    return call(c -> Out.string(o -> FrontdeskNative.fd_calendar_greeting(o, c, date, org)));
  }

  /** The date of instant {@code at} in the calendar's time zone. */
  public LocalDate localDate(Instant at) throws FrontdeskException {
    return call(c -> Out.date(o -> FrontdeskNative.fd_calendar_local_date(o, c, at.getEpochSecond())));
  }

  /** The first instant of local day {@code date} in the calendar's time zone. */
  public Instant dayStart(LocalDate date) throws FrontdeskException {
    return Instant.ofEpochSecond(call(c -> Out.int64(o -> FrontdeskNative.fd_calendar_day_start(o, c, date))));
  }

  /**
   * Seconds of [from, to) in business hours of working days (调休 days in, holidays out; R-CPL-6), negative
   * when {@code to} is before {@code from}.
   */
  public long workingSecondsBetween(Instant from, Instant to) throws FrontdeskException {
    return call(c -> Out.int64(o -> FrontdeskNative.fd_calendar_working_seconds_between(o, c,
        from.getEpochSecond(), to.getEpochSecond())));
  }

  /** Whether {@code at} falls in business hours of a working day. */
  public boolean isBusinessTime(Instant at) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_business_time(o, c, at.getEpochSecond())));
  }

  /** Whether customers should not be called at that instant (R-PLN-2). */
  public boolean isQuietTime(Instant at) throws FrontdeskException {
    return call(c -> Out.flag(o -> FrontdeskNative.fd_calendar_is_quiet_time(o, c, at.getEpochSecond())));
  }

  /** The first instant at or after {@code at} outside quiet hours (R-PLN-2). */
  public Instant nextCallTime(Instant at) throws FrontdeskException {
    return Instant.ofEpochSecond(
        call(c -> Out.int64(o -> FrontdeskNative.fd_calendar_next_call_time(o, c, at.getEpochSecond()))));
  }

  /** The deadline for something received at {@code start}, with the calendar's own policy settings. */
  public Instant deadline(Instant start, long amount, Unit unit) throws FrontdeskException {
    return deadline(start, amount, unit, null);
  }

  /** The deadline with whether it is provisional and the data version to store beside it; policy may be null. */
  public Deadline deadlineInfo(Instant start, long amount, Unit unit, Policy policy) throws FrontdeskException {
    long[] due = new long[1];
    int[] provisional = new int[1];
    String[] version = new String[1];
    call(policy, (c, p) -> {
      FrontdeskNative.fd_calendar_deadline_info(due, provisional, version, c, start.getEpochSecond(), amount,
          unit.code, p);
      return null;
    });
    return new Deadline(Instant.ofEpochSecond(due[0]), provisional[0] != 0, version[0]);
  }

  /** The deadline (R-CPL-2, R-CALL-9, R-PLN-1); {@code policy} may be null. */
  public Instant deadline(Instant start, long amount, Unit unit, Policy policy) throws FrontdeskException {
    return Instant.ofEpochSecond(call(policy, (c, p) -> Out.int64(
        o -> FrontdeskNative.fd_calendar_deadline(o, c, start.getEpochSecond(), amount, unit.code, p))));
  }
}
