package io.nemeton.segment.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.segment.ColumnType;
import io.nemeton.segment.ColumnarSegment;
import io.nemeton.segment.ingest.spec.IngestionSpec;
import io.nemeton.segment.ingest.spec.LocalInputSource;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each input format makes of values: nulls, types, lists, quoting, headers, errors. */
class InputParsingTest {
  @TempDir
  Path temp;

  @Test
  void jsonNullsFollowSqlCompatibleRules() throws Exception {
    final List<Map<String, Object>> rows = new IngestFixture("json", List.of("s", "n", "b", "list", "obj"))
        .data("""
            {"ts": "2020-01-01T00:00:01Z", "s": "", "n": 36, "b": false, "list": [], "obj": {"a": 1}}
            {"ts": "2020-01-01T00:00:02Z", "s": null, "n": 1.5, "b": true, "list": ["x", "a", "x"]}
            {"ts": "2020-01-01T00:00:03Z", "list": ["only"], "n": 12345678901234567890}
            """).run(temp);
    assertEquals(3, rows.size());
    assertEquals("", rows.get(0).get("s"), "JSON \"\" stays \"\"");
    assertNull(rows.get(1).get("s"), "JSON null is null");
    assertNull(rows.get(2).get("s"), "a missing key is null");
    assertEquals("36", rows.get(0).get("n"));
    assertEquals("1.5", rows.get(1).get("n"));
    assertEquals("12345678901234567890", rows.get(2).get("n"));
    assertEquals("false", rows.get(0).get("b"));
    assertNull(rows.get(0).get("list"), "an empty array is null");
    assertEquals(List.of("a", "x", "x"), rows.get(1).get("list"), "multi-value rows are sorted, duplicates kept");
    assertEquals("only", rows.get(2).get("list"));
    assertEquals("{\"a\":1}", rows.get(0).get("obj"));
  }

  @Test
  void multiValueHandlingOptions() throws Exception {
    final String data = "{\"ts\": 1, \"a\": [\"z\", \"y\", \"z\"], \"b\": [\"z\", \"y\", \"z\"], \"c\": [\"z\", \"y\", \"z\"]}\n";
    final List<Map<String, Object>> rows = new IngestFixture("json", List.of(
        Map.of("name", "a", "multiValueHandling", "sorted_array"),
        Map.of("name", "b", "multiValueHandling", "SORTED_SET"),
        Map.of("name", "c", "multiValueHandling", "array"))).data(data).run(temp);
    assertEquals(List.of("y", "z", "z"), rows.get(0).get("a"));
    assertEquals(List.of("y", "z"), rows.get(0).get("b"));
    assertEquals(List.of("z", "y", "z"), rows.get(0).get("c"));
  }

  @Test
  void numericDimensionsParseAndReportBadValues() throws Exception {
    final IngestFixture fixture = new IngestFixture("csv", List.of(Map.of("name", "l", "type", "long"),
        Map.of("name", "f", "type", "float"), Map.of("name", "d", "type", "double")));
    fixture.inputFormat.put("columns", List.of("ts", "l", "f", "d"));
    final List<Map<String, Object>> rows = fixture.data("""
        2020-01-01T00:00:01Z,7,0.1,0.1
        2020-01-01T00:00:02Z,,,
        2020-01-01T00:00:03Z,12.9,1e3,-2.5E-3
        2020-01-01T00:00:04Z,abc,x,NaN
        """).run(temp);
    assertEquals(7L, rows.get(0).get("l"));
    assertEquals(0.1f, rows.get(0).get("f"));
    assertEquals(0.1, rows.get(0).get("d"));
    assertNull(rows.get(1).get("l"), "an empty CSV field is null");
    assertNull(rows.get(1).get("d"));
    assertEquals(12L, rows.get(2).get("l"), "decimals are cast to long");
    assertEquals(1000f, rows.get(2).get("f"));
    assertEquals(-2.5E-3, rows.get(2).get("d"));
    assertNull(rows.get(3).get("l"));
    assertNull(rows.get(3).get("f"));
    assertTrue(Double.isNaN((Double) rows.get(3).get("d")));
    assertEquals(3, fixture.report.processed());
    assertEquals(1, fixture.report.processedWithError());
    assertEquals(1, fixture.report.parseExceptionMessages().size());
    assertEquals("file=inline line=4: column=l value=\"abc\" is not a number; stored as null",
        fixture.report.parseExceptionMessages().get(0));
    assertEquals(ColumnType.FLOAT, fixture.segments.get(0).column("f").type());
  }

