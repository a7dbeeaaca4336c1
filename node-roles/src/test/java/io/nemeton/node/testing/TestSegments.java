package io.nemeton.node.testing;

import io.nemeton.segment.format.SegmentDirectoryWriter;
import io.nemeton.segment.ingest.BatchIngestion;
import io.nemeton.segment.ingest.IngestOptions;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds real segment files from inline JSON rows for tests. */
public final class TestSegments {
  private TestSegments() {}

  /**
   * Ingests JSON lines ({@code ts}, {@code page}, {@code user}, {@code added}) into segments of
   * {@code segmentGranularity}, with metrics {@code count} and {@code added} (longSum), no rollup.
   */
  public static List<Path> ingest(Path directory, String dataSource, String version, String segmentGranularity,
      String jsonLines) throws IOException {
    final String spec = """
        {"type":"index_parallel","spec":{
          "dataSchema":{"dataSource":"%s","timestampSpec":{"column":"ts","format":"iso"},
            "dimensionsSpec":{"dimensions":["page","user"]},
            "metricsSpec":[{"type":"count","name":"count"},{"type":"longSum","name":"added","fieldName":"added"}],
            "granularitySpec":{"segmentGranularity":"%s","queryGranularity":"none","rollup":false}},
          "ioConfig":{"type":"index_parallel","inputSource":{"type":"inline","data":%s},"inputFormat":{"type":"json"}}}}
        """.formatted(dataSource, segmentGranularity, quote(jsonLines));
    final Path out = Files.createDirectories(directory.resolve(dataSource + "-" + version.replace(':', '_')));
    final SegmentDirectoryWriter writer = new SegmentDirectoryWriter(out);
    BatchIngestion.run(IngestionSpec.parse(spec),
        IngestOptions.defaults(Files.createDirectories(out.resolve(".tmp"))).withVersion(version), writer);
    return writer.files();
  }

  private static String quote(String text) {
    final StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
