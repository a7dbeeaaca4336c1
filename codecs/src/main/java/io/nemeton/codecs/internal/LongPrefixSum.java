package io.nemeton.codecs.internal;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Running sum in place, the last step of delta decoding: {@code values[i] = start + values[0] + ...
 * + values[i]} with wrapping long arithmetic. A scalar loop and its Vector API twin (an in-register
 * scan of four lanes in two shifted adds, then the carry from the previous vector); both give the
 * same values for every input.
 *
 * <p>Stateless and thread-safe; never allocates once compiled.
 */
public final class LongPrefixSum {
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_256;
  private static final VectorShuffle<Long> LAST_LANE = VectorShuffle.fromValues(LONGS, 3, 3, 3, 3);

  private LongPrefixSum() {}

  /** Scalar running sum over {@code values[0, count)} starting from {@code start}. */
  public static void scalar(long[] values, int count, long start) {
    long sum = start;
    for (int i = 0; i < count; i++) {
      sum += values[i];
      values[i] = sum;
    }
  }

  /** Vector running sum; same result as {@link #scalar}. */
  public static void vector(long[] values, int count, long start) {
    final LongVector zero = LongVector.zero(LONGS);
    final int bound = LONGS.loopBound(count);
    LongVector carry = LongVector.broadcast(LONGS, start);
    int i = 0;
    for (; i < bound; i += 4) {
      LongVector lanes = LongVector.fromArray(LONGS, values, i);
      lanes = lanes.add(zero.slice(3, lanes));
      lanes = lanes.add(zero.slice(2, lanes));
      lanes = lanes.add(carry);
      lanes.intoArray(values, i);
      carry = lanes.rearrange(LAST_LANE);
    }
    scalar(values, i, count, i == 0 ? start : values[i - 1]);
  }

  private static void scalar(long[] values, int from, int count, long start) {
    long sum = start;
    for (int i = from; i < count; i++) {
      sum += values[i];
      values[i] = sum;
    }
  }
}
