package io.nemeton.engine.query.topn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.StringOrdering;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/**
 * Ranks by the dimension value under {@code ordering}, starting after {@code previousStop} (null:
 * from the first value), for paging.
 */
public record DimensionTopNMetricSpec(String previousStop, StringOrdering ordering) implements TopNMetricSpec {

  public DimensionTopNMetricSpec {
    Objects.requireNonNull(ordering, "ordering");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("dimension");
    JsonTrees.putIfPresent(node, "previousStop", previousStop);
    node.set("ordering", ordering.toJson());
    return node;
  }
}
