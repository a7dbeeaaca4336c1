package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Matches every row. */
public record TrueFilter() implements Filter {

  @Override
  public ObjectNode toJson() {
    return JsonTrees.typed("true");
  }
}
