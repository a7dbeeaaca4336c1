package io.nemeton.node.broker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.time.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrows a query to the visible part of one segment that a higher version partly overshadows, so
 * the overshadowed rows are never read. Most query types get their {@code intervals} replaced by
 * the intersection with the visible pieces, as Druid's per-segment queries do. A groupBy keeps its
 * intervals (with granularity {@code all} it stamps rows with the first interval's start, and every
 * segment must stamp alike for the broker's merge) and gets an {@code interval} filter on {@code
 * __time} instead, which the engine turns into row ranges.
 *
 * <p>Stateless. Allocates (it rewrites the query through its JSON); used only for partly visible
 * segments, which are rare.
 */
final class VisibleQueries {
  private VisibleQueries() {}

  /** The query intervals intersected with the visible pieces (both sorted and disjoint). */
  static List<Interval> intersect(List<Interval> queryIntervals, List<Interval> pieces) {
    final List<Interval> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < queryIntervals.size() && j < pieces.size()) {
      final Interval a = queryIntervals.get(i);
      final Interval b = pieces.get(j);
      final long start = Math.max(a.startMs(), b.startMs());
      final long end = Math.min(a.endMs(), b.endMs());
      if (start < end) {
        out.add(new Interval(start, end));
      }
      if (a.endMs() < b.endMs()) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /**
   * The query to run on a segment visible only over {@code visible} (non-empty, sorted, disjoint,
   * already intersected with the query's intervals).
   */
  static Query narrow(Query query, List<Interval> visible) {
    final ObjectNode json = query.toJsonNode();
    final ArrayNode intervals = JsonTrees.array();
    for (Interval interval : visible) {
      intervals.add(interval.toString());
    }
    if (query instanceof GroupByQuery) {
      final ObjectNode timeFilter = JsonTrees.typed("interval");
      timeFilter.put("dimension", "__time");
      timeFilter.set("intervals", intervals);
      if (json.hasNonNull("filter")) {
        final ObjectNode and = JsonTrees.typed("and");
        and.putArray("fields").add(json.get("filter")).add(timeFilter);
        json.set("filter", and);
      } else {
        json.set("filter", timeFilter);
      }
    } else {
      json.set("intervals", intervals);
    }
    return QueryParser.parse(json, "");
  }
}
