package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.search.SearchQuerySpec;
import io.nemeton.engine.query.virtual.VirtualColumn;
import java.util.List;
import java.util.Objects;

/**
 * A search query: dimension values matching {@code query}, with counts, per time bucket.
 *
 * @param searchDimensions the dimensions to search; empty for all
 * @param limit the most results per bucket (default 1000)
 */
public record SearchQuery(
    DataSource dataSource, QueryIntervals intervals, Filter filter, GranularitySpec granularity,
    List<VirtualColumn> virtualColumns, List<DimensionSpec> searchDimensions, SearchQuerySpec query, int limit,
    StringOrdering sort, QueryContext context) implements Query {

  /** Druid's default {@code limit}. */
  public static final int DEFAULT_LIMIT = 1000;

  public SearchQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(granularity, "granularity");
    virtualColumns = List.copyOf(virtualColumns);
    searchDimensions = List.copyOf(searchDimensions);
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(context, "context");
  }

  static SearchQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.requiredIntervals(reader);
    final SearchQuerySpec query = reader.required("query", SearchQuerySpec::parse);
    final int limit = reader.intOr("limit", DEFAULT_LIMIT);
    if (limit <= 0) {
      throw reader.invalid("limit", "must be > 0, got " + limit);
    }
    final StringOrdering sort = reader.has("sort")
        ? reader.required("sort", StringOrdering::parse)
        : StringOrdering.LEXICOGRAPHIC;
    return new SearchQuery(dataSource, intervals, QueryParts.filter(reader), QueryParts.granularity(reader),
        QueryParts.virtualColumns(reader), reader.list("searchDimensions", DimensionSpec::parse), query, limit, sort,
        QueryParts.context(reader));
  }

  @Override
  public String queryType() {
    return "search";
  }

  @Override
  public SearchQuery withContext(QueryContext newContext) {
    return new SearchQuery(dataSource, intervals, filter, granularity, virtualColumns, searchDimensions, query, limit,
        sort, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, intervals);
    QueryParts.putVirtualColumns(node, virtualColumns);
    QueryParts.putFilter(node, filter);
    node.set("granularity", granularity.toJson());
    final ArrayNode dimensions = node.putArray("searchDimensions");
    for (DimensionSpec dimension : searchDimensions) {
      dimensions.add(dimension.toJson());
    }
    node.set("query", query.toJson());
    node.put("limit", limit);
    node.set("sort", sort.toJson());
    QueryParts.putContext(node, context);
    return node;
  }
}
