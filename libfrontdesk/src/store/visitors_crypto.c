/*
 * ID numbers kept the lawful way (R-COM-2; PIPL art. 28-29): the key file
 * outside the database, each site's hashing secret, the keyed hash that
 * matches repeat visitors and the blocklist, and the encrypted full number a
 * site's policy may require. All of it through libcrypto (OpenSSL), which the
 * store already links for the journal's chain: HMAC-SHA-256 (EVP_MAC),
 * AES-256-GCM (EVP), the operating system's CSPRNG (RAND_bytes). Nothing
 * here is hand-rolled. Also the handle's visitors cache (visitors_store.h).
 */
#include "store/visitors_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

static const char SQL_SECRET[] = "SELECT secret FROM site_secrets WHERE site_id = ?1";
static const char SQL_SECRET_INSERT[] = "INSERT INTO site_secrets (site_id, secret, created_at) VALUES (?1, ?2, ?3)";

#define GCM_NONCE 12
#define GCM_TAG 16

/* --- the key file ------------------------------------------------------------------- */

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

fd_status fd__key_file_read(const char *fn, const char *path, unsigned char key[32], char key_id[17])
{
    fd_status rc = fd__check_text(fn, "key_file", path, 4096, true);
    if (rc)
        return rc;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return fd__error(FD_EIO, "%s: key_file: cannot open '%s': %s", fn, path, strerror(errno));
    struct stat st;
    unsigned char buf[160];
    ssize_t n = -1;
    if (fstat(fd, &st) != 0)
        rc = fd__error(FD_EIO, "%s: key_file: cannot stat '%s': %s", fn, path, strerror(errno));
    else if (!S_ISREG(st.st_mode))
        rc = fd__error(FD_EINVAL, "%s: key_file: '%s' is not a regular file", fn, path);
    else if (st.st_mode & 077)
        rc = fd__error(FD_EPERM, "%s: key_file: '%s' may be read by others (mode %03o): make it readable by its "
                       "owner only (chmod 600)", fn, path, (unsigned)(st.st_mode & 0777));
    else if ((n = read(fd, buf, sizeof buf)) < 0)
        rc = fd__error(FD_EIO, "%s: key_file: cannot read '%s': %s", fn, path, strerror(errno));
    close(fd);
    if (rc == FD_OK) {
        size_t len = (size_t)n;
        if (len == 32) {
            memcpy(key, buf, 32);
        } else {
            while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
                len--;
            bool ok = len == 64;
            for (size_t i = 0; ok && i < 32; i++) {
                int hi = hex_value(buf[2 * i]), lo = hex_value(buf[2 * i + 1]);
                ok = hi >= 0 && lo >= 0;
                if (ok)
                    key[i] = (unsigned char)((unsigned)hi << 4 | (unsigned)lo);
            }
            if (!ok)
                rc = fd__error(FD_EINVAL, "%s: key_file: '%s' does not hold a key: 32 bytes, or 64 hex digits and a "
                               "line break (e.g. openssl rand -hex 32 > file)", fn, path);
        }
    }
    if (rc == FD_OK) {
        unsigned char digest[32];
        unsigned int dn = 0;
        if (EVP_Digest(key, 32, digest, &dn, EVP_sha256(), NULL) != 1)
            rc = fd__error(FD_ENOMEM, "%s: key_file: cannot compute the key's id", fn);
        for (int i = 0; rc == FD_OK && i < 8; i++)
            snprintf(key_id + 2 * i, 3, "%02x", digest[i]);
    }
    OPENSSL_cleanse(buf, sizeof buf);
    if (rc)
        OPENSSL_cleanse(key, 32);
    return rc;
}

/* --- the handle's cache ---------------------------------------------------------------- */

fd__visitors *fd__visitors_of(fd_store *s, const char *fn)
{
    if (s->visitors == NULL && (s->visitors = calloc(1, sizeof *s->visitors)) == NULL)
        fd__oom(fn);
    return s->visitors;
}

