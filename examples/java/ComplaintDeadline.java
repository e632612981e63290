import java.time.Instant;
import java.time.LocalDateTime;
import org.frontdesk.LocalTimes;
import org.frontdesk.Policy;
import org.frontdesk.WorkCalendar;

/**
 * When must a complaint be answered and resolved? The pure rules only: the working calendar
 * (holidays and make-up days) and the policy, no database (R-CPL-2) — what a suite with its own
 * database uses. Usage: java -cp frontdesk.jar:. ComplaintDeadline [YYYY-MM-DDTHH:MM] (site-local,
 * Asia/Shanghai; default 2026-09-30T17:00, the eve of the National Day holiday).
 */
public final class ComplaintDeadline {
  private static final String ZONE = "Asia/Shanghai";
  private static final String[][] STEPS = { // what, policy key, unit
    {"major: first answer", "complaint.major.answer_days", "working_days"},
    {"major: resolved", "complaint.major.resolve_days", "working_days"},
    {"important: escalated", "complaint.important.escalate_minutes", "business_minutes"},
    {"important: resolved", "complaint.important.resolve_days", "working_days"},
    {"minor: resolved", "complaint.minor.resolve_days", "working_days"},
  };

  public static void main(String[] args) throws Exception {
    LocalDateTime local = args.length > 0 ? LocalDateTime.parse(args[0]) : LocalDateTime.of(2026, 9, 30, 17, 0);
    try (Policy policy = Policy.defaults(); WorkCalendar cal = WorkCalendar.builtin()) {
      Instant received = LocalTimes.instantFromLocal(ZONE, local);
      System.out.println("complaint received " + LocalTimes.format(ZONE, received));
      for (String[] s : STEPS) {
        long amount = policy.get(s[1]);
        Instant due = cal.deadline(received, amount, WorkCalendar.Unit.fromName(s[2]), policy);
        System.out.printf("  %-22s %3d %-16s -> %s%n", s[0], amount, s[2], LocalTimes.format(ZONE, due));
      }
    }
  }
}
