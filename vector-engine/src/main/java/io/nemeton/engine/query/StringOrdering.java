package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.Locale;

/**
 * How string values are ordered (Druid's string comparators): used by bound filters, limit specs,
 * topN dimension metrics and search sorts. Written in queries as a name or {@code {"type": name}},
 * case-insensitive.
 */
public enum StringOrdering {
  LEXICOGRAPHIC("lexicographic"),
  ALPHANUMERIC("alphanumeric"),
  NUMERIC("numeric"),
  STRLEN("strlen"),
  VERSION("version"),
  NATURAL("natural");

  private final String jsonName;

  StringOrdering(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** Reads {@code "numeric"} or {@code {"type":"numeric"}} at {@code path}. */
  public static StringOrdering parse(JsonNode node, String path) {
    final String name;
    final String namePath;
    if (node.isObject()) {
      final FieldReader reader = FieldReader.of(node, path);
      name = reader.requiredString("type");
      namePath = reader.pathOf("type");
    } else {
      name = JsonValues.text(node, path);
      namePath = path;
    }
    final StringOrdering ordering = fromName(name);
    if (ordering == null) {
      throw new InvalidQueryException(namePath, "unknown ordering '" + name
          + "'; supported: lexicographic, alphanumeric, numeric, strlen, version, natural");
    }
    return ordering;
  }

  /** The ordering with this name (case-insensitive), or null. */
  public static StringOrdering fromName(String name) {
    final String lower = name.toLowerCase(Locale.ROOT);
    for (StringOrdering ordering : values()) {
      if (ordering.jsonName.equals(lower)) {
        return ordering;
      }
    }
    return null;
  }

  /** {@code {"type": name}}, the form Druid writes. */
  public JsonNode toJson() {
    return JsonTrees.typed(jsonName);
  }
}
