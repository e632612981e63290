/*
 * Per-thread ICU objects and scratch buffers of the text module. ICU collators
 * and break iterators keep state and are not shared between threads, and
 * opening one costs far more than using it, so each thread opens its own on
 * first use and keeps it until the thread exits (pthread key destructor).
 */
#include "text_internal.h"

#include <pthread.h>
#include <stdlib.h>

#include <unicode/ustring.h>

static pthread_key_t tls_key;
static pthread_once_t tls_once = PTHREAD_ONCE_INIT;
static int tls_key_ok;

static void tls_free(void *arg)
{
    fd__text_tls *t = arg;
    if (t == NULL)
        return;
    for (int i = 0; i < 2; i++) {
        if (t->coll[i])
            ucol_close(t->coll[i]);
        free(t->u16[i]);
    }
    if (t->chars)
        ubrk_close(t->chars);
    for (size_t i = 0; i < sizeof t->scratch / sizeof t->scratch[0]; i++)
        fd_buf_dispose(&t->scratch[i]);
    free(t);
}

static void tls_init(void)
{
    tls_key_ok = pthread_key_create(&tls_key, tls_free) == 0;
}

fd__text_tls *fd__text_tls_get(const char *fn)
{
    pthread_once(&tls_once, tls_init);
    if (!tls_key_ok) {
        fd__error(FD_ENOMEM, "%s: cannot create thread-local storage", fn);
        return NULL;
    }
    fd__text_tls *t = pthread_getspecific(tls_key);
    if (t != NULL)
        return t;
    t = calloc(1, sizeof *t);
    if (t == NULL) {
        fd__oom(fn);
        return NULL;
    }
    if (pthread_setspecific(tls_key, t) != 0) {
        free(t);
        fd__oom(fn);
        return NULL;
    }
    return t;
}

UCollator *fd__text_collator(const char *fn, bool stroke)
{
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return NULL;
    int i = stroke ? 1 : 0;
    if (t->coll[i] == NULL) {
        UErrorCode err = U_ZERO_ERROR;
        UCollator *c = ucol_open(stroke ? "zh@collation=stroke" : "zh", &err);
        if (U_FAILURE(err)) {
            fd__error(FD_EDATA, "%s: order: ICU cannot open the %s collator: %s", fn,
                      stroke ? "zh@collation=stroke" : "zh", u_errorName(err));
            return NULL;
        }
        t->coll[i] = c;
    }
    return t->coll[i];
}

UBreakIterator *fd__text_char_breaker(const char *fn)
{
    fd__text_tls *t = fd__text_tls_get(fn);
    if (t == NULL)
        return NULL;
    if (t->chars == NULL) {
        UErrorCode err = U_ZERO_ERROR;
        UBreakIterator *b = ubrk_open(UBRK_CHARACTER, "zh", NULL, 0, &err);
        if (U_FAILURE(err)) {
            fd__error(FD_EDATA, "%s: ICU cannot open a character break iterator: %s", fn,
                      u_errorName(err));
            return NULL;
        }
        t->chars = b;
    }
    return t->chars;
}

fd_status fd__text_u16_reserve(fd__text_tls *t, int i, int32_t n, const char *fn)
{
    if (n <= t->u16cap[i])
        return FD_OK;
    if (n > INT32_MAX / 2)
        return fd__error(FD_ERANGE, "%s: s: text of %ld UTF-16 units is too long", fn, (long)n);
    int32_t cap = t->u16cap[i] ? t->u16cap[i] : 256;
    while (cap < n)
        cap *= 2;
    UChar *p = realloc(t->u16[i], (size_t)cap * sizeof(UChar));
    if (p == NULL)
        return fd__oom(fn);
    t->u16[i] = p;
    t->u16cap[i] = cap;
    return FD_OK;
}

fd_status fd__text_u16_from_utf8(fd__text_tls *t, const char *fn, const char *s, size_t len, int32_t *n16)
{
    if (len > (size_t)INT32_MAX / 4)
        return fd__error(FD_ERANGE, "%s: s: %zu bytes is too long", fn, len);
    fd_status rc = fd__text_u16_reserve(t, 0, (int32_t)len + 1, fn);
    if (rc)
        return rc;
    UErrorCode err = U_ZERO_ERROR;
    *n16 = 0;
    u_strFromUTF8(t->u16[0], t->u16cap[0], n16, s, (int32_t)len, &err);
    if (U_FAILURE(err))
        return fd__error(FD_EINVAL, "%s: s: ICU cannot read the text: %s", fn, u_errorName(err));
    return FD_OK;
}

const UNormalizer2 *fd__text_nfkc(const char *fn)
{
    UErrorCode err = U_ZERO_ERROR;
    /* ICU owns the instance, creates it once and shares it between threads. */
    const UNormalizer2 *n = unorm2_getNFKCInstance(&err);
    if (U_FAILURE(err)) {
        fd__error(FD_EDATA, "%s: ICU has no NFKC data: %s", fn, u_errorName(err));
        return NULL;
    }
    return n;
}
