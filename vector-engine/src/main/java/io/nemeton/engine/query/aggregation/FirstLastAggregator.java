package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * The value of {@code fieldName} at the earliest (first) or latest (last) {@code timeColumn}.
 *
 * @param maxStringBytes for string kinds: the longest value kept, in bytes (default 1024); null
 *     for numeric kinds
 */
public record FirstLastAggregator(Kind kind, String name, String fieldName, String timeColumn, Integer maxStringBytes)
    implements Aggregator {

  /** Druid's default {@code maxStringBytes}. */
  public static final int DEFAULT_MAX_STRING_BYTES = 1024;

  /** The eight first/last aggregator types. */
  public enum Kind {
    LONG_FIRST("longFirst", ValueType.LONG, true),
    LONG_LAST("longLast", ValueType.LONG, false),
    DOUBLE_FIRST("doubleFirst", ValueType.DOUBLE, true),
    DOUBLE_LAST("doubleLast", ValueType.DOUBLE, false),
    FLOAT_FIRST("floatFirst", ValueType.FLOAT, true),
    FLOAT_LAST("floatLast", ValueType.FLOAT, false),
    STRING_FIRST("stringFirst", ValueType.STRING, true),
    STRING_LAST("stringLast", ValueType.STRING, false);

    private final String jsonName;
    private final ValueType type;
    private final boolean first;

    Kind(String jsonName, ValueType type, boolean first) {
      this.jsonName = jsonName;
      this.type = type;
      this.first = first;
    }

    public String jsonName() {
      return jsonName;
    }

    public ValueType type() {
      return type;
    }

    public boolean first() {
      return first;
    }

    static Kind fromJsonName(String name) {
      for (Kind kind : values()) {
        if (kind.jsonName.equals(name)) {
          return kind;
        }
      }
      return null;
    }
  }

  public FirstLastAggregator {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(timeColumn, "timeColumn");
  }

  static FirstLastAggregator parse(FieldReader reader, Kind kind) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.requiredName("fieldName");
    final String timeColumn = reader.stringOr("timeColumn", "__time");
    Integer maxStringBytes = null;
    if (kind.type() == ValueType.STRING) {
      maxStringBytes = reader.intOr("maxStringBytes", DEFAULT_MAX_STRING_BYTES);
      if (maxStringBytes <= 0) {
        throw reader.invalid("maxStringBytes", "must be > 0, got " + maxStringBytes);
      }
    }
    return new FirstLastAggregator(kind, name, fieldName, timeColumn, maxStringBytes);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed(kind.jsonName());
    node.put("name", name);
    node.put("fieldName", fieldName);
    node.put("timeColumn", timeColumn);
    JsonTrees.putIfPresent(node, "maxStringBytes", maxStringBytes);
    return node;
  }
}
