/* The cash desk's private parts shared with the fees reports (store/fees_cash.c). */
#ifndef FRONTDESK_FEES_CASH_H
#define FRONTDESK_FEES_CASH_H

#include "store/store_internal.h"

/* @d as the stored text YYYY-MM-DD. */
void fd__fees_day_text(char out[11], fd_date d);

/* The site's local day of the actor's instant (payments, voids and refunds are dated by it, R-FEE-9). */
fd_status fd__fees_today(fd_date *out, fd_store *s, const char *fn, const fd_actor *actor);

/* The gaps of series @series in [@first_no, @next_no) as fd_fee_receipt_gaps() writes them (R-FEE-4). */
fd_status fd__fees_series_gaps(fd_buf *out, int64_t *missing, fd_store *s, const char *fn, int64_t series,
                               int64_t first_no, int64_t next_no);

#endif
