package io.nemeton.metadata;

import io.nemeton.metadata.internal.JsonPayloads;
import io.nemeton.metadata.internal.Require;

/**
 * A segment about to be published: its id, where it sits in the timeline, and its payload (the
 * segment's JSON description: load spec, dimensions, metrics, shard spec, size). The store does
 * not parse ids or derive one field from another; it stores what it is given and checks that
 * each value is well formed. Validated on construction; immutable.
 *
 * @param startMs inclusive interval start, epoch ms
 * @param endMs exclusive interval end, epoch ms; greater than {@code startMs}
 * @param version the version string (an ISO-8601 time); a higher version overshadows a lower
 *     one in the timeline, which is the reader's business, not the store's
 * @param partition partition number within (interval, version), at least 0
 */
public record NewSegment(String id, String dataSource, long startMs, long endMs, String version,
    int partition, String payloadJson) {
  public NewSegment {
    Require.name("segment id", id);
    Require.name("segment id=" + id + " dataSource", dataSource);
    if (startMs >= endMs) {
      throw Require.invalid("segment id=" + id + ": startMs=" + startMs
          + " must be less than endMs=" + endMs);
    }
    Require.name("segment id=" + id + " version", version);
    Require.range("segment id=" + id + " partition", partition, 0, Integer.MAX_VALUE);
    JsonPayloads.object("segment id=" + id + " payload", payloadJson);
  }
}
