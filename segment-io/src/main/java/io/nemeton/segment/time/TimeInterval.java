package io.nemeton.segment.time;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Instant;

/**
 * A half-open time interval {@code [startMs, endMs)} in epoch millis, written in ISO-8601 as
 * {@code start/end}, {@code start/period} or {@code period/end} (Druid's interval strings).
 *
 * <p>Immutable and thread-safe.
 */
public record TimeInterval(long startMs, long endMs) {
  public TimeInterval {
    if (endMs < startMs) {
      throw new IllegalArgumentException("interval end=" + IsoTimestamps.format(endMs)
          + " is before start=" + IsoTimestamps.format(startMs));
    }
  }

  /** Parses an ISO-8601 interval; {@link IllegalArgumentException} naming the text otherwise. */
  public static TimeInterval parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("interval must not be null");
    }
    final int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("interval=\"" + text + "\" is not ISO-8601 start/end, e.g. 2013-08-31/2013-09-01");
    }
    final String left = text.substring(0, slash);
    final String right = text.substring(slash + 1);
    final boolean leftPeriod = left.charAt(0) == 'P';
    final boolean rightPeriod = right.charAt(0) == 'P';
    if (leftPeriod && rightPeriod) {
      throw new IllegalArgumentException("interval=\"" + text + "\": start and end cannot both be periods");
    }
    try {
      if (rightPeriod) {
        final long start = instant(left, text);
        return new TimeInterval(start, plus(start, IsoPeriod.parse(right), 1));
      }
      if (leftPeriod) {
        final long end = instant(right, text);
        return new TimeInterval(plus(end, IsoPeriod.parse(left), -1), end);
      }
      return new TimeInterval(instant(left, text), instant(right, text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("interval=\"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static long instant(String value, String interval) {
    final long ms = IsoTimestamps.parse(value, false);
    if (ms == IsoTimestamps.INVALID) {
      throw new IllegalArgumentException("\"" + value + "\" is not an ISO-8601 instant");
    }
    return ms;
  }

  private static long plus(long ms, IsoPeriod period, int sign) {
    ZonedDateTime at = ZonedDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
    at = at.plusMonths(sign * period.totalMonths()).plusDays(sign * period.totalDays());
    return at.toInstant().toEpochMilli() + sign * period.timeMillis();
  }

  public boolean contains(long timeMs) {
    return timeMs >= startMs && timeMs < endMs;
  }

  public boolean overlaps(long otherStartMs, long otherEndMs) {
    return otherStartMs < endMs && otherEndMs > startMs;
  }

  /** {@code start/end} with Druid's instant format. */
  @Override
  public String toString() {
    return IsoTimestamps.format(startMs) + "/" + IsoTimestamps.format(endMs);
  }
}