void fd__visitors_forget(fd_store *s)
{
    fd__visitors *v = s->visitors;
    if (v == NULL)
        return;
    v->has_secret = false;
    OPENSSL_cleanse(v->secret, sizeof v->secret);
    v->bl_valid = false;
    /* A rolled-back site can come back with another zone under the same id. */
    fd__zone_close(v->z);
    v->z = NULL;
    v->zone_site = 0;
    v->has_day = false;
}

void fd__visitors_free(fd_store *s)
{
    fd__visitors *v = s->visitors;
    if (v == NULL)
        return;
    fd__visitors_forget(s);
    EVP_MAC_CTX_free(v->mac_ctx);
    EVP_MAC_free(v->mac);
    free(v);
    s->visitors = NULL;
}

void fd__visitors_blocklist_changed(fd_store *s)
{
    if (s->visitors)
        s->visitors->bl_valid = false;
}

fd_status fd__visitors_zone(const char **zone, fd_store *s, const char *fn, int64_t site_id)
{
    fd__visitors *v = fd__visitors_of(s, fn);
    if (v == NULL)
        return FD_ENOMEM;
    if (v->z && v->zone_site == site_id) {
        *zone = v->zone;
        return FD_OK;
    }
    char z[FD__ZONE_MAX + 1];
    fd_status rc = fd__store_site_zone(z, s, fn, site_id);
    if (rc)
        return rc;
    fd__zone *opened = fd__zone_open(fn, "site.time_zone", z);
    if (opened == NULL)
        return fd_error_last()->code;
    fd__zone_close(v->z);
    v->z = opened;
    v->zone_site = site_id;
    v->has_day = false;
    fd__copy_fixed(v->zone, sizeof v->zone, z);
    *zone = v->zone;
    return FD_OK;
}

fd_status fd__visitors_rules(const fd_policy **policy, fd_store *s, const char *fn, int64_t site_id)
{
    const char *zone = NULL;
    fd_status rc = fd__store_policy(policy, s, fn, site_id);
    return rc ? rc : fd__visitors_zone(&zone, s, fn, site_id);
}

fd_status fd__visitors_site_date(fd_date *out, fd_store *s, const char *fn, int64_t site_id, int64_t at)
{
    const char *zone = NULL;
    fd_status rc = fd__visitors_zone(&zone, s, fn, site_id);
    if (rc)
        return rc;
    fd__visitors *v = s->visitors;
    if (v->has_day && at >= v->day_start && at < v->day_end) {
        *out = v->day;
        return FD_OK;
    }
    fd_local_time t;
    int64_t a = 0, b = 0;
    if ((rc = fd__zone_local(v->z, fn, at, &t)) == FD_OK)
        rc = fd__zone_day_bounds(v->z, fn, t.date, &a, &b);
    if (rc)
        return rc;
    v->day = t.date;
    v->day_start = a;
    v->day_end = b;
    v->has_day = true;
    *out = t.date;
    return FD_OK;
}

/* --- the site's secret --------------------------------------------------------------- */

