package org.frontdesk;

import java.util.ArrayList;
import java.util.List;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_policy;
import org.frontdesk.swig.fd_policy_key_info;

/** A set of policy values: every number of the service standards, defaults unless changed. */
public final class Policy extends NativeHandle<SWIGTYPE_p_fd_policy> {
  Policy(SWIGTYPE_p_fd_policy p) {
    super(p, FrontdeskNative::fd_policy_free);
  }

  /** A policy holding every key's default. */
  public static Policy defaults() throws FrontdeskException {
    SWIGTYPE_p_fd_policy[] out = new SWIGTYPE_p_fd_policy[1];
    FrontdeskNative.fd_policy_new(out);
    return new Policy(out[0]);
  }

  /** The value of {@code key}, e.g. "call.max_rings"; FD_ENOTFOUND for an unknown key. */
  public long get(String key) throws FrontdeskException {
    return call(p -> Out.int64(o -> FrontdeskNative.fd_policy_get(o, p, key)));
  }

  /** Sets {@code key}; FD_ERANGE (naming the range, unit and rule) outside the key's range. */
  public void set(String key, long value) throws FrontdeskException {
    run(p -> FrontdeskNative.fd_policy_set(p, key, value));
  }

  /** A deadline key's amount (R-CPL-2), e.g. 3 of complaint.important.resolve_days; see {@link #deadlineUnit}. */
  public long deadlineAmount(String key) throws FrontdeskException {
    long[] amount = new long[1];
    run(p -> FrontdeskNative.fd_policy_get_deadline(amount, new int[1], p, key));
    return amount[0];
  }

  /** A deadline key's unit, e.g. WORKING_DAYS; FD_EINVAL for a plain key. */
  public WorkCalendar.Unit deadlineUnit(String key) throws FrontdeskException {
    int[] unit = new int[1];
    run(p -> FrontdeskNative.fd_policy_get_deadline(new long[1], unit, p, key));
    return WorkCalendar.Unit.of(unit[0]);
  }

  /** Sets a deadline key's amount and unit together (a day key: calendar days, working days, same day). */
  public void setDeadline(String key, long amount, WorkCalendar.Unit unit) throws FrontdeskException {
    run(p -> FrontdeskNative.fd_policy_set_deadline(p, key, amount, unit.code));
  }

  /** The value as {@code frontdesk policy list} shows it: "3" or "3 working_days". */
  public String format(String key) throws FrontdeskException {
    return call(p -> Out.string(o -> FrontdeskNative.fd_policy_format(o, p, key)));
  }

  /** Whether {@code key} still holds its default. */
  public boolean isDefault(String key) throws FrontdeskException {
    return call(p -> Out.flag(o -> FrontdeskNative.fd_policy_is_default(o, p, key)));
  }

  /** An independent copy of this policy. */
  public Policy copy() throws FrontdeskException {
    SWIGTYPE_p_fd_policy[] out = new SWIGTYPE_p_fd_policy[1];
    run(p -> FrontdeskNative.fd_policy_copy(out, p));
    return new Policy(out[0]);
  }

  /** Every key this library knows, in a stable order. */
  public static List<PolicyKey> keys() throws FrontdeskException {
    long n = FrontdeskNative.fd_policy_key_count();
    List<PolicyKey> keys = new ArrayList<>();
    fd_policy_key_info info = new fd_policy_key_info();
    for (long i = 0; i < n; i++) {
      FrontdeskNative.fd_policy_key_at(info, i);
      keys.add(new PolicyKey(info));
    }
    return keys;
  }

  /** What one key means; FD_ENOTFOUND for an unknown key. */
  public static PolicyKey describe(String key) throws FrontdeskException {
    fd_policy_key_info info = new fd_policy_key_info();
    FrontdeskNative.fd_policy_describe(info, key);
    return new PolicyKey(info);
  }
}
