/*
 * Kept only for libfrontdesk/src/store/policy_store.c, which the store rewrite
 * is changing at the same time: the typed policy access (fd__policy_id,
 * fd__policy_value, fd__policy_index) now lives in src/internal.h. Delete this
 * file, and its entry in tests/check_layers.py, once nothing includes it.
 */
#ifndef FRONTDESK_POLICY_INTERNAL_H
#define FRONTDESK_POLICY_INTERNAL_H
#include "internal.h"
#endif
