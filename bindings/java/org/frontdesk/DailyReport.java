package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;
import org.frontdesk.swig.fd_report_format;

/** A site's daily report (R-COM-4): text for people, JSON for programs. */
public final class DailyReport extends NativeHandle<SWIGTYPE_p_fd_report> {
  DailyReport(SWIGTYPE_p_fd_report r) {
    super(r, FrontdeskNative::fd_report_free);
  }

  /** Number of journal entries the report counted. */
  public long total() throws FrontdeskException {
    return FrontdeskNative.fd_report_total(handle());
  }

  public String text() throws FrontdeskException {
    return render(fd_report_format.FD_REPORT_TEXT);
  }

  public String json() throws FrontdeskException {
    return render(fd_report_format.FD_REPORT_JSON);
  }

  private String render(fd_report_format format) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_report_render(o, handle(), format));
  }
}
