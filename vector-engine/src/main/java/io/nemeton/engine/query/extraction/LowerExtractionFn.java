package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Lower-cases the value, in {@code locale} when given. */
public record LowerExtractionFn(String locale) implements ExtractionFn {

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("lower");
    JsonTrees.putIfPresent(node, "locale", locale);
    return node;
  }
}
