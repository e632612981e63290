package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_calendar;
import org.frontdesk.swig.fd_calendar_day_kind;
import org.frontdesk.swig.fd_calendar_unit;

/**
 * A working calendar: public holidays with make-up working days (调休), business and
 * quiet hours in the site's time zone, deadlines, festivals and the phone greeting.
 * {@code try (Calendar cal = Calendar.builtin()) { cal.isWorkday(LocalDate.of(2026, 2, 14)); }}.
 * Reading methods may be called from several threads at once; setters need exclusive use.
 */
public final class Calendar extends NativeHandle<SWIGTYPE_p_fd_calendar> {
  /** The type of a day. */
  public enum DayType {
    WORKDAY(fd_calendar_day_kind.FD_CALENDAR_DAY_WORKDAY),
    WEEKEND(fd_calendar_day_kind.FD_CALENDAR_DAY_WEEKEND),
    HOLIDAY(fd_calendar_day_kind.FD_CALENDAR_DAY_HOLIDAY),
    MAKEUP_WORKDAY(fd_calendar_day_kind.FD_CALENDAR_DAY_MAKEUP_WORKDAY),
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
    CLOCK_HOURS(fd_calendar_unit.FD_CALENDAR_UNIT_CLOCK_HOURS),
    BUSINESS_HOURS(fd_calendar_unit.FD_CALENDAR_UNIT_BUSINESS_HOURS),
    CALENDAR_DAYS(fd_calendar_unit.FD_CALENDAR_UNIT_CALENDAR_DAYS),
    WORKING_DAYS(fd_calendar_unit.FD_CALENDAR_UNIT_WORKING_DAYS),
    SAME_DAY(fd_calendar_unit.FD_CALENDAR_UNIT_SAME_DAY),
    CLOCK_MINUTES(fd_calendar_unit.FD_CALENDAR_UNIT_CLOCK_MINUTES),
    BUSINESS_MINUTES(fd_calendar_unit.FD_CALENDAR_UNIT_BUSINESS_MINUTES);

    final int code;

    Unit(fd_calendar_unit u) {
      this.code = u.swigValue();
    }

    /** The C API's name of the unit, e.g. "working_days". */
    public String label() {
      return FrontdeskNative.fd_calendar_unit_name(code);
    }

    /** The unit named "clock_hours", "working_days" ...; FD_EINVAL for other names. */
    public static Unit fromName(String name) throws FrontdeskException {
      int[] out = new int[1];
      FrontdeskNative.fd_calendar_unit_from_name(out, name);
      for (Unit u : values()) {
        if (u.code == out[0]) {
          return u;
        }
      }
      throw new FrontdeskException(Frontdesk.EINVAL, "unit " + name);
    }
  }

  private Calendar(SWIGTYPE_p_fd_calendar c) {
    super(c, FrontdeskNative::fd_calendar_free);
  }

  /** The built-in holiday data of mainland China, default hours, Asia/Shanghai. */
  public static Calendar builtin() throws FrontdeskException {
    SWIGTYPE_p_fd_calendar[] out = new SWIGTYPE_p_fd_calendar[1];
    FrontdeskNative.fd_calendar_new(out);
    return new Calendar(out[0]);
  }

  /** A calendar from a holiday data file; FD_EDATA with "line N" for a malformed one. */
  public static Calendar load(String path) throws FrontdeskException {
    SWIGTYPE_p_fd_calendar[] out = new SWIGTYPE_p_fd_calendar[1];
    FrontdeskNative.fd_calendar_load(out, path);
    return new Calendar(out[0]);
  }

  /** A calendar from the text of a holiday data file. */
  public static Calendar fromText(String text) throws FrontdeskException {
    SWIGTYPE_p_fd_calendar[] out = new SWIGTYPE_p_fd_calendar[1];
    FrontdeskNative.fd_calendar_load_data(out, text);
    return new Calendar(out[0]);
  }

  SWIGTYPE_p_fd_calendar ptr() throws FrontdeskException {
    return handle();
  }

  private String text(int which) throws FrontdeskException {
    String[] out = new String[1];
    switch (which) {
      case 0: FrontdeskNative.fd_calendar_version(out, handle()); break;
      case 1: FrontdeskNative.fd_calendar_region(out, handle()); break;
      case 2: FrontdeskNative.fd_calendar_time_zone(out, handle()); break;
      case 3: FrontdeskNative.fd_calendar_business_hours(out, handle()); break;
      default: FrontdeskNative.fd_calendar_quiet_hours(out, handle()); break;
    }
    return out[0];
  }

