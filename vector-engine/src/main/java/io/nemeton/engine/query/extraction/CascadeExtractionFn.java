package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Applies {@code extractionFns} in order, each to the previous one's output. */
public record CascadeExtractionFn(List<ExtractionFn> extractionFns) implements ExtractionFn {

  public CascadeExtractionFn {
    extractionFns = List.copyOf(extractionFns);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("cascade");
    final ArrayNode functions = node.putArray("extractionFns");
    for (ExtractionFn function : extractionFns) {
      functions.add(function.toJson());
    }
    return node;
  }
}
