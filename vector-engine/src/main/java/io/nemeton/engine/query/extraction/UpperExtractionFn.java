package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Upper-cases the value, in {@code locale} when given. */
public record UpperExtractionFn(String locale) implements ExtractionFn {

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("upper");
    JsonTrees.putIfPresent(node, "locale", locale);
    return node;
  }
}
