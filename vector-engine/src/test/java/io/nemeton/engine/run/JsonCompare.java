package io.nemeton.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Druid's loose comparison of query results, as its integration tests compare them: numbers by
 * value (5 equals 5.0), object keys in any order, arrays in order.
 */
final class JsonCompare {
  private JsonCompare() {
  }

  static boolean looselyEqual(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return Math.abs(expected.doubleValue() - actual.doubleValue())
          <= 1e-9 * Math.max(1.0, Math.abs(expected.doubleValue()));
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
        final Map.Entry<String, JsonNode> field = fields.next();
        final JsonNode other = actual.get(field.getKey());
        if (other == null || !looselyEqual(field.getValue(), other)) {
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
        if (!looselyEqual(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }
}
