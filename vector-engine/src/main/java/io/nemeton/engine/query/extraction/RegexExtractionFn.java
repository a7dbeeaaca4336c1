package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.RegexPatterns;

/**
 * The capture group {@code index} of the first match of {@code expr}; without a match the value
 * itself, or {@code replaceMissingValueWith} when {@code replaceMissingValue} is set.
 */
public record RegexExtractionFn(String expr, int index, boolean replaceMissingValue, String replaceMissingValueWith)
    implements ExtractionFn {

  static RegexExtractionFn parse(FieldReader reader) {
    final String expr = RegexPatterns.required(reader, "expr");
    final int index = reader.intOr("index", 1);
    if (index < 0) {
      throw reader.invalid("index", "must be >= 0, got " + index);
    }
    return new RegexExtractionFn(expr, index, reader.booleanOr("replaceMissingValue", false),
        reader.optionalString("replaceMissingValueWith"));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("regex");
    node.put("expr", expr);
    node.put("index", index);
    node.put("replaceMissingValue", replaceMissingValue);
    JsonTrees.putIfPresent(node, "replaceMissingValueWith", replaceMissingValueWith);
    return node;
  }
}
