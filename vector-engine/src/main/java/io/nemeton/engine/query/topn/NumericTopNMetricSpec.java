package io.nemeton.engine.query.topn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;

/** Ranks by an aggregator or post-aggregator, highest first. */
public record NumericTopNMetricSpec(String metric) implements TopNMetricSpec {

  public NumericTopNMetricSpec {
    Objects.requireNonNull(metric, "metric");
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("numeric");
    node.put("metric", metric);
    return node;
  }
}
