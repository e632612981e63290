/*
 * Java typemaps for libfrontdesk. Generated classes go to org.frontdesk.swig
 * (internal); the public API is the hand-written org.frontdesk layer.
 *
 *   fd_status (return)  -> void; a negative status throws the checked
 *                          org.frontdesk.FrontdeskException(code, message)
 *   const char * (in)   -> String, checked and encoded as real UTF-8 in C (JNI's
 *                          "modified UTF-8" would mangle characters outside the
 *                          BMP such as 𠮷; String.getBytes would put '?' for a
 *                          lone surrogate); null passes as NULL
 *   const char *, char[N] (out, members) -> String, decoded from real UTF-8
 *   int64_t *, int32_t *, int *, size_t * -> long[], int[], int[], long[] (one element, filled)
 *   unsigned int, size_t (in) -> long, refused (FD_ERANGE) outside the C type
 *   fd_buf *out -> String[];  fd_buf *out_bytes -> byte[][]
 *   SWIGTYPE **out -> ClassName[] (one element, null for NULL)
 *   fd_date <-> java.time.LocalDate;  fd_date *out -> LocalDate[]
 *   (const char *const *items, size_t count) <- String[]
 *
 * A refused argument throws FrontdeskException naming the C parameter
 * ($1_name): a String with a NUL (C would see it cut short) or a lone
 * surrogate (it has no UTF-8) is FD_EINVAL; a null LocalDate is FD_EINVAL and
 * one outside 0001..9999 FD_ERANGE (never packed as 0, which reads as "today").
 *
 * Strings are checked in the "in" typemaps, which allocate nothing, and copied
 * in the "check" typemaps, which run after every "in": SWIG's Java wrappers
 * have no cleanup label, so a refusal returning early from an "in" typemap
 * must not leave an earlier argument's copy behind.
 */
