package io.nemeton.engine.query.virtual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;

/** A column computed at query time. Implementations are immutable records. */
public sealed interface VirtualColumn permits ExpressionVirtualColumn {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("expression");

  /** The column's name, as referenced by the rest of the query. */
  String name();

  ObjectNode toJson();

  /** Reads a virtual column at {@code path}. */
  static VirtualColumn parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    if (!type.equals("expression")) {
      throw reader.unknownType("virtual column", type, TYPES);
    }
    return ExpressionVirtualColumn.parse(reader);
  }
}
