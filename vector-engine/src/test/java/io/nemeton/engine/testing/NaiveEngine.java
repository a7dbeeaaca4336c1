package io.nemeton.engine.testing;

import io.nemeton.engine.query.GranularitySpec;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.ScanQuery;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.TopNQuery;
import io.nemeton.engine.query.topn.InvertedTopNMetricSpec;
import io.nemeton.engine.query.topn.NumericTopNMetricSpec;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.having.ComparisonHavingSpec;
import io.nemeton.engine.query.limit.DefaultLimitSpec;
import io.nemeton.engine.query.limit.OrderByColumn;
import io.nemeton.engine.query.limit.SortDirection;
import io.nemeton.engine.query.postaggregation.ArithmeticPostAggregator;
import io.nemeton.engine.query.postaggregation.ConstantPostAggregator;
import io.nemeton.engine.query.postaggregation.FieldAccessPostAggregator;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.time.Interval;
import io.nemeton.engine.query.time.IsoInstant;
import io.nemeton.engine.query.time.PeriodBuckets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row-at-a-time reference engine of the property tests, written only for tests: it reads the
 * row maps segments were built from (sorted by time), one row at a time, and shares nothing with
 * the engine but the query model. Timeseries and groupBy with the aggregators, post-aggregators,
 * having and limit specs the random queries use.
 */
public final class NaiveEngine {
  private NaiveEngine() {
  }

  private static long floor(GranularitySpec granularity, long time) {
    if (granularity.kind() == GranularitySpec.Kind.DURATION) {
      final long origin = granularity.originMs() == null ? 0 : granularity.originMs();
      return time - Math.floorMod(time - origin, granularity.durationMs());
    }
    return new PeriodBuckets(granularity.bucketPeriod(), granularity.originMs(), granularity.zone()).floor(time);
  }

  private static long next(GranularitySpec granularity, long bucket) {
    if (granularity.kind() == GranularitySpec.Kind.DURATION) {
      return bucket + granularity.durationMs();
    }
    return new PeriodBuckets(granularity.bucketPeriod(), granularity.originMs(), granularity.zone()).next(bucket);
  }

  /** Druid prints buckets of a period granularity with a time zone in that zone, with its offset. */
  private static String stamp(long time, GranularitySpec granularity) {
    return granularity.kind() == GranularitySpec.Kind.PERIOD && granularity.timeZone() != null
        ? IsoInstant.format(time, java.time.ZoneId.of(granularity.timeZone())) : IsoInstant.format(time);
  }

  private static long time(Map<String, Object> row) {
    return ((Number) row.get("__time")).longValue();
  }

  private static List<NaiveAggregator> aggregators(List<Aggregator> specs) {
    final List<NaiveAggregator> result = new ArrayList<>();
    for (Aggregator spec : specs) {
      result.add(new NaiveAggregator(spec));
    }
    return result;
  }

  private static void mergeInto(List<NaiveAggregator> target, List<NaiveAggregator> source) {
    for (int i = 0; i < target.size(); i++) {
      target.get(i).merge(source.get(i));
    }
  }

  public static List<Object> timeseries(TimeseriesQuery query, List<List<Map<String, Object>>> segments) {
    final TreeMap<Long, List<NaiveAggregator>> merged = new TreeMap<>();
    final boolean all = query.granularity().isAll();
    final boolean skipEmpty = query.context().skipEmptyBuckets();
    for (List<Map<String, Object>> rows : segments) {
      if (rows.isEmpty()) {
        continue;
      }
      final long dataStart = time(rows.get(0));
      final long dataEnd = time(rows.get(rows.size() - 1)) + 1;
      for (Interval interval : query.intervals().intervals()) {
        final long start = Math.max(interval.startMs(), dataStart);
        final long end = Math.min(interval.endMs(), dataEnd);
        if (start >= end) {
          continue;
        }
        long bucket = all ? start : floor(query.granularity(), start);
        while (bucket < end) {
          final long bucketEnd = all ? end : next(query.granularity(), bucket);
          final List<NaiveAggregator> aggregators = aggregators(query.aggregations());
          int matched = 0;
          for (Map<String, Object> row : rows) {
            final long t = time(row);
            if (t >= Math.max(bucket, start) && t < Math.min(bucketEnd, end) && NaiveFilters.matches(query.filter(), row)) {
              matched++;
              for (NaiveAggregator aggregator : aggregators) {
                aggregator.add(row);
              }
            }
          }
          if (matched > 0 || !skipEmpty) {
            final List<NaiveAggregator> existing = merged.get(bucket);
            if (existing == null) {
              merged.put(bucket, aggregators);
            } else {
              mergeInto(existing, aggregators);
            }
          }
          bucket = bucketEnd;
        }
      }
    }
    if (all && merged.size() > 1) {
      final long first = merged.firstKey();
      final List<NaiveAggregator> total = merged.remove(first);
      for (List<NaiveAggregator> other : merged.values()) {
        mergeInto(total, other);
      }
      merged.clear();
      merged.put(first, total);
    }
    final List<Object> answer = new ArrayList<>();
    if (merged.isEmpty() && all && !skipEmpty) {
      answer.add(timeseriesRow(query.intervals().startMs(), query, aggregators(query.aggregations())));
      return answer;
    }
    final List<Long> keys = new ArrayList<>(merged.keySet());
    if (query.descending()) {
      java.util.Collections.reverse(keys);
    }
    for (Long key : keys) {
      if (query.limit() != null && answer.size() >= query.limit()) {
        break;
      }
      answer.add(timeseriesRow(key, query, merged.get(key)));
    }
    return answer;
  }

