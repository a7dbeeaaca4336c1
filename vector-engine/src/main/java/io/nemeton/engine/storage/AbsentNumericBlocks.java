package io.nemeton.engine.storage;

import java.util.Arrays;

/** A column the segment does not have: every row is null, as in Druid. */
final class AbsentNumericBlocks extends NumericBlocks {
  private final int rowCount;

  AbsentNumericBlocks(int rowCount) {
    super(Kind.LONG);
    this.rowCount = rowCount;
  }

  @Override
  public boolean mayHaveNulls() {
    return true;
  }

  @Override
  protected void readLongs(int block, long[] destination) {
    Arrays.fill(destination, 0L);
  }

  @Override
  protected void readDoubles(int block, double[] destination) {
    Arrays.fill(destination, 0.0);
  }

  @Override
  protected void readFloats(int block, float[] destination) {
    Arrays.fill(destination, 0f);
  }

  @Override
  protected boolean readNulls(int block, boolean[] destination) {
    final int rows = Math.min(QueryableSegment.ROWS_PER_BLOCK, rowCount - block * QueryableSegment.ROWS_PER_BLOCK);
    Arrays.fill(destination, 0, rows, true);
    return rows > 0;
  }
}
