package io.nemeton.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.storage.ScanScratch;
import io.nemeton.engine.testing.TestColumn;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.engine.testing.TestThreads;
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
 * Scans reuse per-thread scratch ({@link ScanScratch}); these tests check that no scratch leaks
 * between queries: queries with different filters running at once on shared mapped segments (on
 * their own threads and interleaved on the engine's pool) always give their single-run answers,
 * and two scans open at once on one thread never share an array.
 */
@ExtendWith(LeakCheckExtension.class)
class ScanScratchConcurrencyTest {
  private static final long DAY_MS = 86_400_000L;
  private static final long START_MS = 1_704_067_200_000L; // 2024-01-01
  private static final long SEED = 7_2024L;
  private static final int ROUNDS = 150;

  private static final String AGGREGATIONS = "\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
      + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"},"
      + "{\"type\":\"longMin\",\"name\":\"minAdded\",\"fieldName\":\"added\"},"
      + "{\"type\":\"doubleSum\",\"name\":\"score\",\"fieldName\":\"score\"},"
      + "{\"type\":\"floatMax\",\"name\":\"f\",\"fieldName\":\"f\"}]";
  private static final String PAGE_FILTER = "{\"queryType\":\"timeseries\",\"dataSource\":\"t\","
      + "\"intervals\":[\"2024-01-01/2024-01-05\"],\"granularity\":\"all\","
      + "\"filter\":{\"type\":\"selector\",\"dimension\":\"page\",\"value\":\"p1\"}," + AGGREGATIONS + "}";
  private static final String ADDED_FILTER = "{\"queryType\":\"timeseries\",\"dataSource\":\"t\","
      + "\"intervals\":[\"2024-01-01/2024-01-05\"],\"granularity\":\"hour\","
      + "\"filter\":{\"type\":\"bound\",\"dimension\":\"added\",\"lower\":\"400\",\"ordering\":\"numeric\"},"
      + AGGREGATIONS + "}";

  @Test
  void concurrentQueriesWithDifferentFiltersKeepTheirAnswers(@TempDir Path directory) throws Exception {
    final List<QueryableSegment> segments = TestSegments.open(segments(), TestSegments.Storage.MAPPED, directory);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(2), KernelMode.SCALAR)) {
      final Query[] queries = {QueryParser.parse(PAGE_FILTER), QueryParser.parse(ADDED_FILTER)};
      final String[] expected = new String[queries.length];
      for (int q = 0; q < queries.length; q++) {
        expected[q] = ResultJson.write(engine.run(queries[q], segments));
      }
      TestThreads.atOnce(queries.length, (which, failed) -> {
        for (int round = 0; round < ROUNDS && !failed.getAsBoolean(); round++) {
          // on this thread, segment by segment, as a historical runs a sub-query
          final List<PartialResult> partials = new ArrayList<>();
          for (QueryableSegment segment : segments) {
            partials.add(engine.runSegment(queries[which], segment));
          }
          final Query query = queries[which];
          assertEquals(expected[which], ResultJson.write(engine.finish(query, engine.merge(query, partials))),
              "query " + which + " on its own thread, round " + round + " (seed " + SEED + ")");
          // and on the engine's pool, interleaved with the other query's scans
          assertEquals(expected[which], ResultJson.write(engine.run(query, segments)),
              "query " + which + " on the pool, round " + round + " (seed " + SEED + ")");
        }
      });
    } finally {
      TestSegments.closeAll(segments);
    }
  }

  @Test
  void scansOpenAtOnceOnOneThreadUseTheirOwnArrays(@TempDir Path directory) {
    final List<QueryableSegment> segments = TestSegments.open(segments(), TestSegments.Storage.MAPPED, directory);
    try {
      final Kernels kernels = Kernels.of(KernelMode.SCALAR);
      final int[] first;
      try (SegmentScan outer = new SegmentScan(segments.get(0), List.of(), null, 512, 64, kernels);
          SegmentScan inner = new SegmentScan(segments.get(1), List.of(), null, 512, 64, kernels)) {
        outer.reset(0, 10);
        inner.reset(0, 10);
        first = outer.next().selection();
        assertNotSame(first, inner.next().selection());
        assertNotSame(outer.columns().numeric("added").longs(0), inner.columns().numeric("added").longs(0));
      }
      // closed scans gave their arrays back: the next scan on this thread takes the last one given
      try (SegmentScan next = new SegmentScan(segments.get(2), List.of(), null, 512, 64, kernels)) {
        next.reset(0, 10);
        assertSame(first, next.next().selection());
      }
    } finally {
      TestSegments.closeAll(segments);
    }
  }

  @Test
  void scratchIsLentOnceAndRefusedTwice() {
    final ScanScratch scratch = ScanScratch.forThread();
    final long[] a = scratch.takeLongs();
    final long[] b = scratch.takeLongs();
    assertNotSame(a, b);
    scratch.giveLongs(a);
    assertSame(a, scratch.takeLongs());
    scratch.giveLongs(a);
    final IllegalStateException twice = assertThrows(IllegalStateException.class, () -> scratch.giveLongs(a));
    assertEquals(true, twice.getMessage().startsWith("scratch array given back twice"), twice.getMessage());
    final int kept = scratch.kept();
    scratch.giveLongs(new long[3]); // not block-sized: ignored
    assertEquals(kept, scratch.kept());
    for (int i = 0; i < ScanScratch.KEEP + 4; i++) {
      scratch.giveInts(new int[QueryableSegment.ROWS_PER_BLOCK]);
    }
    // drain every kind: this thread's earlier tests may have left arrays of any kind (with only
    // ints and longs taken, kept() never reaches 0 then)
    int taken = 0;
    while (scratch.kept() > 0) {
      scratch.takeInts();
      scratch.takeLongs();
      scratch.takeDoubles();
      scratch.takeFloats();
      scratch.takeFlags();
      taken++;
    }
    assertEquals(true, taken <= ScanScratch.KEEP, "kept at most KEEP ints, took " + taken);
  }

  /** 4 day segments of ~2,500 rows (3 blocks each), some nulls in {@code added}. */
  static List<ColumnarSegment> segments() {
    final SplittableRandom random = new SplittableRandom(SEED);
    final List<ColumnarSegment> out = new ArrayList<>();
    for (int day = 0; day < 4; day++) {
      final List<Map<String, Object>> rows = new ArrayList<>();
      final int count = 2_000 + random.nextInt(1_000);
      for (int r = 0; r < count; r++) {
        final Map<String, Object> row = new HashMap<>();
        row.put("__time", START_MS + day * DAY_MS + random.nextLong(DAY_MS));
        row.put("page", "p" + random.nextInt(7));
        row.put("added", random.nextInt(20) == 0 ? null : (long) random.nextInt(1_000));
        row.put("score", random.nextDouble() * 100);
        row.put("f", (float) random.nextInt(10_000) / 8);
        rows.add(row);
      }
      out.add(TestSegments.build(new SegmentInfo("t", START_MS + day * DAY_MS, START_MS + (day + 1) * DAY_MS, "v1", 0,
          Map.of()), List.of(TestColumn.string("page"), TestColumn.longs("added"), TestColumn.doubles("score"),
          TestColumn.floats("f")), rows));
    }
    return out;
  }
}
