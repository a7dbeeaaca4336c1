package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.Aggregations;
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
import io.nemeton.engine.storage.ScanScratch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the rows of one segment by time bucket and dimension values and aggregates each group:
 * the scan shared by groupBy and topN. Rows are visited bucket by bucket (each bucket a row range
 * found by binary search), so groups never span buckets and the key table is reused. Each row's
 * dimension codes are packed into a long key, used as the group itself when its bound is small, or
 * numbered by an off-heap {@link GroupKeyHashTable} (freed when the scan ends);
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

  /**
   * What a grouping scan needs from its query.
   *
   * @param stampAllWithData with granularity {@code all}, stamp groups with the earliest time the
   *     segment covers (timeseries and topN) instead of the query's start (groupBy)
   * @param rankingAggregation the aggregation a limit keeping few groups ranks by, or -1: when it
   *     is one, a scan that can ({@link #deferrable}) computes only it and leaves the others to
   *     {@link LateAggregation}
   */
  public record Grouping(List<DimensionSpec> dimensions, List<Aggregation> aggregations, Filter filter,
      List<VirtualColumn> virtualColumns, GranularitySpec granularity, List<Interval> intervals,
      boolean stampAllWithData, int rankingAggregation) {

    public Grouping(List<DimensionSpec> dimensions, List<Aggregation> aggregations, Filter filter,
        List<VirtualColumn> virtualColumns, GranularitySpec granularity, List<Interval> intervals,
        boolean stampAllWithData) {
      this(dimensions, aggregations, filter, virtualColumns, granularity, intervals, stampAllWithData, -1);
    }

    /** The same grouping with every aggregation computed by the scan. */
    public Grouping withoutRanking() {
      return new Grouping(dimensions, aggregations, filter, virtualColumns, granularity, intervals, stampAllWithData,
          -1);
    }
  }

  /**
   * Query-context switch ({@code true} by default): {@code false} makes a groupBy whose limit
   * ranks by one aggregator compute every aggregator for every group in the scan, the plain path.
   */
  public static final String LATE_AGGREGATION_CONTEXT_KEY = "groupByLateAggregation";

  public static GroupByEnginePartial runSegment(Grouping grouping, QueryableSegment segment, ScanSettings settings) {
    if (segment.rowCount() == 0) {
      return new GroupByEnginePartial(new LinkedHashMap<>());
    }
    // The scan's scratch goes back when this returns: a partial keeps only what outlives the scan
    // (the cells' own arrays, the dimensions' dictionaries, values copied out of the rows), never a
    // batch or a decoded block, so the next scan on this thread may take the arrays at once.
    try (SegmentScan scan = new SegmentScan(segment, grouping.virtualColumns(), grouping.filter(),
        settings.vectorSize(), settings.maxBitmapUnion(), settings.kernels())) {
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
      final long maxBytes = settings.maxGroupByBytes();
      final boolean direct = direct(codec, grouping, segment, maxBytes);
      final boolean late = direct && deferrable(grouping, dimensions);
      GroupKeyHashTable table = null;
      try {
        table = direct ? null : new GroupKeyHashTable(KEY_TABLE_TAG, 1, 0, maxBytes);
        return scanBuckets(grouping, segment, scan, dimensions, codec, table, settings, direct, late);
      } catch (GroupByResourceLimitExceededException e) {
        throw GroupCells.resourceError(e, maxBytes);
      } finally {
        if (table != null) {
          table.close();
        }
      }
    }
  }

  /** Off-heap accounting tag of the group-key tables of groupBy and topN scans. */
  static final String KEY_TABLE_TAG = "groupby-keys";

  /**
   * Whether a scan may compute only the ranking aggregation: it is set, there are others, all live
   * in cells, no filter, granularity {@code all} (one bucket), and one plain single-value
   * dictionary dimension, so the scan's groups stay dictionary groups and each group's rows are its
   * value's bitmap inside the scanned ranges ({@link LateAggregation}).
   */
  private static boolean deferrable(Grouping grouping, GroupByEngineDimension[] dimensions) {
    if (grouping.rankingAggregation() < 0 || grouping.aggregations().size() < 2 || grouping.filter() != null
        || !grouping.granularity().isAll() || dimensions.length != 1 || !dimensions[0].plainDictionary()
        || dimensions[0].column().multiValue()) {
      return false;
    }
    for (Aggregation aggregation : grouping.aggregations()) {
      if (aggregation.primitive() == null) {
        return false;
      }
    }
    return true;
  }

  private static GroupByEnginePartial scanBuckets(Grouping grouping, QueryableSegment segment, SegmentScan scan,
      GroupByEngineDimension[] dimensions, GroupByEngineKeyCodec codec, GroupKeyHashTable table,
      ScanSettings settings, boolean direct, boolean late) {
    final long maxBytes = settings.maxGroupByBytes();
    final GroupCells cells = new GroupCells(scan, grouping.aggregations(), direct ? (int) codec.keyBound() : 16,
        maxBytes, late ? grouping.rankingAggregation() : -1);
    final BucketScan bucketScan = new BucketScan(scan, dimensions, codec, table, cells, grouping.aggregations());
    try {
      return scanRanges(grouping, segment, scan, bucketScan, settings, late);
    } finally {
      // its block-sized arrays are working space only: the partial holds none of them
      bucketScan.release();
    }
  }

  /** Runs {@code bucketScan} over the query's intervals, bucket by bucket, and finishes the partial. */
  private static GroupByEnginePartial scanRanges(Grouping grouping, QueryableSegment segment, SegmentScan scan,
      BucketScan bucketScan, ScanSettings settings, boolean late) {
    final int[] ranges = new int[2 * grouping.intervals().size()];
    int rangeCount = 0;
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
        final int startRow = segment.lowerBoundRow(start);
        final int endRow = segment.lowerBoundRow(end);
        ranges[rangeCount++] = startRow;
        ranges[rangeCount++] = endRow;
        bucketScan.run(stamp, startRow, endRow);
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
        bucketScan.run(bucket, startRow, endRow);
        bucket = next;
      }
    }
    return bucketScan.finish(late ? new LateAggregation(grouping, segment, settings,
        java.util.Arrays.copyOf(ranges, rangeCount)) : null);
  }

  /** Group ids below this bound are always used directly as cell indexes (cheap to reset and walk). */
  private static final long SMALL_KEY_BOUND = 4096;

  /**
   * Whether packed keys index the cells directly (no key table): when they have a known bound that
   * is small, or, with granularity {@code all} (one table per segment), not far above the segment's
   * rows, and the cells fit the memory bound.
   */
  private static boolean direct(GroupByEngineKeyCodec codec, Grouping grouping, QueryableSegment segment,
      long maxBytes) {
    if (!codec.isRadix()) {
      return false;
    }
    final long keyBound = Math.max(1, codec.keyBound());
    final long slots = 1 + 2L * grouping.aggregations().size();
    if (keyBound * slots > Integer.MAX_VALUE - 16 || AccumulatorTable.bytesFor((int) slots, keyBound) > maxBytes) {
      return false;
    }
    return keyBound <= SMALL_KEY_BOUND
        || (grouping.granularity().isAll() && keyBound <= 4L * segment.rowCount());
  }

  /** Estimated heap bytes of one merged group held in a map: entry, key, value list and array. */
  static long bytesPerMapGroup(int dimensions, int aggregations) {
    return 96 + 32L * dimensions + 24L * aggregations;
  }

  /**
   * Merges partials in the order given. Partials that all kept their dictionary groups stay so
   * (merged lazily, see {@link GroupByEnginePartial}); otherwise groups are combined into one map,
   * bounded by {@code maxBytes} at {@link #bytesPerMapGroup} per group.
   */
  public static GroupByEnginePartial merge(List<Aggregation> aggregations, List<? extends PartialResult> partials,
      long maxBytes) {
    if (partials.size() == 1) {
      return (GroupByEnginePartial) partials.get(0);
    }
    final List<DictionaryGroups> parts = new ArrayList<>();
    boolean allDictionary = true;
    for (PartialResult partial : partials) {
      final GroupByEnginePartial groupPartial = (GroupByEnginePartial) partial;
      final List<DictionaryGroups> kept = groupPartial.dictionaryParts();
      if (kept == null) {
        if (groupPartial.groups().isEmpty()) {
          continue; // a segment without rows in range adds nothing
        }
        allDictionary = false;
        break;
      }
      parts.addAll(kept);
    }
    if (allDictionary) {
      return new GroupByEnginePartial(aggregations, parts);
    }
    final LinkedHashMap<GroupByEngineKey, Object[]> merged = new LinkedHashMap<>();
    long perGroup = -1;
    for (PartialResult partial : partials) {
      for (Map.Entry<GroupByEngineKey, Object[]> entry : ((GroupByEnginePartial) partial).groups().entrySet()) {
        put(merged, aggregations, entry.getKey(), entry.getValue());
        if (perGroup < 0) {
          perGroup = bytesPerMapGroup(entry.getKey().values().size(), aggregations.size());
        }
        if (merged.size() * perGroup > maxBytes) {
          throw new QueryException(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, "merging groupBy results needs more than "
              + "maxGroupByBytes=" + maxBytes + " (" + merged.size() + " groups at about " + perGroup
              + " bytes each); narrow the query or raise the engine's maxGroupByBytes");
        }
      }
    }
    return new GroupByEnginePartial(merged);
  }

  /** Adds a group's values, combining them with an equal group's. */
  static void put(Map<GroupByEngineKey, Object[]> groups, List<Aggregation> aggregations, GroupByEngineKey key,
      Object[] values) {
    final Object[] existing = groups.putIfAbsent(key, values);
    if (existing == null) {
      return;
    }
    final Object[] combined = new Object[values.length];
    for (int i = 0; i < combined.length; i++) {
      combined[i] = aggregations.get(i).combine(existing[i], values[i]);
    }
    groups.put(key, combined);
  }

  /**
   * Scans rows of one time bucket after another into groups. Consecutive runs with the same stamp
   * (granularity {@code all} over several intervals) accumulate together; a new stamp first moves
   * the groups of the last one into the partial's map.
   */
  private static final class BucketScan {
    private final SegmentScan scan;
    private final GroupByEngineDimension[] dimensions;
    private final GroupByEngineKeyCodec codec;
    private final GroupKeyHashTable table;
    private final long[] oneKey = new long[1];
    private final int[] oneGroup = new int[1];
    private final GroupCells cells;
    private final List<Aggregation> aggregations;
    /** Block-sized working arrays lent by the thread's {@link ScanScratch}; {@link #release} gives them back. */
    private final Batch expanded;
    private final int[] groupIds;
    private final long[] keys;
    private final int[] codes;
    private final int[] counts;
    private final int[] choice;
    private final boolean batchKeys;
    private final boolean direct;
    private final int keyBound;
    private int pending;
    private boolean scanned;
    private boolean sawRows;
    private long stamp;
    private LinkedHashMap<GroupByEngineKey, Object[]> groups;

    BucketScan(SegmentScan scan, GroupByEngineDimension[] dimensions, GroupByEngineKeyCodec codec,
        GroupKeyHashTable table, GroupCells cells, List<Aggregation> aggregations) {
      this.scan = scan;
      this.dimensions = dimensions;
      this.codec = codec;
      this.table = table;
      this.cells = cells;
      this.aggregations = aggregations;
      this.direct = table == null;
      this.keyBound = direct ? (int) Math.max(1, codec.keyBound()) : -1;
      final ScanScratch scratch = ScanScratch.forThread();
      this.expanded = new Batch(scratch.takeInts());
      this.groupIds = scratch.takeInts();
      this.keys = scratch.takeLongs();
      this.codes = new int[dimensions.length];
      this.counts = new int[dimensions.length];
      this.choice = new int[dimensions.length];
      boolean allDictionary = codec.isRadix();
      for (GroupByEngineDimension dimension : dimensions) {
        allDictionary &= dimension.singleDictionaryValue();
      }
      this.batchKeys = allDictionary;
    }

    void run(long bucketMs, int startRow, int endRow) {
      if (scanned && bucketMs != stamp) {
        flush();
      }
      scanned = true;
      stamp = bucketMs;
      scan.reset(startRow, endRow);
      for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
        sawRows = true;
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
        aggregatePending(block);
      }
    }

    /** Gives the working arrays back to this thread's scratch; the scan must not run again. */
    void release() {
      final ScanScratch scratch = ScanScratch.forThread();
      scratch.giveInts(expanded.selection());
      scratch.giveInts(groupIds);
      scratch.giveLongs(keys);
    }

    /**
     * The partial: the dictionary groups as they are when every dimension is a plain string
     * column, keys index the cells and every aggregator lives in cells; else a map of groups.
     */
    GroupByEnginePartial finish(LateAggregation late) {
      if (!sawRows) {
        // no row matched (e.g. a time filter outside the buckets): no groups and no bucket stamp
        return new GroupByEnginePartial(new LinkedHashMap<>());
      }
      boolean plain = direct && groups == null && cells.cellsOnly();
      for (GroupByEngineDimension dimension : dimensions) {
        plain &= dimension.plainDictionary();
      }
      if (plain) {
        return new GroupByEnginePartial(aggregations,
            List.of(new DictionaryGroups(stamp, dimensions, codec, cells, keyBound, late)));
      }
      if (late != null) {
        throw new IllegalStateException("a scan computing only its ranking aggregation must keep dictionary groups");
      }
      flush();
      return new GroupByEnginePartial(groups);
    }

    /** Moves the current stamp's groups into the map and empties the cells. */
    private void flush() {
      if (groups == null) {
        groups = new LinkedHashMap<>();
      }
      final int[] decoded = new int[dimensions.length];
      final int groupCount = direct ? keyBound : table.size();
      for (int group = 0; group < groupCount; group++) {
        if (direct && cells.rows(group) == 0) {
          continue;
        }
        codec.decode(direct ? group : table.keyAt(group, 0), decoded);
        final List<Object> values;
        if (dimensions.length == 1) {
          values = java.util.Collections.singletonList(dimensions[0].value(decoded[0]));
        } else {
          values = new ArrayList<>(dimensions.length);
          for (int d = 0; d < dimensions.length; d++) {
            values.add(dimensions[d].value(decoded[d]));
          }
        }
        final Object[] aggregated = new Object[aggregations.size()];
        for (int a = 0; a < aggregated.length; a++) {
          aggregated[a] = cells.value(group, a);
        }
        put(groups, aggregations, new GroupByEngineKey(stamp, values), aggregated);
      }
      cells.reset();
      if (!direct) {
        table.clear();
      }
    }

    /**
     * The batch path, when every dimension is a single-value dictionary column: keys are built a
     * dimension at a time over the whole batch, then numbered (or used as they are), then
     * aggregated.
     */
    private void addBatch(Batch batch) {
      batch.materialize();
      final int size = batch.size();
      final int block = batch.block();
      final int[] positions = batch.selection();
      final int[] groups = groupIds;
      if (direct) {
        java.util.Arrays.fill(groups, 0, size, 0);
        for (int d = 0; d < dimensions.length; d++) {
          dimensions[d].addCodes(block, positions, size, (int) codec.radix(d), groups);
        }
      } else {
        final long[] batchKeys = keys;
        java.util.Arrays.fill(batchKeys, 0, size, 0L);
        for (int d = 0; d < dimensions.length; d++) {
          dimensions[d].addCodes(block, positions, size, codec.radix(d), batchKeys);
        }
        table.findOrInsert(batchKeys, size, groups);
        cells.ensureCapacity(table.size());
      }
      cells.aggregate(batch, groups);
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
        final int group;
        if (direct) {
          group = (int) codec.encode(codes);
        } else {
          oneKey[0] = codec.encode(codes);
          table.findOrInsert(oneKey, 1, oneGroup);
          group = oneGroup[0];
          cells.ensureCapacity(group + 1);
        }
        if (pending == ROWS) {
          aggregatePending(block);
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

    private void aggregatePending(int block) {
      if (pending == 0) {
        return;
      }
      expanded.setSparse(block, pending);
      cells.aggregate(expanded, groupIds);
      pending = 0;
    }
  }

  /** The grouping of a groupBy query. */
  public static Grouping grouping(io.nemeton.engine.query.GroupByQuery query) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final int ranking = query.context().booleanValue(LATE_AGGREGATION_CONTEXT_KEY, true)
        ? GroupByEngineResults.rankingAggregation(query, aggregations) : -1;
    return new Grouping(query.dimensions(), aggregations, query.filter(), query.virtualColumns(), query.granularity(),
        query.intervals().intervals(), false, ranking);
  }
}
