package io.nemeton.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDataMainTest {
  @TempDir
  Path directory;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private int run(String... args) {
    return BenchDataMain.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  private String errors() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsage() {
    assertEquals(0, run("--help"));
    assertTrue(stdout.toString(StandardCharsets.UTF_8).startsWith("Usage: BenchDataMain <paper|wikipedia>"));
    assertEquals(0, run("paper", "--rows", "oops", "-h"));
  }

  @Test
  void badArgumentsExitWithStatusTwoAndAClearMessage() {
    assertUsageError("bench-data: no data set given: expected paper or wikipedia as the first argument");
    assertUsageError("bench-data: data set=tpch: expected paper or wikipedia", "tpch", "--rows", "1", "--out", "-");
    assertUsageError("bench-data: --rows is required", "paper", "--out", "-");
    assertUsageError("bench-data: --out is required (a file path, or - for standard output)", "paper", "--rows", "5");
    assertUsageError("bench-data: --rows value=ten: expected a whole number from 0 to 1099511627776", "paper", "--rows", "ten", "--out", "-");
    assertUsageError("bench-data: --rows value=-1: must be from 0 to 1099511627776", "paper", "--rows", "-1", "--out", "-");
    assertUsageError("bench-data: --rows: missing value", "paper", "--out", "-", "--rows");
    assertUsageError("bench-data: --seed: missing value", "paper", "--seed", "--rows", "3");
    assertUsageError("bench-data: format=xml: expected csv or json", "paper", "--rows", "1", "--out", "-", "--format", "xml");
    assertUsageError("bench-data: --threads value=0: must be from 1 to 256", "paper", "--rows", "1", "--out", "-", "--threads", "0");
    assertUsageError("bench-data: unknown option=--colour: see --help", "paper", "--rows", "1", "--colour");
    assertUsageError("bench-data: data set=wikipedia format=csv: only json is supported",
        "wikipedia", "--rows", "1", "--out", "-", "--format", "csv");
    assertUsageError("bench-data: data set=paper: --explicit-nulls applies to wikipedia only (paper has no nulls)",
        "paper", "--rows", "1", "--out", "-", "--explicit-nulls");
  }

  private void assertUsageError(String message, String... args) {
    stderr.reset();
    assertEquals(2, run(args), String.join(" ", args));
    assertEquals(List.of(message, "Run with --help for usage."), errors().lines().toList(), String.join(" ", args));
    assertEquals(0, stdout.size());
  }

  @Test
  void writesAFileAndReportsTheRate() throws Exception {
    final Path file = directory.resolve("nested/paper.csv");
    assertEquals(0, run("paper", "--rows", "1_000", "--seed", "-7", "--out", file.toString(), "--threads", "2"));
    final byte[] written = Files.readAllBytes(file);
    assertArrayEquals(Generated.bytes(Dataset.PAPER, 1_000, -7, OutputFormat.CSV, 1, false), written);
    assertEquals(1_001, Generated.lines(written).length);
    assertTrue(errors().startsWith("bench-data: paper rows=1000 seed=-7 format=csv threads=2 bytes=" + written.length), errors());
    try (var listing = Files.list(file.getParent())) {
      assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
    }
  }

  @Test
  void writesStandardOutputWithDash() {
    assertEquals(0, run("wikipedia", "--rows", "300", "--out", "-", "--explicit-nulls"));
    assertArrayEquals(Generated.bytes(Dataset.WIKIPEDIA, 300, GenerationOptions.DEFAULT_SEED, OutputFormat.JSON_LINES, 1, true), stdout.toByteArray());
  }

  @Test
  void reportsAnUnwritableTarget() throws Exception {
    final Path blocker = directory.resolve("file");
    Files.writeString(blocker, "x");
    assertEquals(1, run("paper", "--rows", "10", "--out", blocker.resolve("under-a-file.csv").toString()));
    assertTrue(errors().startsWith("bench-data: writing out=" + blocker.resolve("under-a-file.csv") + " failed: "), errors());
  }
}
