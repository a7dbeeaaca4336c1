package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Logical AND of at least one filter. */
public record AndFilter(List<Filter> fields) implements Filter {

  public AndFilter {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("and filter needs at least one field");
    }
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("and");
    final ArrayNode array = node.putArray("fields");
    for (Filter field : fields) {
      array.add(field.toJson());
    }
    return node;
  }
}
