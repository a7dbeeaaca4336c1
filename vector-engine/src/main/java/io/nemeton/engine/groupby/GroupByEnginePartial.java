package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.run.PartialResult;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * GroupBy (and topN) partial result: intermediate aggregator values by group. Either a map of
 * groups, or, for a segment grouped by dictionary ids into dense cells, the segments' {@link
 * DictionaryGroups} kept as they are, so that a merge can walk their sorted dictionaries and a
 * limit spec can pick its rows without building a map of every group; {@link #groups()} builds the
 * map on first use.
 *
 * <p>Owned by one thread while merged. Dictionary parts read their segments' dictionaries, so they
 * are valid while those segments are open.
 */
public final class GroupByEnginePartial implements PartialResult {
  private final List<Aggregation> aggregations;
  private final List<DictionaryGroups> parts;
  private LinkedHashMap<GroupByEngineKey, Object[]> groups;

  /** A partial of materialized groups. */
  public GroupByEnginePartial(LinkedHashMap<GroupByEngineKey, Object[]> groups) {
    this.aggregations = null;
    this.parts = null;
    this.groups = groups;
  }

  /** A partial of dictionary-id groups of one or more segments, in segment order. */
  GroupByEnginePartial(List<Aggregation> aggregations, List<DictionaryGroups> parts) {
    this.aggregations = aggregations;
    this.parts = List.copyOf(parts);
  }

  /** The dictionary-id parts, or null when this partial is a map of groups. */
  List<DictionaryGroups> dictionaryParts() {
    return groups == null ? parts : null;
  }

  /**
   * For the dictionary groups of one segment and one dimension (a topN's scan): the time stamp and
   * the best {@code keep} groups by cell aggregation {@code metric}, as value to intermediate
   * values, picked by a bounded top-K straight from the cells (nulls lowest, ties to the smaller
   * value); null when this partial is not such a part or the metric is not in cells, and the
   * caller then uses {@link #groups()}.
   */
  public Top topByMetric(int metric, boolean largest, int keep) {
    final List<DictionaryGroups> kept = dictionaryParts();
    if (kept == null || kept.size() != 1 || kept.get(0).dimensionCount() != 1) {
      return null;
    }
    final LinkedHashMap<Object, Object[]> top = DictionaryGroupsLimit.topOfPart(kept.get(0), aggregations, metric,
        largest, keep);
    return top == null ? null : new Top(kept.get(0).timeMs(), top);
  }

  /** A bucket stamp and its best groups by value, from {@link #topByMetric}. */
  public record Top(long timeMs, LinkedHashMap<Object, Object[]> groups) {
  }

  /** The groups by key, combining equal keys of several parts; built on first call. */
  public LinkedHashMap<GroupByEngineKey, Object[]> groups() {
    if (groups == null) {
      final LinkedHashMap<GroupByEngineKey, Object[]> merged = new LinkedHashMap<>();
      for (DictionaryGroups part : parts) {
        part.addTo(merged, aggregations);
      }
      groups = merged;
    }
    return groups;
  }
}
