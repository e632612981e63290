/*
 * Shared by the plans module's pure sources (src/plans/): the code lists
 * of frontdesk/plans.h's file comment, for fd__code_check() and
 * fd__codes_of() (a code's position in its list).
 */
#ifndef FD_PLANS_INTERNAL_H
#define FD_PLANS_INTERNAL_H

#include "internal.h"

/* Every list of plans.h's file comment (src/plans/codes.c). */
extern const fd__code_lists fd__plan_codes;

#endif
