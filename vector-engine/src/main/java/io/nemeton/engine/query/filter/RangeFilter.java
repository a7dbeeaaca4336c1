package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Objects;

/**
 * Typed range: {@code lower <(=) column <(=) upper}, bounds read as {@code matchValueType}. At least
 * one bound is set; bounds are plain Java values.
 */
public record RangeFilter(
    String column, ValueType matchValueType, Object lower, Object upper, boolean lowerOpen, boolean upperOpen)
    implements Filter {

  public RangeFilter {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(matchValueType, "matchValueType");
  }

  static RangeFilter parse(FieldReader reader) {
    final String column = reader.requiredName("column");
    final ValueType type = reader.required("matchValueType", ValueType::parse);
    final Object lower = JsonValues.toJava(reader.get("lower"));
    final Object upper = JsonValues.toJava(reader.get("upper"));
    if (lower == null && upper == null) {
      throw reader.invalid("lower", "lower and upper cannot both be null");
    }
    return new RangeFilter(column, type, lower, upper, reader.booleanOr("lowerOpen", false),
        reader.booleanOr("upperOpen", false));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("range");
    node.put("column", column);
    node.put("matchValueType", matchValueType.toString());
    if (lower != null) {
      node.set("lower", JsonValues.fromJava(lower));
    }
    if (upper != null) {
      node.set("upper", JsonValues.fromJava(upper));
    }
    node.put("lowerOpen", lowerOpen);
    node.put("upperOpen", upperOpen);
    return node;
  }
}
