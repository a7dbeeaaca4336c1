package io.nemeton.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.node.zookeeper.ZooKeeperClients;
import io.nemeton.node.zookeeper.ZooKeeperPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 fault drill on real processes over loopback: ZooKeeper, a coordinator, an indexer,
 * three historicals and a broker, each its own JVM; a datasource loaded with two replicas of every
 * segment; then one historical killed with SIGKILL while queries stream: every query answers
 * completely. Also checks that answers agree with the result cache used, bypassed and not filled.
 */
class ClusterDrillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int DAYS = 6;
  private static final int ROWS_PER_DAY = 50;

  @TempDir Path dir;

  @Test
  @Timeout(240)
  void killingAHistoricalDuringQueriesLosesNoAnswer() throws Exception {
    try (ClusterProcesses cluster = new ClusterProcesses(dir, "256m")) {
      cluster.startZooKeeper(60_000);
      if (DrillCluster.SHARED_DRIVER) {
        cluster.startSharedMediaDriver(); // broker and historicals then talk over IPC, as under `nemeton cluster`
      }
      final List<ClusterProcesses.Child> all = new ArrayList<>();
      all.add(cluster.start(NodeConfig.Role.COORDINATOR, 1, List.of("nemeton.port=0", "nemeton.coordinator.periodMs=200")));
      all.add(cluster.start(NodeConfig.Role.INDEXER, 1, List.of("nemeton.port=0")));
      final List<ClusterProcesses.Child> historicals = new ArrayList<>();
      for (int n = 1; n <= 3; n++) {
        historicals.add(cluster.start(NodeConfig.Role.HISTORICAL, n, List.of("nemeton.query.threads=2")));
      }
      all.addAll(historicals);
      final ClusterProcesses.Child broker = cluster.start(NodeConfig.Role.BROKER, 1, List.of("nemeton.port=0"));
      all.add(broker);
      cluster.awaitReady(all, 120_000);
      final String base = "http://127.0.0.1:" + broker.port("http");

      // Rules and the task go through the broker, which forwards them to the coordinator and the indexer.
      assertEquals(200, post(base + "/druid/coordinator/v1/rules/drill",
          "[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":2}}]").statusCode());
      long expectedAdded = 0;
      final StringBuilder data = new StringBuilder();
      for (int day = 0; day < DAYS; day++) {
        for (int row = 0; row < ROWS_PER_DAY; row++) {
          final int added = day * 1000 + row;
          expectedAdded += added;
          data.append(String.format("{\"ts\":\"2024-01-%02dT%02d:00:00Z\",\"page\":\"p%d\",\"added\":%d}%n",
              day + 1, row % 24, row % 7, added));
        }
      }
      final HttpResponse<String> submitted = post(base + "/druid/indexer/v1/task", inlineTask(data.toString()));
      assertEquals(200, submitted.statusCode(), submitted.body());
      final String taskId = JSON.readTree(submitted.body()).path("task").asText();

      try (CuratorFramework zk = ZooKeeperClients.connect(cluster.zooKeeperConnect(), 10_000)) {
        await("task " + taskId + " succeeded", 60_000, () -> "SUCCESS".equals(get(base + "/druid/indexer/v1/task/"
            + taskId + "/status").path("status").path("status").asText()));
        await("two replicas of every segment announced", 60_000, () -> announced(zk) == 2 * DAYS);
        final String query = "{\"queryType\":\"timeseries\",\"dataSource\":\"drill\",\"intervals\":[\"2024-01-01/2024-02-01\"],"
            + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
            + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}],\"context\":{%s}}";
        final String expected = "{\"rows\":" + (DAYS * ROWS_PER_DAY) + ",\"added\":" + expectedAdded + "}";
        await("the broker sees every segment", 30_000, () -> expected.equals(answer(base, query, "\"useCache\":false")));

        // Every query type crosses the wire (the engine's partial codec) and answers as the engine
        // does in-process over the same segment files.
        for (String other : OTHER_QUERIES) {
          final String overCluster = post(base + "/druid/v2", other).body();
          assertEquals(JSON.readTree(inProcess(other)), JSON.readTree(overCluster), other);
        }

        // The cache: filled, hit, bypassed and not filled all give the same answer.
        assertEquals(expected, answer(base, query, ""));
        assertEquals(expected, answer(base, query, ""));
        assertEquals(expected, answer(base, query, "\"useCache\":false"));
        assertEquals(expected, answer(base, query, "\"populateCache\":false,\"useCache\":false"));

        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger afterKill = new AtomicInteger();
        final AtomicReference<String> wrong = new AtomicReference<>();
        final AtomicReference<Boolean> killed = new AtomicReference<>(false);
        final List<Thread> clients = new ArrayList<>();
        final long stopAtMs = System.currentTimeMillis() + 60_000;
        for (int c = 0; c < 3; c++) {
          final Thread client = new Thread(() -> {
            while (System.currentTimeMillis() < stopAtMs && wrong.get() == null && afterKill.get() < 60) {
              final boolean wasKilled = killed.get();
              final String got = answer(base, query, "\"useCache\":false");
              if (!expected.equals(got)) {
                wrong.compareAndSet(null, got);
              }
              answered.incrementAndGet();
              if (wasKilled) {
                afterKill.incrementAndGet();
              }
            }
          }, "drill-client-" + c);
          client.start();
          clients.add(client);
        }
        await("queries flowing", 30_000, () -> answered.get() >= 20 || wrong.get() != null);
        cluster.kill(historicals.get(0));
        killed.set(true);
        for (Thread client : clients) {
          client.join(90_000);
        }
        assertEquals(null, wrong.get(), "a query answered wrongly or failed after " + answered.get() + " answers");
        assertTrue(afterKill.get() >= 60, "queries answered after the kill: " + afterKill.get());
        final String brokerLog = java.nio.file.Files.readString(dir.resolve("logs/broker-1.log"));
        assertTrue(brokerLog.contains("historical historical-1") && brokerLog.contains("asking other replicas"),
            "the broker retried the killed historical's segments elsewhere; its log:\n" + brokerLog);
      }
    }
  }

  private static int announced(CuratorFramework zk) {
    int count = 0;
    try {
      for (String node : zk.getChildren().forPath(ZooKeeperPaths.SEGMENTS)) {
        for (String segment : zk.getChildren().forPath(ZooKeeperPaths.SEGMENTS + "/" + node)) {
          if (ZooKeeperPaths.decode(segment).startsWith("drill_")) {
            count++;
          }
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return count;
  }

  private static final List<String> OTHER_QUERIES = List.of(
      "{\"queryType\":\"topN\",\"dataSource\":\"drill\",\"intervals\":[\"2024-01-01/2024-02-01\"],\"granularity\":\"all\","
          + "\"dimension\":\"page\",\"metric\":\"added\",\"threshold\":3,\"aggregations\":[{\"type\":\"longSum\","
          + "\"name\":\"added\",\"fieldName\":\"added\"},{\"type\":\"HLLSketchBuild\",\"name\":\"h\",\"fieldName\":\"page\"}]}",
      "{\"queryType\":\"groupBy\",\"dataSource\":\"drill\",\"intervals\":[\"2024-01-01/2024-02-01\"],\"granularity\":\"day\","
          + "\"dimensions\":[\"page\"],\"aggregations\":[{\"type\":\"count\",\"name\":\"c\"},{\"type\":\"longLast\","
          + "\"name\":\"last\",\"fieldName\":\"added\"}],\"limitSpec\":{\"type\":\"default\",\"limit\":5,"
          + "\"columns\":[{\"dimension\":\"c\",\"direction\":\"descending\"}]}}",
      "{\"queryType\":\"scan\",\"dataSource\":\"drill\",\"intervals\":[\"2024-01-02/2024-01-04\"],\"limit\":4,"
          + "\"order\":\"ascending\",\"columns\":[\"__time\",\"page\",\"added\"],\"resultFormat\":\"compactedList\"}",
      "{\"queryType\":\"search\",\"dataSource\":\"drill\",\"intervals\":[\"2024-01-01/2024-02-01\"],\"granularity\":\"all\","
          + "\"query\":{\"type\":\"contains\",\"value\":\"p\"}}",
      "{\"queryType\":\"segmentMetadata\",\"dataSource\":\"drill\",\"merge\":true,"
          + "\"analysisTypes\":[\"cardinality\",\"aggregators\",\"interval\"]}",
      "{\"queryType\":\"timeBoundary\",\"dataSource\":\"drill\"}");

  /** The engine's answer over the segment files in deep storage, in this JVM. */
  private String inProcess(String queryJson) throws Exception {
    final List<io.nemeton.engine.storage.QueryableSegment> segments = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir.resolve("deep-storage"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".nseg")).sorted().toList()) {
        segments.add(io.nemeton.engine.storage.QueryableSegment.owning(io.nemeton.segment.format.Segment.open(file)));
      }
    }
    try (io.nemeton.engine.run.BatchEngine engine =
        new io.nemeton.engine.run.BatchEngine(io.nemeton.engine.run.EngineConfig.defaults().withThreads(1))) {
      return io.nemeton.engine.result.ResultJson.write(
          engine.run(io.nemeton.engine.query.QueryParser.parse(queryJson), segments));
    } finally {
      for (io.nemeton.engine.storage.QueryableSegment segment : segments) {
        segment.close();
      }
    }
  }

  /** The one result row of a timeseries, or the error text. */
  private static String answer(String base, String queryTemplate, String context) {
    try {
      final HttpResponse<String> response = post(base + "/druid/v2", String.format(queryTemplate, context));
      if (response.statusCode() != 200) {
        return response.statusCode() + " " + response.body();
      }
      final JsonNode rows = JSON.readTree(response.body());
      return rows.size() == 1 ? rows.get(0).path("result").toString() : response.body();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static String inlineTask(String data) throws Exception {
    final var task = JSON.createObjectNode().put("type", "index_parallel");
    final var spec = task.putObject("spec");
    final var schema = spec.putObject("dataSchema").put("dataSource", "drill");
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

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(String url) {
    try {
      final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  private static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
    final long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("not within " + timeoutMs + " ms: " + what);
      }
      Thread.sleep(100);
    }
  }
}
