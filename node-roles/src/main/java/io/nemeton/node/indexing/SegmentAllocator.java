package io.nemeton.node.indexing;

import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.SegmentStore;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.time.IsoTimestamps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the version and partition number of each segment one task builds. Ingestion numbers a
 * time chunk's partitions 0..n-1 under the task's version; that stands for a replacing task (the
 * new version overshadows the old once all n partitions are published, which the one publish
 * transaction makes atomic). An appending task instead joins each chunk's highest used version,
 * numbering its partitions after the highest one already there, and declares no core partitions,
 * so the chunk stays complete with or without them; a chunk with no used segments gets the task's
 * version from partition 0.
 *
 * <p>Appending reads the used segments at allocation time, so the caller must keep other tasks of
 * the datasource from publishing meanwhile (the runner runs one task per datasource at a time).
 * Not thread-safe: one per task.
 */
final class SegmentAllocator {
  private final SegmentStore segments;
  private final String dataSource;
  private final String taskVersion;
  private final boolean append;
  private final Map<Chunk, Placement> placements = new HashMap<>();

  SegmentAllocator(SegmentStore segments, String dataSource, String taskVersion, boolean append) {
    this.segments = segments;
    this.dataSource = dataSource;
    this.taskVersion = taskVersion;
    this.append = append;
  }

  /** Where a chunk's segments go: their version, the first partition number, whether appended. */
  record Placement(String version, int firstPartition, boolean appended) {}

  private record Chunk(long startMs, long endMs) {}

  /** The identity {@code ingested} (numbered by ingestion, task version) is published under. */
  SegmentInfo place(SegmentInfo ingested) {
    if (!append) {
      return ingested;
    }
    final Chunk chunk = new Chunk(ingested.intervalStartMs(), ingested.intervalEndMs());
    Placement placement = placements.get(chunk);
    if (placement == null) {
      placement = appendPlacement(chunk);
      placements.put(chunk, placement);
    }
    return new SegmentInfo(ingested.dataSource(), ingested.intervalStartMs(), ingested.intervalEndMs(),
        placement.version(), placement.firstPartition() + ingested.partition(), ingested.metadata());
  }

  /** True when segments of this task are appended (they declare no core partitions). */
  boolean appending() {
    return append;
  }

  private Placement appendPlacement(Chunk chunk) {
    final List<SegmentRecord> used = segments.usedSegments(dataSource, chunk.startMs(), chunk.endMs());
    String version = null;
    for (SegmentRecord record : used) {
      if (record.startMs() != chunk.startMs() || record.endMs() != chunk.endMs()) {
        throw new IllegalStateException("appendToExisting: the chunk " + IsoTimestamps.format(chunk.startMs()) + "/"
            + IsoTimestamps.format(chunk.endMs()) + " overlaps used segment " + record.id()
            + " of another interval; append with the segmentGranularity the datasource was ingested with");
      }
      if (version == null || record.version().compareTo(version) > 0) {
        version = record.version();
      }
    }
    if (version == null) {
      return new Placement(taskVersion, 0, true);
    }
    int highest = -1;
    for (SegmentRecord record : used) {
      if (record.version().equals(version)) {
        highest = Math.max(highest, record.partition());
      }
    }
    return new Placement(version, highest + 1, true);
  }
}
