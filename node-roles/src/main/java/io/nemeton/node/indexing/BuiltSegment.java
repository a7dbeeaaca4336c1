package io.nemeton.node.indexing;

import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A segment file a task wrote into its work directory, before it is pushed to deep storage. Immutable. */
record BuiltSegment(SegmentInfo info, Path file, long sizeBytes, long rows, List<String> dimensions,
    List<String> metrics) {
  static BuiltSegment of(ColumnarSegment segment, Path file, long sizeBytes) {
    final List<String> dimensions = new ArrayList<>();
    final List<String> metrics = new ArrayList<>();
    for (ColumnarSegment.Column column : segment.columns()) {
      if (column.role() == ColumnRole.METRIC) {
        metrics.add(column.name());
      } else if (column.role() == ColumnRole.DIMENSION) {
        dimensions.add(column.name());
      }
    }
    return new BuiltSegment(segment.info(), file, sizeBytes, segment.rowCount(), dimensions, metrics);
  }

  String chunkKey() {
    return info.intervalStartMs() + "/" + info.intervalEndMs() + "/" + info.version();
  }
}
