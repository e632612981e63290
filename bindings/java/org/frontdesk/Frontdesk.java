package org.frontdesk;

import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_error;

/** Library-wide functions: version, status names, the last error, dates. */
public final class Frontdesk {
  private Frontdesk() {}

  /** FD_OK: success. */
  public static final int OK = 0;
  /** FD_EINVAL: an argument is malformed (null, a NUL or lone surrogate in a String, bad format). */
  public static final int EINVAL = -1;
  /** FD_ENOTFOUND: the thing asked for does not exist. */
  public static final int ENOTFOUND = -2;
  /** FD_ECONFLICT: it exists already, or clashes with what exists. */
  public static final int ECONFLICT = -3;
  /** FD_ERANGE: a number, length or date is outside its allowed range. */
  public static final int ERANGE = -4;
  /** FD_ENOMEM: out of memory. */
  public static final int ENOMEM = -5;
  /** FD_EIO: the file system or database failed. */
  public static final int EIO = -6;
  /** FD_EBUSY: the database is locked by someone else. */
  public static final int EBUSY = -7;
  /** FD_ESTATE: not allowed in the object's current state (a closed handle). */
  public static final int ESTATE = -8;
  /** FD_EPERM: the caller lacks the permission the call needs. */
  public static final int EPERM = -9;
  /** FD_EDATA: stored or loaded data is corrupt, too new, or not covered. */
  public static final int EDATA = -10;

  /** The C library's version, e.g. "0.2.0". */
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

  /** Throws unless the date is within 0001-01-01..9999-12-31 (FD_ERANGE) and not null (FD_EINVAL). */
  public static void checkDate(LocalDate date) throws FrontdeskException {
    FrontdeskNative.fd_date_check(date);
  }
}
