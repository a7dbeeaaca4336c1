package io.nemeton.engine.query.postaggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A post-aggregator: a value computed from a result row's aggregates. Implementations are immutable
 * records. Nested post-aggregators (inside arithmetic or sketch operations) may have no name;
 * top-level ones always do.
 */
public sealed interface PostAggregator
    permits ArithmeticPostAggregator, FieldAccessPostAggregator, ConstantPostAggregator,
        GreatestLeastPostAggregator, HyperUniqueCardinalityPostAggregator, ExpressionPostAggregator,
        HllSketchEstimatePostAggregator, HllSketchEstimateWithBoundsPostAggregator, HllSketchUnionPostAggregator,
        ThetaSketchEstimatePostAggregator, ThetaSketchSetOpPostAggregator, QuantilesDoublesSketchToQuantilePostAggregator,
        QuantilesDoublesSketchToQuantilesPostAggregator, QuantilesDoublesSketchToHistogramPostAggregator,
        QuantilesDoublesSketchToCdfPostAggregator {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("arithmetic", "fieldAccess", "finalizingFieldAccess", "constant", "doubleGreatest",
      "doubleLeast", "longGreatest", "longLeast", "hyperUniqueCardinality", "expression", "HLLSketchEstimate",
      "HLLSketchEstimateWithBounds", "HLLSketchUnion", "thetaSketchEstimate", "thetaSketchSetOp",
      "quantilesDoublesSketchToQuantile", "quantilesDoublesSketchToQuantiles", "quantilesDoublesSketchToHistogram",
      "quantilesDoublesSketchToCDF");

  /** The output name, or null for an unnamed nested post-aggregator. */
  String name();

  /** The aggregator and post-aggregator names this one reads. */
  Set<String> dependentFields();

  ObjectNode toJson();

  /** Reads a post-aggregator at {@code path}. */
  static PostAggregator parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    final GreatestLeastPostAggregator.Kind greatestLeast = GreatestLeastPostAggregator.Kind.fromJsonName(type);
    if (greatestLeast != null) {
      return new GreatestLeastPostAggregator(greatestLeast, reader.optionalString("name"),
          reader.requiredList("fields", PostAggregator::parse));
    }
    return switch (type) {
      case "arithmetic" -> ArithmeticPostAggregator.parse(reader);
      case "fieldAccess" -> new FieldAccessPostAggregator(reader.optionalString("name"), reader.requiredName("fieldName"), false);
      case "finalizingFieldAccess" ->
          new FieldAccessPostAggregator(reader.optionalString("name"), reader.requiredName("fieldName"), true);
      case "constant" -> new ConstantPostAggregator(reader.optionalString("name"), reader.requiredNumber("value"));
      case "hyperUniqueCardinality" ->
          new HyperUniqueCardinalityPostAggregator(reader.optionalString("name"), reader.requiredName("fieldName"));
      case "expression" -> ExpressionPostAggregator.parse(reader);
      case "HLLSketchEstimate" -> new HllSketchEstimatePostAggregator(reader.optionalString("name"),
          reader.required("field", PostAggregator::parse), reader.booleanOr("round", false));
      case "HLLSketchEstimateWithBounds" -> HllSketchEstimateWithBoundsPostAggregator.parse(reader);
      case "HLLSketchUnion" -> HllSketchUnionPostAggregator.parse(reader);
      case "thetaSketchEstimate" -> ThetaSketchEstimatePostAggregator.parse(reader);
      case "thetaSketchSetOp" -> ThetaSketchSetOpPostAggregator.parse(reader);
      case "quantilesDoublesSketchToQuantile" -> QuantilesDoublesSketchToQuantilePostAggregator.parse(reader);
      case "quantilesDoublesSketchToQuantiles" -> QuantilesDoublesSketchToQuantilesPostAggregator.parse(reader);
      case "quantilesDoublesSketchToHistogram" -> QuantilesDoublesSketchToHistogramPostAggregator.parse(reader);
      case "quantilesDoublesSketchToCDF" -> QuantilesDoublesSketchToCdfPostAggregator.parse(reader);
      default -> throw reader.unknownType("post-aggregator", type, TYPES);
    };
  }

  /** The union of the dependent fields of several post-aggregators. */
  static Set<String> dependentFieldsOf(List<PostAggregator> fields) {
    final Set<String> names = new LinkedHashSet<>();
    for (PostAggregator field : fields) {
      names.addAll(field.dependentFields());
    }
    return names;
  }

  /** A JSON array of post-aggregators. */
  static ArrayNode toJsonArray(List<PostAggregator> fields) {
    final ArrayNode array = JsonTrees.array();
    for (PostAggregator field : fields) {
      array.add(field.toJson());
    }
    return array;
  }

  /** A new JSON object with the type and, when set, the name. */
  static ObjectNode header(String type, String name) {
    final ObjectNode node = JsonTrees.typed(type);
    JsonTrees.putIfPresent(node, "name", name);
    return node;
  }

  /** Checks that a nested post-aggregator list has at least two fields, as Druid requires. */
  static void checkAtLeastTwo(FieldReader reader, List<PostAggregator> fields) {
    if (fields.size() < 2) {
      throw reader.invalid("fields", "must have more than one field, got " + fields.size());
    }
  }
}
