/* policy.h: named, range-checked policy values. */
%immutable fd_policy_key_info::key;
%immutable fd_policy_key_info::unit;
%immutable fd_policy_key_info::rule;
%immutable fd_policy_key_info::description;
%include "frontdesk/policy.h"
