package io.nemeton.segment.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.SegmentInfo;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small inline specs and runs them, for tests of parsing and semantics. */
final class IngestFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Object> dataSchema = new LinkedHashMap<>();
  final Map<String, Object> inputFormat = new LinkedHashMap<>();
  final Map<String, Object> tuning = new LinkedHashMap<>();
  final Map<String, Object> granularity = new LinkedHashMap<>();
  final List<ColumnarSegment> segments = new ArrayList<>();
  /** The segments' infos of {@link #runReleasing}. */
  final List<SegmentInfo> infos = new ArrayList<>();
  IngestReport report;
  /** Bytes of spilled runs kept in memory ({@link IngestOptions#spillMemoryBytes()}); the default unless set. */
  long spillMemoryBytes = IngestOptions.defaultSpillMemoryBytes();
  private String data = "";

  IngestFixture(String format, List<Object> dimensions) {
    dataSchema.put("dataSource", "test");
    dataSchema.put("timestampSpec", Map.of("column", "ts", "format", "auto"));
    dataSchema.put("dimensionsSpec", Map.of("dimensions", dimensions));
    dataSchema.put("metricsSpec", new ArrayList<>());
    granularity.put("segmentGranularity", "day");
    granularity.put("queryGranularity", "none");
    granularity.put("rollup", false);
    dataSchema.put("granularitySpec", granularity);
    inputFormat.put("type", format);
  }

  IngestFixture data(String text) {
    data = text;
    return this;
  }

  @SuppressWarnings("unchecked")
  IngestFixture metric(Map<String, Object> aggregator) {
    ((List<Object>) dataSchema.get("metricsSpec")).add(aggregator);
    return this;
  }

  String specJson() throws Exception {
    return JSON.writeValueAsString(Map.of("type", "index_parallel", "spec", Map.of(
        "dataSchema", dataSchema,
        "ioConfig", Map.of("type", "index_parallel", "inputSource", Map.of("type", "inline", "data", data),
            "inputFormat", inputFormat),
        "tuningConfig", tuning)));
  }

  private IngestOptions options(Path temp) {
    return IngestOptions.defaults(temp).withSpillMemoryBytes(spillMemoryBytes);
  }

  List<Map<String, Object>> run(Path temp) throws Exception {
    segments.clear();
    report = BatchIngestion.run(IngestionSpec.parse(specJson()), options(temp), segments::add);
    for (ColumnarSegment segment : segments) {
      SegmentRows.checkWellFormed(segment);
    }
    return SegmentRows.rows(segments);
  }

  /**
   * Runs with a sink that {@linkplain SegmentSink#releasesSegments() releases} each segment: its
   * rows are read inside {@code accept}, since ingestion may refill the arrays afterwards. Only the
   * segments' infos are kept, in {@link #infos}.
   */
  List<Map<String, Object>> runReleasing(Path temp) throws Exception {
    segments.clear();
    infos.clear();
    final List<Map<String, Object>> rows = new ArrayList<>();
    final SegmentSink sink = new SegmentSink() {
      @Override
      public void accept(ColumnarSegment segment) {
        SegmentRows.checkWellFormed(segment);
        infos.add(segment.info());
        rows.addAll(SegmentRows.rows(List.of(segment)));
      }

      @Override
      public boolean releasesSegments() {
        return true;
      }
    };
    report = BatchIngestion.run(IngestionSpec.parse(specJson()), options(temp), sink);
    return rows;
  }
}
