package org.frontdesk;

/**
 * What {@link Store#verify()} found: integrity, the protecting triggers and the journal's hash
 * chain (R-COM-3). Immutable.
 */
public final class VerifyReport {
  private final boolean ok;
  private final long entries;
  private final long firstBadId;
  private final boolean integrityOk;
  private final boolean triggersOk;
  private final String problem;
  private final String uuid;
  private final String head;

  VerifyReport(boolean ok, long entries, long firstBadId, boolean integrityOk, boolean triggersOk, String problem,
      String uuid, String head) {
    this.ok = ok;
    this.entries = entries;
    this.firstBadId = firstBadId;
    this.integrityOk = integrityOk;
    this.triggersOk = triggersOk;
    this.problem = problem;
    this.uuid = uuid;
    this.head = head;
  }

  /** True when the database is what the library wrote. */
  public boolean isOk() {
    return ok;
  }

  /** Journal entries checked. */
  public long getEntries() {
    return entries;
  }

  /** The first journal entry that was altered, removed or inserted; 0 when none. */
  public long getFirstBadId() {
    return firstBadId;
  }

  /** Whether {@code PRAGMA integrity_check} passed. */
  public boolean isIntegrityOk() {
    return integrityOk;
  }

  /** Whether every trigger protecting the append-only tables is present. */
  public boolean isTriggersOk() {
    return triggersOk;
  }

  /** The first problem, empty when none. */
  public String getProblem() {
    return problem;
  }

  /** The database's UUID. */
  public String getUuid() {
    return uuid;
  }

  /** Hex SHA-256 of the last entry: record it elsewhere to anchor the chain. */
  public String getHead() {
    return head;
  }

  @Override
  public String toString() {
    return "VerifyReport{ok=" + ok + ", entries=" + entries + ", firstBadId=" + firstBadId + ", problem='" + problem
        + "', uuid=" + uuid + ", head=" + head + "}";
  }
}
