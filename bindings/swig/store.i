/* store.h: the site database. Result structs are filled by the library. */
%immutable fd_site::code;
%immutable fd_site::name;
%immutable fd_site::time_zone;
%immutable fd_staff::code;
%immutable fd_staff::name;
%immutable fd_staff::role;
%immutable fd_journal_entry::entity;
%immutable fd_journal_entry::action;
%immutable fd_journal_entry::detail;
%include "frontdesk/store.h"
