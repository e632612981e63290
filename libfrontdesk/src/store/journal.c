/* The append-only journal (R-COM-1: who, when, which site; R-COM-3: nothing lost). */
#include "store/record.h"
#include "store/store_records.h"

fd_status fd__journal(fd_store *s, const char *fn, const fd_actor *actor, int64_t site_id, const char *entity,
                      int64_t entity_id, const char *action, const char *detail)
{
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = entity;
    e.entity_id = entity_id;
    e.action = action;
    e.detail = detail;
    fd_actor a = *actor;
    a.site_id = site_id;
    return fd__record_insert(NULL, s, fn, &fd__record_journal, &e, &a);
}

fd_status fd_store_journal_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                               const fd_journal_entry *entry)
{
    static const char fn[] = "fd_store_journal_add";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_journal, fn, entry);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    if (store->read_only)
        return fd__error(FD_EPERM, "%s: store: opened read-only", fn);
    /* One statement: atomic by itself, so no savepoint on this hot path. */
    return fd__record_insert(out_id, store, fn, &fd__record_journal, entry, actor);
}

fd_status fd_store_journal_append(int64_t *out_id, fd_store *store, int64_t at, int64_t site_id, int64_t staff_id,
                                  const char *entity, int64_t entity_id, const char *action, const char *detail)
{
    fd_actor a = fd__legacy_actor(site_id, staff_id);
    if (at)
        a.at = at;
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = entity;
    e.entity_id = entity_id;
    e.action = action;
    e.detail = detail;
    return fd_store_journal_add(out_id, store, &a, &e);
}
