package io.nemeton.engine.query.limit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/**
 * Sort by {@code columns}, skip {@code offset} rows, return at most {@code limit} rows.
 *
 * @param limit the row limit, or null for none; positive when set
 */
public record DefaultLimitSpec(List<OrderByColumn> columns, int offset, Integer limit) implements LimitSpec {

  public DefaultLimitSpec {
    columns = List.copyOf(columns);
  }

  static DefaultLimitSpec parse(FieldReader reader) {
    final List<OrderByColumn> columns = reader.list("columns", OrderByColumn::parse);
    final int offset = reader.intOr("offset", 0);
    if (offset < 0) {
      throw reader.invalid("offset", "must be >= 0, got " + offset);
    }
    final Integer limit = reader.optionalInt("limit");
    if (limit != null && limit <= 0) {
      throw reader.invalid("limit", "must be > 0, got " + limit);
    }
    return new DefaultLimitSpec(columns, offset, limit);
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("default");
    final ArrayNode array = node.putArray("columns");
    for (OrderByColumn column : columns) {
      array.add(column.toJson());
    }
    node.put("offset", offset);
    JsonTrees.putIfPresent(node, "limit", limit);
    return node;
  }
}
