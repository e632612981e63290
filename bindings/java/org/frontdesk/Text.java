package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_text_align;
import org.frontdesk.swig.fd_text_order;

/**
 * Chinese text: normalisation, Traditional/Simplified, pinyin and initials, search keys,
 * name sorting, natural keys for room numbers, display width. All methods are static,
 * pure and thread-safe; text that is not valid UTF-8 throws FD_EINVAL.
 */
public final class Text {
  private Text() {}

  /** Sort orders (fd_text_order). */
  public enum Order {
    /** Pinyin with surname readings (单 = shan), then tone, then ICU zh: for names. */
    NAME(fd_text_order.FD_TEXT_ORDER_NAME),
    /** Pinyin with everyday readings (单元 = dan yuan). */
    PINYIN(fd_text_order.FD_TEXT_ORDER_PINYIN),
    /** Stroke count and order (ICU zh@collation=stroke). */
    STROKE(fd_text_order.FD_TEXT_ORDER_STROKE);

    final fd_text_order c;

    Order(fd_text_order c) {
      this.c = c;
    }
  }

  /** Where {@link #pad(String, int, Align)} puts the text (fd_text_align). */
  public enum Align {
    LEFT(fd_text_align.FD_TEXT_ALIGN_LEFT),
    RIGHT(fd_text_align.FD_TEXT_ALIGN_RIGHT),
    CENTER(fd_text_align.FD_TEXT_ALIGN_CENTER);

    final fd_text_align c;

    Align(fd_text_align c) {
      this.c = c;
    }
  }

  /** Longest search key in bytes (FD_TEXT_KEY_MAX). */
  public static final int SEARCH_KEY_MAX = FrontdeskNative.FD_TEXT_KEY_MAX;

  /** NFKC (full-width ASCII to ASCII), trimmed, inner white space collapsed. */
  public static String normalize(String s) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_normalize(o, s));
  }

  /** Traditional to Simplified: 長沙銀行 → 长沙银行. */
  public static String toSimplified(String s) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_to_simplified(o, s));
  }

  /** Simplified to Traditional: 长沙银行 → 長沙銀行. */
  public static String toTraditional(String s) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_to_traditional(o, s));
  }

  /** Toneless pinyin: 重庆银行 → "chong qing yin hang"; other text kept. */
  public static String pinyin(String s) throws FrontdeskException {
    return pinyin(s, false);
  }

  /** Pinyin, with tone marks when {@code tones} ("zhōng guó"). */
  public static String pinyin(String s, boolean tones) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_pinyin(o, s, tones ? 1 : 0));
  }

  /** Pinyin of a person's name with surname readings: 单田芳 → "shan tian fang". */
  public static String namePinyin(String fullName) throws FrontdeskException {
    return namePinyin(fullName, false);
  }

  /** Name pinyin, with tone marks when {@code tones}. */
  public static String namePinyin(String fullName, boolean tones) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_name_pinyin(o, fullName, tones ? 1 : 0));
  }

  /** Initials: 重庆银行 → "cqyh". */
  public static String initials(String s) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_initials(o, s));
  }

  /** Initials with surname readings: 单田芳 → "stf". */
  public static String nameInitials(String fullName) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_name_initials(o, fullName));
  }

  /** Whether {@code query} finds {@code text} ("zs" finds 张三, "張" finds 张三). */
  public static boolean matches(String query, String text) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_text_matches(o, query, text));
  }

  /** The keys a store indexes for {@code s} (none for empty text). */
  public static String[] searchKey(String s) throws FrontdeskException {
    String[] out = new String[1];
    FrontdeskNative.fd_text_search_key(out, s);
    return out[0].isEmpty() ? new String[0] : out[0].split("\n", -1);
  }

  /** The key prefix to look up for {@code query}. */
  public static String searchQuery(String query) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_search_query(o, query));
  }

  /** A binary sort key in {@link Order#NAME} order; compare unsigned, bytewise. */
  public static byte[] sortKey(String s) throws FrontdeskException {
    return sortKey(s, Order.NAME);
  }

  /** A binary sort key in {@code order}; compare with {@link java.util.Arrays#compareUnsigned}. */
  public static byte[] sortKey(String s, Order order) throws FrontdeskException {
    return Out.bytes(o -> FrontdeskNative.fd_text_sort_key(o, s, order.c));
  }

  /** -1, 0 or 1 as {@code a} sorts before, with or after {@code b} in {@link Order#NAME} order (the default). */
  public static int compare(String a, String b) throws FrontdeskException {
    return compare(a, b, Order.NAME);
  }

  /** -1, 0 or 1 as {@code a} sorts before, with or after {@code b}. */
  public static int compare(String a, String b, Order order) throws FrontdeskException {
    int[] out = new int[1];
    FrontdeskNative.fd_text_compare(out, a, b, order.c);
    return Integer.signum(out[0]);
  }

  /** The names sorted for display in {@link Order#NAME} order (stable). */
  public static String[] sortNames(String[] names) throws FrontdeskException {
    return sortNames(names, Order.NAME);
  }

  /** The names sorted in {@code order} (stable); names must not contain line breaks. */
  public static String[] sortNames(String[] names, Order order) throws FrontdeskException {
    if (names.length == 0) {
      return new String[0];
    }
    String[] out = new String[1];
    FrontdeskNative.fd_text_sort_names(out, names, order.c);
    return out[0].split("\n", -1);
  }

  /** A binary key that orders room numbers naturally: 2-101 &lt; 2-1001 &lt; 10-101. */
  public static byte[] naturalKey(String s) throws FrontdeskException {
    return Out.bytes(o -> FrontdeskNative.fd_text_natural_key(o, s));
  }

  /** Columns on a terminal or receipt: CJK 2, combining marks 0. */
  public static int displayWidth(String s) throws FrontdeskException {
    return Out.int32(o -> FrontdeskNative.fd_text_display_width(o, s));
  }

  /** {@code s} cut to {@code width} columns with "…", never inside a grapheme cluster. */
  public static String truncate(String s, int width) throws FrontdeskException {
    return truncate(s, width, "…");
  }

  /** {@code s} cut to {@code width} columns, ending with {@code ellipsis} when cut. */
  public static String truncate(String s, int width, String ellipsis) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_truncate(o, s, width, ellipsis));
  }

  /** {@code s} padded on the right with spaces to {@code width} columns. */
  public static String pad(String s, int width) throws FrontdeskException {
    return pad(s, width, Align.LEFT);
  }

  /** {@code s} padded with spaces to {@code width} columns; never cut. */
  public static String pad(String s, int width, Align align) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_text_pad(o, s, width, align.c));
  }
}
