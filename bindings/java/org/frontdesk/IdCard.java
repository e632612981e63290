package org.frontdesk;

import java.time.LocalDate;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.fd_date;
import org.frontdesk.swig.fd_idcard;

/**
 * A resident ID number (GB 11643-1999) and what it says, plus masking for listings
 * (R-COM-2). {@code today} is the as-of day against which a birth date in the future is
 * refused; it is required (null throws FD_EINVAL): nothing here reads the clock. Immutable.
 */
public final class IdCard {
  /** Sex by the sequence digit (odd: male). */
  public enum Sex {
    MALE, FEMALE
  }

  private final String number;
  private final String region;
  private final String province;
  private final LocalDate birth;
  private final Sex sex;
  private final boolean legacy;

  private IdCard(fd_idcard c) {
    number = c.getNumber();
    region = c.getRegion();
    province = c.getProvince();
    fd_date b = c.getBirth();
    birth = LocalDate.of(b.getYear(), b.getMonth(), b.getDay());
    sex = c.getSex() == FrontdeskNative.FD_IDCARD_MALE ? Sex.MALE : Sex.FEMALE;
    legacy = c.getLegacy() != 0;
  }

  /** Whether {@code text} is a valid ID number (checksum, date, region) as of {@code today} (not null). */
  public static boolean isValid(String text, LocalDate today) throws FrontdeskException {
    return Out.flag(o -> FrontdeskNative.fd_idcard_is_valid(o, text, today));
  }

  /**
   * The old name of {@link #isValid(String, LocalDate)}, kept for one release.
   *
   * @deprecated use {@link #isValid(String, LocalDate)}
   */
  @Deprecated
  public static boolean valid(String text, LocalDate today) throws FrontdeskException {
    return isValid(text, today);
  }

  /**
   * Parses as of {@code today} (not null); FD_EINVAL says which part is wrong (length, character,
   * region, birth date, checksum).
   */
  public static IdCard parse(String text, LocalDate today) throws FrontdeskException {
    fd_idcard c = new fd_idcard();
    try {
      FrontdeskNative.fd_idcard_parse(c, text, today);
      return new IdCard(c);
    } finally {
      c.delete();
    }
  }

  /** The number masked for listings (R-COM-2): "110105********002X". */
  public static String mask(String text) throws FrontdeskException {
    return Out.string(o -> FrontdeskNative.fd_idcard_mask(o, text));
  }

  /** The 18-character form, X upper case. */
  public String number() {
    return number;
  }

  /** The 6-digit GB/T 2260 region code. */
  public String region() {
    return region;
  }

  /** The province of the first two digits, e.g. "北京市". */
  public String province() {
    return province;
  }

  public LocalDate birth() {
    return birth;
  }

  public Sex sex() {
    return sex;
  }

  /** True when the input was the 15-digit form. */
  public boolean legacy() {
    return legacy;
  }

  @Override
  public String toString() {
    return number;
  }
}
