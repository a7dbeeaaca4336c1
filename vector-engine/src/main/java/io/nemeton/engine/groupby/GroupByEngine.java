package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.Aggregations;
import io.nemeton.engine.aggregation.GroupAggregator;
import io.nemeton.engine.cursor.Batch;
import io.nemeton.engine.cursor.TimeBuckets;
import io.nemeton.engine.query.GranularitySpec;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.virtual.VirtualColumn;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.run.SegmentScan;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the rows of one segment by time bucket and dimension values and aggregates each group:
 * the scan shared by groupBy and topN. Rows are visited bucket by bucket (each bucket a row range
 * found by binary search), so groups never span buckets and the key table is reused. Each row's
 * dimension codes are packed into a long key and numbered by a {@link GroupByEngineKeyTable};
 * aggregators update dense per-group state a batch at a time. A multi-value row counts once per
 * value (once per combination of values when several dimensions are multi-value). Partials merge
 * group by group.
 *
 * <p>Stateless and thread-safe; each call allocates its own state.
 */
public final class GroupByEngine {
  private static final int ROWS = QueryableSegment.ROWS_PER_BLOCK;

  private GroupByEngine() {
  }

  /** What a grouping scan needs from its query. */
  /**
   * What a grouping scan needs from its query.
   *
   * @param stampAllWithData with granularity {@code all}, stamp groups with the earliest time the
   *     segment covers (timeseries and topN) instead of the query's start (groupBy)
   */
  public record Grouping(List<DimensionSpec> dimensions, List<Aggregation> aggregations, Filter filter,
      List<VirtualColumn> virtualColumns, GranularitySpec granularity, List<Interval> intervals,
      boolean stampAllWithData) {
  }

  public static GroupByEnginePartial runSegment(Grouping grouping, QueryableSegment segment, ScanSettings settings) {
    if (segment.rowCount() == 0) {
      return new GroupByEnginePartial(new LinkedHashMap<>());
    }
    final SegmentScan scan = new SegmentScan(segment, grouping.virtualColumns(), grouping.filter(),
        settings.vectorSize(), settings.maxBitmapUnion(), settings.kernels());
    if (scan.matchesNothing()) {
      return new GroupByEnginePartial(new LinkedHashMap<>());
    }
    final int dimensionCount = grouping.dimensions().size();
    final GroupByEngineDimension[] dimensions = new GroupByEngineDimension[dimensionCount];
    final int[] bounds = new int[dimensionCount];
    for (int d = 0; d < dimensionCount; d++) {
      dimensions[d] = new GroupByEngineDimension(grouping.dimensions().get(d), scan.columns());
      bounds[d] = dimensions[d].codeBound();
    }
    final GroupByEngineKeyCodec codec = new GroupByEngineKeyCodec(bounds);
    final GroupByEngineKeyTable table = new GroupByEngineKeyTable(codec.keyBound(), settings.maxGroups());
    final GroupAggregator[] aggregators = scan.groupAggregators(grouping.aggregations());
    final BucketScan bucketScan = new BucketScan(scan, dimensions, codec, table, aggregators);
    final TimeBuckets buckets = new TimeBuckets(grouping.granularity());
    final long dataStart = segment.minTimeMs();
    final long dataEnd = segment.maxTimeMs() + 1;
    for (Interval interval : grouping.intervals()) {
      final long start = Math.max(interval.startMs(), dataStart);
      final long end = Math.min(interval.endMs(), dataEnd);
      if (start >= end) {
        continue;
      }
      if (buckets.isAll()) {
        final long stamp = grouping.stampAllWithData() ? start : grouping.intervals().get(0).startMs();
        bucketScan.run(stamp, segment.lowerBoundRow(start), segment.lowerBoundRow(end), grouping.aggregations());
        continue;
      }
      long bucket = buckets.floor(start);
      while (bucket < end) {
        final long next = buckets.next(bucket);
        final int startRow = segment.lowerBoundRow(Math.max(bucket, start));
        final int endRow = segment.lowerBoundRow(Math.min(next, end));
        if (startRow == endRow) {
          if (endRow >= segment.rowCount() || scan.timeAt(endRow) >= end) {
            break;
          }
          bucket = buckets.floor(scan.timeAt(endRow));
          continue;
        }
        bucketScan.run(bucket, startRow, endRow, grouping.aggregations());
        bucket = next;
      }
    }
    return new GroupByEnginePartial(bucketScan.groups == null ? new LinkedHashMap<>() : bucketScan.groups);
  }

