package io.nemeton.perf.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nemeton.node.cluster.ClusterProcesses;
import io.nemeton.node.cluster.NodeConfig;
import io.nemeton.node.server.ServerConfig;
import io.nemeton.node.server.SingleServer;
import io.nemeton.perf.server.LoadRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What broker → historicals scatter/gather over Aeron adds to a small query. The setups hold the
 * same data (6 day segments of 100 rows, ingested by the same inline task):
 *
 * <ul>
 *   <li><b>in-process</b>: a {@link SingleServer} in this JVM: HTTP, then the engine over the
 *       mapped segments in the same process;
 *   <li><b>cluster</b>: real processes on loopback started like the drills ({@link
 *       ClusterProcesses}): ZooKeeper, a coordinator, an indexer, 3 historicals (2 segments each)
 *       and a broker; the broker sends each historical its sub-query and merges. Over {@code udp}
 *       each process embeds its own media driver; over {@code ipc} this JVM runs one driver all
 *       children share, as {@code nemeton cluster} does. {@code --transports udp,ipc} (the
 *       default) runs one cluster after the other, with the in-process figures taken before,
 *       between and after them.
 * </ul>
 *
 * Both are asked the same small timeseries over HTTP with the result cache off, so the difference
 * is the scatter/gather (encode, three round trips in parallel, decode, merge). The clients are
 * {@code PlainHttpClient}s (one blocking socket per client thread; {@code --client jdk}: the JDK's
 * {@code HttpClient}, whose thread hand-offs add to both setups' tails on a small host). With {@code
 * -Dnemeton.debug.latency=true} every process also prints where the time goes, stage by stage
 * (node-roles {@code LatencyStages}; the children's logs are then kept in {@code
 * perf/target/cluster-logs-TRANSPORT/}). For each it
 * prints latency from one client (p50, p99) and throughput from {@code --clients} concurrent
 * clients ({@code --clients 1}: the one-client line only; {@code --in-process false}: the cluster
 * lines only, for diagnosis). With {@code -Dnemeton.debug.latencyTrace=FILE} every process also
 * writes one line per query to {@code FILE.PID} ({@code LatencyTrace}). Each line warms up for {@code --warmup} seconds and then, in 5 s slices, until the JIT
 * compiler threads of every JVM of the setup used under 1 % of a core in the last slice ({@link
 * CompilerActivity}; at most 300 s), and prints the compilers' CPU during the measured seconds. Run from the repository root after packaging perf:
 *
 * <pre>
 * java -Xmx1g --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
 *   -cp perf/target/nemeton-perf.jar io.nemeton.perf.cluster.ScatterGatherBenchmark --seconds 20 --warmup 10
 * </pre>
 *
 * A command, not a test; it deletes its directories at the end.
 */
