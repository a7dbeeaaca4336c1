package io.nemeton.perf.scan;

import io.nemeton.engine.query.GroupByQuery;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.query.TimeseriesQuery;
import io.nemeton.engine.query.aggregation.Aggregator;
import io.nemeton.engine.query.dimension.DimensionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One query of the paper's scan-rate benchmark, in both dialects: the Druid native JSON that
 * Nemeton answers and the SQL that DuckDB answers, read from {@code scan/<id>.json} and {@code
 * scan/<id>.sql} on the class path so a reader sees exactly what ran. The answer of both is a
 * table whose columns are {@link #columns()}: the native query's dimension output names, then its
 * aggregator names; the SQL selects the same columns in the same order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the query's short name, e.g. {@code q4}
 * @param nativeJson the Druid native query text
 * @param query the parsed native query
 * @param sql the DuckDB query text
 * @param columns the answer's columns, in order
 * @param targetRowsPerSecond the target for Nemeton on one core, or 0 when there is none
 * @param answeredWithoutRowScan whether the query must be answered without reading any column block
 */
public record PaperQuery(String id, String nativeJson, Query query, String sql, List<String> columns,
    double targetRowsPerSecond, boolean answeredWithoutRowScan) {

  /** Every query, in the order the benchmark runs and prints them. */
  public static final List<String> IDS = List.of("q1", "q1b", "q2", "q3", "q4", "q5", "q6", "q7");

  /**
   * System property holding a JSON object of query-context entries added to every native query,
   * e.g. {@code -Dnemeton.scan.context='{"groupByLateAggregation":false}'} to measure the plain
   * group-by path.
   */
  public static final String CONTEXT_PROPERTY = "nemeton.scan.context";

  /** Reads query {@code id} (one of {@link #IDS}) from the class path. */
  public static PaperQuery load(String id) {
    checkKnown(id);
    final String nativeJson = withContext(resource(id + ".json"), System.getProperty(CONTEXT_PROPERTY));
    final Query query = QueryParser.parse(nativeJson);
    return new PaperQuery(id, nativeJson, query, resource(id + ".sql"), columnsOf(id, query), target(id),
        answeredWithoutRowScan(id));
  }

  /** {@code json} with the entries of the JSON object {@code context} added to its context. */
  static String withContext(String json, String context) {
    if (context == null || context.isBlank()) {
      return json;
    }
    try {
      final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      final com.fasterxml.jackson.databind.node.ObjectNode query =
          (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
      final com.fasterxml.jackson.databind.JsonNode extra = mapper.readTree(context);
      if (!extra.isObject()) {
        throw new IllegalArgumentException(CONTEXT_PROPERTY + "=" + context + " is not a JSON object");
      }
      final com.fasterxml.jackson.databind.JsonNode existing = query.get("context");
      final com.fasterxml.jackson.databind.node.ObjectNode target =
          existing instanceof com.fasterxml.jackson.databind.node.ObjectNode object ? object : query.putObject("context");
      target.setAll((com.fasterxml.jackson.databind.node.ObjectNode) extra);
      return mapper.writeValueAsString(query);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(CONTEXT_PROPERTY + "=" + context + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Whether query {@code id} must be answered without reading any column block: the counts. */
  public static boolean answeredWithoutRowScan(String id) {
    checkKnown(id);
    return id.equals("q1") || id.equals("q1b");
  }

  /** Reads the queries named in {@code ids}, refusing unknown names. */
  public static List<PaperQuery> loadAll(List<String> ids) {
    final List<PaperQuery> queries = new ArrayList<>(ids.size());
    for (String id : ids) {
      queries.add(load(id));
    }
    return queries;
  }

  /** Targets from the issue, rows per second on one core; the paper's DuckDB figures are in RESULTS.md. */
  static double target(String id) {
    return switch (id) {
      case "q1", "q1b", "q7" -> 0;
      case "q2" -> 1.5e9;
      case "q3" -> 5e8;
      case "q4" -> 1e8;
      case "q5" -> 6e7;
      case "q6" -> 4e7;
      default -> throw unknown(id);
    };
  }

  private static List<String> columnsOf(String id, Query query) {
    final List<String> columns = new ArrayList<>();
    final List<Aggregator> aggregators;
    if (query instanceof GroupByQuery groupBy) {
      for (DimensionSpec dimension : groupBy.dimensions()) {
        columns.add(dimension.outputName());
      }
      aggregators = groupBy.aggregations();
    } else if (query instanceof TimeseriesQuery timeseries) {
      aggregators = timeseries.aggregations();
    } else {
      throw new IllegalArgumentException("query=" + id + ": queryType=" + query.queryType()
          + " is not one the benchmark reads answers of (timeseries, groupBy)");
    }
    for (Aggregator aggregator : aggregators) {
      columns.add(aggregator.name());
    }
    return List.copyOf(columns);
  }

  private static String resource(String name) {
    final String path = "/scan/" + name;
    try (InputStream in = PaperQuery.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("resource=" + path + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("resource=" + path + ": " + e.getMessage(), e);
    }
  }

  /** The ingest spec template, with {@code ${csv}} and {@code ${maxRowsPerSegment}} to fill. */
  static String ingestSpecTemplate() {
    return resource("ingest-spec.json");
  }

  private static IllegalArgumentException unknown(String id) {
    return new IllegalArgumentException("query=" + id + " is unknown: expected one of " + String.join(",", IDS));
  }

  static void checkKnown(String id) {
    if (!IDS.contains(id)) {
      throw unknown(id);
    }
  }
}
