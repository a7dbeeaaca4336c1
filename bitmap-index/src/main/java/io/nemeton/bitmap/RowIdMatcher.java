package io.nemeton.bitmap;

/**
 * The column's ids, as a {@link BitmapIndex} of format NBI4 needs them to refine its chunk lists
 * and id scans ({@link ChunkPostings}): finds the rows of a range holding one dictionary id. A
 * segment's string column reader supplies it; tests supply a plain array.
 *
 * <p>Implementations must be thread-safe (one index serves concurrent lookups) and should not
 * allocate per call.
 */
public interface RowIdMatcher {
  /** The column's rows: every range asked for lies in {@code [0, rowCount())}. */
  int rowCount();

  /**
   * ORs into {@code words} bit {@code firstBit + (r - fromRow)} (bit {@code b & 63} of word {@code
   * b >>> 6}) for each row r in {@code [fromRow, toRow)} whose id equals {@code id}; returns how
   * many matched.
   *
   * @throws IllegalArgumentException when the range is not inside the column's rows, or the words
   *     cannot hold the bits
   */
  int matchRows(int id, int fromRow, int toRow, long[] words, long firstBit);
}
