package io.nemeton.engine.timeseries;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.Aggregations;
import io.nemeton.engine.aggregation.GroupAggregator;
import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.TimeBuckets;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.result.ResultRows;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs timeseries queries. Per segment, each query interval is clipped to the segment's data
 * ({@code [first row time, last row time + 1)}), cut into granularity buckets, each bucket's rows
 * found by binary search on {@code __time}, and the bucket's matching rows aggregated batch by
 * batch into one group. Buckets inside the data with no matching row are kept with empty values
 * (Druid's zero-filling) unless {@code skipEmptyBuckets} (always skipped for granularity {@code
 * none}). Partials merge bucket by bucket; {@code all} collapses to one bucket stamped with the
 * earliest time covered. The answer orders buckets (descending if asked), applies post-aggregators
 * and {@code limit}, adds the {@code grandTotal} row last, and answers one row with empty values
 * at the query start when granularity is {@code all} and nothing matched.
 *
 * <p>Stateless and thread-safe; each call allocates its own state.
 */
public final class TimeseriesEngine {
  private TimeseriesEngine() {
  }

  public static TimeseriesPartial runSegment(TimeseriesQuery query, QueryableSegment segment, ScanSettings settings) {
    final TreeMap<Long, Object[]> buckets = new TreeMap<>();
    if (segment.rowCount() == 0) {
      return new TimeseriesPartial(buckets);
    }
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    try (SegmentScan scan = new SegmentScan(segment, query.virtualColumns(), query.filter(), settings.vectorSize(),
        settings.maxBitmapUnion(), settings.kernels())) {
      // counts and sums over columns without nulls take the fused loop, everything else the general one
      final TimeseriesSums sums = TimeseriesSums.of(aggregations, scan);
      final GroupAggregator[] aggregators = sums == null ? scan.groupAggregators(aggregations) : null;
      final TimeBuckets granularity = new TimeBuckets(query.granularity());
      final boolean skipEmpty = query.context().skipEmptyBuckets() || query.granularity().isNone();
      final long dataStart = segment.minTimeMs();
      final long dataEnd = segment.maxTimeMs() + 1;
      for (Interval interval : query.intervals().intervals()) {
        final long start = Math.max(interval.startMs(), dataStart);
        final long end = Math.min(interval.endMs(), dataEnd);
        if (start >= end) {
          continue;
        }
        if (granularity.isAll()) {
          final long rows = aggregate(scan, sums, aggregators, segment.lowerBoundRow(start), segment.lowerBoundRow(end));
          if (rows > 0 || !skipEmpty) {
            put(buckets, aggregations, start, sums != null ? sums.values() : values(aggregators));
          }
          continue;
        }
        long bucket = granularity.floor(start);
        while (bucket < end) {
          final long next = granularity.next(bucket);
          final int startRow = segment.lowerBoundRow(Math.max(bucket, start));
          final int endRow = segment.lowerBoundRow(Math.min(next, end));
          if (skipEmpty && startRow == endRow) {
            // jump straight to the bucket of the next row instead of visiting empty buckets
            if (endRow >= segment.rowCount() || scan.timeAt(endRow) >= end) {
              break;
            }
            bucket = granularity.floor(scan.timeAt(endRow));
            continue;
          }
          final long rows = aggregate(scan, sums, aggregators, startRow, endRow);
          if (rows > 0 || !skipEmpty) {
            put(buckets, aggregations, bucket, sums != null ? sums.values() : values(aggregators));
          }
          bucket = next;
        }
      }
    }
    return new TimeseriesPartial(buckets);
  }

  /** Aggregates the matching rows of {@code [startRow, endRow)} into group 0; returns how many. */
  private static long aggregate(SegmentScan scan, TimeseriesSums sums, GroupAggregator[] aggregators, int startRow,
      int endRow) {
    if (sums != null) {
      return sums.aggregate(startRow, endRow);
    }
    for (GroupAggregator aggregator : aggregators) {
      aggregator.reset(1);
    }
    if (startRow >= endRow || scan.matchesNothing()) {
      return 0;
    }
    long rows = 0;
    scan.reset(startRow, endRow);
    for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
      rows += batch.size();
      for (GroupAggregator aggregator : aggregators) {
        aggregator.aggregate(batch, 0);
      }
    }
    return rows;
  }

  private static Object[] values(GroupAggregator[] aggregators) {
    final Object[] values = new Object[aggregators.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = aggregators[i].get(0);
    }
    return values;
  }

  private static void put(TreeMap<Long, Object[]> buckets, List<Aggregation> aggregations, long bucket,
      Object[] values) {
    final Object[] existing = buckets.get(bucket);
    buckets.put(bucket, existing == null ? values : combine(aggregations, existing, values));
  }

  static Object[] combine(List<Aggregation> aggregations, Object[] left, Object[] right) {
    final Object[] merged = new Object[left.length];
    for (int i = 0; i < merged.length; i++) {
      merged[i] = aggregations.get(i).combine(left[i], right[i]);
    }
    return merged;
  }

  /** Merges partials in the order given (segment order, for first/last ties). */
  public static TimeseriesPartial merge(TimeseriesQuery query, List<? extends PartialResult> partials) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final TreeMap<Long, Object[]> merged = new TreeMap<>();
    for (PartialResult partial : partials) {
      for (Map.Entry<Long, Object[]> entry : ((TimeseriesPartial) partial).buckets().entrySet()) {
        put(merged, aggregations, entry.getKey(), entry.getValue());
      }
    }
    if (query.granularity().isAll() && merged.size() > 1) {
      Object[] total = null;
      for (Object[] values : merged.values()) {
        total = total == null ? values : combine(aggregations, total, values);
      }
      final long first = merged.firstKey();
      merged.clear();
      merged.put(first, total);
    }
    return new TimeseriesPartial(merged);
  }

  /** The answer rows: {@code {"timestamp": ..., "result": {...}}}. */
  public static List<Object> finish(TimeseriesQuery query, TimeseriesPartial partial) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final TreeMap<Long, Object[]> buckets = partial.buckets();
    final List<Object> rows = new ArrayList<>();
    final boolean finalize = query.context().finalizeResults();
    if (buckets.isEmpty() && query.granularity().isAll() && !query.context().skipEmptyBuckets()) {
      rows.add(ResultRows.timeseriesRow(query.intervals().startMs(),
          ResultRows.aggregated(aggregations, empty(aggregations), query.postAggregations(), finalize)));
      return rows;
    }
    final Iterable<Map.Entry<Long, Object[]>> ordered = query.descending()
        ? buckets.descendingMap().entrySet() : buckets.entrySet();
    final int limit = query.limit() == null ? Integer.MAX_VALUE : query.limit();
    for (Map.Entry<Long, Object[]> entry : ordered) {
      if (rows.size() >= limit) {
        break;
      }
      rows.add(ResultRows.timeseriesRow(ResultRows.timestamp(entry.getKey(), query.granularity()),
          ResultRows.aggregated(aggregations, entry.getValue(), query.postAggregations(), finalize)));
    }
    if (query.context().grandTotal()) {
      Object[] total = empty(aggregations);
      for (Object[] values : buckets.values()) {
        total = combine(aggregations, total, values);
      }
      rows.add(ResultRows.timeseriesRow((String) null,
          ResultRows.aggregated(aggregations, total, query.postAggregations(), finalize)));
    }
    return rows;
  }

  static Object[] empty(List<Aggregation> aggregations) {
    final Object[] values = new Object[aggregations.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = aggregations.get(i).empty();
    }
    return values;
  }
}
