package org.frontdesk;

import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_error;

/** Library-wide functions: version, status names, the last error, dates. */
public final class Frontdesk {
  private Frontdesk() {}

  public static final int OK = 0;
  public static final int EINVAL = -1;
  public static final int ENOTFOUND = -2;
  public static final int ECONFLICT = -3;
  public static final int ERANGE = -4;
  public static final int ENOMEM = -5;
  public static final int EIO = -6;
  public static final int EBUSY = -7;
  public static final int ESTATE = -8;
  public static final int EPERM = -9;
  public static final int EDATA = -10;

  /** The C library's version, e.g. "0.1.0". */
  public static String version() {
    return FrontdeskNative.fd_version();
  }

  /** The symbolic name of a status code ("FD_EINVAL"). */
  public static String statusName(int code) {
    return FrontdeskNative.fd_status_name(code);
  }

  /** The calling thread's last error message as the C API keeps it ("" when none). */
  public static String lastErrorMessage() {
    fd_error e = FrontdeskNative.fd_error_last();
    return e.getMessage();
  }

  /** The calling thread's last error code (0 when none). */
  public static int lastErrorCode() {
    return FrontdeskNative.fd_error_last().getCode();
  }

  /** Forgets the calling thread's last error. */
  public static void clearError() {
    FrontdeskNative.fd_error_clear();
  }

  /** Parses "YYYY-MM-DD" strictly (fd_date_parse). */
  public static LocalDate parseDate(String text) throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_date_parse(out, text);
    return out[0];
  }

  /** Formats a date as "YYYY-MM-DD" (fd_date_format). */
  public static String formatDate(LocalDate date) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_date_format(o, date));
  }

  /** Throws unless the date is within 0001-01-01..9999-12-31 (fd_date_check). */
  public static void checkDate(LocalDate date) throws FrontdeskException {
    FrontdeskNative.fd_date_check(date);
  }
}
