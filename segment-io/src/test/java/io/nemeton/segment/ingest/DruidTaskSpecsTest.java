package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.spec.IngestSpecException;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.ingest.spec.LocalInputSource;
import io.nemeton.segment.time.IsoTimestamps;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.HllUnion;
import org.apache.datasketches.quantiles.QuantilesDoublesSketch;
import org.apache.datasketches.theta.CompactThetaSketch;
import org.apache.datasketches.theta.ThetaSetOperation;
import org.apache.datasketches.theta.ThetaUnion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Druid's own integration-test task specs (testdata/druid-compat/it-wiki) parse and ingest. */
class DruidTaskSpecsTest {
  private static final Path INDEXER = TestData.druidCompat().resolve("it-wiki").resolve("indexer");
  private static final Path DATA = TestData.druidCompat().resolve("it-wiki").resolve("data");

  @TempDir
  Path temp;

  private static Map<String, String> placeholders() {
    final Map<String, String> values = new HashMap<>();
    values.put("%%DATASOURCE%%", "wikipedia_it");
    values.put("%%DATA_DIRECTORY%%", DATA.toString());
    values.put("%%SEGMENT_AVAIL_TIMEOUT_MILLIS%%", "0");
    values.put("%%FORCE_GUARANTEED_ROLLUP%%", "false");
    values.put("%%PARTITIONS_SPEC%%", "{\"type\": \"dynamic\"}");
    values.put("%%APPEND_TO_EXISTING%%", "false");
    values.put("%%DROP_EXISTING%%", "false");
    values.put("%%INPUT_FORMAT%%", "{\"type\": \"json\"}");
    values.put("%%INPUT_SOURCE_BASE_DIR%%", DATA.resolve("json").toString());
    values.put("%%INPUT_SOURCE_FILTER%%", "tiny_wiki*");
    values.put("%%USE_NESTED_COLUMN_INDEXER%%", "false");
    return values;
  }

  private static IngestionSpec spec(String file, Map<String, String> values) {
    String text = TestData.read(INDEXER.resolve(file));
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    return IngestionSpec.parse(text);
  }

  private List<ColumnarSegment> ingest(IngestionSpec spec) throws Exception {
    final List<ColumnarSegment> segments = new ArrayList<>();
    BatchIngestion.run(spec, IngestOptions.defaults(temp), segments::add);
    for (ColumnarSegment segment : segments) {
      SegmentRows.checkWellFormed(segment);
    }
    return segments;
  }

  @Test
  void indexTaskBuildsSketchesAndCutsThreeRowSegments() throws Exception {
    final List<ColumnarSegment> segments = ingest(spec("wikipedia_index_task.json", placeholders()));
    final List<Integer> sizes = new ArrayList<>();
    final List<Integer> partitions = new ArrayList<>();
    for (ColumnarSegment segment : segments) {
      sizes.add(segment.rowCount());
      partitions.add(segment.info().partition());
    }
    // five rows on each of two days, maxRowsPerSegment 3
    assertEquals(List.of(3, 2, 3, 2), sizes);
    assertEquals(List.of(0, 1, 0, 1), partitions);
    assertEquals("wikipedia_it", segments.get(0).info().dataSource());
    final HllUnion hll = new HllUnion(12);
    final ThetaUnion theta = ThetaSetOperation.builder().setNominalEntries(16384).buildUnion();
    long quantilesN = 0;
    double added = 0;
    for (ColumnarSegment segment : segments.subList(0, 2)) {
      final ColumnarSegment.ComplexColumn hllColumn = (ColumnarSegment.ComplexColumn) segment.column("HLLSketchBuild");
      assertEquals("HLLSketch", hllColumn.typeName());
      for (byte[] state : hllColumn.values()) {
        hll.update(HllSketch.heapify(state));
      }
      for (byte[] state : ((ColumnarSegment.ComplexColumn) segment.column("thetaSketch")).values()) {
        theta.union(CompactThetaSketch.wrap(state));
      }
      for (byte[] state : ((ColumnarSegment.ComplexColumn) segment.column("quantilesDoublesSketch")).values()) {
        quantilesN += QuantilesDoublesSketch.heapify(MemorySegment.ofArray(state)).getN();
      }
      for (double value : ((ColumnarSegment.DoubleColumn) segment.column("added")).values()) {
        added += value;
      }
    }
    // Druid's expected results for 2013-08-31: five distinct users, five deltas
    assertEquals(5.0, hll.getEstimate(), 0.01);
    assertEquals(5.0, theta.getResult().getEstimate(), 0.0);
    assertEquals(5, quantilesN);
    assertEquals(57 + 459 + 123 + 905 + 1, added, 0.0);
    assertEquals(7, ((List<?>) segments.get(0).info().metadata().get("aggregators")).size());
    assertEquals("SECOND", segments.get(0).info().metadata().get("queryGranularity"));
  }