  @Test
  void csvQuotingListsAndHeaders() throws Exception {
    final IngestFixture fixture = new IngestFixture("csv", List.of("name", "tags", "note"));
    fixture.inputFormat.put("findColumnsFromHeader", true);
    fixture.inputFormat.put("skipHeaderRows", 1);
    fixture.inputFormat.put("listDelimiter", "|");
    final List<Map<String, Object>> rows = fixture.data(("this line is skipped\n"
        + "ts,name,tags,note\n"
        + "2020-01-01T00:00:01Z,\"Smith, John\",a|b,\"say \"\"hi\"\"\"\n"
        + "2020-01-01T00:00:02Z,plain,c,\"\"\n"
        + "\n"
        + "2020-01-01T00:00:03Z,é日本,c|,\n").replace("\n", "\r\n")).run(temp);
    assertEquals(3, rows.size(), "the blank line is skipped");
    assertEquals("Smith, John", rows.get(0).get("name"));
    assertEquals(List.of("a", "b"), rows.get(0).get("tags"));
    assertEquals("say \"hi\"", rows.get(0).get("note"));
    assertNull(rows.get(1).get("note"), "a quoted empty field is null too");
    assertEquals("é日本", rows.get(2).get("name"));
    assertEquals(Arrays.asList(null, "c"), rows.get(2).get("tags"));
  }

