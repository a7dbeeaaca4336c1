package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Result rows whose {@code dimension} equals {@code value} (type {@code dimSelector}). */
public record DimensionSelectorHavingSpec(String dimension, String value, ExtractionFn extractionFn)
    implements HavingSpec {

  public DimensionSelectorHavingSpec {
    Objects.requireNonNull(dimension, "dimension");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("dimSelector");
    node.put("dimension", dimension);
    node.put("value", value);
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
