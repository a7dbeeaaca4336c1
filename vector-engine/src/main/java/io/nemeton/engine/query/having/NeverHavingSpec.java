package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** Keeps no row. */
public record NeverHavingSpec() implements HavingSpec {

  @Override
  public ObjectNode toJson() {
    return JsonTrees.typed("never");
  }
}
