package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * Sum, min or max of a long, double or float input: either the column {@code fieldName} or the
 * expression {@code expression} (exactly one is set).
 */
public record NumericAggregator(Kind kind, String name, String fieldName, String expression) implements Aggregator {

  /** What is computed, in which type. */
  public enum Operation { SUM, MIN, MAX }

  /** The nine numeric aggregator types. */
  public enum Kind {
    LONG_SUM("longSum", ValueType.LONG, Operation.SUM),
    DOUBLE_SUM("doubleSum", ValueType.DOUBLE, Operation.SUM),
    FLOAT_SUM("floatSum", ValueType.FLOAT, Operation.SUM),
    LONG_MIN("longMin", ValueType.LONG, Operation.MIN),
    LONG_MAX("longMax", ValueType.LONG, Operation.MAX),
    DOUBLE_MIN("doubleMin", ValueType.DOUBLE, Operation.MIN),
    DOUBLE_MAX("doubleMax", ValueType.DOUBLE, Operation.MAX),
    FLOAT_MIN("floatMin", ValueType.FLOAT, Operation.MIN),
    FLOAT_MAX("floatMax", ValueType.FLOAT, Operation.MAX);

    private final String jsonName;
    private final ValueType type;
    private final Operation operation;

    Kind(String jsonName, ValueType type, Operation operation) {
      this.jsonName = jsonName;
      this.type = type;
      this.operation = operation;
    }

    public String jsonName() {
      return jsonName;
    }

    public ValueType type() {
      return type;
    }

    public Operation operation() {
      return operation;
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

  public NumericAggregator {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if ((fieldName == null) == (expression == null)) {
      throw new IllegalArgumentException("exactly one of fieldName and expression must be set");
    }
  }

  static NumericAggregator parse(FieldReader reader, Kind kind) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.optionalString("fieldName");
    final String expression = reader.optionalExpression("expression");
    if (fieldName == null && expression == null) {
      throw reader.missing("fieldName");
    }
    if (fieldName != null && expression != null) {
      throw reader.invalid("expression", "cannot be set together with fieldName \"" + fieldName + "\"");
    }
    return new NumericAggregator(kind, name, fieldName, expression);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed(kind.jsonName());
    node.put("name", name);
    JsonTrees.putIfPresent(node, "fieldName", fieldName);
    JsonTrees.putIfPresent(node, "expression", expression);
    return node;
  }
}
