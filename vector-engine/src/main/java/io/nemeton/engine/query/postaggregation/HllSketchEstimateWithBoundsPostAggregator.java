package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.Objects;
import java.util.Set;

/** An HLL sketch's estimate with lower and upper bounds at {@code numStdDev} (1 to 3) deviations. */
public record HllSketchEstimateWithBoundsPostAggregator(String name, PostAggregator field, int numStdDev)
    implements PostAggregator {

  public HllSketchEstimateWithBoundsPostAggregator {
    Objects.requireNonNull(field, "field");
  }

  static HllSketchEstimateWithBoundsPostAggregator parse(FieldReader reader) {
    final PostAggregator field = reader.required("field", PostAggregator::parse);
    final int numStdDev = reader.intOr("numStdDev", 1);
    if (numStdDev < 1 || numStdDev > 3) {
      throw reader.invalid("numStdDev", "must be 1, 2 or 3, got " + numStdDev);
    }
    return new HllSketchEstimateWithBoundsPostAggregator(reader.optionalString("name"), field, numStdDev);
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("HLLSketchEstimateWithBounds", name);
    node.set("field", field.toJson());
    node.put("numStdDev", numStdDev);
    return node;
  }
}
