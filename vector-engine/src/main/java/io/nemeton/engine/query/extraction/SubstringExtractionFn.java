package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;

/** The substring from {@code index} (0-based) of at most {@code length} characters (null: to the end). */
public record SubstringExtractionFn(int index, Integer length) implements ExtractionFn {

  static SubstringExtractionFn parse(FieldReader reader) {
    final int index = reader.requiredInt("index");
    if (index < 0) {
      throw reader.invalid("index", "must be >= 0, got " + index);
    }
    final Integer length = reader.optionalInt("length");
    if (length != null && length < 0) {
      throw reader.invalid("length", "must be >= 0, got " + length);
    }
    return new SubstringExtractionFn(index, length);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("substring");
    node.put("index", index);
    JsonTrees.putIfPresent(node, "length", length);
    return node;
  }
}