  /** Merges partials in the order given. */
  public static GroupByEnginePartial merge(List<Aggregation> aggregations, List<? extends PartialResult> partials,
      int maxGroups) {
    if (partials.size() == 1) {
      return (GroupByEnginePartial) partials.get(0);
    }
    final LinkedHashMap<GroupByEngineKey, Object[]> merged = new LinkedHashMap<>();
    for (PartialResult partial : partials) {
      for (Map.Entry<GroupByEngineKey, Object[]> entry : ((GroupByEnginePartial) partial).groups().entrySet()) {
        put(merged, aggregations, entry.getKey(), entry.getValue());
        if (merged.size() > maxGroups) {
          throw new QueryException(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, "merging groupBy results needs more than "
              + "maxGroups=" + maxGroups + " groups; narrow the query or raise the engine's maxGroupByGroups");
        }
      }
    }
    return new GroupByEnginePartial(merged);
  }

  /** Adds a group's values, combining them with an equal group's. */
  static void put(Map<GroupByEngineKey, Object[]> groups, List<Aggregation> aggregations, GroupByEngineKey key,
      Object[] values) {
    final Object[] existing = groups.get(key);
    if (existing == null) {
      groups.put(key, values);
      return;
    }
    final Object[] combined = new Object[values.length];
    for (int i = 0; i < combined.length; i++) {
      combined[i] = aggregations.get(i).combine(existing[i], values[i]);
    }
    groups.put(key, combined);
  }

  /** Scans one bucket's rows into groups, then moves the groups into the partial result. */
  private static final class BucketScan {
    private final SegmentScan scan;
    private final GroupByEngineDimension[] dimensions;
    private final GroupByEngineKeyCodec codec;
    private final GroupByEngineKeyTable table;
    private final GroupAggregator[] aggregators;
    private final Batch expanded = new Batch();
    private final int[] groupIds = new int[ROWS];
    private final int[] codes;
    private final int[] counts;
    private final int[] choice;
    private int pending;
    private int capacity = 1;
    private LinkedHashMap<GroupByEngineKey, Object[]> groups;
    private final java.util.Set<Long> flushedBuckets = new java.util.HashSet<>();
    private final boolean batchKeys;
    private final long[] keys = new long[ROWS];

    BucketScan(SegmentScan scan, GroupByEngineDimension[] dimensions, GroupByEngineKeyCodec codec,
        GroupByEngineKeyTable table, GroupAggregator[] aggregators) {
      this.scan = scan;
      this.dimensions = dimensions;
      this.codec = codec;
      this.table = table;
      this.aggregators = aggregators;
      this.codes = new int[dimensions.length];
      this.counts = new int[dimensions.length];
      this.choice = new int[dimensions.length];
      boolean allDictionary = codec.isRadix();
      for (GroupByEngineDimension dimension : dimensions) {
        allDictionary &= dimension.singleDictionaryValue();
      }
      this.batchKeys = allDictionary;
    }

