package io.nemeton.engine.storage;

import java.util.Arrays;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** Turns a null-row bitmap into per-block null flags. Stateless; allocates one iterator per block. */
final class NullRows {
  private NullRows() {
  }

  /**
   * Sets {@code destination[i]} for each row {@code blockStart + i} of {@code [0, rows)} in {@code
   * nullRows}, clears the others; returns whether any was set.
   */
  static boolean fill(ImmutableRoaringBitmap nullRows, int blockStart, int rows, boolean[] destination) {
    if (nullRows == null || nullRows.isEmpty()
        || nullRows.rangeCardinality(blockStart, (long) blockStart + rows) == 0) {
      return false;
    }
    Arrays.fill(destination, 0, rows, false);
    final PeekableIntIterator iterator = nullRows.getIntIterator();
    iterator.advanceIfNeeded(blockStart);
    final int end = blockStart + rows;
    while (iterator.hasNext()) {
      final int row = iterator.next();
      if (row >= end) {
        break;
      }
      destination[row - blockStart] = true;
    }
    return true;
  }
}
