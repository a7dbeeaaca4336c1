package io.nemeton.engine.topn;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.Aggregations;
import io.nemeton.engine.groupby.GroupByEngine;
import io.nemeton.engine.groupby.GroupByEngineKey;
import io.nemeton.engine.groupby.GroupByEnginePartial;
import io.nemeton.engine.query.TopNQuery;
import io.nemeton.engine.query.topn.InvertedTopNMetricSpec;
import io.nemeton.engine.query.topn.NumericTopNMetricSpec;
import io.nemeton.engine.result.ResultRows;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.run.ScanSettings;
import io.nemeton.engine.storage.QueryableSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs topN queries: groups one segment's rows by bucket and dimension value (the groupBy scan),
 * keeps per bucket the best {@code max(threshold, minTopNThreshold)} values, merges the kept values
 * of all segments, and answers the best {@code threshold} per bucket. Like Druid's, the answer is
 * exact when no segment has more values than that. With granularity {@code all} a bucket is stamped
 * with the earliest time covered. Stateless.
 */
public final class TopNEngine {
  private TopNEngine() {
  }

  public static TopNPartial runSegment(TopNQuery query, QueryableSegment segment, ScanSettings settings) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final GroupByEngine.Grouping grouping = new GroupByEngine.Grouping(List.of(query.dimension()), aggregations,
        query.filter(), query.virtualColumns(), query.granularity(), query.intervals().intervals(), true);
    final GroupByEnginePartial groups = GroupByEngine.runSegment(grouping, segment, settings);
    final int keep = Math.max(query.threshold(), query.context().minTopNThreshold());
    final GroupByEnginePartial.Top top = topFromCells(query, aggregations, groups, keep);
    if (top != null) {
      final TreeMap<Long, LinkedHashMap<Object, Object[]>> kept = new TreeMap<>();
      kept.put(top.timeMs(), top.groups());
      return new TopNPartial(kept);
    }
    final TreeMap<Long, LinkedHashMap<Object, Object[]>> buckets = new TreeMap<>();
    for (Map.Entry<GroupByEngineKey, Object[]> group : groups.groups().entrySet()) {
      buckets.computeIfAbsent(group.getKey().timeMs(), t -> new LinkedHashMap<>())
          .put(group.getKey().values().get(0), group.getValue());
    }
    if (query.granularity().isAll() && buckets.size() > 1) {
      collapse(buckets, aggregations);
    }
    final TopNOrdering ordering = new TopNOrdering(query.metric(), aggregations, query.postAggregations());
    for (Map.Entry<Long, LinkedHashMap<Object, Object[]>> bucket : buckets.entrySet()) {
      if (bucket.getValue().size() > keep) {
        final LinkedHashMap<Object, Object[]> kept = new LinkedHashMap<>();
        for (Map.Entry<Object, Object[]> entry : ordering.top(bucket.getValue(), keep)) {
          kept.put(entry.getKey(), entry.getValue());
        }
        bucket.setValue(kept);
      }
    }
    return new TopNPartial(buckets);
  }

  /**
   * The kept values of a segment whose groups stayed in cells, picked straight from them when the
   * metric is an aggregator kept in cells (numeric: largest first; inverted: smallest first); null
   * otherwise.
   */
  private static GroupByEnginePartial.Top topFromCells(TopNQuery query, List<Aggregation> aggregations,
      GroupByEnginePartial groups, int keep) {
    final boolean largest;
    final String metric;
    if (query.metric() instanceof NumericTopNMetricSpec numeric) {
      largest = true;
      metric = numeric.metric();
    } else if (query.metric() instanceof InvertedTopNMetricSpec inverted
        && inverted.metric() instanceof NumericTopNMetricSpec numeric) {
      largest = false;
      metric = numeric.metric();
    } else {
      return null;
    }
    for (int i = 0; i < aggregations.size(); i++) {
      if (aggregations.get(i).name().equals(metric)) {
        return groups.topByMetric(i, largest, keep);
      }
    }
    return null;
  }

  /** Folds every bucket into the earliest one (granularity {@code all}). */
  private static void collapse(TreeMap<Long, LinkedHashMap<Object, Object[]>> buckets, List<Aggregation> aggregations) {
    final long first = buckets.firstKey();
    final LinkedHashMap<Object, Object[]> merged = new LinkedHashMap<>();
    for (LinkedHashMap<Object, Object[]> bucket : buckets.values()) {
      for (Map.Entry<Object, Object[]> entry : bucket.entrySet()) {
        combineInto(merged, aggregations, entry.getKey(), entry.getValue());
      }
    }
    buckets.clear();
    buckets.put(first, merged);
  }

  private static void combineInto(Map<Object, Object[]> target, List<Aggregation> aggregations, Object key,
      Object[] values) {
    final Object[] existing = target.get(key);
    if (existing == null) {
      target.put(key, values);
      return;
    }
    final Object[] combined = new Object[values.length];
    for (int i = 0; i < combined.length; i++) {
      combined[i] = aggregations.get(i).combine(existing[i], values[i]);
    }
    target.put(key, combined);
  }

  public static TopNPartial merge(TopNQuery query, List<? extends PartialResult> partials) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final TreeMap<Long, LinkedHashMap<Object, Object[]>> merged = new TreeMap<>();
    for (PartialResult partial : partials) {
      for (Map.Entry<Long, LinkedHashMap<Object, Object[]>> bucket : ((TopNPartial) partial).buckets().entrySet()) {
        final LinkedHashMap<Object, Object[]> target = merged.computeIfAbsent(bucket.getKey(),
            t -> new LinkedHashMap<>());
        for (Map.Entry<Object, Object[]> entry : bucket.getValue().entrySet()) {
          combineInto(target, aggregations, entry.getKey(), entry.getValue());
        }
      }
    }
    if (query.granularity().isAll() && merged.size() > 1) {
      collapse(merged, aggregations);
    }
    return new TopNPartial(merged);
  }

  public static List<Object> finish(TopNQuery query, TopNPartial partial) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final TopNOrdering ordering = new TopNOrdering(query.metric(), aggregations, query.postAggregations());
    final boolean finalize = query.context().finalizeResults();
    final List<Object> rows = new ArrayList<>();
    for (Map.Entry<Long, LinkedHashMap<Object, Object[]>> bucket : partial.buckets().entrySet()) {
      final List<Object> result = new ArrayList<>();
      for (Map.Entry<Object, Object[]> entry : ordering.top(bucket.getValue(), query.threshold())) {
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put(query.dimension().outputName(), entry.getKey());
        ResultRows.addAggregated(row, aggregations, entry.getValue(), query.postAggregations(), finalize);
        result.add(row);
      }
      rows.add(ResultRows.timeseriesRow(ResultRows.timestamp(bucket.getKey(), query.granularity()), result));
    }
    return rows;
  }
}
