package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Logical NOT of a having spec. */
public record NotHavingSpec(HavingSpec havingSpec) implements HavingSpec {

  public NotHavingSpec {
    Objects.requireNonNull(havingSpec, "havingSpec");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("not");
    node.set("havingSpec", havingSpec.toJson());
    return node;
  }
}
