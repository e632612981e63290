/* money.h: int64 fen, capital numerals (R-FEE-4), display, parsing, rounding. */
%{
#include "frontdesk/money.h"
%}
%include "frontdesk/money.h"
