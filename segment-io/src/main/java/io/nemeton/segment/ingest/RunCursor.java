package io.nemeton.segment.ingest;

import java.io.IOException;

/**
 * Walks one sorted run row by row: a spilled {@link RunFile} one block at a time, or rows still
 * in memory. The current row is {@code rows().time[row()]} and so on.
 *
 * <p>Not thread-safe.
 */
final class RunCursor implements AutoCloseable {
  private final RunFile.Reader reader;
  private final RowStore rows;
  private final int[] order;
  private int position;
  private int count;

  /** A cursor over a spilled run; {@code block} must hold its largest block (min of BLOCK_ROWS and its rows). */
  RunCursor(RunFile.Reader reader, RowStore block) {
    this.reader = reader;
    this.rows = block;
    this.order = null;
  }

  /** A cursor over rows held in memory: {@code order[0, count)}, or {@code [0, count)} when order is null. */
  RunCursor(RowStore rows, int[] order, int count) {
    this.reader = null;
    this.rows = rows;
    this.order = order;
    this.count = count;
    this.position = 0;
  }

  /** Loads the first row; false when the run is empty. */
  boolean start() throws IOException {
    if (reader != null) {
      count = reader.next(rows);
      position = 0;
    }
    return position < count;
  }

  /** Moves to the next row; false at the end of the run. */
  boolean advance() throws IOException {
    position++;
    if (position < count) {
      return true;
    }
    if (reader == null) {
      return false;
    }
    count = reader.next(rows);
    position = 0;
    return count > 0;
  }

  RowStore rows() {
    return rows;
  }

  int row() {
    return order == null ? position : order[position];
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
