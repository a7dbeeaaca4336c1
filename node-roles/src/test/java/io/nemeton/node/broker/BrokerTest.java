package io.nemeton.node.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.engine.query.QueryErrorCode;
import io.nemeton.engine.query.QueryException;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.node.testing.ServedSegments;
import io.nemeton.node.testing.TestSegments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker over real segment files: a day segment of version v1 partly overshadowed by an hour
 * segment of version v2 must be read only outside that hour, for every query type.
 */
@ExtendWith(LeakCheckExtension.class)
class BrokerTest {
  @TempDir static Path directory;
  private static ServedSegments view;
  private static BatchEngine engine;
  private static Broker broker;

  // v1: 8 rows over the day, 3 of them in hour 0 (pages a, b, c); v2: 2 rows in hour 0 (page z).
  private static final String DAY_ROWS = """
      {"ts":"2015-09-12T00:10:00Z","page":"a","user":"u1","added":1}
      {"ts":"2015-09-12T00:20:00Z","page":"b","user":"u1","added":2}
      {"ts":"2015-09-12T00:30:00Z","page":"c","user":"u2","added":4}
      {"ts":"2015-09-12T01:00:00Z","page":"a","user":"u2","added":8}
      {"ts":"2015-09-12T05:00:00Z","page":"d","user":"u3","added":16}
      {"ts":"2015-09-12T10:00:00Z","page":"a","user":"u3","added":32}
      {"ts":"2015-09-12T20:00:00Z","page":"e","user":"u1","added":64}
      {"ts":"2015-09-12T23:59:00Z","page":"a","user":"u1","added":128}
      """;
  private static final String HOUR_ROWS = """
      {"ts":"2015-09-12T00:05:00Z","page":"z","user":"u9","added":1000}
      {"ts":"2015-09-12T00:50:00Z","page":"z","user":"u9","added":2000}
      """;

  @BeforeAll
  static void serve() throws Exception {
    view = new ServedSegments();
    for (Path file : TestSegments.ingest(directory, "wiki", "2020-01-01T00:00:00.000Z", "day", DAY_ROWS)) {
      view.add(file, 1);
    }
    for (Path file : TestSegments.ingest(directory, "wiki", "2020-02-01T00:00:00.000Z", "hour", HOUR_ROWS)) {
      view.add(file, 1);
    }
    engine = new BatchEngine(EngineConfig.defaults().withThreads(1));
    broker = new Broker(view, new EngineChoice(engine, null), 2, 0);
  }

  @AfterAll
  static void close() {
    broker.close();
    engine.close();
    view.close();
  }

  private static String run(String json) {
    return ResultJson.write(broker.run(QueryParser.parse(json)));
  }

  @Test
  void timeseriesReadsTheOldDayOnlyOutsideTheNewHour() {
    assertEquals("[{\"timestamp\":\"2015-09-12T00:05:00.000Z\",\"result\":{\"rows\":7,\"added\":3248}}]",
        run("""
            {"queryType":"timeseries","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
             "aggregations":[{"type":"count","name":"rows"},{"type":"longSum","name":"added","fieldName":"added"}]}"""));
  }

  @Test
  void hourlyTimeseriesShowsTheNewVersionInHourZero() {
    final String answer = run("""
        {"queryType":"timeseries","dataSource":"wiki","intervals":["2015-09-12T00/2015-09-12T02"],"granularity":"hour",
         "aggregations":[{"type":"longSum","name":"added","fieldName":"added"}]}""");
    assertEquals("[{\"timestamp\":\"2015-09-12T00:00:00.000Z\",\"result\":{\"added\":3000}},"
        + "{\"timestamp\":\"2015-09-12T01:00:00.000Z\",\"result\":{\"added\":8}}]", answer);
  }

  @Test
  void groupByAllStampsEveryRowAlikeAndSkipsOvershadowedRows() {
    assertEquals("[{\"version\":\"v1\",\"timestamp\":\"2015-09-12T00:00:00.000Z\",\"event\":{\"page\":\"a\",\"rows\":3}},"
        + "{\"version\":\"v1\",\"timestamp\":\"2015-09-12T00:00:00.000Z\",\"event\":{\"page\":\"d\",\"rows\":1}},"
        + "{\"version\":\"v1\",\"timestamp\":\"2015-09-12T00:00:00.000Z\",\"event\":{\"page\":\"e\",\"rows\":1}},"
        + "{\"version\":\"v1\",\"timestamp\":\"2015-09-12T00:00:00.000Z\",\"event\":{\"page\":\"z\",\"rows\":2}}]",
        run("""
            {"queryType":"groupBy","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
             "dimensions":["page"],"aggregations":[{"type":"count","name":"rows"}]}"""));
  }

  @Test
  void topNAndScanAndTimeBoundarySeeOnlyVisibleRows() {
    assertEquals("[{\"timestamp\":\"2015-09-12T00:05:00.000Z\",\"result\":[{\"page\":\"z\",\"added\":3000},"
        + "{\"page\":\"a\",\"added\":168}]}]", run("""
            {"queryType":"topN","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
             "dimension":"page","metric":"added","threshold":2,
             "aggregations":[{"type":"longSum","name":"added","fieldName":"added"}]}"""));
    final String scan = run("""
        {"queryType":"scan","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"columns":["page"],
         "resultFormat":"compactedList"}""");
    assertEquals("[{\"segmentId\":\"wiki_2015-09-12T00:00:00.000Z_2015-09-12T01:00:00.000Z_2020-02-01T00:00:00.000Z\","
        + "\"columns\":[\"page\"],\"events\":[[\"z\"],[\"z\"]]},"
        + "{\"segmentId\":\"wiki_2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z_2020-01-01T00:00:00.000Z\","
        + "\"columns\":[\"page\"],\"events\":[[\"a\"],[\"d\"],[\"a\"],[\"e\"],[\"a\"]]}]", scan);
    assertEquals("[{\"timestamp\":\"2015-09-12T00:05:00.000Z\",\"result\":{\"minTime\":\"2015-09-12T00:05:00.000Z\","
        + "\"maxTime\":\"2015-09-12T23:59:00.000Z\"}}]", run("""
            {"queryType":"timeBoundary","dataSource":"wiki"}"""));
  }

  @Test
  void unknownDatasourceAnswersLikeNoSegments() {
    assertEquals("[]", run("""
        {"queryType":"groupBy","dataSource":"nothing","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
         "dimensions":["page"],"aggregations":[{"type":"count","name":"rows"}]}"""));
    assertEquals("[]", run("""
        {"queryType":"topN","dataSource":"nothing","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
         "dimension":"page","metric":"rows","threshold":2,"aggregations":[{"type":"count","name":"rows"}]}"""));
  }

  @Test
  void schemaAndNamesComeFromServedSegments() {
    assertEquals(List.of("wiki"), broker.dataSources());
    assertEquals(List.of("page", "user"), broker.schema("wiki").dimensions());
    assertEquals(List.of("count", "added"), broker.schema("wiki").metrics());
    assertNull(broker.schema("nothing"));
  }

  @Test
  void forcedVectorizationWithoutASimdEngineIsRefused() {
    final QueryException e = assertThrows(QueryException.class, () -> run("""
        {"queryType":"timeBoundary","dataSource":"wiki","context":{"vectorize":"force"}}"""));
    assertEquals(QueryErrorCode.UNSUPPORTED_OPERATION, e.code());
  }
}
