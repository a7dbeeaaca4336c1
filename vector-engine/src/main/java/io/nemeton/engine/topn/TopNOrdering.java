package io.nemeton.engine.topn;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.PostAggregations;
import io.nemeton.engine.aggregation.Values;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.topn.DimensionTopNMetricSpec;
import io.nemeton.engine.query.topn.InvertedTopNMetricSpec;
import io.nemeton.engine.query.topn.NumericTopNMetricSpec;
import io.nemeton.engine.query.topn.TopNMetricSpec;
import io.nemeton.engine.result.StringComparators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the dimension values of one bucket by a topN metric spec: a numeric metric (an
 * aggregator, compared on its intermediate values, or a post-aggregator computed for the purpose)
 * largest first, an inverted one smallest first, or the dimension value itself under an ordering
 * (after {@code previousStop} when given). Ties go to the smaller dimension value. Immutable.
 */
final class TopNOrdering {
  private final TopNMetricSpec spec;
  private final List<Aggregation> aggregations;
  private final List<PostAggregator> postAggregators;

  TopNOrdering(TopNMetricSpec spec, List<Aggregation> aggregations, List<PostAggregator> postAggregators) {
    this.spec = spec;
    this.aggregations = aggregations;
    this.postAggregators = postAggregators;
  }

  /** The values of {@code groups} in answer order, at most {@code limit} of them. */
  List<Map.Entry<Object, Object[]>> top(Map<Object, Object[]> groups, int limit) {
    final List<Map.Entry<Object, Object[]>> entries = new ArrayList<>();
    for (Map.Entry<Object, Object[]> entry : groups.entrySet()) {
      if (passesPreviousStop(spec, entry.getKey())) {
        entries.add(entry);
      }
    }
    final Map<Object, Object> metricValues = metricValues(entries);
    entries.sort(comparator(spec, metricValues));
    return entries.size() <= limit ? entries : new ArrayList<>(entries.subList(0, limit));
  }

  private static boolean passesPreviousStop(TopNMetricSpec spec, Object value) {
    if (spec instanceof InvertedTopNMetricSpec inverted) {
      return passesPreviousStop(inverted.metric(), value);
    }
    if (spec instanceof DimensionTopNMetricSpec dimension && dimension.previousStop() != null) {
      return compareDimension(value, dimension.previousStop(), dimension.ordering()) > 0;
    }
    return true;
  }

  /** The metric of each entry when the spec orders by a post-aggregator. */
  private Map<Object, Object> metricValues(List<Map.Entry<Object, Object[]>> entries) {
    final String metric = numericMetric(spec);
    if (metric == null || aggregationIndex(metric) >= 0) {
      return Map.of();
    }
    final Map<String, Aggregation> byName = new HashMap<>();
    for (Aggregation aggregation : aggregations) {
      byName.put(aggregation.name(), aggregation);
    }
    final Map<Object, Object> values = new HashMap<>();
    for (Map.Entry<Object, Object[]> entry : entries) {
      final Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < aggregations.size(); i++) {
        row.put(aggregations.get(i).name(), entry.getValue()[i]);
      }
      PostAggregations.computeAll(postAggregators, row, byName);
      values.put(entry.getKey(), row.get(metric));
    }
    return values;
  }

  private static String numericMetric(TopNMetricSpec spec) {
    return switch (spec) {
      case NumericTopNMetricSpec numeric -> numeric.metric();
      case InvertedTopNMetricSpec inverted -> numericMetric(inverted.metric());
      case DimensionTopNMetricSpec dimension -> null;
    };
  }

  private int aggregationIndex(String name) {
    for (int i = 0; i < aggregations.size(); i++) {
      if (aggregations.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private Comparator<Map.Entry<Object, Object[]>> comparator(TopNMetricSpec metric, Map<Object, Object> values) {
    final Comparator<Map.Entry<Object, Object[]>> byValue =
        (a, b) -> compareDimension(a.getKey(), b.getKey(), StringOrdering.LEXICOGRAPHIC);
    return switch (metric) {
      case DimensionTopNMetricSpec dimension ->
          (a, b) -> compareDimension(a.getKey(), b.getKey(), dimension.ordering());
      case InvertedTopNMetricSpec inverted -> {
        if (inverted.metric() instanceof DimensionTopNMetricSpec dimension) {
          yield (a, b) -> compareDimension(b.getKey(), a.getKey(), dimension.ordering());
        }
        yield metricOrder(numericMetric(inverted), values).thenComparing(byValue);
      }
      case NumericTopNMetricSpec numeric -> metricOrder(numeric.metric(), values).reversed().thenComparing(byValue);
    };
  }

  private Comparator<Map.Entry<Object, Object[]>> metricOrder(String metric, Map<Object, Object> values) {
    final int index = aggregationIndex(metric);
    if (index >= 0) {
      final Aggregation aggregation = aggregations.get(index);
      return (a, b) -> {
        final Object x = a.getValue()[index];
        final Object y = b.getValue()[index];
        if (x == null || y == null) {
          return x == null ? (y == null ? 0 : -1) : 1;
        }
        return aggregation.compare(x, y);
      };
    }
    return (a, b) -> Values.compareNumbers(values.get(a.getKey()), values.get(b.getKey()));
  }

  static int compareDimension(Object left, Object right, StringOrdering ordering) {
    if (left instanceof Number || right instanceof Number) {
      return Values.compareNumbers(left, right);
    }
    return StringComparators.compare(ordering == null ? StringOrdering.LEXICOGRAPHIC : ordering,
        (String) left, (String) right);
  }
}
