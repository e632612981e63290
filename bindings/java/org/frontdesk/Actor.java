package org.frontdesk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_actor;

/**
 * Who acts, where and when (R-COM-1), and with which grants: every write, and every read of
 * records holding personal data, takes one. Staff act only at their own site and only while
 * active. The instant is required: the library never reads the clock inside a write
 * ({@link #now} reads it where you can see it). Immutable.
 */
public final class Actor {
  private final long siteId;
  private final long staffId;
  private final Instant at;
  private final Set<Grant> grants;
  private final String reason;

  private Actor(long siteId, long staffId, Instant at, Set<Grant> grants, String reason) {
    this.siteId = siteId;
    this.staffId = staffId;
    this.at = Objects.requireNonNull(at, "at: the instant of the action is required (Actor.now reads the clock)");
    this.grants = Collections.unmodifiableSet(grants.isEmpty() ? EnumSet.noneOf(Grant.class) : EnumSet.copyOf(grants));
    this.reason = reason;
  }

  /** Staff {@code staffId} (0 = the system) of site {@code siteId} acting at instant {@code at} (not null). */
  public static Actor of(long siteId, long staffId, Instant at) {
    return new Actor(siteId, staffId, at, EnumSet.noneOf(Grant.class), null);
  }

  /** The system acting at site {@code siteId} (0: to add the first site) at instant {@code at}. */
  public static Actor system(long siteId, Instant at) {
    return of(siteId, 0, at);
  }

  /** Staff {@code staffId} of site {@code siteId} acting now (reads the system clock, whole seconds). */
  public static Actor now(long siteId, long staffId) {
    return of(siteId, staffId, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** The same actor asking to see personal data, for {@code reason} (logged with each reveal). */
  public Actor withReveal(String reason) {
    EnumSet<Grant> g = EnumSet.of(Grant.REVEAL);
    g.addAll(grants);
    return new Actor(siteId, staffId, at, g, reason);
  }

  /** The same actor asking to use {@code more} grants as well. */
  public Actor withGrants(Grant... more) {
    EnumSet<Grant> g = EnumSet.noneOf(Grant.class);
    g.addAll(grants);
    Collections.addAll(g, more);
    return new Actor(siteId, staffId, at, g, reason);
  }

  /** The same actor acting at another instant (not null). */
  public Actor withAt(Instant when) {
    return new Actor(siteId, staffId, when, grants, reason);
  }

  /** The site acted at. */
  public long getSiteId() {
    return siteId;
  }

  /** The member of staff, 0 = the system. */
  public long getStaffId() {
    return staffId;
  }

  /** The instant of the action. */
  public Instant getAt() {
    return at;
  }

  /** The grants asked for (unmodifiable). */
  public Set<Grant> getGrants() {
    return grants;
  }

  /** Why personal data is revealed, or null. */
  public String getReason() {
    return reason;
  }

  /** Runs {@code call} with a native copy of this actor, deleted afterwards. */
  <R> R withNative(Convert.Call<fd_actor, R> call) throws FrontdeskException {
    fd_actor n = new fd_actor();
    try {
      FrontdeskNative.fd_actor_init(n, FrontdeskNative.FD_ACTOR_VERSION);
      n.setSite_id(siteId);
      n.setStaff_id(staffId);
      n.setAt(Convert.seconds(at, "actor.at"));
      long bits = 0;
      for (Grant g : grants) {
        bits |= g.toNative().swigValue();
      }
      n.setGrants(bits);
      n.setReason(reason);
      return call.run(n);
    } finally {
      n.delete();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Actor)) return false;
    Actor x = (Actor) o;
    return siteId == x.siteId && staffId == x.staffId && at.equals(x.at) && grants.equals(x.grants)
        && Objects.equals(reason, x.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(siteId, staffId, at, grants, reason);
  }

  @Override
  public String toString() {
    return "Actor{site=" + siteId + ", staff=" + staffId + ", at=" + at + ", grants=" + grants
        + (reason == null ? "" : ", reason='" + reason + "'") + "}";
  }
}
