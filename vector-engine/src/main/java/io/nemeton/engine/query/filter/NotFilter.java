package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Logical NOT, three-valued: rows where {@code field} is unknown (null) match neither. */
public record NotFilter(Filter field) implements Filter {

  public NotFilter {
    Objects.requireNonNull(field, "field");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("not");
    node.set("field", field.toJson());
    return node;
  }
}
