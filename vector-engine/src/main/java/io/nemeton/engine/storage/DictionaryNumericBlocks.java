package io.nemeton.engine.storage;

/**
 * A string column read as numbers, as Druid's numeric aggregators read a string dimension: each
 * dictionary value is parsed once (a whole number as a long, else a decimal as a double); values
 * that do not parse, null, and multi-value rows with other than one value read as null. Not
 * thread-safe.
 */
final class DictionaryNumericBlocks extends NumericBlocks {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final StringBlocks blocks;
  private final int rowCount;
  private final long[] longById;
  private final double[] doubleById;
  private final boolean[] nullById;

  DictionaryNumericBlocks(StringColumn column, int rowCount) {
    super(Kind.DOUBLE);
    this.blocks = column.newBlocks();
    this.rowCount = rowCount;
    final int cardinality = column.cardinality();
    this.longById = new long[cardinality];
    this.doubleById = new double[cardinality];
    this.nullById = new boolean[cardinality];
    for (int id = 0; id < cardinality; id++) {
      final String value = column.value(id);
      final Number number = parse(value);
      if (number == null) {
        nullById[id] = true;
      } else {
        longById[id] = number.longValue();
        doubleById[id] = number.doubleValue();
      }
    }
  }

  /** A whole number as a Long, a decimal as a Double, else null. */
  static Number parse(String value) {
    if (value == null) {
      return null;
    }
    final String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
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

  @Override
  public boolean mayHaveNulls() {
    return true;
  }

  private int rows(int block) {
    return Math.min(ROWS, rowCount - block * ROWS);
  }

  /** The id of row position {@code position}, or -1 when it has not exactly one value. */
  private int idAt(int[] starts, int[] values, int position) {
    return starts[position + 1] - starts[position] == 1 ? values[starts[position]] : -1;
  }

  @Override
  protected void readLongs(int block, long[] destination) {
    final int[] starts = blocks.rowStarts(block);
    final int[] values = blocks.values(block);
    final int rows = rows(block);
    for (int i = 0; i < rows; i++) {
      final int id = idAt(starts, values, i);
      destination[i] = id < 0 ? 0 : longById[id];
    }
  }

  @Override
  protected void readDoubles(int block, double[] destination) {
    final int[] starts = blocks.rowStarts(block);
    final int[] values = blocks.values(block);
    final int rows = rows(block);
    for (int i = 0; i < rows; i++) {
      final int id = idAt(starts, values, i);
      destination[i] = id < 0 ? 0 : doubleById[id];
    }
  }

  @Override
  protected void readFloats(int block, float[] destination) {
    final int[] starts = blocks.rowStarts(block);
    final int[] values = blocks.values(block);
    final int rows = rows(block);
    for (int i = 0; i < rows; i++) {
      final int id = idAt(starts, values, i);
      destination[i] = id < 0 ? 0 : (float) doubleById[id];
    }
  }

  @Override
  protected boolean readNulls(int block, boolean[] destination) {
    final int[] starts = blocks.rowStarts(block);
    final int[] values = blocks.values(block);
    final int rows = rows(block);
    boolean any = false;
    for (int i = 0; i < rows; i++) {
      final int id = idAt(starts, values, i);
      final boolean isNull = id < 0 || nullById[id];
      destination[i] = isNull;
      any |= isNull;
    }
    return any;
  }
}
