package io.nemeton.engine.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CountKernels} on 256-bit vectors: 32 null flags per step, loaded as a mask and counted
 * with {@code trueCount}. The selection forms read scattered single bytes, where a gather has
 * nothing to win, so they are the scalar twin's loops.
 *
 * <p>Stateless and thread-safe; never allocates.
 */
public final class SimdCountKernels implements CountKernels {
  static final SimdCountKernels INSTANCE = new SimdCountKernels();

  private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_256;
  private static final int LANES = 32;

  private SimdCountKernels() {}

  @Override
  public int countNonNull(boolean[] nulls, int count) {
    final int bound = count & -LANES;
    int nullCount = 0;
    int i = 0;
    for (; i < bound; i += LANES) {
      nullCount += VectorMask.fromArray(SPECIES, nulls, i).trueCount();
    }
    for (; i < count; i++) {
      nullCount += nulls[i] ? 1 : 0;
    }
    return count - nullCount;
  }

  @Override
  public int countNonNull(boolean[] nulls, int[] selection, int count) {
    return ScalarCountKernels.INSTANCE.countNonNull(nulls, selection, count);
  }

  @Override
  public boolean anyNonNull(boolean[] nulls, int count) {
    final int bound = count & -LANES;
    int i = 0;
    for (; i < bound; i += LANES) {
      if (!VectorMask.fromArray(SPECIES, nulls, i).allTrue()) {
        return true;
      }
    }
    for (; i < count; i++) {
      if (!nulls[i]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean anyNonNull(boolean[] nulls, int[] selection, int count) {
    return ScalarCountKernels.INSTANCE.anyNonNull(nulls, selection, count);
  }
}
