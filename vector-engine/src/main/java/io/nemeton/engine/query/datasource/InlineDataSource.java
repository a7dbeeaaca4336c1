package io.nemeton.engine.query.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.InvalidQueryException;
import io.nemeton.engine.query.ValueType;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Rows given in the query itself.
 *
 * @param columnTypes one type per column, or null when not declared
 * @param rows one list per row, as long as {@code columnNames}, of plain Java values (nulls allowed)
 */
public record InlineDataSource(List<String> columnNames, List<ValueType> columnTypes, List<List<Object>> rows)
    implements DataSource {

  public InlineDataSource {
    columnNames = List.copyOf(columnNames);
    columnTypes = columnTypes == null ? null : List.copyOf(columnTypes);
    final List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  static InlineDataSource parse(FieldReader reader) {
    if (!reader.has("columnNames")) {
      throw reader.missing("columnNames");
    }
    final List<String> names = reader.stringList("columnNames");
    final int width = names.size();
    for (int i = 0; i < width; i++) {
      if (names.get(i).isEmpty()) {
        throw new InvalidQueryException(FieldReader.element(reader.pathOf("columnNames"), i), "must not be empty");
      }
    }
    List<ValueType> types = null;
    if (reader.has("columnTypes")) {
      types = reader.list("columnTypes", ValueType::parse);
      if (types.size() != width) {
        throw reader.invalid("columnTypes", "has " + types.size() + " types for " + width + " columns");
      }
    }
    final JsonNode rowsNode = reader.required("rows");
    final String rowsPath = reader.pathOf("rows");
    if (!rowsNode.isArray()) {
      throw new InvalidQueryException(rowsPath, "expected an array of rows, got " + JsonValues.describe(rowsNode));
    }
    final List<List<Object>> rows = new ArrayList<>(rowsNode.size());
    for (int i = 0; i < rowsNode.size(); i++) {
      final JsonNode row = rowsNode.get(i);
      final String rowPath = FieldReader.element(rowsPath, i);
      if (!row.isArray() || row.size() != width) {
        throw new InvalidQueryException(rowPath, "expected an array of " + width + " values, got " + JsonValues.describe(row));
      }
      final List<Object> values = new ArrayList<>(width);
      for (JsonNode value : row) {
        values.add(JsonValues.toJava(value));
      }
      rows.add(values);
    }
    return new InlineDataSource(names, types, rows);
  }

  @Override
  public Set<String> tableNames() {
    return Set.of();
  }

  @Override
  public ObjectNode toJson() {
    final ObjectNode node = JsonTrees.typed("inline");
    node.set("columnNames", JsonTrees.strings(columnNames));
    if (columnTypes != null) {
      final ArrayNode types = node.putArray("columnTypes");
      for (ValueType type : columnTypes) {
        types.add(type.toString());
      }
    }
    final ArrayNode array = node.putArray("rows");
    for (List<Object> row : rows) {
      array.add(JsonValues.fromJava(row));
    }
    return node;
  }

  /** Row count. */
  public int rowCount() {
    return rows.size();
  }
}
