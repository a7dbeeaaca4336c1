package io.nemeton.engine.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.run.PartialResult;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.TestColumn;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dictionary-group path of groupBy (cells kept per segment, k-way merge over the sorted
 * dictionaries, bounded top-K) against the general path on the same data: the same query with
 * {@code having: always} (which the dictionary path never takes) must give the same answer, byte
 * for byte, over 1-3 segments with many tied groups, null strings and null metrics, on heap and
 * mapped storage. Seeded; prints the seed on failure.
 */
@ExtendWith(LeakCheckExtension.class)
class DictionaryGroupsLimitTest {
  private static final long START_MS = 1_577_836_800_000L;
  private static final String[] METRICS = {"c", "sumL", "minL", "maxD", "sumF", "sumD"};

  @TempDir
  Path directory;

  @Test
  void answersEqualTheGeneralPath() {
    final long seed = Long.getLong("nemeton.test.seed", System.nanoTime());
    final SplittableRandom random = new SplittableRandom(seed);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1))) {
      for (int dataset = 0; dataset < 6; dataset++) {
        final List<ColumnarSegment> built = segments(random, dataset % 3 == 2);
        for (TestSegments.Storage storage : TestSegments.Storage.values()) {
          final List<QueryableSegment> segments = TestSegments.open(built, storage, directory);
          try {
            for (int q = 0; q < 12; q++) {
              final String query = query(random);
              final String where = "seed=" + seed + " dataset=" + dataset + " storage=" + storage + " query=" + query;
              final String fast = ResultJson.write(engine.run(QueryParser.parse(query), segments));
              final String general = ResultJson.write(engine.run(QueryParser.parse(
                  query.replace("\"granularity\"", "\"having\":{\"type\":\"always\"},\"granularity\"")), segments));
              assertEquals(general, fast, where);
            }
            assertKeptDense(engine, segments);
          } finally {
            TestSegments.closeAll(segments);
          }
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed=" + seed + ": " + e.getMessage(), e);
    }
  }

  /** Partials of a plain string dimension with cell aggregators stay dictionary groups when merged. */
  private static void assertKeptDense(BatchEngine engine, List<QueryableSegment> segments) {
    final Query query = QueryParser.parse(query(new SplittableRandom(1)));
    final List<PartialResult> partials = new ArrayList<>();
    for (QueryableSegment segment : segments) {
      partials.add(engine.runSegment(query, segment));
    }
    final GroupByEnginePartial merged = (GroupByEnginePartial) engine.merge(query, partials);
    assertNotNull(merged.dictionaryParts(), "merged partial keeps its dictionary groups");
  }

  @Test
  void cellsPastTheBytesBoundFailWithAResourceError() {
    // one segment: a failed query does not wait for the scans of other segments still running,
    // whose key tables are freed only when they end (after this test's leak check)
    final List<ColumnarSegment> built = segments(new SplittableRandom(7), false).subList(0, 1);
    final List<QueryableSegment> segments = TestSegments.open(built, TestSegments.Storage.HEAP, directory);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1).withMaxGroupByBytes(4096))) {
      final QueryException error = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
          () -> engine.run(QueryParser.parse(query(new SplittableRandom(3))), segments));
      assertEquals(QueryErrorCode.RESOURCE_LIMIT_EXCEEDED, error.code());
      assertTrue(error.getMessage().contains("maxGroupByBytes=4096"), error.getMessage());
    } finally {
      TestSegments.closeAll(segments);
    }
  }

  @Test
  void aValueAboveTheSurrogatesSendsTheQueryToTheGeneralPath() {
    final List<Map<String, Object>> rows = new ArrayList<>();
    for (String value : new String[] {"a\uFFFD", "a\uD83D\uDE00", "b"}) {
      final Map<String, Object> row = new HashMap<>();
      row.put("__time", START_MS);
      row.put("h", value);
      rows.add(row);
    }
    final ColumnarSegment built = TestSegments.build(info(0), List.of(TestColumn.string("h")), rows);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1));
        QueryableSegment segment = QueryableSegment.of(built)) {
      final List<Object> answer = engine.run(QueryParser.parse("{\"queryType\":\"groupBy\","
          + "\"dataSource\":\"t\",\"intervals\":[\"2019/2021\"],\"granularity\":\"all\",\"dimensions\":[\"h\"],"
          + "\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}],\"limitSpec\":{\"type\":\"default\","
          + "\"limit\":2,\"columns\":[{\"dimension\":\"c\",\"direction\":\"ascending\"}]}}"), List.of(segment));
      // code point order: U+1F600 is above U+FFFD, though its UTF-16 surrogates sort below it
      final List<Object> values = new ArrayList<>();
      for (Object row : answer) {
        values.add(((Map<?, ?>) ((Map<?, ?>) row).get("event")).get("h"));
      }
      assertEquals(List.of("a\uFFFD", "a\uD83D\uDE00"), values);
    }
  }

  private static SegmentInfo info(int partition) {
    return new SegmentInfo("t", START_MS, START_MS + 86_400_000L, "v1", partition, Map.of());
  }

  private static List<ColumnarSegment> segments(SplittableRandom random, boolean nullableMetrics) {
    final List<ColumnarSegment> segments = new ArrayList<>();
    final int count = 1 + random.nextInt(3);
    for (int s = 0; s < count; s++) {
      final int rowCount = 1 + random.nextInt(3000);
      final int distinct = 1 + random.nextInt(rowCount);
      final List<Map<String, Object>> rows = new ArrayList<>();
      for (int r = 0; r < rowCount; r++) {
        final Map<String, Object> row = new HashMap<>();
        row.put("__time", START_MS + random.nextInt(86_400_000));
        row.put("h", random.nextInt(50) == 0 ? null : String.format("h%05d", random.nextInt(distinct)));
        row.put("l", nullableMetrics && random.nextInt(3) == 0 ? null : (long) random.nextInt(7) - 3);
        row.put("d", nullableMetrics && random.nextInt(3) == 0 ? null : (random.nextInt(9) - 4) / 4.0);
        row.put("f", nullableMetrics && random.nextInt(3) == 0 ? null : (float) ((random.nextInt(9) - 4) / 4.0));
        rows.add(row);
      }
      segments.add(TestSegments.build(info(s), List.of(TestColumn.string("h"), TestColumn.longs("l"),
          TestColumn.doubles("d"), TestColumn.floats("f")), rows));
    }
    return segments;
  }

  private static String query(SplittableRandom random) {
    final String metric = METRICS[random.nextInt(METRICS.length)];
    return "{\"queryType\":\"groupBy\",\"dataSource\":\"t\",\"intervals\":[\"2019/2021\"],\"granularity\":\"all\","
        + "\"dimensions\":[\"h\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},"
        + "{\"type\":\"longSum\",\"name\":\"sumL\",\"fieldName\":\"l\"},"
        + "{\"type\":\"longMin\",\"name\":\"minL\",\"fieldName\":\"l\"},"
        + "{\"type\":\"doubleMax\",\"name\":\"maxD\",\"fieldName\":\"d\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"sumD\",\"fieldName\":\"d\"},"
        + "{\"type\":\"floatSum\",\"name\":\"sumF\",\"fieldName\":\"f\"}],"
        + "\"limitSpec\":{\"type\":\"default\",\"limit\":" + (1 + random.nextInt(40)) + ",\"offset\":"
        + random.nextInt(3) + ",\"columns\":[{\"dimension\":\"" + metric + "\",\"direction\":\""
        + (random.nextBoolean() ? "ascending" : "descending") + "\"}]}}";
  }
}
