package io.nemeton.engine.query.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * Matches values containing {@code value}; {@code insensitive_contains} is this with {@code
 * caseSensitive} false.
 */
public record ContainsSearchSpec(String value, boolean caseSensitive) implements SearchQuerySpec {

  public ContainsSearchSpec {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("contains");
    node.put("value", value);
    node.put("case_sensitive", caseSensitive);
    return node;
  }
}
