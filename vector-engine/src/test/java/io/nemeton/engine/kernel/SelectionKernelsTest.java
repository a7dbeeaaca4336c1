package io.nemeton.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Filter kernels of both modes against a row-at-a-time predicate oracle. */
class SelectionKernelsTest {
  private static final SelectionKernels[] MODES = {
    Kernels.scalar().selections(), Kernels.of(KernelMode.SIMD).selections()
  };

  @Test
  void rangesMatchOracle() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    final SplittableRandom random = batches.random();
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final long[] longs = batches.longs(count);
      final double[] doubles = batches.doubles(count);
      final boolean[] nulls = random.nextBoolean() ? null : batches.nulls(count);
      final int[] selectedCount = new int[1];
      final int[] selection = batches.selection(count, selectedCount);
      final int n = selectedCount[0];
      long lower = count == 0 ? 0 : longs[random.nextInt(count)];
      long upper = count == 0 ? 0 : longs[random.nextInt(count)];
      if (random.nextInt(8) == 0) {
        lower = Long.MIN_VALUE;
      }
      if (random.nextInt(8) == 0) {
        upper = Long.MAX_VALUE;
      }
      double dLower = count == 0 ? 0 : doubles[random.nextInt(count)];
      double dUpper = count == 0 ? 0 : doubles[random.nextInt(count)];
      if (random.nextInt(8) == 0) {
        dLower = Double.NEGATIVE_INFINITY;
      }
      if (random.nextInt(8) == 0) {
        dUpper = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NaN;
      }
      final String at = "seed=" + seed + " round=" + round + " count=" + count;

