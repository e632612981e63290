package org.frontdesk;

/** What a policy key means (fd_policy_key_info). */
public final class PolicyKey {
  public final String key;
  public final long defaultValue;
  public final long min;
  public final long max;
  public final String unit;
  public final String rule;
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

  @Override
  public String toString() {
    return key + "=" + defaultValue + " [" + min + ".." + max + " " + unit + "] " + rule;
  }
}
