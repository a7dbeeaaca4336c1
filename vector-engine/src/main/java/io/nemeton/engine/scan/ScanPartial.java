package io.nemeton.engine.scan;

import io.nemeton.engine.run.PartialResult;
import java.util.List;

/**
 * Scan partial result: the output columns and the rows read, in order. Immutable once built.
 *
 * @param rows each row's segment id, time and values in column order
 */
public record ScanPartial(List<String> columns, List<Row> rows) implements PartialResult {

  /** One row read by a scan. */
  public record Row(String segmentId, long timeMs, Object[] values) {
  }
}
