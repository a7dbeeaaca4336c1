package io.nemeton.node.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nemeton.memory.testing.LeakCheckExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole single server on a free port over a temp data directory, driven over HTTP. */
@ExtendWith(LeakCheckExtension.class)
class SingleServerTest {
  private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
  private static final String COUNT = """
      {"queryType":"timeseries","dataSource":"wikipedia","intervals":["2015-09-12/2015-09-13"],
       "granularity":"all","aggregations":[{"type":"count","name":"rows"}]}""";

  @TempDir Path dataDirectory;
  private final HttpClient client = HttpClient.newHttpClient();

  private ServerConfig config() {
    return ServerConfig.from(Map.of("nemeton.port", "0", "nemeton.dataDir", dataDirectory.toString(),
        "nemeton.broker.threads", "2", "nemeton.coordinator.periodMs", "200"), HOME);
  }

  private HttpResponse<String> post(SingleServer server, String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(SingleServer server, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String awaitTask(SingleServer server, String id) throws Exception {
    final long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      final String status = get(server, "/druid/indexer/v1/task/" + id + "/status").body();
      if (!status.contains("\"status\":\"RUNNING\"")) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + id + " still running after 60 s");
  }

  private String awaitAnswer(SingleServer server, String query, String expected) throws Exception {
    final long deadline = System.nanoTime() + 30_000_000_000L;
    String answer = "";
    while (System.nanoTime() < deadline) {
      answer = post(server, "/druid/v2", query).body();
      if (answer.equals(expected)) {
        return answer;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("expected " + expected + " but the last answer was " + answer);
  }

  @Test
  void sampleLoadsTasksRunAndARestartServesFromTheCache() throws Exception {
    final String sampleAnswer = "[{\"timestamp\":\"2015-09-12T00:46:58.771Z\",\"result\":{\"rows\":39244}}]";
    try (SingleServer server = SingleServer.start(config(), HOME)) {
      assertTrue(server.sampleTaskId() != null);
      assertTrue(server.awaitReady(90_000), "sample loaded");
      assertEquals(sampleAnswer, post(server, "/druid/v2", COUNT).body());

      final String inline = """
          {"type":"index_parallel","spec":{"dataSchema":{"dataSource":"inline","timestampSpec":{"column":"ts"},
            "dimensionsSpec":{"dimensions":["page"]},"granularitySpec":{"segmentGranularity":"day","rollup":false}},
           "ioConfig":{"type":"index_parallel","inputSource":{"type":"inline",
             "data":"{\\"ts\\":\\"2020-01-01T01:00:00Z\\",\\"page\\":\\"a\\"}\\n{\\"ts\\":\\"2020-01-01T02:00:00Z\\",\\"page\\":\\"b\\"}"},
             "inputFormat":{"type":"json"}}}}""";
      final HttpResponse<String> submitted = post(server, "/druid/indexer/v1/task", inline);
      assertEquals(200, submitted.statusCode(), submitted.body());
      final String id = submitted.body().replaceAll(".*\"task\":\"([^\"]+)\".*", "$1");
      assertTrue(awaitTask(server, id).contains("\"status\":\"SUCCESS\""));
      final String inlineCount = COUNT.replace("wikipedia", "inline").replace("2015-09-12/2015-09-13", "2020/2021");
      awaitAnswer(server, inlineCount, "[{\"timestamp\":\"2020-01-01T01:00:00.000Z\",\"result\":{\"rows\":2}}]");

      final String missing = inline.replace("\"type\":\"inline\",", "\"type\":\"local\",\"baseDir\":\"/nonexistent/dir\",\"filter\":\"*.json\",")
          .replace("\"dataSource\":\"inline\"", "\"dataSource\":\"missing\"");
      final HttpResponse<String> failing = post(server, "/druid/indexer/v1/task", missing);
      if (failing.statusCode() == 200) {
        final String status = awaitTask(server, failing.body().replaceAll(".*\"task\":\"([^\"]+)\".*", "$1"));
        assertTrue(status.contains("\"status\":\"FAILED\"") && !status.contains("\"errorMsg\":null"), status);
      } else {
        assertEquals(400, failing.statusCode(), failing.body());
      }

      final HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/druid/coordinator/v1/datasources/inline")).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("{\"numChangedSegments\":1}", deleted.body());
      awaitAnswer(server, inlineCount, "[{\"timestamp\":\"2020-01-01T00:00:00.000Z\",\"result\":{\"rows\":0}}]");
    }
    try (SingleServer restarted = SingleServer.start(config(), HOME)) {
      assertEquals(null, restarted.sampleTaskId(), "no second ingest");
      assertEquals(sampleAnswer, post(restarted, "/druid/v2", COUNT).body());
    }
  }
}
