package io.nemeton.segment.ingest;

import java.util.Arrays;

/**
 * Up to {@link #CAPACITY} parsed input rows of one file, column by column: the event time, a code
 * per string field, a long and a double per numeric slot with null flags (1 = null), the line
 * number and the first field error of each row (such rows are kept, counted as processed with
 * error). Readers fill it row by row; {@link RowBuffer} copies it column by column.
 *
 * <p>Not thread-safe; arrays are reused after {@link #clear()}.
 */
final class InputBatch {
  static final int CAPACITY = 1024;

  int count;
  String source;
  final long[] times = new long[CAPACITY];
  final long[] lines = new long[CAPACITY];
  final String[] errors = new String[CAPACITY];
  int[][] codes = new int[0][];
  final long[][] longs;
  final byte[][] longNulls;
  final double[][] doubles;
  final byte[][] doubleNulls;

  InputBatch(InputSchema schema) {
    longs = new long[schema.longSlots()][CAPACITY];
    longNulls = new byte[schema.longSlots()][CAPACITY];
    doubles = new double[schema.doubleSlots()][CAPACITY];
    doubleNulls = new byte[schema.doubleSlots()][CAPACITY];
    ensureStringSlots(schema.stringFieldCount());
    clear();
  }

  /** Adds code columns for string fields discovered since (all rows null). */
  void ensureStringSlots(int count) {
    if (codes.length < count) {
      final int old = codes.length;
      codes = Arrays.copyOf(codes, count);
      for (int i = old; i < count; i++) {
        codes[i] = new int[CAPACITY];
      }
    }
  }

  boolean isFull() {
    return count == CAPACITY;
  }

  /** Empties the batch; every value of every row is null again. */
  void clear() {
    for (int[] column : codes) {
      Arrays.fill(column, 0);
    }
    for (byte[] column : longNulls) {
      Arrays.fill(column, (byte) 1);
    }
    for (byte[] column : doubleNulls) {
      Arrays.fill(column, (byte) 1);
    }
    Arrays.fill(errors, 0, CAPACITY, null);
    count = 0;
  }

  /** Makes row {@code row} all null again (a row found unparseable half way). */
  void resetRow(int row) {
    for (int[] column : codes) {
      column[row] = 0;
    }
    for (byte[] column : longNulls) {
      column[row] = 1;
    }
    for (byte[] column : doubleNulls) {
      column[row] = 1;
    }
    errors[row] = null;
  }

  /** Records a field error on {@code row}; the first one is reported. */
  void fieldError(int row, String message) {
    if (errors[row] == null) {
      errors[row] = message;
    }
  }
}
