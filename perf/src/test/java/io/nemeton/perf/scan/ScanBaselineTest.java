package io.nemeton.perf.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanBaselineTest {
  @TempDir
  Path directory;

  @Test
  void writesAndReadsBackWithThreeSignificantDigits() throws Exception {
    final Map<String, Double> ratios = new LinkedHashMap<>();
    ratios.put("q2", 2.84123);
    ratios.put("q4", 0.13456);
    final ScanBaseline baseline = new ScanBaseline(2_000_000, 4, 42, new MeasurementSettings(500, 100, 3),
        "2026-11-23", "1.00 0.50 0.25", ratios);
    final Path file = directory.resolve("baseline.json");
    baseline.write(file);
    final ScanBaseline read = ScanBaseline.read(file);
    assertEquals(2_000_000, read.rows());
    assertEquals(4, read.segments());
    assertEquals(new MeasurementSettings(500, 100, 3), read.measurement());
    assertEquals("2026-11-23", read.written());
    assertEquals(List.of("q2", "q4"), List.copyOf(read.ratios().keySet()));
    assertEquals(2.84, read.ratios().get("q2"));
    assertEquals(0.135, read.ratios().get("q4"));
  }

  @Test
  void badFilesAreRefusedNamingTheFileAndTheField() throws Exception {
    final Path file = directory.resolve("bad.json");
    Files.writeString(file, """
        {"rows": 1000, "segments": 2, "seed": 42, "repetitions": 3, "warmupMs": 0, "minRepetitionMs": 0,
         "ratios": {"q2": 1.5, "q9": 2.0}}""");
    assertEquals("baseline file=" + file + ": query=q9 is unknown: expected one of q1,q1b,q2,q3,q4,q5,q6,q7",
        assertThrows(IllegalArgumentException.class, () -> ScanBaseline.read(file)).getMessage());
    Files.writeString(file, """
        {"rows": 1000, "segments": 2, "seed": 42, "repetitions": 3, "minRepetitionMs": 0, "ratios": {"q2": 1.5}}""");
    assertEquals("baseline file=" + file + ": required field=warmupMs is missing",
        assertThrows(IllegalArgumentException.class, () -> ScanBaseline.read(file)).getMessage());
    Files.writeString(file, """
        {"rows": 1000, "segments": 2, "seed": 42, "repetitions": 3, "warmupMs": 0, "minRepetitionMs": 0,
         "ratios": {"q2": 0}}""");
    assertEquals("baseline file=" + file + ": baseline query=q2 ratio=0.0: must be a finite number > 0",
        assertThrows(IllegalArgumentException.class, () -> ScanBaseline.read(file)).getMessage());
    Files.writeString(file, "{not json");
    assertTrue(assertThrows(java.io.IOException.class, () -> ScanBaseline.read(file)).getMessage()
        .startsWith("baseline file=" + file + ": cannot read it as JSON"));
  }
}
