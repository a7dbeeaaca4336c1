package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * {@code aggregator} over only the rows matching {@code filter}.
 *
 * @param outputName the name given on the filtered aggregator itself, or null to use the inner
 *     aggregator's name
 */
public record FilteredAggregator(String outputName, Filter filter, Aggregator aggregator) implements Aggregator {

  public FilteredAggregator {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(aggregator, "aggregator");
  }

  static FilteredAggregator parse(FieldReader reader) {
    return new FilteredAggregator(reader.optionalString("name"), reader.required("filter", Filter::parse),
        reader.required("aggregator", Aggregator::parse));
  }

  @Override
  public String name() {
    return outputName != null ? outputName : aggregator.name();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("filtered");
    JsonTrees.putIfPresent(node, "name", outputName);
    node.set("filter", filter.toJson());
    node.set("aggregator", aggregator.toJson());
    return node;
  }
}
