/*
 * Python typemaps for libfrontdesk.
 *   fd_status (return)        -> None, or raises frontdesk.errors.<class>(code, message)
 *   int64_t/int32_t/int/size_t * -> returned value(s)
 *   fd_buf *out               -> str;   fd_buf *out_bytes -> bytes
 *   SWIGTYPE **out            -> the object (a SWIG proxy), or None for NULL
 *   fd_date (in)              -> datetime.date or "YYYY-MM-DD";  fd_date *out -> datetime.date
 *   (const char *const *items, size_t count) <- list of str
 *
 * Arguments are checked before C sees them, and a refusal names the C
 * parameter ($1_name) in a frontdesk.errors exception, never a raw TypeError
 * or OverflowError "argument 7 of type int64_t":
 *   const char *  str (None -> NULL); an embedded NUL or a lone surrogate is
 *                 InvalidArgument, never truncated or replaced
 *   integers      int (or an object with __index__); float and bool are
 *                 ArgumentTypeError (an InvalidArgument), values outside the
 *                 C type are OutOfRange
 *   fd_date       datetime.date or "YYYY-MM-DD"; a datetime is refused: its
 *                 local date depends on a zone, which the Python layer knows
 */
%{
#include <datetime.h>
#include <limits.h>
#include <string.h>

/* Raises the frontdesk.errors class for @code with the thread's last message. */
static void fd_py_raise(int code)
{
    PyObject *mod = PyImport_ImportModule("frontdesk.errors");
    if (mod == NULL)
        return;
    PyObject *exc = PyObject_CallMethod(mod, "error_for", "is", code, fd_error_last()->message);
    Py_DECREF(mod);
    if (exc == NULL)
        return;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
}

/*
 * Raises frontdesk.errors.<cls>(message) for an argument refused before the
 * call; steals @message (NULL: an error is already set). Always returns -1.
 */
static int fd_py_refuse(const char *cls, PyObject *message)
{
    if (message == NULL)
        return -1;
    PyObject *mod = PyImport_ImportModule("frontdesk.errors");
    PyObject *type = mod ? PyObject_GetAttrString(mod, cls) : NULL;
    PyObject *exc = type ? PyObject_CallFunctionObjArgs(type, message, NULL) : NULL;
    if (exc != NULL)
        PyErr_SetObject(type, exc);
    Py_XDECREF(exc);
    Py_XDECREF(type);
    Py_XDECREF(mod);
    Py_DECREF(message);
    return -1;
}

/*
 * The UTF-8 of str @o for parameter @name, owned by @o (alive for the call);
 * None gives NULL, for the C function to accept or refuse. A NUL would cut
 * the string short in C and a lone surrogate has no UTF-8: both are refused.
 */
static int fd_py_to_utf8(PyObject *o, const char *name, const char **out)
{
    *out = NULL;
    if (o == Py_None)
        return 0;
    if (!PyUnicode_Check(o))
        return fd_py_refuse("ArgumentTypeError",
                            PyUnicode_FromFormat("%s: expected a str, got %s", name, Py_TYPE(o)->tp_name));
    Py_ssize_t n = 0;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return -1;
        PyErr_Clear();
        return fd_py_refuse("InvalidArgument",
                            PyUnicode_FromFormat("%s: contains a lone surrogate (not valid UTF-16/Unicode)", name));
    }
    if (memchr(s, '\0', (size_t)n) != NULL)
        return fd_py_refuse("InvalidArgument", PyUnicode_FromFormat("%s: contains a NUL character", name));
    *out = s;
    return 0;
}

/*
 * An integer argument in [@min, @max]: an int or an object with __index__;
 * float (even 2.0) and bool are refused rather than truncated or counted as 1.
 */
static int fd_py_to_integer(PyObject *o, const char *name, long long min, long long max, long long *out)
{
    if (PyBool_Check(o) || !PyIndex_Check(o))
        /* The value is named by type only: a phone number passed by mistake is not echoed (R-COM-2). */
        return fd_py_refuse("ArgumentTypeError",
                            PyUnicode_FromFormat("%s: expected an int, got %s", name, Py_TYPE(o)->tp_name));
    PyObject *i = PyNumber_Index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(i, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(i);
        return -1;
    }
    if (overflow != 0 || v < min || v > max) {
        PyObject *msg = PyUnicode_FromFormat("%s: %S is outside %lld..%lld", name, i, min, max);
        Py_DECREF(i);
        return fd_py_refuse("OutOfRange", msg);
    }
    Py_DECREF(i);
    *out = v;
    return 0;
}

/*
 * A date argument: datetime.date or an ISO string. A datetime is refused: its
 * date depends on the zone, and only the Python layer knows the site's.
 */
