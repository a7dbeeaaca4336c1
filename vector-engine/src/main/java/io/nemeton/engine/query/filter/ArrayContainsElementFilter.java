package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Objects;

/** Rows whose array {@code column} contains {@code elementMatchValue} (null allowed). */
public record ArrayContainsElementFilter(String column, ValueType elementMatchValueType, Object elementMatchValue)
    implements Filter {

  public ArrayContainsElementFilter {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(elementMatchValueType, "elementMatchValueType");
  }

  static ArrayContainsElementFilter parse(FieldReader reader) {
    return new ArrayContainsElementFilter(reader.requiredName("column"),
        reader.required("elementMatchValueType", ValueType::parse),
        JsonValues.toJava(reader.get("elementMatchValue")));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("arrayContainsElement");
    node.put("column", column);
    node.put("elementMatchValueType", elementMatchValueType.toString());
    node.set("elementMatchValue", JsonValues.fromJava(elementMatchValue));
    return node;
  }
}
