package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;

/**
 * A row filter of a native query ({@code filter} of every query type, filtered aggregators, filter
 * having specs). Implementations are immutable records. Filters follow SQL-compatible null rules:
 * {@code not} and comparisons never match null.
 */
public sealed interface Filter
    permits SelectorFilter, EqualityFilter, InFilter, BoundFilter, RangeFilter, LikeFilter, RegexFilter,
        SearchFilter, AndFilter, OrFilter, NotFilter, IntervalFilter, TrueFilter, FalseFilter, NullFilter,
        ColumnComparisonFilter, ExpressionFilter, ArrayContainsElementFilter {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("selector", "equals", "in", "bound", "range", "like", "regex", "search",
      "and", "or", "not", "interval", "true", "false", "null", "columnComparison", "expression",
      "arrayContainsElement");

  ObjectNode toJson();

  /** Reads a filter at {@code path}. */
  static Filter parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    return switch (type) {
      case "selector" -> SelectorFilter.parse(reader);
      case "equals" -> EqualityFilter.parse(reader);
      case "in" -> InFilter.parse(reader);
      case "bound" -> BoundFilter.parse(reader);
      case "range" -> RangeFilter.parse(reader);
      case "like" -> LikeFilter.parse(reader);
      case "regex" -> RegexFilter.parse(reader);
      case "search" -> SearchFilter.parse(reader);
      case "and" -> new AndFilter(reader.requiredList("fields", Filter::parse));
      case "or" -> new OrFilter(reader.requiredList("fields", Filter::parse));
      case "not" -> new NotFilter(reader.required("field", Filter::parse));
      case "interval" -> IntervalFilter.parse(reader);
      case "true" -> new TrueFilter();
      case "false" -> new FalseFilter();
      case "null" -> new NullFilter(reader.requiredName("column"));
      case "columnComparison" -> ColumnComparisonFilter.parse(reader);
      case "expression" -> new ExpressionFilter(reader.requiredExpression("expression"));
      case "arrayContainsElement" -> ArrayContainsElementFilter.parse(reader);
      default -> throw reader.unknownType("filter", type, TYPES);
    };
  }
}