fd_status fd__visitors_secret(fd_store *s, const char *fn, const fd_actor *actor, bool create,
                              unsigned char out[32], bool *found)
{
    fd__visitors *v = fd__visitors_of(s, fn);
    if (v == NULL)
        return FD_ENOMEM;
    *found = false;
    if (v->has_secret && v->secret_site == actor->site_id) {
        memcpy(out, v->secret, 32);
        *found = true;
        return FD_OK;
    }
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_SECRET);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    int src = sqlite3_step(st);
    bool have = false;
    if (src == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(st, 0);
        if (b && sqlite3_column_bytes(st, 0) == 32) {
            memcpy(out, b, 32);
            have = true;
        } else if (sqlite3_errcode(s->db) == SQLITE_NOMEM) {
            src = SQLITE_NOMEM;
        } else {
            sqlite3_reset(st);
            return fd__error(FD_EDATA, "%s: the hashing secret of site %lld is not 32 bytes", fn,
                             (long long)actor->site_id);
        }
    }
    sqlite3_reset(st);
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "reading the site's secret");
    if (!have && create) {
        if (RAND_bytes(out, 32) != 1)
            return fd__error(FD_EIO, "%s: the operating system gave no random bytes for the site's secret", fn);
        if ((st = fd__store_stmt(s, fn, SQL_SECRET_INSERT)) == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_blob(st, 2, out, 32, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, actor->at);
        src = sqlite3_step(st);
        sqlite3_clear_bindings(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            return fd__store_sqlerr(s, fn, src, "storing the site's secret");
        fd_status rc = fd__journal(s, fn, actor, actor->site_id, "site_secret", actor->site_id, "create", NULL);
        if (rc)
            return rc;
        have = true;
    }
    if (have) {
        /* Cached only once committed or inside this write: a rollback forgets it (fd__visitors_forget). */
        memcpy(v->secret, out, 32);
        v->secret_site = actor->site_id;
        v->has_secret = true;
        *found = true;
    }
    return FD_OK;
}

fd_status fd__visitors_id_hash(fd_store *s, const char *fn, const unsigned char secret[32], const fd_id_number *id,
                               char out[FD__HASH_HEX + 1])
{
    fd__visitors *v = fd__visitors_of(s, fn);
    if (v == NULL)
        return FD_ENOMEM;
    if (v->mac == NULL && (v->mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
        return fd__error(FD_EIO, "%s: libcrypto has no HMAC", fn);
    if (v->mac_ctx == NULL && (v->mac_ctx = EVP_MAC_CTX_new(v->mac)) == NULL)
        return fd__oom(fn);
    char digest_name[] = "SHA256";
    OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                            OSSL_PARAM_construct_end() };
    unsigned char mac[32];
    size_t n = 0;
    char msg[64];
    int len = snprintf(msg, sizeof msg, "%s:%s", id->type, id->number);
    if (EVP_MAC_init(v->mac_ctx, secret, 32, params) != 1 || EVP_MAC_update(v->mac_ctx, (unsigned char *)msg,
                                                                            (size_t)len) != 1 ||
        EVP_MAC_final(v->mac_ctx, mac, &n, sizeof mac) != 1 || n != sizeof mac) {
        OPENSSL_cleanse(msg, sizeof msg);
        return fd__error(FD_ENOMEM, "%s: computing the keyed hash failed", fn);
    }
    OPENSSL_cleanse(msg, sizeof msg);
    for (size_t i = 0; i < sizeof mac; i++)
        snprintf(out + 2 * i, 3, "%02x", mac[i]);
    return FD_OK;
}

/* --- the encrypted full number --------------------------------------------------------- */

fd_status fd__visitors_encrypt(fd_store *s, const char *fn, int64_t visit_id, const char *number,
                               unsigned char **out, size_t *len)
{
    *out = NULL;
    if (!s->has_key)
        return fd__error(FD_ESTATE, "%s: key_file: the store was opened without a key file: a full ID number is "
                         "kept only encrypted, under a key kept outside the database", fn);
    size_t n = strlen(number);
    unsigned char *buf = malloc(GCM_NONCE + n + GCM_TAG);
    if (buf == NULL)
        return fd__oom(fn);
    char aad[32];
    int alen = snprintf(aad, sizeof aad, "visit:%lld", (long long)visit_id);
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int w = 0, f = 0;
    bool ok = c && RAND_bytes(buf, GCM_NONCE) == 1 &&
              EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, GCM_NONCE, NULL) == 1 &&
              EVP_EncryptInit_ex(c, NULL, NULL, s->key, buf) == 1 &&
              EVP_EncryptUpdate(c, NULL, &w, (const unsigned char *)aad, alen) == 1 &&
              EVP_EncryptUpdate(c, buf + GCM_NONCE, &w, (const unsigned char *)number, (int)n) == 1 &&
              EVP_EncryptFinal_ex(c, buf + GCM_NONCE + w, &f) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, GCM_TAG, buf + GCM_NONCE + w + f) == 1;
    EVP_CIPHER_CTX_free(c);
    if (!ok) {
        free(buf);
        return fd__error(FD_ENOMEM, "%s: encrypting the ID number failed", fn);
    }
    *out = buf;
    *len = GCM_NONCE + (size_t)(w + f) + GCM_TAG;
    return FD_OK;
}

