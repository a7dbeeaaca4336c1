package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import java.util.Objects;

/**
 * A timeBoundary query: the earliest and/or latest event time.
 *
 * @param usingDefaultInterval true when the query gave no intervals (all of time)
 */
public record TimeBoundaryQuery(
    DataSource dataSource, QueryIntervals intervals, boolean usingDefaultInterval, Bound bound, Filter filter,
    QueryContext context) implements Query {

  /** Which boundaries to return. */
  public enum Bound {
    BOTH(null),
    MIN_TIME("minTime"),
    MAX_TIME("maxTime");

    private final String jsonName;

    Bound(String jsonName) {
      this.jsonName = jsonName;
    }

    /** {@code minTime}, {@code maxTime}, or null for both. */
    public String jsonName() {
      return jsonName;
    }
  }

  public TimeBoundaryQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(bound, "bound");
    Objects.requireNonNull(context, "context");
  }

  static TimeBoundaryQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.optionalIntervals(reader);
    final String boundText = reader.optionalString("bound");
    final Bound bound;
    if (boundText == null) {
      bound = Bound.BOTH;
    } else if (boundText.equals("minTime")) {
      bound = Bound.MIN_TIME;
    } else if (boundText.equals("maxTime")) {
      bound = Bound.MAX_TIME;
    } else {
      throw reader.invalid("bound", "unknown bound '" + boundText + "'; supported: minTime, maxTime");
    }
    return new TimeBoundaryQuery(dataSource, intervals == null ? QueryIntervals.ETERNITY : intervals,
        intervals == null, bound, QueryParts.filter(reader), QueryParts.context(reader));
  }

  @Override
  public String queryType() {
    return "timeBoundary";
  }

  @Override
  public TimeBoundaryQuery withContext(QueryContext newContext) {
    return new TimeBoundaryQuery(dataSource, intervals, usingDefaultInterval, bound, filter, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, usingDefaultInterval ? null : intervals);
    if (bound.jsonName() != null) {
      node.put("bound", bound.jsonName());
    }
    QueryParts.putFilter(node, filter);
    QueryParts.putContext(node, context);
    return node;
  }
}
