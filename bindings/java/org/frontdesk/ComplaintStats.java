package org.frontdesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.frontdesk.swig.FrontdeskNative;
import org.frontdesk.swig.SWIGTYPE_p_fd_complaint_stats;
import org.frontdesk.swig.fd_complaint_stats_row;
import org.frontdesk.swig.fd_complaint_stats_totals;

/**
 * A month's complaints counted (R-CPL-6, 顾客投诉分类统计表): counts by category, responsible department,
 * severity and validity, the share resolved within the resolve target, the median and p90 time to resolve in
 * working seconds (nearest rank), the reopen rate and the follow-ups' satisfaction. The month is the site's local
 * month; "resolved" is valid with the customer's signed acceptance (the implement step, not undone by a
 * reopen); frontdesk/complaints.h gives every definition. A share or time with nothing to count from is null.
 */
public final class ComplaintStats {
  /** One row of a group: key, department id (0 elsewhere), count, resolved, within target, share. */
  public static final class Row {
    private final String key;
    private final long departmentId;
    private final long count;
    private final long resolved;
    private final long resolvedInTime;
    private final Double resolvedInTimeShare;
    private final Long medianS;
    private final Long p90S;

    Row(fd_complaint_stats_row r) throws FrontdeskException {
      key = r.getKey();
      departmentId = r.getDepartment_id();
      count = r.getCount();
      resolved = r.getResolved();
      resolvedInTime = r.getResolved_in_time();
      resolvedInTimeShare = share(r.getResolved_in_time_share());
      medianS = seconds(r.getResolve_median_s());
      p90S = seconds(r.getResolve_p90_s());
    }

    /** The category, severity or validity code ("unassessed": not assessed yet), or the department id as text
     *  ("unassigned": none yet). */
    public String key() {
      return key;
    }

    /** By department: the department, 0 for none; else 0. */
    public long departmentId() {
      return departmentId;
    }

    /** Complaints received. */
    public long count() {
      return count;
    }

    /** Of them resolved. */
    public long resolved() {
      return resolved;
    }

    /** Of those within the resolve target. */
    public long resolvedInTime() {
      return resolvedInTime;
    }

    /** resolvedInTime / resolved, null when none resolved. */
    public Double resolvedInTimeShare() {
      return resolvedInTimeShare;
    }

    /** The row's resolved complaints' median time to resolve, working seconds (nearest rank); null when none. */
    public Long resolveMedianSeconds() {
      return medianS;
    }

    /** Their 90th percentile, working seconds (nearest rank); null when none. */
    public Long resolveP90Seconds() {
      return p90S;
    }

    @Override
    public String toString() {
      return "Row[" + key + ": " + count + " received, " + resolved + " resolved, " + resolvedInTime
          + " within target" + (resolvedInTimeShare == null ? "" : String.format(" (%.1f%%)", 100 * resolvedInTimeShare))
          + "]";
    }
  }

  private static final int CATEGORY = 1;
  private static final int DEPARTMENT = 2;
  private static final int SEVERITY = 3;
  private static final int VALIDITY = 4;

  private final int year;
  private final int month;
  private final Instant start;
  private final Instant end;
  private final long[] counts;
  private final Double resolvedInTimeShare;
  private final Double reopenShare;
  private final Double satisfiedShare;
  private final Long medianS;
  private final Long p90S;
  private final boolean provisional;
  private final List<List<Row>> rows = new ArrayList<>();

  private static Double share(double v) {
    return v < 0 ? null : v;
  }

  private static Long seconds(long v) {
    return v < 0 ? null : v;
  }

  ComplaintStats(SWIGTYPE_p_fd_complaint_stats h) throws FrontdeskException {
    fd_complaint_stats_totals t = new fd_complaint_stats_totals();
    try {
      FrontdeskNative.fd_complaint_stats_get(t, h);
      year = t.getYear();
      month = t.getMonth();
      start = Convert.instant(t.getMonth_start());
      end = Convert.instant(t.getMonth_end());
      counts = new long[] {t.getReceived(), t.getValid(), t.getInvalid(), t.getUnassessed(), t.getOpen(),
          t.getResolved(), t.getResolved_in_time(), t.getReopened(), t.getReopens(), t.getFollowed_up(),
          t.getSatisfied(), t.getAverage(), t.getUnsatisfied()};
      resolvedInTimeShare = share(t.getResolved_in_time_share());
      reopenShare = share(t.getReopen_share());
      satisfiedShare = share(t.getSatisfied_share());
      medianS = seconds(t.getResolve_median_s());
      p90S = seconds(t.getResolve_p90_s());
      provisional = t.getProvisional() != 0;
    } finally {
      t.delete();
    }
    for (int g = CATEGORY; g <= VALIDITY; g++) {
      List<Row> list = new ArrayList<>();
      long n = FrontdeskNative.fd_complaint_stats_row_count(h, g);
      for (long i = 0; i < n; i++) {
        fd_complaint_stats_row r = new fd_complaint_stats_row();
        try {
          FrontdeskNative.fd_complaint_stats_row_get(r, h, g, i);
          list.add(new Row(r));
        } finally {
          r.delete();
        }
      }
      rows.add(Collections.unmodifiableList(list));
    }
  }

