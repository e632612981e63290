/* Files compiled into the library by cmake/FrontdeskEmbed.cmake. Private. */
#ifndef FRONTDESK_EMBEDDED_H
#define FRONTDESK_EMBEDDED_H
#include <stddef.h>

typedef struct fd__embedded_file {
    const char *name; /* file name without directory, e.g. "0001_init.sql" */
    const char *data; /* the bytes, NUL-terminated */
    size_t size;      /* bytes, without the NUL */
} fd__embedded_file;

/* SQL migrations from libfrontdesk/sql/, sorted by name (= by number). */
extern const fd__embedded_file fd__sql_migrations[];
extern const size_t fd__sql_migrations_count;

#endif
