package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Rows where {@code column} is null. */
public record NullFilter(String column) implements Filter {

  public NullFilter {
    Objects.requireNonNull(column, "column");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("null");
    node.put("column", column);
    return node;
  }
}
