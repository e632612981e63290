/* common.h: status codes, the last error, version, dates. */
%ignore fd_buf;            /* strings come back as str / String through the fd_buf typemaps */
%ignore fd_buf_dispose;    /* called by every wrapper that returns a string */
%immutable fd_error::message;
/* Java reads these through JNI: their C values carry an LL suffix Java cannot read. */
%feature("java:const", "0") FD_INSTANT_MIN;
%feature("java:const", "0") FD_INSTANT_MAX;
%include "frontdesk/common.h"
