package io.nemeton.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleKernels} on 256-bit vectors. Sums keep the eight-lane order's partial sums p[0..3]
 * in one vector and p[4..7] in another, then finish the tail and combine exactly as the scalar
 * twin does, so the results are bit-identical. Min and max use the lanewise {@code MIN}/{@code
 * MAX} operators, which have {@link Math#min(double, double)} semantics (NaN wins, -0.0 below
 * +0.0) and do not depend on order; two accumulators hide their latency. The selection forms are
 * the scalar twin's loops (same order, same bits): a gather through the selection vector measured
 * 2-8x slower than unrolled scalar loads on AVX2 (Zen 3), see the vector-engine README.
 *
 * <p>Stateless and thread-safe; never allocates (vectors are scalar-replaced by C2).
 */
public final class SimdDoubleKernels implements DoubleKernels {
  static final SimdDoubleKernels INSTANCE = new SimdDoubleKernels();

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
  private static final int LANES = 4;
  private static final ScalarDoubleKernels SCALAR = ScalarDoubleKernels.INSTANCE;

  private SimdDoubleKernels() {}

  @Override
  public double sum(double[] values, int count) {
    DoubleVector low = DoubleVector.zero(SPECIES);
    DoubleVector high = DoubleVector.zero(SPECIES);
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      low = low.add(DoubleVector.fromArray(SPECIES, values, i));
      high = high.add(DoubleVector.fromArray(SPECIES, values, i + 4));
    }
    double p0 = low.lane(0);
    double p1 = low.lane(1);
    double p2 = low.lane(2);
    double p3 = low.lane(3);
    double p4 = high.lane(0);
    double p5 = high.lane(1);
    double p6 = high.lane(2);
    double p7 = high.lane(3);
    final int rest = count - i;
    if (rest > 0) p0 += values[i];
    if (rest > 1) p1 += values[i + 1];
    if (rest > 2) p2 += values[i + 2];
    if (rest > 3) p3 += values[i + 3];
    if (rest > 4) p4 += values[i + 4];
    if (rest > 5) p5 += values[i + 5];
    if (rest > 6) p6 += values[i + 6];
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sumRange(double[] values, int from, int to) {
    DoubleVector low = DoubleVector.zero(SPECIES);
    DoubleVector high = DoubleVector.zero(SPECIES);
    final int bound = from + ((to - from) & -8);
    int i = from;
    for (; i < bound; i += 8) {
      low = low.add(DoubleVector.fromArray(SPECIES, values, i));
      high = high.add(DoubleVector.fromArray(SPECIES, values, i + 4));
    }
    double p0 = low.lane(0);
    double p1 = low.lane(1);
    double p2 = low.lane(2);
    double p3 = low.lane(3);
    double p4 = high.lane(0);
    double p5 = high.lane(1);
    double p6 = high.lane(2);
    double p7 = high.lane(3);
    final int rest = to - i;
    if (rest > 0) p0 += values[i];
    if (rest > 1) p1 += values[i + 1];
    if (rest > 2) p2 += values[i + 2];
    if (rest > 3) p3 += values[i + 3];
    if (rest > 4) p4 += values[i + 4];
    if (rest > 5) p5 += values[i + 5];
    if (rest > 6) p6 += values[i + 6];
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sum(double[] values, int[] selection, int count) {
    return SCALAR.sum(values, selection, count);
  }

  @Override
  public double sum(double[] values, boolean[] nulls, int count) {
    DoubleVector low = DoubleVector.zero(SPECIES);
    DoubleVector high = DoubleVector.zero(SPECIES);
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      final VectorMask<Double> lowNull = VectorMask.fromArray(SPECIES, nulls, i);
      final VectorMask<Double> highNull = VectorMask.fromArray(SPECIES, nulls, i + 4);
      low = low.add(DoubleVector.fromArray(SPECIES, values, i).blend(0.0, lowNull));
      high = high.add(DoubleVector.fromArray(SPECIES, values, i + 4).blend(0.0, highNull));
    }
    double p0 = low.lane(0);
    double p1 = low.lane(1);
    double p2 = low.lane(2);
    double p3 = low.lane(3);
    double p4 = high.lane(0);
    double p5 = high.lane(1);
    double p6 = high.lane(2);
    double p7 = high.lane(3);
    final int rest = count - i;
    if (rest > 0) p0 += ScalarDoubleKernels.valueOrZero(values, nulls, i);
    if (rest > 1) p1 += ScalarDoubleKernels.valueOrZero(values, nulls, i + 1);
    if (rest > 2) p2 += ScalarDoubleKernels.valueOrZero(values, nulls, i + 2);
    if (rest > 3) p3 += ScalarDoubleKernels.valueOrZero(values, nulls, i + 3);
    if (rest > 4) p4 += ScalarDoubleKernels.valueOrZero(values, nulls, i + 4);
    if (rest > 5) p5 += ScalarDoubleKernels.valueOrZero(values, nulls, i + 5);
    if (rest > 6) p6 += ScalarDoubleKernels.valueOrZero(values, nulls, i + 6);
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sum(double[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.sum(values, selection, nulls, count);
  }

  @Override
  public double min(double[] values, int count) {
    final int bound = count & -(2 * LANES);
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    DoubleVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.min(DoubleVector.fromArray(SPECIES, values, i));
      high = high.min(DoubleVector.fromArray(SPECIES, values, i + LANES));
    }
    double result = low.min(high).reduceLanes(VectorOperators.MIN);
    for (; i < count; i++) {
      result = Math.min(result, values[i]);
    }
    return result;
  }

  @Override
  public double min(double[] values, int[] selection, int count) {
    return SCALAR.min(values, selection, count);
  }

  @Override
  public double min(double[] values, boolean[] nulls, int count) {
    final int bound = count & -(2 * LANES);
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    DoubleVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.min(DoubleVector.fromArray(SPECIES, values, i)
          .blend(Double.POSITIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i)));
      high = high.min(DoubleVector.fromArray(SPECIES, values, i + LANES)
          .blend(Double.POSITIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i + LANES)));
    }
    double result = low.min(high).reduceLanes(VectorOperators.MIN);
    for (; i < count; i++) {
      result = Math.min(result, nulls[i] ? Double.POSITIVE_INFINITY : values[i]);
    }
    return result;
  }

  @Override
  public double min(double[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.min(values, selection, nulls, count);
  }

  @Override
  public double max(double[] values, int count) {
    final int bound = count & -(2 * LANES);
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    DoubleVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.max(DoubleVector.fromArray(SPECIES, values, i));
      high = high.max(DoubleVector.fromArray(SPECIES, values, i + LANES));
    }
    double result = low.max(high).reduceLanes(VectorOperators.MAX);
    for (; i < count; i++) {
      result = Math.max(result, values[i]);
    }
    return result;
  }

  @Override
  public double max(double[] values, int[] selection, int count) {
    return SCALAR.max(values, selection, count);
  }

  @Override
  public double max(double[] values, boolean[] nulls, int count) {
    final int bound = count & -(2 * LANES);
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    DoubleVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.max(DoubleVector.fromArray(SPECIES, values, i)
          .blend(Double.NEGATIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i)));
      high = high.max(DoubleVector.fromArray(SPECIES, values, i + LANES)
          .blend(Double.NEGATIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i + LANES)));
    }
    double result = low.max(high).reduceLanes(VectorOperators.MAX);
    for (; i < count; i++) {
      result = Math.max(result, nulls[i] ? Double.NEGATIVE_INFINITY : values[i]);
    }
    return result;
  }

  @Override
  public double max(double[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.max(values, selection, nulls, count);
  }
}
