package io.nemeton.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheckExtension.class)
class MainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void noCommandPrintsUsageAndExitsWithUsageCode() {
    assertEquals(2, run());
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: nemeton"));
  }

  @Test
  void unknownCommandIsNamed() {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command \"frobnicate\""));
  }

  @Test
  void sampleRefusesUnknownOption() {
    assertEquals(2, run("sample", "--bogus"));
    assertEquals("nemeton sample: unknown option \"--bogus\" (known: --out DIR)\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void sampleIngestsTheWikipediaSample() {
    String previous = System.getProperty("nemeton.home");
    System.setProperty("nemeton.home", repositoryRoot().toString());
    try {
      assertEquals(0, run("sample", "--out", dir.resolve("segments").toString()), err.toString(StandardCharsets.UTF_8));
    } finally {
      if (previous == null) {
        System.clearProperty("nemeton.home");
      } else {
        System.setProperty("nemeton.home", previous);
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("ingested wikipedia: 39,244 rows processed, 0 with errors"), text);
    assertTrue(text.contains("39,244 rows in 1 segment file(s)"), text);
    assertTrue(text.contains("channel          STRING   DIMENSION            51"), text);
  }

  private static Path repositoryRoot() {
    Path candidate = Path.of("").toAbsolutePath();
    while (candidate != null && !Files.isDirectory(candidate.resolve("samples"))) {
      candidate = candidate.getParent();
    }
    if (candidate == null) {
      throw new IllegalStateException("no samples/ directory above " + Path.of("").toAbsolutePath());
    }
    return candidate;
  }
}
