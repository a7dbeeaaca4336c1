package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/** The distinct-count estimate of an HLL sketch, optionally rounded. */
public record HllSketchEstimatePostAggregator(String name, PostAggregator field, boolean round)
    implements PostAggregator {

  public HllSketchEstimatePostAggregator {
    Objects.requireNonNull(field, "field");
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("HLLSketchEstimate", name);
    node.set("field", field.toJson());
    node.put("round", round);
    return node;
  }
}
