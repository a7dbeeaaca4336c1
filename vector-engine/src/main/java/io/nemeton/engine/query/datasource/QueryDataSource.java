package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.Objects;
import java.util.Set;

/** The results of a subquery, read as a table (nested groupBy and the like). */
public record QueryDataSource(Query query) implements DataSource {

  public QueryDataSource {
    Objects.requireNonNull(query, "query");
  }

  @Override
  public Set<String> tableNames() {
    return query.dataSource().tableNames();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("query");
    node.set("query", query.toJsonNode());
    return node;
  }
}