      final int[] expected = new int[RandomBatches.BATCH];
      int e = 0;
      for (int row = 0; row < count; row++) {
        if ((nulls == null || !nulls[row]) && longs[row] >= lower && longs[row] <= upper) {
          expected[e++] = row;
        }
      }
      final int[] expectedRefined = new int[RandomBatches.BATCH];
      int r = 0;
      for (int i = 0; i < n; i++) {
        final int row = selection[i];
        if ((nulls == null || !nulls[row]) && longs[row] >= lower && longs[row] <= upper) {
          expectedRefined[r++] = row;
        }
      }
      final int[] expectedDoubles = new int[RandomBatches.BATCH];
      int d = 0;
      for (int row = 0; row < count; row++) {
        if ((nulls == null || !nulls[row]) && doubles[row] >= dLower && doubles[row] <= dUpper) {
          expectedDoubles[d++] = row;
        }
      }
      final int[] expectedDoublesRefined = new int[RandomBatches.BATCH];
      int dr = 0;
      for (int i = 0; i < n; i++) {
        final int row = selection[i];
        if ((nulls == null || !nulls[row]) && doubles[row] >= dLower && doubles[row] <= dUpper) {
          expectedDoublesRefined[dr++] = row;
        }
      }
      for (SelectionKernels kernels : MODES) {
        final int[] out = new int[count];
        final String where = at + " " + kernels.getClass().getSimpleName();
        final int selected = kernels.selectLongRange(longs, nulls, count, lower, upper, out);
        assertArrayEquals(Arrays.copyOf(expected, e), Arrays.copyOf(out, selected), where + " longs");
        final int[] refined = Arrays.copyOf(selection, n);
        final int kept =
            kernels.refineLongRange(longs, nulls, refined, n, lower, upper, refined); // in place
        assertArrayEquals(
            Arrays.copyOf(expectedRefined, r), Arrays.copyOf(refined, kept), where + " refine longs");
        final int selectedDoubles =
            kernels.selectDoubleRange(doubles, nulls, count, dLower, dUpper, out);
        assertArrayEquals(
            Arrays.copyOf(expectedDoubles, d), Arrays.copyOf(out, selectedDoubles), where + " doubles");
        final int[] refinedDoubles = new int[n];
        final int keptDoubles =
            kernels.refineDoubleRange(doubles, nulls, selection, n, dLower, dUpper, refinedDoubles);
        assertArrayEquals(
            Arrays.copyOf(expectedDoublesRefined, dr),
            Arrays.copyOf(refinedDoubles, keptDoubles),
            where + " refine doubles");
      }
    }
  }

  @Test
  void dictionaryIdsAndGatherMatchOracle() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    final SplittableRandom random = batches.random();
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final int cardinality = 1 + random.nextInt(random.nextInt(16) == 0 ? 1_000_000 : 5000);
      final boolean[] matching = new boolean[cardinality];
      final double density = random.nextDouble();
      for (int id = 0; id < cardinality; id++) {
        matching[id] = random.nextDouble() < density;
      }
      final IdBitSet set = IdBitSet.of(matching);
      final int[] ids = new int[count];
      for (int i = 0; i < count; i++) {
        ids[i] = random.nextInt(cardinality);
      }
      final int[] selectedCount = new int[1];
      final int[] selection = batches.selection(count, selectedCount);
      final int n = selectedCount[0];
      final int[] expected = new int[count];
      int e = 0;
      for (int row = 0; row < count; row++) {
        if (matching[ids[row]]) {
          expected[e++] = row;
        }
      }
      final int[] expectedRefined = new int[count];
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (matching[ids[selection[i]]]) {
          expectedRefined[r++] = selection[i];
        }
      }
      final int[] gathered = new int[n];
      for (int i = 0; i < n; i++) {
        gathered[i] = ids[selection[i]];
      }
      final String at = "seed=" + seed + " round=" + round + " count=" + count;
      for (SelectionKernels kernels : MODES) {
        final int[] out = new int[count];
        final int selected = kernels.selectIds(ids, count, set, out);
        assertArrayEquals(Arrays.copyOf(expected, e), Arrays.copyOf(out, selected), at + " ids");
        final int kept = kernels.refineIds(ids, selection, n, set, out);
        assertArrayEquals(Arrays.copyOf(expectedRefined, r), Arrays.copyOf(out, kept), at + " refine");
        final int[] inPlace = ids.clone();
        kernels.gather(inPlace, selection, n, inPlace);
        assertArrayEquals(gathered, Arrays.copyOf(inPlace, n), at + " gather in place");
      }
    }
  }

  @Test
  void rowIdsBecomePositionsBlockByBlock() {
    final long seed = RandomBatches.seed();
    final SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      final int rowCount = random.nextInt(10_000);
      final int blockRows = 1 + random.nextInt(1024);
      final double density = random.nextDouble();
      final int[] rowIds = new int[rowCount];
      int idCount = 0;
      for (int row = 0; row < rowCount; row++) {
        if (random.nextDouble() < density) {
          rowIds[idCount++] = row;
        }
      }
      for (SelectionKernels kernels : MODES) {
        int offset = 0;
        final int[] out = new int[blockRows];
        for (int blockStart = 0; blockStart < rowCount; blockStart += blockRows) {
          final int taken =
              kernels.positionsInBlock(rowIds, offset, idCount - offset, blockStart, blockRows, out);
          for (int i = 0; i < taken; i++) {
            assertEquals(rowIds[offset + i] - blockStart, out[i], "seed=" + seed + " round=" + round);
            assertEquals(true, out[i] >= 0 && out[i] < blockRows, "seed=" + seed);
          }
          offset += taken;
          assertEquals(
              true, offset == idCount || rowIds[offset] >= blockStart + blockRows, "seed=" + seed);
        }
        assertEquals(idCount, offset, "seed=" + seed + " round=" + round + " all ids consumed");
      }
    }
  }

  @Test
  void strictBoundsConvertExactly() {
    final double[] values = {-0.0, 0.0, Double.MIN_VALUE, 1.0, Math.nextUp(1.0), Double.NaN, 2, 3};
    for (SelectionKernels kernels : MODES) {
      final int[] out = new int[values.length];
      // v > 0 excludes both zeros; v < nextUp(1.0) keeps 1.0
      final int n =
          kernels.selectDoubleRange(
              values, null, values.length, Math.nextUp(0.0), Math.nextDown(Math.nextUp(1.0)), out);
      assertArrayEquals(new int[] {2, 3}, Arrays.copyOf(out, n), kernels.getClass().getSimpleName());
    }
  }
}
