package io.nemeton.bitmap;

/** A {@link RowIdMatcher} over a plain array of single-value ids: the reference the tests refine with. */
final class ArrayIdMatcher implements RowIdMatcher {
  private final int[] ids;
  private final int rowCount;

  ArrayIdMatcher(int[] ids, int rowCount) {
    this.ids = ids;
    this.rowCount = rowCount;
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public int matchRows(int id, int fromRow, int toRow, long[] words, long firstBit) {
    if (fromRow < 0 || fromRow > toRow || toRow > rowCount) {
      throw new IllegalArgumentException("rows [" + fromRow + ", " + toRow + ") outside [0, " + rowCount + ")");
    }
    int matched = 0;
    for (int row = fromRow; row < toRow; row++) {
      if (ids[row] == id) {
        final long bit = firstBit + row - fromRow;
        words[(int) (bit >>> 6)] |= 1L << bit;
        matched++;
      }
    }
    return matched;
  }
}
