/* phone.h: Chinese phone numbers, parsed, classified and masked (R-COM-2). */
%{
#include "frontdesk/phone.h"
%}
%immutable fd_phone::national;
%immutable fd_phone::e164;
%immutable fd_phone::area_code;
%immutable fd_phone::subscriber;
%immutable fd_phone::extension;
%immutable fd_phone::place;
%include "frontdesk/phone.h"
