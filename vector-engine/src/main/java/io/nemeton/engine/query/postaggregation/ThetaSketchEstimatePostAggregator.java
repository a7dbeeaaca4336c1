package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.aggregation.ThetaSketchAggregator;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;
import java.util.Set;

/** The estimate of a theta sketch, with error bounds when {@code errorBoundsStdDev} is set. */
public record ThetaSketchEstimatePostAggregator(String name, PostAggregator field, Integer errorBoundsStdDev)
    implements PostAggregator {

  public ThetaSketchEstimatePostAggregator {
    Objects.requireNonNull(field, "field");
  }

  static ThetaSketchEstimatePostAggregator parse(FieldReader reader) {
    return new ThetaSketchEstimatePostAggregator(reader.optionalString("name"),
        reader.required("field", PostAggregator::parse), ThetaSketchAggregator.checkStdDev(reader, "errorBoundsStdDev"));
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("thetaSketchEstimate", name);
    node.set("field", field.toJson());
    JsonTrees.putIfPresent(node, "errorBoundsStdDev", errorBoundsStdDev);
    return node;
  }
}
