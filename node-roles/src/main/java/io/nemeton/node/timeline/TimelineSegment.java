package io.nemeton.node.timeline;

import java.util.Objects;

/**
 * One segment as the timeline sees it: its time chunk, version and partition. A chunk and version
 * is complete when partitions {@code 0 .. corePartitions-1} are all present; partitions numbered
 * from {@code corePartitions} up were appended later and join a complete set without being needed
 * for it. {@code corePartitions} 0 means the set is complete with whatever is present.
 *
 * @param startMs inclusive, epoch millis
 * @param endMs exclusive, epoch millis
 */
public record TimelineSegment(String id, long startMs, long endMs, String version, int partition,
    int corePartitions) {

  public TimelineSegment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    if (endMs <= startMs) {
      throw new IllegalArgumentException(
          "segment " + id + ": interval end " + endMs + " must be after start " + startMs);
    }
    if (partition < 0 || corePartitions < 0) {
      throw new IllegalArgumentException("segment " + id + ": partition " + partition
          + " and corePartitions " + corePartitions + " must be >= 0");
    }
  }
}
