package io.nemeton.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} on 256-bit vectors. Sums load four floats at a time, widen them to a
 * four-lane double vector and keep the eight-lane order's partial sums exactly as {@link
 * SimdDoubleKernels} does, so they equal the scalar twin bit for bit. Min and max run on eight
 * float lanes with {@link Math#min(float, float)} semantics. The selection forms are the scalar
 * twin's loops, for the reason given on {@link SimdDoubleKernels}.
 *
 * <p>Stateless and thread-safe; never allocates (vectors are scalar-replaced by C2).
 */
public final class SimdFloatKernels implements FloatKernels {
  static final SimdFloatKernels INSTANCE = new SimdFloatKernels();

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
  private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_128;
  private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_256;
  private static final int LANES = 8;
  private static final ScalarFloatKernels SCALAR = ScalarFloatKernels.INSTANCE;

  private SimdFloatKernels() {}

  private static DoubleVector widen(FloatVector fourFloats) {
    return (DoubleVector) fourFloats.convertShape(VectorOperators.F2D, WIDE, 0);
  }

  @Override
  public double sum(float[] values, int count) {
    DoubleVector low = DoubleVector.zero(WIDE);
    DoubleVector high = DoubleVector.zero(WIDE);
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      low = low.add(widen(FloatVector.fromArray(HALF, values, i)));
      high = high.add(widen(FloatVector.fromArray(HALF, values, i + 4)));
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
  public double sum(float[] values, int[] selection, int count) {
    return SCALAR.sum(values, selection, count);
  }

  @Override
  public double sum(float[] values, boolean[] nulls, int count) {
    DoubleVector low = DoubleVector.zero(WIDE);
    DoubleVector high = DoubleVector.zero(WIDE);
    final int bound = count & -8;
    int i = 0;
    for (; i < bound; i += 8) {
      final VectorMask<Double> lowNull = VectorMask.fromArray(WIDE, nulls, i);
      final VectorMask<Double> highNull = VectorMask.fromArray(WIDE, nulls, i + 4);
      low = low.add(widen(FloatVector.fromArray(HALF, values, i)).blend(0.0, lowNull));
      high = high.add(widen(FloatVector.fromArray(HALF, values, i + 4)).blend(0.0, highNull));
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
    if (rest > 0) p0 += ScalarFloatKernels.valueOrZero(values, nulls, i);
    if (rest > 1) p1 += ScalarFloatKernels.valueOrZero(values, nulls, i + 1);
    if (rest > 2) p2 += ScalarFloatKernels.valueOrZero(values, nulls, i + 2);
    if (rest > 3) p3 += ScalarFloatKernels.valueOrZero(values, nulls, i + 3);
    if (rest > 4) p4 += ScalarFloatKernels.valueOrZero(values, nulls, i + 4);
    if (rest > 5) p5 += ScalarFloatKernels.valueOrZero(values, nulls, i + 5);
    if (rest > 6) p6 += ScalarFloatKernels.valueOrZero(values, nulls, i + 6);
    return DoubleKernels.combineLanes(p0, p1, p2, p3, p4, p5, p6, p7);
  }

  @Override
  public double sum(float[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.sum(values, selection, nulls, count);
  }

  @Override
  public float min(float[] values, int count) {
    final int bound = count & -(2 * LANES);
    FloatVector low = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
    FloatVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.min(FloatVector.fromArray(SPECIES, values, i));
      high = high.min(FloatVector.fromArray(SPECIES, values, i + LANES));
    }
    float result = low.min(high).reduceLanes(VectorOperators.MIN);
    for (; i < count; i++) {
      result = Math.min(result, values[i]);
    }
    return result;
  }

  @Override
  public float min(float[] values, int[] selection, int count) {
    return SCALAR.min(values, selection, count);
  }

  @Override
  public float min(float[] values, boolean[] nulls, int count) {
    final int bound = count & -(2 * LANES);
    FloatVector low = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY);
    FloatVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.min(FloatVector.fromArray(SPECIES, values, i)
          .blend(Float.POSITIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i)));
      high = high.min(FloatVector.fromArray(SPECIES, values, i + LANES)
          .blend(Float.POSITIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i + LANES)));
    }
    float result = low.min(high).reduceLanes(VectorOperators.MIN);
    for (; i < count; i++) {
      result = Math.min(result, nulls[i] ? Float.POSITIVE_INFINITY : values[i]);
    }
    return result;
  }

  @Override
  public float min(float[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.min(values, selection, nulls, count);
  }

  @Override
  public float max(float[] values, int count) {
    final int bound = count & -(2 * LANES);
    FloatVector low = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    FloatVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.max(FloatVector.fromArray(SPECIES, values, i));
      high = high.max(FloatVector.fromArray(SPECIES, values, i + LANES));
    }
    float result = low.max(high).reduceLanes(VectorOperators.MAX);
    for (; i < count; i++) {
      result = Math.max(result, values[i]);
    }
    return result;
  }

  @Override
  public float max(float[] values, int[] selection, int count) {
    return SCALAR.max(values, selection, count);
  }

  @Override
  public float max(float[] values, boolean[] nulls, int count) {
    final int bound = count & -(2 * LANES);
    FloatVector low = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    FloatVector high = low;
    int i = 0;
    for (; i < bound; i += 2 * LANES) {
      low = low.max(FloatVector.fromArray(SPECIES, values, i)
          .blend(Float.NEGATIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i)));
      high = high.max(FloatVector.fromArray(SPECIES, values, i + LANES)
          .blend(Float.NEGATIVE_INFINITY, VectorMask.fromArray(SPECIES, nulls, i + LANES)));
    }
    float result = low.max(high).reduceLanes(VectorOperators.MAX);
    for (; i < count; i++) {
      result = Math.max(result, nulls[i] ? Float.NEGATIVE_INFINITY : values[i]);
    }
    return result;
  }

  @Override
  public float max(float[] values, int[] selection, boolean[] nulls, int count) {
    return SCALAR.max(values, selection, nulls, count);
  }
}
