package io.nemeton.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.format.Segment;
import io.nemeton.segment.format.SegmentDirectoryWriter;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.IngestReport;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code nemeton sample}: ingests the bundled Wikipedia sample with the tutorial's spec into segment
 * files and prints what was built, read back from the files.
 */
final class SampleCommand {
  static final String SPEC_FILE = "samples/wikipedia-index.json";

  private final Path home;
  private final Path outputDirectory;

  private SampleCommand(Path home, Path outputDirectory) {
    this.home = home;
    this.outputDirectory = outputDirectory;
  }

  static SampleCommand parse(String[] args, Path home) throws Main.UsageException {
    Path out = home.resolve("var/sample-segments");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        if (i + 1 == args.length) {
          throw new Main.UsageException("--out needs a directory");
        }
        out = Path.of(args[++i]).toAbsolutePath();
      } else {
        throw new Main.UsageException("unknown option \"" + args[i] + "\" (known: --out DIR)");
      }
    }
    return new SampleCommand(home, out);
  }

  int run(PrintStream out) throws IOException {
    Path specFile = home.resolve(SPEC_FILE);
    if (!Files.isRegularFile(specFile)) {
      throw new IOException("sample spec not found: " + specFile + " (run from the repository, or set -Dnemeton.home)");
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode task = (ObjectNode) json.readTree(specFile.toFile());
    JsonNode inputSource = task.path("spec").path("ioConfig").path("inputSource");
    ((ObjectNode) inputSource).put("baseDir", home.resolve("samples").toString());
    IngestionSpec spec = IngestionSpec.parse(json.writeValueAsString(task));

    deleteRecursively(outputDirectory);
    Files.createDirectories(outputDirectory);
    SegmentDirectoryWriter writer = new SegmentDirectoryWriter(outputDirectory);
    long startNs = System.nanoTime();
    IngestReport report = BatchIngestion.run(spec,
        IngestOptions.defaults(outputDirectory.resolve(".tmp")).withWorkingDirectory(home), writer);
    long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
    Files.deleteIfExists(outputDirectory.resolve(".tmp"));

    out.printf("ingested %s: %,d rows processed, %,d with errors, %,d thrown away, %,d unparseable in %,d ms%n",
        spec.dataSource(), report.processed(), report.processedWithError(), report.thrownAway(),
        report.unparseable(), elapsedMs);
    long rows = 0;
    for (Path file : writer.files()) {
      try (Segment segment = Segment.open(file)) {
        rows += segment.rowCount();
        out.printf("%nsegment %s%n  file %s (%,d bytes, %.1f bytes/row)%n  rows %,d%n",
            segment.info().segmentId(), outputDirectory.relativize(file), segment.sizeBytes(),
            segment.rowCount() == 0 ? 0.0 : (double) segment.sizeBytes() / segment.rowCount(), segment.rowCount());
        out.printf("  %-16s %-8s %-10s %12s%n", "column", "type", "role", "cardinality");
        for (String name : segment.columnNames()) {
          ColumnType type = segment.columnType(name);
          String cardinality = type == ColumnType.STRING
              ? String.format("%,d", segment.stringColumn(name).cardinality()) : "";
          out.printf("  %-16s %-8s %-10s %12s%n", name, type, segment.role(name), cardinality);
        }
      }
    }
    out.printf("%n%,d rows in %d segment file(s) under %s%n", rows, writer.files().size(), outputDirectory);
    return 0;
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