static int fd_py_to_date(PyObject *o, const char *name, fd_date *d)
{
    if (PyDateTime_Check(o))
        return fd_py_refuse("ArgumentTypeError",
                            PyUnicode_FromFormat("%s: expected a date, got a datetime; convert it in the site's zone",
                                                 name));
    if (PyDate_Check(o)) {
        d->year = PyDateTime_GET_YEAR(o);
        d->month = PyDateTime_GET_MONTH(o);
        d->day = PyDateTime_GET_DAY(o);
        return 0;
    }
    if (PyUnicode_Check(o)) {
        const char *s = NULL;
        if (fd_py_to_utf8(o, name, &s) < 0)
            return -1;
        int rc = fd_date_parse(d, s);
        if (rc < 0) {
            /* Name the caller's parameter, not the parser inside the typemap (issue 16). */
            static const char pre[] = "fd_date_parse: text: ";
            const char *m = fd_error_last()->message;
            if (strncmp(m, pre, sizeof pre - 1) == 0)
                m += sizeof pre - 1;
            return fd_py_refuse(rc == FD_ERANGE ? "OutOfRange" : "InvalidArgument",
                                PyUnicode_FromFormat("%s: %s", name, m));
        }
        return 0;
    }
    return fd_py_refuse("ArgumentTypeError",
                        PyUnicode_FromFormat("%s: expected a datetime.date or a 'YYYY-MM-DD' string, got %s",
                                             name, Py_TYPE(o)->tp_name));
}
%}

%init %{
    PyDateTime_IMPORT;
%}

