package io.nemeton.perf.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end on a small data set: both engines agree on every query, the counts read
 * no column block, a baseline is written, and the check passes against a low baseline and fails,
 * after re-measuring, against an unreachable one. Checks behaviour, never speed.
 */
@ExtendWith(LeakCheckExtension.class)
class ScanBenchmarkRunTest {
  @TempDir
  Path directory;

  private String run(ByteArrayOutputStream bytes, int expectedStatus, String... args) throws Exception {
    bytes.reset();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final int status = ScanBenchmark.run(ScanBenchmarkOptions.parse(args), out);
    final String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(expectedStatus, status, text);
    return text;
  }

  @Test
  void agreesWritesABaselineAndChecksIt() throws Exception {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final String data = directory.resolve("data").toString();
    final Path baselineFile = directory.resolve("baseline.json");
    final String text = run(bytes, 0, "--rows", "10000", "--segments", "3", "--repeat", "1", "--warmup-ms", "0",
        "--min-repetition-ms", "0", "--data-dir", data, "--write-baseline", baselineFile.toString());
    for (String id : PaperQuery.IDS) {
      assertTrue(text.lines().anyMatch(line -> line.startsWith("| " + id + " |") && line.endsWith("| agree |")), text);
    }
    assertTrue(text.contains("| q1 | ") && text.lines().anyMatch(line -> line.startsWith("| q1 |")
        && line.contains("| no row scan | yes |") && line.contains("| 0 | agree |")), text);
    assertTrue(text.lines().anyMatch(line -> line.startsWith("| q1b |") && line.contains("| no row scan | yes |")),
        text);
    assertTrue(text.contains("3 Nemeton segments (10,000 rows)"), text);

    final ScanBaseline written = ScanBaseline.read(baselineFile);
    assertEquals(10_000, written.rows());
    assertEquals(java.util.List.of("q2", "q3", "q4", "q5", "q6", "q7"), java.util.List.copyOf(written.ratios().keySet()));

    // a baseline far below any real ratio passes on the first measurement, from the cached data
    final Map<String, Double> low = new LinkedHashMap<>();
    low.put("q2", 1e-6);
    low.put("q7", 1e-6);
    new ScanBaseline(10_000, 3, 42, written.measurement(), "2026-01-01", "0 0 0", low).write(baselineFile);
    final String passed = run(bytes, 0, "--check", baselineFile.toString(), "--data-dir", data);
    assertFalse(passed.contains("ingesting"), "cached segments are reused:\n" + passed);
    assertTrue(passed.contains("ok   q2: baseline ratio=1.00e-06"), passed);
    assertTrue(passed.contains("scan regression check passed"), passed);

    // an unreachable baseline fails, after two re-measurements, naming the query and the numbers
    final Map<String, Double> high = new LinkedHashMap<>();
    high.put("q2", 1e9);
    new ScanBaseline(10_000, 3, 42, written.measurement(), "2026-01-01", "0 0 0", high).write(baselineFile);
    final String failed = run(bytes, 1, "--check", baselineFile.toString(), "--data-dir", data);
    assertTrue(failed.contains("re-measuring [q2] (attempt 3 of 3)"), failed);
    assertTrue(failed.lines().anyMatch(line -> line.startsWith("FAIL q2: baseline ratio=1.00e+09 measured=")
        && line.endsWith("limit=7.50e+08 (baseline minus 25%): below the limit in all 3 measurements")), failed);
    assertTrue(failed.contains("scan regression check FAILED"), failed);
    assertTrue(Files.isDirectory(PaperSegmentFixture.directory(Path.of(data), 10_000, 42, 3)));
  }
}
