package io.nemeton.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.testing.RandomEngineQueries;
import java.util.SplittableRandom;

/**
 * Random queries of all eight types for the wire tests: the engine tests' timeseries, groupBy, topN
 * and scan queries (now and then with sketch aggregators added, whose intermediate values are
 * DataSketches sketches), and search, timeBoundary, segmentMetadata and dataSourceMetadata queries
 * over the same columns, as JSON text.
 */
final class RandomWireQueries {
  static final int TYPES = 8;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SplittableRandom random;
  private final RandomEngineQueries engineQueries;

  RandomWireQueries(SplittableRandom random) {
    this.random = random;
    this.engineQueries = new RandomEngineQueries(random);
  }

  /** A query of type {@code type % TYPES}. */
  String query(int type) {
    return switch (type % TYPES) {
      case 0 -> withSketches(engineQueries.timeseries());
      case 1 -> withSketches(engineQueries.groupBy());
      case 2 -> withSketches(engineQueries.topN());
      case 3 -> engineQueries.scan();
      case 4 -> search();
      case 5 -> timeBoundary();
      case 6 -> segmentMetadata();
      default -> "{\"queryType\":\"dataSourceMetadata\",\"dataSource\":\"random\"}";
    };
  }

  private ObjectNode read(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String withSketches(String text) {
    if (random.nextInt(3) != 0) {
      return text;
    }
    final ObjectNode query = read(text);
    final ArrayNode aggregations = (ArrayNode) query.get("aggregations");
    if (random.nextBoolean()) {
      aggregations.addObject().put("type", "HLLSketchBuild").put("name", "hll").put("fieldName", "s2");
    }
    if (random.nextBoolean()) {
      aggregations.addObject().put("type", "thetaSketch").put("name", "theta").put("fieldName", "h1");
    }
    if (random.nextBoolean()) {
      aggregations.addObject().put("type", "thetaSketch").put("name", "thetaRaw").put("fieldName", "m1")
          .put("shouldFinalize", false);
    }
    if (random.nextBoolean()) {
      aggregations.addObject().put("type", "quantilesDoublesSketch").put("name", "quantiles").put("fieldName", "d1")
          .put("k", 32);
    }
    if (random.nextBoolean()) {
      final ObjectNode cardinality = aggregations.addObject().put("type", "cardinality").put("name", "distinct")
          .put("byRow", random.nextBoolean());
      cardinality.putArray("fields").add("s1").add("l1");
    }
    return query.toString();
  }

  /** A timeseries query's intervals and filter, under another type. */
  private ObjectNode base(String type) {
    final ObjectNode source = read(engineQueries.timeseries());
    final ObjectNode query = MAPPER.createObjectNode();
    query.put("queryType", type);
    query.put("dataSource", "random");
    query.set("intervals", source.get("intervals"));
    final JsonNode filter = source.get("filter");
    if (filter != null) {
      query.set("filter", filter);
    }
    return query;
  }

  private String search() {
    final ObjectNode query = base("search");
    query.set("granularity", read(engineQueries.timeseries()).get("granularity"));
    final ArrayNode dimensions = query.putArray("searchDimensions");
    for (String dimension : new String[] {"s1", "s2", "h1", "m1", "l1"}) {
      if (random.nextBoolean()) {
        dimensions.add(dimension);
      }
    }
    query.putObject("query").put("type", "contains").put("value", new String[] {"v", "1", "", "x", "h0"}[
        random.nextInt(5)]).put("case_sensitive", random.nextBoolean());
    query.put("limit", 1 + random.nextInt(200));
    if (random.nextBoolean()) {
      query.putObject("sort").put("type", random.nextBoolean() ? "strlen" : "lexicographic");
    }
    return query.toString();
  }

  private String timeBoundary() {
    final ObjectNode query = random.nextBoolean() ? base("timeBoundary") : read("{\"queryType\":\"timeBoundary\"}");
    query.put("dataSource", "random");
    final int bound = random.nextInt(3);
    if (bound > 0) {
      query.put("bound", bound == 1 ? "minTime" : "maxTime");
    }
    return query.toString();
  }

  private String segmentMetadata() {
    final ObjectNode query = read("{\"queryType\":\"segmentMetadata\",\"dataSource\":\"random\"}");
    query.put("merge", random.nextBoolean());
    if (random.nextBoolean()) {
      final ArrayNode types = query.putArray("analysisTypes");
      for (String type : new String[] {"cardinality", "interval", "minmax", "size", "aggregators", "rollup",
          "timestampSpec", "queryGranularity"}) {
        if (random.nextBoolean()) {
          types.add(type);
        }
      }
    }
    return query.toString();
  }
}
