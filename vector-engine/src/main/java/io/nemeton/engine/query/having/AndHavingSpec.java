package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Logical AND of at least one having spec. */
public record AndHavingSpec(List<HavingSpec> havingSpecs) implements HavingSpec {

  public AndHavingSpec {
    havingSpecs = List.copyOf(havingSpecs);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("and");
    final ArrayNode array = node.putArray("havingSpecs");
    for (HavingSpec spec : havingSpecs) {
      array.add(spec.toJson());
    }
    return node;
  }
}
