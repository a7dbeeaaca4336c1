package io.nemeton.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a generated data set to a stream or a file. Files are written to a temporary sibling and
 * moved into place, so a file at the target path is always complete (callers may cache on its
 * existence).
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  /** Writes the data set to {@code out} (not closed) and returns the bytes written. */
  public static long write(GenerationOptions options, OutputStream out) throws IOException {
    return BlockParallelWriter.write(
        options.dataset().encoders(options.seed(), options.rows(), options.format(), options.explicitNulls()),
        options.rows(), options.threads(), out);
  }

  /** Writes the data set to {@code file}, replacing it, and returns the bytes written. */
  public static long writeFile(GenerationOptions options, Path file) throws IOException {
    final Path absolute = file.toAbsolutePath();
    final Path directory = absolute.getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    // A name no other writer uses, in the same directory so the final move is a rename.
    final Path temporary = absolute.resolveSibling(
        "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().threadId() + ".partial");
    Files.deleteIfExists(temporary); // left by a crashed run of a process that had the same id
    try {
      final long bytes;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        bytes = write(options, out);
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return bytes;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
