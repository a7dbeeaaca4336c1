package io.nemeton.engine.groupby;

import io.nemeton.engine.aggregation.Aggregation;
import io.nemeton.engine.aggregation.Aggregations;
import io.nemeton.engine.aggregation.Values;
import io.nemeton.engine.cursor.Extractor;
import io.nemeton.engine.filter.RowFilters;
import io.nemeton.engine.filter.ValueTests;
import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.having.AlwaysHavingSpec;
import io.nemeton.engine.query.having.AndHavingSpec;
import io.nemeton.engine.query.having.ComparisonHavingSpec;
import io.nemeton.engine.query.having.DimensionSelectorHavingSpec;
import io.nemeton.engine.query.having.FilterHavingSpec;
import io.nemeton.engine.query.having.HavingSpec;
import io.nemeton.engine.query.having.NeverHavingSpec;
import io.nemeton.engine.query.having.NotHavingSpec;
import io.nemeton.engine.query.having.OrHavingSpec;
import io.nemeton.engine.query.limit.DefaultLimitSpec;
import io.nemeton.engine.query.limit.OrderByColumn;
import io.nemeton.engine.query.limit.SortDirection;
import io.nemeton.engine.result.ResultRows;
import io.nemeton.engine.result.StringComparators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns merged groupBy groups into the answer: groups in Druid's default order (time, then each
 * dimension ascending, nulls first), aggregator and post-aggregator values, the {@code having}
 * test, the limit spec's ordering (time first unless granularity is {@code all} or {@code
 * sortByDimsFirst}; a stable sort, so ties keep the default order), then offset and limit. With a
 * {@code subtotalsSpec} the answer is each subtotal's rows in turn, the dimensions outside the
 * subtotal null. Rows are {@code {"version":"v1","timestamp","event"}} or arrays with {@code
 * resultAsArray}. Stateless.
 */
public final class GroupByEngineResults {
  private GroupByEngineResults() {
  }

  /** One answer row before it is shaped: its time and its named values. */
  private record Row(long timeMs, Map<String, Object> event) {
  }

