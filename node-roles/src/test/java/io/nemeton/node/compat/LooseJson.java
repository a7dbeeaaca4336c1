package io.nemeton.node.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Result comparison as Druid's integration tests do it: numbers equal by value (5 and 5.0 are the
 * same, with a relative tolerance of 1e-9 for doubles printed through different paths), object
 * keys in any order, array elements in order, everything else exactly. Stateless.
 */
final class LooseJson {
  private LooseJson() {}

  static boolean same(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      final double want = expected.doubleValue();
      return Math.abs(want - actual.doubleValue()) <= 1e-9 * Math.max(1.0, Math.abs(want));
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        final Map.Entry<String, JsonNode> field = it.next();
        final JsonNode other = actual.get(field.getKey());
        if (other == null || !same(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!same(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }
}
