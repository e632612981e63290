package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;

/**
 * A site's daily report (R-COM-4), from {@link Store#dailyReport}: a {@link Report} with meta
 * lines site, site_code, date, time_zone, generated and total, and the sections
 * "journal.by_kind", "journal.by_staff" and "journal.entries".
 */
public final class DailyReport extends Report {
  DailyReport(SWIGTYPE_p_fd_report r) {
    super(r);
  }

  /** Number of journal entries the report counted. */
  public long total() throws FrontdeskException {
    return FrontdeskNative.fd_report_total(handle());
  }
}
