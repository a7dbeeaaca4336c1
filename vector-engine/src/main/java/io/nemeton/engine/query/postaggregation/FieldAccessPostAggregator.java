package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * The value of the aggregator (or earlier post-aggregator) {@code fieldName}: raw ({@code
 * fieldAccess}) or finalized, e.g. a sketch's estimate ({@code finalizingFieldAccess}).
 */
public record FieldAccessPostAggregator(String name, String fieldName, boolean finalizing) implements PostAggregator {

  public FieldAccessPostAggregator {
    Objects.requireNonNull(fieldName, "fieldName");
  }

  @Override
  public Set<String> dependentFields() {
    return Set.of(fieldName);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header(finalizing ? "finalizingFieldAccess" : "fieldAccess", name);
    node.put("fieldName", fieldName);
    return node;
  }
}
