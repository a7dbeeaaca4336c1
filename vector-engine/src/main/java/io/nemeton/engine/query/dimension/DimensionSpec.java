package io.nemeton.engine.query.dimension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonValues;
import java.util.List;

/**
 * A dimension to group or search on: a column name (which is also the output name), {@code
 * {"type":"default","dimension","outputName","outputType"}} (the type may be omitted), or {@code
 * {"type":"extraction", ... ,"extractionFn"}}. Implementations are immutable records.
 */
public sealed interface DimensionSpec permits DefaultDimensionSpec, ExtractionDimensionSpec {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("default", "extraction");

  /** The input column. */
  String dimension();

  /** The name of the output column. */
  String outputName();

  /** The type the value is returned as. */
  ValueType outputType();

  ObjectNode toJson();

  /** Reads a dimension spec at {@code path}. */
  static DimensionSpec parse(JsonNode node, String path) {
    if (!node.isObject()) {
      final String name = JsonValues.text(node, path);
      if (name.isEmpty()) {
        throw new InvalidQueryException(path, "dimension name must not be empty");
      }
      return new DefaultDimensionSpec(name, name, ValueType.STRING);
    }
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.stringOr("type", "default");
    final String dimension = reader.requiredName("dimension");
    final String outputName = reader.stringOr("outputName", dimension);
    final ValueType outputType = reader.has("outputType")
        ? reader.required("outputType", ValueType::parse)
        : ValueType.STRING;
    return switch (type) {
      case "default" -> new DefaultDimensionSpec(dimension, outputName, outputType);
      case "extraction" -> new ExtractionDimensionSpec(dimension, outputName, outputType,
          reader.has("extractionFn")
              ? reader.required("extractionFn", ExtractionFn::parse)
              : reader.required("dimExtractionFn", ExtractionFn::parse));
      default -> throw reader.unknownType("dimension spec", type, TYPES);
    };
  }
}
