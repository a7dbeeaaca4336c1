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
