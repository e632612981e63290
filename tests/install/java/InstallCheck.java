import java.time.Instant;
import org.frontdesk.Actor;
import org.frontdesk.Money;
import org.frontdesk.Store;

/** Run by run.sh against the installed jar alone: no -Djava.library.path, no LD_LIBRARY_PATH. */
public final class InstallCheck {
  public static void main(String[] args) throws Exception {
    String upper = Money.upper(1234);
    if (!upper.equals("壹拾贰元叁角肆分")) {
      throw new AssertionError(upper);
    }
    try (Store s = Store.open(args[0])) {
      long site = s.addSite(Actor.system(0, Instant.parse("2026-11-20T00:00:00Z")), "park", "某某产业园", null);
      if (site <= 0) {
        throw new AssertionError("site " + site);
      }
    }
    System.out.println("installed java jar: ok");
  }
}
