/*
 * Folding of the characters people type into numbers with a Chinese input
 * method: full-width digits and punctuation, the ideographic space, dashes.
 * One table for money, phone and idcard, so that "１３８－１２３４" reads the
 * same everywhere.
 */
#include "internal.h"

uint32_t fd__fold_char(uint32_t c, unsigned what)
{
    if (what & FD__FOLD_WIDTH) {
        if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
            c -= 0xFEE0;
        else if (c == 0xFFE5) /* ￥ full-width yen sign */
            c = 0xA5;
    }
    if (what & FD__FOLD_SPACE) {
        if (c == 0x3000 || c == 0xA0 || c == '\t') /* ideographic, no-break space, tab */
            return ' ';
    }
    if (what & (FD__FOLD_MINUS | FD__FOLD_DASH)) {
        if (c == 0x2212) /* − minus sign */
            return '-';
    }
    if (what & FD__FOLD_DASH) {
        switch (c) {
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: /* hyphens, en and em dash */
        case 0x30FC: /* ー, which Japanese-style IMEs give for '-' */
            return '-';
        default:
            break;
        }
    }
    return c;
}
