package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_journal_iter;
import org.frontdesk.swig.SWIGTYPE_p_fd_policy;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;
import org.frontdesk.swig.SWIGTYPE_p_fd_store;
import org.frontdesk.swig.fd_journal_entry;
import org.frontdesk.swig.fd_journal_filter;
import org.frontdesk.swig.fd_site;
import org.frontdesk.swig.fd_staff;
import org.frontdesk.swig.fd_store_options;

/**
 * An open site database. {@code try (Store s = Store.open("site.db")) { ... }}.
 * Used by one thread at a time.
 */
public final class Store extends NativeHandle<SWIGTYPE_p_fd_store> {
  private Store(SWIGTYPE_p_fd_store s) {
    super(s, FrontdeskNative::fd_store_close);
  }

  /** Opens (creating and migrating as needed) the database at path. */
  public static Store open(String path) throws FrontdeskException {
    return open(path, false, true);
  }

  /** Opens with options: readOnly, create when missing. */
  public static Store open(String path, boolean readOnly, boolean create) throws FrontdeskException {
    fd_store_options o = new fd_store_options();
    FrontdeskNative.fd_store_options_init(o, FrontdeskNative.FD_STORE_OPTIONS_VERSION);
    o.setRead_only(readOnly ? 1 : 0);
    o.setCreate(create ? 1 : 0);
    SWIGTYPE_p_fd_store[] out = new SWIGTYPE_p_fd_store[1];
    FrontdeskNative.fd_store_open(out, path, o);
    return new Store(out[0]);
  }

  public int schemaVersion() throws FrontdeskException {
    return Out.int32(o -> FrontdeskNative.fd_store_schema_version(o, handle()));
  }

  public static int schemaLatest() {
    return FrontdeskNative.fd_store_schema_latest();
  }

  public void begin() throws FrontdeskException {
    FrontdeskNative.fd_store_begin(handle());
  }

  public void commit() throws FrontdeskException {
    FrontdeskNative.fd_store_commit(handle());
  }

  public void rollback() throws FrontdeskException {
    FrontdeskNative.fd_store_rollback(handle());
  }

  /** Adds a site; timeZone null means Asia/Shanghai. */
  public long addSite(String code, String name, String timeZone) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_store_add_site(o, handle(), code, name, timeZone));
  }

  public Site site(String code) throws FrontdeskException {
    fd_site s = new fd_site();
    FrontdeskNative.fd_store_get_site(s, handle(), code);
    return new Site(s);
  }

  public Site site(long id) throws FrontdeskException {
    fd_site s = new fd_site();
    FrontdeskNative.fd_store_get_site_by_id(s, handle(), id);
    return new Site(s);
  }

  public Site defaultSite() throws FrontdeskException {
    fd_site s = new fd_site();
    FrontdeskNative.fd_store_default_site(s, handle());
    return new Site(s);
  }

  /** The site's local date of instant at (null means now), in its time zone. */
  public LocalDate siteDate(long siteId, Instant at) throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_store_site_date(out, handle(), siteId, at == null ? 0 : at.getEpochSecond());
    return out[0];
  }

  public long addStaff(long siteId, String code, String name, String role) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_store_add_staff(o, handle(), siteId, code, name, role));
  }

  public Staff staff(long siteId, String code) throws FrontdeskException {
    fd_staff s = new fd_staff();
    FrontdeskNative.fd_store_get_staff(s, handle(), siteId, code);
    return new Staff(s);
  }

  public void setStaffActive(long staffId, boolean active, long byStaffId) throws FrontdeskException {
    FrontdeskNative.fd_store_set_staff_active(handle(), staffId, active ? 1 : 0, byStaffId);
  }

  /** Appends a journal entry; at null means now, staffId 0 the system, detail may be null. */
  public long journalAppend(Instant at, long siteId, long staffId, String entity, long entityId, String action,
      String detail) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_store_journal_append(o, handle(), at == null ? 0 : at.getEpochSecond(), siteId, staffId,
        entity, entityId, action, detail));
  }

  /** Journal entries, oldest first; 0 / null / "" fields match everything. */
  public List<JournalEntry> journal(long siteId, Instant since, Instant until, String entity, long entityId)
      throws FrontdeskException {
    fd_journal_filter f = new fd_journal_filter();
    FrontdeskNative.fd_journal_filter_init(f, FrontdeskNative.FD_JOURNAL_FILTER_VERSION);
    String e = entity == null ? "" : entity;
    if (e.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > FrontdeskNative.FD_CODE_MAX) {
      throw new FrontdeskException(Frontdesk.EINVAL, "entity: '" + e + "' is too long");
    }
    f.setSite_id(siteId);
    f.setSince(since == null ? 0 : since.getEpochSecond());
    f.setUntil(until == null ? 0 : until.getEpochSecond());
    f.setEntity(e);
    f.setEntity_id(entityId);
    SWIGTYPE_p_fd_journal_iter[] it = new SWIGTYPE_p_fd_journal_iter[1];
    FrontdeskNative.fd_store_journal_query(it, handle(), f);
    List<JournalEntry> out = new ArrayList<>();
    try {
      fd_journal_entry[] row = new fd_journal_entry[1];
      while (true) {
        FrontdeskNative.fd_journal_iter_next(row, it[0]);
        if (row[0] == null) {
          return out;
        }
        out.add(new JournalEntry(row[0]));
      }
    } finally {
      FrontdeskNative.fd_journal_iter_free(it[0]);
    }
  }

  public Policy policy(long siteId) throws FrontdeskException {
    SWIGTYPE_p_fd_policy[] out = new SWIGTYPE_p_fd_policy[1];
    FrontdeskNative.fd_store_load_policy(out, handle(), siteId);
    return new Policy(out[0]);
  }

  public void setPolicy(long siteId, String key, long value, long staffId) throws FrontdeskException {
    FrontdeskNative.fd_store_set_policy(handle(), siteId, key, value, staffId);
  }

  public void resetPolicy(long siteId, String key, long staffId) throws FrontdeskException {
    FrontdeskNative.fd_store_reset_policy(handle(), siteId, key, staffId);
  }

  public DailyReport dailyReport(long siteId, LocalDate date) throws FrontdeskException {
    SWIGTYPE_p_fd_report[] out = new SWIGTYPE_p_fd_report[1];
    FrontdeskNative.fd_report_daily(out, handle(), siteId, date);
    return new DailyReport(out[0]);
  }
}
