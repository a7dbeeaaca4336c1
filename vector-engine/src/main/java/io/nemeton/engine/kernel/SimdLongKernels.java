package io.nemeton.engine.kernel;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LongKernels} on 256-bit vectors (four lanes) for the contiguous forms; null forms blend
 * null lanes to the identity. Min and max compare and blend, because AVX2 has no 64-bit min
 * instruction and the Vector API's lanewise {@code MIN} on longs falls back to a loop several
 * times slower than scalar code. The selection forms are the scalar twin's loops: a gather
 * through the selection vector measured 2-8x slower than the unrolled scalar loads on AVX2
 * (Zen 3), see the vector-engine README. The tail past the last full vector runs as the scalar
 * twin does. Integer sums, mins and maxes do not depend on order, so results equal {@link
 * ScalarLongKernels} bit for bit.
 *
 * <p>Stateless and thread-safe; never allocates (vectors are scalar-replaced by C2).
 */
public final class SimdLongKernels implements LongKernels {
  static final SimdLongKernels INSTANCE = new SimdLongKernels();

  private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_256;
  private static final int LANES = 4;
  private static final ScalarLongKernels SCALAR = ScalarLongKernels.INSTANCE;

  private SimdLongKernels() {}

  /** Null flags of four selected rows as mask bits (bit k for lane k). */
  static long nullBits(boolean[] nulls, int[] selection, int i) {
    return (nulls[selection[i]] ? 1L : 0L)
        | (nulls[selection[i + 1]] ? 2L : 0L)
        | (nulls[selection[i + 2]] ? 4L : 0L)
        | (nulls[selection[i + 3]] ? 8L : 0L);
  }

  @Override
  public long sum(long[] values, int count) {
    final int bound = count & -LANES;
    LongVector acc = LongVector.zero(SPECIES);
    int i = 0;
    for (; i < bound; i += LANES) {
      acc = acc.add(LongVector.fromArray(SPECIES, values, i));
    }
    long sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < count; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public long sumRange(long[] values, int from, int to) {
    final int bound = from + ((to - from) & -LANES);
    LongVector acc = LongVector.zero(SPECIES);
    int i = from;
    for (; i < bound; i += LANES) {
      acc = acc.add(LongVector.fromArray(SPECIES, values, i));
    }
    long sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      sum += values[i];
    }
    return sum;
  }

  @Override
  public long sum(long[] values, int[] selection, int count) {
    return SCALAR.sum(values, selection, count);
  }

  @Override
  public long sum(long[] values, boolean[] nulls, int count) {
    final int bound = count & -LANES;
    LongVector acc = LongVector.zero(SPECIES);
    int i = 0;
    for (; i < bound; i += LANES) {
      final VectorMask<Long> isNull = VectorMask.fromArray(SPECIES, nulls, i);
      acc = acc.add(LongVector.fromArray(SPECIES, values, i).blend(0L, isNull));
    }
    long sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < count; i++) {
      sum += nulls[i] ? 0 : values[i];
    }
    return sum;
  }

  @Override
  public long sum(long[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.sum(values, selection, nulls, count);
  }

  @Override
  public long min(long[] values, int count) {
    final int bound = count & -LANES;
    LongVector acc = LongVector.broadcast(SPECIES, Long.MAX_VALUE);
    int i = 0;
    for (; i < bound; i += LANES) {
      final LongVector value = LongVector.fromArray(SPECIES, values, i);
      acc = acc.blend(value, value.compare(LT, acc));
    }
    long result = minOfLanes(acc);
    for (; i < count; i++) {
      result = Math.min(result, values[i]);
    }
    return result;
  }

  @Override
  public long min(long[] values, int[] selection, int count) {
    return SCALAR.min(values, selection, count);
  }

  @Override
  public long min(long[] values, boolean[] nulls, int count) {
    final int bound = count & -LANES;
    LongVector acc = LongVector.broadcast(SPECIES, Long.MAX_VALUE);
    int i = 0;
    for (; i < bound; i += LANES) {
      final VectorMask<Long> isNull = VectorMask.fromArray(SPECIES, nulls, i);
      final LongVector value = LongVector.fromArray(SPECIES, values, i);
      acc = acc.blend(value, value.compare(LT, acc).andNot(isNull));
    }
    long result = minOfLanes(acc);
    for (; i < count; i++) {
      result = Math.min(result, nulls[i] ? Long.MAX_VALUE : values[i]);
    }
    return result;
  }

  @Override
  public long min(long[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.min(values, selection, nulls, count);
  }

  private static long minOfLanes(LongVector lanes) {
    return Math.min(Math.min(lanes.lane(0), lanes.lane(1)), Math.min(lanes.lane(2), lanes.lane(3)));
  }

  @Override
  public long max(long[] values, int count) {
    final int bound = count & -LANES;
    LongVector acc = LongVector.broadcast(SPECIES, Long.MIN_VALUE);
    int i = 0;
    for (; i < bound; i += LANES) {
      final LongVector value = LongVector.fromArray(SPECIES, values, i);
      acc = acc.blend(value, value.compare(GT, acc));
    }
    long result = maxOfLanes(acc);
    for (; i < count; i++) {
      result = Math.max(result, values[i]);
    }
    return result;
  }

  @Override
  public long max(long[] values, int[] selection, int count) {
    return SCALAR.max(values, selection, count);
  }

  @Override
  public long max(long[] values, boolean[] nulls, int count) {
    final int bound = count & -LANES;
    LongVector acc = LongVector.broadcast(SPECIES, Long.MIN_VALUE);
    int i = 0;
    for (; i < bound; i += LANES) {
      final VectorMask<Long> isNull = VectorMask.fromArray(SPECIES, nulls, i);
      final LongVector value = LongVector.fromArray(SPECIES, values, i);
      acc = acc.blend(value, value.compare(GT, acc).andNot(isNull));
    }
    long result = maxOfLanes(acc);
    for (; i < count; i++) {
      result = Math.max(result, nulls[i] ? Long.MIN_VALUE : values[i]);
    }
    return result;
  }

  @Override
  public long max(long[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.max(values, selection, nulls, count);
  }

  private static long maxOfLanes(LongVector lanes) {
    return Math.max(Math.max(lanes.lane(0), lanes.lane(1)), Math.max(lanes.lane(2), lanes.lane(3)));
  }
}
