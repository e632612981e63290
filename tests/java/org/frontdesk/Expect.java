package org.frontdesk;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** What the JUnit suites expect of a refusal: the library's code and a message naming what is wrong. */
final class Expect {
  private Expect() {}

  /** A call that may throw anything. */
  interface Body {
    void run() throws Exception;
  }

  /** {@code body} throws a FrontdeskException with {@code code} whose message contains {@code part}. */
  static void fails(int code, String part, Body body) throws Exception {
    try {
      body.run();
      fail("no exception");
    } catch (FrontdeskException e) {
      assertEquals(e.getMessage(), code, e.code());
      assertTrue(e.getMessage(), e.getMessage().contains(part));
    }
  }
}