    void run(long bucketMs, int startRow, int endRow, List<Aggregation> aggregations) {
      table.clear();
      for (GroupAggregator aggregator : aggregators) {
        aggregator.reset(Integer.MAX_VALUE);
      }
      scan.reset(startRow, endRow);
      for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
        if (batchKeys) {
          addBatch(batch);
          continue;
        }
        final int block = batch.block();
        final int size = batch.size();
        pending = 0;
        for (int i = 0; i < size; i++) {
          addRow(block, batch.position(i));
        }
        flush(block);
      }
      if (groups == null) {
        groups = LinkedHashMap.newLinkedHashMap(table.size());
      }
      // a bucket start seen before (all-granularity over several intervals) may repeat keys
      final boolean mayRepeat = !flushedBuckets.add(bucketMs);
      final int[] decoded = new int[dimensions.length];
      for (int group = 0; group < table.size(); group++) {
        codec.decode(table.keyOf(group), decoded);
        final List<Object> values;
        if (dimensions.length == 1) {
          values = java.util.Collections.singletonList(dimensions[0].value(decoded[0]));
        } else {
          values = new ArrayList<>(dimensions.length);
          for (int d = 0; d < dimensions.length; d++) {
            values.add(dimensions[d].value(decoded[d]));
          }
        }
        final Object[] aggregated = new Object[aggregators.length];
        for (int a = 0; a < aggregated.length; a++) {
          aggregated[a] = aggregators[a].get(group);
        }
        final GroupByEngineKey key = new GroupByEngineKey(bucketMs, values);
        if (mayRepeat) {
          put(groups, aggregations, key, aggregated);
        } else {
          groups.put(key, aggregated);
        }
      }
    }

    /**
     * The batch path, when every dimension is a single-value dictionary column: keys are built a
     * dimension at a time over the whole batch, then numbered, then aggregated in place.
     */
    private void addBatch(Batch batch) {
      batch.materialize();
      final int size = batch.size();
      final int[] positions = batch.selection();
      final long[] batchKeys = keys;
      java.util.Arrays.fill(batchKeys, 0, size, 0L);
      for (int d = 0; d < dimensions.length; d++) {
        dimensions[d].addCodes(batch.block(), positions, size, codec.radix(d), batchKeys);
      }
      final int[] groups = groupIds;
      for (int k = 0; k < size; k++) {
        groups[k] = table.findOrInsert(batchKeys[k]);
      }
      final int groupCount = table.size();
      if (groupCount > capacity) {
        capacity = Math.max(groupCount, capacity * 2);
        for (GroupAggregator aggregator : aggregators) {
          aggregator.ensureCapacity(capacity);
        }
      }
      for (GroupAggregator aggregator : aggregators) {
        aggregator.aggregate(batch, groups);
      }
    }

    /** Adds one row: one entry per combination of its dimensions' values. */
    private void addRow(int block, int position) {
      int combinations = 1;
      for (int d = 0; d < dimensions.length; d++) {
        counts[d] = dimensions[d].valueCount(block, position);
        combinations *= counts[d];
        choice[d] = 0;
      }
      for (int c = 0; c < combinations; c++) {
        for (int d = 0; d < dimensions.length; d++) {
          codes[d] = dimensions[d].code(block, position, choice[d]);
        }
        final int group = table.findOrInsert(codec.encode(codes));
        if (group + 1 > capacity) {
          capacity = Math.max(group + 1, capacity * 2);
          for (GroupAggregator aggregator : aggregators) {
            aggregator.ensureCapacity(capacity);
          }
        }
        if (pending == ROWS) {
          flush(block);
        }
        expanded.selection()[pending] = position;
        groupIds[pending++] = group;
        for (int d = dimensions.length - 1; d >= 0; d--) {
          if (++choice[d] < counts[d]) {
            break;
          }
          choice[d] = 0;
        }
      }
    }

    private void flush(int block) {
      if (pending == 0) {
        return;
      }
      expanded.setSparse(block, pending);
      for (GroupAggregator aggregator : aggregators) {
        aggregator.aggregate(expanded, groupIds);
      }
      pending = 0;
    }
  }

  /** The grouping of a groupBy query. */
  public static Grouping grouping(io.nemeton.engine.query.GroupByQuery query) {
    return new Grouping(query.dimensions(), Aggregations.of(query.aggregations()), query.filter(),
        query.virtualColumns(), query.granularity(), query.intervals().intervals(), false);
  }
}
