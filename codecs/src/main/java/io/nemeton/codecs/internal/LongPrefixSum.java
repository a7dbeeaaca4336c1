package io.nemeton.codecs.internal;

/**
 * Running sum in place, the last step of delta decoding: {@code values[i] = start + values[0] + ...
 * + values[i]} with wrapping long arithmetic.
 *
 * <p>Scalar only: a Vector API scan (two shifted adds in four lanes, then a broadcast carry) ran at
 * a third of this loop's speed on AVX2, because lane shifts and the carry broadcast of longs are
 * cross-lane permutes on the critical path (PrefixSumBenchmark, 0.5 vs 1.7 G values/s in one run).
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class LongPrefixSum {
  private LongPrefixSum() {}

  /** Running sum over {@code values[0, count)} starting from {@code start}. */
  public static void scalar(long[] values, int count, long start) {
    long sum = start;
    for (int i = 0; i < count; i++) {
      sum += values[i];
      values[i] = sum;
    }
  }
}
