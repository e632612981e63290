/* Private parts of the property register's store code (property.c, property_find.c). */
#ifndef FRONTDESK_STORE_PROPERTY_H
#define FRONTDESK_STORE_PROPERTY_H

#include "store/store_internal.h"

/*
 * The keys of a whole name for R-VIS-5's exact answers, as the occupants table
 * keeps them (0007_property.sql): @fold, the name folded (NFKC, white space
 * removed, Traditional to Simplified, ASCII letters in lower case — whole,
 * never cut); @pinyin, its toneless pinyin without spaces with a leading
 * surname's reading (单 shan); @alt, the everyday reading (单 dan), emptied
 * when it is the same. The same function folds what a visitor says.
 */
fd_status fd__property_name_keys(const char *name, fd_buf *fold, fd_buf *pinyin, fd_buf *alt);

#endif