  /**
   * R-CPL-6: the month's statistics of the actor's site (its local month: a complaint received 23:30 on the
   * 31st belongs to it), read through the index of complaints by when received.
   */
  public static ComplaintStats of(Store store, Actor actor, int year, int month) throws FrontdeskException {
    SWIGTYPE_p_fd_complaint_stats[] out = new SWIGTYPE_p_fd_complaint_stats[1];
    store.as(actor, a -> {
      FrontdeskNative.fd_store_complaint_stats(out, store.handle(), a, year, month);
      return null;
    });
    try {
      return new ComplaintStats(out[0]);
    } finally {
      FrontdeskNative.fd_complaint_stats_free(out[0]);
    }
  }

  /**
   * R-CPL-6 without the store (a suite with its own database): counts the complaints it is given, each
   * received in the calendar's local month, with whether its resolve target was met and never breached.
   */
  public static final class Accumulator extends NativeHandle<SWIGTYPE_p_fd_complaint_stats> {
    private final WorkCalendar calendar; // counted on: kept alive with it

    private Accumulator(SWIGTYPE_p_fd_complaint_stats p, WorkCalendar calendar) {
      super(p, FrontdeskNative::fd_complaint_stats_free);
      this.calendar = calendar;
    }

    /** An empty accumulator for local month {@code year}-{@code month} of {@code calendar}. */
    public static Accumulator of(WorkCalendar calendar, int year, int month) throws FrontdeskException {
      SWIGTYPE_p_fd_complaint_stats[] out = new SWIGTYPE_p_fd_complaint_stats[1];
      Objects.requireNonNull(calendar, "calendar").call(c -> {
        FrontdeskNative.fd_complaint_stats_new(out, c, year, month);
        return null;
      });
      return new Accumulator(out[0], calendar);
    }

    /** Counts {@code complaint} (as stored); one not received in the month is refused naming received_at. */
    public void add(Complaint complaint, boolean resolvedInTime) throws FrontdeskException {
      run(h -> calendar.call(c -> Objects.requireNonNull(complaint, "complaint").withNative(n -> {
        FrontdeskNative.fd_complaint_stats_add(h, n, resolvedInTime ? 1 : 0);
        return null;
      })));
    }

    /** The statistics so far. */
    public ComplaintStats result() throws FrontdeskException {
      return call(ComplaintStats::new);
    }
  }

  /** The year counted. */
  public int year() {
    return year;
  }

  /** The month counted, 1..12. */
  public int month() {
    return month;
  }

  /** Local 00:00 of the month's first day. */
  public Instant start() {
    return start;
  }

  /** Local 00:00 of the next month's first day (not in the month). */
  public Instant end() {
    return end;
  }

  /** Complaints received in the month. */
  public long received() {
    return counts[0];
  }

  /** Assessed valid. */
  public long valid() {
    return counts[1];
  }

  /** Assessed invalid. */
  public long invalid() {
    return counts[2];
  }

  /** Not assessed yet. */
  public long unassessed() {
    return counts[3];
  }

  /** Not closed. */
  public long open() {
    return counts[4];
  }

  /** Resolved: valid, the acceptance signed and not undone by a reopen. */
  public long resolved() {
    return counts[5];
  }

  /** Resolved within the resolve target. */
  public long resolvedInTime() {
    return counts[6];
  }

  /** Complaints reopened at least once. */
  public long reopened() {
    return counts[7];
  }

  /** Reopen steps in all. */
  public long reopens() {
    return counts[8];
  }

  /** With a follow-up's satisfaction. */
  public long followedUp() {
    return counts[9];
  }

  /** 满意. */
  public long satisfied() {
    return counts[10];
  }

  /** 一般. */
  public long average() {
    return counts[11];
  }

  /** 不满意. */
  public long unsatisfied() {
    return counts[12];
  }

  /** resolvedInTime / resolved; null when none resolved. */
  public Double resolvedInTimeShare() {
    return resolvedInTimeShare;
  }

  /** reopened / received; null when none received. */
  public Double reopenShare() {
    return reopenShare;
  }

  /** satisfied / followedUp; null when none followed up. */
  public Double satisfiedShare() {
    return satisfiedShare;
  }

  /** Time to resolve in working seconds, nearest-rank median; null when none resolved. */
  public Long resolveMedianSeconds() {
    return medianS;
  }

  /** Time to resolve in working seconds, nearest-rank 90th percentile; null when none resolved. */
  public Long resolveP90Seconds() {
    return p90S;
  }

  /** Whether some working time was counted on days past the holiday data. */
  public boolean provisional() {
    return provisional;
  }

  /** By category, most complaints first. */
  public List<Row> byCategory() {
    return rows.get(CATEGORY - 1);
  }

  /** By responsible department, most complaints first. */
  public List<Row> byDepartment() {
    return rows.get(DEPARTMENT - 1);
  }

  /** major, important, minor. */
  public List<Row> bySeverity() {
    return rows.get(SEVERITY - 1);
  }

  /** valid, invalid, unassessed. */
  public List<Row> byValidity() {
    return rows.get(VALIDITY - 1);
  }
}
