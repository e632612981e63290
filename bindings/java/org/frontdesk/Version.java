package org.frontdesk;

/** Prints the library version: {@code java -cp frontdesk.jar org.frontdesk.Version}. */
public final class Version {
  private Version() {}

  /** Prints "libfrontdesk" and the version; the arguments are ignored. */
  public static void main(String[] args) {
    System.out.println("libfrontdesk " + Frontdesk.version());
  }
}
