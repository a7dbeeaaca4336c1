package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.ScanScratch;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.engine.testing.TestThreads;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query type closes its segment scans, so their scratch goes back to the thread's {@link
 * ScanScratch} and the next scan on that thread reuses it. These tests check that nothing a query
 * returns (a partial merged later, a row, a group, a bound) still reads scratch once given back:
 * queries of all types interleaved on the same threads, with partials held across other queries,
 * always give the answers they give alone; and each type gives back every array it takes.
 */
@ExtendWith(LeakCheckExtension.class)
class ScanScratchQueryTypesTest {
  private static final long SEED = 23_112_026L;
  private static final int THREADS = 4;
  private static final int ROUNDS = 40;

  private static final String TABLE = "\"dataSource\":\"t\",\"intervals\":[\"2024-01-01/2024-01-05\"],";
  private static final String AGGREGATIONS = "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
      + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"},"
      + "{\"type\":\"longMin\",\"name\":\"minAdded\",\"fieldName\":\"added\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"score\",\"fieldName\":\"score\"},"
      + "{\"type\":\"floatMax\",\"name\":\"f\",\"fieldName\":\"f\"}]";
  private static final String ADDED_AT_LEAST_400 =
      "{\"type\":\"bound\",\"dimension\":\"added\",\"lower\":\"400\",\"ordering\":\"numeric\"}";

  /** One query of each shape the engines take different paths for: name, then the query. */
  private static final String[][] QUERIES = {
    {"timeseries by hour, numeric filter", "{\"queryType\":\"timeseries\"," + TABLE + "\"granularity\":\"hour\","
        + "\"filter\":" + ADDED_AT_LEAST_400 + "," + AGGREGATIONS + "}"},
    // dictionary groups kept in the partial, merged after the scans are closed
    {"groupBy page, filtered (dictionary groups)", "{\"queryType\":\"groupBy\"," + TABLE + "\"granularity\":\"all\","
        + "\"dimensions\":[\"page\"],\"filter\":" + ADDED_AT_LEAST_400 + "," + AGGREGATIONS + "}"},
    // ranked by one aggregator: the others are computed at the merge by scans of their own
    {"groupBy page, top 3 by added (late aggregation)", "{\"queryType\":\"groupBy\"," + TABLE
        + "\"granularity\":\"all\",\"dimensions\":[\"page\"]," + AGGREGATIONS + ",\"limitSpec\":{\"type\":\"default\","
        + "\"limit\":3,\"columns\":[{\"dimension\":\"added\",\"direction\":\"descending\"}]}}"},
    // a numeric dimension and generic aggregators: key table, groups moved into a map
    {"groupBy page and a virtual column by day (map of groups)", "{\"queryType\":\"groupBy\"," + TABLE
        + "\"granularity\":\"day\",\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"bucket\","
        + "\"expression\":\"added % 5\",\"outputType\":\"LONG\"}],\"dimensions\":[\"page\","
        + "{\"type\":\"default\",\"dimension\":\"bucket\",\"outputName\":\"bucket\",\"outputType\":\"LONG\"}],"
        + "\"filter\":{\"type\":\"or\",\"fields\":[{\"type\":\"in\",\"dimension\":\"page\",\"values\":[\"p1\",\"p2\"]},"
        + "{\"type\":\"bound\",\"dimension\":\"score\",\"upper\":\"20\",\"ordering\":\"numeric\"}]},"
        + "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
        + "{\"type\":\"doubleMean\",\"name\":\"meanScore\",\"fieldName\":\"score\"},"
        + "{\"type\":\"longFirst\",\"name\":\"firstAdded\",\"fieldName\":\"added\"},"
        + "{\"type\":\"longSum\",\"name\":\"twice\",\"expression\":\"added * 2\"}]}"},
    {"topN page by added", "{\"queryType\":\"topN\"," + TABLE + "\"granularity\":\"all\",\"dimension\":\"page\","
        + "\"metric\":\"added\",\"threshold\":3," + AGGREGATIONS + "}"},
    {"topN page by day, inverted score, filtered", "{\"queryType\":\"topN\"," + TABLE + "\"granularity\":\"day\","
        + "\"dimension\":\"page\",\"metric\":{\"type\":\"inverted\",\"metric\":\"score\"},\"threshold\":2,"
        + "\"filter\":{\"type\":\"bound\",\"dimension\":\"added\",\"upper\":\"600\",\"ordering\":\"numeric\"},"
        + AGGREGATIONS + "}"},
    {"scan page=p3, ascending, limit 60", "{\"queryType\":\"scan\"," + TABLE
        + "\"columns\":[\"__time\",\"page\",\"added\",\"score\",\"f\"],\"order\":\"ascending\",\"limit\":60,"
        + "\"filter\":{\"type\":\"selector\",\"dimension\":\"page\",\"value\":\"p3\"}}"},
    {"scan with a virtual column, descending, limit 70", "{\"queryType\":\"scan\"," + TABLE
        + "\"virtualColumns\":[{\"type\":\"expression\",\"name\":\"x\",\"expression\":\"score + f\","
        + "\"outputType\":\"DOUBLE\"}],\"columns\":[\"__time\",\"x\",\"added\"],\"order\":\"descending\","
        + "\"limit\":70,\"filter\":" + ADDED_AT_LEAST_400 + "}"},
    {"search page by day, filtered", "{\"queryType\":\"search\"," + TABLE + "\"granularity\":\"day\","
        + "\"searchDimensions\":[\"page\"],\"query\":{\"type\":\"insensitive_contains\",\"value\":\"P\"},"
        + "\"filter\":" + ADDED_AT_LEAST_400 + "}"},
    {"timeBoundary, filtered", "{\"queryType\":\"timeBoundary\",\"dataSource\":\"t\","
        + "\"filter\":{\"type\":\"bound\",\"dimension\":\"added\",\"lower\":\"990\",\"ordering\":\"numeric\"}}"},
    {"timeBoundary maxTime", "{\"queryType\":\"timeBoundary\",\"dataSource\":\"t\",\"bound\":\"maxTime\"}"},
  };

