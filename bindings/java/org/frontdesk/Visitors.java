package org.frontdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_visit_iter;
import org.frontdesk.swig.fd_blocklist_match;
import org.frontdesk.swig.fd_custody_due;
import org.frontdesk.swig.fd_custody_status;
import org.frontdesk.swig.fd_id_document;
import org.frontdesk.swig.fd_id_number;
import org.frontdesk.swig.fd_overstay;
import org.frontdesk.swig.fd_prep_due;
import org.frontdesk.swig.fd_slip_status;
import org.frontdesk.swig.fd_visit;
import org.frontdesk.swig.fd_visit_prep_status;
import org.frontdesk.swig.fd_visit_purge;
import org.frontdesk.swig.fd_visit_registration;
import org.frontdesk.swig.fd_visit_shift;
import org.frontdesk.swig.fd_visit_stats;

/**
 * Visitors (issue 12, items 2-4): the visitor log with the host's answer, check-in and
 * check-out, registration slips, overstay and the end-of-shift check; ID documents kept the
 * lawful way; a blocklist that matches without showing (R-VIS-1 … R-VIS-3, R-COM-2 … R-COM-4).
 * The rules ({@link #parseIdNumber}, {@link #parsePlate}, {@link #validate(Visit)},
 * {@link #checkoutCheck}, {@link #overstay}) are pure functions, usable with a suite's own
 * database; the rest reads and writes a {@link Store}. Codes are English words ("on_site");
 * {@link #codeLabel} gives 在访, and every function taking a code takes a label too, as the CLI
 * does (new IdDocument("身份证", ...), answer(..., "大堂会面", ...), a CountedItem of kind 钥匙).
 */
public final class Visitors {
  private Visitors() {}

  /** The largest party a visit records. */
  public static final long PARTY_MAX = FrontdeskNative.FD_VISIT_PARTY_MAX;

  // -- codes ------------------------------------------------------------------------------

  /** The Chinese label of {@code code} in the list {@code field} ("state", "on_site" → "在访"); null when unknown. */
  public static String codeLabel(String field, String code) throws FrontdeskException {
    return FrontdeskNative.fd_visit_code_label(field, code);
  }

