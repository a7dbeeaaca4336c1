package io.nemeton.node.indexing;

import static io.nemeton.node.indexing.IndexingFixture.JSON;
import static io.nemeton.node.indexing.IndexingFixture.csvFormat;
import static io.nemeton.node.indexing.IndexingFixture.inlineTask;
import static io.nemeton.node.indexing.IndexingFixture.jsonFormat;
import static io.nemeton.node.indexing.IndexingFixture.jsonRows;
import static io.nemeton.node.indexing.IndexingFixture.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.memory.testing.LeakCheckExtension;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.metadata.TaskState;
import io.nemeton.node.view.SegmentPayload;
import io.nemeton.segment.format.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LeakCheckExtension.class)
class TaskRunnerTest {
  @TempDir
  Path root;

  private IndexingFixture fixture;

  @BeforeEach
  void open() throws Exception {
    fixture = new IndexingFixture(root);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void inlineJsonTaskPublishesSegmentsThatReadBack() throws Exception {
    final String data = jsonRows("2024-05-01T01:00:00Z", "a", 1, "2024-05-01T02:00:00Z", "b", 2,
        "2024-05-02T03:00:00Z", "a", 4);
    final String id = fixture.runner.submit(inlineTask("inline_ds", data, jsonFormat(), false).toString());
    assertTrue(id.startsWith("index_parallel_inline_ds_"), id);

    final TaskRecord record = fixture.await(id);
    assertEquals(TaskState.SUCCESS, record.state(), record.errorMessage());
    final JsonNode status = JSON.readTree(record.statusJson());
    assertEquals("SUCCESS", status.get("status").asText());
    assertEquals("SUCCESS", status.get("statusCode").asText());
    assertEquals("NONE", status.get("runnerStatusCode").asText());
    assertEquals(id, status.get("id").asText());
    assertEquals("inline_ds", status.get("dataSource").asText());
    assertTrue(status.get("duration").asLong() >= 0);
    assertTrue(status.get("errorMsg").isNull());

    final List<SegmentRecord> segments = fixture.metadata.segments().usedSegments("inline_ds");
    assertEquals(2, segments.size());
    long rows = 0;
    for (SegmentRecord segmentRecord : segments) {
      final Map<String, Object> payload = SegmentPayload.map(segmentRecord);
      assertEquals("page", payload.get("dimensions"));
      assertEquals("count,added", payload.get("metrics"));
      assertEquals(Map.of("type", "numbered", "partitionNum", 0, "partitions", 1), payload.get("shardSpec"));
      try (Segment segment = Segment.open(fixture.deepStorage.path(SegmentPayload.loadSpec(segmentRecord)))) {
        segment.verifyAll();
        assertEquals(segmentRecord.id(), segment.info().segmentId());
        assertEquals(((Number) payload.get("numRows")).longValue(), segment.rowCount());
        assertEquals(((Number) payload.get("size")).longValue(), segment.sizeBytes());
        rows += segment.rowCount();
      }
    }
    assertEquals(3, rows);
    assertTrue(fixture.publishedCalls.get() >= 1);

    final JsonNode report = JSON.readTree(fixture.runner.reportJson(id).orElseThrow())
        .get("ingestionStatsAndErrors");
    assertEquals("ingestionStatsAndErrors", report.get("type").asText());
    assertEquals(id, report.get("taskId").asText());
    final JsonNode payload = report.get("payload");
    assertEquals("COMPLETED", payload.get("ingestionState").asText());
    assertEquals(3, payload.at("/rowStats/buildSegments/processed").asLong());
    assertEquals(0, payload.at("/rowStats/buildSegments/unparseable").asLong());
    assertEquals(2, payload.get("segmentsPublished").asInt());

    final List<String> log = fixture.metadata.tasks().readLog(id, 0, 100);
    assertTrue(log.stream().anyMatch(line -> line.contains("published 2 segments in one transaction")), log::toString);
    assertTrue(Files.notExists(fixture.runner.config().workDirectory().resolve(id)), "work directory is cleaned");
  }

  @Test
  void csvWithMalformedRowsKeepsGoodRowsAndReportsTheBadOnes() throws Exception {
    final String data = "2024-05-01T01:00:00Z,a,1\n"
        + "not-a-time,b,2\n"
        + "2024-05-01T02:00:00Z,c,lots\n"
        + "2024-05-01T03:00:00Z,d,4\n";
    final String id = fixture.runner.submit(
        inlineTask("csv_ds", data, csvFormat("ts", "page", "added"), false).toString());
    final TaskRecord record = fixture.await(id);
    assertEquals(TaskState.SUCCESS, record.state(), record.errorMessage());
    final JsonNode payload = JSON.readTree(fixture.runner.reportJson(id).orElseThrow())
        .at("/ingestionStatsAndErrors/payload");
    final JsonNode counts = payload.at("/rowStats/buildSegments");
    assertEquals(2, counts.get("processed").asLong(), counts::toString);
    assertEquals(1, counts.get("processedWithError").asLong(), counts::toString);
    assertEquals(1, counts.get("unparseable").asLong(), counts::toString);
    final JsonNode events = payload.at("/unparseableEvents/buildSegments");
    assertEquals(2, events.size(), events::toString);
    assertTrue(events.get(0).asText().contains("file=inline line=2"), events::toString);
    assertTrue(events.get(1).asText().contains("line=3"), events::toString);
    assertEquals(3, fixture.visibleRows("csv_ds"));
  }

  @Test
  void tooManyParseErrorsFailTheTaskWithItsReport() throws Exception {
    final ObjectNode task = inlineTask("strict_ds", "2024-05-01T01:00:00Z,a,1\nnot-a-time,b,2\n",
        csvFormat("ts", "page", "added"), false);
    ((ObjectNode) task.at("/spec/tuningConfig")).put("maxParseExceptions", 0);
    final String id = fixture.runner.submit(task.toString());
    final TaskRecord record = fixture.await(id);
    assertEquals(TaskState.FAILED, record.state());
    assertTrue(record.errorMessage().startsWith("Max parse exceptions=0 exceeded"), record.errorMessage());
    assertTrue(record.errorMessage().contains("file=inline line=2"), record.errorMessage());
    final JsonNode payload = JSON.readTree(fixture.runner.reportJson(id).orElseThrow())
        .at("/ingestionStatsAndErrors/payload");
    assertEquals(1, payload.at("/rowStats/buildSegments/unparseable").asLong(), payload::toString);
    assertEquals(record.errorMessage(), payload.get("errorMsg").asText());
    assertTrue(fixture.metadata.segments().usedSegments("strict_ds").isEmpty());
  }

  @Test
  void localBaseDirWithFilterAndListedFiles() throws Exception {
    final Path input = Files.createDirectories(root.resolve("input/nested"));
    Files.writeString(input.resolve("part-1.json"), jsonRows("2024-05-01T01:00:00Z", "a", 1));
    Files.writeString(input.resolve("part-2.json"), jsonRows("2024-05-01T02:00:00Z", "b", 2,
        "2024-05-01T03:00:00Z", "c", 3));
    Files.writeString(input.resolve("skip.txt"), "not json");
    final ObjectNode byFilter = JSON.createObjectNode().put("type", "local").put("baseDir", "input")
        .put("filter", "part-*.json");
    final String first = fixture.runner.submit(task("local_ds", byFilter, jsonFormat(), false).toString());
    assertEquals(TaskState.SUCCESS, fixture.await(first).state());
    assertEquals(3, fixture.visibleRows("local_ds"));

    final ObjectNode byFiles = JSON.createObjectNode().put("type", "local");
    byFiles.putArray("files").add(input.resolve("part-2.json").toString());
    final String second = fixture.runner.submit(task("local_ds", byFiles, jsonFormat(), false).toString());
    assertEquals(TaskState.SUCCESS, fixture.await(second).state());
    assertEquals(2, fixture.visibleRows("local_ds"), "the second task replaced the first");
  }

  @Test
  void missingInputFileFailsTheTaskWithAMessageNamingIt() throws Exception {
    final ObjectNode source = JSON.createObjectNode().put("type", "local");
    source.putArray("files").add("no/such/file.json");
    final String id = fixture.runner.submit(task("missing_ds", source, jsonFormat(), false).toString());
    final TaskRecord record = fixture.await(id);
    assertEquals(TaskState.FAILED, record.state());
    assertTrue(record.errorMessage().contains("no/such/file.json"), record.errorMessage());
    assertTrue(record.errorMessage().contains("does not exist"), record.errorMessage());
    final JsonNode status = JSON.readTree(record.statusJson());
    assertEquals("FAILED", status.get("status").asText());
    assertEquals(record.errorMessage(), status.get("errorMsg").asText());
    assertTrue(fixture.metadata.segments().usedSegments("missing_ds").isEmpty());

    final ObjectNode missingDirectory = JSON.createObjectNode().put("type", "local").put("baseDir", "nowhere")
        .put("filter", "*");
    final TaskRecord second = fixture.await(
        fixture.runner.submit(task("missing_ds", missingDirectory, jsonFormat(), false).toString()));
    assertEquals(TaskState.FAILED, second.state());
    assertTrue(second.errorMessage().contains("baseDir=\"nowhere\""), second.errorMessage());
  }

  @Test
  void wikitickerSampleIngestsAllRows() throws Exception {
    Path samples = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(samples.resolve("samples/wikipedia-index.json"))) {
      samples = samples.getParent();
    }
    final ObjectNode spec = (ObjectNode) JSON.readTree(samples.resolve("samples/wikipedia-index.json").toFile());
    ((ObjectNode) spec.at("/spec/ioConfig/inputSource")).put("baseDir", samples.resolve("samples").toString());
    final String id = fixture.runner.submit(spec.toString());
    final TaskRecord record = fixture.await(id);
    assertEquals(TaskState.SUCCESS, record.state(), record.errorMessage());
    assertEquals(39_244, fixture.visibleRows("wikipedia"));
    final JsonNode counts = JSON.readTree(fixture.runner.reportJson(id).orElseThrow())
        .at("/ingestionStatsAndErrors/payload/rowStats/buildSegments");
    assertEquals(39_244, counts.get("processed").asLong());
  }