%{
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A java.lang.String from real UTF-8 (not JNI's modified UTF-8). */
static jstring fd_java_string(JNIEnv *env, const char *s, size_t len)
{
    jbyteArray bytes = (*env)->NewByteArray(env, (jsize)len);
    if (bytes == NULL)
        return NULL;
    (*env)->SetByteArrayRegion(env, bytes, 0, (jsize)len, (const jbyte *)s);
    jclass cls = (*env)->FindClass(env, "java/lang/String");
    jmethodID ctor = cls ? (*env)->GetMethodID(env, cls, "<init>", "([BLjava/lang/String;)V") : NULL;
    jstring charset = ctor ? (*env)->NewStringUTF(env, "UTF-8") : NULL;
    jstring out = charset ? (jstring)(*env)->NewObject(env, cls, ctor, bytes, charset) : NULL;
    (*env)->DeleteLocalRef(env, bytes);
    return out;
}

/* Throws org.frontdesk.FrontdeskException(code, message). */
static void fd_java_throw_message(JNIEnv *env, int code, const char *msg)
{
    jclass cls = (*env)->FindClass(env, "org/frontdesk/FrontdeskException");
    if (cls == NULL)
        return;
    jmethodID ctor = (*env)->GetMethodID(env, cls, "<init>", "(ILjava/lang/String;)V");
    jstring jmsg = ctor ? fd_java_string(env, msg, strlen(msg)) : NULL;
    if (jmsg == NULL)
        return;
    jthrowable exc = (jthrowable)(*env)->NewObject(env, cls, ctor, (jint)code, jmsg);
    if (exc)
        (*env)->Throw(env, exc);
}

/* Throws FrontdeskException(code, message) for a failed call, with the thread's last message. */
static void fd_java_throw(JNIEnv *env, int code)
{
    fd_java_throw_message(env, code, fd_error_last()->message);
}

/* Throws FrontdeskException(code, printf-style message) for an argument refused before the call. */
static void fd_java_refuse(JNIEnv *env, int code, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fd_java_throw_message(env, code, msg);
}

static jbyteArray fd_java_bytes(JNIEnv *env, const char *s, size_t len)
{
    jbyteArray a = (*env)->NewByteArray(env, (jsize)len);
    if (a)
        (*env)->SetByteArrayRegion(env, a, 0, (jsize)len, (const jbyte *)s);
    return a;
}

/*
 * Walks the UTF-16 of @s: with @dst NULL, checks it and sets *len to its UTF-8
 * length; with @dst, writes that UTF-8 and a NUL. Returns 0, or -1 with an
 * exception pending: FrontdeskException FD_EINVAL naming @name for a NUL or an
 * unpaired surrogate. Nothing is allocated, so a refusal leaks nothing.
 */
static int fd_java_utf8(JNIEnv *env, jstring s, const char *name, char *dst, size_t *len)
{
    jsize n = (*env)->GetStringLength(env, s);
    const jchar *u = (*env)->GetStringCritical(env, s, NULL);
    if (u == NULL)
        return -1; /* OutOfMemoryError pending */
    const char *bad = NULL;
    size_t k = 0;
    for (jsize i = 0; i < n; i++) {
        unsigned long c = u[i];
        if (c == 0) {
            bad = "contains a NUL character";
            break;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c > 0xDBFF || i + 1 >= n || u[i + 1] < 0xDC00 || u[i + 1] > 0xDFFF) {
                bad = "contains a lone surrogate (not valid UTF-16/Unicode)";
                break;
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
        }
        if (dst == NULL) {
            k += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        } else if (c < 0x80) {
            dst[k++] = (char)c;
        } else if (c < 0x800) {
            dst[k++] = (char)(0xC0 | (c >> 6));
            dst[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            dst[k++] = (char)(0xE0 | (c >> 12));
            dst[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            dst[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            dst[k++] = (char)(0xF0 | (c >> 18));
            dst[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            dst[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            dst[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    (*env)->ReleaseStringCritical(env, s, u);
    if (bad != NULL) {
        fd_java_refuse(env, FD_EINVAL, "%s: %s", name, bad);
        return -1;
    }
    if (dst != NULL)
        dst[k] = '\0';
    *len = k;
    return 0;
}

/* A malloc'd UTF-8 copy of @s, checked before by fd_java_utf8(); NULL with OutOfMemoryError pending. */
static char *fd_java_utf8_copy(JNIEnv *env, jstring s, const char *name)
{
    size_t len = 0;
    if (fd_java_utf8(env, s, name, NULL, &len) < 0)
        return NULL;
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        SWIG_JavaThrowException(env, SWIG_JavaOutOfMemoryError, name);
        return NULL;
    }
    if (fd_java_utf8(env, s, name, copy, &len) < 0) {
        free(copy);
        return NULL;
    }
    return copy;
}
%}

%pragma(java) jniclasscode=%{
  static {
    NativeLoader.load();
  }
%}

%pragma(java) modulecode=%{
  static String fdString(byte[] b) {
    return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
  /** A date packed as yyyymmdd for C; null and years outside 1..9999 are refused, naming the parameter. */
  static int fdDate(java.time.LocalDate d, String name) throws org.frontdesk.FrontdeskException {
    if (d == null) {
      throw new org.frontdesk.FrontdeskException(-1, name + ": a date is required, got null");
    }
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new org.frontdesk.FrontdeskException(-4, name + ": " + d + " is outside 0001-01-01..9999-12-31");
    }
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }
  static java.time.LocalDate fdLocalDate(int packed) {
    return packed == 0 ? null : java.time.LocalDate.of(packed / 10000, packed / 100 % 100, packed % 100);
  }
%}

/* Status -> exception. */
%typemap(jni) fd_status "jint"
%typemap(jtype) fd_status "int"
%typemap(jstype) fd_status "void"
%typemap(out, throws="org.frontdesk.FrontdeskException") fd_status {
    if ($1 < 0) {
        fd_java_throw(jenv, $1);
        return $null;
    }
    $result = (jint)$1;
}
%typemap(javaout) fd_status { $jnicall; }

/* A status passed in (fd_status_name) is just an int. */
%typemap(jstype) fd_status code "int"
%typemap(javain) fd_status code "$javainput"
%typemap(in) fd_status code "$1 = (fd_status)$input;"

/* #define and enum constants become Java compile-time constants. */
%javaconst(1);

/*
 * Strings in: checked in "in" (nothing allocated), copied as real UTF-8 in
 * "check", freed after the call. null passes as NULL for C to accept or refuse.
 */
%typemap(jni) const char * "jstring"
%typemap(jtype) const char * "String"
%typemap(jstype) const char * "String"
%typemap(javain) const char * "$javainput"
%typemap(in, throws="org.frontdesk.FrontdeskException") const char * (char *utf8 = NULL) {
    size_t len = 0;
    $1 = NULL;
    if ($input && fd_java_utf8(jenv, $input, "$1_name", NULL, &len) < 0) return $null;
}
%typemap(check) const char * {
    if ($input) {
        utf8$argnum = fd_java_utf8_copy(jenv, $input, "$1_name");
        if (utf8$argnum == NULL) return $null; /* out of memory: earlier copies leak */
        $1 = utf8$argnum;
    }
}
%typemap(freearg) const char * { free(utf8$argnum); }
/* Strings out (return values and struct members). */
%typemap(out) const char *, char * { $result = $1 ? fd_java_string(jenv, $1, strlen($1)) : NULL; }
%typemap(javaout) const char *, char * { return $jnicall; }

/*
 * Fixed arrays: read as String; set (fd_journal_filter::entity) like a string
 * in, refusing with FD_ERANGE what does not fit instead of cutting it.
 */
%typemap(jni) char [ANY] "jstring"
%typemap(jtype) char [ANY] "String"
%typemap(jstype) char [ANY] "String"
%typemap(javain) char [ANY] "$javainput"
%typemap(out) char [ANY] { $result = fd_java_string(jenv, $1, strnlen($1, $1_dim0)); }
%typemap(javaout) char [ANY] { return $jnicall; }
%typemap(in, throws="org.frontdesk.FrontdeskException") char [ANY] (char *utf8 = NULL) {
    size_t len = 0;
    $1 = NULL;
    if ($input) {
        if (fd_java_utf8(jenv, $input, "$1_name", NULL, &len) < 0) return $null;
        if (len >= $1_dim0) {
            fd_java_refuse(jenv, FD_ERANGE, "%s: %zu bytes is longer than %d", "$1_name", len, (int)$1_dim0 - 1);
            return $null;
        }
    }
}
%typemap(check) char [ANY] {
    if ($input) {
        utf8$argnum = fd_java_utf8_copy(jenv, $input, "$1_name");
        if (utf8$argnum == NULL) return $null;
        $1 = utf8$argnum;
    }
}
%typemap(freearg) char [ANY] { free(utf8$argnum); }
/* Setting a fixed array member: the "in" typemap has checked that it fits. */
%typemap(memberin) char [ANY] {
    if ($input) {
        size_t n = strlen($input);
        if (n >= $1_dim0) n = $1_dim0 - 1;
        memcpy($1, $input, n);
        $1[n] = '\0';
    } else {
        $1[0] = '\0';
    }
}

/* Unsigned counts in: a negative or too large long is refused, not wrapped around. */
%define FD_JAVA_UNSIGNED_IN(TYPE, MAX)
%typemap(in, throws="org.frontdesk.FrontdeskException") TYPE {
    if ($input < 0 || (unsigned long long)$input > (unsigned long long)(MAX)) {
        fd_java_refuse(jenv, FD_ERANGE, "%s: %lld is outside 0..%llu", "$1_name", (long long)$input,
                       (unsigned long long)(MAX));
        return $null;
    }
    $1 = ($1_ltype)$input;
}
%enddef
FD_JAVA_UNSIGNED_IN(unsigned int, UINT_MAX)
FD_JAVA_UNSIGNED_IN(size_t, SIZE_MAX)

/* Scalar outputs: one-element arrays. */
%define FD_JAVA_SCALAR_OUT(TYPE, JNITYPE, JARRAY, JTYPE, SETTER)
%typemap(jni) TYPE * "JARRAY"
%typemap(jtype) TYPE * "JTYPE[]"
%typemap(jstype) TYPE * "JTYPE[]"
%typemap(javain) TYPE * "$javainput"
%typemap(in) TYPE * (TYPE tmp = 0) {
    if ($input == NULL || (*jenv)->GetArrayLength(jenv, $input) < 1) {
        SWIG_JavaThrowException(jenv, SWIG_JavaIndexOutOfBoundsException, "output array must have one element");
        return $null;
    }
    $1 = &tmp;
}
%typemap(argout) TYPE * { JNITYPE v = (JNITYPE)tmp$argnum; (*jenv)->SETTER(jenv, $input, 0, 1, &v); }
%enddef
FD_JAVA_SCALAR_OUT(int64_t, jlong, jlongArray, long, SetLongArrayRegion)
FD_JAVA_SCALAR_OUT(int32_t, jint, jintArray, int, SetIntArrayRegion)
FD_JAVA_SCALAR_OUT(int, jint, jintArray, int, SetIntArrayRegion)
FD_JAVA_SCALAR_OUT(size_t, jlong, jlongArray, long, SetLongArrayRegion)

/* Strings out through fd_buf. */
%define FD_JAVA_BUF_OUT(NAME, JSTYPE, CONVERT)
%typemap(jni) fd_buf *NAME "jobjectArray"
%typemap(jtype) fd_buf *NAME "byte[][]"
%typemap(jstype) fd_buf *NAME "JSTYPE[]"
%typemap(javain, pre="    byte[][] b$javainput = new byte[1][];",
         post="      if ($javainput != null && $javainput.length > 0) $javainput[0] = CONVERT(b$javainput[0]);")
    fd_buf *NAME "b$javainput"
%typemap(in) fd_buf *NAME (fd_buf tmp = FD_BUF_INIT) { $1 = &tmp; }
%typemap(argout) fd_buf *NAME {
    jbyteArray a = fd_java_bytes(jenv, tmp$argnum.ptr ? tmp$argnum.ptr : "", tmp$argnum.size);
    if (a) (*jenv)->SetObjectArrayElement(jenv, $input, 0, a);
}
%typemap(freearg) fd_buf *NAME { fd_buf_dispose(&tmp$argnum); }
%enddef
FD_JAVA_BUF_OUT(out, String, $module.fdString)
FD_JAVA_BUF_OUT(out_bytes, byte[], )

/* Handles and result pointers out. */
%typemap(jni) SWIGTYPE **out "jlongArray"
%typemap(jtype) SWIGTYPE **out "long[]"
%typemap(jstype) SWIGTYPE **out "$*javaclassname[]"
%typemap(javain, pre="    long[] p$javainput = new long[1];",
         post="      if ($javainput != null && $javainput.length > 0) $javainput[0] = p$javainput[0] == 0 ? null : new $*javaclassname(p$javainput[0], false);")
    SWIGTYPE **out "p$javainput"
%typemap(in) SWIGTYPE **out ($*1_ltype tmp = NULL) { $1 = &tmp; }
%typemap(argout) SWIGTYPE **out {
    jlong v = 0;
    *($*1_ltype *)(void *)&v = tmp$argnum;
    (*jenv)->SetLongArrayRegion(jenv, $input, 0, 1, &v);
}

/* Dates as java.time.LocalDate, packed as yyyymmdd across JNI. */
%typemap(jni) fd_date "jint"
%typemap(jtype) fd_date "int"
%typemap(jstype) fd_date "java.time.LocalDate"
%typemap(javain, throws="org.frontdesk.FrontdeskException") fd_date "$module.fdDate($javainput, \"$1_name\")"
%typemap(in) fd_date { $1.year = $input / 10000; $1.month = $input / 100 % 100; $1.day = $input % 100; }
%typemap(jni) fd_date *out "jintArray"
%typemap(jtype) fd_date *out "int[]"
%typemap(jstype) fd_date *out "java.time.LocalDate[]"
%typemap(javain, pre="    int[] d$javainput = new int[1];",
         post="      if ($javainput != null && $javainput.length > 0) $javainput[0] = $module.fdLocalDate(d$javainput[0]);")
    fd_date *out "d$javainput"
%typemap(in) fd_date *out (fd_date tmp = { 0, 0, 0 }) { $1 = &tmp; }
%typemap(argout) fd_date *out {
    jint v = tmp$argnum.year * 10000 + tmp$argnum.month * 100 + tmp$argnum.day;
    (*jenv)->SetIntArrayRegion(jenv, $input, 0, 1, &v);
}

/* Lists of strings in: checked in "in", copied in "check" (as strings are). */
%typemap(jni) (const char *const *items, size_t count) "jobjectArray"
%typemap(jtype) (const char *const *items, size_t count) "String[]"
%typemap(jstype) (const char *const *items, size_t count) "String[]"
%typemap(javain) (const char *const *items, size_t count) "$javainput"
%typemap(in, throws="org.frontdesk.FrontdeskException") (const char *const *items, size_t count) {
    $1 = NULL;
    $2 = 0;
    if ($input == NULL) {
        fd_java_refuse(jenv, FD_EINVAL, "%s: must not be null", "$1_name");
        return $null;
    }
    jsize n = (*jenv)->GetArrayLength(jenv, $input);
    for (jsize i = 0; i < n; i++) {
        char name[48];
        size_t len = 0;
        snprintf(name, sizeof name, "%s[%d]", "$1_name", (int)i);
        jstring s = (jstring)(*jenv)->GetObjectArrayElement(jenv, $input, i);
        int rc = s ? fd_java_utf8(jenv, s, name, NULL, &len) : -1;
        if (s == NULL)
            fd_java_refuse(jenv, FD_EINVAL, "%s: must not be null", name);
        else
            (*jenv)->DeleteLocalRef(jenv, s);
        if (rc < 0) return $null;
    }
}
%typemap(check) (const char *const *items, size_t count) {
    /* SWIG declares the argument as char **: fill a const array, cast once. */
    jsize n = (*jenv)->GetArrayLength(jenv, $input);
    const char **strs = (const char **)calloc((size_t)(n ? n : 1), sizeof(char *));
    if (strs == NULL) { SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "$1_name"); return $null; }
    $1 = ($1_ltype)strs;
    $2 = (size_t)n;
    for (jsize i = 0; i < n; i++) {
        jstring s = (jstring)(*jenv)->GetObjectArrayElement(jenv, $input, i);
        strs[i] = s ? fd_java_utf8_copy(jenv, s, "$1_name") : NULL;
        if (s) (*jenv)->DeleteLocalRef(jenv, s);
        if (strs[i] == NULL) return $null; /* out of memory: the copies so far leak */
    }
}
%typemap(freearg) (const char *const *items, size_t count) {
    for (size_t i = 0; $1 && i < $2; i++) free((void *)$1[i]);
    free((void *)$1);
}

/* (const int64_t *pauses, size_t pauses_len) <- long[] (fd_sla_restore: instant pairs); copied in "check". */
%typemap(jni) (const int64_t *pauses, size_t pauses_len) "jlongArray"
%typemap(jtype) (const int64_t *pauses, size_t pauses_len) "long[]"
%typemap(jstype) (const int64_t *pauses, size_t pauses_len) "long[]"
%typemap(javain) (const int64_t *pauses, size_t pauses_len) "$javainput"
%typemap(in, throws="org.frontdesk.FrontdeskException") (const int64_t *pauses, size_t pauses_len) {
    $1 = NULL;
    $2 = 0;
    if ($input == NULL) {
        fd_java_refuse(jenv, FD_EINVAL, "%s: must not be null", "$1_name");
        return $null;
    }
}
%typemap(check) (const int64_t *pauses, size_t pauses_len) {
    jsize n = (*jenv)->GetArrayLength(jenv, $input);
    int64_t *vals = (int64_t *)malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
    if (vals == NULL) { SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "$1_name"); return $null; }
    (*jenv)->GetLongArrayRegion(jenv, $input, 0, n, (jlong *)vals);
    $1 = ($1_ltype)vals;
    $2 = (size_t)n;
}
%typemap(freearg) (const int64_t *pauses, size_t pauses_len) { free((void *)$1); }
%typemap(argout) (const int64_t *pauses, size_t pauses_len) ""

/* (const fd_cdr_leg *const *legs, size_t n) <- fd_cdr_leg[] (fd_cdr_assemble): the proxies' pointers cross as
 * long[] (getCPtr is visible inside the swig package), copied into a C array in "check". */
%typemap(jni) (const fd_cdr_leg *const *legs, size_t n) "jlongArray"
%typemap(jtype) (const fd_cdr_leg *const *legs, size_t n) "long[]"
%typemap(jstype) (const fd_cdr_leg *const *legs, size_t n) "fd_cdr_leg[]"
%typemap(javain) (const fd_cdr_leg *const *legs, size_t n)
    "$javainput == null ? null : java.util.Arrays.stream($javainput).mapToLong(fd_cdr_leg::getCPtr).toArray()"
%typemap(in, throws="org.frontdesk.FrontdeskException") (const fd_cdr_leg *const *legs, size_t n) {
    $1 = NULL;
    $2 = 0;
    if ($input == NULL) {
        fd_java_refuse(jenv, FD_EINVAL, "%s: must not be null", "$1_name");
        return $null;
    }
}
%typemap(check) (const fd_cdr_leg *const *legs, size_t n) {
    jsize n = (*jenv)->GetArrayLength(jenv, $input);
    jlong *vals = (*jenv)->GetLongArrayElements(jenv, $input, NULL);
    const fd_cdr_leg **ptrs = (const fd_cdr_leg **)calloc((size_t)(n ? n : 1), sizeof *ptrs);
    if (vals == NULL || ptrs == NULL) {
        if (vals) (*jenv)->ReleaseLongArrayElements(jenv, $input, vals, JNI_ABORT);
        free((void *)ptrs);
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "$1_name");
        return $null;
    }
    for (jsize i = 0; i < n; i++)
        ptrs[i] = (const fd_cdr_leg *)(intptr_t)vals[i];
    (*jenv)->ReleaseLongArrayElements(jenv, $input, vals, JNI_ABORT);
    $1 = ($1_ltype)ptrs;
    $2 = (size_t)n;
}
%typemap(freearg) (const fd_cdr_leg *const *legs, size_t n) { free((void *)$1); }

/* (const fd_complaint_event *events, size_t n) <- fd_complaint_event[] (fd_complaint_target_eval): the proxies'
 * pointers cross as long[], their structs are copied into one C array in "check" (their strings stay the
 * proxies', alive for the call). */
%typemap(jni) (const fd_complaint_event *events, size_t n) "jlongArray"
%typemap(jtype) (const fd_complaint_event *events, size_t n) "long[]"
%typemap(jstype) (const fd_complaint_event *events, size_t n) "fd_complaint_event[]"
%typemap(javain) (const fd_complaint_event *events, size_t n)
    "$javainput == null ? null : java.util.Arrays.stream($javainput).mapToLong(fd_complaint_event::getCPtr).toArray()"
%typemap(in, throws="org.frontdesk.FrontdeskException") (const fd_complaint_event *events, size_t n) {
    $1 = NULL;
    $2 = 0;
    if ($input == NULL) {
        fd_java_refuse(jenv, FD_EINVAL, "%s: must not be null", "$1_name");
        return $null;
    }
}
%typemap(check) (const fd_complaint_event *events, size_t n) {
    jsize n = (*jenv)->GetArrayLength(jenv, $input);
    jlong *vals = (*jenv)->GetLongArrayElements(jenv, $input, NULL);
    fd_complaint_event *evs = (fd_complaint_event *)calloc((size_t)(n ? n : 1), sizeof *evs);
    if (vals == NULL || evs == NULL) {
        if (vals) (*jenv)->ReleaseLongArrayElements(jenv, $input, vals, JNI_ABORT);
        free((void *)evs);
        SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "$1_name");
        return $null;
    }
    for (jsize i = 0; i < n; i++) {
        if (vals[i] == 0) {
            (*jenv)->ReleaseLongArrayElements(jenv, $input, vals, JNI_ABORT);
            free((void *)evs);
            fd_java_refuse(jenv, FD_EINVAL, "%s[%d]: must not be null", "$1_name", (int)i);
            return $null;
        }
        evs[i] = *(const fd_complaint_event *)(intptr_t)vals[i];
    }
    (*jenv)->ReleaseLongArrayElements(jenv, $input, vals, JNI_ABORT);
    $1 = ($1_ltype)evs;
    $2 = (size_t)n;
}
%typemap(freearg) (const fd_complaint_event *events, size_t n) { free((void *)$1); }

/* (fd_complaint_target_plan out[4], size_t *n) -> the caller's fd_complaint_target_plan[] of at least
 * FD_COMPLAINT_TARGETS_MAX elements: the first n set to owned copies (a plan's strings are static), the rest null.
 * 4 is FD_COMPLAINT_TARGETS_MAX, which SWIG has evaluated in the declaration (a multi-argument typemap does not
 * take [ANY]). */
%typemap(jni) (fd_complaint_target_plan out[4], size_t *n) "jobjectArray"
%typemap(jtype) (fd_complaint_target_plan out[4], size_t *n) "fd_complaint_target_plan[]"
%typemap(jstype) (fd_complaint_target_plan out[4], size_t *n) "fd_complaint_target_plan[]"
%typemap(javain) (fd_complaint_target_plan out[4], size_t *n) "$javainput"
%typemap(in, throws="org.frontdesk.FrontdeskException") (fd_complaint_target_plan out[4], size_t *n)
    (fd_complaint_target_plan tmp[FD_COMPLAINT_TARGETS_MAX], size_t count = 0) {
    if ($input == NULL || (*jenv)->GetArrayLength(jenv, $input) < FD_COMPLAINT_TARGETS_MAX) {
        fd_java_refuse(jenv, FD_ERANGE, "%s: needs an array of %d plans", "$1_name", FD_COMPLAINT_TARGETS_MAX);
        return $null;
    }
    $1 = tmp;
    $2 = &count;
}
%typemap(argout) (fd_complaint_target_plan out[4], size_t *n) {
    jclass cls = (*jenv)->FindClass(jenv, "org/frontdesk/swig/fd_complaint_target_plan");
    jmethodID ctor = cls ? (*jenv)->GetMethodID(jenv, cls, "<init>", "(JZ)V") : NULL;
    jsize len = (*jenv)->GetArrayLength(jenv, $input);
    for (jsize i = 0; ctor && i < len && !(*jenv)->ExceptionCheck(jenv); i++) {
        jobject o = NULL;
        if ((size_t)i < count$argnum) {
            fd_complaint_target_plan *p = (fd_complaint_target_plan *)malloc(sizeof *p);
            if (p == NULL) {
                SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "$1_name");
                break;
            }
            *p = tmp$argnum[i];
            o = (*jenv)->NewObject(jenv, cls, ctor, (jlong)(intptr_t)p, JNI_TRUE);
            if (o == NULL) {
                free(p);
                break;
            }
        }
        (*jenv)->SetObjectArrayElement(jenv, $input, i, o);
        if (o) (*jenv)->DeleteLocalRef(jenv, o);
    }
    if (cls) (*jenv)->DeleteLocalRef(jenv, cls);
}

/* const char **to_state -> String[] of length 1: a string the library owns (static, or held by another
 * argument), copied out as UTF-8 bytes like an fd_buf; null for NULL. Other outputs of the kind take it with
 * %apply. */
%typemap(jni) const char **to_state "jobjectArray"
%typemap(jtype) const char **to_state "byte[][]"
%typemap(jstype) const char **to_state "String[]"
%typemap(javain, pre="    byte[][] b$javainput = new byte[1][];",
         post="      if ($javainput != null && $javainput.length > 0) $javainput[0] = b$javainput[0] == null ? null : $module.fdString(b$javainput[0]);")
    const char **to_state "b$javainput"
%typemap(in) const char **to_state (const char *tmp = NULL) { $1 = ($1_ltype)&tmp; }
%typemap(argout) const char **to_state {
    if (tmp$argnum) {
        jbyteArray a = fd_java_bytes(jenv, tmp$argnum, strlen(tmp$argnum));
        if (a) (*jenv)->SetObjectArrayElement(jenv, $input, 0, a);
    }
}