public final class ScatterGatherBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int DAYS = 6;
  private static final int ROWS = 100;
  private static final int MAX_WARMUP_S = 300;
  private static final int WARMUP_SLICE_S = 5;
  static final String QUERY = "{\"queryType\":\"timeseries\",\"dataSource\":\"bench\",\"intervals\":[\"2024-01-01/2024-02-01\"],"
      + "\"granularity\":\"all\",\"aggregations\":[{\"type\":\"count\",\"name\":\"rows\"},"
      + "{\"type\":\"longSum\",\"name\":\"added\",\"fieldName\":\"added\"}],"
      + "\"context\":{\"useCache\":false,\"populateCache\":false}}";

  private ScatterGatherBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = 16;
    int seconds = 20;
    int warmup = 10;
    List<String> transports = List.of("udp", "ipc");
    boolean inProcess = true;
    boolean plain = true;
    for (int i = 0; i < args.length; i += 2) {
      final String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--clients" -> clients = positive(args[i], value, 1024);
        case "--seconds" -> seconds = positive(args[i], value, 3600);
        case "--warmup" -> warmup = positive(args[i], value, 3600);
        case "--transports" -> transports = transports(value);
        case "--in-process" -> inProcess = !"false".equals(value);
        case "--client" -> plain = !"jdk".equals(value);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (known: --clients N, --seconds N, --warmup N, --transports udp,ipc, --in-process true|false, --client plain|jdk)");
      }
    }
    final Path home = Path.of("").toAbsolutePath();
    final Path single = Files.createTempDirectory("nemeton-sg-single");
    final String expected = expected();
    try (SingleServer server = SingleServer.start(ServerConfig.from(Map.of("nemeton.port", "0",
        "nemeton.dataDir", single.toString(), "nemeton.sample", "false"), home), home)) {
      final String singleBase = "http://127.0.0.1:" + server.port();
      ingest(singleBase, expected);
      System.out.printf("every setup answers %s; warm-up %d s with %d clients, then per line at least %d s warm-up"
          + " (longer until the JIT compilers are quiet) and %d s measured; %s clients%n",
          expected, warmup, clients, warmup, seconds, plain ? "plain-socket" : "JDK HttpClient");
      // The in-process figures are taken before and after each cluster's, so that each cluster
      // is compared with the in-process engine under the same load of the machine.
      final List<Long> self = List.of(ProcessHandle.current().pid());
      if (inProcess) {
        measure("in-process", singleBase, self, clients, warmup, seconds, plain);
      }
      for (String transport : transports) {
        final Path clusterDir = Files.createTempDirectory("nemeton-sg-cluster");
        try (ClusterProcesses cluster = new ClusterProcesses(clusterDir, System.getProperty("nemeton.bench.childHeap", "512m"))) {
          final List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
          final String brokerBase = startCluster(cluster, transport.equals("ipc"), pids);
          post(brokerBase + "/druid/coordinator/v1/rules/bench", "[{\"type\":\"loadForever\",\"tieredReplicants\":{\"_default_tier\":1}}]");
          ingest(brokerBase, expected);
          measure("cluster " + transport + " (3 historicals)", brokerBase, pids, clients, warmup, seconds, plain);
        } finally {
          keepLogs(clusterDir, transport);
          deleteTree(clusterDir);
        }
        if (inProcess) {
          measure("in-process", singleBase, self, clients, warmup, seconds, plain);
        }
      }
    } finally {
      deleteTree(single);
    }
  }

  private static void measure(String setup, String base, List<Long> pids, int clients, int warmup, int seconds,
      boolean plain) throws Exception {
    final URI uri = URI.create(base + "/druid/v2");
    // Compile first: a fresh cluster's JVMs get ~10x fewer queries from one client than the
    // in-process server in the same warm-up, and would be measured while C2 still compiles.
    LoadRun.run(uri, QUERY, clients, warmup * 1000L, plain);
    for (int concurrency : clients == 1 ? new int[] {1} : new int[] {1, clients}) {
      final int warmed = warmUntilCompiled(uri, pids, concurrency, warmup, plain);
      final String loadBefore = loadAverage();
      final long compilingBefore = CompilerActivity.compilerMillis(pids);
      final LoadRun.Result result = LoadRun.run(uri, QUERY, concurrency, seconds * 1000L, plain);
      final long compiling = CompilerActivity.compilerMillis(pids) - compilingBefore;
      System.out.printf("%-30s %2d client(s)  %s  load %s -> %s  warm-up %d s, JIT %d ms while measured%n", setup,
          concurrency, result, loadBefore, loadAverage(), warmed, compiling);
    }
  }

  /**
   * Runs the load for at least {@code warmup} seconds and then until the JIT compilers of {@code
   * pids} used under 1 % of a core over the last slice (or {@link #MAX_WARMUP_S} passed): so the
   * figures are of compiled code, not of the compilers taking the cores. Returns the seconds used.
   */
  private static int warmUntilCompiled(URI uri, List<Long> pids, int concurrency, int warmup, boolean plain)
      throws Exception {
    LoadRun.run(uri, QUERY, concurrency, warmup * 1000L, plain);
    int used = warmup;
    while (CompilerActivity.available() && used < MAX_WARMUP_S) {
      final long before = CompilerActivity.compilerMillis(pids);
      LoadRun.run(uri, QUERY, concurrency, WARMUP_SLICE_S * 1000L, plain);
      used += WARMUP_SLICE_S;
      if (CompilerActivity.compilerMillis(pids) - before < WARMUP_SLICE_S * 10L) {
        break;
      }
    }
    return used;
  }

  /**
   * With the latency switch on, the children's logs (their per-stage timings) are copied to
   * {@code perf/target/cluster-logs-TRANSPORT/} before the cluster's directory is deleted.
   */
  private static void keepLogs(Path clusterDir, String transport) throws IOException {
    final Path logs = clusterDir.resolve("logs");
    if (!Boolean.getBoolean("nemeton.debug.latency") || !Files.isDirectory(logs)) {
      return;
    }
    final Path kept = Path.of("perf", "target", "cluster-logs-" + transport).toAbsolutePath();
    deleteTree(kept);
    Files.createDirectories(kept);
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        Files.copy(file, kept.resolve(file.getFileName()));
      }
    }
    System.out.println("children's logs with their latency stages kept in " + kept);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static List<String> transports(String value) {
    final List<String> out = List.of(String.valueOf(value).split(","));
    for (String transport : out) {
      if (!transport.equals("udp") && !transport.equals("ipc")) {
        throw new IllegalArgumentException("--transports " + value + ": a comma-separated list of udp and ipc");
      }
    }
    return out;
  }

  private static String startCluster(ClusterProcesses cluster, boolean ipc, List<Long> pids) throws Exception {
    cluster.startZooKeeper(60_000);
    if (ipc) {
      cluster.startSharedMediaDriver();
    }
    final List<ClusterProcesses.Child> all = new ArrayList<>();
    // the default coordinator period (1 s), as the in-process server runs it
    all.add(cluster.start(NodeConfig.Role.COORDINATOR, 1, List.of("nemeton.port=0")));
    all.add(cluster.start(NodeConfig.Role.INDEXER, 1, List.of("nemeton.port=0")));
    for (int n = 1; n <= 3; n++) {
      all.add(cluster.start(NodeConfig.Role.HISTORICAL, n, List.of("nemeton.query.threads=2")));
    }
    final ClusterProcesses.Child broker = cluster.start(NodeConfig.Role.BROKER, 1, List.of("nemeton.port=0"));
    all.add(broker);
    cluster.awaitReady(all, 120_000);
    for (ClusterProcesses.Child child : all) {
      pids.add(child.process().pid());
    }
    return "http://127.0.0.1:" + broker.port("http");
  }

  /** Submits the inline task and waits until the query answers {@code expected}. */
  private static void ingest(String base, String expected) throws Exception {
    final HttpResponse<String> submitted = post(base + "/druid/indexer/v1/task", task());
    if (submitted.statusCode() != 200) {
      throw new IllegalStateException("task refused by " + base + ": " + submitted.statusCode() + " " + submitted.body());
    }
    final long deadline = System.currentTimeMillis() + 180_000;
    String got = "";
    while (System.currentTimeMillis() < deadline) {
      final HttpResponse<String> answer = post(base + "/druid/v2", QUERY);
      got = answer.body();
      if (answer.statusCode() == 200 && JSON.readTree(got).size() == 1
          && expected.equals(JSON.readTree(got).get(0).path("result").toString())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(base + " did not answer " + expected + " within 180 s; last answer " + got);
  }

  private static String expected() {
    long added = 0;
    for (int day = 0; day < DAYS; day++) {
      for (int row = 0; row < ROWS; row++) {
        added += day * 1000L + row;
      }
    }
    return "{\"rows\":" + (DAYS * ROWS) + ",\"added\":" + added + "}";
  }

  private static String task() throws IOException {
    final StringBuilder data = new StringBuilder();
    for (int day = 0; day < DAYS; day++) {
      for (int row = 0; row < ROWS; row++) {
        data.append(String.format("{\"ts\":\"2024-01-%02dT%02d:%02d:00Z\",\"page\":\"p%d\",\"added\":%d}%n",
            day + 1, row % 24, row % 60, row % 7, day * 1000 + row));
      }
    }
    final var task = JSON.createObjectNode().put("type", "index_parallel");
    final var spec = task.putObject("spec");
    final var schema = spec.putObject("dataSchema").put("dataSource", "bench");
    schema.putObject("timestampSpec").put("column", "ts").put("format", "iso");
    schema.putObject("dimensionsSpec").putArray("dimensions").add("page");
    final var metrics = schema.putArray("metricsSpec");
    metrics.addObject().put("type", "count").put("name", "count");
    metrics.addObject().put("type", "longSum").put("name", "added").put("fieldName", "added");
    schema.putObject("granularitySpec").put("segmentGranularity", "day").put("queryGranularity", "none")
        .put("rollup", false);
    final var io = spec.putObject("ioConfig").put("type", "index_parallel");
    io.putObject("inputSource").put("type", "inline").put("data", data.toString());
    io.putObject("inputFormat").put("type", "json");
    spec.putObject("tuningConfig").put("type", "index_parallel");
    return JSON.writeValueAsString(task);
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static int positive(String name, String value, int max) {
    try {
      final int parsed = Integer.parseInt(String.valueOf(value));
      if (parsed >= 1 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(name + "=" + value + ": must be a whole number within 1.." + max);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
