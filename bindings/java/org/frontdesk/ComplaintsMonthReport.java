package org.frontdesk;

import java.time.YearMonth;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;

/**
 * The complaints month report (R-CPL-6, 顾客投诉分类统计表) of the actor's site for its local month: a
 * {@link Report} with meta lines site, site_code, month, time_zone, calendar_version, provisional,
 * generated and total, and the sections "complaints.summary", "complaints.by_severity",
 * "complaints.by_category", "complaints.by_department", "complaints.by_validity" and
 * "complaints.satisfaction" (frontdesk/report.h, fd_report_complaints_month_new, gives the columns).
 * Times to resolve are working seconds; a share or time with nothing to count from is a null cell.
 */
public final class ComplaintsMonthReport {
  private ComplaintsMonthReport() {}

  /** The month's report with titles and labels in Chinese. Close it. */
  public static Report build(Store store, Actor actor, YearMonth month) throws FrontdeskException {
    return build(store, actor, month, "zh");
  }

  /**
   * The month's report with titles and labels in {@code language}: "zh" (the default) or "en"; keys
   * and values are the same in both. Close it.
   *
   * @throws FrontdeskException FD_EINVAL (a null month, a bad language), FD_ERANGE (a year outside the
   *     calendar's years), FD_EPERM (actor), FD_EDATA, FD_EIO
   */
  public static Report build(Store store, Actor actor, YearMonth month, String language)
      throws FrontdeskException {
    if (month == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, "month: is required (null)");
    }
    SWIGTYPE_p_fd_report[] out = new SWIGTYPE_p_fd_report[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_report_complaints_month_new(out, store.handle(), a, month.getYear(),
          month.getMonthValue(), language);
      return null;
    });
    return new Report(out[0]);
  }
}
