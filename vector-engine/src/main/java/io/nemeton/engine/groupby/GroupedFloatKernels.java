package io.nemeton.engine.groupby;

/**
 * Grouped sum, min and max of float values, widened exactly to double, into {@link
 * AccumulatorTable} cells of the double kinds: sums accumulate in double (see {@code
 * io.nemeton.engine.kernel.FloatKernels}); min and max of the widened values equal the widened
 * min and max of the floats.
 *
 * <p>Shared conventions of the grouped kernels: {@code cells}, {@code stride} and {@code slot}
 * come from an {@link AccumulatorTable} (cell {@code group * stride + slot}); {@code groupIds[i]}
 * is the group of the i-th row taken, that is of row {@code i}, or of row {@code selection[i]} in
 * the selection forms (group ids are compact per selected row; {@code
 * io.nemeton.engine.kernel.SelectionKernels#gather} compacts a per-row id column). Null rows
 * ({@code nulls[row]}) add the identity, so they leave the cell as it was; a separate {@link
 * AccumulatorKind#COUNT} slot fed by {@link GroupedCountKernels#countNonNull} tells an all-null
 * group (SQL null) from a real value. Nothing is validated: group ids must be below the table's
 * capacity.
 *
 * <p>One implementation serves both kernel modes. Rows scatter to random groups, and two rows of
 * a batch may hit the same group, so a vector of updates would need conflict detection, which
 * AVX2 lacks and the Vector API does not offer; the loop is bound by cache misses on the cells,
 * not by arithmetic. Stateless; never allocates.
 */
public final class GroupedFloatKernels {
  private GroupedFloatKernels() {}

  public static void sum(
      long[] cells, int stride, int slot, int[] groupIds, float[] values, int count) {
    for (int i = 0; i < count; i++) {
      final double value = values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(asDouble(cells[cell]) + value);
    }
  }

  public static void sum(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      int[] selection,
      int count) {
    for (int i = 0; i < count; i++) {
      final double value = values[selection[i]];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(asDouble(cells[cell]) + value);
    }
  }

  public static void sum(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final double value = nulls[i] ? 0.0 : values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(asDouble(cells[cell]) + value);
    }
  }

  public static void sum(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      int[] selection,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final double value = nulls[row] ? 0.0 : values[row];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(asDouble(cells[cell]) + value);
    }
  }

  public static void min(
      long[] cells, int stride, int slot, int[] groupIds, float[] values, int count) {
    for (int i = 0; i < count; i++) {
      final double value = values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.min(asDouble(cells[cell]), value));
    }
  }

  public static void min(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      int[] selection,
      int count) {
    for (int i = 0; i < count; i++) {
      final double value = values[selection[i]];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.min(asDouble(cells[cell]), value));
    }
  }

  public static void min(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final double value = nulls[i] ? Double.POSITIVE_INFINITY : values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.min(asDouble(cells[cell]), value));
    }
  }

  public static void min(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      int[] selection,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final double value = nulls[row] ? Double.POSITIVE_INFINITY : values[row];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.min(asDouble(cells[cell]), value));
    }
  }

  public static void max(
      long[] cells, int stride, int slot, int[] groupIds, float[] values, int count) {
    for (int i = 0; i < count; i++) {
      final double value = values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.max(asDouble(cells[cell]), value));
    }
  }

  public static void max(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      int[] selection,
      int count) {
    for (int i = 0; i < count; i++) {
      final double value = values[selection[i]];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.max(asDouble(cells[cell]), value));
    }
  }

  public static void max(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final double value = nulls[i] ? Double.NEGATIVE_INFINITY : values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.max(asDouble(cells[cell]), value));
    }
  }

  public static void max(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      float[] values,
      int[] selection,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final double value = nulls[row] ? Double.NEGATIVE_INFINITY : values[row];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = asBits(Math.max(asDouble(cells[cell]), value));
    }
  }

  private static double asDouble(long bits) {
    return Double.longBitsToDouble(bits);
  }

  private static long asBits(double value) {
    return Double.doubleToRawLongBits(value);
  }
}
