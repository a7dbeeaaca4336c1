package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;

/** The length of the value in UTF-16 code units. */
public record StrlenExtractionFn() implements ExtractionFn {

  @Override
  public ObjectNode toJson() {
    return JsonTrees.typed("strlen");
  }
}
