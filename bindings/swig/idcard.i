/* idcard.h: resident ID numbers (GB 11643-1999), checked, parsed and masked (R-COM-2). */
%{
#include "frontdesk/idcard.h"
%}
%immutable fd_idcard::number;
%immutable fd_idcard::region;
%immutable fd_idcard::province;
%immutable fd_idcard::birth;
%include "frontdesk/idcard.h"
