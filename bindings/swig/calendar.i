/* calendar.h: working calendar (holidays, make-up days), deadlines, SLA clocks, festivals and the greeting. */
%{
#include "frontdesk/calendar.h"
%}
/* SWIG reads int64_t as long long and would cast the pauses to `const long long *`,
 * which is not `const int64_t *` where int64_t is long: call it with the C type. */
%feature("action") fd_sla_restore {
  result = (fd_status)fd_sla_restore(arg1, arg2, arg3, arg4, arg5, arg6, (const int64_t *)arg7, arg8);
}
%include "frontdesk/calendar.h"
