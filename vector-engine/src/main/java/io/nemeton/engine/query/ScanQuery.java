package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.query.datasource.DataSource;
import io.nemeton.engine.query.filter.Filter;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import io.nemeton.engine.query.json.JsonValues;
import io.nemeton.engine.query.virtual.VirtualColumn;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scan query: raw rows, in batches.
 *
 * @param columns the columns to return; empty for all
 * @param limit the most rows, or null for no limit (Druid reads 0 as no limit too)
 * @param orderBy explicit sort columns, empty when only {@code order} (by {@code __time}) is used
 * @param legacy Druid's legacy flag, or null
 */
public record ScanQuery(
    DataSource dataSource, QueryIntervals intervals, Filter filter, List<VirtualColumn> virtualColumns,
    List<String> columns, Long limit, long offset, Order order, List<OrderBy> orderBy, ResultFormat resultFormat,
    int batchSize, Boolean legacy, QueryContext context) implements Query {

  /** Druid's default {@code batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 20480;

  /** Time order of the rows. */
  public enum Order {
    NONE,
    ASCENDING,
    DESCENDING;

    static Order parse(JsonNode node, String path) {
      final String text = JsonValues.text(node, path);
      try {
        return valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException(path, "unknown order '" + text + "'; supported: none, ascending, descending");
      }
    }

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How rows are written: as objects ({@code list}) or arrays ({@code compactedList}). */
  public enum ResultFormat {
    LIST("list"),
    COMPACTED_LIST("compactedList");

    private final String jsonName;

    ResultFormat(String jsonName) {
      this.jsonName = jsonName;
    }

    public String jsonName() {
      return jsonName;
    }
  }

  /** One explicit sort column. */
  public record OrderBy(String columnName, Order order) {

    public OrderBy {
      Objects.requireNonNull(columnName, "columnName");
      Objects.requireNonNull(order, "order");
    }

    static OrderBy parse(JsonNode node, String path) {
      final FieldReader reader = FieldReader.of(node, path);
      final Order order = reader.has("order") ? reader.required("order", Order::parse) : Order.ASCENDING;
      return new OrderBy(reader.requiredName("columnName"), order);
    }

    ObjectNode toJson() {
      final ObjectNode node = JsonTrees.object();
      node.put("columnName", columnName);
      node.put("order", order.jsonName());
      return node;
    }
  }

  public ScanQuery {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(intervals, "intervals");
    virtualColumns = List.copyOf(virtualColumns);
    columns = List.copyOf(columns);
    Objects.requireNonNull(order, "order");
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(resultFormat, "resultFormat");
    Objects.requireNonNull(context, "context");
  }

  static ScanQuery parse(FieldReader reader) {
    final DataSource dataSource = QueryParts.dataSource(reader);
    final QueryIntervals intervals = QueryParts.requiredIntervals(reader);
    final List<String> columns = reader.stringList("columns");
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).isEmpty()) {
        throw new InvalidQueryException(FieldReader.element(reader.pathOf("columns"), i), "column name must not be empty");
      }
    }
    Long limit = reader.optionalLong("limit");
    if (limit != null && limit < 0) {
      throw reader.invalid("limit", "must be >= 0, got " + limit);
    }
    if (limit != null && limit == 0) {
      limit = null;
    }
    final long offset = reader.longOr("offset", 0);
    if (offset < 0) {
      throw reader.invalid("offset", "must be >= 0, got " + offset);
    }
    final String formatText = reader.stringOr("resultFormat", "list");
    final ResultFormat format = switch (formatText) {
      case "list" -> ResultFormat.LIST;
      case "compactedList" -> ResultFormat.COMPACTED_LIST;
      default -> throw reader.invalid("resultFormat", "unknown result format '" + formatText
          + "'; supported: list, compactedList");
    };
    final int batchSize = reader.intOr("batchSize", DEFAULT_BATCH_SIZE);
    if (batchSize <= 0) {
      throw reader.invalid("batchSize", "must be > 0, got " + batchSize);
    }
    final Order order = reader.has("order") ? reader.required("order", Order::parse) : Order.NONE;
    return new ScanQuery(dataSource, intervals, QueryParts.filter(reader), QueryParts.virtualColumns(reader), columns,
        limit, offset, order, reader.list("orderBy", OrderBy::parse), format, batchSize,
        reader.optionalBoolean("legacy"), QueryParts.context(reader));
  }

  @Override
  public String queryType() {
    return "scan";
  }

  @Override
  public ScanQuery withContext(QueryContext newContext) {
    return new ScanQuery(dataSource, intervals, filter, virtualColumns, columns, limit, offset, order, orderBy,
        resultFormat, batchSize, legacy, newContext);
  }

  @Override
  public ObjectNode toJsonNode() {
    final ObjectNode node = QueryParts.start(queryType(), dataSource, intervals);
    QueryParts.putVirtualColumns(node, virtualColumns);
    QueryParts.putFilter(node, filter);
    node.set("columns", JsonTrees.strings(columns));
    JsonTrees.putIfPresent(node, "limit", limit);
    node.put("offset", offset);
    node.put("order", order.jsonName());
    if (!orderBy.isEmpty()) {
      final ArrayNode array = node.putArray("orderBy");
      for (OrderBy column : orderBy) {
        array.add(column.toJson());
      }
    }
    node.put("resultFormat", resultFormat.jsonName());
    node.put("batchSize", batchSize);
    JsonTrees.putIfPresent(node, "legacy", legacy);
    QueryParts.putContext(node, context);
    return node;
  }
}
