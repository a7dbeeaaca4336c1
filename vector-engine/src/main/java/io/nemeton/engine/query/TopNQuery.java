package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.topn.InvertedTopNMetricSpec;
import io.nemeton.engine.query.topn.NumericTopNMetricSpec;
import io.nemeton.engine.query.topn.TopNMetricSpec;
import io.nemeton.engine.query.virtual.VirtualColumn;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A topN query: the {@code threshold} best values of one dimension per time bucket, by {@code metric}. */
public record TopNQuery(
    DataSource dataSource, QueryIntervals intervals, Filter filter, GranularitySpec granularity,
    List<VirtualColumn> virtualColumns, DimensionSpec dimension, TopNMetricSpec metric, int threshold,
    List<Aggregator> aggregations, List<PostAggregator> postAggregations, QueryContext context) implements Query {

  public TopNQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    Objects.requireNonNull(granularity, "granularity");
    virtualColumns = List.copyOf(virtualColumns);
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(metric, "metric");
    aggregations = List.copyOf(aggregations);
    postAggregations = List.copyOf(postAggregations);
    Objects.requireNonNull(context, "context");
  }

  static TopNQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.requiredIntervals(reader);
    final DimensionSpec dimension = reader.required("dimension", DimensionSpec::parse);
    final TopNMetricSpec metric = reader.required("metric", TopNMetricSpec::parse);
    final int threshold = reader.requiredInt("threshold");
    if (threshold <= 0) {
      throw reader.invalid("threshold", "must be > 0, got " + threshold);
    }
    final List<Aggregator> aggregations = QueryParts.aggregations(reader);
    final List<PostAggregator> postAggregations = QueryParts.postAggregations(reader);
    final Set<String> names =
        QueryParts.checkOutputNames(reader, List.of(dimension.outputName()), aggregations, postAggregations);
    final String metricName = numericMetricName(metric);
    if (metricName != null && (metricName.equals(dimension.outputName()) || !names.contains(metricName))) {
      names.remove(dimension.outputName());
      throw reader.invalid("metric", "unknown metric '" + metricName
          + "': it must name an aggregator or post-aggregator; defined: " + names);
    }
    return new TopNQuery(dataSource, intervals, QueryParts.filter(reader), QueryParts.granularity(reader),
        QueryParts.virtualColumns(reader), dimension, metric, threshold, aggregations, postAggregations,
        QueryParts.context(reader));
  }

  private static String numericMetricName(TopNMetricSpec metric) {
    if (metric instanceof NumericTopNMetricSpec numeric) {
      return numeric.metric();
    }
    if (metric instanceof InvertedTopNMetricSpec inverted) {
      return numericMetricName(inverted.metric());
    }
    return null;
  }

  @Override
  public String queryType() {
    return "topN";
  }

  @Override
  public TopNQuery withContext(QueryContext newContext) {
    return new TopNQuery(dataSource, intervals, filter, granularity, virtualColumns, dimension, metric, threshold,
        aggregations, postAggregations, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, intervals);
    QueryParts.putVirtualColumns(node, virtualColumns);
    node.set("dimension", dimension.toJson());
    node.set("metric", metric.toJson());
    node.put("threshold", threshold);
    QueryParts.putFilter(node, filter);
    node.set("granularity", granularity.toJson());
    QueryParts.putAggregations(node, aggregations, postAggregations);
    QueryParts.putContext(node, context);
    return node;
  }
}
