/*
 * property.h: the property register — buildings, units, occupants,
 * organisations, departments, employees — and its rules: unit numbers, floor
 * areas, occupancy on a date (issue 12). The record and filter constructors
 * come first (property_records.i); the store's side of the module is in store.h.
 */
%include "swig/property_records.i"

/* A parsed unit number is filled by the library: read-only in the bindings. */
%immutable fd_unit_number::number;
%immutable fd_unit_number::building;
%immutable fd_unit_number::floor;
%immutable fd_unit_number::room;

%include "frontdesk/property.h"
