package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Objects;

/** {@code aggregation} compared with a number: greaterThan, lessThan or equalTo. */
public record ComparisonHavingSpec(Comparison comparison, String aggregation, Number value) implements HavingSpec {

  /** The three comparisons, with their JSON type names. */
  public enum Comparison {
    GREATER_THAN("greaterThan"),
    LESS_THAN("lessThan"),
    EQUAL_TO("equalTo");

    private final String jsonName;

    Comparison(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  public ComparisonHavingSpec {
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(value, "value");
  }

  static ComparisonHavingSpec parse(FieldReader reader, Comparison comparison) {
    return new ComparisonHavingSpec(comparison, reader.requiredName("aggregation"), reader.requiredNumber("value"));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed(comparison.jsonName());
    node.put("aggregation", aggregation);
    node.set("value", JsonValues.fromJava(value));
    return node;
  }
}
