package io.nemeton.engine.query.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions of JSON scalars to Java values with Jackson's lenient coercions (a number where a
 * string is expected becomes its text, {@code "12"} where a number is expected is parsed), and
 * descriptions of values for error messages. Stateless and thread-safe.
 */
public final class JsonValues {

  private static final int DESCRIBE_LIMIT = 100;

  private JsonValues() {}

  /** A short rendering of a value for an error message: JSON text, cut at 100 characters. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    final String text = node.toString();
    return text.length() <= DESCRIBE_LIMIT ? text : text.substring(0, DESCRIBE_LIMIT) + "...";
  }

  /** A short rendering of a plain Java value for an error message. */
  public static String describe(Object value) {
    return describe(fromJava(value));
  }

  /** The text of a scalar; numbers and booleans become their JSON text. */
  public static String text(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    throw new InvalidQueryException(path, "expected a string, got " + describe(node));
  }

  public static boolean bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      final String text = node.textValue();
      if (text.equalsIgnoreCase("true")) {
        return true;
      }
      if (text.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw new InvalidQueryException(path, "expected a boolean, got " + describe(node));
  }

  public static long longValue(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isFloatingPointNumber()) {
      final double value = node.doubleValue();
      if (value == Math.rint(value) && Math.abs(value) < 0x1p63) {
        return (long) value;
      }
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.textValue().trim());
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw new InvalidQueryException(path, "expected a whole number, got " + describe(node));
  }

  public static int intValue(JsonNode node, String path) {
    final long value = longValue(node, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new InvalidQueryException(path, "expected a 32-bit whole number, got " + describe(node));
    }
    return (int) value;
  }

  public static double doubleValue(JsonNode node, String path) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.textValue().trim());
      } catch (NumberFormatException ignored) {
        // reported below
      }
    }
    throw new InvalidQueryException(path, "expected a number, got " + describe(node));
  }

  /**
   * A number as Long (whole) or Double; numeric text is parsed the same way, as Jackson does for a
   * {@code Number} field.
   */
  public static Number number(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      final String text = node.textValue().trim();
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException notLong) {
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException ignored) {
          // reported below
        }
      }
    }
    throw new InvalidQueryException(path, "expected a number, got " + describe(node));
  }

  /**
   * Converts any JSON value to plain, unmodifiable Java values: String, Long, Double, Boolean, null,
   * List and Map (insertion-ordered).
   */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      final List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toJava(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isObject()) {
      final Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        map.put(field.getKey(), toJava(field.getValue()));
      }
      return Collections.unmodifiableMap(map);
    }
    return node.asText();
  }

  /** Converts plain Java values (as made by {@link #toJava}) back to JSON. */
  public static JsonNode fromJava(Object value) {
    final JsonNodeFactory factory = JsonNodeFactory.instance;
    if (value == null) {
      return factory.nullNode();
    }
    if (value instanceof String text) {
      return factory.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return factory.booleanNode(bool);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return factory.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return factory.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return factory.numberNode(decimal);
    }
    if (value instanceof Number number) {
      return factory.numberNode(number.doubleValue());
    }
    if (value instanceof List<?> list) {
      final ArrayNode array = factory.arrayNode(list.size());
      for (Object element : list) {
        array.add(fromJava(element));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      final ObjectNode object = factory.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), fromJava(entry.getValue()));
      }
      return object;
    }
    return factory.textNode(value.toString());
  }
}
