package io.nemeton.engine.query.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;

/**
 * Sorting and limiting of groupBy results. A missing {@code type} reads as {@code default}.
 * Implementations are immutable records.
 */
public sealed interface LimitSpec permits NoLimitSpec, DefaultLimitSpec {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("default", "noop");

  /** JSON, or null when there is nothing to write. */
  ObjectNode toJson();

  /** Reads a limit spec at {@code path}. */
  static LimitSpec parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.stringOr("type", "default");
    return switch (type) {
      case "default" -> DefaultLimitSpec.parse(reader);
      case "noop", "NoopLimitSpec" -> NoLimitSpec.INSTANCE;
      default -> throw reader.unknownType("limit spec", type, TYPES);
    };
  }
}
