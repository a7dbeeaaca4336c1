package io.nemeton.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scalar long kernels against a row-at-a-time oracle, and SIMD against scalar, bit for bit. */
class LongKernelsTest {
  private static final LongKernels SCALAR = Kernels.scalar().longs();
  private static final LongKernels SIMD = Kernels.of(KernelMode.SIMD).longs();

  @Test
  void simdAgreesWithScalarAndScalarWithOracle() {
    final long seed = RandomBatches.seed();
    final RandomBatches batches = new RandomBatches(seed);
    // Enough rounds that C2 compiles the vector loops (intrinsics differ from the interpreter).
    for (int round = 0; round < 1500; round++) {
      final int count = batches.batchSize();
      final long[] full = batches.longs(count);
      final long[] values = batches.random().nextBoolean() ? full : Arrays.copyOf(full, count);
      final boolean[] nulls = batches.nulls(count);
      final int[] selectedCount = new int[1];
      final int[] selection =
          RandomBatches.tight(batches.selection(count, selectedCount), selectedCount[0]);
      final int n = selectedCount[0];
      final String where = "seed=" + seed + " round=" + round + " count=" + count + " selected=" + n;

      for (int form = 0; form < 4; form++) {
        final int[] rows = form % 2 == 0 ? null : selection;
        final boolean[] mask = form < 2 ? null : nulls;
        final int taken = rows == null ? count : n;
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < taken; i++) {
          final int row = rows == null ? i : rows[i];
          if (mask == null || !mask[row]) {
            sum += values[row];
            min = Math.min(min, values[row]);
            max = Math.max(max, values[row]);
          }
        }
        final String at = where + " form=" + form;
        assertEquals(sum, sum(SCALAR, values, rows, mask, taken), at + " scalar sum");
        assertEquals(sum, sum(SIMD, values, rows, mask, taken), at + " simd sum");
        assertEquals(min, min(SCALAR, values, rows, mask, taken), at + " scalar min");
        assertEquals(min, min(SIMD, values, rows, mask, taken), at + " simd min");
        assertEquals(max, max(SCALAR, values, rows, mask, taken), at + " scalar max");
        assertEquals(max, max(SIMD, values, rows, mask, taken), at + " simd max");
      }
    }
  }

  @Test
  void sumsWrapOnOverflowLikeJavaLongs() {
    final long[] values = new long[1024];
    Arrays.fill(values, Long.MAX_VALUE);
    // 1024 * MAX_VALUE = -1024 modulo 2^64
    assertEquals(-1024L, SCALAR.sum(values, 1024));
    assertEquals(-1024L, SIMD.sum(values, 1024));
  }

  static long sum(LongKernels kernels, long[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.sum(values, count) : kernels.sum(values, nulls, count);
    }
    return nulls == null ? kernels.sum(values, rows, count) : kernels.sum(values, rows, nulls, count);
  }

  static long min(LongKernels kernels, long[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.min(values, count) : kernels.min(values, nulls, count);
    }
    return nulls == null ? kernels.min(values, rows, count) : kernels.min(values, rows, nulls, count);
  }

  static long max(LongKernels kernels, long[] values, int[] rows, boolean[] nulls, int count) {
    if (rows == null) {
      return nulls == null ? kernels.max(values, count) : kernels.max(values, nulls, count);
    }
    return nulls == null ? kernels.max(values, rows, count) : kernels.max(values, rows, nulls, count);
  }
}
