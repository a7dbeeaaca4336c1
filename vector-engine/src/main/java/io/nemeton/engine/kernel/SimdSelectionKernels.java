package io.nemeton.engine.kernel;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SelectionKernels} on 256-bit vectors. The "select" range forms take eight rows per step:
 * compare to a mask, turn the mask into bits, look the bits up in {@link CompressTable} to get the
 * passing lanes in order, and store eight positions at once while the count moves by the number
 * of passing lanes. (The Vector API's {@code compress} is only fast with AVX-512; the table works
 * on AVX2.) Results equal {@link ScalarSelectionKernels} exactly; the tail past the last full step
 * runs the scalar loop.
 *
 * <p>The forms that read through a selection vector or through dictionary ids ("refine", {@code
 * selectIds}, {@code gather}) are the scalar twin's loops: they need gathers, which measured no
 * faster, and mostly slower, than the scalar loads on AVX2 (Zen 3); see the vector-engine README.
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class SimdSelectionKernels implements SelectionKernels {
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_256;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
  private static final int STEP = 8;

  static final SimdSelectionKernels INSTANCE = new SimdSelectionKernels();

  private static final ScalarSelectionKernels SCALAR = ScalarSelectionKernels.INSTANCE;

  private SimdSelectionKernels() {}

  /** Appends the positions {@code base + lane} of the set bits of {@code bits} at {@code n}. */
  private static int compress(long bits, int base, int[] selectionOut, int n) {
    IntVector.fromArray(INTS, CompressTable.LANES, (int) bits << 3).add(base)
        .intoArray(selectionOut, n);
    return n + Long.bitCount(bits);
  }

  @Override
  public int positionsInBlock(
      int[] rowIds,
      int offset,
      int available,
      int blockStartRow,
      int blockRowCount,
      int[] selectionOut) {
    final int taken =
        ScalarSelectionKernels.countBelow(rowIds, offset, available, blockStartRow + blockRowCount);
    final int bound = taken & -STEP;
    int i = 0;
    for (; i < bound; i += STEP) {
      IntVector.fromArray(INTS, rowIds, offset + i).sub(blockStartRow).intoArray(selectionOut, i);
    }
    for (; i < taken; i++) {
      selectionOut[i] = rowIds[offset + i] - blockStartRow;
    }
    return taken;
  }

  private static long inRange(LongVector value, LongVector lower, LongVector upper) {
    return value.compare(GE, lower).and(value.compare(LE, upper)).toLong();
  }

  private static long inRange(DoubleVector value, DoubleVector lower, DoubleVector upper) {
    return value.compare(GE, lower).and(value.compare(LE, upper)).toLong();
  }

  @Override
  public int selectLongRange(
      long[] values, boolean[] nulls, int count, long lower, long upper, int[] selectionOut) {
    final LongVector low = LongVector.broadcast(LONGS, lower);
    final LongVector high = LongVector.broadcast(LONGS, upper);
    final int bound = count & -STEP;
    int n = 0;
    int i = 0;
    for (; i < bound; i += STEP) {
      long bits =
          inRange(LongVector.fromArray(LONGS, values, i), low, high)
              | inRange(LongVector.fromArray(LONGS, values, i + 4), low, high) << 4;
      if (nulls != null) {
        bits &= ~VectorMask.fromArray(INTS, nulls, i).toLong();
      }
      n = compress(bits, i, selectionOut, n);
    }
    for (; i < count; i++) {
      final long value = values[i];
      selectionOut[n] = i;
      n += (value >= lower & value <= upper & (nulls == null || !nulls[i])) ? 1 : 0;
    }
    return n;
  }

  @Override
  public int refineLongRange(
      long[] values,
      boolean[] nulls,
      int[] selection,
      int count,
      long lower,
      long upper,
      int[] selectionOut) {
    return SCALAR.refineLongRange(values, nulls, selection, count, lower, upper, selectionOut);
  }

  @Override
  public int selectDoubleRange(
      double[] values, boolean[] nulls, int count, double lower, double upper, int[] selectionOut) {
    final DoubleVector low = DoubleVector.broadcast(DOUBLES, lower);
    final DoubleVector high = DoubleVector.broadcast(DOUBLES, upper);
    final int bound = count & -STEP;
    int n = 0;
    int i = 0;
    for (; i < bound; i += STEP) {
      long bits =
          inRange(DoubleVector.fromArray(DOUBLES, values, i), low, high)
              | inRange(DoubleVector.fromArray(DOUBLES, values, i + 4), low, high) << 4;
      if (nulls != null) {
        bits &= ~VectorMask.fromArray(INTS, nulls, i).toLong();
      }
      n = compress(bits, i, selectionOut, n);
    }
    for (; i < count; i++) {
      final double value = values[i];
      selectionOut[n] = i;
      n += (value >= lower & value <= upper & (nulls == null || !nulls[i])) ? 1 : 0;
    }
    return n;
  }

  @Override
  public int refineDoubleRange(
      double[] values,
      boolean[] nulls,
      int[] selection,
      int count,
      double lower,
      double upper,
      int[] selectionOut) {
    return SCALAR.refineDoubleRange(values, nulls, selection, count, lower, upper, selectionOut);
  }

  @Override
  public int selectIds(int[] ids, int count, IdBitSet matching, int[] selectionOut) {
    return SCALAR.selectIds(ids, count, matching, selectionOut);
  }

  @Override
  public int refineIds(
      int[] ids, int[] selection, int count, IdBitSet matching, int[] selectionOut) {
    return SCALAR.refineIds(ids, selection, count, matching, selectionOut);
  }

  @Override
  public void gather(int[] values, int[] selection, int count, int[] out) {
    SCALAR.gather(values, selection, count, out);
  }
}
