/*
 * The one SWIG interface of libfrontdesk, shared by Python and Java.
 *
 * - Language-specific typemaps live in python/fd_typemaps.i and
 *   java/fd_typemaps.i (found through the include path SWIG is given); this
 *   file only states what is common.
 * - Every fd_status return becomes "no value or an exception": a negative
 *   status raises frontdesk.Error (Python) / org.frontdesk.FrontdeskException
 *   (Java) carrying the code and fd_error_last()'s message.
 * - Outputs (the leading out parameters) become return values in Python and
 *   one-element arrays in Java; the hand-written layers in python/frontdesk
 *   and java/org/frontdesk turn those into idiomatic APIs.
 * - Each module has bindings/swig/<module>.i; CMake lists them in fd_modules.i
 *   (foundation modules first), so adding a module adds files only.
 */
#if defined(SWIGPYTHON)
%module(package="frontdesk") core
#else
%module FrontdeskNative
#endif

%{
#include "frontdesk.h"
%}

%include <stdint.i>
%include "fd_typemaps.i"

%include "fd_modules.i"
