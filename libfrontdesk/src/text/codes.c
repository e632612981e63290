/*
 * Code lists shared by the domain modules (internal.h, fd__code_*): one
 * lookup, one check and one parse for every module's code fields, so a
 * desk's word for a code (未接, 帶上樓, full-width letters) is read the same
 * way everywhere.
 */
#include "internal.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <string.h>

const fd__code *fd__codes_of(const fd__code_lists *ls, const char *field)
{
    for (size_t i = 0; ls && field && i < ls->n; i++)
        if (strcmp(ls->v[i].field, field) == 0)
            return ls->v[i].codes;
    return NULL;
}

const char *fd__code_label(const fd__code_lists *ls, const char *field, const char *code)
{
    for (const fd__code *e = fd__codes_of(ls, field); e && code && e->code; e++)
        if (strcmp(e->code, code) == 0)
            return e->label;
    return NULL;
}

/* "code 标签, ..." of @list into @b. */
static void describe(char *b, size_t cap, const fd__code *list)
{
    size_t n = 0;
    b[0] = '\0';
    for (const fd__code *e = list; e && e->code && n < cap; e++) {
        int w = snprintf(b + n, cap - n, "%s%s %s", e == list ? "" : ", ", e->code, e->label);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

fd_status fd__code_check(const fd__code_lists *ls, const char *fn, const char *qname, const char *field,
                         const char *code, bool optional)
{
    if (code == NULL || code[0] == '\0')
        return optional ? FD_OK : fd__error(FD_EINVAL, "%s: %s: is required", fn, qname);
    if (fd__code_label(ls, field, code))
        return FD_OK;
    char codes[512];
    describe(codes, sizeof codes, fd__codes_of(ls, field));
    return fd__error(FD_EINVAL, "%s: %s: '%.32s' is not a code of %s (%s)", fn, qname, code, field, codes);
}

/*
 * Whether typed @text (search-folded: lower case, white space gone) is code
 * @code, '-' read as '_' and either left out: bring-up, bring_up and "bring up"
 * (folded to bringup) are bring_up.
 */
static bool same_code(const char *text, const char *code)
{
    for (;;) {
        while (*text == '-' || *text == '_')
            text++;
        while (*code == '_' || *code == '-')
            code++;
        if (*text != *code)
            return false;
        if (*text == '\0')
            return true;
        text++;
        code++;
    }
}

/* "an" before a list named with a vowel (an answer, an item_kind), else "a". */
static const char *article(const char *field)
{
    return strchr("aeiou", field[0]) && field[0] ? "an" : "a";
}

fd_status fd__code_parse(fd_buf *out, const fd__code_lists *ls, const char *fn, const char *field, const char *text)
{
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "field", field, 0, true);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "text", text, 256, false);
    if (rc)
        return rc;
    const fd__code *list = fd__codes_of(ls, field);
    if (list == NULL) {
        char names[512];
        size_t n = 0;
        names[0] = '\0';
        for (size_t i = 0; i < ls->n && n < sizeof names; i++)
            n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", ls->v[i].field);
        return fd__error(FD_EINVAL, "%s: field: '%.32s' is not a code list (%s)", fn, field, names);
    }
    fd_buf folded = FD_BUF_INIT;
    if ((rc = fd_text_search_query(&folded, text)) != FD_OK) {
        fd_buf_dispose(&folded);
        return rc;
    }
    const char *code = NULL;
    for (const fd__code *e = list; e->code && code == NULL; e++) {
        if (same_code(folded.ptr, e->code) || strcmp(folded.ptr, e->label) == 0)
            code = e->code;
        for (size_t k = 0; code == NULL && k < 4 && e->aliases[k]; k++)
            if (strcmp(folded.ptr, e->aliases[k]) == 0)
                code = e->code;
    }
    if (code == NULL) {
        char codes[512];
        describe(codes, sizeof codes, list);
        size_t digits = 0;
        for (const char *c = folded.ptr; *c; c++)
            digits += *c >= '0' && *c <= '9';
        if (digits >= 7) /* never quote what may be a phone or ID number */
            rc = fd__error(FD_EINVAL, "%s: text: %zu bytes holding a number are not %s %s (%s)", fn, folded.size,
                           article(field), field, codes);
        else
            rc = fd__error(FD_EINVAL, "%s: text: '%.48s' is not %s %s (%s)", fn, folded.ptr, article(field), field,
                           codes);
    }
    fd_buf_dispose(&folded);
    return rc ? rc : fd__buf_puts(out, code);
}
