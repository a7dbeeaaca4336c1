package io.nemeton.segment.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The string and number fields of a batch's plain delimited rows (no quotes, no list delimiter),
 * kept as offsets into the reader's buffer and parsed a column at a time when the batch ends or
 * the buffer is about to move. Each column is one loop whose type is decided once, so a
 * dictionary, its code column and the number parser stay hot for up to {@link
 * InputBatch#CAPACITY} rows instead of taking turns field by field. Values land where the row
 * path would put them; a column's field errors are recorded in column order, so each row keeps
 * its first one as before.
 *
 * <p>Not thread-safe. Allocates its offset arrays once; nothing per row.
 */
final class FieldColumns {
  /** Dictionaries below this many values are probed row by row; larger ones are batched. */
  static final int DIRECT_INTERN_LIMIT = 1 << 12;

  /** Per kept column: its index among the input's columns, its binding and what it holds. */
  private final int[] columns;
  private final FieldBinding[] bindings;
  private final byte[] kinds;
  private final int[][] starts;
  private final int[][] lengths;
  private final int[] rows = new int[InputBatch.CAPACITY];
  private int count;

  /** Keeps the columns whose action is one of {@code string}, {@code longValue}, {@code doubleValue}. */
  FieldColumns(FieldBinding[] columnBindings, byte[] actions, byte string, byte longValue, byte doubleValue) {
    int kept = 0;
    for (byte action : actions) {
      if (action == string || action == longValue || action == doubleValue) {
        kept++;
      }
    }
    columns = new int[kept];
    bindings = new FieldBinding[kept];
    kinds = new byte[kept];
    starts = new int[kept][InputBatch.CAPACITY];
    lengths = new int[kept][InputBatch.CAPACITY];
    int k = 0;
    for (int c = 0; c < actions.length; c++) {
      final byte action = actions[c];
      if (action == string || action == longValue || action == doubleValue) {
        columns[k] = c;
        bindings[k] = columnBindings[c];
        kinds[k] = action == string ? STRING : action == longValue ? LONG : DOUBLE;
        k++;
      }
    }
  }

  private static final byte STRING = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;

  /** Rows kept and not yet parsed. */
  int count() {
    return count;
  }

  /**
   * Keeps batch row {@code row}: its fields start at {@code lineStart} and end at {@code
   * ends[0, fields)} (a field past {@code fields} is missing, hence null).
   */
  void add(int row, int lineStart, int[] ends, int fields) {
    final int index = count;
    rows[index] = row;
    final int[] columnIndexes = columns;
    for (int k = 0; k < columnIndexes.length; k++) {
      final int c = columnIndexes[k];
      if (c < fields) {
        final int start = c == 0 ? lineStart : ends[c - 1] + 1;
        starts[k][index] = start;
        lengths[k][index] = ends[c] - start;
      } else {
        lengths[k][index] = 0;
      }
    }
    count = index + 1;
  }

  /** Parses every kept row's fields from {@code bytes} into {@code batch}, column by column, and forgets them. */
  void parse(byte[] bytes, InputBatch batch) {
    final int rowCount = count;
    for (int k = 0; k < columns.length; k++) {
      switch (kinds[k]) {
        case STRING -> strings(bindings[k].stringField, bytes, starts[k], lengths[k], rowCount, batch);
        case LONG -> longs(bindings[k], bytes, starts[k], lengths[k], rowCount, batch);
        default -> doubles(bindings[k], bytes, starts[k], lengths[k], rowCount, batch);
      }
    }
    count = 0;
  }

  private void strings(StringField field, byte[] bytes, int[] fieldStarts, int[] fieldLengths, int rowCount,
      InputBatch batch) {
    final ValueDictionary dictionary = field.dictionary;
    final int[] codes = batch.codes[field.slot];
    final int[] batchRows = rows;
    for (int i = 0; i < rowCount; i++) {
      final int length = fieldLengths[i];
      if (length > 0) {
        // small dictionaries stay in cache: intern now; large ones are batched to overlap misses
        if (dictionary.size() < DIRECT_INTERN_LIMIT) {
          codes[batchRows[i]] = dictionary.intern(bytes, fieldStarts[i], length);
        } else {
          batch.addPending(field.slot, batchRows[i], bytes, fieldStarts[i], length);
        }
      }
    }
  }

  private void longs(FieldBinding binding, byte[] bytes, int[] fieldStarts, int[] fieldLengths, int rowCount,
      InputBatch batch) {
    final long[] values = batch.longs[binding.longSlot];
    final byte[] nulls = batch.longNulls[binding.longSlot];
    final int[] batchRows = rows;
    for (int i = 0; i < rowCount; i++) {
      final int length = fieldLengths[i];
      if (length > 0) {
        final int row = batchRows[i];
        if (NumberParsing.parseLong(bytes, fieldStarts[i], length, values, row)) {
          nulls[row] = 0;
        } else {
          numberError(binding, bytes, fieldStarts[i], length, batch, row);
        }
      }
    }
  }

  private void doubles(FieldBinding binding, byte[] bytes, int[] fieldStarts, int[] fieldLengths, int rowCount,
      InputBatch batch) {
    final double[] values = batch.doubles[binding.doubleSlot];
    final byte[] nulls = batch.doubleNulls[binding.doubleSlot];
    final int[] batchRows = rows;
    for (int i = 0; i < rowCount; i++) {
      final int length = fieldLengths[i];
      if (length > 0) {
        final int row = batchRows[i];
        if (NumberParsing.parseDouble(bytes, fieldStarts[i], length, values, row)) {
          nulls[row] = 0;
        } else {
          numberError(binding, bytes, fieldStarts[i], length, batch, row);
        }
      }
    }
  }

  static void numberError(FieldBinding binding, byte[] bytes, int offset, int length, InputBatch batch, int row) {
    batch.fieldError(row, "column=" + binding.name + " value="
        + ParseErrorLog.quote(new String(bytes, offset, length, StandardCharsets.UTF_8)) + " is not a number; stored as null");
  }
}
