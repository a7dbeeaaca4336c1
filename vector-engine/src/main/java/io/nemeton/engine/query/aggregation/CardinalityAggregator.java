package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;
import java.util.Objects;

/**
 * Approximate count of distinct values (HyperLogLog) over {@code fields}, per value or, with
 * {@code byRow}, per combination of values.
 */
public record CardinalityAggregator(String name, List<DimensionSpec> fields, boolean byRow, boolean round)
    implements Aggregator {

  public CardinalityAggregator {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }

  static CardinalityAggregator parse(FieldReader reader) {
    return new CardinalityAggregator(reader.requiredName("name"), reader.requiredList("fields", DimensionSpec::parse),
        reader.booleanOr("byRow", false), reader.booleanOr("round", false));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("cardinality");
    node.put("name", name);
    final ArrayNode array = node.putArray("fields");
    for (DimensionSpec field : fields) {
      array.add(field.toJson());
    }
    node.put("byRow", byRow);
    node.put("round", round);
    return node;
  }
}
