/*
 * SQLite collations of the text module, registered on every store connection
 * by store.c (register_sql_functions). Private; not installed.
 */
#ifndef FRONTDESK_TEXT_SQLITE_H
#define FRONTDESK_TEXT_SQLITE_H

#include "frontdesk/common.h"

#include <sqlite3.h>

/*
 * Registers on @db the collations
 *   FD_ZH         names: pinyin with surname readings, then tones, then ICU zh
 *                 (FD_TEXT_ORDER_NAME; 单 sorts under S)
 *   FD_ZH_TEXT    text: pinyin with everyday readings (FD_TEXT_ORDER_PINYIN)
 *   FD_ZH_STROKE  stroke order (FD_TEXT_ORDER_STROKE)
 *   FD_NATURAL    room and unit numbers (fd_text_natural_key: 2-101 < 2-1001 < 10-101)
 * Text that is not valid UTF-8 sorts after valid text, bytewise.
 * Returns FD_OK, or FD_ENOMEM / FD_EIO with a message when SQLite refuses.
 */
fd_status fd__text_register_sqlite(sqlite3 *db);

#endif
