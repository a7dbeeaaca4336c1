package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;

/** A condition on groupBy result rows. Implementations are immutable records. */
public sealed interface HavingSpec
    permits ComparisonHavingSpec, AndHavingSpec, OrHavingSpec, NotHavingSpec, FilterHavingSpec,
        DimensionSelectorHavingSpec, AlwaysHavingSpec, NeverHavingSpec {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("greaterThan", "lessThan", "equalTo", "and", "or", "not", "filter",
      "dimSelector", "always", "never");

  ObjectNode toJson();

  /** Reads a having spec at {@code path}. */
  static HavingSpec parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    return switch (type) {
      case "greaterThan" -> ComparisonHavingSpec.parse(reader, ComparisonHavingSpec.Comparison.GREATER_THAN);
      case "lessThan" -> ComparisonHavingSpec.parse(reader, ComparisonHavingSpec.Comparison.LESS_THAN);
      case "equalTo" -> ComparisonHavingSpec.parse(reader, ComparisonHavingSpec.Comparison.EQUAL_TO);
      case "and" -> new AndHavingSpec(reader.requiredList("havingSpecs", HavingSpec::parse));
      case "or" -> new OrHavingSpec(reader.requiredList("havingSpecs", HavingSpec::parse));
      case "not" -> new NotHavingSpec(reader.required("havingSpec", HavingSpec::parse));
      case "filter" -> new FilterHavingSpec(reader.required("filter", Filter::parse), reader.optionalBoolean("finalize"));
      case "dimSelector" -> new DimensionSelectorHavingSpec(reader.requiredName("dimension"),
          reader.optionalString("value"), reader.optional("extractionFn", ExtractionFn::parse));
      case "always" -> new AlwaysHavingSpec();
      case "never" -> new NeverHavingSpec();
      default -> throw reader.unknownType("having spec", type, TYPES);
    };
  }
}
