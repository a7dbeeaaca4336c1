package io.nemeton.engine.query.filter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.dimension.DimensionSpec;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/** Rows where all of at least two dimensions hold the same value. */
public record ColumnComparisonFilter(List<DimensionSpec> dimensions) implements Filter {

  public ColumnComparisonFilter {
    dimensions = List.copyOf(dimensions);
  }

  static ColumnComparisonFilter parse(FieldReader reader) {
    final List<DimensionSpec> dimensions = reader.requiredList("dimensions", DimensionSpec::parse);
    if (dimensions.size() < 2) {
      throw reader.invalid("dimensions", "must list at least 2 dimensions, got " + dimensions.size());
    }
    return new ColumnComparisonFilter(dimensions);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("columnComparison");
    final ArrayNode array = node.putArray("dimensions");
    for (DimensionSpec dimension : dimensions) {
      array.add(dimension.toJson());
    }
    return node;
  }
}
