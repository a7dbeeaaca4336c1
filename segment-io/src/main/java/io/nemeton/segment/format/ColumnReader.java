package io.nemeton.segment.format;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnType;

/**
 * A reader of one column of an open {@link Segment}. The engine picks the concrete reader once per
 * column and segment (a {@code switch} over this sealed type) and then calls its block methods,
 * which are final and monomorphic.
 *
 * <p>Readers are immutable and thread-safe, and valid while their segment is open; after it closes
 * their methods throw {@link IllegalStateException}.
 */
public sealed interface ColumnReader
    permits TimeColumnReader, LongColumnReader, FloatColumnReader, DoubleColumnReader, StringColumnReader,
        ComplexColumnReader {

  String name();

  ColumnType type();

  ColumnRole role();

  /** Rows in the column (the segment's row count). */
  int rowCount();

  /** Blocks in the column: {@code ceil(rowCount / rowsPerBlock)}. */
  int blockCount();

  /** Bytes of all the column's regions in the file. */
  long sizeBytes();
}
