package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.extraction.ExtractionFn;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.search.SearchQuerySpec;
import java.util.Objects;

/** Values matched by a search query spec (contains, insensitive_contains, fragment, regex). */
public record SearchFilter(String dimension, SearchQuerySpec query, ExtractionFn extractionFn) implements Filter {

  public SearchFilter {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(query, "query");
  }

  static SearchFilter parse(FieldReader reader) {
    return new SearchFilter(reader.requiredName("dimension"), reader.required("query", SearchQuerySpec::parse),
        reader.optional("extractionFn", ExtractionFn::parse));
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("search");
    node.put("dimension", dimension);
    node.set("query", query.toJson());
    if (extractionFn != null) {
      node.set("extractionFn", extractionFn.toJson());
    }
    return node;
  }
}
