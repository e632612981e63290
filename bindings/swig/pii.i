/* pii.h: personal data (R-COM-2): masking phones, ID numbers, names and the numbers in free text. */
%{
#include "frontdesk/pii.h"
%}
%include "frontdesk/pii.h"
