package io.nemeton.node.cluster;

import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.node.coordinator.CoordinatorConfig;
import io.nemeton.node.http.GatewayConfig;
import io.nemeton.node.indexing.TaskRunnerConfig;
import io.nemeton.node.server.PropertyValues;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The settings of one cluster process (coordinator, broker, historical or indexer), read from
 * {@code nemeton.*} properties and validated at start-up: a message names the property, the value
 * and the rule, and an unknown {@code nemeton.*} property is refused by name. Properties of other
 * roles are accepted, so one file may serve every role. Relative paths resolve against {@code
 * home}. Immutable.
 */
public record NodeConfig(Role role, String name, String host, int port, Path dataDirectory, String zooKeeperConnect,
    MetadataStoreConfig metadata, Path deepStorageDirectory, int httpIoThreads, int httpWorkerThreads,
    long httpMaxBodyBytes, int queryThreads, long queryTimeoutMs, boolean simd, String historicalTier,
    long historicalMaxCacheBytes, int historicalQueryPort, long brokerCacheBytes, long coordinatorPeriodMs,
    int coordinatorMaxMoves, TaskRunnerConfig indexer, Path sharedAeronDirectory) {

  /** The four process roles. */
  public enum Role {
    COORDINATOR(8081), BROKER(8888), HISTORICAL(8083), INDEXER(8091);

    final int defaultPort;

    Role(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    final Map<String, String> d = new LinkedHashMap<>();
    d.put("nemeton.name", "");
    d.put("nemeton.host", "127.0.0.1");
    d.put("nemeton.port", "");
    d.put("nemeton.dataDir", "var/cluster");
    d.put("nemeton.zookeeper.connect", "127.0.0.1:2181");
    d.put("nemeton.metadata.connectUri", "");
    d.put("nemeton.metadata.user", "");
    d.put("nemeton.metadata.password", "");
    d.put("nemeton.deepStorage.dir", "");
    d.put("nemeton.http.ioThreads", "2");
    d.put("nemeton.http.workerThreads", "32");
    d.put("nemeton.http.maxBodyBytes", String.valueOf(16L * 1024 * 1024));
    d.put("nemeton.query.threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
    d.put("nemeton.query.defaultTimeoutMs", "300000");
    d.put("nemeton.query.simd", "true");
    d.put("nemeton.historical.tier", "_default_tier");
    d.put("nemeton.historical.maxCacheBytes", String.valueOf(100L * 1024 * 1024 * 1024));
    d.put("nemeton.historical.queryPort", "0");
    d.put("nemeton.broker.cacheBytes", String.valueOf(64L * 1024 * 1024));
    d.put("nemeton.coordinator.periodMs", "1000");
    d.put("nemeton.coordinator.maxMoves", String.valueOf(CoordinatorConfig.DEFAULT_MAX_MOVES));
    d.put("nemeton.transport.aeronDir", "");
    return Collections.unmodifiableMap(d);
  }

  /**
   * Reads and checks the properties for {@code role}.
   *
   * @throws IllegalArgumentException naming the first bad or unknown property
   */
  public static NodeConfig from(Role role, Map<String, String> properties, Path home) {
    final TreeSet<String> unknown = new TreeSet<>();
    final Properties indexerProperties = new Properties();
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      final String key = entry.getKey();
      if (key.startsWith(TaskRunnerConfig.PREFIX)) {
        indexerProperties.setProperty(key, entry.getValue().trim());
      } else if (key.startsWith("nemeton.") && !DEFAULTS.containsKey(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown propert" + (unknown.size() == 1 ? "y " : "ies ")
          + String.join(", ", unknown) + " (known: " + String.join(", ", DEFAULTS.keySet()) + ", "
          + TaskRunnerConfig.PREFIX + "*)");
    }
    final PropertyValues v = new PropertyValues(properties, DEFAULTS);
    final String host = v.text("nemeton.host");
    final String portText = v.raw("nemeton.port");
    final int port = portText.isEmpty() ? role.defaultPort : (int) v.number("nemeton.port", 0, 65_535);
    final Path data = v.path("nemeton.dataDir", home);
    final String metadataUri = v.raw("nemeton.metadata.connectUri");
    final MetadataStoreConfig metadata;
    try {
      metadata = metadataUri.isEmpty() ? MetadataStoreConfig.sqlite(data.resolve("metadata.sqlite"))
          : new MetadataStoreConfig(metadataUri, blankToNull(v.raw("nemeton.metadata.user")),
              blankToNull(v.raw("nemeton.metadata.password")), MetadataStoreConfig.DEFAULT_TIMEOUT_MS);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("nemeton.metadata.connectUri=" + metadataUri + ": " + e.getMessage(), e);
    }
    final String deep = v.raw("nemeton.deepStorage.dir");
    final Path deepStorage = deep.isEmpty() ? data.resolve("deep-storage") : v.path("nemeton.deepStorage.dir", home);
    final String given = v.raw("nemeton.name");
    final String name = !given.isEmpty() ? given
        : role.label() + "-" + host + "-" + (port == 0 ? "pid" + ProcessHandle.current().pid() : port);
    if (name.contains("/") || name.startsWith(".")) {
      throw new IllegalArgumentException("nemeton.name=" + name + ": must not contain / nor start with .");
    }
    final TaskRunnerConfig indexer = TaskRunnerConfig.fromProperties(indexerProperties, nodeDirectory(data, name));
    return new NodeConfig(role, name,
        host, port, data, v.text("nemeton.zookeeper.connect"), metadata, deepStorage,
        (int) v.number("nemeton.http.ioThreads", 1, 1024), (int) v.number("nemeton.http.workerThreads", 1, 10_000),
        v.number("nemeton.http.maxBodyBytes", 1024, Integer.MAX_VALUE - 16),
        (int) v.number("nemeton.query.threads", 1, 1024), v.number("nemeton.query.defaultTimeoutMs", 0, 86_400_000),
        v.bool("nemeton.query.simd"), v.text("nemeton.historical.tier"),
        v.number("nemeton.historical.maxCacheBytes", 1, Long.MAX_VALUE / 2),
        (int) v.number("nemeton.historical.queryPort", 0, 65_535),
        v.number("nemeton.broker.cacheBytes", 0, Long.MAX_VALUE / 2),
        v.number("nemeton.coordinator.periodMs", 10, 3_600_000),
        (int) v.number("nemeton.coordinator.maxMoves", 0, CoordinatorConfig.MAX_MAX_MOVES), indexer,
        v.raw("nemeton.transport.aeronDir").isEmpty() ? null : v.path("nemeton.transport.aeronDir", home));
  }

  /**
   * Whether the process uses a media driver shared with the other processes of its host (property
   * {@code nemeton.transport.aeronDir}, the driver's directory) rather than one of its own: then
   * brokers and historicals on that driver talk over Aeron IPC.
   */
  public boolean sharedMediaDriver() {
    return sharedAeronDirectory != null;
  }

  /** The HTTP gateway's settings of this node. */
  public GatewayConfig gatewayConfig() {
    return new GatewayConfig(host, port, httpIoThreads, httpWorkerThreads, httpMaxBodyBytes);
  }

  /** This node's own directory (segment cache, media driver, task work): {@code dataDir/nodes/<name>}. */
  public Path nodeDirectory() {
    return nodeDirectory(dataDirectory, name);
  }

  private static Path nodeDirectory(Path data, String name) {
    return data.resolve("nodes").resolve(name);
  }

  private static String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
