package org.frontdesk;

/**
 * Reads a raw binding's single output. The SWIG layer returns outputs through
 * one-element arrays (the return value carries the status); this turns
 * {@code String[] o = new String[1]; call(o); return o[0];} into one call.
 */
final class Out {
  private Out() {}

  /** A raw call writing its output into element 0 of the array it is given. */
  interface Call<A> {
    void into(A out) throws FrontdeskException;
  }

  static String string(Call<String[]> call) throws FrontdeskException {
    String[] out = new String[1];
    call.into(out);
    return out[0];
  }

  static long int64(Call<long[]> call) throws FrontdeskException {
    long[] out = new long[1];
    call.into(out);
    return out[0];
  }

  static int int32(Call<int[]> call) throws FrontdeskException {
    int[] out = new int[1];
    call.into(out);
    return out[0];
  }

  static boolean flag(Call<int[]> call) throws FrontdeskException {
    return int32(call) != 0;
  }

  static byte[] bytes(Call<byte[][]> call) throws FrontdeskException {
    byte[][] out = new byte[1][];
    call.into(out);
    return out[0];
  }

  static java.time.LocalDate date(Call<java.time.LocalDate[]> call) throws FrontdeskException {
    java.time.LocalDate[] out = new java.time.LocalDate[1];
    call.into(out);
    return out[0];
  }
}
