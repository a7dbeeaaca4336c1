package io.nemeton.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code BitPackedNarrowMatcher.java} is exactly what its generator writes: nobody edited it by hand. */
class NarrowMatcherGeneratedTest {
  private static final Path GENERATOR = Path.of("generator", "NarrowMatcherGenerator.java");
  private static final Path GENERATED =
      Path.of("src", "main", "java", "io", "nemeton", "codecs", "internal", "BitPackedNarrowMatcher.java");

  @Test
  void generatedFileIsUpToDate(@TempDir Path directory) throws Exception {
    final Path fresh = directory.resolve("BitPackedNarrowMatcher.java");
    final String java = ProcessHandle.current().info().command().orElseThrow();
    final Process process = new ProcessBuilder(java, GENERATOR.toString(), fresh.toString())
        .redirectErrorStream(true).start();
    final String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("generator did not finish within 60 s");
    }
    assertEquals(0, process.exitValue(), "generator failed: " + output);
    assertEquals(Files.readString(fresh), Files.readString(GENERATED),
        "BitPackedNarrowMatcher.java differs from the generator's output: run "
            + "java codecs/generator/NarrowMatcherGenerator.java " + "codecs/" + GENERATED);
  }
}