%typemap(out) fd_status {
    if ($1 < 0) {
        fd_py_raise($1);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

/* Scalar outputs: every non-const pointer to these types is an output. */
%define FD_PY_SCALAR_OUT(TYPE, MAKE)
%typemap(in, numinputs=0) TYPE * (TYPE tmp = 0) { $1 = &tmp; }
%typemap(argout) TYPE * { $result = SWIG_Python_AppendOutput($result, MAKE(tmp$argnum)); }
%enddef
FD_PY_SCALAR_OUT(int64_t, PyLong_FromLongLong)
FD_PY_SCALAR_OUT(int32_t, PyLong_FromLong)
FD_PY_SCALAR_OUT(int, PyLong_FromLong)
FD_PY_SCALAR_OUT(size_t, PyLong_FromSize_t)

/* Strings out through a growable buffer, freed after conversion. */
%typemap(in, numinputs=0) fd_buf *out (fd_buf tmp = FD_BUF_INIT) { $1 = &tmp; }
%typemap(argout) fd_buf *out {
    PyObject *s = PyUnicode_DecodeUTF8(tmp$argnum.ptr ? tmp$argnum.ptr : "", (Py_ssize_t)tmp$argnum.size, "strict");
    if (s == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, s);
}
%typemap(freearg) fd_buf *out { fd_buf_dispose(&tmp$argnum); }
%typemap(in, numinputs=0) fd_buf *out_bytes (fd_buf tmp = FD_BUF_INIT) { $1 = &tmp; }
%typemap(argout) fd_buf *out_bytes {
    PyObject *b = PyBytes_FromStringAndSize(tmp$argnum.ptr ? tmp$argnum.ptr : "", (Py_ssize_t)tmp$argnum.size);
    if (b == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, b);
}
%typemap(freearg) fd_buf *out_bytes { fd_buf_dispose(&tmp$argnum); }

/* Handles and result pointers out: a non-owning proxy; the layer owns it. */
%typemap(in, numinputs=0) SWIGTYPE **out ($*1_ltype tmp = NULL) { $1 = &tmp; }
%typemap(argout) SWIGTYPE **out {
    $result = SWIG_Python_AppendOutput($result,
        tmp$argnum ? SWIG_NewPointerObj(SWIG_as_voidptr(tmp$argnum), $*1_descriptor, 0) : SWIG_Py_Void());
}

/* Strings in: the UTF-8 cached in the str object, which outlives the call. */
%typemap(in) const char * {
    const char *s = NULL;
    if (fd_py_to_utf8($input, "$1_name", &s) < 0) SWIG_fail;
    $1 = ($1_ltype)s;
}
%typemap(freearg) const char * ""

/* Integers in, checked against the C type's range. */
%define FD_PY_INTEGER_IN(TYPE, MIN, MAX)
%typemap(in) TYPE (long long v = 0) {
    if (fd_py_to_integer($input, "$1_name", MIN, MAX, &v) < 0) SWIG_fail;
    $1 = ($1_ltype)v;
}
%enddef
FD_PY_INTEGER_IN(int64_t, INT64_MIN, INT64_MAX)
FD_PY_INTEGER_IN(int32_t, INT32_MIN, INT32_MAX)
FD_PY_INTEGER_IN(int, INT_MIN, INT_MAX)
FD_PY_INTEGER_IN(unsigned int, 0, UINT_MAX)
FD_PY_INTEGER_IN(size_t, 0, (SIZE_MAX > LLONG_MAX ? LLONG_MAX : (long long)SIZE_MAX))
FD_PY_INTEGER_IN(enum SWIGTYPE, INT_MIN, INT_MAX)

/* Dates. */
%typemap(in) fd_date { if (fd_py_to_date($input, "$1_name", &$1) < 0) SWIG_fail; }
%typemap(typecheck) fd_date { $1 = PyDate_Check($input) || PyUnicode_Check($input); }
%typemap(in, numinputs=0) fd_date *out (fd_date tmp = { 0, 0, 0 }) { $1 = &tmp; }
%typemap(argout) fd_date *out {
    PyObject *d = PyDate_FromDate(tmp$argnum.year, tmp$argnum.month, tmp$argnum.day);
    if (d == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, d);
}

/* Lists of strings in. The UTF-8 buffers belong to the str objects, kept alive by the list. */
%typemap(in) (const char *const *items, size_t count) {
    /* SWIG declares the argument as char **: fill a const array, cast once. */
    const char **strs = NULL;
    if (!PyList_Check($input) && !PyTuple_Check($input)) {
        fd_py_refuse("ArgumentTypeError",
                     PyUnicode_FromFormat("$1_name: expected a list of str, got %s", Py_TYPE($input)->tp_name));
        SWIG_fail;
    }
    PyObject *seq = PySequence_Fast($input, "expected a list of str");
    if (seq == NULL) SWIG_fail;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    strs = (const char **)malloc(sizeof(char *) * (size_t)(n ? n : 1));
    if (strs == NULL) PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n && strs; i++) {
        char name[48];
        PyOS_snprintf(name, sizeof name, "$1_name[%zd]", i);
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (item == Py_None) {
            fd_py_refuse("InvalidArgument", PyUnicode_FromFormat("%s: must not be None", name));
        } else if (fd_py_to_utf8(item, name, &strs[i]) == 0) {
            continue;
        }
        free((void *)strs);
        strs = NULL;
    }
    Py_DECREF(seq);
    if (strs == NULL) SWIG_fail;
    $1 = ($1_ltype)strs;
    $2 = (size_t)n;
}
%typemap(freearg) (const char *const *items, size_t count) { free((void *)$1); }

/* (const int64_t *pauses, size_t pauses_len) <- list of int (fd_sla_restore: instant pairs), each checked. */
%typemap(in) (const int64_t *pauses, size_t pauses_len) {
    int64_t *vals = NULL;
    if (!PyList_Check($input) && !PyTuple_Check($input)) {
        fd_py_refuse("ArgumentTypeError",
                     PyUnicode_FromFormat("$1_name: expected a list of int, got %s", Py_TYPE($input)->tp_name));
        SWIG_fail;
    }
    PyObject *seq = PySequence_Fast($input, "expected a list of int");
    if (seq == NULL) SWIG_fail;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    vals = (int64_t *)malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
    if (vals == NULL) PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n && vals; i++) {
        char name[48];
        long long v = 0;
        PyOS_snprintf(name, sizeof name, "$1_name[%zd]", i);
        if (fd_py_to_integer(PySequence_Fast_GET_ITEM(seq, i), name, INT64_MIN, INT64_MAX, &v) == 0) {
            vals[i] = (int64_t)v;
            continue;
        }
        free(vals);
        vals = NULL;
    }
    Py_DECREF(seq);
    if (vals == NULL) SWIG_fail;
    $1 = ($1_ltype)vals;
    $2 = (size_t)n;
}
%typemap(freearg) (const int64_t *pauses, size_t pauses_len) { free((void *)$1); }
%typemap(argout) (const int64_t *pauses, size_t pauses_len) ""

