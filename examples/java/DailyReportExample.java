import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.frontdesk.Actor;
import org.frontdesk.DailyReport;
import org.frontdesk.LocalTimes;
import org.frontdesk.Store;
import org.frontdesk.Transaction;

/**
 * A day at the front desk, then its daily report (R-COM-4): the smallest complete Java use of
 * the store. Usage: java -cp frontdesk.jar:. DailyReportExample DB_PATH
 */
public final class DailyReportExample {
  private static final String ZONE = "Asia/Shanghai";
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final String[][] ENTRIES = { // site-local time, entity, action, detail
    {"08:25", "shift", "takeover", "早班接班：访客卡 20 张"},
    {"09:12", "call", "log", "张先生来电报修 13800138000"},
    {"10:03", "visitor", "register", "李女士来访 3 号楼"},
    {"17:30", "shift", "handover", "访客卡 20 张，在库 18 张"},
  };

  private static Instant at(String hhmm) throws Exception {
    return LocalTimes.instantFromLocal(ZONE, LocalDateTime.of(DAY, LocalTime.parse(hhmm)));
  }

  public static void main(String[] args) throws Exception {
    new File(args[0]).delete();
    try (Store store = Store.open(args[0])) {
      long site;
      long clerk;
      try (Transaction t = store.begin()) { // committed together, or not at all
        site = store.addSite(Actor.system(0, at("08:00")), "park", "某某产业园", ZONE);
        clerk = store.addStaff(Actor.system(site, at("08:00")), "F001", "王小丽", "clerk");
        for (String[] e : ENTRIES) {
          store.journalAdd(Actor.of(site, clerk, at(e[0])), e[1], 0, e[2], e[3]);
        }
        t.commit();
      }
      try (DailyReport report = store.dailyReport(Actor.of(site, clerk, at("18:00")), DAY)) {
        System.out.println(report.text());
        System.out.println("daily report " + DAY + ": " + report.total() + " entries");
      }
    }
  }
}
