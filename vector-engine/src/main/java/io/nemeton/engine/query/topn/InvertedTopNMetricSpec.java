package io.nemeton.engine.query.topn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** The reverse order of {@code metric}. */
public record InvertedTopNMetricSpec(TopNMetricSpec metric) implements TopNMetricSpec {

  public InvertedTopNMetricSpec {
    Objects.requireNonNull(metric, "metric");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("inverted");
    node.set("metric", metric.toJson());
    return node;
  }
}
