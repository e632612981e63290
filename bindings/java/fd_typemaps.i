/*
 * Java typemaps for libfrontdesk. Generated classes go to org.frontdesk.swig
 * (internal); the public API is the hand-written org.frontdesk layer.
 *
 *   fd_status (return)  -> void; a negative status throws the checked
 *                          org.frontdesk.FrontdeskException(code, message)
 *   const char * (in)   -> String, passed as real UTF-8 (JNI's "modified UTF-8"
 *                          would mangle characters outside the BMP such as 𠮷)
 *   const char *, char[N] (out, members) -> String, decoded from real UTF-8
 *   int64_t *, int32_t *, int *, size_t * -> long[], int[], int[], long[] (one element, filled)
 *   fd_buf *out -> String[];  fd_buf *out_bytes -> byte[][]
 *   SWIGTYPE **out -> ClassName[] (one element, null for NULL)
 *   fd_date <-> java.time.LocalDate;  fd_date *out -> LocalDate[]
 *   (const char *const *items, size_t count) <- String[]
 */
%{
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

/* Throws org.frontdesk.FrontdeskException(code, message) for a failed call. */
static void fd_java_throw(JNIEnv *env, int code)
{
    const char *msg = fd_error_last()->message;
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

static jbyteArray fd_java_bytes(JNIEnv *env, const char *s, size_t len)
{
    jbyteArray a = (*env)->NewByteArray(env, (jsize)len);
    if (a)
        (*env)->SetByteArrayRegion(env, a, 0, (jsize)len, (const jbyte *)s);
    return a;
}
%}

%pragma(java) jniclasscode=%{
  static {
    System.loadLibrary("frontdesk_java");
  }
%}

%pragma(java) modulecode=%{
  /** UTF-8 bytes of s with a terminating NUL, or null. */
  static byte[] fdUtf8(String s) {
    if (s == null) return null;
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(b, b.length + 1);
  }
  static String fdString(byte[] b) {
    return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
  static int fdDate(java.time.LocalDate d) {
    if (d == null) throw new NullPointerException("date");
    if (d.getYear() < 1 || d.getYear() > 9999) return 0;
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

/* Strings in, as real UTF-8 bytes. */
%typemap(jni) const char * "jbyteArray"
%typemap(jtype) const char * "byte[]"
%typemap(jstype) const char * "String"
%typemap(javain) const char * "$module.fdUtf8($javainput)"
%typemap(in) const char * (jbyte *bytes = NULL) {
    $1 = NULL;
    if ($input) {
        bytes = (*jenv)->GetByteArrayElements(jenv, $input, NULL);
        if (bytes == NULL) return $null;
        $1 = (char *)bytes;
    }
}
%typemap(freearg) const char * {
    if (bytes$argnum) (*jenv)->ReleaseByteArrayElements(jenv, $input, bytes$argnum, JNI_ABORT);
}
/* Strings out (return values and struct members). */
%typemap(out) const char *, char * { $result = $1 ? fd_java_bytes(jenv, $1, strlen($1)) : NULL; }
%typemap(javaout) const char *, char * { return $module.fdString($jnicall); }
%typemap(jni) char [ANY] "jbyteArray"
%typemap(jtype) char [ANY] "byte[]"
%typemap(jstype) char [ANY] "String"
%typemap(javain) char [ANY] "$module.fdUtf8($javainput)"
%typemap(out) char [ANY] { $result = fd_java_bytes(jenv, $1, strnlen($1, $1_dim0)); }
%typemap(javaout) char [ANY] { return $module.fdString($jnicall); }
%typemap(in) char [ANY] (jbyte *bytes = NULL) {
    $1 = NULL;
    if ($input) {
        bytes = (*jenv)->GetByteArrayElements(jenv, $input, NULL);
        if (bytes == NULL) return $null;
        $1 = (char *)bytes;
    }
}
%typemap(freearg) char [ANY] {
    if (bytes$argnum) (*jenv)->ReleaseByteArrayElements(jenv, $input, bytes$argnum, JNI_ABORT);
}
/* Setting a fixed array member: copies at most N-1 bytes (the layer checks lengths first). */
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
%typemap(javain) fd_date "$module.fdDate($javainput)"
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

/* Lists of strings in. */
%typemap(jni) (const char *const *items, size_t count) "jobjectArray"
%typemap(jtype) (const char *const *items, size_t count) "byte[][]"
%typemap(jstype) (const char *const *items, size_t count) "String[]"
%typemap(javain) (const char *const *items, size_t count) "$module.fdUtf8All($javainput)"
%typemap(in) (const char *const *items, size_t count) {
    /* SWIG declares the argument as char **: fill a const array, cast once. */
    jsize n = $input ? (*jenv)->GetArrayLength(jenv, $input) : 0;
    const char **strs = (const char **)calloc((size_t)(n ? n : 1), sizeof(char *));
    $1 = ($1_ltype)strs;
    $2 = (size_t)n;
    if (strs == NULL) { SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "items"); return $null; }
    for (jsize i = 0; i < n; i++) {
        jbyteArray b = (jbyteArray)(*jenv)->GetObjectArrayElement(jenv, $input, i);
        jsize len = b ? (*jenv)->GetArrayLength(jenv, b) : 0;
        char *copy = malloc((size_t)len + 1);
        if (copy == NULL) { SWIG_JavaThrowException(jenv, SWIG_JavaOutOfMemoryError, "items"); return $null; }
        if (b) (*jenv)->GetByteArrayRegion(jenv, b, 0, len, (jbyte *)copy);
        copy[len] = '\0';
        strs[i] = copy;
        if (b) (*jenv)->DeleteLocalRef(jenv, b);
    }
}
%typemap(freearg) (const char *const *items, size_t count) {
    for (size_t i = 0; $1 && i < $2; i++) free((void *)$1[i]);
    free((void *)$1);
}
%pragma(java) modulecode=%{
  static byte[][] fdUtf8All(String[] items) {
    if (items == null) throw new NullPointerException("items");
    byte[][] out = new byte[items.length][];
    for (int i = 0; i < items.length; i++) {
      if (items[i] == null) throw new NullPointerException("items[" + i + "]");
      out[i] = items[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return out;
  }
%}
