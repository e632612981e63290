/*
 * Policy values (fd_policy_set / get / is_default / describe / copy) with
 * arbitrary keys and int64 values. fd_policy_describe agrees with the key
 * list; a value is accepted exactly when the key exists and the value lies in
 * its range; an accepted value reads back, a refused one changes nothing
 * (FD_ENOTFOUND for an unknown key, FD_ERANGE out of range, FD_EINVAL for a
 * key that is not UTF-8); a copy holds the same values.
 *
 * The input is a list of (8-byte value, key, NUL); a key of one byte k < 0x80
 * stands for the (k mod count)-th known key, so the fuzzer reaches them all.
 */
#include <frontdesk/policy.h>

#include "fuzz.h"

static void same_values(const fd_policy *a, const fd_policy *b)
{
    for (size_t i = 0; i < fd_policy_key_count(); i++) {
        fd_policy_key_info k;
        int64_t x = 0, y = 1;
        CHECK(fd_policy_key_at(&k, i) == FD_OK);
        CHECK(fd_policy_get(&x, a, k.key) == FD_OK && fd_policy_get(&y, b, k.key) == FD_OK && x == y);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fd_policy *p = NULL, *copy = NULL;
    CHECK(fd_policy_new(&p) == FD_OK);
    size_t count = fd_policy_key_count();
    CHECK(count > 0);
    fz f = { data, size };
    char key_buf[512];
    for (int step = 0; step < 32 && f.n > 0; step++) {
        int64_t value = fz_i64(&f);
        const char *key = fz_str(&f, key_buf, sizeof key_buf);
        fd_policy_key_info known;
        if (strlen(key) == 1 && (unsigned char)key[0] < 0x80) {
            CHECK(fd_policy_key_at(&known, (unsigned char)key[0] % count) == FD_OK);
            key = known.key;
            if (value & 1) /* half of them near the range, where the edges are */
                value = (value >> 1) % 5 + ((value >> 8) & 1 ? known.max - 2 : known.min - 2);
        }
        fd_policy_key_info info = { NULL, 0, 0, 0, NULL, NULL, NULL };
        fd_status drc = fd_policy_describe(&info, key);
        fz_status(drc);
        if (drc == FD_OK) {
            CHECK(strcmp(info.key, key) == 0 && info.min <= info.default_value && info.default_value <= info.max);
            CHECK(info.unit && info.rule && info.description && info.description[0]);
        } else {
            /* unknown, not UTF-8 or empty, longer than 64 bytes */
            CHECK(info.key == NULL && (drc == FD_ENOTFOUND || drc == FD_EINVAL || drc == FD_ERANGE));
            CHECK(drc != FD_ENOTFOUND || fz_valid(key));
            CHECK(drc != FD_ERANGE || strlen(key) > 64);
        }
        int64_t before = 12345, after = 54321;
        fd_status grc = fd_policy_get(&before, p, key);
        fz_status(grc);
        CHECK((grc == FD_OK) == (drc == FD_OK));
        if (grc != FD_OK)
            CHECK(before == 12345);
        fd_status rc = fd_policy_set(p, key, value);
        fz_status(rc);
        if (drc != FD_OK) {
            CHECK(rc == drc);
            continue;
        }
        bool in_range = value >= info.min && value <= info.max;
        CHECK(rc == (in_range ? FD_OK : FD_ERANGE));
        CHECK(fd_policy_get(&after, p, key) == FD_OK);
        CHECK(after == (in_range ? value : before));
        int is_default = -1;
        CHECK(fd_policy_is_default(&is_default, p, key) == FD_OK);
        CHECK(is_default == (after == info.default_value));
    }
    /* The key list and describe agree, and a copy is the same policy. */
    for (size_t i = 0; i < count; i++) {
        fd_policy_key_info a, b;
        CHECK(fd_policy_key_at(&a, i) == FD_OK && fd_policy_describe(&b, a.key) == FD_OK);
        CHECK(a.key == b.key && a.min == b.min && a.max == b.max);
    }
    fd_policy_key_info none;
    CHECK(fd_policy_key_at(&none, count) == FD_ERANGE);
    CHECK(fd_policy_copy(&copy, p) == FD_OK);
    same_values(p, copy);
    fd_policy_free(copy);
    fd_policy_free(p);
    return 0;
}
