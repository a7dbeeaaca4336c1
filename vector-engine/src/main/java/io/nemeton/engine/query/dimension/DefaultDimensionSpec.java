package io.nemeton.engine.query.dimension;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** A column read as is, under {@code outputName}, as {@code outputType}. */
public record DefaultDimensionSpec(String dimension, String outputName, ValueType outputType) implements DimensionSpec {

  public DefaultDimensionSpec {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(outputName, "outputName");
    Objects.requireNonNull(outputType, "outputType");
  }

  /** A string dimension whose output name is its column name. */
  public static DefaultDimensionSpec of(String dimension) {
    return new DefaultDimensionSpec(dimension, dimension, ValueType.STRING);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("default");
    node.put("dimension", dimension);
    node.put("outputName", outputName);
    node.put("outputType", outputType.toString());
    return node;
  }
}
