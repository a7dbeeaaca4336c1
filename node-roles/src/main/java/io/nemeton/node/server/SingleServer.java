package io.nemeton.node.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nemeton.engine.kernel.KernelMode;
import io.nemeton.engine.run.BatchEngine;
import io.nemeton.engine.run.EngineChoice;
import io.nemeton.engine.run.EngineConfig;
import io.nemeton.metadata.MetadataStore;
import io.nemeton.metadata.MetadataStoreConfig;
import io.nemeton.metadata.SegmentRecord;
import io.nemeton.metadata.TaskRecord;
import io.nemeton.node.broker.Broker;
import io.nemeton.node.coordinator.Coordinator;
import io.nemeton.node.coordinator.CoordinatorConfig;
import io.nemeton.node.historical.Historical;
import io.nemeton.node.historical.HistoricalConfig;
import io.nemeton.node.http.Gateway;
import io.nemeton.node.http.GatewayBackends;
import io.nemeton.node.http.GatewayConfig;
import io.nemeton.node.indexing.TaskRunner;
import io.nemeton.node.indexing.TaskRunnerConfig;
import io.nemeton.node.storage.LocalDeepStorage;
import io.nemeton.node.zookeeper.EmbeddedZooKeeper;
import io.nemeton.node.zookeeper.ZooKeeperClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;

/**
 * Single-server mode: every role in one JVM over one data directory, wired by hand top to bottom.
 *
 * <pre>
 * DIR/metadata.sqlite   the metadata store (segments, rules, tasks, config)
 * DIR/deep-storage/     LocalDeepStorage: where tasks push segments
 * DIR/zookeeper/        the embedded ZooKeeper's data (announcements, load queues)
 * DIR/segment-cache/    the historical's cache: what it serves, reopened at restart
 * DIR/task-work/        running tasks' spill runs and segment files
 * </pre>
 *
 * A restart serves what the cache holds at once. {@link #close()} stops everything in reverse
 * order of start. Thread-safe.
 */
public final class SingleServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SingleServer.class.getName());
  /** The bundled sample's task spec, relative to the installation root. */
  public static final String SAMPLE_SPEC = "samples/wikipedia-index.json";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final ServerConfig config;
  private MetadataStore metadata;
  private Historical historical;
  private TaskRunner tasks;
  private Gateway gateway;
  private String sampleTaskId;

  private SingleServer(ServerConfig config) {
    this.config = config;
  }

  /** Starts every role; on a failure, what was started is stopped again and the failure thrown. */
  public static SingleServer start(ServerConfig config, Path home) throws Exception {
    final SingleServer server = new SingleServer(config);
    try {
      server.startAll(home);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void startAll(Path home) throws Exception {
    final Path dir = Files.createDirectories(config.dataDirectory());
    metadata = started(MetadataStore.open(MetadataStoreConfig.sqlite(dir.resolve("metadata.sqlite"))));
    final LocalDeepStorage deepStorage = new LocalDeepStorage(Files.createDirectories(dir.resolve("deep-storage")));
    final EmbeddedZooKeeper zooKeeper = started(EmbeddedZooKeeper.start(
        Files.createDirectories(dir.resolve("zookeeper")), config.zooKeeperPort()));
    final CuratorFramework zk = started(ZooKeeperClients.start(zooKeeper.connectString()));
    historical = started(new Historical(HistoricalConfig.of("historical", config.host(), config.port(),
        Files.createDirectories(dir.resolve("segment-cache")), config.historicalMaxCacheBytes()), zk, deepStorage));
    historical.start();
    final Coordinator coordinator = started(new Coordinator(new CoordinatorConfig("coordinator",
        config.coordinatorPeriodMs(), config.coordinatorMaxMoves()), zk, metadata));
    coordinator.start();
    tasks = started(new TaskRunner(new TaskRunnerConfig(config.indexerPoolSize(), config.indexerWorkDirectory(),
        config.indexerInputDirectory(), config.indexerMaxPendingTasks(), config.indexerMaxReportMessages(),
        config.indexerShutdownTimeoutMs()), metadata, deepStorage, coordinator::runNow));
    tasks.start();
    final EngineConfig engineConfig = EngineConfig.defaults().withThreads(config.brokerThreads());
    final BatchEngine reference = started(new BatchEngine(engineConfig));
    final BatchEngine simd = config.simd() ? started(simdEngine(engineConfig)) : null;
    final Broker broker = started(new Broker(historical, new EngineChoice(reference, simd), config.brokerThreads(),
        config.queryTimeoutMs()));
    gateway = started(Gateway.start(new GatewayConfig(config.host(), config.port(), config.httpIoThreads(),
        config.httpWorkerThreads(), config.httpMaxBodyBytes()),
        new GatewayBackends(broker, historical, metadata, tasks, coordinator::runNow)));
    if (config.loadSample() && metadata.segments().allUsedSegments().isEmpty()) {
      sampleTaskId = tasks.submit(sampleSpec(home));
    }
  }

  private static BatchEngine simdEngine(EngineConfig engineConfig) {
    try {
      return new BatchEngine(engineConfig, KernelMode.SIMD);
    } catch (IllegalStateException e) {
      LOG.log(System.Logger.Level.WARNING, "no SIMD engine, queries use the scalar one: " + e.getMessage());
      return null;
    }
  }

  /** The sample's task spec with its input pointed at the bundled file. */
  static String sampleSpec(Path home) throws IOException {
    final Path spec = home.resolve(SAMPLE_SPEC);
    if (!Files.isRegularFile(spec)) {
      throw new IOException("sample spec not found: " + spec + " (run from the repository, or start with --no-sample)");
    }
    final ObjectMapper json = new ObjectMapper();
    final ObjectNode task = (ObjectNode) json.readTree(spec.toFile());
    ((ObjectNode) task.path("spec").path("ioConfig").path("inputSource"))
        .put("baseDir", home.resolve("samples").toAbsolutePath().toString());
    return json.writeValueAsString(task);
  }

  private <T extends AutoCloseable> T started(T part) {
    if (part != null) {
      started.push(part);
    }
    return part;
  }

  /** The HTTP port listened on. */
  public int port() {
    return gateway.port();
  }

  public String host() {
    return gateway.host();
  }

  /** The id of the sample's task when this start submitted it, else null. */
  public String sampleTaskId() {
    return sampleTaskId;
  }

  /**
   * Waits until the sample task (if one was submitted) has succeeded and every used segment is
   * served. Returns false at the deadline.
   *
   * @throws IllegalStateException when the sample task failed, with its message
   */
  public boolean awaitReady(long timeoutMs) throws InterruptedException {
    final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < deadline) {
      if (ready()) {
        return true;
      }
      Thread.sleep(50);
    }
    return ready();
  }

  private boolean ready() {
    if (sampleTaskId != null) {
      final TaskRecord task = tasks.task(sampleTaskId).orElse(null);
      if (task == null || !task.state().isComplete()) {
        return false;
      }
      if (task.state() != io.nemeton.metadata.TaskState.SUCCESS) {
        throw new IllegalStateException("sample task " + sampleTaskId + " failed: " + task.errorMessage());
      }
    }
    final Set<String> served = new HashSet<>();
    for (SegmentRecord record : historical.served()) {
      served.add(record.id());
    }
    for (SegmentRecord record : metadata.segments().allUsedSegments()) {
      if (!served.contains(record.id())) {
        return false;
      }
    }
    return true;
  }

  /** Stops every role in reverse order of start; safe to call twice. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      final AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "stopping " + part.getClass().getSimpleName() + " failed", e);
      }
    }
  }
}
