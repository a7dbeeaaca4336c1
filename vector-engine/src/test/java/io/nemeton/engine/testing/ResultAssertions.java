package io.nemeton.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares answer JSON trees: the same shape, key order ignored, integers exactly, and numbers
 * with a fraction within a relative 1e-6 (sums of doubles and floats may add in another order).
 * An integer never equals a number with a fraction: a long sum answered as a double is wrong.
 */
public final class ResultAssertions {
  private ResultAssertions() {
  }

  /** Null when equal, else the path of the first difference and both values. */
  public static String difference(JsonNode expected, JsonNode actual, String path) {
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isIntegralNumber() != actual.isIntegralNumber()) {
        return path + ": expected " + expected + " actual " + actual + " (integer vs fraction)";
      }
      if (expected.isIntegralNumber()) {
        return expected.longValue() == actual.longValue() ? null : path + ": expected " + expected + " actual " + actual;
      }
      final double a = expected.doubleValue();
      final double b = actual.doubleValue();
      return Math.abs(a - b) <= 1e-6 * Math.max(1.0, Math.abs(a)) ? null
          : path + ": expected " + expected + " actual " + actual;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return path + ": expected keys " + fieldNames(expected) + " actual " + fieldNames(actual);
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
        final Map.Entry<String, JsonNode> field = fields.next();
        final JsonNode other = actual.get(field.getKey());
        if (other == null) {
          return path + ": missing key " + field.getKey();
        }
        final String difference = difference(field.getValue(), other, path + "." + field.getKey());
        if (difference != null) {
          return difference;
        }
      }
      return null;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return path + ": expected " + expected.size() + " elements, actual " + actual.size();
      }
      for (int i = 0; i < expected.size(); i++) {
        final String difference = difference(expected.get(i), actual.get(i), path + "[" + i + "]");
        if (difference != null) {
          return difference;
        }
      }
      return null;
    }
    return expected.equals(actual) ? null : path + ": expected " + expected + " actual " + actual;
  }

  private static String fieldNames(JsonNode node) {
    final StringBuilder names = new StringBuilder();
    node.fieldNames().forEachRemaining(name -> names.append(name).append(' '));
    return names.toString().trim();
  }
}
