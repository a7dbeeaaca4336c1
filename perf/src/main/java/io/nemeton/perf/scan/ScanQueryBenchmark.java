package io.nemeton.perf.scan;

import io.nemeton.perf.ingest.PaperCsvFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paper queries as JMH benchmarks, milliseconds per query on one thread: the same cached
 * segment files, query files and DuckDB table as {@link ScanBenchmark}, which remains the command
 * to quote (it interleaves the engines and checks their answers); this one gives JMH's error bars
 * and profilers ({@code -prof gc}, {@code -prof stack}). Rows per second = rows / (ms / 1000).
 *
 * <p>Run: {@code java -jar perf/target/nemeton-perf.jar ScanQueryBenchmark -p rows=2000000
 * -p query=q4 -p engine=nemeton,duckdb}. The data directory is relative to the working directory,
 * so run it from the repository root (the first run generates and ingests the data).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-Xmx12g", "-XX:+UseParallelGC"})
public class ScanQueryBenchmark {

  @Param({"q1", "q1b", "q2", "q3", "q4", "q5", "q6", "q7"})
  public String query;

  @Param({"nemeton", "duckdb"})
  public String engine;

  @Param({"2000000"})
  public long rows;

  @Param({"4"})
  public int segments;

  @Param({"perf/target/bench-data"})
  public String dataDirectory;

  private PaperQuery paperQuery;
  private PaperTable table;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    final Path directory = Path.of(dataDirectory);
    final long seed = 42;
    final Path csv = PaperCsvFixture.ensure(directory, rows, seed);
    paperQuery = PaperQuery.load(query);
    table = switch (engine) {
      case "nemeton" -> {
        final List<Path> files = PaperSegmentFixture.ensure(directory, csv, rows, seed, segments, System.out);
        yield new NemetonPaperTable(files);
      }
      case "duckdb" -> new DuckDbPaperTable(csv);
      default -> throw new IllegalArgumentException("engine=" + engine + ": expected nemeton or duckdb");
    };
  }

  @Benchmark
  public Object run() {
    return table.execute(paperQuery);
  }

  @TearDown(Level.Trial)
  public void close() {
    table.close();
  }
}
