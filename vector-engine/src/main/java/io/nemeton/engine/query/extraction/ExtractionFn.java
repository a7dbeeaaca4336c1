package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.RegexPatterns;
import io.nemeton.engine.query.search.SearchQuerySpec;
import java.util.List;

/**
 * A legacy extraction function, applied to a dimension value before grouping or filtering.
 * Implementations are immutable records.
 */
public sealed interface ExtractionFn
    permits TimeFormatExtractionFn, SubstringExtractionFn, RegexExtractionFn, StrlenExtractionFn,
        UpperExtractionFn, LowerExtractionFn, CascadeExtractionFn, PartialExtractionFn,
        SearchQueryExtractionFn, RegisteredLookupExtractionFn, MapLookupExtractionFn {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("timeFormat", "substring", "regex", "strlen", "upper", "lower", "cascade",
      "partial", "searchQuery", "registeredLookup", "lookup");

  ObjectNode toJson();

  /** Reads an extraction function at {@code path}. */
  static ExtractionFn parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    return switch (type) {
      case "timeFormat" -> TimeFormatExtractionFn.parse(reader);
      case "substring" -> SubstringExtractionFn.parse(reader);
      case "regex" -> RegexExtractionFn.parse(reader);
      case "strlen" -> new StrlenExtractionFn();
      case "upper" -> new UpperExtractionFn(reader.optionalString("locale"));
      case "lower" -> new LowerExtractionFn(reader.optionalString("locale"));
      case "cascade" -> new CascadeExtractionFn(reader.requiredList("extractionFns", ExtractionFn::parse));
      case "partial" -> new PartialExtractionFn(RegexPatterns.required(reader, "expr"));
      case "searchQuery" -> new SearchQueryExtractionFn(reader.required("query", SearchQuerySpec::parse));
      case "registeredLookup" -> RegisteredLookupExtractionFn.parse(reader);
      case "lookup" -> MapLookupExtractionFn.parse(reader);
      default -> throw reader.unknownType("extraction function", type, TYPES);
    };
  }

  /** Druid refuses a replacement for missing values when missing values are retained. */
  static void checkMissingValueOptions(FieldReader reader, boolean retainMissingValue, String replaceMissingValueWith) {
    if (retainMissingValue && replaceMissingValueWith != null && !replaceMissingValueWith.isEmpty()) {
      throw reader.invalid("replaceMissingValueWith",
          "cannot be set together with retainMissingValue=true, got \"" + replaceMissingValueWith + "\"");
    }
  }
}
