/* text.h: Chinese text: normalisation, T<->S, pinyin, search keys, name sorting, width. */
%{
#include "frontdesk/text.h"
%}
/*
 * fd_text_sort_inplace reorders a C array of char pointers in place; there is
 * no such array on the other side of the binding, and fd_text_sort_names
 * (bound) gives the same order as a new list.
 */
%ignore fd_text_sort_inplace;
%include "frontdesk/text.h"
