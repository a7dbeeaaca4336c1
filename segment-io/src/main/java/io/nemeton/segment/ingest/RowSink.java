package io.nemeton.segment.ingest;

import java.io.IOException;

/** Receives sorted rows in order: segment cutting, or a run file while merging in passes. */
interface RowSink {
  /**
   * Takes rows {@code order[from, from + count)} of {@code rows} (rows {@code [from, from + count)}
   * when {@code order} is null); they continue the sorted stream.
   */
  void accept(RowStore rows, int[] order, int from, int count) throws IOException;

  /** A hint: at most {@code rows} more rows will come (sinks may size buffers once). */
  default void expectRows(long rows) {}

  /**
   * A hint: the stream will most likely start at {@code time}. A sink may set itself up for it
   * before the rows come; it must stay correct whatever time the first row has.
   */
  default void expectFirstTime(long time) {}
}
