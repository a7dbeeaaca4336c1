package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.expression.ExpressionParser;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;
import java.util.Set;

/**
 * A Druid expression over the row's aggregates and earlier post-aggregators.
 *
 * @param ordering null or {@code numericFirst}
 * @param outputType the declared type, or null to infer it
 */
public record ExpressionPostAggregator(String name, String expression, String ordering, ValueType outputType)
    implements PostAggregator {

  public ExpressionPostAggregator {
    Objects.requireNonNull(expression, "expression");
  }

  static ExpressionPostAggregator parse(FieldReader reader) {
    final String expression = reader.requiredExpression("expression");
    final String ordering = reader.optionalString("ordering");
    if (ordering != null && !ordering.equals("numericFirst")) {
      throw reader.invalid("ordering", "unknown ordering '" + ordering + "'; supported: numericFirst");
    }
    return new ExpressionPostAggregator(reader.optionalString("name"), expression, ordering,
        reader.optional("outputType", ValueType::parse));
  }

  @Override
  public Set<String> dependentFields() {
    return ExpressionParser.parse(expression).requiredBindings();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("expression", name);
    node.put("expression", expression);
    JsonTrees.putIfPresent(node, "ordering", ordering);
    if (outputType != null) {
      node.put("outputType", outputType.toString());
    }
    return node;
  }
}
