package io.nemeton.engine.query;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code testdata/} folder by walking up from the working directory. */
final class TestData {

  private TestData() {}

  static Path root() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      final Path candidate = directory.resolve("testdata");
      if (Files.isDirectory(candidate.resolve("druid-compat"))) {
        return candidate;
      }
      directory = directory.getParent();
    }
    throw new IllegalStateException("no testdata/druid-compat above " + Path.of("").toAbsolutePath());
  }
}
