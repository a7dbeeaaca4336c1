package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.postaggregation.PostAggregator;
import io.nemeton.engine.query.virtual.VirtualColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts most query types share: reading them with field paths, checking the names they
 * define, and writing them back. Stateless.
 */
final class QueryParts {

  private QueryParts() {}

  static DataSource dataSource(FieldReader reader) {
    return reader.required("dataSource", DataSource::parse);
  }

  static QueryIntervals requiredIntervals(FieldReader reader) {
    return reader.required("intervals", QueryIntervals::parse);
  }

  /** The intervals, or null when absent (the query then covers all of time). */
  static QueryIntervals optionalIntervals(FieldReader reader) {
    return reader.optional("intervals", QueryIntervals::parse);
  }

  static Filter filter(FieldReader reader) {
    return reader.optional("filter", Filter::parse);
  }

  static GranularitySpec granularity(FieldReader reader) {
    final GranularitySpec granularity = reader.optional("granularity", GranularitySpec::parse);
    return granularity == null ? GranularitySpec.ALL : granularity;
  }

  static QueryContext context(FieldReader reader) {
    final QueryContext context = reader.optional("context", QueryContext::parse);
    return context == null ? QueryContext.EMPTY : context;
  }

  static List<VirtualColumn> virtualColumns(FieldReader reader) {
    final List<VirtualColumn> columns = reader.list("virtualColumns", VirtualColumn::parse);
    final Set<String> names = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!names.add(columns.get(i).name())) {
        throw new InvalidQueryException(FieldReader.join(FieldReader.element(reader.pathOf("virtualColumns"), i), "name"),
            "duplicate virtual column name '" + columns.get(i).name() + "'");
      }
    }
    return columns;
  }

  static List<Aggregator> aggregations(FieldReader reader) {
    return reader.list("aggregations", Aggregator::parse);
  }

  static List<PostAggregator> postAggregations(FieldReader reader) {
    return reader.list("postAggregations", PostAggregator::parse);
  }

  /**
   * Checks, as Druid does, that output names are unique across {@code otherOutputNames}
   * (dimensions), aggregators and post-aggregators, that every top-level post-aggregator has a
   * name, and that each reads only names defined before it.
   *
   * @return every output name, in order
   */
  static Set<String> checkOutputNames(
      FieldReader reader, List<String> otherOutputNames, List<Aggregator> aggregations,
      List<PostAggregator> postAggregations) {
    final Set<String> names = new LinkedHashSet<>(otherOutputNames);
    for (int i = 0; i < aggregations.size(); i++) {
      final String name = aggregations.get(i).name();
      if (!names.add(name)) {
        throw new InvalidQueryException(
            FieldReader.join(FieldReader.element(reader.pathOf("aggregations"), i), "name"),
            "output name '" + name + "' is already defined");
      }
    }
    for (int i = 0; i < postAggregations.size(); i++) {
      final PostAggregator postAggregator = postAggregations.get(i);
      final String path = FieldReader.element(reader.pathOf("postAggregations"), i);
      if (postAggregator.name() == null) {
        throw new InvalidQueryException(FieldReader.join(path, "name"), "required field is missing");
      }
      final Set<String> missing = new TreeSet<>(postAggregator.dependentFields());
      missing.removeAll(names);
      if (!missing.isEmpty()) {
        throw new InvalidQueryException(path, "post-aggregator '" + postAggregator.name()
            + "' reads undefined fields " + missing + "; defined: " + names);
      }
      if (!names.add(postAggregator.name())) {
        throw new InvalidQueryException(FieldReader.join(path, "name"),
            "output name '" + postAggregator.name() + "' is already defined");
      }
    }
    return names;
  }

  /** A new query object with queryType, dataSource and (unless null) intervals. */
  static ObjectNode start(String queryType, DataSource dataSource, QueryIntervals intervals) {
    final ObjectNode node = JsonTrees.object();
    node.put("queryType", queryType);
    node.set("dataSource", dataSource.toJson());
    if (intervals != null) {
      node.set("intervals", intervals.toJson());
    }
    return node;
  }

  static void putFilter(ObjectNode node, Filter filter) {
    if (filter != null) {
      node.set("filter", filter.toJson());
    }
  }

  static void putVirtualColumns(ObjectNode node, List<VirtualColumn> columns) {
    if (!columns.isEmpty()) {
      final ArrayNode array = node.putArray("virtualColumns");
      for (VirtualColumn column : columns) {
        array.add(column.toJson());
      }
    }
  }

  static void putAggregations(ObjectNode node, List<Aggregator> aggregations, List<PostAggregator> postAggregations) {
    final ArrayNode array = node.putArray("aggregations");
    for (Aggregator aggregator : aggregations) {
      array.add(aggregator.toJson());
    }
    if (!postAggregations.isEmpty()) {
      node.set("postAggregations", PostAggregator.toJsonArray(postAggregations));
    }
  }

  static void putContext(ObjectNode node, QueryContext context) {
    if (!context.values().isEmpty()) {
      node.set("context", context.toJson());
    }
  }

  /** Names of a list of aggregators, for error messages. */
  static List<String> names(List<Aggregator> aggregations) {
    final List<String> names = new ArrayList<>(aggregations.size());
    for (Aggregator aggregator : aggregations) {
      names.add(aggregator.name());
    }
    return names;
  }
}
