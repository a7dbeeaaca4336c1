package io.nemeton.engine.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import java.util.List;

/**
 * How a search matches a string value: used by the search query, the {@code search} filter and the
 * {@code searchQuery} extraction function. Implementations are immutable records.
 */
public sealed interface SearchQuerySpec permits ContainsSearchSpec, FragmentSearchSpec, RegexSearchSpec {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("contains", "insensitive_contains", "fragment", "regex");

  ObjectNode toJson();

  /** Reads a search query spec at {@code path}. */
  static SearchQuerySpec parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.requiredString("type");
    return switch (type) {
      case "contains" -> new ContainsSearchSpec(reader.requiredString("value"), reader.booleanOr("case_sensitive", false));
      case "insensitive_contains" -> new ContainsSearchSpec(reader.requiredString("value"), false);
      case "fragment" -> FragmentSearchSpec.parse(reader);
      case "regex" -> RegexSearchSpec.parse(reader);
      default -> throw reader.unknownType("search query", type, TYPES);
    };
  }
}
