package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.Objects;
import java.util.Set;

/** The value at rank {@code fraction} (0 to 1) of a quantiles sketch. */
public record QuantilesDoublesSketchToQuantilePostAggregator(String name, PostAggregator field, double fraction)
    implements PostAggregator {

  public QuantilesDoublesSketchToQuantilePostAggregator {
    Objects.requireNonNull(field, "field");
  }

  static QuantilesDoublesSketchToQuantilePostAggregator parse(FieldReader reader) {
    final PostAggregator field = reader.required("field", PostAggregator::parse);
    if (!reader.has("fraction")) {
      throw reader.missing("fraction");
    }
    final double fraction = reader.doubleOr("fraction", 0);
    if (!(fraction >= 0 && fraction <= 1)) {
      throw reader.invalid("fraction", "must be between 0 and 1, got " + fraction);
    }
    return new QuantilesDoublesSketchToQuantilePostAggregator(reader.optionalString("name"), field, fraction);
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("quantilesDoublesSketchToQuantile", name);
    node.set("field", field.toJson());
    node.put("fraction", fraction);
    return node;
  }
}
