/**
 * @file frontdesk/report.h
 * @brief The daily report (R-COM-4): what happened at a site on one local day,
 *        read from the store, rendered as text for people or JSON for scripts.
 *
 * The report covers the site's local day (its time zone, via ICU): journal
 * activity by kind and by member of staff. As modules land (calls, visitors,
 * fees, complaints) their sections join it.
 *
 * Thread safety: a report is immutable once built and may be read from
 * several threads.
 */
#ifndef FRONTDESK_REPORT_H
#define FRONTDESK_REPORT_H

#include "common.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A built report. */
typedef struct fd_report fd_report;

/** How fd_report_render() writes a report. */
typedef enum fd_report_format {
    FD_REPORT_TEXT = 0, /**< aligned plain text, for a terminal or a printer */
    FD_REPORT_JSON = 1  /**< one JSON object, for scripts */
} fd_report_format;

/**
 * Builds the daily report of @p site_id for local day @p date.
 * @return ::FD_OK, ::FD_EINVAL (bad date), ::FD_ENOTFOUND (no such site), ::FD_EIO.
 */
FD_API fd_status fd_report_daily(fd_report **out, fd_store *store, int64_t site_id, fd_date date);

/** Writes the report into @p out (replacing its content) in @p format. */
FD_API fd_status fd_report_render(fd_buf *out, const fd_report *report, fd_report_format format);

/** Number of journal entries the report counted. */
FD_API int64_t fd_report_total(const fd_report *report);

/** Frees a report. NULL is a no-op. */
FD_API void fd_report_free(fd_report *report);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_REPORT_H */
