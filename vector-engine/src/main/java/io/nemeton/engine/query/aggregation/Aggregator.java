package io.nemeton.engine.query.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregator of a native query ({@code aggregations[]}). Implementations are immutable records;
 * every one has an output {@link #name()}.
 */
public sealed interface Aggregator
    permits CountAggregator, NumericAggregator, DoubleMeanAggregator, FirstLastAggregator, AnyAggregator,
        FilteredAggregator, CardinalityAggregator, HyperUniqueAggregator, HllSketchAggregator,
        ThetaSketchAggregator, QuantilesDoublesSketchAggregator, ApproximateHistogramAggregator {

  /** The type names accepted in queries. */
  List<String> TYPES = types();

  /** The output column name. */
  String name();

  ObjectNode toJson();

  /** Reads an aggregator at {@code path}. */
  static Aggregator parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    final NumericAggregator.Kind numeric = NumericAggregator.Kind.fromJsonName(type);
    if (numeric != null) {
      return NumericAggregator.parse(reader, numeric);
    }
    final FirstLastAggregator.Kind firstLast = FirstLastAggregator.Kind.fromJsonName(type);
    if (firstLast != null) {
      return FirstLastAggregator.parse(reader, firstLast);
    }
    final AnyAggregator.Kind any = AnyAggregator.Kind.fromJsonName(type);
    if (any != null) {
      return AnyAggregator.parse(reader, any);
    }
    return switch (type) {
      case "count" -> new CountAggregator(reader.requiredName("name"));
      case "doubleMean" -> new DoubleMeanAggregator(reader.requiredName("name"), reader.requiredName("fieldName"));
      case "filtered" -> FilteredAggregator.parse(reader);
      case "cardinality" -> CardinalityAggregator.parse(reader);
      case "hyperUnique" -> HyperUniqueAggregator.parse(reader);
      case "HLLSketchBuild" -> HllSketchAggregator.parse(reader, false);
      case "HLLSketchMerge" -> HllSketchAggregator.parse(reader, true);
      case "thetaSketch" -> ThetaSketchAggregator.parse(reader);
      case "quantilesDoublesSketch" -> QuantilesDoublesSketchAggregator.parse(reader);
      case "approxHistogram" -> ApproximateHistogramAggregator.parse(reader, false);
      case "approxHistogramFold" -> ApproximateHistogramAggregator.parse(reader, true);
      default -> throw reader.unknownType("aggregator", type, TYPES);
    };
  }

  private static List<String> types() {
    final List<String> types = new ArrayList<>();
    types.add("count");
    for (NumericAggregator.Kind kind : NumericAggregator.Kind.values()) {
      types.add(kind.jsonName());
    }
    types.add("doubleMean");
    for (FirstLastAggregator.Kind kind : FirstLastAggregator.Kind.values()) {
      types.add(kind.jsonName());
    }
    for (AnyAggregator.Kind kind : AnyAggregator.Kind.values()) {
      types.add(kind.jsonName());
    }
    types.addAll(List.of("filtered", "cardinality", "hyperUnique", "HLLSketchBuild", "HLLSketchMerge",
        "thetaSketch", "quantilesDoublesSketch", "approxHistogram", "approxHistogramFold"));
    return List.copyOf(types);
  }
}
