package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** SQL LIKE: {@code %} and {@code _} wildcards, with an optional one-character {@code escape}. */
public record LikeFilter(String dimension, String pattern, String escape, ExtractionFn extractionFn)
    implements Filter {

  public LikeFilter {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(pattern, "pattern");
  }

  static LikeFilter parse(FieldReader reader) {
    final String dimension = reader.requiredName("dimension");
    final String pattern = reader.requiredString("pattern");
    final String escape = reader.optionalString("escape");
    if (escape != null && escape.length() != 1) {
      throw reader.invalid("escape", "must be a single character, got \"" + escape + "\"");
    }
    return new LikeFilter(dimension, pattern, escape, reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("like");
    node.put("dimension", dimension);
    node.put("pattern", pattern);
    JsonTrees.putIfPresent(node, "escape", escape);
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
