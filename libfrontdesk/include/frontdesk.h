/**
 * @file frontdesk.h
 * @brief libfrontdesk: the rules Chinese front desks and service desks work by.
 *
 * Include this umbrella header, or only the module headers you use. Start
 * with docs/guide.md.
 */
#ifndef FRONTDESK_H
#define FRONTDESK_H

#include "frontdesk/common.h"
#include "frontdesk/policy.h"
#include "frontdesk/store.h"
#include "frontdesk/report.h"
#include "frontdesk/text.h"
#include "frontdesk/money.h"
#include "frontdesk/phone.h"
#include "frontdesk/idcard.h"
#include "frontdesk/pii.h"
#include "frontdesk/calendar.h"
#include "frontdesk/calls.h"
#include "frontdesk/property.h"
#include "frontdesk/visitors.h"
#include "frontdesk/complaints.h"
#include "frontdesk/fees.h"
#include "frontdesk/plans.h"

#endif /* FRONTDESK_H */
