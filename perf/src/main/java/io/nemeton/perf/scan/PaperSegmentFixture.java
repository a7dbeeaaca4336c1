package io.nemeton.perf.scan;

import io.nemeton.bench.PaperSchema;
import io.nemeton.perf.ingest.PaperCsvFixture;
import io.nemeton.segment.format.RegionVerification;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentDirectoryWriter;
import io.nemeton.segment.format.SegmentFileLayout;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.IngestReport;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scan benchmark's data: the paper-schema CSV ({@link PaperCsvFixture}) ingested through the
 * real batch ingestion ({@code scan/ingest-spec.json}: no rollup, day segments, {@code
 * maxRowsPerSegment} = rows / segments rounded up) into segment files, cached under the data
 * directory as {@code paper-segments-f<format>-d<data>-<rows>-<seed>-s<segments>/}. The format
 * and data versions are in the name, so a changed file format or generator never reuses stale
 * files; a cached directory holds a manifest written last ({@code segments.txt}, one relative
 * path per line) and is built under a temporary name and renamed, so a directory that exists is
 * complete. A cached directory whose files no longer open (a format change without a version
 * change, a damaged file) is rebuilt.
 *
 * <p>Stateless; not meant for two processes building the same directory at once.
 */
public final class PaperSegmentFixture {
  static final String MANIFEST = "segments.txt";

  private PaperSegmentFixture() {}

  /** The cache directory for these settings, whether or not it exists yet. */
  public static Path directory(Path dataDirectory, long rows, long seed, int segments) {
    return dataDirectory.resolve("paper-segments-f" + SegmentFileLayout.FORMAT_VERSION + "-d"
        + PaperSchema.DATA_VERSION + "-" + rows + "-" + seed + "-s" + segments);
  }

  /** Rows per segment so that {@code rows} rows make {@code segments} segments. */
  static int maxRowsPerSegment(long rows, int segments) {
    final long perSegment = (rows + segments - 1) / segments;
    if (rows < 1 || segments < 1 || perSegment > Integer.MAX_VALUE || segments > rows) {
      throw new IllegalArgumentException("rows=" + rows + " segments=" + segments
          + ": need 1 <= segments <= rows and at most " + Integer.MAX_VALUE + " rows per segment");
    }
    return (int) perSegment;
  }

  /**
   * The segment files for these settings, in partition order, ingesting them first (and the CSV
   * before that) when they are not cached. Progress lines go to {@code log}.
   */
  public static List<Path> ensure(Path dataDirectory, Path csv, long rows, long seed, int segments,
      java.io.PrintStream log) throws IOException {
    final Path directory = directory(dataDirectory, rows, seed, segments);
    final List<Path> cached = readManifest(directory);
    if (cached != null && opens(cached, rows, log)) {
      return cached;
    }
    deleteRecursively(directory);
    final Path building = directory.resolveSibling(directory.getFileName() + ".building");
    deleteRecursively(building);
    Files.createDirectories(building);
    log.printf("ingesting %s into %d segments under %s%n", csv.getFileName(), segments, directory);
    final String spec = PaperQuery.ingestSpecTemplate()
        .replace("${csv}", csv.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\""))
        .replace("${maxRowsPerSegment}", Integer.toString(maxRowsPerSegment(rows, segments)));
    final SegmentDirectoryWriter writer = new SegmentDirectoryWriter(building.resolve("store"));
    final long start = System.nanoTime();
    final IngestReport report = BatchIngestion.run(IngestionSpec.parse(spec),
        IngestOptions.defaults(building.resolve("tmp")), writer);
    if (report.unparseable() != 0 || writer.rowsWritten() != rows) {
      throw new IllegalStateException("csv=" + csv + ": ingest wrote rows=" + writer.rowsWritten() + " expected="
          + rows + " unparseable=" + report.unparseable() + " " + report.parseExceptionMessages());
    }
    log.printf("ingested rows=%d segments=%d bytes=%d in %.1f s%n", writer.rowsWritten(), writer.files().size(),
        writer.bytesWritten(), (System.nanoTime() - start) / 1e9);
    deleteRecursively(building.resolve("tmp"));
    final List<String> lines = new ArrayList<>();
    for (Path file : writer.files()) {
      lines.add(building.relativize(file).toString());
    }
    Files.write(building.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
    Files.move(building, directory, StandardCopyOption.ATOMIC_MOVE);
    final List<Path> files = readManifest(directory);
    if (files == null) {
      throw new IllegalStateException("directory=" + directory + ": manifest missing right after it was written");
    }
    return files;
  }

  /** The files a cached directory lists, or null when it has no manifest. */
  static List<Path> readManifest(Path directory) throws IOException {
    final Path manifest = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return null;
    }
    final List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        files.add(directory.resolve(line.strip()));
      }
    }
    return List.copyOf(files);
  }

  /** Whether every cached file opens, verifies and the rows add up; says why not on {@code log}. */
  private static boolean opens(List<Path> files, long rows, java.io.PrintStream log) {
    long total = 0;
    for (Path file : files) {
      try (Segment segment = Segment.open(file, RegionVerification.AT_OPEN)) {
        total += segment.rowCount();
      } catch (IOException | RuntimeException e) {
        log.printf("cached segment file=%s does not open (%s): rebuilding%n", file, e.getMessage());
        return false;
      }
    }
    if (total != rows) {
      log.printf("cached segments hold rows=%d expected=%d: rebuilding%n", total, rows);
      return false;
    }
    return true;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