  /** The code of {@code text} in the list {@code field}: the code or its label ("身份证" → "id_card"). */
  public static String codeParse(String field, String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_visit_code_parse(o, field, text));
  }

  /**
   * A code given as the CLI takes it — the code or a label (身份证, 大堂会面, 钥匙), Simplified or
   * Traditional — as its code; null and "" stay. Every function here taking a code reads it so.
   */
  static String code(String field, String value) throws FrontdeskException {
    return value == null || value.isEmpty() ? value : codeParse(field, value);
  }

  // -- ID documents and plates (pure) ------------------------------------------------------

  /** An ID document as the visitor shows it: its type, the number as typed, and consent to keeping it. */
  public static final class IdDocument {
    private final String type;
    private final String number;
    private final boolean consent;

    /** A document without consent to keeping the full number. */
    public IdDocument(String type, String number) {
      this(type, number, false);
    }

    /** {@code type}: id_card, passport, hk_macau, taiwan, other. */
    public IdDocument(String type, String number, boolean consent) {
      this.type = type;
      this.number = number;
      this.consent = consent;
    }

    public String type() {
      return type;
    }

    /** The number as typed. Never logged or shown by the library. */
    public String number() {
      return number;
    }

    public boolean consent() {
      return consent;
    }

    @Override
    public String toString() {
      return "IdDocument(" + type + ", consent=" + consent + ")"; // never the number
    }
  }

  /** Runs {@code call} with a native copy of {@code doc} (null stays null). */
  private static <R> R withDoc(IdDocument doc, Convert.Call<fd_id_document, R> call) throws FrontdeskException {
    if (doc == null) {
      return call.run(null);
    }
    fd_id_document d = new fd_id_document();
    try {
      d.setType(code("id_type", doc.type));
      d.setNumber(doc.number);
      d.setConsent(doc.consent ? 1 : 0);
      return call.run(d);
    } finally {
      d.delete();
    }
  }

  /** An ID number read by {@link #parseIdNumber}: its type, canonical number and masked form. */
  public static final class IdNumber {
    private final String type;
    private final String number;
    private final String masked;

    IdNumber(fd_id_number n) {
      type = n.getType();
      number = n.getNumber();
      masked = n.getMasked();
    }

    public String type() {
      return type;
    }

    /** Canonical: upper case, no separators; an ID card's 15 digits made 18. */
    public String number() {
      return number;
    }

    /** For display: 110105********002X, E*****678. */
    public String masked() {
      return masked;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof IdNumber)) return false;
      IdNumber x = (IdNumber) o;
      return type.equals(x.type) && number.equals(x.number) && masked.equals(x.masked);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, number, masked);
    }

    @Override
    public String toString() {
      return type + " " + masked;
    }
  }

  /**
   * R-COM-2: an ID number of {@code type} read and checked where the type allows (GB 11643 for
   * id_card, birth dates not after {@code today}); FD_EINVAL naming {@code number}, never echoing it.
   */
  public static IdNumber parseIdNumber(String type, String number, LocalDate today) throws FrontdeskException {
    fd_id_number n = new fd_id_number();
    try {
      FrontdeskNative.fd_id_number_parse(n, code("id_type", type), number, today);
      return new IdNumber(n);
    } finally {
      n.delete();
    }
  }

  /** A vehicle plate canonical: "京a·12345" → "京A12345", "粵Z1234港" → "粤Z1234港". */
  public static String parsePlate(String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_plate_parse(o, text));
  }

  /** R-VIS-1: checks a visit as the store does before registering it; throws naming the field. */
  public static void validate(Visit visit) throws FrontdeskException {
    visit.withNative(n -> {
      FrontdeskNative.fd_visit_validate(n);
      return null;
    });
  }

  /**
   * R-COM-4: throws FD_ESTATE naming {@code visit.arrived_at} for a check-out before the check-in
   * (or of a visitor who left), FD_EINVAL naming {@code left_at} for a time before the check-in or
   * after {@code now}. {@code leftAt} null: {@code now}.
   */
  public static void checkoutCheck(Visit visit, Instant leftAt, Instant now) throws FrontdeskException {
    long left = leftAt == null ? 0 : Convert.seconds(leftAt, "left_at");
    long at = Convert.seconds(Convert.required(now, "now"), "now");
    visit.withNative(n -> {
      FrontdeskNative.fd_visit_checkout_check(n, left, at);
      return null;
    });
  }

  /** Whether a visitor overstays, why ("none", "window", "closing"), and since when (null when not). */
  public static final class Overstay {
    private final boolean overstay;
    private final String reason;
    private final Instant since;

    Overstay(fd_overstay o) {
      overstay = o.getOverstay() != 0;
      reason = FrontdeskNative.fd_overstay_reason_name(o.getReason());
      since = o.getSince() == 0 ? null : Convert.instant(o.getSince());
    }

    public boolean isOverstay() {
      return overstay;
    }

    public String reason() {
      return reason;
    }

    public Instant since() {
      return since;
    }
  }

  /**
   * R-COM-4: whether the visitor (a visit on site) overstays at {@code now}: past the planned
   * window and the grace, or the site's closing time in {@code timeZone} (null: Asia/Shanghai).
   */
  public static Overstay overstay(Visit visit, Instant now, String timeZone, Policy policy) throws FrontdeskException {
    long at = Convert.seconds(Convert.required(now, "now"), "now");
    fd_overstay o = new fd_overstay();
    try {
      visit.withNative(n -> {
        if (policy == null) {
          FrontdeskNative.fd_visit_overstay(o, n, at, timeZone, null);
        } else {
          policy.call(p -> {
            FrontdeskNative.fd_visit_overstay(o, n, at, timeZone, p);
            return null;
          });
        }
        return null;
      });
      return new Overstay(o);
    } finally {
      o.delete();
    }
  }

  /**
   * R-VIS-3: whether {@code pending} slips are due to be handed to security at {@code now}:
   * visitor.slip_handover_days since {@code since} (the last handover, or the first pending slip).
   */
  public static boolean slipHandoverDue(long pending, Instant since, Instant now, Policy policy)
      throws FrontdeskException {
    long from = Convert.seconds(since, "since");
    long at = Convert.seconds(now, "now");
    if (policy == null) {
      return Out.flag(o -> FrontdeskNative.fd_visit_slip_handover_due(o, pending, from, at, null));
    }
    return policy.call(p -> Out.flag(o -> FrontdeskNative.fd_visit_slip_handover_due(o, pending, from, at, p)));
  }

  /** Checks a blocklist entry (with an optional ID document read on {@code today}) as the store does. */
  public static void validate(BlocklistEntry entry, IdDocument id, LocalDate today) throws FrontdeskException {
    entry.withNative(n -> withDoc(id, d -> {
      FrontdeskNative.fd_blocklist_entry_validate(n, d, today);
      return null;
    }));
  }

  /** Whether {@code entry} is in force at {@code at}: not lifted, within its window. */
  public static boolean blocklistEntryActive(BlocklistEntry entry, Instant at) throws FrontdeskException {
    long t = Convert.seconds(Convert.required(at, "at"), "at");
    return entry.withNative(n -> Out.flag(o -> FrontdeskNative.fd_blocklist_entry_active(o, n, t)));
  }

  // -- the store's side ---------------------------------------------------------------------

  /** What a blocklist check found: "none", "match" or "possible", with the level and reason only. */
  public static final class BlocklistMatch {
    private final String answer;
    private final long matches;
    private final long entryId;
    private final String level;
    private final String basis;
    private final String reason;

    BlocklistMatch(fd_blocklist_match m) {
      answer = FrontdeskNative.fd_blocklist_answer_name(m.getAnswer());
      matches = m.getMatches();
      entryId = m.getEntry_id();
      level = m.getLevel();
      basis = m.getBasis();
      reason = m.getReason();
    }

    /** "none", "match" (ID, phone or the whole name) or "possible" (pinyin only: confirm another way). */
    public String answer() {
      return answer;
    }

    public long matches() {
      return matches;
    }

    public long entryId() {
      return entryId;
    }

    /** warning, limited, forbidden; "" for none. */
    public String level() {
      return level;
    }

    /** id, phone, name or pinyin; "" for none. */
    public String basis() {
      return basis;
    }

    /** The entry's reason, numbers in it masked. */
    public String reason() {
      return reason;
    }
  }

  /** What {@link #register} did. */
  public static final class Registration {
    private final long id;
    private final long slipNo;
    private final String state;
    private final long previousVisits;
    private final BlocklistMatch blocklist;

    Registration(fd_visit_registration r) {
      id = r.getId();
      slipNo = r.getSlip_no();
      state = r.getState();
      previousVisits = r.getPrevious_visits();
      blocklist = new BlocklistMatch(r.getBlocklist());
    }

    public long id() {
      return id;
    }

    /** The registration slip's serial at the site (R-VIS-3). */
    public long slipNo() {
      return slipNo;
    }

    /** expected, waiting or held. */
    public String state() {
      return state;
    }

    /** Earlier visits at the site with the same ID document. */
    public long previousVisits() {
      return previousVisits;
    }

    public BlocklistMatch blocklist() {
      return blocklist;
    }
  }

  /**
   * R-VIS-1, R-VIS-3: registers a visit with an optional ID document (null: none), checks the
   * blocklist and numbers the slip.
   */
  public static Registration register(Store store, Actor actor, Visit visit, IdDocument id) throws FrontdeskException {
    fd_visit_registration r = new fd_visit_registration();
    try {
      visit.withNative(v -> withDoc(id, d -> store.as(actor, a -> {
        FrontdeskNative.fd_store_visit_register(r, store.handle(), a, v, d);
        return null;
      })));
      return new Registration(r);
    } finally {
      r.delete();
    }
  }

  /** R-VIS-2: the host's answer: "lobby", "bring_up" or "decline"; {@code note} may be null. */
  public static void answer(Store store, Actor actor, long visitId, String answer, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_answer(store.handle(), a, visitId, code("answer", answer), note);
      return null;
    });
  }

  /** Checks in an expected (pre-registered) visitor at the actor's instant. */
  public static void checkIn(Store store, Actor actor, long visitId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_checkin(store.handle(), a, visitId);
      return null;
    });
  }

  /**
   * R-COM-4: checks a visitor out; {@code leftAt} (null: the actor's instant) when they left earlier
   * than it is recorded. A check-out before the check-in throws FD_ESTATE naming visit.arrived_at.
   */
  public static void checkOut(Store store, Actor actor, long visitId, Instant leftAt, String note)
      throws FrontdeskException {
    long left = leftAt == null ? 0 : Convert.seconds(leftAt, "left_at");
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_checkout(store.handle(), a, visitId, left, note);
      return null;
    });
  }

  /** R-VIS-1: admits a visitor the blocklist matched (forbidden needs the manage grant), saying why. */
  public static void admit(Store store, Actor actor, long visitId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_admit(store.handle(), a, visitId, note);
      return null;
    });
  }

  /** R-VIS-1: refuses a visitor, saying why; one who is there leaves now. */
  public static void refuse(Store store, Actor actor, long visitId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_refuse(store.handle(), a, visitId, note);
      return null;
    });
  }

  /** R-COM-4: records why a visitor is still on site at the end of a shift. */
  public static void explain(Store store, Actor actor, long visitId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_explain(store.handle(), a, visitId, note);
      return null;
    });
  }

  /** Cancels an expected visit that will not happen, saying why. */
  public static void cancel(Store store, Actor actor, long visitId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_cancel(store.handle(), a, visitId, note);
      return null;
    });
  }

  /** R-COM-4: one page of the visitors still on site, in id order: after id {@code after}, at most {@code limit} (1..64). */
  public static RecordIterator<Visit> onSite(Store store, Actor actor, long after, long limit) throws FrontdeskException {
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_visit_iter[] it = new SWIGTYPE_p_fd_visit_iter[1];
      FrontdeskNative.fd_store_visit_onsite(it, store.handle(), a, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_visit_iter_free, i -> {
        fd_visit[] row = new fd_visit[1];
        FrontdeskNative.fd_visit_iter_next(row, i);
        return row[0] == null ? null : Visit.fromNative(row[0]);
      });
    });
  }

  /** R-COM-4: {@link #overstay} of {@code visit} with the site's zone and policy at the actor's instant. */
  public static Overstay overstay(Store store, Actor actor, Visit visit) throws FrontdeskException {
    fd_overstay o = new fd_overstay();
    try {
      visit.withNative(v -> store.as(actor, a -> {
        FrontdeskNative.fd_store_visit_overstay(o, store.handle(), a, v);
        return null;
      }));
      return new Overstay(o);
    } finally {
      o.delete();
    }
  }

  /** The end-of-shift check of the visitor log (R-COM-4). */
  public static final class Shift {
    private final long onSite;
    private final long overstaying;
    private final long unexplained;
    private final long firstUnexplained;
    private final long held;
    private final long expectedLate;
    private final long itemsOut;
    private final long itemsUnreturned;
    private final long countsOpen;

    Shift(fd_visit_shift s) {
      onSite = s.getOn_site();
      overstaying = s.getOverstaying();
      unexplained = s.getUnexplained();
      firstUnexplained = s.getFirst_unexplained();
      held = s.getHeld();
      expectedLate = s.getExpected_late();
      itemsOut = s.getItems_out();
      itemsUnreturned = s.getItems_unreturned();
      countsOpen = s.getCounts_open();
    }

    /** R-VIS-4: items issued and not returned. */
    public long itemsOut() {
      return itemsOut;
    }

    /** Of those, issued to a visit that has left or is closed. */
    public long itemsUnreturned() {
      return itemsUnreturned;
    }

    /** Counts whose difference is not explained. */
    public long countsOpen() {
      return countsOpen;
    }

    public long onSite() {
      return onSite;
    }

    public long overstaying() {
      return overstaying;
    }

    /** Neither checked out nor explained since the shift began: each must be, before handing over. */
    public long unexplained() {
      return unexplained;
    }

    public long firstUnexplained() {
      return firstUnexplained;
    }

    public long held() {
      return held;
    }

    public long expectedLate() {
      return expectedLate;
    }

    /**
     * True when the shift may be handed over: every visitor still there explained, no item out with a
     * visitor who has gone, every count's difference explained.
     */
    public boolean isReady() {
      return unexplained == 0 && itemsUnreturned == 0 && countsOpen == 0;
    }
  }

  /** R-COM-4: the visitor log's end-of-shift check for the shift that began at {@code since}. */
  public static Shift shiftCheck(Store store, Actor actor, Instant since) throws FrontdeskException {
    long from = Convert.seconds(Convert.required(since, "since"), "since");
    fd_visit_shift s = new fd_visit_shift();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_visit_shift_check(s, store.handle(), a, from);
        return null;
      });
      return new Shift(s);
    } finally {
      s.delete();
    }
  }

  /**
   * R-COM-2: the full ID number kept for a visit, for an actor using the reveal grant with a
   * reason; logged in the access log. Never inside a transaction.
   */
  public static String revealId(Store store, Actor actor, long visitId) throws FrontdeskException {
    return store.as(actor, a -> Out.string(o -> FrontdeskNative.fd_store_visit_id_reveal(o, store.handle(), a, visitId)));
  }

  /** What the retention purge removed (or, in a dry run, would remove). */
  public static final class Purge {
    private final boolean dryRun;
    private final Instant idBefore;
    private final Instant visitsBefore;
    private final long idNumbers;
    private final long encrypted;
    private final long visits;
    private final long permits;
    private final long custody;

    Purge(fd_visit_purge p) {
      dryRun = p.getDry_run() != 0;
      idBefore = Convert.instant(p.getId_before());
      visitsBefore = Convert.instant(p.getVisits_before());
      idNumbers = p.getId_numbers();
      encrypted = p.getEncrypted();
      visits = p.getVisits();
      permits = p.getPermits();
      custody = p.getCustody();
    }

    /** Goods permits anonymised: the applicant's name, phone and masked ID go. */
    public long permits() {
      return permits;
    }

    /** Custody items given out and anonymised: the owner's and the taker's names and the phone go. */
    public long custody() {
      return custody;
    }

    public boolean isDryRun() {
      return dryRun;
    }

    public Instant idBefore() {
      return idBefore;
    }

    public Instant visitsBefore() {
      return visitsBefore;
    }

    /** Visits whose ID number (masked form, hash, encrypted number) goes. */
    public long idNumbers() {
      return idNumbers;
    }

    /** Of those, with a full number kept. */
    public long encrypted() {
      return encrypted;
    }

    /** Visits anonymised: name, phone, plate and organisation go. */
    public long visits() {
      return visits;
    }
  }

  /**
   * R-COM-3: the retention purge (needs the manage grant): ID numbers past
   * visitor.id_retention_days, visitors' personal data past visitor.retention_days; the visits stay
   * anonymised. Journaled, except a dry run, which only counts.
   */
  public static Purge purge(Store store, Actor actor, boolean dryRun) throws FrontdeskException {
    fd_visit_purge p = new fd_visit_purge();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_visit_purge(p, store.handle(), a, dryRun ? 1 : 0);
        return null;
      });
      return new Purge(p);
    } finally {
      p.delete();
    }
  }

  /** Visits of the actor's site matching {@code filter} (null: all), in id order. */
  public static RecordIterator<Visit> visits(Store store, Actor actor, VisitFilter filter) throws FrontdeskException {
    return store.as(actor, a -> VisitFilter.query(filter, store.handle(), a));
  }

  /** One visit by id. */
  public static Visit visit(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Visit.get(store.handle(), a, id));
  }

  /** The events of visits (answer, checkin, checkout, admit, refuse, explain, cancel), oldest first. */
  public static RecordIterator<VisitEvent> events(Store store, Actor actor, VisitEventFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> VisitEventFilter.query(filter, store.handle(), a));
  }

  /** One visit event by id. */
  public static VisitEvent event(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> VisitEvent.get(store.handle(), a, id));
  }

  /**
   * R-VIS-1: adds a blocklist entry with an optional ID document (kept only as a keyed hash and
   * masked); needs the manage grant. Returns its id.
   */
  public static long addBlocklistEntry(Store store, Actor actor, BlocklistEntry entry, IdDocument id)
      throws FrontdeskException {
    return entry.withNative(e -> {
      e.setLevel(code("level", e.getLevel()));
      return withDoc(id, d -> store.as(actor,
          a -> Out.int64(o -> FrontdeskNative.fd_store_blocklist_add(o, store.handle(), a, e, d))));
    });
  }

  /** Lifts a blocklist entry (never deleted), saying why; needs the manage grant. */
  public static void liftBlocklistEntry(Store store, Actor actor, long entryId, String reason) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_blocklist_lift(store.handle(), a, entryId, reason);
      return null;
    });
  }

  /**
   * R-VIS-1: checks a person (any of name, phone, ID document; null for none) against the
   * blocklist without registering anything: the level and reason, never the stored data.
   */
  public static BlocklistMatch checkBlocklist(Store store, Actor actor, String name, String phone, IdDocument id)
      throws FrontdeskException {
    fd_blocklist_match m = new fd_blocklist_match();
    try {
      withDoc(id, d -> store.as(actor, a -> {
        FrontdeskNative.fd_store_blocklist_check(m, store.handle(), a, name, phone, d);
        return null;
      }));
      return new BlocklistMatch(m);
    } finally {
      m.delete();
    }
  }

  /** Blocklist entries of the actor's site matching {@code filter} (null: all). */
  public static RecordIterator<BlocklistEntry> blocklist(Store store, Actor actor, BlocklistEntryFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> BlocklistEntryFilter.query(filter, store.handle(), a));
  }

  /** One blocklist entry by id. */
  public static BlocklistEntry blocklistEntry(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> BlocklistEntry.get(store.handle(), a, id));
  }

  /** Blocklist matches at registration and their outcome (pending, admitted, refused). */
  public static RecordIterator<BlocklistHit> blocklistHits(Store store, Actor actor, BlocklistHitFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> BlocklistHitFilter.query(filter, store.handle(), a));
  }

  /** One blocklist hit by id. */
  public static BlocklistHit blocklistHit(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> BlocklistHit.get(store.handle(), a, id));
  }

  /** R-VIS-3: the slips waiting to be handed to security. */
  public static final class SlipStatus {
    private final long pending;
    private final long firstPending;
    private final long lastSlip;
    private final Instant since;
    private final boolean due;

    SlipStatus(fd_slip_status s) {
      pending = s.getPending();
      firstPending = s.getFirst_pending();
      lastSlip = s.getLast_slip();
      since = s.getSince() == 0 ? null : Convert.instant(s.getSince());
      due = s.getDue() != 0;
    }

    public long pending() {
      return pending;
    }

    public long firstPending() {
      return firstPending;
    }

    public long lastSlip() {
      return lastSlip;
    }

    /** The last handover, or the first pending slip's registration; null when none wait. */
    public Instant since() {
      return since;
    }

    /** True when visitor.slip_handover_days have passed since {@link #since()}. */
    public boolean isDue() {
      return due;
    }
  }

  /** R-VIS-3: which registration slips wait to be handed to security, and whether that is due. */
  public static SlipStatus slipHandoverStatus(Store store, Actor actor) throws FrontdeskException {
    fd_slip_status s = new fd_slip_status();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_slip_handover_status(s, store.handle(), a);
        return null;
      });
      return new SlipStatus(s);
    } finally {
      s.delete();
    }
  }

  /** R-VIS-3: records every slip since the last handover as handed to security; returns the batch's id. */
  public static long handOverSlips(Store store, Actor actor, String receivedBy, String note) throws FrontdeskException {
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_slip_handover(o, store.handle(), a, receivedBy,
        note)));
  }

  /** The batches of slips handed to security matching {@code filter} (null: all). */
  public static RecordIterator<SlipHandover> slipHandovers(Store store, Actor actor, SlipHandoverFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> SlipHandoverFilter.query(filter, store.handle(), a));
  }

  /** One batch by id. */
  public static SlipHandover slipHandover(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> SlipHandover.get(store.handle(), a, id));
  }

  // -- visitor cards and counted items (R-VIS-4) ----------------------------------------------

  /** Checks a counted item as the store does before adding it (a known kind, a code). */
  public static void validate(CountedItem item) throws FrontdeskException {
    item.withNative(n -> {
      FrontdeskNative.fd_counted_item_validate(n);
      return null;
    });
  }

  /** R-VIS-4: adds a visitor card, key, umbrella ... to the site's stock (manage grant); returns its id. */
  public static long addItem(Store store, Actor actor, CountedItem item) throws FrontdeskException {
    return item.withNative(i -> {
      i.setKind(code("item_kind", i.getKind()));
      return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_item_add(o, store.handle(), a, i)));
    });
  }

  /** R-VIS-4: issues an item in stock to a visitor on site; a card is issued once at a time. */
  public static void issueItem(Store store, Actor actor, long itemId, long visitId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_item_issue(store.handle(), a, itemId, visitId);
      return null;
    });
  }

  /** R-VIS-4: records an issued item returned ({@code note} may be null). */
  public static void returnItem(Store store, Actor actor, long itemId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_item_return(store.handle(), a, itemId, note);
      return null;
    });
  }

  /** R-VIS-4: records an item lost, saying what happened. */
  public static void loseItem(Store store, Actor actor, long itemId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_item_lost(store.handle(), a, itemId, note);
      return null;
    });
  }

  /** R-VIS-4: records a lost item found again: back in stock. */
  public static void itemFound(Store store, Actor actor, long itemId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_item_found(store.handle(), a, itemId, note);
      return null;
    });
  }

  /**
   * R-VIS-4: records a count of {@code kind} at the shift's "start" or "end", entered by the actor and
   * signed by {@code cosigner}; the store adds what should be in stock. Returns the count's id.
   */
  public static long countItems(Store store, Actor actor, String kind, String moment, long counted, long cosigner)
      throws FrontdeskException {
    String k = code("item_kind", kind), m = code("moment", moment);
    return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_item_count(o, store.handle(), a, k, m,
        counted, cosigner)));
  }

  /** R-VIS-4, R-COM-4: explains the difference of an open count. */
  public static void explainCount(Store store, Actor actor, long countId, String explanation) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_item_count_explain(store.handle(), a, countId, explanation);
      return null;
    });
  }

  /** The site's counted items matching {@code filter} (null: all). */
  public static RecordIterator<CountedItem> countedItems(Store store, Actor actor, CountedItemFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> CountedItemFilter.query(filter, store.handle(), a));
  }

  /** One counted item by id. */
  public static CountedItem countedItem(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> CountedItem.get(store.handle(), a, id));
  }

  /**
   * R-VIS-4: the counted item with the code written on it, folded as the store keeps codes
   * (ｖ０１ and v01 find V01); FD_ENOTFOUND naming {@code code} when there is none.
   */
  public static CountedItem itemByCode(Store store, Actor actor, String code) throws FrontdeskException {
    return store.as(actor, a -> CountedItem.own(o -> FrontdeskNative.fd_store_item_get_by_code(o, store.handle(), a,
        code)));
  }

  /** The changes of items matching {@code filter} (null: all), oldest first. */
  public static RecordIterator<ItemEvent> itemEvents(Store store, Actor actor, ItemEventFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ItemEventFilter.query(filter, store.handle(), a));
  }

  /** One item event by id. */
  public static ItemEvent itemEvent(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> ItemEvent.get(store.handle(), a, id));
  }

  /** The counts of items matching {@code filter} (null: all). */
  public static RecordIterator<ItemCount> itemCounts(Store store, Actor actor, ItemCountFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> ItemCountFilter.query(filter, store.handle(), a));
  }

  /** One count by id. */
  public static ItemCount itemCount(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> ItemCount.get(store.handle(), a, id));
  }

  // -- custody: goods release, items left, parcels (R-VIS-7, R-VIS-8) ----------------------------

  /** R-VIS-7: a list of goods as people write it, canonical: "电脑2台，椅子×4" → "电脑×2；椅子×4". */
  public static String parseGoodsItems(String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_goods_items_parse(o, text));
  }

  /**
   * R-VIS-7: what differs between the goods counted at the gate and a permit's ("椅子 4→5"); "" when
   * they match.
   */
  public static String compareGoodsItems(String permitItems, String countedItems) throws FrontdeskException {
    int[] match = new int[1];
    String[] difference = new String[1];
    FrontdeskNative.fd_goods_items_compare(match, difference, permitItems, countedItems);
    return difference[0];
  }

  /** Checks a goods permit as the store does before registering it. */
  public static void validate(GoodsPermit permit) throws FrontdeskException {
    permit.withNative(n -> {
      FrontdeskNative.fd_goods_permit_validate(n);
      return null;
    });
  }

  /** Checks a custody item as the store does before taking it in. */
  public static void validate(CustodyItem item) throws FrontdeskException {
    item.withNative(n -> {
      FrontdeskNative.fd_custody_item_validate(n);
      return null;
    });
  }

  /** What is due for a custody item: a notice, a reminder, handing on as unclaimed. */
  public static final class CustodyDue {
    private final boolean notify;
    private final boolean remind;
    private final Instant remindAt;
    private final boolean unclaimed;
    private final Instant unclaimedAt;

    CustodyDue(fd_custody_due d) {
      notify = d.getNotify() != 0;
      remind = d.getRemind() != 0;
      remindAt = d.getRemind_at() == 0 ? null : Convert.instant(d.getRemind_at());
      unclaimed = d.getUnclaimed() != 0;
      unclaimedAt = d.getUnclaimed_at() == 0 ? null : Convert.instant(d.getUnclaimed_at());
    }

    public boolean isNotify() {
      return notify;
    }

    public boolean isRemind() {
      return remind;
    }

    public Instant remindAt() {
      return remindAt;
    }

    public boolean isUnclaimed() {
      return unclaimed;
    }

    public Instant unclaimedAt() {
      return unclaimedAt;
    }
  }

  /** R-VIS-8: what is due at {@code now} for {@code item}. */
  public static CustodyDue custodyItemDue(CustodyItem item, Instant now, Policy policy) throws FrontdeskException {
    long at = Convert.seconds(now, "now");
    fd_custody_due d = new fd_custody_due();
    try {
      item.withNative(n -> {
        if (policy == null) {
          FrontdeskNative.fd_custody_item_due(d, n, at, null);
        } else {
          policy.call(p -> {
            FrontdeskNative.fd_custody_item_due(d, n, at, p);
            return null;
          });
        }
        return null;
      });
      return new CustodyDue(d);
    } finally {
      d.delete();
    }
  }

  /** R-VIS-7: registers a goods permit (of an ID document only the masked number is kept); returns its id. */
  public static long addGoodsPermit(Store store, Actor actor, GoodsPermit permit, IdDocument id)
      throws FrontdeskException {
    return permit.withNative(p -> withDoc(id, d -> store.as(actor,
        a -> Out.int64(o -> FrontdeskNative.fd_store_goods_permit_add(o, store.handle(), a, p, d)))));
  }

  /** R-VIS-7: approves a requested permit (manage grant). */
  public static void approveGoodsPermit(Store store, Actor actor, long permitId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_goods_permit_approve(store.handle(), a, permitId, note);
      return null;
    });
  }

  /** R-VIS-7: refuses a requested permit, saying why (manage grant). */
  public static void refuseGoodsPermit(Store store, Actor actor, long permitId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_goods_permit_refuse(store.handle(), a, permitId, note);
      return null;
    });
  }

  /** R-VIS-7: the guard's count at the gate; returns the check (matched, or what differs). */
  public static GoodsCheck checkGoods(Store store, Actor actor, long permitId, String items, String gate, String note)
      throws FrontdeskException {
    long id = store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_goods_check(o, store.handle(), a, permitId,
        items, gate, note)));
    return goodsCheck(store, actor, id);
  }

  /** Goods permits matching {@code filter} (null: all). */
  public static RecordIterator<GoodsPermit> goodsPermits(Store store, Actor actor, GoodsPermitFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> GoodsPermitFilter.query(filter, store.handle(), a));
  }

  /** One goods permit by id. */
  public static GoodsPermit goodsPermit(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> GoodsPermit.get(store.handle(), a, id));
  }

  /** Checks at the gate matching {@code filter} (null: all). */
  public static RecordIterator<GoodsCheck> goodsChecks(Store store, Actor actor, GoodsCheckFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> GoodsCheckFilter.query(filter, store.handle(), a));
  }

  /** One check at the gate by id. */
  public static GoodsCheck goodsCheck(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> GoodsCheck.get(store.handle(), a, id));
  }

  /** R-VIS-8: takes an item into custody; returns its id. */
  public static long addCustodyItem(Store store, Actor actor, CustodyItem item) throws FrontdeskException {
    return item.withNative(i -> {
      i.setKind(code("custody_kind", i.getKind()));
      return store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_custody_add(o, store.handle(), a, i)));
    });
  }

  /** R-VIS-8: the owner was told (sms, phone, wechat, note); later notices are reminders. */
  public static void notifyCustody(Store store, Actor actor, long itemId, String how, String note)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_custody_notify(store.handle(), a, itemId, code("custody_how", how), note);
      return null;
    });
  }

  /** R-VIS-8: the owner collects it, with a signature or an ID check ("signature", "id_check"). */
  public static void collectCustody(Store store, Actor actor, long itemId, String collectedBy, String method,
      String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_custody_collect(store.handle(), a, itemId, collectedBy, code("custody_how", method),
          note);
      return null;
    });
  }

  /** R-VIS-8: returned to whom it came from. */
  public static void returnCustody(Store store, Actor actor, long itemId, String returnedTo, String note)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_custody_return(store.handle(), a, itemId, returnedTo, note);
      return null;
    });
  }

  /** R-VIS-8: handed on (unclaimed left property to the police). */
  public static void handOnCustody(Store store, Actor actor, long itemId, String handedTo, String note)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_custody_hand_on(store.handle(), a, itemId, handedTo, note);
      return null;
    });
  }

  /** What custody holds and what is due. */
  public static final class CustodyStatus {
    private final long held;
    private final long toNotify;
    private final long toRemind;
    private final long unclaimed;
    private final long permitsRequested;
    private final long permitsApproved;
    private final long permitsMismatch;

    CustodyStatus(fd_custody_status s) {
      held = s.getHeld();
      toNotify = s.getTo_notify();
      toRemind = s.getTo_remind();
      unclaimed = s.getUnclaimed();
      permitsRequested = s.getPermits_requested();
      permitsApproved = s.getPermits_approved();
      permitsMismatch = s.getPermits_mismatch();
    }

    public long held() {
      return held;
    }

    public long toNotify() {
      return toNotify;
    }

    public long toRemind() {
      return toRemind;
    }

    public long unclaimed() {
      return unclaimed;
    }

    public long permitsRequested() {
      return permitsRequested;
    }

    public long permitsApproved() {
      return permitsApproved;
    }

    public long permitsMismatch() {
      return permitsMismatch;
    }
  }

  /** R-VIS-8, R-COM-4: what custody holds and what is due at the actor's instant. */
  public static CustodyStatus custodyStatus(Store store, Actor actor) throws FrontdeskException {
    fd_custody_status s = new fd_custody_status();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_custody_status(s, store.handle(), a);
        return null;
      });
      return new CustodyStatus(s);
    } finally {
      s.delete();
    }
  }

  /** Custody items matching {@code filter} (null: all). */
  public static RecordIterator<CustodyItem> custodyItems(Store store, Actor actor, CustodyItemFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> CustodyItemFilter.query(filter, store.handle(), a));
  }

  /** One custody item by id. */
  public static CustodyItem custodyItem(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> CustodyItem.get(store.handle(), a, id));
  }

  /** The steps of custody items matching {@code filter} (null: all). */
  public static RecordIterator<CustodyEvent> custodyEvents(Store store, Actor actor, CustodyEventFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> CustodyEventFilter.query(filter, store.handle(), a));
  }

  /** One custody event by id. */
  public static CustodyEvent custodyEvent(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> CustodyEvent.get(store.handle(), a, id));
  }

  // -- important visits (R-VIS-6) ----------------------------------------------------------

  /**
   * R-VIS-6: checks an item to be added to {@code visit}'s checklist as the store does: the
   * visit important, not arrived, not closed; a due at or before its planned start.
   */
  public static void validate(VisitPrep prep, Visit visit) throws FrontdeskException {
    prep.withNative(p -> visit.withNative(v -> {
      FrontdeskNative.fd_visit_prep_validate(p, v);
      return null;
    }));
  }

  /** Where a preparation item stands: its due, whether open, overdue or done late. */
  public static final class PrepDue {
    private final Instant dueAt;
    private final boolean open;
    private final boolean overdue;
    private final boolean late;

    PrepDue(fd_prep_due d) {
      dueAt = d.getDue_at() == 0 ? null : Convert.instant(d.getDue_at());
      open = d.getOpen() != 0;
      overdue = d.getOverdue() != 0;
      late = d.getLate() != 0;
    }

    /** Its own due, else the visit's planned start; null when neither. */
    public Instant dueAt() {
      return dueAt;
    }

    public boolean isOpen() {
      return open;
    }

    public boolean isOverdue() {
      return overdue;
    }

    public boolean isLate() {
      return late;
    }
  }

  /** R-VIS-6: where {@code prep} stands at {@code now} for a visit planned to start at {@code plannedFrom} (null: not known). */
  public static PrepDue prepDue(VisitPrep prep, Instant plannedFrom, Instant now) throws FrontdeskException {
    long from = plannedFrom == null ? 0 : Convert.seconds(plannedFrom, "planned_from");
    long at = Convert.seconds(now, "now");
    fd_prep_due d = new fd_prep_due();
    try {
      prep.withNative(p -> {
        FrontdeskNative.fd_visit_prep_due(d, p, from, at);
        return null;
      });
      return new PrepDue(d);
    } finally {
      d.delete();
    }
  }

  /** R-VIS-6: adds an item to an important visit's checklist (visitId, item, dueAt); returns its id. */
  public static long addPrep(Store store, Actor actor, VisitPrep prep) throws FrontdeskException {
    return prep.withNative(p -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_visit_prep_add(o,
        store.handle(), a, p))));
  }

  /** R-VIS-6: ticks off a checklist item, once, by the actor at its instant. */
  public static void prepDone(Store store, Actor actor, long prepId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_visit_prep_done(store.handle(), a, prepId, note);
      return null;
    });
  }

  /** An important visit's checklist: items, done, open, overdue, late, the earliest open due. */
  public static final class PrepStatus {
    private final long items;
    private final long done;
    private final long open;
    private final long overdue;
    private final long late;
    private final Instant firstDue;

    PrepStatus(fd_visit_prep_status s) {
      items = s.getItems();
      done = s.getDone();
      open = s.getOpen();
      overdue = s.getOverdue();
      late = s.getLate();
      firstDue = s.getFirst_due() == 0 ? null : Convert.instant(s.getFirst_due());
    }

    public long items() {
      return items;
    }

    public long done() {
      return done;
    }

    public long open() {
      return open;
    }

    public long overdue() {
      return overdue;
    }

    public long late() {
      return late;
    }

    /** The earliest due among the open items; null when none. */
    public Instant firstDue() {
      return firstDue;
    }
  }

  /** R-VIS-6: how far visit {@code visitId}'s checklist is done at the actor's instant. */
  public static PrepStatus prepStatus(Store store, Actor actor, long visitId) throws FrontdeskException {
    fd_visit_prep_status s = new fd_visit_prep_status();
    try {
      store.as(actor, a -> {
        FrontdeskNative.fd_store_visit_prep_status(s, store.handle(), a, visitId);
        return null;
      });
      return new PrepStatus(s);
    } finally {
      s.delete();
    }
  }

  /**
   * R-VIS-6: one page of the important visits planned to start in [{@code from}, {@code to}), not
   * cancelled, with checklist items still open, in id order: after id {@code after}, at most {@code limit} (1..64).
   */
  public static RecordIterator<Visit> importantOpen(Store store, Actor actor, Instant from, Instant to, long after,
      long limit) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_visit_iter[] it = new SWIGTYPE_p_fd_visit_iter[1];
      FrontdeskNative.fd_store_visit_prep_open(it, store.handle(), a, f, t, after, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_visit_iter_free, i -> {
        fd_visit[] row = new fd_visit[1];
        FrontdeskNative.fd_visit_iter_next(row, i);
        return row[0] == null ? null : Visit.fromNative(row[0]);
      });
    });
  }

  /** Preparation items matching {@code filter} (null: all). */
  public static RecordIterator<VisitPrep> preps(Store store, Actor actor, VisitPrepFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> VisitPrepFilter.query(filter, store.handle(), a));
  }

  /** One preparation item by id. */
  public static VisitPrep prep(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> VisitPrep.get(store.handle(), a, id));
  }

  // -- the day's counts, for the daily report (issue 12, item 8; R-COM-4) -------------------

  /** The counts of fd_visit_stats, in its order. */
  private static final String[] STATS = {
      "registered", "walk_ins", "preregistered", "important", "arrived", "left", "declined", "refused", "cancelled",
      "expected", "not_come", "on_site", "overstays", "items_issued", "items_returned", "items_lost", "items_found",
      "items_out", "items_unreturned", "counts_open", "custody_deposited", "custody_collected", "custody_returned",
      "custody_handed_on", "custody_held", "custody_to_notify", "custody_to_remind", "custody_unclaimed",
      "goods_checked", "goods_released", "goods_mismatches", "blocklist_matches", "blocklist_warning_pending",
      "blocklist_warning_admitted", "blocklist_warning_refused", "blocklist_limited_pending",
      "blocklist_limited_admitted", "blocklist_limited_refused", "blocklist_forbidden_pending",
      "blocklist_forbidden_admitted", "blocklist_forbidden_refused"
  };

  /**
   * R-COM-4: the visitor log of the actor's site counted for [{@code from}, {@code to}) and what stood at
   * its end (or at the actor's instant, when earlier), by name as in fd_visit_stats ("walk_ins",
   * "items_unreturned", "blocklist_forbidden_refused" ...), in order: each from one range of one index.
   * Counts only, never a name or number.
   */
  public static Map<String, Long> stats(Store store, Actor actor, Instant from, Instant to) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    fd_visit_stats s = new fd_visit_stats();
    try {
      s.setVersion(FrontdeskNative.FD_VISIT_STATS_VERSION);
      store.as(actor, a -> {
        FrontdeskNative.fd_store_visit_stats(s, store.handle(), a, f, t);
        return null;
      });
      return Convert.counts(s, STATS);
    } finally {
      s.delete();
    }
  }
}
