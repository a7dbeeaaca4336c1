package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.json.FieldReader;
import java.util.Objects;

/**
 * A dataSourceMetadata query: the time of the latest ingested event.
 *
 * @param usingDefaultInterval true when the query gave no intervals (all of time)
 */
public record DataSourceMetadataQuery(
    DataSource dataSource, QueryIntervals intervals, boolean usingDefaultInterval, QueryContext context)
    implements Query {

  public DataSourceMetadataQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(context, "context");
  }

  static DataSourceMetadataQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.optionalIntervals(reader);
    return new DataSourceMetadataQuery(dataSource, intervals == null ? QueryIntervals.ETERNITY : intervals,
        intervals == null, QueryParts.context(reader));
  }

  @Override
  public String queryType() {
    return "dataSourceMetadata";
  }

  @Override
  public DataSourceMetadataQuery withContext(QueryContext newContext) {
    return new DataSourceMetadataQuery(dataSource, intervals, usingDefaultInterval, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, usingDefaultInterval ? null : intervals);
    QueryParts.putContext(node, context);
    return node;
  }
}
