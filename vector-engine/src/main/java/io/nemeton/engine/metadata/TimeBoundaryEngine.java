package io.nemeton.engine.metadata;

import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.query.TimeBoundaryQuery;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.result.ResultRows;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs timeBoundary queries. Without a filter the answer comes from the rows at the edges of each
 * query interval, found by binary search on the sorted time column, without a scan; with a filter
 * the matching rows of each interval are scanned for the first and last one. The answer is one row
 * stamped with the min time (the max time when only {@code maxTime} is asked), or no row.
 * Stateless.
 */
public final class TimeBoundaryEngine {
  private TimeBoundaryEngine() {
  }

  public static TimeBoundaryPartial runSegment(TimeBoundaryQuery query, QueryableSegment segment,
      ScanSettings settings) {
    if (segment.rowCount() == 0) {
      return new TimeBoundaryPartial(null, null);
    }
    SegmentScan scan = null;
    Long min = null;
    Long max = null;
    try {
      for (Interval interval : query.intervals().intervals()) {
        final int startRow = segment.lowerBoundRow(interval.startMs());
        final int endRow = segment.lowerBoundRow(interval.endMs());
        if (startRow >= endRow) {
          continue;
        }
        if (query.filter() == null) {
          if (scan == null) {
            scan = new SegmentScan(segment, List.of(), null, settings.vectorSize(), settings.maxBitmapUnion(),
                settings.kernels());
          }
          min = min(min, scan.timeAt(startRow));
          max = max(max, scan.timeAt(endRow - 1));
          continue;
        }
        if (scan == null) {
          scan = new SegmentScan(segment, List.of(), query.filter(), settings.vectorSize(), settings.maxBitmapUnion(),
              settings.kernels());
        }
        if (scan.matchesNothing()) {
          break;
        }
        scan.reset(startRow, endRow);
        int firstRow = -1;
        int lastRow = -1;
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
          final int blockStart = batch.blockStartRow();
          if (firstRow < 0) {
            firstRow = blockStart + batch.position(0);
          }
          lastRow = blockStart + batch.position(batch.size() - 1);
        }
        if (firstRow >= 0) {
          min = min(min, scan.timeAt(firstRow));
          max = max(max, scan.timeAt(lastRow));
        }
      }
    } finally {
      // the bounds are copied out as longs; made lazily, the scan may not exist
      if (scan != null) {
        scan.close();
      }
    }
    return new TimeBoundaryPartial(min, max);
  }

  private static Long min(Long a, long b) {
    return a == null ? b : Math.min(a, b);
  }

  private static Long max(Long a, long b) {
    return a == null ? b : Math.max(a, b);
  }

  public static TimeBoundaryPartial merge(List<? extends PartialResult> partials) {
    Long min = null;
    Long max = null;
    for (PartialResult partial : partials) {
      final TimeBoundaryPartial bounds = (TimeBoundaryPartial) partial;
      if (bounds.minTimeMs() != null) {
        min = min(min, bounds.minTimeMs());
        max = max(max, bounds.maxTimeMs());
      }
    }
    return new TimeBoundaryPartial(min, max);
  }

  public static List<Object> finish(TimeBoundaryQuery query, TimeBoundaryPartial partial) {
    final List<Object> rows = new ArrayList<>();
    if (partial.minTimeMs() == null) {
      return rows;
    }
    final Map<String, Object> result = new LinkedHashMap<>();
    final long timestamp;
    switch (query.bound()) {
      case MIN_TIME -> {
        result.put("minTime", ResultRows.timestamp(partial.minTimeMs()));
        timestamp = partial.minTimeMs();
      }
      case MAX_TIME -> {
        result.put("maxTime", ResultRows.timestamp(partial.maxTimeMs()));
        timestamp = partial.maxTimeMs();
      }
      default -> {
        result.put("minTime", ResultRows.timestamp(partial.minTimeMs()));
        result.put("maxTime", ResultRows.timestamp(partial.maxTimeMs()));
        timestamp = partial.minTimeMs();
      }
    }
    rows.add(ResultRows.timeseriesRow(timestamp, result));
    return rows;
  }
}
