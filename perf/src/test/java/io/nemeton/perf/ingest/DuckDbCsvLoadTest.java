package io.nemeton.perf.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCsvLoadTest {
  @TempDir
  Path directory;

  @Test
  void fixtureGeneratesOnceAndDuckDbLoadsEveryRow() throws Exception {
    final Path csv = PaperCsvFixture.ensure(directory, 20_000, 42);
    assertEquals(PaperCsvFixture.path(directory, 20_000, 42), csv);
    assertTrue(csv.getFileName().toString().matches("paper-v\\d+-20000-42\\.csv"), csv.toString());
    final FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(csv, written);
    assertEquals(csv, PaperCsvFixture.ensure(directory, 20_000, 42));
    assertEquals(written, Files.getLastModifiedTime(csv), "a cached file is reused, not rewritten");

    final DuckDbCsvLoad.Result result = DuckDbCsvLoad.load(csv, 20_000);
    assertEquals(20_000, result.rows());
    assertTrue(result.elapsedNanos() > 0 && result.rowsPerSecond() > 0, result.toString());
  }

  @Test
  void wrongRowCountIsReported() throws Exception {
    final Path csv = PaperCsvFixture.ensure(directory, 100, 1);
    final IllegalStateException error = assertThrows(IllegalStateException.class, () -> DuckDbCsvLoad.load(csv, 101));
    assertEquals("csv=" + csv + ": DuckDB loaded rows=100 expected=101", error.getMessage());
  }

  @Test
  void missingFileIsRefusedBeforeDuckDbStarts() {
    final Path missing = directory.resolve("absent.csv");
    assertThrows(IllegalArgumentException.class, () -> DuckDbCsvLoad.load(missing, 1));
  }

  @Test
  void quotesInPathsAreEscaped() {
    assertEquals("'/tmp/it''s.csv'", DuckDbCsvLoad.sqlString("/tmp/it's.csv"));
  }
}
