package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The values at several ranks (each 0 to 1) of a quantiles sketch. */
public record QuantilesDoublesSketchToQuantilesPostAggregator(String name, PostAggregator field, List<Double> fractions)
    implements PostAggregator {

  public QuantilesDoublesSketchToQuantilesPostAggregator {
    Objects.requireNonNull(field, "field");
    fractions = List.copyOf(fractions);
  }

  static QuantilesDoublesSketchToQuantilesPostAggregator parse(FieldReader reader) {
    final PostAggregator field = reader.required("field", PostAggregator::parse);
    final double[] fractions = reader.optionalDoubleArray("fractions");
    if (fractions == null || fractions.length == 0) {
      throw reader.missing("fractions");
    }
    for (int i = 0; i < fractions.length; i++) {
      if (!(fractions[i] >= 0 && fractions[i] <= 1)) {
        throw new InvalidQueryException(FieldReader.element(reader.pathOf("fractions"), i),
            "must be between 0 and 1, got " + fractions[i]);
      }
    }
    return new QuantilesDoublesSketchToQuantilesPostAggregator(reader.optionalString("name"), field,
        SplitPoints.toList(fractions));
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("quantilesDoublesSketchToQuantiles", name);
    node.set("field", field.toJson());
    node.set("fractions", JsonTrees.doubles(SplitPoints.toArray(fractions)));
    return node;
  }
}