  public static List<Object> finish(GroupByQuery query, GroupByEnginePartial partial) {
    final List<Aggregation> aggregations = Aggregations.of(query.aggregations());
    final List<Row> rows = new ArrayList<>();
    if (query.subtotalsSpec() == null || query.subtotalsSpec().isEmpty()) {
      final List<Row> fromDictionaries = dictionaryTopRows(query, aggregations, partial);
      rows.addAll(fromDictionaries != null ? fromDictionaries : rows(query, aggregations, partial.groups()));
    } else {
      for (List<String> subtotal : query.subtotalsSpec()) {
        rows.addAll(rows(query, aggregations, regroup(query, aggregations, partial.groups(), subtotal)));
      }
    }
    final boolean asArray = query.context().booleanValue("resultAsArray", false);
    final List<Object> answer = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (asArray) {
        final List<Object> array = new ArrayList<>(row.event().size() + 1);
        array.add(row.timeMs());
        array.addAll(row.event().values());
        answer.add(array);
      } else {
        answer.add(ResultRows.groupByRow(ResultRows.timestamp(row.timeMs(), query.granularity()), row.event()));
      }
    }
    return answer;
  }

  /**
   * The groups of one subtotal: dimensions outside it become null and groups that then coincide
   * merge, as if the query had grouped by the subtotal's dimensions alone.
   */
  private static Map<GroupByEngineKey, Object[]> regroup(GroupByQuery query, List<Aggregation> aggregations,
      Map<GroupByEngineKey, Object[]> groups, List<String> subtotal) {
    final boolean[] kept = new boolean[query.dimensions().size()];
    for (int d = 0; d < kept.length; d++) {
      kept[d] = subtotal.contains(query.dimensions().get(d).outputName());
    }
    final Map<GroupByEngineKey, Object[]> regrouped = new LinkedHashMap<>();
    for (Map.Entry<GroupByEngineKey, Object[]> group : groups.entrySet()) {
      final List<Object> values = new ArrayList<>(kept.length);
      for (int d = 0; d < kept.length; d++) {
        values.add(kept[d] ? group.getKey().values().get(d) : null);
      }
      GroupByEngine.put(regrouped, aggregations, new GroupByEngineKey(group.getKey().timeMs(), values),
          group.getValue());
    }
    return regrouped;
  }

  /** The answer rows of some groups: ordered, aggregated, filtered by having, limited. */
  private static List<Row> rows(GroupByQuery query, List<Aggregation> aggregations,
      Map<GroupByEngineKey, Object[]> merged) {
    final Comparator<Map.Entry<GroupByEngineKey, Object[]>> limitOrder = limitOrderOnGroups(query, aggregations);
    if (limitOrder != null) {
      return topRows(query, aggregations, merged, limitOrder);
    }
    final List<Map.Entry<GroupByEngineKey, Object[]>> groups = new ArrayList<>(merged.entrySet());
    groups.sort(defaultOrder());
    final boolean finalize = query.context().finalizeResults();
    final List<Row> rows = new ArrayList<>(groups.size());
    for (Map.Entry<GroupByEngineKey, Object[]> group : groups) {
      final Map<String, Object> event = new LinkedHashMap<>();
      for (int d = 0; d < query.dimensions().size(); d++) {
        event.put(query.dimensions().get(d).outputName(), group.getKey().values().get(d));
      }
      ResultRows.addAggregated(event, aggregations, group.getValue(), query.postAggregations(), finalize);
      if (query.having() == null || having(query.having(), event)) {
        rows.add(new Row(group.getKey().timeMs(), event));
      }
    }
    return limit(query, rows);
  }

  /**
   * The limit spec's order on groups themselves (intermediate values, no rows built), then the
   * default order: possible when there is a limit, no having, and every ordering column is a
   * dimension or an aggregator. Null otherwise.
   */
  private static Comparator<Map.Entry<GroupByEngineKey, Object[]>> limitOrderOnGroups(GroupByQuery query,
      List<Aggregation> aggregations) {
    if (!(query.limitSpec() instanceof DefaultLimitSpec spec) || spec.limit() == null || query.having() != null
        || spec.columns().isEmpty()) {
      return null;
    }
    Comparator<Map.Entry<GroupByEngineKey, Object[]>> order = null;
    for (OrderByColumn column : spec.columns()) {
      Comparator<Map.Entry<GroupByEngineKey, Object[]>> next = null;
      for (int d = 0; d < query.dimensions().size() && next == null; d++) {
        if (query.dimensions().get(d).outputName().equals(column.dimension())) {
          final int index = d;
          final StringOrdering ordering = column.dimensionOrder() == null
              ? StringOrdering.LEXICOGRAPHIC : column.dimensionOrder();
          next = (a, b) -> compareValues(a.getKey().values().get(index), b.getKey().values().get(index), ordering);
        }
      }
      for (int i = 0; i < aggregations.size() && next == null; i++) {
        if (aggregations.get(i).name().equals(column.dimension())) {
          final int index = i;
          final Aggregation aggregation = aggregations.get(i);
          next = (a, b) -> aggregation.compare(a.getValue()[index], b.getValue()[index]);
        }
      }
      if (next == null) {
        return null;
      }
      if (column.direction() == SortDirection.DESCENDING) {
        next = next.reversed();
      }
      order = order == null ? next : order.thenComparing(next);
    }
    final boolean timeFirst = !query.granularity().isAll() && !query.context().booleanValue("sortByDimsFirst", false);
    final Comparator<Map.Entry<GroupByEngineKey, Object[]>> byTime =
        Comparator.comparingLong(entry -> entry.getKey().timeMs());
    final Comparator<Map.Entry<GroupByEngineKey, Object[]>> full = timeFirst ? byTime.thenComparing(order)
        : query.granularity().isAll() ? order : order.thenComparing(byTime);
    return full.thenComparing(defaultOrder());
  }

  /**
   * The rows of a limit spec ordering by one aggregator, picked from a partial that kept its
   * segments' dictionary groups ({@link DictionaryGroupsLimit}) without building every group;
   * null when that does not apply.
   */
  private static List<Row> dictionaryTopRows(GroupByQuery query, List<Aggregation> aggregations,
      GroupByEnginePartial partial) {
    final List<DictionaryGroups> parts = partial.dictionaryParts();
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    final Comparator<Map.Entry<GroupByEngineKey, Object[]>> order = limitOrderOnGroups(query, aggregations);
    final int metric = rankingAggregation(query, aggregations);
    if (order == null || metric < 0) {
      return null;
    }
    final DefaultLimitSpec spec = (DefaultLimitSpec) query.limitSpec();
    final OrderByColumn column = spec.columns().get(0);
    final int keep = (int) Math.min(Integer.MAX_VALUE - 8, (long) spec.offset() + spec.limit());
    final List<Map.Entry<GroupByEngineKey, Object[]>> top =
        DictionaryGroupsLimit.top(parts, aggregations, metric, column.direction(), keep);
    if (top == null) {
      return null;
    }
    final List<Map.Entry<GroupByEngineKey, Object[]>> sorted = new ArrayList<>(top);
    sorted.sort(order);
    return rowsFrom(query, aggregations, sorted, spec.offset());
  }

  /**
   * The aggregation a limit spec ranks groups by when the dictionary top-K can answer it: the spec
   * orders by one aggregator (optionally then by the only dimension, ascending and
   * lexicographically), no having, no subtotals, at most {@link DictionaryGroupsLimit#MAX_KEEP}
   * rows kept; -1 otherwise. Whether the aggregator lives in cells is the top-K's to check.
   */
  static int rankingAggregation(GroupByQuery query, List<Aggregation> aggregations) {
    if (!(query.limitSpec() instanceof DefaultLimitSpec spec) || spec.limit() == null || query.having() != null
        || (query.subtotalsSpec() != null && !query.subtotalsSpec().isEmpty())) {
      return -1;
    }
    if (spec.columns().size() != 1 && !(spec.columns().size() == 2 && byOnlyDimensionAscending(query,
        spec.columns().get(1)))) {
      return -1;
    }
    if ((long) spec.offset() + spec.limit() > DictionaryGroupsLimit.MAX_KEEP) {
      return -1;
    }
    final String name = spec.columns().get(0).dimension();
    for (int d = 0; d < query.dimensions().size(); d++) {
      if (query.dimensions().get(d).outputName().equals(name)) {
        return -1;
      }
    }
    int metric = -1;
    for (int i = 0; i < aggregations.size(); i++) {
      if (aggregations.get(i).name().equals(name)) {
        metric = i;
      }
    }
    return metric;
  }

  /**
   * Whether {@code column} orders by the query's only dimension, ascending and lexicographically:
   * the order the dictionary top-K already breaks ties in (merge position is dictionary order), so
   * such a second column changes nothing there.
   */
  private static boolean byOnlyDimensionAscending(GroupByQuery query, OrderByColumn column) {
    return query.dimensions().size() == 1
        && query.dimensions().get(0).outputName().equals(column.dimension())
        && column.direction() == SortDirection.ASCENDING
        && (column.dimensionOrder() == null || column.dimensionOrder() == StringOrdering.LEXICOGRAPHIC);
  }

  /** The first {@code offset + limit} groups by {@code order}, kept in a bounded heap, as rows. */
  private static List<Row> topRows(GroupByQuery query, List<Aggregation> aggregations,
      Map<GroupByEngineKey, Object[]> merged, Comparator<Map.Entry<GroupByEngineKey, Object[]>> order) {
    final DefaultLimitSpec spec = (DefaultLimitSpec) query.limitSpec();
    final int keep = (int) Math.min(Integer.MAX_VALUE - 8, (long) spec.offset() + spec.limit());
    final java.util.PriorityQueue<Map.Entry<GroupByEngineKey, Object[]>> heap =
        new java.util.PriorityQueue<>(Math.min(keep, merged.size()) + 1, order.reversed());
    for (Map.Entry<GroupByEngineKey, Object[]> group : merged.entrySet()) {
      if (heap.size() < keep) {
        heap.add(group);
      } else if (order.compare(group, heap.peek()) < 0) {
        heap.poll();
        heap.add(group);
      }
    }
    final List<Map.Entry<GroupByEngineKey, Object[]>> top = new ArrayList<>(heap);
    top.sort(order);
    return rowsFrom(query, aggregations, top, spec.offset());
  }

  /** Answer rows of sorted groups from {@code offset} on. */
  private static List<Row> rowsFrom(GroupByQuery query, List<Aggregation> aggregations,
      List<Map.Entry<GroupByEngineKey, Object[]>> top, int offset) {
    final boolean finalize = query.context().finalizeResults();
    final List<Row> rows = new ArrayList<>();
    for (int i = Math.min(offset, top.size()); i < top.size(); i++) {
      final Map.Entry<GroupByEngineKey, Object[]> group = top.get(i);
      final Map<String, Object> event = new LinkedHashMap<>();
      for (int d = 0; d < query.dimensions().size(); d++) {
        event.put(query.dimensions().get(d).outputName(), group.getKey().values().get(d));
      }
      ResultRows.addAggregated(event, aggregations, group.getValue(), query.postAggregations(), finalize);
      rows.add(new Row(group.getKey().timeMs(), event));
    }
    return rows;
  }

  private static Comparator<Map.Entry<GroupByEngineKey, Object[]>> defaultOrder() {
    return (left, right) -> {
      final int byTime = Long.compare(left.getKey().timeMs(), right.getKey().timeMs());
      if (byTime != 0) {
        return byTime;
      }
      final List<Object> a = left.getKey().values();
      final List<Object> b = right.getKey().values();
      for (int d = 0; d < a.size(); d++) {
        final int byValue = compareValues(a.get(d), b.get(d), StringOrdering.LEXICOGRAPHIC);
        if (byValue != 0) {
          return byValue;
        }
      }
      return 0;
    };
  }

  /** Nulls first; numbers by value; strings by {@code ordering}. */
  static int compareValues(Object left, Object right, StringOrdering ordering) {
    if (left instanceof Number || right instanceof Number) {
      return Values.compareNumbers(left, right);
    }
    return StringComparators.compare(ordering, (String) left, (String) right);
  }

  private static List<Row> limit(GroupByQuery query, List<Row> rows) {
    if (!(query.limitSpec() instanceof DefaultLimitSpec spec)) {
      return rows;
    }
    if (!spec.columns().isEmpty()) {
      final Set<String> dimensionNames = new HashSet<>();
      for (DimensionSpec dimension : query.dimensions()) {
        dimensionNames.add(dimension.outputName());
      }
      Comparator<Row> order = null;
      for (OrderByColumn column : spec.columns()) {
        final boolean isDimension = dimensionNames.contains(column.dimension());
        final StringOrdering ordering = column.dimensionOrder() == null
            ? StringOrdering.LEXICOGRAPHIC : column.dimensionOrder();
        Comparator<Row> next = (a, b) -> {
          final Object x = a.event().get(column.dimension());
          final Object y = b.event().get(column.dimension());
          return isDimension ? compareValues(x, y, ordering) : Values.compareNumbers(x, y);
        };
        if (column.direction() == SortDirection.DESCENDING) {
          next = next.reversed();
        }
        order = order == null ? next : order.thenComparing(next);
      }
      final boolean timeFirst = !query.granularity().isAll()
          && !query.context().booleanValue("sortByDimsFirst", false);
      final Comparator<Row> byTime = Comparator.comparingLong(Row::timeMs);
      final Comparator<Row> full = timeFirst ? byTime.thenComparing(order)
          : query.granularity().isAll() ? order : order.thenComparing(byTime);
      rows = new ArrayList<>(rows);
      rows.sort(full);
    }
    final int from = Math.min(spec.offset(), rows.size());
    final int to = spec.limit() == null ? rows.size() : (int) Math.min(rows.size(), (long) from + spec.limit());
    return rows.subList(from, to);
  }

  /** Whether a row passes a having spec, judged on its finalized values. */
  static boolean having(HavingSpec spec, Map<String, Object> event) {
    return switch (spec) {
      case AlwaysHavingSpec always -> true;
      case NeverHavingSpec never -> false;
      case AndHavingSpec and -> and.havingSpecs().stream().allMatch(s -> having(s, event));
      case OrHavingSpec or -> or.havingSpecs().stream().anyMatch(s -> having(s, event));
      case NotHavingSpec not -> !having(not.havingSpec(), event);
      case FilterHavingSpec filter -> RowFilters.matches(filter.filter(), event);
      case DimensionSelectorHavingSpec selector -> {
        final Object raw = event.get(selector.dimension());
        final String value = selector.extractionFn() == null ? ValueTests.text(raw)
            : Extractor.of(selector.extractionFn()).apply(raw);
        yield Objects.equals(value, selector.value());
      }
      case ComparisonHavingSpec comparison -> {
        final Object value = event.get(comparison.aggregation());
        if (!(value instanceof Number number)) {
          yield false;
        }
        final int order = compareNumber(number, comparison.value());
        yield switch (comparison.comparison()) {
          case GREATER_THAN -> order > 0;
          case LESS_THAN -> order < 0;
          case EQUAL_TO -> order == 0;
        };
      }
    };
  }

  private static int compareNumber(Number value, Number bound) {
    if ((value instanceof Long || value instanceof Integer) && (bound instanceof Long || bound instanceof Integer)) {
      return Long.compare(value.longValue(), bound.longValue());
    }
    if (!Double.isFinite(value.doubleValue()) || !Double.isFinite(bound.doubleValue())) {
      return Double.compare(value.doubleValue(), bound.doubleValue());
    }
    return new BigDecimal(value.toString()).compareTo(new BigDecimal(bound.toString()));
  }
}
