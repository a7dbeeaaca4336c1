package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonValues;
import java.util.List;
import java.util.Set;

/**
 * What a query reads: a table (a name, or {@code {"type":"table","name"}}; an object without a
 * type but with a name is a table too), a subquery, inline rows, a lookup, a union or a join.
 * Implementations are immutable records.
 */
public sealed interface DataSource
    permits TableDataSource, QueryDataSource, InlineDataSource, LookupDataSource, UnionDataSource, JoinDataSource {

  /** The type names accepted in queries. */
  List<String> TYPES = List.of("table", "query", "inline", "lookup", "union", "join");

  /** The names of all tables this data source reads, directly or through subqueries. */
  Set<String> tableNames();

  ObjectNode toJson();

  /** Reads a data source at {@code path}. */
  static DataSource parse(JsonNode node, String path) {
    if (!node.isObject()) {
      final String name = JsonValues.text(node, path);
      if (name.isEmpty()) {
        throw new InvalidQueryException(path, "table name must not be empty");
      }
      return new TableDataSource(name);
    }
    final FieldReader reader = FieldReader.of(node, path);
    final String type = reader.stringOr("type", "table");
    return switch (type) {
      case "table" -> new TableDataSource(reader.requiredName("name"));
      case "query" -> new QueryDataSource(QueryParser.parse(reader.required("query"), reader.pathOf("query")));
      case "inline" -> InlineDataSource.parse(reader);
      case "lookup" -> new LookupDataSource(reader.requiredName("lookup"));
      case "union" -> new UnionDataSource(reader.requiredList("dataSources", DataSource::parse));
      case "join" -> JoinDataSource.parse(reader);
      default -> throw reader.unknownType("data source", type, TYPES);
    };
  }
}
