package org.frontdesk;

import java.time.YearMonth;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;

/**
 * The plans month report (R-PLN-5: the monthly summary of visits, callbacks and follow-ups, with the
 * recurring problems for the analysis report) of the actor's site for its local month: a {@link Report}
 * with meta lines site, site_code, month, time_zone, generated and total, and the sections "plans.summary"
 * (rows visits, callbacks, member_callbacks, followups: due, done, in time, missed, pending, satisfaction
 * and shares), "plans.questions" and "plans.recurring" (frontdesk/report.h, fd_report_plans_month_new,
 * gives the columns). Tasks are counted in the month they are DUE; missed and pending at the actor's
 * instant; a share with nothing to divide by is a null cell.
 */
public final class PlansMonthReport {
  private PlansMonthReport() {}

  /** The month's report with titles and labels in Chinese. Close it. */
  public static Report build(Store store, Actor actor, YearMonth month) throws FrontdeskException {
    return build(store, actor, month, "zh");
  }

  /**
   * The month's report with titles and labels in {@code language}: "zh" (the default) or "en"; keys
   * and values are the same in both. Close it.
   *
   * @throws FrontdeskException FD_EINVAL (a null month, a bad language), FD_ERANGE (the year),
   *     FD_EPERM (actor), FD_EDATA, FD_EIO
   */
  public static Report build(Store store, Actor actor, YearMonth month, String language)
      throws FrontdeskException {
    if (month == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, "month: is required (null)");
    }
    SWIGTYPE_p_fd_report[] out = new SWIGTYPE_p_fd_report[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_report_plans_month_new(out, store.handle(), a, month.getYear(), month.getMonthValue(),
          language);
      return null;
    });
    return new Report(out[0]);
  }
}
