package io.nemeton.codecs.internal;

/**
 * Running sum in place, the last step of delta decoding: {@code values[i] = start + values[0] + ...
 * + values[i]} with wrapping long arithmetic.
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class LongPrefixSum {
  private LongPrefixSum() {}

  /** Scalar running sum over {@code values[0, count)} starting from {@code start}. */
  public static void scalar(long[] values, int count, long start) {
    long sum = start;
    for (int i = 0; i < count; i++) {
      sum += values[i];
      values[i] = sum;
    }
  }
}
