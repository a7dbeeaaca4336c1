package io.nemeton.engine.kernel;

/**
 * Ungrouped aggregation kernels over one batch of float values: sum, min and max in the four forms
 * described on {@link LongKernels}.
 *
 * <p><b>Float sums accumulate in double.</b> Druid's {@code floatSum} keeps a {@code float} running
 * sum (row aggregator, vector aggregator and merge alike), which stops growing once the sum
 * reaches 2^24 times the values' magnitude: 20 M rows of {@code 1.0f} sum to 16,777,216 there.
 * Here each float is widened to double (exactly) and summed in the eight-lane order of {@link
 * DoubleKernels}; aggregators keep a double and round to float once, when the result is read.
 * Wherever Druid's float arithmetic is exact (small counts of small numbers, all its documented
 * examples) the results are equal; elsewhere ours is the correctly rounded one or closer to it.
 * The scalar and SIMD twins agree bit for bit.
 *
 * <p>Min and max follow {@link Math#min(float, float)} and {@link Math#max(float, float)} as
 * Druid's {@code floatMin}/{@code floatMax} do (NaN wins, -0.0 below +0.0). Min of no values is
 * {@code +Infinity}, max of none {@code -Infinity}.
 *
 * <p>Implementations are stateless and thread-safe and never allocate.
 */
public sealed interface FloatKernels permits ScalarFloatKernels, SimdFloatKernels {
  double sum(float[] values, int count);

  double sum(float[] values, int[] selection, int count);

  double sum(float[] values, boolean[] nulls, int count);

  double sum(float[] values, int[] selection, boolean[] nulls, int count);

  float min(float[] values, int count);

  float min(float[] values, int[] selection, int count);

  float min(float[] values, boolean[] nulls, int count);

  float min(float[] values, int[] selection, boolean[] nulls, int count);

  float max(float[] values, int count);

  float max(float[] values, int[] selection, int count);

  float max(float[] values, boolean[] nulls, int count);

  float max(float[] values, int[] selection, boolean[] nulls, int count);
}
