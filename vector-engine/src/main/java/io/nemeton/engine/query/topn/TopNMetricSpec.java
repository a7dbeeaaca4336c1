package io.nemeton.engine.query.topn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonValues;
import java.util.List;

/**
 * How a topN query ranks dimension values: by a metric ({@code "count"} or {@code
 * {"type":"numeric","metric":"count"}}), inverted, or by the dimension value itself ({@code
 * dimension}, with the legacy {@code lexicographic} and {@code alphaNumeric} forms). Implementations
 * are immutable records.
 */
public sealed interface TopNMetricSpec permits NumericTopNMetricSpec, InvertedTopNMetricSpec, DimensionTopNMetricSpec {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("numeric", "inverted", "dimension", "lexicographic", "alphaNumeric");

  ObjectNode toJson();

  /** Reads a metric spec at {@code path}. */
  static TopNMetricSpec parse(JsonNode node, String path) {
    if (!node.isObject()) {
      final String metric = JsonValues.text(node, path);
      if (metric.isEmpty()) {
        throw new InvalidQueryException(path, "metric name must not be empty");
      }
      return new NumericTopNMetricSpec(metric);
    }
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    return switch (type) {
      case "numeric" -> new NumericTopNMetricSpec(reader.requiredName("metric"));
      case "inverted" -> new InvertedTopNMetricSpec(reader.required("metric", TopNMetricSpec::parse));
      case "dimension" -> new DimensionTopNMetricSpec(reader.optionalString("previousStop"),
          reader.has("ordering") ? reader.required("ordering", StringOrdering::parse) : StringOrdering.LEXICOGRAPHIC);
      case "lexicographic" -> new DimensionTopNMetricSpec(reader.optionalString("previousStop"), StringOrdering.LEXICOGRAPHIC);
      case "alphaNumeric" -> new DimensionTopNMetricSpec(reader.optionalString("previousStop"), StringOrdering.ALPHANUMERIC);
      default -> throw reader.unknownType("topN metric", type, TYPES);
    };
  }
}
