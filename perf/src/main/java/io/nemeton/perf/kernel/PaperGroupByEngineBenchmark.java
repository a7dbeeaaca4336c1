package io.nemeton.perf.kernel;

import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.kernel.Kernels;
import io.nemeton.engine.query.Query;
import io.nemeton.engine.query.QueryParser;
import io.nemeton.engine.result.ResultJson;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.engine.storage.QueryableSegment;
import io.nemeton.perf.ingest.PaperCsvFixture;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentDirectoryWriter;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.IngestReport;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The paper's group-by queries end to end through {@link BatchEngine} on one thread, over the
 * paper-schema data set ingested by {@link BatchIngestion} into mapped segment files (5 M rows per
 * segment, so 10 M rows make two segments): Q4 {@code group by dim_high, count, order by count asc
 * limit 100}, Q5 adds {@code longSum(metric1)}, Q6 four sums. Prints rows per second (median of
 * the runs; also per second of the process's CPU time, steadier on a loaded machine, and for the
 * segment scans alone) and the start of the answer, so two builds compare as a ratio.
 *
 * <pre>
 * java -Xmx6g --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp perf/target/nemeton-perf.jar io.nemeton.perf.kernel.PaperGroupByEngineBenchmark \
 *     [--rows 10000000] [--seed 42] [--data-dir perf/target/bench-data] [--repeat 7] [--mode SIMD]
 * </pre>
 *
 * The CSV and the segments are cached under {@code --data-dir}, named by data version, rows and
 * seed; a segment directory is complete once its {@code complete} marker exists.
 */
