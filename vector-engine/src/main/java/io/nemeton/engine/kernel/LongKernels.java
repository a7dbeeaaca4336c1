package io.nemeton.engine.kernel;

/**
 * Ungrouped aggregation kernels over one batch of long values: sum, min and max, each in four
 * forms (all rows, a selection vector, a null mask, both).
 *
 * <p>Conventions shared by every kernel family in this package:
 *
 * <ul>
 *   <li>{@code values[0..count)} are the rows of the batch; a {@code selection} holds ascending row
 *       positions within the batch and the kernel reads {@code values[selection[0..count)]}.
 *   <li>{@code nulls[p]} true means row position {@code p} is null (indexed like {@code values},
 *       also in the selection forms). Null rows are skipped: they add the operation's identity.
 *   <li>Nothing is validated: callers at a boundary have checked lengths. Kernels never allocate.
 * </ul>
 *
 * <p>Sums wrap on overflow exactly like Java {@code long} arithmetic (as Druid's {@code longSum}
 * does), so the order of additions cannot change a result and the SIMD and scalar twins agree bit
 * for bit. Min of no values is {@link Long#MAX_VALUE}, max of none {@link Long#MIN_VALUE}; whether
 * the result is SQL null is the aggregator's business ({@link LongMinAggregator}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public sealed interface LongKernels permits ScalarLongKernels, SimdLongKernels {
  long sum(long[] values, int count);

  long sum(long[] values, int[] selection, int count);

  /**
   * Sum of the dense run {@code values[from, to)}: the same value as {@code sum(values, selection,
   * to - from)} over the positions {@code from..to-1}, without a selection vector.
   */
  long sumRange(long[] values, int from, int to);

  long sum(long[] values, boolean[] nulls, int count);

  long sum(long[] values, int[] selection, boolean[] nulls, int count);

  long min(long[] values, int count);

  long min(long[] values, int[] selection, int count);

  long min(long[] values, boolean[] nulls, int count);

  long min(long[] values, int[] selection, boolean[] nulls, int count);

  long max(long[] values, int count);

  long max(long[] values, int[] selection, int count);

  long max(long[] values, boolean[] nulls, int count);

  long max(long[] values, int[] selection, boolean[] nulls, int count);
}
