package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Keeps the value when the regular expression {@code expr} finds a match in it, else null. */
public record PartialExtractionFn(String expr) implements ExtractionFn {

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("partial");
    node.put("expr", expr);
    return node;
  }
}