  @Test
  void localInputSourceReadsJsonCsvAndTsvAlike() throws Exception {
    final Map<String, List<String>> byFormat = new HashMap<>();
    for (String format : List.of("json", "csv", "tsv")) {
      final Map<String, String> values = placeholders();
      values.put("%%INPUT_FORMAT%%", format.equals("json") ? "{\"type\": \"json\"}"
          : "{\"type\": \"" + format + "\", \"findColumnsFromHeader\": true}");
      values.put("%%INPUT_SOURCE_BASE_DIR%%", DATA.resolve(format).toString());
      values.put("%%INPUT_SOURCE_FILTER%%", format.equals("json") ? "tiny_wiki*" : "wikipedia_index_data*");
      final List<String> rows = new ArrayList<>();
      for (Map<String, Object> row : SegmentRows.rows(ingest(spec("wikipedia_local_input_source_index_task.json", values)))) {
        rows.add(row.get("__time") + " " + row.get("page") + " " + row.get("user") + " " + row.get("count") + " "
            + row.get("added") + " " + row.get("deleted") + " " + row.get("delta") + " " + row.get("city"));
      }
      byFormat.put(format, rows);
    }
    assertEquals(10, byFormat.get("json").size());
    assertEquals(byFormat.get("json"), byFormat.get("csv"));
    assertEquals(byFormat.get("json"), byFormat.get("tsv"));
  }

  @Test
  void schemalessTaskDiscoversDimensionsInOrderOfAppearance() throws Exception {
    final List<ColumnarSegment> segments = ingest(spec("wikipedia_local_input_source_index_task_schemaless.json", placeholders()));
    final List<String> names = new ArrayList<>();
    for (ColumnarSegment.Column column : segments.get(0).columns()) {
      names.add(column.name());
      assertEquals(ColumnType.STRING, column.type());
    }
    assertEquals(List.of("page", "language", "tags", "user", "unpatrolled", "newPage", "robot", "anonymous", "namespace",
        "continent", "country", "region", "city", "added", "deleted", "delta"), names);
    final ColumnarSegment.StringColumn tags = (ColumnarSegment.StringColumn) segments.get(0).column("tags");
    assertTrue(tags.multiValue());
    assertEquals(List.of("t1", "t2"), SegmentRows.value(tags, 0));
    assertEquals("57", SegmentRows.rows(segments.get(0)).get(0).get("added"), "JSON numbers become text");
  }

  @Test
  void missingInputFileIsNamed() {
    final IngestSpecException error = assertThrows(IngestSpecException.class,
        () -> ingest(spec("wikipedia_index_task_with_dimension_spec.json", placeholders())));
    assertTrue(error.getMessage().contains("tiny_wiki1.json"), error.getMessage());
  }

  @Test
  void dimensionSpecTaskIngestsOnceTheFilesExist() throws Exception {
    String text = TestData.read(INDEXER.resolve("wikipedia_index_task_with_dimension_spec.json"))
        .replace("tiny_wiki1.json", "tiny_wiki_1.json").replace("tiny_wiki2.json", "tiny_wiki_2.json")
        .replace("tiny_wiki3.json", "tiny_wiki_3.json");
    for (Map.Entry<String, String> value : placeholders().entrySet()) {
      text = text.replace(value.getKey(), value.getValue());
    }
    final List<ColumnarSegment> segments = ingest(IngestionSpec.parse(text));
    assertEquals(List.of("page", "language", "user", "unpatrolled", "newPage", "robot", "anonymous", "namespace",
        "continent", "country", "region", "city", "count", "added", "deleted", "delta", "thetaSketch",
        "quantilesDoublesSketch", "HLLSketchBuild"),
        segments.get(0).columns().stream().map(ColumnarSegment.Column::name).toList());
    // queryGranularity DAY with rollup: one row per language and day
    final List<Map<String, Object>> rows = SegmentRows.rows(segments);
    long count = 0;
    for (Map<String, Object> row : rows) {
      assertTrue(((String) row.get("__time")).endsWith("T00:00:00.000Z"));
      count += (Long) row.get("count");
    }
    assertEquals(10, count);
  }

