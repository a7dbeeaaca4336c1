package io.nemeton.engine.kernel;

/**
 * Filter kernels that build a selection vector: ascending row positions within a batch, written
 * to {@code selectionOut} with their count returned. The "select" forms test rows {@code [0,
 * count)}; the "refine" forms test only the rows of an input selection and keep those that pass
 * ({@code selectionOut} may be the input selection itself: refining in place is safe). Null rows
 * ({@code nulls[p]} true; a null {@code nulls} means the batch has none) never match, as Druid's
 * SQL-compatible comparisons never match null.
 *
 * <p>Ranges are inclusive on both ends. Strict bounds convert exactly: for longs {@code v > a} is
 * {@code v >= a + 1} (no rows when {@code a == Long.MAX_VALUE}); for doubles {@code v > a} is
 * {@code v >= Math.nextUp(a)} and {@code v < b} is {@code v <= Math.nextDown(b)} (no rows when
 * {@code a} is +Infinity or {@code b} is -Infinity). An open end is {@code Long.MIN_VALUE} or
 * {@code -Infinity} (and the like above). NaN values never match; a NaN bound matches nothing.
 *
 * <p>{@code selectionOut} must hold at least {@code count} entries (the SIMD twin writes up to
 * eight positions past the returned count, but never past {@code count}). Nothing is validated.
 * Implementations are stateless and thread-safe and never allocate.
 */
public sealed interface SelectionKernels permits ScalarSelectionKernels, SimdSelectionKernels {
  /**
   * Converts absolute row ids (ascending, as a bitmap's batch iterator gives them) to positions
   * within the block {@code [blockStartRow, blockStartRow + blockRowCount)}. Reads {@code
   * rowIds[offset..offset+available)}, stops at the first id at or past the block's end, writes
   * {@code rowId - blockStartRow} for the ids before it and returns how many it took (the caller
   * moves its offset by that much). Ids must not be below {@code blockStartRow}.
   */
  int positionsInBlock(
      int[] rowIds,
      int offset,
      int available,
      int blockStartRow,
      int blockRowCount,
      int[] selectionOut);

  /** Rows of {@code [0, count)} whose value is in {@code [lower, upper]} and not null. */
  int selectLongRange(
      long[] values, boolean[] nulls, int count, long lower, long upper, int[] selectionOut);

  /** Rows of {@code selection[0..count)} whose value is in {@code [lower, upper]} and not null. */
  int refineLongRange(
      long[] values,
      boolean[] nulls,
      int[] selection,
      int count,
      long lower,
      long upper,
      int[] selectionOut);

  /** Rows of {@code [0, count)} whose value is in {@code [lower, upper]}, not NaN and not null. */
  int selectDoubleRange(
      double[] values, boolean[] nulls, int count, double lower, double upper, int[] selectionOut);

  /** Rows of {@code selection[0..count)} in {@code [lower, upper]}, not NaN and not null. */
  int refineDoubleRange(
      double[] values,
      boolean[] nulls,
      int[] selection,
      int count,
      double lower,
      double upper,
      int[] selectionOut);

  /**
   * Rows of {@code [0, count)} whose dictionary id is in {@code matching}; ids must lie in {@code
   * [0, matching.capacity())}.
   */
  int selectIds(int[] ids, int count, IdBitSet matching, int[] selectionOut);

  /** Rows of {@code selection[0..count)} whose dictionary id is in {@code matching}. */
  int refineIds(int[] ids, int[] selection, int count, IdBitSet matching, int[] selectionOut);

  /**
   * Writes {@code values[selection[i]]} to {@code out[i]} for {@code i < count}: compacts a
   * per-row column (e.g. dictionary ids used as group ids) to the selected rows. {@code out} may be
   * {@code values} itself.
   */
  void gather(int[] values, int[] selection, int count, int[] out);
}
