package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/** The estimated distinct count of the hyperUnique aggregator {@code fieldName}. */
public record HyperUniqueCardinalityPostAggregator(String name, String fieldName) implements PostAggregator {

  public HyperUniqueCardinalityPostAggregator {
    Objects.requireNonNull(fieldName, "fieldName");
  }

  @Override
  public Set<String> dependentFields() {
    return Set.of(fieldName);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("hyperUniqueCardinality", name);
    node.put("fieldName", fieldName);
    return node;
  }
}
