package io.nemeton.node.server;

import io.nemeton.node.coordinator.CoordinatorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The single server's settings, read from {@code nemeton.*} properties (a properties file, then
 * command-line flags over it) and validated at start-up: every message names the property, the
 * value and the rule, and an unknown {@code nemeton.*} property is refused by name so a typo never
 * passes silently. Properties not starting with {@code nemeton.} are ignored. Immutable.
 *
 * <p>Relative paths resolve against {@code home} (the installation root); an empty {@code
 * nemeton.indexer.workDirectory} means {@code DIR/task-work} under the data directory.
 */
public record ServerConfig(String host, int port, Path dataDirectory, boolean loadSample, int httpIoThreads,
    int httpWorkerThreads, long httpMaxBodyBytes, int brokerThreads, long queryTimeoutMs, boolean simd,
    int zooKeeperPort, int indexerPoolSize, int indexerMaxPendingTasks, int indexerMaxReportMessages,
    long indexerShutdownTimeoutMs, Path indexerWorkDirectory, Path indexerInputDirectory, long historicalMaxCacheBytes,
    long coordinatorPeriodMs, int coordinatorMaxMoves) {

  /** Every known property with its default and its rule, in the order the README lists them. */
  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    final Map<String, String> d = new LinkedHashMap<>();
    d.put("nemeton.host", "127.0.0.1");
    d.put("nemeton.port", "8888");
    d.put("nemeton.dataDir", "var");
    d.put("nemeton.sample", "true");
    d.put("nemeton.http.ioThreads", "2");
    d.put("nemeton.http.workerThreads", "32");
    d.put("nemeton.http.maxBodyBytes", String.valueOf(16L * 1024 * 1024));
    d.put("nemeton.broker.threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
    d.put("nemeton.query.defaultTimeoutMs", "300000");
    d.put("nemeton.query.simd", "true");
    d.put("nemeton.zookeeper.port", "0");
    d.put("nemeton.indexer.poolSize", "2");
    d.put("nemeton.indexer.maxPendingTasks", "1000");
    d.put("nemeton.indexer.maxReportMessages", "100");
    d.put("nemeton.indexer.shutdownTimeoutMs", "10000");
    d.put("nemeton.indexer.workDirectory", "");
    d.put("nemeton.indexer.inputDirectory", ".");
    d.put("nemeton.historical.maxCacheBytes", String.valueOf(100L * 1024 * 1024 * 1024));
    d.put("nemeton.coordinator.periodMs", "1000");
    d.put("nemeton.coordinator.maxMoves", String.valueOf(CoordinatorConfig.DEFAULT_MAX_MOVES));
    return java.util.Collections.unmodifiableMap(d);
  }

  /**
   * Reads and checks the properties; {@code home} anchors relative paths.
   *
   * @throws IllegalArgumentException naming the first bad or unknown property
   */
  public static ServerConfig from(Map<String, String> properties, Path home) {
    final TreeSet<String> unknown = new TreeSet<>();
    for (String key : properties.keySet()) {
      if (key.startsWith("nemeton.") && !DEFAULTS.containsKey(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown propert" + (unknown.size() == 1 ? "y " : "ies ")
          + String.join(", ", unknown) + " (known: " + String.join(", ", DEFAULTS.keySet()) + ")");
    }
    final PropertyValues r = new PropertyValues(properties, DEFAULTS);
    final String host = r.text("nemeton.host");
    final Path dataDirectory = r.path("nemeton.dataDir", home);
    final String work = r.raw("nemeton.indexer.workDirectory");
    return new ServerConfig(host, (int) r.number("nemeton.port", 0, 65_535),
        dataDirectory, r.bool("nemeton.sample"),
        (int) r.number("nemeton.http.ioThreads", 1, 1024), (int) r.number("nemeton.http.workerThreads", 1, 10_000),
        r.number("nemeton.http.maxBodyBytes", 1024, Integer.MAX_VALUE - 16),
        (int) r.number("nemeton.broker.threads", 1, 1024), r.number("nemeton.query.defaultTimeoutMs", 0, 86_400_000),
        r.bool("nemeton.query.simd"), (int) r.number("nemeton.zookeeper.port", 0, 65_535),
        (int) r.number("nemeton.indexer.poolSize", 1, 64), (int) r.number("nemeton.indexer.maxPendingTasks", 1, 100_000),
        (int) r.number("nemeton.indexer.maxReportMessages", 0, 10_000),
        r.number("nemeton.indexer.shutdownTimeoutMs", 0, 600_000),
        work.isEmpty() ? dataDirectory.resolve("task-work") : r.path("nemeton.indexer.workDirectory", home),
        r.path("nemeton.indexer.inputDirectory", home),
        r.number("nemeton.historical.maxCacheBytes", 1, Long.MAX_VALUE / 2),
        r.number("nemeton.coordinator.periodMs", 10, 3_600_000),
        (int) r.number("nemeton.coordinator.maxMoves", 0, CoordinatorConfig.MAX_MAX_MOVES));
  }

}