  @Test
  void granularitySpecTaskTruncatesToTheHour() throws Exception {
    final Map<String, String> values = placeholders();
    values.put("%%GRANULARITYSPEC%%", "{\"segmentGranularity\": \"DAY\", \"queryGranularity\": \"HOUR\", "
        + "\"intervals\": [\"2013-08-31/2013-09-01\"]}");
    final List<ColumnarSegment> segments = ingest(spec("wikipedia_index_task_with_granularity_spec.json", values));
    assertEquals(List.of("language", "count", "added", "deleted", "delta", "thetaSketch", "quantilesDoublesSketch",
        "HLLSketchBuild"), segments.get(0).columns().stream().map(ColumnarSegment.Column::name).toList());
    final List<Map<String, Object>> rows = SegmentRows.rows(segments);
    long count = 0;
    for (Map<String, Object> row : rows) {
      assertTrue(((String) row.get("__time")).startsWith("2013-08-31T") && ((String) row.get("__time")).endsWith(":00:00.000Z"));
      count += (Long) row.get("count");
    }
    assertEquals(5, count, "rows of 2013-09-01 are outside the interval");
  }

  @Test
  void timestampColumnCanAlsoBeADimension() throws Exception {
    final List<Map<String, Object>> rows = SegmentRows.rows(ingest(spec("wikipedia_with_timestamp_index_task.json", placeholders())));
    assertEquals(10, rows.size());
    assertEquals("2013-08-31T01:02:33Z", rows.get(0).get("timestamp"));
    assertEquals("2013-08-31T01:02:33.000Z", rows.get(0).get("__time"));
  }

  @Test
  void mergeTaskKeepsFirstAndLastPerGroup() throws Exception {
    final List<ColumnarSegment> segments = ingest(spec("wikipedia_merge_index_task.json", placeholders()));
    final Map<String, Object> asia = SegmentRows.rows(segments).stream()
        .filter(row -> "Asia".equals(row.get("continent")) && ((String) row.get("__time")).startsWith("2013-08-31"))
        .findFirst().orElseThrow();
    // Druid's expected results: earliest user masterYi, latest stringer, delta first 111, last -9
    assertEquals("masterYi", pairString((byte[]) asia.get("first_user")));
    assertEquals("stringer", pairString((byte[]) asia.get("last_user")));
    assertEquals(111.0, pairDouble((byte[]) asia.get("double_first_delta")), 0.0);
    assertEquals(-9.0, pairDouble((byte[]) asia.get("double_last_delta")), 0.0);
    assertEquals(111L, ByteBuffer.wrap((byte[]) asia.get("long_first_delta")).order(ByteOrder.LITTLE_ENDIAN).getLong(9));
    assertEquals(-9.0f, ByteBuffer.wrap((byte[]) asia.get("float_last_delta")).order(ByteOrder.LITTLE_ENDIAN).getFloat(9), 0f);
    assertEquals("serializablePairLongString", ((ColumnarSegment.ComplexColumn) segments.get(0).column("first_user")).typeName());
  }

  private static String pairString(byte[] pair) {
    final ByteBuffer buffer = ByteBuffer.wrap(pair).order(ByteOrder.LITTLE_ENDIAN);
    buffer.getLong();
    final int length = buffer.getInt();
    return new String(pair, 12, length, StandardCharsets.UTF_8);
  }

  private static double pairDouble(byte[] pair) {
    final ByteBuffer buffer = ByteBuffer.wrap(pair).order(ByteOrder.LITTLE_ENDIAN);
    buffer.getLong();
    buffer.get();
    return buffer.getDouble();
  }

  @Test
  void jsonPathTaskFlattensInlineData() throws Exception {
    final List<Map<String, Object>> rows = SegmentRows.rows(ingest(spec("json_path_index_task.json", placeholders())));
    assertEquals(1, rows.size());
    assertEquals(5L, rows.get(0).get("len"));
    assertEquals(0L, rows.get(0).get("min"));
    assertEquals(4L, rows.get(0).get("max"));
    assertEquals(10L, rows.get(0).get("sum"));
  }

