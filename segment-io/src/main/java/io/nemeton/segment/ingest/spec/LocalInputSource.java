package io.nemeton.segment.ingest.spec;

import java.util.List;

/**
 * Local files: every file under {@code baseDir} (recursively) whose name matches the glob {@code
 * filter} ({@code *} and {@code ?}), plus the listed {@code files}. Relative paths resolve against
 * the working directory given to ingestion. Files ending in {@code .gz} are read through gzip.
 *
 * <p>Immutable and thread-safe.
 */
public record LocalInputSource(String baseDir, String filter, List<String> files) implements InputSourceSpec {
  public LocalInputSource {
    files = List.copyOf(files);
  }
}