  @Test
  void mixedQueryTypesOnSharedThreadsKeepTheirAnswers(@TempDir Path directory) throws Exception {
    final List<QueryableSegment> segments = TestSegments.open(ScanScratchConcurrencyTest.segments(),
        TestSegments.Storage.MAPPED, directory);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2), KernelMode.SCALAR)) {
      final Query[] queries = parse();
      final String[] expected = alone(engine, queries, segments);
      TestThreads.atOnce(THREADS, (thread, failed) -> {
        final SplittableRandom random = new SplittableRandom(SEED + thread);
        for (int round = 0; round < ROUNDS && !failed.getAsBoolean(); round++) {
          final int a = random.nextInt(queries.length);
          final int b = random.nextInt(queries.length);
          final String where = " (thread " + thread + ", round " + round + ", seed " + SEED + ")";
          // a's partials are held, unmerged, while b scans the same segments on this thread
          final List<PartialResult> held = partials(engine, queries[a], segments);
          assertEquals(expected[b], finish(engine, queries[b], partials(engine, queries[b], segments)),
              QUERIES[b][0] + " after " + QUERIES[a][0] + "'s scans" + where);
          assertEquals(expected[a], finish(engine, queries[a], held),
              QUERIES[a][0] + " merged after " + QUERIES[b][0] + " ran" + where);
          // and on the engine's pool, interleaved with the other threads' queries
          assertEquals(expected[b], ResultJson.write(engine.run(queries[b], segments)),
              QUERIES[b][0] + " on the pool" + where);
        }
      });
    } finally {
      TestSegments.closeAll(segments);
    }
  }

  @Test
  void queryThenAnotherThenTheFirstAgainOnOneThread(@TempDir Path directory) throws Exception {
    onEachStorage(directory, (engine, queries, segments, storage) -> {
      final String[] expected = alone(engine, queries, segments);
      for (int a = 0; a < queries.length; a++) {
        for (int b = 0; b < queries.length; b++) {
          final String pair = QUERIES[a][0] + ", then " + QUERIES[b][0] + " (" + storage + ")";
          final List<PartialResult> first = partials(engine, queries[a], segments);
          final String between = finish(engine, queries[b], partials(engine, queries[b], segments));
          final List<PartialResult> again = partials(engine, queries[a], segments);
          assertEquals(expected[b], between, pair + ": the second query");
          assertEquals(expected[a], finish(engine, queries[a], first), pair + ": the first query's partials");
          assertEquals(expected[a], finish(engine, queries[a], again), pair + ": the first query again");
        }
      }
    });
  }

  @Test
  void everyQueryTypeGivesBackTheScratchItTakes(@TempDir Path directory) throws Exception {
    onEachStorage(directory, (engine, queries, segments, storage) -> {
      // on a thread of its own, so the full free lists do not stay with the test runner's thread
      onOwnThread("giving back scratch (" + storage + ")", () -> {
        final ScanScratch scratch = ScanScratch.forThread();
        for (int q = 0; q < queries.length; q++) {
          // a full free list: an array taken and not given back shows as one fewer kept
          fill(scratch);
          finish(engine, queries[q], partials(engine, queries[q], segments));
          assertEquals(5 * ScanScratch.KEEP, scratch.kept(), QUERIES[q][0] + " (" + storage + ")");
        }
      });
    });
  }

  /** What a test does with one storage's segments, a one-thread engine and the parsed queries. */
  private interface StorageCheck {
    void run(BatchEngine engine, Query[] queries, List<QueryableSegment> segments, TestSegments.Storage storage)
        throws Exception;
  }

  /** Runs {@code check} over the test segments held on heap, then mapped from files. */
  private static void onEachStorage(Path directory, StorageCheck check) throws Exception {
    for (TestSegments.Storage storage : TestSegments.Storage.values()) {
      final List<QueryableSegment> segments = TestSegments.open(ScanScratchConcurrencyTest.segments(), storage,
          Files.createDirectories(directory.resolve(storage.name())));
      try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1), KernelMode.SCALAR)) {
        check.run(engine, parse(), segments, storage);
      } finally {
        TestSegments.closeAll(segments);
      }
    }
  }

  private static Query[] parse() {
    final Query[] queries = new Query[QUERIES.length];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = QueryParser.parse(QUERIES[q][1]);
    }
    return queries;
  }

  /**
   * Each query's answer computed alone: segment by segment on a thread of its own (so with scratch
   * no other query touched), then checked against the engine's pooled run.
   */
  private static String[] alone(BatchEngine engine, Query[] queries, List<QueryableSegment> segments)
      throws InterruptedException {
    final String[] answers = new String[queries.length];
    for (int q = 0; q < queries.length; q++) {
      final int which = q;
      onOwnThread(QUERIES[q][0] + " alone",
          () -> answers[which] = finish(engine, queries[which], partials(engine, queries[which], segments)));
      assertNotEquals("[]", answers[q], QUERIES[q][0] + " should answer rows");
      assertEquals(answers[q], ResultJson.write(engine.run(queries[q], segments)), QUERIES[q][0] + " on the pool");
    }
    return answers;
  }

  /** The query's partials, segment by segment on this thread, as a historical runs a sub-query. */
  private static List<PartialResult> partials(BatchEngine engine, Query query, List<QueryableSegment> segments) {
    final List<PartialResult> partials = new ArrayList<>();
    for (QueryableSegment segment : segments) {
      partials.add(engine.runSegment(query, segment));
    }
    return partials;
  }

  private static String finish(BatchEngine engine, Query query, List<PartialResult> partials) {
    return ResultJson.write(engine.finish(query, engine.merge(query, partials)));
  }

  /** Runs {@code work} on a new thread (with scratch of its own) and waits for it. */
  private static void onOwnThread(String what, Runnable work) throws InterruptedException {
    try {
      TestThreads.atOnce(1, (thread, failed) -> work.run());
    } catch (AssertionError e) {
      throw new AssertionError(what + ": " + e.getMessage(), e.getCause());
    }
  }

  private static void fill(ScanScratch scratch) {
    final int rows = QueryableSegment.ROWS_PER_BLOCK;
    for (int i = 0; i < ScanScratch.KEEP; i++) {
      scratch.giveLongs(new long[rows]);
      scratch.giveDoubles(new double[rows]);
      scratch.giveFloats(new float[rows]);
      scratch.giveInts(new int[rows]);
      scratch.giveFlags(new boolean[rows]);
    }
  }
}
