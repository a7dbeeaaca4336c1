package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Locale;

/**
 * A column or output type as written in Druid queries ({@code outputType}, {@code matchValueType},
 * inline {@code columnTypes}): {@code STRING}, {@code LONG}, {@code FLOAT}, {@code DOUBLE}, {@code
 * ARRAY<element>} or {@code COMPLEX<name>}. Simple names are case-insensitive on input and upper
 * case on output. Immutable and thread-safe.
 *
 * @param kind the type's kind
 * @param elementType the element type of an array, else null
 * @param complexName the name inside {@code COMPLEX<...>} (e.g. {@code json}), else null
 */
public record ValueType(Kind kind, ValueType elementType, String complexName) {

  /** The kinds of value type. */
  public enum Kind { STRING, LONG, FLOAT, DOUBLE, ARRAY, COMPLEX }

  public static final ValueType STRING = new ValueType(Kind.STRING, null, null);
  public static final ValueType LONG = new ValueType(Kind.LONG, null, null);
  public static final ValueType FLOAT = new ValueType(Kind.FLOAT, null, null);
  public static final ValueType DOUBLE = new ValueType(Kind.DOUBLE, null, null);

  public ValueType {
    if ((kind == Kind.ARRAY) != (elementType != null)) {
      throw new IllegalArgumentException("an element type goes with ARRAY and only ARRAY, got " + kind);
    }
    if ((kind == Kind.COMPLEX) != (complexName != null)) {
      throw new IllegalArgumentException("a complex name goes with COMPLEX and only COMPLEX, got " + kind);
    }
  }

  /** Reads a type from a JSON string at {@code path}. */
  public static ValueType parse(JsonNode node, String path) {
    final String text = JsonValues.text(node, path);
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(path, e.getMessage());
    }
  }

  /**
   * Parses {@code STRING}, {@code long}, {@code ARRAY<LONG>}, {@code COMPLEX<json>}, ...
   *
   * @throws IllegalArgumentException naming the text and the supported types
   */
  public static ValueType parse(String text) {
    final String trimmed = text.trim();
    final String upper = trimmed.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "STRING":
        return STRING;
      case "LONG":
        return LONG;
      case "FLOAT":
        return FLOAT;
      case "DOUBLE":
        return DOUBLE;
      default:
        break;
    }
    if (upper.startsWith("ARRAY<") && upper.endsWith(">")) {
      return new ValueType(Kind.ARRAY, parse(trimmed.substring(6, trimmed.length() - 1)), null);
    }
    if (upper.startsWith("COMPLEX<") && upper.endsWith(">") && trimmed.length() > 9) {
      return new ValueType(Kind.COMPLEX, null, trimmed.substring(8, trimmed.length() - 1));
    }
    throw new IllegalArgumentException("unknown type '" + text
        + "'; supported: STRING, LONG, FLOAT, DOUBLE, ARRAY<type>, COMPLEX<name>");
  }

  public boolean isNumeric() {
    return kind == Kind.LONG || kind == Kind.FLOAT || kind == Kind.DOUBLE;
  }

  /** Druid's canonical text: {@code STRING}, {@code ARRAY<LONG>}, {@code COMPLEX<json>}. */
  @Override
  public String toString() {
    return switch (kind) {
      case ARRAY -> "ARRAY<" + elementType + ">";
      case COMPLEX -> "COMPLEX<" + complexName + ">";
      default -> kind.name();
    };
  }
}
