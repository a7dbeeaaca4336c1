package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Rows held column by column in primitive arrays, grouped by type so copying a row or a range is
 * a few loops over arrays rather than a dispatch per column: {@code time}, {@code ints} (one per
 * string field: codes), {@code longs}, {@code doubles}, {@code nulls} (1 = null, one per nullable
 * numeric column) and {@code objects} (serialized sketch states). {@link InputSchema} says which
 * column holds what. The same layout serves the in-memory buffer, spilled run blocks and segment
 * accumulation.
 *
 * <p>Not thread-safe. Arrays are owned by this object and replaced when it grows.
 */
final class RowColumns {
  int capacity;
  long[] time;
  int[][] ints;
  long[][] longs;
  double[][] doubles;
  byte[][] nulls;
  Object[][] objects;

  RowColumns(int capacity, int intColumns, int longColumns, int doubleColumns, int nullColumns, int objectColumns) {
    this.capacity = capacity;
    this.time = new long[capacity];
    this.ints = new int[intColumns][capacity];
    this.longs = new long[longColumns][capacity];
    this.doubles = new double[doubleColumns][capacity];
    this.nulls = new byte[nullColumns][capacity];
    this.objects = new Object[objectColumns][capacity];
  }

  /** Columns shaped like the schema's, {@code capacity} rows. */
  static RowColumns forSchema(InputSchema schema, int capacity) {
    return new RowColumns(capacity, schema.stringFieldCount(), schema.longColumns(), schema.doubleColumns(),
        schema.nullColumns(), schema.objectColumns());
  }

  /** Adds int columns (all null) up to {@code count}: string dimensions discovered since. */
  void ensureIntColumns(int count) {
    if (ints.length < count) {
      final int old = ints.length;
      ints = Arrays.copyOf(ints, count);
      for (int i = old; i < count; i++) {
        ints[i] = new int[capacity];
      }
    }
  }

  /** Grows every column to {@code newCapacity} rows, keeping the rows' values. */
  void grow(int newCapacity) {
    if (newCapacity <= capacity) {
      return;
    }
    time = Arrays.copyOf(time, newCapacity);
    for (int i = 0; i < ints.length; i++) {
      ints[i] = Arrays.copyOf(ints[i], newCapacity);
    }
    for (int i = 0; i < longs.length; i++) {
      longs[i] = Arrays.copyOf(longs[i], newCapacity);
    }
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = Arrays.copyOf(doubles[i], newCapacity);
    }
    for (int i = 0; i < nulls.length; i++) {
      nulls[i] = Arrays.copyOf(nulls[i], newCapacity);
    }
    for (int i = 0; i < objects.length; i++) {
      objects[i] = Arrays.copyOf(objects[i], newCapacity);
    }
    capacity = newCapacity;
  }

  /** Copies one row from {@code source} (which may lack trailing int columns: those are null). */
  void copyRow(RowColumns source, int sourceRow, int row) {
    time[row] = source.time[sourceRow];
    final int sharedInts = Math.min(ints.length, source.ints.length);
    for (int c = 0; c < sharedInts; c++) {
      ints[c][row] = source.ints[c][sourceRow];
    }
    for (int c = sharedInts; c < ints.length; c++) {
      ints[c][row] = 0;
    }
    for (int c = 0; c < longs.length; c++) {
      longs[c][row] = source.longs[c][sourceRow];
    }
    for (int c = 0; c < doubles.length; c++) {
      doubles[c][row] = source.doubles[c][sourceRow];
    }
    for (int c = 0; c < nulls.length; c++) {
      nulls[c][row] = source.nulls[c][sourceRow];
    }
    for (int c = 0; c < objects.length; c++) {
      objects[c][row] = source.objects[c][sourceRow];
    }
  }

  /** {@code this[row + i] = source[order[from + i]]} for {@code i < count}, column by column. */
  void gather(RowColumns source, int[] order, int from, int count, int row) {
    gatherLongs(time, source.time, order, from, count, row);
    final int sharedInts = Math.min(ints.length, source.ints.length);
    for (int c = 0; c < sharedInts; c++) {
      final int[] target = ints[c];
      final int[] values = source.ints[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = values[order[from + i]];
      }
    }
    for (int c = sharedInts; c < ints.length; c++) {
      Arrays.fill(ints[c], row, row + count, 0);
    }
    for (int c = 0; c < longs.length; c++) {
      gatherLongs(longs[c], source.longs[c], order, from, count, row);
    }
    for (int c = 0; c < doubles.length; c++) {
      final double[] target = doubles[c];
      final double[] values = source.doubles[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = values[order[from + i]];
      }
    }
    for (int c = 0; c < nulls.length; c++) {
      final byte[] target = nulls[c];
      final byte[] values = source.nulls[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = values[order[from + i]];
      }
    }
    for (int c = 0; c < objects.length; c++) {
      final Object[] target = objects[c];
      final Object[] values = source.objects[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = values[order[from + i]];
      }
    }
  }

  private static void gatherLongs(long[] target, long[] values, int[] order, int from, int count, int row) {
    for (int i = 0; i < count; i++) {
      target[row + i] = values[order[from + i]];
    }
  }

  /** Copies rows {@code [sourceRow, sourceRow + count)} of {@code source} to {@code row}. */
  void copyRange(RowColumns source, int sourceRow, int count, int row) {
    System.arraycopy(source.time, sourceRow, time, row, count);
    final int sharedInts = Math.min(ints.length, source.ints.length);
    for (int c = 0; c < sharedInts; c++) {
      System.arraycopy(source.ints[c], sourceRow, ints[c], row, count);
    }
    for (int c = sharedInts; c < ints.length; c++) {
      Arrays.fill(ints[c], row, row + count, 0);
    }
    for (int c = 0; c < longs.length; c++) {
      System.arraycopy(source.longs[c], sourceRow, longs[c], row, count);
    }
    for (int c = 0; c < doubles.length; c++) {
      System.arraycopy(source.doubles[c], sourceRow, doubles[c], row, count);
    }
    for (int c = 0; c < nulls.length; c++) {
      System.arraycopy(source.nulls[c], sourceRow, nulls[c], row, count);
    }
    for (int c = 0; c < objects.length; c++) {
      System.arraycopy(source.objects[c], sourceRow, objects[c], row, count);
    }
  }

  /** Drops object references in {@code [from, to)} so spilled states can be collected. */
  void clearObjects(int from, int to) {
    for (Object[] column : objects) {
      Arrays.fill(column, from, to, null);
    }
  }
}
