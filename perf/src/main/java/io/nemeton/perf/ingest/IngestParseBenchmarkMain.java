package io.nemeton.perf.ingest;

import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.IngestReport;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times Nemeton's batch ingestion of the paper CSV end to end on the calling thread: parse,
 * dictionaries, sort, spill and merge (with the default {@code maxRowsInMemory} of 1,000,000),
 * and {@link ColumnarSegment}s of at most 5,000,000 rows. The segment writer is not included: the
 * sink only counts rows.
 *
 * <pre>
 * java -Xmx3g -cp perf/target/nemeton-perf.jar io.nemeton.perf.ingest.IngestParseBenchmarkMain \
 *     [--rows N] [--seed S] [--data-dir DIR] [--repeat R] [--max-rows-in-memory M]
 * </pre>
 *
 * Defaults: 10,000,000 rows, seed 42, {@code perf/target/bench-data}, 3 repeats. Schema: the five
 * paper dimensions as strings, {@code longSum} over metric1 and metric2, {@code doubleSum} over
 * metric3 and metric4, day segments, no rollup. The median of the repeats is the figure to quote.
 */
public final class IngestParseBenchmarkMain {
  private IngestParseBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    long rows = 10_000_000L;
    long seed = 42L;
    Path directory = Path.of("perf/target/bench-data");
    int repeat = 3;
    int maxRowsInMemory = 1_000_000;
    for (int i = 0; i < args.length; i++) {
      final String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + ": missing value");
      }
      final String value = args[++i];
      try {
        switch (option) {
          case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
          case "--seed" -> seed = Long.parseLong(value);
          case "--data-dir" -> directory = Path.of(value);
          case "--repeat" -> repeat = Integer.parseInt(value);
          case "--max-rows-in-memory" -> maxRowsInMemory = Integer.parseInt(value.replace("_", ""));
          default -> throw new IllegalArgumentException("unknown option=" + option
              + ": expected --rows, --seed, --data-dir, --repeat or --max-rows-in-memory");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " value=" + value + ": expected a whole number", e);
      }
    }
    if (rows < 1 || repeat < 1 || maxRowsInMemory < 1) {
      throw new IllegalArgumentException("rows=" + rows + " repeat=" + repeat + " maxRowsInMemory=" + maxRowsInMemory
          + ": all must be at least 1");
    }
    final Path csv = PaperCsvFixture.ensure(directory, rows, seed);
    final IngestionSpec spec = IngestionSpec.parse(spec(csv, maxRowsInMemory));
    final Path temp = Files.createDirectories(directory.resolve("ingest-spill"));
    final double[] rates = new double[repeat];
    for (int run = 0; run < repeat; run++) {
      final long[] counted = new long[2];
      final long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      final long start = System.nanoTime();
      final IngestReport report = BatchIngestion.run(spec, IngestOptions.defaults(temp), segment -> {
        counted[0] += segment.rowCount();
        counted[1]++;
      });
      final long elapsed = System.nanoTime() - start;
      final long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
      rates[run] = counted[0] / (elapsed / 1e9);
      // the machine may be shared: thread CPU time shows the cost without waiting for a core
      System.out.printf("nemeton-ingest threads=1 rows=%d segments=%d runs=%d seconds=%.3f cpu-seconds=%.3f rows/s=%.0f"
          + " rows/cpu-s=%.0f%n", counted[0], counted[1], report.spilledRuns(), elapsed / 1e9, cpu / 1e9, rates[run],
          counted[0] / (cpu / 1e9));
    }
    Arrays.sort(rates);
    System.out.printf("nemeton-ingest median rows/s=%.0f%n", rates[repeat / 2]);
  }

  private static String spec(Path csv, int maxRowsInMemory) {
    return """
        {"type": "index_parallel", "spec": {
          "dataSchema": {"dataSource": "paper",
            "timestampSpec": {"column": "timestamp", "format": "iso"},
            "dimensionsSpec": {"dimensions": ["dim_high", "dim_10", "dim_100", "dim_1000", "dim_10000"]},
            "metricsSpec": [
              {"type": "longSum", "name": "metric1", "fieldName": "metric1"},
              {"type": "longSum", "name": "metric2", "fieldName": "metric2"},
              {"type": "doubleSum", "name": "metric3", "fieldName": "metric3"},
              {"type": "doubleSum", "name": "metric4", "fieldName": "metric4"}],
            "granularitySpec": {"segmentGranularity": "day", "queryGranularity": "none", "rollup": false}},
          "ioConfig": {"type": "index_parallel",
            "inputSource": {"type": "local", "files": ["%s"]},
            "inputFormat": {"type": "csv", "findColumnsFromHeader": true}},
          "tuningConfig": {"type": "index_parallel", "maxRowsInMemory": %d}}}
        """.formatted(csv.toAbsolutePath().toString().replace("\\", "\\\\"), maxRowsInMemory);
  }
}
