package io.nemeton.codecs.internal;

/**
 * The arrays and statistics one block encode needs, kept between calls so that encoding a column
 * block after block allocates nothing once the arrays have grown to the block size. Each array
 * grows (by replacement, contents lost) when a larger block comes; a block holds at most {@link
 * BlockLayout#MAX_VALUES} values, so the arrays are bounded.
 *
 * <p>Not thread-safe: one per encoding thread. The arrays are valid only during one encode call.
 */
public final class EncoderScratch {
  /** Words of one bit-packed group: at most {@link PackedLayout#MAX_LANE_WIDTH} words per lane. */
  private final int[] groupWords = new int[PackedLayout.MAX_LANE_WIDTH * PackedLayout.LANES];
  private final LongStatistics statistics = new LongStatistics();
  private final LongStatistics secondStatistics = new LongStatistics();
  /**
   * Arrays start at the usual block size (1024 rows), so a fresh scratch does not grow on its first
   * blocks: growing is then a branch only larger blocks take, not one every new writer takes once
   * (which makes the JIT discard the compiled encoder it sits in).
   */
  private static final int USUAL_BLOCK_VALUES = 1024;
  private long[] wide = new long[USUAL_BLOCK_VALUES];
  private long[] scaled = new long[USUAL_BLOCK_VALUES];
  private long[] deltas = new long[USUAL_BLOCK_VALUES];
  private long[] runValues = new long[USUAL_BLOCK_VALUES];
  private long[] runLengths = new long[USUAL_BLOCK_VALUES];

  /** Scratch for int blocks widened to longs and for floating bit patterns. */
  public long[] wide(int count) {
    if (wide.length < count) {
      wide = new long[count];
    }
    return wide;
  }

  /** Scratch for decimal-scaled floating values. */
  public long[] scaled(int count) {
    if (scaled.length < count) {
      scaled = new long[count];
    }
    return scaled;
  }

  /** Scratch for neighbour differences of a delta block. */
  public long[] deltas(int count) {
    if (deltas.length < count) {
      deltas = new long[count];
    }
    return deltas;
  }

  /** Scratch for the values of runs. */
  public long[] runValues(int runs) {
    if (runValues.length < runs) {
      runValues = new long[runs];
    }
    return runValues;
  }

  /** Scratch for the lengths of runs. */
  public long[] runLengths(int runs) {
    if (runLengths.length < runs) {
      runLengths = new long[runs];
    }
    return runLengths;
  }

  /** The words of one bit-packed group, of any width up to the lane limit. */
  public int[] groupWords() {
    return groupWords;
  }

  /** Reused statistics of the block being encoded. */
  public LongStatistics statistics() {
    return statistics;
  }

  /** Reused statistics of a second array of the same block (decimal-scaled values). */
  public LongStatistics secondStatistics() {
    return secondStatistics;
  }
}
