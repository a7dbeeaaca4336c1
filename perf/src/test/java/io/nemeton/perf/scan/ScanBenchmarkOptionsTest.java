package io.nemeton.perf.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanBenchmarkOptionsTest {

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> ScanBenchmarkOptions.parse(args)).getMessage();
  }

  @Test
  void defaultsAndOverrides() {
    final ScanBenchmarkOptions defaults = ScanBenchmarkOptions.parse(new String[0]);
    assertEquals(10_000_000, defaults.rows());
    assertEquals(4, defaults.segments());
    assertEquals(PaperQuery.IDS, defaults.queries());
    final ScanBenchmarkOptions given = ScanBenchmarkOptions.parse(new String[] {
        "--rows", "2_000_000", "--segments", "3", "--repeat", "7", "--queries", "q4,q1b", "--data-dir", "/tmp/x"});
    assertEquals(2_000_000, given.rows());
    assertEquals(3, given.segments());
    assertEquals(7, given.measurement().repetitions());
    assertEquals(List.of("q4", "q1b"), given.queries());
    assertEquals(Path.of("/tmp/x"), given.dataDirectory());
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertEquals("option=--rows value=ten: expected a whole number", error("--rows", "ten"));
    assertEquals("query=q8 is unknown: expected one of q1,q1b,q2,q3,q4,q5,q6,q7", error("--queries", "q1,q8"));
    assertEquals("rows=3 segments=4: need 1 <= segments <= rows and at most 2147483647 rows per segment",
        error("--rows", "3"));
    assertEquals("measurement warmupMs=0 minRepetitionMs=200 repetitions=0: times must be >= 0 and repetitions >= 1",
        error("--repeat", "0", "--warmup-ms", "0"));
    assertEquals("options=[--rows] cannot be combined with --check: the run's settings and queries come from the "
        + "baseline, so its ratios compare", error("--check", "b.json", "--rows", "100"));
    assertEquals("option=--rows: missing value. " + ScanBenchmarkOptions.USAGE, error("--rows"));
  }

  @Test
  void aCheckRunsTheBaselineQueriesAndTheCountsThatMustNotScan() {
    final ScanBaseline baseline = new ScanBaseline(1000, 2, 7, new MeasurementSettings(0, 0, 1), "", "",
        Map.of("q5", 1.0, "q2", 2.0));
    final ScanBenchmarkOptions options = ScanBenchmarkOptions.parse(new String[] {"--check", "b.json"})
        .withBaseline(baseline);
    assertEquals(List.of("q1", "q1b", "q2", "q5"), options.queries());
    assertEquals(1000, options.rows());
    assertEquals(7, options.seed());
  }
}
