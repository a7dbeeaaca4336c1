package io.nemeton.node.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.memory.testing.LeakCheckExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single server's answers to bad or awkward input over HTTP, each as a Druid client sees it:
 * CSV with malformed rows (counted and reported, good rows kept and queryable), a spec naming a
 * missing file (accepted, then FAILED naming it, as Druid does), a query past its {@code
 * context.timeout} (504 with Druid's error JSON), shutdown of a running task, and the task list
 * endpoints' shapes. A query asked before the probes must answer the same after them.
 */
@ExtendWith(LeakCheckExtension.class)
class ServerProbesTest {
  private static final Path SAMPLE = ServerUnderTest.HOME.resolve("samples/wikiticker-2015-09-12-sampled.json.gz");
  private static final String COUNT_BY_CHANNEL = """
      {"queryType":"topN","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"granularity":"all",
       "dimension":"channel","metric":"rows","threshold":5,
       "aggregations":[{"type":"count","name":"rows"},{"type":"longSum","name":"added","fieldName":"added"}]}""";
  /** Druid's {@code TaskStatusPlus} keys, as the task lists print them. */
  private static final Set<String> LIST_KEYS = new TreeSet<>(List.of("id", "groupId", "type", "createdTime",
      "queueInsertionTime", "statusCode", "status", "runnerStatusCode", "duration", "location", "dataSource",
      "errorMsg"));

  @TempDir Path dataDirectory;

  /** A local-files task over the sample, the file listed {@code copies} times. */
  private static String sampleTask(String dataSource, int copies) {
    final ObjectNode task = ServerUnderTest.JSON.createObjectNode().put("type", "index_parallel");
    final ObjectNode spec = task.putObject("spec");
    final ObjectNode schema = spec.putObject("dataSchema").put("dataSource", dataSource);
    schema.putObject("timestampSpec").put("column", "time").put("format", "iso");
    final ArrayNode dimensions = schema.putObject("dimensionsSpec").putArray("dimensions");
    dimensions.add("channel").add("page").add("user");
    dimensions.addObject().put("type", "long").put("name", "added");
    schema.putObject("granularitySpec").put("segmentGranularity", "day").put("queryGranularity", "none")
        .put("rollup", false);
    final ObjectNode io = spec.putObject("ioConfig").put("type", "index_parallel");
    final ArrayNode files = io.putObject("inputSource").put("type", "local").putArray("files");
    for (int i = 0; i < copies; i++) {
      files.add(SAMPLE.toString());
    }
    io.putObject("inputFormat").put("type", "json");
    return task.toString();
  }

  @Test
  void probesLeaveTheServerAnsweringAsBefore() throws Exception {
    try (ServerUnderTest server = ServerUnderTest.start(dataDirectory, Map.of())) {
      final String id = server.submit(sampleTask("wiki", 1));
      assertEquals("SUCCESS", server.awaitTask(id, 60_000).path("status").asText());
      server.awaitServed("wiki", 30_000);
      final HttpResponse<String> before = server.post("/druid/v2", COUNT_BY_CHANNEL);
      assertEquals(200, before.statusCode(), before.body());

      csvWithMalformedRows(server);
      missingFile(server);
      queryTimeout(server);
      shutdownOfARunningTaskAndTaskLists(server);

      final HttpResponse<String> after = server.post("/druid/v2", COUNT_BY_CHANNEL);
      assertEquals(200, after.statusCode(), after.body());
      assertEquals(before.body(), after.body(), "the same query after the probes");
      assertEquals("true", server.get("/status/health").body());
    }
  }

  private static void csvWithMalformedRows(ServerUnderTest server) throws Exception {
    final String data = "ts,page,added\\n2024-05-01T01:00:00Z,a,1\\nnot-a-time,b,2\\n"
        + "2024-05-01T02:00:00Z,c,lots\\n2024-05-01T03:00:00Z,d,4\\n";
    final String spec = """
        {"type":"index_parallel","spec":{"dataSchema":{"dataSource":"csv","timestampSpec":{"column":"ts"},
          "dimensionsSpec":{"dimensions":["page",{"type":"long","name":"added"}]},
          "granularitySpec":{"segmentGranularity":"day","rollup":false}},
         "ioConfig":{"type":"index_parallel","inputSource":{"type":"inline","data":"%s"},
          "inputFormat":{"type":"csv","findColumnsFromHeader":true}}}}""".formatted(data);
    final String id = server.submit(spec);
    final JsonNode status = server.awaitTask(id, 30_000);
    assertEquals("SUCCESS", status.path("status").asText(), status.toString());
    final JsonNode payload = server.getJson("/druid/indexer/v1/task/" + id + "/reports")
        .at("/ingestionStatsAndErrors/payload");
    final JsonNode counts = payload.at("/rowStats/buildSegments");
    assertEquals(2, counts.path("processed").asLong(), counts.toString());
    assertEquals(1, counts.path("processedWithError").asLong(), counts.toString());
    assertEquals(1, counts.path("unparseable").asLong(), counts.toString());
    final JsonNode events = payload.at("/unparseableEvents/buildSegments");
    assertEquals(2, events.size(), events.toString());
    assertTrue(events.get(0).asText().contains("line=3"), events.toString());
    server.awaitServed("csv", 30_000);
    final JsonNode rows = server.query(ServerUnderTest.JSON.readTree("""
        {"queryType":"scan","dataSource":"csv","intervals":["2024/2025"],"columns":["page"],
         "resultFormat":"compactedList"}"""));
    final Set<String> pages = new TreeSet<>();
    for (JsonNode batch : rows) {
      for (JsonNode row : batch.path("events")) {
        pages.add(row.path(0).asText());
      }
    }
    assertEquals(Set.of("a", "c", "d"), pages, rows.toString());
  }

  private static void missingFile(ServerUnderTest server) throws Exception {
    final String missing = sampleTask("missing", 1).replace(SAMPLE.toString(), "/nonexistent/wiki.json");
    final HttpResponse<String> answer = server.post("/druid/indexer/v1/task", missing);
    assertEquals(200, answer.statusCode(), "Druid accepts the task and it fails: " + answer.body());
    final String id = ServerUnderTest.JSON.readTree(answer.body()).path("task").asText();
    final JsonNode status = server.awaitTask(id, 30_000);
    assertEquals("FAILED", status.path("status").asText(), status.toString());
    assertTrue(status.path("errorMsg").asText().contains("/nonexistent/wiki.json"), status.toString());
  }

  private static void queryTimeout(ServerUnderTest server) throws Exception {
    final String slow = """
        {"queryType":"groupBy","dataSource":"wiki","intervals":["2015-09-12/2015-09-13"],"granularity":"minute",
         "dimensions":["page","user","channel"],"aggregations":[{"type":"count","name":"rows"},
         {"type":"longSum","name":"added","fieldName":"added"}],"context":{"timeout":1}}""";
    final HttpResponse<String> answer = server.post("/druid/v2", slow);
    assertEquals(504, answer.statusCode(), answer.body());
    final JsonNode error = ServerUnderTest.JSON.readTree(answer.body());
    assertEquals("Query timeout", error.path("error").asText(), answer.body());
    assertTrue(error.has("errorMessage") && error.has("errorClass") && error.has("host"), answer.body());
  }

  private static void shutdownOfARunningTaskAndTaskLists(ServerUnderTest server) throws Exception {
    final String id = server.submit(sampleTask("long", 40));
    final long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      final HttpResponse<String> report = server.get("/druid/indexer/v1/task/" + id + "/reports");
      if (report.statusCode() == 200 && ServerUnderTest.JSON.readTree(report.body())
          .at("/ingestionStatsAndErrors/payload/rowStats/buildSegments/processed").asLong() > 0) {
        break;
      }
      assertTrue(System.nanoTime() < deadline, "the long task never reported progress: " + report.body());
      Thread.sleep(10);
    }
    final JsonNode running = server.getJson("/druid/indexer/v1/runningTasks");
    assertEquals(id, running.path(0).path("id").asText(), running.toString());
    assertEquals(LIST_KEYS, keys(running.path(0)), running.toString());
    assertEquals("RUNNING", running.path(0).path("status").asText(), running.toString());
    assertEquals(-1, running.path(0).path("duration").asLong(), running.toString());

    final HttpResponse<String> shutdown = server.post("/druid/indexer/v1/task/" + id + "/shutdown", "");
    assertEquals(200, shutdown.statusCode(), shutdown.body());
    assertEquals(id, ServerUnderTest.JSON.readTree(shutdown.body()).path("task").asText());
    final JsonNode status = server.awaitTask(id, 30_000);
    assertEquals("FAILED", status.path("status").asText(), status.toString());
    assertTrue(status.path("errorMsg").asText().contains("shut down"), status.toString());
    assertEquals(404, server.get("/druid/coordinator/v1/datasources/long").statusCode(), "nothing published");

    final JsonNode all = server.getJson("/druid/indexer/v1/tasks");
    assertEquals(4, all.size(), all.toString());
    assertEquals(id, all.path(0).path("id").asText(), "newest first: " + all);
    for (JsonNode task : all) {
      assertEquals(LIST_KEYS, keys(task), task.toString());
      assertEquals(task.path("id"), task.path("groupId"), task.toString());
      assertEquals("NONE", task.path("runnerStatusCode").asText(), task.toString());
      assertNotEquals(-1, task.path("duration").asLong(), task.toString());
    }
    assertEquals(0, server.getJson("/druid/indexer/v1/runningTasks").size());
    assertEquals(4, server.getJson("/druid/indexer/v1/completeTasks").size());
    assertEquals(0, server.getJson("/druid/indexer/v1/pendingTasks").size());
    assertEquals(0, server.getJson("/druid/indexer/v1/waitingTasks").size());
    final JsonNode failed = server.getJson("/druid/indexer/v1/tasks?state=complete&datasource=missing");
    assertEquals(1, failed.size(), failed.toString());
    assertEquals("FAILED", failed.path(0).path("status").asText(), failed.toString());
    assertEquals(2, server.getJson("/druid/indexer/v1/tasks?max=2").size());
    assertEquals(400, server.get("/druid/indexer/v1/tasks?state=sleeping").statusCode());
    assertEquals(404, server.get("/druid/indexer/v1/task/no_such_task/status").statusCode());
    assertEquals(404, server.post("/druid/indexer/v1/task/no_such_task/shutdown", "").statusCode());
  }

  private static Set<String> keys(JsonNode object) {
    final Set<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
