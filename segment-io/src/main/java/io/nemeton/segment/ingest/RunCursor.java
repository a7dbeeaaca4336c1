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
  private final RowColumns rows;
  private int row;
  private int count;

  /** A cursor over a spilled run; {@code block} must hold its largest block (min of BLOCK_ROWS and its rows). */
  RunCursor(RunFile.Reader reader, RowColumns block) {
    this.reader = reader;
    this.rows = block;
  }

  /** A cursor over rows {@code [0, count)} held in memory. */
  RunCursor(RowColumns rows, int count) {
    this.reader = null;
    this.rows = rows;
    this.count = count;
    this.row = 0;
  }

  /** Loads the first row; false when the run is empty. */
  boolean start() throws IOException {
    if (reader != null) {
      count = reader.next(rows);
      row = 0;
    }
    return row < count;
  }

  /** Moves to the next row; false at the end of the run. */
  boolean advance() throws IOException {
    row++;
    if (row < count) {
      return true;
    }
    if (reader == null) {
      return false;
    }
    count = reader.next(rows);
    row = 0;
    return count > 0;
  }

  RowColumns rows() {
    return rows;
  }

  int row() {
    return row;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
