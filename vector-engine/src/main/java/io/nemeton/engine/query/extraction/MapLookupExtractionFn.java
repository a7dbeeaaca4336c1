package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the value through the inline map {@code lookup: {"type":"map","map":{...}}}. */
public record MapLookupExtractionFn(
    Map<String, String> map, boolean isOneToOne, boolean retainMissingValue, String replaceMissingValueWith,
    Boolean injective, boolean optimize) implements ExtractionFn {

  public MapLookupExtractionFn {
    map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static MapLookupExtractionFn parse(FieldReader reader) {
    final FieldReader lookup = FieldReader.of(reader.required("lookup"), reader.pathOf("lookup"));
    final String type = lookup.requiredString("type");
    if (!type.equals("map")) {
      throw lookup.unknownType("lookup", type, List.of("map"));
    }
    final JsonNode mapNode = lookup.required("map");
    if (!mapNode.isObject()) {
      throw lookup.invalid("map", "expected a JSON object, got " + JsonValues.describe(mapNode));
    }
    final Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : mapNode.properties()) {
      final JsonNode value = entry.getValue();
      map.put(entry.getKey(), value.isNull() ? null
          : JsonValues.text(value, FieldReader.join(lookup.pathOf("map"), entry.getKey())));
    }
    final boolean retain = reader.booleanOr("retainMissingValue", false);
    final String replacement = reader.optionalString("replaceMissingValueWith");
    ExtractionFn.checkMissingValueOptions(reader, retain, replacement);
    return new MapLookupExtractionFn(map, lookup.booleanOr("isOneToOne", false), retain, replacement,
        reader.optionalBoolean("injective"), reader.booleanOr("optimize", true));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("lookup");
    final ObjectNode lookup = node.putObject("lookup");
    lookup.put("type", "map");
    final ObjectNode entries = lookup.putObject("map");
    for (Map.Entry<String, String> entry : map.entrySet()) {
      entries.put(entry.getKey(), entry.getValue());
    }
    lookup.put("isOneToOne", isOneToOne);
    node.put("retainMissingValue", retainMissingValue);
    JsonTrees.putIfPresent(node, "replaceMissingValueWith", replaceMissingValueWith);
    JsonTrees.putIfPresent(node, "injective", injective);
    node.put("optimize", optimize);
    return node;
  }
}
