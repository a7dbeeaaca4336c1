package io.nemeton.engine.run;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.engine.testing.TestSegments;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.segment.ColumnRole;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End-to-end scan rates on one mapped segment of {@code nemeton.perfRows} rows (default 10 M), one
 * thread: the shapes of the paper's queries (count; count and sums; group by a high-cardinality
 * dimension ordered by count). Off by default; run with {@code -Dnemeton.perf=true} (and {@code
 * -Dnemeton.perfDir=/dev/shm} to keep the file in memory). Prints rows per second; asserts nothing.
 */
@ExtendWith(LeakCheckExtension.class)
@EnabledIfSystemProperty(named = "nemeton.perf", matches = "true")
class EngineSpeedTest {

  @Test
  void scanRates() throws Exception {
    final int rows = Integer.getInteger("nemeton.perfRows", 10_000_000);
    final Path directory = Files.createTempDirectory(Path.of(System.getProperty("nemeton.perfDir", "/tmp")), "engine");
    final SplittableRandom random = new SplittableRandom(42);
    final long start = 1_577_836_800_000L;
    final long[] times = new long[rows];
    final int[] low = new int[rows];
    final int[] high = new int[rows];
    final long[][] metrics = new long[4][rows];
    for (int r = 0; r < rows; r++) {
      times[r] = start + (long) r * 8;
      low[r] = random.nextInt(10);
      high[r] = random.nextInt(1_000_000);
      for (long[] metric : metrics) {
        metric[r] = random.nextInt(1000);
      }
    }
    final String[] lowDictionary = new String[10];
    for (int i = 0; i < lowDictionary.length; i++) {
      lowDictionary[i] = "v" + i;
    }
    final String[] highDictionary = new String[1_000_000];
    for (int i = 0; i < highDictionary.length; i++) {
      highDictionary[i] = String.format("u%07d", i);
    }
    final ColumnarSegment built = new ColumnarSegment(
        new SegmentInfo("bench", start, start + 86_400_000L, "v1", 0, Map.of()), rows).time(times)
        .stringColumn("low", ColumnRole.DIMENSION, lowDictionary, low)
        .stringColumn("high", ColumnRole.DIMENSION, highDictionary, high);
    for (int m = 0; m < metrics.length; m++) {
      built.longColumn("m" + m, ColumnRole.METRIC, metrics[m], null);
    }
    final String base = "\"dataSource\":\"bench\",\"intervals\":[\"2019/2021\"],\"granularity\":\"all\"";
    final Map<String, String> queries = new java.util.LinkedHashMap<>();
    queries.put("Q1 count", "{\"queryType\":\"timeseries\"," + base
        + ",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]}");
    queries.put("Q2 count+sum", "{\"queryType\":\"timeseries\"," + base
        + ",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},{\"type\":\"longSum\",\"name\":\"s\",\"fieldName\":\"m0\"}]}");
    queries.put("Q3 count+4 sums", "{\"queryType\":\"timeseries\"," + base
        + ",\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},{\"type\":\"longSum\",\"name\":\"s0\",\"fieldName\":\"m0\"},"
        + "{\"type\":\"longSum\",\"name\":\"s1\",\"fieldName\":\"m1\"},{\"type\":\"longSum\",\"name\":\"s2\",\"fieldName\":\"m2\"},"
        + "{\"type\":\"longSum\",\"name\":\"s3\",\"fieldName\":\"m3\"}]}");
    queries.put("filtered count (low = v3)", "{\"queryType\":\"timeseries\"," + base
        + ",\"filter\":{\"type\":\"selector\",\"dimension\":\"low\",\"value\":\"v3\"},"
        + "\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},{\"type\":\"longSum\",\"name\":\"s\",\"fieldName\":\"m0\"}]}");
    queries.put("Q4 group by high, count asc limit 100", "{\"queryType\":\"groupBy\"," + base
        + ",\"dimensions\":[\"high\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}],"
        + "\"limitSpec\":{\"type\":\"default\",\"limit\":100,\"columns\":[{\"dimension\":\"c\",\"direction\":\"ascending\"}]}}");
    queries.put("group by low, 4 sums", "{\"queryType\":\"groupBy\"," + base
        + ",\"dimensions\":[\"low\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},"
        + "{\"type\":\"longSum\",\"name\":\"s0\",\"fieldName\":\"m0\"},{\"type\":\"longSum\",\"name\":\"s1\",\"fieldName\":\"m1\"},"
        + "{\"type\":\"longSum\",\"name\":\"s2\",\"fieldName\":\"m2\"},{\"type\":\"longSum\",\"name\":\"s3\",\"fieldName\":\"m3\"}]}");
    for (KernelMode mode : new KernelMode[] {KernelMode.SCALAR, Kernels.bestMode()}) {
    for (TestSegments.Storage storage : TestSegments.Storage.values()) {
      try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1), mode);
          QueryableSegment segment = TestSegments.open(built, storage, directory)) {
        for (Map.Entry<String, String> entry : queries.entrySet()) {
          final Query query = QueryParser.parse(entry.getValue());
          long best = Long.MAX_VALUE;
          String answer = null;
          for (int run = 0; run < 5; run++) {
            final long begin = System.nanoTime();
            answer = ResultJson.write(engine.run(query, List.of(segment)));
            best = Math.min(best, System.nanoTime() - begin);
          }
          long scanBest = Long.MAX_VALUE;
          for (int run = 0; run < 3; run++) {
            final long begin = System.nanoTime();
            engine.runSegment(query, segment);
            scanBest = Math.min(scanBest, System.nanoTime() - begin);
          }
          System.out.printf("%s %s %-40s segment scan alone: %8.1f ms%n", mode, storage, entry.getKey(),
              scanBest / 1e6);
          System.out.printf("%s %s %-40s best of 5: %8.1f ms  %6.1f M rows/s  %s%n", mode, storage, entry.getKey(),
              best / 1e6, rows / (best / 1e9) / 1e6, answer.length() > 80 ? answer.substring(0, 80) + "..." : answer);
        }
      }
    }
    }
  }
}
