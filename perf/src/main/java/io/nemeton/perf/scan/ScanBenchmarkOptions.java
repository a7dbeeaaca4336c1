package io.nemeton.perf.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan benchmark's command line, validated. Immutable.
 *
 * <pre>
 * --rows N                 rows of paper data (default 10,000,000; '_' separators allowed)
 * --segments S             segment files the rows are cut into (default 4)
 * --seed S                 data seed (default 42)
 * --repeat R               measured repetitions per query and engine (default 5; the best is reported)
 * --warmup-ms T            least warm-up per query and engine (default 2000)
 * --min-repetition-ms T    least time of one repetition (default 200)
 * --queries q1,q2,...      queries to run (default all: q1,q1b,q2,q3,q4,q5,q6,q7)
 * --data-dir DIR           cache of CSV and segments (default perf/target/bench-data)
 * --write-baseline FILE    write the measured ratios as the regression baseline
 * --check FILE             regression mode: rows, segments, seed and timings come from FILE
 * </pre>
 *
 * @param check the baseline to check against, or null
 * @param writeBaseline where to write a baseline, or null
 */
public record ScanBenchmarkOptions(long rows, int segments, long seed, MeasurementSettings measurement,
    List<String> queries, Path dataDirectory, Path writeBaseline, Path check) {

  static final String USAGE = "usage: ScanBenchmark [--rows N] [--segments S] [--seed S] [--repeat R] [--warmup-ms T] "
      + "[--min-repetition-ms T] [--queries q1,q1b,...] [--data-dir DIR] [--write-baseline FILE] | --check FILE "
      + "[--data-dir DIR]";

  public ScanBenchmarkOptions {
    queries = List.copyOf(queries);
    PaperSegmentFixture.maxRowsPerSegment(rows, segments);
    for (String id : queries) {
      PaperQuery.checkKnown(id);
    }
  }

  /** Parses {@code args}; throws {@link IllegalArgumentException} naming the bad option and value. */
  public static ScanBenchmarkOptions parse(String[] args) {
    long rows = 10_000_000L;
    int segments = 4;
    long seed = 42L;
    int repeat = 5;
    long warmupMs = 2000;
    long minRepetitionMs = 200;
    List<String> queries = PaperQuery.IDS;
    Path dataDirectory = Path.of("perf/target/bench-data");
    Path writeBaseline = null;
    Path check = null;
    final List<String> settingsGiven = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      final String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option=" + option + ": missing value. " + USAGE);
      }
      final String value = args[++i];
      try {
        switch (option) {
          case "--rows" -> rows = Long.parseLong(value.replace("_", ""));
          case "--segments" -> segments = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--repeat" -> repeat = Integer.parseInt(value);
          case "--warmup-ms" -> warmupMs = Long.parseLong(value);
          case "--min-repetition-ms" -> minRepetitionMs = Long.parseLong(value);
          case "--queries" -> queries = List.of(value.split(","));
          case "--data-dir" -> dataDirectory = Path.of(value);
          case "--write-baseline" -> writeBaseline = Path.of(value);
          case "--check" -> check = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option=" + option + ". " + USAGE);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option=" + option + " value=" + value + ": expected a whole number", e);
      }
      if (!option.equals("--data-dir") && !option.equals("--check")) {
        settingsGiven.add(option);
      }
    }
    if (check != null && !settingsGiven.isEmpty()) {
      throw new IllegalArgumentException("options=" + settingsGiven + " cannot be combined with --check: the run's "
          + "settings and queries come from the baseline, so its ratios compare");
    }
    return new ScanBenchmarkOptions(rows, segments, seed, new MeasurementSettings(warmupMs, minRepetitionMs, repeat),
        queries, dataDirectory, writeBaseline, check);
  }

  /**
   * These options with the settings of {@code baseline}, for the regression check: the queries are
   * those with a baseline ratio plus the ones that must be answered without a row scan.
   */
  public ScanBenchmarkOptions withBaseline(ScanBaseline baseline) {
    final List<String> checked = new ArrayList<>();
    for (String id : PaperQuery.IDS) {
      if (baseline.ratios().containsKey(id) || PaperQuery.answeredWithoutRowScan(id)) {
        checked.add(id);
      }
    }
    return new ScanBenchmarkOptions(baseline.rows(), baseline.segments(), baseline.seed(), baseline.measurement(),
        checked, dataDirectory, null, check);
  }
}
