package io.nemeton.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.nemeton.engine.query.json.FieldReader;
import io.nemeton.engine.query.json.JsonTrees;
import java.util.List;

/**
 * Entry point: parses a Druid native query from JSON into a validated {@link Query}. Every problem
 * is an {@link InvalidQueryException} naming the field by its path (e.g. {@code
 * dataSource.query.aggregations[0].name}) and the offending value; unknown {@code queryType}s and
 * {@code type}s list what is supported. Unknown fields are ignored, as in Druid. Stateless and
 * thread-safe.
 */
public final class QueryParser {

  /** The query types understood. */
  public static final List<String> QUERY_TYPES = List.of(
      "timeseries", "topN", "groupBy", "scan", "search", "timeBoundary", "segmentMetadata", "dataSourceMetadata");

  private QueryParser() {}

  /** Parses query JSON text. */
  public static Query parse(String json) {
    return parse(JsonTrees.read(json), "");
  }

  /** Parses a query JSON tree found at {@code path} ("" for a top-level query). */
  public static Query parse(JsonNode node, String path) {
    final FieldReader reader = FieldReader.of(node, path);
    final String queryType = reader.requiredString("queryType");
    return switch (queryType) {
      case "timeseries" -> TimeseriesQuery.parse(reader);
      case "topN" -> TopNQuery.parse(reader);
      case "groupBy" -> GroupByQuery.parse(reader);
      case "scan" -> ScanQuery.parse(reader);
      case "search" -> SearchQuery.parse(reader);
      case "timeBoundary" -> TimeBoundaryQuery.parse(reader);
      case "segmentMetadata" -> SegmentMetadataQuery.parse(reader);
      case "dataSourceMetadata" -> DataSourceMetadataQuery.parse(reader);
      default -> throw reader.invalid("queryType",
          "unknown query type '" + queryType + "'; supported: " + String.join(", ", QUERY_TYPES));
    };
  }
}
