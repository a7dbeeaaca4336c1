package io.nemeton.node.cache;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.metadata.SegmentRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What one segment's cached partial result is filed under: the segment id (which includes its
 * datasource, interval, version and partition, so a new version never meets an old entry), the
 * query's per-segment cache key ({@link Query#segmentCacheKey()}: the query without its intervals
 * and without context keys that do not change results), and the part of the segment's interval
 * the query covers. Immutable; equal by content.
 */
public final class ResultCacheKey {
  private final byte[] bytes;
  private final int hash;

  private ResultCacheKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** The key of {@code segmentQuery} (the query as run on that segment) over {@code segment}. */
  public static ResultCacheKey of(SegmentRecord segment, Query segmentQuery) {
    final byte[] id = segment.id().getBytes(StandardCharsets.UTF_8);
    final byte[] queryKey = segmentQuery.segmentCacheKey();
    final List<Interval> intervals = segmentQuery.intervals().intervals();
    final ByteBuffer out = ByteBuffer.allocate(4 + id.length + queryKey.length + 4 + 16 * intervals.size());
    out.putInt(id.length).put(id).put(queryKey).putInt(intervals.size());
    for (Interval interval : intervals) {
      // Only the covered part of the segment matters: two queries clipped alike share results.
      final long start = Math.max(interval.startMs(), segment.startMs());
      final long end = Math.min(interval.endMs(), segment.endMs());
      out.putLong(start < end ? start : 0).putLong(start < end ? end : 0);
    }
    return new ResultCacheKey(out.array());
  }

  /** The key's size, counted against the cache's capacity. */
  public int sizeBytes() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResultCacheKey key && key.hash == hash && Arrays.equals(key.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
