package io.nemeton.engine.cursor;

import io.nemeton.engine.storage.QueryableSegment;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * Walks a row range of one segment in batches of at most {@code vectorSize} rows that never cross a
 * block, keeping only rows in the filter's bitmap (when the indexes answered part of the filter)
 * and then only rows the residual {@link RowMatcher} keeps. Stretches without bitmap rows are
 * skipped without being visited; a range the bitmap covers fully becomes dense batches.
 *
 * <p>Not thread-safe. Allocates its bitmap iterator and buffer once; {@link #reset} moves to another
 * range (ascending ranges reuse the iterator).
 */
public final class SegmentCursor {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private final int vectorSize;
  private final ImmutableRoaringBitmap rows;
  private final RowMatcher matcher;
  private BatchIterator iterator;
  private final int[] buffer;
  private int bufferPosition;
  private int bufferSize;
  private int iteratorFloor;
  private int row;
  private int endRow;

  /**
   * @param vectorSize the most rows per batch, at least 1
   * @param rows rows that may match (from the indexes), or null for every row
   * @param matcher the residual filter, or null when none
   */
  public SegmentCursor(int vectorSize, ImmutableRoaringBitmap rows, RowMatcher matcher) {
    if (vectorSize < 1) {
      throw new IllegalArgumentException("vectorSize=" + vectorSize + " must be >= 1");
    }
    this.vectorSize = Math.min(vectorSize, ROWS);
    this.rows = rows;
    this.matcher = matcher;
    this.buffer = rows == null ? null : new int[256];
  }

  /** Starts over on rows {@code [startRow, endRow)}. */
  public void reset(int startRow, int endRow) {
    this.row = startRow;
    this.endRow = endRow;
    if (rows != null && (iterator == null || startRow < iteratorFloor)) {
      iterator = rows.getBatchIterator();
      bufferPosition = 0;
      bufferSize = 0;
    }
    iteratorFloor = startRow;
  }

  /** Fills {@code batch} with the next rows that match; returns false when the range is done. */
  public boolean next(Batch batch) {
    while (row < endRow) {
      final int block = row / ROWS;
      final int blockStart = block * ROWS;
      final int batchEnd = Math.min(Math.min(row + vectorSize, blockStart + ROWS), endRow);
      if (rows == null) {
        batch.setDense(block, row - blockStart, batchEnd - blockStart);
        row = batchEnd;
      } else {
        final int next = peekBitmapRow(row);
        if (next < 0 || next >= endRow) {
          row = endRow;
          return false;
        }
        if (next >= batchEnd) {
          row = next;
          continue;
        }
        final int[] selection = batch.selection;
        int size = 0;
        while (true) {
          final int[] pending = buffer;
          final int available = bufferSize;
          int position = bufferPosition;
          while (position < available && pending[position] < batchEnd) {
            selection[size++] = pending[position++] - blockStart;
          }
          bufferPosition = position;
          if (position < available || !iterator.hasNext()) {
            break;
          }
          bufferSize = iterator.nextBatch(buffer);
          bufferPosition = 0;
          if (bufferSize == 0) {
            break;
          }
        }
        row = batchEnd;
        batch.setSparse(block, size);
      }
      if (matcher != null) {
        batch.materialize();
        final int kept = matcher.match(block, batch.selection, batch.size, batch.selection);
        if (kept == 0) {
          continue;
        }
        batch.setSparse(block, kept);
      }
      return true;
    }
    return false;
  }

  /** The smallest bitmap row at or after {@code atLeast}, or -1 when none is left. */
  private int peekBitmapRow(int atLeast) {
    while (true) {
      while (bufferPosition < bufferSize) {
        final int candidate = buffer[bufferPosition];
        if (candidate >= atLeast) {
          return candidate;
        }
        bufferPosition++;
      }
      if (!iterator.hasNext()) {
        return -1;
      }
      iterator.advanceIfNeeded(atLeast);
      bufferSize = iterator.nextBatch(buffer);
      bufferPosition = 0;
      if (bufferSize == 0) {
        return -1;
      }
    }
  }
}
