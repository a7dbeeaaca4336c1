package io.nemeton.engine.query.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.search.SearchQuerySpec;
import java.util.Objects;

/** Keeps the value when {@code query} matches it, else null. */
public record SearchQueryExtractionFn(SearchQuerySpec query) implements ExtractionFn {

  public SearchQueryExtractionFn {
    Objects.requireNonNull(query, "query");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("searchQuery");
    node.set("query", query.toJson());
    return node;
  }
}
