package io.nemeton.bitmap;

import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Hands out the rows of a bitmap in ascending order, a batch at a time, into an array the caller
 * owns (a selection vector). Backed by the Roaring library's batch iterator, which decodes a
 * container at a time instead of a row at a time.
 *
 * <p>Not thread-safe. Allocates nothing per batch. The iterator does not keep the caller's array:
 * the rows written by {@link #nextBatch} stay there until the caller overwrites them. The iterator
 * is valid while the bitmap is (for a mapped bitmap, while its segment is open).
 */
public final class RowBatchIterator {
  private final BatchIterator batches;

  public RowBatchIterator(ImmutableRoaringBitmap bitmap) {
    this.batches = bitmap.getBatchIterator();
  }

  /**
   * Writes the next rows into {@code rows[0, n)} and returns n: as many as fit in the array
   * unless the bitmap runs out first; 0 once every row has been handed out.
   *
   * @throws IllegalArgumentException when {@code rows} is empty
   */
  public int nextBatch(int[] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("batch buffer length=0 must be at least 1");
    }
    return batches.hasNext() ? batches.nextBatch(rows) : 0;
  }

  /** Whether a call to {@link #nextBatch} would return rows. */
  public boolean hasNext() {
    return batches.hasNext();
  }

  /** Skips rows below {@code row}; never moves backwards. */
  public void advanceTo(int row) {
    batches.advanceIfNeeded(row);
  }
}
