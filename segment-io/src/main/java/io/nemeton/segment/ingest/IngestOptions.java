package io.nemeton.segment.ingest;

import io.nemeton.segment.time.IsoTimestamps;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How one ingestion runs, beyond its spec: the directory for spilled runs (created if missing;
 * run files are deleted when ingestion ends), the segment version (an ISO-8601 timestamp), the
 * directory relative input paths resolve against, and how many bytes of spilled runs may stay in
 * memory instead of files ({@link #spillMemoryBytes}).
 *
 * <p>Immutable and thread-safe.
 */
public record IngestOptions(Path tempDirectory, String version, Path workingDirectory, long spillMemoryBytes) {
  /** The most {@link #defaultSpillMemoryBytes()} gives: 1 GiB. */
  public static final long MAX_DEFAULT_SPILL_MEMORY_BYTES = 1L << 30;

  /**
   * @param spillMemoryBytes bytes of spilled runs (row-major, as sorted and bucketed by time) kept
   *     in memory, beside {@code maxRowsInMemory} rows of the buffer, before runs go to files; 0
   *     spills every run to a file. Only ingestion without rollup and sketches keeps runs in memory.
   */
  public IngestOptions {
    Objects.requireNonNull(tempDirectory, "tempDirectory");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (IsoTimestamps.parse(version, false) == IsoTimestamps.INVALID) {
      throw new IllegalArgumentException("version=\"" + version + "\": must be an ISO-8601 timestamp");
    }
    if (spillMemoryBytes < 0) {
      throw new IllegalArgumentException("spillMemoryBytes=" + spillMemoryBytes + ": must be 0 or more");
    }
  }

  /** With the default spill memory ({@link #defaultSpillMemoryBytes()}). */
  public IngestOptions(Path tempDirectory, String version, Path workingDirectory) {
    this(tempDirectory, version, workingDirectory, defaultSpillMemoryBytes());
  }

  /**
   * An eighth of the heap's limit, at most {@link #MAX_DEFAULT_SPILL_MEMORY_BYTES}: the same order
   * as the rows Druid holds in memory before it persists (a sixth of the heap by default).
   */
  public static long defaultSpillMemoryBytes() {
    return Math.min(MAX_DEFAULT_SPILL_MEMORY_BYTES, Runtime.getRuntime().maxMemory() / 8);
  }

  /** Spills under {@code tempDirectory}, version = now, paths relative to the process directory. */
  public static IngestOptions defaults(Path tempDirectory) {
    return new IngestOptions(tempDirectory, IsoTimestamps.format(System.currentTimeMillis()),
        Path.of("").toAbsolutePath());
  }

  public IngestOptions withVersion(String newVersion) {
    return new IngestOptions(tempDirectory, newVersion, workingDirectory, spillMemoryBytes);
  }

  public IngestOptions withWorkingDirectory(Path directory) {
    return new IngestOptions(tempDirectory, version, directory, spillMemoryBytes);
  }

  /** The same options with {@code bytes} of spill memory (0: every run to a file). */
  public IngestOptions withSpillMemoryBytes(long bytes) {
    return new IngestOptions(tempDirectory, version, workingDirectory, bytes);
  }
}