  private static Map<String, Object> timeseriesRow(long time, TimeseriesQuery query, List<NaiveAggregator> values) {
    final Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      result.put(query.aggregations().get(i).name(), values.get(i).result());
    }
    for (PostAggregator post : query.postAggregations()) {
      result.put(post.name(), post(post, result));
    }
    final Map<String, Object> row = new LinkedHashMap<>();
    row.put("timestamp", stamp(time, query.granularity()));
    row.put("result", result);
    return row;
  }

  private static Object post(PostAggregator post, Map<String, Object> row) {
    if (post instanceof ConstantPostAggregator constant) {
      return constant.value();
    }
    if (post instanceof FieldAccessPostAggregator access) {
      return row.get(access.fieldName());
    }
    final ArithmeticPostAggregator arithmetic = (ArithmeticPostAggregator) post;
    Double result = null;
    for (PostAggregator field : arithmetic.fields()) {
      final Object value = post(field, row);
      if (value == null) {
        return null;
      }
      final double operand = ((Number) value).doubleValue();
      if (result == null) {
        result = operand;
      } else {
        result = switch (arithmetic.fn()) {
          case PLUS -> result + operand;
          case MINUS -> result - operand;
          case MULTIPLY -> result * operand;
          case DIVIDE -> operand == 0 ? 0.0 : result / operand;
          case QUOTIENT -> result / operand;
          case POW -> Math.pow(result, operand);
        };
      }
    }
    return result;
  }

  public static List<Object> groupBy(GroupByQuery query, List<List<Map<String, Object>>> segments) {
    final LinkedHashMap<List<Object>, List<NaiveAggregator>> merged = new LinkedHashMap<>();
    final boolean all = query.granularity().isAll();
    for (List<Map<String, Object>> rows : segments) {
      if (rows.isEmpty()) {
        continue;
      }
      final LinkedHashMap<List<Object>, List<NaiveAggregator>> partial = new LinkedHashMap<>();
      for (Map<String, Object> row : rows) {
        final long t = time(row);
        boolean inside = false;
        for (Interval interval : query.intervals().intervals()) {
          inside |= t >= interval.startMs() && t < interval.endMs();
        }
        if (!inside || !NaiveFilters.matches(query.filter(), row)) {
          continue;
        }
        final long bucket = all ? query.intervals().startMs() : floor(query.granularity(), t);
        List<List<Object>> keys = new ArrayList<>();
        keys.add(new ArrayList<>(List.of(bucket)));
        for (DimensionSpec dimension : query.dimensions()) {
          final Object value = row.get(dimension.dimension());
          final List<Object> choices = new ArrayList<>();
          if (value instanceof List<?> list) {
            for (Object element : list) {
              choices.add(element == null ? null : element.toString());
            }
          } else {
            choices.add(value == null ? null : value.toString());
          }
          final List<List<Object>> expanded = new ArrayList<>();
          for (List<Object> key : keys) {
            for (Object choice : choices) {
              final List<Object> longer = new ArrayList<>(key);
              longer.add(choice);
              expanded.add(longer);
            }
          }
          keys = expanded;
        }
        for (List<Object> key : keys) {
          for (NaiveAggregator aggregator : partial.computeIfAbsent(key, k -> aggregators(query.aggregations()))) {
            aggregator.add(row);
          }
        }
      }
      for (Map.Entry<List<Object>, List<NaiveAggregator>> entry : partial.entrySet()) {
        final List<NaiveAggregator> existing = merged.get(entry.getKey());
        if (existing == null) {
          merged.put(entry.getKey(), entry.getValue());
        } else {
          mergeInto(existing, entry.getValue());
        }
      }
    }
    final List<List<Object>> keys = new ArrayList<>(merged.keySet());
    keys.sort((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        final int c = i == 0 ? Long.compare((Long) a.get(0), (Long) b.get(0))
            : compareNullFirst((String) a.get(i), (String) b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    List<Map<String, Object>> events = new ArrayList<>();
    final List<Long> times = new ArrayList<>();
    for (List<Object> key : keys) {
      final Map<String, Object> event = new LinkedHashMap<>();
      for (int d = 0; d < query.dimensions().size(); d++) {
        event.put(query.dimensions().get(d).outputName(), key.get(d + 1));
      }
      final List<NaiveAggregator> values = merged.get(key);
      for (int i = 0; i < values.size(); i++) {
        event.put(query.aggregations().get(i).name(), values.get(i).result());
      }
      for (PostAggregator post : query.postAggregations()) {
        event.put(post.name(), post(post, event));
      }
      if (query.having() instanceof ComparisonHavingSpec having) {
        final Object value = event.get(having.aggregation());
        if (!(value instanceof Number number) || number.doubleValue() <= having.value().doubleValue()) {
          continue;
        }
      }
      event.put("__bucket", key.get(0));
      events.add(event);
    }
    if (query.limitSpec() instanceof DefaultLimitSpec limit) {
      if (!limit.columns().isEmpty()) {
        Comparator<Map<String, Object>> order = null;
        for (OrderByColumn column : limit.columns()) {
          Comparator<Map<String, Object>> next = (a, b) -> compareNumbers(a.get(column.dimension()),
              b.get(column.dimension()));
          if (column.direction() == SortDirection.DESCENDING) {
            next = next.reversed();
          }
          order = order == null ? next : order.thenComparing(next);
        }
        if (!all) {
          order = Comparator.<Map<String, Object>>comparingLong(e -> (Long) e.get("__bucket")).thenComparing(order);
        }
        events.sort(order);
      }
      final int from = Math.min(limit.offset(), events.size());
      final int to = limit.limit() == null ? events.size() : Math.min(events.size(), from + limit.limit());
      events = events.subList(from, to);
    }
    final List<Object> answer = new ArrayList<>();
    for (Map<String, Object> event : events) {
      final long bucket = (Long) event.remove("__bucket");
      final Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", "v1");
      row.put("timestamp", stamp(bucket, query.granularity()));
      row.put("event", event);
      answer.add(row);
    }
    return answer;
  }

  public static List<Object> topN(TopNQuery query, List<List<Map<String, Object>>> segments) {
    final TreeMap<Long, LinkedHashMap<String, List<NaiveAggregator>>> buckets = new TreeMap<>();
    final boolean all = query.granularity().isAll();
    for (List<Map<String, Object>> rows : segments) {
      if (rows.isEmpty()) {
        continue;
      }
      final long dataStart = time(rows.get(0));
      final long dataEnd = time(rows.get(rows.size() - 1)) + 1;
      for (Interval interval : query.intervals().intervals()) {
        final long start = Math.max(interval.startMs(), dataStart);
        final long end = Math.min(interval.endMs(), dataEnd);
        for (Map<String, Object> row : rows) {
          final long t = time(row);
          if (t < start || t >= end || !NaiveFilters.matches(query.filter(), row)) {
            continue;
          }
          final long bucket = all ? start : floor(query.granularity(), t);
          final Object value = row.get(query.dimension().dimension());
          final List<String> values = new ArrayList<>();
          if (value instanceof List<?> list) {
            for (Object element : list) {
              values.add(element == null ? null : element.toString());
            }
          } else {
            values.add(value == null ? null : value.toString());
          }
          for (String one : values) {
            for (NaiveAggregator aggregator : buckets.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                .computeIfAbsent(one, v -> aggregators(query.aggregations()))) {
              aggregator.add(row);
            }
          }
        }
      }
    }
    if (all && buckets.size() > 1) {
      final long first = buckets.firstKey();
      final LinkedHashMap<String, List<NaiveAggregator>> total = new LinkedHashMap<>();
      for (LinkedHashMap<String, List<NaiveAggregator>> bucket : buckets.values()) {
        for (Map.Entry<String, List<NaiveAggregator>> entry : bucket.entrySet()) {
          final List<NaiveAggregator> existing = total.get(entry.getKey());
          if (existing == null) {
            total.put(entry.getKey(), entry.getValue());
          } else {
            mergeInto(existing, entry.getValue());
          }
        }
      }
      buckets.clear();
      buckets.put(first, total);
    }
    final List<Object> answer = new ArrayList<>();
    for (Map.Entry<Long, LinkedHashMap<String, List<NaiveAggregator>>> bucket : buckets.entrySet()) {
      final List<Map<String, Object>> entries = new ArrayList<>();
      for (Map.Entry<String, List<NaiveAggregator>> entry : bucket.getValue().entrySet()) {
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put(query.dimension().outputName(), entry.getKey());
        for (int i = 0; i < entry.getValue().size(); i++) {
          result.put(query.aggregations().get(i).name(), entry.getValue().get(i).result());
        }
        for (PostAggregator post : query.postAggregations()) {
          result.put(post.name(), post(post, result));
        }
        entries.add(result);
      }
      final String dimension = query.dimension().outputName();
      final Comparator<Map<String, Object>> byValue =
          (a, b) -> compareNullFirst((String) a.get(dimension), (String) b.get(dimension));
      final Comparator<Map<String, Object>> order = switch (query.metric()) {
        case NumericTopNMetricSpec numeric -> ((Comparator<Map<String, Object>>) (a, b) ->
            compareNumbers(a.get(numeric.metric()), b.get(numeric.metric()))).reversed().thenComparing(byValue);
        case InvertedTopNMetricSpec inverted -> ((Comparator<Map<String, Object>>) (a, b) -> compareNumbers(
            a.get(((NumericTopNMetricSpec) inverted.metric()).metric()),
            b.get(((NumericTopNMetricSpec) inverted.metric()).metric()))).thenComparing(byValue);
        default -> byValue;
      };
      entries.sort(order);
      final Map<String, Object> row = new LinkedHashMap<>();
      row.put("timestamp", stamp(bucket.getKey(), query.granularity()));
      row.put("result", entries.subList(0, Math.min(query.threshold(), entries.size())));
      answer.add(row);
    }
    return answer;
  }

  /**
   * Scan over the rows; {@code segmentIds} are the segments' ids in Druid's form. Multi-value rows
   * with one value read as that value, as the engine's value readers give them.
   */
  public static List<Object> scan(ScanQuery query, List<List<Map<String, Object>>> segments, List<String> segmentIds) {
    final List<String> columns = query.columns();
    final List<Object[]> rows = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      for (Interval interval : query.intervals().intervals()) {
        for (Map<String, Object> row : segments.get(s)) {
          final long t = time(row);
          if (t < interval.startMs() || t >= interval.endMs() || !NaiveFilters.matches(query.filter(), row)) {
            continue;
          }
          final Object[] values = new Object[columns.size() + 2];
          values[0] = segmentIds.get(s);
          values[1] = t;
          for (int c = 0; c < columns.size(); c++) {
            Object value = row.get(columns.get(c));
            if (value instanceof List<?> list && list.size() == 1) {
              value = list.get(0);
            }
            values[c + 2] = value;
          }
          rows.add(values);
        }
      }
    }
    if (query.order() != ScanQuery.Order.NONE) {
      rows.sort(Comparator.comparingLong(values -> (Long) values[1]));
      if (query.order() == ScanQuery.Order.DESCENDING) {
        java.util.Collections.reverse(rows);
      }
    }
    final int from = (int) Math.min(query.offset(), rows.size());
    final int to = query.limit() == null ? rows.size() : (int) Math.min(rows.size(), from + query.limit());
    final List<Object> answer = new ArrayList<>();
    Map<String, Object> batch = null;
    List<Object> events = null;
    for (Object[] values : rows.subList(from, to)) {
      if (batch == null || !batch.get("segmentId").equals(values[0]) || events.size() >= query.batchSize()) {
        batch = new LinkedHashMap<>();
        batch.put("segmentId", values[0]);
        batch.put("columns", columns);
        events = new ArrayList<>();
        batch.put("events", events);
        answer.add(batch);
      }
      final Map<String, Object> event = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        event.put(columns.get(c), values[c + 2]);
      }
      events.add(event);
    }
    return answer;
  }

  private static int compareNullFirst(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return NaiveFilters.codePointCompare(a, b);
  }

  private static int compareNumbers(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String left && b instanceof String right) {
      // a limit column on a dimension: lexicographic (code point) order
      return NaiveFilters.codePointCompare(left, right);
    }
    return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
  }
}
