package io.nemeton.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountKernelsTest {
  @Test
  void countsMatchOracle() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    final CountKernels[] modes = {Kernels.scalar().counts(), Kernels.of(KernelMode.SIMD).counts()};
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final boolean[] nulls = java.util.Arrays.copyOf(batches.nulls(count), count);
      final int[] selectedCount = new int[1];
      final int[] selection = batches.selection(count, selectedCount);
      final int n = selectedCount[0];
      int nonNull = 0;
      for (int i = 0; i < count; i++) {
        nonNull += nulls[i] ? 0 : 1;
      }
      int selectedNonNull = 0;
      for (int i = 0; i < n; i++) {
        selectedNonNull += nulls[selection[i]] ? 0 : 1;
      }
      final String at = "seed=" + seed + " round=" + round + " count=" + count;
      for (CountKernels kernels : modes) {
        assertEquals(nonNull, kernels.countNonNull(nulls, count), at);
        assertEquals(selectedNonNull, kernels.countNonNull(nulls, selection, n), at);
        assertEquals(nonNull > 0, kernels.anyNonNull(nulls, count), at);
        assertEquals(selectedNonNull > 0, kernels.anyNonNull(nulls, selection, n), at);
      }
    }
  }
}
