package io.nemeton.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Double and float kernels: the scalar sums against an independent eight-lane-order oracle, min
 * and max against {@link Math#min}/{@link Math#max} folds, and SIMD against scalar bit for bit
 * (compared as {@link Double#doubleToLongBits}, so every NaN is one NaN but -0.0 is not +0.0).
 */
class DoubleKernelsTest {
  private static final Kernels SCALAR = Kernels.scalar();
  private static final Kernels SIMD = Kernels.of(KernelMode.SIMD);

  /** The eight-lane order written the obvious way, with an array of partials. */
  static double eightLaneSum(double[] taken, int count) {
    final double[] partial = new double[8];
    for (int j = 0; j < count; j++) {
      partial[j % 8] += taken[j];
    }
    return DoubleKernels.combineLanes(
        partial[0], partial[1], partial[2], partial[3],
        partial[4], partial[5], partial[6], partial[7]);
  }

  @Test
  void doublesAgree() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final double[] full = batches.doubles(count);
      final double[] values = batches.random().nextBoolean() ? full : Arrays.copyOf(full, count);
      final boolean[] nulls = batches.nulls(count);
      final int[] selectedCount = new int[1];
      final int[] selection =
          RandomBatches.tight(batches.selection(count, selectedCount), selectedCount[0]);
      final int n = selectedCount[0];
      for (int form = 0; form < 4; form++) {
        final int[] rows = form % 2 == 0 ? null : selection;
        final boolean[] mask = form < 2 ? null : nulls;
        final int taken = rows == null ? count : n;
        final double[] picked = new double[taken];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < taken; i++) {
          final int row = rows == null ? i : rows[i];
          final boolean isNull = mask != null && mask[row];
          picked[i] = isNull ? 0.0 : values[row];
          if (!isNull) {
            min = Math.min(min, values[row]);
            max = Math.max(max, values[row]);
          }
        }
        final String at = "seed=" + seed + " round=" + round + " count=" + count + " form=" + form;
        assertBits(eightLaneSum(picked, taken), sum(SCALAR.doubles(), values, rows, mask, taken), at + " scalar sum");
        assertBits(eightLaneSum(picked, taken), sum(SIMD.doubles(), values, rows, mask, taken), at + " simd sum");
        assertBits(min, min(SCALAR.doubles(), values, rows, mask, taken), at + " scalar min");
        assertBits(min, min(SIMD.doubles(), values, rows, mask, taken), at + " simd min");
        assertBits(max, max(SCALAR.doubles(), values, rows, mask, taken), at + " scalar max");
        assertBits(max, max(SIMD.doubles(), values, rows, mask, taken), at + " simd max");
      }
    }
  }

  @Test
  void rangeSumsEqualSelectionSums() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final double[] values = batches.doubles(count);
      final long[] longs = batches.longs(count);
      final int from = count == 0 ? 0 : batches.random().nextInt(count + 1);
      final int to = from + (count == from ? 0 : batches.random().nextInt(count - from + 1));
      final int[] positions = new int[to - from];
      for (int i = 0; i < positions.length; i++) {
        positions[i] = from + i;
      }
      final String at = "seed=" + seed + " round=" + round + " from=" + from + " to=" + to;
      final double expected = SCALAR.doubles().sum(values, positions, positions.length);
      assertBits(expected, SCALAR.doubles().sumRange(values, from, to), at + " scalar double");
      assertBits(expected, SIMD.doubles().sumRange(values, from, to), at + " simd double");
      final long expectedLong = SCALAR.longs().sum(longs, positions, positions.length);
      assertEquals(expectedLong, SCALAR.longs().sumRange(longs, from, to), at + " scalar long");
      assertEquals(expectedLong, SIMD.longs().sumRange(longs, from, to), at + " simd long");
    }
  }

  @Test
  void floatsAgree() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final float[] full = batches.floats(count);
      final float[] values = batches.random().nextBoolean() ? full : Arrays.copyOf(full, count);
      final boolean[] nulls = batches.nulls(count);
      final int[] selectedCount = new int[1];
      final int[] selection =
          RandomBatches.tight(batches.selection(count, selectedCount), selectedCount[0]);
      final int n = selectedCount[0];
      for (int form = 0; form < 4; form++) {
        final int[] rows = form % 2 == 0 ? null : selection;
        final boolean[] mask = form < 2 ? null : nulls;
        final int taken = rows == null ? count : n;
        final double[] picked = new double[taken];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < taken; i++) {
          final int row = rows == null ? i : rows[i];
          final boolean isNull = mask != null && mask[row];
          picked[i] = isNull ? 0.0 : values[row];
          if (!isNull) {
            min = Math.min(min, values[row]);
            max = Math.max(max, values[row]);
          }
        }
        final String at = "seed=" + seed + " round=" + round + " count=" + count + " form=" + form;
        final FloatKernels scalar = SCALAR.floats();
        final FloatKernels simd = SIMD.floats();
        assertBits(eightLaneSum(picked, taken), floatSum(scalar, values, rows, mask, taken), at + " scalar sum");
        assertBits(eightLaneSum(picked, taken), floatSum(simd, values, rows, mask, taken), at + " simd sum");
        assertBits(min, floatMin(scalar, values, rows, mask, taken), at + " scalar min");
        assertBits(min, floatMin(simd, values, rows, mask, taken), at + " simd min");
        assertBits(max, floatMax(scalar, values, rows, mask, taken), at + " scalar max");
        assertBits(max, floatMax(simd, values, rows, mask, taken), at + " simd max");
      }
    }
  }

  @Test
  void minAndMaxFollowMathSemantics() {
    for (Kernels kernels : new Kernels[] {SCALAR, SIMD}) {
      final double[] withNan = {1.0, 2.0, Double.NaN, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0};
      assertBits(Double.NaN, kernels.doubles().min(withNan, withNan.length), kernels + " NaN min");
      assertBits(Double.NaN, kernels.doubles().max(withNan, withNan.length), kernels + " NaN max");
      final double[] zeros = {0.0, -0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
      assertBits(-0.0, kernels.doubles().min(zeros, zeros.length), kernels + " -0.0 min");
      assertBits(0.0, kernels.doubles().max(zeros, zeros.length), kernels + " +0.0 max");
      assertBits(Double.POSITIVE_INFINITY, kernels.doubles().min(zeros, 0), kernels + " empty min");
      assertBits(Double.NEGATIVE_INFINITY, kernels.doubles().max(zeros, 0), kernels + " empty max");
    }
  }

  @Test
  void floatSumsDoNotStallAtTwoToTheTwentyFour() {
    final float[] ones = new float[1024];
    Arrays.fill(ones, 1.0f);
    for (Kernels kernels : new Kernels[] {SCALAR, SIMD}) {
      final FloatSumAggregator sum = new FloatSumAggregator(kernels);
      for (int batch = 0; batch < 20_000; batch++) {
        sum.aggregate(ones, 1024);
      }
      // A float running sum would stop at 16,777,216.
      assertEquals(20_480_000.0, sum.sum(), kernels.toString());
      assertEquals(20_480_000f, sum.value(), kernels.toString());
    }
  }

  static void assertBits(double expected, double actual, String message) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
        () -> message + ": expected " + expected + " actual " + actual);
  }

  static void assertBits(float expected, float actual, String message) {
    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
        () -> message + ": expected " + expected + " actual " + actual);
  }

  static double sum(DoubleKernels kernels, double[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.sum(values, count) : kernels.sum(values, nulls, count);
    }
    return nulls == null ? kernels.sum(values, rows, count) : kernels.sum(values, rows, nulls, count);
  }

  static double min(DoubleKernels kernels, double[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.min(values, count) : kernels.min(values, nulls, count);
    }
    return nulls == null ? kernels.min(values, rows, count) : kernels.min(values, rows, nulls, count);
  }

  static double max(DoubleKernels kernels, double[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.max(values, count) : kernels.max(values, nulls, count);
    }
    return nulls == null ? kernels.max(values, rows, count) : kernels.max(values, rows, nulls, count);
  }

  static double floatSum(FloatKernels kernels, float[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.sum(values, count) : kernels.sum(values, nulls, count);
    }
    return nulls == null ? kernels.sum(values, rows, count) : kernels.sum(values, rows, nulls, count);
  }

  static float floatMin(FloatKernels kernels, float[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.min(values, count) : kernels.min(values, nulls, count);
    }
    return nulls == null ? kernels.min(values, rows, count) : kernels.min(values, rows, nulls, count);
  }

  static float floatMax(FloatKernels kernels, float[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.max(values, count) : kernels.max(values, nulls, count);
    }
    return nulls == null ? kernels.max(values, rows, count) : kernels.max(values, rows, nulls, count);
  }
}
