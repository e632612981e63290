package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_money_format_options;
import org.frontdesk.swig.fd_money_round;

/**
 * Money as {@code long} fen (分): capital numerals for receipts (R-FEE-4), display,
 * parsing, and arithmetic that rounds in a named {@link Rounding} mode (R-FEE-7).
 * All methods are thread-safe.
 */
public final class Money {
  private Money() {}

  /** How a result between two fen is rounded (fd_money_round). */
  public enum Rounding {
    /** Halves away from zero (四舍五入), the default. */
    HALF_UP(fd_money_round.FD_MONEY_ROUND_HALF_UP),
    /** Halves to the even neighbour. */
    HALF_EVEN(fd_money_round.FD_MONEY_ROUND_HALF_EVEN),
    /** Toward zero (truncate). */
    DOWN(fd_money_round.FD_MONEY_ROUND_DOWN),
    /** Away from zero. */
    UP(fd_money_round.FD_MONEY_ROUND_UP),
    /** Toward minus infinity. */
    FLOOR(fd_money_round.FD_MONEY_ROUND_FLOOR),
    /** Toward plus infinity. */
    CEILING(fd_money_round.FD_MONEY_ROUND_CEILING);

    final fd_money_round c;

    Rounding(fd_money_round c) {
      this.c = c;
    }
  }

  /** The amount in Chinese capital numerals by the People's Bank rules: 100500 → 壹仟零伍元整. */
  public static String upper(long fen) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_money_upper(o, fen));
  }

  /** "¥1,234.50" for 123450. */
  public static String format(long fen) throws FrontdeskException {
    return format(fen, true, true);
  }

  /** The amount with or without the ¥ symbol and the "," grouping. */
  public static String format(long fen, boolean symbol, boolean grouping) throws FrontdeskException {
    fd_money_format_options opts = new fd_money_format_options();
    try {
      FrontdeskNative.fd_money_format_options_init(opts, FrontdeskNative.FD_MONEY_FORMAT_OPTIONS_VERSION);
      opts.setSymbol(symbol ? 1 : 0);
      opts.setGrouping(grouping ? 1 : 0);
      return Out.string(o -> FrontdeskNative.fd_money_format(o, fen, opts));
    } finally {
      opts.delete();
    }
  }

  /**
   * Fen from "1,234.5", "¥1234.50", "1234.5元", full-width digits or "壹仟零伍元整"; throws
   * FD_EINVAL for ambiguous or over-precise text ("1.234") and FD_ERANGE beyond long fen.
   */
  public static long parse(String text) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_money_parse(o, text));
  }

  /** a + b fen; FD_ERANGE on overflow. */
  public static long add(long a, long b) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_money_add(o, a, b));
  }

  /** a - b fen; FD_ERANGE on overflow. */
  public static long sub(long a, long b) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_money_sub(o, a, b));
  }

  /** fen × num / den, exact, rounded once in {@code mode}; FD_ERANGE on overflow. */
  public static long mulRatio(long fen, long num, long den, Rounding mode) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_money_mul_ratio(o, fen, num, den, mode.c));
  }

  /** fen × num / den rounded half up. */
  public static long mulRatio(long fen, long num, long den) throws FrontdeskException {
    return mulRatio(fen, num, den, Rounding.HALF_UP);
  }

  /** fen rounded to a multiple of {@code unit} fen (10: jiao, 100: yuan) in {@code mode}. */
  public static long roundTo(long fen, long unit, Rounding mode) throws FrontdeskException {
    return Out.int64(o -> FrontdeskNative.fd_money_round_to(o, fen, unit, mode.c));
  }

  /** fen rounded half up to a multiple of {@code unit} fen (the default mode, as {@link #mulRatio(long, long, long)}). */
  public static long roundTo(long fen, long unit) throws FrontdeskException {
    return roundTo(fen, unit, Rounding.HALF_UP);
  }
}
