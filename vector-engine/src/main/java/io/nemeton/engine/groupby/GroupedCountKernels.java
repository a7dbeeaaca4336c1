package io.nemeton.engine.groupby;

/**
 * Grouped row counts and non-null counts into {@link AccumulatorKind#COUNT} cells of an {@link
 * AccumulatorTable}. Conventions as on {@link GroupedLongKernels}: {@code groupIds[i]} is the
 * group of the i-th row taken; in the selection form, of row {@code selection[i]}.
 *
 * <p>One implementation serves both kernel modes (see {@link GroupedLongKernels}). Stateless;
 * never allocates.
 */
public final class GroupedCountKernels {
  private GroupedCountKernels() {}

  /** Adds one per row to the group's cell. */
  public static void count(long[] cells, int stride, int slot, int[] groupIds, int count) {
    for (int i = 0; i < count; i++) {
      cells[groupIds[i] * stride + slot]++;
    }
  }

  /**
   * Adds one per row to {@code counts[group]}: row counts alone in an {@code int[]} indexed by
   * dictionary id, half the bytes of a {@code long} cell, which is what a count-only group-by
   * over a large dictionary is bound by (cache misses; up to 2x faster at 1 M groups, see the
   * vector-engine README). Counts of one segment cannot overflow: its rows are an int.
   * Widen to long when merging segments.
   */
  public static void count(int[] counts, int[] groupIds, int count) {
    for (int i = 0; i < count; i++) {
      counts[groupIds[i]]++;
    }
  }

  /** Adds one per non-null row {@code i} (flag {@code nulls[i]}) to the group's cell. */
  public static void countNonNull(
      long[] cells, int stride, int slot, int[] groupIds, boolean[] nulls, int count) {
    for (int i = 0; i < count; i++) {
      cells[groupIds[i] * stride + slot] += nulls[i] ? 0 : 1;
    }
  }

  /** Adds one per non-null row {@code selection[i]} to the cell of group {@code groupIds[i]}. */
  public static void countNonNull(
      long[] cells, int stride, int slot, int[] groupIds, int[] selection, boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      cells[groupIds[i] * stride + slot] += nulls[selection[i]] ? 0 : 1;
    }
  }
}
