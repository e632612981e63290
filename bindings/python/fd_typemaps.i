/*
 * Python typemaps for libfrontdesk.
 *   fd_status (return)        -> None, or raises frontdesk.errors.<class>(code, message)
 *   int64_t/int32_t/int/size_t * -> returned value(s)
 *   fd_buf *out               -> str;   fd_buf *out_bytes -> bytes
 *   SWIGTYPE **out            -> the object (a SWIG proxy), or None for NULL
 *   fd_date (in)              -> datetime.date or "YYYY-MM-DD";  fd_date *out -> datetime.date
 *   (const char *const *items, size_t count) <- list of str
 */
%{
#include <datetime.h>

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

/* Converts a date, or an ISO string, to fd_date; -1 with a Python error on failure. */
static int fd_py_to_date(PyObject *o, fd_date *d)
{
    if (PyDate_Check(o)) {
        d->year = PyDateTime_GET_YEAR(o);
        d->month = PyDateTime_GET_MONTH(o);
        d->day = PyDateTime_GET_DAY(o);
        return 0;
    }
    if (PyUnicode_Check(o)) {
        const char *s = PyUnicode_AsUTF8(o);
        if (s == NULL)
            return -1;
        int rc = fd_date_parse(d, s);
        if (rc < 0) {
            fd_py_raise(rc);
            return -1;
        }
        return 0;
    }
    PyErr_SetString(PyExc_TypeError, "expected a datetime.date or a 'YYYY-MM-DD' string");
    return -1;
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

/* Dates. */
%typemap(in) fd_date { if (fd_py_to_date($input, &$1) < 0) SWIG_fail; }
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
        PyErr_SetString(PyExc_TypeError, "expected a list of str");
        SWIG_fail;
    }
    PyObject *seq = PySequence_Fast($input, "expected a list of str");
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    strs = (const char **)malloc(sizeof(char *) * (size_t)(n ? n : 1));
    for (Py_ssize_t i = 0; i < n && strs; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        strs[i] = PyUnicode_Check(item) ? PyUnicode_AsUTF8(item) : NULL;
        if (strs[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "item %zd is not a str", i);
            free((void *)strs);
            strs = NULL;
        }
    }
    Py_DECREF(seq);
    if (strs == NULL) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        SWIG_fail;
    }
    $1 = ($1_ltype)strs;
    $2 = (size_t)n;
}
%typemap(freearg) (const char *const *items, size_t count) { free((void *)$1); }
