package io.nemeton.segment.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Reads one input file's rows into batches. One call per batch, so dispatch stays off the row path. */
interface RowReader extends Closeable {
  /**
   * Adds rows to {@code batch} until it is full or the input ends; false once the input has no
   * more rows (the batch may still hold some). Dropped rows are reported to the error log.
   */
  boolean read(InputBatch batch) throws IOException;
}
