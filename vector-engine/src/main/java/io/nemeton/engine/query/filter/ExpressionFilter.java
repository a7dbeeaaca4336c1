package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Rows where the Druid expression {@code expression} is true (a positive number, or "true"). */
public record ExpressionFilter(String expression) implements Filter {

  public ExpressionFilter {
    Objects.requireNonNull(expression, "expression");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("expression");
    node.put("expression", expression);
    return node;
  }
}
