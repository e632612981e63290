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
#include <stdlib.h>
#include <string.h>

#include "frontdesk.h"
%}

%include <stdint.i>
%include "fd_typemaps.i"

/*
 * Struct members of type const char * (records, filters, fd_actor::reason):
 * setting one from Python or Java stores a heap COPY (NULL stays NULL) and
 * frees the copy it replaces, so a member never points into a Python or Java
 * string that is gone after the call. Structs the bindings construct free
 * their copies in their destructors (the generated store_records.i, fd_actor
 * in swig/store.i). Records the library returns come back as borrowed proxies
 * (the SWIGTYPE **out typemaps): the layers copy their values out at once and
 * never set their members. Read-only members are %immutable in the module files.
 */
%typemap(memberin) const char * {
    /* Out of memory leaves the member NULL; the record's check then names the field. */
    char *fd_copy = $input ? strdup($input) : NULL;
    free((void *)$1);
    $1 = fd_copy;
}

%include "fd_modules.i"
