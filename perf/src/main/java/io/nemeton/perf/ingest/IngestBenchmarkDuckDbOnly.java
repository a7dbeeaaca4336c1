package io.nemeton.perf.ingest;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how fast DuckDB loads the paper CSV on one thread: the reference figure of the ingest
 * benchmark, which Nemeton's own load is to be compared with in the same run.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp perf/target/nemeton-perf.jar \
 *     io.nemeton.perf.ingest.IngestBenchmarkDuckDbOnly [--rows N] [--seed S] [--data-dir DIR] [--repeat R]
 * </pre>
 *
 * Defaults: 1,000,000 rows, seed 42, {@code perf/target/bench-data}, 3 repeats. The first repeat
 * pays for the file being cold in the page cache only if it was just generated elsewhere; the
 * median of the repeats is the figure to quote.
 */
public final class IngestBenchmarkDuckDbOnly {
  private IngestBenchmarkDuckDbOnly() {}

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000L;
    long seed = 42L;
    Path directory = Path.of("perf/target/bench-data");
    int repeat = 3;
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
          default -> throw new IllegalArgumentException("unknown option=" + option + ": expected --rows, --seed, --data-dir or --repeat");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " value=" + value + ": expected a whole number", e);
      }
    }
    if (rows < 1 || repeat < 1) {
      throw new IllegalArgumentException("rows=" + rows + " repeat=" + repeat + ": both must be at least 1");
    }

    final long generateStart = System.nanoTime();
    final Path csv = PaperCsvFixture.ensure(directory, rows, seed);
    System.out.printf("data file=%s ready in %.2f s%n", csv, (System.nanoTime() - generateStart) / 1e9);

    final double[] rates = new double[repeat];
    for (int run = 0; run < repeat; run++) {
      final DuckDbCsvLoad.Result result = DuckDbCsvLoad.load(csv, rows);
      rates[run] = result.rowsPerSecond();
      System.out.printf("duckdb-csv-load threads=1 rows=%d run=%d seconds=%.3f rows/s=%.0f%n",
          result.rows(), run + 1, result.elapsedNanos() / 1e9, rates[run]);
    }
    Arrays.sort(rates);
    System.out.printf("duckdb-csv-load threads=1 rows=%d median rows/s=%.0f best rows/s=%.0f%n",
        rows, rates[repeat / 2], rates[repeat - 1]);
  }
}
