package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.ingest.spec.LocalInputSource;
import io.nemeton.segment.time.IsoTimestamps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartIngestTest {
  @TempDir
  Path temp;

  private List<ColumnarSegment> ingest(IngestionSpec spec, List<IngestReport> reports) throws Exception {
    final List<ColumnarSegment> segments = new ArrayList<>();
    final IngestReport report = BatchIngestion.run(spec,
        IngestOptions.defaults(temp).withVersion("2024-01-01T00:00:00.000Z"), segments::add);
    reports.add(report);
    for (ColumnarSegment segment : segments) {
      SegmentRows.checkWellFormed(segment);
    }
    return segments;
  }

  @Test
  void rollupTutorialGivesTheFiveExpectedRows() throws Exception {
    final Path quickstart = TestData.druidCompat().resolve("quickstart");
    final IngestionSpec spec = IngestionSpec.parse(TestData.read(quickstart.resolve("rollup-index.json")))
        .withInputSource(new LocalInputSource(quickstart.toString(), "rollup-data.json", List.of()));
    final List<IngestReport> reports = new ArrayList<>();
    final List<ColumnarSegment> segments = ingest(spec, reports);
    final List<Map<String, Object>> rows = SegmentRows.rows(segments);
    final JsonNode expected = new ObjectMapper().readTree(quickstart.resolve("rollup-expected.json").toFile()).get("expected");
    assertEquals(expected.size(), rows.size(), rows.toString());
    for (int i = 0; i < expected.size(); i++) {
      final JsonNode want = expected.get(i);
      final Map<String, Object> got = rows.get(i);
      assertEquals(want.get("__time").asText(), got.get("__time"));
      assertEquals(want.get("srcIP").asText(), got.get("srcIP"));
      assertEquals(want.get("dstIP").asText(), got.get("dstIP"));
      assertEquals(want.get("bytes").asLong(), got.get("bytes"));
      assertEquals(want.get("count").asLong(), got.get("count"));
      assertEquals(want.get("packets").asLong(), got.get("packets"));
    }
    // two days, one segment each
    assertEquals(2, segments.size());
    assertEquals("2018-01-01T00:00:00.000Z", IsoTimestamps.format(segments.get(0).info().intervalStartMs()));
    assertEquals("2018-01-02T00:00:00.000Z", IsoTimestamps.format(segments.get(0).info().intervalEndMs()));
    assertEquals("2024-01-01T00:00:00.000Z", segments.get(0).info().version());
    assertEquals(9, reports.get(0).processed());
    final Map<String, Object> metadata = segments.get(0).info().metadata();
    assertEquals("MINUTE", metadata.get("queryGranularity"));
    assertEquals(true, metadata.get("rollup"));
    assertEquals(3, ((List<?>) metadata.get("aggregators")).size());
    assertEquals(Map.of("column", "timestamp", "format", "iso"),
        Map.of("column", ((Map<?, ?>) metadata.get("timestampSpec")).get("column"),
            "format", ((Map<?, ?>) metadata.get("timestampSpec")).get("format")));
  }

  @Test
  void wikitickerSampleGivesAllRowsWithTheRightColumns() throws Exception {
    final Path quickstart = TestData.druidCompat().resolve("quickstart");
    final IngestionSpec spec = IngestionSpec.parse(TestData.read(quickstart.resolve("wikipedia-index.json")))
        .withInputSource(new LocalInputSource(TestData.root().resolve("samples").toString(),
            "wikiticker-2015-09-12-sampled.json.gz", List.of()));
    final List<IngestReport> reports = new ArrayList<>();
    final List<ColumnarSegment> segments = ingest(spec, reports);
    assertEquals(1, segments.size(), reports.toString());
    final ColumnarSegment segment = segments.get(0);
    assertEquals(39_244, segment.rowCount());
    assertEquals(39_244, reports.get(0).processed());
    assertEquals(0, reports.get(0).unparseable());
    final List<String> names = new ArrayList<>();
    for (ColumnarSegment.Column column : segment.columns()) {
      names.add(column.name());
    }
    assertEquals(List.of("channel", "cityName", "comment", "countryIsoCode", "countryName", "isAnonymous", "isMinor",
        "isNew", "isRobot", "isUnpatrolled", "metroCode", "namespace", "page", "regionIsoCode", "regionName", "user",
        "added", "deleted", "delta"), names);
    for (int i = 0; i < 16; i++) {
      assertEquals(ColumnType.STRING, segment.columns().get(i).type());
    }
    assertEquals(ColumnType.LONG, segment.column("added").type());
    assertEquals("2015-09-12T00:46:58.771Z", IsoTimestamps.format(segment.timesMs()[0]));
    assertEquals("2015-09-12T23:59:59.200Z", IsoTimestamps.format(segment.timesMs()[segment.rowCount() - 1]));
    long added = 0;
    for (long value : ((ColumnarSegment.LongColumn) segment.column("added")).values()) {
      added += value;
    }
    // the same total Druid's nested group-by test expects for sum(added)
    assertEquals(9_385_573L, added);
    final ColumnarSegment.StringColumn city = (ColumnarSegment.StringColumn) segment.column("cityName");
    assertNull(city.dictionary()[0], "cities are missing on most rows: null sorts first");
    final ColumnarSegment.StringColumn channel = (ColumnarSegment.StringColumn) segment.column("channel");
    assertTrue(channel.dictionary().length > 40 && channel.dictionary()[0] != null, "every row has a channel");
    assertEquals("2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z",
        new io.nemeton.segment.time.TimeInterval(segment.info().intervalStartMs(), segment.info().intervalEndMs()).toString());
  }
}
