package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Approximate distinct count from a hyperUnique metric column (or raw values). */
public record HyperUniqueAggregator(String name, String fieldName, boolean isInputHyperUnique, boolean round)
    implements Aggregator {

  public HyperUniqueAggregator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  static HyperUniqueAggregator parse(FieldReader reader) {
    return new HyperUniqueAggregator(reader.requiredName("name"), reader.requiredName("fieldName"),
        reader.booleanOr("isInputHyperUnique", false), reader.booleanOr("round", false));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("hyperUnique");
    node.put("name", name);
    node.put("fieldName", fieldName);
    node.put("isInputHyperUnique", isInputHyperUnique);
    node.put("round", round);
    return node;
  }
}