public final class PaperGroupByEngineBenchmark {
  private static final String SPEC = """
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

  private static final String BASE = "\"queryType\":\"groupBy\",\"dataSource\":\"paper\","
      + "\"intervals\":[\"2026-01-01/2026-01-02\"],\"granularity\":\"all\",\"dimensions\":[\"dim_high\"],"
      + "\"limitSpec\":{\"type\":\"default\",\"limit\":100,"
      + "\"columns\":[{\"dimension\":\"c\",\"direction\":\"ascending\",\"dimensionOrder\":\"numeric\"}]},";

  private PaperGroupByEngineBenchmark() {}

  /** The three queries by name. */
  static Map<String, String> queries() {
    final Map<String, String> queries = new LinkedHashMap<>();
    queries.put("Q4 count", "{" + BASE + "\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"}]}");
    queries.put("Q5 count+sum", "{" + BASE + "\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},"
        + "{\"type\":\"longSum\",\"name\":\"s1\",\"fieldName\":\"metric1\"}]}");
    queries.put("Q6 count+4 sums", "{" + BASE + "\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},"
        + "{\"type\":\"longSum\",\"name\":\"s1\",\"fieldName\":\"metric1\"},"
        + "{\"type\":\"longSum\",\"name\":\"s2\",\"fieldName\":\"metric2\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"s3\",\"fieldName\":\"metric3\"},"
        + "{\"type\":\"doubleSum\",\"name\":\"s4\",\"fieldName\":\"metric4\"}]}");
    return queries;
  }

  public static void main(String[] args) throws Exception {
    long rows = 10_000_000L;
    long seed = 42L;
    Path directory = Path.of("perf/target/bench-data");
    int repeat = 7;
    KernelMode mode = Kernels.bestMode();
    for (int i = 0; i < args.length; i++) {
      final String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + ": missing value");
      }
      final String value = args[++i];
      switch (option) {
        case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
        case "--seed" -> seed = Long.parseLong(value);
        case "--data-dir" -> directory = Path.of(value);
        case "--repeat" -> repeat = Integer.parseInt(value);
        case "--mode" -> mode = KernelMode.valueOf(value);
        default -> throw new IllegalArgumentException(
            "unknown option=" + option + ": expected --rows, --seed, --data-dir, --repeat or --mode");
      }
    }
    if (rows < 1 || repeat < 1) {
      throw new IllegalArgumentException("rows=" + rows + " repeat=" + repeat + ": both must be at least 1");
    }
    final List<Path> files = ensureSegments(directory, rows, seed);
    final List<Segment> mapped = new ArrayList<>();
    final List<QueryableSegment> segments = new ArrayList<>();
    long totalRows = 0;
    for (Path file : files) {
      final Segment segment = Segment.open(file);
      mapped.add(segment);
      segments.add(QueryableSegment.of(segment));
      totalRows += segment.rowCount();
    }
    System.out.printf("segments=%d rows=%d mode=%s%n", segments.size(), totalRows, mode);
    try (BatchEngine engine = new BatchEngine(EngineConfig.defaults().withThreads(1), mode)) {
      for (Map.Entry<String, String> entry : queries().entrySet()) {
        final Query query = QueryParser.parse(entry.getValue());
        final double[] rates = new double[repeat];
        final double[] cpuRates = new double[repeat];
        String answer = "";
        for (int run = 0; run < repeat; run++) {
          final long cpuBegin = processCpuNanos();
          final long begin = System.nanoTime();
          answer = ResultJson.write(engine.run(query, segments));
          rates[run] = totalRows / ((System.nanoTime() - begin) / 1e9);
          cpuRates[run] = totalRows / ((processCpuNanos() - cpuBegin) / 1e9);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        // the segment scans alone (no merge, no answer), to show where the time goes
        final double[] scanRates = new double[repeat];
        for (int run = 0; run < repeat; run++) {
          final long begin = System.nanoTime();
          for (QueryableSegment segment : segments) {
            engine.runSegment(query, segment);
          }
          scanRates[run] = totalRows / ((System.nanoTime() - begin) / 1e9);
        }
        Arrays.sort(scanRates);
        // merge and answer alone, over partials scanned once
        final List<io.nemeton.engine.run.PartialResult> partials = new ArrayList<>();
        for (QueryableSegment segment : segments) {
          partials.add(engine.runSegment(query, segment));
        }
        final double[] mergeMs = new double[repeat];
        for (int run = 0; run < repeat; run++) {
          final long begin = System.nanoTime();
          engine.finish(query, engine.merge(query, partials));
          mergeMs[run] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(mergeMs);
        System.out.printf("RESULT %-16s median rows/s=%.3g best=%.3g per CPU second=%.3g"
            + " (segment scans alone: median %.3g; merge and answer alone: median %.0f ms)  %s%n",
            entry.getKey(), rates[repeat / 2], rates[repeat - 1], cpuRates[repeat / 2], scanRates[repeat / 2],
            mergeMs[repeat / 2],
            answer.length() > 120 ? answer.substring(0, 120) + "..." : answer);
      }
    } finally {
      for (QueryableSegment segment : segments) {
        segment.close();
      }
      for (Segment segment : mapped) {
        segment.close();
      }
    }
  }

  /**
   * CPU time of the whole process (query thread, caller, GC and JIT threads): on a shared machine
   * rows per CPU second stay comparable when wall time does not.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The cached segment files of the data set, ingesting the cached CSV first when missing. */
  static List<Path> ensureSegments(Path directory, long rows, long seed) throws IOException {
    final Path csv = PaperCsvFixture.ensure(directory, rows, seed).toAbsolutePath();
    final String name = csv.getFileName().toString().replace(".csv", "") + "-segments";
    final Path output = directory.resolve(name);
    final Path marker = output.resolve("complete");
    if (!Files.exists(marker)) {
      deleteRecursively(output);
      Files.createDirectories(output);
      final IngestionSpec spec = IngestionSpec.parse(SPEC.formatted(csv.toString().replace("\\", "\\\\")));
      final SegmentDirectoryWriter writer = new SegmentDirectoryWriter(output.resolve("store"));
      final IngestReport report = BatchIngestion.run(spec, IngestOptions.defaults(output.resolve("tmp")), writer);
      if (report.unparseable() != 0) {
        throw new IllegalStateException("unparseable rows=" + report.unparseable());
      }
      Files.writeString(marker, String.join("\n", writer.files().stream().map(Path::toString).toList()));
    }
    final List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(marker)) {
      if (!line.isBlank()) {
        files.add(Path.of(line));
      }
    }
    return files;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
