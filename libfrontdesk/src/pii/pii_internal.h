/* Private to the pii module: what pii.c and pii_text.c share. */
#ifndef FRONTDESK_PII_INTERNAL_H
#define FRONTDESK_PII_INTERNAL_H

#include "internal.h"
#include "frontdesk/pii.h"

/*
 * Checks a text argument like fd__check_text(), but the message names the
 * byte offset of bad UTF-8 instead of quoting the text, which may hold the
 * very numbers this module hides (R-COM-2). *len receives strlen(s).
 */
fd_status fd__pii_check_text(const char *fn, const char *field, const char *s, size_t *len);

/* Records FD_EINVAL for text that is not UTF-8 from byte @at on, without quoting it. */
fd_status fd__pii_bad_utf8(const char *fn, const char *field, size_t at);

/*
 * Masks the numbers of text[0..len) into out, which is cleared first (and
 * left empty on error); *count (may be NULL) receives how many. The text is
 * checked for UTF-8 on the way. @fn names the public function in messages.
 */
fd_status fd__pii_mask_text(const char *fn, const char *field, fd_buf *out, int64_t *count, const char *text,
                            size_t len);

#endif /* FRONTDESK_PII_INTERNAL_H */
