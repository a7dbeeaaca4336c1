package io.nemeton.engine.query.time;

/**
 * A half-open time interval {@code [startMs, endMs)} in epoch milliseconds, UTC.
 *
 * <p>Immutable and thread-safe. Text forms are those of Druid (Joda): {@code start/end}, {@code
 * start/period} and {@code period/end}, e.g. {@code 2013-01-01/2013-01-08}, {@code
 * 2016-06-27T00Z/P1D}, {@code P1D/2016-06-28}, {@code 1000/3000} (years).
 */
public record Interval(long startMs, long endMs) {

  /** Druid's smallest instant, {@code Long.MIN_VALUE / 2}: -146136543-09-08T08:23:32.096Z. */
  public static final long MIN_INSTANT_MS = Long.MIN_VALUE / 2;

  /** Druid's largest instant, {@code Long.MAX_VALUE / 2}: 146140482-04-24T15:36:27.903Z. */
  public static final long MAX_INSTANT_MS = Long.MAX_VALUE / 2;

  /** The interval covering all time, as Druid's {@code Intervals.ETERNITY}. */
  public static final Interval ETERNITY = new Interval(MIN_INSTANT_MS, MAX_INSTANT_MS);

  public Interval {
    if (endMs < startMs) {
      throw new IllegalArgumentException(
          "interval end " + IsoInstant.format(endMs) + " is before its start " + IsoInstant.format(startMs));
    }
  }

  /**
   * Parses {@code start/end}, {@code start/period} or {@code period/end}.
   *
   * @throws IllegalArgumentException naming the text and the problem
   */
  public static Interval parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("invalid interval: null");
    }
    final int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      throw new IllegalArgumentException(
          "invalid interval '" + text + "': expected exactly one '/' between start and end");
    }
    final String first = text.substring(0, slash).trim();
    final String second = text.substring(slash + 1).trim();
    final boolean firstIsPeriod = isPeriod(first);
    final boolean secondIsPeriod = isPeriod(second);
    try {
      if (firstIsPeriod && secondIsPeriod) {
        throw new IllegalArgumentException("start and end cannot both be periods");
      }
      if (firstIsPeriod) {
        final long end = IsoInstant.parse(second);
        return new Interval(IsoPeriod.parse(first).addTo(end, InstantFields.utc(), -1), end);
      }
      final long start = IsoInstant.parse(first);
      if (secondIsPeriod) {
        return new Interval(start, IsoPeriod.parse(second).addTo(start, InstantFields.utc(), 1));
      }
      return new Interval(start, IsoInstant.parse(second));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("invalid interval '" + text + "': " + e.getMessage(), e);
    }
  }

  private static boolean isPeriod(String text) {
    return !text.isEmpty() && (text.charAt(0) == 'P' || text.charAt(0) == 'p');
  }

  /** Length in milliseconds. */
  public long durationMs() {
    return endMs - startMs;
  }

  /** True when {@code instantMs} falls in {@code [start, end)}. */
  public boolean contains(long instantMs) {
    return instantMs >= startMs && instantMs < endMs;
  }

  /** True when the two intervals share at least one instant. */
  public boolean overlaps(Interval other) {
    return startMs < other.endMs && other.startMs < endMs;
  }

  /** Druid's text form: {@code 2013-01-01T00:00:00.000Z/2013-01-08T00:00:00.000Z}. */
  @Override
  public String toString() {
    return IsoInstant.format(startMs) + "/" + IsoInstant.format(endMs);
  }
}
