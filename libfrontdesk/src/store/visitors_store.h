/*
 * Private parts of the store's side of the visitors module (issue 12, items
 * 2-4), shared by visitors_store.c (the visitor log), visitors_blocklist.c,
 * visitors_crypto.c (the site secret, keyed hashes, encrypted numbers) and
 * visitors_purge.c. The rules themselves are the module's public, pure
 * functions (frontdesk/visitors.h).
 */
#ifndef FRONTDESK_STORE_VISITORS_STORE_H
#define FRONTDESK_STORE_VISITORS_STORE_H

#include "store/record.h"
#include "store/visitors_records.h"
#include "frontdesk/visitors.h"

/* Length of a keyed hash in hex, without its NUL. */
#define FD__HASH_HEX 64

/*
 * What the visitors module keeps in a store handle (fd_store::visitors):
 * - the zone of the site last asked for and the local day last computed in
 *   it (a site's zone never changes: sites are never updated);
 * - the hashing secret of the site last asked for (never changes once
 *   committed; forgotten on a rollback, which may have undone its creation);
 * - how many blocklist entries of a site are not lifted, valid while the
 *   database's data version stands and this handle wrote no entry: a site
 *   without entries skips the blocklist's look-ups at registration;
 * - an HMAC context, fetched once;
 * - whether the retention purge's SQL function is registered.
 */
typedef struct fd__visitors {
    int64_t zone_site;
    char zone[FD__ZONE_MAX + 1];
    fd__zone *z;
    bool has_day;
    fd_date day;
    int64_t day_start, day_end;
    int64_t secret_site;
    bool has_secret;
    unsigned char secret[32];
    int64_t bl_site;
    bool bl_valid;
    unsigned int bl_version;
    int64_t bl_count;
    struct evp_mac_st *mac;
    struct evp_mac_ctx_st *mac_ctx;
    bool mask_fn; /* the purge's fd_mask_numbers() is registered on the connection */
} fd__visitors;

/* The handle's visitors cache, created on first use (NULL with FD_ENOMEM recorded). */
fd__visitors *fd__visitors_of(fd_store *s, const char *fn);

/* Forgets the cached blocklist size (after this handle wrote an entry). */
void fd__visitors_blocklist_changed(fd_store *s);

/* The time zone of site @site_id (cached) into *@zone, borrowed from the cache. */
fd_status fd__visitors_zone(const char **zone, fd_store *s, const char *fn, int64_t site_id);

/*
 * For the rules of a time of day (overstay): the site's policy, borrowed as
 * from fd__store_policy(), and its zone opened in the cache (s->visitors->z).
 */
fd_status fd__visitors_rules(const fd_policy **policy, fd_store *s, const char *fn, int64_t site_id);

/* The site's local date at @at (cached per day). */
fd_status fd__visitors_site_date(fd_date *out, fd_store *s, const char *fn, int64_t site_id, int64_t at);

/*
 * The hashing secret of site @site_id into @out. When there is none yet:
 * with @create (inside the caller's write bracket) 32 bytes from the CSPRNG
 * are stored and journaled; without, *@found is false (nothing was ever hashed
 * at the site, so nothing can match).
 */
fd_status fd__visitors_secret(fd_store *s, const char *fn, const fd_actor *actor, bool create,
                              unsigned char out[32], bool *found);

/* The keyed hash of an ID number: hex HMAC-SHA-256 under @secret of "<type>:<number>". */
fd_status fd__visitors_id_hash(fd_store *s, const char *fn, const unsigned char secret[32], const fd_id_number *id,
                               char out[FD__HASH_HEX + 1]);

/*
 * The full number @number encrypted with the store's key (AES-256-GCM, a
 * random 12-byte nonce, the visit's id as associated data): nonce ||
 * ciphertext || tag into @out (malloc'ed, *@len bytes).
 */
fd_status fd__visitors_encrypt(fd_store *s, const char *fn, int64_t visit_id, const char *number,
                               unsigned char **out, size_t *len);

/* The reverse: FD_EDATA when the tag does not verify (another key, or altered). */
fd_status fd__visitors_decrypt(fd_store *s, const char *fn, int64_t visit_id, const unsigned char *in, size_t len,
                               fd_buf *out);

/*
 * Reads an ID document given beside a record: NULL or an empty number is
 * none (*@has false); else fd_id_number_parse() on the site's date at @at,
 * errors named `id.number` / `id.type` for @fn.
 */
fd_status fd__visitors_read_id(fd_id_number *out, bool *has, fd_store *s, const char *fn, const fd_id_document *id,
                               int64_t site_id, int64_t at);

/*
 * The blocklist check of the actor's site at the actor's instant (as
 * fd_store_blocklist_check()): @name, @phone (either may be NULL) and the
 * hash of an ID number (NULL: none). When @hits is given, every matching
 * entry's id, level and basis are appended there (for the hits stored with
 * a visit).
 */
typedef struct fd__bl_hit {
    int64_t entry_id;
    char level[17];
    char basis[9];
} fd__bl_hit;
typedef struct fd__bl_hits {
    fd__bl_hit *v;
    size_t n, cap;
} fd__bl_hits;
fd_status fd__visitors_blocklist_match(fd_blocklist_match *out, fd__bl_hits *hits, fd_store *s, const char *fn,
                                       const fd_actor *actor, const char *name, const char *phone,
                                       const char *id_hash);

/*
 * R-VIS-8: counts the held items that the bound statement @st gives, a row
 * each of (deposited_at, notified_at, owner, phone, occupant_id, unit_id), by
 * fd_custody_item_due() at @now, into @out's held, to_notify, to_remind and
 * unclaimed (added to what they hold). Steps and resets @st
 * (visitors_custody.c; fd_store_custody_status, fd_store_visit_stats).
 */
fd_status fd__custody_held_count(fd_store *s, const char *fn, sqlite3_stmt *st, int64_t now,
                                 const fd_policy *policy, fd_custody_status *out);

/* The first checks of an add, in order: @out_id and @store given, @checked
 * (the result of the record's own pure check, run by the caller; its error is
 * renamed to @fn) FD_OK, the actor valid at the store. */
fd_status fd__visitors_add_begin(const char *fn, const int64_t *out_id, fd_store *store, fd_status checked,
                                 const fd_actor *actor);

#endif
