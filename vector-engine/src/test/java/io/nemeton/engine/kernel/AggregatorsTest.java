package io.nemeton.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SQL-compatible null results, combining and resetting, in both modes. */
class AggregatorsTest {
  private static final Kernels[] MODES = {Kernels.scalar(), Kernels.of(KernelMode.SIMD)};

  @Test
  void allNullGivesNullExceptCount() {
    final long[] longs = new long[16];
    final double[] doubles = new double[16];
    final float[] floats = new float[16];
    final boolean[] nulls = new boolean[16];
    java.util.Arrays.fill(nulls, true);
    final int[] selection = {1, 5, 9};
    for (Kernels kernels : MODES) {
      final LongSumAggregator longSum = new LongSumAggregator(kernels);
      final LongMinAggregator longMin = new LongMinAggregator(kernels);
      final DoubleMaxAggregator doubleMax = new DoubleMaxAggregator(kernels);
      final FloatSumAggregator floatSum = new FloatSumAggregator(kernels);
      final CountAggregator count = new CountAggregator(kernels);
      final CountAggregator nonNull = new CountAggregator(kernels);
      assertTrue(longSum.isNull(), "no rows");
      longSum.aggregate(longs, nulls, 16);
      longSum.aggregate(longs, selection, nulls, 3);
      longMin.aggregate(longs, nulls, 16);
      doubleMax.aggregate(doubles, nulls, 16);
      floatSum.aggregate(floats, selection, nulls, 3);
      count.aggregate(16);
      nonNull.aggregateNonNull(nulls, 16);
      assertTrue(longSum.isNull(), kernels.toString());
      assertTrue(longMin.isNull(), kernels.toString());
      assertTrue(doubleMax.isNull(), kernels.toString());
      assertTrue(floatSum.isNull(), kernels.toString());
      assertEquals(16, count.value());
      assertEquals(0, nonNull.value());

      nulls[9] = false;
      longs[9] = -7;
      longSum.aggregate(longs, selection, nulls, 3);
      longMin.aggregate(longs, nulls, 16);
      assertFalse(longSum.isNull());
      assertEquals(-7, longSum.value());
      assertEquals(-7, longMin.value());
      nulls[9] = true;
    }
  }

  @Test
  void modesAgreeOverManyBatchesAndCombine() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    final DoubleSumAggregator[] sums = new DoubleSumAggregator[2];
    final FloatMinAggregator[] mins = new FloatMinAggregator[2];
    final LongMaxAggregator[] maxes = new LongMaxAggregator[2];
    for (int m = 0; m < 2; m++) {
      sums[m] = new DoubleSumAggregator(MODES[m]);
      mins[m] = new FloatMinAggregator(MODES[m]);
      maxes[m] = new LongMaxAggregator(MODES[m]);
    }
    for (int batch = 0; batch < 500; batch++) {
      final int count = batches.batchSize();
      final double[] doubles = batches.doubles(count);
      final float[] floats = batches.floats(count);
      final long[] longs = batches.longs(count);
      final boolean[] nulls = batches.random().nextBoolean() ? null : batches.nulls(count);
      for (int m = 0; m < 2; m++) {
        sums[m].aggregate(doubles, nulls, count);
        mins[m].aggregate(floats, nulls, count);
        maxes[m].aggregate(longs, nulls, count);
      }
    }
    final String at = "seed=" + seed;
    assertEquals(sums[0].isNull(), sums[1].isNull(), at);
    assertEquals(
        Double.doubleToLongBits(sums[0].value()), Double.doubleToLongBits(sums[1].value()), at);
    assertEquals(Float.floatToIntBits(mins[0].value()), Float.floatToIntBits(mins[1].value()), at);
    assertEquals(maxes[0].value(), maxes[1].value(), at);

    final LongMaxAggregator merged = new LongMaxAggregator(MODES[0]);
    merged.combine(maxes[0]);
    merged.combine(new LongMaxAggregator(MODES[0])); // a null partial changes nothing
    assertEquals(maxes[0].value(), merged.value(), at);
    assertEquals(maxes[0].isNull(), merged.isNull(), at);
    merged.reset();
    assertTrue(merged.isNull());
    assertEquals(Long.MIN_VALUE, merged.value());
  }
}
