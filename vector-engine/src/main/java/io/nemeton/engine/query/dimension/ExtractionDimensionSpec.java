package io.nemeton.engine.query.dimension;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** A column passed through {@code extractionFn}, under {@code outputName}, as {@code outputType}. */
public record ExtractionDimensionSpec(
    String dimension, String outputName, ValueType outputType, ExtractionFn extractionFn) implements DimensionSpec {

  public ExtractionDimensionSpec {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(outputName, "outputName");
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(extractionFn, "extractionFn");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("extraction");
    node.put("dimension", dimension);
    node.put("outputName", outputName);
    node.put("outputType", outputType.toString());
    node.set("extractionFn", extractionFn.toJson());
    return node;
  }
}
