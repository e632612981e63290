package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_date;

/**
 * Conversions between java.time and the library's values, shared by the
 * generated record and filter classes and the hand-written layer. Out-of-range
 * values are refused naming the field, never packed or truncated.
 */
final class Convert {
  private Convert() {}

  /** A call on a native value (a record, filter or actor) that may fail. */
  interface Call<N, R> {
    R run(N n) throws FrontdeskException;
  }

  /** The instant of UTC seconds. */
  static Instant instant(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  /** UTC seconds of {@code at}; null or outside FD_INSTANT_MIN..FD_INSTANT_MAX is refused. */
  static long seconds(Instant at, String field) throws FrontdeskException {
    if (at == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, field + ": is required (null)");
    }
    long s = at.getEpochSecond();
    if (s < FrontdeskNative.FD_INSTANT_MIN || s > FrontdeskNative.FD_INSTANT_MAX) {
      throw new FrontdeskException(Frontdesk.ERANGE,
          field + ": " + at + " is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z");
    }
    return s;
  }

  /** The LocalDate of a native date; null for the empty date (year 0). */
  static LocalDate date(fd_date d) {
    return d == null || d.getYear() == 0 ? null : LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
  }

  /** A native date; null or a year outside 1..9999 is refused. */
  static fd_date fdDate(LocalDate d, String field) throws FrontdeskException {
    if (d == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, field + ": is required (null)");
    }
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new FrontdeskException(Frontdesk.ERANGE, field + ": " + d + " is outside 0001-01-01..9999-12-31");
    }
    fd_date n = new fd_date();
    n.setYear(d.getYear());
    n.setMonth(d.getMonthValue());
    n.setDay(d.getDayOfMonth());
    return n;
  }

  /** {@code v}, refusing null. */
  static <T> T required(T v, String field) throws FrontdeskException {
    if (v == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, field + ": is required (null)");
    }
    return v;
  }

  /**
   * The int64 members {@code names} of a native struct of counts ("late_no_apology" ...), by name in that
   * order, read through SWIG's getters (member late_no_apology: getLate_no_apology).
   */
  static Map<String, Long> counts(Object struct, String[] names) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String name : names) {
      String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      try {
        m.put(name, (Long) struct.getClass().getMethod(getter).invoke(struct));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(struct.getClass().getSimpleName() + "." + name, e);
      }
    }
    return Collections.unmodifiableMap(m);
  }
}
