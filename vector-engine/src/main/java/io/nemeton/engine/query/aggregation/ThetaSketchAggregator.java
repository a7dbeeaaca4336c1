package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * DataSketches Theta distinct count.
 *
 * @param size nominal entries, a power of 2 of at least 16 (default 16384)
 * @param errorBoundsStdDev when set, the estimate comes with error bounds at this many standard
 *     deviations (1 to 3)
 */
public record ThetaSketchAggregator(
    String name, String fieldName, int size, boolean shouldFinalize, boolean isInputThetaSketch,
    Integer errorBoundsStdDev) implements Aggregator {

  public ThetaSketchAggregator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  static ThetaSketchAggregator parse(FieldReader reader) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.requiredName("fieldName");
    final int size = checkSize(reader, "size");
    final Integer stdDev = checkStdDev(reader, "errorBoundsStdDev");
    return new ThetaSketchAggregator(name, fieldName, size, reader.booleanOr("shouldFinalize", true),
        reader.booleanOr("isInputThetaSketch", false), stdDev);
  }

  /** Reads a theta {@code size}: a power of 2, at least 16, default 16384. */
  public static int checkSize(FieldReader reader, String field) {
    final int size = reader.intOr(field, 16384);
    if (size < 16 || Integer.bitCount(size) != 1) {
      throw reader.invalid(field, "must be a power of 2 and at least 16, got " + size);
    }
    return size;
  }

  /** Reads an optional {@code errorBoundsStdDev}: 1, 2 or 3. */
  public static Integer checkStdDev(FieldReader reader, String field) {
    final Integer stdDev = reader.optionalInt(field);
    if (stdDev != null && (stdDev < 1 || stdDev > 3)) {
      throw reader.invalid(field, "must be 1, 2 or 3, got " + stdDev);
    }
    return stdDev;
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("thetaSketch");
    node.put("name", name);
    node.put("fieldName", fieldName);
    node.put("size", size);
    node.put("shouldFinalize", shouldFinalize);
    node.put("isInputThetaSketch", isInputThetaSketch);
    JsonTrees.putIfPresent(node, "errorBoundsStdDev", errorBoundsStdDev);
    return node;
  }
}
