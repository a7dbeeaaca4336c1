package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * DataSketches quantiles sketch of a numeric column.
 *
 * @param k accuracy parameter, a power of 2 from 2 to 32768 (default 128)
 * @param maxStreamLength the most values expected, for sizing (default 1e9)
 */
public record QuantilesDoublesSketchAggregator(
    String name, String fieldName, int k, long maxStreamLength, boolean shouldFinalize) implements Aggregator {

  public QuantilesDoublesSketchAggregator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  static QuantilesDoublesSketchAggregator parse(FieldReader reader) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.requiredName("fieldName");
    final int k = reader.intOr("k", 128);
    if (k < 2 || k > 32768 || Integer.bitCount(k) != 1) {
      throw reader.invalid("k", "must be a power of 2 from 2 to 32768, got " + k);
    }
    final long maxStreamLength = reader.longOr("maxStreamLength", 1_000_000_000L);
    if (maxStreamLength <= 0) {
      throw reader.invalid("maxStreamLength", "must be > 0, got " + maxStreamLength);
    }
    return new QuantilesDoublesSketchAggregator(name, fieldName, k, maxStreamLength,
        reader.booleanOr("shouldFinalize", true));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("quantilesDoublesSketch");
    node.put("name", name);
    node.put("fieldName", fieldName);
    node.put("k", k);
    node.put("maxStreamLength", maxStreamLength);
    node.put("shouldFinalize", shouldFinalize);
    return node;
  }
}
