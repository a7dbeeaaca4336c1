package io.nemeton.engine.kernel;

/**
 * Ungrouped aggregation kernels over one batch of double values: sum, min and max in the four
 * forms described on {@link LongKernels}.
 *
 * <p><b>Summation order.</b> Floating-point addition is not associative, so a SIMD sum that keeps
 * several lanes of partial sums would round differently from a left-to-right loop. Rather than
 * test within a tolerance, both twins add in one fixed order, the <em>eight-lane order</em>:
 *
 * <pre>
 *   p[k] = 0.0 + x[k] + x[k+8] + x[k+16] + ...     for k = 0..7, each left to right
 *   sum  = ((p[0]+p[4]) + (p[2]+p[6])) + ((p[1]+p[5]) + (p[3]+p[7]))
 * </pre>
 *
 * where {@code x[j]} is the j-th value taken (the j-th row, or the row at {@code selection[j]}) and
 * a null row counts as {@code +0.0}. A partial sum that starts at {@code +0.0} can never become
 * {@code -0.0} under round-to-nearest, so adding {@code +0.0} for a null (or for a padding lane) is
 * exactly the same as skipping it. The SIMD twin keeps p[0..3] and p[4..7] in two four-lane
 * vectors, so it performs the very same additions and the twins agree bit for bit, NaN and
 * infinities included. Druid itself promises no order (its per-segment and merge orders vary),
 * so any fixed order is within its semantics; the eight-lane order is also more accurate than
 * one running sum. Across batches, aggregators add each batch's sum to their state in batch order.
 *
 * <p>Min and max follow {@link Math#min(double, double)} and {@link Math#max(double, double)}, as
 * Druid's {@code doubleMin}/{@code doubleMax} do: any NaN makes the result NaN and {@code -0.0} is
 * below {@code +0.0}. These do not depend on order. Min of no values is {@code +Infinity}, max of
 * none {@code -Infinity}.
 *
 * <p>Implementations are stateless and thread-safe and never allocate.
 */
public sealed interface DoubleKernels permits ScalarDoubleKernels, SimdDoubleKernels {
  double sum(double[] values, int count);

  double sum(double[] values, int[] selection, int count);

  /**
   * Sum of the dense run {@code values[from, to)} in the eight-lane order counted from {@code
   * from} ({@code x[j] = values[from + j]}): bit for bit the sum over a selection vector holding
   * the positions {@code from..to-1}, without the selection vector.
   */
  double sumRange(double[] values, int from, int to);

  double sum(double[] values, boolean[] nulls, int count);

  double sum(double[] values, int[] selection, boolean[] nulls, int count);

  double min(double[] values, int count);

  double min(double[] values, int[] selection, int count);

  double min(double[] values, boolean[] nulls, int count);

  double min(double[] values, int[] selection, boolean[] nulls, int count);

  double max(double[] values, int count);

  double max(double[] values, int[] selection, int count);

  double max(double[] values, boolean[] nulls, int count);

  double max(double[] values, int[] selection, boolean[] nulls, int count);

  /** Combines the eight partial sums of the eight-lane order (see the type's documentation). */
  /** Combines the eight lane sums in the eight-lane order's fixed tree. */
  static double combineLanes(
      double p0, double p1, double p2, double p3, double p4, double p5, double p6, double p7) {
    return ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7));
  }
}
