/* common.h: status codes, the last error, version, dates. */
%ignore fd_buf;            /* strings come back as str / String through the fd_buf typemaps */
%ignore fd_buf_dispose;    /* called by every wrapper that returns a string */
%immutable fd_error::message;
%include "frontdesk/common.h"
