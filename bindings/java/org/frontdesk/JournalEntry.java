package org.frontdesk;

import java.time.Instant;

/** One journal entry (R-COM-1, R-COM-3); staffId 0 means the system. */
public final class JournalEntry {
  public final long id;
  public final Instant at;
  public final long siteId;
  public final long staffId;
  public final String entity;
  public final long entityId;
  public final String action;
  public final String detail;

  JournalEntry(org.frontdesk.swig.fd_journal_entry e) {
    id = e.getId();
    at = Instant.ofEpochSecond(e.getAt());
    siteId = e.getSite_id();
    staffId = e.getStaff_id();
    entity = e.getEntity();
    entityId = e.getEntity_id();
    action = e.getAction();
    detail = e.getDetail();
  }
}
