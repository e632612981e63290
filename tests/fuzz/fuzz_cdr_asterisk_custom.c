/*
 * fd_cdr_parse_line and fd_cdr_assemble on Asterisk cdr_custom lines (the sample mapping, 19 columns)
 * (R-CALL-3): the input is a file; what is checked is in fuzz_cdr.h.
 */
#include "fuzz_cdr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_cdr(data, size, FD_CDR_ASTERISK_CUSTOM);
}
