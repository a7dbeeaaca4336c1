package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Objects;
import java.util.Set;

/** A constant number (Long or Double; numeric strings are read as numbers, as Druid does). */
public record ConstantPostAggregator(String name, Number value) implements PostAggregator {

  public ConstantPostAggregator {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public Set<String> dependentFields() {
    return Set.of();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("constant", name);
    node.set("value", JsonValues.fromJava(value));
    return node;
  }
}
