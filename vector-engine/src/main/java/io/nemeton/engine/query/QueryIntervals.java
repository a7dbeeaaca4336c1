package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import io.nemeton.engine.query.time.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The intervals a query covers, sorted and condensed (overlapping or touching intervals merged), as
 * Druid condenses them. Read from a list of interval strings, one string (comma-separated
 * intervals allowed), or {@code {"type":"intervals","intervals":[...]}}. Immutable and thread-safe.
 *
 * @param intervals sorted by start, pairwise disjoint and not touching
 */
public record QueryIntervals(List<Interval> intervals) {

  /** All of time. */
  public static final QueryIntervals ETERNITY = new QueryIntervals(List.of(Interval.ETERNITY));

  public QueryIntervals {
    intervals = List.copyOf(intervals);
  }

  /** Condenses any list of intervals. */
  public static QueryIntervals of(List<Interval> intervals) {
    final List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(Interval::startMs).thenComparingLong(Interval::endMs));
    final List<Interval> condensed = new ArrayList<>(sorted.size());
    for (Interval interval : sorted) {
      if (!condensed.isEmpty()) {
        final Interval last = condensed.get(condensed.size() - 1);
        if (interval.startMs() <= last.endMs()) {
          condensed.set(condensed.size() - 1,
              new Interval(last.startMs(), Math.max(last.endMs(), interval.endMs())));
          continue;
        }
      }
      condensed.add(interval);
    }
    return new QueryIntervals(condensed);
  }

  /** Reads the {@code intervals} field value at {@code path}. */
  public static QueryIntervals parse(JsonNode node, String path) {
    if (node.isObject()) {
      final FieldReader reader = FieldReader.of(node, path);
      final String type = reader.optionalString("type");
      if (type != null && !type.equals("intervals")) {
        throw reader.unknownType("intervals", type, List.of("intervals"));
      }
      return parse(reader.required("intervals"), reader.pathOf("intervals"));
    }
    final List<Interval> intervals = new ArrayList<>();
    if (node.isArray()) {
      if (node.isEmpty()) {
        throw new InvalidQueryException(path, "must list at least one interval");
      }
      for (int i = 0; i < node.size(); i++) {
        final String elementPath = FieldReader.element(path, i);
        intervals.add(interval(JsonValues.text(node.get(i), elementPath), elementPath));
      }
    } else {
      final String text = JsonValues.text(node, path);
      for (String part : text.split(",")) {
        intervals.add(interval(part.trim(), path));
      }
    }
    return of(intervals);
  }

  private static Interval interval(String text, String path) {
    try {
      return Interval.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(path, e.getMessage());
    }
  }

  /** The earliest start. */
  public long startMs() {
    return intervals.get(0).startMs();
  }

  /** The latest end. */
  public long endMs() {
    return intervals.get(intervals.size() - 1).endMs();
  }

  /** A list of interval strings. */
  public ArrayNode toJson() {
    final ArrayNode array = JsonTrees.array();
    for (Interval interval : intervals) {
      array.add(interval.toString());
    }
    return array;
  }
}
