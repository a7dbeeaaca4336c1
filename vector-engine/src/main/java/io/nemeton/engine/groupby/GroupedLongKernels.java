package io.nemeton.engine.groupby;

/**
 * Grouped sum, min and max of long values into {@link AccumulatorTable} cells, in the same four
 * forms as the ungrouped kernels. Sums wrap like Java {@code long} arithmetic.
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
public final class GroupedLongKernels {
  private GroupedLongKernels() {}

  public static void sum(
      long[] cells, int stride, int slot, int[] groupIds, long[] values, int count) {
    for (int i = 0; i < count; i++) {
      final long value = values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] += value;
    }
  }

  public static void sum(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      int[] selection,
      int count) {
    for (int i = 0; i < count; i++) {
      final long value = values[selection[i]];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] += value;
    }
  }

  public static void sum(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final long value = nulls[i] ? 0 : values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] += value;
    }
  }

  public static void sum(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      int[] selection,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final long value = nulls[row] ? 0 : values[row];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] += value;
    }
  }

  public static void min(
      long[] cells, int stride, int slot, int[] groupIds, long[] values, int count) {
    for (int i = 0; i < count; i++) {
      final long value = values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.min(cells[cell], value);
    }
  }

  public static void min(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      int[] selection,
      int count) {
    for (int i = 0; i < count; i++) {
      final long value = values[selection[i]];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.min(cells[cell], value);
    }
  }

  public static void min(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final long value = nulls[i] ? Long.MAX_VALUE : values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.min(cells[cell], value);
    }
  }

  public static void min(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      int[] selection,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final long value = nulls[row] ? Long.MAX_VALUE : values[row];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.min(cells[cell], value);
    }
  }

  public static void max(
      long[] cells, int stride, int slot, int[] groupIds, long[] values, int count) {
    for (int i = 0; i < count; i++) {
      final long value = values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.max(cells[cell], value);
    }
  }

  public static void max(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      int[] selection,
      int count) {
    for (int i = 0; i < count; i++) {
      final long value = values[selection[i]];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.max(cells[cell], value);
    }
  }

  public static void max(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final long value = nulls[i] ? Long.MIN_VALUE : values[i];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.max(cells[cell], value);
    }
  }

  public static void max(
      long[] cells,
      int stride,
      int slot,
      int[] groupIds,
      long[] values,
      int[] selection,
      boolean[] nulls,
      int count) {
    for (int i = 0; i < count; i++) {
      final int row = selection[i];
      final long value = nulls[row] ? Long.MIN_VALUE : values[row];
      final int cell = groupIds[i] * stride + slot;
      cells[cell] = Math.max(cells[cell], value);
    }
  }
}
