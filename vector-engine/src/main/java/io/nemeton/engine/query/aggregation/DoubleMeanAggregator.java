package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** The mean of a numeric column, as a double. */
public record DoubleMeanAggregator(String name, String fieldName) implements Aggregator {

  public DoubleMeanAggregator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("doubleMean");
    node.put("name", name);
    node.put("fieldName", fieldName);
    return node;
  }
}
