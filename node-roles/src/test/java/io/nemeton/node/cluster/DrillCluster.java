package io.nemeton.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;

/**
 * A local cluster of real processes for the fault drills: ZooKeeper, coordinators, an indexer,
 * historicals and a broker on loopback, with the HTTP and ZooKeeper reads the drills check.
 * Rules and tasks go through the broker (it forwards them). Not thread-safe except {@link
 * #post}, {@link #get} and {@link #announced}.
 */
final class DrillCluster implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /**
   * With the environment variable {@code NEMETON_DRILL_SHARED_DRIVER=true} (it reaches the test
   * JVM Maven forks) the drills run over one shared media driver and Aeron IPC.
   */
  static final boolean SHARED_DRIVER = "true".equals(System.getenv("NEMETON_DRILL_SHARED_DRIVER"));
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final ClusterProcesses processes;
  final List<ClusterProcesses.Child> coordinators = new ArrayList<>();
  final List<ClusterProcesses.Child> historicals = new ArrayList<>();
  ClusterProcesses.Child broker;
  String base;

  private DrillCluster(Path dir) throws Exception {
    processes = new ClusterProcesses(dir, "256m");
  }

  /** Starts and waits for every process. */
  static DrillCluster start(Path dir, int coordinatorCount, int historicalCount) throws Exception {
    final DrillCluster cluster = new DrillCluster(dir);
    try {
      cluster.processes.startZooKeeper(60_000);
      if (SHARED_DRIVER) {
        cluster.processes.startSharedMediaDriver(); // broker and historicals then talk over IPC, as under `nemeton cluster`
      }
      final List<ClusterProcesses.Child> all = new ArrayList<>();
      for (int n = 1; n <= coordinatorCount; n++) {
        cluster.coordinators.add(cluster.processes.start(NodeConfig.Role.COORDINATOR, n,
            List.of("nemeton.port=0", "nemeton.coordinator.periodMs=200")));
      }
      all.addAll(cluster.coordinators);
      all.add(cluster.processes.start(NodeConfig.Role.INDEXER, 1, List.of("nemeton.port=0")));
      for (int n = 1; n <= historicalCount; n++) {
        cluster.addHistorical(n);
      }
      all.addAll(cluster.historicals);
      cluster.broker = cluster.processes.start(NodeConfig.Role.BROKER, 1, List.of("nemeton.port=0"));
      all.add(cluster.broker);
      cluster.processes.awaitReady(all, 120_000);
      cluster.base = "http://127.0.0.1:" + cluster.broker.port("http");
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  ClusterProcesses.Child addHistorical(int n) throws Exception {
    final ClusterProcesses.Child child = processes.start(NodeConfig.Role.HISTORICAL, n, List.of("nemeton.query.threads=2"));
    historicals.add(child);
    return child;
  }

  void loadForever(String dataSource, int replicas) throws Exception {
    final HttpResponse<String> set = post(base + "/druid/coordinator/v1/rules/" + dataSource,
        "[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":" + replicas + "}}]");
    assertEquals(200, set.statusCode(), set.body());
  }

  /** Submits an inline JSON task (day segments, rows of {ts, page, added}) and waits for SUCCESS. */
  void ingest(String dataSource, String rows) throws Exception {
    final HttpResponse<String> submitted = post(base + "/druid/indexer/v1/task", inlineTask(dataSource, rows));
    assertEquals(200, submitted.statusCode(), submitted.body());
    final String taskId = JSON.readTree(submitted.body()).path("task").asText();
    await("task " + taskId + " succeeded", 90_000, () -> "SUCCESS".equals(get(base + "/druid/indexer/v1/task/"
        + taskId + "/status").path("status").path("status").asText()));
  }

  /** Announced replicas per segment id of {@code dataSource}; null when ZooKeeper cannot be read. */
  static Map<String, Integer> announced(CuratorFramework zk, String dataSource) {
    final Map<String, Integer> out = new TreeMap<>();
    try {
      for (String node : zk.getChildren().forPath(ZooKeeperPaths.SEGMENTS)) {
        for (String segment : zk.getChildren().forPath(ZooKeeperPaths.SEGMENTS + "/" + node)) {
          final String id = ZooKeeperPaths.decode(segment);
          if (id.startsWith(dataSource + "_")) {
            out.merge(id, 1, Integer::sum);
          }
        }
      }
    } catch (Exception e) {
      return null;
    }
    return out;
  }

  /** Segment ids of {@code dataSource} one historical announces (-1 entries when unreadable). */
  static int announcedBy(CuratorFramework zk, String node, String dataSource) {
    try {
      int count = 0;
      for (String segment : zk.getChildren().forPath(ZooKeeperPaths.SEGMENTS + "/" + node)) {
        count += ZooKeeperPaths.decode(segment).startsWith(dataSource + "_") ? 1 : 0;
      }
      return count;
    } catch (Exception e) {
      return -1;
    }
  }

  /** The rows of a query's answer as JSON text, or the status and error text. */
  String query(String json) {
    try {
      final HttpResponse<String> response = post(base + "/druid/v2", json);
      return response.statusCode() == 200 ? response.body() : response.statusCode() + " " + response.body();
    } catch (Exception e) {
      return e.toString();
    }
  }

  String log(String label) throws Exception {
    return Files.readString(processes.directory().resolve("logs").resolve(label + ".log"), StandardCharsets.UTF_8);
  }

  static String inlineTask(String dataSource, String data) throws Exception {
    final var task = JSON.createObjectNode().put("type", "index_parallel");
    final var spec = task.putObject("spec");
    final var schema = spec.putObject("dataSchema").put("dataSource", dataSource);
    schema.putObject("timestampSpec").put("column", "ts").put("format", "iso");
    schema.putObject("dimensionsSpec").putArray("dimensions").add("page");
    final var metrics = schema.putArray("metricsSpec");
    metrics.addObject().put("type", "count").put("name", "count");
    metrics.addObject().put("type", "longSum").put("name", "added").put("fieldName", "added");
    schema.putObject("granularitySpec").put("segmentGranularity", "day").put("queryGranularity", "none")
        .put("rollup", false);
    final var io = spec.putObject("ioConfig").put("type", "index_parallel");
    io.putObject("inputSource").put("type", "inline").put("data", data);
    io.putObject("inputFormat").put("type", "json");
    spec.putObject("tuningConfig").put("type", "index_parallel");
    return JSON.writeValueAsString(task);
  }

  /** {@code perDay} rows on each of {@code days} days from 2024-01-01; {@code added} = day * 1000 + row. */
  static String rows(int days, int perDay) {
    final StringBuilder data = new StringBuilder();
    for (int day = 0; day < days; day++) {
      for (int row = 0; row < perDay; row++) {
        data.append(String.format("{\"ts\":\"2024-01-%02dT%02d:%02d:00Z\",\"page\":\"p%d\",\"added\":%d}%n",
            day + 1, row % 24, row % 60, row % 7, day * 1000 + row));
      }
    }
    return data.toString();
  }

  static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(String url) {
    try {
      final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
    final long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not within " + timeoutMs + " ms: " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    processes.close();
  }
}
