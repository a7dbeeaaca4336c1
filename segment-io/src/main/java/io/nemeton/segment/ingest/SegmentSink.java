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

  /**
   * True when the sink is done with a segment once {@link #accept} returns: it has written the
   * segment out and keeps no reference to it or its arrays. Ingestion may then fill the same
   * arrays with the next segment's rows instead of allocating (and the JVM zeroing) fresh ones of
   * the same size. False by default: the segment and its arrays belong to the sink.
   */
  default boolean releasesSegments() {
    return false;
  }
}
