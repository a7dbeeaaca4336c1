package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Legacy equality: {@code dimension} equals {@code value} (null matches null). */
public record SelectorFilter(String dimension, String value, ExtractionFn extractionFn) implements Filter {

  public SelectorFilter {
    Objects.requireNonNull(dimension, "dimension");
  }

  static SelectorFilter parse(FieldReader reader) {
    return new SelectorFilter(reader.requiredName("dimension"), reader.optionalString("value"),
        reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("selector");
    node.put("dimension", dimension);
    node.put("value", value);
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
