package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rows of several data sources (usually tables) together. */
public record UnionDataSource(List<DataSource> dataSources) implements DataSource {

  public UnionDataSource {
    dataSources = List.copyOf(dataSources);
  }

  @Override
  public Set<String> tableNames() {
    final Set<String> names = new LinkedHashSet<>();
    for (DataSource dataSource : dataSources) {
      names.addAll(dataSource.tableNames());
    }
    return names;
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("union");
    final ArrayNode array = node.putArray("dataSources");
    for (DataSource dataSource : dataSources) {
      array.add(dataSource.toJson());
    }
    return node;
  }
}
