package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Objects;

/**
 * Typed equality: {@code column} equals {@code matchValue} read as {@code matchValueType}.
 *
 * @param matchValue a plain Java value (String, Long, Double, Boolean or List), never null
 */
public record EqualityFilter(String column, ValueType matchValueType, Object matchValue) implements Filter {

  public EqualityFilter {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(matchValueType, "matchValueType");
    Objects.requireNonNull(matchValue, "matchValue");
  }

  static EqualityFilter parse(FieldReader reader) {
    final String column = reader.requiredName("column");
    final ValueType type = reader.required("matchValueType", ValueType::parse);
    final Object value = JsonValues.toJava(reader.required("matchValue"));
    return new EqualityFilter(column, type, value);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("equals");
    node.put("column", column);
    node.put("matchValueType", matchValueType.toString());
    node.set("matchValue", JsonValues.fromJava(matchValue));
    return node;
  }
}
