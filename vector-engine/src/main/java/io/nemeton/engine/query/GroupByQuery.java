package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.having.HavingSpec;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import io.nemeton.engine.query.limit.DefaultLimitSpec;
import io.nemeton.engine.query.limit.LimitSpec;
import io.nemeton.engine.query.limit.NoLimitSpec;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.virtual.VirtualColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A groupBy query: aggregates per combination of dimension values and time bucket, then having,
 * sort and limit.
 *
 * @param having null for none
 * @param subtotalsSpec lists of dimension output names to also aggregate over, or null
 */
public record GroupByQuery(
    DataSource dataSource, QueryIntervals intervals, Filter filter, GranularitySpec granularity,
    List<VirtualColumn> virtualColumns, List<DimensionSpec> dimensions, List<Aggregator> aggregations,
    List<PostAggregator> postAggregations, HavingSpec having, LimitSpec limitSpec, List<List<String>> subtotalsSpec,
    QueryContext context) implements Query {

  public GroupByQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(granularity, "granularity");
    virtualColumns = List.copyOf(virtualColumns);
    dimensions = List.copyOf(dimensions);
    aggregations = List.copyOf(aggregations);
    postAggregations = List.copyOf(postAggregations);
    Objects.requireNonNull(limitSpec, "limitSpec");
    if (subtotalsSpec != null) {
      final List<List<String>> copy = new ArrayList<>(subtotalsSpec.size());
      for (List<String> subtotal : subtotalsSpec) {
        copy.add(List.copyOf(subtotal));
      }
      subtotalsSpec = List.copyOf(copy);
    }
    Objects.requireNonNull(context, "context");
  }

  static GroupByQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.requiredIntervals(reader);
    final List<DimensionSpec> dimensions = reader.list("dimensions", DimensionSpec::parse);
    final List<String> dimensionNames = new ArrayList<>(dimensions.size());
    for (int i = 0; i < dimensions.size(); i++) {
      final String name = dimensions.get(i).outputName();
      if (dimensionNames.contains(name)) {
        throw new InvalidQueryException(FieldReader.join(FieldReader.element(reader.pathOf("dimensions"), i),
            "outputName"), "output name '" + name + "' is already defined");
      }
      dimensionNames.add(name);
    }
    final List<Aggregator> aggregations = QueryParts.aggregations(reader);
    final List<PostAggregator> postAggregations = QueryParts.postAggregations(reader);
    final Set<String> names = QueryParts.checkOutputNames(reader, dimensionNames, aggregations, postAggregations);
    final LimitSpec limitSpec = reader.has("limitSpec")
        ? reader.required("limitSpec", LimitSpec::parse)
        : NoLimitSpec.INSTANCE;
    if (limitSpec instanceof DefaultLimitSpec limit) {
      for (int i = 0; i < limit.columns().size(); i++) {
        final String column = limit.columns().get(i).dimension();
        if (!names.contains(column) && !column.equals("__time")) {
          throw new InvalidQueryException(
              FieldReader.join(FieldReader.element(FieldReader.join(reader.pathOf("limitSpec"), "columns"), i), "dimension"),
              "unknown column '" + column + "' in the sort order; defined: " + names);
        }
      }
    }
    return new GroupByQuery(dataSource, intervals, QueryParts.filter(reader), QueryParts.granularity(reader),
        QueryParts.virtualColumns(reader), dimensions, aggregations, postAggregations,
        reader.optional("having", HavingSpec::parse), limitSpec, subtotals(reader, dimensionNames),
        QueryParts.context(reader));
  }

  private static List<List<String>> subtotals(FieldReader reader, List<String> dimensionNames) {
    final JsonNode node = reader.get("subtotalsSpec");
    if (node == null) {
      return null;
    }
    return FieldReader.parseList(node, reader.pathOf("subtotalsSpec"), (element, path) -> {
      final List<String> subtotal = FieldReader.parseList(element, path, (name, namePath) -> {
        final String text = JsonValues.text(name, namePath);
        if (!dimensionNames.contains(text)) {
          throw new InvalidQueryException(namePath, "'" + text + "' is not one of the query's dimensions "
              + dimensionNames);
        }
        return text;
      });
      if (new HashSet<>(subtotal).size() != subtotal.size()) {
        throw new InvalidQueryException(path, "lists a dimension twice: " + subtotal);
      }
      return subtotal;
    });
  }

  @Override
  public String queryType() {
    return "groupBy";
  }

  @Override
  public GroupByQuery withContext(QueryContext newContext) {
    return new GroupByQuery(dataSource, intervals, filter, granularity, virtualColumns, dimensions, aggregations,
        postAggregations, having, limitSpec, subtotalsSpec, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, intervals);
    QueryParts.putVirtualColumns(node, virtualColumns);
    QueryParts.putFilter(node, filter);
    node.set("granularity", granularity.toJson());
    final ArrayNode dimensionArray = node.putArray("dimensions");
    for (DimensionSpec dimension : dimensions) {
      dimensionArray.add(dimension.toJson());
    }
    QueryParts.putAggregations(node, aggregations, postAggregations);
    if (having != null) {
      node.set("having", having.toJson());
    }
    JsonTrees.putIfPresent(node, "limitSpec", limitSpec.toJson());
    if (subtotalsSpec != null) {
      final ArrayNode subtotals = node.putArray("subtotalsSpec");
      for (List<String> subtotal : subtotalsSpec) {
        subtotals.add(JsonTrees.strings(subtotal));
      }
    }
    QueryParts.putContext(node, context);
    return node;
  }
}
