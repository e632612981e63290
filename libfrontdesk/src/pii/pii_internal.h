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

/*
 * Masks the numbers of text[0..len) (checked) into out, which is cleared
 * first; *count (may be NULL) receives how many. @fn names the public
 * function for an out-of-memory message.
 */
fd_status fd__pii_mask_text(const char *fn, fd_buf *out, int64_t *count, const char *text, size_t len);

#endif /* FRONTDESK_PII_INTERNAL_H */