fd_status fd__visitors_decrypt(fd_store *s, const char *fn, int64_t visit_id, const unsigned char *in, size_t len,
                               fd_buf *out)
{
    if (!s->has_key)
        return fd__error(FD_ESTATE, "%s: key_file: the store was opened without a key file: the number cannot be "
                         "decrypted", fn);
    if (len < GCM_NONCE + GCM_TAG || len > GCM_NONCE + GCM_TAG + 256)
        return fd__error(FD_EDATA, "%s: visit_id: the encrypted number of visit %lld is damaged", fn,
                         (long long)visit_id);
    size_t n = len - GCM_NONCE - GCM_TAG;
    unsigned char plain[300];
    unsigned char tag[GCM_TAG];
    memcpy(tag, in + len - GCM_TAG, GCM_TAG);
    char aad[32];
    int alen = snprintf(aad, sizeof aad, "visit:%lld", (long long)visit_id);
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int w = 0, f = 0;
    bool ok = c && EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, GCM_NONCE, NULL) == 1 &&
              EVP_DecryptInit_ex(c, NULL, NULL, s->key, in) == 1 &&
              EVP_DecryptUpdate(c, NULL, &w, (const unsigned char *)aad, alen) == 1 &&
              EVP_DecryptUpdate(c, plain, &w, in + GCM_NONCE, (int)n) == 1 &&
              EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, GCM_TAG, tag) == 1;
    bool verified = ok && EVP_DecryptFinal_ex(c, plain + w, &f) == 1;
    EVP_CIPHER_CTX_free(c);
    fd_status rc = FD_OK;
    if (c == NULL || !ok)
        rc = fd__error(FD_ENOMEM, "%s: decrypting the ID number failed", fn);
    else if (!verified)
        rc = fd__error(FD_EDATA, "%s: visit_id: the number of visit %lld does not decrypt with this key (another "
                       "key, or the value was altered)", fn, (long long)visit_id);
    else
        rc = fd__buf_put(out, (const char *)plain, (size_t)(w + f));
    OPENSSL_cleanse(plain, sizeof plain);
    return rc;
}

/* --- helpers ---------------------------------------------------------------------------- */

fd_status fd__visitors_read_id(fd_id_number *out, bool *has, fd_store *s, const char *fn, const fd_id_document *id,
                               int64_t site_id, int64_t at)
{
    *has = false;
    if (id == NULL)
        return FD_OK;
    if (id->version != FD_ID_DOCUMENT_VERSION)
        return fd__error(FD_EINVAL, "%s: id.version: %u, this library knows %d (use FD_ID_DOCUMENT_INIT)", fn,
                         id->version, FD_ID_DOCUMENT_VERSION);
    if (id->consent != 0 && id->consent != 1)
        return fd__error(FD_EINVAL, "%s: id.consent: %d, must be 0 or 1", fn, id->consent);
    if (id->number == NULL || id->number[0] == '\0')
        return FD_OK;
    fd_date today;
    fd_status rc = fd__visitors_site_date(&today, s, fn, site_id, at);
    if (rc)
        return rc;
    if ((rc = fd_id_number_parse(out, id->type, id->number, today)) != FD_OK)
        return fd__error_rename(rc, fn, strstr(fd_error_last()->message, ": type: ") ? "id.type" : "id.number");
    *has = true;
    return FD_OK;
}

fd_status fd__visitors_add_begin(const char *fn, const int64_t *out_id, fd_store *store, fd_status checked,
                                 const fd_actor *actor)
{
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && checked != FD_OK)
        rc = fd__error_rename(checked, fn, NULL);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    return rc;
}
