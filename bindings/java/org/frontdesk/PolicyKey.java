package org.frontdesk;

/** What a policy key means (fd_policy_key_info). */
public final class PolicyKey {
  /** The key, e.g. "call.max_rings". */
  public final String key;
  /** The value a policy holds unless it is changed. */
  public final long defaultValue;
  /** The smallest allowed value. */
  public final long min;
  /** The largest allowed value. */
  public final long max;
  /** The unit of the value, e.g. "count", "seconds". */
  public final String unit;
  /** The rule id the key implements, e.g. "R-CALL-1". */
  public final String rule;
  /** What the key means. */
  public final String description;

  PolicyKey(org.frontdesk.swig.fd_policy_key_info i) {
    key = i.getKey();
    defaultValue = i.getDefault_value();
    min = i.getMin();
    max = i.getMax();
    unit = i.getUnit();
    rule = i.getRule();
    description = i.getDescription();
  }

  /** {@code key=default [min..max unit] rule}. */
  @Override
  public String toString() {
    return key + "=" + defaultValue + " [" + min + ".." + max + " " + unit + "] " + rule;
  }
}
