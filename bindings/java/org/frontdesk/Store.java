package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_policy;
import org.frontdesk.swig.SWIGTYPE_p_fd_report;
import org.frontdesk.swig.SWIGTYPE_p_fd_store;
import org.frontdesk.swig.fd_actor;
import org.frontdesk.swig.fd_store_options;
import org.frontdesk.swig.fd_store_verify_report;

/**
 * An open site database. {@code try (Store s = Store.open("site.db")) { ... }}.
 * Every write, and every read of records holding personal data, takes an {@link Actor}.
 * Personal data comes back masked ({@code 138****8000}) unless the actor holds
 * {@link Grant#REVEAL}, given to its role with {@link #grant}; each reveal is in {@link #reveals}.
 * Queries return a {@link RecordIterator} (streamed; close it). Used by one thread at a time.
 */
public final class Store implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.frontdesk.Store");

  private interface Act {
    void run(fd_actor a) throws FrontdeskException;
  }

  /** The native handle; the Cleaner of an unclosed Store only logs uncommitted work, never throws. */
  private static final class Handle extends NativeHandle<SWIGTYPE_p_fd_store> {
    Handle(SWIGTYPE_p_fd_store s) {
      super(s, Handle::free);
    }

    private static void free(SWIGTYPE_p_fd_store p) {
      int[] open = new int[1];
      try {
        FrontdeskNative.fd_store_in_transaction(open, p);
      } catch (FrontdeskException e) {
        open[0] = 0;
      }
      if (open[0] != 0) {
        LOG.log(System.Logger.Level.WARNING, "a Store was garbage collected with an uncommitted transaction;"
            + " its work was rolled back (commit it, or close the Store, before dropping it)");
      }
      FrontdeskNative.fd_store_close(p);
    }

    SWIGTYPE_p_fd_store ptr() throws FrontdeskException {
      return handle();
    }
  }

  private final Handle h;
  /** Counts begin() calls, so that a stale Transaction never ends a later one. */
  private long generation;

  private Store(SWIGTYPE_p_fd_store s) {
    h = new Handle(s);
  }

  /** The native pointer; ESTATE once closed (package-private: modules' classes use it). */
  SWIGTYPE_p_fd_store handle() throws FrontdeskException {
    return h.ptr();
  }

  /** Whether {@link #close()} has freed the native object. */
  public boolean isClosed() {
    return h.isClosed();
  }

  /**
   * Closes the database. Closing twice is harmless. Work of a transaction that was begun and
   * neither committed nor rolled back is never dropped silently: it is rolled back, the store is
   * closed, and this throws FD_ESTATE saying so. (An unclosed Store that is garbage collected rolls
   * back too, and logs a warning.)
   */
  @Override
  public void close() throws FrontdeskException {
    if (h.isClosed()) {
      return;
    }
    int[] open = new int[1];
    try {
      FrontdeskNative.fd_store_in_transaction(open, h.ptr());
      if (open[0] != 0) {
        FrontdeskNative.fd_store_rollback(h.ptr());
      }
    } finally {
      h.close();
    }
    if (open[0] != 0) {
      throw new FrontdeskException(Frontdesk.ESTATE, "Store.close: a transaction was begun and not committed"
          + " (fd_store_in_transaction); its work was rolled back. Commit it: try (Transaction t = store.begin())"
          + " { ...; t.commit(); }");
    }
  }

  /** Whether a transaction begun with {@link #begin()} is open (uncommitted). */
  public boolean inTransaction() throws FrontdeskException {
    int[] open = new int[1];
    FrontdeskNative.fd_store_in_transaction(open, handle());
    return open[0] != 0;
  }

  /** Opens (creating and migrating as needed) the database at path. */
  public static Store open(String path) throws FrontdeskException {
    return open(path, false, true);
  }

  /** Opens with options: readOnly, create when missing. */
  public static Store open(String path, boolean readOnly, boolean create) throws FrontdeskException {
    return open(path, readOnly, create, false);
  }

  /**
   * Opens with options: readOnly, create when missing, quickCheck (refuse a corrupt file with
   * FD_EDATA at open).
   */
  public static Store open(String path, boolean readOnly, boolean create, boolean quickCheck)
      throws FrontdeskException {
    return open(path, readOnly, create, quickCheck, null);
  }

  /**
   * Opens with options and the key file that encrypts kept ID numbers (R-COM-2): outside the
   * database, readable by its owner only; null: the file named by FRONTDESK_KEY_FILE, if set.
   */
  public static Store open(String path, boolean readOnly, boolean create, boolean quickCheck, String keyFile)
      throws FrontdeskException {
    fd_store_options o = new fd_store_options();
    try {
      FrontdeskNative.fd_store_options_init(o, FrontdeskNative.FD_STORE_OPTIONS_VERSION);
      o.setRead_only(readOnly ? 1 : 0);
      o.setCreate(create ? 1 : 0);
      o.setQuick_check(quickCheck ? 1 : 0);
      o.setKey_file(keyFile);
      SWIGTYPE_p_fd_store[] out = new SWIGTYPE_p_fd_store[1];
      FrontdeskNative.fd_store_open(out, path, o);
      return new Store(out[0]);
    } finally {
      o.delete();
    }
  }

  /**
   * Checks integrity, the protecting triggers and the journal's hash chain (R-COM-3). Never throws
   * for a broken database: the report says what is wrong ({@link VerifyReport#isOk()} false).
   */
  public VerifyReport verify() throws FrontdeskException {
    fd_store_verify_report r = new fd_store_verify_report();
    FrontdeskNative.fd_store_verify_report_init(r, FrontdeskNative.FD_STORE_VERIFY_REPORT_VERSION);
    boolean ok = true;
    try {
      FrontdeskNative.fd_store_verify(r, handle());
    } catch (FrontdeskException e) {
      if (e.code() != Frontdesk.EDATA) {
        throw e;
      }
      ok = false;
    }
    return new VerifyReport(ok, r.getEntries(), r.getFirst_bad_id(), r.getIntegrity_ok() != 0,
        r.getTriggers_ok() != 0, r.getProblem(), r.getUuid(), r.getHead());
  }

  /** The database's UUID (8-4-4-4-12 hex), given at creation. */
  public String uuid() throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_store_uuid(o, handle()));
  }

  /** Runs {@code call} with a native copy of {@code actor} (package-private: modules' classes use it too). */
  <R> R as(Actor actor, Convert.Call<fd_actor, R> call) throws FrontdeskException {
    return Objects.requireNonNull(actor, "actor").withNative(call);
  }

  private void act(Actor actor, Act call) throws FrontdeskException {
    as(actor, a -> {
      call.run(a);
      return null;
    });
  }

  /** The schema version of the open database. */
  public int schemaVersion() throws FrontdeskException {
    return Out.int32(o -> FrontdeskNative.fd_store_schema_version(o, handle()));
  }

  /** The newest schema version this library knows. */
  public static int schemaLatest() {
    return FrontdeskNative.fd_store_schema_latest();
  }

  /**
   * Starts a transaction (BEGIN IMMEDIATE) and returns it:
   * {@code try (Transaction t = store.begin()) { ...; t.commit(); }} — closing it uncommitted
   * (an exception, a forgotten commit) rolls it back. {@link #commit()} and {@link #rollback()}
   * still end it too.
   */
  public Transaction begin() throws FrontdeskException {
    FrontdeskNative.fd_store_begin(handle());
    return new Transaction(this, ++generation);
  }

  /** Whether the transaction of {@code begin()} number {@code gen} is still the open one. */
  boolean isOpen(long gen) throws FrontdeskException {
    return gen == generation && !isClosed() && inTransaction();
  }

  /** Commits the open transaction. */
  public void commit() throws FrontdeskException {
    FrontdeskNative.fd_store_commit(handle());
  }

  /** Rolls back the open transaction. */
  public void rollback() throws FrontdeskException {
    FrontdeskNative.fd_store_rollback(handle());
  }

  // -- actors and grants (R-COM-1, R-COM-2) ----------------------------------------

  /** Checks an actor as a write would: EPERM for staff of another site or inactive, ENOTFOUND ... */
  public void checkActor(Actor actor) throws FrontdeskException {
    act(actor, a -> FrontdeskNative.fd_store_actor_check(handle(), a));
  }

  /** Gives ({@code on}) or takes back {@code grant} from {@code role} at the actor's site; journaled. */
  public void grant(Actor actor, String role, Grant grant, boolean on) throws FrontdeskException {
    act(actor, a -> FrontdeskNative.fd_store_grant_set(handle(), a, role, grant.toNative(), on ? 1 : 0));
  }

  /** Whether {@code role} holds {@code grant} at site {@code siteId}. */
  public boolean hasGrant(long siteId, String role, Grant grant) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_store_grant_has(o, handle(), siteId, role, grant.toNative()));
  }

  // -- sites (R-COM-1) ---------------------------------------------------------------

  /** Adds a site (code, name, time zone; null zone: Asia/Shanghai); the actor is the system at site 0 or staff. */
  public long addSite(Actor actor, Site site) throws FrontdeskException {
    return site.withNative(s -> as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_site_add(o, handle(), a, s))));
  }

  /** Adds a site; timeZone null means Asia/Shanghai. Returns its id. */
  public long addSite(Actor actor, String code, String name, String timeZone) throws FrontdeskException {
    return addSite(actor, Site.builder().code(code).name(name).timeZone(timeZone).build());
  }

  /** The site with this code; ENOTFOUND when there is none. */
  public Site site(String code) throws FrontdeskException {
    return Site.own(o -> FrontdeskNative.fd_store_site_get_by_code(o, handle(), code));
  }

  /** The site with this id. */
  public Site site(long id) throws FrontdeskException {
    return Site.get(handle(), null, id);
  }

  /** The database's only site; ENOTFOUND when none, ECONFLICT when several. */
  public Site defaultSite() throws FrontdeskException {
    return Site.own(o -> FrontdeskNative.fd_store_site_default(o, handle()));
  }

  /** The sites matching {@code filter} (null: all), streamed. */
  public RecordIterator<Site> sites(SiteFilter filter) throws FrontdeskException {
    return SiteFilter.query(filter, handle(), null);
  }

  /** The site's local date of instant {@code at} (not null), in its time zone. */
  public LocalDate siteDate(long siteId, Instant at) throws FrontdeskException {
    LocalDate[] out = new LocalDate[1];
    FrontdeskNative.fd_store_site_date(out, handle(), siteId, Convert.seconds(at, "at"));
    return out[0];
  }

  // -- staff (R-COM-1) ---------------------------------------------------------------

  /** Adds a member of staff (code, name, role) to the actor's site; returns the id. */
  public long addStaff(Actor actor, Staff staff) throws FrontdeskException {
    return staff.withNative(s -> as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_staff_add(o, handle(), a, s))));
  }

  /** Adds a member of staff to the actor's site; returns the id. */
  public long addStaff(Actor actor, String code, String name, String role) throws FrontdeskException {
    return addStaff(actor, Staff.builder().code(code).name(name).role(role).build());
  }

  /** The member of staff of the actor's site with this staff code (name masked per the site's policy). */
  public Staff staff(Actor actor, String code) throws FrontdeskException {
    return as(actor, a -> Staff.own(o -> FrontdeskNative.fd_store_staff_get_by_code(o, handle(), a, code)));
  }

  /** The member of staff of the actor's site with this id. */
  public Staff staff(Actor actor, long id) throws FrontdeskException {
    return as(actor, a -> Staff.get(handle(), a, id));
  }

  /** Staff of the actor's site matching {@code filter} (null: all), streamed. */
  public RecordIterator<Staff> staffList(Actor actor, StaffFilter filter) throws FrontdeskException {
    return as(actor, a -> StaffFilter.query(filter, handle(), a));
  }

  /** Marks staff active or not (R-COM-3: never deleted); journaled. */
  public void setStaffActive(Actor actor, long staffId, boolean active) throws FrontdeskException {
    act(actor, a -> FrontdeskNative.fd_store_staff_set_active(handle(), a, staffId, active ? 1 : 0));
  }

  // -- the journal (R-COM-1, R-COM-3) and the access log (R-COM-2) ------------------

  /** Appends a journal entry at the actor's site, instant and staff; detail may be null. Returns its id. */
  public long journalAdd(Actor actor, String entity, long entityId, String action, String detail)
      throws FrontdeskException {
    JournalEntry e = JournalEntry.builder().entity(entity).entityId(entityId).action(action).detail(detail).build();
    return e.withNative(n -> as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_journal_add(o, handle(), a, n))));
  }

  /** One journal entry of the actor's site by id (detail masked unless revealed). */
  public JournalEntry journalEntry(Actor actor, long id) throws FrontdeskException {
    return as(actor, a -> JournalEntry.get(handle(), a, id));
  }

  /** Journal entries of the actor's site matching {@code filter} (null: all), oldest first, streamed. */
  public RecordIterator<JournalEntry> journal(Actor actor, JournalFilter filter) throws FrontdeskException {
    return as(actor, a -> JournalFilter.query(filter, handle(), a));
  }

  /** The access log of the actor's site: one Reveal per field of personal data shown (R-COM-2), streamed. */
  public RecordIterator<Reveal> reveals(Actor actor, RevealFilter filter) throws FrontdeskException {
    return as(actor, a -> RevealFilter.query(filter, handle(), a));
  }

  /** One entry of the access log by id. */
  public Reveal reveal(Actor actor, long id) throws FrontdeskException {
    return as(actor, a -> Reveal.get(handle(), a, id));
  }

  // -- policy and reports ----------------------------------------------------------------

  /** The site's policy: defaults with its stored overrides. Close it. */
  public Policy policy(long siteId) throws FrontdeskException {
    SWIGTYPE_p_fd_policy[] out = new SWIGTYPE_p_fd_policy[1];
    FrontdeskNative.fd_store_policy_load(out, handle(), siteId);
    return new Policy(out[0]);
  }

  /** Stores an override of one policy value for the actor's site; journaled. */
  public void setPolicy(Actor actor, String key, long value) throws FrontdeskException {
    act(actor, a -> FrontdeskNative.fd_store_policy_set(handle(), a, key, value));
  }

  /** Stores a deadline key's amount and unit for the actor's site (R-CPL-2); journaled. */
  public void setPolicyDeadline(Actor actor, String key, long amount, WorkCalendar.Unit unit)
      throws FrontdeskException {
    act(actor, a -> FrontdeskNative.fd_store_policy_set_deadline(handle(), a, key, amount, unit.code));
  }

  /** Removes the actor's site's override of {@code key}; journaled. */
  public void resetPolicy(Actor actor, String key) throws FrontdeskException {
    act(actor, a -> FrontdeskNative.fd_store_policy_reset(handle(), a, key));
  }

  /** The phone greeting (R-CALL-2, R-CALL-10) of a site: its name as the organisation. */
  public String greeting(long siteId, LocalDate date, WorkCalendar calendar) throws FrontdeskException {
    return calendar.greeting(date, site(siteId).getName());
  }

  /**
   * The daily report of the actor's site for a local date (R-COM-4), as the actor may see it:
   * numbers in details masked unless the actor reveals them (R-COM-2, logged). Close it.
   */
  public DailyReport dailyReport(Actor actor, LocalDate date) throws FrontdeskException {
    return dailyReport(actor, date, "zh");
  }

  /** The daily report with titles and headers in {@code language}: "zh" (the default) or "en". Close it. */
  public DailyReport dailyReport(Actor actor, LocalDate date, String language) throws FrontdeskException {
    SWIGTYPE_p_fd_report[] out = new SWIGTYPE_p_fd_report[1];
    act(actor, a -> FrontdeskNative.fd_report_daily_new(out, handle(), a, date, language));
    return new DailyReport(out[0]);
  }

  /** @deprecated use {@link #dailyReport(Actor, LocalDate)}: this one is the system's view, now. */
  @Deprecated
  public DailyReport dailyReport(long siteId, LocalDate date) throws FrontdeskException {
    return dailyReport(Actor.now(siteId, 0), date);
  }

  // -- deprecated (one release): the system or the given staff acting now ----------------

  /** @deprecated use {@link #addSite(Actor, String, String, String)}. */
  @Deprecated
  public long addSite(String code, String name, String timeZone) throws FrontdeskException {
    return addSite(Actor.now(0, 0), code, name, timeZone);
  }

  /** @deprecated use {@link #addStaff(Actor, String, String, String)}. */
  @Deprecated
  public long addStaff(long siteId, String code, String name, String role) throws FrontdeskException {
    return addStaff(Actor.now(siteId, 0), code, name, role);
  }

  /** @deprecated use {@link #staff(Actor, String)}. */
  @Deprecated
  public Staff staff(long siteId, String code) throws FrontdeskException {
    return staff(Actor.now(siteId, 0), code);
  }

  /** @deprecated use {@link #setStaffActive(Actor, long, boolean)}. */
  @Deprecated
  public void setStaffActive(long staffId, boolean active, long byStaffId) throws FrontdeskException {
    try (RecordIterator<Site> sites = sites(null)) {
      for (Site s : sites) {
        try {
          staff(Actor.now(s.getId(), 0), staffId);
        } catch (FrontdeskException e) {
          continue;
        }
        setStaffActive(Actor.now(s.getId(), byStaffId), staffId, active);
        return;
      }
    }
    throw new FrontdeskException(Frontdesk.ENOTFOUND, "setStaffActive: staffId: no staff " + staffId);
  }

  /**
   * @deprecated use {@link #journalAdd}. {@code at} is required: null no longer means now (pass
   *     {@code Instant.now()} explicitly); null throws FD_EINVAL.
   */
  @Deprecated
  public long journalAppend(Instant at, long siteId, long staffId, String entity, long entityId, String action,
      String detail) throws FrontdeskException {
    if (at == null) {
      throw new FrontdeskException(Frontdesk.EINVAL, "journalAppend: at: is required, got null (pass Instant.now()"
          + " explicitly)");
    }
    Actor a = Actor.of(siteId, staffId, at);
    return journalAdd(a, entity, entityId, action, detail);
  }

  /** @deprecated use {@link #journal(Actor, JournalFilter)} (streamed); siteId 0 meant all sites. */
  @Deprecated
  public List<JournalEntry> journal(long siteId, Instant since, Instant until, String entity, long entityId)
      throws FrontdeskException {
    List<Long> ids = new ArrayList<>();
    if (siteId != 0) {
      ids.add(siteId);
    } else {
      try (RecordIterator<Site> sites = sites(null)) {
        sites.forEachRemaining(s -> ids.add(s.getId()));
      }
    }
    JournalFilter f = new JournalFilter();
    if (since != null) f.atFrom(since);
    if (until != null) f.atTo(until);
    if (entity != null && !entity.isEmpty()) f.entity(entity);
    if (entityId != 0) f.entityId(entityId);
    List<JournalEntry> out = new ArrayList<>();
    for (long id : ids) {
      try (RecordIterator<JournalEntry> it = journal(Actor.now(id, 0), f)) {
        it.forEachRemaining(out::add);
      }
    }
    out.sort(Comparator.comparingLong(JournalEntry::getId));
    return out;
  }

  /** @deprecated use {@link #setPolicy(Actor, String, long)}. */
  @Deprecated
  public void setPolicy(long siteId, String key, long value, long staffId) throws FrontdeskException {
    setPolicy(Actor.now(siteId, staffId), key, value);
  }

  /** @deprecated use {@link #resetPolicy(Actor, String)}. */
  @Deprecated
  public void resetPolicy(long siteId, String key, long staffId) throws FrontdeskException {
    resetPolicy(Actor.now(siteId, staffId), key);
  }
}
