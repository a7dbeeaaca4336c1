package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.RegexPatterns;
import java.util.Objects;

/** Values in which the Java regular expression {@code pattern} finds a match. */
public record RegexFilter(String dimension, String pattern, ExtractionFn extractionFn) implements Filter {

  public RegexFilter {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(pattern, "pattern");
  }

  static RegexFilter parse(FieldReader reader) {
    return new RegexFilter(reader.requiredName("dimension"), RegexPatterns.required(reader, "pattern"),
        reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("regex");
    node.put("dimension", dimension);
    node.put("pattern", pattern);
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
