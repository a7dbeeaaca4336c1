package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * Any one value of {@code fieldName}.
 *
 * @param maxStringBytes for {@code stringAny}: the longest value kept in bytes; else null
 * @param aggregateMultipleValues for {@code stringAny}: whether a multi-value row yields the whole
 *     array (true) or its first value; else null
 */
public record AnyAggregator(
    Kind kind, String name, String fieldName, Integer maxStringBytes, Boolean aggregateMultipleValues)
    implements Aggregator {

  /** The four any aggregator types. */
  public enum Kind {
    LONG_ANY("longAny", ValueType.LONG),
    DOUBLE_ANY("doubleAny", ValueType.DOUBLE),
    FLOAT_ANY("floatAny", ValueType.FLOAT),
    STRING_ANY("stringAny", ValueType.STRING);

    private final String jsonName;
    private final ValueType type;

    Kind(String jsonName, ValueType type) {
      this.jsonName = jsonName;
      this.type = type;
    }

    public String jsonName() {
      return jsonName;
    }

    public ValueType type() {
      return type;
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

  public AnyAggregator {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  static AnyAggregator parse(FieldReader reader, Kind kind) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.requiredName("fieldName");
    if (kind != Kind.STRING_ANY) {
      return new AnyAggregator(kind, name, fieldName, null, null);
    }
    final int maxStringBytes = reader.intOr("maxStringBytes", FirstLastAggregator.DEFAULT_MAX_STRING_BYTES);
    if (maxStringBytes <= 0) {
      throw reader.invalid("maxStringBytes", "must be > 0, got " + maxStringBytes);
    }
    return new AnyAggregator(kind, name, fieldName, maxStringBytes, reader.booleanOr("aggregateMultipleValues", true));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed(kind.jsonName());
    node.put("name", name);
    node.put("fieldName", fieldName);
    JsonTrees.putIfPresent(node, "maxStringBytes", maxStringBytes);
    JsonTrees.putIfPresent(node, "aggregateMultipleValues", aggregateMultipleValues);
    return node;
  }
}
