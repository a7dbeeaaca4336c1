package io.nemeton.segment.ingest;

import io.nemeton.segment.time.IsoTimestamps;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How one ingestion runs, beyond its spec: the directory for spilled runs (created if missing;
 * run files are deleted when ingestion ends), the segment version (an ISO-8601 timestamp), and the
 * directory relative input paths resolve against.
 *
 * <p>Immutable and thread-safe.
 */
public record IngestOptions(Path tempDirectory, String version, Path workingDirectory) {
  public IngestOptions {
    Objects.requireNonNull(tempDirectory, "tempDirectory");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (IsoTimestamps.parse(version, false) == IsoTimestamps.INVALID) {
      throw new IllegalArgumentException("version=\"" + version + "\": must be an ISO-8601 timestamp");
    }
  }

  /** Spills under {@code tempDirectory}, version = now, paths relative to the process directory. */
  public static IngestOptions defaults(Path tempDirectory) {
    return new IngestOptions(tempDirectory, IsoTimestamps.format(System.currentTimeMillis()),
        Path.of("").toAbsolutePath());
  }

  public IngestOptions withVersion(String newVersion) {
    return new IngestOptions(tempDirectory, newVersion, workingDirectory);
  }

  public IngestOptions withWorkingDirectory(Path directory) {
    return new IngestOptions(tempDirectory, version, directory);
  }
}
