package io.nemeton.segment.ingest;

import io.nemeton.segment.time.Granularity;
import io.nemeton.segment.time.TimeInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which event times a spec keeps: inside one of its intervals after rounding each out to whole
 * {@code segmentGranularity} buckets, as Druid does. Without intervals every time is kept.
 *
 * <p>Immutable and thread-safe.
 */
final class IntervalFilter {
  private final long[] starts;
  private final long[] ends;

  IntervalFilter(List<TimeInterval> intervals, Granularity segmentGranularity) {
    final List<long[]> ranges = new ArrayList<>();
    for (TimeInterval interval : intervals) {
      if (interval.endMs() <= interval.startMs()) {
        continue;
      }
      final long start = segmentGranularity.bucketStart(interval.startMs());
      final long end = segmentGranularity.bucketEnd(interval.endMs() - 1);
      ranges.add(new long[] {start, end});
    }
    ranges.sort(Comparator.comparingLong(range -> range[0]));
    final List<long[]> merged = new ArrayList<>();
    for (long[] range : ranges) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= range[0]) {
        final long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], range[1]);
      } else {
        merged.add(range);
      }
    }
    starts = new long[merged.size()];
    ends = new long[merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      starts[i] = merged.get(i)[0];
      ends[i] = merged.get(i)[1];
    }
  }

  /** True when the spec listed no intervals. */
  boolean keepsAll() {
    return starts.length == 0 && ends.length == 0;
  }

  boolean keeps(long timeMs) {
    int low = 0;
    int high = starts.length - 1;
    while (low <= high) {
      final int middle = (low + high) >>> 1;
      if (timeMs < starts[middle]) {
        high = middle - 1;
      } else if (timeMs >= ends[middle]) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
