package io.nemeton.segment.format;

import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Walks a column's null rows block by block, in batches from the bitmap, so the writer can zero
 * and skip them without probing the bitmap once per row.
 *
 * <p>Not thread-safe; reusable through {@link #reset}. Allocates only on reset.
 */
final class NullRowCursor {
  private final int[] batch = new int[SegmentFileLayout.ROWS_PER_BLOCK];
  private BatchIterator iterator;
  private int batchSize;
  private int batchPosition;

  /** Starts over on {@code nullRows} (may be null or empty: no nulls). */
  void reset(RoaringBitmap nullRows) {
    iterator = nullRows == null || nullRows.isEmpty() ? null : nullRows.getBatchIterator();
    batchSize = 0;
    batchPosition = 0;
  }

  /**
   * Writes {@code row - start} of each null row in {@code [start, end)} to {@code positions} in
   * ascending order and returns how many there are. Blocks must be asked for in ascending order,
   * and the bitmap must hold no row past the last block (the writer checks its last row first).
   */
  int collect(int start, int end, int[] positions) {
    int count = 0;
    while (true) {
      if (batchPosition == batchSize) {
        if (iterator == null || !iterator.hasNext()) {
          return count;
        }
        batchSize = iterator.nextBatch(batch);
        batchPosition = 0;
        if (batchSize == 0) {
          return count;
        }
      }
      int row = batch[batchPosition];
      if (row >= end) {
        return count;
      }
      positions[count++] = row - start;
      batchPosition++;
    }
  }
}
