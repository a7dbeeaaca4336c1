package io.nemeton.engine.query.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.expression.ExpressionSyntaxException;
import io.nemeton.engine.query.InvalidQueryException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the fields of one JSON object of a query, knowing its path in the query, so every error
 * names the field: {@code aggregations[0].name: required field is missing}. JSON {@code null} reads
 * as absent. Unknown fields are ignored, as Druid ignores them.
 *
 * <p>Not thread-safe (cheap to create per object); holds no state beyond the node and its path.
 */
public final class FieldReader {

  private final ObjectNode node;
  private final String path;

  private FieldReader(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Wraps a JSON object; anything else is an error at {@code path}. */
  public static FieldReader of(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new InvalidQueryException(path, "required value is missing");
    }
    if (!node.isObject()) {
      throw new InvalidQueryException(path, "expected a JSON object, got " + JsonValues.describe(node));
    }
    return new FieldReader((ObjectNode) node, path);
  }

  /** The path of a field under {@code path}: {@code a.b}, or just {@code b} at the root. */
  public static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The path of an array element: {@code fields[3]}. */
  public static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  public String path() {
    return path;
  }

  public ObjectNode node() {
    return node;
  }

  public String pathOf(String field) {
    return join(path, field);
  }

  /** The field's value, or null when it is absent or JSON null. */
  public JsonNode get(String field) {
    final JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public boolean has(String field) {
    return get(field) != null;
  }

  public InvalidQueryException missing(String field) {
    return new InvalidQueryException(pathOf(field), "required field is missing");
  }

  public InvalidQueryException invalid(String field, String problem) {
    return new InvalidQueryException(pathOf(field), problem);
  }

  /** The error for an unknown {@code type}: names the value and lists what is supported. */
  public InvalidQueryException unknownType(String what, String type, List<String> supported) {
    return invalid("type", "unknown " + what + " type '" + type + "'; supported: " + String.join(", ", supported));
  }

  public JsonNode required(String field) {
    final JsonNode value = get(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  public String requiredString(String field) {
    return JsonValues.text(required(field), pathOf(field));
  }

  /** A required string that must not be empty. */
  public String requiredName(String field) {
    final String value = requiredString(field);
    if (value.isEmpty()) {
      throw invalid(field, "must not be empty");
    }
    return value;
  }

  public String optionalString(String field) {
    final JsonNode value = get(field);
    return value == null ? null : JsonValues.text(value, pathOf(field));
  }

  public String stringOr(String field, String fallback) {
    final String value = optionalString(field);
    return value == null ? fallback : value;
  }

  public Boolean optionalBoolean(String field) {
    final JsonNode value = get(field);
    return value == null ? null : JsonValues.bool(value, pathOf(field));
  }

  public boolean booleanOr(String field, boolean fallback) {
    final Boolean value = optionalBoolean(field);
    return value == null ? fallback : value;
  }

  public Integer optionalInt(String field) {
    final JsonNode value = get(field);
    return value == null ? null : JsonValues.intValue(value, pathOf(field));
  }

  public int intOr(String field, int fallback) {
    final Integer value = optionalInt(field);
    return value == null ? fallback : value;
  }

  public int requiredInt(String field) {
    return JsonValues.intValue(required(field), pathOf(field));
  }

  public Long optionalLong(String field) {
    final JsonNode value = get(field);
    return value == null ? null : JsonValues.longValue(value, pathOf(field));
  }

  public long longOr(String field, long fallback) {
    final Long value = optionalLong(field);
    return value == null ? fallback : value;
  }

  public Double optionalDouble(String field) {
    final JsonNode value = get(field);
    return value == null ? null : JsonValues.doubleValue(value, pathOf(field));
  }

  public double doubleOr(String field, double fallback) {
    final Double value = optionalDouble(field);
    return value == null ? fallback : value;
  }

  public Number requiredNumber(String field) {
    return JsonValues.number(required(field), pathOf(field));
  }

  /** A list of strings; absent gives an empty list; a null element is an error at its index. */
  public List<String> stringList(String field) {
    return strings(field, false);
  }

  /** A list of strings that may hold nulls (e.g. the values of an {@code in} filter). */
  public List<String> nullableStringList(String field) {
    return strings(field, true);
  }

  private List<String> strings(String field, boolean nullsAllowed) {
    final JsonNode value = get(field);
    if (value == null) {
      return List.of();
    }
    final String listPath = pathOf(field);
    if (!value.isArray()) {
      throw new InvalidQueryException(listPath, "expected an array of strings, got " + JsonValues.describe(value));
    }
    final List<String> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      final JsonNode element = value.get(i);
      if (element.isNull() && nullsAllowed) {
        result.add(null);
      } else {
        result.add(JsonValues.text(element, element(listPath, i)));
      }
    }
    return Collections.unmodifiableList(result);
  }

  /** A list of doubles; absent gives null. */
  public double[] optionalDoubleArray(String field) {
    final JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    final String listPath = pathOf(field);
    if (!value.isArray()) {
      throw new InvalidQueryException(listPath, "expected an array of numbers, got " + JsonValues.describe(value));
    }
    final double[] result = new double[value.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = JsonValues.doubleValue(value.get(i), element(listPath, i));
    }
    return result;
  }

  /** A list parsed element by element; absent gives an empty list. */
  public <T> List<T> list(String field, ElementParser<T> parser) {
    final JsonNode value = get(field);
    return value == null ? List.of() : parseList(value, pathOf(field), parser);
  }

  /** A list that must be present and non-empty. */
  public <T> List<T> requiredList(String field, ElementParser<T> parser) {
    final List<T> result = parseList(required(field), pathOf(field), parser);
    if (result.isEmpty()) {
      throw invalid(field, "must not be empty");
    }
    return result;
  }

  /** Parses a JSON array at {@code path}. */
  public static <T> List<T> parseList(JsonNode value, String path, ElementParser<T> parser) {
    if (!value.isArray()) {
      throw new InvalidQueryException(path, "expected an array, got " + JsonValues.describe(value));
    }
    final List<T> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      result.add(parser.parse(value.get(i), element(path, i)));
    }
    return List.copyOf(result);
  }

  public <T> T required(String field, ElementParser<T> parser) {
    return parser.parse(required(field), pathOf(field));
  }

  public <T> T optional(String field, ElementParser<T> parser) {
    final JsonNode value = get(field);
    return value == null ? null : parser.parse(value, pathOf(field));
  }

  /** A Druid expression string, checked for syntax. */
  public String requiredExpression(String field) {
    return checkExpression(field, requiredString(field));
  }

  public String optionalExpression(String field) {
    final String expression = optionalString(field);
    return expression == null ? null : checkExpression(field, expression);
  }

  private String checkExpression(String field, String expression) {
    try {
      ExpressionParser.parse(expression);
      return expression;
    } catch (ExpressionSyntaxException e) {
      throw invalid(field, "invalid expression " + JsonValues.describe((Object) expression) + ": " + e.getMessage());
    }
  }
}
