/* calendar.h: working calendar (holidays, make-up days), deadlines, SLA clocks, festivals and the greeting. */
%{
#include "frontdesk/calendar.h"
%}
%include "frontdesk/calendar.h"
