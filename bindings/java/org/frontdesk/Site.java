package org.frontdesk;

import java.time.Instant;

/** A site (R-COM-1). */
public final class Site {
  public final long id;
  public final String code;
  public final String name;
  public final String timeZone;
  public final Instant createdAt;

  Site(org.frontdesk.swig.fd_site s) {
    id = s.getId();
    code = s.getCode();
    name = s.getName();
    timeZone = s.getTime_zone();
    createdAt = Instant.ofEpochSecond(s.getCreated_at());
  }
}
