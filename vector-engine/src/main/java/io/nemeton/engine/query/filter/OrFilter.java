package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Logical OR of at least one filter. */
public record OrFilter(List<Filter> fields) implements Filter {

  public OrFilter {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("or filter needs at least one field");
    }
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("or");
    final ArrayNode array = node.putArray("fields");
    for (Filter field : fields) {
      array.add(field.toJson());
    }
    return node;
  }
}
