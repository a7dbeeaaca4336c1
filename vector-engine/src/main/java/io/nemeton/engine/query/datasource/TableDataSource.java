package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;
import java.util.Set;

/** A datasource (table) by name. */
public record TableDataSource(String name) implements DataSource {

  public TableDataSource {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public Set<String> tableNames() {
    return Set.of(name);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("table");
    node.put("name", name);
    return node;
  }
}
