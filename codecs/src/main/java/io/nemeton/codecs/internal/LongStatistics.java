package io.nemeton.codecs.internal;

/**
 * What an encoder needs to know about a block of longs to size every encoding without writing it:
 * range, range of neighbour differences, and runs. Computed in one pass by {@link #of}.
 *
 * <p>A mutable value owned by one encode call; not thread-safe.
 */
public final class LongStatistics {
  /** Encode-side rule: run-length only when runs average at least this many values (few, long runs). */
  public static final int RUN_LENGTH_MIN_AVERAGE = 4;

  public int count;
  public long min;
  public long max;
  public boolean constant;
  public long deltaMin;
  public long deltaMax;
  public int runs;
  public int longestRun;

  /** Statistics of {@code values[0, count)}. */
  public static LongStatistics of(long[] values, int count) {
    LongStatistics statistics = new LongStatistics();
    statistics.count = count;
    if (count == 0) {
      statistics.constant = true;
      return statistics;
    }
    long min = values[0];
    long max = values[0];
    long deltaMin = count > 1 ? values[1] - values[0] : 0;
    long deltaMax = deltaMin;
    int runs = 1;
    int run = 1;
    int longestRun = 1;
    for (int i = 1; i < count; i++) {
      final long value = values[i];
      final long delta = value - values[i - 1];
      min = Math.min(min, value);
      max = Math.max(max, value);
      deltaMin = Math.min(deltaMin, delta);
      deltaMax = Math.max(deltaMax, delta);
      if (delta == 0) {
        run++;
      } else {
        runs++;
        run = 1;
      }
      longestRun = Math.max(longestRun, run);
    }
    statistics.min = min;
    statistics.max = max;
    statistics.constant = min == max;
    statistics.deltaMin = deltaMin;
    statistics.deltaMax = deltaMax;
    statistics.runs = runs;
    statistics.longestRun = longestRun;
    return statistics;
  }

  /** Bits per value of frame-of-reference packing (range taken unsigned, so it never overflows). */
  public int width() {
    return PackedLayout.widthOf(max - min);
  }

  /** Bits per value of delta packing. */
  public int deltaWidth() {
    return PackedLayout.widthOf(deltaMax - deltaMin);
  }

  /** Bits per stored run length (stored as length - 1). */
  public int runLengthWidth() {
    return longestRun <= 1 ? 0 : PackedLayout.widthOf(longestRun - 1);
  }

  /** Whether run-length is worth choosing on its own (the forced path accepts any block). */
  public boolean runsAreLong() {
    return (long) runs * RUN_LENGTH_MIN_AVERAGE <= count;
  }
}
