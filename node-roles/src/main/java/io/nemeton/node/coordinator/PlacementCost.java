package io.nemeton.node.coordinator;

import io.nemeton.metadata.SegmentRecord;

/**
 * The balancer's cost of two segments sitting on one historical. A query tends to read segments
 * of one datasource and of neighbouring time ranges together, recent data most, and its scan time
 * grows with size, so two segments on one node are the more costly the larger they are, the
 * closer in time, when they share a datasource and the more recent they are:
 *
 * <pre>
 * cost(a, b) = size(a) * size(b) * proximity(a, b) * sameDataSource(a, b) * recency(a) * recency(b)
 *   size(s)          = max(bytes, 1) / 1 MiB
 *   proximity(a, b)  = 1 / (1 + gap / 1 day)      gap: time between the intervals, 0 when they touch or overlap
 *   sameDataSource   = 2 when equal, 1 otherwise
 *   recency(s)       = 1 + 1 / (1 + age / 7 days) age: now minus the segment's end, 0 for future data
 * </pre>
 *
 * A node's cost is the sum over its pairs; moving a segment is worth it when its cost against the
 * segments of the target is clearly lower than against the others on its source. Stateless and
 * thread-safe; allocates nothing.
 */
final class PlacementCost {
  static final long DAY_MS = 86_400_000L;
  private static final double MIB = 1024.0 * 1024.0;

  private PlacementCost() {}

  static double pair(SegmentRecord a, long aBytes, SegmentRecord b, long bBytes, long nowMs) {
    final double size = (Math.max(aBytes, 1) / MIB) * (Math.max(bBytes, 1) / MIB);
    final long gapMs = Math.max(0, Math.max(a.startMs(), b.startMs()) - Math.min(a.endMs(), b.endMs()));
    final double proximity = 1.0 / (1.0 + (double) gapMs / DAY_MS);
    final double sameDataSource = a.dataSource().equals(b.dataSource()) ? 2.0 : 1.0;
    return size * proximity * sameDataSource * recency(a, nowMs) * recency(b, nowMs);
  }

  static double recency(SegmentRecord s, long nowMs) {
    final long ageMs = Math.max(0, nowMs - s.endMs());
    return 1.0 + 1.0 / (1.0 + (double) ageMs / (7 * DAY_MS));
  }
}