/* (const fd_cdr_leg *const *legs, size_t n) <- list of fd_cdr_leg proxies (fd_cdr_assemble), each checked. */
%typemap(in) (const fd_cdr_leg *const *legs, size_t n) {
    const fd_cdr_leg **ptrs = NULL;
    if (!PyList_Check($input) && !PyTuple_Check($input)) {
        fd_py_refuse("ArgumentTypeError",
                     PyUnicode_FromFormat("$1_name: expected a list of CDR legs, got %s", Py_TYPE($input)->tp_name));
        SWIG_fail;
    }
    PyObject *seq = PySequence_Fast($input, "expected a list of CDR legs");
    if (seq == NULL) SWIG_fail;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    ptrs = (const fd_cdr_leg **)calloc((size_t)(n ? n : 1), sizeof *ptrs);
    if (ptrs == NULL) PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n && ptrs; i++) {
        void *p = NULL;
        if (SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, SWIGTYPE_p_fd_cdr_leg, 0)) && p) {
            ptrs[i] = (const fd_cdr_leg *)p;
            continue;
        }
        fd_py_refuse("ArgumentTypeError", PyUnicode_FromFormat("$1_name[%zd]: expected a CDR leg, got %s", i,
                                                               Py_TYPE(PySequence_Fast_GET_ITEM(seq, i))->tp_name));
        free((void *)ptrs);
        ptrs = NULL;
    }
    Py_DECREF(seq);
    if (ptrs == NULL) SWIG_fail;
    $1 = ($1_ltype)ptrs;
    $2 = (size_t)n;
}
%typemap(freearg) (const fd_cdr_leg *const *legs, size_t n) { free((void *)$1); }

/* (const fd_complaint_event *events, size_t n) <- list of fd_complaint_event proxies (fd_complaint_target_eval):
 * copied into one C array; their strings stay the proxies', which the list keeps alive for the call. */
%typemap(in) (const fd_complaint_event *events, size_t n) {
    fd_complaint_event *evs = NULL;
    if (!PyList_Check($input) && !PyTuple_Check($input)) {
        fd_py_refuse("ArgumentTypeError", PyUnicode_FromFormat("$1_name: expected a list of complaint events, got %s",
                                                               Py_TYPE($input)->tp_name));
        SWIG_fail;
    }
    PyObject *seq = PySequence_Fast($input, "expected a list of complaint events");
    if (seq == NULL) SWIG_fail;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    evs = (fd_complaint_event *)calloc((size_t)(n ? n : 1), sizeof *evs);
    if (evs == NULL) PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n && evs; i++) {
        void *p = NULL;
        if (SWIG_IsOK(SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, SWIGTYPE_p_fd_complaint_event, 0)) && p) {
            evs[i] = *(const fd_complaint_event *)p;
            continue;
        }
        fd_py_refuse("ArgumentTypeError", PyUnicode_FromFormat("$1_name[%zd]: expected a complaint event, got %s", i,
                                                               Py_TYPE(PySequence_Fast_GET_ITEM(seq, i))->tp_name));
        free(evs);
        evs = NULL;
    }
    Py_DECREF(seq);
    if (evs == NULL) SWIG_fail;
    $1 = ($1_ltype)evs;
    $2 = (size_t)n;
}
%typemap(freearg) (const fd_complaint_event *events, size_t n) { free((void *)$1); }

/* (fd_complaint_target_plan out[4], size_t *n) -> a list of the n plans (fd_complaint_target_plan_of), each an
 * owned copy (a plan's strings are static). 4 is FD_COMPLAINT_TARGETS_MAX, which SWIG has evaluated in the
 * declaration by then (a multi-argument typemap does not take [ANY]). */
%typemap(in, numinputs=0) (fd_complaint_target_plan out[4], size_t *n)
    (fd_complaint_target_plan tmp[FD_COMPLAINT_TARGETS_MAX], size_t count = 0) {
    $1 = tmp;
    $2 = &count;
}
%typemap(argout) (fd_complaint_target_plan out[4], size_t *n) {
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list && i < count$argnum; i++) {
        fd_complaint_target_plan *p = (fd_complaint_target_plan *)malloc(sizeof *p);
        PyObject *o = p ? SWIG_NewPointerObj((void *)p, SWIGTYPE_p_fd_complaint_target_plan, SWIG_POINTER_OWN) : NULL;
        if (p) *p = tmp$argnum[i];
        if (o == NULL || PyList_Append(list, o) < 0) {
            if (o == NULL) { free(p); if (!PyErr_Occurred()) PyErr_NoMemory(); }
            Py_CLEAR(list);
        }
        Py_XDECREF(o);
    }
    if (list == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, list);
}

/* const char **to_state -> str: a string the library owns (static, or held by another argument), copied out;
 * None for NULL. Other outputs of the kind take it with %apply. */
%typemap(in, numinputs=0) const char **to_state (const char *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout) const char **to_state {
    PyObject *s = tmp$argnum ? PyUnicode_DecodeUTF8(tmp$argnum, (Py_ssize_t)strlen(tmp$argnum), "strict")
                             : SWIG_Py_Void();
    if (s == NULL) SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, s);
}
