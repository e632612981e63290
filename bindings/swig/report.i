/* report.h: the daily report. */
%include "frontdesk/report.h"
