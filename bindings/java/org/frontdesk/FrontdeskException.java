package org.frontdesk;

/** A libfrontdesk call failed; {@link #code()} is the C status (FD_E*), the message names field and value. */
public class FrontdeskException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int code;

  /** An exception for status {@code code} (an FD_E* value, negative) with a message naming field and value. */
  public FrontdeskException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The negative C status code, e.g. -1 for FD_EINVAL. */
  public int code() {
    return code;
  }

  /** The symbolic name of the code, e.g. "FD_EINVAL". */
  public String status() {
    return Frontdesk.statusName(code);
  }

  /** {@code FD_EINVAL: <message>}. */
  @Override
  public String toString() {
    return status() + ": " + getMessage();
  }
}
