package org.frontdesk;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_cdr_parser;
import org.frontdesk.swig.SWIGTYPE_p_fd_dir_entry_iter;
import org.frontdesk.swig.fd_call;
import org.frontdesk.swig.fd_call_stats;
import org.frontdesk.swig.fd_cdr_import_summary;
import org.frontdesk.swig.fd_cdr_leg;
import org.frontdesk.swig.fd_cdr_options;
import org.frontdesk.swig.fd_dir_entry;
import org.frontdesk.swig.fd_guest;
import org.frontdesk.swig.fd_screen_decision;

/**
 * Calls (issue 11): the call register, PBX call-detail records, call-back and reply tasks,
 * messages, the directory with screening, and hotel guests (R-CALL-1 … R-CALL-12).
 * The rules ({@link #assess}, {@link #screen}, {@link #guestAnswer} ...) are pure functions over
 * the records, for suites with their own database; the rest reads and writes a {@link Store}.
 * Codes are English words ("inquiry"); {@link #codeLabel} gives 咨询, {@link #codeParse} takes either.
 */
public final class Calls {
  private Calls() {}

  // -- codes -----------------------------------------------------------------------

  /** The Chinese label of {@code code} in the list {@code field} ("category", "inquiry" → "咨询"); null when unknown. */
  public static String codeLabel(String field, String code) throws FrontdeskException {
    return FrontdeskNative.fd_call_code_label(field, code);
  }

