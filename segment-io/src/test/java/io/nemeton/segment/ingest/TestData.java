package io.nemeton.segment.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code testdata/druid-compat} and {@code samples/} by walking up from the working directory. */
final class TestData {
  private TestData() {}

  static Path root() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      if (Files.isDirectory(directory.resolve("testdata").resolve("druid-compat"))) {
        return directory;
      }
      directory = directory.getParent();
    }
    throw new IllegalStateException("no testdata/druid-compat above " + Path.of("").toAbsolutePath());
  }

  static Path druidCompat() {
    return root().resolve("testdata").resolve("druid-compat");
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
