package io.nemeton.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BitPackedNarrowMatcher.java} and {@code NarrowChunkKernels.java} are exactly what their
 * generator writes: nobody edited them by hand.
 */
class NarrowMatcherGeneratedTest {
  private static final Path GENERATOR = Path.of("generator", "NarrowMatcherGenerator.java");
  private static final Path GENERATED = Path.of("src", "main", "java", "io", "nemeton", "codecs", "internal");

  @Test
  void generatedFileIsUpToDate(@TempDir Path directory) throws Exception {
    final String java = ProcessHandle.current().info().command().orElseThrow();
    final Process process = new ProcessBuilder(java, GENERATOR.toString(), directory.toString())
        .redirectErrorStream(true).start();
    final String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("generator did not finish within 60 s");
    }
    assertEquals(0, process.exitValue(), "generator failed: " + output);
    for (String name : new String[] {"BitPackedNarrowMatcher.java", "NarrowChunkKernels.java"}) {
      assertEquals(Files.readString(directory.resolve(name)), Files.readString(GENERATED.resolve(name)),
          name + " differs from the generator's output: run "
              + "java codecs/generator/NarrowMatcherGenerator.java " + "codecs/" + GENERATED);
    }
  }
}
