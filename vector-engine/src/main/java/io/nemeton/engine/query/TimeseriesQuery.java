package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.virtual.VirtualColumn;
import java.util.List;
import java.util.Objects;

/**
 * A timeseries query: aggregates per time bucket of {@code granularity}.
 *
 * @param filter null for all rows
 * @param limit the most result rows, or null for no limit
 */
public record TimeseriesQuery(
    DataSource dataSource, QueryIntervals intervals, Filter filter, GranularitySpec granularity, boolean descending,
    List<VirtualColumn> virtualColumns, List<Aggregator> aggregations, List<PostAggregator> postAggregations,
    Integer limit, QueryContext context) implements Query {

  public TimeseriesQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(granularity, "granularity");
    virtualColumns = List.copyOf(virtualColumns);
    aggregations = List.copyOf(aggregations);
    postAggregations = List.copyOf(postAggregations);
    Objects.requireNonNull(context, "context");
  }

  static TimeseriesQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.requiredIntervals(reader);
    final List<Aggregator> aggregations = QueryParts.aggregations(reader);
    final List<PostAggregator> postAggregations = QueryParts.postAggregations(reader);
    QueryParts.checkOutputNames(reader, List.of(), aggregations, postAggregations);
    final Integer limit = reader.optionalInt("limit");
    if (limit != null && limit <= 0) {
      throw reader.invalid("limit", "must be > 0, got " + limit);
    }
    return new TimeseriesQuery(dataSource, intervals, QueryParts.filter(reader), QueryParts.granularity(reader),
        reader.booleanOr("descending", false), QueryParts.virtualColumns(reader), aggregations, postAggregations,
        limit, QueryParts.context(reader));
  }

  @Override
  public String queryType() {
    return "timeseries";
  }

  @Override
  public TimeseriesQuery withContext(QueryContext newContext) {
    return new TimeseriesQuery(dataSource, intervals, filter, granularity, descending, virtualColumns, aggregations,
        postAggregations, limit, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, intervals);
    node.put("descending", descending);
    QueryParts.putVirtualColumns(node, virtualColumns);
    QueryParts.putFilter(node, filter);
    node.set("granularity", granularity.toJson());
    QueryParts.putAggregations(node, aggregations, postAggregations);
    JsonTrees.putIfPresent(node, "limit", limit);
    QueryParts.putContext(node, context);
    return node;
  }
}
