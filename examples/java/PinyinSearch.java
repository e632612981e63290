import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frontdesk.Actor;
import org.frontdesk.RecordIterator;
import org.frontdesk.Staff;
import org.frontdesk.StaffFilter;
import org.frontdesk.Store;
import org.frontdesk.Transaction;

/**
 * Finds staff by pinyin, initials or Traditional characters through the store's search index.
 * Usage: java -cp frontdesk.jar:. PinyinSearch DB_PATH [QUERY ...] (default: wxl, zhang, 單)
 */
public final class PinyinSearch {
  private static final String[][] NAMES = {
    {"F001", "王小丽"}, {"F002", "张伟"}, {"F003", "单田芳"}, {"F004", "李娜"}, {"F005", "王晓明"},
  };

  public static void main(String[] args) throws Exception {
    new File(args[0]).delete();
    Instant at = Instant.parse("2026-11-20T00:00:00Z");
    try (Store store = Store.open(args[0])) {
      long site;
      try (Transaction t = store.begin()) {
        site = store.addSite(Actor.system(0, at), "park", "某某产业园", null);
        for (String[] n : NAMES) {
          store.addStaff(Actor.system(site, at), n[0], n[1], "clerk");
        }
        t.commit();
      }
      String[] queries = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
          : new String[] {"wxl", "zhang", "單"};
      for (String q : queries) {
        List<String> found = new ArrayList<>();
        try (RecordIterator<Staff> it = store.staffList(Actor.system(site, at), new StaffFilter().search(q))) {
          for (Staff s : it) {
            found.add(s.getCode() + " " + s.getName());
          }
        }
        System.out.println("search '" + q + "': " + (found.isEmpty() ? "(none)" : String.join(", ", found)));
      }
    }
  }
}
