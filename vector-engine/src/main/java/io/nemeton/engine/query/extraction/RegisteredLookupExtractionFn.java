package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;

/** Maps the value through the registered lookup named {@code lookup}. */
public record RegisteredLookupExtractionFn(
    String lookup, boolean retainMissingValue, String replaceMissingValueWith, Boolean injective, boolean optimize)
    implements ExtractionFn {

  static RegisteredLookupExtractionFn parse(FieldReader reader) {
    final boolean retain = reader.booleanOr("retainMissingValue", false);
    final String replacement = reader.optionalString("replaceMissingValueWith");
    ExtractionFn.checkMissingValueOptions(reader, retain, replacement);
    return new RegisteredLookupExtractionFn(reader.requiredName("lookup"), retain, replacement,
        reader.optionalBoolean("injective"), reader.booleanOr("optimize", true));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("registeredLookup");
    node.put("lookup", lookup);
    node.put("retainMissingValue", retainMissingValue);
    JsonTrees.putIfPresent(node, "replaceMissingValueWith", replaceMissingValueWith);
    JsonTrees.putIfPresent(node, "injective", injective);
    node.put("optimize", optimize);
    return node;
  }
}
