package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_pii_class;

/**
 * Personal data (R-COM-2, 不可随意泄露客户资料): phones, ID numbers and names masked for
 * display, and the numbers in free text found and masked. Messages never quote the value.
 * All methods are thread-safe.
 */
public final class Pii {
  private Pii() {}

  /** What kind of personal data a value is (fd_pii_class). */
  public enum PiiClass {
    /** Not personal data: shown as it is. */
    NONE(fd_pii_class.FD_PII_NONE),
    PHONE(fd_pii_class.FD_PII_PHONE),
    /** A resident ID number (居民身份证号码). */
    ID_NUMBER(fd_pii_class.FD_PII_ID_NUMBER),
    NAME(fd_pii_class.FD_PII_NAME),
    /** Text that may contain phone and ID numbers. */
    FREE_TEXT(fd_pii_class.FD_PII_FREE_TEXT);

    final fd_pii_class c;

    PiiClass(fd_pii_class c) {
      this.c = c;
    }

    /** "none", "phone", "id_number", "name" or "free_text". */
    public String label() {
      return FrontdeskNative.fd_pii_class_name(c);
    }

    /** The class of a label; FD_EINVAL for other names. */
    public static PiiClass parse(String label) throws FrontdeskException {
      int v = Out.int32(o -> FrontdeskNative.fd_pii_class_parse(o, label));
      for (PiiClass k : values()) {
        if (k.c.swigValue() == v) {
          return k;
        }
      }
      throw new IllegalStateException("fd_pii_class_parse gave " + v);
    }
  }

  /** Masked text and how many numbers were masked in it. */
  public static final class Masked {
    private final String text;
    private final long count;

    Masked(String text, long count) {
      this.text = text;
      this.count = count;
    }

    public String text() {
      return text;
    }

    public long count() {
      return count;
    }
  }

  /**
   * The value masked for display by its class: phones as {@link Phone#mask} ("138****5678"),
   * ID numbers with the birth date hidden ("110105********002X"), names keeping the surname
   * ("张*", "欧阳**", "J*** S****"), free text as {@link #maskText}. A phone or ID number that
   * does not parse is masked all the same.
   */
  public static String mask(PiiClass cls, String value) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_pii_mask(o, cls.c, value));
  }

  /**
   * The text with its mobile, landline, ID and passport-like numbers masked in place
   * ("来电 13800138000" → "来电 138****8000", "护照E12345678" → "护照E*****678"); every
   * other character is kept.
   */
  public static String maskText(String text) throws FrontdeskException {
    return maskTextCount(text).text();
  }

  /** As {@link #maskText}, with how many numbers were masked. */
  public static Masked maskTextCount(String text) throws FrontdeskException {
    String[] out = new String[1];
    long[] count = new long[1];
    FrontdeskNative.fd_pii_mask_text(out, count, text);
    return new Masked(out[0], count[0]);
  }

  /** Whether the text holds a phone or ID number that {@link #maskText} would mask. */
  public static boolean contains(String text) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_pii_contains(o, text));
  }
}
