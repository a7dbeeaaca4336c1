package io.nemeton.perf.ingest;

import io.nemeton.bench.DatasetWriter;
import io.nemeton.bench.Dataset;
import io.nemeton.bench.GenerationOptions;
import io.nemeton.bench.OutputFormat;
import io.nemeton.bench.PaperSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The paper-schema CSV an ingest benchmark reads, generated once and cached in a directory chosen
 * by the caller (e.g. {@code perf/target/bench-data}) as {@code paper-v<version>-<rows>-<seed>.csv}.
 * The data version is in the name, so a changed generator never reuses a stale file; the file is
 * written under a temporary name and renamed, so an existing file is always complete.
 *
 * <p>Stateless; concurrent calls for the same file may both generate it, with the same bytes.
 */
public final class PaperCsvFixture {
  private PaperCsvFixture() {}

  /** The cache path for {@code rows} rows of seed {@code seed}, whether or not it exists yet. */
  public static Path path(Path directory, long rows, long seed) {
    return directory.resolve("paper-v" + PaperSchema.DATA_VERSION + "-" + rows + "-" + seed + ".csv");
  }

  /** Returns the cached CSV, generating it first if it is missing. */
  public static Path ensure(Path directory, long rows, long seed) throws IOException {
    final Path file = path(directory, rows, seed);
    if (!Files.isRegularFile(file)) {
      final GenerationOptions options = new GenerationOptions(
          Dataset.PAPER, rows, seed, OutputFormat.CSV, file.toString(), GenerationOptions.defaultThreads(), false);
      DatasetWriter.writeFile(options, file);
    }
    return file;
  }
}
