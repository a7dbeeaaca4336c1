package io.nemeton.segment.ingest;

import io.nemeton.segment.ColumnarSegment;
import java.io.IOException;

/**
 * Receives each segment as soon as ingestion has built it, in time order (partitions of a time
 * chunk in partition order). The segment and its arrays belong to the sink from then on; ingestion
 * keeps no reference, so a sink that writes and drops segments keeps memory bounded.
 */
@FunctionalInterface
public interface SegmentSink {
  void accept(ColumnarSegment segment) throws IOException;
}
