package io.nemeton.perf.ingest;

import io.nemeton.segment.format.RegionKind;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentDirectoryWriter;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.IngestReport;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The ingest benchmark: the paper-schema CSV to finished, indexed segment files on one thread
 * (parse, sort, dictionaries, encode, bitmap indexes, checksums, fsync), beside DuckDB loading the
 * same file on one thread in the same run, so the figure to quote is the ratio.
 *
 * <pre>
 * java -Xmx12g -XX:+UseTransparentHugePages --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp perf/target/nemeton-perf.jar io.nemeton.perf.ingest.IngestBenchmark \
 *     [--rows 10000000] [--seed 42] [--data-dir perf/target/bench-data] [--repeat 3] [--warmup 2] [--duckdb false]
 * </pre>
 *
 * {@code --duckdb false} leaves DuckDB out (quick before/after checks of Nemeton alone; the CPU
 * figures are the ones to compare then). {@code -XX:+UseTransparentHugePages}, as {@code bin/nemeton}
 * runs every process, asks the kernel for 2 MiB pages under the heap: fewer address-translation
 * misses in the large dictionary tables and a page fault per 2 MiB of fresh arrays instead of
 * per 4 KiB (it needs the kernel's {@code transparent_hugepage/enabled} at {@code madvise} or
 * {@code always}; elsewhere the flag does nothing).
 *
 * {@code --warmup} loads (Nemeton's, then DuckDB's) come first and are printed but not counted: the
 * first loads of a fresh JVM compile the ingest path and touch the heap's pages for the first time,
 * which a running server has done long before (on this project's test machine they took up to twice the
 * CPU of the loads after them).
 *
 * <p>Nemeton ingests with the default {@link IngestOptions}: spilled runs stay in memory up to an
 * eighth of the heap (1 GiB with {@code -Xmx12g}, more than this file's 9 runs of 64 MB), and a
 * finished load's big arrays wait, softly referenced, for the next one, as in a running indexer;
 * each load prints its spilled runs and how many stayed in memory. DuckDB loads into an in-memory
 * database. The heap is not touched in advance: with {@code -Xmx12g} the loads keep reaching heap
 * pages they have not touched before, whose first touch (zeroing by the kernel) is counted.
 *
 * <p>Runs alternate Nemeton, DuckDB, Nemeton, ... and the medians are reported, both by wall time and
 * by process CPU time (rows per CPU second: what one core sustains, which on a shared machine is the
 * figure to trust; wall time there mostly measures the scheduler). bytes/row is the total size of
 * the segment files over the rows. Each run's CPU ratio to the DuckDB load right after it is printed
 * too, with their median: the host's speed drifts by tens of percent within minutes, and a pair run
 * back to back shares most of that drift.
 */
public final class IngestBenchmark {
  static final String SPEC = """
      {"type":"index_parallel","spec":{
        "dataSchema":{"dataSource":"paper",
          "timestampSpec":{"column":"timestamp","format":"iso"},
          "dimensionsSpec":{"dimensions":["dim_high","dim_10","dim_100","dim_1000","dim_10000"]},
          "metricsSpec":[
            {"type":"longSum","name":"metric1","fieldName":"metric1"},
            {"type":"longSum","name":"metric2","fieldName":"metric2"},
            {"type":"doubleSum","name":"metric3","fieldName":"metric3"},
            {"type":"doubleSum","name":"metric4","fieldName":"metric4"}],
          "granularitySpec":{"segmentGranularity":"day","queryGranularity":"none","rollup":false}},
        "ioConfig":{"type":"index_parallel",
          "inputSource":{"type":"local","files":["%s"]},
          "inputFormat":{"type":"csv","findColumnsFromHeader":true}},
        "tuningConfig":{"type":"index_parallel","maxRowsPerSegment":5000000,"maxRowsInMemory":1000000}}}
      """;

  private IngestBenchmark() {}

  /** One Nemeton load: rows written, seconds of wall and process CPU time, bytes of segment files. */
  record NemetonResult(long rows, double seconds, double cpuSeconds, double threadCpuSeconds, long bytes,
      int segments) {
    double rowsPerSecond() {
      return rows / seconds;
    }

    double rowsPerCpuSecond() {
      return rows / cpuSeconds;
    }

    double bytesPerRow() {
      return (double) bytes / rows;
    }
  }

  public static void main(String[] args) throws Exception {
    long rows = 10_000_000L;
    long seed = 42L;
    Path directory = Path.of("perf/target/bench-data");
    int repeat = 3;
    int warmup = 2;
    boolean withDuckDb = true;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + ": missing value");
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
          case "--seed" -> seed = Long.parseLong(value);
          case "--data-dir" -> directory = Path.of(value);
          case "--repeat" -> repeat = Integer.parseInt(value);
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--duckdb" -> withDuckDb = parseBoolean(option, value);
          default -> throw new IllegalArgumentException(
              "unknown option=" + option + ": expected --rows, --seed, --data-dir, --repeat, --warmup or --duckdb");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " value=" + value + ": expected a whole number", e);
      }
    }
    if (rows < 1 || repeat < 1 || warmup < 0) {
      throw new IllegalArgumentException("rows=" + rows + " repeat=" + repeat + " warmup=" + warmup
          + ": rows and repeat must be at least 1, warmup at least 0");
    }
    Path csv = PaperCsvFixture.ensure(directory, rows, seed).toAbsolutePath();
    System.out.printf("data file=%s (%,d bytes)%n", csv, Files.size(csv));

    double[] nemetonRates = new double[repeat];
    double[] duckRates = new double[repeat];
    double[] nemetonCpuRates = new double[repeat];
    double[] duckCpuRates = new double[repeat];
    for (int run = 0; run < warmup; run++) {
      // the JIT compiling the ingest path and the heap's first touch of its pages: a running server
      // has paid both, so these loads are shown but not counted
      NemetonResult cold = loadWithNemeton(csv, directory.resolve("segments"));
      System.out.printf("nemeton-ingest warmup=%d seconds=%.3f cpu-seconds=%.3f rows/cpu-s=%.0f (not counted)%n",
          run + 1, cold.seconds(), cold.cpuSeconds(), cold.rowsPerCpuSecond());
      if (withDuckDb) {
        DuckDbCsvLoad.Result duck = DuckDbCsvLoad.load(csv, rows);
        System.out.printf("duckdb-csv-load warmup=%d seconds=%.3f cpu-seconds=%.3f rows/cpu-s=%.0f (not counted)%n",
            run + 1, duck.elapsedNanos() / 1e9, duck.cpuNanos() / 1e9, duck.rowsPerCpuSecond());
      }
    }
    double[] pairRatios = new double[repeat];
    NemetonResult last = null;
    for (int run = 0; run < repeat; run++) {
      last = loadWithNemeton(csv, directory.resolve("segments"));
      nemetonRates[run] = last.rowsPerSecond();
      nemetonCpuRates[run] = last.rowsPerCpuSecond();
      System.out.printf("nemeton-ingest run=%d rows=%d segments=%d seconds=%.3f cpu-seconds=%.3f "
              + "(ingest thread %.3f, the rest GC and JIT) rows/s=%.0f rows/cpu-s=%.0f bytes/row=%.2f%n",
          run + 1, last.rows(), last.segments(), last.seconds(), last.cpuSeconds(), last.threadCpuSeconds(),
          last.rowsPerSecond(), last.rowsPerCpuSecond(), last.bytesPerRow());
      if (last.rows() != rows) {
        throw new IllegalStateException("nemeton wrote rows=" + last.rows() + " expected=" + rows);
      }
      if (!withDuckDb) {
        continue;
      }
      DuckDbCsvLoad.Result duck = DuckDbCsvLoad.load(csv, rows);
      duckRates[run] = duck.rowsPerSecond();
      duckCpuRates[run] = duck.rowsPerCpuSecond();
      pairRatios[run] = nemetonCpuRates[run] / duckCpuRates[run];
      System.out.printf("duckdb-csv-load run=%d rows=%d seconds=%.3f cpu-seconds=%.3f rows/s=%.0f rows/cpu-s=%.0f%n",
          run + 1, duck.rows(), duck.elapsedNanos() / 1e9, duck.cpuNanos() / 1e9, duck.rowsPerSecond(),
          duck.rowsPerCpuSecond());
    }
    if (!withDuckDb) {
      System.out.printf("RESULT rows=%d nemeton median rows/s=%.3g rows/cpu-s=%.3g bytes/row=%.2f (no DuckDB run)%n",
          rows, median(nemetonRates), median(nemetonCpuRates), last.bytesPerRow());
      return;
    }
    double nemeton = median(nemetonRates);
    double duck = median(duckRates);
    double nemetonCpu = median(nemetonCpuRates);
    double duckCpu = median(duckCpuRates);
    System.out.printf("RESULT rows=%d wall: nemeton median rows/s=%.3g duckdb median rows/s=%.3g ratio=%.2f; "
            + "cpu: nemeton median rows/cpu-s=%.3g duckdb median rows/cpu-s=%.3g ratio=%.2f; "
            + "cpu ratio of each run with its DuckDB load: median=%.2f of %s; bytes/row=%.2f%n",
        rows, nemeton, duck, nemeton / duck, nemetonCpu, duckCpu, nemetonCpu / duckCpu, median(pairRatios),
        formatted(pairRatios), last.bytesPerRow());
  }

  private static boolean parseBoolean(String option, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(option + " value=" + value + ": expected true or false");
    };
  }

  private static String formatted(double[] values) {
    final StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : " ").append(String.format("%.2f", values[i]));
    }
    return out.append(']').toString();
  }

  private static double median(double[] values) {
    final double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static NemetonResult loadWithNemeton(Path csv, Path output) throws IOException {
    deleteRecursively(output);
    Files.createDirectories(output);
    IngestionSpec spec = IngestionSpec.parse(SPEC.formatted(csv.toString().replace("\\", "\\\\")));
    SegmentDirectoryWriter writer = new SegmentDirectoryWriter(output.resolve("store"));
    final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long startThreadCpu = threads.getCurrentThreadCpuTime();
    long startCpu = ProcessCpuClock.nanos();
    long start = System.nanoTime();
    final IngestOptions options = IngestOptions.defaults(output.resolve("tmp"));
    IngestReport report = BatchIngestion.run(spec, options, writer);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (ProcessCpuClock.nanos() - startCpu) / 1e9;
    double threadCpuSeconds = (threads.getCurrentThreadCpuTime() - startThreadCpu) / 1e9;
    if (report.unparseable() != 0) {
      throw new IllegalStateException("unparseable rows=" + report.unparseable() + ": " + report.parseExceptionMessages());
    }
    long rows = 0;
    java.util.Map<String, Long> columnBytes = new java.util.LinkedHashMap<>();
    java.util.Map<String, long[]> stringParts = new java.util.LinkedHashMap<>();
    for (Path file : writer.files()) {
      try (Segment segment = Segment.open(file)) {
        rows += segment.rowCount();
        for (String name : segment.columnNames()) {
          columnBytes.merge(name, segment.columnSizeBytes(name), Long::sum);
          long bitmaps = segment.regionSizeBytes(name, RegionKind.BITMAPS);
          if (bitmaps > 0) {
            long[] parts = stringParts.computeIfAbsent(name, key -> new long[3]);
            parts[0] += segment.regionSizeBytes(name, RegionKind.IDS);
            parts[1] += segment.regionSizeBytes(name, RegionKind.DICTIONARY);
            parts[2] += bitmaps;
          }
        }
      }
    }
    double perRow = 1.0 / Math.max(1, rows);
    StringBuilder perColumn = new StringBuilder("  bytes/row by column:");
    for (var entry : columnBytes.entrySet()) {
      perColumn.append(String.format(" %s=%.2f", entry.getKey(), entry.getValue() * perRow));
    }
    perColumn.append(System.lineSeparator()).append(String.format(
        "  spilled runs=%d, of which in spill memory=%d (spillMemoryBytes=%d)", report.spilledRuns(),
        report.spilledRunsInMemory(), options.spillMemoryBytes()));
    perColumn.append(System.lineSeparator()).append("  string columns, ids/dictionary/bitmaps:");
    for (var entry : stringParts.entrySet()) {
      long[] parts = entry.getValue();
      perColumn.append(String.format(" %s=%.2f/%.2f/%.2f", entry.getKey(), parts[0] * perRow, parts[1] * perRow,
          parts[2] * perRow));
    }
    System.out.println(perColumn);
    return new NemetonResult(rows, seconds, cpuSeconds, threadCpuSeconds, writer.bytesWritten(), writer.files().size());
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
