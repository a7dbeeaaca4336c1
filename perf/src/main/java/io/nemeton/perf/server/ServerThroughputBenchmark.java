package io.nemeton.perf.server;

import io.nemeton.node.server.ServerConfig;
import io.nemeton.node.server.SingleServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Requests per second and latency of the single server over HTTP on loopback: starts a {@link
 * SingleServer} on a free port over a temp data directory with the bundled Wikipedia sample
 * (39,244 rows), waits until it is served, then for each query (timeBoundary, a small hourly
 * timeseries) runs {@code --clients} threads, each with its own keep-alive connection, for {@code
 * --warmup} seconds unmeasured and {@code --seconds} measured, and prints requests/s and p50, p99
 * and max latency. Run from the repository root (it finds {@code samples/} there):
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *   --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp perf/target/nemeton-perf.jar \
 *   io.nemeton.perf.server.ServerThroughputBenchmark --clients 16 --seconds 20 --warmup 5
 * </pre>
 *
 * A command, not a test: one run at a time; it deletes its data directory at the end.
 */
public final class ServerThroughputBenchmark {
  static final String TIME_BOUNDARY = "{\"queryType\":\"timeBoundary\",\"dataSource\":\"wikipedia\"}";
  static final String TIMESERIES = """
      {"queryType":"timeseries","dataSource":"wikipedia","intervals":["2015-09-12/2015-09-13"],
       "granularity":"hour","aggregations":[{"type":"count","name":"rows"},
       {"type":"longSum","name":"added","fieldName":"added"}]}""";

  private ServerThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = 16;
    int seconds = 20;
    int warmup = 5;
    for (int i = 0; i < args.length; i++) {
      final String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--clients" -> clients = positive(args[i], value, 1024);
        case "--seconds" -> seconds = positive(args[i], value, 3600);
        case "--warmup" -> warmup = positive(args[i], value, 3600);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (known: --clients N, --seconds N, --warmup N)");
      }
      i++;
    }
    final Path home = repositoryRoot();
    final Path dataDirectory = Files.createTempDirectory("nemeton-throughput");
    try {
      final long startNs = System.nanoTime();
      try (SingleServer server = SingleServer.start(ServerConfig.from(Map.of("nemeton.port", "0",
          "nemeton.dataDir", dataDirectory.toString()), home), home)) {
        if (!server.awaitReady(300_000)) {
          throw new IllegalStateException("the sample was not served within 300 s");
        }
        System.out.printf("server up with the sample served in %.1f s; %d clients, %d s warm-up, %d s measured%n",
            (System.nanoTime() - startNs) / 1e9, clients, warmup, seconds);
        final URI uri = URI.create("http://127.0.0.1:" + server.port() + "/druid/v2");
        for (Map.Entry<String, String> query : Map.of("timeBoundary", TIME_BOUNDARY, "timeseries (hourly, 2 aggs)",
            TIMESERIES).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
          LoadRun.run(uri, query.getValue(), clients, warmup * 1000L);
          final LoadRun.Result result = LoadRun.run(uri, query.getValue(), clients, seconds * 1000L);
          System.out.printf("%-28s %s%n", query.getKey(), result);
        }
      }
    } finally {
      deleteTree(dataDirectory);
    }
  }

  private static int positive(String name, String value, int max) {
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

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SingleServer.SAMPLE_SPEC))) {
        return dir;
      }
    }
    throw new IllegalStateException("no " + SingleServer.SAMPLE_SPEC + " above " + Path.of("").toAbsolutePath()
        + ": run from the repository");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
