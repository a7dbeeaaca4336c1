package io.nemeton.engine.groupby;

/**
 * Builds the fixed-width keys of {@link GroupKeyHashTable} from a batch's key columns: two
 * dictionary ids (or ints) into one long, or two longs side by side for a two-long key. Also
 * the dense alternative, two ids into one int group id, when the product of the cardinalities is
 * small enough for an {@link AccumulatorTable} indexed directly.
 *
 * <p>Stateless; never allocates.
 */
public final class GroupKeyPacking {
  private GroupKeyPacking() {}

  /** {@code out[i] = high[i] << 32 | low[i] (unsigned)}, a one-long key of two ints. */
  public static void packInts(int[] high, int[] low, int count, long[] out) {
    for (int i = 0; i < count; i++) {
      out[i] = (long) high[i] << 32 | (low[i] & 0xFFFF_FFFFL);
    }
  }

  /** {@code out[2i] = first[i], out[2i+1] = second[i]}, the layout of two-long keys. */
  public static void interleave(long[] first, long[] second, int count, long[] out) {
    for (int i = 0; i < count; i++) {
      out[2 * i] = first[i];
      out[2 * i + 1] = second[i];
    }
  }

  /**
   * {@code out[i] = outer[i] * innerCardinality + inner[i]}: a dense group id for two dictionary
   * columns whose cardinalities multiply to at most {@link Integer#MAX_VALUE} (the caller checks,
   * see {@link #denseFits}).
   */
  public static void packDense(
      int[] outer, int[] inner, int innerCardinality, int count, int[] out) {
    for (int i = 0; i < count; i++) {
      out[i] = outer[i] * innerCardinality + inner[i];
    }
  }

  /** Whether {@link #packDense} can index {@code outerCardinality * innerCardinality} groups. */
  public static boolean denseFits(int outerCardinality, int innerCardinality) {
    return (long) outerCardinality * innerCardinality <= Integer.MAX_VALUE;
  }
}
