package io.nemeton.segment.ingest;

import java.io.IOException;

/** Receives sorted rows in order: segment cutting, or a run file while merging in passes. */
interface RowSink {
  /** Takes rows {@code [from, from + count)} of {@code rows}; they continue the sorted stream. */
  void accept(RowColumns rows, int from, int count) throws IOException;
}
