package org.frontdesk;

import java.time.Instant;

/** A member of staff (R-COM-1). */
public final class Staff {
  public final long id;
  public final long siteId;
  public final String code;
  public final String name;
  public final String role;
  public final boolean active;
  public final Instant createdAt;

  Staff(org.frontdesk.swig.fd_staff s) {
    id = s.getId();
    siteId = s.getSite_id();
    code = s.getCode();
    name = s.getName();
    role = s.getRole();
    active = s.getActive() != 0;
    createdAt = Instant.ofEpochSecond(s.getCreated_at());
  }
}
