package io.nemeton.engine.query.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Objects;

/**
 * One sort column of a limit spec: a column name (ascending, lexicographic) or {@code
 * {"dimension","direction","dimensionOrder"}}.
 */
public record OrderByColumn(String dimension, SortDirection direction, StringOrdering dimensionOrder) {

  public OrderByColumn {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(dimensionOrder, "dimensionOrder");
  }

  /** Reads a sort column at {@code path}. */
  public static OrderByColumn parse(JsonNode node, String path) {
    if (!node.isObject()) {
      final String name = JsonValues.text(node, path);
      if (name.isEmpty()) {
        throw new InvalidQueryException(path, "column name must not be empty");
      }
      return new OrderByColumn(name, SortDirection.ASCENDING, StringOrdering.LEXICOGRAPHIC);
    }
    final FieldReader reader = FieldReader.of(node, path);
    final String dimension = reader.requiredName("dimension");
    SortDirection direction = SortDirection.ASCENDING;
    final String directionText = reader.optionalString("direction");
    if (directionText != null) {
      direction = SortDirection.fromName(directionText);
      if (direction == null) {
        throw reader.invalid("direction", "unknown direction '" + directionText + "'; supported: ascending, descending");
      }
    }
    final StringOrdering order = reader.has("dimensionOrder")
        ? reader.required("dimensionOrder", StringOrdering::parse)
        : StringOrdering.LEXICOGRAPHIC;
    return new OrderByColumn(dimension, direction, order);
  }

  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.object();
    node.put("dimension", dimension);
    node.put("direction", direction.jsonName());
    node.set("dimensionOrder", dimensionOrder.toJson());
    return node;
  }
}
