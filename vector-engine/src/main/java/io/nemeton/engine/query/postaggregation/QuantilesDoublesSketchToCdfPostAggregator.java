package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The cumulative distribution of a quantiles sketch at {@code splitPoints}. */
public record QuantilesDoublesSketchToCdfPostAggregator(String name, PostAggregator field, List<Double> splitPoints)
    implements PostAggregator {

  public QuantilesDoublesSketchToCdfPostAggregator {
    Objects.requireNonNull(field, "field");
    splitPoints = List.copyOf(splitPoints);
  }

  static QuantilesDoublesSketchToCdfPostAggregator parse(FieldReader reader) {
    final PostAggregator field = reader.required("field", PostAggregator::parse);
    final List<Double> splitPoints = SplitPoints.read(reader, "splitPoints");
    if (splitPoints == null || splitPoints.isEmpty()) {
      throw reader.missing("splitPoints");
    }
    return new QuantilesDoublesSketchToCdfPostAggregator(reader.optionalString("name"), field, splitPoints);
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("quantilesDoublesSketchToCDF", name);
    node.set("field", field.toJson());
    node.set("splitPoints", JsonTrees.doubles(SplitPoints.toArray(splitPoints)));
    return node;
  }
}
