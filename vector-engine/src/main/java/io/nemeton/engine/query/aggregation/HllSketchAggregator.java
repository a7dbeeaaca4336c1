package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;
import java.util.Objects;

/**
 * DataSketches HLL distinct count: {@code HLLSketchBuild} over raw values, {@code HLLSketchMerge}
 * over sketch columns.
 *
 * @param lgK log2 of the sketch size, 4 to 21 (default 12)
 * @param tgtHllType HLL_4, HLL_6 or HLL_8 (default HLL_4)
 * @param stringEncoding utf16le (default) or utf8: how strings are hashed
 */
public record HllSketchAggregator(
    boolean merge, String name, String fieldName, int lgK, String tgtHllType, String stringEncoding,
    boolean shouldFinalize, boolean round) implements Aggregator {

  /** The HLL sketch types. */
  public static final List<String> HLL_TYPES = List.of("HLL_4", "HLL_6", "HLL_8");

  public HllSketchAggregator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(tgtHllType, "tgtHllType");
    Objects.requireNonNull(stringEncoding, "stringEncoding");
  }

  static HllSketchAggregator parse(FieldReader reader, boolean merge) {
    final String name = reader.requiredName("name");
    final String fieldName = reader.requiredName("fieldName");
    final int lgK = checkLgK(reader, "lgK");
    final String type = checkHllType(reader, "tgtHllType");
    final String encoding = reader.stringOr("stringEncoding", "utf16le");
    if (!encoding.equals("utf16le") && !encoding.equals("utf8")) {
      throw reader.invalid("stringEncoding", "unknown encoding '" + encoding + "'; supported: utf16le, utf8");
    }
    return new HllSketchAggregator(merge, name, fieldName, lgK, type, encoding,
        reader.booleanOr("shouldFinalize", true), reader.booleanOr("round", false));
  }

  /** Reads an {@code lgK} field: 4 to 21, default 12. */
  public static int checkLgK(FieldReader reader, String field) {
    final int lgK = reader.intOr(field, 12);
    if (lgK < 4 || lgK > 21) {
      throw reader.invalid(field, "must be between 4 and 21, got " + lgK);
    }
    return lgK;
  }

  /** Reads a {@code tgtHllType} field: HLL_4 (default), HLL_6 or HLL_8. */
  public static String checkHllType(FieldReader reader, String field) {
    final String type = reader.stringOr(field, "HLL_4");
    if (!HLL_TYPES.contains(type)) {
      throw reader.invalid(field, "unknown HLL type '" + type + "'; supported: HLL_4, HLL_6, HLL_8");
    }
    return type;
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed(merge ? "HLLSketchMerge" : "HLLSketchBuild");
    node.put("name", name);
    node.put("fieldName", fieldName);
    node.put("lgK", lgK);
    node.put("tgtHllType", tgtHllType);
    node.put("stringEncoding", stringEncoding);
    node.put("shouldFinalize", shouldFinalize);
    node.put("round", round);
    return node;
  }
}
