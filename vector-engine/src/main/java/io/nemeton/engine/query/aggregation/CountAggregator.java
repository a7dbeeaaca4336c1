package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Counts rows (0 over no rows, never null). */
public record CountAggregator(String name) implements Aggregator {

  public CountAggregator {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("count");
    node.put("name", name);
    return node;
  }
}
