package io.nemeton.engine.kernel;

/**
 * The scalar reference for {@link SelectionKernels}. Every row writes its position and moves the
 * output count by 0 or 1, so there is no branch to mispredict at any selectivity.
 *
 * <p>Stateless and thread-safe (one shared instance); never allocates.
 */
public final class ScalarSelectionKernels implements SelectionKernels {
  static final ScalarSelectionKernels INSTANCE = new ScalarSelectionKernels();

  private ScalarSelectionKernels() {}

  /** Number of ids in {@code rowIds[offset..offset+available)} below {@code endRow} (ascending). */
  static int countBelow(int[] rowIds, int offset, int available, int endRow) {
    int low = offset;
    int high = offset + available;
    while (low < high) {
      final int middle = (low + high) >>> 1;
      if (rowIds[middle] < endRow) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low - offset;
  }

  @Override
  public int positionsInBlock(
      int[] rowIds,
      int offset,
      int available,
      int blockStartRow,
      int blockRowCount,
      int[] selectionOut) {
    final int taken = countBelow(rowIds, offset, available, blockStartRow + blockRowCount);
    for (int i = 0; i < taken; i++) {
      selectionOut[i] = rowIds[offset + i] - blockStartRow;
    }
    return taken;
  }

  @Override
  public int selectLongRange(
      long[] values, boolean[] nulls, int count, long lower, long upper, int[] selectionOut) {
    int n = 0;
    if (nulls == null) {
      for (int i = 0; i < count; i++) {
        final long value = values[i];
        selectionOut[n] = i;
        n += (value >= lower & value <= upper) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        final long value = values[i];
        selectionOut[n] = i;
        n += (value >= lower & value <= upper & !nulls[i]) ? 1 : 0;
      }
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
    int n = 0;
    if (nulls == null) {
      for (int i = 0; i < count; i++) {
        final int row = selection[i];
        final long value = values[row];
        selectionOut[n] = row;
        n += (value >= lower & value <= upper) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        final int row = selection[i];
        final long value = values[row];
        selectionOut[n] = row;
        n += (value >= lower & value <= upper & !nulls[row]) ? 1 : 0;
      }
    }
    return n;
  }

  @Override
  public int selectDoubleRange(
      double[] values, boolean[] nulls, int count, double lower, double upper, int[] selectionOut) {
    int n = 0;
    if (nulls == null) {
      for (int i = 0; i < count; i++) {
        final double value = values[i];
        selectionOut[n] = i;
        n += (value >= lower & value <= upper) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        final double value = values[i];
        selectionOut[n] = i;
        n += (value >= lower & value <= upper & !nulls[i]) ? 1 : 0;
      }
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
    int n = 0;
    if (nulls == null) {
      for (int i = 0; i < count; i++) {
        final int row = selection[i];
        final double value = values[row];
        selectionOut[n] = row;
        n += (value >= lower & value <= upper) ? 1 : 0;
      }
    } else {
      for (int i = 0; i < count; i++) {
        final int row = selection[i];
        final double value = values[row];
        selectionOut[n] = row;
        n += (value >= lower & value <= upper & !nulls[row]) ? 1 : 0;
      }
    }
    return n;
  }

  @Override
  public int selectIds(int[] ids, int count, IdBitSet matching, int[] selectionOut) {
    final int[] words = matching.words();
    int n = 0;
    for (int i = 0; i < count; i++) {
      final int id = ids[i];
      selectionOut[n] = i;
      n += words[id >>> 5] >>> id & 1;
    }
    return n;
  }

  @Override
  public int refineIds(
      int[] ids, int[] selection, int count, IdBitSet matching, int[] selectionOut) {
    final int[] words = matching.words();
    int n = 0;
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final int id = ids[row];
      selectionOut[n] = row;
      n += words[id >>> 5] >>> id & 1;
    }
    return n;
  }

  @Override
  public void gather(int[] values, int[] selection, int count, int[] out) {
    for (int i = 0; i < count; i++) {
      out[i] = values[selection[i]];
    }
  }
}
