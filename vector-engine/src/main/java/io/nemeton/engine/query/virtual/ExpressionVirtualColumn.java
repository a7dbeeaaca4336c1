package io.nemeton.engine.query.virtual;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * A column whose value is a Druid expression over other columns.
 *
 * @param outputType the declared type, or null to infer it from the expression
 */
public record ExpressionVirtualColumn(String name, String expression, ValueType outputType) implements VirtualColumn {

  public ExpressionVirtualColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }

  static ExpressionVirtualColumn parse(FieldReader reader) {
    final String name = reader.requiredName("name");
    if (name.equals("__time")) {
      throw reader.invalid("name", "cannot be __time: the time column cannot be replaced");
    }
    return new ExpressionVirtualColumn(name, reader.requiredExpression("expression"),
        reader.optional("outputType", ValueType::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("expression");
    node.put("name", name);
    node.put("expression", expression);
    if (outputType != null) {
      node.put("outputType", outputType.toString());
    }
    return node;
  }
}
