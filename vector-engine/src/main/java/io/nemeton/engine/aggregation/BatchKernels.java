package io.nemeton.engine.aggregation;

/**
 * The ungrouped aggregation loops over one batch, in the two shapes a batch has: a dense run of
 * positions {@code [from, to)} or a selection vector {@code selection[0, size)}. Null rows hold 0
 * in the value arrays, so sums need no null mask; min and max take the block's null flags (null
 * when the block has none) and skip null rows, answering the operation's identity when every row
 * is null. Sums add in row order (a SIMD implementation may reorder double additions; longs wrap as
 * Java arithmetic does).
 *
 * <p>{@link ScalarKernels} is the reference; a vectorized implementation must agree with it.
 * Implementations are stateless and thread-safe and allocate nothing.
 */
public interface BatchKernels {

  long sumLong(long[] values, int from, int to);

  long sumLong(long[] values, int[] selection, int size);

  double sumDouble(double[] values, int from, int to);

  double sumDouble(double[] values, int[] selection, int size);

  /** Adds in float arithmetic, row by row, starting from {@code start}. */
  float sumFloat(float start, float[] values, int from, int to);

  float sumFloat(float start, float[] values, int[] selection, int size);

  long minLong(long[] values, boolean[] nulls, int from, int to);

  long minLong(long[] values, boolean[] nulls, int[] selection, int size);

  long maxLong(long[] values, boolean[] nulls, int from, int to);

  long maxLong(long[] values, boolean[] nulls, int[] selection, int size);

  /** {@link Math#min(double, double)} semantics: NaN wins; +Infinity when every row is null. */
  double minDouble(double[] values, boolean[] nulls, int from, int to);

  double minDouble(double[] values, boolean[] nulls, int[] selection, int size);

  double maxDouble(double[] values, boolean[] nulls, int from, int to);

  double maxDouble(double[] values, boolean[] nulls, int[] selection, int size);

  /** Rows that are not null. */
  int countNonNull(boolean[] nulls, int from, int to);

  int countNonNull(boolean[] nulls, int[] selection, int size);
}