  /** The code of {@code text} (the code or its label, Simplified or Traditional) in the list {@code field}. */
  public static String codeParse(String field, String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_call_code_parse(o, field, text));
  }

  // -- rules (pure) ------------------------------------------------------------------

  private interface WithPolicy<R> {
    R apply(org.frontdesk.swig.SWIGTYPE_p_fd_policy p) throws FrontdeskException;
  }

  private static <R> R withPolicy(Policy policy, WithPolicy<R> f) throws FrontdeskException {
    return policy == null ? f.apply(null) : policy.call(f::apply);
  }

  /** R-CALL-1: rings before the answer, from the policy's ring period (null: the defaults). */
  public static long rings(Instant ringAt, Instant answerAt, Policy policy) throws FrontdeskException {
    long r = Convert.seconds(ringAt, "ring_at");
    long a = Convert.seconds(answerAt, "answer_at");
    return withPolicy(policy, p -> Out.int64(o -> FrontdeskNative.fd_call_rings(o, r, a, p)));
  }

  /**
   * The call with rings, late and over_limit derived, after every check the store makes
   * (R-CALL-1, R-CALL-3, R-CALL-4, R-CALL-7); throws naming the field.
   */
  public static Call assess(Call call, Policy policy) throws FrontdeskException {
    return call.withNative(n -> withPolicy(policy, p -> {
      FrontdeskNative.fd_call_assess(n, p);
      return Call.fromNative(n);
    }));
  }

  /** R-CALL-8: whether the call needs a call-back at once (an incoming call that was dropped). */
  public static boolean needsCallback(Call call) throws FrontdeskException {
    return call.withNative(n -> Out.flag(o -> FrontdeskNative.fd_call_needs_callback(o, n)));
  }

  /** R-CALL-9: when the reply to a question not answered on a call received at {@code start} is due. */
  public static WorkCalendar.Deadline replyDue(WorkCalendar calendar, Instant start, Policy policy)
      throws FrontdeskException {
    long s = Convert.seconds(start, "start");
    long[] due = new long[1];
    int[] provisional = new int[1];
    calendar.call(policy, (c, p) -> {
      FrontdeskNative.fd_call_reply_due(due, provisional, c, s, p);
      return null;
    });
    return new WorkCalendar.Deadline(Instant.ofEpochSecond(due[0]), provisional[0] != 0, "");
  }

  /** R-CALL-6: whether a message still not delivered is older than message.deliver_within_minutes at {@code now}. */
  public static boolean messageOverdue(Message message, Instant now, Policy policy) throws FrontdeskException {
    long t = Convert.seconds(now, "now");
    return message.withNative(n -> withPolicy(policy, p -> Out.flag(o -> FrontdeskNative.fd_message_overdue(o, n, t, p))));
  }

  /** What the desk does with a call for a directory entry. */
  public enum ScreenAction {
    /** Put it through to the entry's extension. */
    TRANSFER,
    /** Put it through to {@link ScreenDecision#routeEntry()} (account manager, purchasing). */
    ROUTE,
    /** Ask the caller's name and unit; transfer once the leader agrees (R-CALL-5). */
    CONFIRM,
    /** Decline politely and note the details (sales, R-CALL-12). */
    DECLINE,
    /** The callee is out, busy or not to be disturbed: offer a message or a call-back (R-CALL-6). */
    MESSAGE
  }

  /** The screening decision: action, entry to route to (0 when none), what to say, the deciding rule. */
  public static final class ScreenDecision {
    private final ScreenAction action;
    private final long routeEntry;
    private final String script;
    private final String rule;

    ScreenDecision(ScreenAction action, long routeEntry, String script, String rule) {
      this.action = action;
      this.routeEntry = routeEntry;
      this.script = script;
      this.rule = rule;
    }

    /** The action. */
    public ScreenAction action() {
      return action;
    }

    /** The entry to put the call through to with ROUTE, 0 otherwise. */
    public long routeEntry() {
      return routeEntry;
    }

    /** What the desk says. */
    public String script() {
      return script;
    }

    /** The rule that decided, e.g. "R-CALL-12". */
    public String rule() {
      return rule;
    }

    @Override
    public String toString() {
      return action + " (" + rule + "): " + script;
    }
  }

  /** R-CALL-5, R-CALL-6, R-CALL-12: what to do with a call for {@code entry} from a caller of {@code callerType}. */
  public static ScreenDecision screen(DirEntry entry, String callerType, Instant now) throws FrontdeskException {
    long t = Convert.seconds(now, "now");
    fd_screen_decision d = new fd_screen_decision();
    try {
      d.setVersion(FrontdeskNative.FD_SCREEN_DECISION_VERSION);
      entry.withNative(n -> {
        FrontdeskNative.fd_dir_screen(d, n, callerType, t);
        return null;
      });
      return new ScreenDecision(ScreenAction.values()[d.getAction()], d.getRoute_entry(), d.getScript(), d.getRule());
    } finally {
      d.delete();
    }
  }

  /** The answer to a caller asking for a hotel guest (R-CALL-11). */
  public enum GuestAnswer {
    /** In house: transfer to the room. */
    IN_HOUSE,
    /** Checked out: say when. */
    CHECKED_OUT,
    /** Due to arrive: say not yet arrived. */
    NOT_ARRIVED,
    /** No such guest (also an incognito guest the actor may not see). */
    NONE;

    /** "in_house", "checked_out", "not_arrived" or "none". */
    public String code() {
      return FrontdeskNative.fd_guest_answer_name(ordinal());
    }
  }

  /** R-CALL-11: the answer about {@code guest} (null: none found) on {@code today}, the site's date. */
  public static GuestAnswer guestAnswer(Guest guest, LocalDate today, boolean mayReveal) throws FrontdeskException {
    int r = guest == null
        ? Out.int32(o -> FrontdeskNative.fd_guest_answer_for(o, null, today, 0))
        : guest.withNative(n -> Out.int32(o -> FrontdeskNative.fd_guest_answer_for(o, n, today, mayReveal ? 1 : 0)));
    return GuestAnswer.values()[r];
  }

  // -- call-detail records -------------------------------------------------------------

  /** CDR file formats. */
  public enum CdrDialect {
    /** Asterisk cdr_csv (Master.csv), 16, 17, 18 or 21 columns. */
    ASTERISK_CSV,
    /** Asterisk cdr_custom, the sample mapping. */
    ASTERISK_CUSTOM,
    /** FreeSWITCH mod_cdr_csv, the default template. */
    FREESWITCH_CSV,
    /** CSV with a header row and a column map. */
    GENERIC;

    /** The dialect's name as the C API spells it ("asterisk_csv"). */
    public String code() {
      return FrontdeskNative.fd_cdr_dialect_name(ordinal());
    }

    /** The dialect named {@code name}; FD_EINVAL naming the dialects otherwise. */
    public static CdrDialect of(String name) throws FrontdeskException {
      return values()[Out.int32(o -> FrontdeskNative.fd_cdr_dialect_from_name(o, name))];
    }
  }

  /** Parses the lines of one CDR file. Close it (try-with-resources). */
  public static final class CdrParser extends NativeHandle<SWIGTYPE_p_fd_cdr_parser> {
    private CdrParser(SWIGTYPE_p_fd_cdr_parser p) {
      super(p, FrontdeskNative::fd_cdr_parser_free);
    }

    /**
     * A parser: {@code source} names the PBX (part of each leg's key), {@code timeZone} places times
     * written without a zone (null: Asia/Shanghai), {@code columnMap} only for GENERIC.
     */
    public static CdrParser open(CdrDialect dialect, String source, String timeZone, String columnMap)
        throws FrontdeskException {
      SWIGTYPE_p_fd_cdr_parser[] out = new SWIGTYPE_p_fd_cdr_parser[1];
      FrontdeskNative.fd_cdr_parser_new(out, dialect.ordinal(), source, timeZone, columnMap);
      return new CdrParser(out[0]);
    }

    /** The leg of one line, or null for a blank line or the generic header; throws naming the column. */
    public CdrLeg parseLine(String line) throws FrontdeskException {
      return call(p -> {
        fd_cdr_leg[] out = new fd_cdr_leg[1];
        FrontdeskNative.fd_cdr_parse_line(out, p, line);
        if (out[0] == null) {
          return null;
        }
        try {
          return CdrLeg.fromNative(out[0]);
        } finally {
          FrontdeskNative.fd_cdr_leg_free(out[0]);
        }
      });
    }
  }

  /** The call the legs of one call make (first ring, who answered, the transfer chain ...), not yet assessed. */
  public static Call assemble(List<CdrLeg> legs) throws FrontdeskException {
    Objects.requireNonNull(legs, "legs");
    List<fd_cdr_leg> natives = new ArrayList<>();
    try {
      for (CdrLeg leg : legs) {
        natives.add(leg == null ? null : leg.toNative());
      }
      fd_cdr_leg[] arr = natives.toArray(new fd_cdr_leg[0]);
      fd_call[] out = new fd_call[1];
      FrontdeskNative.fd_cdr_assemble(out, arr);
      try {
        return Call.fromNative(out[0]);
      } finally {
        FrontdeskNative.fd_call_free(out[0]);
      }
    } finally {
      for (fd_cdr_leg n : natives) {
        if (n != null) {
          n.delete();
        }
      }
    }
  }

  // -- the store's side -----------------------------------------------------------------

  /**
   * Logs a call (R-CALL-3): rings, late and over_limit derived by the rules; a dropped incoming
   * call gets a call-back task (R-CALL-8), an unresolved one a reply task (R-CALL-9). Returns its id.
   */
  public static long logCall(Store store, Actor actor, Call call) throws FrontdeskException {
    return call.withNative(c -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_call_add(o, store.handle(), a, c))));
  }

  /**
   * Calls of the actor's site matching {@code filter} (null: all), streamed, numbers masked unless revealed.
   * A {@code callerNumber} filter (it needs the reveal grant) compares the stored national form: give
   * {@link #normalizedNumber} of what the caller typed.
   */
  public static RecordIterator<Call> calls(Store store, Actor actor, CallFilter filter) throws FrontdeskException {
    return store.as(actor, a -> CallFilter.query(filter, store.handle(), a));
  }

  /** A number as calls store it ("+86 138-0013-8000" → "13800138000"), for a {@code callerNumber} filter. */
  public static String normalizedNumber(String typed) throws FrontdeskException {
    return Phone.parse(typed).national();
  }

  /** One call by id. */
  public static Call call(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Call.get(store.handle(), a, id));
  }

  /** Call-back and reply tasks matching {@code filter} (null: all). */
  public static RecordIterator<CallTask> tasks(Store store, Actor actor, CallTaskFilter filter) throws FrontdeskException {
    return store.as(actor, a -> CallTaskFilter.query(filter, store.handle(), a));
  }

  /** One task by id. */
  public static CallTask task(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> CallTask.get(store.handle(), a, id));
  }

  /** Marks a call-back or reply task done with what was said (R-CALL-8, R-CALL-9). */
  public static void completeTask(Store store, Actor actor, long taskId, String outcome) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_call_task_done(store.handle(), a, taskId, outcome);
      return null;
    });
  }

  /** Takes a message (R-CALL-6); it must be read back and confirmed. Returns its id. */
  public static long takeMessage(Store store, Actor actor, Message message) throws FrontdeskException {
    return message.withNative(m -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_message_take(o, store.handle(), a, m))));
  }

  /** Records a message delivered ({@code how}: in_person, phone, sms, wechat, email, note). */
  public static void deliverMessage(Store store, Actor actor, long messageId, String how, String note)
      throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_message_deliver(store.handle(), a, messageId, how, note);
      return null;
    });
  }

  /** Records a message expired undelivered, saying why. */
  public static void expireMessage(Store store, Actor actor, long messageId, String note) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_message_expire(store.handle(), a, messageId, note);
      return null;
    });
  }

  /** Messages matching {@code filter} (null: all); state "taken" lists the undelivered. */
  public static RecordIterator<Message> messages(Store store, Actor actor, MessageFilter filter) throws FrontdeskException {
    return store.as(actor, a -> MessageFilter.query(filter, store.handle(), a));
  }

  /** One message by id. */
  public static Message message(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Message.get(store.handle(), a, id));
  }

  /** State changes of messages matching {@code filter}, oldest first. */
  public static RecordIterator<MessageEvent> messageEvents(Store store, Actor actor, MessageEventFilter filter)
      throws FrontdeskException {
    return store.as(actor, a -> MessageEventFilter.query(filter, store.handle(), a));
  }

  /** Adds a directory entry (needs Grant.MANAGE); returns its id. */
  public static long addDirEntry(Store store, Actor actor, DirEntry entry) throws FrontdeskException {
    return entry.withNative(e -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_dir_add(o, store.handle(), a, e))));
  }

  /** Sets an entry's presence (in, out, busy, dnd) until {@code until} (null: until changed). */
  public static void setPresence(Store store, Actor actor, long entryId, String presence, Instant until)
      throws FrontdeskException {
    long u = until == null ? 0 : Convert.seconds(until, "until");
    store.as(actor, a -> {
      FrontdeskNative.fd_store_dir_presence_set(store.handle(), a, entryId, presence, u);
      return null;
    });
  }

  /**
   * Entries for a caller's request — name, pinyin, initials, Traditional input or an extension —
   * the first {@code limit} (1..64) in collation order (R-CALL-6); confidential numbers masked (R-CALL-5).
   */
  public static RecordIterator<DirEntry> find(Store store, Actor actor, String query, long limit) throws FrontdeskException {
    return store.as(actor, a -> {
      SWIGTYPE_p_fd_dir_entry_iter[] it = new SWIGTYPE_p_fd_dir_entry_iter[1];
      FrontdeskNative.fd_store_dir_find(it, store.handle(), a, query, limit);
      return new RecordIterator<>(it[0], FrontdeskNative::fd_dir_entry_iter_free, i -> {
        fd_dir_entry[] row = new fd_dir_entry[1];
        FrontdeskNative.fd_dir_entry_iter_next(row, i);
        return row[0] == null ? null : DirEntry.fromNative(row[0]);
      });
    });
  }

  /** Directory entries matching {@code filter} (null: all), in id order. */
  public static RecordIterator<DirEntry> directory(Store store, Actor actor, DirEntryFilter filter) throws FrontdeskException {
    return store.as(actor, a -> DirEntryFilter.query(filter, store.handle(), a));
  }

  /** One directory entry by id. */
  public static DirEntry dirEntry(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> DirEntry.get(store.handle(), a, id));
  }

  /** Registers a hotel guest (R-CALL-11). Returns the id. */
  public static long addGuest(Store store, Actor actor, Guest guest) throws FrontdeskException {
    return guest.withNative(g -> store.as(actor, a -> Out.int64(o -> FrontdeskNative.fd_store_guest_add(o, store.handle(), a, g))));
  }

  /** Records a guest's check-out at the actor's instant. */
  public static void checkOutGuest(Store store, Actor actor, long guestId) throws FrontdeskException {
    store.as(actor, a -> {
      FrontdeskNative.fd_store_guest_checkout(store.handle(), a, guestId);
      return null;
    });
  }

  /** A caller asks for a guest: the answer and the guest found (null for NONE). */
  public static final class GuestLookup {
    private final GuestAnswer answer;
    private final Guest guest;

    GuestLookup(GuestAnswer answer, Guest guest) {
      this.answer = answer;
      this.guest = guest;
    }

    /** What to tell the caller. */
    public GuestAnswer answer() {
      return answer;
    }

    /** The guest found, null for NONE. */
    public Guest guest() {
      return guest;
    }
  }

  /** R-CALL-11: the answer for a caller asking for a guest by name and/or room (either may be null). */
  public static GuestLookup lookupGuest(Store store, Actor actor, String name, String room) throws FrontdeskException {
    return store.as(actor, a -> {
      int[] answer = new int[1];
      fd_guest[] g = new fd_guest[1];
      FrontdeskNative.fd_store_guest_lookup(answer, g, store.handle(), a, name, room);
      Guest found = null;
      if (g[0] != null) {
        try {
          found = Guest.fromNative(g[0]);
        } finally {
          FrontdeskNative.fd_guest_free(g[0]);
        }
      }
      return new GuestLookup(GuestAnswer.values()[answer[0]], found);
    });
  }

  /** Guests matching {@code filter} (null: all). */
  public static RecordIterator<Guest> guests(Store store, Actor actor, GuestFilter filter) throws FrontdeskException {
    return store.as(actor, a -> GuestFilter.query(filter, store.handle(), a));
  }

  /** One guest by id. */
  public static Guest guest(Store store, Actor actor, long id) throws FrontdeskException {
    return store.as(actor, a -> Guest.get(store.handle(), a, id));
  }

  /** What a CDR import did; {@link #rejects()} maps line numbers to reasons. */
  public static final class CdrImport {
    private final long lines;
    private final long imported;
    private final long already;
    private final long rejected;
    private final long callsAdded;
    private final long callsUpdated;
    private final Map<Long, String> rejects;

    CdrImport(fd_cdr_import_summary s, String rejectText) {
      lines = s.getLines();
      imported = s.getImported();
      already = s.getAlready();
      rejected = s.getRejected();
      callsAdded = s.getCalls_added();
      callsUpdated = s.getCalls_updated();
      Map<Long, String> m = new LinkedHashMap<>();
      for (String line : rejectText.split("\n")) {
        int colon = line.indexOf(": ");
        if (line.startsWith("line ") && colon > 5) {
          m.put(Long.parseLong(line.substring(5, colon)), line.substring(colon + 2));
        }
      }
      rejects = Collections.unmodifiableMap(m);
    }

    /** Non-empty lines read. */
    public long lines() {
      return lines;
    }

    /** Legs stored now. */
    public long imported() {
      return imported;
    }

    /** Legs already there from an earlier import. */
    public long already() {
      return already;
    }

    /** Lines refused. */
    public long rejected() {
      return rejected;
    }

    /** Calls assembled for the first time. */
    public long callsAdded() {
      return callsAdded;
    }

    /** Calls re-assembled because legs of theirs arrived now. */
    public long callsUpdated() {
      return callsUpdated;
    }

    /** Line number → reason of every line refused, in file order. */
    public Map<Long, String> rejects() {
      return rejects;
    }
  }

  private interface Importer {
    void run(fd_cdr_import_summary s, String[] rejects, org.frontdesk.swig.fd_actor a, fd_cdr_options o)
        throws FrontdeskException;
  }

  private static CdrImport importWith(Store store, Actor actor, String source, CdrDialect dialect, String timeZone,
      String columnMap, Importer run) throws FrontdeskException {
    fd_cdr_options o = new fd_cdr_options();
    fd_cdr_import_summary s = new fd_cdr_import_summary();
    try {
      o.setVersion(FrontdeskNative.FD_CDR_OPTIONS_VERSION);
      o.setDialect(dialect.code());
      o.setSource(source);
      o.setTime_zone(timeZone);
      o.setColumn_map(columnMap);
      s.setVersion(FrontdeskNative.FD_CDR_IMPORT_SUMMARY_VERSION);
      String[] rejects = new String[1];
      store.as(actor, a -> {
        run.run(s, rejects, a, o);
        return null;
      });
      return new CdrImport(s, rejects[0] == null ? "" : rejects[0]);
    } finally {
      o.delete();
      s.delete();
    }
  }

  /**
   * Imports CDR text (a whole file's contents) idempotently (R-CALL-3): good lines become legs and
   * assembled calls, bad lines are listed with their numbers; {@code timeZone} null = the site's.
   */
  public static CdrImport importCdr(Store store, Actor actor, String source, CdrDialect dialect, String text,
      String timeZone, String columnMap) throws FrontdeskException {
    return importWith(store, actor, source, dialect, timeZone, columnMap,
        (s, r, a, o) -> FrontdeskNative.fd_store_cdr_import(s, r, store.handle(), a, o, text));
  }

  /** As {@link #importCdr(Store, Actor, String, CdrDialect, String, String, String)}, reading {@code path}. */
  public static CdrImport importCdr(Store store, Actor actor, String source, CdrDialect dialect, Path path,
      String timeZone, String columnMap) throws FrontdeskException {
    return importWith(store, actor, source, dialect, timeZone, columnMap,
        (s, r, a, o) -> FrontdeskNative.fd_store_cdr_import_file(s, r, store.handle(), a, o, path.toString()));
  }

  /** Raw CDR legs as imported, matching {@code filter} (null: all). */
  public static RecordIterator<CdrLeg> cdrLegs(Store store, Actor actor, CdrLegFilter filter) throws FrontdeskException {
    return store.as(actor, a -> CdrLegFilter.query(filter, store.handle(), a));
  }

  /** The counts of fd_call_stats, in its order. */
  private static final String[] STATS = {
      "total", "incoming", "outgoing", "internal", "answered", "no_answer", "busy", "failed", "congestion",
      "cancelled", "dropped", "inquiry", "suggestion", "complaint", "praise", "repair", "fault", "business",
      "personal", "wrong_number", "uncategorised", "picked_up", "within_rings", "late", "late_apology", "late_no_apology",
      "late_unknown", "rings_1", "rings_2", "rings_3", "rings_4_6", "rings_7_plus", "answer_p50_s",
      "answer_p90_s", "answer_max_s", "over_limit", "not_read_back", "open_callbacks", "open_replies",
      "overdue_tasks", "messages_open", "messages_overdue"
  };

  /**
   * Counts of the calls that started ringing in [{@code from}, {@code to}) and the tasks and messages
   * open at {@code to}, by name as in fd_call_stats ("late_no_apology", "rings_4_6" ...), in order.
   */
  public static Map<String, Long> stats(Store store, Actor actor, Instant from, Instant to) throws FrontdeskException {
    long f = Convert.seconds(from, "from");
    long t = Convert.seconds(to, "to");
    fd_call_stats s = new fd_call_stats();
    try {
      s.setVersion(FrontdeskNative.FD_CALL_STATS_VERSION);
      store.as(actor, a -> {
        FrontdeskNative.fd_store_call_stats(s, store.handle(), a, f, t);
        return null;
      });
      return Convert.counts(s, STATS);
    } finally {
      s.delete();
    }
  }
}
