package io.nemeton.perf.scan;

import io.nemeton.perf.ingest.PaperCsvFixture;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan-rate benchmark of the paper's queries (Q1–Q7), Nemeton against DuckDB on the same data
 * in the same run, one core each; and, with {@code --check}, the regression check CI runs.
 *
 * <pre>
 * java -Xmx12g --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp perf/target/nemeton-perf.jar io.nemeton.perf.scan.ScanBenchmark --rows 10000000 --segments 4
 * java ... io.nemeton.perf.scan.ScanBenchmark --check perf/scan-baseline.json
 * </pre>
 *
 * For each query: both engines answer once and the answers must agree (else the run fails);
 * Nemeton answers once more through {@link CountingQueryableSegment}s to count the column blocks it
 * reads; then {@link InterleavedMeasurement} times both. The table reports the best repetition of
 * each engine (and the median), rows per second over the rows inside the query's time range, and
 * the ratio Nemeton / DuckDB. Options: {@link ScanBenchmarkOptions}. Exit status: 0 ok, 1 engines
 * disagree or the check failed, 2 bad arguments.
 */
public final class ScanBenchmark {
  private ScanBenchmark() {}

  public static void main(String[] args) {
    final ScanBenchmarkOptions options;
    try {
      options = ScanBenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("scan benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status;
    try {
      status = run(options, System.out);
    } catch (Exception e) {
      System.err.println("scan benchmark failed: " + e);
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  /** Runs the benchmark (or the check) and returns the exit status. */
  static int run(ScanBenchmarkOptions given, PrintStream out) throws Exception {
    final ScanBaseline baseline = given.check() == null ? null : ScanBaseline.read(given.check());
    final ScanBenchmarkOptions options = baseline == null ? given : given.withBaseline(baseline);
    final String load = machineLoad();
    out.printf("scan benchmark %s: rows=%d segments=%d seed=%d repeat=%d warmupMs=%d minRepetitionMs=%d "
            + "queries=%s%n", LocalDate.now(ZoneOffset.UTC), options.rows(), options.segments(), options.seed(),
        options.measurement().repetitions(), options.measurement().warmupMs(),
        options.measurement().minRepetitionMs(), String.join(",", options.queries()));
    out.printf("machine: %d processors, load average %s, java %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(), load, Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    final Path csv = PaperCsvFixture.ensure(options.dataDirectory(), options.rows(), options.seed());
    final List<Path> files = PaperSegmentFixture.ensure(options.dataDirectory(), csv, options.rows(), options.seed(),
        options.segments(), out);
    final List<PaperQuery> queries = PaperQuery.loadAll(options.queries());
    try (NemetonPaperTable nemeton = new NemetonPaperTable(files); DuckDbPaperTable duckDb = new DuckDbPaperTable(csv)) {
      out.printf("data: csv=%s (%,d bytes), %d Nemeton segments (%,d rows), DuckDB table (%,d rows, loaded in %.1f s)%n",
          csv, Files.size(csv), nemeton.segmentCount(), nemeton.rowCount(), duckDb.rowCount(), duckDb.loadSeconds());
      if (nemeton.rowCount() != options.rows() || duckDb.rowCount() != options.rows()) {
        throw new IllegalStateException("rows: nemeton=" + nemeton.rowCount() + " duckdb=" + duckDb.rowCount()
            + " expected=" + options.rows());
      }
      final InterleavedMeasurement measurement = new InterleavedMeasurement(options.measurement());
      final List<QueryResult> results = new ArrayList<>();
      for (PaperQuery query : queries) {
        final QueryResult result = measure(query, nemeton, duckDb, measurement);
        results.add(result);
        out.printf("%s: nemeton %s rows/s, duckdb %s rows/s, ratio %.2f, blocks read %s, answer %s%n", query.id(),
            QueryResult.rate(result.nemetonRowsPerSecond()), QueryResult.rate(result.duckDbRowsPerSecond()),
            result.ratio(), result.blocksRead(), result.nemetonFirstRow());
      }
      out.println();
      out.println(QueryResult.tableHeader());
      for (QueryResult result : results) {
        out.println(result.tableRow());
      }
      out.println();
      int status = 0;
      for (QueryResult result : results) {
        if (result.disagreement() != null) {
          out.printf("ENGINES DISAGREE on %s: %s%n", result.query().id(), result.disagreement());
          status = 1;
        }
      }
      if (status != 0) {
        return status;
      }
      if (options.writeBaseline() != null) {
        final ScanBaseline written = new ScanBaseline(options.rows(), options.segments(), options.seed(),
            options.measurement(), LocalDate.now(ZoneOffset.UTC).toString(), load, scanRatios(results));
        written.write(options.writeBaseline());
        out.println("baseline written: " + options.writeBaseline());
      }
      return baseline == null ? 0 : check(baseline, results, nemeton, duckDb, measurement, out);
    }
  }

  private static QueryResult measure(PaperQuery query, NemetonPaperTable nemeton, DuckDbPaperTable duckDb,
      InterleavedMeasurement measurement) {
    final Answer nemetonAnswer = nemeton.answer(query, nemeton.execute(query));
    final Answer duckDbAnswer = duckDb.answer(query, duckDb.execute(query));
    final String disagreement = nemetonAnswer.difference(duckDbAnswer, "nemeton", "duckdb");
    final BlockReadCounter blocks = nemeton.countingBlockReads(query);
    final EngineTiming[] timings = measurement.measure(query, nemeton, duckDb);
    return new QueryResult(query, disagreement, nemetonAnswer.firstRow(), blocks, nemeton.rowsIn(query), timings[0],
        timings[1]);
  }

  /**
   * The ratios the regression check compares: those of queries that scan rows. The counts answered
   * without a scan take microseconds in Nemeton, so their ratio measures DuckDB's per-query
   * overhead and is mostly noise; the check holds them to reading no column block instead.
   */
  private static Map<String, Double> scanRatios(List<QueryResult> results) {
    final Map<String, Double> ratios = new LinkedHashMap<>();
    for (QueryResult result : results) {
      if (!result.query().answeredWithoutRowScan()) {
        ratios.put(result.query().id(), result.ratio());
      }
    }
    return ratios;
  }

  /** The regression check over the first measurement's results, re-measuring failures. */
  private static int check(ScanBaseline baseline, List<QueryResult> results, NemetonPaperTable nemeton,
      DuckDbPaperTable duckDb, InterleavedMeasurement measurement, PrintStream out) throws Exception {
    int status = 0;
    for (QueryResult result : results) {
      if (result.query().answeredWithoutRowScan() && result.blocksRead().total() != 0) {
        out.printf("FAIL %s: must be answered without a row scan but read column blocks (%s)%n",
            result.query().id(), result.blocksRead());
        status = 1;
      }
    }
    final Map<String, Double> first = scanRatios(results);
    final int[] attempts = {0};
    final List<RegressionCheck.Verdict> verdicts = RegressionCheck.run(baseline.ratios(), ids -> {
      if (attempts[0]++ == 0) {
        return first;
      }
      out.printf("re-measuring %s (attempt %d of %d)%n", ids, attempts[0], RegressionCheck.REMEASUREMENTS + 1);
      final Map<String, Double> again = new LinkedHashMap<>();
      for (String id : ids) {
        final EngineTiming[] timings = measurement.measure(PaperQuery.load(id), nemeton, duckDb);
        again.put(id, timings[1].bestNanos() / timings[0].bestNanos());
      }
      return again;
    });
    out.printf("regression check: Nemeton/DuckDB ratios against the baseline written %s (load average then %s, "
        + "now %s); a query fails when its ratio is below the limit in %d measurements in a row%n",
        baseline.written(), baseline.load(), machineLoad(), RegressionCheck.REMEASUREMENTS + 1);
    for (RegressionCheck.Verdict verdict : verdicts) {
      out.println(verdict.describe());
      if (!verdict.passed()) {
        status = 1;
      }
    }
    out.println(status == 0 ? "scan regression check passed" : "scan regression check FAILED");
    return status;
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
  static String machineLoad() {
    try {
      final String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