  @Test
  void legacyParserAndFirehoseForm() throws Exception {
    final ObjectNode task = JSON.createObjectNode().put("type", "index");
    final ObjectNode spec = task.putObject("spec");
    final ObjectNode schema = spec.putObject("dataSchema").put("dataSource", "legacy_ds");
    final ObjectNode parseSpec = schema.putObject("parser").put("type", "string").putObject("parseSpec")
        .put("format", "json");
    parseSpec.putObject("timestampSpec").put("column", "ts").put("format", "iso");
    parseSpec.putObject("dimensionsSpec").putArray("dimensions").add("page");
    schema.putArray("metricsSpec").addObject().put("type", "count").put("name", "count");
    schema.putObject("granularitySpec").put("segmentGranularity", "day").put("queryGranularity", "none");
    spec.putObject("ioConfig").put("type", "index").putObject("firehose").put("type", "inline")
        .put("data", jsonRows("2024-05-01T01:00:00Z", "a", 1, "2024-05-01T02:00:00Z", "b", 2));
    final String id = fixture.runner.submit(task.toString());
    assertTrue(id.startsWith("index_legacy_ds_"), id);
    assertEquals(TaskState.SUCCESS, fixture.await(id).state());
    assertEquals(2, fixture.visibleRows("legacy_ds"));
  }

