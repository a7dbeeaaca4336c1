package io.nemeton.engine.cursor;

import io.nemeton.engine.storage.NumericBlocks;
import io.nemeton.engine.storage.QueryableSegment;

/**
 * Reads generic row values as numbers: numbers as they are, strings parsed (null when they do not
 * parse), anything else null. The numeric view of an expression virtual column. Not thread-safe.
 */
final class ValueNumericBlocks extends NumericBlocks {
  private final ValueBlocks values;
  private final int rowCount;

  ValueNumericBlocks(ValueBlocks values, Kind kind, int rowCount) {
    super(kind);
    this.values = values;
    this.rowCount = rowCount;
  }

  private int rows(int block) {
    return Math.min(QueryableSegment.ROWS_PER_BLOCK, rowCount - block * QueryableSegment.ROWS_PER_BLOCK);
  }

  static Number number(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    if (value instanceof String text) {
      final String trimmed = text.trim();
      try {
        return Long.parseLong(trimmed);
      } catch (NumberFormatException notLong) {
        try {
          return Double.parseDouble(trimmed);
        } catch (NumberFormatException notDouble) {
          return null;
        }
      }
    }
    return null;
  }

  @Override
  public boolean mayHaveNulls() {
    return true;
  }

  @Override
  protected void readLongs(int block, long[] destination) {
    final int rows = rows(block);
    for (int i = 0; i < rows; i++) {
      final Number number = number(values.value(block, i));
      destination[i] = number == null ? 0 : number.longValue();
    }
  }

  @Override
  protected void readDoubles(int block, double[] destination) {
    final int rows = rows(block);
    for (int i = 0; i < rows; i++) {
      final Number number = number(values.value(block, i));
      destination[i] = number == null ? 0 : number.doubleValue();
    }
  }

  @Override
  protected void readFloats(int block, float[] destination) {
    final int rows = rows(block);
    for (int i = 0; i < rows; i++) {
      final Number number = number(values.value(block, i));
      destination[i] = number == null ? 0 : number.floatValue();
    }
  }

  @Override
  protected boolean readNulls(int block, boolean[] destination) {
    final int rows = rows(block);
    boolean any = false;
    for (int i = 0; i < rows; i++) {
      final boolean isNull = number(values.value(block, i)) == null;
      destination[i] = isNull;
      any |= isNull;
    }
    return any;
  }
}
