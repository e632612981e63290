/*
 * SQLite collations over the text module's orders, registered on every store
 * connection by store.c (register_sql_functions). The text module stays pure:
 * it knows nothing of SQLite; this file turns its public sort keys
 * (fd_text_sort_key, fd_text_natural_key) into collations. Private; not installed.
 */
#ifndef FRONTDESK_STORE_COLLATIONS_H
#define FRONTDESK_STORE_COLLATIONS_H

#include "frontdesk/common.h"

#include <sqlite3.h>

/*
 * Registers on @db the collations
 *   FD_ZH         names: pinyin with surname readings, then tones, then ICU zh
 *                 (FD_TEXT_ORDER_NAME; 单 sorts under S)
 *   FD_ZH_TEXT    text: pinyin with everyday readings (FD_TEXT_ORDER_PINYIN)
 *   FD_ZH_STROKE  stroke order (FD_TEXT_ORDER_STROKE)
 *   FD_NATURAL    room and unit numbers (fd_text_natural_key: 2-101 < 2-1001 < 10-101)
 * Text that is not valid UTF-8, or holds a NUL, sorts after valid text, bytewise.
 * Returns FD_OK, or FD_ENOMEM / FD_EIO with a message when SQLite refuses.
 */
fd_status fd__store_register_collations(sqlite3 *db);

#endif