  @Test
  void tsvWithCustomDelimiterAndGzipFiles() throws Exception {
    final Path dir = Files.createDirectories(temp.resolve("in"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("part-1.tsv.gz")))) {
      out.write("ts|city|n\n2020-01-01T00:00:01Z|Paris|1\n2020-01-01T00:00:02Z|\"Quoted|Pipe\"|2\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("part-2.tsv"), "\uFEFFts|city|n\n2020-01-01T00:00:03Z|Rome|3");
    Files.writeString(dir.resolve("ignored.txt"), "not matched");
    final IngestFixture fixture = new IngestFixture("tsv", List.of("city", Map.of("name", "n", "type", "long")));
    fixture.inputFormat.put("delimiter", "|");
    fixture.inputFormat.put("findColumnsFromHeader", true);
    final List<ColumnarSegment> segments = new ArrayList<>();
    BatchIngestion.run(IngestionSpec.parse(fixture.specJson()).withInputSource(
        new LocalInputSource(dir.toString(), "part-*", List.of())), IngestOptions.defaults(temp), segments::add);
    final List<Map<String, Object>> rows = SegmentRows.rows(segments);
    assertEquals(3, rows.size());
    assertEquals("Quoted|Pipe", rows.get(1).get("city"));
    assertEquals("Rome", rows.get(2).get("city"), "a byte order mark and a missing last newline are fine");
    assertEquals(3L, rows.get(2).get("n"));
  }

  @Test
  void unparseableRowsAreCountedWithFileAndLine() throws Exception {
    final IngestFixture fixture = new IngestFixture("json", List.of("s"));
    fixture.dataSchema.put("timestampSpec", Map.of("column", "ts", "format", "iso"));
    fixture.granularity.put("intervals", List.of("2020-01-01/2020-01-02"));
    final List<Map<String, Object>> rows = fixture.data("""
        {"ts": "2020-01-01T00:00:01Z", "s": "ok"}
        {"ts": "yesterday", "s": "bad time"}
        not json at all
        {"s": "no time"}
        [1, 2]
        {"ts": "2020-01-05T00:00:00Z", "s": "outside"}
        {"ts": "2020-01-01T23:59:59.999Z", "s": "last"} {"extra": 1}
        """).run(temp);
    assertEquals(1, rows.size());
    final IngestReport report = fixture.report;
    assertEquals(1, report.processed());
    assertEquals(5, report.unparseable());
    assertEquals(1, report.thrownAway());
    assertEquals("file=inline line=2: timestamp column=ts value=\"yesterday\" is not a valid iso timestamp",
        report.parseExceptionMessages().get(0));
    assertTrue(report.parseExceptionMessages().get(1).startsWith("file=inline line=3: not valid JSON"),
        report.parseExceptionMessages().get(1));
    assertEquals("file=inline line=4: timestamp column=ts is null or missing", report.parseExceptionMessages().get(2));
    assertEquals("file=inline line=5: not a JSON object", report.parseExceptionMessages().get(3));
    assertEquals("file=inline line=7: more than one JSON value on the line", report.parseExceptionMessages().get(4));
  }

  @Test
  void tooManyParseExceptionsFailWithTheReport() throws Exception {
    final IngestFixture fixture = new IngestFixture("csv", List.of("s"));
    fixture.inputFormat.put("columns", List.of("ts", "s"));
    fixture.tuning.put("maxParseExceptions", 1);
    fixture.data("2020-01-01T00:00:01Z,a\nbad,b\n2020-01-01T00:00:02Z,\"unterminated\nworse,c\n");
    final IngestFailedException failure = assertThrows(IngestFailedException.class, () -> fixture.run(temp));
    assertTrue(failure.getMessage().startsWith("Max parse exceptions=1 exceeded: unparseable=2"), failure.getMessage());
    assertEquals(2, failure.report().unparseable());
    assertEquals("file=inline line=3: column 2: unterminated quote", failure.report().parseExceptionMessages().get(1));
  }

  @Test
  void missingTimestampsTakeTheMissingValue() throws Exception {
    final IngestFixture fixture = new IngestFixture("json", List.of("s"));
    fixture.dataSchema.put("timestampSpec", Map.of("column", "ts", "missingValue", "2010-01-01T00:00:00Z"));
    final List<Map<String, Object>> rows = fixture.data("{\"s\": \"a\"}\n{\"s\": \"b\", \"ts\": null}\n").run(temp);
    assertEquals("2010-01-01T00:00:00.000Z", rows.get(0).get("__time"));
    assertEquals("2010-01-01T00:00:00.000Z", rows.get(1).get("__time"));
  }

  @Test
  void timestampFormats() throws Exception {
    for (String[] format : new String[][] {
        {"millis", "1577836801000"}, {"posix", "1577836801"}, {"auto", "1577836801000"}, {"auto", "2020-01-01 00:00:01"},
        {"iso", "2020-01-01T01:00:01+01:00"}, {"MM/dd/yyyy HH:mm:ss", "01/01/2020 00:00:01"}, {"nano", "1577836801000000000"},
        {"ruby", "1577836801.0"}, {"micro", "1577836801000000"}}) {
      final IngestFixture fixture = new IngestFixture("csv", List.of("s"));
      fixture.inputFormat.put("columns", List.of("ts", "s"));
      fixture.dataSchema.put("timestampSpec", Map.of("column", "ts", "format", format[0]));
      final List<Map<String, Object>> rows = fixture.data(format[1] + ",x\n").run(temp);
      assertEquals("2020-01-01T00:00:01.000Z", rows.get(0).get("__time"), format[0] + " " + format[1]);
    }
    final IngestFixture numbers = new IngestFixture("json", List.of("s"));
    numbers.dataSchema.put("timestampSpec", Map.of("column", "ts", "format", "posix"));
    assertEquals("2020-01-01T00:00:01.000Z", numbers.data("{\"ts\": 1577836801, \"s\": \"x\"}").run(temp).get(0).get("__time"));
  }

  @Test
  void schemalessCsvTakesEveryColumnButTheTimestampMetricsAndExclusions() throws Exception {
    final IngestFixture fixture = new IngestFixture("csv", List.of());
    fixture.inputFormat.put("columns", List.of("b", "ts", "a", "value", "skip"));
    fixture.dataSchema.put("dimensionsSpec", Map.of("dimensions", List.of(), "dimensionExclusions", List.of("skip")));
    fixture.metric(Map.of("type", "longSum", "name", "total", "fieldName", "value"));
    fixture.granularity.put("rollup", true);
    final List<Map<String, Object>> rows = fixture.data("b1,2020-01-01,a1,5,x\nb1,2020-01-01,a1,6,y\n").run(temp);
    assertEquals(List.of("b", "a", "total"), fixture.segments.get(0).columns().stream().map(ColumnarSegment.Column::name).toList());
    assertEquals(1, rows.size());
    assertEquals(11L, rows.get(0).get("total"));
  }

  @Test
  void schemalessFieldsAppearingLateSurviveSpills() throws Exception {
    final StringBuilder data = new StringBuilder();
    for (int r = 0; r < 400; r++) {
      data.append("{\"ts\": ").append(1_577_836_800_000L + (r * 7919L) % 400).append(", \"a\": \"a").append(r % 3)
          .append('"');
      if (r >= 150) {
        data.append(", \"late\": \"l").append(r % 5).append('"');
      }
      if (r >= 300) {
        data.append(", \"later\": [\"x\", \"y").append(r % 2).append("\"]");
      }
      data.append("}\n");
    }
    final List<List<Map<String, Object>>> results = new ArrayList<>();
    for (int maxRows : new int[] {1_000_000, 23}) {
      final IngestFixture fixture = new IngestFixture("json", List.of());
      fixture.tuning.put("maxRowsInMemory", maxRows);
      results.add(fixture.data(data.toString()).run(temp.resolve("run" + maxRows)));
      assertEquals(List.of("a", "late", "later"),
          fixture.segments.get(0).columns().stream().map(ColumnarSegment.Column::name).toList());
      if (maxRows == 23) {
        assertTrue(fixture.report.spilledRuns() > 5);
      }
    }
    assertEquals(results.get(0), results.get(1), "rows spilled before a field existed read it as null");
    assertEquals(400, results.get(0).size());
  }

  /**
   * A field discovered after rows were rolled up in place: the spare row store reused for the next
   * rollup must take the new column even when the row width (padded to 8 bytes) did not change.
   */
  @Test
  void schemalessFieldsAppearingAfterAnInPlaceRollupSurvive() throws Exception {
    final StringBuilder data = new StringBuilder();
    // the new field arrives in the second input batch, after rollups of the first
    final int firstBatch = InputBatch.CAPACITY;
    for (int r = 0; r < firstBatch + 30; r++) {
      data.append("{\"ts\": 1577836800000, \"a\": \"a").append(r < firstBatch ? r % 3 : 0).append('"');
      if (r >= firstBatch) {
        data.append(", \"late\": \"l").append(r % 2).append('"');
      }
      data.append("}\n");
    }
    final List<List<Map<String, Object>>> results = new ArrayList<>();
    for (int maxRows : new int[] {1_000_000, 10}) {
      final IngestFixture fixture = new IngestFixture("json", List.of());
      fixture.granularity.put("rollup", true);
      fixture.metric(Map.of("type", "count", "name", "count"));
      fixture.tuning.put("maxRowsInMemory", maxRows);
      results.add(fixture.data(data.toString()).run(temp.resolve("rollup" + maxRows)));
      assertEquals(0, fixture.report.spilledRuns(), "maxRowsInMemory=" + maxRows);
    }
    assertEquals(5, results.get(0).size(), results.get(0).toString());
    assertEquals(results.get(0), results.get(1), "a field discovered after an in-place rollup was lost");
  }

  @Test
  void jsonFeaturesAndFlattening() throws Exception {
    final IngestFixture fixture = new IngestFixture("json", List.of("name", "city", "first"));
    fixture.inputFormat.put("featureSpec", Map.of("ALLOW_SINGLE_QUOTES", true));
    fixture.inputFormat.put("flattenSpec", Map.of("fields", List.of(
        Map.of("type", "path", "name", "city", "expr", "$.address['city']"),
        Map.of("type", "path", "name", "first", "expr", "$.tags[0]"))));
    final List<Map<String, Object>> rows = fixture.data(
        "{'ts': '2020-01-01', 'name': 'x', 'address': {'city': 'Oslo'}, 'tags': ['t1', 't2']}\n").run(temp);
    assertEquals("x", rows.get(0).get("name"));
    assertEquals("Oslo", rows.get(0).get("city"));
    assertEquals("t1", rows.get(0).get("first"));
  }
}
