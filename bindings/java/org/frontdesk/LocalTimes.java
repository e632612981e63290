package org.frontdesk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_local_time;

/**
 * Site-local time by the library's rules (ICU), for zones named as IANA ids. Results carry the
 * offset the library computed, so they agree with the store and the reports even where the
 * JDK's time-zone data differs.
 */
public final class LocalTimes {
  private LocalTimes() {}

  /**
   * The instant of local date-time {@code local} in {@code zone}. A time skipped by a spring
   * change (02:30 when clocks go 02:00 -> 03:00) is read as if the clocks had not yet changed
   * (03:30 local); a time repeated in autumn is the first of the two. Nanoseconds are dropped.
   */
  public static Instant instantFromLocal(String zone, LocalDateTime local) throws FrontdeskException {
    fd_local_time t = new fd_local_time();
    try {
      t.getDate().setYear(Convert.required(local, "local").getYear());
      t.getDate().setMonth(local.getMonthValue());
      t.getDate().setDay(local.getDayOfMonth());
      t.setHour(local.getHour());
      t.setMinute(local.getMinute());
      t.setSecond(local.getSecond());
      return Instant.ofEpochSecond(Out.int64(o -> FrontdeskNative.fd_instant_from_local(o, zone, t)));
    } finally {
      t.delete();
    }
  }

  /** The local date-time and offset of instant {@code at} in {@code zone}. */
  public static OffsetDateTime instantToLocal(String zone, Instant at) throws FrontdeskException {
    fd_local_time t = new fd_local_time();
    try {
      FrontdeskNative.fd_instant_to_local(t, zone, Convert.seconds(at, "at"));
      return OffsetDateTime.of(t.getDate().getYear(), t.getDate().getMonth(), t.getDate().getDay(), t.getHour(),
          t.getMinute(), t.getSecond(), 0, ZoneOffset.ofTotalSeconds(t.getUtc_offset_s()));
    } finally {
      t.delete();
    }
  }

  /** Instant {@code at} as ISO 8601 local time with offset in {@code zone}: 2026-11-20T08:41:00+08:00. */
  public static String format(String zone, Instant at) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_instant_format(o, zone, Convert.seconds(at, "at")));
  }

  /** Throws ERANGE unless UTC second {@code epochSecond} lies in 0001-01-01..9999-12-31 (fd_instant_check). */
  public static void checkInstant(long epochSecond) throws FrontdeskException {
    FrontdeskNative.fd_instant_check(epochSecond);
  }
}
