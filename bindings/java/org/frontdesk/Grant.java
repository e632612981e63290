package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_grant;

/** Grants an actor may ask to use; a site gives them to roles ({@link Store#grant}). */
public enum Grant {
  /** See personal data unmasked (R-COM-2); every reveal is logged. */
  REVEAL(fd_grant.FD_GRANT_REVEAL),
  /** Give and take grants at the site. */
  MANAGE(fd_grant.FD_GRANT_MANAGE);

  private final fd_grant n;

  Grant(fd_grant n) {
    this.n = n;
  }

  /** The library's name of the grant: "reveal", "manage". */
  public String code() {
    return FrontdeskNative.fd_grant_name(n);
  }

  fd_grant toNative() {
    return n;
  }
}
