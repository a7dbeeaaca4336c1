package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * The legacy approximate histogram ({@code approxHistogram} over values, {@code approxHistogramFold}
 * over histogram columns). Modelled so such queries parse; the engine may refuse to run them.
 */
public record ApproximateHistogramAggregator(
    boolean fold, String name, String fieldName, int resolution, int numBuckets, float lowerLimit,
    float upperLimit, boolean finalizeAsBase64Binary) implements Aggregator {

  public ApproximateHistogramAggregator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  static ApproximateHistogramAggregator parse(FieldReader reader, boolean fold) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.requiredName("fieldName");
    final int resolution = reader.intOr("resolution", 50);
    if (resolution <= 0) {
      throw reader.invalid("resolution", "must be > 0, got " + resolution);
    }
    final int numBuckets = reader.intOr("numBuckets", 7);
    if (numBuckets <= 1) {
      throw reader.invalid("numBuckets", "must be > 1, got " + numBuckets);
    }
    final float lower = (float) reader.doubleOr("lowerLimit", Float.NEGATIVE_INFINITY);
    final float upper = (float) reader.doubleOr("upperLimit", Float.POSITIVE_INFINITY);
    if (lower >= upper) {
      throw reader.invalid("upperLimit", "must be above lowerLimit " + lower + ", got " + upper);
    }
    return new ApproximateHistogramAggregator(fold, name, fieldName, resolution, numBuckets, lower, upper,
        reader.booleanOr("finalizeAsBase64Binary", false));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed(fold ? "approxHistogramFold" : "approxHistogram");
    node.put("name", name);
    node.put("fieldName", fieldName);
    node.put("resolution", resolution);
    node.put("numBuckets", numBuckets);
    if (lowerLimit != Float.NEGATIVE_INFINITY) {
      node.put("lowerLimit", lowerLimit);
    }
    if (upperLimit != Float.POSITIVE_INFINITY) {
      node.put("upperLimit", upperLimit);
    }
    node.put("finalizeAsBase64Binary", finalizeAsBase64Binary);
    return node;
  }
}
