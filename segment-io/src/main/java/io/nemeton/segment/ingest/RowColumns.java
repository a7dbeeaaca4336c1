package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * A segment's rows column by column, the shape {@link io.nemeton.segment.ColumnarSegment} takes:
 * {@code time}, {@code ints} (one per string field: codes), {@code longs}, {@code doubles},
 * {@code nulls} (1 = null) and {@code objects} (sketch states), indexed as in {@link RowStore}.
 * Sorted rows arrive row-major and are turned into columns as they are appended.
 *
 * <p>Not thread-safe. Arrays are owned by this object and replaced when it grows.
 */
final class RowColumns {
  private static final int APPEND_BLOCK_ROWS = 2048;

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

  /**
   * Appends rows {@code order[from, from + count)} of {@code source} (rows {@code [from, from +
   * count)} when order is null) at {@code row}, one column at a time.
   */
  void append(RowStore source, int[] order, int from, int count, int row) {
    if (order != null) {
      appendScattered(source, order, from, count, row);
      return;
    }
    // column by column within blocks that stay in cache: each row's bytes are read once from memory
    for (int done = 0; done < count; done += APPEND_BLOCK_ROWS) {
      appendBlock(source, from + done, Math.min(APPEND_BLOCK_ROWS, count - done), row + done);
    }
  }

  private void appendBlock(RowStore source, int from, int count, int row) {
    for (int i = 0; i < count; i++) {
      time[row + i] = source.time(from + i);
    }
    final int sharedInts = Math.min(ints.length, source.intColumns);
    for (int c = 0; c < sharedInts; c++) {
      final int[] target = ints[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = source.code(c, from + i);
      }
    }
    for (int c = sharedInts; c < ints.length; c++) {
      Arrays.fill(ints[c], row, row + count, 0);
    }
    for (int c = 0; c < longs.length; c++) {
      final long[] target = longs[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = source.longValue(c, from + i);
      }
    }
    for (int c = 0; c < doubles.length; c++) {
      final double[] target = doubles[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = source.doubleValue(c, from + i);
      }
    }
    for (int c = 0; c < nulls.length; c++) {
      final byte[] target = nulls[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = source.isNull(c, from + i);
      }
    }
    for (int c = 0; c < objects.length; c++) {
      final Object[] target = objects[c];
      final Object[] values = source.objects[c];
      System.arraycopy(values, from, target, row, count);
    }
  }

  /**
   * Rows in a sorted order are scattered over the store: take each row whole while its cache line
   * is loaded, rather than revisiting every row once per column.
   */
  private void appendScattered(RowStore source, int[] order, int from, int count, int row) {
    final int sharedInts = Math.min(ints.length, source.intColumns);
    for (int i = 0; i < count; i++) {
      final int sourceRow = order[from + i];
      final int target = row + i;
      time[target] = source.time(sourceRow);
      for (int c = 0; c < sharedInts; c++) {
        ints[c][target] = source.code(c, sourceRow);
      }
      for (int c = 0; c < longs.length; c++) {
        longs[c][target] = source.longValue(c, sourceRow);
      }
      for (int c = 0; c < doubles.length; c++) {
        doubles[c][target] = source.doubleValue(c, sourceRow);
      }
      for (int c = 0; c < nulls.length; c++) {
        nulls[c][target] = source.isNull(c, sourceRow);
      }
      for (int c = 0; c < objects.length; c++) {
        objects[c][target] = source.objects[c][sourceRow];
      }
    }
    for (int c = sharedInts; c < ints.length; c++) {
      Arrays.fill(ints[c], row, row + count, 0);
    }
  }

  /** Drops object references in {@code [from, to)} so states can be collected. */
  void clearObjects(int from, int to) {
    for (Object[] column : objects) {
      Arrays.fill(column, from, to, null);
    }
  }
}
