package io.nemeton.engine.query.having;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * Result rows matched by a filter over the output columns.
 *
 * @param finalizeResults Druid's {@code finalize}: whether aggregates are finalized before
 *     filtering; null for the default
 */
public record FilterHavingSpec(Filter filter, Boolean finalizeResults) implements HavingSpec {

  public FilterHavingSpec {
    Objects.requireNonNull(filter, "filter");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("filter");
    node.set("filter", filter.toJson());
    JsonTrees.putIfPresent(node, "finalize", finalizeResults);
    return node;
  }
}
