package io.nemeton.codecs.internal;

/**
 * What an encoder needs to know about a block of longs to size every encoding without writing it:
 * range, range of neighbour differences, and runs. Computed in one pass by {@link #of}.
 *
 * <p>A mutable value owned by one encode call (or reused call after call through {@link
 * #compute}), which keeps a reference to the values until then; not thread-safe.
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
  /** The values, kept only so the longest run can be found when run-length needs it. */
  private long[] values;
  private int longestRun = -1;

  /** Statistics of {@code values[0, count)} in a new object; see {@link #compute}. */
  public static LongStatistics of(long[] values, int count) {
    return new LongStatistics().compute(values, count);
  }

  /**
   * Recomputes these statistics for {@code values[0, count)} and returns this (so one object serves
   * block after block). One pass without a loop-carried branch: the longest run (the only figure
   * that needs one) is found later, and only when run-length encoding is sized.
   */
  public LongStatistics compute(long[] values, int count) {
    this.count = count;
    this.values = values;
    this.longestRun = -1;
    if (count == 0) {
      return ofEmptyBlock();
    }
    long min = values[0];
    long max = values[0];
    long deltaMin = count > 1 ? values[1] - values[0] : 0;
    long deltaMax = deltaMin;
    int changes = 0;
    long previous = values[0];
    for (int i = 1; i < count; i++) {
      final long value = values[i];
      final long delta = value - previous;
      min = Math.min(min, value);
      max = Math.max(max, value);
      deltaMin = Math.min(deltaMin, delta);
      deltaMax = Math.max(deltaMax, delta);
      changes += delta != 0 ? 1 : 0;
      previous = value;
    }
    this.min = min;
    this.max = max;
    this.constant = min == max;
    this.deltaMin = deltaMin;
    this.deltaMax = deltaMax;
    this.runs = changes + 1;
    return this;
  }

  /**
   * As {@link #compute} but without the neighbour differences ({@code deltaMin} and {@code deltaMax}
   * are left 0), for encoders that never size a delta block (ints, decimal-scaled floating values):
   * two fewer dependent min/max chains per value.
   */
  public LongStatistics computeWithoutDeltas(long[] values, int count) {
    this.count = count;
    this.values = values;
    this.longestRun = -1;
    this.deltaMin = 0;
    this.deltaMax = 0;
    if (count == 0) {
      return ofEmptyBlock();
    }
    long min = values[0];
    long max = values[0];
    int changes = 0;
    for (int i = 1; i < count; i++) {
      final long value = values[i];
      min = Math.min(min, value);
      max = Math.max(max, value);
      changes += value != values[i - 1] ? 1 : 0;
    }
    this.min = min;
    this.max = max;
    this.constant = min == max;
    this.runs = changes + 1;
    return this;
  }

  /** The longest run of equal neighbours (1 when no two neighbours are equal). */
  public int longestRun() {
    if (longestRun < 0) {
      final long[] data = values;
      int run = 1;
      int longest = 1;
      for (int i = 1; i < count; i++) {
        run = data[i] == data[i - 1] ? run + 1 : 1;
        longest = Math.max(longest, run);
      }
      longestRun = longest;
    }
    return longestRun;
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
    final int longest = longestRun();
    return longest <= 1 ? 0 : PackedLayout.widthOf(longest - 1);
  }

  /** Whether run-length is worth choosing on its own (the forced path accepts any block). */
  public boolean runsAreLong() {
    return (long) runs * RUN_LENGTH_MIN_AVERAGE <= count;
  }

  /** An empty block's figures: constant, no runs, every bound 0. */
  private LongStatistics ofEmptyBlock() {
    min = 0;
    max = 0;
    constant = true;
    deltaMin = 0;
    deltaMax = 0;
    runs = 0;
    longestRun = 1;
    return this;
  }
}
