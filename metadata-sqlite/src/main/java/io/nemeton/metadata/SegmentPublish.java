package io.nemeton.metadata;

import io.nemeton.metadata.internal.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one task publishes for one datasource, applied in one transaction: all segments
 * are inserted and the commit metadata (if any) swapped, or nothing is. A segment whose id is
 * already stored (used or not) fails the whole publish. With no segments, a publish only moves
 * the commit metadata (a stream task that read no rows). Validated on construction; immutable.
 *
 * @param commitMetadata the commit metadata swap to join the transaction, or null for none
 */
public record SegmentPublish(String dataSource, List<NewSegment> segments,
    CommitMetadataUpdate commitMetadata) {
  /** Most segments in one publish: far above any task's output, small enough for one txn. */
  public static final int MAX_SEGMENTS = 100_000;

  public SegmentPublish {
    Require.name("publish dataSource", dataSource);
    Require.notNull("publish dataSource=" + dataSource + " segments", segments);
    segments = List.copyOf(segments);
    if (segments.isEmpty() && commitMetadata == null) {
      throw Require.invalid("publish dataSource=" + dataSource
          + " has no segments and no commit metadata: nothing to publish");
    }
    Require.range("publish dataSource=" + dataSource + " segment count", segments.size(), 0,
        MAX_SEGMENTS);
    Set<String> ids = new HashSet<>();
    for (NewSegment segment : segments) {
      if (!segment.dataSource().equals(dataSource)) {
        throw Require.invalid("publish dataSource=" + dataSource + ": segment id="
            + segment.id() + " belongs to dataSource=" + segment.dataSource());
      }
      if (!ids.add(segment.id())) {
        throw Require.invalid("publish dataSource=" + dataSource + ": segment id="
            + segment.id() + " appears twice");
      }
    }
  }

  /** A publish of segments with no commit metadata (batch ingestion). */
  public static SegmentPublish of(String dataSource, List<NewSegment> segments) {
    return new SegmentPublish(dataSource, segments, null);
  }
}
