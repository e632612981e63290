/* idcard.h: resident ID numbers (GB 11643-1999), checked, parsed and masked (R-COM-2). */
%{
#include "frontdesk/idcard.h"
%}
%immutable fd_idcard::number;
%immutable fd_idcard::region;
%immutable fd_idcard::province;
%immutable fd_idcard::birth;
/* Deprecated C name (use fd_idcard_is_valid); the bindings keep their own old names. */
%ignore fd_idcard_valid;
%include "frontdesk/idcard.h"