  @Test
  void badSpecsAreRefusedNamingTheField() {
    final ObjectNode noDataSource = inlineTask("x", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false);
    ((ObjectNode) noDataSource.at("/spec/dataSchema")).remove("dataSource");
    final TaskSpecException missing = assertThrows(TaskSpecException.class,
        () -> fixture.runner.submit(noDataSource.toString()));
    assertTrue(missing.getMessage().contains("dataSource"), missing.getMessage());

    final ObjectNode badAppend = inlineTask("x", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false);
    ((ObjectNode) badAppend.at("/spec/ioConfig")).put("appendToExisting", "yes");
    final TaskSpecException append = assertThrows(TaskSpecException.class,
        () -> fixture.runner.submit(badAppend.toString()));
    assertEquals("spec.ioConfig.appendToExisting=\"yes\": must be true or false", append.getMessage());

    final TaskSpecException notJson = assertThrows(TaskSpecException.class, () -> fixture.runner.submit("{"));
    assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());

    final ObjectNode kill = JSON.createObjectNode().put("type", "kill").put("dataSource", "x");
    final TaskSpecException type = assertThrows(TaskSpecException.class, () -> fixture.runner.submit(kill.toString()));
    assertTrue(type.getMessage().startsWith("type"), type.getMessage());
    assertTrue(fixture.runner.tasks(null, null, 10).isEmpty(), "nothing was recorded");
  }

  @Test
  void givenIdIsUsedAndADuplicateIsRefused() throws Exception {
    final ObjectNode task = inlineTask("id_ds", jsonRows("2024-05-01T01:00:00Z", "a", 1), jsonFormat(), false);
    task.put("id", "my-task-1");
    assertEquals("my-task-1", fixture.runner.submit(task.toString()));
    final TaskSpecException duplicate = assertThrows(TaskSpecException.class,
        () -> fixture.runner.submit(task.toString()));
    assertEquals("id=\"my-task-1\": a task with this id already exists", duplicate.getMessage());
    assertEquals(TaskState.SUCCESS, fixture.await("my-task-1").state());
    task.put("id", "a/b");
    assertThrows(TaskSpecException.class, () -> fixture.runner.submit(task.toString()));
    assertNull(fixture.runner.task("a/b").orElse(null));
  }
}
