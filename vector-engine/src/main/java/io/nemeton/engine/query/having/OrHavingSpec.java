package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Logical OR of at least one having spec. */
public record OrHavingSpec(List<HavingSpec> havingSpecs) implements HavingSpec {

  public OrHavingSpec {
    havingSpecs = List.copyOf(havingSpecs);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("or");
    final ArrayNode array = node.putArray("havingSpecs");
    for (HavingSpec spec : havingSpecs) {
      array.add(spec.toJson());
    }
    return node;
  }
}
