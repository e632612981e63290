package org.frontdesk;

import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_phone;
import org.frontdesk.swig.fd_phone_kind;

/** A parsed Chinese phone number (fd_phone), and masking for listings (R-COM-2). Immutable. */
public final class Phone {
  /** What kind of number it is (fd_phone_kind). */
  public enum Kind {
    MOBILE(fd_phone_kind.FD_PHONE_MOBILE),
    LANDLINE(fd_phone_kind.FD_PHONE_LANDLINE),
    SERVICE(fd_phone_kind.FD_PHONE_SERVICE),
    SHORT(fd_phone_kind.FD_PHONE_SHORT);

    final fd_phone_kind c;

    Kind(fd_phone_kind c) {
      this.c = c;
    }

    /** The kind with fd_phone_kind number {@code c}, or null when there is none. */
    static Kind of(int c) {
      for (Kind k : values()) {
        if (k.c.swigValue() == c) {
          return k;
        }
      }
      return null;
    }
  }

  private final Kind kind;
  private final String national;
  private final String e164;
  private final String areaCode;
  private final String subscriber;
  private final String extension;
  private final String place;

  private Phone(fd_phone p) {
    kind = Kind.of(p.getKind());
    national = p.getNational();
    e164 = p.getE164();
    areaCode = p.getArea_code();
    subscriber = p.getSubscriber();
    extension = p.getExtension();
    place = p.getPlace();
  }

  /** Parses a Chinese phone number; FD_EINVAL names what is wrong. */
  public static Phone parse(String text) throws FrontdeskException {
    fd_phone p = new fd_phone();
    try {
      FrontdeskNative.fd_phone_parse(p, text);
      return new Phone(p);
    } finally {
      p.delete();
    }
  }

  /** The number masked for listings (R-COM-2): "138****5678", "010-****5678". */
  public static String mask(String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_phone_mask(o, text));
  }

  /** "mobile", "landline", "service" or "short". */
  public static String kindName(Kind kind) {
    return FrontdeskNative.fd_phone_kind_name(kind.c);
  }

  /**
   * The name of an fd_phone_kind number, "unknown" for a number that is no kind.
   *
   * @deprecated fd_phone_kind_name takes the enum now: use {@link #kindName(Kind)}
   */
  @Deprecated
  public static String kindName(int kind) {
    Kind k = Kind.of(kind);
    return k == null ? "unknown" : kindName(k);
  }

  public Kind kind() {
    return kind;
  }

  /** As dialled inside China: "13812345678", "01062345678". */
  public String national() {
    return national;
  }

  /** "+8613812345678"; "" for short numbers and local numbers without area code. */
  public String e164() {
    return e164;
  }

  /** Landlines: "010", "0755"; "" otherwise. */
  public String areaCode() {
    return areaCode;
  }

  public String subscriber() {
    return subscriber;
  }

  /** "" when none. */
  public String extension() {
    return extension;
  }

  /** Landlines: what the area code serves, e.g. "广东省深圳市". */
  public String place() {
    return place;
  }

  @Override
  public String toString() {
    return kind + " " + national + (extension.isEmpty() ? "" : " ext " + extension);
  }
}
