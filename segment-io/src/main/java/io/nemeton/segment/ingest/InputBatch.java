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
  /** Single string values waiting to be interned as a batch, per string slot: bytes and where. */
  byte[][] pendingBytes = new byte[0][];
  long[][] pendingKeys = new long[0][];
  int[][] pendingStarts = new int[0][];
  int[][] pendingLengths = new int[0][];
  int[][] pendingRows = new int[0][];
  int[] pendingCount = new int[0];
  int[] pendingArenaSize = new int[0];
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
      pendingBytes = Arrays.copyOf(pendingBytes, count);
      pendingKeys = Arrays.copyOf(pendingKeys, count);
      pendingStarts = Arrays.copyOf(pendingStarts, count);
      pendingLengths = Arrays.copyOf(pendingLengths, count);
      pendingRows = Arrays.copyOf(pendingRows, count);
      pendingCount = Arrays.copyOf(pendingCount, count);
      pendingArenaSize = Arrays.copyOf(pendingArenaSize, count);
      for (int i = old; i < count; i++) {
        codes[i] = new int[CAPACITY];
        pendingBytes[i] = new byte[CAPACITY * 16];
        pendingKeys[i] = new long[CAPACITY];
        pendingStarts[i] = new int[CAPACITY];
        pendingLengths[i] = new int[CAPACITY];
        pendingRows[i] = new int[CAPACITY];
      }
    }
  }

  /** Queues {@code bytes[offset, offset + length)} as row {@code row}'s value of string slot {@code slot}. */
  void addPending(int slot, int row, byte[] bytes, int offset, int length) {
    final int index = pendingCount[slot];
    if (length <= ValueDictionary.INLINE_BYTES) {
      // the inline form holds the bytes: nothing to copy
      pendingKeys[slot][index] = ValueDictionary.inline(bytes, offset, length);
    } else {
      final int start = pendingArenaSize[slot];
      byte[] arena = pendingBytes[slot];
      if (start + length > arena.length) {
        arena = Arrays.copyOf(arena, Math.max(arena.length * 2, start + length));
        pendingBytes[slot] = arena;
      }
      System.arraycopy(bytes, offset, arena, start, length);
      pendingArenaSize[slot] = start + length;
      pendingStarts[slot][index] = start;
      pendingLengths[slot][index] = length;
      pendingKeys[slot][index] = -1;
    }
    pendingRows[slot][index] = row;
    pendingCount[slot] = index + 1;
  }

  /** Interns every queued value into its slot's code column. */
  void internPending(InputSchema schema) {
    for (int slot = 0; slot < pendingCount.length; slot++) {
      final int count = pendingCount[slot];
      if (count > 0) {
        schema.stringField(slot).dictionary.internAll(pendingKeys[slot], pendingBytes[slot], pendingStarts[slot],
            pendingLengths[slot], pendingRows[slot], count, codes[slot]);
        pendingCount[slot] = 0;
        pendingArenaSize[slot] = 0;
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
    Arrays.fill(pendingCount, 0);
    Arrays.fill(pendingArenaSize, 0);
    count = 0;
  }

  /** Makes row {@code row} all null again (a row found unparseable half way). */
  void resetRow(int row) {
    for (int slot = 0; slot < codes.length; slot++) {
      codes[slot][row] = 0;
      // the row's queued values are the last ones queued
      while (pendingCount[slot] > 0 && pendingRows[slot][pendingCount[slot] - 1] == row) {
        pendingCount[slot]--;
      }
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
