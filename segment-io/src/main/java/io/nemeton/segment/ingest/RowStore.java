package io.nemeton.segment.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Rows held row-major in one byte array, so moving a row (sorting, spilling, merging) touches
 * one or two cache lines instead of one per column. A row is, little-endian:
 *
 * <pre>
 * long time | long x longColumns | double x doubleColumns | byte null flag x nullColumns
 *           | int code x intColumns | zero padding to a multiple of 8
 * </pre>
 *
 * Codes come last so a string dimension discovered later only extends the row. Sketch states
 * live beside the bytes in {@code objects}. {@link InputSchema} says which column holds what.
 *
 * <p>Not thread-safe. The byte array is replaced when the store grows or its layout changes. It
 * comes from {@link ByteArrayPool}, may be longer than the rows need, and goes back there on
 * growth and on {@link #release()}.
 */
final class RowStore {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  final int longColumns;
  final int doubleColumns;
  final int nullColumns;
  int intColumns;
  final int objectColumns;
  private final int doubleBase;
  private final int nullBase;
  private final int intBase;
  int rowBytes;
  int capacity;
  byte[] bytes;
  Object[][] objects;

  RowStore(int capacity, int intColumns, int longColumns, int doubleColumns, int nullColumns, int objectColumns) {
    this.longColumns = longColumns;
    this.doubleColumns = doubleColumns;
    this.nullColumns = nullColumns;
    this.intColumns = intColumns;
    this.objectColumns = objectColumns;
    this.doubleBase = 8 + 8 * longColumns;
    this.nullBase = doubleBase + 8 * doubleColumns;
    this.intBase = nullBase + nullColumns;
    this.rowBytes = rowBytes(intBase, intColumns);
    this.capacity = capacity;
    this.bytes = zeroed(Math.multiplyExact(capacity, rowBytes));
    this.objects = new Object[objectColumns][capacity];
  }

  /** A store shaped like the schema's columns now. */
  static RowStore forSchema(InputSchema schema, int capacity) {
    return new RowStore(capacity, schema.stringFieldCount(), schema.longColumns(), schema.doubleColumns(),
        schema.nullColumns(), schema.objectColumns());
  }

  private static int rowBytes(int intBase, int intColumns) {
    return (intBase + 4 * intColumns + 7) & ~7;
  }

  /** Bytes of a row with {@code intColumns} codes, for checking run files. */
  int rowBytesFor(int codes) {
    return rowBytes(intBase, codes);
  }

  long time(int row) {
    return (long) LONG.get(bytes, row * rowBytes);
  }

  void setTime(int row, long value) {
    LONG.set(bytes, row * rowBytes, value);
  }

  long longValue(int column, int row) {
    return (long) LONG.get(bytes, row * rowBytes + 8 + (column << 3));
  }

  void setLong(int column, int row, long value) {
    LONG.set(bytes, row * rowBytes + 8 + (column << 3), value);
  }

  double doubleValue(int column, int row) {
    return (double) DOUBLE.get(bytes, row * rowBytes + doubleBase + (column << 3));
  }

  void setDouble(int column, int row, double value) {
    DOUBLE.set(bytes, row * rowBytes + doubleBase + (column << 3), value);
  }

  /** 1 when the value of nullable column {@code column} is null. */
  byte isNull(int column, int row) {
    return bytes[row * rowBytes + nullBase + column];
  }

  void setNull(int column, int row, byte flag) {
    bytes[row * rowBytes + nullBase + column] = flag;
  }

  int code(int column, int row) {
    return (int) INT.get(bytes, row * rowBytes + intBase + (column << 2));
  }

  void setCode(int column, int row, int code) {
    INT.set(bytes, row * rowBytes + intBase + (column << 2), code);
  }

  Object object(int column, int row) {
    return objects[column][row];
  }

  void setObject(int column, int row, Object value) {
    objects[column][row] = value;
  }

  /** Grows to {@code newCapacity} rows, keeping the rows. */
  void grow(int newCapacity) {
    if (newCapacity <= capacity) {
      return;
    }
    final int used = capacity * rowBytes;
    final byte[] grown = ByteArrayPool.take(Math.multiplyExact(newCapacity, rowBytes), Long.MAX_VALUE);
    System.arraycopy(bytes, 0, grown, 0, used);
    Arrays.fill(grown, used, newCapacity * rowBytes, (byte) 0);
    ByteArrayPool.give(bytes);
    bytes = grown;
    for (int c = 0; c < objects.length; c++) {
      objects[c] = Arrays.copyOf(objects[c], newCapacity);
    }
    capacity = newCapacity;
  }

  /**
   * Gives the row bytes back to {@link ByteArrayPool} for the next ingestion; the store is not
   * used afterwards.
   */
  void release() {
    if (bytes != null) {
      ByteArrayPool.give(bytes);
      bytes = null;
    }
  }

  /** {@code length} zero bytes, in an array from {@link ByteArrayPool} (it may be longer). */
  private static byte[] zeroed(int length) {
    final byte[] array = ByteArrayPool.take(length, Long.MAX_VALUE);
    Arrays.fill(array, 0, length, (byte) 0);
    return array;
  }

  /** Widens rows to {@code count} codes (string dimensions discovered since; their codes are null). */
  void ensureIntColumns(int count, int rows) {
    if (count <= intColumns) {
      return;
    }
    final int newRowBytes = rowBytes(intBase, count);
    final byte[] widened = new byte[Math.multiplyExact(capacity, newRowBytes)];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(bytes, r * rowBytes, widened, r * newRowBytes, rowBytes);
    }
    bytes = widened;
    rowBytes = newRowBytes;
    intColumns = count;
  }

  /** Copies a row of a store with the same layout. */
  void copyRow(RowStore source, int sourceRow, int row) {
    final int width = rowBytes;
    final byte[] from = source.bytes;
    final byte[] to = bytes;
    // the copy intrinsic moves a row in a few vector moves; a loop of long accesses does not
    System.arraycopy(from, sourceRow * width, to, row * width, width);
    for (int c = 0; c < objects.length; c++) {
      objects[c][row] = source.objects[c][sourceRow];
    }
  }

  /** {@code this[row + i] = source[order[from + i]]} for {@code i < count}; same layout. */
  void gather(RowStore source, int[] order, int from, int count, int row) {
    final int width = rowBytes;
    final byte[] from8 = source.bytes;
    final byte[] to = bytes;
    for (int i = 0; i < count; i++) {
      System.arraycopy(from8, order[from + i] * width, to, (row + i) * width, width);
    }
    for (int c = 0; c < objects.length; c++) {
      final Object[] target = objects[c];
      final Object[] values = source.objects[c];
      for (int i = 0; i < count; i++) {
        target[row + i] = values[order[from + i]];
      }
    }
  }

  /** Drops object references in {@code [from, to)} so spilled states can be collected. */
  void clearObjects(int from, int to) {
    for (Object[] column : objects) {
      Arrays.fill(column, from, to, null);
    }
  }
}
