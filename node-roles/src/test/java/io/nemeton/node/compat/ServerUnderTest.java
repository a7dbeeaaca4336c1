package io.nemeton.node.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.node.server.ServerConfig;
import io.nemeton.node.server.SingleServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link SingleServer} on a free loopback port over a temp data directory (no sample), and the
 * HTTP calls tests make against it: plain requests, task submission, waiting for a task to end and
 * for a datasource to be fully served. Every wait polls with a deadline and fails naming what it
 * waited for. Thread-safe as far as the JDK's {@link HttpClient} is.
 */
final class ServerUnderTest implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /** The repository root: the first parent holding {@code testdata/druid-compat}. */
  static final Path HOME = repositoryRoot();

  private final SingleServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerUnderTest(SingleServer server) {
    this.server = server;
  }

  static ServerUnderTest start(Path dataDirectory, Map<String, String> extra) throws Exception {
    final Map<String, String> properties = new HashMap<>(Map.of("nemeton.port", "0",
        "nemeton.dataDir", dataDirectory.toString(), "nemeton.sample", "false", "nemeton.broker.threads", "2",
        "nemeton.coordinator.periodMs", "100"));
    properties.putAll(extra);
    return new ServerUnderTest(SingleServer.start(ServerConfig.from(properties, HOME), HOME));
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("testdata/druid-compat"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no testdata/druid-compat above " + Path.of("").toAbsolutePath());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String path) throws Exception {
    final HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Submits a task spec; returns its id, or fails with the server's answer when it is not 200. */
  String submit(String spec) throws Exception {
    final HttpResponse<String> response = post("/druid/indexer/v1/task", spec);
    if (response.statusCode() != 200) {
      throw new AssertionError("task submit answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("task").asText();
  }

  /** Waits for a task to end; returns its status object (the one under {@code "status"}). */
  JsonNode awaitTask(String id, long timeoutMs) throws Exception {
    final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    JsonNode status = null;
    while (System.nanoTime() < deadline) {
      status = getJson("/druid/indexer/v1/task/" + id + "/status").path("status");
      if (!status.path("status").asText().equals("RUNNING")) {
        return status;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("task " + id + " still running after " + timeoutMs + " ms: " + status);
  }

  /**
   * Waits until {@code loadstatus} shows the datasource 100% served and the query path lists it,
   * as Druid's integration tests wait before querying.
   */
  void awaitServed(String dataSource, long timeoutMs) throws Exception {
    final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    JsonNode load = null;
    while (System.nanoTime() < deadline) {
      load = getJson("/druid/coordinator/v1/loadstatus");
      if (load.path(dataSource).asDouble(0) >= 100.0) {
        for (JsonNode name : getJson("/druid/v2/datasources")) {
          if (name.asText().equals(dataSource)) {
            return;
          }
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("datasource " + dataSource + " not served after " + timeoutMs + " ms; loadstatus " + load);
  }

  /** Runs a native query; the answer's body parsed, or fails naming the status and body. */
  JsonNode query(JsonNode query) throws Exception {
    final HttpResponse<String> response = post("/druid/v2", JSON.writeValueAsString(query));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    server.close();
  }
}