  /** The data's version, e.g. "CN-2026.1"; records store it beside their deadlines. */
  public String version() throws FrontdeskException {
    return text(0);
  }

  public String region() throws FrontdeskException {
    return text(1);
  }

  public LocalDate coverageStart() throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_calendar_coverage_start(out, handle());
    return out[0];
  }

  /** The last date the holiday data covers. */
  public LocalDate coverageEnd() throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_calendar_coverage_end(out, handle());
    return out[0];
  }

  public String timeZone() throws FrontdeskException {
    return text(2);
  }

  public void setTimeZone(String zone) throws FrontdeskException {
    FrontdeskNative.fd_calendar_set_time_zone(handle(), zone);
  }

  public String businessHours() throws FrontdeskException {
    return text(3);
  }

  /** E.g. "08:30-12:00,13:30-17:30". */
  public void setBusinessHours(String hours) throws FrontdeskException {
    FrontdeskNative.fd_calendar_set_business_hours(handle(), hours);
  }

  public String quietHours() throws FrontdeskException {
    return text(4);
  }

  /** When customers are not called (R-PLN-2), e.g. "12:00-14:00,20:00-24:00"; "" for none. */
  public void setQuietHours(String hours) throws FrontdeskException {
    FrontdeskNative.fd_calendar_set_quiet_hours(handle(), hours);
  }

  /** Takes calendar.fallback_weekends and deadline.roll_rest_days from a policy. */
  public void applyPolicy(Policy policy) throws FrontdeskException {
    FrontdeskNative.fd_calendar_apply_policy(handle(), policy.handle());
  }

  public DayType dayType(LocalDate date) throws FrontdeskException {
    int[] out = new int[1];
    FrontdeskNative.fd_calendar_day_type(out, handle(), date);
    return DayType.of(out[0]);
  }

  public boolean isWorkday(LocalDate date) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_calendar_is_workday(o, handle(), date));
  }

  public boolean isHoliday(LocalDate date) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_calendar_is_holiday(o, handle(), date));
  }

  public boolean isInLieu(LocalDate date) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_calendar_is_in_lieu(o, handle(), date));
  }

  public boolean isStatutory(LocalDate date) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_calendar_is_statutory(o, handle(), date));
  }

  /** The holiday (or closure) the date belongs to, "" for none. */
  public String holidayName(LocalDate date) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_calendar_holiday_name(o, handle(), date));
  }

  public LocalDate addWorkingDays(LocalDate date, long n) throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_calendar_add_working_days(out, handle(), date, n);
    return out[0];
  }

  public long workingDaysBetween(LocalDate a, LocalDate b) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_calendar_working_days_between(o, handle(), a, b));
  }

  public LocalDate nextWorkday(LocalDate date) throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_calendar_next_workday(out, handle(), date);
    return out[0];
  }

  /** 春节, 中秋节, 清明 ... on that date, "" for none. */
  public String festival(LocalDate date) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_calendar_festival(o, handle(), date));
  }

  /** The phone greeting with the season's wishes on weekends and holidays (R-CALL-2, R-CALL-10). */
  public String greeting(LocalDate date, String org) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_calendar_greeting(o, handle(), date, org));
  }

  public LocalDate localDate(Instant at) throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_calendar_local_date(out, handle(), at.getEpochSecond());
    return out[0];
  }

  public boolean isBusinessTime(Instant at) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_calendar_is_business_time(o, handle(), at.getEpochSecond()));
  }

  /** Whether customers should not be called at that instant (R-PLN-2). */
  public boolean isQuietTime(Instant at) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_calendar_is_quiet_time(o, handle(), at.getEpochSecond()));
  }

  /** The first instant at or after {@code at} outside quiet hours (R-PLN-2). */
  public Instant nextCallTime(Instant at) throws FrontdeskException {
    long[] out = new long[1];
    FrontdeskNative.fd_calendar_next_call_time(out, handle(), at.getEpochSecond());
    return Instant.ofEpochSecond(out[0]);
  }

  /** The deadline for something received at {@code start}, with the calendar's own policy settings. */
  public Instant deadline(Instant start, long amount, Unit unit) throws FrontdeskException {
    return deadline(start, amount, unit, null);
  }

  /** The deadline (R-CPL-2, R-CALL-9, R-PLN-1); {@code policy} may be null. */
  public Instant deadline(Instant start, long amount, Unit unit, Policy policy) throws FrontdeskException {
    long[] out = new long[1];
    FrontdeskNative.fd_calendar_deadline(out, handle(), start.getEpochSecond(), amount, unit.code,
        policy == null ? null : policy.handle());
    return Instant.ofEpochSecond(out[0]);
  }
}
