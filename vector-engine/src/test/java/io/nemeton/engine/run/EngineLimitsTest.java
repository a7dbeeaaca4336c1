package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.RandomData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Resource limits, refused inputs, configuration checks and parallel runs. */
class EngineLimitsTest {
  private static final String GROUP_BY_HIGH = "{\"queryType\":\"groupBy\",\"dataSource\":\"random\","
      + "\"intervals\":[\"2019/2021\"],\"granularity\":\"all\",\"dimensions\":[\"s2\",\"l1\"],"
      + "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}]}";

  private static List<QueryableSegment> heap(RandomData.Dataset dataset) {
    final List<QueryableSegment> segments = new ArrayList<>();
    dataset.segments().forEach(segment -> segments.add(QueryableSegment.of(segment)));
    return segments;
  }

  private static RandomData.Dataset nonEmpty() {
    for (long seed = 1; ; seed++) {
      final RandomData.Dataset dataset = RandomData.dataset(new SplittableRandom(seed));
      if (dataset.rows().stream().mapToInt(List::size).sum() > 1000) {
        return dataset;
      }
    }
  }

  @Test
  void groupByPastTheGroupLimitFailsWithAResourceError() {
    final List<QueryableSegment> segments = heap(nonEmpty());
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2).withMaxGroupByBytes(500))) {
      final QueryException error = assertThrows(QueryException.class,
          () -> engine.run(QueryParser.parse(GROUP_BY_HIGH), segments));
      assertEquals(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, error.code());
      assertTrue(error.getMessage().contains("maxGroupByBytes=500"), error.getMessage());
    }
  }

  @Test
  void aQueryPastItsTimeoutFailsWithATimeoutError() {
    final List<QueryableSegment> segments = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      segments.addAll(heap(nonEmpty()));
    }
    final Query query = QueryParser.parse(GROUP_BY_HIGH.replace("\"granularity\":\"all\"",
        "\"granularity\":\"all\",\"context\":{\"timeout\":1,\"vectorSize\":1}"));
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final QueryException error = assertThrows(QueryException.class, () -> engine.run(query, segments));
      assertEquals(QueryErrorCode.QUERY_TIMEOUT, error.code());
      assertTrue(error.getMessage().startsWith("query timed out after timeout=1 ms"), error.getMessage());
    }
  }

  @Test
  void parallelRunsEqualOneThreadRuns() {
    final List<QueryableSegment> segments = heap(nonEmpty());
    final Query query = QueryParser.parse(GROUP_BY_HIGH);
    try (BatchEngine one = new BatchEngine(EngineConfig.defaults().withThreads(1));
        BatchEngine four = new BatchEngine(EngineConfig.defaults().withThreads(4))) {
      final String expected = ResultJson.write(one.run(query, segments));
      for (int run = 0; run < 5; run++) {
        assertEquals(expected, ResultJson.write(four.run(query, segments)));
      }
    }
  }

  @Test
  void dataSourcesOtherThanTablesAreRefusedByName() {
    final Query query = QueryParser.parse("{\"queryType\":\"timeseries\",\"intervals\":[\"2019/2021\"],"
        + "\"dataSource\":{\"type\":\"lookup\",\"lookup\":\"countries\"},\"granularity\":\"all\","
        + "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"}]}");
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final QueryException error = assertThrows(QueryException.class, () -> engine.run(query, List.of()));
      assertEquals(QueryErrorCode.UNSUPPORTED_OPERATION, error.code());
      assertTrue(error.getMessage().contains("LookupDataSource"), error.getMessage());
    }
  }

  @Test
  void configRefusesBadValuesNamingThem() {
    final IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
        () -> new EngineConfig(0, 512, 10, 10));
    assertEquals("engine threads=0 must be >= 1", threads.getMessage());
    final IllegalArgumentException groups = assertThrows(IllegalArgumentException.class,
        () -> new EngineConfig(1, 512, 10, 0));
    assertEquals("engine maxGroupByBytes=0 must be >= 1", groups.getMessage());
  }

  @Test
  void unsupportedAggregatorsAreRefusedByName() {
    final Query query = QueryParser.parse("{\"queryType\":\"timeseries\",\"dataSource\":\"random\","
        + "\"intervals\":[\"2019/2021\"],\"granularity\":\"all\","
        + "\"aggregations\":[{\"type\":\"approxHistogram\",\"name\":\"h\",\"fieldName\":\"l1\"}]}");
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      final QueryException error = assertThrows(QueryException.class,
          () -> engine.run(query, heap(nonEmpty())));
      assertEquals("aggregator type 'approxHistogram' is not supported by this engine", error.getMessage());
    }
  }
}
