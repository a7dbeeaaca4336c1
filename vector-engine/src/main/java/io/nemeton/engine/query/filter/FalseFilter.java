package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Matches no row. */
public record FalseFilter() implements Filter {

  @Override
  public ObjectNode toJson() {
    return JsonTrees.typed("false");
  }
}