  @Test
  void parallelTasksIngest() throws Exception {
    assertEquals(10, SegmentRows.rows(ingest(spec("wikipedia_parallel_index_task.json", placeholders()))).size());
    // upstream renamed the data files from tiny_wiki2.json to tiny_wiki_2.json
    final IngestionSpec reindex = spec("wikipedia_parallel_reindex_task.json", placeholders())
        .withInputSource(new LocalInputSource(DATA.resolve("json").toString(), "tiny_wiki_2*", List.of()));
    assertEquals(3, SegmentRows.rows(ingest(reindex)).size());
    assertEquals(10, SegmentRows.rows(ingest(spec("wikipedia_index_with_merge_column_limit_task.json", placeholders()))).size());
  }

  @Test
  void wikitickerTaskRollsUpTheSample() throws Exception {
    final IngestionSpec spec = spec("wikiticker_index_task.json", placeholders())
        .withInputSource(new LocalInputSource(TestData.root().resolve("samples").toString(),
            "wikiticker-2015-09-12-sampled.json.gz", List.of()));
    long count = 0;
    long added = 0;
    for (Map<String, Object> row : SegmentRows.rows(ingest(spec))) {
      count += (Long) row.get("count");
      added += (Long) row.get("added");
    }
    assertEquals(39_244, count);
    assertEquals(9_385_573L, added);
  }

  @Test
  void transformsAreRefusedUntilExpressionsExist() {
    final IngestSpecException error = assertThrows(IngestSpecException.class,
        () -> spec("wikipedia_index_task_with_inputsource_transform.json", placeholders()));
    assertTrue(error.getMessage().contains("spec.dataSchema.transformSpec.transforms"), error.getMessage());
    assertTrue(error.getMessage().contains("expression language"), error.getMessage());
  }

  @Test
  void unsupportedSourcesAndTaskTypesAreRefusedByName() {
    final Map<String, String> values = placeholders();
    values.put("%%REINDEX_DATASOURCE%%", "other");
    final IngestSpecException druid = assertThrows(IngestSpecException.class, () -> spec("wikipedia_reindex_task.json", values));
    assertEquals("spec.ioConfig.inputSource.type=\"druid\": input source type is not supported (supported: local, inline)",
        druid.getMessage());
    final IngestSpecException http = assertThrows(IngestSpecException.class,
        () -> spec("wikipedia_http_inputsource_task.json", values));
    assertTrue(http.getMessage().contains("\"http\""), http.getMessage());
    final IngestSpecException compact = assertThrows(IngestSpecException.class, () -> spec("wikipedia_compaction_task.json", values));
    assertTrue(compact.getMessage().startsWith("type=\"compact\""), compact.getMessage());
    final IngestSpecException placeholder = assertThrows(IngestSpecException.class,
        () -> IngestionSpec.parse(TestData.read(INDEXER.resolve("wikipedia_index_task.json"))));
    assertTrue(placeholder.getMessage().contains("%%DATASOURCE%%"), placeholder.getMessage());
  }

  @Test
  void everyLocalTaskSpecParses() {
    final Map<String, String> values = placeholders();
    values.put("%%GRANULARITYSPEC%%", "{\"segmentGranularity\": \"DAY\"}");
    values.put("%%JOIN_DATASOURCE%%", "join");
    final TreeSet<String> parsed = new TreeSet<>();
    for (String file : List.of("broadcast_join_index_task.json", "json_path_index_task.json", "wikipedia_index_task.json",
        "wikipedia_index_task_with_dimension_spec.json", "wikipedia_index_task_with_granularity_spec.json",
        "wikipedia_index_with_merge_column_limit_task.json", "wikipedia_local_input_source_index_task.json",
        "wikipedia_local_input_source_index_task_schemaless.json", "wikipedia_merge_index_task.json",
        "wikipedia_parallel_index_task.json", "wikipedia_parallel_reindex_task.json",
        "wikipedia_with_timestamp_index_task.json", "wikiticker_index_task.json")) {
      final IngestionSpec spec = spec(file, values);
      assertTrue(spec.dataSource().length() > 0);
      parsed.add(file);
    }
    assertEquals(13, parsed.size());
    assertEquals(IsoTimestamps.parse("2013-08-31", false),
        spec("wikipedia_index_task.json", values).granularitySpec().intervals().get(0).startMs());
  }
}
