package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;
import java.util.Set;

/** A registered lookup read as a two-column ({@code k}, {@code v}) table. */
public record LookupDataSource(String lookupName) implements DataSource {

  public LookupDataSource {
    Objects.requireNonNull(lookupName, "lookupName");
  }

  @Override
  public Set<String> tableNames() {
    return Set.of();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("lookup");
    node.put("lookup", lookupName);
    return node;
  }
}
