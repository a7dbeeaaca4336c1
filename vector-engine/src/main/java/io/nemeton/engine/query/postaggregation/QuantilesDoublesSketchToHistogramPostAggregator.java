package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A histogram from a quantiles sketch: counts between {@code splitPoints}, or over {@code numBins}
 * equal bins between the sketch's min and max (default 10 bins when neither is set).
 */
public record QuantilesDoublesSketchToHistogramPostAggregator(
    String name, PostAggregator field, List<Double> splitPoints, Integer numBins) implements PostAggregator {

  public QuantilesDoublesSketchToHistogramPostAggregator {
    Objects.requireNonNull(field, "field");
    splitPoints = splitPoints == null ? null : List.copyOf(splitPoints);
  }

  static QuantilesDoublesSketchToHistogramPostAggregator parse(FieldReader reader) {
    final PostAggregator field = reader.required("field", PostAggregator::parse);
    final List<Double> splitPoints = SplitPoints.read(reader, "splitPoints");
    final Integer numBins = reader.optionalInt("numBins");
    if (splitPoints != null && numBins != null) {
      throw reader.invalid("numBins", "cannot be set together with splitPoints");
    }
    if (numBins != null && numBins < 1) {
      throw reader.invalid("numBins", "must be > 0, got " + numBins);
    }
    return new QuantilesDoublesSketchToHistogramPostAggregator(reader.optionalString("name"), field, splitPoints, numBins);
  }

  @Override
  public Set<String> dependentFields() {
    return field.dependentFields();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = PostAggregator.header("quantilesDoublesSketchToHistogram", name);
    node.set("field", field.toJson());
    if (splitPoints != null) {
      node.set("splitPoints", JsonTrees.doubles(SplitPoints.toArray(splitPoints)));
    }
    JsonTrees.putIfPresent(node, "numBins", numBins);
    return node;
  }
}
