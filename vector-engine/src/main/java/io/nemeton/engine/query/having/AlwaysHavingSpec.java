package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Keeps every row. */
public record AlwaysHavingSpec() implements HavingSpec {

  @Override
  public ObjectNode toJson() {
    return JsonTrees.typed("always");
  }
}
